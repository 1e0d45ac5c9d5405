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
