//! A speaker key: a legend before the transcript that maps short codes to
//! people (`HN Hana Novak`), after which each turn opens with its code.
//!
//! Transcription services and agencies print one where names are long or
//! many. This module only reads the legend and recognises a line that
//! opens with one of its codes; the parser decides the rest. Codes are
//! what the document declares, never guessed.

use super::label::{Candidate, Form, LabelKind, Shape};
use super::lines::Line;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// The codes a document declares, and where the legend stands.
#[derive(Debug, Default)]
pub struct SpeakerKey {
    /// Code -> the name the legend gives (`HN` -> `Hana Novak`).
    pub names: HashMap<String, String>,
    /// Line indexes of the legend itself (heading and entries).
    pub legend: Range<usize>,
}

/// A legend's heading: `Speaker key:`, `Key to speakers`, `Legend:`.
fn is_heading(text: &str) -> bool {
    let t = text.trim_end_matches(':').trim();
    // The longest heading is short: no lower-cased copy of a longer line.
    if t.len() > 20 {
        return false;
    }
    let t = t.to_lowercase();
    matches!(
        t.as_str(),
        "speaker key" | "speakers key" | "key to speakers" | "key" | "legend" | "speaker codes"
    )
}

/// `HN Hana Novak`: a code of one to four capitals, then a name.
fn entry(text: &str) -> Option<(&str, &str)> {
    let (code, name) = text.split_once(' ')?;
    let name = name.trim();
    ((1..=4).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_uppercase())
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.split_whitespace().count() <= 6)
        .then_some((code, name))
}

impl SpeakerKey {
    /// Could the raw line `raw` be a speaker key's heading? Ruled out on
    /// bytes where it can be: a heading ends in `key`, `legend`, `codes`
    /// or `speakers` (so the last ASCII letter or digit of the line is a
    /// `y`, `d` or `s`), and holds at most 20 ASCII letters and digits
    /// (it is at most 20 bytes trimmed, and normalising keeps them). Other
    /// lines are normalised and read.
    pub fn may_head_a_key(raw: &str) -> bool {
        let b = raw.as_bytes();
        let Some(last) = b.iter().rposition(u8::is_ascii_alphanumeric) else {
            return false;
        };
        // The letter before it: `e` of `key` and `codes`, `n` of `legend`,
        // `r` of `speakers`. No other character lower-cases to these, but a
        // zero-width one between (dropped when normalised) leaves a
        // non-ASCII byte there: that line is read.
        let before = last.checked_sub(1).map(|i| b[i].to_ascii_lowercase());
        let fits = match b[last].to_ascii_lowercase() {
            b'y' => before == Some(b'e'),
            b'd' => before == Some(b'n'),
            b's' => matches!(before, Some(b'e' | b'r')),
            _ => return false,
        };
        if !fits && before.is_none_or(|c| c.is_ascii()) {
            return false;
        }
        let short = b[..last]
            .iter()
            .rev()
            .filter(|c| c.is_ascii_alphanumeric())
            .nth(19)
            .is_none();
        short && is_heading(&super::lines::normalised(super::lines::first_lines(raw, 1)))
    }

    /// The first legend in `lines`, with at least two entries.
    pub fn find(lines: &[Line<'_>]) -> Option<SpeakerKey> {
        let head = lines.iter().position(|l| is_heading(l.text))?;
        let mut key = SpeakerKey::default();
        let mut end = head + 1;
        for l in &lines[head + 1..] {
            if l.is_blank() && key.names.is_empty() {
                end += 1;
                continue;
            }
            let Some((code, name)) = entry(l.text) else {
                break;
            };
            key.names.insert(code.to_string(), name.to_string());
            end += 1;
        }
        key.legend = head..end;
        (key.names.len() >= 2).then_some(key)
    }

    /// A line that opens with a declared code and goes on with text.
    pub fn candidate<'a>(&self, text: &'a str) -> Option<Candidate<'a>> {
        let (code, rest) = text.split_once(' ')?;
        self.names.contains_key(code).then(|| Candidate {
            label: Cow::Borrowed(code),
            rest: rest.trim_start(),
            kind: LabelKind::Inline,
            form: Form::Key,
            timestamp: None,
            shape: Shape {
                all_caps: true,
                words: 1,
                ..Shape::default()
            },
        })
    }

    /// The name a code stands for.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.names.get(code).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keys_heading_is_never_ruled_out_on_bytes() {
        let read = |raw: &str| {
            is_heading(&super::super::lines::normalised(
                super::super::lines::first_lines(raw, 1),
            ))
        };
        let headings = [
            "Speaker key:",
            "  SPEAKERS KEY",
            "Key to speakers::",
            "key",
            "Legend :",
            "Speaker codes:",
            "\u{feff}Key:",
            "Spea\u{200b}ker key",
            "\u{212a}ey:",
            "Legend\u{a0}:\t",
            "ke\u{200b}y",
            "Legen\u{2060}d:",
            "Speaker code\u{feff}s",
        ];
        for raw in headings {
            assert!(read(raw), "{raw:?}");
            assert!(SpeakerKey::may_head_a_key(raw), "{raw:?}");
        }
        let prose = [
            "The key issue is supply.",
            "MS. PSAKI: That is the key.",
            "Keys",
            "A legend in his own time, as they said",
        ];
        for raw in prose {
            assert!(!read(raw), "{raw:?}");
        }
        // Every line of the bundled transcript and of the style fixtures:
        // ruled out only when not a heading.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/styles");
        let fixtures: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        let lines = fixtures.iter().flat_map(|t| t.lines());
        for raw in crate::BUNDLED_TEXT.lines().chain(prose).chain(lines) {
            assert!(SpeakerKey::may_head_a_key(raw) || !read(raw), "{raw:?}");
        }
    }

    #[test]
    fn a_legend_declares_codes() {
        let lines = super::super::lines::split_for_test(
            "Speaker key:\nHN\tHana Novak\nAO\tDr Amara Osei-Bonsu\n\nHN\tHello.\nOK then.\n",
        );
        let key = SpeakerKey::find(&lines).unwrap();
        assert_eq!(key.name("AO"), Some("Dr Amara Osei-Bonsu"));
        assert_eq!(key.legend, 0..3);
        assert_eq!(key.candidate("HN Hello.").unwrap().rest, "Hello.");
        assert!(key.candidate("OK then.").is_none());
    }
}
