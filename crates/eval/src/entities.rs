//! Entity resolution against labelled names: pairwise precision and recall.
//!
//! The labelled set is the names of a gold claims file, each a (document, name) item. Two
//! items are the same entity when their names fold to the same words (case, accents and
//! punctuation aside) or when a labels file says so (`same<TAB>name<TAB>name`, one pair a
//! line, `#` comments); `different<TAB>name<TAB>name` keeps two names apart that fold alike.
//! The system puts each item in one of its entities (or in none: a singleton). Every pair of
//! distinct items of one kind is then a true positive (same in both), a false positive (the
//! system joins what the labels keep apart) or a false negative (the reverse): the usual
//! pairwise measure of coreference and record linkage, which weighs big entities by the
//! square of their size.

use std::collections::{BTreeMap, HashMap};

use crate::claims::fold;

/// Whether an item names a person or a body (organisation, state).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum ItemKind {
    /// A person.
    Person,
    /// An organisation or a state.
    Body,
}

impl ItemKind {
    /// The lowercase name printed in tables.
    pub fn as_str(&self) -> &'static str {
        match self {
            ItemKind::Person => "person",
            ItemKind::Body => "body",
        }
    }
}

/// One name in one document, with the entity the system put it in.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Item {
    /// The document.
    pub doc: String,
    /// The name as the gold writes it.
    pub name: String,
    /// Person or body.
    pub kind: ItemKind,
    /// The system's entity id; `None` when the system made no entity of it.
    pub system: Option<String>,
}

/// The labels: extra same and different judgements between names.
#[derive(Clone, Default, Debug)]
pub struct Labels {
    same: Vec<(String, String)>,
    different: Vec<(String, String)>,
}

/// A line of a labels file that is not `same` or `different` with two names.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: expected `same<TAB>name<TAB>name` or `different<TAB>name<TAB>name`")]
pub struct LabelsError {
    /// 1-based line number.
    pub line: usize,
}

impl Labels {
    /// Reads a labels file's text.
    pub fn parse(text: &str) -> Result<Labels, LabelsError> {
        let mut labels = Labels::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').map(str::trim).collect();
            let pair = match parts.as_slice() {
                [_, a, b] if !a.is_empty() && !b.is_empty() => (a.to_string(), b.to_string()),
                _ => return Err(LabelsError { line: i + 1 }),
            };
            match parts[0] {
                "same" => labels.same.push(pair),
                "different" => labels.different.push(pair),
                _ => return Err(LabelsError { line: i + 1 }),
            }
        }
        Ok(labels)
    }
}

/// Pair counts of one kind.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct PairCounts {
    /// Items of this kind.
    pub items: usize,
    /// Items the system put in an entity.
    pub resolved: usize,
    /// Pairs joined by both.
    pub tp: usize,
    /// Pairs the system joins and the labels keep apart.
    pub fp: usize,
    /// Pairs the labels join and the system keeps apart.
    pub fn_: usize,
}

impl PairCounts {
    /// Pairwise precision (1 when the system joins nothing).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Pairwise recall (1 when the labels join nothing).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Their harmonic mean.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One wrong pair, for `--verbose`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PairError {
    /// `joined` (a false positive) or `split` (a false negative).
    pub what: &'static str,
    /// The kind.
    pub kind: ItemKind,
    /// One item: (document, name).
    pub left: (String, String),
    /// The other.
    pub right: (String, String),
}

/// Scores per kind, and the wrong pairs (one per pair of distinct name keys).
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Counts per kind.
    pub by_kind: BTreeMap<ItemKind, PairCounts>,
    /// The wrong pairs, by name.
    pub errors: Vec<PairError>,
}

/// Union-find over name keys.
struct Sets {
    parent: HashMap<String, String>,
}

impl Sets {
    fn find(&mut self, k: &str) -> String {
        let mut cur = k.to_string();
        while let Some(p) = self.parent.get(&cur) {
            if *p == cur {
                break;
            }
            cur = p.clone();
        }
        cur
    }
    fn join(&mut self, a: &str, b: &str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent.insert(rb, ra);
        }
    }
}

