//! `whosaid quote`: where a quotation was said, by whom, and how
//! faithfully.
//!
//! Candidate turns are found by the quotation's rare words first: an input
//! whose bytes hold too few of them is left unparsed (each word's
//! [`Prefilter`](crate::query::Prefilter), as `search` uses), and a turn
//! whose text holds too few is not aligned. Only the candidates are aligned
//! word by word ([`crate::quote::align`]); the passages found are ranked
//! (verdict, the `--speaker` named, similarity, input order) and the best
//! printed. This file builds and prints the records; the matching is in
//! `src/quote.rs`, and it does not read files itself.

use super::search::{SourceText, locate};
use super::turns::unless_same;
use super::{ERROR, Inputs, NO_MATCH, Reading, SUCCESS, for_each_input, message, stats, who};
use crate::cli::{Format, QuoteArgs};
use crate::config::{Env, Out};
use crate::corpus::Wanted;
use crate::query::{Case, Filter, MatchOptions, Matcher, Prefilter, Unmatched};
use crate::quote::{Change, ChangeKind, Passage, Quotation, Verdict, align, words};
use crate::render::text::{clean, shorten};
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use whosaid::{Role, Transcript, Turn};

/// The tsv and csv columns of `quote` (after `source`); the table shows
/// `misattributed` only with `--speaker`.
pub fn columns(attributed: bool) -> Vec<Col> {
    vec![
        col("verdict"),
        num("similarity").shown(false),
        num("turn").drop(3),
        num("line"),
        num("end_line").shown(false),
        num("exchange").drop(6),
        col("speaker"),
        col("label").shown(false),
        col("role").drop(4),
        col("outlet").drop(2),
        col("turn_id").drop(5),
        col("misattributed").shown(attributed),
        col("quote").shown(false),
        col("passage").flex(),
        col("changes").drop(7),
    ]
}

/// One passage found (or, alone, the quotation not found): see
/// docs/json.md.
#[derive(Serialize, Debug)]
pub struct QuoteRow {
    /// The input; `null` in the record of a quotation not found.
    pub source: Option<String>,
    pub verdict: Verdict,
    /// Dice similarity of the quotation's words and the passage's (1 for
    /// verbatim), to three decimals.
    pub similarity: f64,
    pub quote: String,
    pub passage: Option<String>,
    pub turn: Option<usize>,
    pub turn_id: Option<String>,
    pub exchange: Option<usize>,
    pub line: Option<usize>,
    pub end_line: Option<usize>,
    pub speaker: Option<String>,
    pub label: Option<String>,
    pub role: Option<Role>,
    pub outlet: Option<String>,
    pub changes: Vec<Change>,
    /// With `--speaker`: someone else said it; `null` without.
    pub misattributed: Option<bool>,
    #[serde(skip)]
    who: String,
    /// Byte ranges in `passage` of the words that differ.
    #[serde(skip)]
    marks: Vec<(usize, usize)>,
    /// Said by the `--speaker` named.
    #[serde(skip)]
    by_named: bool,
    /// The `--speaker` named, for the text format.
    #[serde(skip)]
    named: Option<String>,
}

impl QuoteRow {
    fn not_found(quote: &Quotation) -> QuoteRow {
        QuoteRow {
            source: None,
            verdict: Verdict::NotFound,
            similarity: 0.0,
            quote: quote.text.clone(),
            passage: None,
            turn: None,
            turn_id: None,
            exchange: None,
            line: None,
            end_line: None,
            speaker: None,
            label: None,
            role: None,
            outlet: None,
            changes: Vec::new(),
            misattributed: None,
            who: String::new(),
            marks: Vec::new(),
            by_named: false,
            named: None,
        }
    }

    /// The quotation holds as attributed (exit status 0).
    fn holds(&self) -> bool {
        self.verdict.holds() && self.misattributed != Some(true)
    }

