//! Dispersion strips, as corpus linguists' concordancers draw them: one
//! strip an event, from its first word (left) to its last (right), a mark
//! where a pattern came up, the mark the letter (and on a terminal the
//! colour) of the speaker's role.
//!
//! Layout only, as the rest of `crate::chart`: it must not read
//! transcripts or find matches: callers hand it the positions.

use super::bars::legend;
use super::{
    Look, cut, pad, pad_left, paint, role_fill, role_letter, svg_open, svg_text_width, xml,
};
use unicode_width::UnicodeWidthStr;
use whosaid::Role;

/// One event's strip.
#[derive(Clone, Debug)]
pub struct Strip {
    pub label: String,
    /// Where each match stands, 0 (first word) to 1 (last), and the role
    /// of who said it.
    pub marks: Vec<(f64, Role)>,
    /// Right of the strip (`3`, the number of matches).
    pub note: String,
}

/// A dispersion plot: title and description (the SVG's), a heading line,
/// a strip per event.
#[derive(Clone, Debug)]
pub struct StripChart {
    pub title: String,
    pub desc: String,
    pub rows: Vec<Strip>,
}

const GAP: usize = 2;

/// The cell a position falls in, of `cells`.
fn cell(pos: f64, cells: usize) -> usize {
    ((pos.clamp(0.0, 1.0) * cells as f64) as usize).min(cells.saturating_sub(1))
}

/// What each cell of a strip shows: nothing, one role, or several.
#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Empty,
    One(Role),
    Several,
}

fn cells(marks: &[(f64, Role)], n: usize) -> Vec<Cell> {
    let mut out = vec![Cell::Empty; n];
    for &(pos, role) in marks {
        let c = &mut out[cell(pos, n)];
        *c = match *c {
            Cell::Empty => Cell::One(role),
            Cell::One(r) if r == role => Cell::One(r),
            _ => Cell::Several,
        };
    }
    out
}

/// One strip of `n` cells between its edges.
pub fn strip(marks: &[(f64, Role)], n: usize, look: Look) -> String {
    let (edge, line) = if look.unicode {
        ('│', '─')
    } else {
        ('|', '-')
    };
    let mut s = String::new();
    s.push(edge);
    for c in cells(marks, n) {
        match c {
            Cell::Empty => s.push(line),
            Cell::One(r) => s.push_str(&paint(&role_letter(r).to_string(), Some(r), look.color)),
            Cell::Several => s.push('*'),
        }
    }
    s.push(edge);
    s
}

/// The chart as terminal text: the title, a strip a line, a key.
pub fn text(chart: &StripChart, look: Look) -> String {
    let mut out = cut(&chart.title, look.width);
    out.push('\n');
    let note = chart.rows.iter().map(|r| r.note.width()).max().unwrap_or(0);
    let labels = chart.rows.iter().map(|r| cut(&r.label, 200).width()).max();
    let mut label = labels.unwrap_or(0).min((look.width * 3 / 10).max(8));
    let fixed = |label: usize| label + GAP + 2 + GAP + note;
    if look.width < fixed(label) + 10 {
        label = look.width.saturating_sub(fixed(0) + 10).max(1);
    }
    let n = look.width.saturating_sub(fixed(label)).max(1);
    for r in &chart.rows {
        out.push_str(&pad(&tail_label(&r.label, label), label));
        out.push_str(&" ".repeat(GAP));
        out.push_str(&strip(&r.marks, n, look));
        out.push_str(&" ".repeat(GAP));
        out.push_str(&pad_left(&r.note, note));
        out.push('\n');
    }
    let key = if n + 2 >= 20 {
        format!(
            "{}first word{}last word",
            " ".repeat(label + GAP),
            " ".repeat(n + 2 - 19)
        )
    } else {
        "left: the first word, right: the last".to_string()
    };
    out.push_str(&cut(&key, look.width));
    out.push('\n');
    out.push_str(&cut(
        "C chair, O official, J journalist, X other, * several roles in one place",
        look.width,
    ));
    out.push('\n');
    out
}

