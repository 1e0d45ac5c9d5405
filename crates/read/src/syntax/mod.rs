//! Syntax: Universal part-of-speech tags and lemmas for the words of a sentence.
//!
//! Trained in this project on the UD English Web Treebank (`dossier train parse`),
//! deterministically, and compiled into the binary like the entity tagger: a greedy averaged
//! perceptron tags ([`pos`]), then rules and exceptions learned from the treebank's lemmas
//! give each word its lemma ([`lemma`]). The dependency parser will join them here.

mod conllu;
mod lemma;
mod pos;

#[cfg(test)]
mod tests;

use std::io::{Read, Write};

pub use conllu::{ConlluError, Line, Sentence, Word, read_conllu};

use crate::perceptron::Reader;

const MAGIC: &[u8; 8] = b"DSSYN\x00\x02\x00";

/// The seventeen Universal Dependencies parts of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // The names are the standard's.
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// Every tag, in the model's order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as Universal Dependencies writes it ("NOUN").
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; 17] = [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ];
        NAMES[self.index()]
    }

    /// The tag named `name` ("NOUN"), if it is one.
    pub fn parse(name: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Its position in [`Upos::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What the analyzer says about one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// Its part of speech.
    pub upos: Upos,
    /// Its lemma (case kept for proper nouns and words such as "I", as the treebank does).
    pub lemma: String,
    /// The word it depends on: its position in the sentence from 1, or 0 for the root.
    pub head: usize,
    /// The Universal Dependencies relation to its head ("nsubj", "obl:tmod", "root").
    pub deprel: String,
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a dossier syntax model, or another version of the format.
    #[error("not a dossier syntax model of this version: retrain it with `dossier train parse`")]
    Format,
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The tagger and lemmatizer together.
#[derive(Clone)]
pub struct Analyzer {
    tagger: pos::Tagger,
    lemmatizer: lemma::Lemmatizer,
}

impl Analyzer {
    /// Tags and lemmatizes one sentence's words. Total over any strings, empty ones included.
    pub fn analyse(&self, words: &[&str]) -> Vec<Analysis> {
        let tags = self.tagger.tag(words);
        tags.iter()
            .zip(words)
            .enumerate()
            .map(|(i, (&upos, w))| {
                let next = lemma::next_key(tags.get(i + 1).copied());
                // Until the dependency parser lands every word hangs from the root.
                Analysis {
                    upos,
                    lemma: self.lemmatizer.lemma(w, upos, next, i == 0),
                    head: 0,
                    deprel: "dep".to_string(),
                }
            })
            .collect()
    }

    /// Writes the model: a header, the tagger, the lemmatizer.
    pub fn save(&self, out: &mut impl Write) -> Result<(), ModelError> {
        out.write_all(MAGIC)?;
        self.tagger.write(out)?;
        self.lemmatizer.write(out)
    }

    /// Reads a model written by [`Analyzer::save`].
    pub fn load(input: &mut impl Read) -> Result<Analyzer, ModelError> {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        Self::from_bytes(&bytes)
    }

    /// Reads a model from memory.
    pub fn from_bytes(bytes: &[u8]) -> Result<Analyzer, ModelError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(ModelError::Format);
        }
        let mut input = Reader::new(bytes, MAGIC.len());
        let tagger = pos::Tagger::read(&mut input).ok_or(ModelError::Format)?;
        let lemmatizer = lemma::Lemmatizer::read(&mut input).ok_or(ModelError::Format)?;
        if input.offset() != bytes.len() {
            return Err(ModelError::Format);
        }
        Ok(Analyzer { tagger, lemmatizer })
    }
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes of the tagger over the training data.
    pub epochs: usize,
    /// Seed of the order in which sentences are visited.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig { epochs: 8, seed: 17 }
    }
}

/// A training sentence whose UPOS column names no Universal part of speech.
#[derive(Debug, thiserror::Error)]
#[error("sentence {sentence}, word {word}: UPOS {found:?} is not a Universal part of speech")]
pub struct TrainError {
    /// The sentence, from 1.
    pub sentence: usize,
    /// The word's ID.
    pub word: String,
    /// What the column said.
    pub found: String,
}

/// Trains the analyzer on CoNLL-U sentences; `progress` sees it after each epoch of the
/// tagger, so that the caller can evaluate it.
pub fn train(
    sentences: &[Sentence],
    config: &TrainConfig,
    mut progress: impl FnMut(usize, &Analyzer),
) -> Result<Analyzer, TrainError> {
    let mut data = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        let tags = s
            .words
            .iter()
            .map(|w| {
                Upos::parse(&w.upos).ok_or_else(|| TrainError {
                    sentence: k + 1,
                    word: w.id.clone(),
                    found: w.upos.clone(),
                })
            })
            .collect::<Result<Vec<Upos>, TrainError>>()?;
        data.push((s.forms(), tags));
    }
    let lemmatizer =
        lemma::Lemmatizer::train(data.iter().zip(sentences).flat_map(|((_, tags), s)| {
            s.words.iter().zip(tags).enumerate().map(move |(i, (w, t))| {
                let next = lemma::next_key(tags.get(i + 1).copied());
                (w.form.as_str(), *t, next, w.lemma.as_str(), i == 0)
            })
        }));
    let tagger = pos::train(&data, config.epochs, config.seed, |epoch, tagger| {
        progress(epoch, &Analyzer { tagger: tagger.clone(), lemmatizer: lemmatizer.clone() })
    });
    Ok(Analyzer { tagger, lemmatizer })
}

/// The model shipped with dossier, built into the binary.
pub fn builtin() -> Result<Analyzer, ModelError> {
    Analyzer::from_bytes(BUILTIN)
}

/// A name for the shipped model that changes whenever its bytes do ("syntax-en/" and the
/// first twelve hex digits of their SHA-256).
pub fn builtin_id() -> String {
    format!("syntax-en/{}", model::Sha256::digest(BUILTIN).short(12))
}

/// Bytes of the shipped model (see `models/README.md` for how it was trained).
static BUILTIN: &[u8] = include_bytes!("../../models/syntax-en.bin");
