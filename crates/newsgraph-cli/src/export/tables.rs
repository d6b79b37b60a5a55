//! The flat tables of the CSV and Parquet exports: one schema per `--what`, and the
//! conversion of a walk [`Record`] into a row of typed cells.
//!
//! Tables are "tidy": one row per thing, one column per field, lists of ids joined
//! with `;` (ids never contain one), a series exploded into one row per point. Every
//! column may be empty (null): the schemas describe types, and both writers (CSV text,
//! Parquet `OPTIONAL` columns) follow them.

use newsgraph_model::{Actor, EventReport, MergedEvent};
use serde::Serialize;

use super::walk::{Record, Tally};

/// A column's value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    /// UTF-8 text.
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
}

/// A column: name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Header name.
    pub name: &'static str,
    /// Value type.
    pub ty: ColType,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// Text.
    Str(String),
    /// Integer.
    Int(i64),
    /// Float.
    Float(f64),
}

impl Cell {
    /// The value as CSV/TSV text (empty for null).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Null => "".into(),
            Cell::Str(s) => s.as_str().into(),
            Cell::Int(i) => i.to_string().into(),
            Cell::Float(f) => f.to_string().into(),
        }
    }
}

/// The tables an export can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// Articles, one row each, with the clean body.
    Articles,
    /// Mentions.
    Mentions,
    /// Time expressions.
    Timexes,
    /// Events as each article reports them.
    Events,
    /// Quotes.
    Quotes,
    /// Figures.
    Quantities,
    /// Stories.
    Stories,
    /// Merged events.
    Merged,
    /// Series, one row per point.
    Series,
    /// Actors with counts.
    Actors,
}

const fn s(name: &'static str) -> Column {
    Column {
        name,
        ty: ColType::Str,
    }
}

const fn i(name: &'static str) -> Column {
    Column {
        name,
        ty: ColType::Int,
    }
}

const fn f(name: &'static str) -> Column {
    Column {
        name,
        ty: ColType::Float,
    }
}

const ARTICLES: &[Column] = &[
    s("id"),
    s("published"),
    s("source"),
    s("via"),
    s("title"),
    s("subtitle"),
    s("byline"),
    s("section"),
    s("language"),
    s("url"),
    s("path"),
    s("duplicate_of"),
    i("words"),
    i("bytes"),
    s("ingested_at"),
    s("story"),
    s("body"),
];

const MENTIONS: &[Column] = &[
    s("article"),
    i("start"),
    i("end"),
    s("text"),
    s("kind"),
    s("actor"),
    s("role_title"),
    s("role_of"),
    s("candidates"),
];

const TIMEXES: &[Column] = &[
    s("article"),
    i("start"),
    i("end"),
    s("text"),
    s("type"),
    s("value"),
    s("mod"),
];

const EVENTS: &[Column] = &[
    s("id"),
    s("article"),
    s("published"),
    s("outlet"),
    s("story"),
    i("sentence"),
    i("start"),
    i("end"),
    s("type"),
    s("mode"),
    s("source"),
    s("target"),
    s("place"),
    s("time"),
    s("time_anchor"),
    s("modality"),
    s("attributed_to"),
    f("confidence"),
    s("evidence"),
];

const QUOTES: &[Column] = &[
    s("article"),
    i("start"),
    i("end"),
    s("text"),
    s("speaker"),
    s("cue"),
    s("attributed_to"),
    s("published"),
    s("outlet"),
];

const QUANTITIES: &[Column] = &[
    s("article"),
    i("start"),
    i("end"),
    s("text"),
    f("value"),
    s("approx"),
    s("unit"),
    s("measure"),
    s("subject"),
    s("period"),
    s("attributed_to"),
    s("published"),
    s("outlet"),
];

const STORIES: &[Column] = &[
    s("id"),
    s("title"),
    s("first"),
    s("last"),
    i("articles"),
    i("events"),
    s("actors"),
];

