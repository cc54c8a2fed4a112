//! `whosaid export --format sqlite`: the database holds what the JSON
//! export holds, its keys and full-text index hold, the file is never left
//! half-written, and every query of docs/sqlite.md prints what the page
//! says (```sql blocks, each followed by a ```text block with what
//! `sqlite3` prints in its default list mode; ```duckdb blocks run with
//! `duckdb` where it is installed, and are skipped with a note otherwise).

mod common;

use common::whosaid;
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run whosaid with these arguments (in the project's root).
fn run(args: &[&str]) -> Output {
    whosaid().args(args).stdin(Stdio::null()).output().unwrap()
}

fn export_db(db: &Path, inputs: &[PathBuf]) -> Output {
    let mut cmd = whosaid();
    cmd.args(["export", "--format", "sqlite", "--output"])
        .arg(db)
        .args(inputs)
        .stdin(Stdio::null());
    cmd.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The style fixtures that are transcripts (every layout whosaid reads).
fn fixtures() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/styles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            ["txt", "md", "html", "vtt", "srt"].contains(&ext)
                && p.file_name().is_some_and(|n| n != "README.md")
        })
        .collect();
    files.sort();
    files
}

fn json(args: &[&str], inputs: &[PathBuf]) -> Vec<Value> {
    let out = whosaid()
        .args(args)
        .args(inputs)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    match serde_json::from_slice(&out.stdout).unwrap() {
        Value::Array(v) => v,
        one => vec![one],
    }
}

/// `SELECT source, count(*) ... GROUP BY source` as a map.
fn counts_by_source(conn: &Connection, sql: &str) -> BTreeMap<String, i64> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn len(v: &Value) -> i64 {
    v.as_array().map_or(0, |a| a.len() as i64)
}

/// What the JSON says each table should hold, per source.
fn expected_counts(transcripts: &[Value]) -> BTreeMap<&'static str, BTreeMap<String, i64>> {
    let mut want: BTreeMap<&'static str, BTreeMap<String, i64>> = BTreeMap::new();
    for t in transcripts {
        let source = t["source"].as_str().unwrap().to_string();
        let turns = t["turns"].as_array().unwrap();
        let exchanges = t["exchanges"].as_array().unwrap();
        let mut put = |table, n| {
            want.entry(table).or_default().insert(source.clone(), n);
        };
        put("transcripts", 1);
        put("participants", len(&t["participants"]));
        put("turns", turns.len() as i64);
        put("events", turns.iter().map(|x| len(&x["events"])).sum());
        put("exchanges", exchanges.len() as i64);
        put(
            "exchange_answers",
            exchanges.iter().map(|x| len(&x["answers"])).sum(),
        );
        put("notes", len(&t["notes"]));
        put("credits", len(&t["credits"]));
    }
    want
}

/// Per-source row counts of every table, by SQL.
fn actual_counts(conn: &Connection) -> BTreeMap<&'static str, BTreeMap<String, i64>> {
    let per_transcript = |table: &str| {
        format!(
            "SELECT tr.source, count(x.transcript_id) FROM transcripts tr \
             LEFT JOIN {table} x ON x.transcript_id = tr.id GROUP BY tr.id"
        )
    };
    let mut got = BTreeMap::new();
    for table in [
        "participants",
        "turns",
        "exchanges",
        "exchange_answers",
        "notes",
        "credits",
        "speakers",
    ] {
        got.insert(table, counts_by_source(conn, &per_transcript(table)));
    }
    got.insert(
        "transcripts",
        counts_by_source(conn, "SELECT source, count(*) FROM transcripts GROUP BY id"),
    );
    got.insert(
        "events",
        counts_by_source(
            conn,
            "SELECT tr.source, count(e.turn_id) FROM transcripts tr \
             LEFT JOIN turns t ON t.transcript_id = tr.id \
             LEFT JOIN events e ON e.turn_id = t.id GROUP BY tr.id",
        ),
    );
    got
}