    /// Ranking: the strongest verdict, then the speaker named, then the
    /// closest passage; input order among equals (the sort is stable).
    fn rank(&self) -> (Verdict, bool, i64) {
        (
            self.verdict,
            !self.by_named,
            -(self.similarity * 1000.0).round() as i64,
        )
    }

    fn changes_text(&self) -> String {
        self.changes
            .iter()
            .map(|c| match c.kind {
                ChangeKind::Changed => {
                    format!("changed \"{}\" (transcript \"{}\")", c.quote, c.transcript)
                }
                ChangeKind::Added => format!("added \"{}\"", c.quote),
                ChangeKind::Omitted => format!("omitted \"{}\"", c.transcript),
                ChangeKind::Elided => format!("elided \"{}\"", c.transcript),
                ChangeKind::Replaced => {
                    format!("replaced \"{}\" (transcript \"{}\")", c.quote, c.transcript)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

impl Record for QuoteRow {
    fn source(&self) -> &str {
        self.source.as_deref().unwrap_or("")
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.verdict.as_str()),
            Cell::from(format!("{:.3}", self.similarity)),
            Cell::from(self.turn),
            Cell::from(self.line),
            Cell::from(self.end_line),
            Cell::from(self.exchange),
            Cell::from(self.speaker.as_deref()),
            Cell::from(self.label.as_deref()),
            Cell::from(self.role.map(Role::as_str)),
            Cell::from(self.outlet.as_deref()),
            Cell::from(self.turn_id.as_deref()),
            Cell::from(yes_no(self.misattributed)),
            Cell::from(self.quote.as_str()),
            Cell::marked(self.passage.clone().unwrap_or_default(), self.marks.clone()),
            Cell::from(self.changes_text()),
        ]
    }

    fn table_cells(&self) -> Vec<Cell> {
        let mut c = self.cells();
        c[6] = Cell::from(self.who.as_str());
        c[7] = Cell::from(unless_same(self.label.as_deref(), &self.who));
        c[9] = Cell::from(unless_same(self.outlet.as_deref(), &self.who));
        c
    }

    /// `43: Xiao Yaqing: verbatim, turn 2, id …: <passage>`, then a line
    /// `43- ...` for each difference and for a misattribution.
    fn text(&self, paint: Paint) -> String {
        let line = self.line.unwrap_or(0).to_string();
        let mut s = format!(
            "{}: {}: {}, turn {}, id {}: {}",
            paint.paint(&line, Style::Line),
            paint.paint(&clean(&self.who, true), Style::Speaker),
            self.verdict.as_str(),
            self.turn.unwrap_or(0),
            self.turn_id.as_deref().unwrap_or(""),
            paint.highlight(self.passage.as_deref().unwrap_or(""), &self.marks, true),
        );
        let more = |s: &mut String, what: &str| {
            s.push_str(&format!("\n{}- {what}", paint.paint(&line, Style::Line)));
        };
        for c in &self.changes {
            more(&mut s, &change_text(c, paint));
        }
        if let (Some(true), Some(name)) = (self.misattributed, &self.named) {
            let said = clean(&self.who, true);
            more(
                &mut s,
                &format!(
                    "misattributed: said by {said}, not by \"{}\"",
                    clean(name, true)
                ),
            );
        }
        s
    }
}

/// A difference, for people: what the quotation and the transcript have,
/// the words coloured as matches on a terminal.
fn change_text(c: &Change, paint: Paint) -> String {
    let q = |s: &str| {
        let words = paint.paint(&shorten(&clean(s, true), 60), Style::Match);
        format!("\"{words}\"")
    };
    match c.kind {
        ChangeKind::Changed => format!(
            "changed: {} in the quotation, {} in the transcript",
            q(&c.quote),
            q(&c.transcript)
        ),
        ChangeKind::Added => format!("added: {} is not in the transcript", q(&c.quote)),
        ChangeKind::Omitted => format!("omitted without an ellipsis: {}", q(&c.transcript)),
        ChangeKind::Elided => format!("left out at the ellipsis: {}", q(&c.transcript)),
        ChangeKind::Replaced => format!("{} stands for {}", q(&c.quote), q(&c.transcript)),
    }
}

/// The quotation's rare words as matchers (any case), and how many of
/// them a candidate must hold.
struct Anchors {
    matchers: Vec<Matcher>,
    needed: usize,
    folded: Vec<String>,
}

impl Anchors {
    fn new(quote: &Quotation) -> Anchors {
        let opts = MatchOptions {
            regex: false,
            word: false,
            case: Case::Insensitive,
        };
        let folded = quote.anchors();
        let matchers: Vec<Matcher> = folded
            .iter()
            .filter_map(|a| Matcher::new(a, opts).ok())
            .collect();
        let needed = Quotation::anchors_needed(matchers.len());
        Anchors {
            matchers,
            needed,
            folded,
        }
    }

    /// A turn's text holds enough rare words to be aligned.
    fn candidate(&self, text: &str) -> bool {
        let mut held = 0;
        self.matchers.iter().any(|m| {
            held += usize::from(m.has_match(text));
            held >= self.needed
        }) || self.needed == 0
    }

    /// Each rare word's prefilter; `None` when one has none (then every
    /// input is parsed).
    fn prefilters(&self) -> Option<Vec<Prefilter>> {
        if self.matchers.is_empty() {
            return None;
        }
        self.matchers.iter().map(Matcher::prefilter).collect()
    }
}

/// The best passage of each candidate turn of one transcript.
fn passages<'t>(
    tr: &'t Transcript,
    quote: &Quotation,
    anchors: &Anchors,
) -> Vec<(&'t Turn, Passage)> {
    let mut out = Vec::new();
    for turn in &tr.turns {
        if !anchors.candidate(&turn.text) {
            continue;
        }
        let tw = words(&turn.text);
        let around: Vec<usize> = tw
            .iter()
            .enumerate()
            .filter(|(_, w)| anchors.folded.contains(&w.folded))
            .map(|(i, _)| i)
            .collect();
        if let Some(p) = align(quote, &turn.text, &tw, &around) {
            out.push((turn, p));
        }
    }
    out
}

/// The first and last source lines of a passage of a turn.
fn lines_of(src: &SourceText<'_>, turn: &Turn, span: &std::ops::Range<usize>) -> (usize, usize) {
    let text = &turn.text;
    let passage = &text[span.clone()];
    let first = locate(src, turn, passage, turn.line);
    // The passage's last words on their line: after its last line break,
    // at most the 24 characters `locate` looks for.
    let line_start = span.start + passage.rfind('\n').map_or(0, |i| i + 1);
    let mut tail = span.end.saturating_sub(24).max(line_start);
    while !text.is_char_boundary(tail) {
        tail += 1;
    }
    let last = locate(src, turn, &text[tail..span.end], first).max(first);
    (first, last)
}

fn row(
    source: &str,
    turn: &Turn,
    id: &str,
    p: Passage,
    src: &SourceText<'_>,
    named: Option<&Filter>,
) -> QuoteRow {
    let (line, end_line) = lines_of(src, turn, &p.span);
    let marks = p
        .changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::Changed | ChangeKind::Omitted))
        .filter_map(|c| c.span.clone())
        .map(|r| (r.start - p.span.start, r.end - p.span.start))
        .collect();
    let by_named = named.is_some_and(|f| f.speaker_ok(turn));
    QuoteRow {
        source: Some(source.to_string()),
        verdict: p.verdict,
        similarity: (p.similarity * 1000.0).round() / 1000.0,
        quote: String::new(),
        passage: Some(turn.text[p.span.clone()].to_string()),
        turn: Some(turn.index),
        turn_id: Some(id.to_string()),
        exchange: turn.exchange,
        line: Some(line),
        end_line: Some(end_line),
        speaker: turn.speaker.clone(),
        label: Some(turn.label.clone()),
        role: Some(turn.role),
        outlet: turn.outlet.clone(),
        changes: p.changes,
        misattributed: named.map(|_| !by_named),
        who: who(turn).to_string(),
        marks,
        by_named,
        named: None,
    }
}

