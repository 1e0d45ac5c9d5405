-- A read or an extraction that failed on a version (a panic caught, a time limit passed): the
-- document is named, skipped, and tried again only by another reader or extractor (new code),
-- never by the same one, so that one bad document cannot fail every later build.
CREATE TABLE stage_failures (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    stage      TEXT NOT NULL CHECK (stage IN ('read', 'extract')),
    worker     TEXT NOT NULL,
    message    TEXT NOT NULL,
    failed_at  TEXT NOT NULL,
    PRIMARY KEY (version_id, stage)
);
