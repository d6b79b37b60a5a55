//! Hand-written fixture articles for the store tests (short, invented news texts).

#![allow(dead_code)]

use newsgraph_model::{Article, DateBounds, InputFormat, Sentence};
use newsgraph_store::StoredArticle;

/// Sentences of `body`, split after ". " (good enough for fixtures).
pub fn sentences(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices(". ") {
        out.push(Sentence {
            index: out.len(),
            start,
            end: i + 1,
        });
        start = i + 2;
    }
    if start < body.len() {
        out.push(Sentence {
            index: out.len(),
            start,
            end: body.len(),
        });
    }
    out
}

/// An article with the given fields and defaults for the rest.
pub fn article(
    id: &str,
    source: &str,
    published: Option<&str>,
    title: &str,
    body: &str,
    fingerprint: u64,
) -> StoredArticle {
    StoredArticle {
        article: Article {
            id: id.into(),
            source: source.into(),
            published: published.map(str::to_string),
            title: title.into(),
            body: body.into(),
            ..Article::default()
        },
        sentences: sentences(body),
        fingerprint,
        ingested_at: None,
    }
}

/// An article using every field of [`Article`], for round trips.
pub fn full_article() -> StoredArticle {
    let body = "Iranian President Masoud Pezeshkian said any aggression would be met with a \
                \"strong response\". Officials in Tehran declined to comment further.";
    let mut metadata = serde_json::Map::new();
    metadata.insert("encoding".into(), serde_json::json!("windows-1252"));
    metadata.insert("tags".into(), serde_json::json!(["iran", "diplomacy"]));
    StoredArticle {
        article: Article {
            id: "f00dfeed00000000000000000000000000000000000000000000000000000001".into(),
            path: Some("inbox/pezeshkian.txt".into()),
            url: Some("https://news.example/iran/pezeshkian".into()),
            source: "Caliber.Az".into(),
            via: vec!["Axios".into(), "Reuters".into()],
            title: "Pezeshkian warns of a strong response".into(),
            subtitle: Some("Tehran answers reports of planned strikes".into()),
            byline: Some("Aghakazim Guliyev".into()),
            section: Some("NEWS DESK".into()),
            published: None,
            published_bounds: Some(DateBounds {
                from: Some("2025-12-01".into()),
                to: Some("2026-01-02".into()),
                reasons: vec!["mentions \"late last month\"".into()],
            }),
            language: Some("en".into()),
            body: body.into(),
            duplicate_of: Some("0123456789abcdef".into()),
            format: Some(InputFormat::Text),
            metadata,
        },
        sentences: sentences(body),
        fingerprint: 0xfedc_ba98_7654_3210,
        ingested_at: None,
    }
}

/// A small corpus for search tests: (id, source, published, title, body).
pub const CORPUS: &[(&str, &str, Option<&str>, &str, &str)] = &[
    (
        "aaaa000000000001",
        "Caliber.Az",
        Some("2026-01-01T09:30:00Z"),
        "Trump and Netanyahu in crunch talks on Iran",
        "The two leaders met in Florida to discuss a possible strike on Iranian nuclear \
         sites. Aides said the talks ran late into the night, and no statement followed.",
    ),
    (
        "aaaa000000000002",
        "Wire One",
        Some("2026-01-05"),
        "Gaza death toll passes 71,000",
        "More than 71,000 people have been killed in Gaza since October 2023, local health \
         officials said. The death toll rose by 40 over the weekend. Netanyahu's office \
         did not respond.",
    ),
    (
        "bbbb000000000003",
        "Wire One",
        Some("2025-06-22"),
        "Strikes hit Fordow, Natanz and Isfahan",
        "United States aircraft struck three nuclear facilities overnight. Officials \
         described the damage as severe. The toll of the strikes on personnel was not \
         known, and no death was reported.",
    ),
    (
        "cccc000000000004",
        "Le Quotidien",
        None,
        "Un café à Zürich",
        "Les négociations se poursuivent à Zürich, où les délégations se retrouvent au \
         café de la gare chaque matin.",
    ),
    (
        "dddd000000000005",
        "Caliber.Az",
        Some("2025-12-15"),
        "Markets steady as oil prices ease",
        "Oil prices fell for a third day as traders weighed supply forecasts. Analysts \
         expect a quiet week.",
    ),
];

/// The corpus as stored articles (fingerprints far apart).
pub fn corpus() -> Vec<StoredArticle> {
    CORPUS
        .iter()
        .enumerate()
        .map(|(i, (id, source, published, title, body))| {
            let fp = 0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1);
            article(id, source, *published, title, body, fp)
        })
        .collect()
}
