//! Which lines are speaker labels: candidates weighed against the
//! document.
//!
//! [`label`] says what one line looks like; this module
//! decides, for the whole document, which candidates open turns. The
//! evidence is the candidate's shape, its place (a paragraph start, after
//! a sentence end, an indented first line), its repetition, the
//! document's dominant style (inline labels in capitals, full-stop
//! labels, name-and-clock lines) and the conversation (a question and its
//! reply confirm labels seen once). Each decision is a [`LabelRule`]; a
//! refusal is a diagnostic. It reads no names and decides no roles.

use super::key::SpeakerKey;
use super::label::{self, Candidate, Form, LabelKind};
use super::lines::{self, Line};
use super::{header, lexicon};
use crate::decision::LabelRule;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use std::collections::HashMap;

/// Text that closes a sentence or a label: what may stand before a label
/// on the line above it.
fn closes_paragraph(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '?', '!', '。', '？', '！', '؟', '"', '”', '’', ')', ']', ':', '：', '…', '—',
    ])
}

/// Labels compare without case: `ROSS` and `Ross` are one label.
pub(super) fn key_of(label: &str) -> String {
    label.to_lowercase()
}

/// A label the parser accepted, with the rule that decided.
pub(super) struct Accepted<'a> {
    pub idx: usize,
    pub cand: Candidate<'a>,
    pub rule: LabelRule,
}

/// A label refused only because it is seen once and nothing else marks it:
/// a question and its reply may still confirm it.
struct Once<'a> {
    idx: usize,
    cand: Candidate<'a>,
    diag: Diagnostic,
}

/// Every line shaped like a label, how often each label recurs, and the
/// lines that came closest (for a file where none is accepted).
struct Scan<'a> {
    /// Boxed: most lines are not candidates, and a `None` box is one word.
    cands: Vec<Option<Box<Candidate<'a>>>>,
    counts: HashMap<String, usize>,
    near: Vec<(usize, String)>,
}

/// First pass: what each line looks like. A code the document's speaker
/// key declares is a candidate; a line that opens like a label but does
/// not read as a name is noted (`label-refused`).
fn scan<'a>(
    lines: &'a [Line<'a>],
    start: usize,
    key: Option<&SpeakerKey>,
    diags: &mut Vec<Diagnostic>,
) -> Scan<'a> {
    let mut s = Scan {
        cands: vec![None; lines.len()],
        counts: HashMap::new(),
        near: Vec::new(),
    };
    for (i, line) in lines.iter().enumerate().skip(start) {
        if line.markup || line.is_blank() || key.is_some_and(|k| k.legend.contains(&i)) {
            continue;
        }
        let found = match key.and_then(|k| k.candidate(line.text)) {
            Some(c) => Ok(Some(c)),
            // Most lines are running text: a look at their bytes rules them out.
            None if !label::may_open_label(line.text) => Ok(None),
            None => label::candidate(line.text),
        };
        match found {
            Ok(Some(c)) => {
                *s.counts.entry(key_of(&c.label)).or_default() += 1;
                s.cands[i] = Some(Box::new(c));
            }
            Ok(None) => {}
            Err(refusal) => {
                let words = refusal.label.split_whitespace().count();
                let para_start = i == start || lines[i - 1].is_blank() || lines[i - 1].markup;
                if words <= 4 && para_start && lexicon::header_field(&refusal.label).is_none() {
                    let message = format!(
                        "'{}:' looks like a label but was read as text: {}",
                        refusal.label, refusal.reason
                    );
                    s.near.push((line.no, message.clone()));
                    diags.push(Diagnostic::info(
                        line.no,
                        DiagnosticKind::LabelRefused,
                        message,
                    ));
                }
            }
        }
    }
    s
}

/// Where a line stands among its neighbours.
struct Place<'l, 'a> {
    lines: &'l [Line<'a>],
    start: usize,
}

impl Place<'_, '_> {
    /// A heading line (`On the Korean Peninsula`) alone above line `i`.
    fn heading_above(&self, i: usize) -> bool {
        let (l, s) = (self.lines, self.start);
        i > s
            && (i == s + 1 || l[i - 2].is_blank())
            && l[i - 1].text.split_whitespace().count() <= 8
    }

    /// A heading in capitals set further in than line `i` just above it
    /// (`ON BEHALF OF THE PETITIONER` centred over `MS. RIVERA:`): text
    /// extracted from a PDF keeps headings without a blank line after.
    fn centred_heading_above(&self, i: usize) -> bool {
        let l = self.lines;
        if i <= self.start || l[i - 1].indent <= l[i].indent {
            return false;
        }
        let above = l[i - 1].text;
        let letters = above.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 3
            && !above.chars().any(char::is_lowercase)
            && !above.contains(':')
            && !above.ends_with([',', ';', '-'])
            && above.split_whitespace().count() <= 10
    }

