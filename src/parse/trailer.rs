//! The trailer: what closes a transcript after the last turn's words.
//!
//! [`classify`] says whether one line may close a transcript and of which
//! kind; [`find`] walks the lines after the last label to decide where the
//! last turn ends. Two rules make a trailer:
//!
//! - **After an end mark, nothing is speech.** From the first strong end
//!   mark after the last label (`END`, `ENDS`, `###`, `-30-`,
//!   `(Concluded)`, `(The briefing was concluded at 2:47 p.m.)`, a
//!   copyright line) to the end of the text, every line is trailer; lines
//!   no rule knows are kept as `trailer` notes, a paragraph each.
//! - **Walking back**, closing lines (credits, closing times, a place and
//!   date sign-off, publication details, disclaimers, rules, broadcast cues
//!   such as `(END VIDEOTAPE)`) are trailer until the first line that is
//!   none of these: that line is the speaker's (`Thanks very much,
//!   everyone.`), and so is everything above it.

use super::dates::{find_date, is_date_or_time_line};
use super::lines::Line;
use super::text::{
    bracketed, ends_sentence, is_disclaimer, is_signoff_name, line_direction_kind, plain,
};
use crate::model::{EventKind, NoteKind};
use regex::Regex;
use std::sync::LazyLock;

/// Where a trailer line goes in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrailerKind {
    /// Translators' and editors' credits, photo captions, copyright and
    /// contact lines: `credits`.
    Credit,
    /// `END`, `###`, `-30-`, `(Concluded)`, `The briefing was concluded at
    /// ...`: a note of kind `end`.
    End,
    /// A closing clock time or date: a note of kind `timestamp`.
    Timestamp,
    /// `Published 12 October 2020`, `Publication date: ...`, `Direct link:
    /// http...`, a document number (`DPB # 45`): a note of kind
    /// `publication`.
    Publication,
    /// The place or issuer above a closing date (`New Delhi` over `March
    /// 09, 2023`): a note of kind `dateline`.
    Dateline,
    /// Boilerplate about the document itself (`This email and any
    /// attachments are confidential.`, `NPR transcripts are created on a
    /// rush deadline ...`): a note of kind `disclaimer`.
    Disclaimer,
    /// A broadcast cue after the last words (`(END VIDEOTAPE)`,
    /// `(SOUNDBITE OF MUSIC)`, `(COMMERCIAL BREAK)`): a note of kind
    /// `direction`.
    Direction,
    /// A rule or separator (`---`, `* * *`, `. . . . .`): a note of kind
    /// `markup`.
    Rule,
    /// Any other paragraph after an end mark: a note of kind `trailer`.
    Other,
}

impl TrailerKind {
    /// The note kind, or `None` for a credit.
    pub fn note_kind(self) -> Option<NoteKind> {
        Some(match self {
            TrailerKind::Credit => return None,
            TrailerKind::End => NoteKind::End,
            TrailerKind::Timestamp => NoteKind::Timestamp,
            TrailerKind::Publication => NoteKind::Publication,
            TrailerKind::Dateline => NoteKind::Dateline,
            TrailerKind::Disclaimer => NoteKind::Disclaimer,
            TrailerKind::Direction => NoteKind::Direction,
            TrailerKind::Rule => NoteKind::Markup,
            TrailerKind::Other => NoteKind::Trailer,
        })
    }
}

/// One trailer item: a line, or a paragraph for disclaimers and unknown
/// text after an end mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: TrailerKind,
    pub text: String,
    pub line: usize,
    pub end_line: usize,
}

// The patterns read one short line each, in ASCII words: `regex_lite`
// compiles them in microseconds where the full engine takes about half a
// millisecond each, a tenth of a query on one transcript. (`YEAR` keeps
// the full engine for its Unicode word boundaries: `2021年` holds no year.)

