//! Hostile inputs at the command line: file names that are not UTF-8, links out of a folder,
//! PDF decompression bombs.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::process::{Command, Output};

/// `dossier --db DIR/dossier.db ARGS`, the store created first (`dossier new`) if missing.
fn dossier(dir: &std::path::Path, args: &[&OsStr]) -> Output {
    if !dir.join("dossier.db").exists() {
        let made = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--db")
            .arg(dir.join("dossier.db"))
            .arg("new")
            .output()
            .unwrap();
        assert!(made.status.success(), "{}", stderr(&made));
    }
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(dir.join("dossier.db"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_file_name_that_is_not_utf8_is_ingested_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let name = OsStr::from_bytes(b"caf\xe9 report.txt");
    std::fs::write(dir.path().join(name), "The committee published its report on Monday.").unwrap();
    let out = dossier(dir.path(), &[OsStr::new("ingest"), name]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 1"), "{}", stderr(&out));
    let store = store::Store::open(&dir.path().join("dossier.db")).unwrap();
    assert_eq!(store.counts().unwrap()["documents"], 1);
}

#[test]
fn links_inside_a_folder_are_followed_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("case");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "The committee published its report on Monday.").unwrap();
    std::fs::write(dir.path().join("outside.txt"), "A note kept outside the case folder.").unwrap();
    symlink(dir.path().join("outside.txt"), folder.join("b.txt")).unwrap();
    symlink("/proc/self/status", folder.join("c.txt")).unwrap();

    let out = dossier(dir.path(), &[OsStr::new("ingest"), folder.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "b.txt: skipped: a symbolic link inside a folder, not followed: pass --follow-links"
        ),
        "{err}"
    );
    assert!(err.contains("ingested 1,"), "{err}");

    let out = dossier(
        dir.path(),
        &[OsStr::new("ingest"), OsStr::new("--follow-links"), folder.as_os_str()],
    );
    let err = stderr(&out);
    assert!(err.contains("ingested 1,"), "{err}"); // b.txt, now followed
    assert!(err.contains("c.txt: skipped: a file of the operating system"), "{err}");
    let store = store::Store::open(&dir.path().join("dossier.db")).unwrap();
    assert_eq!(store.counts().unwrap()["documents"], 2);
}

#[test]
fn a_pdf_bomb_is_refused_with_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    // One stream of 8 MiB of spaces, deflated to a few kilobytes.
    let mut deflate = flate_spaces(8 << 20);
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec();
    pdf.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    pdf.extend_from_slice(b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n");
    pdf.extend_from_slice(
        format!("4 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n", deflate.len())
            .as_bytes(),
    );
    pdf.append(&mut deflate);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    std::fs::write(dir.path().join("bomb.pdf"), &pdf).unwrap();
    let out = dossier(
        dir.path(),
        &[
            OsStr::new("ingest"),
            OsStr::new("--max-pdf-stream"),
            OsStr::new("1MiB"),
            OsStr::new("bomb.pdf"),
        ],
    );
    let err = stderr(&out);
    // The only input failed: nothing went through.
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("bomb.pdf: a PDF stream inflates past 1 MiB"), "{err}");
}

/// A zlib stream of `n` spaces.
fn flate_spaces(n: usize) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(&vec![b' '; n]).unwrap();
    e.finish().unwrap()
}

/// Issue 12: a no-break space before the last word of a sentence with a date crashed the
/// time tagger, and every later build with it.
#[test]
fn a_no_break_space_before_a_dated_sentence_end_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The minister met the envoy on 5 March 2020 in the\u{a0}capital.\n\nHe said on Monday\u{2009}he would return in\u{3000}May.\n";
    std::fs::write(dir.path().join("spaces.txt"), text).unwrap();
    let out = dossier(dir.path(), &[OsStr::new("build"), OsStr::new("spaces.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("read:    1 documents"), "{}", stderr(&out));
}

/// Issue 12: a document a stage fails on is named, recorded on the document, skipped by the
/// same code from then on (so it cannot fail every later build), and read again when the code
/// or the limit changes.
#[test]
fn a_document_that_overruns_a_stage_is_named_recorded_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The minister resigned on Monday.").unwrap();
    let ingest = dossier(dir.path(), &[OsStr::new("ingest"), OsStr::new("a.txt")]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));

    let read = |timeout: &str| {
        dossier(dir.path(), &[OsStr::new("read"), OsStr::new("--timeout"), OsStr::new(timeout)])
    };
    let out = read("0");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error: a.txt: reading failed: stopped after 0 s (the time limit)"),
        "{}",
        stderr(&out)
    );
    let docs = dossier(dir.path(), &[OsStr::new("docs")]);
    assert!(String::from_utf8_lossy(&docs.stdout).contains("read failed"));
    let doctor = dossier(dir.path(), &[OsStr::new("doctor")]);
    assert_eq!(doctor.status.code(), Some(1));
    assert!(stderr(&doctor).contains("failed: "), "{}", stderr(&doctor));

    // The same reader under the same limit does not try again.
    let again = read("0");
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("read 0 documents"), "{}", stderr(&again));

    // A higher limit does, and a success clears the record.
    let fine = read("60");
    assert!(fine.status.success(), "{}", stderr(&fine));
    assert!(stderr(&fine).contains("read 1 documents"), "{}", stderr(&fine));
    let doctor = dossier(dir.path(), &[OsStr::new("doctor")]);
    assert!(doctor.status.success(), "{}", stderr(&doctor));
}

/// Issue 12: a PDF that panics the PDF reader is one error line naming the file, with no
/// panic message on the terminal, and the other files land.
#[test]
fn a_pdf_that_panics_the_reader_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = test_utils::workspace().join("tests/fuzz-regressions/min-666c31ac1da4007f.pdf");
    std::fs::copy(fixture, dir.path().join("bad.pdf")).unwrap();
    std::fs::write(dir.path().join("good.txt"), "The minister resigned on Monday.").unwrap();
    let out = dossier(dir.path(), &[OsStr::new("ingest"), OsStr::new(".")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].contains("bad.pdf: broken or truncated PDF"), "{err}");
    assert!(err.contains("ingested 1"), "{err}");
}
