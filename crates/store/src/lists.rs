//! Official sanctions list files: their originals, entries, names, identifiers and the
//! supplements of the OFAC set (migration 0010).
//!
//! The store does not know the lists' model: entries and supplements come and go as JSON,
//! with the few columns that queries need beside them.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store};

/// A list file to record.
pub struct NewListFile<'a> {
    /// The file's bytes, kept in `blobs`.
    pub bytes: &'a [u8],
    /// Their SHA-256, hex.
    pub sha256: &'a str,
    /// The file name given.
    pub name: &'a str,
    /// The format read ("ofac-sdn", "un-xml", ...).
    pub format: &'a str,
    /// The authority code ("US-OFAC", ...).
    pub authority: &'a str,
    /// The OFAC set, if any.
    pub set: Option<&'a str>,
    /// The date the file says it is of.
    pub as_of: Option<&'a str>,
    /// The skipped records, as JSON.
    pub problems: &'a str,
    /// The entries.
    pub entries: Vec<NewListEntry>,
    /// Supplements: (record, JSON).
    pub supplements: Vec<(String, String)>,
}

/// One entry to record.
pub struct NewListEntry {
    /// Its record id in the file.
    pub record: String,
    /// Its authority code.
    pub authority: String,
    /// "Person", "Body", ...
    pub kind: String,
    /// Its listing date.
    pub listed_on: Option<String>,
    /// The entry as JSON.
    pub json: String,
    /// (name, quality).
    pub names: Vec<(String, String)>,
    /// (kind, number, key, country).
    pub identifiers: Vec<(String, String, String, Option<String>)>,
}

/// A recorded list file.
#[derive(Clone, Debug)]
pub struct StoredListFile {
    /// Its SHA-256, hex.
    pub sha256: String,
    /// The name it was imported under.
    pub name: String,
    /// Its format.
    pub format: String,
    /// Its authority code.
    pub authority: String,
    /// Its OFAC set.
    pub set: Option<String>,
    /// The date it says it is of.
    pub as_of: Option<String>,
    /// How many entries it gave.
    pub entries: i64,
    /// Skipped records, as JSON.
    pub problems: String,
}

/// An entry as stored, with its file.
#[derive(Clone, Debug)]
pub struct StoredListEntry {
    /// The file's SHA-256.
    pub file: String,
    /// The entry as JSON.
    pub json: String,
}

impl Store {
    /// Records a list file whole, in one transaction; `false` when the same bytes were
    /// already imported (nothing is written).
    pub fn record_list_file(&mut self, f: &NewListFile<'_>) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let known: Option<i64> = tx
            .query_row("SELECT 1 FROM list_files WHERE sha256 = ?1", params![f.sha256], |r| {
                r.get(0)
            })
            .optional()?;
        if known.is_some() {
            return Ok(false);
        }
        tx.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, bytes, added_at)
             VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![f.sha256, f.bytes.len() as i64, f.bytes],
        )?;
        tx.execute(
            "INSERT INTO list_files (sha256, name, format, authority, list_set, as_of, entries,
                 problems, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![
                f.sha256,
                f.name,
                f.format,
                f.authority,
                f.set,
                f.as_of,
                f.entries.len() as i64,
                f.problems
            ],
        )?;
        {
            let mut entry = tx.prepare(
                "INSERT INTO list_entries (file, record, authority, kind, listed_on, entry)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut name =
                tx.prepare("INSERT INTO list_names (entry, name, quality) VALUES (?1, ?2, ?3)")?;
            let mut id = tx.prepare(
                "INSERT INTO list_identifiers (entry, kind, number, key, country)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for e in &f.entries {
                entry.execute(params![
                    f.sha256,
                    e.record,
                    e.authority,
                    e.kind,
                    e.listed_on,
                    e.json
                ])?;
                let row = tx.last_insert_rowid();
                for (n, q) in &e.names {
                    name.execute(params![row, n, q])?;
                }
                for (k, number, key, country) in &e.identifiers {
                    id.execute(params![row, k, number, key, country])?;
                }
            }
            let mut sup = tx.prepare(
                "INSERT INTO list_supplements (file, record, supplement) VALUES (?1, ?2, ?3)",
            )?;
            for (record, json) in &f.supplements {
                sup.execute(params![f.sha256, record, json])?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// The list files imported, oldest first.
    pub fn list_files(&self) -> Result<Vec<StoredListFile>> {
        let mut stmt = self.conn.prepare(
            "SELECT sha256, name, format, authority, list_set, as_of, entries, problems
             FROM list_files ORDER BY imported_at, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredListFile {
                sha256: r.get(0)?,
                name: r.get(1)?,
                format: r.get(2)?,
                authority: r.get(3)?,
                set: r.get(4)?,
                as_of: r.get(5)?,
                entries: r.get(6)?,
                problems: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every stored entry, in file and record order.
    pub fn list_entries(&self) -> Result<Vec<StoredListEntry>> {
        let mut stmt = self.conn.prepare("SELECT file, entry FROM list_entries ORDER BY id")?;
        let rows =
            stmt.query_map([], |r| Ok(StoredListEntry { file: r.get(0)?, json: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every stored supplement: (file SHA-256, JSON).
    pub fn list_supplements(&self) -> Result<Vec<(String, String)>> {
        let mut stmt =
            self.conn.prepare("SELECT file, supplement FROM list_supplements ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
