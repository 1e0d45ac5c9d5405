//! `cargo xtask fuzz`: an in-process fuzzer for the whole document path.
//!
//! Each input goes through `ingest::extract`, then, when it yields text, `read::read_document`
//! and `claims::extract` on that text; the raw bytes (as lossy UTF-8) also go straight to read
//! and claims, to reach them with what ingest would have cleaned. Every case runs on its own
//! thread under `catch_unwind` and a CPU-time budget. Inputs: the committed regression fixtures
//! (first, every run), the demo corpus, ingest's fixtures, `../shared/corpus/{seeds,dev}` when
//! present, and generated hostile inputs, all mutated deterministically from the seed.
//!
//! A panic or hang saves the input under `--out` (named by its SHA-256) with a `.summary.txt`,
//! and each distinct panic is shrunk to a small reproducer. Moving a saved input into
//! `tests/fuzz-regressions/` makes it a permanent test (`cargo test -p xtask` runs them too).

mod case;
mod hostile;
mod mutate;
mod rng;
mod tables;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::root;
use case::{Case, Done, Failure, dcts, run_case};
use rng::Rng;

/// Largest input generated or mutated: large enough for long runs, small enough that a run
/// covers thousands of inputs.
pub const MAX_INPUT: usize = 256 * 1024;

/// The committed regression fixtures, relative to the workspace root.
pub const REGRESSIONS: &str = "tests/fuzz-regressions";

struct Options {
    seconds: u64,
    seed: u64,
    out: PathBuf,
    case_timeout: Duration,
    jobs: usize,
    shrink_seconds: u64,
    /// Generated inputs are cut to this many bytes (at most [`MAX_INPUT`]): smaller inputs
    /// make for more of them per second, away from the slow paths of very long text.
    max_size: usize,
    /// Stop early after this many hangs: each costs up to a minute of waiting.
    max_hangs: u64,
    /// Files to run alone, with every publication date, instead of fuzzing.
    replay: Vec<PathBuf>,
    /// A generated case to save and run alone (as named in `in-flight-*.txt`).
    only: Option<u64>,
}

fn options(args: &[String]) -> anyhow::Result<Options> {
    let mut o = Options {
        seconds: 60,
        seed: 12,
        out: root().join("target/fuzz-crashes"),
        // Unoptimised builds are many times slower; a hang is a case that is slow even so.
        // The budget is CPU time of the case's thread (see `case::isolate`).
        case_timeout: Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 }),
        jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
        shrink_seconds: 30,
        max_hangs: 4,
        max_size: MAX_INPUT,
        replay: Vec::new(),
        only: None,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .with_context(|| format!("{flag} needs a value; see `cargo xtask fuzz --help`"))
        };
        match flag.as_str() {
            "--seconds" => o.seconds = value()?.parse().context("--seconds takes a number")?,
            "--seed" => o.seed = value()?.parse().context("--seed takes a number")?,
            "--out" => o.out = PathBuf::from(value()?),
            "--case-timeout" => {
                o.case_timeout = Duration::from_secs(value()?.parse().context("--case-timeout")?)
            }
            "--jobs" => o.jobs = value()?.parse::<usize>().context("--jobs takes a number")?.max(1),
            "--shrink-seconds" => {
                o.shrink_seconds = value()?.parse().context("--shrink-seconds")?
            }
            "--max-hangs" => {
                o.max_hangs = value()?.parse().context("--max-hangs takes a number")?
            }
            "--max-size" => o.max_size = value()?.parse().context("--max-size takes bytes")?,
            "--replay" => o.replay.push(PathBuf::from(value()?)),
            "--case" => o.only = Some(value()?.parse().context("--case takes a number")?),
            _ => anyhow::bail!(
                "unknown argument {flag:?}; usage: cargo xtask fuzz [--seconds N] [--seed S] \
                 [--out DIR] [--case-timeout S] [--jobs N] [--shrink-seconds S] [--max-hangs N] [--max-size BYTES] [--replay FILE]... \
                 [--case N]"
            ),
        }
    }
    Ok(o)
}

/// A file the fuzzer starts from.
#[derive(Clone)]
struct Seed {
    path: PathBuf,
    bytes: Vec<u8>,
    /// A document that must go through ingest with text (demo corpus, seeds, dev corpus).
    good: bool,
}

