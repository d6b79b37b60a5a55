//! Time-expression evaluation on TimeML (`newsgraph eval timex DIR [--predictions OUT]`).
//!
//! Input: `.tml` files in the TempEval-3 layout, found recursively under a directory:
//! the document creation time in `<DCT><TIMEX3 … value="…" functionInDocument=
//! "CREATION_TIME">`, the text in `<TEXT>…</TEXT>` with the gold `<TIMEX3>` tags inline
//! (other tags such as `<EVENT>` are ignored). The tags are stripped and XML entities
//! decoded to give the raw text; recognition runs on it with the DCT.
//!
//! Figures, as defined for TempEval-3 task A:
//! - **strict match**: a predicted expression with exactly the span of a gold one;
//!   **relaxed match**: one that overlaps a gold one (each expression matched at most
//!   once). Precision = matches / predicted, recall = matches / gold, F1 their harmonic
//!   mean, for each kind of match;
//! - **attributes** (type, value) over relaxed matches: accuracy = correct / matched;
//!   attribute precision = correct / predicted, recall = correct / gold, F1 = their
//!   harmonic mean (the "value F1" of the TempEval-3 ranking).
//!
//! `--predictions OUT` writes each document again with our TIMEX3 tags in `<TEXT>` (the
//! part before `<TEXT>` is copied verbatim, so the DCT is kept) under the same relative
//! path, for the official scorer.

use crate::error::EvalError;
use newsgraph_model::TimexType;
use newsgraph_time::{Dct, TimexFound};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// A gold time expression: a byte span of the raw text and its attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldTimex {
    /// First byte in the raw text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The expression.
    pub text: String,
    /// TIMEX3 type (DATE, TIME, DURATION, SET).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 modifier.
    pub modifier: Option<String>,
}

/// One TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmlDoc {
    /// The DCT value ("1998-02-13T14:26:00").
    pub dct: String,
    /// Everything before `<TEXT>`, verbatim.
    pub head: String,
    /// The text with tags removed and entities decoded.
    pub text: String,
    /// Gold expressions in text order.
    pub gold: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let mut from = 0;
    while let Some(p) = tag[from..].find(&pat) {
        let at = from + p;
        // a whole attribute name: preceded by white space
        if at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace() {
            let s = at + pat.len();
            let e = tag[s..].find('"')? + s;
            return Some(decode(&tag[s..e]));
        }
        from = at + pat.len();
    }
    None
}

fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest[..rest.len().min(10)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Parse a TimeML document. `name` is used in errors.
pub fn parse_tml(src: &str, name: &str) -> Result<TmlDoc, EvalError> {
    let bad = |reason: &str| EvalError::Tml {
        path: name.to_string(),
        reason: reason.to_string(),
    };
    let dct_at = src.find("<DCT>").ok_or_else(|| bad("no <DCT>"))?;
    let dct_tag_end = src[dct_at..].find('>').map(|p| dct_at + p);
    let dct_open = src[dct_at..]
        .find("<TIMEX3")
        .map(|p| dct_at + p)
        .ok_or_else(|| bad("no TIMEX3 in <DCT>"))?;
    let _ = dct_tag_end;
    let dct_close = src[dct_open..]
        .find('>')
        .map(|p| dct_open + p)
        .ok_or_else(|| bad("unterminated DCT tag"))?;
    let dct = attr(&src[dct_open..dct_close], "value").ok_or_else(|| bad("DCT without value"))?;
    let t0 = src.find("<TEXT>").ok_or_else(|| bad("no <TEXT>"))?;
    let t1 = src[t0..]
        .find("</TEXT>")
        .map(|p| t0 + p)
        .ok_or_else(|| bad("no </TEXT>"))?;
    let raw = &src[t0 + "<TEXT>".len()..t1];
    let mut text = String::with_capacity(raw.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut rest = raw;
    while let Some(p) = rest.find('<') {
        text.push_str(&decode(&rest[..p]));
        let e = rest[p..]
            .find('>')
            .map(|x| p + x)
            .ok_or_else(|| bad("unterminated tag"))?;
        let tag = &rest[p + 1..e];
        if tag.starts_with("TIMEX3") {
            if open.is_some() {
                return Err(bad("nested TIMEX3"));
            }
            open = Some((text.len(), tag.to_string()));
        } else if tag.starts_with("/TIMEX3") {
            let (s, tag) = open
                .take()
                .ok_or_else(|| bad("</TIMEX3> without <TIMEX3>"))?;
            gold.push(GoldTimex {
                start: s,
                end: text.len(),
                text: text[s..].to_string(),
                kind: attr(&tag, "type").unwrap_or_default(),
                value: attr(&tag, "value").unwrap_or_default(),
                modifier: attr(&tag, "mod").filter(|m| !m.is_empty()),
            });
        }
        rest = &rest[e + 1..];
    }
    text.push_str(&decode(rest));
    Ok(TmlDoc {
        dct,
        head: src[..t0].to_string(),
        text,
        gold,
    })
}

/// Our expressions for a document: recognition on its raw text with its DCT.
pub fn predict(doc: &TmlDoc) -> Vec<TimexFound> {
    let sentences = newsgraph_segment::sentences(&doc.text);
    newsgraph_time::extract(&doc.text, &sentences, Dct::parse(&doc.dct).ok())
}

/// The document with `pred` as its TIMEX3 tags, as TimeML.
pub fn to_timeml(doc: &TmlDoc, pred: &[TimexFound]) -> String {
    let mut out = String::with_capacity(doc.head.len() + doc.text.len() * 2);
    out.push_str(&doc.head);
    out.push_str("<TEXT>");
    let mut at = 0;
    for t in pred {
        if t.start < at || t.end > doc.text.len() {
            continue;
        }
        out.push_str(&escape(&doc.text[at..t.start]));
        let kind = match t.kind {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        };
        out.push_str(&format!(
            "<TIMEX3 tid=\"{}\" type=\"{kind}\" value=\"{}\"",
            t.tid,
            escape(&t.value)
        ));
        if let Some(m) = &t.modifier {
            out.push_str(&format!(" mod=\"{m}\""));
        }
        match &t.anchor {
            Some(a) => out.push_str(&format!(
                " temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"{a}\""
            )),
            None => out.push_str(" temporalFunction=\"false\" functionInDocument=\"NONE\""),
        }
        out.push('>');
        out.push_str(&escape(&doc.text[t.start..t.end]));
        out.push_str("</TIMEX3>");
        at = t.end;
    }
    out.push_str(&escape(&doc.text[at..]));
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}

/// Counts from which every figure is computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TimexCounts {
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
    /// Predicted with exactly a gold span.
    pub strict: usize,
    /// Predicted overlapping a gold one (one-to-one).
    pub relaxed: usize,
    /// Relaxed matches with the gold type.
    pub type_correct: usize,
    /// Relaxed matches with the gold value.
    pub value_correct: usize,
}

impl TimexCounts {
    /// Add another document's counts.
    pub fn add(&mut self, o: &TimexCounts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl TimexCounts {
    /// Strict precision.
    pub fn strict_precision(&self) -> f64 {
        ratio(self.strict, self.predicted)
    }
    /// Strict recall.
    pub fn strict_recall(&self) -> f64 {
        ratio(self.strict, self.gold)
    }
    /// Strict F1.
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_precision(), self.strict_recall())
    }
    /// Relaxed precision.
    pub fn relaxed_precision(&self) -> f64 {
        ratio(self.relaxed, self.predicted)
    }
    /// Relaxed recall.
    pub fn relaxed_recall(&self) -> f64 {
        ratio(self.relaxed, self.gold)
    }
    /// Relaxed F1.
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_precision(), self.relaxed_recall())
    }
    /// Type accuracy over relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.relaxed)
    }
    /// Value accuracy over relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed)
    }
    /// Type F1 (attribute F1 of the type).
    pub fn type_f1(&self) -> f64 {
        f1(
            ratio(self.type_correct, self.predicted),
            ratio(self.type_correct, self.gold),
        )
    }
    /// Value F1 (attribute F1 of the value).
    pub fn value_f1(&self) -> f64 {
        f1(
            ratio(self.value_correct, self.predicted),
            ratio(self.value_correct, self.gold),
        )
    }
}

/// A predicted expression in the form the scorer compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredTimex {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

impl From<&TimexFound> for PredTimex {
    fn from(t: &TimexFound) -> Self {
        let kind = match t.kind {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        };
        PredTimex {
            start: t.start,
            end: t.end,
            kind: kind.to_string(),
            value: t.value.clone(),
        }
    }
}

/// Score one document's predictions against its gold expressions.
pub fn score(gold: &[GoldTimex], pred: &[PredTimex]) -> TimexCounts {
    let mut c = TimexCounts {
        gold: gold.len(),
        predicted: pred.len(),
        ..TimexCounts::default()
    };
    c.strict = gold
        .iter()
        .filter(|g| pred.iter().any(|p| p.start == g.start && p.end == g.end))
        .count();
    let mut used = vec![false; pred.len()];
    for g in gold {
        // prefer the exact span, then the first overlapping prediction
        let exact = pred
            .iter()
            .enumerate()
            .find(|(k, p)| !used[*k] && p.start == g.start && p.end == g.end)
            .map(|(k, _)| k);
        let k = exact.or_else(|| {
            pred.iter()
                .enumerate()
                .find(|(k, p)| !used[*k] && p.start < g.end && g.start < p.end)
                .map(|(k, _)| k)
        });
        if let Some(k) = k {
            used[k] = true;
            c.relaxed += 1;
            if pred[k].kind == g.kind {
                c.type_correct += 1;
            }
            if pred[k].value == g.value {
                c.value_correct += 1;
            }
        }
    }
    c
}

/// The result of an evaluation run: totals and per-document counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TimexReport {
    /// Documents scored.
    pub documents: usize,
    /// Totals.
    pub counts: TimexCounts,
    /// Per document: path relative to the input directory, counts.
    pub per_document: Vec<(String, TimexCounts)>,
}

