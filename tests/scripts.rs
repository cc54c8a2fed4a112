//! Words and sentences in every script: `search` cuts sentences at the
//! end marks of each script and `-w` matches whole words as the Unicode
//! word segmentation has them (each Han character a word), consistently
//! with turn word counts; on the language fixtures and
//! tests/fixtures/scripts (one conference asked in seven languages).

use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

mod common;
use common::whosaid;

const GENEVA: &str = "tests/fixtures/scripts/geneva-multilingual.txt";
const ZH: &str = "tests/fixtures/langs/zh-mfa-jizhehui.txt";

/// Exit status and the JSON Lines records of one run.
fn records(args: &[&str]) -> (i32, Vec<Value>) {
    let out = whosaid().args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), records)
}

/// The sentences a search prints, as `line<TAB>text`.
fn sentences(args: &[&str]) -> Vec<String> {
    let args = [args, &["--format", "jsonl"]].concat();
    records(&args)
        .1
        .iter()
        .map(|r| format!("{}\t{}", r["line"], r["text"].as_str().unwrap()))
        .collect()
}

#[test]
fn sentence_ends_of_every_script() {
    let all = sentences(&["search", "-e", ".", GENEVA]);
    for expected in [
        // French guillemets set off by spaces close their sentence.
        "6\tLe ministre a dit : « Nous signerons. »",
        "6\tQuand exactement ?",
        // Spanish: `¿` after a word opens a question; after a comma it
        // stays inside the sentence; `¡` opens one.
        "10\tGracias ministro",
        "10\t¿Cuándo se firmará el acuerdo?",
        "10\tSi no se firma, ¿qué pasará?",
        "10\t¡Es urgente!",
        // Japanese: a quotation before と goes on; `「` after `？` opens.
        "14\t大臣は「問題ない。」と述べました。",
        "14\t本当ですか？",
        "14\t「署名は六月。」",
        // A hesitation is no end.
        "16\t詳細は後ほど……発表します。",
        // Chinese: `“` after `。` opens the next sentence; `．` ends one.
        "18\t我想问两个问题。",
        "18\t“协议何时生效？”",
        "18\t谢谢！",
        "20\t记者会后我们将发布全文．",
        // Arabic question mark.
        "22\tهل سيوقع الوزير الاتفاق؟",
        "22\tشكراً.",
    ] {
        assert!(
            all.contains(&expected.to_string()),
            "{expected} not in {all:#?}"
        );
    }
    assert_eq!(all.len(), 35, "{all:#?}");
}

#[test]
fn english_sentences_are_cut_as_before() {
    // `Mr.` ends no sentence; `Xiao.` does (a regex is matched sentence
    // by sentence).
    let all = sentences(&["search", "-e", "Thank you, Mr\\. Xiao\\."]);
    assert_eq!(all, ["65\tThank you, Mr. Xiao."]);
}

/// Every Han character is a word: `-w` finds a Chinese word wherever the
/// plain search does (before, only between punctuation).
#[test]
fn whole_words_in_chinese_are_every_occurrence() {
    for word in ["记者", "中方", "回应"] {
        let (code, plain) = records(&["search", word, ZH, "-c"]);
        let (w_code, whole) = records(&["search", "-w", word, ZH, "-c"]);
        assert_eq!((code, w_code), (0, 0), "{word}");
        assert_eq!(plain, whole, "{word}");
    }
    let hits = sentences(&["search", "-w", "记者", GENEVA]);
    assert_eq!(
        hits,
        ["18\t各位记者朋友好。", "20\t记者会后我们将发布全文．"]
    );
}

#[test]
fn whole_words_in_alphabets_with_spaces() {
    // `мир` but not `мира`, in any case (smart case).
    assert_eq!(
        sentences(&["search", "-w", "мир", GENEVA]),
        ["26\tБудет ли мир в регионе?", "28\tМир — наша цель."]
    );
    // `été` but not inside `étéphone`, after an elided article.
    assert_eq!(
        sentences(&["search", "-w", "été", GENEVA]),
        [
            "6\tEt l'été prochain, avec qui ?",
            "8\tLe texte dit « avant l'été ».",
            "8\tL'étéphone n'existe pas, mais l'été commence en juin."
        ]
    );
    let (code, kwic) = records(&["search", "-w", "été", GENEVA, "--kwic", "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(kwic.len(), 3, "one match per été, none in étéphone");
    // Only `мира` in this briefing: nothing found, exit 1.
    let ru = "tests/fixtures/langs/ru-mid-briefing.txt";
    let (code, hits) = records(&["search", "-w", "мир", ru, "-c"]);
    assert_eq!((code, hits.len()), (1, 0));
    let (code, hits) = records(&["search", "мир", ru, "-c"]);
    assert_eq!((code, hits), (0, vec![Value::from(1)]));
    // Hangul: a word is what is written between spaces, particle and all.
    let ko = "tests/fixtures/langs/ko-mofa-briefing.txt";
    assert_eq!(records(&["search", "-w", "장관", ko, "-c"]).0, 1);
    assert_eq!(
        records(&["search", "-w", "장관은", ko, "-c"]).1,
        [Value::from(1)]
    );
}

/// A turn's `words` counts the Unicode words of its text: in Chinese,
/// one per Han character and one per run of digits or Latin letters; and
/// `-w` finds each of those words.
#[test]
fn word_counts_follow_the_same_words() {
    let (_, turns) = records(&["turns", ZH, "--format", "jsonl"]);
    assert!(turns.len() >= 10);
    for turn in &turns {
        let text = turn["text"].as_str().unwrap();
        let han = text.chars().filter(|c| is_han(*c)).count();
        let runs = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|r| !r.is_empty())
            .count();
        assert_eq!(turn["words"], han + runs, "{text}");
    }
    // Each word of a turn, searched whole, is found in that turn.
    let text = turns[1]["text"].as_str().unwrap();
    for word in text.unicode_words().step_by(7) {
        let (code, hits) = records(&[
            "search", "-w", "-s", word, ZH, "--turn", "--format", "jsonl",
        ]);
        assert_eq!(code, 0, "{word}");
        assert!(hits.iter().any(|h| h["text"] == text), "{word}");
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}
