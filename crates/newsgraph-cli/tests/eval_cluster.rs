//! `newsgraph eval cluster`: the story-clustering benchmark layout, on the invented
//! mini stream in `crates/newsgraph-eval/tests/data/cluster-mini.jsonl` (31 wire
//! articles: seven storylines, two of them about central-bank rates, and five
//! singletons), and the dev stream built from Reuters-21578 when it exists.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn mini() -> PathBuf {
    repo().join("crates/newsgraph-eval/tests/data/cluster-mini.jsonl")
}

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn json_of(args: &[&str], file: &Path) -> Value {
    let out = newsgraph()
        .args(["eval", "cluster"])
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn scores_the_mini_stream() {
    let v = json_of(&["--json"], &mini());
    assert_eq!(v["articles"], 31);
    let text = &v["text"];
    assert_eq!(text["articles"], 31);
    assert_eq!(text["gold_clusters"], 12);
    let predicted = text["predicted_clusters"].as_u64().unwrap();
    assert!((10..=16).contains(&predicted), "{predicted} stories");
    for metric in ["pairwise", "bcubed"] {
        let f1 = text[metric]["f1"].as_f64().unwrap();
        let p = text[metric]["precision"].as_f64().unwrap();
        assert!(f1 > 0.85 && p > 0.9, "{metric}: {}", text[metric]);
    }
    assert!(text["articles_per_sec"].as_f64().unwrap() > 0.0);
    assert!(v["analyzed"].is_null());
}

#[test]
fn prints_both_metrics_and_the_speed() {
    newsgraph()
        .args(["eval", "cluster"])
        .arg(mini())
        .assert()
        .success()
        .stdout(predicate::str::contains("BCubed"))
        .stdout(predicate::str::contains("pairwise"))
        .stdout(predicate::str::contains("gold clusters 12"))
        .stdout(predicate::str::contains("articles/s"));
}

#[test]
fn predictions_keep_a_storyline_together_and_rate_stories_apart() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pred.jsonl");
    newsgraph()
        .args(["eval", "cluster", "--predictions"])
        .arg(&out)
        .arg(mini())
        .assert()
        .success();
    let story: HashMap<String, String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["cluster"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(story.len(), 31);
    // The takeover contest, first offer to agreed deal over two weeks.
    for id in ["m02", "m19", "m26", "m31"] {
        assert_eq!(story[id], story["m01"], "{id}");
    }
    // Two central banks, the same week, the same vocabulary: two stories.
    assert_ne!(story["m24"], story["m23"]);
    assert_ne!(story["m27"], story["m25"]);
    // Singletons stay alone.
    let louvre = &story["m05"];
    assert_eq!(story.values().filter(|s| *s == louvre).count(), 1);
}

#[test]
fn analyze_adds_a_second_run_with_actors_and_events() {
    let v = json_of(&["--json", "--analyze"], &mini());
    let analyzed = &v["analyzed"];
    assert_eq!(analyzed["features"], "text+actors+events");
    assert_eq!(analyzed["articles"], 31);
    assert!(
        analyzed["pairwise"]["f1"].as_f64().unwrap() > 0.8,
        "{analyzed}"
    );
    assert!(v["analysis_seconds"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_malformed_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\": 1, \"date\": \"2027-02-01\", \"title\": \"a\", \"text\": \"b\", \"cluster\": 1}\n{\"id\": 2, \"title\": \"no cluster\"}\n",
    )
    .unwrap();
    newsgraph()
        .args(["eval", "cluster"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("line 2"));
}

#[test]
fn dev_stream_when_built() {
    let dev = repo().join("target/eval/cluster-dev.jsonl");
    if !dev.exists() {
        eprintln!(
            "skipping: {} not built (python3 scripts/build_cluster_dev.py)",
            dev.display()
        );
        return;
    }
    let v = json_of(&["--json"], &dev);
    let f1 = v["text"]["pairwise"]["f1"].as_f64().unwrap();
    println!("dev stream: {}", v["text"]);
    assert!(f1 > 0.6, "pairwise F1 {f1}");
}
