//! Throughput of the segmenter in MB/s of plain text.
//!
//! Run: `cargo bench -p newsgraph-segment --bench segment`. Reads the BBC News corpus
//! from `../shared/data/news/bbc/**/*.txt` (or `$NEWSGRAPH_BENCH_DIR`) when present,
//! else generates news-like text.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
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
    let para = "Israeli Prime Minister Benjamin Netanyahu met U.S. President Donald Trump on \
                Jan. 5 in Washington. Officials said the talks (which ran late. Very late.) \
                covered Iran’s nuclear sites—Fordow, Natanz, and Isfahan—and a $70 billion \
                plan. “This is great.” She left at 9 a.m. Monday... More than 71,000 people \
                have been killed, the U.N. said. Why? Nobody knows!\n";
    (0..2000)
        .map(|k| format!("Headline number {k}\nNEWS DESK\n{}", para.repeat(8)))
        .collect()
}

/// CPU time of this thread in seconds (Linux `schedstat`, nanosecond precision), so
/// the figure holds on a machine shared with other jobs; `None` elsewhere.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn measure(name: &str, docs: &[String], bytes: usize, f: impl Fn(&str) -> usize) {
    let mut best_wall = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut count = 0;
    for _ in 0..25 {
        let c0 = thread_cpu();
        let t = Instant::now();
        count = 0;
        for d in docs {
            count += f(black_box(d));
        }
        best_wall = best_wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mbs = |secs: f64| bytes as f64 / secs / 1e6;
    let cpu = if best_cpu < f64::MAX {
        format!("{:>8.1} MB/s of CPU time", mbs(best_cpu))
    } else {
        "CPU time n/a".to_string()
    };
    println!(
        "{name:<18} {:>8.1} MB/s wall   {cpu}   ({count} items)",
        mbs(best_wall)
    );
}

fn main() {
    let dir = std::env::var("NEWSGRAPH_BENCH_DIR").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/news/bbc").into()
    });
    let mut docs = Vec::new();
    collect(Path::new(&dir), &mut docs);
    let source = if docs.is_empty() {
        docs = generated();
        "generated text".to_string()
    } else {
        dir
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {source}: {} docs, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    measure("sentences", &docs, bytes, |d| {
        newsgraph_segment::sentences(d).len()
    });
    measure("sentences+tokens", &docs, bytes, |d| {
        newsgraph_segment::segment(d).1.len()
    });
}
