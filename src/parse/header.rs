//! The header: everything before the first speaker turn.
//!
//! Reads YAML front matter, the title, place, date and time lines, the
//! summary paragraph and participant blocks (`Speakers:`, `Chairperson:`).
//! Every header line is claimed by one field or returned as a note. It does
//! not look for speaker labels: the parser tells it where the header ends.

use super::dates::{DateOrder, TIME_24_IN, Written, month_name, place_order};
pub use super::dates::{find_date, find_time, is_date_or_time_line};
use super::lexicon;
use super::lines::Line;
use super::text::{ends_sentence, is_disclaimer, is_signoff_name};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{HeaderField, HeaderLine, Note, NoteKind, Participant, Role};
use std::sync::LazyLock;

/// What the header yielded.
#[derive(Debug, Default)]
pub struct Header {
    pub title: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub summary: Option<String>,
    pub source_url: Option<String>,
    pub participants: Vec<Participant>,
    pub lines: Vec<HeaderLine>,
    pub notes: Vec<Note>,
    /// What a reader should know about how the header was read (a date
    /// whose day and month order nothing decides).
    pub diagnostics: Vec<Diagnostic>,
    /// Participant lists in prose that named nobody as a list does
    /// (`Partecipano: il presidente della Regione Stefano Galli; ...`):
    /// the names in them are still declared, as a title's are.
    pub prose: Vec<String>,
    /// The first all-numeric date whose numbers do not say which is the
    /// month (`3/4/2024`): read in the place's order once the whole
    /// header is known ([`settle_date`]).
    undecided: Option<Undecided>,
    /// The order an all-numeric date of this header proves (`13/4/2024`).
    proven_order: Option<DateOrder>,
    /// A date read without doubt after an undecided one: the date only if
    /// the undecided one stays undecided.
    later: Option<String>,
}

/// An all-numeric date waiting for its day and month order.
#[derive(Debug)]
struct Undecided {
    written: Written,
    /// As the text writes it (`3/4/2024`).
    as_written: String,
    line: usize,
    /// The order of a place named on the date's own line (`Canberra,
    /// 3/4/2024`), which may not be the header's place (`PARLIAMENT
    /// HOUSE` above it).
    place_on_line: Option<DateOrder>,
}

/// Words that may stand before a date in a header line: `Aired October
/// 15, 2023`, `Published 12 October 2020`, `Delivered on: ...`.
const DATE_VERBS: &[&str] = &[
    "aired",
    "broadcast",
    "published",
    "posted",
    "updated",
    "released",
    "recorded",
    "delivered",
    "dated",
    "date",
    "on",
    "issued",
];

/// A header line that gives a date (and maybe a time) and nothing else
/// but a verb such as `Aired` or `Published`.
pub fn is_dated_line(text: &str) -> bool {
    if is_date_or_time_line(text) {
        return true;
    }
    let Some((_, range)) = find_date(text) else {
        return false;
    };
    let before = text[..range.start].trim().trim_end_matches(':').trim();
    // `Abuja, June 4, 2024`, `Washington, D.C. — March 14, 2023`
    let place = before.trim_end_matches([',', '-', '–', '—', '|']).trim();
    if !place.is_empty()
        && before.ends_with([',', '-', '–', '—', '|'])
        && is_signoff_name(place)
        && is_date_or_time_line(&text[range.start..])
    {
        return true;
    }
    let mut words = before.split_whitespace();
    let verb_ok = words.clone().count() <= 2
        && words.all(|w| DATE_VERBS.contains(&w.trim_end_matches(':').to_lowercase().as_str()));
    verb_ok && !before.is_empty() && is_date_or_time_line(&text[range.start..])
}

/// Index of the first line after YAML front matter (0 when there is none).
pub fn front_matter_end(lines: &[Line<'_>]) -> usize {
    let mut scratch = Header::default();
    front_matter(lines, &mut scratch)
}

/// YAML front matter: `---`, `key: value` lines, `---`.
fn front_matter(lines: &[Line<'_>], header: &mut Header) -> usize {
    let Some(first) = lines.iter().position(|l| !l.is_blank()) else {
        return 0;
    };
    if lines[first].text != "---" {
        return 0;
    }
    let Some(close) = lines[first + 1..]
        .iter()
        .position(|l| l.text == "---" || l.text == "...")
        .map(|i| i + first + 1)
    else {
        return 0;
    };
    let mut key = String::new();
    let mut key_line = lines[first].no;
    let mut value = String::new();
    let flush = |key: &str, value: &str, line: usize, header: &mut Header| {
        let v = yaml_scalar(value);
        if v.is_empty() {
            return;
        }
        match key {
            "title" => header.title = Some(v),
            // A value that is no date is kept as written.
            "date" if take_date(&v, line, header).is_none() => header.date = Some(v),
            "source_url" | "url" | "source" | "link" | "canonical_url" => {
                header.source_url = Some(v)
            }
            "place" | "location" | "venue" => header.place = Some(v),
            "time" => header.time = Some(v),
            "summary" | "description" => header.summary = Some(v),
            _ => {}
        }
    };
    for line in &lines[first + 1..close] {
        let raw = &line.text;
        let is_key = line.indent == 0
            && raw.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            });
        if is_key {
            flush(&key, &value, key_line, header);
            key_line = line.no;
            let (k, v) = raw.split_once(':').unwrap_or((raw, ""));
            key = k.trim().to_ascii_lowercase();
            value = v.trim().to_string();
        } else {
            value.push('\n');
            value.push_str(raw);
        }
    }
    flush(&key, &value, key_line, header);
    header.lines.push(HeaderLine {
        field: HeaderField::FrontMatter,
        line: lines[first].no,
        end_line: lines[close].no,
    });
    close + 1
}

/// Unquote a YAML scalar, folding continuation lines (`\` at a line end
/// joins without a space, as YAML's double-quoted style does).
fn yaml_scalar(raw: &str) -> String {
    let raw = raw.trim();
    let (body, double) = if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        (&raw[1..raw.len() - 1], true)
    } else if raw.len() >= 2 && raw.starts_with('\'') && raw.ends_with('\'') {
        (&raw[1..raw.len() - 1], false)
    } else {
        (raw, false)
    };
    let mut out = String::with_capacity(body.len());
    let mut lines = body.split('\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.trim();
        let (line, join) = match line.strip_suffix('\\') {
            Some(l) if double => (l, true),
            _ => (line, false),
        };
        let line = if double {
            line.strip_prefix('\\').unwrap_or(line)
        } else {
            line
        };
        out.push_str(line);
        if lines.peek().is_some() && !join {
            out.push(' ');
        }
    }
    if double {
        out = yaml_unescape(&out);
    } else if raw.starts_with('\'') {
        out = out.replace("''", "'");
    }
    super::text::single_spaced(&out)
}

