//! Split text into numbered, normalised lines.
//!
//! Every line ending (LF, CRLF, lone CR) counts, so line numbers match what
//! an editor shows for the original input. Normalisation makes Unicode
//! spaces plain, drops a BOM and trailing space, and marks page-break
//! markup; it never joins or drops lines. A line is a slice of the input,
//! or of one buffer that holds every line normalisation had to rewrite:
//! no line allocates.

use std::borrow::Cow;
use std::ops::Range;

/// One source line, normalised for classification.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number in the original input.
    pub no: usize,
    /// Text with Unicode spaces made ASCII, trimmed on both sides.
    pub text: &'a str,
    /// Leading white space (after normalisation) in characters (`u32`
    /// keeps a line at 32 bytes: a large file has millions).
    pub indent: u32,
    /// Not text: editor markup such as `_ueditor_page_break_tag_`, a
    /// Markdown rule (`---`), or a subtitle cue's number or timing.
    pub markup: bool,
    /// A subtitle cue's number or timing line, or the `WEBVTT` header
    /// (WebVTT, SRT): also `markup`.
    pub cue: bool,
    /// A line number or question number printed in the margin (PDF
    /// extractions of court and hearing transcripts) was set aside: `text`
    /// starts after it.
    pub gutter: bool,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// True for characters that act as a space in running text: the
/// non-breaking space, the en/em/thin spaces, the ideographic space and
/// zero-width characters (which count as nothing). [`next_special`] finds
/// them by their bytes; the test holds it to this list.
#[cfg(test)]
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{00a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Where [`normalise`] next changes a character of `raw`, from byte
/// `from` on: a Unicode space, a zero-width character, a tab or another
/// control. Read on UTF-8 bytes, without decoding characters: C0 controls
/// and DEL are single bytes, the others start with `C2`, `E1`, `E2`, `E3`
/// or `EF` (a continuation byte never equals a lead byte), so the place
/// found is always a character's first byte.
fn next_special(raw: &[u8], from: usize) -> Option<usize> {
    let at = |i: usize| raw.get(i).copied().unwrap_or(0);
    let special = |i: &usize| match raw[*i] {
        0..0x20 | 0x7f => true,
        // C1 controls U+0080..U+009F, no-break space U+00A0.
        0xc2 => (0x80..=0xa0).contains(&at(i + 1)),
        // U+1680 ogham space mark.
        0xe1 => at(i + 1) == 0x9a && at(i + 2) == 0x80,
        // U+2000..U+200D spaces and zero-widths, U+202F, U+205F, U+2060.
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x80..=0x8d | 0xaf) | (0x81, 0x9f | 0xa0)
        ),
        // U+3000 ideographic space.
        0xe3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
        // U+FEFF zero-width no-break space.
        0xef => at(i + 1) == 0xbb && at(i + 2) == 0xbf,
        _ => false,
    };
    // Eight bytes at a time: only a word holding a byte below 0x20, DEL or
    // a byte of a non-ASCII character is looked at byte by byte.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let tail = raw.get(from..)?;
    let mut words = tail.chunks_exact(8);
    let mut i = from;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let below_space = w.wrapping_sub(ONES * 0x20) & !w;
        let del_or_high = w | w.wrapping_add(ONES);
        if (below_space | del_or_high) & HIGH != 0 {
            if let Some(found) = (i..i + 8).find(special) {
                return Some(found);
            }
        }
        i += 8;
    }
    (i..raw.len()).find(special)
}

/// A raw line after [`normalise_into`]: trimmed in place, or rewritten
/// into the buffer, at this range of it.
enum Normalised<'a> {
    Raw(&'a str),
    Rewritten(Range<usize>),
}

/// Normalise one raw line (without its line ending). The characters
/// [`next_special`] finds become one space each (zero-width ones
/// nothing); the runs between them are copied whole, onto the end of
/// `rewritten`, and only when the line has such a character.
fn normalise_into<'a>(raw: &'a str, rewritten: &mut String) -> (Normalised<'a>, usize) {
    let bytes = raw.as_bytes();
    let Some(first) = next_special(bytes, 0) else {
        let indent = raw.len() - raw.trim_start().len();
        return (Normalised::Raw(raw.trim()), indent);
    };
    let start = rewritten.len();
    let mut copied = 0;
    let mut next = Some(first);
    while let Some(at) = next {
        rewritten.push_str(&raw[copied..at]);
        let c = raw[at..].chars().next().unwrap_or(' ');
        // Unicode spaces, tabs and stray control characters are not text;
        // a space keeps words apart.
        if !is_zero_width(c) {
            rewritten.push(' ');
        }
        copied = at + c.len_utf8();
        next = next_special(bytes, copied);
    }
    rewritten.push_str(&raw[copied..]);
    let line = &rewritten[start..];
    let indent = line.len() - line.trim_start().len();
    // Keep the trimmed text only.
    let trimmed_end = start + line.trim_end().len();
    rewritten.truncate(trimmed_end);
    let from = (start + indent).min(trimmed_end);
    (Normalised::Rewritten(from..trimmed_end), indent)
}

