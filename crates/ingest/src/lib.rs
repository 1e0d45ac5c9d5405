//! Turns original files (text, Markdown, HTML, PDF) into a main text, metadata and a map back
//! to the original bytes.
//!
//! # Brief overview
//!
//! - [`extract`] reads one file's bytes into a [`model::Extraction`]; it does no IO.
//! - [`extract_guarded`] does the same on its own thread, under a time limit and with panics
//!   of the PDF reader caught, so that one bad file cannot stall or crash a batch.
//! - [`files`] walks paths and folders into the list of inputs; [`read_file`] reads one
//!   within [`Limits`]; [`overrides_for`] finds the user's metadata sidecars.
//!
//! Every format becomes a list of lines (paragraphs, headings, PDF lines) that the same
//! clutter rules clean, so that a news page saved as text loses the same "related articles"
//! tail as its HTML original. This crate knows nothing of the store or of what later stages
//! make of the text.
#![warn(missing_docs)]

mod cancel;
mod clean;
mod decode;
mod error;
mod fs;
mod html;
mod inflate;
mod markdown;
mod meta;
mod pdf;
mod sniff;

#[cfg(test)]
mod tests;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use model::{Extraction, Field, Format, Metadata, Provenance, Segment, SourceLoc};

use crate::cancel::Cancel;
use crate::clean::Line;

pub use error::{Error, Result};
pub use fs::{Input, files, overrides_for, read_file};

/// Name and version of the extraction rules, stored with every version so that documents
/// can be re-extracted when the rules change.
pub const EXTRACTOR: &str = "dossier-ingest/3";

/// The name of the threads [`extract_guarded`] runs extractions on; their panics are caught
/// and reported as the file's error, so a caller's panic hook may keep them quiet.
pub const EXTRACT_THREAD: &str = "dossier-extract";

/// Bounds on the work one file may cause.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_size: u64,
    /// Largest extracted text accepted, in characters.
    pub max_text_chars: usize,
    /// Longest time extraction may take for one file.
    pub timeout: Duration,
    /// Most bytes all the streams of one PDF may inflate to, together.
    pub max_pdf_inflated: u64,
    /// Most bytes one PDF stream may inflate to.
    pub max_pdf_stream: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_size: 64 * 1024 * 1024,
            max_text_chars: 16 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            max_pdf_inflated: 256 * 1024 * 1024,
            max_pdf_stream: 64 * 1024 * 1024,
        }
    }
}

