-- Schema version 1: articles, their sentences, near-duplicate bands, full-text index.
--
-- `articles.seq` is the row's stable integer key (an alias of the rowid, so VACUUM never
-- renumbers it): child tables and the full-text index refer to it, and it records
-- ingestion order. `articles.id`, the content id, is the natural key (UNIQUE).
-- Constraints the schema can express live here, so every writer is held to them.

CREATE TABLE articles (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE CHECK (length(id) > 0),
    path             TEXT,
    url              TEXT,
    source           TEXT    NOT NULL,
    via              TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(via)),
    title            TEXT    NOT NULL,
    subtitle         TEXT,
    byline           TEXT,
    section          TEXT,
    published        TEXT,
    published_bounds TEXT    CHECK (published_bounds IS NULL OR json_valid(published_bounds)),
    language         TEXT,
    body             TEXT    NOT NULL,
    duplicate_of     TEXT,
    format           TEXT,
    metadata         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    fingerprint      INTEGER NOT NULL,
    words            INTEGER NOT NULL CHECK (words >= 0),
    bytes            INTEGER NOT NULL CHECK (bytes >= 0),
    ingested_at      TEXT    NOT NULL,
    -- 1 for undated articles: the leading key of the listing order, so that order
    -- (published, undated last, then id) is one index and cursors seek into it.
    undated          INTEGER GENERATED ALWAYS AS (published IS NULL) VIRTUAL
);

CREATE INDEX articles_published ON articles (undated, published, id);
-- Exact near-duplicate search beyond the bands' reach: an index-only scan of
-- (fingerprint, seq) instead of a scan of the wide rows.
CREATE INDEX articles_fingerprint ON articles (fingerprint);
CREATE INDEX articles_source ON articles (source COLLATE NOCASE);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE sentences (
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx     INTEGER NOT NULL CHECK (idx >= 0),
    start   INTEGER NOT NULL CHECK (start >= 0),
    "end"   INTEGER NOT NULL CHECK ("end" >= start),
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- LSH index over 64-bit fingerprints: 4 bands of 16 bits (see neardup.rs).
CREATE TABLE neardup_bands (
    band_no    INTEGER NOT NULL CHECK (band_no BETWEEN 0 AND 3),
    band_value INTEGER NOT NULL CHECK (band_value BETWEEN 0 AND 65535),
    article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (band_no, band_value, article)
) WITHOUT ROWID;
CREATE INDEX neardup_bands_article ON neardup_bands (article);

-- Full-text index over title and body. External content: the text lives only in
-- `articles`; the index maps FTS rowids to `articles.seq` and is kept in step by the
-- triggers below, inside the writing transaction. Porter stemming over unicode61 with
-- diacritics removed: "strikes" finds "strike", "Mossad" finds "mossád".
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    body,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
