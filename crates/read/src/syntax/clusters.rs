//! Word clusters learnt from the training words alone, so that the tagger and the parser can
//! say something about a word they saw too rarely to have weights for.
//!
//! The exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998) puts each word
//! in the class that most raises the likelihood of a class bigram model of the text, word after
//! word, until no word moves. It is run once for each of a few numbers of classes, coarse to
//! fine: the coarse classes work as a part of speech that a tag error does not share, the fine
//! ones as a word's kind ("monday", "tuesday"). Koo et al. (2008) use the prefixes of Brown
//! clusters the same way; separate clusterings serve the features as well and take seconds,
//! where Brown's agglomerative merging takes minutes. Everything runs in a fixed order with
//! one visiting sequence, so the classes are the same on every run.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use crate::perceptron::{Reader, write_str};

/// How many classes each clustering has, coarse to fine.
pub(super) const LEVELS: [usize; 4] = [16, 64, 256, 1024];
/// A word is clustered when seen this often in training; rarer words share one class.
const MIN_COUNT: u32 = 2;
/// The exchange passes stop here if words still move (the last ones move few).
const PASSES: usize = 10;
/// A word's classes when it has none: unknown, or outside any sentence.
pub(super) const UNKNOWN: Classes = [u16::MAX; LEVELS.len()];

/// A word's class at each level of [`LEVELS`].
pub(super) type Classes = [u16; LEVELS.len()];

/// The form a word is clustered by: lowercase, every digit a `0` ("1996" and "2001" are one
/// word for the bigram model).
pub(super) fn normal(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_numeric() { '0' } else { c })
        .collect()
}

/// Normalised word → its classes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Clusters {
    map: HashMap<String, Classes>,
}

impl Clusters {
    /// The classes of each word of a sentence ([`UNKNOWN`] for a word without).
    pub(super) fn of(&self, words: &[&str]) -> Vec<Classes> {
        words.iter().map(|w| self.map.get(&normal(w)).copied().unwrap_or(UNKNOWN)).collect()
    }

    /// How many words have classes.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.map.len()
    }

    pub(super) fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let sorted: BTreeMap<&String, &Classes> = self.map.iter().collect();
        out.write_all(&(LEVELS.len() as u32).to_le_bytes())?;
        out.write_all(&(sorted.len() as u32).to_le_bytes())?;
        for (word, classes) in sorted {
            write_str(word, out)?;
            for c in classes {
                out.write_all(&c.to_le_bytes())?;
            }
        }
        Ok(())
    }

    pub(super) fn read(input: &mut Reader<'_>) -> Option<Clusters> {
        if input.u32()? as usize != LEVELS.len() {
            return None;
        }
        let count = input.u32()? as usize;
        let mut map = HashMap::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let word = input.str()?.to_string();
            let mut classes = UNKNOWN;
            for (c, level) in classes.iter_mut().zip(LEVELS) {
                let b = input.take(2)?;
                *c = u16::from_le_bytes([b[0], b[1]]);
                if usize::from(*c) >= level {
                    return None;
                }
            }
            map.insert(word, classes);
        }
        Some(Clusters { map })
    }

    /// Clusters the words of `sentences`.
    pub(super) fn learn(sentences: &[Vec<&str>]) -> Clusters {
        let (vocabulary, text) = Bigrams::of(sentences);
        let mut map: HashMap<String, Classes> =
            vocabulary.iter().map(|w| (w.clone(), UNKNOWN)).collect();
        for (level, &k) in LEVELS.iter().enumerate() {
            let classes = text.exchange(k);
            for (i, w) in vocabulary.iter().enumerate() {
                if let Some(c) = map.get_mut(w) {
                    c[level] = classes[i + 2] as u16;
                }
            }
        }
        Clusters { map }
    }

    /// One clustering into `k` classes: each vocabulary word's id, and each id's class.
    #[cfg(test)]
    pub(super) fn learn_with(
        sentences: &[Vec<&str>],
        k: usize,
    ) -> (HashMap<String, usize>, Vec<u32>) {
        let (vocabulary, text) = Bigrams::of(sentences);
        let ids = vocabulary.into_iter().enumerate().map(|(i, w)| (w, i + 2)).collect();
        (ids, text.exchange(k))
    }
}

/// The bigram counts of the text, by word: who follows and who precedes each.
struct Bigrams {
    /// `(follower, count)` lists of each word, the word itself left out.
    right: Vec<Vec<(u32, u32)>>,
    /// `(predecessor, count)` lists of each word, the word itself left out.
    left: Vec<Vec<(u32, u32)>>,
    /// How often each word follows itself.
    own: Vec<u32>,
    /// How often each word is the first, and the second, of a bigram.
    as_left: Vec<u32>,
    as_right: Vec<u32>,
    /// `x ln x` for every count up to the number of bigrams.
    xlogx: Vec<f64>,
}

