//! Verb frames: the arguments of a verb of the lexicon read from its clause whatever the
//! voice ("X sanctioned Y", "Y was sanctioned by X", "X and Y were arrested"), with the
//! shapes the parser gets wrong; split from `mod.rs` by concern, as `nouns` holds the noun
//! frames.

use super::*;

/// Words of a term in prison: "jailed for life", "imprisoned for 12 years" is a sentence.
const TERMS: &[&str] = &["life", "year", "month", "week", "day", "decade", "term"];

pub(super) fn verb_frame(lex: &Lexicon, s: &Parse<'_>, p: usize, frame: &Frame) -> Vec<Found> {
    let kind = frame.kind;
    // "A court jailed X for 12 years": a verdict (the patterns'), not an arrest.
    if kind == ClaimType::Arrest
        && s.kids(p, "obl")
            .any(|o| s.case(o).as_deref() == Some("for") && TERMS.contains(&s.lemma(o).as_str()))
    {
        return vec![];
    }
    let agent = s.agent(p).map(|a| s.reporter(a, &lex.words.reporting));
    let mut words = vec![p];
    let mut shared = Vec::new();
    if let Some(a) = agent {
        words.push(a);
        if let Some(b) = s.body(a)
            && !PEOPLE.contains(&s.doc.view.mentions[b].kind)
        {
            match kind {
                // A court or prosecutor is named as the court; its state is found from it
                // (or the nearest court) when the claim is built.
                ClaimType::Charge | ClaimType::Verdict => {
                    let field = match s.doc.view.mentions[b].kind {
                        Kind::Nat => Some("authority"),
                        // "a court in <city>": a city is no authority; the state is found
                        // as for a court the sentence does not name.
                        Kind::Loc => s.doc.is_state(&s.doc.mention_text(b)).then_some("authority"),
                        _ => Some("court"),
                    };
                    if let Some(field) = field {
                        shared.push((field.into(), Arg::Mention(b)));
                    }
                }
                ClaimType::Meeting | ClaimType::Visit | ClaimType::DeathReport => {}
                _ => shared.push(("authority".into(), Arg::Mention(b))),
            }
        }
    } else if frame.needs_agent {
        return vec![];
    }
    match kind {
        ClaimType::Meeting => {
            let mut parts = Vec::new();
            // "During his visit to X, A met B": where the parser found no subject, the
            // person named just before the verb (no other verb between).
            let before = || {
                (0..p)
                    .rev()
                    .take_while(|&w| s.word(w).upos != "VERB")
                    .find(|&w| s.mention(w, &[Kind::Per]).is_some())
            };
            // "X is seen with Y": the one seen; "graduated ... and has met Y": the subject
            // of the clause the verb is a conjunct or complement of.
            let subj = s
                .kid(p, "nsubj")
                .or_else(|| s.kid(p, "nsubj:pass"))
                .map(|a| s.antecedent(a, p))
                .or(agent)
                .filter(|&a| !s.mentions(a, TARGETS).is_empty())
                .or_else(|| shared_subject(s, p))
                .or_else(before);
            if let Some(a) = subj {
                parts.extend(s.mentions(a, TARGETS));
            }
            // "received X", "hosted X": only a person received is met (not a prize).
            let object_kinds = if lex.words.host.contains(s.lemma(p)) { PEOPLE } else { TARGETS };
            let with = |o: usize| matches!(s.case(o).as_deref(), Some("with" | "alongside"));
            // "seen standing with Y": the company is told on the participle.
            let xcomps: Vec<usize> = s.kids(p, "xcomp").collect();
            // "met the commander of the guard, X": the name the parse hung on the verb.
            let object = s.kid(p, "obj").map(|o| s.misparsed_apposition(p, o).unwrap_or(o));
            let others = object.into_iter().chain(
                std::iter::once(p)
                    .chain(xcomps)
                    .flat_map(|v| s.kids(v, "obl").filter(|&o| with(o)).collect::<Vec<_>>()),
            );
            for o in others.collect::<Vec<_>>() {
                words.push(o);
                for m in s.mentions(o, object_kinds) {
                    if !parts.contains(&m) {
                        parts.push(m);
                    }
                }
            }
            // "seen with brother A and singer B": the parser breaks such lists; the names
            // read off the words after "with".
            if lex.words.seen.contains(s.lemma(p))
                && let Some(w) = (p + 1..s.len.min(p + 4)).find(|&w| s.lemma(w) == "with")
            {
                for m in s.surface_list(w + 1, &[Kind::Per]) {
                    if !parts.contains(&m) {
                        parts.push(m);
                    }
                }
            }
            if parts.len() < 2 {
                return vec![];
            }
            let mut args: Vec<(String, Arg)> =
                parts.into_iter().map(|m| ("participants".to_string(), Arg::Mention(m))).collect();
            // "received X in Lornby on Monday", "met Y at the palace in Lornby".
            args.extend(place_of(s, p));
            vec![Found { kind, shape: "verb", predicate: p, args, words }]
        }
        ClaimType::Visit => {
            let Some(a) = s.kid(p, "nsubj").map(|a| s.antecedent(a, p)) else { return vec![] };
            // "visited X"; "travelled to X, Y and Z", "including to countries like X and Y":
            // one visit per place.
            // "visited the holy city of X": the place a place noun names.
            let place_named = |o: usize| {
                s.mention(o, &[Kind::Loc]).or_else(|| {
                    lex.words.place_nouns.contains(s.lemma(o)).then_some(())?;
                    s.kids(o, "nmod")
                        .find(|&n| s.case(n).as_deref() == Some("of"))
                        .and_then(|n| s.mention(n, &[Kind::Loc]))
                })
            };
            let places: Vec<usize> = match s.kid(p, "obj").and_then(place_named) {
                Some(place) => vec![place],
                None => s
                    .kids(p, "obl")
                    // "including to X": the parser may hang "to" on "including" as `fixed`.
                    .filter(|&o| {
                        s.kids(o, "case")
                            .flat_map(|c| std::iter::once(c).chain(s.kids(c, "fixed")))
                            .any(|c| s.lemma(c) == "to")
                    })
                    .flat_map(|o| s.mentions(o, &[Kind::Loc]))
                    .collect(),
            };
            words.push(a);
            let people = s.mentions(a, PEOPLE);
            let mut out = Vec::new();
            for place in places {
                let shared = vec![("place".into(), Arg::Mention(place))];
                out.extend(per_target(kind, p, people.clone(), shared, words.clone(), "verb"));
            }
            out
        }
        ClaimType::DeathReport if s.lemma(p) == "die" => {
            let Some(a) = s.kid(p, "nsubj").map(|a| s.antecedent(a, p)) else { return vec![] };
            words.push(a);
            let people = s.mentions(a, PEOPLE);
            // "died of a heart attack": the cause is also the state of their health.
            let cause = s
                .kids(p, "obl")
                .find(|&o| matches!(s.case(o).as_deref(), Some("of" | "from")))
                .map(|o| s.phrase(o, true));
            let mut out = Vec::new();
            if let Some(cause) = cause {
                let shared = vec![("condition".to_string(), Arg::Text(cause))];
                out =
                    per_target(ClaimType::Health, p, people.clone(), shared, words.clone(), "verb");
            }
            out.extend(per_target(kind, p, people, place_of(s, p), words, "verb"));
            out
        }
        _ if inverted(s, p).is_some() => {
            // "Among those sanctioned are A and B", "Also designated were A, B and C".
            let be = inverted(s, p).unwrap_or(p);
            let mut targets: Vec<usize> = s
                .surface_list(be + 1, &[Kind::Per])
                .into_iter()
                .filter(|&m| !nouns::possessor(s, m))
                .collect();
            for m in lists::named_items(s, be + 1, s.len) {
                if !targets.contains(&m) {
                    targets.push(m);
                }
            }
            words.push(be);
            per_target(kind, p, targets, shared, words, "verb")
        }
        _ if s
            .patient(p)
            .or_else(|| s.kid(p, "nsubj"))
            .is_some_and(|t| s.lemma(t) == "that" && s.word(t).upos == "PRON") =>
        {
            // "those sentenced to life included A and B", "Those designated include A".
            let Some(inc) = (p + 1..(p + 8).min(s.len))
                .find(|&w| lex.words.include.contains(s.lemma(w)) && s.word(w).upos == "VERB")
            else {
                return vec![];
            };
            words.push(inc);
            let targets: Vec<usize> = s
                .surface_list(inc + 1, &[Kind::Per])
                .into_iter()
                .filter(|&m| !nouns::possessor(s, m))
                .collect();
            let mut shared = shared;
            for o in s.kids(p, "obl").collect::<Vec<_>>() {
                if kind == ClaimType::Verdict && s.case(o).as_deref() == Some("to") {
                    shared.push(("sentence".into(), Arg::Text(s.phrase(o, true))));
                }
            }
            per_target(kind, p, targets, shared, words, "verb")
        }
        _ => {
            // "named lawmakers A and B to a blacklist": the parser took the object for a
            // predicate complement.
            let patient = s.patient(p).or_else(|| {
                (kind == ClaimType::Sanction)
                    .then(|| {
                        s.kid(p, "xcomp")
                            .filter(|&x| matches!(s.word(x).upos.as_str(), "NOUN" | "PROPN"))
                    })
                    .flatten()
            });
            let Some(mut t) = patient else { return vec![] };
            // "froze the assets of X": the owner of the assets is the target.
            if kind == ClaimType::Sanction
                && lex.words.holdings.contains(s.lemma(t))
                && let Some(o) = nouns::owner(s, t)
            {
                words.push(t);
                t = o;
            }
            // "upheld the conviction of X", "overturned X's sentence": the judgement's
            // person is the defendant.
            if kind == ClaimType::Verdict
                && lex.words.judgement.contains(s.lemma(t))
                && let Some(d) = s.children[t].iter().copied().find(|&c| {
                    s.rel(c) == "nmod" && matches!(s.case(c).as_deref(), None | Some("of" | "'s"))
                })
            {
                words.push(t);
                t = d;
            }
            words.push(t);
            // "detained leaders, including X": the parser often hangs the list on the verb.
            let mut targets = s.mentions(t, kinds_of(kind));
            for o in s.kids(p, "obl").collect::<Vec<_>>() {
                if matches!(s.case(o).as_deref(), Some("include" | "including")) {
                    words.push(o);
                    targets.extend(s.mentions(o, kinds_of(kind)));
                }
            }
            let mut shared = shared;
            if matches!(kind, ClaimType::Arrest | ClaimType::DeathReport) {
                shared.extend(place_of(s, p));
            }
            // "X was poisoned with a nerve agent": the verb, with its means, is the condition.
            if kind == ClaimType::Health {
                let verb = s.doc.input.text[s.word(p).span.clone()].to_lowercase();
                let means = s
                    .kids(p, "obl")
                    .find(|&o| s.case(o).as_deref() == Some("with"))
                    .map(|o| format!(" with {}", s.phrase(o, true)))
                    .unwrap_or_default();
                shared.push(("condition".into(), Arg::Text(format!("{verb}{means}"))));
            }
            // "charged X, the former head of Y, with treason": after an apposition the parser
            // hangs the charges on the defendant.
            let after_apposition = s
                .kids(t, "nmod")
                .filter(|&o| s.kids(t, "appos").any(|a| a < o))
                .filter(|&o| matches!(s.case(o).as_deref(), Some("with" | "for")))
                .filter(|_| matches!(kind, ClaimType::Charge | ClaimType::Verdict));
            for o in s.kids(p, "obl").chain(after_apposition).collect::<Vec<_>>() {
                let case = s.case(o);
                match (kind, case.as_deref()) {
                    (ClaimType::Charge | ClaimType::Verdict, Some("with" | "of" | "for")) => {
                        shared.push(("charges".into(), Arg::Text(s.phrase(o, true))));
                    }
                    (ClaimType::Verdict, Some("to")) => {
                        shared.push(("sentence".into(), Arg::Text(s.phrase(o, true))));
                    }
                    _ => {}
                }
            }
            // "A, the chief of B, C and D are sanctioned": the parser rarely gets a long
            // list of titled names right; its items are read off the words.
            // Parsers break such lists each their own way (the subject may be any item, a
            // title among them, or a name hung elsewhere), so a subject before the verb is
            // enough, and the clause's start is also read off the words.
            if kind == ClaimType::Sanction
                && s.passive(p)
                && (s.mention(t, &[Kind::Per]).is_some() || t < p)
            {
                let from = clause_start(s, p).min(subject_start(s, p));
                for m in lists::named_items(s, from, p) {
                    if !targets.contains(&m) {
                        targets.push(m);
                    }
                }
            }
            // "X was sanctioned along with Y", "together with Y".
            if kind == ClaimType::Sanction {
                for o in s.kids(p, "obl").collect::<Vec<_>>() {
                    let along = s
                        .kids(o, "case")
                        .any(|c| matches!(s.lemma(c).as_str(), "along" | "together"));
                    if along {
                        words.push(o);
                        targets.extend(s.mentions(o, &[Kind::Per]));
                    }
                }
            }
            // "The three were sentenced to ...", "both were arrested": the people named
            // just before.
            if targets.is_empty() {
                targets = groups::members(lex, s, t);
            }
            targets.dedup();
            // "gave the order to kill A on May 9 and another activist B in December": the
            // parser may hang a second object on the verb as its conjunct; it names a
            // target too, with its own date where it has one.
            let mut more = Vec::new();
            if !s.passive(p) {
                for c in s.kids(p, "conj").collect::<Vec<_>>() {
                    if !matches!(s.word(c).upos.as_str(), "PROPN" | "NOUN")
                        || s.kid(c, "nsubj").is_some()
                    {
                        continue;
                    }
                    for m in s.mentions(c, kinds_of(kind)) {
                        if !targets.contains(&m) {
                            let mut own = shared.clone();
                            own.extend(s.date(c).map(|d| ("date".to_string(), Arg::Mention(d))));
                            let mut w = words.clone();
                            w.push(c);
                            more.extend(per_target(kind, p, vec![m], own, w, "verb"));
                        }
                    }
                }
            }
            let mut found = per_target(kind, p, targets, shared, words, "verb");
            found.extend(more);
            found
        }
    }
}

