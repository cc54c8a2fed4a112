//! The SQLite database of `whosaid export --format sqlite`: its schema
//! (`schema.sql`, documented in docs/sqlite.md), its version, and the rows
//! of one transcript.
//!
//! This module knows SQL and the model, nothing else: it does not read
//! inputs, print, or decide where the file goes and when it is replaced
//! ([`file`] stages the file; `cmd/export.rs` runs the export).

pub mod datasette;
pub mod file;

use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use whosaid::model::Transcript;

/// Version of the database schema, in `PRAGMA user_version` and in the
/// `meta` table. `--append` refuses a file of another version.
pub const SCHEMA_VERSION: i32 = 1;

/// `PRAGMA application_id` of a whosaid database ("WhoS"), so that
/// `--append` knows a foreign database from one of an older version.
pub const APPLICATION_ID: i32 = 0x5768_6f53;

/// The tokenizer of `turns_fts`, as declared in `schema.sql`.
pub const FTS_TOKENIZER: &str = "porter unicode61 remove_diacritics 2";

const SCHEMA: &str = include_str!("schema.sql");

/// A count or position as SQLite's integer (no transcript comes near the
/// limit; saturating rather than failing keeps the writer total).
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Settings of the connection that writes: foreign keys enforced, no
/// journal and no syncing while the file is still a temporary one (a
/// failure discards the whole file; it is synced before the rename).
pub fn configure_for_writing(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
    )
}

/// Create every table, index, trigger and view in an empty database and
/// stamp it with the schema version.
pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN")?;
    conn.execute_batch(SCHEMA)?;
    conn.execute_batch(&format!(
        "PRAGMA user_version = {SCHEMA_VERSION}; PRAGMA application_id = {APPLICATION_ID};"
    ))?;
    let meta = [
        ("schema_version", SCHEMA_VERSION.to_string()),
        ("json_schema", whosaid::model::SCHEMA_VERSION.to_string()),
        (
            "created_by",
            format!("whosaid {}", env!("CARGO_PKG_VERSION")),
        ),
        ("fts_tokenizer", FTS_TOKENIZER.to_string()),
    ];
    for (key, value) in meta {
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
    }
    conn.execute_batch("COMMIT")
}

/// Why an existing file cannot take more transcripts.
#[derive(Debug, PartialEq, Eq)]
pub enum Incompatible {
    /// Not a database whosaid wrote.
    Foreign,
    /// A whosaid database of another schema version.
    Version(i32),
}

impl std::fmt::Display for Incompatible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Incompatible::Foreign => f.write_str("not a database written by whosaid export"),
            Incompatible::Version(v) => write!(
                f,
                "database schema version {v}, but this whosaid writes version \
                 {SCHEMA_VERSION}; export to a new file instead of --append"
            ),
        }
    }
}

/// Whether `conn` holds a database of this schema version.
pub fn check_version(conn: &Connection) -> rusqlite::Result<Result<(), Incompatible>> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app != APPLICATION_ID {
        return Ok(Err(Incompatible::Foreign));
    }
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(if version == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(Incompatible::Version(version))
    })
}

/// The transcript already stored with this SHA-256: its id and source.
pub fn find_by_hash(conn: &Connection, sha256: &str) -> rusqlite::Result<Option<(i64, String)>> {
    conn.prepare_cached("SELECT id, source FROM transcripts WHERE sha256 = ?1")?
        .query_row([sha256], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// Remove a transcript and, by the foreign keys' cascades, every row of it
/// (the full-text index follows through its trigger).
pub fn delete_transcript(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM transcripts WHERE id = ?1")?
        .execute([id])
        .map(drop)
}

/// Write one transcript's rows; the caller holds the transaction.
/// Returns the new `transcripts.id`.
pub fn insert(
    conn: &Connection,
    source: &str,
    sha256: &str,
    tr: &Transcript,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO transcripts (source, sha256, style, title, place, date, time, summary, \
         source_url, turns, exchanges, words) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        source,
        sha256,
        tr.style,
        tr.title,
        tr.place,
        tr.date,
        tr.time,
        tr.summary,
        tr.source_url,
        int(tr.turns.len()),
        int(tr.exchanges.len()),
        int(tr.total_words()),
    ])?;
    let id = conn.last_insert_rowid();
    insert_participants(conn, id, tr)?;
    insert_turns(conn, id, tr)?;
    insert_exchanges(conn, id, tr)?;
    insert_notes(conn, id, tr)?;
    Ok(id)
}

fn insert_participants(conn: &Connection, id: i64, tr: &Transcript) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO participants (transcript_id, position, name, role, title) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, p) in tr.participants.iter().enumerate() {
        stmt.execute(params![id, int(i + 1), p.name, p.role.as_str(), p.title])?;
    }
    Ok(())
}

