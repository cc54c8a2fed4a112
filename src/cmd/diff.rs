//! `whosaid diff OLD NEW`: two versions of a transcript compared turn by
//! turn; one record per change.
//!
//! The alignment and the word diff are [`whosaid::turn_diff`]'s (pure,
//! unit tested); this file reads the two inputs, refuses the same file
//! twice, builds the records and prints them: a readable diff by default
//! (`-`/`+` lines, `[-old-]{+new+}` words, colour instead of the markers
//! on a terminal), or any `--format`. Exit status: 0 the same in
//! substance, 1 they differ, 2 an input could not be read or parsed.
//!
//! It must not align turns or compare words itself: that belongs in
//! `src/turn_diff.rs`, pure and unit tested.

use super::{ERROR, NO_MATCH, SUCCESS, message, who};
use crate::cli::{DiffArgs, Format};
use crate::config::{Env, Out};
use crate::corpus::{self, Input, Loaded};
use crate::render::text::clean;
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;
use whosaid::Turn;
use whosaid::turn_diff::{Change, ChangeKind, Op, Side, WordOp, diff_turns};

/// The tsv and csv columns of `diff` (after `source`, the NEW input).
pub fn columns() -> Vec<Col> {
    vec![
        col("kind"),
        col("old_turn").drop(3),
        col("old_line"),
        col("old_speaker").drop(2),
        col("new_turn").drop(3),
        col("new_line"),
        col("new_speaker"),
        col("diff").flex(),
        col("old_ids").shown(false),
        col("new_ids").shown(false),
    ]
}

/// One side of a change: its turns (1-based) and their stable ids, the
/// first one's line, and who spoke them.
#[derive(Serialize)]
pub struct SideRow<'a> {
    pub turns: Vec<usize>,
    pub ids: Vec<&'a str>,
    pub line: usize,
    pub speakers: Vec<&'a str>,
    #[serde(skip)]
    texts: Vec<&'a str>,
}

/// A run of words of an edit.
#[derive(Serialize)]
pub struct WordRow<'a> {
    pub op: &'static str,
    pub text: &'a str,
}

/// One change (see docs/json.md).
#[derive(Serialize)]
pub struct DiffRow<'a> {
    /// The NEW input.
    pub source: &'a str,
    pub kind: &'static str,
    pub old: Option<SideRow<'a>>,
    pub new: Option<SideRow<'a>>,
    /// The text of the turns when it did not change (re-attributed,
    /// split, merged) or of the turn added or removed; null for an edit.
    pub text: Option<String>,
    /// For an edit, every word: runs of `equal`, `delete` and `insert`.
    pub words: Vec<WordRow<'a>>,
    #[serde(skip)]
    context: usize,
}

/// One version's turns and their stable ids (`Transcript::turn_ids`).
struct Version<'a> {
    turns: &'a [Turn],
    ids: Vec<String>,
}

impl<'a> Version<'a> {
    fn of(loaded: &'a Loaded) -> Self {
        let tr = &loaded.parsed.transcript;
        Version {
            turns: &tr.turns,
            ids: tr.turn_ids(),
        }
    }
}

fn side<'a>(version: &'a Version<'a>, positions: &[usize]) -> Option<SideRow<'a>> {
    let turns = version.turns;
    let first = turns.get(*positions.first()?)?;
    Some(SideRow {
        turns: positions.iter().map(|&p| turns[p].index).collect(),
        ids: positions
            .iter()
            .map(|&p| version.ids.get(p).map_or("", String::as_str))
            .collect(),
        line: first.line,
        speakers: positions.iter().map(|&p| who(&turns[p])).collect(),
        texts: positions.iter().map(|&p| turns[p].text.as_str()).collect(),
    })
}

impl<'a> DiffRow<'a> {
    fn new(
        source: &'a str,
        old: &'a Version<'a>,
        new: &'a Version<'a>,
        c: &'a Change,
        context: usize,
    ) -> Self {
        let old_side = side(old, &c.old);
        let new_side = side(new, &c.new);
        let text = match c.kind {
            ChangeKind::Edited => None,
            ChangeKind::Removed | ChangeKind::Merged => {
                old_side.as_ref().map(|s| s.texts.join("\n\n"))
            }
            _ => new_side.as_ref().map(|s| s.texts.join("\n\n")),
        };
        DiffRow {
            source,
            kind: c.kind.as_str(),
            old: old_side,
            new: new_side,
            text,
            words: c
                .words
                .iter()
                .map(|w| WordRow {
                    op: w.op.as_str(),
                    text: &w.text,
                })
                .collect(),
            context,
        }
    }

