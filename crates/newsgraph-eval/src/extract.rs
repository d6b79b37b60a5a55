//! Scoring article-body extraction on the article-extraction-benchmark layout.
//!
//! Layout (as upstream): a directory with `html/ID.html.gz` (or `html/ID.html`) pages
//! and `ground-truth.json` mapping each ID to `{"articleBody": …}` (other fields such
//! as `url` are optional; `url` is passed to the extractor when present).
//!
//! The metric is the benchmark's own (its `evaluate.py`):
//! - tokens are the matches of `\w+` with Python's Unicode semantics — letters
//!   (`\p{L}`), numbers (`\p{N}`) and `_`; case is kept;
//! - shingles are the 4-grams of tokens (a text of 1–3 tokens has one shingle of all
//!   of them, an empty text none), counted as multisets per document;
//! - per document TP = shared shingles, FP = predicted extra, FN = missed, then divided
//!   by TP+FP+FN so that long documents do not weigh more;
//! - precision is averaged over the documents where something was predicted
//!   (TP+FP > 0), recall over those where something was expected (TP+FN > 0); a
//!   document with nothing predicted and nothing expected counts 1 in both (upstream
//!   drops it from both averages; the benchmark's ground truth has no empty body, so
//!   the figures agree there);
//! - F1 = 2PR/(P+R) of the two averages.
//!
//! [`run`] reads a directory, extracts every page with `newsgraph_web::extract`, and
//! reports precision, recall, F1 and pages per second (extraction time only, decoding
//! of gzip and reading files excluded); [`write_predictions`] writes the benchmark's
//! JSON (ID → `{"articleBody": …}`) for independent scoring.

use crate::EvalError;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Instant;

/// Largest page read (after decompression).
const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// One page of the benchmark.
#[derive(Debug, Clone)]
pub struct ExtractCase {
    /// The benchmark's id (file stem).
    pub id: String,
    /// The page as stored (decompressed).
    pub html: Vec<u8>,
    /// The URL the ground truth gives, if any.
    pub url: Option<String>,
    /// The expected article body.
    pub expected: String,
}

#[derive(Deserialize)]
struct Truth {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: Option<String>,
}

/// The benchmark's prediction record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Prediction {
    /// The extracted article body.
    #[serde(rename = "articleBody")]
    pub article_body: String,
}

/// Per-document normalised counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DocScore {
    /// Shared shingles / (TP+FP+FN).
    pub tp: f64,
    /// Predicted extra shingles / (TP+FP+FN).
    pub fp: f64,
    /// Missed shingles / (TP+FP+FN).
    pub fn_: f64,
}

/// Scores of a whole run.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    /// Number of documents.
    pub documents: usize,
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// F1 of the means.
    pub f1: f64,
    /// Pages extracted per second (one thread).
    pub pages_per_sec: f64,
    /// MB (10^6 bytes) of HTML extracted per second.
    pub mb_per_sec: f64,
    /// Pages where extraction failed (no article, undecodable), with the error.
    pub failures: Vec<(String, String)>,
    /// Per-document scores, by id.
    pub per_document: BTreeMap<String, DocScore>,
}

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Python's `\w` for str patterns: alphanumeric (L* and N*) or underscore.
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("static regex"))
}