/// Decode the escapes of a YAML double-quoted scalar: `\u2019`, `\xE1`,
/// `\U0001F600`, `\"`, `\\`, `\/`; `\_` (a no-break space), `\n`, `\t`
/// and `\ ` are spaces in a one-line field. An escape that does not decode
/// is kept as written.
fn yaml_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let esc = &rest[at + 1..];
        let hex = |n: usize| {
            esc.get(1..1 + n)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
        };
        let (c, used) = match esc.chars().next() {
            Some('u') => (hex(4), 5),
            Some('x') => (hex(2), 3),
            Some('U') => (hex(8), 9),
            Some('"') => (Some('"'), 1),
            Some('\\') => (Some('\\'), 1),
            Some('/') => (Some('/'), 1),
            Some('_' | 'n' | 't' | ' ' | 'N' | 'L' | 'P') => (Some(' '), 1),
            _ => (None, 0),
        };
        match c {
            Some(c) => {
                // Zero-width joiners (`COVID-\u206019`) are not text.
                if !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') {
                    out.push(c);
                }
                rest = &esc[used..];
            }
            None => {
                out.push('\\');
                rest = esc;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A block of consecutive non-blank header lines.
struct Block<'l, 'a> {
    lines: Vec<&'l Line<'a>>,
}

impl Block<'_, '_> {
    fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text)
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn first(&self) -> usize {
        self.lines[0].no
    }
    fn last(&self) -> usize {
        self.lines[self.lines.len() - 1].no
    }
}

/// `Name, title` (or `Name – title`, `Name (title)`) when `Name` reads as a name.
pub fn participant(text: &str) -> Option<(String, Option<String>)> {
    let (name, title) = if let Some((n, t)) = text.split_once(',') {
        (n.trim(), Some(t.trim()))
    } else if let Some((n, t)) = text
        .split_once(" – ")
        .or_else(|| text.split_once(" — "))
        .or_else(|| text.split_once(" - "))
    {
        (n.trim(), Some(t.trim()))
    } else if let (main, Some(t)) = super::label::split_paren(text) {
        (main, Some(t))
    } else {
        (text.trim(), None)
    };
    if name.is_empty() || name.chars().count() > 60 {
        return None;
    }
    let shape = super::label::name_shape(name).ok()?;
    if shape.words > 6 {
        return None;
    }
    let name = super::people::strip_title(name).1.to_string();
    Some((name, title.filter(|t| !t.is_empty()).map(str::to_string)))
}

/// Is `word` an office (`Spokesperson`, `Minister`, `Secretary`)?
fn is_office_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty()
        && !lexicon::is_honorific(w)
        && lexicon::starts_with_office(&format!("{w} X"))
        && w.chars().next().is_some_and(char::is_uppercase)
}

/// A phrase that is an office with no name in it: `Department
/// Spokesperson`, `Minister of Finance`, `Chief Medical Officer`.
fn is_office_only(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(k) = words.iter().rposition(|w| is_office_word(w)) else {
        return false;
    };
    words.len() <= 10
        && words[k + 1..].first().is_none_or(|w| {
            lexicon::is_connector(w) || w.chars().next().is_some_and(char::is_lowercase)
        })
}

/// `Deputy Government Spokeswoman Demmer` -> (`Deputy Government
/// Spokeswoman`, `Demmer`): an office written before the name, where the
/// shared title list does not know all of its words.
fn office_before_name(name: &str) -> (Option<String>, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.iter().rposition(|w| is_office_word(w)) {
        Some(k)
            if k + 1 < words.len()
                && words[k + 1..].iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) && !lexicon::is_connector(w)
                }) =>
        {
            (Some(words[..=k].join(" ")), words[k + 1..].join(" "))
        }
        _ => (None, name.to_string()),
    }
}

/// Split a list on commas and semicolons outside brackets, and on a final
/// ` and `.
fn split_list(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | ';' if depth == 0 => {
                parts.push(text[from..i].trim());
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(text[from..].trim());
    // `A, B and C`: the last ` and ` joins two names, not an office's
    // words (`Minister of Industry and Information Technology`).
    let name_like = |s: &str| {
        !s.is_empty()
            && !is_office_only(s)
            && s.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '('))
    };
    if let Some(last) = parts.pop() {
        match last.split_once(" and ") {
            Some((a, b))
                if (!a.contains('(') || a.contains(')'))
                    && name_like(a.trim())
                    && name_like(b.trim()) =>
            {
                parts.push(a.trim());
                parts.push(b.trim());
            }
            _ => parts.push(last),
        }
    }
    for p in parts.iter_mut() {
        *p = p.strip_prefix("and ").unwrap_or(p).trim();
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// The people a participant field lists: `Ned Price, Department
/// Spokesperson` is one person with a title; `Deputy Government
/// Spokeswoman Demmer, Burger (Federal Foreign Office), Alter (Federal
/// Ministry of the Interior)` is three, each with the title in brackets or
/// before the name.
pub fn participants_in(value: &str) -> Vec<(String, Option<String>)> {
    // `Isabel Navarro Ruiz, ministra Portavoz; Tomás Ferrer Galdós,
    // ministro de Transportes`: semicolons part the people, a comma each
    // name from its office (written in lower case in many languages).
    if value.contains(';') && !value.contains(['(', '[']) {
        let people: Option<Vec<_>> = value
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| participant(p).filter(|_| p.contains(',')))
            .collect();
        if let Some(people) = people.filter(|p| p.len() >= 2) {
            return people;
        }
    }
    let parts = split_list(value);
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    if parts.len() <= 1 {
        return participant(value)
            .map(|(n, t)| {
                let (office, name) = office_before_name(&n);
                (name, t.or(office))
            })
            .into_iter()
            .collect();
    }
    for part in parts {
        // An office alone is the title of the name before it.
        if is_office_only(part) && !part.contains('(') {
            match out.last_mut() {
                Some((_, t @ None)) => *t = Some(part.to_string()),
                _ => return participant(value).into_iter().collect(),
            }
            continue;
        }
        let (main, paren) = super::label::split_paren(part);
        let Ok(shape) = super::label::name_shape(main) else {
            return participant(value).into_iter().collect();
        };
        if shape.words > 6 {
            return participant(value).into_iter().collect();
        }
        let (honorific, rest) = super::people::strip_title(main);
        let (office, name) = office_before_name(rest);
        let office = match (honorific, office) {
            (Some(h), Some(o)) => Some(format!("{h} {o}")),
            (h, o) => o.or(h.map(str::to_string)),
        };
        let title = paren.map(str::to_string).or(office);
        out.push((name, title));
    }
    out
}

