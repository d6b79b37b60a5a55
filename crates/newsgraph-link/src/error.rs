//! Errors of setting up the linker.

/// Why a [`crate::Linker`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// A knowledge-base file could not be loaded (the message names the file and line).
    #[error(transparent)]
    Kb(#[from] newsgraph_kb::KbError),
    /// The built-in tagger model could not be loaded.
    #[error("the built-in name tagger failed to load: {0}")]
    Tagger(String),
}
