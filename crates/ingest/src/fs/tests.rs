//! The folder walk stays in the folder, reads only regular files, and says why it skipped
//! anything.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Error, Limits, files, read_file};

/// A folder with one document and every kind of thing the walk must not read.
fn hostile_folder() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "A document of the case.").unwrap();
    std::fs::write(outside.path().join("secret.txt"), "Not part of the case.").unwrap();
    symlink(outside.path().join("secret.txt"), d.join("b-outside.txt")).unwrap();
    symlink("/proc/self/status", d.join("c-status.txt")).unwrap();
    symlink("/proc/self", d.join("d-proc")).unwrap();
    assert!(Command::new("mkfifo").arg(d.join("e-pipe.txt")).status().unwrap().success());
    let _socket = std::os::unix::net::UnixListener::bind(d.join("f-socket.txt")).unwrap();
    std::fs::create_dir(d.join("x.txt")).unwrap();
    (dir, outside)
}

fn reasons(errors: &[(PathBuf, Error)], root: &Path) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(p, e)| {
            let name = p.strip_prefix(root).unwrap_or(p).display().to_string();
            (name, e.to_string())
        })
        .collect()
}

#[test]
fn a_folder_walk_reads_only_its_own_regular_files_and_says_why() {
    let (dir, _outside) = hostile_folder();
    let root = dir.path().canonicalize().unwrap();
    let (inputs, errors) = files(&[dir.path().to_path_buf()], false);
    assert_eq!(inputs.iter().map(|i| i.name()).collect::<Vec<_>>(), ["a.txt"]);
    let got = reasons(&errors, &root);
    let link = "skipped: a symbolic link inside a folder, not followed: pass --follow-links to follow links";
    let expected = [
        ("b-outside.txt", link),
        ("c-status.txt", link),
        ("d-proc", link),
        ("e-pipe.txt", "skipped: a named pipe (FIFO), not a regular file"),
        ("f-socket.txt", "skipped: a socket, not a regular file"),
        ("x.txt", "skipped: a folder named like a document, with no files to ingest in it"),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, expected);
}

#[test]
fn followed_links_still_never_reach_system_files() {
    let (dir, _outside) = hostile_folder();
    let root = dir.path().canonicalize().unwrap();
    let (inputs, errors) = files(&[dir.path().to_path_buf()], true);
    let names: Vec<String> = inputs.iter().map(|i| i.name()).collect();
    assert_eq!(names, ["a.txt", "b-outside.txt"]);
    let got = reasons(&errors, &root);
    let system = "skipped: a file of the operating system (/proc, /sys or /dev), not a document";
    assert!(got.contains(&("c-status.txt".into(), system.into())), "{got:?}");
    assert!(got.contains(&("d-proc".into(), system.into())), "{got:?}");
    assert!(got.iter().any(|(n, _)| n == "e-pipe.txt"), "{got:?}");
}

#[test]
fn a_link_named_on_the_command_line_is_followed() {
    let (dir, outside) = hostile_folder();
    let (inputs, errors) = files(&[dir.path().join("b-outside.txt")], false);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs[0].path, outside.path().join("secret.txt").canonicalize().unwrap());
    // ... but never to a pipe or a system file.
    let (inputs, errors) =
        files(&[dir.path().join("e-pipe.txt"), dir.path().join("c-status.txt")], false);
    assert!(inputs.is_empty());
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn reading_a_pipe_neither_blocks_nor_reads() {
    let (dir, _outside) = hostile_folder();
    let err = read_file(&dir.path().join("e-pipe.txt"), &Limits::default()).unwrap_err();
    assert!(matches!(err, Error::Skipped(_)), "{err}");
    let empty = tempfile::tempdir().unwrap();
    let (inputs, errors) = files(&[empty.path().to_path_buf()], false);
    assert!(inputs.is_empty());
    assert_eq!(
        errors[0].1.to_string(),
        "skipped: a folder with no text, Markdown, HTML or PDF files in it"
    );
}
