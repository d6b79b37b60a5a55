//! The record walk every export format is built on: the store's content as a stream of
//! [`Record`]s, read in bounded memory.
//!
//! Two passes, each reading only what the caller [`Wants`]:
//!
//! 1. **Articles**, page by page with the store's cursors (or the articles of one
//!    story): each article with its sentences, mentions, time expressions, events,
//!    quotes and figures. Only one article's facts are in memory at a time.
//! 2. **Stories**, one [`StoryDetail`] at a time: the story, its merged events (with
//!    the reports behind them) and its figure series (each series once, even when it
//!    spans stories).
//!
//! Actors come last: the first pass counts, per actor, the mentions naming it and the
//! articles with such mentions, and notes every actor an event, quote or figure refers
//! to; those actors are then read in chunks and emitted, most mentioned first. Only the
//! counts (one small entry per actor) are kept across articles, never the articles.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use newsgraph_model::{
    Actor, Mention, MergedEvent, Quantity, Quote, ReportSentence, Series, Timex,
};
use newsgraph_store::claims::{ClaimQuery, ClaimRecord, EventQuery, EventRecord};
use newsgraph_store::{
    ArticleSummary, Cursor, ListQuery, Store, StoredArticle, StoryDetail, StoryQuery,
};

use super::select::Selection;

/// Articles read per page of the listing.
const PAGE: usize = 200;
/// Actors resolved per store lookup.
const ACTOR_CHUNK: usize = 256;

/// Which records a walk should produce.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wants {
    /// Articles with their clean body.
    pub articles: bool,
    /// Sentence spans.
    pub sentences: bool,
    /// Mentions.
    pub mentions: bool,
    /// Time expressions.
    pub timexes: bool,
    /// Events as each article reports them.
    pub events: bool,
    /// Quotes.
    pub quotes: bool,
    /// Figures.
    pub quantities: bool,
    /// Stories.
    pub stories: bool,
    /// Merged events.
    pub merged: bool,
    /// Figure series.
    pub series: bool,
    /// Actors (named by mentions or referred to by facts of the selected articles).
    pub actors: bool,
    /// Read the reports behind each merged event (their spans and attributions), for
    /// formats that print them.
    pub merged_reports: bool,
}

impl Wants {
    /// Everything.
    pub fn all() -> Self {
        Wants {
            articles: true,
            sentences: true,
            mentions: true,
            timexes: true,
            events: true,
            quotes: true,
            quantities: true,
            stories: true,
            merged: true,
            series: true,
            actors: true,
            merged_reports: false,
        }
    }

    fn article_pass(&self) -> bool {
        self.articles
            || self.sentences
            || self.mentions
            || self.timexes
            || self.events
            || self.quotes
            || self.quantities
            || self.actors
    }

    fn story_pass(&self) -> bool {
        self.stories || self.merged || self.series
    }
}

/// An article's context, shared by the records read from it.
#[derive(Debug, Clone)]
pub struct ArticleCtx {
    /// Its listing row (dates, outlet, URL, when it was stored).
    pub summary: ArticleSummary,
    /// The story it belongs to.
    pub story: Option<String>,
}

/// A story with what its merged events need.
#[derive(Debug)]
pub struct StoryCtx {
    /// The story, its articles, merged events and series.
    pub detail: StoryDetail,
    /// The events behind its merged events, by event id (filled when
    /// [`Wants::merged_reports`] is set).
    pub reports: HashMap<String, EventRecord>,
}

impl StoryCtx {
    /// The listing row of one of the story's articles.
    pub fn article(&self, id: &str) -> Option<&ArticleSummary> {
        self.detail.articles.iter().find(|a| a.id == id)
    }
}

/// How often an actor appears in the selected articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Mentions naming it.
    pub mentions: u64,
    /// Articles with such mentions.
    pub articles: u64,
}

