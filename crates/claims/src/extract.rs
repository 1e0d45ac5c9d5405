//! Rules over views → claims: arguments named, dates placed, modality and attribution
//! decided, duplicates within the document merged.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use std::sync::LazyLock;

use model::{Deadline, Overrun};
use regex::{Captures, Regex};
use serde_json::Value;

use crate::coref::{People, name_key};
use crate::rules::{AsOf, Rule, Rules, Slot};
use crate::view::{DocumentView, Kind};
use crate::{Claim, ClaimType, Evidence, Input, Modality};

mod dates;
pub(crate) mod merge;
pub(crate) use dates::closed_relative;
mod epithets;
mod names;
mod relatives;
mod sources;

use relatives::names_a_relative;

/// One captured argument.
#[derive(Clone, Debug)]
pub(crate) enum Arg {
    Mention(usize),
    Text(String),
}

/// A rule's match before it becomes a claim.
pub(crate) struct Candidate<'r> {
    pub(crate) rule: &'r Rule,
    pub(crate) sentence: usize,
    /// Byte range of the match in the sentence's view.
    pub(crate) span: Range<usize>,
    pub(crate) args: Vec<(String, Arg)>,
}

/// Fields whose value is a person.
/// Words that make a body a court or a prosecutor's office.
const COURT_WORDS: &[&str] =
    &["court", "tribunal", "prosecut", "attorney", "judiciary", "justice", "chamber"];

/// Verbs whose subject leaves a post: the post the sentence gives that subject is over.
const LEAVING_VERBS: &[&str] = &[
    "resign",
    "quit",
    "retire",
    "oust",
    "depose",
    "overthrow",
    "topple",
    "dismiss",
    "sack",
    "fire",
    "remove",
    "impeach",
    "unseat",
];
/// Verbs whose passive subject leaves a post ("X was replaced by Y"); their active subject
/// takes it.
const REPLACED_VERBS: &[&str] = &["replace", "succeed"];

const PERSON_FIELDS: &[&str] =
    &["holder", "person", "target", "accused", "predecessor", "appointed_by", "defendant", "other"];
/// Role heads that an unqualified epithet ("the intelligence chief") may use for the
/// document's main person.
const LEADER_HEADS: &[&str] = &["head", "chief", "director", "commander", "leader"];

/// Words that make a role a lesser one ("deputy head"), kept with the head.
const RANK_QUALIFIERS: &[&str] = &["deputy", "vice", "assistant", "acting", "former", "interim"];
/// Adverbs that put a post in the past ("formerly head of").
const FORMER_ADVERBS: &[&str] = &["formerly", "previously"];
/// Past forms that tell a post as over when the rule gives it no date ("was head of",
/// "had headed"); "has been" is not among them: it still holds.
const PAST_VERBS: &[&str] = &[
    "was",
    "were",
    "had",
    "headed",
    "led",
    "ran",
    "directed",
    "chaired",
    "commanded",
    "served",
    "held",
    "occupied",
];
/// "between ⟦TIME⟧ and", "from ⟦TIME⟧ to", "appointed in", "elected on": the text before a
/// date says it is a period (of a post, or of the war a reason names) or the date of an
/// appointment, not the day of a one-time act.
static PERIOD_OR_APPOINTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bbetween|\bbetween (?:⟦TIME:\d+⟧|\S+) and|\bfrom|\bfrom (?:⟦TIME:\d+⟧|\S+) (?:to|until|through)|\b(?:appointed|named|nominated|elected|promoted|installed|sworn in|reappointed) (?:in|on))\s*$")
        .expect("valid pattern")
});

/// Whether a date after `before` belongs to a post or an appointment rather than to an act
/// of `kind` (an appointment keeps its own date; a meeting or visit may span days).
fn other_period(before: &str, kind: Option<ClaimType>) -> bool {
    matches!(
        kind,
        Some(ClaimType::Sanction | ClaimType::Warrant | ClaimType::Charge | ClaimType::Verdict)
    ) && PERIOD_OR_APPOINTED.is_match(before)
}

/// Whether the text before a date says it dates a post or an appointment (for the dated
/// statements that later undated acts inherit their date from).
pub(crate) fn dates_a_post(before: &str) -> bool {
    PERIOD_OR_APPOINTED.is_match(before)
}

/// The text before a date that puts it in a "since" phrase ("since its establishment in").
static SINCE_PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bsince\b[^,;.⟧]{0,40}$").expect("valid pattern"));

/// A sentence that opens by pointing at the event of the sentence before it.
static ANAPHORIC_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:This|That|It) (?:came|comes|followed|follows|happened|occurred|was) (?:after|before|days|weeks|shortly|soon)")
        .expect("valid pattern")
});
/// A date phrase right after a post: "since T", "until T", "from T to T", "between T and T";
/// up to two lowercase words may end the body's phrase first ("head of Norvania's DAS
/// intelligence group between T and T").
static DATES_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?-i:[a-z][a-z-]*) ){0,2}(?:(?<case>since|until|till) ⟦TIME:(?<a>\d+)⟧|(?:from|between) ⟦TIME:(?<a2>\d+)⟧ (?:to|and|until|through) ⟦TIME:(?<b>\d+)⟧)")
        .expect("valid pattern")
});
/// A sentence that opens by placing its post before the one of the sentence before it.
static BEFORE_THAT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Before|Prior to) (?:that|this|then)\b").expect("valid pattern")
});

/// Extracts the claims of one document with the English rules.
pub fn extract(input: &Input<'_>) -> Vec<Claim> {
    extract_with(Rules::english(), input)
}

