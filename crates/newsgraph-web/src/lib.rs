//! The web as input for newsgraph: article extraction from HTML pages, RSS/Atom/JSON
//! feeds (parsing and a polite poller), and WARC web archives.
//!
//! Pure library code with no dependency on the rest of the pipeline (the ingest crate
//! depends on this one, not the other way round):
//! - [`html`]: page bytes → [`ExtractedPage`] (title, byline, date, outlet, section,
//!   language, canonical URL, clean body);
//! - [`feed`]: feed bytes → [`FeedItem`]s, with unsafe XML (entity declarations)
//!   refused before parsing;
//! - `poll` (feature `fetch`, on by default): [`Poller`] polls feeds with conditional
//!   GET, backoff, per-host politeness and robots.txt, and hands each new article to a
//!   callback;
//! - [`warc`]: a streaming reader of WARC/1.0 and 1.1 archives (plain or multi-member
//!   gzip) yielding HTML `response` records.

pub mod encoding;
mod error;
pub mod feed;
pub mod html;
#[cfg(feature = "fetch")]
pub mod poll;
#[cfg(feature = "fetch")]
pub mod robots;
pub mod warc;

pub use error::WebError;
pub use feed::{parse_feed, FeedItem, ParsedFeed};
pub use html::{extract, extract_str, html_to_text, ExtractOptions, ExtractedPage};
#[cfg(feature = "fetch")]
pub use poll::{PollConfig, PollEvent, Poller, WebArticle};
pub use warc::{WarcOptions, WarcReader, WarcRecord};

/// The User-Agent newsgraph sends: `newsgraph/<version> (+<repository>)`.
pub const USER_AGENT: &str = concat!(
    "newsgraph/",
    env!("CARGO_PKG_VERSION"),
    " (+https://example.invalid/newsgraph)"
);

/// Reads bytes that may be gzip-compressed (by their magic number), at most `limit`
/// bytes after decompression; larger input is a [`WebError::TooLarge`].
pub fn gunzip_if_needed(bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>, WebError> {
    use std::io::Read;
    if bytes.len() < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|source| WebError::Io {
            path: "<gzip>".into(),
            source,
        })?;
    if out.len() as u64 > limit {
        return Err(WebError::TooLarge {
            bytes: out.len() as u64,
            limit,
        });
    }
    Ok(out)
}
