//! The claim rules as data: `rules/en.toml` parsed and compiled into regular expressions over
//! a sentence's [view](crate::view).
//!
//! A pattern is a regular expression (case-insensitive) over the sentence as tokens joined by
//! single spaces, where every mention stands as one placeholder `⟦KIND:n⟧`. Inside a pattern,
//! `{field:KIND|KIND}` captures a mention of one of those kinds as the claim's `field`,
//! `{field:TEXT}` captures plain words, `{field:NUM}` a number, `{KIND}` matches a mention
//! without capturing it, and `{NAME}` expands a macro from `[macros]`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::prefilter::Prefilter;
use serde::Deserialize;

use crate::{ClaimType, Modality};

/// What a slot or placeholder can hold.
pub(crate) const KINDS: &[&str] =
    &["PER", "ORG", "LOC", "MISC", "ROLE", "RANK", "NAT", "TIME", "PRO", "DESC"];

/// A rule file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    version: u32,
    macros: BTreeMap<String, String>,
    country: BTreeMap<String, String>,
    authority: BTreeMap<String, String>,
    cues: Cues,
    #[serde(default)]
    kin: BTreeMap<String, String>,
    #[serde(default)]
    court: Vec<String>,
    #[serde(default)]
    sanctioner: Vec<String>,
    #[serde(default)]
    attribution: Vec<AttributionRule>,
    rule: Vec<RuleSpec>,
    #[serde(default)]
    negative: Vec<Example>,
}

/// Words and phrases that set a claim's modality (regular expressions over the view).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// Rumours: "rumors spread", "unconfirmed".
    pub rumored: Vec<String>,
    /// The author's doubt: "whether ... remains unclear".
    pub uncertain: Vec<String>,
    /// Doubt in a later sentence of the same paragraph about a visit or meeting.
    pub doubt_after: Vec<String>,
    /// Second-hand without a named source: "reportedly", "is said to".
    pub reported: Vec<String>,
    /// Accusation: "allegedly".
    pub alleged: Vec<String>,
    /// Negation inside the matched stretch: "did not", "never".
    pub negation: Vec<String>,
    /// Denial before the match: "denied that".
    pub denial: Vec<String>,
    /// A report the match sits in ("reports that"), denied after the match by
    /// `denial_after` ("were denied by his office").
    #[serde(default)]
    pub report_before: Vec<String>,
    /// The passive denial of the report a match sits in (see `report_before`).
    #[serde(default)]
    pub denial_after: Vec<String>,
    /// Words that cancel a claim of the rule's type when they sit in the match: "lifted",
    /// "requested".
    pub cancel: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionRule {
    name: String,
    pattern: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    pattern: String,
    #[serde(default)]
    each: Option<String>,
    #[serde(default)]
    modality: Option<Modality>,
    #[serde(default)]
    as_of: Option<AsOf>,
    #[serde(default = "default_confidence")]
    confidence: f64,
    #[serde(default)]
    set: BTreeMap<String, String>,
    #[serde(default)]
    requires: Option<String>,
    #[serde(default)]
    forbid: Option<String>,
    /// Dated only by the rule's own `date` slot (see [`Rule::own_dates_only`]).
    #[serde(default)]
    own_dates_only: bool,
    #[serde(default)]
    not_after: Option<String>,
    #[serde(default)]
    example: Vec<Example>,
}

fn default_confidence() -> f64 {
    0.8
}

/// When a position is said to hold.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum AsOf {
    /// The publication date (present tense, apposition).
    Published,
    /// The date of the sentence ("then the State Department's coordinator").
    Sentence,
}