/// Where the clause of a verb begins: its first word, after any "that", colon or
/// reporting verb before it ("the Treasury says that A, B and C are sanctioned").
pub(super) fn clause_start(s: &Parse<'_>, p: usize) -> usize {
    let mut left = p;
    let mut stack = vec![p];
    while let Some(w) = stack.pop() {
        left = left.min(w);
        stack.extend(s.children[w].iter().copied().filter(|&c| c < p));
    }
    let cut = (left..p).rev().find(|&w| {
        let text = &s.doc.input.text[s.word(w).span.clone()];
        s.rel(w) == "mark"
            || matches!(text, ":" | "that")
            || (s.word(w).upos == "VERB" && LEXICON.words.reporting.contains(s.lemma(w)))
    });
    cut.map_or(left, |c| c + 1)
}

/// Where the subject before a verb begins by its words alone: back from the verb over the
/// nouns, names, titles and punctuation of a list, to a "that", a colon or a verb (the
/// verb's own auxiliaries aside), whatever tree the parser made of the list.
fn subject_start(s: &Parse<'_>, p: usize) -> usize {
    let own_aux = |w: usize| s.head(w) == Some(p) && s.rel(w).starts_with("aux");
    let stop = (0..p).rev().find(|&w| {
        let text = &s.doc.input.text[s.word(w).span.clone()];
        matches!(text, ":" | "that")
            || s.rel(w) == "mark"
            || (matches!(s.word(w).upos.as_str(), "VERB" | "AUX") && !own_aux(w))
    });
    stop.map_or(0, |w| w + 1)
}

