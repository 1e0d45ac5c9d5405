//! Training the beam parser as one global structured perceptron with max-violation updates
//! (Huang, Fayong and Guo 2012): the beam searches with the current weights while a gold path
//! goes along beside it; where the beam's best item most outscores the gold path, having lost
//! a gold arc, the weights learn the gold path's steps up to there against that item's.
//!
//! Arc-hybrid reaches most trees by several paths; the gold path here is the one the model
//! likes best among the steps that lose no gold arc (the dynamic oracle's zero-cost steps), so
//! the model is never taught against a correct path it happens to prefer.

use super::beam::Beam;
use super::features::{self, State, Token};
use super::train::{Weights, cost};
use super::{Action, MAX_BEAM};

/// The beam and the gold path, with the memory they reuse from sentence to sentence.
pub(super) struct Trainer {
    beam: Beam,
    gold: State,
    /// The gold path's feature ids, step after step, and where each step's start.
    gold_ids: Vec<u32>,
    gold_starts: Vec<usize>,
    gold_path: Vec<(Action, u16)>,
    path: Vec<(Action, u16)>,
    replay: State,
    ids: Vec<u32>,
    label_ids: Vec<u32>,
    label_scores: Vec<f32>,
}

impl Trainer {
    pub(super) fn new(width: usize) -> Trainer {
        Trainer {
            beam: Beam::new(width.min(MAX_BEAM)),
            gold: State::new(0),
            gold_ids: Vec::new(),
            gold_starts: Vec::new(),
            gold_path: Vec::new(),
            path: Vec::new(),
            replay: State::new(0),
            ids: Vec::with_capacity(128),
            label_ids: Vec::with_capacity(64),
            label_scores: Vec::new(),
        }
    }

    /// Learns from one sentence (`heads` indexed by word, 0 for the root; `clock` counts the
    /// sentences seen so far, for averaging).
    pub(super) fn sentence(
        &mut self,
        tokens: &[Token],
        heads: &[usize],
        gold_labels: &[u16],
        weights: &mut Weights,
        clock: u32,
    ) {
        let n = tokens.len() - 1;
        self.beam.start(n, true);
        self.gold.reset(n);
        self.gold_ids.clear();
        self.gold_starts.clear();
        self.gold_path.clear();
        let mut gold_score = 0.0f32;
        // The step after which the beam's best most outscores the gold path, and its last step.
        let mut worst: Option<(usize, u32, f32)> = None;
        let mut steps = 0;
        while !self.beam.done() {
            // The gold path's step: the best action that loses no gold arc.
            self.gold_starts.push(self.gold_ids.len());
            self.ids.clear();
            features::action_features(&self.gold, tokens, &mut self.ids);
            let scores = weights.action_scores(&self.ids);
            let mut best: Option<(Action, f32)> = None;
            for (a, s) in Action::ALL.into_iter().zip(scores) {
                if self.gold.legal(a)
                    && best.is_none_or(|(_, b)| s > b)
                    && cost(&self.gold, heads, a) == 0
                {
                    best = Some((a, s));
                }
            }
            // No gold path (heads that are not a projective tree): nothing to learn here.
            let Some((action, score)) = best else { return };
            self.gold_ids.extend_from_slice(&self.ids);
            gold_score += score;
            let relation = match self.gold.arc_of(action) {
                Some(arc) => {
                    weights.relation(&self.gold, tokens, arc, heads, gold_labels, clock, true)
                }
                None => 0,
            };
            self.gold.apply(action, relation);
            self.gold_path.push((action, relation));
            // The beam's step, with the same weights.
            let w = &*weights;
            let (label_ids, label_scores) = (&mut self.label_ids, &mut self.label_scores);
            self.beam.step(
                tokens,
                |ids| w.action_scores(ids),
                |state, head, dep| {
                    w.guess(state, tokens, (head, dep), heads, gold_labels, label_ids, label_scores)
                },
                |state, a| cost(state, heads, a) == 0,
            );
            steps += 1;
            let top = self.beam.best();
            let violation = top.score - gold_score;
            // A tie counts: with no weights yet every score is zero, and a wrong item that
            // ties with the gold path is still a mistake to learn from.
            if !top.zero && violation >= 0.0 && worst.is_none_or(|(_, _, v)| violation > v) {
                worst = Some((steps, top.last, violation));
            }
        }
        let Some((steps, last, _)) = worst else { return };
        self.gold_starts.push(self.gold_ids.len());
        for k in 0..steps {
            let ids = &self.gold_ids[self.gold_starts[k]..self.gold_starts[k + 1]];
            weights.update_action(ids, self.gold_path[k].0, 1.0, clock);
        }
        self.beam.path(last, &mut self.path);
        self.replay.reset(n);
        for &(action, relation) in &self.path[..steps] {
            self.ids.clear();
            features::action_features(&self.replay, tokens, &mut self.ids);
            weights.update_action(&self.ids, action, -1.0, clock);
            self.replay.apply(action, relation);
        }
    }
}
