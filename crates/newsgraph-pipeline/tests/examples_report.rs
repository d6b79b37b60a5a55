//! Snapshot of what the per-article stages produce for the example articles: the
//! report contract (articles with metadata and clean body, sentences), as `newsgraph
//! analyze --json` prints it. A change in cleaning, segmentation or ids shows up here
//! as a reviewable diff (`cargo insta review`).

use newsgraph_ingest::read::{read_paths, ReadOptions};
use newsgraph_model::Report;

fn examples_report() -> Report {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let mut articles = Vec::new();
    for read in read_paths(&[dir], &ReadOptions::default()) {
        let mut article = read.expect("example articles read cleanly").article;
        // Paths depend on where the repository is checked out.
        article.path = article
            .path
            .map(|p| p.rsplit('/').next().unwrap_or_default().to_string());
        articles.push(article);
    }
    let analyses = newsgraph_pipeline::dedup_in_memory(newsgraph_pipeline::analyze_all(articles));
    newsgraph_pipeline::report(&analyses)
}

#[test]
fn example_articles_report() {
    let report = examples_report();
    assert_eq!(report.articles.len(), 11, "one exact duplicate left out");
    insta::assert_json_snapshot!(report);
}

#[test]
fn example_sentences_as_text() {
    // The same sentences, readable: one line per sentence, per article.
    let report = examples_report();
    let mut out = String::new();
    for a in &report.articles {
        out.push_str(&format!("## {}\n", a.path.as_deref().unwrap_or("")));
        for s in report.sentences.iter().filter(|s| s.article == a.id) {
            out.push_str(&format!("{:>2} {}\n", s.index, &a.body[s.start..s.end]));
        }
    }
    insta::assert_snapshot!(out);
}
