//! The parser's state (stack, buffer, partial tree) and the features it is seen through.
//!
//! The templates follow Zhang and Nivre (2011), "Transition-based dependency parsing with rich
//! non-local features", adapted to arc-hybrid: words and tags of the stack's top three and the
//! buffer's first three, their pairs and triples, the distance between the top and the front,
//! how many children each has on each side, the leftmost and rightmost children (and the
//! second ones) with their relations, and the sets of relations already below a word.

use super::super::Upos;
use super::{ACTION_BUCKETS, Action, LABEL_BUCKETS};
use crate::perceptron::hash;

/// What the features read of one word, hashed once per sentence.
#[derive(Clone, Copy)]
pub(super) struct Token {
    /// The lowercase form.
    word: u64,
    /// The part of speech, 1-based; 0 for no word, 18 for the root.
    tag: u64,
    /// The last three letters.
    suffix: u64,
}

const NONE: Token = Token { word: 0x9e37_79b9, tag: 0, suffix: 0x7f4a_7c15 };
const ROOT: Token = Token { word: 0x85eb_ca6b, tag: 18, suffix: 0xc2b2_ae35 };

impl Token {
    /// The tokens of a sentence: index 0 is the root, then the words from 1. A word without a
    /// tag (fewer tags than words) reads as `X`.
    pub(super) fn sentence(words: &[&str], tags: &[Upos]) -> Vec<Token> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        Token::of_lower(&lower, tags)
    }

    /// [`Token::sentence`] given the words' lowercase forms.
    pub(super) fn of_lower(words: &[String], tags: &[Upos]) -> Vec<Token> {
        let mut out = Vec::with_capacity(words.len() + 1);
        out.push(ROOT);
        for (i, lower) in words.iter().enumerate() {
            let cut = lower.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            out.push(Token {
                word: hash(&[lower]),
                tag: tags.get(i).map_or(Upos::X, |t| *t).index() as u64 + 1,
                suffix: hash(&["x", &lower[cut..]]),
            });
        }
        out
    }
}

/// No word (an empty stack slot, a missing child).
const NO: usize = usize::MAX;

/// A configuration of the arc-hybrid system over words `1..=n`, the root at the buffer's end.
#[derive(Clone)]
pub(super) struct State {
    n: usize,
    stack: Vec<usize>,
    /// The buffer's front: a word while `next <= n`, the root when `next == n + 1`.
    next: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    /// Per word: leftmost, second leftmost, rightmost and second rightmost child ([`NO`] if
    /// none), counts of children on each side, and the sets of their relations (bit `l % 64`).
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    left_set: Vec<u64>,
    right_set: Vec<u64>,
}

impl State {
    pub(super) fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            next: 1,
            heads: vec![NO; n + 1],
            labels: vec![0; n + 1],
            left: vec![[NO; 2]; n + 1],
            right: vec![[NO; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
        }
    }

