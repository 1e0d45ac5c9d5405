//! Titles written in capitals after a name: "X, Deputy Americas Programme Director at Y",
//! "X, Under Secretary of the Treasury". The role lexicon finds the head noun ("Director",
//! "Secretary") and the lowercase modifiers it knows; in a capitalised title the words before
//! the head are the title's too, whatever they are ("Americas Programme", "Under").

use super::{Kind, Mention, Words};

/// Capitalised words that open a phrase before a title but are not part of it: "former" and
/// "then" say when the post was held (the frames read them before the role), the others are
/// determiners.
const NOT_TITLE: &[&str] =
    &["former", "then", "late", "the", "a", "an", "his", "her", "their", "its", "our", "ex"];

/// The most capitalised words taken into a title before its head.
const MOST: usize = 4;

/// A role right after "NAME, " takes in the capitalised words between the comma and it, when
/// no other mention holds them.
pub(super) fn capitalised_titles_after_names(words: &Words<'_>, mentions: &mut [Mention]) {
    let held = |at: &std::ops::Range<usize>, mentions: &[Mention]| {
        mentions.iter().any(|m| m.span.start < at.end && at.start < m.span.end)
    };
    for k in 0..mentions.len() {
        if mentions[k].kind != Kind::Role {
            continue;
        }
        let mut start = mentions[k].span.start;
        let mut taken = 0;
        let comma = loop {
            let Some(w) = words.before(start) else { break None };
            let f = words.form(w);
            if f == "," {
                break Some(w);
            }
            let capital = f.chars().next().is_some_and(char::is_uppercase)
                && f.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_TITLE.contains(&f.to_lowercase().as_str());
            if !capital || taken == MOST || held(&w.span, mentions) {
                break None;
            }
            start = w.span.start;
            taken += 1;
        };
        let Some(comma) = comma else { continue };
        let after_person =
            mentions.iter().any(|m| m.kind == Kind::Per && m.span.end == comma.span.start);
        if taken > 0 && after_person {
            mentions[k].span.start = start;
        }
    }
}
