//! The forward pass for parsing alone: the same arithmetic as training's [`Model::forward`]
//! (every sum in the same order, so the same bits), laid out for speed. Training keeps, for
//! the backward pass, every gate of every word in its own vector and computes each product
//! row by row; parsing keeps nothing it does not read again, holds a layer's vectors in one
//! matrix, and multiplies a block of weight rows by a block of words at once, so that each
//! weight read from memory serves several words and each word several rows.

use super::lstm::activate;
use super::math::{dot, sl, tanh};
use super::{A, E, Example, H, Model, NTAGS, ROOT, SUBS, Span, T, UNK};

/// The products of a weight matrix (named by its span of the model's weights) with vectors:
/// exactly as training computes them ([`Exact`]), or in 16-bit integers
/// ([`super::quant::Quantized`]). The rest of the forward pass is the same code for both.
pub(super) trait Products {
    /// `y[t][r] = w_r · x_t + b[r]` for each of `n` words `t` (rows of `x`, `w.cols` wide).
    fn affine(&self, w: Span, b: Option<&[f32]>, x: &[f32], n: usize) -> Vec<f32>;
    /// `y[r] = w_r · x`: the recurrent product of one word, which cannot wait for the next.
    fn dots(&self, w: Span, x: &[f32], y: &mut [f32]);
}

/// The products summed exactly as [`super::math::dot`] sums them: the same bits as training.
pub(super) struct Exact<'a>(pub(super) &'a [f32]);

impl Products for Exact<'_> {
    fn affine(&self, w: Span, b: Option<&[f32]>, x: &[f32], n: usize) -> Vec<f32> {
        affine_block(sl(self.0, w), b, x, w.cols, n, w.rows)
    }
    fn dots(&self, w: Span, x: &[f32], y: &mut [f32]) {
        dots_one(sl(self.0, w), x, w.cols, y)
    }
}

/// A sentence's vectors after the network, one matrix (words × width) each.
pub(super) struct Outputs {
    pub(super) n: usize,
    pub(super) ad: Vec<f32>,
    pub(super) ld: Vec<f32>,
    pub(super) lh: Vec<f32>,
    pub(super) tg: Vec<f32>,
    /// `U ah[j]`
    pub(super) p: Vec<f32>,
    /// `u · ah[j]`
    pub(super) q: Vec<f32>,
}

impl Model {
    /// The network's outputs for a sentence (the root first), without dropout, with the
    /// products as training computes them.
    pub(super) fn infer(&self, ex: &Example) -> Outputs {
        self.infer_with(&Exact(&self.w), ex)
    }

    /// The same with the products computed by `products`.
    pub(super) fn infer_with(&self, products: &impl Products, ex: &Example) -> Outputs {
        let mut words = vec![ROOT];
        words.extend(ex.words.iter().map(|w| self.vocab.get(w).copied().unwrap_or(UNK)));
        let mut subs = vec![[0usize; SUBS]];
        subs.extend(ex.subs.iter().copied());
        let mut tags = vec![NTAGS - 1];
        tags.extend(ex.tags.iter().copied());
        let w = &self.w;
        let lay = &self.layout;
        let n = words.len();
        let mut x = vec![0f32; n * (E + T)];
        for t in 0..n {
            let v = &mut x[t * (E + T)..(t + 1) * (E + T)];
            v[..E].copy_from_slice(&sl(w, lay.ew)[words[t] * E..(words[t] + 1) * E]);
            if t > 0 {
                for &h in &subs[t] {
                    let row = &sl(w, lay.eh)[h * E..(h + 1) * E];
                    v[..E].iter_mut().zip(row).for_each(|(v, r)| *v += r);
                }
            }
            v[E..].copy_from_slice(&sl(w, lay.et)[tags[t] * T..(tags[t] + 1) * T]);
        }
        let mut cur = x;
        for layer in lay.lstm {
            let mut out = vec![0f32; n * 2 * H];
            for (dir, &weights) in layer.iter().enumerate() {
                let hs = self.lstm(products, weights, &cur, n, dir == 1);
                for t in 0..n {
                    out[t * 2 * H + dir * H..t * 2 * H + (dir + 1) * H]
                        .copy_from_slice(&hs[t * H..(t + 1) * H]);
                }
            }
            cur = out;
        }
        let layer = |wm: Span, bm: Span| {
            let mut y = products.affine(wm, Some(sl(w, bm)), &cur, n);
            y.iter_mut().for_each(|v| *v = tanh(*v));
            y
        };
        let ad = layer(lay.w_ad, lay.b_ad);
        let ah = layer(lay.w_ah, lay.b_ah);
        let ld = layer(lay.w_ld, lay.b_ld);
        let lh = layer(lay.w_lh, lay.b_lh);
        let tg = layer(lay.w_tg, lay.b_tg);
        let p = products.affine(lay.u, None, &ah, n);
        let q = (0..n).map(|t| dot(sl(w, lay.u_bias), &ah[t * A..(t + 1) * A])).collect();
        Outputs { n, ad, ld, lh, tg, p, q }
    }

