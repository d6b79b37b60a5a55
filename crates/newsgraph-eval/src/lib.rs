//! Scoring newsgraph's stages on standard benchmark formats.

pub mod error;
pub mod sbd;

pub use error::EvalError;
