//! SQLite side of stories, merged events and series (see `crate::stories`).

use newsgraph_cluster::series;
use newsgraph_model::{
    Approx, DateBounds, Event, EventReport, MergedEvent, Quantity, Series, Story,
};
use rusqlite::{params, Connection, OptionalExtension};

use crate::stories::{
    parse_series_key, ArticleStory, ClusterFacts, MergedQuery, SeriesQuery, StoredStory,
    StoryDetail, StoryQuery, StorySummary,
};
use crate::ArticleSummary;

/// Why writing failed: the database, or decisions that do not fit the article.
pub(super) enum WriteError {
    Sql(rusqlite::Error),
    Invalid(String),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Sql(e)
    }
}

fn json<T: serde::Serialize>(what: &str, value: &T) -> Result<String, WriteError> {
    serde_json::to_string(value)
        .map_err(|e| WriteError::Invalid(format!("cannot encode {what}: {e}")))
}

fn upper<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn decode<T: serde::de::DeserializeOwned>(text: &str, idx: usize) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Writes the cluster decisions of the article stored as `seq` (inside its
/// transaction, after its events and figures).
pub(super) fn write(
    conn: &Connection,
    seq: i64,
    quantities: &[Quantity],
    events: &[Event],
    c: &ClusterFacts,
) -> Result<(), WriteError> {
    if let Some(s) = &c.story {
        if s.id.is_empty() {
            return Err(WriteError::Invalid("story with an empty id".into()));
        }
        conn.prepare_cached(
            "INSERT INTO stories (id, title, first, last, size, actors, state, touched)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first,
                 last = excluded.last, size = excluded.size, actors = excluded.actors,
                 state = excluded.state, touched = excluded.touched",
        )?
        .execute(params![
            s.id,
            s.title,
            s.first,
            s.last,
            s.size,
            json("story actors", &s.actors)?,
            s.state,
            seq
        ])?;
        conn.prepare_cached("DELETE FROM story_terms WHERE story = ?1")?
            .execute(params![s.id])?;
        let mut st = conn.prepare_cached(
            "INSERT OR REPLACE INTO story_terms (term, story, weight) VALUES (?1, ?2, ?3)",
        )?;
        for (term, weight) in &s.index_terms {
            st.execute(params![term, s.id, f64::from(*weight)])?;
        }
        conn.prepare_cached(
            "INSERT INTO story_articles (article, story, score) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![seq, s.id, s.score.map(f64::from)])?;
    }
    {
        let mut up = conn.prepare_cached(
            "INSERT INTO merged_events (id, story, type, modality, time_value, first_reported,
                 reports, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET story = excluded.story, type = excluded.type,
                 modality = excluded.modality, time_value = excluded.time_value,
                 first_reported = excluded.first_reported, reports = excluded.reports,
                 record = excluded.record",
        )?;
        let mut clear = conn.prepare_cached("DELETE FROM merged_event_actors WHERE merged = ?1")?;
        let mut who = conn.prepare_cached(
            "INSERT OR IGNORE INTO merged_event_actors (merged, role, actor) VALUES (?1, ?2, ?3)",
        )?;
        for m in &c.merged {
            let mut record = m.clone();
            record.evidence.clear();
            up.execute(params![
                m.id,
                m.story,
                upper(&m.kind),
                upper(&m.modality),
                m.time,
                m.first_reported,
                i64::try_from(m.reports).unwrap_or(i64::MAX),
                json("merged event", &record)?
            ])?;
            clear.execute(params![m.id])?;
            for (role, actors) in [
                ("source", &m.source),
                ("target", &m.target),
                ("place", &m.place),
            ] {
                for a in actors {
                    who.execute(params![m.id, role, a])?;
                }
            }
        }
    }
    {
        let mut st =
            conn.prepare_cached("UPDATE events SET merged = ?1 WHERE id = ?2 AND article = ?3")?;
        for (event, merged) in &c.event_merged {
            if !events.iter().any(|e| &e.id == event) {
                return Err(WriteError::Invalid(format!(
                    "merge decision for event {event}, which is not one of the article's"
                )));
            }
            st.execute(params![merged, event, seq])?;
        }
    }
    if !c.series.is_empty() && c.series.len() != quantities.len() {
        return Err(WriteError::Invalid(format!(
            "{} series keys for {} figures",
            c.series.len(),
            quantities.len()
        )));
    }
    {
        let mut st = conn.prepare_cached(
            "UPDATE quantities SET series = ?1 WHERE article = ?2 AND start = ?3",
        )?;
        for (q, key) in quantities.iter().zip(&c.series) {
            if let Some(key) = key {
                st.execute(params![
                    key,
                    seq,
                    i64::try_from(q.start).unwrap_or(i64::MAX)
                ])?;
            }
        }
    }
    if !c.terms.is_empty() {
        let mut st = conn.prepare_cached(
            "INSERT INTO term_df (term, df) VALUES (?1, 1)
             ON CONFLICT (term) DO UPDATE SET df = df + 1",
        )?;
        for t in &c.terms {
            st.execute(params![t])?;
        }
        conn.prepare_cached(
            "INSERT INTO cluster_meta (key, value) VALUES ('docs', 1)
             ON CONFLICT (key) DO UPDATE SET value = value + 1",
        )?
        .execute([])?;
    }
    Ok(())
}

/// Stories indexed under any of `terms`, best overlap first.
pub(super) fn candidates(
    conn: &Connection,
    terms: &[(String, f32)],
    limit: usize,
) -> rusqlite::Result<Vec<StoredStory>> {
    if terms.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let query: Vec<(&str, f32)> = terms.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    let query = serde_json::to_string(&query).unwrap_or_else(|_| "[]".into());
    let mut st = conn.prepare_cached(
        "WITH q(term, w) AS (
             SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?1))
         , hits AS (
             SELECT t.story, SUM(t.weight * q.w) AS overlap
             FROM q JOIN story_terms t ON t.term = q.term
             GROUP BY t.story ORDER BY overlap DESC, t.story LIMIT ?2)
         SELECT s.id, s.state, hits.overlap FROM hits JOIN stories s ON s.id = hits.story
         ORDER BY hits.overlap DESC, s.id",
    )?;
    let rows = st.query_map(
        params![query, i64::try_from(limit).unwrap_or(i64::MAX)],
        |r| {
            Ok(StoredStory {
                id: r.get(0)?,
                state: r.get(1)?,
                overlap: r.get(2)?,
            })
        },
    )?;
    rows.collect()
}

