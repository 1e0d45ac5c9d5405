-- Official sanctions lists (crate `lists`). A list file is an original like any other: its
-- bytes are in `blobs` under their SHA-256, and importing the same bytes again is a no-op.
CREATE TABLE list_files (
    sha256       TEXT PRIMARY KEY REFERENCES blobs(sha256),
    name         TEXT NOT NULL,
    format       TEXT NOT NULL,
    authority    TEXT NOT NULL,
    -- The OFAC set a file of `sdn`/`alt`/`add`/`sdn_comments` belongs to, else NULL.
    list_set     TEXT,
    as_of        TEXT,
    entries      INTEGER NOT NULL,
    -- The records skipped, as JSON [{"at": ..., "message": ...}].
    problems     TEXT NOT NULL,
    imported_at  TEXT NOT NULL
) STRICT;

-- One listed person or body: the `lists::Entry` as JSON, with the columns queries need.
-- `record` is its id in the file (provenance).
CREATE TABLE list_entries (
    id         INTEGER PRIMARY KEY,
    file       TEXT NOT NULL REFERENCES list_files(sha256),
    record     TEXT NOT NULL,
    authority  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    listed_on  TEXT,
    entry      TEXT NOT NULL
) STRICT;
CREATE INDEX list_entries_record ON list_entries(authority, record);

-- Every name of an entry, for lookups in a SQLite shell and by other tools.
CREATE TABLE list_names (
    entry    INTEGER NOT NULL REFERENCES list_entries(id),
    name     TEXT NOT NULL,
    quality  TEXT NOT NULL
) STRICT;
CREATE INDEX list_names_entry ON list_names(entry);

-- Identity documents, keyed by their letters and digits so that lists can be joined on them.
CREATE TABLE list_identifiers (
    entry    INTEGER NOT NULL REFERENCES list_entries(id),
    kind     TEXT NOT NULL,
    number   TEXT NOT NULL,
    key      TEXT NOT NULL,
    country  TEXT
) STRICT;
CREATE INDEX list_identifiers_key ON list_identifiers(key);

-- What the supplementary OFAC files (aliases, addresses, comments) add to an entry of their
-- set, as `lists::Supplement` JSON; joined to the entries when they are loaded.
CREATE TABLE list_supplements (
    file     TEXT NOT NULL REFERENCES list_files(sha256),
    record   TEXT NOT NULL,
    supplement TEXT NOT NULL
) STRICT;
