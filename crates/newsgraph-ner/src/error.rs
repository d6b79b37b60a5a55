//! Errors of the tagger crate.

use thiserror::Error;

/// Why a model could not be loaded or training data could not be read.
#[derive(Debug, Error)]
pub enum NerError {
    /// The bytes do not start with the model magic (`NGNER\0\r\n`): not a model file.
    #[error("not a newsgraph NER model (bad magic)")]
    BadMagic,
    /// The model was written by an incompatible format or feature-set version.
    #[error("unsupported model version {found} (this build reads {expected})")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build understands.
        expected: u32,
    },
    /// The model file is truncated or internally inconsistent.
    #[error("corrupt model: {0}")]
    Corrupt(String),
    /// The built-in model could not be loaded (a build problem, not an input problem).
    #[error("built-in model unavailable: {0}")]
    Builtin(String),
    /// A CoNLL file line that cannot be read.
    #[error("line {line}: {message}")]
    Conll {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A word-cluster / lexicon file line that cannot be read.
    #[error("lexicon line {line}: {message}")]
    Lexicon {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A gazetteer list line that cannot be read.
    #[error("gazetteer line {line}: {message}")]
    Gazetteer {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An I/O error on a named file.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
