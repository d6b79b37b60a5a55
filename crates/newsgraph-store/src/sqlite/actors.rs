//! Mentions, actors and learned roles in SQLite (schema: `migrations/0002_actors.sql`).

use std::path::Path;

use newsgraph_model::{Actor, Article, Mention, MentionCandidate, MentionRole, Provenance, Role};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{get_u64, get_usize, limit, map_error};
use crate::actors::{kind_str, merge_learned, name_key, parse_kind};
use crate::{
    ActorDetail, ActorMention, ActorOrigin, ActorQuery, ActorSummary, ArticleFacts, LearnedRole,
    StoreError,
};

/// Why writing the facts of an article failed.
pub(super) enum WriteError {
    Sql(rusqlite::Error),
    Invalid(String),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Sql(e)
    }
}

/// What the schema cannot check: spans inside the body, on char boundaries, with the
/// text they claim; every actor referred to is given.
pub(super) fn check_facts(art: &Article, facts: &ArticleFacts) -> Result<(), String> {
    let known = |id: &str| facts.actors.iter().any(|a| a.actor.id == id);
    for m in &facts.mentions {
        if art.body.get(m.start..m.end) != Some(m.text.as_str()) {
            return Err(format!(
                "mention {}..{} {:?} does not match the body",
                m.start, m.end, m.text
            ));
        }
        for id in m.actor.iter().chain(m.candidates.iter().map(|c| &c.actor)) {
            if !known(id) {
                return Err(format!("mention {:?} names unknown actor {id:?}", m.text));
            }
        }
    }
    for r in &facts.roles {
        if !known(&r.actor) {
            return Err(format!("role names unknown actor {:?}", r.actor));
        }
        if r.role.of.is_none() {
            return Err(format!(
                "role {:?} of {:?} has no state",
                r.role.title, r.actor
            ));
        }
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, WriteError> {
    serde_json::to_string(v).map_err(|e| WriteError::Invalid(format!("cannot encode JSON: {e}")))
}

fn int(n: usize) -> Result<i64, WriteError> {
    i64::try_from(n).map_err(|_| WriteError::Invalid(format!("offset {n} is too large")))
}

/// Writes the facts of the article stored as `seq`, inside its transaction.
pub(super) fn write_facts(
    conn: &Connection,
    seq: i64,
    facts: &ArticleFacts,
) -> Result<(), WriteError> {
    for rec in &facts.actors {
        let a = &rec.actor;
        let existing: Option<(String, String)> = conn
            .prepare_cached("SELECT aliases, origin FROM actors WHERE id = ?1")?
            .query_row([&a.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let kb_roles: Vec<&Role> = a.roles.iter().collect();
        match existing {
            None => {
                conn.prepare_cached(
                    "INSERT INTO actors (id, name, kind, country, aliases, roles, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    a.id,
                    a.name,
                    kind_str(a.kind),
                    a.country,
                    to_json(&a.aliases)?,
                    to_json(&kb_roles)?,
                    rec.origin.as_str()
                ])?;
            }
            Some((aliases, origin)) => {
                let mut merged: Vec<String> = serde_json::from_str(&aliases).unwrap_or_default();
                for x in &a.aliases {
                    if !merged.contains(x) {
                        merged.push(x.clone());
                    }
                }
                if rec.origin == ActorOrigin::Kb || origin != "kb" {
                    // The KB's data is refreshed (a user file may have changed it).
                    conn.prepare_cached(
                        "UPDATE actors SET name = ?2, country = COALESCE(?3, country),
                             aliases = ?4, roles = CASE WHEN ?5 = 'kb' THEN ?6 ELSE roles END,
                             origin = CASE WHEN ?5 = 'kb' THEN 'kb' ELSE origin END
                         WHERE id = ?1",
                    )?
                    .execute(params![
                        a.id,
                        a.name,
                        a.country,
                        to_json(&merged)?,
                        rec.origin.as_str(),
                        to_json(&kb_roles)?
                    ])?;
                } else {
                    conn.prepare_cached("UPDATE actors SET aliases = ?2 WHERE id = ?1")?
                        .execute(params![a.id, to_json(&merged)?])?;
                }
            }
        }
        let mut names =
            conn.prepare_cached("INSERT OR IGNORE INTO actor_names (key, actor) VALUES (?1, ?2)")?;
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            let key = name_key(n);
            if !key.is_empty() {
                names.execute(params![key, a.id])?;
            }
        }
    }
    let mut names =
        conn.prepare_cached("INSERT OR IGNORE INTO actor_names (key, actor) VALUES (?1, ?2)")?;
    let mut st = conn.prepare_cached(
        "INSERT OR IGNORE INTO mentions
             (article, start, \"end\", text, kind, actor, role_title, role_of, candidates)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for m in &facts.mentions {
        st.execute(params![
            seq,
            int(m.start)?,
            int(m.end)?,
            m.text,
            kind_str(m.kind),
            m.actor,
            m.role.as_ref().map(|r| &r.title),
            m.role.as_ref().and_then(|r| r.of.as_ref()),
            to_json(&m.candidates)?
        ])?;
        if let Some(actor) = &m.actor {
            // A bare title ("president") is not a name of its holder.
            let bare_title = m
                .role
                .as_ref()
                .is_some_and(|r| name_key(&r.title) == name_key(&m.text));
            if !bare_title {
                let key = name_key(&m.text);
                if !key.is_empty() {
                    names.execute(params![key, actor])?;
                }
            }
        }
    }
    let mut st = conn.prepare_cached(
        "INSERT OR IGNORE INTO learned_roles
             (actor, title, title_key, role_of, article, start, \"end\", date_from, date_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for r in &facts.roles {
        let (start, end) = r.role.evidence.first().map_or((0, 0), |e| (e.start, e.end));
        st.execute(params![
            r.actor,
            r.role.title,
            name_key(&r.role.title),
            r.role.of,
            seq,
            int(start)?,
            int(end)?,
            r.role.from,
            r.role.to
        ])?;
    }
    Ok(())
}

/// An actor row as read.
struct RawActor {
    id: String,
    name: String,
    kind: String,
    country: Option<String>,
    aliases: String,
    roles: String,
    origin: String,
    mentions: u64,
    articles: u64,
}

const ACTOR_COLUMNS: &str = "a.id, a.name, a.kind, a.country, a.aliases, a.roles, a.origin,
    (SELECT count(*) FROM mentions m WHERE m.actor = a.id),
    (SELECT count(DISTINCT m.article) FROM mentions m WHERE m.actor = a.id)";

fn raw_actor(r: &Row<'_>) -> rusqlite::Result<RawActor> {
    Ok(RawActor {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        country: r.get(3)?,
        aliases: r.get(4)?,
        roles: r.get(5)?,
        origin: r.get(6)?,
        mentions: get_u64(r, 7)?,
        articles: get_u64(r, 8)?,
    })
}

fn corrupt(path: &Path, detail: String) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    }
}

/// Completes a raw actor row: decoded JSON, learned roles, the forms mentions used.
fn summary(conn: &Connection, path: &Path, raw: RawActor) -> Result<ActorSummary, StoreError> {
    let bad = |what: &str, e: String| corrupt(path, format!("actor {}: bad {what}: {e}", raw.id));
    let kind = parse_kind(&raw.kind).ok_or_else(|| bad("kind", raw.kind.clone()))?;
    let origin =
        ActorOrigin::parse(&raw.origin).ok_or_else(|| bad("origin", raw.origin.clone()))?;
    let aliases: Vec<String> =
        serde_json::from_str(&raw.aliases).map_err(|e| bad("aliases", e.to_string()))?;
    let mut roles: Vec<Role> =
        serde_json::from_str(&raw.roles).map_err(|e| bad("roles", e.to_string()))?;
    let learned = conn
        .prepare_cached(LEARNED_SQL_BY_ACTOR)
        .and_then(|mut st| {
            st.query_map([&raw.id], learned_row)?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))?;
    roles.extend(merge_learned(learned));
    let names = conn
        .prepare_cached(
            "SELECT text, count(*) AS n FROM mentions
             WHERE actor = ?1 AND NOT (role_title IS NOT NULL AND lower(text) = lower(role_title))
             GROUP BY text ORDER BY n DESC, text",
        )
        .and_then(|mut st| {
            st.query_map([&raw.id], |r| Ok((r.get(0)?, get_u64(r, 1)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))?;
    Ok(ActorSummary {
        actor: Actor {
            id: raw.id,
            name: raw.name,
            kind,
            aliases,
            country: raw.country,
            roles,
        },
        origin,
        mentions: raw.mentions,
        articles: raw.articles,
        names,
    })
}

pub(super) fn list_actors(
    conn: &Connection,
    path: &Path,
    q: &ActorQuery,
) -> Result<Vec<ActorSummary>, StoreError> {
    if q.limit == 0 {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {ACTOR_COLUMNS} FROM actors a
         JOIN (SELECT actor, count(*) AS n FROM mentions WHERE actor IS NOT NULL GROUP BY actor) c
           ON c.actor = a.id
         WHERE (?1 IS NULL OR a.kind = ?1)
         ORDER BY c.n DESC, a.id LIMIT ?2"
    );
    let raws = conn
        .prepare_cached(&sql)
        .and_then(|mut st| {
            st.query_map(params![q.kind.map(kind_str), limit(q.limit)], raw_actor)?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))?;
    raws.into_iter().map(|r| summary(conn, path, r)).collect()
}

pub(super) fn find_actors(
    conn: &Connection,
    path: &Path,
    name: &str,
) -> Result<Vec<ActorSummary>, StoreError> {
    let sql = format!(
        "SELECT {ACTOR_COLUMNS} FROM actors a
         WHERE a.id = ?1 OR a.id IN (SELECT actor FROM actor_names WHERE key = ?2)"
    );
    let mut raws = conn
        .prepare_cached(&sql)
        .and_then(|mut st| {
            st.query_map(params![name, name_key(name)], raw_actor)?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))?;
    // An exact id wins over names.
    if let Some(i) = raws.iter().position(|r| r.id == name) {
        let r = raws.swap_remove(i);
        return Ok(vec![summary(conn, path, r)?]);
    }
    raws.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
    raws.into_iter().map(|r| summary(conn, path, r)).collect()
}

pub(super) fn actor_detail(
    conn: &Connection,
    path: &Path,
    id: &str,
) -> Result<Option<ActorDetail>, StoreError> {
    let sql = format!("SELECT {ACTOR_COLUMNS} FROM actors a WHERE a.id = ?1");
    let Some(raw) = conn
        .prepare_cached(&sql)
        .and_then(|mut st| st.query_row([id], raw_actor).optional())
        .map_err(|e| map_error(e, path))?
    else {
        return Ok(None);
    };
    let summary = summary(conn, path, raw)?;
    let rows = conn
        .prepare_cached(
            "SELECT ar.id, ar.title, ar.published, m.start, m.\"end\", m.text, m.kind, m.actor,
                    m.role_title, m.role_of, m.candidates, s.idx,
                    CAST(substr(CAST(ar.body AS BLOB), s.start + 1, s.\"end\" - s.start) AS BLOB)
             FROM mentions m
             JOIN articles ar ON ar.seq = m.article
             LEFT JOIN sentences s
               ON s.article = m.article AND s.start <= m.start AND s.\"end\" >= m.\"end\"
             WHERE m.actor = ?1
                OR (m.actor IS NULL AND m.candidates != '[]' AND EXISTS (
                     SELECT 1 FROM json_each(m.candidates) j
                     WHERE json_extract(j.value, '$.actor') = ?1))
             ORDER BY ar.undated, ar.published, ar.id, m.start",
        )
        .and_then(|mut st| {
            st.query_map([id], |r| {
                let sentence: Option<Vec<u8>> = r.get(12)?;
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ),
                    (
                        get_usize(r, 3)?,
                        get_usize(r, 4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                    ),
                    (
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, String>(10)?,
                    ),
                    r.get::<_, Option<i64>>(11)?,
                    sentence,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))?;
    let mut mentions = Vec::with_capacity(rows.len());
    for (
        (article, title, published),
        (start, end, text, kind),
        (actor, rt, ro, cands),
        idx,
        sent,
    ) in rows
    {
        let kind = parse_kind(&kind)
            .ok_or_else(|| corrupt(path, format!("mention in {article}: bad kind {kind}")))?;
        let candidates: Vec<MentionCandidate> = serde_json::from_str(&cands)
            .map_err(|e| corrupt(path, format!("mention in {article}: bad candidates: {e}")))?;
        let as_candidate = actor.as_deref() != Some(id);
        mentions.push(ActorMention {
            mention: Mention {
                article,
                start,
                end,
                text,
                kind,
                actor,
                role: rt.map(|title| MentionRole { title, of: ro }),
                candidates,
            },
            as_candidate,
            title,
            published,
            sentence_index: idx.and_then(|i| usize::try_from(i).ok()),
            sentence: sent.map(|b| String::from_utf8_lossy(&b).into_owned()),
        });
    }
    Ok(Some(ActorDetail { summary, mentions }))
}

/// The mentions of one article (by full id), in text order.
pub(super) fn article_mentions(
    conn: &Connection,
    path: &Path,
    id: &str,
) -> Result<Vec<Mention>, StoreError> {
    let rows = conn
        .prepare_cached(
            "SELECT m.start, m.\"end\", m.text, m.kind, m.actor, m.role_title, m.role_of,
                    m.candidates
             FROM mentions m JOIN articles ar ON ar.seq = m.article
             WHERE ar.id = ?1 ORDER BY m.start, m.\"end\"",
        )
        .and_then(|mut st| {
            st.query_map([id], |r| {
                Ok((
                    (get_usize(r, 0)?, get_usize(r, 1)?, r.get::<_, String>(2)?),
                    (r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?),
                    (
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                    ),
                ))
            })?
            .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))?;
    rows.into_iter()
        .map(|((start, end, text), (kind, actor), (rt, ro, cands))| {
            let kind = parse_kind(&kind)
                .ok_or_else(|| corrupt(path, format!("mention in {id}: bad kind {kind}")))?;
            let candidates: Vec<MentionCandidate> = serde_json::from_str(&cands)
                .map_err(|e| corrupt(path, format!("mention in {id}: bad candidates: {e}")))?;
            Ok(Mention {
                article: id.to_string(),
                start,
                end,
                text,
                kind,
                actor,
                role: rt.map(|title| MentionRole { title, of: ro }),
                candidates,
            })
        })
        .collect()
}

/// The actors with these ids (name, kind, aliases, country, KB roles), in the order
/// asked; unknown ids are left out.
pub(super) fn actors_by_id(
    conn: &Connection,
    path: &Path,
    ids: &[String],
) -> Result<Vec<Actor>, StoreError> {
    let mut st = conn
        .prepare_cached("SELECT id, name, kind, country, aliases, roles FROM actors WHERE id = ?1")
        .map_err(|e| map_error(e, path))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row = st
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .optional()
            .map_err(|e| map_error(e, path))?;
        let Some((id, name, kind, country, aliases, roles)) = row else {
            continue;
        };
        let bad = |what: &str, e: String| corrupt(path, format!("actor {id}: bad {what}: {e}"));
        out.push(Actor {
            kind: parse_kind(&kind).ok_or_else(|| bad("kind", kind.clone()))?,
            aliases: serde_json::from_str(&aliases).map_err(|e| bad("aliases", e.to_string()))?,
            roles: serde_json::from_str(&roles).map_err(|e| bad("roles", e.to_string()))?,
            id,
            name,
            country,
        });
    }
    Ok(out)
}

const LEARNED_SQL: &str = "SELECT lr.actor, a.name, lr.title, lr.role_of, lr.date_from, lr.date_to,
        ar.id, lr.start, lr.\"end\"
     FROM learned_roles lr JOIN actors a ON a.id = lr.actor
     JOIN articles ar ON ar.seq = lr.article";

const LEARNED_SQL_BY_ACTOR: &str = "SELECT lr.actor, a.name, lr.title, lr.role_of, lr.date_from,
        lr.date_to, ar.id, lr.start, lr.\"end\"
     FROM learned_roles lr JOIN actors a ON a.id = lr.actor
     JOIN articles ar ON ar.seq = lr.article
     WHERE lr.actor = ?1 ORDER BY lr.date_from, ar.seq, lr.start";

fn learned_row(r: &Row<'_>) -> rusqlite::Result<LearnedRole> {
    Ok(LearnedRole {
        actor: r.get(0)?,
        name: r.get(1)?,
        role: Role {
            title: r.get(2)?,
            of: r.get(3)?,
            from: r.get(4)?,
            to: r.get(5)?,
            source: Some(newsgraph_model::RoleSource::Article),
            evidence: vec![Provenance {
                article: r.get(6)?,
                start: get_usize(r, 7)?,
                end: get_usize(r, 8)?,
                sentence: None,
                extractor: "link/title".into(),
                confidence: 0.9,
            }],
        },
    })
}

pub(super) fn learned_roles(
    conn: &Connection,
    path: &Path,
    title: &str,
    of: &str,
) -> Result<Vec<LearnedRole>, StoreError> {
    let sql = format!(
        "{LEARNED_SQL} WHERE lr.title_key = ?1 AND lr.role_of = ?2
         ORDER BY lr.date_from, ar.seq, lr.start"
    );
    conn.prepare_cached(&sql)
        .and_then(|mut st| {
            st.query_map(params![name_key(title), of], learned_row)?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| map_error(e, path))
}
