//! Ingest from the browser: a multipart upload (size-limited, CSRF-checked), the files kept
//! under their SHA-256 beside the store, the stages run on a thread of their own, and a
//! progress page that refreshes itself (no script needed) with its JSON under `/api/ingest/`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State as AxState};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use minijinja::context;
use pipeline::workbench::{FileStatus, JobStatus, run_ingest, upload_path};
use pipeline::{FileReport, Progress};

use crate::State;
use crate::pages::{PageError, PageResult, render, see};
use crate::security::same_secret;

/// The most an upload may carry, all files together.
pub const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;

/// The most files one upload may carry.
const MAX_FILES: usize = 500;

/// The jobs this server ran, oldest first.
pub type Jobs = Mutex<Vec<Arc<Mutex<JobStatus>>>>;

/// One part of a multipart body.
#[derive(Debug, PartialEq, Eq)]
pub struct Part<'a> {
    /// The form field's name.
    pub name: String,
    /// The file's name, for a file.
    pub filename: Option<String>,
    /// Its bytes.
    pub data: &'a [u8],
}

/// The parts of a `multipart/form-data` body, or why it is not one.
pub fn multipart<'a>(content_type: &str, body: &'a [u8]) -> Result<Vec<Part<'a>>, String> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .filter(|b| !b.is_empty() && b.len() <= 200)
        .ok_or("the upload is not multipart/form-data with a boundary: send it from the form")?;
    let delimiter = format!("--{boundary}");
    let next = format!("\r\n--{boundary}");
    let finder = memchr::memmem::Finder::new(next.as_bytes());
    let broken = || "the upload is cut short or malformed: send it again".to_string();
    let mut at =
        memchr::memmem::find(body, delimiter.as_bytes()).ok_or_else(broken)? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        let rest = &body[at..];
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        let rest = rest.strip_prefix(b"\r\n").ok_or_else(broken)?;
        let head_end = memchr::memmem::find(rest, b"\r\n\r\n").ok_or_else(broken)?;
        let head = std::str::from_utf8(&rest[..head_end]).map_err(|_| broken())?;
        let data_start = head_end + 4;
        let data_end = finder.find(&rest[data_start..]).ok_or_else(broken)? + data_start;
        let (mut name, mut filename) = (None, None);
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else { continue };
            if !key.trim().eq_ignore_ascii_case("content-disposition") {
                continue;
            }
            for param in value.split(';').map(str::trim) {
                if let Some(v) = param.strip_prefix("name=") {
                    name = Some(v.trim_matches('"').to_string());
                } else if let Some(v) = param.strip_prefix("filename=") {
                    filename = Some(v.trim_matches('"').to_string());
                }
            }
        }
        parts.push(Part {
            name: name.ok_or_else(broken)?,
            filename,
            data: &rest[data_start..data_end],
        });
        // Past the part's data and the CRLF before the next delimiter.
        at = body.len() - rest.len() + data_end + next.len();
    }
}

/// Tells the job's status of each file as ingest finishes it.
struct Watch {
    job: Arc<Mutex<JobStatus>>,
    paths: Vec<PathBuf>,
}

impl Progress for Watch {
    fn start(&self, _: usize) {}

    fn advance(&self, file: &FileReport) {
        let Some(i) = self.paths.iter().position(|p| *p == file.path) else { return };
        let mut job = self.job.lock().unwrap_or_else(|e| e.into_inner());
        let status = &mut job.files[i];
        match &file.result {
            Ok(outcome) => {
                status.status = outcome.as_str().into();
                status.document = Some(match outcome {
                    store::Outcome::Ingested { doc }
                    | store::Outcome::NewVersion { doc, .. }
                    | store::Outcome::Unchanged { doc, .. }
                    | store::Outcome::Updated { doc } => *doc,
                });
            }
            Err(e) => {
                status.status = "failed".into();
                status.error = Some(e.clone());
            }
        }
    }

    fn finish(&self) {}
}

pub async fn page(AxState(state): AxState<Arc<State>>) -> PageResult {
    let jobs: Vec<JobStatus> = state
        .jobs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .rev()
        .map(|j| j.lock().unwrap_or_else(|e| e.into_inner()).clone())
        .collect();
    render(
        &state,
        "ingest.html",
        context! { jobs, csrf => state.csrf, limit_mib => UPLOAD_LIMIT / (1024 * 1024) },
    )
}

