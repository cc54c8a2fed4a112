//! Small tests on the text of a line that the header, turn bodies and the
//! trailer share: sentence ends, bracketed lines and stage directions,
//! disclaimers, sign-off names. It imports none of those modules.

use super::dates::is_date_or_time_line;
use super::lexicon::stage_direction_kind;
use crate::model::EventKind;

/// ASCII letters for the Latin letters U+00C0 to U+017F (`_` for `×`
/// and `÷`): each letter without its accent, in lower case.
const LATIN_FOLD: &[u8; 192] = b"aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A name as names are compared: lower case, Latin letters without their
/// accents (`Aydın` and `AYDIN`, `Wróbel` and `Wrobel` are one name,
/// since labels in capitals and transcripts typed without a Turkish or
/// Polish keyboard drop them). Other scripts are only lower-cased.
pub fn fold_name(name: &str) -> String {
    name.chars()
        .map(|c| match c as u32 {
            0xC0..=0x17F => LATIN_FOLD[c as usize - 0xC0] as char,
            _ => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

/// Is the character at byte `i` of `text` white space (as
/// `char::is_whitespace` says), and how long is it? ASCII is read as a
/// byte (its white space is tab to carriage return, and space).
#[inline(always)]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (matches!(b, b'\t'..=b'\r' | b' '), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

/// `text.split_whitespace().count() <= n`, without counting a whole
/// paragraph: stops at word `n + 1`, and reads ASCII as bytes (its white
/// space is tab to carriage return, and space); other characters are
/// decoded one by one to ask whether they are white space.
pub fn at_most_words(text: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < text.len() {
        let (space, len) = space_at(text, i);
        if !space && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !space;
        i += len;
    }
    true
}

/// `text` with every run of white space as one space and none at either
/// end: `split_whitespace().collect::<Vec<_>>().join(" ")`, without the
/// vector, and reading ASCII as bytes (only other characters are decoded
/// to ask whether they are white space).
pub fn single_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Start of the word being read, if in one.
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < text.len() {
        let (space, len) = space_at(text, i);
        match (space, word) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text[start..i]);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

/// Does the line end a sentence: `.`, `?`, `!` (or their full-width
/// forms), the Arabic `؟` and `۔`, the Devanagari `।`, perhaps inside
/// closing quotation marks or brackets (`... done."`, `(Laughter.)`,
/// `« Merci. »`)? Emphasis and markdown escapes are ignored; `Briefing
/// (March 09, 2023)` is a title, not a sentence.
pub fn ends_sentence(text: &str) -> bool {
    plain(text)
        .trim_end_matches([
            '"', '”', '’', '\'', ')', ']', '）', '」', '』', '»', '›', ' ',
        ])
        .ends_with(['.', '?', '!', '。', '？', '！', '．', '…', '؟', '۔', '।'])
}

/// A line as classified: markdown escapes (`\###`) and emphasis around the
/// whole line (`*This transcript ...*`) removed.
pub fn plain(text: &str) -> String {
    let t = text.trim();
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    let mut s = out.trim();
    for m in ["**", "__", "*", "_"] {
        if s.len() > 2 * m.len() && s.starts_with(m) && s.ends_with(m) {
            s = s[m.len()..s.len() - m.len()].trim();
            break;
        }
    }
    s.to_string()
}

/// Phrases that only boilerplate about a document uses.
const DISCLAIMER_PHRASES: &[&str] = &[
    "any attachments",
    "intended recipient",
    "intended solely for",
    "not be in its final form",
    "not in its final form",
    "authoritative record",
    "rush deadline",
    "rush transcript",
    "may contain errors",
    "all rights reserved",
    "terms of use",
    "errors and omissions excepted",
    "e&oe",
    "unsubscribe",
    "may not be reproduced",
    "check against delivery",
    "this transcript was",
    "this transcript has been",
    "this transcript is",
    "transcripts are created",
    "edited for length",
    "edited for clarity",
    "lightly edited",
];

/// Boilerplate about the document itself (a rush-transcript warning, an
/// email's confidentiality notice), up to 120 words.
pub fn is_disclaimer(text: &str) -> bool {
    let lower = plain(text).to_lowercase();
    lower.split_whitespace().count() <= 120 && DISCLAIMER_PHRASES.iter().any(|p| lower.contains(p))
}

/// A short capitalised line that may name a place or an issuer in a
/// sign-off (`New Delhi`, `MINISTRY OF FOREIGN AFFAIRS`, `Washington, D.C.`).
pub fn is_signoff_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let last_ok = !t.ends_with(['?', '!', ':', ';', '"', '”'])
        && (!t.ends_with('.') || words.last().is_some_and(|w| w[..w.len() - 1].contains('.')));
    (1..=6).contains(&words.len())
        && last_ok
        && !t.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || ["of", "and", "for", "the", "de", "du", "la", "le"].contains(w)
        })
}

