//! Document features: a [`StoryDoc`] becomes a [`DocVector`] of weighted terms,
//! actors and event keys.
//!
//! Two steps, so that corpus statistics can be updated between them without
//! tokenising twice: [`extract`] counts what the document contains (pure, no corpus
//! needed); [`weigh`] turns counts into TF-IDF weights with the document frequencies of
//! a [`CorpusStats`] (in memory: [`MemoryStats`]; in the store: a table of counts).
//!
//! Words: headline words count [`FeatureParams::title_weight`] times, words that look
//! like names count [`FeatureParams::name_weight`] times. Names (capitalised words
//! inside body sentences) and runs of them ("coral meridian") also make a vector of
//! their own: without actor linking they are the best stand-in for who and where a
//! story is about, and they keep apart articles that share only a template ("first
//! quarter net profit"). Term frequency is sublinear (1 + ln tf), the inverse document
//! frequency smoothed (ln((N+1)/(df+1)) + offset), and only the
//! [`FeatureParams::max_terms`] heaviest terms are kept before L2 normalisation.
//! Actors and event keys are weighted the same way in vectors of their own.
//!
//! Every vector is sorted by key, so that two vectors meet in one merge pass.

use super::date::DayRange;
use super::hash::DetMap;
use super::prior;
use super::text;
use super::StoryDoc;
use newsgraph_model::{Event, Mention, Modality, PloverType};
use serde::{Deserialize, Serialize};

/// A sparse vector: `(key, weight)` sorted by key, keys unique.
pub type Sparse = Vec<(String, f32)>;

/// Document frequencies over the articles seen so far: what makes a rare word telling.
pub trait CorpusStats {
    /// Number of documents counted.
    fn docs(&self) -> u64;
    /// Number of those documents containing `term` (a word stem, phrase, actor id or
    /// event key, as [`RawFeatures::keys`] lists them).
    fn df(&self, term: &str) -> u64;
}

/// Document frequencies held in memory, updated one document at a time.
#[derive(Debug, Clone, Default)]
pub struct MemoryStats {
    docs: u64,
    df: DetMap<String, u64>,
}

impl MemoryStats {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one document given its distinct keys.
    pub fn observe<'a>(&mut self, keys: impl IntoIterator<Item = &'a str>) {
        self.docs += 1;
        for key in keys {
            match self.df.get_mut(key) {
                Some(n) => *n += 1,
                None => {
                    self.df.insert(key.to_string(), 1);
                }
            }
        }
    }

    /// Number of distinct keys counted.
    pub fn vocabulary(&self) -> usize {
        self.df.len()
    }

    /// Forgets the rarest keys until at most `keep` remain: those seen in one
    /// document first, then two, and so on. A forgotten key counts as unseen, which
    /// moves its inverse document frequency by at most ln(df + 1): the price of
    /// bounded memory over an endless stream, where new names never stop coming.
    pub fn prune(&mut self, keep: usize) {
        let mut floor = 1;
        while self.df.len() > keep {
            self.df.retain(|_, n| *n > floor);
            floor += 1;
        }
    }
}

impl CorpusStats for MemoryStats {
    fn docs(&self) -> u64 {
        self.docs
    }

    fn df(&self, term: &str) -> u64 {
        self.df.get(term).copied().unwrap_or(0)
    }
}

/// How documents become vectors.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FeatureParams {
    /// How many times a headline word counts.
    pub title_weight: f32,
    /// How many times a body word that looks like a name counts.
    pub name_weight: f32,
    /// How many times a phrase of names counts.
    pub phrase_weight: f32,
    /// Terms kept per document (the heaviest ones).
    pub max_terms: usize,
    /// Added to every inverse document frequency.
    pub idf_offset: f32,
    /// Imagined earlier documents of the document-frequency prior ([`prior`]): what
    /// keeps the weights of a young corpus sensible.
    pub prior_docs: u64,
    /// Power the inverse document frequency is raised to (above 1: rare words count
    /// even more against the words every article of a kind shares).
    pub idf_power: f32,
    /// Body characters read (the first ones: news puts the story first).
    pub max_chars: usize,
    /// Imagined earlier documents holding none of an article's keys, added when the
    /// share of documents holding a key is estimated for [`background`]: in a young
    /// stream the articles of its first story are most of what has been seen, and
    /// their common words would look like words every article uses.
    #[serde(default = "default_background_docs")]
    pub background_docs: u64,
}

