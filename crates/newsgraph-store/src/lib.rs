//! The storage interface of newsgraph and its embedded SQLite backend (DESIGN.md §4).
//!
//! Callers speak to storage through one trait, [`Store`], in the vocabulary of
//! `newsgraph-model` plus a few small query structs defined here ([`ListQuery`],
//! [`SearchQuery`], …). No SQL, no driver types and no driver errors cross the trait:
//! failures are this crate's own [`StoreError`]. That is what lets a PostgreSQL backend
//! follow without changing a single caller.
//!
//! The rules every backend keeps:
//!
//! - **One article = one transaction.** Everything stored for an article (its row, its
//!   sentences, its full-text entry, its near-duplicate bands, and later its mentions,
//!   events, …) commits together or not at all, so a crash (even `kill -9`) never leaves
//!   half an article behind.
//! - **Idempotent writes.** Articles are keyed by their content id; putting an article
//!   whose id is stored already is a no-op reported as [`PutOutcome::AlreadyPresent`].
//! - **Stable listing order.** [`Store::list_articles`] orders by publication date
//!   (oldest first, undated articles last), then by id, and pages with an opaque
//!   [`Cursor`] built from the last row of a page ([`ArticleSummary::cursor`]).
//! - **Safe search.** [`SearchQuery::text`] is user input (words, `"quoted phrases"`,
//!   `-excluded`, `OR`); it is parsed by [`query`] and re-rendered for the backend, so
//!   no input can cause a syntax error in the backend's full-text language.
//! - **Near duplicates** are found by locality-sensitive banding over 64-bit
//!   fingerprints ([`neardup`]): an indexed lookup up to Hamming distance 3, a scan of
//!   the fingerprints cached in memory beyond; both exact.
//!
//! The SQLite backend is [`SqliteStore`]; see its module for schema and migrations.

#![warn(missing_docs)]

mod actors;
pub mod claims;
mod error;
pub mod neardup;
pub mod query;
pub mod sqlite;
pub mod stories;

use newsgraph_model::{Article, ArticleId, Sentence};

pub use actors::{
    name_key, ActorDetail, ActorMention, ActorOrigin, ActorQuery, ActorRecord, ActorSummary,
    ArticleFacts, LearnedRole,
};
pub use error::{BackendError, StoreError};
pub use sqlite::SqliteStore;
pub use stories::{
    ArticleStory, ClusterFacts, MergedQuery, SeriesQuery, StoredStory, StoryDetail, StoryQuery,
    StorySummary, StoryWrite,
};

/// Everything stored for one article, written in one transaction by
/// [`Store::put_article`] and read back whole by [`Store::get_article`].
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The article: metadata and clean body.
    pub article: Article,
    /// Its sentences (byte spans into `article.body`).
    pub sentences: Vec<Sentence>,
    /// 64-bit similarity fingerprint of the body (simhash-style), for near duplicates.
    pub fingerprint: u64,
    /// When the article was stored (RFC 3339, UTC). Set by the store when `None` on
    /// write; a given value is kept (so copying between stores preserves it).
    pub ingested_at: Option<String>,
}

/// What [`Store::put_article`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// The article was new and has been stored.
    Stored,
    /// An article with the same content id was stored already: nothing was written.
    AlreadyPresent,
}

/// One row of an article listing or the resolution of an id: metadata without the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    /// Content id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Publishing outlet (empty when unknown).
    pub source: String,
    /// Publication date-time (ISO-8601) when the article states one.
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// The article this one (nearly) repeats.
    pub duplicate_of: Option<ArticleId>,
    /// Number of whitespace-separated words in the body.
    pub words: usize,
    /// Length of the body in bytes.
    pub bytes: usize,
    /// File it was read from.
    pub path: Option<String>,
    /// URL it was published at.
    pub url: Option<String>,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
}

