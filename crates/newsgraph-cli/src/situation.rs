//! The situation report of one story (`newsgraph report --story ID`): what a reader
//! needs to catch up — a summary line, key actors and their roles, the timeline of
//! events (what happened, and what is scheduled or threatened ahead) with modality and
//! sources, the figures and their trend, and the open questions (disputed or
//! single-source claims, things only discussed). Built once as plain data, rendered as
//! text, Markdown, HTML or JSON.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use newsgraph_model::{Actor, MergedEvent, Modality, Series};
use newsgraph_store::{Store, StoryDetail};
use serde::Serialize;

/// One line of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// When (TIMEX3 value, else the first report's date).
    pub when: Option<String>,
    /// "United States + Israel → ASSAULT → Iran at Fordow".
    pub what: String,
    /// Contract spelling of the modality.
    pub modality: String,
    /// Independent sources.
    pub sources: usize,
    /// Reports (articles' events).
    pub reports: usize,
    /// Outlets of the reports.
    pub outlets: Vec<String>,
    /// Disagreements between the reports.
    pub conflicts: Vec<String>,
    /// The merged event.
    pub event: MergedEvent,
}

/// A key actor with its roles at the time of the story.
#[derive(Debug, Clone, Serialize)]
pub struct KeyActor {
    /// Actor id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Roles valid during the story ("Prime Minister of Israel").
    pub roles: Vec<String>,
}

/// A figure followed across the story's articles.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// "killed in Palestine".
    pub label: String,
    /// "47,000 → 71,000 (+51%)".
    pub trend: String,
    /// The series itself.
    pub series: Series,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Situation {
    /// Story id.
    pub story: String,
    /// Story title.
    pub title: String,
    /// One line: size, span, outlets, the most reported event.
    pub summary: String,
    /// First and last article dates.
    pub first: Option<String>,
    /// Last article date.
    pub last: Option<String>,
    /// Articles (id, date, outlet, title).
    pub articles: Vec<(String, Option<String>, String, String)>,
    /// Key actors.
    pub actors: Vec<KeyActor>,
    /// What happened (asserted, reported, denied).
    pub past: Vec<TimelineEntry>,
    /// What is planned, threatened, considered or conditional.
    pub ahead: Vec<TimelineEntry>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Disputed, single-source or merely discussed claims.
    pub open_questions: Vec<String>,
}

fn upper<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Thousands separators for whole numbers.
pub fn show_number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Actor names by id.
pub struct Names(BTreeMap<String, Actor>);

impl Names {
    /// Looks up every actor named in `ids` at once.
    pub fn load<S: Store + ?Sized>(
        store: &S,
        ids: impl IntoIterator<Item = String>,
    ) -> anyhow::Result<Names> {
        let ids: BTreeSet<String> = ids.into_iter().collect();
        let ids: Vec<String> = ids.into_iter().collect();
        let actors = store.actors_by_id(&ids)?;
        Ok(Names(
            actors.into_iter().map(|a| (a.id.clone(), a)).collect(),
        ))
    }

