//! Frames over event predicates: a lexicon (`rules/predicates.toml`) maps verb and noun
//! lemmas to claim types (sanction, warrant, charge, verdict, arrest, death report,
//! meeting, visit), and the dependency parse gives their arguments whatever the voice,
//! order or list shape; modality and attribution follow the clauses above the predicate.
//!
//! The frames run after the regex rules: a frame's claim is kept only where the rules did
//! not already make a claim of the same type with the same key.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::extract::merge::identity;
use crate::extract::{Arg, Candidate, Doc};

use crate::rules::Rule;
use crate::view::Kind;
use crate::{Claim, ClaimType, Modality};
use arguments::Parse;
use authorities::{
    joint_sanctioners, list_authority, listed, per_authority, sanctioners_by_sentence,
};
use frame::{Frame, parse_frame};
use modality::modality;

/// Verbs of `not_done_over` that ask for the act rather than try it ("ordered his arrest").
const ORDERING: &[&str] = &["order", "instruct", "ask", "urge", "call"];

use nouns::noun_frame;
use verbs::{held, inverted, ordered, seen_with, verb_frame};

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
    put_under: Vec<String>,
    include: Vec<String>,
    make: Vec<String>,
    not_arrest_under: Vec<String>,
    not_done_over: Vec<String>,
    reporting: Vec<String>,
    denial: Vec<String>,
    accusing: Vec<String>,
    negation: Vec<String>,
    alleged: Vec<String>,
    reported: Vec<String>,
    sanction_context: Vec<String>,
    reasons: Vec<String>,
    list: Vec<String>,
    group: Vec<String>,
    accompany: Vec<String>,
    sought: Vec<String>,
    judgement: Vec<String>,
    face: Vec<String>,
    receive: Vec<String>,
    give: Vec<String>,
    needs_prison: Vec<String>,
    prison: Vec<String>,
    sentence_nouns: Vec<String>,
    holdings: Vec<String>,
    list_verbs: Vec<String>,
    list_nouns: Vec<String>,
    custody: Vec<String>,
    held: Vec<String>,
    culpable: Vec<String>,
    crime_verbs: Vec<String>,
    perpetrate: Vec<String>,
    crimes: Vec<String>,
    dismiss: Vec<String>,
    courts: Vec<String>,
    acquit: Vec<String>,
    named: Vec<String>,
    group_nouns: Vec<String>,
    guilt_free: Vec<String>,
    accusation_nouns: Vec<String>,
    criminals: Vec<String>,
    criminals_with_goods: Vec<String>,
    criminal_goods: Vec<String>,
    culpable_nouns: Vec<String>,
    profit: Vec<String>,
    seen: Vec<String>,
    host: Vec<String>,
    place_nouns: Vec<String>,
}

/// How a frame was found: a verb, a noun, the reason of another frame ("sanctioned for his
/// role in ..."), or a list that continues an earlier sentence's frame.
const SHAPES: [&str; 4] = ["verb", "noun", "reason", "list"];

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
            for shape in SHAPES {
                let name = format!("frame.{}.{shape}", kind.as_str());
                rules.insert(name.clone(), rule(&name, kind));
            }
        }
        Lexicon { verbs, nouns, words: file.words, rules }
    }

    fn rule(&self, kind: ClaimType, shape: &str) -> &Rule {
        let name = format!("frame.{}.{shape}", kind.as_str());
        &self.rules[&name]
    }
}

