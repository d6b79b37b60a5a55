//! The JSON API handlers (`/api/…`), thin over [`crate::views`].
//!
//! Parameters come from the path and query string; rejections of the HTTP layer
//! (malformed query strings, unknown parameters, bodies over the limit) are turned into
//! the API's JSON errors by [`crate::ServeError`]'s `From` impls. The routes and their
//! documentation live in [`crate::openapi`].

use crate::ingest::{self, IngestParams, IngestReport};
use crate::security;
use crate::state::AppState;
use crate::views::{self, ActorParams, ArticleParams, EventParams, SearchParams};
use crate::ServeError;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// JSON with a `Cache-Control: no-store` header (API answers change with every ingest).
fn json<T: Serialize>(value: &T) -> Response {
    let mut resp = Json(value).into_response();
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    resp
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    Json(crate::openapi::document()).into_response()
}

/// `GET /api/articles`.
pub async fn list_articles(
    State(state): State<AppState>,
    q: Result<Query<ArticleParams>, QueryRejection>,
) -> Result<Response, ServeError> {
    let Query(p) = q?;
    let page = state.read(move |s| views::list_articles(s, &p)).await?;
    Ok(json(&page))
}

/// `GET /api/articles/{id}`.
pub async fn get_article(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ServeError> {
    let Path(id) = id?;
    let detail = state.read(move |s| views::article_detail(s, &id)).await?;
    Ok(json(&detail))
}

/// `POST /api/articles`.
pub async fn post_articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: Result<Query<IngestParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ServeError> {
    security::check_write(state.policy(), &headers)?;
    let Query(params) = q?;
    let format = ingest::format_for(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    )?;
    let body = body?;
    let (articles, errors) = tokio::task::spawn_blocking(move || {
        let (articles, errors) = ingest::read_articles(format, body.to_vec(), &params)?;
        Ok::<_, ServeError>((ingest::analyze(articles), errors))
    })
    .await
    .map_err(|e| ServeError::Internal(format!("analysis failed: {e}")))??;
    let outcomes = state.write(move |s| ingest::file(s, articles)).await?;
    let status = if outcomes.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if outcomes.iter().any(|o| o.outcome != "already_present") {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let report = IngestReport {
        articles: outcomes,
        errors,
    };
    if status == StatusCode::UNPROCESSABLE_ENTITY {
        let message = report
            .errors
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("; ");
        return Err(ServeError::Rejected {
            status,
            message: if message.is_empty() {
                "no article could be read from the body".into()
            } else {
                message
            },
        });
    }
    let mut resp = json(&report);
    *resp.status_mut() = status;
    Ok(resp)
}

/// `GET /api/search`.
pub async fn search(
    State(state): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response, ServeError> {
    let Query(p) = q?;
    let page = state
        .read(move |s| {
            let story = crate::stories::story_article_filter(s, p.story.as_deref())?;
            views::search(s, &p, story)
        })
        .await?;
    Ok(json(&page))
}

/// `GET /api/actors`.
pub async fn list_actors(
    State(state): State<AppState>,
    q: Result<Query<ActorParams>, QueryRejection>,
) -> Result<Response, ServeError> {
    let Query(p) = q?;
    let page = state.read(move |s| views::list_actors(s, &p)).await?;
    Ok(json(&page))
}

/// `GET /api/actors/{id}`.
pub async fn get_actor(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ServeError> {
    let Path(id) = id?;
    let detail = state.read(move |s| views::actor_detail(s, &id)).await?;
    Ok(json(&detail))
}

/// The body of `GET /api/events`.
#[derive(Debug, Serialize)]
struct EventPage {
    items: Vec<views::EventRow>,
    next: Option<String>,
    names: std::collections::HashMap<String, String>,
}

/// `GET /api/events`.
pub async fn list_events(
    State(state): State<AppState>,
    q: Result<Query<EventParams>, QueryRejection>,
) -> Result<Response, ServeError> {
    let Query(p) = q?;
    let (page, names) = state.read(move |s| views::list_events(s, &p)).await?;
    Ok(json(&EventPage {
        items: page.items,
        next: page.next,
        names,
    }))
}

/// Answers unknown `/api/…` paths with a JSON 404 (the router hands over the path
/// below `/api`).
pub async fn not_found(uri: axum::http::Uri) -> ServeError {
    ServeError::NoRoute(format!("/api{}", uri.path()))
}

/// Answers a known path with the wrong method with a JSON 405.
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ServeError {
    ServeError::Rejected {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: format!("{method} is not allowed on /api{}", uri.path()),
    }
}

/// `GET /api/stories`.
pub async fn list_stories(
    State(state): State<AppState>,
    q: Result<Query<crate::stories::StoryParams>, QueryRejection>,
) -> Result<Response, ServeError> {
    let Query(p) = q?;
    let page = state
        .read(move |s| crate::stories::list_stories(s, &p))
        .await?;
    Ok(json(&page))
}

/// `GET /api/stories/{id}`.
pub async fn get_story(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ServeError> {
    let Path(id) = id?;
    let detail = state
        .read(move |s| crate::stories::story_detail(s, &id))
        .await?;
    Ok(json(&detail))
}

/// `GET /api/series`.
pub async fn list_series(
    State(state): State<AppState>,
    q: Result<Query<crate::stories::SeriesParams>, QueryRejection>,
) -> Result<Response, ServeError> {
    let Query(p) = q?;
    let page = state
        .read(move |s| crate::stories::list_series(s, &p))
        .await?;
    Ok(json(&page))
}
