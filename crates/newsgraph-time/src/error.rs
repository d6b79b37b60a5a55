//! Errors of the time crate.

use thiserror::Error;

/// Why a time input could not be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TimeError {
    /// A document date that is not an ISO-8601 date.
    #[error("not an ISO-8601 date: {0:?}")]
    BadDate(String),
}
