//! Dates and clock times in a line: find them, read them as ISO 8601, and
//! say whether a line is nothing else.
//!
//! Shared by the header, the trailer and turn bodies; it imports none of
//! them.

use regex::Regex;
use std::sync::LazyLock;

static MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() >= 3))
        .map(|i| i as u32 + 1)
}

static DATE_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});
static DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8}\.?),?\s+(\d{4})\b").unwrap()
});
static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());
static DATE_SLASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").unwrap());
static DATE_CJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").unwrap());
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.\s?m\.|[ap]m\b)(?:\s+[A-Z]{2,4}\b)?").unwrap()
});
/// A 24-hour clock inside a line that also holds a date (`November 23,
/// 2023, 18:10`, `Aired October 15, 2023 - 09:00 ET`).
pub(super) static TIME_24_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s+[A-Z]{2,4}\b)?").unwrap()
});
static TIME_24: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,4})?$").unwrap());

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=9999).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Find a date in `text` and give it as ISO 8601, with its byte range.
pub fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    if let Some(c) = DATE_ISO.captures(text) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
    }
    if let Some(c) = DATE_MDY.captures(text) {
        if let Some(m) = month_number(&c[1]) {
            let (d, y) = (c[2].parse().ok()?, c[3].parse().ok()?);
            return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
        }
    }
    if let Some(c) = DATE_DMY.captures(text) {
        if let Some(m) = month_number(&c[2]) {
            let (d, y) = (c[1].parse().ok()?, c[3].parse().ok()?);
            return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
        }
    }
    if let Some(c) = DATE_CJK.captures(text) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
    }
    if let Some(c) = DATE_SLASH.captures(text) {
        // Month first, as US sources write it, unless that cannot be.
        let (a, b, y): (u32, u32, u32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
    }
    None
}

/// Find a clock time (`10 a.m.`, `12:07 P.M. EST`) in `text`.
pub fn find_time(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    if let Some(m) = TIME.find(text) {
        return Some((m.as_str().trim().to_string(), m.range()));
    }
    let t = text.trim();
    TIME_24.is_match(t).then(|| (t.to_string(), 0..text.len()))
}

/// Is this line only a date and/or a time (with separators), e.g.
/// `1:16 P.M. EST`, `(November 3, 2023)`, `10/11/2022 07:54 PM`?
pub fn is_date_or_time_line(text: &str) -> bool {
    // Every date and time pattern needs a digit (`\d`, Unicode Nd): most
    // short lines of a body have none, and skip the regexes.
    if !text.chars().any(char::is_numeric) {
        return false;
    }
    let mut rest = text.to_string();
    let mut found = false;
    if let Some((_, r)) = find_date(&rest) {
        rest.replace_range(r, " ");
        found = true;
    }
    if let Some((_, r)) = find_time(&rest) {
        rest.replace_range(r, " ");
        found = true;
    } else if found {
        if let Some(m) = TIME_24_IN.find(&rest) {
            rest.replace_range(m.range(), " ");
        }
    }
    if !found {
        // `07:54 PM` without a.m./p.m. dots, or a bare 24-hour time.
        let t = rest.trim().trim_end_matches(['A', 'P', 'M', ' ']);
        return !t.is_empty() && TIME_24.is_match(t);
    }
    rest.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | ',' | '|' | '-' | '–' | '—' | '.' | '/'
            )
    }) || {
        let r = rest.trim().trim_matches(|c: char| !c.is_alphanumeric());
        // Weekday names and `at` glue.
        r.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            w.is_empty()
                || w == "at"
                || w == "on"
                || [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .iter()
                .any(|d| d.starts_with(&w) && w.len() >= 3)
        })
    }
}
