//! Matching a name (and what else is known of its bearer) against list entries.
//!
//! Names are read with `resolve`'s person-name keys: folded words (diacritics, Arabic and
//! Cyrillic script to Latin; titles and "al-"/"el-" particles dropped) and their sound
//! skeletons (ou/u, ee/i, kh/h, doubled letters merged). A listed name written surname first
//! ("QARMOUT, Nabil") is turned round before it is read. Each word of the query is aligned with
//! at most one word of the listed name, the best pairs first, and each pair says how it
//! aligned ([`How`]): the same word, a spelling variant (same skeleton), a close spelling
//! (skeletons one letter apart, or equal after their first letter: "Zakhtiar"/"Dakhtiar"),
//! or an initial. A close spelling is worth what the written words share (Levenshtein), since
//! skeletons one letter apart say little alone. The name score is mostly how well the query's
//! words are explained, a little how much of the listed name is covered; a query's word that
//! aligns with nothing costs less the more listed names bear it (an inverse document
//! frequency over the index). Birth date, nationality and role then add or take off, each a
//! line of the explanation, and a name made only of common words (a very common given name and family name) is unsure
//! without a birth date that agrees.
//!
//! Blocking: every listed name is filed under the (coarse) skeleton of each of its words, and
//! under that skeleton without its first letter, and with any one letter left out (a block of
//! those is kept only while it is short). A name can only score high enough when some
//! number of the query's words align (two for a person of two words or more), so a query
//! reads only the blocks of its rarest words, as many as that leaves room for, and those one
//! letter wide (a near-spelling of a rare word: "Varnkolm" for "Varnholm"); then any other word
//! whose blocks are small. A common word ("Trading", a very common given name) is read only
//! when the query has nothing rarer. Each word's shape and each adjacent pair's joined
//! skeleton are read once per name, not per comparison.

use std::collections::HashMap;

use resolve::names::fold;
use serde::Serialize;

use crate::{Entry, EntryKind, NameQuality, countries, dates};

mod align;
mod key;
pub mod model;
mod phonetic;
mod spelling;
mod word_pairs;
use align::{Scored, align};
use key::Key;
#[cfg(test)]
use key::respell;
use model::{F_COMMON, F_MARGIN, Features, MARGIN_SCALE, Model};

/// At and above this score a candidate is a match: tuned on the even half of the labelled set,
/// where 0.86 keeps precision at 0.98 (0.85 lets a close spelling with one word the same
/// through, and a listed first given name the query lacks; 0.88 left right matches with a
/// spelling variant on both words for review). 0.855 found 12 right matches more there and
/// no wrong one, but 9 wrong ones more among the people of the news (two spelling variants
/// of two words against a listed name of three or four, 0.855 to 0.86).
pub const MATCH: f32 = 0.86;
/// At and above this score (and below [`MATCH`]) a candidate is unsure: it goes to review.
pub const UNSURE: f32 = 0.75;
/// The most that birth date, nationality and role add to a name score.
const MOST_ADDED: f32 = 0.1;

/// What is known of the person or body to look for.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// The name as found ("Nabil Qarmout").
    pub name: String,
    /// Person or body, when known.
    pub kind: Option<EntryKind>,
    /// The birth date as an ISO partial date, when known.
    pub birth_date: Option<String>,
    /// A nationality or country, when known.
    pub nationality: Option<String>,
    /// A post or role, when known ("head of the National Security Bureau").
    pub role: Option<String>,
}

impl Query {
    /// A query by name only.
    pub fn name(name: &str) -> Query {
        Query { name: name.to_string(), ..Query::default() }
    }
}

/// How two name words aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum How {
    /// The same word once folded.
    Same,
    /// A spelling variant: the same sound skeleton ("Qarmout"/"QARMUT").
    Spelling,
    /// A transliteration variant: skeletons that differ only by consonants romanisations
    /// trade (q/g/k, j/g, d/t, s/z...), vowels in the same places ("Qorvan"/"Gorvan").
    Translit,
    /// A close spelling: skeletons one letter apart, or the same but for the first letter;
    /// worth what `align::close_weight` says.
    Close,
    /// An initial standing for the word.
    Initial,
    /// One part of a compound name standing for it: of a hyphenated one ("Sally" for
    /// "Sally-Anne", "Varsk" for "Varsk-Lornby"), as a person with a double given name or
    /// surname goes by one, or the first name of an Arabic compound with "ad-Din" written as
    /// one word ("Kortal" for "Kortaluddin").
    Part,
    /// A listed given name shortened as people are called by it ("Kasi" for "Kasimir").
    Short,
}