/// `Ned Price, Department Spokesperson`: a person and their office on one
/// header line (not `Washington, D.C.`).
fn name_office_line(text: &str) -> Option<(String, String)> {
    let (name, office) = text
        .split_once(',')
        .or_else(|| text.split_once(" – "))
        .or_else(|| text.split_once(" — "))?;
    let (name, office) = (name.trim(), office.trim().trim_end_matches('.'));
    let shape = super::label::name_shape(name).ok()?;
    let words = name.split_whitespace().count();
    // Every word capitalised: `Remarks by Jane Doe, ...` is a title.
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    ((2..=5).contains(&words)
        && capitalised
        && !shape.all_caps
        && is_office_only(office)
        && !office.contains(','))
    .then(|| {
        (
            super::people::strip_title(name).1.to_string(),
            office.to_string(),
        )
    })
}

/// `Spokesperson Mao Ning`, `Minister for Foreign Affairs Penny Wong`: an
/// office, then a name of two to four capitalised words, alone on a line.
fn office_name_line(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if text.ends_with(['.', '?', '!', ':']) || text.contains(',') {
        return None;
    }
    let (title, name) = super::people::strip_title(text);
    let title = title?;
    let words = name.split_whitespace().count();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    let office = lexicon::starts_with_office(&format!("{title} ")) || lexicon::names_office(title);
    ((2..=4).contains(&words) && capitalised && office && super::label::name_shape(name).is_ok())
        .then(|| (name.to_string(), title.to_string()))
}

/// First-person speech (`Good afternoon. I will begin ...`): an opening
/// statement printed without a label, not a summary of the event.
fn is_speech(text: &str) -> bool {
    let sentences = text
        .split_inclusive(['.', '?', '!'])
        .filter(|s| s.split_whitespace().count() >= 2)
        .count();
    let first_person = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| {
            let w = w.replace('’', "'");
            matches!(
                w.as_str(),
                "I" | "I'm"
                    | "I'll"
                    | "I've"
                    | "I'd"
                    | "we"
                    | "We"
                    | "we're"
                    | "We're"
                    | "we'll"
                    | "We'll"
                    | "we've"
                    | "We've"
                    | "our"
                    | "Our"
                    | "us"
                    | "me"
                    | "my"
                    | "My"
            )
        })
        .count();
    sentences >= 2 && first_person >= 1
}

impl HeaderField {
    /// `Subject: ...`, `SUBJECTS: ...` and an email envelope's lines are
    /// complete on their line: they open no section.
    fn complete_on_its_line(self) -> bool {
        matches!(self, HeaderField::Email | HeaderField::Subjects)
    }
}