/// Number of documents counted and the document frequency of each term.
pub(super) fn term_stats(conn: &Connection, terms: &[String]) -> rusqlite::Result<(u64, Vec<u64>)> {
    let docs: i64 = conn
        .prepare_cached("SELECT value FROM cluster_meta WHERE key = 'docs'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let mut st = conn.prepare_cached("SELECT df FROM term_df WHERE term = ?1")?;
    let mut dfs = Vec::with_capacity(terms.len());
    for t in terms {
        let df: Option<i64> = st.query_row(params![t], |r| r.get(0)).optional()?;
        dfs.push(df.unwrap_or(0).max(0) as u64);
    }
    Ok((docs.max(0) as u64, dfs))
}

/// The merged events of a story of one type, most recent first (at most `limit`).
pub(super) fn merged_of_story(
    conn: &Connection,
    story: &str,
    kind: &str,
    limit: usize,
) -> rusqlite::Result<Vec<MergedEvent>> {
    let mut st = conn.prepare_cached(
        "SELECT record FROM merged_events WHERE story = ?1 AND type = ?2
         ORDER BY rowid DESC LIMIT ?3",
    )?;
    let rows = st.query_map(
        params![story, kind, i64::try_from(limit).unwrap_or(i64::MAX)],
        |r| decode::<MergedEvent>(&r.get::<_, String>(0)?, 0),
    )?;
    rows.collect()
}

fn story_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Story, u32, u32)> {
    let actors: Vec<String> = decode(&r.get::<_, String>(4)?, 4)?;
    Ok((
        Story {
            id: r.get(0)?,
            title: r.get(1)?,
            articles: Vec::new(),
            events: Vec::new(),
            actors,
            first: r.get(2)?,
            last: r.get(3)?,
        },
        r.get(5)?,
        r.get(6)?,
    ))
}