/// Turns with their speakers (grouped as `whosaid speakers` groups them:
/// by name, else outlet, else label; role and outlet of the first turn)
/// and their events.
fn insert_turns(conn: &Connection, id: i64, tr: &Transcript) -> rusqlite::Result<()> {
    let mut speaker_ids: HashMap<&str, i64> = HashMap::new();
    let mut add_speaker = conn.prepare_cached(
        "INSERT INTO speakers (transcript_id, name, role, outlet) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut set_outlet = conn.prepare_cached(
        "UPDATE speakers SET outlet = ?2 WHERE id = ?1 AND outlet IS NULL AND ?2 IS NOT NULL",
    )?;
    let mut add_turn = conn.prepare_cached(
        "INSERT INTO turns (transcript_id, turn, speaker_id, speaker, label, title, role, \
         outlet, exchange, text, paragraphs, words, line, end_line, rule, stable_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut add_event = conn.prepare_cached(
        "INSERT INTO events (turn_id, position, kind, text, line) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let stable_ids = tr.turn_ids();
    for (t, stable_id) in tr.turns.iter().zip(&stable_ids) {
        let name = crate::cmd::who(t);
        let speaker_id = match speaker_ids.get(name) {
            Some(&sid) => {
                // As `speakers`: the first outlet any of the turns gives.
                set_outlet.execute(params![sid, t.outlet])?;
                sid
            }
            None => {
                add_speaker.execute(params![id, name, t.role.as_str(), t.outlet])?;
                let sid = conn.last_insert_rowid();
                speaker_ids.insert(name, sid);
                sid
            }
        };
        add_turn.execute(params![
            id,
            int(t.index),
            speaker_id,
            t.speaker,
            t.label,
            t.title,
            t.role.as_str(),
            t.outlet,
            t.exchange.map(int),
            t.text,
            int(t.paragraphs),
            int(t.words()),
            int(t.line),
            int(t.end_line),
            t.rule(),
            stable_id,
        ])?;
        let turn_id = conn.last_insert_rowid();
        for (i, e) in t.events.iter().enumerate() {
            add_event.execute(params![
                turn_id,
                int(i + 1),
                e.kind.as_str(),
                e.text,
                int(e.line)
            ])?;
        }
    }
    Ok(())
}

fn insert_exchanges(conn: &Connection, id: i64, tr: &Transcript) -> rusqlite::Result<()> {
    let mut add_exchange = conn.prepare_cached(
        "INSERT INTO exchanges (transcript_id, exchange, outlet, asked_by, question_turn) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut add_answer = conn.prepare_cached(
        "INSERT INTO exchange_answers (transcript_id, exchange, position, turn) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for ex in &tr.exchanges {
        add_exchange.execute(params![
            id,
            int(ex.index),
            ex.outlet,
            ex.asked_by,
            int(ex.question)
        ])?;
        for (i, turn) in ex.answers.iter().enumerate() {
            add_answer.execute(params![id, int(ex.index), int(i + 1), int(*turn)])?;
        }
    }
    Ok(())
}

fn insert_notes(conn: &Connection, id: i64, tr: &Transcript) -> rusqlite::Result<()> {
    let mut add_note = conn.prepare_cached(
        "INSERT INTO notes (transcript_id, position, kind, text, line, end_line) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, n) in tr.notes.iter().enumerate() {
        add_note.execute(params![
            id,
            int(i + 1),
            n.kind.as_str(),
            n.text,
            int(n.line),
            int(n.end_line)
        ])?;
    }
    let mut add_credit = conn.prepare_cached(
        "INSERT INTO credits (transcript_id, position, line, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, c) in tr.credits.iter().enumerate() {
        add_credit.execute(params![id, int(i + 1), int(c.line), c.text])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Transcript {
        whosaid::parse_bytes(whosaid::BUNDLED_TEXT.as_bytes(), "<bundled>")
            .unwrap()
            .transcript
    }

    fn count(conn: &Connection, table: &str) -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_transcript_deleted_leaves_nothing_behind() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        create(&conn).unwrap();
        conn.execute_batch("BEGIN").unwrap();
        let id = insert(&conn, "<bundled>", "x", &bundled()).unwrap();
        conn.execute_batch("COMMIT").unwrap();
        assert_eq!(count(&conn, "turns"), 30);
        assert_eq!(find_by_hash(&conn, "x").unwrap().map(|f| f.0), Some(id));
        conn.execute_batch("BEGIN").unwrap();
        delete_transcript(&conn, id).unwrap();
        conn.execute_batch("COMMIT").unwrap();
        for table in [
            "transcripts",
            "participants",
            "speakers",
            "turns",
            "events",
            "exchanges",
            "exchange_answers",
            "notes",
            "credits",
        ] {
            assert_eq!(count(&conn, table), 0, "{table}");
        }
        // The cascade reached the full-text index through its trigger.
        conn.execute_batch("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
            .unwrap();
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'chips'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 0);
    }

    #[test]
    fn version_is_checked() {
        let conn = Connection::open_in_memory().unwrap();
        assert_eq!(check_version(&conn).unwrap(), Err(Incompatible::Foreign));
        create(&conn).unwrap();
        assert_eq!(check_version(&conn).unwrap(), Ok(()));
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        assert_eq!(
            check_version(&conn).unwrap(),
            Err(Incompatible::Version(99))
        );
    }
}
