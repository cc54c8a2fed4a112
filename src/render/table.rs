//! Tables for people, fitted to the width resolved in `config.rs`.
//!
//! One table per run, whatever the number of inputs. Compact, like gh, xsv
//! and nushell: a header, a rule under it, rows without separators.
//! Columns are sized by priority: short and numeric columns keep their
//! width, the one flexible column (a turn's text, a question) takes what
//! is left, wrapped at word boundaries and cut with `…` after a few lines
//! (`--full` shows it whole); at narrow widths the least useful columns
//! are dropped first, so a header is never broken. Columns with nothing in
//! them are left out. Colour only when the caller says so. A run of more
//! than [`MAX_ROWS`] rows is printed in parts, so memory stays bounded.

use super::text::{Paint, Style};
use super::{Cell, Col};
use crate::config::Out;
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// Lines of a flexible cell shown before it is cut with `…` (`--full`: all).
pub const MAX_LINES: usize = 3;

/// The widest a non-flexible text column grows before it is cut with `…`.
const CAP: usize = 28;

/// The least a flexible column gets before other columns are dropped.
const FLEX_MIN: usize = 30;

/// Rows held before a table is printed (a new part starts after them), so
/// that memory does not grow with the corpus.
pub const MAX_ROWS: usize = 10_000;

/// Space between columns.
const GAP: &str = "  ";

/// One display character of a cell and whether it is part of a match.
type Glyph = (char, bool);

/// Rows of the whole run waiting to be laid out.
pub struct Pending {
    columns: Vec<Col>,
    rows: Vec<Vec<Vec<Glyph>>>,
}

impl Pending {
    /// `columns` are the shown ones (`Col::human`), `source` first when
    /// there are several inputs.
    pub fn new(columns: Vec<Col>) -> Self {
        Pending {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Add a row: one cell per column given to [`Pending::new`].
    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows
            .push(cells.iter().map(|c| glyphs(&c.text, &c.marks)).collect());
    }

    pub fn write(self, w: &mut dyn Write, out: &Out, full: bool) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let paint = Paint { on: out.color };
        // Leave out columns with nothing in them.
        let keep: Vec<usize> = (0..self.columns.len())
            .filter(|&i| {
                self.rows
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| !c.is_empty()))
            })
            .collect();
        let cols: Vec<&Col> = keep.iter().map(|&i| &self.columns[i]).collect();
        let natural: Vec<usize> = keep
            .iter()
            .map(|&i| {
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| width_of(c));
                let widest = cells.max().unwrap_or(0);
                let head = self.columns[i].name.len();
                if self.columns[i].flex || self.columns[i].right {
                    widest.max(head)
                } else if self.columns[i].tail {
                    widest.min(CAP * 3 / 2).max(head)
                } else {
                    widest.min(CAP).max(head)
                }
            })
            .collect();
        let widths = layout(&cols, &natural, out.width);
        let shown: Vec<(usize, &Col, usize)> = keep
            .iter()
            .zip(&cols)
            .zip(&widths)
            .filter_map(|((&i, c), w)| w.map(|w| (i, *c, w)))
            .collect();
        // Header and rule.
        let mut line = String::new();
        for (k, (_, c, w)) in shown.iter().enumerate() {
            if k > 0 {
                line.push_str(GAP);
            }
            let name = paint.paint(c.name, Style::Header);
            let pad = " ".repeat(w - c.name.len());
            if c.right {
                line.push_str(&pad);
                line.push_str(&name);
            } else {
                line.push_str(&name);
                line.push_str(&pad);
            }
        }
        writeln!(w, "{}", line.trim_end())?;
        let rule: Vec<String> = shown.iter().map(|(_, _, w)| "─".repeat(*w)).collect();
        writeln!(w, "{}", paint.paint(&rule.join(GAP), Style::Dim))?;
        let max_lines = if full { usize::MAX } else { MAX_LINES };
        for row in &self.rows {
            let cells: Vec<Vec<Vec<Glyph>>> = shown
                .iter()
                .map(|&(i, c, w)| {
                    let g = row.get(i).map(Vec::as_slice).unwrap_or(&[]);
                    if c.flex {
                        wrap(g, w, max_lines)
                    } else if c.tail {
                        vec![cut_start(g, w)]
                    } else {
                        vec![cut(g, w)]
                    }
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for k in 0..height {
                let mut line = String::new();
                for (n, (cell, &(_, c, w))) in cells.iter().zip(&shown).enumerate() {
                    if n > 0 {
                        line.push_str(GAP);
                    }
                    let part = cell.get(k).map(Vec::as_slice).unwrap_or(&[]);
                    let pad = " ".repeat(w.saturating_sub(width_of(part)));
                    if c.right {
                        line.push_str(&pad);
                        line.push_str(&render(part, paint));
                    } else {
                        line.push_str(&render(part, paint));
                        line.push_str(&pad);
                    }
                }
                writeln!(w, "{}", line.trim_end())?;
            }
        }
        Ok(())
    }
}

