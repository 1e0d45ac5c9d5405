//! Named entities (PER, ORG, LOC, MISC): an averaged structured perceptron over hashed
//! features, decoded exactly by Viterbi under valid BIO transitions.
//!
//! The model is trained in this project on CoNLL-2003 (`dossier train ner`), deterministically:
//! sentences are visited in a fixed order shuffled by a seeded generator, weights are averaged
//! over every update. Features are strings hashed (FNV-1a) into a fixed table, so the model is a
//! flat array of weights plus tag transitions; the file stores only non-zero weights.

mod conll;
mod features;
pub(crate) use features::class as shape_class;

#[cfg(test)]
mod tests;

use std::io::{Read, Write};

use crate::perceptron::Averager;

pub use conll::{ConllSentence, read_conll};

/// The tags, in BIO form: `O`, then `B-X`, `I-X` for each type.
pub const TAGS: [&str; 9] =
    ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
const N: usize = TAGS.len();
/// Feature table size (a power of two).
const BUCKETS: usize = 1 << 21;
const MAGIC: &[u8; 8] = b"DSNER\x00\x02\x00";

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

/// One pass of the tagger: emission and transition weights.
#[derive(Clone)]
struct Model {
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

    /// Writes the transitions, then the non-zero weights as (index, value) pairs.
    fn write_body(&self, out: &mut impl Write) -> Result<(), ModelError> {
        for w in &self.transitions {
            out.write_all(&w.to_le_bytes())?;
        }
        crate::perceptron::write_sparse(&self.weights, out)?;
        Ok(())
    }

    /// Reads what [`Model::write_body`] wrote.
    fn read_body(input: &mut crate::perceptron::Reader<'_>) -> Result<Model, ModelError> {
        let mut model = Model::empty();
        for w in model.transitions.iter_mut() {
            *w = input.f32().ok_or(ModelError::Format)?;
        }
        input.sparse_into(&mut model.weights).ok_or(ModelError::Format)?;
        Ok(model)
    }
}

/// The tagger: a first pass over each sentence, and a second that also sees what the first
/// said about the same words elsewhere in the document (names keep their type).
#[derive(Clone)]
pub struct Tagger {
    first: Model,
    second: Model,
}

impl Tagger {
    /// Best tag sequence for one sentence's `words`.
    pub fn tag_words(&self, words: &[&str]) -> Vec<usize> {
        self.tag_document(&[words]).pop().unwrap_or_default()
    }

    /// Best tag sequences (exact Viterbi under valid BIO transitions) for the sentences of one
    /// document, which share what the document says about each word.
    pub fn tag_document(&self, sentences: &[&[&str]]) -> Vec<Vec<usize>> {
        use rayon::prelude::*;
        let stats = features::DocStats::of(sentences.iter().copied());
        // The base features serve both passes; the second adds the first's hints. Within a
        // pass sentences are independent, so a long document is tagged on every core (the
        // result does not depend on the order).
        let base: Vec<Vec<Vec<u32>>> =
            sentences.par_iter().map(|w| features::extract_base(w, &stats)).collect();
        let first: Vec<Vec<usize>> = base.par_iter().map(|f| self.first.viterbi(f)).collect();
        let hints = features::Hints::of(sentences, &first);
        base.into_par_iter()
            .enumerate()
            .map(|(k, mut f)| {
                features::add_hints(&mut f, sentences[k], &hints.for_sentence(sentences, k));
                self.second.viterbi(&f)
            })
            .collect()
    }

    /// Writes the tagger: a header, then both passes.
    pub fn save(&self, out: &mut impl Write) -> Result<(), ModelError> {
        out.write_all(MAGIC)?;
        out.write_all(&(BUCKETS as u32).to_le_bytes())?;
        self.first.write_body(out)?;
        self.second.write_body(out)
    }

    /// Reads a tagger written by [`Tagger::save`].
    pub fn load(input: &mut impl Read) -> Result<Tagger, ModelError> {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        Self::from_bytes(&bytes)
    }

    /// Reads a tagger from memory.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(ModelError::Format);
        }
        let buckets = bytes.get(8..12).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]));
        if buckets != Some(BUCKETS as u32) {
            return Err(ModelError::Format);
        }
        let mut input = crate::perceptron::Reader::new(bytes, 12);
        let first = Model::read_body(&mut input)?;
        let second = Model::read_body(&mut input)?;
        Ok(Tagger { first, second })
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

/// Trains the tagger on sentences whose tags are BIO indices. `progress` is called after each
/// epoch of the second pass with the tagger so far, so that the caller can evaluate it.
pub fn train(
    sentences: &[ConllSentence],
    config: &TrainConfig,
    mut progress: impl FnMut(usize, &Tagger),
) -> Tagger {
    let gold: Vec<&[usize]> = sentences.iter().map(|s| s.tags.as_slice()).collect();
    let plain = document_features(sentences, None);
    // First-pass tags of the training data come from models that did not see it (4 folds by
    // document), so that the second pass learns how far to trust the first.
    const FOLDS: usize = 4;
    let mut jackknifed: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for fold in 0..FOLDS {
        let (held, kept): (Vec<usize>, Vec<usize>) =
            (0..sentences.len()).partition(|&i| sentences[i].doc % FOLDS == fold);
        let feats: Vec<Vec<Vec<u32>>> = kept.iter().map(|&i| plain[i].clone()).collect();
        let tags: Vec<&[usize]> = kept.iter().map(|&i| gold[i]).collect();
        let model = train_pass(&feats, &tags, config, None);
        for i in held {
            jackknifed[i] = model.viterbi(&plain[i]);
        }
    }
    let first = train_pass(&plain, &gold, config, None);
    let stacked = document_features(sentences, Some(&jackknifed));
    let mut report = |epoch: usize, second: &Model| {
        progress(epoch, &Tagger { first: first.clone(), second: second.clone() });
    };
    let second = train_pass(&stacked, &gold, config, Some(&mut report));
    Tagger { first, second }
}

