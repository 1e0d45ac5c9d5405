//! The case: every current document's claims, resolved into entities and fused into
//! assertions and careers, ready for the report.

use std::collections::BTreeMap;

use claims::Claim;
use fuse::{Case, Source};
use resolve::{JudgedBy, UserJudgement, Verdict};
use store::Store;

use crate::Error;

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
    let mut sources = BTreeMap::new();
    // Documents not clustered yet (a store built before the origins stage, or never run
    // through it) count by publisher, as before.
    let origins = store.origins()?;
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
            },
        );
    }
    // The machine's claims, then those added by hand (reviewed like any other).
    let mut machine = crate::workbench::parse_claims(&store.claims(None)?)?;
    machine.extend(crate::workbench::parse_claims(&store.added_claims(None)?)?);
    let mut claims = crate::review::apply(machine, &crate::review::decisions(&store.reviews()?)?);
    if let Some(keep) = keep {
        claims.retain(|c| keep(c));
        let cited: std::collections::BTreeSet<&str> =
            claims.iter().map(|c| c.doc.as_str()).collect();
        sources.retain(|name, _| cited.contains(name.as_str()));
    }
    let mut judgements: Vec<UserJudgement> = store
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
        .collect();
    judgements.extend(aliases.iter().cloned());
    judgements.extend(defined_acronyms(store, &claims)?);
    Ok(Case::build(sources, claims, &judgements))
}

/// The acronyms the claims name a body by ("FSB") that the documents define ("the Federal
/// Security Service (FSB)"), as judgements with the defining document as evidence, so that
/// "FSB" in one document meets the full name in another. An acronym the documents define
/// in two ways (two bodies, one acronym) is left to the name rules.
fn defined_acronyms(store: &Store, claims: &[Claim]) -> Result<Vec<UserJudgement>, Error> {
    let acronyms: std::collections::BTreeSet<&str> = claims
        .iter()
        .flat_map(|c| ["organization", "authority", "accuser"].map(|f| c.field(f)))
        .flatten()
        .filter(|v| resolve::orgs::org_name(v).is_acronym)
        .collect();
    if acronyms.is_empty() {
        return Ok(Vec::new());
    }
    // Acronym → (folded name → (name as written, first defining document)).
    let mut found: BTreeMap<&str, BTreeMap<String, (String, String)>> = BTreeMap::new();
    for doc in store.documents()? {
        let text = store.detail(&doc)?.text;
        for &acronym in &acronyms {
            if let Some(name) = resolve::acronyms::defined_in(&text, acronym) {
                found
                    .entry(acronym)
                    .or_default()
                    .entry(resolve::names::fold(&name))
                    .or_insert((name, doc.name.clone()));
            }
        }
    }
    Ok(found
        .into_iter()
        .filter(|(_, names)| names.len() == 1)
        .flat_map(|(acronym, names)| {
            names.into_values().map(move |(name, doc)| UserJudgement {
                left: name.clone(),
                right: acronym.to_string(),
                verdict: Verdict::Same,
                by: JudgedBy::Evidence,
                reason: format!("{doc} defines {acronym} as {name}"),
            })
        })
        .collect())
}
