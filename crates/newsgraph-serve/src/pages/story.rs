//! The home page (active stories) and the story page: timeline, figures as charts,
//! key actors, actor graph and articles.

use super::{actor_link, actor_links, date_label, name_of, names_of, pager, PageResult};
use crate::dates::day_range;
use crate::error::PageError;
use crate::html::{self, esc, layout, Section};
use crate::state::AppState;
use crate::stories::{self, StoryParams, StoryView};
use crate::svg::{self, ChartPoint, TimelineItem, Tone};
use crate::views::{self, ArticleParams};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use newsgraph_model::{MergedEvent, Series};
use std::collections::HashMap;
use std::fmt::Write;

/// Most charts a story page draws.
const MAX_CHARTS: usize = 6;

/// `GET /`: the active stories, most recently active first, and the first articles.
pub async fn home_page(
    State(state): State<AppState>,
    q: Result<Query<StoryParams>, QueryRejection>,
) -> PageResult {
    let Query(p) = q.map_err(PageError::from)?;
    let p2 = p.clone();
    let (page, articles) = state
        .read(move |s| {
            let page = stories::list_stories(s, &p2)?;
            let articles = views::list_articles(
                s,
                &ArticleParams {
                    limit: Some(10),
                    ..ArticleParams::default()
                },
            )?;
            Ok((page, articles))
        })
        .await?;
    let mut body = String::from("<h1>Active stories</h1>");
    if page.items.is_empty() {
        body.push_str(
            "<p class=\"muted\">No stories yet: ingest articles (<code>newsgraph ingest \
             PATH</code> or <code>POST /api/articles</code>) and they are grouped into stories \
             as they arrive.</p>",
        );
    }
    body.push_str("<ol class=\"stories\">");
    for s in &page.items {
        let names: HashMap<String, String> = s
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        let ids: Vec<String> = s.actors.iter().map(|a| a.id.clone()).collect();
        let _ = write!(
            body,
            "<li class=\"story\"><a class=\"story-title\" href=\"{}\">{}</a>\
             <span class=\"meta\">{} – {} · {} article{} · {} event{}</span>\
             <span class=\"actors\">{}</span></li>",
            html::story_url(&s.id),
            esc(&s.title),
            esc(&date_label(s.first.as_deref())),
            esc(&date_label(s.last.as_deref())),
            s.size,
            if s.size == 1 { "" } else { "s" },
            s.events,
            if s.events == 1 { "" } else { "s" },
            actor_links(&ids, &names)
        );
    }
    body.push_str("</ol>");
    body.push_str(&pager(
        "/",
        &[
            ("actor", p.actor.as_deref()),
            ("from", p.from.as_deref()),
            ("to", p.to.as_deref()),
        ],
        page.next.as_deref(),
    ));
    body.push_str("<section><h2>Articles</h2><ol class=\"articles\">");
    for a in &articles.items {
        let _ = write!(
            body,
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">{} · {}</span></li>",
            html::article_url(&a.id),
            esc(&a.title),
            esc(&date_label(a.published.as_deref())),
            esc(&a.source)
        );
    }
    body.push_str("</ol><p><a href=\"/articles\">All articles →</a></p></section>");
    Ok(Html(layout("Stories", Section::Home, "", &body)))
}

/// The day a merged event is drawn at: its time, else its first report.
fn merged_day(e: &MergedEvent) -> Option<(i64, String)> {
    let value = e.time.as_deref().or(e.first_reported.as_deref())?;
    let (a, b) = day_range(value)?;
    Some((a + (b - a) / 2, value.to_string()))
}

fn merged_tip(e: &MergedEvent, names: &HashMap<String, String>, when: &str) -> String {
    let mut tip = format!(
        "{}{} · {} · {} → {} · {when} · {} report{} from {} independent source{}",
        views::enum_name(&e.kind),
        e.mode
            .as_deref()
            .map(|m| format!("/{m}"))
            .unwrap_or_default(),
        views::enum_name(&e.modality),
        names_of(&e.source, names),
        names_of(&e.target, names),
        e.reports,
        if e.reports == 1 { "" } else { "s" },
        e.origins.len().max(1),
        if e.origins.len() > 1 { "s" } else { "" }
    );
    if !e.place.is_empty() {
        let _ = write!(tip, " · at {}", names_of(&e.place, names));
    }
    if !e.conflicts.is_empty() {
        let _ = write!(tip, " · conflicts: {}", e.conflicts.join("; "));
    }
    tip
}

