//! Cases as folders: each build keeps its store with its case file, a mistyped store is an
//! error rather than a new empty store, a document can be taken out, and inputs with nothing
//! in them fail with one line each.

use std::path::{Path, PathBuf};
use std::process::Output;

use test_utils::workspace;

mod util;
use util::Dir;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `dossier ARGS` in `dir`, without `--db`.
fn plain(dir: &Dir, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir.tmp.path())
        .env_remove("DOSSIER_DB")
        .output()
        .unwrap()
}

fn examples() -> PathBuf {
    workspace().join("examples/corpus")
}

fn doc_names(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["name"].as_str().map(String::from))
        .collect()
}

#[test]
fn each_case_folder_keeps_its_own_store_and_two_cases_never_mix() {
    let dir = Dir::bare();
    let first = examples();
    let out = plain(&dir, &["--quiet", "build", first.to_str().unwrap(), "-o", "one"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path("one/dossier.db").is_file());
    assert!(dir.path("one/index.html").is_file());
    assert!(!dir.path("dossier.db").exists(), "no store in the working folder");
    let before = doc_names(&plain(&dir, &["--db", "one/dossier.db", "docs", "--json"]));
    assert!(before.len() > 3, "{before:?}");
    // A second case from one other file, in another folder.
    let other = dir.write(
        "other/note.txt",
        b"Marisol Quenby, the director of the Harbour Affairs Committee, resigned on Monday.\n",
    );
    let out = plain(&dir, &["--quiet", "build", other.to_str().unwrap(), "-o", "two"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let two = plain(&dir, &["--db", "two/dossier.db", "docs", "--json"]);
    assert_eq!(doc_names(&two), ["note.txt"]);
    let claims = std::fs::read_to_string(dir.path("two/claims.jsonl")).unwrap();
    assert!(claims.lines().all(|l| l.contains("note.txt")), "{claims}");
    // Rebuilding the first keeps its store through the folder's replacement.
    let out = plain(&dir, &["--quiet", "build", "-o", "one"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let one = plain(&dir, &["--db", "one/dossier.db", "docs", "--json"]);
    assert_eq!(doc_names(&one), before);
}

#[test]
fn a_missing_store_is_an_error_not_a_new_empty_one() {
    let dir = Dir::bare();
    for args in [&["docs"][..], &["ingest", "x.txt"], &["read"], &["merge", "A B", "C D"]] {
        let mut all = vec!["--db", "tpyo.db"];
        all.extend(args);
        let out = plain(&dir, &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(
            stderr(&out).trim(),
            "error: no store at tpyo.db: check --db (or DOSSIER_DB), or create one with `dossier new` or `dossier build PATHS -o DIR`"
        );
        assert!(!dir.path("tpyo.db").exists(), "{args:?} created a store");
    }
    // `new` creates one, once; then the other commands use it.
    let out = plain(&dir, &["new", "case"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path("case/dossier.db").is_file());
    let out = plain(&dir, &["new", "case"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("exists already"), "{}", stderr(&out));
    let out = plain(&dir, &["--db", "case/dossier.db", "docs"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_removed_document_leaves_the_case_keeps_its_original_and_comes_back_when_ingested() {
    let dir = Dir::bare();
    let corpus = examples();
    let build = |args: &[&str]| {
        let mut all = vec!["--quiet", "build"];
        all.extend(args);
        all.extend(["-o", "case"]);
        let out = plain(&dir, &all);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    build(&[corpus.to_str().unwrap()]);
    let db = ["--db", "case/dossier.db"];
    let run = |args: &[&str]| plain(&dir, &[&db[..], args].concat());
    let victim = "court-verdict-2024-11.txt";
    let claims = || std::fs::read_to_string(dir.path("case/claims.jsonl")).unwrap();
    assert!(claims().contains(victim));
    let out = run(&["remove", victim]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!doc_names(&run(&["docs", "--json"])).contains(&victim.to_string()));
    assert!(stdout(&run(&["docs", "--removed"])).contains(victim));
    // Its bytes stay.
    let original = run(&["show", victim, "--original"]);
    assert_eq!(original.stdout, std::fs::read(corpus.join(victim)).unwrap());
    build(&[]);
    assert!(!claims().contains(victim), "its claims went");
    let assertions = std::fs::read_to_string(dir.path("case/assertions.jsonl")).unwrap();
    assert!(!assertions.contains(victim));
    // Removing it twice says so.
    let out = run(&["remove", victim]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("removed already"), "{}", stderr(&out));
    // Ingesting it again brings it back.
    build(&[corpus.join(victim).to_str().unwrap()]);
    assert!(claims().contains(victim));
    assert!(doc_names(&run(&["docs", "--json"])).contains(&victim.to_string()));
}

fn fails_with_one_line_each(dir: &Dir, input: &Path, lines: usize) {
    let out = plain(dir, &["--quiet", "build", input.to_str().unwrap(), "-o", "case"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), lines + 1, "{err}");
    assert!(err.lines().all(|l| l.starts_with("error: ")), "{err}");
    assert!(err.lines().last().unwrap().starts_with("error: nothing to build"), "{err}");
    assert!(!dir.path("case").exists(), "no empty case folder is left");
}

#[test]
fn empty_inputs_fail_clearly_and_leave_nothing_behind() {
    let dir = Dir::bare();
    let empty = dir.path("empty");
    std::fs::create_dir(&empty).unwrap();
    fails_with_one_line_each(&dir, &empty, 1);
    dir.write("unsupported/a.bin", &[0, 1, 2, 3]);
    dir.write("unsupported/b.bin", &[0, 159, 146, 150]);
    fails_with_one_line_each(&dir, &dir.path("unsupported"), 2);
    let zero = dir.write("zero.txt", b"");
    fails_with_one_line_each(&dir, &zero, 1);
    // One good file beside a bad one: built, exit 1.
    dir.write("mixed/zero.txt", b"");
    dir.write(
        "mixed/note.txt",
        b"Marisol Quenby, the director of the Harbour Affairs Committee, resigned.\n",
    );
    let out = plain(&dir, &["--quiet", "build", "mixed", "-o", "case"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(dir.path("case/index.html").is_file());
    // `ingest` alike: nothing went through is 2.
    let out = plain(&dir, &["--db", "case/dossier.db", "--quiet", "ingest", "empty"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
