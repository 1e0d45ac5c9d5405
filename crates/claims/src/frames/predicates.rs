//! Frames over event predicates: a lexicon (`rules/predicates.toml`) maps verb and noun
//! lemmas to claim types (sanction, warrant, charge, verdict, arrest, death report,
//! meeting, visit), and the dependency parse gives their arguments whatever the voice,
//! order or list shape; modality and attribution follow the clauses above the predicate.
//!
//! The frames run after the regex rules: a frame's claim is kept only where the rules did
//! not already make a claim of the same type with the same key.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::extract::{Arg, Candidate, Doc, identity};
use crate::rules::Rule;
use crate::view::Kind;
use crate::{Claim, ClaimType, Modality};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[allow(dead_code)]
    version: u32,
    verbs: BTreeMap<String, String>,
    nouns: BTreeMap<String, String>,
    words: Words,
}

/// Closed word lists of the frames.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Words {
    target_case: Vec<String>,
    undergo: Vec<String>,
    include: Vec<String>,
    make: Vec<String>,
    not_arrest_under: Vec<String>,
    reporting: Vec<String>,
    denial: Vec<String>,
    accusing: Vec<String>,
    negation: Vec<String>,
    alleged: Vec<String>,
    reported: Vec<String>,
    sanction_context: Vec<String>,
}

/// What a predicate lemma makes.
#[derive(Clone, Debug)]
struct Frame {
    kind: ClaimType,
    outcome: Option<String>,
    needs_agent: bool,
    needs_context: bool,
}

fn parse_frame(spec: &str) -> Frame {
    let mut parts = spec.split('+');
    let head = parts.next().unwrap_or("");
    let (kind, outcome) = match head.split_once(':') {
        Some((k, o)) => (k, Some(o.to_string())),
        None => (head, None),
    };
    let flags: Vec<&str> = parts.collect();
    Frame {
        kind: ClaimType::parse(kind)
            .unwrap_or_else(|| panic!("predicates.toml: unknown type {kind}")),
        outcome,
        needs_agent: flags.contains(&"agent"),
        needs_context: flags.contains(&"context"),
    }
}

/// The compiled lexicon and one rule per frame shape (named for `--by-rule`).
pub(crate) struct Lexicon {
    verbs: BTreeMap<String, Frame>,
    nouns: BTreeMap<String, Frame>,
    words: Words,
    rules: BTreeMap<String, Rule>,
}

impl Lexicon {
    fn parse(source: &str) -> Lexicon {
        let file: LexiconFile = toml::from_str(source).expect("rules/predicates.toml parses");
        let verbs = file.verbs.iter().map(|(k, v)| (k.clone(), parse_frame(v))).collect();
        let nouns = file.nouns.iter().map(|(k, v)| (k.clone(), parse_frame(v))).collect();
        let mut rules = BTreeMap::new();
        for kind in ClaimType::ALL {
            for shape in ["verb", "noun"] {
                let name = format!("frame.{}.{shape}", kind.as_str());
                rules.insert(name.clone(), rule(&name, kind));
            }
        }
        Lexicon { verbs, nouns, words: file.words, rules }
    }

    fn rule(&self, kind: ClaimType, noun: bool) -> &Rule {
        let name = format!("frame.{}.{}", kind.as_str(), if noun { "noun" } else { "verb" });
        &self.rules[&name]
    }
}

fn rule(name: &str, kind: ClaimType) -> Rule {
    Rule {
        name: name.to_string(),
        kind: Some(kind),
        regex: Regex::new("$^").expect("valid pattern"),
        slots: vec![],
        each: None,
        modality: None,
        as_of: None,
        confidence: 0.7,
        set: BTreeMap::new(),
        requires: None,
        forbid: None,
        not_after: None,
        examples: vec![],
    }
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../rules/predicates.toml")));

/// One sentence's parse: words (document indices), heads and children.
struct Parse<'d> {
    doc: &'d Doc<'d>,
    sentence: usize,
    first: usize,
    len: usize,
    children: Vec<Vec<usize>>,
}

