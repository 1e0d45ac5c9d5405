//! A learned name score over what the explanation already says: logistic regression on the
//! features of a candidate's names ([`FEATURES`]), whose weights are trained on the even half
//! of the labelled set (`dossier eval lists --data DIR --train FILE`) and shipped in
//! `weights.tsv`. Each feature's contribution is a line of the explanation. Birth date,
//! nationality and a weak alias still add or take off by hand after it: the labelled set's
//! queries carry their entry's own nationality, which a model would learn to trust more than
//! a case's people can bear (most have none).
//!
//! The default ([`super::Index::new`]; `with_model(None)` scores by hand). The hand rules
//! that tell apart people the names alone cannot (a relative's given name, a listed surname
//! that met nothing, a close spelling beside one word the same) are vetoes on it, and an exact
//! birth date that agrees is a floor: see [`super::Index::check`] and the crate's README.

use std::sync::OnceLock;

/// The features, in their order in [`Features`], as the weights file names them.
pub const FEATURES: &[&str] = &[
    "bias",
    "hand name score",
    "same words",
    "spelling variants",
    "transliterations",
    "close spellings",
    "close spelling weight",
    "initials",
    "query words unaligned",
    "listed words unaligned",
    "rarity of aligned words",
    "surname or given name penalty",
    "given name on one side",
    "common name",
    "margin over another entry",
];

/// How many features a candidate has.
pub const N: usize = 15;

pub(super) const F_BIAS: usize = 0;
pub(super) const F_HAND: usize = 1;
pub(super) const F_SAME: usize = 2;
pub(super) const F_SPELLING: usize = 3;
pub(super) const F_TRANSLIT: usize = 4;
pub(super) const F_CLOSE: usize = 5;
pub(super) const F_CLOSE_WEIGHT: usize = 6;
pub(super) const F_INITIAL: usize = 7;
pub(super) const F_QUERY_LEFT: usize = 8;
pub(super) const F_LISTED_LEFT: usize = 9;
pub(super) const F_RARITY: usize = 10;
pub(super) const F_PENALTY: usize = 11;
pub(super) const F_ONE_MORE: usize = 12;
pub(super) const F_COMMON: usize = 13;
pub(super) const F_MARGIN: usize = 14;
/// A margin over another entry's hand score of this much or more reads as 1.
pub(super) const MARGIN_SCALE: f32 = 0.2;

/// A candidate's features: most are shares of the query's or the listed name's words, 0 to 1.
pub type Features = [f32; N];

/// Logistic regression weights, one per feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The weights, in the order of [`FEATURES`].
    pub weights: Features,
}

/// The shipped weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A line is not a known feature, a tab and a number.
    #[error("weights line {line}: {text:?} is not a known feature, a tab and a number")]
    Line {
        /// The line number, from 1.
        line: usize,
        /// The line.
        text: String,
    },
    /// A feature has no weight.
    #[error("weights: no weight for {0:?}")]
    Missing(&'static str),
}

const SHIPPED: &str = include_str!("weights.tsv");

/// The shipped model: `weights.tsv` beside this file.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    // The file is part of the source: a test reads it, so a bad one fails the tests.
    MODEL.get_or_init(|| Model::parse(SHIPPED).unwrap_or_else(|e| panic!("{e}")))
}

impl Model {
    /// Reads weights: a line a feature, its name, a tab and its weight; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Model, ModelError> {
        let mut weights = [f32::NAN; N];
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || ModelError::Line { line: n + 1, text: line.to_string() };
            let (name, w) = line.split_once('\t').ok_or_else(bad)?;
            let at = FEATURES.iter().position(|f| *f == name.trim()).ok_or_else(bad)?;
            weights[at] = w.trim().parse().map_err(|_| bad())?;
        }
        if let Some(at) = weights.iter().position(|w| w.is_nan()) {
            return Err(ModelError::Missing(FEATURES[at]));
        }
        Ok(Model { weights })
    }

    /// The weights file's text.
    pub fn write(&self) -> String {
        let mut out = String::from(
            "# Logistic regression over a candidate's features (crates/lists/src/matching/model.rs),\n# trained on the even half of the labelled set: see the crate's README.\n",
        );
        for (name, w) in FEATURES.iter().zip(&self.weights) {
            out.push_str(&format!("{name}\t{w:.4}\n"));
        }
        out
    }

    /// The probability that the candidate is the entry looked for.
    pub fn score(&self, x: &Features) -> f32 {
        sigmoid(self.weights.iter().zip(x).map(|(w, v)| w * v).sum())
    }

    /// Each feature's contribution to the log-odds, largest first, zero ones left out.
    pub fn explain(&self, x: &Features) -> String {
        let mut parts: Vec<(f32, &str)> = self
            .weights
            .iter()
            .zip(x)
            .zip(FEATURES)
            .map(|((w, v), name)| (w * v, *name))
            .filter(|(c, _)| c.abs() >= 0.005)
            .collect();
        parts.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        let terms: Vec<String> = parts.iter().map(|(c, name)| format!("{name} {c:+.2}")).collect();
        format!("learned {:.2}: {}", self.score(x), terms.join(", "))
    }

    /// Trains on labelled candidates, deterministically: full-batch gradient descent from
    /// zero weights, a fixed number of epochs, a little L2 on all but the bias. Classes are
    /// not reweighted, so that the score stays a probability on candidates like these.
    pub fn train(examples: &[(Features, bool)]) -> Model {
        let mut w = [0.0f64; N];
        let total = examples.len().max(1) as f64;
        const EPOCHS: usize = 4000;
        const RATE: f64 = 2.0;
        const L2: f64 = 1e-4;
        for _ in 0..EPOCHS {
            let mut grad = [0.0f64; N];
            for (x, y) in examples {
                let z: f64 = w.iter().zip(x).map(|(w, v)| w * f64::from(*v)).sum();
                let p = 1.0 / (1.0 + (-z).exp());
                let g = p - if *y { 1.0 } else { 0.0 };
                for (gk, v) in grad.iter_mut().zip(x) {
                    *gk += g * f64::from(*v);
                }
            }
            for k in 0..N {
                let reg = if k == 0 { 0.0 } else { L2 * w[k] };
                w[k] -= RATE * (grad[k] / total + reg);
            }
        }
        Model { weights: w.map(|v| v as f32) }
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_read_and_write_back() {
        let m = Model::parse(SHIPPED).expect("weights.tsv reads");
        assert_eq!(Model::parse(&m.write()).expect("written weights read"), m);
        assert!(matches!(Model::parse("bias\t1\n"), Err(ModelError::Missing(_))));
        assert!(matches!(Model::parse("no such feature\t1\n"), Err(ModelError::Line { .. })));
    }

    #[test]
    fn training_is_deterministic_and_learns_the_sign() {
        let example = |hand: f32, right: bool| {
            let mut x = [0.0; N];
            x[F_BIAS] = 1.0;
            x[F_HAND] = hand;
            (x, right)
        };
        let examples: Vec<(Features, bool)> =
            (0..40).map(|k| example(k as f32 / 40.0, k >= 20)).collect();
        let a = Model::train(&examples);
        assert_eq!(a, Model::train(&examples));
        assert!(a.weights[F_HAND] > 0.0);
        assert!(a.score(&example(0.95, true).0) > a.score(&example(0.1, false).0));
        assert!(a.explain(&example(0.95, true).0).contains("hand name score +"));
    }
}
