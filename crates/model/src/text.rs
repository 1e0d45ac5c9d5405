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

impl Extraction {
    /// Whether the segments keep their promise: in text order, without overlap, inside the
    /// text and on character boundaries.
    pub fn segments_are_sound(&self) -> bool {
        let mut last = 0;
        self.segments.iter().all(|seg| {
            let ok = seg.text.start >= last
                && seg.text.start <= seg.text.end
                && seg.text.end <= self.text.len()
                && self.text.is_char_boundary(seg.text.start)
                && self.text.is_char_boundary(seg.text.end);
            last = seg.text.end;
            ok
        })
    }
}

/// The kinds of annotation the read stage stores.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// A sentence or heading (label `sentence` or `heading`).
    Sentence,
    /// A named entity (label PER, ORG, LOC, MISC).
    Entity,
    /// A military or police rank (value: its full form).
    Rank,
    /// A role or post (value: its head noun).
    Role,
    /// A nationality adjective (value: the country).
    Nationality,
    /// A temporal expression (label: its TIMEX3 type; value: its TimeML value).
    Timex,
}

impl Layer {
    /// The lowercase name, as stored.
    pub fn as_str(&self) -> &'static str {
        match self {
            Layer::Sentence => "sentence",
            Layer::Entity => "entity",
            Layer::Rank => "rank",
            Layer::Role => "role",
            Layer::Nationality => "nationality",
            Layer::Timex => "timex",
        }
    }

    /// The inverse of [`Layer::as_str`].
    pub fn parse(s: &str) -> Option<Layer> {
        Some(match s {
            "sentence" => Layer::Sentence,
            "entity" => Layer::Entity,
            "rank" => Layer::Rank,
            "role" => Layer::Role,
            "nationality" => Layer::Nationality,
            "timex" => Layer::Timex,
            _ => return None,
        })
    }
}

/// One annotation over a version's text.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Annotation {
    /// Which layer it belongs to.
    pub layer: Layer,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Its label (entity type, TIMEX3 type, `sentence` or `heading`, ...).
    pub label: String,
    /// A normalised value, where the layer has one.
    pub value: Option<String>,
}

/// One token of a version's text as the read stage analysed it: where it is, which sentence
/// it belongs to, and what the syntax layer says of it.
///
/// Tokens are the project's own (`read::tokens`: hyphenated names whole, clitics split off),
/// in text order; every token belongs to exactly one sentence, and a sentence's tokens are
/// consecutive.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Word {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Index of its sentence among the version's sentences (and headings), from 0.
    pub sentence: usize,
    /// Universal part of speech ("NOUN", "PROPN", "VERB").
    pub upos: String,
    /// Lemma ("be" for "was"; case kept for proper nouns).
    pub lemma: String,
    /// The word it depends on: its position in the sentence from 1, or 0 for the root.
    pub head: usize,
    /// Universal Dependencies relation to its head ("nsubj", "obj", "root").
    pub deprel: String,
}