    /// One direction of an LSTM layer over the sentence (read right to left where
    /// `reverse`); returns each word's output, in the sentence's order.
    fn lstm(
        &self,
        products: &impl Products,
        (wx, wh, b): (Span, Span, Span),
        x: &[f32],
        n: usize,
        reverse: bool,
    ) -> Vec<f32> {
        // The input products of every word at once; then the recurrent ones, word by word.
        let mut pre_all = products.affine(wx, Some(sl(&self.w, b)), x, n);
        let mut out = vec![0f32; n * H];
        let mut h = vec![0f32; H];
        let mut c = vec![0f32; H];
        let mut rec = vec![0f32; 4 * H];
        for step in 0..n {
            let t = if reverse { n - 1 - step } else { step };
            // Each word's input sums are read once: its gates are made in their place.
            let pre = &mut pre_all[t * 4 * H..(t + 1) * 4 * H];
            products.dots(wh, &h, &mut rec);
            pre.iter_mut().zip(&rec).for_each(|(p, r)| *p += r);
            activate(pre);
            for k in 0..H {
                c[k] = pre[H + k] * c[k] + pre[k] * pre[2 * H + k];
                h[k] = pre[3 * H + k] * tanh(c[k]);
            }
            out[t * H..(t + 1) * H].copy_from_slice(&h);
        }
        out
    }
}

/// `acc[k] += w[k] x[k]`: one step of [`super::math::dot`]'s eight partial sums.
#[inline(always)]
fn mac(acc: &mut [f32; 8], w: &[f32; 8], x: &[f32; 8]) {
    for k in 0..8 {
        acc[k] += w[k] * x[k];
    }
}

/// The partial sums of four weight rows against two words (the first four against the
/// first word). Each sum in its own variable and an index loop: the shape the compiler turns
/// into one vector register a sum.
#[inline(always)]
fn block_4x2(w: [&[[f32; 8]]; 4], x: [&[[f32; 8]]; 2]) -> [[f32; 8]; 8] {
    let (mut a0, mut a1, mut a2, mut a3) = ([0f32; 8], [0f32; 8], [0f32; 8], [0f32; 8]);
    let (mut b0, mut b1, mut b2, mut b3) = ([0f32; 8], [0f32; 8], [0f32; 8], [0f32; 8]);
    let n = w.iter().map(|r| r.len()).chain(x.iter().map(|r| r.len())).min().unwrap_or(0);
    for j in 0..n {
        let (d0, d1) = (&x[0][j], &x[1][j]);
        mac(&mut a0, &w[0][j], d0);
        mac(&mut a1, &w[1][j], d0);
        mac(&mut a2, &w[2][j], d0);
        mac(&mut a3, &w[3][j], d0);
        mac(&mut b0, &w[0][j], d1);
        mac(&mut b1, &w[1][j], d1);
        mac(&mut b2, &w[2][j], d1);
        mac(&mut b3, &w[3][j], d1);
    }
    [a0, a1, a2, a3, b0, b1, b2, b3]
}

/// The partial sums of eight weight rows against one word: eight independent sums keep the
/// adder busy while each waits for the one before.
#[inline(always)]
fn block_8x1(w: [&[[f32; 8]]; 8], x: &[[f32; 8]]) -> [[f32; 8]; 8] {
    let (mut a0, mut a1, mut a2, mut a3) = ([0f32; 8], [0f32; 8], [0f32; 8], [0f32; 8]);
    let (mut a4, mut a5, mut a6, mut a7) = ([0f32; 8], [0f32; 8], [0f32; 8], [0f32; 8]);
    let n = w.iter().map(|r| r.len()).min().unwrap_or(0).min(x.len());
    for j in 0..n {
        let d = &x[j];
        mac(&mut a0, &w[0][j], d);
        mac(&mut a1, &w[1][j], d);
        mac(&mut a2, &w[2][j], d);
        mac(&mut a3, &w[3][j], d);
        mac(&mut a4, &w[4][j], d);
        mac(&mut a5, &w[5][j], d);
        mac(&mut a6, &w[6][j], d);
        mac(&mut a7, &w[7][j], d);
    }
    [a0, a1, a2, a3, a4, a5, a6, a7]
}

