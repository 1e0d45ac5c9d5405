//! The dependency parser: arc-hybrid transitions searched with a small beam and scored by an
//! averaged perceptron over rich hashed features of the stack, the buffer and the partial
//! tree, then a second perceptron that names each arc's relation as it is made.
//!
//! Arc-hybrid (Kuhlmann et al. 2011) with the root at the end of the buffer (Ballesteros and
//! Nivre 2013): SHIFT moves the buffer's front onto the stack; LEFT makes the buffer's front
//! the head of the stack's top and pops it; RIGHT makes the word under the top its head and
//! pops it. Each word is shifted once and popped once, so a sentence of `n` words takes `2n`
//! steps: linear time, and every sequence of legal steps ends in one projective tree with a
//! single root. A beam ([`beam`]) keeps the best few partial parses by the sum of their steps'
//! scores, trained as one global perceptron ([`global`]); a beam of one is the greedy parser,
//! trained with the dynamic oracle of Goldberg and Nivre (2013) so that it learns to recover
//! from its own mistakes.
//!
//! Choosing the action (three classes) and the relation (about fifty) apart keeps each step a
//! sum over three-weight rows; the relation classifier runs once per arc, when the dependent's
//! subtree is complete and its own children (a "by", a "who") can be seen.

mod beam;
mod features;
mod global;
mod train;

#[cfg(test)]
mod tests;

use std::io::Write;

use super::Upos;
use crate::perceptron::{Reader, RowIndex, Sparse};

pub(super) use train::{Settings, TrainSentence, train};

use features::{State, Token};

/// Feature table size of the action classifier (a power of two).
const ACTION_BUCKETS: usize = 1 << 21;
/// Feature table size of the relation classifier (a power of two).
const LABEL_BUCKETS: usize = 1 << 20;

/// The three transitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    Shift,
    Left,
    Right,
}

impl Action {
    const ALL: [Action; 3] = [Action::Shift, Action::Left, Action::Right];
}

/// A weight table: its width and buckets written before its non-zero weights, so that a file
/// says what it holds.
#[derive(Clone)]
pub(super) struct Table {
    weights: Sparse,
}

impl Table {
    /// The sparse table of a dense `buckets × width` one.
    fn of(dense: &[f32], width: usize) -> Table {
        Table { weights: Sparse::of_dense(dense, width) }
    }

    /// Adds the rows of `ids` into `scores` (which has `width` entries).
    fn add(&self, ids: &[u32], scores: &mut [f32]) {
        self.weights.add(ids, scores);
    }

    fn width(&self) -> usize {
        self.weights.width()
    }

    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(&(self.weights.width() as u32).to_le_bytes())?;
        out.write_all(&(self.weights.buckets() as u32).to_le_bytes())?;
        self.weights.write(out)
    }

    fn read(input: &mut Reader<'_>, buckets: usize) -> Option<Table> {
        let width = input.u32()? as usize;
        if width == 0 || input.u32()? as usize != buckets {
            return None;
        }
        Some(Table { weights: Sparse::read(input, buckets, width)? })
    }
}

/// The action classifier's weights: a row of three weights (padded to four, a sixteen-byte
/// load) for each bucket that has any, found through a [`RowIndex`]; the buckets without
/// share row 0, of zeros.
///
/// A tenth of the buckets have weights: the dense table (32 MB) made every feature a trip to
/// memory, where the rows alone are 2.6 MB. The sums are the same, bit for bit: the same
/// rows are added in the same order, zeros included.
#[derive(Clone)]
pub(super) struct Actions {
    index: RowIndex,
    rows: Vec<[f32; 4]>,
}

impl Actions {
    /// The table of a dense `ACTION_BUCKETS × 3` array.
    fn of(dense: &[f32]) -> Actions {
        let mut buckets = Vec::new();
        let mut rows = vec![[0.0f32; 4]];
        for (b, r) in dense.chunks_exact(3).enumerate() {
            if r.iter().any(|w| *w != 0.0) {
                buckets.push(b);
                rows.push([r[0], r[1], r[2], 0.0]);
            }
        }
        let index = RowIndex::of_buckets(ACTION_BUCKETS, buckets)
            .expect("the buckets of a dense table come in order, inside it");
        Actions { index, rows }
    }

