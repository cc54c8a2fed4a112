//! `whosaid diff OLD NEW` on copies of the bundled transcript made here:
//! one label changed, a paragraph inserted, a turn removed and one added,
//! a turn split, typography changed; colour; bad input.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";

fn original() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(DATA)).unwrap()
}

/// A copy of the bundled transcript with `edit` applied, in `dir`.
fn copy(dir: &Path, name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, edit(&original())).unwrap();
    path
}

/// The text with `old` replaced once (it must be there).
fn once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?}");
    text.replacen(old, new, 1)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn diff(old: &Path, new: &Path, extra: &[&str]) -> Run {
    let out = common::whosaid()
        .arg("diff")
        .arg(old)
        .arg(new)
        .args(extra)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn records(old: &Path, new: &Path) -> Vec<Value> {
    let r = diff(old, new, &["--format", "jsonl"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (kind, old turns, new turns) of each record.
fn summary(rows: &[Value]) -> Vec<(String, Value, Value)> {
    rows.iter()
        .map(|r| {
            let turns = |side: &Value| side.get("turns").cloned().unwrap_or(Value::Null);
            (
                r["kind"].as_str().unwrap().to_string(),
                turns(&r["old"]),
                turns(&r["new"]),
            )
        })
        .collect()
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA)
}

#[test]
fn one_label_changed_is_exactly_one_reattributed_turn() {
    let dir = tempfile::tempdir().unwrap();
    // Tian Yulong's first answer (turn 10) given to Xiao Yaqing.
    let new = copy(dir.path(), "relabel.txt", |t| {
        let at = t.find("\nTian Yulong:\n").unwrap();
        format!(
            "{}\nXiao Yaqing:\n{}",
            &t[..at],
            &t[at + "\nTian Yulong:\n".len()..]
        )
    });
    let rows = records(&data(), &new);
    assert_eq!(
        summary(&rows),
        [(
            "reattributed".to_string(),
            serde_json::json!([10]),
            serde_json::json!([10])
        )]
    );
    assert_eq!(
        rows[0]["old"]["speakers"],
        serde_json::json!(["Tian Yulong"])
    );
    assert_eq!(
        rows[0]["new"]["speakers"],
        serde_json::json!(["Xiao Yaqing"])
    );
    assert_eq!(rows[0]["old"]["line"], 115);
    assert!(
        rows[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Thanks for your question. Chips and integrated circuits")
    );
    let text = diff(&data(), &new, &[]);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "@@ old turn 10, line 115 -> new turn 10, line 115: reattributed",
            "- Tian Yulong: Thanks for your question. Chips and integrated circuits are the cornerstone of …",
            "+ Xiao Yaqing: Thanks for your question. Chips and integrated circuits are the cornerstone of …",
        ]
    );
}

#[test]
fn an_inserted_paragraph_is_one_edited_turn() {
    let dir = tempfile::tempdir().unwrap();
    let added = "We will also build 600,000 more base stations this year.";
    let new = copy(dir.path(), "paragraph.txt", |t| {
        once(
            t,
            "\n\nFrom a domestic perspective,",
            &format!("\n\n{added}\n\nFrom a domestic perspective,"),
        )
    });
    let rows = records(&data(), &new);
    assert_eq!(
        summary(&rows),
        [(
            "edited".to_string(),
            serde_json::json!([23]),
            serde_json::json!([23])
        )]
    );
    let changed: Vec<(&str, &str)> = rows[0]["words"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["op"] != "equal")
        .map(|w| (w["op"].as_str().unwrap(), w["text"].as_str().unwrap()))
        .collect();
    assert_eq!(changed, [("insert", added)]);
    let text = diff(&data(), &new, &["--context", "3"]);
    assert_eq!(
        text.stdout,
        format!(
            "@@ old turn 23, line 223 -> new turn 23, line 223: edited\n\
             ~ Xiao Yaqing: … NOKIA and Ericsson. {{+{added}+}} From a domestic …\n"
        )
    );
}

#[test]
fn an_identical_copy_and_typography_are_no_difference() {
    let dir = tempfile::tempdir().unwrap();
    let same = copy(dir.path(), "same.txt", |t| t.to_string());
    let r = diff(&data(), &same, &[]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    // Curly quotes, a dash, doubled spaces and CRLF line ends.
    let typo = copy(dir.path(), "typography.txt", |t| {
        once(t, "\"little giant enterprises\" (outstanding", "\u{201c}little giant enterprises\u{201d}  (outstanding")
            .replace("a phone number that deals with complaints about unhealthy and spam information on the internet - 12321", "a phone number that deals with complaints about unhealthy and spam information on the internet \u{2014} 12321")
            .replace('\n', "\r\n")
    });
    let r = diff(&data(), &typo, &[]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

#[test]
fn a_turn_removed_and_one_added() {
    let dir = tempfile::tempdir().unwrap();
    let new = copy(dir.path(), "removed-added.txt", |t| {
        // CNR's question (turn 11) goes; the chair asks for one more
        // question before the New York Times.
        let start = t.find("\nCNR:\n").unwrap();
        let end = start + t[start + 1..].find("\nXiao Yaqing:").unwrap() + 1;
        let t = format!("{}{}", &t[..start], &t[end..]);
        once(
            &t,
            "\nNew York Times:",
            "\nShou Xiaoli:\n\nOne more question, please.\n\nNew York Times:",
        )
    });
    let rows = records(&data(), &new);
    assert_eq!(
        summary(&rows),
        [
            ("removed".to_string(), serde_json::json!([11]), Value::Null),
            ("added".to_string(), Value::Null, serde_json::json!([19])),
        ]
    );
    assert_eq!(rows[0]["old"]["speakers"], serde_json::json!(["CNR"]));
    assert_eq!(
        rows[1]["new"]["speakers"],
        serde_json::json!(["Shou Xiaoli"])
    );
    assert_eq!(rows[1]["text"], "One more question, please.");
}

#[test]
fn a_turn_split_by_a_new_label_is_one_split() {
    let dir = tempfile::tempdir().unwrap();
    let new = copy(dir.path(), "split.txt", |t| {
        once(
            t,
            "\n\nFrom a domestic perspective,",
            "\n\nTian Yulong:\n\nFrom a domestic perspective,",
        )
    });
    let rows = records(&data(), &new);
    assert_eq!(
        summary(&rows),
        [(
            "split".to_string(),
            serde_json::json!([23]),
            serde_json::json!([23, 24])
        )]
    );
    assert_eq!(
        rows[0]["new"]["speakers"],
        serde_json::json!(["Xiao Yaqing", "Tian Yulong"])
    );
}

#[test]
fn colour_replaces_the_word_markers_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let new = copy(dir.path(), "edit.txt", |t| {
        once(
            t,
            "over 718,000 5G base stations",
            "over 800,000 5G base stations",
        )
    });
    let plain = diff(&data(), &new, &[]);
    assert!(
        plain.stdout.contains("[-718,000-] {+800,000+}"),
        "{}",
        plain.stdout
    );
    assert!(!plain.stdout.contains('\x1b'));
    let colour = diff(&data(), &new, &["--color", "always"]);
    assert!(
        colour.stdout.contains("\x1b[1;31m718,000\x1b[0m"),
        "{}",
        colour.stdout
    );
    assert!(!colour.stdout.contains("[-718,000-]"));
    let tsv = diff(&data(), &new, &["--format", "tsv", "--color", "always"]);
    let lines: Vec<&str> = tsv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "source\tkind\told_turn\told_line\told_speaker\tnew_turn\tnew_line\tnew_speaker\tdiff\told_ids\tnew_ids"
    );
    assert!(lines[1].contains("\tedited\t23\t223\tXiao Yaqing\t23\t223\tXiao Yaqing\t"));
    assert!(!tsv.stdout.contains('\x1b'));
}

#[test]
fn bad_input_is_a_clear_error() {
    let r = diff(&data(), &data(), &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("whosaid: OLD and NEW are the same input"),
        "{}",
        r.stderr
    );
    let r = diff(&data(), Path::new("no-such-file.txt"), &[]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "whosaid: no-such-file.txt: no such file or directory\n"
    );
    let r = diff(&data(), Path::new("data"), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
    let r = diff(Path::new("-"), Path::new("-"), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("(standard input)"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn old_may_come_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let new = copy(dir.path(), "edit.txt", |t| {
        once(t, "nearly 30% of global", "nearly 28% of global")
    });
    let out = common::whosaid()
        .args(["diff", "-"])
        .arg(&new)
        .args(["--format", "jsonl"])
        .stdin(std::fs::File::open(data()).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        summary(&rows),
        [(
            "edited".to_string(),
            serde_json::json!([2]),
            serde_json::json!([2])
        )]
    );
}

/// The stable id of turn `index` of `path`, as `turns` prints it.
fn turn_id(path: &Path, index: u64) -> String {
    let out = common::whosaid()
        .args(["turns", "--format", "jsonl"])
        .arg(path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let turn: Value = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|t| t["index"] == index)
        .unwrap();
    turn["id"].as_str().unwrap().to_string()
}

#[test]
fn each_side_carries_the_stable_ids_of_its_turns() {
    let dir = tempfile::tempdir().unwrap();
    let new = copy(dir.path(), "edited.txt", |t| {
        once(t, "nearly 30% of global", "nearly 31% of global")
    });
    let rows = records(&data(), &new);
    assert_eq!(rows.len(), 1);
    let (old_id, new_id) = (turn_id(&data(), 2), turn_id(&new, 2));
    assert_ne!(old_id, new_id, "the edit changes the turn's id");
    assert_eq!(rows[0]["old"]["ids"], serde_json::json!([old_id]));
    assert_eq!(rows[0]["new"]["ids"], serde_json::json!([new_id]));
    let tsv = diff(&data(), &new, &["--format", "tsv"]);
    let lines: Vec<&str> = tsv.stdout.lines().collect();
    assert!(
        lines[0].ends_with("\tdiff\told_ids\tnew_ids"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(&format!("\t{old_id}\t{new_id}")),
        "{}",
        lines[1]
    );
}
