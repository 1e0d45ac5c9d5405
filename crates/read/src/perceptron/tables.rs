//! The weight tables that scoring reads: a dense row a bucket found through an index, for
//! narrow rows, and non-zero (class, weight) pairs, for wide and mostly empty ones. Both add a
//! chunk of features' rows into the scores the same way, bit for bit, as a plain row-by-row
//! sum would.

use std::io::Write;

use super::{Reader, RowIndex};

/// A table of `buckets × width` weights that keeps only its non-zero ones: for each bucket
/// that has any, a row of (class, weight) pairs, found through a [`RowIndex`].
///
/// For wide, mostly empty rows: a row of the parser's relation labeller has about two
/// non-zero weights of fifty, so stored whole (204 bytes, four cache lines) its table took
/// 21 MB, and as pairs a row is one line and the table 2 MB. For narrow rows the dense
/// form is faster ([`add_rows`]): a row's variable length costs a mispredicted branch. The
/// sums are the same, bit for bit: each class's weights are added in the order of the
/// features, and the zeros left out would have left every sum as it was.
#[derive(Clone)]
pub(crate) struct Sparse {
    width: usize,
    index: RowIndex,
    /// Row `r`'s pairs are `pairs[starts[r]..starts[r + 1]]`; row 0, of the buckets without
    /// one, has none.
    starts: Vec<u32>,
    pairs: Vec<Pair>,
}

/// A non-zero weight and the class (tag, action, relation) it scores.
#[derive(Clone, Copy)]
struct Pair {
    class: u32,
    weight: f32,
}

impl Sparse {
    /// The table of `buckets` rows of `width` weights whose non-zero weights are `weights`:
    /// (bucket × width + class, weight) in increasing order of the index, as
    /// [`Sparse::write`] gives them. `None` when an index is out of order or out of the table,
    /// or the shape is empty.
    pub(crate) fn from_sorted(
        buckets: usize,
        width: usize,
        weights: impl IntoIterator<Item = (u64, f32)>,
    ) -> Option<Sparse> {
        let mut builder = Builder::new(buckets, width)?;
        for (i, w) in weights {
            builder.push(i, w)?;
        }
        builder.finish()
    }

    /// The table of a dense `buckets × width` array.
    pub(crate) fn of_dense(dense: &[f32], width: usize) -> Sparse {
        let weights = dense.iter().enumerate().map(|(i, w)| (i as u64, *w));
        Sparse::from_sorted(dense.len() / width.max(1), width, weights).unwrap_or_else(|| Sparse {
            width: width.max(1),
            index: RowIndex::default(),
            starts: vec![0, 0],
            pairs: vec![],
        })
    }

    /// The weights in a row.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// How many buckets the table has.
    pub(crate) fn buckets(&self) -> usize {
        self.index.buckets()
    }

    /// Adds the rows of the buckets `ids` into `scores` (at least `width` entries), feature
    /// after feature.
    ///
    /// The rows are scattered over megabytes, so reading them is what scoring spends its
    /// time on, waiting for memory. Each step of the lookup (where a bucket's row starts, the
    /// row's pairs) is done for a whole chunk of features before the next: the loads of one
    /// step depend on nothing else in it, so the processor fetches them all at once, and the
    /// sum at the end reads cached lines. A loop that looked up one row at a time would stop
    /// at every mispredicted row length and wait for one miss after another.
    #[inline]
    pub(crate) fn add(&self, ids: &[u32], scores: &mut [f32]) {
        const CHUNK: usize = 64;
        let scores = &mut scores[..self.width];
        let last = self.pairs.len().saturating_sub(1);
        let mut spans = [(0u32, 0u32); CHUNK];
        for chunk in ids.chunks(CHUNK) {
            for (span, &b) in spans.iter_mut().zip(chunk) {
                let r = self.index.row(b as usize);
                *span = match self.starts.get(r..r + 2) {
                    Some(&[from, to]) => (from, to),
                    _ => (0, 0),
                };
            }
            let spans = &spans[..chunk.len()];
            let mut touched = 0u32;
            for &(from, _) in spans {
                if let Some(p) = self.pairs.get((from as usize).min(last)) {
                    touched ^= p.weight.to_bits();
                }
            }
            std::hint::black_box(touched);
            for &(from, to) in spans {
                for p in self.pairs.get(from as usize..to as usize).unwrap_or(&[]) {
                    scores[p.class as usize] += p.weight;
                }
            }
        }
    }

    /// Writes the non-zero weights as a count, then (bucket × width + class, weight) pairs in
    /// increasing order, as [`super::write_sparse`] does for a dense table.
    pub(crate) fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(&(self.pairs.len() as u32).to_le_bytes())?;
        let mut result = Ok(());
        self.for_each(|i, w| {
            if result.is_ok() {
                result = out
                    .write_all(&(i as u32).to_le_bytes())
                    .and_then(|()| out.write_all(&w.to_le_bytes()));
            }
        });
        result
    }

    /// Calls `f` with each non-zero weight's index (bucket × width + class) and value, in
    /// increasing order of the index.
    pub(crate) fn for_each(&self, mut f: impl FnMut(usize, f32)) {
        // Rows 1, 2, 3, … in the order of their buckets.
        for (b, span) in self.index.buckets_with_rows().zip(self.starts[1..].windows(2)) {
            for p in &self.pairs[span[0] as usize..span[1] as usize] {
                f(b * self.width + p.class as usize, p.weight);
            }
        }
    }

    /// Reads what [`Sparse::write`] wrote, for a table of `buckets × width`.
    pub(crate) fn read(input: &mut Reader<'_>, buckets: usize, width: usize) -> Option<Sparse> {
        let count = input.u32()? as usize;
        let mut builder = Builder::new(buckets, width)?;
        for _ in 0..count {
            let i = input.u32()?;
            builder.push(u64::from(i), input.f32()?)?;
        }
        builder.finish()
    }
}

