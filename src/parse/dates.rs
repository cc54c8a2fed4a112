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

/// The English name of month `m` (1 to 12), capitalised.
pub fn month_name(m: u32) -> String {
    let name = MONTHS[(m.clamp(1, 12) - 1) as usize];
    name[..1].to_uppercase() + &name[1..]
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month or a day of the week, written in full (`May`, `Tuesday`).
pub fn is_calendar_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    MONTHS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str())
}

/// A month's name or its three-letter abbreviation (`May`, `Oct`,
/// `Sept`), in English or another language of `data/lexicon` (`mars`).
pub fn is_month_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    MONTHS.contains(&w.as_str())
        || w == "sept"
        || w.len() == 3 && MONTHS.iter().any(|m| m.starts_with(&w))
        || super::vocab::month_number(word).is_some()
}

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
/// `令和3年3月5日`: a Japanese era year (Reiwa, Heisei); `中華民國113年3月21日`,
/// Taiwan's Minguo years.
static DATE_JA_ERA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(令和|平成|中華民國|中华民国|民國|民国)(\d{1,3}|元)年(\d{1,2})月(\d{1,2})日")
        .unwrap()
});
/// `2023. 12. 6.`: year, month and day closed by full stops (Korea).
static DATE_YMD_DOTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.").unwrap());
/// `05.10.2023`: day, month, year between full stops (Germany, Russia,
/// most of Europe; the United States never writes dates so).
static DATE_DMY_DOTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").unwrap());

/// A number in ASCII or Arabic-Indic digits (`١٤`, `۱۴`).
fn number(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{660}'..='\u{669}' => c as u32 - 0x660,
            '\u{6f0}'..='\u{6f9}' => c as u32 - 0x6f0,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(d)
    })
}

static DATE_CJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").unwrap());
/// `2021년 3월 1일`.
static DATE_KO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일").unwrap());
/// Day, month word, year in other languages: `13 de diciembre de 2018`,
/// `22 mars 2023`, `1. März 2021`, `1 марта 2021 г.`, `6 novembre 2023`
/// (the month word is checked against `data/lexicon`). Spaces, not `\b`,
/// around it: no Unicode word boundaries to compile.
static DATE_WORD_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s(])(\d{1,2})\.?\s+(?:de\s+)?(\pL+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?:$|[^\d])",
    )
    .unwrap()
});
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

/// Whether an all-numeric date (`3/4/2024`) puts the day or the month
/// first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `3/4/2024` is 3 April: most of the world.
    DayFirst,
    /// `3/4/2024` is March 4: the United States and a few others.
    MonthFirst,
}

/// A date as the text writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Read without doubt (ISO, a month name, 年月日): ISO 8601.
    Iso(String),
    /// Two numbers and a year (`3/4/2024`): which is the month depends on
    /// the writer's convention unless one of them is over 12.
    Numeric { first: u32, second: u32, year: u32 },
}

