//! Schema migrations, numbered and applied in order inside one transaction each.
//!
//! SQLite's `user_version` pragma records how many have been applied. Migrations are only ever
//! appended; an applied one is never edited, so that old stores upgrade the same way new ones
//! are created.

use std::path::Path;

use rusqlite::Connection;

use crate::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_documents.sql"),
    include_str!("migrations/0002_readings.sql"),
    include_str!("migrations/0003_claims.sql"),
    include_str!("migrations/0004_judgements.sql"),
];

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let applied: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if applied > known {
        return Err(Error::TooNew { path: path.to_path_buf(), found: applied, known });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