    /// The edit's changed words with `context` words around them, marked
    /// `[-old-]{+new+}`, or coloured without the markers.
    fn hunks(&self, words: &[WordOp], paint: Paint) -> String {
        let mut out = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let text = clean(&w.text, true);
            out.push(match w.op {
                Op::Equal => elide(&text, self.context, k == 0, k + 1 == words.len()),
                Op::Delete if paint.on => paint.paint(&text, Style::Match),
                Op::Insert if paint.on => paint.paint(&text, Style::Line),
                Op::Delete => format!("[-{text}-]"),
                Op::Insert => format!("{{+{text}+}}"),
            });
        }
        out.retain(|s| !s.is_empty());
        out.join(" ")
    }

    fn diff_cell(&self, words: &[WordOp], paint: Paint) -> String {
        match &self.text {
            Some(t) => clean(t, true).into_owned(),
            None => self.hunks(words, paint),
        }
    }
}

/// An unchanged run of words cut to `n` words next to each change: the
/// last words of the first run, the first of the last, both ends of a
/// middle one.
fn elide(text: &str, n: usize, first: bool, last: bool) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let keep = |ws: &[&str]| ws.join(" ");
    match (first, last) {
        (true, true) => keep(&words),
        (true, false) if words.len() > n => format!("… {}", keep(&words[words.len() - n..])),
        (false, true) if words.len() > n => format!("{} …", keep(&words[..n])),
        (false, false) if words.len() > 2 * n => format!(
            "{} … {}",
            keep(&words[..n]),
            keep(&words[words.len() - n..])
        ),
        _ => keep(&words),
    }
    .trim()
    .to_string()
}

fn turns_text(s: &SideRow<'_>) -> String {
    let ts: Vec<String> = s.turns.iter().map(usize::to_string).collect();
    ts.join(",")
}

impl Record for DiffRow<'_> {
    fn source(&self) -> &str {
        self.source
    }

    fn cells(&self) -> Vec<Cell> {
        let words = self.word_ops();
        let part = |s: &Option<SideRow<'_>>| match s {
            Some(s) => (
                Cell::from(turns_text(s)),
                Cell::from(s.line),
                Cell::from(s.speakers.join("; ")),
                Cell::from(s.ids.join(",")),
            ),
            None => Default::default(),
        };
        let (ot, ol, os, oi) = part(&self.old);
        let (nt, nl, ns, ni) = part(&self.new);
        vec![
            Cell::from(self.kind),
            ot,
            ol,
            os,
            nt,
            nl,
            ns,
            Cell::from(self.diff_cell(&words, Paint { on: false })),
            oi,
            ni,
        ]
    }

    fn text(&self, paint: Paint) -> String {
        let mut lines = vec![paint.paint(&self.header(), Style::Dim)];
        let line = |mark: &str, who: &str, text: &str, style: Style| {
            format!(
                "{} {}: {}",
                paint.paint(mark, style),
                paint.paint(&clean(who, true), Style::Speaker),
                text
            )
        };
        let sides = |s: &Option<SideRow<'_>>, mark: &str, style: Style, lines: &mut Vec<String>| {
            for (who, text) in s.iter().flat_map(|s| s.speakers.iter().zip(&s.texts)) {
                lines.push(line(mark, who, &clean(text, true), style));
            }
        };
        if self.kind == "edited" {
            let words = self.word_ops();
            let (o, n) = (self.old.as_ref(), self.new.as_ref());
            let old_who = o.and_then(|s| s.speakers.first()).copied().unwrap_or("");
            let new_who = n.and_then(|s| s.speakers.first()).copied().unwrap_or("");
            let who = if old_who == new_who {
                old_who.to_string()
            } else {
                format!("{old_who} -> {new_who}")
            };
            lines.push(line("~", &who, &self.hunks(&words, paint), Style::Dim));
        } else if self.kind == "reattributed" {
            // The text did not change: its opening words say which turn.
            let text = self.text.as_deref().unwrap_or("");
            let opening = elide(&clean(text, true), 2 * self.context.max(1), false, true);
            for (s, mark, style) in [
                (&self.old, "-", Style::Match),
                (&self.new, "+", Style::Line),
            ] {
                let who = s
                    .as_ref()
                    .and_then(|s| s.speakers.first())
                    .copied()
                    .unwrap_or("");
                lines.push(line(mark, who, &opening, style));
            }
        } else {
            sides(&self.old, "-", Style::Match, &mut lines);
            sides(&self.new, "+", Style::Line, &mut lines);
        }
        lines.join("\n")
    }
}

