//! Charges and verdicts told as nouns: "X's conviction", "the sentencing of X", "X received
//! a life sentence", "was handed a 15-year prison term", "serving a 20-year sentence",
//! "prosecutors filed charges against X", "X faces charges of fraud", "the indictment of X".
//! The noun's holder is read from its own modifiers (possessive, "of", "against") or from
//! the light verb that governs it: a verb of receiving gives its subject, a verb of giving
//! its indirect object, its passive subject or its "against"/"on"/"to" phrase. Also: one
//! verdict per defendant and authority (`one_verdict_each`).

use super::arguments::Parse;
use super::nouns::owner;
use super::{Found, Lexicon, PEOPLE};
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::extract::Arg;
use crate::{Claim, ClaimType};

/// Who a charge or verdict noun is about, with the words that say so.
pub(super) fn holders(lex: &Lexicon, s: &Parse<'_>, n: usize, kind: ClaimType) -> Vec<usize> {
    let words = &lex.words;
    let mut out: Vec<usize> = Vec::new();
    // "charges of smuggling (Article 228)": an "of" phrase whose own word names no one is
    // the crime, whatever its apposition says.
    if let Some(o) = owner(s, n).filter(|&o| {
        s.rel(o) == "nmod:poss"
            || s.mention(o, PEOPLE).is_some_and(|m| {
                let mm = &s.doc.view.mentions[m];
                mm.span.start <= s.word(o).span.start && s.word(o).span.end <= mm.span.end
            })
            || s.word(o).upos == "PRON"
    }) {
        out.push(o);
    }
    out.extend(s.kids(n, "nmod").filter(|&m| s.case(m).as_deref() == Some("against")));
    out.extend(surface_against(s, n));
    // "were given prison sentences", "Despite facing charges": the parser often hangs the
    // light verb below its own object.
    for c in s.children[n].iter().copied() {
        if s.word(c).upos != "VERB" || !matches!(s.rel(c), "amod" | "acl") {
            continue;
        }
        let cl = s.lemma(c);
        let light = words.give.contains(cl)
            || words.receive.contains(cl)
            || (kind == ClaimType::Charge && words.face.contains(cl));
        if !light {
            continue;
        }
        if let Some(a) = s.kid(c, "nsubj:pass").or_else(|| s.kid(c, "nsubj")) {
            out.push(s.antecedent(a, c));
        } else if c > 0 && matches!(s.lemma(c - 1).as_str(), "despite" | "after" | "while") {
            out.extend(clause_subject(s, n));
        }
    }
    let Some(g) = s.head(n) else { return out };
    let gl = s.lemma(g);
    let rel = s.rel(n);
    // "were given sentences" with the noun read as the verb's predicate (`xcomp`, as the
    // BiLSTM retrained in session 37 does) is its object all the same.
    let object = matches!(rel, "obj" | "iobj" | "obl" | "nsubj:pass")
        || rel == "xcomp" && s.word(n).upos == "NOUN";
    let receives = match kind {
        ClaimType::Charge => words.face.contains(gl) || words.receive.contains(gl),
        _ => words.receive.contains(gl),
    };
    if receives && object {
        // "X received a life sentence", "X, serving a 20-year term", "X faces charges".
        let subj = s.kid(g, "nsubj").or_else(|| s.kid(g, "nsubj:pass"));
        match subj {
            Some(a) => out.push(s.antecedent(a, g)),
            // "X, serving a 20-year term": the participle modifies X.
            None if s.rel(g).starts_with("acl") => out.extend(s.head(g)),
            // "X is jailed and facing charges", "Despite facing charges, X fled": the
            // subject of the verb it is joined to or subordinate to.
            // "X, who resigned in May and is now jailed and facing charges": up a chain of
            // conjuncts to the first that has one.
            None if matches!(s.rel(g), "conj" | "advcl") => {
                let mut h = s.head(g);
                for _ in 0..3 {
                    let Some(v) = h else { break };
                    if let Some(a) = s.kid(v, "nsubj").or_else(|| s.kid(v, "nsubj:pass")) {
                        out.push(s.antecedent(a, v));
                        break;
                    }
                    if s.rel(v) != "conj" {
                        break;
                    }
                    h = s.head(v);
                }
            }
            None => {}
        }
    }
    if words.give.contains(gl) && object {
        // "was handed a 15-year term", "handed X a sentence", "filed charges against X",
        // "imposed a sentence on X".
        out.extend(s.kid(g, "iobj"));
        if rel != "nsubj:pass"
            && let Some(a) = s.kid(g, "nsubj:pass")
        {
            out.push(s.antecedent(a, g));
        }
        if s.rel(g).starts_with("acl") && s.passive(g) && s.kid(g, "nsubj:pass").is_none() {
            out.extend(s.head(g));
        }
        out.extend(
            s.kids(g, "obl")
                .filter(|&m| matches!(s.case(m).as_deref(), Some("against" | "on" | "to"))),
        );
    }
    out
}

