//! The investigator's review: the append-only audit log, the decision on each claim it
//! implies, and full-text search over documents, claims and entities.
//!
//! Every write here appends one audit entry and applies its effect in the same transaction,
//! so that the `reviews` and `judgements` tables are always what replaying the log gives.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::{DocSummary, Result, Store};

/// One line of the audit log.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Its position in the log (0 for an entry not yet written).
    pub seq: i64,
    /// When (UTC, RFC 3339; set by the store).
    pub at: String,
    /// Who acted.
    pub who: String,
    /// What they did: accept, reject, edit, note, merge, split.
    pub action: String,
    /// `claim` or `entity`.
    pub target_kind: String,
    /// The claim id, or for entities the names judged (`left` ⇄ `right`) or the entity id.
    pub target: String,
    /// The state before, as JSON.
    pub before: Option<String>,
    /// The state after, as JSON.
    pub after: Option<String>,
    /// Their reason or note.
    pub why: String,
}

/// What a logged action changes besides the log.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Effect {
    /// Nothing (a note).
    None,
    /// Sets the decision on a claim: `accepted`, `rejected` or `edited` (with the edited
    /// claim's JSON).
    Review {
        /// The claim's id.
        claim_id: String,
        /// The decision.
        decision: String,
        /// For `edited`, the claim as the reviewer left it.
        claim: Option<String>,
    },
    /// Adds a claim by hand (its JSON), read from the document version with this SHA-256.
    Add {
        /// The claim's id.
        claim_id: String,
        /// The SHA-256 of the document version its evidence offsets refer to.
        doc_sha256: String,
        /// The claim's JSON.
        claim: String,
    },
    /// Takes back the judgement with this id.
    Unjudge {
        /// The judgement's id.
        id: i64,
    },
    /// Records a judgement on two names (`same` or `different`), replacing any earlier one
    /// on the same two names.
    Judge {
        /// One name.
        left: String,
        /// The other.
        right: String,
        /// `same` or `different`.
        verdict: String,
    },
}

/// The current decision on one claim.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Review {
    /// The claim's id.
    pub claim_id: String,
    /// `accepted`, `rejected` or `edited`.
    pub decision: String,
    /// For `edited`, the claim's JSON as the reviewer left it.
    pub claim: Option<String>,
    /// The audit entry that set it.
    pub seq: i64,
}

/// One search hit: what it is, its id, a label and a snippet with the match between
/// `\u{1}` and `\u{2}` (so that the caller escapes the text and then marks the match).
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Hit {
    /// The document id, claim id or entity id.
    pub id: String,
    /// A label: the document's name, the claim's type, the entity's kind.
    pub label: String,
    /// The matching text around the match.
    pub snippet: String,
}

/// The marks around a match in [`Hit::snippet`].
pub const MATCH_START: char = '\u{1}';
/// See [`MATCH_START`].
pub const MATCH_END: char = '\u{2}';