#[test]
fn every_table_holds_what_the_json_export_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("all.db");
    let mut inputs =
        vec![root().join("data/scio-2021-03-01-industry-and-information-technology.txt")];
    inputs.extend(fixtures());
    let out = export_db(&db, &inputs);
    assert!(out.status.success(), "{}", stderr(&out));
    let transcripts = json(&["export", "--compact"], &inputs);
    assert_eq!(transcripts.len(), inputs.len());
    let conn = Connection::open(&db).unwrap();
    let mut want = expected_counts(&transcripts);
    // Speakers: the rows of `whosaid speakers`.
    let mut speakers = BTreeMap::new();
    for row in json(&["speakers", "--format", "json"], &inputs) {
        *speakers
            .entry(row["source"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    want.insert("speakers", speakers);
    let got = actual_counts(&conn);
    for (table, by_source) in &want {
        for (source, n) in by_source {
            let actual = got[table].get(source).copied().unwrap_or(0);
            assert_eq!(actual, *n, "{table} of {source}");
        }
    }
    // The fixtures have rows in every table, so the comparison above is
    // not one of zeros.
    for (table, by_source) in &got {
        assert!(by_source.values().sum::<i64>() > 0, "{table} is empty");
    }
    assert_no_broken_keys(&conn);
}

fn assert_no_broken_keys(conn: &Connection) {
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0, "PRAGMA foreign_key_check is not empty");
    conn.execute_batch("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
        .unwrap();
}

/// The bundled transcript's database, in a directory of its own.
fn bundled_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bundled.db");
    let out = export_db(&db, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

#[test]
fn views_agree_with_the_speakers_and_exchanges_commands() {
    let (_dir, db) = bundled_db();
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT speaker, role, outlet, turns, words, share, asked, answered, first_line, \
             last_line FROM speaker_stats ORDER BY first_line",
        )
        .unwrap();
    let stats: Vec<Value> = stmt
        .query_map([], |r| {
            Ok(serde_json::json!({
                "speaker": r.get::<_, String>(0)?, "role": r.get::<_, String>(1)?,
                "outlet": r.get::<_, Option<String>>(2)?, "turns": r.get::<_, i64>(3)?,
                "words": r.get::<_, i64>(4)?, "share": r.get::<_, f64>(5)?,
                "asked": r.get::<_, i64>(6)?, "answered": r.get::<_, i64>(7)?,
                "first_line": r.get::<_, i64>(8)?, "last_line": r.get::<_, i64>(9)?,
            }))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut rows = json(&["speakers", "--format", "json"], &[]);
    for row in &mut rows {
        row.as_object_mut().unwrap().remove("source");
    }
    assert_eq!(stats.len(), rows.len());
    for (s, r) in stats.iter().zip(&rows) {
        let share = |v: &Value| v["share"].as_f64().unwrap();
        assert!((share(s) - share(r)).abs() < 1e-9, "{s} vs {r}");
        let strip = |v: &Value| {
            let mut v = v.clone();
            v.as_object_mut().unwrap().remove("share");
            v
        };
        assert_eq!(strip(s), strip(r));
    }

    let mut stmt = conn
        .prepare(
            "SELECT exchange, line, outlet, asked_by, question_turn, question, answered_by, \
             answer_words FROM questions ORDER BY exchange",
        )
        .unwrap();
    let questions: Vec<Value> = stmt
        .query_map([], |r| {
            Ok(serde_json::json!({
                "exchange": r.get::<_, i64>(0)?, "line": r.get::<_, i64>(1)?,
                "outlet": r.get::<_, Option<String>>(2)?, "asked_by": r.get::<_, Option<String>>(3)?,
                "question_turn": r.get::<_, i64>(4)?, "question": r.get::<_, String>(5)?,
                "answered_by": r.get::<_, Option<String>>(6)?, "answer_words": r.get::<_, i64>(7)?,
            }))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let exchanges = json(&["exchanges", "--format", "json"], &[]);
    assert_eq!(questions.len(), 12);
    assert_eq!(questions.len(), exchanges.len());
    for (q, e) in questions.iter().zip(&exchanges) {
        for key in [
            "exchange",
            "line",
            "outlet",
            "asked_by",
            "question_turn",
            "question",
            "answer_words",
        ] {
            assert_eq!(q[key], e[key], "{key} of exchange {}", e["exchange"]);
        }
        let names: Vec<&str> = e["answered_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(q["answered_by"].as_str(), Some(names.join("; ").as_str()));
    }
}

#[test]
fn full_text_search_finds_who_spoke_of_chips() {
    let (_dir, db) = bundled_db();
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT t.turn, t.speaker FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid \
             WHERE turns_fts MATCH 'chips' ORDER BY t.turn",
        )
        .unwrap();
    let hits: Vec<(i64, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // The turns that hold the word (the porter stemmer: chip or chips),
    // read from the JSON export.
    let word = regex::Regex::new(r"(?i)\bchips?\b").unwrap();
    let transcript = &json(&["export"], &[])[0];
    let want: Vec<(i64, Option<String>)> = transcript["turns"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| word.is_match(t["text"].as_str().unwrap()))
        .map(|t| {
            (
                t["index"].as_i64().unwrap(),
                t["speaker"].as_str().map(String::from),
            )
        })
        .collect();
    assert_eq!(hits, want);
    assert!(
        hits.iter()
            .any(|(_, s)| s.as_deref() == Some("Tian Yulong")),
        "{hits:?}"
    );
    // `whosaid search` agrees on who said the word itself.
    let out = run(&[
        "search",
        "-w",
        "chips",
        "--speaker",
        "tian",
        "--format",
        "tsv",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Tian Yulong"));
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn sources(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT source FROM transcripts ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/styles").join(name)
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let (dir, db) = bundled_db();
    let before = std::fs::read(&db).unwrap();
    let debate = fixture("debate.txt");
    let out = export_db(&db, std::slice::from_ref(&debate));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let out = whosaid()
        .args(["export", "--format", "sqlite", "--force", "--output"])
        .arg(&db)
        .arg(&debate)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sources(&db), [debate.display().to_string()]);
    assert_eq!(entries(dir.path()), ["bundled.db"]);
}

fn append(db: &Path, inputs: &[&Path], force: bool) -> Output {
    let mut cmd = whosaid();
    cmd.args(["export", "--format", "sqlite", "--append", "--output"])
        .arg(db)
        .args(inputs)
        .stdin(Stdio::null());
    if force {
        cmd.arg("--force");
    }
    cmd.output().unwrap()
}

#[test]
fn append_adds_skips_what_is_there_and_replaces_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let (debate, interview) = (fixture("debate.txt"), fixture("interview.txt"));
    // --append creates a file that is not there.
    let out = append(&db, &[&debate], false);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = append(&db, &[&debate, &interview], false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("skipped 1 transcript already in the database"));
    assert_eq!(
        sources(&db),
        [
            debate.display().to_string(),
            interview.display().to_string()
        ]
    );
    // The same bytes under another name are the same transcript.
    let copy = dir.path().join("copy.txt");
    std::fs::copy(&debate, &copy).unwrap();
    let out = append(&db, &[&copy], false);
    assert!(out.status.success());
    assert_eq!(sources(&db).len(), 2);
    // --force replaces it: the rows of the old copy are gone.
    let out = append(&db, &[&copy], true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        sources(&db),
        [interview.display().to_string(), copy.display().to_string()]
    );
    let conn = Connection::open(&db).unwrap();
    let turns: i64 = conn
        .query_row("SELECT count(*) FROM turns", [], |r| r.get(0))
        .unwrap();
    let want: usize = json(&["export"], &[debate, interview])
        .iter()
        .map(|t| t["turns"].as_array().unwrap().len())
        .sum();
    assert_eq!(turns as usize, want);
    assert_no_broken_keys(&conn);
    assert_eq!(entries(dir.path()), ["a.db", "copy.txt"]);
}

#[test]
fn append_refuses_another_schema_version_or_a_foreign_database() {
    let (dir, db) = bundled_db();
    Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = append(&db, &[&fixture("debate.txt")], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("schema version 99, but this whosaid writes version 1"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let out = append(&other, &[&fixture("debate.txt")], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a database written by whosaid"));

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "not a database at all, just some words\n".repeat(100),
    )
    .unwrap();
    let out = append(&text, &[&fixture("debate.txt")], false);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert_eq!(entries(dir.path()), ["bundled.db", "notes.txt", "other.db"]);
}

#[test]
fn a_failed_export_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    // A directory that cannot be written into (it is a file).
    let blocker = dir.path().join("plain-file");
    std::fs::write(&blocker, "x").unwrap();
    let out = export_db(&blocker.join("out.db"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("whosaid: "), "{}", stderr(&out));
    assert_eq!(entries(dir.path()), ["plain-file"]);
    // A database finished but not put in place (the target is a directory
    // with files in it): the temporary file is removed.
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), "x").unwrap();
    let out = whosaid()
        .args(["export", "--format", "sqlite", "--force", "--output"])
        .arg(&target)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(entries(dir.path()), ["plain-file", "taken"]);
    assert_eq!(entries(&target), ["keep"]);
    // No --output: nothing is written anywhere.
    let out = run(&["export", "--format", "sqlite"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs --output FILE"));
    assert!(out.stdout.is_empty());
}

#[test]
fn an_input_that_fails_is_left_out_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"\0\x01\x02 not text").unwrap();
    let db = dir.path().join("out.db");
    let out = export_db(&db, &[binary.clone(), fixture("debate.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("binary.txt"), "{}", stderr(&out));
    assert_eq!(sources(&db), [fixture("debate.txt").display().to_string()]);
    // Only a failing input: no database at all.
    let empty = dir.path().join("empty.db");
    let out = export_db(&empty, &[binary]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!empty.exists());
    assert_eq!(entries(dir.path()), ["binary.txt", "out.db"]);
}

#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("out.db");
    // Standard input kept open: the export waits on it, its temporary
    // file already made.
    let mut child = whosaid()
        .args(["export", "--format", "sqlite", "--output"])
        .arg(&db)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while entries(dir.path()).is_empty() {
        assert!(started.elapsed().as_secs() < 30, "no temporary file");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let temp = entries(dir.path());
    assert!(temp[0].starts_with(".out.db.whosaid-"), "{temp:?}");
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // Held open while waiting (`wait` would close it, and the export
    // would end on its own at the end of its input).
    let stdin = child.stdin.take();
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
}

/// A query of docs/sqlite.md and what it prints.
struct DocQuery {
    line: usize,
    engine: String,
    sql: String,
    expected: String,
}

fn doc_queries() -> Vec<DocQuery> {
    let text = std::fs::read_to_string(root().join("docs/sqlite.md")).unwrap();
    let mut queries: Vec<DocQuery> = Vec::new();
    let mut block: Option<(String, usize, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut block, fence) {
            (None, Some(info)) => block = Some((info.trim().to_string(), i + 1, String::new())),
            (Some((info, start, body)), Some(_)) => {
                match info.as_str() {
                    "sql" | "duckdb" => queries.push(DocQuery {
                        line: *start,
                        engine: info.clone(),
                        sql: std::mem::take(body),
                        expected: String::new(),
                    }),
                    "text" => {
                        if let Some(q) = queries.last_mut().filter(|q| q.expected.is_empty()) {
                            q.expected = std::mem::take(body);
                        }
                    }
                    _ => {}
                }
                block = None;
            }
            (Some((_, _, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    queries
}

/// A value as the sqlite3 shell prints it in list mode.
fn shell_value(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.1}"),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// Run every statement of `sql`; what the last ones print, as sqlite3 does.
fn query_as_shell(conn: &Connection, sql: &str) -> String {
    let mut printed = String::new();
    let mut rest = sql.trim();
    while !rest.is_empty() {
        let end = statement_end(rest);
        let mut stmt = conn.prepare(&rest[..end]).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..columns)
                .map(|i| shell_value(row.get_ref(i).unwrap()))
                .collect();
            printed.push_str(&cells.join("|"));
            printed.push('\n');
        }
        rest = rest[end..].trim();
    }
    printed
}

/// The end of the first statement (past its `;`; quotes respected).
fn statement_end(sql: &str) -> usize {
    let mut quote = None;
    for (i, c) in sql.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, ';') => return i + 1,
            _ => {}
        }
    }
    sql.len()
}

fn has_tool(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", "command -v \"$1\"", "sh", tool])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Run `sql` with a command-line tool in `dir`; `None` when it fails to
/// start or exits with an error (its message printed).
fn run_tool(dir: &Path, tool: &str, args: &[&str], sql: &str) -> Option<String> {
    let out = Command::new(tool)
        .args(args)
        .arg(sql)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        println!("note: {tool} failed: {}", stderr(&out));
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn docs_sqlite_queries_print_what_the_page_says() {
    let (dir, db) = bundled_db();
    let conn = Connection::open(&db).unwrap();
    let queries = doc_queries();
    assert!(queries.len() >= 10, "only {} queries", queries.len());
    let shell = has_tool("sqlite3");
    let mut failures = Vec::new();
    for q in &queries {
        let actual = match q.engine.as_str() {
            "duckdb" if !has_tool("duckdb") => {
                println!(
                    "note: docs/sqlite.md:{}: duckdb not installed; skipped",
                    q.line
                );
                continue;
            }
            "duckdb" => {
                match run_tool(dir.path(), "duckdb", &["-csv", "-noheader", "-c"], &q.sql) {
                    Some(out) => out,
                    None => {
                        println!(
                            "note: docs/sqlite.md:{}: duckdb could not run it (its sqlite \
                             extension missing?); skipped",
                            q.line
                        );
                        continue;
                    }
                }
            }
            _ => query_as_shell(&conn, &q.sql),
        };
        if actual != q.expected {
            failures.push(format!(
                "docs/sqlite.md:{}:\n{}--- expected\n{}--- actual\n{}",
                q.line, q.sql, q.expected, actual
            ));
        }
        // The sqlite3 shell, where installed, prints the same.
        if shell && q.engine == "sql" {
            let by_shell = run_tool(dir.path(), "sqlite3", &["bundled.db"], &q.sql);
            if by_shell.as_deref() != Some(q.expected.as_str()) {
                failures.push(format!(
                    "docs/sqlite.md:{} in sqlite3:\n{}--- expected\n{}--- actual\n{:?}",
                    q.line, q.sql, q.expected, by_shell
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn datasette_metadata_names_what_the_database_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefings.db");
    let meta = dir.path().join("briefings.json");
    let out = whosaid()
        .args(["export", "--format", "sqlite", "--output"])
        .arg(&db)
        .arg("--datasette-metadata")
        .arg(&meta)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let m: Value = serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    // Datasette names a database by its file stem.
    let tables = m["databases"]["briefings"]["tables"].as_object().unwrap();
    let conn = Connection::open(&db).unwrap();
    let columns = |table: &str| -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .unwrap();
        stmt.query_map([table], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for (table, t) in tables {
        let have = columns(table);
        assert!(!have.is_empty(), "{table} is not in the database");
        assert!(t["description"].is_string(), "{table}");
        let named = t["facets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| v.as_str().unwrap().to_string())
            .chain(
                t["columns"]
                    .as_object()
                    .into_iter()
                    .flat_map(|c| c.keys().cloned()),
            );
        for column in named {
            assert!(have.contains(&column), "{table}.{column} does not exist");
        }
    }
    // Every table and view a person would open is described.
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') \
             AND name NOT LIKE 'turns_fts%' AND name NOT LIKE 'sqlite_%'",
        )
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for name in &names {
        assert!(tables.contains_key(name), "{name} has no metadata");
    }
    assert_eq!(tables["turns"]["fts_table"], "turns_fts");
    assert!(!columns("turns_fts").is_empty());
    // Datasette itself, where it is installed, searches the turns.
    if !has_tool("datasette") {
        println!("note: datasette not installed; its search is not tried");
        return;
    }
    let got = Command::new("datasette")
        .arg(&db)
        .arg("-m")
        .arg(&meta)
        .args([
            "--get",
            "/briefings/turns.json?_search=chips&_shape=array&_col=turn",
        ])
        .output()
        .unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&got.stdout).unwrap();
    let turns: Vec<i64> = rows.iter().map(|r| r["turn"].as_i64().unwrap()).collect();
    assert_eq!(turns, [8, 10, 28]);
}

#[test]
fn sqlite_options_need_the_sqlite_format() {
    for option in [["--output", "x.db"], ["--datasette-metadata", "x.json"]] {
        let out = run(&["export", option[0], option[1]]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).contains("are for --format sqlite"));
    }
}

#[test]
fn nothing_to_write_creates_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let db = dir.path().join("out.db");
    let out = export_db(&db, &[empty]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the database was not created"));
    assert_eq!(entries(dir.path()), ["empty"]);
}
