//! Snapshot tests of the tables people read, at widths 60, 80, 120 and 200:
//! each output is pinned in `tests/snapshots/<case>-<width>.txt`. After a
//! deliberate change, regenerate them with
//! `WHOSAID_UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and review the
//! diff. Besides the pinned text: no line is wider than the width, and no
//! header is broken.

use std::path::{Path, PathBuf};

const WIDTHS: [usize; 4] = [60, 80, 120, 200];

const CASES: &[(&str, &[&str])] = &[
    ("turns", &["turns"]),
    ("turns-exchange-3", &["turns", "--exchange", "3"]),
    ("turns-explain", &["turns", "--exchange", "1", "--explain"]),
    ("search-chips", &["search", "-w", "chips"]),
    (
        "search-question",
        &["search", "5G", "--question", "--exchange", "9", "-m", "2"],
    ),
    ("search-kwic", &["search", "chips", "--kwic"]),
    ("speakers", &["speakers"]),
    ("exchanges", &["exchanges"]),
    ("info", &["info"]),
    ("check", &["check"]),
];

fn table(args: &[&str], width: usize) -> String {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("whosaid"))
        .args(args)
        .args(["--format", "table", "--color", "never", "--width"])
        .arg(width.to_string())
        .env_remove("COLUMNS")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn snapshot(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"))
}

#[test]
fn tables_at_every_width() {
    let update = std::env::var_os("WHOSAID_UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for (case, args) in CASES {
        for width in WIDTHS {
            let actual = table(args, width);
            for line in actual.lines() {
                let w = unicode_width::UnicodeWidthStr::width(line);
                assert!(
                    w <= width,
                    "{case} at {width}: a line of {w} columns:\n{line}"
                );
            }
            if !matches!(*case, "info") {
                let header = actual.lines().next().unwrap_or_default();
                for word in header.split_whitespace() {
                    assert!(
                        word.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                        "{case} at {width}: header word {word:?} broken"
                    );
                }
            }
            let name = format!("{case}-{width}");
            let path = snapshot(&name);
            if update {
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected != actual {
                failures.push(format!(
                    "{name}: differs from {}\n--- expected\n{expected}--- actual\n{actual}",
                    path.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(regenerate with WHOSAID_UPDATE_SNAPSHOTS=1 after checking)",
        failures.join("\n")
    );
}

/// At 80 columns, every word of the turns' text in the table is a whole
/// word of the transcript: nothing is broken mid-word.
#[test]
fn no_word_is_broken_at_80_columns() {
    let text = whosaid::BUNDLED_TEXT;
    let words: std::collections::HashSet<&str> = text.split_whitespace().collect();
    for (case, args) in CASES
        .iter()
        .filter(|c| c.0.starts_with("turns") || c.0 == "exchanges")
    {
        let out = table(args, 80);
        for line in out.lines().skip(2) {
            // The flexible column is the last one.
            let last = line.rsplit("  ").next().unwrap_or_default().trim();
            for word in last.split_whitespace() {
                let word = word.trim_end_matches('…');
                if word.is_empty() || word.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                assert!(
                    words.contains(word)
                        || words
                            .iter()
                            .any(|w| w.starts_with(word) && word.len() > 3 && line.ends_with('…')),
                    "{case}: {word:?} is not a word of the transcript:\n{line}"
                );
            }
        }
    }
}
