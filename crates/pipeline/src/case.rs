//! The case: every current document's claims, resolved into entities and fused into
//! assertions and careers, ready for the report.

use std::collections::BTreeMap;

use claims::Claim;
use fuse::{Case, Source};
use resolve::{JudgedBy, UserJudgement, Verdict};
use store::Store;

use crate::Error;

/// Builds the case from what the store holds: the user's judgements from the store first,
/// then `aliases` (from an alias file), then the rules.
pub fn case(store: &Store, aliases: &[UserJudgement]) -> Result<Case, Error> {
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
    let mut claims = Vec::new();
    for json in store.claims(None)? {
        let claim: Claim = serde_json::from_str(&json)
            .map_err(|e| Error::Model(format!("a stored claim does not parse: {e}")))?;
        claims.push(claim);
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
    Ok(Case::build(sources, claims, &judgements))
}
