//! The pipeline: runs the per-article stages over read articles and files the results.
//!
//! DESIGN.md §2 splits the work in two. Stages up to *relate* are pure functions of one
//! article; [`analyze`] runs them (today: segmentation and the near-duplicate
//! fingerprint; later stages add their output to [`Analysis`]) and can be mapped over
//! articles in parallel. Writing is sequential: [`Ingestor::file`] decides whether an
//! analysed article is new, an exact duplicate (same content id: a no-op) or a near
//! duplicate of something stored (stored, flagged with `duplicate_of`), and writes it in
//! one store transaction.
//!
//! The CLI, and later the HTTP server and the scale-out worker, all go through this
//! crate, so every entry point stores the same things the same way.

use newsgraph_ingest::dedup;
use newsgraph_model::{Article, Report, ReportSentence, Sentence};
use newsgraph_store::{PutOutcome, Store, StoreError, StoredArticle};
use rayon::prelude::*;

/// Everything the per-article stages produced for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The clean article (its id is the content id).
    pub article: Article,
    /// Its sentences, as byte spans into `article.body`.
    pub sentences: Vec<Sentence>,
    /// SimHash of the body, for near-duplicate detection.
    pub fingerprint: u64,
}

/// Runs the per-article stages on one article. Pure: no I/O, no shared state.
pub fn analyze(article: Article) -> Analysis {
    let sentences = newsgraph_segment::sentences(&article.body);
    let fingerprint = dedup::fingerprint(&article.body);
    Analysis {
        article,
        sentences,
        fingerprint,
    }
}

/// Runs [`analyze`] over many articles on all cores, keeping their order.
pub fn analyze_all(articles: Vec<Article>) -> Vec<Analysis> {
    articles.into_par_iter().map(analyze).collect()
}

/// Marks near duplicates within one batch of analyses that is not stored (the `analyze`
/// command): an article whose fingerprint is within the near-duplicate distance of an
/// earlier one gets `duplicate_of` that earlier article. Exact duplicates (same id) are
/// dropped, keeping the first.
pub fn dedup_in_memory(analyses: Vec<Analysis>) -> Vec<Analysis> {
    let mut kept: Vec<Analysis> = Vec::with_capacity(analyses.len());
    for mut analysis in analyses {
        if kept.iter().any(|k| k.article.id == analysis.article.id) {
            continue;
        }
        if analysis.article.duplicate_of.is_none() {
            analysis.article.duplicate_of = kept
                .iter()
                .find(|k| {
                    k.article.duplicate_of.is_none()
                        && dedup::hamming(k.fingerprint, analysis.fingerprint)
                            <= dedup::NEAR_DUPLICATE_MAX_DISTANCE
                })
                .map(|k| k.article.id.clone());
        }
        kept.push(analysis);
    }
    kept
}

/// Builds the report contract (DESIGN.md §8) from analyses.
pub fn report(analyses: &[Analysis]) -> Report {
    let mut report = Report::default();
    for analysis in analyses {
        report
            .sentences
            .extend(analysis.sentences.iter().map(|s| ReportSentence {
                article: analysis.article.id.clone(),
                index: s.index,
                start: s.start,
                end: s.end,
            }));
        report.articles.push(analysis.article.clone());
    }
    report
}

/// What happened to one article handed to [`Ingestor::file`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// Stored as a new article.
    Stored,
    /// Stored, and flagged as a near duplicate of the given article.
    NearDuplicate(String),
    /// Already in the store (same content id): nothing written.
    AlreadyPresent,
}

/// Errors of filing an article.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store refused or failed the write.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Files analysed articles into a store, one transaction each.
pub struct Ingestor<'s, S: Store + ?Sized> {
    store: &'s mut S,
}

impl<'s, S: Store + ?Sized> Ingestor<'s, S> {
    /// An ingestor writing to `store`.
    pub fn new(store: &'s mut S) -> Self {
        Ingestor { store }
    }

    /// Files one analysed article: a no-op when its content id is stored already,
    /// otherwise stored (flagged when it nearly repeats a stored article).
    pub fn file(&mut self, analysis: Analysis) -> Result<Filed, PipelineError> {
        if self.store.contains(&analysis.article.id)? {
            return Ok(Filed::AlreadyPresent);
        }
        let mut article = analysis.article;
        if article.duplicate_of.is_none() {
            article.duplicate_of = self
                .store
                .find_near_duplicate(analysis.fingerprint, dedup::NEAR_DUPLICATE_MAX_DISTANCE)?;
        }
        let near = article.duplicate_of.clone();
        let stored = StoredArticle {
            article,
            sentences: analysis.sentences,
            fingerprint: analysis.fingerprint,
            ingested_at: None,
        };
        match self.store.put_article(&stored)? {
            PutOutcome::AlreadyPresent => Ok(Filed::AlreadyPresent),
            PutOutcome::Stored => Ok(match near {
                Some(id) => Filed::NearDuplicate(id),
                None => Filed::Stored,
            }),
        }
    }
}
