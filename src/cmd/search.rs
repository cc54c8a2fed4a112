//! `whosaid search`: the sentences (cut by [`sentences`]) that match
//! a pattern, each with its speaker, role, outlet, turn and source line;
//! or whole turns (`--turn`), or a keyword-in-context concordance
//! (`--kwic`); optionally preceded by the question an answer answers.
//!
//! Matching is [`Matcher`](crate::query::Matcher)'s job, selection
//! [`Filter`](crate::query::Filter)'s and ruling out inputs before they
//! are parsed [`Prefilter`](crate::query::Prefilter)'s; this file only
//! walks turns and sentences and builds the records (none for `-c`, `-l`
//! and `-q`, which only count, and `-l` and `-q` stop at an input's first
//! match). It does not read files itself: the sentences' lines are found
//! in the text the parser read ([`Parsed::text`]), mapped back to the
//! page's lines for HTML.

use super::{ERROR, Inputs, Reading, close_listing, for_each_input, stats, who};
use crate::cli::{Format, SearchArgs};
use crate::config::{Env, Out};
use crate::corpus::Wanted;
use crate::query::{Case, Filter, MatchOptions, Matcher, Unmatched};
use crate::render::text::clean;
use crate::render::{Cell, Col, Paint, Printer, Record, Style, col, num};
use serde::Serialize;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;
use whosaid::linemap::LineMap;
use whosaid::model::{Exchange, Transcript};
use whosaid::turn_id;
use whosaid::{Parsed, Role, Turn};

mod plot;
mod sentences;

pub use sentences::sentences;

/// A byte range of a match within `text`.
#[derive(Serialize, Clone, Copy, Debug)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What a search record holds.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A matching sentence (or turn).
    Match,
    /// The question that a matching answer answers (`--question`).
    Question,
}

impl HitKind {
    /// The name written in JSON and in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Match => "match",
            HitKind::Question => "question",
        }
    }
}

/// The tsv and csv columns of `search` (after `source`): `kind` is in
/// the table only with `--question`, `before` and `after` only with
/// `--context`, `turn_id` (added last) only with `--ids`.
pub fn columns(question: bool, context: bool, ids: bool) -> Vec<Col> {
    vec![
        num("turn").drop(3),
        num("line"),
        num("exchange").shown(false),
        col("kind").shown(question),
        col("speaker"),
        col("label").drop(7),
        col("role").drop(4),
        col("outlet").drop(2),
        col("before").shown(context).drop(5),
        col("text").flex(),
        col("after").shown(context).drop(5),
        col("turn_id").shown(ids),
    ]
}

/// The tsv and csv columns of `search --kwic` (after `source`).
pub fn kwic_columns(ids: bool) -> Vec<Col> {
    vec![
        num("turn").shown(false),
        num("line"),
        num("exchange").shown(false),
        col("speaker").drop(1),
        col("role").shown(false),
        col("outlet").shown(false),
        num("left"),
        col("match"),
        col("right"),
        col("turn_id").shown(ids),
    ]
}

/// One search record: a matching sentence (or turn), or with `--question`
/// the question that a matching answer answers (see docs/json.md).
#[derive(Serialize)]
pub struct Hit<'a> {
    pub source: &'a str,
    /// `match`, or `question` for the question shown by `--question`.
    pub kind: HitKind,
    pub turn: usize,
    pub exchange: Option<usize>,
    pub line: usize,
    pub speaker: Option<&'a str>,
    pub label: &'a str,
    pub role: Role,
    pub outlet: Option<&'a str>,
    pub text: &'a str,
    pub matches: Vec<Span>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub before: &'a [&'a str],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub after: &'a [&'a str],
    /// The stable id of the turn.
    pub turn_id: &'a str,
    #[serde(skip)]
    who: &'a str,
    #[serde(skip)]
    show_kind: bool,
    #[serde(skip)]
    context: bool,
    #[serde(skip)]
    before_lines: Vec<usize>,
    /// `--ids`: the turn's id in text.
    #[serde(skip)]
    show_id: bool,
}

