//! Syntax: Universal part-of-speech tags and lemmas for the words of a sentence.
//!
//! Trained in this project on the UD English Web Treebank (`dossier train parse`),
//! deterministically, and compiled into the binary like the entity tagger: a greedy averaged
//! perceptron tags (`pos`), then rules and exceptions learned from the treebank's lemmas
//! give each word its lemma (`lemma`), and an arc-hybrid parser with a small beam gives each word its
//! head and Universal Dependencies relation (`parse`).

mod codes;
mod conllu;
mod lemma;
mod names;
mod network_tags;
pub mod neural;
mod parse;
mod pos;
mod predicate;
mod punct;
mod relative;
mod time_word;

#[cfg(test)]
mod tests;

use std::io::{Read, Write};

pub use conllu::{ConlluError, Line, Sentence, Word, read_conllu};

use crate::perceptron::Reader;
use network_tags::{best_allowed_tag, network_tag};
#[cfg(test)]
use network_tags::{opinion_stands, tag_probabilities};

const MAGIC: &[u8; 8] = b"DSSYN\x00\x05\x00";

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

    /// Whether it is a closed class: a list of words that training saw whole (adpositions,
    /// determiners, pronouns, conjunctions, auxiliaries, particles).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Upos::Adp | Upos::Det | Upos::Pron | Upos::Cconj | Upos::Sconj | Upos::Aux | Upos::Part
        )
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

/// The longest sentence the BiLSTM parser takes: its tree search costs the cube of the
/// length in time and the square in memory, so longer ones (never made by `read`, whose
/// sentences stop at 250 tokens) go to the linear perceptron parser.
const BILSTM_MAX_WORDS: usize = 512;

/// Sentences the BiLSTM parser takes together at most: its working memory grows with the
/// words (a few megabytes for 32 sentences of news).
const BILSTM_BATCH: usize = 32;

/// The tagger, lemmatizer and parser together.
#[derive(Clone)]
pub struct Analyzer {
    tagger: pos::Tagger,
    lemmatizer: lemma::Lemmatizer,
    /// Absent only while training, before the parser's first epoch.
    parser: Option<parse::Parser>,
    /// The BiLSTM parser in place of the perceptron one, where attached.
    neural: Option<std::sync::Arc<neural::Parser>>,
}

impl Analyzer {
    /// Tags, lemmatizes and parses one sentence's words. Total over any strings, empty ones
    /// included: every word gets a head (0 for the root) and the heads form one tree.
    pub fn analyse(&self, words: &[&str]) -> Vec<Analysis> {
        self.analyse_many(&[words]).pop().unwrap_or_default()
    }