impl ArticleSummary {
    /// The cursor that continues a listing after this row: pass it as
    /// [`ListQuery::after`] to get the next page.
    pub fn cursor(&self) -> Cursor {
        Cursor::encode(self.published.as_deref(), &self.id)
    }
}

/// An opaque position in the article listing order (see [`ArticleSummary::cursor`]).
///
/// It is plain ASCII, safe to print and to pass on a command line or in a URL; its
/// contents are not part of the API (only that every backend accepts cursors made by
/// this crate).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cursor(String);

/// The decoded contents of a [`Cursor`]: the sort key of the last row seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CursorKey {
    /// Publication date of the last row (`None`: undated, sorted last).
    pub published: Option<String>,
    /// Id of the last row.
    pub id: String,
}

impl Cursor {
    /// Wraps a cursor string received from a user (e.g. a `--after` option); it is
    /// checked when used.
    pub fn new(s: impl Into<String>) -> Self {
        Cursor(s.into())
    }

    /// The cursor as a string, to hand to a user.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn encode(published: Option<&str>, id: &str) -> Self {
        let mut s = String::from("c1.");
        match published {
            Some(p) => {
                s.push('p');
                push_hex(&mut s, p.as_bytes());
            }
            None => s.push('n'),
        }
        s.push('.');
        push_hex(&mut s, id.as_bytes());
        Cursor(s)
    }

    pub(crate) fn decode(&self) -> Result<CursorKey, StoreError> {
        let bad = || StoreError::InvalidCursor {
            cursor: self.0.clone(),
        };
        let rest = self.0.strip_prefix("c1.").ok_or_else(bad)?;
        let (key, id) = rest.split_once('.').ok_or_else(bad)?;
        let published = match key.strip_prefix('p') {
            Some(hex) => Some(from_hex(hex).ok_or_else(bad)?),
            None if key == "n" => None,
            None => return Err(bad()),
        };
        let id = from_hex(id).ok_or_else(bad)?;
        Ok(CursorKey { published, id })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
}

fn from_hex(s: &str) -> Option<String> {
    let pairs = s.as_bytes().chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return None;
    }
    let bytes = pairs
        .map(|pair| {
            let hi = char::from(pair[0]).to_digit(16)?;
            let lo = char::from(pair[1]).to_digit(16)?;
            u8::try_from(hi * 16 + lo).ok()
        })
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// Which articles [`Store::list_articles`] returns: a page of at most `limit` rows in the
/// stable listing order, after a cursor, filtered by source and publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// Most rows to return (0 returns none).
    pub limit: usize,
    /// Continue after this position (from [`ArticleSummary::cursor`] of the last row of
    /// the previous page); `None` starts at the beginning.
    pub after: Option<Cursor>,
    /// Only articles from this source (case-insensitive exact match).
    pub source: Option<String>,
    /// Only articles published on or after this ISO-8601 date (compared at the
    /// precision given: `2026-01` includes all of January). Excludes undated articles.
    pub from: Option<String>,
    /// Only articles published on or before this ISO-8601 date (inclusive at the
    /// precision given: `2026-01-31` includes that whole day). Excludes undated articles.
    pub to: Option<String>,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            limit: 50,
            after: None,
            source: None,
            from: None,
            to: None,
        }
    }
}

/// How search snippets mark matches and elisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetStyle {
    /// Inserted before each matched term.
    pub open: String,
    /// Inserted after each matched term.
    pub close: String,
    /// Marks text left out before or after the snippet.
    pub ellipsis: String,
    /// Approximate length of the snippet in tokens (1–64).
    pub tokens: u8,
}

impl Default for SnippetStyle {
    fn default() -> Self {
        SnippetStyle {
            open: "[".into(),
            close: "]".into(),
            ellipsis: "…".into(),
            tokens: 12,
        }
    }
}

