//! Stories and series as the API returns and the pages show them (see [`crate::views`]
//! for the other listings).
//!
//! A story page needs, in one read: the story, its articles, its timeline (merged
//! events), the series its articles contribute to, names for every actor, and the
//! actor graph (who did what to whom, from the merged events). [`story_detail`] loads
//! all of it; the graph is computed here, as plain data, so the API can return it and
//! the page can draw it.

use crate::views::{self, page_limit, ArticleRow, OffsetCursor, Page};
use crate::ServeError;
use newsgraph_model::{MergedEvent, Series, Story};
use newsgraph_store::{SeriesQuery, Store, StoryQuery};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Most nodes the actor graph shows (the most active actors).
pub const GRAPH_NODES: usize = 16;
/// Most articles a story page lists (the newest).
pub const PAGE_ARTICLES: usize = 100;
/// Most merged events a story's timeline shows (the latest).
pub const PAGE_EVENTS: usize = 300;
/// Most points of each series a story page draws (the latest).
pub const PAGE_POINTS: usize = 200;

/// Parameters of the story listing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryParams {
    /// Page size.
    pub limit: Option<usize>,
    /// Cursor from a previous page.
    pub after: Option<String>,
    /// Only stories with this key actor (id or name).
    pub actor: Option<String>,
    /// Only stories with at least this many articles.
    pub min_size: Option<u32>,
    /// Only stories active on or after this date.
    pub from: Option<String>,
    /// Only stories that began on or before this date.
    pub to: Option<String>,
}

/// A row of the story listing.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRow {
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
    /// Number of merged events.
    pub events: u32,
    /// Key actors (id and name), most central first.
    pub actors: Vec<ActorRef>,
}

/// An actor as a link: id and name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorRef {
    /// Actor id.
    pub id: String,
    /// Its name (the id when the store does not know it).
    pub name: String,
}

fn refs(ids: &[String], names: &HashMap<String, String>) -> Vec<ActorRef> {
    ids.iter()
        .map(|id| ActorRef {
            id: id.clone(),
            name: names.get(id).cloned().unwrap_or_else(|| id.clone()),
        })
        .collect()
}

fn blank(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A page of stories, most recently active first.
pub fn list_stories(store: &dyn Store, p: &StoryParams) -> Result<Page<StoryRow>, ServeError> {
    let limit = page_limit(p.limit, 20)?;
    let offset = OffsetCursor::parse(p.after.as_deref())?;
    let actor = blank(&p.actor)
        .map(|a| views::resolve_actor(store, &a))
        .transpose()?;
    let rows = store.stories(&StoryQuery {
        actor,
        min_size: p.min_size.unwrap_or(1),
        from: blank(&p.from),
        to: blank(&p.to),
        limit: offset + limit + 1,
    })?;
    let more = rows.len() > offset + limit;
    let rows: Vec<_> = rows.into_iter().skip(offset).take(limit).collect();
    let mut ids: Vec<String> = rows
        .iter()
        .flat_map(|r| r.story.actors.iter().take(6).cloned())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names = views::name_map(store, &ids)?;
    let items = rows
        .into_iter()
        .map(|r| StoryRow {
            actors: refs(
                &r.story.actors.iter().take(6).cloned().collect::<Vec<_>>(),
                &names,
            ),
            id: r.story.id,
            title: r.story.title,
            first: r.story.first,
            last: r.story.last,
            size: r.size,
            events: r.events,
        })
        .collect();
    Ok(Page {
        items,
        next: more.then(|| OffsetCursor(offset + limit).encode()),
    })
}

/// A node of the actor graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    /// Actor id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Merged events it takes part in (as source or target).
    pub events: u32,
}

/// An edge of the actor graph: merged events from one actor to another.
#[derive(Debug, Clone, Serialize)]
pub struct GraphEdge {
    /// Source actor id.
    pub source: String,
    /// Target actor id.
    pub target: String,
    /// Number of merged events.
    pub count: u32,
    /// Counts by PLOVER type.
    pub types: BTreeMap<String, u32>,
}

/// The actors of a story and who did what to whom.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Graph {
    /// Actors, most active first.
    pub nodes: Vec<GraphNode>,
    /// Relations between them.
    pub edges: Vec<GraphEdge>,
}

