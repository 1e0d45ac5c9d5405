//! What the trained taggers share: feature hashing, averaged-perceptron bookkeeping, a seeded
//! visiting order, and the storage of sparse weight tables.
//!
//! Both the entity tagger (`ner`) and the part-of-speech tagger (`syntax`) are perceptrons over
//! strings hashed into a fixed table; keeping these pieces in one place keeps their training
//! reproducible in the same way.

use std::io::Write;

mod index;
mod tables;

pub(crate) use index::RowIndex;
pub(crate) use tables::{Sparse, add_rows};

/// FNV-1a over the parts of a feature, with a separator between parts so that ("ab", "c") and
/// ("a", "bc") differ. Callers mask the result to their table size.
pub(crate) fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x100000001b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// Shuffles `order` in place (Fisher-Yates with a small xorshift generator whose state is
/// `rng`): the same seed gives the same order on every machine.
pub(crate) fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// The running totals that averaging needs for one weight table: each weight's sum over time,
/// settled lazily when it changes (so an update costs O(1), not a pass over the table).
pub(crate) struct Averager {
    total: Vec<f64>,
    stamp: Vec<u32>,
}

impl Averager {
    /// Totals for a table of `len` weights, all zero so far.
    pub(crate) fn new(len: usize) -> Averager {
        Averager { total: vec![0.0; len], stamp: vec![0; len] }
    }

    /// Adds `delta` to `weights[index]` at time `clock`.
    pub(crate) fn update(&mut self, weights: &mut [f32], index: usize, delta: f32, clock: u32) {
        self.total[index] += f64::from(weights[index]) * f64::from(clock - self.stamp[index]);
        self.stamp[index] = clock;
        weights[index] += delta;
    }

    /// The average of each weight over the `clock` steps so far.
    pub(crate) fn averaged(&self, weights: &[f32], clock: u32) -> Vec<f32> {
        weights
            .iter()
            .zip(&self.total)
            .zip(&self.stamp)
            .map(|((w, t), s)| {
                ((t + f64::from(*w) * f64::from(clock - s)) / f64::from(clock.max(1))) as f32
            })
            .collect()
    }
}

/// Writes the non-zero weights of a table as a count, then (index, value) pairs.
pub(crate) fn write_sparse(weights: &[f32], out: &mut impl Write) -> std::io::Result<()> {
    let nonzero: Vec<(u32, f32)> = weights
        .iter()
        .enumerate()
        .filter(|(_, w)| **w != 0.0)
        .map(|(i, w)| (i as u32, *w))
        .collect();
    out.write_all(&(nonzero.len() as u32).to_le_bytes())?;
    for (i, w) in nonzero {
        out.write_all(&i.to_le_bytes())?;
        out.write_all(&w.to_le_bytes())?;
    }
    Ok(())
}

/// A cursor over a model file's bytes; `None` when the file ends early.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from offset `at`.
    pub(crate) fn new(bytes: &'a [u8], at: usize) -> Reader<'a> {
        Reader { bytes, at }
    }

    /// Where the cursor is.
    pub(crate) fn offset(&self) -> usize {
        self.at
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    /// A little-endian `u32`.
    pub(crate) fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    /// A little-endian `f32`.
    pub(crate) fn f32(&mut self) -> Option<f32> {
        self.take(4).map(|s| f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    /// A string written by [`write_str`].
    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// What [`write_sparse`] wrote, into `weights` (which holds zeros); `None` if an index
    /// falls outside it.
    pub(crate) fn sparse_into(&mut self, weights: &mut [f32]) -> Option<()> {
        let count = self.u32()? as usize;
        for _ in 0..count {
            let i = self.u32()? as usize;
            let w = self.f32()?;
            *weights.get_mut(i)? = w;
        }
        Some(())
    }
}

/// Writes a string as its byte length and bytes.
pub(crate) fn write_str(s: &str, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(&(s.len() as u32).to_le_bytes())?;
    out.write_all(s.as_bytes())
}

/// The multiply-rotate hash of rustc's `FxHasher`, eight bytes at a step: the taggers look up
/// a few short words per token, where the standard library's SipHash (made to resist chosen
/// keys, which a model's own tables do not face) costs more than the lookup.
#[derive(Clone, Copy, Default)]
pub(crate) struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed with [`Fx`].
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;
