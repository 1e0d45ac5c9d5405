//! Experiment (issue 13): a graph-based parser over a two-layer BiLSTM (Kiperwasser and
//! Goldberg 2016; a biaffine arc scorer as Dozat and Manning 2017), trained here by hand on
//! the CPU, to measure what a neural encoder gives over the greedy perceptron on EWT dev.
//! Not wired into the analyzer.

use super::{Sentence, Upos};
use std::collections::HashMap;
use std::time::Instant;

const E: usize = 100; // word embedding
const T: usize = 32; // tag embedding
const H: usize = 128; // LSTM hidden, each direction
const A: usize = 128; // arc MLP
const B: usize = 64; // label MLP
const NTAGS: usize = 18; // 17 UPOS + root
const SUBS: usize = 4; // hashed spelling features a word
const HASH_ROWS: usize = 1 << 15;

/// Experiment settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub epochs: usize,
    pub batch: usize,
    pub lr: f32,
    pub dropout: f32,
    pub seed: u64,
    pub threads: usize,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

#[derive(Clone, Copy)]
struct Span {
    at: usize,
    rows: usize,
    cols: usize,
}

/// Every weight in one vector; a tensor is a span of it.
struct Layout {
    ew: Span,
    eh: Span,
    et: Span,
    lstm: [[(Span, Span, Span); 2]; 2], // layer, direction: Wx, Wh, b
    w_ad: Span,
    b_ad: Span,
    w_ah: Span,
    b_ah: Span,
    u: Span,
    u_bias: Span,
    w_ld: Span,
    b_ld: Span,
    w_lh: Span,
    b_lh: Span,
    w_l: Span,
    b_l: Span,
    w_tg: Span,
    b_tg: Span,
    w_tag: Span,
    b_tag: Span,
    len: usize,
}

impl Layout {
    fn new(vocab: usize, labels: usize) -> Layout {
        let mut at = 0;
        let mut span = |rows: usize, cols: usize| {
            let s = Span { at, rows, cols };
            at += rows * cols;
            s
        };
        let ew = span(vocab, E);
        let eh = span(HASH_ROWS, E);
        let et = span(NTAGS, T);
        let zero = Span { at: 0, rows: 0, cols: 0 };
        let mut lstm = [[(zero, zero, zero); 2]; 2];
        for (l, layer) in lstm.iter_mut().enumerate() {
            let input = if l == 0 { E + T } else { 2 * H };
            for dir in layer.iter_mut() {
                *dir = (span(4 * H, input), span(4 * H, H), span(1, 4 * H));
            }
        }
        let w_ad = span(A, 2 * H);
        let b_ad = span(1, A);
        let w_ah = span(A, 2 * H);
        let b_ah = span(1, A);
        let u = span(A, A);
        let u_bias = span(1, A);
        let w_ld = span(B, 2 * H);
        let b_ld = span(1, B);
        let w_lh = span(B, 2 * H);
        let b_lh = span(1, B);
        let w_l = span(labels, 3 * B);
        let b_l = span(1, labels);
        let w_tg = span(B, 2 * H);
        let b_tg = span(1, B);
        let w_tag = span(NTAGS - 1, B);
        let b_tag = span(1, NTAGS - 1);
        Layout {
            ew,
            eh,
            et,
            lstm,
            w_ad,
            b_ad,
            w_ah,
            b_ah,
            u,
            u_bias,
            w_ld,
            b_ld,
            w_lh,
            b_lh,
            w_l,
            b_l,
            w_tg,
            b_tg,
            w_tag,
            b_tag,
            len: at,
        }
    }
}

fn sl(v: &[f32], s: Span) -> &[f32] {
    &v[s.at..s.at + s.rows * s.cols]
}
fn sl_mut(v: &mut [f32], s: Span) -> &mut [f32] {
    &mut v[s.at..s.at + s.rows * s.cols]
}

#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight partial sums so that the compiler vectorises (a fixed order: reproducible).
    let mut acc = [0f32; 8];
    let chunks = a.len() / 8;
    for c in 0..chunks {
        for k in 0..8 {
            acc[k] += a[c * 8 + k] * b[c * 8 + k];
        }
    }
    let mut s = 0.0;
    for k in chunks * 8..a.len() {
        s += a[k] * b[k];
    }
    s + acc.iter().sum::<f32>()
}

#[inline]
fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// y = W x + b (W rows×cols).
fn affine(w: &[f32], b: Option<&[f32]>, x: &[f32], y: &mut [f32]) {
    let cols = x.len();
    for (r, y) in y.iter_mut().enumerate() {
        *y = dot(&w[r * cols..(r + 1) * cols], x) + b.map_or(0.0, |b| b[r]);
    }
}