/// The width of each column, `None` for a dropped one. Non-flexible
/// columns keep their natural width; while the table is too wide, the
/// column with the highest `drop` goes first, then the widest text
/// columns shrink towards their header; the flexible column gets the rest.
fn layout(cols: &[&Col], natural: &[usize], width: usize) -> Vec<Option<usize>> {
    let mut widths: Vec<Option<usize>> = natural.iter().map(|&n| Some(n)).collect();
    let flex_min = |c: &Col, n: usize| n.min(FLEX_MIN).max(c.name.len());
    let needed = |widths: &[Option<usize>]| -> usize {
        let shown = widths.iter().filter(|w| w.is_some()).count();
        let sum: usize = cols
            .iter()
            .zip(widths)
            .zip(natural)
            .filter_map(|((c, w), &n)| w.map(|w| if c.flex { flex_min(c, n) } else { w }))
            .sum();
        sum + GAP.len() * shown.saturating_sub(1)
    };
    while needed(&widths) > width {
        let drop = (0..cols.len())
            .filter(|&i| widths[i].is_some() && cols[i].drop > 0)
            .max_by_key(|&i| (cols[i].drop, i));
        if let Some(i) = drop {
            widths[i] = None;
            continue;
        }
        // Nothing left to drop: shrink the widest text column by one.
        let shrink = (0..cols.len())
            .filter(|&i| !cols[i].flex && !cols[i].right)
            .filter(|&i| widths[i].is_some_and(|w| w > cols[i].name.len().max(4)))
            .max_by_key(|&i| widths[i]);
        match shrink {
            Some(i) => widths[i] = widths[i].map(|w| w - 1),
            None => break,
        }
    }
    let fixed: usize = cols
        .iter()
        .zip(&widths)
        .filter_map(|(c, w)| w.filter(|_| !c.flex))
        .sum();
    let shown = widths.iter().filter(|w| w.is_some()).count();
    let left = width.saturating_sub(fixed + GAP.len() * shown.saturating_sub(1));
    for (i, c) in cols.iter().enumerate() {
        if c.flex {
            if let Some(w) = &mut widths[i] {
                *w = natural[i].min(left).max(c.name.len());
            }
        }
    }
    widths
}

/// A cell's text as display characters: line breaks, tabs and runs of
/// white space as one space, control characters in caret notation (as
/// [`clean`](super::text::clean) does), each marked when inside a match.
fn glyphs(text: &str, marks: &[(usize, usize)]) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::with_capacity(text.len());
    let mut m = 0;
    for (i, c) in text.char_indices() {
        while marks.get(m).is_some_and(|&(_, end)| end <= i) {
            m += 1;
        }
        let marked = marks.get(m).is_some_and(|&(start, _)| start <= i);
        if c.is_whitespace() || matches!(c, '\u{2028}' | '\u{2029}') {
            if out.last().is_some_and(|g| g.0 != ' ') {
                out.push((' ', marked));
            }
            continue;
        }
        match c {
            c if (c as u32) < 0x20 => {
                out.push(('^', marked));
                out.push((char::from(b'@' + c as u8), marked));
            }
            '\u{7f}' => {
                out.push(('^', marked));
                out.push(('?', marked));
            }
            '\u{80}'..='\u{9f}' => out.push(('\u{FFFD}', marked)),
            c => out.push((c, marked)),
        }
    }
    while out.last().is_some_and(|g| g.0 == ' ') {
        out.pop();
    }
    out
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

fn width_of(g: &[Glyph]) -> usize {
    g.iter().map(|&(c, _)| char_width(c)).sum()
}

/// One line of at most `w` columns, ending with `…` when cut.
fn cut(g: &[Glyph], w: usize) -> Vec<Glyph> {
    if width_of(g) <= w {
        return g.to_vec();
    }
    let mut out = Vec::new();
    let mut used = 0;
    for &(c, m) in g {
        let cw = char_width(c);
        if used + cw + 1 > w {
            break;
        }
        out.push((c, m));
        used += cw;
    }
    // End at a word boundary when the cut falls inside a word.
    let inside = g.get(out.len()).is_some_and(|n| n.0 != ' ');
    if inside && out.iter().any(|g| g.0 == ' ') {
        while out.last().is_some_and(|g| g.0 != ' ') {
            out.pop();
        }
    }
    while out.last().is_some_and(|g| g.0 == ' ') {
        out.pop();
    }
    out.push(('…', false));
    out
}

/// The end of a cell in at most `w` columns, starting with `…` when cut
/// (a path: its file name is what tells inputs apart).
fn cut_start(g: &[Glyph], w: usize) -> Vec<Glyph> {
    if width_of(g) <= w {
        return g.to_vec();
    }
    let mut out = Vec::new();
    let mut used = 1;
    for &(c, m) in g.iter().rev() {
        let cw = char_width(c);
        if used + cw > w {
            break;
        }
        out.push((c, m));
        used += cw;
    }
    out.push(('…', false));
    out.reverse();
    out
}