    /// Is the line below `i` text (not blank, not markup)?
    fn text_below(&self, i: usize) -> bool {
        self.lines
            .get(i + 1)
            .is_some_and(|l| !l.is_blank() && !l.markup)
    }

    /// An indented first line opens a paragraph (the Congressional Record).
    fn indented(&self, i: usize) -> bool {
        let l = self.lines;
        i > self.start && l[i].indent >= 2 && l[i].indent > l[i - 1].indent
    }

    /// Can a turn begin on line `i`?
    fn para_start(&self, i: usize) -> bool {
        let l = self.lines;
        i == self.start
            || l[i - 1].is_blank()
            || l[i - 1].markup
            || closes_paragraph(l[i - 1].text)
            || self.heading_above(i)
            || self.centred_heading_above(i)
            // Text under a line-number gutter has no blank lines: its
            // paragraphs open with a deeper indent.
            || (l[i].gutter && self.indented(i))
    }
}

impl Place<'_, '_> {
    /// A label that the rest of the document cannot overturn, given the
    /// times its label is seen (`count`, at least) and the candidate on
    /// the next line of text (`next`, `None` when there is none or it is
    /// not known yet): a voice tag, or, opening a paragraph, a `Q`
    /// marker, an inline label that is strong (a title, a role, an
    /// outlet, a name in capitals) or recurs, or a label alone on its line
    /// above text. Never a header field, a court examination's heading or
    /// a sentence opener. What [`Judge::verdict`] decides first, and all
    /// that [`sure_label_near_start`] reads of a document's start: more
    /// sightings or lines below never refuse what it accepts.
    fn sure_label(
        &self,
        i: usize,
        cand: &Candidate<'_>,
        count: usize,
        next: Option<Option<&Candidate<'_>>>,
    ) -> Option<LabelRule> {
        if cand.shape.opener
            || lexicon::header_field(&cand.label).is_some()
            || super::examination::examiner(self.lines[i].text).is_some()
        {
            return None;
        }
        match (cand.form, cand.kind) {
            (Form::Key, _) => Some(LabelRule::SpeakerKey),
            (Form::Voice, _) => Some(LabelRule::VoiceTag),
            (Form::Bare | Form::Period | Form::Clock, _) => None,
            (_, LabelKind::QMarker) => self.para_start(i).then_some(LabelRule::QMarker),
            (_, LabelKind::Inline | LabelKind::AMarker) => {
                let rule = if cand.shape.strong() {
                    LabelRule::InlineStrong
                } else {
                    LabelRule::InlineRepeated
                };
                ((cand.shape.strong() || count >= 2) && self.para_start(i)).then_some(rule)
            }
            (_, LabelKind::Alone) => {
                let next_is_label = next?.is_some_and(|c| {
                    matches!(c.form, Form::Colon | Form::Dash) || c.kind == LabelKind::QMarker
                });
                // Without case, a label seen once looks like a sentence
                // ending in a colon.
                let weak = cand.shape.caseless && !cand.shape.strong() && count < 2;
                let rule = if cand.timestamp.is_some() {
                    LabelRule::AloneWithTimestamp
                } else {
                    LabelRule::Alone
                };
                (self.para_start(i) && !weak && (!next_is_label || cand.timestamp.is_some()))
                    .then_some(rule)
            }
        }
    }
}

/// Does `text` hold a label [`find_labels`] would accept, decided from
/// the document's first lines alone? The index of the first sure label
/// when one opens a paragraph within the first `max_lines` lines; `None`
/// (read the whole document) when there is none there, when front
/// matter does not close there, or when something that changes lines or
/// candidates across the document (a speaker key, subtitle cues, margin
/// numbers) may be present.
pub(super) fn sure_label_near_start(text: &str, max_lines: usize) -> Option<usize> {
    // Subtitle cues, margin numbers and a speaker key change lines or
    // candidates across the whole document: one look at each line's ends.
    let mut numbered = lines::NumberedLines::default();
    for raw in lines::raw_lines(text) {
        if SpeakerKey::may_head_a_key(raw) {
            return None;
        }
        numbered.count(raw);
    }
    if numbered.may_be_a_gutter() || lines::may_hold_cues(text) {
        return None;
    }
    // Most documents show their first sure label within a few dozen
    // lines: read those first, and windows four times longer only without
    // one there (reading stops at the first sure label, so a window's
    // answer is the longer window's too).
    let mut window = FIRST_WINDOW.min(max_lines);
    loop {
        let head = lines::first_lines(text, window);
        let mut rewritten = String::new();
        let lines = lines::split(head, &mut rewritten);
        if let Some(k) = first_sure_label(&lines) {
            return Some(k);
        }
        if window >= max_lines || head.len() == text.len() {
            return None;
        }
        window = (window * 4).min(max_lines);
    }
}

