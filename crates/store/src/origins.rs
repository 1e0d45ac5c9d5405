//! What the origins stage takes from the store and gives back: the main text of versions
//! not yet hashed, the stored signatures, and each version's origin cluster.
//!
//! The store keeps the signature as bytes and does not know how it is made: the scheme's
//! name is the only thing it compares.

use std::collections::BTreeMap;

use rusqlite::params;

use crate::{Result, Store};

/// A current version without a signature of the current scheme.
#[derive(Clone, Debug)]
pub struct Unsigned {
    /// The version's row id.
    pub version: i64,
    /// The extracted main text.
    pub text: String,
}

/// A signature as stored, with what clustering needs of its document.
#[derive(Clone, Debug)]
pub struct StoredSignature {
    /// The version's row id.
    pub version: i64,
    /// The document's display name.
    pub name: String,
    /// The publisher, if known.
    pub publisher: Option<String>,
    /// The publication date, if known.
    pub published: Option<String>,
    /// Distinct shingles of the text.
    pub shingles: u32,
    /// The signature's values, as the origins stage wrote them.
    pub minhash: Vec<u8>,
    /// The wire agency the text names, if any.
    pub agency: Option<String>,
}

/// The origin cluster of a document, as the last clustering left it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DocOrigin {
    /// The cluster's id (the name of its earliest document).
    pub cluster: String,
    /// The origin it is shown as: a wire agency or a publisher, if known.
    pub origin: Option<String>,
}

impl Store {
    /// Current versions with no signature of `scheme`, in path order; removed documents are
    /// left out here and below, as everywhere in the case.
    pub fn unsigned(&self, scheme: &str) -> Result<Vec<Unsigned>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, v.text FROM versions v JOIN documents d ON d.id = v.document_id
             LEFT JOIN signatures s ON s.version_id = v.id
             WHERE v.is_current = 1 AND d.removed_at IS NULL AND (s.scheme IS NULL OR s.scheme != ?1)
             ORDER BY d.path",
        )?;
        let rows = stmt
            .query_map(params![scheme], |r| Ok(Unsigned { version: r.get(0)?, text: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a version's signature (replacing one of another scheme), in one transaction
    /// per call; its cluster is unknown until the next clustering.
    pub fn record_signatures(
        &mut self,
        scheme: &str,
        rows: &[(i64, u32, Vec<u8>, Option<String>)],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT OR REPLACE INTO signatures
                     (version_id, scheme, shingles, minhash, agency, cluster, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL)",
            )?;
            for (version, shingles, minhash, agency) in rows {
                stmt.execute(params![version, scheme, shingles, minhash, agency])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The signatures of `scheme` of every current version, in path order.
    pub fn signatures(&self, scheme: &str) -> Result<Vec<StoredSignature>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, d.name, v.publisher, v.published, s.shingles, s.minhash, s.agency
             FROM versions v JOIN documents d ON d.id = v.document_id
             JOIN signatures s ON s.version_id = v.id
             WHERE v.is_current = 1 AND d.removed_at IS NULL AND s.scheme = ?1
             ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![scheme], |r| {
            Ok(StoredSignature {
                version: r.get(0)?,
                name: r.get(1)?,
                publisher: r.get(2)?,
                published: r.get(3)?,
                shingles: r.get(4)?,
                minhash: r.get(5)?,
                agency: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a whole clustering at once: each version's cluster id and shown origin.
    pub fn record_clusters(&mut self, rows: &[(i64, String, Option<String>)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx
                .prepare("UPDATE signatures SET cluster = ?2, origin = ?3 WHERE version_id = ?1")?;
            for (version, cluster, origin) in rows {
                stmt.execute(params![version, cluster, origin])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Each current document's origin cluster, by display name; documents not clustered yet
    /// are absent.
    pub fn origins(&self) -> Result<BTreeMap<String, DocOrigin>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.name, s.cluster, s.origin
             FROM versions v JOIN documents d ON d.id = v.document_id
             JOIN signatures s ON s.version_id = v.id
             WHERE v.is_current = 1 AND d.removed_at IS NULL AND s.cluster IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, DocOrigin { cluster: r.get(1)?, origin: r.get(2)? }))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