/// `The press conference was concluded at 4:05 p.m.`, `The briefing
/// ended.`: the event, a closing verb, then at most a time or date.
static CLOSING: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(
        r"(?ix)^(?:the\s+)?(?:[a-z-]+\s+){0,3}
            (?:press\s+conference|conference|briefing|meeting|hearing|session|call|interview|event|programme|program|broadcast|transcript|doorstop|gaggle|media\s+availability)
            \s+(?:was\s+|is\s+|has\s+been\s+|had\s+been\s+)?(?:concluded|adjourned|ended|closed|over|ends|concludes|closes)
            (?P<rest>.*)$",
    )
    .expect("closing pattern")
});

/// A closing note's sentence (without its brackets): `The briefing was
/// concluded at 2:47 p.m.`, `Concluded`, `Whereupon, at 1:07 p.m., the
/// hearing was adjourned.`, `End of transcript`.
fn is_closing_sentence(s: &str) -> bool {
    let s = s.trim();
    let lower = s.trim_end_matches('.').trim().to_lowercase();
    if [
        "concluded",
        "adjourned",
        "ends",
        "closed",
        "end of transcript",
        "transcript ends",
    ]
    .contains(&lower.as_str())
        || lower.starts_with("whereupon,")
        || lower.starts_with("end of the ")
            && [
                "briefing",
                "press conference",
                "transcript",
                "programme",
                "program",
            ]
            .iter()
            .any(|w| lower.ends_with(w))
    {
        return true;
    }
    CLOSING.captures(s).is_some_and(|c| {
        let rest = c["rest"].trim();
        let rest = ["at ", "on "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        rest.trim_end_matches('.').is_empty() || is_date_or_time_line(rest)
    })
}

/// A document number on a line of its own: `DPB # 45`, `Release No.
/// 112/2024`, `No. 123`.
static DOC_NUMBER: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(
        r"^(?:[A-Z][A-Za-z]{1,15}\s*)?(?:#|No\.|No|Nr\.?|Ref\.?)\s*:?\s*\d[\d/.-]*$",
    )
    .expect("document number pattern")
});

/// A time zone alone on a line finishes a closing time broken over two
/// lines (`END    12:34 P.M.` / `EST`).
const TIME_ZONES: &[&str] = &[
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "GMT", "UTC",
    "BST", "CET", "CEST", "EET", "EEST", "JST", "KST", "IST", "AEST", "AEDT", "ICT", "PHT", "SGT",
    "AST", "ET", "PT", "CT",
];

/// Is this line a web address alone (`https://...`, `<https://...>`)?
fn is_bare_url(t: &str) -> bool {
    let lower = t.to_lowercase();
    t.split_whitespace().count() == 1
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("<http"))
}

/// A line of only rule characters: `---`, `***`, `* * *`, `. . . . .`.
fn is_rule(t: &str) -> bool {
    let marks: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && marks
            .iter()
            .all(|c| matches!(c, '-' | '*' | '_' | '.' | '=' | '~' | '•' | '—' | '–'))
        && marks.iter().all(|c| *c == marks[0])
}

