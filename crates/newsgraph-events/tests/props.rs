//! Property tests: extraction never panics and every span lies in the body on char
//! boundaries, on arbitrary text and on shuffled wire-style words.

use newsgraph_events::extract_events;
use newsgraph_model::Article;
use proptest::prelude::*;

fn check(body: String, date: Option<String>) {
    let article = Article {
        id: "p".into(),
        body,
        published: date,
        source: "Test Wire".into(),
        ..Article::default()
    };
    let a = newsgraph_pipeline::analyze(article);
    let events = extract_events(&a.article, &a.sentences, &a.links.mentions, &a.timexes);
    let b = &a.article.body;
    for e in events {
        assert!(e.start <= e.end && e.end <= b.len());
        assert!(b.is_char_boundary(e.start) && b.is_char_boundary(e.end));
        assert!(e.sentence < a.sentences.len());
        assert!((0.0..=1.0).contains(&e.confidence));
        assert!(!e.attributed_to.is_empty());
    }
}

const WORDS: &[&str] = &[
    "Israel",
    "Iran",
    "the",
    "United",
    "States",
    "and",
    ",",
    "alongside",
    "struck",
    "strikes",
    "on",
    "against",
    "talks",
    "with",
    "was",
    "by",
    "if",
    "would",
    "could",
    "not",
    "denied",
    "that",
    "warned",
    "any",
    "attack",
    "said",
    "according",
    "to",
    "Reuters",
    "—",
    "Fordow",
    "in",
    "Tehran",
    "will",
    "meet",
    "on",
    "June",
    "3",
    "sanctions",
    "lifted",
    "threatened",
    "urged",
    "Trump",
    "Netanyahu's",
    "visit",
    "the possibility of",
    "held",
    ".",
    "’s",
    "“",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        check(s, Some("2026-01-15".into()));
    }

    #[test]
    fn shuffled_news_words_never_panic(idx in proptest::collection::vec(0..WORDS.len(), 0..80), dated in any::<bool>()) {
        let body = idx.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
        check(body, dated.then(|| "2026-01-15".to_string()));
    }
}