/// Extracts the claims of one document with the given rules.
pub fn extract_with(rules: &Rules, input: &Input<'_>) -> Vec<Claim> {
    match extract_within(rules, input, Deadline::none()) {
        Ok(claims) => claims,
        Err(Overrun) => unreachable!("no deadline, no overrun"),
    }
}

/// [`extract_with`] that stops with [`Overrun`] once `deadline` passes: it looks between
/// steps and between sentences, each of which is bounded (the read stage cuts long runs into
/// windows).
pub fn extract_within(
    rules: &Rules,
    input: &Input<'_>,
    deadline: Deadline,
) -> Result<Vec<Claim>, Overrun> {
    let view = DocumentView::build(input.text, input.annotations, input.words);
    deadline.check()?;
    let people = People::build(input.text, &view);
    deadline.check()?;
    let doc = Doc {
        input,
        rules,
        view: &view,
        people: &people,
        profiles: HashMap::new(),
        sources: std::cell::OnceCell::new(),
        epithets: std::cell::OnceCell::new(),
    };
    doc.run(deadline)
}

/// What the document says about a person elsewhere: countries and role heads.
#[derive(Default, Clone, Debug)]
struct Profile {
    countries: BTreeSet<String>,
    roles: BTreeSet<String>,
    orgs: Vec<String>,
}

pub(crate) struct Doc<'a> {
    pub(crate) input: &'a Input<'a>,
    pub(crate) rules: &'a Rules,
    pub(crate) view: &'a DocumentView,
    pub(crate) people: &'a People,
    profiles: HashMap<usize, Profile>,
    /// The source each sentence cites, found once per document.
    sources: std::cell::OnceCell<Vec<Option<String>>>,
    /// The people each epithet, rank and age was given with, found once per document.
    epithets: std::cell::OnceCell<epithets::Epithets>,
}

fn group_args(rule_slots: &[Slot], caps: &Captures<'_>, args: &mut Vec<(String, Arg)>) {
    for slot in rule_slots {
        if let Some(m) = caps.name(&slot.group) {
            let arg = if slot.text {
                Arg::Text(m.as_str().trim().to_string())
            } else {
                match m.as_str().parse() {
                    Ok(i) => Arg::Mention(i),
                    Err(_) => continue,
                }
            };
            args.push((slot.field.clone(), arg));
        }
    }
}

/// Whether ISO date `a` (any precision) is surely after `b`: compared at the coarser of
/// the two precisions ("2016-05-08" is after "2015-09"; "2015" is not after "2015-09").
fn later_than(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a.get(..n).zip(b.get(..n)).is_some_and(|(a, b)| a > b)
}

