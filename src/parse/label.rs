//! What makes a line a speaker label.
//!
//! This module looks at one normalised line and says whether it opens with
//! something shaped like a speaker label (`Xiao Yaqing:`, `MS. PSAKI:`,
//! `Q`, `Jane Doe (Reuters):`, `发言人：`), and if not, why not. It judges
//! shape only: whether a candidate is accepted depends on its place in the
//! document, which the parser decides. It never resolves names or roles.

use super::lexicon;

/// How the label sits on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// `Name:` alone on its line, text below (an optional timestamp may follow).
    Alone,
    /// `Name: text` on the same line.
    Inline,
    /// The reporter marker `Q` followed by spaces, a colon or a period.
    QMarker,
}

/// A line that opens with something shaped like a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The label as printed, trimmed, without colon or timestamp.
    pub label: &'a str,
    /// Text after the label on the same line (may be empty).
    pub rest: &'a str,
    pub kind: LabelKind,
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
    /// A role word alone (`Moderator`, `Reporter`, `Interpreter`, `Q`).
    pub role_word: bool,
    /// Carries an outlet: `Name (Outlet)`, `Outlet, Name`, or looks like one.
    pub outlet_like: bool,
    /// Name words (honorifics and connectors not counted).
    pub words: usize,
    /// Written in CJK script.
    pub cjk: bool,
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
    pub label: &'a str,
    pub reason: &'static str,
}

/// Longest label, in characters, that still reads as a name.
const MAX_LABEL_CHARS: usize = 80;
/// Most name words a label may have (`Deputy Prime Minister Jane Roe`).
const MAX_LABEL_WORDS: usize = 9;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

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
        if chars > MAX_LABEL_CHARS + 12 {
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
                return Some((i, i + c.len_utf8()));
            }
            _ => {}
        }
    }
    None
}

/// Does the line open with a speaker label? `Ok(None)` when it plainly does
/// not (no colon near the start, lower-case start); `Err` when it opens like
/// one but the words do not read as a name.
pub fn candidate(text: &str) -> Result<Option<Candidate<'_>>, Refusal<'_>> {
    let first = match text.chars().next() {
        Some(c) => c,
        None => return Ok(None),
    };
    if first == 'Q' {
        if let Some(rest) = q_marker(text) {
            return Ok(Some(Candidate {
                label: "Q",
                rest,
                kind: LabelKind::QMarker,
                timestamp: None,
                shape: Shape {
                    all_caps: true,
                    role_word: true,
                    words: 1,
                    ..Shape::default()
                },
            }));
        }
    }
    if !(first.is_uppercase() || is_cjk(first) || first.is_ascii_digit()) {
        return Ok(None);
    }
    let Some((colon, after_colon)) = label_colon(text) else {
        return Ok(None);
    };
    let mut label = text[..colon].trim();
    let mut rest = text[after_colon..].trim_start();
    let mut timestamp = None;
    if let Some((before, ts)) = trailing_timestamp(label) {
        label = before;
        timestamp = Some(ts);
    }
    if let Some((ts, after)) = leading_timestamp(rest) {
        timestamp = Some(ts);
        rest = after;
    }
    if label.is_empty() {
        return Ok(None);
    }
    let shape = name_shape(label).map_err(|reason| Refusal { label, reason })?;
    let kind = if rest.is_empty() {
        LabelKind::Alone
    } else {
        LabelKind::Inline
    };
    Ok(Some(Candidate {
        label,
        rest,
        kind,
        timestamp,
        shape,
    }))
}

/// Split `Main (Paren)` into its parts.
pub fn split_paren(label: &str) -> (&str, Option<&str>) {
    if let Some(body) = label.strip_suffix(')') {
        if let Some(open) = body.rfind('(') {
            let main = body[..open].trim();
            let inner = body[open + 1..].trim();
            if !main.is_empty() && !inner.is_empty() {
                return (main, Some(inner));
            }
        }
    }
    (label, None)
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
    if !(c.is_uppercase() || c.is_ascii_digit() || c == '#' || c == '\'' || c == '‘') {
        return Err("a word in it is not capitalised, so it reads as a sentence");
    }
    let allowed =
        |ch: char| ch.is_alphanumeric() || matches!(ch, '.' | '\'' | '’' | '-' | '&' | '‘');
    if !word.chars().all(allowed) {
        return Err("it holds punctuation that names do not");
    }
    Ok(())
}

