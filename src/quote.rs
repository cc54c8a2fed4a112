//! Where a quotation was said, and how faithfully: the quotation read into
//! words and gaps ([`Quotation`]), its rare words to find candidate turns
//! fast ([`Quotation::anchors`]), and a word-level alignment of the
//! quotation with one turn's text ([`align`]) that gives a [`Verdict`] and
//! the words that differ.
//!
//! Words are compared folded: case, quote marks, apostrophes, dashes,
//! spacing and line breaks do not count, nor does punctuation other than
//! `%` and currency signs, so a quotation that runs over a sentence end or
//! a paragraph break is found as one. In the quotation, an ellipsis
//! (`...`, `…`, `[...]`) marks words left out, and words in brackets
//! (`[the ministry]`) stand for words of the transcript: both are gaps the
//! alignment crosses for free. Brackets inside a word (`[T]he`) only mark
//! a changed letter and are dropped.
//!
//! The alignment is a semi-global edit distance over words (the whole
//! quotation against any stretch of the turn), O(quotation × turn words)
//! on the candidate turns only. Pure functions over text: no I/O, no
//! model beyond the text handed in, no printing.

use serde::Serialize;
use std::ops::Range;

/// How faithfully a passage holds the quotation.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The same words, in the same order, with nothing left out (words
    /// that a bracket stands for aside).
    #[serde(rename = "verbatim")]
    Verbatim,
    /// Every word of the quotation, in order, with words of the transcript
    /// left out (at an ellipsis or not).
    #[serde(rename = "trimmed")]
    Trimmed,
    /// Close, but not the same words: at least three words in five of the
    /// quotation (and two), in order.
    #[serde(rename = "paraphrase")]
    Paraphrase,
    /// No passage comes close.
    #[serde(rename = "not found")]
    NotFound,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::Trimmed => "trimmed",
            Verdict::Paraphrase => "paraphrase",
            Verdict::NotFound => "not found",
        }
    }

    /// The quotation holds: the words are the speaker's (exit status 0).
    pub fn holds(self) -> bool {
        matches!(self, Verdict::Verbatim | Verdict::Trimmed)
    }
}

/// A word of a quotation or of a turn: its folded form and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Lower case, apostrophes folded to `'`.
    pub folded: String,
    /// Byte range in the text it was read from.
    pub span: Range<usize>,
}

/// Scripts written without spaces: each character is a word.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}' | '\u{2018}')
}

/// Signs that carry meaning in a quotation of figures.
fn sign(c: char) -> bool {
    matches!(c, '%' | '$' | '€' | '£' | '¥' | '₹' | '‰')
}

/// The words of `text`: runs of letters and digits (an apostrophe between
/// two of them joins them: `world's`), a character of a script written
/// without spaces, or a sign (`%`, `$`); everything else separates.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let close = |out: &mut Vec<Word>, start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            out.push(word(text, s..end));
        }
    };
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() && !unspaced(c) {
            start.get_or_insert(i);
            continue;
        }
        let joins = apostrophe(c)
            && start.is_some()
            && chars
                .peek()
                .is_some_and(|&(_, n)| n.is_alphanumeric() && !unspaced(n));
        if joins {
            continue;
        }
        close(&mut out, &mut start, i);
        if unspaced(c) || sign(c) {
            out.push(word(text, i..i + c.len_utf8()));
        }
    }
    close(&mut out, &mut start, text.len());
    out
}

fn word(text: &str, span: Range<usize>) -> Word {
    let folded = text[span.clone()]
        .chars()
        .map(|c| if apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    Word { folded, span }
}

/// What stands between two words of a quotation.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Gap {
    /// Nothing: the words follow each other.
    #[default]
    None,
    /// An ellipsis: words left out.
    Ellipsis,
    /// Words in brackets that stand for words of the transcript.
    Insertion(String),
}

/// What a user's quotation is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteError {
    Empty,
    NoWords,
}