/// A sentence with what a rule must (or, for negatives, must not) find in it.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The text, read as a document of its own.
    pub text: String,
    /// Its publication date, if any (`2020-05-04`).
    #[serde(default)]
    pub published: Option<String>,
    /// For negatives: the type that must not be found (or must be found with `modality`).
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Fields the claim must have, as strings (lists joined with `; `).
    #[serde(default)]
    pub expect: BTreeMap<String, String>,
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Its name, recorded on every claim it makes.
    pub name: String,
    /// The type of claim it makes; `None` for the `tenure` pseudo-type, which dates a
    /// position found before.
    pub kind: Option<ClaimType>,
    /// The compiled pattern.
    pub(crate) regex: Regex,
    /// Slots of `regex`: group name → field.
    pub(crate) slots: Vec<Slot>,
    /// A pattern applied repeatedly after the main match, one claim per match.
    pub(crate) each: Option<(Regex, Vec<Slot>)>,
    /// A fixed modality (appositions are the author's own words).
    pub modality: Option<Modality>,
    /// For positions: when they are said to hold.
    pub as_of: Option<AsOf>,
    /// For positions: the rule finds posts the text describes as former or past (a frame's
    /// former variant); pattern rules leave it false and the text decides.
    pub former: bool,
    /// The rule's own confidence, before modality.
    pub confidence: f64,
    /// The claim is dated only by the dates the rule itself gives, never by the dates
    /// nearest its words (an infobox office whose row gives no dates: the rows around it
    /// are other offices').
    pub own_dates_only: bool,
    /// Fields with a fixed value (`key = "age"` for attributes).
    pub set: BTreeMap<String, String>,
    /// A regex the matched stretch must also contain.
    pub(crate) requires: Option<Regex>,
    /// A regex the matched stretch must not contain.
    pub(crate) forbid: Option<Regex>,
    /// A regex the sentence before the match must not match (anchor it with `$`).
    pub(crate) not_after: Option<Regex>,
    /// Its examples.
    pub examples: Vec<Example>,
}

impl Rule {
    /// A rule with no pattern, for claims made by code rather than by a pattern (the frames
    /// over the parse), so that they carry a rule name, modality and `as_of` like the others.
    pub(crate) fn without_pattern(name: &str, kind: ClaimType) -> Rule {
        static NEVER: LazyLock<Regex> = LazyLock::new(|| Regex::new("^$").expect("valid pattern"));
        Rule {
            name: name.to_string(),
            kind: Some(kind),
            regex: NEVER.clone(),
            slots: vec![],
            each: None,
            modality: None,
            as_of: None,
            former: false,
            confidence: 0.7,
            own_dates_only: false,
            set: BTreeMap::new(),
            requires: None,
            forbid: None,
            not_after: None,
            examples: vec![],
        }
    }
}

/// One capture group and the field it fills.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub group: String,
    pub field: String,
    pub text: bool,
}

/// A compiled attribution pattern with a `source` slot.
#[derive(Debug)]
pub(crate) struct Attribution {
    pub regex: Regex,
}

/// The compiled rules of one language.
#[derive(Debug)]
pub struct Rules {
    /// Version of the rule file, part of the rules id.
    pub version: u32,
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// Sentences that must not yield a claim of a type (or only a denied one).
    pub negatives: Vec<Example>,
    pub(crate) cues: CompiledCues,
    /// Which rules can match a sentence at all, from the literals their patterns require.
    pub(crate) prefilter: Prefilter,
    pub(crate) attribution: Vec<Attribution>,
    /// Which attribution patterns can match a sentence at all, from their literals (most
    /// sentences cite no one, and captures are the slow path).
    pub(crate) attribution_prefilter: Prefilter,
    /// Lowercase names of authorities → the state or body ("french" → "France").
    pub(crate) authority: BTreeMap<String, String>,
    /// Lowercase short names of states → their names ("us" → "United States").
    pub(crate) country: BTreeMap<String, String>,
    /// Words of kinship and ties → the contract's relation kinds ("wife" → "spouse").
    pub(crate) kin: BTreeMap<String, String>,
    /// Patterns with an `authority` slot that name the state or body of a court or
    /// prosecutor ("a Swiss court"): charges and verdicts that name none take the nearest.
    pub(crate) court: Vec<(Regex, Vec<Slot>)>,
    /// Patterns with an `authority` slot that name who imposes sanctions ("Canada announced
    /// sanctions"): sanctions in lists that name none take the nearest.
    pub(crate) sanctioner: Vec<(Regex, Vec<Slot>)>,
    /// The source text, hashed into the rules id.
    pub(crate) source_hash: String,
}

#[derive(Debug)]
pub(crate) struct CompiledCues {
    pub rumored: Regex,
    pub uncertain: Regex,
    pub doubt_after: Regex,
    pub reported: Regex,
    pub alleged: Regex,
    pub negation: Regex,
    pub denial: Regex,
    pub report_before: Regex,
    pub denial_after: Regex,
    pub cancel: BTreeMap<ClaimType, Regex>,
}

