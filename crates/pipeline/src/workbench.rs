//! The workbench: one API for the two faces of dossier, the command line and the web UI.
//! Listings, a document's view, an entity's and a claim's, search, and the review actions
//! (accept, reject, edit, note, add, merge, split, alias, judgement removal), each logged
//! in the audit log.
//!
//! The faces parse their input, call this, and render the answer; neither reaches into
//! `store`, `resolve` or `fuse` for these. The case is built once and kept until a review
//! action changes it.

mod export;
mod graph;
mod human;
mod ingest;
mod search;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use claims::Claim;
use fuse::{Assertion, Career, Case};
use resolve::{Entity, UserJudgement};
use serde::Serialize;
use store::{AuditEntry, DocDetail, DocSummary, Effect, Store};

pub use export::EXPORTS;
pub use graph::{GraphEdge, GraphNode, Neighbourhood};
pub use human::{HUMAN_RULE, NewClaim};
pub use ingest::{FileStatus, JobStatus, run_ingest, safe_name, upload_path};
pub use search::{PEOPLE, PER_PAGE, STATUSES, SearchFilters, SearchResults, Totals};

use crate::Error;
use crate::case::Reach;
use crate::review::{self, Decision, Judged};

/// A claim as the case now has it, with the reviewer's decision if any.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewedClaim {
    /// The claim as reviewed (the machine's, or the reviewer's edit).
    pub claim: Claim,
    /// `accepted`, `rejected` or `edited`; `None` while unreviewed.
    pub decision: Option<String>,
}

/// One piece of a document's text: plain, or the evidence of one or more claims.
#[derive(Clone, Debug, Serialize)]
pub struct Piece {
    /// Where it starts in the document's text (bytes).
    pub start: usize,
    /// The text.
    pub text: String,
    /// The claims whose evidence it is (id, type, decision), empty for plain text.
    pub claims: Vec<(String, String, Option<String>)>,
}

/// A document as its page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentView {
    /// Version, text, segments, metadata.
    pub detail: DocDetail,
    /// The text cut at claims' evidence, in order; joined, they are the text.
    pub pieces: Vec<Piece>,
    /// The document's claims, reviewed.
    pub claims: Vec<ReviewedClaim>,
}

/// A claim as its page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimView {
    /// What the machine extracted.
    pub machine: Claim,
    /// As the case has it now (the machine's claim, or the reviewer's edit).
    pub current: Claim,
    /// The reviewer's decision.
    pub decision: Option<String>,
    /// The document it comes from.
    pub document: DocSummary,
    /// The paragraph around the evidence, cut as (before, evidence, after).
    pub paragraph: (String, String, String),
    /// The PDF page of the paragraph, if known.
    pub page: Option<u32>,
    /// The assertion it supports in the case (none when rejected).
    pub assertion: Option<Assertion>,
    /// The audit log on this claim.
    pub audit: Vec<AuditEntry>,
}

/// An entity as its page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct EntityView {
    /// Names, kind, country, documents.
    pub entity: Entity,
    /// Assertions it is a party to, by date.
    pub assertions: Vec<Assertion>,
    /// Its posts in order, for people.
    pub career: Option<Career>,
    /// The audit log on its names.
    pub audit: Vec<AuditEntry>,
}

/// The case's store and the case built from it.
pub struct Workbench {
    store: Store,
    path: Option<std::path::PathBuf>,
    aliases: Vec<UserJudgement>,
    shared: Arc<Shared>,
}

/// What the workbenches over one store share (a [`Workbench::reader`] shares its maker's):
/// the case built once, and the generation that says whether it is still the store's.
#[derive(Default)]
struct Shared {
    /// Bumped by every change to the store made through a workbench (or told of by
    /// [`Workbench::refresh`]); a case built at an older generation is built again.
    generation: AtomicU64,
    /// The case last built, with the generation it was built at.
    built: Mutex<Option<Arc<Built>>>,
    /// Held while one workbench builds, so that readers that find the case stale wait for
    /// one build instead of each making its own.
    building: Mutex<()>,
    /// What the case is built from, with the generation it stands for: a review action
    /// made through a workbench changes it in place (one decision, the judgements) and
    /// keeps it current, so the next build reads nothing from the store again; any other
    /// change leaves it stale, and the next build loads it whole.
    inputs: Mutex<Option<Kept>>,
}