/// The "against" a few words after a charge noun, in its own clause.
fn against_at(s: &Parse<'_>, n: usize) -> Option<usize> {
    let end = (n + 8).min(s.len);
    (n + 1..end)
        .take_while(|&w| !matches!(s.word(w).upos.as_str(), "VERB" | "PUNCT"))
        .find(|&w| s.lemma(w) == "against")
}

/// The subject of the main clause a word sits in: "Despite facing charges, X fled".
fn clause_subject(s: &Parse<'_>, n: usize) -> Option<usize> {
    let mut w = n;
    for _ in 0..4 {
        let h = s.head(w)?;
        if s.word(h).upos == "VERB" {
            let a = s.kid(h, "nsubj").or_else(|| s.kid(h, "nsubj:pass"))?;
            return (a != w).then(|| s.antecedent(a, h));
        }
        w = h;
    }
    None
}

/// "charges of treason against opposition leader X", read off the words where the parser
/// hangs "against" elsewhere: the first person named within a few words after "against",
/// in the noun's own clause (no verb or punctuation between).
fn surface_against(s: &Parse<'_>, n: usize) -> Option<usize> {
    let at = against_at(s, n)?;
    (at + 1..(at + 5).min(s.len))
        .take_while(|&w| !matches!(s.word(w).upos.as_str(), "VERB" | "PUNCT"))
        .find(|&w| s.mention(w, &[crate::view::Kind::Per]).is_some())
}

/// The frame of a charge or verdict noun.
pub(super) fn judgement(
    lex: &Lexicon,
    s: &Parse<'_>,
    n: usize,
    kind: ClaimType,
    mut words: Vec<usize>,
    mut shared: Vec<(String, Arg)>,
) -> Vec<Found> {
    let lemma = s.lemma(n);
    // "a second term in office": a term is a sentence only with a prison or length word.
    if lex.words.needs_prison.contains(lemma) && !prison(lex, s, n) {
        return vec![];
    }
    let mut targets = Vec::new();
    for h in holders(lex, s, n, kind) {
        let found = s.mentions(h, PEOPLE);
        if !found.is_empty() {
            words.push(h);
        }
        targets.extend(found);
    }
    // "charges against A, a former chief, and B": every name of the list.
    if let Some(at) = against_at(s, n) {
        for m in s.surface_list(at + 1, &[crate::view::Kind::Per]) {
            if !targets.contains(&m) {
                targets.push(m);
            }
        }
    }
    targets.dedup();
    if targets.is_empty() {
        return vec![];
    }
    // What the charge or verdict is for: "charges of fraud", "a sentence for corruption".
    for m in s.kids(n, "nmod").collect::<Vec<_>>() {
        let case = s.case(m);
        let charges = match kind {
            ClaimType::Charge => matches!(case.as_deref(), Some("of" | "for" | "over")),
            _ => matches!(case.as_deref(), Some("for" | "over")),
        };
        if charges && s.mention(m, PEOPLE).is_none() {
            shared.push(("charges".into(), Arg::Text(s.phrase(m, true))));
        }
        // "the sentencing of X to 8 years"
        if kind == ClaimType::Verdict && case.as_deref() == Some("to") {
            shared.push(("sentence".into(), Arg::Text(s.phrase(m, true))));
        }
    }
    if kind == ClaimType::Verdict && lex.words.sentence_nouns.contains(lemma) {
        shared.push(("sentence".into(), Arg::Text(sentence_text(s, n))));
    }
    targets
        .into_iter()
        .map(|t| {
            let field = if matches!(kind, ClaimType::Charge | ClaimType::Verdict) {
                "defendant"
            } else {
                "person"
            };
            let mut args = vec![(field.to_string(), Arg::Mention(t))];
            args.extend(shared.iter().cloned());
            Found { kind, shape: "noun", predicate: n, args, words: words.clone() }
        })
        .collect()
}

