//! PDF text layers, page by page.
//!
//! pdf-extract reads the text layer in reading order. It can panic on odd files, so the
//! caller runs it on its own thread under `catch_unwind` and a time limit (see
//! [`crate::extract_guarded`]). Encryption and broken files are told apart first with lopdf,
//! so that the user gets the right advice.

use model::{Field, Metadata, Provenance};

use crate::clean::Line;
use crate::{Error, Result};

/// Reads the text of every page into lines tagged with their page number.
pub(crate) fn read(bytes: &[u8], meta: &mut Metadata) -> Result<Vec<Line>> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| broken(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Error::PdfEncrypted);
    }
    info(&doc, meta);
    if doc.get_pages().is_empty() {
        return Err(Error::PdfBroken("no pages".into()));
    }
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(|e| match e {
        pdf_extract::OutputError::PdfError(lopdf::Error::Decryption(_)) => Error::PdfEncrypted,
        other => broken(&other.to_string()),
    })?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(Error::PdfNoText);
    }
    let mut lines = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut para_start = true;
        for raw in page.lines() {
            let text = raw.trim();
            if text.is_empty() {
                para_start = true;
                continue;
            }
            lines.push(Line {
                text: text.to_string(),
                page: Some(n as u32 + 1),
                para_start,
                ..Line::default()
            });
            para_start = false;
        }
    }
    Ok(lines)
}

fn broken(detail: &str) -> Error {
    let detail = detail.lines().next().unwrap_or("unreadable").trim();
    Error::PdfBroken(detail.chars().take(120).collect())
}

/// Title and author from the document information dictionary, when they are real values and
/// not the name of the file the PDF was printed from.
fn info(doc: &lopdf::Document, meta: &mut Metadata) {
    let Ok(info) =
        doc.trailer.get(b"Info").and_then(|o| o.as_reference()).and_then(|r| doc.get_dictionary(r))
    else {
        return;
    };
    let get = |key: &[u8]| -> Option<String> {
        let obj = info.get(key).ok()?;
        let s = lopdf::decode_text_string(obj).ok()?;
        let s = s.trim().to_string();
        let junk = s.is_empty()
            || s.starts_with("Microsoft Word")
            || s.to_ascii_lowercase().ends_with(".doc")
            || s.to_ascii_lowercase().ends_with(".docx")
            || s.to_ascii_lowercase().ends_with(".pdf")
            || s.eq_ignore_ascii_case("untitled");
        (!junk).then_some(s)
    };
    if let Some(t) = get(b"Title") {
        meta.offer(Field::Title, &t, Provenance::PdfInfo);
    }
    if let Some(a) = get(b"Author") {
        meta.offer(Field::Author, &a, Provenance::PdfInfo);
    }
}