impl<'d> Parse<'d> {
    fn new(doc: &'d Doc<'d>, sentence: usize) -> Parse<'d> {
        let range = doc.view.sentences[sentence].words.clone();
        let first = range.start;
        let len = range.len();
        let mut children = vec![Vec::new(); len];
        for i in 0..len {
            if let Some(h) = Self::head_of(doc, first, len, i) {
                children[h].push(i);
            }
        }
        Parse { doc, sentence, first, len, children }
    }

    fn head_of(doc: &Doc<'_>, first: usize, len: usize, i: usize) -> Option<usize> {
        let h = doc.view.words[first + i].head;
        (h >= 1 && h <= len && h - 1 != i).then(|| h - 1)
    }

    fn head(&self, i: usize) -> Option<usize> {
        Self::head_of(self.doc, self.first, self.len, i)
    }

    fn word(&self, i: usize) -> &model::Word {
        &self.doc.view.words[self.first + i]
    }

    fn rel(&self, i: usize) -> &str {
        &self.word(i).deprel
    }

    fn lemma(&self, i: usize) -> String {
        self.word(i).lemma.to_lowercase()
    }

    /// Children with a relation (an exact label or a base label: "obl" takes "obl:tmod").
    fn kids<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i].iter().copied().filter(move |&c| {
            let r = self.rel(c);
            r == rel || (!rel.contains(':') && r.split(':').next() == Some(rel))
        })
    }

    fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i, rel).next()
    }

    /// The case word of a nominal ("on" in "sanctions on X").
    fn case(&self, i: usize) -> Option<String> {
        self.kids(i, "case").next().map(|c| self.lemma(c))
    }

    /// A word and the conjuncts that hang off it, recursively.
    fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let w = out[k];
            out.extend(self.kids(w, "conj").filter(|c| !out.contains(c)).collect::<Vec<_>>());
            k += 1;
        }
        out
    }

    fn passive(&self, p: usize) -> bool {
        self.kid(p, "nsubj:pass").is_some()
            || self.kid(p, "aux:pass").is_some()
            || self.kid(p, "obl:agent").is_some()
            || (self.rel(p) == "acl" && self.kid(p, "nsubj").is_none())
    }

    /// The antecedent of a relative pronoun that is an argument of a relative clause's verb.
    fn antecedent(&self, arg: usize, pred: usize) -> usize {
        let relative = matches!(self.lemma(arg).as_str(), "who" | "which" | "that" | "whom");
        if relative
            && self.rel(pred).starts_with("acl")
            && let Some(h) = self.head(pred)
        {
            return h;
        }
        // The parser missed the relative clause: the word before "who" (past a comma).
        if relative
            && let Some(prev) = (0..arg).rev().find(|&w| self.word(w).upos != "PUNCT")
            && self.mention(prev, &[Kind::Per]).is_some()
        {
            return prev;
        }
        arg
    }

    /// The agent of a verbal predicate: nsubj (active) or obl:agent / "by" (passive),
    /// taken from the first conjunct or the governing verb when the predicate has none.
    fn agent(&self, p: usize) -> Option<usize> {
        let own = if self.passive(p) {
            self.kid(p, "obl:agent")
                .or_else(|| self.kids(p, "obl").find(|&o| self.case(o).as_deref() == Some("by")))
        } else {
            self.kid(p, "nsubj")
        };
        if let Some(a) = own {
            return Some(self.antecedent(a, p));
        }
        let h = self.head(p)?;
        match self.rel(p) {
            "conj" if self.passive(h) == self.passive(p) => self.agent(h),
            "xcomp" => self.kid(h, "nsubj").or_else(|| self.kid(h, "obj")),
            _ => None,
        }
    }

    /// The patient of a verbal predicate: obj (active) or nsubj:pass (passive); the noun a
    /// participle modifies ("X, sanctioned in 2019").
    fn patient(&self, p: usize) -> Option<usize> {
        let own = if self.passive(p) {
            self.kid(p, "nsubj:pass")
                .or_else(|| (self.rel(p) == "acl").then(|| self.head(p)).flatten())
        } else {
            self.kid(p, "obj")
        };
        if let Some(a) = own {
            return Some(self.antecedent(a, p));
        }
        let h = self.head(p)?;
        match self.rel(p) {
            "conj" if self.passive(h) == self.passive(p) => self.patient(h),
            _ => None,
        }
    }

    /// The entity mention a word stands for: the one covering it, else one covering its
    /// flat or compound parts, else its apposition ("the governor, X").
    fn mention(&self, i: usize, kinds: &[Kind]) -> Option<usize> {
        let covering = |w: usize| {
            let span = self.word(w).span.clone();
            self.doc.view.sentences[self.sentence].mentions.iter().copied().find(|&m| {
                let mm = &self.doc.view.mentions[m];
                !mm.hidden
                    && mm.span.start <= span.start
                    && span.end <= mm.span.end
                    && kinds.contains(&mm.kind)
            })
        };
        if let Some(m) = covering(i) {
            return Some(m);
        }
        for c in self.children[i].iter().copied() {
            if matches!(self.rel(c), "flat" | "compound" | "flat:name")
                && let Some(m) = covering(c)
                // "the Rajapaksa brothers" names them; "Deputy Party Secretary" names a
                // post, not a body.
                && (self.word(i).upos == "NOUN"
                    || matches!(self.doc.view.mentions[m].kind, Kind::Per | Kind::Pro))
            {
                return Some(m);
            }
        }
        if let Some(m) = self.kids(i, "appos").find_map(|a| self.mention(a, kinds)) {
            return Some(m);
        }
        // "X, a national arrested in Y": the apposition stands for its head.
        match (self.rel(i), self.head(i)) {
            ("appos", Some(h)) => {
                covering(h).filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
            }
            _ => None,
        }
    }

    /// Every mention an argument word names, over its conjuncts.
    fn mentions(&self, i: usize, kinds: &[Kind]) -> Vec<usize> {
        let mut out = Vec::new();
        // "a cross-section of leaders, including X and Y": the members named.
        let mut words = self.with_conjuncts(i);
        for w in words.clone() {
            for c in self.children[w].iter().copied() {
                if self.rel(c).starts_with("nmod")
                    && matches!(self.case(c).as_deref(), Some("include" | "including"))
                {
                    words.extend(self.with_conjuncts(c));
                }
            }
        }
        for w in words {
            if let Some(m) = self.mention(w, kinds)
                && !out.contains(&m)
            {
                out.push(m);
            }
        }
        out
    }

    /// The first state or body named in a word's phrase ("Swiss authorities", "the U.S.
    /// military", "the Treasury"), relative clauses left out.
    fn body(&self, i: usize) -> Option<usize> {
        let kinds = [Kind::Nat, Kind::Org, Kind::Loc, Kind::Misc];
        if let Some(m) = self.mention(i, &kinds) {
            return Some(m);
        }
        let mut stack: Vec<usize> = self.children[i].clone();
        while let Some(w) = stack.pop() {
            if self.rel(w).starts_with("acl") || self.rel(w) == "conj" {
                continue;
            }
            if let Some(m) = self.mention(w, &kinds) {
                return Some(m);
            }
            stack.extend(self.children[w].iter().copied());
        }
        None
    }

    /// The subtree of a word as text (for charges and sentences).
    fn phrase(&self, i: usize, skip_case: bool) -> String {
        let mut words = vec![i];
        let mut k = 0;
        while k < words.len() {
            let w = words[k];
            for &c in &self.children[w] {
                if !(skip_case && w == i && self.rel(c) == "case") && self.rel(c) != "punct" {
                    words.push(c);
                }
            }
            k += 1;
        }
        words.sort_unstable();
        let (a, b) = (words[0], words[words.len() - 1]);
        let text = &self.doc.input.text[self.word(a).span.start..self.word(b).span.end];
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The TIME mention attached to a predicate (obl:tmod, obl/nmod "on"/"in", advmod).
    fn date(&self, p: usize) -> Option<usize> {
        self.children[p].iter().copied().find_map(|c| {
            let r = self.rel(c);
            let fits = r.starts_with("obl") || r.starts_with("nmod") || r == "advmod";
            fits.then(|| self.mention(c, &[Kind::Time])).flatten()
        })
    }

    /// Byte range in the sentence's view of a set of words.
    fn view_span(&self, words: &[usize]) -> std::ops::Range<usize> {
        let offsets = self.view_offsets();
        let lo = words.iter().map(|&w| offsets[w].start).min().unwrap_or(0);
        let hi = words.iter().map(|&w| offsets[w].end).max().unwrap_or(0);
        lo..hi
    }

    /// Each word's piece of the view: its text, or the placeholder of the mention it sits in.
    fn view_offsets(&self) -> Vec<std::ops::Range<usize>> {
        let view = &self.doc.view.sentences[self.sentence].view;
        let mut pieces = Vec::new();
        let mut at = 0;
        for piece in view.split(' ') {
            pieces.push(at..at + piece.len());
            at += piece.len() + 1;
        }
        let mut out = Vec::with_capacity(self.len);
        let mut k = 0usize;
        let mut skip_until = 0;
        for i in 0..self.len {
            let span = self.word(i).span.clone();
            if span.start < skip_until && k > 0 {
                out.push(pieces[(k - 1).min(pieces.len() - 1)].clone());
                continue;
            }
            let piece = pieces.get(k).cloned().unwrap_or(view.len()..view.len());
            if let Some(inner) = view.get(piece.clone()).and_then(|p| p.strip_prefix('⟦'))
                && let Some(n) = inner
                    .trim_end_matches('⟧')
                    .split_once(':')
                    .and_then(|(_, n)| n.parse::<usize>().ok())
                && let Some(m) = self.doc.view.mentions.get(n)
            {
                skip_until = m.span.end;
            }
            out.push(piece);
            k += 1;
        }
        out
    }
}

