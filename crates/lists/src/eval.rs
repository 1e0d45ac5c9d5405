//! A labelled set made from the lists themselves, and precision and recall on it.
//!
//! Three kinds of case, each a query with the entry it should find (or none):
//! - `alias`: an OFAC person's alias (two or more name words) against an index of the OFAC
//!   persons' primary names only, so that the alias must be found through its spelling,
//!   not through itself;
//! - `cross-list`: a UK or UN person whose passport number is also an OFAC person's, by its
//!   own primary name, birth date and nationality, against the full OFAC index;
//! - `negative`: an OFAC person's surname after another person's given name, a combination
//!   no entry bears (not even in another spelling: compared by skeleton), which should find
//!   nothing.
//!
//! A case is right when the best candidate at or above [`MATCH`] is its entry (or an entry
//! of the same person: one sharing a passport number or the primary name), and wrong when
//! that candidate is another entry.

use std::collections::{HashMap, HashSet};

use crate::matching::{Index, MATCH, Query, UNSURE};
use crate::{Entry, EntryKind, IdKind, NameQuality};

/// One labelled query.
#[derive(Clone, Debug)]
pub struct Case {
    /// "alias", "cross-list" or "negative".
    pub kind: &'static str,
    /// What is looked for.
    pub query: Query,
    /// The index entry it should find.
    pub gold: Option<usize>,
}

/// Counts for one kind of case, or all.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// Cases.
    pub cases: usize,
    /// Right matches.
    pub tp: usize,
    /// Wrong matches.
    pub fp: usize,
    /// Entries not found at or above the threshold.
    pub fn_: usize,
    /// Entries found only in the unsure band (counted in `fn_`).
    pub unsure: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn passports(e: &Entry) -> impl Iterator<Item = String> + '_ {
    e.identifiers
        .iter()
        .filter(|i| i.kind == IdKind::Passport)
        .map(|i| i.key())
        .filter(|k| k.len() >= 6)
}

fn words(name: &str) -> usize {
    resolve::names::name_words(name).len()
}

/// The two indexes and the cases: `ofac` is the OFAC SDN set with its aliases merged,
/// `others` the UK and UN entries. At most `per_kind` cases of each kind, taken evenly.
pub fn build(ofac: &[Entry], others: &[Entry], per_kind: usize) -> (Index, Index, Vec<Case>) {
    let persons: Vec<&Entry> = ofac.iter().filter(|e| e.kind == EntryKind::Person).collect();
    let primaries: Vec<Entry> = persons
        .iter()
        .map(|e| {
            let mut p = (*e).clone();
            p.names.truncate(1);
            p
        })
        .collect();
    let full: Vec<Entry> = persons.iter().map(|e| (*e).clone()).collect();
    let mut cases = Vec::new();

    let mut alias = Vec::new();
    for (i, e) in persons.iter().enumerate() {
        for n in e.names.iter().skip(1) {
            if n.quality == NameQuality::Alias && words(&n.name) >= 2 {
                alias.push(Case { kind: "alias", query: Query::name(&n.name), gold: Some(i) });
            }
        }
    }
    cases.extend(evenly(alias, per_kind));

    let mut by_passport: HashMap<String, usize> = HashMap::new();
    for (i, e) in persons.iter().enumerate() {
        for k in passports(e) {
            by_passport.entry(k).or_insert(i);
        }
    }
    let mut cross = Vec::new();
    for e in others.iter().filter(|e| e.kind == EntryKind::Person) {
        if let Some(&gold) = passports(e).find_map(|k| by_passport.get(&k)) {
            cross.push(Case {
                kind: "cross-list",
                query: Query {
                    name: e.primary().to_string(),
                    kind: Some(EntryKind::Person),
                    birth_date: e.birth_dates.first().cloned(),
                    nationality: e.nationalities.first().cloned(),
                    role: None,
                },
                gold: Some(gold),
            });
        }
    }
    cases.extend(evenly(cross, per_kind));

    // Negatives: a surname with another person's given name, where no entry bears both.
    let split: Vec<(String, String)> = persons
        .iter()
        .filter_map(|e| {
            let (surname, given) = e.primary().split_once(',')?;
            let given = given.split_whitespace().next()?;
            Some((surname.trim().to_string(), given.to_string()))
        })
        .collect();
    let borne: HashSet<(String, String)> = persons
        .iter()
        .flat_map(|e| e.names.iter())
        .flat_map(|n| {
            let w: Vec<String> = resolve::names::name_words(&n.name)
                .iter()
                .map(|w| resolve::names::skeleton(w))
                .collect();
            let pairs: Vec<(String, String)> =
                w.iter().flat_map(|a| w.iter().map(move |b| (a.clone(), b.clone()))).collect();
            pairs
        })
        .collect();
    let mut negative = Vec::new();
    for (i, (surname, _)) in split.iter().enumerate() {
        let (_, given) = &split[(i * 7919 + 13) % split.len()];
        let (sw, gw) = (resolve::names::name_words(surname), resolve::names::name_words(given));
        let (Some(s), Some(g)) = (sw.last(), gw.first()) else { continue };
        let (gs, ss) = (resolve::names::skeleton(g), resolve::names::skeleton(s));
        if borne.contains(&(gs, ss)) {
            continue;
        }
        negative.push(Case {
            kind: "negative",
            query: Query::name(&format!("{given} {surname}")),
            gold: None,
        });
    }
    cases.extend(evenly(negative, per_kind));
    (Index::new(primaries), Index::new(full), cases)
}

