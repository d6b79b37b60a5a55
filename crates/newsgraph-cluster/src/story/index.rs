//! Candidate retrieval: which stories could an article belong to?
//!
//! Comparing an article with every story is quadratic over a stream; instead each
//! story is filed under its heaviest terms, its actors and its event keys in an
//! inverted index (key → stories), and an article looks up only its own heaviest keys.
//! Stories sharing several weighty keys with the article rise to the top of a rough
//! score (the dot product over the indexed keys) and only the best few are scored
//! exactly by [`super::decide`].
//!
//! [`StoryIndex`] is the interface; [`MemoryIndex`] the in-memory implementation. A
//! store implements the same trait with a `story_terms(term, story, weight)` table
//! indexed by term. The in-memory index forgets stories idle for longer than a horizon
//! (and, for undated streams, the least recently updated beyond a maximum count), so
//! its memory stays bounded over an endless stream.

use super::date::day_number;
use super::features::{norm, top_by_weight, DocVector, Sparse};
use super::hash::DetMap;
use super::state::StoryState;
use serde::{Deserialize, Serialize};

/// Where candidate stories come from.
pub trait StoryIndex {
    /// At most `limit` stories that share weighty keys with `doc`, most promising
    /// first (order deterministic).
    fn candidates(&self, doc: &DocVector, limit: usize) -> Vec<StoryState>;

    /// Files a new story, or refiles an updated one under its current keys.
    fn put(&mut self, story: StoryState);
}

/// The keys a story is filed under, with the weight each has in the rough score:
/// its `terms` heaviest centroid terms (weights relative to the centroid's length),
/// its `terms / 2` heaviest names, all its actors and event keys (each relative to
/// its own vector's length).
pub fn index_keys(story: &StoryState, terms: usize) -> Sparse {
    let mut keys = Vec::new();
    for (vector, keep) in [
        (&story.centroid, terms),
        (&story.names, terms / 2),
        (&story.actors, usize::MAX),
        (&story.events, usize::MAX),
    ] {
        let n = norm(vector);
        if n == 0.0 {
            continue;
        }
        let top = top_by_weight(vector.clone(), keep);
        keys.extend(top.into_iter().map(|(k, w)| (k, w / n)));
    }
    keys
}

/// The keys an article looks up, with weights: its `terms` heaviest words, its
/// `terms / 2` heaviest names, all its actors and event keys.
pub fn query_keys(doc: &DocVector, terms: usize) -> Vec<(&str, f32)> {
    let mut top = heaviest(&doc.terms, terms);
    top.extend(heaviest(&doc.names, terms / 2));
    top.into_iter()
        .chain(&doc.actors)
        .chain(&doc.events)
        .map(|(k, w)| (k.as_str(), *w))
        .collect()
}

fn heaviest(v: &[(String, f32)], keep: usize) -> Vec<&(String, f32)> {
    let mut top: Vec<&(String, f32)> = v.iter().collect();
    if top.len() > keep {
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(keep);
    }
    top
}

/// Sizes and horizons of the in-memory index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IndexParams {
    /// Centroid terms a story is filed under.
    pub story_terms: usize,
    /// Terms of an article looked up.
    pub query_terms: usize,
    /// Keys filed under more stories than this are skipped at lookup (they tell
    /// nothing apart and cost the most).
    pub max_postings: usize,
    /// Stories whose last article is older than this many days before the newest
    /// article seen are forgotten.
    pub horizon_days: i64,
    /// Most stories held; beyond it the least recently updated are forgotten.
    pub max_stories: usize,
}

impl Default for IndexParams {
    fn default() -> Self {
        IndexParams {
            story_terms: 40,
            query_terms: 30,
            max_postings: 1_000,
            horizon_days: 400,
            max_stories: 1_000_000,
        }
    }
}

#[derive(Debug, Clone)]
struct Slot {
    state: StoryState,
    keys: Vec<String>,
    last_day: Option<i64>,
}

/// An inverted index of stories held in memory.
#[derive(Debug, Clone, Default)]
pub struct MemoryIndex {
    params: IndexParams,
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    by_id: DetMap<String, u32>,
    postings: DetMap<String, Vec<(u32, f32)>>,
    newest_day: Option<i64>,
    active: usize,
    evicted: Vec<StoryState>,
}

impl MemoryIndex {
    /// An empty index.
    pub fn new(params: IndexParams) -> Self {
        MemoryIndex {
            params,
            ..MemoryIndex::default()
        }
    }

    /// Number of stories held.
    pub fn len(&self) -> usize {
        self.active
    }

    /// True when no story is held.
    pub fn is_empty(&self) -> bool {
        self.active == 0
    }

    /// Number of distinct keys filed.
    pub fn keys(&self) -> usize {
        self.postings.len()
    }

