//! Throughput of the gazetteer matcher (`Gazetteer::scan`: names and titles) in MB/s.
//!
//! Run: `cargo bench -p newsgraph-kb --bench gazetteer`. Reads the BBC News corpus from
//! `../shared/data/news/bbc/**/*.txt` (or `$NEWSGRAPH_BENCH_DIR`); skips when absent.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsgraph_kb::Kb;

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

/// CPU time of this thread in seconds (Linux `schedstat`), so the figure holds on a
/// machine shared with other jobs; `None` elsewhere.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let dir = std::env::var_os("NEWSGRAPH_BENCH_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc"),
        PathBuf::from,
    );
    let mut docs = Vec::new();
    collect(&dir, &mut docs);
    if docs.is_empty() {
        println!("skipping: no text under {}", dir.display());
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let t = Instant::now();
    let kb = Kb::builtin();
    let g = kb.gazetteer();
    println!(
        "built-in KB + automaton: {:.0} ms ({} patterns)",
        t.elapsed().as_secs_f64() * 1e3,
        g.pattern_count()
    );
    let mut best_wall = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut names = 0;
    let mut titles = 0;
    for _ in 0..10 {
        let c0 = thread_cpu();
        let t = Instant::now();
        names = 0;
        titles = 0;
        for d in &docs {
            let s = g.scan(black_box(d));
            names += s.names.len();
            titles += s.titles.len();
        }
        best_wall = best_wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "gazetteer scan: {} docs, {:.1} MB, {names} names, {titles} titles: {:.1} MB/s wall, {:.1} MB/s cpu (best of 10)",
        docs.len(),
        mb,
        mb / best_wall,
        if best_cpu < f64::MAX { mb / best_cpu } else { f64::NAN },
    );
}
