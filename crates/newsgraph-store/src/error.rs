//! The errors of the storage interface: one enum for every backend, naming the database
//! and what went wrong in words a user can act on. Driver errors are kept only as a
//! boxed source, so no driver type appears in the API.

use std::path::PathBuf;

/// A backend's own error, kept as the source of a [`StoreError`] without exposing its type.
pub type BackendError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a storage operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be opened or created (missing directory, permissions, …).
    #[error("cannot open database {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What the backend reported.
        #[source]
        source: BackendError,
    },

    /// The file exists but is not an SQLite database (or is encrypted).
    #[error("{} is not a newsgraph database: the file is not an SQLite database", path.display())]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },

    /// The file is an SQLite database of some other application.
    #[error("{} is not a newsgraph database: it is an SQLite database of another application ({detail})", path.display())]
    ForeignDatabase {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        detail: String,
    },

    /// The database was written by a newer newsgraph with a schema this one does not know.
    #[error(
        "database {} has schema version {found}, newer than the newest this newsgraph \
         knows ({supported}); upgrade newsgraph to open it",
        path.display()
    )]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// Schema version found in the file.
        found: u32,
        /// Newest schema version this build knows.
        supported: u32,
    },

    /// A schema migration failed; the database is left at the previous version.
    #[error("database {}: migration to schema version {version} ({name}) failed: {source}", path.display())]
    Migration {
        /// The database file.
        path: PathBuf,
        /// The version being migrated to.
        version: u32,
        /// What the migration does.
        name: &'static str,
        /// What the backend reported.
        #[source]
        source: BackendError,
    },

    /// The database (or a value stored in it) is damaged.
    #[error("database {} is corrupt: {detail}", path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },

    /// Another process held the database locked for longer than the busy timeout.
    #[error("database {} is locked by another process (timed out waiting)", path.display())]
    Busy {
        /// The database file.
        path: PathBuf,
    },

    /// No article has this id (or an id starting with this prefix).
    #[error("no article with id {id:?}")]
    NotFound {
        /// The id or prefix asked for.
        id: String,
    },

    /// Several articles have ids starting with this prefix.
    #[error(
        "article id prefix {prefix:?} is ambiguous: {count} articles match; give more characters"
    )]
    AmbiguousPrefix {
        /// The prefix asked for.
        prefix: String,
        /// How many ids start with it.
        count: u64,
    },

    /// An id prefix too short to look up.
    #[error("article id prefix {prefix:?} is too short: give at least {min} characters")]
    PrefixTooShort {
        /// The prefix asked for.
        prefix: String,
        /// The minimum length.
        min: usize,
    },

    /// A search or filter that cannot be run (nothing to search for, malformed date).
    #[error("invalid query {query:?}: {reason}")]
    InvalidQuery {
        /// The query text or filter value.
        query: String,
        /// Why it cannot be run.
        reason: String,
    },

    /// A listing cursor that this crate did not produce.
    #[error("invalid cursor {cursor:?}: use a cursor returned by a previous listing")]
    InvalidCursor {
        /// The cursor given.
        cursor: String,
    },

    /// An article the store refused (empty id, span outside the body, a violated
    /// constraint such as a reversed or repeated sentence); nothing of it was written.
    #[error("article {id:?} was not stored: {reason}")]
    InvalidArticle {
        /// The article's id.
        id: String,
        /// What is wrong with it.
        reason: String,
    },

    /// Any other failure of the backend.
    #[error("database {}: {source}", path.display())]
    Backend {
        /// The database file.
        path: PathBuf,
        /// What the backend reported.
        #[source]
        source: BackendError,
    },
}