/// Read the header from `lines` (everything before the first turn), in
/// passes: front matter, blocks between blank lines, each block read by
/// the first pass whose evidence it shows, then chairs named in prose and
/// a date from the title.
pub fn parse(lines: &[Line<'_>]) -> Header {
    let mut header = Header::default();
    let start = front_matter(lines, &mut header);
    let blocks = split_blocks(&lines[start..], &mut header);
    let mut reader = Reader {
        title_done: header.title.is_some(),
        header,
        section: None,
        speech_seen: false,
    };
    for (bi, block) in blocks.iter().enumerate() {
        reader.title_done |= reader.header.title.is_some();
        let next = blocks.get(bi + 1);
        let _ = reader.field_block(block)
            || reader.section_block(block)
            || reader.people_block(block)
            || reader.dated_block(block)
            || reader.title_or_place_block(block, next)
            || reader.prose_block(block);
    }
    let mut header = reader.header;
    chairs_from_prose(&mut header);
    settle_date(&mut header);
    if header.date.is_none() {
        date_in_a_short_line(&lines[start..], &mut header);
    }
    header
}

/// A header with no date line of its own may still give the date in a
/// short line that says more (`Regierungspressekonferenz vom 3. März
/// 2021`, `*Hôtel de Matignon, jeudi 22 février 2024*`): the first such
/// date written out (not all-numeric) is the event's. The line stays
/// where it was read (title, place, note).
fn date_in_a_short_line(lines: &[Line<'_>], header: &mut Header) {
    /// More words than this and the line is prose whose dates may be any day's.
    const MAX_WORDS: usize = 14;
    header.date = lines
        .iter()
        .filter(|l| l.text.split_whitespace().count() <= MAX_WORDS)
        .find_map(|l| match find_date(l.text)? {
            (super::dates::Written::Iso(date), _) => Some(date),
            _ => None,
        });
}

/// Take the first date of `text` for the header and give its byte range.
/// A date read without doubt is the date (the first one wins); an
/// all-numeric one whose numbers do not say which is the month waits for
/// the place ([`settle_date`]); one whose numbers do (`13/4/2024`) also
/// shows the order the header writes its dates in.
fn take_date(text: &str, line: usize, header: &mut Header) -> Option<std::ops::Range<usize>> {
    let (written, range) = find_date(text)?;
    if let Some(order) = written.proven_order() {
        header.proven_order.get_or_insert(order);
    }
    match written.iso(None) {
        // The first date wins, even one waiting for its order.
        Some(date) if header.undecided.is_some() && header.date.is_none() => {
            header.later.get_or_insert(date);
        }
        Some(date) => {
            header.date.get_or_insert(date);
        }
        None => {
            let as_written = text[range.clone()].to_string();
            let place_on_line = place_order(text);
            header.undecided.get_or_insert(Undecided {
                written,
                as_written,
                line,
                place_on_line,
            });
        }
    }
    Some(range)
}

/// Evidence for the date, once the whole header is read: the first date
/// of its lines, an all-numeric one (`3/4/2024`) read in the order another
/// numeric date of the header proves (`13/4/2024`), or else in the
/// convention of a place named on its own line or of the header's place
/// (`data/date-order.toml`: `Canberra`, day first; `Washington`, month
/// first); else the next date read without doubt; else a date in the title
/// (`..., 11 JULY 2023`). A numeric date nothing decides is left out, with
/// an `info` diagnostic saying why.
fn settle_date(header: &mut Header) {
    let read_undecided = |header: &mut Header| {
        if header.date.is_some() {
            return;
        }
        if let Some(u) = &header.undecided {
            let order = header
                .proven_order
                .or(u.place_on_line)
                .or_else(|| header.place.as_deref().and_then(place_order));
            header.date = u.written.iso(order);
        }
    };
    read_undecided(header);
    if header.date.is_none() {
        header.date = header.later.take();
    }
    // A title often carries the date (`..., 11 JULY 2023`).
    if header.date.is_none() {
        if let Some(title) = header.title.clone() {
            let line = header
                .lines
                .iter()
                .find(|l| matches!(l.field, HeaderField::Title | HeaderField::FrontMatter))
                .map_or(0, |l| l.line);
            take_date(&title, line, header);
            read_undecided(header);
            if header.date.is_none() {
                header.date = header.later.take();
            }
        }
    }
    if header.date.is_some() {
        return;
    }
    if let Some(Undecided {
        written:
            Written::Numeric {
                first,
                second,
                year,
            },
        as_written,
        line,
        ..
    }) = &header.undecided
    {
        let message = format!(
            "'{as_written}' may be {first} {} or {} {second} {year}: nothing in the header \
             says whether the day or the month comes first (no known place, no other date \
             written that way), so the date is left empty",
            month_name(*second),
            month_name(*first),
        );
        header.diagnostics.push(Diagnostic::info(
            *line,
            DiagnosticKind::AmbiguousDate,
            message,
        ));
    }
}

/// Blank lines and page-break markup separate blocks; markup lines are
/// kept as `markup` notes.
fn split_blocks<'l, 'a>(lines: &'l [Line<'a>], header: &mut Header) -> Vec<Block<'l, 'a>> {
    let mut blocks: Vec<Block<'_, '_>> = Vec::new();
    let mut current: Vec<&Line<'_>> = Vec::new();
    for line in lines {
        if line.is_blank() || line.markup {
            if !current.is_empty() {
                blocks.push(Block {
                    lines: std::mem::take(&mut current),
                });
            }
            if line.markup {
                header.notes.push(Note {
                    kind: NoteKind::Markup,
                    text: line.text.to_string(),
                    line: line.no,
                    end_line: line.no,
                });
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(Block { lines: current });
    }
    blocks
}

/// The header as read so far, and what the passes carry from one block to
/// the next.
struct Reader {
    header: Header,
    /// A field keyword (`Speakers:`) opens a section that claims the
    /// blocks below it while they look like its values.
    section: Option<HeaderField>,
    /// A title was found (or given by front matter).
    title_done: bool,
    /// An opening statement printed without a label was seen: what
    /// follows is speech, never the summary.
    speech_seen: bool,
}

impl Reader {
    fn claim(&mut self, field: HeaderField, first: usize, last: usize) {
        self.header.lines.push(HeaderLine {
            field,
            line: first,
            end_line: last,
        });
    }

    fn note(&mut self, kind: NoteKind, text: String, first: usize, last: usize) {
        self.header.notes.push(Note {
            kind,
            text,
            line: first,
            end_line: last,
        });
    }

    /// Evidence: the block opens with a field keyword (`Speakers:`,
    /// `Date: ...`, an email's `From:`). The keyword line is the field's
    /// heading; the block is read line by line as its values, a later
    /// keyword of an envelope (`Subject:`) switching the field, and a
    /// dated line (`Published 12 October 2020`) giving the date.
    fn field_block(&mut self, block: &Block<'_, '_>) -> bool {
        let first_text = block.lines[0].text;
        let (kw, inline_value) = match first_text.split_once([':', '：']) {
            Some((k, v)) if lexicon::header_field(k).is_some() => {
                (lexicon::header_field(k), v.trim())
            }
            _ if lexicon::header_field(first_text).is_some() => {
                (lexicon::header_field(first_text), "")
            }
            _ => (None, ""),
        };
        let Some(mut field) = kw else {
            return false;
        };
        // `Subject: ...`, `SUBJECTS: ...` are complete on their line.
        self.section = Some(field).filter(|f| !f.complete_on_its_line());
        self.claim(field.heading(), block.first(), block.first());
        if !inline_value.is_empty() {
            take_value(field, inline_value, block.first(), &mut self.header);
        }
        for l in &block.lines[1..] {
            // The next field of an envelope (`From:`, `Subject:`, `Date:`).
            let next_field = l
                .text
                .split_once([':', '：'])
                .and_then(|(k, v)| lexicon::header_field(k).map(|f| (f, v.trim())));
            if let Some((f, v)) = next_field.filter(|_| !inline_value.is_empty()) {
                field = f;
                self.section = Some(f).filter(|f| !f.complete_on_its_line());
                take_value(f, v, l.no, &mut self.header);
                self.claim(f.heading(), l.no, l.no);
                continue;
            }
            // `From: ...` then `Published 12 October 2020`.
            if !matches!(
                field,
                HeaderField::Participants
                    | HeaderField::Chair
                    | HeaderField::Date
                    | HeaderField::Time
            ) && is_dated_line(l.text)
            {
                read_place_date_time(l.text, l.no, &mut self.header);
                self.claim(HeaderField::PlaceDateTime, l.no, l.no);
                continue;
            }
            take_value(field, l.text, l.no, &mut self.header);
            self.claim(field, l.no, l.no);
        }
        true
    }

    /// Evidence: an open section (after `Speakers:`) and a block that
    /// fits its field: names for participants and chairs, a date or time
    /// for those fields, a short line that is no sentence for the others.
    /// A block that does not fit closes the section.
    fn section_block(&mut self, block: &Block<'_, '_>) -> bool {
        let Some(field) = self.section else {
            return false;
        };
        let text = block.text();
        let fits = match field {
            HeaderField::Participants | HeaderField::Chair => {
                block.lines.iter().all(|l| participant(l.text).is_some())
            }
            HeaderField::Date | HeaderField::Time => {
                find_date(&text).is_some() || find_time(&text).is_some()
            }
            _ => !ends_sentence(&text) && text.split_whitespace().count() <= 25,
        };
        if !fits {
            self.section = None;
            return false;
        }
        for l in &block.lines {
            take_value(field, l.text, l.no, &mut self.header);
        }
        self.claim(field, block.first(), block.last());
        true
    }

    /// Evidence: every line names a person and an office (`Ned Price,
    /// Department Spokesperson`, or after the title `Spokesperson Mao
    /// Ning`): the podium, as participants.
    fn people_block(&mut self, block: &Block<'_, '_>) -> bool {
        let title_done = self.title_done;
        let person_line =
            |t: &str| name_office_line(t).or_else(|| office_name_line(t).filter(|_| title_done));
        if !block.lines.iter().all(|l| person_line(l.text).is_some()) {
            return false;
        }
        for l in &block.lines {
            if let Some((name, office)) = person_line(l.text) {
                add_participant(&mut self.header, name, Role::Official, Some(office));
            }
        }
        self.claim(HeaderField::Participants, block.first(), block.last());
        true
    }

    /// Evidence: dates and times. A block of date lines is the place,
    /// date and time; a block with a date line among others is read line
    /// by line ([`read_block_lines`]); a block ending with a `place | time`
    /// line has the title (or a preamble) above it.
    fn dated_block(&mut self, block: &Block<'_, '_>) -> bool {
        let text = block.text();
        if is_date_or_time_line(&text) || block.lines.iter().all(|l| is_dated_line(l.text)) {
            for l in &block.lines {
                read_place_date_time(l.text, l.no, &mut self.header);
            }
            self.claim(HeaderField::PlaceDateTime, block.first(), block.last());
            return true;
        }
        // A block with a date line among others (`Ned Price, Department
        // Spokesperson` / `Washington, D.C.` / `March 14, 2023`; `November
        // 23, 2023, 18:10` / `Minsk`) is read line by line.
        // So is a block of a title and `Keyword: value` lines (`Lugar:`,
        // `Fecha:`, `Intervinientes:`).
        let dated = block.lines.iter().position(|l| is_dated_line(l.text));
        let fields = block
            .lines
            .iter()
            .filter(|l| field_line(l.text).is_some())
            .count();
        if dated.is_none() && fields >= 2 {
            read_block_lines(&block.lines, None, &mut self.title_done, &mut self.header);
            return true;
        }
        if let Some(k) = dated {
            if !block.lines.iter().any(|l| place_time_line(l.text)) {
                read_block_lines(
                    &block.lines,
                    Some(k),
                    &mut self.title_done,
                    &mut self.header,
                );
                return true;
            }
        }
        // A title block may end with its place-and-time line.
        let Some(at) = block.lines.iter().position(|l| place_time_line(l.text)) else {
            return false;
        };
        if at > 0 {
            let above: Vec<&str> = block.lines[..at].iter().map(|l| l.text).collect();
            let (first, last) = (block.first(), block.lines[at - 1].no);
            if self.title_done {
                self.note(NoteKind::Preamble, above.join(" "), first, last);
            } else {
                self.header.title = Some(above.join(" "));
                self.title_done = true;
                self.claim(HeaderField::Title, first, last);
            }
        }
        for l in &block.lines[at..] {
            read_place_date_time(l.text, l.no, &mut self.header);
        }
        self.claim(HeaderField::PlaceDateTime, block.lines[at].no, block.last());
        true
    }

    /// Evidence: position and shape. The first short block that ends no
    /// sentence is the title; a short block just above a date or time
    /// block is the place.
    fn title_or_place_block(&mut self, block: &Block<'_, '_>, next: Option<&Block>) -> bool {
        let text = block.text();
        let words = text.split_whitespace().count();
        // A bilingual title gives each language its line.
        let short_lines = block.lines.len() <= 2
            && block
                .lines
                .iter()
                .all(|l| !ends_sentence(l.text) && l.text.split_whitespace().count() <= 30);
        if !self.title_done && !ends_sentence(&text) && (words <= 30 || short_lines) {
            self.header.title = Some(text);
            self.title_done = true;
            self.claim(HeaderField::Title, block.first(), block.last());
            return true;
        }
        let next_is_time = next.is_some_and(|b| {
            is_date_or_time_line(&b.text()) || b.lines.iter().any(|l| place_time_line(l.text))
        });
        if self.header.place.is_none()
            && next_is_time
            && block.lines.len() <= 3
            && !ends_sentence(&text)
            && words <= 12
        {
            self.header.place = Some(
                block
                    .lines
                    .iter()
                    .map(|l| l.text.trim_end_matches(','))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            self.claim(HeaderField::Place, block.first(), block.last());
            return true;
        }
        false
    }

    /// Evidence: the words of a paragraph. Boilerplate about the document
    /// (`THIS IS A RUSH TRANSCRIPT`) is a disclaimer; the first paragraph
    /// of third-person sentences is the summary, unless first-person
    /// speech (an unlabelled opening statement) came before; anything else
    /// is a preamble note. Always takes the block.
    fn prose_block(&mut self, block: &Block<'_, '_>) -> bool {
        let text = block.text();
        let (first, last) = (block.first(), block.last());
        if is_disclaimer(&text) || is_notice(block) {
            self.note(NoteKind::Disclaimer, text, first, last);
            return true;
        }
        self.speech_seen |= is_speech(&text);
        let words = text.split_whitespace().count();
        if self.header.summary.is_none() && words >= 12 && ends_sentence(&text) && !self.speech_seen
        {
            self.header.summary = Some(text);
            self.claim(HeaderField::Summary, first, last);
            return true;
        }
        self.note(NoteKind::Preamble, text, first, last);
        true
    }
}

/// A notice about the document in any language: a notice phrase of the
/// lexicon (`Seul le prononcé fait foi.`, `Es gilt das gesprochene
/// Wort.`, as English's `Check against delivery`), or lines that each
/// open with a note word (`Note: Remarks are reproduced ...` / `Remarque
/// : Les propos sont reproduits ...`), quoted (`> ...`) or not.
fn is_notice(block: &Block<'_, '_>) -> bool {
    let plain = |t: &str| super::text::plain(t.trim_start_matches(['>', ' '])).to_lowercase();
    if super::vocab::holds_notice(&plain(&block.text())) {
        return true;
    }
    block.lines.iter().all(|l| {
        let line = plain(l.text);
        line.split_once([':', '：']).is_some_and(|(key, _)| {
            let key = key.trim().trim_matches('*').trim();
            matches!(key, "note" | "notes" | "editor's note" | "n.b.")
                || super::vocab::is_heading(key)
        })
    })
}

/// Evidence: prose before the first turn that names who chairs
/// (`Moderators: Dana Price and Marcus Hill.`, `moderated by Jane Doe`) in
/// the title, the summary or a preamble note.
fn chairs_from_prose(header: &mut Header) {
    let prose: Vec<String> = header
        .title
        .iter()
        .chain(header.summary.iter())
        .cloned()
        .chain(
            header
                .notes
                .iter()
                .filter(|n| n.kind == NoteKind::Preamble)
                .map(|n| n.text.clone()),
        )
        .collect();
    for text in &prose {
        for name in chairs_named_in(text) {
            if !header
                .participants
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&name))
            {
                header.participants.push(Participant {
                    name,
                    role: Role::Chair,
                    title: None,
                });
            }
        }
    }
}

fn add_participant(header: &mut Header, name: String, role: Role, title: Option<String>) {
    if !header
        .participants
        .iter()
        .any(|p| p.name.eq_ignore_ascii_case(&name))
    {
        header.participants.push(Participant { name, role, title });
    }
}

/// Read a header block line by line around its date line, if any: `Name,
/// office` lines are participants, the short capitalised line next to the
/// date is the place, lines opening the block give the title if there is
/// none yet; the rest are preamble notes.
fn read_block_lines(
    block: &[&Line<'_>],
    date_line: Option<usize>,
    title_done: &mut bool,
    header: &mut Header,
) {
    let person = |j: usize| name_office_line(block[j].text);
    let place_like = |j: usize| {
        j < block.len()
            && person(j).is_none()
            && !is_dated_line(block[j].text)
            && is_signoff_name(block[j].text)
    };
    let place = match date_line {
        Some(k) if k > 0 && place_like(k - 1) => Some(k - 1),
        Some(k) if place_like(k + 1) => Some(k + 1),
        _ => None,
    };
    let mut rest: Vec<usize> = Vec::new();
    let flush = |rest: &mut Vec<usize>, header: &mut Header, title_done: &mut bool| {
        let Some((&a, &b)) = rest.first().zip(rest.last()) else {
            return;
        };
        let text: Vec<&str> = rest.iter().map(|&j| block[j].text).collect();
        let text = text.join(" ");
        if a == 0 && !*title_done && !ends_sentence(&text) {
            header.title = Some(text);
            *title_done = true;
            header.lines.push(HeaderLine {
                field: HeaderField::Title,
                line: block[a].no,
                end_line: block[b].no,
            });
        } else {
            header.notes.push(Note {
                kind: NoteKind::Preamble,
                text,
                line: block[a].no,
                end_line: block[b].no,
            });
        }
        rest.clear();
    };
    for (j, l) in block.iter().enumerate() {
        let field = if is_dated_line(l.text) {
            read_place_date_time(l.text, l.no, header);
            HeaderField::PlaceDateTime
        } else if let Some((field, value)) = field_line(l.text) {
            // `Teilnehmer: Bundeskanzler Markus Falkner, …` below the date.
            take_value(field, value, l.no, header);
            field.heading()
        } else if let Some((name, office)) = person(j) {
            add_participant(header, name, Role::Official, Some(office));
            HeaderField::Participants
        } else if place == Some(j) {
            header
                .place
                .get_or_insert_with(|| l.text.trim_end_matches(',').to_string());
            HeaderField::Place
        } else {
            rest.push(j);
            continue;
        };
        flush(&mut rest, header, title_done);
        header.lines.push(HeaderLine {
            field,
            line: l.no,
            end_line: l.no,
        });
    }
    flush(&mut rest, header, title_done);
}

/// `Keyword: value` on one line, the keyword a header field's.
fn field_line(text: &str) -> Option<(HeaderField, &str)> {
    let (k, v) = text.split_once([':', '：'])?;
    let field = lexicon::header_field(k)?;
    let v = v.trim();
    (!v.is_empty()).then_some((field, v))
}

/// `Beijing | 10 a.m. March 1, 2021`: a place with a date or time.
fn place_time_line(text: &str) -> bool {
    text.contains('|')
        && (find_date(text).is_some() || find_time(text).is_some())
        && text.split_whitespace().count() <= 16
}

fn read_place_date_time(text: &str, line: usize, header: &mut Header) {
    for part in text.split('|') {
        let part = part.trim();
        let mut rest = part.to_string();
        let mut found = false;
        if let Some(r) = take_date(part, line, header) {
            rest.replace_range(r, " ");
            found = true;
        }
        if let Some((t, r)) = find_time(&rest.clone()) {
            header.time.get_or_insert(t);
            rest.replace_range(r, " ");
            found = true;
        } else if found {
            // `November 23, 2023, 18:10`: a 24-hour clock beside the date.
            if let Some(m) = TIME_24_IN.find(&rest.clone()) {
                header
                    .time
                    .get_or_insert(m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
                rest.replace_range(m.range(), " ");
            }
        }
        let rest = rest
            .trim()
            .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '-' | '–' | '—'))
            .trim();
        // `Abuja, June 4, 2024`: a place written before the date.
        let place_before_date = found
            && is_signoff_name(rest)
            && !DATE_VERBS.contains(&rest.to_lowercase().as_str())
            && part.starts_with(rest);
        if (!found || place_before_date) && !rest.is_empty() && header.place.is_none() {
            header.place = Some(rest.to_string());
        }
    }
}

/// `Moderators: A and B`, `Chair: A`, `moderated by A`, `chaired by A`.
// `regex_lite`: compiled in microseconds; the declaration's words are ASCII.
static CHAIR_DECLARED: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(
        r"(?i)\b(?:(?:moderators?|chair(?:person|man|woman)?)\s*[:：]|(?:moderated|chaired|presided\s+over)\s+by)\s*",
    )
    .expect("chair declaration pattern")
});

