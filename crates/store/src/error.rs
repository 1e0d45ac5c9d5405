//! The store's one error type.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database file could not be opened or created.
    #[error("cannot open the store {path}: {source} (check the path and its permissions)")]
    Open {
        /// The file that was asked for.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// No store at the path, and the caller asked not to create one.
    #[error("no store at {path}: check the path, or create the store first")]
    Missing {
        /// The file that was asked for.
        path: PathBuf,
    },
    /// The file was written by a newer dossier whose schema this build does not know.
    #[error(
        "the store {path} has schema version {found}, newer than this build's {known}: upgrade dossier"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        known: i64,
    },
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A stored value that cannot be read back (a bad hash, date or JSON).
    #[error("unreadable stored value: {0}")]
    Corrupt(String),
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