/// Stories matching `q`, most recently active first.
pub(super) fn stories(conn: &Connection, q: &StoryQuery) -> rusqlite::Result<Vec<StorySummary>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.title, s.first, s.last, s.actors, s.size,
                (SELECT COUNT(*) FROM merged_events m WHERE m.story = s.id)
         FROM stories s
         WHERE s.size >= ?1
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(s.actors) j WHERE j.value = ?2))
           AND (?3 IS NULL OR s.last IS NULL OR s.last >= ?3)
           AND (?4 IS NULL OR s.first IS NULL OR substr(s.first, 1, length(?4)) <= ?4)
         ORDER BY s.last IS NULL, s.last DESC, s.touched DESC
         LIMIT ?5",
    )?;
    let rows = st.query_map(
        params![
            q.min_size,
            q.actor,
            q.from,
            q.to,
            i64::try_from(q.limit).unwrap_or(i64::MAX)
        ],
        |r| {
            let (story, size, events) = story_row(r)?;
            Ok(StorySummary {
                story,
                size,
                events,
            })
        },
    )?;
    rows.collect()
}

/// The story an article belongs to.
pub(super) fn article_story(
    conn: &Connection,
    article: &str,
) -> rusqlite::Result<Option<ArticleStory>> {
    conn.prepare_cached(
        "SELECT a.id, s.id, s.title FROM articles a
         JOIN story_articles sa ON sa.article = a.seq
         JOIN stories s ON s.id = sa.story
         WHERE a.id = ?1",
    )?
    .query_row(params![article], |r| {
        Ok(ArticleStory {
            article: r.get(0)?,
            story: r.get(1)?,
            title: r.get(2)?,
        })
    })
    .optional()
}

/// One story with its articles, merged events and series.
pub(super) fn story(
    conn: &Connection,
    id: &str,
    summary_of: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary>,
) -> rusqlite::Result<Option<StoryDetail>> {
    story_bounded(conn, id, summary_of, None)
}

/// Bounds of [`story_bounded`]: newest articles, latest merged events, latest points
/// of each series.
#[derive(Debug, Clone, Copy)]
pub(super) struct PageLimits {
    pub articles: usize,
    pub events: usize,
    pub points: usize,
}

/// One story, whole (`limits` = `None`) or bounded for a page: its newest articles (by
/// ingestion), its latest merged events (returned in time order) and the latest points
/// of each series; every bounded read is an index walk, whatever the story's size.
pub(super) fn story_bounded(
    conn: &Connection,
    id: &str,
    summary_of: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary>,
    limits: Option<PageLimits>,
) -> rusqlite::Result<Option<StoryDetail>> {
    let head = conn
        .prepare_cached(
            "SELECT s.id, s.title, s.first, s.last, s.actors, s.size, 0 FROM stories s WHERE s.id = ?1",
        )?
        .query_row(params![id], story_row)
        .optional()?;
    let Some((mut story, _, _)) = head else {
        return Ok(None);
    };
    let articles: Vec<ArticleSummary> = match limits {
        None => conn
            .prepare_cached(
                "SELECT a.id, a.title, a.source, a.published, a.byline, a.duplicate_of, a.words,
                        a.bytes, a.path, a.url, a.ingested_at
                 FROM story_articles sa JOIN articles a ON a.seq = sa.article
                 WHERE sa.story = ?1
                 ORDER BY a.undated, a.published, a.id",
            )?
            .query_map(params![id], summary_of)?
            .collect::<rusqlite::Result<_>>()?,
        Some(l) => {
            // The newest by ingestion (an index walk), then in date order.
            let mut newest: Vec<ArticleSummary> = conn
                .prepare_cached(
                    "SELECT a.id, a.title, a.source, a.published, a.byline, a.duplicate_of,
                            a.words, a.bytes, a.path, a.url, a.ingested_at
                     FROM story_articles sa JOIN articles a ON a.seq = sa.article
                     WHERE sa.story = ?1
                     ORDER BY sa.article DESC LIMIT ?2",
                )?
                .query_map(params![id, limit_i64(l.articles)], summary_of)?
                .collect::<rusqlite::Result<_>>()?;
            newest.sort_by(|a, b| {
                (a.published.is_none(), &a.published, &a.id).cmp(&(
                    b.published.is_none(),
                    &b.published,
                    &b.id,
                ))
            });
            newest
        }
    };
    story.articles = articles.iter().map(|a| a.id.clone()).collect();
    let events = merged_events_bounded(
        conn,
        &MergedQuery {
            story: Some(id.to_string()),
            limit: limits.map_or(10_000, |l| l.events),
            ..MergedQuery::default()
        },
        limits.is_some(),
    )?;
    story.events = events.iter().map(|m| m.id.clone()).collect();
    let series = series_bounded(
        conn,
        &SeriesQuery {
            story: Some(id.to_string()),
            ..SeriesQuery::default()
        },
        limits.map(|l| (l.articles, l.points)),
    )?;
    Ok(Some(StoryDetail {
        story,
        articles,
        events,
        series,
    }))
}