impl<'a> Doc<'a> {
    pub(crate) fn text(&self) -> &'a str {
        self.input.text
    }

    pub(crate) fn mention_text(&self, m: usize) -> String {
        let t = self.view.text(self.text(), m).trim();
        let t = t.strip_prefix("the ").or_else(|| t.strip_prefix("The ")).unwrap_or(t);
        let t = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s")).unwrap_or(t);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn run(mut self, deadline: Deadline) -> Result<Vec<Claim>, Overrun> {
        let mut candidates = Vec::new();
        let mut may_match = Vec::new();
        for (si, s) in self.view.sentences.iter().enumerate() {
            deadline.check()?;
            self.rules.prefilter.candidates(&s.view, &mut may_match);
            for (ri, rule) in self.rules.rules.iter().enumerate() {
                // Most rules match no sentence: the literal prefilter first, then the fast
                // test, captures only on a hit.
                debug_assert!(
                    may_match[ri] || !rule.regex.is_match(&s.view),
                    "the prefilter dropped rule {} on a sentence it matches: {}",
                    rule.name,
                    s.view
                );
                if !may_match[ri] || !rule.regex.is_match(&s.view) {
                    continue;
                }
                for caps in rule.regex.captures_iter(&s.view) {
                    if names_a_relative(
                        &rule.slots,
                        &caps,
                        &s.view,
                        &self.view.mentions,
                        &self.rules.kin,
                    ) {
                        continue;
                    }
                    let whole = caps.get(0).expect("group 0");
                    let mut args = Vec::new();
                    group_args(&rule.slots, &caps, &mut args);
                    match &rule.each {
                        None => candidates.push(Candidate {
                            rule,
                            sentence: si,
                            span: whole.range(),
                            args,
                        }),
                        Some((each, slots)) => {
                            // One claim per match of `each`, matched again and again right
                            // after the last (patterns starting with `^` are anchored there).
                            // For meetings, names joined by a bare "and" or comma ("met A
                            // and B") stay one meeting; names with appositions between
                            // them ("met A, the X, and B, the Y") are met one by one.
                            let mut at = whole.end();
                            let mut current: Option<Candidate<'_>> = None;
                            while at <= s.view.len() {
                                let Some(more) = each.captures(&s.view[at..]) else { break };
                                let m0 = more.get(0).expect("group 0");
                                if m0.end() == 0 {
                                    break;
                                }
                                // Items after the first follow a separator: "designated A
                                // under the B Act" lists one name, not two.
                                let lead = m0.as_str().split('⟦').next().unwrap_or("");
                                let separated = lead.contains([',', ';', '('])
                                    || lead.split_whitespace().any(|w| matches!(w, "and" | "well"));
                                if current.is_some() && !separated {
                                    break;
                                }
                                // "A, the Varsk Guard's deputy commander": a possessor in an
                                // item's apposition is no item of its own.
                                let after = &s.view[at + m0.end()..];
                                if after.starts_with(" 's") || after.starts_with(" ’s") {
                                    at += m0.end();
                                    continue;
                                }
                                let mut extra = Vec::new();
                                group_args(slots, &more, &mut extra);
                                let gap = m0.as_str().split('⟦').next().unwrap_or("").trim();
                                let plain = matches!(gap, "" | "and" | ",");
                                let end = at + m0.end();
                                match &mut current {
                                    Some(c) if plain && rule.kind == Some(ClaimType::Meeting) => {
                                        c.args.extend(extra);
                                        c.span.end = end;
                                    }
                                    _ => {
                                        if let Some(done) = current.take() {
                                            candidates.push(done);
                                        }
                                        let mut all = args.clone();
                                        all.extend(extra);
                                        current = Some(Candidate {
                                            rule,
                                            sentence: si,
                                            span: whole.start()..end,
                                            args: all,
                                        });
                                    }
                                }
                                at = end;
                            }
                            candidates.extend(current);
                        }
                    }
                }
            }
        }
        // Positions first: what they say about people helps resolve descriptions.
        let mut claims: Vec<Claim> = Vec::new();
        for c in candidates.iter().filter(|c| c.rule.kind == Some(ClaimType::Position)) {
            if let Some(claim) = self.build(c) {
                self.learn(&claim, c);
                claims.push(claim);
            }
        }
        self.learn_premodifiers();
        for c in &candidates {
            match c.rule.kind {
                Some(ClaimType::Position) => {}
                Some(_) => claims.extend(self.build(c)),
                None => self.tenure(c, &mut claims),
            }
        }
        // Frames over the parse add what the patterns above did not find.
        crate::frames::run(&self, &mut claims);
        self.learn_frame_roles(&claims);
        crate::frames::predicates::extend(&self, &mut claims);
        claims.sort_by_key(|c| (c.evidence.start, c.kind));
        // The states the document names, found once for the passes that compare posts'
        // bodies with them.
        let states = self.state_names();
        let is_state = |o: &str| self.is_state(o) || states.contains(o);
        crate::post_states::one_state_per_post(is_state, &mut claims);
        crate::post_states::home_state_of_bodies(is_state, &mut claims);
        crate::post_states::counterparts(&mut claims);
        let claims = merge::one_reading_of_meetings(merge::merge_duplicates(claims));
        let mut claims = merge::bodiless_appointments(claims);
        crate::event_dates::fill(&self, &mut claims);
        self.foreign_trials(&mut claims);
        start_from_appointment(&mut claims);
        crate::body_ends::close_posts(&self, &mut claims);
        Ok(self.drop_subsumed_posts(claims, &states))
    }

    /// Records what a position says about its holder.
    fn learn(&mut self, claim: &Claim, c: &Candidate<'_>) {
        let Some(group) = c.args.iter().find(|(f, _)| f == "holder").and_then(|(_, a)| match a {
            Arg::Mention(m) => self.person_group(*m),
            Arg::Text(_) => None,
        }) else {
            return;
        };
        let mut countries = Vec::new();
        for (field, arg) in &c.args {
            if field != "organization" {
                continue;
            }
            if let Arg::Mention(m) = arg {
                let mention = &self.view.mentions[*m];
                if mention.kind == Kind::Nat {
                    countries.extend(mention.value.clone());
                } else if let Some(country) = self.country_before(*m) {
                    countries.push(country);
                }
            }
        }
        let profile = self.profiles.entry(group).or_default();
        profile.countries.extend(countries);
        if let Some(role) = claim.field("role")
            && let Some(head) = role.split_whitespace().last()
        {
            profile.roles.insert(head.to_lowercase());
        }
        if let Some(org) = claim.field("organization") {
            profile.orgs.push(org.to_string());
        }
    }

    /// The posts the frames found ("X was the president of Y"), so that a later "the
    /// former president" can name its one holder.
    fn learn_frame_roles(&mut self, claims: &[Claim]) {
        for c in claims.iter().filter(|c| c.kind == ClaimType::Position) {
            let (Some(holder), Some(role)) = (c.field("holder"), c.field("role")) else {
                continue;
            };
            let Some(head) = role.split_whitespace().last() else { continue };
            if let Some(g) = self.people.people.iter().position(|p| p.name == holder) {
                self.profiles.entry(g).or_default().roles.insert(head.to_lowercase());
            }
        }
    }

    /// Nationality adjectives before a name, across a role ("Egyptian intelligence chief X").
    fn learn_premodifiers(&mut self) {
        for s in &self.view.sentences {
            for (k, &m) in s.mentions.iter().enumerate() {
                if self.view.mentions[m].kind != Kind::Per {
                    continue;
                }
                let mut end = self.view.mentions[m].span.start;
                for &p in s.mentions[..k].iter().rev() {
                    let pm = &self.view.mentions[p];
                    let gap = &self.text()[pm.span.end.min(end)..end];
                    if gap.split_whitespace().count() > 2
                        || gap.chars().any(|c| !(c.is_lowercase() || c.is_whitespace()))
                    {
                        break;
                    }
                    match pm.kind {
                        Kind::Role | Kind::Rank => end = pm.span.start,
                        Kind::Nat => {
                            if let (Some(g), Some(v)) = (self.people.of_mention.get(&m), &pm.value)
                            {
                                self.profiles.entry(*g).or_default().countries.insert(v.clone());
                            }
                            break;
                        }
                        _ => break,
                    }
                }
            }
        }
    }

    pub(crate) fn build(&self, c: &Candidate<'_>) -> Option<Claim> {
        let kind = c.rule.kind?;
        let s = &self.view.sentences[c.sentence];
        let matched = &s.view[c.span.clone()];
        if c.rule.requires.as_ref().is_some_and(|r| !r.is_match(matched))
            || c.rule.forbid.as_ref().is_some_and(|r| r.is_match(matched))
            || c.rule.not_after.as_ref().is_some_and(|r| r.is_match(&s.view[..c.span.start]))
        {
            return None;
        }
        if let Some(cancel) = self.rules.cues.cancel.get(&kind)
            && cancel.is_match(&s.view[c.span.clone()])
        {
            return None;
        }
        let sha12: String = self.input.sha256.chars().take(12).collect();
        let mut fields: BTreeMap<String, Value> = BTreeMap::new();
        let mut entity_ids: BTreeMap<String, Value> = BTreeMap::new();
        // Person fields whose name is incomplete and may be another person's (see
        // `coref::incomplete_name_doubts`): shown to the reviewer, never joined.
        let mut may_be: BTreeMap<String, Value> = BTreeMap::new();
        let mut participants: Vec<(String, Option<usize>)> = Vec::new();
        for (field, arg) in &c.args {
            let arg = &self.expand(arg);
            let field = field.as_str();
            let value: Option<String> = match field {
                // "the Communist Party Secretary of X": a body that opens a post is no one.
                f if PERSON_FIELDS.contains(&f)
                    && matches!(arg, Arg::Mention(m) if self.opens_a_post(*m)) =>
                {
                    return None;
                }
                f if PERSON_FIELDS.contains(&f) => match self.person_name(arg) {
                    Some((_, Some(g)))
                        if kind == ClaimType::DeathReport
                            && self.speaker_said(c.sentence, arg, g) =>
                    {
                        return None;
                    }
                    Some((name, g)) => {
                        if let Some(g) = g {
                            entity_ids.insert(f.into(), Value::from(format!("{sha12}/p{g}")));
                            if let Some(h) = self.people.may_be.get(g).copied().flatten() {
                                may_be.insert(
                                    f.into(),
                                    Value::from(self.people.people[h].name.clone()),
                                );
                            }
                        }
                        Some(name)
                    }
                    None => return None,
                },
                "participants" => {
                    if let Some(p) = self.party(arg) {
                        participants.push(p);
                    }
                    continue;
                }
                "accuser" => self.party(arg).map(|(n, _)| n),
                "kind" if kind == ClaimType::Relation => {
                    let word = match arg {
                        Arg::Mention(m) => self.mention_text(*m),
                        Arg::Text(t) => t.clone(),
                    };
                    match self.rules.kin.get(&word.to_lowercase()) {
                        Some(k) => Some(k.clone()),
                        None => return None,
                    }
                }
                "authority" => match arg {
                    // "Wielgosz imposes sanctions", "Varsk had sanctioned": a person or a
                    // city named as the issuer leaves the state unknown; no claim, rather
                    // than a person or a city as a sanctioning authority, or a guess.
                    Arg::Mention(m) if kind == ClaimType::Sanction && self.not_an_issuer(*m) => {
                        return None;
                    }
                    // "wanted by the Hague-based Internat": a document cut off mid-name
                    // names no issuer, and the sentence is not whole evidence.
                    _ if self.cut_at_end(arg) => return None,
                    // A court in a place that is no state, on a warrant: the state it lies
                    // in, if known, else the fallbacks below.
                    Arg::Mention(m)
                        if kind == ClaimType::Warrant
                            && self.view.mentions[*m].kind == Kind::Loc
                            && !self.is_state(&self.mention_text(*m))
                            && !self
                                .rules
                                .authority
                                .contains_key(&self.mention_text(*m).to_lowercase())
                            && crate::cities::state_of(&self.mention_text(*m)).is_none() =>
                    {
                        self.place_state(*m).or_else(|| self.authority(arg))
                    }
                    // "the Norvanian Office of the Attorney General" is Norvania.
                    // "the court in Varnholm": a place that is no state gives the state it
                    // lies in, if known; else none, and the fallbacks below decide.
                    Arg::Mention(m)
                        if matches!(kind, ClaimType::Charge | ClaimType::Verdict)
                            && self.view.mentions[*m].kind == Kind::Loc
                            && !self.is_state(&self.mention_text(*m)) =>
                    {
                        self.place_state(*m)
                    }
                    Arg::Mention(m) if matches!(kind, ClaimType::Charge | ClaimType::Verdict) => {
                        self.court_mention_authority(*m).or_else(|| self.authority(arg))
                    }
                    _ => self.authority(arg),
                },
                "date" | "start" | "end" => match arg {
                    Arg::Mention(m) => self.date_of(*m),
                    // A year a frame read off the text ("president X (1989-1999)").
                    Arg::Text(t) => iso_date(t),
                },
                "organization" => match arg {
                    Arg::Mention(m) => match self.view.mentions[*m].kind {
                        Kind::Per | Kind::Pro => self.person_name(arg).map(|(n, _)| n),
                        Kind::Nat => self.view.mentions[*m].value.clone(),
                        Kind::Loc if self.possessor(c, *m) => return None,
                        _ => {
                            // "US", "EU": the state or union by its name; an acronym the
                            // document spells out ("Border Guard Service (BGS)") by its
                            // full name.
                            let t = self.mention_text(*m);
                            match self.rules.country.get(&t.to_lowercase()) {
                                Some(country) => Some(country.clone()),
                                None => Some(expand_acronym(self.text(), &t).unwrap_or(t)),
                            }
                        }
                    },
                    Arg::Text(t) => Some(t.clone()),
                },
                "role" => match arg {
                    Arg::Mention(m) => {
                        Some(singular_role(&self.view.text(self.text(), *m).to_lowercase()))
                    }
                    Arg::Text(t) => Some(t.to_lowercase()),
                },
                "place" => match arg {
                    Arg::Mention(m) => match self.view.mentions[*m].kind {
                        Kind::Nat => self.view.mentions[*m].value.clone(),
                        _ => Some(self.mention_text(*m)),
                    },
                    Arg::Text(t) => Some(t.clone()),
                },
                // "the killings of three critics, investigators said": the act, not who
                // tells of it.
                "act" => match arg {
                    Arg::Mention(m) => Some(self.mention_text(*m)),
                    Arg::Text(t) => Some(sources::unattributed(t)),
                },
                "value" => match arg {
                    Arg::Mention(m) => match self.view.mentions[*m].kind {
                        Kind::Rank => self.view.mentions[*m].value.clone(),
                        Kind::Time => self.date_of(*m),
                        _ => Some(self.mention_text(*m)),
                    },
                    Arg::Text(t) => Some(t.clone()),
                },
                _ => match arg {
                    Arg::Mention(m) => Some(self.mention_text(*m)),
                    Arg::Text(t) => Some(t.clone()),
                },
            };
            if let Some(v) = value {
                if field == "charges" {
                    fields.insert(field.into(), Value::from(split_list(&v)));
                } else {
                    fields.entry(field.into()).or_insert(Value::from(v));
                }
            }
        }
        for (k, v) in &c.rule.set {
            fields.insert(k.clone(), Value::from(v.clone()));
        }
        // "X, Director of Communications": a function of some body, not a body.
        if matches!(kind, ClaimType::Position | ClaimType::Appointment)
            && fields
                .get("organization")
                .and_then(Value::as_str)
                .is_some_and(crate::frames::is_function_body)
        {
            return None;
        }
        if kind == ClaimType::Meeting {
            let mut seen = BTreeSet::new();
            participants.retain(|(n, _)| seen.insert(name_key(n)));
            if participants.len() < 2 {
                return None;
            }
            let ids: Vec<Value> = participants
                .iter()
                .map(|(_, g)| g.map_or(Value::Null, |g| Value::from(format!("{sha12}/p{g}"))))
                .collect();
            entity_ids.insert("participants".into(), Value::from(ids));
            fields.insert(
                "participants".into(),
                Value::from(participants.into_iter().map(|(n, _)| n).collect::<Vec<_>>()),
            );
        }
        // "Egypt's General Intelligence Directorate": the country stays with the post, so
        // that bodies of the same name in two states can be told apart later.
        if matches!(kind, ClaimType::Position | ClaimType::Appointment)
            && let Some((_, Arg::Mention(m))) = c.args.iter().find(|(f, _)| f == "organization")
            && matches!(self.view.mentions[*m].kind, Kind::Org | Kind::Misc)
            && let Some(country) = self.country_before(*m)
        {
            fields.insert("country".into(), Value::from(country));
        }
        // A warrant a judge or court issues without a state named ("a judge issued an order
        // to detain him") has its state found as a verdict's is.
        let by_court = kind == ClaimType::Warrant && {
            let lower = s.view.to_lowercase();
            ["judge", "court", "prosecutor", "magistrate"].iter().any(|w| lower.contains(w))
        };
        if (matches!(kind, ClaimType::Charge | ClaimType::Verdict) || by_court)
            && fields.get("authority").is_none_or(Value::is_null)
        {
            let court = c.args.iter().find(|(f, _)| f == "court").map(|(_, a)| a);
            let from_court = court.and_then(|a| match a {
                Arg::Mention(m) => self.court_mention_authority(*m),
                Arg::Text(t) => self.court_authority_in(t),
            });
            if let Some(a) = from_court
                .or_else(|| self.nearest_court(c.sentence))
                .or_else(|| self.main_state())
                .or_else(|| self.sentence_state(c.sentence))
            {
                fields.insert("authority".into(), Value::from(a));
            }
        }
        // "Also designated are A, B and C": the list's authority is the one the document
        // names as imposing sanctions nearest to it.
        if kind == ClaimType::Sanction && fields.get("authority").is_none_or(Value::is_null) {
            let n = self.view.sentences.len();
            if let Some(a) = (0..=c.sentence).rev().chain(c.sentence + 1..n).find_map(|i| {
                self.authority_by(&self.rules.sanctioner, &self.view.sentences[i].view, false)
            }) {
                fields.insert("authority".into(), Value::from(a));
            }
        }
        if kind == ClaimType::Position && !fields.contains_key("organization") {
            self.epithet_post(c, &mut fields);
        }
        if !required(kind, &fields) {
            return None;
        }
        // A post held "as of" a date, dated events.
        match kind {
            ClaimType::Position => {
                // A former post does not hold at the publication date: no `as_of` from it
                // (the contract's null), and `former` so that fusion ends it by then.
                let former = c.rule.former || self.former_post(c, matched);
                let as_of = match c.rule.as_of {
                    Some(AsOf::Published) if !former => self.published_iso(),
                    Some(AsOf::Sentence) => self.sentence_date(c.sentence),
                    _ => None,
                };
                fields.insert("as_of".into(), as_of.map_or(Value::Null, Value::from));
                if former {
                    fields.insert("former".into(), Value::from(true));
                }
                // "Before that he was deputy head": the post ended when the one the sentence
                // before dates began.
                if fields.get("end").is_none_or(Value::is_null)
                    && !c.rule.own_dates_only
                    && BEFORE_THAT_OPENING.is_match(&self.text()[s.span.clone()])
                    && let Some(end) = self.previous_sentence_date(c.sentence)
                {
                    fields.insert("end".into(), Value::from(end));
                }
                // "X, director of Y since January 2021 and ...": a date right after the post
                // phrase, wherever the parse hung it.
                if fields.get("start").is_none_or(Value::is_null)
                    && fields.get("end").is_none_or(Value::is_null)
                    && !c.rule.own_dates_only
                {
                    let (start, end) = self.dates_after(c);
                    if let Some(d) = start {
                        fields.insert("start".into(), Value::from(d));
                    }
                    if let Some(d) = end {
                        fields.insert("end".into(), Value::from(d));
                    }
                }
                // A former post ended by the publication date: an end after it is a date
                // misread (a bare "May 8" taken forward), not the post's end.
                if former
                    && let (Some(end), Some(published)) =
                        (fields.get("end").and_then(Value::as_str), self.published_iso())
                    && later_than(end, &published)
                {
                    fields.insert("end".into(), Value::Null);
                }
                // "X, Norvania's interior minister from 2006 to 2016": a post the text gives an
                // end (before the publication date, when known) no longer holds: former, and
                // no "as of" (a sentence's date there is the post's own start or end).
                if let Some(end) = fields.get("end").and_then(Value::as_str)
                    && self.published_iso().is_none_or(|p| !later_than(end, &p))
                {
                    fields.insert("as_of".into(), Value::Null);
                    fields.insert("former".into(), Value::from(true));
                }
                // "Treasury Secretary X": a one-word body that makes, with the post, a post
                // only one state has is that state's ("the Treasury" alone says not whose).
                if let (Some(org), Some(role)) = (
                    fields.get("organization").and_then(Value::as_str),
                    fields.get("role").and_then(Value::as_str),
                ) && !org.contains(' ')
                    && let Some(state) = crate::frames::state_of_title(&format!("{org} {role}"))
                {
                    fields.insert("organization".into(), Value::from(state));
                    entity_ids.remove("organization");
                }
                for f in ["start", "end"] {
                    fields.entry(f.into()).or_insert(Value::Null);
                }
                if fields.get("holder") == fields.get("organization") {
                    return None;
                }
            }
            ClaimType::Attribute => {}
            ClaimType::Relation => {
                // "his brother X" where the pronoun is X himself says nothing. But a kin noun
                // names two people: "X's father, Y" where Y is a word of X's full name (an
                // Arabic name carries the father's) is Y as written, not X again.
                if fields.get("person") == fields.get("other") {
                    let written = c.args.iter().find_map(|(f, a)| match (f.as_str(), a) {
                        ("person", Arg::Mention(m)) => Some(self.mention_text(*m)),
                        _ => None,
                    });
                    let other = fields.get("other").and_then(Value::as_str).unwrap_or("");
                    match written {
                        Some(w) if inner_word(&w, other) => {
                            fields.insert("person".into(), Value::from(w));
                            entity_ids.remove("person");
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                if fields.get("date").is_none_or(Value::is_null) && !c.rule.own_dates_only {
                    let date = self.nearest_date(c);
                    fields.insert("date".into(), date.map_or(Value::Null, Value::from));
                }
            }
        }
        for f in expected_fields(kind) {
            fields.entry((*f).into()).or_insert(Value::Null);
        }
        let (modality, attributed_to) = self.modality(c, kind);
        let heading = if s.heading { 0.9 } else { 1.0 };
        // A person named only in part, who may be another of the story: half as sure.
        let doubt = if may_be.is_empty() { 1.0 } else { 0.5 };
        if !may_be.is_empty() {
            fields.insert("may_be".into(), Value::Object(may_be.into_iter().collect()));
        }
        let confidence =
            (c.rule.confidence * modality.weight() * heading * doubt * 1000.0).round() / 1000.0;
        let evidence = Evidence {
            text: self.text()[s.span.clone()].to_string(),
            start: s.span.start,
            end: s.span.end,
        };
        let mut claim = Claim {
            id: String::new(),
            doc: self.input.doc.to_string(),
            doc_sha256: self.input.sha256.to_string(),
            kind,
            fields,
            modality,
            attributed_to,
            evidence,
            confidence,
            entity_ids,
            rule: c.rule.name.clone(),
        };
        let key = merge::identity(&claim);
        claim.id = model::Sha256::digest(
            format!(
                "{}|{}|{}|{}|{key}",
                self.input.sha256,
                kind.as_str(),
                s.span.start,
                s.span.end
            )
            .as_bytes(),
        )
        .short(16);
        Some(claim)
    }

    /// "The Air Force intelligence head is accused...": a description with an organisation in
    /// it says the post of the person it stands for.
    fn epithet_post(&self, c: &Candidate<'_>, fields: &mut BTreeMap<String, Value>) {
        let Some(Arg::Mention(d)) = c.args.iter().find(|(f, _)| f == "holder").map(|(_, a)| a)
        else {
            return;
        };
        let desc = &self.view.mentions[*d];
        if desc.kind != Kind::Desc {
            return;
        }
        let parts: Vec<&crate::view::Mention> =
            desc.parts.iter().map(|&p| &self.view.mentions[p]).collect();
        let Some(role) = parts.iter().find(|p| p.kind == Kind::Role) else { return };
        if !parts.iter().any(|p| matches!(p.kind, Kind::Org | Kind::Misc)) {
            return;
        }
        let first = parts.iter().map(|p| p.span.start).min().unwrap_or(role.span.start);
        let org = self.text()[first..role.span.start].split_whitespace().collect::<Vec<_>>();
        if org.is_empty() {
            return;
        }
        let mut org = org.join(" ");
        let mut role = self.text()[role.span.clone()].to_lowercase();
        // "the Air Force intelligence head": the words before the head name the branch, so
        // they belong to the organisation and the role is the head alone.
        if let Some((branch, head)) = role.rsplit_once(' ')
            && LEADER_HEADS.contains(&head)
            && !branch.split(' ').any(|w| RANK_QUALIFIERS.contains(&w))
        {
            org = format!("{org} {branch}");
            role = head.to_string();
        }
        fields.insert("organization".into(), Value::from(org));
        fields.insert("role".into(), Value::from(role));
    }

    /// A post described only by country ("Syrian security head X") says less than a post in
    /// a named body that the same document gives the same person ("X, Syrian National
    /// Security Bureau chief"); the first is dropped.
    fn drop_subsumed_posts(&self, claims: Vec<Claim>, countries: &BTreeSet<String>) -> Vec<Claim> {
        let is_country = |c: &Claim| c.field("organization").is_some_and(|o| countries.contains(o));
        let specific: BTreeSet<String> = claims
            .iter()
            .filter(|c| c.kind == ClaimType::Position && !is_country(c))
            .filter_map(|c| c.field("holder").map(String::from))
            .collect();
        claims
            .into_iter()
            .filter(|c| {
                c.kind != ClaimType::Position
                    || !is_country(c)
                    || !c.field("holder").is_some_and(|h| specific.contains(h))
                    // "Vice President X" who was once a judge: a post of the state itself.
                    || c.field("role").is_some_and(crate::frames::is_state_post)
            })
            .collect()
    }

    /// The states the document names by adjective and those of the authority table.
    fn state_names(&self) -> BTreeSet<String> {
        self.view
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Nat)
            .filter_map(|m| m.value.clone())
            .chain(self.rules.authority.values().cloned())
            .collect()
    }

    /// "He has been in office since 2012": dates the holder's last position stated before.
    fn tenure(&self, c: &Candidate<'_>, claims: &mut [Claim]) {
        let Some(holder) = c.args.iter().find(|(f, _)| f == "holder").map(|(_, a)| a) else {
            return;
        };
        let Some((name, _)) = self.person_name(holder) else { return };
        let start = c.args.iter().find_map(|(f, a)| match (f.as_str(), a) {
            ("start", Arg::Mention(m)) => self.date_of(*m),
            _ => None,
        });
        let Some(start) = start else { return };
        let at = self.view.sentences[c.sentence].span.start;
        if let Some(p) = claims.iter_mut().rev().find(|p| {
            p.kind == ClaimType::Position
                && p.evidence.start <= at
                && p.field("holder") == Some(name.as_str())
        }) && p.fields.get("start").is_none_or(Value::is_null)
        {
            p.fields.insert("start".into(), Value::from(start));
        }
    }
}

/// "X was appointed to head Y in March 2019": the post the appointment gives starts on its
/// date (the same sentence, the same person, the same body: an infobox's offices share one
/// sentence, and one office's appointment does not date another).
fn start_from_appointment(claims: &mut [Claim]) {
    let body = |c: &Claim| c.field("organization").map(str::to_lowercase);
    let dated: Vec<(usize, String, Option<String>, String)> = claims
        .iter()
        .filter(|c| c.kind == ClaimType::Appointment)
        .filter_map(|c| {
            let person = c.field("person")?;
            let date = c.field("date")?.to_string();
            Some((c.evidence.start, name_key(person).join(" "), body(c), date))
        })
        .collect();
    if dated.is_empty() {
        return;
    }
    for c in claims.iter_mut() {
        if c.kind != ClaimType::Position || !c.fields.get("start").is_none_or(Value::is_null) {
            continue;
        }
        let Some(holder) = c.field("holder").map(|h| name_key(h).join(" ")) else { continue };
        let org = body(c);
        if let Some((_, _, _, d)) = dated.iter().find(|(at, p, o, _)| {
            *at == c.evidence.start && *p == holder && (o.is_none() || *o == org)
        }) {
            c.fields.insert("start".into(), Value::from(d.clone()));
        }
    }
}

/// The fields every claim of a type carries, `null` when unknown.
pub(crate) fn expected_fields(kind: ClaimType) -> &'static [&'static str] {
    match kind {
        ClaimType::Position => &["holder", "role", "organization", "start", "end", "as_of"],
        ClaimType::Appointment => {
            &["person", "role", "organization", "date", "predecessor", "appointed_by"]
        }
        ClaimType::Meeting => &["participants", "place", "date"],
        ClaimType::Visit => &["person", "place", "date", "purpose"],
        ClaimType::Sanction => &["authority", "target", "date", "reason"],
        ClaimType::Warrant => &["authority", "target", "date", "charges"],
        ClaimType::Arrest => &["person", "authority", "date", "place"],
        ClaimType::Allegation => &["accused", "accuser", "act", "date"],
        ClaimType::Health => &["person", "condition", "date"],
        ClaimType::DeathReport => &["person", "place", "date"],
        ClaimType::Attribute => &["person", "key", "value"],
        ClaimType::Charge => &["authority", "defendant", "charges", "date", "court"],
        ClaimType::Verdict => {
            &["authority", "court", "defendant", "outcome", "charges", "sentence", "date"]
        }
        ClaimType::Relation => &["person", "other", "kind"],
    }
}

