//! Horizontal bar charts: one bar a row, its length the row's value
//! against the largest of its group, drawn with eighth blocks (`▏` to
//! `█`) or `#` in ASCII, coloured by role on a terminal, with the label,
//! the role and a note (the value as people read it) beside it.
//!
//! Layout only, as the rest of `crate::chart`: it must not read
//! transcripts, count anything or write: callers hand it the numbers.

use super::{Look, cut, pad, pad_left, paint, role_fill, svg_open, svg_text_width, xml};
use unicode_width::UnicodeWidthStr;
use whosaid::Role;

/// One bar.
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    /// Colours the bar and fills the role column; `None`: no role.
    pub role: Option<Role>,
    /// The length, against the group's largest value.
    pub value: f64,
    /// What the bar says in words (`71.0%  6405`), right of it.
    pub note: String,
}

/// Bars sharing one scale, under an optional heading.
#[derive(Clone, Debug)]
pub struct Group {
    pub heading: Option<String>,
    pub bars: Vec<Bar>,
}

/// A bar chart: its title and description (the SVG's `<title>` and
/// `<desc>`) and its groups.
#[derive(Clone, Debug)]
pub struct BarChart {
    pub title: String,
    pub desc: String,
    pub groups: Vec<Group>,
}

/// The partial blocks, by eighths.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value / max` of `cells` columns, padded to `cells`. A value
/// above zero always shows (one eighth, or one `#`).
pub fn bar(value: f64, max: f64, cells: usize, unicode: bool) -> String {
    let frac = if max > 0.0 {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (drawn, used) = if unicode {
        let mut eighths = (frac * cells as f64 * 8.0).round() as usize;
        if value > 0.0 {
            eighths = eighths.max(1);
        }
        let s = format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8]);
        (s, eighths.div_ceil(8))
    } else {
        let mut n = (frac * cells as f64).round() as usize;
        if value > 0.0 {
            n = n.max(1);
        }
        ("#".repeat(n), n)
    };
    format!("{drawn}{}", " ".repeat(cells.saturating_sub(used)))
}

/// Column widths of a group's rows at a width.
struct Layout {
    label: usize,
    role: usize,
    bar: usize,
    note: usize,
}

const GAP: usize = 2;
const MIN_BAR: usize = 10;

fn layout(g: &Group, width: usize) -> Layout {
    let labels = g.bars.iter().map(|b| cut(&b.label, 200).width()).max();
    let note = g.bars.iter().map(|b| b.note.width()).max().unwrap_or(0);
    let has_role = g.bars.iter().any(|b| b.role.is_some());
    let mut l = Layout {
        label: labels.unwrap_or(0).min((width * 3 / 10).max(8)),
        role: if has_role && width >= 60 { 10 } else { 0 },
        bar: 0,
        note,
    };
    let fixed =
        |l: &Layout| l.label + GAP + if l.role > 0 { l.role + GAP } else { 0 } + GAP + l.note;
    if width < fixed(&l) + MIN_BAR {
        l.role = 0;
    }
    if width < fixed(&l) + MIN_BAR {
        l.label = width.saturating_sub(fixed(&l) - l.label + MIN_BAR).max(1);
    }
    if width < fixed(&l) + 1 {
        // Narrower than any layout: the notes are cut too.
        l.note = width.saturating_sub(fixed(&l) - l.note + 1).max(1);
    }
    l.bar = width.saturating_sub(fixed(&l)).max(1);
    l
}

/// The chart as terminal text: per group its heading, then a line a bar.
pub fn text(chart: &BarChart, look: Look) -> String {
    let mut out = String::new();
    for (i, g) in chart.groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        group_text(g, look, &mut out);
    }
    out
}

