//! Story state: what the clusterer remembers of a story, bounded in size however many
//! articles it has, and plain data so that a store can persist it.
//!
//! A story is its centroid (the sum of its articles' unit term vectors, only the
//! heaviest [`StateParams::centroid_terms`] kept), its names, actors and event keys
//! (summed likewise), its time span, its size and a title. [`open`] starts a story from its
//! first article; [`absorb`] folds in another.
//!
//! The title is the headline of the story's most central article: each time an
//! article joins, its headline and the current title are scored against the updated
//! centroid (cosine of the headline's words with the centroid) and the better one
//! stays. Headlines are what editors wrote to sum an article up, so the most central
//! one reads as a summary of the story.

use super::date::{day_number, DayRange};
use super::features::{add_scaled, norm, top_by_weight, DocVector, Sparse};
use super::hash::fnv1a;
use newsgraph_model::StoryId;
use serde::{Deserialize, Serialize};

/// A story as the clusterer and the store keep it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    /// `story:` + 16 hex digits derived from the first article's id.
    pub id: StoryId,
    /// Headline of its most central article.
    pub title: String,
    /// Sum of the members' term vectors, the heaviest terms only, sorted by term.
    pub centroid: Sparse,
    /// Sum of the members' name vectors, bounded, sorted.
    #[serde(default)]
    pub names: Sparse,
    /// Sum of the members' actor vectors, bounded, sorted by actor id.
    pub actors: Sparse,
    /// Sum of the members' event-key vectors, bounded, sorted by key.
    pub events: Sparse,
    /// Earliest article date (ISO day), when any member is dated.
    pub first: Option<String>,
    /// Latest article date (ISO day).
    pub last: Option<String>,
    /// Number of articles.
    pub size: u32,
    /// Sequence number of the last article absorbed (for least-recently-used
    /// eviction of stories without dates).
    #[serde(default)]
    pub touched: u64,
}

impl StoryState {
    /// The days the story covers (unbounded when none of its articles is dated).
    pub fn days(&self) -> DayRange {
        DayRange {
            from: self.first.as_deref().and_then(day_number),
            to: self.last.as_deref().and_then(day_number),
        }
    }

    /// Its actors, heaviest first.
    pub fn key_actors(&self, limit: usize) -> Vec<String> {
        let mut actors = self.actors.clone();
        actors.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        actors.into_iter().take(limit).map(|(a, _)| a).collect()
    }

    /// Its centroid terms, heaviest first.
    pub fn key_terms(&self, limit: usize) -> Vec<String> {
        let mut terms = self.centroid.clone();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.into_iter().take(limit).map(|(t, _)| t).collect()
    }
}

/// Bounds on a story's state.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StateParams {
    /// Terms kept in a centroid.
    pub centroid_terms: usize,

    /// Names kept.
    pub names: usize,
    /// Actors kept.
    pub actors: usize,
    /// Event keys kept.
    pub events: usize,
}

impl Default for StateParams {
    fn default() -> Self {
        StateParams {
            centroid_terms: 200,

            names: 120,
            actors: 30,
            events: 30,
        }
    }
}

/// The id of a story first reported by article `article_id`: `story:` + the id's
/// first 16 hex digits, or, when the id does not start with 16 hex digits, the FNV-1a
/// hash of the whole id in hex.
pub fn story_id(article_id: &str) -> StoryId {
    let hex: String = article_id
        .chars()
        .take(16)
        .filter(|c| c.is_ascii_hexdigit())
        .collect();
    if hex.len() == 16 {
        format!("story:{}", hex.to_ascii_lowercase())
    } else {
        format!("story:{:016x}", fnv1a(article_id))
    }
}

/// A new story holding only `doc`; `seq` is the article's sequence number.
pub fn open(doc: &DocVector, params: &StateParams, seq: u64) -> StoryState {
    let mut state = StoryState {
        id: story_id(&doc.id),
        title: doc.title.clone(),
        touched: seq,
        ..StoryState::default()
    };
    absorb_vectors(&mut state, doc, params, seq);
    state
}

/// Folds `doc` into `state`: vectors summed and bounded, time span widened (only by
/// dated articles), size counted, title reconsidered.
pub fn absorb(state: &mut StoryState, doc: &DocVector, params: &StateParams, seq: u64) {
    absorb_vectors(state, doc, params, seq);
    if !doc.title.is_empty() && doc.title != state.title {
        let current = title_score(&text_terms(&state.title), &state.centroid);
        let challenger = title_score(&doc.title_terms, &state.centroid);
        if state.title.is_empty() || challenger > current + 1e-6 {
            state.title = doc.title.clone();
        }
    }
}

