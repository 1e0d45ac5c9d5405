//! Helpers shared by the tests of several crates: where the workspace and the example
//! documents in `../shared/` are. Tests only; no crate's library depends on this.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace exists")
}

/// The folder of the five example documents, which CI provides beside the clone.
pub fn seeds_dir() -> PathBuf {
    let dir = workspace().join("../shared/corpus/seeds");
    assert!(dir.is_dir(), "the seeds are expected in {}", dir.display());
    dir
}

/// The seed whose file name starts with `prefix` ("000" ... "004").
pub fn seed_path(prefix: &str) -> PathBuf {
    std::fs::read_dir(seeds_dir())
        .expect("the seeds folder is readable")
        .map(|e| e.expect("a readable entry").path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// The bytes of that seed.
pub fn seed_bytes(prefix: &str) -> Vec<u8> {
    std::fs::read(seed_path(prefix)).expect("the seed is readable")
}

pub mod hostile;
