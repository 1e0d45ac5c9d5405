//! End-to-end ingest benchmark: the release binary over generated documents.
//!
//! Documents are made from the demo corpus (and the seeds, when `../shared` is there) by a
//! simple transformation that changes their bytes without changing their kind: a numbered
//! line appended to text and Markdown, a comment inserted into HTML, a comment after a PDF's
//! end marker. Every generated file is distinct, so nothing is deduplicated away.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::Context;

use crate::root;

fn sources(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for dir in [root.join("examples/corpus"), root.join("../shared/corpus/seeds")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    anyhow::ensure!(!out.is_empty(), "no source documents found");
    Ok(out)
}

fn variant(bytes: &[u8], extension: &str, i: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    match extension {
        "html" | "htm" => {
            let marker = format!("<!-- benchmark copy {i} -->");
            match String::from_utf8_lossy(bytes).rfind("</body>") {
                Some(at) => {
                    out.splice(at..at, marker.into_bytes());
                }
                None => out.extend(marker.into_bytes()),
            }
        }
        "pdf" => out.extend(format!("\n% benchmark copy {i}\n").into_bytes()),
        _ => out.extend(format!("\n\nBenchmark copy {i}.\n").into_bytes()),
    }
    out
}

fn generate(dir: &Path, n: usize, sources: &[PathBuf]) -> anyhow::Result<u64> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    let originals: Vec<(Vec<u8>, String)> = sources
        .iter()
        .map(|p| {
            let ext =
                p.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
            Ok((std::fs::read(p)?, ext))
        })
        .collect::<anyhow::Result<_>>()?;
    for i in 0..n {
        let (bytes, ext) = &originals[i % originals.len()];
        let data = variant(bytes, ext, i);
        total += data.len() as u64;
        let ext = if ext.is_empty() { "txt" } else { ext };
        std::fs::write(dir.join(format!("doc-{i:05}.{ext}")), data)?;
    }
    Ok(total)
}

/// Waits for `child` and returns whether it succeeded and its own peak resident memory in KiB.
pub(crate) fn wait_with_peak_rss(child: std::process::Child) -> (bool, i64) {
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: wait4 reaps this very child and fills the two out-parameters we own.
    #[allow(unsafe_code)]
    let usage = unsafe {
        libc::wait4(child.id() as libc::pid_t, &mut status, 0, usage.as_mut_ptr());
        usage.assume_init()
    };
    (libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, usage.ru_maxrss)
}

/// The corpus sizes asked for on the command line, else `default`.
pub(crate) fn sizes(args: &[String], default: &[usize]) -> anyhow::Result<Vec<usize>> {
    if args.is_empty() {
        return Ok(default.to_vec());
    }
    args.iter().map(|a| a.parse().with_context(|| format!("not a count: {a}"))).collect()
}

/// Builds the release binary and returns its path.
pub(crate) fn release_binary(root: &Path) -> anyhow::Result<PathBuf> {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "-q", "-p", "cli"])
        .current_dir(root)
        .status()?;
    anyhow::ensure!(status.success(), "release build failed");
    Ok(root.join("target/release/dossier"))
}

/// Removes a store and its WAL files, so that a run starts from nothing.
/// Removes the store at `db` and creates an empty one there with `dossier new` (only `new`
/// and `build` create a store).
pub(crate) fn fresh_store(binary: &Path, db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let status = Command::new(binary).arg("--db").arg(db).arg("--quiet").arg("new").status()?;
    anyhow::ensure!(status.success(), "cannot create the store {}", db.display());
    Ok(())
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = root();
    let sizes = sizes(args, &[1000])?;
    let binary = release_binary(&root)?;
    let sources = sources(&root)?;
    let work = root.join("target/bench-ingest");
    println!(
        "{:>6}  {:>8}  {:>7}  {:>8}  {:>7}  {:>9}",
        "docs", "MB", "wall s", "docs/s", "MB/s", "peak MiB"
    );
    for n in sizes {
        let dir = work.join(format!("docs-{n}"));
        let bytes = generate(&dir, n, &sources)?;
        let db = work.join(format!("bench-{n}.db"));
        fresh_store(&binary, &db)?;
        let started = Instant::now();
        let child = Command::new(&binary)
            .arg("--db")
            .arg(&db)
            .arg("--quiet")
            .arg("ingest")
            .arg(&dir)
            .spawn()?;
        let (ok, peak_kib) = wait_with_peak_rss(child);
        let wall = started.elapsed().as_secs_f64();
        anyhow::ensure!(ok, "ingest failed on the generated documents");
        let mb = bytes as f64 / 1e6;
        println!(
            "{n:>6}  {mb:>8.2}  {wall:>7.2}  {:>8.0}  {:>7.2}  {:>9.1}",
            n as f64 / wall,
            mb / wall,
            peak_kib as f64 / 1024.0
        );
    }
    Ok(())
}