impl DiffRow<'_> {
    fn word_ops(&self) -> Vec<WordOp> {
        self.words
            .iter()
            .map(|w| WordOp {
                op: match w.op {
                    "delete" => Op::Delete,
                    "insert" => Op::Insert,
                    _ => Op::Equal,
                },
                text: w.text.to_string(),
            })
            .collect()
    }

    /// `@@ old turn 5, line 73 -> new turn 5, line 73: reattributed`.
    fn header(&self) -> String {
        let place = |s: &SideRow<'_>| {
            let noun = if s.turns.len() > 1 { "turns" } else { "turn" };
            format!("{noun} {}, line {}", turns_text(s), s.line)
        };
        match (&self.old, &self.new) {
            (Some(o), Some(n)) => format!("@@ old {} -> new {}: {}", place(o), place(n), self.kind),
            (Some(o), None) => format!("@@ old {}: {}", place(o), self.kind),
            (None, Some(n)) => format!("@@ new {}: {}", place(n), self.kind),
            (None, None) => format!("@@ {}", self.kind),
        }
    }
}

/// The input a path names: a file or `-`; a directory or a missing file
/// is an error.
fn input(path: &Path) -> Result<Input, String> {
    if path.as_os_str() == "-" {
        return Ok(Input::Stdin);
    }
    let name = path.display();
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(format!(
            "{name}: is a directory; diff compares two transcript files"
        )),
        Ok(_) => Ok(Input::File(path.to_path_buf())),
        Err(e) => Err(format!("{name}: {}", corpus::io_reason(&e))),
    }
}

/// OLD and NEW must be two inputs.
fn same_input(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn load(input: &Input) -> Result<Loaded, String> {
    match corpus::read(input, None).result {
        Ok(Some(loaded)) => Ok(loaded),
        Ok(None) => Err(format!("{}: not read", input.name())),
        Err(why) => Err(format!("{}: {why}", input.name())),
    }
}

fn sides(turns: &[Turn]) -> Vec<Side<'_>> {
    turns
        .iter()
        .map(|t| Side {
            speaker: who(t),
            text: &t.text,
        })
        .collect()
}

pub fn run(args: &DiffArgs, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    if same_input(&args.old, &args.new) {
        let what = if args.old.as_os_str() == "-" {
            "standard input".to_string()
        } else {
            args.old.display().to_string()
        };
        message(
            err,
            &format!("OLD and NEW are the same input ({what}); give two versions to compare"),
        );
        return Ok(ERROR);
    }
    let loaded = input(&args.old)
        .and_then(|i| load(&i))
        .and_then(|old| Ok((old, input(&args.new).and_then(|i| load(&i))?)));
    let (old, new) = match loaded {
        Ok(pair) => pair,
        Err(why) => {
            message(err, &why);
            return Ok(ERROR);
        }
    };
    let (old_v, new_v) = (Version::of(&old), Version::of(&new));
    let changes = diff_turns(&sides(old_v.turns), &sides(new_v.turns));
    let mut o = Out::new(&args.output, env);
    if args.output.format.is_none() {
        o.format = Format::Text; // a diff reads best as lines, even on a terminal
        o.color = env.color;
    }
    let mut printer = Printer::new(out, o, false, columns());
    for c in &changes {
        printer.record(&DiffRow::new(&new.source, &old_v, &new_v, c, args.context))?;
    }
    printer.finish()?;
    Ok(if changes.is_empty() {
        SUCCESS
    } else {
        NO_MATCH
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_runs_are_cut_next_to_changes() {
        assert_eq!(elide("a b c d e", 2, true, false), "… d e");
        assert_eq!(elide("a b c d e", 2, false, true), "a b …");
        assert_eq!(elide("a b c d e", 2, false, false), "a b … d e");
        assert_eq!(elide("a b c", 2, false, false), "a b c");
    }
}
