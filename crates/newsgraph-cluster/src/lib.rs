//! The *cluster* stage of DESIGN.md §2: what only becomes visible across articles.
//!
//! - [`story`]: articles grouped into storylines, online and in one pass, time-aware.
//! - [`merge`]: the same real-world event reported by several articles becomes one event
//!   with every report as evidence and a count of independent sources.
//! - [`series`]: figures of the same measure and subject across articles, over time.
//!
//! Everything here is pure functions over plain data; the store persists the state and
//! provides candidates, so the same code runs in memory (evaluation, `analyze`) and
//! incrementally over a store of millions of articles.

pub mod merge;
pub mod series;
pub mod story;
