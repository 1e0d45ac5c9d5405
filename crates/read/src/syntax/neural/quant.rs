//! The network's products in 16-bit integers, for parsing only: each weight row scaled to
//! ±4095 and rounded once when the model is loaded, each word's vector scaled to its own
//! largest value when it is multiplied, the sums in 32-bit integers, the scales applied after.
//!
//! Why: on x86-64 a 16-bit multiply-add (`vpmaddwd`: sixteen products, added in adjacent
//! pairs into eight 32-bit sums) does twice the multiplications of a float instruction and
//! reads half the bytes. The weights are laid out for it eight rows by two columns a
//! register, and each word's pair of inputs is repeated across one, so that one instruction
//! adds two columns into eight rows' sums and no sum is ever added across a register.
//! Integer sums are exact, so a product gives the same bits with AVX2 or without (the
//! `pulp` crate: safe code, the instruction set chosen at run time). What it costs: each
//! term is off by half a step of its row's scale and of its word's, which moves a parse
//! rarely (EWT dev: `models/README.md`). Training and [`super::Model::parse`] keep the
//! float products; [`super::Parser`] uses these.

use super::Span;
use super::infer::Products;
use super::math::sl;
use pulp::x86::V3;
use pulp::{i16x16, i32x8};

/// Rows a register's eight sums cover.
const ROWS: usize = 8;

/// The largest magnitude of a weight after scaling (12 bits with the sign).
const WEIGHT_MAX: f32 = 4095.0;

/// The largest magnitude of an input after scaling, for rows `cols` long: small enough that
/// no sum of `cols` products, in any order, can leave an `i32` (`cols × 4095 × max < 2³¹`),
/// at most 32767 (and at least 1, which bounds rows up to half a million columns; the
/// network's are 256 at most).
fn input_max(cols: usize) -> f32 {
    let bound = (i32::MAX as f64 / (cols.max(1) as f64 * WEIGHT_MAX as f64)).floor();
    bound.clamp(1.0, 32767.0) as f32
}

/// A weight matrix in 16-bit integers, `w[r][c] ≈ q(r, c) × scale[r]`, laid out by blocks
/// of eight rows: block `b`'s column pair `k` is one register, rows `8b..8b+8` each with
/// its columns `2k` and `2k + 1` (zeros past the last row or column).
struct QMatrix {
    rows: usize,
    cols: usize,
    /// Column pairs.
    pairs: usize,
    blocks: Vec<[i16; 2 * ROWS]>,
    scale: Vec<f32>,
}

impl QMatrix {
    fn new(w: &[f32], rows: usize, cols: usize) -> QMatrix {
        let pairs = cols.div_ceil(2);
        let mut blocks = vec![[0i16; 2 * ROWS]; rows.div_ceil(ROWS) * pairs];
        let mut scale = vec![0f32; rows];
        let mut q = vec![0i16; cols];
        for (r, row) in w.chunks_exact(cols.max(1)).take(rows).enumerate() {
            scale[r] = quantize(row, WEIGHT_MAX, &mut q);
            for (c, &v) in q.iter().enumerate() {
                blocks[r / ROWS * pairs + c / 2][r % ROWS * 2 + c % 2] = v;
            }
        }
        QMatrix { rows, cols, pairs, blocks, scale }
    }
}

/// Writes `v` scaled so that its largest finite magnitude is `max`, rounded (ties to even),
/// into `q`, and returns the scale (`v ≈ q × scale`). A vector of zeros gives zeros and
/// the scale 0; a value not finite (only from a damaged model or input) saturates or is 0.
#[inline(always)]
fn quantize(v: &[f32], max: f32, q: &mut [i16]) -> f32 {
    // The largest on the bits of the magnitudes, which order as the magnitudes do, in eight
    // lanes: integer maxima the compiler vectorises (float ones it cannot, for their NaNs).
    let finite = |x: f32| {
        let bits = x.to_bits() & 0x7fff_ffff;
        if bits < 0x7f80_0000 { bits } else { 0 }
    };
    let mut lanes = [0u32; 8];
    let chunks = v.chunks_exact(8);
    let rest = chunks.remainder().iter().fold(0, |m, x| finite(*x).max(m));
    for chunk in chunks {
        for k in 0..8 {
            lanes[k] = lanes[k].max(finite(chunk[k]));
        }
    }
    let largest = f32::from_bits(lanes.iter().fold(rest, |m, l| m.max(*l)));
    if !largest.is_normal() {
        q.iter_mut().for_each(|q| *q = 0);
        return 0.0;
    }
    let inv = max / largest;
    // Within ±max once clamped (a value not finite: ±max, or 0 for NaN), so the conversion
    // through i32 is exact and vectorises (one straight to i16 does not).
    let to_int = |x: f32| (x * inv).clamp(-max, max).round_ties_even() as i32 as i16;
    q.iter_mut().zip(v).for_each(|(q, x)| *q = to_int(*x));
    largest / max
}

