//! What dossier writes and prints stays safe when the input is hostile: the case folder is
//! replaced whole even under kill -9, CSV cells and URLs are neutralised, the terminal sees
//! no control characters, and several processes share one store.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use test_utils::workspace;

mod util;

use util::Dir;

impl Dir {
    /// The project's invented example corpus, copied under `in/`.
    fn examples(&self) {
        let from = workspace().join("examples/corpus");
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            self.write(
                &format!("in/{}", e.file_name().to_string_lossy()),
                &std::fs::read(e.path()).unwrap(),
            );
        }
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file of a folder, by name.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| {
                    let e = e.unwrap();
                    (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a build has begun to write the case folder: its first file is in a temporary
/// sibling (`.case.dossier-tmp-...`), or already changed in the folder itself.
fn writing(parent: &Path, before: &std::fs::Metadata) -> bool {
    let first = parent.join("case/claims.jsonl");
    std::fs::symlink_metadata(&first)
        .is_ok_and(|m| m.modified().ok() != before.modified().ok() || m.len() != before.len())
        || std::fs::read_dir(parent).unwrap().flatten().any(|e| {
            e.file_name().to_string_lossy().starts_with(".case.dossier-tmp-")
                && e.path().join("claims.jsonl").exists()
        })
}

/// Held by every test of this file for its whole run: the kill test times a build, and the
/// others' processes beside it would make that timing the machine's load.
fn alone() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn leftovers(parent: &Path) -> usize {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".dossier-tmp-"))
        .count()
}

#[test]
fn killing_build_while_it_writes_leaves_one_whole_case_folder() {
    let _alone = alone();
    const ROUNDS: u64 = 20;
    let dir = Dir::new();
    dir.examples();
    let case = dir.path("case");
    let out = dir.run(&["--quiet", "build", "in", "-o", "case"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(snapshot(&case).len(), 10);
    // How long this machine's build takes from the folder's first file to the swap, the
    // shortest of three builds: the kills below are spread over twice that window, so that
    // about half land while the folder is written, on a fast machine or a slow one.
    let mut window = Duration::from_secs(60);
    for calibration in 0..3 {
        let (left, right) = (format!("Xqc{calibration} Zed"), format!("Yqc{calibration} Zed"));
        assert!(dir.run(&["merge", &left, &right]).status.success());
        let mut child = dir.command().args(["--quiet", "build", "-o", "case"]).spawn().unwrap();
        let before = std::fs::symlink_metadata(case.join("claims.jsonl")).unwrap();
        let swapped = || {
            std::fs::symlink_metadata(case.join("claims.jsonl")).is_ok_and(|m| {
                m.modified().ok() != before.modified().ok() || m.len() != before.len()
            })
        };
        while child.try_wait().unwrap().is_none() && !writing(dir.tmp.path(), &before) {
            std::thread::sleep(Duration::from_micros(100));
        }
        let first_file = Instant::now();
        while child.try_wait().unwrap().is_none() && !swapped() {
            std::thread::sleep(Duration::from_micros(100));
        }
        window = window.min(first_file.elapsed().max(Duration::from_millis(1)));
        assert!(child.wait().unwrap().success());
    }
    let mut previous = snapshot(&case);
    let (mut mid_write, mut after_swap, mut before_write) = (0, 0, 0);
    for round in 0..ROUNDS {
        // A new judgement makes this build's case folder differ from the last one.
        let (left, right) = (format!("Xq{round} Zed"), format!("Yq{round} Zed"));
        assert!(dir.run(&["merge", &left, &right]).status.success());
        let mut child = dir
            .command()
            .args(["--quiet", "build", "-o", "case"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment of the folder's writing each round: from its first
        // file's appearance to twice the calibrated window after it.
        let before = std::fs::symlink_metadata(case.join("claims.jsonl")).unwrap();
        let started = Instant::now();
        let mut seen = false;
        while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(60) {
            if writing(dir.tmp.path(), &before) {
                seen = true;
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(window * 2 * round as u32 / ROUNDS as u32);
        let _ = child.kill();
        child.wait().unwrap();
        let killed = snapshot(&case);
        let left_behind = leftovers(dir.tmp.path());
        // Let the build finish: the folder it writes is the one the killed build was writing.
        let out = dir.run(&["--quiet", "build", "-o", "case"]);
        assert!(out.status.success(), "round {round}: {}", stderr(&out));
        let next = snapshot(&case);
        assert_ne!(next, previous, "round {round}: the judgement changes the case folder");
        assert_eq!(leftovers(dir.tmp.path()), 0, "round {round}: the next build cleans up");
        if killed == previous {
            if left_behind > 0 { mid_write += 1 } else { before_write += 1 }
        } else {
            let from_neither: Vec<&String> = killed
                .iter()
                .filter(|(name, body)| {
                    previous.get(*name) != Some(body) && next.get(*name) != Some(body)
                })
                .map(|(name, _)| name)
                .collect();
            assert!(
                killed == next,
                "round {round}: the killed build left a mix: {} files, {from_neither:?} from neither build",
                killed.len()
            );
            after_swap += 1;
        }
        assert!(seen || killed == next, "round {round}: the build ended unseen");
        previous = next;
    }
    eprintln!(
        "kills: {mid_write} while writing the case folder, {after_swap} after the swap, {before_write} before (window {window:?})"
    );
    assert!(mid_write >= 5, "too few kills landed while writing ({mid_write} of {ROUNDS})");
}

#[test]
fn a_link_planted_in_the_case_folder_cannot_overwrite_a_file_outside() {
    let _alone = alone();
    let dir = Dir::new();
    dir.examples();
    assert!(dir.run(&["--quiet", "build", "in", "-o", "case"]).status.success());
    let victim = dir.write("victim.txt", b"precious");
    std::fs::remove_file(dir.path("case/index.html")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path("case/index.html")).unwrap();
    let out = dir.run(&["--quiet", "build", "-o", "case"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert!(!dir.path("case/index.html").is_symlink());
    // The case folder itself a link: refused at once, before any work.
    std::os::unix::fs::symlink(dir.path("case"), dir.path("linked")).unwrap();
    let out = dir.run(&["--quiet", "build", "-o", "linked"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: cannot write the case folder linked: it is a symbolic link, and dossier never writes through one: give the real folder"
    );
}

#[test]
fn formulas_in_names_and_script_urls_do_not_reach_the_exports() {
    let _alone = alone();
    let dir = Dir::new();
    let page = std::fs::read_to_string(
        workspace().join("examples/corpus/caribe-herald-havana-visit.html"),
    )
    .unwrap();
    let start = page.find("<meta property=\"og:url\" content=\"").unwrap() + 34;
    let end = start + page[start..].find('"').unwrap();
    // The page's own URL, as og:url and as the canonical link.
    let hostile = page.replace(&page[start..end], "javascript:alert(document.cookie)");
    // In place of the original, among the rest of the example corpus.
    dir.examples();
    std::fs::remove_file(dir.path("in/caribe-herald-havana-visit.html")).unwrap();
    let name = "=HYPERLINK(\"evil.example\",\"click\").html";
    dir.write(&format!("in/{name}"), hostile.as_bytes());
    // A source of a career, renamed: it reaches careers.csv.
    std::fs::rename(
        dir.path("in/ngo-joint-statement-2023-03.txt"),
        dir.path("in/@SUM(1+1)cmd.txt"),
    )
    .unwrap();
    let out = dir.run(&["--quiet", "build", "in", "-o", "case"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The store keeps what the document said.
    let docs = String::from_utf8(dir.run(&["docs", "--json"]).stdout).unwrap();
    assert!(docs.contains("javascript:alert"), "{docs}");
    for file in ["assertions.csv", "careers.csv"] {
        let csv = std::fs::read_to_string(dir.path(&format!("case/{file}"))).unwrap();
        assert!(csv.lines().count() > 1, "{file} has rows");
        for line in csv.lines() {
            assert!(!line.starts_with(['=', '+', '-', '@']), "{file}: {line}");
            assert!(!line.contains(",=") && !line.contains(",\"="), "{file}: {line}");
        }
    }
    for (file, cell) in [
        ("assertions.csv", "\"'=HYPERLINK(\"\"evil.example"),
        ("careers.csv", ",'@SUM(1+1)cmd.txt"),
    ] {
        let csv = std::fs::read_to_string(dir.path(&format!("case/{file}"))).unwrap();
        assert!(csv.contains(cell), "{file}: {csv}");
    }
    for file in report::FILES {
        let text = std::fs::read_to_string(dir.path(&format!("case/{file}"))).unwrap();
        assert!(!text.to_lowercase().contains("javascript:"), "{file}");
    }
}

#[test]
fn control_characters_in_file_names_are_escaped_on_the_terminal() {
    let _alone = alone();
    let dir = Dir::new();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    dir.write("in/photo\nerror: in/forged.txt: forged line\x1b[31m.png", png);
    dir.write("in/red\x1b[31m\u{9b}2J.txt", b"The council met on Monday.\n");
    let out = dir.run(&["ingest", "in"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains('\x1b') && !err.contains('\u{9b}'), "{err:?}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].contains("photo\\nerror: in/forged.txt: forged line\\u{1b}[31m.png"),
        "{err}"
    );
    let out = dir.run(&["docs"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains('\x1b') && !table.contains('\u{9b}'), "{table:?}");
    assert!(table.contains("red\\u{1b}[31m\\u{9b}2J.txt"), "{table}");
    let out = dir.run(&["show", "red"]);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(!shown.contains('\x1b') && shown.contains("The council met"), "{shown:?}");
    // An error message that quotes a path: one line too.
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--db", "no\nsuch/dir\x1b[2J/x.db", "docs"])
        .current_dir(dir.tmp.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains('\x1b'), "{err:?}");
}

#[test]
fn two_processes_ingest_into_one_new_store_at_once() {
    let _alone = alone();
    let dir = Dir::new();
    for i in 0..80 {
        dir.write(
            &format!("in/note-{i:03}.txt"),
            format!("Note {i}: the council met again.\n").as_bytes(),
        );
    }
    for round in 0..4 {
        let db = dir.path(&format!("store-{round}.db"));
        // `build` creates the store (`ingest` no longer does): both at once, each with its
        // own case folder.
        let spawn = |who: &str| {
            Command::new(env!("CARGO_BIN_EXE_dossier"))
                .arg("--db")
                .arg(&db)
                .args(["--quiet", "build", "in", "-o", &format!("case-{round}-{who}")])
                .current_dir(dir.tmp.path())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("a"), spawn("b"));
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let docs = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--db")
            .arg(&db)
            .args(["docs", "--json"])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(docs.stdout).unwrap().lines().count(), 80, "round {round}");
    }
}

#[test]
fn a_process_waiting_for_the_store_says_so() {
    let _alone = alone();
    let dir = Dir::new();
    dir.write("in/a.txt", b"The council met on Monday.\n");
    assert!(dir.run(&["--quiet", "ingest", "in"]).status.success());
    dir.write("in/b.txt", b"The council met on Tuesday.\n");
    // Another program holds the store's write lock for a while.
    let mut holder = Command::new("python3")
        .args([
            "-c",
            "import sqlite3, sys, time\n\
             c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
             c.execute('BEGIN IMMEDIATE')\n\
             print('locked', flush=True)\n\
             time.sleep(1.5)\n\
             c.execute('COMMIT')",
        ])
        .arg(dir.path("dossier.db"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "locked");
    let out = dir.run(&["ingest", "in"]);
    holder.wait().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("waiting for another dossier process using"), "{err}");
    assert!(err.contains("ingested 1, unchanged 1"), "{err}");
}
