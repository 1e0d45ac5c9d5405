//! The origins stage: signs every current version not yet signed under the current scheme
//! (in parallel), then clusters all signatures into origins and records each document's
//! cluster; the case counts corroboration by these clusters.
//!
//! Signing is the costly part and is done once per version; clustering is recomputed whole on
//! every run (LSH over stored signatures: some milliseconds per thousand documents), so a
//! cluster never goes stale when a new copy of an old story arrives.

use origins::{Member, SCHEME, Signature};
use rayon::prelude::*;
use store::Store;

use crate::Error;

/// What an origins run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OriginsReport {
    /// Versions signed in this run.
    pub signed: usize,
    /// Documents clustered.
    pub documents: usize,
    /// Origin clusters: `documents − clusters` documents are copies or reprints of another.
    pub clusters: usize,
}

/// Signs what is new and clusters everything.
pub fn origins(store: &mut Store) -> Result<OriginsReport, Error> {
    let unsigned = store.unsigned(SCHEME)?;
    let signed: Vec<(i64, u32, Vec<u8>, Option<String>)> = unsigned
        .par_iter()
        .map(|u| {
            let s = origins::signature(&u.text);
            (u.version, s.shingles, s.to_bytes(), s.agency)
        })
        .collect();
    store.record_signatures(SCHEME, &signed)?;

    let stored = store.signatures(SCHEME)?;
    let signatures: Vec<Signature> = stored
        .iter()
        .map(|s| Signature::from_bytes(&s.minhash, s.shingles, s.agency.clone()))
        .collect::<Result<_, _>>()?;
    let members: Vec<Member<'_>> = stored
        .iter()
        .zip(&signatures)
        .map(|(s, sig)| Member {
            key: &s.name,
            signature: sig,
            publisher: s.publisher.as_deref(),
            published: s.published.as_deref(),
        })
        .collect();
    let clustering = origins::cluster(&members);
    let rows: Vec<(i64, String, Option<String>)> = stored
        .iter()
        .zip(&clustering.of)
        .map(|(s, &c)| {
            let cl = &clustering.clusters[c];
            (s.version, cl.id.clone(), cl.origin.clone())
        })
        .collect();
    store.record_clusters(&rows)?;
    Ok(OriginsReport {
        signed: signed.len(),
        documents: stored.len(),
        clusters: clustering.clusters.len(),
    })
}