/// A full-text search: user query text plus filters (see [`query`] for the syntax).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// What the user typed: words, `"quoted phrases"`, `-excluded` terms, `OR`.
    pub text: String,
    /// Most hits to return (0 returns none).
    pub limit: usize,
    /// Only articles from this source (case-insensitive exact match).
    pub source: Option<String>,
    /// Only articles published on or after this date (as in [`ListQuery::from`]).
    pub from: Option<String>,
    /// Only articles published on or before this date (as in [`ListQuery::to`]).
    pub to: Option<String>,
    /// Snippet markers and length.
    pub snippet: SnippetStyle,
}

impl SearchQuery {
    /// A search for `text` with default limit (20), no filters and default snippets.
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            limit: 20,
            source: None,
            from: None,
            to: None,
            snippet: SnippetStyle::default(),
        }
    }
}

/// One search result, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Content id of the article.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Publishing outlet.
    pub source: String,
    /// Publication date, when known.
    pub published: Option<String>,
    /// Relevance: higher is better; only comparable within one search.
    pub score: f64,
    /// A short excerpt of the body around the matches, matches wrapped in the
    /// [`SnippetStyle`] markers.
    pub snippet: String,
}

/// Counts describing a store, for `newsgraph stats` and health checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreStats {
    /// Articles stored.
    pub articles: u64,
    /// Articles flagged as (near) duplicates of another.
    pub duplicates: u64,
    /// Distinct sources.
    pub sources: u64,
    /// Sentences stored.
    pub sentences: u64,
    /// Schema version of the database.
    pub schema_version: u32,
    /// Backend name ("sqlite").
    pub backend: &'static str,
}

/// Minimum length of an id prefix accepted by [`Store::get_article`].
pub const MIN_ID_PREFIX: usize = 4;

/// The storage interface: everything the rest of newsgraph may ask of a store.
///
/// Implementations must be `Send` so a store can be moved to a worker thread.
pub trait Store: Send {
    /// Stores an article with everything belonging to it in one transaction.
    /// An article whose content id is stored already is left alone
    /// ([`PutOutcome::AlreadyPresent`]). Same as [`Store::put_article_with`] with no
    /// extracted facts.
    fn put_article(&mut self, a: &StoredArticle) -> Result<PutOutcome, StoreError> {
        self.put_article_with(a, &ArticleFacts::default())
    }

    /// Stores an article and the facts extracted from it (mentions, the actors they
    /// name, roles it asserts) in one transaction: all or nothing. Actors already
    /// stored are merged (aliases united; a KB actor's data refreshed from the KB).
    /// An article stored already is left alone, facts included.
    fn put_article_with(
        &mut self,
        a: &StoredArticle,
        facts: &ArticleFacts,
    ) -> Result<PutOutcome, StoreError>;

    /// Actors with at least one mention naming them (ambiguous mentions do not
    /// count), most mentioned first, then by id.
    fn list_actors(&self, q: &ActorQuery) -> Result<Vec<ActorSummary>, StoreError>;

    /// Actors whose id is `name`, or one of whose names, aliases or mention texts is
    /// `name` (compared by [`name_key`]: case, dots and hyphens do not matter), most
    /// mentioned first. Several results mean the name is ambiguous.
    fn find_actors(&self, name: &str) -> Result<Vec<ActorSummary>, StoreError>;

    /// One actor with every mention naming it (and every ambiguous mention listing
    /// it as a candidate), each with its sentence; `None` for an unknown id.
    fn actor_detail(&self, id: &str) -> Result<Option<ActorDetail>, StoreError>;

    /// Roles articles asserted with this title (compared by [`name_key`]) of this
    /// state or organisation (actor id), oldest evidence first.
    fn learned_roles(&self, title: &str, of: &str) -> Result<Vec<LearnedRole>, StoreError>;

    /// Events matching `q`, oldest first (by event time, else the article's date), each
    /// with its article's title and date and the sentence that is its evidence.
    fn events(&self, q: &claims::EventQuery) -> Result<Vec<claims::EventRecord>, StoreError>;

