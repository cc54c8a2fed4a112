//! Which inputs a search can leave unparsed: a [`Prefilter`] holds
//! literals of which every match of the pattern must contain one, and
//! looks for them in an input's raw bytes before the parser runs.
//!
//! It must never be wrong: it says "cannot match" only when no literal is
//! in the bytes *and* the parser would read those bytes as they are.
//! Pure functions over bytes: no I/O, no parsing, no printing.
//!
//! Why a missing literal proves there is no match:
//!
//! - **The literals.** `regex-syntax` parses the matcher's own pattern
//!   (the same text and case flag as [`Matcher`](super::Matcher), so `-w`,
//!   `-e`, smart case and inline flags are all in it) and extracts a finite
//!   set of literals that every match starts with (or ends with). Of each,
//!   only its longest run of letters and digits is kept: a part of a
//!   literal every match contains is in every match too. A literal without
//!   letters or digits, or an infinite set, means no prefilter.
//! - **Case.** With case folded, the extractor lists every variant the
//!   regex accepts (`ſ` for `s`, the Kelvin sign for `k`); they are looked
//!   for ignoring ASCII case, which finds at least each of them. The
//!   search is a byte regex of the escaped literals (`(?i-u)` when case is
//!   folded): its SIMD literal search ran 6 to 8 times faster than an
//!   ASCII-case-insensitive Aho-Corasick automaton on `chips` over the White
//!   House corpus, and as fast on `5G`.
//! - **The bytes are the text.** Only input that is valid UTF-8 with no
//!   NUL byte (no UTF-16 or Windows-1252 guess) and is not an HTML page
//!   (entities, tags) is judged; the parser then reads exactly these
//!   characters.
//! - **The parser keeps letters and digits where they are.** A turn's text
//!   is its lines' characters in order, except that white space and control
//!   characters become spaces, lines are joined by a space or a blank line,
//!   labels, margin numbers and edge spaces are cut off a line, a Markdown
//!   backslash before punctuation is dropped (the punctuation stays between
//!   its neighbours), and stage directions and zero-width characters are
//!   removed. Only these last two can bring two letters or digits together
//!   that are apart in the input (`we(laughter)agree`, `no\u{200b}where`):
//!   an input where that could happen, or where a line ends in a hyphen
//!   after a letter (a word wrapped across lines, should the parser ever
//!   join it), is always parsed. So a run of letters and digits in a turn's
//!   text is in the input's bytes.

use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use std::collections::BTreeSet;

/// Literals of which every match contains one, and their searcher.
#[derive(Clone, Debug)]
pub struct Prefilter {
    searcher: regex::bytes::Regex,
}

impl Prefilter {
    /// The prefilter of a regex as the matcher compiles it; `None` when no
    /// usable literal can be extracted (then every input is parsed).
    pub fn new(pattern: &str, insensitive: bool) -> Option<Prefilter> {
        let any: Vec<String> = literals(pattern, insensitive)?
            .iter()
            .map(|l| regex::escape(l))
            .collect();
        let flags = if insensitive { "(?i-u)" } else { "(?-u)" };
        let searcher = regex::bytes::Regex::new(&format!("{flags}(?:{})", any.join("|"))).ok()?;
        Some(Prefilter { searcher })
    }

    /// False only when the input these bytes hold cannot have a match in
    /// any turn's text.
    pub fn may_match(&self, bytes: &[u8]) -> bool {
        self.searcher.is_match(bytes) || !verbatim(bytes)
    }

    /// False only when the input these bytes hold cannot have a turn whose
    /// text matches `needed` of `prefilters` (`quote`'s rare words): as
    /// [`Prefilter::may_match`] for each, the bytes judged once.
    pub fn enough_may_match(prefilters: &[Prefilter], needed: usize, bytes: &[u8]) -> bool {
        let mut found = 0;
        for p in prefilters {
            found += usize::from(p.searcher.is_match(bytes));
            if found >= needed {
                return true;
            }
        }
        !verbatim(bytes)
    }
}