impl Seed {
    fn extension(&self) -> &str {
        self.path.extension().and_then(|e| e.to_str()).unwrap_or("")
    }
}

fn is_sidecar(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".meta.json") || name == "dossier-meta.csv"
}

/// The files of `dir` (not below), sorted, without sidecars; none when it does not exist.
fn files(dir: &Path, good: bool) -> anyhow::Result<Vec<Seed>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && !is_sidecar(&path) {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            out.push(Seed { path, bytes, good });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The regression fixtures: every file of [`REGRESSIONS`] but its README and summaries.
pub fn regression_cases(root: &Path) -> anyhow::Result<Vec<Case>> {
    let mut out = Vec::new();
    for seed in files(&root.join(REGRESSIONS), false)? {
        let name = seed.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "README.md" || name.ends_with(".summary.txt") {
            continue;
        }
        for dct in dcts() {
            out.push(Case {
                name: name.to_string(),
                bytes: seed.bytes.clone(),
                dct,
                origin: format!("regression {name}"),
            });
        }
    }
    Ok(out)
}

fn seeds(root: &Path) -> anyhow::Result<Vec<Seed>> {
    let mut out = files(&root.join("examples/corpus"), true)?;
    out.extend(files(&root.join("crates/ingest/test_data"), false)?);
    out.extend(files(&root.join(REGRESSIONS), false)?);
    out.extend(files(&root.join("../shared/corpus/seeds"), true)?);
    out.extend(files(&root.join("../shared/corpus/dev"), true)?);
    Ok(out)
}

/// Generated case number `n` of a run with `seed`: a seed file or a hostile input, usually
/// mutated, sometimes under another extension.
fn generated(seeds: &[Seed], seed: u64, n: u64) -> Case {
    let mut rng = Rng::for_case(seed, n);
    let (mut bytes, mut extension, origin) = if !seeds.is_empty() && rng.chance(45) {
        let s = rng.pick(seeds);
        let name = s.path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        (s.bytes.clone(), s.extension().to_string(), format!("mutated {name}"))
    } else {
        let (bytes, extension) = hostile::generate(&mut rng);
        (bytes, extension.to_string(), "generated".to_string())
    };
    if rng.chance(85) {
        let other = if !seeds.is_empty() && rng.chance(50) {
            rng.pick(seeds).bytes.clone()
        } else {
            hostile::generate(&mut rng).0
        };
        mutate::mutate(&mut rng, &mut bytes, &other);
    }
    if rng.chance(10) {
        extension = rng.pick(&["txt", "md", "html", "pdf", "", "json", "xml"]).to_string();
    }
    let dct = *rng.pick(&dcts());
    let name = if extension.is_empty() { "fuzz".into() } else { format!("fuzz.{extension}") };
    Case { name, bytes, dct, origin: format!("{origin}, seed {seed} case {n}") }
}

/// One distinct failure and the inputs that showed it.
struct Crash {
    failure: Failure,
    count: u64,
    first: Case,
    saved: Vec<PathBuf>,
}

#[derive(Default)]
struct Tally {
    inputs: u64,
    panics: u64,
    hangs: u64,
    lost: Vec<String>,
    crashes: BTreeMap<String, Crash>,
}

fn extension(case: &Case) -> &str {
    Path::new(&case.name).extension().and_then(|e| e.to_str()).unwrap_or("bin")
}

/// The first `max` bytes of `text` (panic messages can quote a whole document).
fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}[...]", &text[..end])
}