impl std::fmt::Display for QuoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QuoteError::Empty => "the quotation is empty: give the words to look for",
            QuoteError::NoWords => {
                "the quotation has no words, only punctuation: give the words to look for"
            }
        })
    }
}

/// A quotation read into words and the gaps between them.
#[derive(Clone, Debug)]
pub struct Quotation {
    /// The quotation as given, trimmed, with brackets inside words dropped.
    pub text: String,
    /// Its words, spans in `text`.
    pub words: Vec<Word>,
    /// `gaps[i]` stands before word `i`; one more for after the last.
    pub gaps: Vec<Gap>,
}

/// Words too common to find a passage by.
const COMMON: &[&str] = &[
    "the", "and", "that", "this", "with", "for", "are", "was", "were", "have", "has", "had",
    "will", "would", "should", "could", "from", "they", "their", "there", "which", "what", "about",
    "been", "into", "also", "our", "not", "but", "you", "your", "its", "his", "her", "she", "him",
    "them", "these", "those", "than", "then", "when", "where", "who", "all", "can", "more", "very",
    "some", "such", "other", "because", "think", "know", "just",
];

impl Quotation {
    /// Read a quotation; an empty one or one of punctuation only is an
    /// error.
    pub fn parse(raw: &str) -> Result<Quotation, QuoteError> {
        if raw.trim().is_empty() {
            return Err(QuoteError::Empty);
        }
        let mut text = String::with_capacity(raw.len());
        // (byte offset in `text`, gap) in order.
        let mut marks: Vec<(usize, Gap)> = Vec::new();
        // Where bracketed insertions are in `text`: their words are not
        // the quotation's.
        let mut inserted: Vec<Range<usize>> = Vec::new();
        let chars: Vec<char> = raw.trim().chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(len) = ellipsis_at(&chars, i) {
                marks.push((text.len(), Gap::Ellipsis));
                text.push('…');
                i += len;
                continue;
            }
            if c == '[' {
                if let Some(close) = chars[i..].iter().position(|&x| x == ']').map(|p| i + p) {
                    let inside: String = chars[i + 1..close].iter().collect();
                    let glued = i > 0 && chars[i - 1].is_alphanumeric()
                        || chars.get(close + 1).is_some_and(|n| n.is_alphanumeric());
                    if is_ellipsis(inside.trim()) {
                        marks.push((text.len(), Gap::Ellipsis));
                        text.push('…');
                    } else if glued {
                        text.push_str(&inside);
                    } else {
                        let at = text.len();
                        marks.push((at, Gap::Insertion(inside.trim().to_string())));
                        text.push('[');
                        text.push_str(&inside);
                        text.push(']');
                        inserted.push(at..text.len());
                    }
                    i = close + 1;
                    continue;
                }
            }
            text.push(c);
            i += 1;
        }
        let words: Vec<Word> = words(&text)
            .into_iter()
            .filter(|w| !inserted.iter().any(|r| r.contains(&w.span.start)))
            .collect();
        if words.is_empty() {
            return Err(QuoteError::NoWords);
        }
        let mut gaps = vec![Gap::None; words.len() + 1];
        for (at, gap) in marks {
            let before = words.iter().take_while(|w| w.span.start < at).count();
            // An ellipsis wins over an insertion at the same place.
            if gaps[before] != Gap::Ellipsis {
                gaps[before] = gap;
            }
        }
        Ok(Quotation { text, words, gaps })
    }

    /// Up to three rare words to find candidate passages by: the longest
    /// words of letters and digits that are not common words (any word
    /// when all are common), each once, longest first.
    pub fn anchors(&self) -> Vec<String> {
        let plain = |w: &&Word| w.folded.chars().all(char::is_alphanumeric);
        let mut pool: Vec<&Word> = self
            .words
            .iter()
            .filter(plain)
            .filter(|w| w.folded.chars().count() >= 3 && !COMMON.contains(&w.folded.as_str()))
            .collect();
        if pool.is_empty() {
            pool = self.words.iter().filter(plain).collect();
        }
        // Longest first; the earlier word first among equals (stable).
        pool.sort_by_key(|w| std::cmp::Reverse(w.folded.chars().count()));
        let mut out: Vec<String> = Vec::new();
        for w in pool {
            if !out.contains(&w.folded) {
                out.push(w.folded.clone());
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }

    /// How many anchors a turn must hold to be aligned: two of three, so
    /// that a quotation with one rare word changed is still found.
    pub fn anchors_needed(anchors: usize) -> usize {
        if anchors >= 3 { 2 } else { anchors.min(1) }
    }
}

/// The inside of `[...]`, `[…]`, `[. . .]`.
fn is_ellipsis(s: &str) -> bool {
    s == "…"
        || (s.chars().filter(|&c| c == '.').count() >= 2 && s.chars().all(|c| c == '.' || c == ' '))
}

/// An ellipsis starting at `chars[i]` (`…`, `...`, `. . .`): its length.
fn ellipsis_at(chars: &[char], i: usize) -> Option<usize> {
    if chars[i] == '…' {
        return Some(1);
    }
    if chars[i] != '.' {
        return None;
    }
    let (mut dots, mut j, mut end) = (0, i, i);
    while j < chars.len()
        && (chars[j] == '.' || (chars[j] == ' ' && chars.get(j + 1) == Some(&'.')))
    {
        if chars[j] == '.' {
            dots += 1;
            end = j + 1;
        }
        j += 1;
    }
    (dots >= 3).then_some(end - i)
}

/// One step of an alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// The quotation's word `q` is the transcript's word `t`.
    Same { q: usize, t: usize },
    /// The quotation has word `q` where the transcript has word `t`.
    Changed { q: usize, t: usize },
    /// The quotation's word `q` is not in the transcript.
    Added { q: usize },
    /// The transcript's word `t` is not in the quotation; the gap of the
    /// quotation where it was left out (`Gap::None`: unmarked), by index
    /// into `gaps`.
    Left { t: usize, at: usize },
}