const MERGED: &[Column] = &[
    s("id"),
    s("story"),
    s("type"),
    s("mode"),
    s("source"),
    s("target"),
    s("place"),
    s("time"),
    s("modality"),
    i("reports"),
    i("independent_sources"),
    s("origins"),
    s("conflicts"),
    f("confidence"),
    s("first_reported"),
    s("last_reported"),
    s("evidence_events"),
    s("evidence_articles"),
];

const SERIES: &[Column] = &[
    s("series"),
    s("measure"),
    s("subject"),
    s("time"),
    f("value"),
    s("approx"),
    s("article"),
    i("quantity"),
    s("outlet"),
    s("attributed_to"),
    s("flags"),
];

const ACTORS: &[Column] = &[
    s("id"),
    s("name"),
    s("kind"),
    s("country"),
    s("aliases"),
    s("roles"),
    i("mentions"),
    i("articles"),
];

impl Table {
    /// Every table, in the order `--what all` writes them.
    pub const ALL: [Table; 10] = [
        Table::Articles,
        Table::Mentions,
        Table::Timexes,
        Table::Events,
        Table::Quotes,
        Table::Quantities,
        Table::Stories,
        Table::Merged,
        Table::Series,
        Table::Actors,
    ];

    /// File stem and `--what` spelling.
    pub fn name(&self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Mentions => "mentions",
            Table::Timexes => "timexes",
            Table::Events => "events",
            Table::Quotes => "quotes",
            Table::Quantities => "quantities",
            Table::Stories => "stories",
            Table::Merged => "merged",
            Table::Series => "series",
            Table::Actors => "actors",
        }
    }

    /// The table's columns.
    pub fn columns(&self) -> &'static [Column] {
        match self {
            Table::Articles => ARTICLES,
            Table::Mentions => MENTIONS,
            Table::Timexes => TIMEXES,
            Table::Events => EVENTS,
            Table::Quotes => QUOTES,
            Table::Quantities => QUANTITIES,
            Table::Stories => STORIES,
            Table::Merged => MERGED,
            Table::Series => SERIES,
            Table::Actors => ACTORS,
        }
    }
}

/// The contract spelling of an enum value ("ASSAULT", "more_than").
pub fn spelled<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn text(v: &str) -> Cell {
    Cell::Str(v.to_string())
}

fn opt(v: Option<&str>) -> Cell {
    v.map_or(Cell::Null, text)
}

/// Empty text is null too (outlets and the like are stored as "" when unknown).
fn nonempty(v: &str) -> Cell {
    if v.is_empty() {
        Cell::Null
    } else {
        text(v)
    }
}

/// A confidence (stored as `f32`) as the float its text says: 0.7, not
/// 0.699999988079071.
pub fn float32(x: f32) -> Cell {
    Cell::Float(x.to_string().parse().unwrap_or(f64::from(x)))
}

