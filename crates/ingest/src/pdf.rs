//! PDF text layers, page by page.
//!
//! pdf-extract reads the text layer in reading order. It can panic on odd files: each page is
//! read under `catch_unwind`, and the caller also runs the whole on its own thread under a
//! time limit (see [`crate::extract_guarded`]). Encryption and broken files are told apart first with lopdf,
//! so that the user gets the right advice.
//!
//! Neither lopdf nor pdf-extract bounds what a stream inflates to, so every stream is measured
//! first by [`crate::inflate`] and the file refused before anything is inflated; the document
//! is then loaded once and handed to pdf-extract page by page.

use model::{Field, Metadata, Provenance};

use crate::clean::Line;
use crate::{Error, Limits, Result, inflate};

/// Reads the text of every page into lines tagged with their page number.
pub(crate) fn read(bytes: &[u8], limits: &Limits, meta: &mut Metadata) -> Result<Vec<Line>> {
    inflate::check_raw(bytes, limits)?;
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| broken(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Error::PdfEncrypted);
    }
    if doc.encryption_state.is_some() || doc.is_encrypted() {
        // The raw scan saw ciphertext; measure the decrypted streams before any is inflated.
        inflate::check_document(&doc, limits)?;
    }
    info(&doc, meta);
    let numbers: Vec<u32> = doc.get_pages().into_keys().collect();
    if numbers.is_empty() {
        return Err(Error::PdfBroken("no pages".into()));
    }
    let mut pages = Vec::with_capacity(numbers.len());
    let mut crashed: Option<String> = None;
    for n in numbers {
        let mut text = String::new();
        // pdf-extract asserts on malformed operators, fonts and encodings: a page it panics on
        // is caught here, so that `extract` stays total over any bytes (not only under
        // `extract_guarded`) and the other pages are kept.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut output = pdf_extract::PlainTextOutput::new(&mut text);
            pdf_extract::output_doc_page(&doc, &mut output, n).is_ok()
        }));
        let read = read.unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            crashed = Some(message.lines().next().unwrap_or("panic").chars().take(80).collect());
            false
        });
        // A page pdf-extract cannot read leaves a gap, as it did when pdf-extract looped.
        if !read {
            text.clear();
        }
        pages.push(text);
    }
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(match crashed {
            Some(message) => Error::PdfBroken(format!("the PDF reader failed: {message}")),
            None => Error::PdfNoText,
        });
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
