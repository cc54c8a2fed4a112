//! `whosaid speakers`: one row per speaker of each input, with how much
//! they spoke and how many questions they asked or answered.
//!
//! Turns are grouped by speaker name; a turn with no speaker (a reporter
//! named only by outlet) by its outlet, else by its label. Shares are of all
//! words of the transcript, so that over all rows they add up to 100.
//! Pure aggregation over the model: no file reading here.

use super::{Inputs, Reading, close_listing, for_each_input, stats, who};
use crate::chart::bars::{self, Bar, BarChart, Group};
use crate::cli::{Format, SpeakerSort, SpeakersArgs};
use crate::config::{Env, Out};
use crate::query::{Filter, Unmatched};
use crate::render::text::{clean, count};
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use whosaid::Role;
use whosaid::model::Transcript;

/// One `speakers` row (see docs/json.md).
#[derive(Serialize, Clone, Debug)]
pub struct SpeakerRow {
    pub source: String,
    /// The speaker's name, else the outlet, else the label.
    pub speaker: String,
    pub role: Role,
    pub outlet: Option<String>,
    pub turns: usize,
    pub words: usize,
    /// Percentage of all words of the transcript (unrounded).
    pub share: f64,
    /// Exchanges whose question this speaker asked.
    pub asked: usize,
    /// Exchanges this speaker answered (from `answered_by`).
    pub answered: usize,
    pub first_line: usize,
    pub last_line: usize,
}

/// The tsv and csv columns of `speakers` (after `source`).
pub fn columns() -> Vec<Col> {
    vec![
        col("speaker"),
        col("role").drop(4),
        col("outlet").drop(2),
        num("turns"),
        num("words"),
        num("share").drop(5),
        num("asked").drop(6),
        num("answered").drop(6),
        num("first_line").drop(7),
        num("last_line").drop(7),
    ]
}

impl Record for SpeakerRow {
    fn source(&self) -> &str {
        &self.source
    }
    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.speaker.as_str()),
            Cell::from(self.role.as_str()),
            Cell::from(self.outlet.as_deref()),
            Cell::from(self.turns),
            Cell::from(self.words),
            Cell::from(format!("{:.1}", self.share)),
            Cell::from(self.asked),
            Cell::from(self.answered),
            Cell::from(self.first_line),
            Cell::from(self.last_line),
        ]
    }
    fn table_cells(&self) -> Vec<Cell> {
        let mut c = self.cells();
        c[2] = Cell::from(super::turns::unless_same(
            self.outlet.as_deref(),
            &self.speaker,
        ));
        c
    }

    fn text(&self, paint: Paint) -> String {
        let outlet = self
            .outlet
            .as_deref()
            .filter(|o| *o != self.speaker)
            .map(|o| format!(", {}", clean(o, true)))
            .unwrap_or_default();
        format!(
            "{}: {} ({}{}): {}, {}, {:.1}%, asked {}, answered {}, lines {}-{}",
            paint.paint(&self.first_line.to_string(), Style::Line),
            paint.paint(&clean(&self.speaker, true), Style::Speaker),
            self.role,
            outlet,
            count(self.turns, "turn"),
            count(self.words, "word"),
            self.share,
            self.asked,
            self.answered,
            self.first_line,
            self.last_line
        )
    }
}

