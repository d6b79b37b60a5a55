//! The *cluster* stage over a store or a batch: which story an article joins, which
//! merged event each of its events joins, which series each of its figures extends.
//!
//! The decisions are `newsgraph-cluster`'s pure functions; this module feeds them: over
//! a store ([`decide`]: candidate stories from the store's term index, corpus
//! statistics from its counts, merged events of the chosen story), or over a batch in
//! memory ([`batch`], for `analyze`). Both read the knowledge base for the *roots* of
//! actors (a government body, a city or a site stands for its state) that event merging
//! and series keys compare.

use std::collections::BTreeMap;

use newsgraph_cluster::merge::{self, ActorRoots};
use newsgraph_cluster::series;
use newsgraph_cluster::story::{
    self, assign, features, index, Assignment, CorpusStats, OnlineClusterer, Params, StoryDoc,
    StoryState,
};
use newsgraph_kb::{EntityClass, Kb};
use newsgraph_model::{Article, Event, Mention, MergedEvent, Quantity, Series, Story};
use newsgraph_store::{ClusterFacts, Store, StoreError, StoryWrite};

/// Merged events of a story read as candidates for each new report.
const MERGE_CANDIDATES: usize = 200;

/// Key actors kept on a story.
const STORY_ACTORS: usize = 12;

/// Actor roots from the knowledge base: government bodies, cities and places stand for
/// the state they belong to; states, organisations, groups and persons for
/// themselves.
pub struct KbRoots<'k>(pub &'k Kb);

impl ActorRoots for KbRoots<'_> {
    fn root(&self, actor: &str) -> Option<String> {
        let e = self.0.entity(actor)?;
        match e.class {
            EntityClass::GovBody | EntityClass::City | EntityClass::Place => {
                e.country.as_ref().map(|c| format!("country:{c}"))
            }
            _ => None,
        }
    }
}

/// The outlet a report originates from: the end of the syndication chain, else the
/// publishing outlet.
/// An article from an unknown outlet counts as a source of its own.
pub fn origin_of(article: &Article) -> String {
    match article.via.last() {
        Some(v) => v.clone(),
        None if !article.source.trim().is_empty() => article.source.clone(),
        None => format!("article:{}", &article.id[..article.id.len().min(12)]),
    }
}

/// The article as story clustering sees it.
pub fn story_doc(article: &Article, mentions: &[Mention], events: &[Event]) -> StoryDoc {
    StoryDoc {
        id: article.id.clone(),
        date: article
            .published
            .as_deref()
            .map(|p| p.split('T').next().unwrap_or(p).to_string()),
        date_bounds: article
            .published_bounds
            .as_ref()
            .map(|b| (b.from.clone(), b.to.clone())),
        title: article.title.clone(),
        text: article.body.clone(),
        actors: features::actor_ids(mentions),
        event_keys: features::event_keys(events),
    }
}

/// The series key of each figure (same order as `quantities`).
pub fn series_keys(quantities: &[Quantity], roots: &dyn ActorRoots) -> Vec<Option<String>> {
    quantities
        .iter()
        .map(|q| {
            let subject = q
                .subject
                .as_deref()
                .map(|s| roots.root(s).unwrap_or_else(|| s.to_string()));
            series::key(
                q.measure.as_deref(),
                subject.as_deref(),
                q.period.as_deref(),
            )
        })
        .collect()
}

/// Corpus statistics read from the store for one document's keys, with the document
/// itself counted (as the in-memory clusterer counts a document before weighing it).
struct Counted {
    docs: u64,
    df: BTreeMap<String, u64>,
}

impl CorpusStats for Counted {
    fn docs(&self) -> u64 {
        self.docs
    }

    fn df(&self, term: &str) -> u64 {
        self.df.get(term).copied().unwrap_or(1)
    }
}

/// Keys held by more than this share of the stored articles are not looked up for
/// candidate stories: they tell no story from another (template and background words),
/// and theirs are the longest postings. Without this, a stream of templated articles
/// that rightly stay apart (harbour bulletins, generated storylines) made every lookup
/// scan every story.
const MAX_QUERY_SHARE: f64 = 0.5;

