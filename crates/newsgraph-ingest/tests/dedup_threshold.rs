//! The measurement behind `NEAR_DUPLICATE_MAX_DISTANCE`.
//!
//! Same-article pairs: each base article against edited copies of itself (a changed
//! sentence, two changed sentences, a sentence added, a paragraph removed, page chrome
//! added, reformatting). Unrelated pairs: different BBC News articles, both within one
//! category (same topic, the hard case) and across categories. Bases are two articles
//! written for this test plus, when `../shared/data/news/bbc` is present, the first 60
//! articles of each BBC category.
//!
//! Run `cargo test -p newsgraph-ingest --test dedup_threshold -- --nocapture` to print
//! the distributions. The assertions check that the chosen threshold separates what it
//! must: every reformatting, changed sentence and chrome edit of a full-length
//! article is within it, and unrelated pairs are (almost) never.

use newsgraph_ingest::dedup::{fingerprint, hamming, NEAR_DUPLICATE_MAX_DISTANCE};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const OWN_ARTICLES: [&str; 2] = [
    "The harbour board voted on Tuesday to open a ferry route between the two islands, ending a decade of argument over who should pay for the new landing stages. The vote was seven to two.

Officials said the first crossing would run in the spring, weather permitting. Tickets would cost about the same as the bus fare to the mainland, and children under twelve would travel free. A second boat could be added in the summer if demand was strong.

\u{201C}This is a good day for the islands,\u{201D} the board\u{2019}s chair told reporters after the vote. She said fishermen had been consulted on the timetable, and that the crossings would avoid the early morning hours when the fleet leaves port.

Opponents said the money would have been better spent repairing the old causeway. It has been closed to heavy traffic since a storm damaged it three winters ago, and lorries now take a two-hour detour through the hills. A petition against the ferry gathered more than four thousand signatures.

The board expects about two hundred passengers a day in the first year. It says the route will break even within five years, although an independent review last autumn put the figure closer to eight. The review also warned that fuel prices could rise sharply.

Work on the landing stages is due to start next month. The contractor, a family firm from the mainland, said it would hire local workers where it could. The board will meet again in March to set the final fares.",
    "A regional orchestra has cancelled its autumn season after losing the lease on the concert hall it has used for forty years. The owners plan to turn the building into flats.

Musicians learned of the decision at a rehearsal on Friday. Several said they would look for work abroad if no new venue was found by the end of the year, and two principal players have already accepted offers from other orchestras.

The orchestra's director said the loss was a blow to the whole region. \u{201C}We have played here since before most of our audience was born,\u{201D} he said. He added that talks with a university about using its main lecture theatre had stalled over the cost of insurance.

The city council said it was talking to the hall's owners about a short extension. A spokesman said the council valued the orchestra but could not buy the building, which was valued at several million at its last sale. Local businesses near the hall said they feared losing trade on concert nights.

Ticket holders for the cancelled concerts will be offered refunds or vouchers. The orchestra's education programme in schools, which reaches about three thousand children a year, will continue for now, funded by a charitable trust.

Supporters have started a campaign to find a new home for the orchestra. They plan a free open-air concert in the main square next month to raise awareness and collect donations.",
];

const CHROME_TOP: &str = "NEWS DESK\nShare this article\nFacebook Twitter Email\n";
const CHROME_BOTTOM: &str = "\nComments Here:\nSubscribe to our newsletter for the latest news.\nRead more: Top stories of the day\n\u{a9} 2026 All rights reserved.";
const NEW_SENTENCES: [&str; 2] = [
    "A spokesperson declined to comment further when contacted on Wednesday evening.",
    "Earlier reports had put the figure considerably higher than the one now confirmed.",
];

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Sentences of a paragraph (a rough split, good enough for making edits).
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            out.push(paragraph[start..=i].trim().to_owned());
            start = i + 1;
        }
    }
    if start < paragraph.len() {
        out.push(paragraph[start..].trim().to_owned());
    }
    out
}

fn join(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

/// Replaces the `n`-th sentence (counted over the whole text, skipping the headline
/// paragraph) with `replacement`.
fn replace_sentence(paras: &[String], n: usize, replacement: &str) -> String {
    let mut count = 0;
    let mut out = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let mut ss = sentences(p);
        if pi > 0 {
            for s in ss.iter_mut() {
                if count == n {
                    *s = replacement.to_owned();
                }
                count += 1;
            }
        }
        out.push(ss.join(" "));
    }
    join(&out)
}

