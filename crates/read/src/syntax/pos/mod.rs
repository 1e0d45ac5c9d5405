//! The part-of-speech tagger: two greedy passes of an averaged perceptron over hashed features
//! of the word, its neighbours, and the two tags the pass has just given; the first runs right
//! to left, the second left to right and also sees the first's tags of the words ahead.
//!
//! Besides the words, the features see each neighbour's ambiguity class (the set of tags the
//! training data gave that word, for words seen often enough to trust it): what the next word
//! can be is what a left-to-right tagger cannot otherwise know.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use super::{ModelError, Upos};
use crate::perceptron::{Averager, FxMap, Reader, RowIndex, add_rows, hash, shuffle, write_str};

mod train;
pub(super) use train::train;

/// Number of tags.
const N: usize = Upos::ALL.len();
/// Feature table size (a power of two).
pub(super) const BUCKETS: usize = 1 << 20;
/// A word enters the ambiguity dictionary when seen this often in training.
const DICT_MIN: u32 = 3;
/// Bits of a dictionary entry beside the tags: the word was seen in lowercase, and capitalised
/// inside a sentence.
const LOWER_SEEN: u32 = 1 << 20;
const TITLE_SEEN: u32 = 1 << 21;
/// The tag history before a sentence starts.
const START: usize = N;

/// The tagger: a right-to-left pass, then a left-to-right one that also sees what the first
/// said about the words ahead; each pass is `BUCKETS × N` weights. And the ambiguity
/// dictionary both share.
#[derive(Clone)]
pub(super) struct Tagger {
    backward: Rows,
    forward: Rows,
    /// Lowercase word → bit set of the tags it was seen with, and how it is written.
    classes: HashMap<String, u32>,
    /// The same words → their class's name (the bit set in hexadecimal), made once rather
    /// than for every word tagged.
    names: FxMap<String, String>,
}

/// The name of each dictionary word's class.
fn class_names(classes: &HashMap<String, u32>) -> FxMap<String, String> {
    classes.iter().map(|(w, mask)| (w.clone(), format!("{mask:x}"))).collect()
}

/// A pass's weights by row: only the buckets with a non-zero weight have a row, found through
/// a [`RowIndex`], so that the model loads in a few milliseconds and stays small in memory.
#[derive(Clone, Default)]
struct Rows {
    index: RowIndex,
    /// `N` weights a row.
    rows: Vec<f32>,
}

impl Rows {
    fn of(dense: &[f32]) -> Rows {
        let mut with_rows = Vec::new();
        let mut rows = Vec::new();
        for (b, row) in dense.chunks_exact(N).enumerate() {
            if row.iter().any(|w| *w != 0.0) {
                rows.extend_from_slice(row);
                with_rows.push(b);
            }
        }
        let index = RowIndex::of_buckets(BUCKETS, with_rows)
            .expect("the buckets of a dense table come in order, inside it");
        Rows { index, rows }
    }

