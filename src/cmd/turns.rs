//! `whosaid turns`: list speaker turns, filtered.
//!
//! Selects turns with [`Filter`](crate::query::Filter) and prints them as
//! records; the JSON form is the model's `Turn` plus `source`. It does not
//! parse or read files itself (that is `corpus.rs`).

use super::{Inputs, Reading, close_listing, for_each_input, stats, who};
use crate::cli::TurnsArgs;
use crate::config::{Env, Out};
use crate::query::{Filter, Unmatched};
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use whosaid::Turn;

/// A turn as printed: the model's `Turn` with `source` and its stable
/// `id` in front.
#[derive(Serialize)]
pub struct TurnRow<'a> {
    pub source: &'a str,
    pub id: &'a str,
    #[serde(flatten)]
    pub turn: &'a Turn,
    #[serde(skip)]
    pub explain: bool,
    /// `--ids`: the id in the table and text formats.
    #[serde(skip)]
    pub show_id: bool,
}

/// The tsv and csv columns of `turns` (after `source`); `rule` is in the
/// table only with `--explain`, `id` (added last) only with `--ids`.
pub fn columns(explain: bool, ids: bool) -> Vec<Col> {
    vec![
        num("turn").drop(3),
        num("line"),
        num("exchange").drop(6),
        col("speaker"),
        // With --explain, the label as printed is what is being explained.
        col("label").drop(if explain { 1 } else { 7 }),
        col("role").drop(4),
        col("outlet").drop(2),
        num("words").drop(5),
        col("rule").shown(explain),
        col("text").flex(),
        col("id").shown(ids),
    ]
}

/// What the table shows of a name: nothing when the speaker column
/// already shows it (a label as printed, the outlet of a reporter named
/// only by outlet).
pub fn unless_same<'a>(value: Option<&'a str>, shown: &str) -> Option<&'a str> {
    value.filter(|v| !v.eq_ignore_ascii_case(shown))
}

impl Record for TurnRow<'_> {
    fn source(&self) -> &str {
        self.source
    }

    fn cells(&self) -> Vec<Cell> {
        let t = self.turn;
        vec![
            Cell::from(t.index),
            Cell::from(t.line),
            Cell::from(t.exchange),
            Cell::from(t.speaker.as_deref()),
            Cell::from(t.label.as_str()),
            Cell::from(t.role.as_str()),
            Cell::from(t.outlet.as_deref()),
            Cell::from(t.words()),
            Cell::from(t.rule()),
            Cell::from(t.text.as_str()),
            Cell::from(self.id),
        ]
    }

    fn table_cells(&self) -> Vec<Cell> {
        let t = self.turn;
        let who = who(t);
        let label = if self.explain {
            Some(t.label.as_str())
        } else {
            unless_same(Some(&t.label), who)
        };
        vec![
            Cell::from(t.index),
            Cell::from(t.line),
            Cell::from(t.exchange),
            Cell::from(who),
            Cell::from(label),
            Cell::from(t.role.as_str()),
            Cell::from(unless_same(t.outlet.as_deref(), who)),
            Cell::from(t.words()),
            Cell::from(t.rule()),
            Cell::from(t.text.as_str()),
            Cell::from(self.id),
        ]
    }

    fn text(&self, paint: Paint) -> String {
        let t = self.turn;
        let clean = |s: &str| crate::render::text::clean(s, true).into_owned();
        let rule = if self.explain {
            format!(" [{}]", clean(&t.rule()))
        } else {
            String::new()
        };
        format!(
            "{}: {}{}{}: {}",
            paint.paint(&t.line.to_string(), Style::Line),
            id_prefix(self.show_id.then_some(self.id), paint),
            paint.paint(&clean(who(t)), Style::Speaker),
            rule,
            clean(&t.text)
        )
    }
}

/// `--ids` in text: the id between the line and the speaker (`143:
/// 8x2kq3m0pa: Reuters: ...`); nothing without it.
pub fn id_prefix(id: Option<&str>, paint: Paint) -> String {
    id.map(|id| format!("{}: ", paint.paint(id, Style::Dim)))
        .unwrap_or_default()
}

pub fn run(
    args: &TurnsArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let filter = Filter::from_args(&args.filter);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let format = o.format;
    let mut printer = Printer::new(out, o, multi, columns(args.explain, args.ids.ids));
    let inputs: Inputs = for_each_input(found, Reading::new(format), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let ids = tr.turn_ids();
        for (turn, id) in tr.turns.iter().zip(&ids) {
            if !filter.matches(turn) || !args.ids.keeps(id) {
                continue;
            }
            printer.record(&TurnRow {
                source: &loaded.source,
                id,
                turn,
                explain: args.explain,
                show_id: args.ids.ids,
            })?;
        }
        printer.end_input()
    })?;
    let printed = printer.finish()?;
    stats::report(&inputs, None, format, out, err)?;
    Ok(close_listing(printed, &inputs, &unmatched, err))
}