/// The case's inputs as kept between builds.
struct Kept {
    /// The generation they stand for.
    at: u64,
    inputs: crate::case::Inputs,
    /// The generation of the case last built from them, and how far the changes made since
    /// reach: a case built at `since` is kept whole, or its resolution is, when they reach
    /// no further.
    since: u64,
    reach: Reach,
}

/// The case with every review applied and the lookups into it, as of one generation.
struct Built {
    generation: u64,
    case: Arc<Case>,
    index: Arc<Index>,
    /// The entities' (id, kind, names) as written to the entity search index.
    names: Vec<(String, String, String)>,
}

/// Lookups into the built case, so that a page does not scan every assertion.
#[derive(Default)]
struct Index {
    /// Entity id → its position in the resolution's entities.
    entity: HashMap<String, usize>,
    /// Entity id → positions of the assertions it is a party to.
    assertions: HashMap<String, Vec<usize>>,
    /// Claim id → position of the assertion it supports.
    claim: HashMap<String, usize>,
    /// Person id → position of their career.
    career: HashMap<String, usize>,
    /// The [`search::PEOPLE`] most mentioned people as (id, name), for the search form.
    people: Vec<(String, String)>,
}

impl Index {
    fn of(case: &Case) -> Index {
        let mut index = Index::default();
        for (i, e) in case.resolution.entities.iter().enumerate() {
            index.entity.insert(e.id.clone(), i);
        }
        for (i, a) in case.assertions.iter().enumerate() {
            for id in a.entity_ids() {
                index.assertions.entry(id.to_string()).or_default().push(i);
            }
            for c in &a.claims {
                index.claim.entry(c.clone()).or_insert(i);
            }
        }
        for (i, c) in case.careers.iter().enumerate() {
            if let Some(id) = &c.person.id {
                index.career.insert(id.clone(), i);
            }
        }
        index.people = case
            .resolution
            .entities
            .iter()
            .filter(|e| e.kind == resolve::EntityKind::Person)
            .take(search::PEOPLE)
            .map(|e| (e.id.clone(), e.name.clone()))
            .collect();
        index
    }
}

impl Workbench {
    /// A workbench over a store; `aliases` are the alias file's judgements, if any.
    pub fn new(store: Store, aliases: Vec<UserJudgement>) -> Workbench {
        Workbench { store, path: None, aliases, shared: Arc::default() }
    }

    /// Another workbench over the same store file, on its own connection, sharing this
    /// one's built case: what a server gives each request that only reads, so that reads
    /// run side by side (SQLite's WAL lets readers go on while one connection writes). A
    /// change made through either is seen by both.
    pub fn reader(&self) -> Result<Workbench, Error> {
        let Some(path) = &self.path else {
            return Err(Error::Invalid(
                "this workbench was made without its store's file: it has no readers".into(),
            ));
        };
        let store = Store::open_existing_with(path, |_| {})?;
        Ok(Workbench {
            store,
            path: self.path.clone(),
            aliases: self.aliases.clone(),
            shared: self.shared.clone(),
        })
    }

    /// The store, for what the workbench does not cover (ingest, stages).
    pub fn store(&mut self) -> &mut Store {
        self.changed();
        &mut self.store
    }

    /// A number that changes whenever the case may have: what a cache of anything drawn
    /// from the case is keyed by.
    pub fn generation(&self) -> u64 {
        self.shared.generation.load(Ordering::Acquire)
    }

