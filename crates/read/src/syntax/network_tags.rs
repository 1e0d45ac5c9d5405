//! Which part of speech the analyzer gives a word the BiLSTM tagged: the network's, with a
//! closed class only for a word the tagger's dictionary saw in it; and, for a network that
//! reads no perceptron tags, the perceptron tagger's second opinion on the words the network
//! doubts (session 43: the two taggers' mistakes differ, and the network's probabilities
//! tell which to trust).

use super::{Analyzer, Upos};

/// The part of speech of a word the BiLSTM tagged `net` and the perceptron `perceptron`:
/// the network's, but a closed class only for a word training `seen` in it.
pub(super) fn network_tag(net: Upos, perceptron: Upos, seen: impl Fn(Upos) -> bool) -> Upos {
    if !net.is_closed() || seen(net) { net } else { perceptron }
}

/// The part of speech of the highest of a word's `scores` (by [`Upos::index`]; the first of
/// equal ones) that is an open class or a closed one training `seen` the word in. The
/// dictionary is asked only about a closed class that outscores every open one.
pub(super) fn best_allowed_tag(scores: &[f32], seen: impl Fn(Upos) -> bool) -> Upos {
    let better = |k: usize, best: Option<usize>| {
        best.is_none_or(|b| scores[k] > scores[b] || (scores[k] == scores[b] && k < b))
    };
    let tags = || Upos::ALL.iter().enumerate().take(scores.len());
    let mut best = None;
    for (k, tag) in tags() {
        if !tag.is_closed() && better(k, best) {
            best = Some(k);
        }
    }
    for (k, &tag) in tags() {
        if tag.is_closed() && better(k, best) && seen(tag) {
            best = Some(k);
        }
    }
    best.map_or(Upos::X, |k| Upos::ALL[k])
}

/// How near the network's probability of the perceptron tagger's part of speech must come to
/// that of its own best for the tagger's to stand (`opinion_stands`). EWT dev with the
/// tagless network of session 42: UPOS 95.33 without, 95.51 at 0.6, 95.57 at 0.8, 95.59 at
/// 0.9, 95.62 at 0.95, and 95.54 at 1 (the tagger's opinion of every word).
const SECOND_OPINION: f32 = 0.9;

const TAGS: usize = Upos::ALL.len();

/// A network's scores of a word's parts of speech made probabilities (softmax).
pub(super) fn tag_probabilities(scores: &[f32]) -> [f32; TAGS] {
    let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = [0.0f32; TAGS];
    p.iter_mut().zip(scores).for_each(|(p, &s)| *p = (s - top).exp());
    let sum: f32 = p.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        p.iter_mut().for_each(|p| *p /= sum);
    }
    p
}

/// Whether the perceptron tagger's `opinion` of a word replaces the network's `own` tag,
/// given the network's probabilities `p`: where the network gives the opinion within
/// `SECOND_OPINION` of its own (each tagger has its own mistakes: where the two disagree on
/// EWT dev, each is right about half the time, and the network's doubt tells which), and a
/// closed class only for a word training `seen` in it.
pub(super) fn opinion_stands(
    p: &[f32; TAGS],
    own: Upos,
    opinion: Upos,
    seen: impl Fn(Upos) -> bool,
) -> bool {
    opinion != own
        && p[opinion.index()] + SECOND_OPINION > p[own.index()]
        && (!opinion.is_closed() || seen(opinion))
}

impl Analyzer {
    /// The perceptron tagger's opinion on the words a tagless network is least sure of
    /// (`opinion_stands`). The tagger reads the network's tags of the other words in place of
    /// its own passes, so that it scores those few words alone.
    pub(super) fn second_opinion(
        &self,
        words: &[&str],
        lower: &[String],
        tags: &mut [Upos],
        scores: &[f32],
    ) {
        let probabilities: Vec<[f32; TAGS]> =
            scores.chunks_exact(TAGS).map(tag_probabilities).collect();
        let unsure: Vec<usize> = probabilities
            .iter()
            .zip(tags.iter())
            .enumerate()
            .filter(|(_, (p, own))| {
                Upos::ALL.iter().any(|&t| opinion_stands(p, **own, t, |_| true))
            })
            .map(|(i, _)| i)
            .collect();
        if unsure.is_empty() {
            return;
        }
        let opinions = self.tagger.second_opinion(words, lower, tags, &unsure);
        for (i, opinion) in unsure.into_iter().zip(opinions) {
            let seen = |tag| self.tagger.seen_as(&lower[i], tag);
            if opinion_stands(&probabilities[i], tags[i], opinion, seen) {
                tags[i] = opinion;
            }
        }
    }
}