impl How {
    fn weight(self) -> f32 {
        match self {
            How::Same => 1.0,
            How::Spelling => 0.92,
            How::Translit | How::Part | How::Short => 0.86,
            How::Close => 0.65,
            How::Initial => 0.5,
        }
    }

    fn word(self) -> &'static str {
        match self {
            How::Same => "same",
            How::Spelling => "spelling variant",
            How::Translit => "transliteration variant",
            How::Close => "close spelling",
            How::Initial => "initial",
            How::Part => "one part of a compound name",
            How::Short => "a shortened given name",
        }
    }
}

/// One aligned pair of words.
#[derive(Clone, Debug, Serialize)]
pub struct Aligned {
    /// The query's word, folded.
    pub query: String,
    /// The listed name's word, folded.
    pub listed: String,
    /// How they aligned.
    pub how: How,
}

/// What a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Verdict {
    /// At or above [`MATCH`].
    Match,
    /// Between [`UNSURE`] and [`MATCH`]: for review.
    Unsure,
    /// Below [`UNSURE`]: a near miss at best.
    NoMatch,
}

/// One entry as a candidate for a query, with why it scored as it did.
#[derive(Clone, Debug, Serialize)]
pub struct Match {
    /// The entry's position in the index.
    pub entry: usize,
    /// Which of its names aligned best.
    pub name: usize,
    /// The final score, 0 to 1.
    pub score: f32,
    /// The score of the names alone.
    pub name_score: f32,
    /// The aligned words.
    pub aligned: Vec<Aligned>,
    /// The query's words that aligned with nothing.
    pub unaligned: Vec<String>,
    /// What else added or took off ("birth date 1948-12-10 agrees: +0.05").
    pub notes: Vec<String>,
    /// Match, unsure or no match.
    pub verdict: Verdict,
    /// What the learned score reads ([`model::FEATURES`]).
    #[serde(skip)]
    pub features: Features,
    /// The hand rule that keeps the learned score from lifting this candidate above its hand
    /// score, if one fired ([`Index::check`]).
    #[serde(skip)]
    pub held: Option<String>,
    /// The hand rule that lets the hand score stand when the learned score is lower, if one
    /// fired ([`Index::check`]).
    #[serde(skip)]
    pub kept: Option<&'static str>,
    /// Which of the query's words aligned, a bit each (the first 32).
    #[serde(skip)]
    pub(crate) query_met: u32,
    /// Whether every word of the listed name aligned.
    #[serde(skip)]
    pub(crate) listed_whole: bool,
}

impl Match {
    /// One line: the aligned words and how, then each note.
    pub fn explain(&self) -> String {
        let mut parts: Vec<String> = self
            .aligned
            .iter()
            .map(|a| {
                if a.query == a.listed {
                    format!("{} ({})", a.query, a.how.word())
                } else {
                    format!("{} ~ {} ({})", a.query, a.listed, a.how.word())
                }
            })
            .collect();
        for u in &self.unaligned {
            parts.push(format!("{u} (not on the list)"));
        }
        let mut line = format!("names {:.2}: {}", self.name_score, parts.join(", "));
        for n in &self.notes {
            line.push_str("; ");
            line.push_str(n);
        }
        line
    }
}

mod index;
pub use index::{Index, LEARNED_LEAST};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_blocking;
#[cfg(test)]
mod tests_common;
#[cfg(test)]
mod tests_words;

/// The listed name's middle given names, when the query met both ends of it: the list's first
/// given name on the query's first word, and its surname (its last word when the list does not
/// say) alike in spelling or transliteration. A paper writes "Piet Oranje" for "ORANJE, Piet
/// Kasimir Tomasz", so the middle names it leaves out say little. A very common first given name
/// counts too (session 19: with the news people's labels completed, the namesakes session 13
/// feared were listings of the same people; the margin and the common-name rule still hold a
/// name of common words alone for review). Not when the surname is only a close spelling
/// ("Oranjev" is another family), nor for a query that meets a middle name instead of the first
/// (a father's name).
fn middle_names(lk: &Key, scored: &Scored) -> std::ops::Range<usize> {
    let n = lk.words.len();
    let first_surname = if lk.surnames > 0 { n - lk.surnames } else { n.saturating_sub(1) };
    let alike =
        |h: How| matches!(h, How::Same | How::Spelling | How::Translit | How::Part | How::Short);
    let first = scored.chosen.iter().any(|&(i, j, h)| i == 0 && j == 0 && h != How::Initial);
    let surname =
        scored.chosen.iter().any(|&(_, j, h)| usize::from(j) >= first_surname && alike(h));
    if n >= 3 && first_surname >= 2 && first && surname { 1..first_surname } else { 0..0 }
}
