//! `whosaid check`: per input, the label style detected, the counts, and
//! what the parser noticed (`Parsed.diagnostics`: line, kind, message).
//!
//! Exit status: 0 clean, 1 when any input has warnings, 2 when an input
//! cannot be read or parsed. Reports only; it changes nothing.

use super::{ERROR, NO_MATCH, Reading, SUCCESS, for_each_input, stats};
use crate::cli::{CheckArgs, Format};
use crate::config::{Env, Out};
use crate::render::text::{clean, count};
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use whosaid::Diagnostic;

/// One `check` record per input (see docs/json.md).
#[derive(Serialize)]
pub struct CheckRow {
    pub source: String,
    /// `ok`, `warnings` or `error`.
    pub status: &'static str,
    pub style: Option<String>,
    pub turns: usize,
    pub exchanges: usize,
    pub words: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Why the input could not be read or parsed.
    pub error: Option<String>,
}

/// The tsv and csv columns of `check` (after `source`).
pub fn columns() -> Vec<Col> {
    vec![
        col("status"),
        col("style").drop(3),
        num("turns").drop(4),
        num("exchanges").drop(5),
        num("words").drop(5),
        num("warnings"),
        num("notes").drop(6),
        col("error").flex(),
    ]
}

impl Record for CheckRow {
    fn source(&self) -> &str {
        &self.source
    }
    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.status),
            Cell::from(self.style.as_deref()),
            Cell::from(self.turns),
            Cell::from(self.exchanges),
            Cell::from(self.words),
            Cell::from(self.warnings()),
            Cell::from(self.diagnostics.len() - self.warnings()),
            Cell::from(self.error.as_deref()),
        ]
    }
    fn text(&self, paint: Paint) -> String {
        let src = paint.paint(&clean(&self.source, true), Style::Source);
        if let Some(e) = &self.error {
            return format!("{src}: error: {}", clean(e, true));
        }
        let mut s = format!(
            "{src}: {}: style {}, {}, {}, {}, {}, {}",
            self.status,
            self.style
                .as_deref()
                .filter(|s| !s.is_empty())
                .unwrap_or("-"),
            count(self.turns, "turn"),
            count(self.exchanges, "exchange"),
            count(self.words, "word"),
            count(self.warnings(), "warning"),
            count(self.diagnostics.len() - self.warnings(), "note")
        );
        for d in &self.diagnostics {
            s.push_str(&format!(
                "\n{src}:{}: {}: {}: {}",
                paint.paint(&d.line.to_string(), Style::Line),
                d.severity,
                d.kind,
                clean(&d.message, true)
            ));
        }
        s
    }
}

impl CheckRow {
    /// Diagnostics that are worth a look (the rest are notes).
    fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_warning()).count()
    }
}

pub fn run(
    args: &CheckArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (found, _) = super::expand(&args.input.paths, env);
    // A terminal gets the report as lines (diagnostics need them); an
    // explicit --format table gets a table of one row per input.
    let mut o = Out::new(&args.output, env);
    if args.output.format.is_none() && o.format == Format::Table {
        o.format = Format::Text;
    }
    // The source is a column of its own: never add it twice.
    // The text report names the source itself: no prefix; the table has
    // a source column whatever the number of inputs.
    o.filename = Some(false);
    let text = o.format == Format::Text;
    let format = o.format;
    let mut printer = Printer::new(out, o, true, columns());
    let mut warned = false;
    let inputs = for_each_input(found, Reading::new(format), err, |item| {
        let row = match item {
            Ok(loaded) => {
                let t = &loaded.parsed.transcript;
                let diags = loaded.parsed.diagnostics;
                let has_warnings = diags.iter().any(|d| d.is_warning());
                warned |= has_warnings;
                CheckRow {
                    source: loaded.source.clone(),
                    status: if has_warnings { "warnings" } else { "ok" },
                    style: Some(t.style.clone()),
                    turns: t.turns.len(),
                    exchanges: t.exchanges.len(),
                    words: t.total_words(),
                    diagnostics: diags,
                    error: None,
                }
            }
            Err(failed) => CheckRow {
                source: failed.source,
                status: "error",
                style: None,
                turns: 0,
                exchanges: 0,
                words: 0,
                diagnostics: Vec::new(),
                error: Some(failed.reason),
            },
        };
        if row.error.is_some() && text {
            return Ok(()); // said once, on stderr, by the input loop
        }
        printer.record(&row)
    })?;
    let printed = printer.finish()?;
    stats::report(&inputs, None, format, out, err)?;
    Ok(if inputs.errors > 0 {
        ERROR
    } else if warned {
        NO_MATCH
    } else if printed > 0 {
        SUCCESS
    } else {
        NO_MATCH
    })
}