/// Reports of each merged event a bounded read keeps.
const PAGE_REPORTS: i64 = 20;

fn limit_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Merged events matching `q`, in time order, with their evidence.
pub(super) fn merged_events(
    conn: &Connection,
    q: &MergedQuery,
) -> rusqlite::Result<Vec<MergedEvent>> {
    merged_events_bounded(conn, q, false)
}

/// Like [`merged_events`]; with `latest`, the limit keeps the latest events (still
/// returned in time order).
fn merged_events_bounded(
    conn: &Connection,
    q: &MergedQuery,
    latest: bool,
) -> rusqlite::Result<Vec<MergedEvent>> {
    // Story and actor filters as plain conditions when given (not `?1 IS NULL OR …`),
    // so the planner seeks through their indexes instead of scanning every event.
    let story = if q.story.is_some() {
        "m.story = ?1"
    } else {
        "?1 IS NULL"
    };
    let actor = if q.actor.is_some() {
        "m.id IN (SELECT x.merged FROM merged_event_actors x WHERE x.actor = ?2)"
    } else {
        "?2 IS NULL"
    };
    // Bounded reads take the latest merged events by creation (an index walk over
    // the story's events, whatever its size), then sort them by time below.
    let order_by = if latest {
        "m.rowid DESC"
    } else {
        "COALESCE(m.time_value, m.first_reported) IS NULL,
                  COALESCE(m.time_value, m.first_reported), m.rowid"
    };
    let sql = format!(
        "SELECT m.id, m.record FROM merged_events m
         WHERE {story}
           AND {actor}
           AND (?3 IS NULL OR m.type = ?3)
           AND (?4 IS NULL OR m.modality = ?4)
           AND (?5 IS NULL OR COALESCE(m.time_value, m.first_reported) >= ?5)
           AND (?6 IS NULL OR substr(COALESCE(m.time_value, m.first_reported), 1, length(?6)) <= ?6)
         ORDER BY {order_by}
         LIMIT ?7"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(
        params![
            q.story,
            q.actor,
            q.kind,
            q.modality,
            q.from,
            q.to,
            i64::try_from(q.limit).unwrap_or(i64::MAX)
        ],
        |r| decode::<MergedEvent>(&r.get::<_, String>(1)?, 1),
    )?;
    let mut out: Vec<MergedEvent> = rows.collect::<rusqlite::Result<_>>()?;
    if latest {
        out.reverse();
        out.sort_by(|a, b| {
            let when = |m: &MergedEvent| m.time.clone().or_else(|| m.first_reported.clone());
            let (x, y) = (when(a), when(b));
            (x.is_none(), x).cmp(&(y.is_none(), y))
        });
    }
    let mut ev = conn.prepare_cached(
        "SELECT e.record, a.source, a.via, a.duplicate_of FROM events e
         JOIN articles a ON a.seq = e.article
         WHERE e.merged = ?1 ORDER BY a.undated, a.published, a.seq, e.start LIMIT ?2",
    )?;
    // A page keeps the first reports of each event (its `reports` and `origins` still
    // count them all).
    let max_reports: i64 = if latest { PAGE_REPORTS } else { -1 };
    for m in &mut out {
        let reports = ev.query_map(params![m.id, max_reports], |r| {
            let event: Event = decode(&r.get::<_, String>(0)?, 0)?;
            let outlet: String = r.get(1)?;
            let via: Vec<String> = decode(&r.get::<_, String>(2)?, 2)?;
            let origin = via.last().cloned().unwrap_or_else(|| outlet.clone());
            Ok(EventReport {
                event: event.id,
                article: event.article,
                start: event.start,
                end: event.end,
                outlet,
                origin,
                modality: event.modality,
                time: event.time.map(|t| t.value),
            })
        })?;
        m.evidence = reports.collect::<rusqlite::Result<_>>()?;
    }
    Ok(out)
}

