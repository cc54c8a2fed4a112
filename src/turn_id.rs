//! Stable turn ids: a short name for a turn that stays the same when the
//! file is parsed again, by any version of whosaid, and when other turns
//! of the file are edited.
//!
//! An id is the FNV-1a 64-bit hash of the turn's label as printed and its
//! text, both folded ([`fold_char`]: case, runs of white space and line
//! breaks, quote marks, apostrophes, dashes and the ellipsis character),
//! written as 10 characters of Crockford's base32 in lower case (the top 50
//! bits). A second turn with the same label and text gets the same id with
//! `-2` after it, a third `-3`, in the order of the transcript.
//!
//! The label, not the resolved speaker, goes into the hash: a `--roster`
//! or a better guess of a name by a later version of the parser does not
//! change the ids a reader has already cited. FNV-1a is fixed by its
//! specification (unlike std's `DefaultHasher`, which may change between
//! Rust releases), so ids never change with the toolchain.
//!
//! Ids are computed from the turns after parsing ([`ids`]), never stored
//! by the parser; [`serialize_turns`] writes each turn with its `id` in the
//! model's JSON. This module hashes and compares; it must not parse or
//! print.

use crate::fnv::Fnv;
use crate::model::Turn;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use std::collections::HashMap;

/// Characters in an id (before a `-N` occurrence suffix).
pub const LEN: usize = 10;

/// The shortest prefix of an id that `--id` and `cite` accept.
pub const MIN_PREFIX: usize = 6;

/// Crockford's base32 alphabet in lower case (no i, l, o, u).
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The typographic variant a reader would not notice, folded to one
/// character: curly and angled quotes to `"` and `'`, primes and modifier
/// apostrophes to `'`, hyphens, dashes and the minus sign to `-`, and any
/// white space to a space. `None` for characters to drop (zero-width
/// ones, the soft hyphen). Case is folded by the caller.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`'
        | '\u{00b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
        | '\u{00bb}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => return None,
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Each ASCII byte as [`fold_char`] and then lower case fold it: a space
/// for white space, `'` for a backtick.
const ASCII_FOLDED: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'`' => b'\'',
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => b' ',
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// Feed `s` folded: lower case, typography folded, the ellipsis character
/// as three dots, runs of white space as one space, none at either end.
/// ASCII bytes, nearly all of an English transcript, are folded by
/// [`ASCII_FOLDED`] without decoding a `char`.
fn feed_folded(h: &mut Fnv, s: &str) {
    let bytes = s.as_bytes();
    let mut fold = Folding {
        h,
        space: false,
        started: false,
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            match ASCII_FOLDED[usize::from(bytes[i])] {
                b' ' => fold.space(),
                b => fold.text().byte(b),
            }
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match fold_char(c) {
            None => {}
            Some(' ') => fold.space(),
            Some('\u{2026}') => fold.text().bytes(b"..."),
            Some(c) => {
                let h = fold.text();
                c.to_lowercase().for_each(|l| h.char(l));
            }
        }
    }
}

/// Runs of white space as one space, none at either end.
struct Folding<'h> {
    h: &'h mut Fnv,
    /// White space was read since the last text.
    space: bool,
    /// Text was read.
    started: bool,
}

impl Folding<'_> {
    #[inline(always)]
    fn space(&mut self) {
        self.space = self.started;
    }

    /// The hash, after the one space that stands for any white space read
    /// since the last text.
    #[inline(always)]
    fn text(&mut self) -> &mut Fnv {
        if self.space {
            self.h.byte(b' ');
            self.space = false;
        }
        self.started = true;
        self.h
    }
}

/// The hash of a turn's folded label and text; the unit separator keeps
/// `a` + `bc` apart from `ab` + `c`.
fn turn_hash(label: &str, text: &str) -> u64 {
    let mut h = Fnv::default();
    feed_folded(&mut h, label);
    h.bytes(&[0x1f]);
    feed_folded(&mut h, text);
    h.0
}

/// The top 50 bits of `hash` in [`LEN`] base32 characters.
fn base32(hash: u64) -> String {
    (0..LEN)
        .map(|i| {
            let shift = 64 - 5 * (i + 1);
            char::from(ALPHABET[((hash >> shift) & 31) as usize])
        })
        .collect()
}

/// The id of every turn, in order: the hash of its label and text, with
/// `-2`, `-3`, ... on later turns whose label and text are the same.
pub fn ids(turns: &[Turn]) -> Vec<String> {
    let mut seen: HashMap<u64, usize> = HashMap::with_capacity(turns.len());
    turns
        .iter()
        .map(|t| {
            let hash = turn_hash(&t.label, &t.text);
            let n = seen.entry(hash).or_insert(0);
            *n += 1;
            if *n == 1 {
                base32(hash)
            } else {
                format!("{}-{n}", base32(hash))
            }
        })
        .collect()
}

