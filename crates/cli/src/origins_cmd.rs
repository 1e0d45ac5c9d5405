//! `dossier eval origins`: pair precision and recall of origin clusters on a labelled set made
//! at run time from the documents of one or more folders and re-hosted copies of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use eval::origins::{Edit, main_names, rehost, score};

use crate::output::term;

/// The documents of a folder (not its sub-folders), sorted: every file ingest reads, less the
/// metadata sidecars.
fn corpus_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}: give a folder of documents", dir.display()))?;
    for e in entries {
        let path = e?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let sidecar = name == "dossier-meta.csv" || name.ends_with(".meta.json");
        if path.is_file() && !sidecar && !name.starts_with('.') {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// The main text as ingest keeps it, or `None` (with a note) when ingest refuses the file.
fn main_text(bytes: &[u8], name: &str) -> Option<String> {
    match ingest::extract(bytes, name, &ingest::Limits::default()) {
        Ok(x) => Some(x.text),
        Err(e) => {
            eprintln!("skipped: {}: {}", term(name), term(&e.to_string()));
            None
        }
    }
}

/// Builds the labelled set, clusters it and prints the pair scores.
pub fn eval_origins(corpora: &[PathBuf], per: usize, seed: u64) -> anyhow::Result<ExitCode> {
    let mut names = Vec::new();
    let mut texts = Vec::new();
    for dir in corpora {
        for path in corpus_files(dir)? {
            let bytes = std::fs::read(&path).with_context(|| {
                format!("cannot read {}: check its permissions", path.display())
            })?;
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            if let Some(text) = main_text(&bytes, &name) {
                names.push(format!("{}/{name}", dir.display()));
                texts.push(text);
            }
        }
    }
    anyhow::ensure!(
        texts.len() >= 2,
        "found {} documents in {}: give folders holding at least two documents",
        texts.len(),
        corpora.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    let originals: Vec<&str> = texts.iter().map(String::as_str).collect();
    let copies = rehost(&originals, per, seed);
    // Every document of the set: the originals, then the copies, each with its true origin.
    let mut docs: Vec<(String, String, usize, Vec<Edit>)> = names
        .iter()
        .zip(&texts)
        .enumerate()
        .map(|(i, (n, t))| (n.clone(), t.clone(), i, Vec::new()))
        .collect();
    for c in &copies {
        if let Some(text) = main_text(&c.bytes, &c.file_name) {
            docs.push((c.file_name.clone(), text, c.of, c.edits.clone()));
        }
    }
    let started = std::time::Instant::now();
    let signatures: Vec<origins::Signature> =
        docs.iter().map(|(_, t, _, _)| origins::signature(t)).collect();
    let members: Vec<origins::Member<'_>> = docs
        .iter()
        .zip(&signatures)
        .map(|((n, _, _, _), s)| origins::Member {
            key: n,
            signature: s,
            publisher: None,
            published: None,
        })
        .collect();
    let clustering = origins::cluster(&members);
    let took = started.elapsed();
    let truth: Vec<usize> = docs.iter().map(|d| d.2).collect();
    let predicted = &clustering.of;
    let all = score(&truth, predicted);

    // Recall by kind of edit, over (original, copy) pairs; and the negatives that share a
    // subject (originals about the same person), which must stay apart.
    let mut by_edit: BTreeMap<Edit, (usize, usize)> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate().skip(names.len()) {
        let found = predicted[i] == predicted[d.2];
        for e in &d.3 {
            let entry = by_edit.entry(*e).or_default();
            entry.0 += 1;
            entry.1 += usize::from(found);
        }
    }
    let subjects: Vec<Vec<String>> = texts.iter().map(|t| main_names(t)).collect();
    let (mut same_subject, mut merged) = (0usize, 0usize);
    // The margin: the most alike two documents of different origins are, and the least alike
    // a copy is to its original (the set is small: all pairs are looked at here, not in
    // clustering).
    let (mut closest_negative, mut farthest_copy) = (0.0f64, 1.0f64);
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (a, b) = (truth[i], truth[j]);
            let sim = origins::similarity(&signatures[i], &signatures[j]);
            let strength = sim.jaccard.max(sim.containment);
            if a != b {
                closest_negative = closest_negative.max(strength);
            } else if i == a || j == b {
                farthest_copy = farthest_copy.min(strength);
            }
            if a != b && subjects[a].iter().any(|n| subjects[b].contains(n)) {
                same_subject += 1;
                merged += usize::from(predicted[i] == predicted[j]);
            }
        }
    }
    let wire = signatures.iter().filter(|s| s.agency.is_some()).count();
    println!(
        "origins: {} originals, {} copies ({per} each, seed {seed}), {} documents in {} clusters ({wire} name a wire agency)",
        names.len(),
        docs.len() - names.len(),
        docs.len(),
        clustering.clusters.len()
    );
    println!(
        "clustering: {} candidate pairs from LSH bands, {} verified, {:.1} ms",
        clustering.candidates,
        clustering.verified,
        took.as_secs_f64() * 1000.0
    );
    println!(
        "{:<24} {:>7} {:>9} {:>7} {:>9} {:>7} {:>6}",
        "pairs", "true", "predicted", "correct", "precision", "recall", "f1"
    );
    println!(
        "{:<24} {:>7} {:>9} {:>7} {:>9.3} {:>7.3} {:>6.3}",
        "same origin",
        all.truth,
        all.predicted,
        all.correct,
        all.precision(),
        all.recall(),
        all.f1()
    );
    println!(
        "same-subject negatives: {same_subject} pairs of documents from different originals that share a main name (person, body or country), {merged} put in one cluster"
    );
    println!(
        "margin: most alike documents of different origins {closest_negative:.3}, least alike copy and original {farthest_copy:.3} (max of estimated Jaccard and containment)"
    );
    println!("recall of (original, copy) pairs by edit:");
    for (e, (n, found)) in &by_edit {
        println!(
            "  {:<18} {:>5.3} ({found} of {n})",
            e.as_str(),
            *found as f64 / (*n).max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}
