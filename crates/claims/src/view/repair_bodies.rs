//! A body named after a place: the tagger often reads "the Varsk Border Legion" as the place
//! "Varsk" and leaves the rest untagged, so the claim's body is cut to the place.

use super::{Kind, Mention, Words};

/// "the Varsk Border Legion", "the Norvania Coast Guard": a place followed, in the same
/// sentence, by one to three capitalised words that are no mention and whose last is the
/// head noun of a body is that body's name. A state or city alone stays a place when no such
/// words follow.
pub(super) fn bodies_named_after_places(words: &Words<'_>, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        if mentions[i].kind != Kind::Loc {
            continue;
        }
        let end = mentions[i].span.end;
        let limit = mentions.get(i + 1).map_or(words.text.len(), |n| n.span.start);
        let following = words.inside(&(end..limit));
        let mut new_end = None;
        for (k, w) in following.iter().take(3).enumerate() {
            let form = words.form(w);
            // One space between the words: no punctuation, no line break.
            let gap =
                &words.text[if k == 0 { end } else { following[k - 1].span.end }..w.span.start];
            if gap != " " || !form.starts_with(char::is_uppercase) || form.len() < 2 {
                break;
            }
            if !form.chars().all(|c| c.is_alphabetic() || c == '-') {
                break;
            }
            if crate::frames::is_body_noun(&form.to_lowercase()) {
                new_end = Some(w.span.end);
            }
        }
        if let Some(new_end) = new_end {
            let m = &mut mentions[i];
            m.span.end = new_end;
            m.kind = Kind::Org;
            m.value = None;
        }
    }
}

/// Last words of a body that are also family names: a person's name may end in them.
const SURNAME_BODY_WORDS: &[&str] =
    &["wing", "branch", "camp", "body", "cell", "front", "mission", "union", "bank", "court"];

/// "Norvanian Qirat Force commander X": a name of two or more capitalised words tagged as a
/// person whose last word is the head noun of a body ("Force", "Guard", "Ministry") names
/// that body.
pub(super) fn people_named_as_bodies(words: &Words<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        let inside = words.inside(&m.span);
        let Some(last) = inside.last().filter(|_| inside.len() >= 2) else { continue };
        let form = words.form(last);
        let lower = form.to_lowercase();
        if form.starts_with(char::is_uppercase)
            && crate::frames::is_body_noun(&lower)
            && !SURNAME_BODY_WORDS.contains(&lower.as_str())
        {
            m.kind = Kind::Org;
            m.value = None;
        }
    }
}
