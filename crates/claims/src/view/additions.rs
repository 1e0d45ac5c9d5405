//! Mentions the view adds where the reader left words out: a bare year after "in" that no
//! time expression holds, and a military rank written in lower case before a name.

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
