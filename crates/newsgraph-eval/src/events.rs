//! Event evaluation (`newsgraph eval events FILE [--predictions OUT]`).
//!
//! Input: JSON Lines, one sentence or short passage a line:
//! `{"text", "date"?: article date, "events": [{"type", "source": [name…],
//! "target": [name…], "modality"?}]}`. Each line is run through the whole
//! per-article chain as an article of its own (segment → time against `date` → link
//! with the built-in linker → [`newsgraph_events::extract_events`]).
//!
//! Matching: a predicted event matches a gold event of the same line when the types
//! are equal and, depending on the figure, the sources, the targets and/or the
//! modality agree. Argument lists agree when they have the same length and every
//! gold name matches a distinct predicted actor: by the knowledge base
//! (`Kb::builtin().lookup(name)` gives the actor's id), by the actor's canonical name
//! or an alias, or by the text of a mention of that actor in the line (case-
//! insensitive). Gold codes the organs of a state at the level of the state, as
//! event coding schemes do ("Israeli forces", "the Pentagon", "the Kremlin" are
//! Israel, the United States, Russia): a gold state name also matches a predicted
//! government body of that state (the KB's `gov` records), never the reverse, and
//! never a person or a group based in the state. A gold event without `modality` agrees with any. Each event is
//! matched at most once (greedy, in order).
//!
//! Figures: for **type**, **source** (type+source), **target** (type+target),
//! **modality** (type+modality) and **combined** (type+source+target+modality):
//! precision = matched / predicted, recall = matched / gold, F1.
//!
//! `--predictions OUT` writes the same layout with our events, names being the
//! actors' canonical names.

use crate::error::EvalError;
use newsgraph_kb::Kb;
use newsgraph_link::{Linked, Linker};
use newsgraph_model::{Article, Event};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One gold or predicted event, by names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedEvent {
    /// PLOVER type ("ASSAULT").
    #[serde(rename = "type")]
    pub kind: String,
    /// Source names.
    #[serde(default)]
    pub source: Vec<String>,
    /// Target names.
    #[serde(default)]
    pub target: Vec<String>,
    /// Modality ("ASSERTED"); none in gold means "any".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCase {
    /// The sentence or passage.
    pub text: String,
    /// The article date (ISO-8601), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Expected (or, in predictions, found) events.
    #[serde(default)]
    pub events: Vec<NamedEvent>,
}

/// Precision/recall counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Matched events.
    pub matched: usize,
    /// Predicted events.
    pub predicted: usize,
    /// Gold events.
    pub gold: usize,
}

impl Prf {
    /// matched / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    /// matched / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EventsReport {
    /// Lines read.
    pub cases: usize,
    /// Type only.
    pub kind: Prf,
    /// Type + source.
    pub source: Prf,
    /// Type + target.
    pub target: Prf,
    /// Type + modality.
    pub modality: Prf,
    /// Type + source + target + modality.
    pub combined: Prf,
    /// Indices of the cases whose events were not all matched exactly (combined), for
    /// error analysis.
    #[serde(skip)]
    pub failures: Vec<usize>,
}

impl fmt::Display for EventsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} cases, {} gold events, {} predicted",
            self.cases, self.kind.gold, self.kind.predicted
        )?;
        writeln!(
            f,
            "{:<28} {:>9} {:>9} {:>9}",
            "", "precision", "recall", "F1"
        )?;
        for (name, p) in [
            ("type", &self.kind),
            ("type+source", &self.source),
            ("type+target", &self.target),
            ("type+modality", &self.modality),
            ("type+source+target+modality", &self.combined),
        ] {
            writeln!(
                f,
                "{:<28} {:>9.3} {:>9.3} {:>9.3}   ({}/{} of {})",
                name,
                p.precision(),
                p.recall(),
                p.f1(),
                p.matched,
                p.predicted,
                p.gold
            )?;
        }
        Ok(())
    }
}

/// Reads the JSON Lines layout (blank lines skipped).
pub fn read_cases(text: &str) -> Result<Vec<EventCase>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: EventCase =
            serde_json::from_str(line).map_err(|source| EvalError::MalformedLine {
                line: i + 1,
                source,
            })?;
        out.push(case);
    }
    if out.is_empty() {
        return Err(EvalError::Empty);
    }
    Ok(out)
}

