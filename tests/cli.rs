//! Command-line tests: every command and format, filters, exit codes,
//! colour, stdin, directories with broken files, a closed pipe. Each test
//! runs the real binary with a clean environment.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Read;
use whosaid::model::{Transcript, Turn};

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";

/// The binary with an environment that cannot change its output, and
/// stdin on /dev/null (not a pipe: without PATH the bundled transcript is
/// explored).
fn whosaid() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("whosaid"));
    for var in ["NO_COLOR", "TERM", "COLUMNS", "CLICOLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.stdin(std::process::Stdio::null());
    cmd
}

/// The same, for tests that write to its stdin.
fn whosaid_stdin() -> Command {
    Command::from_std(whosaid())
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = whosaid().args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

fn jsonl<T: serde::de::DeserializeOwned>(s: &str) -> Vec<T> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

// ---- info -----------------------------------------------------------------

#[test]
fn info_text_lists_header_and_counts() {
    let r = run(&["info"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for want in [
        "SCIO briefing on development of industry",
        "2021-03-01",
        "Beijing",
        "Xiao Yaqing (official)",
        "Shou Xiaoli (chair)",
    ] {
        assert!(r.stdout.contains(want), "missing {want}:\n{}", r.stdout);
    }
    assert!(r.stdout.contains("turns         30\n"));
    assert!(r.stdout.contains("exchanges     12\n"));
    assert!(r.stderr.is_empty());
}

#[test]
fn info_json_and_csv() {
    let r = run(&["info", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["turns"], 30);
    assert_eq!(v[0]["exchanges"], 12);
    assert_eq!(v[0]["source"], "<bundled>");
    assert_eq!(v[0]["participants"].as_array().unwrap().len(), 3);
    // The bundled transcript is in English.
    assert_eq!(v[0]["language"], "en");
    assert_eq!(v[0]["languages"], serde_json::json!(["en"]));
    let r = run(&["info", "--format", "csv"]);
    assert!(r.stdout.starts_with(
        "source,title,date,time,place,language,style,turns,exchanges,words,participants\n"
    ));
}

// ---- turns ----------------------------------------------------------------

#[test]
fn turns_lists_thirty_turns_when_piped() {
    let r = run(&["turns"]);
    assert_eq!(r.code, 0);
    let l = lines(&r.stdout);
    assert_eq!(l.len(), 30);
    assert!(l[0].starts_with("33: Shou Xiaoli: Ladies and gentlemen"));
    assert!(
        l.iter()
            .any(|l| l.starts_with("143: Reuters: How well does"))
    );
    assert!(!r.stdout.contains('\x1b'));
}

#[test]
fn turns_speaker_tian_jsonl_deserialises_into_turns() {
    let r = run(&["turns", "--speaker", "tian", "--format", "jsonl"]);
    assert_eq!(r.code, 0);
    let turns: Vec<Turn> = jsonl(&r.stdout);
    assert_eq!(
        turns.iter().map(|t| t.line).collect::<Vec<_>>(),
        [115, 177, 237]
    );
    assert!(
        turns
            .iter()
            .all(|t| t.speaker.as_deref() == Some("Tian Yulong"))
    );
    let raw: Vec<serde_json::Value> = jsonl(&r.stdout);
    assert!(raw.iter().all(|v| v["source"] == "<bundled>"));
}

#[test]
fn turns_filters_and_across_kinds_or_within_one() {
    let count = |args: &[&str]| {
        let mut a = vec!["turns", "--format", "jsonl"];
        a.extend_from_slice(args);
        jsonl::<Turn>(&run(&a).stdout).len()
    };
    assert_eq!(count(&["--outlet", "reuters"]), 1);
    assert_eq!(count(&["--outlet", "cnbc", "--outlet", "REUTERS"]), 2);
    assert_eq!(count(&["--role", "journalist"]), 12);
    assert_eq!(count(&["--role", "chair"]), 3);
    assert_eq!(count(&["--exchange", "3"]), 3);
    assert_eq!(count(&["--speaker", "tian", "--exchange", "3"]), 1);
    assert_eq!(count(&["--speaker", "cctv"]), 1);
    assert_eq!(count(&["--speaker", "xiao", "--role", "official"]), 12);
}

#[test]
fn outlet_only_journalist_has_null_speaker() {
    let r = run(&["turns", "--outlet", "CCTV", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v[0]["speaker"].is_null());
    assert_eq!(v[0]["outlet"], "CCTV");
    assert_eq!(v[0]["role"], "journalist");
}

#[test]
fn unknown_speaker_suggests_nearest_and_exits_1() {
    let r = run(&["turns", "--speaker", "tain"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        "whosaid: no speaker matches 'tain'; did you mean Tian Yulong?\n"
    );
    let r = run(&["turns", "--outlet", "reuter5"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("did you mean Reuters?"), "{}", r.stderr);
}

#[test]
fn explain_shows_the_rule() {
    let r = run(&["turns", "--explain", "--format", "tsv", "--speaker", "tian"]);
    let l = lines(&r.stdout);
    assert_eq!(
        l[0],
        "source\tturn\tline\texchange\tspeaker\tlabel\trole\toutlet\twords\trule\ttext\tid"
    );
    assert_eq!(l.len(), 4);
    let r = run(&["turns", "--explain", "--exchange", "1"]);
    assert!(r.stdout.lines().all(|l| l.contains(" [")), "{}", r.stdout);
}

#[test]
fn every_format_of_turns() {
    let tsv = run(&["turns", "--format", "tsv"]).stdout;
    assert_eq!(tsv.lines().count(), 31);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 12));
    let csv = run(&["turns", "--format", "csv", "--outlet", "cnbc"]).stdout;
    let l = lines(&csv);
    assert_eq!(
        l[0],
        "source,turn,line,exchange,speaker,label,role,outlet,words,rule,text,id"
    );
    // The question contains commas, so the text field is quoted.
    assert!(
        l[1].starts_with("<bundled>,8,107,3,,CNBC,journalist,CNBC,29,"),
        "{}",
        l[1]
    );
    assert!(l[1].contains(",\"My question is,"), "{}", l[1]);
    let json: Vec<Turn> =
        serde_json::from_str(&run(&["turns", "--format", "json"]).stdout).unwrap();
    assert_eq!(json.len(), 30);
    assert_eq!(json[29].index, 30);
    let table = run(&[
        "turns", "--format", "table", "--width", "80", "--outlet", "reuters",
    ])
    .stdout;
    assert!(table.contains("speaker") && table.contains("Reuters"));
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    let nul = run(&["turns", "--format", "text", "-0"]).stdout;
    assert_eq!(nul.matches('\0').count(), 30);
    assert!(!nul.contains('\n'));
}

// ---- export ---------------------------------------------------------------

#[test]
fn export_is_the_whole_transcript() {
    let r = run(&["export"]);
    assert_eq!(r.code, 0);
    let t: Transcript = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((t.turns.len(), t.exchanges.len()), (30, 12));
    assert!(r.stdout.lines().count() > 100, "pretty by default");
    let compact = run(&["export", "--compact"]).stdout;
    assert_eq!(compact.lines().count(), 1);
}

#[test]
fn export_array_for_several_inputs() {
    let out = whosaid_stdin()
        .args(["export", DATA, "-"])
        .write_stdin(whosaid::BUNDLED_TEXT)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Vec<Transcript> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(v[1].source, "<stdin>");
    assert_eq!(v[0].source, DATA);
}

// ---- search ---------------------------------------------------------------

#[test]
fn search_word_chips_by_tian_only() {
    let r = run(&[
        "search",
        "-w",
        "chips",
        "--speaker",
        "tian",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 0);
    let hits: Vec<serde_json::Value> = jsonl(&r.stdout);
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(h["speaker"], "Tian Yulong");
        let text = h["text"].as_str().unwrap();
        for m in h["matches"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(text[s..e].eq_ignore_ascii_case("chips"));
        }
    }
    assert_eq!(hits[0]["line"], 117);
}

#[test]
fn search_exit_codes() {
    let r = run(&["search", "zzzz"]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (1, "", ""));
    let r = run(&["search", "(", "-e"]);
    assert_eq!(r.code, 2);
    // One line: the pattern and what is wrong with it.
    assert_eq!(r.stderr, "whosaid: bad pattern: '(': unclosed group\n");
    assert!(r.stdout.is_empty());
    // Literal by default: "(" is fine.
    assert_eq!(run(&["search", "("]).code, 0);
}

#[test]
fn search_smart_case() {
    let lower = run(&["search", "chips"]).stdout;
    assert!(lower.contains("Chips and integrated circuits"));
    let forced = run(&["search", "-s", "chips"]).stdout;
    assert!(!forced.contains("Chips and integrated circuits"));
    let upper = run(&["search", "Chips"]).stdout;
    assert!(upper.contains("Chips and integrated") && !upper.contains("the chip industry"));
    assert!(
        run(&["search", "-i", "CHIPS"])
            .stdout
            .contains("Chips and integrated")
    );
}

#[test]
fn search_5g_question_shows_crntt_before_xiao() {
    let r = run(&["search", "5G", "--question"]);
    assert_eq!(r.code, 0);
    let q = r
        .stdout
        .find("219: CRNTT (question): As a strategic")
        .expect(&r.stdout);
    let a = r
        .stdout
        .find("225: Xiao Yaqing: China began its 5G")
        .expect(&r.stdout);
    assert!(q < a);
    let hits: Vec<serde_json::Value> =
        jsonl(&run(&["search", "5G", "--question", "--format", "jsonl"]).stdout);
    let qi = hits
        .iter()
        .position(|h| h["kind"] == "question" && h["outlet"] == "CRNTT")
        .unwrap();
    assert_eq!(hits[qi + 1]["speaker"], "Xiao Yaqing");
}

#[test]
fn search_context_turn_and_kwic() {
    let r = run(&["search", "-w", "chips", "--speaker", "tian", "-C", "1"]);
    assert!(
        r.stdout.lines().any(|l| l.contains("- Tian Yulong- ")),
        "{}",
        r.stdout
    );
    let turns = run(&["search", "Reuters", "--turn", "--format", "jsonl"]).stdout;
    let hits: Vec<serde_json::Value> = jsonl(&turns);
    assert!(hits.iter().all(|h| h["text"].as_str().unwrap().len() > 100));
    let kwic = run(&["search", "chips", "--kwic", "--width", "100"]).stdout;
    let cols: Vec<usize> = kwic
        .lines()
        .map(|l| l.to_lowercase().find("chips").unwrap())
        .collect();
    assert!(cols.windows(2).all(|w| w[0] == w[1]), "aligned:\n{kwic}");
    let k: Vec<serde_json::Value> =
        jsonl(&run(&["search", "chips", "--kwic", "--format", "jsonl"]).stdout);
    assert!(
        k.iter()
            .all(|h| h["match"].as_str().unwrap().eq_ignore_ascii_case("chips"))
    );
}

#[test]
fn search_regex_and_filters() {
    let r = run(&[
        "search",
        "-e",
        r"\b5G\b",
        "--role",
        "journalist",
        "--format",
        "tsv",
    ]);
    let l = lines(&r.stdout);
    assert_eq!(
        l[0],
        "source\tturn\tline\texchange\tkind\tspeaker\tlabel\trole\toutlet\tbefore\ttext\tafter\tturn_id"
    );
    assert!(l[1..].iter().all(|l| l.contains("\tCRNTT\t")));
}

// ---- speakers and exchanges -----------------------------------------------

#[test]
fn speakers_fifteen_rows_shares_sum_to_100() {
    let r = run(&["speakers", "--format", "csv"]);
    assert_eq!(r.code, 0);
    let l = lines(&r.stdout);
    assert_eq!(
        l[0],
        "source,speaker,role,outlet,turns,words,share,asked,answered,first_line,last_line"
    );
    assert_eq!(l.len(), 16);
    let sum: f64 = l[1..]
        .iter()
        .map(|l| l.split(',').nth(6).unwrap().parse::<f64>().unwrap())
        .sum();
    assert!((sum - 100.0).abs() < 0.8, "{sum}");
    let rows: Vec<serde_json::Value> = jsonl(&run(&["speakers", "--format", "jsonl"]).stdout);
    let exact: f64 = rows.iter().map(|r| r["share"].as_f64().unwrap()).sum();
    assert!((exact - 100.0).abs() < 1e-6);
    let tian = rows.iter().find(|r| r["speaker"] == "Tian Yulong").unwrap();
    assert_eq!(
        (tian["turns"].as_u64(), tian["answered"].as_u64()),
        (Some(3), Some(3))
    );
    let cctv = rows.iter().find(|r| r["speaker"] == "CCTV").unwrap();
    assert_eq!(cctv["asked"], 1);
}

#[test]
fn speakers_sort() {
    let r = run(&["speakers", "--sort", "words", "--format", "tsv"]);
    assert!(lines(&r.stdout)[1].starts_with("<bundled>\tXiao Yaqing\t"));
    let r = run(&["speakers", "--sort", "name", "--format", "tsv"]);
    assert!(lines(&r.stdout)[1].starts_with("<bundled>\tAsahi Shimbun\t"));
}

#[test]
fn exchanges_rows_and_filters() {
    let rows: Vec<serde_json::Value> = jsonl(&run(&["exchanges", "--format", "jsonl"]).stdout);
    assert_eq!(rows.len(), 12);
    let outlets: Vec<&str> = rows.iter().map(|r| r["outlet"].as_str().unwrap()).collect();
    assert_eq!(
        outlets,
        [
            "CCTV",
            "Thecover.cn",
            "CNBC",
            "CNR",
            "Reuters",
            "Asahi Shimbun",
            "Ta Kung Pao",
            "New York Times",
            "CRNTT",
            "Red Star News",
            "Economic Daily",
            "Yicai"
        ]
    );
    let tian: Vec<serde_json::Value> =
        jsonl(&run(&["exchanges", "--speaker", "tian", "--format", "jsonl"]).stdout);
    assert_eq!(
        tian.iter()
            .map(|r| r["exchange"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [3, 7, 10]
    );
    let nyt = run(&["exchanges", "--outlet", "new york"]).stdout;
    assert_eq!(nyt.lines().count(), 1);
    assert!(nyt.starts_with("201: 8. New York Times -> Xiao Yaqing ("));
}

// ---- check ----------------------------------------------------------------

#[test]
fn check_reports_style_counts_and_diagnostics() {
    let r = run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["turns"], 30);
    assert!(!v[0]["style"].as_str().unwrap().is_empty());
    let warnings = v[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .count();
    assert_eq!(r.code, if warnings > 0 { 1 } else { 0 });
    let text = run(&["check"]).stdout;
    assert!(text.starts_with("<bundled>: "), "{text}");
}

#[test]
fn check_exits_2_on_a_broken_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let r = run(&["check", "--format", "jsonl", DATA, empty.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    let rows: Vec<serde_json::Value> = jsonl(&r.stdout);
    assert_eq!(rows[1]["status"], "error");
    assert_eq!(rows[1]["error"], "empty input");
    assert!(r.stderr.contains("empty.txt: empty input"));
}

// ---- generate -------------------------------------------------------------

#[test]
fn generate_man_and_completions() {
    assert!(run(&["generate", "man"]).stdout.contains(".TH whosaid"));
    assert!(
        run(&["generate", "complete-bash"])
            .stdout
            .contains("_whosaid")
    );
    assert!(
        run(&["generate", "complete-zsh"])
            .stdout
            .contains("#compdef whosaid")
    );
    assert!(
        run(&["generate", "complete-fish"])
            .stdout
            .contains("complete -c whosaid")
    );
    assert!(
        run(&["generate", "complete-powershell"])
            .stdout
            .contains("Register-ArgumentCompleter")
    );
}

#[test]
fn help_has_examples() {
    let r = run(&["search", "--help"]);
    assert_eq!(r.code, 0);
    for flag in [
        "--regex",
        "--word",
        "--ignore-case",
        "--kwic",
        "--question",
        "--format",
        "--null",
    ] {
        assert!(r.stdout.contains(flag), "{flag}");
    }
    assert!(r.stdout.matches("Example").count() > 10);
    let r = run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Usage"));
}

// ---- colour and terminal safety -------------------------------------------

#[test]
fn colour_always_never_and_machine_formats() {
    let on = run(&["search", "5G", "--color", "always"]).stdout;
    assert!(on.contains("\x1b[1;31m5G\x1b[0m"));
    let off = run(&["search", "5G"]).stdout;
    assert!(!off.contains('\x1b'));
    let never = run(&["search", "5G", "--color", "never", "--format", "table"]).stdout;
    assert!(!never.contains('\x1b'));
    let json = run(&["search", "5G", "--color", "always", "--format", "jsonl"]).stdout;
    assert!(!json.contains('\x1b'));
    let out = whosaid()
        .env("NO_COLOR", "1")
        .args(["search", "5G"])
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
    let table = run(&["search", "5G", "--color", "always", "--format", "table"]).stdout;
    assert!(table.contains("\x1b[1;31m5G"));
}

#[test]
fn control_characters_are_neutralised() {
    let text = whosaid::BUNDLED_TEXT.replace(
        "Ladies and gentlemen",
        "Ladies \x1b]0;pwned\x1b\\ \x1b[31mred\u{9b} and gentlemen",
    );
    for format in ["text", "table", "tsv", "csv"] {
        let out = whosaid_stdin()
            .args([
                "turns", "--role", "chair", "--color", "never", "--format", format,
            ])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        // Whether the parser drops them or keeps them, they never reach the
        // terminal raw (the printers' own escaping is unit-tested in render).
        assert!(s.contains("pwned"), "{s}");
        assert!(
            !s.contains('\x1b') && !s.contains('\u{9b}'),
            "{format}: {s}"
        );
    }
}

// ---- inputs ---------------------------------------------------------------

#[test]
fn stdin_piped_or_dash() {
    whosaid_stdin()
        .args(["turns", "--format", "jsonl", "--outlet", "reuters"])
        .write_stdin(whosaid::BUNDLED_TEXT)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"source\":\"<stdin>\""));
    whosaid_stdin()
        .args(["info", "-"])
        .write_stdin(whosaid::BUNDLED_TEXT)
        .assert()
        .success()
        .stdout(predicate::str::contains("source        <stdin>"));
    whosaid_stdin()
        .args(["turns", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr("whosaid: <stdin>: empty input\n");
}

#[test]
fn directory_with_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/b.md"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(d.join("broken.txt"), "").unwrap();
    std::fs::write(d.join("prose.txt"), "No labels here.\nJust prose.\n").unwrap();
    std::fs::write(d.join("binary.txt"), b"\0\x01\x02").unwrap();
    std::fs::write(d.join("latin1.txt"), b"Hello \x81\x8d\x90\n").unwrap();
    std::fs::write(d.join(".hidden.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(d.join("ignored.pdf"), "x").unwrap();
    let r = run(&["turns", "--outlet", "reuters", d.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let a = d.join("a.txt").display().to_string();
    let b = d.join("sub/b.md").display().to_string();
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 2, "{}", r.stdout);
    assert!(
        out[0].starts_with(&format!("{a}:143: Reuters: How well")),
        "{}",
        out[0]
    );
    assert!(
        out[1].starts_with(&format!("{b}:143: Reuters: How well")),
        "{}",
        out[1]
    );
    let err = r.stderr;
    assert!(
        err.contains(&format!("{}: empty input", d.join("broken.txt").display())),
        "{err}"
    );
    assert!(err.contains("prose.txt: no speaker turns found"), "{err}");
    assert!(err.contains("binary.txt: skipped (binary file)"), "{err}");
    assert!(
        !err.contains(".hidden.txt"),
        "hidden files are skipped quietly: {err}"
    );
    assert!(err.contains("latin1.txt: not valid UTF-8"), "{err}");
    assert!(!err.contains("ignored.pdf"));
    assert!(err.lines().all(|l| l.starts_with("whosaid: ")));
    // Machine formats always carry the source.
    let rows: Vec<serde_json::Value> = jsonl(
        &run(&[
            "turns",
            "--outlet",
            "reuters",
            "--format",
            "jsonl",
            d.to_str().unwrap(),
        ])
        .stdout,
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["source"], a);
}

#[test]
fn every_input_error_has_exit_2_and_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"  \n\n", "empty input"),
        (
            "binary.bin",
            b"\x7fELF\0\0\x01",
            "binary file, not a transcript",
        ),
        ("bad.txt", b"Caf\xc3 \x81\x8d", "not valid UTF-8 text"),
        (
            "prose.txt",
            b"Nothing but prose here.\n",
            "no speaker turns found",
        ),
    ];
    for (name, bytes, why) in cases {
        let path = d.join(name);
        std::fs::write(&path, bytes).unwrap();
        let r = run(&["turns", path.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{name}");
        assert!(r.stdout.is_empty());
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(
            r.stderr
                .starts_with(&format!("whosaid: {}: {why}", path.display())),
            "{}",
            r.stderr
        );
    }
    let r = run(&["turns", "/nonexistent/x.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "whosaid: /nonexistent/x.txt: no such file or directory\n"
    );
    // Good inputs still print when another fails.
    let r = run(&["turns", "/nonexistent/x.txt", DATA, "--outlet", "cnbc"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout.lines().count(), 1);
}

#[cfg(unix)]
#[test]
fn unreadable_directory_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        eprintln!("skipped: running as root, permissions are not enforced");
        return;
    }
    let r = run(&["turns", locked.to_str().unwrap()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("permission denied"));
}

// ---- closed pipe ------------------------------------------------------------

fn closed_pipe(args: &[&str]) {
    let bin = assert_cmd::cargo::cargo_bin("whosaid");
    let mut child = std::process::Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // like `| head -c 16`
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    // Several copies, so the output is larger than any pipe buffer.
    let mut args = vec!["search", "the"];
    args.extend([DATA; 8]);
    closed_pipe(&args);
    let mut args = vec!["turns"];
    args.extend([DATA; 8]);
    closed_pipe(&args);
    let mut args = vec!["export"];
    args.extend([DATA; 8]);
    closed_pipe(&args);
}

#[test]
fn roster_declares_speakers_and_wins_over_inference() {
    let r = run(&[
        "--roster",
        "tests/fixtures/rosters/scio.toml",
        "turns",
        "--exchange",
        "1",
        "--format",
        "tsv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<Vec<&str>> = r
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        &rows[0][..8],
        [
            "<bundled>",
            "4",
            "69",
            "1",
            "CCTV reporter",
            "CCTV",
            "journalist",
            "China Central Television"
        ]
    );
    assert_eq!(
        &rows[1][..7],
        [
            "<bundled>",
            "5",
            "73",
            "1",
            "Minister Xiao",
            "Xiao Yaqing",
            "official"
        ]
    );
}

#[test]
fn a_bad_or_missing_roster_is_a_one_line_error() {
    let r = run(&["--roster", "no/such/roster.toml", "turns"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("whosaid: no/such/roster.toml: "),
        "{}",
        r.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "speakers = 3").unwrap();
    let r = run(&["--roster", bad.to_str().unwrap(), "turns"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a valid TOML roster"), "{}", r.stderr);
}

#[test]
fn check_flags_typo_labels_and_false_labels() {
    let r = run(&["check", "tests/fixtures/styles/false-labels.txt"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(":22: warning: name-typo: speaker 'Wang Wenbni' differs from 'Wang Wenbin'"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(":10: warning: label-refused: 'Economy:'"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(":17: info: label-refused: 'Note:'"),
        "{}",
        r.stdout
    );
    let clean = run(&["check"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert!(clean.stdout.contains("0 warnings"));
}

#[test]
fn utf16_and_windows_1252_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Jane Roe (Reuters): What happens next?\n\nMinister Okafor: We wait. Café.\n";
    let utf16: Vec<u8> = std::iter::once(0xfeffu16)
        .chain(text.encode_utf16())
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let a = dir.path().join("utf16.txt");
    std::fs::write(&a, utf16).unwrap();
    let b = dir.path().join("cp1252.txt");
    std::fs::write(
        &b,
        text.replace("é", "\u{1}")
            .as_bytes()
            .iter()
            .map(|&c| if c == 1 { 0xe9 } else { c })
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    for path in [&a, &b] {
        let r = run(&["turns", path.to_str().unwrap(), "--format", "tsv"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout
                .contains("Jane Roe\tJane Roe (Reuters)\tjournalist\tReuters"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("We wait. Café."), "{}", r.stdout);
    }
    let r = run(&["check", b.to_str().unwrap()]);
    assert!(r.stdout.contains("read as Windows-1252"), "{}", r.stdout);
}

// ---- HTML pages -----------------------------------------------------------

const PAGE: &str = "tests/fixtures/styles/html-briefing.html";
const MINIFIED: &str = "tests/fixtures/styles/html-minified.html";

#[test]
fn html_page_turns_cite_the_page_s_lines() {
    let r = run(&["turns", PAGE, "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let turns: Vec<Turn> = jsonl(&r.stdout);
    let got: Vec<(usize, &str)> = turns
        .iter()
        .map(|t| (t.line, t.speaker.as_deref().unwrap_or("Q")))
        .collect();
    assert_eq!(
        got,
        [
            (41, "Ana Rivera"),
            (46, "Daniel Okafor"),
            (47, "Q"),
            (48, "Daniel Okafor"),
            (49, "Q"),
            (50, "Daniel Okafor"),
            (51, "Ana Rivera"),
            (54, "Q"),
            (55, "Ana Rivera"),
            (56, "Q"),
            (57, "Ana Rivera"),
        ]
    );
    // `sed -n Np` on the page shows the label; no markup in the text.
    let page = std::fs::read_to_string(PAGE).unwrap();
    let page: Vec<&str> = page.lines().collect();
    for t in &turns {
        assert!(page[t.line - 1].contains(&t.label), "{}", page[t.line - 1]);
        assert!(
            !t.text.contains('<') && !t.text.contains("&nbsp;"),
            "{}",
            t.text
        );
    }
    // A paragraph written over lines 42-44 ends the first turn at line 45.
    assert_eq!(turns[0].end_line, 45);
    assert!(turns[0].text.contains("the Gulf — the first such funding"));
    assert!(turns[0].text.contains("“the fix we’ve waited for.”"));
}

#[test]
fn html_search_lines_and_check_note() {
    // Sentences inside the paragraph written over lines 42-44.
    let hits: Vec<serde_json::Value> =
        jsonl(&run(&["search", "dredging|pilots", "-e", PAGE, "--format", "jsonl"]).stdout);
    let lines: Vec<u64> = hits.iter().map(|h| h["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [42, 44, 46]);
    let r = run(&["check", PAGE]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(":0: info: html: read as HTML: markup stripped"),
        "{}",
        r.stdout
    );
}

#[test]
fn minified_html_splits_into_turns_on_line_one() {
    let turns: Vec<Turn> = jsonl(&run(&["turns", MINIFIED, "--format", "jsonl"]).stdout);
    let who: Vec<&str> = turns
        .iter()
        .map(|t| t.speaker.as_deref().or(t.outlet.as_deref()).unwrap())
        .collect();
    assert_eq!(
        who,
        [
            "Wang Lin",
            "AFP",
            "Wang Lin",
            "Reuters",
            "Wang Lin",
            "Bloomberg",
            "Wang Lin"
        ]
    );
    assert!(turns.iter().all(|t| t.line == 1 && t.end_line == 1));
    let hits: Vec<serde_json::Value> =
        jsonl(&run(&["search", "Geneva", MINIFIED, "--format", "jsonl"]).stdout);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["line"], 1);
    assert_eq!(hits[0]["outlet"], "Reuters");
    let info: serde_json::Value =
        serde_json::from_str(&run(&["info", MINIFIED, "--format", "json"]).stdout).unwrap();
    assert_eq!(info[0]["date"], "2024-06-03");
}

#[test]
fn directories_include_html_pages() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(PAGE, dir.path().join("a.html")).unwrap();
    std::fs::copy(MINIFIED, dir.path().join("b.htm")).unwrap();
    let r = run(&["check", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<serde_json::Value> = jsonl(&r.stdout);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["diagnostics"][0]["kind"] == "html"));
}

// ---- safe walks ---------------------------------------------------------------

/// Run with a deadline: a walk that hangs fails the test instead.
fn run_within(secs: u64, args: &[&str]) -> Run {
    let mut child = whosaid()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed().as_secs() >= secs {
            let _ = child.kill();
            panic!("whosaid {args:?} did not end within {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed_unless_asked_and_loops_end() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    symlink("a.txt", d.join("link.txt")).unwrap();
    let dirs = d.to_str().unwrap();
    let r = run_within(10, &["turns", "--outlet", "cnbc", dirs]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let r = run_within(10, &["turns", "-L", "--outlet", "cnbc", dirs]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // a.txt and link.txt, once each; the loop is skipped with a note.
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert!(r.stderr.contains("symbolic link loop"), "{}", r.stderr);
    // A named link loop is an error of its own.
    symlink("loop2", d.join("loop1")).unwrap();
    symlink("loop1", d.join("loop2")).unwrap();
    let r = run_within(10, &["turns", d.join("loop1").to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("too many levels of symbolic links"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), whosaid::BUNDLED_TEXT).unwrap();
    let fifo = d.join("pipe.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: mkfifo not available");
        return;
    }
    let r = run_within(10, &["turns", "--outlet", "cnbc", d.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(
        r.stderr
            .contains("pipe.txt: skipped (a FIFO, not a regular file)"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn devices_are_refused_and_proc_ends() {
    let r = run_within(10, &["turns", "/dev/zero"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "whosaid: /dev/zero: not a regular file (a character device); \
         whosaid reads files, directories and -\n"
    );
    let r = run_within(10, &["turns", "--roster", "/dev/zero"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    // Standard input from /dev/zero: the first 8 KiB show it is binary.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = whosaid().args(["turns", "-"]).stdin(zero).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file"));
    if std::path::Path::new("/proc/self").exists() {
        let r = run_within(30, &["turns", "/proc"]);
        assert!(r.stdout.is_empty());
        assert!(matches!(r.code, 1 | 2), "{}", r.code);
    }
}

#[test]
fn inputs_larger_than_max_size_are_refused() {
    let r = run(&["turns", "--max-size", "1K", DATA]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("whosaid: {DATA}: larger than 1 KiB (the maximum input size; see --max-size)\n")
    );
    let r = whosaid_stdin()
        .args(["turns", "--max-size", "4K", "-"])
        .write_stdin(whosaid::BUNDLED_TEXT)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("larger than 4 KiB"));
    let r = run(&["turns", "--max-size", "2X", DATA]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown unit"), "{}", r.stderr);
}

#[test]
fn hidden_and_ignored_files_follow_ripgrep_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(d.join(".hidden.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(d.join("skip.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(d.join(".ignore"), "skip.txt\n").unwrap();
    let ds = d.to_str().unwrap();
    let count = |extra: &[&str]| {
        let r = run(&[&["turns", "--outlet", "cnbc"], extra, &[ds]].concat());
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout.lines().count()
    };
    assert_eq!(count(&[]), 1);
    assert_eq!(count(&["--hidden"]), 2);
    assert_eq!(count(&["--no-ignore"]), 2);
    assert_eq!(count(&["--hidden", "--no-ignore"]), 3);
}

#[test]
fn an_empty_directory_says_no_transcripts_found() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["turns", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("no transcripts found"), "{}", r.stderr);
}

// ---- decoding -------------------------------------------------------------------

#[test]
fn a_stray_bad_byte_or_control_byte_keeps_the_utf8_text() {
    let dir = tempfile::tempdir().unwrap();
    // The bundled transcript with one invalid byte on line 107 (CNBC).
    let text = whosaid::BUNDLED_TEXT;
    let at = text.find("My question is, what specific goals").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xE9);
    let bad = dir.path().join("bad-byte.txt");
    std::fs::write(&bad, &bytes).unwrap();
    let r = run(&["turns", "--outlet", "cnbc", bad.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("107: CNBC: \u{fffd}My question is"),
        "{}",
        r.stdout
    );
    // The original text is kept: not read as Windows-1252.
    let r = run(&["turns", "--speaker", "xiao yaqing", bad.to_str().unwrap()]);
    assert!(!r.stdout.contains("Â"), "{}", r.stdout);
    let r = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!(
            ":109: warning: encoding: invalid UTF-8 byte 0xE9 at byte offset {at} replaced with U+FFFD"
        )),
        "{}",
        r.stdout
    );
    // A single bell byte is a stray control character, not a binary file.
    let bell = dir.path().join("bell.txt");
    std::fs::write(&bell, text.replacen("Thank you", "Thank\x07 you", 1)).unwrap();
    let r = run(&["turns", "--format", "tsv", bell.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 31, "a header and 30 turns");
}

// ---- sentences ------------------------------------------------------------------

/// Occurrences of `phrase` in the file with its lines joined by spaces,
/// as `tr '\n' ' ' < file | grep -oF phrase | wc -l` counts them.
fn joined_grep_count(path: &str, phrase: &str) -> usize {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    text.replace(['\r', '\n'], " ").matches(phrase).count()
}

fn search_match_count(path: &str, phrase: &str) -> usize {
    let r = run(&["search", "-s", "--format", "jsonl", "--", phrase, path]);
    assert!(r.code <= 1, "{}", r.stderr);
    jsonl::<serde_json::Value>(&r.stdout)
        .iter()
        .map(|h| h["matches"].as_array().unwrap().len())
        .sum()
}

#[test]
fn phrases_with_abbreviations_are_found_as_grep_finds_them() {
    const STYLES: &str = "tests/fixtures/styles/";
    let cases: &[(&str, &str)] = &[
        (DATA, "Mr. Xiao"),
        (DATA, "Mr. Tian"),
        (DATA, "Ms. Shou"),
        (DATA, "5G"),
        ("false-label-shapes.txt", "Mr. Geithner"),
        ("false-labels.txt", "Mr. President"),
        ("layout-congress-hearing.txt", "Mr. Chairman"),
        ("layout-state-dept.txt", "U.S."),
        ("moderator-call.txt", "a.m."),
        ("uppercase-titles.txt", "Mr. President"),
        ("wh-briefing-covid-team.md", "Dr. Nunez"),
        ("wh-gaggle-jean-pierre-kirby.md", "U.S."),
        ("wh-gaggle-psaki.md", "U.S."),
    ];
    for &(file, phrase) in cases {
        let path = if file == DATA {
            file.to_string()
        } else {
            format!("{STYLES}{file}")
        };
        let grep = joined_grep_count(&path, phrase);
        assert!(grep > 0, "{file}: {phrase} is not in the file");
        assert_eq!(search_match_count(&path, phrase), grep, "{file}: {phrase}");
    }
    // The sentence is whole: the abbreviation did not end it.
    let r = run(&["search", "Thank you, Mr. Xiao"]);
    assert!(
        r.stdout
            .starts_with("65: Shou Xiaoli: Thank you, Mr. Xiao.\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_phrase_across_a_sentence_end_matches_on_the_sentence_where_it_starts() {
    let r = run(&["search", "--format", "jsonl", "mr. xiao. now the floor"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let hits: Vec<serde_json::Value> = jsonl(&r.stdout);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["line"], 65);
    let text = hits[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("Thank you, Mr. Xiao. Now the floor is open"),
        "{text}"
    );
    let m = &hits[0]["matches"][0];
    let (a, b) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[a..b].to_lowercase(), "mr. xiao. now the floor");
}

// ---- schemas ----------------------------------------------------------------------

/// Every command's tsv and csv header, pinned: the same whatever the
/// options and the number of inputs, and printed even with no rows.
#[test]
fn every_csv_and_tsv_header_is_pinned() {
    let headers: &[(&[&str], &str)] = &[
        (
            &["turns"],
            "source,turn,line,exchange,speaker,label,role,outlet,words,rule,text,id",
        ),
        (
            &["turns", "--explain"],
            "source,turn,line,exchange,speaker,label,role,outlet,words,rule,text,id",
        ),
        (
            &["search", "chips"],
            "source,turn,line,exchange,kind,speaker,label,role,outlet,before,text,after,turn_id",
        ),
        (
            &["search", "chips", "--question", "--context", "1"],
            "source,turn,line,exchange,kind,speaker,label,role,outlet,before,text,after,turn_id",
        ),
        (
            &["search", "chips", "--kwic"],
            "source,turn,line,exchange,speaker,role,outlet,left,match,right,turn_id",
        ),
        (
            &["speakers"],
            "source,speaker,role,outlet,turns,words,share,asked,answered,first_line,last_line",
        ),
        (
            &["exchanges"],
            "source,exchange,question_turn,line,outlet,asked_by,question,answered_by,answer_words",
        ),
        (
            &["info"],
            "source,title,date,time,place,language,style,turns,exchanges,words,participants",
        ),
        (
            &["check"],
            "source,status,style,turns,exchanges,words,warnings,notes,error",
        ),
    ];
    for (args, header) in headers {
        for inputs in [&[][..], &[DATA, DATA][..]] {
            for (format, sep) in [("csv", ","), ("tsv", "\t")] {
                let all = [*args, &["--format", format], inputs].concat();
                let r = run(&all);
                let want = header.replace(',', sep);
                assert_eq!(lines(&r.stdout)[0], want, "{all:?}");
            }
        }
        // No rows: the header alone.
        if args[0] != "info" && args[0] != "check" {
            let all = [*args, &["--format", "csv", "--speaker", "nobody-at-all"]].concat();
            let r = run(&all);
            assert_eq!(r.code, 1, "{all:?}");
            assert_eq!(r.stdout, format!("{header}\n"), "{all:?}");
        }
    }
}

// ---- ripgrep's everyday flags ------------------------------------------------------

#[test]
fn search_count_files_with_matches_max_count_and_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), whosaid::BUNDLED_TEXT).unwrap();
    let no_chips = whosaid::BUNDLED_TEXT
        .replace("chip", "wafer")
        .replace("Chip", "Wafer");
    std::fs::write(d.join("b.txt"), no_chips).unwrap();
    std::fs::write(d.join("c.txt"), "No dialogue here.\n").unwrap();
    std::fs::write(d.join("e.txt"), "Nor here.\n").unwrap();
    let a = d.join("a.txt").display().to_string();
    let b = d.join("b.txt").display().to_string();
    let ds = d.to_str().unwrap();
    // -c: one count per input that has a match.
    let r = run(&["search", "-w", "chips", "-c"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, "3\n"));
    let r = run(&["search", "-w", "chips", "-c", "-H"]);
    assert_eq!(r.stdout, "<bundled>:3\n");
    let r = run(&["search", "-w", "chips", "-c", ds]);
    assert_eq!(r.code, 2, "two inputs have no dialogue");
    assert_eq!(r.stdout, format!("{a}:3\n"), "b.txt has no match: no line");
    assert_eq!(r.stderr.lines().count(), 2, "{}", r.stderr);
    // --no-messages silences them; the exit status still says so.
    let r = run(&["search", "-w", "chips", "-c", "--no-messages", ds]);
    assert_eq!((r.code, r.stderr.as_str()), (2, ""));
    // -l: the sources with a match.
    let r = run(&["search", "chip", "-l", "--no-messages", ds]);
    assert_eq!(r.stdout, format!("{a}\n"));
    // -m: at most NUM hits per input.
    let r = run(&[
        "search",
        "the",
        "-m",
        "2",
        "--no-messages",
        "--format",
        "jsonl",
        ds,
    ]);
    let hits: Vec<serde_json::Value> = jsonl(&r.stdout);
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[1]["source"], a);
    assert_eq!(hits[2]["source"], b);
    // -q: nothing printed; 0 on a match even with failed inputs, else 1.
    let r = run(&["search", "chips", "-q", ds]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    let r = run(&["search", "no-such-words-here", "-q"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    // --no-filename / -H on text records.
    let r = run(&["search", "-w", "chips", "--no-filename", &a, &b]);
    assert!(
        r.stdout.starts_with("117: Tian Yulong: Chips"),
        "{}",
        r.stdout
    );
    let r = run(&["turns", "--outlet", "cnbc", "-H"]);
    assert!(
        r.stdout.starts_with("<bundled>:107: CNBC: "),
        "{}",
        r.stdout
    );
}

#[test]
fn filters_ignore_case_and_match_whole_words() {
    let r = run(&["turns", "--role", "Journalist", "--format", "tsv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 13);
    // AP is a word of no outlet here; Reuters is matched in any case.
    let r = run(&["turns", "--outlet", "ap"]);
    assert_eq!(r.code, 1);
    let r = run(&["turns", "--outlet", "REUTERS"]);
    assert_eq!(r.stdout.lines().count(), 1);
    // xiao is Xiao Yaqing, not Shou Xiaoli.
    let r = run(&["speakers", "--speaker", "xiao", "--format", "tsv"]);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    // --exact: the whole name.
    let r = run(&["turns", "--outlet", "new york", "--exact"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("did you mean New York Times?"),
        "{}",
        r.stderr
    );
    let r = run(&["turns", "--outlet", "new york times", "--exact"]);
    assert_eq!(r.stdout.lines().count(), 1);
    let r = run(&["exchanges", "--outlet", "NEW YORK", "--format", "tsv"]);
    assert_eq!(r.stdout.lines().count(), 2);
}

// ---- bounded output ------------------------------------------------------------------

#[test]
fn kwic_output_grows_with_the_hits_not_with_the_sentence() {
    // One sentence of about 1 MB with a hit every 100 characters.
    let mut sentence = String::with_capacity(1 << 20);
    while sentence.len() < 1 << 20 {
        sentence.push_str("word ".repeat(19).as_str());
        sentence.push_str("chip ");
    }
    let text = format!(
        "Transcript\n\nQ: {sentence}.\n\nA: Thank you.\n\nQ: Another question?\n\nA: Another answer.\n"
    );
    let hits = text.matches("chip").count();
    for (format, per_hit) in [("jsonl", 260), ("text", 120), ("csv", 160)] {
        let out = whosaid_stdin()
            .args([
                "search",
                "chip",
                "--kwic",
                "--context-chars",
                "20",
                "--format",
                format,
                "-",
            ])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let records = out
            .stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count();
        assert!(
            records >= hits,
            "{format}: {records} records for {hits} hits"
        );
        assert!(
            out.stdout.len() < hits * per_hit,
            "{format}: {} bytes for {hits} hits",
            out.stdout.len()
        );
    }
    let out = whosaid_stdin()
        .args([
            "search", "chip", "--kwic", "--format", "jsonl", "-m", "1", "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let first = out.stdout.split(|&b| b == b'\n').nth(1).unwrap();
    let row: serde_json::Value = serde_json::from_slice(first).unwrap();
    let left = row["left"].as_str().unwrap().chars().count();
    assert!(
        left > 0 && left <= 60,
        "default context fits 100 columns: {left}"
    );
}

// ---- pager --------------------------------------------------------------------------

#[test]
fn paging_always_uses_the_pager_and_auto_never_does_when_piped() {
    let out = whosaid()
        .args(["turns", "--outlet", "cnbc", "--paging", "always"])
        .env("WHOSAID_PAGER", "sed s/^/paged:/")
        .env("PAGER", "false")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("paged:107: CNBC: My question"),
        "{stdout}"
    );
    // $PAGER when $WHOSAID_PAGER is unset.
    let out = whosaid()
        .args(["turns", "--outlet", "cnbc", "--paging", "always"])
        .env("PAGER", "sed s/^/pager:/")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("pager:107:")
    );
    // Piped, auto: no pager, whatever the variables say.
    for paging in ["auto", "never"] {
        let out = whosaid()
            .args(["turns", "--outlet", "cnbc", "--paging", paging])
            .env("WHOSAID_PAGER", "sed s/^/paged:/")
            .output()
            .unwrap();
        assert!(
            String::from_utf8(out.stdout)
                .unwrap()
                .starts_with("107: CNBC")
        );
    }
    // A pager that quits at once (the user pressed q): quiet success.
    let out = whosaid()
        .args(["turns", "--paging", "always"])
        .env("WHOSAID_PAGER", "true")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---- small things ---------------------------------------------------------------------

#[test]
fn empty_patterns_and_exchange_zero_are_explained() {
    let r = run(&["search", ""]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("the pattern is empty"), "{}", r.stderr);
    let r = run(&["search", "-e", "^"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("can match empty text"), "{}", r.stderr);
    let r = run(&["turns", "--exchange", "0"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("exchanges are numbered from 1"),
        "{}",
        r.stderr
    );
}

#[test]
fn counts_are_plural_aware_and_check_reports_an_error_once() {
    let r = run(&["check"]);
    assert!(r.stdout.contains(", 0 warnings, 1 note\n"), "{}", r.stdout);
    let r = run(&["exchanges", "--outlet", "cnbc"]);
    assert!(r.stdout.contains("(500 words)"), "{}", r.stdout);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("prose.txt");
    std::fs::write(&bad, "Nothing but prose.\n").unwrap();
    let r = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    // Machine formats still have the row.
    let r = run(&["check", "--format", "jsonl", bad.to_str().unwrap()]);
    assert!(r.stdout.contains("\"status\":\"error\""), "{}", r.stdout);
    // An explicit table is a table.
    let r = run(&["check", "--format", "table", "--width", "80"]);
    assert!(r.stdout.starts_with("source "), "{}", r.stdout);
}

#[test]
fn roster_errors_name_line_and_column_and_duplicates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "\n[[speakers]]\nname = \"A\"\nrole = \n").unwrap();
    let r = run(&["--roster", bad.to_str().unwrap(), "turns"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("at line 4, column 8"), "{}", r.stderr);
    let dup = dir.path().join("dup.toml");
    std::fs::write(
        &dup,
        "[[speakers]]\nname = \"Xiao Yaqing\"\naliases = [\"Minister\"]\n\n\
         [[speakers]]\nname = \"Tian Yulong\"\naliases = [\"minister\"]\n",
    )
    .unwrap();
    let r = run(&["--roster", dup.to_str().unwrap(), "turns"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("'minister' names two speakers in the roster: Xiao Yaqing and Tian Yulong"),
        "{}",
        r.stderr
    );
}

#[test]
fn main_help_lists_every_input_type() {
    let r = run(&["--help"]);
    for kind in ["Markdown", "HTML", "WebVTT", "SRT"] {
        assert!(r.stdout.contains(kind), "{kind} missing from --help");
    }
}

// ---- man page -------------------------------------------------------------------------

/// One page with every subcommand and every option, naming no page that
/// does not exist; rendered by man (or mandoc) without a warning when one
/// is installed.
#[test]
fn the_man_page_is_complete_and_renders() {
    let page = run(&["generate", "man"]).stdout;
    assert!(
        !page.contains("whosaid-"),
        "names a page that is not generated"
    );
    assert!(run(&["--help"]).stdout.contains("Commands:"));
    for sub in [
        "info",
        "turns",
        "export",
        "search",
        "speakers",
        "exchanges",
        "check",
        "generate",
    ] {
        assert!(
            page.contains(&format!(".SS \"whosaid {sub}\"")),
            "{sub} missing"
        );
        // Every long option of the subcommand's --help is on the page.
        let help = run(&[sub, "--help"]).stdout;
        for word in help.split_whitespace() {
            let Some(long) = word.strip_prefix("--") else {
                continue;
            };
            let long: String = long
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if long.is_empty() || long == "help" {
                continue;
            }
            let roff = format!("\\-\\-{}", long.replace('-', "\\-"));
            assert!(
                page.contains(&roff),
                "whosaid {sub} --{long} missing from the man page"
            );
        }
    }
    assert!(page.contains("Exit status"), "examples and exit status");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whosaid.1");
    std::fs::write(&path, &page).unwrap();
    let man = std::process::Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&path)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output();
    let mandoc = || {
        std::process::Command::new("mandoc")
            .args(["-T", "lint", "-W", "warning"])
            .arg(&path)
            .output()
    };
    match man.or_else(|_| mandoc()) {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.is_empty() || text.contains("whosaid search"), "{text}");
            assert!(
                out.stderr.is_empty(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Err(_) => eprintln!("skipped: neither man nor mandoc is installed"),
    }
}

/// A FIFO named on the command line is read as it comes (`<(cmd)`, as
/// ripgrep and cat do); in a walk it is skipped (see above).
#[cfg(unix)]
#[test]
fn a_named_fifo_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("live.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: mkfifo not available");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, whosaid::BUNDLED_TEXT))
    };
    let r = run_within(10, &["turns", "--outlet", "cnbc", fifo.to_str().unwrap()]);
    writer.join().unwrap().unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("107: CNBC: "), "{}", r.stdout);
}

#[test]
fn several_inputs_make_one_table_with_a_source_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), whosaid::BUNDLED_TEXT).unwrap();
    std::fs::write(d.join("b.txt"), whosaid::BUNDLED_TEXT).unwrap();
    let r = run(&[
        "search",
        "-w",
        "chips",
        "--format",
        "table",
        "--width",
        "100",
        d.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let header: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("source"))
        .collect();
    assert_eq!(header.len(), 1, "one table:\n{}", r.stdout);
    assert!(
        r.stdout.contains("a.txt") && r.stdout.contains("b.txt"),
        "{}",
        r.stdout
    );
    // A reporter known only by outlet is named once, in the speaker column.
    let r = run(&[
        "turns", "--outlet", "cnbc", "--format", "table", "--width", "120",
    ]);
    let row = r.stdout.lines().nth(2).unwrap();
    assert_eq!(row.matches("CNBC").count(), 1, "{row}");
    assert!(
        !r.stdout.lines().next().unwrap().contains("label"),
        "{}",
        r.stdout
    );
    let r = run(&[
        "turns",
        "--outlet",
        "cnbc",
        "--format",
        "table",
        "--explain",
    ]);
    assert!(
        r.stdout.lines().next().unwrap().contains("label"),
        "{}",
        r.stdout
    );
    // --full shows the whole text.
    let r = run(&[
        "turns",
        "--speaker",
        "tian",
        "--format",
        "table",
        "--width",
        "80",
        "--full",
    ]);
    assert!(r.stdout.lines().count() > 60, "{}", r.stdout);
    assert!(!r.stdout.contains('…'));
}

#[cfg(target_os = "linux")]
#[test]
fn a_name_too_long_has_its_own_message() {
    let long = "a".repeat(300) + ".txt";
    let r = run(&["turns", &long]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, format!("whosaid: {long}: file name too long\n"));
}

#[test]
fn quote_and_cite_of_unreadable_inputs_print_only_the_errors() {
    let r = run(&["quote", "hello world again", "/nonexistent/briefing.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "whosaid: /nonexistent/briefing.txt: no such file or directory\n"
    );
    let r = run(&["cite", "abcdef", "/nonexistent/briefing.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "whosaid: /nonexistent/briefing.txt: no such file or directory\n"
    );
}
