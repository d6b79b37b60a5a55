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
//!
//! Actors (*recognise* + *resolve*, `newsgraph-link`): [`analyze`] links each article's
//! mentions with the process-wide linker ([`default_linker`]: the built-in knowledge
//! base and tagger unless [`set_default_linker`] installed another, e.g. with a
//! user's `--kb` file); [`analyze_with`] takes one explicitly. Bare titles the KB and
//! the article cannot resolve are resolved from roles other articles asserted: in
//! [`report`] from the earlier articles of the batch, in [`Ingestor::file`] from the
//! store; the article's mentions, actors and asserted roles are then written in the
//! article's transaction.

use std::collections::HashMap;
use std::sync::OnceLock;

pub mod cluster;
mod offices;

pub use offices::KbOfficeTerms;

use newsgraph_ingest::dedup;
use newsgraph_kb::Kb;
use newsgraph_link::{AssertedRole, Linked, Linker, RoleBook, RoleMemory};
use newsgraph_model::{
    Actor, Article, Event, Quantity, Quote, Report, ReportSentence, Role, Sentence,
};
use newsgraph_store::{
    ActorOrigin, ActorRecord, ArticleFacts, LearnedRole, PutOutcome, Store, StoreError,
    StoredArticle,
};
use newsgraph_time::TimexFound;
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
    /// Mentions, the actors they name and the roles the article asserts.
    pub links: Linked,
    /// Time expressions, normalised against the article's date (partial when undated).
    pub timexes: Vec<TimexFound>,
    /// Events: who did what to whom, where, when, how certain.
    pub events: Vec<Event>,
    /// Quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// Figures with what they count.
    pub quantities: Vec<Quantity>,
}

/// Runs the per-article stages on one article with the [`default_linker`]. Pure: no
/// I/O, no shared state beyond the read-only linker.
pub fn analyze(article: Article) -> Analysis {
    analyze_with(article, default_linker())
}

/// Runs the per-article stages on one article, linking actors with `linker`.
pub fn analyze_with(mut article: Article, linker: &Linker<'_>) -> Analysis {
    let sentences = newsgraph_segment::sentences(&article.body);
    let fingerprint = dedup::fingerprint(&article.body);
    // Time first: an undated article's date bounds help resolve titles to people.
    let timexes = time_stage(&mut article, &sentences, linker.kb());
    let links = link_stage(&article, &sentences, linker);
    let (events, quotes, quantities) = relate_stage(&article, &sentences, &links, &timexes);
    Analysis {
        article,
        sentences,
        fingerprint,
        links,
        timexes,
        events,
        quotes,
        quantities,
    }
}

// -------------------------------------------------------------------- relate stage

/// The *relate* stage and the quantity half of *normalise*: events, quotes and figures
/// of one article, from its sentences, resolved mentions and time expressions.
fn relate_stage(
    article: &Article,
    sentences: &[Sentence],
    links: &Linked,
    timexes: &[TimexFound],
) -> (Vec<Event>, Vec<Quote>, Vec<Quantity>) {
    let claims = newsgraph_claims::extract(article, sentences, &links.mentions, timexes);
    let events = newsgraph_events::extract_events(article, sentences, &links.mentions, timexes);
    (events, claims.quotes, claims.quantities)
}

// ---------------------------------------------------------------------- time stage

/// The time half of *normalise*: time expressions against the article's date; for an
/// undated article, bounds on its date (from the dates it states and the office terms
/// of the people it titles), which then resolve partial values where they are unique.
fn time_stage(article: &mut Article, sentences: &[Sentence], kb: &Kb) -> Vec<TimexFound> {
    let dct = article
        .published
        .as_deref()
        .and_then(|p| newsgraph_time::Dct::parse(p).ok());
    let mut timexes = newsgraph_time::extract(&article.body, sentences, dct);
    if dct.is_none() {
        let offices = offices::KbOfficeTerms::new(kb);
        let bounds = newsgraph_time::bound_publication(&article.body, &timexes, Some(&offices));
        newsgraph_time::resolve_with_bounds(&mut timexes, &bounds);
        article.published_bounds = Some(bounds);
    }
    timexes
}

// ------------------------------------------------------------------- actors stage

static DEFAULT_LINKER: OnceLock<Linker<'static>> = OnceLock::new();

/// The linker [`analyze`] uses: the one installed by [`set_default_linker`], else
/// [`Linker::builtin`].
pub fn default_linker() -> &'static Linker<'static> {
    DEFAULT_LINKER.get().unwrap_or_else(Linker::builtin)
}

/// Installs the linker [`analyze`] uses for the rest of the process (a knowledge base
/// extended by the user). Fails, returning it, when one is installed already.
pub fn set_default_linker(linker: Linker<'static>) -> Result<(), Linker<'static>> {
    DEFAULT_LINKER.set(linker)
}

/// The *recognise* + *resolve* stages for actors (within the article).
fn link_stage(article: &Article, sentences: &[Sentence], linker: &Linker<'_>) -> Linked {
    linker.link(article, sentences)
}

/// Roles as the store keeps them.
fn to_learned(roles: &[AssertedRole]) -> Vec<LearnedRole> {
    roles
        .iter()
        .map(|r| LearnedRole {
            actor: r.actor.clone(),
            name: r.name.clone(),
            role: r.role.clone(),
        })
        .collect()
}

/// The actor facts the store writes with an article: its mentions, actors and asserted
/// roles (the other facts are moved in by [`Ingestor::file`]).
fn link_facts(links: &Linked) -> ArticleFacts {
    ArticleFacts {
        mentions: links.contract_mentions().cloned().collect(),
        actors: links
            .actors
            .iter()
            .map(|a| ActorRecord {
                actor: a.actor.clone(),
                origin: match a.origin {
                    newsgraph_link::ActorOrigin::Kb => ActorOrigin::Kb,
                    newsgraph_link::ActorOrigin::Derived => ActorOrigin::Derived,
                },
            })
            .collect(),
        roles: to_learned(&links.roles),
        ..ArticleFacts::default()
    }
}

/// A [`RoleMemory`] over a store: the roles stored articles asserted.
struct StoreMemory<'s, S: Store + ?Sized>(&'s S);