    /// Becomes the initial state over `n` words, reusing this state's memory.
    pub(super) fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.next = 1;
        let fill = |v: &mut Vec<_>, x| {
            v.clear();
            v.resize(n + 1, x);
        };
        fill(&mut self.heads, NO);
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.left.clear();
        self.left.resize(n + 1, [NO; 2]);
        self.right.clear();
        self.right.resize(n + 1, [NO; 2]);
        self.left_count.clear();
        self.left_count.resize(n + 1, 0);
        self.right_count.clear();
        self.right_count.resize(n + 1, 0);
        self.left_set.clear();
        self.left_set.resize(n + 1, 0);
        self.right_set.clear();
        self.right_set.resize(n + 1, 0);
    }

    /// Becomes a copy of `other`, reusing this state's memory: the beam copies states at
    /// every step, and a derived `clone_from` would allocate each time.
    pub(super) fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.next = other.next;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.left.clone_from(&other.left);
        self.right.clone_from(&other.right);
        self.left_count.clone_from(&other.left_count);
        self.right_count.clone_from(&other.right_count);
        self.left_set.clone_from(&other.left_set);
        self.right_set.clone_from(&other.right_set);
    }

    pub(super) fn done(&self) -> bool {
        self.stack.is_empty() && self.next > self.n
    }

    /// The buffer's front: a word, 0 for the root, or `None` once the root is gone.
    pub(super) fn front(&self) -> Option<usize> {
        if self.next <= self.n {
            Some(self.next)
        } else if self.next == self.n + 1 {
            Some(0)
        } else {
            None
        }
    }

    /// The buffer's `k`-th word after the front (the root counts as the last).
    fn buffer(&self, k: usize) -> usize {
        let at = self.next + k;
        if at <= self.n {
            at
        } else if at == self.n + 1 {
            0
        } else {
            NO
        }
    }

    /// The stack's `k`-th word from the top.
    fn stack_at(&self, k: usize) -> usize {
        self.stack.len().checked_sub(k + 1).map_or(NO, |i| self.stack[i])
    }

    pub(super) fn stack(&self) -> &[usize] {
        &self.stack
    }

    /// Where the buffer's front is: words `next..=n` and then the root are still in it.
    pub(super) fn next(&self) -> usize {
        self.next
    }

    pub(super) fn legal(&self, action: Action) -> bool {
        match action {
            Action::Shift => self.next <= self.n,
            // Only the last word on the stack may take the root as its head: one root a tree.
            Action::Left => {
                !self.stack.is_empty()
                    && match self.front() {
                        Some(0) => self.stack.len() == 1,
                        Some(_) => true,
                        None => false,
                    }
            }
            Action::Right => self.stack.len() >= 2,
        }
    }

    /// The arc (head, dependent) that `action` makes, if it makes one.
    pub(super) fn arc_of(&self, action: Action) -> Option<(usize, usize)> {
        match action {
            Action::Shift => None,
            Action::Left => Some((self.front()?, *self.stack.last()?)),
            Action::Right => Some((self.stack_at(1), self.stack_at(0))).filter(|(h, _)| *h != NO),
        }
    }

    /// Applies a legal `action`; an arc gets the relation `label`.
    pub(super) fn apply(&mut self, action: Action, label: u16) {
        if let Some((head, dep)) = self.arc_of(action) {
            self.stack.pop();
            self.attach(head, dep, label);
        } else if self.next <= self.n {
            self.stack.push(self.next);
            self.next += 1;
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        // The root sits after every word.
        let on_left = head == 0 || dep < head;
        if on_left {
            let l = &mut self.left[head];
            if l[0] == NO || dep < l[0] {
                *l = [dep, l[0]];
            } else if l[1] == NO || dep < l[1] {
                l[1] = dep;
            }
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_set[head] |= bit;
        } else {
            let r = &mut self.right[head];
            if r[0] == NO || dep > r[0] {
                *r = [dep, r[0]];
            } else if r[1] == NO || dep > r[1] {
                r[1] = dep;
            }
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_set[head] |= bit;
        }
    }

    /// Each word's head (from word 1): 0 for the root.
    pub(super) fn heads(&self) -> &[usize] {
        &self.heads[1..]
    }

    /// Each word's relation (from word 1).
    pub(super) fn labels(&self) -> &[u16] {
        &self.labels[1..]
    }

    /// The set of parts of speech (bit `tag`) of the words strictly between `a` and `b` (at
    /// most the first forty), and how many of them are punctuation (capped at 3); zeros when
    /// either is missing.
    fn between(&self, a: usize, b: usize, tokens: &[Token]) -> (u64, u64) {
        if a == NO || b == NO {
            return (0, 0);
        }
        let (lo, hi) =
            (self.position(a).min(self.position(b)), self.position(a).max(self.position(b)));
        let mut tags = 0u64;
        let mut commas = 0u64;
        let end = hi.min(lo + 41).min(self.n + 1).max(lo + 1);
        for token in &tokens[lo + 1..end] {
            let t = token.tag;
            tags |= 1 << t;
            commas += u64::from(t == Upos::Punct.index() as u64 + 1);
        }
        (tags, commas.min(3))
    }

    fn left_child(&self, w: usize, k: usize) -> usize {
        if w == NO { NO } else { self.left[w][k] }
    }

    fn right_child(&self, w: usize, k: usize) -> usize {
        if w == NO { NO } else { self.right[w][k] }
    }

    fn label_of(&self, w: usize) -> u64 {
        if w == NO { 0xffff } else { u64::from(self.labels[w]) + 1 }
    }

    /// Where a word sits, the root after the last word.
    fn position(&self, w: usize) -> usize {
        if w == 0 { self.n + 1 } else { w }
    }
}

