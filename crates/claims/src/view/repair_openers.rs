//! Sentence openers the tagger read into names: a capitalised function word ("When X was
//! sworn in"), a participle run into the name after it ("Echoing X Y's denials"), and a
//! participle alone read as a place or a name ("Born on 20 October 1977, X ...").

use super::{CLOSED_CLASSES, Kind, Mention, OPENERS, PARTICLES, Words};

/// A capitalised function word at the start of a name ("When X was sworn in", "Neither X
/// nor Y") is the sentence's, not the name's: its part of speech is closed-class and the
/// document writes it in lower case elsewhere (or it is a common sentence opener).
pub(super) fn drop_leading_function_words(words: &Words<'_>, raw: &mut [Mention]) {
    // Organisations and places may begin with an article ("The Hague"): it is the sentence's
    // only where the document writes the name after a lowercase "the" too.
    for m in raw.iter_mut().filter(|m| matches!(m.kind, Kind::Org | Kind::Loc | Kind::Misc)) {
        let t = &words.text[m.span.clone()];
        if let Some(rest) = t.strip_prefix("The ")
            && words.text.contains(&format!("the {rest}"))
        {
            m.span.start += "The ".len();
        }
    }
    // People do not begin with a function word.
    for m in raw.iter_mut().filter(|m| m.kind == Kind::Per) {
        loop {
            let ws = words.inside(&m.span);
            let [first, next, ..] = ws else { break };
            let f = words.form(first);
            let lower = f.to_lowercase();
            // A sentence opener is no name whatever the tagger made of it inside one ("When
            // X", read as a two-word name, is often tagged PROPN PROPN).
            let function = f.starts_with(char::is_uppercase)
                && !PARTICLES.contains(&lower.as_str())
                && (OPENERS.contains(&lower.as_str())
                    || (CLOSED_CLASSES.contains(&first.upos.as_str())
                        && words.lower.contains(lower.as_str())));
            // "Echoing X Y's denials, ...": a participle opening the sentence, run into a
            // name the document also writes without it.
            let opener =
                words.before(first.span.start).is_none_or(|w| w.sentence != first.sentence)
                    && ws.len() >= 3
                    && opening_participle(words.text, f, &words.text[next.span.start..m.span.end]);
            if !function && !opener {
                break;
            }
            m.span.start = next.span.start;
        }
    }
}

/// Whether `word`, the first word of a sentence before the name `rest`, is a participle
/// opening the sentence ("Echoing X Y's denials"): capitalised, "-ing" or "-ed", and the
/// document writes the name without it elsewhere.
pub(in crate::view) fn opening_participle(text: &str, word: &str, rest: &str) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && (lower.ends_with("ing") || lower.ends_with("ed"))
        && lower.len() > 5
        && text.matches(rest).count() >= 2
}

/// A participle that opens a sentence, alone in a name the tagger gave it ("Born on 20
/// October 1977, X graduated", "Raised in Y, X ...": "Born" read as a place), is the
/// sentence's verb: the parse says VERB, the next word is a lowercase preposition, and the
/// word ends as participles do ("-n", "-ed"). The mention goes, so that the rules see the
/// word itself.
pub(super) fn participle_openers(words: &Words<'_>, raw: &mut Vec<Mention>) {
    raw.retain(|m| {
        if !matches!(m.kind, Kind::Per | Kind::Org | Kind::Loc | Kind::Misc) {
            return true;
        }
        let [first] = words.inside(&m.span) else { return true };
        let opens = words.before(first.span.start).is_none_or(|w| w.sentence != first.sentence);
        let form = words.form(first);
        let lower = form.to_lowercase();
        let participle = lower.ends_with("ed") || lower.ends_with('n');
        let next = words.after(first.span.end).map(|w| words.form(w));
        let preposition = next.is_some_and(|n| matches!(n, "on" | "in" | "at" | "as" | "by"));
        !(opens && participle && first.upos == "VERB" && preposition && first.span == m.span)
    });
}
