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

/// The mention that overlaps `span`, if any: mentions after the merge are in text order and
/// do not overlap, so their ends are in order too and one binary search finds it (a scan of
/// every mention for every word would be quadratic on a long document).
fn holding(mentions: &[Mention], span: &std::ops::Range<usize>) -> Option<usize> {
    let k = mentions.partition_point(|m| m.span.end <= span.start);
    (k < mentions.len() && mentions[k].span.start < span.end).then_some(k)
}

/// A role right after "NAME, " takes in the capitalised words between the comma and it (and a
/// role among them: "Chief Operating Officer"), when no other mention holds them; a "person"
/// right after "NAME, " that ends in a role's head noun is that title.
pub(super) fn capitalised_titles_after_names(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    // In text order for `holding`, whatever the repairs before left.
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let text = words.text;
    let after_person = |at: usize, mentions: &[Mention]| {
        words.before(at).filter(|w| words.form(w) == ",").is_some_and(|comma| {
            let before = comma.span.start.saturating_sub(1)..comma.span.start;
            holding(mentions, &before).is_some_and(|m| {
                mentions[m].kind == Kind::Per && mentions[m].span.end == comma.span.start
            })
        })
    };
    let title_word = |f: &str| {
        f.chars().next().is_some_and(char::is_uppercase)
            && f.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_TITLE.contains(&f.to_lowercase().as_str())
    };
    // Walks back from mention `k` over at most `MOST` capitalised title words: where its title
    // would start, and the roles it would take in on the way (only when `roles`; any other
    // mention stops it).
    let walk = |k: usize, roles: bool, mentions: &[Mention]| {
        let mut start = mentions[k].span.start;
        let mut taken = Vec::new();
        for _ in 0..MOST {
            let Some(w) = words.before(start) else { break };
            if !title_word(words.form(w)) {
                break;
            }
            match holding(mentions, &w.span) {
                None => start = w.span.start,
                // "Chief Operating Officer": a role among the title's words is part of it.
                Some(h) if roles && h != k && mentions[h].kind == Kind::Role => {
                    start = mentions[h].span.start;
                    taken.push(h);
                }
                Some(_) => break,
            }
        }
        (start, taken)
    };
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.kind != Kind::Per {
            continue;
        }
        let name = &text[m.span.clone()];
        let last = name.rsplit(' ').next().unwrap_or(name);
        let capitalised = name.split(' ').all(|w| w.starts_with(char::is_uppercase));
        let (start, _) = walk(k, false, mentions);
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
        let (start, taken) = walk(k, true, mentions);
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