/// Called after each epoch with the averaged weights so far.
type EpochReport<'a> = &'a mut dyn FnMut(usize, &Model);

/// One pass of averaged-perceptron training over precomputed features.
fn train_pass(
    feats: &[Vec<Vec<u32>>],
    gold: &[&[usize]],
    config: &TrainConfig,
    mut progress: Option<EpochReport<'_>>,
) -> Model {
    let sentences = feats;
    let mut model = Model::empty();
    let mut emissions = Averager::new(BUCKETS * N);
    let mut transitions = Averager::new((N + 1) * N);
    let mut clock: u32 = 0;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = config.seed;
    for epoch in 1..=config.epochs {
        crate::perceptron::shuffle(&mut order, &mut rng);
        for &s in &order {
            clock += 1;
            let gold = gold[s];
            let guess = model.viterbi(&feats[s]);
            if guess == gold {
                continue;
            }
            for (i, f) in feats[s].iter().enumerate() {
                if guess[i] == gold[i] {
                    continue;
                }
                for &b in f {
                    emissions.update(&mut model.weights, b as usize * N + gold[i], 1.0, clock);
                    emissions.update(&mut model.weights, b as usize * N + guess[i], -1.0, clock);
                }
            }
            for i in 0..gold.len() {
                let from_gold = if i == 0 { N } else { gold[i - 1] };
                let from_guess = if i == 0 { N } else { guess[i - 1] };
                if from_gold != from_guess || gold[i] != guess[i] {
                    let t = &mut model.transitions;
                    transitions.update(t, from_gold * N + gold[i], 1.0, clock);
                    transitions.update(t, from_guess * N + guess[i], -1.0, clock);
                }
            }
        }
        // Averaging the whole table costs a pass over it: only when someone looks.
        if let Some(progress) = progress.as_mut() {
            progress(epoch, &averaged(&model, &emissions, &transitions, clock));
        }
    }
    averaged(&model, &emissions, &transitions, clock)
}

/// Features of every sentence, with the statistics of the document each belongs to.
fn document_features(
    sentences: &[ConllSentence],
    first: Option<&[Vec<usize>]>,
) -> Vec<Vec<Vec<u32>>> {
    let words: Vec<Vec<&str>> =
        sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    let mut out = Vec::with_capacity(sentences.len());
    let mut start = 0;
    while start < sentences.len() {
        let doc = sentences[start].doc;
        let end =
            (start..sentences.len()).find(|&i| sentences[i].doc != doc).unwrap_or(sentences.len());
        let doc_words: Vec<&[&str]> = words[start..end].iter().map(Vec::as_slice).collect();
        let stats = features::DocStats::of(doc_words.iter().copied());
        let hints = first.map(|tags| features::Hints::of(&doc_words, &tags[start..end]));
        for (k, w) in doc_words.iter().enumerate() {
            let h = hints.as_ref().map(|h| h.for_sentence(&doc_words, k));
            out.push(features::extract(w, &stats, h.as_deref()));
        }
        start = end;
    }
    out
}

/// Tags CoNLL sentences document by document.
pub fn tag_conll(tagger: &Tagger, sentences: &[ConllSentence]) -> Vec<Vec<usize>> {
    let first: Vec<Vec<usize>> =
        document_features(sentences, None).iter().map(|f| tagger.first.viterbi(f)).collect();
    document_features(sentences, Some(&first)).iter().map(|f| tagger.second.viterbi(f)).collect()
}

fn averaged(model: &Model, emissions: &Averager, transitions: &Averager, clock: u32) -> Model {
    Model {
        weights: emissions.averaged(&model.weights, clock),
        transitions: transitions.averaged(&model.transitions, clock),
    }
}

/// A named entity found in a text.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct Entity {
    /// Byte range in the text.
    pub span: std::ops::Range<usize>,
    /// Its type.
    pub kind: EntityType,
}

/// Finds the named entities of a whole document's text: tokens, sentences, then both passes
/// of the tagger over the document.
pub fn entities(tagger: &Tagger, text: &str) -> Vec<Entity> {
    let tokens = crate::tokens::tokenize(text);
    let sentences = crate::tokens::sentences(text, &tokens);
    entities_in(tagger, text, &tokens, &sentences)
}

/// [`entities`] over tokens and sentences already found, so that a reader tokenizes once.
pub fn entities_in(
    tagger: &Tagger,
    text: &str,
    tokens: &[crate::tokens::Token],
    sentences: &[crate::tokens::Sentence],
) -> Vec<Entity> {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| tokens[s.tokens.clone()].iter().map(|t| &text[t.span.clone()]).collect())
        .collect();
    let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
    let tags = tagger.tag_document(&refs);
    let mut out = Vec::new();
    for (s, tags) in sentences.iter().zip(&tags) {
        for (a, b, kind) in spans(tags) {
            let first = &tokens[s.tokens.start + a];
            let last = &tokens[s.tokens.start + b - 1];
            out.push(Entity { span: first.span.start..last.span.end, kind });
        }
    }
    out
}

/// The model shipped with dossier, built into the binary.
pub fn builtin() -> Result<Tagger, ModelError> {
    Tagger::from_bytes(BUILTIN)
}

/// A name for the shipped model that changes whenever its bytes do ("ner-en/" and the first
/// twelve hex digits of their SHA-256), for the store to record which model read a document.
pub fn builtin_id() -> String {
    format!("ner-en/{}", model::Sha256::digest(BUILTIN).short(12))
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
