//! Security end to end: untrusted article text is escaped on every page, writes follow
//! the token policy (also over a real socket bound to a non-loopback address), bodies
//! are size-limited, and every answer carries the Content-Security-Policy.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{app_at, example_store, get, post, send};
use newsgraph_serve::{write_policy, WritePolicy};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

const EVIL_TITLE: &str =
    "Tanker <script>alert('title')</script> seized \"><img src=x onerror=alert(1)>";

fn evil_json() -> String {
    serde_json::json!({
        "title": EVIL_TITLE,
        "body": "Iran seized the tanker <script>alert('body')</script> near Bandar Abbas on Monday, \
                 officials said. <img src=x onerror=alert(2)> The crew of 23 was held. \
                 Click <a href=\"javascript:alert(3)\">here</a> and \"><svg onload=alert(4)>.",
        "url": "javascript:alert('url')",
        "source": "Evil <b>Wire</b>",
        "author": "<script>alert('byline')</script>",
        "date": "2026-03-04"
    })
    .to_string()
}

/// Every tag in a page: (name, whole tag text).
fn tags(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i..i + j + 1];
        let name: String = tag[1..]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        out.push((name, tag.to_string()));
        rest = &rest[i + j + 1..];
    }
    out
}

/// Asserts a page holds nothing the evil article could have injected.
fn assert_inert(page: &str, what: &str) {
    for (name, tag) in tags(page) {
        let lower = tag.to_ascii_lowercase();
        assert!(
            !lower.contains("onerror") && !lower.contains("onload"),
            "{what}: event handler in {tag}"
        );
        assert!(
            !lower.contains("javascript:"),
            "{what}: javascript URL in {tag}"
        );
        if name == "script" && !tag.starts_with("</") {
            assert_eq!(
                tag, "<script src=\"/static/app.js\" defer>",
                "{what}: unexpected script"
            );
        }
        assert!(
            name != "img" && name != "b",
            "{what}: injected <{name}>: {tag}"
        );
        if name == "svg" && !tag.starts_with("</") {
            assert!(
                tag.contains("xmlns=\"http://www.w3.org/2000/svg\""),
                "{what}: {tag}"
            );
        }
    }
    assert!(!page.contains("<script>alert"), "{what}");
}

