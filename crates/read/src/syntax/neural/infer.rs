//! The forward pass for parsing alone: with [`Exact`] products the same arithmetic as
//! training's [`Model::forward`] (every sum in the same order, so the same bits), laid out
//! for speed; with [`super::quant::Quantized`] ones the same pass in 8-bit integers.
//! Training keeps, for the backward pass, every gate of every word in its own vector and
//! computes each product row by row; parsing keeps nothing it does not read again, holds a
//! layer's vectors in one matrix, takes several sentences at once (their recurrent steps
//! together), and multiplies a block of weight rows by a block of words at once, so that
//! each weight read from memory serves several words and each word several rows.

use super::lstm::activate;
use super::math::{argmax, dot, log_softmax, sl, tanh};
use super::{
    A, B, E, Example, LAYERS, Model, NTAGS, Parse, ROOT, SPELLINGS, Span, T, UNK, eisner,
    label_features,
};
use std::collections::HashMap;

/// The products of a weight matrix (named by its span of the model's weights) with vectors:
/// exactly as training computes them ([`Exact`]), or in 8-bit integers
/// ([`super::quant::Quantized`]). The rest of the forward pass is the same code for both.
pub(super) trait Products {
    /// `y[t][r] = w_r · x_t + b[r]` for each of `n` words `t` (rows of `x`, `w.cols` wide),
    /// for each matrix `w` and bias `b` of `maps` (all as wide as `x`'s rows).
    fn affine_many(&self, maps: &[(Span, Option<&[f32]>)], x: &[f32], n: usize) -> Vec<Vec<f32>>;

    /// The same for one matrix, in `reuse`'s memory: for products made again and again
    /// with the same shapes (an LSTM's recurrent steps), which then allocate nothing.
    fn affine_reusing<'r>(
        &self,
        (w, b): (Span, Option<&[f32]>),
        x: &[f32],
        n: usize,
        reuse: &'r mut Reuse,
    ) -> &'r [f32] {
        reuse.y = self.affine(w, b, x, n);
        &reuse.y
    }

    /// The same for one matrix.
    fn affine(&self, w: Span, b: Option<&[f32]>, x: &[f32], n: usize) -> Vec<f32> {
        let mut y = self.affine_many(&[(w, b)], x, n);
        y.pop().unwrap_or_default()
    }
}

/// The memory of a product kept for the next one: its output, and its input made
/// integers where the products are ([`super::quant::Quantized`]).
#[derive(Default)]
pub(super) struct Reuse {
    pub(super) inputs: super::quant::QVectors,
    pub(super) y: Vec<f32>,
}

/// The products summed exactly as [`super::math::dot`] sums them: the same bits as training.
pub(super) struct Exact<'a>(pub(super) &'a [f32]);

