//! Names the tokenizer or the tagger cut or left short: a name split at a mark inside it, given
//! names and patronymics before a family name the tagger found alone, and a quoted nickname
//! inside a name.

use super::*;

/// A name the tokenizer or tagger cut in two at a mark inside it: an opening quote glued to
/// the second part ("X Y ‘Z W", a transliterated ayn), a hyphen glued to the first ("X Al-
/// Y"), a lowercase particle between them ("X al Y Z"), or nothing but a space after a lone
/// given name ("X Y Z" read as "X" and "Y Z": two people are never written side by side
/// without a comma or a word between). The two persons are one.
pub(super) fn join_split_names(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let text = words.text;
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if a.span.end > b.span.start {
            i += 1;
            continue;
        }
        let gap = &text[a.span.end..b.span.start];
        if patronym(words, a, b, gap)
            || family_name_after_given(words, a, b, gap)
            || family_name_read_as_other(words, a, b, gap)
        {
            let end = b.span.end;
            mentions[i].span.end = end;
            mentions[i].kind = Kind::Per;
            mentions[i].value = None;
            mentions.remove(i + 1);
            continue;
        }
        if a.kind != Kind::Per || b.kind != Kind::Per {
            i += 1;
            continue;
        }
        let after = text[b.span.end..].chars().next();
        let quote = matches!(gap, " ‘" | " ’" | " '") && !matches!(after, Some('’' | '\''));
        let hyphen = matches!(gap, "-" | "- ");
        let particle = gap.len() > 2
            && gap.starts_with(' ')
            && gap.ends_with(' ')
            && PARTICLES.contains(&gap.trim());
        let lone = !text[a.span.clone()].contains(char::is_whitespace);
        let space = gap == " " && lone;
        if quote || hyphen || particle || space {
            let end = b.span.end;
            mentions[i].span.end = end;
            mentions.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// "Tomasz Kasimir Wielgosz" read as the person "Wielgosz" (or "Kasimir Wielgosz"): the
/// tagger often leaves off given names it has never seen, most of all at a sentence's start.
/// Up to three words right before a person's name, each a space apart, in its sentence, each
/// read as a proper noun by the parse and name-like (capitalised letters, never written in
/// lower case in the document, no body word, title, country or nationality), and in no other
/// mention, are the person's given names when the document writes that whole name twice.
pub(super) fn take_in_given_names(words: &Words<'_>, mentions: &mut [Mention]) {
    /// Each distinct name is searched for once, in the whole text: a cap keeps a document
    /// of endless capitalised names linear (news names a handful of people).
    const MAX_SEARCHES: usize = 32;
    let text = words.text;
    let mut written_twice: HashMap<&str, bool> = HashMap::new();
    for i in 0..mentions.len() {
        if mentions[i].kind != Kind::Per {
            continue;
        }
        let floor = if i == 0 { 0 } else { mentions[i - 1].span.end };
        let mut start = mentions[i].span.start;
        for _ in 0..3 {
            let Some(w) = words.before(start) else { break };
            let form = words.form(w);
            let given = w.span.start >= floor
                && &text[w.span.end..start] == " "
                && w.sentence == mentions[i].sentence
                && given_name_like(words, w)
                && form.chars().filter(|c| c.is_alphabetic()).count() > 1;
            if !given {
                break;
            }
            start = w.span.start;
        }
        // Written so at least twice (a profile's heading and its first sentence): a
        // headline's capitalised words or a participle before a name are written once.
        if start == mentions[i].span.start {
            continue;
        }
        let name = &text[start..mentions[i].span.end];
        if !written_twice.contains_key(name) && written_twice.len() >= MAX_SEARCHES {
            continue;
        }
        if *written_twice.entry(name).or_insert_with(|| text.matches(name).nth(1).is_some()) {
            mentions[i].span.start = start;
            mentions[i].value = None;
        }
    }
}

/// "Piet Kasimir Brunovian" read as the person "Piet" and the miscellaneous name "Brunovian" (an
/// ending the tagger knows from nationalities: "Iranian", "Armenian"): a one-word name right
/// after a person's, with at most two name-like proper nouns between them and only spaces
/// (at least one where the tagger read it as a person),
/// is the family name when the tagger read it as a miscellaneous name that is no nationality,
/// or as a person (two people are never written side by side without a comma or a word
/// between). The words between are the person's other given names.
fn family_name_read_as_other(words: &Words<'_>, a: &Mention, b: &Mention, gap: &str) -> bool {
    if a.kind != Kind::Per || !matches!(b.kind, Kind::Misc | Kind::Per) {
        return false;
    }
    let tb = &words.text[b.span.clone()];
    let between = words.inside(&(a.span.end..b.span.start));
    let lone = words.inside(&b.span).len() == 1 && !tb.contains(char::is_whitespace);
    let given = |w: &Word| {
        given_name_like(words, w) && words.form(w).chars().next().is_some_and(char::is_uppercase)
    };
    // Only spaces and the given names between: the gap's text is those words, a space apart.
    let gap_words: Vec<&str> = gap.split(' ').filter(|p| !p.is_empty()).collect();
    let same = between.iter().map(|w| words.form(w)).eq(gap_words.iter().copied());
    lone && same
        && gap.starts_with(' ')
        && gap.ends_with(' ')
        && between.len() <= 2
        // A person right after a person with nothing between is `join_split_names`'s.
        && (b.kind == Kind::Misc || !between.is_empty())
        && between.iter().all(given)
        && words.inside(&b.span).first().is_some_and(|w| words.name_like(w))
        && !is_country(tb)
        && read::lexicon::country_of(tb).is_none()
}

/// Whether a word may be a given name before a family name: a proper noun shaped like a name,
/// no title ("General", "Mr") and no country or nationality.
fn given_name_like(words: &Words<'_>, w: &Word) -> bool {
    let form = words.form(w);
    w.upos == "PROPN"
        && words.name_like(w)
        && !read::lexicon::is_leading_title(form)
        && !read::lexicon::is_name_title(form)
        && !is_country(form)
        && read::lexicon::country_of(form).is_none()
}

/// "X bin Y", "X ibn Y": a patronymic particle after a person's name makes the one-word name
/// after it, whatever the tagger read it as (a place, often), part of the person's.
fn patronym(words: &Words<'_>, a: &Mention, b: &Mention, gap: &str) -> bool {
    let short = |m: &Mention| {
        let ws = words.inside(&m.span);
        (1..=3).contains(&ws.len()) && ws.iter().all(|w| words.name_like(w))
    };
    a.kind == Kind::Per
        && is_entity(b.kind)
        && matches!(gap.trim().to_lowercase().as_str(), "bin" | "ibn" | "bint")
        && gap.starts_with(' ')
        && gap.ends_with(' ')
        && short(b)
        && !is_country(&words.text[b.span.clone()])
}

/// "X al-Y": a lone capitalised word the tagger read as a place or a name of its own, right
/// before a one-word family name with an Arabic article ("al-", "el-"), is the person's given
/// name: a family name with an article follows a given name, never a place. The article may
/// stand apart ("X al Y"), outside both of the tagger's names.
fn family_name_after_given(words: &Words<'_>, a: &Mention, b: &Mention, gap: &str) -> bool {
    let (ta, tb) = (&words.text[a.span.clone()], &words.text[b.span.clone()]);
    let glued = gap == " "
        && ["al-", "Al-", "el-", "El-"]
            .iter()
            .any(|p| tb.strip_prefix(p).is_some_and(|r| r.starts_with(char::is_uppercase)));
    let apart = matches!(gap, " al " | " el ") && tb.starts_with(char::is_uppercase);
    let lone = |m: &Mention, t: &str| is_entity(m.kind) && !t.contains(char::is_whitespace);
    (glued || apart)
        && matches!(a.kind, Kind::Loc | Kind::Misc)
        && lone(a, ta)
        && lone(b, tb)
        && words.inside(&a.span).first().is_some_and(|w| words.name_like(w))
        && !is_country(ta)
        && crate::cities::state_of(ta).is_none()
}

/// The quoted nickname right after the start of a text (`“Tiger” `, `"Tiger" `, `‘Tiger’ `),
/// and the byte length it takes with the space after it: one to three capitalised words.
pub(crate) fn quoted_nickname(rest: &str) -> Option<usize> {
    let open = rest.chars().next()?;
    let close = match open {
        '“' | '”' => '”',
        '"' => '"',
        '‘' => '’',
        _ => return None,
    };
    let inner_start = open.len_utf8();
    let inner_len = rest[inner_start..].find(close)?;
    let inner = &rest[inner_start..inner_start + inner_len];
    let words: Vec<&str> = inner.split(' ').collect();
    let shaped = (1..=3).contains(&words.len())
        && inner.len() <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
        });
    let after = inner_start + inner_len + close.len_utf8();
    (shaped && rest[after..].starts_with(' ')).then_some(after + 1)
}