/// The kind of a difference between the quotation and the transcript.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Other words in the transcript.
    Changed,
    /// Words of the quotation that the transcript does not have.
    Added,
    /// Words of the transcript left out without an ellipsis.
    Omitted,
    /// Words of the transcript left out at an ellipsis.
    Elided,
    /// Words of the transcript that a bracket in the quotation stands for.
    Replaced,
}

/// A difference: the quotation's words and the transcript's there.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// What the quotation has (empty for omitted and elided words; the
    /// bracket's words for replaced ones).
    pub quote: String,
    /// What the transcript has (empty for added words).
    pub transcript: String,
    /// Byte range of `transcript` in the turn's text (none for added).
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

/// The best passage of one turn for a quotation.
#[derive(Clone, Debug)]
pub struct Passage {
    pub verdict: Verdict,
    /// Byte range of the passage in the turn's text.
    pub span: Range<usize>,
    /// Dice similarity of the quotation's words and the passage's, 0 to 1.
    pub similarity: f64,
    pub changes: Vec<Change>,
}

const SAME: i32 = 6;
const CHANGED: i32 = -3;
const ADDED: i32 = -4;
const UNMARKED: i32 = -1;
/// Words a bracket may stand for before they count as left out.
const BRACKET_WORDS: usize = 10;
/// Cells of the alignment matrix above which only a window around the
/// rare words is aligned.
const MAX_CELLS: usize = 4_000_000;

