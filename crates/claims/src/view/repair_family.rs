//! Given names listed after a family's name: "the Wielgosz brothers, Tomasz and Piet" names
//! Tomasz Wielgosz and Piet Wielgosz. The tagger sees lone unfamiliar words there (one may be
//! a place, the family's name a body), and the claims would name "Tomasz" and a place "Piet".

use super::super::SpanSet;
use super::{Kind, Mention, Words};

/// The plural kin nouns that gather a family's members under its name.
const FAMILY_NOUNS: &[&str] = &["brothers", "sisters", "siblings", "twins", "cousins"];

/// Whether a word is one of [`FAMILY_NOUNS`], in any case, without allocating: every word of
/// every document is asked.
fn is_family_noun(word: &str) -> bool {
    FAMILY_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// "the W brothers, A and B" or "the W sisters A, B and C": each listed word becomes a
/// person whose name is that word and the family's (the mention's value; its span stays the
/// word as written), and the family's name is no mention of its own, there or before another
/// of the same kin nouns elsewhere in the document. Only single
/// capitalised words are listed names, two to four of them, joined by commas and one "and".
pub(super) fn family_members(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let text = words.text;
    let ws = words.words;
    // Surnames of the document's full names: "the X brothers, Holl and Lorn may hold" lists
    // the brothers and two people named before, not the brothers' given names.
    let surnames: std::collections::HashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Per)
        .filter_map(|m| {
            let name = &text[m.span.clone()];
            name.rsplit_once(' ').map(|(_, last)| last)
        })
        .collect();
    let mut added: Vec<Mention> = Vec::new();
    let mut dropped: Vec<std::ops::Range<usize>> = Vec::new();
    for k in 1..ws.len().saturating_sub(2) {
        if !is_family_noun(words.form(&ws[k])) {
            continue;
        }
        let family = &ws[k - 1];
        let family_name = words.form(family);
        if family.sentence != ws[k].sentence || !capitalised_name(family_name) {
            continue;
        }
        let before = ws[..k - 1].last().map(|w| words.form(w).to_lowercase());
        if before.as_deref() != Some("the") {
            continue;
        }
        let Some(listed) = listed_names(words, k + 1) else {
            continue;
        };
        if listed.iter().any(|w| surnames.contains(words.form(w))) {
            continue;
        }
        dropped.push(family.span.clone());
        for w in listed {
            let given = &text[w.span.clone()];
            added.push(Mention {
                kind: Kind::Per,
                span: w.span.clone(),
                value: Some(format!("{given} {family_name}")),
                parts: vec![],
                sentence: w.sentence,
                hidden: false,
            });
        }
    }
    if added.is_empty() {
        return;
    }
    // Elsewhere, "W brothers" alone ("sanctions on W brothers", a headline) names the same
    // members, not a person W: the name goes rather than stand for one of them.
    let families: std::collections::HashSet<&str> =
        dropped.iter().map(|s| &text[s.clone()]).collect();
    for k in 1..ws.len() {
        if is_family_noun(words.form(&ws[k])) && families.contains(words.form(&ws[k - 1])) {
            dropped.push(ws[k - 1].span.clone());
        }
    }
    let gone = SpanSet::new(dropped.into_iter().chain(added.iter().map(|a| a.span.clone())));
    mentions.retain(|m| !gone.overlaps(&m.span));
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// The single capitalised words listed from word `at` on ("A and B", ", A, B and C"), in
/// one sentence: two to four of them, else none.
fn listed_names<'w>(words: &Words<'w>, at: usize) -> Option<Vec<&'w model::Word>> {
    let ws = words.words;
    let sentence = ws.get(at)?.sentence;
    let mut i = at;
    if words.form(ws.get(i)?) == "," {
        i += 1;
    }
    let mut names = Vec::new();
    loop {
        let w = ws.get(i).filter(|w| w.sentence == sentence)?;
        if !capitalised_name(words.form(w)) {
            return None;
        }
        names.push(w);
        let sep = ws.get(i + 1).filter(|w| w.sentence == sentence).map(|w| words.form(w));
        match sep {
            Some(",") if names.len() < 4 => i += 2,
            Some("and") if names.len() < 4 => {
                let last = ws.get(i + 2).filter(|w| w.sentence == sentence)?;
                if !capitalised_name(words.form(last)) {
                    return None;
                }
                names.push(last);
                // A name that runs on ("and Piet Oranje") is a full name, not a given one.
                let after = ws.get(i + 3).filter(|w| w.sentence == sentence).map(|w| words.form(w));
                if after.is_some_and(capitalised_name) {
                    return None;
                }
                return Some(names);
            }
            _ => return None,
        }
    }
}

/// A word of one capital and then lowercase letters (hyphens allowed): "Tomasz", "Jean-Piet".
fn capitalised_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() || c == '-')
}

/// First words of places named after people ("Lake Tomasz", "Fort Wielgosz"): such a name
/// ends in a family name and is still a place.
const PLACE_FIRST_WORDS: &[&str] = &[
    "lake", "mount", "port", "fort", "river", "saint", "st", "san", "santa", "cape", "camp", "new",
    "north", "south", "east", "west", "upper", "lower", "greater", "little",
];

/// "froze the assets of Arkady Wielgosz and banned his wife, Nina Wielgosz": the tagger may
/// read an unfamiliar full name as a place or a body. A name of two or three name-like words
/// (no body's head word, no place the gazetteer knows) that ends in the family name of a
/// person the document names with another given name is that person's relative: a person.
pub(super) fn relatives_read_as_places(words: &Words<'_>, mentions: &mut [Mention]) {
    let text = words.text;
    let people: Vec<(&str, &str)> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Per)
        .filter_map(|m| text[m.span.clone()].rsplit_once(' '))
        .collect();
    if people.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if !matches!(m.kind, Kind::Loc | Kind::Org | Kind::Misc) || !words.person_like(&m.span) {
            continue;
        }
        let inside = words.inside(&m.span);
        if inside.len() > 3
            || inside.iter().any(|w| super::super::is_body_word(words.form(w)))
            || PLACE_FIRST_WORDS.contains(&words.form(&inside[0]).to_lowercase().as_str())
        {
            continue;
        }
        let name = &text[m.span.clone()];
        if crate::cities::state_of(name).is_some() || crate::cities::is_state(name) {
            continue;
        }
        let Some((given, family)) = name.rsplit_once(' ') else { continue };
        if people.iter().any(|&(g, f)| f == family && g != given) {
            m.kind = Kind::Per;
            m.value = None;
        }
    }
}