impl Products for Exact<'_> {
    fn affine_many(&self, maps: &[(Span, Option<&[f32]>)], x: &[f32], n: usize) -> Vec<Vec<f32>> {
        maps.iter().map(|&(w, b)| affine_block(sl(self.0, w), b, x, w.cols, n, w.rows)).collect()
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
        let mut out = self.infer_batch(products, std::slice::from_ref(ex));
        out.pop().unwrap_or_else(|| unreachable!("one output a sentence"))
    }

    /// The outputs of several sentences at once, the same numbers as one at a time: their
    /// words go through each product together, so that each weight, read from memory once,
    /// serves every sentence (the recurrent step of all sentences at their `t`-th word).
    pub(super) fn infer_batch(&self, products: &impl Products, exs: &[Example]) -> Vec<Outputs> {
        let w = &self.w;
        let lay = &self.layout;
        // Every sentence's words, its root first, one after another.
        let lens: Vec<usize> = exs.iter().map(|ex| ex.words.len() + 1).collect();
        let starts: Vec<usize> =
            lens.iter().scan(0, |at, n| Some(std::mem::replace(at, *at + n))).collect();
        let total: usize = lens.iter().sum();
        let (h, input) = (lay.shape.hidden, lay.shape.input());
        // A word's input depends on its word, spellings and tag alone, and so does each
        // product of it (an integer input is scaled by its own largest value): the first
        // layer's input products are made once for each different input of the batch (the
        // roots, "the", "of", ...) and copied to the others.
        let mut distinct: HashMap<(usize, Option<usize>, [u64; SPELLINGS]), usize> = HashMap::new();
        let mut input_of = Vec::with_capacity(total);
        let mut x = Vec::new();
        for ex in exs {
            for t in 0..=ex.words.len() {
                let (word, tag, subs) = match t.checked_sub(1) {
                    None => (ROOT, NTAGS - 1, None),
                    Some(k) => {
                        let word = self.vocab.get(&ex.words[k]).copied().unwrap_or(UNK);
                        (word, ex.tags[k], Some(&ex.subs[k]))
                    }
                };
                // The row of the tag embeddings it reads, if any (the same for every word
                // where the shape reads one constant vector).
                let tag = lay.shape.tag_row(tag);
                let key = (word, tag, subs.copied().unwrap_or([0; SPELLINGS]));
                let next = distinct.len();
                let at = *distinct.entry(key).or_insert(next);
                input_of.push(at);
                if at < next {
                    continue;
                }
                x.resize((at + 1) * input, 0.0);
                let v = &mut x[at * input..(at + 1) * input];
                v[..E].copy_from_slice(&sl(w, lay.ew)[word * E..(word + 1) * E]);
                for r in subs.into_iter().flat_map(|subs| lay.spelling_rows(subs)) {
                    let row = &sl(w, lay.eh)[r * E..(r + 1) * E];
                    v[..E].iter_mut().zip(row).for_each(|(v, r)| *v += r);
                }
                if let Some(row) = tag {
                    v[E..].copy_from_slice(&sl(w, lay.et)[row * T..(row + 1) * T]);
                }
            }
        }
        let mut cur = x;
        // The output of the layer the part-of-speech view reads, where it is not the last.
        let mut tag_in = Vec::new();
        for (l, layer) in lay.lstm.into_iter().enumerate() {
            let mut out = vec![0f32; total * 2 * h];
            // The input products of every word at once, both directions from one input.
            let maps = layer.map(|(wx, _, b)| (wx, Some(sl(w, b))));
            let rows = cur.len() / maps[0].0.cols.max(1);
            let mut inputs = products.affine_many(&maps, &cur, rows);
            if l == 0 {
                let widths = maps.map(|(wx, _)| wx.rows);
                for (pre, width) in inputs.iter_mut().zip(widths) {
                    let mut spread = Vec::with_capacity(total * width);
                    for &k in &input_of {
                        spread.extend_from_slice(&pre[k * width..(k + 1) * width]);
                    }
                    *pre = spread;
                }
            }
            for (dir, (pre, &(_, wh, _))) in inputs.into_iter().zip(&layer).enumerate() {
                let hs = Self::lstm(products, wh, pre, &starts, &lens, dir == 1);
                for (out, hs) in out.chunks_exact_mut(2 * h).zip(hs.chunks_exact(h)) {
                    out[dir * h..(dir + 1) * h].copy_from_slice(hs);
                }
            }
            if l == lay.shape.tag_layer && l + 1 < LAYERS {
                tag_in = out.clone();
            }
            cur = out;
        }
        let mut views = vec![
            (lay.w_ad, lay.b_ad),
            (lay.w_ah, lay.b_ah),
            (lay.w_ld, lay.b_ld),
            (lay.w_lh, lay.b_lh),
        ];
        let tag_view = (lay.w_tg, lay.b_tg);
        let tag_on_top = tag_in.is_empty();
        if tag_on_top {
            views.push(tag_view);
        }
        let maps: Vec<_> = views.iter().map(|&(wm, bm)| (wm, Some(sl(w, bm)))).collect();
        let mut outs = products.affine_many(&maps, &cur, total);
        if !tag_on_top {
            let (wm, bm) = tag_view;
            outs.extend(products.affine_many(&[(wm, Some(sl(w, bm)))], &tag_in, total));
        }
        let mut views = outs.into_iter().map(|mut y| {
            tanh_all(&mut y);
            y
        });
        let mut view = || views.next().unwrap_or_default();
        let (ad, ah, ld, lh, tg) = (view(), view(), view(), view(), view());
        let p = products.affine(lay.u, None, &ah, total);
        let q: Vec<f32> = ah.chunks_exact(A).map(|a| dot(sl(w, lay.u_bias), a)).collect();
        let rows = |v: &[f32], width: usize, s: usize| {
            v[starts[s] * width..(starts[s] + lens[s]) * width].to_vec()
        };
        (0..exs.len())
            .map(|s| Outputs {
                n: lens[s],
                ad: rows(&ad, A, s),
                ld: rows(&ld, lay.shape.relation_view, s),
                lh: rows(&lh, lay.shape.relation_view, s),
                tg: rows(&tg, B, s),
                p: rows(&p, A, s),
                q: rows(&q, 1, s),
            })
            .collect()
    }

    /// The trees, relations and parts of speech the network's outputs give: each sentence's
    /// best projective tree with one word on the root (Eisner's algorithm over the heads'
    /// log-probabilities), then every word's relation to its head and its part of speech,
    /// the words of all sentences through each product together.
    pub(super) fn decode(&self, products: &impl Products, outs: &[Outputs]) -> Vec<Parse> {
        self.decode_scored(products, outs).into_iter().map(|(parse, _)| parse).collect()
    }

    /// The same, each sentence with its words' part-of-speech scores (`NTAGS - 1` a word,
    /// in [`Upos::index`] order), for a caller that weighs them against what it knows.
    pub(super) fn decode_scored(
        &self,
        products: &impl Products,
        outs: &[Outputs],
    ) -> Vec<(Parse, Vec<f32>)> {
        let heads: Vec<Vec<usize>> = outs.iter().map(|out| self.heads(out)).collect();
        let (relations, tags) = self.relation_and_tag_scores(products, outs, &heads);
        let mut relations = relations.chunks_exact(self.labels.len().max(1)).map(argmax);
        let mut scores = tags.chunks_exact(NTAGS - 1);
        heads
            .into_iter()
            .map(|heads| {
                let n = heads.len();
                let relations = relations.by_ref().take(n).collect();
                let scores: Vec<&[f32]> = scores.by_ref().take(n).collect();
                let tags = scores.iter().map(|s| argmax(s)).collect();
                ((heads, relations, tags), scores.concat())
            })
            .collect()
    }

    /// Every word's relation scores to its head in `heads` and its part-of-speech scores
    /// (`labels` and `NTAGS - 1` a word, the sentences' words one after another), the words
    /// of all sentences through each product together.
    pub(super) fn relation_and_tag_scores(
        &self,
        products: &impl Products,
        outs: &[Outputs],
        heads: &[Vec<usize>],
    ) -> (Vec<f32>, Vec<f32>) {
        let (w, lay) = (&self.w, &self.layout);
        let words: usize = outs.iter().map(|out| out.n - 1).sum();
        let rv = lay.shape.relation_view;
        let mut relation_input = Vec::with_capacity(words * 3 * rv);
        let mut tag_input = Vec::with_capacity(words * B);
        for (out, heads) in outs.iter().zip(heads) {
            for (d, &h) in (1..out.n).zip(heads) {
                relation_input.extend(label_features(
                    &out.ld[d * rv..(d + 1) * rv],
                    &out.lh[h * rv..(h + 1) * rv],
                ));
            }
            tag_input.extend_from_slice(&out.tg[B..out.n * B]);
        }
        let relations = products.affine(lay.w_l, Some(sl(w, lay.b_l)), &relation_input, words);
        let tags = products.affine(lay.w_tag, Some(sl(w, lay.b_tag)), &tag_input, words);
        (relations, tags)
    }

    /// A sentence's arc scores `ad_d · p_h + q_h`, every pair at once, as a function of the
    /// dependent and the head (minus infinity where they are one word).
    fn pair_scores(out: &Outputs) -> impl Fn(usize, usize) -> f32 + '_ {
        let n = out.n;
        // `s[d × n + h] = p_h · ad_d`, summed as `dot` sums it.
        let s = affine_block(&out.p, None, &out.ad, A, n, n);
        move |d: usize, h: usize| {
            if h == d { f32::NEG_INFINITY } else { s[d * n + h] + out.q[h] }
        }
    }

    /// A sentence's heads' log-probabilities, `score[h][d]`: each dependent's softmax over
    /// its heads (the root's own column minus infinity).
    pub(super) fn head_log_probs(out: &Outputs) -> Vec<Vec<f32>> {
        log_probs_of(out.n, Self::pair_scores(out))
    }

    /// A sentence's heads (0 the root).
    fn heads(&self, out: &Outputs) -> Vec<usize> {
        let raw = Self::pair_scores(out);
        // Most sentences (seven in eight of EWT dev): every word's best head clear, the tree
        // they make the best.
        if let Some(heads) = eisner::clear_tree(out.n, &raw) {
            return heads;
        }
        eisner::eisner(&log_probs_of(out.n, raw))
    }

    /// One direction of an LSTM layer over sentences laid one after another (`lens[s]` rows
    /// from `starts[s]`), each read right to left where `reverse`, from each word's input
    /// sums `pre_all` (`W x + b`); returns each word's output, in the input's order.
    fn lstm(
        products: &impl Products,
        wh: Span,
        mut pre_all: Vec<f32>,
        starts: &[usize],
        lens: &[usize],
        reverse: bool,
    ) -> Vec<f32> {
        let total: usize = lens.iter().sum();
        let hidden = wh.cols;
        // The recurrent products a step of every sentence still going at a time: the
        // longest first, so that those going are the first rows of `h`.
        let mut order: Vec<usize> = (0..lens.len()).collect();
        order.sort_by_key(|&s| std::cmp::Reverse(lens[s]));
        let mut out = vec![0f32; total * hidden];
        let mut h = vec![0f32; order.len() * hidden];
        let mut c = vec![0f32; order.len() * hidden];
        let mut reuse = Reuse::default();
        for step in 0..order.first().map_or(0, |&s| lens[s]) {
            let going = order.iter().take_while(|&&s| lens[s] > step).count();
            let rec = products.affine_reusing((wh, None), &h[..going * hidden], going, &mut reuse);
            for (i, &s) in order[..going].iter().enumerate() {
                let row = starts[s] + if reverse { lens[s] - 1 - step } else { step };
                // Each word's input sums are read once: its gates are made in their place.
                let pre = &mut pre_all[row * 4 * hidden..(row + 1) * 4 * hidden];
                let span = i * hidden..(i + 1) * hidden;
                let (h, c) = (&mut h[span.clone()], &mut c[span]);
                cell_step(pre, &rec[i * 4 * hidden..(i + 1) * 4 * hidden], c, h);
                out[row * hidden..(row + 1) * hidden].copy_from_slice(h);
            }
        }
        out
    }
}

