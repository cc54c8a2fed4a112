//! Charts: `speakers --chart`, `search --plot`, `timeline`, as text at two
//! widths and as SVG, pinned in `tests/snapshots/chart-<case>-<width>.txt`
//! and `chart-<case>.svg`. After a deliberate change, regenerate them
//! with `WHOSAID_UPDATE_SNAPSHOTS=1 cargo test --test charts` and review
//! the diff. Besides the pinned text: no line is wider than the width,
//! the numbers drawn are those the listing commands print, ASCII and
//! colour follow `--ascii`, `TERM=dumb` and `--color`, and every SVG is
//! well-formed XML with a title, a description and no script.

mod common;

use common::whosaid;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

const WIDTHS: [usize; 2] = [60, 100];

const PSAKI: &str = "tests/fixtures/styles/wh-gaggle-psaki.md";
const COVID: &str = "tests/fixtures/styles/wh-briefing-covid-team.md";

const CASES: &[(&str, &[&str])] = &[
    ("speakers", &["speakers", "--chart"]),
    (
        "speakers-ascii",
        &["speakers", "--chart", "--ascii", "--sort", "words"],
    ),
    ("plot-chips", &["search", "chips", "--plot"]),
    (
        "plot-two",
        &["search", "-w", "president", "--plot", COVID, PSAKI],
    ),
    (
        "timeline-week",
        &["timeline", "-w", "president", "--by", "week", COVID, PSAKI],
    ),
    (
        "timeline-speaker",
        &["timeline", "--role", "journalist", COVID, PSAKI],
    ),
];

fn run(args: &[&str]) -> Output {
    whosaid().args(args).stdin(Stdio::null()).output().unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn chart(args: &[&str], width: usize) -> String {
    let w = width.to_string();
    let mut all = args.to_vec();
    all.extend(["--width", &w]);
    stdout(&all)
}

fn snapshot(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name)
}

/// Compare with the pinned file, or write it when updating.
fn pinned(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = snapshot(name);
    if std::env::var_os("WHOSAID_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{name} differs (WHOSAID_UPDATE_SNAPSHOTS=1 to regenerate)\n--- expected\n{expected}\n--- actual\n{actual}"
        ));
    }
}

#[test]
fn charts_match_their_snapshots_at_two_widths() {
    let mut failures = Vec::new();
    for (case, args) in CASES {
        for width in WIDTHS {
            let actual = chart(args, width);
            assert!(actual.lines().count() >= 3, "{case}: {actual}");
            pinned(&format!("chart-{case}-{width}.txt"), &actual, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn no_line_is_wider_than_the_width() {
    for (case, args) in CASES {
        for width in [20, 40, 61, 80, 150] {
            for line in chart(args, width).lines() {
                let w = unicode_width::UnicodeWidthStr::width(line);
                assert!(w <= width, "{case} at {width}: {w} columns: {line}");
            }
        }
    }
}

#[test]
fn svgs_match_their_snapshots_and_are_accessible() {
    let mut failures = Vec::new();
    for (case, args) in CASES {
        if *case == "speakers-ascii" {
            continue; // the same image as `speakers`
        }
        let mut all = args.to_vec();
        all.extend(["--svg", "-"]);
        let svg = stdout(&all);
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("role=\"img\""), "{case}");
        assert!(svg.contains("<title id=\"chart-title\">"), "{case}");
        assert!(svg.contains("<desc id=\"chart-desc\">"), "{case}");
        assert!(svg.contains("<text "), "{case}: no text labels");
        for banned in [
            "<script",
            "javascript:",
            "href=",
            "<foreignObject",
            "<image",
        ] {
            assert!(!svg.contains(banned), "{case}: {banned}");
        }
        pinned(&format!("chart-{case}.svg"), &svg, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Tags open and close in order, attributes are quoted, entities known.
fn assert_well_formed(svg: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        for (j, _) in text.match_indices('&') {
            let entity = &text[j..text[j..].find(';').map_or(text.len(), |k| j + k + 1)];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "bad entity {entity}"
            );
        }
        let end = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..end];
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes: <{tag}>"
        );
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name.trim()), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap());
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert!(rest.trim().is_empty());
}

#[test]
fn dumb_terminals_get_ascii() {
    let unicode = chart(&["speakers", "--chart"], 80);
    let ascii = chart(&["speakers", "--chart", "--ascii"], 80);
    assert!(unicode.contains('█') && !ascii.contains('█'));
    let drawing = |c: char| ('\u{2500}'..='\u{259f}').contains(&c);
    assert!(
        ascii.contains('#') && !ascii.chars().any(drawing),
        "{ascii}"
    );
    let dumb = whosaid()
        .args(["speakers", "--chart", "--width", "80"])
        .env("TERM", "dumb")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(dumb.stdout).unwrap(), ascii);
    let plot = chart(&["search", "chips", "--plot", "--ascii"], 80);
    assert!(!plot.chars().any(drawing), "{plot}");
}

