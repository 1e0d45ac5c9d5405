//! Named entities (PER, ORG, LOC, MISC): an averaged structured perceptron over hashed
//! features, decoded exactly by Viterbi under valid BIO transitions.
//!
//! The model is trained in this project on CoNLL-2003 (`dossier train ner`), deterministically:
//! sentences are visited in a fixed order shuffled by a seeded generator, weights are averaged
//! over every update. Features are strings hashed (FNV-1a) into a fixed table, so the model is a
//! flat array of weights plus tag transitions; the file stores only non-zero weights.

mod conll;
mod features;

#[cfg(test)]
mod tests;

use std::io::{Read, Write};

pub use conll::{ConllSentence, read_conll};

/// The tags, in BIO form: `O`, then `B-X`, `I-X` for each type.
pub const TAGS: [&str; 9] =
    ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
const N: usize = TAGS.len();
/// Feature table size (a power of two).
const BUCKETS: usize = 1 << 21;
const MAGIC: &[u8; 8] = b"DSNER\x00\x01\x00";

/// Entity types.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Anything else with a name (nationalities, events, ...).
    Misc,
}

impl EntityType {
    /// The CoNLL name.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    fn of_tag(tag: usize) -> Option<EntityType> {
        Some(match tag {
            1 | 2 => EntityType::Per,
            3 | 4 => EntityType::Org,
            5 | 6 => EntityType::Loc,
            7 | 8 => EntityType::Misc,
            _ => return None,
        })
    }
}

/// Index of a BIO tag name.
pub fn tag_index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| *t == tag)
}

/// Whether tag `to` may follow tag `from` (`None` = sentence start).
fn allowed(from: Option<usize>, to: usize) -> bool {
    if to == 0 || to % 2 == 1 {
        return true; // O and B-X may follow anything.
    }
    // I-X only after B-X or I-X.
    matches!(from, Some(f) if f != 0 && f.div_ceil(2) == to.div_ceil(2))
}

/// A trained tagger.
pub struct Model {
    /// Emission weights, `BUCKETS × N`.
    weights: Vec<f32>,
    /// Transition weights, `(N + 1) × N`; row `N` is the sentence start.
    transitions: Vec<f32>,
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a dossier NER model, or another version of the format.
    #[error("not a dossier NER model of this version: retrain it with `dossier train ner`")]
    Format,
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Model {
    fn empty() -> Model {
        Model { weights: vec![0.0; BUCKETS * N], transitions: vec![0.0; (N + 1) * N] }
    }

    /// Best tag sequence for one sentence's `words` (exact Viterbi under valid transitions).
    pub fn tag_words(&self, words: &[&str]) -> Vec<usize> {
        self.tag_document(&[words]).pop().unwrap_or_default()
    }

    /// Best tag sequences for the sentences of one document, which share what the document
    /// says about each word's case.
    pub fn tag_document(&self, sentences: &[&[&str]]) -> Vec<Vec<usize>> {
        let stats = features::DocStats::of(sentences.iter().copied());
        sentences.iter().map(|words| self.viterbi(&features::extract(words, &stats))).collect()
    }

    fn emissions(&self, feats: &[u32]) -> [f32; N] {
        let mut scores = [0.0f32; N];
        for &f in feats {
            let row = &self.weights[f as usize * N..f as usize * N + N];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
        scores
    }

    fn viterbi(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        let n = feats.len();
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![[f32::NEG_INFINITY; N]; n];
        let mut back = vec![[0usize; N]; n];
        let e0 = self.emissions(&feats[0]);
        for t in 0..N {
            if allowed(None, t) {
                score[0][t] = e0[t] + self.transitions[N * N + t];
            }
        }
        for i in 1..n {
            let e = self.emissions(&feats[i]);
            for t in 0..N {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for (p, &previous) in score[i - 1].iter().enumerate() {
                    if !allowed(Some(p), t) || previous == f32::NEG_INFINITY {
                        continue;
                    }
                    let s = previous + self.transitions[p * N + t];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                score[i][t] = best + e[t];
                back[i][t] = arg;
            }
        }
        let mut tags = vec![0; n];
        tags[n - 1] =
            (0..N).max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b])).unwrap_or(0);
        for i in (1..n).rev() {
            tags[i - 1] = back[i][tags[i]];
        }
        tags
    }

    /// Writes the model: a header, then the non-zero weights as (index, value) pairs.
    pub fn save(&self, out: &mut impl Write) -> Result<(), ModelError> {
        out.write_all(MAGIC)?;
        out.write_all(&(BUCKETS as u32).to_le_bytes())?;
        for w in &self.transitions {
            out.write_all(&w.to_le_bytes())?;
        }
        let nonzero: Vec<(u32, f32)> = self
            .weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != 0.0)
            .map(|(i, w)| (i as u32, *w))
            .collect();
        out.write_all(&(nonzero.len() as u32).to_le_bytes())?;
        for (i, w) in nonzero {
            out.write_all(&i.to_le_bytes())?;
            out.write_all(&w.to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads a model written by [`Model::save`].
    pub fn load(input: &mut impl Read) -> Result<Model, ModelError> {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        Self::from_bytes(&bytes)
    }

    /// Reads a model from memory.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut at = 0;
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            let s = bytes.get(at..at + n).ok_or(ModelError::Format)?;
            at += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err(ModelError::Format);
        }
        let u32_at = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        if u32_at(take(4)?) as usize != BUCKETS {
            return Err(ModelError::Format);
        }
        let mut model = Model::empty();
        for w in model.transitions.iter_mut() {
            *w = f32::from_le_bytes(take(4)?.try_into().map_err(|_| ModelError::Format)?);
        }
        let count = u32_at(take(4)?) as usize;
        for _ in 0..count {
            let i = u32_at(take(4)?) as usize;
            let w = f32::from_le_bytes(take(4)?.try_into().map_err(|_| ModelError::Format)?);
            *model.weights.get_mut(i).ok_or(ModelError::Format)? = w;
        }
        Ok(model)
    }
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig { epochs: 10, seed: 17 }
    }
}

