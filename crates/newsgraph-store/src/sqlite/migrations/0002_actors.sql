-- Schema version 2: mentions, actors and the roles articles assert.
--
-- `actors` holds every actor a stored mention names or may name: from the knowledge
-- base (`origin = 'kb'`, with its KB roles as JSON) or derived from the articles
-- (`origin = 'derived'`: names the KB lacks, ids such as `person:badr-albusaidi`).
-- `actor_names` maps normalised names (canonical, aliases and every form a mention
-- used) to actors, for lookups by name. `mentions` are keyed by article and span;
-- `actor` is the chosen actor, set only when unambiguous; `candidates` lists the
-- scored candidates of an ambiguous mention. `learned_roles` are the roles articles
-- assert ("Iranian President Masoud Pezeshkian"), with their evidence (article and
-- byte span) and the article's date, looked up by normalised title and state.

CREATE TABLE actors (
    id      TEXT NOT NULL PRIMARY KEY CHECK (length(id) > 0),
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'MISC')),
    country TEXT,
    aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    roles   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles)),
    origin  TEXT NOT NULL CHECK (origin IN ('kb', 'derived'))
) WITHOUT ROWID;
CREATE INDEX actors_kind ON actors (kind);

CREATE TABLE actor_names (
    key   TEXT NOT NULL,
    actor TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (key, actor)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    text       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'MISC')),
    actor      TEXT    REFERENCES actors (id),
    role_title TEXT,
    role_of    TEXT,
    candidates TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
    PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions (actor) WHERE actor IS NOT NULL;

CREATE TABLE learned_roles (
    actor     TEXT    NOT NULL REFERENCES actors (id),
    title     TEXT    NOT NULL,
    title_key TEXT    NOT NULL,
    role_of   TEXT    NOT NULL,
    article   INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start     INTEGER NOT NULL CHECK (start >= 0),
    "end"     INTEGER NOT NULL CHECK ("end" >= start),
    date_from TEXT,
    date_to   TEXT,
    PRIMARY KEY (article, start, actor, title_key)
) WITHOUT ROWID;
CREATE INDEX learned_roles_title ON learned_roles (title_key, role_of);
CREATE INDEX learned_roles_actor ON learned_roles (actor);
