//! `whosaid timeline`: over dated transcripts, how often a pattern came up
//! (every match in the turns that pass the filters) or, without a
//! pattern, how many turns passed the filters (`--speaker psaki`), per
//! ISO week or calendar month; drawn as bars, written as SVG, or as rows
//! (`--format tsv|csv|json|jsonl`: period, start, end, transcripts,
//! words, count).
//!
//! Streams: each transcript adds to its period's counts and is dropped;
//! only the counts are kept. Transcripts without a full ISO date are left
//! out, with a note. Calendar arithmetic is here (days since 1970, no
//! time zones: a date is a day).
//!
//! It must not draw (that is `crate::chart`) nor keep a transcript after
//! counting it.

use super::{ERROR, NO_MATCH, Reading, SUCCESS, for_each_input, message, stats};
use crate::chart::bars::{self, Bar, BarChart, Group};
use crate::cli::{Format, Period, TimelineArgs};
use crate::config::{Env, Out};
use crate::query::{Filter, Matcher, Unmatched};
use crate::render::text::{clean, count};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

/// One period's counts (docs/json.md).
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct PeriodRow {
    /// `2021-03` or `2021-W09`.
    pub period: String,
    /// First and last day of the period (ISO 8601).
    pub start: String,
    pub end: String,
    /// Dated transcripts of the period read.
    pub transcripts: usize,
    /// Words of those transcripts (all turns): for rates.
    pub words: usize,
    /// Matches of the pattern, or turns that passed the filters.
    pub count: usize,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `YYYY-MM-DD` as a day number; anything else (a partial date) is none.
pub fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&d)
        .then(|| days_from_civil(y, m, d))
}