/// Whether a claim has what makes it a claim of its type.
fn required(kind: ClaimType, f: &BTreeMap<String, Value>) -> bool {
    let has = |k: &str| f.get(k).is_some_and(|v| !v.is_null());
    match kind {
        ClaimType::Position => has("holder") && has("organization"),
        ClaimType::Appointment => has("person") && (has("organization") || has("role")),
        ClaimType::Meeting => true,
        ClaimType::Visit => has("person") && has("place"),
        ClaimType::Sanction | ClaimType::Warrant => has("target"),
        ClaimType::Arrest | ClaimType::Health | ClaimType::DeathReport => has("person"),
        ClaimType::Allegation => has("accused"),
        ClaimType::Attribute => has("person") && has("key") && has("value"),
        ClaimType::Charge => has("defendant"),
        ClaimType::Verdict => has("defendant") && has("outcome"),
        ClaimType::Relation => has("person") && has("other") && has("kind"),
    }
}

/// The full name a text gives an acronym where it introduces it ("the Border Guard Service
/// (BGS)" → "Border Guard Service"): the capitalised words before the first "(ACRONYM)"
/// whose initials spell it, with the small words between them.
pub(crate) fn expand_acronym(text: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if !(2..=8).contains(&letters.len()) || !acronym.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    let at = text.find(&format!("({acronym})"))?;
    let words: Vec<&str> = text[..at].split_whitespace().rev().take(16).collect();
    let mut initials = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let first = w.chars().next()?;
        if first.is_uppercase() {
            initials.push(first.to_ascii_uppercase());
        } else if !matches!(*w, "of" | "the" | "and" | "for" | "on" | "de" | "du" | "des" | "la") {
            return None;
        }
        if initials.len() == letters.len() {
            let spelled: Vec<char> = initials.iter().rev().copied().collect();
            let wanted: Vec<char> = letters.iter().map(char::to_ascii_uppercase).collect();
            // "Border Security Service (BSO)": an acronym of another language's words shares
            // the opening letters of the English name, not all of them.
            let translated = wanted.len() >= 3 && spelled[..2] == wanted[..2];
            if spelled != wanted && !translated {
                return None;
            }
            let name: Vec<&str> = words[..=i].iter().rev().copied().collect();
            return Some(name.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string());
        }
    }
    None
}

