//! whosaid: turn press-conference transcripts into typed speaker turns.
//!
//! The library is the pipeline without the process: [`source`] decodes
//! bytes, [`html`] strips a web page to text (keeping a map to its lines),
//! [`parse`] builds the [`model::Transcript`]. The binary adds the
//! command line, input discovery and printing; nothing in here touches
//! stdout, stderr, the environment or exit codes.
//!
//! ```
//! let text = "MODERATOR: Good afternoon. We will take questions now.\n\n\
//!             Anna Petrova, Kommersant: Minister, what did you agree?\n\n\
//!             Sergei Volkov: We agreed to continue talks.\n";
//! let parsed = whosaid::parse_bytes(text.as_bytes(), "example.txt").unwrap();
//! let turns = &parsed.transcript.turns;
//! assert_eq!(turns.len(), 3);
//! assert_eq!(turns[1].speaker.as_deref(), Some("Anna Petrova"));
//! assert_eq!(turns[1].outlet.as_deref(), Some("Kommersant"));
//! assert_eq!(turns[1].role, whosaid::Role::Journalist);
//! assert_eq!(turns[2].role, whosaid::Role::Official);
//! ```

#![warn(missing_docs)]

mod cp1252;
pub mod decision;
pub mod diagnostic;
pub mod figures;
mod fnv;
pub mod html;
pub mod linemap;
pub mod model;
pub mod parse;
pub mod roster;
pub mod source;
pub mod turn_diff;
pub mod turn_id;

pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use model::{Role, Transcript, Turn};
pub use parse::{Parsed, parse_string, parse_text};
pub use roster::{Roster, RosterError};
pub use source::{InputError, decode};
use std::borrow::Cow;

/// The reference transcript shipped inside the binary, explored when no
/// input is given.
pub const BUNDLED_TEXT: &str =
    include_str!("../data/scio-2021-03-01-industry-and-information-technology.txt");

/// The `source` name of the bundled transcript.
pub const BUNDLED_SOURCE: &str = "<bundled>";

/// Decode and parse one input: the whole library in one call.
///
/// An HTML page is stripped to its text first ([`html`]), and the line
/// numbers of the result are the page's own. Fails on input that is not
/// text or holds no speaker turns; warnings (a guessed encoding, a doubtful
/// label) come back in [`Parsed::diagnostics`].
///
/// ```
/// let parsed = whosaid::parse_bytes(whosaid::BUNDLED_TEXT.as_bytes(), "<bundled>").unwrap();
/// let reuters = parsed
///     .transcript
///     .turns
///     .iter()
///     .find(|t| t.outlet.as_deref() == Some("Reuters"))
///     .unwrap();
/// assert_eq!(reuters.line, 143);
/// assert!(whosaid::parse_bytes(b"", "empty").is_err());
/// ```
pub fn parse_bytes(bytes: &[u8], source: &str) -> Result<Parsed, InputError> {
    parse_bytes_with(bytes, source, None)
}

/// Whether [`parse_bytes`] would fail on these bytes, without building
/// the turns a caller does not need: the bytes are decoded (a web page
/// stripped) and only the label pass runs ([`parse::has_turns`]).
pub fn check_bytes(bytes: &[u8], source: &str) -> Result<(), InputError> {
    let _ = source;
    let decoded = decode(bytes)?;
    let found = if html::looks_like_html(&decoded.text) {
        parse::has_turns(&html::strip(&decoded.text).text)
    } else {
        parse::has_turns(&decoded.text)
    };
    if found {
        Ok(())
    } else {
        Err(InputError::NoTurns)
    }
}

/// [`parse_bytes`] with a user's [`Roster`], which wins over inference.
pub fn parse_bytes_with(
    bytes: &[u8],
    source: &str,
    roster: Option<&Roster>,
) -> Result<Parsed, InputError> {
    let decoded = decode(bytes)?;
    with_turns(read_decoded(decoded.text, decoded.warnings, source, roster))
}

/// [`parse_bytes_with`] on bytes the caller gives away: UTF-8 input
/// becomes [`Parsed::text`] without a copy, so a file is held once.
pub fn parse_owned(
    bytes: Vec<u8>,
    source: &str,
    roster: Option<&Roster>,
) -> Result<Parsed, InputError> {
    with_turns(read_owned(bytes, source, roster)?)
}

/// [`parse_owned`] that also returns a transcript without turns (its
/// diagnostics say which line came closest to a label); fails only on
/// input that is not text.
pub fn read_owned(
    bytes: Vec<u8>,
    source: &str,
    roster: Option<&Roster>,
) -> Result<Parsed, InputError> {
    let decoded = decode(&bytes)?;
    let whole = matches!(&decoded.text, Cow::Borrowed(s) if s.len() == bytes.len());
    let warnings = decoded.warnings;
    let text = match decoded.text {
        // The bytes are the text: move them.
        Cow::Borrowed(_) if whole => match String::from_utf8(bytes) {
            Ok(s) => Cow::Owned(s),
            Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        },
        other => Cow::Owned(other.into_owned()),
    };
    Ok(read_decoded(text, warnings, source, roster))
}

/// Fail on a transcript without turns.
fn with_turns(parsed: Parsed) -> Result<Parsed, InputError> {
    if parsed.transcript.turns.is_empty() {
        return Err(InputError::NoTurns);
    }
    Ok(parsed)
}

/// Parse decoded text (a web page stripped first), apply the roster and
/// put the decoder's warnings first.
fn read_decoded(
    text: Cow<'_, str>,
    warnings: Vec<Diagnostic>,
    source: &str,
    roster: Option<&Roster>,
) -> Parsed {
    let mut parsed = if html::looks_like_html(&text) {
        let stripped = html::strip(&text);
        drop(text);
        let mut parsed = parse::parse_string(stripped.text, source);
        parsed.map_lines(stripped.map);
        parsed.diagnostics.insert(
            0,
            Diagnostic::info(
                0,
                DiagnosticKind::Html,
                "read as HTML: markup stripped; scripts, styles, comments and site \
                 navigation, header and footer left out; lines are the page's own",
            ),
        );
        parsed
    } else {
        match text {
            Cow::Owned(s) => parse::parse_string(s, source),
            Cow::Borrowed(s) => parse_text(s, source),
        }
    };
    if let Some(roster) = roster {
        roster.apply(&mut parsed.transcript);
    }
    parsed.diagnostics.splice(0..0, warnings);
    parsed
}
