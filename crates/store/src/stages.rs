//! What the read and claims stages take from the store and give back: versions waiting for a
//! stage, what a stage found, and the documents a stage failed on.
//!
//! A failure is recorded with the reader or extractor that failed, so that the document is
//! skipped by that same code (one bad document cannot fail every later build) and tried
//! again by the next version of it.

use model::{PartialDate, Sha256};
use rusqlite::{OptionalExtension, params};

use crate::{DocSummary, Error, Result, Store};

/// A current version that the given reader has not read yet.
#[derive(Clone, Debug)]
pub struct Unread {
    /// The version's row id.
    pub version: i64,
    /// The document's display name.
    pub name: String,
    /// The extracted text.
    pub text: String,
    /// The publication date, the anchor of relative time expressions.
    pub published: Option<PartialDate>,
}

/// A read version waiting for claim extraction.
#[derive(Clone, Debug)]
pub struct Unextracted {
    /// The version's row id.
    pub version: i64,
    /// The document's display name.
    pub name: String,
    /// SHA-256 of the version's original bytes.
    pub sha256: Sha256,
    /// The extracted text.
    pub text: String,
    /// The publication date.
    pub published: Option<PartialDate>,
    /// What the read stage found.
    pub annotations: Vec<model::Annotation>,
    /// The tokens the read stage found, with their syntax, as stored: [`Parses::words`]
    /// decodes them, so that a thousand pending documents hold their compact form, not a
    /// million decoded words.
    pub parses: Parses,
}

/// A version's stored words, still encoded (one value per sentence).
#[derive(Clone, Debug, Default)]
pub struct Parses {
    /// Sentence index, its first byte, its encoded words.
    sentences: Vec<(usize, usize, String)>,
}

impl Parses {
    /// The words, in text order.
    pub fn words(&self) -> Result<Vec<model::Word>> {
        let mut out = Vec::new();
        for (sentence, start, value) in &self.sentences {
            out.extend(crate::words::decode(*sentence, *start, value)?);
        }
        Ok(out)
    }
}

/// What the read stage stored for a version.
#[derive(Clone, Debug)]
pub struct StoredReading {
    /// The reader that read it.
    pub reader: String,
    /// Sentences, entities, ranks, roles, nationalities and time expressions, by span.
    pub annotations: Vec<model::Annotation>,
    /// Every token with its sentence, part of speech, lemma, head and relation, in text order.
    pub words: Vec<model::Word>,
}

/// One claim as the store keeps it: the contract's JSON and the columns queries use.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StoredClaim {
    /// The claim's stable id.
    pub id: String,
    /// Its type (`position`, `meeting`, ...).
    pub kind: String,
    /// Byte range of its evidence in the version's text.
    pub span: std::ops::Range<usize>,
    /// The claim as JSON.
    pub json: String,
}

/// The two stages after ingest, as the store names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading: sentences, entities, time expressions.
    Read,
    /// Claim extraction.
    Extract,
}

impl Stage {
    /// The name stored and shown.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Extract => "extract",
        }
    }

    fn parse(s: &str) -> Option<Stage> {
        match s {
            "read" => Some(Stage::Read),
            "extract" => Some(Stage::Extract),
            _ => None,
        }
    }
}

/// A stage that failed on a document's current version.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize)]
pub struct StageFailure {
    /// The document's id.
    pub doc: i64,
    /// Its display name.
    pub name: String,
    /// The path it was ingested from.
    pub path: String,
    /// Which stage failed.
    pub stage: Stage,
    /// The reader or extractor id that failed; another one tries again.
    pub worker: String,
    /// What went wrong, in one line.
    pub message: String,
    /// When (UTC, RFC 3339).
    pub failed_at: String,
}

