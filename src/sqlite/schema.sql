-- The database `whosaid export --format sqlite` writes (docs/sqlite.md).
-- Schema version 1 (PRAGMA user_version and meta.schema_version). A change
-- here that is not purely additive must bump SCHEMA_VERSION in mod.rs.
-- Written for SQLite 3.27 or later (remove_diacritics 2): no syntax newer
-- than that, so that an old sqlite3 shell can read every view.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE transcripts (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL,
    sha256     TEXT NOT NULL UNIQUE,
    style      TEXT NOT NULL,
    title      TEXT,
    place      TEXT,
    date       TEXT,
    time       TEXT,
    summary    TEXT,
    source_url TEXT,
    turns      INTEGER NOT NULL,
    exchanges  INTEGER NOT NULL,
    words      INTEGER NOT NULL
);
CREATE INDEX transcripts_date ON transcripts(date);
CREATE INDEX transcripts_source ON transcripts(source);

CREATE TABLE participants (
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('chair', 'official', 'journalist', 'other')),
    title         TEXT,
    PRIMARY KEY (transcript_id, position)
);
CREATE INDEX participants_name ON participants(name);

CREATE TABLE speakers (
    id            INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('chair', 'official', 'journalist', 'other')),
    outlet        TEXT,
    UNIQUE (transcript_id, name)
);
CREATE INDEX speakers_name ON speakers(name);
CREATE INDEX speakers_outlet ON speakers(outlet);
CREATE INDEX speakers_role ON speakers(role);

