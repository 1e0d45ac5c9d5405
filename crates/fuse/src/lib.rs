//! Turns claims into assertions: one fact with its supporting claims, documents, independent
//! origins and a status (corroborated, single-source, conflicting, refuted, superseded), and
//! assertions about posts into careers.
//!
//! # Brief overview
//!
//! - [`fuse`] groups claims that state the same fact: the same type and the same entities in
//!   their key arguments (after [`resolve`]), and for events dates that can be the same day.
//!   Claims that go back to one cited source ("SANA reported") count as one origin however
//!   many outlets repeat them. Then it looks across assertions for conflicts (one-off events
//!   at incompatible dates; "head" and "deputy head" of one body with nothing that orders
//!   them), refutations (a death reported, not asserted, then a public appearance after it)
//!   and successions (an appointment that names a predecessor, or the same post given to
//!   someone else later).
//! - [`careers`] orders each person's posts, with bounds in the Security Force Monitor
//!   convention ("at least from", "at most until"), predecessors and successors.
//!
//! Every status carries its explanation in words and the claims behind it; nothing is
//! decided without a sentence to show for it.
#![warn(missing_docs)]

mod careers;
mod group;
pub mod official;
mod time;

pub use careers::{Bound, Career, Post, careers};
pub use group::fuse;

use std::collections::BTreeMap;

use claims::{Claim, ClaimType, Modality};
use resolve::{Resolution, UserJudgement};
use serde::{Deserialize, Serialize};

/// Everything a case file shows: sources, claims, entities, assertions, careers.
#[derive(Debug, Default)]
pub struct Case {
    /// Each document by name: title, publisher, date, SHA-256.
    pub sources: BTreeMap<String, Source>,
    /// Every claim, in document and text order.
    pub claims: Vec<Claim>,
    /// Entities and the judgements that made them.
    pub resolution: Resolution,
    /// Facts with their sources and statuses.
    pub assertions: Vec<Assertion>,
    /// Each person's posts in order.
    pub careers: Vec<Career>,
    /// What official sanctions lists add about each entity, by entity id (filled by
    /// [`official::hold_against`]; empty when no list is imported).
    pub official: BTreeMap<String, Vec<official::Fact>>,
    /// Listings that may be a sanctioned entity, scored in the unsure band, for the review
    /// section (filled by [`official::hold_against`]).
    pub official_review: Vec<official::Unsure>,
}

impl Case {
    /// Resolves, fuses and orders: the whole of this crate and [`resolve`] in one call.
    pub fn build(
        sources: BTreeMap<String, Source>,
        claims: Vec<Claim>,
        judgements: &[UserJudgement],
    ) -> Case {
        let resolution = resolve::resolve(&claims, judgements);
        Case::with_resolution(sources, claims, resolution)
    }

    /// Fuses and orders over a resolution already made: the same as [`Case::build`] when
    /// `resolution` is what [`resolve::resolve`] gives for these claims (the workbench keeps
    /// one across an edit that [`resolve::reads_alike`] says it does not change).
    pub fn with_resolution(
        sources: BTreeMap<String, Source>,
        claims: Vec<Claim>,
        resolution: Resolution,
    ) -> Case {
        let assertions = fuse(&claims, &resolution, &sources);
        let mut careers = careers(&assertions);
        time::end_careers_at_death(&mut careers, &assertions, &sources);
        Case {
            sources,
            claims,
            resolution,
            assertions,
            careers,
            official: BTreeMap::new(),
            official_review: Vec::new(),
        }
    }
}

/// Where an assertion stands.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Stated by two or more independent origins, nothing against it.
    Corroborated,
    /// Stated by one origin, nothing against it.
    SingleSource,
    /// A post that held as of some date and was ended by a successor's appointment.
    Superseded,
    /// Another assertion gives an incompatible value for the same fact.
    Conflicting,
    /// A report or rumour that later evidence contradicts.
    Refuted,
}

