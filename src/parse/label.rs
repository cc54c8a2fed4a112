//! What makes a line a speaker label.
//!
//! This module looks at one normalised line and says whether it opens with
//! something shaped like a speaker label (`Xiao Yaqing:`, `MS. PSAKI:`,
//! `Q`, `Jane Doe (Reuters):`, `发言人：`), and if not, why not. It judges
//! shape only: whether a candidate is accepted depends on its place in the
//! document, which the parser decides. It never resolves names or roles.
//! Most lines are running text: [`may_open_label`] rules them out on their
//! bytes before [`candidate`] reads them.

use super::lexicon;
use std::borrow::Cow;

/// How the label sits on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// `Name:` alone on its line, text below (an optional timestamp may follow).
    Alone,
    /// `Name: text` on the same line.
    Inline,
    /// The reporter marker `Q` followed by spaces, a colon or a period.
    QMarker,
    /// The answer marker `A.` of a print interview (a label only where `Q`
    /// markers ask).
    AMarker,
}

/// What marks the end of the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    /// A colon: `Name:` (also inside Markdown emphasis, `**Name:**`).
    #[default]
    Colon,
    /// A clock time and nothing else: `Speaker 1  0:04` (Otter.ai exports).
    Clock,
    /// A WebVTT voice tag: `<v Maria Lopez>text`.
    Voice,
    /// A full stop after a title and surname at a paragraph start:
    /// `Mr. Powell. text` (the US Congressional Record).
    Period,
    /// A code declared in a speaker key: `HN Hello everyone` ([`super::key`]).
    Key,
    /// A line in capitals and nothing else, the words directly below it:
    /// `MASTER OF CEREMONIES` (translated and typed transcripts). Only a
    /// shape: the parser wants a document that writes its labels so.
    Bare,
    /// A full stop and a dash after the label, as Spain's Moncloa prints
    /// its transcripts: `Sra. Navarro.- text`, `P.- text`. The same
    /// closing ends run-in heads there (`Real Decreto de ayudas.- text`),
    /// so a label seen once must be strong.
    Dash,
    /// Lenticular brackets at the start of a line, the words after them:
    /// `【上田外務大臣】本日、…` (Japanese ministries' press records).
    Bracket,
}

/// A line that opens with something shaped like a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The label as printed, trimmed, without colon, timestamp or Markdown
    /// emphasis (only then is it a copy).
    pub label: Cow<'a, str>,
    /// Text after the label on the same line (may be empty).
    pub rest: &'a str,
    pub kind: LabelKind,
    pub form: Form,
    /// A timestamp printed with the label (`04:12`).
    pub timestamp: Option<&'a str>,
    pub shape: Shape,
}

/// What the label's letters say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// Every letter upper case (`MS. PSAKI`).
    pub all_caps: bool,
    /// Starts with an honorific or an office (`Mr.`, `Minister`, `THE PRESIDENT`).
    pub titled: bool,
    /// A role word alone (`Moderator`, `Reporter`, `Interpreter`, `Q`), or a
    /// reporter marker with the asker attached (`QUESTION JUNG`).
    pub role_word: bool,
    /// Carries an outlet: `Name (Outlet)`, `Outlet, Name`, or looks like one.
    pub outlet_like: bool,
    /// Name words (honorifics and connectors not counted).
    pub words: usize,
    /// Written in CJK script.
    pub cjk: bool,
    /// Written in a script without case (Arabic, Hebrew, Thai, ...), or
    /// in lenticular brackets: no capitals tell a name from the first
    /// words of a sentence, so only the document (a label that recurs, a
    /// role word, an outlet) can make it a label.
    pub caseless: bool,
    /// The first word usually opens a sentence or a list (`Will`, `First`,
    /// `So`): evidence against, which repetition in the document's style
    /// may outweigh (`WILL HURD:` at every other paragraph).
    pub opener: bool,
}

impl Shape {
    /// A label that is a label whatever its place: a title, a role, caps.
    pub fn strong(&self) -> bool {
        self.titled
            || self.role_word
            || self.outlet_like
            || self.cjk
            || (self.all_caps && self.words >= 2)
    }
}

/// Why a line that opens like a label was not taken as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal<'a> {
    pub label: Cow<'a, str>,
    pub reason: &'static str,
}

/// Why a label that opens like a sentence is refused.
pub const OPENS_LIKE_A_SENTENCE: &str = "it opens like a sentence or a heading, not a name";

/// Longest label, in characters, that still reads as a name.
const MAX_LABEL_CHARS: usize = 80;
/// Most name words a label may have (`Deputy Prime Minister Jane Roe`).
const MAX_LABEL_WORDS: usize = 9;
/// The label colon is looked for this many characters into the line
/// (a label a little too long is refused rather than missed).
const COLON_REACH: usize = MAX_LABEL_CHARS + 12;
/// Longest label, in characters, closed by a full stop in capitals
/// ([`stop_label`]).
const MAX_STOP_LABEL_CHARS: usize = 60;

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// A letter of a script without case (Arabic, Hebrew, Persian, Thai,
/// Devanagari, ...), outside the CJK ranges that have rules of their own.
pub(crate) fn is_caseless(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase() && !is_cjk(c)
}

/// Punctuation that ends a clause or a sentence in scripts without case
/// (the Arabic comma, semicolon and question mark): never in a label.
const CASELESS_SENTENCE_MARKS: &[char] = &['،', '؛', '؟', '۔', '।', '॥'];

/// Most words a label in a script without case may have: a name or a
/// role (`مديرة الجلسة`), not a clause.
const MAX_CASELESS_WORDS: usize = 6;

/// Split a leading `Q` marker: `Q    text`, `Q: text`, `Q. text`, `Q` alone.
fn q_marker(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('Q')?;
    if rest.is_empty() {
        return Some("");
    }
    let mut chars = rest.chars();
    match chars.next()? {
        ':' | '：' | '.' => {
            let after = chars.as_str();
            if after.is_empty() || after.starts_with(' ') {
                Some(after.trim_start())
            } else {
                None
            }
        }
        ' ' => Some(rest.trim_start()),
        _ => None,
    }
}

/// A timestamp such as `04:12`, `1:02:03`, `00:17:55.2`.
fn is_clock(s: &str) -> bool {
    let s = s.trim();
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().enumerate().all(|(i, p)| {
            let p = if i + 1 == parts.len() {
                p.split('.').next().unwrap_or(p)
            } else {
                p
            };
            !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Strip a bracketed timestamp at the start of `s`: `(04:12) text`.
fn leading_timestamp(s: &str) -> Option<(&str, &str)> {
    let close = match s.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = s.find(close)?;
    let inner = &s[1..end];
    is_clock(inner).then(|| (inner, s[end + 1..].trim_start()))
}

/// Strip a bracketed timestamp at the end of `s`: `Jane Roe (04:12)`.
fn trailing_timestamp(s: &str) -> Option<(&str, &str)> {
    let last = s.chars().last()?;
    let open = match last {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let start = s.rfind(open)?;
    let inner = &s[start + 1..s.len() - 1];
    is_clock(inner).then(|| (s[..start].trim_end(), inner))
}

/// Find the label colon: the first `:` or `：` that is not inside a clock
/// time, within the first [`MAX_LABEL_CHARS`] characters.
fn label_colon(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0i32;
    for (chars, (i, c)) in text.char_indices().enumerate() {
        if chars > COLON_REACH {
            return None;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ':' | '：' if depth <= 0 => {
                let after = &text[i + c.len_utf8()..];
                // `10:30` is a clock, not a label.
                if c == ':' && after.starts_with(|d: char| d.is_ascii_digit()) {
                    return None;
                }
                // `http://` and similar are not labels either.
                if after.starts_with("//") {
                    return None;
                }
                // A colon set off by a wide gap is a column of a table or
                // a caption (`Respondents on Review.      :`), not a label.
                if text[..i].ends_with("  ") {
                    return None;
                }
                return Some((i, i + c.len_utf8()));
            }
            _ => {}
        }
    }
    None
}

/// Split a leading answer marker: `A. text` or `A.` alone.
fn a_marker(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("A.")?;
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim_start())
}

/// A one-letter marker (`Q`, `A`): a role word in capitals.
fn letter_marker<'a>(
    label: &'static str,
    rest: &'a str,
    kind: LabelKind,
    form: Form,
) -> Candidate<'a> {
    Candidate {
        label: Cow::Borrowed(label),
        rest,
        kind,
        form,
        timestamp: None,
        shape: Shape {
            all_caps: true,
            role_word: true,
            words: 1,
            ..Shape::default()
        },
    }
}

/// Does the line open with a speaker label? `Ok(None)` when it plainly does
/// not (no colon near the start, lower-case start); `Err` when it opens like
/// one but the words do not read as a name.
pub fn candidate(text: &str) -> Result<Option<Candidate<'_>>, Refusal<'_>> {
    let first = match text.chars().next() {
        Some(c) => c,
        None => return Ok(None),
    };
    // `[00:00:31] Mark Adeyinka: text`: a clock before the label.
    if let Some((ts, after)) = leading_timestamp(text) {
        if let Ok(Some(mut c)) = candidate(after) {
            if c.timestamp.is_none() && c.kind != LabelKind::Alone {
                c.timestamp = Some(ts);
                return Ok(Some(c));
            }
        }
        return Ok(None);
    }
    match first {
        '*' | '_' => return emphasised(text),
        '<' => {
            return match voice(text) {
                Ok(None) => bracket_label(text),
                v => v,
            };
        }
        '【' | '（' | '[' | '‹' => return bracket_label(text),
        'Ｑ' | 'Ａ' => {
            if let Some(c) = wide_marker(text) {
                return Ok(Some(c));
            }
        }
        // No capitals to read: only a label before a colon.
        c if is_caseless(c) => return colon_label(text),
        'Q' => {
            // `Q (Yonhap):` is a marker with its outlet, not `Q` and text.
            if text[1..].starts_with([' ', '(', '['])
                && text[1..].trim_start().starts_with(['(', '['])
            {
                if let Ok(Some(c)) = colon_label(text) {
                    return Ok(Some(c));
                }
            }
            if let Some(rest) = q_marker(text) {
                return Ok(Some(letter_marker(
                    "Q",
                    rest,
                    LabelKind::QMarker,
                    Form::Colon,
                )));
            }
        }
        _ => {}
    }
    // `iPhone:` (a device named by a video-call service) is a name too.
    let camel = first.is_lowercase()
        && text
            .split([' ', ':'])
            .next()
            .is_some_and(|w| w.chars().skip(1).any(char::is_uppercase));
    if !(first.is_uppercase() || is_cjk(first) || first.is_ascii_digit() || camel) {
        return Ok(None);
    }
    let colon = colon_label(text);
    if let Ok(Some(_)) = colon {
        return colon;
    }
    if let Some(dash) = dash_label(text) {
        return dash;
    }
    if let Some(c) = period_label(text)
        .or_else(|| stop_label(text))
        .or_else(|| record_label(text))
    {
        return Ok(Some(c));
    }
    if let Some(rest) = a_marker(text) {
        return Ok(Some(letter_marker(
            "A",
            rest,
            LabelKind::AMarker,
            Form::Period,
        )));
    }
    if let Ok(None) = colon {
        if let Some(c) = clock_label(text).or_else(|| bare_label(text)) {
            return Ok(Some(c));
        }
    }
    colon
}

/// Where a label closed by `.-` ends (`Sra. Navarro.- text`): the first
/// `.-` within [`COLON_REACH`] characters, at the end of the line or
/// before a space.
fn dash_end(text: &str) -> Option<usize> {
    let i = text.find(".-")?;
    let after = &text[i + 2..];
    ((after.is_empty() || after.starts_with(' ')) && chars_in(&text.as_bytes()[..i]) <= COLON_REACH)
        .then_some(i)
}

/// A label closed by a full stop and a dash ([`Form::Dash`]).
fn dash_label(text: &str) -> Option<Result<Option<Candidate<'_>>, Refusal<'_>>> {
    let end = dash_end(text)?;
    let judged = judge(
        Cow::Borrowed(text[..end].trim()),
        text[end + 2..].trim_start(),
    );
    Some(judged.map(|c| {
        c.map(|c| Candidate {
            form: Form::Dash,
            ..c
        })
    }))
}

/// A whole line in capitals that reads as a name, an office or a role
/// (`MINISTER RAFAELA COUTO BASTOS`, `JOURNALIST`), with no colon or final
/// stop: a [`Form::Bare`] label alone on its line.
fn bare_label(text: &str) -> Option<Candidate<'_>> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || text.chars().count() > MAX_STOP_LABEL_CHARS
        || text.split_whitespace().count() > 6
        || text.ends_with(['.', ','])
        || text.chars().any(|c| c.is_alphabetic() && !c.is_uppercase())
        || !text
            .chars()
            .all(|c| c.is_alphanumeric() || " .-'’()&/,".contains(c))
    {
        return None;
    }
    let shape = label_shape(&slash_as_comma(text)).ok()?;
    Some(Candidate {
        label: Cow::Borrowed(text),
        rest: "",
        kind: LabelKind::Alone,
        form: Form::Bare,
        timestamp: None,
        shape,
    })
}

