//! Allegations: what a person or body is accused of, and by whom. Three shapes: a verb of
//! accusing ("X accused Y of ...", "Y is accused of ...", "Y, accused of ...", "the U.S.
//! alleges that Y ..."), a clause or noun marked as alleged ("Y allegedly ordered ...",
//! "Y's alleged involvement in ..."), and the reason an authority gives for a sanction,
//! arrest or charge ("sanctioned Y for his role in ...").

use super::arguments::Parse;
use super::{Found, Lexicon};
use crate::ClaimType;
use crate::extract::Arg;
use crate::view::Kind;

/// Who can accuse: people and bodies, states included ("the U.S. accuses ...").
const ACCUSERS: &[Kind] =
    &[Kind::Per, Kind::Pro, Kind::Desc, Kind::Org, Kind::Misc, Kind::Nat, Kind::Loc];
/// Who can be accused: people and bodies, states included ("accused Iran of ...").
const ACCUSED: &[Kind] = &[Kind::Per, Kind::Pro, Kind::Org, Kind::Misc, Kind::Nat, Kind::Loc];

/// The allegations a word heads.
pub(super) fn at(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<Found> {
    let lemma = s.lemma(p);
    let upos = s.word(p).upos.as_str();
    if matches!(upos, "VERB" | "ADJ") && lex.words.accusing.contains(&lemma) {
        return accusing(s, p);
    }
    if matches!(upos, "VERB" | "AUX")
        && s.children[p]
            .iter()
            .any(|&c| s.rel(c) == "advmod" && lex.words.alleged.contains(&s.lemma(c)))
    {
        // "Y allegedly ordered the attack": the subject of the marked clause.
        let Some(subj) = s.kid(p, "nsubj").or_else(|| s.kid(p, "nsubj:pass")) else {
            return vec![];
        };
        let subj = s.antecedent(subj, p);
        let act = clause(s, p, lex);
        return allegations(p, s.mentions(subj, ACCUSED), None, act, "verb", vec![p, subj]);
    }
    if upos == "NOUN"
        && s.children[p].iter().any(|&c| s.rel(c) == "amod" && s.lemma(c) == "alleged")
    {
        // "Y's alleged involvement in ...", "Y is an alleged member of ...".
        let Some(who) = s.kid(p, "nmod:poss").or_else(|| s.kid(p, "nsubj")) else {
            return vec![];
        };
        let act = Some(s.phrase(p, false))
            .map(|t| t.split_once("alleged ").map(|(_, a)| a.to_string()).unwrap_or(t));
        return allegations(p, s.mentions(who, ACCUSED), None, act, "noun", vec![p, who]);
    }
    vec![]
}

/// "accuse", "allege", "suspect" in any voice.
fn accusing(s: &Parse<'_>, p: usize) -> Vec<Found> {
    let clause_kid = s.kid(p, "ccomp").or_else(|| s.kid(p, "xcomp"));
    let act_kid = s
        .kids(p, "obl")
        .chain(s.kids(p, "advcl"))
        .find(|&o| {
            let marks = s.children[o].iter().filter(|&&c| matches!(s.rel(c), "case" | "mark"));
            marks.map(|&c| s.lemma(c)).any(|l| l == "of" || l == "for")
        })
        .or(clause_kid);
    let (accused, accuser) = if s.passive(p) {
        (s.patient(p), s.agent(p))
    } else {
        // "the U.S. alleges that Y was tasked with ...": the subject of the clause.
        let obj = s.kid(p, "obj").or_else(|| {
            let c = s.kid(p, "ccomp")?;
            s.kid(c, "nsubj").or_else(|| s.kid(c, "nsubj:pass"))
        });
        let subj = s.kid(p, "nsubj").map(|a| s.antecedent(a, p));
        match obj {
            Some(o) => (Some(s.antecedent(o, p)), subj),
            // "Y, a colonel accused of ...", taken for an active verb: no object, so the
            // subject is the one accused.
            None if act_kid.is_some() => (subj, None),
            None => (None, None),
        }
    };
    let Some(accused) = accused else { return vec![] };
    // "accused Y of torturing ...": the parser often hangs the act on Y.
    let act_kid = act_kid.or_else(|| {
        s.kids(accused, "nmod").find(|&o| matches!(s.case(o).as_deref(), Some("of" | "for")))
    });
    // A bare "Y was accused" says nothing of what; the rules need an act.
    let Some(act) = act_kid.map(|o| bare(&s.phrase(o, true))) else { return vec![] };
    let act = Some(act);
    let accuser = accuser.and_then(|a| s.mention(a, ACCUSERS).or_else(|| s.body(a)));
    let mut words = vec![p, accused];
    words.extend(act_kid);
    allegations(p, s.mentions(accused, ACCUSED), accuser, act, "verb", words)
}

/// The reason an authority gives for a sanction, arrest, warrant or charge: "for their
/// involvement in ...", "for his role in ...", "in connection with accusations that ...";
/// each target is accused by the authority.
pub(super) fn reason(lex: &Lexicon, s: &Parse<'_>, found: &Found) -> Vec<Found> {
    if !matches!(
        found.kind,
        ClaimType::Sanction | ClaimType::Arrest | ClaimType::Warrant | ClaimType::Charge
    ) {
        return vec![];
    }
    let p = found.predicate;
    let is_reason = |w: usize| lex.words.reasons.contains(&s.lemma(w));
    let reason = s.children[p].iter().copied().find_map(|o| {
        if !(s.rel(o).starts_with("obl") || s.rel(o).starts_with("nmod")) {
            return None;
        }
        if is_reason(o) && matches!(s.case(o).as_deref(), Some("for" | "over")) {
            return Some(o);
        }
        // "in connection with accusations that ..."
        (s.lemma(o) == "connection").then(|| s.kids(o, "nmod").find(|&n| is_reason(n))).flatten()
    });
    let Some(r) = reason else { return vec![] };
    let accuser = found.args.iter().find(|(f, _)| f == "authority").map(|(_, a)| a.clone());
    found
        .args
        .iter()
        .filter(|(f, _)| matches!(f.as_str(), "target" | "person" | "defendant"))
        .map(|(_, t)| {
            let mut args = vec![
                ("accused".to_string(), t.clone()),
                ("act".to_string(), Arg::Text(bare(&s.phrase(r, true)))),
            ];
            args.extend(accuser.clone().map(|a| ("accuser".to_string(), a)));
            let mut words = found.words.clone();
            words.push(r);
            Found { kind: ClaimType::Allegation, shape: "reason", predicate: p, args, words }
        })
        .collect()
}

/// One allegation per accused, with the shared accuser and act.
fn allegations(
    p: usize,
    accused: Vec<usize>,
    accuser: Option<usize>,
    act: Option<String>,
    shape: &'static str,
    words: Vec<usize>,
) -> Vec<Found> {
    accused
        .into_iter()
        .filter(|&m| Some(m) != accuser)
        .map(|m| {
            let mut args = vec![("accused".to_string(), Arg::Mention(m))];
            args.extend(accuser.map(|a| ("accuser".to_string(), Arg::Mention(a))));
            args.extend(act.clone().map(|a| ("act".to_string(), Arg::Text(a))));
            Found { kind: ClaimType::Allegation, shape, predicate: p, args, words: words.clone() }
        })
        .collect()
}

/// A clause's text without its subject, punctuation, conjunctions and the "allegedly" that
/// marks it: "ordered the attack".
fn clause(s: &Parse<'_>, p: usize, lex: &Lexicon) -> Option<String> {
    let mut words = vec![p];
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        for &c in &s.children[w] {
            let r = s.rel(c);
            let top = w == p
                && (r.starts_with("nsubj")
                    || matches!(r, "cc" | "mark" | "conj" | "parataxis")
                    || lex.words.alleged.contains(&s.lemma(c)));
            if !top && r != "punct" {
                words.push(c);
            }
        }
        k += 1;
    }
    let lo = *words.iter().min()?;
    let hi = *words.iter().max()?;
    let text = &s.doc.input.text[s.word(lo).span.start..s.word(hi).span.end];
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An act without the word that introduces it: "of torturing" is "torturing".
fn bare(text: &str) -> String {
    for lead in ["of ", "for ", "that ", "to "] {
        if let Some(rest) = text.strip_prefix(lead) {
            return rest.to_string();
        }
    }
    text.to_string()
}
