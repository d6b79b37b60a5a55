//! The in-memory clusterer: corpus statistics, the story index and the stories'
//! members, for evaluation and one-shot reports.
//!
//! [`OnlineClusterer::add`] is one step of the online algorithm: count the article in
//! the corpus statistics, weigh its features, fetch candidate stories, decide, and
//! update (or open) the story. A store runs the same steps with its own
//! [`CorpusStats`](super::CorpusStats) and [`StoryIndex`] over persisted state.
//!
//! Memory: the index forgets stories idle beyond its horizon and the corpus statistics
//! forget their rarest keys beyond [`Params::max_vocabulary`], so matching works in
//! bounded memory over an endless stream; what grows is the listing this clusterer
//! keeps for its caller (each story's article ids, and a retired story's title, span
//! and actors, its vectors dropped).

use super::decide::{assign, Assignment};
use super::features::{extract, weigh, DocVector, MemoryStats};
use super::hash::DetMap;
use super::index::{MemoryIndex, StoryIndex};
use super::state::{absorb, open, StoryState};
use super::{Params, StoryDoc};
use newsgraph_model::Story;

/// Online, single-pass story clustering held in memory.
#[derive(Debug, Clone)]
pub struct OnlineClusterer {
    params: Params,
    stats: MemoryStats,
    index: MemoryIndex,
    /// Stories the index has forgotten (idle beyond its horizon), by id.
    retired: DetMap<String, StoryState>,
    /// Article ids of every story, in arrival order, by story id.
    members: DetMap<String, Vec<String>>,
    /// Story ids in order of creation.
    order: Vec<String>,
    seq: u64,
}

impl Default for OnlineClusterer {
    fn default() -> Self {
        Self::new(Params::default())
    }
}

impl OnlineClusterer {
    /// An empty clusterer.
    pub fn new(params: Params) -> Self {
        OnlineClusterer {
            index: MemoryIndex::new(params.index),
            params,
            stats: MemoryStats::new(),
            retired: DetMap::default(),
            members: DetMap::default(),
            order: Vec::new(),
            seq: 0,
        }
    }

    /// The parameters in use.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Clusters one more article: it joins the best matching story or opens one.
    pub fn add(&mut self, doc: StoryDoc) -> Assignment {
        let vector = self.vectorise(&doc);
        self.add_vector(&vector)
    }

    /// Counts `doc` in the corpus statistics and returns its vector.
    pub fn vectorise(&mut self, doc: &StoryDoc) -> DocVector {
        let raw = extract(doc, &self.params.features);
        self.stats.observe(raw.keys());
        if self.stats.vocabulary() > self.params.max_vocabulary {
            self.stats.prune(self.params.max_vocabulary / 4 * 3);
        }
        weigh(doc, raw, &self.stats, &self.params.features)
    }

    /// Clusters an article already vectorised by [`Self::vectorise`].
    pub fn add_vector(&mut self, vector: &DocVector) -> Assignment {
        self.seq += 1;
        let candidates = self.index.candidate_refs(vector, self.params.candidates);
        let assignment = assign(vector, &candidates, &self.params.decision);
        let story = match &assignment {
            Assignment::Join { story, .. } => {
                let mut state = self
                    .index
                    .get(story)
                    .cloned()
                    .expect("a joined story is one of the candidates");
                absorb(&mut state, vector, &self.params.state, self.seq);
                state
            }
            Assignment::New { story } => {
                let mut state = open(vector, &self.params.state, self.seq);
                // Two first articles with the same id prefix: keep ids unique.
                if self.members.contains_key(story) {
                    state.id = format!("{story}-{}", self.seq);
                }
                state
            }
        };
        let id = story.id.clone();
        self.index.put(story);
        for mut old in self.index.take_evicted() {
            // A retired story keeps what a listing shows, not what matching needs.
            old.centroid = Vec::new();
            old.names = Vec::new();
            old.events = Vec::new();
            self.retired.insert(old.id.clone(), old);
        }
        match self.members.get_mut(&id) {
            Some(list) => list.push(vector.id.clone()),
            None => {
                self.members.insert(id.clone(), vec![vector.id.clone()]);
                self.order.push(id.clone());
            }
        }
        match assignment {
            Assignment::New { .. } => Assignment::New { story: id },
            join => join,
        }
    }

