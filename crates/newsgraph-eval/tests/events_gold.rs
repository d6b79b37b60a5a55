//! Event extraction on the gold files in `data/eval`: prints the figures, writes the
//! predictions next to the target dir when `EVENTS_PREDICTIONS` is set, and holds the
//! combined precision to a floor so regressions show.

use newsgraph_eval::events::{evaluate_file, write_cases};
use std::path::Path;

fn run(name: &str) -> Option<newsgraph_eval::events::EventsReport> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/eval")
        .join(name);
    if !path.exists() {
        eprintln!("{name} absent: skipped");
        return None;
    }
    let (rep, preds) = evaluate_file(&path).expect("gold file reads");
    println!("== {name}\n{rep}");
    if std::env::var("EVENTS_DEBUG").is_ok() {
        for &i in &rep.failures {
            println!(
                "MISS {}\n  P {:?}",
                serde_json::to_string(&preds[i].text).unwrap_or_default(),
                preds[i].events
            );
        }
    }
    if let Ok(dir) = std::env::var("EVENTS_PREDICTIONS") {
        let out = Path::new(&dir).join(name.replace(".jsonl", ".pred.jsonl"));
        std::fs::write(out, write_cases(&preds)).expect("predictions written");
    }
    Some(rep)
}

#[test]
fn gold_figures() {
    if let Some(rep) = run("events-gold.jsonl") {
        assert!(rep.cases >= 150);
        assert!(rep.combined.precision() >= 0.5, "{rep}");
    }
}

#[test]
fn heldback_figures() {
    let _ = run("events-heldback.jsonl");
}

/// `EVENTS_FILE=path cargo test -p newsgraph-eval --test events_gold -- --nocapture`
/// scores any file in the same layout.
#[test]
fn any_file_figures() {
    if let Ok(path) = std::env::var("EVENTS_FILE") {
        let (rep, _) = evaluate_file(Path::new(&path)).expect("file reads");
        println!("== {path}\n{rep}");
    }
}