/// A strong end mark: after it, nothing is speech.
fn is_end_mark(text: &str, kind: Option<TrailerKind>) -> bool {
    match kind {
        Some(TrailerKind::End) => true,
        Some(TrailerKind::Credit) => {
            let l = plain(text).to_lowercase();
            l.starts_with('©')
                || l.starts_with("copyright ©")
                || l.starts_with("copyright (c)")
                || l.strip_prefix("copyright ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        }
        _ => false,
    }
}

/// `END`, `ENDS`, `###`, `-30-`, `END 2:07 P.M. EST`: a mark that ends a
/// transcript wherever it stands.
fn is_end_word(t: &str) -> bool {
    let lower = t.to_lowercase();
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let end_words = [
        "end",
        "ends",
        "###",
        "-30-",
        "# # #",
        "—end—",
        "-end-",
        "(end)",
        "[end]",
        "(ends)",
        "- end -",
        "— end —",
        "- ends -",
        "end of transcript",
        "(end of transcript)",
        "[end of transcript]",
        "（完）",
        "(完)",
        // Chinese government releases; the teleprinter's end of message.
        "完",
        "nnnn",
    ];
    // `end` in lower case is a wrapped sentence's last word, not a mark.
    end_words.contains(&lower.as_str()) && !t.starts_with(char::is_lowercase)
        // `END    2:07 P.M. EST`
        || first_word == "end" && t.starts_with("END") && is_date_or_time_line(t[3..].trim())
}

/// `Translated and edited by`, `Transcribed by`, `Photo by`: the words
/// that open a by-line, any number of them joined by `and`, `&` or commas.
static BY_LINE: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(
        r"(?ix)^[(\[]?
            (?:(?:translated|translation|edited|editing|transcribed|transcript|transcription|compiled|proofread|reviewed|produced|reporting|photo|photos|photograph|photographs|photography|video|text)
               (?:\s*,\s*|\s+and\s+|\s*&\s*|\s+))+
            by\s+(?P<who>.+)$",
    )
    .expect("by-line pattern")
});

/// `Translator: ...`, `Photo: Xinhua`, `Media contact: ...`: a credit's
/// field name and its colon.
static CREDIT_FIELD: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(
        r"(?ix)^[(\[]?
            (?:translators?|translation|interpreters?|editors?|source|video|photos?|photographs?|photo\s+credit|credits?|related|contact|press\s+office|press\s+contacts?|media\s+contacts?|media\s+enquiries|media\s+inquiries|transcript\s+by|transcription\s+by|reporting\s+by)
            \s*[:：]",
    )
    .expect("credit field pattern")
});

/// A year a notice may carry (`2024`, `1998-2024`).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("year pattern"));

