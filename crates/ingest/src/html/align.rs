//! Finds extracted blocks again in the original markup, so that every paragraph of an HTML
//! page gets its byte range (html5ever keeps no source positions).

use crate::Result;
use crate::cancel::Cancel;

/// Finds extracted blocks again in the original markup, in order.
///
/// It indexes the page's visible characters (outside tags, comments, scripts and styles,
/// entities decoded), keeping only letters and digits, lowercased, each with the byte offset
/// it came from; a block is located by the same reduction of its own text.
pub(super) struct Aligner<'a> {
    source: &'a str,
    hay: String,
    /// For each byte of `hay`, the source byte offset of the character it came from.
    origin: Vec<usize>,
    /// For each byte of `hay`, the source byte offset just after that character.
    origin_end: Vec<usize>,
    cursor: usize,
    /// Bytes that failed searches may still scan; past it, blocks go without a source range
    /// rather than each failed block scanning the rest of the page (quadratic).
    miss_budget: usize,
}

impl<'a> Aligner<'a> {
    /// Indexes `html`. Every search for a closing mark that fails is remembered, so that a
    /// page of unclosed `<!--` or `<a` costs one scan, not one per opening.
    pub(super) fn new(html: &'a str, cancel: &Cancel) -> Result<Aligner<'a>> {
        let mut a = Aligner {
            source: html,
            hay: String::new(),
            origin: Vec::new(),
            origin_end: Vec::new(),
            cursor: 0,
            miss_budget: 8 * html.len() + (1 << 20),
        };
        let bytes = html.as_bytes();
        let lower = html.to_ascii_lowercase();
        let mut absent: [bool; 4] = [false; 4];
        let mut find = |which: usize, from: usize, needle: &str| -> Option<usize> {
            if absent[which] {
                return None;
            }
            let found = lower[from..].find(needle).map(|e| from + e);
            absent[which] = found.is_none();
            found
        };
        let mut i = 0;
        let mut steps = 0u32;
        while i < html.len() {
            steps = steps.wrapping_add(1);
            if steps.is_multiple_of(1 << 16) {
                cancel.check()?;
            }
            if bytes[i] == b'<' {
                let rest = &lower[i..];
                let skip_to = if rest.starts_with("<!--") {
                    find(0, i, "-->").map(|e| e + 3)
                } else if rest.starts_with("<script") || rest.starts_with("<style") {
                    let (which, close) =
                        if rest.starts_with("<script") { (1, "</script") } else { (2, "</style") };
                    find(which, i, close).and_then(|e| find(3, e, ">")).map(|g| g + 1)
                } else if rest.len() > 1
                    && (rest.as_bytes()[1].is_ascii_alphabetic()
                        || matches!(rest.as_bytes()[1], b'/' | b'!' | b'?'))
                {
                    find(3, i, ">").map(|e| e + 1)
                } else {
                    None
                };
                if let Some(next) = skip_to {
                    i = next;
                    continue;
                }
            }
            // An entity is short: look for its `;` in the next few bytes only.
            if bytes[i] == b'&'
                && let Some(len) = bytes[i..].iter().take(12).position(|&b| b == b';')
                && len >= 2
            {
                let entity = &html[i..=i + len];
                let decoded = html_escape::decode_html_entities(entity);
                if decoded != entity {
                    for c in decoded.chars() {
                        a.push(c, i, i + len + 1);
                    }
                    i += len + 1;
                    continue;
                }
            }
            let c = html[i..].chars().next().expect("in bounds");
            a.push(c, i, i + c.len_utf8());
            i += c.len_utf8();
        }
        Ok(a)
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        if !c.is_alphanumeric() {
            return;
        }
        for l in c.to_lowercase() {
            self.hay.push(l);
            for _ in 0..l.len_utf8() {
                self.origin.push(start);
                self.origin_end.push(end);
            }
        }
    }

    pub(super) fn locate(&mut self, text: &str) -> Option<std::ops::Range<usize>> {
        let key: String =
            text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        if key.is_empty() {
            return None;
        }
        let head: String = key.chars().take(48).collect();
        let tail_start = key.char_indices().rev().nth(47).map_or(0, |(i, _)| i);
        let tail = &key[tail_start..];
        if self.miss_budget == 0 {
            return None;
        }
        let Some(found) = self.hay[self.cursor..].find(&head) else {
            self.miss_budget = self.miss_budget.saturating_sub(self.hay.len() - self.cursor);
            return None;
        };
        let start = self.cursor + found;
        let from = start + key.len().saturating_sub(tail.len()).min(self.hay.len() - start);
        let from = (from..=self.hay.len()).find(|&i| self.hay.is_char_boundary(i))?;
        let Some(found) = self.hay[from..].find(tail) else {
            self.miss_budget = self.miss_budget.saturating_sub(self.hay.len() - from);
            return None;
        };
        let end = from + found + tail.len();
        self.cursor = end;
        // Extend over closing punctuation up to the next tag, so that the range ends where
        // the paragraph's text ends.
        let rest = &self.source[self.origin_end[end - 1]..];
        let stop = rest.find(|c: char| c == '<' || c.is_alphanumeric()).unwrap_or(rest.len());
        let tail = rest[..stop].trim_end();
        let tail = if tail.contains('&') { "" } else { tail };
        Some(self.origin[start]..self.origin_end[end - 1] + tail.len())
    }
}
