//! The file system side of ingest: walking folders, reading within limits, sidecar metadata.
//!
//! Sidecars let the user set or correct metadata without touching the original:
//! `NAME.meta.json` (or `NAME-without-extension.meta.json`) beside a file holds an object such
//! as `{"publisher": "Wire", "published": "2019-01-14"}`; a `dossier-meta.csv` in a folder
//! holds one row per file, with a `file` column and a column per field. The JSON file wins
//! over the CSV row; command-line flags win over both.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
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
///
/// Inside a folder, a symbolic link is followed only when `follow_links` is set: a folder
/// from elsewhere must not make dossier read `/etc` or `/proc`. A path named on the command
/// line is always resolved, links included, since the user named it. Whatever the route, only
/// regular files are read: a named pipe would block the walk and a device never ends, so each
/// such entry (and each link not followed) comes back as an [`Error::Skipped`] that says why.
pub fn files(paths: &[PathBuf], follow_links: bool) -> (Vec<Input>, Vec<(PathBuf, Error)>) {
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
        let kind = match std::fs::metadata(&canonical) {
            Ok(m) => m.file_type(),
            Err(e) => {
                errors.push((path.clone(), Error::Io(e)));
                continue;
            }
        };
        if !kind.is_dir() {
            match refusal(&canonical, kind) {
                Some(why) => errors.push((path.clone(), Error::Skipped(why))),
                None => inputs.push(Input { path: canonical }),
            }
            continue;
        }
        let before = inputs.len();
        let mut named_like_files = Vec::new();
        let walker =
            walkdir::WalkDir::new(&canonical).sort_by_file_name().follow_links(follow_links);
        let mut walk = walker.into_iter().filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
        while let Some(entry) = walk.next() {
            let e = match entry {
                Ok(e) => e,
                Err(e) => {
                    let at = e.path().map_or_else(|| path.clone(), Path::to_path_buf);
                    errors.push((at, Error::Io(e.into())));
                    continue;
                }
            };
            let kind = e.file_type();
            if kind.is_dir() {
                if e.path_is_symlink()
                    && let Some(why) = e.path().canonicalize().ok().and_then(|t| system_path(&t))
                {
                    walk.skip_current_dir();
                    errors.push((e.into_path(), Error::Skipped(why)));
                } else if e.depth() > 0 && has_document_extension(e.path()) {
                    named_like_files.push(e.into_path());
                }
                continue;
            }
            if kind.is_symlink() {
                // Only reached when links are not followed (walkdir resolves them otherwise).
                errors.push((
                    e.into_path(),
                    Error::Skipped(
                        "a symbolic link inside a folder, not followed: pass --follow-links to \
                         follow links"
                            .into(),
                    ),
                ));
                continue;
            }
            if is_sidecar(e.path()) {
                continue;
            }
            let why = if e.path_is_symlink() {
                match e.path().canonicalize() {
                    Ok(target) => refusal(&target, kind),
                    Err(err) => Some(format!("a link that cannot be resolved ({err})")),
                }
            } else {
                refusal(e.path(), kind)
            };
            match why {
                Some(why) => errors.push((e.into_path(), Error::Skipped(why))),
                None => inputs.push(Input { path: e.into_path() }),
            }
        }
        // A folder named like a document ("notes.txt/") is walked like any folder; say so when
        // it held nothing, or the user sees a file vanish without a word. Inputs come in walk
        // order, so a folder's files follow it in path order.
        let found: BTreeSet<&Path> = inputs[before..].iter().map(|i| i.path.as_path()).collect();
        let mut empty = Vec::new();
        for dir in named_like_files {
            let next =
                found.range::<Path, _>((Bound::Excluded(dir.as_path()), Bound::Unbounded)).next();
            if !next.is_some_and(|p| p.starts_with(&dir)) {
                empty.push(dir);
            }
        }
        for dir in empty {
            errors.push((
                dir,
                Error::Skipped(
                    "a folder named like a document, with no files to ingest in it".into(),
                ),
            ));
        }
        if inputs.len() == before {
            errors.push((
                path.clone(),
                Error::Skipped("a folder with no text, Markdown, HTML or PDF files in it".into()),
            ));
        }
    }
    inputs.dedup();
    (inputs, errors)
}

/// Why a path that is not a folder is not read, if it is not.
fn refusal(path: &Path, kind: std::fs::FileType) -> Option<String> {
    if !kind.is_file() {
        return Some(format!("{}, not a regular file", describe(kind)));
    }
    system_path(path)
}

/// Files of /proc and /sys report a size of 0 and are not documents, and /dev holds devices;
/// a followed link could lead there.
fn system_path(path: &Path) -> Option<String> {
    ["/proc", "/sys", "/dev"]
        .iter()
        .any(|p| path.starts_with(p))
        .then(|| "a file of the operating system (/proc, /sys or /dev), not a document".to_string())
}

fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

fn has_document_extension(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some("txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" | "pdf")
    )
}

/// Reads a file, refusing it before reading when it is over the size limit or not a regular
/// file.
///
/// The file is opened without blocking and checked again once open, so that a file swapped for
/// a named pipe or a device after the walk cannot stall or flood the run.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(why) = refusal(path, meta.file_type()) {
        return Err(Error::Skipped(why));
    }
    let size = meta.len();
    if size > limits.max_file_size {
        return Err(Error::TooLarge { size, limit: limits.max_file_size });
    }
    // The size can change after the check; never read past the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_file_size + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits.max_file_size {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: limits.max_file_size });
    }
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

#[cfg(test)]
mod tests;
