//! A second look at the relations once the tree is whole: the relation of an arc made early
//! is chosen before the words after it are read ("gave him" is named before "the book" shows
//! that "him" is the indirect object), and before the head has all its children (a passive
//! auxiliary, a second object). This classifier names every arc again from the finished tree:
//! the head's head, the dependent's siblings and children on both sides and their function
//! words. It does not read the first pass's relations: in training they would be the gold ones
//! (or a labeller's that has seen the sentence), and it would learn to copy them.

use super::LABEL_BUCKETS;
use super::features::{NO, NONE, Token, distance_of, key};

/// Up to this many siblings and children are looked at, nearest first.
const NEAR: usize = 6;

/// The children of every word of a finished tree, in order (index 0 the root).
pub(super) struct Children {
    start: Vec<usize>,
    kids: Vec<usize>,
}

impl Children {
    /// The children of `heads` (indexed by word, `heads[0]` unused; words from 1).
    pub(super) fn of(heads: &[usize]) -> Children {
        let n = heads.len().saturating_sub(1);
        let mut start = vec![0usize; n + 2];
        for &h in &heads[1..] {
            start[h.min(n) + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut fill = start.clone();
        let mut kids = vec![0usize; n];
        for (d, &h) in heads.iter().enumerate().skip(1) {
            let h = h.min(n);
            kids[fill[h]] = d;
            fill[h] += 1;
        }
        Children { start, kids }
    }

    pub(super) fn of_word(&self, w: usize) -> &[usize] {
        match (self.start.get(w), self.start.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a..b],
            _ => &[],
        }
    }
}

/// Whether a part of speech (1-based, as [`Token`] holds it) is a function word's, whose
/// form says more than its tag.
fn function_tag(tag: u64) -> bool {
    use crate::syntax::Upos;
    [Upos::Adp, Upos::Aux, Upos::Sconj, Upos::Part, Upos::Cconj, Upos::Pron, Upos::Det]
        .iter()
        .any(|t| t.index() as u64 + 1 == tag)
}

/// The features naming the relation of word `d` in a finished tree (`heads` indexed by word,
/// index 0 unused), as bucket ids.
pub(super) fn features(
    tokens: &[Token],
    heads: &[usize],
    children: &Children,
    d: usize,
    ids: &mut Vec<u32>,
) {
    let n = heads.len() - 1;
    let tok = |w: usize| if w == NO || w >= tokens.len() { NONE } else { tokens[w] };
    let h = heads[d].min(n);
    let g = if h == 0 { NO } else { heads[h].min(n) };
    let (td, th, tg) = (tok(d), tok(h), tok(g));
    let side: u64 = if h == 0 { 2 } else { u64::from(d < h) };
    let position = |w: usize| if w == 0 { n + 1 } else { w };
    let dist = distance_of(position(h).abs_diff(position(d)));
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
    f(&[td.word]);
    f(&[td.tag]);
    f(&[td.word, td.tag]);
    f(&[td.suffix, td.tag]);
    f(&[th.word]);
    f(&[th.tag]);
    f(&[th.word, th.tag]);
    f(&[th.suffix, th.tag]);
    f(&[th.tag, td.tag]);
    f(&[th.tag, td.tag, dist]);
    f(&[th.word, td.tag]);
    f(&[th.tag, td.word]);
    f(&[th.word, td.word]);
    f(&[tg.tag, th.tag, td.tag]);
    f(&[tg.word, th.tag, td.tag]);
    // The words around the dependent.
    let (prev, next) = (tok(d - 1), tok(d + 1));
    f(&[prev.tag, td.tag, next.tag]);
    f(&[prev.word, td.tag]);
    f(&[next.word, td.tag]);
    // The dependent's own children: their function words and tags.
    let own = children.of_word(d);
    let mut tags = 0u64;
    for &c in own {
        tags |= 1 << tok(c).tag;
    }
    f(&[tags, td.tag]);
    f(&[tags, td.tag, th.tag]);
    f(&[own.len().min(4) as u64, td.tag]);
    for &c in own.iter().take(NEAR) {
        let tc = tok(c);
        let what = if function_tag(tc.tag) { tc.word } else { tc.tag };
        f(&[what, u64::from(c < d), td.tag, th.tag]);
    }
    // Its siblings: what else the head has, on which side of the dependent.
    let siblings = children.of_word(h);
    let at = siblings.iter().position(|&s| s == d).unwrap_or(0);
    let (before, after) = (&siblings[..at], &siblings[(at + 1).min(siblings.len())..]);
    let mut left = 0u64;
    let mut right = 0u64;
    for &s in before {
        left |= 1 << tok(s).tag;
    }
    for &s in after {
        right |= 1 << tok(s).tag;
    }
    f(&[left, td.tag, th.tag]);
    f(&[right, td.tag, th.tag]);
    f(&[tok(*before.last().unwrap_or(&NO)).tag, td.tag, th.tag]);
    f(&[tok(*after.first().unwrap_or(&NO)).tag, td.tag, th.tag]);
    for &s in before.iter().rev().take(NEAR).chain(after.iter().take(NEAR)) {
        let ts = tok(s);
        let what = if function_tag(ts.tag) { ts.word } else { ts.tag };
        f(&[what, u64::from(s < d), td.tag, th.tag]);
    }
}