/// `【上田外務大臣】本日、…`, `【NHK　佐藤記者】…`: a label in lenticular
/// brackets at the start of a line, the words after it on the same line,
/// as Japanese ministries print their press records. A bracket alone on
/// its line or before another (`【冒頭発言】`, `【打印本页】【关闭窗口】`)
/// is a heading or page chrome, and a bracket holding a colon
/// (`【字体：大 中 小】`) is not a name.
///
/// Full-width round brackets serve so too (`（知事）　おはようございます`,
/// Japanese prefectures). Angle and square brackets (`<질문>`, `[답변]`,
/// Korean ministries) hold a label only when it is a role word: in other
/// text they hold notes (`[Inaudible]`) and tags.
fn bracket_label(text: &str) -> Result<Option<Candidate<'_>>, Refusal<'_>> {
    let Some(open) = text.chars().next() else {
        return Ok(None);
    };
    let closers: &[char] = match open {
        '【' => &['】'],
        '（' => &['）'],
        '[' => &[']'],
        '<' | '‹' => &['>', '›'],
        _ => return Ok(None),
    };
    let after_open = &text[open.len_utf8()..];
    let Some(end) = after_open.find(closers) else {
        return Ok(None);
    };
    let close_len = after_open[end..].chars().next().map_or(1, char::len_utf8);
    let label = after_open[..end].trim();
    let rest = after_open[end + close_len..].trim_start();
    if label.is_empty()
        || rest.is_empty()
        || rest.starts_with(open)
        || label.contains([':', '：'])
        || lexicon::is_stage_direction_words(label)
    {
        return Ok(None);
    }
    let role_only = matches!(open, '[' | '<' | '‹');
    if role_only && !lexicon::is_role_word(label) {
        return Ok(None);
    }
    let mut shape = label_shape(label).map_err(|reason| Refusal {
        label: Cow::Borrowed(label),
        reason,
    })?;
    // Brackets also hold headings: the script alone proves nothing; a
    // role word, a reporter's `記者` or repetition must.
    shape.cjk = false;
    shape.caseless = true;
    shape.role_word |= label.ends_with("記者") || label.ends_with("记者");
    Ok(Some(Candidate {
        label: Cow::Borrowed(label),
        rest,
        kind: LabelKind::Inline,
        form: Form::Bracket,
        timestamp: None,
        shape,
    }))
}

/// Full-width `Ｑ`/`Ａ` markers and a space after them (`Ｑ　読売新聞の
/// 石井です。`, Japanese city halls' records).
fn wide_marker(text: &str) -> Option<Candidate<'_>> {
    let mut chars = text.chars();
    let marker = chars.next()?;
    let rest = chars.as_str();
    if !(rest.is_empty() || rest.starts_with([' ', '\u{3000}'])) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    Some(match marker {
        'Ｑ' => letter_marker("Ｑ", rest, LabelKind::QMarker, Form::Colon),
        'Ａ' => letter_marker("Ａ", rest, LabelKind::AMarker, Form::Period),
        _ => return None,
    })
}

/// Can [`candidate`] find anything on this line, a label or a refusal?
/// `false` only where it would return `Ok(None)`; read on bytes, without
/// allocating, so that the many lines of running text cost little.
///
/// Exact because every form a candidate takes needs one of these, looked
/// for as [`candidate`] and the functions it calls look for them:
///
/// - after a bracketed clock (`[00:00:31] `, which needs a `:` inside),
///   a line that may open a label itself;
/// - `*` or `_` (at most three) and a colon ([`emphasised`]); `<v ` or
///   `<v.` ([`voice`]); `Q` alone or before a space, `.`, `:` or `：`;
///   `【` and a `】`, `（` and a `）`, `[` and a `]`, `<` and a `>`, `‹`
///   and a `>` or `›` ([`bracket_label`]); `Ｑ` or `Ａ` ([`wide_marker`]);
/// - a first letter of a script without case and a `:` or `：` within
///   [`COLON_REACH`] characters ([`colon_label`] alone);
/// - otherwise a first character in upper case, CJK, an ASCII digit, or in
///   lower case with a capital later in its word (`iPhone`), and then:
///   a `:` or `：` within [`COLON_REACH`] characters ([`colon_label`]), a
///   word of more than two bytes ending in `.` among the second to fifth
///   ([`period_label`]'s first test), a `.-` at the end or before a
///   space within [`COLON_REACH`] characters ([`dash_label`]), capitals
///   from the start then `.` or `,` ([`record_label`]), a `.` at the end or before two
///   spaces with nothing but capitals, digits and `-'()&/` before it,
///   within [`MAX_STOP_LABEL_CHARS`] characters ([`stop_label`]), `A.`
///   ([`a_marker`]), a last word that starts with a digit and holds a
///   `:` ([`clock_label`]), or a whole line of capitals, digits and
///   ` .-'()&/,` within [`MAX_STOP_LABEL_CHARS`] characters
///   ([`bare_label`]).
///
/// Bytes of non-ASCII characters are taken as possibly upper case; only
/// the first character of a line that does not start with ASCII is
/// decoded.
pub(crate) fn may_open_label(text: &str) -> bool {
    let b = text.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    match first {
        // `[00:00:31] Mark Adeyinka: text` ([`leading_timestamp`]).
        b'(' | b'[' => {
            let close = if first == b'(' { b')' } else { b']' };
            // `[질문] text` ([`bracket_label`]).
            if first == b'[' && memchr::memchr(close, b).is_some() {
                return true;
            }
            return memchr::memchr(close, b).is_some_and(|end| {
                memchr::memchr(b':', &b[1..end]).is_some()
                    && may_open_label(text[end + 1..].trim_start())
            });
        }
        b'*' | b'_' => {
            let open = b.iter().take_while(|&&c| c == b'*' || c == b'_').count();
            return open <= 3 && colon_within(b, open + COLON_REACH);
        }
        b'<' => {
            return b.starts_with(b"<v ")
                || b.starts_with(b"<v.")
                || memchr::memchr(b'>', b).is_some();
        }
        b'Q' if b.len() == 1
            || matches!(b[1], b' ' | b'.' | b':')
            || b[1..].starts_with("：".as_bytes()) =>
        {
            return true;
        }
        b'A'..=b'Z' | b'0'..=b'9' => {}
        b'a'..=b'z' => {
            if !camel_word(&b[1..]) {
                return false;
            }
        }
        0x80.. => {
            let c = text.chars().next().unwrap_or(' ');
            match c {
                '【' => return text.contains('】'),
                '（' => return text.contains('）'),
                '‹' => return text.contains(['>', '›']),
                'Ｑ' | 'Ａ' => return true,
                _ => {}
            }
            if is_caseless(c) {
                return colon_within(b, COLON_REACH);
            }
            if !(c.is_uppercase()
                || is_cjk(c)
                || c.is_lowercase() && camel_word(&b[c.len_utf8()..]))
            {
                return false;
            }
        }
        _ => return false,
    }
    colon_within(b, COLON_REACH)
        || dash_end(text).is_some()
        || capitals_head(b).is_some()
        || word_stop(b)
        || capitals_stop(b)
        || capitals_line(b)
        || b.starts_with(b"A.") && (b.len() == 2 || b[2] == b' ')
        || memchr::memrchr(b' ', b).is_some_and(|sp| {
            let clock = &b[sp + 1..];
            clock.first().is_some_and(u8::is_ascii_digit) && memchr::memchr(b':', clock).is_some()
        })
}

/// Characters (UTF-8 sequences) in `b`: the bytes that are not continuations.
fn chars_in(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c as i8) >= -0x40).count()
}

/// Does the rest of a word that opens in lower case (up to a space or a
/// colon) hold a capital? Any non-ASCII byte may be one.
fn camel_word(rest: &[u8]) -> bool {
    rest.iter()
        .take_while(|&&c| c != b' ' && c != b':')
        .any(|&c| c.is_ascii_uppercase() || c >= 0x80)
}

/// Is the first `:` or `：` of `b` at most `reach` characters in?
fn colon_within(b: &[u8], reach: usize) -> bool {
    // A character takes one to four bytes.
    let window = &b[..b.len().min(4 * (reach + 1))];
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b':', 0xef, &window[from..]) {
        let at = from + i;
        if window[at] == b':' || window[at..].starts_with("：".as_bytes()) {
            return at <= reach || chars_in(&b[..at]) <= reach;
        }
        from = at + 1;
    }
    false
}

/// [`period_label`]'s first test: a word after the first, among the first
/// five split on spaces, of more than two bytes and ending in `.`.
fn word_stop(b: &[u8]) -> bool {
    let mut start = 0;
    for k in 0..5 {
        let end = memchr::memchr(b' ', &b[start..]).map_or(b.len(), |i| start + i);
        if k > 0 && end - start > 2 && b[end - 1] == b'.' {
            return true;
        }
        if end == b.len() {
            break;
        }
        start = end + 1;
    }
    false
}

