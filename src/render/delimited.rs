//! Delimited output: TSV and CSV fields.
//!
//! Only field escaping lives here; which columns a command has is the
//! command's business. Both formats are for machines: no colour, ever.

use super::text::clean;
use std::borrow::Cow;

/// A TSV field: tabs and line breaks become spaces (TSV has no quoting),
/// other control characters are made visible.
pub fn tsv_field(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    if !s.contains('\t') {
        return Cow::Owned(clean(s, true).into_owned());
    }
    Cow::Owned(clean(&s.replace('\t', " "), true).into_owned())
}

/// A CSV field quoted as RFC 4180 asks: in double quotes when it holds a
/// comma, a quote, a line break or edge spaces, with quotes doubled.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    let s = clean(s, false);
    let quote = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if !quote {
        return s;
    }
    Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_escaping() {
        assert_eq!(tsv_field("a\tb\nc"), "a b c");
        assert_eq!(tsv_field("x\x1by"), "x^[y");
        assert_eq!(tsv_field("plain"), "plain");
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\n\nlines"), "\"two\n\nlines\"");
    }
}
