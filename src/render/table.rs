//! Tables for the terminal (comfy-table), fitted to the width resolved in
//! `config.rs`: long text is wrapped inside its cell.
//!
//! A table is collected per input and printed when the input ends, so memory
//! is bounded by one transcript. Colour only when the caller says so.

use super::text::{Paint, Style, clean};
use super::{Cell, Col};
use crate::config::Out;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use std::io::{self, Write};

/// Rows of one input waiting to be laid out.
pub struct Pending {
    columns: Vec<Col>,
    multi: bool,
    rows: Vec<Vec<String>>,
    paint: Paint,
}

impl Pending {
    pub fn new(columns: Vec<Col>, multi: bool) -> Self {
        Pending {
            columns,
            multi,
            rows: Vec::new(),
            paint: Paint { on: false },
        }
    }

    pub fn push(&mut self, source: &str, cells: Vec<Cell>, paint: Paint) {
        self.paint = paint;
        let mut row = Vec::with_capacity(cells.len() + 1);
        if self.multi {
            row.push(clean(source, true).into_owned());
        }
        for (c, col) in cells.iter().zip(&self.columns) {
            if col.human {
                row.push(paint.highlight(&c.text, &c.marks, false));
            }
        }
        self.rows.push(row);
    }

    pub fn write(self, w: &mut dyn Write, out: &Out) -> io::Result<()> {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_HORIZONTAL_ONLY)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(out.width.min(u16::MAX as usize) as u16);
        if out.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let mut header: Vec<String> = Vec::new();
        let mut right: Vec<bool> = Vec::new();
        if self.multi {
            header.push("source".into());
            right.push(false);
        }
        for c in self.columns.iter().filter(|c| c.human) {
            header.push(c.name.to_string());
            right.push(c.right);
        }
        table.set_header(header.iter().map(|h| self.paint.paint(h, Style::Header)));
        for row in self.rows {
            table.add_row(row);
        }
        for (i, r) in right.iter().enumerate() {
            if *r {
                if let Some(column) = table.column_mut(i) {
                    column.set_cell_alignment(CellAlignment::Right);
                }
            }
        }
        writeln!(w, "{table}")
    }
}
