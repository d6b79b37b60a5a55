//! Quotes, attributions (reporting chains) and quantities: part of the *relate* stage
//! and the quantity half of *normalise* (DESIGN.md §2).
//!
//! # Idea
//!
//! All three are pure functions of one article after the time and actor stages: the
//! clean body, its sentences, the linked mentions and the time expressions. They share
//! one tokenisation of the body (`newsgraph-segment`) and work by **linear scans over
//! tokens and bytes** with small word lists: no regexes, no parser. Each module's docs
//! describe its rules and limits:
//!
//! - [`attribution`]: "Axios reported", "a U.S. official confirmed to Axios",
//!   "according to local officials", "Caliber.Az reports via Axios" → [`Attribution`]s
//!   with their sentence and chain (reporter first, then channels);
//! - [`quotes`]: direct and partial quotes with speaker and cue, quotes split around
//!   the cue, refusals to comment;
//! - [`quantities`]: figures with approximation, unit, measure, subject, period and
//!   attribution.
//!
//! Offsets are byte offsets into `article.body`, always on char boundaries. No input
//! panics (mentions or time expressions with spans out of bounds are ignored).
//!
//! [`extract`] runs all three with one tokenisation; the single functions are
//! conveniences that tokenise again.

pub mod attribution;
mod doc;
pub mod quantities;
pub mod quotes;

pub use attribution::{attribution_at, attribution_for_sentence, is_cue, Attribution, Reporter};
pub use quotes::DECLINED_TO_COMMENT;

use newsgraph_link::LinkedMention;
use newsgraph_model::{Article, Quantity, Quote, Sentence};
use newsgraph_time::TimexFound;

/// Everything this crate extracts from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims {
    /// Reporting constructions, in text order.
    pub attributions: Vec<Attribution>,
    /// Quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
}

/// Attributions, quotes and quantities of one article in one pass of tokenisation.
/// `sentences` are the article's sentences, `mentions` its linked mentions and
/// `timexes` its time expressions (all with byte spans into `article.body`).
pub fn extract(
    article: &Article,
    sentences: &[Sentence],
    mentions: &[LinkedMention],
    timexes: &[TimexFound],
) -> Claims {
    let doc = doc::Doc::new(&article.body, sentences, mentions);
    let attributions = attribution::find(&doc);
    let quotes = quotes::find(&doc, article, &attributions);
    let quantities = quantities::find(&doc, article, timexes, &attributions);
    Claims {
        attributions,
        quotes,
        quantities,
    }
}

/// The reporting constructions of one article (see [`attribution`]).
pub fn extract_attributions(
    article: &Article,
    sentences: &[Sentence],
    mentions: &[LinkedMention],
) -> Vec<Attribution> {
    let doc = doc::Doc::new(&article.body, sentences, mentions);
    attribution::find(&doc)
}

/// The quotes of one article with speaker, cue and reporting chain (see [`quotes`]).
pub fn extract_quotes(
    article: &Article,
    sentences: &[Sentence],
    mentions: &[LinkedMention],
) -> Vec<Quote> {
    let doc = doc::Doc::new(&article.body, sentences, mentions);
    let attrs = attribution::find(&doc);
    quotes::find(&doc, article, &attrs)
}

/// The quantities of one article (see [`quantities`]).
pub fn extract_quantities(
    article: &Article,
    sentences: &[Sentence],
    mentions: &[LinkedMention],
    timexes: &[TimexFound],
) -> Vec<Quantity> {
    let doc = doc::Doc::new(&article.body, sentences, mentions);
    let attrs = attribution::find(&doc);
    quantities::find(&doc, article, timexes, &attrs)
}

#[cfg(test)]
mod tests;