fn default_background_docs() -> u64 {
    30
}

impl Default for FeatureParams {
    fn default() -> Self {
        FeatureParams {
            title_weight: 3.0,
            name_weight: 1.0,
            phrase_weight: 1.0,
            max_terms: 50,
            idf_offset: 2.0,
            idf_power: 1.0,
            prior_docs: 200,
            max_chars: 6_000,
            background_docs: default_background_docs(),
        }
    }
}

/// What a document contains, counted but not yet weighted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawFeatures {
    /// Word stems with weighted counts, sorted by key.
    pub terms: Sparse,
    /// Names (capitalised words inside sentences, and runs of them as phrases), each
    /// key marked with [`NAME_MARK`], with counts, sorted by key.
    pub names: Sparse,
    /// Distinct stems of the headline, in headline order (for titles).
    pub title_terms: Vec<String>,
    /// Actor ids with counts, sorted by key.
    pub actors: Sparse,
    /// Event keys with counts, sorted by key.
    pub events: Sparse,
}

impl RawFeatures {
    /// The distinct keys of the document, as corpus statistics count them.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .chain(&self.names)
            .chain(&self.actors)
            .chain(&self.events)
            .map(|(k, _)| k.as_str())
    }
}

/// A document as the clusterer sees it: weighted, normalised, sorted vectors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocVector {
    /// The article id.
    pub id: String,
    /// The document's ISO day, when dated.
    pub date: Option<String>,
    /// The days it may be from (one day when dated).
    #[serde(skip)]
    pub days: DayRange,
    /// Its headline.
    pub title: String,
    /// Distinct stems of the headline.
    pub title_terms: Vec<String>,
    /// Words, unit length.
    pub terms: Sparse,
    /// Names and name phrases, unit length.
    pub names: Sparse,
    /// Actors, unit length.
    pub actors: Sparse,
    /// Event keys, unit length.
    pub events: Sparse,
    /// Expected cosine of the word vector with an unrelated document of the stream
    /// (see [`background`]).
    #[serde(default)]
    pub background: f32,
    /// The same for the name vector.
    #[serde(default)]
    pub name_background: f32,
}

/// Counts what `doc` contains (pure).
pub fn extract(doc: &StoryDoc, params: &FeatureParams) -> RawFeatures {
    let mut counts: DetMap<String, f32> = DetMap::default();
    let mut names: DetMap<String, f32> = DetMap::default();
    let title_words = text::words(&doc.title);
    let title_terms = distinct(title_words.iter().map(|w| &w.stem));
    for w in title_words {
        *counts.entry(w.stem).or_insert(0.0) += params.title_weight;
    }
    let body = prefix(&doc.text, params.max_chars);
    let words = text::words(body);
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if !w.proper {
            *counts.entry(w.stem.clone()).or_insert(0.0) += 1.0;
            i += 1;
            continue;
        }
        // A run of adjacent names: each word, and the run as a phrase ("coral meridian").
        let mut j = i + 1;
        while j < words.len()
            && words[j].proper
            && words[j].position == words[j - 1].position + 1
            && j - i < 4
        {
            j += 1;
        }
        for w in &words[i..j] {
            *counts.entry(w.stem.clone()).or_insert(0.0) += params.name_weight;
            *names.entry(format!("{NAME_MARK}{}", w.stem)).or_insert(0.0) += 1.0;
        }
        if j - i >= 2 {
            let phrase = words[i..j]
                .iter()
                .map(|w| w.stem.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            *names.entry(format!("{NAME_MARK}{phrase}")).or_insert(0.0) += params.phrase_weight;
        }
        i = j;
    }
    RawFeatures {
        terms: sorted(counts),
        names: sorted(names),
        title_terms,
        actors: count(&doc.actors),
        events: count(&doc.event_keys),
    }
}

