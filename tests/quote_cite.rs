//! `whosaid quote` and `whosaid cite` on the bundled transcript: verdicts,
//! the words that differ, misattribution, source lines, every format, the
//! prefilter on a directory, citations in each style, and bad input.

mod common;

use common::whosaid;
use serde_json::Value;

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";
const THIRTY: &str = "China has contributed nearly 30% of global manufacturing output";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = whosaid()
        .args(args)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    run_env(args, &[])
}

/// The records of `quote ... --format jsonl`, and the exit status.
fn quote(args: &[&str]) -> (i32, Vec<Value>) {
    let r = run(&[&["quote"], args, &["--format", "jsonl"]].concat());
    let records = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (r.code, records)
}

/// The id of turn `index` (1-based) of the bundled transcript.
fn turn_id(index: usize) -> String {
    let t = whosaid::parse_bytes(whosaid::BUNDLED_TEXT.as_bytes(), "<bundled>")
        .unwrap()
        .transcript;
    t.turn_ids()[index - 1].clone()
}

#[test]
fn the_thirty_percent_sentence_is_verbatim_from_xiao_yaqing() {
    let (code, rec) = quote(&[THIRTY]);
    assert_eq!(code, 0);
    assert_eq!(rec.len(), 1);
    let r = &rec[0];
    assert_eq!(r["verdict"], "verbatim");
    assert_eq!(r["speaker"], "Xiao Yaqing");
    assert_eq!(r["role"], "official");
    assert_eq!(r["turn"], 2);
    assert_eq!(r["turn_id"], turn_id(2).as_str());
    assert_eq!(
        (r["line"].as_u64(), r["end_line"].as_u64()),
        (Some(43), Some(43))
    );
    assert_eq!(
        r["exchange"],
        Value::Null,
        "the opening statement answers no question"
    );
    assert_eq!(r["passage"], THIRTY);
    assert_eq!(r["similarity"], 1.0);
    assert_eq!(r["changes"], serde_json::json!([]));
    assert_eq!(r["misattributed"], Value::Null);
    // Typography, case and quote marks do not count.
    let curly = "\u{201c}CHINA HAS CONTRIBUTED NEARLY 30 % OF GLOBAL MANUFACTURING OUTPUT.\u{201d}";
    let (code, rec) = quote(&[curly]);
    assert_eq!((code, rec[0]["verdict"].as_str()), (0, Some("verbatim")));
    let apostrophe = "making China the world\u{2019}s largest manufacturer";
    let (code, rec) = quote(&[apostrophe]);
    assert_eq!((code, rec[0]["verdict"].as_str()), (0, Some("verbatim")));
    // The text format, as people read it.
    let r = run(&["quote", THIRTY]);
    assert_eq!(
        r.stdout,
        format!(
            "43: Xiao Yaqing: verbatim, turn 2, id {}: {THIRTY}\n",
            turn_id(2)
        )
    );
}