impl<'a> Hit<'a> {
    fn new(source: &'a str, t: &'a Turn, kind: HitKind, text: &'a str, line: usize) -> Self {
        Hit {
            source,
            kind,
            turn: t.index,
            exchange: t.exchange,
            line,
            speaker: t.speaker.as_deref(),
            label: &t.label,
            role: t.role,
            outlet: t.outlet.as_deref(),
            text,
            matches: Vec::new(),
            before: &[],
            after: &[],
            turn_id: "",
            who: who(t),
            show_kind: false,
            context: false,
            before_lines: Vec::new(),
            show_id: false,
        }
    }

    /// The turn's id, shown in text with `--ids`.
    fn id(mut self, id: &'a str, shown: bool) -> Self {
        self.turn_id = id;
        self.show_id = shown;
        self
    }

    fn marks(&self) -> Vec<(usize, usize)> {
        self.matches.iter().map(|s| (s.start, s.end)).collect()
    }
}

impl Record for Hit<'_> {
    fn source(&self) -> &str {
        self.source
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.turn),
            Cell::from(self.line),
            Cell::from(self.exchange),
            Cell::from(self.kind.as_str()),
            Cell::from(self.speaker),
            Cell::from(self.label),
            Cell::from(self.role.as_str()),
            Cell::from(self.outlet),
            Cell::from(self.before.join(" ")),
            Cell::marked(self.text, self.marks()),
            Cell::from(self.after.join(" ")),
            Cell::from(self.turn_id),
        ]
    }

    fn table_cells(&self) -> Vec<Cell> {
        let mut c = self.cells();
        c[4] = Cell::from(self.who);
        c[5] = Cell::from(super::turns::unless_same(Some(self.label), self.who));
        c[7] = Cell::from(super::turns::unless_same(self.outlet, self.who));
        c
    }

    fn text(&self, paint: Paint) -> String {
        let id = super::turns::id_prefix(self.show_id.then_some(self.turn_id), paint);
        let who = paint.paint(&clean(self.who, true), Style::Speaker);
        let who = format!("{id}{who}");
        let line = |n: usize| paint.paint(&n.to_string(), Style::Line);
        if self.kind == HitKind::Question {
            let text = paint.paint(&clean(self.text, true), Style::Dim);
            return format!("{}: {} (question): {}", line(self.line), who, text);
        }
        let mut s = String::new();
        for (i, b) in self.before.iter().enumerate() {
            let n = self.before_lines.get(i).copied().unwrap_or(self.line);
            s.push_str(&format!("{}- {}- {}\n", line(n), who, clean(b, true)));
        }
        s.push_str(&format!(
            "{}: {}: {}",
            line(self.line),
            who,
            paint.highlight(self.text, &self.marks(), true)
        ));
        for a in self.after {
            s.push_str(&format!(
                "\n{}- {}- {}",
                line(self.line),
                who,
                clean(a, true)
            ));
        }
        s
    }
}

/// One `--kwic` record: a match with its left and right context in the
/// sentence (full in JSON, cut to fit in text and table).
#[derive(Serialize)]
pub struct KwicRow<'a> {
    pub source: &'a str,
    pub turn: usize,
    pub line: usize,
    pub exchange: Option<usize>,
    pub speaker: Option<&'a str>,
    pub role: Role,
    pub outlet: Option<&'a str>,
    pub left: &'a str,
    #[serde(rename = "match")]
    pub matched: &'a str,
    pub right: &'a str,
    /// The stable id of the turn.
    pub turn_id: &'a str,
    #[serde(skip)]
    who: &'a str,
    /// `--ids`: the turn's id before the speaker in text.
    #[serde(skip)]
    show_id: bool,
    #[serde(skip)]
    side: usize,
    #[serde(skip)]
    human: bool,
}

const KWIC_WHO: usize = 14;

