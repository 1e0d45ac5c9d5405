//! Mentions the view adds where the reader left words out: a bare year after "in" that no
//! time expression holds, a military rank written in lower case before a name, and the
//! descriptions news uses for a person named before ("the general", "the businessman", "the
//! 61-year-old").

use model::Word;

use super::{Kind, Mention, SpanSet};

/// "X was convicted in 2013 of genocide": a year after "in" that the time stage left out is
/// a date, unless a noun follows it ("in 2013 elections") or another mention holds it.
pub(super) fn bare_years(
    text: &str,
    tokens: &[Word],
    covered: &SpanSet,
    mentions: &mut Vec<Mention>,
) {
    for (k, t) in tokens.iter().enumerate() {
        let w = &text[t.span.clone()];
        let year = w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"));
        if !year || k == 0 || covered.overlaps(&t.span) {
            continue;
        }
        let after_in = text[tokens[k - 1].span.clone()].eq_ignore_ascii_case("in");
        let noun_next =
            tokens.get(k + 1).is_some_and(|n| matches!(n.upos.as_str(), "NOUN" | "PROPN" | "NUM"));
        if after_in && !noun_next {
            mentions.push(Mention {
                kind: Kind::Time,
                span: t.span.clone(),
                value: Some(w.to_string()),
                parts: vec![],
                sentence: 0,
                hidden: false,
            });
        }
    }
}

/// Military ranks written in lower case right before a person's name ("former navy captain
/// X", "retired general X", "captains X and Y"), which the rank layer reads only capitalised.
const LOWER_RANKS: &[&str] = &[
    "captain",
    "colonel",
    "general",
    "lieutenant",
    "sergeant",
    "admiral",
    "brigadier",
    "corporal",
];
/// Words that make "general" and the like part of a civil post ("attorney general").
const CIVIL_BEFORE_RANK: &[&str] = &[
    "attorney",
    "secretary",
    "consul",
    "director",
    "inspector",
    "solicitor",
    "governor",
    "surgeon",
    "procurator",
    "prosecutor",
    "auditor",
    "postmaster",
    "accountant",
    "adjutant",
    "comptroller",
    "registrar",
    "advocate",
    "commissioner",
];

/// Adds a RANK mention for a lowercase rank word right before a person's name; whether any.
pub(super) fn lowercase_ranks(text: &str, tokens: &[Word], mentions: &mut Vec<Mention>) -> bool {
    let mut added = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let w = &text[t.span.clone()];
        let singular = w.strip_suffix('s').unwrap_or(w);
        if !LOWER_RANKS.contains(&singular) {
            continue;
        }
        let at = mentions.partition_point(|m| m.span.start < t.span.end);
        let inside = mentions[..at].iter().rev().take(4).any(|m| m.span.end > t.span.start);
        let next_person = mentions
            .get(at)
            .is_some_and(|m| m.kind == Kind::Per && text[t.span.end..m.span.start] == *" ");
        let civil = k > 0
            && CIVIL_BEFORE_RANK
                .contains(&text[tokens[k - 1].span.clone()].to_lowercase().as_str());
        if next_person && !inside && !civil {
            added.push(Mention {
                kind: Kind::Rank,
                span: t.span.clone(),
                value: Some(singular.to_string()),
                parts: vec![],
                sentence: 0,
                hidden: false,
            });
        }
    }
    let any = !added.is_empty();
    mentions.extend(added);
    any
}

/// Words news puts before or after a person's name ("businessman X", "X, a cleric") and then
/// uses alone for that person ("the businessman was detained"). Besides the ranks.
pub(crate) const EPITHETS: &[&str] = &[
    "businessman",
    "businesswoman",
    "tycoon",
    "oligarch",
    "cleric",
    "lawmaker",
    "legislator",
    "activist",
    "journalist",
    "dissident",
    "blogger",
    "warlord",
    "financier",
    "politician",
];

/// Whether a lowercase word is a rank or an epithet that a description can stand on.
pub(crate) fn is_epithet(word: &str) -> bool {
    LOWER_RANKS.contains(&word) || EPITHETS.contains(&word)
}

/// The age of "61-year-old", if the word is one.
pub(crate) fn year_old(word: &str) -> Option<u32> {
    let n = word.strip_suffix("-year-old")?;
    (1..=3).contains(&n.len()).then(|| n.parse().ok()).flatten()
}

/// Adds a description for "the general", "the former businessman", "the 61-year-old (man)":
/// "the", up to one lowercase word, a rank, an epithet or an age, no noun after it (then the
/// word is a modifier: "the general public", "the 61-year-old law") and no name (then it is a
/// title: "the businessman X"). Who it stands for is settled where claims are built.
pub(super) fn epithet_descriptions(
    text: &str,
    tokens: &[Word],
    covered: &SpanSet,
    mentions: &mut Vec<Mention>,
) {
    let lower = |k: usize| text[tokens[k].span.clone()].to_lowercase();
    let mut k = 0;
    while k < tokens.len() {
        let first = k;
        k += 1;
        if !text[tokens[first].span.clone()].eq_ignore_ascii_case("the") {
            continue;
        }
        // "the 61-year-old": the tokenizer may write the age as one word or as three.
        let head_end = |at: usize| -> Option<(usize, bool)> {
            let w = lower(at);
            if tokens[at].upos == "NOUN" && is_epithet(&w) {
                return Some((at, false));
            }
            if year_old(&w).is_some() {
                return Some((at, true));
            }
            let joined = (at + 2 < tokens.len())
                .then(|| format!("{}{}{}", w, lower(at + 1), lower(at + 2)))
                .filter(|j| year_old(j).is_some());
            joined.map(|_| (at + 2, true))
        };
        let mut found = None;
        // The head is the word after "the" or the one after that.
        for at in first + 1..first + 3 {
            if at >= tokens.len() || tokens[at].sentence != tokens[first].sentence {
                break;
            }
            if let Some(h) = head_end(at) {
                found = Some(h);
                break;
            }
            let w = &text[tokens[at].span.clone()];
            if !w.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
        }
        let Some((end, age)) = found else { continue };
        let span = tokens[first].span.start..tokens[end].span.end;
        if covered.overlaps(&span) {
            continue;
        }
        let next = tokens.get(end + 1).filter(|n| n.sentence == tokens[end].sentence);
        let next_text = next.map_or("", |n| &text[n.span.clone()]);
        let next_word = next_text.to_lowercase();
        let noun_next = next.is_some_and(|n| matches!(n.upos.as_str(), "NOUN" | "PROPN"))
            || next_text.starts_with(char::is_uppercase);
        let person_noun = age && matches!(next_word.as_str(), "man" | "woman");
        if noun_next && !person_noun || next_word == "'s" || next_word == "’s" {
            continue;
        }
        let end = if person_noun { end + 1 } else { end };
        mentions.push(Mention {
            kind: Kind::Desc,
            span: tokens[first].span.start..tokens[end].span.end,
            value: Some("the".to_string()),
            parts: vec![],
            sentence: 0,
            hidden: false,
        });
        k = end + 1;
    }
}
