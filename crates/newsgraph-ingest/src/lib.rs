//! Reading and cleaning: the first two stages of the pipeline (DESIGN.md §2).
//!
//! `read` turns paths (files, directories, `-` for stdin) into raw documents, detecting
//! the format and decoding the bytes; `clean` turns scraped text into an [`Article`]
//! with metadata moved out of the body and page chrome removed; `dedup` gives the
//! content id and the near-duplicate fingerprint.
//!
//! [`Article`]: newsgraph_model::Article

pub mod clean;
pub mod dedup;
mod error;
pub mod read;

pub use error::IngestError;
