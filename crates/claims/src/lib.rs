//! Turns read documents into claims: typed, attributed statements with their evidence
//! sentence, as `shared/spec/claims.md` defines them (positions, appointments, meetings,
//! visits, sanctions, warrants, arrests, allegations, health, death reports, attributes,
//! charges, verdicts, relations).
//!
//! # Brief overview
//!
//! - [`view`] merges the read stage's annotations into mentions and renders each sentence as
//!   the read stage's tokens with placeholders (`⟦PER:3⟧ , the ⟦ROLE:4⟧ of the ⟦ORG:5⟧`);
//!   each sentence also keeps its words' part of speech, lemma, head and relation.
//! - [`coref`] groups a document's person mentions (full name, surname, pronoun, description)
//!   and names each group by its fullest name.
//! - [`rules`] compiles `rules/en.toml`: named patterns over the views, modality cues,
//!   attribution patterns and authority names, all as data an investigator can read and extend.
//! - [`extract`] runs the rules over a document and builds [`Claim`]s: arguments named by
//!   their fullest form, dates from the time stage at the precision the text gives, modality,
//!   attribution and confidence; duplicates within a document are merged.
//! - `frames` then reads each sentence's dependency parse for what the patterns missed:
//!   posts and their holders, predicates (sanction, charge, convict, arrest, meet, ...) with
//!   their arguments in either voice, and people's nationality, age, health and family ties;
//!   its lexicons are `rules/titles.toml`, `rules/predicates.toml` and `rules/people.toml`.
//!
//! Nothing here names a person, place or agency of any particular case: the rules are about
//! English, not about one dossier.
#![warn(missing_docs)]

mod body_ends;
mod cities;
pub mod coref;
mod dateline;
mod event_dates;
mod extract;
mod frames;
mod post_states;
mod prefilter;
pub mod rules;
pub mod view;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use extract::{extract, extract_with, extract_within};
pub use rules::{Rules, RulesError};

/// The claim types of the contract.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimType {
    /// A post held: holder, role, organization, start, end, as_of.
    Position,
    /// An appointment to a post: person, role, organization, date, predecessor, appointed_by.
    Appointment,
    /// A meeting: participants (two or more), place, date.
    Meeting,
    /// A visit: person, place, date, purpose.
    Visit,
    /// A sanction: authority, target, date, reason.
    Sanction,
    /// An arrest warrant: authority, target, date, charges.
    Warrant,
    /// An arrest: person, authority, date, place.
    Arrest,
    /// An accusation: accused, accuser, act, date.
    Allegation,
    /// A health event: person, condition, date.
    Health,
    /// A report of death: person, place, date.
    DeathReport,
    /// A personal attribute: person, key (age, origin, nationality, rank, birth_date), value.
    Attribute,
    /// A formal charge or indictment: authority, defendant, charges, date, court.
    Charge,
    /// A court's decision on a defendant: authority, court, defendant, outcome (convicted,
    /// acquitted, sentenced, overturned, upheld), charges, sentence, date.
    Verdict,
    /// A family or personal tie: person is the `kind` (brother, spouse, associate, ...) of
    /// other.
    Relation,
}

impl ClaimType {
    /// All types, in the contract's order.
    pub const ALL: [ClaimType; 14] = [
        ClaimType::Position,
        ClaimType::Appointment,
        ClaimType::Meeting,
        ClaimType::Visit,
        ClaimType::Sanction,
        ClaimType::Warrant,
        ClaimType::Arrest,
        ClaimType::Allegation,
        ClaimType::Health,
        ClaimType::DeathReport,
        ClaimType::Attribute,
        ClaimType::Charge,
        ClaimType::Verdict,
        ClaimType::Relation,
    ];

