//! Lone names beside full names: what tells two people of one name apart (birth year,
//! nationality), and a given name written alone ("Marisol" in a story about Marisol Quenby).

use std::collections::{BTreeMap, BTreeSet};

use super::{Builder, Clusters, EntityKind, JudgedBy, Verdict};
use crate::names::name_words;

/// What the documents say of a person that two people of one name may differ in.
#[derive(Clone, Default, Debug)]
pub(super) struct Traits {
    /// Years of birth ("1961" of a `birth_date` attribute).
    born: BTreeSet<String>,
    /// Nationalities, as the claims stage names them.
    nationality: BTreeSet<String>,
}

impl Traits {
    /// Notes an attribute claim's key and value.
    pub(super) fn note(&mut self, key: &str, value: &str) {
        match key {
            "birth_date" => {
                if let Some(year) = value.get(..4).filter(|y| y.chars().all(|c| c.is_ascii_digit()))
                {
                    self.born.insert(year.to_string());
                }
            }
            "nationality" => {
                self.nationality.insert(value.trim().to_lowercase());
            }
            _ => {}
        }
    }

    pub(super) fn absorb(&mut self, other: Traits) {
        self.born.extend(other.born);
        self.nationality.extend(other.nationality);
    }
}

impl Clusters {
    /// Why the clusters of `a` and `b` are two people whatever their names say: both have
    /// birth years and none is shared, or both nationalities and none is shared.
    pub(super) fn conflict(&mut self, a: usize, b: usize) -> Option<String> {
        let (ra, rb) = (self.root(a), self.root(b));
        let (ta, tb) = (&self.traits[ra], &self.traits[rb]);
        let apart = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
            !x.is_empty() && !y.is_empty() && x.is_disjoint(y)
        };
        let list = |x: &BTreeSet<String>| x.iter().cloned().collect::<Vec<_>>().join(", ");
        if apart(&ta.born, &tb.born) {
            return Some(format!("born in {} and in {}", list(&ta.born), list(&tb.born)));
        }
        if apart(&ta.nationality, &tb.nationality) {
            return Some(format!(
                "of {} and of {} nationality",
                list(&ta.nationality),
                list(&tb.nationality)
            ));
        }
        None
    }
}

/// Whether a lone name's word opens with the same letter as some word of `full` that it
/// could stand for (a surname, after the first word).
pub(super) fn same_initial(lone: &str, full: &str) -> bool {
    let Some(first) = name_words(lone).first().and_then(|w| w.chars().next()) else {
        return false;
    };
    let words = name_words(full);
    words.iter().skip(usize::from(words.len() >= 2)).any(|w| w.starts_with(first))
}

/// A given name written alone ("Marisol") that the claims stage did not tie to a full name
/// joins the one full name of its own document that opens with it ("Marisol Quenby"), when
/// nothing tells them apart; two such full names there, or full names only in other
/// documents, go to review: a given name is shared by too many people to join across
/// documents by itself. A lone word that met a surname already is left as that pass left it.
pub(super) fn given_names(
    b: &mut Builder<'_>,
    clusters: &mut Clusters,
    apart: &[(String, String)],
    person_nodes: usize,
) {
    let kind = EntityKind::Person;
    let person = |n: usize| b.nodes[n].kind == kind;
    let mut by_first: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut lone = Vec::new();
    for n in (0..person_nodes).filter(|&n| person(n)) {
        let words = name_words(b.nodes[n].name());
        match words.len() {
            0 => {}
            1 => lone.push((n, words[0].clone())),
            _ => by_first.entry(words[0].clone()).or_default().push(n),
        }
    }
    let judged: BTreeSet<String> = b
        .judgements
        .iter()
        .filter(|j| j.kind == kind && j.by == JudgedBy::Names)
        .flat_map(|j| [j.left.clone(), j.right.clone()])
        .collect();
    for (n, word) in lone {
        let name = b.nodes[n].name().to_string();
        let root = clusters.root(n);
        if !clusters.full_names[root].is_empty() || judged.contains(&name) {
            continue;
        }
        let Some(full) = by_first.get(&word) else { continue };
        let mut roots: Vec<usize> = full.iter().map(|&m| clusters.root(m)).collect();
        roots.sort_unstable();
        roots.dedup();
        let (here, elsewhere): (Vec<usize>, Vec<usize>) =
            roots.into_iter().partition(|&r| clusters.share_a_document(n, r));
        // The full name of a root, as the first of its members with that given name gives it.
        let full_name = |clusters: &mut Clusters, b: &Builder<'_>, r: usize| {
            full.iter()
                .find(|&&m| clusters.root(m) == r)
                .map(|&m| b.nodes[m].name().to_string())
                .unwrap_or_default()
        };
        match here.as_slice() {
            [r] if clusters.can_join(n, *r, kind, apart) && clusters.conflict(n, *r).is_none() => {
                let other = full_name(clusters, b, *r);
                b.judge(
                    kind,
                    &name,
                    &other,
                    Verdict::Same,
                    format!("{name} alone in a document whose one {name} is {other}"),
                    JudgedBy::Names,
                );
                clusters.join(*r, n);
            }
            [] if elsewhere.is_empty() => {}
            _ => {
                let (pool, place) = if here.is_empty() {
                    (elsewhere, "named in other documents")
                } else {
                    (here, "in its own document")
                };
                for r in &pool {
                    let other = full_name(clusters, b, *r);
                    b.judge(
                        kind,
                        &name,
                        &other,
                        Verdict::Unsure,
                        format!(
                            "{name} alone: the given name of {} {place}; {other} or another {name}?",
                            people(pool.len())
                        ),
                        JudgedBy::Names,
                    );
                }
            }
        }
    }
}

fn people(n: usize) -> String {
    if n == 1 { "one person".to_string() } else { format!("{n} people") }
}