/// What [`stop_label`] needs: its first `.` at the end or before two spaces
/// within [`MAX_STOP_LABEL_CHARS`] characters, and nothing before it an
/// upper-case label cannot hold (no ASCII lower case, no punctuation but
/// `-'()&/.`).
fn capitals_stop(b: &[u8]) -> bool {
    for (i, &c) in b.iter().enumerate().take(4 * MAX_STOP_LABEL_CHARS + 1) {
        match c {
            b'.' if i + 1 == b.len() || b[i + 1..].starts_with(b"  ") => {
                return chars_in(&b[..i]) <= MAX_STOP_LABEL_CHARS;
            }
            b'A'..=b'Z' | b'0'..=b'9' | b' ' | b'.' | b'-' | b'\'' | b'(' | b')' | b'&' | b'/' => {}
            0x80.. => {}
            _ => return false,
        }
    }
    false
}

/// The whole line in capitals [`bare_label`] wants: nothing but capitals,
/// digits and ` .-'()&/,` (a non-ASCII byte may be a capital or `’`),
/// within [`MAX_STOP_LABEL_CHARS`] characters.
fn capitals_line(b: &[u8]) -> bool {
    chars_in(b) <= MAX_STOP_LABEL_CHARS
        && b.iter().all(|&c| {
            matches!(
                c,
                b'A'..=b'Z'
                    | b'0'..=b'9'
                    | b' '
                    | b'.'
                    | b'-'
                    | b'\''
                    | b'('
                    | b')'
                    | b'&'
                    | b'/'
                    | b','
                    | 0x80..
            )
        })
}

/// The label before the first colon of `text`, if any.
fn colon_label(text: &str) -> Result<Option<Candidate<'_>>, Refusal<'_>> {
    let Some((colon, after_colon)) = label_colon(text) else {
        return Ok(None);
    };
    judge(
        Cow::Borrowed(text[..colon].trim()),
        text[after_colon..].trim_start(),
    )
}

/// Judge a label found before its colon, with the text after it.
fn judge<'a>(
    mut label: Cow<'a, str>,
    mut rest: &'a str,
) -> Result<Option<Candidate<'a>>, Refusal<'a>> {
    let mut timestamp = None;
    if let Cow::Borrowed(l) = label {
        if let Some((before, ts)) = trailing_timestamp(l) {
            label = Cow::Borrowed(before);
            timestamp = Some(ts);
        }
    }
    if let Some((ts, after)) = leading_timestamp(rest) {
        timestamp = Some(ts);
        rest = after;
    }
    if label.is_empty() {
        return Ok(None);
    }
    let shape = match label_shape(&slash_as_comma(&label)) {
        Ok(shape) => shape,
        Err(reason) => return Err(Refusal { label, reason }),
    };
    let kind = if rest.is_empty() {
        LabelKind::Alone
    } else {
        LabelKind::Inline
    };
    Ok(Some(Candidate {
        label,
        rest,
        kind,
        form: Form::Colon,
        timestamp,
        shape,
    }))
}

/// A label in Markdown emphasis: `**Moderator:** text`, `**Helen Park**:
/// text`, `__Q:__ text`, `*Name:*`, `**Sam Reyes** (*The Ledger*): text`.
/// The emphasis must close at the label; a line in italics that happens to
/// hold a colon (`*Note: ...*`) is not a label.
fn emphasised(text: &str) -> Result<Option<Candidate<'_>>, Refusal<'_>> {
    let is_mark = |c: char| c == '*' || c == '_';
    let inner = text.trim_start_matches(is_mark);
    let open = text.len() - inner.len();
    if open > 3 || inner.is_empty() || inner.starts_with(char::is_whitespace) {
        return Ok(None);
    }
    let Some((colon, after)) = label_colon(inner) else {
        return Ok(None);
    };
    let head = inner[..colon].trim_end();
    let after = &inner[after..];
    let closed_after = after.starts_with(is_mark);
    let rest = after.trim_start_matches(is_mark).trim_start();
    let bare = head.trim_end_matches(is_mark).trim_end();
    if !closed_after && bare.len() == head.len() && !bare.contains(is_mark) {
        return Ok(None);
    }
    let label: Cow<'_, str> = if bare.contains(is_mark) {
        let cleaned: String = bare.chars().filter(|c| !is_mark(*c)).collect();
        Cow::Owned(super::text::single_spaced(&cleaned))
    } else {
        Cow::Borrowed(bare)
    };
    if label == "Q" {
        return Ok(Some(Candidate {
            label,
            rest,
            kind: LabelKind::QMarker,
            form: Form::Colon,
            timestamp: None,
            shape: Shape {
                all_caps: true,
                role_word: true,
                words: 1,
                ..Shape::default()
            },
        }));
    }
    judge(label, rest)
}

/// A WebVTT voice tag: `<v Maria Lopez>Good afternoon.</v>`, also with
/// classes (`<v.loud Maria Lopez>`).
fn voice(text: &str) -> Result<Option<Candidate<'_>>, Refusal<'_>> {
    let Some(tag) = text.strip_prefix("<v") else {
        return Ok(None);
    };
    if !tag.starts_with([' ', '.']) {
        return Ok(None);
    }
    let Some(end) = tag.find('>') else {
        return Ok(None);
    };
    let Some((_, name)) = tag[..end].split_once(' ') else {
        return Ok(None);
    };
    let label = name.trim();
    let rest = tag[end + 1..].trim();
    let rest = rest.strip_suffix("</v>").unwrap_or(rest).trim_end();
    if label.is_empty() {
        return Ok(None);
    }
    let shape = name_shape(label).map_err(|reason| Refusal {
        label: Cow::Borrowed(label),
        reason,
    })?;
    Ok(Some(Candidate {
        label: Cow::Borrowed(label),
        rest,
        kind: if rest.is_empty() {
            LabelKind::Alone
        } else {
            LabelKind::Inline
        },
        form: Form::Voice,
        timestamp: None,
        shape,
    }))
}

/// A name and a clock time alone on a line, as transcription services
/// print them: `Speaker 1  0:04`, `Jane Doe  12:30`, `Speaker 2  1:02:33`.
fn clock_label(text: &str) -> Option<Candidate<'_>> {
    let (head, clock) = text.rsplit_once(' ')?;
    if !clock.starts_with(|c: char| c.is_ascii_digit()) || !clock.contains(':') {
        return None;
    }
    let head = head.trim_end();
    if head.is_empty() || !is_clock(clock) || clock.contains('.') {
        return None;
    }
    // Digits only as the tag of an anonymous speaker (`Speaker 2`), not a
    // date or a number (`March 8, 2023 10:30`).
    if head.contains(|c: char| c.is_ascii_digit()) && !lexicon::is_role_word(head) {
        return None;
    }
    let shape = name_shape(head).ok()?;
    Some(Candidate {
        label: Cow::Borrowed(head),
        rest: "",
        kind: LabelKind::Alone,
        form: Form::Clock,
        timestamp: Some(clock),
        shape,
    })
}

/// A word of a name in running text: `Powell`, `McHENRY`, `O'Brien`.
fn name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// A title and a surname closed by a full stop, as the US Congressional
/// Record prints its speakers: `Mr. Powell. text`, `Chairman McHENRY.`,
/// `The CHAIRMAN.`. Only a shape: one such sentence is not a label; the
/// parser wants a document full of them.
fn period_label(text: &str) -> Option<Candidate<'_>> {
    // Cheap test first: a word after the first ends in a full stop.
    if !text
        .split(' ')
        .take(5)
        .skip(1)
        .any(|w| w.len() > 2 && w.ends_with('.'))
    {
        return None;
    }
    let n = lexicon::title_prefix_len(text);
    if n == 0 {
        return None;
    }
    let mut offset = n;
    let mut end = None;
    // `Mr. SMITH of Texas.`: a small word may join a place to the name.
    for (k, word) in text[n..].split(' ').take(4).enumerate() {
        if let Some(stem) = word.strip_suffix('.') {
            if stem.chars().count() == 1 && stem.chars().all(char::is_uppercase) {
                offset += word.len() + 1; // an initial: `Jerome H. Powell.`
                continue;
            }
            if !name_word(stem) {
                return None;
            }
            end = Some(offset + stem.len());
            break;
        }
        if !(name_word(word) || k > 0 && lexicon::is_connector(word)) {
            return None;
        }
        offset += word.len() + 1;
    }
    let end = end?;
    let label = &text[..end];
    let rest = text[end + 1..].trim_start();
    let opens_text = |c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '[' | '(' | '"' | '“' | '`' | '‘')
    };
    if !(rest.is_empty() || rest.starts_with(opens_text)) {
        return None;
    }
    let shape = name_shape(label).ok()?;
    Some(full_stop_candidate(label, rest, shape))
}

/// A label closed by a full stop: alone on its line when nothing follows.
fn full_stop_candidate<'a>(label: &'a str, rest: &'a str, shape: Shape) -> Candidate<'a> {
    Candidate {
        label: Cow::Borrowed(label),
        rest,
        kind: if rest.is_empty() {
            LabelKind::Alone
        } else {
            LabelKind::Inline
        },
        form: Form::Period,
        timestamp: None,
        shape,
    }
}

/// A label in capitals closed by a full stop, alone on its line or set off
/// from the text by a wide gap, as typescripts and some web pages print
/// them: `PM.     I have a short statement`, `CS CHEPKOECH.`, `MS. KAMAU
/// (NATION AFRICA).`. Only a shape, like [`period_label`]: the parser
/// wants a document that writes its labels so throughout.
fn stop_label(text: &str) -> Option<Candidate<'_>> {
    let end = text.match_indices('.').map(|(i, _)| i).find(|&i| {
        let after = &text[i + 1..];
        after.is_empty() || after.starts_with("  ")
    })?;
    let label = &text[..end];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || label.chars().count() > MAX_STOP_LABEL_CHARS
        || label.split_whitespace().count() > 6
        || label
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_uppercase())
        || !label
            .chars()
            .all(|c| c.is_alphanumeric() || " .-'’()&/".contains(c))
    {
        return None;
    }
    let shape = label_shape(&slash_as_comma(label)).ok()?;
    let rest = text[end + 1..].trim_start();
    Some(full_stop_candidate(label, rest, shape))
}

/// A name in capitals, perhaps its office after a comma, closed by a full
/// stop and a single space, as parliaments print their records:
/// `PRESIDENTE. L'ordine del giorno…`, `ROBERTO BASSI. Grazie…`,
/// `GIULIA FERRARIS, Ministra delle Infrastrutture e dei trasporti. Grazie…`.
/// Only a shape, like [`stop_label`].
fn record_label(text: &str) -> Option<Candidate<'_>> {
    let head = capitals_head(text.as_bytes())?;
    let end = head + text[head..].find('.')?;
    let rest = text[end + 1..]
        .strip_prefix(' ')
        .unwrap_or(&text[end + 1..]);
    if !(rest.is_empty() || rest.starts_with(char::is_uppercase)) {
        return None;
    }
    let label = &text[..end];
    let name = &label[..head];
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || name.split_whitespace().count() > 5
        || name.chars().any(|c| c.is_alphabetic() && !c.is_uppercase())
        || label.chars().count() > MAX_LABEL_CHARS
    {
        return None;
    }
    if let Some(office) = label[head..].strip_prefix(',') {
        if !office_phrase(office.trim()) || office.contains(['.', ',', '(', ')']) {
            return None;
        }
    }
    let shape = label_shape(label).ok()?;
    Some(full_stop_candidate(label, rest, shape))
}

