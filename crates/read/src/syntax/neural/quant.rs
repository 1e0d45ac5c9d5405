//! The network's products in 16-bit integers, for parsing only: each weight row scaled to
//! ±4095 and rounded once when the model is loaded, each word's vector scaled to its own
//! largest value when it is multiplied, the sums in 32-bit integers, the scales applied after.
//!
//! Why: on x86-64 a 16-bit multiply-add (`vpmaddwd`) does twice the multiplications of a
//! float one and reads half the bytes; the compiler emits it for a plain integer dot product
//! (`sum += a as i32 * b as i32`), so no `unsafe` and no intrinsics. Integer sums are exact,
//! so a product gives the same bits on every processor and with every instruction set.
//! What it costs: each product is off by about a part in four thousand of its largest
//! term, which moves a parse rarely (EWT dev: `models/README.md`). Training and
//! [`super::Model::parse`] keep the float products; [`super::Parser`] uses these.

use super::Span;
use super::infer::Products;
use super::math::sl;
use pulp::x86::V3;
use pulp::{i16x16, i32x8};

/// Integers a vector register holds (AVX2): rows and words are padded with zeros to a
/// multiple of it.
const LANES: usize = 16;

/// The largest magnitude of a weight after scaling (12 bits with the sign).
const WEIGHT_MAX: f32 = 4095.0;

/// The largest magnitude of an input after scaling, for rows `cols` long: small enough that
/// no sum of `cols` products, in any order, can leave an `i32` (`cols × 4095 × max < 2³¹`),
/// at most 32767.
fn input_max(cols: usize) -> f32 {
    let bound = (i32::MAX as f64 / (cols.max(1) as f64 * WEIGHT_MAX as f64)).floor();
    bound.clamp(1.0, 32767.0) as f32
}

fn padded(cols: usize) -> usize {
    cols.div_ceil(LANES) * LANES
}

/// A weight matrix in 16-bit integers: `w[r][c] ≈ q[r][c] × scale[r]`, each row padded
/// with zeros to `stride`.
struct QMatrix {
    rows: usize,
    cols: usize,
    stride: usize,
    q: Vec<i16>,
    scale: Vec<f32>,
}

impl QMatrix {
    fn new(w: &[f32], rows: usize, cols: usize) -> QMatrix {
        let stride = padded(cols);
        let mut q = vec![0i16; rows * stride];
        let mut scale = vec![0f32; rows];
        for ((row, q), scale) in
            w.chunks_exact(cols.max(1)).zip(q.chunks_exact_mut(stride)).zip(&mut scale)
        {
            *scale = quantize(row, WEIGHT_MAX, q);
        }
        QMatrix { rows, cols, stride, q, scale }
    }
}

/// Writes `v` scaled so that its largest finite magnitude is `max`, rounded (ties to even),
/// into `q`, and returns the scale (`v ≈ q × scale`). A vector of zeros gives zeros and
/// the scale 0; a value not finite (only from a damaged model or input) saturates or is 0.
#[inline(always)]
fn quantize(v: &[f32], max: f32, q: &mut [i16]) -> f32 {
    // On the bits of the magnitudes, which order as the magnitudes do: an integer maximum,
    // which the compiler vectorises (a float one it cannot, for the order of its NaNs).
    let finite = |x: &f32| {
        let bits = x.to_bits() & 0x7fff_ffff;
        if bits < 0x7f80_0000 { bits } else { 0 }
    };
    let largest = f32::from_bits(v.iter().map(finite).fold(0, u32::max));
    if !largest.is_normal() {
        q.iter_mut().for_each(|q| *q = 0);
        return 0.0;
    }
    let inv = max / largest;
    q.iter_mut().zip(v).for_each(|(q, x)| *q = (x * inv).round_ties_even() as i16);
    largest / max
}

/// Each word's vector in 16-bit integers with its own scale, padded as the matrix's rows.
struct QVectors {
    stride: usize,
    q: Vec<i16>,
    scale: Vec<f32>,
}

