//! What the API returns and the pages show, loaded from a store.
//!
//! Each function here takes a store connection and plain parameters and returns plain,
//! serialisable data; the JSON handlers ([`crate::api`]) send it as it is, the web
//! pages ([`crate::pages`]) render it as HTML. Keeping the loading in one place means
//! the API and the UI always agree.
//!
//! Paging: the article listing uses the store's keyset cursor (stable under inserts);
//! other listings use an opaque offset cursor ([`OffsetCursor`]) over an order that is
//! fixed for a given store content.

use crate::ServeError;
use newsgraph_model::{
    Actor, Article, Event, Mention, MentionKind, Quantity, Quote, Sentence, Timex,
};
use newsgraph_store::claims::{ClaimQuery, EventQuery, EventRecord};
use newsgraph_store::{
    ActorQuery, ActorSummary, ArticleSummary, Cursor, ListQuery, SearchQuery, SnippetStyle, Store,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Most items one page may hold.
pub const MAX_LIMIT: usize = 200;
/// Deepest offset an offset cursor may reach (keeps every page cheap).
pub const MAX_OFFSET: usize = 10_000;
/// Most mentions an actor page lists.
pub const ACTOR_MENTIONS: usize = 100;
/// Most events an actor page considers for relations and its event lists.
pub const ACTOR_EVENTS: usize = 2_000;

/// One page of a listing.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Cursor for the next page (`after=`), `null` on the last page.
    pub next: Option<String>,
}

/// An opaque cursor holding an offset into a listing: `o.` and the offset in decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetCursor(pub usize);

impl OffsetCursor {
    /// Parses a cursor given by a client; `None` starts at 0.
    pub fn parse(s: Option<&str>) -> Result<usize, ServeError> {
        let Some(s) = s else { return Ok(0) };
        let bad = || {
            ServeError::BadRequest(format!(
                "invalid cursor {s:?}: use the `next` value of a previous page"
            ))
        };
        let n: usize = s
            .strip_prefix("o.")
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse().ok())
            .ok_or_else(bad)?;
        if n > MAX_OFFSET {
            return Err(ServeError::BadRequest(format!(
                "cursor {s:?} is too deep: listings page up to {MAX_OFFSET} items; narrow \
                 the filters instead"
            )));
        }
        Ok(n)
    }

    /// The cursor as a string.
    pub fn encode(self) -> String {
        format!("o.{}", self.0)
    }
}

/// Checks a page size: 1 to [`MAX_LIMIT`], `default` when absent.
pub fn page_limit(limit: Option<usize>, default: usize) -> Result<usize, ServeError> {
    match limit {
        None => Ok(default),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(ServeError::BadRequest(format!(
            "limit {n} is out of range: give 1 to {MAX_LIMIT}"
        ))),
    }
}

/// Cuts `rows` (fetched from `offset` with one extra row) to a page.
fn offset_page<T>(mut rows: Vec<T>, offset: usize, limit: usize) -> Page<T> {
    let rows: Vec<T> = if offset < rows.len() {
        rows.drain(offset..).collect()
    } else {
        Vec::new()
    };
    let more = rows.len() > limit;
    let mut items = rows;
    items.truncate(limit);
    Page {
        next: (more && offset + limit <= MAX_OFFSET).then(|| OffsetCursor(offset + limit).encode()),
        items,
    }
}

fn blank_to_none(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

// ------------------------------------------------------------------------ articles

/// A row of the article listing.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    /// Content id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Publication date, when stated.
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// The article this one nearly repeats.
    pub duplicate_of: Option<String>,
    /// Words in the body.
    pub words: usize,
    /// Where it was published.
    pub url: Option<String>,
    /// When it was stored.
    pub ingested_at: String,
}

impl From<ArticleSummary> for ArticleRow {
    fn from(s: ArticleSummary) -> Self {
        ArticleRow {
            id: s.id,
            title: s.title,
            source: s.source,
            published: s.published,
            byline: s.byline,
            duplicate_of: s.duplicate_of,
            words: s.words,
            url: s.url,
            ingested_at: s.ingested_at,
        }
    }
}

/// Parameters of the article listing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleParams {
    /// Page size.
    pub limit: Option<usize>,
    /// Cursor from a previous page.
    pub after: Option<String>,
    /// Only this outlet.
    pub source: Option<String>,
    /// Published on or after.
    pub from: Option<String>,
    /// Published on or before.
    pub to: Option<String>,
}