fn int(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Ids joined with `;` (null for none).
pub fn joined<S: AsRef<str>>(items: &[S]) -> Cell {
    if items.is_empty() {
        Cell::Null
    } else {
        Cell::Str(
            items
                .iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(";"),
        )
    }
}

/// The table a record belongs to and its rows (a series gives one row per point;
/// sentences belong to no table).
pub fn rows(record: &Record<'_>) -> Option<(Table, Vec<Vec<Cell>>)> {
    Some(match record {
        Record::Article(stored, ctx) => {
            let a = &stored.article;
            let row = vec![
                text(&a.id),
                opt(a.published.as_deref()),
                nonempty(&a.source),
                joined(&a.via),
                text(&a.title),
                opt(a.subtitle.as_deref()),
                opt(a.byline.as_deref()),
                opt(a.section.as_deref()),
                opt(a.language.as_deref()),
                opt(a.url.as_deref()),
                opt(a.path.as_deref()),
                opt(a.duplicate_of.as_deref()),
                int(ctx.summary.words),
                int(ctx.summary.bytes),
                text(&ctx.summary.ingested_at),
                opt(ctx.story.as_deref()),
                text(&a.body),
            ];
            (Table::Articles, vec![row])
        }
        Record::Sentence(_) => return None,
        Record::Mention(m) => {
            let candidates: Vec<String> = m
                .candidates
                .iter()
                .map(|c| format!("{}={:.3}", c.actor, c.score))
                .collect();
            let row = vec![
                text(&m.article),
                int(m.start),
                int(m.end),
                text(&m.text),
                text(&spelled(&m.kind)),
                opt(m.actor.as_deref()),
                opt(m.role.as_ref().map(|r| r.title.as_str())),
                opt(m.role.as_ref().and_then(|r| r.of.as_deref())),
                joined(&candidates),
            ];
            (Table::Mentions, vec![row])
        }
        Record::Timex(t) => {
            let row = vec![
                text(&t.article),
                int(t.start),
                int(t.end),
                text(&t.text),
                text(&spelled(&t.kind)),
                text(&t.value),
                opt(t.r#mod.as_deref()),
            ];
            (Table::Timexes, vec![row])
        }
        Record::Event(r, ctx) => {
            let e = &r.event;
            let row = vec![
                text(&e.id),
                text(&e.article),
                opt(r.published.as_deref()),
                nonempty(&r.source),
                opt(ctx.story.as_deref()),
                int(e.sentence),
                int(e.start),
                int(e.end),
                text(&spelled(&e.kind)),
                opt(e.mode.as_deref()),
                joined(&e.source),
                joined(&e.target),
                joined(&e.place),
                opt(e.time.as_ref().map(|t| t.value.as_str())),
                opt(e.time.as_ref().map(|t| spelled(&t.anchor)).as_deref()),
                text(&spelled(&e.modality)),
                joined(&e.attributed_to),
                float32(e.confidence),
                nonempty(&r.sentence),
            ];
            (Table::Events, vec![row])
        }
        Record::Quote(q) => {
            let r = &q.record;
            let row = vec![
                text(&r.article),
                int(r.start),
                int(r.end),
                text(&r.text),
                opt(r.speaker.as_deref()),
                opt(r.cue.as_deref()),
                joined(&r.attributed_to),
                opt(q.published.as_deref()),
                nonempty(&q.source),
            ];
            (Table::Quotes, vec![row])
        }
        Record::Quantity(q) => {
            let r = &q.record;
            let row = vec![
                text(&r.article),
                int(r.start),
                int(r.end),
                text(&r.text),
                Cell::Float(r.value),
                opt(r.approx.map(|a| spelled(&a)).as_deref()),
                opt(r.unit.as_deref()),
                opt(r.measure.as_deref()),
                opt(r.subject.as_deref()),
                opt(r.period.as_deref()),
                joined(&r.attributed_to),
                opt(q.published.as_deref()),
                nonempty(&q.source),
            ];
            (Table::Quantities, vec![row])
        }
        Record::Story(ctx) => {
            let st = &ctx.detail.story;
            let row = vec![
                text(&st.id),
                text(&st.title),
                opt(st.first.as_deref()),
                opt(st.last.as_deref()),
                int(ctx.detail.articles.len()),
                int(ctx.detail.events.len()),
                joined(&st.actors),
            ];
            (Table::Stories, vec![row])
        }
        Record::Merged(m, _) => (Table::Merged, vec![merged_row(m)]),
        Record::Series(sr) => {
            let rows = sr
                .points
                .iter()
                .map(|p| {
                    vec![
                        text(&sr.id),
                        text(&sr.measure),
                        opt(sr.subject.as_deref()),
                        text(&p.time),
                        Cell::Float(p.value),
                        opt(p.approx.map(|a| spelled(&a)).as_deref()),
                        text(&p.article),
                        int(p.quantity),
                        nonempty(&p.outlet),
                        joined(&p.attributed_to),
                        joined(&sr.flags),
                    ]
                })
                .collect();
            (Table::Series, rows)
        }
        Record::Actor(a, t) => (Table::Actors, vec![actor_row(a, *t)]),
    })
}

fn merged_row(m: &MergedEvent) -> Vec<Cell> {
    let events: Vec<&str> = m.evidence.iter().map(|r| r.event.as_str()).collect();
    let articles = distinct_articles(&m.evidence);
    vec![
        text(&m.id),
        opt(m.story.as_deref()),
        text(&spelled(&m.kind)),
        opt(m.mode.as_deref()),
        joined(&m.source),
        joined(&m.target),
        joined(&m.place),
        opt(m.time.as_deref()),
        text(&spelled(&m.modality)),
        int(m.reports),
        int(m.independent_sources()),
        joined(&m.origins),
        joined(&m.conflicts),
        float32(m.confidence),
        opt(m.first_reported.as_deref()),
        opt(m.last_reported.as_deref()),
        joined(&events),
        joined(&articles),
    ]
}

/// The distinct articles of a merged event's reports, in report order.
pub fn distinct_articles(reports: &[EventReport]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for r in reports {
        if !out.contains(&r.article.as_str()) {
            out.push(&r.article);
        }
    }
    out
}

fn actor_row(a: &Actor, t: Tally) -> Vec<Cell> {
    let roles: Vec<String> = a
        .roles
        .iter()
        .map(|r| {
            let mut s = r.title.clone();
            if let Some(of) = &r.of {
                s.push_str(&format!(" of {of}"));
            }
            if r.from.is_some() || r.to.is_some() {
                s.push_str(&format!(
                    " ({}..{})",
                    r.from.as_deref().unwrap_or(""),
                    r.to.as_deref().unwrap_or("")
                ));
            }
            s
        })
        .collect();
    vec![
        text(&a.id),
        text(&a.name),
        text(&spelled(&a.kind)),
        opt(a.country.as_deref()),
        joined(&a.aliases),
        joined(&roles),
        Cell::Int(i64::try_from(t.mentions).unwrap_or(i64::MAX)),
        Cell::Int(i64::try_from(t.articles).unwrap_or(i64::MAX)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{MentionKind, Modality, PloverType};

    #[test]
    fn every_row_fits_its_schema() {
        let m = MergedEvent {
            id: "merged:1".into(),
            story: Some("story:1".into()),
            kind: PloverType::Assault,
            mode: Some("aerial".into()),
            source: vec!["country:USA".into(), "country:ISR".into()],
            target: vec!["country:IRN".into()],
            place: vec![],
            time: Some("2025-06".into()),
            modality: Modality::Asserted,
            reports: 2,
            origins: vec!["Axios".into()],
            conflicts: vec![],
            confidence: 0.8,
            first_reported: Some("2025-06-22".into()),
            last_reported: None,
            evidence: vec![],
        };
        let row = merged_row(&m);
        assert_eq!(row.len(), MERGED.len());
        assert_eq!(row[4], Cell::Str("country:USA;country:ISR".into()));
        assert_eq!(row[6], Cell::Null);
        assert_eq!(row[10], Cell::Int(1));
        let a = Actor {
            id: "person:x".into(),
            name: "X".into(),
            kind: MentionKind::Person,
            aliases: vec![],
            country: None,
            roles: vec![],
        };
        assert_eq!(actor_row(&a, Tally::default()).len(), ACTORS.len());
    }

    #[test]
    fn table_names_are_distinct() {
        let mut names: Vec<&str> = Table::ALL.iter().map(Table::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Table::ALL.len());
    }

    #[test]
    fn cells_as_text() {
        assert_eq!(Cell::Null.text(), "");
        assert_eq!(Cell::Int(-3).text(), "-3");
        assert_eq!(Cell::Float(0.5).text(), "0.5");
        assert_eq!(float32(0.7).text(), "0.7");
        assert_eq!(joined::<&str>(&[]), Cell::Null);
    }
}
