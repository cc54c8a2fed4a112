//! A turn's body: from its source lines to text, paragraphs and events.
//!
//! Joins hard-wrapped lines into paragraphs, keeps blank lines as paragraph
//! breaks, and lifts stage directions (`(Laughter.)`, `[crosstalk 00:17:55]`)
//! and lone timestamps out of the text into typed events. It decides nothing
//! about where a turn starts or ends.

use super::dates::is_date_or_time_line;
use super::examination;
use super::lexicon::stage_direction_kind;
use super::lines::Line;
use super::text::{is_clock, line_direction_kind};
use crate::model::{Event, EventKind};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// The spoken content of one turn.
#[derive(Debug, Default)]
pub struct Body {
    pub text: String,
    pub paragraphs: usize,
    pub events: Vec<Event>,
}

/// Remove stage directions from `text`, recording them as events.
fn lift_directions<'a>(text: &'a str, line: usize, events: &mut Vec<Event>) -> Cow<'a, str> {
    // Bytes, not characters: `(` and `[` are ASCII.
    if !text.bytes().any(|b| b == b'(' || b == b'[') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '[']) {
        let close_char = if rest.as_bytes()[open] == b'(' {
            ')'
        } else {
            ']'
        };
        let Some(close) = rest[open..].find(close_char).map(|c| c + open) else {
            break;
        };
        let inner = &rest[open + 1..close];
        let kind =
            stage_direction_kind(inner).or_else(|| is_clock(inner).then_some(EventKind::Timestamp));
        if let Some(kind) = kind {
            out.push_str(&rest[..open]);
            events.push(Event {
                kind,
                text: rest[open..=close].to_string(),
                line,
            });
            rest = &rest[close + 1..];
        } else {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
        }
    }
    out.push_str(rest);
    // Tidy the gap a removed direction leaves.
    let mut tidy = super::text::single_spaced(&out);
    for p in [" .", " ,", " ?", " !"] {
        tidy = tidy.replace(p, &p[1..]);
    }
    Cow::Owned(tidy)
}

/// Is the whole line a stand-alone event (a direction or a clock)?
pub fn line_event(text: &str, line: usize) -> Option<Event> {
    let t = text.trim();
    let kind = line_direction_kind(t)
        .or_else(|| {
            (super::text::at_most_words(t, 6) && is_date_or_time_line(t))
                .then_some(EventKind::Timestamp)
        })
        .or_else(|| examination::is_heading(t).then_some(EventKind::Other))?;
    Some(Event {
        kind,
        text: t.to_string(),
        line,
    })
}

/// A line that opens an editor's note inside a turn: `Editor's note:`,
/// `[Editor's note: ...]`, `(Note: ...)` anywhere a line starts, and a
/// plain `Note:` when it starts a paragraph (a speaker reading out a slide
/// may say "Note: it is not 100 percent effective" mid-paragraph).
fn is_editor_note(text: &str, starts_paragraph: bool) -> bool {
    let t = text.trim_start_matches(['*', '_']);
    let bare = t.trim_start_matches(['[', '(']);
    // Every phrase starts with `e` or `n`: most lines are turned away by
    // their first byte (one of another script is read below).
    if bare
        .bytes()
        .next()
        .is_none_or(|b| b.is_ascii() && !matches!(b, b'e' | b'E' | b'n' | b'N'))
    {
        return false;
    }
    // The phrases are short: lower-case only the start of the line.
    let head = bare
        .char_indices()
        .nth(24)
        .map_or(bare, |(i, _)| &bare[..i]);
    let lower = head.to_lowercase().replace(['’', '\u{2018}'], "'");
    let editors = [
        "editor's note",
        "editors' note",
        "editor's notes",
        "ed. note",
        "editorial note",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    let note = bare.starts_with("Note:") || bare.starts_with("NOTE:");
    editors || note && (starts_paragraph || bare.len() < t.len())
}

/// An event that runs over several lines of a turn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Span {
    /// An editor's note: to its closing bracket or the paragraph's end.
    Note,
    /// A witness called and sworn: to `testified as follows:`.
    Call,
}