/// The mark that starts a name key (`@hormuz`, `@coral meridian`), keeping names
/// apart from words, actor ids (which hold `:`) and event keys (which hold `|`).
pub const NAME_MARK: char = '@';

/// Weighs counted features with corpus statistics: sublinear TF times smoothed IDF,
/// the heaviest `max_terms` words kept, each vector scaled to unit length.
pub fn weigh(
    doc: &StoryDoc,
    raw: RawFeatures,
    stats: &dyn CorpusStats,
    params: &FeatureParams,
) -> DocVector {
    let n = stats.docs() + params.prior_docs;
    let counted = stats.docs() + params.background_docs;
    let share = |k: &str| -> f32 { (stats.df(k) as f32 / counted.max(1) as f32).min(1.0) };
    let tfidf = |v: Sparse, keep: usize| -> Sparse {
        let mut w: Sparse = v
            .into_iter()
            .map(|(k, c)| {
                let df = prior::prior_df(&k, stats.df(&k), params.prior_docs);
                let weight =
                    (1.0 + c.max(1.0).ln()) * idf(n, df, params.idf_offset).powf(params.idf_power);
                (k, weight)
            })
            .collect();
        if w.len() > keep {
            w = top_by_weight(w, keep);
        }
        normalise(&mut w);
        w
    };
    let date = doc
        .date
        .as_deref()
        .filter(|d| super::date::day_number(d).is_some())
        .map(|d| d[..10].to_string());
    let (title, title_terms) = if doc.title.trim().is_empty() {
        let lead = lead(&doc.text, 90);
        let terms = distinct_stems(&lead);
        (lead, terms)
    } else {
        (doc.title.trim().to_string(), raw.title_terms)
    };
    let terms = tfidf(raw.terms, params.max_terms);
    let names = tfidf(raw.names, params.max_terms);
    DocVector {
        id: doc.id.clone(),
        days: DayRange::of_doc(
            doc.date.as_deref(),
            doc.date_bounds
                .as_ref()
                .map(|(a, b)| (a.as_deref(), b.as_deref())),
        ),
        date,
        title,
        title_terms,
        background: background(&terms, share),
        name_background: background(&names, share),
        terms,
        names,
        actors: tfidf(raw.actors, usize::MAX),
        events: tfidf(raw.events, usize::MAX),
    }
}

/// The cosine a unit vector `v` can expect with an unrelated document of the stream:
/// Σ share(k) · v(k)², where `share(k)` is the fraction of documents holding key `k`
/// (a document holds `k` with that probability, and then with about the weight `v`
/// gives it). Near 0 for a wire story of rare words, large for text built from words
/// every article uses (templated reports, tables of figures): the part of a cosine
/// that says nothing about belonging to the same story.
pub fn background(v: &[(String, f32)], share: impl Fn(&str) -> f32) -> f32 {
    v.iter()
        .map(|(k, w)| share(k) * w * w)
        .sum::<f32>()
        .min(1.0)
}

/// [`extract`] then [`weigh`]: the vector of `doc` under `stats`.
pub fn featurize(doc: &StoryDoc, stats: &dyn CorpusStats, params: &FeatureParams) -> DocVector {
    weigh(doc, extract(doc, params), stats, params)
}

/// Smoothed inverse document frequency: ln((N+1)/(df+1)) + `offset` (the offset keeps
/// a word found everywhere from vanishing entirely).
pub fn idf(docs: u64, df: u64, offset: f32) -> f32 {
    let df = df.min(docs);
    (((docs + 1) as f32) / ((df + 1) as f32)).ln() + offset
}