    /// A story held, by id.
    pub fn get(&self, id: &str) -> Option<&StoryState> {
        let slot = *self.by_id.get(id)?;
        self.slots[slot as usize].as_ref().map(|s| &s.state)
    }

    /// The stories held, in no particular (but deterministic) order.
    pub fn stories(&self) -> impl Iterator<Item = &StoryState> {
        self.slots.iter().flatten().map(|s| &s.state)
    }

    /// Hands over the stories forgotten since the last call.
    pub fn take_evicted(&mut self) -> Vec<StoryState> {
        std::mem::take(&mut self.evicted)
    }

    /// Tells the index the stream has reached `day`: stories idle for longer than the
    /// horizon are forgotten.
    pub fn advance_to(&mut self, day: i64) {
        if self.newest_day.is_some_and(|d| d >= day) {
            return;
        }
        self.newest_day = Some(day);
        let cutoff = day - self.params.horizon_days;
        let stale: Vec<u32> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let s = s.as_ref()?;
                s.last_day.is_some_and(|l| l < cutoff).then_some(i as u32)
            })
            .collect();
        for slot in stale {
            self.remove(slot);
        }
    }

    fn remove(&mut self, slot: u32) {
        let Some(old) = self.slots[slot as usize].take() else {
            return;
        };
        self.unfile(slot, &old.keys);
        self.by_id.remove(&old.state.id);
        self.free.push(slot);
        self.active -= 1;
        self.evicted.push(old.state);
    }

    fn unfile(&mut self, slot: u32, keys: &[String]) {
        for key in keys {
            if let Some(list) = self.postings.get_mut(key) {
                if let Some(i) = list.iter().position(|(s, _)| *s == slot) {
                    list.swap_remove(i);
                }
                if list.is_empty() {
                    self.postings.remove(key);
                }
            }
        }
    }

    fn evict_least_recent(&mut self) {
        let oldest = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|s| (s.state.touched, i as u32)))
            .min();
        if let Some((_, slot)) = oldest {
            self.remove(slot);
        }
    }
}

