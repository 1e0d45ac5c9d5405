//! `cargo xtask bench-lists [N]`: every entry of the shipped sanctions lists against N
//! generated people and bodies (100,000 by default), on the release binary, under
//! `/usr/bin/time -v` for the peak memory.

use std::process::Command;

use anyhow::Context;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = crate::root();
    let n: usize = match args.first() {
        Some(a) => a.parse().with_context(|| format!("not a count: {a}"))?,
        None => 100_000,
    };
    let binary = crate::bench::release_binary(&root)?;
    let data = root.join("../shared/data/sanctions");
    anyhow::ensure!(data.is_dir(), "the shipped lists are expected in {}", data.display());
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(&binary)
        .args(["eval", "lists", "--cases", "2000", "--bench", &n.to_string(), "--data"])
        .arg(&data)
        .output()
        .context("cannot run /usr/bin/time (install the `time` package)")?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in stderr.lines() {
        let line = line.trim();
        if line.starts_with("Maximum resident set size")
            || line.starts_with("Elapsed (wall clock)")
            || line.starts_with("User time")
        {
            println!("{line}");
        }
    }
    anyhow::ensure!(out.status.success(), "the benchmark failed: {stderr}");
    Ok(())
}
