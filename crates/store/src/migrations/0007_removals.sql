-- A document taken out of the case (`dossier remove`): its versions, originals and stage
-- output stay, as the audit trail; it is left out of the listings, the claims and the case
-- until its file is ingested again. `removals` keeps each removal and its undoing.
ALTER TABLE documents ADD COLUMN removed_at TEXT;
CREATE TABLE removals (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    sha256       TEXT NOT NULL,
    removed_at   TEXT NOT NULL,
    restored_at  TEXT
) STRICT;