impl Record for KwicRow<'_> {
    fn source(&self) -> &str {
        self.source
    }
    fn cells(&self) -> Vec<Cell> {
        let (left, right) = if self.human {
            (tail(self.left, self.side), head(self.right, self.side))
        } else {
            (self.left.to_string(), self.right.to_string())
        };
        let m = self.matched.to_string();
        let len = m.len();
        vec![
            Cell::from(self.turn),
            Cell::from(self.line),
            Cell::from(self.exchange),
            Cell::from(if self.human {
                Some(self.who)
            } else {
                self.speaker
            }),
            Cell::from(self.role.as_str()),
            Cell::from(self.outlet),
            Cell::from(left),
            Cell::marked(m, vec![(0, len)]),
            Cell::from(right),
            Cell::from(self.turn_id),
        ]
    }
    fn text(&self, paint: Paint) -> String {
        let who = fit(&clean(self.who, true), KWIC_WHO);
        let left = tail(self.left, self.side);
        let pad = self.side.saturating_sub(left.width());
        let id = match self.show_id {
            true => format!("{} ", paint.paint(self.turn_id, Style::Dim)),
            false => String::new(),
        };
        format!(
            "{:>5}  {id}{} {}{} {} {}",
            paint.paint(&self.line.to_string(), Style::Line),
            paint.paint(&who, Style::Speaker),
            " ".repeat(pad),
            left,
            paint.paint(&clean(self.matched, true), Style::Match),
            head(self.right, self.side)
        )
    }
}

/// The last `n` characters of `s` (a slice of it).
fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// The first `n` characters of `s` (a slice of it).
fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Pad or cut to exactly `w` display columns.
fn fit(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push_str(&" ".repeat(w - used));
    out
}

/// The last `w` display columns of `s` (one line, clean), starting at a
/// word when the cut falls inside one and a space comes later.
fn tail(s: &str, w: usize) -> String {
    let s = clean(s, true);
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        start = i;
    }
    let mid_word = s[..start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    if mid_word {
        if let Some(space) = s[start..].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    s[start..].to_string()
}

/// The first `w` display columns of `s` (one line, clean), ending at a
/// word when the cut falls inside one and a space comes before.
fn head(s: &str, w: usize) -> String {
    let s = clean(s, true);
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        end = i + c.len_utf8();
    }
    let mid_word = s[end..].chars().next().is_some_and(|c| !c.is_whitespace())
        && s[..end]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
    if mid_word {
        if let Some(space) = s[..end].rfind(char::is_whitespace) {
            end = space;
        }
    }
    s[..end].trim_end().to_string()
}

/// The lines of the text the parser read, and where they are in the input.
pub struct SourceText<'a> {
    lines: Vec<&'a str>,
    /// For an HTML page: stripped lines to the page's lines.
    map: Option<&'a LineMap>,
}

impl<'a> SourceText<'a> {
    pub fn new(parsed: &'a Parsed) -> Self {
        SourceText {
            lines: whosaid::source::lines(&parsed.text),
            map: parsed.line_map.as_ref(),
        }
    }

    /// Lines of the text that hold input lines `from..=to`.
    fn range(&self, from: usize, to: usize) -> std::ops::RangeInclusive<usize> {
        let r = match self.map {
            Some(map) => map.stripped_lines(from, to),
            None => from..=to,
        };
        (*r.start()).max(1)..=(*r.end()).min(self.lines.len())
    }

    /// The one input line that text lines `range` all come from, if so.
    fn single_line(&self, range: &std::ops::RangeInclusive<usize>) -> Option<usize> {
        let map = self.map?;
        let first = map.first(*range.start());
        (!range.is_empty() && first == map.last(*range.end())).then_some(first)
    }

    /// The input line of char column `col` of text line `n`.
    fn input_line(&self, n: usize, col: usize) -> usize {
        self.map.map_or(n, |map| map.at(n, col))
    }
}

/// The 1-based input line where `sentence` starts: the first line from
/// `from` to the turn's end that holds the sentence's opening words; `from`
/// when it cannot be found (text normalised by the parser).
pub fn locate(src: &SourceText<'_>, turn: &Turn, sentence: &str, from: usize) -> usize {
    let key: String = sentence
        .chars()
        .take_while(|c| *c != '\n')
        .take(24)
        .collect::<String>()
        .replace('\u{a0}', " ");
    let key = key.trim();
    let fallback = from.max(turn.line);
    if key.is_empty() {
        return fallback;
    }
    let mut range = src.range(fallback.max(1), turn.end_line.max(fallback));
    if let Some(line) = src.single_line(&range) {
        return line; // a minified page: no need to look
    }
    range
        .find_map(|n| {
            let line = src.lines[n - 1].replace('\u{a0}', " ");
            let at = line.find(key)?;
            Some(src.input_line(n, line[..at].chars().count()))
        })
        .unwrap_or(fallback)
}