#[test]
fn colour_only_when_asked_and_by_role() {
    let plain = chart(&["speakers", "--chart"], 80);
    assert!(!plain.contains('\x1b'));
    let coloured = chart(&["speakers", "--chart", "--color", "always"], 80);
    // Officials blue, journalists green, the chair yellow.
    for code in ["\x1b[34m", "\x1b[32m", "\x1b[33m"] {
        assert!(coloured.contains(code), "{code:?} missing");
    }
    let stripped = regex::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(&coloured, "");
    assert_eq!(stripped, plain);
    let no_color = whosaid()
        .args(["speakers", "--chart", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!no_color.stdout.contains(&0x1b));
}

#[test]
fn bars_say_what_speakers_lists() {
    let text = chart(&["speakers", "--chart"], 100);
    let rows: Vec<Value> =
        serde_json::from_str(&stdout(&["speakers", "--format", "json"])).unwrap();
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        let speaker = row["speaker"].as_str().unwrap();
        assert!(line.starts_with(speaker), "{line}");
        let share = format!("{:.1}%", row["share"].as_f64().unwrap());
        let words = row["words"].as_u64().unwrap().to_string();
        let mut tail = line.split_whitespace().rev();
        assert_eq!(tail.next(), Some(words.as_str()), "{line}");
        assert_eq!(tail.next(), Some(share.as_str()), "{line}");
        assert!(line.contains(row["role"].as_str().unwrap()));
    }
    // The longest bar is the one who spoke most.
    let longest = lines.iter().max_by_key(|l| l.matches('█').count()).unwrap();
    assert!(longest.starts_with("Xiao Yaqing"));
}

/// Matches per source, as `search --kwic` counts them (one record each).
fn kwic_matches(args: &[&str]) -> Vec<(String, usize)> {
    let mut all = vec!["search", "--kwic", "--format", "jsonl"];
    all.extend(args);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for line in stdout(&all).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let source = v["source"].as_str().unwrap().to_string();
        match counts.last_mut() {
            Some((s, n)) if *s == source => *n += 1,
            _ => counts.push((source, 1)),
        }
    }
    counts
}

