//! What the frames' tests share: the real reader and the whole extractor over an invented text.

use crate::{Claim, ClaimType, Input, extract_with};

pub(crate) static TAGGER: std::sync::LazyLock<read::ner::Tagger> =
    std::sync::LazyLock::new(|| read::ner::builtin().expect("the built-in model loads"));
pub(crate) static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> =
    std::sync::LazyLock::new(|| read::syntax::builtin().expect("the built-in model loads"));

/// The claims of one kind that the extractor finds in `text`, published on 4 May 2022.
pub(crate) fn claims(text: &str, kind: ClaimType) -> Vec<Claim> {
    claims_with(crate::Rules::english(), text, kind)
}

/// [`claims`] with the given rules.
pub(crate) fn claims_with(rules: &crate::Rules, text: &str, kind: ClaimType) -> Vec<Claim> {
    claims_reparsed(rules, text, kind, |_| {})
}

/// [`claims_with`] after `reparse` has changed the words' heads and relations: what the
/// rules make of a parse other than the built-in parser's.
pub(crate) fn claims_reparsed(
    rules: &crate::Rules,
    text: &str,
    kind: ClaimType,
    reparse: impl FnOnce(&mut [model::Word]),
) -> Vec<Claim> {
    let date = model::PartialDate::day(2022, 5, 4).ok();
    let mut reading = read::read_document(&TAGGER, &ANALYZER, text, date);
    reparse(&mut reading.words);
    let input = Input {
        doc: "t.txt",
        sha256: "00",
        text,
        published: date,
        annotations: &reading.annotations,
        words: &reading.words,
    };
    extract_with(rules, &input).into_iter().filter(|c| c.kind == kind).collect()
}

/// [`claims`] of the parse another parser made: each `(word, head, relation)` hangs the word
/// of that form on the word of the head's form (each form once in `text`, both in one
/// sentence); the relation "root" makes the word the root, whatever the head.
pub(crate) fn claims_rewired(
    text: &str,
    kind: ClaimType,
    arcs: &[(&str, &str, &str)],
) -> Vec<Claim> {
    claims_rewired_with(crate::Rules::english(), text, kind, arcs)
}

/// [`claims_rewired`] in a world where some invented places are states too.
pub(crate) fn claims_rewired_in(
    text: &str,
    kind: ClaimType,
    states: &[&str],
    arcs: &[(&str, &str, &str)],
) -> Vec<Claim> {
    claims_rewired_with(&rules_with_states(states), text, kind, arcs)
}

fn claims_rewired_with(
    rules: &crate::Rules,
    text: &str,
    kind: ClaimType,
    arcs: &[(&str, &str, &str)],
) -> Vec<Claim> {
    claims_reparsed(rules, text, kind, |w| {
        // "form#2": the form's second occurrence.
        let at = |w: &[model::Word], form: &str| {
            let (form, nth) = match form.rsplit_once('#') {
                Some((f, n)) if !f.is_empty() => (f, n.parse::<usize>().unwrap_or(1)),
                _ => (form, 1),
            };
            w.iter()
                .enumerate()
                .filter(|(_, w)| &text[w.span.clone()] == form)
                .nth(nth - 1)
                .map(|(i, _)| i)
                .expect("the word is in the text")
        };
        for &(word, head, rel) in arcs {
            let word = at(w, word);
            w[word].deprel = rel.into();
            if rel == "root" {
                w[word].head = 0;
                continue;
            }
            let head = at(w, head);
            assert_eq!(w[word].sentence, w[head].sentence, "a word hangs in its own sentence");
            // Heads count from 1 within the sentence.
            let first = w.iter().position(|x| x.sentence == w[head].sentence).unwrap_or(0);
            w[word].head = head - first + 1;
        }
    })
}

/// The posts the extractor finds in `text`.
pub(crate) fn positions(text: &str) -> Vec<Claim> {
    claims(text, ClaimType::Position)
}

/// The post whose holder and organisation contain the given words.
pub(crate) fn find<'c>(claims: &'c [Claim], holder: &str, org: &str) -> Option<&'c Claim> {
    claims.iter().find(|c| {
        c.field("holder").is_some_and(|h| h.contains(holder))
            && c.field("organization").is_some_and(|o| o.contains(org))
    })
}

/// The posts the extractor finds in `text` in a world where some invented places are states
/// too: the authority names and the gazetteer know only real ones, and tests name none.
pub(crate) fn positions_in(text: &str, states: &[&str]) -> Vec<Claim> {
    claims_in(text, ClaimType::Position, states)
}

/// [`claims`] in a world where some invented places are states too (a place that is no
/// state issues no sanction).
pub(crate) fn claims_in(text: &str, kind: ClaimType, states: &[&str]) -> Vec<Claim> {
    claims_with(&rules_with_states(states), text, kind)
}

/// The English rules with some invented places made states.
fn rules_with_states(states: &[&str]) -> crate::Rules {
    let mut rules = crate::Rules::parse(include_str!("../../rules/en.toml")).expect("rules");
    for state in states {
        rules.authority.insert(state.to_lowercase(), state.to_string());
    }
    rules
}
