//! The transition system, the oracle and lifting, on small trees.

use super::features::{State, no_word};
use super::train::{cost, projectivize};
use super::{Action, best_legal};

/// Random trees over `n` words: each word's head drawn among the others or the root, kept
/// when the result is a tree with one root.
fn random_trees(n: usize, count: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut rng = seed;
    let mut out = Vec::new();
    while out.len() < count {
        let heads: Vec<usize> = (1..=n)
            .map(|w| {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                let h = (rng % (n as u64 + 1)) as usize;
                if h == w { 0 } else { h }
            })
            .collect();
        let roots = heads.iter().filter(|&&h| h == 0).count();
        let acyclic = (1..=n).all(|w| {
            let mut at = w;
            for _ in 0..=n {
                if at == 0 {
                    return true;
                }
                at = heads[at - 1];
            }
            false
        });
        if roots == 1 && acyclic {
            out.push(heads);
        }
    }
    out
}

fn is_projective(heads: &[usize]) -> bool {
    let dominated = |h: usize, mut d: usize| {
        for _ in 0..=heads.len() {
            if d == h {
                return true;
            }
            if d == 0 {
                return false;
            }
            d = heads[d - 1];
        }
        false
    };
    (1..=heads.len()).all(|d| {
        let h = heads[d - 1];
        h == 0 || (h.min(d) + 1..h.max(d)).all(|w| dominated(h, w))
    })
}

#[test]
fn lifting_makes_every_tree_projective_and_keeps_projective_ones() {
    for n in 1..9 {
        for heads in random_trees(n, 200, 7 + n as u64) {
            let mut lifted = heads.clone();
            projectivize(&mut lifted);
            assert!(is_projective(&lifted), "{heads:?} → {lifted:?}");
            assert_eq!(lifted.iter().filter(|&&h| h == 0).count(), 1);
            if is_projective(&heads) {
                assert_eq!(lifted, heads);
            }
        }
    }
}

#[test]
fn following_zero_cost_actions_rebuilds_every_projective_tree() {
    for n in 1..10 {
        for mut heads in random_trees(n, 150, 3 + n as u64) {
            projectivize(&mut heads);
            let mut indexed = vec![0];
            indexed.extend(&heads);
            let mut state = State::new(n);
            while !state.done() {
                let action = Action::ALL
                    .into_iter()
                    .find(|&a| state.legal(a) && cost(&state, &indexed, a) == 0)
                    .unwrap_or_else(|| panic!("no zero-cost action for {heads:?}"));
                state.apply(action, 0);
            }
            assert_eq!(state.heads(), heads.as_slice());
        }
    }
}

#[test]
fn any_choice_of_legal_actions_ends_in_one_tree() {
    let mut rng = 99u64;
    for n in 0..12 {
        for _ in 0..50 {
            let mut state = State::new(n);
            let mut steps = 0;
            while !state.done() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                let scores = [(rng % 7) as f32, (rng % 5) as f32, (rng % 3) as f32];
                state.apply(best_legal(&state, &scores), 0);
                steps += 1;
            }
            assert_eq!(steps, 2 * n);
            let heads = state.heads();
            assert!(heads.iter().all(|&h| h != no_word() && h <= n));
            if n > 0 {
                assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
            }
            assert!(is_projective(heads));
        }
    }
}