/// What [`record_label`] needs: a run of capitals (and spaces,
/// apostrophes, hyphens) from the line's start, then `.` or `,`; its
/// length. A non-ASCII byte may be a capital.
fn capitals_head(b: &[u8]) -> Option<usize> {
    let n = b
        .iter()
        .take(4 * MAX_LABEL_CHARS)
        .take_while(|&&c| matches!(c, b'A'..=b'Z' | b' ' | b'\'' | b'-' | 0x80..))
        .count();
    (n >= 2 && matches!(b.get(n), Some(b'.' | b','))).then_some(n)
}

/// `JOY BAUTISTA/RAPPLER`: one slash between two name-like parts joins a
/// name and an outlet as a comma does; read it as one.
pub fn slash_as_comma(label: &str) -> Cow<'_, str> {
    match label.split_once('/') {
        Some((a, b))
            if !a.is_empty()
                && !b.is_empty()
                && !b.contains('/')
                && !a.ends_with(' ')
                && !b.starts_with(' ')
                && !a.contains(',') =>
        {
            Cow::Owned(format!("{a}, {b}"))
        }
        _ => Cow::Borrowed(label),
    }
}

/// Split `Main (Paren)` into its parts.
pub fn split_paren(label: &str) -> (&str, Option<&str>) {
    // Full-width brackets (`記者（NHK）`) as well as ASCII ones.
    for (open_mark, close_mark) in [('(', ')'), ('（', '）')] {
        if let Some(body) = label.strip_suffix(close_mark) {
            if let Some(open) = body.rfind(open_mark) {
                let main = body[..open].trim();
                let inner = body[open + open_mark.len_utf8()..].trim();
                if !main.is_empty() && !inner.is_empty() {
                    return (main, Some(inner));
                }
            }
        }
    }
    (label, None)
}

/// A bracketed note on how the words were delivered, not who spoke:
/// lower-case (`voice-over`, `through translator`, `on camera`, `via video
/// link`, `retranslated`) or a stage direction (`As interpreted`).
pub fn is_delivery_note(inner: &str) -> bool {
    let inner = inner.trim();
    if inner.is_empty() || inner.contains(['(', ')', '[', ']', ':']) {
        return false;
    }
    lexicon::is_stage_direction_words(inner)
        || super::vocab::is_label_note(&inner.to_lowercase())
        || inner
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
            && inner.split_whitespace().count() <= 5
            && !inner.contains(|c: char| c.is_ascii_digit())
}

/// Split delivery notes off the end of a label: `TAPPER (voice-over)` ->
/// (`TAPPER`, \[`(voice-over)`\]); `Question [Ukrinform] [Interpreted from
/// Ukrainian]` -> (`Question [Ukrinform]`, [`[Interpreted from Ukrainian]`]).
/// The notes keep their brackets.
pub fn split_notes(label: &str) -> (&str, Vec<&str>) {
    let mut main = label.trim_end();
    let mut notes = Vec::new();
    loop {
        let open = match main.chars().last() {
            Some(')') => '(',
            Some(']') => '[',
            _ => break,
        };
        let Some(start) = main.rfind(open) else {
            break;
        };
        let before = main[..start].trim_end();
        if before.is_empty() || !is_delivery_note(&main[start + 1..main.len() - 1]) {
            break;
        }
        notes.insert(0, &main[start..]);
        main = before;
    }
    (main, notes)
}

/// A reporter marker with the asker attached: `QUESTION JUNG`, `Question
/// (Alexander Gamov, Komsomolskaya Pravda)`, `Question from Laura
/// Kuenssberg, BBC`, `Question [Ukrinform]`, `Q (Yonhap)`, `FOLLOW-UP
/// QUESTION JUNG`, `Follow-up question`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker<'a> {
    /// The marker words as printed (`QUESTION`, `Follow-up question`).
    pub marker: &'a str,
    /// The asker's name as printed, with any honorific (`DR. RINKE`).
    pub name: Option<&'a str>,
    /// The part that reads as a news organisation.
    pub outlet: Option<&'a str>,
    /// Anything else attached (`a member of the public from Bradford`).
    pub description: Option<&'a str>,
}

/// Marker words that open a reporter's label, longest first.
const MARKERS: &[&str] = &[
    "supplementary question",
    "additional question",
    "follow-up question",
    "follow up question",
    "followup question",
    "further question",
    "question",
    "follow-up",
    "q",
];

/// The reporter marker a label opens with and what follows it:
/// `QUESTION JUNG` -> (`QUESTION`, `JUNG`). Other languages' markers
/// (`FRAGE SCHMIDT`, `Domanda (Ansa)`) are role words alone, like `Q`.
fn marker_head(label: &str) -> Option<(&str, &str)> {
    let english = MARKERS.iter().find_map(|m| {
        let head = label.get(..m.len())?;
        let after = &label[m.len()..];
        (head.eq_ignore_ascii_case(m) && (after.is_empty() || after.starts_with(' ')))
            .then_some((head, after.trim_start()))
    });
    english.or_else(|| {
        super::vocab::question_markers().iter().find_map(|m| {
            if !lexicon::starts_with_phrase(label, m) {
                return None;
            }
            let (head, after) = label.split_at(lexicon::phrase_end(label, m));
            (after.is_empty() || after.starts_with(' ')).then_some((head, after.trim_start()))
        })
    })
}

/// Read a label (without delivery notes) as a reporter marker, if it is one.
pub fn reporter_marker<'a>(label: &'a str) -> Option<Marker<'a>> {
    let label = label.trim();
    let (marker, after) = marker_head(label)?;
    let single = marker.eq_ignore_ascii_case("q")
        || marker.eq_ignore_ascii_case("question")
        || marker.eq_ignore_ascii_case("follow-up")
        || super::vocab::is_question_marker(&marker.to_lowercase());
    if after.is_empty() {
        // `Question` and `Q` alone are role words; `Follow-up question` is one too.
        return (!single).then_some(Marker {
            marker,
            name: None,
            outlet: None,
            description: None,
        });
    }
    let words_ok = |s: &str| {
        let tokens: Vec<&str> = s.split_whitespace().collect();
        !tokens.is_empty()
            && tokens.len() <= 6
            && tokens
                .iter()
                .enumerate()
                .all(|(i, t)| word_ok(t, i == 0, i + 1 == tokens.len()).is_ok())
    };
    // `Name, Outlet` or `Outlet, Name`: whichever reads as an organisation.
    let name_and_outlet = |s: &'a str| -> Option<Marker<'a>> {
        let (a, b) = match s.split_once(',') {
            Some((a, b)) => (a.trim(), Some(b.trim())),
            None => (s.trim(), None),
        };
        match b {
            None if lexicon::is_outlet(a) => Some((None, Some(a))),
            None => words_ok(a).then_some((Some(a), None)),
            Some(b) if words_ok(a) && words_ok(b) => {
                if lexicon::is_outlet(a) && !lexicon::is_outlet(b) {
                    Some((Some(b), Some(a)))
                } else {
                    Some((Some(a), Some(b)))
                }
            }
            Some(b) if words_ok(a) && !b.contains(',') && b.split_whitespace().count() <= 10 => {
                // `Carol, a member of the public from Bradford`.
                return Some(Marker {
                    marker,
                    name: Some(a),
                    outlet: None,
                    description: Some(b),
                });
            }
            _ => None,
        }
        .map(|(name, outlet)| Marker {
            marker,
            name,
            outlet,
            description: None,
        })
    };
    let bracketed = |s: &'a str| -> Option<&'a str> {
        let close = match s.chars().next()? {
            '(' => ')',
            '[' => ']',
            _ => return None,
        };
        let inner = s[1..].strip_suffix(close)?;
        (!inner.contains(['(', ')', '[', ']'])).then_some(inner.trim())
    };
    if let Some(inner) = bracketed(after) {
        // `Question (Alexander Gamov, Komsomolskaya Pravda)`, `Q (Yonhap)`:
        // one bracketed word or two is an outlet.
        let mut m = name_and_outlet(inner)?;
        if m.outlet.is_none() && m.description.is_none() && inner.split_whitespace().count() <= 2 {
            m.outlet = m.name.take();
        }
        return Some(m);
    }
    if marker.eq_ignore_ascii_case("q") {
        return None;
    }
    if let Some(from) = after
        .strip_prefix("from ")
        .or_else(|| after.strip_prefix("FROM "))
    {
        // `Question from Laura Kuenssberg, BBC`, `... from Beth Rigby (Sky News)`.
        if let (main, Some(paren)) = split_paren(from) {
            if words_ok(main) && words_ok(paren) {
                return Some(Marker {
                    marker,
                    name: Some(main),
                    outlet: Some(paren),
                    description: None,
                });
            }
        }
        return name_and_outlet(from);
    }
    // `QUESTION JUNG`, `QUESTION SIEBOLD (REUTERS)`: only a marker printed
    // in capitals takes a bare name (`Question Time` is a heading).
    if marker.chars().any(char::is_lowercase) {
        return None;
    }
    let (main, paren) = split_paren(after);
    if !words_ok(main) || paren.is_some_and(|p| !words_ok(p)) {
        return None;
    }
    Some(Marker {
        marker,
        name: Some(main),
        outlet: paren,
        description: None,
    })
}

/// Is one word of a label name-like?
fn word_ok(word: &str, first: bool, last: bool) -> Result<(), &'static str> {
    if lexicon::is_connector(word) {
        return if first || last {
            Err("a name does not start or end with a small word")
        } else {
            Ok(())
        };
    }
    let mut chars = word.chars();
    let c = chars.next().ok_or("empty word")?;
    if word == "&" || word == "-" || word == "–" {
        return Ok(());
    }
    if word.chars().any(is_cjk) {
        return Ok(());
    }
    // `iPhone`: lower case first, a capital inside: a brand, not a word of a sentence.
    let camel = c.is_lowercase() && chars.any(char::is_uppercase);
    // A word of a script without case (`وكالة نوفا`) has no capital to show.
    let caseless = is_caseless(c);
    if !(c.is_uppercase()
        || c.is_ascii_digit()
        || c == '#'
        || c == '\''
        || c == '‘'
        || camel
        || caseless)
    {
        return Err("a word in it is not capitalised, so it reads as a sentence");
    }
    let allowed =
        |ch: char| ch.is_alphanumeric() || matches!(ch, '.' | '\'' | '’' | '-' | '&' | '‘');
    if !word.chars().all(allowed) {
        return Err("it holds punctuation that names do not");
    }
    // `Takeshi Onoda, Asahi Shimbun. On Gaza:`: a full stop after a long
    // word (not `Sen.`, `Capt.`, `U.S.`) ends a sentence inside the label.
    if let Some(stem) = word.strip_suffix('.').filter(|_| !last) {
        let sentence_end = stem.chars().count() >= 5
            && stem.chars().all(char::is_alphabetic)
            && stem.chars().any(char::is_lowercase)
            && !lexicon::is_honorific(word)
            && lexicon::title_prefix_len(&format!("{word} X")) == 0;
        if sentence_end {
            return Err("a full stop inside it ends a sentence");
        }
    }
    Ok(())
}

