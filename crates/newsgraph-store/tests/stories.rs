//! Stories, merged events and series are written with their article, in its
//! transaction, found again by candidate retrieval, and read back as timelines and
//! series with their evidence.

use newsgraph_cluster::merge;
use newsgraph_model::{
    Approx, Article, DateBounds, Event, EventTime, Modality, PloverType, Quantity, TimeAnchor,
};
use newsgraph_store::{
    ArticleFacts, ClusterFacts, MergedQuery, SeriesQuery, SqliteStore, Store, StoreError,
    StoredArticle, StoryQuery, StoryWrite,
};

fn article(id: &str, body: &str, published: Option<&str>, source: &str) -> StoredArticle {
    StoredArticle {
        article: Article {
            id: id.into(),
            title: format!("Title of {id}"),
            source: source.into(),
            published: published.map(str::to_string),
            published_bounds: published.is_none().then(|| DateBounds {
                from: Some("2025-01-20".into()),
                to: None,
                reasons: vec!["office term".into()],
            }),
            body: body.into(),
            ..Article::default()
        },
        sentences: vec![],
        fingerprint: id.len() as u64 * 7919,
        ingested_at: None,
    }
}

fn strike(id: &str, article: &str, body: &str, time: &str) -> Event {
    let start = body.find("struck").unwrap();
    Event {
        id: id.into(),
        article: article.into(),
        start,
        end: start + 6,
        sentence: 0,
        kind: PloverType::Assault,
        mode: None,
        source: vec!["country:ISR".into()],
        target: vec!["country:IRN".into()],
        place: vec![],
        time: Some(EventTime {
            value: time.into(),
            anchor: TimeAnchor::Timex,
        }),
        modality: Modality::Asserted,
        attributed_to: vec![],
        confidence: 0.9,
    }
}

fn toll(article: &str, body: &str, text: &str, value: f64) -> Quantity {
    let start = body.find(text).unwrap();
    Quantity {
        article: article.into(),
        start,
        end: start + text.len(),
        text: text.into(),
        value,
        approx: Some(Approx::MoreThan),
        unit: None,
        measure: Some("killed".into()),
        subject: Some("country:PSE".into()),
        period: None,
        attributed_to: vec![],
    }
}

fn story_write(size: u32, last: &str, score: Option<f32>) -> StoryWrite {
    StoryWrite {
        id: "story:aaaa".into(),
        title: "Strikes on Iran".into(),
        first: Some("2025-06-13".into()),
        last: Some(last.into()),
        size,
        actors: vec!["country:ISR".into(), "country:IRN".into()],
        state: format!("{{\"size\":{size}}}"),
        index_terms: vec![("iran".into(), 2.0), ("strike".into(), 1.0)],
        score,
    }
}

const BODY_A: &str =
    "Israel struck Iran in June. More than 47,000 people have been killed in Gaza.";
const BODY_B: &str =
    "Israel struck Iranian sites in June. More than 71,000 people have been killed.";

fn fill(store: &mut SqliteStore) {
    let a = article("a1", BODY_A, None, "Desk One");
    let ev_a = strike("e-a", "a1", BODY_A, "2025-06");
    let merged = merge::open(
        &merge::Report {
            event: &ev_a,
            outlet: "Desk One",
            origin: "Desk One",
            published: None,
        },
        Some("story:aaaa"),
    );
    let facts = ArticleFacts {
        events: vec![ev_a.clone()],
        quantities: vec![toll("a1", BODY_A, "More than 47,000", 47_000.0)],
        cluster: ClusterFacts {
            story: Some(story_write(1, "2025-06-13", None)),
            merged: vec![merged.clone()],
            event_merged: vec![("e-a".into(), merged.id.clone())],
            series: vec![Some("series:killed:country:PSE".into())],
            terms: vec!["iran".into(), "strike".into(), "gaza".into()],
        },
        ..ArticleFacts::default()
    };
    store.put_article_with(&a, &facts).unwrap();

    let b = article("b2", BODY_B, Some("2026-01-01T21:01"), "Desk Two");
    let ev_b = strike("e-b", "b2", BODY_B, "2025-06");
    let mut merged_b = merged.clone();
    merge::absorb(
        &mut merged_b,
        &merge::Report {
            event: &ev_b,
            outlet: "Desk Two",
            origin: "Wire Service",
            published: Some("2026-01-01"),
        },
        &merge::NoRoots,
    );
    let facts = ArticleFacts {
        events: vec![ev_b],
        quantities: vec![toll("b2", BODY_B, "More than 71,000", 71_000.0)],
        cluster: ClusterFacts {
            story: Some(story_write(2, "2026-01-01", Some(0.7))),
            merged: vec![merged_b],
            event_merged: vec![("e-b".into(), merged.id.clone())],
            series: vec![Some("series:killed:country:PSE".into())],
            terms: vec!["iran".into(), "strike".into()],
        },
        ..ArticleFacts::default()
    };
    store.put_article_with(&b, &facts).unwrap();
}