/// Why a rule file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The TOML does not parse or has unknown keys.
    #[error("claim rules do not parse: {0}")]
    Toml(#[from] toml::de::Error),
    /// A rule names an unknown type, kind or macro, or its regex does not compile.
    #[error("claim rule {rule}: {message}")]
    Rule {
        /// The rule's name.
        rule: String,
        /// What is wrong.
        message: String,
    },
}

fn optional_regex(rule: &str, pattern: Option<&str>) -> Result<Option<Regex>, RulesError> {
    pattern
        .map(|p| {
            Regex::new(&format!("(?i){p}"))
                .map_err(|e| RulesError::Rule { rule: rule.to_string(), message: e.to_string() })
        })
        .transpose()
}

fn alternation(name: &str, words: &[String]) -> Result<Regex, RulesError> {
    let body = if words.is_empty() { "$^".to_string() } else { words.join("|") };
    Regex::new(&format!("(?i)(?:{body})"))
        .map_err(|e| RulesError::Rule { rule: format!("cues.{name}"), message: e.to_string() })
}

impl Rules {
    /// The names of states and unions the rules give authorities and posts ("France",
    /// "United States", "European Union").
    pub fn state_names(&self) -> impl Iterator<Item = &str> {
        self.authority.values().chain(self.country.values()).map(String::as_str)
    }

    /// The state a short name stands for ("US", "U.S." → "United States"): the rules' own
    /// table of states' short names, not the other authorities ("Treasury") or demonyms the
    /// claims stage also maps to a state. Full names are the caller's: see [`Rules::state_names`].
    pub fn state_named(&self, name: &str) -> Option<&str> {
        self.country.get(&name.trim().to_lowercase()).map(String::as_str)
    }

    /// Parses and compiles a rule file.
    pub fn parse(source: &str) -> Result<Rules, RulesError> {
        let file: RuleFile = toml::from_str(source)?;
        let compile = |name: &str, pattern: &str| -> Result<(Regex, Vec<Slot>), RulesError> {
            compile_pattern(pattern, &file.macros)
                .map_err(|message| RulesError::Rule { rule: name.to_string(), message })
        };
        let mut rules = Vec::new();
        for spec in &file.rule {
            let kind = if spec.kind == "tenure" {
                None
            } else {
                Some(ClaimType::parse(&spec.kind).ok_or_else(|| RulesError::Rule {
                    rule: spec.name.clone(),
                    message: format!("unknown type {}", spec.kind),
                })?)
            };
            let (regex, slots) = compile(&spec.name, &spec.pattern)?;
            let each = match &spec.each {
                Some(p) => Some(compile(&spec.name, p)?),
                None => None,
            };
            rules.push(Rule {
                name: spec.name.clone(),
                kind,
                regex,
                slots,
                each,
                modality: spec.modality,
                as_of: spec.as_of,
                former: false,
                confidence: spec.confidence,
                own_dates_only: spec.own_dates_only,
                set: spec.set.clone(),
                requires: optional_regex(&spec.name, spec.requires.as_deref())?,
                forbid: optional_regex(&spec.name, spec.forbid.as_deref())?,
                not_after: optional_regex(&spec.name, spec.not_after.as_deref())?,
                examples: spec.example.clone(),
            });
        }
        let mut attribution = Vec::new();
        for a in &file.attribution {
            let (regex, _) = compile(&a.name, &a.pattern)?;
            attribution.push(Attribution { regex });
        }
        let c = &file.cues;
        let mut cancel = BTreeMap::new();
        for (kind, words) in &c.cancel {
            let t = ClaimType::parse(kind).ok_or_else(|| RulesError::Rule {
                rule: "cues.cancel".into(),
                message: format!("unknown type {kind}"),
            })?;
            cancel.insert(t, alternation("cancel", words)?);
        }
        let cues = CompiledCues {
            rumored: alternation("rumored", &c.rumored)?,
            uncertain: alternation("uncertain", &c.uncertain)?,
            doubt_after: alternation("doubt_after", &c.doubt_after)?,
            reported: alternation("reported", &c.reported)?,
            alleged: alternation("alleged", &c.alleged)?,
            negation: alternation("negation", &c.negation)?,
            denial: alternation("denial", &c.denial)?,
            report_before: alternation("report_before", &c.report_before)?,
            denial_after: alternation("denial_after", &c.denial_after)?,
            cancel,
        };
        let authority = file.authority.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect();
        let compile_all = |name: &str, patterns: &[String]| {
            patterns
                .iter()
                .enumerate()
                .map(|(i, p)| compile(&format!("{name}.{i}"), p))
                .collect::<Result<Vec<_>, _>>()
        };
        let court = compile_all("court", &file.court)?;
        let sanctioner = compile_all("sanctioner", &file.sanctioner)?;
        let prefilter = Prefilter::new(rules.iter().map(|r| r.regex.as_str()));
        let attribution_prefilter = Prefilter::new(attribution.iter().map(|a| a.regex.as_str()));
        Ok(Rules {
            version: file.version,
            rules,
            prefilter,
            negatives: file.negative,
            cues,
            attribution,
            attribution_prefilter,
            authority,
            country: file.country.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect(),
            kin: file.kin.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect(),
            court,
            sanctioner,
            source_hash: model::Sha256::digest(source.as_bytes()).short(12),
        })
    }