    /// The story index (read-only).
    pub fn index_ref(&self) -> &MemoryIndex {
        &self.index
    }

    /// Number of stories so far.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The state of a story, whether still active or retired.
    pub fn state(&self, id: &str) -> Option<&StoryState> {
        self.index.get(id).or_else(|| self.retired.get(id))
    }

    /// The article ids of a story, in arrival order.
    pub fn members(&self, id: &str) -> &[String] {
        self.members.get(id).map_or(&[], Vec::as_slice)
    }

    /// Distinct keys in the corpus statistics.
    pub fn vocabulary(&self) -> usize {
        self.stats.vocabulary()
    }

    /// Number of stories the index holds now (the others are retired).
    pub fn active(&self) -> usize {
        self.index.len()
    }

    /// Every story in the report-contract shape (DESIGN.md §8), in order of creation:
    /// id, title, articles, key actors (at most `actors`), first and last date.
    pub fn stories(&self, actors: usize) -> Vec<Story> {
        self.order
            .iter()
            .filter_map(|id| {
                let state = self.state(id)?;
                Some(Story {
                    id: id.clone(),
                    title: state.title.clone(),
                    articles: self.members(id).to_vec(),
                    events: Vec::new(),
                    actors: state.key_actors(actors),
                    first: state.first.clone(),
                    last: state.last.clone(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, date: &str, title: &str, text: &str) -> StoryDoc {
        StoryDoc {
            id: id.into(),
            date: Some(date.into()),
            title: title.into(),
            text: text.into(),
            ..StoryDoc::default()
        }
    }

    fn stream() -> Vec<StoryDoc> {
        vec![
            doc("a1", "2026-03-02", "Iran seizes tanker in Strait of Hormuz",
                "Iran's navy seized the oil tanker MV Coral Meridian in the Strait of Hormuz. The crew of 23 is held in Bandar Abbas."),
            doc("b1", "2026-03-02", "Dollar firms against yen",
                "The dollar rose against the yen in Tokyo trading as investors awaited U.S. jobs data."),
            doc("a2", "2026-03-03", "Families of Coral Meridian crew appeal for news",
                "Relatives of sailors aboard the seized tanker MV Coral Meridian asked for news of the crew held by Iran in Bandar Abbas."),
            doc("b2", "2026-03-04", "Yen slips as dollar gains on jobs data",
                "The yen slipped against the dollar after U.S. jobs data beat forecasts, Tokyo dealers said."),
            doc("a3", "2026-03-10", "Coral Meridian crew to be freed",
                "Iran agreed to free the crew of the tanker MV Coral Meridian seized in the Strait of Hormuz, Oman said after talks in Muscat."),
        ]
    }

    #[test]
    fn articles_of_one_storyline_share_a_story() {
        let mut c = OnlineClusterer::default();
        let got: Vec<Assignment> = stream().into_iter().map(|d| c.add(d)).collect();
        assert!(matches!(got[0], Assignment::New { .. }));
        assert!(matches!(got[1], Assignment::New { .. }));
        assert_eq!(got[2].story(), got[0].story());
        assert_eq!(got[3].story(), got[1].story());
        assert_eq!(got[4].story(), got[0].story());
        assert_eq!(c.len(), 2);
        let stories = c.stories(5);
        assert_eq!(stories[0].articles, ["a1", "a2", "a3"]);
        assert_eq!(stories[0].first.as_deref(), Some("2026-03-02"));
        assert_eq!(stories[0].last.as_deref(), Some("2026-03-10"));
        assert!(stories[0].title.contains("Coral Meridian") || stories[0].title.contains("tanker"));
        assert_eq!(stories[1].articles, ["b1", "b2"]);
    }

    #[test]
    fn same_input_same_output() {
        let run = || {
            let mut c = OnlineClusterer::default();
            let a: Vec<Assignment> = stream().into_iter().map(|d| c.add(d)).collect();
            (a, c.stories(5))
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn story_ids_stay_unique() {
        let mut c = OnlineClusterer::default();
        let a = c.add(doc(
            "same-id",
            "2026-03-02",
            "Dollar firms",
            "The dollar rose in Tokyo.",
        ));
        let b = c.add(doc(
            "same-id",
            "2026-03-02",
            "Storm hits coast",
            "A storm hit the coast of Florida.",
        ));
        assert_ne!(a.story(), b.story());
        assert_eq!(c.len(), 2);
    }
}