    /// The name used in JSON and in the rules.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimType::Position => "position",
            ClaimType::Appointment => "appointment",
            ClaimType::Meeting => "meeting",
            ClaimType::Visit => "visit",
            ClaimType::Sanction => "sanction",
            ClaimType::Warrant => "warrant",
            ClaimType::Arrest => "arrest",
            ClaimType::Allegation => "allegation",
            ClaimType::Health => "health",
            ClaimType::DeathReport => "death_report",
            ClaimType::Attribute => "attribute",
            ClaimType::Charge => "charge",
            ClaimType::Verdict => "verdict",
            ClaimType::Relation => "relation",
        }
    }

    /// The inverse of [`ClaimType::as_str`].
    pub fn parse(s: &str) -> Option<ClaimType> {
        ClaimType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The fields every claim of this type carries (`null` when unknown), in the contract's
    /// order.
    pub fn fields(&self) -> &'static [&'static str] {
        extract::expected_fields(*self)
    }

    /// The field that holds the claim's date (`start` for positions).
    pub fn date_field(&self) -> Option<&'static str> {
        match self {
            ClaimType::Position => Some("start"),
            ClaimType::Attribute | ClaimType::Relation => None,
            _ => Some("date"),
        }
    }
}

/// How the document puts a claim.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The author states it.
    Asserted,
    /// Attributed to another source ("SANA reported", "according to").
    Reported,
    /// An accusation.
    Alleged,
    /// Rumours, unconfirmed social media.
    Rumored,
    /// The author doubts it ("whether it happened remains unclear").
    Uncertain,
    /// Stated as false.
    Denied,
}

impl Modality {
    /// The name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Alleged => "alleged",
            Modality::Rumored => "rumored",
            Modality::Uncertain => "uncertain",
            Modality::Denied => "denied",
        }
    }

    /// How much a claim of this modality is worth as a statement of fact, on the scale that
    /// confidences use: a claim's confidence is its rule's confidence times this weight, so
    /// that the same rule always ranks asserted above reported above alleged above uncertain
    /// above rumoured. A denial is a firm statement (of the opposite), weighted like a report.
    pub fn weight(&self) -> f64 {
        match self {
            Modality::Asserted => 1.0,
            Modality::Reported | Modality::Denied => 0.9,
            Modality::Alleged => 0.8,
            Modality::Uncertain => 0.6,
            Modality::Rumored => 0.5,
        }
    }
}

/// The sentence that carries a claim.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence's text.
    pub text: String,
    /// Byte offset of its start in the document's extracted text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

impl Evidence {
    /// Its byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One typed statement that one document makes, in the shape of the claims contract.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: a hash of the document, type, evidence span and key arguments.
    pub id: String,
    /// The document's name as ingested.
    pub doc: String,
    /// SHA-256 of the document's original bytes.
    pub doc_sha256: String,
    /// The claim type.
    #[serde(rename = "type")]
    pub kind: ClaimType,
    /// The type's fields (`holder`, `organization`, `participants`, `date`, ...), with
    /// `null` for a field the text does not give.
    #[serde(flatten)]
    pub fields: BTreeMap<String, Value>,
    /// How the document puts it.
    pub modality: Modality,
    /// The source the author cites for it, if any.
    pub attributed_to: Option<String>,
    /// The sentence that carries it.
    pub evidence: Evidence,
    /// The extractor's own estimate, 0..1: the rule's confidence times the modality's weight.
    pub confidence: f64,
    /// Field name → in-document entity id (`<document sha prefix>/p<n>` for people).
    pub entity_ids: BTreeMap<String, Value>,
    /// The rule that made it.
    pub rule: String,
}

impl Claim {
    /// A field's value as a string, if it is one.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).and_then(Value::as_str)
    }

    /// A list field's values (participants, charges).
    pub fn list(&self, name: &str) -> Vec<&str> {
        match self.fields.get(name) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            Some(Value::String(s)) => vec![s.as_str()],
            _ => vec![],
        }
    }
}

/// What extraction needs to know about a document.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The document's name as ingested.
    pub doc: &'a str,
    /// SHA-256 of its original bytes, in hex.
    pub sha256: &'a str,
    /// Its extracted text.
    pub text: &'a str,
    /// Its publication date, at the precision known.
    pub published: Option<model::PartialDate>,
    /// What the read stage found.
    pub annotations: &'a [model::Annotation],
    /// The tokens the read stage found (`read::Reading::words`), with their part of speech,
    /// lemma, head and relation: the view is built on them, not on a second tokenization.
    pub words: &'a [model::Word],
}

/// Version of the extraction code (views, coreference, argument handling); bumped when a
/// change alters what is extracted, so that documents are extracted again.
const CODE_VERSION: &str = "claims/85";

/// Names the extractor for provenance: the code version and the rules' id.
pub fn extractor_id() -> String {
    format!("{CODE_VERSION}+{}", Rules::english().id())
}