/// The literals to look for (ASCII lower case when case is folded).
fn literals(pattern: &str, insensitive: bool) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(insensitive)
        .build()
        .parse(pattern)
        .ok()?;
    // Prefixes or suffixes, whichever gives the longer shortest literal.
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| {
            let mut extractor = Extractor::new();
            extractor.kind(kind);
            runs(&extractor.extract(&hir), insensitive)
        })
        .max_by_key(|l| l.iter().map(String::len).min().unwrap_or(0))
}

/// The longest run of letters and digits of each literal of a finite
/// sequence, deduplicated; `None` for an infinite or empty sequence or
/// a literal without letters or digits.
fn runs(seq: &Seq, insensitive: bool) -> Option<Vec<String>> {
    let literals = seq.literals()?;
    if literals.is_empty() {
        return None;
    }
    let mut out = BTreeSet::new();
    for literal in literals {
        // A literal cut to a length limit may end inside a character.
        let run = literal
            .as_bytes()
            .utf8_chunks()
            .flat_map(|chunk| chunk.valid().split(|c: char| !c.is_alphanumeric()))
            .max_by_key(|run| run.len())
            .filter(|run| !run.is_empty())?;
        out.insert(if insensitive {
            run.to_ascii_lowercase()
        } else {
            run.to_string()
        });
    }
    // A run that holds another is implied by it: keep the shorter.
    let all: Vec<String> = out.into_iter().collect();
    let kept = all
        .iter()
        .filter(|r| !all.iter().any(|o| o != *r && r.contains(o.as_str())))
        .cloned()
        .collect();
    Some(kept)
}

/// The parser reads these bytes as they are and brings no two letters or
/// digits together that are apart in them (see the module's proof).
fn verbatim(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return false; // could be read as UTF-16
    }
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        return false;
    };
    !whosaid::html::looks_like_html(text)
        && !zero_width(bytes)
        && !glued_direction(text)
        && !wrapped_word(text)
}

fn word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// A zero-width character (U+200B..U+200D, U+2060, or U+FEFF after the
/// start, where a byte-order mark is dropped): the parser removes them.
fn zero_width(b: &[u8]) -> bool {
    // Found by their last or middle byte, rare in text: their lead byte
    // `E2` also leads every curly quote and dash.
    let led = |i: usize, lead: &[u8]| i >= lead.len() && &b[i - lead.len()..i] == lead;
    memchr::memchr3_iter(0x8b, 0x8c, 0x8d, b).any(|i| led(i, &[0xe2, 0x80]))
        || memchr::memchr2_iter(0x81, 0xbb, b).any(|i| match b[i] {
            // U+2060 is `E2 81 A0`.
            0x81 => led(i, &[0xe2]) && b.get(i + 1) == Some(&0xa0),
            // U+FEFF is `EF BB BF`; a byte-order mark at the start is dropped.
            _ => led(i, &[0xef]) && i > 1 && b.get(i + 1) == Some(&0xbf),
        })
}

/// A bracket glued to a word, or to another bracket, on both sides
/// (`we(laughter)agree`, `we\\[laughter\\]agree`, `a(x)(y)b`): were it a
/// stage direction, the parser would lift it and join the words. Its
/// close is the first after it on its line, as the parser pairs them;
/// any bracket counts (the parser lifts only directions).
fn glued_direction(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'(', b'[', b).any(|open| {
        // Backslashes before punctuation are dropped first.
        let before = text[..open].trim_end_matches('\\').chars().next_back();
        if !(word(before) || matches!(before, Some(')' | ']'))) {
            return false;
        }
        let close = if b[open] == b'(' { b')' } else { b']' };
        match memchr::memchr3(close, b'\n', b'\r', &b[open..]) {
            Some(at) if b[open + at] == close => {
                let after = text[open + at + 1..].chars().next();
                word(after) || matches!(after, Some('(' | '['))
            }
            _ => false,
        }
    })
}

