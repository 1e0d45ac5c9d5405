-- Claims an investigator adds by hand (the workbench's document page), and two more audit
-- actions: `add` (a human claim) and `unjudge` (a merge or split taken back, as
-- `dossier judgements --remove` does).

-- SQLite cannot change a CHECK constraint in place: the log is copied out and back into a
-- table with the wider list of actions, row for row (same seq, same values). `reviews`
-- refers to the log, so it is carried over the same way. The append-only triggers are
-- dropped with the old table and made again on the new one.
CREATE TEMP TABLE audit_keep AS SELECT * FROM audit_log;
CREATE TEMP TABLE reviews_keep AS SELECT * FROM reviews;
DROP TABLE reviews;
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TABLE audit_log;
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    action       TEXT NOT NULL
                 CHECK (action IN ('accept', 'reject', 'edit', 'note', 'merge', 'split',
                                   'add', 'unjudge')),
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('claim', 'entity')),
    target       TEXT NOT NULL,
    before       TEXT,
    after        TEXT,
    why          TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO audit_log SELECT * FROM audit_keep;
CREATE INDEX audit_log_target ON audit_log(target_kind, target);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE reviews (
    claim_id  TEXT PRIMARY KEY,
    decision  TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited')),
    claim     TEXT,
    seq       INTEGER NOT NULL REFERENCES audit_log(seq)
) STRICT;
INSERT INTO reviews SELECT * FROM reviews_keep;
-- A human claim, keyed by its id like a machine claim, with the document's SHA-256 it was
-- read from: it is in the case while that version is current, and orphaned (kept, listed)
-- when the document changes. Reviews apply to it as to any claim. `seq` is the entry that
-- added it.
CREATE TABLE added_claims (
    claim_id    TEXT PRIMARY KEY,
    doc_sha256  TEXT NOT NULL,
    claim       TEXT NOT NULL,
    seq         INTEGER NOT NULL REFERENCES audit_log(seq)
) STRICT;
CREATE INDEX added_claims_doc ON added_claims(doc_sha256);
DROP TABLE audit_keep;
DROP TABLE reviews_keep;
