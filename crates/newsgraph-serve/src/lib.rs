//! `newsgraph serve`: the JSON API and the web UI over a store (DESIGN.md §6).
//!
//! One axum router serves both:
//!
//! - **`/api/…`** — JSON: articles (list, get with every extraction, `POST` to
//!   ingest), search, stories, actors, events and series, described by the OpenAPI
//!   document at `/api/openapi.json` ([`openapi`]). Listings page with stable cursors;
//!   errors are JSON with a status and a message that says what was wrong
//!   ([`ServeError`]).
//! - **the web UI** — server-rendered HTML ([`pages`]): active stories, a story's
//!   timeline, charts and actor graph (inline SVG drawn by [`svg`]), actor pages, an
//!   article reader highlighting every extraction ([`highlight`]), search. The one
//!   stylesheet and script are embedded at build time ([`assets`]).
//!
//! Security: every string from an article is escaped ([`html`]); every response
//! carries a strict Content-Security-Policy (no inline script or style, nothing from
//! other origins) and `nosniff`; request bodies are size-limited; writes follow the
//! [`security`] policy (open on loopback, token-protected when a token is given,
//! refused on a non-loopback bind without one); no endpoint touches a file named by
//! a client.
//!
//! Store calls are blocking and run on the blocking pool with a connection from a
//! small pool ([`state`]).

#![warn(missing_docs)]

pub mod api;
pub mod assets;
pub mod cache;
pub mod dates;
mod error;
pub mod highlight;
pub mod html;
pub mod ingest;
pub mod openapi;
pub mod pages;
pub mod pool;
pub mod security;
pub mod state;
pub mod stories;
pub mod svg;
pub mod views;

pub use error::{ErrorBody, ErrorDetail, PageError, ServeError};
pub use security::{write_policy, WritePolicy};
pub use state::{AppState, DynStore};

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use newsgraph_store::SqliteStore;
use std::net::SocketAddr;
use std::path::Path;

/// Default largest request body: 4 MiB (far above any article).
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// The Content-Security-Policy of every response: scripts, styles and images only from
/// this server, no inline script or style, no plugins, no framing, forms only here.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
    frame-ancestors 'none'";

/// How to run the server.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Token required for writes (see [`security`]).
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Store connections to open (concurrent reads).
    pub connections: usize,
    /// Bytes of answers to cache (0: no cache); see [`cache`].
    pub cache_bytes: usize,
    /// The day timelines mark as today (`None`: the system date); fixed for
    /// reproducible pages and screenshots.
    pub today: Option<dates::Day>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("token", &self.token.as_ref().map(|_| "…"))
            .field("max_body_bytes", &self.max_body_bytes)
            .field("connections", &self.connections)
            .field("cache_bytes", &self.cache_bytes)
            .field("today", &self.today)
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            connections: 4,
            cache_bytes: cache::DEFAULT_CACHE_BYTES,
            today: None,
        }
    }
}

/// Page cache of each store connection of the server, in MiB (SQLite's default: 2).
pub const READ_CACHE_MIB: u32 = 16;
/// How much of the database file each connection maps into memory, in MiB: reads of
/// a mapped page cost no system call (the mapping is shared, through the OS page
/// cache, by every connection).
pub const READ_MMAP_MIB: u32 = 4096;

/// Opens `connections` connections to the SQLite store at `db` and builds the state
/// for `config`; also returns the warning to print about the write policy, if any.
pub fn open_state(db: &Path, config: &Config) -> Result<(AppState, Option<String>), ServeError> {
    let mut stores: Vec<DynStore> = Vec::with_capacity(config.connections.max(1));
    for _ in 0..config.connections.max(1) {
        let store = SqliteStore::open(db)?;
        store.tune_for_reads(READ_CACHE_MIB, READ_MMAP_MIB)?;
        stores.push(Box::new(store));
    }
    let (policy, warning) = write_policy(&config.addr, config.token.as_deref());
    let state = AppState::new(stores, policy).with_cache_bytes(config.cache_bytes);
    let state = match config.today {
        Some(day) => state.with_today(day),
        None => state,
    };
    Ok((state, warning))
}