/// A distance in a few classes: 1, 2, 3, 4, 5-7, 8-10, more; 0 when a word is missing.
fn distance(state: &State, a: usize, b: usize) -> u64 {
    if a == NO || b == NO {
        return 0;
    }
    match state.position(a).abs_diff(state.position(b)) {
        d @ 0..=4 => d as u64,
        5..=7 => 5,
        8..=10 => 6,
        _ => 7,
    }
}

/// Mixes the parts of a feature into one hash (splitmix64 steps).
fn key(parts: &[u64]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    for &p in parts {
        h ^= p;
        h = h.wrapping_add(0x9e37_79b9_7f4a_7c15);
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^= h >> 31;
    }
    h
}

/// The features that choose the next action, as bucket ids.
pub(super) fn action_features(state: &State, tokens: &[Token], ids: &mut Vec<u32>) {
    let tok = |w: usize| if w == NO { NONE } else { tokens[w] };
    let s0 = state.stack_at(0);
    let s1 = state.stack_at(1);
    let s2 = state.stack_at(2);
    let b0 = state.buffer(0);
    let b1 = state.buffer(1);
    let b2 = state.buffer(2);
    let (s0l, s0l2) = (state.left_child(s0, 0), state.left_child(s0, 1));
    let (s0r, s0r2) = (state.right_child(s0, 0), state.right_child(s0, 1));
    let (b0l, b0l2) = (state.left_child(b0, 0), state.left_child(b0, 1));
    let (s1l, s1r) = (state.left_child(s1, 0), state.right_child(s1, 0));
    let (ts0, ts1, ts2, tb0, tb1, tb2) = (tok(s0), tok(s1), tok(s2), tok(b0), tok(b1), tok(b2));
    let (ts0l, ts0r, tb0l, ts1l, ts1r) = (tok(s0l), tok(s0r), tok(b0l), tok(s1l), tok(s1r));
    let (ts0l2, ts0r2, tb0l2) = (tok(s0l2), tok(s0r2), tok(b0l2));
    let d = distance(state, s0, b0);
    let d1 = distance(state, s1, s0);
    let count = |c: &[u8], w: usize| if w == NO { 0xff } else { u64::from(c[w]) };
    let set = |c: &[u64], w: usize| if w == NO { 0 } else { c[w] };
    let mut t = 0u64;
    let mut f = |parts: &[u64]| {
        t += 1;
        let mut all = [0u64; 5];
        all[0] = t;
        all[1..=parts.len()].copy_from_slice(parts);
        ids.push((key(&all[..=parts.len()]) as usize & (ACTION_BUCKETS - 1)) as u32);
    };
    f(&[]);
    // Single words.
    f(&[ts0.word]);
    f(&[ts0.tag]);
    f(&[ts0.word, ts0.tag]);
    f(&[ts0.suffix, ts0.tag]);
    f(&[ts1.word]);
    f(&[ts1.tag]);
    f(&[ts1.word, ts1.tag]);
    f(&[tb0.word]);
    f(&[tb0.tag]);
    f(&[tb0.word, tb0.tag]);
    f(&[tb0.suffix, tb0.tag]);
    f(&[tb1.word]);
    f(&[tb1.tag]);
    f(&[tb1.word, tb1.tag]);
    f(&[tb2.word]);
    f(&[tb2.tag]);
    f(&[ts0.suffix, tb0.tag]);
    f(&[ts0.tag, tb0.suffix]);
    f(&[ts1.suffix, ts1.tag]);
    f(&[tb1.suffix, tb1.tag]);
    f(&[ts2.tag]);
    f(&[ts2.word, ts2.tag]);
    // Pairs.
    f(&[ts0.word, ts0.tag, tb0.word, tb0.tag]);
    f(&[ts0.word, ts0.tag, tb0.word]);
    f(&[ts0.word, tb0.word, tb0.tag]);
    f(&[ts0.word, ts0.tag, tb0.tag]);
    f(&[ts0.tag, tb0.word, tb0.tag]);
    f(&[ts0.word, tb0.word]);
    f(&[ts0.tag, tb0.tag]);
    f(&[tb0.tag, tb1.tag]);
    f(&[tb0.word, tb1.word]);
    f(&[ts1.word, ts1.tag, ts0.word, ts0.tag]);
    f(&[ts1.word, ts0.word]);
    f(&[ts1.tag, ts0.tag]);
    f(&[ts1.tag, ts0.word]);
    f(&[ts1.word, ts0.tag]);
    f(&[ts1.word, tb0.word]);
    f(&[ts1.tag, tb0.tag]);
    // Triples.
    f(&[tb0.tag, tb1.tag, tb2.tag]);
    f(&[ts0.tag, tb0.tag, tb1.tag]);
    f(&[ts1.tag, ts0.tag, tb0.tag]);
    f(&[ts2.tag, ts1.tag, ts0.tag]);
    f(&[ts0.tag, ts0l.tag, tb0.tag]);
    f(&[ts0.tag, ts0r.tag, tb0.tag]);
    f(&[ts0.tag, tb0.tag, tb0l.tag]);
    f(&[ts1.tag, ts0.tag, ts0l.tag]);
    f(&[ts1.tag, ts0.tag, ts0r.tag]);
    f(&[ts1.tag, ts1l.tag, ts0.tag]);
    f(&[ts1.tag, ts1r.tag, ts0.tag]);
    f(&[ts1.tag, ts0.tag, tb0.word]);
    f(&[ts1.tag, ts0.word, tb0.tag]);
    f(&[ts0.word, tb0.tag, tb1.tag]);
    f(&[ts0.tag, tb0.word, tb1.tag]);
    // Distance.
    f(&[ts0.word, d]);
    f(&[ts0.tag, d]);
    f(&[tb0.word, d]);
    f(&[tb0.tag, d]);
    f(&[ts0.word, tb0.word, d]);
    f(&[ts0.tag, tb0.tag, d]);
    f(&[ts1.tag, ts0.tag, d1]);
    f(&[ts1.word, ts0.word, d1]);
    // Valency.
    let (s0vl, s0vr) = (count(&state.left_count, s0), count(&state.right_count, s0));
    let (b0vl, s1vr) = (count(&state.left_count, b0), count(&state.right_count, s1));
    f(&[ts0.word, s0vr]);
    f(&[ts0.tag, s0vr]);
    f(&[ts0.word, s0vl]);
    f(&[ts0.tag, s0vl]);
    f(&[tb0.word, b0vl]);
    f(&[tb0.tag, b0vl]);
    f(&[ts1.tag, s1vr]);
    // Children.
    let (ls0l, ls0r, lb0l) = (state.label_of(s0l), state.label_of(s0r), state.label_of(b0l));
    f(&[ts0l.word]);
    f(&[ts0l.tag]);
    f(&[ls0l]);
    f(&[ts0r.word]);
    f(&[ts0r.tag]);
    f(&[ls0r]);
    f(&[tb0l.word]);
    f(&[tb0l.tag]);
    f(&[lb0l]);
    f(&[state.label_of(s1l), ts1.tag]);
    f(&[state.label_of(s1r), ts1.tag]);
    f(&[ts0l2.word]);
    f(&[ts0l2.tag]);
    f(&[state.label_of(s0l2)]);
    f(&[ts0r2.word]);
    f(&[ts0r2.tag]);
    f(&[state.label_of(s0r2)]);
    f(&[tb0l2.word]);
    f(&[tb0l2.tag]);
    f(&[state.label_of(b0l2)]);
    f(&[ts0.tag, ls0l, state.label_of(s0l2)]);
    f(&[ts0.tag, ls0r, state.label_of(s0r2)]);
    f(&[tb0.tag, lb0l, state.label_of(b0l2)]);
    f(&[ts0.tag, ts0l.tag, ts0l2.tag]);
    f(&[ts0.tag, ts0r.tag, ts0r2.tag]);
    f(&[tb0.tag, tb0l.tag, tb0l2.tag]);
    f(&[ts0.tag, ls0l, tb0.tag]);
    f(&[ts0.tag, ls0r, tb0.tag]);
    // What lies between the top and the front (words already attached below one or the
    // other): a verb or a comma between them changes what can join them.
    let (between, commas) = state.between(s0, b0, tokens);
    f(&[between, ts0.tag, tb0.tag]);
    f(&[commas, ts0.tag, tb0.tag]);
    f(&[between]);
    f(&[ts1.tag, between, tb0.tag]);
    // Relations already below.
    f(&[ts0.word, set(&state.left_set, s0)]);
    f(&[ts0.tag, set(&state.left_set, s0)]);
    f(&[ts0.word, set(&state.right_set, s0)]);
    f(&[ts0.tag, set(&state.right_set, s0)]);
    f(&[tb0.word, set(&state.left_set, b0)]);
    f(&[tb0.tag, set(&state.left_set, b0)]);
}

