//! The file system side of ingest: walking folders, reading within limits, sidecar metadata.
//!
//! Sidecars let the user set or correct metadata without touching the original:
//! `NAME.meta.json` (or `NAME-without-extension.meta.json`) beside a file holds an object such
//! as `{"publisher": "Wire", "published": "2019-01-14"}`; a `dossier-meta.csv` in a folder
//! holds one row per file, with a `file` column and a column per field. The JSON file wins
//! over the CSV row; command-line flags win over both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use model::Field;

use crate::{Error, Limits, Result};

/// The name of a folder's metadata table.
pub const FOLDER_SIDECAR: &str = "dossier-meta.csv";

/// One file to ingest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The file, as found (absolute and canonical when it exists).
    pub path: PathBuf,
}

impl Input {
    /// The file name, for display and for extension-based tie-breaks.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}

fn is_sidecar(path: &Path) -> bool {
    let name =
        path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    name.ends_with(".meta.json") || name == FOLDER_SIDECAR
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Expands files and folders (recursively, in name order) into inputs. Sidecar files and
/// hidden files inside folders are skipped; paths that cannot be read come back as errors.
pub fn files(paths: &[PathBuf]) -> (Vec<Input>, Vec<(PathBuf, Error)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let canonical = match path.canonicalize() {
            Ok(p) => p,
            Err(e) => {
                errors.push((path.clone(), Error::Io(e)));
                continue;
            }
        };
        if canonical.is_file() {
            inputs.push(Input { path: canonical });
            continue;
        }
        let walker = walkdir::WalkDir::new(&canonical).sort_by_file_name().follow_links(true);
        for entry in walker.into_iter().filter_entry(|e| e.depth() == 0 || !is_hidden(e.path())) {
            match entry {
                Ok(e) if e.file_type().is_file() && !is_sidecar(e.path()) => {
                    inputs.push(Input { path: e.into_path() });
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().map_or_else(|| path.clone(), Path::to_path_buf);
                    errors.push((at, Error::Io(e.into())));
                }
            }
        }
    }
    inputs.dedup();
    (inputs, errors)
}

/// Reads a file, refusing it before reading when it is over the size limit.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path)?.len();
    if size > limits.max_file_size {
        return Err(Error::TooLarge { size, limit: limits.max_file_size });
    }
    let bytes = std::fs::read(path)?;
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    Ok(bytes)
}

/// The metadata the user set for `path` in sidecar files.
pub fn overrides_for(path: &Path) -> Result<BTreeMap<Field, String>> {
    let mut out = BTreeMap::new();
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let csv_path = dir.join(FOLDER_SIDECAR);
    if csv_path.is_file() {
        let bad = |detail: String| Error::Sidecar { path: csv_path.display().to_string(), detail };
        let mut reader = csv::Reader::from_path(&csv_path).map_err(|e| bad(e.to_string()))?;
        let headers = reader.headers().map_err(|e| bad(e.to_string()))?.clone();
        let file_col = headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case("file"))
            .ok_or_else(|| bad("no `file` column".into()))?;
        for row in reader.records() {
            let row = row.map_err(|e| bad(e.to_string()))?;
            if row.get(file_col).map(str::trim) != Some(name.as_str()) {
                continue;
            }
            for (i, header) in headers.iter().enumerate() {
                if i == file_col {
                    continue;
                }
                let field = Field::parse(header.trim().to_ascii_lowercase().as_str())
                    .ok_or_else(|| bad(format!("unknown column `{header}`")))?;
                if let Some(value) = row.get(i).map(str::trim).filter(|v| !v.is_empty()) {
                    out.insert(field, value.to_string());
                }
            }
        }
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    for candidate in [dir.join(format!("{name}.meta.json")), dir.join(format!("{stem}.meta.json"))]
    {
        if !candidate.is_file() {
            continue;
        }
        let bad = |detail: String| Error::Sidecar { path: candidate.display().to_string(), detail };
        let raw = std::fs::read_to_string(&candidate).map_err(|e| bad(e.to_string()))?;
        let map: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&raw).map_err(|e| bad(format!("not a JSON object: {e}")))?;
        for (key, value) in map {
            let field = Field::parse(key.to_ascii_lowercase().as_str())
                .ok_or_else(|| bad(format!("unknown field `{key}`")))?;
            let value = match value {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            out.insert(field, value);
        }
        break;
    }
    for (field, value) in &out {
        if *field == Field::Published
            && !value.is_empty()
            && value.parse::<model::PartialDate>().is_err()
        {
            return Err(Error::Sidecar {
                path: dir.display().to_string(),
                detail: format!(
                    "published date {value:?} for {name} is not YYYY, YYYY-MM or YYYY-MM-DD"
                ),
            });
        }
    }
    Ok(out)
}