impl Span {
    /// Does the event, as read so far, end here?
    fn closes(self, text: &str) -> bool {
        match self {
            Span::Note => closes_bracket(text),
            Span::Call => examination::ends_call(text),
        }
    }
}

/// A bracketed note (`[Editor's note: ...]`) ends with its bracket; a
/// note without brackets runs to the end of its paragraph.
fn closes_bracket(note: &str) -> bool {
    let t = note.trim_start_matches(['*', '_']);
    match t.chars().next() {
        Some('[') => t.trim_end_matches(['*', '_']).ends_with(']'),
        Some('(') => t.trim_end_matches(['*', '_']).ends_with(')'),
        _ => false,
    }
}

/// Build a body from the text after the label (`first`, on the label's
/// line) and the lines that follow it up to the next turn.
pub fn assemble(first: &str, first_line: usize, lines: &[Line<'_>], wrapped: bool) -> Body {
    let mut body = Body::default();
    // The text is at most the lines joined: one allocation, no regrowth.
    body.text
        .reserve(first.len() + lines.iter().map(|l| l.text.len() + 2).sum::<usize>());
    let mut current = String::new();
    // A finished paragraph goes straight into `body.text`, after "\n\n".
    let flush = |current: &mut String, body: &mut Body| {
        let p = current.trim();
        if !p.is_empty() {
            if body.paragraphs > 0 {
                body.text.push_str("\n\n");
            }
            body.text.push_str(p);
            body.paragraphs += 1;
        }
        current.clear();
    };
    let add = |text: &str, line: usize, current: &mut String, body: &mut Body| {
        let text = super::text::unescape_markdown(text);
        let text = text.as_ref();
        if let Some(e) = line_event(text, line) {
            body.events.push(e);
            return;
        }
        let clean = lift_directions(text, line, &mut body.events);
        if clean.is_empty() {
            return;
        }
        if !wrapped && !current.is_empty() {
            flush(current, body);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&clean);
    };
    if !first.is_empty() {
        add(first, first_line, &mut current, &mut body);
    }
    // An editor's note runs from its opening line to its closing bracket
    // or the paragraph's end, a witness's call to `testified as follows:`.
    let mut note: Option<(Event, Span)> = None;
    let mut para_start = first.is_empty();
    for (k, line) in lines.iter().enumerate() {
        if line.markup {
            continue;
        }
        if line.is_blank() {
            flush(&mut current, &mut body);
            // A call cut by a page break (`having been sworn,` above it)
            // goes on below it.
            if note
                .as_ref()
                .is_none_or(|(n, span)| *span != Span::Call || !n.text.ends_with(','))
            {
                body.events.extend(note.take().map(|(n, _)| n));
            }
            para_start = true;
            continue;
        }
        let starts_para = std::mem::replace(&mut para_start, false);
        if let Some((n, span)) = note.as_mut() {
            if *span == Span::Call && examination::is_heading(line.text) {
                // A heading after a call that never said `as follows`.
                body.events.extend(note.take().map(|(n, _)| n));
            } else {
                n.text.push(' ');
                n.text.push_str(line.text);
                if span.closes(&n.text) {
                    body.events.extend(note.take().map(|(n, _)| n));
                }
                continue;
            }
        }
        let next = || {
            lines[k + 1..]
                .iter()
                .find(|l| !l.is_blank() && !l.markup)
                .map(|l| l.text)
        };
        let opens = if is_editor_note(line.text, starts_para) {
            Some((EventKind::EditorNote, Span::Note))
        } else {
            examination::witness(line.text, next()).map(|_| (EventKind::Other, Span::Call))
        };
        if let Some((kind, span)) = opens {
            flush(&mut current, &mut body);
            let n = Event {
                kind,
                text: line.text.to_string(),
                line: line.no,
            };
            if span.closes(&n.text) {
                body.events.push(n);
            } else {
                note = Some((n, span));
            }
            continue;
        }
        add(line.text, line.no, &mut current, &mut body);
    }
    flush(&mut current, &mut body);
    body.events.extend(note.map(|(n, _)| n));
    body
}

/// The number of words in `text`: exactly `text.unicode_words().count()`
/// (Unicode word boundaries, UAX #29, segments holding a letter or digit),
/// computed faster.
///
/// `unicode_words` takes its ASCII shortcut only when the whole text is
/// ASCII, and one curly quote or dash sends a whole turn through the Unicode
/// tables. Here ASCII is counted in one pass over the bytes, with the rules
/// `unicode_words` applies to ASCII: a word is a run of letters, digits and
/// `_` (joined by `.`, `,`, `;`, `'` between digits and by `.`, `:`, `'`
/// between letters) that holds a letter or digit. Only a chunk that holds
/// another character goes to `unicode_words`; chunks are cut at runs of
/// spaces and line feeds.
///
/// A cut is made only where no word can cross it. A run of ` `/`\n` has a
/// boundary before it, except after another space (WB3d) or a carriage
/// return (WB3), and a segment that only gains spaces or a line feed does
/// not become a word. It has a boundary after it when the next character is
/// neither a combining, format or joiner character (WB4) nor another space
/// (WB3d): [`starts_cleanly`] admits only such characters. The rules that
/// look two characters back or ahead (WB6, WB7, WB7b, WB7c, WB11, WB12,
/// WB15/16) need a letter, digit or regional indicator where the run is, so
/// they decide the same in a chunk alone as in the whole text.
/// `tests/word_count.rs` checks the equality on generated text and
/// `examples/word_count.rs` on every turn of a corpus.
pub fn count_words(text: &str) -> usize {
    let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let infix = |c: u8, prev: u8, next: u8| match c {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        _ => false,
    };
    let gap = |c: u8| c == b' ' || c == b'\n';
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut words = 0;
    // The last cut, and the words counted before it: where a chunk with a
    // non-ASCII character is counted again from.
    let mut cut = 0;
    let mut words_at_cut = 0;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if core(b) {
            let mut alnum = b != b'_';
            i += 1;
            while i < n {
                let c = bytes[i];
                if core(c) {
                    alnum |= c != b'_';
                } else if i + 1 < n && infix(c, bytes[i - 1], bytes[i + 1]) {
                } else if matches!(typographic(&bytes[i..]), Some(0x98 | 0x99))
                    && i + 3 < n
                    && infix(b'.', bytes[i - 1], bytes[i + 3])
                {
                    // ‘ and ’ join like `.` (MidNumLet, WB6/7, WB11/12).
                    i += 3;
                    continue;
                } else {
                    break;
                }
                i += 1;
            }
            words += usize::from(alnum);
        } else if gap(b) {
            i += 1;
            while i < n && gap(bytes[i]) {
                i += 1;
            }
            if i < n && (bytes[i] < 0x80 || starts_cleanly(&text[i..])) {
                cut = i;
                words_at_cut = words;
            }
        } else if b < 0x80 {
            i += 1;
        } else if typographic(&bytes[i..]).is_some() && bytes.get(i + 3).is_none_or(|&c| c < 0x80) {
            // A dash, quote or ellipsis between ASCII characters, and not
            // joining two letters or digits: a segment of its own.
            i += 3;
        } else {
            // A non-ASCII character: count its chunk, from the last cut to
            // the next one, with `unicode_words`.
            let (end, next) = loop {
                while i < n && !gap(bytes[i]) {
                    i += 1;
                }
                let end = i;
                while i < n && gap(bytes[i]) {
                    i += 1;
                }
                if i == n || starts_cleanly(&text[i..]) {
                    break (end, i);
                }
            };
            words = words_at_cut + text[cut..end].unicode_words().count();
            cut = next;
            words_at_cut = words;
            i = next;
        }
    }
    words
}