/// Reads one file's bytes into its main text, metadata and source map.
///
/// `file_name` is used only for its extension, which breaks ties the content leaves open.
pub fn extract(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Extraction> {
    extract_until(bytes, file_name, limits, &Cancel::default())
}

/// [`extract`], giving up with [`Error::Cancelled`] once `cancel` is raised.
fn extract_until(
    bytes: &[u8],
    file_name: &str,
    limits: &Limits,
    cancel: &Cancel,
) -> Result<Extraction> {
    let extension =
        file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let format = sniff::sniff(bytes, &extension)?;
    let mut metadata = Metadata::default();
    let mut diagnostics = Vec::new();
    let mut encoding = None;
    let mut decoded = None;
    let mut lines = match format {
        Format::Pdf => pdf::read(bytes, limits, &mut metadata)?,
        Format::Text | Format::Markdown | Format::Html => {
            let declared =
                (format == Format::Html).then(|| decode::declared_charset(bytes)).flatten();
            let d = decode::decode(bytes, declared.as_deref());
            encoding = Some(d.encoding.name().to_string());
            if d.guessed {
                diagnostics.push(model::Diagnostic::new(
                    "encoding-guessed",
                    format!("not UTF-8 and no charset declared; decoded as {}", d.encoding.name()),
                ));
            }
            if d.repaired > 0 {
                diagnostics.push(model::Diagnostic::new(
                    "utf8-repaired",
                    format!(
                        "UTF-8 with {} invalid byte sequence(s), each replaced by U+FFFD",
                        d.repaired
                    ),
                ));
            }
            let lines = match format {
                Format::Html => html::read(&d.text, &mut metadata, &mut diagnostics, cancel)?,
                Format::Markdown => markdown::read(&d.text, &mut metadata),
                _ => text_lines(&d.text, cancel)?,
            };
            decoded = Some(d);
            lines
        }
    };
    cancel.check()?;
    let header = clean::clean(&mut lines, &mut diagnostics, cancel)?;
    meta::from_lines(&mut lines, &header, &mut metadata);
    let (text, segments) = assemble(&lines, decoded.as_ref(), cancel)?;
    if text.trim().is_empty() {
        return Err(if format == Format::Pdf { Error::PdfNoText } else { Error::NoText });
    }
    let chars = text.chars().count();
    if chars > limits.max_text_chars {
        return Err(Error::TextTooLarge { chars, limit: limits.max_text_chars });
    }
    if let Some(lang) = meta::language(&text) {
        metadata.offer(Field::Language, &lang, Provenance::Detected);
    }
    Ok(Extraction { format, encoding, text, segments, metadata, diagnostics })
}

/// [`extract`] on a thread of its own, with a large stack, panics caught and a time limit.
///
/// A file that runs past the limit is reported as [`Error::Timeout`]; its thread is told to
/// stop, which the crate's own loops notice within milliseconds. Third-party code (html5ever's
/// tree builder, lopdf, pdf-extract) cannot be stopped and runs to its end on its own thread;
/// the batch goes on.
pub fn extract_guarded(
    bytes: Arc<Vec<u8>>,
    file_name: &str,
    limits: &Limits,
) -> Result<Extraction> {
    let (tx, rx) = mpsc::channel();
    let name = file_name.to_string();
    let thread_limits = limits.clone();
    let (cancel, stop) = Cancel::new();
    let spawned = std::thread::Builder::new()
        .name(EXTRACT_THREAD.into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| {
                extract_until(&bytes, &name, &thread_limits, &cancel)
            }));
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(Error::Io(e));
    }
    match rx.recv_timeout(limits.timeout) {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into());
            Err(Error::Crashed(
                message.lines().next().unwrap_or("panic").chars().take(120).collect(),
            ))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            Err(Error::Timeout(limits.timeout.as_secs()))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Error::Crashed("extractor thread died".into()))
        }
    }
}

/// Splits plain text into trimmed lines with their byte ranges; a blank line starts a
/// paragraph.
fn text_lines(text: &str, cancel: &Cancel) -> Result<Vec<Line>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut para_start = true;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        if n % 4096 == 0 {
            cancel.check()?;
        }
        let start = offset;
        offset += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            para_start = true;
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        lines.push(Line {
            text: trimmed.to_string(),
            src: Some(start + lead..start + lead + trimmed.len()),
            para_start,
            ..Line::default()
        });
        para_start = false;
    }
    Ok(lines)
}

/// Joins the kept lines into the main text: lines of one paragraph by a newline, paragraphs by
/// a blank line. A removed line between two kept ones ends a paragraph, so that no segment
/// spans text that is not in the output.
fn assemble(
    lines: &[Line],
    decoded: Option<&decode::Decoded>,
    cancel: &Cancel,
) -> Result<(String, Vec<Segment>)> {
    let mut text = String::new();
    let mut segments: Vec<Segment> = Vec::new();
    let mut previous: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if i % 4096 == 0 {
            cancel.check()?;
        }
        if line.removed.is_some() {
            continue;
        }
        let continues = previous.is_some_and(|p| {
            let prev = &lines[p];
            p + 1 == i
                && !line.para_start
                && !line.heading
                && !prev.heading
                && prev.page == line.page
        });
        let src = line
            .src
            .as_ref()
            .and_then(|r| Some(source(decoded, r.start)?..source(decoded, r.end)?));
        if continues {
            text.push('\n');
            text.push_str(&line.text);
            let seg = segments.last_mut().expect("a paragraph is open");
            seg.text.end = text.len();
            if let (Some(bytes), Some(src)) = (seg.source.bytes.as_mut(), src) {
                bytes.end = src.end;
            }
        } else {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&line.text);
            segments.push(Segment {
                text: start..text.len(),
                source: SourceLoc { bytes: src, page: line.page },
            });
        }
        previous = Some(i);
    }
    Ok((text, segments))
}

fn source(decoded: Option<&decode::Decoded>, offset: usize) -> Option<usize> {
    decoded?.source_offset(offset)
}