/// Each word's vector in 16-bit integers with its own scale, two columns an `i32` (the
/// pair a register repeats): word `t`'s pair `k` is `pairs[t × width + k]`.
struct QVectors {
    width: usize,
    pairs: Vec<i32>,
    scale: Vec<f32>,
}

impl QVectors {
    #[inline(always)]
    fn new(x: &[f32], cols: usize, n: usize) -> QVectors {
        let (max, width) = (input_max(cols), cols.div_ceil(2));
        let mut pairs = vec![0i32; n * width];
        let mut scale = vec![0f32; n];
        let mut q = vec![0i16; 2 * width];
        for ((x, pairs), scale) in
            x.chunks_exact(cols.max(1)).zip(pairs.chunks_exact_mut(width.max(1))).zip(&mut scale)
        {
            *scale = quantize(x, max, &mut q[..cols]);
            for (p, two) in pairs.iter_mut().zip(q.chunks_exact(2)) {
                // The first column in the low half, as `vpmaddwd` pairs them with the weights.
                *p = i32::from(two[0] as u16) | (i32::from(two[1] as u16) << 16);
            }
        }
        QVectors { width, pairs, scale }
    }
}

/// The model's product matrices in 16-bit integers, each under the span of the float
/// weights it was made from.
pub(super) struct Quantized {
    matrices: Vec<(usize, QMatrix)>,
    /// AVX2 where the processor has it (the same integers either way).
    pub(super) simd: Option<V3>,
}

impl Quantized {
    /// The integer form of the matrices at `spans` of the weights `w`.
    pub(super) fn new(w: &[f32], spans: &[Span]) -> Quantized {
        let matrices =
            spans.iter().map(|s| (s.at, QMatrix::new(sl(w, *s), s.rows, s.cols))).collect();
        Quantized { matrices, simd: V3::try_new() }
    }

    fn matrix(&self, w: Span) -> &QMatrix {
        match self.matrices.iter().find(|(at, _)| *at == w.at) {
            Some((_, m)) if m.rows == w.rows && m.cols == w.cols => m,
            _ => unreachable!("every product's matrix is quantized when the parser is made"),
        }
    }

    /// The products of one input with every matrix of `maps`, the input made integers once.
    /// Inlined into the caller, so that under [`V3::vectorize`] all of it is compiled with
    /// AVX2 (pulp's instructions are functions of their own elsewhere).
    #[inline(always)]
    fn affine_each(
        &self,
        simd: Option<V3>,
        maps: &[(Span, Option<&[f32]>)],
        x: &[f32],
        n: usize,
    ) -> Vec<Vec<f32>> {
        let Some(&(first, _)) = maps.first() else { return Vec::new() };
        let x = QVectors::new(x, first.cols, n);
        let mut out = Vec::with_capacity(maps.len());
        for &(w, b) in maps {
            let m = self.matrix(w);
            debug_assert_eq!(m.cols, first.cols, "one input for every matrix");
            let mut y = vec![0f32; n * m.rows];
            match simd {
                Some(simd) => products_avx2(simd, m, &x, b, &mut y),
                None => products_plain(m, &x, b, &mut y),
            }
            out.push(y);
        }
        out
    }
}

impl Products for Quantized {
    fn affine_many(&self, maps: &[(Span, Option<&[f32]>)], x: &[f32], n: usize) -> Vec<Vec<f32>> {
        match self.simd {
            Some(simd) => simd.vectorize(
                #[inline(always)]
                || self.affine_each(Some(simd), maps, x, n),
            ),
            None => self.affine_each(None, maps, x, n),
        }
    }
}

/// Writes eight rows' sums for word `t` (those past the last row dropped): each the exact
/// integer sum times the two scales, plus the bias.
#[inline(always)]
fn put(
    y: &mut [f32],
    m: &QMatrix,
    x: &QVectors,
    b: Option<&[f32]>,
    block: usize,
    t: usize,
    sums: [i32; ROWS],
) {
    let (r0, xs) = (block * ROWS, x.scale[t]);
    let y = &mut y[t * m.rows..(t + 1) * m.rows];
    match (y.get_mut(r0..r0 + ROWS), m.scale.get(r0..r0 + ROWS)) {
        // A whole block (every block of the network's matrices): eight lanes at once.
        (Some(y), Some(scale)) => {
            for i in 0..ROWS {
                y[i] = sums[i] as f32 * (scale[i] * xs);
            }
            if let Some(b) = b {
                y.iter_mut().zip(&b[r0..r0 + ROWS]).for_each(|(y, b)| *y += b);
            }
        }
        _ => {
            for (i, sum) in sums.iter().enumerate().take(m.rows.saturating_sub(r0)) {
                let v = *sum as f32 * (m.scale[r0 + i] * xs);
                y[r0 + i] = b.map_or(v, |b| v + b[r0 + i]);
            }
        }
    }
}

