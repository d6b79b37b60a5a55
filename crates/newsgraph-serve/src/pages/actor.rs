//! The actor listing and the actor page: roles over time, relations, events as source
//! and as target (with a timeline), and mentions with their sentences.

use super::{actor_link, actor_links, date_label, pager, PageResult};
use crate::dates::day_range;
use crate::error::PageError;
use crate::html::{self, esc, layout, Section};
use crate::state::AppState;
use crate::svg::{self, SpanBar, TimelineItem};
use crate::views::{self, ActorParams, EventRow};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use newsgraph_model::RoleSource;
use std::collections::HashMap;
use std::fmt::Write;

const KINDS: [&str; 8] = [
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "MISC",
];

/// `GET /actors`: actors, most mentioned first.
pub async fn actors_page(
    State(state): State<AppState>,
    q: Result<Query<ActorParams>, QueryRejection>,
) -> PageResult {
    let Query(p) = q.map_err(PageError::from)?;
    let p2 = p.clone();
    let page = state.read(move |s| views::list_actors(s, &p2)).await?;
    let mut body = String::from("<h1>Actors</h1>");
    let _ = write!(
        body,
        "<form class=\"filters\" action=\"/actors\" method=\"get\">{}\
         <button type=\"submit\">Filter</button></form>",
        super::select("kind", "Kind", &KINDS, p.kind.as_deref())
    );
    body.push_str(
        "<table class=\"list\"><thead><tr><th>Actor</th><th>Kind</th><th>Mentions</th>\
         <th>Articles</th><th>Seen as</th></tr></thead><tbody>",
    );
    for a in &page.items {
        let seen: Vec<String> = a
            .names
            .iter()
            .take(4)
            .map(|(n, c)| format!("{} ×{c}", esc(n)))
            .collect();
        let _ = write!(
            body,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html::actor_url(&a.actor.id),
            esc(&a.actor.name),
            esc(&views::enum_name(&a.actor.kind)),
            a.mention_count,
            a.article_count,
            seen.join(", ")
        );
    }
    body.push_str("</tbody></table>");
    body.push_str(&pager(
        "/actors",
        &[("kind", p.kind.as_deref())],
        page.next.as_deref(),
    ));
    Ok(Html(layout("Actors", Section::Actors, "", &body)))
}

