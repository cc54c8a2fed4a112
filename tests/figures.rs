//! `whosaid figures` on the bundled transcript: who stated which quantity,
//! where, in every format; what is left out (years, dates, codes); the
//! narrowing options and the exit status.

mod common;

use serde_json::Value;
use std::process::Stdio;

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = common::whosaid()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn jsonl(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["figures", "--format", "jsonl"];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_718000_base_stations_are_xiao_yaqings_in_exchanges_8_and_9() {
    let rows = jsonl(&["--min", "718000", "--max", "718,000"]);
    let got: Vec<(&str, i64, i64, i64, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["speaker"].as_str().unwrap(),
                r["exchange"].as_i64().unwrap(),
                r["turn"].as_i64().unwrap(),
                r["line"].as_i64().unwrap(),
                r["unit"].as_str().unwrap(),
                r["figure"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Xiao Yaqing",
                8,
                21,
                213,
                "base stations",
                "over 718,000 base stations"
            ),
            (
                "Xiao Yaqing",
                9,
                23,
                227,
                "5G base stations",
                "over 718,000 5G base stations"
            ),
        ]
    );
    for r in &rows {
        assert_eq!(r["value"], 718000);
        assert_eq!(r["qualifier"], "over");
        assert_eq!(r["role"], "official");
        let (s, a, b) = (
            r["sentence"].as_str().unwrap(),
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&s[a..b], r["figure"].as_str().unwrap());
    }
    // The same attribution as `search` gives for the literal text.
    let search = run(&["search", "718,000", "--format", "jsonl"]);
    let hits: Vec<Value> = search
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let where_search: Vec<(Value, Value, Value)> = hits
        .iter()
        .map(|h| (h["speaker"].clone(), h["turn"].clone(), h["line"].clone()))
        .collect();
    let where_figures: Vec<(Value, Value, Value)> = rows
        .iter()
        .map(|h| (h["speaker"].clone(), h["turn"].clone(), h["line"].clone()))
        .collect();
    assert_eq!(where_search, where_figures);
}

