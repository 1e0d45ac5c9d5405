//! A graph-based dependency parser and tagger over a two-layer BiLSTM (Kiperwasser and
//! Goldberg 2016; the arcs scored by a biaffine map as Dozat and Manning 2017), written and
//! trained here by hand on the CPU: no neural-network crate, no download, the same weights
//! on one thread or two.
//!
//! Each word reads its lowercase form (digits as 0; words seen once in training are unknown),
//! hashed spelling features summed into the word's vector (four: last three and two letters,
//! first two, shape; or eight: also the last one and four, the first one and three), and,
//! as the network's [`Shape`] says ([`TagInput`]), the perceptron tagger's part of speech
//! (jackknifed in training), one learned vector the same for every word, or nothing.
//! Two BiLSTM layers (128 a direction, or as the shape says) feed four small tanh layers: a
//! dependent's and a head's view for arcs (128), the same for relations (64), and one for the part of speech (the
//! tagger's guess learned again, from context). Arcs: `s(d, h) = dep_d · U head_h + u ·
//! head_h`, a softmax over each word's heads in training, Eisner's algorithm (one word on the
//! root) on the log-probabilities when parsing (skipped where every word's clearly best head
//! already makes such a tree, `eisner::clear_tree`); relations: a linear map of the dependent's
//! view, the head's and their product. Training: cross-entropy of heads, relations and parts
//! of speech, Adam (β₂ 0.9), batches of 32 sentences, dropout a third, word dropout.
//!
//! Issue 13's measured design, used by the analyzer only when given its model file
//! ([`super::from_file_bytes`]): on EWT dev it reaches every accuracy target (UPOS 95.62,
//! UAS 88.65, LAS 85.62 after 24 epochs). It parses with [`Parser`]: the products in 8-bit
//! integers (`quant`) and several sentences at once ([`Parser::parse_batch`]), about 60,000
//! to 65,000 words a second on one core with AVX-512 VNNI (session 36; the criterion bench of
//! tokenizer, tagger and parser 58,000 tokens a second in session 40, against the target's
//! 100,000); the claim rules, tuned on the shipped parser's habits, lose F1 on its parses
//! (see `models/README.md`). [`Shape::TAGLESS`] (sessions 41 and 42: LSTM 96, no tagger,
//! eight spellings) runs at about 1.65 to 1.75 times the shipped analyzer's cost (with VNNI,
//! and since session 42 with AVX2 alone), short of the accuracy targets by 0.05 to 0.2 UPOS
//! (met since session 43, where the perceptron tagger gives a second opinion on the words
//! the network doubts: 95.59 with session 42's network) and 0.15 to 0.35 LAS from one
//! training run to the next (session 44: the part-of-speech view on the first layer, or
//! wider relation views, gave no more).
//! `examples/neural.rs` trains and measures it. [`Ensemble`] (session 45) parses with
//! several networks as one, and teaches a network its probabilities ([`Example::soft`]):
//! four networks give EWT dev LAS 86.02, and the network they taught through their parses of
//! news text gained parts of speech, not LAS (`models/README.md`); taught through 1.76 times
//! that text (session 46), a tagless network reaches every accuracy target through the
//! analyzer (UPOS 95.72, LEMMA 97.29, UAS 88.61, LAS 85.72), at the LSTM 96's cost, with
//! claims dev 0.802 against the shipped parser's 0.812.

mod data;
mod eisner;
mod ensemble;
mod infer;
mod io;
mod learn;
mod lstm;
mod math;
mod quant;
mod shape;
pub mod silver;
#[cfg(test)]
mod tests;

pub use data::{evaluate, examples, tagged_examples};
pub use ensemble::Ensemble;
pub use learn::{Epoch, train};
pub use shape::{Shape, TagInput};

use super::{Sentence, Upos};
use lstm::{LstmTrace, lstm_dir};
use math::{Rng, affine, axpy, dot, sl, sl_mut, tanh_layer};
use std::collections::HashMap;

const E: usize = 100; // word embedding
const T: usize = 32; // tag embedding
const A: usize = 128; // arc MLP
const B: usize = 64; // label MLP
const NTAGS: usize = 18; // 17 UPOS + root
/// The most hashed spelling features a word has (a [`Shape`] reads the first few).
const SPELLINGS: usize = 8;
/// BiLSTM layers.
const LAYERS: usize = 2;

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Sentences a step of the optimiser (Adam).
    pub batch: usize,
    /// Adam's learning rate (constant over the first half, then down to a tenth).
    pub lr: f32,
    /// The share of embedding and LSTM outputs dropped in training.
    pub dropout: f32,
    /// Seed of the initial weights, the visiting order and the dropout.
    pub seed: u64,
    /// Threads (1 or 2): the weights are the same either way.
    pub threads: usize,
    /// The network's sizes.
    pub shape: Shape,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 24,
            batch: 32,
            lr: 2e-3,
            dropout: 0.33,
            seed: 17,
            threads: 2,
            shape: Shape::TAGGED,
        }
    }
}

