//! Article extraction on the dev pages of the article-extraction benchmark
//! (`../shared/data/article_extraction_dev`); skipped when the data is absent.
//!
//! `cargo test --release -p newsgraph-eval --test extract_dev -- --nocapture` prints
//! precision, recall, F1 and pages/s, and the worst pages. Set
//! `NEWSGRAPH_EXTRACT_PREDICTIONS=FILE` to also write the predictions.

use newsgraph_eval::extract;
use std::path::PathBuf;

fn dev_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article_extraction_dev");
    dir.join("ground-truth.json").exists().then_some(dir)
}

#[test]
fn dev_pages_score_well() {
    let Some(dir) = dev_dir() else {
        eprintln!("skipped: no article_extraction_dev data");
        return;
    };
    let (report, predictions) = extract::run(&dir).expect("dev benchmark reads");
    let mut worst: Vec<_> = report.per_document.iter().collect();
    worst.sort_by(|a, b| {
        let f = |s: &extract::DocScore| s.tp;
        f(a.1).total_cmp(&f(b.1))
    });
    for (id, s) in worst.iter().take(12) {
        eprintln!("{:.8}  tp {:.3} fp {:.3} fn {:.3}", id, s.tp, s.fp, s.fn_);
    }
    for (id, e) in &report.failures {
        eprintln!("failed {id:.8}: {e}");
    }
    eprintln!(
        "dev pages: {}  precision {:.4}  recall {:.4}  F1 {:.4}  {:.0} pages/s  {:.1} MB/s",
        report.documents,
        report.precision,
        report.recall,
        report.f1,
        report.pages_per_sec,
        report.mb_per_sec
    );
    if let Ok(out) = std::env::var("NEWSGRAPH_EXTRACT_PREDICTIONS") {
        extract::write_predictions(std::path::Path::new(&out), &predictions)
            .expect("predictions written");
    }
    assert_eq!(report.documents, 45);
    assert!(report.f1 > 0.90, "dev F1 {:.4} fell below 0.90", report.f1);
}