/// How many lines [`sure_label_near_start`] reads first.
const FIRST_WINDOW: usize = 24;

/// The index of the first line of `lines` that [`Place::sure_label`]
/// takes as a label, reading the lines in order and each with only the
/// lines above it, as they would stream in.
fn first_sure_label(all: &[Line<'_>]) -> Option<usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    // Front matter (`---` as the first line of text, up to the next `---`
    // or `...`) holds no label; the body starts after it.
    let mut in_front_matter = false;
    let mut start = 0;
    // A label alone on its line waits for the line of text below it.
    let mut alone_above: Option<usize> = None;
    for (i, line) in all.iter().enumerate() {
        let lines = &all[..=i];
        if in_front_matter {
            in_front_matter = !(line.text == "---" || line.text == "...");
            start = i + 1;
            continue;
        }
        in_front_matter = line.text == "---" && lines[..i].iter().all(Line::is_blank);
        if in_front_matter || line.markup || line.is_blank() {
            continue;
        }
        let cand = label::may_open_label(line.text)
            .then(|| label::candidate(line.text).ok().flatten())
            .flatten();
        if let Some(c) = &cand {
            *counts.entry(key_of(&c.label)).or_default() += 1;
        }
        let place = Place { lines, start };
        let seen = |c: &Candidate<'_>| counts[&key_of(&c.label)];
        if let Some(k) = alone_above.take() {
            if let Ok(Some(above)) = label::candidate(lines[k].text) {
                if place
                    .sure_label(k, &above, seen(&above), Some(cand.as_ref()))
                    .is_some()
                {
                    return Some(k);
                }
            }
        }
        let Some(cand) = cand else { continue };
        if place.sure_label(i, &cand, seen(&cand), None).is_some() {
            return Some(i);
        }
        if cand.kind == LabelKind::Alone {
            alone_above = Some(i);
        }
    }
    None
}

/// How the document as a whole writes its labels.
struct Style {
    /// Inline colon labels that are strong or recur, at paragraph starts.
    firm_inline: usize,
    /// Most of those are in capitals (`MS. PSAKI:`).
    caps_style: bool,
    /// Name-and-clock lines (`Speaker 1  0:04`).
    clock_lines: usize,
    /// Full-stop labels (`Mr. Powell.`, `PM.`) open more paragraphs than
    /// colon labels, and one of them recurs.
    period_style: bool,
    /// `A.` answers where `Q.` asks, or recurs after `Q` markers.
    answers_marked: bool,
    /// Lines in capitals alone, with the words directly below (`MASTER OF
    /// CEREMONIES`), open more paragraphs than colon labels, and one recurs.
    bare_style: bool,
}

impl Style {
    fn of(scan: &Scan<'_>, place: &Place<'_, '_>) -> Style {
        let cands = || {
            scan.cands
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.as_deref().map(|c| (i, c)))
        };
        let recurs = |c: &Candidate<'_>| scan.counts[&key_of(&c.label)] >= 2;
        let firm: Vec<bool> = cands()
            .filter(|(i, c)| {
                c.kind != LabelKind::Alone
                    && matches!(c.form, Form::Colon | Form::Dash)
                    && place.para_start(*i)
                    && (c.shape.strong() || recurs(c))
            })
            .map(|(_, c)| c.shape.all_caps)
            .collect();
        let caps_style =
            firm.len() >= 3 && firm.iter().filter(|c| **c).count() * 5 >= firm.len() * 4;
        // Styles one line does not prove: name-and-clock lines must recur;
        // so must full-stop labels at paragraph starts, with some speaker
        // seen twice, in a document not written in colon labels.
        let clock_lines = cands().filter(|(_, c)| c.form == Form::Clock).count();
        let period: Vec<&Candidate<'_>> = cands()
            .filter(|(i, c)| {
                c.form == Form::Period
                    && c.kind != LabelKind::AMarker
                    && (place.para_start(*i) || place.indented(*i))
            })
            .map(|(_, c)| c)
            .collect();
        let period_style =
            period.len() >= 3 && period.len() > firm.len() && period.iter().any(|c| recurs(c));
        // `A.` answers where `Q.` asks (`A. Lincoln said` once in a
        // briefing is a sentence).
        let marked = |kind: LabelKind| -> Vec<usize> {
            cands()
                .filter(|(i, c)| c.kind == kind && place.para_start(*i))
                .map(|(i, _)| i)
                .collect()
        };
        let q_markers = marked(LabelKind::QMarker);
        let answers_marked = !q_markers.is_empty()
            && (marked(LabelKind::AMarker).len() >= 2
                || q_markers
                    .iter()
                    .any(|&i| place.lines[i].text.starts_with("Q.")));
        let bare: Vec<&Candidate<'_>> = cands()
            .filter(|(i, c)| {
                c.form == Form::Bare
                    && place.para_start(*i)
                    && place.text_below(*i)
                    && scan.cands[i + 1].is_none()
            })
            .map(|(_, c)| c)
            .collect();
        let bare_style =
            bare.len() >= 3 && bare.len() > firm.len() && bare.iter().any(|c| recurs(c));
        Style {
            bare_style,
            firm_inline: firm.len(),
            caps_style,
            clock_lines,
            period_style,
            answers_marked,
        }
    }
}

