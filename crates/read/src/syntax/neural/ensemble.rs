//! Several networks parsing as one (issue 13's experiments; not used by the analyzer): each
//! sentence's heads by Eisner's algorithm over the sum of the networks' head
//! log-probabilities, then each word's relation and part of speech by the sum of their
//! log-probabilities. What such an ensemble gives on EWT dev bounds what a network taught by
//! it could learn; its probabilities are what it teaches ([`Ensemble::soft_targets`]).
//! `examples/neural.rs` measures it (`ensemble`); `dossier train silver` writes its parses
//! of news text ([`super::silver`]) and `dossier train parse --bilstm --silver` teaches a
//! network with them ([`Ensemble::teach`]).

use super::infer::Outputs;
use super::math::{argmax, log_softmax};
use super::{Example, NTAGS, Parse, Parser, Soft, eisner};
use rayon::prelude::*;

/// Networks trained on the same relation names, parsing together.
pub struct Ensemble {
    parsers: Vec<Parser>,
}

/// Each sentence's heads, each network's head log-probabilities for each sentence, and each
/// network's relation and part-of-speech log-probabilities of every word (the sentences'
/// words one after another).
struct Votes {
    heads: Vec<Vec<usize>>,
    head_log_probs: Vec<Vec<Vec<Vec<f32>>>>,
    relations: Vec<Vec<f32>>,
    tags: Vec<Vec<f32>>,
}

impl Ensemble {
    /// The ensemble of `parsers`: `None` where there are none or their relation names
    /// differ (a relation's number must mean the same in each).
    pub fn new(parsers: Vec<Parser>) -> Option<Ensemble> {
        let first = parsers.first()?;
        parsers.iter().all(|p| p.labels() == first.labels()).then_some(Ensemble { parsers })
    }

    /// Relation names, by number.
    pub fn labels(&self) -> &[String] {
        self.parsers[0].labels()
    }

    fn votes(&self, exs: &[Example]) -> Votes {
        let outputs: Vec<Vec<Outputs>> =
            self.parsers.iter().map(|p| p.model.infer_batch(&p.quantized, exs)).collect();
        // head_log_probs[s][network][h][d]
        let head_log_probs: Vec<Vec<Vec<Vec<f32>>>> = (0..exs.len())
            .map(|s| outputs.iter().map(|outs| super::Model::head_log_probs(&outs[s])).collect())
            .collect();
        let heads = head_log_probs
            .iter()
            .map(|each| {
                let mut mean = each[0].clone();
                for lp in &each[1..] {
                    for (m, l) in mean.iter_mut().zip(lp) {
                        m.iter_mut().zip(l).for_each(|(m, l)| *m += l);
                    }
                }
                eisner::eisner(&mean)
            })
            .collect::<Vec<_>>();
        let labels = self.labels().len().max(1);
        let (mut relations, mut tags) = (Vec::new(), Vec::new());
        for (parser, outs) in self.parsers.iter().zip(&outputs) {
            let (r, t) = parser.model.relation_and_tag_scores(&parser.quantized, outs, &heads);
            relations.push(r.chunks_exact(labels).flat_map(log_softmax).collect());
            tags.push(t.chunks_exact(NTAGS - 1).flat_map(log_softmax).collect());
        }
        Votes { heads, head_log_probs, relations, tags }
    }

    /// Sentences taken together where the ensemble parses or teaches many (its networks'
    /// batch).
    pub const BATCH: usize = 32;

    /// The parses of several sentences.
    pub fn parse_batch(&self, exs: &[Example]) -> Vec<Parse> {
        self.parses(self.votes(exs))
    }

    /// The parses of several sentences and the ensemble's probabilities (the mean of its
    /// networks') of each word's heads, relations to its chosen head and parts of speech.
    pub fn soft_targets(&self, exs: &[Example]) -> Vec<(Parse, Soft)> {
        let votes = self.votes(exs);
        let networks = self.parsers.len() as f32;
        let mean = |l: f32| l.exp() / networks;
        let labels = self.labels().len().max(1);
        let mut word = 0;
        let softs: Vec<Soft> = votes
            .heads
            .iter()
            .zip(&votes.head_log_probs)
            .map(|(heads, each)| {
                let n = heads.len();
                let mut soft = Soft::default();
                for d in 1..=n {
                    let mut p = vec![0f32; n + 1];
                    for lp in each {
                        for (h, p) in p.iter_mut().enumerate() {
                            *p += mean(lp[h][d]);
                        }
                    }
                    soft.heads.push(p);
                    soft.labels.push(summed(&votes.relations, word, labels, mean));
                    soft.tags.push(summed(&votes.tags, word, NTAGS - 1, mean));
                    word += 1;
                }
                soft
            })
            .collect();
        self.parses(votes).into_iter().zip(softs).collect()
    }

    /// Gives each example the ensemble's parse as its tree and parts of speech, and the
    /// ensemble's probabilities as the other half of its target ([`Example::soft`]): a
    /// taught network's silver sentences. [`Ensemble::BATCH`] at a time on the threads;
    /// the same on one thread or many.
    pub fn teach(&self, exs: &mut [Example]) {
        exs.par_chunks_mut(Self::BATCH).for_each(|chunk| {
            let taught = self.soft_targets(chunk);
            for (ex, ((heads, labels, tags), soft)) in chunk.iter_mut().zip(taught) {
                ex.heads = heads;
                ex.labels = labels;
                ex.gold_tags = tags;
                ex.soft = Some(std::sync::Arc::new(soft));
            }
        });
    }

    /// Each sentence's heads, and each word's relation and part of speech with the largest
    /// sum of the networks' log-probabilities.
    fn parses(&self, votes: Votes) -> Vec<Parse> {
        let labels = self.labels().len().max(1);
        let mut word = 0;
        votes
            .heads
            .into_iter()
            .map(|heads| {
                let (mut relations, mut tags) = (Vec::new(), Vec::new());
                for _ in &heads {
                    relations.push(argmax(&summed(&votes.relations, word, labels, |l| l)));
                    tags.push(argmax(&summed(&votes.tags, word, NTAGS - 1, |l| l)));
                    word += 1;
                }
                (heads, relations, tags)
            })
            .collect()
    }
}

/// The sum over the networks of `f` of their log-probabilities of word `at`'s classes
/// (`width` of them).
fn summed(each: &[Vec<f32>], at: usize, width: usize, f: impl Fn(f32) -> f32) -> Vec<f32> {
    let mut sum = vec![0f32; width];
    for lp in each {
        sum.iter_mut().zip(&lp[at * width..(at + 1) * width]).for_each(|(s, l)| *s += f(*l));
    }
    sum
}
