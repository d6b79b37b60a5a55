//! The one error type of the crate.
//!
//! Every variant says what went wrong in words a user can act on; callers match on the
//! cause (a page without an article is not the same failure as a page that cannot be
//! decoded, and a WARC record that is too large is skipped while a truncated archive
//! ends the stream).

use thiserror::Error;

/// Why a page, feed, archive record or fetch could not be turned into articles.
#[derive(Debug, Error)]
pub enum WebError {
    /// The page parsed, but nothing on it looks like an article body.
    #[error("no article found on the page: {reason}")]
    NoArticle {
        /// What was missing (e.g. "no block of running text").
        reason: String,
    },
    /// The bytes cannot be decoded as text in any encoding the page declares or that
    /// detection finds (binary data, or a charset decoding into mostly garbage).
    #[error("cannot decode the page as text (charset {charset})")]
    Undecodable {
        /// The charset tried (declared, detected, or `binary`).
        charset: String,
    },
    /// The input is larger than the configured limit.
    #[error("input of {bytes} bytes is larger than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input (or a lower bound of it).
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A feed that is not RSS, Atom or JSON Feed, or is malformed.
    #[error("not a readable feed: {0}")]
    Feed(String),
    /// XML that declares entities or otherwise asks for unsafe processing; refused
    /// before parsing (no entity is ever expanded and nothing is ever fetched).
    #[error("unsafe XML refused: {0}")]
    UnsafeXml(String),
    /// An HTTP request that got an error status.
    #[error("{url}: HTTP status {status}")]
    HttpStatus {
        /// The URL requested.
        url: String,
        /// The status received.
        status: u16,
    },
    /// A request that failed before a status was received (DNS, connection, timeout).
    #[error("{url}: {reason}")]
    Network {
        /// The URL requested.
        url: String,
        /// What failed.
        reason: String,
    },
    /// A page fetch refused by the site's robots.txt.
    #[error("{url}: disallowed by robots.txt")]
    RobotsDisallowed {
        /// The URL not fetched.
        url: String,
    },
    /// A WARC record whose header cannot be read; the reader resynchronises on the
    /// next record.
    #[error("WARC record at byte {offset}: {reason}")]
    WarcFormat {
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// A WARC record larger than the limit: skipped without being read into memory.
    #[error("WARC record at byte {offset} ({uri}) has {bytes} bytes, more than the limit of {limit}: skipped")]
    WarcRecordTooLarge {
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// Its `WARC-Target-URI`, or empty.
        uri: String,
        /// Its `Content-Length`.
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The archive ends in the middle of a record or of a gzip member; the records
    /// before it were yielded.
    #[error("WARC archive truncated at byte {offset} of the uncompressed stream: {reason}")]
    WarcTruncated {
        /// How far the stream was read.
        offset: u64,
        /// The underlying error.
        reason: String,
    },
    /// An I/O error reading a local input.
    #[error("reading {path}: {source}")]
    Io {
        /// The file (or `<stream>`).
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