/// Judge whether `label` (without colon) reads as a speaker's name, title,
/// outlet or role. Returns its shape, or why it does not.
pub fn name_shape(label: &str) -> Result<Shape, &'static str> {
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err("too long for a speaker label");
    }
    if label.contains([
        '?', '!', ';', '"', '“', '”', '…', '/', '=', '*', '_', '<', '>', '|',
    ]) {
        return Err("it holds sentence punctuation");
    }
    let cjk = label.chars().any(is_cjk);
    if cjk {
        let n = label.chars().filter(|c| !c.is_whitespace()).count();
        if n > 16 || label.contains(['，', '。', '、', '？', '！']) {
            return Err("too long for a speaker label");
        }
        return Ok(Shape {
            cjk: true,
            words: 1,
            role_word: lexicon::is_role_word(label),
            ..Shape::default()
        });
    }
    let (main, paren) = split_paren(label);
    if main.contains(['(', ')']) || paren.is_some_and(|p| p.contains(['(', ')'])) {
        return Err("it holds unbalanced brackets");
    }
    let parts: Vec<&str> = main.split(',').map(str::trim).collect();
    if parts.len() > 2 || parts.iter().any(|p| p.is_empty()) {
        return Err("it holds more commas than a name does");
    }
    let mut words = 0;
    for part in parts.iter().copied().chain(paren) {
        let tokens: Vec<&str> = part.split_whitespace().collect();
        for (i, t) in tokens.iter().enumerate() {
            word_ok(t, i == 0, i + 1 == tokens.len())?;
            if !lexicon::is_connector(t) {
                words += 1;
            }
        }
    }
    if words == 0 {
        return Err("it holds no name");
    }
    if words > MAX_LABEL_WORDS {
        return Err("too many words for a speaker label");
    }
    let first_word = main.split_whitespace().next().unwrap_or("");
    if lexicon::is_sentence_opener(first_word) && !lexicon::is_role_word(main) {
        return Err("it opens like a sentence or a heading, not a name");
    }
    if lexicon::is_heading_word(main) {
        return Err("it is a heading word, not a name");
    }
    // A word made of digits alone is a number or a year, not a name,
    // except as the ordinal of an anonymous speaker (`Speaker 2`).
    let tokens: Vec<&str> = main.split_whitespace().collect();
    if tokens.len() == 1 && tokens[0].chars().any(|c| c.is_ascii_digit()) {
        return Err("a number is not a name");
    }
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let role_word = lexicon::is_role_word(main);
    let titled = lexicon::title_prefix_len(main) > 0;
    let outlet_like = paren.is_some_and(|p| !lexicon::is_stage_direction_words(p))
        || parts.len() == 2 && (lexicon::is_outlet(parts[0]) || lexicon::is_outlet(parts[1]))
        || lexicon::is_outlet(main);
    Ok(Shape {
        all_caps,
        titled,
        role_word,
        outlet_like,
        words,
        cjk: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<(&str, &str, LabelKind)> {
        candidate(text)
            .ok()
            .flatten()
            .map(|c| (c.label, c.rest, c.kind))
    }

    #[test]
    fn label_alone_with_colon() {
        assert_eq!(
            label("Xiao Yaqing:"),
            Some(("Xiao Yaqing", "", LabelKind::Alone))
        );
        assert_eq!(
            label("Thecover.cn:"),
            Some(("Thecover.cn", "", LabelKind::Alone))
        );
        assert_eq!(
            label("Ta Kung Pao:"),
            Some(("Ta Kung Pao", "", LabelKind::Alone))
        );
    }

    #[test]
    fn inline_and_uppercase_labels() {
        assert_eq!(
            label("MS. PSAKI:  Okay."),
            Some(("MS. PSAKI", "Okay.", LabelKind::Inline))
        );
        assert_eq!(
            label("MR SMITH: Yes."),
            Some(("MR SMITH", "Yes.", LabelKind::Inline))
        );
        assert_eq!(
            label("Mr. Taro Yamada, Minister for Foreign Affairs: Thank you."),
            Some((
                "Mr. Taro Yamada, Minister for Foreign Affairs",
                "Thank you.",
                LabelKind::Inline
            ))
        );
        assert_eq!(
            label("发言人：今天"),
            Some(("发言人", "今天", LabelKind::Inline))
        );
    }

    #[test]
    fn q_marker_forms() {
        assert_eq!(
            label("Q    Thank you."),
            Some(("Q", "Thank you.", LabelKind::QMarker))
        );
        assert_eq!(
            label("Q: Thanks."),
            Some(("Q", "Thanks.", LabelKind::QMarker))
        );
        assert_eq!(label("Qatar is a country."), None);
        assert_eq!(
            label("QUESTION: What?"),
            Some(("QUESTION", "What?", LabelKind::Inline))
        );
    }

    #[test]
    fn timestamps_are_split_from_labels() {
        let c = candidate("Jane Roe: (04:12)").unwrap().unwrap();
        assert_eq!(
            (c.label, c.rest, c.timestamp),
            ("Jane Roe", "", Some("04:12"))
        );
        let c = candidate("Speaker 2 (00:05:01): Hello").unwrap().unwrap();
        assert_eq!(
            (c.label, c.rest, c.timestamp),
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
}