#[derive(Clone, Copy)]
pub(super) struct Span {
    pub(super) at: usize,
    pub(super) rows: usize,
    pub(super) cols: usize,
}

/// Every weight in one vector; a tensor is a span of it.
struct Layout {
    pub(super) ew: Span,
    pub(super) eh: Span,
    pub(super) et: Span,
    pub(super) lstm: [[(Span, Span, Span); 2]; LAYERS], // layer, direction: Wx, Wh, b
    pub(super) w_ad: Span,
    pub(super) b_ad: Span,
    pub(super) w_ah: Span,
    pub(super) b_ah: Span,
    pub(super) u: Span,
    pub(super) u_bias: Span,
    pub(super) w_ld: Span,
    pub(super) b_ld: Span,
    pub(super) w_lh: Span,
    pub(super) b_lh: Span,
    pub(super) w_l: Span,
    pub(super) b_l: Span,
    pub(super) w_tg: Span,
    pub(super) b_tg: Span,
    pub(super) w_tag: Span,
    pub(super) b_tag: Span,
    pub(super) len: usize,
    pub(super) shape: Shape,
}

impl Layout {
    fn new(vocab: usize, labels: usize, shape: Shape) -> Layout {
        let h = shape.hidden;
        let mut at = 0;
        let mut span = |rows: usize, cols: usize| {
            let s = Span { at, rows, cols };
            at += rows * cols;
            s
        };
        let ew = span(vocab, E);
        let eh = span(shape.spelling_rows, E);
        let tag_rows = match shape.tags {
            TagInput::None => 0,
            TagInput::Constant => 1,
            TagInput::Tagger => NTAGS,
        };
        let et = span(tag_rows, T);
        let zero = Span { at: 0, rows: 0, cols: 0 };
        let mut lstm = [[(zero, zero, zero); 2]; LAYERS];
        for (l, layer) in lstm.iter_mut().enumerate() {
            let input = if l == 0 { shape.input() } else { 2 * h };
            for dir in layer.iter_mut() {
                *dir = (span(4 * h, input), span(4 * h, h), span(1, 4 * h));
            }
        }
        let w_ad = span(A, 2 * h);
        let b_ad = span(1, A);
        let w_ah = span(A, 2 * h);
        let b_ah = span(1, A);
        let u = span(A, A);
        let u_bias = span(1, A);
        let rv = shape.relation_view;
        let w_ld = span(rv, 2 * h);
        let b_ld = span(1, rv);
        let w_lh = span(rv, 2 * h);
        let b_lh = span(1, rv);
        let w_l = span(labels, 3 * rv);
        let b_l = span(1, labels);
        let w_tg = span(B, 2 * h);
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
            shape,
        }
    }

    /// The embedding rows of a word's spellings, as many as the shape reads.
    fn spelling_rows(&self, subs: &[u64; SPELLINGS]) -> impl Iterator<Item = usize> + use<> {
        let rows = self.shape.spelling_rows as u64;
        let subs = *subs;
        (0..self.shape.spellings).map(move |k| (subs[k] % rows) as usize)
    }
}

/// A sentence as the network reads it: normalised words, the tagger's parts of speech, the
/// gold heads (0 the root) and label numbers.
#[derive(Clone, Debug)]
pub struct Example {
    /// The words, lowercase, digits written 0.
    pub words: Vec<String>,
    /// The perceptron tagger's parts of speech, by number ([`Upos::index`]).
    pub tags: Vec<usize>,
    /// Each word's head, from 1; 0 the root (empty where only parsed).
    pub heads: Vec<usize>,
    /// Each word's relation, a number into the model's labels.
    pub labels: Vec<usize>,
    /// Hashed spelling features (suffixes, prefixes, shape) of each word, before they are
    /// cut to a network's rows (a [`Shape`] reads the first few).
    pub subs: Vec<[u64; SPELLINGS]>,
    /// The gold parts of speech (the tagging head learns them).
    pub gold_tags: Vec<usize>,
    /// What a teacher believes of each word ([`Ensemble::soft_targets`]), learned beside
    /// the heads, relations and parts of speech above; `None`: those alone.
    pub soft: Option<std::sync::Arc<Soft>>,
}

