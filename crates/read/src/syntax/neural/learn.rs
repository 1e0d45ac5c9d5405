//! Training: the loss of a sentence and its gradient, and the epochs.

use super::lstm::lstm_dir_back;
use super::math::*;
use super::*;
use std::time::Instant;

impl Model {
    /// The loss of one sentence; adds its gradient to `g`.
    pub(super) fn learn(&self, ex: &Example, rng: &mut Rng, dropout: f32, g: &mut [f32]) -> f32 {
        let w = &self.w;
        let lay = &self.layout;
        let tr = self.forward(ex, Some((rng, dropout)));
        let n = tr.ad.len();
        let s = Self::arc_scores(&tr);
        let mut loss = 0.0;
        let mut d_ad = vec![vec![0f32; A]; n];
        let mut d_ah = vec![vec![0f32; A]; n];
        let mut d_p = vec![vec![0f32; A]; n];
        let mut d_q = vec![0f32; n];
        let rv = lay.shape.relation_view;
        let mut d_ld = vec![vec![0f32; rv]; n];
        let mut d_lh = vec![vec![0f32; rv]; n];
        let mut d_tg = vec![vec![0f32; B]; n];
        for (d, d_tg) in d_tg.iter_mut().enumerate().skip(1) {
            let soft = ex.soft.as_ref().map(|s| &s.tags[d - 1][..]);
            let (tag_loss, dt) =
                learn_target(&self.tag_scores(&tr.tg[d]), ex.gold_tags[d - 1], soft);
            loss += tag_loss;
            axpy(sl_mut(g, lay.b_tag), 1.0, &dt);
            let gw = sl_mut(g, lay.w_tag);
            affine_back(sl(w, lay.w_tag), gw, &tr.tg[d], &dt, Some(d_tg));
        }
        for d in 1..n {
            let gold = ex.heads[d - 1];
            let (head_loss, d_s) =
                learn_target(&s[d], gold, ex.soft.as_ref().map(|s| &s.heads[d - 1][..]));
            loss += head_loss;
            for (h, &ds) in d_s.iter().enumerate() {
                if ds == 0.0 {
                    continue;
                }
                axpy(&mut d_ad[d], ds, &tr.p[h]);
                axpy(&mut d_p[h], ds, &tr.ad[d]);
                d_q[h] += ds;
            }
            let z = Self::label_input(&tr, d, gold);
            let soft = ex.soft.as_ref().map(|s| &s.labels[d - 1][..]);
            let (label_loss, dl) = learn_target(&self.label_scores(&z), ex.labels[d - 1], soft);
            loss += label_loss;
            axpy(sl_mut(g, lay.b_l), 1.0, &dl);
            let mut dz = vec![0f32; 3 * rv];
            affine_back(
                sl(w, lay.w_l),
                &mut g[lay.w_l.at..lay.w_l.at + lay.w_l.rows * lay.w_l.cols],
                &z,
                &dl,
                Some(&mut dz),
            );
            for k in 0..rv {
                d_ld[d][k] += dz[k] + dz[2 * rv + k] * tr.lh[gold][k];
                d_lh[gold][k] += dz[rv + k] + dz[2 * rv + k] * tr.ld[d][k];
            }
        }
        for h in 0..n {
            let gu = &mut g[lay.u.at..lay.u.at + lay.u.rows * lay.u.cols];
            affine_back(sl(w, lay.u), gu, &tr.ah[h], &d_p[h], Some(&mut d_ah[h]));
            axpy(&mut d_ah[h], d_q[h], sl(w, lay.u_bias));
            axpy(sl_mut(g, lay.u_bias), d_q[h], &tr.ah[h]);
        }
        let h = lay.shape.hidden;
        let mut d_top = vec![vec![0f32; 2 * h]; n];
        tanh_layer_back(w, g, lay.w_ad, lay.b_ad, &tr.top, &tr.ad, &d_ad, &mut d_top);
        tanh_layer_back(w, g, lay.w_ah, lay.b_ah, &tr.top, &tr.ah, &d_ah, &mut d_top);
        tanh_layer_back(w, g, lay.w_ld, lay.b_ld, &tr.top, &tr.ld, &d_ld, &mut d_top);
        tanh_layer_back(w, g, lay.w_lh, lay.b_lh, &tr.top, &tr.lh, &d_lh, &mut d_top);
        // The gradient at the part-of-speech view's input: the top's, or a lower layer's
        // output, added where the backward pass reaches that layer.
        let tag_layer = lay.shape.tag_layer;
        let mut d_tag_in = Vec::new();
        if tag_layer + 1 < LAYERS {
            d_tag_in = vec![vec![0f32; 2 * h]; n];
            let xs = &tr.layer_in[tag_layer + 1];
            tanh_layer_back(w, g, lay.w_tg, lay.b_tg, xs, &tr.tg, &d_tg, &mut d_tag_in);
        } else {
            tanh_layer_back(w, g, lay.w_tg, lay.b_tg, &tr.top, &tr.tg, &d_tg, &mut d_top);
        }
        let mut d_out = d_top;
        for l in (0..lay.lstm.len()).rev() {
            if l == tag_layer && l + 1 < LAYERS {
                for (d, e) in d_out.iter_mut().zip(&d_tag_in) {
                    axpy(d, 1.0, e);
                }
            }
            let mut dh_f = Vec::with_capacity(n);
            let mut dh_b = vec![Vec::new(); n];
            for t in 0..n {
                let d: Vec<f32> =
                    d_out[t].iter().zip(&tr.masks[l][t]).map(|(d, m)| d * m).collect();
                dh_f.push(d[..h].to_vec());
                dh_b[n - 1 - t] = d[h..].to_vec();
            }
            let xs = &tr.layer_in[l];
            let rev: Vec<Vec<f32>> = xs.iter().rev().cloned().collect();
            let dx_f = lstm_dir_back(w, g, lay.lstm[l][0], xs, &tr.dirs[l][0], &dh_f);
            let dx_b = lstm_dir_back(w, g, lay.lstm[l][1], &rev, &tr.dirs[l][1], &dh_b);
            d_out = (0..n)
                .map(|t| dx_f[t].iter().zip(&dx_b[n - 1 - t]).map(|(a, b)| a + b).collect())
                .collect();
        }
        // d_out is now the gradient at the embeddings after dropout.
        for (t, d_x) in d_out.iter().enumerate() {
            let d: Vec<f32> = d_x.iter().zip(&tr.mask_x[t]).map(|(d, m)| d * m).collect();
            let wi = tr.words[t];
            axpy(&mut sl_mut(g, lay.ew)[wi * E..(wi + 1) * E], 1.0, &d[..E]);
            if t > 0 {
                for r in lay.spelling_rows(&tr.subs[t]) {
                    axpy(&mut sl_mut(g, lay.eh)[r * E..(r + 1) * E], 1.0, &d[..E]);
                }
            }
            if let Some(row) = lay.shape.tag_row(tr.tags[t]) {
                axpy(&mut sl_mut(g, lay.et)[row * T..(row + 1) * T], 1.0, &d[E..]);
            }
        }
        loss
    }
}

