//! `whosaid cite`: a ready-to-paste citation of one turn, named by its
//! stable id ([`whosaid::turn_id`]).
//!
//! Every input is read and the turns whose id answers the query are kept;
//! exactly one must: none is "nothing found" (exit status 1), several is
//! an error that lists them (exit status 2). The citation's shapes, one
//! per `--style`, are documented in docs/GUIDE.md; this file only fills
//! them. It does not read files itself.

use super::{ERROR, NO_MATCH, Reading, SUCCESS, for_each_input, message, stats, who};
use crate::cli::{CiteArgs, CiteFormat, CiteStyle, Format};
use crate::config::Env;
use crate::render::text::clean;
use serde::Serialize;
use std::io::{self, Write};
use whosaid::{Role, Transcript, Turn};

/// Everything a citation says, and the citation itself (see docs/json.md).
#[derive(Serialize, Debug)]
pub struct Cited {
    pub source: String,
    pub id: String,
    pub turn: usize,
    pub speaker: Option<String>,
    pub label: String,
    /// The speaker's office: from the label, else from the header's list
    /// of participants.
    pub office: Option<String>,
    pub role: Role,
    pub outlet: Option<String>,
    pub exchange: Option<usize>,
    /// The event: the transcript's title.
    pub event: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub place: Option<String>,
    pub source_url: Option<String>,
    pub line: usize,
    pub end_line: usize,
    pub text: String,
    pub style: &'static str,
    pub citation: String,
    /// The name the citation gives: speaker, else outlet, else label.
    #[serde(skip)]
    who: String,
}

impl Cited {
    fn new(source: &str, id: &str, tr: &Transcript, turn: &Turn) -> Cited {
        Cited {
            source: source.to_string(),
            id: id.to_string(),
            turn: turn.index,
            speaker: turn.speaker.clone(),
            label: turn.label.clone(),
            office: office(tr, turn),
            role: turn.role,
            outlet: turn.outlet.clone(),
            exchange: turn.exchange,
            event: tr.title.clone(),
            date: tr.date.clone(),
            time: tr.time.clone(),
            place: tr.place.clone(),
            source_url: tr.source_url.clone(),
            line: turn.line,
            end_line: turn.end_line,
            text: turn.text.clone(),
            style: "",
            citation: String::new(),
            who: who(turn).to_string(),
        }
    }

    /// Where the words are: the web address when the header gives one,
    /// else the input as named.
    fn location(&self) -> &str {
        self.source_url.as_deref().unwrap_or(&self.source)
    }

    /// `lines 37-61`, or `line 43`.
    fn lines(&self) -> String {
        if self.end_line > self.line {
            format!("lines {}\u{2013}{}", self.line, self.end_line)
        } else {
            format!("line {}", self.line)
        }
    }

    /// Who said it, as a phrase: the name, the office (else the role),
    /// the outlet when it is not the name.
    fn attribution(&self) -> Vec<String> {
        let mut parts = vec![self.who.clone()];
        match &self.office {
            Some(o) => parts.push(o.clone()),
            None if self.role != Role::Other => parts.push(self.role.as_str().to_string()),
            None => {}
        }
        if let Some(o) = self.outlet.as_ref().filter(|o| **o != self.who) {
            parts.push(o.clone());
        }
        parts
    }

