//! Throughput of quote, attribution and quantity extraction ([`newsgraph_claims::extract`])
//! in MB/s on one core, after segmentation, linking and time (which are not timed).
//!
//! Run: `cargo bench -p newsgraph-claims --bench claims`. Corpus: the BBC News
//! collection in `../shared/data/news/bbc` when present (plus, always, a generated
//! corpus of wire-style paragraphs written for this bench). MB are 10^6 bytes of
//! clean body.

use std::path::Path;
use std::time::Instant;

use newsgraph_model::{Article, Sentence};
use newsgraph_time::TimexFound;

struct Prepared {
    article: Article,
    sentences: Vec<Sentence>,
    mentions: Vec<newsgraph_link::LinkedMention>,
    timexes: Vec<TimexFound>,
}

fn prepare(bodies: Vec<String>) -> Vec<Prepared> {
    let linker = newsgraph_link::Linker::builtin();
    let dct = newsgraph_time::Dct::parse("2026-01-01").ok();
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let article = Article {
                id: format!("a{i}"),
                body,
                published: Some("2026-01-01".into()),
                ..Default::default()
            };
            let sentences = newsgraph_segment::sentences(&article.body);
            let mentions = linker.link(&article, &sentences).mentions;
            let timexes = newsgraph_time::extract(&article.body, &sentences, dct);
            Prepared {
                article,
                sentences,
                mentions,
                timexes,
            }
        })
        .collect()
}

fn bbc(dir: &Path) -> Option<Vec<String>> {
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
    let docs: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    (!docs.is_empty()).then_some(docs)
}

fn generated(n: usize) -> Vec<String> {
    const PARAS: &[&str] = &[
        "More than 3,400 people have been killed and over 9,100 injured in Sudan since April 2023, according to local officials.",
        "“We will not accept this,” Emmanuel Macron said on Tuesday, “and we will say so.”",
        "The United Nations estimates that repairs will require around $12 billion over a decade.",
        "A senior U.S. official confirmed to Reuters that two million litres of fuel had arrived.",
        "Vladimir Putin warned that any move would be met with a “firm answer,” while aides urged calm.",
        "The Kremlin declined to comment. State media reported that at least 40 were arrested.",
        "Roughly 1.5 million people were displaced, and hundreds of thousands more fled to the coast.",
        "Inflation hit 3.5% in March as exports fell by 2 percent to 40,000 barrels a day.",
    ];
    (0..n)
        .map(|i| {
            (0..12)
                .map(|k| PARAS[(i * 7 + k * 3) % PARAS.len()])
                .collect::<Vec<_>>()
                .join(if i % 2 == 0 { " " } else { "\n" })
        })
        .collect()
}

fn time(name: &str, docs: &[Prepared]) {
    let bytes: usize = docs.iter().map(|d| d.article.body.len()).sum();
    // Warm up once, then take the best of three.
    let mut best = f64::MAX;
    let mut found = (0, 0, 0);
    for _ in 0..4 {
        let t = Instant::now();
        let mut n = (0, 0, 0);
        for d in docs {
            let c = newsgraph_claims::extract(&d.article, &d.sentences, &d.mentions, &d.timexes);
            n.0 += c.quotes.len();
            n.1 += c.attributions.len();
            n.2 += c.quantities.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
        found = n;
    }
    println!(
        "{name:<28} {:>7} articles {:>8.2} MB {:>9.1} MB/s {:>10.0} articles/s | quotes {} attributions {} quantities {}",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        docs.len() as f64 / best,
        found.0,
        found.1,
        found.2
    );
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc");
    match bbc(&data) {
        Some(docs) => time("BBC News", &prepare(docs)),
        None => eprintln!("skipping BBC: {} not found", data.display()),
    }
    time("generated", &prepare(generated(2_000)));
}