impl Status {
    /// The name used in files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Corroborated => "corroborated",
            Status::SingleSource => "single-source",
            Status::Superseded => "superseded",
            Status::Conflicting => "conflicting",
            Status::Refuted => "refuted",
        }
    }
}

/// An entity as an argument of an assertion: its id in the entity table (absent for
/// descriptions such as "a U.S. intelligence official") and its canonical name.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, Serialize, Deserialize)]
pub struct Party {
    /// The entity's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The canonical name, or the text when there is no entity.
    pub name: String,
}

/// What a document is, for origins and the source list.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Source {
    /// The document's name as ingested.
    pub doc: String,
    /// SHA-256 of its original bytes.
    pub sha256: String,
    /// Its title, if known.
    pub title: Option<String>,
    /// Its publisher, if known.
    pub publisher: Option<String>,
    /// Its publication date (ISO), if known.
    pub published: Option<String>,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Its origin cluster, if clustered: copies, reprints and syndicated versions of one story
    /// share one (the id is the name of the cluster's earliest document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// The cluster's origin as shown and counted: the wire agency its bylines or datelines
    /// name, else its earliest member's publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The people the document names, as the reader found them (whether or not a claim
    /// names them): what "named in N documents" counts.
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub names: std::collections::BTreeSet<String>,
}

/// One fact, many sources.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Assertion {
    /// Stable id: a hash of the type, the key arguments and the date.
    pub id: String,
    /// The claim type.
    #[serde(rename = "type")]
    pub kind: ClaimType,
    /// The canonical arguments: entities as [`Party`], other values as the best-supported
    /// text ("role": "head").
    pub arguments: BTreeMap<String, serde_json::Value>,
    /// The date the sources agree on (the most precise one compatible with all), for events.
    pub date: Option<String>,
    /// For posts: start and end bounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Bound>,
    /// For posts: the end bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Bound>,
    /// Status, most serious first: refuted, conflicting, superseded, corroborated,
    /// single-source.
    pub status: Status,
    /// Why the status, in words, one line each.
    pub explanation: Vec<String>,
    /// The strongest modality among the supporting claims (asserted beats reported ...).
    pub modality: Modality,
    /// Supporting claim ids.
    pub claims: Vec<String>,
    /// Documents the supporting claims come from.
    pub documents: Vec<String>,
    /// Independent origins: a cited source ("SANA"), else the document's origin cluster (its
    /// wire agency or earliest publisher), else the publisher, else the document.
    pub origins: Vec<String>,
    /// Ids of assertions this one conflicts with, is refuted by, or is superseded by.
    pub related: Vec<String>,
    /// 1 − Π(1 − c) over the best claim confidence of each origin.
    pub confidence: f64,
    /// For a sanction: what the official list of its authority says ("Official list: OFAC
    /// SDN, record 12345", "not on the UK list as of 2018-04-13", "no EU list imported").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<String>,
}

impl Assertion {
    /// An entity argument.
    pub fn party(&self, field: &str) -> Option<Party> {
        serde_json::from_value(self.arguments.get(field)?.clone()).ok()
    }

    /// The parties of a list argument (`participants`).
    pub fn parties(&self, field: &str) -> Vec<Party> {
        self.arguments
            .get(field)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }

    /// A text argument.
    pub fn text(&self, field: &str) -> Option<&str> {
        self.arguments.get(field)?.as_str()
    }

    /// Whether an entity is among the assertion's parties.
    pub fn involves(&self, entity: &str) -> bool {
        self.entity_ids().contains(entity)
    }

    /// The ids of every entity among the assertion's parties.
    pub fn entity_ids(&self) -> std::collections::BTreeSet<&str> {
        let mut out = std::collections::BTreeSet::new();
        for v in self.arguments.values() {
            collect_ids(v, &mut out);
        }
        out
    }
}

fn collect_ids<'a>(v: &'a serde_json::Value, out: &mut std::collections::BTreeSet<&'a str>) {
    match v {
        serde_json::Value::Object(o) => out.extend(o.get("id").and_then(|x| x.as_str())),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_ids(x, out)),
        _ => {}
    }
}