    /// Marks the store changed: the next use builds the case again, from inputs loaded
    /// from the store again.
    fn changed(&self) {
        self.shared.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// Marks the store changed by a review action whose effect on the case's inputs
    /// `change` makes: if the kept inputs were current, they are changed and stay current,
    /// so the next build starts from them; otherwise (or if `change` fails) they are
    /// dropped and the next build loads them.
    fn changed_by(
        &self,
        change: impl FnOnce(&mut crate::case::Inputs, &Store) -> Result<Reach, Error>,
    ) {
        let mut inputs = self.shared.inputs.lock().unwrap_or_else(|e| e.into_inner());
        let was = self.shared.generation.fetch_add(1, Ordering::AcqRel);
        *inputs = match inputs.take() {
            Some(mut kept) if kept.at == was => {
                change(&mut kept.inputs, &self.store).ok().map(|reach| {
                    kept.at = was + 1;
                    kept.reach = kept.reach.max(reach);
                    kept
                })
            }
            _ => None,
        };
    }

    /// The case and its lookups as of the store's generation, built when stale.
    fn built(&mut self) -> Result<Arc<Built>, Error> {
        let current = |shared: &Shared, g: u64| {
            shared
                .built
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone()
                .filter(|b| b.generation == g)
        };
        let generation = self.generation();
        if let Some(b) = current(&self.shared, generation) {
            return Ok(b);
        }
        let shared = self.shared.clone();
        let _one = shared.building.lock().unwrap_or_else(|e| e.into_inner());
        // Another workbench may have built it while this one waited.
        let generation = self.generation();
        if let Some(b) = current(&shared, generation) {
            return Ok(b);
        }
        let last = shared.built.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let (generation, case, index) = {
            let mut inputs = shared.inputs.lock().unwrap_or_else(|e| e.into_inner());
            // Read again under the inputs' lock, which a review action holds while it
            // changes both: inputs and generation agree.
            let generation = self.generation();
            let (case, index) = match inputs.as_mut() {
                Some(kept) if kept.at == generation => {
                    // The last case, if the kept inputs' changes are counted from it.
                    let base = last.as_ref().filter(|b| b.generation == kept.since);
                    let built = match (kept.reach, base) {
                        (Reach::Nothing, Some(b)) => (b.case.clone(), Some(b.index.clone())),
                        (Reach::Fusion, Some(b)) => {
                            (Arc::new(kept.inputs.case_over(b.case.resolution.clone())), None)
                        }
                        _ => (Arc::new(kept.inputs.case(&self.store)?), None),
                    };
                    kept.since = generation;
                    kept.reach = Reach::Nothing;
                    built
                }
                _ => {
                    *inputs = None;
                    let mut loaded = crate::case::Inputs::load(&self.store, &self.aliases)?;
                    let case = loaded.case(&self.store)?;
                    *inputs = Some(Kept {
                        at: generation,
                        inputs: loaded,
                        since: generation,
                        reach: Reach::Nothing,
                    });
                    (Arc::new(case), None)
                }
            };
            (generation, case, index)
        };
        let names: Vec<(String, String, String)> = case
            .resolution
            .entities
            .iter()
            .map(|e| (e.id.clone(), e.kind.as_str().to_string(), e.names.join(" · ")))
            .collect();
        // Most review actions leave every entity's names as they were: the index stays.
        if last.as_ref().is_none_or(|b| b.names != names) {
            self.store.index_entities(&names)?;
        }
        let index = index.unwrap_or_else(|| Arc::new(Index::of(&case)));
        let built = Arc::new(Built { generation, index, case, names });
        let replaced =
            shared.built.lock().unwrap_or_else(|e| e.into_inner()).replace(built.clone());
        // Freeing the case this one replaces (every claim, entity and assertion) took 7% of
        // a build at 10,000 documents: it is done on a thread of its own, so that the
        // request that built waits for the build alone. Should no thread start, it is freed
        // here.
        let _ = std::thread::Builder::new()
            .name("free-old-case".into())
            .spawn(move || drop((replaced, last)));
        Ok(built)
    }

    /// The case with every review applied, built on first use and after each change; the
    /// entity search index is rewritten with it.
    pub fn case(&mut self) -> Result<Arc<Case>, Error> {
        Ok(self.built()?.case.clone())
    }

    /// Every document in the case.
    pub fn documents(&self) -> Result<Vec<DocSummary>, Error> {
        Ok(self.store.documents()?)
    }

    /// One document with its text cut at its claims' evidence.
    pub fn document(&self, id: i64) -> Result<Option<DocumentView>, Error> {
        let Some(doc) = self.store.document(id)? else { return Ok(None) };
        let detail = self.store.detail(&doc)?;
        let decisions = review::decisions(&self.store.reviews()?)?;
        let mut all = parse_claims(&self.store.claims(Some(&doc))?)?;
        all.extend(parse_claims(&self.store.added_claims(Some(&doc))?)?);
        let claims: Vec<ReviewedClaim> = all.into_iter().map(|c| reviewed(c, &decisions)).collect();
        let pieces = pieces(&detail.text, &claims);
        Ok(Some(DocumentView { detail, pieces, claims }))
    }

    /// A document's original bytes, as ingested.
    pub fn original(&self, id: i64) -> Result<Option<(DocSummary, Vec<u8>)>, Error> {
        let Some(doc) = self.store.document(id)? else { return Ok(None) };
        Ok(self.store.blob(&doc.sha256)?.map(|bytes| (doc, bytes)))
    }

    /// The first `limit` documents by path, and how many the case has.
    pub fn documents_head(&self, limit: usize) -> Result<(Vec<DocSummary>, usize), Error> {
        Ok(self.store.documents_head(limit)?)
    }

    /// Every entity, most mentioned first.
    pub fn entities(&mut self) -> Result<Vec<Entity>, Error> {
        Ok(self.case()?.resolution.entities.clone())
    }

    /// The `limit` most mentioned entities, and how many the case has.
    pub fn top_entities(&mut self, limit: usize) -> Result<(Vec<Entity>, usize), Error> {
        let case = self.case()?;
        let all = &case.resolution.entities;
        Ok((all.iter().take(limit).cloned().collect(), all.len()))
    }

    /// One entity with its assertions, career and audit log.
    pub fn entity(&mut self, id: &str) -> Result<Option<EntityView>, Error> {
        let built = self.built()?;
        let (case, index) = (&built.case, &built.index);
        let Some(&at) = index.entity.get(id) else { return Ok(None) };
        let entity = &case.resolution.entities[at];
        let mut assertions: Vec<Assertion> = index
            .assertions
            .get(id)
            .map(|found| found.iter().map(|&i| case.assertions[i].clone()).collect())
            .unwrap_or_default();
        // By the date a list shows: a post by its start.
        let shown =
            |a: &Assertion| a.date.clone().or_else(|| a.start.as_ref().map(|b| b.date.clone()));
        assertions.sort_by_cached_key(|a| (shown(a), a.id.clone()));
        let career = index.career.get(id).map(|&i| case.careers[i].clone());
        let audit = self
            .store
            .audit_log_of_kind("entity")?
            .into_iter()
            .filter(|e| concerns(e, entity))
            .collect();
        Ok(Some(EntityView { entity: entity.clone(), assertions, career, audit }))
    }

    /// The entity that has this name among its names, if one does.
    pub fn entity_named(&mut self, name: &str) -> Result<Option<Entity>, Error> {
        let case = self.case()?;
        Ok(case.resolution.entities.iter().find(|e| e.names.iter().any(|n| n == name)).cloned())
    }

    /// One claim with its paragraph, assertion, decision and audit log.
    pub fn claim(&mut self, id: &str) -> Result<Option<ClaimView>, Error> {
        let Some((json, document)) = self.store.claim(id)? else { return Ok(None) };
        let machine = parse_claim(&json)?;
        let decisions = review::decisions(&self.store.reviews()?)?;
        let ReviewedClaim { claim: current, decision } = reviewed(machine.clone(), &decisions);
        let detail = self.store.detail(&document)?;
        let (paragraph, page) = paragraph(&detail, &machine);
        let built = self.built()?;
        let assertion =
            built.index.claim.get(&machine.id).map(|&i| built.case.assertions[i].clone());
        let audit = self.store.audit_log(Some(("claim", id)))?;
        Ok(Some(ClaimView {
            machine,
            current,
            decision,
            document,
            paragraph,
            page,
            assertion,
            audit,
        }))
    }

    /// The whole audit log, oldest first.
    pub fn audit(&self) -> Result<Vec<AuditEntry>, Error> {
        Ok(self.store.audit_log(None)?)
    }

    /// Decisions whose claim no current document has any more.
    pub fn orphans(&self) -> Result<Vec<(String, Decision)>, Error> {
        Ok(review::decisions(&self.store.orphaned_reviews()?)?.into_iter().collect())
    }

    /// Accepts a claim as it now reads (an edit stays).
    pub fn accept(&mut self, claim: &str, who: &str, why: &str) -> Result<i64, Error> {
        self.decide(claim, "accept", who, why, |_, current| {
            Ok(Decision { decision: "accepted".into(), claim: current })
        })
    }

    /// Rejects a claim: the case leaves it out.
    pub fn reject(&mut self, claim: &str, who: &str, why: &str) -> Result<i64, Error> {
        self.decide(claim, "reject", who, why, |_, _| {
            Ok(Decision { decision: "rejected".into(), claim: None })
        })
    }

    /// Edits a claim's fields, modality or attribution (see [`review::edit`]).
    pub fn edit(
        &mut self,
        claim: &str,
        changes: &BTreeMap<String, String>,
        who: &str,
        why: &str,
    ) -> Result<i64, Error> {
        self.decide(claim, "edit", who, why, |machine, current| {
            let edited = review::edit(current.as_ref().unwrap_or(machine), changes)?;
            // An edit back to the machine's claim is an acceptance of it.
            Ok(if edited == *machine {
                Decision { decision: "accepted".into(), claim: None }
            } else {
                Decision { decision: "edited".into(), claim: Some(edited) }
            })
        })
    }

    /// Adds a note to a claim (`claim`) or an entity (`entity`, by id).
    pub fn note(&mut self, kind: &str, target: &str, who: &str, text: &str) -> Result<i64, Error> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Invalid("the note is empty: write something".into()));
        }
        let exists = match kind {
            "claim" => self.store.claim(target)?.is_some(),
            "entity" => self.case()?.resolution.entities.iter().any(|e| e.id == target),
            _ => false,
        };
        if !exists {
            return Err(Error::NotFound(format!("no {kind} {target} in the case")));
        }
        let entry = entry(who, "note", kind, target, None, None, text);
        Ok(self.store.log_action(&entry, &Effect::None)?.0)
    }

    /// Records that two names are one entity (`same`) or two (`different`); returns the
    /// judgement's id.
    pub fn judge(
        &mut self,
        left: &str,
        right: &str,
        verdict: &str,
        who: &str,
        why: &str,
    ) -> Result<i64, Error> {
        let (left, right) = (left.trim(), right.trim());
        if left.is_empty() || right.is_empty() {
            return Err(Error::Invalid("give two names to judge".into()));
        }
        if resolve::names::fold(left) == resolve::names::fold(right) {
            return Err(Error::Invalid(format!(
                "\"{left}\" and \"{right}\" are one name: give two different names"
            )));
        }
        let action = match verdict {
            "same" => "merge",
            "different" => "split",
            _ => {
                return Err(Error::Invalid(format!(
                    "verdict {verdict:?} is not same or different"
                )));
            }
        };
        self.record_judgement(action, left, right, verdict, who, why)
    }

    /// Marks `name` as another name of the entity `id` (an alias the documents may not
    /// join by themselves): a judgement that the two names are one, logged as `alias`;
    /// returns the judgement's id.
    pub fn alias(&mut self, id: &str, name: &str, who: &str, why: &str) -> Result<i64, Error> {
        let name = name.trim();
        let case = self.case()?;
        let Some(entity) = case.resolution.entities.iter().find(|e| e.id == id) else {
            return Err(Error::NotFound(format!(
                "no entity {id} in the case: it may have been merged; search for it by name"
            )));
        };
        if name.is_empty() {
            return Err(Error::Invalid("give the other name to mark as an alias".into()));
        }
        let folded = resolve::names::fold(name);
        if entity.names.iter().any(|n| resolve::names::fold(n) == folded) {
            return Err(Error::Invalid(format!("\"{name}\" is a name of {} already", entity.name)));
        }
        let canonical = entity.name.clone();
        self.record_judgement("alias", &canonical, name, "same", who, why)
    }

    fn record_judgement(
        &mut self,
        action: &str,
        left: &str,
        right: &str,
        verdict: &str,
        who: &str,
        why: &str,
    ) -> Result<i64, Error> {
        let judged = Judged { left: left.into(), right: right.into(), verdict: verdict.into() };
        let after = serde_json::to_string(&judged).expect("plain strings serialise");
        let target = format!("{left} | {right}");
        let entry = entry(who, action, "entity", &target, None, Some(after), why);
        let effect =
            Effect::Judge { left: left.into(), right: right.into(), verdict: verdict.into() };
        let (_, id) = self.store.log_action(&entry, &effect)?;
        self.changed_by(|inputs, store| inputs.judged(store).map(|()| Reach::Everything));
        Ok(id.expect("a judgement effect records a judgement"))
    }

    fn decide(
        &mut self,
        id: &str,
        action: &str,
        who: &str,
        why: &str,
        decide: impl FnOnce(&Claim, Option<Claim>) -> Result<Decision, Error>,
    ) -> Result<i64, Error> {
        let Some((json, _)) = self.store.claim(id)? else {
            return Err(Error::NotFound(format!("no claim {id} in the case")));
        };
        let machine = parse_claim(&json)?;
        let mut decisions = review::decisions(&self.store.reviews()?)?;
        let before = decisions.remove(id);
        let after = decide(&machine, before.as_ref().and_then(|d| d.claim.clone()))?;
        let to_json = |d: &Decision| serde_json::to_string(d).expect("a decision serialises");
        let effect = Effect::Review {
            claim_id: id.to_string(),
            decision: after.decision.clone(),
            claim: after.claim.as_ref().map(|c| serde_json::to_string(c).expect("serialises")),
        };
        let entry = entry(
            who,
            action,
            "claim",
            id,
            before.as_ref().map(to_json),
            Some(to_json(&after)),
            why,
        );
        let (seq, _) = self.store.log_action(&entry, &effect)?;
        self.changed_by(|inputs, _| Ok(inputs.decide(id, after)));
        Ok(seq)
    }
}

