//! Bytes to text: encoding detection and decoding.
//!
//! Knows nothing about transcripts: it turns the bytes of one input into a
//! `str` (UTF-8 with or without BOM, UTF-16, Windows-1252 as a fallback) or
//! says why it cannot. Line ends and spaces are left for the parser, so that
//! line numbers always refer to the original input.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use std::borrow::Cow;

/// Why an input cannot be explored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Zero bytes, or nothing but white space.
    Empty,
    /// NUL bytes or other binary content.
    Binary,
    /// Neither UTF-8, UTF-16 nor clean Windows-1252.
    NotText { offset: usize },
    /// Text, but no line reads as a speaker label.
    NoTurns,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => f.write_str("empty input"),
            InputError::Binary => f.write_str("binary file, not a transcript"),
            InputError::NotText { offset } => {
                write!(f, "not valid UTF-8 text (bad byte at offset {offset})")
            }
            InputError::NoTurns => f.write_str("no speaker turns found"),
        }
    }
}

impl std::error::Error for InputError {}

/// Decoded text and any warning about how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warnings: Vec<Diagnostic>,
}

/// Control bytes that never occur in text (NUL, and C0 codes other than
/// tab, line feed, form feed, carriage return and escape).
fn is_binary_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)
}

/// UTF-16 by its byte-order mark, or by the zero bytes that ASCII text in
/// UTF-16 has in every other position. `Some(true)` for little-endian.
fn utf16_order(bytes: &[u8]) -> Option<(bool, usize)> {
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Some((true, 2));
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Some((false, 2));
    }
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let odd_zero = sample.chunks(2).filter(|c| c[1] == 0 && c[0] != 0).count();
    let even_zero = sample.chunks(2).filter(|c| c[0] == 0 && c[1] != 0).count();
    if odd_zero * 10 >= pairs * 7 {
        Some((true, 0))
    } else if even_zero * 10 >= pairs * 7 {
        Some((false, 0))
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], little: bool) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

fn decode_cp1252(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        match b {
            0x80..=0x9f => out.push(crate::cp1252::HIGH[(b - 0x80) as usize]?),
            _ => out.push(b as char),
        }
    }
    Some(out)
}

/// The lines of decoded text, numbered as the parser numbers them: LF,
/// CRLF and a lone CR each end a line, a leading BOM is not text. Line `n`
/// is `lines(text)[n - 1]`, without its line end.
pub fn lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        if rest.starts_with("\r\n") {
            rest = &rest[2..];
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
    }
    out
}

/// Decode one input's bytes: UTF-8 (with or without BOM), UTF-16 (by BOM
/// or by shape), or Windows-1252 when the bytes are not UTF-8 but decode
/// cleanly as it (with a warning).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    let mut warnings = Vec::new();
    let text: Cow<'_, str> = if let Some((little, skip)) = utf16_order(bytes) {
        let s = decode_utf16(&bytes[skip..], little).ok_or(InputError::NotText { offset: 0 })?;
        if s.contains('\0') {
            return Err(InputError::Binary);
        }
        Cow::Owned(s)
    } else if bytes.iter().any(|&b| is_binary_byte(b)) {
        return Err(InputError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let offset = e.valid_up_to();
                let s = decode_cp1252(bytes).ok_or(InputError::NotText { offset })?;
                warnings.push(Diagnostic::warning(
                    0,
                    DiagnosticKind::Encoding,
                    format!("not valid UTF-8 (bad byte at offset {offset}); read as Windows-1252"),
                ));
                Cow::Owned(s)
            }
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    Ok(Decoded { text, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"Q: hi").unwrap().text, "Q: hi");
        assert_eq!(decode(b"\xef\xbb\xbfQ: hi").unwrap().text, "\u{feff}Q: hi");
    }

    #[test]
    fn utf16_by_bom_and_by_shape() {
        let le: Vec<u8> = "\u{feff}Q: héllo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Q: héllo");
        let be: Vec<u8> = "Q: hello there"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Q: hello there");
    }

    #[test]
    fn windows_1252_with_a_warning() {
        let d = decode(b"Q: \x93quoted\x94 caf\xe9").unwrap();
        assert_eq!(d.text, "Q: “quoted” café");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(
            decode(b"Q: \x81 undefined").err(),
            Some(InputError::NotText { offset: 3 })
        );
    }

    #[test]
    fn lines_end_like_the_parser_s() {
        assert_eq!(lines("\u{feff}a\r\nb\rc\n\nd"), ["a", "b", "c", "", "d"]);
        assert_eq!(lines("a\n"), ["a"]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn binary_and_empty_inputs() {
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00").err(),
            Some(InputError::Binary)
        );
        assert_eq!(decode(b"").err(), Some(InputError::Empty));
        assert_eq!(decode(b" \n\r\n\t").err(), Some(InputError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf\n").err(), Some(InputError::Empty));
    }
}