/// `score[h][d]`: each dependent's (from 1) softmax over its heads by `raw(d, h)`.
fn log_probs_of(n: usize, raw: impl Fn(usize, usize) -> f32) -> Vec<Vec<f32>> {
    let mut score = vec![vec![f32::NEG_INFINITY; n]; n];
    let mut row = vec![0f32; n];
    for d in 1..n {
        for (h, r) in row.iter_mut().enumerate() {
            *r = raw(d, h);
        }
        for (score, lp) in score.iter_mut().zip(log_softmax(&row)) {
            score[d] = lp;
        }
    }
    score
}

/// One word's step of an LSTM direction: its input sums `pre` plus the recurrent ones `rec`
/// made gates in place, then the cell `c` and output `h` (the previous word's on entry).
/// Compiled also for AVX2 (no fused multiply-adds: the same bits on any processor), as
/// [`activate`]: built for the baseline, these loops ran four floats at a time.
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
fn cell_step(pre: &mut [f32], rec: &[f32], c: &mut [f32], h: &mut [f32]) {
    pre.iter_mut().zip(rec).for_each(|(p, r)| *p += r);
    activate(pre);
    let hidden = c.len();
    let (i, rest) = pre.split_at(hidden);
    let (f, rest) = rest.split_at(hidden);
    let (g, o) = rest.split_at(hidden);
    // Iterators over whole slices, not indices: no bounds checks, so all vector code.
    for ((((c, h), i), (f, g)), o) in
        c.iter_mut().zip(h.iter_mut()).zip(i).zip(f.iter().zip(g)).zip(o)
    {
        *c = f * *c + i * g;
        *h = o * tanh(*c);
    }
}

/// `tanh` of every value, compiled also for AVX2 (the same bits on any processor).
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
fn tanh_all(v: &mut [f32]) {
    v.iter_mut().for_each(|v| *v = tanh(*v));
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
        let sum = s + acc.iter().sum::<f32>();
        // No bias adds nothing (not 0.0, which would turn a -0.0 into 0.0): as `dot`.
        b.map_or(sum, |b| sum + b[r])
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
