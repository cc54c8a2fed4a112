//! `whosaid figures`: every quantity stated in the turns, with who said it,
//! in which sentence, turn, exchange and source line.
//!
//! Finding figures in a text is [`whosaid::figures`]'s job (pure, unit
//! tested); selecting turns is [`Filter`]'s; sentences and their lines are
//! found as `search` finds them. This file only walks the turns, narrows
//! the figures by `--min`, `--max` and `--unit`, and builds the records.
//!
//! It must not read numbers or split sentences itself: a rule of how a
//! figure is read belongs in `src/figures.rs`, where it is unit tested.

use super::search::{SourceText, locate, sentences};
use super::{Inputs, Reading, close_listing, for_each_input, stats, who};
use crate::cli::FiguresArgs;
use crate::config::{Env, Out};
use crate::query::{Filter, Unmatched, name_matches};
use crate::render::text::clean;
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::{Serialize, Serializer};
use std::io::{self, Write};
use whosaid::figures::{Figure, FigureKind, figures};
use whosaid::{Role, Turn};

/// The tsv and csv columns of `figures` (after `source`); the table
/// shows `turn_id` only with `--ids`.
pub fn columns(ids: bool) -> Vec<Col> {
    vec![
        num("turn").drop(3),
        num("line"),
        num("exchange").shown(false),
        col("speaker"),
        col("label").shown(false),
        col("role").drop(4),
        col("outlet").drop(2),
        // People read the figure as written (`23.5 trillion yuan`);
        // machines get the number in `value`.
        num("value").shown(false),
        col("unit").drop(5),
        col("qualifier").shown(false),
        col("kind").shown(false),
        col("figure"),
        col("sentence").flex(),
        col("turn_id").shown(ids),
    ]
}

/// One figure as printed (see docs/json.md).
#[derive(Serialize)]
pub struct FigureRow<'a> {
    pub source: &'a str,
    pub turn: usize,
    pub exchange: Option<usize>,
    pub line: usize,
    pub speaker: Option<&'a str>,
    pub label: &'a str,
    pub role: Role,
    pub outlet: Option<&'a str>,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub unit: &'a str,
    pub qualifier: Option<&'a str>,
    pub kind: FigureKind,
    /// The figure as written.
    pub figure: &'a str,
    pub sentence: &'a str,
    /// Byte offsets of the figure in `sentence`.
    pub start: usize,
    pub end: usize,
    /// The stable id of the turn (as `search`'s `turn_id`).
    pub turn_id: &'a str,
    #[serde(skip)]
    who: &'a str,
    #[serde(skip)]
    show_id: bool,
}

/// A whole value as a JSON integer (718000, not 718000.0), else a float.
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if v.fract() == 0.0 && v.abs() < EXACT {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

impl Record for FigureRow<'_> {
    fn source(&self) -> &str {
        self.source
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.turn),
            Cell::from(self.line),
            Cell::from(self.exchange),
            Cell::from(self.speaker),
            Cell::from(self.label),
            Cell::from(self.role.as_str()),
            Cell::from(self.outlet),
            Cell::from(self.value.to_string()),
            Cell::from(self.unit),
            Cell::from(self.qualifier),
            Cell::from(self.kind.as_str()),
            Cell::from(self.figure),
            Cell::marked(self.sentence, vec![(self.start, self.end)]),
            Cell::from(self.turn_id),
        ]
    }

    fn table_cells(&self) -> Vec<Cell> {
        let mut c = self.cells();
        c[3] = Cell::from(self.who);
        c[6] = Cell::from(super::turns::unless_same(self.outlet, self.who));
        c
    }

    fn text(&self, paint: Paint) -> String {
        format!(
            "{}: {}{}: {}: {}",
            paint.paint(&self.line.to_string(), Style::Line),
            super::turns::id_prefix(self.show_id.then_some(self.turn_id), paint),
            paint.paint(&clean(self.who, true), Style::Speaker),
            clean(self.figure, true),
            paint.highlight(self.sentence, &[(self.start, self.end)], true)
        )
    }
}

/// What `--min`, `--max` and `--unit` keep.
struct Narrow {
    min: Option<f64>,
    max: Option<f64>,
    units: Vec<String>,
}