/// The last byte of `– — ‘ ’ “ ” …` (U+2013, U+2014, U+2018, U+2019,
/// U+201C, U+201D, U+2026) when `b` starts with one of them. Each is a word
/// segment of its own (Word_Break Other) except that `‘` and `’` join two
/// letters or two digits, as `.` does (MidNumLet).
fn typographic(b: &[u8]) -> Option<u8> {
    match b {
        [
            0xe2,
            0x80,
            c @ (0x93 | 0x94 | 0x98 | 0x99 | 0x9c | 0x9d | 0xa6),
            ..,
        ] => Some(*c),
        _ => None,
    }
}

/// Can a word boundary after a space never be undone by `s`'s first
/// character? True for ASCII other than space and line feed (which a run
/// of them has already taken), Latin letters and signs up to U+024F except
/// the soft hyphen (a format character), and the dashes, quotes and dots of
/// U+2010 to U+2027: the characters of English transcripts. Any other
/// character answers false, which is always safe (the chunk just grows).
pub fn starts_cleanly(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        (c.is_ascii() && c != ' ' && c != '\n')
            || (('\u{a1}'..='\u{24f}').contains(&c) && c != '\u{ad}')
            || ('\u{2010}'..='\u{2027}').contains(&c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_for_test as split;

    #[test]
    fn wrapped_lines_join_and_blank_lines_split() {
        let lines = split("one two\nthree.\n\nfour.");
        let body = assemble("zero", 0, &lines, true);
        assert_eq!(body.text, "zero one two three.\n\nfour.");
        assert_eq!(body.paragraphs, 2);
        assert_eq!(count_words(&body.text), 5);
    }

    #[test]
    fn unwrapped_lines_are_paragraphs() {
        let lines = split("One.\nTwo.");
        let body = assemble("", 0, &lines, false);
        assert_eq!(body.paragraphs, 2);
    }

    #[test]
    fn stage_directions_become_events_not_words() {
        let lines =
            split("(Laughter.)\nWell (laughs) that is [crosstalk 00:17:55] true.\n8:47 a.m.");
        let body = assemble("", 0, &lines, true);
        assert_eq!(body.text, "Well that is true.");
        let kinds: Vec<EventKind> = body.events.iter().map(|e| e.kind).collect();
        use EventKind::*;
        assert_eq!(kinds, [Laughter, Laughter, Crosstalk, Timestamp]);
        assert_eq!(count_words(&body.text), 4);
    }

    #[test]
    fn broadcast_cues_and_upper_case_lines_are_events() {
        let lines = split(
            "(END VIDEO CLIP)\nWelcome back.\n(COMMERCIAL BREAK)\n(SOUNDBITE OF MUSIC)\n[Pause]\n(JOINED IN PROGRESS)\n<...>\n(Off-mike.) Go ahead.",
        );
        let body = assemble("", 0, &lines, false);
        assert_eq!(body.text, "Welcome back.\n\nGo ahead.");
        assert_eq!(count_words(&body.text), 4);
        let kinds: Vec<EventKind> = body.events.iter().map(|e| e.kind).collect();
        use EventKind::*;
        assert_eq!(
            kinds,
            [Video, Break, Sound, Pause, Other, Omission, Inaudible]
        );
    }

    #[test]
    fn editor_notes_are_events() {
        let lines = split(
            "We will do more.\n\nNote: the Treasurer was referring to\nthe committee report.\n\n[Editor's note: figures updated.]\nThat is all.\nNote: It is not 100 percent effective.",
        );
        let body = assemble("", 0, &lines, true);
        assert_eq!(
            body.text,
            "We will do more.\n\nThat is all. Note: It is not 100 percent effective."
        );
        let notes: Vec<(&str, usize)> = body
            .events
            .iter()
            .map(|e| (e.text.as_str(), e.line))
            .collect();
        assert_eq!(
            notes,
            [
                (
                    "Note: the Treasurer was referring to the committee report.",
                    3
                ),
                ("[Editor's note: figures updated.]", 6)
            ]
        );
    }

    #[test]
    fn other_brackets_stay_text() {
        let lines = split("The State Council Information Office (SCIO) met.");
        let body = assemble("", 0, &lines, true);
        assert_eq!(
            body.text,
            "The State Council Information Office (SCIO) met."
        );
        // A line in brackets that is neither upper case nor a cue stays.
        let lines = split("(The Minister was referring to the 2019 report.)\n(in Kyiv)");
        let body = assemble("", 0, &lines, false);
        assert_eq!(body.events.len(), 0);
        assert_eq!(body.paragraphs, 2);
    }
}
