//! Mentions, actors and learned roles: written with their article, read back.

use newsgraph_model::{
    Actor, Article, Mention, MentionCandidate, MentionKind, MentionRole, Provenance, Role,
    RoleSource, Sentence,
};
use newsgraph_store::{
    ActorOrigin, ActorQuery, ActorRecord, ArticleFacts, LearnedRole, PutOutcome, SqliteStore,
    Store, StoredArticle,
};

const BODY: &str = "Freedonian President Rufus Firefly spoke. Firefly met Sylvania's envoy.";

fn stored(id: &str) -> StoredArticle {
    StoredArticle {
        article: Article {
            id: id.into(),
            source: "Test".into(),
            published: Some("2030-05-01".into()),
            body: BODY.into(),
            ..Article::default()
        },
        sentences: vec![
            Sentence {
                index: 0,
                start: 0,
                end: 41,
            },
            Sentence {
                index: 1,
                start: 42,
                end: BODY.len(),
            },
        ],
        fingerprint: 42,
        ingested_at: None,
    }
}

fn actor(id: &str, name: &str, kind: MentionKind) -> ActorRecord {
    ActorRecord {
        actor: Actor {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: vec![],
            country: None,
            roles: vec![],
        },
        origin: ActorOrigin::Derived,
    }
}

fn mention(
    article: &str,
    start: usize,
    end: usize,
    kind: MentionKind,
    actor: Option<&str>,
) -> Mention {
    Mention {
        article: article.into(),
        start,
        end,
        text: BODY[start..end].into(),
        kind,
        actor: actor.map(str::to_string),
        role: None,
        candidates: vec![],
    }
}

fn facts(article: &str) -> ArticleFacts {
    let mut named = mention(
        article,
        21,
        34,
        MentionKind::Person,
        Some("person:rufus-firefly"),
    );
    named.role = Some(MentionRole {
        title: "President".into(),
        of: Some("country:FRE".into()),
    });
    let mut ambiguous = mention(article, 54, 62, MentionKind::Gpe, None);
    ambiguous.text = "Sylvania".into();
    ambiguous.candidates = vec![
        MentionCandidate {
            actor: "country:SYL".into(),
            score: 0.5,
        },
        MentionCandidate {
            actor: "place:sylvania".into(),
            score: 0.5,
        },
    ];
    ArticleFacts {
        timexes: Vec::new(),
        events: Vec::new(),
        quotes: Vec::new(),
        quantities: Vec::new(),
        cluster: Default::default(),
        mentions: vec![
            mention(article, 0, 10, MentionKind::Norp, Some("country:FRE")),
            named,
            mention(
                article,
                42,
                49,
                MentionKind::Person,
                Some("person:rufus-firefly"),
            ),
            ambiguous,
        ],
        actors: vec![
            actor("country:FRE", "Freedonia", MentionKind::Gpe),
            actor("person:rufus-firefly", "Rufus Firefly", MentionKind::Person),
            actor("country:SYL", "Sylvania", MentionKind::Gpe),
            actor("place:sylvania", "Sylvania", MentionKind::Gpe),
        ],
        roles: vec![LearnedRole {
            actor: "person:rufus-firefly".into(),
            name: String::new(),
            role: Role {
                title: "President".into(),
                of: Some("country:FRE".into()),
                from: Some("2030-05-01".into()),
                to: Some("2030-05-01".into()),
                source: Some(RoleSource::Article),
                evidence: vec![Provenance {
                    article: article.into(),
                    start: 0,
                    end: 34,
                    sentence: Some(0),
                    extractor: "link/title".into(),
                    confidence: 0.9,
                }],
            },
        }],
    }
}

#[test]
fn facts_round_trip() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    assert_eq!(
        store.put_article_with(&stored("a1"), &facts("a1")).unwrap(),
        PutOutcome::Stored
    );
    let list = store.list_actors(&ActorQuery::default()).unwrap();
    let ids: Vec<&str> = list.iter().map(|s| s.actor.id.as_str()).collect();
    // Candidate-only actors are not listed; most mentioned first.
    assert_eq!(ids, vec!["person:rufus-firefly", "country:FRE"]);
    assert_eq!(list[0].mentions, 2);
    assert_eq!(
        list[0].names,
        vec![("Firefly".to_string(), 1), ("Rufus Firefly".to_string(), 1)]
    );
    let role = list[0]
        .actor
        .roles
        .iter()
        .find(|r| r.source == Some(RoleSource::Article))
        .unwrap();
    assert_eq!(role.evidence[0].article, "a1");
    assert_eq!(
        store.find_actors("firefly").unwrap()[0].actor.id,
        "person:rufus-firefly"
    );
    assert_eq!(
        store.find_actors("Sylvania").unwrap().len(),
        2,
        "ambiguous name"
    );
    let persons = store
        .list_actors(&ActorQuery {
            kind: Some(MentionKind::Person),
            limit: 10,
        })
        .unwrap();
    assert_eq!(persons.len(), 1);
    let d = store.actor_detail("person:rufus-firefly").unwrap().unwrap();
    assert_eq!(d.mentions.len(), 2);
    assert_eq!(d.mentions[1].sentence.as_deref(), Some(&BODY[42..]));
    let syl = store.actor_detail("country:SYL").unwrap().unwrap();
    assert!(syl.mentions[0].as_candidate);
    let learned = store.learned_roles("president", "country:FRE").unwrap();
    assert_eq!(learned.len(), 1);
    assert_eq!(learned[0].name, "Rufus Firefly");
    assert!(store.actor_detail("person:nobody").unwrap().is_none());
}

#[test]
fn bad_facts_store_nothing_of_the_article() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut bad = facts("a1");
    bad.mentions[0].end = 9; // text no longer matches the span
    assert!(store.put_article_with(&stored("a1"), &bad).is_err());
    assert!(!store.contains("a1").unwrap());
    let mut unknown = facts("a1");
    unknown.actors.pop();
    assert!(store.put_article_with(&stored("a1"), &unknown).is_err());
    assert!(store
        .list_actors(&ActorQuery::default())
        .unwrap()
        .is_empty());
    // A second article re-uses the stored actors.
    store.put_article_with(&stored("a1"), &facts("a1")).unwrap();
    store.put_article_with(&stored("a2"), &facts("a2")).unwrap();
    assert_eq!(
        store.list_actors(&ActorQuery::default()).unwrap()[0].articles,
        2
    );
}
