//! Throughput of `clean_scraped` on the BBC News corpus (2,225 plain-text articles in
//! /work/shared/data/news/bbc). Ignored by default; run in release mode:
//!
//! ```text
//! cargo test --release -p newsgraph-ingest --test clean_speed -- --ignored --nocapture
//! ```

use newsgraph_ingest::clean::clean_scraped;
use std::path::Path;
use std::time::Instant;

const CORPUS: &str = "/work/shared/data/news/bbc";

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            // A few BBC files are not UTF-8; they are skipped here (decoding is read's job).
            if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(s);
            }
        }
    }
}

#[test]
#[ignore]
fn clean_throughput_on_bbc() {
    let mut docs = Vec::new();
    collect(Path::new(CORPUS), &mut docs);
    if docs.is_empty() {
        eprintln!("skipping: no corpus at {CORPUS}");
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut titled = 0;
    for d in &docs {
        titled += usize::from(clean_scraped(d).title.is_some());
    }
    let rounds = 20;
    let start = Instant::now();
    let mut sink = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            sink += clean_scraped(d).body.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mbps = (bytes * rounds) as f64 / secs / 1e6;
    eprintln!(
        "clean_scraped: {} docs, {:.1} MB x {rounds} in {secs:.2}s = {mbps:.0} MB/s; {titled} with a title (sink {sink})",
        docs.len(),
        bytes as f64 / 1e6
    );
    assert!(
        titled * 10 >= docs.len() * 9,
        "titles on only {titled} docs"
    );
}