    fn add(&self, ids: &[u32], scores: &mut [f32; 3]) {
        // Every row's number first, then every row: the loads of each loop depend on nothing
        // else in it, so the processor has them all in flight at once.
        const CHUNK: usize = 128;
        let mut found = [0u32; CHUNK];
        let mut sum = [0.0f32; 4];
        for chunk in ids.chunks(CHUNK) {
            for (f, &b) in found.iter_mut().zip(chunk) {
                *f = self.index.row(b as usize) as u32;
            }
            for &r in &found[..chunk.len()] {
                let row = self.rows.get(r as usize).unwrap_or(&[0.0; 4]);
                for k in 0..4 {
                    sum[k] += row[k];
                }
            }
        }
        scores.copy_from_slice(&sum[..3]);
    }

    /// Written as a three-wide [`Table`] is, so that the file stays small.
    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let weights = self.index.buckets_with_rows().zip(&self.rows[1..]).flat_map(|(b, row)| {
            (0..3).map(move |k| ((b * 3 + k) as u64, row[k])).filter(|(_, w)| *w != 0.0)
        });
        let table = Sparse::from_sorted(ACTION_BUCKETS, 3, weights)
            .expect("the rows' weights come in order, inside the table");
        Table { weights: table }.write(out)
    }

    fn read(input: &mut Reader<'_>) -> Option<Actions> {
        let table = Table::read(input, ACTION_BUCKETS)?;
        if table.width() != 3 {
            return None;
        }
        let mut buckets = Vec::new();
        let mut rows = vec![[0.0f32; 4]];
        table.weights.for_each(|i, w| {
            let b = i / 3;
            if buckets.last() != Some(&b) {
                buckets.push(b);
                rows.push([0.0; 4]);
            }
            if let Some(row) = rows.last_mut() {
                row[i % 3] = w;
            }
        });
        let index = RowIndex::of_buckets(ACTION_BUCKETS, buckets)?;
        Some(Actions { index, rows })
    }
}

/// The most relations a model may name (the treebank has about fifty).
const MAX_LABELS: usize = 256;

/// The parser: the action classifier, the relation classifier and the relations' names.
#[derive(Clone)]
pub(super) struct Parser {
    actions: Actions,
    labels: Table,
    names: Vec<String>,
    /// How many partial parses the search keeps (1: greedy).
    beam: usize,
}

/// The widest beam a model may ask for.
const MAX_BEAM: usize = 64;

/// One word's place in the tree: its head (1-based, 0 for the root) and relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Arc {
    pub(super) head: usize,
    pub(super) deprel: String,
}

/// A tree written as (head, relation) pairs, as the repairs' tests write them.
#[cfg(test)]
pub(super) fn arcs_of(tree: &[(usize, &str)]) -> Vec<Arc> {
    tree.iter().map(|&(head, rel)| Arc { head, deprel: rel.to_string() }).collect()
}

/// Whether word `w`'s chain of heads in `arcs` (words from 1) reaches `ancestor`: hanging
/// `ancestor` on `w` would then make a cycle. Bounded by the sentence's length.
pub(super) fn descends_from(arcs: &[Arc], w: usize, ancestor: usize) -> bool {
    let mut at = w;
    for _ in 0..=arcs.len() {
        if at == ancestor {
            return true;
        }
        match arcs.get(at.wrapping_sub(1)) {
            Some(arc) if at != 0 => at = arc.head,
            _ => return false,
        }
    }
    false
}

impl Parser {
    /// Parses one sentence given its words' lowercase forms (all the parser reads of them)
    /// and their parts of speech. Total: any words (none included) give one tree.
    pub(super) fn parse_lower(&self, lower: &[String], tags: &[Upos]) -> Vec<Arc> {
        let tokens = Token::of_lower(lower, tags);
        if self.beam <= 1 {
            return self.greedy(&tokens, lower.len());
        }
        self.beam(&tokens, lower.len(), self.beam)
    }

    /// The parse a beam of `width` finds (the same as [`Parser::parse_greedy`] at width 1).
    #[cfg(test)]
    pub(super) fn parse_beam(&self, words: &[&str], tags: &[Upos], width: usize) -> Vec<Arc> {
        self.beam(&Token::sentence(words, tags), words.len(), width)
    }

