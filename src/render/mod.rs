//! Printers: records to table, text, tsv, csv, json or jsonl on any
//! `io::Write`.
//!
//! A command turns what it selected into values that implement [`Record`]
//! and hands them to a [`Printer`], one at a time; the printer owns the
//! format (headers, separators, the JSON array brackets, the `source`
//! column, colour, record terminators). Printers never look at the terminal
//! or the environment (that is `config.rs`) and never decide exit codes.

pub mod delimited;
pub mod json;
pub mod table;
pub mod text;

use crate::cli::Format;
use crate::config::Out;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};
pub use text::{Paint, Style};

/// A column of the table, tsv and csv formats. A command has one fixed
/// set of columns in tsv and csv whatever its options and inputs
/// (docs/json.md lists them); `human` says whether the table shows it.
#[derive(Clone, Copy, Debug)]
pub struct Col {
    pub name: &'static str,
    /// Right-aligned in tables (numbers).
    pub right: bool,
    /// Shown in the table (tsv and csv always have every column).
    pub human: bool,
    /// The table's flexible column: it takes the width that is left and
    /// wraps at word boundaries.
    pub flex: bool,
    /// At narrow widths, columns with a higher `drop` leave the table
    /// first; 0 never leaves.
    pub drop: u8,
    /// Cut from the start (`…/file.txt`) rather than the end.
    pub tail: bool,
}

pub const fn col(name: &'static str) -> Col {
    Col {
        name,
        right: false,
        human: true,
        flex: false,
        drop: 0,
        tail: false,
    }
}

pub const fn num(name: &'static str) -> Col {
    Col {
        name,
        right: true,
        human: true,
        flex: false,
        drop: 0,
        tail: false,
    }
}

impl Col {
    /// Shown in the table only when `yes` (an option asked for it).
    pub const fn shown(self, yes: bool) -> Col {
        Col { human: yes, ..self }
    }

    /// The flexible column of the table.
    pub const fn flex(self) -> Col {
        Col { flex: true, ..self }
    }

    /// Leave the table at narrow widths, higher first.
    pub const fn drop(self, rank: u8) -> Col {
        Col { drop: rank, ..self }
    }
}

/// One cell: text plus byte ranges to highlight as matches.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

impl Cell {
    pub fn marked(text: impl Into<String>, marks: Vec<(usize, usize)>) -> Cell {
        Cell {
            text: text.into(),
            marks,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            marks: Vec::new(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::from(n.to_string())
    }
}

impl From<Option<&str>> for Cell {
    fn from(s: Option<&str>) -> Cell {
        Cell::from(s.unwrap_or(""))
    }
}

impl From<Option<usize>> for Cell {
    fn from(n: Option<usize>) -> Cell {
        n.map(Cell::from).unwrap_or_default()
    }
}

/// What a command prints: serialisable (json, jsonl), with cells for the
/// columnar formats and one line for `text`.
pub trait Record: Serialize {
    /// The input this record comes from.
    fn source(&self) -> &str;
    /// Cells in the order of the columns given to [`Printer::new`]
    /// (without `source`: the printer adds it).
    fn cells(&self) -> Vec<Cell>;
    /// The cells as a table shows them (a name once, not in three
    /// columns); by default [`Record::cells`].
    fn table_cells(&self) -> Vec<Cell> {
        self.cells()
    }
    /// The `text` format line, without the `source:` prefix and terminator.
    fn text(&self, paint: Paint) -> String;
}

/// Streams records in one format; call [`Printer::end_input`] after each
/// input and [`Printer::finish`] at the end.
pub struct Printer<'w> {
    w: &'w mut dyn Write,
    out: Out,
    /// More than one input: add the `source` column to tables and the
    /// prefix to text (tsv and csv always have it).
    multi: bool,
    /// The command's columns, without `source`.
    columns: Vec<Col>,
    count: usize,
    header_done: bool,
    table: Option<table::Pending>,
    /// Count records without printing them (`search -c`, `-l`, `-q`).
    muted: bool,
    /// A JSON record is serialised here, then written at once: serde's many
    /// small writes stay out of the `dyn Write`.
    scratch: Vec<u8>,
}

impl<'w> Printer<'w> {
    pub fn new(w: &'w mut dyn Write, out: Out, multi: bool, columns: Vec<Col>) -> Self {
        Printer {
            w,
            out,
            multi,
            columns,
            count: 0,
            header_done: false,
            table: None,
            muted: false,
            scratch: Vec::new(),
        }
    }

    /// Count records from now on without printing them.
    pub fn mute(&mut self) {
        self.muted = true;
    }

    /// The source prefix of text lines: `-H`, `--no-filename`, else with
    /// several inputs.
    pub fn with_filename(&self) -> bool {
        self.out.filename.unwrap_or(self.multi)
    }

    /// The record terminator of text (a newline, or NUL with `-0`).
    pub fn eol(&self) -> &'static [u8] {
        self.out.eol()
    }

    pub fn paint(&self) -> Paint {
        Paint { on: self.out.color }
    }