#[test]
fn values_carry_their_scale_units_and_qualifiers() {
    let rows = jsonl(&["--exchange", "7"]);
    let ta_kung_pao = &rows[0];
    assert_eq!(ta_kung_pao["outlet"], "Ta Kung Pao");
    assert_eq!(ta_kung_pao["speaker"], Value::Null);
    assert_eq!(ta_kung_pao["value"], 31_310_000_000_000i64);
    assert_eq!(ta_kung_pao["kind"], "money");
    let percent = jsonl(&["--unit", "percent", "--max", "30", "--min", "30"]);
    assert_eq!(percent.len(), 1);
    assert_eq!(percent[0]["figure"], "nearly 30%");
    assert_eq!(percent[0]["unit"], "%");
    assert_eq!(percent[0]["line"], 43);
    assert_eq!(
        percent[0]["sentence"],
        "China has contributed nearly 30% of global manufacturing output."
    );
    let points = jsonl(&["--unit", "percentage points"]);
    let values: Vec<f64> = points
        .iter()
        .map(|r| r["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, vec![4.9, 0.8]);
    assert_eq!(points[1]["qualifier"], "down");
    let tons = jsonl(&["--unit", "metric tons", "--role", "journalist"]);
    assert_eq!(tons.len(), 1);
    assert_eq!(tons[0]["value"], 1_100_000_000i64);
    assert_eq!(tons[0]["outlet"], "Yicai");
}

#[test]
fn years_dates_codes_and_phone_numbers_are_not_figures() {
    let rows = jsonl(&[]);
    assert!(rows.len() > 50, "{} figures", rows.len());
    for r in &rows {
        let v = r["value"].as_f64().unwrap();
        let figure = r["figure"].as_str().unwrap();
        for year in [
            2013.0, 2016.0, 2019.0, 2020.0, 2021.0, 2025.0, 2030.0, 2035.0, 2060.0, 1972.0, 1986.0,
        ] {
            assert_ne!(v, year, "a year read as a figure: {figure}");
        }
        assert_ne!(v, 12321.0, "the complaints phone number: {figure}");
        for code in ["COVID", "5G ", "4G", "6G", "707 ", "14th", "13th"] {
            assert!(!figure.starts_with(code), "{figure}");
        }
    }
    // 5G base stations keep 5G in their unit; 707 is part of the aircraft.
    assert!(rows.iter().any(|r| r["unit"] == "Boeing 707 aircraft"));
}

#[test]
fn filters_narrow_and_nothing_found_exits_1() {
    let tian = jsonl(&["--speaker", "tian", "--unit", "yuan"]);
    assert_eq!(tian.len(), 1);
    assert_eq!(tian[0]["value"], 884_800_000_000i64);
    let r = run(&["figures", "--min", "1e20"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let r = run(&["figures", "--unit", "no such unit", "--format", "csv"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "source,turn,line,exchange,speaker,label,role,outlet,value,unit,qualifier,kind,figure,sentence,turn_id\n"
    );
    let r = run(&["figures", "--min", "lots"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("'lots' is not an amount"), "{}", r.stderr);
}

#[test]
fn every_format() {
    let text = run(&["figures", "--min", "30", "--max", "30", "--unit", "%"]);
    assert_eq!(
        text.stdout,
        "43: Xiao Yaqing: nearly 30%: China has contributed nearly 30% of global manufacturing output.\n"
    );
    let tsv = run(&[
        "figures",
        "--format",
        "tsv",
        "--speaker",
        "tian",
        "--unit",
        "yuan",
    ]);
    let lines: Vec<&str> = tsv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "source\tturn\tline\texchange\tspeaker\tlabel\trole\toutlet\tvalue\tunit\tqualifier\tkind\tfigure\tsentence\tturn_id"
    );
    let cells: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(
        cells[..13],
        [
            "<bundled>",
            "10",
            "117",
            "3",
            "Tian Yulong",
            "Tian Yulong",
            "official",
            "",
            "884800000000",
            "yuan",
            "",
            "money",
            "884.8 billion yuan"
        ]
    );
    let json = run(&["figures", "--format", "json", "--exchange", "12"]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    let units: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["unit"].as_str().unwrap())
        .collect();
    assert_eq!(
        units,
        ["metric tons", "metric tons", "U.S. dollars", "kg", "kg"]
    );
    let table = run(&[
        "figures",
        "--format",
        "table",
        "--width",
        "100",
        "--exchange",
        "12",
    ]);
    assert!(
        table.stdout.starts_with("turn  line  speaker"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("575kg"), "{}", table.stdout);
}

#[test]
fn a_directory_names_each_source() {
    let r = run(&["figures", "data/", "--unit", "kg", "--format", "tsv"]);
    let sources: Vec<&str> = r
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(sources, [DATA, DATA]);
}

#[test]
fn text_and_table_print_the_figure_as_written() {
    let text = run(&[
        "figures",
        "--speaker",
        "xiao",
        "--unit",
        "yuan",
        "--max",
        "3e13",
    ]);
    let first = text.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("43: Xiao Yaqing: 23.5 trillion yuan: First,"),
        "{first}"
    );
    assert!(!text.stdout.contains("23500000000000"), "{}", text.stdout);
    let table = run(&[
        "figures", "--format", "table", "--width", "120", "--unit", "yuan", "--max", "3e13",
    ]);
    assert!(
        table.stdout.contains("23.5 trillion yuan"),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("23500000000000"), "{}", table.stdout);
    // Machines keep the number.
    let tsv = run(&[
        "figures", "--format", "tsv", "--unit", "yuan", "--max", "3e13",
    ]);
    assert!(tsv.stdout.contains("\t23500000000000\t"), "{}", tsv.stdout);
}

#[test]
fn each_figure_carries_its_turns_stable_id_as_search_does() {
    let figs = jsonl(&["--min", "718000", "--max", "718000"]);
    let search = run(&["search", "718,000", "--format", "jsonl"]);
    let hits: Vec<Value> = search
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(figs.len(), 2);
    for (f, h) in figs.iter().zip(&hits) {
        assert_eq!(f["turn"], h["turn"]);
        assert_eq!(f["turn_id"], h["turn_id"]);
        assert_eq!(f["turn_id"].as_str().unwrap().len(), 10);
    }
    // --id picks a turn's figures; --ids shows the id in text.
    let id = figs[1]["turn_id"].as_str().unwrap();
    let one = jsonl(&["--id", &id[..6], "--min", "718000", "--max", "718000"]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["line"], 227);
    let text = run(&["figures", "--ids", "--id", id, "--min", "718000"]);
    assert!(
        text.stdout
            .starts_with(&format!("227: {id}: Xiao Yaqing: over 718,000")),
        "{}",
        text.stdout
    );
    let tsv = run(&["figures", "--format", "tsv", "--id", id, "--min", "718000"]);
    let head = tsv.stdout.lines().next().unwrap();
    assert!(head.ends_with("\tsentence\tturn_id"), "{head}");
    assert!(
        tsv.stdout
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(&format!("\t{id}"))
    );
}
