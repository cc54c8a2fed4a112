//! `--stats` (a summary at the end: a `summary` record in jsonl, a line
//! on stderr otherwise) and the progress bar (never where stderr is not a
//! terminal).

use serde_json::Value;

mod common;
use common::whosaid;

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = whosaid().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The records before the summary, and the summary.
fn split_summary(stdout: &str) -> (String, Value) {
    let (records, last) = stdout
        .trim_end()
        .rsplit_once('\n')
        .unwrap_or(("", stdout.trim_end()));
    let summary: Value = serde_json::from_str(last).unwrap();
    assert_eq!(summary["kind"], "summary", "{last}");
    for field in [
        "files", "skipped", "bytes", "turns", "matches", "errors", "seconds",
    ] {
        assert!(summary.get(field).is_some(), "{field} missing: {last}");
    }
    assert!(summary["seconds"].as_f64().is_some_and(|s| s >= 0.0));
    let records = if records.is_empty() {
        String::new()
    } else {
        format!("{records}\n")
    };
    (records, summary)
}

#[test]
fn summary_record_on_the_bundled_transcript() {
    let bytes = std::fs::metadata(DATA).unwrap().len();
    let (code, plain, _) = run(&["turns", "--format", "jsonl"]);
    let (code2, out, err) = run(&["turns", "--format", "jsonl", "--stats"]);
    assert_eq!((code, code2), (Some(0), Some(0)));
    assert!(err.is_empty(), "{err}");
    let (records, s) = split_summary(&out);
    assert_eq!(records, plain, "the records are untouched");
    assert_eq!(s["files"], 1);
    assert_eq!(s["skipped"], 0);
    assert_eq!(s["bytes"], bytes);
    assert_eq!(s["turns"], 30);
    assert_eq!(s["matches"], Value::Null);
    assert_eq!(s["errors"], 0);

    let (_, out, _) = run(&["search", "5G", "--format", "jsonl", "--stats"]);
    let (records, s) = split_summary(&out);
    let hits = records
        .lines()
        .filter(|l| l.contains(r#""kind":"match""#))
        .count();
    assert!(hits > 0);
    assert_eq!(s["matches"], hits);
    assert_eq!(s["turns"], 30);
    assert_eq!(
        (s["files"].clone(), s["skipped"].clone()),
        (1.into(), 0.into())
    );

    // Nothing matches: the input is checked, not parsed.
    let (code, out, _) = run(&["search", "zyzzyva", "--format", "jsonl", "--stats"]);
    assert_eq!(code, Some(1));
    let (records, s) = split_summary(&out);
    assert!(records.is_empty());
    assert_eq!(
        (s["files"].clone(), s["skipped"].clone()),
        (1.into(), 1.into())
    );
    assert_eq!(
        (s["turns"].clone(), s["matches"].clone()),
        (0.into(), 0.into())
    );
}

#[test]
fn summary_counts_a_fixture_directory() {
    let dir = "tests/fixtures/blind";
    // `check` says what each input holds, or why it failed.
    let (_, rows, _) = run(&["check", dir, "--format", "jsonl"]);
    let rows: Vec<Value> = rows
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let turns: u64 = rows.iter().map(|r| r["turns"].as_u64().unwrap()).sum();
    let errors = rows.iter().filter(|r| r["status"] == "error").count();
    let bytes: u64 = rows
        .iter()
        .map(|r| {
            std::fs::metadata(r["source"].as_str().unwrap())
                .unwrap()
                .len()
        })
        .sum();
    let (_, out, _) = run(&["turns", dir, "--format", "jsonl", "--stats"]);
    let (_, s) = split_summary(&out);
    assert_eq!(s["files"], rows.len());
    assert_eq!(s["turns"], turns);
    assert_eq!(s["errors"], errors);
    assert_eq!(s["bytes"], bytes);
    assert_eq!(s["skipped"], 0);

    // A search reads every input, and parses only those that can match.
    let (_, out, _) = run(&["search", "Kommersant", dir, "--format", "jsonl", "--stats"]);
    let (records, s) = split_summary(&out);
    assert_eq!(s["files"], rows.len());
    assert_eq!(s["bytes"], bytes);
    let skipped = s["skipped"].as_u64().unwrap();
    assert!(skipped > 0 && skipped < rows.len() as u64, "{s}");
    assert!(s["turns"].as_u64().unwrap() < turns);
    let hits = records.lines().count();
    assert_eq!(s["matches"], hits);
}

#[test]
fn other_formats_keep_stdout_clean_and_say_it_on_stderr() {
    for format in ["text", "tsv", "csv", "json"] {
        let (_, plain, _) = run(&["search", "chips", "--format", format]);
        let (code, out, err) = run(&["search", "chips", "--format", format, "--stats"]);
        assert_eq!(code, Some(0));
        assert_eq!(out, plain, "{format}: stdout is what it was");
        let line = err.trim_end();
        assert!(
            line.starts_with("whosaid: stats: 1 input read (0 skipped unparsed), ")
                && line.contains(" bytes, 30 turns, ")
                && line.contains(" matches, 0 errors, ")
                && line.ends_with(" s")
                && !line.contains('\n'),
            "{format}: {err}"
        );
    }
    let (_, out, err) = run(&["export", "--stats"]);
    assert!(serde_json::from_str::<Value>(&out).is_ok());
    assert!(err.starts_with("whosaid: stats: 1 input read"), "{err}");
}

/// stderr that is not a terminal never gets a progress bar, however long
/// the run: no carriage return, no escape sequence.
#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    for args in [
        &["search", "the", "tests/fixtures", "-j1", "--format", "text"][..],
        &["turns", "tests/fixtures", "--format", "table", "--stats"],
        &["search", "zyzzyva", "tests/fixtures", "data", "-j2"],
    ] {
        let (_, out, err) = run(args);
        assert!(
            !err.contains('\r') && !err.contains('\x1b'),
            "{args:?}: stderr has terminal control: {:?}",
            &err[..err.len().min(300)]
        );
        assert!(!out.contains('\x1b'), "{args:?}: stdout has escapes");
        assert!(
            err.contains("whosaid: "),
            "{args:?}: messages are still said"
        );
    }
}
