//! The case: every current document's claims, resolved into entities and fused into
//! assertions and careers, ready for the report.
//!
//! What the case is built from is loaded once into [`Inputs`], so that the workbench can
//! keep it and change only what a review action changes (a decision, the judgements)
//! instead of reading every claim and document from the store again.

use std::collections::{BTreeMap, BTreeSet};

use claims::Claim;
use fuse::{Case, Source};
use resolve::{JudgedBy, Resolution, UserJudgement, Verdict};
use store::Store;

use crate::Error;
use crate::review::{self, Decision};

/// Builds the case from what the store holds: the claims as the investigator reviewed them
/// (rejected ones dropped, edited ones replaced), the user's judgements from the store
/// first, then `aliases` (from an alias file), then the rules.
pub fn case(store: &Store, aliases: &[UserJudgement]) -> Result<Case, Error> {
    case_of(store, aliases, None)
}

/// [`case`], or, given `keep`, the case built from the reviewed claims it keeps alone (one
/// entity's export) with the sources they cite.
pub fn case_of(
    store: &Store,
    aliases: &[UserJudgement],
    keep: Option<&dyn Fn(&Claim) -> bool>,
) -> Result<Case, Error> {
    let inputs = Inputs::load(store, aliases)?;
    let mut claims = review::apply(inputs.machine, &inputs.decisions);
    let mut sources = inputs.sources;
    if let Some(keep) = keep {
        claims.retain(|c| keep(c));
        let cited: BTreeSet<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
        sources.retain(|name, _| cited.contains(name.as_str()));
    }
    let mut acronyms = Acronyms::default();
    let judgements = judgements(&inputs.user, aliases, &mut acronyms, store, &claims)?;
    Ok(Case::build(sources, claims, &judgements))
}

/// Everything the case is built from, as loaded from the store: what a review action
/// changes is one decision or the judgements, so a workbench keeps this and builds the case
/// again from it without reading the store's claims and documents again.
pub(crate) struct Inputs {
    /// Every current document as a source.
    sources: BTreeMap<String, Source>,
    /// The machine's claims, then those added by hand, before review.
    machine: Vec<Claim>,
    /// The reviewer's decision on each claim, by claim id.
    decisions: BTreeMap<String, Decision>,
    /// The user's judgements in the store.
    user: Vec<UserJudgement>,
    /// The alias file's judgements.
    aliases: Vec<UserJudgement>,
    /// The acronyms looked up in the documents so far, with their definitions.
    acronyms: Acronyms,
}

impl Inputs {
    /// Reads the sources, claims, decisions and judgements from the store.
    pub(crate) fn load(store: &Store, aliases: &[UserJudgement]) -> Result<Inputs, Error> {
        let mut sources = BTreeMap::new();
        // Documents not clustered yet (a store built before the origins stage, or never run
        // through it) count by publisher, as before.
        let origins = store.origins()?;
        let mut named = store.person_names()?;
        for doc in store.documents()? {
            let m = &doc.metadata;
            let origin = origins.get(&doc.name);
            sources.insert(
                doc.name.clone(),
                Source {
                    doc: doc.name.clone(),
                    sha256: doc.sha256.to_string(),
                    title: m.title.clone(),
                    publisher: m.publisher.clone(),
                    published: m.published.map(|d| d.to_string()),
                    url: m.url.clone(),
                    cluster: origin.map(|o| o.cluster.clone()),
                    origin: origin.and_then(|o| o.origin.clone()),
                    names: named.remove(&doc.name).unwrap_or_default(),
                },
            );
        }
        // The machine's claims, then those added by hand (reviewed like any other).
        let mut machine = crate::workbench::parse_claims(&store.claims(None)?)?;
        machine.extend(crate::workbench::parse_claims(&store.added_claims(None)?)?);
        Ok(Inputs {
            sources,
            machine,
            decisions: review::decisions(&store.reviews()?)?,
            user: user_judgements(store)?,
            aliases: aliases.to_vec(),
            acronyms: Acronyms::default(),
        })
    }

    /// Records a decision on one claim, as [`Store::log_action`] did in the store; how far
    /// it reaches into the case: nowhere when the claim reads as it did (an acceptance of
    /// the machine's claim), the fusion alone when resolution reads it alike (an edit of a
    /// meeting's date, of a modality), else everything.
    pub(crate) fn decide(&mut self, claim: &str, decision: Decision) -> Reach {
        let mut same_id = self.machine.iter().filter(|c| c.id == claim);
        let machine = match (same_id.next(), same_id.next()) {
            (Some(one), None) => Some(one.clone()),
            _ => None,
        };
        let before = machine.clone().and_then(|m| review::applied(m, self.decisions.get(claim)));
        let after = machine.as_ref().and_then(|m| review::applied(m.clone(), Some(&decision)));
        self.decisions.insert(claim.to_string(), decision);
        match (machine, before, after) {
            (Some(_), before, after) if before == after => Reach::Nothing,
            (Some(_), Some(before), Some(after)) if resolve::reads_alike(&before, &after) => {
                Reach::Fusion
            }
            _ => Reach::Everything,
        }
    }

