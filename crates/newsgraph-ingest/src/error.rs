//! Errors and warnings of reading and cleaning.
//!
//! One error enum for the crate, [`IngestError`]. Every variant names the input it is
//! about (the file, or `<stdin>`, and for JSON Lines the line number) and says the problem
//! in plain words, so a caller can print `error: {err}` and the user knows what to fix.
//! Errors are per input or per JSON Lines record: reading goes on with the next one.
//!
//! Non-fatal problems (a file decoded from Windows-1252, a date that did not parse) are
//! [`Warning`]s, carried next to the article they concern; the caller decides whether
//! and how to print them.

use std::fmt;

/// Why an input, or one record of it, could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The path as given or found.
        path: String,
    },
    /// The operating system refused access.
    #[error("{path}: permission denied")]
    PermissionDenied {
        /// The path as given or found.
        path: String,
    },
    /// Any other I/O failure on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The path as given or found (`<stdin>` for standard input).
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A directory was given where a file was expected (use [`crate::expand_inputs`]).
    #[error("{path}: is a directory, not a file")]
    IsDirectory {
        /// The path.
        path: String,
    },
    /// The bytes look like a binary file (NUL bytes or many control characters).
    #[error("{path}: binary file, not text")]
    Binary {
        /// The path.
        path: String,
    },
    /// Nothing but whitespace.
    #[error("{path}: empty file")]
    Empty {
        /// The path.
        path: String,
    },
    /// A single-article input is larger than the configured limit.
    #[error(
        "{path}: {} is larger than the limit of {} for one article (max_article_bytes)",
        describe_size(*.size, *.limit),
        human_bytes(*.limit)
    )]
    TooLarge {
        /// The path.
        path: String,
        /// The size when known (files); `None` when only "more than the limit" is known
        /// (standard input, which is never read past the limit).
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// A format newsgraph recognises but cannot read yet.
    #[error("{path}: {} input is not supported yet (see the web-inputs issue)", format_name(.format))]
    Unsupported {
        /// The path.
        path: String,
        /// The format that was detected or requested.
        format: newsgraph_model::InputFormat,
    },
    /// A JSON document that is not JSON Lines (pretty-printed, or an array).
    #[error("{path}: JSON that is not one object per line; newsgraph reads JSON Lines (one article object per line)")]
    NotJsonLines {
        /// The path.
        path: String,
    },
    /// One JSON Lines line is not valid JSON.
    #[error("{path}:{line}: malformed JSON: {message}")]
    Json {
        /// The path.
        path: String,
        /// 1-based line number.
        line: u64,
        /// What the JSON parser said.
        message: String,
    },
    /// One JSON Lines line is valid JSON but not a usable article.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The path.
        path: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong, in plain words.
        message: String,
    },
    /// One JSON Lines line is longer than the per-article limit; it was skipped.
    #[error("{path}:{line}: line is longer than the limit of {} for one article (max_article_bytes); skipped", human_bytes(*.limit))]
    LineTooLong {
        /// The path.
        path: String,
        /// 1-based line number.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Cleaning left no text: the input held only page chrome.
    #[error("{origin}: no article text left after cleaning")]
    EmptyBody {
        /// Where the article came from (`file` or `file:line`).
        origin: String,
    },
    /// The date given in [`crate::ReadOptions::date`] is not a date.
    /// A web input (HTML page, feed, WARC record) that could not be read: no article in
    /// the page, an undecodable charset, unsafe XML, a damaged archive.
    #[error("{origin}: {message}")]
    Web {
        /// The file, feed item (`file#3`) or archive record (`file@offset`).
        origin: String,
        /// What was wrong.
        message: String,
    },
    #[error("invalid date option {value:?}: not a date newsgraph can read (try 2026-01-31)")]
    InvalidDate {
        /// The value given.
        value: String,
    },
}

impl IngestError {
    /// Maps an I/O error on `path` to the most specific variant.
    pub fn io(path: impl Into<String>, err: std::io::Error) -> Self {
        let path = path.into();
        match err.kind() {
            std::io::ErrorKind::NotFound => IngestError::NotFound { path },
            std::io::ErrorKind::PermissionDenied => IngestError::PermissionDenied { path },
            _ => IngestError::Io { path, source: err },
        }
    }

    /// The input the error is about (`None` for an invalid option).
    pub fn path(&self) -> Option<&str> {
        match self {
            IngestError::NotFound { path }
            | IngestError::PermissionDenied { path }
            | IngestError::Io { path, .. }
            | IngestError::IsDirectory { path }
            | IngestError::Binary { path }
            | IngestError::Empty { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::Unsupported { path, .. }
            | IngestError::NotJsonLines { path }
            | IngestError::Json { path, .. }
            | IngestError::Record { path, .. }
            | IngestError::LineTooLong { path, .. } => Some(path),
            IngestError::EmptyBody { origin } | IngestError::Web { origin, .. } => Some(origin),
            IngestError::InvalidDate { .. } => None,
        }
    }

    /// The 1-based JSON Lines line number, for errors about one line.
    pub fn line(&self) -> Option<u64> {
        match self {
            IngestError::Json { line, .. }
            | IngestError::Record { line, .. }
            | IngestError::LineTooLong { line, .. } => Some(*line),
            _ => None,
        }
    }
}

fn format_name(format: &newsgraph_model::InputFormat) -> &'static str {
    use newsgraph_model::InputFormat;
    match format {
        InputFormat::Text => "plain text",
        InputFormat::Jsonl => "JSON Lines",
        InputFormat::Html => "HTML",
        InputFormat::Feed => "RSS/Atom feed",
        InputFormat::Warc => "WARC",
    }
}

fn describe_size(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("file size {} ({size} bytes)", human_bytes(size)),
        None => format!("input of more than {limit} bytes"),
    }
}

/// `16777216` → "16.0 MiB".
fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// What kind of non-fatal problem a [`Warning`] reports (for filtering; the message
/// says the details).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The bytes were not UTF-8 and were decoded from a legacy encoding (or held
    /// undecodable sequences that were replaced).
    Encoding,
    /// A date field did not parse; the raw string is kept in `metadata.date_raw`.
    UnparsedDate,
    /// A known field had an unexpected type; it was kept in `metadata` as it came.
    FieldType,
}

/// A non-fatal problem met while reading one article: the article is still produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where (`file` or `file:line`).
    pub origin: String,
    /// What kind of problem.
    pub kind: WarningKind,
    /// The problem in plain words.
    pub message: String,
}

impl Warning {
    /// A warning about `origin`.
    pub fn new(origin: impl Into<String>, kind: WarningKind, message: impl Into<String>) -> Self {
        Warning {
            origin: origin.into(),
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_plainly() {
        assert_eq!(human_bytes(16 << 20), "16.0 MiB");
        assert_eq!(human_bytes(10), "10 bytes");
        let err = IngestError::TooLarge {
            path: "big.txt".into(),
            size: Some(200_000_000),
            limit: 16 << 20,
        };
        assert_eq!(
            err.to_string(),
            "big.txt: file size 190.7 MiB (200000000 bytes) is larger than the limit of 16.0 MiB for one article (max_article_bytes)"
        );
    }

    #[test]
    fn unsupported_names_format_and_issue() {
        let err = IngestError::Unsupported {
            path: "a.html".into(),
            format: newsgraph_model::InputFormat::Html,
        };
        assert_eq!(
            err.to_string(),
            "a.html: HTML input is not supported yet (see the web-inputs issue)"
        );
    }
}
