//! Entity-level scoring of named-entity tags, as conlleval (and `shared/tools/conll_score.py`)
//! counts: an entity is right when its span and type are exactly right.

use std::collections::BTreeMap;
use std::fmt;

use read::ner::{EntityType, spans};

/// Counts per entity type: (true positives, predicted, gold).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Tokens scored.
    pub tokens: usize,
    /// Counts per type.
    pub per_type: BTreeMap<EntityType, (usize, usize, usize)>,
}

impl Scores {
    /// Adds one sentence's gold and predicted BIO tag indices.
    pub fn add(&mut self, gold: &[usize], predicted: &[usize]) {
        self.tokens += gold.len();
        let g = spans(gold);
        let p = spans(predicted);
        for s in &g {
            self.per_type.entry(s.2).or_default().2 += 1;
        }
        for s in &p {
            self.per_type.entry(s.2).or_default().1 += 1;
            if g.contains(s) {
                self.per_type.entry(s.2).or_default().0 += 1;
            }
        }
    }

    /// Overall (precision, recall, F1), in percent.
    pub fn overall(&self) -> (f64, f64, f64) {
        let (tp, pred, gold) =
            self.per_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        prf(tp, pred, gold)
    }
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 { tp as f64 / pred as f64 } else { 0.0 };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (ty, (tp, pred, gold)) in &self.per_type {
            let (p, r, f1) = prf(*tp, *pred, *gold);
            writeln!(f, "{:5} P={p:.2} R={r:.2} F1={f1:.2}", ty.as_str())?;
        }
        let (tp, pred, gold) =
            self.per_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        let _ = tp;
        writeln!(f, "tokens={} gold={gold} pred={pred}", self.tokens)?;
        let (p, r, f1) = self.overall();
        write!(f, "overall P={p:.2} R={r:.2} F1={f1:.2}")
    }
}
