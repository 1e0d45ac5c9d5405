//! Bytes per second of CPU time for claim extraction over the bench corpus (the seeds and the
//! demo corpus, read once before timing): on a shared, loaded machine wall-clock benches swing
//! by half, while the thread's own CPU time (Linux `/proc/thread-self/schedstat`) moves much
//! less. Run with `cargo run --release -p claims --example extract_speed -- [ROUNDS]`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

/// Nanoseconds this thread has run on a processor, or `None` off Linux.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn pass(docs: &[corpus::Doc]) -> usize {
    docs.iter().map(|d| claims::extract(&d.input()).len()).sum()
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let docs = corpus::corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // One pass first: the rules' regexes and lexicons are built on first use.
    let before = cpu_ns().unwrap_or(0);
    let found = pass(&docs);
    let first = cpu_ns().unwrap_or(0);
    let mut again = 0;
    for _ in 0..rounds {
        again += pass(&docs);
    }
    let end = cpu_ns().unwrap_or(0);
    assert_eq!(again, found * rounds, "every pass finds the same claims");
    let per_pass = (end - first) as f64 / rounds.max(1) as f64 / 1e9;
    println!("{} documents, {bytes} bytes, {found} claims a pass", docs.len());
    println!("first pass (rules built): {:.1} ms of CPU", (first - before) as f64 / 1e6);
    println!(
        "{rounds} passes: {:.2} ms of CPU a pass, {:.2} MiB/s of CPU ({:.2} MB/s)",
        per_pass * 1e3,
        bytes as f64 / per_pass / (1024.0 * 1024.0),
        bytes as f64 / per_pass / 1e6
    );
}