/// "complicity in torture, enforced disappearances and war crimes" → its items.
fn split_list(s: &str) -> Vec<String> {
    let s = s.trim().trim_matches(|c: char| c == '"' || c == '“' || c == '”' || c == '.');
    s.split([',', ';'])
        .flat_map(|part| {
            let part = part.trim();
            let part = part.strip_prefix("and ").unwrap_or(part);
            match part.split_once(" and ") {
                Some((a, b)) if !a.contains(' ') || !b.contains(' ') => vec![part.to_string()],
                Some((a, b)) => vec![a.to_string(), b.to_string()],
                None => vec![part.to_string()],
            }
        })
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A TimeML value as a claim date at the precision it has: `2018`, `2018-11`, `2018-11-05`,
/// or an interval of days or months. Values without a place on the calendar give `None`.
pub(crate) fn iso_date(value: &str) -> Option<String> {
    let (a, b) = match value.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (value, None),
    };
    let a = a.split('T').next()?;
    let simple = |v: &str| {
        let bytes = v.as_bytes();
        let ok = match v.len() {
            4 => bytes.iter().all(u8::is_ascii_digit),
            7 | 10 => v
                .chars()
                .enumerate()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() }),
            _ => false,
        };
        ok.then(|| v.to_string())
    };
    if b.is_none()
        && let Some(v) = simple(a)
    {
        return Some(v);
    }
    let start = read::time::Interval::of(a)?;
    let end = match b {
        Some(b) => read::time::Interval::of(b.split('T').next()?)?,
        None => start,
    };
    let (s, e) = (start.start, end.end);
    let month_start = s.day() == 1;
    let month_end = e.tomorrow().ok()?.day() == 1;
    if s == e {
        return Some(s.to_string());
    }
    if month_start && month_end {
        if s.year() == e.year() && s.month() == 1 && e.month() == 12 {
            return Some(format!("{:04}", s.year()));
        }
        let (sm, em) = (
            format!("{:04}-{:02}", s.year(), s.month()),
            format!("{:04}-{:02}", e.year(), e.month()),
        );
        return Some(if sm == em { sm } else { format!("{sm}/{em}") });
    }
    Some(format!("{s}/{e}"))
}

