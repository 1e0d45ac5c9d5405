//! Posts told by a verb: "X, who heads the Border Guard Service", "X ran the customs
//! agency", "X has commanded the 4th Brigade since 2019", "X is in charge of the Liaison
//! Unit". The verb names the post (heading → head, commanding → commander); its object is
//! the body when it is a name or a phrase headed by a noun of a body (`body_nouns`).

use std::sync::LazyLock;

use super::holders::verb_subjects;
use super::positions::{LEXICON, Lexicon};
use super::post_dates::dates;
use super::{Parse, view_span};
use crate::ClaimType;
use crate::extract::{Arg, Candidate, Doc};
use crate::rules::{AsOf, Rule};
use crate::view::Kind;

fn rule(former: bool) -> Rule {
    Rule {
        as_of: (!former).then_some(AsOf::Published),
        former,
        confidence: 0.7,
        ..Rule::without_pattern("frame.position.verb", ClaimType::Position)
    }
}

static CURRENT: LazyLock<Rule> = LazyLock::new(|| rule(false));
static FORMER: LazyLock<Rule> = LazyLock::new(|| rule(true));

/// The post a heading verb gives its subject.
fn role_of(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "head" | "run" | "charge" => "head",
        "lead" => "leader",
        "command" => "commander",
        "chair" => "chair",
        "direct" => "director",
        "manage" => "manager",
        _ => return None,
    })
}

/// The position candidates a sentence's heading verbs give.
pub(crate) fn candidates(doc: &Doc<'_>, p: &Parse<'_>) -> Vec<Candidate<'static>> {
    let lex = &*LEXICON;
    let mut out = Vec::new();
    for v in 0..p.words.len() {
        let lemma = p.lemma(v);
        // "in charge of X": the noun with its "of" phrase.
        let charge = lemma == "charge" && p.case(v).as_deref() == Some("in");
        if !charge && (p.words[v].upos != "VERB" || !lex.head_verbs.contains(lemma)) {
            continue;
        }
        let Some(role) = role_of(lemma) else { continue };
        let objects: Vec<usize> = if charge {
            p.kids(v, "nmod").filter(|&c| p.case(c).as_deref() == Some("of")).collect()
        } else {
            p.kids(v, "obj").collect()
        };
        let orgs: Vec<Arg> = objects.iter().flat_map(|&o| bodies_of(doc, p, lex, o)).collect();
        if orgs.is_empty() {
            continue;
        }
        let mut holders = if charge { charge_holders(doc, p, v) } else { verb_subjects(doc, p, v) };
        if holders.is_empty() {
            holders.extend(before_relative(doc, p, v));
        }
        let form = p.form(v).to_lowercase();
        let past = !charge
            && (form.ends_with("ed") || matches!(form.as_str(), "led" | "ran"))
            && !p.kids(v, "aux").any(|a| matches!(p.lemma(a).as_str(), "have"))
            || charge && p.kids(v, "cop").any(|c| lex_past(p.form(c)));
        let (start, end) = objects.first().map_or((None, None), |&o| dates(doc, p, lex, o));
        let rule: &'static Rule = if past { &FORMER } else { &CURRENT };
        for &holder in &holders {
            for org in &orgs {
                let mut mentions = vec![holder];
                if let Arg::Mention(m) = org {
                    mentions.push(*m);
                }
                let mut args = vec![
                    ("holder".to_string(), Arg::Mention(holder)),
                    ("role".to_string(), Arg::Text(role.to_string())),
                    ("organization".to_string(), org.clone()),
                ];
                if let Some(s) = start {
                    args.push(("start".into(), Arg::Mention(s)));
                }
                if let Some(e) = end {
                    args.push(("end".into(), Arg::Mention(e)));
                }
                let span = view_span(doc, p.sentence, &mentions);
                out.push(Candidate { rule, sentence: p.sentence, span, args });
            }
        }
    }
    out
}

fn lex_past(form: &str) -> bool {
    matches!(form.to_lowercase().as_str(), "was" | "were")
}

