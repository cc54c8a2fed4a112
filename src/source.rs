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
    NotText {
        /// Byte offset of the first byte that is not text.
        offset: usize,
    },
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
    /// The text, borrowed from the input when it was UTF-8 already.
    pub text: Cow<'a, str>,
    /// How the bytes were read, where that is worth knowing.
    pub warnings: Vec<Diagnostic>,
}

/// Control bytes that never occur in text (C0 codes other than tab, line
/// feed, form feed, carriage return and escape). One or two are a stray
/// byte in a text; a high share of them is binary content.
fn is_control_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)
}

/// Binary: a NUL byte, or more than one byte in ten a control byte.
fn looks_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let controls = count_control_bytes(bytes);
    controls > 0 && controls * 10 > bytes.len()
}

/// How many bytes of `bytes` are [`is_control_byte`]: counted in one-byte
/// tallies over blocks of 255 bytes, which the compiler turns into vector
/// compares (a byte-by-byte filter was a tenth of a skipped file's cost).
fn count_control_bytes(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let tally = block
                .iter()
                .fold(0u8, |n, &b| n + u8::from(is_control_byte(b)));
            usize::from(tally)
        })
        .sum()
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

/// Bytes that Windows-1252 leaves undefined: a file with them is not
/// Windows-1252 text.
fn cp1252_undefined(b: u8) -> bool {
    matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d)
}

/// How much of the input is UTF-8: the valid multi-byte characters and
/// the byte offsets and lengths of the invalid sequences.
struct Utf8Survey {
    multibyte: usize,
    invalid: Vec<(usize, usize)>,
}

fn survey_utf8(bytes: &[u8]) -> Utf8Survey {
    let mut survey = Utf8Survey {
        multibyte: 0,
        invalid: Vec::new(),
    };
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        survey.multibyte += valid.bytes().filter(|&b| b >= 0xc0).count();
        at += valid.len();
        if !chunk.invalid().is_empty() {
            survey.invalid.push((at, chunk.invalid().len()));
            at += chunk.invalid().len();
        }
    }
    survey
}

/// The 1-based line of each byte offset (sorted), counting line ends as
/// [`lines`] does (LF, CRLF, lone CR).
fn lines_of(bytes: &[u8], offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut line = 1;
    let mut i = 0;
    for &offset in offsets {
        while i < offset.min(bytes.len()) {
            match bytes[i] {
                b'\n' => line += 1,
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line += 1,
                _ => {}
            }
            i += 1;
        }
        out.push(line);
    }
    out
}

/// Invalid UTF-8 bytes reported one by one, at most this many.
const MAX_BYTE_WARNINGS: usize = 10;

/// The lines of decoded text, numbered as the parser numbers them: LF,
/// CRLF and a lone CR each end a line, a leading BOM is not text. Line `n`
/// is `lines(text)[n - 1]`, without its line end.
pub fn lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut rest = text;
    while !rest.is_empty() {
        // memchr reads many bytes at a time; a `char` pattern reads one.
        let end = memchr::memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len());
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

