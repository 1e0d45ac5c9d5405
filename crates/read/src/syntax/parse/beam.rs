//! Beam search over arc-hybrid transitions (Zhang and Clark 2008; Zhang and Nivre 2011): the
//! `width` best partial parses by the sum of their actions' scores are kept at every step, so
//! that an early choice that looked second best can still win once later words are seen.
//!
//! Every path takes `2n` steps, so the items of a beam are always comparable. The hot loop
//! does not allocate: states are copied into the memory of the states they replace, and the
//! paths are kept as back pointers in one arena that only grows within a sentence.

use std::cmp::Ordering;

use super::Action;
use super::features::{self, State, Token};

/// One extension of one item of the beam.
#[derive(Clone, Copy)]
struct Candidate {
    /// The item's score plus the action's.
    total: f32,
    /// The action's own score: the tie-break that makes a width-one beam the greedy parser.
    local: f32,
    from: u32,
    action: Action,
}

/// Best first: total score, then the action's own score, then the item, then the order of
/// [`Action::ALL`] (the greedy parser's tie-break).
fn order(a: &Candidate, b: &Candidate) -> Ordering {
    let by_score = |x: f32, y: f32| y.partial_cmp(&x).unwrap_or(Ordering::Equal);
    by_score(a.total, b.total)
        .then(by_score(a.local, b.local))
        .then(a.from.cmp(&b.from))
        .then((a.action as u8).cmp(&(b.action as u8)))
}

/// No earlier step (the start of a path).
const START: u32 = u32::MAX;

/// One partial parse.
pub(super) struct Item {
    pub(super) state: State,
    pub(super) score: f32,
    /// Whether every gold arc is still reachable (training only; false when decoding).
    pub(super) zero: bool,
    /// Its last step in [`Beam::steps`], or [`START`].
    pub(super) last: u32,
}

/// The beam and the memory it reuses from step to step and sentence to sentence.
pub(super) struct Beam {
    width: usize,
    items: Vec<Item>,
    next: Vec<Item>,
    live: usize,
    candidates: Vec<Candidate>,
    ids: Vec<u32>,
    /// Every step taken by an item kept: (the step before it, the action, the relation).
    steps: Vec<(u32, Action, u16)>,
}

impl Beam {
    pub(super) fn new(width: usize) -> Beam {
        let width = width.max(1);
        let item = || Item { state: State::new(0), score: 0.0, zero: false, last: START };
        Beam {
            width,
            items: (0..width).map(|_| item()).collect(),
            next: (0..width).map(|_| item()).collect(),
            live: 0,
            candidates: Vec::with_capacity(3 * width),
            ids: Vec::with_capacity(128),
            steps: Vec::new(),
        }
    }

    /// Starts a sentence of `n` words; `zero` when training against a gold tree.
    pub(super) fn start(&mut self, n: usize, zero: bool) {
        let first = &mut self.items[0];
        first.state.reset(n);
        first.score = 0.0;
        first.zero = zero;
        first.last = START;
        self.live = 1;
        self.steps.clear();
    }

    /// Whether the parses are complete (all at once: every path has `2n` steps).
    pub(super) fn done(&self) -> bool {
        self.live == 0 || self.items[0].state.done()
    }

    /// The best item so far.
    pub(super) fn best(&self) -> &Item {
        &self.items[0]
    }

    /// One step: every legal action of every item scored by `score` (which sees the state's
    /// feature ids), the best `width` extensions kept; an arc gets the relation `label` gives
    /// it in its parent state, and an item stays `zero` while `zero_cost` says its actions
    /// lose no gold arc (it is asked only about such items).
    pub(super) fn step(
        &mut self,
        tokens: &[Token],
        mut score: impl FnMut(&[u32]) -> [f32; 3],
        mut label: impl FnMut(&State, usize, usize) -> u16,
        mut zero_cost: impl FnMut(&State, Action) -> bool,
    ) {
        let Beam { width, items, next, live, candidates, ids, steps } = self;
        candidates.clear();
        for (i, item) in items[..*live].iter().enumerate() {
            ids.clear();
            features::action_features(&item.state, tokens, ids);
            let scores = score(ids);
            for (action, local) in Action::ALL.into_iter().zip(scores) {
                if item.state.legal(action) {
                    let total = item.score + local;
                    candidates.push(Candidate { total, local, from: i as u32, action });
                }
            }
        }
        if candidates.is_empty() {
            return;
        }
        candidates.sort_unstable_by(order);
        let kept = candidates.len().min(*width);
        for (target, c) in next.iter_mut().zip(&candidates[..kept]) {
            let parent = &items[c.from as usize];
            let relation = match parent.state.arc_of(c.action) {
                Some((head, dep)) => label(&parent.state, head, dep),
                None => 0,
            };
            target.zero = parent.zero && zero_cost(&parent.state, c.action);
            target.state.copy_from(&parent.state);
            target.state.apply(c.action, relation);
            target.score = c.total;
            steps.push((parent.last, c.action, relation));
            target.last = (steps.len() - 1) as u32;
        }
        std::mem::swap(items, next);
        *live = kept;
    }

    /// The actions and relations of the path whose last step is `at` (an item's `last`),
    /// first to last, into `out`.
    pub(super) fn path(&self, mut at: u32, out: &mut Vec<(Action, u16)>) {
        out.clear();
        while at != START {
            let (before, action, relation) = self.steps[at as usize];
            out.push((action, relation));
            at = before;
        }
        out.reverse();
    }
}
