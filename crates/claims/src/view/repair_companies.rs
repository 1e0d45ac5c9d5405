//! Companies the tagger mistakes: "Norvania Timber Enterprise" read as a person (whose
//! leading country the view would then cut off as a nationality), and "Varsk Amber Co and
//! Brenning Jade" read as one body.

use super::{Kind, Mention, Words, is_body_word};

/// Words that end a company's name besides the heads of other bodies (`is_body_word`).
const COMPANY_ENDS: &[&str] = &[
    "co",
    "co.",
    "corp",
    "corp.",
    "enterprise",
    "enterprises",
    "ltd",
    "ltd.",
    "limited",
    "inc",
    "inc.",
    "llc",
    "plc",
    "gmbh",
    "holdings",
    "industries",
    "trading",
];

/// Whether a word ends the name of a company or other body.
fn ends_a_body(word: &str) -> bool {
    COMPANY_ENDS.iter().any(|e| e.eq_ignore_ascii_case(word)) || is_body_word(word)
}

/// A "person" of two or more words whose last word ends a body's name is that body: no
/// person's name ends in "Enterprise" or "Co". Runs before the nationality at the start of
/// a person is cut off, so that "Norvania Timber Enterprise" keeps its country.
pub(in crate::view) fn companies_read_as_people(text: &str, raw: &mut [Mention]) {
    for m in raw.iter_mut().filter(|m| m.kind == Kind::Per) {
        let name = &text[m.span.clone()];
        let mut words = name.split_whitespace();
        let last = words.next_back();
        if words.next().is_some() && last.is_some_and(ends_a_body) {
            m.kind = Kind::Org;
        }
    }
}

/// "Varsk Amber Co and Brenning Jade", one body to the tagger, is two when the words before
/// "and" end a company's name and a capitalised word follows it; a parenthesis of two
/// capitalised words or more right after the second ("Brenning Jade (Gems and Pearls)") is
/// part of its name.
pub(super) fn companies_listed_as_one(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let text = words.text;
    let mut splits: Vec<(usize, usize, usize)> = Vec::new(); // (mention, "and" at, new end)
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| m.kind == Kind::Org) {
        let name = &text[m.span.clone()];
        let Some(at) = name.find(" and ") else {
            continue;
        };
        let (left, right) = (&name[..at], &name[at + " and ".len()..]);
        let left_ends = left.split_whitespace().next_back().is_some_and(ends_a_body);
        if !left_ends
            || left.split_whitespace().count() < 2
            || right.contains(" and ")
            || !right.starts_with(char::is_uppercase)
        {
            continue;
        }
        let mut end = m.span.end;
        let after = &text[end..];
        if let Some((inner, _)) = after.strip_prefix(" (").and_then(|r| r.split_once(')')) {
            let ws: Vec<&str> = inner.split_whitespace().collect();
            let capitalised = ws.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
            let joiners = ws.iter().all(|w| w.starts_with(char::is_uppercase) || *w == "and");
            let new_end = end + " (".len() + inner.len() + ")".len();
            if capitalised >= 2 && joiners && inner.len() < 60 {
                end = new_end;
            }
        }
        splits.push((i, at, end));
    }
    if splits.is_empty() {
        return;
    }
    // The words of a parenthesis taken into a name are no mentions of their own ("Pearls"
    // read as a place).
    let taken: Vec<std::ops::Range<usize>> =
        splits.iter().map(|&(i, _, end)| mentions[i].span.end..end).collect();
    for &(i, at, end) in &splits {
        let m = &mut mentions[i];
        let second = Mention { span: m.span.start + at + " and ".len()..end, ..m.clone() };
        m.span.end = m.span.start + at;
        mentions.push(second);
    }
    mentions.retain(|m| !taken.iter().any(|t| t.start < m.span.start && m.span.end <= t.end));
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}