    /// Quotes (of one article, or all), in article then text order.
    fn quotes(
        &self,
        q: &claims::ClaimQuery,
    ) -> Result<Vec<claims::ClaimRecord<newsgraph_model::Quote>>, StoreError>;

    /// Figures (of one article, or all), in article then text order.
    fn quantities(
        &self,
        q: &claims::ClaimQuery,
    ) -> Result<Vec<claims::ClaimRecord<newsgraph_model::Quantity>>, StoreError>;

    /// The time expressions of a stored article (by full id), in text order.
    fn article_timexes(&self, id: &str) -> Result<Vec<newsgraph_model::Timex>, StoreError>;

    /// The mentions of a stored article (by full id), in text order (for readers that
    /// highlight every extraction).
    fn article_mentions(&self, id: &str) -> Result<Vec<newsgraph_model::Mention>, StoreError>;

    /// The stored actors with these ids (unknown ids left out), without counts or
    /// learned roles: a cheap lookup of names and kinds for labels.
    fn actors_by_id(&self, ids: &[String]) -> Result<Vec<newsgraph_model::Actor>, StoreError>;

    /// Stories indexed under any of the weighted `terms`, best overlap first: the
    /// candidates a new article is compared with (never all stories).
    fn story_candidates(
        &self,
        terms: &[(String, f32)],
        limit: usize,
    ) -> Result<Vec<StoredStory>, StoreError>;

    /// The number of documents counted in the corpus statistics, and the document
    /// frequency of each of `terms`.
    fn term_stats(&self, terms: &[String]) -> Result<(u64, Vec<u64>), StoreError>;

    /// The merged events of one story and PLOVER type, most recent first: the
    /// candidates a new report is merged with.
    fn story_merged_events(
        &self,
        story: &str,
        kind: &str,
        limit: usize,
    ) -> Result<Vec<newsgraph_model::MergedEvent>, StoreError>;

    /// Stories, most recently active first.
    fn stories(&self, q: &StoryQuery) -> Result<Vec<StorySummary>, StoreError>;

    /// One story with its articles, merged events (evidence included) and series.
    fn story(&self, id: &str) -> Result<Option<StoryDetail>, StoreError>;

    /// One story bounded for a page, at the same cost whatever its size: its newest
    /// `max_articles` articles (by ingestion; returned in date order), its latest
    /// `max_events` merged events (in time order, with their first reports as evidence)
    /// and the latest `max_points` points of each of its series. `story.articles` and `story.events`
    /// list only those. The default reads the whole story and cuts it.
    fn story_page(
        &self,
        id: &str,
        max_articles: usize,
        max_events: usize,
        max_points: usize,
    ) -> Result<Option<StoryDetail>, StoreError> {
        Ok(self.story(id)?.map(|mut d| {
            let skip = d.articles.len().saturating_sub(max_articles);
            d.articles.drain(..skip);
            let skip = d.events.len().saturating_sub(max_events);
            d.events.drain(..skip);
            for s in &mut d.series {
                let skip = s.points.len().saturating_sub(max_points);
                s.points.drain(..skip);
            }
            d.story.articles = d.articles.iter().map(|a| a.id.clone()).collect();
            d.story.events = d.events.iter().map(|e| e.id.clone()).collect();
            d
        }))
    }

    /// A number that changes whenever anything is written to the store (for caches of
    /// answers derived from it). The default is the number of articles.
    fn generation(&self) -> Result<u64, StoreError> {
        Ok(self.stats()?.articles)
    }

    /// The story an article (full id) belongs to.
    fn article_story(&self, article: &str) -> Result<Option<ArticleStory>, StoreError>;

    /// Merged events (a timeline), with their evidence.
    fn merged_events(
        &self,
        q: &MergedQuery,
    ) -> Result<Vec<newsgraph_model::MergedEvent>, StoreError>;

