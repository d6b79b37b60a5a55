//! The article listing and the article reader.
//!
//! The reader shows the clean body with every extraction highlighted
//! ([`crate::highlight`]): mentions (linked to their actor), time expressions, events
//! (coloured by modality), quotes and figures, each with a `data-tip` the page script
//! shows on hover and a `title` for browsers without it. Beside the body, the same
//! extractions are listed, each event linked to its place in the text.

use super::{actor_link, actor_links, date_label, name_of, names_of, pager, PageResult};
use crate::error::PageError;
use crate::highlight::{self, Mark};
use crate::html::{self, esc, layout, safe_href, Section};
use crate::state::AppState;
use crate::views::{self, enum_name, ArticleDetail, ArticleParams};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use newsgraph_model::{Actor, Event, Mention, Quantity, Quote, Timex};
use std::collections::HashMap;
use std::fmt::Write;

/// `GET /articles`: the listing, oldest first, with filters and paging.
pub async fn articles_page(
    State(state): State<AppState>,
    q: Result<Query<ArticleParams>, QueryRejection>,
) -> PageResult {
    let Query(p) = q.map_err(PageError::from)?;
    let p2 = p.clone();
    let page = state.read(move |s| views::list_articles(s, &p2)).await?;
    let mut body = String::from("<h1>Articles</h1>");
    let _ = write!(
        body,
        "<form class=\"filters\" action=\"/articles\" method=\"get\">{}{}{}\
         <button type=\"submit\">Filter</button></form>",
        super::input("source", "Source", p.source.as_deref(), "outlet"),
        super::input("from", "From", p.from.as_deref(), "2026-03-01"),
        super::input("to", "To", p.to.as_deref(), "2026-03-31"),
    );
    if page.items.is_empty() {
        body.push_str("<p class=\"muted\">No articles.</p>");
    }
    body.push_str("<ol class=\"articles\">");
    for a in &page.items {
        let _ = write!(
            body,
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">{} · {} · {} words{}</span></li>",
            html::article_url(&a.id),
            esc(&a.title),
            esc(&date_label(a.published.as_deref())),
            esc(if a.source.is_empty() {
                "unknown outlet"
            } else {
                &a.source
            }),
            a.words,
            if a.duplicate_of.is_some() {
                " · near duplicate"
            } else {
                ""
            }
        );
    }
    body.push_str("</ol>");
    body.push_str(&pager(
        "/articles",
        &[
            ("source", p.source.as_deref()),
            ("from", p.from.as_deref()),
            ("to", p.to.as_deref()),
            ("limit", p.limit.map(|l| l.to_string()).as_deref()),
        ],
        page.next.as_deref(),
    ));
    Ok(Html(layout("Articles", Section::Articles, "", &body)))
}

/// `GET /articles/{id}`: the reader.
pub async fn article_page(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> PageResult {
    let Path(id) = id.map_err(PageError::from)?;
    let d = state.read(move |s| views::article_detail(s, &id)).await?;
    let body = render_reader(&d);
    Ok(Html(layout(&d.article.title, Section::Articles, "", &body)))
}

fn fmt_conf(c: f32) -> String {
    format!("{c:.2}")
}

/// The tooltip of an event.
pub(crate) fn event_tip(e: &Event, names: &HashMap<String, String>) -> String {
    let mut tip = format!(
        "Event {}{} · {} · {} → {}",
        views::type_name(e),
        e.mode
            .as_deref()
            .map(|m| format!("/{m}"))
            .unwrap_or_default(),
        views::modality_name(e),
        names_of(&e.source, names),
        names_of(&e.target, names)
    );
    if !e.place.is_empty() {
        let _ = write!(tip, " · at {}", names_of(&e.place, names));
    }
    if let Some(t) = &e.time {
        let _ = write!(tip, " · {}", t.value);
    }
    if !e.attributed_to.is_empty() {
        let _ = write!(tip, " · according to {}", names_of(&e.attributed_to, names));
    }
    let _ = write!(tip, " · confidence {}", fmt_conf(e.confidence));
    tip
}

fn mention_tip(m: &Mention, names: &HashMap<String, String>) -> String {
    let mut tip = format!("{} · ", enum_name(&m.kind));
    match &m.actor {
        Some(a) => tip.push_str(name_of(a, names)),
        None if !m.candidates.is_empty() => {
            tip.push_str("ambiguous: ");
            let c: Vec<String> = m
                .candidates
                .iter()
                .map(|c| format!("{} ({:.2})", name_of(&c.actor, names), c.score))
                .collect();
            tip.push_str(&c.join(", "));
        }
        None => tip.push_str("unresolved"),
    }
    if let Some(r) = &m.role {
        let _ = write!(tip, " · role: {}", r.title);
        if let Some(of) = &r.of {
            let _ = write!(tip, " of {}", name_of(of, names));
        }
    }
    tip
}

fn timex_tip(t: &Timex) -> String {
    let mut tip = format!("Time {} {}", enum_name(&t.kind), t.value);
    if let Some(m) = &t.r#mod {
        let _ = write!(tip, " ({m})");
    }
    tip
}

