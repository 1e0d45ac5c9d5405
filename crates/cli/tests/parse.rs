//! End-to-end tests of `dossier train parse`, `train silver` and `eval parse`: the syntax
//! models against the treebank, each test in a fresh temporary folder.

mod util;

use test_utils::workspace;
use util::{Dir, reference, stderr};

#[test]
fn eval_parse_agrees_with_the_reference_scorer_and_holds_the_dev_figures() {
    let dir = Dir::new();
    let dev = workspace().join("../shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    let out = dir.run(&["eval", "parse", dev.to_str().unwrap(), "--output", "system.conllu"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ours = String::from_utf8(out.stdout).unwrap();
    let reference = reference("ud_score.py", &[&dev, &dir.path("system.conllu")]);
    // The scorer's four figure lines appear verbatim in ours.
    for name in ["UPOS", "LEMMA", "UAS", "LAS"] {
        let line = reference.lines().find(|l| l.starts_with(name)).expect("a figure line");
        assert!(ours.contains(line), "reference {line:?} not in ours:\n{ours}");
    }
    let figure = |name: &str| ud_figure(&ours, name);
    // Issue 13 asks for UPOS >= 95.5, LEMMA >= 97, UAS >= 88 and LAS >= 85.5 on EWT dev; the
    // committed model reaches 95.27, 97.01, 84.04 and 80.78, and these floors keep it from
    // slipping back while that work goes on.
    assert!(figure("UPOS") >= 95.25, "{ours}");
    assert!(figure("LEMMA") >= 97.0, "{ours}");
    assert!(figure("UAS") >= 84.0, "{ours}");
    assert!(figure("LAS") >= 80.7, "{ours}");
}

#[test]
fn the_committed_bilstm_model_reaches_the_accuracy_targets() {
    // Issue 13's targets on EWT dev through the analyzer with the taught network (session
    // 48; not built into the binary: `--model`, `--syntax-model`). About 40 s unoptimised.
    let dir = Dir::new();
    let dev = workspace().join("../shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    let model = workspace().join("crates/read/models/syntax-bilstm-en.bin");
    let out =
        dir.run(&["eval", "parse", dev.to_str().unwrap(), "--model", model.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ours = String::from_utf8(out.stdout).unwrap();
    let figure = |name: &str| ud_figure(&ours, name);
    assert!(figure("UPOS") >= 95.5, "{ours}");
    assert!(figure("LEMMA") >= 97.0, "{ours}");
    assert!(figure("UAS") >= 88.0, "{ours}");
    assert!(figure("LAS") >= 85.5, "{ours}");
}

/// The figure `name` (UPOS, LEMMA, UAS, LAS) of `dossier eval parse`'s output.
fn ud_figure(output: &str, name: &str) -> f64 {
    let line = output.lines().find(|l| l.starts_with(name)).expect("a figure line");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Sentences `from..from + count` of EWT train, as a CoNLL-U file's text.
fn treebank_slice(from: usize, count: usize) -> String {
    let data = workspace().join("../shared/data/ud-ewt/en_ewt-ud-train.conllu");
    let train = std::fs::read_to_string(data).unwrap();
    train.split("\n\n").skip(from).take(count).map(|s| format!("{s}\n\n")).collect()
}

/// Whether `dossier train parse` with these arguments writes the same bytes twice (to
/// `a.bin`, which stays, and `b.bin`).
fn trains_the_same_twice(dir: &Dir, args: &[&str]) -> bool {
    for name in ["a.bin", "b.bin"] {
        let mut full = vec!["train", "parse"];
        full.extend_from_slice(args);
        full.extend(["-o", name]);
        let out = dir.run(&full);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    std::fs::read(dir.path("a.bin")).unwrap() == std::fs::read(dir.path("b.bin")).unwrap()
}

#[test]
fn train_parse_bilstm_is_deterministic_and_needs_dev() {
    let dir = Dir::new();
    dir.write("train.conllu", treebank_slice(0, 60).as_bytes());
    dir.write("dev.conllu", treebank_slice(60, 20).as_bytes());
    let args = ["--bilstm", "--train", "train.conllu", "--dev", "dev.conllu", "--passes", "2"];
    assert!(trains_the_same_twice(&dir, &args), "two trainings of the BiLSTM differ");
    // The model it writes is one eval parse reads as a BiLSTM's.
    let out = dir.run(&["eval", "parse", "dev.conllu", "--model", "a.bin"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Without dev there is no pass to choose: a clear error, nothing written.
    let out = dir.run(&["train", "parse", "--bilstm", "--train", "train.conllu", "-o", "c.bin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--dev"), "{}", stderr(&out));
    assert!(!dir.path("c.bin").exists());
}

#[test]
fn train_silver_teaches_a_network_the_same_way_twice() {
    let dir = Dir::new();
    dir.write("train.conllu", treebank_slice(0, 60).as_bytes());
    dir.write("dev.conllu", treebank_slice(60, 20).as_bytes());
    // Two small teachers, differing by their seeds.
    let net = ["--bilstm", "--shape", "tagless", "--hidden", "8", "--passes", "1"];
    for (seed, name) in [("1", "t1.bin"), ("2", "t2.bin")] {
        let mut args = vec!["train", "parse", "--train", "train.conllu", "--dev", "dev.conllu"];
        args.extend(net);
        args.extend(["--seed", seed, "-o", name]);
        let out = dir.run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    // A CoNLL-2003 file (a headline and two sentences) and a folder of TimeML files.
    dir.write(
        "news.conll",
        b"-DOCSTART- -X- O O\n\nMARKETS NNS O\nCLOSE VB O\nLOWER RB O\n\nThe DT O\n\
          council NN O\nmet VBD O\ntoday NN O\n. . O\n\nShares NNS O\nfell VBD O\n\
          sharply RB O\n. . O\n",
    );
    dir.write(
        "tml/a/one.tml",
        b"<TimeML><TEXT>The court <EVENT>ruled</EVENT> on Monday. It adjourned.</TEXT></TimeML>",
    );
    let silver =
        ["train", "silver", "--teachers", "t1.bin", "t2.bin", "--text", "news.conll", "tml"];
    let mut written = Vec::new();
    for name in ["s1.conllu", "s2.conllu"] {
        let mut args = silver.to_vec();
        args.extend(["-o", name]);
        let out = dir.run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        written.push(std::fs::read_to_string(dir.path(name)).unwrap());
    }
    assert_eq!(written[0], written[1], "two silver runs differ");
    let words: Vec<&str> = written[0]
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(
        words,
        ["The", "council", "met", "today", ".", "Shares", "fell", "sharply", ".", "The"]
            .into_iter()
            .chain(["court", "ruled", "on", "Monday", ".", "It", "adjourned", "."])
            .collect::<Vec<_>>()
    );
    // A network taught by the two on those sentences: the same bytes each time.
    let mut args = vec!["--train", "train.conllu", "--dev", "dev.conllu"];
    args.extend(net);
    args.extend(["--silver", "s1.conllu", "--teachers", "t1.bin", "t2.bin"]);
    assert!(trains_the_same_twice(&dir, &args), "two taught trainings differ");
    // A missing input is named and skipped (exit 1); no input at all read, exit 2; a
    // teacher that is no model, a clear error.
    let mut args = silver.to_vec();
    args.extend(["missing.conll", "-o", "s3.conllu"]);
    let out = dir.run(&args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("missing.conll"), "{}", stderr(&out));
    let args =
        ["train", "silver", "--teachers", "t1.bin", "--text", "missing.conll", "-o", "s4.conllu"];
    assert_eq!(dir.run(&args).status.code(), Some(2));
    let args =
        ["train", "silver", "--teachers", "dev.conllu", "--text", "news.conll", "-o", "s5.conllu"];
    let out = dir.run(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("dev.conllu is not a BiLSTM model"), "{}", stderr(&out));
}

#[test]
fn train_parse_is_deterministic_and_eval_parse_names_a_bad_model() {
    let dir = Dir::new();
    let data = workspace().join("../shared/data/ud-ewt");
    // A small slice of the treebank trains in seconds; training twice must give the same bytes.
    dir.write("train.conllu", treebank_slice(0, 300).as_bytes());
    let args = ["--train", "train.conllu", "--epochs", "2", "--parser-epochs", "2", "--folds", "2"];
    assert!(trains_the_same_twice(&dir, &args), "two trainings with the same seed differ");
    let out = dir.run(&[
        "eval",
        "parse",
        data.join("en_ewt-ud-dev.conllu").to_str().unwrap(),
        "--model",
        "a.bin",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dir.run(&["eval", "parse", "train.conllu", "--model", "train.conllu"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a dossier syntax model"), "{}", stderr(&out));
}
