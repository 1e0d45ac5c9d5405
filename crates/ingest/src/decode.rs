//! Bytes to text: byte order marks, declared charsets, UTF-8, then a statistical guess.
//!
//! Legacy code pages are common in this field (Windows-1252 in Western press archives,
//! Windows-1256 in Arabic ones); they are decoded, never rejected.

use encoding_rs::Encoding;

/// Decoded text and how to map its byte offsets back to the original's.
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Whether the encoding was guessed rather than declared or certain.
    pub guessed: bool,
    /// Length of a byte order mark skipped at the start.
    bom: usize,
}

impl Decoded {
    /// Maps a byte offset in `text` to a byte offset in the original, where that can be
    /// done exactly: UTF-8 (the same offsets) and single-byte code pages (one byte a char).
    pub fn source_offset(&self, text_offset: usize) -> Option<usize> {
        if self.encoding == encoding_rs::UTF_8 {
            Some(self.bom + text_offset)
        } else if is_single_byte(self.encoding) {
            Some(self.bom + self.text[..text_offset].chars().count())
        } else {
            None
        }
    }
}

fn is_single_byte(enc: &'static Encoding) -> bool {
    enc.is_single_byte()
}

/// Decodes `bytes`, trusting `declared` (an HTML `<meta charset>`) when given and known.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Decoded { text: text.into_owned(), encoding: enc, guessed: false, bom };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: encoding_rs::UTF_8,
            guessed: false,
            bom: 0,
        };
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    // A page that declares UTF-8 but is not valid UTF-8 has lied; fall through to a guess.
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Decoded { text: text.into_owned(), encoding: enc, guessed: false, bom: 0 };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: enc, guessed: true, bom: 0 }
}

/// The charset an HTML page declares in its first kilobytes, if any.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + 8..].trim_start_matches(['"', '\'', ' ']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    Some(rest[..end].to_string()).filter(|s| !s.is_empty())
}