fn quote_tip(q: &Quote, names: &HashMap<String, String>) -> String {
    let mut tip = format!(
        "Quote · speaker: {}",
        q.speaker
            .as_deref()
            .map_or("unknown", |s| name_of(s, names))
    );
    if let Some(c) = &q.cue {
        let _ = write!(tip, " · cue: {c}");
    }
    if !q.attributed_to.is_empty() {
        let _ = write!(tip, " · via {}", names_of(&q.attributed_to, names));
    }
    tip
}

/// How a figure reads: "crew: more than 23 people".
pub(crate) fn quantity_text(q: &Quantity) -> String {
    let approx = q
        .approx
        .map(|a| enum_name(&a).replace('_', " ") + " ")
        .unwrap_or_default();
    let value = crate::svg::short_number(q.value);
    let unit = q
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    format!(
        "{}: {approx}{value}{unit}",
        q.measure.as_deref().unwrap_or("figure")
    )
}

fn quantity_tip(q: &Quantity, names: &HashMap<String, String>) -> String {
    let mut tip = format!("Figure · {}", quantity_text(q));
    if let Some(s) = &q.subject {
        let _ = write!(tip, " · of {}", name_of(s, names));
    }
    if let Some(p) = &q.period {
        let _ = write!(tip, " · {p}");
    }
    if !q.attributed_to.is_empty() {
        let _ = write!(tip, " · according to {}", names_of(&q.attributed_to, names));
    }
    tip
}

/// The marks of every extraction of an article.
fn marks(d: &ArticleDetail, names: &HashMap<String, String>) -> Vec<Mark> {
    let mut out = Vec::new();
    for q in &d.quotes {
        out.push(Mark {
            start: q.start,
            end: q.end,
            order: 0,
            href: None,
            attrs: format!(" class=\"x q\" data-tip=\"{}\"", esc(&quote_tip(q, names))),
        });
    }
    for e in &d.events {
        out.push(Mark {
            start: e.start,
            end: e.end,
            order: 1,
            href: None,
            attrs: format!(
                " class=\"x ev mod-{}\" id=\"ev-{}\" data-tip=\"{}\"",
                views::modality_name(e).to_ascii_lowercase(),
                esc(&e.id),
                esc(&event_tip(e, names))
            ),
        });
    }
    for t in &d.timexes {
        out.push(Mark {
            start: t.start,
            end: t.end,
            order: 2,
            href: None,
            attrs: format!(" class=\"x t\" data-tip=\"{}\"", esc(&timex_tip(t))),
        });
    }
    for q in &d.quantities {
        out.push(Mark {
            start: q.start,
            end: q.end,
            order: 2,
            href: None,
            attrs: format!(
                " class=\"x n\" data-tip=\"{}\"",
                esc(&quantity_tip(q, names))
            ),
        });
    }
    for m in &d.mentions {
        out.push(Mark {
            start: m.start,
            end: m.end,
            order: 3,
            href: m.actor.as_deref().map(html::actor_url),
            attrs: format!(
                " class=\"x m m-{}\" data-tip=\"{}\"",
                enum_name(&m.kind).to_ascii_lowercase(),
                esc(&mention_tip(m, names))
            ),
        });
    }
    out
}

fn meta_line(d: &ArticleDetail) -> String {
    let a = &d.article;
    let mut parts: Vec<String> = Vec::new();
    if !a.source.is_empty() {
        parts.push(format!("<span class=\"source\">{}</span>", esc(&a.source)));
    }
    if !a.via.is_empty() {
        parts.push(format!("via {}", esc(&a.via.join(" ← "))));
    }
    if let Some(b) = &a.byline {
        parts.push(format!("by {}", esc(b)));
    }
    match (&a.published, &a.published_bounds) {
        (Some(p), _) => parts.push(format!("<time>{}</time>", esc(p))),
        (None, Some(b)) => parts.push(format!(
            "undated (between {} and {})",
            esc(b.from.as_deref().unwrap_or("?")),
            esc(b.to.as_deref().unwrap_or("?"))
        )),
        (None, None) => parts.push("undated".into()),
    }
    if let Some(s) = &a.section {
        parts.push(esc(s).to_string());
    }
    if let Some(url) = &a.url {
        match safe_href(url) {
            Some(href) => parts.push(format!(
                "<a class=\"ext\" href=\"{}\" rel=\"noopener noreferrer nofollow\">original</a>",
                esc(href)
            )),
            None => parts.push(format!("<span class=\"ext\">{}</span>", esc(url))),
        }
    }
    parts.join(" · ")
}

fn legend(d: &ArticleDetail) -> String {
    let mut out = String::from("<p class=\"legend\" id=\"legend\">");
    for (cls, label, n) in [
        ("m", "mentions", d.mentions.len()),
        ("t", "times", d.timexes.len()),
        ("ev", "events", d.events.len()),
        ("q", "quotes", d.quotes.len()),
        ("n", "figures", d.quantities.len()),
    ] {
        let _ = write!(
            out,
            "<label class=\"key\"><input type=\"checkbox\" data-toggle=\"{cls}\" checked>\
             <span class=\"swatch k-{cls}\"></span>{label} ({n})</label>"
        );
    }
    out.push_str("</p>");
    out
}