    /// The English rules compiled into the binary.
    pub fn english() -> &'static Rules {
        &ENGLISH
    }

    /// Names these rules for provenance: `claims-en/<version>/<hash of the file>`.
    pub fn id(&self) -> String {
        format!("claims-en/{}/{}", self.version, self.source_hash)
    }
}

static ENGLISH: LazyLock<Rules> = LazyLock::new(|| {
    Rules::parse(include_str!("../rules/en.toml")).expect("the English claim rules compile")
});

/// Turns a pattern into a regex and its slots: macros are expanded first (they may use
/// other macros), then slots and placeholders are compiled.
fn compile_pattern(
    pattern: &str,
    macros: &BTreeMap<String, String>,
) -> Result<(Regex, Vec<Slot>), String> {
    let mut expanded = pattern.to_string();
    for _ in 0..20 {
        let before = expanded.clone();
        for (name, body) in macros {
            expanded = expanded.replace(&format!("{{{name}}}"), body);
        }
        if expanded == before {
            break;
        }
    }
    let mut out = String::from("(?i)");
    let mut slots = Vec::new();
    let mut rest = expanded.as_str();
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').ok_or("unclosed {")? + open;
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        rest = &rest[close + 1..];
        // `{2}` and `{0,40}` are regex repetitions.
        if inner.starts_with(|c: char| c.is_ascii_digit() || c == ',') {
            out.push_str(&format!("{{{inner}}}"));
            continue;
        }
        match inner.split_once(':') {
            Some((field, kinds)) => {
                let group = format!("g{}_{}", slots.len(), field);
                let text = matches!(kinds, "TEXT" | "NUM" | "PHRASE");
                match kinds {
                    // A phrase is never a bare time ("convicted X on Saturday" is no
                    // charge "Saturday"): a time may open it only with more after.
                    "PHRASE" => out.push_str(&format!(
                        "(?P<{group}>[^;⟦][^;]*?|⟦[^T][^;]*?|⟦TIME:[0-9]+⟧ [^;.\\s][^;]*?)"
                    )),
                    "TEXT" => out.push_str(&format!("(?P<{group}>[^⟦⟧,;:\"()]+?)")),
                    "NUM" => out.push_str(&format!("(?P<{group}>\\d{{1,3}})")),
                    _ => {
                        let kinds = check_kinds(kinds)?;
                        // A rank may precede any person ("Colonel X"); it is an attribute
                        // of its own, not part of the argument.
                        if kinds.split('|').any(|k| k == "PER") {
                            out.push_str("(?:⟦RANK:[0-9]+⟧ )?");
                        }
                        out.push_str(&format!("⟦(?:{kinds}):(?P<{group}>[0-9]+)⟧"));
                    }
                }
                slots.push(Slot { group, field: field.to_string(), text });
            }
            None => {
                let kinds = check_kinds(inner).map_err(|_| format!("unknown macro {{{inner}}}"))?;
                out.push_str(&format!("⟦(?:{kinds}):[0-9]+⟧"));
            }
        }
    }
    out.push_str(rest);
    let regex = Regex::new(&out).map_err(|e| e.to_string())?;
    Ok((regex, slots))
}

fn check_kinds(kinds: &str) -> Result<String, String> {
    for k in kinds.split('|') {
        if !KINDS.contains(&k) {
            return Err(format!("unknown mention kind {k}"));
        }
    }
    Ok(kinds.to_string())
}
