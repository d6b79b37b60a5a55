//! Reading and cleaning: the first two stages of the pipeline (DESIGN.md §2).
//!
//! [`read`] turns paths (files, directories, `-` for stdin) into articles: it detects
//! each input's format, decodes the bytes and splits multi-article inputs; [`clean`]
//! turns scraped text into a clean body with metadata moved out of it; [`dedup`] gives
//! the content id and the near-duplicate fingerprint.
//!
//! # Use
//!
//! ```no_run
//! use newsgraph_ingest::{expand_inputs, read_input, ReadOptions};
//!
//! let opts = ReadOptions { source: Some("Example Times".into()), ..ReadOptions::default() };
//! for input in expand_inputs(&["articles/", "extra.jsonl", "-"]) {
//!     // An unreadable path or directory: report it and go on.
//!     let input = match input {
//!         Ok(input) => input,
//!         Err(err) => { eprintln!("error: {err}"); continue; }
//!     };
//!     // A whole input unusable: not found, binary, empty, too large, HTML (not yet).
//!     let articles = match read_input(&input, &opts) {
//!         Ok(articles) => articles,
//!         Err(err) => { eprintln!("error: {err}"); continue; }
//!     };
//!     for article in articles {
//!         match article {
//!             Ok(read) => {
//!                 for warning in &read.warnings { eprintln!("warning: {warning}"); }
//!                 println!("{} {}", read.article.id, read.article.title);
//!             }
//!             // One JSON Lines record unusable ("file.jsonl:12: malformed JSON: …").
//!             Err(err) => eprintln!("error: {err}"),
//!         }
//!     }
//! }
//! ```
//!
//! [`read_paths`] does the same as one flat stream. Errors ([`IngestError`]) and
//! warnings ([`Warning`]) always name the file, and the line for JSON Lines, so the
//! messages can be printed as they are.
//!
//! Formats: plain text (`.txt`, `.text`, or sniffed) is one article per file; JSON Lines
//! (`.jsonl`, `.ndjson`, line-oriented `.json`, or a first line that is an object) is
//! one article per line, streamed. HTML, feeds and WARC are recognised and refused with
//! a clear error until their readers exist. Encodings: UTF-8 (BOM stripped), UTF-16
//! with a BOM, anything else as Windows-1252 with a warning and
//! `metadata.encoding = "windows-1252"`.

pub mod clean;
pub mod dedup;
mod error;
pub mod read;

pub use error::{IngestError, Warning, WarningKind};
pub use read::{
    build_article, expand_inputs, read_input, read_paths, read_raw, read_raw_stream, Articles,
    Input, RawArticle, RawContent, ReadArticle, ReadOptions, DEFAULT_MAX_ARTICLE_BYTES,
};