impl Store {
    /// Current versions not yet read by `reader` (read by no reader, or by another one), less
    /// those on which this same reader failed.
    ///
    /// `also_skip` is another worker id whose failures count as this reader's (the reader
    /// under the current time limit).
    pub fn unread(&self, reader: &str, also_skip: &str) -> Result<Vec<Unread>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, d.name, v.text, v.published FROM versions v JOIN documents d ON d.id = v.document_id
             LEFT JOIN readings r ON r.version_id = v.id
             WHERE v.is_current = 1 AND (r.reader IS NULL OR r.reader != ?1)
               AND NOT EXISTS (SELECT 1 FROM stage_failures f
                               WHERE f.version_id = v.id AND f.stage = 'read'
                                 AND f.worker IN (?1, ?2))
             ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![reader, also_skip], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (version, name, text, published) = row?;
            let published = published
                .map(|p| p.parse::<PartialDate>().map_err(|e| Error::Corrupt(e.to_string())))
                .transpose()?;
            Ok(Unread { version, name, text, published })
        })
        .collect()
    }

    /// Replaces what is stored of a version's reading, in one transaction. `words` are in
    /// text order, each sentence's consecutive (as `read` gives them); they are kept one row
    /// per sentence.
    pub fn record_reading(
        &mut self,
        version: i64,
        reader: &str,
        sentences: usize,
        annotations: &[model::Annotation],
        words: &[model::Word],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM annotations WHERE version_id = ?1", params![version])?;
        tx.execute("DELETE FROM parses WHERE version_id = ?1", params![version])?;
        tx.execute(
            "DELETE FROM stage_failures WHERE version_id = ?1 AND stage = 'read'",
            params![version],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO readings (version_id, reader, read_at, sentences, tokens)
             VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?3, ?4)",
            params![version, reader, sentences as i64, words.len() as i64],
        )?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO annotations (version_id, layer, start, end, label, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for a in annotations {
                stmt.execute(params![
                    version,
                    a.layer.as_str(),
                    a.span.start as i64,
                    a.span.end as i64,
                    a.label,
                    a.value
                ])?;
            }
            let mut stmt = tx.prepare(
                "INSERT INTO parses (version_id, sentence, start, end, words) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for sentence in words.chunk_by(|a, b| a.sentence == b.sentence) {
                let (first, last) = (&sentence[0], &sentence[sentence.len() - 1]);
                stmt.execute(params![
                    version,
                    first.sentence as i64,
                    first.span.start as i64,
                    last.span.end as i64,
                    crate::words::encode(first.span.start, sentence)
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The reader that read a document's shown version and what it found, if it was read.
    pub fn reading(&self, doc: &DocSummary) -> Result<Option<StoredReading>> {
        let version: i64 = self.conn.query_row(
            "SELECT id FROM versions WHERE document_id = ?1 AND seq = ?2",
            params![doc.id, doc.version],
            |r| r.get(0),
        )?;
        let reader: Option<String> = self
            .conn
            .query_row("SELECT reader FROM readings WHERE version_id = ?1", params![version], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(reader) = reader else { return Ok(None) };
        let annotations = self.annotations(version)?;
        let words = self.parses(version)?.words()?;
        Ok(Some(StoredReading { reader, annotations, words }))
    }

    /// Current versions read by `reader` and not yet extracted by `extractor` (with `None`:
    /// all of them), with their annotations, in path order. Versions this extractor failed on
    /// are left out (with `also_skip`, another worker id counted as its own), unless
    /// `extractor` is `None`.
    pub fn unextracted(
        &self,
        reader: &str,
        extractor: Option<&str>,
        also_skip: &str,
    ) -> Result<Vec<Unextracted>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, d.name, v.sha256, v.text, v.published FROM versions v
             JOIN documents d ON d.id = v.document_id
             JOIN readings r ON r.version_id = v.id AND r.reader = ?1
             LEFT JOIN extractions x ON x.version_id = v.id
             WHERE v.is_current = 1 AND (?2 IS NULL OR x.extractor IS NULL OR x.extractor != ?2)
               AND (?2 IS NULL OR NOT EXISTS (SELECT 1 FROM stage_failures f
                    WHERE f.version_id = v.id AND f.stage = 'extract' AND f.worker IN (?2, ?3)))
             ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![reader, extractor, also_skip], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (version, name, sha, text, published) = row?;
            let published = published
                .map(|p| p.parse::<PartialDate>().map_err(|e| Error::Corrupt(e.to_string())))
                .transpose()?;
            let sha256 = sha.parse::<Sha256>().map_err(|e| Error::Corrupt(e.to_string()))?;
            let annotations = self.annotations(version)?;
            let parses = self.parses(version)?;
            out.push(Unextracted { version, name, sha256, text, published, annotations, parses });
        }
        Ok(out)
    }

    /// The people each document of the case names, as the reader found them (the distinct
    /// words of its person mentions), by document name: what "named in N documents" counts,
    /// beyond the documents whose claims name a person.
    pub fn person_names(
        &self,
    ) -> Result<std::collections::BTreeMap<String, std::collections::BTreeSet<String>>> {
        // Each current text once, cut at its PER spans here: a substring in SQL would cast
        // the whole text once per annotation. Offsets are bytes; a span off a character
        // boundary is skipped.
        let mut versions = self.conn.prepare(
            "SELECT v.id, d.name, v.text FROM versions v
             JOIN documents d ON d.id = v.document_id
             WHERE v.is_current = 1 AND d.removed_at IS NULL",
        )?;
        let mut spans = self.conn.prepare(
            "SELECT start, end FROM annotations
             WHERE version_id = ?1 AND layer = 'entity' AND label = 'PER'",
        )?;
        let mut out: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
            std::collections::BTreeMap::new();
        let mut rows = versions.query([])?;
        while let Some(row) = rows.next()? {
            let (id, doc, text): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let found =
                spans.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            for span in found {
                let (start, end) = span?;
                let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
                    continue;
                };
                if let Some(name) = text.get(start..end) {
                    out.entry(doc.clone()).or_default().insert(name.to_string());
                }
            }
        }
        Ok(out)
    }

    fn annotations(&self, version: i64) -> Result<Vec<model::Annotation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT layer, start, end, label, value FROM annotations WHERE version_id = ?1 ORDER BY start, layer",
        )?;
        let rows = stmt.query_map(params![version], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (layer, start, end, label, value) = row?;
            let layer = model::Layer::parse(&layer)
                .ok_or_else(|| Error::Corrupt(format!("layer {layer:?}")))?;
            Ok(model::Annotation { layer, span: start as usize..end as usize, label, value })
        })
        .collect()
    }

    fn parses(&self, version: i64) -> Result<Parses> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sentence, start, words FROM parses WHERE version_id = ?1 ORDER BY sentence",
        )?;
        let rows = stmt.query_map(params![version], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut sentences = Vec::new();
        for row in rows {
            let (sentence, start, value) = row?;
            let number = |n: i64| {
                usize::try_from(n).map_err(|_| Error::Corrupt(format!("parse position {n}")))
            };
            sentences.push((number(sentence)?, number(start)?, value));
        }
        Ok(Parses { sentences })
    }

    /// Replaces a version's claims, in one transaction.
    pub fn record_claims(
        &mut self,
        version: i64,
        extractor: &str,
        claims: &[StoredClaim],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM claims WHERE version_id = ?1", params![version])?;
        tx.execute(
            "DELETE FROM stage_failures WHERE version_id = ?1 AND stage = 'extract'",
            params![version],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO extractions (version_id, extractor, extracted_at)
             VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![version, extractor],
        )?;
        {
            let mut stmt = tx.prepare(
                "INSERT OR REPLACE INTO claims (id, version_id, type, start, end, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for c in claims {
                stmt.execute(params![
                    c.id,
                    version,
                    c.kind,
                    c.span.start as i64,
                    c.span.end as i64,
                    c.json
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Records that `stage`, as `worker` (a reader or extractor id), failed on a version: that
    /// worker skips it from now on. A later success of the stage removes the record.
    pub fn record_stage_failure(
        &mut self,
        version: i64,
        stage: Stage,
        worker: &str,
        message: &str,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO stage_failures (version_id, stage, worker, message, failed_at)
             VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![version, stage.as_str(), worker, message],
        )?;
        Ok(())
    }

    /// The failures recorded on current versions, in path order.
    pub fn stage_failures(&self) -> Result<Vec<StageFailure>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.name, d.path, f.stage, f.worker, f.message, f.failed_at
             FROM stage_failures f JOIN versions v ON v.id = f.version_id
             JOIN documents d ON d.id = v.document_id
             WHERE v.is_current = 1 ORDER BY d.path, f.stage DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        rows.map(|row| {
            let (doc, name, path, stage, worker, message, failed_at) = row?;
            let stage =
                Stage::parse(&stage).ok_or_else(|| Error::Corrupt(format!("stage {stage:?}")))?;
            Ok(StageFailure { doc, name, path, stage, worker, message, failed_at })
        })
        .collect()
    }
}
