//! The JSON API end to end over the example articles: documents, errors, paging,
//! search, actors, events, stories and ingestion.

mod common;

use common::{example_app, get, post};
use std::collections::HashSet;

#[tokio::test]
async fn openapi_document_is_served_and_names_every_route() {
    let (_dir, app) = example_app();
    let a = get(&app, "/api/openapi.json").await;
    assert_eq!(a.status, 200);
    let doc = a.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for (method, path) in newsgraph_serve::openapi::API_ROUTES {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
}

#[tokio::test]
async fn errors_are_json_with_status_and_a_message_that_says_what_was_wrong() {
    let (_dir, app) = example_app();
    let cases: &[(&str, u16, &str)] = &[
        ("/api/articles/ffffffffffff", 404, "no article"),
        ("/api/articles/ab", 400, "too short"),
        ("/api/articles?limit=0", 400, "limit 0 is out of range"),
        ("/api/articles?limit=abc", 400, "limit"),
        ("/api/articles?limt=3", 400, "unknown field `limt`"),
        ("/api/articles?after=bogus", 400, "invalid cursor"),
        ("/api/articles?from=yesterday", 400, "ISO-8601"),
        ("/api/events?after=o.x", 400, "invalid cursor"),
        ("/api/events?type=PUNCH", 400, "unknown type"),
        ("/api/events?modality=maybe", 400, "unknown modality"),
        ("/api/events?actor=Atlantis", 404, "no actor"),
        ("/api/actors?kind=planet", 400, "unknown kind"),
        ("/api/actors/country:ATL", 404, "no actor"),
        ("/api/stories/story:nope", 404, "no story"),
        ("/api/search", 400, "missing query"),
        ("/api/search?q=%22%22", 400, "invalid query"),
        ("/api/nothing/here", 404, "/api/nothing/here"),
    ];
    for (uri, status, needle) in cases {
        let a = get(&app, uri).await;
        assert_eq!(a.status.as_u16(), *status, "{uri}: {}", a.body);
        assert_eq!(
            a.headers["content-type"], "application/json",
            "{uri}: {}",
            a.body
        );
        let msg = a.error_message();
        assert!(msg.contains(needle), "{uri}: {msg:?} lacks {needle:?}");
    }
    let a = common::send(
        &app,
        axum::http::Request::delete("/api/articles")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 405);
    assert!(a
        .error_message()
        .contains("DELETE is not allowed on /api/articles"));
}

/// Walks every page of a listing, returning the ids in order.
async fn walk(app: &axum::Router, first: &str, id_field: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut uri = first.to_string();
    for _ in 0..100 {
        let a = get(app, &uri).await;
        assert_eq!(a.status, 200, "{uri}: {}", a.body);
        let v = a.json();
        let items = v["items"].as_array().unwrap();
        assert!(items.len() <= 3);
        ids.extend(
            items
                .iter()
                .map(|i| i[id_field].as_str().unwrap().to_string()),
        );
        match v["next"].as_str() {
            Some(next) => {
                assert!(!items.is_empty());
                uri = format!("{first}&after={next}");
            }
            None => return ids,
        }
    }
    panic!("paging did not end");
}

#[tokio::test]
async fn article_pages_cover_the_listing_once_in_order() {
    let (_dir, app) = example_app();
    let all = get(&app, "/api/articles?limit=200").await.json();
    let all: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert!(all.len() >= 10);
    let paged = walk(&app, "/api/articles?limit=3", "id").await;
    assert_eq!(paged, all);
    // Cursors are stable: asking for the same page twice gives the same page.
    let first = get(&app, "/api/articles?limit=3").await.json();
    let next = first["next"].as_str().unwrap();
    let a = get(&app, &format!("/api/articles?limit=3&after={next}"))
        .await
        .json();
    let b = get(&app, &format!("/api/articles?limit=3&after={next}"))
        .await
        .json();
    assert_eq!(a, b);
}

#[tokio::test]
async fn event_pages_cover_the_listing_once() {
    let (_dir, app) = example_app();
    let all = get(&app, "/api/events?limit=200").await.json();
    let n = all["items"].as_array().unwrap().len();
    assert!(n >= 5, "the examples have events");
    let paged = walk(&app, "/api/events?limit=3", "id").await;
    assert_eq!(paged.len(), n);
    assert_eq!(paged.iter().collect::<HashSet<_>>().len(), n);
    // Every event names its actors.
    let names = all["names"].as_object().unwrap();
    for e in all["items"].as_array().unwrap() {
        for id in e["source"].as_array().unwrap() {
            assert!(names.contains_key(id.as_str().unwrap()), "{id}");
        }
        assert!(!e["evidence"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn an_article_comes_with_every_extraction_inside_its_body() {
    let (_dir, app) = example_app();
    let list = get(&app, "/api/articles?limit=200").await.json();
    let mut seen_mentions = 0;
    let mut seen_events = 0;
    for item in list["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        // A unique prefix works too.
        let a = get(&app, &format!("/api/articles/{}", &id[..8])).await;
        assert_eq!(a.status, 200, "{}", a.body);
        let d = a.json();
        assert_eq!(d["article"]["id"], id);
        let body = d["article"]["body"].as_str().unwrap();
        for key in ["mentions", "timexes", "events", "quotes", "quantities"] {
            for x in d[key].as_array().unwrap() {
                let (s, e) = (
                    x["start"].as_u64().unwrap() as usize,
                    x["end"].as_u64().unwrap() as usize,
                );
                assert!(s <= e && e <= body.len(), "{key} {s}..{e} outside the body");
                if key == "mentions" {
                    assert_eq!(&body[s..e], x["text"].as_str().unwrap());
                }
            }
        }
        let actors: HashSet<&str> = d["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        for m in d["mentions"].as_array().unwrap() {
            if let Some(actor) = m["actor"].as_str() {
                assert!(
                    actors.contains(actor),
                    "mention names unknown actor {actor}"
                );
            }
        }
        seen_mentions += d["mentions"].as_array().unwrap().len();
        seen_events += d["events"].as_array().unwrap().len();
    }
    assert!(seen_mentions > 50 && seen_events > 5);
}

#[tokio::test]
async fn search_ranks_snippets_and_filters() {
    let (_dir, app) = example_app();
    let a = get(&app, "/api/search?q=crew").await;
    assert_eq!(a.status, 200, "{}", a.body);
    let v = a.json();
    let hits = v["items"].as_array().unwrap();
    assert!(hits.len() >= 5);
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    let mut highlighted = 0;
    for h in hits {
        let snippet = h["snippet"].as_str().unwrap();
        for r in h["highlights"].as_array().unwrap() {
            let (s, e) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            assert!(
                snippet[s..e].to_lowercase().starts_with("crew"),
                "{snippet}"
            );
            highlighted += 1;
        }
    }
    assert!(highlighted > 0);

    // Filters narrow the hits.
    let all: HashSet<String> = hits
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    let by_source = get(&app, "/api/search?q=crew&source=Gulf%20Wire")
        .await
        .json();
    let by_source = by_source["items"].as_array().unwrap();
    assert!(!by_source.is_empty() && by_source.len() < hits.len());
    assert!(by_source.iter().all(|h| h["source"] == "Gulf Wire"));
    let by_date = get(&app, "/api/search?q=crew&from=2026-03-10").await.json();
    for h in by_date["items"].as_array().unwrap() {
        assert!(h["published"].as_str().unwrap() >= "2026-03-10");
    }
    let by_actor = get(&app, "/api/search?q=crew&actor=Philippines")
        .await
        .json();
    let by_actor = by_actor["items"].as_array().unwrap();
    assert!(!by_actor.is_empty() && by_actor.len() < hits.len());
    for h in by_actor {
        assert!(all.contains(h["id"].as_str().unwrap()));
        let d = get(
            &app,
            &format!("/api/articles/{}", h["id"].as_str().unwrap()),
        )
        .await
        .json();
        assert!(d["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["actor"] == "country:PHL"));
    }
    // Search pages too.
    let page1 = get(&app, "/api/search?q=crew&limit=2").await.json();
    let next = page1["next"].as_str().unwrap();
    let page2 = get(&app, &format!("/api/search?q=crew&limit=2&after={next}"))
        .await
        .json();
    assert_eq!(page2["items"][0]["id"], hits[2]["id"]);
}

#[tokio::test]
async fn actors_have_roles_mentions_relations_and_events() {
    let (_dir, app) = example_app();
    let list = get(&app, "/api/actors?limit=5").await.json();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    let counts: Vec<u64> = items
        .iter()
        .map(|a| a["mention_count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(items[0]["id"], "country:IRN");
    let people = get(&app, "/api/actors?kind=person").await.json();
    assert!(people["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["kind"] == "PERSON"));

    let iran = get(&app, "/api/actors/country:IRN").await.json();
    assert_eq!(iran["name"], "Iran");
    assert!(iran["mentions"].as_array().unwrap().len() > 10);
    assert!(!iran["events_as_source"].as_array().unwrap().is_empty());
    for e in iran["events_as_source"].as_array().unwrap() {
        assert!(e["source"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "country:IRN"));
    }
    for e in iran["events_as_target"].as_array().unwrap() {
        assert!(e["target"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "country:IRN"));
    }
    for r in iran["relations"].as_array().unwrap() {
        let total = r["outgoing"].as_u64().unwrap() + r["incoming"].as_u64().unwrap();
        let by_type: u64 = r["types"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(total, by_type);
    }
}

#[tokio::test]
async fn events_filter_by_type_actor_modality_and_date() {
    let (_dir, app) = example_app();
    let all = get(&app, "/api/events?limit=200").await.json();
    let all = all["items"].as_array().unwrap().clone();
    let some_type = all[0]["type"].as_str().unwrap().to_string();
    let typed = get(
        &app,
        &format!("/api/events?type={}", some_type.to_lowercase()),
    )
    .await
    .json();
    let typed = typed["items"].as_array().unwrap();
    assert!(!typed.is_empty());
    assert!(typed.iter().all(|e| e["type"] == some_type.as_str()));
    assert_eq!(
        typed.len(),
        all.iter()
            .filter(|e| e["type"] == some_type.as_str())
            .count()
    );
    let reported = get(&app, "/api/events?modality=REPORTED").await.json();
    assert!(reported["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["modality"] == "REPORTED"));
    // An actor by name works like its id.
    let by_name = get(&app, "/api/events?actor=Oman").await.json();
    let by_id = get(&app, "/api/events?actor=country:OMN").await.json();
    assert_eq!(by_name["items"], by_id["items"]);
    assert!(!by_id["items"].as_array().unwrap().is_empty());
    let late = get(&app, "/api/events?from=2026-03-10").await.json();
    let late = late["items"].as_array().unwrap();
    assert!(late.len() < all.len());
}

#[tokio::test]
async fn stories_list_and_detail_with_timeline_series_and_graph() {
    let (_dir, app) = example_app();
    let list = get(&app, "/api/stories").await.json();
    let stories = list["items"].as_array().unwrap();
    assert!(!stories.is_empty(), "the examples form stories");
    let biggest = stories
        .iter()
        .max_by_key(|s| s["size"].as_u64().unwrap())
        .unwrap();
    assert!(biggest["size"].as_u64().unwrap() >= 3);
    let id = biggest["id"].as_str().unwrap();
    let a = get(&app, &format!("/api/stories/{id}")).await;
    assert_eq!(a.status, 200, "{}", a.body);
    let d = a.json();
    assert_eq!(
        d["articles"].as_array().unwrap().len() as u64,
        biggest["size"].as_u64().unwrap()
    );
    assert!(!d["timeline"].as_array().unwrap().is_empty());
    let names = d["names"].as_object().unwrap();
    for n in d["graph"]["nodes"].as_array().unwrap() {
        assert!(names.contains_key(n["id"].as_str().unwrap()));
    }
    // Search within the story only finds its articles.
    let in_story: HashSet<&str> = d["story"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    let hits = get(&app, &format!("/api/search?q=Iran&story={id}"))
        .await
        .json();
    let hits = hits["items"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| in_story.contains(h["id"].as_str().unwrap())));
    let series = get(&app, &format!("/api/series?story={id}")).await;
    assert_eq!(series.status, 200, "{}", series.body);
}

#[tokio::test]
async fn posting_articles_stores_them_once() {
    let (_dir, app) = example_app();
    let text = "Jan 5, 2026\nPort authority reopens harbour after storm\n\
                The port authority of Valletta said on Monday that the harbour had reopened \
                after a three-day closure. About 40 ships waited offshore, officials said.\n";
    let a = post(&app, "/api/articles", "text/plain; charset=utf-8", text).await;
    assert_eq!(a.status, 201, "{}", a.body);
    let r = a.json();
    let id = r["articles"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(r["articles"][0]["outcome"], "stored");
    let again = post(&app, "/api/articles", "text/plain", text).await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["articles"][0]["outcome"], "already_present");
    let d = get(&app, &format!("/api/articles/{id}")).await.json();
    assert_eq!(
        d["article"]["title"],
        "Port authority reopens harbour after storm"
    );
    assert!(
        d["article"].get("path").is_none(),
        "no file path from a POST"
    );

    let json = r#"[{"title": "Ferry service resumes", "body": "The ferry to Gozo resumed service on Tuesday, the operator said.", "date": "2026-01-06", "source": "Island News"},
                   {"title": "Second", "body": "Another short article about the harbour reopening in Valletta.", "date": "2026-01-07"}]"#;
    let a = post(&app, "/api/articles?source=Wire", "application/json", json).await;
    assert_eq!(a.status, 201, "{}", a.body);
    let r = a.json();
    assert_eq!(r["articles"].as_array().unwrap().len(), 2);
    let first = get(
        &app,
        &format!("/api/articles/{}", r["articles"][0]["id"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(first["article"]["source"], "Island News");
    assert_eq!(first["article"]["published"], "2026-01-06");
    let found = get(&app, "/api/search?q=Gozo").await.json();
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn bad_posts_are_refused_with_reasons() {
    let (_dir, app) = example_app();
    let cases: &[(&str, &str, &str, u16, &str)] = &[
        (
            "/api/articles",
            "image/png",
            "x",
            415,
            "unsupported content type",
        ),
        ("/api/articles", "text/plain", "   ", 400, "empty body"),
        (
            "/api/articles",
            "application/json",
            "{not json",
            400,
            "not valid JSON",
        ),
        (
            "/api/articles",
            "application/json",
            "[1, 2]",
            400,
            "article object",
        ),
        (
            "/api/articles?date=someday",
            "text/plain",
            "Some text here.",
            400,
            "not a date",
        ),
        (
            "/api/articles?path=/etc/passwd",
            "text/plain",
            "x",
            400,
            "unknown field `path`",
        ),
    ];
    for (uri, ct, body, status, needle) in cases {
        let a = post(&app, uri, ct, body).await;
        assert_eq!(a.status.as_u16(), *status, "{ct} {body:?}: {}", a.body);
        let msg = a.error_message();
        assert!(msg.contains(needle), "{msg:?} lacks {needle:?}");
    }
    let a = common::send(
        &app,
        axum::http::Request::post("/api/articles")
            .body(axum::body::Body::from("no content type"))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 415);
}

#[tokio::test]
async fn cached_answers_follow_writes() {
    let (_dir, app) = example_app();
    let before = get(&app, "/api/search?q=Marsaxlokk").await;
    assert_eq!(before.json()["items"].as_array().unwrap().len(), 0);
    // Asked twice: the second answer comes from the cache, and is the same.
    assert_eq!(
        get(&app, "/api/search?q=Marsaxlokk").await.body,
        before.body
    );
    let page = get(&app, "/articles").await;
    assert!(!page.body.contains("Marsaxlokk"));
    let a = post(
        &app,
        "/api/articles",
        "text/plain",
        "Jan 8, 2026\nMarsaxlokk fishermen protest\nFishermen in Marsaxlokk protested on \
         Thursday against new quotas, officials said.\n",
    )
    .await;
    assert_eq!(a.status, 201, "{}", a.body);
    // The write is seen at once by cached URLs.
    let after = get(&app, "/api/search?q=Marsaxlokk").await;
    assert_eq!(after.json()["items"].as_array().unwrap().len(), 1);
    assert!(get(&app, "/articles").await.body.contains("Marsaxlokk"));
}