/// "Tomasz “Tiger” Wielgosz": a person's given names, a quoted nickname and a surname are one
/// person, whatever the tagger made of the nickname and the surname (it often reads the
/// surname after a quote as a place). The name the claims use leaves the nickname out
/// (`Doc::mention_text`).
pub(super) fn take_in_nicknames(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let text = words.text;
    // The tagger may take the whole "Tomasz “Tiger” Wielgosz" as a miscellaneous name or a
    // body: name-like words on both sides of the nickname make it a person.
    for m in mentions.iter_mut().filter(|m| matches!(m.kind, Kind::Misc | Kind::Org)) {
        let written = &text[m.span.clone()];
        let split = written
            .match_indices(' ')
            .find_map(|(at, _)| quoted_nickname(&written[at + 1..]).map(|len| (at, at + 1 + len)));
        let Some((given_end, surname_start)) = split else { continue };
        let start = m.span.start;
        let given = words.inside(&(start..start + given_end));
        let surname = words.inside(&(start + surname_start..m.span.end));
        if !given.is_empty()
            && !surname.is_empty()
            && given.len() + surname.len() <= 5
            && given
                .iter()
                .chain(surname)
                .all(|w| words.name_like(w) && !is_body_word(words.form(w)))
        {
            m.kind = Kind::Per;
        }
    }
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let rest = &text[m.span.end..];
        let nickname = (m.kind == Kind::Per)
            .then(|| rest.strip_prefix(' '))
            .flatten()
            .and_then(quoted_nickname);
        let Some(taken) = nickname else {
            i += 1;
            continue;
        };
        let surname_at = m.span.end + 1 + taken;
        let first = words.words.partition_point(|w| w.span.start < surname_at);
        let surname: Vec<&Word> = words.words[first..]
            .iter()
            .take(3)
            .scan(surname_at, |at, w| {
                let next = (w.span.start == *at && words.name_like(w)).then_some(w);
                *at = w.span.end + 1;
                next
            })
            .filter(|w| words.form(w).chars().next().is_some_and(char::is_uppercase))
            .collect();
        let Some(last) = surname.last() else {
            i += 1;
            continue;
        };
        let end = last.span.end;
        let taken_in = m.span.end..end;
        let blocked = mentions.iter().any(|o| {
            o.span.start < taken_in.end && taken_in.start < o.span.end && !is_entity(o.kind)
        });
        if blocked {
            i += 1;
            continue;
        }
        mentions.retain(|o| !(o.span.start >= taken_in.start && o.span.start < taken_in.end));
        let m = &mut mentions[i];
        m.span.end = end;
        i += 1;
    }
}