/// Builds the actor graph of merged events: an edge per (source, target) pair, nodes
/// for the `max_nodes` most active actors (edges to others left out).
pub fn build_graph(
    events: &[MergedEvent],
    names: &HashMap<String, String>,
    max_nodes: usize,
) -> Graph {
    let mut edges: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
    let mut activity: HashMap<String, u32> = HashMap::new();
    for e in events {
        let kind = views::enum_name(&e.kind);
        for s in &e.source {
            for t in &e.target {
                if s != t {
                    *edges
                        .entry((s.clone(), t.clone()))
                        .or_default()
                        .entry(kind.clone())
                        .or_default() += 1;
                }
            }
        }
        let mut seen = HashSet::new();
        for a in e.source.iter().chain(&e.target) {
            if seen.insert(a) {
                *activity.entry(a.clone()).or_default() += 1;
            }
        }
    }
    let mut nodes: Vec<GraphNode> = activity
        .into_iter()
        .map(|(id, events)| GraphNode {
            name: names.get(&id).cloned().unwrap_or_else(|| id.clone()),
            id,
            events,
        })
        .collect();
    nodes.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
    nodes.truncate(max_nodes);
    let kept: HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    let edges = edges
        .into_iter()
        .filter(|((s, t), _)| kept.contains(s.as_str()) && kept.contains(t.as_str()))
        .map(|((source, target), types)| GraphEdge {
            count: types.values().sum(),
            source,
            target,
            types,
        })
        .collect();
    Graph { nodes, edges }
}

/// A story with everything its page shows (bounded: the newest [`PAGE_ARTICLES`]
/// articles, the latest [`PAGE_EVENTS`] merged events, the latest [`PAGE_POINTS`]
/// points of each series).
#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// The story (ids of its articles, merged events and key actors; dates).
    pub story: Story,
    /// Key actors with names.
    pub actors: Vec<ActorRef>,
    /// Its articles, in date order.
    pub articles: Vec<ArticleRow>,
    /// The timeline: merged events with their evidence, in time order.
    pub timeline: Vec<MergedEvent>,
    /// Series with a point from its articles.
    pub series: Vec<Series>,
    /// When no series has two points or more: the figures its articles report,
    /// grouped by measure, unit and subject (see [`reported_figures`]).
    pub reported_figures: Vec<Series>,
    /// Who did what to whom.
    pub graph: Graph,
    /// Names of every actor the timeline and series refer to.
    pub names: HashMap<String, String>,
}

/// Loads a story page.
pub fn story_detail(store: &dyn Store, id: &str) -> Result<StoryView, ServeError> {
    let detail = store
        .story_page(id, PAGE_ARTICLES, PAGE_EVENTS, PAGE_POINTS)?
        .ok_or_else(|| ServeError::NotFound {
            what: "story",
            id: id.to_string(),
        })?;
    let mut ids: Vec<String> = detail.story.actors.clone();
    for e in &detail.events {
        ids.extend(e.source.iter().chain(&e.target).chain(&e.place).cloned());
    }
    ids.extend(detail.series.iter().filter_map(|s| s.subject.clone()));
    let has_series = detail.series.iter().any(|s| s.points.len() >= 2);
    let reported_figures = if has_series {
        Vec::new()
    } else {
        reported_figures(store, &detail.articles)?
    };
    ids.extend(reported_figures.iter().filter_map(|s| s.subject.clone()));
    ids.sort_unstable();
    ids.dedup();
    let names = views::name_map(store, &ids)?;
    let graph = build_graph(&detail.events, &names, GRAPH_NODES);
    Ok(StoryView {
        reported_figures,
        actors: refs(&detail.story.actors, &names),
        articles: detail.articles.into_iter().map(ArticleRow::from).collect(),
        timeline: detail.events,
        series: detail.series,
        graph,
        names,
        story: detail.story,
    })
}

/// Most articles whose figures [`reported_figures`] reads.
pub const REPORTED_FIGURES_ARTICLES: usize = 50;