/// What the evidence says of one candidate.
enum Verdict {
    Accept(LabelRule),
    /// Seen once and unmarked: a question and its reply may confirm it.
    Once(Diagnostic),
    Refuse,
}

/// Everything the verdict on one candidate reads.
struct Judge<'j, 'a> {
    place: Place<'j, 'a>,
    style: Style,
    cands: &'j [Option<Box<Candidate<'a>>>],
    counts: &'j HashMap<String, usize>,
}

impl Judge<'_, '_> {
    /// Header fields (`Speakers:`, `Date:`) before the first turn are not
    /// labels, unless a role word speaks (`Moderator: Welcome to ...`
    /// rather than `Moderator: Jane Roe, ...`).
    fn header_field(&self, cand: &Candidate<'_>, next: Option<usize>) -> bool {
        if lexicon::header_field(&cand.label).is_none() {
            return false;
        }
        let value = if cand.rest.is_empty() {
            next.map_or("", |j| self.place.lines[j].text)
        } else {
            cand.rest
        };
        let listed =
            header::participant(value).is_some() || super::dates::find_date(value).is_some();
        !lexicon::is_role_word(&cand.label) || listed
    }

    /// `Vogel: „Beim Netzausbau müssen wir doppelt so schnell werden“`
    /// above the first turn: a headline quoting someone, not a turn (the
    /// name is seen once, and nothing but the quotation follows it).
    fn quoted_headline(&self, cand: &Candidate<'_>) -> bool {
        let rest = cand.rest.trim();
        let quoted = [('„', '“'), ('“', '”'), ('«', '»'), ('"', '"'), ('»', '«')]
            .iter()
            .any(|(open, close)| {
                rest.strip_prefix(*open)
                    .and_then(|r| r.strip_suffix(*close))
                    .is_some_and(|inner| !inner.contains([*open, *close]))
            });
        quoted && self.counts[&key_of(&cand.label)] == 1
    }

    /// The verdict on the candidate of line `i`.
    fn verdict(
        &self,
        i: usize,
        cand: &Candidate<'_>,
        next: Option<usize>,
        out: &mut Notes,
    ) -> Verdict {
        let count = self.counts[&key_of(&cand.label)];
        let (place, style) = (&self.place, &self.style);
        let below = next.map(|j| self.cands[j].as_deref());
        if let Some(rule) = place.sure_label(i, cand, count, below) {
            return Verdict::Accept(rule);
        }
        // `BY MR. PAK:` heads a court examination: nobody speaks it.
        if super::examination::examiner(place.lines[i].text).is_some() {
            return Verdict::Refuse;
        }
        if cand.form == Form::Bare {
            return self.bare(i, cand, count);
        }
        // A first word that opens sentences (`WILL HURD:`) is evidence
        // against; recurring at paragraph starts in the document's style
        // outweighs it.
        if cand.shape.opener {
            // `WILL HARROW:` once, then `HARROW:` throughout: the surname
            // recurring as a label speaks for the full one.
            let surname_recurs = cand.label.split_whitespace().nth(1).is_some()
                && cand
                    .label
                    .rsplit(' ')
                    .next()
                    .and_then(|s| self.counts.get(&key_of(s)))
                    .is_some_and(|&n| n >= 2);
            if (count >= 2 || surname_recurs)
                && place.para_start(i)
                && (!style.caps_style || cand.shape.all_caps)
            {
                return Verdict::Accept(if count >= 2 {
                    LabelRule::RecursDespiteOpener
                } else {
                    LabelRule::SurnameRecursDespiteOpener
                });
            }
            // Refused despite recurring: evidence on both sides, worth a look.
            let message = format!(
                "'{}:' looks like a label but was read as text: {} (against), seen {count} times (for) but not always at a paragraph start in the document's style",
                cand.label,
                label::OPENS_LIKE_A_SENTENCE
            );
            if count >= 2 {
                out.warn(i, message);
            } else {
                out.info(
                    i,
                    format!(
                        "'{}:' looks like a label but was read as text: {}, and it does not recur at paragraph starts",
                        cand.label,
                        label::OPENS_LIKE_A_SENTENCE
                    ),
                );
            }
            return Verdict::Refuse;
        }
        match (cand.form, cand.kind) {
            (Form::Key, _) => Verdict::Accept(LabelRule::SpeakerKey),
            (Form::Bare, _) => Verdict::Refuse,
            (Form::Voice, _) => Verdict::Accept(LabelRule::VoiceTag),
            (Form::Period, LabelKind::AMarker) if place.para_start(i) && style.answers_marked => {
                Verdict::Accept(LabelRule::AnswerMarker)
            }
            (Form::Period, LabelKind::AMarker) => Verdict::Refuse,
            (Form::Period, _) => self.full_stop(i, cand, out),
            (_, LabelKind::Alone) => self.alone(i, cand, next, out),
            (_, LabelKind::QMarker) if place.para_start(i) => Verdict::Accept(LabelRule::QMarker),
            (_, LabelKind::QMarker) => Verdict::Refuse,
            (_, LabelKind::Inline | LabelKind::AMarker) => self.inline(i, cand, count, out),
        }
    }

