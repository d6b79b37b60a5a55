//! Stories, merged events and series as the store keeps and returns them (the *cluster*
//! stage, DESIGN.md §2).
//!
//! The decisions are made outside the store, by the pure functions of
//! `newsgraph-cluster` run by the pipeline: which story an article joins, which merged
//! event each of its events joins, which series each figure belongs to. The store writes
//! those decisions in the article's own transaction ([`ClusterFacts`], part of
//! [`crate::ArticleFacts`]), answers the questions the decisions need (candidate stories
//! for a set of terms, term statistics, the merged events of a story), and reads the
//! result back for reports, timelines and the API.

use newsgraph_model::{ActorId, ArticleId, EventId, MergedEvent, Series, Story};

use crate::ArticleSummary;

/// What the cluster stage decided for one article, written with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterFacts {
    /// The story the article joins, in its state after absorbing the article.
    pub story: Option<StoryWrite>,
    /// Merged events created or changed by the article's events (their `evidence` is
    /// not stored: it is read back from the events themselves).
    pub merged: Vec<MergedEvent>,
    /// For each event of the article, the merged event it joined.
    pub event_merged: Vec<(EventId, String)>,
    /// For each figure of the article (same order as its quantities), its series key.
    pub series: Vec<Option<String>>,
    /// The article's distinct terms, counted once each in the corpus statistics.
    pub terms: Vec<String>,
}

/// A story's new state, as the cluster stage computed it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryWrite {
    /// Stable id.
    pub id: String,
    /// Generated title.
    pub title: String,
    /// Earliest date it covers.
    pub first: Option<String>,
    /// Latest date it covers.
    pub last: Option<String>,
    /// Number of articles.
    pub size: u32,
    /// Key actors, most central first.
    pub actors: Vec<ActorId>,
    /// The clusterer's state of the story (JSON), opaque to the store.
    pub state: String,
    /// The terms (and weights) under which candidate retrieval finds the story.
    pub index_terms: Vec<(String, f32)>,
    /// How well the article matched the story (absent for the story's first article).
    pub score: Option<f32>,
}

/// A stored story's state, as candidate retrieval returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredStory {
    /// Stable id.
    pub id: String,
    /// The clusterer's state (JSON).
    pub state: String,
    /// Sum of the weights of the query terms under which it is indexed.
    pub overlap: f64,
}

/// Which stories [`crate::Store::stories`] lists, most recently active first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryQuery {
    /// Only stories with this key actor (actor id).
    pub actor: Option<String>,
    /// Only stories with at least this many articles.
    pub min_size: u32,
    /// Only stories still active on or after this date.
    pub from: Option<String>,
    /// Only stories that began on or before this date (a prefix matches).
    pub to: Option<String>,
    /// Most rows to return.
    pub limit: usize,
}

impl Default for StoryQuery {
    fn default() -> Self {
        StoryQuery {
            actor: None,
            min_size: 1,
            from: None,
            to: None,
            limit: 50,
        }
    }
}

/// A story with its counts, for listings.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySummary {
    /// The story (its `articles` and `events` lists are left empty in listings).
    pub story: Story,
    /// Number of articles.
    pub size: u32,
    /// Number of merged events.
    pub events: u32,
}

/// A story with everything a situation report needs.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDetail {
    /// The story with its article and merged event ids.
    pub story: Story,
    /// Its articles, in date order.
    pub articles: Vec<ArticleSummary>,
    /// Its merged events with their evidence, in time order.
    pub events: Vec<MergedEvent>,
    /// Series with at least one point from its articles (all points, from any story).
    pub series: Vec<Series>,
}

/// Which merged events [`crate::Store::merged_events`] returns (a timeline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedQuery {
    /// Only this story's.
    pub story: Option<String>,
    /// Only those with this actor as source, target or place (actor id).
    pub actor: Option<String>,
    /// Only this PLOVER type.
    pub kind: Option<String>,
    /// Only this modality.
    pub modality: Option<String>,
    /// Only those dated (event time, else first report) on or after this date.
    pub from: Option<String>,
    /// Only those dated on or before this date (a prefix matches).
    pub to: Option<String>,
    /// Most rows to return.
    pub limit: usize,
}

impl Default for MergedQuery {
    fn default() -> Self {
        MergedQuery {
            story: None,
            actor: None,
            kind: None,
            modality: None,
            from: None,
            to: None,
            limit: 1000,
        }
    }
}

/// Which series [`crate::Store::series`] returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesQuery {
    /// Only series with a point from this story's articles.
    pub story: Option<String>,
    /// Only this measure ("killed").
    pub measure: Option<String>,
    /// Only series about this subject (actor id).
    pub subject: Option<String>,
    /// Only series with at least this many points.
    pub min_points: usize,
    /// Most series to return.
    pub limit: usize,
}

impl Default for SeriesQuery {
    fn default() -> Self {
        SeriesQuery {
            story: None,
            measure: None,
            subject: None,
            min_points: 1,
            limit: 100,
        }
    }
}

/// Splits a series key (`series:MEASURE:SUBJECT[:DAY]`) into measure and subject.
pub fn parse_series_key(key: &str) -> Option<(String, String)> {
    let rest = key.strip_prefix("series:")?;
    let (measure, subject) = rest.split_once(':')?;
    Some((measure.to_string(), subject.to_string()))
}

/// The story an article belongs to, with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleStory {
    /// The article.
    pub article: ArticleId,
    /// Its story.
    pub story: String,
    /// The story's title.
    pub title: String,
}
