//! Story clustering evaluation (`newsgraph eval cluster FILE`).
//!
//! Input: the layout of the streaming news-clustering benchmark (Miranda et al. 2018,
//! "Multilingual Clustering of Streaming News"): JSON Lines, one article a line,
//! `{"id", "date", "title", "text", "cluster"}` (`id` and `cluster` may be strings or
//! numbers; `date` an ISO date or date-time such as `2014-11-06 08:59:00`; a JSON array
//! of the same objects is read too). The articles are clustered online with
//! [`newsgraph_cluster::story::OnlineClusterer`], in date order (stable: articles with
//! the same time keep the file's order; undated ones come last), and the predicted
//! stories are scored against the `cluster` labels.
//!
//! Figures, all over the articles of the file:
//! - **BCubed** precision and recall: for each article, the share of its predicted
//!   story that is in its gold cluster, and the share of its gold cluster that is in
//!   its predicted story, averaged over articles; F1 of the two averages.
//! - **Pairwise** precision and recall (the benchmark's own metric): over all pairs
//!   of articles, a pair in the same predicted story is a true positive when the two
//!   are in the same gold cluster too; precision = TP / predicted pairs, recall = TP /
//!   gold pairs (0 when there are no such pairs, as the benchmark's scorer has it).
//! - gold and predicted cluster counts, and articles per second of the clustering
//!   alone (features, candidate retrieval, decisions and updates, one thread).

use crate::error::EvalError;
use newsgraph_cluster::story::{features, OnlineClusterer, Params, StoryDoc};
use newsgraph_model::{DateBounds, Event, Mention};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::time::Instant;

/// One article of a benchmark stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StreamDoc {
    /// Its id, as a string.
    pub id: String,
    /// Its date or date-time (ISO), when given.
    pub date: Option<String>,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
    /// Gold cluster label, as a string.
    pub cluster: String,
}

/// Reads a stream: JSON Lines (blank lines skipped), or one JSON array.
pub fn parse_stream(content: &str) -> Result<Vec<StreamDoc>, EvalError> {
    let mut docs = Vec::new();
    if content.trim_start().starts_with('[') {
        let values: Vec<Value> = serde_json::from_str(content)
            .map_err(|source| EvalError::MalformedLine { line: 1, source })?;
        for (i, v) in values.into_iter().enumerate() {
            docs.push(stream_doc(v).map_err(|source| EvalError::MalformedLine {
                line: i + 1,
                source,
            })?);
        }
    } else {
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let doc = serde_json::from_str::<Value>(line)
                .and_then(stream_doc)
                .map_err(|source| EvalError::MalformedLine {
                    line: i + 1,
                    source,
                })?;
            docs.push(doc);
        }
    }
    if docs.is_empty() {
        return Err(EvalError::Empty);
    }
    Ok(docs)
}

