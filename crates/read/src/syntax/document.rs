//! Document-level evidence for the part-of-speech tagger: how the other sentences of the same
//! document write each word.
//!
//! A capitalised word that the same writer also writes in lowercase is an ordinary word put in
//! capitals (a headline, the start of a sentence); one written with its capital inside
//! ordinary sentences is a name, even where it stands in a headline or in capitals. Those are
//! the cases one sentence alone cannot settle (a third of the tagger's errors on EWT dev are
//! PROPN/NOUN confusions), and they are found once for the whole document.

use crate::perceptron::FxMap;

/// How one occurrence of a word is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writing {
    /// In lowercase.
    Lower,
    /// With its capital inside an ordinary sentence (not its first word, not in a line of
    /// capitals or of capitalised words).
    TitleInside,
    /// Any other way: first word, a headline, capitals.
    Other,
}

/// Counts of each [`Writing`] of each word (lowercased) over a document's sentences.
#[derive(Clone, Debug, Default)]
pub struct Document {
    seen: FxMap<String, [u32; 3]>,
    /// The tagger's first pass's tags of each word (lowercased) over the document.
    tags: FxMap<String, [u32; super::Upos::ALL.len()]>,
}

/// How a sentence uses capitals: web text is often all lowercase or in capitals, and a
/// headline capitalises most of its words; how the sentence uses them says how much a
/// capital tells.
pub(super) fn profile(words: &[&str]) -> &'static str {
    let alpha = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let titled =
        words[1.min(words.len())..].iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    let capitals = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    if alpha >= 3 && capitals * 2 > alpha {
        "caps"
    } else if titled == 0 {
        "lower"
    } else if alpha >= 3 && titled * 2 > alpha {
        "title"
    } else {
        "mixed"
    }
}

/// How each word of a sentence is written (`None` for a word without letters).
fn writings<'a>(
    words: &'a [&str],
    lower: &'a [String],
) -> impl Iterator<Item = (&'a str, Option<Writing>)> + 'a {
    let ordinary = profile(words) == "mixed";
    words.iter().zip(lower).enumerate().map(move |(i, (w, l))| {
        let writing = if !w.chars().any(char::is_alphabetic) {
            None
        } else if !w.chars().any(char::is_uppercase) {
            Some(Writing::Lower)
        } else if ordinary
            && i > 0
            && w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
        {
            Some(Writing::TitleInside)
        } else {
            Some(Writing::Other)
        };
        (l.as_str(), writing)
    })
}

/// Names of the evidence a word has from the rest of its document: whether it is written
/// elsewhere in lowercase, with its capital inside an ordinary sentence, some other way (one
/// letter each, `-` for none); `.` for a word without letters.
const EVIDENCE: [&str; 8] = ["---", "l--", "-t-", "lt-", "--o", "l-o", "-to", "lto"];
const NO_LETTERS: &str = ".";

impl Document {
    /// An empty document.
    pub fn new() -> Document {
        Document::default()
    }

    /// The document made of these sentences.
    pub fn of<'a>(sentences: impl IntoIterator<Item = &'a [&'a str]>) -> Document {
        let mut doc = Document::new();
        for words in sentences {
            doc.add(words);
        }
        doc
    }

    /// Adds a sentence's words.
    pub fn add(&mut self, words: &[&str]) {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        for (l, writing) in writings(words, &lower) {
            if let Some(writing) = writing {
                let counts = match self.seen.get_mut(l) {
                    Some(counts) => counts,
                    None => self.seen.entry(l.to_string()).or_default(),
                };
                counts[writing as usize] = counts[writing as usize].saturating_add(1);
            }
        }
    }

    /// Adds the first pass's tags of a sentence's words.
    pub(super) fn add_tags(&mut self, lower: &[String], tags: &[usize]) {
        for (l, &t) in lower.iter().zip(tags) {
            let counts = match self.tags.get_mut(l.as_str()) {
                Some(counts) => counts,
                None => self.tags.entry(l.clone()).or_default(),
            };
            counts[t] = counts[t].saturating_add(1);
        }
    }

    /// For each word, the tag the first pass gave it most often elsewhere in the document
    /// (its own occurrence, `own`, left out); `-` where it has no other occurrence.
    pub(super) fn agreement(&self, lower: &[&str], own: &[usize]) -> Vec<&'static str> {
        lower
            .iter()
            .zip(own)
            .map(|(l, &t)| {
                let Some(counts) = self.tags.get(*l) else { return "-" };
                let mut counts = *counts;
                counts[t] = counts[t].saturating_sub(1);
                let mut best = 0;
                for (k, &n) in counts.iter().enumerate() {
                    if n > counts[best] {
                        best = k;
                    }
                }
                if counts[best] == 0 { "-" } else { super::Upos::ALL[best].as_str() }
            })
            .collect()
    }

    /// For each word of a sentence of this document, the name of the evidence the rest of the
    /// document gives (the word's own occurrence left out; the sentence must have been added).
    pub(super) fn evidence(&self, words: &[&str], lower: &[String]) -> Vec<&'static str> {
        writings(words, lower)
            .map(|(l, writing)| {
                let Some(writing) = writing else { return NO_LETTERS };
                let mut counts = self.seen.get(l).copied().unwrap_or_default();
                // The sentence may not have been added (a sentence tagged alone).
                counts[writing as usize] = counts[writing as usize].saturating_sub(1);
                let bits = counts.iter().enumerate().map(|(k, &n)| usize::from(n > 0) << k).sum::<usize>();
                EVIDENCE[bits]
            })
            .collect()
    }
}