fn iso(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A period as an ordered key: months since year 0, or the day number of
/// a week's Monday.
fn period_key(by: Period, day: i64) -> i64 {
    match by {
        Period::Month => {
            let (y, m, _) = civil_from_days(day);
            y * 12 + i64::from(m) - 1
        }
        // 1970-01-01 was a Thursday: Monday is 0.
        Period::Week => day - (day + 3).rem_euclid(7),
    }
}

fn next_key(by: Period, key: i64) -> i64 {
    match by {
        Period::Month => key + 1,
        Period::Week => key + 7,
    }
}

/// Name, first day and last day of a period.
fn describe(by: Period, key: i64) -> (String, String, String) {
    match by {
        Period::Month => {
            let (y, m) = (key.div_euclid(12), (key.rem_euclid(12) + 1) as u32);
            let first = days_from_civil(y, m, 1);
            let next = if m == 12 {
                days_from_civil(y + 1, 1, 1)
            } else {
                days_from_civil(y, m + 1, 1)
            };
            (format!("{y:04}-{m:02}"), iso(first), iso(next - 1))
        }
        Period::Week => {
            // The ISO year and week are those of the week's Thursday.
            let thursday = key + 3;
            let (y, _, _) = civil_from_days(thursday);
            let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
            (format!("{y:04}-W{week:02}"), iso(key), iso(key + 6))
        }
    }
}

/// The counts per period so far.
#[derive(Default)]
struct Tally {
    periods: BTreeMap<i64, PeriodRow>,
    undated: usize,
}

/// Every period from the first to the last, the empty ones included, so
/// that a gap shows.
fn rows(tally: &Tally, by: Period) -> Vec<PeriodRow> {
    let (Some(&first), Some(&last)) = (tally.periods.keys().next(), tally.periods.keys().last())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut key = first;
    while key <= last {
        let (period, start, end) = describe(by, key);
        out.push(PeriodRow {
            period,
            start,
            end,
            ..tally.periods.get(&key).cloned().unwrap_or_default()
        });
        key = next_key(by, key);
    }
    out
}

/// The pattern (from `--pattern` or the first argument) and the paths.
/// A first argument that names an existing file or directory, or `-`, is
/// a PATH: `timeline briefings/` counts turns, it does not look for the
/// word `briefings/` in the bundled transcript.
fn split_args(args: &TimelineArgs) -> (Option<String>, Vec<PathBuf>) {
    let f = &args.filter;
    let filtered = !f.speaker.is_empty() || !f.outlet.is_empty() || !f.role.is_empty();
    let mut rest = args.args.iter().peekable();
    let is_path = |a: &String| a == "-" || std::path::Path::new(a).exists();
    let pattern = match &args.pattern {
        Some(p) => Some(p.clone()),
        None if filtered => None,
        None if rest.peek().is_some_and(|a| is_path(a)) => None,
        None => rest.next().cloned(),
    };
    (pattern, rest.map(PathBuf::from).collect())
}

fn matcher(pattern: &str, args: &TimelineArgs) -> Result<Matcher, String> {
    let opts =
        super::chart::match_options(args.regex, args.word, args.ignore_case, args.case_sensitive);
    Matcher::new(pattern, opts)
}

/// What is counted, in words: `matches of "chips" by tian`.
fn counted(pattern: Option<&str>, args: &TimelineArgs) -> String {
    let mut s = match pattern {
        Some(p) => format!("matches of \"{}\"", clean(p, true)),
        None => "turns".to_string(),
    };
    let f = &args.filter;
    if !f.speaker.is_empty() {
        s.push_str(&format!(" by {}", f.speaker.join(" or ")));
    }
    if !f.outlet.is_empty() {
        s.push_str(&format!(" from {}", f.outlet.join(" or ")));
    }
    if !f.role.is_empty() {
        let roles: Vec<&str> = f
            .role
            .iter()
            .map(|&r| whosaid::Role::from(r).as_str())
            .collect();
        s.push_str(&format!(" in the role {}", roles.join(" or ")));
    }
    s
}

pub fn run(
    args: &TimelineArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (pattern, paths) = split_args(args);
    let matcher = match pattern.as_deref().map(|p| matcher(p, args)).transpose() {
        Ok(m) => m,
        Err(e) => {
            message(err, &format!("bad pattern: {e}"));
            return Ok(ERROR);
        }
    };
    let filter = Filter::from_args(&args.filter);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, _) = super::expand(&paths, env);
    let o = Out::new(&args.output, env);
    let mut tally = Tally::default();
    let reading = Reading::new(o.format);
    let inputs = for_each_input(found, reading, err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let Some(day) = tr.date.as_deref().and_then(parse_date) else {
            tally.undated += 1;
            return Ok(());
        };
        let turns = tr.turns.iter().filter(|t| filter.matches(t));
        let n: usize = match &matcher {
            Some(m) => turns.map(|t| m.find_all(&t.text).len()).sum(),
            None => turns.count(),
        };
        let row = tally.periods.entry(period_key(args.by, day)).or_default();
        row.transcripts += 1;
        row.words += tr.total_words();
        row.count += n;
        Ok(())
    })?;
    if tally.undated > 0 {
        message(
            err,
            &format!(
                "note: {} without a date left out",
                count(tally.undated, "transcript")
            ),
        );
    }
    let rows = rows(&tally, args.by);
    let total: usize = rows.iter().map(|r| r.count).sum();
    let what = counted(pattern.as_deref(), args);
    if let Some(path) = args.charts.svg.as_deref() {
        if !rows.is_empty() {
            let chart = timeline_chart(&rows, &what, args.by);
            if let Err(e) = super::chart::write_whole(path, &bars::svg(&chart), out) {
                return Ok(super::chart::write_failed(path, &e, err));
            }
        }
    } else {
        print(&rows, &what, args, &o, env, out)?;
    }
    stats::report(&inputs, None, o.format, out, err)?;
    Ok(for_status(inputs.errors, total, &unmatched, err))
}

fn for_status(errors: usize, total: usize, unmatched: &Unmatched, err: &mut dyn Write) -> u8 {
    for m in unmatched.messages() {
        message(err, &m);
    }
    if errors > 0 {
        ERROR
    } else if total > 0 {
        SUCCESS
    } else {
        NO_MATCH
    }
}

