//! Bytes to text: byte order marks, UTF-8 (repaired when a few bytes are bad), UTF-16 without
//! a mark, declared charsets, then a statistical guess.
//!
//! Legacy code pages are common in this field (Windows-1252 in Western press archives,
//! Windows-1256 in Arabic ones); they are decoded, never rejected. A UTF-8 file with a few bad
//! bytes (a truncated copy, one pasted Latin-1 word) is still UTF-8: decoding it all as a code
//! page would turn every quotation mark into "â€™", so the bad bytes become U+FFFD instead.

use encoding_rs::Encoding;

/// How often (in bytes of text) the offset map keeps a checkpoint: a lookup walks at most
/// this far, so mapping every paragraph of a large file stays linear.
const CHECKPOINT: usize = 4096;

/// Decoded text and how to map its byte offsets back to the original's.
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Whether the encoding was guessed rather than declared or certain.
    pub guessed: bool,
    /// Invalid UTF-8 sequences replaced by U+FFFD.
    pub repaired: usize,
    /// Pairs (text offset, source offset) at character boundaries, in order, starting at
    /// (0, length of the byte order mark); between two of them every character has the same
    /// width in the source as [`Decoded::source_width`] says. Empty when the encoding has
    /// no fixed relation between characters and bytes (Shift JIS, GBK, ...).
    checkpoints: Vec<(usize, usize)>,
}

impl Decoded {
    fn new(text: String, encoding: &'static Encoding, bom: usize) -> Decoded {
        let mut d =
            Decoded { text, encoding, guessed: false, repaired: 0, checkpoints: Vec::new() };
        if d.encoding == encoding_rs::UTF_8
            || d.encoding == encoding_rs::UTF_16LE
            || d.encoding == encoding_rs::UTF_16BE
            || d.encoding.is_single_byte()
        {
            d.checkpoints.push((0, bom));
            let (mut next, mut src) = (CHECKPOINT, bom);
            for (i, c) in d.text.char_indices() {
                if i >= next {
                    d.checkpoints.push((i, src));
                    next = i + CHECKPOINT;
                }
                src += d.source_width(c);
            }
        }
        d
    }

    /// Bytes one character of the text takes in the original.
    fn source_width(&self, c: char) -> usize {
        if self.encoding == encoding_rs::UTF_8 {
            c.len_utf8()
        } else if self.encoding == encoding_rs::UTF_16LE || self.encoding == encoding_rs::UTF_16BE {
            2 * c.len_utf16()
        } else {
            1
        }
    }

    /// Maps a byte offset in `text` to a byte offset in the original, where that can be
    /// done exactly: UTF-8 (repaired or not), UTF-16 and single-byte code pages.
    pub fn source_offset(&self, text_offset: usize) -> Option<usize> {
        let at = self.checkpoints.partition_point(|&(t, _)| t <= text_offset).checked_sub(1)?;
        let (t, src) = self.checkpoints[at];
        let walked: usize =
            self.text.get(t..text_offset)?.chars().map(|c| self.source_width(c)).sum();
        Some(src + walked)
    }
}

/// Decodes `bytes`, trusting `declared` (an HTML `<meta charset>`) when given and known.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Decoded::new(text.into_owned(), enc, bom);
    }
    // Before UTF-8: UTF-16 of ASCII is valid UTF-8, a NUL between every two letters.
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Decoded::new(text.into_owned(), enc, 0);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::new(text.to_string(), encoding_rs::UTF_8, 0);
    }
    if mostly_utf8(bytes) {
        return repair_utf8(bytes);
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    // A page that declares UTF-8 but is not valid UTF-8 has lied; fall through to a guess.
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Decoded::new(text.into_owned(), enc, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let mut d = Decoded::new(text.into_owned(), enc, 0);
    d.guessed = true;
    d
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 with a few bad sequences: at least
/// as many valid multi-byte sequences as invalid ones. Text in a legacy code page almost never
/// forms a valid multi-byte sequence ("é" is one byte followed by ASCII).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 0 && valid >= invalid
}

/// Lossy UTF-8, with a checkpoint after every replacement (whose width in the source varies)
/// so that offsets still map.
fn repair_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut checkpoints = vec![(0, 0)];
    let (mut src, mut next, mut repaired) = (0, CHECKPOINT, 0);
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        for (i, _) in valid.char_indices() {
            if text.len() + i >= next {
                checkpoints.push((text.len() + i, src + i));
                next = text.len() + i + CHECKPOINT;
            }
        }
        text.push_str(valid);
        src += valid.len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            src += chunk.invalid().len();
            repaired += 1;
            checkpoints.push((text.len(), src));
        }
    }
    Decoded { text, encoding: encoding_rs::UTF_8, guessed: false, repaired, checkpoints }
}

/// UTF-16 without a byte order mark: text in Latin script has a zero byte in every other
/// position (odd positions little-endian, even ones big-endian), and the other parity almost
/// none. The decoded text must also be free of replacement characters and most controls.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let enc = if zeros_odd * 5 >= pairs && zeros_even * 50 <= pairs {
        encoding_rs::UTF_16LE
    } else if zeros_even * 5 >= pairs && zeros_odd * 50 <= pairs {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, malformed) = enc.decode_without_bom_handling(sample);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    // A sample cut mid-character leaves one replacement at its end at most.
    let replaced = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
    (!malformed || replaced <= 1).then_some(())?;
    (controls * 100 <= pairs && replaced <= 1).then_some(enc)
}

/// The charset an HTML page declares in its first kilobytes, if any.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + 8..].trim_start_matches(['"', '\'', ' ']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    Some(rest[..end].to_string()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests;
