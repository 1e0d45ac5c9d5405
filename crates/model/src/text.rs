//! Extracted text and its map back to the original.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::{Format, Metadata};

/// Where a stretch of extracted text sits in the original file.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct SourceLoc {
    /// Byte range in the original file, where the format allows one (text, Markdown, HTML).
    pub bytes: Option<Range<usize>>,
    /// One-based page number, for paged formats (PDF).
    pub page: Option<u32>,
}

/// A stretch of extracted text (usually one paragraph or heading) and where it came from.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Segment {
    /// Byte range in the extracted text.
    pub text: Range<usize>,
    /// Where it sits in the original.
    pub source: SourceLoc,
}

/// A note about something odd in the input that did not stop the work.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A short machine-readable kind, such as `clutter-removed` or `encoding-guessed`.
    pub kind: String,
    /// What happened, for a human.
    pub message: String,
}

impl Diagnostic {
    /// A new diagnostic.
    pub fn new(kind: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { kind: kind.to_string(), message: message.into() }
    }
}

/// The result of reading one original file: its main text, metadata and source map.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Extraction {
    /// The format the bytes were read as.
    pub format: Format,
    /// The character encoding the bytes were decoded from (`UTF-8`, `windows-1256`, ...);
    /// `None` for PDF, whose text layer carries its own encodings.
    pub encoding: Option<String>,
    /// The main text: paragraphs and headings separated by blank lines, clutter removed.
    pub text: String,
    /// One entry per paragraph or heading, in text order, covering `text` without overlap.
    pub segments: Vec<Segment>,
    /// Title, publisher, date and the rest.
    pub metadata: Metadata,
    /// Everything odd that was noticed and handled (clutter dropped, encoding guessed, ...).
    pub diagnostics: Vec<Diagnostic>,
}