fn absorb_vectors(state: &mut StoryState, doc: &DocVector, params: &StateParams, seq: u64) {
    state.centroid = top_by_weight(
        add_scaled(&state.centroid, &doc.terms, 1.0),
        params.centroid_terms,
    );
    state.names = top_by_weight(add_scaled(&state.names, &doc.names, 1.0), params.names);
    state.actors = top_by_weight(add_scaled(&state.actors, &doc.actors, 1.0), params.actors);
    state.events = top_by_weight(add_scaled(&state.events, &doc.events, 1.0), params.events);
    if let Some(day) = doc.days.exact() {
        let iso = super::date::iso_day(day);
        if state
            .first
            .as_deref()
            .and_then(day_number)
            .is_none_or(|f| day < f)
        {
            state.first = Some(iso.clone());
        }
        if state
            .last
            .as_deref()
            .and_then(day_number)
            .is_none_or(|l| day > l)
        {
            state.last = Some(iso);
        }
    }
    state.size += 1;
    state.touched = state.touched.max(seq);
}

/// How well a headline's words cover a centroid: the cosine between the headline's
/// distinct words (each weight 1) and the centroid.
pub fn title_score(title_terms: &[String], centroid: &[(String, f32)]) -> f32 {
    if title_terms.is_empty() {
        return 0.0;
    }
    let c = norm(centroid);
    if c == 0.0 {
        return 0.0;
    }
    let mut sum = 0.0;
    for t in title_terms {
        if let Ok(i) = centroid.binary_search_by(|(k, _)| k.as_str().cmp(t)) {
            sum += centroid[i].1;
        }
    }
    sum / (c * (title_terms.len() as f32).sqrt())
}

fn text_terms(title: &str) -> Vec<String> {
    super::features::distinct_stems(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(id: &str, date: &str, title: &str, terms: &[(&str, f32)]) -> DocVector {
        let mut terms: Sparse = terms.iter().map(|(k, w)| (k.to_string(), *w)).collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        super::super::features::normalise(&mut terms);
        DocVector {
            id: id.into(),
            date: Some(date.into()),
            days: DayRange::day(day_number(date).unwrap()),
            title: title.into(),
            title_terms: text_terms(title),
            terms,
            ..DocVector::default()
        }
    }

    #[test]
    fn ids_come_from_the_first_article() {
        assert_eq!(story_id("928ee7e6172f7460aaaa"), "story:928ee7e6172f7460");
        assert_eq!(story_id("928EE7E6172F7460"), "story:928ee7e6172f7460");
        let a = story_id("reuters-42");
        assert!(a.starts_with("story:") && a.len() == 22, "{a}");
        assert_eq!(a, story_id("reuters-42"));
        assert_ne!(a, story_id("reuters-43"));
    }

    #[test]
    fn absorbing_sums_bounds_and_widens() {
        let a = vector(
            "a",
            "2026-03-02",
            "Iran seizes tanker",
            &[("iran", 1.0), ("tanker", 1.0)],
        );
        let b = vector("b", "2026-02-20", "", &[("tanker", 1.0), ("crew", 1.0)]);
        let c = vector("c", "2026-03-10", "", &[("crew", 1.0), ("release", 1.0)]);
        let mut s = open(&a, &StateParams::default(), 1);
        assert_eq!(s.size, 1);
        assert_eq!(s.title, "Iran seizes tanker");
        let params = StateParams {
            centroid_terms: 3,
            ..StateParams::default()
        };
        absorb(&mut s, &b, &params, 2);
        absorb(&mut s, &c, &params, 3);
        assert_eq!(s.size, 3);
        assert_eq!(s.first.as_deref(), Some("2026-02-20"));
        assert_eq!(s.last.as_deref(), Some("2026-03-10"));
        assert_eq!(s.touched, 3);
        // Bounded to three terms: the heaviest ("crew", "tanker"), then the smaller key.
        let terms: Vec<&str> = s.centroid.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(terms, ["crew", "iran", "tanker"]);
        // Undated articles do not move the span.
        let mut undated = c.clone();
        undated.days = DayRange::default();
        absorb(&mut s, &undated, &params, 4);
        assert_eq!(s.last.as_deref(), Some("2026-03-10"));
    }

    #[test]
    fn the_most_central_headline_becomes_the_title() {
        let a = vector(
            "a",
            "2026-03-02",
            "Oil prices",
            &[("oil", 1.0), ("price", 1.0)],
        );
        let b = vector(
            "b",
            "2026-03-03",
            "Tanker crew held in Iran",
            &[("tanker", 1.0), ("crew", 1.0), ("iran", 1.0)],
        );
        let mut s = open(&a, &StateParams::default(), 1);
        let params = StateParams::default();
        absorb(&mut s, &b, &params, 2);
        absorb(&mut s, &b, &params, 3);
        assert_eq!(s.title, "Tanker crew held in Iran");
        assert!(
            title_score(&b.title_terms, &s.centroid) > title_score(&a.title_terms, &s.centroid)
        );
    }
}