/// Writes cases in the JSON Lines layout.
pub fn write_cases(cases: &[EventCase]) -> String {
    let mut s = String::new();
    for c in cases {
        if let Ok(line) = serde_json::to_string(c) {
            s.push_str(&line);
            s.push('\n');
        }
    }
    s
}

/// What the chain found on one case.
#[derive(Debug, Clone)]
pub struct CaseRun {
    /// The article made of the line.
    pub article: Article,
    /// The linker's output.
    pub linked: Linked,
    /// The events.
    pub events: Vec<Event>,
}

/// Runs the per-article chain on one case.
pub fn run_case(case: &EventCase, linker: &Linker<'_>) -> CaseRun {
    let article = Article {
        id: format!("case-{:x}", simple_hash(&case.text)),
        body: case.text.clone(),
        published: case.date.clone(),
        ..Article::default()
    };
    let sentences = newsgraph_segment::sentences(&article.body);
    let dct = case
        .date
        .as_deref()
        .and_then(|d| newsgraph_time::Dct::parse(d).ok());
    let timexes = newsgraph_time::extract(&article.body, &sentences, dct);
    let linked = linker.link(&article, &sentences);
    let events = newsgraph_events::extract_events(&article, &sentences, &linked.mentions, &timexes);
    CaseRun {
        article,
        linked,
        events,
    }
}

fn simple_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Normalised form of a name for comparison.
fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ğ' => 'g',
            'ş' => 's',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
        .replace(['.', '\u{2019}', '\''], "")
        .trim_start_matches("the ")
        .trim()
        .to_string()
}

/// Does `gold` name the actor `id` in this run?
fn names_actor(gold: &str, id: &str, run: &CaseRun, kb: &Kb) -> bool {
    let named = kb.lookup(gold);
    if named.iter().any(|e| e.id == id) {
        return true;
    }
    if named.iter().any(|e| e.is_state() && organ_of(kb, id, e)) {
        return true;
    }
    let g = norm(gold);
    if let Some(a) = run.linked.actors.iter().find(|a| a.actor.id == id) {
        if norm(&a.actor.name) == g || a.actor.aliases.iter().any(|x| norm(x) == g) {
            return true;
        }
    }
    run.linked
        .mentions
        .iter()
        .any(|m| m.mention.actor.as_deref() == Some(id) && norm(&m.mention.text) == g)
}

/// Is the actor `id` a body of the government of `state` ("Israel Defense Forces",
/// "Pentagon", "Kremlin": the KB's government bodies, tied to their state)? Gold
/// that names a state is coded at the level of states, as event coding schemes code
/// an army or a ministry by its country; a predicted organ of that state agrees with
/// it. The converse does not hold (gold naming the IDF wants the IDF), and persons,
/// armed groups and organisations based in a state are never rolled up.
fn organ_of(kb: &Kb, id: &str, state: &newsgraph_kb::Entity) -> bool {
    let Some(code) = state.country.as_deref() else {
        return false;
    };
    kb.entity(id).is_some_and(|e| {
        e.class == newsgraph_kb::EntityClass::GovBody && e.country.as_deref() == Some(code)
    })
}

fn args_agree(gold: &[String], pred: &[String], run: &CaseRun, kb: &Kb) -> bool {
    if gold.len() != pred.len() {
        return false;
    }
    let mut used = vec![false; pred.len()];
    for g in gold {
        let hit = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && names_actor(g, p, run, kb));
        match hit {
            Some((i, _)) => used[i] = true,
            None => return false,
        }
    }
    true
}