/// A frame found in a sentence, before its arguments are named.
struct Found {
    kind: ClaimType,
    noun: bool,
    predicate: usize,
    args: Vec<(String, Arg)>,
    words: Vec<usize>,
}

const PEOPLE: &[Kind] = &[Kind::Per, Kind::Pro, Kind::Desc];
const TARGETS: &[Kind] = &[Kind::Per, Kind::Pro, Kind::Desc, Kind::Org, Kind::Misc];

/// Adds the frames' claims to those of the regex rules, unless the rules made one of the
/// same type and key.
pub(crate) fn extend(doc: &Doc<'_>, claims: &mut Vec<Claim>) {
    let lex = &*LEXICON;
    let known: HashSet<(ClaimType, String)> =
        claims.iter().map(|c| (c.kind, identity(c))).collect();
    let mut mine: Vec<Claim> = Vec::new();
    for si in 0..doc.view.sentences.len() {
        if doc.view.sentences[si].words.is_empty() {
            continue;
        }
        let parse = Parse::new(doc, si);
        for p in 0..parse.len {
            for found in frames_at(lex, &parse, p) {
                let span = parse.view_span(&found.words);
                let c = Candidate {
                    rule: lex.rule(found.kind, found.noun),
                    sentence: si,
                    span,
                    args: found.args,
                };
                let Some(mut claim) = doc.build(&c) else { continue };
                modality(lex, doc, &parse, found.predicate, &mut claim, c.rule.confidence);
                let key = (claim.kind, identity(&claim));
                if known.contains(&key)
                    || mine.iter().any(|m| m.kind == claim.kind && identity(m) == key.1)
                {
                    continue;
                }
                mine.push(claim);
            }
        }
    }
    claims.extend(mine);
}