pub fn run(
    args: &SearchArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if (args.plot || args.charts.svg.is_some()) && super::chart::drawn(&args.charts, &args.output) {
        return plot::run(args, env, out, err);
    }
    let case = if args.case_sensitive {
        Case::Sensitive
    } else if args.ignore_case {
        Case::Insensitive
    } else {
        Case::Smart
    };
    let opts = MatchOptions {
        regex: args.regex,
        word: args.word,
        case,
    };
    let matcher = match Matcher::new(&args.pattern, opts) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "whosaid: bad pattern: {}", one_line_error(&e));
            return Ok(ERROR);
        }
    };
    if matcher.matches_empty() {
        super::message(
            err,
            "note: the pattern can match empty text (like ^ or $); \
             only non-empty matches are shown (try -e '^.' or a word)",
        );
    }
    let filter = Filter::from_args(&args.filter);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, multi) = super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    let human = matches!(o.format, Format::Table | Format::Text);
    let side = args
        .context_chars
        .unwrap_or_else(|| kwic_side(o.width, multi, args.ids.ids));
    let columns = if args.kwic {
        kwic_columns(args.ids.ids)
    } else {
        columns(args.question, args.context > 0, args.ids.ids)
    };
    let show_id = args.ids.ids;
    // Ids cost a hash of every turn: only when they are shown or asked for.
    let need_ids = show_id || !args.ids.id.is_empty() || !human;
    let o_format = o.format;
    let mut printer = Printer::new(out, o, multi, columns);
    // -c, -l and -q print no records: they count them.
    let tally = args.count || args.files_with_matches || args.quiet;
    if tally {
        printer.mute();
    }
    let limit = args.max_count.unwrap_or(usize::MAX);
    // Inputs that cannot match are left unparsed, unless `--speaker` or
    // `--outlet` must see every input's names (for "did you mean").
    let prefilter =
        (env.prefilter && args.filter.speaker.is_empty() && args.filter.outlet.is_empty())
            .then(|| matcher.prefilter())
            .flatten();
    let may_match = |bytes: &[u8]| prefilter.as_ref().is_none_or(|p| p.may_match(bytes));
    let reading = Reading {
        wanted: prefilter.is_some().then_some(&may_match as &Wanted<'_>),
        progress: human && !args.quiet,
    };
    let mut hits = 0usize;
    let inputs: Inputs = for_each_input(found, reading, err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        if args.quiet && hits > 0 {
            return Ok(()); // one match is all -q needs
        }
        let limit = if args.quiet { 1 } else { limit };
        let before_input = hits;
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let ids = if need_ids { tr.turn_ids() } else { Vec::new() };
        let id_of = |t: &Turn| ids.get(t.index.wrapping_sub(1)).map_or("", String::as_str);
        let keep = |t: &&Turn| filter.matches(t) && args.ids.keeps(id_of(t));
        if tally {
            // Counts only: no records; -l and -q need one match alone.
            let most = if args.files_with_matches { 1 } else { limit };
            hits += tr
                .turns
                .iter()
                .filter(keep)
                .try_fold(0, |n, t| {
                    let n = n + count_hits(&matcher, &t.text, args.turn, most - n);
                    if n < most { Ok(n) } else { Err(n) }
                })
                .unwrap_or_else(|n| n);
        } else {
            let src = SourceText::new(&loaded.parsed);
            let mut asked: Option<usize> = None;
            let mut each = |p: &mut Printer<'_>, turn: &Turn, hits: &mut usize| -> io::Result<()> {
                if args.question {
                    if let Some(q) = question_of(tr, turn) {
                        if asked != Some(q.index) {
                            asked = Some(q.index);
                            if let Some(qt) = tr.turn(q.question) {
                                let mut h = Hit::new(
                                    &loaded.source,
                                    qt,
                                    HitKind::Question,
                                    &qt.text,
                                    qt.line,
                                )
                                .id(id_of(qt), show_id);
                                h.show_kind = true;
                                p.record(&h)?;
                            }
                        }
                    }
                }
                *hits += 1;
                Ok(())
            };
            'turns: for turn in tr.turns.iter().filter(keep) {
                if hits - before_input >= limit {
                    break;
                }
                if args.turn {
                    let marks = matcher.find_all(&turn.text);
                    if marks.is_empty() {
                        continue;
                    }
                    each(&mut printer, turn, &mut hits)?;
                    let mut h =
                        Hit::new(&loaded.source, turn, HitKind::Match, &turn.text, turn.line)
                            .id(id_of(turn), show_id);
                    h.matches = spans(&marks);
                    h.show_kind = args.question;
                    printer.record(&h)?;
                    continue;
                }
                if !matcher.may_match_within(&turn.text) {
                    continue;
                }
                let sents = sentences(&turn.text);
                // A literal pattern is found in the whole turn, so that a
                // phrase across a sentence end still matches; each match is
                // reported on the sentence where it starts. A regex is matched
                // sentence by sentence (its anchors are the sentence's edges).
                let turn_marks = matcher.is_literal().then(|| matcher.find_all(&turn.text));
                let mut next_mark = 0; // marks and sentences are both in order
                let mut cursor = turn.line;
                let mut located: Vec<Option<usize>> = vec![None; sents.len()];
                for (i, &(off, sentence)) in sents.iter().enumerate() {
                    let marks: Vec<(usize, usize)> = match &turn_marks {
                        Some(all) => {
                            while all.get(next_mark).is_some_and(|m| m.0 < off) {
                                next_mark += 1;
                            }
                            let from = next_mark;
                            while all
                                .get(next_mark)
                                .is_some_and(|m| m.0 < off + sentence.len())
                            {
                                next_mark += 1;
                            }
                            all[from..next_mark]
                                .iter()
                                .map(|&(a, b)| (a - off, b - off))
                                .collect()
                        }
                        None => matcher.find_all(sentence),
                    };
                    if marks.is_empty() {
                        continue;
                    }
                    if hits - before_input >= limit {
                        break 'turns;
                    }
                    // A match that runs past the sentence's end takes the
                    // sentence it ends in along.
                    let reach = off + marks.iter().map(|m| m.1).max().unwrap_or(0);
                    let s = if reach > off + sentence.len() {
                        let end = sents[i..]
                            .iter()
                            .map(|&(o, x)| o + x.len())
                            .find(|&e| e >= reach)
                            .unwrap_or(reach);
                        &turn.text[off..end]
                    } else {
                        sentence
                    };
                    each(&mut printer, turn, &mut hits)?;
                    let line = locate(&src, turn, s, cursor);
                    cursor = line;
                    located[i] = Some(line);
                    if args.kwic {
                        for &(a, b) in &marks {
                            printer.record(&KwicRow {
                                source: &loaded.source,
                                turn: turn.index,
                                line,
                                exchange: turn.exchange,
                                speaker: turn.speaker.as_deref(),
                                role: turn.role,
                                outlet: turn.outlet.as_deref(),
                                // One more character for people: their cut
                                // can then tell a word cut in two (`tail`).
                                left: last_chars(&s[..a], side + usize::from(human)),
                                matched: &s[a..b],
                                right: first_chars(&s[b..], side + usize::from(human)),
                                turn_id: id_of(turn),
                                show_id,
                                who: who(turn),
                                side,
                                human,
                            })?;
                        }
                        continue;
                    }
                    let ctx = args.context;
                    let before: Vec<&str> = sents[i.saturating_sub(ctx)..i]
                        .iter()
                        .map(|x| x.1)
                        .collect();
                    let after: Vec<&str> = sents
                        [(i + 1).min(sents.len())..(i + 1 + ctx).min(sents.len())]
                        .iter()
                        .map(|x| x.1)
                        .collect();
                    let mut h = Hit::new(&loaded.source, turn, HitKind::Match, s, line)
                        .id(id_of(turn), show_id);
                    h.matches = spans(&marks);
                    h.show_kind = args.question;
                    h.context = ctx > 0;
                    h.before = &before;
                    h.after = &after;
                    h.before_lines = (i.saturating_sub(ctx)..i)
                        .map(|j| {
                            located[j].unwrap_or_else(|| locate(&src, turn, sents[j].1, turn.line))
                        })
                        .collect();
                    printer.record(&h)?;
                }
            }
        }
        let found_here = hits - before_input;
        if found_here > 0 && (args.count || args.files_with_matches) {
            let name = clean(&loaded.source, true);
            let line = if args.files_with_matches {
                name.into_owned()
            } else if printer.with_filename() {
                format!("{name}:{found_here}")
            } else {
                found_here.to_string()
            };
            let eol = printer.eol();
            printer.raw(line.as_bytes())?;
            printer.raw(eol)?;
        }
        printer.end_input()
    })?;
    printer.finish()?;
    stats::report(&inputs, Some(hits), o_format, out, err)?;
    if args.quiet && hits > 0 {
        // As ripgrep: a match found is success for -q, errors or not.
        return Ok(super::SUCCESS);
    }
    Ok(close_listing(hits, &inputs, &unmatched, err))
}