/// A [`Sparse`] table being filled in increasing order of its weights' indices.
struct Builder {
    width: usize,
    buckets: usize,
    /// One past the last index of the table.
    end: u64,
    last: Option<u64>,
    /// The buckets given rows so far, in order.
    with_rows: Vec<usize>,
    starts: Vec<u32>,
    pairs: Vec<Pair>,
}

impl Builder {
    fn new(buckets: usize, width: usize) -> Option<Builder> {
        if width == 0 || buckets == 0 {
            return None;
        }
        let end = (buckets as u64).checked_mul(width as u64)?;
        let (with_rows, pairs) = (Vec::new(), Vec::new());
        // Row 0 (no pairs) ends where row 1 starts.
        let starts = vec![0, 0];
        Some(Builder { width, buckets, end, last: None, with_rows, starts, pairs })
    }

    /// Adds weight `w` at index `i` (bucket × width + class); `None` when `i` is out of
    /// order or out of the table. Zeros are left out.
    fn push(&mut self, i: u64, w: f32) -> Option<()> {
        if i >= self.end || self.last.is_some_and(|l| i <= l) {
            return None;
        }
        self.last = Some(i);
        if w == 0.0 {
            return Some(());
        }
        let width = self.width as u64;
        let (b, class) = ((i / width) as usize, (i % width) as u32);
        if self.with_rows.last() != Some(&b) {
            // The row before ends where this bucket's begins.
            if !self.with_rows.is_empty() {
                self.starts.push(u32::try_from(self.pairs.len()).ok()?);
            }
            self.with_rows.push(b);
        }
        self.pairs.push(Pair { class, weight: w });
        Some(())
    }

    fn finish(mut self) -> Option<Sparse> {
        if !self.with_rows.is_empty() {
            self.starts.push(u32::try_from(self.pairs.len()).ok()?);
        }
        let index = RowIndex::of_buckets(self.buckets, self.with_rows)?;
        Some(Sparse { width: self.width, index, starts: self.starts, pairs: self.pairs })
    }
}

/// Adds into `scores` (at least `width` entries) the rows of the buckets `ids` of a table
/// stored as a [`RowIndex`] and rows of `width` weights.
///
/// The index and the rows are scattered over megabytes, so reading them is what tagging and
/// labelling spend their time on, waiting for memory. Summing row after row lets the
/// processor fetch only the next few rows while it adds; reading every index entry first,
/// then touching every row's cache lines (loads that depend on nothing before them), has it
/// fetch them all at once, and the sum then reads cached lines. The sum is the same, in the
/// same order.
#[inline]
pub(crate) fn add_rows(
    index: &RowIndex,
    rows: &[f32],
    width: usize,
    ids: &[u32],
    scores: &mut [f32],
) {
    const CHUNK: usize = 64;
    // A cache line holds sixteen weights.
    const LINE: usize = 16;
    let mut found = [0u32; CHUNK];
    for chunk in ids.chunks(CHUNK) {
        for (f, &b) in found.iter_mut().zip(chunk) {
            *f = index.row(b as usize) as u32;
        }
        let found = &found[..chunk.len()];
        let mut touched = 0u32;
        for &r in found {
            if r > 0 {
                let row = &rows[(r as usize - 1) * width..r as usize * width];
                for k in (0..width).step_by(LINE) {
                    touched ^= row[k].to_bits();
                }
                touched ^= row[width - 1].to_bits();
            }
        }
        std::hint::black_box(touched);
        for &r in found {
            if r > 0 {
                add_row(&mut scores[..width], &rows[(r as usize - 1) * width..r as usize * width]);
            }
        }
    }
}

/// `scores[k] += row[k]` for every `k`, eight at a time: a loop the compiler turns into
/// vector additions whatever the width, where a plain zip over slices of a width known only at
/// run time stays one addition at a time. Each score still gets its additions in the same
/// order, so the sums are the same, bit for bit.
#[inline]
fn add_row(scores: &mut [f32], row: &[f32]) {
    let mut lanes = scores.chunks_exact_mut(8);
    let mut weights = row.chunks_exact(8);
    for (s, w) in (&mut lanes).zip(&mut weights) {
        // As arrays, so that the compiler knows the length and checks no bound inside.
        let (Ok(s), Ok(w)) = (<&mut [f32; 8]>::try_from(s), <&[f32; 8]>::try_from(w)) else {
            continue;
        };
        for k in 0..8 {
            s[k] += w[k];
        }
    }
    for (s, w) in lanes.into_remainder().iter_mut().zip(weights.remainder()) {
        *s += w;
    }
}