/// Decode one input's bytes, keeping what can be kept (`encoding_rs`):
///
/// - UTF-16 by byte-order mark or by shape;
/// - binary only with a NUL byte or a high share of control bytes (a stray
///   `\x07` is text);
/// - UTF-8 (with or without BOM); a mostly valid UTF-8 file with a few
///   invalid bytes is decoded with U+FFFD in their place and a warning for
///   each (line and byte offset, the first ten);
/// - Windows-1252 (with a warning) only when the bytes are not mostly
///   valid UTF-8 (fewer valid multi-byte characters than invalid
///   sequences) and use no byte Windows-1252 leaves undefined;
/// - otherwise not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    let mut warnings = Vec::new();
    let text: Cow<'_, str> = if let Some((little, skip)) = utf16_order(bytes) {
        let enc = if little {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (s, malformed) = enc.decode_without_bom_handling(&bytes[skip..]);
        if s.contains('\0') {
            return Err(InputError::Binary);
        }
        if malformed {
            warnings.push(Diagnostic::warning(
                0,
                DiagnosticKind::Encoding,
                "invalid UTF-16 sequences replaced with U+FFFD",
            ));
        }
        Cow::Owned(s.into_owned())
    } else if looks_binary(bytes) {
        return Err(InputError::Binary);
    } else {
        // SIMD validation: a skipped file's whole cost is a few passes
        // like this one.
        match simdutf8::compat::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let survey = survey_utf8(bytes);
                if survey.multibyte >= survey.invalid.len() {
                    warnings.extend(invalid_byte_warnings(bytes, &survey.invalid));
                    String::from_utf8_lossy(bytes)
                } else if !bytes.iter().any(|&b| cp1252_undefined(b)) {
                    let offset = e.valid_up_to();
                    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                    warnings.push(Diagnostic::warning(
                        0,
                        DiagnosticKind::Encoding,
                        format!(
                            "not valid UTF-8 (bad byte at offset {offset}); read as Windows-1252"
                        ),
                    ));
                    Cow::Owned(s.into_owned())
                } else {
                    return Err(InputError::NotText {
                        offset: e.valid_up_to(),
                    });
                }
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

/// One warning per invalid UTF-8 sequence (the first ten), and a count of
/// the rest.
fn invalid_byte_warnings(bytes: &[u8], invalid: &[(usize, usize)]) -> Vec<Diagnostic> {
    let shown = &invalid[..invalid.len().min(MAX_BYTE_WARNINGS)];
    let offsets: Vec<usize> = shown.iter().map(|&(at, _)| at).collect();
    let lines = lines_of(bytes, &offsets);
    let mut out: Vec<Diagnostic> = shown
        .iter()
        .zip(lines)
        .map(|(&(at, len), line)| {
            let hex: Vec<String> = bytes[at..at + len]
                .iter()
                .map(|b| format!("0x{b:02X}"))
                .collect();
            let s = if len == 1 { "" } else { "s" };
            Diagnostic::warning(
                line,
                DiagnosticKind::Encoding,
                format!(
                    "invalid UTF-8 byte{s} {} at byte offset {at} replaced with U+FFFD",
                    hex.join(" ")
                ),
            )
        })
        .collect();
    if invalid.len() > shown.len() {
        let more = invalid.len() - shown.len();
        let s = if more == 1 { "" } else { "s" };
        out.push(Diagnostic::warning(
            0,
            DiagnosticKind::Encoding,
            format!("{more} more invalid UTF-8 sequence{s} replaced with U+FFFD"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_counted_as_the_byte_rule_says() {
        // Every byte value, in blocks longer and shorter than a tally's 255.
        let all: Vec<u8> = (0..=255u8).cycle().take(256 * 7 + 13).collect();
        for len in [0, 1, 31, 254, 255, 256, 511, all.len()] {
            let bytes = &all[..len];
            let by_byte = bytes.iter().filter(|&&b| is_control_byte(b)).count();
            assert_eq!(count_control_bytes(bytes), by_byte, "{len}");
        }
        // A block of 255 control bytes fills a tally without overflow.
        assert_eq!(count_control_bytes(&[1u8; 255 * 3]), 255 * 3);
    }

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
    fn mostly_utf8_keeps_the_text_and_names_each_bad_byte() {
        let mut bytes = "Q: caf\u{e9} \u{2019}ok\u{2019}\r\nA: fine"
            .as_bytes()
            .to_vec();
        bytes.insert(bytes.len() - 2, 0xff);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Q: caf\u{e9} \u{2019}ok\u{2019}\r\nA: fi\u{fffd}ne");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].line, 2);
        assert!(
            d.warnings[0]
                .message
                .contains("0xFF at byte offset 24 replaced"),
            "{}",
            d.warnings[0].message
        );
        // More than ten: ten named, the rest counted.
        let mut bytes = b"Q: ".to_vec();
        for _ in 0..20 {
            bytes.extend_from_slice("\u{e9}x".as_bytes());
            bytes.push(0xfe);
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.warnings.len(), 11);
        assert!(
            d.warnings[10]
                .message
                .starts_with("10 more invalid UTF-8 sequences")
        );
        assert!(d.warnings.iter().all(|w| w.is_warning()));
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
        assert_eq!(
            decode(b"\x01\x02\x03\x04ab").err(),
            Some(InputError::Binary)
        );
        // A stray control byte is text.
        assert_eq!(
            decode(b"Q: a bell \x07 here").unwrap().text,
            "Q: a bell \x07 here"
        );
        assert_eq!(decode(b"").err(), Some(InputError::Empty));
        assert_eq!(decode(b" \n\r\n\t").err(), Some(InputError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf\n").err(), Some(InputError::Empty));
    }
}