    /// `MASTER OF CEREMONIES` alone in capitals, the words directly below:
    /// only in a document of such labels, and only a label that recurs or
    /// names an office, a role or an outlet (a title in capitals once is a
    /// heading).
    fn bare(&self, i: usize, cand: &Candidate<'_>, count: usize) -> Verdict {
        let shape = &cand.shape;
        let named = count >= 2 || shape.titled || shape.role_word || shape.outlet_like;
        let ok = self.style.bare_style
            && self.place.para_start(i)
            && self.place.text_below(i)
            && self.cands[i + 1].is_none()
            && named
            && !cand.shape.opener
            && !lexicon::is_heading_word(&cand.label);
        if ok {
            Verdict::Accept(LabelRule::BareCapitals)
        } else {
            Verdict::Refuse
        }
    }

    /// `Mr. Powell.`, `PM.`: only in a document of such labels.
    fn full_stop(&self, i: usize, cand: &Candidate<'_>, out: &mut Notes) -> Verdict {
        if !(self.place.para_start(i) || self.place.indented(i)) {
            return Verdict::Refuse;
        }
        if !self.style.period_style {
            out.near(i, format!(
                "'{}.' opens a paragraph like a Congressional Record label, but too few paragraphs do",
                cand.label
            ));
            return Verdict::Refuse;
        }
        Verdict::Accept(LabelRule::PeriodLabel)
    }

    /// A label alone on its line, the text below it.
    fn alone(
        &self,
        i: usize,
        cand: &Candidate<'_>,
        next: Option<usize>,
        out: &mut Notes,
    ) -> Verdict {
        if !self.place.para_start(i) {
            return Verdict::Refuse;
        }
        // `عقدنا اليوم جلسة مباحثات مثمرة تناولت ثلاثة محاور:` ends a
        // sentence as a label would: without capitals, the document must
        // speak for it.
        let count = self.counts[&key_of(&cand.label)];
        if cand.shape.caseless && !cand.shape.strong() && count < 2 {
            return Verdict::Refuse;
        }
        let Some(j) = next else {
            out.warn(
                i,
                format!(
                    "'{}:' stands at the end with nothing after it; kept as text",
                    cand.label
                ),
            );
            return Verdict::Refuse;
        };
        let next_is_label = self.cands[j].as_ref().is_some_and(|c| {
            matches!(c.form, Form::Colon | Form::Dash) || c.kind == LabelKind::QMarker
        });
        if next_is_label && cand.timestamp.is_none() {
            out.warn(
                i,
                format!(
                    "'{}:' is followed by another label, so it reads as a heading",
                    cand.label
                ),
            );
            return Verdict::Refuse;
        }
        if cand.form == Form::Clock {
            if self.style.clock_lines < 2 {
                out.near(i, format!(
                    "'{}  {}' reads like a transcription service's label, but it is the only one",
                    cand.label,
                    cand.timestamp.unwrap_or_default()
                ));
                return Verdict::Refuse;
            }
            return Verdict::Accept(LabelRule::NameAndClock);
        }
        Verdict::Accept(if cand.timestamp.is_some() {
            LabelRule::AloneWithTimestamp
        } else {
            LabelRule::Alone
        })
    }