/// The benchmark's tokens of a text.
pub fn tokenize(text: &str) -> Vec<&str> {
    token_re().find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of 4-gram shingles of a text (see the module docs).
pub fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    const N: usize = 4;
    let tokens = tokenize(text);
    let mut out: HashMap<Vec<&str>, u32> = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let count = tokens.len().saturating_sub(N - 1).max(1);
    for i in 0..count {
        let end = (i + N).min(tokens.len());
        *out.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Normalised TP/FP/FN of one prediction against the expected body.
pub fn score_document(expected: &str, predicted: &str) -> DocScore {
    let truth = shingles(expected);
    let pred = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &t) in &truth {
        let p = pred.get(k).copied().unwrap_or(0);
        tp += t.min(p) as f64;
        fn_ += t.saturating_sub(p) as f64;
    }
    for (k, &p) in &pred {
        let t = truth.get(k).copied().unwrap_or(0);
        fp += p.saturating_sub(t) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        DocScore {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        DocScore {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        }
    }
}

/// Mean precision, mean recall and F1 over documents (see the module docs).
pub fn aggregate<'a>(scores: impl IntoIterator<Item = &'a DocScore>) -> (f64, f64, f64) {
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0f64, 0usize, 0f64, 0usize);
    for s in scores {
        if s.tp == 0.0 && s.fp == 0.0 && s.fn_ == 0.0 {
            // Nothing expected, nothing predicted.
            p_sum += 1.0;
            p_n += 1;
            r_sum += 1.0;
            r_n += 1;
            continue;
        }
        if s.tp + s.fp > 0.0 {
            p_sum += if s.fp == 0.0 && s.fn_ == 0.0 {
                1.0
            } else {
                s.tp / (s.tp + s.fp)
            };
            p_n += 1;
        }
        if s.tp + s.fn_ > 0.0 {
            r_sum += if s.fp == 0.0 && s.fn_ == 0.0 {
                1.0
            } else {
                s.tp / (s.tp + s.fn_)
            };
            r_n += 1;
        }
    }
    let p = if p_n > 0 { p_sum / p_n as f64 } else { 0.0 };
    let r = if r_n > 0 { r_sum / r_n as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

fn io_err(path: &Path, source: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Reads the ground truth and pages of a benchmark directory, sorted by id.
pub fn load_benchmark(dir: &Path) -> Result<Vec<ExtractCase>, EvalError> {
    let gt_path = dir.join("ground-truth.json");
    let text = std::fs::read_to_string(&gt_path).map_err(|e| io_err(&gt_path, e))?;
    let truth: BTreeMap<String, Truth> =
        serde_json::from_str(&text).map_err(|e| EvalError::Benchmark {
            path: gt_path.display().to_string(),
            reason: format!("not a JSON object of id → {{\"articleBody\": …}}: {e}"),
        })?;
    if truth.is_empty() {
        return Err(EvalError::Empty);
    }
    let mut cases = Vec::with_capacity(truth.len());
    for (id, t) in truth {
        let gz = dir.join("html").join(format!("{id}.html.gz"));
        let plain = dir.join("html").join(format!("{id}.html"));
        let path = if gz.exists() { gz } else { plain };
        let bytes = std::fs::read(&path).map_err(|e| io_err(&path, e))?;
        let html = newsgraph_web::gunzip_if_needed(bytes, MAX_PAGE_BYTES).map_err(|e| {
            EvalError::Benchmark {
                path: path.display().to_string(),
                reason: e.to_string(),
            }
        })?;
        cases.push(ExtractCase {
            id,
            html,
            url: t.url,
            expected: t.article_body,
        });
    }
    Ok(cases)
}

/// Extracts every case with newsgraph's extractor and scores it; also returns the
/// predictions (an empty body for a page where extraction failed).
pub fn evaluate(cases: &[ExtractCase]) -> (ExtractReport, BTreeMap<String, Prediction>) {
    let mut predictions = BTreeMap::new();
    let mut failures = Vec::new();
    let mut bytes = 0usize;
    let start = Instant::now();
    for case in cases {
        bytes += case.html.len();
        let options = newsgraph_web::ExtractOptions {
            url: case.url.clone(),
            ..Default::default()
        };
        let body = match newsgraph_web::extract(&case.html, &options) {
            Ok(page) => page.body,
            Err(e) => {
                failures.push((case.id.clone(), e.to_string()));
                String::new()
            }
        };
        predictions.insert(case.id.clone(), Prediction { article_body: body });
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let report = score_predictions(cases, &predictions, secs, bytes, failures);
    (report, predictions)
}

/// Scores given predictions (missing ids count as empty predictions).
pub fn score_predictions(
    cases: &[ExtractCase],
    predictions: &BTreeMap<String, Prediction>,
    secs: f64,
    bytes: usize,
    failures: Vec<(String, String)>,
) -> ExtractReport {
    let per_document: BTreeMap<String, DocScore> = cases
        .iter()
        .map(|c| {
            let predicted = predictions
                .get(&c.id)
                .map_or("", |p| p.article_body.as_str());
            (c.id.clone(), score_document(&c.expected, predicted))
        })
        .collect();
    let (precision, recall, f1) = aggregate(per_document.values());
    ExtractReport {
        documents: cases.len(),
        precision,
        recall,
        f1,
        pages_per_sec: cases.len() as f64 / secs,
        mb_per_sec: bytes as f64 / 1e6 / secs,
        failures,
        per_document,
    }
}

/// Reads a benchmark directory, extracts and scores it.
pub fn run(dir: &Path) -> Result<(ExtractReport, BTreeMap<String, Prediction>), EvalError> {
    let cases = load_benchmark(dir)?;
    Ok(evaluate(&cases))
}

/// Writes predictions in the benchmark's layout: a JSON object ID → `{"articleBody"}`.
pub fn write_predictions(
    path: &Path,
    predictions: &BTreeMap<String, Prediction>,
) -> Result<(), EvalError> {
    let json = serde_json::to_string_pretty(predictions).map_err(|e| EvalError::Benchmark {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    std::fs::write(path, json + "\n").map_err(|e| io_err(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_python_word_semantics() {
        assert_eq!(
            tokenize("It's 3.5 km—north_east!"),
            ["It", "s", "3", "5", "km", "north_east"]
        );
        assert_eq!(tokenize("Привет, мир"), ["Привет", "мир"]);
    }

    #[test]
    fn short_texts_have_one_shingle() {
        let s = shingles("one two");
        assert_eq!(s.len(), 1);
        assert!(shingles("").is_empty());
        assert_eq!(shingles("a b c d e").len(), 2);
    }

    #[test]
    fn perfect_and_empty() {
        let s = score_document("a b c d e f", "a b c d e f");
        assert_eq!((s.tp, s.fp, s.fn_), (1.0, 0.0, 0.0));
        let none = score_document("a b c d e f", "");
        assert_eq!((none.tp, none.fp, none.fn_), (0.0, 0.0, 1.0));
        let (p, r, _) = aggregate([&s, &none]);
        // Nothing predicted: left out of precision, 0 in recall.
        assert_eq!(p, 1.0);
        assert_eq!(r, 0.5);
        let both_empty = score_document("", "");
        assert_eq!(aggregate([&both_empty]), (1.0, 1.0, 1.0));
    }

    #[test]
    fn partial_overlap() {
        // truth shingles: abcd bcde; pred: abcd bcdx → tp 1, fp 1, fn 1.
        let s = score_document("a b c d e", "a b c d x");
        assert!((s.tp - 1.0 / 3.0).abs() < 1e-12);
        let (p, r, f1) = aggregate([&s]);
        assert!((p - 0.5).abs() < 1e-12 && (r - 0.5).abs() < 1e-12 && (f1 - 0.5).abs() < 1e-12);
    }
}
