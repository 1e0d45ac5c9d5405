//! The arithmetic of the network: vectors, affine maps and their gradients, a seeded
//! generator.
//!
//! The maps and their gradients, which are most of training's time, are also compiled for
//! AVX2 and chosen at run time (`multiversion`; session 47: a pass over EWT train 72 s → 40 s
//! with the step of Adam's): each value is still summed in the same order and Rust never
//! fuses a multiplication with an addition, so training gives the same weights, to the bit,
//! on any processor.

use super::Span;

pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    pub(super) fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

pub(super) fn sl(v: &[f32], s: Span) -> &[f32] {
    &v[s.at..s.at + s.rows * s.cols]
}

pub(super) fn sl_mut(v: &mut [f32], s: Span) -> &mut [f32] {
    &mut v[s.at..s.at + s.rows * s.cols]
}

#[inline]
pub(super) fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight partial sums so that the compiler vectorises (a fixed order: reproducible).
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b[..a.len()].chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut s = 0.0;
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s + acc.iter().sum::<f32>()
}

#[inline]
pub(super) fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// y = W x + b (W rows×cols).
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn affine(w: &[f32], b: Option<&[f32]>, x: &[f32], y: &mut [f32]) {
    let cols = x.len();
    for (r, y) in y.iter_mut().enumerate() {
        *y = dot(&w[r * cols..(r + 1) * cols], x) + b.map_or(0.0, |b| b[r]);
    }
}

/// dW += dy ⊗ x; dx += Wᵀ dy.
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn affine_back(
    w: &[f32],
    dw: &mut [f32],
    x: &[f32],
    dy: &[f32],
    dx: Option<&mut [f32]>,
) {
    let cols = x.len();
    for (r, &d) in dy.iter().enumerate() {
        if d != 0.0 {
            axpy(&mut dw[r * cols..(r + 1) * cols], d, x);
        }
    }
    if let Some(dx) = dx {
        for (r, &d) in dy.iter().enumerate() {
            if d != 0.0 {
                axpy(dx, d, &w[r * cols..(r + 1) * cols]);
            }
        }
    }
}

/// `e^x` for the network's activations: the exponent reduced to `[-ln 2 / 2, ln 2 / 2]`,
/// a polynomial of degree six there (within about one unit in the last place), scaled by
/// a power of two. Only additions, multiplications and bit moves, in a fixed order, where
/// the C library's `expf` and `tanhf` vary from one library to the next and cannot be
/// vectorised: the same bits on every machine, and loops of them run four or eight at once.
#[inline(always)]
pub(super) fn exp(x: f32) -> f32 {
    // Past these, e^x is no longer a normal f32; the activations are flat there anyway.
    let x = x.clamp(-87.0, 88.0);
    // Rounds to the nearest integer by the float addition itself (no rounding call).
    const ROUND: f32 = 12_582_912.0; // 1.5 * 2^23
    let shifted = x * std::f32::consts::LOG2_E + ROUND;
    let k = shifted - ROUND;
    // The same integer read off the bits (`shifted` is 1.5 × 2²³ + k, one unit a step):
    // integer arithmetic that vectorises, where `k as i32` checks for NaN word by word.
    let k_int = (shifted.to_bits() as i32).wrapping_sub(ROUND.to_bits() as i32);
    // ln 2 in two parts, so that k ln 2 is exact to f32's precision.
    let r = (x - k * 0.693_145_75) - k * 1.428_606_8e-6;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    p * f32::from_bits((k_int.wrapping_add(127) as u32) << 23)
}

/// The logistic function, by [`exp`].
#[inline(always)]
pub(super) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

/// The hyperbolic tangent, by [`exp`]: `1 - 2 / (e^2x + 1)`.
#[inline(always)]
pub(super) fn tanh(x: f32) -> f32 {
    1.0 - 2.0 / (exp(2.0 * x) + 1.0)
}

#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn tanh_layer(
    w: &[f32],
    wm: Span,
    bm: Span,
    xs: &[Vec<f32>],
    out: usize,
) -> Vec<Vec<f32>> {
    xs.iter()
        .map(|x| {
            let mut y = vec![0f32; out];
            affine(sl(w, wm), Some(sl(w, bm)), x, &mut y);
            y.iter_mut().for_each(|v| *v = tanh(*v));
            y
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn tanh_layer_back(
    w: &[f32],
    g: &mut [f32],
    wm: Span,
    bm: Span,
    xs: &[Vec<f32>],
    ys: &[Vec<f32>],
    dys: &[Vec<f32>],
    dxs: &mut [Vec<f32>],
) {
    for t in 0..xs.len() {
        let dpre: Vec<f32> = ys[t].iter().zip(&dys[t]).map(|(y, d)| d * (1.0 - y * y)).collect();
        axpy(sl_mut(g, bm), 1.0, &dpre);
        let gw = &mut g[wm.at..wm.at + wm.rows * wm.cols];
        affine_back(sl(w, wm), gw, &xs[t], &dpre, Some(&mut dxs[t]));
    }
}

pub(super) fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (k, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = k;
        }
    }
    best
}

pub(super) fn softmax(v: &[f32]) -> Vec<f32> {
    let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = v.iter().map(|x| (x - m).exp()).collect();
    let z: f32 = e.iter().sum();
    e.into_iter().map(|x| x / z).collect()
}

pub(super) fn log_softmax(v: &[f32]) -> Vec<f32> {
    let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let z: f32 = v.iter().map(|x| (x - m).exp()).sum::<f32>().ln() + m;
    v.iter().map(|x| x - z).collect()
}

/// The cross-entropy of `scores` (a softmax) against a mixture of the `gold` class (its
/// share `1 - share`) and the distribution `soft` (`share`), and its gradient. `soft` is
/// taken over the classes whose score is finite (not a word as its own head) and made to sum
/// to one there; where it gives them nothing, the gold class takes the whole target.
pub(super) fn cross_entropy_soft(
    scores: &[f32],
    gold: usize,
    soft: &[f32],
    share: f32,
) -> (f32, Vec<f32>) {
    let taught = |k: usize| {
        let finite = scores[k] != f32::NEG_INFINITY;
        if finite { soft.get(k).copied().unwrap_or(0.0).max(0.0) } else { 0.0 }
    };
    let total: f32 = (0..scores.len()).map(taught).sum();
    let (share, total) = if total > 0.0 { (share, total) } else { (0.0, 1.0) };
    let mut grad = softmax(scores);
    let mut loss = 0.0;
    for (k, g) in grad.iter_mut().enumerate() {
        let hard = if k == gold { 1.0 - share } else { 0.0 };
        let target = share * taught(k) / total + hard;
        if target > 0.0 {
            loss -= target * g.max(1e-30).ln();
        }
        *g -= target;
    }
    (loss, grad)
}

/// The cross-entropy of `scores` (a softmax) against the `gold` class, and its gradient.
pub(super) fn cross_entropy(scores: &[f32], gold: usize) -> (f32, Vec<f32>) {
    let mut grad = softmax(scores);
    let loss = -grad[gold].max(1e-30).ln();
    grad[gold] -= 1.0;
    (loss, grad)
}
