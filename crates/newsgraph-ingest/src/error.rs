//! Errors of reading and cleaning.

/// Why an input could not be read. (Stub: being written.)
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// An I/O error on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}
