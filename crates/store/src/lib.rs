//! Keeps originals, extracted texts and their metadata in one SQLite file.
//!
//! # Brief overview
//!
//! - [`Store`] opens (and migrates) the database and is the only way to read or write it.
//! - [`NewVersion`] is what ingest hands over for one file; [`Store::record`] writes it in one
//!   transaction and answers with an [`Outcome`].
//! - [`DocSummary`] and [`DocDetail`] are what listings and `show` read back.
//! - [`Store::record_reading`] keeps what the read stage found: annotations by span, and every
//!   token's parse one row per sentence, compactly encoded ([`StoredReading`], [`Parses`]).
//! - [`Store::log_action`] appends to the audit log of the investigator's review and applies
//!   its effect (a claim's decision, a judgement) in the same transaction; `search_*` answer
//!   full-text queries.
//! - [`Store::record_signatures`] and [`Store::record_clusters`] keep what the origins stage
//!   found: each version's text signature, and the origin cluster it belongs to.
//! - [`Store::check`] re-hashes every original and checks the schema's invariants.
//!
//! This crate is the only one that knows SQL. It knows nothing of file formats or of how text
//! is extracted: it stores what it is given, addressed by SHA-256.
//!
//! Invariants kept here: a blob's key is the SHA-256 of its bytes; every document has exactly
//! one current version; a version is never modified except for its user-set metadata.
#![warn(missing_docs)]

mod error;
mod lists;
mod origins;
mod review;
mod schema;
mod search;
mod stages;
mod words;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use model::{Extraction, Field, Format, Metadata, PartialDate, Segment, Sha256, SourceLoc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};

pub use error::{Error, Result};
pub use lists::{NewListEntry, NewListFile, StoredListEntry, StoredListFile};
pub use origins::{DocOrigin, StoredSignature, Unsigned};
pub use review::{AuditEntry, Effect, Hit, MATCH_END, MATCH_START, Review};
pub use search::{COUNT_CAP, ClaimFilter, DocFilter, Page};
pub use stages::{Parses, Stage, StageFailure, StoredClaim, StoredReading, Unextracted, Unread};

/// Identifies one batch command (an `ingest`, later a `build`) in the log.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RunId(pub i64);

/// User-set metadata values (from a sidecar file or flags), kept apart from what was detected.
pub type Overrides = BTreeMap<Field, String>;

/// One file's worth of ingest output, ready to be written.
#[derive(Debug)]
pub struct NewVersion<'a> {
    /// The document's identity: the file's canonical path.
    pub path: &'a str,
    /// A short display name (the file name).
    pub name: &'a str,
    /// The original bytes.
    pub bytes: &'a [u8],
    /// Their SHA-256.
    pub sha256: Sha256,
    /// The extracted text, source map and detected metadata.
    pub extraction: &'a Extraction,
    /// The metadata after the user's overrides were applied.
    pub metadata: &'a Metadata,
    /// The user's overrides alone.
    pub overrides: &'a Overrides,
    /// Name and version of the extractor, so that later re-extraction can be targeted.
    pub extractor: &'a str,
    /// The run that produced it.
    pub run: RunId,
}

/// What [`Store::record`] did with a [`NewVersion`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Outcome {
    /// A document never seen before.
    Ingested {
        /// The new document's id.
        doc: i64,
    },
    /// Other bytes under a known path: a new version; the old one is kept.
    NewVersion {
        /// The document's id.
        doc: i64,
        /// The new version's sequence number (2, 3, ...).
        seq: i64,
    },
    /// The same bytes are already the current version of a document: nothing written.
    Unchanged {
        /// The document that holds these bytes.
        doc: i64,
        /// Set when that document lives under another path (a copy of the file).
        duplicate_of: Option<String>,
    },
    /// Same bytes, but the user's metadata overrides changed and were applied.
    Updated {
        /// The document's id.
        doc: i64,
    },
}

