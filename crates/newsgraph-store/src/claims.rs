//! Events, quotes and figures as the store returns them: the record itself (the report
//! contract's type) with the context a reader needs — the article's title and date and
//! the sentence that is the evidence.

use newsgraph_model::{ArticleId, Event};

/// Which events [`crate::Store::events`] returns; every filter is optional.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventQuery {
    /// Only events in this article (full id).
    pub article: Option<ArticleId>,
    /// Only events with this actor as source, target, place or attribution (actor id).
    pub actor: Option<String>,
    /// Only this PLOVER type ("ASSAULT").
    pub kind: Option<String>,
    /// Only this modality ("ASSERTED").
    pub modality: Option<String>,
    /// Only events dated (event time, else article date) on or after this ISO date.
    pub from: Option<String>,
    /// Only events dated on or before this ISO date (a prefix matches: "2026-01").
    pub to: Option<String>,
    /// Most rows to return.
    pub limit: usize,
}

impl Default for EventQuery {
    fn default() -> Self {
        EventQuery {
            article: None,
            actor: None,
            kind: None,
            modality: None,
            from: None,
            to: None,
            limit: 1000,
        }
    }
}

/// An event with its context.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// The event.
    pub event: Event,
    /// Its article's title.
    pub title: String,
    /// Its article's publication date.
    pub published: Option<String>,
    /// Its article's outlet.
    pub source: String,
    /// The evidence sentence's text.
    pub sentence: String,
}

/// Which quotes or figures [`crate::Store::quotes`] and [`crate::Store::quantities`]
/// return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimQuery {
    /// Only those of this article (full id).
    pub article: Option<ArticleId>,
    /// Most rows to return.
    pub limit: usize,
}

impl Default for ClaimQuery {
    fn default() -> Self {
        ClaimQuery {
            article: None,
            limit: 1000,
        }
    }
}

/// A quote or figure with its article's date and outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord<T> {
    /// The quote or figure.
    pub record: T,
    /// Its article's title.
    pub title: String,
    /// Its article's publication date.
    pub published: Option<String>,
    /// Its article's outlet.
    pub source: String,
}
