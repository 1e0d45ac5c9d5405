//! One direction of an LSTM layer, forward and back.

use super::Span;
use super::math::{affine, affine_back, axpy, dot, sigmoid, sl, sl_mut, tanh};

/// What a forward pass over one direction keeps for the backward one.
pub(super) struct LstmTrace {
    pub(super) gates: Vec<Vec<f32>>, // i f g o after activation, 4H
    pub(super) c: Vec<Vec<f32>>,
    pub(super) tc: Vec<Vec<f32>>, // tanh(c)
    pub(super) h: Vec<Vec<f32>>,
}

#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn lstm_dir(w: &[f32], (wx, wh, b): (Span, Span, Span), xs: &[Vec<f32>]) -> LstmTrace {
    let n = xs.len();
    let mut tr = LstmTrace {
        gates: Vec::with_capacity(n),
        c: Vec::with_capacity(n),
        tc: Vec::with_capacity(n),
        h: Vec::with_capacity(n),
    };
    let hidden = wh.cols;
    let zero = vec![0f32; hidden];
    for (t, x) in xs.iter().enumerate() {
        let mut pre = vec![0f32; 4 * hidden];
        affine(sl(w, wx), Some(sl(w, b)), x, &mut pre);
        let h_prev = if t > 0 { &tr.h[t - 1] } else { &zero };
        let whs = sl(w, wh);
        for (r, p) in pre.iter_mut().enumerate() {
            *p += dot(&whs[r * hidden..(r + 1) * hidden], h_prev);
        }
        activate(&mut pre);
        let c_prev = if t > 0 { &tr.c[t - 1] } else { &zero };
        let mut c = vec![0f32; hidden];
        let mut tc = vec![0f32; hidden];
        let mut h = vec![0f32; hidden];
        for k in 0..hidden {
            c[k] = pre[hidden + k] * c_prev[k] + pre[k] * pre[2 * hidden + k];
            tc[k] = tanh(c[k]);
            h[k] = pre[3 * hidden + k] * tc[k];
        }
        tr.gates.push(pre);
        tr.c.push(c);
        tr.tc.push(tc);
        tr.h.push(h);
    }
    tr
}

/// The gates from their sums: input, forget and output squashed by the sigmoid, the
/// candidate by tanh (vectorised where the processor allows: the same bits either way).
/// Each gate a whole array of its own: no bounds checks in the loops, so the compiler makes
/// all of each one vector code (indexed into the slice, part of it ran a value at a time).
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn activate(pre: &mut [f32]) {
    let hidden = pre.len() / 4;
    let (i, rest) = pre.split_at_mut(hidden);
    let (f, rest) = rest.split_at_mut(hidden);
    let (g, o) = rest.split_at_mut(hidden);
    i.iter_mut().for_each(|v| *v = sigmoid(*v));
    f.iter_mut().for_each(|v| *v = sigmoid(*v));
    g.iter_mut().for_each(|v| *v = tanh(*v));
    o.iter_mut().for_each(|v| *v = sigmoid(*v));
}

/// Back through one direction: `dh[t]` the loss's gradient at each output; returns the
/// gradient at each input, adds the weights' to `g`.
#[multiversion::multiversion(targets("x86_64+avx2+fma"))]
pub(super) fn lstm_dir_back(
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
    let hidden = wh.cols;
    let mut dh_next = vec![0f32; hidden];
    let mut dc_next = vec![0f32; hidden];
    let zero = vec![0f32; hidden];
    let mut dpre = vec![0f32; 4 * hidden];
    for t in (0..n).rev() {
        let gt = &tr.gates[t];
        let c_prev = if t > 0 { &tr.c[t - 1] } else { &zero };
        for k in 0..hidden {
            let dht = dh[t][k] + dh_next[k];
            let (i, f, gg, o) = (gt[k], gt[hidden + k], gt[2 * hidden + k], gt[3 * hidden + k]);
            let tc = tr.tc[t][k];
            let d_o = dht * tc;
            let dc = dht * o * (1.0 - tc * tc) + dc_next[k];
            let di = dc * gg;
            let dg = dc * i;
            let df = dc * c_prev[k];
            dc_next[k] = dc * f;
            dpre[k] = di * i * (1.0 - i);
            dpre[hidden + k] = df * f * (1.0 - f);
            dpre[2 * hidden + k] = dg * (1.0 - gg * gg);
            dpre[3 * hidden + k] = d_o * o * (1.0 - o);
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