fn group_text(g: &Group, look: Look, out: &mut String) {
    if let Some(h) = &g.heading {
        out.push_str(&cut(h, look.width));
        out.push('\n');
    }
    let l = layout(g, look.width);
    let max = g.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    for b in &g.bars {
        let mut line = pad(&b.label, l.label);
        line.push_str(&" ".repeat(GAP));
        if l.role > 0 {
            let role = b.role.map_or("", |r| r.as_str());
            line.push_str(&paint(&pad(role, l.role), b.role, look.color));
            line.push_str(&" ".repeat(GAP));
        }
        let drawn = bar(b.value, max, l.bar, look.unicode);
        let trimmed = drawn.trim_end();
        line.push_str(&paint(trimmed, b.role, look.color));
        line.push_str(&" ".repeat(drawn.len() - trimmed.len()));
        line.push_str(&" ".repeat(GAP));
        line.push_str(&pad_left(&b.note, l.note));
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

const SVG_WIDTH: f64 = 760.0;
const MARGIN: f64 = 16.0;
const ROW: f64 = 22.0;
const BAR_HEIGHT: f64 = 14.0;

/// The chart as a standalone SVG: text labels, one `<title>` per bar
/// for screen readers and tooltips, a legend of the roles.
pub fn svg(chart: &BarChart) -> String {
    let bars = || chart.groups.iter().flat_map(|g| g.bars.iter());
    let label_w = svg_text_width(bars().map(|b| b.label.chars().count()), 28);
    let has_role = bars().any(|b| b.role.is_some());
    let role_w = if has_role { 72.0 } else { 0.0 };
    let note_w = svg_text_width(bars().map(|b| b.note.chars().count()), 24);
    let bar_x = MARGIN + label_w + role_w;
    let bar_w = (SVG_WIDTH - bar_x - note_w - MARGIN).max(40.0);
    let mut body = String::new();
    let mut y = MARGIN + 16.0;
    body.push_str(&format!(
        "<text x=\"{MARGIN}\" y=\"{y:.1}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
        xml(&chart.title)
    ));
    y += 10.0;
    for g in &chart.groups {
        if let Some(h) = g.heading.as_ref().filter(|h| **h != chart.title) {
            y += ROW;
            body.push_str(&format!(
                "<text x=\"{MARGIN}\" y=\"{y:.1}\" font-weight=\"bold\">{}</text>\n",
                xml(h)
            ));
        }
        let max = g.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        for b in &g.bars {
            y += ROW;
            body.push_str(&svg_bar(b, max, y, bar_x, bar_w, label_w, has_role));
        }
        y += 8.0;
    }
    if has_role {
        y += ROW;
        body.push_str(&legend(y));
    }
    let height = y + MARGIN;
    format!(
        "{}{body}</svg>\n",
        svg_open(SVG_WIDTH, height, &chart.title, &chart.desc)
    )
}

fn svg_bar(b: &Bar, max: f64, y: f64, bar_x: f64, bar_w: f64, label_w: f64, role: bool) -> String {
    let len = if max > 0.0 {
        (b.value / max).clamp(0.0, 1.0) * bar_w
    } else {
        0.0
    };
    let role_name = b.role.map_or("", |r| r.as_str());
    let what = if role_name.is_empty() {
        format!("{}: {}", b.label, b.note)
    } else {
        format!("{} ({role_name}): {}", b.label, b.note)
    };
    let mut s = format!("<g>\n<title>{}</title>\n", xml(&what));
    s.push_str(&format!(
        "<text x=\"{MARGIN}\" y=\"{y:.1}\">{}</text>\n",
        xml(&cut(&b.label, 28))
    ));
    if role {
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{y:.1}\" fill=\"#555555\">{role_name}</text>\n",
            MARGIN + label_w
        ));
    }
    s.push_str(&format!(
        "<rect x=\"{bar_x:.1}\" y=\"{:.1}\" width=\"{len:.1}\" height=\"{BAR_HEIGHT}\" fill=\"{}\"/>\n",
        y - BAR_HEIGHT + 3.0,
        role_fill(b.role)
    ));
    s.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{y:.1}\">{}</text>\n</g>\n",
        bar_x + len + 6.0,
        xml(&b.note)
    ));
    s
}

/// A line of coloured squares naming the roles.
pub fn legend(y: f64) -> String {
    let mut s = String::from("<g>\n");
    let mut x = MARGIN;
    for role in [Role::Chair, Role::Official, Role::Journalist, Role::Other] {
        s.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{y:.1}\">{}</text>\n",
            y - 9.0,
            role_fill(Some(role)),
            x + 14.0,
            role.as_str()
        ));
        x += 100.0;
    }
    s.push_str("</g>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_drawn_in_eighths() {
        assert_eq!(bar(1.0, 1.0, 4, true), "████");
        assert_eq!(bar(0.5, 1.0, 4, true), "██  ");
        assert_eq!(bar(1.0, 8.0, 3, true), "▍  ");
        assert_eq!(bar(0.001, 1.0, 4, true), "▏   ");
        assert_eq!(bar(0.0, 1.0, 4, true), "    ");
        assert_eq!(bar(0.5, 1.0, 4, false), "##  ");
        assert_eq!(bar(0.001, 1.0, 4, false), "#   ");
    }

    fn chart() -> BarChart {
        let bar = |label: &str, role, value: f64| Bar {
            label: label.into(),
            role: Some(role),
            value,
            note: format!("{value:.1}%"),
        };
        BarChart {
            title: "Share of words".into(),
            desc: "Each speaker's share <of words>".into(),
            groups: vec![Group {
                heading: Some("<bundled>".into()),
                bars: vec![
                    bar("Xiao Yaqing", Role::Official, 71.0),
                    bar("Reuters", Role::Journalist, 0.6),
                ],
            }],
        }
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        for width in [20, 40, 60, 100] {
            let look = Look {
                width,
                unicode: true,
                color: false,
            };
            for line in text(&chart(), look).lines() {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn svg_is_standalone_and_escaped() {
        let s = svg(&chart());
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(s.contains("<title id=\"chart-title\">Share of words</title>"));
        assert!(s.contains("&lt;of words&gt;") && s.contains("&lt;bundled&gt;"));
        assert!(!s.contains("<script") && !s.contains("href"));
        assert!(s.contains("<title>Xiao Yaqing (official): 71.0%</title>"));
    }
}