impl Narrow {
    fn new(args: &FiguresArgs) -> Self {
        let units = args
            .unit
            .iter()
            .map(|u| {
                let u = u.trim().to_lowercase();
                match u.as_str() {
                    "percent" | "per cent" | "pct" => "%".to_string(),
                    _ => u,
                }
            })
            .collect();
        Narrow {
            min: args.min,
            max: args.max,
            units,
        }
    }

    fn keeps(&self, f: &Figure) -> bool {
        self.min.is_none_or(|m| f.value >= m)
            && self.max.is_none_or(|m| f.value <= m)
            && (self.units.is_empty() || self.units.iter().any(|u| name_matches(&f.unit, u, false)))
    }
}

/// The sentence of `text` that holds bytes `start..end`: its offset and
/// text (running on into the next when the figure does).
fn sentence_of<'t>(
    sents: &[(usize, &'t str)],
    text: &'t str,
    start: usize,
    end: usize,
) -> (usize, &'t str) {
    let i = sents
        .partition_point(|&(off, _)| off <= start)
        .saturating_sub(1);
    let Some(&(off, s)) = sents.get(i) else {
        return (start, &text[start..end]);
    };
    let off = off.min(start);
    let reach = sents[i..]
        .iter()
        .map(|&(o, x)| o + x.len())
        .find(|&e| e >= end)
        .unwrap_or(end)
        .max(off + s.len());
    (off, &text[off..reach])
}

pub fn run(
    args: &FiguresArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let filter = Filter::from_args(&args.filter);
    let narrow = Narrow::new(args);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let format = o.format;
    let mut printer = Printer::new(out, o, multi, columns(args.ids.ids));
    let inputs: Inputs = for_each_input(found, Reading::new(format), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let src = SourceText::new(&loaded.parsed);
        let ids = tr.turn_ids();
        for (turn, id) in tr.turns.iter().zip(&ids) {
            if filter.matches(turn) && args.ids.keeps(id) {
                let at = At {
                    source: &loaded.source,
                    src: &src,
                    turn,
                    id,
                    show_id: args.ids.ids,
                };
                print_turn(&mut printer, &at, &narrow)?;
            }
        }
        printer.end_input()
    })?;
    let printed = printer.finish()?;
    stats::report(&inputs, None, format, out, err)?;
    Ok(close_listing(printed, &inputs, &unmatched, err))
}

/// A turn and where it is: its input, the input's text and its id.
struct At<'a> {
    source: &'a str,
    src: &'a SourceText<'a>,
    turn: &'a Turn,
    id: &'a str,
    show_id: bool,
}

/// The records of one turn's figures.
fn print_turn(printer: &mut Printer<'_>, at: &At<'_>, narrow: &Narrow) -> io::Result<()> {
    let At {
        source, src, turn, ..
    } = *at;
    let found: Vec<Figure> = figures(&turn.text)
        .into_iter()
        .filter(|f| narrow.keeps(f))
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    let sents = sentences(&turn.text);
    let mut cursor = turn.line;
    for f in &found {
        let (off, sentence) = sentence_of(&sents, &turn.text, f.start, f.end);
        // The figure's own line: a sentence may run over several.
        let line = locate(src, turn, &turn.text[f.start..], cursor);
        cursor = line;
        printer.record(&FigureRow {
            source,
            turn: turn.index,
            exchange: turn.exchange,
            line,
            speaker: turn.speaker.as_deref(),
            label: &turn.label,
            role: turn.role,
            outlet: turn.outlet.as_deref(),
            value: f.value,
            unit: &f.unit,
            qualifier: f.qualifier.as_deref(),
            kind: f.kind,
            figure: &turn.text[f.start..f.end],
            sentence,
            start: f.start - off,
            end: f.end - off,
            turn_id: at.id,
            who: who(turn),
            show_id: at.show_id,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_placed_in_its_sentence() {
        let text = "First point. We built 718,000 base stations. Done.";
        let sents = sentences(text);
        let f = &figures(text)[0];
        let (off, s) = sentence_of(&sents, text, f.start, f.end);
        assert_eq!(s, "We built 718,000 base stations.");
        assert_eq!(&s[f.start - off..f.end - off], "718,000 base stations");
    }
}
