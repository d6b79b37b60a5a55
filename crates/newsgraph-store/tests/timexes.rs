//! Time expressions are stored with their article, in its transaction, and read back.

use newsgraph_model::{Article, Sentence, Timex, TimexType};
use newsgraph_store::{ArticleFacts, PutOutcome, SqliteStore, Store, StoreError, StoredArticle};

fn stored(body: &str) -> StoredArticle {
    StoredArticle {
        article: Article {
            id: "a1".into(),
            title: "Port reopens".into(),
            body: body.into(),
            ..Article::default()
        },
        sentences: vec![Sentence {
            index: 0,
            start: 0,
            end: body.len(),
        }],
        fingerprint: 7,
        ingested_at: None,
    }
}

fn timex(body: &str, text: &str, kind: TimexType, value: &str, r#mod: Option<&str>) -> Timex {
    let start = body.find(text).unwrap();
    Timex {
        article: "a1".into(),
        start,
        end: start + text.len(),
        text: text.into(),
        kind,
        value: value.into(),
        r#mod: r#mod.map(str::to_string),
    }
}

#[test]
fn timexes_round_trip() {
    let body = "The port reopened late last month after a 12-day closure.";
    let facts = ArticleFacts {
        timexes: vec![
            timex(
                body,
                "late last month",
                TimexType::Date,
                "2026-02",
                Some("END"),
            ),
            timex(body, "12-day", TimexType::Duration, "P12D", None),
        ],
        ..ArticleFacts::default()
    };
    let mut store = SqliteStore::open_in_memory().unwrap();
    assert_eq!(
        store.put_article_with(&stored(body), &facts).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(store.article_timexes("a1").unwrap(), facts.timexes);
}

#[test]
fn a_timex_that_is_not_its_span_stores_nothing() {
    let body = "The port reopened on Monday.";
    let mut bad = timex(body, "Monday", TimexType::Date, "2026-03-02", None);
    bad.text = "Tuesday".into();
    let facts = ArticleFacts {
        timexes: vec![bad],
        ..ArticleFacts::default()
    };
    let mut store = SqliteStore::open_in_memory().unwrap();
    let err = store.put_article_with(&stored(body), &facts).unwrap_err();
    assert!(matches!(err, StoreError::InvalidArticle { .. }), "{err}");
    assert!(
        !store.contains("a1").unwrap(),
        "nothing of the article is stored"
    );
}