/// Align `quote` with a turn's `text` (whose words are `tw`): the best
/// stretch of the turn, and how faithful it is; `None` when not even a
/// paraphrase. `around` are word positions of rare words in the turn,
/// used to cut a window from a very long turn.
pub fn align(quote: &Quotation, text: &str, tw: &[Word], around: &[usize]) -> Option<Passage> {
    let (from, to) = window(quote.words.len(), tw.len(), around);
    let steps = best_steps(quote, &tw[from..to])?;
    let steps: Vec<Step> = steps
        .into_iter()
        .map(|s| match s {
            Step::Same { q, t } => Step::Same { q, t: t + from },
            Step::Changed { q, t } => Step::Changed { q, t: t + from },
            Step::Left { t, at } => Step::Left { t: t + from, at },
            s => s,
        })
        .collect();
    let steps = bracket_edges(quote, text, tw, steps);
    judge(quote, text, tw, &steps)
}

/// A bracket that opens or closes the quotation stands for words before
/// or after the passage: take as many as the bracket has (at least one),
/// within the sentence and the paragraph.
fn bracket_edges(quote: &Quotation, text: &str, tw: &[Word], mut steps: Vec<Step>) -> Vec<Step> {
    let t_of = |s: &Step| match *s {
        Step::Same { t, .. } | Step::Changed { t, .. } | Step::Left { t, .. } => Some(t),
        Step::Added { .. } => None,
    };
    // Nothing but spaces and commas between two words of a sentence.
    let joined = |a: usize, b: usize| {
        !text[tw[a].span.end..tw[b].span.start].contains([
            '.', '!', '?', '\n', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{ff0e}', '\u{61f}',
            '\u{964}',
        ])
    };
    let m = quote.words.len();
    if let (Gap::Insertion(s), Some(first)) = (&quote.gaps[0], steps.iter().find_map(t_of)) {
        let want = words(s).len().max(1);
        let mut t = first;
        let mut before = Vec::new();
        while before.len() < want && t > 0 && joined(t - 1, t) {
            t -= 1;
            before.push(Step::Left { t, at: 0 });
        }
        before.reverse();
        steps.splice(0..0, before);
    }
    if let (Gap::Insertion(s), Some(last)) = (&quote.gaps[m], steps.iter().rev().find_map(t_of)) {
        let want = words(s).len().max(1);
        let mut t = last;
        let mut after = 0;
        while after < want && t + 1 < tw.len() && joined(t, t + 1) {
            t += 1;
            after += 1;
            steps.push(Step::Left { t, at: m });
        }
    }
    steps
}

/// The words of the turn to align: all of them, or in a very long turn a
/// window around the rare words found.
fn window(m: usize, n: usize, around: &[usize]) -> (usize, usize) {
    if (m + 1) * (n + 1) <= MAX_CELLS || around.is_empty() {
        return (0, n);
    }
    let lo = around.iter().min().copied().unwrap_or(0);
    let hi = around.iter().max().copied().unwrap_or(n);
    let margin = 2 * m + 20;
    let (from, to) = (lo.saturating_sub(margin), (hi + margin + 1).min(n));
    // Still too long (rare words far apart): the stretch after the first.
    let most = MAX_CELLS / (m + 1);
    (from, to.min(from + most.max(1)))
}

/// Direction of each cell of the alignment, for the way back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Back {
    Start,
    Diagonal,
    Up,
    Left,
}

