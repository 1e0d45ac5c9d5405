//! When a post began and ended: the dates its phrase, or the verb it depends on, tells
//! ("since 2018", "from 2015 until his dismissal in 2021", "became head in 2016"); split from
//! `positions` by concern.

use super::Parse;
use super::positions::Lexicon;
use crate::extract::Doc;
use crate::view::Kind;

/// TIME mentions in a post's subtree after "since"/"from" (start) or "until"/"to" (end).
pub(super) fn dates(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    t: usize,
) -> (Option<usize>, Option<usize>) {
    let (start, end) = dates_under(doc, p, lex, t, &[t]);
    if start.is_some() || end.is_some() {
        return (start, end);
    }
    // "has served as commander of X since 2018": the dates hang off the verb the post
    // depends on; its other modifiers are read, and of its clauses only one that bounds
    // the post ("from 2015 until he was sacked in March 2022").
    let Some(v) = p.head(t) else { return (None, None) };
    if !matches!(p.rel(t), "obl" | "xcomp" | "obj") || p.words[v].upos != "VERB" {
        return (None, None);
    }
    let bounding = |c: usize| {
        p.rel(c) == "advcl"
            && p.children[c].iter().any(|&m| {
                p.rel(m) == "mark"
                    && matches!(p.form(m).to_lowercase().as_str(), "until" | "till" | "since")
            })
    };
    let mods: Vec<usize> = p.children[v]
        .iter()
        .copied()
        .filter(|&c| c != t && (matches!(p.rel(c), "obl" | "nmod" | "advmod") || bounding(c)))
        .collect();
    let found = dates_under(doc, p, lex, v, &mods);
    if found.0.is_some() || found.1.is_some() {
        return found;
    }
    // "became head of X in 2016", "took over as chief in March 2020" (start), "stepped
    // down as head in 2021" (end): the verb's own date. The parse may hang it on the post.
    let lemma = p.lemma(v);
    let date = mods
        .iter()
        .chain(p.children[t].iter().filter(|&&c| matches!(p.rel(c), "obl" | "nmod")))
        .find_map(|&c| p.mention_of(doc, c, &[Kind::Time]));
    if lex.become_verbs.contains(lemma) || lex.entry_verbs.contains(lemma) {
        (date, None)
    } else if lex.exit_verbs.contains(lemma) {
        (None, date)
    } else {
        (None, None)
    }
}

/// TIME mentions after a start or end case in the subtrees of `roots` (children of `t`, or
/// `t` itself), not entering the clauses and appositions of `t`.
fn dates_under(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    t: usize,
    roots: &[usize],
) -> (Option<usize>, Option<usize>) {
    let (mut start, mut end) = (None, None);
    let mut stack = roots.to_vec();
    let mut seen = 0;
    while let Some(x) = stack.pop() {
        seen += 1;
        if seen > p.words.len() {
            break;
        }
        if let Some(m) = p.mention_of(doc, x, &[Kind::Time])
            && x > 0
        {
            let before = p.form(x.min(first_word(doc, p, m)).saturating_sub(1)).to_lowercase();
            if lex.start_cases.contains(&before) {
                start = start.or(Some(m));
            } else if lex.end_cases.contains(&before) {
                end = end.or(Some(m));
            } else if let Some(marker) = event_bound(p, x.min(first_word(doc, p, m))) {
                // "until his dismissal in 2021" with "in 2021" hung on the verb.
                if marker == "since" {
                    start = start.or(Some(m));
                } else {
                    end = end.or(Some(m));
                }
            } else if let Some(h) = p.head(x).filter(|&h| h != t && h < x) {
                // "until his dismissal in 2021", "until she resigned in 2018", "since his
                // appointment in 2015": the date of the event that closes or opens the post.
                let marker = p.children[h]
                    .iter()
                    .copied()
                    .filter(|&c| c < h && matches!(p.rel(c), "case" | "mark"))
                    .map(|c| p.form(c).to_lowercase())
                    .find(|f| matches!(f.as_str(), "until" | "till" | "since"));
                match marker.as_deref() {
                    Some("since") => start = start.or(Some(m)),
                    Some(_) => end = end.or(Some(m)),
                    None => {}
                }
            }
        }
        for &c in &p.children[x] {
            if !matches!(p.rel(c), "appos" | "acl" | "parataxis" | "list" | "conj") || x != t {
                stack.push(c);
            }
        }
    }
    (start, end)
}

/// "until his dismissal in 2021", "since her appointment in 2016": the "until", "till" or
/// "since" before a noun of an event, its determiner or possessor, and "in" or "on" right
/// before the date's first word `first`.
fn event_bound(p: &Parse<'_>, first: usize) -> Option<String> {
    let case = first.checked_sub(1)?;
    if !matches!(p.form(case).to_lowercase().as_str(), "in" | "on") {
        return None;
    }
    let noun = case.checked_sub(1).filter(|&n| p.words[n].upos == "NOUN")?;
    let mut k = noun.checked_sub(1)?;
    while matches!(p.words[k].upos.as_str(), "DET" | "PRON") {
        k = k.checked_sub(1)?;
    }
    let marker = p.form(k).to_lowercase();
    matches!(marker.as_str(), "until" | "till" | "since").then_some(marker)
}

fn first_word(doc: &Doc<'_>, p: &Parse<'_>, m: usize) -> usize {
    let start = doc.view.mentions[m].span.start;
    p.words.iter().position(|w| w.span.start >= start).unwrap_or(0)
}

#[cfg(test)]
#[path = "post_dates_tests.rs"]
mod tests;
