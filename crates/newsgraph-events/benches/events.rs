//! Throughput of the whole per-article chain up to *relate* (read + clean → segment →
//! time → link → events) on one core, in articles/s.
//!
//! Run: `cargo bench -p newsgraph-events --bench events` (`-- --quick` for fewer
//! articles). Corpora: generated wire-style articles of about 600 words (always) and
//! the BBC News collection in `../shared/data/news/bbc` when present. Inputs are held
//! in memory; each is read with `read_raw_stream` + `build_article` as `ingest` does.

use newsgraph_ingest::read::{self, ReadOptions};
use std::io::Cursor;
use std::path::Path;
use std::time::Instant;

/// Sentences in the style of wire news, written for this bench, combined at random.
const PARTS: &[&str] = &[
    "Russia launched a massive drone attack on Kyiv overnight, Ukrainian officials said.",
    "French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin on Monday.",
    "The European Union imposed new sanctions on Russia over the war in Ukraine.",
    "Iran is considering a new round of talks with the United States, diplomats said.",
    "Israel struck Hezbollah targets in southern Lebanon on Tuesday.",
    "The United Nations estimates that more than 12,000 people have been displaced since March.",
    "Turkish President Recep Tayyip Erdogan is expected to visit Qatar next week.",
    "China accused the United States of interfering in its internal affairs.",
    "If the talks fail, Washington could impose tariffs on steel imports from Mexico.",
    "Thousands of protesters rallied against the government in Belgrade on Saturday.",
    "The Kremlin denied that Russian troops had crossed the border into Estonia.",
    "Oil prices rose by two percent on Monday after the announcement in Riyadh.",
    "Secretary of State Marco Rubio urged Hamas to accept the proposal put forward by Egypt.",
    "Japan and Australia conducted joint naval exercises in the South China Sea.",
    "The Houthis fired missiles at Israel, the Israeli military said.",
    "Analysts said the outcome of the election in Chile remains uncertain.",
];

fn generated(n: usize) -> Vec<Vec<u8>> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|i| {
            let mut s = format!(
                "{} January 2026 10:00 AM\nHeadline number {i}\n",
                1 + i % 28
            );
            let mut words = 0;
            while words < 600 {
                let p = PARTS[(next() % PARTS.len() as u64) as usize];
                words += p.split_whitespace().count();
                s.push_str(p);
                s.push(if next() % 4 == 0 { '\n' } else { ' ' });
            }
            s.into_bytes()
        })
        .collect()
}

fn bbc(dir: &Path) -> Option<Vec<Vec<u8>>> {
    let mut files = Vec::new();
    for section in std::fs::read_dir(dir).ok()? {
        let section = section.ok()?.path();
        if section.is_dir() {
            for f in std::fs::read_dir(&section).ok()? {
                let f = f.ok()?.path();
                if f.extension().is_some_and(|e| e == "txt") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    let docs: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    (!docs.is_empty()).then_some(docs)
}

/// Runs the chain on every document; returns (articles, words, events).
fn chain(docs: &[Vec<u8>]) -> (usize, usize, usize) {
    let opts = ReadOptions::default();
    let (mut n, mut words, mut events) = (0, 0, 0);
    for doc in docs {
        let Ok(raws) = read::read_raw_stream("bench", Cursor::new(doc.clone()), &opts) else {
            continue;
        };
        for raw in raws.flatten() {
            let Ok(read) = read::build_article(raw, &opts) else {
                continue;
            };
            let a = newsgraph_pipeline::analyze(read.article);
            let ev = newsgraph_events::extract_events(
                &a.article,
                &a.sentences,
                &a.links.mentions,
                &a.timexes,
            );
            n += 1;
            words += a.article.body.split_whitespace().count();
            events += ev.len();
        }
    }
    (n, words, events)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let mut corpora = vec![(
        "generated (600 words)".to_string(),
        generated(if quick { 300 } else { 3000 }),
    )];
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc");
    match bbc(&data) {
        Some(d) => corpora.push(("BBC News".to_string(), d)),
        None => eprintln!("BBC News absent ({}): skipped", data.display()),
    }
    // warm up the linker (KB, automaton, tagger) outside the timing
    let _ = chain(&corpora[0].1[..1]);
    for (name, docs) in &corpora {
        let t = Instant::now();
        let (n, words, events) = chain(docs);
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name}: {n} articles, {:.0} words/article, {events} events: {:.0} articles/s ({:.0} words/s) on one core, read → relate",
            words as f64 / n.max(1) as f64,
            n as f64 / s,
            words as f64 / s
        );
        // the events stage alone, on analyses made beforehand
        let opts = ReadOptions::default();
        let analyses: Vec<_> = docs
            .iter()
            .filter_map(|d| read::read_raw_stream("bench", Cursor::new(d.clone()), &opts).ok())
            .flat_map(|raws| raws.flatten().collect::<Vec<_>>())
            .filter_map(|raw| read::build_article(raw, &opts).ok())
            .map(|r| newsgraph_pipeline::analyze(r.article))
            .collect();
        let t = Instant::now();
        let mut k = 0;
        for a in &analyses {
            k += newsgraph_events::extract_events(
                &a.article,
                &a.sentences,
                &a.links.mentions,
                &a.timexes,
            )
            .len();
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name}: events stage alone: {:.0} articles/s ({k} events)",
            analyses.len() as f64 / s
        );
    }
}