impl<S: Store + ?Sized> RoleMemory for StoreMemory<'_, S> {
    fn asserted(&self, title: &str, of: &str) -> Vec<AssertedRole> {
        // A failing lookup only leaves the title unresolved; the write that follows
        // reports a broken store.
        self.0
            .learned_roles(title, of)
            .unwrap_or_default()
            .into_iter()
            .map(|r| AssertedRole {
                actor: r.actor,
                name: r.name,
                role: r.role,
            })
            .collect()
    }
}

/// Fills the report's `mentions` and `actors`: bare titles resolved from the roles of
/// the batch's earlier articles, actors merged by id (derived aliases united; roles
/// the articles assert added to the actor's, one per title and state).
fn report_actors(analyses: &[Analysis], report: &mut Report) {
    let linker = default_linker();
    let mut book = RoleBook::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut asserted: Vec<AssertedRole> = Vec::new();
    for analysis in analyses {
        let mut links = analysis.links.clone();
        linker.resolve_pending(&mut links, &book);
        book.extend(&links.roles);
        asserted.extend(links.roles.iter().cloned());
        report.mentions.extend(links.contract_mentions().cloned());
        for a in &links.actors {
            match index.get(&a.actor.id) {
                Some(&i) => {
                    for alias in &a.actor.aliases {
                        if !actors[i].aliases.contains(alias) {
                            actors[i].aliases.push(alias.clone());
                        }
                    }
                }
                None => {
                    index.insert(a.actor.id.clone(), actors.len());
                    actors.push(a.actor.clone());
                }
            }
        }
    }
    for r in asserted {
        let Some(&i) = index.get(&r.actor) else {
            continue;
        };
        merge_role(&mut actors[i].roles, r.role);
    }
    report.actors = actors;
}

/// Adds an asserted role: merged into the article role of the same title and state
/// (dates widened, evidence appended), else appended.
fn merge_role(roles: &mut Vec<Role>, role: Role) {
    let same = roles.iter_mut().find(|o| {
        o.source == role.source && o.of == role.of && o.title.eq_ignore_ascii_case(&role.title)
    });
    match same {
        Some(o) => {
            if role.from.is_some() && (o.from.is_none() || role.from < o.from) {
                o.from = role.from.clone();
            }
            if role.to.is_some() && (o.to.is_none() || role.to > o.to) {
                o.to = role.to.clone();
            }
            o.evidence.extend(role.evidence);
        }
        None => roles.push(role),
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
        report.events.extend(analysis.events.iter().cloned());
        report.quotes.extend(analysis.quotes.iter().cloned());
        report
            .quantities
            .extend(analysis.quantities.iter().cloned());
        report.timexes.extend(
            analysis
                .timexes
                .iter()
                .map(|t| t.to_timex(&analysis.article.id)),
        );
    }
    report_actors(analyses, &mut report);
    let mentions: Vec<Vec<newsgraph_model::Mention>> = analyses
        .iter()
        .map(|a| a.links.contract_mentions().cloned().collect())
        .collect();
    let items: Vec<cluster::BatchItem<'_>> = analyses
        .iter()
        .zip(&mentions)
        .map(|(a, m)| cluster::BatchItem {
            article: &a.article,
            mentions: m,
            events: &a.events,
            quantities: &a.quantities,
        })
        .collect();
    let clusters = cluster::batch(&items, default_linker().kb());
    report.stories = clusters.stories;
    report.merged_events = clusters.merged;
    report.series = clusters.series;
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

    /// Whether an article with this content id is stored already (so that a caller
    /// can skip analysing it).
    pub fn contains(&self, id: &str) -> Result<bool, PipelineError> {
        Ok(self.store.contains(id)?)
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
        let mut links = analysis.links;
        default_linker().resolve_pending(&mut links, &StoreMemory(&*self.store));
        let mut facts = ArticleFacts {
            timexes: analysis
                .timexes
                .iter()
                .map(|t| t.to_timex(&article.id))
                .collect(),
            events: analysis.events,
            quotes: analysis.quotes,
            quantities: analysis.quantities,
            ..link_facts(&links)
        };
        facts.cluster = cluster::decide(
            &*self.store,
            &article,
            &facts.mentions,
            &facts.events,
            &facts.quantities,
            default_linker().kb(),
        )?;
        let stored = StoredArticle {
            article,
            sentences: analysis.sentences,
            fingerprint: analysis.fingerprint,
            ingested_at: None,
        };
        match self.store.put_article_with(&stored, &facts)? {
            PutOutcome::AlreadyPresent => Ok(Filed::AlreadyPresent),
            PutOutcome::Stored => Ok(match near {
                Some(id) => Filed::NearDuplicate(id),
                None => Filed::Stored,
            }),
        }
    }
}