/// The reader's HTML (without the layout).
pub(crate) fn render_reader(d: &ArticleDetail) -> String {
    let names: HashMap<String, String> = d
        .actors
        .iter()
        .map(|a: &Actor| (a.id.clone(), a.name.clone()))
        .collect();
    let a = &d.article;
    let mut out = String::with_capacity(a.body.len() * 3);
    let _ = write!(
        out,
        "<article class=\"reader\"><header><h1>{}</h1>",
        esc(&a.title)
    );
    if let Some(s) = &a.subtitle {
        let _ = write!(out, "<p class=\"deck\">{}</p>", esc(s));
    }
    let _ = write!(out, "<p class=\"meta\">{}</p>", meta_line(d));
    if let Some(s) = &d.story {
        let _ = write!(
            out,
            "<p class=\"meta\">Story: <a class=\"story\" href=\"{}\">{}</a></p>",
            html::story_url(&s.id),
            esc(&s.title)
        );
    }
    if let Some(dup) = &a.duplicate_of {
        let _ = write!(
            out,
            "<p class=\"meta\">Near duplicate of <a href=\"{}\">{}</a></p>",
            html::article_url(dup),
            esc(dup.get(..12).unwrap_or(dup))
        );
    }
    if let Some(b) = a
        .published
        .is_none()
        .then_some(())
        .and(a.published_bounds.as_ref())
    {
        if !b.reasons.is_empty() {
            out.push_str("<details class=\"bounds\"><summary>Why these dates</summary><ul>");
            for r in &b.reasons {
                let _ = write!(out, "<li>{}</li>", esc(r));
            }
            out.push_str("</ul></details>");
        }
    }
    out.push_str("</header>");
    out.push_str(&legend(d));
    let _ = write!(
        out,
        "<div class=\"cols\"><div class=\"body\" id=\"body\">{}</div><aside>",
        highlight::render(&a.body, &marks(d, &names))
    );
    out.push_str(&side_lists(d, &names));
    out.push_str("</aside></div></article>");
    out
}

fn side_lists(d: &ArticleDetail, names: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<h2>Events ({})</h2><ul class=\"events\">",
        d.events.len()
    );
    for e in &d.events {
        let _ = write!(
            out,
            "<li><a class=\"jump\" href=\"#ev-{}\"><span class=\"badge mod-{}\">{}</span> {}</a> \
             {} → {}{}</li>",
            esc(&e.id),
            views::modality_name(e).to_ascii_lowercase(),
            esc(&views::modality_name(e).to_ascii_lowercase()),
            esc(&views::type_name(e)),
            actor_links(&e.source, names),
            actor_links(&e.target, names),
            e.time
                .as_ref()
                .map(|t| format!(" <span class=\"muted\">{}</span>", esc(&t.value)))
                .unwrap_or_default()
        );
    }
    out.push_str("</ul>");
    if !d.quotes.is_empty() {
        let _ = write!(
            out,
            "<h2>Quotes ({})</h2><ul class=\"quotes\">",
            d.quotes.len()
        );
        for q in &d.quotes {
            let who = q.speaker.as_deref().map_or_else(
                || "<span class=\"muted\">unknown</span>".into(),
                |s| actor_link(s, names),
            );
            let _ = write!(out, "<li>{who}: “{}”</li>", esc(&q.text));
        }
        out.push_str("</ul>");
    }
    if !d.quantities.is_empty() {
        let _ = write!(
            out,
            "<h2>Figures ({})</h2><ul class=\"figures\">",
            d.quantities.len()
        );
        for q in &d.quantities {
            let _ = write!(
                out,
                "<li>{} <span class=\"muted\">“{}”</span></li>",
                esc(&quantity_text(q)),
                esc(&q.text)
            );
        }
        out.push_str("</ul>");
    }
    if !d.timexes.is_empty() {
        let _ = write!(
            out,
            "<h2>Times ({})</h2><ul class=\"times\">",
            d.timexes.len()
        );
        for t in &d.timexes {
            let _ = write!(
                out,
                "<li>“{}” → <code>{}</code></li>",
                esc(&t.text),
                esc(&t.value)
            );
        }
        out.push_str("</ul>");
    }
    let mut actors: Vec<&Actor> = d.actors.iter().collect();
    actors.sort_by(|a, b| a.name.cmp(&b.name));
    let _ = write!(
        out,
        "<h2>Actors ({})</h2><ul class=\"actors\">",
        actors.len()
    );
    for a in actors {
        let _ = write!(
            out,
            "<li>{} <span class=\"muted\">{}</span></li>",
            actor_link(&a.id, names),
            esc(&enum_name(&a.kind))
        );
    }
    out.push_str("</ul>");
    out
}
