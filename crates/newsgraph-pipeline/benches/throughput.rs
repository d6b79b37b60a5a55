//! Throughput of the first stages (read + clean + segment), in articles/s and MB/s,
//! on one core.
//!
//! Run: `cargo bench -p newsgraph-pipeline --bench throughput` (add `-- --quick` for a
//! smaller generated corpus). Corpora: the BBC News and Reuters-21578 collections in
//! `../shared/data/news` (skipped when absent) and a generated corpus of 100,000
//! articles in the style of the seeds (always, unless filtered out as below). Inputs are held in memory, so the
//! figures measure newsgraph, not the disk: each document is read through
//! `read_raw_stream` from a shared in-memory buffer (no copy before reading; reading
//! copies it once, as reading a file does). MB are 10^6 bytes of input. Other
//! arguments that do not start with `--` keep only the corpora whose name contains one
//! of them (case-insensitive), e.g. `-- --quick reuters`.
//!
//! Stages timed separately: *read+clean* (format sniffing, decoding, metadata, chrome,
//! content id), *segment* (sentences and tokens of the clean body), *fingerprint* (the
//! near-duplicate SimHash of the clean body), and *all* (the three in one pass per
//! article: what `ingest` does per article before storing).

use newsgraph_ingest::read::{self, RawArticle, ReadOptions};
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// One input document, shared so that reading it needs no copy up front.
type Doc = Arc<[u8]>;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(|a| a.to_lowercase())
        .collect();
    let wanted =
        |name: &str| filters.is_empty() || filters.iter().any(|f| name.to_lowercase().contains(f));
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news");
    let mut corpora: Vec<(String, Vec<Doc>)> = Vec::new();
    if wanted("BBC News") {
        match bbc(&data.join("bbc")) {
            Some(docs) => corpora.push(("BBC News (2,225 files)".into(), shared(docs))),
            None => eprintln!("skipping BBC: {} not found", data.join("bbc").display()),
        }
    }
    if wanted("Reuters-21578") {
        match reuters(&data.join("reuters21578")) {
            Some(docs) => corpora.push(("Reuters-21578".into(), shared(docs))),
            None => eprintln!("skipping Reuters-21578: not found under {}", data.display()),
        }
    }
    let n = if quick { 10_000 } else { 100_000 };
    let name = format!("generated ({n} articles)");
    if wanted(&name) {
        corpora.push((name, shared(generated(n))));
    }

    println!(
        "{:<26} {:>9} {:>9} | {:>22} | {:>22} | {:>22} | {:>22}",
        "corpus", "articles", "MB", "read+clean", "segment", "fingerprint", "all"
    );
    for (name, docs) in &corpora {
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        let mb = bytes as f64 / 1e6;
        // Warm up once (page cache, allocator), then time.
        let _ = read_clean(&docs[..docs.len().min(200)]);
        let (t_read, articles) = timed(|| read_clean(docs));
        let (t_seg, tokens) = timed(|| segment(&articles));
        let (t_fp, fps) = timed(|| fingerprints(&articles));
        let (t_all, _) = timed(|| all(docs));
        let fmt = |secs: f64| {
            format!(
                "{:>8.0} a/s {:>6.1} MB/s",
                docs.len() as f64 / secs,
                mb / secs
            )
        };
        println!(
            "{:<26} {:>9} {:>9.1} | {} | {} | {} | {}",
            name,
            docs.len(),
            mb,
            fmt(t_read),
            fmt(t_seg),
            fmt(t_fp),
            fmt(t_all)
        );
        std::hint::black_box((tokens, fps));
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed().as_secs_f64(), out)
}

fn shared(docs: Vec<Vec<u8>>) -> Vec<Doc> {
    docs.into_iter().map(Doc::from).collect()
}

fn raw_articles(doc: &Doc, opts: &ReadOptions) -> Vec<RawArticle> {
    read::read_raw_stream("bench", Cursor::new(Arc::clone(doc)), opts)
        .map(|raws| raws.filter_map(Result::ok).collect())
        .unwrap_or_default()
}

fn read_clean(docs: &[Doc]) -> Vec<String> {
    let opts = ReadOptions::default();
    let mut bodies = Vec::with_capacity(docs.len());
    for doc in docs {
        for raw in raw_articles(doc, &opts) {
            if let Ok(read) = read::build_article(raw, &opts) {
                bodies.push(read.article.body);
            }
        }
    }
    bodies
}

