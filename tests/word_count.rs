//! `parse::body::count_words` must count exactly what
//! `unicode_words().count()` counts (the golden tests pin turn word counts).
//! Generated text mixes ASCII with the characters that decide UAX #29
//! boundaries: combining marks, joiners, format characters, other spaces,
//! quotes and dashes, Hebrew, regional indicators, emoji, CJK.
//! `examples/word_count.rs` checks every turn of a corpus.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use whosaid::parse::{count_words, starts_cleanly};

fn reference(s: &str) -> usize {
    s.unicode_words().count()
}

/// Pieces that exercise the word-boundary rules next to spaces.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "q",
    "7",
    "0",
    "_",
    ".",
    ",",
    ";",
    ":",
    "'",
    "\"",
    "-",
    "!",
    "?",
    "(",
    ")",
    "/",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\t",
    "\u{b}",
    "\u{c}",
    "don't",
    "1,000",
    "3.14",
    "e.g.",
    "U.S.",
    "a:b",
    "x_y",
    "__",
    "12'5",
    "é",
    "ñ",
    "Ø",
    "ß",
    "ł",
    "×",
    "·",
    "¿",
    "\u{ad}",
    "\u{a0}",
    "’",
    "‘",
    "“",
    "”",
    "—",
    "–",
    "…",
    "\u{2024}",
    "\u{2027}",
    "\u{2018}s",
    "’s",
    "\u{301}",
    "\u{308}",
    "\u{93f}",
    "\u{200d}",
    "\u{200c}",
    "\u{200b}",
    "\u{2060}",
    "\u{feff}",
    "\u{3000}",
    "\u{2002}",
    "\u{1680}",
    "\u{2028}",
    "\u{85}",
    "中",
    "文",
    "。",
    "カ",
    "ｶ",
    "ー",
    "א",
    "ב",
    "״",
    "׳",
    "٣",
    "ـ",
    "🇺",
    "🇸",
    "👍",
    "\u{1f3fb}",
    "❤",
    "\u{fe0f}",
    "🧑\u{200d}🚀",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

fn ascii_text() -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..128, 0..120).prop_map(|v| v.into_iter().map(char::from).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn same_count_as_unicode_words(s in text()) {
        prop_assert_eq!(count_words(&s), reference(&s), "{:?}", s);
    }

    /// ASCII text with one non-ASCII piece, so the chunked path runs.
    #[test]
    fn same_count_on_mostly_ascii(a in ascii_text(), p in piece(), b in ascii_text()) {
        let s = format!("{a}{p}{b}");
        prop_assert_eq!(count_words(&s), reference(&s), "{:?}", s);
    }
}

/// The property `count_words` relies on, for every character it admits:
/// nothing joins it to a run of spaces or line feeds before it.
#[test]
fn clean_starts_always_follow_a_boundary() {
    for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
        let s = c.to_string();
        if !starts_cleanly(&s) {
            continue;
        }
        for gap in [" ", "  ", "\n", " \n ", "\n\n"] {
            let text = format!("x{gap}{c}y");
            let at = 1 + gap.len();
            assert!(
                text.split_word_bound_indices().any(|(i, _)| i == at),
                "{c:?} joins the run before it: {:?}",
                text.split_word_bounds().collect::<Vec<_>>()
            );
        }
    }
}

/// Characters between words and next to spaces: every one in the ranges
/// that hold Latin, the combining marks, the other scripts with spaces,
/// general punctuation, joiners, variation selectors and emoji; every 61st
/// elsewhere (all of them takes a debug build 15 s).
#[test]
fn characters_around_spaces() {
    let dense =
        |u: u32| u < 0x3000 || (0xfe00..=0xffff).contains(&u) || (0x1f000..0x1fb00).contains(&u);
    let chars = (0..=0x10ffff_u32).filter(|&u| dense(u) || u % 61 == 0);
    for c in chars.filter_map(char::from_u32) {
        for s in [
            format!("ab {c}cd ef"),
            format!("ab{c} cd"),
            format!("1 {c}2 x"),
            format!("é {c} a"),
        ] {
            assert_eq!(count_words(&s), reference(&s), "{s:?}");
        }
    }
}

/// The quotes, dashes and ellipsis that `count_words` reads inline, in
/// every context of two characters on one side and one on the other, drawn
/// from one character of each ASCII word-break class and a few others.
#[test]
fn typographic_characters_in_context() {
    let reps = [
        "a", "Z", "5", "_", ".", "'", "\"", ":", ",", " ", "\n", "\r", "-", "é", "’", "\u{301}",
    ];
    for c in ["–", "—", "‘", "’", "“", "”", "…", "."] {
        for x in reps {
            for y in reps {
                for z in reps {
                    for s in [format!("{x}{y}{c}{z}"), format!("{x}{c}{y}{z}")] {
                        assert_eq!(count_words(&s), reference(&s), "{s:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn examples() {
    for s in [
        "",
        "word",
        "“Quoted,” he said — twice… don’t 1,000 e.g. U.S.",
        "Two paragraphs.\n\nSecond one’s here.",
        "a \u{301}b c",
        "a \u{200d}b",
        "a\u{3000} b",
        "中文 text 和 English",
        "🇺🇸 flag 🇺 🇸",
    ] {
        assert_eq!(count_words(s), reference(s), "{s:?}");
    }
}