/// Whether a term or sentence noun speaks of prison: "a 15-year prison term", "a life term".
fn prison(lex: &Lexicon, s: &Parse<'_>, n: usize) -> bool {
    let lo = s.children[n].iter().copied().min().unwrap_or(n).min(n);
    (lo..n).any(|w| {
        let l = s.lemma(w);
        lex.words.prison.iter().any(|p| l.contains(p.as_str())) || s.word(w).upos == "NUM"
    })
}

/// The sentence a verdict noun gives, without its article or what it is for: "20-year
/// prison sentence", "life sentence".
fn sentence_text(s: &Parse<'_>, n: usize) -> String {
    let mut lo = n;
    for c in s.children[n].iter().copied() {
        if c < n
            && !matches!(s.rel(c), "det" | "nmod:poss" | "case" | "punct")
            && s.word(c).upos != "VERB"
        {
            // The modifier's own subtree: "20 - year" in "a 20-year sentence".
            let mut stack = vec![c];
            while let Some(w) = stack.pop() {
                lo = lo.min(w);
                stack.extend(s.children[w].iter().copied());
            }
        }
    }
    let text = &s.doc.input.text[s.word(lo).span.start..s.word(n).span.end];
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One conviction per defendant and authority: "convicted" and "sentenced" said of the same
/// person by the same state, in one sentence or in a later recap, are one verdict (the first
/// told, the sentence where one sentence says both); appeals stay apart.
pub(super) fn one_verdict_each(claims: &mut Vec<Claim>, sentence_of: impl Fn(usize) -> usize) {
    // "X, serving a life sentence in Norvania, ..." and later "X was sentenced to life": a
    // charge or verdict with no authority on a defendant another of the same kind has one
    // for is that one's, told again.
    let legal = |c: &Claim| matches!(c.kind, ClaimType::Charge | ClaimType::Verdict);
    let mut known: HashMap<(ClaimType, String), String> = HashMap::new();
    for c in claims.iter().filter(|c| legal(c)) {
        if let (Some(d), Some(a)) = (c.field("defendant"), c.field("authority")) {
            known.entry((c.kind, d.to_lowercase())).or_insert_with(|| a.to_string());
        }
    }
    for c in claims.iter_mut().filter(|c| legal(c) && c.field("authority").is_none()) {
        let Some(d) = c.field("defendant").map(str::to_lowercase) else { continue };
        if let Some(a) = known.get(&(c.kind, d)) {
            c.fields.insert("authority".into(), serde_json::Value::from(a.clone()));
        }
    }
    let first_instance = |c: &Claim| {
        c.kind == ClaimType::Verdict
            && matches!(c.field("outcome"), Some("convicted" | "sentenced"))
            && c.field("defendant").is_some()
    };
    let mut keep: BTreeMap<String, usize> = BTreeMap::new();
    let mut moved: Vec<(usize, serde_json::Value)> = Vec::new();
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| first_instance(c)) {
        let rank =
            |c: &Claim| (sentence_of(c.evidence.start), c.field("outcome") != Some("sentenced"));
        let key = format!(
            "{}|{}",
            c.field("defendant").unwrap_or("").to_lowercase(),
            c.field("authority").unwrap_or("")
        );
        keep.entry(key)
            .and_modify(|k| {
                if rank(c) < rank(&claims[*k]) {
                    *k = i;
                }
            })
            .or_insert(i);
    }
    // The kept verdict takes the charges a dropped one of its key names ("found guilty of
    // fraud and jailed for five years": the term is kept, the charge is not lost).
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| first_instance(c)) {
        let key = format!(
            "{}|{}",
            c.field("defendant").unwrap_or("").to_lowercase(),
            c.field("authority").unwrap_or("")
        );
        let Some(&k) = keep.get(&key) else { continue };
        let same_sentence = sentence_of(c.evidence.start) == sentence_of(claims[k].evidence.start);
        if k == i || !same_sentence || claims[k].fields.get("charges").is_some_and(|v| !v.is_null())
        {
            continue;
        }
        if let Some(charges) = c.fields.get("charges").filter(|v| !v.is_null()).cloned() {
            moved.push((k, charges));
        }
    }
    for (k, charges) in moved {
        let slot = claims[k].fields.entry("charges".to_string()).or_insert(serde_json::Value::Null);
        if slot.is_null() {
            *slot = charges;
        }
    }
    let kept: HashSet<usize> = keep.into_values().collect();
    let mut i = 0;
    claims.retain(|c| {
        i += 1;
        !first_instance(c) || kept.contains(&(i - 1))
    });
}
