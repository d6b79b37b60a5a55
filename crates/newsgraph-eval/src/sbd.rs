//! Sentence-boundary evaluation (`newsgraph eval sbd FILE [--predictions OUT]`).
//!
//! Input is JSON Lines, one case per line: `{"text": "...", "sentences": ["...", ...]}`
//! with the gold sentences as trimmed strings in order (the layout of pySBD-style
//! "golden rules" lists and of `data/eval/sbd-dev.jsonl`). Blank lines are skipped.
//!
//! Two figures are reported:
//! - **exact match**: a case counts when the predicted sentence strings equal the gold
//!   ones, comparing each sentence with runs of white space collapsed to one space (so a
//!   gold file that writes a newline of the text as a space still matches);
//! - **boundary precision / recall / F1**, micro-averaged over all cases. A boundary is
//!   the byte offset in the text where a sentence ends; the end of the text itself is
//!   not counted (every splitter gets it for free). Sentences, gold or predicted, are
//!   located in the text by their non-white-space characters, in order, so differences
//!   in white space between a gold file and its text do not matter; a gold sentence
//!   that cannot be found marks the case as not aligned and contributes no boundary.
//!
//! Everything here is a pure function of strings; the CLI does the file I/O.

use crate::error::EvalError;
use serde::{Deserialize, Serialize};

/// One evaluation case: a text and its gold sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SbdCase {
    /// The text to segment.
    pub text: String,
    /// The gold sentences, trimmed, in order.
    pub sentences: Vec<String>,
}

/// The score of one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseResult {
    /// 1-based line of the case in the input (0 when not read from a file).
    pub line: usize,
    /// The text.
    pub text: String,
    /// Gold sentences.
    pub gold: Vec<String>,
    /// Predicted sentences.
    pub predicted: Vec<String>,
    /// Predicted sentences equal the gold ones (white space runs collapsed).
    pub exact: bool,
    /// Gold boundaries also predicted.
    pub true_positives: usize,
    /// Predicted boundaries not in gold.
    pub false_positives: usize,
    /// Gold boundaries not predicted.
    pub false_negatives: usize,
    /// Every gold and predicted sentence could be located in the text.
    pub aligned: bool,
}

/// Figures over a whole file, with the per-case results (to list failures).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SbdReport {
    /// Number of cases.
    pub cases: usize,
    /// Cases matched exactly.
    pub exact: usize,
    /// `exact / cases` (1.0 for no cases).
    pub exact_rate: f64,
    /// Total true-positive boundaries.
    pub true_positives: usize,
    /// Total false-positive boundaries.
    pub false_positives: usize,
    /// Total false-negative boundaries.
    pub false_negatives: usize,
    /// Boundary precision.
    pub precision: f64,
    /// Boundary recall.
    pub recall: f64,
    /// Boundary F1.
    pub f1: f64,
    /// Cases whose sentences could not all be located in their text.
    pub unaligned: usize,
    /// Per-case results, in input order.
    pub results: Vec<CaseResult>,
}

impl SbdReport {
    /// The cases that were not matched exactly.
    pub fn failures(&self) -> impl Iterator<Item = &CaseResult> {
        self.results.iter().filter(|r| !r.exact)
    }
}

/// Parses JSON Lines `content` into cases with their 1-based line numbers; blank lines
/// are skipped, a malformed line is an error naming the line.
pub fn parse_jsonl(content: &str) -> Result<Vec<(usize, SbdCase)>, EvalError> {
    let mut cases = Vec::new();
    for (k, line) in content.lines().enumerate() {
        let line_no = k + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let case: SbdCase =
            serde_json::from_str(line).map_err(|source| EvalError::MalformedLine {
                line: line_no,
                source,
            })?;
        cases.push((line_no, case));
    }
    if cases.is_empty() {
        return Err(EvalError::Empty);
    }
    Ok(cases)
}

/// Parses `content` and scores [`newsgraph_segment::sentences`] on it.
pub fn evaluate_jsonl(content: &str) -> Result<SbdReport, EvalError> {
    let cases = parse_jsonl(content)?;
    Ok(evaluate(&cases))
}

/// Scores [`newsgraph_segment::sentences`] on `cases` (pairs of line number and case).
pub fn evaluate(cases: &[(usize, SbdCase)]) -> SbdReport {
    evaluate_with(cases, |text| {
        newsgraph_segment::sentence_strs(text)
            .into_iter()
            .map(str::to_owned)
            .collect()
    })
}

