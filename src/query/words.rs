//! Whole words in every script, for `-w`: where a word may start or end.
//!
//! A place in a text is a word boundary when the regex crate's Unicode
//! `\b` puts one there (a word character on one side only), and also
//! between two word characters where the Unicode word segmentation
//! (UAX #29, the rules `unicode-segmentation` implements and that turn
//! word counts follow) separates two words: every Han character and every
//! Hiragana character is a word of its own, a Katakana run is one word,
//! and a change of script inside a run of letters (`5G网络`, `AIの`) is a
//! boundary. So `-w 记者` finds 记者 inside 各位记者朋友, while `-w мир`
//! still does not match in `мира` nor `-w été` in `étéphone`: for
//! alphabets written with spaces nothing changes (UAX #29's joining of
//! `don't` and `U.S.` is not taken: `\b` decides there, as it always has).
//!
//! [`find`] gives the matches of a pattern that start and end at such
//! boundaries, leftmost first. Pure functions over text: no I/O.

use regex::Regex;
use regex_syntax::is_word_character;
use unicode_segmentation::UnicodeSegmentation;

/// Characters of context before a place that decide whether it is a
/// UAX #29 boundary: enough to skip the combining marks on the letter
/// before it (rule WB4).
const LOOK_BEHIND: usize = 8;

/// Is byte offset `at` of `text` (a character boundary) a word boundary?
pub fn is_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) if is_word_character(b) && is_word_character(a) => {
            separates_words(text, at, b, a)
        }
        (b, a) => b.is_some_and(is_word_character) != a.is_some_and(is_word_character),
    }
}

/// Does UAX #29 put a word boundary at `at`, between the word characters
/// `before` and `after`? ASCII letters, digits and `_` never part.
fn separates_words(text: &str, at: usize, before: char, after: char) -> bool {
    if before.is_ascii() && after.is_ascii() {
        return false;
    }
    let from = text[..at]
        .char_indices()
        .rev()
        .nth(LOOK_BEHIND - 1)
        .map_or(0, |(i, _)| i);
    let to = text[at..]
        .char_indices()
        .nth(2)
        .map_or(text.len(), |(i, _)| at + i);
    text[from..to]
        .split_word_bound_indices()
        .any(|(i, _)| from + i == at)
}

/// Does the text hold a place where [`is_boundary`] differs from `\b`?
/// Only between two word characters one of which is not ASCII.
pub fn may_part_within_letters(text: &str) -> bool {
    !text.is_ascii()
}

/// Matches of `strict` (the pattern between `\b`s) or of `loose` (the
/// bare pattern) whose both ends are word boundaries, leftmost first,
/// not overlapping, non-empty.
///
/// `strict` finds every match whose ends are `\b` boundaries, with the
/// regex's own preference among them; `loose` adds the places only UAX #29
/// makes boundaries (its preferred match at a place is kept when both its
/// ends are boundaries). On text without such places the result is exactly
/// `strict`'s.
pub fn find(strict: &Regex, loose: &Regex, text: &str) -> Vec<(usize, usize)> {
    let with_loose = may_part_within_letters(text);
    let mut out = Vec::new();
    let mut at = 0;
    let mut next_strict = nonempty(strict, text, at);
    let mut next_loose = if with_loose {
        whole(loose, text, at)
    } else {
        None
    };
    loop {
        let m = match (next_strict, next_loose) {
            (Some(s), Some(l)) if l.0 <= s.0 => l,
            (Some(s), _) => s,
            (None, Some(l)) => l,
            (None, None) => break,
        };
        out.push(m);
        at = m.1;
        // A match found before is still the next one if it starts after.
        if next_strict.is_some_and(|s| s.0 < at) {
            next_strict = nonempty(strict, text, at);
        }
        if next_loose.is_some_and(|l| l.0 < at) {
            next_loose = whole(loose, text, at);
        }
    }
    out
}

/// The first non-empty match of `re` from `at`.
fn nonempty(re: &Regex, text: &str, mut at: usize) -> Option<(usize, usize)> {
    while at <= text.len() {
        let m = re.find_at(text, at)?;
        if !m.is_empty() {
            return Some((m.start(), m.end()));
        }
        at = after_char(text, m.end());
    }
    None
}

