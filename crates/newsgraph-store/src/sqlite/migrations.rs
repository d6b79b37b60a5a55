//! Versioned schema migrations of the SQLite backend.
//!
//! The schema version is kept in `PRAGMA user_version`. [`MIGRATIONS`] lists every
//! migration in order; version `n` turns a version `n - 1` database into version `n`.
//! Each runs in its own `BEGIN IMMEDIATE` transaction together with the version bump, so
//! a migration is applied entirely or not at all, and two processes opening a fresh
//! database at once do not both apply it (the second sees the new version and skips).
//!
//! To extend the schema (mentions, actors, events, stories, …): add a file
//! `migrations/000N_<what>.sql` and an entry at the end of [`MIGRATIONS`]. Never edit a
//! released migration; databases in the field have already run it.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// One schema migration.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The schema version this migration produces.
    pub version: u32,
    /// What it adds, for error messages.
    pub name: &'static str,
    /// The SQL to run (several statements).
    pub sql: &'static str,
}

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles, sentences, near-duplicate bands, full-text index",
        sql: include_str!("migrations/0001_articles.sql"),
    },
    Migration {
        version: 2,
        name: "mentions, actors, learned roles",
        sql: include_str!("migrations/0002_actors.sql"),
    },
    Migration {
        version: 3,
        name: "time expressions",
        sql: include_str!("migrations/0003_timexes.sql"),
    },
    Migration {
        version: 4,
        name: "events, quotes, quantities",
        sql: include_str!("migrations/0004_claims.sql"),
    },
    Migration {
        version: 5,
        name: "stories, merged events, series",
        sql: include_str!("migrations/0005_stories.sql"),
    },
    Migration {
        version: 6,
        name: "indexes for bounded story pages",
        sql: include_str!("migrations/0006_page_indexes.sql"),
    },
];

/// The schema version this build creates and understands.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// `PRAGMA application_id` of newsgraph databases ("NGDB"), set by the first migration,
/// so that other applications' SQLite files are recognised and left alone.
pub const APPLICATION_ID: i32 = 0x4E47_4442;

/// The schema version recorded in the database (`PRAGMA user_version`).
pub fn current_version(conn: &Connection, path: &Path) -> Result<u32, StoreError> {
    let raw: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| super::map_error(e, path))?;
    u32::try_from(raw).map_err(|_| StoreError::ForeignDatabase {
        path: path.to_path_buf(),
        detail: format!("negative schema version {raw}"),
    })
}

/// Refuses databases of other applications and of newer newsgraphs, then brings the
/// schema up to [`LATEST_VERSION`].
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let backend = |e: rusqlite::Error| super::map_error(e, path);
    let version = current_version(conn, path)?;
    check_version(path, version)?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(backend)?;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(StoreError::ForeignDatabase {
            path: path.to_path_buf(),
            detail: format!("application id {app_id:#x}"),
        });
    }
    if version == 0 {
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
                [],
                |row| row.get(0),
            )
            .map_err(backend)?;
        if tables > 0 && app_id != APPLICATION_ID {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
                detail: format!("it has {tables} tables but no newsgraph schema version"),
            });
        }
    }
    for m in MIGRATIONS {
        apply(conn, path, m)?;
    }
    Ok(())
}

fn check_version(path: &Path, found: u32) -> Result<(), StoreError> {
    if found > LATEST_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST_VERSION,
        });
    }
    Ok(())
}

fn apply(conn: &mut Connection, path: &Path, m: &Migration) -> Result<(), StoreError> {
    let failed = |e: rusqlite::Error| match super::map_error(e, path) {
        // Lock and corruption errors say more as themselves than as a failed migration.
        err @ (StoreError::Busy { .. }
        | StoreError::Corrupt { .. }
        | StoreError::NotADatabase { .. }) => err,
        other => StoreError::Migration {
            path: path.to_path_buf(),
            version: m.version,
            name: m.name,
            source: Box::new(other),
        },
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(failed)?;
    // Re-read inside the write lock: another process may have migrated meanwhile.
    let version = current_version(&tx, path)?;
    check_version(path, version)?;
    if version >= m.version {
        return Ok(());
    }
    tx.execute_batch(m.sql).map_err(failed)?;
    tx.pragma_update(None, "user_version", m.version)
        .map_err(failed)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(failed)?;
    tx.commit().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "{}", m.name);
        }
        assert_eq!(LATEST_VERSION as usize, MIGRATIONS.len());
    }
}