/// One raw line normalised as [`split`] makes it, on its own.
pub fn normalised(raw: &str) -> Cow<'_, str> {
    normalise(raw).0
}

/// [`normalise_into`] for one line on its own: its text and indent.
fn normalise(raw: &str) -> (Cow<'_, str>, usize) {
    let mut rewritten = String::new();
    let (text, indent) = normalise_into(raw, &mut rewritten);
    let text = match text {
        Normalised::Raw(text) => Cow::Borrowed(text),
        Normalised::Rewritten(range) => Cow::Owned(rewritten[range].to_string()),
    };
    (text, indent)
}

/// Page-break and similar editor markup that some sites leave in the text.
fn is_markup(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let lower_has = |needle: &str| {
        t.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    // Cheap tests first: at most two words, then the lower-cased copy.
    (t.starts_with('_') && t.ends_with('_') && t.len() > 4 && !t.contains(' '))
        || super::text::at_most_words(t, 2)
            && !t.contains(". ")
            && (lower_has("page_break") || lower_has("pagebreak"))
        || t == "<!-- pagebreak -->"
        || t.eq_ignore_ascii_case("[page break]")
        || is_rule(t)
}

/// A Markdown thematic break: `---`, `***`, `___`, `* * *`.
fn is_rule(t: &str) -> bool {
    let mut chars = t.chars().filter(|c| *c != ' ');
    let Some(c) = chars.next() else {
        return false;
    };
    matches!(c, '-' | '*' | '_')
        && t.chars().filter(|x| *x == c).count() >= 3
        && chars.all(|x| x == c)
}

/// A Markdown heading: `## Q&A`, `# Opening statement`.
pub fn is_heading(text: &str) -> bool {
    let hashes = text.len() - text.trim_start_matches('#').len();
    (1..=6).contains(&hashes)
        && text[hashes..].starts_with(' ')
        && !text[hashes..].trim().is_empty()
}

/// A subtitle timing line: `00:00:02.350 --> 00:00:07.910` (WebVTT, with
/// optional cue settings after it) or `00:00:02,350 --> 00:00:07,910` (SRT).
pub fn is_cue_timing(text: &str) -> bool {
    let Some((from, to)) = text.split_once("-->") else {
        return false;
    };
    let to = to.split_whitespace().next().unwrap_or("");
    cue_time(from.trim()) && cue_time(to)
}

/// `00:00:02.350`, `00:02.350`, `00:00:02,350`.
fn cue_time(s: &str) -> bool {
    let Some((clock, millis)) = s.split_once(['.', ',']) else {
        return false;
    };
    let parts: Vec<&str> = clock.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && millis.len() == 3
        && millis.bytes().all(|b| b.is_ascii_digit())
}

/// Mark the cue lines of a subtitle file: timing lines, the cue number or
/// identifier just above each, and the `WEBVTT` header line.
fn mark_cues(lines: &mut [Line<'_>]) {
    let mut any = false;
    for i in 0..lines.len() {
        if !is_cue_timing(lines[i].text) {
            continue;
        }
        any = true;
        lines[i].cue = true;
        if i > 0 {
            let id = &lines[i - 1];
            let block_start = i == 1 || lines[i - 2].is_blank() || lines[i - 2].cue;
            if !id.is_blank() && block_start && !id.text.contains(' ') {
                lines[i - 1].cue = true;
            }
        }
    }
    if any {
        if let Some(first) = lines.iter_mut().find(|l| !l.is_blank()) {
            if first.text.starts_with("WEBVTT") {
                first.cue = true;
            }
        }
        for l in lines.iter_mut().filter(|l| l.cue) {
            l.markup = true;
        }
    }
}

/// Split text into lines, honouring LF, CRLF and lone CR. The lines that
/// normalisation rewrites are kept in `rewritten` (one buffer for all:
/// a third of a large file's lines may hold a no-break space), the others
/// are slices of `text`.
pub fn split<'a>(text: &'a str, rewritten: &'a mut String) -> Vec<Line<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    // As many lines as line ends, counted first (fast), so that the vector
    // is allocated once at its size: a guess from the length over- or
    // under-shoots by half on large files.
    let ends = memchr::memchr_iter(b'\n', bytes)
        .count()
        .max(memchr::memchr_iter(b'\r', bytes).count());
    let mut lines = Vec::with_capacity(ends + 1);
    // Rewritten lines get their text once the buffer is complete.
    let mut pending: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, raw) in raw_line_ends(text).enumerate() {
        let (norm, indent) = normalise_into(raw, rewritten);
        let (text, markup) = match norm {
            Normalised::Raw(t) => (t, is_markup(t)),
            Normalised::Rewritten(range) => {
                let markup = is_markup(&rewritten[range.clone()]);
                pending.push((i, range));
                ("", markup)
            }
        };
        lines.push(Line {
            no: i + 1,
            text,
            indent: u32::try_from(indent).unwrap_or(u32::MAX),
            markup,
            cue: false,
            gutter: false,
        });
    }
    rewritten.shrink_to_fit();
    let rewritten: &'a String = rewritten;
    for (i, range) in pending {
        lines[i].text = &rewritten[range];
    }
    if text.contains("-->") {
        mark_cues(&mut lines);
    }
    strip_gutters(&mut lines);
    lines
}