/// How many hits a turn's `text` holds, at most `most`, as the record
/// loop would count them: matching sentences (a literal's match counts
/// for the sentence it starts in), or the turn itself with `--turn`.
fn count_hits(matcher: &Matcher, text: &str, whole_turn: bool, most: usize) -> usize {
    if whole_turn {
        return usize::from(matcher.has_match(text)).min(most);
    }
    if !matcher.may_match_within(text) {
        return 0;
    }
    if !matcher.is_literal() {
        return sentences(text)
            .into_iter()
            .filter(|&(_, s)| matcher.has_match(s))
            .take(most)
            .count();
    }
    let marks = matcher.find_all(text);
    let starts_text = |m: &(usize, usize)| !text[m.0..].starts_with(char::is_whitespace);
    if let [one] = &marks[..] {
        // Text that is not white space is always in a sentence.
        if starts_text(one) {
            return 1.min(most);
        }
    }
    let mut next = 0;
    sentences(text)
        .into_iter()
        .filter(|&(off, s)| {
            while marks.get(next).is_some_and(|m| m.0 < off) {
                next += 1;
            }
            marks.get(next).is_some_and(|m| m.0 < off + s.len())
        })
        .take(most)
        .count()
}

fn spans(marks: &[(usize, usize)]) -> Vec<Span> {
    marks
        .iter()
        .map(|&(start, end)| Span { start, end })
        .collect()
}

