//! The web pages over the example articles: what each page shows.

mod common;

use common::{example_app, get};

#[tokio::test]
async fn home_lists_active_stories_with_links() {
    let (_dir, app) = example_app();
    let page = get(&app, "/").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<h1>Active stories</h1>"));
    let stories = get(&app, "/api/stories").await.json();
    for s in stories["items"].as_array().unwrap() {
        let href = format!(
            "href=\"/stories/{}\"",
            s["id"].as_str().unwrap().replace(':', "%3A")
        );
        assert!(page.body.contains(&href), "home lacks {href}");
    }
    assert!(page.body.contains("/static/app.css") && page.body.contains("/static/app.js"));
}

#[tokio::test]
async fn a_story_page_has_a_timeline_charts_a_graph_and_its_articles() {
    let (_dir, app) = example_app();
    let stories = get(&app, "/api/stories").await.json();
    let s = stories["items"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|s| s["size"].as_u64().unwrap())
        .unwrap()
        .clone();
    let id = s["id"].as_str().unwrap();
    let detail = get(&app, &format!("/api/stories/{id}")).await.json();
    let page = get(&app, &format!("/stories/{id}")).await;
    assert_eq!(page.status, 200);
    let b = &page.body;
    assert!(b.contains("<svg class=\"timeline\""));
    let dots = b.matches("class=\"dot mod-").count();
    assert!(dots > 0 && dots <= detail["timeline"].as_array().unwrap().len());
    assert!(b.contains("class=\"legend\""));
    if detail["series"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| !s["points"].as_array().unwrap().is_empty())
    {
        assert!(b.contains("<svg class=\"chart\""));
    }
    if !detail["graph"]["nodes"].as_array().unwrap().is_empty() {
        assert!(b.contains("<svg class=\"graph\""));
    }
    for a in detail["articles"].as_array().unwrap() {
        assert!(b.contains(&format!("/articles/{}", a["id"].as_str().unwrap())));
    }
    assert_eq!(get(&app, "/stories/story:missing").await.status, 404);
}

#[tokio::test]
async fn the_reader_highlights_every_extraction_with_details() {
    let (_dir, app) = example_app();
    let list = get(&app, "/api/articles?limit=200").await.json();
    let mut checked = 0;
    for item in list["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let d = get(&app, &format!("/api/articles/{id}")).await.json();
        let page = get(&app, &format!("/articles/{id}")).await;
        assert_eq!(page.status, 200);
        let b = &page.body;
        let events = d["events"].as_array().unwrap();
        for e in events {
            assert!(
                b.contains(&format!("id=\"ev-{}\"", e["id"].as_str().unwrap())),
                "event {} not marked",
                e["id"]
            );
        }
        // Every mention is marked; resolved ones link to their actor.
        let mentions = d["mentions"].as_array().unwrap();
        assert!(b.matches("class=\"x m m-").count() >= mentions.len());
        for m in mentions {
            if let Some(actor) = m["actor"].as_str() {
                assert!(b.contains(&format!("href=\"/actors/{}\"", actor.replace(':', "%3A"))));
            }
        }
        assert!(b.matches("class=\"x t\"").count() >= d["timexes"].as_array().unwrap().len());
        assert!(b.matches("class=\"x q\"").count() >= d["quotes"].as_array().unwrap().len());
        assert!(b.matches("class=\"x n\"").count() >= d["quantities"].as_array().unwrap().len());
        if !events.is_empty() {
            assert!(b.contains("data-tip=\"Event "));
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

#[tokio::test]
async fn actor_pages_show_roles_relations_and_events() {
    let (_dir, app) = example_app();
    let page = get(&app, "/actors/country:IRN").await;
    assert_eq!(page.status, 200);
    for section in [
        "Roles",
        "Relations",
        "Events as source",
        "Events as target",
        "Mentions",
    ] {
        assert!(page.body.contains(&format!("<h2>{section}")), "{section}");
    }
    assert!(page.body.contains("<svg class=\"timeline\""));
    // A person with a role from the knowledge base draws it over time.
    let people = get(&app, "/api/actors?kind=PERSON&limit=200").await.json();
    let with_role = people["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["roles"]
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r["from"].is_string()))
        })
        .expect("a person with a dated role");
    let page = get(
        &app,
        &format!("/actors/{}", with_role["id"].as_str().unwrap()),
    )
    .await;
    assert!(page.body.contains("<svg class=\"spans\""));
    assert_eq!(get(&app, "/actors/nobody:here").await.status, 404);
    let list = get(&app, "/actors?kind=GPE").await;
    assert!(list.body.contains(">Iran</a>"));
}

#[tokio::test]
async fn search_page_marks_matches_and_keeps_filters() {
    let (_dir, app) = example_app();
    let page = get(&app, "/search?q=crew&source=Gulf+Wire").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<mark>"));
    assert!(page.body.contains("value=\"Gulf Wire\""));
    assert!(page.body.contains("id=\"result-count\""));
    let bad = get(&app, "/search?q=%22%22").await;
    assert_eq!(bad.status, 200);
    assert!(bad.body.contains("class=\"error\""));
    let empty = get(&app, "/search").await;
    assert!(!empty.body.contains("result-count"));
}

#[tokio::test]
async fn events_page_filters() {
    let (_dir, app) = example_app();
    let page = get(&app, "/events?modality=REPORTED").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("badge mod-reported"));
    assert!(!page.body.contains("badge mod-asserted"));
    let bad = get(&app, "/events?type=PUNCH").await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("unknown type"));
}
