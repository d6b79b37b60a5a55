//! Events, quotes and figures are stored with their article, in its transaction, read
//! back with their evidence sentence, and filtered by actor, type, modality and date.

use newsgraph_model::{
    Approx, Article, Event, EventTime, Modality, PloverType, Quantity, Quote, Sentence, TimeAnchor,
};
use newsgraph_store::claims::{ClaimQuery, EventQuery};
use newsgraph_store::{ArticleFacts, SqliteStore, Store, StoreError, StoredArticle};

const BODY: &str = "Navy boats seized a tanker near Qeshm on Monday. \"We acted within the law,\" the commander said. About 2 million litres of fuel were on board.";

fn stored() -> StoredArticle {
    let ends: Vec<usize> = vec![0, 48, 94, BODY.len()];
    StoredArticle {
        article: Article {
            id: "art1".into(),
            title: "Tanker seized".into(),
            source: "Gulf Wire".into(),
            published: Some("2026-03-02T14:00".into()),
            body: BODY.into(),
            ..Article::default()
        },
        sentences: (0..3)
            .map(|i| Sentence {
                index: i,
                start: if i == 0 { 0 } else { ends[i] + 1 },
                end: ends[i + 1],
            })
            .collect(),
        fingerprint: 1,
        ingested_at: None,
    }
}

fn span(text: &str) -> (usize, usize) {
    let start = BODY.find(text).unwrap();
    (start, start + text.len())
}

fn facts() -> ArticleFacts {
    let (s, e) = span("seized");
    let (qs, qe) = span("We acted within the law,");
    let (ns, ne) = span("About 2 million litres");
    ArticleFacts {
        events: vec![Event {
            id: "ev1".into(),
            article: "art1".into(),
            start: s,
            end: e,
            sentence: 0,
            kind: PloverType::Coerce,
            mode: Some("seize".into()),
            source: vec!["country:IRN".into()],
            target: vec!["org:tanker".into()],
            place: vec!["place:qeshm".into()],
            time: Some(EventTime {
                value: "2026-03-02".into(),
                anchor: TimeAnchor::Timex,
            }),
            modality: Modality::Asserted,
            attributed_to: vec![],
            confidence: 0.8,
        }],
        quotes: vec![Quote {
            article: "art1".into(),
            start: qs,
            end: qe,
            text: "We acted within the law,".into(),
            speaker: Some("person:commander".into()),
            cue: Some("said".into()),
            attributed_to: vec![],
        }],
        quantities: vec![Quantity {
            article: "art1".into(),
            start: ns,
            end: ne,
            text: "About 2 million litres".into(),
            value: 2e6,
            approx: Some(Approx::About),
            unit: Some("litres".into()),
            measure: Some("fuel".into()),
            subject: None,
            period: None,
            attributed_to: vec![],
        }],
        ..ArticleFacts::default()
    }
}

#[test]
fn claims_round_trip_with_their_evidence() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let facts = facts();
    store.put_article_with(&stored(), &facts).unwrap();
    let events = store.events(&EventQuery::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event, facts.events[0]);
    assert_eq!(
        events[0].sentence,
        "Navy boats seized a tanker near Qeshm on Monday."
    );
    assert_eq!(events[0].title, "Tanker seized");
    let quotes = store.quotes(&ClaimQuery::default()).unwrap();
    assert_eq!(quotes[0].record, facts.quotes[0]);
    let figures = store.quantities(&ClaimQuery::default()).unwrap();
    assert_eq!(figures[0].record, facts.quantities[0]);
}

#[test]
fn events_are_filtered() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_article_with(&stored(), &facts()).unwrap();
    let count = |q: EventQuery| store.events(&q).unwrap().len();
    assert_eq!(
        count(EventQuery {
            actor: Some("country:IRN".into()),
            ..EventQuery::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            actor: Some("country:USA".into()),
            ..EventQuery::default()
        }),
        0
    );
    assert_eq!(
        count(EventQuery {
            kind: Some("COERCE".into()),
            ..EventQuery::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            modality: Some("PLANNED".into()),
            ..EventQuery::default()
        }),
        0
    );
    assert_eq!(
        count(EventQuery {
            from: Some("2026-03".into()),
            to: Some("2026-03".into()),
            ..EventQuery::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            to: Some("2026-02".into()),
            ..EventQuery::default()
        }),
        0
    );
}

#[test]
fn a_claim_outside_the_body_stores_nothing() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut bad = facts();
    bad.quantities[0].end = BODY.len() + 5;
    let err = store.put_article_with(&stored(), &bad).unwrap_err();
    assert!(matches!(err, StoreError::InvalidArticle { .. }), "{err}");
    assert!(!store.contains("art1").unwrap());
    assert!(store.events(&EventQuery::default()).unwrap().is_empty());
}
