//! Nominal predicates: "US sanctions on X", "an ICC warrant for X's arrest", "X's conviction".

use super::arguments::Parse;
use super::judgements::judgement;
use super::{Found, Frame, Lexicon, PEOPLE, TARGETS, per_target};
use crate::ClaimType;
use crate::extract::Arg;
use crate::view::Kind;

/// The possessor or "of" modifier of a noun: "X's conviction", "the arrest of X".
pub(super) fn owner(s: &Parse<'_>, n: usize) -> Option<usize> {
    s.kid(n, "nmod:poss")
        .or_else(|| s.kids(n, "nmod").find(|&m| matches!(s.case(m).as_deref(), Some("of"))))
}

pub(super) fn noun_frame(lex: &Lexicon, s: &Parse<'_>, n: usize, frame: &Frame) -> Vec<Found> {
    let kind = frame.kind;
    let gov = s.head(n);
    // "upheld the conviction of X": the verb's frame says what the court decided.
    if kind == ClaimType::Verdict
        && let Some(g) = gov
        && s.rel(n) == "obj"
        && lex.verbs.get(s.lemma(g)).is_some_and(|f| f.kind == ClaimType::Verdict)
    {
        return vec![];
    }
    let mut words = vec![n];
    let mut shared = Vec::new();
    let authority = noun_authority(s, n);
    if let Some(b) = authority {
        words.push(b_word(s, b).unwrap_or(n));
        shared.push(("authority".to_string(), Arg::Mention(b)));
    }
    let mut targets: Vec<usize> = Vec::new();
    match kind {
        ClaimType::Sanction | ClaimType::Warrant => {
            let case_ok = |w: usize| s.case(w).is_some_and(|c| lex.words.target_case.contains(&c));
            let mut holders: Vec<usize> =
                s.kids(n, "nmod").chain(s.kids(n, "obl")).filter(|&m| case_ok(m)).collect();
            // "the warrant issued for X"
            for a in s.kids(n, "acl").chain(s.kids(n, "xcomp")).collect::<Vec<_>>() {
                holders.extend(s.kids(a, "obl").filter(|&m| case_ok(m)));
            }
            if kind == ClaimType::Warrant {
                // "asked the court to issue a warrant for X": sought, not issued.
                let mut up = gov;
                for _ in 0..3 {
                    let Some(h) = up else { break };
                    if lex.words.sought.contains(s.lemma(h)) {
                        return vec![];
                    }
                    up = s.head(h);
                }
                holders.extend(surface_holder(s, n));
            }
            if let Some(g) = gov {
                if matches!(s.rel(n), "obj" | "nsubj:pass") {
                    holders.extend(s.kids(g, "obl").filter(|&m| case_ok(m)));
                    // "issued warrants for three officials, including A and B": the parser
                    // often hangs the list on the verb.
                    holders.extend(s.kids(g, "obl").filter(|&m| {
                        matches!(s.case(m).as_deref(), Some("include" | "including"))
                    }));
                }
                let gl = s.lemma(g);
                let put_under = lex.words.put_under.contains(gl)
                    && s.case(n).as_deref() == Some("under")
                    && s.rel(n) != "obj";
                if kind == ClaimType::Sanction && (lex.words.undergo.contains(gl) || put_under) {
                    // "Washington hit X with sanctions": the object, where the verb has one.
                    let obj = s.kid(g, "obj").filter(|&o| o != n);
                    // "X was among 14 officers placed under sanctions": the participle's noun
                    // stands for the copula's subject.
                    // The parser may make that noun the participle's subject instead.
                    let among = s
                        .head(g)
                        .filter(|_| s.rel(g) == "acl")
                        .or_else(|| s.kid(g, "nsubj").filter(|&h| s.word(h).upos == "NOUN"))
                        .filter(|&h| s.kid(h, "cop").is_some())
                        .and_then(|h| s.kid(h, "nsubj"));
                    holders.extend(
                        obj.or_else(|| s.kid(g, "nsubj:pass"))
                            .or(among)
                            .or_else(|| s.kid(g, "nsubj")),
                    );
                }
                if lex.words.include.contains(gl) && s.rel(n) == "nsubj" {
                    holders.extend(s.kid(g, "obj"));
                }
            }
            // "warrants for the chief of staff A, and former minister B": the parser
            // scatters a list of titled names; the words name them.
            if let Some(at) = (n + 1..(n + 3).min(s.len))
                .take_while(|&w| s.word(w).upos != "VERB" || s.lemma(w) == "issue")
                .find(|&w| case_ok(w) || lex.words.target_case.contains(s.lemma(w)))
                .filter(|&w| s.word(w).upos == "ADP")
            {
                for m in s.surface_list(at + 1, &[Kind::Per]) {
                    if !targets.contains(&m) && !possessor(s, m) {
                        targets.push(m);
                    }
                }
            }
            for h in holders {
                words.push(h);
                // "a warrant for X's arrest", "for the arrest of X"
                let h = if matches!(s.lemma(h).as_str(), "arrest" | "extradition" | "capture") {
                    match owner(s, h) {
                        Some(o) => o,
                        None => continue,
                    }
                } else {
                    h
                };
                let named = s.mentions(h, TARGETS);
                for &m in &named {
                    if !targets.contains(&m) && !possessor(s, m) && !in_apposition(s, m, h) {
                        targets.push(m);
                    }
                }
                // "All four individuals have been handed asset freezes": a group the sentences
                // before name.
                if named.is_empty() && kind == ClaimType::Sanction {
                    for m in super::groups::members(lex, s, h) {
                        if !targets.contains(&m) {
                            targets.push(m);
                        }
                    }
                }
            }
        }
        ClaimType::Meeting => {
            // "held talks with X", "a visit ... for talks with X": the one "with", and the
            // subject of the clause the noun sits in.
            let mut with: Vec<usize> =
                s.kids(n, "nmod").filter(|&m| s.case(m).as_deref() == Some("with")).collect();
            // "a meeting with Minister X": the parser may make "with" the head and X its
            // object.
            for w in s.kids(n, "nmod").filter(|&w| s.lemma(w) == "with").collect::<Vec<_>>() {
                with.extend(s.kids(w, "obj"));
            }
            // "held talks with his counterpart, X, on Monday": the parser may hang the "with"
            // phrase on the verb whose object the noun is.
            if let Some(g) = gov
                && s.rel(n) == "obj"
            {
                with.extend(s.kids(g, "obl").filter(|&m| s.case(m).as_deref() == Some("with")));
            }
            // "held talks with Y's predecessor, X": the parse may hang the name apposed to
            // the "with" noun on the verb; the name, not the noun's possessor or "of" phrase,
            // is the one met.
            if let Some(g) = gov {
                for w in &mut with {
                    if let Some(a) = s.misparsed_apposition(g, *w) {
                        *w = a;
                    }
                }
            }
            let mut parts: Vec<usize> = with.iter().flat_map(|&m| s.mentions(m, TARGETS)).collect();
            // "a meeting with Minister X and other officials": the parser may hang the name
            // below the common noun it is listed with.
            for &w in &with {
                for k in s.children[w]
                    .iter()
                    .copied()
                    .filter(|&k| matches!(s.rel(k), "nsubj" | "compound" | "nmod:desc" | "appos"))
                {
                    if let Some(m) = s.mention(k, &[Kind::Per])
                        && !parts.contains(&m)
                    {
                        parts.push(m);
                    }
                }
            }
            if parts.is_empty() {
                return vec![];
            }
            let mut up = gov;
            let mut hops = 0;
            while let Some(h) = up
                && hops < 4
            {
                // "Hours before his detention, X attended a meeting with Y": of the subjects
                // the parser may give a verb, the first that names someone.
                let named = s
                    .kids(h, "nsubj")
                    .map(|a| s.antecedent(a, h))
                    .find(|&a| !s.mentions(a, PEOPLE).is_empty())
                    .or_else(|| s.kid(h, "nsubj").map(|a| s.antecedent(a, h)));
                if let Some(subj) = named {
                    words.push(subj);
                    parts.extend(s.mentions(subj, PEOPLE));
                    break;
                }
                up = s.head(h);
                hops += 1;
            }
            parts.dedup();
            if parts.len() < 2 {
                return vec![];
            }
            // Where: an "in"/"at" place on the noun, the verb that governs it, or (where the
            // parser hung it there) the one met ("held talks with X in Y").
            let place = std::iter::once(n)
                .chain(gov)
                .chain(with.iter().copied())
                .flat_map(|h| s.kids(h, "nmod").chain(s.kids(h, "obl")).collect::<Vec<_>>())
                .filter(|&m| matches!(s.case(m).as_deref(), Some("in" | "at")))
                .find_map(|m| s.mention(m, &[Kind::Loc]));
            words.extend(with);
            let mut args: Vec<(String, Arg)> =
                parts.into_iter().map(|m| ("participants".to_string(), Arg::Mention(m))).collect();
            args.extend(shared);
            if let Some(place) = place {
                args.push(("place".into(), Arg::Mention(place)));
            }
            return vec![Found { kind, shape: "noun", predicate: n, args, words }];
        }
        ClaimType::Visit => {
            let place = s
                .kids(n, "nmod")
                .filter(|&m| matches!(s.case(m).as_deref(), Some("to" | "in")))
                .find_map(|m| s.mention(m, &[Kind::Loc]))
                .or_else(|| {
                    let g = gov?;
                    s.kids(g, "obl")
                        .filter(|&m| matches!(s.case(m).as_deref(), Some("to" | "in")))
                        .find_map(|m| s.mention(m, &[Kind::Loc]))
                });
            let Some(place) = place else { return vec![] };
            shared.push(("place".into(), Arg::Mention(place)));
            let who = s.kid(n, "nmod:poss").or_else(|| {
                let g = gov?;
                (s.rel(n) == "obj" && lex.words.make.contains(s.lemma(g)))
                    .then(|| s.kid(g, "nsubj"))
                    .flatten()
            });
            if let Some(w) = who {
                words.push(w);
                targets.extend(s.mentions(w, PEOPLE));
            }
        }
        ClaimType::Charge | ClaimType::Verdict => {
            // "indicted on charges of conspiracy": the verb's frame already says it.
            if let Some(g) = gov
                && s.word(g).upos == "VERB"
                && lex.verbs.get(s.lemma(g)).is_some_and(|f| f.kind == kind)
            {
                return vec![];
            }
            // "The court dismissed the charges against X": an acquittal.
            if kind == ClaimType::Charge
                && let Some(g) = gov
                && s.rel(n) == "obj"
                && lex.words.dismiss.contains(s.lemma(g))
                && s.agent(g).is_some_and(|a| {
                    lex.words.courts.contains(s.lemma(a))
                        || s.body(a)
                            .is_some_and(|b| s.doc.mention_text(b).to_lowercase().contains("court"))
                })
            {
                shared.push(("outcome".into(), Arg::Text("acquitted".into())));
                return judgement(lex, s, n, ClaimType::Verdict, words, shared);
            }
            return judgement(lex, s, n, kind, words, shared);
        }
        _ => {
            if kind == ClaimType::Arrest
                && let Some(g) = gov
                && (lex.words.not_arrest_under.contains(s.lemma(g))
                    // "issued a red notice for his arrest": the parser may hang the "for"
                    // phrase on the verb beside the notice.
                    || s.case(n).as_deref() == Some("for")
                        && s.kids(g, "obj").any(|o| lex.words.not_arrest_under.contains(s.lemma(o))))
            {
                return vec![];
            }
            if let Some(o) = owner(s, n) {
                words.push(o);
                targets.extend(s.mentions(o, PEOPLE));
            }
            if kind == ClaimType::Arrest && targets.is_empty() {
                targets.extend(
                    custody_holder(lex, s, n)
                        .map(|h| {
                            words.push(h);
                            s.mentions(h, PEOPLE)
                        })
                        .unwrap_or_default(),
                );
            }
        }
    }
    per_target(kind, n, targets, shared, words, "noun")
}