/// Remove one bracketed part, wherever it stands: `Joint Secretary (Gulf),
/// Shri Anurag Bhushan` -> (`Joint Secretary , Shri Anurag Bhushan`,
/// `Gulf`, false); `Jane Doe (Reuters)` -> (`Jane Doe`, `Reuters`, true).
/// The flag says the bracket closes the label.
fn split_bracket(label: &str) -> Result<(Cow<'_, str>, Option<&str>, bool), &'static str> {
    let Some(open) = label.find(['(', '[']) else {
        if label.contains([')', ']']) {
            return Err("it holds unbalanced brackets");
        }
        return Ok((Cow::Borrowed(label), None, false));
    };
    let close = if label.as_bytes()[open] == b'(' {
        ')'
    } else {
        ']'
    };
    let Some(end) = label[open..].find(close).map(|e| e + open) else {
        return Err("it holds unbalanced brackets");
    };
    let inner = label[open + 1..end].trim();
    let before = label[..open].trim_end();
    let after = label[end + 1..].trim_start();
    if inner.is_empty()
        || before.is_empty()
        || inner.contains(['(', '[', ')', ']'])
        || after.contains(['(', '[', ')', ']'])
    {
        return Err("it holds unbalanced brackets");
    }
    if after.is_empty() {
        return Ok((Cow::Borrowed(before), Some(inner), true));
    }
    let sep = if after.starts_with(',') { "" } else { " " };
    Ok((
        Cow::Owned(format!("{before}{sep}{after}")),
        Some(inner),
        false,
    ))
}

/// Judge whether `label` (without colon) reads as a speaker's name, title,
/// outlet or role. Returns its shape, or why it does not. A first word
/// that opens sentences (`Read in Chinese`, `Will Hurd`) refuses it here:
/// only a label that recurs in the document may outweigh that
/// ([`label_shape`]).
pub fn name_shape(label: &str) -> Result<Shape, &'static str> {
    let shape = label_shape(label)?;
    if shape.opener {
        return Err(OPENS_LIKE_A_SENTENCE);
    }
    Ok(shape)
}

/// [`name_shape`], with a sentence-opening first word kept as evidence
/// against (`Shape::opener`) rather than a refusal: for a colon label,
/// which the parser weighs against its repetition in the document.
fn label_shape(label: &str) -> Result<Shape, &'static str> {
    // A transcript prints the same few labels hundreds of times: each is
    // read once per thread.
    thread_local!(static SHAPES: super::memo::Memo<Result<Shape, &'static str>> = Default::default());
    if label.len() > 4 * MAX_LABEL_CHARS {
        return read_shape(label);
    }
    super::memo::cached(&SHAPES, label, read_shape)
}

/// Does the label's first word open sentences (`First`, `So`), a role
/// word aside? One such word alone is never a name, nor is a heading word
/// (`Date`, `Hinweis`): those are errors.
fn opens_like_a_sentence(main: &str, words: usize) -> Result<bool, &'static str> {
    let first_word = main.split_whitespace().next().unwrap_or("");
    let opener = lexicon::is_sentence_opener(first_word) && !lexicon::is_role_word(main);
    if opener && words < 2 {
        return Err(OPENS_LIKE_A_SENTENCE);
    }
    if lexicon::is_heading_word(main) {
        return Err("it is a heading word, not a name");
    }
    Ok(opener)
}

/// A label in a script without case: a short run of words (a name, a
/// role, `Name (Outlet)`, `Name - Outlet`, a question marker with its
/// outlet). Without capitals its shape is weak evidence; a role word, an
/// outlet or an office makes it strong, repetition in the document does
/// the rest ([`super::labels`]).
fn caseless_shape(label: &str) -> Result<Shape, &'static str> {
    if label.contains(CASELESS_SENTENCE_MARKS) || label.contains(',') {
        return Err("it holds sentence punctuation");
    }
    let (main, paren, trailing) = split_bracket(label)?;
    let main = main.as_ref();
    // `نادر الخطيب - الشرق الأوسط`: a dash between a name and an outlet.
    let dashed = [" - ", " – ", " — "]
        .iter()
        .find_map(|d| main.split_once(d))
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty());
    let words = main
        .split_whitespace()
        .filter(|w| !matches!(*w, "-" | "–" | "—"))
        .count();
    let paren_words = paren.map_or(0, |p| p.split_whitespace().count());
    if words > MAX_CASELESS_WORDS || paren_words > MAX_CASELESS_WORDS {
        return Err("too many words for a speaker label");
    }
    // A full stop closes a sentence, except after an abbreviation of one
    // or two letters (`د.`).
    let word_ok = |w: &str| match w.strip_suffix('.') {
        Some(stem) => (1..=2).contains(&stem.chars().count()) && !stem.contains('.'),
        None => !w.contains(['.', '«', '»']),
    };
    if !main.split_whitespace().all(word_ok) {
        return Err("a full stop inside it ends a sentence");
    }
    let opener = opens_like_a_sentence(main, words)?;
    let role_word = lexicon::is_role_word(main) || reporter_marker(label).is_some();
    let outlet_like = paren.is_some_and(|p| trailing && !lexicon::is_stage_direction_words(p))
        || dashed.is_some();
    Ok(Shape {
        titled: lexicon::title_prefix_len(main) > 0,
        role_word,
        outlet_like,
        words,
        caseless: true,
        opener,
        ..Shape::default()
    })
}

/// Does `part` (after a name and a comma) open with an office, a title
/// word of some language (`Bundesminister für Digitales`, `Ministra delle
/// Infrastrutture e dei trasporti`, `ministra de Ciencia`)?
fn office_phrase(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or("");
    part.split_whitespace().count() >= 2
        && (lexicon::is_role_word(first) || lexicon::title_prefix_len(part) > 0)
}

/// The shape of a label in Chinese or Japanese characters: short, no
/// sentence punctuation, no heading word (`注：`, `ポイント：`, `责任编辑：`
/// head a note, never a speaker).
fn cjk_shape(label: &str) -> Result<Shape, &'static str> {
    let n = label.chars().filter(|c| !c.is_whitespace()).count();
    if n > 16 || label.contains(['，', '。', '、', '？', '！']) {
        return Err("too long for a speaker label");
    }
    if lexicon::is_heading_word(label) {
        return Err("it is a heading word, not a name");
    }
    Ok(Shape {
        cjk: true,
        words: 1,
        role_word: lexicon::is_role_word(label),
        ..Shape::default()
    })
}

/// The name words of a label's comma parts, its bracket's parts and the
/// organisation after `from` (connectors not counted), each word checked
/// as a name's; an office after the name (`Jonas Weber, Bundesminister
/// für Digitales und Verkehr`) is a phrase whose small words are in lower
/// case.
fn name_words(
    parts: &[&str],
    paren_parts: &[&str],
    from: Option<&str>,
) -> Result<usize, &'static str> {
    let mut words = 0;
    for (k, part) in parts.iter().chain(paren_parts).chain(&from).enumerate() {
        let tokens: Vec<&str> = part.split_whitespace().collect();
        let office = k == 1 && parts.len() == 2 && office_phrase(part);
        for (i, t) in tokens.iter().enumerate() {
            if office && i > 0 && t.starts_with(char::is_lowercase) {
                if !t
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                {
                    return Err("it holds punctuation that names do not");
                }
                words += usize::from(!lexicon::is_connector(t));
                continue;
            }
            word_ok(t, i == 0, i + 1 == tokens.len())?;
            if !lexicon::is_connector(t) {
                words += 1;
            }
        }
    }
    Ok(words)
}