/// Where a click on a merged event goes: its first report in the reader.
fn merged_href(e: &MergedEvent) -> String {
    match e.evidence.first() {
        Some(r) => format!(
            "{}#ev-{}",
            html::article_url(&r.article),
            html::seg(&r.event)
        ),
        None => "#timeline".into(),
    }
}

fn timeline_items(v: &StoryView) -> Vec<TimelineItem> {
    v.timeline
        .iter()
        .filter_map(|e| {
            let (day, when) = merged_day(e)?;
            Some(TimelineItem {
                day,
                lane: views::enum_name(&e.kind),
                modality: views::enum_name(&e.modality).to_ascii_lowercase(),
                label: merged_tip(e, &v.names, &when),
                href: merged_href(e),
            })
        })
        .collect()
}

fn series_title(s: &Series, names: &HashMap<String, String>) -> String {
    match &s.subject {
        Some(subject) => format!("{} — {}", s.measure, name_of(subject, names)),
        None => s.measure.clone(),
    }
}

fn chart(s: &Series, names: &HashMap<String, String>) -> String {
    let points: Vec<ChartPoint> = s
        .points
        .iter()
        .filter_map(|p| {
            let (a, b) = day_range(&p.time)?;
            let mut label = format!("{} on {}", svg::short_number(p.value), p.time);
            if !p.outlet.is_empty() {
                let _ = write!(label, " · {}", p.outlet);
            }
            if !p.attributed_to.is_empty() {
                let _ = write!(
                    label,
                    " · according to {}",
                    names_of(&p.attributed_to, names)
                );
            }
            Some(ChartPoint {
                day: a + (b - a) / 2,
                value: p.value,
                label,
                href: html::article_url(&p.article),
            })
        })
        .collect();
    let mut out = String::from("<figure class=\"chart\">");
    out.push_str(&svg::line_chart(&series_title(s, names), &points));
    if !s.flags.is_empty() {
        let _ = write!(
            out,
            "<figcaption class=\"flags\">{}</figcaption>",
            esc(&s.flags.join("; "))
        );
    }
    out.push_str("</figure>");
    out
}

