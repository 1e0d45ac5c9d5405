//! Repairs that follow the text's lines: names never run over the end of a short line, and
//! a headline's title case does not make the words after a name part of it.

use super::{Kind, Mention, Words, is_entity};

/// Lines shorter than this end where they end (headings, captions, datelines); longer ones
/// may be prose wrapped at a fixed width, where a line break stands for a space.
const WRAPPED_LINE: usize = 55;

/// A name never runs over the end of a short line ("X Y\nCountry's ...", a heading or caption
/// and the line after it): each line's piece is a mention of its own. A name over the break of
/// a long line is prose wrapped at a fixed width, and stays whole.
pub(super) fn split_at_line_breaks(text: &str, raw: &mut Vec<Mention>) {
    let mut pieces = Vec::new();
    for m in raw.iter_mut().filter(|m| is_entity(m.kind)) {
        let t = &text[m.span.clone()];
        let Some(first_break) = t.find('\n').map(|i| m.span.start + i) else { continue };
        let line_start = text[..first_break].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..first_break].chars().count() >= WRAPPED_LINE {
            continue;
        }
        let mut at = m.span.start;
        let mut spans = Vec::new();
        for line in t.split('\n') {
            let lead = line.len() - line.trim_start().len();
            let piece = line.trim();
            if !piece.is_empty() {
                spans.push(at + lead..at + lead + piece.len());
            }
            at += line.len() + 1;
        }
        let Some((first, rest)) = spans.split_first() else { continue };
        m.span = first.clone();
        pieces.extend(rest.iter().map(|s| Mention { span: s.clone(), ..m.clone() }));
    }
    raw.extend(pieces);
}

/// A headline writes every word with a capital, so the tagger runs names on into the words
/// after them ("Sentence for X Culminates Year"). A person's name in a title-case line loses
/// its last words when the document writes the rest of the name elsewhere and never those
/// words with a capital: the body says "X", never "Culminates" ("X Death Unit Tied to ...":
/// the body writes "death unit", in lowercase).
pub(super) fn trim_headline_names(words: &Words<'_>, mentions: &mut [Mention]) {
    let text = words.text;
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        let line_start = text[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[m.span.end..].find('\n').map_or(text.len(), |i| m.span.end + i);
        let line = line_start..line_end;
        if !title_case(&text[line.clone()]) {
            continue;
        }
        let parts = words.inside(&m.span);
        for keep in (1..parts.len()).rev() {
            let kept = m.span.start..parts[keep - 1].span.end;
            let dropped = &parts[keep..];
            if elsewhere_alone(text, &line, &text[kept.clone()])
                && dropped.iter().all(|w| !elsewhere(text, &line, words.form(w)))
            {
                m.span = kept;
                break;
            }
        }
    }
}

/// A headline: not a sentence (no final period), at most twenty words, most words of four
/// letters or more capitalised.
fn title_case(line: &str) -> bool {
    let line = line.trim();
    let long: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitals = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    !line.ends_with('.')
        && line.split_whitespace().count() <= 20
        && long.len() >= 3
        && capitals * 4 >= long.len() * 3
}

/// The ends of each whole-word occurrence of `needle` outside `skip`.
fn occurrences<'t>(
    text: &'t str,
    skip: &'t std::ops::Range<usize>,
    needle: &'t str,
) -> impl Iterator<Item = usize> + 't {
    text.match_indices(needle).filter_map(move |(at, _)| {
        let end = at + needle.len();
        let bounded = !text[..at].ends_with(char::is_alphanumeric)
            && !text[end..].starts_with(char::is_alphanumeric);
        (bounded && (end <= skip.start || at >= skip.end)).then_some(end)
    })
}

/// Whether `needle` occurs as whole words outside `skip`.
fn elsewhere(text: &str, skip: &std::ops::Range<usize>, needle: &str) -> bool {
    occurrences(text, skip, needle).next().is_some()
}

/// Whether `name` occurs outside `skip` as a name of its own: not followed by another
/// capitalised word ("X said", not "X Daily Bell").
fn elsewhere_alone(text: &str, skip: &std::ops::Range<usize>, name: &str) -> bool {
    occurrences(text, skip, name).any(|end| {
        let rest = &text[end..];
        !(rest.starts_with([' ', '\u{a0}'])
            && rest.trim_start_matches([' ', '\u{a0}']).starts_with(char::is_uppercase))
    })
}
