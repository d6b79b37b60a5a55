//! Shared helpers of the API tests: a store filled with the example articles, the
//! router over it, and one-shot requests.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use newsgraph_ingest::read::{read_paths, ReadOptions};
use newsgraph_pipeline::Ingestor;
use newsgraph_serve::{AppState, DynStore, WritePolicy};
use newsgraph_store::SqliteStore;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

/// The repository's example articles.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

/// A store in a temporary directory with the example articles ingested.
pub fn example_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("test.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let mut ingestor = Ingestor::new(&mut store);
    let mut n = 0;
    for read in read_paths(&[examples_dir()], &ReadOptions::default()) {
        let read = read.unwrap();
        ingestor
            .file(newsgraph_pipeline::analyze(read.article))
            .unwrap();
        n += 1;
    }
    assert!(n >= 10, "the examples should hold at least 10 articles");
    (dir, db)
}

/// An app over the store at `db` with `connections` connections.
pub fn app_at(db: &Path, policy: WritePolicy, max_body: usize) -> Router {
    let stores: Vec<DynStore> = (0..2)
        .map(|_| Box::new(SqliteStore::open(db).unwrap()) as DynStore)
        .collect();
    let state = AppState::new(stores, policy);
    newsgraph_serve::router(state, max_body)
}

/// An app over a fresh copy of the example store, writes open.
pub fn example_app() -> (tempfile::TempDir, Router) {
    let (dir, db) = example_store();
    let app = app_at(
        &db,
        WritePolicy::Open,
        newsgraph_serve::DEFAULT_MAX_BODY_BYTES,
    );
    (dir, app)
}

/// An answer: status, headers, body as text.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The error message of a JSON error body, checking its shape and status.
    pub fn error_message(&self) -> String {
        let v = self.json();
        assert_eq!(
            v["error"]["status"].as_u64(),
            Some(u64::from(self.status.as_u16())),
            "{}",
            self.body
        );
        v["error"]["message"].as_str().unwrap().to_string()
    }
}

/// Sends one request to the app.
pub async fn send(app: &Router, req: Request<Body>) -> Answer {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// GET `uri`.
pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// POST `body` with a content type.
pub async fn post(app: &Router, uri: &str, content_type: &str, body: &str) -> Answer {
    send(
        app,
        Request::post(uri)
            .header("content-type", content_type)
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}