/// "X was seen with Y", "pictured alongside Y", "photographed standing with Y": a verb of
/// being seen with company (on itself or on its participle) tells that the people met.
pub(super) fn seen_with(lex: &Lexicon, s: &Parse<'_>, p: usize) -> bool {
    if !lex.words.seen.contains(s.lemma(p)) {
        return false;
    }
    // "is seen as a hardliner" is no company; "appeared with" is active, "seen" passive.
    let on = |v: usize| {
        s.kids(v, "obl").any(|o| matches!(s.case(o).as_deref(), Some("with" | "alongside")))
    };
    (s.passive(p) || s.lemma(p) == "appear" || s.lemma(p) == "pose")
        && (on(p) || s.kids(p, "xcomp").any(on))
}

/// The subject a verb shares with the clause it is a conjunct or complement of ("X
/// graduated in 1999 and has since met Y"), two steps up at most.
pub(super) fn shared_subject(s: &Parse<'_>, p: usize) -> Option<usize> {
    let mut v = p;
    for _ in 0..2 {
        if !matches!(s.rel(v), "conj" | "xcomp") {
            return None;
        }
        v = s.head(v)?;
        if let Some(a) = s.kid(v, "nsubj").or_else(|| s.kid(v, "nsubj:pass")) {
            let a = s.antecedent(a, v);
            return (!s.mentions(a, PEOPLE).is_empty()).then_some(a);
        }
    }
    None
}

