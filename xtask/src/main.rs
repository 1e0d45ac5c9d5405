//! Project chores that are code, not shell: generating the committed fixtures and running the
//! end-to-end ingest benchmark.
//!
//! - `cargo xtask fixtures` rewrites the generated files: the demo corpus's PDF and the PDF and
//!   legacy-encoding fixtures of `crates/ingest/test_data/`. Their text sources live in
//!   `xtask/data/`; output is deterministic, so a re-run changes no committed byte.
//! - `cargo xtask bench-ingest [N...]` builds the release binary, generates N documents from the
//!   demo corpus and the seeds, ingests them into a fresh store and prints docs/s, MB/s and
//!   peak memory.
//! - `cargo xtask bench-build [N...]` generates N wire stories about invented people (250,
//!   500, 1,000 and 2,000 by default), runs `dossier build` on each corpus and prints
//!   throughput, peak memory and the time of resolution and fusion per claim.
//! - `cargo xtask bench-serve [N]` builds N wire stories (10,000 by default), starts
//!   `dossier serve` on loopback and prints each page kind's p50, p95 and slowest latency.
//! - `cargo xtask bench-hostile` generates the hostile inputs of issue 12 (a PDF bomb, deep
//!   HTML, one-paragraph texts up to 15 MB, odd spaces) and prints time, peak memory and outcome.
//! - `cargo xtask bench-origins [N...]` clusters N generated documents into origins (10,000,
//!   30,000 and 100,000 by default) and prints time to sign and to cluster, candidate pairs,
//!   pair precision and recall, and peak memory.
//! - `cargo xtask bench-lists [N]` matches N generated people and bodies (100,000 by default)
//!   against every entry of the shipped sanctions lists, after the labelled-set scores, and
//!   prints time, throughput and peak memory.
//! - `cargo xtask fuzz [--seconds N] [--seed S] [--out DIR]` mutates the corpora, the fixtures
//!   and generated hostile inputs and runs them through ingest, read and claims in process,
//!   saving any input that panics or hangs (see `fuzz.rs`).

mod bench;
mod bench_build;
mod bench_hostile;
mod bench_lists;
mod bench_origins;
mod bench_serve;
mod fuzz;
mod pdf;
#[cfg(test)]
mod tidy;

use std::path::{Path, PathBuf};

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("fixtures") => fixtures(),
        Some("bench-ingest") => bench::run(&args[1..]),
        Some("bench-build") => bench_build::run(&args[1..]),
        Some("bench-serve") => bench_serve::run(&args[1..]),
        Some("bench-hostile") => bench_hostile::run_all(&args[1..]),
        Some("bench-origins") => bench_origins::run(&args[1..]),
        Some("bench-lists") => bench_lists::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask fixtures | bench-ingest [N...] | bench-build [N...] | bench-serve [N] | bench-hostile | bench-origins [N...] | bench-lists [N] | fuzz [--seconds N] [--seed S] [--out DIR]"
            );
            std::process::exit(2);
        }
    }
}

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    println!(
        "wrote {} ({} bytes)",
        path.strip_prefix(root()).unwrap_or(path).display(),
        bytes.len()
    );
    Ok(())
}

fn fixtures() -> anyhow::Result<()> {
    let root = root();
    let source = std::fs::read_to_string(root.join("xtask/data/thinktank-analysis.txt"))?;
    let paper = pdf::Paper::parse(&source)?;
    write(
        &root.join("examples/corpus/hsi-intelligence-state-2020-03.pdf"),
        &pdf::render(&paper, None)?,
    )?;

    let data = root.join("crates/ingest/test_data");
    let small = pdf::Paper::parse(&std::fs::read_to_string(root.join("xtask/data/two-page.txt"))?)?;
    let two_page = pdf::render(&small, None)?;
    write(&data.join("two-page.pdf"), &two_page)?;
    write(&data.join("encrypted.pdf"), &pdf::render(&small, Some("open-sesame"))?)?;
    write(&data.join("truncated.pdf"), &two_page[..two_page.len() / 2])?;
    write(&data.join("image-only.pdf"), &pdf::image_only()?)?;

    let western = std::fs::read_to_string(root.join("xtask/data/cp1252.txt"))?;
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&western);
    anyhow::ensure!(!lossy, "cp1252.txt has characters Windows-1252 cannot hold");
    write(&data.join("windows-1252.txt"), &bytes)?;
    let arabic = std::fs::read_to_string(root.join("xtask/data/cp1256.txt"))?;
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(&arabic);
    anyhow::ensure!(!lossy, "cp1256.txt has characters Windows-1256 cannot hold");
    write(&data.join("windows-1256-arabic.txt"), &bytes)?;
    Ok(())
}