fn stream_doc(v: Value) -> Result<StreamDoc, serde_json::Error> {
    use serde::de::Error;
    let text_of = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let id = text_of(v.get("id")).ok_or_else(|| serde_json::Error::custom("missing `id`"))?;
    let cluster =
        text_of(v.get("cluster")).ok_or_else(|| serde_json::Error::custom("missing `cluster`"))?;
    let field = |name: &str| {
        v.get(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let date = v
        .get("date")
        .and_then(Value::as_str)
        .filter(|d| !d.trim().is_empty())
        .map(|d| d.trim().to_string());
    Ok(StreamDoc {
        id,
        date,
        title: field("title"),
        text: field("text"),
        cluster,
    })
}

/// Seconds since 1970 of an ISO date or date-time (`YYYY-MM-DD`, optionally followed by
/// `T` or a space and `HH:MM[:SS]`; fractions and zone suffixes are ignored).
pub fn timestamp(date: &str) -> Option<i64> {
    let day = newsgraph_cluster::story::date::day_number(date)?;
    let rest = date.get(10..).unwrap_or("");
    let mut secs = 0i64;
    if let Some(time) = rest.strip_prefix(['T', ' ']) {
        let mut parts = time.split(':');
        let mut next = |scale: i64| -> i64 {
            parts
                .next()
                .and_then(|p| p.get(..2))
                .and_then(|p| p.parse::<i64>().ok())
                .map_or(0, |n| n * scale)
        };
        secs = next(3600) + next(60) + next(1);
    }
    Some(day * 86_400 + secs)
}

/// Indices of `docs` in stream order: by time, stable, undated last.
pub fn stream_order(docs: &[StreamDoc]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| {
        docs[i]
            .date
            .as_deref()
            .and_then(timestamp)
            .unwrap_or(i64::MAX)
    });
    order
}

/// A stream article as story clustering reads it (text only: no actors, no events).
pub fn story_doc(doc: &StreamDoc) -> StoryDoc {
    StoryDoc {
        id: doc.id.clone(),
        date: doc.date.clone(),
        date_bounds: None,
        title: doc.title.clone(),
        text: doc.text.clone(),
        actors: Vec::new(),
        event_keys: Vec::new(),
    }
}

/// A stream article with what the per-article pipeline found in it: the actors of its
/// resolved mentions, the keys of its events, and date bounds when it is undated.
pub fn analyzed_story_doc(
    doc: &StreamDoc,
    mentions: &[Mention],
    events: &[Event],
    bounds: Option<&DateBounds>,
) -> StoryDoc {
    StoryDoc {
        date_bounds: bounds
            .filter(|_| doc.date.is_none())
            .map(|b| (b.from.clone(), b.to.clone())),
        actors: features::actor_ids(mentions),
        event_keys: features::event_keys(events),
        ..story_doc(doc)
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of the two (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// From precision and recall.
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Pair counts behind the pairwise figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PairCounts {
    /// Pairs together in both.
    pub true_positives: u64,
    /// Pairs together in the prediction only.
    pub false_positives: u64,
    /// Pairs together in the gold only.
    pub false_negatives: u64,
}

/// Dense label ids (0, 1, …) for a list of labels, in order of first appearance.
pub fn intern<S: AsRef<str>>(labels: &[S]) -> Vec<usize> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    labels
        .iter()
        .map(|l| {
            let next = ids.len();
            *ids.entry(l.as_ref()).or_insert(next)
        })
        .collect()
}

/// The contingency table: (gold, predicted) → count, and the cluster sizes.
struct Table {
    cells: HashMap<(usize, usize), u64>,
    gold: HashMap<usize, u64>,
    pred: HashMap<usize, u64>,
}

fn table(gold: &[usize], pred: &[usize]) -> Table {
    assert_eq!(gold.len(), pred.len(), "one predicted label per gold label");
    let mut t = Table {
        cells: HashMap::new(),
        gold: HashMap::new(),
        pred: HashMap::new(),
    };
    for (&g, &p) in gold.iter().zip(pred) {
        *t.cells.entry((g, p)).or_default() += 1;
        *t.gold.entry(g).or_default() += 1;
        *t.pred.entry(p).or_default() += 1;
    }
    t
}

/// BCubed precision, recall and F1 of predicted labels against gold labels (same
/// length, one per item). 0 for empty input.
pub fn bcubed(gold: &[usize], pred: &[usize]) -> Prf {
    if gold.is_empty() {
        return Prf::default();
    }
    let t = table(gold, pred);
    let (mut p, mut r) = (0.0, 0.0);
    for (&(g, q), &n) in &t.cells {
        let n = n as f64;
        p += n * n / t.pred[&q] as f64;
        r += n * n / t.gold[&g] as f64;
    }
    let items = gold.len() as f64;
    Prf::new(p / items, r / items)
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Pairwise precision, recall and F1 with the pair counts (precision or recall is 0
/// when there are no predicted or no gold pairs, as in the benchmark's scorer).
pub fn pairwise(gold: &[usize], pred: &[usize]) -> (Prf, PairCounts) {
    let t = table(gold, pred);
    let tp: u64 = t.cells.values().map(|&n| pairs(n)).sum();
    let predicted: u64 = t.pred.values().map(|&n| pairs(n)).sum();
    let expected: u64 = t.gold.values().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (
        Prf::new(ratio(tp, predicted), ratio(tp, expected)),
        PairCounts {
            true_positives: tp,
            false_positives: predicted - tp,
            false_negatives: expected - tp,
        },
    )
}

/// The figures of one clustering run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterReport {
    /// What the run used ("text", "text+actors+events").
    pub features: String,
    /// Articles clustered.
    pub articles: usize,
    /// Gold clusters.
    pub gold_clusters: usize,
    /// Predicted stories.
    pub predicted_clusters: usize,
    /// BCubed figures.
    pub bcubed: Prf,
    /// Pairwise figures.
    pub pairwise: Prf,
    /// Pair counts.
    pub pairs: PairCounts,
    /// Seconds spent clustering (features, retrieval, decisions, updates).
    pub cluster_seconds: f64,
    /// Articles per second of the clustering alone.
    pub articles_per_sec: f64,
}

impl fmt::Display for ClusterReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  features: {}   articles {}   gold clusters {}   predicted {}",
            self.features, self.articles, self.gold_clusters, self.predicted_clusters
        )?;
        writeln!(
            f,
            "  BCubed     precision {:.4}  recall {:.4}  F1 {:.4}",
            self.bcubed.precision, self.bcubed.recall, self.bcubed.f1
        )?;
        writeln!(
            f,
            "  pairwise   precision {:.4}  recall {:.4}  F1 {:.4}  (tp {}, fp {}, fn {})",
            self.pairwise.precision,
            self.pairwise.recall,
            self.pairwise.f1,
            self.pairs.true_positives,
            self.pairs.false_positives,
            self.pairs.false_negatives
        )?;
        write!(
            f,
            "  clustering {:.0} articles/s ({:.3}s, one thread)",
            self.articles_per_sec, self.cluster_seconds
        )
    }
}

/// The clustering parameters evaluation uses (the library's defaults), so that callers
/// need not depend on the clustering crate.
pub fn default_params() -> Params {
    Params::default()
}

/// Clusters `docs` (already in stream order) online; returns each article's story id,
/// in the same order, and the seconds it took.
pub fn cluster(docs: Vec<StoryDoc>, params: Params) -> (Vec<String>, f64) {
    let mut clusterer = OnlineClusterer::new(params);
    let started = Instant::now();
    let stories: Vec<String> = docs
        .into_iter()
        .map(|d| clusterer.add(d).story().to_string())
        .collect();
    (stories, started.elapsed().as_secs_f64())
}

/// Scores predicted story ids against the gold clusters of the same articles.
pub fn score(
    features: &str,
    gold: &[&str],
    predicted: &[String],
    cluster_seconds: f64,
) -> ClusterReport {
    let g = intern(gold);
    let p = intern(predicted);
    let (pair_prf, pairs) = pairwise(&g, &p);
    let count = |labels: &[usize]| labels.iter().copied().max().map_or(0, |m| m + 1);
    ClusterReport {
        features: features.to_string(),
        articles: gold.len(),
        gold_clusters: count(&g),
        predicted_clusters: count(&p),
        bcubed: bcubed(&g, &p),
        pairwise: pair_prf,
        pairs,
        cluster_seconds,
        articles_per_sec: if cluster_seconds > 0.0 {
            gold.len() as f64 / cluster_seconds
        } else {
            0.0
        },
    }
}

/// Runs the whole evaluation on a stream with text features only: order, cluster,
/// score. Returns the report and, in stream order, `(article id, story id)`.
pub fn evaluate(docs: &[StreamDoc], params: Params) -> (ClusterReport, Vec<(String, String)>) {
    let order = stream_order(docs);
    let story_docs: Vec<StoryDoc> = order.iter().map(|&i| story_doc(&docs[i])).collect();
    evaluate_docs(docs, &order, story_docs, "text", params)
}

/// Clusters prepared `story_docs` (one per article of `order`, in that order) and
/// scores them against the gold labels of `docs`.
pub fn evaluate_docs(
    docs: &[StreamDoc],
    order: &[usize],
    story_docs: Vec<StoryDoc>,
    features: &str,
    params: Params,
) -> (ClusterReport, Vec<(String, String)>) {
    let (stories, seconds) = cluster(story_docs, params);
    let gold: Vec<&str> = order.iter().map(|&i| docs[i].cluster.as_str()).collect();
    let report = score(features, &gold, &stories, seconds);
    let assignments = order
        .iter()
        .zip(stories)
        .map(|(&i, s)| (docs[i].id.clone(), s))
        .collect();
    (report, assignments)
}

/// The predictions file: one `{"id", "cluster"}` line per article, in stream order.
pub fn predictions_jsonl(assignments: &[(String, String)]) -> String {
    let mut out = String::new();
    for (id, story) in assignments {
        out.push_str(&serde_json::json!({"id": id, "cluster": story}).to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn bcubed_by_hand() {
        // Gold: {0,1,2} {3,4}; predicted: {0,1} {2,3,4}.
        let gold = [0, 0, 0, 1, 1];
        let pred = [0, 0, 1, 1, 1];
        let m = bcubed(&gold, &pred);
        // Precision per item: 1, 1, 1/3, 2/3, 2/3 → 11/15.
        assert!(close(m.precision, 11.0 / 15.0), "{m:?}");
        // Recall per item: 2/3, 2/3, 1/3, 1, 1 → 11/15.
        assert!(close(m.recall, 11.0 / 15.0), "{m:?}");
        assert!(close(m.f1, 11.0 / 15.0));
        // Perfect and all-singletons.
        assert_eq!(bcubed(&gold, &gold), Prf::new(1.0, 1.0));
        let single = bcubed(&gold, &[0, 1, 2, 3, 4]);
        assert!(close(single.precision, 1.0));
        assert!(close(single.recall, (1.0 / 3.0 * 3.0 + 0.5 * 2.0) / 5.0));
    }

    #[test]
    fn pairwise_by_hand() {
        let gold = [0, 0, 0, 1, 1];
        let pred = [0, 0, 1, 1, 1];
        let (m, c) = pairwise(&gold, &pred);
        // Gold pairs: 3 + 1 = 4; predicted pairs: 1 + 3 = 4; shared: (0,1), (3,4).
        assert_eq!(
            c,
            PairCounts {
                true_positives: 2,
                false_positives: 2,
                false_negatives: 2
            }
        );
        assert!(close(m.precision, 0.5) && close(m.recall, 0.5) && close(m.f1, 0.5));
        // Everything in one cluster: recall 1, precision 4/10.
        let (m, _) = pairwise(&gold, &[7, 7, 7, 7, 7]);
        assert!(close(m.recall, 1.0) && close(m.precision, 0.4));
        // No predicted pairs: precision 0 by the benchmark's convention.
        let (m, _) = pairwise(&gold, &[0, 1, 2, 3, 4]);
        assert_eq!(m, Prf::new(0.0, 0.0));
    }

    #[test]
    fn reads_strings_numbers_and_arrays() {
        let jsonl = "{\"id\": 7, \"date\": \"2014-11-06 08:59:00\", \"title\": \"A\", \"text\": \"x\", \"cluster\": 3}\n\n\
                     {\"id\": \"b\", \"title\": \"B\", \"text\": \"y\", \"cluster\": \"c9\", \"lang\": \"eng\"}\n";
        let docs = parse_stream(jsonl).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "7");
        assert_eq!(docs[0].cluster, "3");
        assert_eq!(docs[1].date, None);
        let array = format!("[{}]", jsonl.trim().replace("\n\n", ","));
        assert_eq!(parse_stream(&array).unwrap(), docs);
        match parse_stream("{\"id\": 1, \"cluster\": 2}\n{\"id\": 2}\n") {
            Err(EvalError::MalformedLine { line: 2, .. }) => {}
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_stream("\n"), Err(EvalError::Empty)));
    }

    #[test]
    fn stream_order_is_by_time_stable_undated_last() {
        let d = |id: &str, date: Option<&str>| StreamDoc {
            id: id.into(),
            date: date.map(String::from),
            title: String::new(),
            text: String::new(),
            cluster: "c".into(),
        };
        let docs = [
            d("late", Some("2014-11-07")),
            d("undated", None),
            d("noon", Some("2014-11-06T12:00:00Z")),
            d("morning", Some("2014-11-06 08:59:00")),
            d("morning-too", Some("2014-11-06 08:59")),
        ];
        let order: Vec<&str> = stream_order(&docs)
            .into_iter()
            .map(|i| docs[i].id.as_str())
            .collect();
        assert_eq!(order, ["morning", "morning-too", "noon", "late", "undated"]);
        assert_eq!(timestamp("1970-01-02T01:00:30"), Some(86_400 + 3_630));
    }

    #[test]
    fn scores_a_small_stream() {
        let doc = |id: &str, date: &str, title: &str, text: &str, cluster: &str| StreamDoc {
            id: id.into(),
            date: Some(date.into()),
            title: title.into(),
            text: text.into(),
            cluster: cluster.into(),
        };
        let docs = vec![
            doc("1", "2026-03-02", "Iran seizes tanker MV Coral Meridian in Hormuz",
                "Iran's navy seized the tanker MV Coral Meridian in the Strait of Hormuz with 23 crew.", "tanker"),
            doc("2", "2026-03-02", "Dollar firms against yen in Tokyo",
                "The dollar rose against the yen in Tokyo as dealers awaited jobs data.", "fx"),
            doc("3", "2026-03-03", "Coral Meridian crew families appeal",
                "Families of the Coral Meridian crew seized by Iran in Hormuz appealed for news.", "tanker"),
        ];
        let (report, assignments) = evaluate(&docs, Params::default());
        assert_eq!(report.articles, 3);
        assert_eq!(report.gold_clusters, 2);
        assert_eq!(report.predicted_clusters, 2);
        assert_eq!(report.pairwise, Prf::new(1.0, 1.0));
        assert_eq!(report.bcubed, Prf::new(1.0, 1.0));
        assert_eq!(assignments[0].1, assignments[2].1);
        let lines = predictions_jsonl(&assignments);
        assert_eq!(lines.lines().count(), 3);
        assert!(report.to_string().contains("pairwise   precision 1.0000"));
    }
}
