//! End-to-end tests of the `dossier` binary, each in a fresh temporary folder.

mod util;

use util::{Dir, reference, stderr};

impl Dir {
    fn docs(&self) -> Vec<serde_json::Value> {
        let out = self.run(&["docs", "--json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn counts(&self) -> std::collections::BTreeMap<&'static str, i64> {
        store::Store::open(&self.path("dossier.db")).unwrap().counts().unwrap()
    }
}

use test_utils::{seeds_dir as seeds, workspace};

#[test]
fn a_batch_of_good_and_bad_files_ingests_the_good_ones_and_exits_non_zero() {
    let dir = Dir::new();
    let fixtures = workspace().join("crates/ingest/test_data");
    for name in [
        "two-page.pdf",
        "encrypted.pdf",
        "truncated.pdf",
        "image-only.pdf",
        "windows-1252.txt",
        "windows-1256-arabic.txt",
    ] {
        dir.write(&format!("batch/{name}"), &std::fs::read(fixtures.join(name)).unwrap());
    }
    let article =
        std::fs::read(workspace().join("examples/corpus/caribe-herald-havana-visit.html")).unwrap();
    dir.write("batch/article.html", &article);
    dir.write("batch/empty.txt", b"");
    dir.write(
        "batch/photo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
    );
    dir.write("batch/huge.txt", "The council met again. ".repeat(20_000).as_bytes());
    let deep = format!(
        "<html><body>{}<p>The court adjourned until the spring session.</p>{}</body></html>",
        "<div>".repeat(5000),
        "</div>".repeat(5000)
    );
    dir.write("batch/deep.html", deep.as_bytes());

    let out = dir.run(&["ingest", "--max-file-size", "100KiB", "batch", "missing-folder"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    let expect = [
        ("encrypted.pdf", "encrypted PDF: decrypt it first"),
        ("truncated.pdf", "broken or truncated PDF"),
        ("image-only.pdf", "no text layer: OCR it first"),
        ("empty.txt", "empty file: nothing to ingest"),
        ("photo.png", "binary file (png image)"),
        ("huge.txt", "over the 0.1 MiB limit: raise --max-file-size"),
        ("missing-folder", "cannot read"),
    ];
    assert_eq!(errors.len(), expect.len(), "{err}");
    for (file, message) in expect {
        assert!(
            errors.iter().any(|l| l.contains(file) && l.contains(message)),
            "no error line for {file}: {err}"
        );
    }
    assert!(err.contains("ingested 5, unchanged 0, updated 0, failed 7"), "{err}");
    let names: Vec<String> =
        dir.docs().iter().map(|d| d["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(
        names,
        [
            "article.html",
            "deep.html",
            "two-page.pdf",
            "windows-1252.txt",
            "windows-1256-arabic.txt"
        ]
    );
    assert_eq!(dir.run(&["doctor"]).status.code(), Some(0));
}

#[test]
fn re_ingesting_the_seeds_changes_nothing() {
    let dir = Dir::new();
    let seeds = seeds();
    let out = dir.run(&["ingest", seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 5, unchanged 0"));
    let before = dir.counts();
    let hashes: Vec<_> = dir.docs().iter().map(|d| d["sha256"].clone()).collect();
    let out = dir.run(&["ingest", seeds.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("ingested 0, unchanged 5, updated 0, failed 0"),
        "{}",
        stderr(&out)
    );
    assert_eq!(dir.counts(), before, "no new rows in any table");
    assert_eq!(dir.docs().iter().map(|d| d["sha256"].clone()).collect::<Vec<_>>(), hashes);
    let out = dir.run(&["doctor"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("5 documents, 5 originals re-hashed, 0 problems")
    );
    // A copy of a seed under another name is the same document.
    let copy =
        dir.write("copy.txt", &std::fs::read(seeds.join("002_a12b866831d7ba18.txt")).unwrap());
    let out = dir.run(&["ingest", copy.to_str().unwrap()]);
    assert!(stderr(&out).contains("unchanged 1"), "{}", stderr(&out));
    assert_eq!(dir.docs().len(), 5);
}

#[test]
fn other_bytes_under_the_same_name_are_a_new_version() {
    let dir = Dir::new();
    let file = dir.write("notes.txt", b"Minister resigns\n\nThe minister resigned on Friday.\n");
    assert!(dir.run(&["ingest", "notes.txt"]).status.success());
    let first = dir.docs()[0]["sha256"].clone();
    std::fs::write(&file, b"Minister resigns\n\nThe minister resigned on Friday evening.\n")
        .unwrap();
    let out = dir.run(&["ingest", "notes.txt"]);
    assert!(stderr(&out).contains("ingested 1"), "{}", stderr(&out));
    let docs = dir.docs();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["version"], 2);
    assert_ne!(docs[0]["sha256"], first);
    let out = dir.run(&["show", "notes", "--json"]);
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["history"].as_array().unwrap().len(), 2);
    // The old version's bytes are still there, by their hash.
    let old = dir.run(&["show", &first.as_str().unwrap()[..16], "--original"]);
    assert_eq!(old.stdout, b"Minister resigns\n\nThe minister resigned on Friday.\n");
}

#[test]
fn flags_and_sidecars_set_metadata() {
    let dir = Dir::new();
    dir.write("in/a.txt", b"Port strike ends\n\nDock workers voted to return to work.\n");
    dir.write("in/b.txt", b"Court hears appeal\n\nThe appeal was heard on Tuesday.\n");
    dir.write("in/dossier-meta.csv", b"file,publisher,published\na.txt,Harbour Gazette,2019-05\n");
    dir.write(
        "in/b.txt.meta.json",
        br#"{"publisher": "Court Reporter", "url": "https://example.org/b"}"#,
    );
    let out = dir.run(&["ingest", "in", "--author", "Desk"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = dir.docs();
    assert_eq!(docs.len(), 2, "sidecars are not documents");
    assert_eq!(docs[0]["publisher"], "Harbour Gazette");
    assert_eq!(docs[0]["published"], "2019-05");
    assert_eq!(docs[0]["metadata_sources"]["published"], "sidecar");
    assert_eq!(docs[1]["publisher"], "Court Reporter");
    assert_eq!(docs[1]["url"], "https://example.org/b");
    assert_eq!(docs[1]["author"], "Desk");
    assert_eq!(docs[1]["metadata_sources"]["author"], "flag");
    // Correcting a sidecar updates the metadata of the same bytes.
    dir.write("in/dossier-meta.csv", b"file,publisher\na.txt,Harbour Gazette Weekly\n");
    let out = dir.run(&["ingest", "in", "--author", "Desk"]);
    assert!(stderr(&out).contains("updated 1"), "{}", stderr(&out));
    assert_eq!(dir.docs()[0]["publisher"], "Harbour Gazette Weekly");
    assert_eq!(dir.docs()[0]["published"], serde_json::Value::Null);
    // A bad sidecar is one error line, and the other file still lands.
    dir.write("bad/c.txt", b"Text\n\nSome text here for the record.\n");
    dir.write("bad/c.meta.json", b"{not json");
    dir.write("bad/d.txt", b"Other\n\nOther text here for the record.\n");
    let out = dir.run(&["ingest", "bad"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad metadata sidecar") && stderr(&out).contains("c.meta.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(dir.docs().len(), 3);
}

#[test]
fn show_and_docs_tell_the_user_what_to_do_when_nothing_matches() {
    let dir = Dir::new();
    let out = dir.run(&["show", "nothing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no document matches \"nothing\": run `dossier docs`"),
        "{}",
        stderr(&out)
    );
    let out = dir.run(&["ingest", "--date", "2019-13-01", "x"]);
    assert_eq!(out.status.code(), Some(2), "a bad flag is refused before any work");
}

#[test]
fn the_demo_corpus_ingests_cleanly() {
    let dir = Dir::new();
    let corpus = workspace().join("examples/corpus");
    let out = dir.run(&["ingest", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = dir.docs();
    assert_eq!(docs.len(), 9);
    for doc in &docs {
        assert!(doc["title"].is_string() && doc["published"].is_string(), "{doc}");
    }
    let formats: std::collections::BTreeSet<_> =
        docs.iter().map(|d| d["format"].as_str().unwrap().to_string()).collect();
    assert_eq!(formats.into_iter().collect::<Vec<_>>(), ["html", "markdown", "pdf", "text"]);
}

#[test]
fn killing_ingest_mid_batch_leaves_a_sound_store_and_a_rerun_completes() {
    let dir = Dir::new();
    let seeds = seeds();
    let texts: Vec<Vec<u8>> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let n = 1200;
    for i in 0..n {
        let mut bytes = texts[i % texts.len()].clone();
        bytes.extend(format!("\n\nCopy number {i}.\n").as_bytes());
        dir.write(&format!("many/doc-{i:04}.txt"), &bytes);
    }
    let mut child = dir.command().args(["--quiet", "ingest", "many"]).spawn().unwrap();
    // Wait until some documents have been committed, then kill without warning.
    let db = dir.path("dossier.db");
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let landed = store::Store::open(&db)
            .ok()
            .and_then(|s| s.counts().ok())
            .map_or(0, |c| c["documents"]);
        if landed > 0 || started.elapsed().as_secs() > 30 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let landed = dir.counts()["documents"] as usize;
    assert!(landed > 0 && landed < n, "the kill should land mid-batch ({landed} of {n} in)");
    let out = dir.run(&["doctor"]);
    assert!(out.status.success(), "doctor after kill: {}", stderr(&out));
    let out = dir.run(&["--quiet", "ingest", "many"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(dir.docs().len(), n);
    assert!(dir.run(&["doctor"]).status.success());
}

#[test]
fn eval_timex_agrees_with_the_reference_scorer() {
    let dir = Dir::new();
    let gold = workspace().join("../shared/data/tempeval3/train/TimeBank");
    let out = dir.run(&["eval", "timex", gold.to_str().unwrap(), "--output", "system"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ours = String::from_utf8(out.stdout).unwrap();
    let reference = reference("timeml_score.py", &[&gold, &dir.path("system")]);
    // Every figure line of the reference scorer appears verbatim in ours.
    for line in reference.lines().filter(|l| !l.starts_with("gold=")) {
        assert!(ours.contains(line), "reference {line:?} not in ours:\n{ours}");
    }
    assert!(reference.contains("value F1="), "{reference}");
}

#[test]
fn eval_timex_meets_the_development_targets() {
    let dir = Dir::new();
    let train = workspace().join("../shared/data/tempeval3/train");
    let out = dir.run(&["eval", "timex", train.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ours = String::from_utf8(out.stdout).unwrap();
    let figure = |line: &str, name: &str| -> f64 {
        let line = ours.lines().find(|l| l.starts_with(line)).unwrap();
        line.split(name).nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap()
    };
    // Issue 4's acceptance on TimeBank + AQUAINT: relaxed F1 >= 0.90, value F1 >= 0.82.
    assert!(figure("relaxed", "F1=") >= 0.90, "{ours}");
    assert!(figure("value F1", "value F1=") >= 0.82, "{ours}");
}

#[test]
fn eval_ner_agrees_with_the_reference_scorer_and_meets_the_dev_target() {
    let dir = Dir::new();
    let dev = workspace().join("../shared/data/conll2003/eng.testa");
    let out = dir.run(&["eval", "ner", dev.to_str().unwrap(), "--predictions", "pred.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ours = String::from_utf8(out.stdout).unwrap();
    let reference = reference("conll_score.py", &[&dir.path("pred.txt")]);
    for line in reference.lines() {
        assert!(ours.contains(line), "reference {line:?} not in ours:\n{ours}");
    }
    let f1: f64 = ours.lines().last().unwrap().rsplit("F1=").next().unwrap().parse().unwrap();
    assert!(f1 >= 91.5, "dev F1 {f1} below 91.5");
}

#[test]
fn read_stores_annotations_with_the_reader_and_only_reads_new_work() {
    let dir = Dir::new();
    let seeds = seeds();
    assert!(dir.run(&["ingest", seeds.to_str().unwrap()]).status.success());
    let out = dir.run(&["read"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("read 5 documents"), "{}", stderr(&out));
    let counts = dir.counts();
    assert_eq!(counts["readings"], 5);
    assert!(counts["annotations"] > 300, "{counts:?}");
    assert!(counts["parses"] > 100 && counts["parses"] < 1000, "one row a sentence: {counts:?}");
    // Nothing new: nothing read again.
    let out = dir.run(&["read"]);
    assert!(stderr(&out).contains("read 0 documents"), "{}", stderr(&out));
    assert_eq!(dir.counts(), counts);
    // The publication date anchors relative time: "Last month" in the 2018-12-24 report.
    let out = dir.run(&["show", "002", "--annotations"]);
    let shown = String::from_utf8(out.stdout).unwrap();
    // The rules version changes whenever reading does; the layout stays.
    assert!(shown.contains("read by read/") && shown.contains("+ner-en/"), "{shown}");
    assert!(shown.contains("+syntax-en/"), "the reader id names the syntax model: {shown}");
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("timex") && l.contains("Last month") && l.ends_with("2018-11")),
        "{shown}"
    );
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("entity") && l.contains("PER") && l.contains("Abbas Kamel")),
        "{shown}"
    );
    // A new document is the only new work.
    dir.write("extra/note.txt", b"Envoy visits capital\n\nThe envoy arrived in Lima on Monday.\n");
    assert!(dir.run(&["ingest", "extra"]).status.success());
    assert!(stderr(&dir.run(&["read"])).contains("read 1 documents"));
}

/// The figure after `name=` on the scorer's last line.
fn overall(report: &str, name: &str) -> f64 {
    let last = report.lines().last().unwrap_or("");
    let at = last.find(&format!("{name}=")).unwrap_or_else(|| panic!("no {name} in {last:?}"));
    last[at + name.len() + 1..].split_whitespace().next().unwrap().parse().unwrap()
}

/// The accuracy on a `field NAME: a/b = x` line.
fn field(report: &str, name: &str) -> f64 {
    let line = report
        .lines()
        .find(|l| l.starts_with(&format!("field {name}:")))
        .unwrap_or_else(|| panic!("no field {name} in {report}"));
    line.rsplit("= ").next().unwrap().parse().unwrap()
}

#[test]
fn claims_on_the_seeds_meet_the_targets_and_agree_with_the_reference_scorer() {
    let dir = Dir::new();
    let gold = workspace().join("../shared/gold/seeds.jsonl");
    assert!(dir.run(&["ingest", seeds().to_str().unwrap()]).status.success());
    assert!(dir.run(&["read"]).status.success());
    let out = dir.run(&["extract"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("from 5 documents"), "{}", stderr(&out));
    // Nothing new: nothing extracted again.
    assert!(stderr(&dir.run(&["extract"])).contains("from 0 documents"));
    let out = dir.run(&["export", "claims", "-o", "claims.jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dir.run(&["eval", "claims", "--gold", gold.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ours = String::from_utf8(out.stdout).unwrap();
    let reference = reference("score_claims.py", &[&gold, &dir.path("claims.jsonl")]);
    // Every line of the reference scorer's report appears verbatim in ours.
    for line in reference.lines() {
        assert!(ours.contains(line), "reference {line:?} not in ours:\n{ours}");
    }
    // Issue 14's floor for the seeds is F1 0.90. Precision is held a little lower than
    // that: the seeds' gold is the contract's first version and leaves out some claims the
    // frames rightly make (a head of state's post, "President X", allegations the first
    // version did not annotate), which count as spurious.
    assert!(overall(&ours, "F1") >= 0.90, "{ours}");
    assert!(overall(&ours, "P") >= 0.86, "{ours}");
    assert!(field(&ours, "date") >= 0.85, "{ours}");
    assert!(field(&ours, "modality") >= 0.85, "{ours}");
    // Every exported claim has the contract's common fields and an evidence span that is
    // the text at those offsets.
    let exported = std::fs::read_to_string(dir.path("claims.jsonl")).unwrap();
    for line in exported.lines() {
        let c: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["id", "doc", "doc_sha256", "type", "modality", "evidence", "confidence"] {
            assert!(c.get(key).is_some(), "{key} missing in {line}");
        }
        let conf = c["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&conf), "{line}");
    }
    // The terminal view names the evidence.
    let out = dir.run(&["claims", "002"]);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("meeting [reported ← SANA]"), "{shown}");
}

#[test]
fn eval_claims_explains_a_bad_gold_file() {
    let dir = Dir::new();
    dir.write("gold.jsonl", b"{\"doc\": \"a\", \"type\": \"visit\"}\nnot json\n");
    let out = dir.run(&["eval", "claims", "--gold", "gold.jsonl", "--system", "gold.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("gold.jsonl: line 2"), "{err}");
}
