//! A bound on how deep markup may nest before html5ever builds its tree.
//!
//! html5ever checks scopes by walking its stack of open elements, once per tag: 100,000 nested
//! `<div>`s cost 10^10 steps (43 s). A linear pre-pass estimates the nesting with a stack of
//! tag names and blanks out (with spaces, so that byte offsets stay those of the original)
//! every start tag that would open past [`MAX_DEPTH`], and its end tag. The text inside stays;
//! it joins the element at the limit. Elements whose end tag HTML lets one omit (`p`, `li`,
//! `td`, ...) are not counted: the parser closes them itself, so they cannot nest without
//! limit, and pages that never close their paragraphs keep their structure.

use std::collections::HashMap;

use crate::Result;
use crate::cancel::Cancel;

/// Deepest nesting kept; real pages stay well under 100.
pub(crate) const MAX_DEPTH: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rtc", "rp", "colgroup", "caption",
];

const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// `html` with tags past `max` levels blanked, and how many start tags were blanked; `None`
/// when nothing nests that deep.
pub(crate) fn flatten(html: &str, max: usize, cancel: &Cancel) -> Result<Option<(String, usize)>> {
    let bytes = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut blank: Vec<std::ops::Range<usize>> = Vec::new();
    let mut blanked_starts = 0;
    let mut i = 0;
    let mut tags = 0u32;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        tags = tags.wrapping_add(1);
        if tags.is_multiple_of(1 << 16) {
            cancel.check()?;
        }
        let at = i + off;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            match find(bytes, at + 4, b"-->") {
                Some(end) => i = end + 3,
                None => break,
            }
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = at + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name_len = bytes[name_at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(bytes.len() - name_at);
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let Some(end) = tag_end(bytes, name_at + name_len) else { break };
        i = end;
        if closing {
            if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                blank.push(at..end);
            } else if let Some(pos) = stack.iter().rposition(|open| *open == name) {
                stack.truncate(pos);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Its content is text up to its end tag, whatever it looks like.
            let close = format!("</{name}");
            match find_ignore_case(bytes, end, close.as_bytes()) {
                Some(c) => i = c,
                None => break,
            }
            continue;
        }
        if VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if stack.len() >= max {
            blank.push(at..end);
            blanked_starts += 1;
            *dropped.entry(name).or_default() += 1;
        } else {
            stack.push(name);
        }
    }
    if blanked_starts == 0 {
        return Ok(None);
    }
    let mut out = bytes.to_vec();
    for range in blank {
        out[range].fill(b' ');
    }
    // Whole tags were replaced byte for byte by ASCII spaces: still UTF-8.
    let out = String::from_utf8(out).expect("whole tags replaced by spaces");
    Ok(Some((out, blanked_starts)))
}

/// The offset just past the `>` that ends a tag whose name ends at `from`; quoted attribute
/// values may hold `>`.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'>' => return Some(from + k + 1),
                b'"' | b'\'' if after_equals => quote = Some(b),
                b'=' => {
                    after_equals = true;
                    continue;
                }
                _ if b.is_ascii_whitespace() => continue,
                _ => {}
            },
        }
        after_equals = false;
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ignore_case(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay[from..].windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}
