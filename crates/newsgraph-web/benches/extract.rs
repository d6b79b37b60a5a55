//! Extraction throughput on the dev pages of the article-extraction benchmark
//! (`../shared/data/article_extraction_dev`, read from outside the repository).
//!
//! `cargo bench -p newsgraph-web --bench extract` prints pages/s and MB/s on one core
//! (best of several rounds, decompression and file reading excluded). Set
//! `NEWSGRAPH_EXTRACT_DEV` to point at another directory of `*.html[.gz]` pages.

use std::path::PathBuf;
use std::time::Instant;

fn pages() -> Vec<Vec<u8>> {
    let dir = std::env::var_os("NEWSGRAPH_EXTRACT_DEV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/article_extraction_dev")
        });
    let html = if dir.join("html").is_dir() {
        dir.join("html")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(&html) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".htm"))
        .filter_map(|p| std::fs::read(&p).ok())
        .filter_map(|b| newsgraph_web::gunzip_if_needed(b, 64 << 20).ok())
        .collect()
}

fn main() {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("extract bench: no pages found (set NEWSGRAPH_EXTRACT_DEV); skipped");
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let options = newsgraph_web::ExtractOptions::default();
    // Warm-up.
    for p in &pages {
        let _ = newsgraph_web::extract(p, &options);
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let mut chars = 0usize;
        for p in &pages {
            if let Ok(page) = newsgraph_web::extract(p, &options) {
                chars += page.body.len();
            }
        }
        std::hint::black_box(chars);
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "extract: {} pages, {:.1} MB: {:.0} pages/s, {:.1} MB/s (one core, best of 5)",
        pages.len(),
        bytes as f64 / 1e6,
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best
    );
}