    /// The event, place and date, as many as are known.
    fn occasion(&self, date: Option<String>) -> Vec<String> {
        [self.event.clone(), self.place.clone(), date]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// The speaker's office: the title in the label, else the title the
/// header gives the participant of that name.
fn office(tr: &Transcript, turn: &Turn) -> Option<String> {
    turn.title.clone().or_else(|| {
        let name = turn.speaker.as_deref()?;
        tr.participants
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .and_then(|p| p.title.clone())
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO date's year, month name and day, as far as it goes.
fn date_parts(iso: &str) -> (Option<&str>, Option<&'static str>, Option<u32>) {
    let mut it = iso.split('-');
    let year = it.next().filter(|y| y.len() == 4);
    let month = it
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)).copied());
    let day = it.next().and_then(|d| d.parse::<u32>().ok());
    (year, month, day)
}

/// `1 March 2021` (plain, markdown), `2021, March 1` (APA), `March 1,
/// 2021` (Chicago); what is known of it, the ISO text when it reads as
/// no date.
fn written_date(iso: &str, style: CiteStyle) -> String {
    let (Some(y), month, day) = date_parts(iso) else {
        return iso.to_string();
    };
    match (style, month, day) {
        (_, None, _) => y.to_string(),
        (CiteStyle::Apa, Some(m), Some(d)) => format!("{y}, {m} {d}"),
        (CiteStyle::Chicago, Some(m), Some(d)) => format!("{m} {d}, {y}"),
        (CiteStyle::Apa, Some(m), None) => format!("{y}, {m}"),
        (_, Some(m), None) => format!("{m} {y}"),
        (_, Some(m), Some(d)) => format!("{d} {m} {y}"),
    }
}

/// The words in straight double quotes, paragraphs kept apart by a blank
/// line.
fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// The citation in a style (shapes and examples in docs/GUIDE.md).
fn citation(c: &Cited, style: CiteStyle) -> String {
    let date = c.date.as_deref().map(|d| written_date(d, style));
    match style {
        CiteStyle::Plain => {
            let mut about = c.attribution();
            about.extend(c.occasion(date));
            format!(
                "{}\n\u{2014} {} ({}, {}, id {})",
                quoted(&c.text),
                about.join(", "),
                c.location(),
                c.lines(),
                c.id
            )
        }
        CiteStyle::Markdown => {
            let mut about = c.attribution();
            about[0] = format!("**{}**", about[0]);
            if let Some(e) = &c.event {
                about.push(format!("*{e}*"));
            }
            about.extend(c.place.clone());
            about.extend(date);
            let body: Vec<String> = c
                .text
                .split('\n')
                .map(|l| {
                    if l.is_empty() {
                        ">".into()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect();
            format!(
                "{}\n>\n> \u{2014} {} (`{}`, {}, id `{}`)",
                body.join("\n"),
                about.join(", "),
                c.location(),
                c.lines(),
                c.id
            )
        }
        CiteStyle::Apa => {
            let year = c
                .date
                .as_deref()
                .and_then(|d| date_parts(d).0)
                .unwrap_or("n.d.");
            let mut reference = format!("{}. ({}). ", c.who, date.as_deref().unwrap_or("n.d."));
            if let Some(e) = &c.event {
                reference.push_str(&format!("{e} "));
            }
            reference.push_str("[Transcript].");
            if let Some(p) = &c.place {
                reference.push_str(&format!(" {p}."));
            }
            reference.push_str(&format!(" {}", c.location()));
            format!(
                "{} ({}, {}, {})\n\n{}",
                quoted(&c.text),
                c.who,
                year,
                c.lines(),
                reference
            )
        }
        CiteStyle::Chicago => {
            let mut note = c.attribution();
            if let Some(e) = &c.event {
                note.push(format!("\u{201c}{e},\u{201d} transcript"));
            }
            note.extend(c.place.clone());
            note.extend(date);
            note.push(c.location().to_string());
            note.push(c.lines());
            format!("{}\n\n{}.", quoted(&c.text), note.join(", "))
        }
    }
}

fn style_name(style: CiteStyle) -> &'static str {
    match style {
        CiteStyle::Plain => "plain",
        CiteStyle::Markdown => "markdown",
        CiteStyle::Apa => "apa",
        CiteStyle::Chicago => "chicago",
    }
}

/// Candidates listed in the error for an ambiguous prefix.
const LISTED: usize = 10;

pub fn run(args: &CiteArgs, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    if let Some(twice) = super::given_twice(&args.input.paths) {
        message(
            err,
            &format!("{twice} is given twice: name each input once"),
        );
        return Ok(ERROR);
    }
    let (found, _) = super::expand(&args.input.paths, env);
    let mut cited: Vec<Cited> = Vec::new();
    let inputs = for_each_input(found, Reading::default(), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        for (turn, id) in tr.turns.iter().zip(tr.turn_ids()) {
            if args.id.matches(&id) {
                cited.push(Cited::new(&loaded.source, &id, tr, turn));
            }
        }
        Ok(())
    })?;
    let format = match args.format {
        CiteFormat::Text => Format::Text,
        CiteFormat::Json => Format::Json,
    };
    let query = args.id.as_str();
    match cited.len() {
        0 => {
            stats::report(&inputs, Some(0), format, out, err)?;
            // When no input could be read, the errors say it all.
            if inputs.errors == 0 || inputs.errors < inputs.files {
                message(err, &format!("no turn has the id '{query}'"));
            }
            return Ok(if inputs.errors > 0 { ERROR } else { NO_MATCH });
        }
        1 => {}
        n => {
            let list: Vec<String> = cited
                .iter()
                .take(LISTED)
                .map(|c| format!("{} ({}:{}, {})", c.id, c.source, c.line, c.who))
                .collect();
            let more = if n > LISTED { ", ..." } else { "" };
            stats::report(&inputs, Some(n), format, out, err)?;
            message(
                err,
                &format!(
                    "'{query}' names {n} turns: {}{more}; give more of the id, or fewer inputs",
                    list.join(", ")
                ),
            );
            return Ok(ERROR);
        }
    }
    let mut c = cited.remove(0);
    c.style = style_name(args.style);
    c.citation = citation(&c, args.style);
    match args.format {
        CiteFormat::Text => {
            out.write_all(clean(&c.citation, false).as_bytes())?;
            out.write_all(b"\n")?;
        }
        CiteFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &c)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    stats::report(&inputs, Some(1), format, out, err)?;
    Ok(if inputs.errors > 0 { ERROR } else { SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_each_style_wants() {
        assert_eq!(written_date("2021-03-01", CiteStyle::Plain), "1 March 2021");
        assert_eq!(written_date("2021-03-01", CiteStyle::Apa), "2021, March 1");
        assert_eq!(
            written_date("2021-03-01", CiteStyle::Chicago),
            "March 1, 2021"
        );
        assert_eq!(written_date("2021-03", CiteStyle::Plain), "March 2021");
        assert_eq!(written_date("2021", CiteStyle::Apa), "2021");
        assert_eq!(written_date("spring", CiteStyle::Apa), "spring");
    }
}
