//! Errors of the evaluation crate.
//!
//! Evaluation reads user-supplied benchmark files, so every error says where the input
//! went wrong (file line numbers are 1-based).

use thiserror::Error;

/// Why an evaluation input could not be read.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A JSON Lines record that is not valid JSON or lacks a required field.
    #[error("line {line}: malformed record: {source}")]
    MalformedLine {
        /// 1-based line number in the input.
        line: usize,
        /// The JSON error (names the missing field or the bad token).
        #[source]
        source: serde_json::Error,
    },
    /// The input holds no records at all.
    #[error("no records in input")]
    Empty,
    /// An I/O error while reading an input file.
    #[error("reading {path}: {source}")]
    Io {
        /// The file being read.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A TimeML document that cannot be read.
    #[error("{path}: not TimeML as expected: {reason}")]
    Tml {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A CoNLL file that cannot be read (the message names the line), or a tagger
    /// model that cannot be loaded.
    #[error(transparent)]
    Ner(#[from] newsgraph_ner::NerError),
    /// Gold and predicted tag sequences that do not line up.
    #[error("predictions do not match the gold data: {0}")]
    Mismatch(String),
    /// An article-extraction benchmark directory that cannot be read as such.
    #[error("{path}: not the article-extraction-benchmark layout: {reason}")]
    Benchmark {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}
