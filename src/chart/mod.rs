//! Charts for people: horizontal bars ([`bars`]: a speaker's share of
//! words, a pattern per week or month) and dispersion strips ([`strips`]:
//! where in each event a pattern came up), drawn as terminal text or as a
//! standalone SVG.
//!
//! A chart is plain data built by a command; this module only lays it out.
//! The text is a pure function of the data and a [`Look`] (width, Unicode
//! or ASCII, colour), so that it can be pinned by snapshots; the SVG is a
//! pure function of the data (no script, no external resource, no clock).
//! It must not read the terminal or the environment (that is `config.rs`)
//! nor print: callers write what it returns.

pub mod bars;
pub mod strips;

use crate::render::text::clean;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
use whosaid::Role;

/// How text charts are drawn.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// Columns available.
    pub width: usize,
    /// Unicode block and box characters; ASCII (`#`, `-`, `|`) when false.
    pub unicode: bool,
    /// ANSI colour by role.
    pub color: bool,
}

/// The letter that marks a role where colour may be missing.
pub fn role_letter(role: Role) -> char {
    match role {
        Role::Chair => 'C',
        Role::Official => 'O',
        Role::Journalist => 'J',
        Role::Other => 'X',
    }
}

/// ANSI colour of a role (the terminal's own palette).
fn role_ansi(role: Role) -> &'static str {
    match role {
        Role::Chair => "33",
        Role::Official => "34",
        Role::Journalist => "32",
        Role::Other => "35",
    }
}

/// SVG fill of a role: the Okabe-Ito palette, told apart by people with
/// colour-blindness.
pub fn role_fill(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Chair) => "#E69F00",
        Some(Role::Official) => "#0072B2",
        Some(Role::Journalist) => "#009E73",
        Some(Role::Other) => "#888888",
        None => "#0072B2",
    }
}

/// Wrap `s` (already clean) in the role's colour when `on`.
pub fn paint(s: &str, role: Option<Role>, on: bool) -> String {
    match role {
        Some(r) if on && !s.trim().is_empty() => format!("\x1b[{}m{s}\x1b[0m", role_ansi(r)),
        _ => s.to_string(),
    }
}

/// `s` on one line, safe for a terminal, cut with `…` to at most `w`
/// display columns.
pub fn cut(s: &str, w: usize) -> String {
    let s = clean(s, true);
    if s.width() <= w {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// `s` cut to `w` columns and padded with spaces to exactly `w`.
pub fn pad(s: &str, w: usize) -> String {
    let s = cut(s, w);
    let fill = w.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(fill))
}

/// `s` cut to `w` columns and right-aligned in `w`.
pub fn pad_left(s: &str, w: usize) -> String {
    let s = cut(s, w);
    let fill = w.saturating_sub(s.width());
    format!("{}{s}", " ".repeat(fill))
}

/// Text for XML: the five special characters escaped, control characters
/// (not allowed in XML 1.0) dropped.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The opening of a standalone, accessible SVG: its size, a `<title>`
/// and a `<desc>` that screen readers announce, a white background.
pub fn svg_open(width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" \
         font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n\
         <title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        xml(title),
        xml(desc)
    )
}

/// Width of the text columns of an SVG: about 7 pixels a character at
/// 12 pixels (wide enough for a proportional font's capitals), capped.
pub fn svg_text_width(labels: impl Iterator<Item = usize>, cap: usize) -> f64 {
    labels.max().unwrap_or(0).min(cap) as f64 * 7.0 + 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_and_pad_count_display_columns() {
        assert_eq!(cut("Tian Yulong", 20), "Tian Yulong");
        assert_eq!(cut("Tian Yulong", 6), "Tian …");
        assert_eq!(pad("肖亚庆", 8), "肖亚庆  ");
        assert_eq!(pad("肖亚庆", 4), "肖… ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(cut("a\x1b[2Jb", 20), "a^[[2Jb");
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(
            xml("<script>\"AT&T\"\u{7}"),
            "&lt;script&gt;&quot;AT&amp;T&quot;"
        );
    }

    #[test]
    fn paint_only_when_on() {
        assert_eq!(paint("██", Some(Role::Official), false), "██");
        assert_eq!(paint("██", Some(Role::Official), true), "\x1b[34m██\x1b[0m");
        assert_eq!(paint("██", None, true), "██");
    }
}