/// The share of a teacher's probabilities in the target where an example has them
/// ([`Example::soft`]), the gold class's the rest.
const SOFT_SHARE: f32 = 0.5;

/// The loss and gradient of `scores` against `gold`, mixed with a teacher's `soft`
/// probabilities where there are some.
fn learn_target(scores: &[f32], gold: usize, soft: Option<&[f32]>) -> (f32, Vec<f32>) {
    match soft {
        Some(soft) => cross_entropy_soft(scores, gold, soft, SOFT_SHARE),
        None => cross_entropy(scores, gold),
    }
}

/// The settings of one step of Adam.
#[derive(Clone, Copy)]
struct Adam {
    b1: f32,
    b2: f32,
    eps: f32,
    lr: f32,
    /// What the gradient is multiplied by first (its clipping).
    scale: f32,
}

/// One step of Adam over every weight. Each weight's arithmetic alone, in a fixed order:
/// compiled also for AVX2 (never fused), the same bits on any processor.
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
fn adam_step(a: Adam, w: &mut [f32], m: &mut [f32], v: &mut [f32], g: &[f32]) {
    let Adam { b1, b2, eps, lr, scale } = a;
    for (((w, m), v), g) in w.iter_mut().zip(m.iter_mut()).zip(v.iter_mut()).zip(g) {
        let gk = g * scale;
        *m = b1 * *m + (1.0 - b1) * gk;
        *v = b2 * *v + (1.0 - b2) * gk * gk;
        *w -= lr * *m / (v.sqrt() + eps);
    }
}

/// Runs `first` and `second` at once where `threads` allows, one after the other otherwise:
/// for the two halves of work that treats each weight alone (a step of Adam, adding up the
/// threads' gradients), which gives the same bits either way.
fn both(threads: usize, first: impl FnOnce() + Send, second: impl FnOnce() + Send) {
    if threads >= 2 {
        rayon::join(first, second);
    } else {
        first();
        second();
    }
}