impl MemoryIndex {
    /// [`StoryIndex::candidates`] without copying the states.
    pub fn candidate_refs(&self, doc: &DocVector, limit: usize) -> Vec<&StoryState> {
        let mut scores: DetMap<u32, f32> = DetMap::default();
        for (key, weight) in query_keys(doc, self.params.query_terms) {
            let Some(list) = self.postings.get(key) else {
                continue;
            };
            if list.len() > self.params.max_postings {
                continue;
            }
            for &(slot, w) in list {
                *scores.entry(slot).or_insert(0.0) += weight * w;
            }
        }
        let mut ranked: Vec<(f32, &StoryState)> = scores
            .into_iter()
            .filter_map(|(slot, score)| {
                self.slots[slot as usize]
                    .as_ref()
                    .map(|s| (score, &s.state))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        ranked.into_iter().take(limit).map(|(_, s)| s).collect()
    }
}

impl StoryIndex for MemoryIndex {
    fn candidates(&self, doc: &DocVector, limit: usize) -> Vec<StoryState> {
        self.candidate_refs(doc, limit)
            .into_iter()
            .cloned()
            .collect()
    }

    fn put(&mut self, story: StoryState) {
        let last_day = story.last.as_deref().and_then(day_number);
        if let Some(day) = last_day {
            self.advance_to(day);
        }
        let new_keys = index_keys(&story, self.params.story_terms);
        let slot = match self.by_id.get(&story.id) {
            Some(&slot) => slot,
            None => {
                if self.active >= self.params.max_stories {
                    self.evict_least_recent();
                }
                let slot = match self.free.pop() {
                    Some(s) => s,
                    None => {
                        self.slots.push(None);
                        (self.slots.len() - 1) as u32
                    }
                };
                self.by_id.insert(story.id.clone(), slot);
                self.active += 1;
                slot
            }
        };
        let old_keys = self.slots[slot as usize]
            .take()
            .map(|s| s.keys)
            .unwrap_or_default();
        // Refile: drop keys the story lost, update the weight of kept ones, add new.
        let new_set: DetMap<&str, f32> = new_keys.iter().map(|(k, w)| (k.as_str(), *w)).collect();
        let lost: Vec<String> = old_keys
            .iter()
            .filter(|k| !new_set.contains_key(k.as_str()))
            .cloned()
            .collect();
        self.unfile(slot, &lost);
        let old_set: DetMap<&str, ()> = old_keys.iter().map(|k| (k.as_str(), ())).collect();
        for (key, weight) in &new_keys {
            let list = self.postings.entry(key.clone()).or_default();
            if old_set.contains_key(key.as_str()) {
                if let Some(entry) = list.iter_mut().find(|(s, _)| *s == slot) {
                    entry.1 = *weight;
                    continue;
                }
            }
            list.push((slot, *weight));
        }
        self.slots[slot as usize] = Some(Slot {
            state: story,
            keys: new_keys.into_iter().map(|(k, _)| k).collect(),
            last_day,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::normalise;
    use super::*;

    fn sparse(items: &[(&str, f32)]) -> Sparse {
        let mut v: Sparse = items.iter().map(|(k, w)| (k.to_string(), *w)).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        normalise(&mut v);
        v
    }

    fn story(id: &str, last: Option<&str>, terms: &[(&str, f32)], touched: u64) -> StoryState {
        StoryState {
            id: id.into(),
            centroid: sparse(terms),
            first: last.map(String::from),
            last: last.map(String::from),
            size: 1,
            touched,
            ..StoryState::default()
        }
    }

    fn doc(terms: &[(&str, f32)]) -> DocVector {
        DocVector {
            id: "d".into(),
            terms: sparse(terms),
            ..DocVector::default()
        }
    }

    fn ids(v: Vec<StoryState>) -> Vec<String> {
        v.into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn finds_stories_sharing_weighty_terms_best_first() {
        let mut index = MemoryIndex::new(IndexParams::default());
        index.put(story(
            "story:oil",
            Some("2026-03-01"),
            &[("oil", 1.0), ("price", 1.0)],
            1,
        ));
        index.put(story(
            "story:tanker",
            Some("2026-03-01"),
            &[("tanker", 1.0), ("crew", 1.0), ("oil", 0.2)],
            2,
        ));
        index.put(story(
            "story:vote",
            Some("2026-03-01"),
            &[("vote", 1.0), ("poll", 1.0)],
            3,
        ));
        let found = ids(index.candidates(&doc(&[("tanker", 1.0), ("oil", 0.3)]), 10));
        assert_eq!(found, ["story:tanker", "story:oil"]);
        assert_eq!(
            ids(index.candidates(&doc(&[("tanker", 1.0), ("oil", 0.3)]), 1)),
            ["story:tanker"]
        );
        assert!(index.candidates(&doc(&[("football", 1.0)]), 10).is_empty());
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn refiling_follows_the_story_keys() {
        let mut index = MemoryIndex::new(IndexParams::default());
        index.put(story("story:a", Some("2026-03-01"), &[("tanker", 1.0)], 1));
        index.put(story("story:a", Some("2026-03-02"), &[("crew", 1.0)], 2));
        assert_eq!(index.len(), 1);
        assert!(index.candidates(&doc(&[("tanker", 1.0)]), 10).is_empty());
        assert_eq!(
            ids(index.candidates(&doc(&[("crew", 1.0)]), 10)),
            ["story:a"]
        );
        assert_eq!(
            index.get("story:a").unwrap().last.as_deref(),
            Some("2026-03-02")
        );
        assert_eq!(index.keys(), 1);
    }

    #[test]
    fn forgets_stories_beyond_the_horizon() {
        let mut index = MemoryIndex::new(IndexParams {
            horizon_days: 30,
            ..IndexParams::default()
        });
        index.put(story(
            "story:old",
            Some("2026-01-01"),
            &[("tanker", 1.0)],
            1,
        ));
        index.put(story("story:undated", None, &[("tanker", 1.0)], 2));
        index.put(story(
            "story:recent",
            Some("2026-01-20"),
            &[("tanker", 1.0)],
            3,
        ));
        assert_eq!(index.len(), 3);
        index.put(story("story:new", Some("2026-02-15"), &[("crew", 1.0)], 4));
        assert_eq!(index.len(), 3);
        assert!(index.get("story:old").is_none());
        assert_eq!(ids(index.take_evicted()), ["story:old"]);
        assert_eq!(
            ids(index.candidates(&doc(&[("tanker", 1.0)]), 10)),
            ["story:recent", "story:undated"]
        );
        // The freed slot is reused.
        index.put(story(
            "story:next",
            Some("2026-02-16"),
            &[("tanker", 1.0)],
            5,
        ));
        assert_eq!(index.len(), 4);
    }

    #[test]
    fn caps_the_number_of_stories() {
        let mut index = MemoryIndex::new(IndexParams {
            max_stories: 2,
            ..IndexParams::default()
        });
        index.put(story("story:a", None, &[("x", 1.0)], 1));
        index.put(story("story:b", None, &[("x", 1.0)], 2));
        index.put(story("story:a", None, &[("x", 1.0)], 3));
        index.put(story("story:c", None, &[("x", 1.0)], 4));
        assert_eq!(index.len(), 2);
        assert_eq!(ids(index.take_evicted()), ["story:b"]);
    }
}
