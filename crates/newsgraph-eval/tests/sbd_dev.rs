//! Runs the sentence splitter over the project's own dev set `data/eval/sbd-dev.jsonl`,
//! prints the figures and the failures, and guards against regressions.
//!
//! `cargo test -p newsgraph-eval --test sbd_dev -- --nocapture` shows the figures.

use newsgraph_eval::sbd;

#[test]
fn dev_set_figures() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/eval/sbd-dev.jsonl");
    let Ok(content) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let report = match sbd::evaluate_jsonl(&content) {
        Ok(r) => r,
        Err(e) => panic!("{path}: {e}"),
    };
    for r in report.failures() {
        println!("FAIL line {}: {:?}", r.line, r.text);
        println!("  gold: {:?}", r.gold);
        println!("  pred: {:?}", r.predicted);
    }
    println!(
        "sbd-dev: {} cases, exact {} ({:.1}%), boundaries P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}), unaligned {}",
        report.cases,
        report.exact,
        100.0 * report.exact_rate,
        report.precision,
        report.recall,
        report.f1,
        report.true_positives,
        report.false_positives,
        report.false_negatives,
        report.unaligned,
    );
    assert_eq!(
        report.unaligned, 0,
        "gold sentences must be substrings of their text"
    );
    assert!(report.f1 >= 0.95, "boundary F1 regressed: {:.3}", report.f1);
    assert!(
        report.exact_rate >= 0.90,
        "exact match regressed: {:.3}",
        report.exact_rate
    );
}