impl fmt::Display for TimexReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "documents {}  gold {}  predicted {}",
            self.documents, c.gold, c.predicted
        )?;
        writeln!(
            f,
            "{:<16}{:>10}{:>10}{:>10}",
            "", "precision", "recall", "F1"
        )?;
        writeln!(
            f,
            "{:<16}{:>10.4}{:>10.4}{:>10.4}",
            "strict match",
            c.strict_precision(),
            c.strict_recall(),
            c.strict_f1()
        )?;
        writeln!(
            f,
            "{:<16}{:>10.4}{:>10.4}{:>10.4}",
            "relaxed match",
            c.relaxed_precision(),
            c.relaxed_recall(),
            c.relaxed_f1()
        )?;
        writeln!(
            f,
            "type   accuracy {:.4}  F1 {:.4}",
            c.type_accuracy(),
            c.type_f1()
        )?;
        write!(
            f,
            "value  accuracy {:.4}  F1 {:.4}",
            c.value_accuracy(),
            c.value_f1()
        )
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let rd = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Evaluate every `.tml` file under `dir` (or `dir` itself when it is a file); with
/// `predictions`, write our TimeML for each under the same relative path there.
pub fn evaluate_dir(dir: &Path, predictions: Option<&Path>) -> Result<TimexReport, EvalError> {
    let mut files = Vec::new();
    if dir.is_file() {
        files.push(dir.to_path_buf());
    } else {
        collect(dir, &mut files)?;
    }
    if files.is_empty() {
        return Err(EvalError::Empty);
    }
    let mut report = TimexReport::default();
    for path in files {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(&path).map_err(|source| EvalError::Io {
            path: name.clone(),
            source,
        })?;
        let doc = parse_tml(&src, &name)?;
        let pred = predict(&doc);
        let p: Vec<PredTimex> = pred.iter().map(PredTimex::from).collect();
        let c = score(&doc.gold, &p);
        let rel = path
            .strip_prefix(dir)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(path.file_name().unwrap_or_default()));
        if let Some(out_dir) = predictions {
            let out = out_dir.join(&rel);
            if let Some(parent) = out.parent() {
                std::fs::create_dir_all(parent).map_err(|source| EvalError::Io {
                    path: parent.display().to_string(),
                    source,
                })?;
            }
            std::fs::write(&out, to_timeml(&doc, &pred)).map_err(|source| EvalError::Io {
                path: out.display().to_string(),
                source,
            })?;
        }
        report.documents += 1;
        report.counts.add(&c);
        report.per_document.push((rel.display().to_string(), c));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">1998-02-13</TIMEX3></DCT>
<TEXT>
The council met <TIMEX3 tid="t1" type="DATE" value="1998-02-12">Thursday</TIMEX3> &amp; will vote <TIMEX3 tid="t2" type="DATE" value="1998-W08">next week</TIMEX3> after <EVENT eid="e1">talks</EVENT> lasting <TIMEX3 tid="t3" type="DURATION" value="P3D" mod="APPROX">about three days</TIMEX3>.
</TEXT>
</TimeML>
"#;

    #[test]
    fn parses_and_scores() {
        let doc = parse_tml(DOC, "x.tml").unwrap();
        assert_eq!(doc.dct, "1998-02-13");
        assert_eq!(doc.gold.len(), 3);
        assert_eq!(&doc.text[doc.gold[0].start..doc.gold[0].end], "Thursday");
        assert!(doc.text.contains(" & will"));
        assert_eq!(doc.gold[2].modifier.as_deref(), Some("APPROX"));
        let pred = predict(&doc);
        let p: Vec<PredTimex> = pred.iter().map(PredTimex::from).collect();
        let c = score(&doc.gold, &p);
        assert_eq!(c.gold, 3);
        assert_eq!(c.strict, 3, "{pred:#?}");
        assert_eq!(c.value_correct, 3, "{pred:#?}");
        // written back, it parses to the same text and our tags
        let out = to_timeml(&doc, &pred);
        let again = parse_tml(&out, "out.tml").unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(again.gold.len(), pred.len());
        assert_eq!(again.gold[0].value, pred[0].value);
    }

    #[test]
    fn relaxed_is_one_to_one() {
        let g = vec![GoldTimex {
            start: 0,
            end: 10,
            text: String::new(),
            kind: "DATE".into(),
            value: "1998".into(),
            modifier: None,
        }];
        let p = vec![
            PredTimex {
                start: 0,
                end: 4,
                kind: "DATE".into(),
                value: "1998".into(),
            },
            PredTimex {
                start: 5,
                end: 10,
                kind: "DATE".into(),
                value: "1998".into(),
            },
        ];
        let c = score(&g, &p);
        assert_eq!(
            (c.strict, c.relaxed, c.value_correct, c.predicted),
            (0, 1, 1, 2)
        );
    }

    #[test]
    fn errors_name_the_file() {
        let e = parse_tml("<TimeML></TimeML>", "bad.tml").unwrap_err();
        assert!(e.to_string().contains("bad.tml"));
    }
}
