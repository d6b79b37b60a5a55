//! Tagging throughput in tokens per second on the CoNLL-2003 development set.
//!
//! Run: `cargo bench -p newsgraph-ner --bench tag`. Reads
//! `../shared/data/conll2003/dev.txt` (or `$NEWSGRAPH_NER_BENCH_FILE`); when absent,
//! tags a generated news-like text instead.

use newsgraph_ner::{conll, Tagger};
use std::hint::black_box;
use std::time::Instant;

/// CPU time of this thread in seconds (Linux), so the figure holds on a shared machine.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let path = std::env::var("NEWSGRAPH_NER_BENCH_FILE").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/conll2003/dev.txt"
        )
        .into()
    });
    // Sentences, and where each document starts.
    let (sentences, starts): (Vec<Vec<String>>, Vec<bool>) = match std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| conll::parse(&t).ok())
    {
        Some(s) => {
            println!("input: {path}");
            s.into_iter()
                .map(|s| (s.tokens, s.doc_start.is_some()))
                .unzip()
        }
        None => {
            println!("input: generated text ({path} not found)");
            let s = "Israeli Prime Minister Benjamin Netanyahu met Omani officials in Muscat on \
                     Tuesday , Reuters reported , before flying to Washington for talks with \
                     U.S. President Donald Trump .";
            (0..3000)
                .map(|k| (s.split(' ').map(String::from).collect(), k % 10 == 0))
                .unzip()
        }
    };
    let tagger = match Tagger::builtin() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return;
        }
    };
    let refs: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let ntok: usize = refs.iter().map(Vec::len).sum();
    let mut docs: Vec<Vec<&[&str]>> = Vec::new();
    for (s, &start) in refs.iter().zip(&starts) {
        if start || docs.is_empty() {
            docs.push(Vec::new());
        }
        if let Some(d) = docs.last_mut() {
            d.push(s.as_slice());
        }
    }
    measure("tag (sentences)", ntok, refs.len(), || {
        refs.iter()
            .map(|s| count(&black_box(tagger.tag(black_box(s)))))
            .sum()
    });
    measure("tag_document", ntok, refs.len(), || {
        docs.iter()
            .map(|d| {
                black_box(tagger.tag_document(black_box(d), &newsgraph_ner::NoGazetteer))
                    .iter()
                    .map(|s| count(s))
                    .sum::<usize>()
            })
            .sum()
    });
}

fn count(tags: &[newsgraph_ner::Tag]) -> usize {
    tags.iter()
        .filter(|t| matches!(t, newsgraph_ner::Tag::B(_)))
        .count()
}

fn measure(name: &str, ntok: usize, nsent: usize, f: impl Fn() -> usize) {
    let (mut best_wall, mut best_cpu) = (f64::MAX, f64::MAX);
    let mut names = 0;
    for _ in 0..7 {
        let c0 = thread_cpu();
        let t = Instant::now();
        names = f();
        best_wall = best_wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let cpu = if best_cpu < f64::MAX {
        format!("{:>10.0} tokens/s of CPU time", ntok as f64 / best_cpu)
    } else {
        "CPU time n/a".into()
    };
    println!(
        "{name:<16} {:>10.0} tokens/s wall   {cpu}   ({ntok} tokens, {nsent} sentences, {names} names, one thread)",
        ntok as f64 / best_wall
    );
}