    /// [`Analyzer::analyse`] of several sentences, the same analyses, faster where the BiLSTM
    /// parser is attached: it takes the sentences together (its weights read once for all),
    /// `BILSTM_BATCH` at a time, so that its memory stays bounded however many are given.
    pub fn analyse_many(&self, sentences: &[&[&str]]) -> Vec<Vec<Analysis>> {
        let by_network = |k: usize| self.neural.is_some() && sentences[k].len() <= BILSTM_MAX_WORDS;
        // A network that reads no part of speech needs no perceptron tagger for its sentences.
        let tagless =
            self.neural.as_ref().is_some_and(|net| net.shape().tags != neural::TagInput::Tagger);
        let seen = |l: &str, t| self.tagger.seen_as(l, t);
        // Tagger, parser and lemmatizer all read the lowercase forms: made once.
        let mut tagged: Vec<(Vec<String>, Vec<Upos>)> = sentences
            .iter()
            .enumerate()
            .map(|(k, words)| {
                let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                if tagless && by_network(k) {
                    return (lower, Vec::new());
                }
                let mut tags = self.tagger.tag_lower(words, &lower);
                predicate::verb_for_verbless(words, &lower, &mut tags, seen);
                predicate::participle_after_those(&lower, &mut tags, seen);
                (lower, tags)
            })
            .collect();
        let mut trees: Vec<Option<Vec<parse::Arc>>> = vec![None; sentences.len()];
        if let Some(net) = &self.neural {
            let chosen: Vec<usize> = (0..sentences.len()).filter(|&k| by_network(k)).collect();
            let examples: Vec<neural::Example> = chosen
                .iter()
                .map(|&k| neural::Example::unlabelled(sentences[k], &tagged[k].1))
                .collect();
            let parses =
                examples.chunks(BILSTM_BATCH).flat_map(|batch| net.parse_batch_scored(batch));
            for (&k, ((heads, labels, net_tags), scores)) in chosen.iter().zip(parses) {
                // The network's own parts of speech (95.62 on EWT dev against the
                // perceptron's 95.27): the lemmas and the claim rules read them. But a
                // closed class only for a word training saw in it: the network, reading
                // spelling, took a hyphenated name ("Abd-al-...") for an adposition.
                let (lower, tags) = &mut tagged[k];
                if tagless {
                    // No perceptron's tag to fall back on: the network's best allowed one.
                    let words = scores.chunks_exact(Upos::ALL.len());
                    *tags = words
                        .zip(lower.iter())
                        .map(|(scores, l)| best_allowed_tag(scores, |tag| seen(l, tag)))
                        .collect();
                    self.second_opinion(sentences[k], lower, tags, &scores);
                    predicate::verb_for_verbless(sentences[k], lower, tags, seen);
                    predicate::participle_after_those(lower, tags, seen);
                } else {
                    for ((t, n), l) in tags.iter_mut().zip(net_tags).zip(lower.iter()) {
                        let net = Upos::ALL.get(n).copied().unwrap_or(Upos::X);
                        *t = network_tag(net, *t, |tag| self.tagger.seen_as(l, tag));
                    }
                }
                let arcs = heads.into_iter().zip(labels);
                trees[k] = Some(
                    arcs.map(|(head, l)| parse::Arc { head, deprel: net.labels()[l].clone() })
                        .collect(),
                );
            }
        }
        sentences
            .iter()
            .zip(tagged)
            .zip(trees)
            .map(|((words, (lower, mut tags)), tree)| {
                let arcs = match (tree, &self.parser) {
                    (Some(arcs), _) => arcs,
                    (None, Some(parser)) => parser.parse_lower(&lower, &tags),
                    (None, None) => Vec::new(),
                };
                self.finish(words, &lower, &mut tags, arcs)
            })
            .collect()
    }

    /// The repairs of the tree and the lemmas, whichever parser made the tree.
    fn finish(
        &self,
        words: &[&str],
        lower: &[String],
        tags: &mut [Upos],
        mut arcs: Vec<parse::Arc>,
    ) -> Vec<Analysis> {
        // The same repairs whichever parser made the tree (none where there is no tree).
        codes::unclause(words, tags, &mut arcs);
        codes::phrase_on_code(words, tags, &mut arcs);
        relative::rehang(lower, tags, &mut arcs);
        relative::antecedent_first(lower, tags, &mut arcs);
        names::flat_within_name(lower, tags, &mut arcs);
        names::name_no_modifier(tags, &mut arcs);
        names::name_no_second_subject(tags, &mut arcs);
        names::name_one_subject(tags, &mut arcs);
        names::flat_not_across_phrase(tags, &mut arcs);
        names::body_name_goes_on(words, lower, tags, &mut arcs);
        predicate::oblique_on_verb(tags, &mut arcs);
        predicate::mark_opens_its_clause(lower, tags, &mut arcs);
        predicate::subject_after_dateline(words, tags, &mut arcs);
        predicate::aux_on_its_verb(tags, &mut arcs);
        time_word::participle_over_time_word(lower, tags, &mut arcs);
        punct::reattach(words, tags, &mut arcs);
        let mut arcs = arcs.into_iter();
        tags.iter()
            .zip(words.iter().zip(lower))
            .enumerate()
            .map(|(i, (&upos, (w, l)))| {
                let next = lemma::next_key(tags.get(i + 1).copied());
                let (head, deprel) = match arcs.next() {
                    Some(arc) => (arc.head, arc.deprel),
                    None => (0, "dep".to_string()),
                };
                let lemma = self.lemmatizer.lemma_of(w, l, upos, next, i == 0);
                Analysis { upos, lemma, head, deprel }
            })
            .collect()
    }

    /// The same model with the parser keeping `width` partial parses (1: greedy; at most 64):
    /// to measure what a narrower or wider beam than the trained one gives.
    pub fn with_beam(mut self, width: usize) -> Analyzer {
        self.parser = self.parser.map(|p| p.with_beam(width));
        self
    }

    /// A model of the trained parts (the parser absent before its first epoch).
    fn trained(
        tagger: &pos::Tagger,
        lemmatizer: &lemma::Lemmatizer,
        parser: Option<&parse::Parser>,
    ) -> Analyzer {
        Analyzer {
            tagger: tagger.clone(),
            lemmatizer: lemmatizer.clone(),
            parser: parser.cloned(),
            neural: None,
        }
    }