/// The pairs of a word as two 16-bit integers.
#[inline(always)]
fn halves(p: i32) -> [i32; 2] {
    [i32::from(p as i16), i32::from((p >> 16) as i16)]
}

/// The products without vector instructions: the same integers, so the same floats.
fn products_plain(m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    for (t, word) in x.pairs.chunks_exact(x.width.max(1)).enumerate().take(x.scale.len()) {
        for (block, regs) in m.blocks.chunks_exact(m.pairs.max(1)).enumerate() {
            let mut sums = [0i32; ROWS];
            for (reg, &pair) in regs.iter().zip(word) {
                let [x0, x1] = halves(pair);
                for (i, s) in sums.iter_mut().enumerate() {
                    *s += i32::from(reg[2 * i]) * x0 + i32::from(reg[2 * i + 1]) * x1;
                }
            }
            put(y, m, x, b, block, t, sums);
        }
    }
}

/// The sums of `R` blocks of eight rows for `W` words: each step one register of weights a
/// block (two columns of its eight rows) against each word's pair of inputs repeated across
/// a register. Sixteen rows by four words: eight sums in registers, and six loads (two of
/// weights, four of inputs) for eight multiply-adds.
#[inline(always)]
fn block<const R: usize, const W: usize>(
    simd: V3,
    regs: [&[[i16; 2 * ROWS]]; R],
    words: [&[i32]; W],
) -> [[[i32; ROWS]; W]; R] {
    let mut acc = [[simd.splat_i32x8(0); W]; R];
    let steps = regs.iter().map(|r| r.len()).chain(words.iter().map(|w| w.len())).min();
    for k in 0..steps.unwrap_or(0) {
        let xs: [i16x16; W] = std::array::from_fn(|i| pulp::cast(simd.splat_i32x8(words[i][k])));
        for (acc, regs) in acc.iter_mut().zip(&regs) {
            let w: i16x16 = pulp::cast(regs[k]);
            for (acc, x) in acc.iter_mut().zip(&xs) {
                *acc = simd
                    .wrapping_add_i32x8(*acc, simd.multiply_wrapping_add_adjacent_i16x16(w, *x));
            }
        }
    }
    acc.map(|acc| acc.map(|a: i32x8| pulp::cast(a)))
}

/// The products with AVX2: two blocks of eight rows against four words at a time, the
/// blocks' weights kept in the nearest cache while the words pass.
#[inline(always)]
fn products_avx2(simd: V3, m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    let (n, blocks) = (x.scale.len(), m.rows.div_ceil(ROWS));
    let mut at = 0;
    while at < blocks {
        let mut t = 0;
        if at + 2 <= blocks {
            while t + 4 <= n {
                tile::<2, 4>(simd, m, x, b, y, at, t);
                t += 4;
            }
            (t..n).for_each(|t| tile::<2, 1>(simd, m, x, b, y, at, t));
            at += 2;
        } else {
            while t + 4 <= n {
                tile::<1, 4>(simd, m, x, b, y, at, t);
                t += 4;
            }
            (t..n).for_each(|t| tile::<1, 1>(simd, m, x, b, y, at, t));
            at += 1;
        }
    }
}

/// The products of `R` blocks of rows from block `at` and `W` words from word `t`.
#[inline(always)]
fn tile<const R: usize, const W: usize>(
    simd: V3,
    m: &QMatrix,
    x: &QVectors,
    b: Option<&[f32]>,
    y: &mut [f32],
    at: usize,
    t: usize,
) {
    let regs = std::array::from_fn(|i| &m.blocks[(at + i) * m.pairs..(at + i + 1) * m.pairs]);
    let words = std::array::from_fn(|j| &x.pairs[(t + j) * x.width..(t + j + 1) * x.width]);
    for (i, sums) in block::<R, W>(simd, regs, words).iter().enumerate() {
        sums.iter().enumerate().for_each(|(j, s)| put(y, m, x, b, at + i, t + j, *s));
    }
}
