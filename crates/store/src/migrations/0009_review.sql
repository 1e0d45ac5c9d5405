-- The investigator's review (dossier serve): an append-only audit log of every human action,
-- the review decision on each claim that it implies, and full-text search.

-- Every human action, in order: who, when, what, on which claim or entity, the state before
-- and after (JSON), and why. Rows are never changed or deleted (the triggers refuse).
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    action       TEXT NOT NULL
                 CHECK (action IN ('accept', 'reject', 'edit', 'note', 'merge', 'split')),
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('claim', 'entity')),
    target       TEXT NOT NULL,
    before       TEXT,
    after        TEXT,
    why          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_target ON audit_log(target_kind, target);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The current decision on a claim, keyed by the claim's id (a hash of document, type,
-- evidence span and key arguments), not by a row of `claims`: re-reading and re-extracting
-- replace claim rows, never these. A decision whose claim is gone is orphaned, not lost.
-- It is what replaying the audit log gives; `seq` is the entry that set it.
CREATE TABLE reviews (
    claim_id  TEXT PRIMARY KEY,
    decision  TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited')),
    claim     TEXT,
    seq       INTEGER NOT NULL REFERENCES audit_log(seq)
) STRICT;

-- Claims are looked up by id alone (a claim's page, a review).
CREATE INDEX claims_id ON claims(id);

-- Full-text search. Documents: one row per current version (rowid = versions.id), kept in
-- step by triggers. Claims: one row per claim row (rowid = claims.rowid: the store never
-- runs VACUUM, which could renumber it), its evidence and field values. Entities are
-- computed on each build, so their index is rewritten then.
CREATE VIRTUAL TABLE search_documents USING fts5(name, title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_claims USING fts5(type, evidence, fields, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_entities USING fts5(entity_id UNINDEXED, kind UNINDEXED, names, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO search_documents (rowid, name, title, text)
    SELECT v.id, d.name, COALESCE(v.title, ''), v.text
    FROM versions v JOIN documents d ON d.id = v.document_id WHERE v.is_current = 1;
CREATE TRIGGER search_documents_insert AFTER INSERT ON versions WHEN new.is_current = 1
BEGIN
    INSERT INTO search_documents (rowid, name, title, text)
        SELECT new.id, d.name, COALESCE(new.title, ''), new.text FROM documents d
        WHERE d.id = new.document_id;
END;
CREATE TRIGGER search_documents_retire AFTER UPDATE OF is_current ON versions
    WHEN old.is_current = 1 AND new.is_current = 0
BEGIN
    DELETE FROM search_documents WHERE rowid = old.id;
END;
CREATE TRIGGER search_documents_title AFTER UPDATE OF title ON versions WHEN new.is_current = 1
BEGIN
    UPDATE search_documents SET title = COALESCE(new.title, '') WHERE rowid = new.id;
END;

INSERT INTO search_claims (rowid, type, evidence, fields)
    SELECT c.rowid, c.type, json_extract(c.json, '$.evidence.text'),
        (SELECT group_concat(t.value, ' ') FROM json_tree(c.json) t
         WHERE t.type = 'text' AND t.path NOT LIKE '$.evidence%'
             AND t.path NOT LIKE '$.entity_ids%'
             AND t.key NOT IN ('id', 'doc_sha256', 'rule'))
    FROM claims c;
CREATE TRIGGER search_claims_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO search_claims (rowid, type, evidence, fields)
        SELECT new.rowid, new.type, json_extract(new.json, '$.evidence.text'),
            (SELECT group_concat(t.value, ' ') FROM json_tree(new.json) t
             WHERE t.type = 'text' AND t.path NOT LIKE '$.evidence%'
                 AND t.path NOT LIKE '$.entity_ids%'
                 AND t.key NOT IN ('id', 'doc_sha256', 'rule'));
END;
CREATE TRIGGER search_claims_delete AFTER DELETE ON claims
BEGIN
    DELETE FROM search_claims WHERE rowid = old.rowid;
END;