fn evenly(cases: Vec<Case>, n: usize) -> Vec<Case> {
    if cases.len() <= n || n == 0 {
        return cases;
    }
    let step = cases.len() as f64 / n as f64;
    (0..n).map(|i| cases[(i as f64 * step) as usize].clone()).collect()
}

/// One wrong or missed case, for the report.
#[derive(Clone, Debug)]
pub struct Miss {
    /// The case's kind.
    pub kind: &'static str,
    /// The query's name.
    pub query: String,
    /// The entry's primary name it should have found, if any.
    pub gold: Option<String>,
    /// What it found instead, with the explanation, if anything.
    pub found: Option<String>,
}

/// Scores the cases: per kind and overall, and the misses.
pub fn score(
    aliases: &Index,
    full: &Index,
    cases: &[Case],
) -> (Vec<(&'static str, Counts)>, Vec<Miss>) {
    let mut by_kind: Vec<(&'static str, Counts)> = Vec::new();
    let mut misses = Vec::new();
    for case in cases {
        let index = if case.kind == "alias" { aliases } else { full };
        let found = index.check(&case.query, 3, UNSURE);
        let best = found.iter().find(|m| m.score >= MATCH);
        let same = |a: usize, b: usize| {
            let (x, y) = (&index.entries()[a], &index.entries()[b]);
            a == b
                || x.primary() == y.primary()
                || passports(x).any(|k| passports(y).any(|l| l == k))
        };
        let at = match by_kind.iter().position(|(k, _)| *k == case.kind) {
            Some(i) => i,
            None => {
                by_kind.push((case.kind, Counts::default()));
                by_kind.len() - 1
            }
        };
        let c = &mut by_kind[at].1;
        c.cases += 1;
        let right = match (case.gold, best) {
            (Some(g), Some(m)) if same(g, m.entry) => {
                c.tp += 1;
                true
            }
            (Some(g), Some(_)) => {
                c.fp += 1;
                c.fn_ += 1;
                c.unsure += usize::from(found.iter().any(|m| same(g, m.entry)));
                false
            }
            (Some(g), None) => {
                c.fn_ += 1;
                c.unsure += usize::from(found.iter().any(|m| same(g, m.entry)));
                false
            }
            (None, Some(_)) => {
                c.fp += 1;
                false
            }
            (None, None) => true,
        };
        if !right {
            misses.push(Miss {
                kind: case.kind,
                query: case.query.name.clone(),
                gold: case.gold.map(|g| index.entries()[g].primary().to_string()),
                found: best.or(found.first()).map(|m| {
                    format!(
                        "{} ({:.2}: {})",
                        index.entries()[m.entry].names[m.name].name,
                        m.score,
                        m.explain()
                    )
                }),
            });
        }
    }
    let mut all = Counts::default();
    for (_, c) in &by_kind {
        all.cases += c.cases;
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        all.unsure += c.unsure;
    }
    by_kind.push(("all", all));
    (by_kind, misses)
}

/// `n` generated people and bodies to match against the lists for throughput: invented
/// names from syllables, one in ten a listed name with a letter changed (so that blocks
/// are hit as real names hit them), deterministic.
pub fn generated(n: usize, entries: &[Entry]) -> Vec<Query> {
    const SYLLABLES: &[&str] = &[
        "ka", "ri", "mo", "sa", "lin", "dor", "ve", "na", "tam", "bu", "el", "zor", "pi", "gan",
        "ha", "mir", "os", "te", "quo", "fel", "ru", "dan", "shi", "ak",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let word = |next: &mut dyn FnMut() -> u64| {
        let k = 2 + (next() % 2) as usize;
        let mut w: String =
            (0..k).map(|_| SYLLABLES[(next() % SYLLABLES.len() as u64) as usize]).collect();
        if let Some(first) = w.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        w
    };
    (0..n)
        .map(|i| {
            let r = next();
            if i % 10 == 0 && !entries.is_empty() {
                let e = &entries[(r % entries.len() as u64) as usize];
                let mut name: Vec<char> = e.primary().chars().collect();
                if name.len() > 3 {
                    let at = 1 + (next() as usize % (name.len() - 2));
                    name[at] = 'e';
                }
                return Query {
                    name: name.into_iter().collect(),
                    kind: Some(e.kind),
                    ..Query::default()
                };
            }
            if r % 5 == 0 {
                let name = format!("{} {} Trading", word(&mut next), word(&mut next));
                Query { name, kind: Some(EntryKind::Body), ..Query::default() }
            } else {
                let name = format!("{} {}", word(&mut next), word(&mut next));
                Query { name, kind: Some(EntryKind::Person), ..Query::default() }
            }
        })
        .collect()
}