    /// `Name: text` on one line.
    fn inline(&self, i: usize, cand: &Candidate<'_>, count: usize, out: &mut Notes) -> Verdict {
        if !self.place.para_start(i) {
            if cand.shape.strong() || count >= 2 {
                out.info(
                    i,
                    format!(
                        "'{}:' sits inside a paragraph, so it reads as text",
                        cand.label
                    ),
                );
            }
            return Verdict::Refuse;
        }
        if cand.shape.strong() {
            Verdict::Accept(LabelRule::InlineStrong)
        } else if count >= 2 {
            Verdict::Accept(LabelRule::InlineRepeated)
        } else if self.style.firm_inline >= 2
            // Without case, a label seen once looks like any sentence
            // opening with a colon (`المحور الأول: ...`); a `.-` seen once
            // closes a run-in head as often as a label.
            && !cand.shape.caseless
            && cand.form != Form::Dash
            // A header's keyword seen once past the header closes the
            // document (`Fuente: La Moncloa`, `Source: ...`).
            && lexicon::header_field(&cand.label).is_none()
            && (!self.style.caps_style || cand.shape.all_caps)
            && cand.rest.split_whitespace().count() >= 2
        {
            Verdict::Accept(LabelRule::InlineOnceInInlineDocument)
        } else {
            let message = format!(
                "'{}:' is seen once and nothing else marks it as a speaker; kept as text",
                cand.label
            );
            out.near(i, message.clone());
            Verdict::Once(Diagnostic::info(
                self.place.lines[i].no,
                DiagnosticKind::LabelRefused,
                message,
            ))
        }
    }
}

/// Diagnostics of the label pass, and the lines that came closest.
struct Notes<'d, 'l, 'a> {
    lines: &'l [Line<'a>],
    diags: &'d mut Vec<Diagnostic>,
    near: Vec<(usize, String)>,
}

impl Notes<'_, '_, '_> {
    fn info(&mut self, i: usize, message: String) {
        let no = self.lines[i].no;
        self.diags
            .push(Diagnostic::info(no, DiagnosticKind::LabelRefused, message));
    }
    fn warn(&mut self, i: usize, message: String) {
        let no = self.lines[i].no;
        self.diags.push(Diagnostic::warning(
            no,
            DiagnosticKind::LabelRefused,
            message,
        ));
    }
    fn near(&mut self, i: usize, message: String) {
        self.near.push((self.lines[i].no, message));
    }
}

/// Decide which lines are speaker labels, from line `start` on (after any
/// front matter). `key` is the document's speaker key, if it declares one.
pub(super) fn find_labels<'a>(
    lines: &'a [Line<'a>],
    start: usize,
    key: Option<&SpeakerKey>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Accepted<'a>> {
    let mut scan = scan(lines, start, key, diags);
    let place = Place { lines, start };
    let style = Style::of(&scan, &place);
    let caps_style = style.caps_style;
    let mut cands = std::mem::take(&mut scan.cands);
    let mut notes = Notes {
        lines,
        diags,
        near: std::mem::take(&mut scan.near),
    };
    let mut verdicts: Vec<(usize, Verdict)> = Vec::new();
    {
        let judge = Judge {
            place,
            style,
            cands: &cands,
            counts: &scan.counts,
        };
        let mut in_header = true;
        for (i, cand) in cands.iter().enumerate().skip(start) {
            let Some(cand) = cand else { continue };
            let next = (i + 1..lines.len()).find(|&j| !lines[j].is_blank() && !lines[j].markup);
            if in_header && (judge.header_field(cand, next) || judge.quoted_headline(cand)) {
                continue;
            }
            let verdict = judge.verdict(i, cand, next, &mut notes);
            in_header &= !matches!(verdict, Verdict::Accept(_));
            verdicts.push((i, verdict));
        }
    }
    let mut accepted: Vec<Accepted<'a>> = Vec::new();
    let mut once: Vec<Once<'a>> = Vec::new();
    for (i, verdict) in verdicts {
        let cand = *cands[i].take().expect("a candidate");
        match verdict {
            Verdict::Accept(rule) => accepted.push(Accepted { idx: i, cand, rule }),
            Verdict::Once(diag) => once.push(Once { idx: i, cand, diag }),
            Verdict::Refuse => {}
        }
    }
    let Notes {
        diags, mut near, ..
    } = notes;
    confirm_exchanges(lines, &mut accepted, once, caps_style, diags);
    if accepted.is_empty() {
        near.sort_by_key(|n| n.0);
        for (no, why) in near.into_iter().take(3) {
            diags.push(Diagnostic::warning(
                no,
                DiagnosticKind::NoLabels,
                format!("no speaker label found; this line comes closest: {why}"),
            ));
        }
    }
    accepted
}