/// How many parts a batch is cut into (the most threads training uses).
const PARTS: usize = 2;

/// What training reports after an epoch.
#[derive(Clone, Copy, Debug)]
pub struct Epoch {
    /// The epoch, from 1.
    pub epoch: usize,
    /// The mean loss a word (head, relation and part of speech together).
    pub loss: f32,
    /// Training speed.
    pub words_per_second: f32,
}

/// Trains a model on `train` (relations named by `labels`), reporting after each epoch.
pub fn train(
    train: &[Example],
    labels: Vec<String>,
    config: &Config,
    mut report: impl FnMut(Epoch, &Model),
) -> Model {
    let mut model = Model::new(train, labels, config.seed, config.shape);
    let len = model.w.len();
    let mut m = vec![0f32; len];
    let mut v = vec![0f32; len];
    // A batch is always cut in the same parts, each summed apart and then in order, so that
    // training gives the same weights on one thread or several.
    let mut grads = vec![vec![0f32; len]; PARTS];
    let mut rng = Rng(config.seed ^ 0x5555);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let (b1, b2, eps) = (0.9f32, 0.9f32, 1e-8f32);
    let mut step = 0i32;
    for epoch in 1..=config.epochs {
        let started = Instant::now();
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let mut total = 0.0f64;
        let mut words = 0usize;
        for batch in order.chunks(config.batch) {
            let per = batch.len().div_ceil(PARTS);
            let shared = &model;
            let learn_part = |g: &mut Vec<f32>, part: &[usize]| -> f32 {
                g.iter_mut().for_each(|x| *x = 0.0);
                let mut loss = 0.0;
                for &k in part {
                    // Dropout of a sentence depends on the sentence and the epoch only.
                    let mut r = Rng(config.seed
                        ^ ((epoch as u64) << 40)
                        ^ (k as u64).wrapping_mul(0x2545F4914F6CDD1D));
                    loss += shared.learn(&train[k], &mut r, config.dropout, g);
                }
                loss
            };
            let losses: Vec<f32> = if config.threads >= 2 {
                std::thread::scope(|scope| {
                    let handles: Vec<_> = grads
                        .iter_mut()
                        .zip(batch.chunks(per))
                        .map(|(g, part)| scope.spawn(move || learn_part(g, part)))
                        .collect();
                    handles.into_iter().map(|h| h.join().expect("a training thread")).collect()
                })
            } else {
                grads
                    .iter_mut()
                    .zip(batch.chunks(per))
                    .map(|(g, part)| learn_part(g, part))
                    .collect()
            };
            let used = batch.chunks(per).count();
            total += losses.iter().map(|&l| l as f64).sum::<f64>();
            words += batch.iter().map(|&k| train[k].words.len()).sum::<usize>();
            let (first, rest) = grads.split_at_mut(1);
            for other in rest.iter().take(used - 1) {
                let mid = other.len() / 2;
                let (g0, g1) = first[0].split_at_mut(mid);
                let (o0, o1) = other.split_at(mid);
                both(config.threads, || axpy(g0, 1.0, o0), || axpy(g1, 1.0, o1));
            }
            let g = &mut first[0];
            let norm = g.iter().map(|x| x * x).sum::<f32>().sqrt();
            let scale = if norm > 5.0 { 5.0 / norm } else { 1.0 };
            step += 1;
            // Constant for the first half, then down linearly to a tenth at the end.
            let half = config.epochs as f32 / 2.0;
            let decay =
                if (epoch as f32) <= half { 1.0 } else { 1.0 - 0.9 * (epoch as f32 - half) / half };
            let lr = decay * config.lr * (1.0 - b2.powi(step)).sqrt() / (1.0 - b1.powi(step));
            let adam = Adam { b1, b2, eps, lr, scale };
            let mid = g.len() / 2;
            let (w0, w1) = model.w.split_at_mut(mid);
            let (m0, m1) = m.split_at_mut(mid);
            let (v0, v1) = v.split_at_mut(mid);
            let (g0, g1) = g.split_at(mid);
            both(
                config.threads,
                || adam_step(adam, w0, m0, v0, g0),
                || adam_step(adam, w1, m1, v1, g1),
            );
        }
        let speed = words as f32 / started.elapsed().as_secs_f32();
        report(
            Epoch { epoch, loss: (total / words as f64) as f32, words_per_second: speed },
            &model,
        );
    }
    model
}
