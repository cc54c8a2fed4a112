//! Human text: making untrusted transcript text safe for a terminal, and
//! ANSI colour for the human formats.
//!
//! Every byte of transcript text that reaches a human format passes through
//! [`clean`], so that a transcript can never move the cursor, retitle the
//! window or hide text. Colour is added only when [`Paint::on`]; machine
//! formats never call into this module's painting functions.

use std::borrow::Cow;

/// Replace control characters: C0 controls (other than tab and, unless
/// `one_line`, newline) and DEL in caret notation (`^[`), C1 controls as
/// U+FFFD. With `one_line`, every run of line breaks becomes one space.
pub fn clean(s: &str, one_line: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let Some(first) = (0..bytes.len()).find(|&i| special_at(bytes, i, one_line)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    let mut in_break = false;
    // Text between special characters is copied as it is, a span at a time.
    let mut plain = 0;
    let mut i = first;
    while i < bytes.len() {
        if !special_at(bytes, i, one_line) {
            i += 1;
            continue;
        }
        if plain < i {
            out.push_str(&s[plain..i]);
            in_break = false;
        }
        let c = s[i..]
            .chars()
            .next()
            .expect("a special byte starts a character");
        i += c.len_utf8();
        plain = i;
        let is_break = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
        if one_line && is_break {
            if !in_break {
                out.push(' ');
            }
            in_break = true;
            continue;
        }
        in_break = false;
        match c {
            '\r' => {}
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            '\u{7f}' => out.push_str("^?"),
            _ => out.push('\u{FFFD}'), // C1 controls
        }
    }
    out.push_str(&s[plain..]);
    Cow::Owned(out)
}

/// Does the character at byte `i` of valid UTF-8 `b` need [`clean`]'s
/// attention: a control character other than tab (and, unless `one_line`,
/// newline), or U+2028/U+2029? C0 and DEL are single bytes, C1 controls are
/// `C2 80..=9F`, the two separators `E2 80 A8/A9`; a continuation byte never
/// equals a lead byte, so any `i` may be asked.
fn special_at(b: &[u8], i: usize, one_line: bool) -> bool {
    match b[i] {
        b'\t' => false,
        b'\n' => one_line,
        0..0x20 | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)),
        _ => false,
    }
}

/// A colour role in human output.
#[derive(Clone, Copy, Debug)]
pub enum Style {
    /// Source path (magenta, like ripgrep).
    Source,
    /// Line numbers (green).
    Line,
    /// Speaker names (bold cyan).
    Speaker,
    /// A search match (bold red).
    Match,
    /// Secondary text: role, questions in `--question` (dim).
    Dim,
    /// Table headers (bold).
    Header,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Source => "35",
            Style::Line => "32",
            Style::Speaker => "1;36",
            Style::Match => "1;31",
            Style::Dim => "2",
            Style::Header => "1",
        }
    }
}

/// Colour on or off, decided once.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    /// Wrap already-clean text in a colour.
    pub fn paint(&self, s: &str, style: Style) -> String {
        if self.on && !s.is_empty() {
            format!("\x1b[{}m{s}\x1b[0m", style.code())
        } else {
            s.to_string()
        }
    }

    /// Clean `text` and paint the byte ranges `marks` (sorted, within
    /// `text`, on char boundaries) as matches.
    pub fn highlight(&self, text: &str, marks: &[(usize, usize)], one_line: bool) -> String {
        let mut out = String::with_capacity(text.len() + marks.len() * 12);
        let mut at = 0;
        for &(start, end) in marks {
            if start < at
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                continue;
            }
            out.push_str(&clean(&text[at..start], one_line));
            out.push_str(&self.paint(&clean(&text[start..end], one_line), Style::Match));
            at = end;
        }
        out.push_str(&clean(&text[at..], one_line));
        out
    }
}

/// A count with its noun, singular for one: `1 word`, `2 words`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Cut `s` to at most `max` characters, ending with `…` when cut.
pub fn shorten(s: &str, max: usize) -> Cow<'_, str> {
    if s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `clean` as it was written first, a character at a time: the
    /// reference for the span-copying version.
    fn clean_by_chars(s: &str, one_line: bool) -> String {
        let mut out = String::new();
        let mut in_break = false;
        for c in s.chars() {
            let is_break = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            if one_line && is_break {
                if !in_break {
                    out.push(' ');
                }
                in_break = true;
                continue;
            }
            in_break = false;
            match c {
                '\t' | '\n' => out.push(c),
                '\r' => {}
                '\u{2028}' | '\u{2029}' => out.push('\n'),
                c if (c as u32) < 0x20 => {
                    out.push('^');
                    out.push(char::from(b'@' + c as u8));
                }
                '\u{7f}' => out.push_str("^?"),
                c if c.is_control() => out.push('\u{FFFD}'),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn clean_reads_bytes_as_the_characters_ask() {
        let changes = |s: &str, one_line: bool| {
            s.chars().any(|c| {
                (c.is_control() && c != '\t' && (one_line || c != '\n'))
                    || c == '\u{2028}'
                    || c == '\u{2029}'
            })
        };
        // Every character up to U+3000 (all the special ones), then a sample.
        let chars = (0..=0x10ffff_u32).filter(|&u| u < 0x3000 || u % 61 == 0);
        for c in chars.filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}é\r\n\n{c}\tb")] {
                for one_line in [false, true] {
                    let cleaned = clean(&s, one_line);
                    assert_eq!(cleaned, clean_by_chars(&s, one_line), "{s:?} {one_line}");
                    assert_eq!(
                        matches!(cleaned, Cow::Owned(_)),
                        changes(&s, one_line),
                        "{s:?} {one_line}"
                    );
                }
            }
        }
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(clean("a\x1b[2Jb", false), "a^[[2Jb");
        assert_eq!(
            clean("bell\x07 del\x7f c1\u{9b}x", false),
            "bell^G del^? c1\u{FFFD}x"
        );
        assert_eq!(clean("tab\tand\nline", false), "tab\tand\nline");
        assert_eq!(clean("one\n\ntwo\r\nthree", true), "one two three");
        assert!(matches!(clean("plain", true), Cow::Borrowed(_)));
    }

    #[test]
    fn highlight_paints_only_when_on() {
        let on = Paint { on: true };
        let off = Paint { on: false };
        assert_eq!(off.highlight("say 5G now", &[(4, 6)], true), "say 5G now");
        assert_eq!(
            on.highlight("say 5G now", &[(4, 6)], true),
            "say \x1b[1;31m5G\x1b[0m now"
        );
        assert_eq!(on.highlight("a\x1bb", &[], true), "a^[b");
    }

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("abcdef", 10), "abcdef");
        assert_eq!(shorten("abc def ghi", 5), "abc…");
        assert_eq!(shorten("ééééé", 3), "éé…");
    }
}
