//! Throughput of time-expression extraction in MB/s of text, on one core.
//!
//! Run: `cargo bench -p newsgraph-time --bench time`. Reads the BBC News corpus from
//! `../shared/data/news/bbc/**/*.txt` (or `$NEWSGRAPH_BENCH_DIR`) when present, else
//! generates news-like text. Sentences are split beforehand (the pipeline has them
//! already); the figure is for `extract` alone, with a document date.

use newsgraph_time::{extract, Dct};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
}

fn generated() -> Vec<String> {
    let para = "The two port authorities met on Tuesday for the first time since March 2024, \
                officials said. Negotiators spent three hours on the tariff question and will \
                report back by the end of the month. A similar round collapsed two years ago; \
                late last year the operator warned it would cut sailings every Sunday. Profit \
                rose 4% to $71,000 in the third quarter from a year earlier.\n";
    (0..2000)
        .map(|k| format!("Headline number {k}\n{}", para.repeat(8)))
        .collect()
}

/// CPU time of this thread in seconds (Linux `schedstat`), so the figure holds on a
/// machine shared with other jobs; `None` elsewhere.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let dir = std::env::var_os("NEWSGRAPH_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc")
        });
    let mut docs = Vec::new();
    collect(&dir, &mut docs);
    let source = if docs.is_empty() {
        docs = generated();
        "generated text".to_string()
    } else {
        format!("{} ({} files)", dir.display(), docs.len())
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let sents: Vec<_> = docs
        .iter()
        .map(|d| newsgraph_segment::sentences(d))
        .collect();
    let dct = Dct::parse("2005-03-01").ok();
    let mut best_wall = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut found = 0;
    for _ in 0..15 {
        let c0 = thread_cpu();
        let t = Instant::now();
        found = 0;
        for (d, s) in docs.iter().zip(&sents) {
            found += extract(black_box(d), black_box(s), dct).len();
        }
        best_wall = best_wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!("input: {source}, {mb:.1} MB, {found} time expressions");
    println!("extract: {:.1} MB/s wall (best of 15)", mb / best_wall);
    if best_cpu < f64::MAX && best_cpu > 0.0 {
        println!("extract: {:.1} MB/s CPU time of the thread", mb / best_cpu);
    }
}
