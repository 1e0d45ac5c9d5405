//! An entity's neighbourhood in the case-wide graph: the entities that share an assertion
//! with it (a meeting, a post, a sanction, a tie), and the links among them, for the
//! entity page's network.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Workbench;
use crate::Error;

/// How many of the centre's assertions the links are read from, at most.
const LINKS_READ: usize = 5_000;

/// One entity of a neighbourhood.
#[derive(Clone, Debug, Serialize)]
pub struct GraphNode {
    /// Its id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// person, organization or state.
    pub kind: String,
    /// How many assertions tie it to the centre (0 for the centre).
    pub weight: usize,
}

/// A link between two entities: the assertions they share.
#[derive(Clone, Debug, Serialize)]
pub struct GraphEdge {
    /// One end (an index into the nodes).
    pub a: usize,
    /// The other end.
    pub b: usize,
    /// The kinds of the assertions, each once (meeting, position, ...).
    pub kinds: Vec<String>,
    /// How many assertions.
    pub count: usize,
    /// A claim of the first of them, to open its evidence.
    pub claim: Option<String>,
}

/// The centre (node 0), its neighbours (most tied first), and the links among all of them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Neighbourhood {
    /// The nodes, the centre first.
    pub nodes: Vec<GraphNode>,
    /// The links.
    pub edges: Vec<GraphEdge>,
    /// Neighbours left out to keep the picture legible.
    pub left_out: usize,
}

impl Workbench {
    /// The entity's neighbourhood: up to `limit` neighbours by how many assertions they
    /// share with it, and the links among the nodes kept that the centre's own assertions
    /// show (at most `LINKS_READ` of them); `None` for an unknown entity.
    pub fn neighbourhood(
        &mut self,
        id: &str,
        limit: usize,
    ) -> Result<Option<Neighbourhood>, Error> {
        let built = self.built()?;
        let (case, index) = (&built.case, &built.index);
        let Some(&centre) = index.entity.get(id) else { return Ok(None) };
        let mine: &[usize] = index.assertions.get(id).map_or(&[], |v| v.as_slice());
        let mut ties: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in mine {
            for other in case.assertions[i].entity_ids() {
                if other != id && index.entity.contains_key(other) {
                    *ties.entry(other).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(&str, usize)> = ties.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let left_out = ranked.len().saturating_sub(limit);
        ranked.truncate(limit);
        let entities = &case.resolution.entities;
        let node = |at: usize, weight: usize| GraphNode {
            id: entities[at].id.clone(),
            name: entities[at].name.clone(),
            kind: entities[at].kind.as_str().to_string(),
            weight,
        };
        let mut nodes = vec![node(centre, 0)];
        nodes.extend(ranked.iter().map(|(other, w)| node(index.entity[*other], *w)));
        let position: BTreeMap<&str, usize> =
            nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        // Links among the kept nodes, from the centre's own assertions only: a neighbour's
        // other assertions (a busy neighbour has thousands) would cost a read each for links
        // the picture does not need to explain the centre. Capped, so that the most
        // connected entity's page costs no more than any other's.
        let mut edges: BTreeMap<(usize, usize), GraphEdge> = BTreeMap::new();
        for &i in mine.iter().take(LINKS_READ) {
            let a = &case.assertions[i];
            let ends: Vec<usize> =
                a.entity_ids().into_iter().filter_map(|e| position.get(e).copied()).collect();
            for (x, &p) in ends.iter().enumerate() {
                for &q in &ends[x + 1..] {
                    if p == q {
                        continue;
                    }
                    let key = (p.min(q), p.max(q));
                    let edge = edges.entry(key).or_insert_with(|| GraphEdge {
                        a: key.0,
                        b: key.1,
                        kinds: vec![],
                        count: 0,
                        claim: a.claims.first().cloned(),
                    });
                    edge.count += 1;
                    let kind = a.kind.as_str();
                    if !edge.kinds.iter().any(|k| k == kind) {
                        edge.kinds.push(kind.to_string());
                    }
                }
            }
        }
        Ok(Some(Neighbourhood { nodes, edges: edges.into_values().collect(), left_out }))
    }
}