    /// Reads the user's judgements again (after a merge, split, alias or removal).
    pub(crate) fn judged(&mut self, store: &Store) -> Result<(), Error> {
        self.user = user_judgements(store)?;
        Ok(())
    }

    /// The case these inputs give over a resolution kept from a case built before changes
    /// that reach no further than [`Reach::Fusion`]: the same as [`Inputs::case`], without
    /// resolving again.
    pub(crate) fn case_over(&self, resolution: Resolution) -> Case {
        let claims = review::apply(self.machine.clone(), &self.decisions);
        Case::with_resolution(self.sources.clone(), claims, resolution)
    }

    /// The case these inputs give: the same as [`case`] over the store they stand for.
    /// `store` is read only for acronyms no claim named before (an edit may bring one).
    pub(crate) fn case(&mut self, store: &Store) -> Result<Case, Error> {
        let claims = review::apply(self.machine.clone(), &self.decisions);
        let judgements = judgements(&self.user, &self.aliases, &mut self.acronyms, store, &claims)?;
        Ok(Case::build(self.sources.clone(), claims, &judgements))
    }
}

/// How far a change to the [`Inputs`] reaches into the case built from them; changes made
/// one after another reach as far as the furthest.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum Reach {
    /// The case is as it was (the claim reads as before).
    Nothing,
    /// The resolution is as it was; the assertions and careers are fused again.
    Fusion,
    /// Resolved and fused again.
    Everything,
}

fn user_judgements(store: &Store) -> Result<Vec<UserJudgement>, Error> {
    Ok(store
        .judgements()?
        .into_iter()
        .filter_map(|j| {
            Some(UserJudgement {
                left: j.left,
                right: j.right,
                verdict: Verdict::parse(&j.verdict)?,
                by: JudgedBy::User,
                reason: j.reason,
            })
        })
        .collect())
}

/// The user's judgements first, then the alias file's, then the acronyms the documents
/// define.
fn judgements(
    user: &[UserJudgement],
    aliases: &[UserJudgement],
    acronyms: &mut Acronyms,
    store: &Store,
    claims: &[Claim],
) -> Result<Vec<UserJudgement>, Error> {
    let mut judgements = user.to_vec();
    judgements.extend(aliases.iter().cloned());
    judgements.extend(acronyms.defined(store, claims)?);
    Ok(judgements)
}

/// Acronym → (folded name → (name as written, first defining document)), for every acronym
/// looked up so far (an acronym no document defines has no names).
#[derive(Default)]
struct Acronyms(BTreeMap<String, BTreeMap<String, (String, String)>>);

impl Acronyms {
    /// The acronyms the claims name a body by ("FSB") that the documents define ("the
    /// Federal Security Service (FSB)"), as judgements with the defining document as
    /// evidence, so that "FSB" in one document meets the full name in another. An acronym
    /// the documents define in two ways (two bodies, one acronym) is left to the name
    /// rules. Only acronyms not looked up before are looked for in the documents' text.
    fn defined(&mut self, store: &Store, claims: &[Claim]) -> Result<Vec<UserJudgement>, Error> {
        let named: BTreeSet<&str> = claims
            .iter()
            .flat_map(|c| ["organization", "authority", "accuser"].map(|f| c.field(f)))
            .flatten()
            .filter(|v| resolve::orgs::org_name(v).is_acronym)
            .collect();
        let new: Vec<&str> = named.iter().copied().filter(|a| !self.0.contains_key(*a)).collect();
        if !new.is_empty() {
            for &acronym in &new {
                self.0.insert(acronym.to_string(), BTreeMap::new());
            }
            for doc in store.documents()? {
                let text = store.detail(&doc)?.text;
                for &acronym in &new {
                    if let Some(name) = resolve::acronyms::defined_in(&text, acronym) {
                        self.0
                            .get_mut(acronym)
                            .expect("inserted above")
                            .entry(resolve::names::fold(&name))
                            .or_insert((name, doc.name.clone()));
                    }
                }
            }
        }
        Ok(self
            .0
            .iter()
            .filter(|(acronym, names)| names.len() == 1 && named.contains(acronym.as_str()))
            .flat_map(|(acronym, names)| {
                names.values().map(move |(name, doc)| UserJudgement {
                    left: name.clone(),
                    right: acronym.to_string(),
                    verdict: Verdict::Same,
                    by: JudgedBy::Evidence,
                    reason: format!("{doc} defines {acronym} as {name}"),
                })
            })
            .collect())
    }
}