impl Written {
    /// The order the numbers prove themselves: a number over 12 is the day.
    pub fn proven_order(&self) -> Option<DateOrder> {
        match *self {
            Written::Numeric { first, .. } if first > 12 => Some(DateOrder::DayFirst),
            Written::Numeric { second, .. } if second > 12 => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }

    /// As ISO 8601, reading an all-numeric date in `order` when its
    /// numbers do not decide; `None` when they do not and `order` is
    /// unknown. `4/4/2024` is the same date either way.
    pub fn iso(&self, order: Option<DateOrder>) -> Option<String> {
        match *self {
            Written::Iso(ref s) => Some(s.clone()),
            Written::Numeric {
                first,
                second,
                year,
            } => {
                let order = self
                    .proven_order()
                    .or(order)
                    .or_else(|| (first == second).then_some(DateOrder::MonthFirst))?;
                match order {
                    DateOrder::DayFirst => iso(year, second, first),
                    DateOrder::MonthFirst => iso(year, first, second),
                }
            }
        }
    }

    /// True when only a convention can say which number is the month.
    #[cfg(test)]
    pub fn is_undecided(&self) -> bool {
        self.iso(None).is_none() && matches!(self, Written::Numeric { .. })
    }
}

/// Find a date in `text`, with its byte range. An all-numeric date is
/// returned as written ([`Written::Numeric`]) for the caller to read in
/// the order of its place; every other form is read here.
pub fn find_date(text: &str) -> Option<(Written, std::ops::Range<usize>)> {
    // Every pattern needs a digit, and most a mark of their own (`-`,
    // `年`, `년`, `.`, `/`): a text without it is not matched against them, nor
    // are they compiled (a third of a millisecond each) for it.
    if !text.chars().any(char::is_numeric) {
        return None;
    }
    // Only an era year has fewer than four digits (`令和3年`): every other
    // pattern holds `\d{4}`, which needs four numeric characters in a row.
    if !four_numeric_in_a_row(text) {
        return era_match(text).and_then(|c| era(&c));
    }
    if let Some(c) = text
        .contains('-')
        .then(|| DATE_ISO.captures(text))
        .flatten()
    {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
    }
    if let Some(c) = DATE_MDY.captures(text) {
        if let Some(m) = month_number(&c[1]) {
            let (d, y) = (c[2].parse().ok()?, c[3].parse().ok()?);
            return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
        }
    }
    if let Some(c) = DATE_DMY.captures(text) {
        if let Some(m) = month_number(&c[2]) {
            let (d, y) = (c[1].parse().ok()?, c[3].parse().ok()?);
            return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
        }
    }
    if let Some(c) = era_match(text) {
        return era(&c);
    }
    let han_year = text.contains('年');
    if let Some(c) = han_year.then(|| DATE_CJK.captures(text)).flatten() {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
    }
    if let Some(c) = text
        .contains('년')
        .then(|| DATE_KO.captures(text))
        .flatten()
    {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
    }
    let dots = text.contains('.');
    if let Some(c) = dots.then(|| DATE_YMD_DOTS.captures(text)).flatten() {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
    }
    if let Some(c) = dots.then(|| DATE_DMY_DOTS.captures(text)).flatten() {
        let (d, m, y) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()));
    }
    // The month word decides: `12 apples 2021` is no date.
    // (`٢٢ شعبان ١٤٤٢هـ الموافق ٤ أبريل ٢٠٢١م`: the Hijri month is none of
    // the lexicon's, the Gregorian date after it is read.)
    for c in DATE_WORD_DMY.captures_iter(text) {
        if let Some(m) = super::vocab::month_number(&c[2]) {
            let (d, y) = (number(&c[1])?, number(&c[3])?);
            let (start, end) = (c.get(1).unwrap().start(), c.get(3).unwrap().end());
            return iso(y, m, d).map(|s| (Written::Iso(s), start..end));
        }
    }
    if let Some(c) = text
        .contains('/')
        .then(|| DATE_SLASH.captures(text))
        .flatten()
    {
        let (first, second, year): (u32, u32, u32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        // At least one reading must be a date.
        let valid = |m: u32, d: u32| iso(year, m, d).is_some();
        if !(valid(first, second) || valid(second, first)) {
            return None;
        }
        return Some((
            Written::Numeric {
                first,
                second,
                year,
            },
            c.get(0).unwrap().range(),
        ));
    }
    None
}

/// Does `text` hold four numeric characters in a row, as a `\d{4}` match
/// must (`\d` is Unicode `Nd`, all of them numeric)?
fn four_numeric_in_a_row(text: &str) -> bool {
    let mut run = 0;
    text.chars().any(|c| {
        run = if c.is_numeric() { run + 1 } else { 0 };
        run == 4
    })
}

/// The era date in `text` (`令和3年3月5日`), the one form without a
/// four-digit year; the pattern is run (and compiled) only with a `年`.
fn era_match(text: &str) -> Option<regex::Captures<'_>> {
    text.contains('年')
        .then(|| DATE_JA_ERA.captures(text))
        .flatten()
}

