//! Who imposes a sanction where the parse does not say it in the act's own words: a state
//! or body the frame names beside others ("the EU and the UK sanctioned X": one claim each),
//! a list a sanctions authority keeps ("placed on OFAC's list"), and the states that acted
//! together in a sentence before a sanction that names none.

use std::collections::BTreeMap;

use super::arguments::Parse;
use super::{Found, Lexicon, PEOPLE};
use crate::extract::{Arg, Doc};
use crate::view::Kind;
use crate::{Claim, ClaimType};

/// "The UK, US and Canada have sanctioned X": one claim per authority of the list.
pub(super) fn per_authority(
    lex: &Lexicon,
    s: &Parse<'_>,
    p: usize,
    noun: bool,
    found: Vec<Found>,
) -> Vec<Found> {
    let agent = if noun {
        s.head(p)
            .filter(|&g| s.word(g).upos == "VERB" && matches!(s.rel(p), "obj" | "nsubj:pass"))
            .and_then(|g| s.agent(g))
            .or_else(|| s.kid(p, "nsubj"))
    } else {
        s.agent(p)
    };
    let Some(a) = agent.map(|a| s.reporter(a, &lex.words.reporting)) else { return found };
    // "Today, the UK, US and Canada have announced sanctions": the parser may make "Today"
    // the subject and the list its apposition.
    let list = match s.kid(a, "appos") {
        Some(x) if s.with_conjuncts(a).len() == 1 && s.body(a) == s.body(x) => x,
        _ => a,
    };
    let more: Vec<usize> = s.with_conjuncts(list)[1..]
        .iter()
        .filter_map(|&c| s.body(c))
        .filter(|&b| !PEOPLE.contains(&s.doc.view.mentions[b].kind))
        .collect();
    if more.is_empty() {
        return found;
    }
    let mut out = Vec::with_capacity(found.len() * (more.len() + 1));
    for f in found {
        let has = f.args.iter().any(|(k, _)| k == "authority");
        if has {
            for &b in &more {
                let mut g = Found {
                    kind: f.kind,
                    shape: f.shape,
                    predicate: f.predicate,
                    args: f.args.clone(),
                    words: f.words.clone(),
                };
                for (k, v) in g.args.iter_mut() {
                    if k == "authority" {
                        *v = Arg::Mention(b);
                    }
                }
                out.push(g);
            }
        }
        out.push(f);
    }
    out
}

/// "X was placed on the Specially Designated Nationals list": for a sanction that names no
/// authority, a list after the predicate whose whole name is a known authority's (not a
/// body that merely holds a state's word) is that authority.
pub(super) fn list_authority(
    lex: &Lexicon,
    doc: &Doc<'_>,
    parse: &Parse<'_>,
    si: usize,
    found: &Found,
) -> Option<usize> {
    if found.kind != ClaimType::Sanction || found.args.iter().any(|(k, _)| k == "authority") {
        return None;
    }
    let after = parse.word(found.predicate).span.end;
    doc.view.sentences[si].mentions.iter().copied().find(|&m| {
        let mention = &doc.view.mentions[m];
        matches!(mention.kind, Kind::Org | Kind::Misc)
            && mention.span.start > after
            && doc.rules.authority.contains_key(&doc.mention_text(m).to_lowercase())
            && names_a_list(lex, &doc.input.text[mention.span.end..])
            && !doc.not_an_issuer(m)
    })
}

/// Whether the text after a name goes on to name a list of `list_nouns` ("Specially
/// Designated Nationals list", "OFAC's sanctions list").
fn names_a_list(lex: &Lexicon, rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s ")).unwrap_or(rest);
    let rest =
        rest.strip_prefix("sanctions ").or_else(|| rest.strip_prefix("sanction ")).unwrap_or(rest);
    let noun = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    lex.words.list_nouns.iter().any(|n| n == noun)
}