/// Where the line starting at byte `start` of `bytes` ends, and where the
/// next one starts (after LF, CRLF or a lone CR); `None` when no line end
/// follows. Line ends are found with memchr, many bytes at a time.
fn line_end(bytes: &[u8], start: usize) -> Option<(usize, usize)> {
    let end = start + memchr::memchr2(b'\n', b'\r', &bytes[start..])?;
    let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
    Some((end, end + 1 + usize::from(crlf)))
}

/// The raw lines of `text`, without their line ends (LF, CRLF or a lone
/// CR); no line after a final line end.
fn raw_line_ends(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let (end, next) = line_end(text.as_bytes(), start).unwrap_or((text.len(), text.len()));
        let raw = &text[start..end];
        start = next;
        Some(raw)
    })
}

/// The first `n` lines of `text` with their line ends: what [`split`]
/// reads to make its first `n` lines (the BOM stays; `split` drops it).
pub fn first_lines(text: &str, n: usize) -> &str {
    let mut end = 0;
    for _ in 0..n {
        match line_end(text.as_bytes(), end) {
            Some((_, next)) => end = next,
            None => return text,
        }
    }
    &text[..end]
}

/// [`split`] with a buffer that lives as long as the test: for tests that
/// want lines from a literal.
#[cfg(test)]
pub fn split_for_test(text: &str) -> Vec<Line<'_>> {
    split(text, Box::leak(Box::default()))
}

/// Could [`split`]'s subtitle pass change a line of `text`? Only where a
/// `-->` timing arrow stands.
pub fn may_hold_cues(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"-->").is_some()
}

/// Lines that may carry a margin number, counted on raw lines to tell
/// whether [`split`]'s gutter pass could change any line (it needs at
/// least ten numbered lines, or two `Q`-numbered ones). Erring towards
/// more: a line counts when its first character after spaces is a
/// digit, or a `Q` and a digit.
#[derive(Default)]
pub struct NumberedLines {
    digits: usize,
    q_digits: usize,
}

impl NumberedLines {
    pub fn count(&mut self, raw: &str) {
        let t = skip_spaces(raw.as_bytes());
        match t.first() {
            Some(b'0'..=b'9') => self.digits += 1,
            Some(b'Q') if skip_spaces(&t[1..]).first().is_some_and(u8::is_ascii_digit) => {
                self.q_digits += 1
            }
            _ => {}
        }
    }

    pub fn may_be_a_gutter(&self) -> bool {
        self.digits >= 10 || self.q_digits >= 2
    }
}

/// The lines of `text` as written, split at every LF and CR (a CRLF
/// gives an empty line between: for rules on line content only).
pub fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr2_iter(b'\n', b'\r', text.as_bytes())
        .map(Some)
        .chain([None])
        .map(move |end| {
            let end = end.unwrap_or(text.len());
            let line = &text[start..end];
            start = end + 1;
            line
        })
}