/// Names after `by` in a by-line, up to the end of its sentence:
/// capitalised words, initials, web and mail addresses, joined by commas,
/// `and`, `&` (`Zhang Jiaqi, Fan Junmei and Wang Yan.`, `https://otter.ai`),
/// not a clause (`by our lawyers, the text is sound`). A sentence after the
/// names (`In case of any discrepancy, ...`) belongs to the credit.
fn names_only(who: &str) -> bool {
    let mut names: Vec<&str> = Vec::new();
    for w in who.split_whitespace() {
        names.push(w);
        // `Tom Arnstein.` ends the list; `J.` and `Co.` do not.
        if w.ends_with('.') && w.trim_end_matches('.').chars().count() > 3 {
            break;
        }
    }
    !names.is_empty()
        && names.len() <= 60
        && names.iter().all(|w| {
            let w = w.trim_matches([',', ';', '(', ')', '[', ']']);
            w.is_empty()
                || matches!(w, "and" | "&" | "of" | "the" | "de" | "van" | "von")
                || w.contains("://")
                || w.contains('@')
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// A copyright notice by its own content: `©`, `Copyright ©`, `(c)`, or
/// `Copyright` with a year (`Copyright 2024 Reuters`), `All rights
/// reserved`, or only a holder's name after it (`Copyright The Guardian`);
/// never `Copyright reform comes after years of lobbying ...`.
pub fn is_copyright_notice(text: &str) -> bool {
    let t = plain(text);
    let lower = t.to_lowercase();
    if lower.starts_with('©') || lower.starts_with("(c) ") {
        return true;
    }
    let Some(rest) = lower
        .strip_prefix("copyright")
        .filter(|r| r.starts_with([' ', ':', '©']))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', ':']);
    let holder = &t[t.len() - rest.len()..];
    rest.starts_with('©')
        || rest.starts_with("(c)")
        || YEAR.is_match(rest) && rest.split_whitespace().count() <= 30
        || lower.contains("all rights reserved")
        || holder.split_whitespace().count() <= 6 && names_only(holder)
}

/// A credit by its own content, never by its first word alone: a
/// copyright notice, a by-line naming people or an address (`Translated
/// and edited by ...`, `Transcribed by https://otter.ai`), a credit field
/// with its colon (`Photo: Xinhua`, `Media contact: ...`), a gallery
/// caption (`/4 Shou Xiaoli`) or a language link (`Read in Chinese`).
fn is_credit(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let lower = t.to_lowercase();
    // `/4 Shou Xiaoli`: a caption from a photo gallery.
    if t.starts_with('/') && t[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if is_copyright_notice(t) {
        return true;
    }
    if BY_LINE
        .captures(t)
        .is_some_and(|c| names_only(&c["who"]) && words <= 200)
    {
        return true;
    }
    if CREDIT_FIELD.is_match(t) && words <= 40 {
        return true;
    }
    let media = ["media contact", "media contacts", "press contact"];
    if media.contains(&lower.trim_end_matches(['.', ':'])) {
        return true;
    }
    words <= 4
        && lower
            .strip_prefix("read in ")
            .is_some_and(|r| r.starts_with(char::is_alphabetic))
}

/// Classify a line that may close a transcript, on its own (no context).
pub fn classify(text: &str) -> Option<TrailerKind> {
    let t = plain(text);
    let t = t.as_str();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    if is_end_word(t) {
        return Some(TrailerKind::End);
    }
    if is_rule(t) {
        return Some(TrailerKind::Rule);
    }
    let words = t.split_whitespace().count();
    // `(Concluded)`, `(The briefing was concluded at 2:47 p.m.)`,
    // `[Whereupon, at 1:07 p.m., the hearing was adjourned.]`,
    // `（记者会结束）`, and the same sentences without brackets.
    let inner = bracketed(t);
    let sentence = inner.unwrap_or(t).trim();
    if words <= 20 && (is_closing_sentence(sentence) || inner.is_some_and(|i| i.contains("结束")))
    {
        return Some(TrailerKind::End);
    }
    if inner.is_some() {
        return match line_direction_kind(t) {
            Some(EventKind::Video | EventKind::Break | EventKind::Sound) => {
                Some(TrailerKind::Direction)
            }
            Some(EventKind::Timestamp) => Some(TrailerKind::Timestamp),
            _ => None,
        };
    }
    if words <= 6 && is_date_or_time_line(t) || TIME_ZONES.contains(&t) {
        return Some(TrailerKind::Timestamp);
    }
    // Where and when the text was published, and its address.
    let published = [
        "published",
        "first published",
        "last updated",
        "updated",
        "posted",
    ]
    .iter()
    .any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|r| r.starts_with([' ', ':']) && find_date(r).is_some())
    });
    let publication_openers = [
        "publication status",
        "publication date",
        "published in",
        "direct link",
        "permalink",
        "permanent link",
        "link:",
        "url:",
        "source url",
    ];
    let bare_url = is_bare_url(t);
    if published
        || bare_url
        || (words <= 40 && publication_openers.iter().any(|o| lower.starts_with(o)))
        || (words <= 4 && DOC_NUMBER.is_match(t))
    {
        return Some(TrailerKind::Publication);
    }
    if is_credit(t) {
        return Some(TrailerKind::Credit);
    }
    is_disclaimer(t).then_some(TrailerKind::Disclaimer)
}

/// The release date printed after the last turn (`2023年10月10日（星期二）`
/// under a Hong Kong government transcript), for a header without one:
/// only a date written without doubt.
pub fn release_date(notes: &[crate::model::Note]) -> Option<String> {
    notes
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NoteKind::Timestamp | NoteKind::Publication | NoteKind::Dateline
            )
        })
        .find_map(|n| match find_date(&n.text)?.0 {
            super::dates::Written::Iso(iso) => Some(iso),
            super::dates::Written::Numeric { .. } => None,
        })
}

