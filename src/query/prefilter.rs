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
//!   for ignoring ASCII case, which finds at least each of them.
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

use aho_corasick::AhoCorasick;
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use std::collections::BTreeSet;

/// Literals of which every match contains one, and their searcher.
#[derive(Clone, Debug)]
pub struct Prefilter {
    searcher: AhoCorasick,
}

impl Prefilter {
    /// The prefilter of a regex as the matcher compiles it; `None` when no
    /// usable literal can be extracted (then every input is parsed).
    pub fn new(pattern: &str, insensitive: bool) -> Option<Prefilter> {
        let searcher = AhoCorasick::builder()
            .ascii_case_insensitive(insensitive)
            .build(literals(pattern, insensitive)?)
            .ok()?;
        Some(Prefilter { searcher })
    }

    /// False only when the input these bytes hold cannot have a match in
    /// any turn's text.
    pub fn may_match(&self, bytes: &[u8]) -> bool {
        self.searcher.is_match(bytes) || !verbatim(bytes)
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
    if bytes.contains(&0) {
        return false; // could be read as UTF-16
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    !whosaid::html::looks_like_html(text) && !may_join(bytes)
}

/// Could the parser remove something between two letters or digits: a
/// zero-width character or a soft hyphen, a stage direction glued to words
/// on both sides (`we(laughter)agree`, `\[` counted as glued), or a hyphen
/// at a line's end after a letter? Bytes of non-ASCII characters count as
/// letters.
fn may_join(bytes: &[u8]) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let (mut glued_open, mut glued_close) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'[' if i > 0 && (word(at(i - 1)) || at(i - 1) == b'\\') => glued_open = true,
            b')' | b']' if word(at(i + 1)) => glued_close = true,
            b'-' if i > 0 && word(at(i - 1)) => {
                let mut j = i + 1;
                while matches!(at(j), b' ' | b'\t') {
                    j += 1;
                }
                if matches!(at(j), b'\n' | b'\r') {
                    return true;
                }
            }
            // U+00AD soft hyphen.
            0xc2 if at(i + 1) == 0xad => return true,
            // U+200B..U+200D zero-widths, U+2060 word joiner.
            0xe2 if matches!((at(i + 1), at(i + 2)), (0x80, 0x8b..=0x8d) | (0x81, 0xa0)) => {
                return true;
            }
            // U+FEFF after the start (a byte-order mark is only dropped there).
            0xef if i > 0 && at(i + 1) == 0xbb && at(i + 2) == 0xbf => return true,
            _ => {}
        }
        if glued_open && glued_close {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "Q: we\u{ad}agree\n".as_bytes(),
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
    }
}