/// The frames a word heads.
fn frames_at(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<Found> {
    let w = s.word(p);
    let lemma = s.lemma(p);
    let frame = match w.upos.as_str() {
        "VERB" => {
            // "found guilty": a verdict.
            if lemma == "find" && s.children[p].iter().any(|&c| s.lemma(c) == "guilty") {
                let not = s.children[p].iter().any(|&c| lex.words.negation.contains(&s.lemma(c)));
                Some(Frame {
                    kind: ClaimType::Verdict,
                    outcome: Some(if not { "acquitted" } else { "convicted" }.into()),
                    needs_agent: false,
                    needs_context: false,
                })
            } else {
                lex.verbs.get(&lemma).cloned()
            }
        }
        _ => None,
    };
    // A noun of the lexicon, also where the tagger took it for a verb ("issued a warrant").
    let noun = lex.nouns.contains_key(&lemma)
        && (w.upos == "NOUN"
            || (frame.is_none()
                && matches!(w.deprel.split(':').next(), Some("obj" | "nsubj" | "obl" | "nmod"))));
    let frame = if noun { lex.nouns.get(&lemma).cloned() } else { frame };
    let Some(frame) = frame else { return vec![] };
    if frame.needs_context {
        let text = s.doc.input.text[s.doc.view.sentences[s.sentence].span.clone()].to_lowercase();
        if !lex.words.sanction_context.iter().any(|c| text.contains(c.as_str())) {
            return vec![];
        }
    }
    let found = if noun { noun_frame(lex, s, p, &frame) } else { verb_frame(lex, s, p, &frame) };
    found
        .into_iter()
        .map(|mut f| {
            if let Some(t) =
                s.date(p).or_else(|| s.head(p).filter(|_| noun).and_then(|h| s.date(h)))
            {
                f.args.push(("date".into(), Arg::Mention(t)));
            }
            if let Some(o) = &frame.outcome {
                f.args.push(("outcome".into(), Arg::Text(o.clone())));
            }
            f
        })
        .collect()
}

fn field_of(kind: ClaimType) -> &'static str {
    match kind {
        ClaimType::Sanction | ClaimType::Warrant => "target",
        ClaimType::Charge | ClaimType::Verdict => "defendant",
        _ => "person",
    }
}