    /// Print one record.
    pub fn record<R: Record>(&mut self, r: &R) -> io::Result<()> {
        self.count += 1;
        if self.muted {
            return Ok(());
        }
        let multi = self.multi;
        match self.out.format {
            Format::Json | Format::Jsonl => {
                self.scratch.clear();
                if self.out.format == Format::Json {
                    self.scratch
                        .extend_from_slice(if self.count == 1 { b"[\n" } else { b",\n" });
                }
                serde_json::to_writer(&mut self.scratch, r)?;
                if self.out.format == Format::Jsonl {
                    self.scratch.push(b'\n');
                }
                self.w.write_all(&self.scratch)
            }
            Format::Text => {
                let paint = self.paint();
                if self.out.filename.unwrap_or(multi) {
                    let src = text::clean(r.source(), true);
                    write!(self.w, "{}:", paint.paint(&src, Style::Source))?;
                }
                self.w.write_all(r.text(paint).as_bytes())?;
                self.w.write_all(self.out.eol())
            }
            Format::Tsv | Format::Csv => {
                let tsv = self.out.format == Format::Tsv;
                let eol: &[u8] = if tsv { self.out.eol() } else { b"\n" };
                let sep = if tsv { "\t" } else { "," };
                fn field(tsv: bool, s: &str) -> Cow<'_, str> {
                    if tsv {
                        delimited::tsv_field(s)
                    } else {
                        delimited::csv_field(s)
                    }
                }
                self.header()?;
                // Straight to the writer: no copy of the fields, no joined line.
                let cells = r.cells();
                let texts =
                    std::iter::once(r.source()).chain(cells.iter().map(|c| c.text.as_str()));
                for (i, text) in texts.enumerate() {
                    if i > 0 {
                        self.w.write_all(sep.as_bytes())?;
                    }
                    self.w.write_all(field(tsv, text).as_bytes())?;
                }
                self.w.write_all(eol)
            }
            Format::Table => {
                let columns = &self.columns;
                let pending = self.table.get_or_insert_with(|| {
                    let source = Col {
                        tail: true,
                        drop: 1,
                        ..col("source")
                    };
                    let shown = multi
                        .then_some(source)
                        .into_iter()
                        .chain(columns.iter().copied().filter(|c| c.human));
                    table::Pending::new(shown.collect())
                });
                let source = multi.then(|| Cell::from(r.source()));
                let cells = r
                    .table_cells()
                    .into_iter()
                    .zip(&self.columns)
                    .filter(|(_, c)| c.human)
                    .map(|(cell, _)| cell);
                pending.push(source.into_iter().chain(cells).collect());
                // Memory stays bounded on a huge run: a long table is
                // printed in parts of this many rows.
                if pending.len() >= table::MAX_ROWS {
                    if let Some(full) = self.table.take() {
                        full.write(self.w, &self.out, self.out.full)?;
                    }
                }
                Ok(())
            }
        }
    }

    /// The end of one input. A table is one for the whole run: it is
    /// printed by [`Printer::finish`].
    pub fn end_input(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// The tsv or csv header: `source`, then the command's columns.
    fn header(&mut self) -> io::Result<()> {
        if self.header_done || self.muted || !matches!(self.out.format, Format::Tsv | Format::Csv) {
            return Ok(());
        }
        self.header_done = true;
        let tsv = self.out.format == Format::Tsv;
        let sep = if tsv { "\t" } else { "," };
        let eol: &[u8] = if tsv { self.out.eol() } else { b"\n" };
        let names: Vec<&str> = std::iter::once("source")
            .chain(self.columns.iter().map(|c| c.name))
            .collect();
        self.w.write_all(names.join(sep).as_bytes())?;
        self.w.write_all(eol)
    }

    /// Close the output (the JSON array, the header of an empty tsv or
    /// csv) and flush; returns the record count.
    pub fn finish(mut self) -> io::Result<usize> {
        if let Some(pending) = self.table.take() {
            pending.write(self.w, &self.out, self.out.full)?;
        }
        self.header()?;
        if self.out.format == Format::Json && !self.muted {
            json::array_end(self.w, self.count == 0)?;
        }
        self.w.flush()?;
        Ok(self.count)
    }
}

impl Printer<'_> {
    /// Write bytes as they are, for a command's own human layout (already
    /// cleaned and painted by the command).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        n: usize,
    }

    impl Record for Row {
        fn source(&self) -> &str {
            "s"
        }
        fn cells(&self) -> Vec<Cell> {
            vec![Cell::from(self.n)]
        }
        fn text(&self, _: Paint) -> String {
            self.n.to_string()
        }
    }

    fn out(format: Format) -> Out {
        Out {
            format,
            color: false,
            width: 80,
            null: false,
            tty: true,
            filename: None,
            full: false,
        }
    }

    #[test]
    fn one_table_per_run_in_parts_of_max_rows() -> io::Result<()> {
        let mut buf = Vec::new();
        let mut p = Printer::new(&mut buf, out(Format::Table), false, vec![num("n")]);
        for n in 0..table::MAX_ROWS + 5 {
            p.record(&Row { n })?;
            if n % 100 == 0 {
                p.end_input()?; // inputs end; the table goes on
            }
        }
        assert_eq!(p.finish()?, table::MAX_ROWS + 5);
        let text = String::from_utf8(buf).unwrap();
        let headers = text.lines().filter(|l| l.trim() == "n").count();
        assert_eq!(headers, 2, "a header for each part");
        Ok(())
    }

    #[test]
    fn empty_csv_has_its_header_and_empty_json_is_an_array() {
        let mut buf = Vec::new();
        let p = Printer::new(&mut buf, out(Format::Csv), false, vec![num("n")]);
        assert_eq!(p.finish().unwrap(), 0);
        assert_eq!(buf, b"source,n\n");
        let mut buf = Vec::new();
        let p = Printer::new(&mut buf, out(Format::Json), false, vec![num("n")]);
        p.finish().unwrap();
        assert_eq!(String::from_utf8(buf).unwrap().trim(), "[]");
    }
}