impl Outcome {
    /// The word used in the ingest log and in summaries.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Ingested { .. } => "ingested",
            Outcome::NewVersion { .. } => "new-version",
            Outcome::Unchanged { .. } => "unchanged",
            Outcome::Updated { .. } => "updated",
        }
    }
}

/// What the store already holds, loaded once so that unchanged files can be skipped before
/// any extraction work is done.
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// Document id, current SHA-256 and overrides of each document, by path.
    pub by_path: HashMap<String, (i64, Sha256, Overrides)>,
    /// Id and path of the document whose current version has these bytes.
    pub by_sha: HashMap<Sha256, (i64, String)>,
}

impl Known {
    /// `Some(Outcome::Unchanged)` when ingesting these bytes under this path with these
    /// overrides would change nothing.
    pub fn unchanged(&self, path: &str, sha: &Sha256, overrides: &Overrides) -> Option<Outcome> {
        match self.by_path.get(path) {
            Some((doc, current, stored)) if current == sha && stored == overrides => {
                Some(Outcome::Unchanged { doc: *doc, duplicate_of: None })
            }
            Some(_) => None,
            // The bytes may be known under another path: a copy. Copies carry no overrides of
            // their own, so they only count as unchanged when none are given.
            None if overrides.is_empty() => self.by_sha.get(sha).map(|(doc, other)| {
                Outcome::Unchanged { doc: *doc, duplicate_of: Some(other.clone()) }
            }),
            None => None,
        }
    }
}

/// A document as listed by `dossier docs`.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize)]
pub struct DocSummary {
    /// The document's id.
    pub id: i64,
    /// The display name.
    pub name: String,
    /// The canonical path it was ingested from.
    pub path: String,
    /// SHA-256 of the shown version's original bytes.
    pub sha256: Sha256,
    /// The shown version's sequence number.
    pub version: i64,
    /// Whether the shown version is the current one.
    pub current: bool,
    /// The format the bytes were read as.
    pub format: Format,
    /// Title, publisher, date and the rest.
    pub metadata: Metadata,
    /// Length of the extracted text in characters.
    pub chars: i64,
    /// When this version was ingested (UTC, RFC 3339).
    pub ingested_at: String,
}

/// A judgement the user made on two names.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize)]
pub struct StoredJudgement {
    /// Its id, for taking it back.
    pub id: i64,
    /// One name.
    pub left: String,
    /// The other.
    pub right: String,
    /// `same` or `different`.
    pub verdict: String,
    /// The user's reason.
    pub reason: String,
    /// When (UTC, RFC 3339).
    pub made_at: String,
}

/// One version of a document, in full.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize)]
pub struct DocDetail {
    /// The listing fields.
    pub summary: DocSummary,
    /// The decoded character encoding, if the format has one.
    pub encoding: Option<String>,
    /// Name and version of the extractor.
    pub extractor: String,
    /// The extracted main text.
    pub text: String,
    /// The map from text back to the original.
    pub segments: Vec<Segment>,
    /// What was noticed and handled while extracting.
    pub diagnostics: Vec<model::Diagnostic>,
    /// The user's overrides.
    pub overrides: Overrides,
    /// Every version of the document: sequence number, SHA-256, ingest time.
    pub history: Vec<(i64, Sha256, String)>,
}

/// What `doctor` found.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct CheckReport {
    /// Blobs whose bytes were re-hashed.
    pub blobs_checked: usize,
    /// Documents looked at.
    pub documents_checked: usize,
    /// Everything that is wrong, one line each; empty when the store is sound.
    pub problems: Vec<String>,
}

/// How long a statement waits for another process's lock before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a wait lasts before the user is told about it.
pub const NOTICE_AFTER: Duration = Duration::from_millis(300);
/// The shortest time between two such notices.
pub const NOTICE_EVERY: Duration = Duration::from_secs(10);
/// The longest sleep between two tries for a lock.
const MAX_SLEEP: Duration = Duration::from_millis(50);