fn kinds_of(kind: ClaimType) -> &'static [Kind] {
    match kind {
        ClaimType::Sanction | ClaimType::Warrant => TARGETS,
        _ => PEOPLE,
    }
}

/// One claim per named target, with the shared arguments.
fn per_target(
    kind: ClaimType,
    p: usize,
    targets: Vec<usize>,
    shared: Vec<(String, Arg)>,
    words: Vec<usize>,
    noun: bool,
) -> Vec<Found> {
    targets
        .into_iter()
        .map(|t| {
            let mut args = vec![(field_of(kind).to_string(), Arg::Mention(t))];
            args.extend(shared.iter().cloned());
            Found { kind, noun, predicate: p, args, words: words.clone() }
        })
        .collect()
}

fn verb_frame(lex: &Lexicon, s: &Parse<'_>, p: usize, frame: &Frame) -> Vec<Found> {
    let kind = frame.kind;
    let agent = s.agent(p);
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
                        Kind::Nat | Kind::Loc => "authority",
                        _ => "court",
                    };
                    shared.push((field.into(), Arg::Mention(b)));
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
            let subj = s.kid(p, "nsubj").map(|a| s.antecedent(a, p)).or(agent);
            if let Some(a) = subj {
                parts.extend(s.mentions(a, TARGETS));
            }
            let others = s
                .kid(p, "obj")
                .into_iter()
                .chain(s.kids(p, "obl").filter(|&o| s.case(o).as_deref() == Some("with")));
            for o in others.collect::<Vec<_>>() {
                words.push(o);
                parts.extend(s.mentions(o, TARGETS));
            }
            if parts.len() < 2 {
                return vec![];
            }
            let args = parts.into_iter().map(|m| ("participants".to_string(), Arg::Mention(m)));
            vec![Found { kind, noun: false, predicate: p, args: args.collect(), words }]
        }
        ClaimType::Visit => {
            let Some(a) = s.kid(p, "nsubj").map(|a| s.antecedent(a, p)) else { return vec![] };
            let Some(place) = s.kid(p, "obj").and_then(|o| s.mention(o, &[Kind::Loc])) else {
                return vec![];
            };
            words.push(a);
            let people = s.mentions(a, PEOPLE);
            per_target(kind, p, people, vec![("place".into(), Arg::Mention(place))], words, false)
        }
        ClaimType::DeathReport if s.lemma(p) == "die" => {
            let Some(a) = s.kid(p, "nsubj").map(|a| s.antecedent(a, p)) else { return vec![] };
            words.push(a);
            per_target(kind, p, s.mentions(a, PEOPLE), place_of(s, p), words, false)
        }
        _ => {
            let Some(t) = s.patient(p) else { return vec![] };
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
            for o in s.kids(p, "obl").collect::<Vec<_>>() {
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
            let _ = lex;
            targets.dedup();
            per_target(kind, p, targets, shared, words, false)
        }
    }
}