    /// The actor's name, or its id.
    pub fn name(&self, id: &str) -> String {
        self.0
            .get(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    }

    /// Names joined with " + ", "?" for none.
    pub fn list(&self, ids: &[String]) -> String {
        if ids.is_empty() {
            return "?".into();
        }
        ids.iter()
            .map(|i| self.name(i))
            .collect::<Vec<_>>()
            .join(" + ")
    }

    fn actor(&self, id: &str) -> Option<&Actor> {
        self.0.get(id)
    }
}

/// "United States + Israel → ASSAULT/aerial → Iran at Fordow".
pub fn describe(m: &MergedEvent, names: &Names) -> String {
    let kind = upper(&m.kind);
    let what = match &m.mode {
        Some(mode) => format!("{kind}/{mode}"),
        None => kind,
    };
    let mut line = format!(
        "{} → {what} → {}",
        names.list(&m.source),
        names.list(&m.target)
    );
    if !m.place.is_empty() {
        let _ = write!(line, " at {}", names.list(&m.place));
    }
    line
}

fn entry(m: &MergedEvent, names: &Names) -> TimelineEntry {
    let mut outlets: Vec<String> = Vec::new();
    for r in &m.evidence {
        let outlet = outlet_label(&r.outlet, &r.article);
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    TimelineEntry {
        when: m.time.clone().or_else(|| m.first_reported.clone()),
        what: describe(m, names),
        modality: upper(&m.modality),
        sources: m.independent_sources(),
        reports: m.reports,
        outlets,
        conflicts: m.conflicts.clone(),
        event: m.clone(),
    }
}

/// The outlet's name, or for an article that names none "unnamed outlet" with the
/// article's short id, so that a list of sources never shows an empty entry and two
/// unnamed articles stay apart (as they do when independent sources are counted).
pub fn outlet_label(outlet: &str, article: &str) -> String {
    if outlet.trim().is_empty() {
        format!("unnamed outlet {}", &article[..article.len().min(12)])
    } else {
        outlet.to_string()
    }
}

fn realis(m: Modality) -> bool {
    matches!(
        m,
        Modality::Asserted | Modality::Reported | Modality::Negated
    )
}

/// "47,000 → 71,000 (+51%)".
fn trend(s: &Series) -> String {
    match (s.points.first(), s.points.last()) {
        (Some(a), Some(b)) if s.points.len() > 1 => {
            let change = if a.value != 0.0 {
                format!(" ({:+.0}%)", (b.value - a.value) / a.value * 100.0)
            } else {
                String::new()
            };
            format!(
                "{} → {}{change}",
                show_number(a.value),
                show_number(b.value)
            )
        }
        (Some(a), _) => show_number(a.value),
        _ => String::new(),
    }
}

/// Builds the situation report of a story.
pub fn build<S: Store + ?Sized>(store: &S, detail: &StoryDetail) -> anyhow::Result<Situation> {
    let mut ids: Vec<String> = detail.story.actors.clone();
    for m in &detail.events {
        ids.extend(m.source.iter().chain(&m.target).chain(&m.place).cloned());
    }
    ids.extend(detail.series.iter().filter_map(|s| s.subject.clone()));
    let names = Names::load(store, ids)?;

    let mut past = Vec::new();
    let mut ahead = Vec::new();
    for m in &detail.events {
        let e = entry(m, &names);
        if realis(m.modality) {
            past.push(e);
        } else {
            ahead.push(e);
        }
    }
    // Most corroborated first within the same date is not wanted: keep time order,
    // which the store gives.
    let last_day = detail.story.last.clone();
    let actors = detail
        .story
        .actors
        .iter()
        .take(8)
        .map(|id| {
            let roles = names
                .actor(id)
                .map(|a| {
                    a.roles
                        .iter()
                        .filter(|r| {
                            let day = last_day.as_deref().unwrap_or("9999");
                            r.from.as_deref().is_none_or(|f| f <= day)
                                && r.to.as_deref().is_none_or(|t| t >= day)
                        })
                        .map(|r| match &r.of {
                            Some(of) => format!("{} of {}", r.title, names.name(of)),
                            None => r.title.clone(),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            KeyActor {
                id: id.clone(),
                name: names.name(id),
                roles,
            }
        })
        .collect();

    let figures: Vec<Figure> = detail
        .series
        .iter()
        .map(|s| Figure {
            label: format!(
                "{} — {}",
                s.measure,
                s.subject
                    .as_deref()
                    .map(|x| names.name(x))
                    .unwrap_or_default()
            ),
            trend: trend(s),
            series: {
                let mut series = s.clone();
                for p in &mut series.points {
                    p.outlet = outlet_label(&p.outlet, &p.article);
                }
                series
            },
        })
        .collect();

    let mut open = Vec::new();
    for e in past.iter().chain(&ahead) {
        for c in &e.conflicts {
            open.push(format!(
                "{} ({}): {c}",
                e.what,
                e.when.as_deref().unwrap_or("undated")
            ));
        }
        if e.event.modality == Modality::Reported && e.sources == 1 {
            open.push(format!(
                "single source: {} ({}), reported by {}",
                e.what,
                e.when.as_deref().unwrap_or("undated"),
                e.outlets.join(", ")
            ));
        }
        if matches!(e.event.modality, Modality::Possible | Modality::Conditional) {
            open.push(format!(
                "under discussion: {} ({})",
                e.what,
                e.when.as_deref().unwrap_or("no date")
            ));
        }
    }
    for f in &figures {
        for flag in &f.series.flags {
            if !flag.starts_with("dated by inference") {
                open.push(format!("figures for {}: {flag}", f.label));
            }
        }
    }

    let outlets: BTreeSet<String> = detail
        .articles
        .iter()
        .map(|a| outlet_label(&a.source, &a.id))
        .collect();
    let top = detail
        .events
        .iter()
        .filter(|m| realis(m.modality))
        .max_by_key(|m| (m.independent_sources(), m.reports));
    let span = match (&detail.story.first, &detail.story.last) {
        (Some(f), Some(l)) if f != l => format!("{f} to {l}"),
        (Some(f), _) => f.clone(),
        _ => "undated".into(),
    };
    let mut summary = format!(
        "{} article{} from {} outlet{}, {span}.",
        detail.articles.len(),
        if detail.articles.len() == 1 { "" } else { "s" },
        outlets.len(),
        if outlets.len() == 1 { "" } else { "s" },
    );
    if let Some(m) = top {
        let _ = write!(
            summary,
            " Most reported: {} ({}, {} report{}, {} independent source{}).",
            describe(m, &names),
            m.time.as_deref().unwrap_or("undated"),
            m.reports,
            if m.reports == 1 { "" } else { "s" },
            m.independent_sources(),
            if m.independent_sources() == 1 {
                ""
            } else {
                "s"
            },
        );
    }
    if !ahead.is_empty() {
        let _ = write!(
            summary,
            " {} item{} ahead or under discussion.",
            ahead.len(),
            if ahead.len() == 1 { "" } else { "s" }
        );
    }
    Ok(Situation {
        story: detail.story.id.clone(),
        title: detail.story.title.clone(),
        summary,
        first: detail.story.first.clone(),
        last: detail.story.last.clone(),
        articles: detail
            .articles
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    a.published.clone(),
                    outlet_label(&a.source, &a.id),
                    a.title.clone(),
                )
            })
            .collect(),
        actors,
        past,
        ahead,
        figures,
        open_questions: open,
    })
}

fn sources_note(e: &TimelineEntry) -> String {
    format!(
        "{} report{}, {} source{}{}",
        e.reports,
        if e.reports == 1 { "" } else { "s" },
        e.sources,
        if e.sources == 1 { "" } else { "s" },
        if e.outlets.is_empty() {
            String::new()
        } else {
            format!(": {}", e.outlets.join(", "))
        }
    )
}

/// Plain text for a terminal.
pub fn to_text(s: &Situation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  [{}]", s.title, s.story);
    let _ = writeln!(out, "{}\n", s.summary);
    let _ = writeln!(out, "KEY ACTORS");
    for a in &s.actors {
        let roles = if a.roles.is_empty() {
            String::new()
        } else {
            format!(" — {}", a.roles.join("; "))
        };
        let _ = writeln!(out, "  {}{roles}", a.name);
    }
    for (head, list) in [
        ("TIMELINE", &s.past),
        ("AHEAD AND UNDER DISCUSSION", &s.ahead),
    ] {
        let _ = writeln!(out, "\n{head} ({})", list.len());
        for e in list {
            let _ = writeln!(
                out,
                "  {:<10}  {:<11}  {}  ({})",
                e.when.as_deref().unwrap_or("undated"),
                e.modality,
                e.what,
                sources_note(e)
            );
        }
    }
    let _ = writeln!(out, "\nFIGURES ({})", s.figures.len());
    for f in &s.figures {
        let _ = writeln!(out, "  {}: {}", f.label, f.trend);
        for p in &f.series.points {
            let _ = writeln!(
                out,
                "      {:<14} {:>12}  {}  [{}]",
                p.time,
                show_number(p.value),
                p.outlet,
                &p.article[..p.article.len().min(12)]
            );
        }
    }
    let _ = writeln!(out, "\nOPEN QUESTIONS ({})", s.open_questions.len());
    for q in &s.open_questions {
        let _ = writeln!(out, "  - {q}");
    }
    let _ = writeln!(out, "\nARTICLES ({})", s.articles.len());
    for (id, date, outlet, title) in &s.articles {
        let _ = writeln!(
            out,
            "  {:<10}  {:<16}  {}  [{}]",
            date.as_deref()
                .map_or("undated".to_string(), |d| d.chars().take(10).collect()),
            outlet,
            title,
            &id[..id.len().min(12)]
        );
    }
    out
}

/// Markdown, for notes and tickets.
pub fn to_markdown(s: &Situation) -> String {
    let md = |t: &str| t.replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&s.title));
    let _ = writeln!(out, "{}\n", md(&s.summary));
    let _ = writeln!(out, "## Key actors\n");
    for a in &s.actors {
        if a.roles.is_empty() {
            let _ = writeln!(out, "- **{}**", md(&a.name));
        } else {
            let _ = writeln!(out, "- **{}** — {}", md(&a.name), md(&a.roles.join("; ")));
        }
    }
    for (head, list) in [
        ("Timeline", &s.past),
        ("Ahead and under discussion", &s.ahead),
    ] {
        let _ = writeln!(out, "\n## {head}\n");
        if list.is_empty() {
            let _ = writeln!(out, "_None._");
            continue;
        }
        let _ = writeln!(
            out,
            "| when | modality | event | sources |\n|---|---|---|---|"
        );
        for e in list {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(e.when.as_deref().unwrap_or("undated")),
                e.modality,
                md(&e.what),
                md(&sources_note(e))
            );
        }
    }
    let _ = writeln!(out, "\n## Figures\n");
    if s.figures.is_empty() {
        let _ = writeln!(out, "_None._");
    }
    for f in &s.figures {
        let _ = writeln!(out, "- **{}**: {}", md(&f.label), md(&f.trend));
        for p in &f.series.points {
            let _ = writeln!(
                out,
                "  - {}: {} ({})",
                md(&p.time),
                show_number(p.value),
                md(&p.outlet)
            );
        }
    }
    let _ = writeln!(out, "\n## Open questions\n");
    if s.open_questions.is_empty() {
        let _ = writeln!(out, "_None._");
    }
    for q in &s.open_questions {
        let _ = writeln!(out, "- {}", md(q));
    }
    let _ = writeln!(out, "\n## Articles\n");
    for (id, date, outlet, title) in &s.articles {
        let _ = writeln!(
            out,
            "- {} — {} — {} (`{}`)",
            date.as_deref()
                .map_or("undated".to_string(), |d| d.chars().take(10).collect()),
            md(outlet),
            md(title),
            &id[..id.len().min(12)]
        );
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A self-contained HTML page (no scripts, no external resources).
pub fn to_html(s: &Situation) -> String {
    let h = escape_html;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}}\
         .m-ASSERTED{{color:#064}}.m-REPORTED{{color:#046}}.m-PLANNED{{color:#530}}.m-POSSIBLE,.m-CONDITIONAL{{color:#666}}\
         .m-THREATENED{{color:#a00}}.m-NEGATED{{color:#777;text-decoration:line-through}}</style></head><body>\n",
        h(&s.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>\n<p>{}</p>", h(&s.title), h(&s.summary));
    let _ = writeln!(out, "<h2>Key actors</h2><ul>");
    for a in &s.actors {
        let _ = writeln!(
            out,
            "<li><b>{}</b>{}</li>",
            h(&a.name),
            if a.roles.is_empty() {
                String::new()
            } else {
                format!(" — {}", h(&a.roles.join("; ")))
            }
        );
    }
    let _ = writeln!(out, "</ul>");
    for (head, list) in [
        ("Timeline", &s.past),
        ("Ahead and under discussion", &s.ahead),
    ] {
        let _ = writeln!(out, "<h2>{head}</h2>");
        if list.is_empty() {
            let _ = writeln!(out, "<p><i>None.</i></p>");
            continue;
        }
        let _ = writeln!(
            out,
            "<table><tr><th>when</th><th>modality</th><th>event</th><th>sources</th></tr>"
        );
        for e in list {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"m-{}\">{}</td><td>{}</td><td>{}</td></tr>",
                h(e.when.as_deref().unwrap_or("undated")),
                h(&e.modality),
                h(&e.modality),
                h(&e.what),
                h(&sources_note(e))
            );
        }
        let _ = writeln!(out, "</table>");
    }
    let _ = writeln!(out, "<h2>Figures</h2><ul>");
    for f in &s.figures {
        let _ = write!(out, "<li><b>{}</b>: {}<ul>", h(&f.label), h(&f.trend));
        for p in &f.series.points {
            let _ = write!(
                out,
                "<li>{}: {} ({})</li>",
                h(&p.time),
                h(&show_number(p.value)),
                h(&p.outlet)
            );
        }
        let _ = writeln!(out, "</ul></li>");
    }
    let _ = writeln!(out, "</ul><h2>Open questions</h2><ul>");
    for q in &s.open_questions {
        let _ = writeln!(out, "<li>{}</li>", h(q));
    }
    let _ = writeln!(out, "</ul><h2>Articles</h2><ul>");
    for (_, date, outlet, title) in &s.articles {
        let _ = writeln!(
            out,
            "<li>{} — {} — {}</li>",
            h(&date
                .as_deref()
                .map_or("undated".to_string(), |d| d.chars().take(10).collect())),
            h(outlet),
            h(title)
        );
    }
    let _ = writeln!(out, "</ul></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything() {
        assert_eq!(
            escape_html("<script>x</script>&\"'"),
            "&lt;script&gt;x&lt;/script&gt;&amp;&quot;&#39;"
        );
    }

    #[test]
    fn numbers_get_separators() {
        assert_eq!(show_number(71_000.0), "71,000");
        assert_eq!(show_number(-1_200.0), "-1,200");
        assert_eq!(show_number(0.5), "0.5");
    }
}