/// What a label's words say about it ([`label_shape`] without the cache).
fn read_shape(label: &str) -> Result<Shape, &'static str> {
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err("too long for a speaker label");
    }
    if label.contains([
        '?', '!', ';', '"', '“', '”', '…', '/', '=', '*', '_', '<', '>', '|',
    ]) {
        return Err("it holds sentence punctuation");
    }
    if label
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(is_caseless)
    {
        return caseless_shape(label);
    }
    if label.chars().any(is_cjk) {
        return cjk_shape(label);
    }
    // `TAPPER (voice-over)`: how it was said is not part of the name.
    let (label, _) = split_notes(label);
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if let Some(m) = reporter_marker(label) {
        let words = [m.name, m.outlet]
            .iter()
            .flatten()
            .map(|p| p.split_whitespace().count())
            .sum::<usize>()
            + 1;
        return Ok(Shape {
            all_caps,
            role_word: true,
            outlet_like: m.outlet.is_some(),
            words,
            ..Shape::default()
        });
    }
    let (main, paren, trailing) = split_bracket(label)?;
    let main = main.as_ref();
    // `Kallol Bhattacherjee from The Hindu`: a name, then a capitalised
    // organisation (`Statement from the President` is a heading).
    let (main, from) = match main.split_once(" from ") {
        Some((a, b))
            if !b.contains(',') && b.split_whitespace().all(|w| word_ok(w, true, true).is_ok()) =>
        {
            (a.trim(), Some(b.trim()))
        }
        _ => (main, None),
    };
    let parts: Vec<&str> = main.split(',').map(str::trim).collect();
    if parts.len() > 2 || parts.iter().any(|p| p.is_empty()) {
        return Err("it holds more commas than a name does");
    }
    let paren_parts: Vec<&str> = paren
        .map(|p| p.split(',').map(str::trim).collect())
        .unwrap_or_default();
    if paren_parts.len() > 2 || paren_parts.iter().any(|p| p.is_empty()) {
        return Err("it holds more commas than a name does");
    }
    let words = name_words(&parts, &paren_parts, from)?;
    if words == 0 {
        return Err("it holds no name");
    }
    if words > MAX_LABEL_WORDS {
        return Err("too many words for a speaker label");
    }
    let opener = opens_like_a_sentence(main, words)?;
    // A word made of digits alone is a number or a year, not a name,
    // except as the ordinal of an anonymous speaker (`Speaker 2`).
    let tokens: Vec<&str> = main.split_whitespace().collect();
    if tokens.len() == 1 && tokens[0].chars().any(|c| c.is_ascii_digit()) {
        return Err("a number is not a name");
    }
    let role_word = lexicon::is_role_word(main);
    let titled = lexicon::title_prefix_len(main) > 0;
    let outlet_like = paren.is_some_and(|p| trailing && !lexicon::is_stage_direction_words(p))
        || parts.len() == 2 && (lexicon::is_outlet(parts[0]) || lexicon::is_outlet(parts[1]))
        || lexicon::is_outlet(main)
        || from.is_some_and(lexicon::is_outlet);
    Ok(Shape {
        all_caps,
        titled,
        role_word,
        outlet_like,
        words,
        cjk: false,
        caseless: false,
        opener,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<(String, String, LabelKind)> {
        candidate(text)
            .ok()
            .flatten()
            .map(|c| (c.label.into_owned(), c.rest.to_string(), c.kind))
    }

    fn some(label: &str, rest: &str, kind: LabelKind) -> Option<(String, String, LabelKind)> {
        Some((label.to_string(), rest.to_string(), kind))
    }

    #[test]
    fn labels_closed_by_a_full_stop_and_a_dash() {
        // Spain's Moncloa: `.-` closes the label, as a colon would.
        assert_eq!(
            label("Sra. Navarro.- Muchas gracias."),
            some("Sra. Navarro", "Muchas gracias.", LabelKind::Inline)
        );
        assert_eq!(
            label("P.- Buenas tardes."),
            some("P", "Buenas tardes.", LabelKind::Inline)
        );
        let c = candidate("Pregunta (Jorge Salas, Agencia EFE).- Gracias.")
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.label.as_ref(), c.form),
            ("Pregunta (Jorge Salas, Agencia EFE)", Form::Dash)
        );
        // A hyphen inside a word, or a dash not followed by a space, is no closing.
        assert_eq!(label("Las relaciones EE.UU.-China mejoran."), None);
    }

    #[test]
    fn parliamentary_labels_closed_by_a_full_stop() {
        let form = |line: &str| {
            candidate(line)
                .ok()
                .flatten()
                .map(|c| (c.label.into_owned(), c.form))
        };
        assert_eq!(
            form("PRESIDENTE. L'ordine del giorno reca lo svolgimento."),
            Some(("PRESIDENTE".to_string(), Form::Period))
        );
        assert_eq!(
            form(
                "GIULIA FERRARIS, Ministra delle Infrastrutture e dei trasporti. Grazie, Presidente."
            ),
            Some((
                "GIULIA FERRARIS, Ministra delle Infrastrutture e dei trasporti".to_string(),
                Form::Period
            ))
        );
        // After the comma an office, not any clause.
        assert_eq!(form("ROMA, una città che cambia. Oggi."), None);
        // Text that goes on in lower case is a sentence.
        assert_eq!(form("NATO. e poi"), None);
    }

    #[test]
    fn an_office_after_a_name_keeps_its_small_words() {
        assert!(name_shape("Dr. Jonas Weber, Bundesminister für Digitales und Verkehr").is_ok());
        assert!(name_shape("Jonas Weber, bald wieder da").is_err());
    }

    #[test]
    fn labels_in_brackets_of_other_scripts() {
        assert_eq!(
            label("（知事）\u{3000}おはようございます。"),
            some("知事", "おはようございます。", LabelKind::Inline)
        );
        assert_eq!(
            label("<질문> 연합뉴스 김지훈 기자입니다."),
            some("질문", "연합뉴스 김지훈 기자입니다.", LabelKind::Inline)
        );
        assert_eq!(label("[답변] 네."), some("답변", "네.", LabelKind::Inline));
        assert_eq!(label("‹질문> 네."), some("질문", "네.", LabelKind::Inline));
        // Square and angle brackets hold notes unless a role word stands in them.
        assert_eq!(label("[Inaudible] and then we left."), None);
        assert_eq!(label("<b>Bold</b> text"), None);
        // Topic numbers and stage directions are no speakers.
        assert_eq!(label("（1）県立美術館の無料開放について"), None);
        let q = candidate("Ｑ\u{3000}読売新聞の石井です。")
            .unwrap()
            .unwrap();
        assert_eq!((q.label.as_ref(), q.kind), ("Ｑ", LabelKind::QMarker));
        let a = candidate("Ａ\u{3000}（市長）南部は").unwrap().unwrap();
        assert_eq!((a.label.as_ref(), a.kind), ("Ａ", LabelKind::AMarker));
    }

    #[test]
    fn label_alone_with_colon() {
        assert_eq!(
            label("Xiao Yaqing:"),
            some("Xiao Yaqing", "", LabelKind::Alone)
        );
        assert_eq!(
            label("Thecover.cn:"),
            some("Thecover.cn", "", LabelKind::Alone)
        );
        assert_eq!(
            label("Ta Kung Pao:"),
            some("Ta Kung Pao", "", LabelKind::Alone)
        );
    }

    #[test]
    fn inline_and_uppercase_labels() {
        assert_eq!(
            label("MS. PSAKI:  Okay."),
            some("MS. PSAKI", "Okay.", LabelKind::Inline)
        );
        assert_eq!(
            label("MR SMITH: Yes."),
            some("MR SMITH", "Yes.", LabelKind::Inline)
        );
        assert_eq!(
            label("Mr. Taro Yamada, Minister for Foreign Affairs: Thank you."),
            some(
                "Mr. Taro Yamada, Minister for Foreign Affairs",
                "Thank you.",
                LabelKind::Inline
            )
        );
        assert_eq!(
            label("发言人：今天"),
            some("发言人", "今天", LabelKind::Inline)
        );
    }

    #[test]
    fn q_marker_forms() {
        assert_eq!(
            label("Q    Thank you."),
            some("Q", "Thank you.", LabelKind::QMarker)
        );
        assert_eq!(
            label("Q: Thanks."),
            some("Q", "Thanks.", LabelKind::QMarker)
        );
        assert_eq!(label("Qatar is a country."), None);
        assert_eq!(
            label("QUESTION: What?"),
            some("QUESTION", "What?", LabelKind::Inline)
        );
    }

    #[test]
    fn timestamps_are_split_from_labels() {
        let c = candidate("Jane Roe: (04:12)").unwrap().unwrap();
        assert_eq!(
            (c.label.as_ref(), c.rest, c.timestamp),
            ("Jane Roe", "", Some("04:12"))
        );
        let c = candidate("Speaker 2 (00:05:01): Hello").unwrap().unwrap();
        assert_eq!(
            (c.label.as_ref(), c.rest, c.timestamp),
            ("Speaker 2", "Hello", Some("00:05:01"))
        );
    }

    #[test]
    fn sentences_ending_in_colon_are_refused() {
        let line = "Looking back over the past five years, it has made progress in three groups of figures:";
        assert!(candidate(line).is_err() || label(line).is_none());
        assert_eq!(label("Thank you, Mr. President: we agree."), None);
        assert_eq!(label("At 10:30 the meeting began."), None);
        assert_eq!(label("See https://example.org: it says"), None);
    }

    #[test]
    fn heading_and_sentence_openers_are_refused_with_reasons() {
        for line in [
            "First: we will",
            "Note: this is",
            "Editor's note: x",
            "Update: y",
            "Photo: Xinhua",
        ] {
            let r = candidate(line);
            assert!(r.is_err(), "{line} should be refused, got {r:?}");
        }
    }

    #[test]
    fn outlet_labels_have_outlet_shape() {
        for l in [
            "Jane Doe (Reuters)",
            "Reuters (Jane Doe)",
            "Doe, Reuters",
            "Phoenix TV",
            "CCTV",
        ] {
            let shape = name_shape(l).unwrap();
            assert!(shape.outlet_like, "{l}");
        }
        assert!(!name_shape("Xiao Yaqing").unwrap().outlet_like);
    }

    fn form(text: &str) -> Option<(String, String, LabelKind, Form, Option<String>)> {
        candidate(text).ok().flatten().map(|c| {
            (
                c.label.into_owned(),
                c.rest.to_string(),
                c.kind,
                c.form,
                c.timestamp.map(str::to_string),
            )
        })
    }

    #[test]
    fn name_and_clock_alone_on_a_line() {
        assert_eq!(
            form("Speaker 1  0:04"),
            Some((
                "Speaker 1".into(),
                "".into(),
                LabelKind::Alone,
                Form::Clock,
                Some("0:04".into())
            ))
        );
        assert_eq!(form("Jane Doe  12:30").unwrap().0, "Jane Doe");
        assert_eq!(
            form("Speaker 2  1:02:33").unwrap().4.as_deref(),
            Some("1:02:33")
        );
        // A date, a sentence or a time of day is not a name.
        assert_eq!(form("March 8, 2023 10:30"), None);
        assert_eq!(form("We met at 10:30"), None);
        assert_eq!(form("Briefing at 10:30 a.m."), None);
    }

    #[test]
    fn markdown_emphasis_around_labels() {
        for (line, name, rest) in [
            (
                "**Moderator:** We will take questions.",
                "Moderator",
                "We will take questions.",
            ),
            (
                "**Helen Park**: Good morning.",
                "Helen Park",
                "Good morning.",
            ),
            ("__Q:__ What now?", "Q", "What now?"),
            ("*Jane Roe:* Yes.", "Jane Roe", "Yes."),
            (
                "**Sam Reyes** (*The Ledger*): Mayor, are you running?",
                "Sam Reyes (The Ledger)",
                "Mayor, are you running?",
            ),
            (
                "**Q (Lena Ortiz, City Desk Daily):** Mayor?",
                "Q (Lena Ortiz, City Desk Daily)",
                "Mayor?",
            ),
        ] {
            let c = candidate(line).unwrap().unwrap();
            assert_eq!((c.label.as_ref(), c.rest), (name, rest), "{line}");
        }
        assert_eq!(
            candidate("**Q:** Follow-up: what then?")
                .unwrap()
                .unwrap()
                .kind,
            LabelKind::QMarker
        );
        // Italics that happen to hold a colon, a bullet, a rule: not labels.
        assert_eq!(
            label("*Note: the minister was referring to the report.*"),
            None
        );
        assert_eq!(label("* Item: one"), None);
        assert_eq!(label("***"), None);
    }

    #[test]
    fn webvtt_voice_tags() {
        let c = candidate("<v Maria Lopez>Good afternoon.</v>")
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.label.as_ref(), c.rest, c.form),
            ("Maria Lopez", "Good afternoon.", Form::Voice)
        );
        let c = candidate("<v.loud Alan Brooks>Thank you.")
            .unwrap()
            .unwrap();
        assert_eq!(c.label, "Alan Brooks");
        assert_eq!(label("<b>bold</b>"), None);
        // `iPhone:` (a device a video call names) reads as a name.
        assert_eq!(
            label("iPhone: Hi, can you hear me?"),
            some("iPhone", "Hi, can you hear me?", LabelKind::Inline)
        );
        assert_eq!(label("iran: no"), None);
    }

    #[test]
    fn timestamps_after_the_name() {
        for line in [
            "Maria Lopez [00:00:04]: Good afternoon.",
            "Maria Lopez (00:00:04): Good afternoon.",
            "Maria Lopez: (00:00:04) Good afternoon.",
        ] {
            let c = candidate(line).unwrap().unwrap();
            assert_eq!(
                (c.label.as_ref(), c.rest, c.timestamp),
                ("Maria Lopez", "Good afternoon.", Some("00:00:04")),
                "{line}"
            );
        }
    }

    #[test]
    fn congressional_record_labels_end_in_a_full_stop() {
        for (line, name, rest) in [
            (
                "Mr. Powell. Chairman McHenry, Ranking Member Waters, I",
                "Mr. Powell",
                "Chairman McHenry, Ranking Member Waters, I",
            ),
            (
                "Chairman McHENRY. The gentleman yields back.",
                "Chairman McHENRY",
                "The gentleman yields back.",
            ),
            (
                "Ms. Waters. Thank you, Mr. Chairman.",
                "Ms. Waters",
                "Thank you, Mr. Chairman.",
            ),
            (
                "The CHAIRMAN. Without objection.",
                "The CHAIRMAN",
                "Without objection.",
            ),
            ("Mr. Powell.", "Mr. Powell", ""),
            (
                "Mr. SMITH of Texas. Madam Speaker, I yield.",
                "Mr. SMITH of Texas",
                "Madam Speaker, I yield.",
            ),
            (
                "Ms. JACKSON LEE. Mr. Speaker,",
                "Ms. JACKSON LEE",
                "Mr. Speaker,",
            ),
            (
                "The PRESIDING OFFICER. Without objection, it is so ordered.",
                "The PRESIDING OFFICER",
                "Without objection, it is so ordered.",
            ),
        ] {
            let c = candidate(line).unwrap().unwrap();
            assert_eq!(
                (c.label.as_ref(), c.rest, c.form),
                (name, rest, Form::Period),
                "{line}"
            );
        }
        // A sentence that starts with a title is not one.
        for line in [
            "Mr. Powell said the data will guide us.",
            "The Committee will come to order.",
            "Chair Powell, welcome back.",
            "Mr. Powell. he said",
        ] {
            assert!(form(line).is_none_or(|c| c.3 != Form::Period), "{line}");
        }
        // A colon label wins over the full stop.
        assert_eq!(
            candidate("MR. KIRBY: Yes.").unwrap().unwrap().form,
            Form::Colon
        );
    }

    #[test]
    fn labels_in_scripts_without_case() {
        // (line, label, role word, outlet)
        for (line, label, role_word, outlet_like) in [
            ("المتحدث: شكراً، ومساء الخير للجميع.", "المتحدث", true, false),
            (
                "مديرة الجلسة: نبدأ بالأسئلة. الزميل أحمد سالم من قناة العربية.",
                "مديرة الجلسة",
                // The lexicon's chair (the session's moderator).
                true,
                false,
            ),
            (
                "أحمد سالم (العربية): شكراً. سعادة السفير، هل سيبحث الوزير في برلين ملف المساعدات الأوروبية للاجئين؟",
                "أحمد سالم (العربية)",
                false,
                true,
            ),
            (
                "نادر الخطيب - الشرق الأوسط: سؤالي لمعالي الوزير الراشد: ما موقف المملكة؟",
                "نادر الخطيب - الشرق الأوسط",
                false,
                true,
            ),
            (
                "سؤال (CNN): هل هناك اتصالات مع الإدارة الأمريكية الجديدة بشأن عملية السلام؟",
                "سؤال (CNN)",
                true,
                true,
            ),
            (
                "سؤال (وكالة نوفا): (بالإيطالية) Ministro Ferrari, l'Italia riprenderà le forniture di armi?",
                "سؤال (وكالة نوفا)",
                true,
                true,
            ),
        ] {
            assert!(may_open_label(line), "{line}");
            let c = candidate(line).unwrap().unwrap();
            assert_eq!(c.label, label);
            assert!(c.shape.caseless, "{line}");
            assert_eq!(
                (c.shape.role_word, c.shape.outlet_like),
                (role_word, outlet_like),
                "{line}"
            );
            assert_eq!(c.shape.strong(), role_word || outlet_like, "{line}");
        }
        // A name seen once is only a shape: the document must confirm it.
        let once = candidate("ماركو فيراري: وأضيف: نتوقع زيادة عدد السياح.")
            .unwrap()
            .unwrap();
        assert!(!once.shape.strong());
        // Sentences: too many words, a list opener, the Arabic comma.
        for line in [
            "عقدنا اليوم جلسة مباحثات مثمرة تناولت ثلاثة محاور:",
            "ثالثاً: تدين الوزارة بأشد العبارات الهجوم الذي استهدف ميناء الحديدة.",
            "سعادة السفير، هل: تلقت الوزارة دعوة؟",
            "ملاحظة: يمكن للمواطنين التسجيل عبر المنصة الإلكترونية للوزارة.",
        ] {
            assert!(candidate(line).is_err(), "{line}: {:?}", candidate(line));
        }
        // No colon, no label (and the prefilter says so on bytes).
        let prose = "عمّان، الأحد ١٤ مارس ٢٠٢١";
        assert!(!may_open_label(prose));
        assert_eq!(candidate(prose), Ok(None));
    }

    #[test]
    fn japanese_bracket_labels() {
        for (line, label, role_word) in [
            (
                "【上田外務大臣】本日、来日中のインドネシアのラフマン外務大臣と外相会談を行いました。",
                "上田外務大臣",
                false,
            ),
            ("【司会】それでは、質問のある方はどうぞ。", "司会", true),
            (
                "【NHK　佐藤記者】今日の外相会談についてお伺いします。",
                "NHK　佐藤記者",
                true,
            ),
            (
                "【記者】関連ですけれども、防衛装備品の移転についても議論されたのでしょうか。",
                "記者",
                true,
            ),
        ] {
            assert!(may_open_label(line), "{line}");
            let c = candidate(line).unwrap().unwrap();
            assert_eq!(
                (c.label.as_ref(), c.form, c.kind),
                (label, Form::Bracket, LabelKind::Inline)
            );
            assert_eq!(c.shape.strong(), role_word, "{line}");
        }
        // Heading words of the lexicon after a colon (ja-daijin-kaiken.txt,
        // ja-chokan-youshi.txt, zh-shizhengfu-fabuhui.txt).
        for line in [
            "注：訪問先の詳細は後日、報道発表いたします。",
            "ポイント：予報が出た段階で、ハザードマップや避難経路を確認していただきたい、ということです。",
            "责任编辑：王莉",
        ] {
            assert!(candidate(line).is_err(), "{line}: {:?}", candidate(line));
        }
        // Headings and page chrome in the same brackets.
        for line in [
            "【冒頭発言】",
            "【打印本页】【关闭窗口】",
            "【字体：大 中 小】打印",
        ] {
            assert_eq!(candidate(line), Ok(None), "{line}");
        }
    }

    #[test]
    fn print_interview_answer_marker() {
        assert_eq!(
            label("A. We will."),
            some("A", "We will.", LabelKind::AMarker)
        );
        assert_eq!(
            label("A: We will."),
            some("A", "We will.", LabelKind::Inline)
        );
        assert_eq!(
            label("A. Smith: Hello."),
            some("A. Smith", "Hello.", LabelKind::Inline)
        );
        assert_eq!(
            label("A MARTÍNEZ, HOST: And lawmakers"),
            some("A MARTÍNEZ, HOST", "And lawmakers", LabelKind::Inline)
        );
    }

    #[test]
    fn reporter_markers_with_the_asker_attached() {
        fn m(l: &str) -> Option<(Option<&str>, Option<&str>, Option<&str>)> {
            reporter_marker(l).map(|m| (m.name, m.outlet, m.description))
        }
        assert_eq!(m("QUESTION JUNG"), Some((Some("JUNG"), None, None)));
        assert_eq!(
            m("FOLLOW-UP QUESTION JUNG"),
            Some((Some("JUNG"), None, None))
        );
        assert_eq!(
            m("QUESTION DR. RINKE"),
            Some((Some("DR. RINKE"), None, None))
        );
        assert_eq!(
            m("QUESTION SIEBOLD (REUTERS)"),
            Some((Some("SIEBOLD"), Some("REUTERS"), None))
        );
        assert_eq!(
            m("Question (Alexander Gamov, Komsomolskaya Pravda)"),
            Some((Some("Alexander Gamov"), Some("Komsomolskaya Pravda"), None))
        );
        assert_eq!(
            m("Question from Laura Kuenssberg, BBC"),
            Some((Some("Laura Kuenssberg"), Some("BBC"), None))
        );
        assert_eq!(
            m("Question from Beth Rigby (Sky News)"),
            Some((Some("Beth Rigby"), Some("Sky News"), None))
        );
        assert_eq!(
            m("Question from Carol, a member of the public from Bradford"),
            Some((
                Some("Carol"),
                None,
                Some("a member of the public from Bradford")
            ))
        );
        assert_eq!(
            m("Question [Ukrinform]"),
            Some((None, Some("Ukrinform"), None))
        );
        assert_eq!(m("Q (Yonhap)"), Some((None, Some("Yonhap"), None)));
        assert_eq!(m("Follow-up question"), Some((None, None, None)));
        // Role words alone, headings and sentences are not markers with attachments.
        assert_eq!(m("Question"), None);
        assert_eq!(m("Q"), None);
        assert_eq!(m("Question Time"), None);
        assert_eq!(m("Questions"), None);
        assert_eq!(m("Quebec"), None);
        for line in [
            "QUESTION JUNG: Ms Demmer, when?",
            "Question (Alexander Gamov, Komsomolskaya Pravda): Where?",
            "Question from Laura Kuenssberg, BBC:",
            "Question [Ukrinform]: Will Ukraine receive jets?",
            "Q (Yonhap): A follow-up.",
            "FOLLOW-UP QUESTION JUNG: So no mistakes?",
            "Follow-up question: And then?",
        ] {
            let c = candidate(line).unwrap().unwrap();
            assert!(c.shape.role_word, "{line}");
            assert_ne!(c.kind, LabelKind::QMarker, "{line}");
        }
    }

    #[test]
    fn delivery_notes_are_not_names_or_outlets() {
        assert_eq!(
            split_notes("TAPPER (voice-over)"),
            ("TAPPER", vec!["(voice-over)"])
        );
        assert_eq!(
            split_notes("Question [Ukrinform] [Interpreted from Ukrainian]"),
            ("Question [Ukrinform]", vec!["[Interpreted from Ukrainian]"])
        );
        assert_eq!(
            split_notes("Question (ANSA) [interpretation]"),
            ("Question (ANSA)", vec!["[interpretation]"])
        );
        assert_eq!(
            split_notes("Jane Doe (Reuters)"),
            ("Jane Doe (Reuters)", vec![])
        );
        assert_eq!(
            split_notes("SEN. LINDSEY GRAHAM (R-SC)"),
            ("SEN. LINDSEY GRAHAM (R-SC)", vec![])
        );
        for l in [
            "TAPPER (voice-over)",
            "UNIDENTIFIED MALE (through translator)",
            "PUTIN (retranslated)",
            "TAPPER (on camera)",
            "Jane Roe (via video link)",
            "MINISTER YAMADA (as interpreted)",
        ] {
            let shape = name_shape(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            assert!(!shape.outlet_like, "{l}");
        }
    }

    #[test]
    fn brackets_and_from_inside_labels() {
        assert!(name_shape("Joint Secretary (Gulf), Shri Anurag Bhushan").is_ok());
        assert!(
            name_shape("Kallol Bhattacherjee from The Hindu")
                .unwrap()
                .outlet_like
        );
        assert!(!name_shape("Greetings from Beijing").unwrap().outlet_like);
        assert!(name_shape("Statement from the President").is_err());
        assert!(name_shape("Jane (Doe) Roe (Reuters)").is_err());
        assert!(name_shape("Jane Roe (Reuters").is_err());
    }
}