/// Split the lines after the last label (`lines[start..]`, where `start`
/// is the line after the label) into the last turn's body and the
/// trailer. Returns the index where the trailer begins (`lines.len()` when
/// there is none) and its items in line order.
pub fn find(lines: &[Line<'_>], start: usize) -> (usize, Vec<Item>) {
    let scan = Scan { lines, start };
    let mut items: Vec<Item> = Vec::new();
    // Rule 1: from the first strong end mark on, everything is trailer.
    let end = match scan.first_end_mark() {
        Some(mark) => {
            scan.after_end_mark(mark, &mut items);
            mark
        }
        None => lines.len(),
    };
    // Rule 2: walk back over closing lines.
    let end = scan.walk_back(end, &mut items);
    items.sort_by_key(|it| it.line);
    (end, items)
}

/// The lines after the last label that [`find`] reads, in passes.
struct Scan<'s, 'a> {
    lines: &'s [Line<'a>],
    /// The line after the last label: the trailer begins at or after it.
    start: usize,
}

impl Scan<'_, '_> {
    /// Line `i` has text (is neither blank nor markup).
    fn content(&self, i: usize) -> bool {
        !self.lines[i].is_blank() && !self.lines[i].markup
    }

    /// [`classify`] line `i`, except that a closing sentence (`The call
    /// ended.`) must not be the tail of a hard-wrapped sentence (`... until
    /// this call` / `concludes.`): it starts a paragraph, or follows a
    /// sentence's end or another closing line.
    fn classify(&self, i: usize) -> Option<TrailerKind> {
        let kind = classify(self.lines[i].text);
        if kind == Some(TrailerKind::End) && i > 0 && self.content(i - 1) {
            let above = &self.lines[i - 1].text;
            if !ends_sentence(above) && classify(above).is_none() {
                return None;
            }
        }
        kind
    }

    /// What line `i` is as a closing line on its own: a trailer kind, or a
    /// place or issuer above a closing date.
    fn closing_kind(&self, i: usize) -> Option<TrailerKind> {
        self.classify(i).or_else(|| dateline_at(self.lines, i))
    }

    /// Line `i` alone as an item of `kind`.
    fn one(&self, kind: TrailerKind, i: usize) -> Item {
        let line = &self.lines[i];
        Item {
            kind,
            text: line.text.to_string(),
            line: line.no,
            end_line: line.no,
        }
    }

    /// Lines `from..to` joined by spaces as one item of `kind`.
    fn joined(&self, kind: TrailerKind, from: usize, to: usize) -> Item {
        let text: Vec<&str> = self.lines[from..to].iter().map(|l| l.text).collect();
        Item {
            kind,
            text: text.join(" "),
            line: self.lines[from].no,
            end_line: self.lines[to - 1].no,
        }
    }

    /// The first strong end mark at or after `start`, if any.
    fn first_end_mark(&self) -> Option<usize> {
        (self.start..self.lines.len())
            .find(|&i| self.content(i) && is_end_mark(self.lines[i].text, self.classify(i)))
    }

    /// Rule 1: every line from the end mark `mark` on is trailer, a line
    /// each for lines a rule places, a paragraph each for the rest.
    fn after_end_mark(&self, mark: usize, items: &mut Vec<Item>) {
        let mut i = mark;
        while i < self.lines.len() {
            if !self.content(i) {
                i += 1;
                continue;
            }
            if let Some(kind) = self
                .closing_kind(i)
                .filter(|k| *k != TrailerKind::Disclaimer)
            {
                items.push(self.one(kind, i));
                i += 1;
                continue;
            }
            let (next, item) = self.paragraph_after_end_mark(i);
            items.push(item);
            i = next;
        }
    }