/// The "be" of a participle told before its subject ("Among those sanctioned are A",
/// "Also designated were A and B"): the participle has no object of its own and names
/// no one before it but "those".
pub(super) fn inverted(s: &Parse<'_>, p: usize) -> Option<usize> {
    if !s.doc.input.text[s.word(p).span.clone()].ends_with("ed") {
        return None;
    }
    // "Also designated today is A", "Also named in the announcement was A": a time or a
    // short phrase may stand between the participle and its "be".
    let be = (p + 1..(p + 6).min(s.len))
        .take_while(|&w| {
            s.lemma(w) == "be"
                || matches!(s.word(w).upos.as_str(), "ADV" | "ADP" | "DET" | "NOUN" | "ADJ")
        })
        .find(|&w| s.lemma(w) == "be")?;
    if s.kid(p, "obj").is_some() {
        return None;
    }
    let before_ok = (0..p).all(|w| {
        let l = s.lemma(w);
        matches!(s.word(w).upos.as_str(), "PUNCT" | "ADV" | "ADP" | "DET" | "PRON" | "AUX")
            || matches!(l.as_str(), "among" | "those" | "also")
    });
    before_ok.then_some(be)
}

/// A person held by an authority: "X has been held in Northland since 2020", "held in
/// custody", "X, held incommunicado"; never "talks held in X" (the patient is a person).
pub(super) fn held(lex: &Lexicon, s: &Parse<'_>, p: usize) -> bool {
    if !lex.words.held.contains(s.lemma(p)) || !s.passive(p) {
        return false;
    }
    let Some(t) = s.patient(p) else { return false };
    if s.mention(t, &[Kind::Per, Kind::Pro]).is_none() {
        return false;
    }
    s.kids(p, "obl").any(|o| match s.case(o).as_deref() {
        Some("in" | "at") => {
            lex.words.custody.contains(s.lemma(o)) || s.mention(o, &[Kind::Loc]).is_some()
        }
        Some("without") => s.lemma(o) == "charge" || s.lemma(o) == "trial",
        _ => false,
    }) || s.kids(p, "advmod").any(|a| s.lemma(a) == "incommunicado")
}

/// Whether an arrest verb is what an order says: "an order to detain him" (the verb on the
/// noun), "issued an order to detain him" (the parser may hang it on the verb of the order).
pub(super) fn ordered(s: &Parse<'_>, p: usize, h: usize) -> bool {
    let order =
        |w: usize| s.word(w).upos == "NOUN" && matches!(s.lemma(w).as_str(), "order" | "warrant");
    let marked_to = s.kids(p, "mark").any(|m| s.lemma(m) == "to");
    match s.rel(p) {
        "acl" | "xcomp" if order(h) => true,
        "advcl" | "xcomp" => marked_to && s.word(h).upos == "VERB" && s.kids(h, "obj").any(order),
        _ => false,
    }
}

/// "in Lornby": the place of an arrest or death.
pub(super) fn place_of(s: &Parse<'_>, p: usize) -> Vec<(String, Arg)> {
    s.kids(p, "obl")
        .filter(|&o| matches!(s.case(o).as_deref(), Some("in" | "at")))
        .find_map(|o| s.mention(o, &[Kind::Loc]))
        .map(|m| ("place".to_string(), Arg::Mention(m)))
        .into_iter()
        .collect()
}
