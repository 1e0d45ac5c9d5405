//! Eisner's algorithm: the best projective tree, one word on the root.

/// Eisner's algorithm, one word on the root: `score[h][d]`; returns each word's head.
pub(super) fn eisner(score: &[Vec<f32>]) -> Vec<usize> {
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
            // The best split of s..t into s's right half and t's left half. The root (s = 0)
            // takes one dependent only, so its half is itself alone.
            let last = if s == 0 { s } else { t - 1 };
            let (best, at) = best_of(s..=last, s, |r| comp[1][idx(s, r)] + comp[0][idx(r + 1, t)]);
            // t heads s (never the root as a dependent), and s heads t.
            if s > 0 {
                inc[0][idx(s, t)] = best + score[t][s];
                inc_at[0][idx(s, t)] = at;
            }
            inc[1][idx(s, t)] = best + score[s][t];
            inc_at[1][idx(s, t)] = at;
            let (b, a) = best_of(s..t, s, |r| comp[0][idx(s, r)] + inc[0][idx(r, t)]);
            comp[0][idx(s, t)] = b;
            comp_at[0][idx(s, t)] = a;
            let (b, a) = best_of(s + 1..=t, t, |r| inc[1][idx(s, r)] + comp[1][idx(r, t)]);
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

/// The highest `value` over `range` and the first place it is reached (`none` for an empty
/// range or values all -∞).
fn best_of(
    range: impl Iterator<Item = usize>,
    none: usize,
    value: impl Fn(usize) -> f32,
) -> (f32, usize) {
    let (mut best, mut at) = (f32::NEG_INFINITY, none);
    for r in range {
        let v = value(r);
        if v > best {
            best = v;
            at = r;
        }
    }
    (best, at)
}

/// How far a word's best head must score above every other for [`clear_tree`] to take it:
/// far above the rounding of any sum of a sentence's scores, so that no other tree can tie.
const CLEAR: f32 = 0.01;

/// The tree of every word's best head, where each word prefers its head clearly (by more
/// than `CLEAR` over any other) and those heads make a projective tree with one word on the
/// root: then it is the best of all trees, so Eisner's algorithm would find it too (over
/// these scores or their log-probabilities, which keep every word's order), and the search
/// is skipped. `score(d, h)`: dependent `d` (from 1) on head `h`; `None` where the search
/// is needed.
pub(super) fn clear_tree(n: usize, score: impl Fn(usize, usize) -> f32) -> Option<Vec<usize>> {
    if n <= 1 {
        return Some(Vec::new());
    }
    let mut heads = Vec::with_capacity(n.saturating_sub(1));
    for d in 1..n {
        let (mut best, mut second, mut at) = (f32::NEG_INFINITY, f32::NEG_INFINITY, 0);
        for h in 0..n {
            let v = score(d, h);
            if v > best {
                (second, best, at) = (best, v, h);
            } else if v > second {
                second = v;
            }
        }
        // NaN, or two heads at -∞ (a NaN gap), fail it.
        if (best - second).partial_cmp(&CLEAR) != Some(std::cmp::Ordering::Greater) {
            return None;
        }
        heads.push(at);
    }
    (heads.iter().filter(|&&h| h == 0).count() == 1 && is_projective_tree(&heads)).then_some(heads)
}

/// Whether `heads` (word `d` from 1 on `heads[d - 1]`, 0 the root) make one tree whose arcs,
/// the root's included, never cross.
fn is_projective_tree(heads: &[usize]) -> bool {
    let n = heads.len();
    // Every word reaches the root in at most n steps: no cycle.
    for d in 1..=n {
        let mut h = d;
        let mut steps = 0;
        while h != 0 {
            h = heads[h - 1];
            steps += 1;
            if steps > n {
                return false;
            }
        }
    }
    let arcs: Vec<(usize, usize)> =
        heads.iter().enumerate().map(|(k, &h)| (h.min(k + 1), h.max(k + 1))).collect();
    !arcs.iter().any(|&(a, b)| arcs.iter().any(|&(c, d)| a < c && c < b && b < d))
}