/// Trains a model on sentences whose tags are BIO indices; `progress` is called after each
/// epoch with its number, so that the caller can evaluate on development data.
pub fn train(
    sentences: &[ConllSentence],
    config: &TrainConfig,
    mut progress: impl FnMut(usize, &Model),
) -> Model {
    let feats = document_features(sentences);
    let mut model = Model::empty();
    // Averaging: totals accumulate weight × time it held, settled lazily at each change.
    let mut total = vec![0.0f64; BUCKETS * N];
    let mut stamp = vec![0u32; BUCKETS * N];
    let mut total_t = vec![0.0f64; (N + 1) * N];
    let mut stamp_t = vec![0u32; (N + 1) * N];
    let mut clock: u32 = 0;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = config.seed;
    for epoch in 1..=config.epochs {
        // Fisher-Yates with a small xorshift generator: the same seed, the same order.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &s in &order {
            clock += 1;
            let gold = &sentences[s].tags;
            let guess = model.viterbi(&feats[s]);
            if guess == *gold {
                continue;
            }
            let update = |index: usize,
                          delta: f32,
                          weights: &mut Vec<f32>,
                          total: &mut Vec<f64>,
                          stamp: &mut Vec<u32>| {
                total[index] += f64::from(weights[index]) * f64::from(clock - stamp[index]);
                stamp[index] = clock;
                weights[index] += delta;
            };
            for (i, f) in feats[s].iter().enumerate() {
                if guess[i] == gold[i] {
                    continue;
                }
                for &b in f {
                    update(
                        b as usize * N + gold[i],
                        1.0,
                        &mut model.weights,
                        &mut total,
                        &mut stamp,
                    );
                    update(
                        b as usize * N + guess[i],
                        -1.0,
                        &mut model.weights,
                        &mut total,
                        &mut stamp,
                    );
                }
            }
            for i in 0..gold.len() {
                let from_gold = if i == 0 { N } else { gold[i - 1] };
                let from_guess = if i == 0 { N } else { guess[i - 1] };
                if from_gold != from_guess || gold[i] != guess[i] {
                    update(
                        from_gold * N + gold[i],
                        1.0,
                        &mut model.transitions,
                        &mut total_t,
                        &mut stamp_t,
                    );
                    update(
                        from_guess * N + guess[i],
                        -1.0,
                        &mut model.transitions,
                        &mut total_t,
                        &mut stamp_t,
                    );
                }
            }
        }
        progress(epoch, &averaged(&model, &total, &stamp, &total_t, &stamp_t, clock));
    }
    averaged(&model, &total, &stamp, &total_t, &stamp_t, clock)
}

/// Features of every sentence, with the statistics of the document each belongs to.
fn document_features(sentences: &[ConllSentence]) -> Vec<Vec<Vec<u32>>> {
    let words: Vec<Vec<&str>> =
        sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    let mut out = Vec::with_capacity(sentences.len());
    let mut start = 0;
    while start < sentences.len() {
        let doc = sentences[start].doc;
        let end =
            (start..sentences.len()).find(|&i| sentences[i].doc != doc).unwrap_or(sentences.len());
        let stats = features::DocStats::of(words[start..end].iter().map(Vec::as_slice));
        for w in &words[start..end] {
            out.push(features::extract(w, &stats));
        }
        start = end;
    }
    out
}

/// Tags CoNLL sentences document by document.
pub fn tag_conll(model: &Model, sentences: &[ConllSentence]) -> Vec<Vec<usize>> {
    document_features(sentences).iter().map(|f| model.viterbi(f)).collect()
}

fn averaged(
    model: &Model,
    total: &[f64],
    stamp: &[u32],
    total_t: &[f64],
    stamp_t: &[u32],
    clock: u32,
) -> Model {
    let avg = |w: &[f32], total: &[f64], stamp: &[u32]| -> Vec<f32> {
        w.iter()
            .zip(total)
            .zip(stamp)
            .map(|((w, t), s)| {
                ((t + f64::from(*w) * f64::from(clock - s)) / f64::from(clock.max(1))) as f32
            })
            .collect()
    };
    Model {
        weights: avg(&model.weights, total, stamp),
        transitions: avg(&model.transitions, total_t, stamp_t),
    }
}

/// The model shipped with dossier, built into the binary.
pub fn builtin() -> Result<Model, ModelError> {
    Model::from_bytes(BUILTIN)
}

/// Bytes of the shipped model (see `models/README.md` for how it was trained).
static BUILTIN: &[u8] = include_bytes!("../../models/ner-en.bin");

/// Entity spans over token indices: (start, end, type).
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = EntityType::of_tag(t);
        let continues = t % 2 == 0 && t != 0 && open.is_some_and(|(_, o)| Some(o) == ty);
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if let Some(ty) = ty {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o));
    }
    out
}