/// The features that name the relation of the arc `head → dep`, as bucket ids.
pub(super) fn label_features(
    state: &State,
    tokens: &[Token],
    head: usize,
    dep: usize,
    ids: &mut Vec<u32>,
) {
    let tok = |w: usize| if w == NO || w >= tokens.len() { NONE } else { tokens[w] };
    let (h, d) = (tok(head), tok(dep));
    let side: u64 = if head == 0 { 2 } else { u64::from(dep < head) };
    let dist = distance(state, head, dep);
    let (dl, dr) = (state.left_child(dep, 0), state.right_child(dep, 0));
    let (dl2, dr2) = (state.left_child(dep, 1), state.right_child(dep, 1));
    let hl = state.left_child(head, 0);
    let hr = state.right_child(head, 0);
    let (prev, next) = (tok(dep.wrapping_sub(1)), tok(dep + 1));
    let mut t = 0u64;
    let mut f = |parts: &[u64]| {
        t += 1;
        let mut all = [0u64; 6];
        all[0] = t;
        all[1] = side;
        all[2..2 + parts.len()].copy_from_slice(parts);
        ids.push((key(&all[..2 + parts.len()]) as usize & (LABEL_BUCKETS - 1)) as u32);
    };
    f(&[]);
    f(&[d.word]);
    f(&[d.tag]);
    f(&[d.word, d.tag]);
    f(&[d.suffix, d.tag]);
    f(&[h.word]);
    f(&[h.tag]);
    f(&[h.word, h.tag]);
    f(&[h.tag, d.tag]);
    f(&[h.word, d.tag]);
    f(&[h.tag, d.word]);
    f(&[h.word, d.word]);
    f(&[h.tag, d.tag, dist]);
    f(&[d.tag, dist]);
    // The dependent's own subtree is complete: its first word ("by", "of", "who") and its
    // children's relations say much of what it is.
    f(&[tok(dl).word, d.tag]);
    f(&[tok(dl).word, d.tag, h.tag]);
    f(&[tok(dl).tag, state.label_of(dl), d.tag]);
    f(&[tok(dl2).word, d.tag]);
    f(&[tok(dr).tag, state.label_of(dr), d.tag]);
    f(&[tok(dr2).tag, state.label_of(dr2), d.tag]);
    f(&[state.left_set[dep.min(state.n)], d.tag]);
    f(&[state.right_set[dep.min(state.n)], d.tag]);
    f(&[state.left_set[dep.min(state.n)], d.tag, h.tag]);
    // What the head already has.
    let hi = if head == NO { 0 } else { head };
    f(&[state.left_set[hi], h.tag]);
    f(&[state.right_set[hi], h.tag]);
    f(&[state.left_set[hi], h.word]);
    f(&[tok(hl).word, state.label_of(hl), h.tag]);
    f(&[tok(hr).tag, state.label_of(hr), h.tag]);
    // The words around the dependent.
    f(&[prev.word, d.tag]);
    f(&[prev.tag, d.tag]);
    f(&[next.tag, d.tag]);
    f(&[next.word, d.tag]);
    f(&[prev.tag, d.tag, next.tag, h.tag]);
    f(&[h.suffix, h.tag, d.tag]);
    f(&[d.suffix, d.tag, h.tag]);
    f(&[tok(dl).word, h.word]);
}

#[cfg(test)]
pub(super) fn no_word() -> usize {
    NO
}
