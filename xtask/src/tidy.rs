//! Checks of the tree itself, run with the tests: every Rust file starts with a `//!` comment
//! saying what it is for, and no code or lexicon outside tests names a person or place from the
//! seeds (the held-out documents are about other people).

use std::path::Path;
use std::process::Command;

fn tracked_files() -> Vec<String> {
    let root = crate::root();
    let out = Command::new("git").arg("ls-files").current_dir(&root).output().expect("git runs");
    String::from_utf8(out.stdout).expect("utf-8 paths").lines().map(str::to_string).collect()
}

#[test]
fn every_rust_file_has_a_leading_doc_comment() {
    let root = crate::root();
    let missing: Vec<String> = tracked_files()
        .into_iter()
        .filter(|f| f.ends_with(".rs") && Path::new(&root).join(f).exists())
        .filter(|f| {
            let text = std::fs::read_to_string(root.join(f)).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .collect();
    assert!(missing.is_empty(), "files without a leading `//!` comment: {missing:?}");
}

#[test]
fn no_seed_names_outside_tests() {
    // Names of people and places that only the seeds mention; assembled from parts so that
    // this file does not itself carry them whole.
    let names: Vec<String> = [
        ["Mam", "louk"],
        ["Mam", "luk"],
        ["Patru", "shev"],
        ["Mil", "hem"],
        ["Bakh", "tiar"],
        ["Min", "niti"],
        ["Man", "enti"],
        ["Sam", "aha"],
        ["Wis", "sam"],
        ["Dum", "mar"],
        ["Hmei", "mim"],
    ]
    .iter()
    .map(|[a, b]| format!("{a}{b}"))
    .collect();
    let root = crate::root();
    let test_like = |f: &str| {
        f.contains("/tests/")
            || f.contains("/test_data/")
            || f.ends_with("tests.rs")
            || f.contains("/snapshots/")
            || f.ends_with(".md")
            || f.contains("/benches/")
    };
    let mut hits = Vec::new();
    for file in tracked_files().into_iter().filter(|f| !test_like(f)) {
        let Ok(text) = std::fs::read_to_string(root.join(&file)) else { continue };
        for name in &names {
            if text.contains(name.as_str()) {
                hits.push(format!("{file}: {name}"));
            }
        }
    }
    assert!(hits.is_empty(), "seed names outside tests: {hits:?}");
}