/// A table of events (date, modality, type, source → target, article).
pub(crate) fn event_table(rows: &[EventRow], names: &HashMap<String, String>) -> String {
    if rows.is_empty() {
        return "<p class=\"muted\">None.</p>".into();
    }
    let mut out = String::from(
        "<table class=\"list events\"><thead><tr><th>Date</th><th>Modality</th><th>Type</th>\
         <th>Who → whom</th><th>Article</th></tr></thead><tbody>",
    );
    for r in rows {
        let e = &r.event;
        let when = e
            .time
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_else(|| date_label(r.article_published.as_deref()));
        let modality = views::modality_name(e).to_ascii_lowercase();
        let _ = write!(
            out,
            "<tr><td>{}</td><td><span class=\"badge mod-{modality}\">{modality}</span></td>\
             <td>{}{}</td><td>{} → {}</td><td><a href=\"{}#ev-{}\" title=\"{}\">{}</a></td></tr>",
            esc(&when),
            esc(&views::type_name(e)),
            e.mode
                .as_deref()
                .map(|m| format!("/{}", esc(m)))
                .unwrap_or_default(),
            actor_links(&e.source, names),
            actor_links(&e.target, names),
            html::article_url(&e.article),
            esc(&e.id),
            esc(&r.evidence),
            esc(&r.article_title)
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// Timeline items for events (those with a date).
pub(crate) fn event_items(
    rows: &[&EventRow],
    names: &HashMap<String, String>,
) -> Vec<TimelineItem> {
    rows.iter()
        .filter_map(|r| {
            let e = &r.event;
            let value = e
                .time
                .as_ref()
                .map(|t| t.value.as_str())
                .or(r.article_published.as_deref())?;
            let (a, b) = day_range(value)?;
            Some(TimelineItem {
                day: a + (b - a) / 2,
                lane: views::type_name(e),
                modality: views::modality_name(e).to_ascii_lowercase(),
                label: format!("{} ({value})", super::article::event_tip(e, names)),
                href: format!("{}#ev-{}", html::article_url(&e.article), html::seg(&e.id)),
            })
        })
        .collect()
}

/// `GET /actors/{id}`: one actor.
pub async fn actor_page(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> PageResult {
    let Path(id) = id.map_err(PageError::from)?;
    let v = state.read(move |s| views::actor_detail(s, &id)).await?;
    let today = state.today();
    let a = &v.row.actor;
    let mut names = v.names.clone();
    names.insert(a.id.clone(), a.name.clone());
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1><p class=\"meta\">{} · <code>{}</code>{} · {} mentions in {} articles · from the {}</p>",
        esc(&a.name),
        esc(&views::enum_name(&a.kind)),
        esc(&a.id),
        a.country
            .as_deref()
            .map(|c| format!(" · country {}", esc(c)))
            .unwrap_or_default(),
        v.row.mention_count,
        v.row.article_count,
        if v.row.origin == "kb" {
            "knowledge base"
        } else {
            "articles"
        }
    );
    if !a.aliases.is_empty() {
        let _ = write!(
            body,
            "<p class=\"meta\">Also known as {}</p>",
            esc(&a.aliases.join(", "))
        );
    }
    // Roles over time.
    body.push_str("<section><h2>Roles</h2>");
    if a.roles.is_empty() {
        body.push_str("<p class=\"muted\">No known roles.</p>");
    } else {
        let bars: Vec<SpanBar> = a
            .roles
            .iter()
            .map(|r| SpanBar {
                label: match &r.of {
                    Some(of) => format!(
                        "{} of {}",
                        r.title,
                        names.get(of).map_or(of.as_str(), String::as_str)
                    ),
                    None => r.title.clone(),
                },
                from: r.from.as_deref().and_then(day_range).map(|(a, _)| a),
                to: r.to.as_deref().and_then(day_range).map(|(_, b)| b),
                class: match r.source {
                    Some(RoleSource::Article) => "src-article".into(),
                    _ => "src-kb".into(),
                },
            })
            .collect();
        body.push_str(&svg::span_chart(&bars, today));
        body.push_str("<ul class=\"roles\">");
        for r in &a.roles {
            let _ = write!(
                body,
                "<li>{}{} <span class=\"muted\">{} – {} · {}</span>",
                esc(&r.title),
                r.of.as_deref()
                    .map(|of| format!(" of {}", actor_link(of, &names)))
                    .unwrap_or_default(),
                esc(r.from.as_deref().unwrap_or("?")),
                esc(r.to.as_deref().unwrap_or("")),
                match r.source {
                    Some(RoleSource::Article) => "asserted by articles",
                    _ => "knowledge base",
                }
            );
            for ev in r.evidence.iter().take(3) {
                let _ = write!(
                    body,
                    " <a class=\"evidence\" href=\"{}\">[evidence]</a>",
                    html::article_url(&ev.article)
                );
            }
            body.push_str("</li>");
        }
        body.push_str("</ul>");
    }
    body.push_str("</section>");
    // Relations.
    let _ = write!(body, "<section><h2>Relations ({})</h2>", v.relations.len());
    if v.relations.is_empty() {
        body.push_str("<p class=\"muted\">No events with other actors.</p>");
    } else {
        body.push_str(
            "<table class=\"list\"><thead><tr><th>With</th><th>As source</th><th>As target</th>\
             <th>Types</th></tr></thead><tbody>",
        );
        for r in &v.relations {
            let types: Vec<String> = r
                .types
                .iter()
                .map(|(t, n)| format!("{} ×{n}", esc(t)))
                .collect();
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                actor_link(&r.actor, &names),
                r.outgoing,
                r.incoming,
                types.join(", ")
            );
        }
        body.push_str("</tbody></table>");
    }
    body.push_str("</section>");
    // Events.
    let all: Vec<&EventRow> = v
        .events_as_source
        .iter()
        .chain(&v.events_as_target)
        .collect();
    let items = event_items(&all, &names);
    if !items.is_empty() {
        body.push_str("<section><h2>Timeline</h2>");
        body.push_str(&svg::timeline(&items, today));
        body.push_str(&super::modality_legend());
        body.push_str("</section>");
    }
    let _ = write!(
        body,
        "<section><h2>Events as source ({})</h2>{}</section>\
         <section><h2>Events as target ({})</h2>{}</section>",
        v.events_as_source.len(),
        event_table(&v.events_as_source, &names),
        v.events_as_target.len(),
        event_table(&v.events_as_target, &names)
    );
    // Mentions.
    let _ = write!(
        body,
        "<section><h2>Mentions ({}{})</h2><ul class=\"mentions\">",
        v.mentions.len(),
        if v.mentions_total > v.mentions.len() {
            format!(" of {}", v.mentions_total)
        } else {
            String::new()
        }
    );
    for m in &v.mentions {
        let _ = write!(
            body,
            "<li><a href=\"{}\">{}</a> <span class=\"muted\">{}</span>{}<br><span class=\"sentence\">{}</span></li>",
            html::article_url(&m.mention.article),
            esc(&m.article_title),
            esc(&date_label(m.article_published.as_deref())),
            if m.as_candidate {
                " <span class=\"badge\">candidate</span>"
            } else {
                ""
            },
            esc(m.sentence.as_deref().unwrap_or(&m.mention.text))
        );
    }
    body.push_str("</ul></section>");
    let _ = write!(
        body,
        "<p><a href=\"/search?actor={}&amp;q={}\">Search articles mentioning {}</a></p>",
        html::seg(&a.id),
        html::seg(&a.name),
        esc(&a.name)
    );
    Ok(Html(layout(&a.name, Section::Actors, "", &body)))
}