fn segment(bodies: &[String]) -> usize {
    bodies
        .iter()
        .map(|b| newsgraph_segment::segment(b).1.len())
        .sum()
}

fn fingerprints(bodies: &[String]) -> u64 {
    bodies
        .iter()
        .map(|b| newsgraph_ingest::dedup::fingerprint(b))
        .fold(0, |acc, fp| acc ^ fp)
}

fn all(docs: &[Doc]) -> usize {
    let opts = ReadOptions::default();
    let mut n = 0;
    for doc in docs {
        for raw in raw_articles(doc, &opts) {
            if let Ok(read) = read::build_article(raw, &opts) {
                let (sentences, tokens) = newsgraph_segment::segment(&read.article.body);
                let fingerprint = newsgraph_ingest::dedup::fingerprint(&read.article.body);
                n += tokens.len() + sentences.len() + (fingerprint & 1) as usize;
            }
        }
    }
    n
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

/// Reuters-21578 SGML to scraped-text documents: date line, title line, body.
fn reuters(dir: &Path) -> Option<Vec<Vec<u8>>> {
    let mut docs = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    for file in files {
        let bytes = std::fs::read(&file).ok()?;
        let text = String::from_utf8_lossy(&bytes);
        for record in text.split("</REUTERS>") {
            let body = between(record, "<BODY>", "</BODY>");
            let Some(body) = body else { continue };
            let title = between(record, "<TITLE>", "</TITLE>").unwrap_or("");
            let date = between(record, "<DATE>", "</DATE>").unwrap_or("");
            let date = date.split('.').next().unwrap_or("");
            let doc = format!(
                "{}\n{}\n{}",
                date.trim(),
                unescape(title.trim()),
                unescape(body.trim_end_matches("Reuter\n&#3;").trim())
            );
            docs.push(doc.into_bytes());
        }
    }
    (!docs.is_empty()).then_some(docs)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&#3;", "")
}

/// A deterministic generated corpus in the style of the seeds: date line, section,
/// headline, paragraphs of news-like sentences (abbreviations, figures, quotes), chrome.
fn generated(n: usize) -> Vec<Vec<u8>> {
    const SUBJECTS: &[&str] = &[
        "U.S. President Donald Trump",
        "Israeli Prime Minister Benjamin Netanyahu",
        "The U.N. Security Council",
        "Iran's foreign ministry",
        "Gen. Michael Kurilla",
        "A senior E.U. official",
        "Oman's foreign minister",
        "Dr. Amal Haddad, a spokeswoman,",
    ];
    const VERBS: &[&str] = &[
        "said on Tuesday that",
        "warned that",
        "told reporters in Washington that",
        "confirmed to Axios that",
        "said in a statement that",
    ];
    const CLAUSES: &[&str] = &[
        "talks would resume in Muscat next week",
        "more than 71,000 people had been killed since October 2023",
        "the programme would cost around $70 billion over 10 years",
        "the ceasefire was holding \"for now\"",
        "inflation had eased to 3.5% in the year to March",
        "No. 10 had not been consulted (officials declined to comment)",
        "sanctions on 12 companies would take effect at 9 a.m. on Feb. 4",
        "the strikes hit three sites—Fordow, Natanz and Isfahan—overnight",
    ];
    const CHROME: &[&str] = &[
        "Share this article",
        "Advertisement",
        "Read more: Markets close lower as oil climbs",
        "Follow us on X and Telegram",
    ];
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |k: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % k as u64) as usize
    };
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    (0..n)
        .map(|i| {
            let mut doc = format!(
                "{:02} {} 2026 {:02}:{:02} PM\nNEWS DESK\nStory {i}: talks continue as pressure mounts\n",
                1 + next(28),
                months[next(12)],
                next(24),
                next(60)
            );
            for p in 0..(3 + next(5)) {
                for _ in 0..(2 + next(4)) {
                    doc.push_str(SUBJECTS[next(SUBJECTS.len())]);
                    doc.push(' ');
                    doc.push_str(VERBS[next(VERBS.len())]);
                    doc.push(' ');
                    doc.push_str(CLAUSES[next(CLAUSES.len())]);
                    doc.push_str(". ");
                }
                doc.push('\n');
                if p == 1 {
                    doc.push_str(CHROME[next(CHROME.len())]);
                    doc.push('\n');
                }
            }
            doc.push_str("Comments Here:");
            doc.into_bytes()
        })
        .collect()
}