/// A line that ends in a hyphen after a letter or digit, before a line
/// that starts with one (`semi-` / `conductor`): the parser does not join
/// such words today; should it ever, the input must be parsed.
fn wrapped_word(text: &str) -> bool {
    let b = text.as_bytes();
    let blank = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    // From each hyphen (ten times rarer than line ends in prose) to the
    // line end it stands at, if only blanks follow it.
    memchr::memchr_iter(b'-', b).any(|hyphen| {
        let end = text.len() - text[hyphen + 1..].trim_start_matches(blank).len();
        if !matches!(b.get(end), Some(b'\n' | b'\r')) {
            return false;
        }
        let head = &text[..hyphen];
        let next = &text[end + 1..];
        let next = match (b[end], next.strip_prefix('\n')) {
            (b'\r', Some(after_crlf)) => after_crlf,
            _ => next,
        };
        let next = next.trim_start_matches(blank);
        word(head.chars().next_back()) && word(next.chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_width_characters_are_found_among_quotes_and_dashes() {
        let by_chars = |s: &str| {
            s.char_indices().any(|(i, c)| {
                matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}') || (c == '\u{feff}' && i > 0)
            })
        };
        let parts = [
            "a", "\u{2019}", "\u{201c}", "\u{2014}", "\u{200b}", "\u{200c}", "\u{200d}",
            "\u{200e}", "\u{2060}", "\u{2061}", "\u{feff}", "\u{fefe}", "\u{ef}", " ",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(zero_width(s.as_bytes()), by_chars(&s), "{s:?}");
                }
            }
        }
    }

    fn pf(pattern: &str, insensitive: bool) -> Option<Prefilter> {
        Prefilter::new(pattern, insensitive)
    }

    fn lits(pattern: &str) -> Option<Vec<String>> {
        literals(pattern, false)
    }

    #[test]
    fn literals_are_runs_of_letters_and_digits() {
        assert_eq!(lits("5G").unwrap(), ["5G"]);
        assert_eq!(lits(r"MR\. SMITH").unwrap(), ["SMITH"]);
        assert_eq!(lits(r"Reuters: ").unwrap(), ["Reuters"]);
        assert_eq!(lits(r"\b(?:chips)\b").unwrap(), ["chips"]);
        assert_eq!(lits("5G|chips?").unwrap(), ["5G", "chip"]);
        assert_eq!(lits(r"\w+ing\b").unwrap(), ["ing"]);
        assert_eq!(literals("Chips", true).unwrap(), ["chips", "chipſ"]);
        let long = literals("administration", true).unwrap();
        assert!(long.iter().all(|l| l.len() >= 4), "{long:?}");
        assert!(pf(r"\w+", false).is_none());
        assert!(pf(r": ", false).is_none());
        assert!(pf("x*", false).is_none());
    }

    #[test]
    fn enough_of_several_literals() {
        let words: Vec<Prefilter> = ["chips", "global", "output"]
            .iter()
            .map(|w| pf(w, true).unwrap())
            .collect();
        let text = b"Q: Global CHIPS today.\n";
        assert!(Prefilter::enough_may_match(&words, 2, text));
        assert!(!Prefilter::enough_may_match(&words, 3, text));
        assert!(!Prefilter::enough_may_match(&words, 1, b"Q: nothing\n"));
        // Bytes the parser rewrites are always parsed.
        assert!(Prefilter::enough_may_match(
            &words,
            3,
            b"Q: global(laughter)chips\n"
        ));
    }

    #[test]
    fn folded_case_finds_every_variant() {
        let p = pf("chips", true).unwrap();
        assert!(p.may_match("CHIPS".as_bytes()));
        // The regex folds s to ſ (U+017F) and k to the Kelvin sign.
        assert!(p.may_match("chipſ".as_bytes()));
        let k = pf("kit", true).unwrap();
        assert!(k.may_match("\u{212a}IT".as_bytes()));
        assert!(!k.may_match(b"Nothing here.\n"));
    }

    #[test]
    fn only_verbatim_input_is_ruled_out() {
        let p = pf("weagree", false).unwrap();
        assert!(!p.may_match(b"Q: we agree\n"));
        for text in [
            "Q: we(laughter)agree\n".as_bytes(),
            b"Q: we\\[laughter]agree\n",
            "Q: we\u{200b}agree\n".as_bytes(),
            b"Q: we-\nagree\n",
            b"Q: we-  \r\nagree\n",
            b"<html><body><p>we&#97;gree</p></body></html>\n",
            b"Q: we\xe9agree\n",
            b"Q\0: weagree\n",
        ] {
            assert!(p.may_match(text), "{}", String::from_utf8_lossy(text));
        }
        // A byte-order mark at the start is fine.
        assert!(!p.may_match("\u{feff}Q: hello\n".as_bytes()));
        assert!(!p.may_match(b"Q: we (laughter) agree [sic]\n"));
        assert!(!p.may_match(b"Q: as \\[senior official\\] said, a (b)\n"));
        assert!(!p.may_match(b"Q: I do-\n\nA: Go on. We - and they -\n"));
        // Directions in a row are lifted together.
        assert!(p.may_match(b"Q: we(laughter)(applause)agree\n"));
        assert!(p.may_match(b"Q: we\\\\(laughter)agree\n"));
    }

    /// Every fixture, `data/` and the bundled transcript: a pattern taken
    /// from a turn's text (so it matches) is never ruled out, whatever its
    /// case options, across sentence and paragraph ends alike; nor is a
    /// run of whole words of any script taken with `-w`.
    #[test]
    fn text_from_any_turn_is_never_ruled_out() {
        use crate::query::Case;
        use unicode_segmentation::UnicodeSegmentation;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("data")];
        let mut inputs = Vec::new();
        files.push(root.join("tests/fixtures"));
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path
                .extension()
                .is_some_and(|e| ["txt", "md", "html", "vtt", "srt"].contains(&e.to_str().unwrap()))
            {
                inputs.push(std::fs::read(&path).unwrap());
            }
        }
        inputs.push(whosaid::BUNDLED_TEXT.as_bytes().to_vec());
        let (mut tried, mut words_tried) = (0, 0);
        for bytes in &inputs {
            let Ok(parsed) = whosaid::parse_bytes(bytes, "test") else {
                continue;
            };
            for turn in &parsed.transcript.turns {
                let chars: Vec<(usize, char)> = turn.text.char_indices().collect();
                // Pieces of 1 to 24 characters at every 107th character.
                for (k, &(start, _)) in chars.iter().enumerate().step_by(107) {
                    let len = 1 + k % 24;
                    let end = chars.get(k + len).map_or(turn.text.len(), |c| c.0);
                    let piece = &turn.text[start..end];
                    for (pattern, case) in [
                        (piece.to_string(), Case::Sensitive),
                        (piece.to_uppercase(), Case::Insensitive),
                        (piece.to_lowercase(), Case::Smart),
                    ] {
                        tried +=
                            usize::from(never_ruled_out(bytes, &turn.text, &pattern, case, false));
                    }
                }
                // Whole words (`-w`) in every script: runs of one to three
                // UAX #29 words at every 13th word, so that CJK, Hangul,
                // Cyrillic and Arabic turns give patterns that do match.
                let bounds: Vec<usize> = turn
                    .text
                    .split_word_bound_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(turn.text.len()))
                    .collect();
                for (k, &start) in bounds.iter().enumerate().step_by(13) {
                    let end = bounds[(k + 1 + k % 3).min(bounds.len() - 1)];
                    let piece = &turn.text[start..end];
                    if !piece.is_ascii() {
                        words_tried += usize::from(never_ruled_out(
                            bytes,
                            &turn.text,
                            piece,
                            Case::Smart,
                            true,
                        ));
                    }
                }
            }
        }
        assert!(tried > 3_000, "{tried}");
        assert!(words_tried > 400, "{words_tried}");
    }

    /// A pattern that matches `text` (a turn of the input `bytes`) is not
    /// ruled out by its prefilter; false when it does not match or has no
    /// prefilter (nothing tried).
    fn never_ruled_out(
        bytes: &[u8],
        text: &str,
        pattern: &str,
        case: crate::query::Case,
        word: bool,
    ) -> bool {
        use crate::query::{MatchOptions, Matcher};
        let opts = MatchOptions {
            regex: false,
            word,
            case,
        };
        let Ok(m) = Matcher::new(pattern, opts) else {
            return false;
        };
        if !m.has_match(text) {
            return false; // case mapping changed its length; not a whole word
        }
        let Some(p) = m.prefilter() else {
            return false;
        };
        assert!(
            p.may_match(bytes),
            "{pattern:?} ({case:?}, -w {word}) is in a turn of {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        );
        true
    }
}