    /// The same model with the BiLSTM parser in place of the perceptron one.
    pub fn with_neural(mut self, net: neural::Model) -> Analyzer {
        self.neural = Some(std::sync::Arc::new(neural::Parser::new(net)));
        self
    }

    /// Writes the model: a header, the tagger, the lemmatizer, the parser.
    pub fn save(&self, out: &mut impl Write) -> Result<(), ModelError> {
        out.write_all(MAGIC)?;
        self.tagger.write(out)?;
        self.lemmatizer.write(out)?;
        match &self.parser {
            Some(parser) => Ok(parser.write(out)?),
            None => Err(ModelError::Format),
        }
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
        let parser = parse::Parser::read(&mut input).ok_or(ModelError::Format)?;
        if input.offset() != bytes.len() {
            return Err(ModelError::Format);
        }
        Ok(Analyzer { tagger, lemmatizer, parser: Some(parser), neural: None })
    }
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes of the tagger over the training data.
    pub epochs: usize,
    /// Passes of the parser over the training data.
    pub parser_epochs: usize,
    /// The parser trains on tags from taggers that did not see the sentence, trained on all
    /// but one of this many folds (below 2: the final tagger's own tags).
    pub folds: usize,
    /// Drop the parser's small weights (see `parse::train`): right for a treebank's worth
    /// of data, wrong for a few sentences, whose weights are all small.
    pub prune: bool,
    /// Seed of the order in which sentences are visited.
    pub seed: u64,
    /// How many partial parses the parser keeps (1: greedy, trained with the dynamic oracle;
    /// more: a beam, trained as a global perceptron).
    pub beam: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig { epochs: 8, parser_epochs: 14, folds: 4, prune: true, seed: 17, beam: 1 }
    }
}

/// Which part of the model a training epoch belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainStage {
    /// The part-of-speech tagger (the analyzer has no parser yet).
    Tagger,
    /// Taggers for the parser's training tags, one a fold (no progress is reported).
    Folds,
    /// The parser.
    Parser,
}

/// A training sentence whose UPOS column names no Universal part of speech, or whose HEAD
/// column is no word number.
#[derive(Debug, thiserror::Error)]
#[error("sentence {sentence}, word {word}: {column} {found:?} is not {expected}")]
pub struct TrainError {
    /// The sentence, from 1.
    pub sentence: usize,
    /// The word's ID.
    pub word: String,
    /// The column ("UPOS", "HEAD").
    pub column: &'static str,
    /// What the column said.
    pub found: String,
    /// What it should have said.
    pub expected: &'static str,
}

