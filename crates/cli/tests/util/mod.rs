//! The helpers every CLI test binary shares: a fresh temporary folder with a store in it, and
//! the `dossier` binary run there.

// Each test binary uses its own subset of the helpers.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// A temporary folder that holds the store (`dossier.db`) and whatever a test writes.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    /// A fresh folder with an empty store in it (`dossier new`).
    pub fn new() -> Dir {
        let dir = Dir::bare();
        let out = dir.run(&["new"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        dir
    }

    /// A fresh folder without a store.
    pub fn bare() -> Dir {
        Dir { tmp: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `dossier --db DIR/dossier.db`, run in the folder.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.arg("--db").arg(self.path("dossier.db")).current_dir(self.tmp.path());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }
}

/// What a reference scorer in shared/tools prints for these arguments.
pub fn reference(script: &str, args: &[&std::path::Path]) -> String {
    let out = Command::new("python3")
        .arg(test_utils::workspace().join("../shared/tools").join(script))
        .args(args)
        .output()
        .expect("python3 runs the reference scorer");
    String::from_utf8(out.stdout).unwrap()
}

/// A command's standard error, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