/// Wrap at spaces into lines of at most `w` columns; a word longer than a
/// line is split (nothing else can be done). More than `max_lines`: the
/// last kept line ends with `…`.
fn wrap(g: &[Glyph], w: usize, max_lines: usize) -> Vec<Vec<Glyph>> {
    let w = w.max(1);
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    let mut line: Vec<Glyph> = Vec::new();
    let mut used = 0;
    for word in g.split(|&(c, _)| c == ' ') {
        if word.is_empty() {
            continue;
        }
        let ww = width_of(word);
        if !line.is_empty() && used + 1 + ww <= w {
            line.push((' ', false));
            line.extend_from_slice(word);
            used += 1 + ww;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
            if lines.len() > max_lines {
                break;
            }
        }
        if ww <= w {
            line.extend_from_slice(word);
            used = ww;
        } else {
            for &(c, m) in word {
                let cw = char_width(c);
                if used + cw > w {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push((c, m));
                used += cw;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut cut = false;
            while width_of(last) + 1 > w {
                last.pop();
                cut = true;
            }
            // Cut at a word boundary when the line has one.
            if cut && last.iter().any(|g| g.0 == ' ') {
                while last.last().is_some_and(|g| g.0 != ' ') {
                    last.pop();
                }
            }
            while last.last().is_some_and(|g| g.0 == ' ') {
                last.pop();
            }
            last.push(('…', false));
        }
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

/// Wrap plain text at word boundaries into lines of at most `width`
/// columns (a word longer than a line is split).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    wrap(&glyphs(text, &[]), width, usize::MAX)
        .iter()
        .map(|l| l.iter().map(|g| g.0).collect())
        .collect()
}

/// Glyphs to a string, matches painted.
fn render(g: &[Glyph], paint: Paint) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut marked = false;
    for &(c, m) in g {
        if m != marked && !run.is_empty() {
            flush(&mut out, &mut run, marked, paint);
        }
        marked = m;
        run.push(c);
    }
    flush(&mut out, &mut run, marked, paint);
    out
}

fn flush(out: &mut String, run: &mut String, marked: bool, paint: Paint) {
    if marked {
        out.push_str(&paint.paint(run, Style::Match));
    } else {
        out.push_str(run);
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(s: &str) -> Vec<Glyph> {
        glyphs(s, &[])
    }

    fn s(lines: &[Vec<Glyph>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|g| g.0).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_and_cuts_with_an_ellipsis() {
        let text = g("one two three four five six seven eight nine ten");
        assert_eq!(
            s(&wrap(&text, 10, 9)),
            [
                "one two",
                "three four",
                "five six",
                "seven",
                "eight nine",
                "ten"
            ]
        );
        assert_eq!(s(&wrap(&text, 10, 2)), ["one two", "three…"]);
        assert_eq!(s(&wrap(&text, 12, 2)), ["one two", "three four…"]);
        assert_eq!(s(&wrap(&g("abcdefghij"), 4, 9)), ["abcd", "efgh", "ij"]);
        assert_eq!(s(&[cut(&g("Xiao Yaqing"), 6)]), ["Xiao…"]);
        assert_eq!(s(&[cut(&g("Xiao Yaqing"), 9)]), ["Xiao…"]);
        assert_eq!(s(&[cut(&g("Xiaoyaqing"), 6)]), ["Xiaoy…"]);
        assert_eq!(s(&[cut_start(&g("dir/file.txt"), 6)]), ["…e.txt"]);
    }

    #[test]
    fn glyphs_collapse_space_and_keep_marks() {
        let text = "a\n\nb\tc\x07";
        let out: String = glyphs(text, &[]).iter().map(|g| g.0).collect();
        assert_eq!(out, "a b c^G");
        let marked = glyphs("say chips now", &[(4, 9)]);
        let m: String = marked.iter().filter(|g| g.1).map(|g| g.0).collect();
        assert_eq!(m, "chips");
    }

    #[test]
    fn narrow_widths_drop_columns_before_breaking_headers() {
        use crate::render::{col, num};
        let cols = [
            num("line"),
            col("speaker"),
            col("role").drop(4),
            col("outlet").drop(2),
            col("text").flex(),
        ];
        let refs: Vec<&Col> = cols.iter().collect();
        let natural = [4, 11, 10, 15, 500];
        let w = layout(&refs, &natural, 120);
        assert_eq!(w, [Some(4), Some(11), Some(10), Some(15), Some(120 - 48)]);
        let w = layout(&refs, &natural, 56);
        assert_eq!(w, [Some(4), Some(11), None, None, Some(56 - 19)]);
    }
}