    /// [`Parser::parse_beam`] over a sentence's `n` tokens.
    fn beam(&self, tokens: &[Token], n: usize, width: usize) -> Vec<Arc> {
        let mut search = beam::Beam::new(width);
        search.start(n, false);
        let mut label_ids = Vec::with_capacity(64);
        while !search.done() {
            search.step(
                tokens,
                |ids| {
                    let mut scores = [0.0f32; 3];
                    self.actions.add(ids, &mut scores);
                    scores
                },
                |state, head, dep| self.label(state, tokens, head, dep, &mut label_ids),
                |_, _| false,
            );
        }
        self.arcs(&search.best().state)
    }

    /// The parse that takes the best action at every step (a beam of one, without copies).
    #[cfg(test)]
    pub(super) fn parse_greedy(&self, words: &[&str], tags: &[Upos]) -> Vec<Arc> {
        self.greedy(&Token::sentence(words, tags), words.len())
    }

    /// [`Parser::parse_greedy`] over a sentence's `n` tokens.
    fn greedy(&self, tokens: &[Token], n: usize) -> Vec<Arc> {
        let mut state = State::new(n);
        let mut ids = Vec::with_capacity(128);
        while !state.done() {
            ids.clear();
            features::action_features(&state, tokens, &mut ids);
            let mut scores = [0.0f32; 3];
            self.actions.add(&ids, &mut scores);
            let action = best_legal(&state, &scores);
            let label = match state.arc_of(action) {
                Some((head, dep)) => self.label(&state, tokens, head, dep, &mut ids),
                None => 0,
            };
            state.apply(action, label);
        }
        self.arcs(&state)
    }

    fn arcs(&self, state: &State) -> Vec<Arc> {
        state
            .heads()
            .iter()
            .zip(state.labels())
            .map(|(&head, &label)| Arc {
                head,
                deprel: self.names.get(label as usize).cloned().unwrap_or_else(|| "dep".into()),
            })
            .collect()
    }

    /// The best relation for the arc `head → dep` about to be made.
    fn label(
        &self,
        state: &State,
        tokens: &[Token],
        head: usize,
        dep: usize,
        ids: &mut Vec<u32>,
    ) -> u16 {
        ids.clear();
        features::label_features(state, tokens, head, dep, ids);
        let mut scores = [0.0f32; MAX_LABELS];
        let scores = &mut scores[..self.names.len()];
        self.labels.add(ids, scores);
        argmax(scores) as u16
    }

    /// The same parser searching with a beam of `width` (at least 1, at most [`MAX_BEAM`]).
    pub(super) fn with_beam(mut self, width: usize) -> Parser {
        self.beam = width.clamp(1, MAX_BEAM);
        self
    }

    pub(super) fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(&(self.names.len() as u32).to_le_bytes())?;
        for name in &self.names {
            crate::perceptron::write_str(name, out)?;
        }
        out.write_all(&(self.beam as u32).to_le_bytes())?;
        self.actions.write(out)?;
        self.labels.write(out)
    }

    pub(super) fn read(input: &mut Reader<'_>) -> Option<Parser> {
        let count = input.u32()? as usize;
        if count == 0 || count > MAX_LABELS {
            return None;
        }
        let names = (0..count).map(|_| input.str().map(str::to_string)).collect::<Option<_>>()?;
        let beam = input.u32()? as usize;
        if beam == 0 || beam > MAX_BEAM {
            return None;
        }
        let actions = Actions::read(input)?;
        let labels = Table::read(input, LABEL_BUCKETS)?;
        if labels.width() != count {
            return None;
        }
        Some(Parser { actions, labels, names, beam })
    }
}

/// The highest-scoring action that is legal in `state` (there is always one until it is done).
fn best_legal(state: &State, scores: &[f32; 3]) -> Action {
    let mut best: Option<(Action, f32)> = None;
    for (a, s) in Action::ALL.into_iter().zip(scores) {
        if state.legal(a) && best.is_none_or(|(_, b)| *s > b) {
            best = Some((a, *s));
        }
    }
    best.map_or(Action::Shift, |(a, _)| a)
}

/// The index of the largest score (the first on ties).
fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}