/// The chart of the periods: one bar each, oldest first.
fn timeline_chart(rows: &[PeriodRow], what: &str, by: Period) -> BarChart {
    let per = match by {
        Period::Week => "week",
        Period::Month => "month",
    };
    let transcripts: usize = rows.iter().map(|r| r.transcripts).sum();
    let cw = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let tw = rows
        .iter()
        .map(|r| r.transcripts.to_string().len())
        .max()
        .unwrap_or(1);
    let heading = format!(
        "{what} per {per}, over {}",
        count(transcripts, "dated transcript")
    );
    BarChart {
        title: heading.clone(),
        desc: format!(
            "Horizontal bars, one per {per} from {} to {}: the {what} counted in the \
             transcripts dated in that {per}, with the number of transcripts.",
            rows.first().map_or("", |r| r.period.as_str()),
            rows.last().map_or("", |r| r.period.as_str()),
        ),
        groups: vec![Group {
            heading: Some(heading),
            bars: rows
                .iter()
                .map(|r| Bar {
                    label: r.period.clone(),
                    role: None,
                    value: r.count as f64,
                    note: format!(
                        "{:>cw$} in {:>tw$} {}",
                        r.count,
                        r.transcripts,
                        if r.transcripts == 1 {
                            "transcript "
                        } else {
                            "transcripts"
                        }
                    ),
                })
                .collect(),
        }],
    }
}

/// Bars for people (table, text), rows for programs.
fn print(
    rows: &[PeriodRow],
    what: &str,
    args: &TimelineArgs,
    o: &Out,
    env: &Env,
    out: &mut dyn Write,
) -> io::Result<()> {
    let eol = o.eol();
    match o.format {
        Format::Table | Format::Text => {
            if !rows.is_empty() {
                let look = super::chart::look(o, &args.charts, env);
                let chart = timeline_chart(rows, what, args.by);
                out.write_all(bars::text(&chart, look).as_bytes())?;
            }
        }
        Format::Tsv | Format::Csv => {
            let sep = if o.format == Format::Tsv { "\t" } else { "," };
            let header = ["period", "start", "end", "transcripts", "words", "count"];
            out.write_all(header.join(sep).as_bytes())?;
            out.write_all(eol)?;
            for r in rows {
                let cells = [
                    r.period.clone(),
                    r.start.clone(),
                    r.end.clone(),
                    r.transcripts.to_string(),
                    r.words.to_string(),
                    r.count.to_string(),
                ];
                out.write_all(cells.join(sep).as_bytes())?;
                out.write_all(eol)?;
            }
        }
        Format::Json => {
            serde_json::to_writer(&mut *out, rows)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(parse_date("2021-03-01"), Some(days_from_civil(2021, 3, 1)));
        for day in -800_000..800_000i64 {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(parse_date("2021-02-29"), None);
        assert_eq!(parse_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        assert_eq!(parse_date("2021-03"), None);
    }

    #[test]
    fn iso_weeks_and_months() {
        let week = |s: &str| {
            describe(
                Period::Week,
                period_key(Period::Week, parse_date(s).unwrap()),
            )
        };
        // 2021-03-01 was a Monday.
        assert_eq!(
            week("2021-03-01"),
            ("2021-W09".into(), "2021-03-01".into(), "2021-03-07".into())
        );
        assert_eq!(week("2021-03-07").0, "2021-W09");
        // 1 January 2021 (a Friday) is in the last week of 2020.
        assert_eq!(week("2021-01-01").0, "2020-W53");
        assert_eq!(week("2020-12-31").0, "2020-W53");
        assert_eq!(week("2019-12-30").0, "2020-W01");
        let month = |s: &str| {
            describe(
                Period::Month,
                period_key(Period::Month, parse_date(s).unwrap()),
            )
        };
        assert_eq!(
            month("2024-02-10"),
            ("2024-02".into(), "2024-02-01".into(), "2024-02-29".into())
        );
        assert_eq!(month("2021-12-31").2, "2021-12-31");
    }

    #[test]
    fn gaps_are_periods_too() {
        let mut tally = Tally::default();
        for (date, n) in [("2021-01-15", 2), ("2021-03-02", 5)] {
            let key = period_key(Period::Month, parse_date(date).unwrap());
            let row = tally.periods.entry(key).or_default();
            row.transcripts += 1;
            row.count += n;
        }
        let rows = rows(&tally, Period::Month);
        let got: Vec<(&str, usize)> = rows.iter().map(|r| (r.period.as_str(), r.count)).collect();
        assert_eq!(got, [("2021-01", 2), ("2021-02", 0), ("2021-03", 5)]);
    }
}