/// The speaker rows of one transcript, for the turns that pass `filter`.
pub fn speaker_rows(
    source: &str,
    tr: &Transcript,
    filter: &Filter,
    sort: SpeakerSort,
) -> Vec<SpeakerRow> {
    let total = tr.total_words();
    let mut rows: Vec<SpeakerRow> = Vec::new();
    for t in tr.turns.iter().filter(|t| filter.matches(t)) {
        let key = who(t);
        let row = match rows.iter_mut().position(|r| r.speaker == key) {
            Some(i) => &mut rows[i],
            None => {
                rows.push(SpeakerRow {
                    source: source.to_string(),
                    speaker: key.to_string(),
                    role: t.role,
                    outlet: t.outlet.clone(),
                    turns: 0,
                    words: 0,
                    share: 0.0,
                    asked: 0,
                    answered: 0,
                    first_line: t.line,
                    last_line: t.line,
                });
                rows.last_mut().expect("just pushed")
            }
        };
        row.turns += 1;
        row.words += t.words();
        row.first_line = row.first_line.min(t.line);
        row.last_line = row.last_line.max(t.line);
        if row.outlet.is_none() {
            row.outlet = t.outlet.clone();
        }
    }
    for row in &mut rows {
        row.share = if total == 0 {
            0.0
        } else {
            row.words as f64 * 100.0 / total as f64
        };
    }
    for ex in &tr.exchanges {
        if let Some(q) = tr.turn(ex.question) {
            if let Some(row) = rows.iter_mut().find(|r| r.speaker == who(q)) {
                row.asked += 1;
            }
        }
        for name in &ex.answered_by {
            if let Some(row) = rows.iter_mut().find(|r| &r.speaker == name) {
                row.answered += 1;
            }
        }
    }
    match sort {
        SpeakerSort::Line => rows.sort_by_key(|r| r.first_line),
        SpeakerSort::Turns => {
            rows.sort_by(|a, b| b.turns.cmp(&a.turns).then(a.first_line.cmp(&b.first_line)))
        }
        SpeakerSort::Words => {
            rows.sort_by(|a, b| b.words.cmp(&a.words).then(a.first_line.cmp(&b.first_line)))
        }
        SpeakerSort::Name => rows.sort_by_key(|r| r.speaker.to_lowercase()),
    }
    rows
}

pub fn run(
    args: &SpeakersArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if (args.chart || args.charts.svg.is_some()) && super::chart::drawn(&args.charts, &args.output)
    {
        return chart(args, env, out, err);
    }
    let filter = Filter::from_args(&args.filter);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let format = o.format;
    let mut printer = Printer::new(out, o, multi, columns());
    let inputs: Inputs = for_each_input(found, Reading::new(format), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        for row in speaker_rows(&loaded.source, tr, &filter, args.sort) {
            printer.record(&row)?;
        }
        printer.end_input()
    })?;
    let printed = printer.finish()?;
    stats::report(&inputs, None, format, out, err)?;
    Ok(close_listing(printed, &inputs, &unmatched, err))
}

/// The bars of one transcript: each speaker's share of its words.
fn share_bars(source: &str, tr: &Transcript, rows: &[SpeakerRow]) -> Group {
    let digits = rows
        .iter()
        .map(|r| r.words.to_string().len())
        .max()
        .unwrap_or(1);
    let title = tr
        .title
        .as_deref()
        .map(|t| format!(": {t}"))
        .unwrap_or_default();
    Group {
        heading: Some(format!(
            "{source} ({}){title}",
            count(tr.total_words(), "word")
        )),
        bars: rows
            .iter()
            .map(|r| Bar {
                label: r.speaker.clone(),
                role: Some(r.role),
                value: r.share,
                note: format!("{:5.1}%  {:>digits$}", r.share, r.words),
            })
            .collect(),
    }
}

/// `speakers --chart`: a bar chart per transcript, drawn as each comes,
/// or all in one SVG at the end.
fn chart(
    args: &SpeakersArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let filter = Filter::from_args(&args.filter);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, _) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let look = super::chart::look(&o, &args.charts, env);
    let svg = args.charts.svg.as_deref();
    let title = "Share of words by speaker";
    let desc = "Horizontal bars: each speaker's share of the words spoken in a transcript, \
                coloured by role (chair, official, journalist, other), with the share in \
                percent and the number of words.";
    let mut groups = Vec::new();
    let inputs = for_each_input(found, Reading::new(Format::Table), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let rows = speaker_rows(&loaded.source, tr, &filter, args.sort);
        if rows.is_empty() {
            return Ok(());
        }
        let group = share_bars(&loaded.source, tr, &rows);
        if svg.is_none() {
            if !groups.is_empty() {
                out.write_all(b"\n")?;
            }
            let one = BarChart {
                title: title.into(),
                desc: desc.into(),
                groups: vec![group.clone()],
            };
            out.write_all(bars::text(&one, look).as_bytes())?;
        }
        groups.push(group);
        Ok(())
    })?;
    let drawn = groups.len();
    if let Some(path) = svg.filter(|_| drawn > 0) {
        let chart = BarChart {
            title: title.into(),
            desc: desc.into(),
            groups,
        };
        if let Err(e) = super::chart::write_whole(path, &bars::svg(&chart), out) {
            return Ok(super::chart::write_failed(path, &e, err));
        }
    }
    stats::report(&inputs, None, Format::Table, out, err)?;
    Ok(close_listing(drawn, &inputs, &unmatched, err))
}