fn rule(name: &str, kind: ClaimType) -> Rule {
    Rule::without_pattern(name, kind)
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../rules/predicates.toml")));

/// Whether a lemma is a reporting verb ("say", "tell", ...), for coreference: a speaker does
/// not call themself "he" in their own quotation.
pub(crate) fn is_reporting_verb(lemma: &str) -> bool {
    LEXICON.words.reporting.iter().any(|r| r == lemma)
}

/// A frame found in a sentence, before its arguments are named.
struct Found {
    kind: ClaimType,
    shape: &'static str,
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
    let mut mine: Vec<Claim> = Vec::new();
    let mut context = lists::Context::default();
    let mut last_visit: Option<(usize, Arg)> = None;
    for si in 0..doc.view.sentences.len() {
        if doc.view.sentences[si].words.is_empty() {
            continue;
        }
        let parse = Parse::new(doc, si);
        let mut found: Vec<Found> = lists::step(lex, &parse, &mut context);
        for p in 0..parse.len {
            for f in frames_at(lex, &parse, p) {
                found.extend(allegations::reason(lex, &parse, &f));
                found.push(f);
            }
            found.extend(allegations::at(lex, &parse, p));
        }
        found.extend(companions(lex, &parse, last_visit.clone().filter(|(s, _)| si - s <= 2)));
        if let Some(place) = found
            .iter()
            .filter(|f| f.kind == ClaimType::Visit)
            .find_map(|f| f.args.iter().find(|(k, _)| k == "place").map(|(_, a)| a.clone()))
        {
            last_visit = Some((si, place));
        }
        for mut found in found {
            if let Some(m) = list_authority(lex, doc, &parse, si, &found) {
                found.args.push(("authority".into(), Arg::Mention(m)));
            }
            // The verb a nominal predicate is the object of is in the stretch the cues read
            // ("lifted the travel ban on X", "requested a warrant for X").
            let mut words = found.words.clone();
            if let Some(g) = parse.head(found.predicate)
                && parse.rel(found.predicate) == "obj"
                && parse.word(g).upos == "VERB"
            {
                words.push(g);
            }
            let span = parse.view_span(&words);
            let c = Candidate {
                rule: lex.rule(found.kind, found.shape),
                sentence: si,
                span,
                args: found.args,
            };
            let Some(mut claim) = doc.build(&c) else { continue };
            modality(lex, doc, &parse, found.predicate, &mut claim, c.rule.confidence);
            // "X bears responsibility for ..., Y said": who says an accusation makes it, when
            // the parse gave no one else.
            if claim.kind == ClaimType::Allegation
                && claim.field("accuser").is_none()
                && let Some(source) = claim.attributed_to.clone()
            {
                claim.fields.insert("accuser".into(), serde_json::Value::String(source));
            }
            // "The Treasury says that A and B are sanctioned": a sanction told without its
            // agent by a body that imposes sanctions is that body's own act.
            if claim.kind == ClaimType::Sanction
                && claim.field("authority").is_none()
                && let Some(by) = claim.attributed_to.clone()
                && let Some(body) = doc.view.sentences[si].mentions.iter().copied().find(|&m| {
                    !PEOPLE.contains(&doc.view.mentions[m].kind) && doc.mention_text(m) == by
                })
                && !doc.not_an_issuer(body)
                && let Some(a) = doc.authority(&Arg::Mention(body))
            {
                claim.fields.insert("authority".into(), serde_json::Value::from(a));
            }
            own_act(doc, &mut claim, c.rule.confidence);
            if claim.kind == ClaimType::Allegation {
                // What one accuses another of stays alleged, whoever reports it; an
                // accusation the accused denies is denied, by them.
                let denied = allegations::denied_by(lex, &parse, found.predicate);
                claim.modality =
                    if denied.is_some() { Modality::Denied } else { Modality::Alleged };
                if let Some(by) = denied.flatten() {
                    claim.attributed_to = doc.person_name(&Arg::Mention(by)).map(|(n, _)| n);
                }
                claim.confidence =
                    (c.rule.confidence * claim.modality.weight() * 1000.0).round() / 1000.0;
            }
            mine.push(claim);
        }
    }
    let sentence_of =
        |at: usize| doc.view.sentences.iter().rposition(|s| s.span.start <= at).unwrap_or_default();
    // A sanction whose sentence names no authority ("Also designated are A and B") is
    // imposed by the one the document named nearest before it; so is a warrant ("the judges
    // issued a warrant for X" after "an ICC warrant").
    let inherits = |c: &Claim| matches!(c.kind, ClaimType::Sanction | ClaimType::Warrant);
    // The frames' own claims name authorities too ("The Treasury named A and B to its
    // list"), as the patterns' do.
    for c in claims.iter().chain(mine.iter()).filter(|c| inherits(c)) {
        if let Some(a) = c.field("authority") {
            context.note(c.kind, sentence_of(c.evidence.start), a);
        }
    }
    for claim in claims.iter_mut().chain(mine.iter_mut()).filter(|c| inherits(c)) {
        if claim.field("authority").is_none()
            && let Some(a) = context.authority_at(claim.kind, sentence_of(claim.evidence.start))
        {
            claim.fields.insert("authority".into(), serde_json::Value::from(a));
        }
    }
    // A warrant with no issuer named in its sentence or before it ("the arrest warrant issued
    // for X circulated") is the state the document is about: that state's police arrest. Two
    // states named alike: the one the story names first, its own.
    let unissued = |c: &Claim| c.kind == ClaimType::Warrant && c.field("authority").is_none();
    if claims.iter().chain(mine.iter()).any(unissued)
        && let Some(state) = doc.leading_state()
    {
        for claim in claims.iter_mut().chain(mine.iter_mut()).filter(|c| unissued(c)) {
            claim.fields.insert("authority".into(), serde_json::Value::from(state.clone()));
        }
    }
    // A pattern's claim in a sentence that someone else says ("..., the military said")
    // is reported by them; the frames' claims got this from their own predicate.
    let mine_kind = |k: ClaimType| {
        matches!(
            k,
            ClaimType::Charge
                | ClaimType::Verdict
                | ClaimType::Warrant
                | ClaimType::Arrest
                | ClaimType::Sanction
                | ClaimType::Meeting
                | ClaimType::Visit
        )
    };
    // A claim of any type already marked reported ("According to his page X was born in
    // 1979") gets its source the same way where nothing named one.
    // The frames' own asserted claims keep what their predicate said ("the Treasury said
    // it sanctioned X" is the Treasury's own act).
    let patterns = claims.iter_mut().filter(|c| {
        c.modality == Modality::Reported || (mine_kind(c.kind) && c.modality == Modality::Asserted)
    });
    let reported = mine.iter_mut().filter(|c| c.modality == Modality::Reported);
    for claim in patterns.chain(reported).filter(|c| c.attributed_to.is_none()) {
        let si = sentence_of(claim.evidence.start);
        if doc.view.sentences[si].words.is_empty() {
            continue;
        }
        let parse = Parse::new(doc, si);
        if let Some(by) = modality::sentence_source(lex, doc, &parse) {
            if claim.modality == Modality::Asserted {
                claim.modality = Modality::Reported;
                claim.confidence =
                    (claim.confidence * Modality::Reported.weight() * 1000.0).round() / 1000.0;
            }
            claim.attributed_to = Some(by);
        }
    }
    // Where a pattern already made the claim, the frame's is dropped, unless the frame's is
    // the earlier statement and names who said it ("..., three sources said" before the
    // author's own "X was arrested"): the merge of duplicates then keeps that source.
    let mut first: HashMap<(ClaimType, String), usize> = HashMap::new();
    for c in claims.iter() {
        let at = first.entry((c.kind, identity(c))).or_insert(c.evidence.start);
        *at = (*at).min(c.evidence.start);
    }
    // The authorities that acted together in each sentence, before duplicates go.
    let joint = sanctioners_by_sentence(claims.iter().chain(mine.iter()), sentence_of);
    let mut known: HashSet<(ClaimType, String)> = first.keys().cloned().collect();
    // A dropped frame claim still fills the charges or place the pattern's claim of the same
    // sentence left empty ("charged X, the former head of Y, with treason", "held talks with
    // X in Y on Sunday").
    let mut fills: Vec<Claim> = Vec::new();
    mine.retain(|c| {
        let key = (c.kind, identity(c));
        let earlier_source =
            c.attributed_to.is_some() && first.get(&key).is_some_and(|&at| c.evidence.start < at);
        let keep = known.insert(key) || earlier_source;
        if !keep {
            fills.push(c.clone());
        }
        keep
    });
    for fill in fills {
        let key = identity(&fill);
        let Some(target) = claims.iter_mut().find(|c| {
            c.kind == fill.kind && c.evidence.start == fill.evidence.start && identity(c) == key
        }) else {
            continue;
        };
        // A relative pronoun ("crimes with which he was charged") names no charge.
        let pronoun = |value: &serde_json::Value| {
            value.as_array().is_some_and(|v| {
                v.iter().any(|x| {
                    x.as_str().is_some_and(|x| matches!(x, "which" | "that" | "whom" | "what"))
                })
            })
        };
        let given = fill.fields.into_iter().filter(|(field, value)| {
            matches!(field.as_str(), "charges" | "place") && !value.is_null() && !pronoun(value)
        });
        crate::extract::merge::fill_empty(&mut target.fields, given);
    }
    claims.extend(mine);
    joint_sanctioners(doc, claims, &joint, sentence_of);
    judgements::one_verdict_each(claims, sentence_of);
}

/// A formal act told by the body that did it ("the Tribunal said it had issued warrants",
/// "the Treasury announced sanctions on X") is stated, not reported: the annotation
/// guidelines assert a sanction imposed, a warrant issued, a charge brought.
fn own_act(doc: &Doc<'_>, claim: &mut Claim, confidence: f64) {
    let formal = matches!(
        claim.kind,
        ClaimType::Sanction | ClaimType::Warrant | ClaimType::Charge | ClaimType::Verdict
    );
    if !formal || claim.modality != Modality::Reported {
        return;
    }
    let Some(by) = claim.attributed_to.clone() else { return };
    let Some(authority) = claim.field("authority").map(str::to_string) else { return };
    let same = doc.authority(&Arg::Text(by.clone())).is_some_and(|a| a == authority)
        || claim.field("court").is_some_and(|c| c == by);
    if same {
        claim.modality = Modality::Asserted;
        claim.attributed_to = None;
        claim.confidence = (confidence * Modality::Asserted.weight() * 1000.0).round() / 1000.0;
    }
}

/// Those who accompany a visitor visit too: "He was accompanied by A, B and C", "A
/// accompanied him", the place taken from the visit told just before.
fn companions(lex: &Lexicon, s: &Parse<'_>, visit: Option<(usize, Arg)>) -> Vec<Found> {
    let Some((_, place)) = visit else { return vec![] };
    let mut out = Vec::new();
    for p in 0..s.len {
        if s.word(p).upos != "VERB" || !lex.words.accompany.contains(s.lemma(p)) {
            continue;
        }
        let shared = vec![("place".to_string(), place.clone())];
        let people = if s.passive(p) {
            // "by A and B": the parser often hangs the second name on the first, so every
            // person named after the verb.
            let end = s.word(p).span.end;
            let mentions = s.doc.view.sentences[s.sentence].mentions.iter().copied();
            mentions
                .filter(|&m| {
                    let mm = &s.doc.view.mentions[m];
                    !mm.hidden && mm.kind == Kind::Per && mm.span.start >= end
                })
                .collect()
        } else {
            s.kid(p, "nsubj").map(|w| s.mentions(w, PEOPLE)).unwrap_or_default()
        };
        let by = p + 1 < s.len && s.lemma(p + 1) == "by";
        if s.passive(p) && s.agent(p).is_none() && !by {
            continue;
        }
        out.extend(per_target(ClaimType::Visit, p, people, shared, vec![p], "list"));
    }
    out
}

/// The frames a word heads.
fn frames_at(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<Found> {
    let w = s.word(p);
    let lemma = s.lemma(p);
    let frame = match w.upos.as_str() {
        "VERB" => {
            // "found guilty": a verdict.
            if lemma == "find" && s.children[p].iter().any(|&c| s.lemma(c) == "guilty") {
                let not = s.children[p].iter().any(|&c| lex.words.negation.contains(s.lemma(c)));
                Some(Frame::plain(
                    ClaimType::Verdict,
                    Some(if not { "acquitted" } else { "convicted" }.into()),
                ))
            } else if lex.words.acquit.contains(lemma)
                && s.passive(p)
                && s.patient(p).is_some_and(|t| s.mention(t, PEOPLE).is_some())
            {
                // "X was cleared of all charges", "was exonerated".
                Some(Frame::plain(ClaimType::Verdict, Some("acquitted".into())))
            } else if let Some(f) = lex.verbs.get(lemma) {
                Some(f.clone())
            } else if seen_with(lex, s, p) || lex.words.host.contains(lemma) {
                // "X is seen with Y", "pictured alongside Y", "X hosted Y".
                Some(Frame::plain(ClaimType::Meeting, None))
            } else if listed(lex, s, p) {
                // "placed on the sanctions list", "added X to its blacklist".
                Some(Frame::plain(ClaimType::Sanction, None))
            } else if held(lex, s, p) {
                // "has been held in Northland since 2020", "held in custody".
                Some(Frame::plain(ClaimType::Arrest, None))
            } else {
                None
            }
        }
        _ => None,
    };
    // "a judge issued an order to detain him", "an order for the arrest of X": an arrest
    // ordered is a warrant, not an arrest.
    let frame = match frame {
        Some(f) if f.kind == ClaimType::Arrest && s.head(p).is_some_and(|h| ordered(s, p, h)) => {
            Some(Frame { kind: ClaimType::Warrant, ..f })
        }
        f => f,
    };
    // "police were ordered to arrest X", "sought to detain X", "an attempt to capture X":
    // an arrest meant or tried is none; so is a death ("a plot to assassinate X", "efforts
    // to murder X"), but not one ordered: "who gave the order to kill X" tells of a killing
    // done and whose order it was, as "ordered the killing of X" does.
    let not_done = |k: ClaimType, h: usize| {
        let l = s.lemma(h);
        lex.words.not_done_over.contains(l)
            && !(k == ClaimType::DeathReport && ORDERING.contains(&l.as_str()))
    };
    if let Some(f) =
        frame.as_ref().filter(|f| matches!(f.kind, ClaimType::Arrest | ClaimType::DeathReport))
        && matches!(s.rel(p), "xcomp" | "acl")
        && s.kids(p, "mark").any(|m| s.lemma(m) == "to")
        && s.head(p).is_some_and(|h| not_done(f.kind, h))
    {
        return vec![];
    }
    // A noun of the lexicon, also where the tagger took it for a verb ("issued a warrant").
    // A noun of the lexicon that is no verb of it is read as a noun whatever its tag.
    let noun = lex.nouns.contains_key(lemma) && (w.upos == "NOUN" || frame.is_none());
    let frame = if noun { lex.nouns.get(lemma).cloned() } else { frame };
    let Some(frame) = frame else { return vec![] };
    // "would seek his extradition", "tried to secure her arrest": an arrest noun that a verb
    // of trying or wanting takes as its object is none (an ordered or requested one is the
    // warrant's business, elsewhere).
    if noun
        && frame.kind == ClaimType::Arrest
        && s.rel(p) == "obj"
        && s.head(p).is_some_and(|h| {
            let l = s.lemma(h);
            lex.words.not_done_over.contains(l) && !ORDERING.contains(&l.as_str())
        })
    {
        return vec![];
    }
    if !frame.conditions_hold(lex, s, p) {
        return vec![];
    }
    let mut found =
        if noun { noun_frame(lex, s, p, &frame) } else { verb_frame(lex, s, p, &frame) };
    if matches!(frame.kind, ClaimType::Sanction | ClaimType::Warrant) {
        found = per_authority(lex, s, p, noun, found);
        for f in &mut found {
            f.args.retain(|(k, a)| {
                !(k == "authority" && matches!(a, Arg::Mention(b) if lists::unknown_name(s, *b)))
            });
        }
    }
    found
        .into_iter()
        .map(|mut f| {
            let dated = f.args.iter().any(|(k, _)| k == "date");
            if let Some(t) = (!dated)
                .then(|| s.date(p).or_else(|| s.head(p).filter(|_| noun).and_then(|h| s.date(h))))
                .flatten()
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
    shape: &'static str,
) -> Vec<Found> {
    targets
        .into_iter()
        .map(|t| {
            let mut args = vec![(field_of(kind).to_string(), Arg::Mention(t))];
            args.extend(shared.iter().cloned());
            Found { kind, shape, predicate: p, args, words: words.clone() }
        })
        .collect()
}

mod allegations;
mod arguments;
mod authorities;
mod culpable;
mod frame;
mod groups;
mod judgements;
mod lists;
mod misparses;
mod modality;
mod nouns;
mod verbs;

#[cfg(test)]
mod accusation_tests;
#[cfg(test)]
mod legal_tests;
#[cfg(test)]
mod lists_tests;
#[cfg(test)]
mod meeting_tests;
#[cfg(test)]
mod sanction_tests;
#[cfg(test)]
mod sources_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trial_tests;