/// The partial sums of one weight row against one word.
#[inline(always)]
fn block_1x1(w: &[[f32; 8]], x: &[[f32; 8]]) -> [f32; 8] {
    let mut a = [0f32; 8];
    for j in 0..w.len().min(x.len()) {
        mac(&mut a, &w[j], &x[j]);
    }
    a
}

/// `y[t][r] = w_r · x_t + b[r]` for every word `t` (rows of `x`, `cols` wide) and weight row
/// `r`, each product summed exactly as [`super::math::dot`] sums it: eight partial sums over
/// the columns in order, then the columns left over, then the eight. Compiled also for wider
/// vector instructions, chosen when the processor has them: the same multiplications and
/// additions in the same order (Rust never fuses them), so the same bits on any processor.
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn affine_block(
    w: &[f32],
    b: Option<&[f32]>,
    x: &[f32],
    cols: usize,
    n: usize,
    rows: usize,
) -> Vec<f32> {
    let mut y = vec![0f32; n * rows];
    let whole = cols / 8 * 8;
    let row = |r: usize| w[r * cols..r * cols + whole].as_chunks::<8>().0;
    let word = |t: usize| x[t * cols..t * cols + whole].as_chunks::<8>().0;
    // The columns left over and the partial sums, summed as `dot` does.
    let finish = |r: usize, t: usize, acc: &[f32; 8]| {
        let (wr, xt) = (&w[r * cols..(r + 1) * cols], &x[t * cols..(t + 1) * cols]);
        let mut s = 0.0;
        for k in whole..cols {
            s += wr[k] * xt[k];
        }
        s + acc.iter().sum::<f32>() + b.map_or(0.0, |b| b[r])
    };
    let mut r = 0;
    while r + 4 <= rows {
        let ws = [row(r), row(r + 1), row(r + 2), row(r + 3)];
        let mut t = 0;
        while t + 2 <= n {
            let a = block_4x2(ws, [word(t), word(t + 1)]);
            for i in 0..4 {
                y[t * rows + r + i] = finish(r + i, t, &a[i]);
                y[(t + 1) * rows + r + i] = finish(r + i, t + 1, &a[4 + i]);
            }
            t += 2;
        }
        // An odd last word: the same block with the word twice, half of it kept.
        for t in t..n {
            for (i, a) in block_4x2(ws, [word(t), word(t)]).iter().take(4).enumerate() {
                y[t * rows + r + i] = finish(r + i, t, a);
            }
        }
        r += 4;
    }
    for r in r..rows {
        for t in 0..n {
            y[t * rows + r] = finish(r, t, &block_1x1(row(r), word(t)));
        }
    }
    y
}

/// `y[r] = w_r · x` for every weight row, summed as [`super::math::dot`]: the recurrent
/// product of one word, which cannot wait for the next.
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
fn dots_one(w: &[f32], x: &[f32], cols: usize, y: &mut [f32]) {
    let whole = cols / 8 * 8;
    let xs = x[..whole].as_chunks::<8>().0;
    let row = |r: usize| w[r * cols..r * cols + whole].as_chunks::<8>().0;
    let finish = |r: usize, acc: &[f32; 8]| {
        let wr = &w[r * cols..(r + 1) * cols];
        let mut s = 0.0;
        for k in whole..cols {
            s += wr[k] * x[k];
        }
        s + acc.iter().sum::<f32>()
    };
    let rows = y.len();
    let mut r = 0;
    while r + 8 <= rows {
        let ws = std::array::from_fn(|i| row(r + i));
        for (i, a) in block_8x1(ws, xs).iter().enumerate() {
            y[r + i] = finish(r + i, a);
        }
        r += 8;
    }
    for (r, y) in y.iter_mut().enumerate().skip(r) {
        *y = finish(r, &block_1x1(row(r), xs));
    }
}
