-- Time expressions of each article (the time stage): TIMEX3 type, value and modifier,
-- with their byte span in the article's clean body as evidence.
CREATE TABLE timexes (
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start   INTEGER NOT NULL CHECK (start >= 0),
    "end"   INTEGER NOT NULL CHECK ("end" > start),
    text    TEXT    NOT NULL,
    type    TEXT    NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    value   TEXT    NOT NULL,
    mod     TEXT,
    PRIMARY KEY (article, start)
) WITHOUT ROWID;

CREATE INDEX timexes_value ON timexes (value);