/// One record of the walk.
#[derive(Debug)]
pub enum Record<'a> {
    /// An article (metadata and body).
    Article(&'a StoredArticle, &'a ArticleCtx),
    /// A sentence span.
    Sentence(&'a ReportSentence),
    /// A mention.
    Mention(&'a Mention),
    /// A time expression.
    Timex(&'a Timex),
    /// An event as one article reports it, with that article's context.
    Event(&'a EventRecord, &'a ArticleCtx),
    /// A quote.
    Quote(&'a ClaimRecord<Quote>),
    /// A figure.
    Quantity(&'a ClaimRecord<Quantity>),
    /// A story.
    Story(&'a StoryCtx),
    /// A merged event with its story.
    Merged(&'a MergedEvent, &'a StoryCtx),
    /// A figure series.
    Series(&'a Series),
    /// An actor with its counts in the selection.
    Actor(&'a Actor, Tally),
}

impl Record<'_> {
    /// The record's kind, as written in JSON Lines (`"kind"`).
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Article(..) => "article",
            Record::Sentence(_) => "sentence",
            Record::Mention(_) => "mention",
            Record::Timex(_) => "timex",
            Record::Event(..) => "event",
            Record::Quote(_) => "quote",
            Record::Quantity(_) => "quantity",
            Record::Story(_) => "story",
            Record::Merged(..) => "merged_event",
            Record::Series(_) => "series",
            Record::Actor(..) => "actor",
        }
    }
}

/// Reads the selection from the store and hands every wanted record to `visit`, in
/// this order: per article (article, sentences, mentions, time expressions, events,
/// quotes, figures), then per story (story, merged events, series), then actors.
pub fn walk<S: Store>(
    store: &S,
    sel: &Selection,
    wants: &Wants,
    visit: &mut dyn FnMut(Record<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    walk_paged(store, sel, wants, PAGE, visit)
}

/// [`walk`] with the articles read `page` at a time.
fn walk_paged<S: Store>(
    store: &S,
    sel: &Selection,
    wants: &Wants,
    page_size: usize,
    visit: &mut dyn FnMut(Record<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let story = match &sel.story {
        Some(id) => Some(
            store
                .story(id)?
                .with_context(|| format!("no story with id {id:?}"))?,
        ),
        None => None,
    };
    let mut tally: HashMap<String, Tally> = HashMap::new();
    if wants.article_pass() {
        let mut each =
            |summary: ArticleSummary| read_article(store, summary, wants, &mut tally, visit);
        match &story {
            Some(detail) => {
                for a in detail.articles.iter().filter(|a| sel.articles.matches(a)) {
                    each(a.clone())?;
                }
            }
            None => {
                let mut after: Option<Cursor> = None;
                loop {
                    let page = store.list_articles(&ListQuery {
                        limit: page_size,
                        after: after.take(),
                        source: sel.articles.source.clone(),
                        from: sel.articles.from.clone(),
                        to: sel.articles.to.clone(),
                    })?;
                    let full = page.len() == page_size;
                    after = page.last().map(ArticleSummary::cursor);
                    for a in page {
                        each(a)?;
                    }
                    if !full {
                        break;
                    }
                }
            }
        }
    }
    if wants.story_pass() {
        let mut seen_series = HashSet::new();
        match story {
            Some(detail) => read_story(store, detail, sel, wants, &mut seen_series, visit)?,
            None => {
                let mut all = store.stories(&StoryQuery {
                    limit: usize::MAX,
                    min_size: 1,
                    ..StoryQuery::default()
                })?;
                // Chronological, like the article listing: earliest first, undated last.
                all.sort_by(|a, b| {
                    (a.story.first.is_none(), &a.story.first, &a.story.id).cmp(&(
                        b.story.first.is_none(),
                        &b.story.first,
                        &b.story.id,
                    ))
                });
                for s in all {
                    let Some(detail) = store.story(&s.story.id)? else {
                        continue;
                    };
                    read_story(store, detail, sel, wants, &mut seen_series, visit)?;
                }
            }
        }
    }
    if wants.actors {
        emit_actors(store, tally, visit)?;
    }
    Ok(())
}

/// The first pass for one article.
fn read_article<S: Store>(
    store: &S,
    summary: ArticleSummary,
    wants: &Wants,
    tally: &mut HashMap<String, Tally>,
    visit: &mut dyn FnMut(Record<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let id = summary.id.clone();
    let story = if wants.articles || wants.events {
        store.article_story(&id)?.map(|s| s.story)
    } else {
        None
    };
    let ctx = ArticleCtx { summary, story };
    if wants.articles || wants.sentences {
        let stored = store
            .get_article(&id)?
            .with_context(|| format!("article {id} vanished during the export"))?;
        if wants.articles {
            visit(Record::Article(&stored, &ctx))?;
        }
        if wants.sentences {
            for s in &stored.sentences {
                visit(Record::Sentence(&ReportSentence {
                    article: id.clone(),
                    index: s.index,
                    start: s.start,
                    end: s.end,
                }))?;
            }
        }
    }
    if wants.mentions || wants.actors {
        let mentions = store.article_mentions(&id)?;
        if wants.actors {
            let mut here = HashSet::new();
            for m in &mentions {
                if let Some(a) = &m.actor {
                    tally.entry(a.clone()).or_default().mentions += 1;
                    here.insert(a.as_str());
                }
            }
            for a in here {
                tally.entry(a.to_string()).or_default().articles += 1;
            }
        }
        if wants.mentions {
            for m in &mentions {
                visit(Record::Mention(m))?;
            }
        }
    }
    if wants.timexes {
        for t in &store.article_timexes(&id)? {
            visit(Record::Timex(t))?;
        }
    }
    let claims = ClaimQuery {
        article: Some(id.clone()),
        limit: usize::MAX,
    };
    if wants.events || wants.actors {
        let events = store.events(&EventQuery {
            article: Some(id.clone()),
            limit: usize::MAX,
            ..EventQuery::default()
        })?;
        for r in &events {
            let e = &r.event;
            if wants.actors {
                for a in e.source.iter().chain(&e.target).chain(&e.place) {
                    tally.entry(a.clone()).or_default();
                }
                for a in &e.attributed_to {
                    tally.entry(a.clone()).or_default();
                }
            }
            if wants.events {
                visit(Record::Event(r, &ctx))?;
            }
        }
    }
    if wants.quotes || wants.actors {
        for q in &store.quotes(&claims)? {
            if wants.actors {
                for a in q.record.speaker.iter().chain(&q.record.attributed_to) {
                    tally.entry(a.clone()).or_default();
                }
            }
            if wants.quotes {
                visit(Record::Quote(q))?;
            }
        }
    }
    if wants.quantities || wants.actors {
        for q in &store.quantities(&claims)? {
            if wants.actors {
                for a in q.record.subject.iter().chain(&q.record.attributed_to) {
                    tally.entry(a.clone()).or_default();
                }
            }
            if wants.quantities {
                visit(Record::Quantity(q))?;
            }
        }
    }
    Ok(())
}

/// The second pass for one story: skipped when the article filter leaves none of its
/// articles; otherwise its merged events and series with a report or point from a
/// selected article.
fn read_story<S: Store>(
    store: &S,
    detail: StoryDetail,
    sel: &Selection,
    wants: &Wants,
    seen_series: &mut HashSet<String>,
    visit: &mut dyn FnMut(Record<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let selected: HashSet<&str> = detail
        .articles
        .iter()
        .filter(|a| sel.articles.matches(a))
        .map(|a| a.id.as_str())
        .collect();
    if selected.is_empty() {
        return Ok(());
    }
    let filtered = !sel.articles.is_empty();
    let keep_merged: Vec<bool> = detail
        .events
        .iter()
        .map(|m| {
            !filtered
                || m.evidence
                    .iter()
                    .any(|r| selected.contains(r.article.as_str()))
        })
        .collect();
    let keep_series: Vec<bool> = detail
        .series
        .iter()
        .map(|s| {
            !filtered
                || s.points
                    .iter()
                    .any(|p| selected.contains(p.article.as_str()))
        })
        .collect();
    let mut reports = HashMap::new();
    if wants.merged && wants.merged_reports {
        let wanted: HashSet<&str> = detail
            .events
            .iter()
            .zip(&keep_merged)
            .filter(|(_, keep)| **keep)
            .flat_map(|(m, _)| m.evidence.iter().map(|r| r.article.as_str()))
            .collect();
        for article in wanted {
            for r in store.events(&EventQuery {
                article: Some(article.to_string()),
                limit: usize::MAX,
                ..EventQuery::default()
            })? {
                reports.insert(r.event.id.clone(), r);
            }
        }
    }
    drop(selected);
    let ctx = StoryCtx { detail, reports };
    if wants.stories {
        visit(Record::Story(&ctx))?;
    }
    if wants.merged {
        for (m, keep) in ctx.detail.events.iter().zip(keep_merged) {
            if keep {
                visit(Record::Merged(m, &ctx))?;
            }
        }
    }
    if wants.series {
        for (s, keep) in ctx.detail.series.iter().zip(keep_series) {
            if keep && seen_series.insert(s.id.clone()) {
                visit(Record::Series(s))?;
            }
        }
    }
    Ok(())
}

/// Emits the counted actors, most mentioned first (then by id), resolved in chunks.
fn emit_actors<S: Store>(
    store: &S,
    tally: HashMap<String, Tally>,
    visit: &mut dyn FnMut(Record<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut order: Vec<(String, Tally)> = tally.into_iter().collect();
    order.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then_with(|| a.0.cmp(&b.0)));
    for chunk in order.chunks(ACTOR_CHUNK) {
        let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
        let found: HashMap<String, Actor> = store
            .actors_by_id(&ids)?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect();
        for (id, t) in chunk {
            if let Some(actor) = found.get(id) {
                visit(Record::Actor(actor, *t))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::select::ArticleMatch;
    use newsgraph_model::Article;
    use newsgraph_store::SqliteStore;

    /// A store with articles dated 2026-03-01 … (every third undated).
    fn store(n: usize) -> SqliteStore {
        let mut store = SqliteStore::open_in_memory().unwrap();
        for i in 0..n {
            let body = format!("Article number {i} says something.");
            let article = Article {
                id: format!("{i:032x}"),
                source: if i % 2 == 0 { "Even" } else { "Odd" }.into(),
                title: format!("Title {i}"),
                published: (i % 3 != 2).then(|| format!("2026-03-{:02}", i + 1)),
                body: body.clone(),
                ..Article::default()
            };
            let stored = StoredArticle {
                article,
                sentences: vec![newsgraph_model::Sentence {
                    index: 0,
                    start: 0,
                    end: body.len(),
                }],
                fingerprint: i as u64,
                ingested_at: None,
            };
            store.put_article(&stored).unwrap();
        }
        store
    }

    fn ids(store: &SqliteStore, sel: &Selection, page: usize) -> Vec<String> {
        let wants = Wants {
            articles: true,
            sentences: true,
            ..Wants::default()
        };
        let mut out = Vec::new();
        let mut sentences = 0;
        walk_paged(store, sel, &wants, page, &mut |r| {
            match r {
                Record::Article(a, ctx) => {
                    assert_eq!(a.article.id, ctx.summary.id);
                    out.push(a.article.id.clone());
                }
                Record::Sentence(s) => {
                    assert_eq!(Some(&s.article), out.last());
                    sentences += 1;
                }
                other => panic!("unwanted record {}", other.kind()),
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(sentences, out.len());
        out
    }

    #[test]
    fn pages_cover_every_article_once_in_listing_order() {
        let store = store(11);
        let all = ids(&store, &Selection::default(), 200);
        assert_eq!(all.len(), 11);
        for page in [1, 2, 3, 10, 11, 12] {
            assert_eq!(ids(&store, &Selection::default(), page), all, "page {page}");
        }
        // Dated first (oldest first), undated last.
        let undated: Vec<&String> = all[all.len() - 3..].iter().collect();
        assert!(undated.iter().all(|id| {
            let n = usize::from_str_radix(id, 16).unwrap();
            n % 3 == 2
        }));
    }

    #[test]
    fn the_article_filter_applies_across_pages() {
        let store = store(11);
        let sel = Selection {
            articles: ArticleMatch {
                source: Some("even".into()),
                from: Some("2026-03-03".into()),
                ..ArticleMatch::default()
            },
            story: None,
        };
        let got = ids(&store, &sel, 2);
        // Even outlets dated on or after 3 March: 4, 6, 10 (8 is undated).
        let want: Vec<String> = [4usize, 6, 10]
            .iter()
            .map(|i| format!("{i:032x}"))
            .collect();
        assert_eq!(got, want);
    }
}