impl Bigrams {
    /// The vocabulary of `sentences` (the words seen [`MIN_COUNT`] times, most frequent first)
    /// and the bigram counts of the text with ids: 0 the sentence boundary, 1 every rare word,
    /// then the vocabulary's words from 2.
    fn of(sentences: &[Vec<&str>]) -> (Vec<String>, Bigrams) {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for s in sentences {
            for w in s {
                *counts.entry(normal(w)).or_default() += 1;
            }
        }
        let mut vocabulary: Vec<(String, u32)> =
            counts.into_iter().filter(|(_, n)| *n >= MIN_COUNT).collect();
        // Most frequent first (ties in word order): the order words are visited in.
        vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let index: HashMap<&str, u32> =
            vocabulary.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32 + 2)).collect();
        let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
        for s in sentences {
            let mut previous = 0u32;
            for w in s {
                let id = index.get(normal(w).as_str()).copied().unwrap_or(1);
                *bigrams.entry((previous, id)).or_default() += 1;
                previous = id;
            }
            *bigrams.entry((previous, 0)).or_default() += 1;
        }
        let mut bigrams: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
        bigrams.sort_unstable();
        let text = Bigrams::new(vocabulary.len() + 2, &bigrams);
        (vocabulary.into_iter().map(|(w, _)| w).collect(), text)
    }

    fn new(words: usize, bigrams: &[((u32, u32), u32)]) -> Bigrams {
        let mut text = Bigrams {
            right: vec![Vec::new(); words],
            left: vec![Vec::new(); words],
            own: vec![0; words],
            as_left: vec![0; words],
            as_right: vec![0; words],
            xlogx: Vec::new(),
        };
        let mut total = 0usize;
        for &((a, b), n) in bigrams {
            let (a, b) = (a as usize, b as usize);
            text.as_left[a] += n;
            text.as_right[b] += n;
            total += n as usize;
            if a == b {
                text.own[a] += n;
            } else {
                text.right[a].push((b as u32, n));
                text.left[b].push((a as u32, n));
            }
        }
        text.xlogx =
            (0..=total).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect();
        text
    }

    /// Each word's class among `k`, by the exchange algorithm from a round-robin start in
    /// order of frequency.
    fn exchange(&self, k: usize) -> Vec<u32> {
        let words = self.own.len();
        let mut class: Vec<u32> = (0..words).map(|w| (w % k) as u32).collect();
        // Class bigram counts, both ways round so that a class's row and column are each one
        // run of memory, and each class's counts as first and second of a bigram.
        let mut rows = vec![0u32; k * k];
        let mut columns = vec![0u32; k * k];
        let mut firsts = vec![0u32; k];
        let mut seconds = vec![0u32; k];
        for w in 0..words {
            let a = class[w] as usize;
            for &(v, n) in &self.right[w] {
                let b = class[v as usize] as usize;
                rows[a * k + b] += n;
                columns[b * k + a] += n;
            }
            rows[a * k + a] += self.own[w];
            columns[a * k + a] += self.own[w];
            firsts[a] += self.as_left[w];
            seconds[a] += self.as_right[w];
        }
        let f = |x: u32| self.xlogx[x as usize];
        // Scratch: the classes a word's followers and predecessors are in, with counts.
        let mut after = vec![0u32; k];
        let mut before = vec![0u32; k];
        let mut after_list: Vec<usize> = Vec::new();
        let mut before_list: Vec<usize> = Vec::new();
        for _ in 0..PASSES {
            let mut moved = 0usize;
            for w in 0..words {
                let a = class[w] as usize;
                for &(v, n) in &self.right[w] {
                    let c = class[v as usize] as usize;
                    if after[c] == 0 {
                        after_list.push(c);
                    }
                    after[c] += n;
                }
                for &(v, n) in &self.left[w] {
                    let c = class[v as usize] as usize;
                    if before[c] == 0 {
                        before_list.push(c);
                    }
                    before[c] += n;
                }
                let (own, first, second) = (self.own[w], self.as_left[w], self.as_right[w]);
                // Take the word out of its class.
                let update = |rows: &mut [u32], columns: &mut [u32], at: usize, sign: bool| {
                    for &c in &after_list {
                        let n = after[c];
                        let (r, col) = (&mut rows[at * k + c], &mut columns[c * k + at]);
                        if sign {
                            *r += n;
                            *col += n;
                        } else {
                            *r -= n;
                            *col -= n;
                        }
                    }
                    for &c in &before_list {
                        let n = before[c];
                        let (r, col) = (&mut rows[c * k + at], &mut columns[at * k + c]);
                        if sign {
                            *r += n;
                            *col += n;
                        } else {
                            *r -= n;
                            *col -= n;
                        }
                    }
                    if sign {
                        rows[at * k + at] += own;
                        columns[at * k + at] += own;
                    } else {
                        rows[at * k + at] -= own;
                        columns[at * k + at] -= own;
                    }
                };
                update(&mut rows, &mut columns, a, false);
                firsts[a] -= first;
                seconds[a] -= second;
                // The change in likelihood of putting it into class `b`.
                let gain = |b: usize| -> f64 {
                    let row = &rows[b * k..(b + 1) * k];
                    let column = &columns[b * k..(b + 1) * k];
                    let mut g = 0.0;
                    for &c in &after_list {
                        if c != b {
                            g += f(row[c] + after[c]) - f(row[c]);
                        }
                    }
                    for &c in &before_list {
                        if c != b {
                            g += f(column[c] + before[c]) - f(column[c]);
                        }
                    }
                    let diagonal = row[b];
                    g += f(diagonal + after[b] + before[b] + own) - f(diagonal);
                    g - (f(firsts[b] + first) - f(firsts[b]))
                        - (f(seconds[b] + second) - f(seconds[b]))
                };
                let mut best = (a, gain(a));
                for b in 0..k {
                    if b != a {
                        let g = gain(b);
                        // A margin, so that rounding never moves a word back and forth.
                        if g > best.1 + 1e-9 {
                            best = (b, g);
                        }
                    }
                }
                let b = best.0;
                update(&mut rows, &mut columns, b, true);
                firsts[b] += first;
                seconds[b] += second;
                if b != a {
                    class[w] = b as u32;
                    moved += 1;
                }
                for c in after_list.drain(..) {
                    after[c] = 0;
                }
                for c in before_list.drain(..) {
                    before[c] = 0;
                }
            }
            if moved == 0 {
                break;
            }
        }
        class
    }
}
