//! Stories: articles grouped into storylines as they arrive.
//!
//! Online and single-pass: each article is compared with the stories seen so far and
//! either joins the most similar one or opens a new one; nothing is ever re-clustered,
//! so the cost of an article does not grow with the stream. The work is split into
//! pure steps over plain data, so that the same code runs in memory
//! ([`OnlineClusterer`], used by `newsgraph eval cluster`) and incrementally over a
//! store holding millions of articles:
//!
//! 1. [`features`]: a [`StoryDoc`] (headline, text, actor ids, event keys, date)
//!    becomes a [`DocVector`] of TF-IDF weighted words, name phrases, actors and event
//!    keys, with document frequencies from a [`CorpusStats`].
//! 2. [`state`]: a story is a bounded [`StoryState`] (centroid of its heaviest terms,
//!    actors, event keys, time span, size, title), serialisable for the store.
//! 3. [`index`]: candidate stories come from a [`StoryIndex`], an inverted index from
//!    keys to stories ([`MemoryIndex`] in memory), never from all pairs.
//! 4. [`decide`]: [`assign`] scores the candidates (word and name cosines, beyond
//!    what the article shares with any document when its text is templated, minus a
//!    time-gap penalty that the same cast in the same conflict, actor and event-key
//!    cosines, waives) and returns an [`Assignment`]; [`absorb`] and [`open`] update
//!    the state.
//!
//! Helpers: [`text`] (tokenizer, stop words, light stemmer), [`prior`] (document
//! frequencies for a corpus that has only just started), [`date`] (ISO days and gaps),
//! [`hash`] (fixed-seed maps and ids), [`online`] (the in-memory clusterer).
//!
//! Time: dated articles are one day; undated articles are compared through their date
//! bounds when they have any, and carry no time penalty otherwise. Story ids derive
//! from the first article's id, and every map iterates in a fixed order: the same
//! articles in the same order always give the same stories.

pub mod date;
pub mod decide;
pub mod features;
pub mod hash;
pub mod index;
pub mod online;
pub mod prior;
pub mod state;
pub mod text;

pub use decide::{assign, similarity, Assignment, DecisionParams, Similarity};
pub use features::{
    actor_ids, event_keys, featurize, CorpusStats, DocVector, FeatureParams, MemoryStats,
};
pub use index::{IndexParams, MemoryIndex, StoryIndex};
pub use online::OnlineClusterer;
pub use state::{absorb, open, story_id, StateParams, StoryState};

use serde::{Deserialize, Serialize};

/// An article as story clustering sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryDoc {
    /// The article id (content id in the store).
    pub id: String,
    /// Publication day, ISO `YYYY-MM-DD` (a longer ISO date-time is cut to its day).
    #[serde(default)]
    pub date: Option<String>,
    /// For an undated article, bounds on its date (ISO days, either side optional).
    #[serde(default)]
    pub date_bounds: Option<(Option<String>, Option<String>)>,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Body text.
    #[serde(default)]
    pub text: String,
    /// Actor ids, one per mention ("country:IRN", "person:donald-trump").
    #[serde(default)]
    pub actors: Vec<String>,
    /// Event keys ("ASSAULT|country:IRN"), see [`event_keys`].
    #[serde(default)]
    pub event_keys: Vec<String>,
}

/// Every tunable of story clustering.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// How documents become vectors.
    pub features: FeatureParams,
    /// Bounds on story state.
    pub state: StateParams,
    /// The join decision.
    pub decision: DecisionParams,
    /// Candidate retrieval in memory.
    pub index: IndexParams,
    /// Candidate stories scored exactly per article.
    pub candidates: usize,
    /// Most keys the in-memory corpus statistics hold; beyond it the rarest are
    /// forgotten (down to three quarters of it).
    #[serde(default = "default_vocabulary")]
    pub max_vocabulary: usize,
}

fn default_vocabulary() -> usize {
    4_000_000
}

impl Default for Params {
    fn default() -> Self {
        Params {
            features: FeatureParams::default(),
            state: StateParams::default(),
            decision: DecisionParams::default(),
            index: IndexParams::default(),
            candidates: 8,
            max_vocabulary: default_vocabulary(),
        }
    }
}