#[test]
fn strips_count_what_search_finds() {
    let plot = chart(&["search", "-w", "president", "--plot", COVID, PSAKI], 100);
    let want = kwic_matches(&["-w", "president", COVID, PSAKI]);
    assert_eq!(want.len(), 2);
    for (source, n) in &want {
        let name = Path::new(source).file_name().unwrap().to_str().unwrap();
        let line = plot
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no strip for {name}:\n{plot}"));
        assert!(line.trim_end().ends_with(&format!("  {n}")), "{line}");
        let marks = line.chars().filter(|c| "COJX*".contains(*c)).count();
        assert!(marks >= 1 && marks <= *n, "{line}");
    }
    // The bundled transcript: Tian Yulong (an official) twice, then Yicai
    // (a journalist).
    let chips = chart(&["search", "-w", "chips", "--plot", "--ascii"], 100);
    let strip = chips.lines().nth(1).unwrap();
    let letters: String = strip.chars().filter(|c| "COJX*".contains(*c)).collect();
    assert!(letters == "OOJ" || letters == "OJ", "{strip}");
    assert_eq!(
        run(&["search", "nothing-like-this", "--plot"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn timeline_counts_are_those_of_search() {
    let tsv = stdout(&[
        "timeline",
        "-w",
        "president",
        "--by",
        "week",
        "--format",
        "tsv",
        COVID,
        PSAKI,
    ]);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("period\tstart\tend\ttranscripts\twords\tcount")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    // 9 February 2021 and 16 March 2021: ISO weeks 6 to 11, the empty
    // ones between included.
    let periods: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(
        periods,
        [
            "2021-W06", "2021-W07", "2021-W08", "2021-W09", "2021-W10", "2021-W11"
        ]
    );
    assert_eq!(rows[0][1..3], ["2021-02-08", "2021-02-14"]);
    let want = kwic_matches(&["-w", "president", COVID, PSAKI]);
    let count = |r: &Vec<&str>| r[5].parse::<usize>().unwrap();
    assert_eq!(count(&rows[0]), want[0].1);
    assert_eq!(count(&rows[5]), want[1].1);
    assert!(rows[1..5].iter().all(|r| r[3] == "0" && count(r) == 0));
    // The same rows as JSON Lines, for jq.
    let jsonl = stdout(&[
        "timeline",
        "-w",
        "president",
        "--by",
        "week",
        "--format",
        "jsonl",
        COVID,
        PSAKI,
    ]);
    let first: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["period"], "2021-W06");
    assert_eq!(first["count"].as_u64(), Some(want[0].1 as u64));
}

#[test]
fn timeline_of_a_speaker_counts_their_turns() {
    // With --speaker every argument is a PATH.
    let tsv = stdout(&["timeline", "--speaker", "psaki", "--format", "tsv", PSAKI]);
    let row: Vec<&str> = tsv.lines().nth(1).unwrap().split('\t').collect();
    let turns = stdout(&["turns", "--speaker", "psaki", "--format", "tsv", PSAKI]);
    assert_eq!(row[0], "2021-03");
    assert_eq!(row[5].parse::<usize>().unwrap(), turns.lines().count() - 1);
    assert!(row[5] != "0");
}

#[test]
fn a_first_argument_that_is_a_path_is_not_a_pattern() {
    // `timeline DIR` counts the turns of DIR's transcripts; it used to
    // count the word "data/" in the bundled transcript (0, exit 1).
    let rows = stdout(&["timeline", "data/", "--format", "tsv"]);
    let turns = stdout(&["turns", "data/", "--format", "tsv"]);
    let row: Vec<&str> = rows.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(row[0], "2021-03");
    assert_eq!(row[5].parse::<usize>().unwrap(), turns.lines().count() - 1);
    let title = stdout(&["timeline", PSAKI, COVID, "--format", "text"]);
    assert!(title.starts_with("turns per month"), "{title}");
    // A word that names no file is still the pattern.
    let chips = stdout(&["timeline", "chips", "data/", "--format", "tsv"]);
    assert!(chips.lines().nth(1).unwrap().ends_with("\t3"), "{chips}");
}

#[test]
fn a_machine_format_gives_rows_not_a_chart() {
    // As timeline does: --chart and --plot draw for people; asked for
    // tsv, csv, json or jsonl they print the command's rows.
    for (chart, rows) in [
        (
            &["speakers", "--chart", "--format", "jsonl"][..],
            &["speakers", "--format", "jsonl"][..],
        ),
        (
            &["search", "chips", "--plot", "--format", "json"],
            &["search", "chips", "--format", "json"],
        ),
        (
            &["search", "chips", "--plot", "--format", "csv"],
            &["search", "chips", "--format", "csv"],
        ),
    ] {
        assert_eq!(stdout(chart), stdout(rows), "{chart:?}");
    }
    assert!(stdout(&["speakers", "--chart", "--format", "text"]).contains('█'));
}

#[test]
fn undated_transcripts_are_left_out_with_a_note() {
    let out = run(&[
        "timeline",
        "question",
        "tests/fixtures/styles/inline-no-header.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 transcript without a date left out"));
}

#[test]
fn svg_files_are_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("speakers.svg");
    let out = whosaid()
        .args(["speakers", "--svg"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let svg = std::fs::read_to_string(&file).unwrap();
    assert_eq!(svg, stdout(&["speakers", "--chart", "--svg", "-"]));
    let missing = dir.path().join("no/such/dir/plot.svg");
    let out = whosaid()
        .args(["search", "chips", "--svg"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("whosaid: "));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
}
