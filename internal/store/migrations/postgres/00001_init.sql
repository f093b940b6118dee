-- The first schema of chronicle's store. Migrations are append-only: a later
-- change is a new numbered file, never an edit of this one.
-- Dates are kept as TIMEX3 values (as the text supports them) and as day
-- bounds, integers YYYYMMDD, so that range queries use plain B-tree indexes.

-- +goose Up
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    format      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    raw         TEXT NOT NULL,
    text        TEXT NOT NULL,
    infobox     TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);

CREATE TABLE sections (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    level       INTEGER NOT NULL,
    title       TEXT NOT NULL,
    path        TEXT NOT NULL,
    parent      INTEGER NOT NULL,
    start_off   INTEGER NOT NULL,
    end_off     INTEGER NOT NULL,
    clean_start INTEGER NOT NULL,
    clean_end   INTEGER NOT NULL,
    heading_start INTEGER NOT NULL,
    heading_end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE paragraphs (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    level       INTEGER NOT NULL,
    section     INTEGER NOT NULL,
    ordinal     TEXT NOT NULL,
    text        TEXT NOT NULL,
    start_off   INTEGER NOT NULL,
    end_off     INTEGER NOT NULL,
    clean_start INTEGER NOT NULL,
    clean_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE sentences (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    paragraph   INTEGER NOT NULL,
    section     INTEGER NOT NULL,
    start_off   INTEGER NOT NULL,
    end_off     INTEGER NOT NULL,
    clean_start INTEGER NOT NULL,
    clean_end   INTEGER NOT NULL,
    UNIQUE (doc_id, idx)
);
-- Full-text index over sentences.
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);


CREATE TABLE timexes (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT NOT NULL,
    mod         TEXT NOT NULL,
    anchor      TEXT NOT NULL,
    quant       TEXT NOT NULL,
    freq        TEXT NOT NULL,
    sentence    INTEGER NOT NULL,
    start_off   INTEGER NOT NULL,
    end_off     INTEGER NOT NULL,
    clean_start INTEGER NOT NULL,
    clean_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

-- actors is the union over documents; document_actors says which document
-- produced which actor with which aliases, so replacing a document can
-- retract what only it said.
-- aliases and roles (JSON lists) are the union over the documents, and
-- mentions and events totals over them, kept by each ingest and delete, so
-- that actor lists need no aggregation.
CREATE TABLE actors (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    code     TEXT NOT NULL,
    state    TEXT NOT NULL,
    aliases  TEXT NOT NULL DEFAULT '[]',
    roles    TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0,
    events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_events ON actors(events, mentions);
CREATE INDEX actors_name ON actors(lower(name));

CREATE TABLE document_actors (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    code     TEXT NOT NULL,
    state    TEXT NOT NULL,
    aliases  TEXT NOT NULL,
    roles    TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    events   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, actor_id)
);
-- Covering: actor lists sum these counts without reading the rows.
CREATE INDEX document_actors_actor ON document_actors(actor_id, mentions, events);

CREATE TABLE actor_aliases (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    alias    TEXT NOT NULL,
    PRIMARY KEY (doc_id, actor_id, alias)
);
CREATE INDEX actor_aliases_alias ON actor_aliases(lower(alias));

CREATE TABLE mentions (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    state       TEXT NOT NULL,
    regime      TEXT NOT NULL,
    role        TEXT NOT NULL,
    via         TEXT NOT NULL,
    sentence    INTEGER NOT NULL,
    start_off   INTEGER NOT NULL,
    end_off     INTEGER NOT NULL,
    clean_start INTEGER NOT NULL,
    clean_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE events (
    key          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id     TEXT NOT NULL,
    ord          INTEGER NOT NULL,
    type         TEXT NOT NULL,
    mode         TEXT NOT NULL,
    subtype      TEXT NOT NULL,
    quad         TEXT NOT NULL,
    actors       TEXT NOT NULL,
    recipients   TEXT NOT NULL,
    date_value   TEXT NOT NULL,
    date_end     TEXT NOT NULL,
    precision    TEXT NOT NULL,
    anchor       TEXT NOT NULL,
    date_lo      INTEGER NOT NULL,
    date_hi      INTEGER NOT NULL,
    modality     TEXT NOT NULL,
    name         TEXT NOT NULL,
    place        TEXT NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    treaty       TEXT NOT NULL,
    sentence     INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end  INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    quantities   TEXT NOT NULL,
    mentions     TEXT NOT NULL,
    extra        TEXT NOT NULL DEFAULT '{}'
);
-- The stable order of events: date, then key (ingestion order, and within a
-- document the order of the text).
CREATE INDEX events_order ON events(date_lo, date_hi, key);
CREATE INDEX events_doc ON events(doc_id, ord);
CREATE INDEX events_type ON events(type, date_lo, date_hi, key);
CREATE INDEX events_treaty ON events(treaty);

-- Which actors take part in an event, on which side, with the event's day
-- bounds, so that actor + period queries are answered from this index.
CREATE TABLE event_actors (
    actor_id  TEXT NOT NULL,
    date_lo   INTEGER NOT NULL,
    date_hi   INTEGER NOT NULL,
    event_key BIGINT NOT NULL REFERENCES events(key) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    PRIMARY KEY (actor_id, date_lo, date_hi, event_key, role)
);
CREATE INDEX event_actors_event ON event_actors(event_key);

-- Every ordered pair (both orders stored) of actors an event passes
-- between: one on each side, or two actors of a joint act with no
-- recipient. With the event's day bounds, the last day its start value
-- allows (value_hi: an event "1930 to 1932" starts in 1930), its score,
-- whether it is asserted and whether its type is verbal, a pair + period
-- query and the relations series of a pair are one range scan of this
-- index, in date order.
CREATE TABLE event_pairs (
    a         TEXT NOT NULL,
    b         TEXT NOT NULL,
    date_lo   INTEGER NOT NULL,
    date_hi   INTEGER NOT NULL,
    value_hi  INTEGER NOT NULL,
    event_key BIGINT NOT NULL REFERENCES events(key) ON DELETE CASCADE,
    score     DOUBLE PRECISION NOT NULL,
    asserted  INTEGER NOT NULL,
    verbal    INTEGER NOT NULL,
    PRIMARY KEY (a, b, date_lo, date_hi, event_key) INCLUDE (value_hi, score, asserted, verbal)
);
CREATE INDEX event_pairs_event ON event_pairs(event_key);

CREATE TABLE treaties (
    key             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id        TEXT NOT NULL,
    ord             INTEGER NOT NULL,
    name            TEXT NOT NULL,
    aliases         TEXT NOT NULL,
    signed          TEXT NOT NULL,
    signed_lo       INTEGER,
    signed_hi       INTEGER,
    parties         TEXT NOT NULL,
    signatories     TEXT NOT NULL,
    secret_protocol BOOLEAN NOT NULL,
    events          TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL
);
CREATE INDEX treaties_signed ON treaties(signed_lo, doc_id, ord);

CREATE TABLE treaty_parties (
    party      TEXT NOT NULL,
    treaty_key BIGINT NOT NULL REFERENCES treaties(key) ON DELETE CASCADE,
    PRIMARY KEY (party, treaty_key)
);
CREATE INDEX treaty_parties_treaty ON treaty_parties(treaty_key);

CREATE TABLE tenures (
    key            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    person         TEXT NOT NULL,
    office         TEXT NOT NULL,
    state          TEXT NOT NULL,
    start_value    TEXT NOT NULL,
    end_value      TEXT NOT NULL,
    start_lo       INTEGER,
    start_hi       INTEGER,
    end_lo         INTEGER,
    end_hi         INTEGER,
    source         TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX tenures_state_office ON tenures(state, office);
CREATE INDEX tenures_doc ON tenures(doc_id, ord);

-- +goose Down
DROP TABLE tenures;
DROP TABLE treaty_parties;
DROP TABLE treaties;
DROP TABLE event_pairs;
DROP TABLE event_actors;
DROP TABLE events;
DROP TABLE mentions;
DROP TABLE actor_aliases;
DROP TABLE document_actors;
DROP TABLE actors;
DROP TABLE timexes;
DROP TABLE sentences;
DROP TABLE paragraphs;
DROP TABLE sections;
DROP TABLE documents;
