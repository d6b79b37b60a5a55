//! The embedded SQLite backend: one file, WAL journal, versioned migrations, FTS5.
//!
//! Schema (version 1, see `sqlite/migrations/0001_articles.sql`):
//!
//! - `articles` — one row per article: every [`Article`] field (`via`, `metadata` and
//!   `published_bounds` as JSON text), the fingerprint bit-cast to a signed INTEGER, word
//!   and byte counts, `ingested_at`. `id` (content id) is UNIQUE; `seq INTEGER PRIMARY
//!   KEY` is the stable row key the other tables and the full-text index join on (and
//!   the ingestion order). A generated `undated` column leads the listing index
//!   `(undated, published, id)`, so cursor pages seek instead of scanning.
//! - `sentences (article, idx, start, end)` with CHECKs on the span.
//! - `neardup_bands (band_no, band_value, article)` — the LSH index of [`crate::neardup`].
//! - `articles_fts` — FTS5 over title and body, external content (the text is stored
//!   once, in `articles`), kept in step by triggers; tokenizer
//!   `porter unicode61 remove_diacritics 2`.
//!
//! Connections run with `journal_mode=WAL` (readers in other processes never block the
//! writer, nor it them), `synchronous=NORMAL` (a committed article survives a crash of
//! the process; a power cut may lose the last few commits but never corrupts),
//! `foreign_keys=ON` and a busy timeout of [`BUSY_TIMEOUT`].

mod actors;
mod claims;
mod migrations;
mod stories;

use newsgraph_model::{Quantity, Quote};
use std::cell::RefCell;

use crate::claims::{ClaimQuery, ClaimRecord, EventQuery, EventRecord};
use std::path::{Path, PathBuf};
use std::time::Duration;

use newsgraph_model::{Article, ArticleId, InputFormat, Sentence};
use rusqlite::types::Value;
use rusqlite::{
    params, params_from_iter, Connection, ErrorCode, OpenFlags, OptionalExtension, Row,
    TransactionBehavior,
};

pub use migrations::{Migration, APPLICATION_ID, LATEST_VERSION, MIGRATIONS};

use crate::{
    check_date_bound, neardup, query, ActorDetail, ActorQuery, ActorSummary, ArticleFacts,
    ArticleSummary, LearnedRole, ListQuery, PutOutcome, SearchHit, SearchQuery, Store, StoreError,
    StoreStats, StoredArticle, MIN_ID_PREFIX,
};
use crate::{
    ArticleStory, MergedQuery, SeriesQuery, StoredStory, StoryDetail, StoryQuery, StorySummary,
};

/// How long a statement waits for another process's lock before failing with
/// [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Weight of a title match relative to a body match in search ranking.
const TITLE_WEIGHT: f64 = 10.0;

/// Most matches one search ranks by relevance. A query matching more articles (after
/// its filters) is ranked among the `RANK_WINDOW` most recently stored of them: a word
/// found in most of a large archive then costs about what a rarer one does, instead
/// of a score for every match (see docs/serve.md, Speed).
pub const RANK_WINDOW: usize = 5_000;

/// A newsgraph store in one SQLite file (or in memory, for tests and one-shot runs).
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// Every stored fingerprint, in memory, for near-duplicate lookups beyond the band
    /// index's exact range; refreshed from the database before each lookup.
    fingerprints: RefCell<FingerprintCache>,
    /// Test hook: fail `put_article` after everything is written, before the commit.
    #[cfg(test)]
    fail_before_commit: bool,
}

