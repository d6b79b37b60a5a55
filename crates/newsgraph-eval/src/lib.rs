//! Scoring newsgraph's stages on standard benchmark formats.

pub mod cluster;
pub mod error;
pub mod events;
pub mod extract;
pub mod ner;
pub mod sbd;
pub mod timex;

pub use error::EvalError;