/// Is `inner` (the inside of brackets) a bare clock like `04:12`?
pub fn is_clock(inner: &str) -> bool {
    let t = inner.trim();
    !t.is_empty()
        && t.contains(':')
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// The inside of a line wholly in brackets: `(…)`, `[…]`, `（…）`.
pub fn bracketed(text: &str) -> Option<&str> {
    let t = text.trim();
    let inner = [('(', ')'), ('[', ']'), ('（', '）')]
        .iter()
        .find_map(|(o, c)| t.strip_prefix(*o)?.strip_suffix(*c))?;
    (!inner.contains(['(', ')', '[', ']', '（', '）'])).then_some(inner)
}

/// Kind of a whole-line stage direction: known cue words
/// ([`stage_direction_kind`]), else `other` for a line in upper case
/// (`(JOINED IN PROGRESS)`), `omission` for an ellipsis alone (`<...>`,
/// `[…]`), `timestamp` for a clock or date.
pub fn line_direction_kind(text: &str) -> Option<EventKind> {
    let t = text.trim();
    let ellipsis = |s: &str| !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '…' | ' '));
    if let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return ellipsis(inner).then_some(EventKind::Omission);
    }
    let inner = bracketed(t)?;
    if ellipsis(inner) {
        return Some(EventKind::Omission);
    }
    if let Some(kind) = stage_direction_kind(inner) {
        return Some(kind);
    }
    if is_clock(inner) || is_date_or_time_line(inner) {
        return Some(EventKind::Timestamp);
    }
    let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
    let upper = inner.chars().any(char::is_uppercase) && !inner.chars().any(char::is_lowercase);
    (letters >= 3 && upper).then_some(EventKind::Other)
}

/// Remove Markdown's backslash escapes (`\[sic\]` -> `[sic]`, `\*`,
/// `\_`): a backslash before ASCII punctuation stands for that character
/// alone, in turn text and in the events lifted from it alike.
pub fn unescape_markdown(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\\') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_words_is_a_bounded_count() {
        for t in [
            "",
            " ",
            "one",
            "a b c d e f",
            "a b c d e f g",
            " a\tb\u{b}c\u{c}d\re  f ",
            "a b c d e f\u{a0}g",
            "a\u{2003}b c d e f g",
            "über a b c d e f",
            "x\u{1c}y a b c d e",
            "a\u{2019}s b\u{3000}c\u{85}d \u{e9} f",
            "\u{2003}\u{2003}",
        ] {
            for n in 0..8 {
                assert_eq!(
                    at_most_words(t, n),
                    t.split_whitespace().count() <= n,
                    "{t:?} {n}"
                );
            }
        }
    }

    #[test]
    fn single_spacing_joins_the_words_split_whitespace_finds() {
        let spaces = [
            " ", "\t", "\n", "\r\n", "\u{a0}", "\u{3000}", "\u{2003}", "\u{85}", "\u{1c}",
        ];
        let words = [
            "",
            "a",
            "Ms.",
            "\u{e9}t\u{e9}",
            "\u{8bb0}\u{8005}",
            "\u{200b}",
            "x\u{2019}s",
        ];
        let mut texts = Vec::new();
        for a in spaces {
            for w in words {
                for b in spaces {
                    texts.push(format!("{a}{w}{b}{w}{a}{b}"));
                    texts.push(format!("{w}{a}{a}{w}{b}"));
                }
            }
        }
        for t in &texts {
            let expected = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(t), expected, "{t:?}");
        }
    }

    #[test]
    fn names_fold_without_accents() {
        assert_eq!(fold_name("Aydın"), fold_name("AYDIN"));
        assert_eq!(fold_name("Wróbel"), "wrobel");
        assert_eq!(fold_name("Ní Bhriain"), "ni bhriain");
        assert_eq!(fold_name("Łukasz Ćwik"), "lukasz cwik");
        assert_eq!(fold_name("习近平"), "习近平");
    }

    #[test]
    fn one_sentence_end_for_header_and_trailer() {
        assert!(ends_sentence("Thank you."));
        assert!(ends_sentence("(Laughter.)"));
        assert!(ends_sentence("He said \"no.\""));
        assert!(!ends_sentence("Briefing (March 09, 2023)"));
        assert!(ends_sentence("*Thanks, everyone.*"));
        assert!(ends_sentence("谢谢！"));
        assert!(ends_sentence("هل هناك أرقام محددة؟"));
        assert!(ends_sentence("यह ठीक है।"));
        assert!(ends_sentence("Il a dit : « Merci. »"));
        assert!(!ends_sentence("« Le Monde »"));
        assert!(!ends_sentence("Briefing on the budget"));
    }
}
