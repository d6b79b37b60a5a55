-- Events, quotes and figures of each article (the relate stage and the quantity half of
-- normalise). Each row keeps its evidence span in the article's clean body; the full
-- record is kept as JSON (the report contract's shape), with the columns that queries
-- filter on alongside.
CREATE TABLE events (
    id         TEXT    PRIMARY KEY,
    article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" >= start),
    sentence   INTEGER NOT NULL CHECK (sentence >= 0),
    type       TEXT    NOT NULL,
    modality   TEXT    NOT NULL,
    time_value TEXT,
    record     TEXT    NOT NULL CHECK (json_valid(record))
);
CREATE INDEX events_article ON events (article);
CREATE INDEX events_type ON events (type, modality);
CREATE INDEX events_time ON events (time_value);

-- Who takes part in an event, for lookups by actor.
CREATE TABLE event_actors (
    event TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role  TEXT NOT NULL CHECK (role IN ('source', 'target', 'place', 'attributed')),
    actor TEXT NOT NULL,
    PRIMARY KEY (event, role, actor)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors (actor);

CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start   INTEGER NOT NULL CHECK (start >= 0),
    "end"   INTEGER NOT NULL CHECK ("end" > start),
    speaker TEXT,
    record  TEXT    NOT NULL CHECK (json_valid(record)),
    PRIMARY KEY (article, start)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE quantities (
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start   INTEGER NOT NULL CHECK (start >= 0),
    "end"   INTEGER NOT NULL CHECK ("end" > start),
    measure TEXT,
    subject TEXT,
    value   REAL    NOT NULL,
    record  TEXT    NOT NULL CHECK (json_valid(record)),
    PRIMARY KEY (article, start)
) WITHOUT ROWID;
CREATE INDEX quantities_measure ON quantities (measure, subject);