/// The exchange that `turn` answers (not the question turn itself).
fn question_of<'t>(tr: &'t Transcript, turn: &Turn) -> Option<&'t Exchange> {
    let ex = tr
        .exchanges
        .iter()
        .find(|e| e.answers.contains(&turn.index))?;
    (ex.question != turn.index).then_some(ex)
}

/// Display columns for each side of a KWIC line.
fn kwic_side(width: usize, multi: bool, ids: bool) -> usize {
    let id = if ids { turn_id::LEN + 1 } else { 0 };
    let fixed = 5 + 2 + id + KWIC_WHO + 1 + 1 + 12 + 1 + if multi { 20 } else { 0 };
    (width.saturating_sub(fixed) / 2).max(10)
}

/// A regex error on one line: the parser draws the pattern with a caret
/// under it over several lines; the last line says what is wrong
/// (`unclosed group`), and the pattern is quoted before it.
fn one_line_error(e: &str) -> String {
    let lines: Vec<&str> = e.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    match lines.as_slice() {
        [_, pattern, .., last] if e.starts_with("regex parse error") => {
            format!("'{pattern}': {}", last.trim_start_matches("error: "))
        }
        _ => clean(e, true).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic_sides_cut_by_display_width() {
        assert_eq!(tail("abc def", 3), "def");
        assert_eq!(head("abc def", 3), "abc");
        assert_eq!(head("中文字", 4), "中文");
        assert_eq!(head("and integrated circuits", 12), "and");
        assert_eq!(tail("the development of", 9), "of");
        assert_eq!(fit("Xiao Yaqing", 4), "Xiao");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(last_chars("héllo", 3), "llo");
        assert_eq!(last_chars("héllo", 9), "héllo");
        assert_eq!(last_chars("héllo", 0), "");
        assert_eq!(first_chars("héllo", 2), "hé");
        assert_eq!(first_chars("hé", 5), "hé");
    }
}