fn entry(
    who: &str,
    action: &str,
    kind: &str,
    target: &str,
    before: Option<String>,
    after: Option<String>,
    why: &str,
) -> AuditEntry {
    AuditEntry {
        seq: 0,
        at: String::new(),
        who: who.to_string(),
        action: action.to_string(),
        target_kind: kind.to_string(),
        target: target.to_string(),
        before,
        after,
        why: why.trim().to_string(),
    }
}

/// Whether an entity audit entry is about this entity: a note on its id, or a judgement
/// naming one of its names.
fn concerns(entry: &AuditEntry, entity: &Entity) -> bool {
    if entry.target == entity.id {
        return true;
    }
    // A merge or split says the names after; a judgement taken back, before.
    let state = entry.after.as_deref().or(entry.before.as_deref());
    let Some(judged) = state.and_then(|a| serde_json::from_str::<Judged>(a).ok()) else {
        return false;
    };
    entity.names.iter().any(|n| *n == judged.left || *n == judged.right)
}

fn reviewed(claim: Claim, decisions: &BTreeMap<String, Decision>) -> ReviewedClaim {
    match decisions.get(&claim.id) {
        Some(d) => ReviewedClaim {
            claim: d.claim.clone().unwrap_or(claim),
            decision: Some(d.decision.clone()),
        },
        None => ReviewedClaim { claim, decision: None },
    }
}