    /// A paragraph from line `from` that no rule places, or a disclaimer
    /// wrapped over lines: one note. Returns the line after it and the
    /// note.
    fn paragraph_after_end_mark(&self, from: usize) -> (usize, Item) {
        let mut i = from;
        while i < self.lines.len()
            && self.content(i)
            && matches!(self.classify(i), None | Some(TrailerKind::Disclaimer))
            && (i == from || dateline_at(self.lines, i).is_none())
        {
            i += 1;
        }
        let mut item = self.joined(TrailerKind::Other, from, i);
        if is_disclaimer(&item.text) {
            item.kind = TrailerKind::Disclaimer;
        }
        (i, item)
    }

    /// Rule 2: walk back from `end` over closing lines, up to the first
    /// line that is none (the speaker's). Returns where the trailer begins.
    fn walk_back(&self, mut end: usize, items: &mut Vec<Item>) -> usize {
        let mut i = end;
        while i > self.start {
            if !self.content(i - 1) {
                i -= 1;
                continue;
            }
            let (from, item) = match self.closing_kind(i - 1) {
                None | Some(TrailerKind::Disclaimer) => match self.wrapped_disclaimer(i) {
                    Some(found) => found,
                    None => break,
                },
                Some(kind) => self
                    .pointer_and_address(kind, i)
                    .unwrap_or_else(|| (i - 1, self.one(kind, i - 1))),
            };
            items.push(item);
            i = from;
            end = i;
        }
        end
    }

    /// A disclaimer hard-wrapped over lines ending at line `i - 1`: up
    /// while the line above runs on (does not end a sentence) and is no
    /// other closing line. Returns its first line and the note, or `None`
    /// when the lines are no disclaimer.
    fn wrapped_disclaimer(&self, i: usize) -> Option<(usize, Item)> {
        let mut from = i - 1;
        while from > self.start
            && self.content(from - 1)
            && !ends_sentence(self.lines[from - 1].text)
            && matches!(
                self.classify(from - 1),
                None | Some(TrailerKind::Disclaimer)
            )
        {
            from -= 1;
        }
        let item = self.joined(TrailerKind::Disclaimer, from, i);
        is_disclaimer(&item.text).then_some((from, item))
    }

    /// `To view the slides, visit` / `<https://...>`: a bare address at
    /// line `i - 1` (of kind `kind`) and the pointer to it above, up to
    /// three lines and 30 words, are one publication note. Returns its
    /// first line and the note.
    fn pointer_and_address(&self, kind: TrailerKind, i: usize) -> Option<(usize, Item)> {
        if kind != TrailerKind::Publication || !is_bare_url(&plain(self.lines[i - 1].text)) {
            return None;
        }
        let mut from = i - 1;
        while from > self.start && self.content(from - 1) && i - from < 3 {
            from -= 1;
        }
        let item = self.joined(TrailerKind::Publication, from, i);
        (from < i - 1 && item.text.split_whitespace().count() <= 30).then_some((from, item))
    }
}

