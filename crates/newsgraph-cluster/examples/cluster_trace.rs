//! Error analysis for story clustering: runs the in-memory clusterer over a labelled
//! stream (`{"id", "date", "title", "text", "cluster"}` JSON Lines, already in stream
//! order or sorted here by date) and writes one JSON line per article with the
//! decision and the parts of its score: against the story chosen (or the best
//! candidate), and against the story that holds most of the article's earlier
//! gold-mates (the "right" story), with whether retrieval offered it.
//!
//! ```sh
//! cargo run --release -p newsgraph-cluster --example cluster_trace -- STREAM > trace.jsonl
//! NEWSGRAPH_STORY_PARAMS='{"decision": {...}, ...}' cargo run ...  # other parameters
//! ```
//!
//! Text features only (no actors, no events). A developer tool, not part of the CLI.

use newsgraph_cluster::story::{similarity, Assignment, OnlineClusterer, Params, StoryDoc};
use serde_json::{json, Value};
use std::collections::HashMap;

fn main() {
    let path = std::env::args().nth(1).expect("give a stream file");
    let content = std::fs::read_to_string(&path).expect("cannot read the stream");
    let mut docs: Vec<Value> = content
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("bad JSON line"))
        .collect();
    let s = |v: &Value, k: &str| match &v[k] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    docs.sort_by_key(|d| {
        let date = s(d, "date");
        if date.is_empty() {
            "~".to_string()
        } else {
            date
        }
    });
    let params: Params = match std::env::var("NEWSGRAPH_STORY_PARAMS") {
        Ok(p) => {
            let mut base = serde_json::to_value(Params::default()).unwrap();
            merge(
                &mut base,
                serde_json::from_str(&p).expect("bad params JSON"),
            );
            serde_json::from_value(base).expect("bad params")
        }
        Err(_) => Params::default(),
    };
    let mut c = OnlineClusterer::new(params);
    let mut gold_of: HashMap<String, String> = HashMap::new();
    let mut story_of: HashMap<String, String> = HashMap::new();
    for d in &docs {
        let id = s(d, "id");
        let gold = s(d, "cluster");
        let doc = StoryDoc {
            id: id.clone(),
            date: Some(s(d, "date")).filter(|x| !x.is_empty()),
            title: s(d, "title"),
            text: s(d, "text"),
            ..StoryDoc::default()
        };
        let v = c.vectorise(&doc);
        let cands: Vec<String> = c
            .index_ref()
            .candidate_refs(&v, params.candidates)
            .iter()
            .map(|s| s.id.clone())
            .collect();
        // The story with most of the earlier gold-mates.
        let mut votes: HashMap<&str, usize> = HashMap::new();
        for (a, g) in &gold_of {
            if *g == gold {
                *votes.entry(story_of[a].as_str()).or_default() += 1;
            }
        }
        let right = votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, _)| s.to_string());
        let describe = |sid: &str| -> Value {
            match c.state(sid) {
                Some(st) if !st.centroid.is_empty() => {
                    let sim = similarity(&v, st, &params.decision);
                    let novel = |d: &[(String, f32)], s: &[(String, f32)]| -> f32 {
                        d.iter()
                            .filter(|(k, _)| s.binary_search_by(|(x, _)| x.cmp(k)).is_err())
                            .map(|(_, w)| w * w)
                            .sum()
                    };
                    let nov_names = novel(&v.names, &st.names);
                    let nov_terms = novel(&v.terms, &st.centroid);
                    let title =
                        newsgraph_cluster::story::state::title_score(&v.title_terms, &st.centroid);
                    let mut labels: HashMap<&str, usize> = HashMap::new();
                    for m in c.members(sid) {
                        *labels.entry(gold_of[m].as_str()).or_default() += 1;
                    }
                    let major = labels
                        .iter()
                        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                        .map(|(l, n)| format!("{l}:{n}"));
                    json!({"story": sid, "title": st.title, "size": st.size,
                           "first": st.first, "last": st.last, "major": major,
                           "offered": cands.iter().any(|x| x == sid),
                           "sim": sim, "nov_names": nov_names, "nov_terms": nov_terms, "title_cos": title, "doc_names": v.names.len()})
                }
                _ => json!({"story": sid, "retired": true}),
            }
        };
        let best_cand = cands
            .iter()
            .filter_map(|sid| c.index_ref().get(sid))
            .map(|st| (st.id.clone(), similarity(&v, st, &params.decision).score))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(sid, _)| sid);
        let best = best_cand.as_deref().map(describe);
        let right_desc = right.as_deref().map(describe);
        let a = c.add_vector(&v);
        let (kind, story) = match &a {
            Assignment::Join { story, .. } => ("join", story.clone()),
            Assignment::New { story } => ("new", story.clone()),
        };
        println!(
            "{}",
            json!({"id": id, "gold": gold, "date": s(d, "date"), "title": doc.title,
                   "decision": kind, "story": story, "best": best, "right": right_desc,
                   "mates": votes.values().sum::<usize>(),
                   "bg": v.background, "name_bg": v.name_background})
        );
        gold_of.insert(id.clone(), gold);
        story_of.insert(id, story);
    }
}

fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o,
    }
}
