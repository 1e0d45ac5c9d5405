//! `cargo xtask bench-hostile`: the hostile inputs of issue 12, generated afresh (nothing large
//! is committed), each run through the release binary in a fresh store, with its wall time,
//! peak memory and outcome: a PDF that inflates to 1 GiB, 100,000 nested `<div>`s, one-paragraph
//! texts of 1, 2, 4, 8 and 15 MB (read and extraction timed apart, to show time grows linearly),
//! and a page full of no-break and thin spaces.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::Context;

use crate::bench::{fresh_store, release_binary, wait_with_peak_rss};
use crate::root;

/// One run of the binary: wall seconds, peak resident memory (KiB), exit code, first error.
struct Run {
    seconds: f64,
    peak_kib: i64,
    ok: bool,
    first_error: String,
}

fn run(binary: &Path, db: &Path, args: &[&str]) -> anyhow::Result<Run> {
    let started = Instant::now();
    let child = Command::new(binary)
        .arg("--db")
        .arg(db)
        .arg("--quiet")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot start dossier")?;
    let (ok, peak_kib, stderr) = wait_keeping_stderr(child);
    Ok(Run {
        seconds: started.elapsed().as_secs_f64(),
        peak_kib,
        ok,
        first_error: stderr
            .lines()
            .find(|l| l.starts_with("error"))
            .unwrap_or("")
            .chars()
            .take(110)
            .collect(),
    })
}

/// [`wait_with_peak_rss`], keeping what the child wrote to standard error (read to its end
/// first, so that a full pipe cannot block the child).
fn wait_keeping_stderr(mut child: std::process::Child) -> (bool, i64, String) {
    use std::io::Read;
    let mut text = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut text);
    }
    let (ok, peak) = wait_with_peak_rss(child);
    (ok, peak, text)
}

/// A PDF whose one content stream is `inflated` bytes of spaces, deflated (about 1,000:1).
fn pdf_bomb(inflated: u64) -> anyhow::Result<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    let mut left = inflated;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        encoder.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    let stream = encoder.finish()?;
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        [
            format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", stream.len()).into_bytes(),
            stream,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    Ok(out)
}

/// Running text from the demo corpus, its line breaks turned into spaces, repeated to `bytes`:
/// one paragraph of real sentences.
fn one_paragraph(root: &Path, bytes: usize) -> anyhow::Result<String> {
    let mut source = String::new();
    for entry in std::fs::read_dir(root.join("examples/corpus"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            source.push_str(&std::fs::read_to_string(&path)?);
            source.push(' ');
        }
    }
    let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
    anyhow::ensure!(!source.is_empty(), "no text in examples/corpus");
    let mut out = String::with_capacity(bytes + source.len());
    while out.len() < bytes {
        out.push_str(&source);
        out.push(' ');
    }
    let cut = (0..=bytes).rev().find(|&i| out.is_char_boundary(i)).unwrap_or(0);
    out.truncate(cut);
    Ok(out)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path.to_path_buf())
}

fn line(name: &str, stage: &str, size: usize, r: &Run) {
    println!(
        "{:<22} {:<8} {:>9.1} {:>8.2} {:>9.1} {:>9.2}  {}",
        name,
        stage,
        size as f64 / 1e6,
        r.seconds,
        r.peak_kib as f64 / 1024.0,
        size as f64 / 1e6 / r.seconds.max(1e-9),
        if r.ok { "ok".to_string() } else { format!("refused: {}", r.first_error) }
    );
}

pub fn run_all(_args: &[String]) -> anyhow::Result<()> {
    let root = root();
    let binary = release_binary(&root)?;
    let work = root.join("target/bench-hostile");
    std::fs::create_dir_all(&work)?;
    println!(
        "{:<22} {:<8} {:>9} {:>8} {:>9} {:>9}  outcome",
        "input", "stage", "MB", "wall s", "peak MiB", "MB/s"
    );

    let bomb = write(&work.join("bomb-1gib.pdf"), &pdf_bomb(1 << 30)?)?;
    let nested = {
        let mut html = String::from("<html><body>");
        html.push_str(&"<div>".repeat(100_000));
        html.push_str("The minister resigned on Monday.");
        html.push_str(&"</div>".repeat(100_000));
        html.push_str("</body></html>");
        write(&work.join("nested-100k.html"), html.as_bytes())?
    };
    let spaces = {
        let sentence = "The minister met the envoy on 5 March 2020 in the\u{a0}capital, and said on Monday\u{2009}he would return in\u{3000}May.\n\n";
        write(&work.join("spaces.txt"), sentence.repeat(2000).as_bytes())?
    };
    for (name, path) in
        [("pdf bomb (1 GiB)", &bomb), ("nested divs (100k)", &nested), ("odd spaces", &spaces)]
    {
        let db = work.join("hostile.db");
        fresh_store(&binary, &db)?;
        let size = std::fs::metadata(path)?.len() as usize;
        let out = work.join("case");
        let _ = std::fs::remove_dir_all(&out);
        let r = run(
            &binary,
            &db,
            &["build", path.to_str().context("path")?, "-o", out.to_str().context("path")?],
        )?;
        line(name, "build", size, &r);
    }

    for mb in [1usize, 2, 4, 8, 15] {
        let bytes = mb * 1_000_000;
        let path = write(
            &work.join(format!("paragraph-{mb}mb.txt")),
            one_paragraph(&root, bytes)?.as_bytes(),
        )?;
        let db = work.join("paragraph.db");
        fresh_store(&binary, &db)?;
        let name = format!("one paragraph {mb} MB");
        let p = path.to_str().context("path")?;
        line(&name, "ingest", bytes, &run(&binary, &db, &["ingest", p])?);
        line(&name, "read", bytes, &run(&binary, &db, &["read", "--timeout", "600"])?);
        line(&name, "extract", bytes, &run(&binary, &db, &["extract", "--timeout", "600"])?);
    }
    Ok(())
}