/// "in Sirte": the place of an arrest or death.
fn place_of(s: &Parse<'_>, p: usize) -> Vec<(String, Arg)> {
    s.kids(p, "obl")
        .filter(|&o| matches!(s.case(o).as_deref(), Some("in" | "at")))
        .find_map(|o| s.mention(o, &[Kind::Loc]))
        .map(|m| ("place".to_string(), Arg::Mention(m)))
        .into_iter()
        .collect()
}

/// The possessor or "of" modifier of a noun: "X's conviction", "the arrest of X".
fn owner(s: &Parse<'_>, n: usize) -> Option<usize> {
    s.kid(n, "nmod:poss")
        .or_else(|| s.kids(n, "nmod").find(|&m| matches!(s.case(m).as_deref(), Some("of"))))
}

fn noun_frame(lex: &Lexicon, s: &Parse<'_>, n: usize, frame: &Frame) -> Vec<Found> {
    let kind = frame.kind;
    let gov = s.head(n);
    let mut words = vec![n];
    let mut shared = Vec::new();
    // Who imposes, issues or brings it: the noun's own modifiers ("US sanctions", "an ICC
    // warrant"), a "by" phrase, or the agent of the verb that governs it.
    let mut authority = None;
    for c in s.children[n].iter().copied() {
        let r = s.rel(c);
        let by = s.case(c).as_deref() == Some("by");
        if (matches!(r, "amod" | "compound" | "nmod:poss") || (r.starts_with("nmod") && by))
            && let Some(b) = s.body(c).filter(|&b| !PEOPLE.contains(&s.doc.view.mentions[b].kind))
        {
            authority = Some(b);
            break;
        }
        // "a warrant issued by X"
        if r == "acl"
            && let Some(a) = s.agent(c)
            && let Some(b) = s.body(a)
        {
            authority = Some(b);
        }
    }
    if authority.is_none()
        && let Some(g) = gov
        && matches!(s.rel(n), "obj" | "nsubj:pass")
        && let Some(a) = s.agent(g)
    {
        authority = s.body(a).filter(|&b| !PEOPLE.contains(&s.doc.view.mentions[b].kind));
    }
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
            if let Some(g) = gov {
                if s.rel(n) == "obj" {
                    holders.extend(s.kids(g, "obl").filter(|&m| case_ok(m)));
                }
                let gl = s.lemma(g);
                if kind == ClaimType::Sanction && lex.words.undergo.contains(&gl) {
                    holders.extend(s.kid(g, "nsubj:pass").or_else(|| s.kid(g, "nsubj")));
                }
                if lex.words.include.contains(&gl) && s.rel(n) == "nsubj" {
                    holders.extend(s.kid(g, "obj"));
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
                targets.extend(s.mentions(h, TARGETS));
            }
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
                (s.rel(n) == "obj" && lex.words.make.contains(&s.lemma(g)))
                    .then(|| s.kid(g, "nsubj"))
                    .flatten()
            });
            if let Some(w) = who {
                words.push(w);
                targets.extend(s.mentions(w, PEOPLE));
            }
        }
        _ => {
            if kind == ClaimType::Arrest
                && let Some(g) = gov
                && lex.words.not_arrest_under.contains(&s.lemma(g))
            {
                return vec![];
            }
            if let Some(o) = owner(s, n) {
                words.push(o);
                targets.extend(s.mentions(o, PEOPLE));
            }
        }
    }
    per_target(kind, n, targets, shared, words, true)
}

