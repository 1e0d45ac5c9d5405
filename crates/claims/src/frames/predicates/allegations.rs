//! Allegations: what a person or body is accused of, and by whom. Three shapes: a verb of
//! accusing ("X accused Y of ...", "Y is accused of ...", "Y, accused of ...", "the U.S.
//! alleges that Y ..."), a clause or noun marked as alleged ("Y allegedly ordered ...",
//! "Y's alleged involvement in ..."), and the reason an authority gives for a sanction,
//! arrest or charge ("sanctioned Y for his role in ...").

use super::arguments::Parse;
use super::culpable::{accuser_of, culpable, reporter_of};
use super::{Found, Lexicon};
use crate::ClaimType;
use crate::extract::Arg;
use crate::view::Kind;

/// Who can accuse: people and bodies, states included ("the U.S. accuses ...").
pub(super) const ACCUSERS: &[Kind] =
    &[Kind::Per, Kind::Pro, Kind::Desc, Kind::Org, Kind::Misc, Kind::Nat, Kind::Loc];
/// Who can be accused: people and bodies, states included ("accused Iran of ...").
pub(super) const ACCUSED: &[Kind] =
    &[Kind::Per, Kind::Pro, Kind::Org, Kind::Misc, Kind::Nat, Kind::Loc];

/// The allegations a word heads.
pub(super) fn at(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<Found> {
    let lemma = s.lemma(p);
    let upos = s.word(p).upos.as_str();
    if matches!(upos, "VERB" | "ADJ") && lex.words.accusing.contains(lemma) {
        return accusing(lex, s, p);
    }
    if let Some(found) = culpable(lex, s, p) {
        return found;
    }
    if matches!(upos, "VERB" | "AUX")
        && s.children[p]
            .iter()
            .any(|&c| s.rel(c) == "advmod" && lex.words.alleged.contains(s.lemma(c)))
    {
        // "Y allegedly ordered the attack": the subject of the marked clause.
        let Some(subj) = s.kid(p, "nsubj").or_else(|| s.kid(p, "nsubj:pass")) else {
            return vec![];
        };
        let subj = s.antecedent(subj, p);
        let act = clause(s, p, lex);
        return allegations(s, p, s.mentions(subj, ACCUSED), None, act, "verb", vec![p, subj]);
    }
    if upos == "NOUN" && lex.words.criminals.contains(lemma) {
        return criminal(lex, s, p);
    }
    if upos == "NOUN" && lex.words.accusation_nouns.contains(lemma) {
        return accusation_noun(s, p);
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
        return allegations(s, p, s.mentions(who, ACCUSED), None, act, "noun", vec![p, who]);
    }
    vec![]
}

/// "accuse", "allege", "suspect" in any voice.
fn accusing(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<Found> {
    let clause_kid = s.kid(p, "ccomp").or_else(|| s.kid(p, "xcomp"));
    let act_kid = s
        .kids(p, "obl")
        .chain(s.kids(p, "advcl"))
        .find(|&o| {
            let marks = s.children[o].iter().filter(|&&c| matches!(s.rel(c), "case" | "mark"));
            marks.map(|&c| s.lemma(c)).any(|l| matches!(l.as_str(), "of" | "for" | "in"))
        })
        .or(clause_kid);
    let (accused, accuser) = if let Some(a) = participle_subject(s, p) {
        // "X, held since 2022 accused of espionage", "X was the regime's enforcer, accused
        // of ...": a bare participle says it of the clause's subject.
        (Some(a), None)
    } else if s.passive(p) && s.kid(p, "nsubj:pass").is_none() && s.rel(p) == "conj" {
        // "X ruled with an iron fist and was accused of ...": the first conjunct's subject.
        let h = s.head(p);
        let subj = h.and_then(|h| s.kid(h, "nsubj").or_else(|| s.kid(h, "nsubj:pass")));
        (subj.map(|a| s.antecedent(a, h.unwrap_or(p))), s.agent(p))
    } else if s.passive(p) {
        (s.patient(p), s.agent(p))
    } else {
        // "the U.S. alleges that Y was tasked with ...": the subject of the clause.
        let obj = s
            .kid(p, "obj")
            .or_else(|| s.object_of_participle(p))
            .or_else(|| {
                let c = s.kid(p, "ccomp")?;
                s.kid(c, "nsubj").or_else(|| s.kid(c, "nsubj:pass"))
            })
            .or_else(|| {
                // "X accuses Y of seeking ...", parsed with Y the subject of "seeking".
                let a = act_kid.filter(|&a| s.rel(a) == "advcl")?;
                s.kid(a, "nsubj").filter(|&y| y > p)
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
    // "X ruled with an iron fist and was accused of ...", parsed with no subject at all:
    // the verb stands in, and the person named nearest before it is the one accused.
    let no_subject = accused.is_none() && s.passive(p) && act_kid.is_some();
    let Some(accused) = accused.or(no_subject.then_some(p)) else { return vec![] };
    // "accused Y of torturing ...": the parser often hangs the act on Y.
    let act_kid = act_kid.or_else(|| {
        s.kids(accused, "nmod").find(|&o| matches!(s.case(o).as_deref(), Some("of" | "for")))
    });
    // "accuses Y of seeking ..." (the clause hung on Y), "accused Y on Oct. 11 of
    // sponsoring ..." (hung on the date): a clause marked "of" below Y or below a phrase of
    // the verb, after Y.
    let act_kid = act_kid.or_else(|| {
        let marked_of = |w: usize| {
            s.children[w].iter().any(|&c| matches!(s.rel(c), "mark" | "case") && s.lemma(c) == "of")
        };
        std::iter::once(accused)
            .chain(s.kids(p, "obl"))
            .flat_map(|h| s.children[h].iter().copied())
            .find(|&w| w > accused && matches!(s.rel(w), "acl" | "advcl") && marked_of(w))
    });
    // "the government of A and B of carrying out ...": the parser hangs the act anywhere.
    let governed = GOVERNED.contains(&s.lemma(accused).as_str())
        && accused + 1 < s.len
        && s.lemma(accused + 1) == "of";
    let act_kid = act_kid.or_else(|| {
        governed
            .then(|| {
                (accused + 2..s.len).find(|&w| {
                    s.word(w).upos == "VERB" && s.kids(w, "mark").any(|m| s.lemma(m) == "of")
                })
            })
            .flatten()
    });
    // A bare "Y was accused" says nothing of what; the rules need an act.
    let Some(act) = act_kid.map(|o| bare(&s.phrase(o, true))) else { return vec![] };
    let act = Some(act);
    let accuser = accuser.and_then(|a| s.mention(a, ACCUSERS).or_else(|| s.body(a)));
    let mut words = vec![p, accused];
    words.extend(act_kid);
    let mut who = if no_subject { vec![] } else { s.mentions(accused, ACCUSED) };
    // "The three are accused of ...": the people named just before.
    if who.is_empty() && !no_subject {
        who = super::groups::members(lex, s, accused);
    }
    // "X, a wanted fugitive accused of ...", "X ruled with an iron fist and was accused
    // of ...": where the parse names no one, the participle speaks of the person named
    // nearest before it.
    if who.is_empty() && s.kid(p, "obj").is_none() {
        who.extend(person_before(s, p));
    }
    // "accused the government of A and his wife B of ...": a body named by its leaders
    // stands for them.
    if who.is_empty() && governed {
        who.extend(s.surface_list(accused + 2, &[Kind::Per]));
    }
    if who.is_empty() && GOVERNED.contains(&s.lemma(accused).as_str()) {
        for o in s.kids(accused, "nmod").collect::<Vec<_>>() {
            if s.case(o).as_deref() == Some("of") && Some(o) != act_kid {
                words.push(o);
                who.extend(s.mentions(o, &[Kind::Per]));
            }
        }
    }
    allegations(s, p, who, accuser, act, "verb", words)
}

/// Bodies a text names by the people who lead them ("the government of X", "the regime of
/// X", "the administration of X").
const GOVERNED: &[&str] = &["government", "regime", "administration", "junta", "cabinet"];

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
    let is_reason = |w: usize| lex.words.reasons.contains(s.lemma(w));
    let reason = s.children[p].iter().copied().find_map(|o| {
        if !(s.rel(o).starts_with("obl") || s.rel(o).starts_with("nmod")) {
            return None;
        }
        // "for his role in", "on suspicion of taking bribes"
        if is_reason(o) && matches!(s.case(o).as_deref(), Some("for" | "over" | "on")) {
            return Some(o);
        }
        // "in connection with accusations that ...", "in connection with the theft of ..."
        (s.lemma(o) == "connection")
            .then(|| s.kids(o, "nmod").find(|&n| is_reason(n) || crime(lex, s, n)))
            .flatten()
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
pub(super) fn allegations(
    s: &Parse<'_>,
    p: usize,
    accused: Vec<usize>,
    accuser: Option<usize>,
    act: Option<String>,
    shape: &'static str,
    words: Vec<usize>,
) -> Vec<Found> {
    // "X, a U.S. resident, ...": where a person is named, the bodies in the phrase are
    // their descriptions, not others accused.
    let person = |m: &usize| matches!(s.doc.view.mentions[*m].kind, Kind::Per | Kind::Pro);
    let people = accused.iter().any(person);
    accused
        .into_iter()
        .filter(|m| !people || person(m))
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
pub(super) fn clause(s: &Parse<'_>, p: usize, lex: &Lexicon) -> Option<String> {
    let mut words = vec![p];
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        for &c in &s.children[w] {
            let r = s.rel(c);
            let top = w == p
                && (r.starts_with("nsubj")
                    || matches!(r, "cc" | "mark" | "conj" | "parataxis")
                    || lex.words.alleged.contains(s.lemma(c)));
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
    for lead in ["suspicion of ", "of ", "for ", "that ", "to "] {
        if let Some(rest) = text.strip_prefix(lead) {
            return rest.to_string();
        }
    }
    text.to_string()
}

/// The one a bare participle ("accused of ...", no subject or auxiliary of its own) speaks
/// of: the subject of the clause it hangs off, or of the nominal it modifies when that is a
/// predicate ("X was the chief enforcer, accused of ...").
fn participle_subject(s: &Parse<'_>, p: usize) -> Option<usize> {
    if s.kid(p, "nsubj").is_some()
        || s.kid(p, "nsubj:pass").is_some()
        || s.kid(p, "aux").is_some()
        || s.kid(p, "aux:pass").is_some()
        || s.kid(p, "obj").is_some()
    {
        return None;
    }
    let h = s.head(p)?;
    let subject =
        |v: usize| s.kid(v, "nsubj").or_else(|| s.kid(v, "nsubj:pass")).map(|a| s.antecedent(a, v));
    // "sanctioned five officials Thursday, accused of ...": a participle after the
    // object and a comma speaks of the people the object names.
    let object = s.kid(h, "obj").filter(|&o| {
        o < p
            && p > 0
            && s.lemma(p - 1) == ","
            && (s.mention(o, super::PEOPLE).is_some()
                || super::LEXICON.words.group_nouns.contains(s.lemma(o)))
    });
    // "sanctions leaders of militias accused of firing on protesters": a participle right
    // after the object's phrase, no comma between, speaks of that phrase, named or not.
    let next_to_object = s.kid(h, "obj").filter(|&o| {
        o < p && (o + 1..p).all(|w| s.word(w).upos != "PUNCT" && governed_by(s, w, o))
    });
    match s.rel(p) {
        "advcl" if next_to_object.is_some() => next_to_object,
        "advcl" | "conj" => object.or_else(|| subject(h)),
        // A modifier of a named noun is handled as a passive; one of a predicate nominal
        // speaks of the copula's subject.
        "acl" | "amod" if s.kid(h, "cop").is_some() && s.mention(h, super::PEOPLE).is_none() => {
            subject(h)
        }
        _ => None,
    }
}

/// Whether a word lies in the phrase of another (its head chain reaches it).
pub(super) fn governed_by(s: &Parse<'_>, w: usize, top: usize) -> bool {
    let mut at = Some(w);
    for _ in 0..s.len {
        match at {
            Some(x) if x == top => return true,
            Some(x) => at = s.head(x),
            None => return false,
        }
    }
    false
}

/// "X denied any accusations of fraud", "X's accusations of ...", "X faces allegations of
/// ...": the accusation noun's "of" phrase is the act; the one accused is its possessor or
/// the subject of the verb it is the object of.
fn accusation_noun(s: &Parse<'_>, p: usize) -> Vec<Found> {
    let Some(act) = s.kids(p, "nmod").find(|&o| s.case(o).as_deref() == Some("of")) else {
        return vec![];
    };
    let who = s.kid(p, "nmod:poss").or_else(|| {
        let h = s.head(p).filter(|_| s.rel(p) == "obj")?;
        s.kid(h, "nsubj").map(|a| s.antecedent(a, h))
    });
    let Some(who) = who else { return vec![] };
    let accused = s.mentions(who, ACCUSED);
    let act_text = bare(&s.phrase(act, true));
    allegations(s, p, accused, None, Some(act_text), "noun", vec![p, who, act])
}

/// The verb that denies an accusation noun or clause ("X denied the accusations of ..."),
/// and who denies it.
pub(super) fn denied_by(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Option<Option<usize>> {
    let h = s.head(p)?;
    if !matches!(s.rel(p), "obj" | "ccomp") || !lex.words.denial.contains(s.lemma(h)) {
        return None;
    }
    Some(s.kid(h, "nsubj").map(|a| s.antecedent(a, h)).and_then(|a| s.mention(a, super::PEOPLE)))
}

/// Whether a word's phrase names a crime ("the killing of", "widespread attacks").
pub(super) fn crime(lex: &Lexicon, s: &Parse<'_>, w: usize) -> bool {
    let mut stack = vec![w];
    let mut seen = 0;
    while let Some(x) = stack.pop() {
        seen += 1;
        if seen > 12 {
            break;
        }
        let l = s.lemma(x);
        if lex.words.crimes.iter().any(|c| l.starts_with(c.as_str())) {
            return true;
        }
        stack.extend(s.children[x].iter().copied().filter(|&c| !s.rel(c).starts_with("acl")));
    }
    false
}

/// Whether the sentence speaks of an accusation at all (a reporting or accusing word), so
/// that "responsible for" is guilt, not a portfolio ("responsible for the budget").
pub(super) fn alleged_context(lex: &Lexicon, s: &Parse<'_>) -> bool {
    (0..s.len).any(|w| {
        let l = s.lemma(w);
        lex.words.reporting.contains(l)
            || lex.words.accusing.contains(l)
            || lex.words.alleged.contains(l)
            || l == "according"
            || l.starts_with("accus")
            || l.starts_with("alleg")
    })
}

/// The person named nearest before a participle of accusing ("accused", "suspected"),
/// possessors ("Brenning's chief enforcer") left out; none where the verb is not a
/// participle or a body is its subject (then it accuses).
fn person_before(s: &Parse<'_>, p: usize) -> Option<usize> {
    let text = &s.doc.input.text[s.word(p).span.clone()];
    if !text.ends_with("ed") {
        return None;
    }
    if s.kid(p, "nsubj").is_some_and(|a| s.mention(a, ACCUSERS).is_some()) {
        return None;
    }
    let at = s.word(p).span.start;
    let lo = s.word(p.saturating_sub(25)).span.start;
    let mentions = s.doc.view.sentences[s.sentence].mentions.iter().copied();
    mentions.rev().find(|&m| {
        let mm = &s.doc.view.mentions[m];
        !mm.hidden
            && mm.kind == Kind::Per
            && mm.span.end <= at
            && mm.span.start >= lo
            && !super::nouns::possessor(s, m)
    })
}

/// "the notorious drug dealer X", "X, who is considered one of the biggest war criminals",
/// "X is a known arms smuggler": a noun that names a criminal, said of a named person, is
/// an allegation against them. Nouns that need a modifier to be criminal ("dealer") take
/// it from `criminal_goods` ("drug dealer", "arms dealer").
fn criminal(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<Found> {
    let lemma = s.lemma(p);
    let goods = s
        .kids(p, "compound")
        .chain(s.kids(p, "amod"))
        .any(|c| lex.words.criminal_goods.contains(s.lemma(c)));
    if lex.words.criminals_with_goods.contains(lemma) && !goods {
        return vec![];
    }
    // "a former drug dealer", "victims of drug traffickers": no one named is accused.
    if s.children[p].iter().any(|&c| matches!(s.lemma(c).as_str(), "former" | "ex" | "reformed")) {
        return vec![];
    }
    // The phrase the noun heads: up the conjuncts ("drug dealers and war criminals") and
    // "one of the biggest ...".
    let mut n = p;
    for _ in 0..3 {
        match s.head(n) {
            Some(h) if s.rel(n) == "conj" => n = h,
            Some(h) if s.rel(n) == "nmod" && s.lemma(h) == "one" => n = h,
            _ => break,
        }
    }
    let mut who: Vec<usize> = Vec::new();
    let add = |w: usize, who: &mut Vec<usize>| {
        for m in s.mentions(w, &[Kind::Per]) {
            if !who.contains(&m) {
                who.push(m);
            }
        }
    };
    // "the drug dealer X" (the name in apposition, flat or as the head).
    for c in s.kids(p, "appos").chain(s.kids(p, "flat")) {
        add(c, &mut who);
    }
    if s.rel(p) == "compound"
        && let Some(h) = s.head(p)
        && s.mention(h, &[Kind::Per]).is_some()
    {
        add(h, &mut who);
    }
    if s.rel(n) == "appos"
        && let Some(h) = s.head(n)
        && s.mention(h, &[Kind::Per]).is_some()
    {
        add(h, &mut who);
    }
    // "X is a drug dealer": the copula's subject.
    if s.kid(n, "cop").is_some()
        && let Some(a) = s.kid(n, "nsubj")
    {
        add(s.antecedent(a, n), &mut who);
    }
    // "X is considered / described as / branded one of the biggest drug dealers".
    let as_phrase = s.rel(n) == "obl" && s.case(n).as_deref() == Some("as");
    if (s.rel(n) == "xcomp" || as_phrase)
        && let Some(v) = s.head(n)
        && s.word(v).upos == "VERB"
        && let Some(a) = s.kid(v, "nsubj:pass").or_else(|| s.kid(v, "obj").filter(|&o| o != n))
    {
        add(s.antecedent(a, v), &mut who);
    }
    if who.is_empty() {
        return vec![];
    }
    let reporter = reporter_of(lex, s, p);
    let accuser = reporter.and_then(|v| accuser_of(s, v));
    let act = Some(s.doc.input.text[s.word(p).span.clone()].to_string()).map(|w| {
        let lo = s.children[p]
            .iter()
            .copied()
            .filter(|&c| matches!(s.rel(c), "compound" | "amod") && c < p)
            .min()
            .unwrap_or(p);
        let text = &s.doc.input.text[s.word(lo).span.start..s.word(p).span.end];
        if text.is_empty() { w } else { text.to_string() }
    });
    allegations(s, p, who, accuser, act, "noun", vec![p, n])
}