fn key(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores the system's entities of `items` against the labels.
pub fn score(items: &[Item], labels: &Labels) -> Scores {
    let mut sets = Sets { parent: HashMap::new() };
    for (a, b) in &labels.same {
        sets.join(&key(a), &key(b));
    }
    let different: Vec<(String, String)> =
        labels.different.iter().map(|(a, b)| (key(a), key(b))).collect();
    let gold: Vec<String> = items.iter().map(|it| sets.find(&key(&it.name))).collect();
    let mut scores = Scores::default();
    let mut seen_errors: std::collections::BTreeSet<(String, String)> = Default::default();
    for (i, a) in items.iter().enumerate() {
        let counts = scores.by_kind.entry(a.kind).or_default();
        counts.items += 1;
        counts.resolved += usize::from(a.system.is_some());
        for (j, b) in items.iter().enumerate().skip(i + 1) {
            if a.kind != b.kind {
                continue;
            }
            let (ka, kb) = (key(&a.name), key(&b.name));
            let apart =
                different.iter().any(|(x, y)| (*x == ka && *y == kb) || (*x == kb && *y == ka));
            let same_gold = gold[i] == gold[j] && !apart;
            let same_system = a.system.is_some() && a.system == b.system;
            let counts = scores.by_kind.entry(a.kind).or_default();
            match (same_gold, same_system) {
                (true, true) => counts.tp += 1,
                (false, true) => counts.fp += 1,
                (true, false) => counts.fn_ += 1,
                (false, false) => continue,
            }
            if same_gold != same_system {
                let names = if ka <= kb { (ka, kb) } else { (kb, ka) };
                if seen_errors.insert(names) {
                    scores.errors.push(PairError {
                        what: if same_system { "joined" } else { "split" },
                        kind: a.kind,
                        left: (a.doc.clone(), a.name.clone()),
                        right: (b.doc.clone(), b.name.clone()),
                    });
                }
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(doc: &str, name: &str, kind: ItemKind, system: Option<&str>) -> Item {
        Item { doc: doc.into(), name: name.into(), kind, system: system.map(String::from) }
    }

    #[test]
    fn pairs_are_counted_against_folded_names_and_labels() {
        let labels = Labels::parse("# invented\nsame\tTomasz Wielgosz\tTomas Wielgosz\n").unwrap();
        let items = vec![
            item("a", "Tomasz Wielgosz", ItemKind::Person, Some("e1")),
            item("b", "Tomas Wielgosz", ItemKind::Person, None),
            item("c", "TOMASZ WIELGOSZ", ItemKind::Person, Some("e1")),
            item("c", "Marisol Quenby", ItemKind::Person, Some("e1")),
            item("a", "Northland Interior Ministry", ItemKind::Body, Some("e1")),
        ];
        let s = score(&items, &labels);
        let p = s.by_kind[&ItemKind::Person];
        // a–c joined by both; a–b, b–c split by the system; a–Quenby, c–Quenby wrongly joined.
        assert_eq!((p.items, p.resolved, p.tp, p.fn_, p.fp), (4, 3, 1, 2, 2));
        // A body is never paired with a person, even in the same system entity.
        assert_eq!(s.by_kind[&ItemKind::Body].fp, 0);
        assert!((p.precision() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_different_label_keeps_apart_names_that_fold_alike() {
        let labels = Labels::parse("different\tEdda Lorn\tEdda Lorn\n").unwrap();
        let items = vec![
            item("a", "Edda Lorn", ItemKind::Person, Some("e1")),
            item("b", "Edda Lorn", ItemKind::Person, Some("e1")),
        ];
        assert_eq!(score(&items, &labels).by_kind[&ItemKind::Person].fp, 1);
        assert_eq!(Labels::parse("same\tonly one\n").unwrap_err().line, 1);
    }
}