    /// Writes the non-zero weights as [`crate::perceptron::write_sparse`] does for the dense
    /// table.
    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut pairs: Vec<(u32, f32)> = Vec::new();
        for (b, row) in self.index.buckets_with_rows().zip(self.rows.chunks_exact(N)) {
            for (t, w) in row.iter().enumerate() {
                if *w != 0.0 {
                    pairs.push(((b * N + t) as u32, *w));
                }
            }
        }
        out.write_all(&(pairs.len() as u32).to_le_bytes())?;
        for (i, w) in pairs {
            out.write_all(&i.to_le_bytes())?;
            out.write_all(&w.to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads what [`Rows::write`] wrote; `None` when an index is out of order or past the
    /// table.
    fn read(input: &mut Reader<'_>) -> Option<Rows> {
        let count = input.u32()? as usize;
        let mut with_rows: Vec<usize> = Vec::new();
        let mut rows = Vec::new();
        let mut last = None;
        for _ in 0..count {
            let i = input.u32()? as usize;
            let w = input.f32()?;
            if last.is_some_and(|l| i <= l) {
                return None;
            }
            last = Some(i);
            let (b, t) = (i / N, i % N);
            if with_rows.last() != Some(&b) {
                with_rows.push(b);
                rows.extend_from_slice(&[0.0; N]);
            }
            let at = rows.len() - N + t;
            rows[at] = w;
        }
        let index = RowIndex::of_buckets(BUCKETS, with_rows)?;
        Some(Rows { index, rows })
    }
}

/// What the features read of each word of a sentence besides the word itself: its lowercase
/// form, its shape and its ambiguity class (or its shape's, for a word the dictionary lacks).
struct Forms<'a> {
    lower: Vec<&'a str>,
    shapes: Vec<String>,
    classes: Vec<Class<'a>>,
}

/// A word's ambiguity class: the dictionary's name for it, or its shape's ("?Xx").
enum Class<'a> {
    Known(&'a str),
    Unknown(String),
}

impl Class<'_> {
    fn as_str(&self) -> &str {
        match self {
            Class::Known(name) => name,
            Class::Unknown(name) => name,
        }
    }
}

/// The columns of [`Forms`] as string slices, in one reading order.
type Columns<'a> = (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>);

impl<'a> Forms<'a> {
    fn of(tagger: &'a Tagger, words: &[&str], lower: &'a [String]) -> Forms<'a> {
        let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
        let classes = lower.iter().zip(&shapes).map(|(l, s)| tagger.class(l, s)).collect();
        Forms { lower: lower.iter().map(String::as_str).collect(), shapes, classes }
    }

    fn forward(&self) -> Columns<'_> {
        (
            self.lower.clone(),
            self.shapes.iter().map(String::as_str).collect(),
            self.classes.iter().map(Class::as_str).collect(),
        )
    }

    fn backward(&self) -> Columns<'_> {
        (
            self.lower.iter().rev().copied().collect(),
            self.shapes.iter().rev().map(String::as_str).collect(),
            self.classes.iter().rev().map(Class::as_str).collect(),
        )
    }
}

/// The features of a sentence's words that do not depend on the tags given so far: their ids
/// end to end in one vector (one allocation a sentence, not one a word), and for each word
/// where its ids are and the hashes that the tag-dependent features combine with the
/// previous tags.
struct Statics {
    ids: Vec<u32>,
    words: Vec<Static>,
}

/// One word's part of [`Statics`].
struct Static {
    /// The word's ids are `ids[from..to]`.
    from: u32,
    to: u32,
    /// Hash of the lowercase word (for the previous tag + word feature).
    word: u64,
    /// Hash of the next word's class (for the previous tag + next class feature).
    next: u64,
}

impl Statics {
    fn len(&self) -> usize {
        self.words.len()
    }

    /// Each word's static ids, and the rest of what it has.
    fn iter(&self) -> impl Iterator<Item = (&[u32], &Static)> {
        self.words.iter().map(|s| (&self.ids[s.from as usize..s.to as usize], s))
    }
}

fn bucket(h: u64) -> u32 {
    (h as usize & (BUCKETS - 1)) as u32
}

/// Mixes a tag into a hash: the dynamic features are static hashes combined with tags.
fn mix(h: u64, tag: usize) -> u64 {
    let mut h = h ^ (tag as u64 + 1);
    h = h.wrapping_mul(0x100000001b3);
    h ^ (h >> 29)
}

/// "Xxxx" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d" (runs of one class collapse).
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