/// What a user typed for an id is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId(pub String);

impl std::fmt::Display for BadId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A user's `--id` or `cite` argument, checked and in lower case: a whole
/// id (with its `-N` suffix, if any) or a prefix of at least
/// [`MIN_PREFIX`] characters of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdQuery(String);

impl IdQuery {
    /// Read what the user typed.
    pub fn parse(s: &str) -> Result<IdQuery, BadId> {
        let q = s.trim().to_ascii_lowercase();
        let (base, suffix) = match q.split_once('-') {
            Some((b, n)) => (b, Some(n)),
            None => (q.as_str(), None),
        };
        if let Some(b) = base.bytes().find(|b| !ALPHABET.contains(b)) {
            return Err(BadId(format!(
                "'{s}' is not a turn id: '{}' is not one of its characters \
                 (0-9 and a-z without i, l, o, u)",
                char::from(b)
            )));
        }
        if base.len() > LEN {
            return Err(BadId(format!(
                "'{s}' is not a turn id: ids have {LEN} characters"
            )));
        }
        if base.len() < MIN_PREFIX {
            return Err(BadId(format!(
                "'{s}' is too short for a turn id: give at least {MIN_PREFIX} of its {LEN} characters"
            )));
        }
        if let Some(n) = suffix {
            let ok = base.len() == LEN && n.parse::<usize>().is_ok_and(|n| n >= 2);
            if !ok {
                return Err(BadId(format!(
                    "'{s}' is not a turn id: after the {LEN} characters, only -2, -3, ... may follow"
                )));
            }
        }
        Ok(IdQuery(q))
    }

    /// Does this id answer the query: the same id, or for a prefix any id
    /// that starts with it. A whole id does not match its own later
    /// occurrences (`…-2`).
    pub fn matches(&self, id: &str) -> bool {
        if self.0.len() >= LEN {
            id == self.0
        } else {
            id.starts_with(&self.0)
        }
    }

    /// The query as typed, checked and in lower case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A turn as the model's JSON writes it: its `id`, then its fields.
#[derive(Serialize)]
struct WithId<'a> {
    id: &'a str,
    #[serde(flatten)]
    turn: &'a Turn,
}

/// Serialise the turns of a transcript, each with its `id` (for
/// `#[serde(serialize_with)]` on [`Transcript::turns`](crate::Transcript)).
pub fn serialize_turns<S: Serializer>(turns: &[Turn], s: S) -> Result<S::Ok, S::Error> {
    let ids = ids(turns);
    let mut seq = s.serialize_seq(Some(turns.len()))?;
    for (turn, id) in turns.iter().zip(&ids) {
        seq.serialize_element(&WithId { id, turn })?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ten_characters_of_the_alphabet() {
        let id = base32(turn_hash("Q", "Why?"));
        assert_eq!(id.len(), LEN);
        assert!(id.bytes().all(|b| ALPHABET.contains(&b)), "{id}");
        assert_eq!(base32(0), "0000000000");
        assert_eq!(base32(u64::MAX), "zzzzzzzzzz");
    }

    #[test]
    fn typography_case_and_spacing_do_not_change_the_hash() {
        let plain = turn_hash("MS. PSAKI", "It's a \"good\" day - isn't it...");
        for (label, text) in [
            (
                "Ms. Psaki",
                "it\u{2019}s a \u{201c}good\u{201d} day \u{2013} isn\u{2019}t it\u{2026}",
            ),
            ("  MS.  PSAKI ", "It's a \"good\"\n\nday  -  isn't it..."),
            (
                "MS. PSAKI",
                "It's a \"good\" day \u{2014} isn't\u{200b} it...",
            ),
        ] {
            assert_eq!(turn_hash(label, text), plain, "{label:?} {text:?}");
        }
        assert_ne!(turn_hash("MS. PSAKI", "It's a good day"), plain);
        assert_ne!(
            turn_hash("MS", ". PSAKI It's"),
            turn_hash("MS.", "PSAKI It's")
        );
    }

    #[test]
    fn queries_take_whole_ids_and_long_prefixes() {
        let q = IdQuery::parse(" ABCDEF ").unwrap();
        assert!(q.matches("abcdef1234"));
        assert!(q.matches("abcdef1234-2"));
        assert!(!q.matches("abcdeg1234"));
        let whole = IdQuery::parse("abcdef1234").unwrap();
        assert!(whole.matches("abcdef1234"));
        assert!(!whole.matches("abcdef1234-2"));
        assert!(
            IdQuery::parse("abcdef1234-2")
                .unwrap()
                .matches("abcdef1234-2")
        );
        for bad in [
            "abcde",
            "abcdefghjkm",
            "abcdef-2",
            "abcdef1234-1",
            "abcdefil",
            "",
        ] {
            assert!(IdQuery::parse(bad).is_err(), "{bad}");
        }
    }
}
