//! Turns a fused case into what investigators read and exchange: the HTML case file, JSON
//! Lines, CSV, GraphML and FollowTheMoney entities, all in one folder.
//!
//! # Brief overview
//!
//! - [`write`] writes every file of the case folder and says which.
//! - [`tables`]: `claims.jsonl`, `entities.jsonl`, `assertions.jsonl`, `judgements.jsonl`,
//!   `careers.jsonl`, `careers.csv`, `assertions.csv`.
//! - [`graphml`]: `network.graphml`, who met whom (and who holds which post), for Gephi,
//!   networkx or yEd.
//! - [`ftm`]: `ftm.json`, FollowTheMoney entities (Person, Organization, PublicBody,
//!   Position, Occupancy, Sanction, Event, Article, Documentation) for Aleph and
//!   OpenSanctions users.
//! - [`html`]: `index.html`, one self-contained page (no external requests; it opens from
//!   disk) with a section per person and organisation.
//!
//! Documents are untrusted input: every piece of their text goes through one escaping
//! function before it reaches HTML or XML.
#![warn(missing_docs)]

pub mod ftm;
pub mod graphml;
pub mod html;
pub mod svg;
pub mod tables;

use std::path::{Path, PathBuf};

use fuse::Case;

/// A file of the case folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Writes the case folder (created if missing) and returns the files written.
pub fn write(dir: &Path, case: &Case) -> Result<Vec<PathBuf>, ReportError> {
    std::fs::create_dir_all(dir)
        .map_err(|source| ReportError::Write { path: dir.into(), source })?;
    let files: Vec<(&str, String)> = vec![
        ("claims.jsonl", tables::claims_jsonl(case)),
        ("entities.jsonl", tables::entities_jsonl(case)),
        ("assertions.jsonl", tables::assertions_jsonl(case)),
        ("judgements.jsonl", tables::judgements_jsonl(case)),
        ("careers.jsonl", tables::careers_jsonl(case)),
        ("careers.csv", tables::careers_csv(case)),
        ("assertions.csv", tables::assertions_csv(case)),
        ("network.graphml", graphml::network(case)),
        ("ftm.json", ftm::entities(case)),
        ("index.html", html::case_file(case)),
    ];
    let mut written = Vec::new();
    for (name, body) in files {
        let path = dir.join(name);
        std::fs::write(&path, body)
            .map_err(|source| ReportError::Write { path: path.clone(), source })?;
        written.push(path);
    }
    Ok(written)
}

/// Text from documents made safe for HTML and XML, in element content and in quoted
/// attributes alike: `& < > " '` escaped, control characters that XML 1.0 forbids dropped.
pub fn escape(text: &str) -> String {
    let clean: String =
        text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect();
    html_escape::encode_quoted_attribute(&clean).into_owned()
}
