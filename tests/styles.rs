//! Every transcript layout in `tests/fixtures/styles/` parses to exactly the
//! turns a careful reader lists in its `.expected.tsv` (line, label,
//! speaker, role, outlet): no turn too many, none too few. HTML pages are
//! read through `parse_bytes` like any file, so their lines are the page's.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/styles");

fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let out = common::expected_pairs(DIR);
    assert!(out.len() >= 15, "fixtures missing: {}", out.len());
    out
}

/// Rows as `line\tlabel\tspeaker\trole\toutlet`.
fn actual_rows(path: &Path) -> Vec<String> {
    let bytes = fs::read(path).unwrap();
    let parsed = whosaid::parse_bytes(&bytes, &path.display().to_string())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    common::turn_rows(&parsed)
}

/// A readable diff of the rows that differ.
fn diff(expected: &[String], actual: &[String]) -> String {
    let mut out = String::new();
    for e in expected {
        if !actual.contains(e) {
            out.push_str(&format!("  - {e}\n"));
        }
    }
    for a in actual {
        if !expected.contains(a) {
            out.push_str(&format!("  + {a}\n"));
        }
    }
    out
}

/// Cells that are not yet what a reader expects: (fixture, line, column,
/// why). Only these cells may differ; every other row and column of the
/// fixture is compared, and the test fails when a gap closes, so the list
/// stays honest.
const KNOWN_GAPS: &[(&str, usize, &str, &str)] = &[
    (
        "layout-congress-hearing.txt",
        36,
        "role",
        "`Ms. Waters` questions the witness without a question mark or a prompt, so she reads as answering",
    ),
    (
        "layout-congress-hearing.txt",
        45,
        "speaker",
        "`Mr. Powell` is not completed to `Jerome H. Powell` (a middle initial in the header)",
    ),
    (
        "layout-congress-hearing.txt",
        58,
        "speaker",
        "`Mr. Powell` is not completed to `Jerome H. Powell`",
    ),
    (
        "layout-congress-hearing.txt",
        65,
        "speaker",
        "`Mr. Powell` is not completed to `Jerome H. Powell`",
    ),
    (
        "layout-india-mea.txt",
        25,
        "role",
        "`Speaker 1: Sir, from Doordarshan.` asks without a question mark",
    ),
    (
        "layout-india-mea.txt",
        25,
        "outlet",
        "`Sir, from Doordarshan.` names an outlet only, not in any list",
    ),
    (
        "layout-zoom.vtt",
        41,
        "speaker",
        "a device name as the label (`iPhone`) is not replaced by the reporter the moderator called (`Sara Kim`)",
    ),
    (
        "layout-zoom.vtt",
        41,
        "outlet",
        "the moderator's call names `KXTV`; the device label keeps none",
    ),
];

const COLUMNS: [&str; 5] = ["line", "label", "speaker", "role", "outlet"];

/// The rows with the known gaps' cells blanked out on both sides, and the
/// gaps that no longer differ.
fn mask_gaps(name: &str, want: &mut [String], got: &mut [String]) -> Vec<String> {
    let mut closed = Vec::new();
    for (file, line, column, why) in KNOWN_GAPS.iter().filter(|g| g.0 == name) {
        let col = COLUMNS.iter().position(|c| c == column).expect("column");
        let find = |rows: &[String]| {
            rows.iter()
                .position(|r| r.split('\t').next() == Some(&line.to_string()))
        };
        let (Some(w), Some(g)) = (find(want), find(got)) else {
            closed.push(format!("{file}:{line}: no such row on both sides ({why})"));
            continue;
        };
        let mut wc: Vec<String> = want[w].split('\t').map(str::to_string).collect();
        let mut gc: Vec<String> = got[g].split('\t').map(str::to_string).collect();
        if wc[col] == gc[col] {
            closed.push(format!(
                "{file}:{line} {column}: the known gap '{why}' is closed: remove it from KNOWN_GAPS"
            ));
        }
        wc[col] = "?".into();
        gc[col] = "?".into();
        want[w] = wc.join("\t");
        got[g] = gc.join("\t");
    }
    closed
}

#[test]
fn every_style_fixture_parses_to_its_expected_turns() {
    let mut failures = String::new();
    for (text, expected) in fixtures() {
        let name = text.file_name().unwrap().to_str().unwrap();
        let mut want = common::expected_rows(&expected);
        let mut got = actual_rows(&text);
        for closed in mask_gaps(name, &mut want, &mut got) {
            failures.push_str(&closed);
            failures.push('\n');
        }
        if want != got {
            failures.push_str(&format!("{}:\n{}", text.display(), diff(&want, &got)));
        }
    }
    assert!(
        failures.is_empty(),
        "turns differ (- expected, + parsed):\n{failures}"
    );
}

#[test]
fn no_style_fixture_leaves_a_stray_line() {
    for (text, _) in fixtures() {
        let stray = common::stray_lines(&text).expect("every style fixture has turns");
        assert!(
            stray.is_empty(),
            "{}: stray lines {stray:?}",
            text.display()
        );
    }
}

#[test]
fn crlf_bom_copy_parses_like_its_plain_source() {
    let plain = actual_rows(&Path::new(DIR).join("inline-no-header.txt"));
    let dirty = actual_rows(&Path::new(DIR).join("hygiene-crlf-bom.txt"));
    assert_eq!(plain, dirty);
}

#[test]
fn debate_moderators_put_the_questions() {
    let bytes = fs::read(Path::new(DIR).join("debate.txt")).unwrap();
    let t = whosaid::parse_bytes(&bytes, "debate.txt")
        .unwrap()
        .transcript;
    let asked: Vec<(Option<&str>, Vec<&str>)> = t
        .exchanges
        .iter()
        .map(|x| {
            (
                x.asked_by.as_deref(),
                x.answered_by.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        asked,
        [
            (Some("Dana Price"), vec!["Bill Harmon"]),
            (Some("Marcus Hill"), vec!["Carla Wells"]),
            (Some("Marcus Hill"), vec!["Bill Harmon"]),
        ]
    );
}
