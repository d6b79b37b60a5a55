//! Scoring newsgraph's stages on standard benchmark formats.

pub mod sbd;