/// A page of articles in the stable listing order.
pub fn list_articles(store: &dyn Store, p: &ArticleParams) -> Result<Page<ArticleRow>, ServeError> {
    let limit = page_limit(p.limit, 20)?;
    let rows = store.list_articles(&ListQuery {
        limit: limit + 1,
        after: blank_to_none(&p.after).map(Cursor::new),
        source: blank_to_none(&p.source),
        from: blank_to_none(&p.from),
        to: blank_to_none(&p.to),
    })?;
    let more = rows.len() > limit;
    let mut items: Vec<ArticleSummary> = rows;
    items.truncate(limit);
    let next = if more {
        items.last().map(|s| s.cursor().to_string())
    } else {
        None
    };
    Ok(Page {
        items: items.into_iter().map(ArticleRow::from).collect(),
        next,
    })
}

/// An event with its article's context.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// The event (report contract fields).
    #[serde(flatten)]
    pub event: Event,
    /// Its article's headline.
    pub article_title: String,
    /// Its article's date.
    pub article_published: Option<String>,
    /// Its article's outlet.
    pub article_source: String,
    /// The sentence that is its evidence.
    pub evidence: String,
}

impl From<EventRecord> for EventRow {
    fn from(r: EventRecord) -> Self {
        EventRow {
            event: r.event,
            article_title: r.title,
            article_published: r.published,
            article_source: r.source,
            evidence: r.sentence,
        }
    }
}

/// One article with everything extracted from it (the report contract's arrays for
/// this article), plus the actors they refer to.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleDetail {
    /// The article: metadata and clean body.
    pub article: Article,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Names in it.
    pub mentions: Vec<Mention>,
    /// Every actor its extractions refer to.
    pub actors: Vec<Actor>,
    /// Time expressions.
    pub timexes: Vec<Timex>,
    /// Events.
    pub events: Vec<Event>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Figures.
    pub quantities: Vec<Quantity>,
    /// The story it belongs to.
    pub story: Option<StoryRef>,
}

/// A story as a link: id and title.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRef {
    /// Story id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// Every actor id an article's extractions refer to, in first-seen order.
fn referenced_actors(
    mentions: &[Mention],
    events: &[Event],
    quotes: &[Quote],
    quantities: &[Quantity],
) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    let mut add = |id: &String| {
        if seen.insert(id.clone()) {
            ids.push(id.clone());
        }
    };
    for m in mentions {
        m.actor.iter().for_each(&mut add);
        m.candidates.iter().for_each(|c| add(&c.actor));
        if let Some(of) = m.role.as_ref().and_then(|r| r.of.as_ref()) {
            add(of);
        }
    }
    for e in events {
        for id in e
            .source
            .iter()
            .chain(&e.target)
            .chain(&e.place)
            .chain(&e.attributed_to)
        {
            add(id);
        }
    }
    for q in quotes {
        q.speaker.iter().chain(&q.attributed_to).for_each(&mut add);
    }
    for q in quantities {
        q.subject.iter().chain(&q.attributed_to).for_each(&mut add);
    }
    ids
}

/// Loads one article (full id or unique prefix) with all its extractions.
pub fn article_detail(store: &dyn Store, id: &str) -> Result<ArticleDetail, ServeError> {
    let stored = store.get_article(id)?.ok_or_else(|| ServeError::NotFound {
        what: "article",
        id: id.to_string(),
    })?;
    let full = stored.article.id.clone();
    let mentions = store.article_mentions(&full)?;
    let timexes = store.article_timexes(&full)?;
    let events: Vec<Event> = store
        .events(&EventQuery {
            article: Some(full.clone()),
            limit: 100_000,
            ..EventQuery::default()
        })?
        .into_iter()
        .map(|r| r.event)
        .collect();
    let claims = ClaimQuery {
        article: Some(full.clone()),
        limit: 100_000,
    };
    let quotes: Vec<Quote> = store
        .quotes(&claims)?
        .into_iter()
        .map(|r| r.record)
        .collect();
    let quantities: Vec<Quantity> = store
        .quantities(&claims)?
        .into_iter()
        .map(|r| r.record)
        .collect();
    let ids = referenced_actors(&mentions, &events, &quotes, &quantities);
    let actors = store.actors_by_id(&ids)?;
    let story = store.article_story(&full)?.map(|s| StoryRef {
        id: s.story,
        title: s.title,
    });
    Ok(ArticleDetail {
        story,
        article: stored.article,
        sentences: stored.sentences,
        mentions,
        actors,
        timexes,
        events,
        quotes,
        quantities,
    })
}

