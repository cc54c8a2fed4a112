//! `whosaid exchanges`: one row per question-and-answer exchange: who
//! asked, the question, who answered and how many words the answer took.
//!
//! Selection reuses [`Filter`](crate::query::Filter) over the exchange's
//! turns (the question may match `--outlet`, an answer `--speaker`).

use super::{Inputs, Reading, close_listing, for_each_input, stats};
use crate::cli::{ExchangesArgs, Format};
use crate::config::{Env, Out};
use crate::query::{Filter, Unmatched, name_matches};
use crate::render::text::{clean, count, shorten};
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use whosaid::Turn;

/// One `exchanges` row (see docs/json.md).
#[derive(Serialize)]
pub struct ExchangeRow<'a> {
    pub source: &'a str,
    pub exchange: usize,
    /// Source line of the question.
    pub line: usize,
    pub outlet: Option<&'a str>,
    pub asked_by: Option<&'a str>,
    /// Turn index of the question.
    pub question_turn: usize,
    pub question: &'a str,
    pub answers: &'a [usize],
    pub answered_by: &'a [String],
    pub answer_words: usize,
    /// Shorten the question (human formats on a terminal).
    #[serde(skip)]
    short: Option<usize>,
}

impl ExchangeRow<'_> {
    fn question_shown(&self) -> String {
        match self.short {
            Some(n) => shorten(&clean(self.question, true), n).into_owned(),
            None => self.question.to_string(),
        }
    }
    fn asker(&self) -> &str {
        self.outlet.or(self.asked_by).unwrap_or("")
    }
}

/// The tsv and csv columns of `exchanges` (after `source`).
pub fn columns() -> Vec<Col> {
    vec![
        num("exchange"),
        num("question_turn").shown(false),
        num("line").drop(3),
        col("outlet"),
        col("asked_by").drop(4),
        col("question").flex(),
        col("answered_by").drop(2),
        num("answer_words").drop(5),
    ]
}

impl Record for ExchangeRow<'_> {
    fn source(&self) -> &str {
        self.source
    }
    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.exchange),
            Cell::from(self.question_turn),
            Cell::from(self.line),
            Cell::from(self.outlet),
            Cell::from(self.asked_by),
            Cell::from(self.question_shown()),
            Cell::from(self.answered_by.join("; ")),
            Cell::from(self.answer_words),
        ]
    }
    fn text(&self, paint: Paint) -> String {
        format!(
            "{}: {}. {} -> {} ({}): {}",
            paint.paint(&self.line.to_string(), Style::Line),
            self.exchange,
            paint.paint(&clean(self.asker(), true), Style::Speaker),
            clean(&self.answered_by.join(", "), true),
            count(self.answer_words, "word"),
            clean(&self.question_shown(), true)
        )
    }
}

pub fn run(
    args: &ExchangesArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let filter = Filter::new(&args.speaker, &args.outlet, &[], &[]).exact(args.exact);
    let mut unmatched = Unmatched::new(&args.speaker, &args.outlet).exact(args.exact);
    let name_ok = |name: &str, wanted: &[String]| {
        wanted
            .iter()
            .any(|w| name_matches(name, &w.trim().to_lowercase(), args.exact))
    };
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let short = match o.format {
        Format::Text if o.tty => Some(o.width.saturating_sub(40).clamp(30, 200)),
        _ => None,
    };
    let format = o.format;
    let mut printer = Printer::new(out, o, multi, columns());
    let inputs: Inputs = for_each_input(found, Reading::new(format), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        for ex in &tr.exchanges {
            let Some(q) = tr.turn(ex.question) else {
                continue;
            };
            let answers: Vec<&Turn> = ex.answers.iter().filter_map(|&i| tr.turn(i)).collect();
            let mut all = vec![q];
            all.extend(answers.iter().copied());
            let named = !args.speaker.is_empty()
                && ex.answered_by.iter().any(|n| name_ok(n, &args.speaker));
            let speaker_ok =
                args.speaker.is_empty() || named || all.iter().any(|t| filter.speaker_ok(t));
            let outlet_ok = args.outlet.is_empty()
                || filter.outlet_ok(q)
                || ex
                    .outlet
                    .as_deref()
                    .is_some_and(|o| name_ok(o, &args.outlet));
            if !(speaker_ok && outlet_ok) {
                continue;
            }
            printer.record(&ExchangeRow {
                source: &loaded.source,
                exchange: ex.index,
                line: q.line,
                outlet: ex.outlet.as_deref().or(q.outlet.as_deref()),
                asked_by: ex.asked_by.as_deref().or(q.speaker.as_deref()),
                question_turn: q.index,
                question: &q.text,
                answers: &ex.answers,
                answered_by: &ex.answered_by,
                answer_words: answers.iter().map(|t| t.words()).sum(),
                short,
            })?;
        }
        printer.end_input()
    })?;
    let printed = printer.finish()?;
    stats::report(&inputs, None, format, out, err)?;
    Ok(close_listing(printed, &inputs, &unmatched, err))
}