pub(crate) fn parse_claim(json: &str) -> Result<Claim, Error> {
    serde_json::from_str(json)
        .map_err(|e| Error::Model(format!("a stored claim does not parse: {e}")))
}

pub(crate) fn parse_claims(json: &[String]) -> Result<Vec<Claim>, Error> {
    json.iter().map(|j| parse_claim(j)).collect()
}

/// The text cut at the claims' evidence; claims on one sentence share a piece, and a span
/// that overlaps an earlier one joins it.
fn pieces(text: &str, claims: &[ReviewedClaim]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize, &ReviewedClaim)> = claims
        .iter()
        .map(|c| (c.claim.evidence.start, c.claim.evidence.end, c))
        .filter(|&(s, e, _)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    spans.sort_by_key(|&(s, e, _)| (s, e));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, c) in spans {
        let tag = (c.claim.id.clone(), c.claim.kind.as_str().to_string(), c.decision.clone());
        if start < at {
            // Overlaps the piece just made: the claim joins it.
            if let Some(last) = out.last_mut().filter(|p: &&mut Piece| !p.claims.is_empty()) {
                last.claims.push(tag);
            }
            continue;
        }
        if start > at {
            out.push(Piece { start: at, text: text[at..start].to_string(), claims: vec![] });
        }
        out.push(Piece { start, text: text[start..end].to_string(), claims: vec![tag] });
        at = end;
    }
    if at < text.len() {
        out.push(Piece { start: at, text: text[at..].to_string(), claims: vec![] });
    }
    out
}

/// The paragraph (the segments the evidence touches) cut around the evidence, and its page.
fn paragraph(detail: &DocDetail, claim: &Claim) -> ((String, String, String), Option<u32>) {
    let text = &detail.text;
    let (s, e) = (claim.evidence.start, claim.evidence.end);
    if !(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)) {
        return ((String::new(), claim.evidence.text.clone(), String::new()), None);
    }
    let touching: Vec<_> =
        detail.segments.iter().filter(|g| g.text.start < e.max(s + 1) && g.text.end > s).collect();
    let start = touching.first().map_or(s, |g| g.text.start.min(s));
    let end = touching.last().map_or(e, |g| g.text.end.max(e));
    let page = touching.first().and_then(|g| g.source.page);
    ((text[start..s].to_string(), text[s..e].to_string(), text[e..end].to_string()), page)
}

/// The user's words as an FTS5 query: each word quoted (so that no word is an operator) and
/// a prefix; `None` when there is no word.
pub fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}