    /// Figure series.
    fn series(&self, q: &SeriesQuery) -> Result<Vec<newsgraph_model::Series>, StoreError>;

    /// True when an article with exactly this content id is stored.
    fn contains(&self, id: &str) -> Result<bool, StoreError>;

    /// The article with this id, or with the only id starting with this prefix (at least
    /// [`MIN_ID_PREFIX`] characters). `Ok(None)` when nothing matches;
    /// [`StoreError::AmbiguousPrefix`] when several do.
    fn get_article(&self, id_or_unique_prefix: &str) -> Result<Option<StoredArticle>, StoreError>;

    /// Like [`Store::get_article`], but a missing article is an error
    /// ([`StoreError::NotFound`]): convenient for commands given an id by a user.
    fn require_article(&self, id_or_unique_prefix: &str) -> Result<StoredArticle, StoreError> {
        self.get_article(id_or_unique_prefix)?
            .ok_or_else(|| StoreError::NotFound {
                id: id_or_unique_prefix.to_string(),
            })
    }

    /// A page of article summaries in the stable listing order (published date, oldest
    /// first, undated last; then id), after `q.after`.
    fn list_articles(&self, q: &ListQuery) -> Result<Vec<ArticleSummary>, StoreError>;

    /// Full-text search over titles and bodies, best match first (title matches weigh
    /// more than body matches). Fails with [`StoreError::InvalidQuery`] only when the
    /// query has nothing to search for (empty, only punctuation, only exclusions).
    fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, StoreError>;

    /// The id of a stored article whose fingerprint is within `max_distance` bits
    /// (Hamming distance) of `fingerprint`: the nearest, and among equally near ones the
    /// earliest stored. Exact at every distance; indexed (fast) for
    /// `max_distance <= 3`, linear in the number of articles beyond (see [`neardup`]).
    fn find_near_duplicate(
        &self,
        fingerprint: u64,
        max_distance: u32,
    ) -> Result<Option<ArticleId>, StoreError>;

    /// Counts describing the store.
    fn stats(&self) -> Result<StoreStats, StoreError>;
}

/// Checks a date filter bound: it must look like the start of an ISO-8601 date-time
/// (four digits, then only digits and `-:.+TZ` characters).
pub(crate) fn check_date_bound(name: &str, value: &str) -> Result<(), StoreError> {
    let ok = value.len() >= 4
        && value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | '+' | 'T' | 'Z'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::InvalidQuery {
            query: value.to_string(),
            reason: format!("`{name}` must be an ISO-8601 date such as 2026-01-31"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips() {
        for (published, id) in [
            (Some("2026-01-01T10:00:00Z"), "abcd"),
            (None, "ffff0000"),
            (Some(""), "x.y"),
            (Some("ünïcode…"), "id.with.dots"),
        ] {
            let c = Cursor::encode(published, id);
            assert!(c.as_str().is_ascii());
            let key = Cursor::new(c.to_string()).decode().unwrap();
            assert_eq!(key.published.as_deref(), published);
            assert_eq!(key.id, id);
        }
    }

    #[test]
    fn bad_cursors_are_errors_not_panics() {
        for s in [
            "",
            "c1.",
            "c1.n",
            "c1.x.00",
            "c1.p0.00",
            "c1.pzz.00",
            "c1.n.ff",
            "zz",
        ] {
            assert!(
                matches!(
                    Cursor::new(s).decode(),
                    Err(StoreError::InvalidCursor { .. })
                ),
                "{s:?}"
            );
        }
    }

    #[test]
    fn date_bounds_are_checked() {
        for ok in ["2026", "2026-01", "2026-01-31", "2026-01-31T10:00:00+02:00"] {
            assert!(check_date_bound("from", ok).is_ok(), "{ok}");
        }
        for bad in ["", "26-01", "yesterday", "2026'; DROP", "２０２６"] {
            assert!(check_date_bound("from", bad).is_err(), "{bad}");
        }
    }
}