pub async fn upload(
    AxState(state): AxState<Arc<State>>,
    headers: HeaderMap,
    body: Bytes,
) -> PageResult {
    let content_type =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let parts = multipart(content_type, &body).map_err(PageError::Bad)?;
    let csrf = parts.iter().find(|p| p.name == "csrf").map(|p| p.data);
    if !csrf.is_some_and(|t| same_secret(&String::from_utf8_lossy(t), &state.csrf)) {
        return Err(PageError::Bad(
            "the form's security token is missing or stale: reload the page and try again".into(),
        ));
    }
    let files: Vec<&Part> =
        parts.iter().filter(|p| p.filename.as_deref().is_some_and(|f| !f.is_empty())).collect();
    if files.is_empty() {
        return Err(PageError::Bad("no file in the upload: choose one or more files".into()));
    }
    if files.len() > MAX_FILES {
        return Err(PageError::Bad(format!(
            "{} files in one upload: send at most {MAX_FILES} at a time",
            files.len()
        )));
    }
    let db = {
        let bench =
            state.bench.lock().map_err(|_| PageError::Internal("a request failed".into()))?;
        bench.path().map(|p| p.to_path_buf())
    };
    let db = db.ok_or_else(|| {
        PageError::Bad("this workbench was started without its store's file: ingest with `dossier build` or `dossier ingest`".into())
    })?;
    {
        let jobs = state.jobs.lock().unwrap_or_else(|e| e.into_inner());
        if jobs.iter().any(|j| !j.lock().unwrap_or_else(|e| e.into_inner()).finished) {
            return Err(PageError::Bad(
                "another upload is being ingested: wait until its page says done".into(),
            ));
        }
    }
    // Each file under its SHA-256 beside the store (content-addressed: the same bytes are
    // the same path, so an upload repeated is unchanged, not a copy).
    let mut paths = Vec::new();
    let mut statuses = Vec::new();
    for f in &files {
        let name = f.filename.clone().unwrap_or_default();
        let path = upload_path(&db, &name, f.data);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| if path.exists() { Ok(()) } else { std::fs::write(&path, f.data) });
        if let Err(e) = written {
            return Err(PageError::Internal(format!(
                "cannot keep the upload {}: {e} (is the disk full?)",
                path.display()
            )));
        }
        paths.push(path);
        statuses.push(FileStatus { name, status: "waiting".into(), ..FileStatus::default() });
    }
    let job = {
        let mut jobs = state.jobs.lock().unwrap_or_else(|e| e.into_inner());
        let job = Arc::new(Mutex::new(JobStatus {
            id: jobs.len() + 1,
            stage: "waiting".into(),
            files: statuses,
            ..JobStatus::default()
        }));
        jobs.push(job.clone());
        job
    };
    let id = job.lock().unwrap_or_else(|e| e.into_inner()).id;
    let shared = state.clone();
    std::thread::spawn(move || {
        let watch = Watch { job: job.clone(), paths: paths.clone() };
        let stage = |s: &str| job.lock().unwrap_or_else(|e| e.into_inner()).stage = s.into();
        let result = run_ingest(&db, &paths, &watch, &stage);
        // The pages build the case again with the new documents.
        if let Ok(mut bench) = shared.bench.lock() {
            bench.refresh();
        }
        let mut status = job.lock().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok((failures, claims)) => {
                status.stage = "done".into();
                status.stage_failures = failures;
                status.claims = claims;
            }
            Err(e) => {
                status.stage = "failed".into();
                status.error = Some(e.to_string());
            }
        }
        status.finished = true;
    });
    Ok(see(format!("/ingest/{id}")))
}

fn job(state: &State, id: &str) -> Result<JobStatus, PageError> {
    let n = id.parse::<usize>().ok();
    let jobs = state.jobs.lock().unwrap_or_else(|e| e.into_inner());
    n.and_then(|n| jobs.get(n.wrapping_sub(1)))
        .map(|j| j.lock().unwrap_or_else(|e| e.into_inner()).clone())
        .ok_or_else(|| PageError::NotFound(format!("no upload {id} on this server")))
}

pub async fn status(AxState(state): AxState<Arc<State>>, Path(id): Path<String>) -> PageResult {
    let job = job(&state, &id)?;
    render(&state, "job.html", context! { job })
}

pub async fn api_status(AxState(state): AxState<Arc<State>>, Path(id): Path<String>) -> PageResult {
    Ok(Json(job(&state, &id)?).into_response())
}
