//! Stable turn ids on the bundled transcript: the same on every parse,
//! unchanged for the turns an edit does not touch, distinct for identical
//! turns; written in every format and accepted by `--id`.

mod common;

use common::whosaid;
use whosaid::BUNDLED_TEXT;

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";

fn ids_of(text: &str) -> Vec<String> {
    whosaid::parse_bytes(text.as_bytes(), "copy.txt")
        .unwrap()
        .transcript
        .turn_ids()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = whosaid()
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn ids_are_the_same_on_every_parse_and_all_distinct() {
    let first = ids_of(BUNDLED_TEXT);
    let second = ids_of(BUNDLED_TEXT);
    assert_eq!(first, second);
    assert_eq!(first.len(), 30);
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 30, "{first:?}");
    for id in &first {
        assert_eq!(id.len(), 10, "{id}");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_digit() || (b.is_ascii_lowercase() && !b"ilou".contains(&b))),
            "{id}"
        );
    }
}

#[test]
fn editing_one_turn_changes_only_its_id() {
    let before = ids_of(BUNDLED_TEXT);
    // Turn 2 (Xiao Yaqing's opening statement) holds this sentence once.
    let edited = BUNDLED_TEXT.replacen(
        "China has contributed nearly 30% of global manufacturing output.",
        "China has contributed nearly 31% of global manufacturing output.",
        1,
    );
    assert_ne!(edited, BUNDLED_TEXT);
    let after = ids_of(&edited);
    let changed: Vec<usize> = (0..30).filter(|&i| before[i] != after[i]).collect();
    assert_eq!(changed, [1], "only turn 2 changes");
    // A changed header, a blank line and new typography elsewhere change
    // no id.
    let retouched = BUNDLED_TEXT
        .replacen(
            "SCIO briefing on development of industry and information technology",
            "SCIO briefing on industry",
            1,
        )
        .replacen("Let's invite Mr. Tian", "Let\u{2019}s invite  Mr. Tian", 1)
        .replacen("Xiao Yaqing:\n", "\nXiao Yaqing:\n", 1);
    assert_ne!(retouched, BUNDLED_TEXT);
    assert_eq!(ids_of(&retouched), before);
}

#[test]
fn identical_turns_get_distinct_ids_by_occurrence() {
    let text = "MODERATOR: Welcome. Questions, please.\n\n\
                Anna Petrova, Kommersant: Minister, what did you agree?\n\n\
                Sergei Volkov: Thank you.\n\n\
                Anna Petrova, Kommersant: And the gas price?\n\n\
                Sergei Volkov: Thank you.\n";
    let parsed = whosaid::parse_bytes(text.as_bytes(), "t").unwrap();
    let turns = &parsed.transcript.turns;
    assert_eq!(turns.len(), 5);
    assert_eq!(turns[2].text, turns[4].text);
    let ids = parsed.transcript.turn_ids();
    assert_ne!(ids[2], ids[4]);
    assert_eq!(ids[4], format!("{}-2", ids[2]));
}

#[test]
fn every_format_carries_the_id() {
    let ids = ids_of(BUNDLED_TEXT);
    // JSON Lines and the export: `id` on each turn.
    let (code, out, _) = run(&["turns", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let from_jsonl: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(from_jsonl, ids);
    let (_, out, _) = run(&["export", "--compact"]);
    let export: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(export["schema"], "1.1");
    let from_export: Vec<&str> = export["turns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(from_export, ids);
    // tsv and csv: the last column.
    for (format, sep) in [("tsv", '\t'), ("csv", ',')] {
        let (_, out, _) = run(&["turns", "--format", format, "--outlet", "reuters"]);
        let row = out.lines().nth(1).unwrap();
        assert!(row.ends_with(&format!("{sep}{}", ids[12])), "{row}");
    }
    // search hits name the turn's id.
    let (_, out, _) = run(&[
        "search",
        "-w",
        "chips",
        "--speaker",
        "tian",
        "--format",
        "jsonl",
    ]);
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["turn_id"], ids[9].as_str(), "{l}");
    }
    let (_, out, _) = run(&["search", "chips", "--kwic", "--ids", "--speaker", "yicai"]);
    assert!(
        out.starts_with(&format!("  276  {} Yicai ", ids[27])),
        "{out}"
    );
    // Text and table: only with --ids.
    let (_, plain, _) = run(&["turns", "--outlet", "reuters"]);
    assert!(!plain.contains(&ids[12]));
    let (_, text, _) = run(&["turns", "--outlet", "reuters", "--ids"]);
    assert!(
        text.starts_with(&format!("143: {}: Reuters: How well", ids[12])),
        "{text}"
    );
    let (_, table, _) = run(&[
        "turns", "--outlet", "reuters", "--ids", "--format", "table", "--width", "120",
    ]);
    assert!(
        table.lines().next().unwrap().trim_end().ends_with(" id"),
        "{table}"
    );
    assert!(table.contains(&ids[12]), "{table}");
}

#[test]
fn id_picks_turns_whole_or_by_a_prefix() {
    let ids = ids_of(BUNDLED_TEXT);
    let (code, out, _) = run(&["turns", "--id", &ids[12], "--format", "tsv"]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].starts_with("<bundled>\t13\t143\t"), "{}", rows[0]);
    // Six characters will do; several --id are alternatives; other
    // filters still hold.
    let (_, out, _) = run(&[
        "turns",
        "--id",
        &ids[12][..6].to_uppercase(),
        "--id",
        &ids[9],
    ]);
    assert_eq!(out.lines().count(), 2, "{out}");
    let (code, out, _) = run(&["turns", "--id", &ids[12], "--role", "official"]);
    assert_eq!((code, out.as_str()), (1, ""));
    // search: only the hits of that turn.
    let (code, out, _) = run(&["search", "chip", "--id", &ids[9], "--format", "tsv"]);
    assert_eq!(code, 0);
    assert!(out.lines().count() > 2);
    assert!(
        out.lines()
            .skip(1)
            .all(|l| l.split('\t').nth(1) == Some("10")),
        "{out}"
    );
    // Too short, or not an id: a usage error.
    for bad in ["abc", "abcdefghjkmnp", "i0i0i0"] {
        let (code, _, err) = run(&["turns", "--id", bad]);
        assert_eq!(code, 2, "{bad}");
        assert!(err.contains("turn id"), "{err}");
    }
}

#[test]
fn a_file_and_the_bundled_text_have_the_same_ids() {
    let ids = ids_of(BUNDLED_TEXT);
    let (_, out, _) = run(&["turns", DATA, "--format", "jsonl", "--ids"]);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], ids[0].as_str());
}