/// A file name is told apart by its end: cut from the start (`…/2021-03-01.md`).
fn tail_label(label: &str, w: usize) -> String {
    if label.width() <= w || w < 2 {
        return label.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in label.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        kept.push(c);
        used += cw;
    }
    kept.push('…');
    kept.iter().rev().collect()
}

const SVG_WIDTH: f64 = 760.0;
const MARGIN: f64 = 16.0;
const ROW: f64 = 24.0;

/// The chart as a standalone SVG: a labelled strip per event, a tick per
/// match in the role's colour, a `<title>` per strip saying how many
/// matches each role has.
pub fn svg(chart: &StripChart) -> String {
    let label_w = svg_text_width(chart.rows.iter().map(|r| r.label.chars().count()), 36);
    let note_w = svg_text_width(chart.rows.iter().map(|r| r.note.chars().count()), 12);
    let x0 = MARGIN + label_w;
    let w = (SVG_WIDTH - x0 - note_w - MARGIN).max(40.0);
    let mut body = format!(
        "<text x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
        MARGIN + 16.0,
        xml(&chart.title)
    );
    let mut y = MARGIN + 26.0;
    for r in &chart.rows {
        y += ROW;
        body.push_str(&format!(
            "<g>\n<title>{}</title>\n<text x=\"{MARGIN}\" y=\"{y:.1}\">{}</text>\n\
             <line x1=\"{x0:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#bbbbbb\"/>\n",
            xml(&strip_summary(r)),
            xml(&tail_label(&r.label, 36)),
            y - 4.0,
            x0 + w,
            y - 4.0
        ));
        for &(pos, role) in &r.marks {
            body.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"2\" height=\"14\" fill=\"{}\"/>\n",
                x0 + pos.clamp(0.0, 1.0) * (w - 2.0),
                y - 11.0,
                role_fill(Some(role))
            ));
        }
        body.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{y:.1}\">{}</text>\n</g>\n",
            x0 + w + 8.0,
            xml(&r.note)
        ));
    }
    y += ROW;
    body.push_str(&format!(
        "<text x=\"{x0:.1}\" y=\"{y:.1}\" fill=\"#555555\">first word</text>\
         <text x=\"{:.1}\" y=\"{y:.1}\" fill=\"#555555\" text-anchor=\"end\">last word</text>\n",
        x0 + w
    ));
    y += ROW;
    body.push_str(&legend(y));
    format!(
        "{}{body}</svg>\n",
        svg_open(SVG_WIDTH, y + MARGIN, &chart.title, &chart.desc)
    )
}

/// `source: 3 matches (official 2, journalist 1)`.
fn strip_summary(r: &Strip) -> String {
    let mut by_role = Vec::new();
    for role in [Role::Chair, Role::Official, Role::Journalist, Role::Other] {
        let n = r.marks.iter().filter(|m| m.1 == role).count();
        if n > 0 {
            by_role.push(format!("{role} {n}"));
        }
    }
    let n = r.marks.len();
    format!(
        "{}: {n} {} ({})",
        r.label,
        if n == 1 { "match" } else { "matches" },
        by_role.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Look = Look {
        width: 40,
        unicode: false,
        color: false,
    };

    #[test]
    fn marks_fall_in_their_cell() {
        let marks = [
            (0.0, Role::Journalist),
            (0.5, Role::Official),
            (1.0, Role::Chair),
        ];
        assert_eq!(strip(&marks, 10, PLAIN), "|J----O---C|");
        let together = [(0.51, Role::Official), (0.52, Role::Journalist)];
        assert_eq!(strip(&together, 10, PLAIN), "|-----*----|");
        let same = [(0.51, Role::Official), (0.52, Role::Official)];
        assert_eq!(strip(&same, 10, PLAIN), "|-----O----|");
    }

    #[test]
    fn long_file_names_keep_their_end() {
        assert_eq!(tail_label("briefings/2021-03-01.md", 14), "…2021-03-01.md");
        assert_eq!(tail_label("<bundled>", 12), "<bundled>");
    }
}