/// Series matching `q`: figures grouped by their series key, ordered and flagged.
pub(super) fn series(conn: &Connection, q: &SeriesQuery) -> rusqlite::Result<Vec<Series>> {
    series_bounded(conn, q, None)
}

/// Like [`series`]; with `bounds` = (articles, points), only the series with a point
/// from the story's newest `articles` articles, each with its latest `points` points
/// (by ingestion).
fn series_bounded(
    conn: &Connection,
    q: &SeriesQuery,
    bounds: Option<(usize, usize)>,
) -> rusqlite::Result<Vec<Series>> {
    // The keys first (bounded by the story or the filters), then each key's points.
    // A story filter is a plain condition when given, so its articles are sought.
    let story = match (&q.story, bounds) {
        (None, _) => "?1 IS NULL AND ?3 IS NULL".to_string(),
        (Some(_), None) => {
            "q.article IN (SELECT sa.article FROM story_articles sa WHERE sa.story = ?1)
             AND ?3 IS NULL"
                .to_string()
        }
        (Some(_), Some(_)) => "q.article IN (SELECT sa.article FROM story_articles sa
                 WHERE sa.story = ?1 ORDER BY sa.article DESC LIMIT ?3)"
            .to_string(),
    };
    let newest = bounds.map(|(articles, _)| limit_i64(articles));
    let max_points = bounds.map(|(_, points)| points);
    let mut keys_st = conn.prepare_cached(&format!(
        "SELECT DISTINCT q.series FROM quantities q
         WHERE q.series IS NOT NULL
           AND {story}
           AND (?2 IS NULL OR q.measure = ?2)
         ORDER BY q.series"
    ))?;
    let keys: Vec<String> = keys_st
        .query_map(params![q.story, q.measure, newest], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut points_st = conn.prepare_cached(
        "SELECT q.record, a.id, a.published, a.published_bounds, a.source,
                (SELECT COUNT(*) FROM quantities p WHERE p.article = q.article AND p.start < q.start)
         FROM quantities q JOIN articles a ON a.seq = q.article
         WHERE q.series = ?1
         ORDER BY q.article DESC LIMIT ?2",
    )?;
    let max_points = max_points.map_or(-1, limit_i64);
    let mut out = Vec::new();
    for key in keys {
        let Some((measure, subject)) = parse_series_key(&key) else {
            continue;
        };
        if q.subject
            .as_ref()
            .is_some_and(|s| !subject.starts_with(s.as_str()))
        {
            continue;
        }
        let rows = points_st.query_map(params![key, max_points], |r| {
            let quantity: Quantity = decode(&r.get::<_, String>(0)?, 0)?;
            let article: String = r.get(1)?;
            let published: Option<String> = r.get(2)?;
            let bounds: Option<DateBounds> = match r.get::<_, Option<String>>(3)? {
                Some(text) => Some(decode(&text, 3)?),
                None => None,
            };
            let outlet: String = r.get(4)?;
            let index: i64 = r.get(5)?;
            Ok((quantity, article, published, bounds, outlet, index))
        })?;
        let mut points = Vec::new();
        for row in rows {
            let (quantity, article, published, bounds, outlet, index) = row?;
            let time = series::point_time(
                published.as_deref(),
                bounds.as_ref().and_then(|b| b.from.as_deref()),
                bounds.as_ref().and_then(|b| b.to.as_deref()),
            );
            let Some(time) = time else { continue };
            points.push(series::PointInput {
                article,
                quantity: usize::try_from(index).unwrap_or(0),
                value: quantity.value,
                approx: quantity.approx.map(|a: Approx| a),
                time,
                outlet,
                attributed_to: quantity.attributed_to,
            });
        }
        if points.len() < q.min_points {
            continue;
        }
        let subject_id = subject_of_key(&subject);
        out.push(series::build(&key, &measure, Some(subject_id), points));
        if out.len() >= q.limit {
            break;
        }
    }
    Ok(out)
}

/// The subject actor id of a key's subject part (`country:PSE` or
/// `country:ISR:2023-10-07`).
fn subject_of_key(subject: &str) -> &str {
    let b = subject.as_bytes();
    if b.len() > 11 && b[b.len() - 11] == b':' && series_day(&subject[b.len() - 10..]) {
        &subject[..b.len() - 11]
    } else {
        subject
    }
}

fn series_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-'
}