impl SqliteStore {
    /// Opens the database at `path`, creating it when missing, and migrates its schema
    /// to [`LATEST_VERSION`]. Fails clearly on a non-SQLite file, another application's
    /// database, or a database from a newer newsgraph.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(e, path))?;
        Self::setup(conn, path.to_path_buf(), true)
    }

    /// A fresh, empty store in memory, gone when dropped.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| open_error(e, &path))?;
        Self::setup(conn, path, false)
    }

    fn setup(mut conn: Connection, path: PathBuf, wal: bool) -> Result<Self, StoreError> {
        let on_open = |e| open_error(e, &path);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(on_open)?;
        // The first statement that reads the file: a non-database fails here.
        if wal {
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
                .map_err(on_open)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Open {
                    path,
                    source: format!("could not switch to WAL journal (got {mode:?})").into(),
                });
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(on_open)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(on_open)?;
        migrations::migrate(&mut conn, &path)?;
        Ok(SqliteStore {
            conn,
            path,
            fingerprints: RefCell::default(),
            #[cfg(test)]
            fail_before_commit: false,
        })
    }

    /// Tunes this connection for serving reads: a page cache of up to `cache_mib` MiB
    /// (SQLite's default is 2 MiB) and up to `mmap_mib` MiB of the database file mapped
    /// into memory, so pages come from the OS page cache without a read call and a copy
    /// each. Both are per connection and change no data; 0 leaves a setting alone.
    pub fn tune_for_reads(&self, cache_mib: u32, mmap_mib: u32) -> Result<(), StoreError> {
        if cache_mib > 0 {
            self.conn
                .pragma_update(None, "cache_size", -i64::from(cache_mib) * 1024)
                .map_err(|e| self.err(e))?;
        }
        if mmap_mib > 0 {
            // The pragma answers with the size it applied (a row), so it runs as a query.
            let _applied: i64 = self
                .conn
                .pragma_update_and_check(
                    None,
                    "mmap_size",
                    i64::from(mmap_mib) * 1024 * 1024,
                    |r| r.get(0),
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::current_version(&self.conn, &self.path)
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        map_error(e, &self.path)
    }

    /// The `seq` of the article with this id or unique id prefix.
    fn resolve(&self, id_or_prefix: &str) -> Result<Option<i64>, StoreError> {
        let exact: Option<i64> = self
            .conn
            .prepare_cached("SELECT seq FROM articles WHERE id = ?1")
            .and_then(|mut st| st.query_row([id_or_prefix], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        if exact.is_some() {
            return Ok(exact);
        }
        if id_or_prefix.chars().count() < MIN_ID_PREFIX {
            return Err(StoreError::PrefixTooShort {
                prefix: id_or_prefix.to_string(),
                min: MIN_ID_PREFIX,
            });
        }
        // Every id starting with the prefix sorts in [prefix, prefix + U+10FFFF).
        let upper = format!("{id_or_prefix}\u{10FFFF}");
        let found: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT seq FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2",
            )
            .and_then(|mut st| {
                st.query_map([id_or_prefix, upper.as_str()], |r| r.get(0))?
                    .collect()
            })
            .map_err(|e| self.err(e))?;
        match found.as_slice() {
            [] => Ok(None),
            [seq] => Ok(Some(*seq)),
            _ => {
                let count = self
                    .conn
                    .query_row(
                        "SELECT count(*) FROM articles WHERE id >= ?1 AND id < ?2",
                        [id_or_prefix, upper.as_str()],
                        |r| get_u64(r, 0),
                    )
                    .map_err(|e| self.err(e))?;
                Err(StoreError::AmbiguousPrefix {
                    prefix: id_or_prefix.to_string(),
                    count,
                })
            }
        }
    }

    fn load(&self, seq: i64) -> Result<StoredArticle, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, path, url, source, via, title, subtitle, byline, section, published,
                        published_bounds, language, body, duplicate_of, format, metadata,
                        fingerprint, ingested_at
                 FROM articles WHERE seq = ?1",
            )
            .and_then(|mut st| st.query_row([seq], RawArticle::from_row))
            .map_err(|e| self.err(e))?;
        let sentences = self
            .conn
            .prepare_cached(
                "SELECT idx, start, \"end\" FROM sentences WHERE article = ?1 ORDER BY idx",
            )
            .and_then(|mut st| {
                st.query_map([seq], |r| {
                    Ok(Sentence {
                        index: get_usize(r, 0)?,
                        start: get_usize(r, 1)?,
                        end: get_usize(r, 2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.err(e))?;
        row.into_stored(sentences, &self.path)
    }

    /// Top hits of an FTS5 query with filters: (seq, id, title, source, published, score),
    /// ranked by relevance among the `window` most recently stored matches (all of them
    /// when `window` is 0 or fewer match).
    fn ranked_hits(
        &self,
        fts: &str,
        q: &SearchQuery,
        window: usize,
    ) -> Result<Vec<(i64, SearchHit)>, StoreError> {
        let mut filters = String::new();
        let mut filter_args = Vec::new();
        push_filters(
            &mut filters,
            &mut filter_args,
            q.source.as_deref(),
            q.from.as_deref(),
            q.to.as_deref(),
        )?;
        let cutoff = self.rank_cutoff(fts, &filters, &filter_args, window)?;
        let mut args = vec![Value::Text(fts.to_string()), Value::Integer(cutoff)];
        let sql = if filters.is_empty() {
            // Scored in the index alone; article rows are read for the page only.
            format!(
                "SELECT a.seq, a.id, a.title, a.source, a.published, h.score
                 FROM (SELECT rowid AS seq, bm25(articles_fts, {TITLE_WEIGHT:.1}, 1.0) AS score
                       FROM articles_fts
                       WHERE articles_fts MATCH ? AND rowid >= ?
                       ORDER BY score, rowid LIMIT ?) h
                 CROSS JOIN articles a ON a.seq = h.seq
                 ORDER BY h.score, a.seq"
            )
        } else {
            args.extend(filter_args);
            format!(
                "SELECT a.seq, a.id, a.title, a.source, a.published,
                        bm25(articles_fts, {TITLE_WEIGHT:.1}, 1.0) AS score
                 FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
                 WHERE articles_fts MATCH ? AND articles_fts.rowid >= ?{filters}
                 ORDER BY score, a.seq LIMIT ?"
            )
        };
        args.push(Value::Integer(limit(q.limit)));
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params_from_iter(args), |r| {
                let rank: f64 = r.get(5)?;
                Ok((
                    r.get(0)?,
                    SearchHit {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        source: r.get(3)?,
                        published: r.get(4)?,
                        // bm25 is "lower is better"; report "higher is better".
                        score: -rank,
                        snippet: String::new(),
                    },
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    /// The lowest `seq` among the `window` most recently stored articles matching
    /// `fts` and the filters, or 0 when no more than `window` match (or `window` is 0).
    /// A walk of the index newest first, without scoring: its cost is bounded by the
    /// window (plus the matches the filters reject), not by the number of matches.
    fn rank_cutoff(
        &self,
        fts: &str,
        filters: &str,
        filter_args: &[Value],
        window: usize,
    ) -> Result<i64, StoreError> {
        if window == 0 {
            return Ok(0);
        }
        let sql = if filters.is_empty() {
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
             ORDER BY rowid DESC LIMIT 1 OFFSET ?"
                .to_string()
        } else {
            format!(
                "SELECT a.seq FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
                 WHERE articles_fts MATCH ?{filters}
                 ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?"
            )
        };
        let mut args = vec![Value::Text(fts.to_string())];
        args.extend(filter_args.iter().cloned());
        args.push(Value::Integer(
            i64::try_from(window - 1).unwrap_or(i64::MAX),
        ));
        let cutoff: Option<i64> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut st| {
                st.query_row(params_from_iter(args), |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.err(e))?;
        Ok(cutoff.unwrap_or(0))
    }
}

/// An article row as read, before JSON columns are decoded.
struct RawArticle {
    id: String,
    path: Option<String>,
    url: Option<String>,
    source: String,
    via: String,
    title: String,
    subtitle: Option<String>,
    byline: Option<String>,
    section: Option<String>,
    published: Option<String>,
    published_bounds: Option<String>,
    language: Option<String>,
    body: String,
    duplicate_of: Option<String>,
    format: Option<String>,
    metadata: String,
    fingerprint: i64,
    ingested_at: String,
}

impl RawArticle {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawArticle {
            id: r.get(0)?,
            path: r.get(1)?,
            url: r.get(2)?,
            source: r.get(3)?,
            via: r.get(4)?,
            title: r.get(5)?,
            subtitle: r.get(6)?,
            byline: r.get(7)?,
            section: r.get(8)?,
            published: r.get(9)?,
            published_bounds: r.get(10)?,
            language: r.get(11)?,
            body: r.get(12)?,
            duplicate_of: r.get(13)?,
            format: r.get(14)?,
            metadata: r.get(15)?,
            fingerprint: r.get(16)?,
            ingested_at: r.get(17)?,
        })
    }

    fn into_stored(
        self,
        sentences: Vec<Sentence>,
        path: &Path,
    ) -> Result<StoredArticle, StoreError> {
        let corrupt = |what: &str, e: serde_json::Error| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("article {}: bad {what}: {e}", self.id),
        };
        let via = serde_json::from_str(&self.via).map_err(|e| corrupt("via", e))?;
        let metadata = serde_json::from_str(&self.metadata).map_err(|e| corrupt("metadata", e))?;
        let published_bounds = match &self.published_bounds {
            Some(json) => {
                Some(serde_json::from_str(json).map_err(|e| corrupt("published_bounds", e))?)
            }
            None => None,
        };
        let format = match &self.format {
            Some(f) => Some(
                serde_json::from_value::<InputFormat>(serde_json::Value::String(f.clone()))
                    .map_err(|e| corrupt("format", e))?,
            ),
            None => None,
        };
        Ok(StoredArticle {
            article: Article {
                id: self.id,
                path: self.path,
                url: self.url,
                source: self.source,
                via,
                title: self.title,
                subtitle: self.subtitle,
                byline: self.byline,
                section: self.section,
                published: self.published,
                published_bounds,
                language: self.language,
                body: self.body,
                duplicate_of: self.duplicate_of,
                format,
                metadata,
            },
            sentences,
            fingerprint: neardup::from_i64(self.fingerprint),
            ingested_at: Some(self.ingested_at),
        })
    }
}

/// The TIMEX3 type as stored.
fn timex_type_name(kind: newsgraph_model::TimexType) -> &'static str {
    use newsgraph_model::TimexType;
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// The TIMEX3 type from its stored name (the schema admits only the four).
fn timex_type_from(name: &str) -> newsgraph_model::TimexType {
    use newsgraph_model::TimexType;
    match name {
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => TimexType::Date,
    }
}

/// Fingerprints of stored articles, by ingestion sequence number.
#[derive(Debug, Default)]
struct FingerprintCache {
    seqs: Vec<i64>,
    fingerprints: Vec<u64>,
    /// Highest sequence number loaded; rows above it are read on the next refresh
    /// (including rows written by other processes since).
    max_seq: i64,
}

impl SqliteStore {
    /// Loads the fingerprints stored since the last refresh into the cache.
    fn refresh_fingerprints(&self) -> Result<(), StoreError> {
        let mut cache = self.fingerprints.borrow_mut();
        let mut st = self
            .conn
            .prepare_cached("SELECT seq, fingerprint FROM articles WHERE seq > ?1 ORDER BY seq")
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([cache.max_seq]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let seq: i64 = row.get(0).map_err(|e| self.err(e))?;
            let fp: i64 = row.get(1).map_err(|e| self.err(e))?;
            cache.seqs.push(seq);
            cache.fingerprints.push(neardup::from_i64(fp));
            cache.max_seq = seq;
        }
        Ok(())
    }
}

impl Store for SqliteStore {
    fn put_article_with(
        &mut self,
        a: &StoredArticle,
        facts: &ArticleFacts,
    ) -> Result<PutOutcome, StoreError> {
        let art = &a.article;
        let invalid = |reason: String| StoreError::InvalidArticle {
            id: art.id.clone(),
            reason,
        };
        if art.id.is_empty() {
            return Err(invalid("empty id".into()));
        }
        // What the schema cannot check (it does not see the body's length).
        for s in &a.sentences {
            if s.end > art.body.len() || s.start > art.body.len() {
                return Err(invalid(format!(
                    "sentence {} ({}..{}) lies outside the body ({} bytes)",
                    s.index,
                    s.start,
                    s.end,
                    art.body.len()
                )));
            }
        }
        actors::check_facts(art, facts).map_err(invalid)?;
        let json = |what: &str, r: serde_json::Result<String>| {
            r.map_err(|e| invalid(format!("cannot encode {what}: {e}")))
        };
        let via = json("via", serde_json::to_string(&art.via))?;
        let metadata = json("metadata", serde_json::to_string(&art.metadata))?;
        let bounds = match &art.published_bounds {
            Some(b) => Some(json("published_bounds", serde_json::to_string(b))?),
            None => None,
        };
        let int = |what: &str, n: usize| {
            i64::try_from(n).map_err(|_| invalid(format!("{what} {n} is too large")))
        };
        let words = int("word count", art.body.split_whitespace().count())?;
        let bytes = int("body length", art.body.len())?;

        let path = &self.path;
        let write_err = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(ErrorCode::ConstraintViolation) => StoreError::InvalidArticle {
                id: art.id.clone(),
                reason: e.to_string(),
            },
            _ => map_error(e, path),
        };
        // IMMEDIATE: take the write lock up front, so a concurrent writer waits at BEGIN
        // instead of failing with a deadlock when upgrading a read transaction.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_err)?;
        let seq: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO articles (id, path, url, source, via, title, subtitle, byline,
                     section, published, published_bounds, language, body, duplicate_of,
                     format, metadata, fingerprint, words, bytes, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, COALESCE(?20, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
                 ON CONFLICT (id) DO NOTHING
                 RETURNING seq",
            )
            .and_then(|mut st| {
                st.query_row(
                    params![
                        art.id,
                        art.path,
                        art.url,
                        art.source,
                        via,
                        art.title,
                        art.subtitle,
                        art.byline,
                        art.section,
                        art.published,
                        bounds,
                        art.language,
                        art.body,
                        art.duplicate_of,
                        art.format.map(|f| f.as_str()),
                        metadata,
                        neardup::to_i64(a.fingerprint),
                        words,
                        bytes,
                        a.ingested_at,
                    ],
                    |r| r.get(0),
                )
                .optional()
            })
            .map_err(write_err)?;
        let Some(seq) = seq else {
            // Same content id stored already: nothing to do (the transaction rolls back).
            return Ok(PutOutcome::AlreadyPresent);
        };
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO sentences (article, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(write_err)?;
            for s in &a.sentences {
                st.execute(params![
                    seq,
                    int("sentence index", s.index)?,
                    int("sentence start", s.start)?,
                    int("sentence end", s.end)?
                ])
                .map_err(write_err)?;
            }
            let mut st = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO neardup_bands (band_no, band_value, article)
                     VALUES (?1, ?2, ?3)",
                )
                .map_err(write_err)?;
            for (band_no, value) in neardup::bands(a.fingerprint).into_iter().enumerate() {
                st.execute(params![int("band", band_no)?, value, seq])
                    .map_err(write_err)?;
            }
        }
        actors::write_facts(&tx, seq, facts).map_err(|e| match e {
            actors::WriteError::Sql(e) => write_err(e),
            actors::WriteError::Invalid(reason) => invalid(reason),
        })?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO timexes (article, start, \"end\", text, type, value, mod)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(write_err)?;
            for t in &facts.timexes {
                if t.end > art.body.len() || art.body.get(t.start..t.end) != Some(t.text.as_str()) {
                    return Err(invalid(format!(
                        "time expression {:?} ({}..{}) is not that span of the body",
                        t.text, t.start, t.end
                    )));
                }
                st.execute(params![
                    seq,
                    int("timex start", t.start)?,
                    int("timex end", t.end)?,
                    t.text,
                    timex_type_name(t.kind),
                    t.value,
                    t.r#mod
                ])
                .map_err(write_err)?;
            }
        }
        claims::write(&tx, seq, art, facts).map_err(|e| match e {
            claims::WriteError::Sql(e) => write_err(e),
            claims::WriteError::Invalid(reason) => invalid(reason),
        })?;
        stories::write(&tx, seq, &facts.quantities, &facts.events, &facts.cluster).map_err(
            |e| match e {
                stories::WriteError::Sql(e) => write_err(e),
                stories::WriteError::Invalid(reason) => invalid(reason),
            },
        )?;
        #[cfg(test)]
        if self.fail_before_commit {
            return Err(StoreError::Backend {
                path: self.path.clone(),
                source: "injected failure before commit".into(),
            });
        }
        tx.commit().map_err(write_err)?;
        Ok(PutOutcome::Stored)
    }

    fn contains(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)")
            .and_then(|mut st| st.query_row([id], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    fn get_article(&self, id_or_unique_prefix: &str) -> Result<Option<StoredArticle>, StoreError> {
        match self.resolve(id_or_unique_prefix)? {
            Some(seq) => self.load(seq).map(Some),
            None => Ok(None),
        }
    }

    fn list_articles(&self, q: &ListQuery) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut sql = String::from(
            "SELECT id, title, source, published, byline, duplicate_of, words, bytes, path, url,
                    ingested_at
             FROM articles a WHERE 1",
        );
        let mut args = Vec::new();
        push_filters(
            &mut sql,
            &mut args,
            q.source.as_deref(),
            q.from.as_deref(),
            q.to.as_deref(),
        )?;
        if let Some(cursor) = &q.after {
            let key = cursor.decode()?;
            match key.published {
                // Rows after (dated, p, id): later dated rows, then every undated row.
                // As one row-value comparison, so it seeks into `articles_published`.
                Some(p) => {
                    sql.push_str(" AND (a.undated, a.published, a.id) > (0, ?, ?)");
                    args.push(Value::Text(p));
                }
                None => sql.push_str(" AND a.undated = 1 AND a.published IS NULL AND a.id > ?"),
            }
            args.push(Value::Text(key.id));
        }
        if q.limit == 0 {
            return Ok(Vec::new());
        }
        sql.push_str(" ORDER BY a.undated, a.published, a.id LIMIT ?");
        args.push(Value::Integer(limit(q.limit)));
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params_from_iter(args), summary_row)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn story_candidates(
        &self,
        terms: &[(String, f32)],
        limit: usize,
    ) -> Result<Vec<StoredStory>, StoreError> {
        stories::candidates(&self.conn, terms, limit).map_err(|e| self.err(e))
    }

    fn term_stats(&self, terms: &[String]) -> Result<(u64, Vec<u64>), StoreError> {
        stories::term_stats(&self.conn, terms).map_err(|e| self.err(e))
    }

    fn story_merged_events(
        &self,
        story: &str,
        kind: &str,
        limit: usize,
    ) -> Result<Vec<newsgraph_model::MergedEvent>, StoreError> {
        stories::merged_of_story(&self.conn, story, kind, limit).map_err(|e| self.err(e))
    }

    fn stories(&self, q: &StoryQuery) -> Result<Vec<StorySummary>, StoreError> {
        check_date_bound("from", q.from.as_deref().unwrap_or("2000"))?;
        check_date_bound("to", q.to.as_deref().unwrap_or("2000"))?;
        stories::stories(&self.conn, q).map_err(|e| self.err(e))
    }

    fn story(&self, id: &str) -> Result<Option<StoryDetail>, StoreError> {
        stories::story(&self.conn, id, summary_row).map_err(|e| self.err(e))
    }

    fn story_page(
        &self,
        id: &str,
        max_articles: usize,
        max_events: usize,
        max_points: usize,
    ) -> Result<Option<StoryDetail>, StoreError> {
        let limits = stories::PageLimits {
            articles: max_articles,
            events: max_events,
            points: max_points,
        };
        stories::story_bounded(&self.conn, id, summary_row, Some(limits)).map_err(|e| self.err(e))
    }

    fn generation(&self) -> Result<u64, StoreError> {
        self.conn
            .prepare_cached("SELECT COALESCE(max(seq), 0) FROM articles")
            .and_then(|mut st| st.query_row([], |r| get_u64(r, 0)))
            .map_err(|e| self.err(e))
    }

    fn article_story(&self, article: &str) -> Result<Option<ArticleStory>, StoreError> {
        stories::article_story(&self.conn, article).map_err(|e| self.err(e))
    }

    fn merged_events(
        &self,
        q: &MergedQuery,
    ) -> Result<Vec<newsgraph_model::MergedEvent>, StoreError> {
        check_date_bound("from", q.from.as_deref().unwrap_or("2000"))?;
        check_date_bound("to", q.to.as_deref().unwrap_or("2000"))?;
        stories::merged_events(&self.conn, q).map_err(|e| self.err(e))
    }

    fn series(&self, q: &SeriesQuery) -> Result<Vec<newsgraph_model::Series>, StoreError> {
        stories::series(&self.conn, q).map_err(|e| self.err(e))
    }

    fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        let fts = query::parse(&q.text)?.to_fts5();
        if q.limit == 0 {
            return Ok(Vec::new());
        }
        // Rank first, then build snippets for the page only: a snippet costs a pass over
        // the body, and a common word may match a large share of the archive.
        let mut hits = self.ranked_hits(&fts, q, RANK_WINDOW)?;
        let style = &q.snippet;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT snippet(articles_fts, 1, ?2, ?3, ?4, ?5) FROM articles_fts
                 WHERE articles_fts MATCH ?1 AND rowid = ?6",
            )
            .map_err(|e| self.err(e))?;
        for (seq, hit) in &mut hits {
            hit.snippet = st
                .query_row(
                    params![
                        fts,
                        style.open,
                        style.close,
                        style.ellipsis,
                        style.tokens.clamp(1, 64),
                        *seq
                    ],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?
                .unwrap_or_default();
        }
        Ok(hits.into_iter().map(|(_, hit)| hit).collect())
    }

    fn find_near_duplicate(
        &self,
        fingerprint: u64,
        max_distance: u32,
    ) -> Result<Option<ArticleId>, StoreError> {
        // Up to distance 3 the band index finds every match with a few index lookups;
        // beyond, the bands would miss pairs, so compare against every fingerprint in
        // the in-memory cache (8 bytes an article; about a millisecond per million).
        let mut best: Option<(u32, i64)> = None;
        let mut consider = |seq: i64, fp: u64| {
            let distance = neardup::hamming(fingerprint, fp);
            // Nearest first; among equals the earliest stored.
            if distance <= max_distance && best.is_none_or(|b| (distance, seq) < b) {
                best = Some((distance, seq));
            }
        };
        if max_distance <= neardup::EXACT_MAX_DISTANCE {
            let [b0, b1, b2, b3] = neardup::bands(fingerprint);
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT DISTINCT a.seq, a.fingerprint
                     FROM neardup_bands b JOIN articles a ON a.seq = b.article
                     WHERE (b.band_no = 0 AND b.band_value = ?1)
                        OR (b.band_no = 1 AND b.band_value = ?2)
                        OR (b.band_no = 2 AND b.band_value = ?3)
                        OR (b.band_no = 3 AND b.band_value = ?4)",
                )
                .map_err(|e| self.err(e))?;
            let mut rows = st.query(params![b0, b1, b2, b3]).map_err(|e| self.err(e))?;
            while let Some(row) = rows.next().map_err(|e| self.err(e))? {
                let seq: i64 = row.get(0).map_err(|e| self.err(e))?;
                let fp: i64 = row.get(1).map_err(|e| self.err(e))?;
                consider(seq, neardup::from_i64(fp));
            }
        } else {
            self.refresh_fingerprints()?;
            let cache = self.fingerprints.borrow();
            for (&seq, &fp) in cache.seqs.iter().zip(&cache.fingerprints) {
                consider(seq, fp);
            }
        }
        let Some((_, seq)) = best else {
            return Ok(None);
        };
        self.conn
            .prepare_cached("SELECT id FROM articles WHERE seq = ?1")
            .and_then(|mut st| st.query_row([seq], |r| r.get(0)))
            .map(Some)
            .map_err(|e| self.err(e))
    }

    fn list_actors(&self, q: &ActorQuery) -> Result<Vec<ActorSummary>, StoreError> {
        actors::list_actors(&self.conn, &self.path, q)
    }

    fn find_actors(&self, name: &str) -> Result<Vec<ActorSummary>, StoreError> {
        actors::find_actors(&self.conn, &self.path, name)
    }

    fn actor_detail(&self, id: &str) -> Result<Option<ActorDetail>, StoreError> {
        actors::actor_detail(&self.conn, &self.path, id)
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<EventRecord>, StoreError> {
        claims::events(&self.conn, q).map_err(|e| self.err(e))
    }

    fn quotes(&self, q: &ClaimQuery) -> Result<Vec<ClaimRecord<Quote>>, StoreError> {
        claims::quotes(&self.conn, q).map_err(|e| self.err(e))
    }

    fn quantities(&self, q: &ClaimQuery) -> Result<Vec<ClaimRecord<Quantity>>, StoreError> {
        claims::quantities(&self.conn, q).map_err(|e| self.err(e))
    }

    fn article_timexes(&self, id: &str) -> Result<Vec<newsgraph_model::Timex>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT t.start, t.\"end\", t.text, t.type, t.value, t.mod
                 FROM timexes t JOIN articles a ON a.seq = t.article
                 WHERE a.id = ?1 ORDER BY t.start",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([id], |r| {
                let kind: String = r.get(3)?;
                Ok(newsgraph_model::Timex {
                    article: id.to_string(),
                    start: get_usize(r, 0)?,
                    end: get_usize(r, 1)?,
                    text: r.get(2)?,
                    kind: timex_type_from(&kind),
                    value: r.get(4)?,
                    r#mod: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    fn learned_roles(&self, title: &str, of: &str) -> Result<Vec<LearnedRole>, StoreError> {
        actors::learned_roles(&self.conn, &self.path, title, of)
    }

    fn article_mentions(&self, id: &str) -> Result<Vec<newsgraph_model::Mention>, StoreError> {
        actors::article_mentions(&self.conn, &self.path, id)
    }

    fn actors_by_id(&self, ids: &[String]) -> Result<Vec<newsgraph_model::Actor>, StoreError> {
        actors::actors_by_id(&self.conn, &self.path, ids)
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        let (articles, duplicates, sources): (u64, u64, u64) = self
            .conn
            .query_row(
                "SELECT count(*), count(duplicate_of), count(DISTINCT NULLIF(source, ''))
                 FROM articles",
                [],
                |r| Ok((get_u64(r, 0)?, get_u64(r, 1)?, get_u64(r, 2)?)),
            )
            .map_err(|e| self.err(e))?;
        let sentences = self
            .conn
            .query_row("SELECT count(*) FROM sentences", [], |r| get_u64(r, 0))
            .map_err(|e| self.err(e))?;
        Ok(StoreStats {
            articles,
            duplicates,
            sources,
            sentences,
            schema_version: self.schema_version()?,
            backend: "sqlite",
        })
    }
}

/// Appends source and date filters on `articles a` to a WHERE clause.
fn push_filters(
    sql: &mut String,
    args: &mut Vec<Value>,
    source: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(), StoreError> {
    if let Some(source) = source {
        sql.push_str(" AND a.source = ? COLLATE NOCASE");
        args.push(Value::Text(source.to_string()));
    }
    // Compare at the precision of the bound: `2026-01` covers all of January on both
    // sides. Undated articles never pass a date filter.
    if let Some(from) = from {
        check_date_bound("from", from)?;
        sql.push_str(" AND substr(a.published, 1, ?) >= ?");
        args.push(Value::Integer(len(from)));
        args.push(Value::Text(from.to_string()));
    }
    if let Some(to) = to {
        check_date_bound("to", to)?;
        sql.push_str(" AND substr(a.published, 1, ?) <= ?");
        args.push(Value::Integer(len(to)));
        args.push(Value::Text(to.to_string()));
    }
    Ok(())
}

/// Length in characters (what SQLite's `substr` counts) of an ASCII date bound.
/// An [`ArticleSummary`] from the columns id, title, source, published, byline,
/// duplicate_of, words, bytes, path, url, ingested_at (in that order).
fn summary_row(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        source: r.get(2)?,
        published: r.get(3)?,
        byline: r.get(4)?,
        duplicate_of: r.get(5)?,
        words: get_usize(r, 6)?,
        bytes: get_usize(r, 7)?,
        path: r.get(8)?,
        url: r.get(9)?,
        ingested_at: r.get(10)?,
    })
}

fn len(s: &str) -> i64 {
    i64::try_from(s.chars().count()).unwrap_or(i64::MAX)
}

/// An integer column that must hold a non-negative count or offset.
fn get_usize(r: &Row<'_>, idx: usize) -> rusqlite::Result<usize> {
    let v: i64 = r.get(idx)?;
    usize::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(idx, v))
}

/// A non-negative count.
fn get_u64(r: &Row<'_>, idx: usize) -> rusqlite::Result<u64> {
    let v: i64 = r.get(idx)?;
    u64::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(idx, v))
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Classifies an SQLite error opening a database.
fn open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match map_error(e, path) {
        StoreError::Backend { path, source } => StoreError::Open { path, source },
        other => other,
    }
}

/// Classifies an SQLite error into a [`StoreError`] naming the database.
pub(crate) fn map_error(e: rusqlite::Error, path: &Path) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => return StoreError::NotADatabase { path },
        Some(ErrorCode::DatabaseCorrupt) => {
            return StoreError::Corrupt {
                path,
                detail: e.to_string(),
            }
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            return StoreError::Busy { path }
        }
        Some(ErrorCode::CannotOpen) => {
            return StoreError::Open {
                path,
                source: Box::new(e),
            }
        }
        _ => {}
    }
    match e {
        rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..) => StoreError::Corrupt {
            path,
            detail: format!("unexpected value in the database: {e}"),
        },
        e => StoreError::Backend {
            path,
            source: Box::new(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, body: &str) -> StoredArticle {
        StoredArticle {
            article: Article {
                id: id.into(),
                source: "Test Wire".into(),
                title: format!("Title {id}"),
                body: body.into(),
                ..Article::default()
            },
            sentences: vec![Sentence {
                index: 0,
                start: 0,
                end: body.len(),
            }],
            fingerprint: 0xabcd,
            ingested_at: None,
        }
    }

    fn count(store: &SqliteStore, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn failure_before_commit_leaves_nothing_of_the_article() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        store.put_article(&article("first", "kept body")).unwrap();
        store.fail_before_commit = true;
        let err = store
            .put_article(&article("second", "lost body"))
            .unwrap_err();
        assert!(err.to_string().contains("injected"), "{err}");
        store.fail_before_commit = false;
        assert!(!store.contains("second").unwrap());
        assert_eq!(count(&store, "articles"), 1);
        assert_eq!(count(&store, "sentences"), 1);
        assert_eq!(count(&store, "neardup_bands"), 4);
        let fts: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lost'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(fts, 0);
        // The store is usable afterwards and the article can be written for real.
        assert_eq!(
            store.put_article(&article("second", "lost body")).unwrap(),
            PutOutcome::Stored
        );
        assert_eq!(count(&store, "articles"), 2);
    }

    #[test]
    fn store_is_send() {
        fn is_send<T: Send>() {}
        is_send::<SqliteStore>();
        is_send::<Box<dyn Store>>();
    }

    #[test]
    fn fts_index_is_consistent() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        for i in 0..5 {
            store
                .put_article(&article(&format!("id{i}"), &format!("body number {i}")))
                .unwrap();
        }
        store
            .conn
            .execute(
                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap();
    }

    fn ranked_ids(store: &SqliteStore, q: &SearchQuery, window: usize) -> Vec<String> {
        let fts = query::parse(&q.text).unwrap().to_fts5();
        store
            .ranked_hits(&fts, q, window)
            .unwrap()
            .into_iter()
            .map(|(_, h)| h.id)
            .collect()
    }

    /// Five matches, the best stored first; sources alternate (a0, a2, a4 "Other").
    fn window_store() -> SqliteStore {
        let mut store = SqliteStore::open_in_memory().unwrap();
        for i in 0..5 {
            let body = if i == 0 {
                "harbour harbour harbour harbour strike".to_string()
            } else {
                format!("harbour news number {i} with many more words around it")
            };
            let mut a = article(&format!("a{i}"), &body);
            if i % 2 == 0 {
                a.article.source = "Other".into();
            }
            store.put_article(&a).unwrap();
        }
        store
    }

    #[test]
    fn more_matches_than_the_window_are_ranked_among_the_newest() {
        let store = window_store();
        let q = SearchQuery::new("harbour");
        let all = ranked_ids(&store, &q, 0);
        assert_eq!(all.len(), 5);
        assert_eq!(
            all[0], "a0",
            "the best match wins when every match is ranked"
        );
        // A window as large as the matches (or larger) changes nothing.
        assert_eq!(ranked_ids(&store, &q, 5), all);
        assert_eq!(ranked_ids(&store, &q, 50), all);
        // A window of 3 ranks the three newest matches only, in relevance order.
        let newest = ranked_ids(&store, &q, 3);
        let mut sorted = newest.clone();
        sorted.sort();
        assert_eq!(sorted, ["a2", "a3", "a4"]);
        let expected: Vec<String> = all
            .iter()
            .filter(|id| sorted.contains(id))
            .cloned()
            .collect();
        assert_eq!(newest, expected);
        // The page limit still applies.
        let mut one = q.clone();
        one.limit = 1;
        assert_eq!(ranked_ids(&store, &one, 3).len(), 1);
    }

    #[test]
    fn the_window_counts_matches_that_pass_the_filters() {
        let store = window_store();
        let mut q = SearchQuery::new("harbour");
        q.source = Some("other".into());
        assert_eq!(
            ranked_ids(&store, &q, 0),
            ["a0", "a2", "a4"].map(String::from)
        );
        assert_eq!(
            ranked_ids(&store, &q, 3),
            ["a0", "a2", "a4"].map(String::from)
        );
        let newest = ranked_ids(&store, &q, 2);
        let mut sorted = newest.clone();
        sorted.sort();
        assert_eq!(sorted, ["a2", "a4"]);
        // No match: no cutoff, nothing found.
        let q = SearchQuery::new("absent");
        assert!(ranked_ids(&store, &q, 2).is_empty());
    }

    #[test]
    fn or_groups_between_other_words_are_valid_fts5() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        store
            .put_article(&article("d1", "talks resumed in June in New Delhi"))
            .unwrap();
        store
            .put_article(&article("d2", "talks resumed in Cairo"))
            .unwrap();
        let fts = |q: &str| query::parse(q).unwrap().to_fts5();
        assert_eq!(fts("a OR b c"), r#"("a" OR "b") AND "c""#);
        assert_eq!(fts(r#"x "y z" -w"#), r#"("x" AND "y z") NOT "w""#);
        for (q, expected) in [
            ("In June OR March New Delhi", vec!["d1"]),
            ("talks June OR Cairo", vec!["d1", "d2"]),
            ("talks Cairo OR June -Delhi", vec!["d2"]),
            ("resumed OR x talks OR y", vec!["d1", "d2"]),
        ] {
            let mut ids = store
                .search(&SearchQuery::new(q))
                .unwrap_or_else(|e| panic!("{q}: {e}"))
                .into_iter()
                .map(|h| h.id)
                .collect::<Vec<_>>();
            ids.sort();
            assert_eq!(ids, expected, "{q}");
        }
    }
}
