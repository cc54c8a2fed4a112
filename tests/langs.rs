//! The transcripts in other languages (`tests/fixtures/langs/`) parse to
//! exactly the turns their `.expected.tsv` lists (line, label, speaker,
//! role, outlet), and `check` finds nothing worth a look in them, but for
//! the differences and warnings listed here with their reasons (see
//! `tests/fixtures/langs/README.md`). A listed difference that goes away
//! fails the test too, so the list stays true.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/langs");

/// Expected rows the parser does not give yet, by file: each `-` row
/// missing, each `+` row extra.
const KNOWN_DIFFERENCES: &[(&str, &[&str])] = &[(
    // A label whose comma part is a lower-case office
    // (`porte-parole du Gouvernement`) is refused as a sentence.
    "fr-matignon-conference.md",
    &["- 13\tLéa Fontaine, porte-parole du Gouvernement\tLéa Fontaine\tchair\t"],
)];

/// Warnings `check` rightly gives, by file and kind.
const TRUE_WARNINGS: &[(&str, &str)] = &[
    // The spokeswoman's opening statements are printed without a label:
    // speech kept as a preamble, which is what the warning says.
    ("ru-mid-briefing.txt", "text-before-first-label"),
    // The turn of line 13 is missed (above), so its words precede the
    // first label.
    ("fr-matignon-conference.md", "text-before-first-label"),
];

fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let out = common::expected_pairs(DIR);
    assert_eq!(out.len(), 18, "fixtures missing");
    out
}

fn parse(path: &Path) -> whosaid::Parsed {
    let bytes = fs::read(path).unwrap();
    whosaid::parse_bytes(&bytes, &path.display().to_string())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn file_name(path: &Path) -> &str {
    path.file_name().unwrap().to_str().unwrap()
}

#[test]
fn every_language_fixture_gives_exactly_its_expected_turns() {
    let mut failures = String::new();
    for (text, tsv) in fixtures() {
        let (expected, actual) = (
            common::expected_rows(&tsv),
            common::turn_rows(&parse(&text)),
        );
        let mut differences: Vec<String> = expected
            .iter()
            .filter(|e| !actual.contains(e))
            .map(|e| format!("- {e}"))
            .collect();
        differences.extend(
            actual
                .iter()
                .filter(|a| !expected.contains(a))
                .map(|a| format!("+ {a}")),
        );
        let known: Vec<String> = KNOWN_DIFFERENCES
            .iter()
            .filter(|(f, _)| *f == file_name(&text))
            .flat_map(|(_, rows)| rows.iter().map(|r| r.to_string()))
            .collect();
        if differences != known {
            failures.push_str(&format!(
                "{}:\n  got  {differences:?}\n  want {known:?}\n",
                file_name(&text)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn check_finds_nothing_false_in_the_language_fixtures() {
    let mut failures = String::new();
    for (text, _) in fixtures() {
        let parsed = parse(&text);
        for d in &parsed.diagnostics {
            if d.severity != whosaid::Severity::Warning {
                continue;
            }
            let kind = d.kind.to_string();
            let listed = TRUE_WARNINGS
                .iter()
                .any(|(f, k)| *f == file_name(&text) && *k == kind);
            if !listed {
                failures.push_str(&format!(
                    "{}:{}: {kind}: {}\n",
                    file_name(&text),
                    d.line,
                    d.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}