/// Scores an arbitrary splitter `split` on `cases` (for comparing splitters and for
/// testing the scorer itself).
pub fn evaluate_with(cases: &[(usize, SbdCase)], split: impl Fn(&str) -> Vec<String>) -> SbdReport {
    let results: Vec<CaseResult> = cases
        .iter()
        .map(|(line, case)| {
            let predicted = split(&case.text);
            let mut r = score_case(&case.text, &case.sentences, &predicted);
            r.line = *line;
            r
        })
        .collect();
    let sum = |f: fn(&CaseResult) -> usize| results.iter().map(f).sum::<usize>();
    let tp = sum(|r| r.true_positives);
    let fp = sum(|r| r.false_positives);
    let fneg = sum(|r| r.false_negatives);
    let exact = results.iter().filter(|r| r.exact).count();
    let (precision, recall, f1) = prf(tp, fp, fneg);
    SbdReport {
        cases: results.len(),
        exact,
        exact_rate: ratio(exact, results.len()),
        true_positives: tp,
        false_positives: fp,
        false_negatives: fneg,
        precision,
        recall,
        f1,
        unaligned: results.iter().filter(|r| !r.aligned).count(),
        results,
    }
}

/// Scores one prediction against gold for `text`.
pub fn score_case(text: &str, gold: &[String], predicted: &[String]) -> CaseResult {
    let chars = NonWs::new(text);
    let (gold_b, gold_ok) = chars.boundaries(gold);
    let (pred_b, pred_ok) = chars.boundaries(predicted);
    // Both lists are sorted and deduplicated: merge-count the intersection.
    let (mut a, mut b, mut tp) = (0, 0, 0);
    while a < gold_b.len() && b < pred_b.len() {
        match gold_b[a].cmp(&pred_b[b]) {
            std::cmp::Ordering::Equal => {
                tp += 1;
                a += 1;
                b += 1;
            }
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
        }
    }
    let exact = gold.len() == predicted.len()
        && gold
            .iter()
            .zip(predicted)
            .all(|(g, p)| same_modulo_space(g, p));
    CaseResult {
        line: 0,
        text: text.to_owned(),
        gold: gold.to_vec(),
        predicted: predicted.to_vec(),
        exact,
        true_positives: tp,
        false_positives: pred_b.len() - tp,
        false_negatives: gold_b.len() - tp,
        aligned: gold_ok && pred_ok,
    }
}

