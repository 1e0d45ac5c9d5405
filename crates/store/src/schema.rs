//! Schema migrations, numbered and applied in order inside one transaction each.
//!
//! SQLite's `user_version` pragma records how many have been applied. Migrations are only ever
//! appended; an applied one is never edited, so that old stores upgrade the same way new ones
//! are created.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_documents.sql"),
    include_str!("migrations/0002_readings.sql"),
    include_str!("migrations/0003_claims.sql"),
    include_str!("migrations/0004_judgements.sql"),
    include_str!("migrations/0005_stage_failures.sql"),
    include_str!("migrations/0006_parses.sql"),
    include_str!("migrations/0007_removals.sql"),
    include_str!("migrations/0008_origins.sql"),
    include_str!("migrations/0009_review.sql"),
    include_str!("migrations/0010_lists.sql"),
    include_str!("migrations/0011_human_claims.sql"),
    include_str!("migrations/0012_claims_by_type.sql"),
    include_str!("migrations/0013_search_human_claims.sql"),
];

/// Applies the migrations up to number `upto` (all of them, `usize::MAX`, outside tests; an
/// upgrade test makes a store as an older version left it).
pub(crate) fn migrate_to(conn: &mut Connection, path: &Path, upto: usize) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    let upto = i64::try_from(upto).unwrap_or(i64::MAX).min(known);
    let version = |conn: &Connection| -> Result<i64> {
        let applied: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if applied > known {
            return Err(Error::TooNew { path: path.to_path_buf(), found: applied, known });
        }
        Ok(applied)
    };
    // Up to date: no write lock taken, so opening a store in use never waits.
    while version(conn)? < upto {
        // Another process may be creating or upgrading the same file: the version is read
        // again under the write lock (an immediate transaction), so each migration runs once.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let applied = version(&tx)?;
        if applied < upto {
            tx.execute_batch(MIGRATIONS[applied as usize])?;
            tx.pragma_update(None, "user_version", applied + 1)?;
        }
        tx.commit()?;
    }
    Ok(())
}