/// The figures a story's articles report, grouped by (measure, unit, subject) into
/// series of two points or more, most points first. A point's time is the figure's
/// period when it names a day, month or year, else the article's date. For stories
/// whose figures the store did not gather into series (figures without a subject);
/// reads the first [`REPORTED_FIGURES_ARTICLES`] articles only.
pub fn reported_figures(
    store: &dyn Store,
    articles: &[newsgraph_store::ArticleSummary],
) -> Result<Vec<Series>, ServeError> {
    let mut groups: BTreeMap<(String, String, String), Vec<newsgraph_model::SeriesPoint>> =
        BTreeMap::new();
    for a in articles.iter().take(REPORTED_FIGURES_ARTICLES) {
        let figures = store.quantities(&newsgraph_store::claims::ClaimQuery {
            article: Some(a.id.clone()),
            limit: 1_000,
        })?;
        for (index, f) in figures.into_iter().enumerate() {
            let q = f.record;
            let Some(measure) = q.measure.clone().filter(|m| m != "figure") else {
                continue;
            };
            let time = q
                .period
                .clone()
                .filter(|p| crate::dates::day_range(p).is_some())
                .or_else(|| f.published.clone());
            let Some(time) = time else { continue };
            groups
                .entry((
                    measure,
                    q.unit.clone().unwrap_or_default(),
                    q.subject.clone().unwrap_or_default(),
                ))
                .or_default()
                .push(newsgraph_model::SeriesPoint {
                    value: q.value,
                    time,
                    article: a.id.clone(),
                    quantity: index,
                    outlet: f.source.clone(),
                    attributed_to: q.attributed_to.clone(),
                    approx: q.approx,
                });
        }
    }
    let mut out: Vec<Series> = groups
        .into_iter()
        .filter(|(_, points)| points.len() >= 2)
        .map(|((measure, unit, subject), mut points)| {
            points.sort_by(|a, b| a.time.cmp(&b.time));
            Series {
                id: format!("reported:{measure}:{unit}:{subject}"),
                measure: if unit.is_empty() {
                    measure
                } else {
                    format!("{measure} ({unit})")
                },
                subject: (!subject.is_empty()).then_some(subject),
                points,
                flags: vec!["as reported by the story's articles".into()],
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.points
            .len()
            .cmp(&a.points.len())
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}

/// The set of a story's articles, for filtering a search; `None` when no story is
/// given.
pub fn story_article_filter(
    store: &dyn Store,
    story: Option<&str>,
) -> Result<Option<HashSet<String>>, ServeError> {
    let Some(id) = story.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let detail = store
        .story_page(id, usize::MAX >> 1, 0, 0)?
        .ok_or_else(|| ServeError::NotFound {
            what: "story",
            id: id.to_string(),
        })?;
    Ok(Some(detail.story.articles.into_iter().collect()))
}

/// Parameters of the series listing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesParams {
    /// Page size.
    pub limit: Option<usize>,
    /// Cursor from a previous page.
    pub after: Option<String>,
    /// Only series with a point from this story.
    pub story: Option<String>,
    /// Only this measure.
    pub measure: Option<String>,
    /// Only this subject (actor id or name).
    pub subject: Option<String>,
    /// Only series with at least this many points.
    pub min_points: Option<usize>,
}

/// A page of series.
pub fn list_series(store: &dyn Store, p: &SeriesParams) -> Result<Page<Series>, ServeError> {
    let limit = page_limit(p.limit, 50)?;
    let offset = OffsetCursor::parse(p.after.as_deref())?;
    let subject = blank(&p.subject)
        .map(|a| views::resolve_actor(store, &a))
        .transpose()?;
    let rows = store.series(&SeriesQuery {
        story: blank(&p.story),
        measure: blank(&p.measure),
        subject,
        min_points: p.min_points.unwrap_or(1),
        limit: offset + limit + 1,
    })?;
    let more = rows.len() > offset + limit;
    Ok(Page {
        items: rows.into_iter().skip(offset).take(limit).collect(),
        next: more.then(|| OffsetCursor(offset + limit).encode()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Modality, PloverType};

    fn merged(kind: PloverType, source: &[&str], target: &[&str]) -> MergedEvent {
        MergedEvent {
            id: "m".into(),
            story: None,
            kind,
            mode: None,
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            place: vec![],
            time: None,
            modality: Modality::Asserted,
            reports: 1,
            origins: vec![],
            conflicts: vec![],
            confidence: 1.0,
            first_reported: None,
            last_reported: None,
            evidence: vec![],
        }
    }

    #[test]
    fn graph_counts_relations_and_keeps_the_most_active() {
        let events = [
            merged(PloverType::Consult, &["oman"], &["iran"]),
            merged(PloverType::Consult, &["oman"], &["iran"]),
            merged(PloverType::Threaten, &["iran"], &["us", "oman"]),
            merged(PloverType::Aid, &["x"], &["x"]),
        ];
        let names = HashMap::from([("iran".to_string(), "Iran".to_string())]);
        let g = build_graph(&events, &names, 3);
        assert_eq!(g.nodes.len(), 3);
        assert_eq!(g.nodes[0].id, "iran");
        assert_eq!(g.nodes[0].name, "Iran");
        assert_eq!(g.nodes[0].events, 3);
        let oi = g
            .edges
            .iter()
            .find(|e| e.source == "oman" && e.target == "iran")
            .unwrap();
        assert_eq!(oi.count, 2);
        assert_eq!(oi.types["CONSULT"], 2);
        // The self-relation of "x" is no edge, and "x" is cut as least active.
        assert!(g.edges.iter().all(|e| e.source != e.target));
        assert!(g.nodes.iter().all(|n| n.id != "x"));
    }
}
