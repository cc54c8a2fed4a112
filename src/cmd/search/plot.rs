//! `whosaid search PATTERN --plot`: per transcript that matches, a
//! dispersion strip of where in the event the pattern came up (drawn by
//! [`crate::chart::strips`]), each match marked by the role of who said
//! it; `--svg FILE` writes the same as an image.
//!
//! A match stands at its place among the transcript's words: the words of
//! the turns before it, plus its share of its own turn's words (by bytes,
//! which is close enough for a picture). Only the positions are kept, so
//! the plot of a large corpus holds a few numbers per match.
//!
//! It must not draw (that is `crate::chart::strips`) nor keep turns or
//! text: only positions and roles.

use super::super::{Inputs, Reading, close_listing, for_each_input, stats};
use crate::chart::strips::{self, Strip, StripChart};
use crate::cli::{Format, SearchArgs};
use crate::config::{Env, Out};
use crate::corpus::Wanted;
use crate::query::{Filter, Matcher, Unmatched};
use crate::render::text::{clean, count};
use std::io::{self, Write};
use whosaid::model::Transcript;

/// Where each match of `matcher` stands in `tr` (0 to 1), with the role
/// of its turn; only turns that pass `filter` are searched.
pub fn positions(tr: &Transcript, matcher: &Matcher, filter: &Filter) -> Vec<(f64, whosaid::Role)> {
    let total = tr.total_words().max(1) as f64;
    let mut before = 0usize;
    let mut marks = Vec::new();
    for t in &tr.turns {
        if filter.matches(t) && matcher.may_match_within(&t.text) {
            let len = t.text.len().max(1) as f64;
            for (start, _) in matcher.find_all(&t.text) {
                let within = t.words() as f64 * start as f64 / len;
                marks.push(((before as f64 + within) / total, t.role));
            }
        }
        before += t.words();
    }
    marks
}

pub fn run(
    args: &SearchArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let opts = super::super::chart::match_options(
        args.regex,
        args.word,
        args.ignore_case,
        args.case_sensitive,
    );
    let matcher = match Matcher::new(&args.pattern, opts) {
        Ok(m) => m,
        Err(e) => {
            super::super::message(err, &format!("bad pattern: {e}"));
            return Ok(super::super::ERROR);
        }
    };
    let filter = Filter::from_args(&args.filter);
    let mut unmatched =
        Unmatched::new(&args.filter.speaker, &args.filter.outlet).exact(args.filter.exact);
    let (found, _) = super::super::expand(&args.input.paths, env);
    let o = Out::new(&args.output, env);
    // As `search`: inputs that cannot match are left unparsed, unless
    // the name filters must see every input's names.
    let prefilter =
        (env.prefilter && args.filter.speaker.is_empty() && args.filter.outlet.is_empty())
            .then(|| matcher.prefilter())
            .flatten();
    let may_match = |bytes: &[u8]| prefilter.as_ref().is_none_or(|p| p.may_match(bytes));
    let reading = Reading {
        wanted: prefilter.is_some().then_some(&may_match as &Wanted<'_>),
        progress: true,
    };
    let mut rows = Vec::new();
    let inputs: Inputs = for_each_input(found, reading, err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        let tr = &loaded.parsed.transcript;
        unmatched.observe(&tr.turns);
        let marks = positions(tr, &matcher, &filter);
        if !marks.is_empty() {
            rows.push(Strip {
                label: loaded.source.clone(),
                note: marks.len().to_string(),
                marks,
            });
        }
        Ok(())
    })?;
    let hits: usize = rows.iter().map(|r| r.marks.len()).sum();
    if !rows.is_empty() {
        let chart = plot(&args.pattern, rows);
        match args.charts.svg.as_deref() {
            Some(path) => {
                if let Err(e) = super::super::chart::write_whole(path, &strips::svg(&chart), out) {
                    return Ok(super::super::chart::write_failed(path, &e, err));
                }
            }
            None => {
                let look = super::super::chart::look(&o, &args.charts, env);
                out.write_all(strips::text(&chart, look).as_bytes())?;
            }
        }
    }
    stats::report(&inputs, Some(hits), Format::Table, out, err)?;
    Ok(close_listing(hits, &inputs, &unmatched, err))
}

fn plot(pattern: &str, rows: Vec<Strip>) -> StripChart {
    let pattern = clean(pattern, true);
    let hits: usize = rows.iter().map(|r| r.marks.len()).sum();
    StripChart {
        title: format!(
            "\"{pattern}\": {hits} {} in {}, from the first word to the last",
            if hits == 1 { "match" } else { "matches" },
            count(rows.len(), "transcript")
        ),
        desc: format!(
            "Dispersion plot: one strip per transcript that mentions \"{pattern}\", from its \
             first word (left) to its last (right); each mark is a match, coloured by the \
             role of the speaker (chair, official, journalist, other). The number right of a \
             strip counts its matches."
        ),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Case, MatchOptions};

    #[test]
    fn positions_follow_the_words() {
        let tr = whosaid::parse_bytes(whosaid::BUNDLED_TEXT.as_bytes(), "<bundled>")
            .unwrap()
            .transcript;
        let opts = MatchOptions {
            regex: false,
            word: true,
            case: Case::Smart,
        };
        let m = Matcher::new("chips", opts).unwrap();
        let marks = positions(&tr, &m, &Filter::default());
        // Tian Yulong's two in turn 10 (an official), Yicai's in turn 28
        // (a journalist) near the end.
        let roles: Vec<whosaid::Role> = marks.iter().map(|m| m.1).collect();
        use whosaid::Role::*;
        assert_eq!(roles, [Official, Official, Journalist]);
        // Both of Tian Yulong's stand within turn 10's share of the words.
        let words_before: usize = tr.turns[..9].iter().map(|t| t.words()).sum();
        let total = tr.total_words() as f64;
        let start = words_before as f64 / total;
        let end = (words_before + tr.turns[9].words()) as f64 / total;
        for m in &marks[..2] {
            assert!(m.0 > start && m.0 < end, "{marks:?} not in {start}..{end}");
        }
        assert!(marks[0].0 < marks[1].0 && marks[1].0 < marks[2].0);
        assert!(marks[2].0 > 0.9 && marks[2].0 < 1.0);
    }
}
