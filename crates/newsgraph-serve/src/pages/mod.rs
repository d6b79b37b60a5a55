//! The web UI: server-rendered HTML pages over [`crate::views`] and
//! [`crate::stories`].
//!
//! Every page is one HTML document built with the escaping helpers of [`crate::html`]
//! and the SVG pictures of [`crate::svg`]; the only script (`/static/app.js`) adds the
//! hover tooltips and the highlight toggles, and every page works without it.
//!
//! - `/` — active stories (and the latest articles);
//! - `/stories/{id}` — a story: timeline, figures as charts, key actors, actor graph,
//!   articles;
//! - `/articles`, `/articles/{id}` — the listing and the reader with every extraction
//!   highlighted;
//! - `/actors`, `/actors/{id}` — actors; an actor's roles over time, relations and
//!   events as source and as target;
//! - `/events` — events with filters; `/search` — full-text search with filters.

mod actor;
mod article;
mod lists;
mod story;

pub use actor::{actor_page, actors_page};
pub use article::{article_page, articles_page};
pub use lists::{events_page, search_page};
pub use story::{home_page, story_page};

use crate::html::{self, esc, layout, seg, Section};
use axum::http::StatusCode;
use axum::response::Html;
use std::collections::HashMap;
use std::fmt::Write;

/// The answer of a page handler.
pub type PageResult = Result<Html<String>, crate::error::PageError>;

/// An error as a page.
pub fn error_page(status: StatusCode, message: &str) -> Html<String> {
    let body = format!(
        "<h1>{} {}</h1><p class=\"error\">{}</p><p><a href=\"/\">Back to the stories</a></p>",
        status.as_u16(),
        esc(status.canonical_reason().unwrap_or("Error")),
        esc(message)
    );
    Html(layout("Error", Section::Other, "", &body))
}

/// Answers unknown paths with an HTML 404.
pub async fn not_found(uri: axum::http::Uri) -> crate::error::PageError {
    crate::error::PageError(crate::ServeError::NoRoute(uri.path().to_string()))
}

/// The date part of an ISO value, or "undated".
pub(crate) fn date_label(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => v.get(..10).unwrap_or(v).to_string(),
        _ => "undated".into(),
    }
}

/// A link to an actor's page with its name (the id when unnamed).
pub(crate) fn actor_link(id: &str, names: &HashMap<String, String>) -> String {
    let name = names.get(id).map_or(id, String::as_str);
    format!(
        "<a class=\"actor\" href=\"{}\">{}</a>",
        html::actor_url(id),
        esc(name)
    )
}

/// Links to several actors, joined by " + "; "?" for none.
pub(crate) fn actor_links(ids: &[String], names: &HashMap<String, String>) -> String {
    if ids.is_empty() {
        return "<span class=\"muted\">?</span>".into();
    }
    ids.iter()
        .map(|id| actor_link(id, names))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A name for tooltips: the actor's name, else its id.
pub(crate) fn name_of<'a>(id: &'a str, names: &'a HashMap<String, String>) -> &'a str {
    names.get(id).map_or(id, String::as_str)
}

/// Names joined by " + " for tooltips; "?" for none.
pub(crate) fn names_of(ids: &[String], names: &HashMap<String, String>) -> String {
    if ids.is_empty() {
        return "?".into();
    }
    ids.iter()
        .map(|id| name_of(id, names))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A query string from pairs, values percent-encoded, empty values left out.
pub(crate) fn query_string(pairs: &[(&str, Option<&str>)]) -> String {
    let mut out = String::new();
    for (k, v) in pairs {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push(if out.is_empty() { '?' } else { '&' });
            let _ = write!(out, "{k}={}", seg(v));
        }
    }
    out
}

/// A "next page" link to `path` with `pairs` and `after=next`, when there is a next page.
pub(crate) fn pager(path: &str, pairs: &[(&str, Option<&str>)], next: Option<&str>) -> String {
    let Some(next) = next else {
        return String::new();
    };
    let mut all: Vec<(&str, Option<&str>)> = pairs.to_vec();
    all.push(("after", Some(next)));
    format!(
        "<p class=\"pager\"><a rel=\"next\" href=\"{}{}\">Next page →</a></p>",
        path,
        esc(&query_string(&all))
    )
}

/// A `<select>` of options (with an "any" first), the current value selected.
pub(crate) fn select(name: &str, label: &str, options: &[&str], current: Option<&str>) -> String {
    let mut out = format!(
        "<label>{} <select name=\"{}\"><option value=\"\">any</option>",
        esc(label),
        esc(name)
    );
    for o in options {
        let sel = if current.is_some_and(|c| c.eq_ignore_ascii_case(o)) {
            " selected"
        } else {
            ""
        };
        let _ = write!(out, "<option{sel}>{}</option>", esc(o));
    }
    out.push_str("</select></label>");
    out
}

/// A labelled text input with its current value.
pub(crate) fn input(name: &str, label: &str, value: Option<&str>, placeholder: &str) -> String {
    format!(
        "<label>{} <input name=\"{}\" value=\"{}\" placeholder=\"{}\"></label>",
        esc(label),
        esc(name),
        esc(value.unwrap_or("")),
        esc(placeholder)
    )
}

/// The modality legend shown under timelines.
pub(crate) fn modality_legend() -> String {
    let mut out = String::from("<p class=\"legend\">");
    for m in crate::views::MODALITIES {
        let _ = write!(
            out,
            "<span class=\"key\"><span class=\"swatch mod-{}\"></span>{}</span>",
            m.to_ascii_lowercase(),
            m.to_ascii_lowercase()
        );
    }
    out.push_str(
        "<span class=\"key\"><span class=\"swatch future\"></span>after today (scheduled)</span></p>",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_encode_and_skip_empty() {
        assert_eq!(
            query_string(&[("q", Some("a b&c")), ("source", None), ("from", Some(""))]),
            "?q=a%20b%26c"
        );
        assert_eq!(query_string(&[]), "");
    }

    #[test]
    fn pager_escapes_the_cursor() {
        let p = pager("/search", &[("q", Some("x"))], Some("o.20"));
        assert!(p.contains("href=\"/search?q=x&amp;after=o.20\""));
        assert!(pager("/search", &[], None).is_empty());
    }

    #[test]
    fn error_pages_escape_the_message() {
        let Html(page) = error_page(StatusCode::NOT_FOUND, "no article <script>");
        assert!(page.contains("no article &lt;script&gt;"));
        assert!(page.contains("404 Not Found"));
    }
}