/// [`may_open_label`] never rules out a line [`candidate`] finds something
/// on: over the fixtures, the bundled transcript, lines made from them and
/// random lines.
#[cfg(test)]
mod prefilter_tests {
    use super::{candidate, may_open_label};
    use proptest::prelude::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    /// The implication, for one line: ruled out means `Ok(None)`.
    fn exact(line: &str) -> bool {
        may_open_label(line) || matches!(candidate(line), Ok(None))
    }

    fn assert_exact(line: &str, from: &str) {
        assert!(
            exact(line),
            "{from}: may_open_label rules out {line:?}, but candidate gives {:?}",
            candidate(line)
        );
    }

    /// Files of the given kinds under `dir`, recursively, sorted.
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                files(&p, out);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ["txt", "md", "vtt", "srt", "html", "htm"].contains(&x))
            {
                out.push(p);
            }
        }
    }

    /// The text the parser reads from a file: decoded, a web page stripped
    /// (as [`crate::check_bytes`] does).
    fn text_of(path: &Path) -> Option<String> {
        let bytes = std::fs::read(path).unwrap();
        let decoded = crate::source::decode(&bytes).ok()?;
        Some(if crate::html::looks_like_html(&decoded.text) {
            crate::html::strip(&decoded.text).text
        } else {
            decoded.text.into_owned()
        })
    }

    /// Every line as the label pass sees it (normalised), and every raw
    /// line as it stands in the text.
    fn lines_of(text: &str) -> impl Iterator<Item = String> {
        let normalised: Vec<String> = crate::parse::lines::split_for_test(text)
            .iter()
            .map(|l| l.text.to_string())
            .collect();
        normalised
            .into_iter()
            .chain(text.split('\n').map(str::to_string))
    }

    fn fixture_texts() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        files(&root.join("tests/fixtures"), &mut paths);
        files(&root.join("data"), &mut paths);
        assert!(paths.len() > 50, "fixtures not found");
        let mut texts: Vec<(String, String)> = paths
            .iter()
            .filter_map(|p| Some((p.display().to_string(), text_of(p)?)))
            .collect();
        texts.push(("<bundled>".into(), crate::BUNDLED_TEXT.into()));
        texts
    }

    /// Distinct normalised fixture lines that are not blank.
    fn fixture_lines() -> Vec<String> {
        let mut set = BTreeSet::new();
        for (_, text) in fixture_texts() {
            for l in crate::parse::lines::split_for_test(&text) {
                if !l.text.is_empty() {
                    set.insert(l.text.to_string());
                }
            }
        }
        set.into_iter().collect()
    }

    #[test]
    fn every_fixture_line() {
        let (mut lines, mut ruled_out, mut found) = (0, 0, 0);
        for (name, text) in fixture_texts() {
            for line in lines_of(&text) {
                assert_exact(&line, &name);
                lines += 1;
                ruled_out += usize::from(!may_open_label(&line));
                found += usize::from(!matches!(candidate(&line), Ok(None)));
            }
        }
        println!("{lines} fixture lines: {ruled_out} ruled out, {found} candidates or refusals");
        // The check has teeth: many lines are candidates, most are not.
        assert!(
            found > 1000 && ruled_out > lines / 2,
            "{lines} {ruled_out} {found}"
        );
    }

    /// The limits the prefilter reads, in characters of one to four bytes:
    /// lines just inside them are candidates or refusals, and pass.
    #[test]
    fn limits_in_characters_not_bytes() {
        let mut inside = 0;
        for letter in ["E", "É", "Ｅ", "𝐄"] {
            for n in 0..=100 {
                let word = letter.repeat(n);
                let spaced = format!("{} {}", letter.repeat(n / 2), letter.repeat(n - n / 2));
                let lines = [
                    format!("{word}."),
                    format!("{spaced}.  TEXT"),
                    format!("{word}: text"),
                    format!("{word}：text"),
                    format!("*{word}:* text"),
                    format!("***{word}:*** text"),
                    format!("Speaker 1{}0:04", " ".repeat(n + 1)),
                    format!("[00:00:31] {word}: text"),
                ];
                for line in &lines {
                    assert_exact(line, letter);
                    inside += usize::from(!matches!(candidate(line), Ok(None)));
                }
            }
        }
        // Lines at every length up to the limits were candidates.
        assert!(inside > 2000, "{inside}");
        assert!(
            candidate(&format!("{}.", "𝐄".repeat(60)))
                .unwrap()
                .is_some()
        );
        assert!(candidate(&format!("{}:", "𝐄".repeat(92))).is_err());
        assert!(candidate(&format!("***{}:*** x", "𝐄".repeat(92))).is_err());
        assert!(
            candidate(&format!("Speaker 1{}0:04", " ".repeat(100)))
                .unwrap()
                .is_some()
        );
    }

    /// A line with `what` put in at character `at`.
    fn insert(line: &str, at: usize, what: &str) -> String {
        let i = line.char_indices().nth(at).map_or(line.len(), |(i, _)| i);
        format!("{}{what}{}", &line[..i], &line[i..])
    }

    /// Lines made from `line`: cut short, opened with label-like text,
    /// with colons, stops and clocks put in around every limit the
    /// prefilter reads, in capitals, with non-ASCII letters.
    fn variants(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let chars = line.chars().count();
        for n in 0..=chars.min(100) {
            out.push(line.chars().take(n).collect());
        }
        const HEADS: &[&str] = &[
            "MR. ",
            "Q ",
            "Q: ",
            "Q",
            "Q.",
            "Q：",
            "A. ",
            "A.",
            "(00:01) ",
            "[12:30]",
            "(12:30",
            "**",
            "__",
            "***",
            "****",
            "*_",
            "<v ",
            "<v.loud ",
            "<v",
            "iPhone ",
            "iPhone: ",
            "iP",
            "É",
            "éÉ ",
            "ébc ",
            "ǅ",
            "发言人",
            "发言人：",
            "Mr. Powell. ",
            "THE PRESIDENT.  ",
            "Speaker 1  ",
            "1",
            "x",
            "(",
            "[",
            "[00:00:31] ",
            "(04:12)",
            "Q (Yonhap)",
            "’",
            "QUESTION ",
        ];
        for head in HEADS {
            out.push(format!("{head}{line}"));
        }
        const PUT: &[&str] = &[
            ":", "：", ".", ". ", ".  ", " 0:04", "):", "( ", "] ", "É", "//",
        ];
        let positions = (0..=14)
            .chain([20, 30, 40, 45])
            .chain(55..=66)
            .chain(76..=100)
            .chain([chars]);
        for at in positions.filter(|&at| at <= chars) {
            for what in PUT {
                out.push(insert(line, at, what));
            }
        }
        for tail in [" 0:04", " 12:30:15", " 1:2", ".", ".  x", ":", "：", " A:"] {
            out.push(format!("{line}{tail}"));
        }
        out.push(line.to_uppercase());
        let mut cs = line.chars();
        if let Some(c) = cs.next() {
            let rest = cs.as_str();
            out.push(format!("{}{rest}", c.to_uppercase()));
            out.push(format!("{}{rest}", c.to_lowercase()));
            out.push(format!("Émile{rest}"));
            out.push(format!("{c}Ü{rest}"));
        }
        out.push(line.replacen(' ', "\u{a0}", 3));
        out.push(line.replacen(' ', "  ", 2));
        out.push(line.replace(['a', 'e'], "é"));
        out.push(line.replace(['a', 'e'], "É"));
        out
    }

    #[test]
    fn lines_made_from_fixture_lines() {
        let lines = fixture_lines();
        let (mut made, mut ruled_out) = (0, 0);
        for line in &lines {
            for v in variants(line) {
                assert_exact(&v, line);
                made += 1;
                ruled_out += usize::from(!may_open_label(&v));
            }
        }
        println!("{made} lines made from fixture lines: {ruled_out} ruled out");
        assert!(
            made > 100_000 && ruled_out > made / 10,
            "{made} {ruled_out}"
        );
    }

    /// Characters that matter to labels, and plain ones.
    fn label_char() -> impl Strategy<Value = char> {
        prop_oneof![
            8 => prop::char::range('A', 'Z'),
            8 => prop::char::range('a', 'z'),
            6 => Just(' '),
            1 => prop::char::range('0', '9'),
            1 => prop::sample::select(vec![
                ':', '：', '.', '(', ')', '[', ']', '*', '_', '<', '>', '\'', '’', '&', '/', '-',
                ',', '"', '?', 'Q', 'A', 'v', 'É', 'é', 'ß', 'ǅ', '发', '言', '人', '\u{a0}', '\t',
            ]),
        ]
    }

    /// What a label in capitals closed by a full stop may hold, and a
    /// little more.
    fn caps_char() -> impl Strategy<Value = char> {
        prop_oneof![
            8 => prop::char::range('A', 'Z'),
            4 => Just(' '),
            1 => prop::sample::select(vec![
                '.', '-', '\'', '’', '(', ')', '&', '/', '1', 'É', 'Ü', 'Ж', 'ǅ', 'é', '发', ':',
                'a',
            ]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn random_lines(s in prop::collection::vec(label_char(), 0..130)) {
            let line: String = s.into_iter().collect();
            prop_assert!(exact(&line), "{:?}: {:?}", line, candidate(&line));
            prop_assert!(exact(line.trim()), "{:?}: {:?}", line.trim(), candidate(line.trim()));
        }

        #[test]
        fn random_lines_in_capitals(s in prop::collection::vec(caps_char(), 0..100)) {
            let line: String = s.into_iter().collect();
            prop_assert!(exact(&line), "{:?}: {:?}", line, candidate(&line));
        }

        #[test]
        fn random_edits_of_fixture_lines(
            pick in any::<prop::sample::Index>(),
            at in 0usize..110,
            what in prop::collection::vec(label_char(), 0..6),
            cut in 0usize..140,
        ) {
            thread_local!(static LINES: Vec<String> = fixture_lines());
            let line = LINES.with(|l| pick.get(l).clone());
            let what: String = what.into_iter().collect();
            let edited = insert(&line, at, &what);
            let cut: String = edited.chars().take(cut.max(1)).collect();
            for l in [&edited, &cut] {
                prop_assert!(exact(l), "{:?}: {:?}", l, candidate(l));
            }
        }
    }

    /// The prefilter over a corpus, by hand (it is not in the repository):
    /// `WHOSAID_PREFILTER_CORPUS=../shared/data/whitehouse-press-briefings
    /// cargo test --release -- --ignored --nocapture prefilter_corpus`.
    #[test]
    #[ignore]
    fn prefilter_corpus() {
        let dir = std::env::var("WHOSAID_PREFILTER_CORPUS")
            .unwrap_or_else(|_| "../shared/data/whitehouse-press-briefings".into());
        let mut paths = Vec::new();
        files(Path::new(&dir), &mut paths);
        let (mut lines, mut ruled_out, mut found) = (0usize, 0usize, 0usize);
        for p in &paths {
            let Some(text) = text_of(p) else { continue };
            for l in crate::parse::lines::split_for_test(&text) {
                if l.text.is_empty() || l.markup {
                    continue;
                }
                assert_exact(l.text, &p.display().to_string());
                lines += 1;
                ruled_out += usize::from(!may_open_label(l.text));
                found += usize::from(!matches!(candidate(l.text), Ok(None)));
            }
        }
        println!(
            "{} files, {lines} lines (not blank, not markup): {ruled_out} ruled out ({:.1}%), {} let through, of which {found} candidates or refusals",
            paths.len(),
            100.0 * ruled_out as f64 / lines.max(1) as f64,
            lines - ruled_out,
        );
        assert!(!paths.is_empty(), "no files under {dir}");
    }
}