/// dW += dy ⊗ x; dx += Wᵀ dy.
fn affine_back(w: &[f32], dw: &mut [f32], x: &[f32], dy: &[f32], dx: Option<&mut [f32]>) {
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

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// A sentence as the network reads it: normalised words, the tagger's parts of speech, the
/// gold heads (0 the root) and label numbers.
#[derive(Clone, Debug)]
pub struct Example {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
    /// Hashed spelling features (suffixes, prefix, shape) of each word.
    pub subs: Vec<[usize; SUBS]>,
    /// The gold parts of speech (the tagging head learns them).
    pub gold_tags: Vec<usize>,
}

/// What a forward pass over one direction keeps for the backward one.
struct LstmTrace {
    gates: Vec<Vec<f32>>, // i f g o after activation, 4H
    c: Vec<Vec<f32>>,
    tc: Vec<Vec<f32>>, // tanh(c)
    h: Vec<Vec<f32>>,
}

struct Trace {
    words: Vec<usize>,
    subs: Vec<[usize; SUBS]>,
    tags: Vec<usize>,
    x: Vec<Vec<f32>>, // embeddings after dropout
    mask_x: Vec<Vec<f32>>,
    layer_in: Vec<Vec<Vec<f32>>>,   // per layer: its inputs
    dirs: Vec<[LstmTrace; 2]>,       // per layer: forward, backward (backward in reversed order)
    masks: Vec<Vec<Vec<f32>>>,       // per layer: dropout of its outputs
    top: Vec<Vec<f32>>,              // the last layer's outputs after dropout
    ad: Vec<Vec<f32>>,
    ah: Vec<Vec<f32>>,
    ld: Vec<Vec<f32>>,
    lh: Vec<Vec<f32>>,
    p: Vec<Vec<f32>>, // U ah[j]
    q: Vec<f32>,      // u · ah[j]
    tg: Vec<Vec<f32>>,
}

/// The model: vocabulary, labels, weights.
pub struct Model {
    vocab: HashMap<String, usize>,
    freq: Vec<u32>,
    /// Relation names, by number.
    pub labels: Vec<String>,
    layout: Layout,
    w: Vec<f32>,
}

const UNK: usize = 0;
const ROOT: usize = 1;

fn lstm_dir(w: &[f32], (wx, wh, b): (Span, Span, Span), xs: &[Vec<f32>]) -> LstmTrace {
    let n = xs.len();
    let mut tr = LstmTrace {
        gates: Vec::with_capacity(n),
        c: Vec::with_capacity(n),
        tc: Vec::with_capacity(n),
        h: Vec::with_capacity(n),
    };
    let zero = vec![0f32; H];
    for (t, x) in xs.iter().enumerate() {
        let mut pre = vec![0f32; 4 * H];
        affine(sl(w, wx), Some(sl(w, b)), x, &mut pre);
        let h_prev = if t > 0 { &tr.h[t - 1] } else { &zero };
        let whs = sl(w, wh);
        for (r, p) in pre.iter_mut().enumerate() {
            *p += dot(&whs[r * H..(r + 1) * H], h_prev);
        }
        for k in 0..H {
            pre[k] = sigmoid(pre[k]);
            pre[H + k] = sigmoid(pre[H + k]);
            pre[2 * H + k] = pre[2 * H + k].tanh();
            pre[3 * H + k] = sigmoid(pre[3 * H + k]);
        }
        let c_prev = if t > 0 { &tr.c[t - 1] } else { &zero };
        let mut c = vec![0f32; H];
        let mut tc = vec![0f32; H];
        let mut h = vec![0f32; H];
        for k in 0..H {
            c[k] = pre[H + k] * c_prev[k] + pre[k] * pre[2 * H + k];
            tc[k] = c[k].tanh();
            h[k] = pre[3 * H + k] * tc[k];
        }
        tr.gates.push(pre);
        tr.c.push(c);
        tr.tc.push(tc);
        tr.h.push(h);
    }
    tr
}

/// Back through one direction: `dh[t]` the loss's gradient at each output; returns the
/// gradient at each input, adds the weights' to `g`.
fn lstm_dir_back(
    w: &[f32],
    g: &mut [f32],
    (wx, wh, b): (Span, Span, Span),
    xs: &[Vec<f32>],
    tr: &LstmTrace,
    dh: &[Vec<f32>],
) -> Vec<Vec<f32>> {
    let n = xs.len();
    let input = xs.first().map_or(0, Vec::len);
    let mut dxs = vec![vec![0f32; input]; n];
    let mut dh_next = vec![0f32; H];
    let mut dc_next = vec![0f32; H];
    let zero = vec![0f32; H];
    let mut dpre = vec![0f32; 4 * H];
    for t in (0..n).rev() {
        let gt = &tr.gates[t];
        let c_prev = if t > 0 { &tr.c[t - 1] } else { &zero };
        for k in 0..H {
            let dht = dh[t][k] + dh_next[k];
            let (i, f, gg, o) = (gt[k], gt[H + k], gt[2 * H + k], gt[3 * H + k]);
            let tc = tr.tc[t][k];
            let d_o = dht * tc;
            let dc = dht * o * (1.0 - tc * tc) + dc_next[k];
            let di = dc * gg;
            let dg = dc * i;
            let df = dc * c_prev[k];
            dc_next[k] = dc * f;
            dpre[k] = di * i * (1.0 - i);
            dpre[H + k] = df * f * (1.0 - f);
            dpre[2 * H + k] = dg * (1.0 - gg * gg);
            dpre[3 * H + k] = d_o * o * (1.0 - o);
        }
        axpy(sl_mut(g, b), 1.0, &dpre);
        {
            let (wxs, gwx) = (sl(w, wx), &mut g[wx.at..wx.at + wx.rows * wx.cols]);
            affine_back(wxs, gwx, &xs[t], &dpre, Some(&mut dxs[t]));
        }
        let h_prev = if t > 0 { &tr.h[t - 1] } else { &zero };
        dh_next.iter_mut().for_each(|d| *d = 0.0);
        let (whs, gwh) = (sl(w, wh), &mut g[wh.at..wh.at + wh.rows * wh.cols]);
        affine_back(whs, gwh, h_prev, &dpre, Some(&mut dh_next));
    }
    dxs
}

fn tanh_layer(w: &[f32], wm: Span, bm: Span, xs: &[Vec<f32>], out: usize) -> Vec<Vec<f32>> {
    xs.iter()
        .map(|x| {
            let mut y = vec![0f32; out];
            affine(sl(w, wm), Some(sl(w, bm)), x, &mut y);
            y.iter_mut().for_each(|v| *v = v.tanh());
            y
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn tanh_layer_back(
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

/// A word's hashed spelling features: its last three and two letters, first two, and shape.
fn spelling(form: &str) -> [usize; SUBS] {
    let lower: Vec<char> = normalise(form).chars().collect();
    let n = lower.len();
    let part = |a: usize, b: usize| lower[a.min(n)..b.min(n)].iter().collect::<String>();
    let shape: String = form
        .chars()
        .map(|c| if c.is_uppercase() { 'X' } else if c.is_lowercase() { 'x' } else if c.is_ascii_digit() { 'd' } else { c })
        .fold(String::new(), |mut s, c| {
            if !s.ends_with(c) || s.chars().rev().take_while(|&x| x == c).count() < 2 {
                s.push(c);
            }
            s
        });
    let keys = [
        format!("s3 {}", part(n.saturating_sub(3), n)),
        format!("s2 {}", part(n.saturating_sub(2), n)),
        format!("p2 {}", part(0, 2)),
        format!("sh {shape}"),
    ];
    keys.map(|k| {
        let mut h: u64 = 0xcbf29ce484222325;
        for b in k.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        (h % HASH_ROWS as u64) as usize
    })
}

fn normalise(word: &str) -> String {
    word.to_lowercase().chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

impl Model {
    /// A model with random weights for these sentences' words and these labels.
    pub fn new(train: &[Example], labels: Vec<String>, seed: u64) -> Model {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for ex in train {
            for w in &ex.words {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
        let mut kept: Vec<(&str, u32)> = counts.into_iter().filter(|(_, c)| *c >= 2).collect();
        kept.sort();
        let mut vocab = HashMap::new();
        let mut freq = vec![0, 0];
        for (k, (w, c)) in kept.into_iter().enumerate() {
            vocab.insert(w.to_string(), k + 2);
            freq.push(c);
        }
        let layout = Layout::new(freq.len(), labels.len());
        let mut w = vec![0f32; layout.len];
        let mut rng = Rng(seed);
        let mut fill = |w: &mut [f32], s: Span, r: f32| {
            for v in sl_mut(w, s) {
                *v = (rng.unit() * 2.0 - 1.0) * r;
            }
        };
        let glorot = |s: Span| (6.0 / (s.rows + s.cols) as f32).sqrt();
        fill(&mut w, layout.ew, (3.0 / E as f32).sqrt());
        fill(&mut w, layout.eh, (3.0 / E as f32).sqrt() * 0.5);
        fill(&mut w, layout.et, (3.0 / T as f32).sqrt());
        for layer in layout.lstm {
            for (wx, wh, b) in layer {
                fill(&mut w, wx, (6.0 / (H + wx.cols) as f32).sqrt());
                fill(&mut w, wh, (6.0 / (2 * H) as f32).sqrt());
                // The forget gate starts open.
                sl_mut(&mut w, b)[H..2 * H].iter_mut().for_each(|v| *v = 1.0);
            }
        }
        for s in [layout.w_ad, layout.w_ah, layout.w_ld, layout.w_lh, layout.w_l, layout.w_tg, layout.w_tag] {
            fill(&mut w, s, glorot(s));
        }
        fill(&mut w, layout.u, 0.0);
        Model { vocab, freq, labels, layout, w }
    }

    fn forward(&self, ex: &Example, mut rng: Option<(&mut Rng, f32)>) -> Trace {
        let w = &self.w;
        let lay = &self.layout;
        let n = ex.words.len() + 1;
        let mut words = vec![ROOT];
        let mut subs = vec![[0usize; SUBS]];
        subs.extend(ex.subs.iter().copied());
        let mut tags = vec![NTAGS - 1];
        for (word, &tag) in ex.words.iter().zip(&ex.tags) {
            let mut id = self.vocab.get(word).copied().unwrap_or(UNK);
            if let Some((rng, _)) = rng.as_mut() {
                let f = self.freq[id] as f32;
                if id != UNK && rng.unit() < 0.25 / (0.25 + f) {
                    id = UNK;
                }
            }
            words.push(id);
            tags.push(tag);
        }
        let mut dropout = |len: usize| -> Vec<f32> {
            match rng.as_mut() {
                Some((rng, p)) => (0..len)
                    .map(|_| if rng.unit() < *p { 0.0 } else { 1.0 / (1.0 - *p) })
                    .collect(),
                None => vec![1.0; len],
            }
        };
        let mut x = Vec::with_capacity(n);
        let mut mask_x = Vec::with_capacity(n);
        for t in 0..n {
            let mut v = Vec::with_capacity(E + T);
            v.extend_from_slice(&sl(w, lay.ew)[words[t] * E..(words[t] + 1) * E]);
            if t > 0 {
                for &h in &subs[t] {
                    axpy(&mut v[..E], 1.0, &sl(w, lay.eh)[h * E..(h + 1) * E]);
                }
            }
            v.extend_from_slice(&sl(w, lay.et)[tags[t] * T..(tags[t] + 1) * T]);
            let m = dropout(E + T);
            v.iter_mut().zip(&m).for_each(|(v, m)| *v *= m);
            x.push(v);
            mask_x.push(m);
        }
        let mut layer_in = Vec::new();
        let mut dirs = Vec::new();
        let mut masks = Vec::new();
        let mut cur = x.clone();
        for layer in lay.lstm {
            let fwd = lstm_dir(w, layer[0], &cur);
            let rev: Vec<Vec<f32>> = cur.iter().rev().cloned().collect();
            let bwd = lstm_dir(w, layer[1], &rev);
            let mut out = Vec::with_capacity(n);
            let mut mask = Vec::with_capacity(n);
            for t in 0..n {
                let mut v = fwd.h[t].clone();
                v.extend_from_slice(&bwd.h[n - 1 - t]);
                let m = dropout(2 * H);
                v.iter_mut().zip(&m).for_each(|(v, m)| *v *= m);
                out.push(v);
                mask.push(m);
            }
            layer_in.push(std::mem::replace(&mut cur, out));
            dirs.push([fwd, bwd]);
            masks.push(mask);
        }
        let top = cur;
        let ad = tanh_layer(w, lay.w_ad, lay.b_ad, &top, A);
        let ah = tanh_layer(w, lay.w_ah, lay.b_ah, &top, A);
        let ld = tanh_layer(w, lay.w_ld, lay.b_ld, &top, B);
        let lh = tanh_layer(w, lay.w_lh, lay.b_lh, &top, B);
        let tg = tanh_layer(w, lay.w_tg, lay.b_tg, &top, B);
        let p: Vec<Vec<f32>> = ah
            .iter()
            .map(|a| {
                let mut y = vec![0f32; A];
                affine(sl(w, lay.u), None, a, &mut y);
                y
            })
            .collect();
        let q: Vec<f32> = ah.iter().map(|a| dot(sl(w, lay.u_bias), a)).collect();
        Trace { words, subs, tags, x, mask_x, layer_in, dirs, masks, top, ad, ah, ld, lh, p, q, tg }
    }

    /// Arc scores, `s[d][h]`: dependent d (from 1) on head h.
    fn arc_scores(tr: &Trace) -> Vec<Vec<f32>> {
        let n = tr.ad.len();
        (0..n)
            .map(|d| {
                (0..n)
                    .map(|h| {
                        if d == 0 || h == d {
                            f32::NEG_INFINITY
                        } else {
                            dot(&tr.ad[d], &tr.p[h]) + tr.q[h]
                        }
                    })
                    .collect()
            })
            .collect()
    }

    fn label_input(tr: &Trace, d: usize, h: usize) -> Vec<f32> {
        let mut z = Vec::with_capacity(3 * B);
        z.extend_from_slice(&tr.ld[d]);
        z.extend_from_slice(&tr.lh[h]);
        z.extend(tr.ld[d].iter().zip(&tr.lh[h]).map(|(a, b)| a * b));
        z
    }

    fn tag_scores(&self, z: &[f32]) -> Vec<f32> {
        let mut y = vec![0f32; NTAGS - 1];
        affine(sl(&self.w, self.layout.w_tag), Some(sl(&self.w, self.layout.b_tag)), z, &mut y);
        y
    }

    fn label_scores(&self, z: &[f32]) -> Vec<f32> {
        let mut y = vec![0f32; self.labels.len()];
        affine(sl(&self.w, self.layout.w_l), Some(sl(&self.w, self.layout.b_l)), z, &mut y);
        y
    }

    /// The loss of one sentence; adds its gradient to `g`.
    fn learn(&self, ex: &Example, rng: &mut Rng, dropout: f32, g: &mut [f32]) -> f32 {
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
        let mut d_ld = vec![vec![0f32; B]; n];
        let mut d_lh = vec![vec![0f32; B]; n];
        let mut d_tg = vec![vec![0f32; B]; n];
        for d in 1..n {
            let tp = softmax(&self.tag_scores(&tr.tg[d]));
            let gold_tag = ex.gold_tags[d - 1];
            loss -= tp[gold_tag].max(1e-30).ln();
            let dt: Vec<f32> =
                tp.iter().enumerate().map(|(k, p)| p - if k == gold_tag { 1.0 } else { 0.0 }).collect();
            axpy(sl_mut(g, lay.b_tag), 1.0, &dt);
            let gw = &mut g[lay.w_tag.at..lay.w_tag.at + lay.w_tag.rows * lay.w_tag.cols];
            affine_back(sl(w, lay.w_tag), gw, &tr.tg[d], &dt, Some(&mut d_tg[d]));
        }
        for d in 1..n {
            let gold = ex.heads[d - 1];
            let probs = softmax(&s[d]);
            loss -= probs[gold].max(1e-30).ln();
            for h in 0..n {
                let ds = probs[h] - if h == gold { 1.0 } else { 0.0 };
                if ds == 0.0 {
                    continue;
                }
                axpy(&mut d_ad[d], ds, &tr.p[h]);
                axpy(&mut d_p[h], ds, &tr.ad[d]);
                d_q[h] += ds;
            }
            let z = Self::label_input(&tr, d, gold);
            let lp = softmax(&self.label_scores(&z));
            let label = ex.labels[d - 1];
            loss -= lp[label].max(1e-30).ln();
            let dl: Vec<f32> = lp
                .iter()
                .enumerate()
                .map(|(k, p)| p - if k == label { 1.0 } else { 0.0 })
                .collect();
            axpy(sl_mut(g, lay.b_l), 1.0, &dl);
            let mut dz = vec![0f32; 3 * B];
            affine_back(
                sl(w, lay.w_l),
                &mut g[lay.w_l.at..lay.w_l.at + lay.w_l.rows * lay.w_l.cols],
                &z,
                &dl,
                Some(&mut dz),
            );
            for k in 0..B {
                d_ld[d][k] += dz[k] + dz[2 * B + k] * tr.lh[gold][k];
                d_lh[gold][k] += dz[B + k] + dz[2 * B + k] * tr.ld[d][k];
            }
        }
        for h in 0..n {
            let gu = &mut g[lay.u.at..lay.u.at + lay.u.rows * lay.u.cols];
            affine_back(sl(w, lay.u), gu, &tr.ah[h], &d_p[h], Some(&mut d_ah[h]));
            axpy(&mut d_ah[h], d_q[h], sl(w, lay.u_bias));
            axpy(sl_mut(g, lay.u_bias), d_q[h], &tr.ah[h]);
        }
        let mut d_top = vec![vec![0f32; 2 * H]; n];
        tanh_layer_back(w, g, lay.w_ad, lay.b_ad, &tr.top, &tr.ad, &d_ad, &mut d_top);
        tanh_layer_back(w, g, lay.w_ah, lay.b_ah, &tr.top, &tr.ah, &d_ah, &mut d_top);
        tanh_layer_back(w, g, lay.w_ld, lay.b_ld, &tr.top, &tr.ld, &d_ld, &mut d_top);
        tanh_layer_back(w, g, lay.w_lh, lay.b_lh, &tr.top, &tr.lh, &d_lh, &mut d_top);
        tanh_layer_back(w, g, lay.w_tg, lay.b_tg, &tr.top, &tr.tg, &d_tg, &mut d_top);
        let mut d_out = d_top;
        for l in (0..lay.lstm.len()).rev() {
            let mut dh_f = Vec::with_capacity(n);
            let mut dh_b = vec![Vec::new(); n];
            for t in 0..n {
                let d: Vec<f32> = d_out[t].iter().zip(&tr.masks[l][t]).map(|(d, m)| d * m).collect();
                dh_f.push(d[..H].to_vec());
                dh_b[n - 1 - t] = d[H..].to_vec();
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
        for t in 0..n {
            let d: Vec<f32> = d_out[t].iter().zip(&tr.mask_x[t]).map(|(d, m)| d * m).collect();
            let wi = tr.words[t];
            axpy(&mut sl_mut(g, lay.ew)[wi * E..(wi + 1) * E], 1.0, &d[..E]);
            if t > 0 {
                for &h in &tr.subs[t] {
                    axpy(&mut sl_mut(g, lay.eh)[h * E..(h + 1) * E], 1.0, &d[..E]);
                }
            }
            let ti = tr.tags[t];
            axpy(&mut sl_mut(g, lay.et)[ti * T..(ti + 1) * T], 1.0, &d[E..]);
        }
        let _ = &tr.x;
        loss
    }

    /// Heads (0 the root) and label numbers of one sentence: the best projective tree with
    /// one word on the root (Eisner's algorithm over the heads' log-probabilities).
    pub fn parse(&self, ex: &Example) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
        let tr = self.forward(ex, None);
        let s = Self::arc_scores(&tr);
        let n = s.len();
        // score[h][d] as log-probabilities of each word's head.
        let mut score = vec![vec![f32::NEG_INFINITY; n]; n];
        for d in 1..n {
            let lp = log_softmax(&s[d]);
            for h in 0..n {
                score[h][d] = lp[h];
            }
        }
        let heads = eisner(&score);
        let labels = (1..n)
            .map(|d| {
                let z = Self::label_input(&tr, d, heads[d - 1]);
                argmax(&self.label_scores(&z))
            })
            .collect();
        let tags = (1..n).map(|d| argmax(&self.tag_scores(&tr.tg[d]))).collect();
        (heads, labels, tags)
    }
}

fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (k, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = k;
        }
    }
    best
}

fn softmax(v: &[f32]) -> Vec<f32> {
    let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = v.iter().map(|x| (x - m).exp()).collect();
    let z: f32 = e.iter().sum();
    e.into_iter().map(|x| x / z).collect()
}

fn log_softmax(v: &[f32]) -> Vec<f32> {
    let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let z: f32 = v.iter().map(|x| (x - m).exp()).sum::<f32>().ln() + m;
    v.iter().map(|x| x - z).collect()
}

/// Eisner's algorithm, one word on the root: `score[h][d]`; returns each word's head.
fn eisner(score: &[Vec<f32>]) -> Vec<usize> {
    let n = score.len();
    let idx = |s: usize, t: usize| s * n + t;
    let ninf = f32::NEG_INFINITY;
    // [0]: head on the right (t), [1]: head on the left (s).
    let mut comp = [vec![ninf; n * n], vec![ninf; n * n]];
    let mut inc = [vec![ninf; n * n], vec![ninf; n * n]];
    let mut comp_at = [vec![0usize; n * n], vec![0usize; n * n]];
    let mut inc_at = [vec![0usize; n * n], vec![0usize; n * n]];
    for s in 0..n {
        comp[0][idx(s, s)] = 0.0;
        comp[1][idx(s, s)] = 0.0;
    }
    for k in 1..n {
        for s in 0..n - k {
            let t = s + k;
            let (mut best, mut at) = (ninf, s);
            let last = if s == 0 { s } else { t - 1 };
            for r in s..=last {
                let v = comp[1][idx(s, r)] + comp[0][idx(r + 1, t)];
                if v > best {
                    best = v;
                    at = r;
                }
            }
            // t heads s (never the root as a dependent), and s heads t.
            if s > 0 {
                // the split for t heading s may use any r.
                let (mut b2, mut at2) = (ninf, s);
                for r in s..t {
                    let v = comp[1][idx(s, r)] + comp[0][idx(r + 1, t)];
                    if v > b2 {
                        b2 = v;
                        at2 = r;
                    }
                }
                inc[0][idx(s, t)] = b2 + score[t][s];
                inc_at[0][idx(s, t)] = at2;
            }
            inc[1][idx(s, t)] = best + score[s][t];
            inc_at[1][idx(s, t)] = at;
            let (mut b, mut a) = (ninf, s);
            for r in s..t {
                let v = comp[0][idx(s, r)] + inc[0][idx(r, t)];
                if v > b {
                    b = v;
                    a = r;
                }
            }
            comp[0][idx(s, t)] = b;
            comp_at[0][idx(s, t)] = a;
            let (mut b, mut a) = (ninf, t);
            for r in s + 1..=t {
                let v = inc[1][idx(s, r)] + comp[1][idx(r, t)];
                if v > b {
                    b = v;
                    a = r;
                }
            }
            comp[1][idx(s, t)] = b;
            comp_at[1][idx(s, t)] = a;
        }
    }
    let mut heads = vec![0usize; n];
    // (kind, dir, s, t): kind 0 complete, 1 incomplete.
    let mut stack = vec![(0u8, 1usize, 0usize, n - 1)];
    while let Some((kind, dir, s, t)) = stack.pop() {
        if s == t {
            continue;
        }
        if kind == 1 {
            let r = inc_at[dir][idx(s, t)];
            if dir == 1 {
                heads[t] = s;
            } else {
                heads[s] = t;
            }
            stack.push((0, 1, s, r));
            stack.push((0, 0, r + 1, t));
        } else if dir == 0 {
            let r = comp_at[0][idx(s, t)];
            stack.push((0, 0, s, r));
            stack.push((1, 0, r, t));
        } else {
            let r = comp_at[1][idx(s, t)];
            stack.push((1, 1, s, r));
            stack.push((0, 1, r, t));
        }
    }
    heads[1..].to_vec()
}

/// Trains on `train`, reporting after each epoch (epoch, mean loss, model).
pub fn train(
    train: &[Example],
    labels: Vec<String>,
    config: &Config,
    mut report: impl FnMut(usize, f32, &Model),
) -> Model {
    let mut model = Model::new(train, labels, config.seed);
    let len = model.w.len();
    let mut m = vec![0f32; len];
    let mut v = vec![0f32; len];
    let mut grads = vec![vec![0f32; len]; config.threads.max(1)];
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
            let per = batch.len().div_ceil(grads.len());
            let losses: Vec<f32> = std::thread::scope(|scope| {
                let model = &model;
                let handles: Vec<_> = grads
                    .iter_mut()
                    .zip(batch.chunks(per))
                    .map(|(g, part)| {
                        scope.spawn(move || {
                            g.iter_mut().for_each(|x| *x = 0.0);
                            let mut loss = 0.0;
                            for &k in part {
                                let mut r = Rng(config.seed
                                    ^ ((epoch as u64) << 40)
                                    ^ (k as u64).wrapping_mul(0x2545F4914F6CDD1D));
                                loss += model.learn(&train[k], &mut r, config.dropout, g);
                            }
                            loss
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let used = batch.chunks(per).count();
            total += losses.iter().map(|&l| l as f64).sum::<f64>();
            words += batch.iter().map(|&k| train[k].words.len()).sum::<usize>();
            let (first, rest) = grads.split_at_mut(1);
            for other in rest.iter().take(used - 1) {
                axpy(&mut first[0], 1.0, other);
            }
            let g = &mut first[0];
            let norm = g.iter().map(|x| x * x).sum::<f32>().sqrt();
            let scale = if norm > 5.0 { 5.0 / norm } else { 1.0 };
            step += 1;
            // Constant for the first half, then down linearly to a tenth at the end.
            let half = config.epochs as f32 / 2.0;
            let decay = if (epoch as f32) <= half {
                1.0
            } else {
                1.0 - 0.9 * (epoch as f32 - half) / half
            };
            let lr = decay * config.lr * (1.0 - b2.powi(step)).sqrt() / (1.0 - b1.powi(step));
            for k in 0..len {
                let gk = g[k] * scale;
                m[k] = b1 * m[k] + (1.0 - b1) * gk;
                v[k] = b2 * v[k] + (1.0 - b2) * gk * gk;
                model.w[k] -= lr * m[k] / (v[k].sqrt() + eps);
            }
        }
        eprintln!(
            "epoch {epoch}: {:.1}s, {:.0} words/s",
            started.elapsed().as_secs_f32(),
            words as f32 / started.elapsed().as_secs_f32()
        );
        report(epoch, (total / words as f64) as f32, &model);
    }
    model
}

/// The training and dev sentences as examples: the training sentences tagged by taggers that
/// did not see them (`folds` folds), the dev ones by the builtin tagger, as the shipped parser.
pub fn examples(
    train: &[Sentence],
    dev: &[Sentence],
    folds: usize,
) -> (Vec<Example>, Vec<Example>, Vec<String>) {
    let data: Vec<(Vec<&str>, Vec<Upos>)> = train
        .iter()
        .map(|s| {
            (s.forms(), s.words.iter().map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X)).collect())
        })
        .collect();
    let mut tags: Vec<Vec<Upos>> = vec![Vec::new(); data.len()];
    for fold in 0..folds {
        let kept: Vec<(Vec<&str>, Vec<Upos>)> =
            data.iter().enumerate().filter(|(k, _)| k % folds != fold).map(|(_, d)| d.clone()).collect();
        let tagger = super::pos::train(&kept, 8, 17, |_, _| {});
        for (k, (words, _)) in data.iter().enumerate().filter(|(k, _)| k % folds == fold) {
            tags[k] = tagger.tag(words);
        }
        eprintln!("fold {} tagged", fold + 1);
    }
    let mut labels: Vec<String> = train.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.clone())).collect();
    labels.sort();
    labels.dedup();
    let label_of = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0);
    let to_example = |s: &Sentence, tags: Vec<Upos>| Example {
        words: s.words.iter().map(|w| normalise(&w.form)).collect(),
        tags: tags.iter().map(|t| t.index()).collect(),
        heads: s.words.iter().map(|w| w.head.parse().unwrap_or(0)).collect(),
        labels: s.words.iter().map(|w| label_of(&w.deprel)).collect(),
        subs: s.words.iter().map(|w| spelling(&w.form)).collect(),
        gold_tags: s.words.iter().map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X).index()).collect(),
    };
    let train_ex: Vec<Example> = train.iter().zip(tags).map(|(s, t)| to_example(s, t)).collect();
    let analyzer = super::builtin().expect("builtin model");
    let dev_ex: Vec<Example> = dev
        .iter()
        .map(|s| {
            let tags = analyzer.analyse(&s.forms()).into_iter().map(|a| a.upos).collect();
            to_example(s, tags)
        })
        .collect();
    (train_ex, dev_ex, labels)
}

/// UAS and LAS (the relation without its subtype, as the CoNLL 2018 scorer) over `dev`.
pub type Parse = (Vec<usize>, Vec<usize>, Vec<usize>);

/// The name of a part of speech by number.
pub fn upos_name(k: usize) -> &'static str {
    Upos::ALL.get(k).map_or("X", |u| u.as_str())
}

/// UAS, LAS and UPOS over `dev`, and the parses.
pub fn evaluate(model: &Model, dev: &[Example]) -> (f64, f64, f64, Vec<Parse>) {
    let (mut words, mut uas, mut las, mut upos) = (0usize, 0usize, 0usize, 0usize);
    let mut out = Vec::new();
    for ex in dev {
        let (heads, labels, tags) = model.parse(ex);
        for k in 0..heads.len() {
            words += 1;
            upos += usize::from(tags[k] == ex.gold_tags[k]);
            if heads[k] == ex.heads[k] {
                uas += 1;
                let a = model.labels[labels[k]].split(':').next();
                let b = model.labels[ex.labels[k]].split(':').next();
                if a == b {
                    las += 1;
                }
            }
        }
        out.push((heads, labels, tags));
    }
    let pc = |k: usize| 100.0 * k as f64 / words as f64;
    (pc(uas), pc(las), pc(upos), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradients_match_finite_differences() {
        let ex = Example {
            words: vec!["the".into(), "dog".into(), "barks".into(), "the".into(), "dog".into()],
            tags: vec![5, 7, 15, 5, 7],
            heads: vec![2, 3, 0, 5, 3],
            labels: vec![0, 1, 2, 0, 3],
            subs: vec![[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [1, 2, 3, 4], [5, 6, 7, 8]],
            gold_tags: vec![5, 7, 15, 5, 7],
        };
        let labels = vec!["det".into(), "nsubj".into(), "root".into(), "obj".into()];
        let mut model = Model::new(&[ex.clone(), ex.clone()], labels, 3);
        // Larger weights everywhere so that every path carries gradient.
        let mut rng = Rng(9);
        for v in model.w.iter_mut() {
            *v += (rng.unit() - 0.5) * 0.2;
        }
        let mut g = vec![0f32; model.w.len()];
        model.learn(&ex, &mut Rng(1), 0.0, &mut g);
        let lay = &model.layout;
        let mut picks = vec![];
        for s in [lay.ew, lay.eh, lay.et, lay.lstm[0][0].0, lay.lstm[0][1].1, lay.lstm[1][0].2, lay.lstm[1][1].0, lay.w_ad, lay.b_ah, lay.u, lay.u_bias, lay.w_ld, lay.w_lh, lay.w_l, lay.b_l, lay.w_tg, lay.w_tag, lay.b_tag] {
            for k in 0..3 {
                let i = s.at + (rng.next() as usize % (s.rows * s.cols));
                let _ = k;
                picks.push(i);
            }
        }
        let mut bad = 0;
        for i in picks {
            let old = model.w[i];
            let eps = 1e-2;
            model.w[i] = old + eps;
            let up = model.learn(&ex, &mut Rng(1), 0.0, &mut vec![0f32; g.len()]);
            model.w[i] = old - eps;
            let down = model.learn(&ex, &mut Rng(1), 0.0, &mut vec![0f32; g.len()]);
            model.w[i] = old;
            let num = (up - down) / (2.0 * eps);
            let err = (num - g[i]).abs() / (num.abs() + g[i].abs()).max(1e-3);
            if err > 0.05 && (num - g[i]).abs() > 5e-4 {
                eprintln!("weight {i}: numeric {num} analytic {}", g[i]);
                bad += 1;
            }
        }
        assert_eq!(bad, 0);
    }

    #[test]
    fn eisner_makes_one_tree_with_one_root() {
        let n = 6;
        let mut rng = Rng(5);
        let score: Vec<Vec<f32>> = (0..n).map(|_| (0..n).map(|_| rng.unit()).collect()).collect();
        let heads = eisner(&score);
        assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
        for d in 1..n {
            let mut h = d;
            for _ in 0..n {
                if h != 0 {
                    h = heads[h - 1];
                }
            }
            assert_eq!(h, 0);
        }
    }
}