/// Runs files alone through the document path, with every publication date, and says how
/// each went and how long it took.
fn replay(
    tagger: &Arc<read::ner::Tagger>,
    paths: &[PathBuf],
    timeout: Duration,
) -> anyhow::Result<()> {
    let mut failed = false;
    for path in paths {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("fuzz").to_string();
        for dct in dcts() {
            let case =
                Case { name: name.clone(), bytes: bytes.clone(), dct, origin: String::new() };
            let started = Instant::now();
            let result = run_case(tagger, &case, timeout);
            let date = dct.map_or("none".into(), |d| d.to_string());
            let took = started.elapsed().as_secs_f64();
            match result {
                Ok(done) => println!(
                    "{} (date {date}): ok in {took:.2} s{}",
                    path.display(),
                    done.refused.map(|e| format!(", refused by ingest: {e}")).unwrap_or_default()
                ),
                Err(f) => {
                    failed = true;
                    let detail = match &f {
                        Failure::Panic { message, .. } => clip(message, 300),
                        Failure::Hang { seconds, .. } => hang_detail(*seconds),
                    };
                    println!(
                        "{} (date {date}): {} after {took:.2} s: {detail}",
                        path.display(),
                        f.key()
                    );
                    if matches!(f, Failure::Hang { .. }) {
                        // Its thread cannot be stopped; more dates would only stack up threads.
                        break;
                    }
                }
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
    Ok(())
}

fn hang_detail(seconds: Option<u64>) -> String {
    match seconds {
        Some(s) => format!("over the case time budget; finished after {s} s"),
        None => "over the case time budget; abandoned still running".into(),
    }
}

fn hex_prefix(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Saves a case's input and a summary of its failure; returns the input's path.
fn save(out: &Path, prefix: &str, case: &Case, failure: &Failure) -> anyhow::Result<PathBuf> {
    let stem = format!("{prefix}{}", hex_prefix(&case.bytes));
    let path = out.join(format!("{stem}.{}", extension(case)));
    std::fs::write(&path, &case.bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let (what, detail) = match failure {
        Failure::Panic { stage, message, location } => {
            (format!("panic in {stage}"), format!("at {location}\nmessage: {}", clip(message, 600)))
        }
        Failure::Hang { stage, seconds } => (format!("hang in {stage}"), hang_detail(*seconds)),
    };
    let summary = format!(
        "{what}\n{detail}\ninput: {} ({} bytes), from {}\npublication date for the raw reading: {}\n",
        path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
        case.bytes.len(),
        case.origin,
        case.dct.map_or("none".into(), |d| d.to_string()),
    );
    let summary_path = out.join(format!("{stem}.summary.txt"));
    std::fs::write(&summary_path, summary)
        .with_context(|| format!("cannot write {}", summary_path.display()))?;
    Ok(path)
}

fn record(tally: &Mutex<Tally>, out: &Path, case: &Case, result: Result<Done, Failure>) {
    let mut t = tally.lock().expect("no panic holds the tally");
    t.inputs += 1;
    if t.inputs.is_multiple_of(1000) {
        // A sign of life for long runs and CI logs.
        println!("fuzz: {} inputs so far, {} panics, {} hangs", t.inputs, t.panics, t.hangs);
    }
    let failure = match result {
        Ok(done) => {
            if case.origin.starts_with("good ") && !done.text {
                let why = done.refused.unwrap_or_else(|| "no text".into());
                t.lost.push(format!("{}: {why}", case.origin));
            }
            return;
        }
        Err(f) => f,
    };
    match failure {
        Failure::Panic { .. } => t.panics += 1,
        Failure::Hang { .. } => t.hangs += 1,
    }
    let crash = t.crashes.entry(failure.key()).or_insert_with(|| Crash {
        failure: failure.clone(),
        count: 0,
        first: case.clone(),
        saved: Vec::new(),
    });
    crash.count += 1;
    if crash.saved.len() < 3 {
        match save(out, "", case, &failure) {
            Ok(path) => crash.saved.push(path),
            Err(e) => eprintln!("fuzz: {e:#}"),
        }
    }
}

/// Shrinks a panicking input by deleting ever smaller chunks while the same panic (stage and
/// location) persists, for at most `budget`.
fn shrink(
    tagger: &Arc<read::ner::Tagger>,
    case: &Case,
    failure: &Failure,
    budget: Duration,
) -> Case {
    let started = Instant::now();
    let same = |bytes: &[u8]| {
        let candidate = Case { bytes: bytes.to_vec(), ..case.clone() };
        matches!(run_case(tagger, &candidate, Duration::from_secs(10)), Err(f) if f.key() == failure.key())
    };
    let mut best = case.bytes.clone();
    let mut chunk = best.len().div_ceil(2).max(1);
    while started.elapsed() < budget {
        let mut at = 0;
        let mut progressed = false;
        while at < best.len() && started.elapsed() < budget {
            let mut candidate = best.clone();
            candidate.drain(at..(at + chunk).min(best.len()));
            if same(&candidate) {
                best = candidate;
                progressed = true;
            } else {
                at += chunk;
            }
        }
        if chunk == 1 && !progressed {
            break;
        }
        if !progressed {
            chunk = chunk.div_ceil(2);
        }
    }
    Case { bytes: best, origin: format!("shrunk from {}", case.origin), ..case.clone() }
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let o = options(args)?;
    let root = root();
    std::fs::create_dir_all(&o.out)
        .with_context(|| format!("cannot create {}", o.out.display()))?;
    let tagger = Arc::new(read::ner::builtin().context("cannot load the built-in entity model")?);
    let seeds = seeds(&root)?;
    if let Some(n) = o.only {
        let mut case = generated(&seeds, o.seed, n);
        case.bytes.truncate(o.max_size);
        let path = o.out.join(format!("case-{n}.{}", extension(&case)));
        std::fs::write(&path, &case.bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("fuzz: {} ({} bytes) saved as {}", case.origin, case.bytes.len(), path.display());
        return replay(&tagger, &[path], o.case_timeout);
    }
    if !o.replay.is_empty() {
        return replay(&tagger, &o.replay, o.case_timeout);
    }
    let mut fixed = regression_cases(&root)?;
    for s in seeds.iter().filter(|s| s.good) {
        let name = s.path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        fixed.push(Case {
            name: name.clone(),
            bytes: s.bytes.clone(),
            dct: None,
            origin: format!("good {}", s.path.display()),
        });
    }
    println!(
        "fuzz: seed {}, {} s, {} jobs, {} fixed cases ({} regression runs), {} seed files; saving to {}",
        o.seed,
        o.seconds,
        o.jobs,
        fixed.len(),
        fixed.iter().filter(|c| c.origin.starts_with("regression")).count(),
        seeds.len(),
        o.out.display()
    );
    let started = Instant::now();
    let deadline = Duration::from_secs(o.seconds);
    let next = AtomicU64::new(0);
    let tally = Mutex::new(Tally::default());
    std::thread::scope(|scope| {
        for job in 0..o.jobs {
            let (o, tally, next, fixed, seeds, tagger) =
                (&o, &tally, &next, &fixed, &seeds, &tagger);
            scope.spawn(move || {
                // Names the case in flight, for when a case takes the process down (a stack
                // overflow aborts; it cannot be caught).
                let in_flight = o.out.join(format!("in-flight-{job}.txt"));
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let fixed_case = fixed.get(i as usize);
                    let hangs = tally.lock().expect("no panic holds the tally").hangs;
                    if (fixed_case.is_none() && started.elapsed() >= deadline)
                        || hangs >= o.max_hangs
                    {
                        break;
                    }
                    let case = match fixed_case {
                        Some(c) => c.clone(),
                        None => {
                            let mut case = generated(seeds, o.seed, i - fixed.len() as u64);
                            case.bytes.truncate(o.max_size);
                            case
                        }
                    };
                    let _ = std::fs::write(&in_flight, format!("{}\n", case.origin));
                    let result = run_case(tagger, &case, o.case_timeout);
                    record(tally, &o.out, &case, result);
                }
                let _ = std::fs::remove_file(&in_flight);
            });
        }
    });
    let elapsed = started.elapsed().as_secs();
    let t = tally.into_inner().expect("no panic holds the tally");
    for (key, crash) in &t.crashes {
        let detail = match &crash.failure {
            Failure::Panic { message, .. } => clip(message.lines().next().unwrap_or(""), 300),
            Failure::Hang { seconds, .. } => hang_detail(*seconds),
        };
        println!("  {key} ({} inputs): {detail}", crash.count);
        for path in &crash.saved {
            println!("    saved {}", path.display());
        }
        if matches!(crash.failure, Failure::Panic { .. }) && o.shrink_seconds > 0 {
            let small = shrink(
                &tagger,
                &crash.first,
                &crash.failure,
                Duration::from_secs(o.shrink_seconds),
            );
            match save(&o.out, "min-", &small, &crash.failure) {
                Ok(path) => {
                    println!("    shrunk to {} bytes: {}", small.bytes.len(), path.display())
                }
                Err(e) => eprintln!("fuzz: {e:#}"),
            }
        }
    }
    for lost in &t.lost {
        println!("  lost good file: {lost}");
    }
    if t.hangs >= o.max_hangs {
        println!("  stopped early after {} hangs", t.hangs);
    }
    println!(
        "fuzz: {} inputs, {} panics, {} hangs, {} lost good files, {elapsed} s",
        t.inputs,
        t.panics,
        t.hangs,
        t.lost.len()
    );
    if t.panics + t.hangs > 0 || !t.lost.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