// -------------------------------------------------------------------------- search

/// Parameters of a search.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// The query: words, `"phrases"`, `-excluded`, `OR`.
    pub q: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Cursor from a previous page.
    pub after: Option<String>,
    /// Only this outlet.
    pub source: Option<String>,
    /// Published on or after.
    pub from: Option<String>,
    /// Published on or before.
    pub to: Option<String>,
    /// Only articles mentioning this actor (id or name).
    pub actor: Option<String>,
    /// Only articles of this story (id).
    pub story: Option<String>,
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Publication date.
    pub published: Option<String>,
    /// Relevance (higher is better; comparable within one search).
    pub score: f64,
    /// An excerpt around the matches, plain text.
    pub snippet: String,
    /// Byte ranges of the matched terms in `snippet`.
    pub highlights: Vec<[usize; 2]>,
}

/// Markers the store puts around matches (private-use characters, removed from the
/// text before use).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Splits a marked snippet into plain text and the byte ranges of the marked parts.
pub fn unmark(marked: &str) -> (String, Vec<[usize; 2]>) {
    let mut text = String::with_capacity(marked.len());
    let mut ranges = Vec::new();
    let mut open_at = None;
    for c in marked.chars() {
        match c {
            OPEN => open_at = Some(text.len()),
            CLOSE => {
                if let Some(start) = open_at.take() {
                    if start < text.len() {
                        ranges.push([start, text.len()]);
                    }
                }
            }
            c => text.push(c),
        }
    }
    (text, ranges)
}

/// Most hits fetched when a filter the store cannot apply (actor, story) is set.
const FILTERED_SEARCH_DEPTH: usize = 1_000;

/// The articles an actor is mentioned in.
fn actor_articles(store: &dyn Store, actor: &str) -> Result<HashSet<String>, ServeError> {
    let id = resolve_actor(store, actor)?;
    let detail = store
        .actor_detail(&id)?
        .ok_or_else(|| ServeError::NotFound {
            what: "actor",
            id: id.clone(),
        })?;
    Ok(detail
        .mentions
        .into_iter()
        .filter(|m| !m.as_candidate)
        .map(|m| m.mention.article)
        .collect())
}

/// Ranked full-text search with snippets and filters.
pub fn search(
    store: &dyn Store,
    p: &SearchParams,
    story_articles: Option<HashSet<String>>,
) -> Result<Page<Hit>, ServeError> {
    let text = blank_to_none(&p.q)
        .ok_or_else(|| ServeError::BadRequest("missing query: give `q`".into()))?;
    let limit = page_limit(p.limit, 20)?;
    let offset = OffsetCursor::parse(p.after.as_deref())?;
    let mut allowed = story_articles;
    if let Some(actor) = blank_to_none(&p.actor) {
        let of_actor = actor_articles(store, &actor)?;
        allowed = Some(match allowed {
            Some(a) => a.intersection(&of_actor).cloned().collect(),
            None => of_actor,
        });
    }
    let depth = if allowed.is_some() {
        FILTERED_SEARCH_DEPTH
    } else {
        offset + limit + 1
    };
    let mut q = SearchQuery::new(text);
    q.limit = depth;
    q.source = blank_to_none(&p.source);
    q.from = blank_to_none(&p.from);
    q.to = blank_to_none(&p.to);
    q.snippet = SnippetStyle {
        open: OPEN.to_string(),
        close: CLOSE.to_string(),
        ellipsis: "…".into(),
        tokens: 24,
    };
    let hits = store.search(&q)?;
    let hits: Vec<Hit> = hits
        .into_iter()
        .filter(|h| allowed.as_ref().is_none_or(|a| a.contains(&h.id)))
        .map(|h| {
            let (snippet, highlights) = unmark(&h.snippet);
            Hit {
                id: h.id,
                title: h.title,
                source: h.source,
                published: h.published,
                score: h.score,
                snippet,
                highlights,
            }
        })
        .collect();
    Ok(offset_page(hits, offset, limit))
}

// -------------------------------------------------------------------------- actors

/// An actor with its counts.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    /// The actor: id, name, kind, aliases, country, roles (KB's, then learned).
    #[serde(flatten)]
    pub actor: Actor,
    /// `kb` or `derived`.
    pub origin: &'static str,
    /// Mentions naming it.
    pub mention_count: u64,
    /// Articles mentioning it.
    pub article_count: u64,
    /// The forms mentions used, most frequent first.
    pub names: Vec<(String, u64)>,
}