/// A value the time stage left without a year because the publication date is known only
/// to the month or year ("February 1", "on Thursday" in a story dated 2021-02): the year, and
/// for a weekday the month, come from the publication date, at its precision. A month-day
/// more than a month after a month-precise publication date is left alone (last year's?).
pub(crate) fn within_published(value: &str, published: model::PartialDate) -> Option<String> {
    let rest = value.strip_prefix("XXXX-")?;
    let year = published.get_year();
    // "today", "yesterday" in a story dated to the month or year: that month or year.
    if rest == "XX-XX" {
        return Some(match published.get_month() {
            Some(m) => format!("{year:04}-{m:02}"),
            None => format!("{year:04}"),
        });
    }
    if rest.starts_with('W') {
        // "XXXX-WXX-4": a weekday near the publication date.
        if !rest.starts_with("WXX") {
            return None;
        }
        return Some(match published.get_month() {
            Some(m) => format!("{year:04}-{m:02}"),
            None => format!("{year:04}"),
        });
    }
    let month: u8 = rest.get(..2)?.parse().ok()?;
    if let Some(pm) = published.get_month()
        && month > pm + 1
    {
        return None;
    }
    iso_date(&format!("{year:04}-{rest}"))
}

/// Whether `written` is one word from the inside of the full name `full`, neither its first
/// nor its last: the father's name within an Arabic name ("A B C": B is the father), never
/// the given name or the surname the pronoun's own person goes by.
fn inner_word(written: &str, full: &str) -> bool {
    let (w, f) = (name_key(written), name_key(full));
    w.len() == 1 && f.len() >= 3 && f[1..f.len() - 1].contains(&w[0])
}

/// A post named in the plural ("former navy captains A and B", "co-presidents") is each
/// holder's in the singular: the last word's plural ending goes when what is left is still a
/// post the lexicon knows ("secretaries" → "secretary", "spokesmen" → "spokesman").
fn singular_role(role: &str) -> String {
    let cut = role.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (lead, last) = role.split_at(cut);
    let candidates = [
        last.strip_suffix("ies").map(|s| format!("{s}y")),
        last.strip_suffix("men").map(|s| format!("{s}man")),
        last.strip_suffix('s').map(str::to_string),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|one| !one.is_empty() && read::lexicon::parse_role(one).is_some())
        .map_or_else(|| role.to_string(), |one| format!("{lead}{one}"))
}