#[test]
fn a_story_collects_articles_merged_events_and_series() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    fill(&mut store);

    let list = store.stories(&StoryQuery::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].size, 2);
    assert_eq!(list[0].events, 1);
    assert_eq!(list[0].story.actors, vec!["country:ISR", "country:IRN"]);

    let detail = store.story("story:aaaa").unwrap().unwrap();
    assert_eq!(
        detail.story.articles,
        vec!["b2", "a1"],
        "dated first, undated last"
    );
    assert_eq!(detail.events.len(), 1);
    let m = &detail.events[0];
    assert_eq!(m.reports, 2);
    assert_eq!(m.independent_sources(), 2);
    assert_eq!(m.evidence.len(), 2, "evidence is read back from the events");
    assert_eq!(m.evidence[0].article, "b2");

    assert_eq!(detail.series.len(), 1);
    let s = &detail.series[0];
    assert_eq!(s.measure, "killed");
    assert_eq!(s.subject.as_deref(), Some("country:PSE"));
    let points: Vec<(f64, &str)> = s
        .points
        .iter()
        .map(|p| (p.value, p.time.as_str()))
        .collect();
    assert_eq!(
        points,
        vec![(47_000.0, "2025-01-20/.."), (71_000.0, "2026-01-01")]
    );

    let story = store.article_story("a1").unwrap().unwrap();
    assert_eq!(story.story, "story:aaaa");
}

#[test]
fn candidates_come_from_the_term_index_and_stats_count_documents() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    fill(&mut store);
    let hits = store
        .story_candidates(&[("iran".into(), 1.0), ("unrelated".into(), 5.0)], 10)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "story:aaaa");
    assert!((hits[0].overlap - 2.0).abs() < 1e-9);
    assert_eq!(hits[0].state, "{\"size\":2}");
    assert!(store
        .story_candidates(&[("unrelated".into(), 1.0)], 10)
        .unwrap()
        .is_empty());

    let (docs, dfs) = store
        .term_stats(&["iran".into(), "gaza".into(), "nothing".into()])
        .unwrap();
    assert_eq!((docs, dfs), (2, vec![2, 1, 0]));

    let merged = store
        .story_merged_events("story:aaaa", "ASSAULT", 10)
        .unwrap();
    assert_eq!(merged.len(), 1);
    assert!(store
        .story_merged_events("story:aaaa", "CONSULT", 10)
        .unwrap()
        .is_empty());
}

#[test]
fn timelines_filter_by_actor_type_and_date() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    fill(&mut store);
    let all = store.merged_events(&MergedQuery::default()).unwrap();
    assert_eq!(all.len(), 1);
    let by_actor = MergedQuery {
        actor: Some("country:IRN".into()),
        ..MergedQuery::default()
    };
    assert_eq!(store.merged_events(&by_actor).unwrap().len(), 1);
    let other = MergedQuery {
        actor: Some("country:FRA".into()),
        ..MergedQuery::default()
    };
    assert!(store.merged_events(&other).unwrap().is_empty());
    let later = MergedQuery {
        from: Some("2025-07".into()),
        ..MergedQuery::default()
    };
    assert!(store.merged_events(&later).unwrap().is_empty());
    let bad = MergedQuery {
        from: Some("next week".into()),
        ..MergedQuery::default()
    };
    assert!(matches!(
        store.merged_events(&bad),
        Err(StoreError::InvalidQuery { .. })
    ));
    let series = store
        .series(&SeriesQuery {
            measure: Some("injured".into()),
            ..SeriesQuery::default()
        })
        .unwrap();
    assert!(series.is_empty());
}

#[test]
fn a_bad_cluster_decision_leaves_nothing_behind() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let a = article("a1", BODY_A, Some("2025-06-14"), "Desk One");
    let facts = ArticleFacts {
        quantities: vec![toll("a1", BODY_A, "More than 47,000", 47_000.0)],
        cluster: ClusterFacts {
            story: Some(story_write(1, "2025-06-14", None)),
            // Two keys for one figure: refused.
            series: vec![None, None],
            ..ClusterFacts::default()
        },
        ..ArticleFacts::default()
    };
    let err = store.put_article_with(&a, &facts).unwrap_err();
    assert!(err.to_string().contains("series keys"), "{err}");
    assert!(!store.contains("a1").unwrap());
    assert!(store.stories(&StoryQuery::default()).unwrap().is_empty());
}
