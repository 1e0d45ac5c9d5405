//! `dossier eval claims` against the reference scorer (`shared/tools/score_claims.py`): the
//! second contract's types, the authorities it knows, the types a gold file scores, a
//! temporary store built from a folder, and the counts per rule.

use std::process::{Command, Output};

mod util;

use test_utils::workspace;
use util::Dir;

fn reference(args: &[&std::path::Path]) -> String {
    let out = Command::new("python3")
        .arg(workspace().join("../shared/tools/score_claims.py"))
        .args(args)
        .output()
        .expect("python3 runs the reference scorer");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn claim(doc: &str, kind: &str, fields: serde_json::Value) -> String {
    let mut c = serde_json::json!({
        "doc": doc, "type": kind, "modality": "asserted",
        "evidence": {"text": "Tomasz Wielgosz was charged in Oslo on Monday.", "start": 0, "end": 46},
    });
    for (k, v) in fields.as_object().unwrap() {
        c[k] = v.clone();
    }
    c.to_string()
}

#[test]
fn the_second_contract_is_scored_line_for_line_as_the_reference_does() {
    let dir = Dir::new();
    let gold = [
        claim(
            "a.txt",
            "charge",
            serde_json::json!({"defendant": "Tomasz Wielgosz", "authority": "Norway", "date": "2021-03"}),
        ),
        claim(
            "a.txt",
            "verdict",
            serde_json::json!({"defendant": "Wielgosz", "authority": "Swiss", "outcome": "convicted", "date": "2022"}),
        ),
        claim(
            "a.txt",
            "relation",
            serde_json::json!({"person": "Marisol Quenby", "other": "Tomasz Wielgosz", "kind": "spouse"}),
        ),
        claim(
            "a.txt",
            "sanction",
            serde_json::json!({"target": "Marisol Quenby", "authority": "OFSI"}),
        ),
        claim(
            "a.txt",
            "warrant",
            serde_json::json!({"target": "Marisol Quenby", "authority": "ICTY"}),
        ),
        claim(
            "b.txt",
            "charge",
            serde_json::json!({"defendant": "Ilse Varnholt", "authority": "Justice Department"}),
        ),
    ];
    let system = [
        // Authority by another of its names, the date inside the gold's month.
        claim(
            "a.txt",
            "charge",
            serde_json::json!({"defendant": "Wielgosz", "authority": "Norwegian", "date": "2021-03-15", "rule": "charge.active"}),
        ),
        // Another authority: spurious, and the gold verdict is missed.
        claim(
            "a.txt",
            "verdict",
            serde_json::json!({"defendant": "Tomasz Wielgosz", "authority": "Sweden", "rule": "verdict.convicted"}),
        ),
        // The two people in the other order.
        claim(
            "a.txt",
            "relation",
            serde_json::json!({"person": "Wielgosz", "other": "Marisol Quenby", "kind": "husband", "rule": "relation.possessive"}),
        ),
        claim(
            "a.txt",
            "sanction",
            serde_json::json!({"target": "Quenby", "authority": "United Kingdom", "rule": "sanction.imposed"}),
        ),
        claim(
            "a.txt",
            "warrant",
            serde_json::json!({"target": "Quenby", "authority": "International Criminal Tribunal", "rule": "warrant.issued"}),
        ),
        claim(
            "b.txt",
            "charge",
            serde_json::json!({"defendant": "Ilse Varnholt", "authority": "United States", "rule": "charge.active"}),
        ),
        // A type the gold does not annotate is not scored at all.
        claim(
            "a.txt",
            "health",
            serde_json::json!({"person": "Tomasz Wielgosz", "rule": "health.hospitalized"}),
        ),
    ];
    dir.write("gold.jsonl", gold.join("\n").as_bytes());
    dir.write("system.jsonl", system.join("\n").as_bytes());
    let reference = reference(&[&dir.path("gold.jsonl"), &dir.path("system.jsonl")]);
    let ours = stdout(&dir.run(&[
        "eval",
        "claims",
        "--gold",
        "gold.jsonl",
        "--system",
        "system.jsonl",
        "--by-rule",
    ]));
    for line in reference.lines() {
        assert!(ours.contains(line), "reference {line:?} not in ours:\n{ours}");
    }
    assert!(ours.contains("overall P=0.833 R=0.833 F1=0.833"), "{ours}");
    assert!(!ours.contains("health "), "{ours}");
    // Per rule: found, spurious.
    let row = |rule: &str| -> (usize, usize) {
        let line = ours.lines().find(|l| l.ends_with(&format!("  {rule}"))).unwrap();
        let mut it = line.split_whitespace().map(|n| n.parse().unwrap());
        (it.next().unwrap(), it.next().unwrap())
    };
    assert_eq!(row("charge.active"), (2, 0), "{ours}");
    assert_eq!(row("verdict.convicted"), (0, 1), "{ours}");
    assert_eq!(row("relation.possessive"), (1, 0), "{ours}");
    // Only some documents.
    let ours = stdout(&dir.run(&[
        "eval",
        "claims",
        "--gold",
        "gold.jsonl",
        "--system",
        "system.jsonl",
        "--docs",
        "b.txt",
    ]));
    assert!(ours.ends_with("overall P=1.000 R=1.000 F1=1.000\n"), "{ours}");
}

/// One news item in `corpus/` (with its publication date) and its one gold claim in
/// `gold.jsonl`.
fn write_wire_corpus(dir: &Dir) {
    dir.write(
        "corpus/wire.txt",
        "Envoy arrested\n\nPolice arrested Tomasz Wielgosz, 58, in Lodz on Monday, the ministry said.\n"
            .as_bytes(),
    );
    dir.write("corpus/dossier-meta.csv", b"file,publisher,published\nwire.txt,Wire,2019-05-08\n");
    let gold = serde_json::json!({
        "doc": "wire.txt", "type": "arrest", "person": "Tomasz Wielgosz", "date": "2019-05-06",
        "modality": "reported", "evidence": {"text": "", "start": 0, "end": 0},
    });
    dir.write("gold.jsonl", format!("{gold}\n").as_bytes());
}

#[test]
fn a_corpus_is_built_into_a_temporary_store_and_scored_as_its_export() {
    let dir = Dir::bare();
    write_wire_corpus(&dir);
    let ours = stdout(&dir.run(&["eval", "claims", "--gold", "gold.jsonl", "--corpus", "corpus"]));
    // Nothing was written to the store of the folder.
    assert!(!dir.path("dossier.db").exists());
    assert!(dir.run(&["new"]).status.success());
    // The same figures as the store's export, built the usual way, gives the reference.
    for args in
        [&["ingest", "corpus"][..], &["read"], &["extract"], &["export", "claims", "-o", "s.jsonl"]]
    {
        assert!(dir.run(args).status.success());
    }
    let reference = reference(&[&dir.path("gold.jsonl"), &dir.path("s.jsonl")]);
    assert_eq!(ours, reference);
    assert!(ours.contains("arrest "), "{ours}");
    // The publication date from dossier-meta.csv resolved "on Monday".
    assert!(ours.contains("field date: 1/1 = 1.00"), "{ours}");
}

#[test]
fn a_corpus_read_with_another_syntax_model_or_a_file_that_is_not_one() {
    let dir = Dir::bare();
    write_wire_corpus(&dir);
    let eval = ["eval", "claims", "--gold", "gold.jsonl", "--corpus", "corpus"];
    let builtin = stdout(&dir.run(&eval));
    // The shipped model's own file reads as the built-in model.
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../read/models/syntax-en.bin");
    let with_file = stdout(&dir.run(&[&eval[..], &["--syntax-model", shipped]].concat()));
    assert_eq!(with_file, builtin);
    // A file that is no model: one line that names it, exit 2, nothing scored.
    let out = dir.run(&[&eval[..], &["--syntax-model", "gold.jsonl"]].concat());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot use gold.jsonl as a syntax model"), "{err}");
    assert!(out.stdout.is_empty());
    // Only with --corpus: the store's claims were read by the built-in model.
    let out = dir.run(&["eval", "claims", "--gold", "gold.jsonl", "--syntax-model", shipped]);
    assert_eq!(out.status.code(), Some(2));
}
