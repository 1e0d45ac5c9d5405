//! Origin clusters: LSH banding for candidate pairs, a verified similarity, union-find.
//!
//! Cost grows with the documents, not their pairs: each of [`BANDS`] bands sorts one key per
//! document, and a document is compared with at most [`WINDOW`] others of each bucket it
//! shares, so a bucket of ten thousand copies of one boilerplate costs ten thousand times a
//! few comparisons, not fifty million.

use std::collections::BTreeMap;

use crate::shingle::{SIGNATURE_LEN, Signature, mix};

/// LSH bands; with [`ROWS`] values each, a pair of Jaccard similarity `s` becomes a candidate
/// with probability `1 − (1 − s²)⁶⁴`: 0.47 at 0.1, 0.97 at 0.23, 0.998 at 0.3. Bands of two
/// values find the copies whose Jaccard similarity is low although one holds the other (a
/// short copy of a long story); the verification that follows is cheap.
pub const BANDS: usize = 64;
/// Signature values per band.
pub const ROWS: usize = 2;
/// The most earlier members of a bucket that one document is verified against.
pub const WINDOW: usize = 8;

/// Estimated Jaccard similarity at or above which two texts are one story.
pub const SAME_JACCARD: f64 = 0.5;
/// Estimated containment (shared shingles over the smaller text's) at or above which the
/// smaller text is a copy inside the larger one: a story kept whole on a page with clutter.
pub const SAME_CONTAINMENT: f64 = 0.75;
/// The fewest shingles a text needs for containment alone to count: a heading or a one-line
/// caption is contained in many stories without being a copy of any.
pub const MIN_CONTAINED: u32 = 25;

const _: () = assert!(BANDS * ROWS <= SIGNATURE_LEN);

/// One document to cluster.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// Its name: unique among the members; ties between dates are broken by it.
    pub key: &'a str,
    /// Its signature.
    pub signature: &'a Signature,
    /// Its publisher, if known.
    pub publisher: Option<&'a str>,
    /// Its publication date (ISO, any precision), if known.
    pub published: Option<&'a str>,
}

/// Documents of one origin.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Cluster {
    /// Stable id: the key of its earliest member (by date, then key).
    pub id: String,
    /// Its members (indices into the input), earliest first.
    pub members: Vec<usize>,
    /// The wire agency its members name most often, if any.
    pub agency: Option<String>,
    /// The origin as shown: the agency, else the earliest member's publisher that is known.
    pub origin: Option<String>,
}

/// What [`cluster`] found.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Clustering {
    /// For each member (input order), the index of its cluster in `clusters`.
    pub of: Vec<usize>,
    /// The clusters, ordered by id.
    pub clusters: Vec<Cluster>,
    /// Candidate pairs looked at (after LSH, before verification).
    pub candidates: usize,
    /// Candidate pairs verified as one story.
    pub verified: usize,
}

/// How alike two texts are, estimated from their signatures.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Similarity {
    /// Shared shingles over all shingles of the two.
    pub jaccard: f64,
    /// Shared shingles over the smaller text's shingles.
    pub containment: f64,
}

impl Similarity {
    /// Whether the two texts are one story (a copy, a reprint, an edited reprint).
    pub fn same_story(&self, smaller: u32) -> bool {
        self.jaccard >= SAME_JACCARD
            || (smaller >= MIN_CONTAINED && self.containment >= SAME_CONTAINMENT)
    }
}

/// Estimated similarity: the share of equal MinHash values is an unbiased estimate of the
/// Jaccard similarity `J`; with the set sizes `a` and `b`, the intersection is
/// `J·(a + b)/(1 + J)`.
pub fn similarity(a: &Signature, b: &Signature) -> Similarity {
    if a.shingles == 0 || b.shingles == 0 {
        return Similarity { jaccard: 0.0, containment: 0.0 };
    }
    let equal = a.minhash.iter().zip(&b.minhash).filter(|(x, y)| x == y).count();
    let jaccard = equal as f64 / a.minhash.len().max(1) as f64;
    let (sa, sb) = (f64::from(a.shingles), f64::from(b.shingles));
    let shared = jaccard * (sa + sb) / (1.0 + jaccard);
    Similarity { jaccard, containment: (shared / sa.min(sb)).min(1.0) }
}

/// Union-find over indices, by size with path halving.
struct Sets {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets { parent: (0..n as u32).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a as u32;
        self.size[a] += self.size[b];
    }
}

/// Groups documents into origin clusters. The result depends on the members, not on their
/// order: they are visited sorted by key.
pub fn cluster(members: &[Member<'_>]) -> Clustering {
    let n = members.len();
    // Position in key order → input index.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| members[a].key.cmp(members[b].key).then(a.cmp(&b)));
    let mut sets = Sets::new(n);
    let mut candidates = 0usize;
    let mut verified = 0usize;
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(n);
    for band in 0..BANDS {
        keys.clear();
        for (pos, &i) in order.iter().enumerate() {
            let s = members[i].signature;
            if s.shingles == 0 || s.minhash.len() < SIGNATURE_LEN {
                continue;
            }
            let rows = &s.minhash[band * ROWS..(band + 1) * ROWS];
            let key = rows.iter().fold(mix(band as u64), |acc, &v| mix(acc ^ u64::from(v)));
            keys.push((key, pos as u32));
        }
        keys.sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let mut end = start + 1;
            while end < keys.len() && keys[end].0 == keys[start].0 {
                end += 1;
            }
            for j in start + 1..end {
                let b = order[keys[j].1 as usize];
                for k in (start.max(j.saturating_sub(WINDOW))..j).rev() {
                    let a = order[keys[k].1 as usize];
                    if sets.find(a) == sets.find(b) {
                        continue;
                    }
                    candidates += 1;
                    let (sa, sb) = (members[a].signature, members[b].signature);
                    if similarity(sa, sb).same_story(sa.shingles.min(sb.shingles)) {
                        verified += 1;
                        sets.union(a, b);
                    }
                }
            }
            start = end;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut clusters: Vec<Cluster> = groups.into_values().map(|g| label(members, g)).collect();
    clusters.sort_by(|a, b| a.id.cmp(&b.id));
    let mut of = vec![0; n];
    for (c, cl) in clusters.iter().enumerate() {
        for &m in &cl.members {
            of[m] = c;
        }
    }
    Clustering { of, clusters, candidates, verified }
}

/// Orders a cluster's members (dated first, earliest first, then by key) and names it.
fn label(members: &[Member<'_>], mut group: Vec<usize>) -> Cluster {
    group.sort_by(|&a, &b| {
        let (ma, mb) = (&members[a], &members[b]);
        (ma.published.is_none(), ma.published, ma.key).cmp(&(
            mb.published.is_none(),
            mb.published,
            mb.key,
        ))
    });
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &m in &group {
        if let Some(a) = members[m].signature.agency.as_deref() {
            *counts.entry(a).or_default() += 1;
        }
    }
    // The most named agency; a tie goes to the first in name order (BTreeMap), so that the
    // label does not depend on the input order.
    let agency = counts
        .iter()
        .fold(None::<(&str, usize)>, |best, (&a, &c)| match best {
            Some((_, bc)) if bc >= c => best,
            _ => Some((a, c)),
        })
        .map(|(a, _)| a.to_string());
    let origin = agency.clone().or_else(|| {
        group
            .iter()
            .find_map(|&m| members[m].publisher.filter(|p| !p.trim().is_empty()))
            .map(str::to_string)
    });
    Cluster { id: members[group[0]].key.to_string(), members: group, agency, origin }
}