/// Told the store's path when a wait for another process begins to show.
type Notice = dyn Fn(&Path) + Send + Sync;

/// Whether SQLite refused for a lock held elsewhere.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// SQLite's busy handler: sleeps a little longer each time (1 ms doubling to 50 ms), tells
/// the user once a wait passes [`NOTICE_AFTER`], gives up after [`BUSY_TIMEOUT`].
fn busy_handler(path: &Path, on_wait: Arc<Notice>) -> impl FnMut(i32) -> bool + Send + 'static {
    let path = path.to_path_buf();
    let mut started = Instant::now();
    let mut told = false;
    let mut last_notice: Option<Instant> = None;
    move |count| {
        if count == 0 {
            started = Instant::now();
            told = false;
        }
        let waited = started.elapsed();
        if waited >= BUSY_TIMEOUT {
            return false;
        }
        if !told && waited >= NOTICE_AFTER {
            told = true;
            if last_notice.is_none_or(|t| t.elapsed() >= NOTICE_EVERY) {
                last_notice = Some(Instant::now());
                on_wait(&path);
            }
        }
        std::thread::sleep(Duration::from_millis(1 << count.clamp(0, 6)).min(MAX_SLEEP));
        true
    }
}

/// The SQLite store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens the store at `path`, creating and migrating it as needed.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, |_| {})
    }

    /// Opens the store at `path` like [`Store::open`]; `on_wait` is called (at most once
    /// every [`NOTICE_EVERY`]) when another process has held the store for longer than
    /// [`NOTICE_AFTER`], so that the user learns why nothing moves. Waits give up after
    /// [`BUSY_TIMEOUT`].
    pub fn open_with(
        path: &Path,
        on_wait: impl Fn(&Path) + Send + Sync + 'static,
    ) -> Result<Store> {
        let conn = Connection::open(path)
            .map_err(|source| Error::Open { path: path.to_path_buf(), source })?;
        Self::setup(conn, path, Arc::new(on_wait))
    }

    /// Opens the store at `path` like [`Store::open_with`], but never creates one: a missing
    /// file is [`Error::Missing`], so that a mistyped path does not become a new empty store.
    pub fn open_existing_with(
        path: &Path,
        on_wait: impl Fn(&Path) + Send + Sync + 'static,
    ) -> Result<Store> {
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
            | rusqlite::OpenFlags::SQLITE_OPEN_URI
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match Connection::open_with_flags(path, flags) {
            Ok(conn) => conn,
            Err(_) if !path.exists() => return Err(Error::Missing { path: path.to_path_buf() }),
            Err(source) => return Err(Error::Open { path: path.to_path_buf(), source }),
        };
        Self::setup(conn, path, Arc::new(on_wait))
    }

    /// An empty store in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, Path::new(":memory:"), Arc::new(|_| {}))
    }

    fn setup(conn: Connection, path: &Path, on_wait: Arc<Notice>) -> Result<Store> {
        Self::setup_to(conn, path, on_wait, usize::MAX)
    }

    /// A store on disk as the migrations up to number `upto` left it, for upgrade tests.
    #[cfg(test)]
    pub(crate) fn open_at_migration(path: &Path, upto: usize) -> Result<Store> {
        Self::setup_to(Connection::open(path)?, path, Arc::new(|_| {}), upto)
    }

    fn setup_to(
        mut conn: Connection,
        path: &Path,
        on_wait: Arc<Notice>,
        upto: usize,
    ) -> Result<Store> {
        // The busy handler comes first: every statement below may meet another process's
        // lock, and without it SQLite answers "database is locked" at once.
        conn.busy_handler(Some(busy_handler(path, on_wait.clone())))?;
        // Every write transaction takes the write lock when it begins: a deferred one that
        // reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT, which no busy handler
        // sees) when another process wrote in between.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        // WAL keeps readers going while one writer works, and a killed writer loses at most
        // its open transaction. Switching a new file to WAL needs an exclusive lock, which
        // SQLite may refuse without calling the busy handler: retry it ourselves.
        let deadline = Instant::now() + BUSY_TIMEOUT;
        let mut noticed = false;
        loop {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Err(e) if is_busy(&e) && Instant::now() < deadline => {
                    if !noticed && deadline - Instant::now() < BUSY_TIMEOUT - NOTICE_AFTER {
                        noticed = true;
                        on_wait(path);
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => break other?,
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        schema::migrate_to(&mut store.conn, path, upto)?;
        Ok(store)
    }

    /// Starts a run and returns its id.
    pub fn begin_run(&self, command: &str) -> Result<RunId> {
        self.conn.execute(
            "INSERT INTO runs (command, started_at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![command],
        )?;
        Ok(RunId(self.conn.last_insert_rowid()))
    }

    /// Closes a run with its counts.
    pub fn finish_run(&self, run: RunId, counts: [usize; 4]) -> Result<()> {
        let [ingested, unchanged, updated, failed] = counts.map(|c| c as i64);
        self.conn.execute(
            "UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                 ingested = ?2, unchanged = ?3, updated = ?4, failed = ?5 WHERE id = ?1",
            params![run.0, ingested, unchanged, updated, failed],
        )?;
        Ok(())
    }

    /// What the store holds now, for skipping unchanged files.
    pub fn known(&self) -> Result<Known> {
        let mut known = Known::default();
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.path, v.sha256, v.overrides FROM documents d
             JOIN versions v ON v.document_id = d.id AND v.is_current = 1
             WHERE d.removed_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, path, sha, overrides) = row?;
            let sha = parse_sha(&sha)?;
            known.by_sha.entry(sha).or_insert_with(|| (id, path.clone()));
            known.by_path.insert(path, (id, sha, parse_json(&overrides)?));
        }
        Ok(known)
    }

    /// Writes one file's ingest output in a single transaction and says what it did.
    pub fn record(&mut self, new: &NewVersion<'_>) -> Result<Outcome> {
        let tx = self.conn.transaction()?;
        let sha = new.sha256.to_hex();
        let overrides_json = to_json(new.overrides);

        let doc: Option<i64> = tx
            .query_row("SELECT id FROM documents WHERE path = ?1", params![new.path], |r| r.get(0))
            .optional()?;
        // The current version's bytes and overrides, as (sha256, overrides JSON).
        let current: Option<(String, String)> = match doc {
            Some(id) => tx
                .query_row(
                    "SELECT sha256, overrides FROM versions WHERE document_id = ?1 AND is_current = 1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?,
            None => None,
        };

        // A removed document's file ingested again: back in the case.
        let restored = match doc {
            Some(id) => restore(&tx, id)?,
            None => false,
        };
        if let (Some(id), Some((current_sha, current_overrides))) = (doc, &current)
            && *current_sha == sha
        {
            if restored {
                set_metadata(&tx, id, new.metadata, &overrides_json)?;
                log(&tx, new.run, new.path, Some(&sha), "updated", Some("removed, now restored"))?;
                tx.commit()?;
                return Ok(Outcome::Updated { doc: id });
            }
            if *current_overrides == overrides_json {
                tx.commit()?;
                return Ok(Outcome::Unchanged { doc: id, duplicate_of: None });
            }
            set_metadata(&tx, id, new.metadata, &overrides_json)?;
            log(&tx, new.run, new.path, Some(&sha), "updated", Some("metadata overrides changed"))?;
            tx.commit()?;
            return Ok(Outcome::Updated { doc: id });
        }

        if doc.is_none() && new.overrides.is_empty() {
            let copy_of: Option<(i64, String)> = tx
                .query_row(
                    "SELECT d.id, d.path FROM versions v JOIN documents d ON d.id = v.document_id
                     WHERE v.sha256 = ?1 AND v.is_current = 1 AND d.removed_at IS NULL LIMIT 1",
                    params![sha],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((id, path)) = copy_of {
                let message = format!("same bytes as {path}");
                log(&tx, new.run, new.path, Some(&sha), "unchanged", Some(&message))?;
                tx.commit()?;
                return Ok(Outcome::Unchanged { doc: id, duplicate_of: Some(path) });
            }
        }

        tx.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, bytes, added_at)
             VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![sha, new.bytes.len() as i64, new.bytes],
        )?;
        let (doc_id, seq) = match doc {
            Some(id) => {
                tx.execute(
                    "UPDATE versions SET is_current = 0 WHERE document_id = ?1 AND is_current = 1",
                    params![id],
                )?;
                let last: i64 = tx.query_row(
                    "SELECT COALESCE(MAX(seq), 0) FROM versions WHERE document_id = ?1",
                    params![id],
                    |r| r.get(0),
                )?;
                (id, last + 1)
            }
            None => {
                tx.execute(
                    "INSERT INTO documents (path, name, created_at)
                     VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    params![new.path, new.name],
                )?;
                (tx.last_insert_rowid(), 1)
            }
        };
        let ex = new.extraction;
        let m = new.metadata;
        tx.execute(
            "INSERT INTO versions (document_id, seq, is_current, sha256, run_id, ingested_at,
                 format, encoding, extractor, text, chars, title, publisher, author, url,
                 language, published, detected_meta, overrides, metadata, diagnostics)
             VALUES (?1, ?2, 1, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?5, ?6, ?7, ?8,
                 ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![
                doc_id,
                seq,
                sha,
                new.run.0,
                ex.format.as_str(),
                ex.encoding,
                new.extractor,
                ex.text,
                ex.text.chars().count() as i64,
                m.title,
                m.publisher,
                m.author,
                m.url,
                m.language,
                m.published.map(|d| d.to_string()),
                to_json(&ex.metadata),
                overrides_json,
                to_json(m),
                to_json(&ex.diagnostics),
            ],
        )?;
        let version_id = tx.last_insert_rowid();
        {
            let mut stmt = tx.prepare(
                "INSERT INTO segments (version_id, ord, text_start, text_end, src_start, src_end, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for (ord, seg) in ex.segments.iter().enumerate() {
                let bytes = seg.source.bytes.as_ref();
                stmt.execute(params![
                    version_id,
                    ord as i64,
                    seg.text.start as i64,
                    seg.text.end as i64,
                    bytes.map(|b| b.start as i64),
                    bytes.map(|b| b.end as i64),
                    seg.source.page.map(i64::from),
                ])?;
            }
        }
        let outcome = if seq == 1 {
            Outcome::Ingested { doc: doc_id }
        } else {
            Outcome::NewVersion { doc: doc_id, seq }
        };
        log(&tx, new.run, new.path, Some(&sha), outcome.as_str(), None)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Logs a file that could not be ingested, with the one-line reason shown to the user.
    pub fn record_failure(
        &self,
        run: RunId,
        path: &str,
        sha256: Option<&Sha256>,
        message: &str,
    ) -> Result<()> {
        let sha = sha256.map(|s| s.to_hex());
        log(&self.conn, run, path, sha.as_deref(), "failed", Some(message))
    }

    /// Every document's current version, ordered by path; removed documents are left out.
    pub fn documents(&self) -> Result<Vec<DocSummary>> {
        self.summaries("v.is_current = 1 AND d.removed_at IS NULL", params![])
    }

    /// Documents taken out of the case, with when: their originals and versions stay.
    pub fn removed(&self) -> Result<Vec<(DocSummary, String)>> {
        let docs = self.summaries("v.is_current = 1 AND d.removed_at IS NOT NULL", params![])?;
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            let at: String = self.conn.query_row(
                "SELECT removed_at FROM documents WHERE id = ?1",
                params![d.id],
                |r| r.get(0),
            )?;
            out.push((d, at));
        }
        Ok(out)
    }

    /// Takes a document out of the case: it leaves the listings, the claims and the case;
    /// its versions, originals and stage output stay, and the removal is recorded. Ingesting
    /// its file again brings it back. Returns false if it was removed already.
    pub fn remove(&mut self, doc: &DocSummary) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE documents SET removed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1 AND removed_at IS NULL",
            params![doc.id],
        )?;
        if changed == 1 {
            tx.execute(
                "INSERT INTO removals (document_id, sha256, removed_at)
                 SELECT d.id, v.sha256, d.removed_at FROM documents d
                 JOIN versions v ON v.document_id = d.id AND v.is_current = 1 WHERE d.id = ?1",
                params![doc.id],
            )?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }

    /// Whether a document is removed from the case.
    pub fn is_removed(&self, doc: &DocSummary) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT removed_at IS NOT NULL FROM documents WHERE id = ?1",
            params![doc.id],
            |r| r.get(0),
        )?)
    }

    /// Documents matching `query`, tried in this order: a document id (digits without a
    /// leading zero), a file name, a SHA-256 prefix of any version (at least six hex digits; it
    /// names that very version), the start of a file name, the end of a path.
    pub fn find(&self, query: &str) -> Result<Vec<DocSummary>> {
        let q = query.trim();
        let like = |s: &str| s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        if !q.starts_with('0')
            && let Ok(id) = q.parse::<i64>()
        {
            let found = self.summaries("v.is_current = 1 AND d.id = ?1", params![id])?;
            if !found.is_empty() {
                return Ok(found);
            }
        }
        let found = self.summaries("v.is_current = 1 AND d.name = ?1", params![q])?;
        if !found.is_empty() {
            return Ok(found);
        }
        if q.len() >= 6 && q.bytes().all(|b| b.is_ascii_hexdigit()) {
            let pattern = format!("{}%", q.to_ascii_lowercase());
            let found = self.summaries("v.sha256 LIKE ?1", params![pattern])?;
            if !found.is_empty() {
                return Ok(found);
            }
        }
        let prefix = format!("{}%", like(q));
        let found =
            self.summaries("v.is_current = 1 AND d.name LIKE ?1 ESCAPE '\\'", params![prefix])?;
        if !found.is_empty() {
            return Ok(found);
        }
        let suffix = format!("%{}", like(q));
        self.summaries("v.is_current = 1 AND d.path LIKE ?1 ESCAPE '\\'", params![suffix])
    }

    /// The full version behind a summary.
    pub fn detail(&self, doc: &DocSummary) -> Result<DocDetail> {
        let (version_id, encoding, extractor, text, diagnostics, overrides): (
            i64,
            Option<String>,
            String,
            String,
            String,
            String,
        ) = self.conn.query_row(
            "SELECT id, encoding, extractor, text, diagnostics, overrides FROM versions
             WHERE document_id = ?1 AND seq = ?2",
            params![doc.id, doc.version],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT text_start, text_end, src_start, src_end, page FROM segments
             WHERE version_id = ?1 ORDER BY ord",
        )?;
        let segments = stmt
            .query_map(params![version_id], |r| {
                let (ts, te): (i64, i64) = (r.get(0)?, r.get(1)?);
                let (ss, se, page): (Option<i64>, Option<i64>, Option<i64>) =
                    (r.get(2)?, r.get(3)?, r.get(4)?);
                Ok(Segment {
                    text: ts as usize..te as usize,
                    source: SourceLoc {
                        bytes: ss.zip(se).map(|(s, e)| s as usize..e as usize),
                        page: page.map(|p| p as u32),
                    },
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT seq, sha256, ingested_at FROM versions WHERE document_id = ?1 ORDER BY seq",
        )?;
        let history = stmt
            .query_map(params![doc.id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
            })?
            .map(|row| {
                let (seq, sha, at) = row?;
                Ok((seq, parse_sha(&sha)?, at))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(DocDetail {
            summary: doc.clone(),
            encoding,
            extractor,
            text,
            segments,
            diagnostics: parse_json(&diagnostics)?,
            overrides: parse_json(&overrides)?,
            history,
        })
    }

    /// The files of this store on disk (the database and its WAL, shared-memory and journal
    /// files), canonical, so that a folder walk that meets them can leave them out; empty for
    /// a store in memory.
    pub fn files(&self) -> Vec<std::path::PathBuf> {
        let Some(main) = self.conn.path().filter(|p| !p.is_empty()) else { return Vec::new() };
        let Ok(main) = Path::new(main).canonicalize() else { return Vec::new() };
        let mut out = vec![main.clone()];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut name = main.clone().into_os_string();
            name.push(suffix);
            out.push(name.into());
        }
        out
    }

    /// The original bytes with this SHA-256, if stored.
    pub fn blob(&self, sha256: &Sha256) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT bytes FROM blobs WHERE sha256 = ?1", params![sha256.to_hex()], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The claims of the current versions (of one document, if given), as JSON, in path
    /// and text order.
    pub fn claims(&self, doc: Option<&DocSummary>) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.json FROM claims c JOIN versions v ON v.id = c.version_id
             JOIN documents d ON d.id = v.document_id
             WHERE v.is_current = 1
                 AND (d.id = ?1 OR (?1 IS NULL AND d.removed_at IS NULL))
             ORDER BY d.path, c.start, c.type, c.id",
        )?;
        let rows = stmt.query_map(params![doc.map(|d| d.id)], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Records the user's judgement that two names are the same entity (`same`) or two
    /// (`different`); returns its id.
    pub fn add_judgement(
        &self,
        left: &str,
        right: &str,
        verdict: &str,
        reason: &str,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO judgements (left_name, right_name, verdict, reason, made_at)
             VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![left, right, verdict, reason],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Takes a judgement back; whether there was one with that id.
    pub fn remove_judgement(&self, id: i64) -> Result<bool> {
        Ok(self.conn.execute("DELETE FROM judgements WHERE id = ?1", params![id])? > 0)
    }

    /// The user's judgements, oldest first.
    pub fn judgements(&self) -> Result<Vec<StoredJudgement>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, left_name, right_name, verdict, reason, made_at FROM judgements ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredJudgement {
                id: r.get(0)?,
                left: r.get(1)?,
                right: r.get(2)?,
                verdict: r.get(3)?,
                reason: r.get(4)?,
                made_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Numbers of rows per table, for summaries and tests.
    pub fn counts(&self) -> Result<BTreeMap<&'static str, i64>> {
        let mut out = BTreeMap::new();
        for table in [
            "blobs",
            "documents",
            "versions",
            "segments",
            "ingest_log",
            "runs",
            "readings",
            "annotations",
            "parses",
            "extractions",
            "claims",
            "judgements",
            "audit_log",
            "reviews",
        ] {
            let n: i64 =
                self.conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
            out.insert(table, n);
        }
        Ok(out)
    }

    /// Checks the store: SQLite's own integrity check, foreign keys, every blob's SHA-256
    /// against its bytes, one current version per document, segments inside their text.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let verdict: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            report.problems.push(format!("SQLite integrity check: {verdict}"));
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let broken = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for table in broken {
            report.problems.push(format!("a row of {} points to a missing row", table?));
        }
        let mut stmt = self.conn.prepare("SELECT sha256, size, bytes FROM blobs")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let size: i64 = row.get(1)?;
            let bytes = row.get_ref(2)?.as_blob().map_err(|e| Error::Corrupt(e.to_string()))?;
            report.blobs_checked += 1;
            let actual = Sha256::digest(bytes).to_hex();
            if actual != key {
                report.problems.push(format!("blob {key}: bytes hash to {actual}"));
            }
            if size != bytes.len() as i64 {
                report
                    .problems
                    .push(format!("blob {key}: size {size} recorded, {} stored", bytes.len()));
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT d.path, (SELECT COUNT(*) FROM versions v WHERE v.document_id = d.id AND v.is_current = 1)
             FROM documents d",
        )?;
        let docs = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for doc in docs {
            let (path, current) = doc?;
            report.documents_checked += 1;
            if current != 1 {
                report
                    .problems
                    .push(format!("document {path}: {current} current versions, expected 1"));
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT v.id, v.sha256, LENGTH(CAST(v.text AS BLOB)) FROM versions v")?;
        let versions = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, sha, text_len) in versions {
            let bad: i64 = self.conn.query_row(
                "SELECT COUNT(*) FROM segments WHERE version_id = ?1
                 AND (text_start < 0 OR text_end < text_start OR text_end > ?2)",
                params![id, text_len],
                |r| r.get(0),
            )?;
            if bad > 0 {
                report.problems.push(format!("version of {sha}: {bad} segments outside its text"));
            }
        }
        Ok(report)
    }

    fn summaries(&self, condition: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<DocSummary>> {
        let sql = format!(
            "SELECT d.id, d.name, d.path, v.sha256, v.seq, v.is_current, v.format, v.metadata,
                    v.chars, v.ingested_at
             FROM documents d JOIN versions v ON v.document_id = d.id
             WHERE {condition} ORDER BY d.path, v.seq"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(args, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, bool>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, String>(9)?,
            ))
        })?;
        rows.map(|row| {
            let (id, name, path, sha, version, current, format, metadata, chars, ingested_at) =
                row?;
            Ok(DocSummary {
                id,
                name,
                path,
                sha256: parse_sha(&sha)?,
                version,
                current,
                format: Format::parse(&format)
                    .ok_or_else(|| Error::Corrupt(format!("format {format:?}")))?,
                metadata: parse_json(&metadata)?,
                chars,
                ingested_at,
            })
        })
        .collect()
    }
}

/// Brings a removed document back; whether it was removed.
fn restore(conn: &Connection, doc: i64) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE documents SET removed_at = NULL WHERE id = ?1 AND removed_at IS NOT NULL",
        params![doc],
    )?;
    if changed == 1 {
        conn.execute(
            "UPDATE removals SET restored_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE document_id = ?1 AND restored_at IS NULL",
            params![doc],
        )?;
    }
    Ok(changed == 1)
}

fn set_metadata(
    conn: &Connection,
    doc: i64,
    m: &Metadata,
    overrides_json: &str,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE versions SET title = ?2, publisher = ?3, author = ?4, url = ?5, language = ?6,
             published = ?7, overrides = ?8, metadata = ?9
         WHERE document_id = ?1 AND is_current = 1",
        params![
            doc,
            m.title,
            m.publisher,
            m.author,
            m.url,
            m.language,
            m.published.map(|d: PartialDate| d.to_string()),
            overrides_json,
            to_json(m),
        ],
    )
}

fn log(
    conn: &Connection,
    run: RunId,
    path: &str,
    sha: Option<&str>,
    outcome: &str,
    message: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO ingest_log (run_id, at, path, sha256, outcome, message)
         VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?2, ?3, ?4, ?5)",
        params![run.0, path, sha, outcome, message],
    )?;
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising plain data structs with string keys cannot fail.
    serde_json::to_string(value).expect("metadata serialises")
}

fn parse_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| Error::Corrupt(format!("{e}: {s:.80}")))
}

fn parse_sha(s: &str) -> Result<Sha256> {
    s.parse().map_err(|e: model::HashError| Error::Corrupt(e.to_string()))
}