#[test]
fn one_word_changed_is_a_paraphrase_that_shows_the_word() {
    let changed = "China has contributed nearly 30% of world manufacturing output";
    let (code, rec) = quote(&[changed]);
    assert_eq!(code, 1);
    let r = &rec[0];
    assert_eq!(r["verdict"], "paraphrase");
    assert_eq!(r["speaker"], "Xiao Yaqing");
    assert_eq!(r["passage"], THIRTY);
    assert_eq!(
        r["changes"],
        serde_json::json!([{"kind": "changed", "quote": "world", "transcript": "global"}])
    );
    let text = run(&["quote", changed]).stdout;
    assert!(
        text.ends_with("\n43- changed: \"world\" in the quotation, \"global\" in the transcript\n"),
        "{text}"
    );
    // Coloured only when asked (or on a terminal): the transcript's word.
    let coloured = run(&["quote", changed, "--color", "always"]).stdout;
    assert!(coloured.contains("\x1b[1;31mglobal\x1b[0m"), "{coloured}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn an_ellipsis_in_the_middle_is_trimmed() {
    for q in [
        "China has contributed ... global manufacturing output",
        "China has contributed \u{2026} global manufacturing output",
        "China has contributed [...] global manufacturing output",
    ] {
        let (code, rec) = quote(&[q]);
        assert_eq!(code, 0, "{q}");
        let r = &rec[0];
        assert_eq!(r["verdict"], "trimmed", "{q}");
        assert_eq!(r["turn"], 2);
        assert_eq!(
            r["changes"],
            serde_json::json!([{"kind": "elided", "quote": "", "transcript": "nearly 30% of"}])
        );
    }
    // Without the ellipsis: still trimmed, the words left out flagged.
    let (code, rec) = quote(&["China has contributed 30% of global manufacturing output"]);
    assert_eq!(code, 0);
    assert_eq!(rec[0]["verdict"], "trimmed");
    assert_eq!(rec[0]["changes"][0]["kind"], "omitted");
    assert_eq!(rec[0]["changes"][0]["transcript"], "nearly");
}

#[test]
fn a_quotation_across_a_paragraph_break_and_with_a_bracket() {
    let across =
        "nearly 30% of global manufacturing output. Second, during the 13th Five-Year Plan period";
    let (code, rec) = quote(&[across]);
    assert_eq!(code, 0);
    assert_eq!(rec[0]["verdict"], "verbatim");
    assert_eq!(
        (rec[0]["line"].as_u64(), rec[0]["end_line"].as_u64()),
        (Some(43), Some(45))
    );
    let bracket = "making [it] the world's largest manufacturer for 11 consecutive years";
    let (code, rec) = quote(&[bracket]);
    assert_eq!(code, 0);
    assert_eq!(rec[0]["verdict"], "verbatim");
    assert_eq!(
        rec[0]["changes"],
        serde_json::json!([{"kind": "replaced", "quote": "[it]", "transcript": "China"}])
    );
}

#[test]
fn speaker_flags_a_misattribution() {
    let (code, rec) = quote(&[THIRTY, "--speaker", "tian"]);
    assert_eq!(code, 1);
    assert_eq!(rec[0]["misattributed"], true);
    assert_eq!(rec[0]["speaker"], "Xiao Yaqing");
    let text = run(&["quote", THIRTY, "--speaker", "tian"]).stdout;
    assert!(
        text.ends_with("\n43- misattributed: said by Xiao Yaqing, not by \"tian\"\n"),
        "{text}"
    );
    let (code, rec) = quote(&[THIRTY, "--speaker", "Xiao Yaqing"]);
    assert_eq!(code, 0);
    assert_eq!(rec[0]["misattributed"], false);
    // Said by both: the one named is the best passage.
    let (code, rec) = quote(&["Thanks for your question", "--speaker", "tian"]);
    assert_eq!(code, 0);
    assert_eq!(rec[0]["speaker"], "Tian Yulong");
    // A name that is nowhere is told.
    let r = run(&["quote", THIRTY, "--speaker", "tain"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("did you mean Tian Yulong?"),
        "{}",
        r.stderr
    );
}

#[test]
fn not_found_and_more_passages() {
    let (code, rec) = quote(&["The quick brown fox jumps over the lazy dog"]);
    assert_eq!(code, 1);
    assert_eq!(rec.len(), 1);
    assert_eq!(rec[0]["verdict"], "not found");
    assert_eq!(rec[0]["source"], Value::Null);
    assert_eq!(rec[0]["turn"], Value::Null);
    let r = run(&["quote", "The quick brown fox jumps over the lazy dog"]);
    assert_eq!(
        r.stdout,
        "not found: \"The quick brown fox jumps over the lazy dog\"\n"
    );
    // Four turns say it as it is; the best first, then the others.
    let (code, rec) = quote(&["Thanks for your question", "--all"]);
    assert_eq!(code, 0);
    let verbatim: Vec<u64> = rec
        .iter()
        .filter(|r| r["verdict"] == "verbatim")
        .map(|r| r["turn"].as_u64().unwrap())
        .collect();
    assert_eq!(verbatim, [5, 9, 10, 12]);
    assert!(rec.iter().skip(4).all(|r| r["verdict"] == "paraphrase"));
    let (_, rec) = quote(&["Thanks for your question", "--max", "2"]);
    assert_eq!(rec.len(), 2);
    let r = run(&["quote", "Thanks for your question"]);
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(
        r.stderr
            .contains("more passages found (--all to list them)"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_input_is_an_error_with_exit_2() {
    for (args, says) in [
        (vec!["quote", ""], "the quotation is empty"),
        (vec!["quote", "   "], "the quotation is empty"),
        (
            vec!["quote", "\u{201c}?! ... \u{2014}\u{201d}"],
            "no words, only punctuation",
        ),
        (
            vec!["quote", THIRTY, "no/such/file.txt"],
            "no/such/file.txt",
        ),
        (vec!["quote", THIRTY, DATA, DATA], "given twice"),
        (vec!["quote", THIRTY, "data/", "data"], "given twice"),
        (vec!["cite", "abcdefghjk", DATA, DATA], "given twice"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("whosaid: "), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{args:?}: {}", r.stderr);
    }
}

#[test]
fn every_format_of_quote() {
    let header = "source,verdict,similarity,turn,line,end_line,exchange,speaker,label,role,\
                  outlet,turn_id,misattributed,quote,passage,changes";
    for (format, sep) in [("csv", ","), ("tsv", "\t")] {
        let r = run(&[
            "quote",
            "nearly 30% of world manufacturing output",
            "--format",
            format,
        ]);
        let l: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(l[0], header.replace(',', sep));
        assert_eq!(l.len(), 2);
        if format == "tsv" {
            let cells: Vec<&str> = l[1].split('\t').collect();
            assert_eq!(cells.len(), 16);
            assert_eq!(&cells[..4], ["<bundled>", "paraphrase", "0.857", "2"]);
            assert_eq!(cells[15], "changed \"world\" (transcript \"global\")");
        }
    }
    let r = run(&["quote", THIRTY, "--format", "json"]);
    let v: Vec<Value> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["verdict"], "verbatim");
    let r = run(&["quote", THIRTY, "--format", "table", "--width", "120"]);
    let head = r.stdout.lines().next().unwrap();
    for column in ["verdict", "line", "speaker", "turn_id", "passage"] {
        assert!(head.split_whitespace().any(|w| w == column), "{head}");
    }
}

#[test]
fn a_directory_skips_the_files_without_the_rare_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scio.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(
        dir.path().join("other.txt"),
        "MODERATOR: Good afternoon. We will take questions now.\n\n\
         Anna Petrova, Kommersant: Minister, what did you agree?\n\n\
         Sergei Volkov: We agreed to continue talks.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let args = ["quote", THIRTY, path, "--format", "jsonl", "--stats"];
    let fast = run(&args);
    let slow = run_env(&args, &[("WHOSAID_NO_PREFILTER", "1")]);
    assert_eq!(fast.code, 0);
    let records: Vec<Value> = fast
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records[0]["verdict"], "verbatim");
    assert!(records[0]["source"].as_str().unwrap().ends_with("scio.txt"));
    assert_eq!(records[1]["kind"], "summary");
    assert_eq!(records[1]["files"], 2);
    assert_eq!(
        records[1]["skipped"], 1,
        "other.txt holds none of the words"
    );
    // Unparsed or not, the same answer.
    let answer = |s: &str| s.lines().next().unwrap().to_string();
    assert_eq!(answer(&fast.stdout), answer(&slow.stdout));
    assert!(slow.stdout.contains("\"skipped\":0"), "{}", slow.stdout);
}

#[test]
fn a_web_page_is_quoted_with_the_page_s_lines() {
    // The page writes "haven’t" with a curly apostrophe.
    let page = "tests/fixtures/styles/html-briefing.html";
    let (code, rec) = quote(&["I haven't counted them that way", page]);
    assert_eq!(code, 0);
    assert_eq!(rec[0]["verdict"], "verbatim");
    assert_eq!(rec[0]["speaker"], "Daniel Okafor");
    assert_eq!(
        (rec[0]["line"].as_u64(), rec[0]["end_line"].as_u64()),
        (Some(48), Some(48))
    );
}

// ---- cite ---------------------------------------------------------------------

#[test]
fn cite_writes_each_style_exactly() {
    let id = turn_id(9);
    let words = "\"Thanks for your question. Let's invite Mr. Tian to answer it.\"";
    let event = "SCIO briefing on development of industry and information technology";
    let office = "minister of industry and information technology";
    let cases = [
        (
            "plain",
            format!(
                "{words}\n\u{2014} Xiao Yaqing, {office}, {event}, Beijing, 1 March 2021 \
                 (<bundled>, lines 111\u{2013}113, id {id})\n"
            ),
        ),
        (
            "markdown",
            format!(
                "> Thanks for your question. Let's invite Mr. Tian to answer it.\n>\n\
                 > \u{2014} **Xiao Yaqing**, {office}, *{event}*, Beijing, 1 March 2021 \
                 (`<bundled>`, lines 111\u{2013}113, id `{id}`)\n"
            ),
        ),
        (
            "apa",
            format!(
                "{words} (Xiao Yaqing, 2021, lines 111\u{2013}113)\n\n\
                 Xiao Yaqing. (2021, March 1). {event} [Transcript]. Beijing. <bundled>\n"
            ),
        ),
        (
            "chicago",
            format!(
                "{words}\n\nXiao Yaqing, {office}, \u{201c}{event},\u{201d} transcript, \
                 Beijing, March 1, 2021, <bundled>, lines 111\u{2013}113.\n"
            ),
        ),
    ];
    for (style, expected) in cases {
        let r = run(&["cite", &id, "--style", style]);
        assert_eq!(r.code, 0, "{style}: {}", r.stderr);
        assert_eq!(r.stdout, expected, "{style}");
    }
}

#[test]
fn cite_by_prefix_as_json_and_its_errors() {
    let id = turn_id(13);
    let r = run(&["cite", &id[..6], "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["id"], id.as_str());
    assert_eq!(v["turn"], 13);
    assert_eq!(v["speaker"], Value::Null);
    assert_eq!(v["outlet"], "Reuters");
    assert_eq!(v["role"], "journalist");
    assert_eq!(v["exchange"], 5);
    assert_eq!(
        (v["line"].as_u64(), v["end_line"].as_u64()),
        (Some(143), Some(145))
    );
    assert_eq!(v["date"], "2021-03-01");
    assert_eq!(v["style"], "plain");
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .starts_with("How well does the Ministry")
    );
    assert!(
        v["citation"]
            .as_str()
            .unwrap()
            .contains("\n\u{2014} Reuters, journalist, SCIO briefing")
    );
    // Unknown: nothing found, exit 1.
    let r = run(&["cite", "000000"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "whosaid: no turn has the id '000000'\n");
    assert_eq!(r.stdout, "");
    // Too short: a usage error.
    assert_eq!(run(&["cite", &id[..5]]).code, 2);
    // The same turn in two files: ambiguous, both listed.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::copy(DATA, &copy).unwrap();
    let r = run(&["cite", &id, DATA, copy.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(&format!("names 2 turns: {id} ({DATA}:143, Reuters)")),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1);
}

#[test]
fn quote_gives_the_id_that_cite_takes() {
    let (_, rec) = quote(&[THIRTY]);
    let id = rec[0]["turn_id"].as_str().unwrap();
    let r = run(&["cite", id, "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["turn"], 2);
    assert!(v["text"].as_str().unwrap().contains(THIRTY));
}
