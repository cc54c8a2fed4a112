//! A turn's body: from its source lines to text, paragraphs and events.
//!
//! Joins hard-wrapped lines into paragraphs, keeps blank lines as paragraph
//! breaks, and lifts stage directions (`(Laughter.)`, `[crosstalk 00:17:55]`)
//! and lone timestamps out of the text into typed events. It decides nothing
//! about where a turn starts or ends.

use super::header::is_date_or_time_line;
use super::lexicon::stage_direction_kind;
use super::lines::Line;
use crate::model::Event;
use unicode_segmentation::UnicodeSegmentation;

/// The spoken content of one turn.
#[derive(Debug, Default)]
pub struct Body {
    pub text: String,
    pub paragraphs: usize,
    pub words: usize,
    pub events: Vec<Event>,
}

/// Is `inner` (the inside of brackets) a bare clock like `04:12`?
fn is_clock(inner: &str) -> bool {
    let t = inner.trim();
    !t.is_empty()
        && t.contains(':')
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// Remove stage directions from `text`, recording them as events.
fn lift_directions(text: &str, line: usize, events: &mut Vec<Event>) -> String {
    if !text.contains(['(', '[']) {
        return text.to_string();
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
        let kind = stage_direction_kind(inner).or_else(|| is_clock(inner).then_some("timestamp"));
        if let Some(kind) = kind {
            out.push_str(&rest[..open]);
            events.push(Event {
                kind: kind.into(),
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
    let mut tidy = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [" .", " ,", " ?", " !"] {
        tidy = tidy.replace(p, &p[1..]);
    }
    tidy
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
pub fn line_direction_kind(text: &str) -> Option<&'static str> {
    let t = text.trim();
    let ellipsis = |s: &str| !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '…' | ' '));
    if let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return ellipsis(inner).then_some("omission");
    }
    let inner = bracketed(t)?;
    if ellipsis(inner) {
        return Some("omission");
    }
    if let Some(kind) = stage_direction_kind(inner) {
        return Some(kind);
    }
    if is_clock(inner) || is_date_or_time_line(inner) {
        return Some("timestamp");
    }
    let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
    let upper = inner.chars().any(char::is_uppercase) && !inner.chars().any(char::is_lowercase);
    (letters >= 3 && upper).then_some("other")
}

/// Is the whole line a stand-alone event (a direction or a clock)?
pub fn line_event(text: &str, line: usize) -> Option<Event> {
    let t = text.trim();
    let kind = line_direction_kind(t).or_else(|| {
        (t.split_whitespace().count() <= 6 && is_date_or_time_line(t)).then_some("timestamp")
    })?;
    Some(Event {
        kind: kind.into(),
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
    let lower = bare.to_lowercase().replace(['’', '\u{2018}'], "'");
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
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = current.trim();
        if !p.is_empty() {
            paragraphs.push(p.to_string());
        }
        current.clear();
    };
    let add = |text: &str,
               line: usize,
               current: &mut String,
               paragraphs: &mut Vec<String>,
               events: &mut Vec<Event>| {
        if let Some(e) = line_event(text, line) {
            events.push(e);
            return;
        }
        let clean = lift_directions(text, line, events);
        if clean.is_empty() {
            return;
        }
        if !wrapped && !current.is_empty() {
            flush(current, paragraphs);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&clean);
    };
    if !first.is_empty() {
        add(
            first,
            first_line,
            &mut current,
            &mut paragraphs,
            &mut body.events,
        );
    }
    // An editor's note runs from its opening line to the paragraph's end.
    let mut note: Option<Event> = None;
    let mut para_start = first.is_empty();
    for line in lines {
        if line.markup {
            continue;
        }
        if line.is_blank() {
            flush(&mut current, &mut paragraphs);
            body.events.extend(note.take());
            para_start = true;
            continue;
        }
        let starts_para = std::mem::replace(&mut para_start, false);
        if let Some(n) = note.as_mut() {
            n.text.push(' ');
            n.text.push_str(&line.text);
            if closes_bracket(&n.text) {
                body.events.extend(note.take());
            }
            continue;
        }
        if is_editor_note(&line.text, starts_para) {
            flush(&mut current, &mut paragraphs);
            let n = Event {
                kind: "editor-note".into(),
                text: line.text.to_string(),
                line: line.no,
            };
            if closes_bracket(&n.text) {
                body.events.push(n);
            } else {
                note = Some(n);
            }
            continue;
        }
        add(
            &line.text,
            line.no,
            &mut current,
            &mut paragraphs,
            &mut body.events,
        );
    }
    flush(&mut current, &mut paragraphs);
    body.events.extend(note);
    body.paragraphs = paragraphs.len();
    body.text = paragraphs.join("\n\n");
    body.words = body.text.unicode_words().count();
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split;

    #[test]
    fn wrapped_lines_join_and_blank_lines_split() {
        let lines = split("one two\nthree.\n\nfour.");
        let body = assemble("zero", 0, &lines, true);
        assert_eq!(body.text, "zero one two three.\n\nfour.");
        assert_eq!(body.paragraphs, 2);
        assert_eq!(body.words, 5);
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
        let kinds: Vec<&str> = body.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["laughter", "laughter", "crosstalk", "timestamp"]);
        assert_eq!(body.words, 4);
    }

    #[test]
    fn broadcast_cues_and_upper_case_lines_are_events() {
        let lines = split(
            "(END VIDEO CLIP)\nWelcome back.\n(COMMERCIAL BREAK)\n(SOUNDBITE OF MUSIC)\n[Pause]\n(JOINED IN PROGRESS)\n<...>\n(Off-mike.) Go ahead.",
        );
        let body = assemble("", 0, &lines, false);
        assert_eq!(body.text, "Welcome back.\n\nGo ahead.");
        assert_eq!(body.words, 4);
        let kinds: Vec<&str> = body.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "video",
                "break",
                "sound",
                "pause",
                "other",
                "omission",
                "inaudible"
            ]
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