/// The first non-empty match of `re` from `at` that starts and ends at
/// word boundaries.
fn whole(re: &Regex, text: &str, mut at: usize) -> Option<(usize, usize)> {
    while at <= text.len() {
        let m = re.find_at(text, at)?;
        if !m.is_empty() && is_boundary(text, m.start()) && is_boundary(text, m.end()) {
            return Some((m.start(), m.end()));
        }
        at = after_char(text, m.start());
    }
    None
}

/// The offset after the character at `at` (past the end at the end).
fn after_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(pattern: &str, text: &str) -> Vec<String> {
        let body = regex::escape(pattern);
        let strict = Regex::new(&format!(r"(?i)\b(?:{body})\b")).unwrap();
        let loose = Regex::new(&format!("(?i)(?:{body})")).unwrap();
        find(&strict, &loose, text)
            .into_iter()
            .map(|(a, b)| text[a..b].to_string())
            .collect()
    }

    #[test]
    fn han_characters_are_words_of_their_own() {
        assert_eq!(words_of("记者", "各位记者朋友，下午好。"), ["记者"]);
        assert_eq!(words_of("者朋", "各位记者朋友"), ["者朋"]);
        assert_eq!(words_of("5G", "5G网络"), ["5G"]);
        assert_eq!(words_of("网络", "5G网络建设"), ["网络"]);
    }

    #[test]
    fn kana_and_hangul_follow_the_segmentation() {
        // A Katakana run is one word; each Hiragana is one.
        assert_eq!(
            words_of("カタカナ", "ひらがなとカタカナのテスト"),
            ["カタカナ"]
        );
        assert!(words_of("カタ", "ひらがなとカタカナのテスト").is_empty());
        assert_eq!(words_of("がな", "ひらがなと"), ["がな"]);
        // Hangul words are written between spaces.
        assert_eq!(words_of("단어", "한국어 단어 단어입니다"), ["단어"]);
    }

    #[test]
    fn alphabets_with_spaces_keep_whole_words() {
        assert_eq!(words_of("été", "L'été, étéphone"), ["été"]);
        assert!(words_of("мир", "мира и миру").is_empty());
        assert_eq!(words_of("мир", "Мир и мира"), ["Мир"]);
        assert!(words_of("بكم", "بكمال").is_empty());
        assert_eq!(words_of("بكم", "مرحبا بكم؟"), ["بكم"]);
        // As `\b` says, not UAX #29 (which joins `don't`).
        assert_eq!(words_of("don", "I don't"), ["don"]);
    }

    /// On Latin text (curly quotes, accents, dashes and all) the whole
    /// words are exactly `\b`'s, whatever the pattern: every line of the
    /// style fixtures whose letters are all Latin.
    #[test]
    fn latin_text_keeps_the_regex_word_boundaries() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
        let latin = |c: char| {
            !c.is_alphabetic() || (c as u32) < 0x250 || ('\u{1e00}'..='\u{1eff}').contains(&c)
        };
        let patterns = [
            r"the",
            r"don",
            r"U\.S",
            r"chips?|chip",
            r"\w+ing",
            r"é\w*",
            r"\d+",
            r"[“”]\w+",
        ];
        let regexes: Vec<(Regex, Regex)> = patterns
            .iter()
            .map(|p| {
                let strict = Regex::new(&format!(r"(?i)\b(?:{p})\b")).unwrap();
                (strict, Regex::new(&format!("(?i)(?:{p})")).unwrap())
            })
            .collect();
        let (mut lines, mut matches) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else {
                continue;
            };
            for line in text
                .lines()
                .filter(|l| !l.is_ascii() && l.chars().all(latin))
            {
                lines += 1;
                for (strict, loose) in &regexes {
                    let want: Vec<(usize, usize)> = strict
                        .find_iter(line)
                        .filter(|m| !m.is_empty())
                        .map(|m| (m.start(), m.end()))
                        .collect();
                    matches += want.len();
                    assert_eq!(
                        find(strict, loose, line),
                        want,
                        "{} in {line}",
                        strict.as_str()
                    );
                }
            }
        }
        assert!(
            lines > 500 && matches > 500,
            "{lines} lines, {matches} matches"
        );
    }

    #[test]
    fn boundaries_at_the_edges_and_between_marks() {
        assert!(is_boundary("abc", 0) && is_boundary("abc", 3));
        assert!(!is_boundary("abc", 1));
        assert!(!is_boundary(".,", 1));
        assert!(is_boundary("记者", 3));
        assert!(!is_boundary("e\u{301}t\u{e9}", 1));
    }
}
