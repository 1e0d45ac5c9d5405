-- Claims added by hand are found by search like the machine's, and a reviewer's edit is
-- what search finds; and one more audit action, `alias` (a name marked as another name of
-- an entity, from its page).
--
-- The claim index (`search_claims`) takes each added claim under the negative of its
-- `added_claims` rowid (clear of the claims' positive rowids), and a decision on a claim
-- indexes it again with the reviewer's fields. A claim is found by its evidence and by the
-- values of its fields, never by its ids, its document's SHA-256, its entity ids or its rule
-- (the selection of migration 0009).

-- The wider list of actions: as in migration 0011, the log is copied out and back row for
-- row (same seq, same values), with the tables that refer to it (`reviews`, `added_claims`),
-- and the append-only triggers are made again on the new table.
CREATE TEMP TABLE audit_keep AS SELECT * FROM audit_log;
CREATE TEMP TABLE reviews_keep AS SELECT * FROM reviews;
CREATE TEMP TABLE added_keep AS SELECT * FROM added_claims;
DROP TABLE reviews;
DROP TABLE added_claims;
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TABLE audit_log;
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    action       TEXT NOT NULL
                 CHECK (action IN ('accept', 'reject', 'edit', 'note', 'merge', 'split',
                                   'add', 'unjudge', 'alias')),
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
CREATE TABLE added_claims (
    claim_id    TEXT PRIMARY KEY,
    doc_sha256  TEXT NOT NULL,
    claim       TEXT NOT NULL,
    seq         INTEGER NOT NULL REFERENCES audit_log(seq)
) STRICT;
CREATE INDEX added_claims_doc ON added_claims(doc_sha256);

-- A claim extracted again is indexed as the reviewer left it, not as the machine has it.
DROP TRIGGER search_claims_insert;
CREATE TRIGGER search_claims_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO search_claims (rowid, type, evidence, fields)
        SELECT new.rowid, new.type, json_extract(new.json, '$.evidence.text'),
            (SELECT group_concat(t.value, ' ')
             FROM json_tree(COALESCE((SELECT r.claim FROM reviews r WHERE r.claim_id = new.id),
                                     new.json)) t
             WHERE t.type = 'text' AND t.path NOT LIKE '$.evidence%'
                 AND t.path NOT LIKE '$.entity_ids%'
                 AND t.key NOT IN ('id', 'doc_sha256', 'rule'));
END;

-- A claim added by hand, at once.
CREATE TRIGGER search_added_insert AFTER INSERT ON added_claims
BEGIN
    INSERT INTO search_claims (rowid, type, evidence, fields)
        SELECT -new.rowid, json_extract(new.claim, '$.type'),
            json_extract(new.claim, '$.evidence.text'),
            (SELECT group_concat(t.value, ' ')
             FROM json_tree(COALESCE((SELECT r.claim FROM reviews r WHERE r.claim_id = new.claim_id),
                                     new.claim)) t
             WHERE t.type = 'text' AND t.path NOT LIKE '$.evidence%'
                 AND t.path NOT LIKE '$.entity_ids%'
                 AND t.key NOT IN ('id', 'doc_sha256', 'rule'));
END;
CREATE TRIGGER search_added_delete AFTER DELETE ON added_claims
BEGIN
    DELETE FROM search_claims WHERE rowid = -old.rowid;
END;

-- A decision (an edit, or an accept or reject that leaves the machine's fields) indexes its
-- claim again, machine rows and an added claim alike. `INSERT OR REPLACE` into `reviews`
-- fires this as an insert.
CREATE TRIGGER search_claims_reviewed AFTER INSERT ON reviews
BEGIN
    DELETE FROM search_claims WHERE rowid IN (SELECT rowid FROM claims WHERE id = new.claim_id);
    DELETE FROM search_claims
        WHERE rowid IN (SELECT -rowid FROM added_claims WHERE claim_id = new.claim_id);
    INSERT INTO search_claims (rowid, type, evidence, fields)
        SELECT c.rowid, c.type, json_extract(c.json, '$.evidence.text'),
            (SELECT group_concat(t.value, ' ') FROM json_tree(COALESCE(new.claim, c.json)) t
             WHERE t.type = 'text' AND t.path NOT LIKE '$.evidence%'
                 AND t.path NOT LIKE '$.entity_ids%'
                 AND t.key NOT IN ('id', 'doc_sha256', 'rule'))
        FROM claims c WHERE c.id = new.claim_id;
    INSERT INTO search_claims (rowid, type, evidence, fields)
        SELECT -a.rowid, json_extract(a.claim, '$.type'), json_extract(a.claim, '$.evidence.text'),
            (SELECT group_concat(t.value, ' ') FROM json_tree(COALESCE(new.claim, a.claim)) t
             WHERE t.type = 'text' AND t.path NOT LIKE '$.evidence%'
                 AND t.path NOT LIKE '$.entity_ids%'
                 AND t.key NOT IN ('id', 'doc_sha256', 'rule'))
        FROM added_claims a WHERE a.claim_id = new.claim_id;
END;

-- What is there already: copied back, each row indexed by the triggers above (decisions
-- first, so that an added claim that was edited is indexed as edited).
INSERT INTO reviews SELECT * FROM reviews_keep;
INSERT INTO added_claims SELECT * FROM added_keep;
DROP TABLE audit_keep;
DROP TABLE reviews_keep;
DROP TABLE added_keep;