/// "X is in charge of Y", "X, who was in charge of Y": the subject of the copula, or the
/// name the relative clause hangs on.
fn charge_holders(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Vec<usize> {
    let mut out = verb_subjects(doc, p, v);
    if out.is_empty()
        && let Some(m) = p.head(v).and_then(|h| p.mention_of(doc, h, &[Kind::Per]))
    {
        out.push(m);
    }
    out
}

/// The bodies a heading verb's objects name: one per conjunct that names a body, or one for
/// a coordination that ends in a body noun ("the customs and taxation agency").
fn bodies_of(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, o: usize) -> Vec<Arg> {
    let conjuncts = p.with_conjuncts(o);
    let last = *conjuncts.iter().max().unwrap_or(&o);
    if conjuncts.len() > 1
        && p.mention_of(doc, o, &[Kind::Org]).is_none()
        && !lex.body_nouns.contains(p.lemma(o))
        && lex.body_nouns.contains(p.lemma(last))
        && conjuncts.iter().all(|&c| p.words[c].upos == "NOUN")
    {
        return phrase(p, o, last).into_iter().collect();
    }
    conjuncts.into_iter().filter_map(|c| body_of(doc, p, lex, c)).collect()
}

/// The body one object names: an organisation's name, or a phrase whose head noun names a
/// body ("the army's intelligence directorate"), up to its head and its "of" phrase.
fn body_of(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, o: usize) -> Option<Arg> {
    if let Some(m) = p.mention_of(doc, o, &[Kind::Org]) {
        return Some(Arg::Mention(m));
    }
    if p.mention_of(doc, o, &[Kind::Per, Kind::Pro, Kind::Time, Kind::Nat]).is_some()
        || !lex.body_nouns.contains(p.lemma(o))
    {
        return None;
    }
    let body = phrase(p, o, o)?;
    // "He was replaced by Y, who still leads the agency": a body noun alone stands for a
    // body named before; the nearest one the noun is a word of ("the ministry" after "the
    // Ministry of Interior"), or none rather than a post of "agency".
    if matches!(&body, Arg::Text(t) if !t.contains(' ')) {
        let noun = p.form(o).to_lowercase();
        let at = p.words[o].span.start;
        return doc
            .view
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == Kind::Org && !m.hidden && m.span.end <= at)
            .filter(|(_, m)| {
                doc.text()[m.span.clone()].split_whitespace().any(|w| w.to_lowercase() == noun)
            })
            .last()
            .map(|(i, _)| Arg::Mention(i));
    }
    Some(body)
}

/// The words of `o`'s phrase from its first modifier to `last`, and the "of" phrase after
/// it ("the Office of Border Affairs"); no article, at most ten words.
fn phrase(p: &Parse<'_>, o: usize, last: usize) -> Option<Arg> {
    let (mut lo, _) = p.span_without(o, &["acl"]);
    while lo < last && matches!(p.rel(lo), "det" | "case") {
        lo += 1;
    }
    let hi = p
        .kids(last, "nmod")
        .filter(|&c| c > last && p.case(c).as_deref() == Some("of"))
        .map(|c| p.span_without(c, &["acl", "conj", "cc"]).1)
        .max()
        .unwrap_or(last)
        .max(last);
    if hi - lo > 10 {
        return None;
    }
    let text = &p.text[p.words[lo].span.start..p.words[hi].span.end];
    Some(Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// "X, who runs Y": the name right before the relative pronoun, wherever the parse hung the
/// clause.
fn before_relative(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<usize> {
    let who = p
        .kids(v, "nsubj")
        .find(|&c| matches!(p.form(c).to_lowercase().as_str(), "who" | "that"))?;
    let before =
        if who > 0 && p.form(who - 1) == "," { who.checked_sub(2)? } else { who.checked_sub(1)? };
    p.mention_of(doc, before, &[Kind::Per])
}

#[cfg(test)]
#[path = "heads_tests.rs"]
mod tests;
