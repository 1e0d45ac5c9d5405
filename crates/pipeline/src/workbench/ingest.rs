//! Ingest from the web UI: files the investigator uploaded, kept under their SHA-256 beside
//! the store, then run through every stage as `dossier build` runs them, with progress for a
//! status page. It works on its own connection to the store, so that pages keep answering
//! while it runs.

use std::path::{Path, PathBuf};

use serde::Serialize;
use store::Store;

use super::Workbench;
use crate::{Error, IngestOptions, Progress};

/// What became of one uploaded file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FileStatus {
    /// The file's name as uploaded.
    pub name: String,
    /// `waiting`, or what ingest did (`ingested`, `new version`, `unchanged`, ...), or
    /// `failed`.
    pub status: String,
    /// Why it failed, in one line.
    pub error: Option<String>,
    /// The document's id in the case, once ingested.
    pub document: Option<i64>,
}

/// A job's state, as its page and `/api/ingest/ID` show it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct JobStatus {
    /// The job's number.
    pub id: usize,
    /// The stage it is at: `ingest`, `read`, `extract`, `origins`, `done` or `failed`.
    pub stage: String,
    /// Every file of the upload.
    pub files: Vec<FileStatus>,
    /// Documents a later stage failed on, with why.
    pub stage_failures: Vec<(String, String)>,
    /// Claims the extract stage found in the new documents.
    pub claims: usize,
    /// Why the whole job stopped, when it did.
    pub error: Option<String>,
    /// Whether it is over (done or failed).
    pub finished: bool,
}

/// Where uploaded bytes are kept: `uploads/<first 16 hex of their SHA-256>/<name>` beside the
/// store, so that the same bytes uploaded again are the same path (and so unchanged), and
/// two files of one name are two documents.
pub fn upload_path(db: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let sha = model::Sha256::digest(bytes).to_hex();
    let folder = db.parent().unwrap_or(Path::new(".")).join("uploads").join(&sha[..16]);
    folder.join(safe_name(name))
}

/// A file name as it may be written: its last path component, with nothing but letters,
/// digits, `.`, `-` and `_` (others become `_`), never empty or dots alone.
pub fn safe_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .take(120)
        .map(|c| if c.is_alphanumeric() || ".-_".contains(c) { c } else { '_' })
        .collect();
    if cleaned.trim_matches('.').is_empty() { "upload".into() } else { cleaned }
}

/// Runs the stages over uploaded files already written at `paths`: ingest, read, extract,
/// origins. `progress` hears of each file as ingest finishes it, `stage` of each stage as it
/// begins. Stage failures are listed in the answer, not errors.
pub fn run_ingest(
    db: &Path,
    paths: &[PathBuf],
    progress: &dyn Progress,
    stage: &dyn Fn(&str),
) -> Result<(Vec<(String, String)>, usize), Error> {
    let mut store = Store::open(db)?;
    stage("ingest");
    let options = IngestOptions { command: "dossier serve (upload)".into(), ..Default::default() };
    crate::ingest(&mut store, paths, &options, progress)?;
    stage("read");
    let read = crate::read(&mut store, &crate::Silent)?;
    stage("extract");
    let extracted = crate::extract(&mut store, false, &crate::Silent)?;
    stage("origins");
    crate::origins(&mut store)?;
    let failures = read
        .failed
        .iter()
        .chain(&extracted.failed)
        .map(|f| (f.name.clone(), f.message.clone()))
        .collect();
    Ok((failures, extracted.claims.values().sum()))
}

impl Workbench {
    /// The store's file, when the workbench was given it (needed to ingest beside it).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The workbench, told where its store's file is.
    pub fn with_path(mut self, path: &Path) -> Workbench {
        self.path = Some(path.to_path_buf());
        self
    }

    /// Forgets the built case, so that the next page builds it again (after another
    /// connection changed the store).
    pub fn refresh(&mut self) {
        self.changed();
    }
}