/// The store holds at least this many articles before keys are skipped as background
/// (in a young store the articles of its first story are most of what there is).
const MIN_DOCS_FOR_SKIP: u64 = 50;

/// True for a key too common to look up (see [`MAX_QUERY_SHARE`]).
fn is_background_key(docs: u64, df: u64) -> bool {
    docs >= MIN_DOCS_FOR_SKIP && df as f64 > MAX_QUERY_SHARE * docs as f64
}

/// Decides story, merged events and series for one article about to be stored.
pub fn decide<S: Store + ?Sized>(
    store: &S,
    article: &Article,
    mentions: &[Mention],
    events: &[Event],
    quantities: &[Quantity],
    kb: &Kb,
) -> Result<ClusterFacts, StoreError> {
    let params = Params::default();
    let roots = KbRoots(kb);
    let doc = story_doc(article, mentions, events);
    let raw = features::extract(&doc, &params.features);
    let keys: Vec<String> = raw.keys().map(str::to_string).collect();
    let (docs, dfs) = store.term_stats(&keys)?;
    let stats = Counted {
        docs: docs + 1,
        df: keys
            .iter()
            .cloned()
            .zip(dfs.into_iter().map(|d| d + 1))
            .collect(),
    };
    let vector = features::weigh(&doc, raw, &stats, &params.features);
    let query: Vec<(String, f32)> = index::query_keys(&vector, params.index.query_terms)
        .into_iter()
        .filter(|(k, _)| !is_background_key(stats.docs, stats.df(k)))
        .map(|(k, w)| (k.to_string(), w))
        .collect();
    let stored = store.story_candidates(&query, params.candidates)?;
    let candidates: Vec<StoryState> = stored
        .iter()
        .filter_map(|s| serde_json::from_str(&s.state).ok())
        .collect();
    let seq = docs + 1;
    let assignment = assign(&vector, &candidates, &params.decision);
    let (state, score) = match &assignment {
        Assignment::Join { story, score } => {
            let mut state = candidates
                .into_iter()
                .find(|s| &s.id == story)
                .expect("a joined story is one of the candidates");
            story::absorb(&mut state, &vector, &params.state, seq);
            (state, Some(*score))
        }
        Assignment::New { .. } => (story::open(&vector, &params.state, seq), None),
    };
    let story_id = state.id.clone();

    // Events: each joins the best merged event of the story (or one opened by an
    // earlier event of this article), else opens one.
    let origin = match &article.duplicate_of {
        Some(original) => store
            .get_article(original)?
            .map(|a| origin_of(&a.article))
            .unwrap_or_else(|| origin_of(article)),
        None => origin_of(article),
    };
    let mut pool: BTreeMap<String, Vec<MergedEvent>> = BTreeMap::new();
    let mut changed: Vec<String> = Vec::new();
    let mut event_merged = Vec::new();
    for e in events {
        let kind = features::plover_name(e.kind).to_string();
        if !pool.contains_key(&kind) {
            let found = store.story_merged_events(&story_id, &kind, MERGE_CANDIDATES)?;
            pool.insert(kind.clone(), found);
        }
        let candidates = pool.get_mut(&kind).expect("filled above");
        let report = merge::Report {
            event: e,
            outlet: &article.source,
            origin: &origin,
            published: article.published.as_deref(),
        };
        let id = match merge::best_fit(candidates, &report, &roots) {
            Some(i) => {
                merge::absorb(&mut candidates[i], &report, &roots);
                candidates[i].id.clone()
            }
            None => {
                let m = merge::open(&report, Some(&story_id));
                let id = m.id.clone();
                candidates.push(m);
                id
            }
        };
        if !changed.contains(&id) {
            changed.push(id.clone());
        }
        event_merged.push((e.id.clone(), id));
    }
    let merged: Vec<MergedEvent> = pool
        .into_values()
        .flatten()
        .filter(|m| changed.contains(&m.id))
        .collect();

    let write = StoryWrite {
        id: story_id,
        title: state.title.clone(),
        first: state.first.clone(),
        last: state.last.clone(),
        size: state.size,
        actors: state.key_actors(STORY_ACTORS),
        index_terms: index::index_keys(&state, params.index.story_terms),
        state: serde_json::to_string(&state).unwrap_or_else(|_| "{}".into()),
        score,
    };
    Ok(ClusterFacts {
        story: Some(write),
        merged,
        event_merged,
        series: series_keys(quantities, &roots),
        terms: keys,
    })
}