impl QVectors {
    #[inline(always)]
    fn new(x: &[f32], cols: usize, n: usize) -> QVectors {
        let (max, stride) = (input_max(cols), padded(cols));
        let mut q = vec![0i16; n * stride];
        let mut scale = vec![0f32; n];
        for ((x, q), scale) in
            x.chunks_exact(cols.max(1)).zip(q.chunks_exact_mut(stride)).zip(&mut scale)
        {
            *scale = quantize(x, max, q);
        }
        QVectors { stride, q, scale }
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

    /// `y[t][r] = w_r · x_t + b[r]` in integers, with AVX2 where there is.
    fn run(&self, w: Span, b: Option<&[f32]>, x: &[f32], n: usize, y: &mut [f32]) {
        let m = self.matrix(w);
        match self.simd {
            Some(simd) => simd.vectorize(
                #[inline(always)]
                || products_avx2(simd, m, &QVectors::new(x, m.cols, n), b, y),
            ),
            None => products_plain(m, &QVectors::new(x, m.cols, n), b, y),
        }
    }
}

impl Products for Quantized {
    fn affine(&self, w: Span, b: Option<&[f32]>, x: &[f32], n: usize) -> Vec<f32> {
        let mut y = vec![0f32; n * w.rows];
        self.run(w, b, x, n, &mut y);
        y
    }

    fn dots(&self, w: Span, x: &[f32], y: &mut [f32]) {
        self.run(w, None, x, 1, y);
    }
}

/// A product's float value: the exact integer sum and the two scales.
#[inline(always)]
fn scaled(sum: i32, m: &QMatrix, x: &QVectors, r: usize, t: usize, b: Option<&[f32]>) -> f32 {
    sum as f32 * (m.scale[r] * x.scale[t]) + b.map_or(0.0, |b| b[r])
}

/// The products without vector instructions: the same integers, so the same floats.
fn products_plain(m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    for (t, word) in x.q.chunks_exact(x.stride).enumerate() {
        for (r, row) in m.q.chunks_exact(m.stride).enumerate() {
            let sum = row.iter().zip(word).map(|(a, b)| i32::from(*a) * i32::from(*b)).sum();
            y[t * m.rows + r] = scaled(sum, m, x, r, t, b);
        }
    }
}

/// The sums of `R` rows against `W` words, sixteen columns a step (`vpmaddwd`: adjacent
/// pairs of products added into eight 32-bit sums), each sum in its own register.
#[inline(always)]
fn block<const R: usize, const W: usize>(
    simd: V3,
    rows: [&[[i16; LANES]]; R],
    words: [&[[i16; LANES]]; W],
) -> [[i32; W]; R] {
    let mut acc = [[simd.splat_i32x8(0); W]; R];
    let steps = rows.iter().map(|r| r.len()).chain(words.iter().map(|w| w.len())).min();
    for j in 0..steps.unwrap_or(0) {
        let xs: [i16x16; W] = std::array::from_fn(|k| pulp::cast(words[k][j]));
        for (acc, row) in acc.iter_mut().zip(&rows) {
            let w: i16x16 = pulp::cast(row[j]);
            for (a, x) in acc.iter_mut().zip(&xs) {
                *a = simd.wrapping_add_i32x8(*a, simd.multiply_wrapping_add_adjacent_i16x16(w, *x));
            }
        }
    }
    acc.map(|acc| acc.map(|a: i32x8| pulp::cast::<i32x8, [i32; 8]>(a).iter().sum()))
}

/// The products with AVX2: four rows by two words a block (eight rows by one for a single
/// word, the recurrent product), the rows kept in the nearest cache while the words pass.
#[inline(always)]
fn products_avx2(simd: V3, m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    let row = |r: usize| m.q[r * m.stride..(r + 1) * m.stride].as_chunks::<LANES>().0;
    let word = |t: usize| x.q[t * x.stride..(t + 1) * x.stride].as_chunks::<LANES>().0;
    let n = x.scale.len();
    let mut put = |r: usize, t: usize, sum: i32| y[t * m.rows + r] = scaled(sum, m, x, r, t, b);
    let mut r = 0;
    if n == 1 {
        while r + 8 <= m.rows {
            let sums = block::<8, 1>(simd, std::array::from_fn(|i| row(r + i)), [word(0)]);
            sums.iter().enumerate().for_each(|(i, s)| put(r + i, 0, s[0]));
            r += 8;
        }
    }
    while r + 4 <= m.rows {
        let rows = std::array::from_fn(|i| row(r + i));
        let mut t = 0;
        while t + 2 <= n {
            let sums = block::<4, 2>(simd, rows, [word(t), word(t + 1)]);
            for (i, s) in sums.iter().enumerate() {
                put(r + i, t, s[0]);
                put(r + i, t + 1, s[1]);
            }
            t += 2;
        }
        if t < n {
            let sums = block::<4, 1>(simd, rows, [word(t)]);
            sums.iter().enumerate().for_each(|(i, s)| put(r + i, t, s[0]));
        }
        r += 4;
    }
    for r in r..m.rows {
        for t in 0..n {
            put(r, t, block::<1, 1>(simd, [row(r)], [word(t)])[0][0]);
        }
    }
}
