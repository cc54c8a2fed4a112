//! The header: everything before the first speaker turn.
//!
//! Reads YAML front matter, the title, place, date and time lines, the
//! summary paragraph and participant blocks (`Speakers:`, `Chairperson:`).
//! Every header line is claimed by one field or returned as a note. It does
//! not look for speaker labels: the parser tells it where the header ends.

use super::lexicon;
use super::lines::Line;
use crate::model::{HeaderLine, Note, Participant, Role};
use regex::Regex;
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
}

static MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() >= 3))
        .map(|i| i as u32 + 1)
}

static DATE_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});
static DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8}\.?),?\s+(\d{4})\b").unwrap()
});
static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());
static DATE_SLASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").unwrap());
static DATE_CJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").unwrap());
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.\s?m\.|[ap]m\b)(?:\s+[A-Z]{2,4}\b)?").unwrap()
});
static TIME_24: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,4})?$").unwrap());

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=9999).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Find a date in `text` and give it as ISO 8601, with its byte range.
pub fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    if let Some(c) = DATE_ISO.captures(text) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
    }
    if let Some(c) = DATE_MDY.captures(text) {
        if let Some(m) = month_number(&c[1]) {
            let (d, y) = (c[2].parse().ok()?, c[3].parse().ok()?);
            return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
        }
    }
    if let Some(c) = DATE_DMY.captures(text) {
        if let Some(m) = month_number(&c[2]) {
            let (d, y) = (c[1].parse().ok()?, c[3].parse().ok()?);
            return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
        }
    }
    if let Some(c) = DATE_CJK.captures(text) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
    }
    if let Some(c) = DATE_SLASH.captures(text) {
        // Month first, as US sources write it, unless that cannot be.
        let (a, b, y): (u32, u32, u32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        return iso(y, m, d).map(|s| (s, c.get(0).unwrap().range()));
    }
    None
}

/// Find a clock time (`10 a.m.`, `12:07 P.M. EST`) in `text`.
pub fn find_time(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    if let Some(m) = TIME.find(text) {
        return Some((m.as_str().trim().to_string(), m.range()));
    }
    let t = text.trim();
    TIME_24.is_match(t).then(|| (t.to_string(), 0..text.len()))
}

