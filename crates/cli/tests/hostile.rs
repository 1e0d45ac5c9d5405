//! Hostile inputs at the command line: file names that are not UTF-8, links out of a folder,
//! PDF decompression bombs.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::process::{Command, Output};

fn dossier(dir: &std::path::Path, args: &[&OsStr]) -> Output {
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
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("bomb.pdf: a PDF stream inflates past 1 MiB"), "{err}");
}

/// A zlib stream of `n` spaces.
fn flate_spaces(n: usize) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(&vec![b' '; n]).unwrap();
    e.finish().unwrap()
}