/// Cosine-style dot product of two key-sorted sparse vectors (one merge pass).
pub fn dot(a: &[(String, f32)], b: &[(String, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Euclidean length of a sparse vector.
pub fn norm(v: &[(String, f32)]) -> f32 {
    v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
}

/// Scales `v` to unit length (no-op for the zero vector).
pub fn normalise(v: &mut [(String, f32)]) {
    let n = norm(v);
    if n > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= n;
        }
    }
}

/// The `keep` heaviest entries (ties: smaller key), sorted by key again.
pub fn top_by_weight(mut v: Sparse, keep: usize) -> Sparse {
    if v.len() > keep {
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(keep);
        v.sort_by(|a, b| a.0.cmp(&b.0));
    }
    v
}

/// Adds `scale * b` to `a` (both key-sorted), keeping the result key-sorted.
pub fn add_scaled(a: &[(String, f32)], b: &[(String, f32)], scale: f32) -> Sparse {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.0.cmp(&y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                out.push(a[i].clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push((b[j].0.clone(), scale * b[j].1));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0.clone(), a[i].1 + scale * b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Actor ids of the resolved mentions, one per mention (so counts say how prominent
/// an actor is): the `actors` of a [`StoryDoc`] built from an analysed article.
pub fn actor_ids(mentions: &[Mention]) -> Vec<String> {
    mentions.iter().filter_map(|m| m.actor.clone()).collect()
}

/// Event keys of an article's events, `TYPE|actor` for each party (source or
/// target), negated events left out: "ASSAULT|country:IRN" is the same kind of thing
/// involving the same party, whoever reports it and whichever side the party is on
/// (a meeting of Trump and Netanyahu is the same meeting whoever is named first; a
/// conflict is the same conflict from either side).
pub fn event_keys(events: &[Event]) -> Vec<String> {
    let mut keys = Vec::new();
    for e in events {
        if e.modality == Modality::Negated {
            continue;
        }
        let mut parties: Vec<&String> = e.source.iter().chain(&e.target).collect();
        parties.sort_unstable();
        parties.dedup();
        for actor in parties {
            keys.push(format!("{}|{actor}", plover_name(e.kind)));
        }
    }
    keys
}

/// The PLOVER type as written in the report contract ("ASSAULT").
pub fn plover_name(kind: PloverType) -> &'static str {
    match kind {
        PloverType::Agree => "AGREE",
        PloverType::Consult => "CONSULT",
        PloverType::Support => "SUPPORT",
        PloverType::Concede => "CONCEDE",
        PloverType::Cooperate => "COOPERATE",
        PloverType::Aid => "AID",
        PloverType::Retreat => "RETREAT",
        PloverType::Request => "REQUEST",
        PloverType::Accuse => "ACCUSE",
        PloverType::Reject => "REJECT",
        PloverType::Threaten => "THREATEN",
        PloverType::Protest => "PROTEST",
        PloverType::Sanction => "SANCTION",
        PloverType::Mobilize => "MOBILIZE",
        PloverType::Coerce => "COERCE",
        PloverType::Assault => "ASSAULT",
    }
}

/// Distinct word stems of a text, in text order.
pub fn distinct_stems(text: &str) -> Vec<String> {
    distinct(text::words(text).iter().map(|w| &w.stem))
}

fn distinct<'a>(stems: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in stems {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

/// The first sentence of `text`, cut at a word boundary to at most `max` bytes (with
/// an ellipsis when cut): a title for an article without a headline.
pub fn lead(text: &str, max: usize) -> String {
    let text = text.trim_start();
    let first_line = text.lines().next().unwrap_or("");
    let sentence_end = first_line
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| i >= 20)
        .unwrap_or(first_line.len());
    let sentence = first_line[..sentence_end].trim_end_matches('.').trim();
    if sentence.len() <= max {
        return sentence.to_string();
    }
    let cut = prefix(sentence, max);
    let cut = cut.rfind(' ').map_or(cut, |i| &cut[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn count(keys: &[String]) -> Sparse {
    let mut counts: DetMap<String, f32> = DetMap::default();
    for k in keys {
        if !k.is_empty() {
            *counts.entry(k.clone()).or_insert(0.0) += 1.0;
        }
    }
    sorted(counts)
}

fn sorted(map: DetMap<String, f32>) -> Sparse {
    let mut v: Sparse = map.into_iter().collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> StoryDoc {
        StoryDoc {
            id: "a1".into(),
            date: Some("2026-03-02".into()),
            title: title.into(),
            text: text.into(),
            ..StoryDoc::default()
        }
    }

    fn weight(v: &Sparse, key: &str) -> f32 {
        v.iter().find(|(k, _)| k == key).map_or(0.0, |(_, w)| *w)
    }

    #[test]
    fn counts_title_names_and_phrases() {
        let params = FeatureParams {
            title_weight: 3.0,
            name_weight: 2.0,
            phrase_weight: 2.0,
            ..FeatureParams::default()
        };
        let raw = extract(
            &doc(
                "Iran seizes tanker",
                "The navy seized the tanker MV Coral Meridian near the port.",
            ),
            &params,
        );
        // "tanker": 3 (title) + 1 (body).
        assert_eq!(weight(&raw.terms, "tanker"), 4.0);
        // "iran": title only.
        assert_eq!(weight(&raw.terms, "iran"), 3.0);
        // Names count double among the words, and are names with their phrase.
        assert_eq!(weight(&raw.terms, "coral"), 2.0);
        assert_eq!(weight(&raw.names, "@coral"), 1.0);
        assert_eq!(weight(&raw.names, "@mv coral meridian"), 2.0);
        assert_eq!(weight(&raw.names, "@port"), 0.0);
        assert_eq!(weight(&raw.terms, "port"), 1.0);
        assert_eq!(raw.title_terms, ["iran", "seiz", "tanker"]);
        let mut keys: Vec<&str> = raw.keys().collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "keys are distinct");
    }

    #[test]
    fn rare_terms_weigh_more_and_vectors_are_unit_length() {
        let mut stats = MemoryStats::new();
        // No prior: the counts alone.
        let params = FeatureParams {
            prior_docs: 0,
            ..FeatureParams::default()
        };
        let d = doc("", "Oil prices rose. Oil traders watched Hormuz.");
        // "oil" is in every document, "hormuz" in none of the others.
        for _ in 0..9 {
            stats.observe(["oil", "price"]);
        }
        stats.observe(extract(&d, &params).keys());
        let v = featurize(&d, &stats, &params);
        assert!((norm(&v.terms) - 1.0).abs() < 1e-5);
        assert!(weight(&v.terms, "hormuz") > weight(&v.terms, "oil"));
        assert_eq!(v.days, DayRange::day(20_514));
        assert_eq!(v.date.as_deref(), Some("2026-03-02"));
        assert!((idf(10, 10, 1.0) - 1.0).abs() < 1e-6);
        assert!(idf(10, 0, 1.0) > idf(10, 5, 1.0));
        // With the prior, an everyday word weighs less than an unseen one even in a
        // corpus of one document.
        let fresh = MemoryStats::new();
        let d = doc("", "Officials watched the Hormuz strait.");
        let v = featurize(&d, &fresh, &FeatureParams::default());
        assert!(weight(&v.terms, "official") < weight(&v.terms, "strait"));
    }

    #[test]
    fn articles_without_headline_get_their_lead() {
        assert_eq!(
            lead("Iran seized a tanker on Monday. It said more.", 90),
            "Iran seized a tanker on Monday"
        );
        assert_eq!(
            lead(
                "Marine insurers lowered war-risk premiums for Gulf voyages on Monday",
                40
            ),
            "Marine insurers lowered war-risk…"
        );
        let v = featurize(
            &doc("", "Oman offered to host talks. Nothing else."),
            &MemoryStats::new(),
            &FeatureParams::default(),
        );
        assert_eq!(v.title, "Oman offered to host talks");
        assert_eq!(v.title_terms, ["oman", "offer", "host", "talk"]);
    }

    #[test]
    fn background_is_the_share_of_words_every_article_uses() {
        let mut stats = MemoryStats::new();
        let params = FeatureParams::default();
        let template = "Officials said the talks would continue next week in the capital.";
        for i in 0..40 {
            let d = doc("", &format!("{template} Delegate{i} attended."));
            stats.observe(extract(&d, &params).keys());
        }
        let templated = doc("", &format!("{template} Zarqawi attended."));
        stats.observe(extract(&templated, &params).keys());
        let rare = doc("", "Quarantined herons nested beside Lake Tiberias.");
        stats.observe(extract(&rare, &params).keys());
        let t = featurize(&templated, &stats, &params);
        let r = featurize(&rare, &stats, &params);
        assert!(t.background > 0.3, "{}", t.background);
        assert!(r.background < 0.05, "{}", r.background);
        assert!((0.0..=1.0).contains(&t.name_background));
        // The formula: Σ share · weight².
        let v: Sparse = vec![("a".into(), 0.6), ("b".into(), 0.8)];
        let b = background(&v, |k| if k == "a" { 1.0 } else { 0.5 });
        assert!((b - (0.36 + 0.32)).abs() < 1e-6);
    }

    #[test]
    fn pruning_forgets_the_rarest_keys_first() {
        let mut stats = MemoryStats::new();
        stats.observe(["a", "b", "c"]);
        stats.observe(["a", "b"]);
        stats.observe(["a"]);
        stats.prune(2);
        assert_eq!((stats.df("a"), stats.df("b"), stats.df("c")), (3, 2, 0));
        stats.prune(1);
        assert_eq!((stats.df("a"), stats.df("b")), (3, 0));
        assert_eq!(stats.docs(), 3);
    }

    #[test]
    fn sparse_arithmetic() {
        let a: Sparse = vec![("a".into(), 1.0), ("c".into(), 2.0)];
        let b: Sparse = vec![("b".into(), 1.0), ("c".into(), 1.0)];
        assert_eq!(dot(&a, &b), 2.0);
        assert_eq!(
            add_scaled(&a, &b, 2.0),
            vec![("a".into(), 1.0), ("b".into(), 2.0), ("c".into(), 4.0)]
        );
        assert_eq!(
            top_by_weight(add_scaled(&a, &b, 2.0), 2),
            vec![("b".into(), 2.0), ("c".into(), 4.0)]
        );
    }

    #[test]
    fn event_keys_name_every_party() {
        let event = |kind, source: &[&str], target: &[&str], modality| Event {
            id: "e".into(),
            article: "a".into(),
            start: 0,
            end: 1,
            sentence: 0,
            kind,
            mode: None,
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            place: vec![],
            time: None,
            modality,
            attributed_to: vec![],
            confidence: 1.0,
        };
        let keys = event_keys(&[
            event(
                PloverType::Assault,
                &["country:USA"],
                &["country:IRN"],
                Modality::Possible,
            ),
            event(
                PloverType::Consult,
                &["person:a", "person:b"],
                &[],
                Modality::Asserted,
            ),
            event(PloverType::Assault, &["x"], &["y"], Modality::Negated),
        ]);
        assert_eq!(
            keys,
            [
                "ASSAULT|country:IRN",
                "ASSAULT|country:USA",
                "CONSULT|person:a",
                "CONSULT|person:b"
            ]
        );
    }
}
