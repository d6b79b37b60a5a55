//! Errors and warnings of loading a knowledge base.

use std::fmt;

/// Why a knowledge base could not be loaded. Every variant names the file (the path,
/// or `builtin:NAME` for the embedded data) and, where there is one, the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file holds no record (only blank or comment lines, or nothing at all).
    #[error("{file}: empty knowledge-base file (no records)")]
    Empty {
        /// The file.
        file: String,
    },
    /// A line does not follow the format.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A record refers to a state, organisation, office or entity that no file defines.
    #[error("{file}:{line}: unknown {what} `{name}`")]
    UnknownReference {
        /// The file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What kind of thing was expected ("state", "office", "entity").
        what: &'static str,
        /// The name as written.
        name: String,
    },
    /// Two records define the same id.
    #[error("{file}:{line}: `{id}` is already defined at {first}")]
    Duplicate {
        /// The file of the second definition.
        file: String,
        /// Its line.
        line: usize,
        /// The id.
        id: String,
        /// Where the first definition is (`file:line`).
        first: String,
    },
    /// Two terms of one office overlap (only from [`crate::Kb::load_strict`]).
    #[error("{0}")]
    Overlap(Box<KbWarning>),
}

/// A problem that does not stop loading: two terms of one office of one state overlap.
///
/// Overlaps are kept (both holders are returned for the days in common, so the
/// ambiguity stays visible) and listed by [`crate::Kb::warnings`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbWarning {
    /// The file of the later term.
    pub file: String,
    /// The line of the later term.
    pub line: usize,
    /// Where the earlier, overlapping term is (`file:line`).
    pub other: String,
    /// The office id.
    pub office: String,
    /// The state or organisation id.
    pub of: String,
    /// A readable description.
    pub message: String,
}

impl fmt::Display for KbWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}
