-- Which extractor (claim rules and the reader under them) extracted each version, and when.
CREATE TABLE extractions (
    version_id    INTEGER PRIMARY KEY REFERENCES versions(id),
    extractor     TEXT NOT NULL,
    extracted_at  TEXT NOT NULL
) STRICT;

-- The claims found, in the contract's JSON shape (shared/spec/claims.md), with the columns
-- that queries need pulled out.
CREATE TABLE claims (
    id          TEXT NOT NULL,
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    type        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    json        TEXT NOT NULL,
    PRIMARY KEY (version_id, id)
) STRICT;
CREATE INDEX claims_type ON claims(type);