CREATE TABLE turns (
    id            INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    turn          INTEGER NOT NULL,
    -- The turn's stable id (`id` in the JSON, `turns --id`, `cite`).
    stable_id     TEXT NOT NULL,
    speaker_id    INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    speaker       TEXT,
    label         TEXT NOT NULL,
    title         TEXT,
    role          TEXT NOT NULL CHECK (role IN ('chair', 'official', 'journalist', 'other')),
    outlet        TEXT,
    exchange      INTEGER,
    text          TEXT NOT NULL,
    paragraphs    INTEGER NOT NULL,
    words         INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    end_line      INTEGER NOT NULL,
    rule          TEXT NOT NULL,
    UNIQUE (transcript_id, turn),
    -- Turns are written before their exchanges: checked at commit.
    FOREIGN KEY (transcript_id, exchange) REFERENCES exchanges(transcript_id, exchange)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX turns_speaker ON turns(speaker);
CREATE INDEX turns_stable_id ON turns(stable_id);
CREATE INDEX turns_speaker_id ON turns(speaker_id);
CREATE INDEX turns_outlet ON turns(outlet);
CREATE INDEX turns_role ON turns(role);
CREATE INDEX turns_exchange ON turns(transcript_id, exchange);

CREATE TABLE events (
    turn_id  INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    text     TEXT NOT NULL,
    line     INTEGER NOT NULL,
    PRIMARY KEY (turn_id, position)
);
CREATE INDEX events_kind ON events(kind);

CREATE TABLE exchanges (
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    exchange      INTEGER NOT NULL,
    outlet        TEXT,
    asked_by      TEXT,
    question_turn INTEGER NOT NULL,
    PRIMARY KEY (transcript_id, exchange),
    FOREIGN KEY (transcript_id, question_turn) REFERENCES turns(transcript_id, turn)
        ON DELETE CASCADE
);
CREATE INDEX exchanges_outlet ON exchanges(outlet);
CREATE INDEX exchanges_asked_by ON exchanges(asked_by);
CREATE INDEX exchanges_question ON exchanges(transcript_id, question_turn);

CREATE TABLE exchange_answers (
    transcript_id INTEGER NOT NULL,
    exchange      INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    turn          INTEGER NOT NULL,
    PRIMARY KEY (transcript_id, exchange, position),
    FOREIGN KEY (transcript_id, exchange) REFERENCES exchanges(transcript_id, exchange)
        ON DELETE CASCADE,
    FOREIGN KEY (transcript_id, turn) REFERENCES turns(transcript_id, turn)
        ON DELETE CASCADE
);
CREATE INDEX exchange_answers_turn ON exchange_answers(transcript_id, turn);

CREATE TABLE notes (
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    line          INTEGER NOT NULL,
    end_line      INTEGER NOT NULL,
    PRIMARY KEY (transcript_id, position)
);
CREATE INDEX notes_kind ON notes(kind);

CREATE TABLE credits (
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (transcript_id, position)
);

-- Full-text search on what was said. External content: the text is kept
-- once, in turns; the triggers keep the index in step with every insert,
-- delete (a cascade from transcripts too) and update of turns.text.
-- Written content="turns", as Datasette looks for it to offer a search box.
CREATE VIRTUAL TABLE turns_fts USING fts5(
    text,
    content="turns",
    content_rowid="id",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns BEGIN
    INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN
    INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER turns_fts_update AFTER UPDATE OF text ON turns BEGIN
    INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text);
END;

-- One row per question: who asked, the question, who answered and what.
-- Ordered subqueries rather than group_concat(... ORDER BY), which needs
-- SQLite 3.44.
CREATE VIEW questions AS
SELECT
    e.transcript_id,
    tr.source,
    tr.date,
    e.exchange,
    q.line,
    e.outlet,
    e.asked_by,
    e.question_turn,
    q.text AS question,
    (SELECT group_concat(name, '; ') FROM (
        SELECT s.name AS name, min(a.position) AS first
        FROM exchange_answers a
        JOIN turns t ON t.transcript_id = a.transcript_id AND t.turn = a.turn
        JOIN speakers s ON s.id = t.speaker_id
        WHERE a.transcript_id = e.transcript_id AND a.exchange = e.exchange
        GROUP BY s.name ORDER BY first)) AS answered_by,
    (SELECT count(*) FROM exchange_answers a
        WHERE a.transcript_id = e.transcript_id AND a.exchange = e.exchange) AS answers,
    (SELECT coalesce(sum(t.words), 0)
        FROM exchange_answers a
        JOIN turns t ON t.transcript_id = a.transcript_id AND t.turn = a.turn
        WHERE a.transcript_id = e.transcript_id AND a.exchange = e.exchange) AS answer_words,
    (SELECT group_concat(text, char(10) || char(10)) FROM (
        SELECT t.text AS text
        FROM exchange_answers a
        JOIN turns t ON t.transcript_id = a.transcript_id AND t.turn = a.turn
        WHERE a.transcript_id = e.transcript_id AND a.exchange = e.exchange
        ORDER BY a.position)) AS answer_text
FROM exchanges e
JOIN transcripts tr ON tr.id = e.transcript_id
JOIN turns q ON q.transcript_id = e.transcript_id AND q.turn = e.question_turn;

-- One row per speaker of each transcript, as `whosaid speakers` counts.
CREATE VIEW speaker_stats AS
SELECT
    s.transcript_id,
    tr.source,
    tr.date,
    s.id AS speaker_id,
    s.name AS speaker,
    s.role,
    s.outlet,
    (SELECT count(*) FROM turns t WHERE t.speaker_id = s.id) AS turns,
    (SELECT coalesce(sum(t.words), 0) FROM turns t WHERE t.speaker_id = s.id) AS words,
    CASE WHEN tr.words > 0
        THEN 100.0 * (SELECT coalesce(sum(t.words), 0) FROM turns t WHERE t.speaker_id = s.id)
             / tr.words
        ELSE 0.0 END AS share,
    (SELECT count(*) FROM exchanges e
        JOIN turns q ON q.transcript_id = e.transcript_id AND q.turn = e.question_turn
        WHERE q.speaker_id = s.id) AS asked,
    (SELECT count(DISTINCT a.exchange) FROM exchange_answers a
        JOIN turns t ON t.transcript_id = a.transcript_id AND t.turn = a.turn
        WHERE t.speaker_id = s.id) AS answered,
    (SELECT min(t.line) FROM turns t WHERE t.speaker_id = s.id) AS first_line,
    (SELECT max(t.line) FROM turns t WHERE t.speaker_id = s.id) AS last_line
FROM speakers s
JOIN transcripts tr ON tr.id = s.transcript_id;