/// The predictions as JSON Lines in the input layout (`{"text", "sentences"}`), one
/// line per case, in order.
pub fn predictions_jsonl(report: &SbdReport) -> String {
    let mut out = String::new();
    for r in &report.results {
        let case = SbdCase {
            text: r.text.clone(),
            sentences: r.predicted.clone(),
        };
        // Serialising plain strings cannot fail.
        if let Ok(line) = serde_json::to_string(&case) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Precision, recall and F1; an empty denominator counts as perfect (nothing predicted
/// and nothing to find), F1 is 0 when both P and R are.
fn prf(tp: usize, fp: usize, fneg: usize) -> (f64, f64, f64) {
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fneg);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Equal after collapsing runs of white space and trimming.
fn same_modulo_space(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// The non-white-space characters of a text with the byte offset where each ends.
struct NonWs {
    chars: Vec<char>,
    ends: Vec<usize>,
}

impl NonWs {
    fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() {
                chars.push(c);
                ends.push(i + c.len_utf8());
            }
        }
        NonWs { chars, ends }
    }

    /// Byte offsets where `sentences` end in the text, located in order by their
    /// non-white-space characters; the end of the text is left out. Returns whether
    /// every sentence was found.
    fn boundaries(&self, sentences: &[String]) -> (Vec<usize>, bool) {
        let mut out = Vec::with_capacity(sentences.len());
        let mut cursor = 0;
        let mut ok = true;
        for s in sentences {
            let needle: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
            if needle.is_empty() {
                continue;
            }
            match find_from(&self.chars, &needle, cursor) {
                Some(at) => {
                    cursor = at + needle.len();
                    if cursor < self.chars.len() {
                        out.push(self.ends[cursor - 1]);
                    }
                }
                None => ok = false,
            }
        }
        out.dedup();
        (out, ok)
    }
}

/// First index `>= from` where `needle` occurs in `hay`.
fn find_from(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if from > hay.len() || needle.len() > hay.len() - from {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let text = "One. Two. Three.";
        let gold = strs(&["One.", "Two.", "Three."]);
        let r = score_case(text, &gold, &gold);
        assert!(r.exact && r.aligned);
        assert_eq!(
            (r.true_positives, r.false_positives, r.false_negatives),
            (2, 0, 0)
        );
        let cases = vec![(
            1,
            SbdCase {
                text: text.into(),
                sentences: gold,
            },
        )];
        let rep = evaluate_with(&cases, |t| {
            t.split_inclusive(". ")
                .map(|s| s.trim().to_owned())
                .collect()
        });
        assert_eq!(
            (rep.precision, rep.recall, rep.f1, rep.exact),
            (1.0, 1.0, 1.0, 1)
        );
    }

    #[test]
    fn missed_boundary_lowers_recall() {
        let text = "One. Two. Three.";
        let gold = strs(&["One.", "Two.", "Three."]);
        let pred = strs(&["One. Two.", "Three."]);
        let r = score_case(text, &gold, &pred);
        assert!(!r.exact);
        assert_eq!(
            (r.true_positives, r.false_positives, r.false_negatives),
            (1, 0, 1)
        );
        let cases = vec![(
            1,
            SbdCase {
                text: text.into(),
                sentences: gold,
            },
        )];
        let rep = evaluate_with(&cases, |_| pred.clone());
        assert_eq!(rep.precision, 1.0);
        assert_eq!(rep.recall, 0.5);
        assert!((rep.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn extra_boundary_lowers_precision() {
        let text = "Mr. Smith left. Bye.";
        let gold = strs(&["Mr. Smith left.", "Bye."]);
        let pred = strs(&["Mr.", "Smith left.", "Bye."]);
        let r = score_case(text, &gold, &pred);
        assert_eq!(
            (r.true_positives, r.false_positives, r.false_negatives),
            (1, 1, 0)
        );
    }

    #[test]
    fn whitespace_differences_do_not_matter() {
        let text = "Headline\n\nFirst  line\nwraps. Next.";
        let gold = strs(&["Headline", "First line wraps.", "Next."]);
        let pred = strs(&["Headline", "First  line\nwraps.", "Next."]);
        let r = score_case(text, &gold, &pred);
        assert!(r.exact && r.aligned);
        assert_eq!(
            (r.true_positives, r.false_positives, r.false_negatives),
            (2, 0, 0)
        );
        // Boundaries are byte offsets in the text.
        let chars = NonWs::new(text);
        assert_eq!(chars.boundaries(&gold).0, vec![8, 28]);
    }

    #[test]
    fn unalignable_gold_is_flagged() {
        let r = score_case(
            "A b. C d.",
            &strs(&["A b.", "X y."]),
            &strs(&["A b.", "C d."]),
        );
        assert!(!r.aligned);
        assert!(!r.exact);
    }

    #[test]
    fn parse_reports_line_numbers() {
        let ok = "{\"text\": \"A. B.\", \"sentences\": [\"A.\", \"B.\"]}\n\n";
        assert_eq!(parse_jsonl(ok).map(|c| c.len()).ok(), Some(1));
        let bad = "{\"text\": \"A.\", \"sentences\": [\"A.\"]}\n{\"text\": \"B.\"}\n";
        match parse_jsonl(bad) {
            Err(EvalError::MalformedLine { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected a malformed-line error, got {other:?}"),
        }
        let msg = parse_jsonl("not json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.starts_with("line 1:"), "{msg}");
        assert!(matches!(parse_jsonl("\n \n"), Err(EvalError::Empty)));
    }

    #[test]
    fn predictions_round_trip() {
        let cases = vec![(
            1,
            SbdCase {
                text: "Hi there. Bye.".into(),
                sentences: strs(&["Hi there.", "Bye."]),
            },
        )];
        let rep = evaluate(&cases);
        let out = predictions_jsonl(&rep);
        let back = parse_jsonl(&out).ok().unwrap_or_default();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].1.text, "Hi there. Bye.");
        assert_eq!(back[0].1.sentences, rep.results[0].predicted);
    }
}