/// Is this line only a date and/or a time (with separators), e.g.
/// `1:16 P.M. EST`, `(November 3, 2023)`, `10/11/2022 07:54 PM`?
pub fn is_date_or_time_line(text: &str) -> bool {
    let mut rest = text.to_string();
    let mut found = false;
    if let Some((_, r)) = find_date(&rest) {
        rest.replace_range(r, " ");
        found = true;
    }
    if let Some((_, r)) = find_time(&rest) {
        rest.replace_range(r, " ");
        found = true;
    }
    if !found {
        // `07:54 PM` without a.m./p.m. dots, or a bare 24-hour time.
        let t = rest.trim().trim_end_matches(['A', 'P', 'M', ' ']);
        return !t.is_empty() && TIME_24.is_match(t);
    }
    rest.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | ',' | '|' | '-' | '–' | '—' | '.' | '/'
            )
    }) || {
        let r = rest.trim().trim_matches(|c: char| !c.is_alphanumeric());
        // Weekday names and `at` glue.
        r.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            w.is_empty()
                || w == "at"
                || w == "on"
                || [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .iter()
                .any(|d| d.starts_with(&w) && w.len() >= 3)
        })
    }
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
    let mut value = String::new();
    let flush = |key: &str, value: &str, header: &mut Header| {
        let v = yaml_scalar(value);
        if v.is_empty() {
            return;
        }
        match key {
            "title" => header.title = Some(v),
            "date" => header.date = find_date(&v).map(|d| d.0).or(Some(v)),
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
            flush(&key, &value, header);
            let (k, v) = raw.split_once(':').unwrap_or((raw, ""));
            key = k.trim().to_ascii_lowercase();
            value = v.trim().to_string();
        } else {
            value.push('\n');
            value.push_str(raw);
        }
    }
    flush(&key, &value, header);
    header.lines.push(HeaderLine {
        field: "front_matter".into(),
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
        out = out
            .replace("\\_", " ")
            .replace("\\\"", "\"")
            .replace("\\n", " ")
            .replace("\\t", " ")
            .replace("\\\\", "\\");
    } else if raw.starts_with('\'') {
        out = out.replace("''", "'");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block of consecutive non-blank header lines.
struct Block<'l, 'a> {
    lines: Vec<&'l Line<'a>>,
}

impl Block<'_, '_> {
    fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text.as_ref())
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

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!', '。', '"', '”'])
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

/// Read the header from `lines` (everything before the first turn).
pub fn parse(lines: &[Line<'_>]) -> Header {
    let mut header = Header::default();
    let start = front_matter(lines, &mut header);
    let title_from_front_matter = header.title.is_some();

    let mut blocks: Vec<Block<'_, '_>> = Vec::new();
    let mut current: Vec<&Line<'_>> = Vec::new();
    for line in &lines[start..] {
        if line.is_blank() || line.markup {
            if !current.is_empty() {
                blocks.push(Block {
                    lines: std::mem::take(&mut current),
                });
            }
            if line.markup {
                header.notes.push(Note {
                    kind: "markup".into(),
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

    // A field keyword (`Speakers:`) opens a section that claims the blocks
    // below it while they look like its values.
    let mut section: Option<&'static str> = None;
    let mut title_done = title_from_front_matter;
    let claim = |field: &str, first: usize, last: usize, header: &mut Header| {
        header.lines.push(HeaderLine {
            field: field.into(),
            line: first,
            end_line: last,
        });
    };
    for (bi, block) in blocks.iter().enumerate() {
        // Split a block line by line when it opens with a field keyword.
        let first_text = block.lines[0].text.as_ref();
        let (kw, inline_value) = match first_text.split_once([':', '：']) {
            Some((k, v)) if lexicon::header_field(k).is_some() => {
                (lexicon::header_field(k), v.trim())
            }
            _ if lexicon::header_field(first_text).is_some() => {
                (lexicon::header_field(first_text), "")
            }
            _ => (None, ""),
        };
        if let Some(field) = kw {
            section = Some(field);
            claim(
                &format!("{field}_heading"),
                block.first(),
                block.first(),
                &mut header,
            );
            let values: Vec<&Line<'_>> = block.lines[1..].to_vec();
            if !inline_value.is_empty() {
                take_value(field, inline_value, &mut header);
            }
            for l in values {
                take_value(field, &l.text, &mut header);
                claim(field, l.no, l.no, &mut header);
            }
            continue;
        }
        let text = block.text();
        if let Some(field) = section {
            let fits = match field {
                "participants" | "chair" => {
                    block.lines.iter().all(|l| participant(&l.text).is_some())
                }
                "date" | "time" => find_date(&text).is_some() || find_time(&text).is_some(),
                _ => !ends_sentence(&text) && text.split_whitespace().count() <= 25,
            };
            if fits {
                for l in &block.lines {
                    take_value(field, &l.text, &mut header);
                }
                claim(field, block.first(), block.last(), &mut header);
                continue;
            }
            section = None;
        }
        let words = text.split_whitespace().count();
        if is_date_or_time_line(&text) {
            for l in &block.lines {
                read_place_date_time(&l.text, &mut header);
            }
            claim("place_date_time", block.first(), block.last(), &mut header);
            continue;
        }
        // A title block may end with its place-and-time line.
        if let Some(at) = block.lines.iter().position(|l| place_time_line(&l.text)) {
            if at > 0 && !title_done {
                let title: Vec<&str> = block.lines[..at].iter().map(|l| l.text.as_ref()).collect();
                header.title = Some(title.join(" "));
                title_done = true;
                claim("title", block.first(), block.lines[at - 1].no, &mut header);
            } else if at > 0 {
                let text: Vec<&str> = block.lines[..at].iter().map(|l| l.text.as_ref()).collect();
                header.notes.push(Note {
                    kind: "preamble".into(),
                    text: text.join(" "),
                    line: block.first(),
                    end_line: block.lines[at - 1].no,
                });
            }
            for l in &block.lines[at..] {
                read_place_date_time(&l.text, &mut header);
            }
            claim(
                "place_date_time",
                block.lines[at].no,
                block.last(),
                &mut header,
            );
            continue;
        }
        if !title_done && !ends_sentence(&text) && words <= 30 {
            header.title = Some(text);
            title_done = true;
            claim("title", block.first(), block.last(), &mut header);
            continue;
        }
        let next_is_time = blocks.get(bi + 1).is_some_and(|b| {
            is_date_or_time_line(&b.text()) || b.lines.iter().any(|l| place_time_line(&l.text))
        });
        if header.place.is_none()
            && next_is_time
            && block.lines.len() <= 3
            && !ends_sentence(&text)
            && words <= 12
        {
            header.place = Some(
                block
                    .lines
                    .iter()
                    .map(|l| l.text.trim_end_matches(','))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            claim("place", block.first(), block.last(), &mut header);
            continue;
        }
        if header.summary.is_none() && words >= 12 && ends_sentence(&text) {
            header.summary = Some(text);
            claim("summary", block.first(), block.last(), &mut header);
            continue;
        }
        header.notes.push(Note {
            kind: "preamble".into(),
            text,
            line: block.first(),
            end_line: block.last(),
        });
    }
    // Prose before the first turn may name who chairs (`Moderators: Dana
    // Price and Marcus Hill.`, `moderated by Jane Doe`).
    let prose: Vec<String> = header
        .title
        .iter()
        .chain(header.summary.iter())
        .cloned()
        .chain(
            header
                .notes
                .iter()
                .filter(|n| n.kind == "preamble")
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
    // A title often carries the date (`..., 11 JULY 2023`).
    if header.date.is_none() {
        header.date = header.title.as_deref().and_then(find_date).map(|d| d.0);
    }
    header
}

/// `Beijing | 10 a.m. March 1, 2021`: a place with a date or time.
fn place_time_line(text: &str) -> bool {
    text.contains('|')
        && (find_date(text).is_some() || find_time(text).is_some())
        && text.split_whitespace().count() <= 16
}

fn read_place_date_time(text: &str, header: &mut Header) {
    for part in text.split('|') {
        let part = part.trim();
        let mut rest = part.to_string();
        let mut found = false;
        if let Some((d, r)) = find_date(part) {
            header.date.get_or_insert(d);
            rest.replace_range(r, " ");
            found = true;
        }
        if let Some((t, r)) = find_time(&rest.clone()) {
            header.time.get_or_insert(t);
            rest.replace_range(r, " ");
            found = true;
        }
        let rest = rest
            .trim()
            .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '-' | '–' | '—'));
        if !found && !rest.is_empty() && header.place.is_none() {
            header.place = Some(rest.trim().to_string());
        }
    }
}

/// `Moderators: A and B`, `Chair: A`, `moderated by A`, `chaired by A`.
static CHAIR_DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
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

fn take_value(field: &str, value: &str, header: &mut Header) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    match field {
        "participants" | "chair" => {
            if let Some((name, title)) = participant(value) {
                let role = if field == "chair" {
                    Role::Chair
                } else {
                    Role::Official
                };
                if !header
                    .participants
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(&name))
                {
                    header.participants.push(Participant { name, role, title });
                }
            }
        }
        "date" => {
            if let Some((d, _)) = find_date(value) {
                header.date.get_or_insert(d);
            }
            if let Some((t, _)) = find_time(value) {
                header.time.get_or_insert(t);
            }
        }
        "time" => {
            header.time.get_or_insert_with(|| value.to_string());
        }
        "place" => {
            header.place.get_or_insert_with(|| value.to_string());
        }
        "title" => {
            header.title.get_or_insert_with(|| value.to_string());
        }
        "source_url" => {
            header.source_url.get_or_insert_with(|| value.to_string());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("10/11/2022 07:54 PM", "2022-10-11"),
            ("2021年3月1日", "2021-03-01"),
        ] {
            assert_eq!(
                find_date(text).map(|d| d.0).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(find_date("May the force"), None);
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
    fn yaml_scalars_fold_like_yaml() {
        assert_eq!(
            yaml_scalar(
                "\"Press Briefing by Jen\\_Psaki and Secretary\\\n  \\ Alejandro\\_Mayorkas\""
            ),
            "Press Briefing by Jen Psaki and Secretary Alejandro Mayorkas"
        );
        assert_eq!(yaml_scalar("'It''s'"), "It's");
    }
}
