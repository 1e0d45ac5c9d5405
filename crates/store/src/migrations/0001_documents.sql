-- Originals, addressed by content. A blob is written once and never changed.
CREATE TABLE blobs (
    sha256    TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    bytes     BLOB NOT NULL,
    added_at  TEXT NOT NULL
) STRICT;

-- One row per batch command, so that every version and log line can say which run made it.
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    command      TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    ingested     INTEGER,
    unchanged    INTEGER,
    updated      INTEGER,
    failed       INTEGER
) STRICT;

-- A document is a file name over time; its contents are its versions.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- What one set of bytes said: its text, metadata and the map back to the original.
CREATE TABLE versions (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id),
    seq            INTEGER NOT NULL,
    is_current     INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    sha256         TEXT NOT NULL REFERENCES blobs(sha256),
    run_id         INTEGER REFERENCES runs(id),
    ingested_at    TEXT NOT NULL,
    format         TEXT NOT NULL,
    encoding       TEXT,
    extractor      TEXT NOT NULL,
    text           TEXT NOT NULL,
    chars          INTEGER NOT NULL,
    title          TEXT,
    publisher      TEXT,
    author         TEXT,
    url            TEXT,
    language       TEXT,
    published      TEXT,
    detected_meta  TEXT NOT NULL,
    overrides      TEXT NOT NULL,
    metadata       TEXT NOT NULL,
    diagnostics    TEXT NOT NULL,
    UNIQUE (document_id, seq)
) STRICT;
CREATE UNIQUE INDEX versions_one_current ON versions(document_id) WHERE is_current = 1;
CREATE INDEX versions_sha256 ON versions(sha256);

-- Paragraph-level map from extracted text (byte offsets) to the original (bytes or page).
CREATE TABLE segments (
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    ord         INTEGER NOT NULL,
    text_start  INTEGER NOT NULL,
    text_end    INTEGER NOT NULL,
    src_start   INTEGER,
    src_end     INTEGER,
    page        INTEGER,
    PRIMARY KEY (version_id, ord)
) STRICT, WITHOUT ROWID;

-- Every file a run looked at, with what became of it; failures keep their message.
CREATE TABLE ingest_log (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER REFERENCES runs(id),
    at       TEXT NOT NULL,
    path     TEXT NOT NULL,
    sha256   TEXT,
    outcome  TEXT NOT NULL CHECK (outcome IN ('ingested', 'new-version', 'unchanged', 'updated', 'failed')),
    message  TEXT
) STRICT;
CREATE INDEX ingest_log_run ON ingest_log(run_id);
