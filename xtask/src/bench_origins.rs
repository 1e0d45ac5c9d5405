//! `cargo run --release -p xtask -- bench-origins [N...]`: origin clustering of N generated documents (10,000,
//! 30,000 and 100,000 by default): time to sign, time to cluster, candidate pairs, pair
//! precision and recall against the generator's truth, and peak memory.
//!
//! The documents are made of invented words (a Zipf-like vocabulary, so that common phrases
//! recur across unrelated documents as they do in news); one in ten is an edited copy of an
//! earlier one, and one story is reprinted a hundred times, the wire story of issue 15. Texts
//! are generated in chunks and dropped once signed: memory holds the signatures, not the texts.

use std::collections::HashMap;
use std::time::Instant;

use origins::{Member, Signature};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ten", "vos", "dar", "el", "in", "or", "su", "pa", "gre", "tha", "bel",
    "nor", "ush", "qui", "zan", "fel",
];
const VOCABULARY: usize = 30_000;

fn vocabulary() -> Vec<String> {
    let mut rng = Rng(7);
    (0..VOCABULARY)
        .map(|_| (0..2 + rng.below(3)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect())
        .collect()
}

/// A story of six paragraphs of 40 to 80 words, from its own seed: the same seed gives the
/// same story, so that a copy can be made again without keeping the original.
fn story(words: &[String], seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::new();
    for _ in 0..6 {
        for w in 0..40 + rng.below(41) {
            // Zipf-like: the cube of a uniform number favours the first words.
            let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
            let i = ((u * u * u) * words.len() as f64) as usize;
            if w > 0 {
                out.push(' ');
            }
            out.push_str(&words[i.min(words.len() - 1)]);
        }
        out.push_str(".\n\n");
    }
    out
}

/// A copy: another headline and byline, two words changed, the last paragraph cut or not.
fn copy(words: &[String], original: &str, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut paragraphs: Vec<String> = original.split("\n\n").map(str::to_string).collect();
    if rng.below(3) == 0 {
        paragraphs.truncate(4);
    }
    for _ in 0..2 {
        let p = rng.below(paragraphs.len().min(4));
        let mut ws: Vec<&str> = paragraphs[p].split(' ').collect();
        let at = rng.below(ws.len());
        ws[at] = &words[rng.below(words.len())];
        paragraphs[p] = ws.join(" ");
    }
    format!(
        "Headline number {seed}\n\nBy Staff Writer\n\n{}\n\nShare this story",
        paragraphs.join("\n\n")
    )
}

/// The documents' texts from `start` to `end`, with each one's true origin.
fn generate(words: &[String], start: usize, end: usize) -> Vec<(String, usize)> {
    (start..end)
        .map(|i| {
            let mut rng = Rng(i as u64 ^ 0x5eed);
            let wire = 1;
            if i > 1 && i.is_multiple_of(1000) {
                // The wire story, reprinted a hundred times in 100,000 documents.
                (copy(words, &story(words, wire as u64), i as u64), wire)
            } else if i > 0 && rng.below(10) == 0 {
                let of = rng.below(i);
                let of = if of == wire || of.is_multiple_of(1000) { i } else { of };
                if of == i {
                    (story(words, i as u64), i)
                } else {
                    (copy(words, &story(words, of as u64), i as u64), of)
                }
            } else {
                (story(words, i as u64), i)
            }
        })
        .collect()
}

fn pairs(groups: impl Iterator<Item = usize>) -> u64 {
    groups.map(|n| (n as u64) * (n as u64).saturating_sub(1) / 2).sum()
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let sizes: Vec<usize> = if args.is_empty() {
        vec![10_000, 30_000, 100_000]
    } else {
        args.iter().map(|a| a.replace('_', "").parse()).collect::<Result<_, _>>()?
    };
    // Signing and clustering run in this process: an unoptimised build (plain `cargo xtask`)
    // is several times slower than what `dossier build` does, and would mislead.
    if cfg!(debug_assertions) {
        eprintln!(
            "warning: xtask built without optimisation; for figures run \
             `cargo run --release -p xtask -- bench-origins`"
        );
    }
    let words = vocabulary();
    println!(
        "{:>8} {:>8} {:>8} {:>9} {:>9} {:>10} {:>9} {:>7} {:>7} {:>9}",
        "docs",
        "gen s",
        "sign s",
        "cluster s",
        "total s",
        "candidates",
        "clusters",
        "P",
        "R",
        "peak MiB"
    );
    for n in sizes {
        let mut gen_time = 0.0;
        let mut sign_time = 0.0;
        let mut signatures: Vec<Signature> = Vec::with_capacity(n);
        let mut truth: Vec<usize> = Vec::with_capacity(n);
        for start in (0..n).step_by(10_000) {
            let t = Instant::now();
            let chunk = generate(&words, start, (start + 10_000).min(n));
            gen_time += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let signed: Vec<Signature> = {
                use rayon::prelude::*;
                chunk.par_iter().map(|(text, _)| origins::signature(text)).collect()
            };
            sign_time += t.elapsed().as_secs_f64();
            signatures.extend(signed);
            truth.extend(chunk.iter().map(|(_, of)| *of));
        }
        let names: Vec<String> = (0..n).map(|i| format!("doc{i:07}")).collect();
        let members: Vec<Member<'_>> = names
            .iter()
            .zip(&signatures)
            .map(|(key, signature)| Member { key, signature, publisher: None, published: None })
            .collect();
        let t = Instant::now();
        let clustering = origins::cluster(&members);
        let cluster_time = t.elapsed().as_secs_f64();
        // Pair counts from group sizes: linear, not over all pairs.
        let mut cells: HashMap<(usize, usize), usize> = HashMap::new();
        let mut by_truth: HashMap<usize, usize> = HashMap::new();
        for (&t, &c) in truth.iter().zip(&clustering.of) {
            *cells.entry((t, c)).or_default() += 1;
            *by_truth.entry(t).or_default() += 1;
        }
        let correct = pairs(cells.values().copied());
        let predicted = pairs(clustering.clusters.iter().map(|c| c.members.len()));
        let true_pairs = pairs(by_truth.values().copied());
        let peak = peak_rss_kib() as f64 / 1024.0;
        println!(
            "{:>8} {:>8.1} {:>8.1} {:>9.1} {:>9.1} {:>10} {:>9} {:>7.4} {:>7.4} {:>9.0}",
            n,
            gen_time,
            sign_time,
            cluster_time,
            sign_time + cluster_time,
            clustering.candidates,
            clustering.clusters.len(),
            correct as f64 / predicted.max(1) as f64,
            correct as f64 / true_pairs.max(1) as f64,
            peak
        );
    }
    Ok(())
}

/// This process's peak resident memory so far, in KiB.
fn peak_rss_kib() -> i64 {
    // The high-water mark the kernel keeps for the process, as /usr/bin/time -v reports it.
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