impl From<ActorSummary> for ActorRow {
    fn from(s: ActorSummary) -> Self {
        ActorRow {
            actor: s.actor,
            origin: s.origin.as_str(),
            mention_count: s.mentions,
            article_count: s.articles,
            names: s.names,
        }
    }
}

/// Parameters of the actor listing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorParams {
    /// Page size.
    pub limit: Option<usize>,
    /// Cursor from a previous page.
    pub after: Option<String>,
    /// Only this kind (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, MISC).
    pub kind: Option<String>,
}

/// Parses a mention kind in its contract spelling (any case).
pub fn parse_kind(s: &str) -> Result<MentionKind, ServeError> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_uppercase())).map_err(|_| {
        ServeError::BadRequest(format!(
            "unknown kind {s:?}: use PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or MISC"
        ))
    })
}

/// A page of actors, most mentioned first.
pub fn list_actors(store: &dyn Store, p: &ActorParams) -> Result<Page<ActorRow>, ServeError> {
    let limit = page_limit(p.limit, 50)?;
    let offset = OffsetCursor::parse(p.after.as_deref())?;
    let kind = blank_to_none(&p.kind).map(|k| parse_kind(&k)).transpose()?;
    let rows = store.list_actors(&ActorQuery {
        kind,
        limit: offset + limit + 1,
    })?;
    let rows: Vec<ActorRow> = rows.into_iter().map(ActorRow::from).collect();
    Ok(offset_page(rows, offset, limit))
}

