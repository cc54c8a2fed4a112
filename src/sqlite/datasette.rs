//! A Datasette metadata file for the database (`export --format sqlite
//! --datasette-metadata FILE.json`): titles, descriptions, facets and the
//! full-text index of each table and view, so that `datasette FILE.db -m
//! FILE.json` opens on a documented, searchable corpus.
//!
//! Plain data about `schema.sql`; `tests/sqlite.rs` checks that every
//! table, view and column named here exists.

use serde_json::{Value, json};

/// What each table and view is, and how Datasette should offer it:
/// `(name, description, facets)`.
const TABLES: &[(&str, &str, &[&str])] = &[
    (
        "transcripts",
        "One row per transcript read: its source, header fields and counts.",
        &["style"],
    ),
    (
        "participants",
        "People each transcript's header lists, with their side and office.",
        &["role"],
    ),
    (
        "speakers",
        "Speakers of each transcript (a reporter known only by outlet under the outlet).",
        &["role", "outlet"],
    ),
    (
        "turns",
        "Speaker turns: who spoke, in which role and for which outlet, and what they said.",
        &["role", "outlet", "speaker"],
    ),
    (
        "events",
        "Stage directions inside turns: laughter, crosstalk, timestamps.",
        &["kind"],
    ),
    (
        "exchanges",
        "Questions and who asked them; answers are in exchange_answers.",
        &["outlet"],
    ),
    (
        "exchange_answers",
        "The turns that answer each question, in order.",
        &[],
    ),
    (
        "notes",
        "Lines that are neither header, turn nor credit, so that nothing is lost.",
        &["kind"],
    ),
    (
        "credits",
        "Translators' credits, captions and other closing lines.",
        &[],
    ),
    (
        "questions",
        "Each question with who asked it, who answered and the answers' text.",
        &["outlet", "answered_by"],
    ),
    (
        "speaker_stats",
        "Per transcript and speaker: turns, words, share of words, questions asked and answered.",
        &["role", "outlet"],
    ),
    ("meta", "The schema version and how the file was made.", &[]),
];

/// Columns worth a word: `(table, column, description)`.
const COLUMNS: &[(&str, &str, &str)] = &[
    (
        "transcripts",
        "sha256",
        "SHA-256 of the input's bytes, as sha256sum prints it",
    ),
    ("transcripts", "date", "ISO 8601 date of the event"),
    (
        "turns",
        "speaker",
        "Resolved name; empty for a reporter known only by outlet",
    ),
    (
        "turns",
        "line",
        "1-based line of the label in the source, for citation",
    ),
    (
        "turns",
        "rule",
        "The label rule and evidence that decided the turn",
    ),
    (
        "speaker_stats",
        "share",
        "Percent of the transcript's words",
    ),
    (
        "questions",
        "answered_by",
        "Names of those who answered, in order, joined by '; '",
    ),
];

/// The metadata for a database Datasette calls `name` (its file stem).
pub fn metadata(name: &str) -> Value {
    let mut tables = serde_json::Map::new();
    for (table, description, facets) in TABLES {
        let mut t = json!({ "description": description });
        if !facets.is_empty() {
            t["facets"] = json!(facets);
        }
        tables.insert((*table).to_string(), t);
    }
    tables["turns"]["fts_table"] = json!("turns_fts");
    tables["turns"]["fts_pk"] = json!("id");
    for (table, column, description) in COLUMNS {
        tables[*table]["columns"][*column] = json!(description);
    }
    json!({
        "title": "whosaid: press-conference transcripts",
        "description": "Speaker turns, questions and answers parsed from press-conference \
                        transcripts by whosaid export --format sqlite. Search what was said \
                        on the turns table; see docs/sqlite.md for the schema.",
        "databases": { name: { "tables": tables } }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn turns_are_searchable_and_faceted() {
        let m = super::metadata("briefings");
        let turns = &m["databases"]["briefings"]["tables"]["turns"];
        assert_eq!(turns["fts_table"], "turns_fts");
        assert_eq!(turns["facets"][0], "role");
        assert!(turns["columns"]["line"].is_string());
    }
}
