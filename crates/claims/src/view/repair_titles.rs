//! Titles and names: a rank or title read inside another name ("Admiral X Y" as a body), a
//! bare title, a place glued before a person after a title; and titles written in capitals
//! after a name: "X, Deputy Coastal Programme Director at Y",
//! "X, Under Secretary of the Treasury", "X, Senior Legal Adviser at Y". The role lexicon finds
//! the head noun ("Director", "Adviser") and the lowercase modifiers it knows; in a capitalised
//! title the words before the head are the title's too, whatever they are, and the entity
//! tagger, seeing capitalised words it does not know after a name and a comma, often reads
//! the whole title as another person.

use super::*;

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

/// A rank or title inside an organisation, place or other name ("Admiral X Y Z", "Staff
/// Sergeant X Y", "Senator X") makes what follows it a person; a person's name loses a title
/// the tagger took in ("Sayyid X Y", "Ombudsman X Y").
pub(super) fn person_after_title(words: &Words<'_>, raw: &mut [Mention]) {
    let ranks: Vec<Range<usize>> =
        raw.iter().filter(|m| m.kind == Kind::Rank).map(|m| m.span.clone()).collect();
    let person_starts: HashSet<usize> =
        raw.iter().filter(|m| m.kind == Kind::Per).map(|m| m.span.start).collect();
    // Where a name that goes on after a mention would start: past one space and a quoted
    // nickname, if any.
    let after = |m: &Mention| {
        let rest = &words.text[m.span.end..];
        let Some(next) = rest.strip_prefix(' ') else { return usize::MAX };
        m.span.end + 1 + quoted_nickname(next).unwrap_or(0)
    };
    for m in raw.iter_mut().filter(|m| is_entity(m.kind)) {
        let ws = words.inside(&m.span);
        // The last title word whose tail is a name.
        let cut = ws.iter().enumerate().rev().find_map(|(i, w)| {
            let tail = &ws[i + 1..];
            // "Lawyer X said": a post that serves a person, capitalised at a sentence's start.
            let form = words.form(w);
            let serving = form.starts_with(char::is_uppercase)
                && crate::frames::is_personal_post(&form.to_lowercase());
            let title = read::lexicon::is_leading_title(form)
                || serving
                || ranks.iter().any(|r| r.start <= w.span.start && w.span.end == r.end);
            let starts_name = tail.first().is_some_and(|t| {
                t.span.start > m.span.start && words.form(t).starts_with(char::is_uppercase)
            });
            // One word after a title is a person only where the tagger said so already, or
            // where a person's name goes on right after it ("Senator X “Y” Z" read as a body
            // "Senator X" and a person "Z"): "General Z" may be a place.
            let long_enough = tail.len() >= 2
                || (!tail.is_empty() && (m.kind == Kind::Per || person_starts.contains(&after(m))));
            let name = long_enough && tail.iter().all(|t| words.name_like(t));
            // Only capitalised words before the title ("Staff Sergeant", "State Counsellor"):
            // "the Office of the Commander X" stays as it is.
            let before_capital =
                ws[..i].iter().all(|b| words.form(b).starts_with(char::is_uppercase));
            (title && starts_name && name && before_capital).then(|| tail[0].span.start)
        });
        if let Some(start) = cut {
            m.span.start = start;
            m.kind = Kind::Per;
        }
    }
}

/// A title alone that the tagger read as a name ("Ombudsman" before "X Y", tagged apart from
/// the person) is a plain word again, so that the frames read it as the person's post.
pub(super) fn bare_titles(words: &Words<'_>, raw: &mut Vec<Mention>) {
    let person_starts: HashSet<usize> =
        raw.iter().filter(|m| m.kind == Kind::Per).map(|m| m.span.start).collect();
    raw.retain(|m| {
        let ws = words.inside(&m.span);
        let bare = matches!(m.kind, Kind::Org | Kind::Loc | Kind::Misc)
            && !ws.is_empty()
            && ws.iter().all(|w| read::lexicon::is_leading_title(words.form(w)));
        !(bare
            && words.text[m.span.end..].starts_with(' ')
            && person_starts.contains(&(m.span.end + 1)))
    });
}

/// After "governor of" or another role and "of", a person's name that starts with a compass
/// word ("North Z X Y") holds the place first: the compass word and the word after it are the
/// place, and the rest (two words or more) the person.
pub(super) fn place_before_person(words: &Words<'_>, raw: &mut Vec<Mention>) {
    let role_ends: HashSet<usize> =
        raw.iter().filter(|m| m.kind == Kind::Role).map(|m| m.span.end).collect();
    let mut places = Vec::new();
    for m in raw.iter_mut().filter(|m| m.kind == Kind::Per) {
        let ws = words.inside(&m.span);
        if ws.len() < 4 || !COMPASS.contains(&words.form(&ws[0]).to_lowercase().as_str()) {
            continue;
        }
        let after_role_of = words.before(m.span.start).is_some_and(|of| {
            words.form(of).eq_ignore_ascii_case("of")
                && words.before(of.span.start).is_some_and(|r| role_ends.contains(&r.span.end))
        });
        if after_role_of {
            places.push(Mention {
                kind: Kind::Loc,
                span: ws[0].span.start..ws[1].span.end,
                ..m.clone()
            });
            m.span.start = ws[2].span.start;
        }
    }
    raw.extend(places);
}