/// A verb that puts its patient on a sanctions list: "placed on the Treasury's sanctions
/// list", "added X to its blacklist".
pub(super) fn listed(lex: &Lexicon, s: &Parse<'_>, p: usize) -> bool {
    let onto = |w: usize| matches!(s.lemma(w).as_str(), "on" | "to" | "onto");
    let sanctions_list = |o: usize| {
        // "placed on the Specially Designated Nationals list": the parser may hang "on" on
        // the name inside the phrase; an "on" right after the verb, no other preposition
        // between, will do.
        let on = matches!(s.case(o).as_deref(), Some("on" | "to" | "onto"))
            || (p + 1..o)
                .find(|&k| s.word(k).upos == "ADP")
                .is_some_and(|k| onto(k) && !(k + 1..o).any(|j| s.word(j).upos == "ADP"));
        // "the sanctions list", "the Specially Designated Nationals list": a word of
        // sanctions or designation among the list's modifiers (or theirs).
        let of_sanctions = |c: usize| {
            let l = s.lemma(c).to_lowercase();
            l.starts_with("sanction") || l.starts_with("designat")
        };
        let sanctions = s.lemma(o) == "blacklist"
            || s.children[o]
                .iter()
                .any(|&c| of_sanctions(c) || s.children[c].iter().any(|&g| of_sanctions(g)));
        on && lex.words.list_nouns.contains(s.lemma(o)) && sanctions
    };
    // "named lawmakers A and B to a blacklist": the parser may hang the list's noun on the
    // object; any of the next words below the verb will do.
    let below = |o: usize| {
        let mut w = o;
        for _ in 0..3 {
            match s.head(w) {
                Some(h) if h == p => return true,
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    };
    if lex.words.list_verbs.contains(s.lemma(p))
        && (p + 1..(p + 12).min(s.len)).any(|o| sanctions_list(o) && below(o))
    {
        return true;
    }
    lex.words.list_verbs.contains(s.lemma(p))
        && s.kids(p, "obl").any(|o| {
            let on = matches!(s.case(o).as_deref(), Some("on" | "to" | "onto"));
            let list = lex.words.list_nouns.contains(s.lemma(o));
            let sanctions = s.lemma(o) == "blacklist"
                || s.children[o].iter().any(|&c| s.lemma(c).starts_with("sanction"));
            on && list && sanctions
        })
}

/// The authorities of the sanctions each sentence tells, in the order first told.
pub(super) fn sanctioners_by_sentence<'c>(
    claims: impl Iterator<Item = &'c Claim>,
    sentence_of: impl Fn(usize) -> usize,
) -> BTreeMap<usize, Vec<String>> {
    let mut by_sentence: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for c in claims.filter(|c| c.kind == ClaimType::Sanction) {
        if let Some(a) = c.field("authority") {
            let names = by_sentence.entry(sentence_of(c.evidence.start)).or_default();
            if !names.iter().any(|n| n == a) {
                names.push(a.to_string());
            }
        }
    }
    by_sentence
}

/// "The UK, US and Canada have announced sanctions against A ... All four individuals have
/// been handed asset freezes": a sanction whose sentence names no state or body took one of
/// the authorities that acted together in the nearest sentence before with sanctions; it is
/// each of theirs (one claim per authority, as for "A and B sanctioned X").
pub(super) fn joint_sanctioners(
    doc: &Doc<'_>,
    claims: &mut Vec<Claim>,
    by_sentence: &BTreeMap<usize, Vec<String>>,
    sentence_of: impl Fn(usize) -> usize,
) {
    let sanction = |c: &Claim| c.kind == ClaimType::Sanction;
    let names_none = |si: usize| {
        !doc.view.sentences[si].mentions.iter().any(|&m| {
            matches!(doc.view.mentions[m].kind, Kind::Nat | Kind::Loc | Kind::Org | Kind::Misc)
        })
    };
    let mut added: Vec<Claim> = Vec::new();
    for c in claims.iter().filter(|c| sanction(c)) {
        let si = sentence_of(c.evidence.start);
        let Some(a) = c.field("authority") else { continue };
        if !names_none(si) {
            continue;
        }
        let Some((_, joint)) = by_sentence.range(..si).next_back() else { continue };
        if joint.len() < 2 || !joint.iter().any(|n| n == a) {
            continue;
        }
        for other in joint.iter().filter(|n| *n != a) {
            let same = |d: &Claim| {
                sanction(d)
                    && d.field("target") == c.field("target")
                    && d.field("authority") == Some(other)
            };
            if claims.iter().chain(&added).any(same) {
                continue;
            }
            let mut copy = c.clone();
            copy.fields.insert("authority".into(), serde_json::Value::from(other.clone()));
            copy.id = model::Sha256::digest(format!("{}|{other}", c.id).as_bytes()).short(16);
            added.push(copy);
        }
    }
    claims.extend(added);
}
