//! Where each line of a derived text came from: the map from the lines of
//! a stripped HTML page back to the page's own lines.
//!
//! [`crate::html`] builds it, the parser keeps it in
//! [`Parsed`](crate::Parsed), `search` reads it; it knows nothing of
//! either, so neither needs the other.

/// For each line of a stripped text, the lines of the original file it
/// came from. Line numbers are 1-based on both sides; 0 ("the whole input")
/// maps to 0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineMap {
    /// Per stripped line: the first and last original line of its text.
    pub(crate) spans: Vec<(usize, usize)>,
    /// Where the text of a stripped line moves on to the next original
    /// line: `(stripped line, char column, original line)`, sorted.
    pub(crate) breaks: Vec<(usize, usize, usize)>,
}

impl LineMap {
    /// How many stripped lines the map covers.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Does the map hold no line at all?
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn span(&self, line: usize) -> Option<(usize, usize)> {
        match line {
            0 => Some((0, 0)),
            n => self.spans.get(n - 1).or(self.spans.last()).copied(),
        }
    }

    /// The original line where stripped line `line` starts.
    pub fn first(&self, line: usize) -> usize {
        self.span(line).map_or(line, |s| s.0)
    }

    /// The original line where stripped line `line` ends.
    pub fn last(&self, line: usize) -> usize {
        self.span(line).map_or(line, |s| s.1)
    }

    /// The original line of the character at `col` (in chars) of stripped
    /// line `line`: a paragraph written over several lines of the page
    /// cites the line each part of it is on.
    pub fn at(&self, line: usize, col: usize) -> usize {
        let mut found = self.first(line);
        let from = self.breaks.partition_point(|b| b.0 < line);
        for b in &self.breaks[from..] {
            if b.0 != line || b.1 > col {
                break;
            }
            found = b.2;
        }
        found
    }

    /// The stripped lines holding text of the original lines `from..=to`
    /// (empty when there are none).
    pub fn stripped_lines(&self, from: usize, to: usize) -> std::ops::RangeInclusive<usize> {
        let start = self.spans.partition_point(|s| s.1 < from) + 1;
        let end = self.spans.partition_point(|s| s.0 <= to);
        start..=end
    }
}
