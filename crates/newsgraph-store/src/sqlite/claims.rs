//! SQLite side of events, quotes and figures: written in the article's transaction,
//! read back with their context (see `crate::claims`).

use crate::claims::{ClaimQuery, ClaimRecord, EventQuery, EventRecord};
use crate::ArticleFacts;
use newsgraph_model::{Article, Event, Quantity, Quote};
use rusqlite::{params, Connection, Row};

/// Why writing failed: the database, or facts that do not fit the article.
pub(super) enum WriteError {
    Sql(rusqlite::Error),
    Invalid(String),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Sql(e)
    }
}

fn int(n: usize) -> Result<i64, WriteError> {
    i64::try_from(n).map_err(|_| WriteError::Invalid(format!("offset {n} is too large")))
}

fn json<T: serde::Serialize>(what: &str, value: &T) -> Result<String, WriteError> {
    serde_json::to_string(value)
        .map_err(|e| WriteError::Invalid(format!("cannot encode {what}: {e}")))
}

/// Every fact must point at its article and a span inside the body.
fn check_span(art: &Article, what: &str, start: usize, end: usize) -> Result<(), WriteError> {
    if start > end
        || end > art.body.len()
        || !art.body.is_char_boundary(start)
        || !art.body.is_char_boundary(end)
    {
        return Err(WriteError::Invalid(format!(
            "{what} ({start}..{end}) is not a span of the body ({} bytes)",
            art.body.len()
        )));
    }
    Ok(())
}

fn check_article(art: &Article, what: &str, article: &str) -> Result<(), WriteError> {
    if article != art.id {
        return Err(WriteError::Invalid(format!(
            "{what} belongs to article {article}, not {}",
            art.id
        )));
    }
    Ok(())
}

fn upper<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Writes the events, quotes and figures of the article stored as `seq`.
pub(super) fn write(
    conn: &Connection,
    seq: i64,
    art: &Article,
    facts: &ArticleFacts,
) -> Result<(), WriteError> {
    let mut ev = conn.prepare_cached(
        "INSERT INTO events (id, article, start, \"end\", sentence, type, modality, time_value, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut who = conn.prepare_cached(
        "INSERT OR IGNORE INTO event_actors (event, role, actor) VALUES (?1, ?2, ?3)",
    )?;
    for e in &facts.events {
        check_article(art, "event", &e.article)?;
        check_span(art, "event", e.start, e.end)?;
        ev.execute(params![
            e.id,
            seq,
            int(e.start)?,
            int(e.end)?,
            int(e.sentence)?,
            upper(&e.kind),
            upper(&e.modality),
            e.time.as_ref().map(|t| t.value.as_str()),
            json("event", e)?
        ])?;
        for (role, actors) in [
            ("source", &e.source),
            ("target", &e.target),
            ("place", &e.place),
            ("attributed", &e.attributed_to),
        ] {
            for actor in actors {
                who.execute(params![e.id, role, actor])?;
            }
        }
    }
    let mut qt = conn.prepare_cached(
        "INSERT INTO quotes (article, start, \"end\", speaker, record) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for q in &facts.quotes {
        check_article(art, "quote", &q.article)?;
        check_span(art, "quote", q.start, q.end)?;
        qt.execute(params![
            seq,
            int(q.start)?,
            int(q.end)?,
            q.speaker,
            json("quote", q)?
        ])?;
    }
    let mut qn = conn.prepare_cached(
        "INSERT INTO quantities (article, start, \"end\", measure, subject, value, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for q in &facts.quantities {
        check_article(art, "figure", &q.article)?;
        check_span(art, "figure", q.start, q.end)?;
        qn.execute(params![
            seq,
            int(q.start)?,
            int(q.end)?,
            q.measure,
            q.subject,
            q.value,
            json("figure", q)?
        ])?;
    }
    Ok(())
}

fn decode<T: serde::de::DeserializeOwned>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = r.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Events matching `q`, with context.
pub(super) fn events(conn: &Connection, q: &EventQuery) -> rusqlite::Result<Vec<EventRecord>> {
    // The article and actor filters are written as plain conditions when given (not
    // `?1 IS NULL OR …`), so the planner seeks through their indexes instead of
    // scanning every event.
    let article = if q.article.is_some() {
        "a.id = ?1"
    } else {
        "?1 IS NULL"
    };
    let actor = if q.actor.is_some() {
        "e.id IN (SELECT x.event FROM event_actors x WHERE x.actor = ?2)"
    } else {
        "?2 IS NULL"
    };
    let sql = format!(
        "SELECT e.record, a.title, a.published, a.source,
                CAST(substr(CAST(a.body AS BLOB), s.start + 1, s.\"end\" - s.start) AS TEXT)
         FROM events e
         JOIN articles a ON a.seq = e.article
         LEFT JOIN sentences s ON s.article = e.article AND s.idx = e.sentence
         WHERE {article}
           AND {actor}
           AND (?3 IS NULL OR e.type = ?3)
           AND (?4 IS NULL OR e.modality = ?4)
           AND (?5 IS NULL OR COALESCE(e.time_value, a.published) >= ?5)
           AND (?6 IS NULL OR substr(COALESCE(e.time_value, a.published), 1, length(?6)) <= ?6)
         ORDER BY COALESCE(e.time_value, a.published) IS NULL, COALESCE(e.time_value, a.published), a.seq, e.start
         LIMIT ?7"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let limit = i64::try_from(q.limit).unwrap_or(i64::MAX);
    let rows = st.query_map(
        params![q.article, q.actor, q.kind, q.modality, q.from, q.to, limit],
        |r| {
            let event: Event = decode(r, 0)?;
            Ok(EventRecord {
                event,
                title: r.get(1)?,
                published: r.get(2)?,
                source: r.get(3)?,
                sentence: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            })
        },
    )?;
    rows.collect()
}

fn claims<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    table: &str,
    q: &ClaimQuery,
) -> rusqlite::Result<Vec<ClaimRecord<T>>> {
    // A plain equality when given, so the article's rows are sought, not scanned.
    let article = if q.article.is_some() {
        "a.id = ?1"
    } else {
        "?1 IS NULL"
    };
    let sql = format!(
        "SELECT c.record, a.title, a.published, a.source FROM {table} c
         JOIN articles a ON a.seq = c.article
         WHERE {article}
         ORDER BY a.published IS NULL, a.published, a.seq, c.start LIMIT ?2"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let limit = i64::try_from(q.limit).unwrap_or(i64::MAX);
    let rows = st.query_map(params![q.article, limit], |r| {
        Ok(ClaimRecord {
            record: decode(r, 0)?,
            title: r.get(1)?,
            published: r.get(2)?,
            source: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// Quotes matching `q`.
pub(super) fn quotes(
    conn: &Connection,
    q: &ClaimQuery,
) -> rusqlite::Result<Vec<ClaimRecord<Quote>>> {
    claims(conn, "quotes", q)
}

/// Figures matching `q`.
pub(super) fn quantities(
    conn: &Connection,
    q: &ClaimQuery,
) -> rusqlite::Result<Vec<ClaimRecord<Quantity>>> {
    claims(conn, "quantities", q)
}