/// The word a mention starts at, for the span of a candidate.
fn b_word(s: &Parse<'_>, m: usize) -> Option<usize> {
    let start = s.doc.view.mentions[m].span.start;
    (0..s.len).find(|&i| s.word(i).span.start >= start)
}

/// Modality and attribution from the parse: negation of the predicate, "allegedly", and
/// the verbs above it (a reporting verb's complement is reported by its subject, a denial's
/// is denied, an accusation's alleged); otherwise what the regex cues said.
fn modality(
    lex: &Lexicon,
    doc: &Doc<'_>,
    s: &Parse<'_>,
    p: usize,
    claim: &mut Claim,
    confidence: f64,
) {
    let words = &lex.words;
    let adverbs: Vec<String> = s.children[p].iter().map(|&c| s.lemma(c)).collect();
    let set = |m: Modality, by: Option<String>, claim: &mut Claim| {
        claim.modality = m;
        if by.is_some() || m == Modality::Asserted {
            claim.attributed_to = by;
        }
    };
    if s.children[p].iter().any(|&c| {
        matches!(s.rel(c), "advmod" | "neg" | "det") && words.negation.contains(&s.lemma(c))
    }) {
        set(Modality::Denied, None, claim);
    } else if adverbs.iter().any(|a| words.alleged.contains(a)) {
        set(Modality::Alleged, None, claim);
    } else {
        // Up the clauses: "X said that ...", "X denied that ...".
        let mut at = p;
        let mut hops = 0;
        let reporter = |v: usize| -> Option<String> {
            let subj = s.kid(v, "nsubj")?;
            let Some(m) = s.mention(subj, PEOPLE).or_else(|| s.body(subj)) else {
                // "the security source said": the source as written.
                let phrase = s.phrase(subj, false);
                let phrase = phrase.strip_prefix("the ").unwrap_or(&phrase).to_string();
                return (s.word(subj).upos != "PRON").then_some(phrase);
            };
            doc.person_name(&Arg::Mention(m))
                .filter(|_| PEOPLE.contains(&doc.view.mentions[m].kind))
                .map(|(n, _)| n)
                .or_else(|| Some(doc.mention_text(m)))
        };
        // "..., the military said": a parataxis below the predicate.
        let mut verdict = s
            .kids(p, "parataxis")
            .find(|&v| words.reporting.contains(&s.lemma(v)))
            .map(|v| (Modality::Reported, reporter(v)));
        while verdict.is_none() && hops < 4 {
            let Some(h) = s.head(at) else { break };
            let rel = s.rel(at).to_string();
            let lemma = s.lemma(h);
            if rel == "ccomp" || rel == "xcomp" || rel == "parataxis" {
                if words.denial.contains(&lemma) {
                    verdict = Some((Modality::Denied, reporter(h)));
                } else if words.accusing.contains(&lemma) {
                    verdict = Some((Modality::Alleged, reporter(h)));
                } else if words.reporting.contains(&lemma) {
                    verdict = Some((Modality::Reported, reporter(h)));
                }
            }
            at = h;
            hops += 1;
        }
        match verdict {
            Some((m, by)) => set(m, by, claim),
            None if adverbs.iter().any(|a| words.reported.contains(a)) => {
                set(Modality::Reported, None, claim)
            }
            None => {}
        }
    }
    claim.confidence = (confidence * claim.modality.weight() * 1000.0).round() / 1000.0;
}

#[cfg(test)]
#[path = "predicates_tests.rs"]
mod tests;