/// Does the turn that `a` opens, running to line `b`, end in a question?
fn asks(lines: &[Line<'_>], a: usize, rest: &str, b: usize) -> bool {
    let last = lines[a + 1..b]
        .iter()
        .rev()
        .find(|l| !l.is_blank() && !l.markup)
        .map_or(rest, |l| l.text);
    last.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
    })
    .ends_with(['?', '？', '؟'])
}

/// Labels seen once confirm each other where one asks and the next
/// replies: `TAPPER: ... Is that realistic?` then `GRAHAM: Yes.`, or
/// `Question: ...?` then `Vladimir Putin: ...`. A reply that opens with a
/// quotation (`Jack Lew: "..."`, a speaker quoting sources) is not one, nor
/// is a reporter's marker after a refused question.
fn confirm_exchanges<'a>(
    lines: &[Line<'_>],
    accepted: &mut Vec<Accepted<'a>>,
    once: Vec<Once<'a>>,
    caps_style: bool,
    diags: &mut Vec<Diagnostic>,
) {
    if once.is_empty() {
        return;
    }
    let first_accepted = accepted.first().map(|a| a.idx);
    // (line index, Some(position in `once`) or None for an accepted label).
    let mut order: Vec<(usize, Option<usize>)> = accepted
        .iter()
        .map(|a| (a.idx, None))
        .chain(once.iter().enumerate().map(|(k, o)| (o.idx, Some(k))))
        .collect();
    order.sort_by_key(|o| o.0);
    let cand_at = |o: &(usize, Option<usize>)| -> &Candidate<'a> {
        match o.1 {
            Some(k) => &once[k].cand,
            None => {
                &accepted
                    .iter()
                    .find(|a| a.idx == o.0)
                    .expect("accepted")
                    .cand
            }
        }
    };
    let mut rescued = vec![false; once.len()];
    for w in order.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.1.is_none() && b.1.is_none() {
            continue;
        }
        let (ca, cb) = (cand_at(a), cand_at(b));
        // A label seen once is a short name written in the document's
        // case (`GRAHAM` where labels are in capitals), with no small
        // words (`Starting with NATO` opens a topic, not a turn).
        let name_like = |c: &Candidate<'_>, o: &(usize, Option<usize>)| {
            o.1.is_none()
                || c.shape.words <= 4
                    && (!caps_style || c.shape.all_caps)
                    && !c.label.split_whitespace().any(lexicon::is_connector)
        };
        // A question refused as a label is confirmed by a reply refused
        // too, or by any reply when nothing before it was taken as a
        // label (it would be lost to the preamble).
        let asker_ok = a.1.is_none() || b.1.is_some() || first_accepted.is_none_or(|f| a.0 < f);
        if key_of(&ca.label) == key_of(&cb.label)
            || !name_like(ca, a)
            || !name_like(cb, b)
            || !asker_ok
            || cb.rest.starts_with(['"', '“', '‘', '\''])
            || (b.1.is_none() && cb.kind == LabelKind::QMarker)
            || !asks(lines, a.0, ca.rest, b.0)
        {
            continue;
        }
        for k in [a.1, b.1].into_iter().flatten() {
            rescued[k] = true;
        }
    }
    for (o, rescued) in once.into_iter().zip(rescued) {
        if rescued {
            accepted.push(Accepted {
                idx: o.idx,
                cand: o.cand,
                rule: LabelRule::ConfirmedByReply,
            });
        } else {
            diags.push(o.diag);
        }
    }
    accepted.sort_by_key(|a| a.idx);
}

#[cfg(test)]
mod tests {
    use super::find_labels;
    use crate::parse::lines;

    /// The lines `find_labels` accepts in `text`, as 1-based line numbers.
    fn accepted(text: &str) -> Vec<usize> {
        let lines = lines::split_for_test(text);
        find_labels(&lines, 0, None, &mut Vec::new())
            .iter()
            .map(|a| lines[a.idx].no)
            .collect()
    }