fn type_name(e: &Event) -> String {
    serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn modality_name(e: &Event) -> String {
    serde_json::to_value(e.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Greedy matching count under `agree`.
fn count(
    gold: &[NamedEvent],
    pred: &[Event],
    agree: impl Fn(&NamedEvent, &Event) -> bool,
) -> usize {
    let mut used = vec![false; pred.len()];
    let mut n = 0;
    for g in gold {
        if let Some(i) = (0..pred.len()).find(|&i| !used[i] && agree(g, &pred[i])) {
            used[i] = true;
            n += 1;
        }
    }
    n
}

/// The name an actor id is shown with in predictions.
fn display_name(id: &str, run: &CaseRun) -> String {
    run.linked
        .actors
        .iter()
        .find(|a| a.actor.id == id)
        .map(|a| a.actor.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Scores `cases`; returns the figures and our predictions in the same layout.
pub fn evaluate(cases: &[EventCase]) -> (EventsReport, Vec<EventCase>) {
    let linker = Linker::builtin();
    let kb = linker.kb();
    let mut rep = EventsReport {
        cases: cases.len(),
        ..EventsReport::default()
    };
    let mut preds = Vec::with_capacity(cases.len());
    for (ci, case) in cases.iter().enumerate() {
        let run = run_case(case, linker);
        let gold = &case.events;
        let pred = &run.events;
        let ty = |g: &NamedEvent, p: &Event| g.kind.eq_ignore_ascii_case(&type_name(p));
        let src = |g: &NamedEvent, p: &Event| args_agree(&g.source, &p.source, &run, kb);
        let tgt = |g: &NamedEvent, p: &Event| args_agree(&g.target, &p.target, &run, kb);
        let md = |g: &NamedEvent, p: &Event| {
            g.modality
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(&modality_name(p)))
        };
        let full = count(gold, pred, |g, p| {
            ty(g, p) && src(g, p) && tgt(g, p) && md(g, p)
        });
        if full != gold.len() || full != pred.len() {
            rep.failures.push(ci);
        }
        for (prf, m) in [
            (&mut rep.kind, count(gold, pred, ty)),
            (
                &mut rep.source,
                count(gold, pred, |g, p| ty(g, p) && src(g, p)),
            ),
            (
                &mut rep.target,
                count(gold, pred, |g, p| ty(g, p) && tgt(g, p)),
            ),
            (
                &mut rep.modality,
                count(gold, pred, |g, p| ty(g, p) && md(g, p)),
            ),
            (
                &mut rep.combined,
                count(gold, pred, |g, p| {
                    ty(g, p) && src(g, p) && tgt(g, p) && md(g, p)
                }),
            ),
        ] {
            prf.matched += m;
            prf.predicted += pred.len();
            prf.gold += gold.len();
        }
        preds.push(EventCase {
            text: case.text.clone(),
            date: case.date.clone(),
            events: pred
                .iter()
                .map(|e| NamedEvent {
                    kind: type_name(e),
                    source: e.source.iter().map(|a| display_name(a, &run)).collect(),
                    target: e.target.iter().map(|a| display_name(a, &run)).collect(),
                    modality: Some(modality_name(e)),
                })
                .collect(),
        });
    }
    (rep, preds)
}

/// Reads and scores a file.
pub fn evaluate_file(path: &std::path::Path) -> Result<(EventsReport, Vec<EventCase>), EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let cases = read_cases(&text)?;
    Ok(evaluate(&cases))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_of_nothing_is_perfect() {
        let p = Prf::default();
        assert_eq!(p.precision(), 1.0);
        assert_eq!(p.recall(), 1.0);
    }

    #[test]
    fn a_state_in_gold_matches_its_government_bodies_only() {
        let kb = Kb::builtin();
        let israel = kb
            .lookup("Israel")
            .into_iter()
            .find(|e| e.is_state())
            .expect("Israel in the KB");
        for organ in ["org:idf", "org:israel-security-cabinet"] {
            assert!(organ_of(kb, organ, israel), "{organ}");
        }
        // a person, an armed group, another state's army: never
        for other in ["person:benjamin-netanyahu", "org:hamas", "org:syrian-army"] {
            assert!(!organ_of(kb, other, israel), "{other}");
        }
    }

    #[test]
    fn state_level_gold_scores_an_army_as_its_state_but_not_the_reverse() {
        let case = |gold: &str| EventCase {
            text: "Israeli forces killed four Palestinians in Jenin.".into(),
            date: Some("2026-02-01".into()),
            events: vec![NamedEvent {
                kind: "ASSAULT".into(),
                source: vec![gold.into()],
                target: vec!["Palestine".into()],
                modality: Some("ASSERTED".into()),
            }],
        };
        let (rep, preds) = evaluate(&[case("Israel")]);
        assert_eq!(preds[0].events[0].source, ["Israel Defense Forces"]);
        assert_eq!(rep.combined.matched, 1, "{rep}");
        // gold naming the army wants the army; a prediction of the state would not do,
        // and gold naming another state never matches
        let (rep, _) = evaluate(&[case("Lebanon")]);
        assert_eq!(rep.combined.matched, 0, "{rep}");
    }

    #[test]
    fn malformed_line_is_named() {
        let e = read_cases("{\"text\": \"x\"}\nnot json\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }
}