/// A teacher's probabilities for each word of a sentence: of each head (0 the root), of
/// each relation to the head its example gives, and of each part of speech.
#[derive(Clone, Debug, Default)]
pub struct Soft {
    /// Each word's probabilities of its heads (the sentence's words and the root).
    pub heads: Vec<Vec<f32>>,
    /// Each word's probabilities of the relations to its head.
    pub labels: Vec<Vec<f32>>,
    /// Each word's probabilities of the parts of speech.
    pub tags: Vec<Vec<f32>>,
}

struct Trace {
    pub(super) words: Vec<usize>,
    pub(super) subs: Vec<[u64; SPELLINGS]>,
    pub(super) tags: Vec<usize>,
    pub(super) mask_x: Vec<Vec<f32>>,
    pub(super) layer_in: Vec<Vec<Vec<f32>>>, // per layer: its inputs
    pub(super) dirs: Vec<[LstmTrace; 2]>, // per layer: forward, backward (backward in reversed order)
    pub(super) masks: Vec<Vec<Vec<f32>>>, // per layer: dropout of its outputs
    pub(super) top: Vec<Vec<f32>>,        // the last layer's outputs after dropout
    pub(super) ad: Vec<Vec<f32>>,
    pub(super) ah: Vec<Vec<f32>>,
    pub(super) ld: Vec<Vec<f32>>,
    pub(super) lh: Vec<Vec<f32>>,
    pub(super) p: Vec<Vec<f32>>, // U ah[j]
    pub(super) q: Vec<f32>,      // u · ah[j]
    pub(super) tg: Vec<Vec<f32>>,
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

impl Model {
    /// A model with random weights for these sentences' words and these labels.
    pub fn new(train: &[Example], labels: Vec<String>, seed: u64, shape: Shape) -> Model {
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
        let layout = Layout::new(freq.len(), labels.len(), shape);
        let h = shape.hidden;
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
                fill(&mut w, wx, (6.0 / (h + wx.cols) as f32).sqrt());
                fill(&mut w, wh, (6.0 / (2 * h) as f32).sqrt());
                // The forget gate starts open.
                sl_mut(&mut w, b)[h..2 * h].iter_mut().for_each(|v| *v = 1.0);
            }
        }
        for s in [
            layout.w_ad,
            layout.w_ah,
            layout.w_ld,
            layout.w_lh,
            layout.w_l,
            layout.w_tg,
            layout.w_tag,
        ] {
            fill(&mut w, s, glorot(s));
        }
        fill(&mut w, layout.u, 0.0);
        Model { vocab, freq, labels, layout, w }
    }

    fn forward(&self, ex: &Example, mut rng: Option<(&mut Rng, f32)>) -> Trace {
        let w = &self.w;
        let lay = &self.layout;
        let n = ex.words.len() + 1;
        let (h, input) = (lay.shape.hidden, lay.shape.input());
        let mut words = vec![ROOT];
        let mut subs = vec![[0u64; SPELLINGS]];
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
                Some((rng, p)) => {
                    (0..len).map(|_| if rng.unit() < *p { 0.0 } else { 1.0 / (1.0 - *p) }).collect()
                }
                None => vec![1.0; len],
            }
        };
        let mut x = Vec::with_capacity(n);
        let mut mask_x = Vec::with_capacity(n);
        for t in 0..n {
            let mut v = Vec::with_capacity(input);
            v.extend_from_slice(&sl(w, lay.ew)[words[t] * E..(words[t] + 1) * E]);
            if t > 0 {
                for r in lay.spelling_rows(&subs[t]) {
                    axpy(&mut v[..E], 1.0, &sl(w, lay.eh)[r * E..(r + 1) * E]);
                }
            }
            if let Some(row) = lay.shape.tag_row(tags[t]) {
                v.extend_from_slice(&sl(w, lay.et)[row * T..(row + 1) * T]);
            }
            let m = dropout(input);
            v.iter_mut().zip(&m).for_each(|(v, m)| *v *= m);
            x.push(v);
            mask_x.push(m);
        }
        let mut layer_in = Vec::new();
        let mut dirs = Vec::new();
        let mut masks = Vec::new();
        let mut cur = x;
        for layer in lay.lstm {
            let fwd = lstm_dir(w, layer[0], &cur);
            let rev: Vec<Vec<f32>> = cur.iter().rev().cloned().collect();
            let bwd = lstm_dir(w, layer[1], &rev);
            let mut out = Vec::with_capacity(n);
            let mut mask = Vec::with_capacity(n);
            for t in 0..n {
                let mut v = fwd.h[t].clone();
                v.extend_from_slice(&bwd.h[n - 1 - t]);
                let m = dropout(2 * h);
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
        let rv = lay.shape.relation_view;
        let ld = tanh_layer(w, lay.w_ld, lay.b_ld, &top, rv);
        let lh = tanh_layer(w, lay.w_lh, lay.b_lh, &top, rv);
        let tag_in = if lay.shape.tag_layer + 1 < LAYERS {
            &layer_in[lay.shape.tag_layer + 1]
        } else {
            &top
        };
        let tg = tanh_layer(w, lay.w_tg, lay.b_tg, tag_in, B);
        let p: Vec<Vec<f32>> = ah
            .iter()
            .map(|a| {
                let mut y = vec![0f32; A];
                affine(sl(w, lay.u), None, a, &mut y);
                y
            })
            .collect();
        let q: Vec<f32> = ah.iter().map(|a| dot(sl(w, lay.u_bias), a)).collect();
        Trace { words, subs, tags, mask_x, layer_in, dirs, masks, top, ad, ah, ld, lh, p, q, tg }
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
        label_features(&tr.ld[d], &tr.lh[h])
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

    /// The network's sizes.
    pub fn shape(&self) -> Shape {
        self.layout.shape
    }

    /// Heads (0 the root) and label numbers of one sentence: the best projective tree with
    /// one word on the root (Eisner's algorithm over the heads' log-probabilities).
    /// The products computed as training computes them (the parser the analyzer uses is
    /// [`Parser`], faster, with integer products).
    pub fn parse(&self, ex: &Example) -> Parse {
        let exact = infer::Exact(&self.w);
        self.decode(&exact, &[self.infer(ex)]).pop().unwrap_or_default()
    }
}

/// A model ready to parse: its products in 8-bit integers (`quant`), several times as fast
/// as [`Model::parse`] and within a few parses in ten thousand words of it.
pub struct Parser {
    model: Model,
    quantized: quant::Quantized,
}

impl Parser {
    /// The parser of a trained model.
    pub fn new(model: Model) -> Parser {
        let lay = &model.layout;
        let mut spans =
            vec![lay.w_ad, lay.w_ah, lay.w_ld, lay.w_lh, lay.w_tg, lay.u, lay.w_l, lay.w_tag];
        for layer in lay.lstm {
            spans.extend(layer.iter().flat_map(|&(wx, wh, _)| [wx, wh]));
        }
        let quantized = quant::Quantized::new(&model.w, &spans);
        Parser { model, quantized }
    }

    /// Heads (0 the root), label numbers and parts of speech of one sentence, as
    /// [`Model::parse`] but with the integer products.
    pub fn parse(&self, ex: &Example) -> Parse {
        let out = self.model.infer_with(&self.quantized, ex);
        self.model.decode(&self.quantized, &[out]).pop().unwrap_or_default()
    }

    /// The parses of several sentences, the same as one at a time but faster: the network
    /// takes them together (its weights read once for all). Memory grows with the words.
    pub fn parse_batch(&self, exs: &[Example]) -> Vec<Parse> {
        let outputs = self.model.infer_batch(&self.quantized, exs);
        self.model.decode(&self.quantized, &outputs)
    }

    /// [`Parser::parse_batch`] with each sentence's part-of-speech scores: `NTAGS - 1` a word
    /// (by [`Upos::index`]), the parse's tag the highest.
    pub fn parse_batch_scored(&self, exs: &[Example]) -> Vec<(Parse, Vec<f32>)> {
        let outputs = self.model.infer_batch(&self.quantized, exs);
        self.model.decode_scored(&self.quantized, &outputs)
    }

    /// Relation names, by number.
    pub fn labels(&self) -> &[String] {
        &self.model.labels
    }

    /// The network's sizes.
    pub fn shape(&self) -> Shape {
        self.model.shape()
    }
}

/// What the relation classifier reads of a dependent and its head: the dependent's view,
/// the head's, and their product.
fn label_features(ld: &[f32], lh: &[f32]) -> Vec<f32> {
    let mut z = Vec::with_capacity(3 * ld.len());
    z.extend_from_slice(ld);
    z.extend_from_slice(lh);
    z.extend(ld.iter().zip(lh).map(|(a, b)| a * b));
    z
}

/// A sentence's heads (from 1; 0 the root), relation numbers and parts of speech by number.
pub type Parse = (Vec<usize>, Vec<usize>, Vec<usize>);

/// The name of a part of speech by number.
pub fn upos_name(k: usize) -> &'static str {
    Upos::ALL.get(k).map_or("X", |u| u.as_str())
}