#[tokio::test]
async fn an_article_full_of_markup_is_shown_as_text_everywhere() {
    let (_dir, db) = example_store();
    let app = app_at(
        &db,
        WritePolicy::Open,
        newsgraph_serve::DEFAULT_MAX_BODY_BYTES,
    );
    let a = post(&app, "/api/articles", "application/json", &evil_json()).await;
    assert_eq!(a.status, 201, "{}", a.body);
    let id = a.json()["articles"][0]["id"].as_str().unwrap().to_string();

    let reader = get(&app, &format!("/articles/{id}")).await;
    assert_eq!(reader.status, 200);
    assert_inert(&reader.body, "reader");
    // The text is there, as text.
    assert!(reader
        .body
        .contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"));
    assert!(reader.body.contains("Tanker &lt;script&gt;"));
    // The javascript: URL is shown, not linked.
    assert!(reader
        .body
        .contains("<span class=\"ext\">javascript:alert(&#39;url&#39;)</span>"));

    for uri in [
        "/".to_string(),
        "/articles".to_string(),
        "/search?q=tanker".to_string(),
        format!("/search?q={}", "%3Cscript%3Ealert(5)%3C%2Fscript%3E"),
        "/events".to_string(),
        "/actors".to_string(),
        "/actors/country:IRN".to_string(),
        format!("/articles/{id}%3Cscript%3E"),
        "/nowhere/%3Cscript%3Ealert(6)%3C%2Fscript%3E".to_string(),
    ] {
        let page = get(&app, &uri).await;
        assert!(
            page.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{uri}"
        );
        assert_inert(&page.body, &uri);
    }
    let stories = get(&app, "/api/stories?limit=200").await.json();
    for s in stories["items"].as_array().unwrap() {
        let uri = format!("/stories/{}", s["id"].as_str().unwrap());
        let page = get(&app, &uri).await;
        assert_eq!(page.status, 200);
        assert_inert(&page.body, &uri);
    }
    // The JSON API returns the text unchanged (it is data, escaped by whoever shows it).
    let d = get(&app, &format!("/api/articles/{id}")).await.json();
    assert_eq!(d["article"]["title"], EVIL_TITLE);
}

#[tokio::test]
async fn every_answer_carries_a_strict_content_security_policy() {
    let (_dir, db) = example_store();
    let app = app_at(&db, WritePolicy::Open, 1024);
    for uri in [
        "/",
        "/api/articles",
        "/static/app.js",
        "/nowhere",
        "/api/nowhere",
    ] {
        let a = get(&app, uri).await;
        let csp = a.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(a.headers["x-content-type-options"], "nosniff");
    }
    let js = get(&app, "/static/app.js").await;
    assert!(js.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(!js.body.contains("innerHTML"));
    assert_eq!(get(&app, "/static/../Cargo.toml").await.status, 404);
    assert_eq!(get(&app, "/static/%2E%2E%2FCargo.toml").await.status, 404);
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused() {
    let (_dir, db) = example_store();
    let app = app_at(&db, WritePolicy::Open, 1024);
    let big = "word ".repeat(1000);
    let a = post(&app, "/api/articles", "text/plain", &big).await;
    assert_eq!(a.status, 413, "{}", a.body);
    assert!(a.error_message().to_lowercase().contains("length limit"));
    let small = post(
        &app,
        "/api/articles",
        "text/plain",
        "A short article about a port.",
    )
    .await;
    assert_eq!(small.status, 201, "{}", small.body);
}

#[tokio::test]
async fn writes_need_the_token_and_are_closed_on_a_public_bind_without_one() {
    let (_dir, db) = example_store();
    let body = "Jan 9, 2026\nHarbour news\nThe harbour reopened on Friday, officials said.\n";

    // Bound to all interfaces without a token: writes are refused, reads work.
    let (policy, warning) = write_policy(&"0.0.0.0:8080".parse().unwrap(), None);
    assert_eq!(policy, WritePolicy::Closed);
    assert!(warning.is_some());
    let app = app_at(&db, policy, 1 << 20);
    let a = post(&app, "/api/articles", "text/plain", body).await;
    assert_eq!(a.status, 403);
    assert!(a.error_message().contains("--token"));
    assert_eq!(get(&app, "/api/articles").await.status, 200);

    // With a token: missing or wrong tokens are refused, the right one works.
    let (policy, _) = write_policy(&"0.0.0.0:8080".parse().unwrap(), Some("s3cret"));
    let app = app_at(&db, policy, 1 << 20);
    let a = post(&app, "/api/articles", "text/plain", body).await;
    assert_eq!(a.status, 401);
    assert!(a.headers.contains_key("www-authenticate"));
    for auth in ["Bearer wrong", "Basic czNjcmV0", "s3cret"] {
        let a = send(
            &app,
            Request::post("/api/articles")
                .header("content-type", "text/plain")
                .header("authorization", auth)
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
        assert_eq!(a.status, 401, "{auth}");
    }
    let ok = send(
        &app,
        Request::post("/api/articles")
            .header("content-type", "text/plain")
            .header("authorization", "Bearer s3cret")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(ok.status, 201, "{}", ok.body);

    // Open on loopback, but not to other sites' pages.
    let app = app_at(&db, WritePolicy::Open, 1 << 20);
    let a = send(
        &app,
        Request::post("/api/articles")
            .header("content-type", "text/plain")
            .header("host", "127.0.0.1:8080")
            .header("origin", "https://evil.example")
            .body(Body::from("Cross-site article text."))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 403);
    assert!(a.error_message().contains("cross-site"));
}

/// Sends one raw HTTP/1.1 request and returns the status code and body.
fn raw_request(addr: SocketAddr, request: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status: u16 = out
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

#[test]
fn a_server_bound_to_all_interfaces_without_a_token_refuses_writes_over_the_wire() {
    let (_dir, db) = example_store();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("0.0.0.0:0"))
        .unwrap();
    let bound = listener.local_addr().unwrap();
    assert!(!bound.ip().is_loopback());
    // The policy is decided from the address actually bound, as `newsgraph serve` does.
    let config = newsgraph_serve::Config {
        addr: bound,
        token: None,
        max_body_bytes: 1 << 20,
        connections: 1,
        cache_bytes: 0,
        today: None,
    };
    let (state, warning) = newsgraph_serve::open_state(&db, &config).unwrap();
    assert!(warning.unwrap().contains("not a loopback address"));
    let app = newsgraph_serve::router(state, config.max_body_bytes);
    let server = rt.spawn(async move { axum::serve(listener, app).await });
    let addr = SocketAddr::from(([127, 0, 0, 1], bound.port()));
    let body = "A short article about a port reopening.";
    let (status, answer) = raw_request(
        addr,
        &format!(
            "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 403, "{answer}");
    assert!(answer.contains("\"status\":403"));
    let (status, _) = raw_request(
        addr,
        "GET /api/articles?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 200);
    server.abort();
}