/// Common nouns that count bodies ("three entities", "two firms"): a list apposed to them names
/// the bodies themselves.
const BODY_NOUNS: &[&str] = &[
    "entity",
    "company",
    "firm",
    "business",
    "organisation",
    "organization",
    "institution",
    "enterprise",
    "bank",
    "body",
];

/// Whether a body's mention lies in the apposition of a listed name ("X, the Party
/// Secretary of Y, and Z"): the body names a post's organisation, not a target.
fn in_apposition(s: &Parse<'_>, m: usize, top: usize) -> bool {
    if PEOPLE.contains(&s.doc.view.mentions[m].kind) {
        return false;
    }
    let Some(mut w) = b_word(s, m) else { return false };
    for _ in 0..6 {
        if w == top {
            return false;
        }
        if s.rel(w) == "appos" {
            // "three entities, A Co, B Ltd and C, are sanctioned": bodies apposed to a noun
            // that counts bodies are the list of them.
            let counted =
                s.head(w).is_some_and(|h| h == top && BODY_NOUNS.contains(&s.lemma(h).as_str()));
            return !counted;
        }
        match s.head(w) {
            Some(h) => w = h,
            None => return false,
        }
    }
    false
}

/// Whether a mention is a possessor ("A's brother, B"): it names whose, not whom.
pub(super) fn possessor(s: &Parse<'_>, m: usize) -> bool {
    let mention = &s.doc.view.mentions[m];
    let end = mention.span.end;
    let rest = s.doc.input.text.get(end..).unwrap_or("");
    // "a warrant for his son, X": a possessive pronoun is a possessor as "X's" is ("her"
    // only before a noun: "sanctioned her" is the person).
    let possessive_pronoun = mention.kind == Kind::Pro
        && match mention.value.as_deref() {
            Some("his" | "their") => true,
            Some("her") => (0..s.len).find(|&i| s.word(i).span.start >= end).is_some_and(|i| {
                matches!(s.word(i).upos.as_str(), "NOUN" | "ADJ" | "PROPN" | "NUM")
            }),
            _ => false,
        };
    possessive_pronoun || rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// The word a mention starts at, for the span of a candidate.
pub(super) fn b_word(s: &Parse<'_>, m: usize) -> Option<usize> {
    let start = s.doc.view.mentions[m].span.start;
    (0..s.len).find(|&i| s.word(i).span.start >= start)
}

/// Who imposes, issues or brings a nominal predicate: the noun's own modifiers ("US
/// sanctions", "an ICC warrant"), a "by" phrase, or the agent of the verb that governs it.
pub(super) fn noun_authority(s: &Parse<'_>, n: usize) -> Option<usize> {
    let gov = s.head(n);
    let mut authority = None;
    for c in s.children[n].iter().copied() {
        let r = s.rel(c);
        let by = s.case(c).as_deref() == Some("by");
        // A participle the parser hung below the noun ("were given prison sentences")
        // is no modifier that names a body.
        let verb = s.word(c).upos == "VERB";
        if ((matches!(r, "amod" | "compound" | "nmod:poss") && !verb)
            || (r.starts_with("nmod") && by))
            && let Some(b) = s.body(c).filter(|&b| !PEOPLE.contains(&s.doc.view.mentions[b].kind))
        {
            authority = Some(b);
            break;
        }
        // "a warrant issued by X"
        if r == "acl"
            && let Some(a) = s.agent(c)
            && let Some(b) = s.body(s.reporter(a, &super::LEXICON.words.reporting))
        {
            authority = Some(b);
        }
    }
    let reporting = &super::LEXICON.words.reporting;
    let state = |a: usize| {
        let a = s.reporter(a, reporting);
        s.body(a).filter(|&b| !PEOPLE.contains(&s.doc.view.mentions[b].kind))
    };
    // "the newspaper described X's sentence", "X criticised the sanctions": who speaks of
    // an act does not do it.
    let speaks = |v: usize| super::LEXICON.words.guilt_free.contains(s.lemma(v));
    if authority.is_none()
        && let Some(g) = gov
        && (matches!(s.rel(n), "obj" | "nsubj:pass")
            || s.case(n).as_deref() == Some("under")
                && super::LEXICON.words.put_under.contains(s.lemma(g))
            || s.by_phrase(g).is_some() && super::LEXICON.words.undergo.contains(s.lemma(g)))
        && !speaks(g)
        && let Some(a) = s.agent(g)
    {
        authority = state(a);
    }
    // "it had issued warrants" that the parser read as a clause of the noun.
    if authority.is_none()
        && let Some(a) = s.kid(n, "nsubj")
    {
        authority = state(a);
    }
    // "issued an arrest warrant" with the noun hung below another noun: the verb above.
    if authority.is_none() {
        let mut w = n;
        for _ in 0..2 {
            let Some(h) = s.head(w) else { break };
            if !matches!(s.rel(w), "acl" | "compound" | "obj" | "nsubj:pass" | "conj") {
                break;
            }
            if s.word(h).upos == "VERB" {
                authority = s.agent(h).filter(|_| !speaks(h)).and_then(state);
                break;
            }
            w = h;
        }
    }
    // "an ICC warrant" that the parser took for a verb: the body just before the noun.
    authority.or_else(|| {
        let before = (0..n).rev().find(|&w| !matches!(s.lemma(w).as_str(), "arrest" | "-"))?;
        let kinds = [Kind::Nat, Kind::Org, Kind::Misc];
        s.mention(before, &kinds)
            .filter(|&m| s.doc.view.mentions[m].span.end <= s.word(n).span.start)
    })
}

/// The word of the holder of a warrant read off the words, where the parser took "warrant" for a verb:
/// "warrant for X", "warrant for the arrest of X", "X, whose warrant ...".
fn surface_holder(s: &Parse<'_>, n: usize) -> Option<usize> {
    let next = (n + 1 < s.len).then_some(n + 1)?;
    if matches!(s.lemma(next).as_str(), "for" | "against") {
        let mut w = next + 1;
        while w < s.len && matches!(s.lemma(w).as_str(), "the" | "arrest" | "of") {
            w += 1;
        }
        return (w < s.len && s.mention(w, &[Kind::Per, Kind::Pro]).is_some()).then_some(w);
    }
    let prev = n.checked_sub(1)?;
    if s.lemma(prev) == "whose" {
        let before = (0..prev).rev().find(|&w| s.word(w).upos != "PUNCT")?;
        return s.mention(before, &[Kind::Per]).is_some().then_some(before);
    }
    None
}

/// Who is "in custody" or "in detention": the subject of the copula ("X is in custody",
/// "X, who is in government custody") or of the verb that keeps one there ("X remains in
/// detention", "X was held in custody").
fn custody_holder(lex: &Lexicon, s: &Parse<'_>, n: usize) -> Option<usize> {
    if !lex.words.custody.contains(s.lemma(n))
        || !matches!(s.case(n).as_deref(), Some("in" | "into" | "under"))
    {
        return None;
    }
    if let Some(a) = s.kid(n, "nsubj") {
        return Some(s.antecedent(a, n));
    }
    let g = s.head(n)?;
    if s.rel(n).starts_with("obl") && s.word(g).upos == "VERB" {
        let subj = s.kid(g, "nsubj:pass").or_else(|| s.kid(g, "nsubj"))?;
        return Some(s.antecedent(subj, g));
    }
    None
}
