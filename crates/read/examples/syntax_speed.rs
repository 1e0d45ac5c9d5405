//! Tokens per second of CPU time for tokenize + split + tag + lemmatize + parse over the bench
//! corpus: on a shared, loaded machine wall-clock benches swing by half, while the thread's own
//! CPU time (Linux `/proc/thread-self/schedstat`) moves much less. Run with
//! `cargo run --release -p read --example syntax_speed -- [ROUNDS]`.

#[path = "../benches/analyse/mod.rs"]
mod analyse;
#[path = "../benches/corpus/mod.rs"]
mod corpus;
use analyse::analyse;

/// Nanoseconds this thread has run on a processor, or `None` off Linux.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(300);
    let start = cpu_ns().unwrap_or(0);
    let analyzer = read::syntax::builtin().expect("the built-in model loads");
    let loaded = cpu_ns().unwrap_or(0);
    let tokens: usize = corpus::CORPUS.iter().map(|t| read::tokens::tokenize(t).len()).sum();
    // One round first, so that the measured ones find the model's pages mapped.
    let mut nouns: usize = corpus::CORPUS.iter().map(|t| analyse(&analyzer, t)).sum();
    let begin = cpu_ns().unwrap_or(0);
    for _ in 0..rounds {
        nouns += corpus::CORPUS.iter().map(|t| analyse(&analyzer, t)).sum::<usize>();
    }
    let end = cpu_ns().unwrap_or(0);
    let secs = (end - begin) as f64 / 1e9;
    println!(
        "load {:.1} ms cpu; {} tokens x {rounds} rounds in {secs:.2} s cpu: {:.1} K tokens/s ({nouns} nouns)",
        (loaded - start) as f64 / 1e6,
        tokens,
        (tokens * rounds) as f64 / secs / 1e3
    );
}
