//! What is known about a document besides its text.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::PartialDate;

/// The format a file was read as, decided from its content first and its name second.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text in any encoding.
    Text,
    /// CommonMark text.
    Markdown,
    /// An HTML page.
    Html,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// The lowercase name, as stored.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// The inverse of [`Format::as_str`].
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "markdown" => Format::Markdown,
            "html" => Format::Html,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One metadata field, so that provenance can be kept per field.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The headline or title.
    Title,
    /// The outlet or organisation that published the document.
    Publisher,
    /// The author or authors, as printed.
    Author,
    /// The canonical address of the document.
    Url,
    /// The language, as an ISO 639-1 code where one exists.
    Language,
    /// The publication date.
    Published,
}

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Publisher,
        Field::Author,
        Field::Url,
        Field::Language,
        Field::Published,
    ];

    /// The lowercase name used in sidecar files, flags and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Publisher => "publisher",
            Field::Author => "author",
            Field::Url => "url",
            Field::Language => "language",
            Field::Published => "published",
        }
    }

    /// The inverse of [`Field::as_str`]; also accepts `date` for `published`.
    pub fn parse(s: &str) -> Option<Field> {
        Some(match s {
            "title" => Field::Title,
            "publisher" => Field::Publisher,
            "author" => Field::Author,
            "url" => Field::Url,
            "language" | "lang" => Field::Language,
            "published" | "date" => Field::Published,
            _ => return None,
        })
    }
}

/// Where a metadata value came from, so that a reader can weigh it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// A `<meta>` tag or `<link rel=canonical>` of an HTML page.
    HtmlMeta,
    /// A JSON-LD block of an HTML page.
    JsonLd,
    /// The `<title>` or first `<h1>` of an HTML page.
    HtmlTitle,
    /// The document information dictionary of a PDF.
    PdfInfo,
    /// A header or footer that a browser printed on every page (date, title, URL).
    PrintHeader,
    /// A line of the text itself (a date line, a byline, a headline).
    Text,
    /// Guessed from the text by a statistical language identifier.
    Detected,
    /// A sidecar file written by the user (`NAME.meta.json` or a folder's CSV).
    Sidecar,
    /// A command-line flag.
    Flag,
}

/// Title, publisher, author, URL, language and publication date of a document.
///
/// Every field may be unknown. Unknown stays unknown: nothing here is ever filled in from the
/// file's modification time or today's date.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline or title.
    pub title: Option<String>,
    /// The outlet or organisation that published it.
    pub publisher: Option<String>,
    /// The author or authors, as printed.
    pub author: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// The language, ISO 639-1 where one exists.
    pub language: Option<String>,
    /// The publication date, to the precision the document gives.
    pub published: Option<PartialDate>,
    /// Where each known field came from.
    pub sources: BTreeMap<Field, Provenance>,
}

impl Metadata {
    /// The value of a field as text, if known.
    pub fn get(&self, field: Field) -> Option<String> {
        match field {
            Field::Title => self.title.clone(),
            Field::Publisher => self.publisher.clone(),
            Field::Author => self.author.clone(),
            Field::Url => self.url.clone(),
            Field::Language => self.language.clone(),
            Field::Published => self.published.map(|d| d.to_string()),
        }
    }

    /// Sets a field from text, replacing any earlier value, and records its provenance.
    ///
    /// An empty or blank value clears the field. A `published` value that is not an ISO date
    /// is an error, so that a typo in a sidecar file is reported, not silently dropped.
    pub fn set(
        &mut self,
        field: Field,
        value: &str,
        from: Provenance,
    ) -> Result<(), crate::DateError> {
        let value = value.trim();
        if value.is_empty() {
            self.clear(field);
            self.sources.insert(field, from);
            return Ok(());
        }
        let text = Some(value.to_string());
        match field {
            Field::Title => self.title = text,
            Field::Publisher => self.publisher = text,
            Field::Author => self.author = text,
            Field::Url => self.url = text,
            Field::Language => self.language = text,
            Field::Published => self.published = Some(value.parse()?),
        }
        self.sources.insert(field, from);
        Ok(())
    }

    /// Sets a field only if it is still unknown; returns whether it was set.
    pub fn offer(&mut self, field: Field, value: &str, from: Provenance) -> bool {
        if self.get(field).is_some() || value.trim().is_empty() {
            return false;
        }
        self.set(field, value, from).is_ok()
    }

    /// Sets the publication date only if it is still unknown.
    pub fn offer_date(&mut self, date: PartialDate, from: Provenance) -> bool {
        if self.published.is_some() {
            return false;
        }
        self.published = Some(date);
        self.sources.insert(Field::Published, from);
        true
    }

    fn clear(&mut self, field: Field) {
        match field {
            Field::Title => self.title = None,
            Field::Publisher => self.publisher = None,
            Field::Author => self.author = None,
            Field::Url => self.url = None,
            Field::Language => self.language = None,
            Field::Published => self.published = None,
        }
    }
}