/// Line `i` names a place or issuer in a sign-off: short, capitalised,
/// and directly above a closing date (or above another such line).
fn dateline_at(lines: &[Line<'_>], i: usize) -> Option<TrailerKind> {
    let mut j = i;
    while is_signoff_name(&plain(lines[j].text)) {
        j += 1;
        if j >= lines.len() || lines[j].is_blank() || j - i > 3 {
            return None;
        }
        if classify(lines[j].text) == Some(TrailerKind::Timestamp) {
            return (find_date(lines[j].text).is_some()).then_some(TrailerKind::Dateline);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_for_test as split;

    #[test]
    fn trailer_lines() {
        assert_eq!(
            classify("Translated and edited by Zhang Jiaqi, Fan Junmei."),
            Some(TrailerKind::Credit)
        );
        assert_eq!(classify("/4    Shou Xiaoli"), Some(TrailerKind::Credit));
        assert_eq!(classify("END"), Some(TrailerKind::End));
        assert_eq!(
            classify("END                2:07 P.M. EST"),
            Some(TrailerKind::End)
        );
        assert_eq!(classify("1:16 P.M. EST"), Some(TrailerKind::Timestamp));
        assert_eq!(classify("Thank you, everyone."), None);
        assert_eq!(classify("Endless questions remain."), None);
    }

    #[test]
    fn closing_lines_of_many_publishers() {
        use TrailerKind::*;
        for (line, kind) in [
            ("(The briefing was concluded at 2:47 p.m.)", End),
            ("(Concluded)", End),
            ("[Whereupon, at 1:07 p.m., the hearing was adjourned.]", End),
            ("The press conference was concluded at 4:05 p.m.", End),
            ("ENDS", End),
            ("\\###", End),
            ("-30-", End),
            ("# # #", End),
            ("（记者会结束）", End),
            ("DPB # 45", Publication),
            ("Release No. 112/2024", Publication),
            ("Published 12 October 2020", Publication),
            ("Publication status", Publication),
            ("Published in sections: News, Transcripts", Publication),
            ("Publication date: November 23, 2023, 18:45", Publication),
            (
                "Direct link: http://en.kremlin.ru/events/president/news/72812",
                Publication,
            ),
            (
                "Copyright © 2023 NPR. All rights reserved. Visit our website terms of use.",
                Credit,
            ),
            ("Media contact: Treasurer's Office (02) 6277 7340", Credit),
            (
                "This email and any attachments are confidential.",
                Disclaimer,
            ),
            (
                "*This transcript was produced by the newsroom and may contain errors.*",
                Disclaimer,
            ),
            ("(END VIDEOTAPE)", Direction),
            ("(SOUNDBITE OF MUSIC)", Direction),
            ("---", Rule),
            (".     .     .     .     .", Rule),
        ] {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
        for speech in [
            "Thanks very much, everyone.",
            "This concludes this press conference.",
            "Thank you. That concludes the press conference.",
            "The talks are confidential.",
            "(Laughter.)",
            "We ended the programme in 2019 because it did not work.",
            "New Delhi",
        ] {
            assert_eq!(classify(speech), None, "{speech}");
        }
    }

    #[test]
    fn a_credit_reads_as_one_by_its_content_not_its_first_word() {
        for credit in [
            "Copyright 2024 Reuters",
            "Copyright 2024 Reuters. All rights reserved.",
            "© 2024 Harbour Broadcasting",
            "Copyright © The Guardian",
            "Copyright The White House",
            "(c) 2023 Example News",
            "Transcribed by https://otter.ai",
            "Translated and edited by Zhang Jiaqi, Fan Junmei and Wang Yan.",
            "Translated and edited by Li Xiao, and Tom Arnstein. In case of any discrepancy, the Chinese version prevails.",
            "Photo by Jane Roe/Reuters",
            "Photo: Xinhua",
            "Translator: Li Wei",
            "Media contact",
            "Read in Chinese",
        ] {
            assert_eq!(classify(credit), Some(TrailerKind::Credit), "{credit}");
        }
        for speech in [
            "Copyright reform comes after years of lobbying by authors, and the bill finally gives them a say over how their books are used to train software.",
            "Copyright is the heart of this bill.",
            "Photographs of the signing will be shared with all of you this afternoon.",
            "Reviewed by our lawyers, the text is sound, and it goes to select committee next week.",
            "Produced by a machine alone, a work has no author under the bill.",
            "Edited highlights will be on the website.",
            "Translated into English, the word means trust.",
            "Source of the figures is the Treasury.",
            "Media contacts will be shared later.",
        ] {
            assert_eq!(classify(speech), None, "{speech}");
        }
        assert!(is_copyright_notice("Copyright: Reuters"));
        assert!(!is_copyright_notice("Copyrights matter to authors."));
    }

    fn trailer_of(text: &str) -> (Vec<usize>, Vec<(TrailerKind, usize)>) {
        let lines = split(text);
        let (end, items) = find(&lines, 1);
        let body: Vec<usize> = lines[1..end]
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.no)
            .collect();
        let kinds = items.iter().map(|it| (it.kind, it.line)).collect();
        (body, kinds)
    }

    #[test]
    fn the_last_words_stay_with_the_speaker() {
        let (body, items) = trailer_of(
            "MR PRICE: Go ahead.\n\nThanks very much, everyone.\n\n(The briefing was concluded at 2:47 p.m.)\n\nDPB # 45\n",
        );
        assert_eq!(body, [3]);
        assert_eq!(
            items,
            [(TrailerKind::End, 5), (TrailerKind::Publication, 7)]
        );
    }

    #[test]
    fn a_wrapped_line_is_not_a_closing_sentence() {
        let (body, items) = trailer_of(
            "X: Thank you.\nThe embargo lifts when this\ncall concludes.\n\nThanks for joining.\n",
        );
        assert_eq!(body, [2, 3, 5]);
        assert!(items.is_empty());
        let (body, items) = trailer_of(
            "X: We will stay until the war\nends\nand the troops come home.\n\nThank you.\n",
        );
        assert_eq!(body, [2, 3, 5]);
        assert!(items.is_empty());
    }

    #[test]
    fn after_an_end_mark_nothing_is_speech() {
        let (body, items) = trailer_of(
            "X: Thank you.\nI think that's it.\n\n(Concluded)\n\nNew Delhi\nMarch 09, 2023\n\nSome boilerplate the rules do not know.\nIt runs on.\n",
        );
        assert_eq!(body, [2]);
        assert_eq!(
            items,
            [
                (TrailerKind::End, 4),
                (TrailerKind::Dateline, 6),
                (TrailerKind::Timestamp, 7),
                (TrailerKind::Other, 9)
            ]
        );
    }

    #[test]
    fn a_boilerplate_paragraph_between_closing_lines() {
        let (body, items) = trailer_of(
            "X: Thank you.\n\n(SOUNDBITE OF MUSIC)\n\nCopyright © 2023 NPR. All rights reserved.\n\nNPR transcripts are created on a rush deadline by an NPR contractor.\nThis text may not be in its final form.\n",
        );
        assert!(body.is_empty());
        assert_eq!(
            items,
            [
                (TrailerKind::Direction, 3),
                (TrailerKind::Credit, 5),
                (TrailerKind::Disclaimer, 7)
            ]
        );
        // A wrapped disclaimer paragraph below speech, with no end mark.
        let (body, items) = trailer_of(
            "X: Thank you.\nWe will not add to inflation.\n\nThis email and any\nattachments are confidential.\n",
        );
        assert_eq!(body, [2]);
        assert_eq!(items, [(TrailerKind::Disclaimer, 4)]);
    }

    #[test]
    fn a_pointer_to_slides_and_a_time_broken_over_two_lines() {
        let (body, items) = trailer_of(
            "X: Thanks.\n\n11:36 A.M. EST\n\nTo view the slides, visit\n<https://example.org/slides.pdf>\n",
        );
        assert!(body.is_empty());
        assert_eq!(
            items,
            [(TrailerKind::Timestamp, 3), (TrailerKind::Publication, 5)]
        );
        let (body, items) = trailer_of("X: Thanks.\n\nEND     12:34 P.M.\nEST\n");
        assert!(body.is_empty());
        assert_eq!(items, [(TrailerKind::End, 3), (TrailerKind::Timestamp, 4)]);
    }

    #[test]
    fn a_signoff_block_above_a_date() {
        let (body, items) = trailer_of(
            "X: We will speak up for a rules-based order.\n\n.     .     .\n\nMINISTRY OF FOREIGN AFFAIRS\nSINGAPORE\n11 JULY 2023\n",
        );
        assert!(body.is_empty());
        assert_eq!(
            items,
            [
                (TrailerKind::Rule, 3),
                (TrailerKind::Dateline, 5),
                (TrailerKind::Dateline, 6),
                (TrailerKind::Timestamp, 7)
            ]
        );
    }
}