/// Read a match of [`DATE_JA_ERA`]: Reiwa 1 is 2019, Heisei 1 is 1989,
/// Minguo 1 is 1912; `元年` is the first year.
fn era(c: &regex::Captures<'_>) -> Option<(Written, std::ops::Range<usize>)> {
    let base = match &c[1] {
        "令和" => 2018,
        "平成" => 1988,
        _ => 1911,
    };
    let n: u32 = if &c[2] == "元" {
        1
    } else {
        c[2].parse().ok()?
    };
    let (m, d) = (c[3].parse().ok()?, c[4].parse().ok()?);
    iso(base + n, m, d).map(|s| (Written::Iso(s), c.get(0).unwrap().range()))
}

/// Places and their convention for all-numeric dates, from
/// `data/date-order.toml`: (lower-case name, order).
static PLACES: LazyLock<Vec<(String, DateOrder)>> = LazyLock::new(|| {
    #[derive(serde::Deserialize)]
    struct Places {
        #[serde(rename = "month-first")]
        month_first: Vec<String>,
        #[serde(rename = "day-first")]
        day_first: Vec<String>,
    }
    let places: Places = toml::from_str(include_str!("../../data/date-order.toml"))
        .expect("data/date-order.toml is valid");
    let tag = |names: Vec<String>, order: DateOrder| {
        names
            .into_iter()
            .map(move |n| (n.to_lowercase(), order))
            .collect::<Vec<_>>()
    };
    let mut out = tag(places.month_first, DateOrder::MonthFirst);
    out.extend(tag(places.day_first, DateOrder::DayFirst));
    out
});

/// The convention for all-numeric dates where `place` is: the place
/// named first in it that `data/date-order.toml` knows (`Aboard Air Force
/// One, En Route Tel Aviv, Israel` is written by the White House: month
/// first), matched as whole words.
pub fn place_order(place: &str) -> Option<DateOrder> {
    let lower = place.to_lowercase();
    let mut best: Option<(usize, usize, DateOrder)> = None;
    for (name, order) in PLACES.iter() {
        let Some(at) = find_word(&lower, name) else {
            continue;
        };
        let better = best.is_none_or(|(b, len, _)| at < b || at == b && name.len() > len);
        if better {
            best = Some((at, name.len(), *order));
        }
    }
    best.map(|b| b.2)
}

