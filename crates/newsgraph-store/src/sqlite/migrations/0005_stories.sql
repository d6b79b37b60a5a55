-- Schema version 5: the cluster stage — stories, merged events, figure series.
--
-- A story's state (its centroid and key actors, bounded in size whatever the number of
-- its articles) is kept as JSON; `story_terms` is the inverted index over it that finds
-- candidate stories for a new article without comparing it to every story.
-- `term_df` and `cluster_meta` hold the corpus statistics (document frequencies) that
-- weight terms. Each article belongs to one story (online clustering never moves it).

CREATE TABLE stories (
    id     TEXT    PRIMARY KEY,
    title  TEXT    NOT NULL,
    first  TEXT,
    last   TEXT,
    size   INTEGER NOT NULL CHECK (size >= 0),
    actors TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(actors)),
    state  TEXT    NOT NULL CHECK (json_valid(state)),
    -- seq of the article that last changed it: "recently active" ordering.
    touched INTEGER NOT NULL
);
CREATE INDEX stories_touched ON stories (touched);
CREATE INDEX stories_last ON stories (last);

CREATE TABLE story_articles (
    article INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    story   TEXT    NOT NULL REFERENCES stories (id),
    score   REAL
);
CREATE INDEX story_articles_story ON story_articles (story, article);

CREATE TABLE story_terms (
    term   TEXT NOT NULL,
    story  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    weight REAL NOT NULL,
    PRIMARY KEY (term, story)
) WITHOUT ROWID;
CREATE INDEX story_terms_story ON story_terms (story);

CREATE TABLE term_df (
    term TEXT    PRIMARY KEY,
    df   INTEGER NOT NULL CHECK (df > 0)
) WITHOUT ROWID;

CREATE TABLE cluster_meta (
    key   TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

-- One real-world event, reported by one or more events of the `events` table (whose
-- `merged` column points here). The record is the model's MergedEvent without its
-- evidence list, which is read back from `events`.
CREATE TABLE merged_events (
    id             TEXT PRIMARY KEY,
    story          TEXT,
    type           TEXT NOT NULL,
    modality       TEXT NOT NULL,
    time_value     TEXT,
    first_reported TEXT,
    reports        INTEGER NOT NULL CHECK (reports > 0),
    record         TEXT NOT NULL CHECK (json_valid(record))
);
CREATE INDEX merged_events_story ON merged_events (story, type);
CREATE INDEX merged_events_time ON merged_events (time_value);

CREATE TABLE merged_event_actors (
    merged TEXT NOT NULL REFERENCES merged_events (id) ON DELETE CASCADE,
    role   TEXT NOT NULL CHECK (role IN ('source', 'target', 'place')),
    actor  TEXT NOT NULL,
    PRIMARY KEY (merged, role, actor)
) WITHOUT ROWID;
CREATE INDEX merged_event_actors_actor ON merged_event_actors (actor);

ALTER TABLE events ADD COLUMN merged TEXT;
CREATE INDEX events_merged ON events (merged);

-- The series a figure belongs to (see newsgraph-cluster's series module); series are
-- read by grouping figures on this key.
ALTER TABLE quantities ADD COLUMN series TEXT;
CREATE INDEX quantities_series ON quantities (series);