/// The id of the actor a client names: an id, or a name or alias naming exactly one.
pub fn resolve_actor(store: &dyn Store, name: &str) -> Result<String, ServeError> {
    let name = name.trim();
    if !store.actors_by_id(&[name.to_string()])?.is_empty() {
        return Ok(name.to_string());
    }
    let found = store.find_actors(name)?;
    match found.as_slice() {
        [] => Err(ServeError::NotFound {
            what: "actor",
            id: name.to_string(),
        }),
        [one] => Ok(one.actor.id.clone()),
        many => Err(ServeError::BadRequest(format!(
            "actor {name:?} is ambiguous: it names {}; give an id",
            many.iter()
                .take(5)
                .map(|s| format!("{} ({})", s.actor.name, s.actor.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// One mention of an actor with where it is.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    /// The mention.
    #[serde(flatten)]
    pub mention: Mention,
    /// True when the actor is only one of an ambiguous mention's candidates.
    pub as_candidate: bool,
    /// The article's headline.
    pub article_title: String,
    /// The article's date.
    pub article_published: Option<String>,
    /// The sentence holding the mention.
    pub sentence: Option<String>,
}

/// Another actor this one has events with.
#[derive(Debug, Clone, Serialize)]
pub struct Relation {
    /// The other actor's id.
    pub actor: String,
    /// Its name.
    pub name: String,
    /// Events with this actor as source and the other as target.
    pub outgoing: u32,
    /// Events with the other as source and this actor as target.
    pub incoming: u32,
    /// Event counts by PLOVER type.
    pub types: BTreeMap<String, u32>,
}

/// An actor with roles, mentions, relations and events.
#[derive(Debug, Clone, Serialize)]
pub struct ActorDetailView {
    /// The actor and its counts.
    #[serde(flatten)]
    pub row: ActorRow,
    /// Its mentions, oldest article first (at most [`ACTOR_MENTIONS`]).
    pub mentions: Vec<MentionRow>,
    /// Mentions in all (the list may be cut).
    pub mentions_total: usize,
    /// Actors it has events with, most events first.
    pub relations: Vec<Relation>,
    /// Events with it as source.
    pub events_as_source: Vec<EventRow>,
    /// Events with it as target.
    pub events_as_target: Vec<EventRow>,
    /// Names of every actor the events refer to (id → name).
    pub names: HashMap<String, String>,
}

/// Loads an actor page.
pub fn actor_detail(store: &dyn Store, id: &str) -> Result<ActorDetailView, ServeError> {
    let detail = store
        .actor_detail(id)?
        .ok_or_else(|| ServeError::NotFound {
            what: "actor",
            id: id.to_string(),
        })?;
    let mentions_total = detail.mentions.len();
    let mentions: Vec<MentionRow> = detail
        .mentions
        .into_iter()
        .take(ACTOR_MENTIONS)
        .map(|m| MentionRow {
            mention: m.mention,
            as_candidate: m.as_candidate,
            article_title: m.title,
            article_published: m.published,
            sentence: m.sentence,
        })
        .collect();
    let events: Vec<EventRow> = store
        .events(&EventQuery {
            actor: Some(id.to_string()),
            limit: ACTOR_EVENTS,
            ..EventQuery::default()
        })?
        .into_iter()
        .map(EventRow::from)
        .collect();
    let mut rel: BTreeMap<String, Relation> = BTreeMap::new();
    let mut bump = |other: &String, outgoing: bool, kind: String| {
        if other == id {
            return;
        }
        let r = rel.entry(other.clone()).or_insert_with(|| Relation {
            actor: other.clone(),
            name: other.clone(),
            outgoing: 0,
            incoming: 0,
            types: BTreeMap::new(),
        });
        if outgoing {
            r.outgoing += 1;
        } else {
            r.incoming += 1;
        }
        *r.types.entry(kind).or_default() += 1;
    };
    let mut as_source = Vec::new();
    let mut as_target = Vec::new();
    for e in events {
        let kind = type_name(&e.event);
        let is_source = e.event.source.iter().any(|a| a == id);
        let is_target = e.event.target.iter().any(|a| a == id);
        if is_source {
            e.event
                .target
                .iter()
                .for_each(|t| bump(t, true, kind.clone()));
        }
        if is_target {
            e.event
                .source
                .iter()
                .for_each(|s| bump(s, false, kind.clone()));
        }
        if is_source {
            as_source.push(e);
        } else if is_target {
            as_target.push(e);
        }
    }
    let mut relations: Vec<Relation> = rel.into_values().collect();
    let mut ids: Vec<String> = relations.iter().map(|r| r.actor.clone()).collect();
    for e in as_source.iter().chain(&as_target) {
        let ev = &e.event;
        ids.extend(ev.source.iter().chain(&ev.target).chain(&ev.place).cloned());
        ids.extend(ev.attributed_to.iter().cloned());
    }
    ids.sort_unstable();
    ids.dedup();
    let names = name_map(store, &ids)?;
    for r in &mut relations {
        if let Some(n) = names.get(&r.actor) {
            r.name = n.clone();
        }
    }
    relations.sort_by(|a, b| {
        (b.outgoing + b.incoming)
            .cmp(&(a.outgoing + a.incoming))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(ActorDetailView {
        row: ActorRow::from(detail.summary),
        mentions,
        mentions_total,
        relations,
        events_as_source: as_source,
        events_as_target: as_target,
        names,
    })
}

/// Names of actors by id (ids the store does not know are left out).
pub fn name_map(store: &dyn Store, ids: &[String]) -> Result<HashMap<String, String>, ServeError> {
    Ok(store
        .actors_by_id(ids)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect())
}

/// An event's PLOVER type in contract spelling ("ASSAULT").
pub fn type_name(e: &Event) -> String {
    enum_name(&e.kind)
}

/// An event's modality in contract spelling ("ASSERTED").
pub fn modality_name(e: &Event) -> String {
    enum_name(&e.modality)
}

/// The serde spelling of a unit enum.
pub fn enum_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

// -------------------------------------------------------------------------- events

/// Parameters of the event listing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    /// Page size.
    pub limit: Option<usize>,
    /// Cursor from a previous page.
    pub after: Option<String>,
    /// Only this PLOVER type.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Only events involving this actor (id or name).
    pub actor: Option<String>,
    /// Only this modality.
    pub modality: Option<String>,
    /// Only events dated on or after.
    pub from: Option<String>,
    /// Only events dated on or before.
    pub to: Option<String>,
    /// Only events of this article (full id).
    pub article: Option<String>,
}

/// PLOVER types in contract spelling.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Modalities in contract spelling.
pub const MODALITIES: [&str; 7] = [
    "ASSERTED",
    "REPORTED",
    "PLANNED",
    "POSSIBLE",
    "CONDITIONAL",
    "THREATENED",
    "NEGATED",
];

fn check_one_of(what: &str, value: &str, allowed: &[&str]) -> Result<String, ServeError> {
    let v = value.trim().to_ascii_uppercase();
    if allowed.contains(&v.as_str()) {
        Ok(v)
    } else {
        Err(ServeError::BadRequest(format!(
            "unknown {what} {value:?}: use one of {}",
            allowed.join(", ")
        )))
    }
}

fn check_date(name: &str, value: &str) -> Result<(), ServeError> {
    let ok = value.len() >= 4
        && value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | '+' | 'T' | 'Z'));
    if ok {
        Ok(())
    } else {
        Err(ServeError::BadRequest(format!(
            "`{name}` must be an ISO-8601 date such as 2026-03-05 (got {value:?})"
        )))
    }
}

/// A page of events, oldest first, with their names.
pub fn list_events(
    store: &dyn Store,
    p: &EventParams,
) -> Result<(Page<EventRow>, HashMap<String, String>), ServeError> {
    let limit = page_limit(p.limit, 50)?;
    let offset = OffsetCursor::parse(p.after.as_deref())?;
    let kind = blank_to_none(&p.kind)
        .map(|k| check_one_of("type", &k, &PLOVER_TYPES))
        .transpose()?;
    let modality = blank_to_none(&p.modality)
        .map(|m| check_one_of("modality", &m, &MODALITIES))
        .transpose()?;
    let actor = blank_to_none(&p.actor)
        .map(|a| resolve_actor(store, &a))
        .transpose()?;
    let from = blank_to_none(&p.from);
    let to = blank_to_none(&p.to);
    for (name, v) in [("from", &from), ("to", &to)] {
        if let Some(v) = v {
            check_date(name, v)?;
        }
    }
    let article = match blank_to_none(&p.article) {
        Some(a) => Some(
            store
                .get_article(&a)?
                .ok_or_else(|| ServeError::NotFound {
                    what: "article",
                    id: a.clone(),
                })?
                .article
                .id,
        ),
        None => None,
    };
    let rows = store.events(&EventQuery {
        article,
        actor,
        kind,
        modality,
        from,
        to,
        limit: offset + limit + 1,
    })?;
    let page = offset_page(
        rows.into_iter().map(EventRow::from).collect(),
        offset,
        limit,
    );
    let mut ids: Vec<String> = page
        .items
        .iter()
        .flat_map(|e| {
            let ev = &e.event;
            ev.source
                .iter()
                .chain(&ev.target)
                .chain(&ev.place)
                .chain(&ev.attributed_to)
                .cloned()
                .collect::<Vec<_>>()
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names = name_map(store, &ids)?;
    Ok((page, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_cursors_round_trip_and_reject_junk() {
        assert_eq!(OffsetCursor::parse(None).unwrap(), 0);
        assert_eq!(
            OffsetCursor::parse(Some(&OffsetCursor(40).encode())).unwrap(),
            40
        );
        for bad in ["", "o.", "o.-1", "40", "o.4x", "c1.n.00"] {
            assert!(OffsetCursor::parse(Some(bad)).is_err(), "{bad}");
        }
        assert!(OffsetCursor::parse(Some("o.99999999")).is_err());
    }

    #[test]
    fn offset_pages_know_when_more_follow() {
        let rows: Vec<u32> = (0..7).collect();
        let p = offset_page(rows.clone(), 0, 3);
        assert_eq!(p.items, vec![0, 1, 2]);
        assert_eq!(p.next.as_deref(), Some("o.3"));
        let p = offset_page(rows.clone(), 6, 3);
        assert_eq!(p.items, vec![6]);
        assert_eq!(p.next, None);
        let p = offset_page(rows, 9, 3);
        assert!(p.items.is_empty());
    }

    #[test]
    fn snippets_lose_their_markers() {
        let (text, ranges) = unmark("a \u{E000}crew\u{E001} was \u{E000}released\u{E001}…");
        assert_eq!(text, "a crew was released…");
        assert_eq!(ranges, vec![[2, 6], [11, 19]]);
        assert_eq!(&text[2..6], "crew");
    }

    #[test]
    fn limits_are_checked() {
        assert_eq!(page_limit(None, 20).unwrap(), 20);
        assert_eq!(page_limit(Some(200), 20).unwrap(), 200);
        assert!(page_limit(Some(0), 20).is_err());
        assert!(page_limit(Some(201), 20).is_err());
    }

    #[test]
    fn kinds_parse_in_any_case() {
        assert_eq!(parse_kind("person").unwrap(), MentionKind::Person);
        assert_eq!(parse_kind("GPE").unwrap(), MentionKind::Gpe);
        assert!(parse_kind("planet").is_err());
    }
}