fn variants(text: &str) -> Vec<(&'static str, String)> {
    let paras = paragraphs(text);
    let n_sentences: usize = paras.iter().skip(1).map(|p| sentences(p).len()).sum();
    let mut out = vec![
        (
            "reformatted",
            text.replace("\n\n", "\n")
                .replace(". ", ".  ")
                .to_uppercase(),
        ),
        ("chrome added", format!("{CHROME_TOP}{text}{CHROME_BOTTOM}")),
        (
            "sentence changed",
            replace_sentence(&paras, n_sentences / 2, NEW_SENTENCES[0]),
        ),
        ("two sentences changed", {
            let once = replace_sentence(&paras, n_sentences / 3, NEW_SENTENCES[0]);
            replace_sentence(&paragraphs(&once), 2 * n_sentences / 3, NEW_SENTENCES[1])
        }),
        ("sentence added", {
            let mut p = paras.clone();
            let mid = p.len() / 2;
            p.insert(mid, NEW_SENTENCES[1].to_owned());
            join(&p)
        }),
    ];
    if paras.len() > 3 {
        let mut p = paras.clone();
        p.remove(paras.len() / 2);
        out.push(("paragraph removed", join(&p)));
    }
    out
}

fn bbc_root() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/bbc");
    root.is_dir().then_some(root)
}

/// BBC articles by category: the first `per_category` files of each, at least 150 words.
fn bbc_articles(per_category: usize) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let Some(root) = bbc_root() else { return out };
    let mut cats: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    cats.sort();
    for cat in cats {
        let mut files: Vec<_> = std::fs::read_dir(&cat)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .filter_map(|f| std::fs::read(f).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .filter(|t| t.split_whitespace().count() >= 150)
            .take(per_category)
            .collect();
        out.insert(
            cat.file_name().unwrap().to_string_lossy().into_owned(),
            texts,
        );
    }
    out
}

fn summary(ds: &mut [u32]) -> String {
    if ds.is_empty() {
        return "none".into();
    }
    ds.sort_unstable();
    let q = |f: f64| ds[((ds.len() - 1) as f64 * f).round() as usize];
    format!(
        "n={:5} min={:2} p5={:2} p25={:2} median={:2} p75={:2} p95={:2} max={:2}",
        ds.len(),
        ds[0],
        q(0.05),
        q(0.25),
        q(0.5),
        q(0.75),
        q(0.95),
        ds[ds.len() - 1]
    )
}

fn histogram(ds: &[u32]) -> String {
    let mut h = BTreeMap::new();
    for d in ds {
        *h.entry(*d).or_insert(0usize) += 1;
    }
    h.iter()
        .map(|(d, n)| format!("{d}:{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn threshold_separates_edits_from_unrelated_articles() {
    let bbc = bbc_articles(60);
    let mut bases: Vec<String> = OWN_ARTICLES.iter().map(|s| s.to_string()).collect();
    bases.extend(bbc.values().flatten().cloned());

    let mut by_kind: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for base in &bases {
        let fp = fingerprint(base);
        for (kind, variant) in variants(base) {
            by_kind
                .entry(kind)
                .or_default()
                .push(hamming(fp, fingerprint(&variant)));
        }
    }

    let mut same_topic = Vec::new();
    let mut cross_topic = Vec::new();
    let fps: Vec<(String, Vec<u64>)> = bbc
        .iter()
        .map(|(cat, texts)| (cat.clone(), texts.iter().map(|t| fingerprint(t)).collect()))
        .collect();
    for (ci, (_, a)) in fps.iter().enumerate() {
        for i in 0..a.len() {
            for j in i + 1..a.len() {
                same_topic.push(hamming(a[i], a[j]));
            }
        }
        for (_, b) in fps.iter().skip(ci + 1) {
            for x in a {
                for y in b {
                    cross_topic.push(hamming(*x, *y));
                }
            }
        }
    }
    let own = hamming(fingerprint(OWN_ARTICLES[0]), fingerprint(OWN_ARTICLES[1]));

    println!("bases: {} ({} BBC)", bases.len(), bases.len() - 2);
    for (kind, ds) in by_kind.iter_mut() {
        println!("{kind:>22}: {}", summary(ds));
        println!("{:>22}  {}", "", histogram(ds));
    }
    println!(
        "{:>22}: {}",
        "unrelated, same topic",
        summary(&mut same_topic)
    );
    println!("{:>22}  {}", "", histogram(&same_topic));
    println!(
        "{:>22}: {}",
        "unrelated, other topic",
        summary(&mut cross_topic)
    );
    println!("own two articles: {own}");
    let t = NEAR_DUPLICATE_MAX_DISTANCE;
    let rate = |ds: &[u32]| ds.iter().filter(|d| **d <= t).count() as f64 / ds.len().max(1) as f64;
    for (kind, ds) in &by_kind {
        println!("recall at {t} for {kind}: {:.3}", rate(ds));
    }
    println!(
        "false positives at {t}: same topic {:.5}, other topic {:.5}",
        rate(&same_topic),
        rate(&cross_topic)
    );

    assert!(by_kind["reformatted"].iter().all(|d| *d == 0));
    assert!(own > t);
    if !bbc.is_empty() {
        assert!(rate(&by_kind["chrome added"]) >= 0.95);
        assert!(rate(&by_kind["sentence added"]) >= 0.9);
        assert!(rate(&by_kind["sentence changed"]) >= 0.85);
        assert!(rate(&same_topic) <= 0.001);
        assert!(rate(&cross_topic) <= 0.001);
    }
}
