//! Turns a fused case into what investigators read and exchange: the HTML case file, JSON
//! Lines, CSV, GraphML and FollowTheMoney entities, all in one folder.
//!
//! # Brief overview
//!
//! - [`write()`] writes every file of the case folder and says which.
//! - [`tables`]: `claims.jsonl`, `entities.jsonl`, `assertions.jsonl`, `judgements.jsonl`,
//!   `careers.jsonl`, `careers.csv`, `assertions.csv`.
//! - [`graphml`]: `network.graphml`, who met whom (and who holds which post), for Gephi,
//!   networkx or yEd.
//! - [`ftm`]: `ftm.json`, FollowTheMoney entities (Person, Organization, PublicBody,
//!   Position, Occupancy, Sanction, Event, Article, Documentation) for Aleph and
//!   OpenSanctions users.
//! - [`html`]: `index.html`, one self-contained page (no external requests; it opens from
//!   disk) with a section per person and organisation; past [`html::PART_SECTIONS`]
//!   sections, the contents, with the sections in `part-NNN.html` and the sources in
//!   `sources.html`.
//!
//! Documents are untrusted input: every piece of their text goes through one escaping
//! function before it reaches HTML or XML ([`escape`]), every URL through one filter
//! ([`safe_url`]), every CSV cell through one neutraliser ([`tables::csv_cell`]); the folder
//! is written whole and never through a link ([`folder`]).
#![warn(missing_docs)]

pub mod archive;
pub mod folder;
pub mod ftm;
pub mod graphml;
pub mod html;
pub mod sections;
pub mod svg;
pub mod tables;

use std::path::{Path, PathBuf};

use fuse::Case;

/// The case folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The case file could not be put in a zip archive.
    #[error("cannot make the case file's archive: {0}")]
    Archive(String),
    /// The path given for the case folder is not one to replace.
    #[error("cannot write the case folder {path}: {reason}")]
    Refused {
        /// The path given.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
}

/// Writes the case folder and returns the files written.
///
/// The folder is replaced as a whole (see [`folder`]): a killed build leaves the previous
/// case folder or the new one, never a mix, and never writes through a link. A path that is
/// a link, not a folder, or a folder holding other files than a case folder's is refused.
///
/// A large case file is split (see [`html::case_files`]): `index.html` then holds the
/// contents, and `part-NNN.html` and `sources.html` are written beside it.
pub fn write(dir: &Path, case: &Case) -> Result<Vec<PathBuf>, ReportError> {
    let mut bodies: Vec<(String, String)> = FILES
        .iter()
        .filter(|name| **name != "index.html")
        .map(|name| (name.to_string(), render(case, name).expect("every listed file renders")))
        .collect();
    bodies.extend(html::case_files(case));
    let files: Vec<(&str, &[u8])> =
        bodies.iter().map(|(n, b)| (n.as_str(), b.as_bytes())).collect();
    folder::replace(dir, &files)?;
    Ok(bodies.iter().map(|(name, _)| dir.join(name)).collect())
}

/// One file of the case folder by its name (one of [`FILES`]), as [`write()`] writes it;
/// `None` for another name. The workbench serves each export this way.
pub fn render(case: &Case, name: &str) -> Option<String> {
    Some(match name {
        "claims.jsonl" => tables::claims_jsonl(case),
        "entities.jsonl" => tables::entities_jsonl(case),
        "assertions.jsonl" => tables::assertions_jsonl(case),
        "judgements.jsonl" => tables::judgements_jsonl(case),
        "careers.jsonl" => tables::careers_jsonl(case),
        "careers.csv" => tables::careers_csv(case),
        "assertions.csv" => tables::assertions_csv(case),
        "network.graphml" => graphml::network(case),
        "ftm.json" => ftm::entities(case),
        "index.html" => html::case_file(case),
        _ => return None,
    })
}

/// The case folder's files, in the order [`write()`] writes them.
pub const FILES: [&str; 10] = [
    "claims.jsonl",
    "entities.jsonl",
    "assertions.jsonl",
    "judgements.jsonl",
    "careers.jsonl",
    "careers.csv",
    "assertions.csv",
    "network.graphml",
    "ftm.json",
    "index.html",
];

/// Checks before the long stages that [`write()`] will accept `dir` (not a link, not a file,
/// no other files than a case folder's) and can write beside it.
pub fn check_folder(dir: &Path) -> Result<(), ReportError> {
    folder::check(dir, &FILES).map(|_| ())
}

/// A URL fit for the outputs, or `None`: only `http` and `https` URLs, without spaces or
/// control characters, reach links, FtM `sourceUrl` or JSON. `javascript:`, `data:`,
/// `file:` and the rest, which a page's `og:url` can carry as well as any link, are dropped
/// here (the store keeps what the document said).
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let fine = !rest.is_empty()
        && !rest.starts_with('/')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    fine.then_some(url)
}

/// Text from documents made safe for HTML and XML, in element content and in quoted
/// attributes alike: `& < > " '` escaped, control characters that XML 1.0 forbids dropped.
pub fn escape(text: &str) -> String {
    let clean: String =
        text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect();
    html_escape::encode_quoted_attribute(&clean).into_owned()
}

#[cfg(test)]
mod tests;