/// `line` after the characters [`normalise`] makes spaces or drops:
/// ASCII white space and controls, and the Unicode spaces and zero-width
/// characters (read on their UTF-8 bytes).
fn skip_spaces(line: &[u8]) -> &[u8] {
    let mut t = line;
    loop {
        let skip = match t {
            [0..=0x20 | 0x7f, ..] => 1,
            [0xc2, 0x80..=0xa0, ..] => 2,
            [0xe1, 0x9a, 0x80, ..] | [0xe3, 0x80, 0x80, ..] | [0xef, 0xbb, 0xbf, ..] => 3,
            [0xe2, 0x80, 0x80..=0x8d | 0xa8 | 0xa9 | 0xaf, ..] | [0xe2, 0x81, 0x9f | 0xa0, ..] => 3,
            _ => return t,
        };
        t = &t[skip..];
    }
}

/// The margin number at the start of a line and the text after it:
/// `14          MS. RIVERA: Thank you` -> (14, `MS. RIVERA: ...`), `Q12
/// Chair: ...` -> (12, `Chair: ...`). At least two spaces must follow, as
/// a gutter is set off from the text; a number alone is a gutter line with
/// nothing else on it.
fn margin_number(text: &str, q: bool) -> Option<(u32, &str)> {
    let digits = if q { text.strip_prefix('Q')? } else { text };
    let end = digits
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 || end > 4 {
        return None;
    }
    let n: u32 = digits[..end].parse().ok()?;
    let rest = &digits[end..];
    if rest.is_empty() {
        return (!q).then_some((n, ""));
    }
    rest.starts_with("  ").then(|| (n, rest.trim_start()))
}

/// Set aside margin numbers printed by PDF extraction: line numbers
/// (`1` to `25` on every page of a court transcript) when most lines carry
/// one and they count up, and question numbers (`Q12`) when several count
/// up. Running heads and feet repeated on every page of such a document,
/// and page numbers alone on a line, become markup. Nothing is dropped:
/// the line keeps its place; only its text starts after the number.
fn strip_gutters(lines: &mut [Line<'_>]) {
    for q in [false, true] {
        // (line index, number, byte offset of the text after it).
        let numbered: Vec<(usize, u32, usize)> = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                margin_number(l.text, q).map(|(n, rest)| (i, n, l.text.len() - rest.len()))
            })
            .collect();
        let content = lines.iter().filter(|l| !l.is_blank()).count();
        let counting_up = numbered.windows(2).filter(|w| w[1].1 > w[0].1).count();
        let gutter = if q {
            numbered.len() >= 2 && counting_up + 1 == numbered.len()
        } else {
            numbered.len() >= 10
                && numbered.len() * 2 >= content
                && counting_up * 10 >= numbered.len() * 7
        };
        if !gutter {
            continue;
        }
        for (i, _, at) in numbered {
            let line = &mut lines[i];
            let number_len = line.text.find(' ').unwrap_or(line.text.len());
            // The text's own indent is what stands between number and text.
            let indent = at.saturating_sub(number_len);
            line.text = &line.text[at..];
            line.indent = u32::try_from(indent).unwrap_or(u32::MAX);
            line.gutter = true;
            line.markup = line.text.is_empty() || line.markup;
        }
        if !q {
            mark_page_furniture(lines);
        }
    }
}

