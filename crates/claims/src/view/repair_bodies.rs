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

/// "the Varsk Scientific and Research and Testing Institute": the tagger cuts a body's name
/// at each "and" inside it, so that "Varsk Scientific" and "Research" stand as bodies of
/// their own, and a claim on them names no one the text names (resolution then reads such a
/// fragment, no body's head word in it, as a person). Organisations that follow each other
/// joined only by " and ", where the last holds a body's head noun and none before it does,
/// are one body, when the document never names a fragment alone: "Norvania and the Varsk
/// Institute" stays two (a place), and so does "Brenning Unity and Varsk Defence Movement" wherever the
/// first is named on its own elsewhere.
pub(super) fn bodies_cut_at_and(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let text = words.text;
    let has_head = |m: &Mention| {
        words
            .inside(&m.span)
            .iter()
            .any(|w| crate::frames::is_body_noun(&words.form(w).to_lowercase()))
    };
    // A fragment: capitalised words only, no head noun, never a mention alone elsewhere.
    let fragment = |i: usize, ms: &[Mention]| {
        let m = &ms[i];
        let name = &text[m.span.clone()];
        m.kind == Kind::Org
            && !has_head(m)
            && words.inside(&m.span).iter().all(|w| {
                let f = words.form(w);
                f.starts_with(char::is_uppercase)
                    && f.chars().all(char::is_alphabetic)
                    && f.chars().any(char::is_lowercase)
            })
            && !ms.iter().enumerate().any(|(j, o)| j != i && text[o.span.clone()] == *name)
    };
    let mut i = 0;
    while i < mentions.len() {
        // The chain of fragments from `i`, each followed by " and " and the next mention.
        let mut k = i;
        while k + 1 < mentions.len()
            && fragment(k, mentions)
            && text.get(mentions[k].span.end..mentions[k + 1].span.start) == Some(" and ")
            && mentions[k + 1].kind == Kind::Org
        {
            k += 1;
        }
        if k > i && has_head(&mentions[k]) {
            let end = mentions[k].span.end;
            let joined = &mut mentions[i];
            joined.span.end = end;
            joined.value = None;
            mentions.drain(i + 1..=k);
        }
        i += 1;
    }
}

/// "the 33rd Varsk Research Institute": an ordinal right before a body's name is part of it
/// (numbered units, centres and institutes are named with their number), so that two
/// institutes of one name and two numbers stay two.
pub(super) fn take_in_ordinals(words: &Words<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Org) {
        let Some(before) = words.before(m.span.start) else { continue };
        if words.text.get(before.span.end..m.span.start) != Some(" ") {
            continue;
        }
        let form = words.form(before);
        let digits = form.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &form[digits.len()..];
        if !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th")
        {
            m.span.start = before.span.start;
            m.value = None;
        }
    }
}

/// "Pavel Dunaj is the Minister of Defence": the entity tagger may read a person's name as a
/// body's in a sentence of capitalised titles. A body holds no post: an organisation whose
/// words look like a person's name (no body's head word among them), followed by "is the",
/// "was the" or a comma and then a post (up to three lowercase words between), is a person.
pub(super) fn post_holders_read_as_bodies(words: &Words<'_>, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.kind != Kind::Org || !words.person_like(&m.span) {
            continue;
        }
        let has_head = words
            .inside(&m.span)
            .iter()
            .any(|w| crate::frames::is_body_noun(&words.form(w).to_lowercase()));
        let Some(post) = mentions.get(i + 1).filter(|n| {
            n.kind == Kind::Role && n.sentence == m.sentence && n.span.start >= m.span.end
        }) else {
            continue;
        };
        if has_head {
            continue;
        }
        let between = words.text[m.span.end..post.span.start].trim();
        let between = between.strip_prefix(',').map_or(between, str::trim_start);
        let mut rest: Vec<&str> = between.split_whitespace().collect();
        // "is the", "was a", "has been the", or nothing after the comma.
        let copula_or_comma = words.text[m.span.end..].trim_start().starts_with(',')
            || matches!(rest.first().copied(), Some("is" | "was" | "has" | "had"));
        if matches!(rest.first().copied(), Some("is" | "was")) {
            rest.remove(0);
        } else if matches!(rest.first().copied(), Some("has" | "had"))
            && rest.get(1) == Some(&"been")
        {
            rest.drain(..2);
        }
        let plain =
            rest.len() <= 3 && rest.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
        if copula_or_comma && plain {
            mentions[i].kind = Kind::Per;
            mentions[i].value = None;
        }
    }
}
