//! The event listing and the search page, both with filter forms.

use super::{date_label, input, pager, select, PageResult};
use crate::error::PageError;
use crate::html::{self, esc, layout, Section};
use crate::state::AppState;
use crate::views::{self, EventParams, Hit, SearchParams, MODALITIES, PLOVER_TYPES};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use std::fmt::Write;

/// `GET /events`: events with filters, oldest first.
pub async fn events_page(
    State(state): State<AppState>,
    q: Result<Query<EventParams>, QueryRejection>,
) -> PageResult {
    let Query(p) = q.map_err(PageError::from)?;
    let p2 = p.clone();
    let (page, names) = state.read(move |s| views::list_events(s, &p2)).await?;
    let mut body = String::from("<h1>Events</h1>");
    let _ = write!(
        body,
        "<form class=\"filters\" action=\"/events\" method=\"get\">{}{}{}{}{}\
         <button type=\"submit\">Filter</button></form>",
        select("type", "Type", &PLOVER_TYPES, p.kind.as_deref()),
        select("modality", "Modality", &MODALITIES, p.modality.as_deref()),
        input("actor", "Actor", p.actor.as_deref(), "name or id"),
        input("from", "From", p.from.as_deref(), "2026-03-01"),
        input("to", "To", p.to.as_deref(), "2026-03-31"),
    );
    let refs: Vec<&views::EventRow> = page.items.iter().collect();
    let items = super::actor::event_items(&refs, &names);
    if !items.is_empty() {
        body.push_str(&crate::svg::timeline(&items, state.today()));
        body.push_str(&super::modality_legend());
    }
    body.push_str(&super::actor::event_table(&page.items, &names));
    body.push_str(&pager(
        "/events",
        &[
            ("type", p.kind.as_deref()),
            ("modality", p.modality.as_deref()),
            ("actor", p.actor.as_deref()),
            ("from", p.from.as_deref()),
            ("to", p.to.as_deref()),
            ("article", p.article.as_deref()),
        ],
        page.next.as_deref(),
    ));
    Ok(Html(layout("Events", Section::Events, "", &body)))
}

/// A snippet with its highlights as `<mark>`s, everything escaped.
pub(crate) fn snippet_html(hit: &Hit) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for &[a, b] in &hit.highlights {
        if a < pos || b > hit.snippet.len() || a > b {
            continue;
        }
        let (Some(before), Some(marked)) = (hit.snippet.get(pos..a), hit.snippet.get(a..b)) else {
            continue;
        };
        let _ = write!(out, "{}<mark>{}</mark>", esc(before), esc(marked));
        pos = b;
    }
    let _ = write!(out, "{}", esc(hit.snippet.get(pos..).unwrap_or("")));
    out
}

/// `GET /search`: the search form and, with `q`, ranked results.
pub async fn search_page(
    State(state): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> PageResult {
    let Query(p) = q.map_err(PageError::from)?;
    let text = p.q.clone().unwrap_or_default();
    let mut body = String::from("<h1>Search</h1>");
    let _ = write!(
        body,
        "<form class=\"filters search\" action=\"/search\" method=\"get\" role=\"search\">\
         <label>Query <input type=\"search\" name=\"q\" value=\"{}\" \
         placeholder=\"words, &quot;phrases&quot;, -excluded, OR\" autofocus></label>{}{}{}{}{}\
         <button type=\"submit\">Search</button></form>",
        esc(&text),
        input("source", "Source", p.source.as_deref(), "outlet"),
        input("from", "From", p.from.as_deref(), "2026-03-01"),
        input("to", "To", p.to.as_deref(), "2026-03-31"),
        input("actor", "Actor", p.actor.as_deref(), "name or id"),
        input("story", "Story", p.story.as_deref(), "story id"),
    );
    if !text.trim().is_empty() {
        let p2 = p.clone();
        let result = state
            .read(move |s| {
                let story = crate::stories::story_article_filter(s, p2.story.as_deref())?;
                views::search(s, &p2, story)
            })
            .await;
        match result {
            Ok(page) => {
                let _ = write!(
                    body,
                    "<p class=\"muted\" id=\"result-count\">{} result{}{}</p><ol class=\"hits\">",
                    page.items.len(),
                    if page.items.len() == 1 { "" } else { "s" },
                    if page.next.is_some() {
                        " on this page"
                    } else {
                        ""
                    }
                );
                for h in &page.items {
                    let _ = write!(
                        body,
                        "<li class=\"hit\"><a href=\"{}\">{}</a> <span class=\"meta\">{} · {}</span>\
                         <p class=\"snippet\">{}</p></li>",
                        html::article_url(&h.id),
                        esc(&h.title),
                        esc(&date_label(h.published.as_deref())),
                        esc(&h.source),
                        snippet_html(h)
                    );
                }
                body.push_str("</ol>");
                body.push_str(&pager(
                    "/search",
                    &[
                        ("q", Some(text.as_str())),
                        ("source", p.source.as_deref()),
                        ("from", p.from.as_deref()),
                        ("to", p.to.as_deref()),
                        ("actor", p.actor.as_deref()),
                        ("story", p.story.as_deref()),
                    ],
                    page.next.as_deref(),
                ));
            }
            Err(e) if e.status().is_client_error() => {
                let _ = write!(body, "<p class=\"error\">{}</p>", esc(&e.public_message()));
            }
            Err(e) => return Err(PageError(e)),
        }
    }
    Ok(Html(layout(
        if text.is_empty() { "Search" } else { &text },
        Section::Search,
        &text,
        &body,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        let hit = Hit {
            id: "a".into(),
            title: "t".into(),
            source: "s".into(),
            published: None,
            score: 1.0,
            snippet: "<b>crew</b> was released".into(),
            highlights: vec![[3, 7], [16, 24], [100, 200]],
        };
        assert_eq!(
            snippet_html(&hit),
            "&lt;b&gt;<mark>crew</mark>&lt;/b&gt; was <mark>released</mark>"
        );
    }
}