/// Trains the analyzer on CoNLL-U sentences; `progress` sees it after each epoch of the
/// tagger and of the parser, so that the caller can evaluate it.
pub fn train(
    sentences: &[Sentence],
    config: &TrainConfig,
    mut progress: impl FnMut(TrainStage, usize, &Analyzer),
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
                    column: "UPOS",
                    found: w.upos.clone(),
                    expected: "a Universal part of speech",
                })
            })
            .collect::<Result<Vec<Upos>, TrainError>>()?;
        data.push((s.forms(), tags));
    }
    // A word the treebank writes in parts (`goeswith`: "Nasim H Khan@X" typed as one) has the
    // whole as its first part's lemma: no edit of that part's form, so it teaches nothing
    // (it became the rule for every proper noun ending in "-asim"). Those words are left out.
    let lemmatizer =
        lemma::Lemmatizer::train(data.iter().zip(sentences).flat_map(|((_, tags), s)| {
            let split: Vec<&str> = s
                .words
                .iter()
                .filter(|w| w.deprel == "goeswith")
                .map(|w| w.head.as_str())
                .collect();
            s.words
                .iter()
                .zip(tags)
                .enumerate()
                .filter(move |(_, (w, _))| {
                    w.deprel != "goeswith" && !split.contains(&w.id.as_str())
                })
                .map(move |(i, (w, t))| {
                    let next = lemma::next_key(tags.get(i + 1).copied());
                    (w.form.as_str(), *t, next, w.lemma.as_str(), i == 0)
                })
        }));
    let tagger = pos::train(&data, config.epochs, config.seed, |epoch, tagger| {
        progress(TrainStage::Tagger, epoch, &Analyzer::trained(tagger, &lemmatizer, None))
    });
    // The parser learns from the tags it will be given: a tagger's on text it never saw.
    let tags = if config.folds >= 2 {
        jackknifed_tags(&data, config.folds, config.epochs, config.seed, |fold| {
            progress(TrainStage::Folds, fold, &Analyzer::trained(&tagger, &lemmatizer, None));
        })
    } else {
        data.iter().map(|(words, _)| tagger.tag(words)).collect()
    };
    let mut trees = Vec::with_capacity(sentences.len());
    for (k, (s, tags)) in sentences.iter().zip(tags).enumerate() {
        let mut heads = Vec::with_capacity(s.words.len());
        for w in &s.words {
            let head = w.head.parse::<usize>().ok().filter(|&h| h <= s.words.len());
            heads.push(head.ok_or_else(|| TrainError {
                sentence: k + 1,
                word: w.id.clone(),
                column: "HEAD",
                found: w.head.clone(),
                expected: "the number of a word of the sentence, or 0",
            })?);
        }
        trees.push(parse::TrainSentence {
            words: s.forms(),
            tags,
            heads,
            labels: s.words.iter().map(|w| w.deprel.as_str()).collect(),
        });
    }
    let settings = parse::Settings {
        epochs: config.parser_epochs,
        seed: config.seed,
        prune: config.prune,
        beam: config.beam,
    };
    let parser = parse::train(&trees, &settings, &mut |epoch, parser| {
        progress(TrainStage::Parser, epoch, &Analyzer::trained(&tagger, &lemmatizer, Some(parser)))
    });
    Ok(Analyzer { tagger, lemmatizer, parser: Some(parser), neural: None })
}

/// Each sentence's tags from a tagger trained on the other `folds - 1` folds (sentence `k` is
/// in fold `k % folds`), as a parser is given them on text the tagger never saw;
/// `after_fold` sees each fold's number from 1 once it is tagged.
fn jackknifed_tags(
    data: &[(Vec<&str>, Vec<Upos>)],
    folds: usize,
    epochs: usize,
    seed: u64,
    mut after_fold: impl FnMut(usize),
) -> Vec<Vec<Upos>> {
    let mut tags: Vec<Vec<Upos>> = vec![Vec::new(); data.len()];
    for fold in 0..folds {
        let kept: Vec<(Vec<&str>, Vec<Upos>)> = data
            .iter()
            .enumerate()
            .filter(|(k, _)| k % folds != fold)
            .map(|(_, d)| d.clone())
            .collect();
        let fold_tagger = pos::train(&kept, epochs, seed, |_, _| {});
        for (k, (words, _)) in data.iter().enumerate().filter(|(k, _)| k % folds == fold) {
            tags[k] = fold_tagger.tag(words);
        }
        after_fold(fold + 1);
    }
    tags
}

/// The model shipped with dossier, built into the binary.
pub fn builtin() -> Result<Analyzer, ModelError> {
    Analyzer::from_bytes(BUILTIN)
}

/// A syntax model from a file, and a name for it: a model written by `dossier train parse`,
/// or a BiLSTM parser's (`syntax::neural`), which then parses in place of the built-in
/// parser, after the built-in tagger. The name is the built-in model's for its bytes, else
/// "syntax-file/" or "syntax-bilstm/" and the first twelve hex digits of the bytes' SHA-256.
pub fn from_file_bytes(bytes: &[u8]) -> Result<(Analyzer, String), ModelError> {
    if bytes == BUILTIN {
        return Ok((builtin()?, builtin_id()));
    }
    let digest = model::Sha256::digest(bytes).short(12);
    if bytes.starts_with(MAGIC) {
        return Ok((Analyzer::from_bytes(bytes)?, format!("syntax-file/{digest}")));
    }
    match neural::Model::read(bytes) {
        Some(net) => Ok((builtin()?.with_neural(net), format!("syntax-bilstm/{digest}"))),
        None => Err(ModelError::Format),
    }
}

/// A name for the shipped model that changes whenever its bytes do ("syntax-en/" and the
/// first twelve hex digits of their SHA-256).
pub fn builtin_id() -> String {
    format!("syntax-en/{}", model::Sha256::digest(BUILTIN).short(12))
}

/// Bytes of the shipped model (see `models/README.md` for how it was trained).
static BUILTIN: &[u8] = include_bytes!("../../models/syntax-en.bin");
