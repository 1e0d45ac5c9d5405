//! Turns the names in claims into entities across documents, through recorded, reversible
//! judgements (name variants, transliterations, agency aliases).
//!
//! # Brief overview
//!
//! - [`acronyms`]: the full names a document gives acronyms ("Federal Security Service
//!   (FSB)"), which the pipeline turns into judgements with the document as evidence.
//! - [`names`]: person names as folded words, sound skeletons and blocking keys, so that
//!   "Abdel Salam X" meets "Abdul-Salam X" and a name in Arabic script meets its Latin
//!   transliterations.
//! - [`orgs`]: organisation names as keys without their kind ("Bureau", "Office") and country,
//!   with initials for acronyms.
//! - [`roles`]: posts as classes ("director" = "chief" = "head").
//! - `doubts`: a name the claims stage marked as incomplete and maybe another person of the
//!   story (`may_be`) becomes an unsure judgement for review, never a join.
//! - [`resolve`]: the entity table. Each person the claims stage found in one document (its
//!   `entity_ids`) is a node; nodes that share a blocking key are compared and joined when
//!   their names are compatible, never when that would put two different full names or two
//!   countries in one entity. Organisations join by key within one country (Syria's
//!   General Intelligence Directorate is not Egypt's), by acronym, by the user's alias
//!   file, and by evidence: one person holding the same post in two differently named bodies
//!   from the same year proposes those names as aliases, recorded for review.
//!
//! Nothing here edits a claim: every join is a [`Judgement`] with its reason, the user's own
//! judgements ([`Verdict::Same`] or [`Verdict::Different`] between two names) come first,
//! and a wrong join is undone by adding a judgement, not by repairing data.
#![warn(missing_docs)]

pub mod acronyms;
pub mod names;
pub mod orgs;
pub mod roles;

mod doubts;
mod entities;
mod shapes;

pub use entities::{
    Entity, EntityKind, MentionRef, PERSON_FIELDS, Resolution, UserJudgement, reads_alike, resolve,
    state_names,
};

use serde::{Deserialize, Serialize};

/// What a judgement says of two names or nodes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The same entity.
    Same,
    /// Two entities.
    Different,
    /// Could be either: kept apart, shown for review.
    Unsure,
}

impl Verdict {
    /// The lowercase name used in files and the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Different => "different",
            Verdict::Unsure => "unsure",
        }
    }

    /// Reads `same`, `different` or `unsure`.
    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "same" => Some(Verdict::Same),
            "different" => Some(Verdict::Different),
            "unsure" => Some(Verdict::Unsure),
            _ => None,
        }
    }
}

/// Who made a judgement.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JudgedBy {
    /// A name rule (same key, compatible transliteration, acronym).
    Names,
    /// Evidence in the documents (the same post in two bodies at once).
    Evidence,
    /// The user's alias file.
    AliasFile,
    /// The user, with `dossier merge` or `dossier split`.
    User,
}

/// One recorded decision about two names.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Judgement {
    /// `person` or `organization`.
    pub kind: EntityKind,
    /// One name, as a document gives it.
    pub left: String,
    /// The other name.
    pub right: String,
    /// What was decided.
    pub verdict: Verdict,
    /// Why, in words.
    pub reason: String,
    /// Who decided.
    pub by: JudgedBy,
    /// The claims whose evidence the decision rests on (for evidence judgements).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
}