/// Semi-global alignment: the whole quotation against any stretch of
/// `tw`. Returns the steps of the best one, or `None` if nothing aligns.
fn best_steps(quote: &Quotation, tw: &[Word]) -> Option<Vec<Step>> {
    let (m, n) = (quote.words.len(), tw.len());
    if n == 0 {
        return None;
    }
    let w = n + 1;
    let mut back = vec![Back::Start; (m + 1) * w];
    let mut prev = vec![0i32; w];
    let mut row = vec![0i32; w];
    for i in 1..=m {
        let qi = &quote.words[i - 1].folded;
        // Leaving transcript words out after word i-1, before word i.
        let skip = if quote.gaps[i] == Gap::None {
            UNMARKED
        } else {
            0
        };
        row[0] = prev[0] + ADDED;
        back[i * w] = Back::Up;
        for j in 1..=n {
            let same = qi == &tw[j - 1].folded;
            let diag = prev[j - 1] + if same { SAME } else { CHANGED };
            let up = prev[j] + ADDED;
            let left = row[j - 1] + skip;
            // Ties: the diagonal, then leaving out, then adding.
            let (score, dir) = if diag >= left && diag >= up {
                (diag, Back::Diagonal)
            } else if left >= up {
                (left, Back::Left)
            } else {
                (up, Back::Up)
            };
            row[j] = score;
            back[i * w + j] = dir;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    // `prev` is the last row; the first best end wins.
    let (end, &score) = prev
        .iter()
        .enumerate()
        .skip(1)
        .max_by_key(|&(j, s)| (*s, std::cmp::Reverse(j)))?;
    if score <= 0 {
        return None;
    }
    Some(trace(&back, w, m, end, quote, tw))
}

fn trace(
    back: &[Back],
    w: usize,
    m: usize,
    end: usize,
    quote: &Quotation,
    tw: &[Word],
) -> Vec<Step> {
    let (mut i, mut j) = (m, end);
    let mut steps = Vec::new();
    while i > 0 {
        match back[i * w + j] {
            Back::Diagonal => {
                let (q, t) = (i - 1, j - 1);
                steps.push(if quote.words[q].folded == tw[t].folded {
                    Step::Same { q, t }
                } else {
                    Step::Changed { q, t }
                });
                i -= 1;
                j -= 1;
            }
            Back::Up | Back::Start => {
                steps.push(Step::Added { q: i - 1 });
                i -= 1;
            }
            Back::Left => {
                steps.push(Step::Left { t: j - 1, at: i });
                j -= 1;
            }
        }
    }
    // Words are left out only after a word of the quotation (row 0 is a
    // free start), so the passage starts at a word of the quotation.
    steps.reverse();
    steps
}

/// The verdict and differences of an alignment.
fn judge(quote: &Quotation, text: &str, tw: &[Word], steps: &[Step]) -> Option<Passage> {
    let m = quote.words.len();
    let same = steps
        .iter()
        .filter(|s| matches!(s, Step::Same { .. }))
        .count();
    let t_of = |s: &Step| match *s {
        Step::Same { t, .. } | Step::Changed { t, .. } | Step::Left { t, .. } => Some(t),
        Step::Added { .. } => None,
    };
    let first = steps.iter().find_map(t_of)?;
    let last = steps.iter().rev().find_map(t_of)?;
    let changes = changes(quote, text, tw, steps);
    let left_out = changes.iter().any(|c| {
        matches!(c.kind, ChangeKind::Omitted | ChangeKind::Elided)
            || (c.kind == ChangeKind::Replaced && c.transcript_words() > BRACKET_WORDS)
    });
    let verdict = if same == m {
        if left_out {
            Verdict::Trimmed
        } else {
            Verdict::Verbatim
        }
    } else if same * 5 >= m * 3 && same >= 2 {
        Verdict::Paraphrase
    } else {
        return None;
    };
    let passage_words = last + 1 - first;
    let replaced: usize = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Replaced)
        .map(Change::transcript_words)
        .sum();
    let similarity = if verdict == Verdict::Verbatim {
        1.0
    } else {
        2.0 * same as f64 / (m + passage_words - replaced) as f64
    };
    Some(Passage {
        verdict,
        span: tw[first].span.start..tw[last].span.end,
        similarity,
        changes,
    })
}

impl Change {
    fn transcript_words(&self) -> usize {
        words(&self.transcript).len()
    }
}

/// Runs of steps other than `Same`, each one difference.
fn changes(quote: &Quotation, text: &str, tw: &[Word], steps: &[Step]) -> Vec<Change> {
    let mut out = Vec::new();
    let mut run: Vec<Step> = Vec::new();
    for s in steps
        .iter()
        .chain(std::iter::once(&Step::Same { q: 0, t: 0 }))
    {
        if matches!(s, Step::Same { .. }) {
            if !run.is_empty() {
                out.push(change(quote, text, tw, &run));
                run.clear();
            }
        } else {
            run.push(*s);
        }
    }
    out
}

fn change(quote: &Quotation, text: &str, tw: &[Word], run: &[Step]) -> Change {
    let qs: Vec<usize> = run
        .iter()
        .filter_map(|s| match *s {
            Step::Changed { q, .. } | Step::Added { q } => Some(q),
            _ => None,
        })
        .collect();
    let ts: Vec<usize> = run
        .iter()
        .filter_map(|s| match *s {
            Step::Changed { t, .. } | Step::Left { t, .. } => Some(t),
            _ => None,
        })
        .collect();
    let gap = run.iter().find_map(|s| match *s {
        Step::Left { at, .. } => Some(&quote.gaps[at]),
        _ => None,
    });
    let only_left = qs.is_empty();
    let kind = match gap {
        Some(Gap::Ellipsis) if only_left => ChangeKind::Elided,
        Some(Gap::Insertion(_)) if only_left => ChangeKind::Replaced,
        _ if only_left => ChangeKind::Omitted,
        _ if ts.is_empty() => ChangeKind::Added,
        _ => ChangeKind::Changed,
    };
    let span = match (ts.first(), ts.last()) {
        (Some(&a), Some(&b)) => Some(tw[a].span.start..tw[b].span.end),
        _ => None,
    };
    let quote_text = match (kind, gap) {
        (ChangeKind::Replaced, Some(Gap::Insertion(s))) => format!("[{s}]"),
        _ => match (qs.first(), qs.last()) {
            (Some(&a), Some(&b)) => {
                quote.text[quote.words[a].span.start..quote.words[b].span.end].to_string()
            }
            _ => String::new(),
        },
    };
    Change {
        kind,
        quote: quote_text,
        transcript: span
            .clone()
            .map(|r| text[r].to_string())
            .unwrap_or_default(),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    fn check(quote: &str, text: &str) -> Option<Passage> {
        let q = Quotation::parse(quote).unwrap();
        align(&q, text, &words(text), &[])
    }

    #[test]
    fn words_fold_case_apostrophes_and_punctuation() {
        assert_eq!(
            folded("China\u{2019}s output—nearly 30%, \"up\" 5.1 (world's)"),
            [
                "china's", "output", "nearly", "30", "%", "up", "5", "1", "world's"
            ]
        );
        assert_eq!(folded("中国制造"), ["中", "国", "制", "造"]);
        assert_eq!(folded("'quoted' rock'n'roll"), ["quoted", "rock'n'roll"]);
    }

    #[test]
    fn quotations_read_ellipses_and_brackets() {
        let q = Quotation::parse(
            "\u{201c}We have . . . grown [the ministry] said [T]he end...\u{201d}",
        )
        .unwrap();
        let w: Vec<&str> = q.words.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(w, ["we", "have", "grown", "said", "the", "end"]);
        assert_eq!(q.gaps[2], Gap::Ellipsis);
        assert_eq!(q.gaps[3], Gap::Insertion("the ministry".into()));
        assert_eq!(q.gaps[6], Gap::Ellipsis);
        assert_eq!(Quotation::parse("  ").unwrap_err(), QuoteError::Empty);
        assert_eq!(
            Quotation::parse("\u{201c}...!?\u{201d}").unwrap_err(),
            QuoteError::NoWords
        );
        assert_eq!(Quotation::parse("[…]").unwrap_err(), QuoteError::NoWords);
    }

    #[test]
    fn anchors_are_long_uncommon_words() {
        let q = Quotation::parse("China has contributed nearly 30% of global manufacturing output")
            .unwrap();
        assert_eq!(q.anchors(), ["manufacturing", "contributed", "nearly"]);
        assert_eq!(Quotation::parse("it is").unwrap().anchors(), ["it", "is"]);
        assert_eq!(Quotation::anchors_needed(3), 2);
        assert_eq!(Quotation::anchors_needed(1), 1);
    }

    const TEXT: &str = "Thanks. China has contributed nearly 30% of global \
        manufacturing output. We will work hard.\n\nThe ministry will act.";

    #[test]
    fn the_same_words_are_verbatim_whatever_their_typography() {
        let p = check(
            "\u{201c}CHINA has contributed nearly 30 % of global manufacturing output\u{201d}",
            TEXT,
        )
        .unwrap();
        assert_eq!(p.verdict, Verdict::Verbatim);
        assert_eq!(
            &TEXT[p.span.clone()],
            "China has contributed nearly 30% of global manufacturing output"
        );
        assert!(p.changes.is_empty());
        // Across a sentence end and a paragraph break.
        let p = check("We will work hard. The ministry will act", TEXT).unwrap();
        assert_eq!(p.verdict, Verdict::Verbatim);
    }

    #[test]
    fn left_out_words_are_trimmed_marked_or_not() {
        let p = check(
            "China has contributed ... global manufacturing output",
            TEXT,
        )
        .unwrap();
        assert_eq!(p.verdict, Verdict::Trimmed);
        assert_eq!(p.changes.len(), 1);
        assert_eq!(p.changes[0].kind, ChangeKind::Elided);
        assert_eq!(p.changes[0].transcript, "nearly 30% of");
        let p = check(
            "China has contributed 30% of global manufacturing output",
            TEXT,
        )
        .unwrap();
        assert_eq!(p.verdict, Verdict::Trimmed);
        assert_eq!(p.changes[0].kind, ChangeKind::Omitted);
        assert_eq!(p.changes[0].transcript, "nearly");
    }

    #[test]
    fn other_words_are_a_paraphrase_showing_them() {
        let p = check(
            "China has contributed nearly 40% of global manufacturing output",
            TEXT,
        )
        .unwrap();
        assert_eq!(p.verdict, Verdict::Paraphrase);
        assert_eq!(p.changes.len(), 1);
        let c = &p.changes[0];
        assert_eq!(
            (c.kind, c.quote.as_str(), c.transcript.as_str()),
            (ChangeKind::Changed, "40", "30")
        );
        let p = check(
            "China has really contributed nearly 30% of global manufacturing output",
            TEXT,
        )
        .unwrap();
        assert_eq!(p.verdict, Verdict::Paraphrase);
        assert_eq!(p.changes[0].kind, ChangeKind::Added);
        assert_eq!(p.changes[0].quote, "really");
        assert!(check("Nothing of the kind was ever said here", TEXT).is_none());
    }

    #[test]
    fn a_bracket_stands_for_words() {
        // At the start or the end: as many words as the bracket holds,
        // within the sentence.
        let p = check("[The government] will act", TEXT).unwrap();
        assert_eq!(p.verdict, Verdict::Verbatim, "{p:?}");
        assert_eq!(&TEXT[p.span.clone()], "The ministry will act");
        assert_eq!(p.changes[0].transcript, "The ministry");
        let p = check("[It] has contributed nearly 30%", TEXT).unwrap();
        assert_eq!(
            p.changes[0].transcript, "China",
            "not across the sentence end"
        );
        let p = check("We will work [very] hard", TEXT).unwrap();
        assert_eq!(
            p.verdict,
            Verdict::Verbatim,
            "a bracket that stands for nothing"
        );
        let p = check("The ministry will [do something]", TEXT).unwrap();
        assert_eq!(p.changes[0].transcript, "act");
        let p = check("We will work hard. [It] will act", TEXT).unwrap();
        assert_eq!(p.verdict, Verdict::Verbatim, "{p:?}");
        assert_eq!(p.changes[0].kind, ChangeKind::Replaced);
        assert_eq!(p.changes[0].quote, "[It]");
        assert_eq!(p.changes[0].transcript, "The ministry");
    }
}
