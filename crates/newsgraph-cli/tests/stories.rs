//! Stories, merged events and series through the CLI: `stories`, `timeline` and the
//! situation report (`report --story`), on the examples and — when `../shared/` is
//! present — on the seeds.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> Option<PathBuf> {
    let dir = repo().join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not found", dir.display());
        None
    }
}

fn newsgraph(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    cmd.arg("--db").arg(db).arg("--quiet");
    cmd
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn text_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ingest(db: &Path, path: &Path) {
    let out = newsgraph(db).arg("ingest").arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The body bytes of a report (article id, span) from the stored article.
fn span_text(db: &Path, article: &str, start: usize, end: usize) -> String {
    let shown = json_of(newsgraph(db).args(["show", "--json", article]));
    let body = shown["article"]["body"].as_str().unwrap().as_bytes();
    String::from_utf8_lossy(&body[start..end]).into_owned()
}

#[test]
fn seeds_make_one_story_with_a_death_toll_series_and_merged_june_strikes() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    ingest(&db, &seeds);

    let stories = json_of(newsgraph(&db).args(["stories", "--json"]));
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 1, "both seeds in one story: {stories:#?}");
    assert_eq!(stories[0]["articles"], 2);
    let id = stories[0]["story"]["id"].as_str().unwrap().to_string();

    let report = json_of(newsgraph(&db).args(["report", "--story", &id, "--format", "json"]));
    // Gaza deaths: 47,000 dated by the undated article's bounds, then 71,000.
    let toll = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["series"])
        .find(|s| s["measure"] == "killed" && s["subject"] == "country:PSE")
        .expect("a death-toll series for Palestine");
    let points: Vec<(f64, String)> = toll["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["value"].as_f64().unwrap(),
                p["time"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        points,
        vec![
            (47_000.0, "2025-01-20/..".to_string()),
            (71_000.0, "2026-01-01".to_string())
        ]
    );

    // The June 2025 strikes: "struck", "the June strikes" and "the 12-day conflict" are
    // one merged event.
    let june: Vec<&Value> = report["past"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"]["type"] == "ASSAULT" && e["when"] == "2025-06")
        .collect();
    assert_eq!(june.len(), 1, "one merged June assault: {june:#?}");
    let evidence: Vec<String> = june[0]["event"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            span_text(
                &db,
                r["article"].as_str().unwrap(),
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let all = evidence.join(" | ");
    for needle in ["struck", "strikes", "conflict"] {
        assert!(all.contains(needle), "{needle:?} missing from {all}");
    }
    assert_eq!(june[0]["modality"], "ASSERTED");

    // A second round of strikes is discussed, never asserted.
    assert!(report["ahead"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["event"]["type"] == "ASSAULT" && e["modality"] == "POSSIBLE"));

    // The same report as Markdown and HTML.
    let md = text_of(newsgraph(&db).args(["report", "--story", &id, "--format", "md"]));
    assert!(md.contains("## Timeline") && md.contains("47,000"), "{md}");
    // The dated seed names no outlet: it is listed as an unnamed outlet, never as a blank.
    assert!(md.contains("unnamed outlet "), "{md}");
    assert!(
        !md.contains("()") && !md.contains(": |") && !md.contains(" , "),
        "{md}"
    );
    let html = text_of(newsgraph(&db).args(["report", "--story", "latest", "--format", "html"]));
    assert!(html.starts_with("<!doctype html>") && html.contains("71,000"));
}

#[test]
fn examples_stories_timeline_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    ingest(&db, &repo().join("examples/articles"));

    let stories = json_of(newsgraph(&db).args(["stories", "--json"]));
    let stories = stories.as_array().unwrap();
    assert!(!stories.is_empty());
    let total: u64 = stories
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    let listed = json_of(newsgraph(&db).args(["articles", "--json", "--limit", "1000"]));
    let stored = listed["articles"].as_array().unwrap().len() as u64;
    assert_eq!(
        total, stored,
        "every stored article is in exactly one story"
    );
    // The most recently active story comes first.
    let lasts: Vec<&str> = stories
        .iter()
        .filter_map(|s| s["story"]["last"].as_str())
        .collect();
    let mut sorted = lasts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(lasts, sorted);

    let timeline = json_of(newsgraph(&db).args(["timeline", "--json"]));
    let timeline = timeline.as_array().unwrap();
    assert!(!timeline.is_empty());
    for m in timeline {
        let reports = m["reports"].as_u64().unwrap();
        assert_eq!(m["evidence"].as_array().unwrap().len() as u64, reports);
        assert!(m["origins"].as_array().unwrap().len() as u64 <= reports);
    }
    let assaults = json_of(newsgraph(&db).args(["timeline", "--json", "--type", "coerce"]));
    assert!(assaults
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["type"] == "COERCE"));
    let iran = json_of(newsgraph(&db).args(["timeline", "--json", "--actor", "Iran"]));
    assert!(!iran.as_array().unwrap().is_empty());

    // Re-ingesting changes nothing.
    let before = text_of(newsgraph(&db).args(["stories", "--json"]));
    ingest(&db, &repo().join("examples/articles"));
    let after = text_of(newsgraph(&db).args(["stories", "--json"]));
    assert_eq!(before, after);

    // Errors name the problem.
    let out = newsgraph(&db)
        .args(["report", "--story", "story:nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no story"));
    let out = newsgraph(&db)
        .args(["report", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
