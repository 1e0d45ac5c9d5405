//! Decides how to read a file: by its content first, by its name second.

use encoding_rs::Encoding;
use model::Format;

use crate::{Error, Result};

/// The format of `bytes`, given the file name's extension (lowercase, without the dot).
///
/// A PDF saved as `.txt` is still a PDF, and a page saved as `.txt` with markup is HTML; an
/// extension only decides between readings the content leaves open (Markdown or plain text).
pub(crate) fn sniff(bytes: &[u8], extension: &str) -> Result<Format> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if let Some(kind) = infer::get(bytes)
        && kind.matcher_type() != infer::MatcherType::Text
    {
        return Err(Error::Binary(describe(kind)));
    }
    if looks_binary(bytes) {
        return Err(Error::Binary("unknown type".into()));
    }
    // UTF-16 markup is looked at as text, not as bytes with a zero between letters.
    let utf16 =
        Encoding::for_bom(head).map(|(e, _)| e).or_else(|| crate::decode::utf16_without_bom(head));
    let decoded;
    let head = match utf16.filter(|e| *e != encoding_rs::UTF_8) {
        Some(enc) => {
            decoded = enc.decode(head).0.into_owned();
            decoded.as_bytes()
        }
        None => head,
    };
    if looks_like_html(head) || (matches!(extension, "html" | "htm" | "xhtml") && has_tags(head)) {
        return Ok(Format::Html);
    }
    Ok(match extension {
        "md" | "markdown" => Format::Markdown,
        _ => Format::Text,
    })
}

fn describe(kind: infer::Type) -> String {
    let what = match kind.matcher_type() {
        infer::MatcherType::Image => "image",
        infer::MatcherType::Archive => "archive",
        infer::MatcherType::Audio => "audio",
        infer::MatcherType::Video => "video",
        infer::MatcherType::Doc => "office document",
        infer::MatcherType::Font => "font",
        infer::MatcherType::App => "program",
        _ => "file",
    };
    format!("{} {what}", kind.extension())
}

/// Text in any encoding has no NUL bytes outside UTF-16 (with or without a byte order mark),
/// and few C0 controls.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]) {
        return false; // UTF-16 with a byte order mark.
    }
    if crate::decode::utf16_without_bom(bytes).is_some() {
        return false;
    }
    let controls =
        sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    sample.contains(&0) || controls * 100 > sample.len()
}

fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<') && (text.contains("<body") || text.contains("<head")))
}

fn has_tags(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    ["<p", "<div", "<body", "<article", "<h1", "<br", "<span", "<title"]
        .iter()
        .any(|t| text.contains(t))
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