/// What the cluster stage finds in a batch held in memory (for `analyze`).
#[derive(Debug, Default)]
pub struct BatchClusters {
    /// Stories.
    pub stories: Vec<Story>,
    /// Merged events, per story.
    pub merged: Vec<MergedEvent>,
    /// Series.
    pub series: Vec<Series>,
}

/// One article of a batch, as the cluster stage needs it.
pub struct BatchItem<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its resolved mentions.
    pub mentions: &'a [Mention],
    /// Its events.
    pub events: &'a [Event],
    /// Its figures.
    pub quantities: &'a [Quantity],
}

/// Clusters a batch in the given order: stories online, events merged within each
/// story, figures grouped into series.
pub fn batch(items: &[BatchItem<'_>], kb: &Kb) -> BatchClusters {
    let roots = KbRoots(kb);
    let mut clusterer = OnlineClusterer::new(Params::default());
    let mut story_of = Vec::with_capacity(items.len());
    for it in items {
        let doc = story_doc(it.article, it.mentions, it.events);
        story_of.push(clusterer.add(doc).story().to_string());
    }
    let mut stories = clusterer.stories(STORY_ACTORS);
    let origins: Vec<String> = items
        .iter()
        .map(|it| {
            let original = it
                .article
                .duplicate_of
                .as_ref()
                .and_then(|o| items.iter().find(|x| &x.article.id == o));
            origin_of(original.map_or(it.article, |x| x.article))
        })
        .collect();
    let mut merged = Vec::new();
    for s in &mut stories {
        let reports: Vec<merge::Report<'_>> = items
            .iter()
            .zip(&story_of)
            .zip(&origins)
            .filter(|((_, id), _)| **id == s.id)
            .flat_map(|((it, _), origin)| {
                it.events.iter().map(move |e| merge::Report {
                    event: e,
                    outlet: &it.article.source,
                    origin,
                    published: it.article.published.as_deref(),
                })
            })
            .collect();
        let story_merged = merge::merge_all(reports, Some(&s.id), &roots);
        s.events = story_merged.iter().map(|m| m.id.clone()).collect();
        merged.extend(story_merged);
    }
    let mut groups: BTreeMap<String, Vec<series::PointInput>> = BTreeMap::new();
    for it in items {
        let keys = series_keys(it.quantities, &roots);
        let bounds = it.article.published_bounds.as_ref();
        let Some(time) = series::point_time(
            it.article.published.as_deref(),
            bounds.and_then(|b| b.from.as_deref()),
            bounds.and_then(|b| b.to.as_deref()),
        ) else {
            continue;
        };
        for (i, (q, key)) in it.quantities.iter().zip(keys).enumerate() {
            let Some(key) = key else { continue };
            groups.entry(key).or_default().push(series::PointInput {
                article: it.article.id.clone(),
                quantity: i,
                value: q.value,
                approx: q.approx,
                time: time.clone(),
                outlet: it.article.source.clone(),
                attributed_to: q.attributed_to.clone(),
            });
        }
    }
    let series = groups
        .into_iter()
        .filter_map(|(key, points)| {
            let (measure, subject) = newsgraph_store::stories::parse_series_key(&key)?;
            let subject = subject_of(&subject).to_string();
            Some(series::build(&key, &measure, Some(&subject), points))
        })
        .collect();
    BatchClusters {
        stories,
        merged,
        series,
    }
}

/// The actor id of a series key's subject part (a trailing `:YYYY-MM-DD` removed).
fn subject_of(subject: &str) -> &str {
    match subject.rsplit_once(':') {
        Some((head, day)) if day.len() == 10 && day.as_bytes()[4] == b'-' => head,
        _ => subject,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_most_articles_are_not_looked_up_once_the_store_has_grown() {
        assert!(is_background_key(1_000, 900));
        assert!(!is_background_key(1_000, 400));
        // A young store: its first story's words are in most articles.
        assert!(!is_background_key(10, 10));
    }
}
