//! Writes a folder as a whole: a killed process leaves the previous folder or the new one,
//! never a mix, and nothing is ever written or removed through a link.
//!
//! The new files go into a fresh hidden sibling folder (`.NAME.dossier-tmp-XXXXXX`, created
//! with `mkdir`, so nobody can have planted a link in it), each file created new and synced;
//! then the sibling is exchanged with the old folder in one `renameat2(RENAME_EXCHANGE)` (a
//! plain rename when there was none), and the old folder, now under the temporary name, is
//! removed with `std::fs::remove_dir_all`, which does not follow links. A sibling left by a
//! killed run is removed by the next one; a sibling that another running process holds (it
//! keeps an exclusive `flock` on it while it writes) is left alone.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ReportError;

/// What the temporary sibling folders' names hold after `.NAME`.
pub const TMP_MARK: &str = ".dossier-tmp-";

/// The case's store, which may live in the case folder (a case is a folder: its store with
/// the originals, and its case file): carried into the new folder by hard links before the
/// exchange, so that it is never copied, moved or lost, whenever a run is killed.
pub const KEPT: [&str; 4] =
    ["dossier.db", "dossier.db-wal", "dossier.db-shm", "dossier.db-journal"];

/// Replaces the folder `dir` with one holding exactly `files` (name, content), atomically.
///
/// Refuses when `dir` is a symbolic link, is not a folder, or holds an entry whose name is
/// not among `files` (it would be lost: such a folder is not one this function wrote).
pub fn replace(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), ReportError> {
    replace_with(dir, files, |_| Ok(()))
}

/// [`replace`], calling `after_each` after each file is written (tests inject failures here).
pub(crate) fn replace_with(
    dir: &Path,
    files: &[(&str, &[u8])],
    mut after_each: impl FnMut(usize) -> std::io::Result<()>,
) -> Result<(), ReportError> {
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let existed = check_path(dir, &names)?;
    let name = name_of(dir)?;
    let parent = parent_of(dir);
    std::fs::create_dir_all(parent).map_err(write_err(parent))?;
    let prefix = format!(".{name}{TMP_MARK}");
    remove_leftovers(parent, &prefix);

    // `mkdir` with mode 0777 less the umask: the folder gets the permissions a plain
    // `create_dir` would give it. Dropping `tmp` removes whatever is under its name: the
    // half-written folder on error, the old folder after the exchange.
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let tmp = builder.tempdir_in(parent).map_err(write_err(parent))?;
    let handle = File::open(tmp.path()).map_err(write_err(tmp.path()))?;
    handle.lock().map_err(write_err(tmp.path()))?;
    for (i, (file, body)) in files.iter().enumerate() {
        let path = tmp.path().join(file);
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(write_err(&path))?;
        f.write_all(body).map_err(write_err(&path))?;
        f.sync_all().map_err(write_err(&path))?;
        after_each(i).map_err(write_err(&path))?;
    }
    if existed {
        for kept in KEPT {
            let from = dir.join(kept);
            // Regular files only; a link planted under a kept name stays behind.
            if std::fs::symlink_metadata(&from).is_ok_and(|m| m.file_type().is_file()) {
                let to = tmp.path().join(kept);
                std::fs::hard_link(&from, &to).map_err(write_err(&to))?;
            }
        }
    }
    handle.sync_all().map_err(write_err(tmp.path()))?;
    if existed {
        exchange(tmp.path(), dir).map_err(write_err(dir))?;
    } else {
        std::fs::rename(tmp.path(), dir).map_err(write_err(dir))?;
    }
    // The swap is done: a parent that cannot be synced (some file systems refuse fsync on a
    // folder) only leaves the rename less durable, never the folder mixed.
    let _ = File::open(parent).and_then(|p| p.sync_all());
    drop(handle);
    // The old folder is gone from `dir` already; if removing it fails, the next run does it.
    drop(tmp);
    Ok(())
}

/// Checks, before any long work, that [`replace`] will accept `dir` for a folder of these
/// file names, and that its parent folder is writable; says whether `dir` exists.
pub fn check(dir: &Path, names: &[&str]) -> Result<bool, ReportError> {
    let existed = check_path(dir, names)?;
    let parent = parent_of(dir);
    std::fs::create_dir_all(parent).map_err(write_err(parent))?;
    tempfile::Builder::new()
        .prefix(&format!(".{}{TMP_MARK}", name_of(dir)?))
        .tempdir_in(parent)
        .map_err(write_err(parent))?;
    Ok(existed)
}

fn refuse(dir: &Path, reason: impl Into<String>) -> ReportError {
    ReportError::Refused { path: dir.into(), reason: reason.into() }
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> ReportError + use<> {
    let path = path.to_path_buf();
    move |source| ReportError::Write { path, source }
}

fn name_of(dir: &Path) -> Result<&str, ReportError> {
    dir.file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| refuse(dir, "it does not end in a folder name: name the folder"))
}

fn parent_of(dir: &Path) -> &Path {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Refuses a link, a file, or a folder holding other entries than `names`; says whether
/// `dir` exists.
fn check_path(dir: &Path, names: &[&str]) -> Result<bool, ReportError> {
    name_of(dir)?;
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(refuse(
            dir,
            "it is a symbolic link, and dossier never writes through one: give the real folder",
        )),
        Ok(m) if !m.is_dir() => {
            Err(refuse(dir, "it exists and is not a folder: give another path"))
        }
        Ok(_) => {
            for entry in std::fs::read_dir(dir).map_err(write_err(dir))? {
                let entry_name = entry.map_err(write_err(dir))?.file_name();
                // A split case file's parts, however many an earlier build wrote.
                let part = entry_name.to_str().is_some_and(crate::html::is_part_name);
                if !part && !names.iter().chain(&KEPT).any(|n| entry_name == *n) {
                    return Err(refuse(
                        dir,
                        format!(
                            "it holds {:?}, which a build does not write and replacing the folder would delete: give a new or empty folder, or an earlier case folder",
                            entry_name.to_string_lossy()
                        ),
                    ));
                }
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(write_err(dir)(e)),
    }
}

/// Removes the temporary siblings that killed runs left, but not those a live process holds.
fn remove_leftovers(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(|n| n.starts_with(prefix)) {
            continue;
        }
        // `file_type` does not follow links: a link with our name is not ours, left alone.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let path: PathBuf = entry.path();
        let Ok(held) = File::open(&path) else { continue };
        if held.try_lock().is_ok() {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Swaps the folders `new` and `old` in one step where the system can (Linux).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(new: &Path, old: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, new, CWD, old, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // A file system without RENAME_EXCHANGE.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS | rustix::io::Errno::OPNOTSUPP) => {
            exchange_in_two_steps(new, old)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(new: &Path, old: &Path) -> std::io::Result<()> {
    exchange_in_two_steps(new, old)
}

/// Moves `old` aside under `new`'s name plus `-old`, then `new` into place: a kill in between
/// leaves no folder at `old` for a moment (both folders whole under temporary names), never a
/// mix. The moved-aside folder is removed at once, or by the next run's clean-up.
fn exchange_in_two_steps(new: &Path, old: &Path) -> std::io::Result<()> {
    let mut aside = new.as_os_str().to_owned();
    aside.push("-old");
    let aside = PathBuf::from(aside);
    std::fs::rename(old, &aside)?;
    std::fs::rename(new, old)?;
    let _ = std::fs::remove_dir_all(&aside);
    Ok(())
}