async fn security_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

/// Serves GET requests from the answer cache when it holds an answer of the store's
/// current generation; caches successful answers otherwise.
async fn answer_cache(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if req.method() != axum::http::Method::GET
        || !state.cache().enabled()
        || req.uri().path().starts_with("/static/")
    {
        return next.run(req).await;
    }
    let Ok(generation) = state.generation().await else {
        return next.run(req).await;
    };
    let key = req.uri().to_string();
    if let Some(hit) = state.cache().get(&key, generation) {
        return cached_response(hit);
    }
    // One request computes a missing answer; the others for the same URL wait for it.
    let gate = state.cache().gate(&key);
    let guard = gate.lock().await;
    if let Some(hit) = state.cache().get(&key, generation) {
        drop(guard);
        state.cache().release_gate(&key, gate);
        return cached_response(hit);
    }
    let resp = next.run(req).await;
    let resp = cache_answer(&state, key.clone(), generation, resp).await;
    drop(guard);
    state.cache().release_gate(&key, gate);
    resp
}

/// Caches a successful answer and returns it.
async fn cache_answer(state: &AppState, key: String, generation: u64, resp: Response) -> Response {
    if resp.status() != axum::http::StatusCode::OK {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            let answer = cache::Cached {
                status: parts.status,
                content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
                cache_control: parts.headers.get(header::CACHE_CONTROL).cloned(),
                body: bytes,
            };
            state.cache().put(key, generation, answer.clone());
            cached_response(answer)
        }
        Err(e) => ServeError::Internal(format!("cannot read an answer: {e}")).into_response(),
    }
}

fn cached_response(c: cache::Cached) -> Response {
    let mut resp = Response::new(axum::body::Body::from(c.body));
    *resp.status_mut() = c.status;
    if let Some(ct) = c.content_type {
        resp.headers_mut().insert(header::CONTENT_TYPE, ct);
    }
    if let Some(cc) = c.cache_control {
        resp.headers_mut().insert(header::CACHE_CONTROL, cc);
    }
    resp
}

/// The API routes (under `/api`), with JSON answers for unknown paths and methods.
fn api_router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(api::openapi))
        .route(
            "/articles",
            get(api::list_articles).post(api::post_articles),
        )
        .route("/articles/{id}", get(api::get_article))
        .route("/search", get(api::search))
        .route("/stories", get(api::list_stories))
        .route("/stories/{id}", get(api::get_story))
        .route("/actors", get(api::list_actors))
        .route("/actors/{id}", get(api::get_actor))
        .route("/events", get(api::list_events))
        .route("/series", get(api::list_series))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
}

/// The whole application: API, pages, static files, security headers, body limit.
pub fn router(state: AppState, max_body_bytes: usize) -> Router {
    Router::new()
        .nest("/api", api_router())
        .route("/", get(pages::home_page))
        .route("/articles", get(pages::articles_page))
        .route("/articles/{id}", get(pages::article_page))
        .route("/actors", get(pages::actors_page))
        .route("/actors/{id}", get(pages::actor_page))
        .route("/stories/{id}", get(pages::story_page))
        .route("/events", get(pages::events_page))
        .route("/search", get(pages::search_page))
        .route("/static/{name}", get(assets::serve))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            answer_cache,
        ))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Serves `app` on `listener` until Ctrl-C (or SIGTERM), finishing requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Runs the server on the store at `db` until interrupted: opens the store, binds,
/// prints the address (and the write-policy warning) on stderr, serves.
pub fn run(db: &Path, config: &Config) -> Result<(), ServeError> {
    let (state, warning) = open_state(db, config)?;
    if let Some(w) = warning {
        eprintln!("warning: {w}");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.addr.to_string(),
                source,
            })?;
        let local = listener.local_addr()?;
        eprintln!(
            "newsgraph serving {} on http://{local}/ (API: http://{local}/api/openapi.json); Ctrl-C stops",
            db.display()
        );
        serve(listener, router(state, config.max_body_bytes)).await?;
        Ok(())
    })
}
