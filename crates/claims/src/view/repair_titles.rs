//! Titles written in capitals after a name: "X, Deputy Coastal Programme Director at Y",
//! "X, Under Secretary of the Treasury", "X, Senior Legal Adviser at Y". The role lexicon finds
//! the head noun ("Director", "Adviser") and the lowercase modifiers it knows; in a capitalised
//! title the words before the head are the title's too, whatever they are, and the entity
//! tagger, seeing capitalised words it does not know after a name and a comma, often reads
//! the whole title as another person.

use super::{Kind, Mention, Words};

/// Capitalised words that open a phrase before a title but are not part of it: "former" and
/// "then" say when the post was held (the frames read them before the role), the others are
/// determiners.
const NOT_TITLE: &[&str] =
    &["former", "then", "late", "the", "a", "an", "his", "her", "their", "its", "our", "ex"];

/// The most capitalised words taken into a title before its head.
const MOST: usize = 4;

/// A role right after "NAME, " takes in the capitalised words between the comma and it (and a
/// role among them: "Chief Operating Officer"), when no other mention holds them; a "person"
/// right after "NAME, " that ends in a role's head noun is that title.
pub(super) fn capitalised_titles_after_names(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let text = words.text;
    let after_person = |at: usize, mentions: &[Mention]| {
        words.before(at).filter(|w| words.form(w) == ",").is_some_and(|comma| {
            mentions.iter().any(|m| m.kind == Kind::Per && m.span.end == comma.span.start)
        })
    };
    let title_word = |f: &str| {
        f.chars().next().is_some_and(char::is_uppercase)
            && f.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_TITLE.contains(&f.to_lowercase().as_str())
    };
    // The capitalised words before `at` that no mention holds, at most `MOST`: where a title
    // that ends at a role's head would start.
    let title_start = |at: usize, mentions: &[Mention]| {
        let mut start = at;
        for _ in 0..MOST {
            let Some(w) = words.before(start) else { break };
            let f = words.form(w);
            let capital = title_word(f);
            let held =
                mentions.iter().any(|m| m.span.start < w.span.end && w.span.start < m.span.end);
            if !capital || held {
                break;
            }
            start = w.span.start;
        }
        start
    };
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.kind != Kind::Per {
            continue;
        }
        let name = &text[m.span.clone()];
        let last = name.rsplit(' ').next().unwrap_or(name);
        let capitalised = name.split(' ').all(|w| w.starts_with(char::is_uppercase));
        let start = title_start(m.span.start, mentions);
        if let Some((head, _)) = read::lexicon::parse_role(last)
            && capitalised
            && name.split(' ').count() <= MOST + 1
            && after_person(start, mentions)
        {
            mentions[k].kind = Kind::Role;
            mentions[k].value = Some(head);
            mentions[k].span.start = start;
        }
    }
    let mut absorbed = vec![false; mentions.len()];
    for k in 0..mentions.len() {
        if mentions[k].kind != Kind::Role || absorbed[k] {
            continue;
        }
        let mut start = mentions[k].span.start;
        let mut taken = Vec::new();
        let mut words_taken = 0;
        while let Some(w) = words.before(start) {
            let f = words.form(w);
            let capital = title_word(f);
            if !capital || words_taken == MOST {
                break;
            }
            let holder = mentions
                .iter()
                .position(|m| m.span.start < w.span.end && w.span.start < m.span.end);
            match holder {
                None => start = w.span.start,
                // "Chief Operating Officer": a role among the title's words is part of it.
                Some(h) if h != k && mentions[h].kind == Kind::Role => {
                    start = mentions[h].span.start;
                    taken.push(h);
                }
                Some(_) => break,
            }
            words_taken += 1;
        }
        if start < mentions[k].span.start && after_person(start, mentions) {
            mentions[k].span.start = start;
            for h in taken {
                absorbed[h] = true;
            }
        }
    }
    let mut keep = absorbed.iter().map(|a| !a);
    mentions.retain(|_| keep.next().unwrap_or(true));
}