impl Tagger {
    fn class(&self, lower: &str, shape: &str) -> Class<'_> {
        match self.names.get(lower) {
            Some(name) => Class::Known(name),
            None => Class::Unknown(format!("?{shape}")),
        }
    }

    /// Features of every word that do not depend on the pass's own history; `ahead`, in the
    /// second pass, holds the first pass's tags.
    fn static_features(&self, words: &[&str], ahead: Option<&[usize]>) -> Statics {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let forms = Forms::of(self, words, &lower);
        let (lower, shapes, classes) = forms.forward();
        self.static_features_at(words, &lower, &shapes, &classes, ahead, 0..words.len())
    }

    /// [`Tagger::static_features`] of the words at `positions` only, given each word's
    /// lowercase form, shape and class.
    fn static_features_at(
        &self,
        words: &[&str],
        lower: &[&str],
        shapes: &[&str],
        classes: &[&str],
        ahead: Option<&[usize]>,
        positions: impl ExactSizeIterator<Item = usize>,
    ) -> Statics {
        fn at<'a>(v: &[&'a str], i: isize, edge: &'static str) -> &'a str {
            if i < 0 || i as usize >= v.len() { edge } else { v[i as usize] }
        }
        fn suffix(s: &str, n: usize) -> &str {
            let cut = s.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b);
            &s[cut..]
        }
        // Web text is often all lowercase or in capitals: how the sentence uses capitals says
        // how much a capital tells.
        let alpha = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
        let titled = words[1.min(words.len())..]
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        let capitals = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
            .count();
        let profile = if alpha >= 3 && capitals * 2 > alpha {
            "caps"
        } else if titled == 0 {
            "lower"
        } else if alpha >= 3 && titled * 2 > alpha {
            "title"
        } else {
            "mixed"
        };
        let mut out = Statics {
            ids: Vec::with_capacity(positions.len() * 48),
            words: Vec::with_capacity(positions.len()),
        };
        for i in positions {
            let w = &words[i];
            let k = i as isize;
            let l = lower[i];
            let from = out.ids.len() as u32;
            let ids = &mut out.ids;
            let mut f = |parts: &[&str]| ids.push(bucket(hash(parts)));
            f(&["b"]);
            f(&["w", w]);
            f(&["l", l]);
            // The ends of the first four characters and the starts of the last four.
            let mut heads = [0usize; 4];
            let mut tails = [0usize; 4];
            let mut n = 0;
            for (b, c) in l.char_indices() {
                if n < 4 {
                    heads[n] = b + c.len_utf8();
                }
                tails[n % 4] = b;
                n += 1;
            }
            for m in 1..=4.min(n) {
                f(&["p", &l[..heads[m - 1]]]);
                f(&["x", &l[tails[(n - m) % 4]..]]);
            }
            f(&["s", shapes[i]]);
            let first = w.chars().next();
            let title = first.is_some_and(char::is_uppercase);
            let t = if title { "T" } else { "t" };
            f(&["t", t, if i == 0 { "0" } else { "i" }]);
            f(&["tp", t, profile]);
            // Capitals of the neighbours (a run of them is a name), and the word with its own
            // capital inside a sentence ("Housing" in a name, "housing" elsewhere).
            {
                let cap = |j: isize| {
                    if j < 0 || j as usize >= words.len() {
                        "_"
                    } else if words[j as usize].starts_with(char::is_uppercase) {
                        "T"
                    } else {
                        "t"
                    }
                };
                f(&["ttt", cap(k - 1), t, cap(k + 1), if i == 0 { "0" } else { "i" }]);
                f(&["lt", l, t, if i == 0 { "0" } else { "i" }]);
            }
            f(&["tpc", t, profile, classes[i]]);
            if w.chars().any(char::is_numeric) {
                f(&["D"]);
            }
            if w.contains('-') {
                f(&["H"]);
            }
            if w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase) {
                f(&["U"]);
            }
            let (lm2, lm1) = (at(lower, k - 2, "<s>"), at(lower, k - 1, "<s>"));
            let (lp1, lp2) = (at(lower, k + 1, "</s>"), at(lower, k + 2, "</s>"));
            f(&["l-2", lm2]);
            f(&["l-1", lm1]);
            f(&["l+1", lp1]);
            f(&["l+2", lp2]);
            f(&["x-1", suffix(lm1, 3)]);
            f(&["x+1", suffix(lp1, 3)]);
            f(&["bw-", lm1, l]);
            f(&["bw+", l, lp1]);
            let c0 = classes[i];
            let (cm1, cp1, cp2) =
                (at(classes, k - 1, "<s>"), at(classes, k + 1, "</s>"), at(classes, k + 2, "</s>"));
            f(&["c", c0]);
            f(&["c+1", cp1]);
            f(&["c+2", cp2]);
            f(&["cc+", c0, cp1]);
            f(&["cc-", cm1, c0]);
            f(&["c+1w", cp1, l]);
            f(&["s-+", at(shapes, k - 1, "<s>"), shapes[i], at(shapes, k + 1, "</s>")]);
            if let Some(ahead) = ahead {
                let name = |j: usize| ahead.get(j).map_or("</s>", |&t| Upos::ALL[t].as_str());
                let (r0, r1, r2) = (name(i), name(i + 1), name(i + 2));
                f(&["r0", r0]);
                f(&["r1", r1]);
                f(&["r2", r2]);
                f(&["r12", r1, r2]);
                f(&["r01", r0, r1]);
                f(&["r0w", r0, l]);
                f(&["r1w", r1, l]);
            }
            let to = out.ids.len() as u32;
            out.words.push(Static { from, to, word: hash(&["tw", l]), next: hash(&["tc+1", cp1]) });
        }
        out
    }

    /// Adds the features that depend on the two previous tags to `ids`.
    fn dynamic(s: &Static, t1: usize, t2: usize, ids: &mut Vec<u32>) {
        const T1: u64 = 0x9e3779b97f4a7c15;
        const T2: u64 = 0xc2b2ae3d27d4eb4f;
        const TT: u64 = 0x165667b19e3779f9;
        ids.push(bucket(mix(T1, t1)));
        ids.push(bucket(mix(T2, t2)));
        ids.push(bucket(mix(mix(TT, t1), t2)));
        ids.push(bucket(mix(s.word, t1)));
        ids.push(bucket(mix(s.next, t1)));
    }

    fn scores(weights: &[f32], ids: &[u32]) -> [f32; N] {
        let mut scores = [0.0f32; N];
        for &f in ids {
            let row = &weights[f as usize * N..f as usize * N + N];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
        scores
    }

    fn best(scores: &[f32; N]) -> usize {
        // The first of equal scores, so that ties break the same way everywhere.
        let mut best = 0;
        for (t, s) in scores.iter().enumerate() {
            if *s > scores[best] {
                best = t;
            }
        }
        best
    }

    /// Tags a sentence greedily, left to right, with one pass's weights.
    ///
    /// The sum of a word's static features is found for every word first: those rows are
    /// most of the reading, and none of them waits for the tag before. The features of the
    /// previous tags are then added to it in the order the training summed them, so the
    /// scores are the same, bit for bit, as one sum over all of them.
    fn greedy(weights: &Rows, feats: &Statics) -> Vec<usize> {
        let mut sums: Vec<[f32; N]> = vec![[0.0f32; N]; feats.len()];
        for ((ids, _), sum) in feats.iter().zip(&mut sums) {
            add_rows(&weights.index, &weights.rows, N, ids, sum);
        }
        let mut tags: Vec<usize> = Vec::with_capacity(feats.len());
        let mut ids = Vec::with_capacity(8);
        for (i, ((_, s), sum)) in feats.iter().zip(&sums).enumerate() {
            ids.clear();
            let t1 = if i >= 1 { tags[i - 1] } else { START };
            let t2 = if i >= 2 { tags[i - 2] } else { START };
            Self::dynamic(s, t1, t2, &mut ids);
            let mut scores = *sum;
            add_rows(&weights.index, &weights.rows, N, &ids, &mut scores);
            tags.push(Self::best(&scores));
        }
        tags
    }

    /// The tags of one sentence's words: the first pass reads them right to left, the second
    /// left to right; both read the same lowercase forms, shapes and classes, found once.
    pub(super) fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.tag_lower(words, &lower)
    }

    /// Whether training saw the lowercase word with the tag (words seen three times or more).
    pub(super) fn seen_as(&self, lower: &str, tag: Upos) -> bool {
        self.classes.get(lower).is_some_and(|m| m & (1 << tag.index()) != 0)
    }

    /// [`Tagger::tag`] given the words' lowercase forms too.
    pub(super) fn tag_lower(&self, words: &[&str], lower: &[String]) -> Vec<Upos> {
        let forms = Forms::of(self, words, lower);
        let reversed: Vec<&str> = words.iter().rev().copied().collect();
        let (lower, shapes, classes) = forms.backward();
        let back =
            self.static_features_at(&reversed, &lower, &shapes, &classes, None, 0..words.len());
        let mut ahead = Self::greedy(&self.backward, &back);
        ahead.reverse();
        let (lower, shapes, classes) = forms.forward();
        let feats =
            self.static_features_at(words, &lower, &shapes, &classes, Some(&ahead), 0..words.len());
        Self::greedy(&self.forward, &feats).into_iter().map(|t| Upos::ALL[t]).collect()
    }

    /// The second pass's best tag for each word at `positions` (in order, within the
    /// sentence), given `context` as every word's tag: the first pass's guesses and the
    /// tags before the word are read from it instead of the tagger's own passes. A second
    /// opinion on a few words whose other words another tagger already tagged, at the cost
    /// of those words' features alone.
    pub(super) fn second_opinion(
        &self,
        words: &[&str],
        lower: &[String],
        context: &[Upos],
        positions: &[usize],
    ) -> Vec<Upos> {
        let forms = Forms::of(self, words, lower);
        let (lower, shapes, classes) = forms.forward();
        let ahead: Vec<usize> = context.iter().map(|t| t.index()).collect();
        let at: Vec<usize> =
            positions.iter().copied().filter(|&i| i < context.len().min(words.len())).collect();
        let feats = self.static_features_at(
            words,
            &lower,
            &shapes,
            &classes,
            Some(&ahead),
            at.iter().copied(),
        );
        let mut ids = Vec::with_capacity(8);
        feats
            .iter()
            .zip(&at)
            .map(|((statics, s), &i)| {
                let mut scores = [0.0f32; N];
                add_rows(&self.forward.index, &self.forward.rows, N, statics, &mut scores);
                ids.clear();
                let t1 = if i >= 1 { ahead[i - 1] } else { START };
                let t2 = if i >= 2 { ahead[i - 2] } else { START };
                Self::dynamic(s, t1, t2, &mut ids);
                add_rows(&self.forward.index, &self.forward.rows, N, &ids, &mut scores);
                Upos::ALL[Self::best(&scores)]
            })
            .collect()
    }

    pub(super) fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        out.write_all(&(BUCKETS as u32).to_le_bytes())?;
        let sorted: BTreeMap<&String, &u32> = self.classes.iter().collect();
        out.write_all(&(sorted.len() as u32).to_le_bytes())?;
        for (word, mask) in sorted {
            write_str(word, out)?;
            out.write_all(&mask.to_le_bytes())?;
        }
        self.backward.write(out)?;
        self.forward.write(out)?;
        Ok(())
    }

    pub(super) fn read(input: &mut Reader<'_>) -> Option<Tagger> {
        if input.u32()? != BUCKETS as u32 {
            return None;
        }
        let count = input.u32()? as usize;
        let mut classes = HashMap::with_capacity(count);
        for _ in 0..count {
            let word = input.str()?.to_string();
            classes.insert(word, input.u32()?);
        }
        let backward = Rows::read(input)?;
        let forward = Rows::read(input)?;
        let names = class_names(&classes);
        Some(Tagger { backward, forward, classes, names })
    }
}