pub fn run(
    args: &QuoteArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let quote = match Quotation::parse(&args.quotation) {
        Ok(q) => q,
        Err(e) => {
            message(err, &e.to_string());
            return Ok(ERROR);
        }
    };
    if let Some(twice) = super::given_twice(&args.input.paths) {
        message(
            err,
            &format!("{twice} is given twice: name each input once"),
        );
        return Ok(ERROR);
    }
    let named = args
        .speaker
        .as_ref()
        .map(|name| Filter::new(std::slice::from_ref(name), &[], &[], &[]));
    let mut unmatched = Unmatched::new(args.speaker.as_slice(), &[]);
    let anchors = Anchors::new(&quote);
    // With --speaker every input is parsed, so that a name that is
    // nowhere can be told (as `search` does).
    let prefilters = (env.prefilter && named.is_none())
        .then(|| anchors.prefilters())
        .flatten();
    let enough = |bytes: &[u8]| {
        prefilters
            .as_ref()
            .is_none_or(|ps| Prefilter::enough_may_match(ps, anchors.needed, bytes))
    };
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let format = o.format;
    let reading = Reading {
        wanted: prefilters.is_some().then_some(&enough as &Wanted<'_>),
        progress: matches!(format, Format::Table | Format::Text),
    };
    let mut rows: Vec<QuoteRow> = Vec::new();
    let inputs: Inputs = for_each_input(found, reading, err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let found = passages(tr, &quote, &anchors);
        if found.is_empty() {
            return Ok(());
        }
        let ids = tr.turn_ids();
        let src = SourceText::new(&loaded.parsed);
        for (turn, p) in found {
            let id = ids
                .get(turn.index.wrapping_sub(1))
                .map_or("", String::as_str);
            rows.push(row(&loaded.source, turn, id, p, &src, named.as_ref()));
        }
        Ok(())
    })?;
    rows.sort_by_key(QuoteRow::rank);
    let shown = if args.all {
        rows.len()
    } else {
        args.max.map_or(1, |n| n as usize)
    };
    let hidden = rows.len().saturating_sub(shown);
    rows.truncate(shown);
    for r in &mut rows {
        r.quote = quote.text.clone();
        r.named = args.speaker.clone();
    }
    let holds = rows.first().is_some_and(QuoteRow::holds);
    let printed = rows.len();
    let mut printer = Printer::new(out, o, multi, columns(named.is_some()));
    // When no input could be read, the errors say it all: no verdict.
    let none_read = inputs.errors > 0 && inputs.errors >= inputs.files;
    if rows.is_empty() && !none_read {
        print_not_found(&mut printer, &quote, format)?;
    }
    for r in &rows {
        printer.record(r)?;
    }
    printer.finish()?;
    stats::report(&inputs, Some(printed), format, out, err)?;
    for m in unmatched.messages() {
        message(err, &m);
    }
    if hidden > 0 && matches!(format, Format::Table | Format::Text) {
        let more = crate::render::text::count(hidden, "more passage");
        message(err, &format!("note: {more} found (--all to list them)"));
    }
    Ok(if inputs.errors > 0 {
        ERROR
    } else if holds {
        SUCCESS
    } else {
        NO_MATCH
    })
}

/// Nothing found: a `not found` record for machines, a line for people.
fn print_not_found(printer: &mut Printer<'_>, quote: &Quotation, format: Format) -> io::Result<()> {
    if matches!(format, Format::Table | Format::Text) {
        let line = format!("not found: \"{}\"", clean(&quote.text, true));
        let eol = printer.eol();
        printer.raw(line.as_bytes())?;
        return printer.raw(eol);
    }
    printer.record(&QuoteRow::not_found(quote))
}