    /// The line numbers of a fixture's expected turns.
    fn expected(tsv: &str) -> Vec<usize> {
        tsv.lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next()?.parse().ok())
            .collect()
    }

    /// Every fixture transcript, and each with what changes lines or
    /// candidates across a document added: front matter, a speaker key,
    /// subtitle cues, margin numbers.
    fn fixture_texts() -> Vec<String> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts = vec![crate::BUNDLED_TEXT.to_string()];
        for set in std::fs::read_dir(root).unwrap() {
            let Ok(files) = std::fs::read_dir(set.unwrap().path()) else {
                continue;
            };
            for file in files {
                let path = file.unwrap().path();
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                if matches!(ext, "txt" | "md" | "vtt" | "srt") {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        texts.push(text);
                    }
                }
            }
        }
        let mut variants = Vec::new();
        for text in &texts {
            let numbered: String = text
                .lines()
                .enumerate()
                .map(|(n, l)| format!("{}  {l}\n", n + 1))
                .collect();
            variants.extend([
                format!("---\ntitle: A briefing\n---\n{text}"),
                format!("---\ntitle: never closed\n{text}"),
                format!("Speaker key:\nQ Quentin Blake\nMS Mary Sue\n\n{text}"),
                format!("{text}\n\nLegend:\nQ Quentin Blake\nMS Mary Sue\n"),
                format!("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n{text}"),
                numbered,
            ]);
        }
        texts.extend(variants);
        texts
    }

    #[test]
    fn a_sure_label_near_the_start_is_one_the_whole_document_accepts() {
        let mut sure = 0;
        let texts = fixture_texts();
        for text in &texts {
            let lines = lines::split_for_test(text);
            let start = crate::parse::header::front_matter_end(&lines);
            let key = crate::parse::key::SpeakerKey::find(&lines);
            let accepted: Vec<usize> = find_labels(&lines, start, key.as_ref(), &mut Vec::new())
                .iter()
                .map(|a| a.idx)
                .collect();
            if let Some(i) = super::sure_label_near_start(text, 2_000) {
                assert!(accepted.contains(&i), "line {} of:\n{text}", i + 1);
                sure += 1;
            }
        }
        // Many are decided by their start, the bundled transcript among them
        // (the variants with cues, a key or margin numbers never are).
        assert!(sure * 5 > texts.len(), "{sure} of {}", texts.len());
        assert!(super::sure_label_near_start(crate::BUNDLED_TEXT, 2_000).is_some());
    }

    #[test]
    fn short_windows_answer_as_the_full_window_does() {
        // Each text read at once over its first 2,000 lines, and through
        // windows of 24, 96, ... lines (also with a label past the first
        // windows): the same first sure label, or none.
        let mut texts = fixture_texts();
        let late: Vec<String> = texts
            .iter()
            .take(20)
            .map(|t| format!("{}{t}", "Some prose without a label.\n\n".repeat(60)))
            .collect();
        texts.extend(late);
        let mut found = 0;
        for text in &texts {
            let whole = lines::split_for_test(lines::first_lines(text, 2_000));
            let expected = if lines::raw_lines(text).any(super::SpeakerKey::may_head_a_key)
                || lines::may_hold_cues(text)
                || {
                    let mut n = lines::NumberedLines::default();
                    lines::raw_lines(text).for_each(|l| n.count(l));
                    n.may_be_a_gutter()
                } {
                None
            } else {
                super::first_sure_label(&whole)
            };
            assert_eq!(
                super::sure_label_near_start(text, 2_000),
                expected,
                "{text}"
            );
            found += usize::from(expected.is_some_and(|k| k >= 96));
        }
        assert!(
            found > 0,
            "no text has its first sure label past two windows"
        );
    }

    #[test]
    fn labels_in_a_script_without_case_need_the_document() {
        // Recurring names (`عبدالله الراشد`), role words (`المترجم`,
        // `صحفي`), an outlet in brackets or after a dash are labels; a
        // sentence ending in a colon (line 7) and list items seen once
        // (`المحور الأول:`, lines 8-10) are not, nor is `المصدر:`.
        for (text, tsv) in [
            (
                include_str!("../../tests/fixtures/langs/ar-mutamar-mushtarak.txt"),
                include_str!("../../tests/fixtures/langs/ar-mutamar-mushtarak.expected.tsv"),
            ),
            (
                include_str!("../../tests/fixtures/langs/ar-mofa-briefing.txt"),
                include_str!("../../tests/fixtures/langs/ar-mofa-briefing.expected.tsv"),
            ),
        ] {
            assert_eq!(accepted(text), expected(tsv));
        }
    }

    #[test]
    fn a_caseless_label_seen_once_is_not_taken_on_the_documents_style() {
        // In a document of firm inline labels, an English label seen once
        // may be taken; a caseless one needs more than the style.
        let text = "مقدم المؤتمر: مرحباً بكم.\n\nالمترجم: شكراً.\n\nمقدم المؤتمر: نبدأ.\n\nالمحور الأول: تعزيز الشراكة الاقتصادية.\n";
        assert_eq!(accepted(text), vec![1, 3, 5]);
    }
}