/// In a document with a line-number gutter: page numbers alone on a line
/// and lines repeated three times or more (a reporter's name and phone on
/// every page) are page furniture.
fn mark_page_furniture(lines: &mut [Line<'_>]) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines.iter().filter(|l| !l.gutter && !l.is_blank()) {
        *seen.entry(l.text).or_default() += 1;
    }
    let furniture: std::collections::HashSet<String> = seen
        .into_iter()
        .filter(|(t, n)| *n >= 3 && t.split_whitespace().count() <= 10)
        .map(|(t, _)| t.to_string())
        .collect();
    for l in lines.iter_mut().filter(|l| !l.gutter && !l.is_blank()) {
        let page_number = l.text.len() <= 4 && l.text.bytes().all(|b| b.is_ascii_digit());
        if page_number || furniture.contains(l.text) {
            l.markup = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_takes_thirty_two_bytes() {
        // A large file has millions of lines: this is most of the parse's
        // memory beside the text itself.
        assert!(std::mem::size_of::<Line<'_>>() <= 32);
    }

    #[test]
    fn normalising_bytewise_changes_what_the_characters_ask() {
        // The rule as first written, one character at a time.
        let by_chars = |s: &str| {
            let spaced: String = s
                .chars()
                .filter(|c| !is_zero_width(*c))
                .map(|c| {
                    let blank = is_unicode_space(c) || c == '\t' || c.is_control();
                    if blank { ' ' } else { c }
                })
                .collect();
            let indent = spaced.len() - spaced.trim_start().len();
            (spaced.trim().to_string(), indent)
        };
        let check = |s: &str| {
            let (text, indent) = normalise(s);
            assert_eq!((text.into_owned(), indent), by_chars(s), "{s:?}");
        };
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("a{c}é"),
                format!("{c}\u{2019}"),
                format!(" x{c}{c}\u{a0}y\u{200b}{c}"),
            ] {
                check(&s);
            }
            // At every offset of an eight-byte word, and across two (for
            // the characters up to U+3000, U+FE00..U+FFFF and a sample).
            let u = u32::from(c);
            if !(u <= 0x3000 || (0xfe00..=0xffff).contains(&u) || u % 61 == 0) {
                continue;
            }
            for pad in [1, 5, 6, 7, 8, 13, 14, 15] {
                check(&format!("{}{c}~ plain text", &"0123456789abcdef"[..pad]));
                check(&format!("{c}{}{c}\u{feff}\t", &"0123456789abcdef"[..pad]));
            }
        }
    }

    fn texts(s: &str) -> Vec<String> {
        split(s, &mut String::new())
            .into_iter()
            .map(|l| l.text.to_string())
            .collect()
    }

    #[test]
    fn line_ends_lf_crlf_cr_count_alike() {
        assert_eq!(texts("a\nb\n"), ["a", "b"]);
        assert_eq!(texts("a\r\nb\r\n"), ["a", "b"]);
        assert_eq!(texts("a\rb\r"), ["a", "b"]);
        assert_eq!(texts("a\r\n\r\nb"), ["a", "", "b"]);
    }

    #[test]
    fn bom_and_unicode_spaces_are_normalised() {
        let lines =
            split_for_test("\u{feff}Xiao Yaqing:\u{a0}\n\u{a0}\u{a0}Q\u{a0}\u{a0} Hi\u{3000}there");
        assert_eq!(lines[0].text, "Xiao Yaqing:");
        assert_eq!(lines[1].text, "Q   Hi there");
        assert_eq!(lines[1].indent, 2);
    }

    #[test]
    fn page_break_markup_is_marked() {
        let lines = split_for_test("_ueditor_page_break_tag_\nword_with_underscores are text");
        assert!(lines[0].markup);
        assert!(!lines[1].markup);
    }

    #[test]
    fn numbers_follow_the_original_lines() {
        let lines = split_for_test("one\r\n\r\n\r\nfour");
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[3].no, 4);
    }

    #[test]
    fn subtitle_cues_are_marked_not_text() {
        let lines = split_for_test(
            "WEBVTT\n\n1\n00:00:02.350 --> 00:00:07.910\nMaria Lopez: Hello.\n\n2\n00:00:08.120 --> 00:00:14.600 align:start\nMore.\n",
        );
        let cues: Vec<usize> = lines.iter().filter(|l| l.cue).map(|l| l.no).collect();
        assert_eq!(cues, [1, 3, 4, 7, 8]);
        assert!(lines.iter().filter(|l| l.cue).all(|l| l.markup));
        assert!(!lines[4].markup);
        // SRT: commas before the milliseconds.
        let srt = split_for_test("1\n00:00:01,000 --> 00:00:04,000\nHello.\n");
        assert!(srt[0].cue && srt[1].cue && !srt[2].cue);
        // An arrow in prose is not a cue.
        let prose = split_for_test("1\nprices --> up\n");
        assert!(prose.iter().all(|l| !l.cue));
    }

    #[test]
    fn markdown_rules_and_headings() {
        let lines = split_for_test("---\n* * *\n***\n- item\n## Q&A\n#hashtag");
        assert!(lines[0].markup && lines[1].markup && lines[2].markup);
        assert!(!lines[3].markup);
        assert!(is_heading("## Q&A"));
        assert!(!is_heading("#hashtag"));
        assert!(!is_heading("####### seven"));
    }
}