/// The first position of `name` in `text` as whole words.
fn find_word(text: &str, name: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(i) = text[from..].find(name).map(|i| i + from) {
        let end = i + name.len();
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        // `u.s.` ends with a dot: what follows it may be a letter's
        // neighbour only across a space.
        let ends_word = name.ends_with(|c: char| !c.is_alphanumeric()) || !is_word(after);
        if !is_word(before) && ends_word {
            return Some(i);
        }
        from = i + name.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Find a clock time (`10 a.m.`, `12:07 P.M. EST`) in `text`.
pub fn find_time(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    // `a.m.`/`PM` need an `m`, a 24-hour clock a colon: without them the
    // patterns are neither run nor compiled.
    if text.contains(['m', 'M']) {
        if let Some(m) = TIME.find(text) {
            return Some((m.as_str().trim().to_string(), m.range()));
        }
    }
    let t = text.trim();
    (t.contains(':') && TIME_24.is_match(t)).then(|| (t.to_string(), 0..text.len()))
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
                || WEEKDAYS.iter().any(|d| d.starts_with(&w) && w.len() >= 3)
                || !w.is_ascii() && super::vocab::is_date_word(&w.to_lowercase())
                || super::vocab::is_date_word(&w)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_four_digit_pattern_is_only_skipped_where_it_cannot_match() {
        let four = Regex::new(r"\d{4}").unwrap();
        let texts = [
            "",
            "2021",
            "March 1, 2021",
            "10 a.m.",
            "12:07 P.M. EST",
            "١٤٤٢هـ",
            "٢٠٢١م",
            "۱۴۰۲",
            "２０２１年３月１日",
            "令和3年3月5日",
            "中華民國113年3月21日",
            "12/3/99",
            "1 2 3 4",
            "x9x99x999x",
            "x9999x",
            "①②③④",
            "Ⅻ 2 02 1",
        ];
        for text in texts {
            if four.is_match(text) {
                assert!(four_numeric_in_a_row(text), "{text:?}");
            }
        }
        assert!(!four_numeric_in_a_row("12/3/99"));
        assert!(!four_numeric_in_a_row("x9x99x999x"));
        // The era form needs no four digits and is still read.
        assert_eq!(
            find_date("令和3年3月5日").map(|(w, _)| w),
            Some(Written::Iso("2021-03-05".into()))
        );
    }

    #[test]
    fn era_and_dotted_dates() {
        let read = |t: &str| find_date(t).and_then(|(w, _)| w.iso(None));
        assert_eq!(
            read("發布日期：中華民國113年3月21日").as_deref(),
            Some("2024-03-21")
        );
        assert_eq!(read("民國112年10月1日").as_deref(), Some("2023-10-01"));
        assert_eq!(
            read("일시: 2023. 12. 6.(수) 11:00").as_deref(),
            Some("2023-12-06")
        );
        // Dots between day, month and year put the day first.
        assert_eq!(read("Дата: 05.10.2023").as_deref(), Some("2023-10-05"));
        assert_eq!(read("Version 1.2.3 of 2023"), None);
        assert_eq!(read("In 2023. 12 states agreed."), None);
    }

    fn read(text: &str, order: Option<DateOrder>) -> Option<String> {
        find_date(text).and_then(|(w, _)| w.iso(order))
    }

    #[test]
    fn numeric_dates_follow_the_order_of_their_place() {
        use DateOrder::*;
        assert_eq!(
            read("Canberra, 3/4/2024", Some(DayFirst)).as_deref(),
            Some("2024-04-03")
        );
        assert_eq!(
            read("3/4/2024", Some(MonthFirst)).as_deref(),
            Some("2024-03-04")
        );
        // Undecided without a place; decided by the numbers themselves.
        assert_eq!(read("3/4/2024", None), None);
        assert!(find_date("3/4/2024").unwrap().0.is_undecided());
        assert_eq!(read("13/4/2024", None).as_deref(), Some("2024-04-13"));
        assert_eq!(
            read("13/4/2024", Some(MonthFirst)).as_deref(),
            Some("2024-04-13")
        );
        assert_eq!(
            read("4/13/2024", Some(DayFirst)).as_deref(),
            Some("2024-04-13")
        );
        assert_eq!(read("4/4/2024", None).as_deref(), Some("2024-04-04"));
        // Other forms never depend on the place.
        assert_eq!(
            read("2024-04-03", Some(MonthFirst)).as_deref(),
            Some("2024-04-03")
        );
        assert_eq!(
            read("3 April 2024", Some(MonthFirst)).as_deref(),
            Some("2024-04-03")
        );
        assert_eq!(
            read("April 3, 2024", Some(DayFirst)).as_deref(),
            Some("2024-04-03")
        );
        assert_eq!(find_date("13/13/2024"), None);
    }

    #[test]
    fn places_know_their_convention() {
        use DateOrder::*;
        assert_eq!(place_order("Canberra"), Some(DayFirst));
        assert_eq!(place_order("London, United Kingdom"), Some(DayFirst));
        assert_eq!(place_order("New Delhi"), Some(DayFirst));
        assert_eq!(place_order("Washington, D.C."), Some(MonthFirst));
        assert_eq!(
            place_order("James S. Brady Press Briefing Room"),
            Some(MonthFirst)
        );
        assert_eq!(
            place_order("Aboard Air Force One, En Route Tel Aviv, Israel"),
            Some(MonthFirst)
        );
        assert_eq!(place_order("Beijing"), None);
        assert_eq!(place_order("Via Teleconference"), None);
        // Whole words: `Perthshire` is not Perth, `Indiana` not India.
        assert_eq!(place_order("Indianapolis"), Some(MonthFirst));
        assert_eq!(place_order("Kampala"), Some(DayFirst));
        assert_eq!(place_order("Rusk"), None);
    }
}