/// The people a sentence of prose declares as chairs: the names listed
/// after `Moderators:` or `moderated by`, up to the end of the sentence.
/// Outlets (`hosted by KVNT News 4`) and words that are not names stop the
/// list.
pub fn chairs_named_in(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for m in CHAIR_DECLARED.find_iter(text) {
        let rest = &text[m.end()..];
        // The list ends with the sentence; `Mr.` and initials do not end it.
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if matches!(c, ';' | '(' | '\n' | '|') {
                end = i;
                break;
            }
            if c == '.' {
                let before = rest[..i].rsplit(' ').next().unwrap_or("");
                if before.chars().count() > 1 && !lexicon::is_honorific(before) {
                    end = i;
                    break;
                }
            }
        }
        let list = rest[..end]
            .replace(", and ", ", ")
            .replace(" and ", ", ")
            .replace(" & ", ", ");
        for part in list.split(',').map(str::trim).take(4) {
            let capitalised = part
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            let Some((name, _)) = participant(part).filter(|_| capitalised) else {
                break;
            };
            if lexicon::is_outlet(part) || name.split_whitespace().count() > 4 {
                break;
            }
            names.push(name);
        }
    }
    names
}

fn take_value(field: HeaderField, value: &str, line: usize, header: &mut Header) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    match field {
        HeaderField::Participants | HeaderField::Chair => {
            let role = if field == HeaderField::Chair {
                Role::Chair
            } else {
                Role::Official
            };
            let found = participants_in(value);
            if found.is_empty() {
                header.prose.push(value.to_string());
            }
            for (name, title) in found {
                add_participant(header, name, role, title);
            }
        }
        HeaderField::Date => {
            take_date(value, line, header);
            if let Some((t, _)) = find_time(value) {
                header.time.get_or_insert(t);
            }
        }
        HeaderField::Time => {
            header.time.get_or_insert_with(|| value.to_string());
        }
        HeaderField::Place => {
            header.place.get_or_insert_with(|| value.to_string());
        }
        HeaderField::Title => {
            header.title.get_or_insert_with(|| value.to_string());
        }
        HeaderField::SourceUrl => {
            header.source_url.get_or_insert_with(|| value.to_string());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_of_field_lines_is_read_line_by_line() {
        let text = "Rueda de prensa posterior al Consejo de Ministros\nIntervinientes: Isabel Navarro Ruiz, ministra Portavoz; Tomás Ferrer Galdós, ministro de Transportes\nLugar: Palacio de la Moncloa, Madrid\nFecha: martes, 7 de noviembre de 2023\n";
        let lines = super::super::lines::split_for_test(text);
        let head = parse(&lines);
        assert_eq!(
            head.title.as_deref(),
            Some("Rueda de prensa posterior al Consejo de Ministros")
        );
        assert_eq!(head.place.as_deref(), Some("Palacio de la Moncloa, Madrid"));
        let named: Vec<(&str, Option<&str>)> = head
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.title.as_deref()))
            .collect();
        assert_eq!(
            named,
            [
                ("Isabel Navarro Ruiz", Some("ministra Portavoz")),
                ("Tomás Ferrer Galdós", Some("ministro de Transportes"))
            ]
        );
    }

    #[test]
    fn chairs_declared_in_prose() {
        assert_eq!(
            chairs_named_in("Hosted by KVNT News 4. Moderators: Dana Price and Marcus Hill."),
            ["Dana Price", "Marcus Hill"]
        );
        assert_eq!(
            chairs_named_in("A town hall moderated by Ms. Jane Roe, Alan Li & Bo Chen; live."),
            ["Jane Roe", "Alan Li", "Bo Chen"]
        );
        assert!(chairs_named_in("The chair of the committee spoke.").is_empty());
        assert!(chairs_named_in("Moderated by the Associated Press.").is_empty());
    }

    #[test]
    fn dates_in_many_forms() {
        for (text, want) in [
            ("March 1, 2021", "2021-03-01"),
            ("Beijing | 10 a.m. March 1, 2021", "2021-03-01"),
            ("1 March 2021", "2021-03-01"),
            ("Mar. 1st, 2021", "2021-03-01"),
            ("2021-03-01", "2021-03-01"),
            ("10/13/2022 07:54 PM", "2022-10-13"),
            ("2021年3月1日", "2021-03-01"),
        ] {
            assert_eq!(
                find_date(text).and_then(|d| d.0.iso(None)).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(find_date("May the force"), None);
    }

    #[test]
    fn a_numeric_date_follows_the_order_of_the_place() {
        let h = header_of("Doorstop interview\n\nCanberra, 3/4/2024\n");
        assert_eq!(h.place.as_deref(), Some("Canberra"));
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
        assert!(h.diagnostics.is_empty());
        let h = header_of("Press gaggle\n\nWashington, D.C.\n3/4/2024\n");
        assert_eq!(h.date.as_deref(), Some("2024-03-04"));
        let h = header_of("Press conference\n\nVenue: New Delhi\nDate: 3/4/2024\n");
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
        // Unambiguous forms are read as they are, whatever the place.
        let h = header_of("Press gaggle\n\nWashington, D.C., 13/4/2024\n");
        assert_eq!(h.date.as_deref(), Some("2024-04-13"));
        let h = header_of("Press gaggle\n\nWashington, D.C., 3 April 2024\n");
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
    }

    #[test]
    fn a_numeric_date_nothing_decides_is_left_out_and_said_why() {
        let h = header_of("Weekly briefing\n\n3/4/2024\n");
        assert_eq!(h.date, None);
        assert_eq!(h.diagnostics.len(), 1);
        let d = &h.diagnostics[0];
        assert_eq!((d.line, d.kind), (3, DiagnosticKind::AmbiguousDate));
        assert!(!d.is_warning());
        assert!(
            d.message
                .contains("'3/4/2024' may be 3 April or March 4 2024"),
            "{}",
            d.message
        );
        // The header's own evidence decides: another numeric date whose
        // day is over 12, or the same date written with its month's name.
        let h = header_of("Weekly briefing\n\n3/4/2024\n\nPublished 15/04/2024\n");
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
        let h = header_of("Briefing on 11 October 2022\n\n10/11/2022 07:54 PM\n");
        assert_eq!(h.date.as_deref(), Some("2022-10-11"));
        assert!(h.diagnostics.is_empty());
        // A place on the date's own line, under another place line.
        let h = header_of("TRANSCRIPT\nDOORSTOP INTERVIEW\nPARLIAMENT HOUSE\nCanberra, 3/4/2024\n");
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
        // Front matter too.
        let h = header_of("---\ndate: 3/4/2024\nplace: Sydney\n---\n");
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
    }

    #[test]
    fn times_and_time_lines() {
        assert_eq!(
            find_time("Beijing | 10 a.m. March 1, 2021").unwrap().0,
            "10 a.m."
        );
        assert_eq!(find_time("12:07 P.M. EST").unwrap().0, "12:07 P.M. EST");
        assert!(is_date_or_time_line("1:16 P.M. EST"));
        assert!(is_date_or_time_line("(November 3, 2023)"));
        assert!(is_date_or_time_line("10/11/2022 07:54 PM"));
        assert!(is_date_or_time_line("8:47 a.m."));
        assert!(!is_date_or_time_line("We met on March 1, 2021 to talk."));
    }

    #[test]
    fn dated_lines_with_a_verb_or_a_24_hour_clock() {
        for line in [
            "Aired October 15, 2023 - 09:00   ET",
            "Published 12 October 2020",
            "November 23, 2023, 18:10",
            "TUESDAY, 9 MAY 2023",
            "Abuja, June 4, 2024",
        ] {
            assert!(is_dated_line(line), "{line}");
        }
        for line in [
            "We met on March 1, 2021 to talk.",
            "Washington, D.C.",
            "Government press conference of 19 July 2021",
        ] {
            assert!(!is_dated_line(line), "{line}");
        }
    }

    #[test]
    fn participant_lists_split_outside_brackets() {
        let names = |v: &str| -> Vec<(String, Option<String>)> { participants_in(v) };
        assert_eq!(
            names(
                "Deputy Government Spokeswoman Demmer, Burger (Federal Foreign Office), Alter (Federal Ministry of the Interior)"
            ),
            [
                (
                    "Demmer".to_string(),
                    Some("Deputy Government Spokeswoman".to_string())
                ),
                (
                    "Burger".to_string(),
                    Some("Federal Foreign Office".to_string())
                ),
                (
                    "Alter".to_string(),
                    Some("Federal Ministry of the Interior".to_string())
                ),
            ]
        );
        assert_eq!(
            names("Ned Price, Department Spokesperson"),
            [(
                "Ned Price".to_string(),
                Some("Department Spokesperson".to_string())
            )]
        );
        assert_eq!(
            names("Xiao Yaqing, Minister of Industry and Information Technology"),
            [(
                "Xiao Yaqing".to_string(),
                Some("Minister of Industry and Information Technology".to_string())
            )]
        );
        assert_eq!(
            names("Dana Price and Marcus Hill"),
            [
                ("Dana Price".to_string(), None),
                ("Marcus Hill".to_string(), None)
            ]
        );
        assert_eq!(
            name_office_line("Remarks by Jane Doe, Secretary of State"),
            None
        );
        assert_eq!(name_office_line("Washington, D.C."), None);
        assert_eq!(
            office_name_line("Spokesperson Mao Ning"),
            Some(("Mao Ning".to_string(), "Spokesperson".to_string()))
        );
        assert_eq!(office_name_line("Mr. Jones"), None);
        assert_eq!(
            office_name_line("President Biden Speaks on the Economy."),
            None
        );
        assert_eq!(
            names("Jane Roe, Minister of Finance, and Li Wei"),
            [
                (
                    "Jane Roe".to_string(),
                    Some("Minister of Finance".to_string())
                ),
                ("Li Wei".to_string(), None),
            ]
        );
    }

    fn header_of(text: &str) -> Header {
        parse(&crate::parse::lines::split_for_test(text))
    }

    #[test]
    fn a_block_of_name_place_and_date_lines() {
        let h = header_of(
            "Department Press Briefing\n\nNed Price, Department Spokesperson\nWashington, D.C.\nMarch 14, 2023\n",
        );
        assert_eq!(h.title.as_deref(), Some("Department Press Briefing"));
        assert_eq!(h.place.as_deref(), Some("Washington, D.C."));
        assert_eq!(h.date.as_deref(), Some("2023-03-14"));
        assert_eq!(h.participants.len(), 1);
        assert_eq!(h.participants[0].name, "Ned Price");
        assert_eq!(h.participants[0].role, Role::Official);
        let h = header_of("Answers to media questions\n\nNovember 23, 2023, 18:10\nMinsk\n");
        assert_eq!(
            (h.date.as_deref(), h.time.as_deref(), h.place.as_deref()),
            (Some("2023-11-23"), Some("18:10"), Some("Minsk"))
        );
        let h = header_of("Weekly briefing\n\nAbuja, June 4, 2024\n");
        assert_eq!(
            (h.date.as_deref(), h.place.as_deref()),
            (Some("2024-06-04"), Some("Abuja"))
        );
        let h = header_of("CNN STATE OF THE UNION\n\nAired October 15, 2023 - 09:00   ET\n");
        assert_eq!(
            (h.date.as_deref(), h.time.as_deref()),
            (Some("2023-10-15"), Some("09:00 ET"))
        );
    }

    #[test]
    fn email_envelope_subjects_and_witnesses_are_fields() {
        let h = header_of(
            "From: Media Office <media@example.gov.au>\nSubject: TRANSCRIPT - Doorstop, Canberra\nDate: Tue, 9 May 2023 09:14:02 +1000\n\nSUBJECTS: Budget 2023-24; energy bill relief.\n\nWitness: Rt Hon Jeremy Hunt MP\n",
        );
        assert_eq!(h.title.as_deref(), Some("TRANSCRIPT - Doorstop, Canberra"));
        assert_eq!(h.date.as_deref(), Some("2023-05-09"));
        assert!(h.notes.is_empty(), "{:?}", h.notes);
        let fields: Vec<HeaderField> = h.lines.iter().map(|l| l.field).collect();
        assert_eq!(
            fields,
            [
                HeaderField::EmailHeading,
                HeaderField::TitleHeading,
                HeaderField::DateHeading,
                HeaderField::SubjectsHeading,
                HeaderField::ParticipantsHeading
            ]
        );
        assert_eq!(h.participants.len(), 1);
        assert!(h.participants[0].name.contains("Jeremy Hunt"));
        assert_eq!(h.participants[0].role, Role::Official);
    }

    #[test]
    fn an_unlabelled_opening_statement_is_not_the_summary() {
        let h = header_of(
            "PM statement at coronavirus press conference: 12 October 2020\n\nGood afternoon, and thank you for joining us. I'm joined today by the Chancellor and by the Chief Medical Officer.\n\nThe number of cases has quadrupled in the last three weeks, and hospital admissions are rising.\n",
        );
        assert_eq!(h.summary, None);
        assert_eq!(h.notes.len(), 2);
        assert!(h.notes.iter().all(|n| n.kind == NoteKind::Preamble));
        // A third-person summary is still one.
        let h = header_of(
            "Briefing on the budget\n\nThe Minister of Finance presented the budget to the press and answered questions on taxes and spending.\n",
        );
        assert!(h.summary.is_some());
        let h = header_of(
            "CNN STATE OF THE UNION\n\nTHIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.\n",
        );
        assert_eq!(h.summary, None);
        assert_eq!(h.notes[0].kind, NoteKind::Disclaimer);
    }

    #[test]
    fn yaml_scalars_fold_like_yaml() {
        assert_eq!(
            yaml_scalar(
                "\"Press Briefing by Jen\\_Psaki and Secretary\\\n  \\ Alejandro\\_Mayorkas\""
            ),
            "Press Briefing by Jen Psaki and Secretary Alejandro Mayorkas"
        );
        assert_eq!(yaml_scalar("'It''s'"), "It's");
        assert_eq!(
            yaml_scalar("\"President Biden\\u2019s COVID-\\u206019 Remarks, Bogot\\xE1\""),
            "President Biden\u{2019}s COVID-19 Remarks, Bogot\u{e1}"
        );
        assert_eq!(yaml_scalar("\"a \\q b\""), "a \\q b");
    }
}
