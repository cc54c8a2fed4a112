//! `whosaid info`: what a transcript is (title, date, time, place,
//! participants) and how big (turns, exchanges, words).
//!
//! Table and text print a labelled block per input; tsv, csv, json and jsonl
//! print one record per input. Reads nothing itself beyond the corpus loop.

use super::{Reading, for_each_input, stats, status};
use crate::cli::{Format, InfoArgs};
use crate::config::{Env, Out};
use crate::render::text::clean;
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use whosaid::model::{Participant, Transcript};

/// The `info` record (see docs/json.md).
#[derive(Serialize)]
pub struct InfoRow<'a> {
    pub source: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub time: Option<&'a str>,
    pub place: Option<&'a str>,
    pub language: Option<&'a str>,
    pub languages: &'a [String],
    pub style: &'a str,
    pub participants: &'a [Participant],
    pub turns: usize,
    pub exchanges: usize,
    pub words: usize,
}

impl<'a> InfoRow<'a> {
    pub fn new(source: &'a str, t: &'a Transcript) -> Self {
        InfoRow {
            source,
            title: t.title.as_deref(),
            date: t.date.as_deref(),
            time: t.time.as_deref(),
            place: t.place.as_deref(),
            language: t.language.as_deref(),
            languages: &t.languages,
            style: &t.style,
            participants: &t.participants,
            turns: t.turns.len(),
            exchanges: t.exchanges.len(),
            words: t.total_words(),
        }
    }

    /// The languages, the main one first (`en, fr`), or `None`.
    fn languages_line(&self) -> Option<String> {
        (!self.languages.is_empty()).then(|| self.languages.join(", "))
    }

    fn participants_line(&self) -> String {
        self.participants
            .iter()
            .map(|p| format!("{} ({})", p.name, p.role))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The labelled block of the human formats; with a `width` (a table
    /// on a terminal) values wrap at word boundaries under themselves.
    fn block(&self, paint: Paint, width: Option<usize>) -> String {
        let mut s = String::new();
        let mut field = |name: &str, value: &str| {
            s.push_str(&paint.paint(&format!("{name:<13}"), Style::Header));
            s.push(' ');
            match width {
                Some(w) => {
                    // A hanging indent: continued lines two columns in.
                    let mut lines =
                        crate::render::table::wrap_words(value, w.saturating_sub(14).max(20))
                            .into_iter();
                    s.push_str(&lines.next().unwrap_or_default());
                    let rest: Vec<String> = lines.collect();
                    let rest = crate::render::table::wrap_words(
                        &rest.join(" "),
                        w.saturating_sub(16).max(18),
                    );
                    // No continuation line for a value that fits.
                    for line in rest.into_iter().filter(|l| !l.is_empty()) {
                        s.push_str(&format!("\n{:16}{line}", ""));
                    }
                }
                None => s.push_str(&clean(value, true)),
            }
            s.push('\n');
        };
        field("source", self.source);
        field("title", self.title.unwrap_or("-"));
        field("date", self.date.unwrap_or("-"));
        field("time", self.time.unwrap_or("-"));
        field("place", self.place.unwrap_or("-"));
        field("language", self.languages_line().as_deref().unwrap_or("-"));
        field(
            "style",
            if self.style.is_empty() {
                "-"
            } else {
                self.style
            },
        );
        field("turns", &self.turns.to_string());
        field("exchanges", &self.exchanges.to_string());
        field("words", &self.words.to_string());
        if self.participants.is_empty() {
            field("participants", "-");
        }
        for (i, p) in self.participants.iter().enumerate() {
            let mut v = format!("{} ({})", p.name, p.role);
            if let Some(title) = &p.title {
                v.push_str(": ");
                v.push_str(title);
            }
            field(if i == 0 { "participants" } else { "" }, &v);
        }
        s
    }
}

/// The tsv and csv columns of `info` (after `source`).
pub fn columns() -> Vec<Col> {
    vec![
        col("title"),
        col("date"),
        col("time"),
        col("place"),
        col("language"),
        col("style"),
        num("turns"),
        num("exchanges"),
        num("words"),
        col("participants"),
    ]
}

impl Record for InfoRow<'_> {
    fn source(&self) -> &str {
        self.source
    }
    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.title),
            Cell::from(self.date),
            Cell::from(self.time),
            Cell::from(self.place),
            Cell::from(self.languages_line().as_deref()),
            Cell::from(self.style),
            Cell::from(self.turns),
            Cell::from(self.exchanges),
            Cell::from(self.words),
            Cell::from(self.participants_line()),
        ]
    }
    fn text(&self, paint: Paint) -> String {
        self.block(paint, None)
    }
}

pub fn run(args: &InfoArgs, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let human = matches!(o.format, Format::Text | Format::Table);
    let wrap = (o.format == Format::Table).then_some(o.width);
    let paint = Paint { on: o.color };
    let mut printed = 0usize;
    let format = o.format;
    let mut printer = Printer::new(out, o, multi, columns());
    let inputs = for_each_input(found, Reading::new(format), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let row = InfoRow::new(&loaded.source, &loaded.parsed.transcript);
        if human {
            printed += 1;
            let sep = if printed > 1 { "\n" } else { "" };
            // The block is printed through the printer's writer as raw text.
            raw(&mut printer, &format!("{sep}{}", row.block(paint, wrap)))
        } else {
            printer.record(&row)
        }
    })?;
    printed += printer.finish()?;
    stats::report(&inputs, None, format, out, err)?;
    Ok(status(printed, &inputs))
}

fn raw(printer: &mut Printer<'_>, s: &str) -> io::Result<()> {
    printer.raw(s.as_bytes())
}