impl Store {
    /// Appends an entry to the audit log and applies its effect, in one transaction; returns
    /// the entry's sequence number and, for a judgement, the judgement's id.
    pub fn log_action(
        &mut self,
        entry: &AuditEntry,
        effect: &Effect,
    ) -> Result<(i64, Option<i64>)> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO audit_log (at, who, action, target_kind, target, before, after, why)
             VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                entry.who,
                entry.action,
                entry.target_kind,
                entry.target,
                entry.before,
                entry.after,
                entry.why
            ],
        )?;
        let seq = tx.last_insert_rowid();
        let mut judgement = None;
        match effect {
            Effect::None => {}
            Effect::Review { claim_id, decision, claim } => {
                tx.execute(
                    "INSERT OR REPLACE INTO reviews (claim_id, decision, claim, seq)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![claim_id, decision, claim, seq],
                )?;
            }
            Effect::Add { claim_id, doc_sha256, claim } => {
                tx.execute(
                    "INSERT INTO added_claims (claim_id, doc_sha256, claim, seq)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![claim_id, doc_sha256, claim, seq],
                )?;
            }
            Effect::Unjudge { id } => {
                tx.execute("DELETE FROM judgements WHERE id = ?1", params![id])?;
            }
            Effect::Judge { left, right, verdict } => {
                // A later judgement on the same two names replaces the earlier one.
                tx.execute(
                    "DELETE FROM judgements WHERE (left_name = ?1 AND right_name = ?2)
                         OR (left_name = ?2 AND right_name = ?1)",
                    params![left, right],
                )?;
                tx.execute(
                    "INSERT INTO judgements (left_name, right_name, verdict, reason, made_at)
                     VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    params![left, right, verdict, entry.why],
                )?;
                judgement = Some(tx.last_insert_rowid());
            }
        }
        tx.commit()?;
        Ok((seq, judgement))
    }

    /// The audit log, oldest first; only the entries on one target if given.
    pub fn audit_log(&self, target: Option<(&str, &str)>) -> Result<Vec<AuditEntry>> {
        let (kind, target) = target.unzip();
        self.audit_where(kind, target)
    }

    /// The audit entries on one kind of target (`claim` or `entity`), oldest first: read
    /// through the log's index, not the whole log.
    pub fn audit_log_of_kind(&self, kind: &str) -> Result<Vec<AuditEntry>> {
        self.audit_where(Some(kind), None)
    }

    fn audit_where(&self, kind: Option<&str>, target: Option<&str>) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, at, who, action, target_kind, target, before, after, why FROM audit_log
             WHERE ?1 IS NULL OR (target_kind = ?1 AND (?2 IS NULL OR target = ?2)) ORDER BY seq",
        )?;
        let rows = stmt.query_map(params![kind, target], |r| {
            Ok(AuditEntry {
                seq: r.get(0)?,
                at: r.get(1)?,
                who: r.get(2)?,
                action: r.get(3)?,
                target_kind: r.get(4)?,
                target: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
                why: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every decision on a claim, by claim id.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        let mut stmt =
            self.conn.prepare("SELECT claim_id, decision, claim, seq FROM reviews ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok(Review {
                claim_id: r.get(0)?,
                decision: r.get(1)?,
                claim: r.get(2)?,
                seq: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The decisions whose claim no current version of a document in the case has.
    pub fn orphaned_reviews(&self) -> Result<Vec<Review>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.claim_id, r.decision, r.claim, r.seq FROM reviews r
             WHERE NOT EXISTS (SELECT 1 FROM claims c JOIN versions v ON v.id = c.version_id
                 JOIN documents d ON d.id = v.document_id
                 WHERE c.id = r.claim_id AND v.is_current = 1 AND d.removed_at IS NULL)
             AND NOT EXISTS (SELECT 1 FROM added_claims a JOIN versions v ON v.sha256 = a.doc_sha256
                 JOIN documents d ON d.id = v.document_id
                 WHERE a.claim_id = r.claim_id AND v.is_current = 1 AND d.removed_at IS NULL)
             ORDER BY r.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Review {
                claim_id: r.get(0)?,
                decision: r.get(1)?,
                claim: r.get(2)?,
                seq: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The machine's claim with this id among the current versions of documents in the case
    /// (its JSON, and the document it is in), if there is one.
    pub fn claim(&self, id: &str) -> Result<Option<(String, DocSummary)>> {
        let found: Option<(String, i64)> = self
            .conn
            .query_row(
                "SELECT c.json, d.id FROM claims c JOIN versions v ON v.id = c.version_id
                 JOIN documents d ON d.id = v.document_id
                 WHERE c.id = ?1 AND v.is_current = 1 AND d.removed_at IS NULL LIMIT 1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let found = match found {
            Some(f) => Some(f),
            None => self
                .conn
                .query_row(
                    "SELECT a.claim, d.id FROM added_claims a JOIN versions v ON v.sha256 = a.doc_sha256
                     JOIN documents d ON d.id = v.document_id
                     WHERE a.claim_id = ?1 AND v.is_current = 1 AND d.removed_at IS NULL LIMIT 1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?,
        };
        let Some((json, doc)) = found else { return Ok(None) };
        let doc = self.summaries("v.is_current = 1 AND d.id = ?1", params![doc])?;
        Ok(doc.into_iter().next().map(|d| (json, d)))
    }

    /// The claims added by hand (their JSON) to the current versions of documents in the
    /// case, or to one document's current version; in the order they were added.
    pub fn added_claims(&self, doc: Option<&DocSummary>) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.claim FROM added_claims a WHERE EXISTS (SELECT 1 FROM versions v
                 JOIN documents d ON d.id = v.document_id
                 WHERE v.sha256 = a.doc_sha256 AND v.is_current = 1 AND d.removed_at IS NULL
                     AND (?1 IS NULL OR d.id = ?1))
             ORDER BY a.seq",
        )?;
        let rows = stmt.query_map(params![doc.map(|d| d.id)], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// Whether a claim with this id was added by hand (whatever its document now is).
    pub fn is_added(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM added_claims WHERE claim_id = ?1", params![id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The current version of the document with this id, if it is in the case.
    pub fn document(&self, id: i64) -> Result<Option<DocSummary>> {
        let found =
            self.summaries("v.is_current = 1 AND d.id = ?1 AND d.removed_at IS NULL", params![id])?;
        Ok(found.into_iter().next())
    }

    /// The first `limit` documents of the case by path, and how many there are in all.
    pub fn documents_head(&self, limit: usize) -> Result<(Vec<DocSummary>, usize)> {
        let docs = self.summaries(
            "v.is_current = 1 AND d.id IN (SELECT id FROM documents WHERE removed_at IS NULL
                 ORDER BY path LIMIT ?1)",
            params![limit as i64],
        )?;
        let total: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM documents WHERE removed_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok((docs, total as usize))
    }

    /// Rewrites the entity search index: (id, kind, names joined by spaces) for each entity.
    pub fn index_entities(&mut self, entities: &[(String, String, String)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM search_entities", [])?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO search_entities (entity_id, kind, names) VALUES (?1, ?2, ?3)",
            )?;
            for (id, kind, names) in entities {
                stmt.execute(params![id, kind, names])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Documents in the case whose name, title or text match `query` (an FTS5 query: the
    /// caller quotes the user's words), best first.
    pub fn search_documents(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.hits(
            "SELECT d.id, d.name, snippet(search_documents, 2, char(1), char(2), '…', 16)
             FROM search_documents s JOIN versions v ON v.id = s.rowid
             JOIN documents d ON d.id = v.document_id
             WHERE search_documents MATCH ?1 AND d.removed_at IS NULL
             ORDER BY s.rank LIMIT ?2",
            query,
            limit,
        )
    }

    /// Current claims whose evidence or fields match `query`, best first.
    pub fn search_claims(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.hits(
            "SELECT c.id, c.type, snippet(search_claims, 1, char(1), char(2), '…', 24)
             FROM search_claims s JOIN claims c ON c.rowid = s.rowid
             JOIN versions v ON v.id = c.version_id JOIN documents d ON d.id = v.document_id
             WHERE search_claims MATCH ?1 AND v.is_current = 1 AND d.removed_at IS NULL
             ORDER BY s.rank LIMIT ?2",
            query,
            limit,
        )
    }

    /// Entities whose names match `query`, best first.
    pub fn search_entities(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.hits(
            "SELECT entity_id, kind, snippet(search_entities, 2, char(1), char(2), '…', 12)
             FROM search_entities WHERE search_entities MATCH ?1 ORDER BY rank LIMIT ?2",
            query,
            limit,
        )
    }

    fn hits(&self, sql: &str, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![query, limit as i64], |r| {
            Ok(Hit {
                id: match r.get_ref(0)? {
                    rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                    _ => r.get(0)?,
                },
                label: r.get(1)?,
                snippet: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