/// The story page's HTML (without the layout).
pub(crate) fn render_story(v: &StoryView, today: i64) -> String {
    let s = &v.story;
    let mut out = String::new();
    let count = |n: usize, cap: usize, what: &str| {
        if n >= cap {
            format!("the latest {n} {what}s shown")
        } else {
            format!("{n} {what}{}", if n == 1 { "" } else { "s" })
        }
    };
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"meta\">{} – {} · {} · {}</p>",
        esc(&s.title),
        esc(&date_label(s.first.as_deref())),
        esc(&date_label(s.last.as_deref())),
        count(v.articles.len(), stories::PAGE_ARTICLES, "article"),
        count(v.timeline.len(), stories::PAGE_EVENTS, "event"),
    );
    let names = &v.names;
    // Key actors.
    if !v.actors.is_empty() {
        out.push_str("<p class=\"key-actors\">Key actors: ");
        let links: Vec<String> = v.actors.iter().map(|a| actor_link(&a.id, names)).collect();
        out.push_str(&links.join(", "));
        out.push_str("</p>");
    }
    // Timeline.
    let items = timeline_items(v);
    out.push_str("<section id=\"timeline\"><h2>Timeline</h2>");
    if items.is_empty() {
        out.push_str("<p class=\"muted\">No dated events.</p>");
    } else {
        out.push_str(&svg::timeline(&items, today));
        out.push_str(&super::modality_legend());
    }
    out.push_str("</section>");
    // Figures.
    let mut series: Vec<&Series> = v.series.iter().filter(|s| !s.points.is_empty()).collect();
    series.sort_by(|a, b| {
        b.points
            .len()
            .cmp(&a.points.len())
            .then_with(|| a.id.cmp(&b.id))
    });
    series.extend(&v.reported_figures);
    let _ = write!(
        out,
        "<section id=\"figures\"><h2>Figures ({})</h2>",
        series.len()
    );
    if series.is_empty() {
        out.push_str("<p class=\"muted\">No figures followed over time.</p>");
    } else {
        out.push_str("<div class=\"charts\">");
        for s in series.iter().take(MAX_CHARTS) {
            out.push_str(&chart(s, names));
        }
        out.push_str("</div>");
    }
    out.push_str("</section>");
    // Graph.
    let _ = write!(out, "<section id=\"graph\"><h2>Who did what to whom</h2>");
    if v.graph.nodes.is_empty() {
        out.push_str("<p class=\"muted\">No events between actors.</p>");
    } else {
        let index: HashMap<&str, usize> = v
            .graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let nodes: Vec<svg::GraphNode> = v
            .graph
            .nodes
            .iter()
            .map(|n| svg::GraphNode {
                label: n.name.clone(),
                href: html::actor_url(&n.id),
                weight: n.events,
            })
            .collect();
        let edges: Vec<svg::GraphEdge> = v
            .graph
            .edges
            .iter()
            .filter_map(|e| {
                let types: Vec<String> = e.types.iter().map(|(t, n)| format!("{t} ×{n}")).collect();
                let tone = dominant_tone(&e.types);
                Some(svg::GraphEdge {
                    from: *index.get(e.source.as_str())?,
                    to: *index.get(e.target.as_str())?,
                    count: e.count,
                    label: format!(
                        "{} → {}: {}",
                        name_of(&e.source, names),
                        name_of(&e.target, names),
                        types.join(", ")
                    ),
                    tone,
                })
            })
            .collect();
        out.push_str(&svg::graph(&nodes, &edges));
        out.push_str(
            "<p class=\"legend\"><span class=\"key\"><span class=\"swatch tone-coop\"></span>\
             cooperative</span><span class=\"key\"><span class=\"swatch tone-conflict\"></span>\
             conflictual</span><span class=\"key\"><span class=\"swatch tone-neutral\"></span>\
             other</span></p>",
        );
    }
    out.push_str("</section>");
    // Articles.
    let _ = write!(
        out,
        "<section id=\"articles\"><h2>Articles ({})</h2><ol class=\"articles\">",
        v.articles.len()
    );
    for a in &v.articles {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">{} · {}{}</span></li>",
            html::article_url(&a.id),
            esc(&a.title),
            esc(&date_label(a.published.as_deref())),
            esc(&a.source),
            if a.duplicate_of.is_some() {
                " · near duplicate"
            } else {
                ""
            }
        );
    }
    let _ = write!(
        out,
        "</ol></section><form class=\"filters\" action=\"/search\" method=\"get\">\
         <input type=\"hidden\" name=\"story\" value=\"{}\"><label>Search this story \
         <input type=\"search\" name=\"q\"></label><button type=\"submit\">Search</button></form>",
        esc(&s.id)
    );
    out
}

fn dominant_tone(types: &std::collections::BTreeMap<String, u32>) -> Tone {
    let (mut coop, mut conflict) = (0, 0);
    for (t, n) in types {
        match Tone::of_type(t) {
            Tone::Cooperative => coop += n,
            Tone::Conflictual => conflict += n,
            Tone::Neutral => {}
        }
    }
    match coop.cmp(&conflict) {
        std::cmp::Ordering::Greater => Tone::Cooperative,
        std::cmp::Ordering::Less => Tone::Conflictual,
        std::cmp::Ordering::Equal => Tone::Neutral,
    }
}

/// `GET /stories/{id}`: one story.
pub async fn story_page(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> PageResult {
    let Path(id) = id.map_err(PageError::from)?;
    let v = state.read(move |s| stories::story_detail(s, &id)).await?;
    let body = render_story(&v, state.today());
    Ok(Html(layout(&v.story.title, Section::Home, "", &body)))
}
