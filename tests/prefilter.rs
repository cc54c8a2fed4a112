//! `search`'s prefilter (inputs that cannot match are checked, not parsed)
//! never changes what a search prints: stdout, stderr and the exit status
//! are the same with it and without it (`WHOSAID_NO_PREFILTER=1`), for
//! many patterns and formats, over every fixture, `data/`, the bundled
//! transcript and inputs made to trip it (text the parser rewrites,
//! HTML, Windows-1252, UTF-16, inputs that fail).

use std::collections::BTreeMap;
use std::path::Path;

mod common;
use common::whosaid;

/// Exit status, stdout and stderr of one run.
type Run = (Option<i32>, String, String);

fn run(args: &[&str], prefilter: bool) -> Run {
    let mut cmd = whosaid();
    cmd.args(args);
    if !prefilter {
        cmd.env("WHOSAID_NO_PREFILTER", "1");
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Inputs that the parser rewrites between bytes and turn text, or that
/// are not read as they are: each must still give the same results.
fn tricky_inputs(dir: &Path) {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let turns = |body: &str| {
        format!(
            "MODERATOR: Good afternoon. We take questions.\n\n\
             Anna Petrova, Kommersant: Minister, {body}\n\n\
             Sergei Volkov: We agreed. {body}\n"
        )
    };
    // A stage direction glued to words on both sides: `weagree` in text.
    w("glued.txt", turns("we(laughter)agree on 5G.").as_bytes());
    w(
        "glued-escaped.md",
        turns(r"we\(Laughter\)agree on chips.").as_bytes(),
    );
    // Zero-width characters are dropped: `nowhere` in text.
    w(
        "zero-width.txt",
        turns("no\u{200b}where, no\u{2060}thing.").as_bytes(),
    );
    // A no-break space becomes a space: `supply chain` in text.
    w(
        "nbsp.txt",
        turns("the supply\u{a0}chain of 5G chips.").as_bytes(),
    );
    // Markdown escapes: `[sic]` and `5_G` in text.
    w(
        "escapes.md",
        turns(r"the \[sic\] figure, 5\_G \*really\*.").as_bytes(),
    );
    // Case variants the regex folds to: the long s, the Kelvin sign.
    w(
        "folded.txt",
        turns("CHIP\u{17f} at 300 \u{212a}elvin.").as_bytes(),
    );
    // A hyphen at a line's end after a letter.
    w(
        "wrapped.txt",
        b"MODERATOR: Good afternoon.\n\nSergei Volkov: The semi-\nconductor plan.\n",
    );
    // HTML: entities and tags.
    w(
        "page.html",
        b"<!doctype html><html><body><p><b>MODERATOR:</b> Good afternoon.</p>\
          <p><b>Anna Petrova:</b> What about AT&amp;T and 5<i>G</i>? Chi&shy;ps?</p>\
          <p><b>Sergei Volkov:</b> We&nbsp;agree on ch&#105;ps.</p></body></html>\n",
    );
    // Windows-1252 and UTF-16.
    let mut bytes = turns("5G chips.").into_bytes();
    bytes.extend_from_slice(b"\nAnna Petrova, Kommersant: Caf\xe9 Chips?\n");
    w("cp1252.txt", &bytes);
    let utf16: Vec<u8> = [0xfeffu16]
        .into_iter()
        .chain(turns("the 5G chips caf\u{e9}.").encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    w("utf16.txt", &utf16);
    // Inputs that fail: no turns (with its hint), empty, binary.
    w(
        "no-turns.txt",
        b"A note about chips.\n\nMinister said: nothing about 5G.\n",
    );
    w("empty.txt", b"");
    w("spaces.md", b"  \n\n");
    w("binary.txt", b"5G chips\0\0\x01");
}

/// Each pattern with its options: literal, case, -w, regex, labels,
/// header and trailer words, rewritten text, punctuation.
const PATTERNS: &[&[&str]] = &[
    &["5G"],
    &["chips"],
    &["Chips"],
    &["-i", "CHIPS"],
    &["-s", "chips"],
    &["-w", "chip"],
    &["-w", "-i", "CHINA"],
    &["-e", "5G|chips?"],
    &["-e", "[Ss]emiconductors?"],
    &["-e", r"\b[Cc]hin(a|ese)\b"],
    &["-e", r"^Thank"],
    &["-e", r"\d{4}"],
    &["-e", "(?i)beijing"],
    &["Reuters: "],
    &["Kommersant: Minister"],
    &["MR PRICE"],
    &["MODERATOR"],
    &["QUESTION:"],
    &["Speakers"],
    &["Translated and edited"],
    &["briefing was concluded"],
    &["supply chain"],
    &["weagree"],
    &["nowhere"],
    &["semiconductor"],
    &["AT&T"],
    &["&amp;"],
    &["[sic]"],
    &["5_G"],
    &["(Laughter)"],
    &["U.S."],
    &["café"],
    &["Kelvin"],
    &["information technology"],
    &["chips", "--turn"],
    &["5G", "--question"],
    &["5G", "-C", "1"],
    &["5G", "--kwic"],
    &["chips", "-m", "1"],
    &["chips", "--role", "official"],
    &["chips", "--speaker", "tian"],
];

/// The output shapes compared for each pattern.
const FORMATS: &[&[&str]] = &[&[], &["--format", "jsonl"], &["-c"], &["-l"]];

fn same_with_and_without(args: &[&str]) {
    let with = run(args, true);
    let without = run(args, false);
    assert_eq!(with, without, "whosaid {}", args.join(" "));
}

/// On inputs that are quick to parse: every pattern as JSON and counted
/// on the tricky inputs, and as JSON on the bundled transcript (one input:
/// no source prefix); every fourth pattern in every format.
#[test]
fn prefilter_changes_nothing_on_small_inputs() {
    let dir = tempfile::tempdir().unwrap();
    tricky_inputs(dir.path());
    let tricky = dir.path().to_str().unwrap();
    for (i, pattern) in PATTERNS.iter().enumerate() {
        for format in FORMATS {
            if i % 4 == 0 || matches!(format, ["--format", "jsonl"] | ["-c"]) {
                same_with_and_without(&[&["search"], *pattern, format, &[tricky]].concat());
            }
        }
        same_with_and_without(&[&["search"], *pattern, &["--format", "jsonl"]].concat());
    }
}

/// Every fixture and `data/` (slow to parse in a debug build): patterns
/// chosen for what the fixtures hold (labels, no-break spaces, Markdown
/// escapes, HTML pages, header and trailer lines, whole words of CJK,
/// Hangul, Cyrillic and accented Latin), each in one format or two; the
/// proof over every fixture's text is the prefilter's unit
/// test.
#[test]
fn prefilter_changes_nothing_on_every_fixture() {
    let all = ["tests/fixtures", "data"];
    for (pattern, format) in [
        (&["5G"][..], &[][..]),
        (&["-w", "-i", "CHINA"], &["-c"]),
        (&["-e", "5G|chips?"], &["--format", "jsonl"]),
        (&["MR PRICE"], &["--format", "jsonl"]),
        (&["supply chain"], &["--format", "jsonl"]),
        (&["[senior administration official]"], &["-l"]),
        (&["QUESTION:"], &["-c"]),
        (&["AT&T"], &["-l"]),
        // Whole words in scripts without spaces and with them.
        (&["-w", "记者"], &["--format", "jsonl"]),
        (&["-w", "-e", "会見|장관은|été"], &["-c"]),
        (&["-w", "-i", "МИР"], &["-c"]),
    ] {
        same_with_and_without(&[&["search"], pattern, format, &all].concat());
    }
}

#[test]
fn both_threading_modes_agree_with_the_prefilter() {
    let dir = tempfile::tempdir().unwrap();
    tricky_inputs(dir.path());
    let tricky = dir.path().to_str().unwrap();
    for pattern in [&["chips"][..], &["-e", "5G|weagree"]] {
        let mut args = vec!["search"];
        args.extend_from_slice(pattern);
        args.extend_from_slice(&["tests/fixtures/blind", tricky]);
        let one = run(&[&["-j1"][..], &args].concat(), true);
        let two = run(&[&["-j2"][..], &args].concat(), true);
        let off = run(&[&["-j2"][..], &args].concat(), false);
        assert_eq!(one, two, "{args:?}");
        assert_eq!(one, off, "{args:?}");
    }
}

/// The prefilter does rule inputs out (the test above is not vacuous), and
/// never the tricky ones that hold a match only after the parser's work.
#[test]
fn prefilter_skips_inputs_without_the_literal() {
    let dir = tempfile::tempdir().unwrap();
    tricky_inputs(dir.path());
    let tricky = dir.path().to_str().unwrap();
    let summary = |args: &[&str], prefilter: bool| -> serde_json::Value {
        let (_, out, _) = run(args, prefilter);
        let last = out.lines().last().unwrap().to_string();
        serde_json::from_str(&last).unwrap()
    };
    let args = [
        "search",
        "semiconductor",
        "--format",
        "jsonl",
        "--stats",
        "tests/fixtures",
    ];
    let on = summary(&args, true);
    let off = summary(&args, false);
    assert!(on["skipped"].as_u64().unwrap() > 50, "{on}");
    assert_eq!(off["skipped"], 0, "{off}");
    assert_eq!(on["files"], off["files"]);
    assert_eq!(on["matches"], off["matches"]);
    assert_eq!(on["errors"], off["errors"]);
    // Found after the parser's rewriting only: those inputs are parsed.
    for (pattern, file) in [
        ("weagree", "glued.txt"),
        ("nowhere", "zero-width.txt"),
        ("-e", "glued-escaped.md"),
    ] {
        let mut args = vec!["search", pattern];
        if pattern == "-e" {
            args.push(r"we(?i:agree)\b");
        }
        args.extend_from_slice(&["-l", tricky]);
        let (code, out, _) = run(&args, true);
        assert_eq!(code, Some(2), "{args:?}: the failing inputs say 2");
        assert!(out.contains(file), "{args:?} -> {out}");
    }
    let (_, out, _) = run(&["search", "supply chain", "-l", tricky], true);
    assert!(out.contains("nbsp.txt"), "{out}");
    let (_, out, _) = run(&["search", "chips", "-l", tricky], true);
    assert!(out.contains("folded.txt"), "the long s: {out}");
    let (_, out, _) = run(&["search", "kelvin", "-l", tricky], true);
    assert!(out.contains("folded.txt"), "the Kelvin sign: {out}");
}

/// `-c` counts what the records show: one per matching sentence (turn
/// with `--turn`), for every input.
#[test]
fn counts_agree_with_the_records() {
    for pattern in [
        &["chips"][..],
        &["-e", "5G|chips?"],
        &["-w", "china"],
        &["-e", "^Thank"],
        &["chips", "--turn"],
        &["the", "-m", "3", "--question"],
        &["-e", r"\. [A-Z]"],
    ] {
        let mut args = vec!["search"];
        args.extend_from_slice(pattern);
        args.extend_from_slice(&["tests/fixtures/blind", "data"]);
        let (_, counts, _) = run(&[&args[..], &["-c"]].concat(), true);
        let (_, records, _) = run(&[&args[..], &["--format", "jsonl"]].concat(), true);
        let mut want: BTreeMap<String, usize> = BTreeMap::new();
        for line in records.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            if v["kind"] == "match" {
                *want
                    .entry(v["source"].as_str().unwrap().to_string())
                    .or_default() += 1;
            }
        }
        let got: BTreeMap<String, usize> = counts
            .lines()
            .map(|l| {
                let (source, n) = l.rsplit_once(':').unwrap();
                (source.to_string(), n.parse().unwrap())
            })
            .collect();
        assert_eq!(got, want, "{args:?}");
        let (_, files, _) = run(&[&args[..], &["-l"]].concat(), true);
        let mut files: Vec<&str> = files.lines().collect();
        files.sort();
        assert_eq!(files, want.keys().collect::<Vec<_>>(), "{args:?} -l");
    }
}
