//! The parser: decoded text in, [`Transcript`] out.
//!
//! No I/O and no printing happen here. The parser never fails: text with no
//! speaker turns gives a transcript with no turns (the caller decides that
//! this is an error), and every non-blank line of the input lands in exactly
//! one place of the model: a header line, inside a turn's `line..=end_line`,
//! a credit, or a note.
//!
//! Passes, each in its own (crate-internal) module: `lines` (split,
//! normalise, set aside line-number gutters), `label` (what one line
//! looks like), `labels` (which candidates open turns, weighed against the
//! document), `key` (a declared speaker key), `header` and `trailer`,
//! `body` (a turn's text and events), `people` (names, titles, outlets),
//! `setting` (roles in hearings, courts, interviews and podcasts) and
//! `exchange` (who asks, who answers, hand-offs, Q&A). Decisions are
//! recorded as [`crate::decision`] values; stages never read each other's
//! messages. This module orchestrates the passes and must not hold rules
//! of its own beyond completing names across turns.

pub(crate) mod body;
pub(crate) mod dates;
pub(crate) mod examination;
pub(crate) mod exchange;
pub(crate) mod header;
pub(crate) mod key;
pub(crate) mod label;
mod labels;
mod language;
pub(crate) mod lexicon;
pub(crate) mod lines;
mod memo;
mod names;
pub(crate) mod people;
pub(crate) mod setting;
pub(crate) mod text;
pub(crate) mod trailer;
pub(crate) mod vocab;

use crate::decision::{Decision, Evidence, RoleRule};
pub use crate::diagnostic::Diagnostic;
use crate::diagnostic::DiagnosticKind;
use crate::linemap::LineMap;
use crate::model::{Event, EventKind, Note, NoteKind, Role, SourceLine, Transcript, Turn};
pub use body::{count_words, starts_cleanly};
use label::LabelKind;
use labels::{Accepted, find_labels, key_of};
pub use lexicon::role_of_word;
use lines::Line;
use std::collections::{HashMap, HashSet};

/// A parsed transcript with what the parser noticed on the way.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The transcript as read.
    pub transcript: Transcript,
    /// What a careful reader should know about how it was read.
    pub diagnostics: Vec<Diagnostic>,
    /// The text the parser read: the decoded input, or for an HTML page
    /// the text left once its markup is stripped.
    pub text: String,
    /// For an HTML page, where each line of `text` is in the page (the
    /// line numbers in `transcript` and `diagnostics` already point at the
    /// page); `None` when `text` is the input itself.
    pub line_map: Option<LineMap>,
}

impl Parsed {
    /// Rewrite every line number of the transcript and the diagnostics
    /// through `map` (they were numbered on the stripped text), and keep
    /// the map for commands that cite lines of [`Parsed::text`].
    pub fn map_lines(&mut self, map: LineMap) {
        self.transcript.map_lines(|n| map.first(n), |n| map.last(n));
        for d in &mut self.diagnostics {
            d.line = map.first(d.line);
        }
        self.line_map = Some(map);
    }
}
/// Are lines of this document hard-wrapped (one paragraph over many lines)?
fn is_wrapped(lines: &[Line<'_>]) -> bool {
    let mut joined = 0usize;
    let mut long = 0usize;
    let mut content = 0usize;
    for w in lines.windows(2) {
        if w[0].is_blank() || w[0].markup {
            continue;
        }
        content += 1;
        if w[0].text.chars().count() > 110 {
            long += 1;
        }
        if !w[1].is_blank() && !w[1].markup {
            joined += 1;
        }
    }
    content > 0 && joined * 3 >= content && long * 10 <= content
}

/// Parse decoded transcript text. `source` names the input in the model.
///
/// The passes, in order: lines, labels, header, trailer,
/// draft turns (body and identity per label), names completed across
/// turns, roles from the setting and the conversation, hand-offs and
/// exchanges, then whatever no pass claimed becomes a note.
pub fn parse_text(text: &str, source: &str) -> Parsed {
    let (transcript, diagnostics) = read(text, source);
    Parsed {
        transcript,
        diagnostics,
        text: text.to_owned(),
        line_map: None,
    }
}

/// [`parse_text`] on text the caller gives away: kept as
/// [`Parsed::text`] without a copy.
pub fn parse_string(text: String, source: &str) -> Parsed {
    let (transcript, diagnostics) = read(&text, source);
    Parsed {
        transcript,
        diagnostics,
        text,
        line_map: None,
    }
}

/// How many lines [`has_turns`] reads for a sure label before it weighs
/// the whole document.
const SURE_LABEL_LINES: usize = 2_000;

/// Would [`parse_text`] find any turn? Only the label pass runs: every
/// accepted label opens a turn (the trailer starts after the last one),
/// so a caller that needs no turns (a search skipping a file that cannot
/// match) learns whether the file is a transcript at a fraction of the
/// cost.
pub fn has_turns(text: &str) -> bool {
    // Most transcripts show a label no later line can overturn near the
    // start: the rest is not read.
    if labels::sure_label_near_start(text, SURE_LABEL_LINES).is_some() {
        return true;
    }
    let mut rewritten = String::new();
    let lines = lines::split(text, &mut rewritten);
    let body_start = header::front_matter_end(&lines);
    let speaker_key = key::SpeakerKey::find(&lines);
    !find_labels(&lines, body_start, speaker_key.as_ref(), &mut Vec::new()).is_empty()
}

fn read(text: &str, source: &str) -> (Transcript, Vec<Diagnostic>) {
    let mut rewritten = String::new();
    let lines = lines::split(text, &mut rewritten);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let body_start = header::front_matter_end(&lines);
    let speaker_key = key::SpeakerKey::find(&lines);
    let labels = find_labels(&lines, body_start, speaker_key.as_ref(), &mut diags);
    let (mut transcript, header_prose) = read_header(&lines, &labels, source, &mut diags);
    let end = read_trailer(&lines, &labels, &mut transcript);
    if transcript.date.is_none() {
        transcript.date = trailer::release_date(&transcript.notes);
    }
    let q_marked = labels
        .iter()
        .filter(|a| a.cand.kind == LabelKind::QMarker)
        .count()
        >= 3;
    let ctx = Draft {
        lines: &lines,
        end,
        wrapped: is_wrapped(&lines),
        q_marked,
        key: speaker_key.as_ref(),
        declared: {
            let prose: Vec<&str> = [transcript.title.as_deref(), transcript.summary.as_deref()]
                .into_iter()
                .flatten()
                .chain(header_prose.iter().map(String::as_str))
                .collect();
            names::FullNames::new(&people::declared_names(&transcript.participants, &prose))
        },
        listed: transcript
            .participants
            .iter()
            .map(|p| (p.name.clone(), people::person_name(&p.name), p.role))
            .collect(),
    };
    let (mut turns, mut unknown_role) = ctx.turns(&labels, &mut transcript);
    cue_events(&lines, &mut turns);
    // What the later passes need of the lines is taken now and the lines
    // and labels dropped: with the turns' text built, they would double
    // the memory of a large transcript for the rest of the parse.
    let exam_marks = examination::marks(&lines, &turns);
    let unplaced = unplaced_lines(&lines, &turns, &transcript);
    transcript.style = style_of(&labels);
    drop(ctx);
    drop(labels);
    drop(lines);
    drop(rewritten);
    people::answerer_in_brackets(&mut turns);
    resolve_short_labels(&mut turns, &mut unknown_role);
    complete_from_body(&mut turns);
    names_written_in_full(&mut turns, &transcript);
    share_outlets(&mut turns);
    resolve_office_labels(&mut turns);
    office_holders_named(&mut turns, &transcript);
    examination::name_speakers(&exam_marks, &mut turns);
    decide_roles(&mut turns, &mut unknown_role, &transcript, q_marked);
    exchange::apply_handoffs(&mut turns);
    transcript.exchanges = exchange::build(&mut turns);
    transcript.languages = language::detect(text);
    transcript.language = transcript.languages.first().cloned();
    transcript.turns = turns;
    transcript.notes.extend(unplaced);
    transcript.notes.sort_by_key(|n| n.line);
    diags.extend(review(&transcript));
    diags.sort_by_key(|d| d.line);
    (transcript, diags)
}

/// The header: everything before the first label, with a warning when a
/// long preamble may be a turn whose label was missed.
fn read_header(
    lines: &[Line<'_>],
    labels: &[Accepted<'_>],
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Transcript, Vec<String>) {
    let header_end = labels.first().map_or(lines.len(), |a| a.idx);
    let head = header::parse(&lines[..header_end]);
    let prose = head.prose;
    let transcript = Transcript {
        schema: crate::model::SCHEMA_VERSION.to_string(),
        source: source.to_string(),
        title: head.title,
        place: head.place,
        date: head.date,
        time: head.time,
        summary: head.summary,
        source_url: head.source_url,
        participants: head.participants,
        header: head.lines,
        notes: head
            .notes
            .into_iter()
            .map(|mut n| {
                // Subtitle cue numbers and timings above the first turn.
                if lines.get(n.line.wrapping_sub(1)).is_some_and(|l| l.cue) {
                    n.kind = NoteKind::Cue;
                }
                n
            })
            .collect(),
        ..Transcript::default()
    };
    diags.extend(head.diagnostics);
    if let Some(first) = labels.first() {
        let preamble_words: usize = transcript
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Preamble)
            .map(|n| n.text.split_whitespace().count())
            .sum();
        if preamble_words >= 12 {
            diags.push(Diagnostic::warning(
                lines[first.idx].no,
                DiagnosticKind::TextBeforeFirstLabel,
                format!("{preamble_words} words before the first speaker label are kept as a preamble note, not a turn"),
            ));
        } else if preamble_words > 0 {
            diags.push(Diagnostic::info(
                lines[first.idx].no,
                DiagnosticKind::TextBeforeFirstLabel,
                "a short line before the first speaker label is kept as a preamble note",
            ));
        }
    }
    (transcript, prose)
}

/// The trailer: credits and closing lines after the last turn. Returns the
/// index of the first trailer line (where the last turn ends).
fn read_trailer(lines: &[Line<'_>], labels: &[Accepted<'_>], t: &mut Transcript) -> usize {
    let Some(last) = labels.last() else {
        return lines.len();
    };
    let (start, items) = trailer::find(lines, last.idx + 1);
    for item in items {
        match item.kind.note_kind() {
            None => t.credits.push(SourceLine {
                line: item.line,
                text: item.text,
            }),
            Some(kind) => t.notes.push(Note {
                kind,
                text: item.text,
                line: item.line,
                end_line: item.end_line,
            }),
        }
    }
    start
}

/// What drafting a turn from its label reads.
struct Draft<'d, 'a> {
    lines: &'d [Line<'a>],
    /// Index of the first trailer line.
    end: usize,
    wrapped: bool,
    /// Reporters are marked `Q` (three times or more).
    q_marked: bool,
    key: Option<&'d key::SpeakerKey>,
    declared: names::FullNames,
    /// The header's participants: name as listed, the person it names
    /// (`REP. LORRAINE TAN (R-OH)` -> `Lorraine Tan`), role.
    listed: Vec<(String, String, Role)>,
}

impl Draft<'_, '_> {
    /// One draft turn per label, each running to the line before the next
    /// label; with each turn whose role neither header nor label decided,
    /// the role it takes when it does not ask (`official`, or `other` if
    /// anonymous).
    fn turns(&self, labels: &[Accepted<'_>], t: &mut Transcript) -> (Vec<Turn>, Vec<Option<Role>>) {
        // At most one turn per label: allocated once, not doubled past it.
        let mut turns: Vec<Turn> = Vec::with_capacity(labels.len());
        let mut unknown_role: Vec<Option<Role>> = Vec::with_capacity(labels.len());
        for (n, acc) in labels.iter().enumerate() {
            let next = labels.get(n + 1).map_or(self.end, |next| next.idx);
            let (body, last_line) = self.body(acc, next, &mut t.notes);
            if self.continues(acc, &mut turns, &body, last_line) {
                continue;
            }
            let (turn, unknown) = self.identify(acc, body, last_line, turns.len() + 1);
            turns.push(turn);
            unknown_role.push(unknown);
        }
        (turns, unknown_role)
    }

    /// The body of the turn `acc` opens, up to line `next`: its text, with
    /// delivery notes and a timestamp in the label as events; a heading
    /// at its end is a note. Returns the body and its last line number.
    fn body(&self, acc: &Accepted<'_>, next: usize, notes: &mut Vec<Note>) -> (body::Body, usize) {
        let lines = self.lines;
        let mut stop = next.min(self.end.max(acc.idx + 1));
        // A Markdown heading just above the next label (`## Q&A`) belongs
        // to no one's turn; it is kept as a note.
        while let Some(h) = (acc.idx + 1..stop).rev().find(|&j| !lines[j].is_blank()) {
            if !lines::is_heading(lines[h].text) {
                break;
            }
            stop = h;
        }
        let mut body_lines = &lines[acc.idx + 1..stop.max(acc.idx + 1)];
        if let Some(k) = trailing_heading(acc.cand.rest, body_lines) {
            notes.push(Note {
                kind: NoteKind::Heading,
                text: body_lines[k].text.to_string(),
                line: body_lines[k].no,
                end_line: body_lines[k].no,
            });
            body_lines = &body_lines[..k];
        }
        let no = lines[acc.idx].no;
        let mut body = body::assemble(acc.cand.rest, no, body_lines, self.wrapped);
        // `TAPPER (voice-over)`: how the words were delivered is an event.
        let (_, delivery) = label::split_notes(&acc.cand.label);
        for note in delivery.into_iter().rev() {
            let inner = &note[1..note.len() - 1];
            let kind = lexicon::stage_direction_kind(inner).unwrap_or(EventKind::Delivery);
            body.events.insert(
                0,
                Event {
                    kind,
                    text: note.to_string(),
                    line: no,
                },
            );
        }
        if let Some(ts) = acc.cand.timestamp {
            let kind = EventKind::Timestamp;
            body.events.insert(
                0,
                Event {
                    kind,
                    text: ts.to_string(),
                    line: no,
                },
            );
        }
        let last_line = body_lines
            .iter()
            .rev()
            .find(|l| !l.is_blank() && !l.markup)
            .map_or(no, |l| l.no);
        (body, last_line)
    }

    /// The same speaker again after only a new timestamp (or a new
    /// subtitle cue) continues the previous turn: merge and say so.
    fn continues(
        &self,
        acc: &Accepted<'_>,
        turns: &mut [Turn],
        body: &body::Body,
        last_line: usize,
    ) -> bool {
        let after_cue = self.lines[..acc.idx]
            .iter()
            .rev()
            .find(|l| !l.is_blank())
            .is_some_and(|l| l.cue);
        if acc.cand.timestamp.is_none() && !after_cue {
            return false;
        }
        let Some(prev) = turns.last_mut() else {
            return false;
        };
        if !prev.label.eq_ignore_ascii_case(&acc.cand.label) {
            return false;
        }
        prev.events.extend(body.events.iter().cloned());
        if !body.text.is_empty() {
            if !prev.text.is_empty() {
                prev.text.push_str("\n\n");
            }
            prev.text.push_str(&body.text);
            prev.paragraphs += body.paragraphs;
        }
        prev.end_line = last_line;
        true
    }

    /// Who speaks in the turn `acc` opens, and the role the label or the
    /// header gives; the second value is the fallback role when neither
    /// decided it.
    fn identify(
        &self,
        acc: &Accepted<'_>,
        body: body::Body,
        last_line: usize,
        index: usize,
    ) -> (Turn, Option<Role>) {
        let (name_label, _) = label::split_notes(&acc.cand.label);
        // A code of the speaker key stands for the name it declares.
        let declared_by_key = self.key.and_then(|k| k.name(name_label));
        // A transcript has thousands of turns but few labels, and what a
        // label says of its speaker depends on the label alone.
        thread_local!(static IDENTITIES: memo::Memo<people::Identity> = Default::default());
        let read_label = declared_by_key.unwrap_or(name_label);
        let mut id = memo::cached(&IDENTITIES, read_label, people::identify);
        // Where reporters are marked `Q`, an outlet-like label (`RM`,
        // `CBS`) is someone's name or a quoted source, not a reporter.
        if self.q_marked && id.role_rule == RoleRule::OutletLabel {
            id = people::Identity {
                speaker: Some(acc.cand.label.to_string()),
                ..people::Identity::default()
            };
        }
        if let Some(full) = id
            .speaker
            .as_deref()
            .and_then(|n| self.declared.complete(n))
        {
            id.speaker = Some(full);
        }
        let listed_role = id.speaker.as_deref().and_then(|s| {
            self.listed
                .iter()
                .find(|(name, person, _)| {
                    name.eq_ignore_ascii_case(s) || person.eq_ignore_ascii_case(s)
                })
                .map(|(_, _, role)| *role)
        });
        let (role, role_rule) = match (listed_role, id.role) {
            (Some(r), _) => (Some(r), RoleRule::ListedInHeader),
            // An honorific alone (`Mr. Hale`) says someone is addressed
            // formally, not which side they are on: the conversation
            // decides, officials by default.
            (None, Some(_)) if id.role_rule == RoleRule::Honorific => (None, id.role_rule),
            (None, Some(r)) => (Some(r), id.role_rule),
            (None, None) => (None, id.role_rule),
        };
        let anonymous = id.speaker.is_none() && id.outlet.is_none();
        let fallback = if anonymous {
            Role::Other
        } else {
            Role::Official
        };
        let mut decision = Decision::new(acc.rule);
        if role_rule != RoleRule::None {
            decision.push(Evidence::Role(role_rule));
        }
        let turn = Turn {
            index,
            speaker: id.speaker,
            label: acc.cand.label.to_string(),
            title: id.title,
            role: role.unwrap_or(Role::Other),
            outlet: id.outlet,
            exchange: None,
            text: body.text,
            paragraphs: body.paragraphs,
            word_count: Default::default(),
            line: self.lines[acc.idx].no,
            end_line: last_line,
            events: body.events,
            decision,
        };
        (turn, role.is_none().then_some(fallback))
    }
}

/// Roles that neither the header nor the label decided, from the setting
/// and the conversation: voices in played footage, speakers where
/// reporters are marked, interviews, who asks and who answers, who
/// chairs, hearings; an affiliation becomes an outlet for who asks.
fn decide_roles(turns: &mut [Turn], unknown: &mut [Option<Role>], t: &Transcript, q_marked: bool) {
    footage_voices(turns, unknown);
    // Where reporters are marked by a role word (`Q`, `QUESTION:`,
    // `Reporter:`), named speakers not otherwise placed are on the podium
    // side: a question swallowed by a missed label must not make a
    // questioner of the person answering.
    let marked = turns
        .iter()
        .filter(|t| {
            t.role == Role::Journalist
                && t.speaker.is_none()
                && t.outlet.is_none()
                && lexicon::role_of_word(&t.label) == Some(Role::Journalist)
        })
        .count();
    if q_marked || marked >= 2 {
        let askers = affiliated_askers(turns, unknown);
        for (t, u) in turns.iter_mut().zip(unknown.iter_mut()) {
            if askers.contains(&exchange::who(t)) {
                continue;
            }
            if let Some(fallback) = u.take() {
                t.role = fallback;
                t.decision.push(Evidence::ReportersMarkedSoAnswers);
            }
        }
    }
    let prose: Vec<&str> = [t.title.as_deref(), t.summary.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let podium: Vec<String> = t
        .participants
        .iter()
        .filter(|p| p.role == Role::Official)
        .map(|p| p.name.clone())
        .collect();
    setting::interview_roles(turns, unknown, &prose, &podium);
    // A header that lists the podium (not only who chairs) makes everyone
    // else a questioner.
    exchange::infer_roles(turns, unknown, !podium.is_empty());
    affiliations_by_role(turns, &prose);
    exchange::infer_chairs(turns);
    setting::hearing_roles(turns, &t.participants);
}

/// Speakers (by `exchange::who`) whose label gives a name and an
/// affiliation in no list (`Luca Ferri, La Nazione`) and whose every turn
/// asks: reporters of that affiliation, even where reporters are marked
/// otherwise (the affiliation decides by what the speaker does).
fn affiliated_askers(turns: &[Turn], unknown: &[Option<Role>]) -> HashSet<String> {
    let mut asks: HashMap<String, bool> = HashMap::new();
    for (t, u) in turns.iter().zip(unknown) {
        if u.is_none() || t.decision.role_rule() != RoleRule::Affiliation {
            continue;
        }
        let all = asks.entry(exchange::who(t)).or_insert(true);
        *all &= exchange::asks(t);
    }
    asks.into_iter()
        .filter(|(_, a)| *a)
        .map(|(w, _)| w)
        .collect()
}

/// Played footage (`(BEGIN VIDEO CLIP)` ... `(END VIDEO CLIP)`) is not the
/// conversation: an anonymous voice in it is `other`, whatever it asks.
fn footage_voices(turns: &mut [Turn], unknown: &mut [Option<Role>]) {
    let mut in_clip = false;
    for (t, u) in turns.iter_mut().zip(unknown.iter_mut()) {
        if in_clip && u.is_some() && t.speaker.is_none() && t.outlet.is_none() {
            t.role = Role::Other;
            *u = None;
            t.decision.push(Evidence::VoiceInFootage);
        }
        for e in t.events.iter().filter(|e| e.kind == EventKind::Video) {
            let cue = e.text.to_ascii_lowercase();
            if cue.contains("begin") || cue.contains("start") {
                in_clip = true;
            } else if cue.contains("end") {
                in_clip = false;
            }
        }
    }
}

/// A word after a comma or in brackets that is neither office nor known
/// outlet (`Anna Petrova, Kommersant`), and name words that hold an
/// outlet's word (`LIAM FOX`), are the outlet of a speaker who asks; so is
/// a label the header names as who the guest spoke to (`spoke to *Nation
/// Africa*`).
fn affiliations_by_role(turns: &mut [Turn], prose: &[&str]) {
    let mut spoken_to: HashMap<String, bool> = HashMap::new();
    for t in turns.iter_mut() {
        if t.role != Role::Journalist || t.outlet.is_some() {
            continue;
        }
        let label = label::split_notes(&t.label).0;
        let named_in_prose = t.speaker.as_deref() == Some(label)
            && *spoken_to
                .entry(label.to_string())
                .or_insert_with(|| people::spoken_to(label, prose));
        if named_in_prose {
            t.speaker = None;
            t.outlet = Some(label.to_string());
            t.decision.push(Evidence::OutletSpokenTo);
            continue;
        }
        match t.decision.role_rule() {
            RoleRule::Affiliation => {
                t.outlet = t.title.take();
                t.decision.push(Evidence::AffiliationIsOutlet);
            }
            RoleRule::NameOrOutlet => {
                t.speaker = None;
                t.outlet = Some(label::split_notes(&t.label).0.to_string());
                t.decision.push(Evidence::AffiliationIsOutlet);
            }
            _ => {}
        }
    }
}

/// A topic heading between exchanges (`Economy:`, `QUESTIONS AND
/// ANSWERS`, `Trade Talks`): the last paragraph of a turn when it is one
/// short line, set off by a blank line, that reads as a heading and not as
/// speech. A turn that is nothing but such a line keeps it (`Yes`).
/// Returns its index in `body`.
fn trailing_heading(rest: &str, body: &[Line<'_>]) -> Option<usize> {
    let k = body.iter().rposition(|l| !l.is_blank() && !l.markup)?;
    let set_off = k > 0 && body[k - 1].is_blank();
    let speech_before = !rest.trim().is_empty() || body[..k].iter().any(|l| !l.is_blank());
    (set_off && speech_before && reads_as_heading(body[k].text)).then_some(k)
}

/// One short line that names a topic: no sentence punctuation, and either
/// a closing colon, capitals throughout, or every main word capitalised.
fn reads_as_heading(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 8
        || t.ends_with(['.', '?', '!', '…', '"', '”', ')', ']', ','])
        || t.contains([',', ';'])
        || lexicon::stage_direction_kind(t.trim_matches(['(', ')', '[', ']'])).is_some()
        || dates::is_date_or_time_line(t)
        || dates::find_time(t).is_some()
        || t.to_ascii_lowercase().contains("p.m")
        || t.to_ascii_lowercase().contains("a.m")
    {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 {
        return false;
    }
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if t.ends_with([':', '：']) {
        return words
            .iter()
            .all(|w| capitalised(w) || lexicon::is_connector(w));
    }
    let shouting = letters.iter().all(|c| c.is_uppercase());
    let title_case = words.len() >= 2
        && words
            .iter()
            .all(|w| capitalised(w) || lexicon::is_connector(w));
    shouting && (words.len() >= 2 || letters.len() >= 4) || title_case
}

/// Subtitle cue numbers and timings (`00:00:02.350 --> 00:00:07.910`)
/// inside a turn's lines are events of that turn, in line order.
fn cue_events(lines: &[Line<'_>], turns: &mut [Turn]) {
    if !lines.iter().any(|l| l.cue) {
        return;
    }
    for t in turns.iter_mut() {
        let from = t.line; // 1-based: lines[t.line] is the line after the label
        let to = t.end_line.min(lines.len());
        let mut added = false;
        for l in lines[from..to].iter().filter(|l| l.cue) {
            t.events.push(Event {
                kind: if l.text.contains("-->") {
                    EventKind::Timestamp
                } else {
                    EventKind::Cue
                },
                text: l.text.to_string(),
                line: l.no,
            });
            added = true;
        }
        if added {
            t.events.sort_by_key(|e| e.line);
        }
    }
}

/// Every non-blank line that no header field, turn or credit claimed
/// becomes a note (`markup` for page breaks, `stray` otherwise), so nothing
/// is ever lost. Returned rather than added: the passes that read the
/// notes run before they join them.
fn unplaced_lines(lines: &[Line<'_>], turns: &[Turn], t: &Transcript) -> Vec<Note> {
    let mut placed = vec![false; lines.len() + 2];
    let mut mark = |from: usize, to: usize| {
        let to = to.min(lines.len());
        if from <= to {
            placed[from..=to].fill(true);
        }
    };
    for h in &t.header {
        mark(h.line, h.end_line);
    }
    for turn in turns {
        mark(turn.line, turn.end_line);
    }
    for c in &t.credits {
        mark(c.line, c.line);
    }
    for n in &t.notes {
        mark(n.line, n.end_line);
    }
    let mut notes = Vec::new();
    for line in lines {
        if !line.is_blank() && !placed[line.no] {
            notes.push(Note {
                kind: if line.cue {
                    NoteKind::Cue
                } else if line.markup {
                    NoteKind::Markup
                } else if lines::is_heading(line.text) {
                    NoteKind::Heading
                } else {
                    NoteKind::Stray
                },
                text: line.text.to_string(),
                line: line.no,
                end_line: line.no,
            });
        }
    }
    notes
}

/// A surname-only label (`Smith`) takes the full name of an earlier or later
/// label in the same transcript (`Jane Smith (CNN)`), with its outlet and role.
fn resolve_short_labels(turns: &mut [Turn], unknown_role: &mut [Option<Role>]) {
    // Each full name's first label: its outlet, and its role unless the
    // role was left to the conversation.
    let mut first: HashMap<String, (Option<String>, Option<Role>)> = HashMap::new();
    let mut full = Vec::new();
    for (t, unknown) in turns.iter().zip(unknown_role.iter()) {
        if let Some(s) = t
            .speaker
            .as_ref()
            .filter(|s| s.split_whitespace().count() >= 2)
        {
            if !first.contains_key(s) {
                let role = unknown.is_none().then_some(t.role);
                first.insert(s.clone(), (t.outlet.clone(), role));
                full.push(s.clone());
            }
        }
    }
    // In order of first appearance: of names differing only in case, the
    // first printed is the one a short label takes.
    let names = names::FullNames::new(&people::Declared {
        full,
        pairs: Vec::new(),
    });
    for (t, unknown) in turns.iter_mut().zip(unknown_role.iter_mut()) {
        let Some(short) = t.speaker.as_deref() else {
            continue;
        };
        if short.split_whitespace().count() != 1 || lexicon::is_role_word(short) {
            continue;
        }
        if let Some(name) = names.complete(short) {
            if let Some((outlet, role)) = first.get(&name) {
                if t.outlet.is_none() {
                    t.outlet.clone_from(outlet);
                }
                // A role the short label decided itself stays.
                if let (Some(role), Some(_)) = (role, &unknown) {
                    t.role = *role;
                    *unknown = None;
                }
            }
            t.speaker = Some(name);
            t.decision.push(Evidence::ShortFormOfFullerLabel);
        }
    }
}

/// A surname left unresolved (`MR. ZIENTS`) takes the given name the
/// transcript itself writes before it (`I'm Jeff Zients`), when one stands
/// out. Two people may share a surname (`MS. SMITH`, `MR SMITH`): when the
/// labels carry honorifics of both kinds and the text names both (`Ms.
/// Karen Smith`, `Mr. David Smith`), each label takes its own. An
/// honorific of the other kind with no second name written is taken for a
/// typo in the source (`MS. ZAIDI` once among many `MR. ZAIDI`).
fn complete_from_body(turns: &mut [Turn]) {
    let kind_of = |t: &Turn| {
        t.title
            .as_deref()
            .and_then(|h| lexicon::honorific_kind(h.trim()))
    };
    let is_surname = |s: &str| {
        s.split_whitespace().count() == 1 && !lexicon::is_role_word(s) && s.chars().count() >= 2
    };
    let texts: Vec<&str> = turns.iter().map(|t| t.text.as_str()).collect();
    let surnames: Vec<&str> = turns
        .iter()
        .filter_map(|t| t.speaker.as_deref().filter(|s| is_surname(s)))
        .collect();
    let after_honorific = names::AfterHonorific::new(
        turns.iter().filter_map(|t| {
            let s = t.speaker.as_deref().filter(|s| is_surname(s))?;
            kind_of(t).map(|_| s)
        }),
        &texts,
    );
    let given_before = names::GivenBefore::new(surnames.iter().copied(), &texts);
    // Per surname printed with honorifics: the full name for each kind.
    let mut by_kind: HashMap<(String, char), Option<String>> = HashMap::new();
    for t in turns.iter() {
        if let (Some(s), Some(k)) = (t.speaker.as_deref().filter(|s| is_surname(s)), kind_of(t)) {
            by_kind
                .entry((s.to_lowercase(), k))
                .or_insert_with(|| after_honorific.full_name(s, k));
        }
    }
    let two_people = |surname: &str| {
        let key = surname.to_lowercase();
        match (by_kind.get(&(key.clone(), 'm')), by_kind.get(&(key, 'f'))) {
            (Some(Some(m)), Some(Some(f))) => m != f,
            _ => false,
        }
    };
    // Decide every turn first (the texts are borrowed), then rename.
    let mut resolved: HashMap<&str, Option<String>> = HashMap::new();
    let mut renamed: Vec<(usize, String)> = Vec::new();
    for (i, turn) in turns.iter().enumerate() {
        let Some(short) = turn.speaker.as_deref().filter(|s| is_surname(s)) else {
            continue;
        };
        let full = match kind_of(turn) {
            Some(k) if two_people(short) => by_kind[&(short.to_lowercase(), k)].clone(),
            _ => resolved
                .entry(short)
                .or_insert_with(|| given_before.full_name(short))
                .clone(),
        };
        if let Some(full) = full {
            renamed.push((i, full));
        }
    }
    for (i, full) in renamed {
        turns[i].speaker = Some(full);
        turns[i].decision.push(Evidence::GivenNameInTranscript);
    }
}

/// A two-word name that the transcript writes once with one more name
/// word closing the phrase (`the Foreign Secretary, Rodrigo Salcedo
/// Íñiguez.` for `Rodrigo Salcedo:`) is that longer name, when the text
/// writes no other.
fn names_written_in_full(turns: &mut [Turn], t: &Transcript) {
    let mut texts: Vec<&str> = turns.iter().map(|t| t.text.as_str()).collect();
    texts.extend(t.title.as_deref());
    texts.extend(t.summary.as_deref());
    let two_words = |s: &str| s.split_whitespace().count() == 2 && !lexicon::is_role_word(s);
    let names: std::collections::HashSet<&str> = turns
        .iter()
        .filter_map(|t| t.speaker.as_deref().filter(|s| two_words(s)))
        .collect();
    let index = names::WrittenInFull::new(names.iter().copied(), &texts);
    let renamed: Vec<(usize, String)> = turns
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let longer = index.longer(t.speaker.as_deref()?)?;
            Some((i, longer.to_string()))
        })
        .collect();
    for (i, longer) in renamed {
        turns[i].speaker = Some(longer);
        turns[i].decision.push(Evidence::WrittenInFull);
    }
}

/// A label that is an office alone (`NATO Secretary General:`) is the one
/// person the document labels with that office elsewhere (`Jens
/// Stoltenberg (NATO Secretary General):`).
fn resolve_office_labels(turns: &mut [Turn]) {
    let key = |s: &str| {
        let l = s.trim().to_lowercase();
        l.strip_prefix("the ").map_or(l.clone(), str::to_string)
    };
    let mut holders: HashMap<String, Option<String>> = HashMap::new();
    for t in turns.iter() {
        if let (Some(s), Some(title)) = (&t.speaker, &t.title) {
            if s.split_whitespace().count() >= 2 {
                holders
                    .entry(key(title))
                    .and_modify(|h| {
                        if h.as_deref() != Some(s.as_str()) {
                            *h = None;
                        }
                    })
                    .or_insert_with(|| Some(s.clone()));
            }
        }
    }
    for t in turns.iter_mut().filter(|t| t.title.is_none()) {
        let Some(s) = t.speaker.as_deref() else {
            continue;
        };
        if let Some(Some(person)) = holders.get(&key(s)) {
            t.title = t.speaker.take();
            t.speaker = Some(person.clone());
            t.decision.push(Evidence::OfficeHolder);
        }
    }
}

/// A label that is an office or a role alone (`MASTER OF CEREMONIES`,
/// `Deputy Spokesperson`, `MODERATOR`, `THE COURT`) is the person the
/// header names in that office (`Master of Ceremonies Luana Ferraz`,
/// `Moderated by ... Nadia Boucher-Kamara`), or who names themselves at
/// the start of its first turn (`I am Adaobi Nwankwo, Director of Press`).
fn office_holders_named(turns: &mut [Turn], t: &Transcript) {
    let mut prose: Vec<&str> = [t.title.as_deref(), t.summary.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    prose.extend(t.participants.iter().map(|p| p.name.as_str()));
    prose.extend(t.notes.iter().map(|n| n.text.as_str()));
    let office_only = |turn: &Turn| {
        let label = label::split_notes(&turn.label).0;
        let role = lexicon::role_of_word(label);
        turn.title.is_none()
            && turn
                .speaker
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(label))
            && !lexicon::is_anonymous(label)
            // `SENIOR ADMINISTRATION OFFICIAL`: unnamed by design.
            && !label.to_lowercase().contains("official")
            // The podium's role words stay (`THE PRESIDENT`, `PM`): the
            // documented convention; who chairs and offices alone do not.
            && match role {
                Some(r) => r == Role::Chair && label.chars().count() > 2,
                None => lexicon::names_office(label),
            }
    };
    let mut holders: HashMap<String, Option<String>> = HashMap::new();
    for turn in turns.iter_mut() {
        if !office_only(turn) {
            continue;
        }
        let holder = holders.entry(key_of(&turn.label)).or_insert_with(|| {
            let office = turn.speaker.as_deref().unwrap_or_default();
            people::office_holder_in_prose(office, &prose)
                .or_else(|| people::names_self(&turn.text))
        });
        if let Some(name) = holder.clone() {
            turn.title = turn.speaker.take();
            turn.speaker = Some(name);
            turn.decision.push(Evidence::OfficeNamed);
        }
    }
}

/// A person's outlet, printed on one of their labels only (`DANA PRICE,
/// KVNT NEWS 4:` then `PRICE:`), holds for all their turns; a speaker seen
/// with two outlets keeps each turn's own.
fn share_outlets(turns: &mut [Turn]) {
    let mut outlets: HashMap<String, Option<String>> = HashMap::new();
    for t in turns.iter() {
        if let (Some(s), Some(o)) = (&t.speaker, &t.outlet) {
            outlets
                .entry(s.clone())
                .and_modify(|known| {
                    if known.as_ref().is_some_and(|k| !k.eq_ignore_ascii_case(o)) {
                        *known = None;
                    }
                })
                .or_insert_with(|| Some(o.clone()));
        }
    }
    for t in turns.iter_mut().filter(|t| t.outlet.is_none()) {
        if let Some(Some(o)) = t.speaker.as_ref().and_then(|s| outlets.get(s)) {
            t.outlet = Some(o.clone());
            t.decision.push(Evidence::OutletFromOtherLabel);
        }
    }
}

/// Name the label style that started most turns.
fn style_of(labels: &[Accepted<'_>]) -> String {
    let mut alone = 0;
    let mut inline = 0;
    let mut q = 0;
    let mut caps = 0;
    for a in labels {
        match a.cand.kind {
            LabelKind::Alone => alone += 1,
            LabelKind::Inline => inline += 1,
            LabelKind::QMarker | LabelKind::AMarker => q += 1,
        }
        if a.cand.shape.all_caps && a.cand.kind != LabelKind::QMarker {
            caps += 1;
        }
    }
    let base = if alone >= inline + q {
        "label-alone"
    } else if caps * 2 > inline {
        "uppercase-inline"
    } else {
        "inline"
    };
    let mut s = base.to_string();
    if q > 0 {
        s.push_str("+q-marker");
    }
    if labels.iter().any(|a| a.cand.timestamp.is_some()) {
        s.push_str("+timestamps");
    }
    s
}

/// Labels where the evidence pointed both ways, once per label: what the
/// words said, and what the conversation decided. A person read from a
/// label that holds an outlet's word is worth a look (a warning); the
/// rest are notes.
fn conflicts(t: &Transcript) -> Vec<Diagnostic> {
    use crate::decision::LabelRule;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for turn in &t.turns {
        let d = &turn.decision;
        let finding = match (d.role_rule(), d.label) {
            (RoleRule::NameOrOutlet, _) if turn.speaker.is_some() => Some((
                true,
                format!(
                    "'{}' holds an outlet's word but its speaker answers, so it is read as a person",
                    turn.label
                ),
            )),
            (RoleRule::Affiliation, _) if d.has(Evidence::AffiliationIsOutlet) => Some((
                false,
                format!(
                    "'{}' is in no list of outlets or offices; its speaker asks, so it is read as an outlet",
                    turn.outlet.as_deref().unwrap_or_default()
                ),
            )),
            (_, LabelRule::RecursDespiteOpener) => Some((
                false,
                format!(
                    "'{}:' opens like a sentence but recurs at paragraph starts, so it is read as a label",
                    turn.label
                ),
            )),
            (_, LabelRule::SurnameRecursDespiteOpener) => Some((
                false,
                format!(
                    "'{}:' opens like a sentence but its surname recurs as a label, so it is read as a label",
                    turn.label
                ),
            )),
            _ => None,
        };
        if let Some((warn, message)) = finding.filter(|_| seen.insert(key_of(&turn.label))) {
            let kind = DiagnosticKind::EvidenceConflict;
            out.push(if warn {
                Diagnostic::warning(turn.line, kind, message)
            } else {
                Diagnostic::info(turn.line, kind, message)
            });
        }
    }
    out
}

/// Findings about the parsed transcript as a whole: labels seen once,
/// near-identical names, empty turns, unanswered questions.
fn review(t: &Transcript) -> Vec<Diagnostic> {
    let mut out = conflicts(t);
    let mut by_label: HashMap<String, Vec<&Turn>> = HashMap::new();
    for turn in &t.turns {
        by_label.entry(key_of(&turn.label)).or_default().push(turn);
        // A turn holding only a stage direction (`Q (Inaudible.)`) said
        // something; one with nothing at all is worth a look.
        if turn.text.is_empty() && turn.events.is_empty() {
            out.push(Diagnostic::warning(
                turn.line,
                DiagnosticKind::EmptyTurn,
                format!("turn {} ('{}') has no text", turn.index, turn.label),
            ));
        }
    }
    let speakers: Vec<(String, usize)> = {
        let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
        for turn in &t.turns {
            if let Some(s) = &turn.speaker {
                let e = seen.entry(s.clone()).or_insert((0, turn.line));
                e.0 += 1;
            }
        }
        let mut v: Vec<(String, usize)> = seen.into_iter().map(|(k, v)| (k, v.0)).collect();
        v.sort();
        v
    };
    for (a, na) in &speakers {
        for (b, nb) in &speakers {
            if a < b && lexicon::one_letter_apart(a, b) {
                let (rare, common) = if na <= nb { (a, b) } else { (b, a) };
                let line = t
                    .turns
                    .iter()
                    .find(|x| x.speaker.as_deref() == Some(rare))
                    .map_or(0, |x| x.line);
                out.push(Diagnostic::warning(line, DiagnosticKind::NameTypo, format!("speaker '{rare}' differs from '{common}' by one letter: probably a typo in the source")));
            }
        }
    }
    let officials_named = t.turns.iter().any(|x| x.role == Role::Official);
    for (_, turns) in by_label.iter() {
        if turns.len() == 1 {
            let turn = turns[0];
            // Outlets ask once at most press conferences; only people's labels are worth a look.
            if turn.role != Role::Journalist
                && turn.label != "Q"
                && officials_named
                && turn.role != Role::Chair
            {
                out.push(Diagnostic::info(
                    turn.line,
                    DiagnosticKind::LabelOnce,
                    format!("label '{}' appears once only", turn.label),
                ));
            }
        }
    }
    for x in &t.exchanges {
        if x.answers.is_empty() {
            out.push(Diagnostic::info(
                t.turn(x.question).map_or(0, |q| q.line),
                DiagnosticKind::Unanswered,
                format!(
                    "question in turn {} has no answer before the next question",
                    x.question
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Doubling a transcript of distinct speakers (short labels that the
    /// text completes: `MR. SURNAME`, `Thank you, Mr. Given Surname`) at
    /// most doubles what the name indexes read: no rescan per speaker.
    #[test]
    fn completing_names_is_linear_in_the_transcript() {
        let word = |head: &str, i: usize| -> String {
            let letters: String = [i / 676 % 26, i / 26 % 26, i % 26]
                .iter()
                .map(|&d| char::from(b'a' + d as u8))
                .collect();
            format!("{head}{letters}")
        };
        let transcript = |n: usize| -> String {
            let mut text = String::from("MODERATOR: Welcome, everyone.\n\n");
            for i in 0..n {
                let (given, surname) = (word("G", i), word("S", i).to_uppercase());
                text.push_str(&format!(
                    "MODERATOR: Thank you, Mr. {given} {}. Go ahead.\n\nMR. {surname}: Thank you.\n\n",
                    word("S", i)
                ));
            }
            text
        };
        let read = |n: usize| {
            names::READ.with(|r| r.set(0));
            let parsed = parse_text(&transcript(n), "linear.txt");
            // The short labels were completed from the text.
            let last = parsed.transcript.turns.last().unwrap();
            assert_eq!(
                last.speaker.as_deref(),
                Some(format!("{} {}", word("G", n - 1), word("S", n - 1)).as_str())
            );
            names::READ.with(|r| r.get())
        };
        let (one, two, four) = (read(100), read(200), read(400));
        assert!(one > 0);
        assert!(two <= one * 21 / 10, "{one} -> {two}");
        assert!(four <= two * 21 / 10, "{two} -> {four}");
    }

    use lexicon::one_letter_apart;

    #[test]
    fn one_letter_typos() {
        assert!(one_letter_apart("Wang Wenbin", "Wang Wenbni"));
        assert!(one_letter_apart("Wang Wenbin", "Wang Wenbn"));
        assert!(one_letter_apart("Psaki", "Psakk"));
        assert!(!one_letter_apart("Xiao Yaqing", "Tian Yulong"));
        assert!(!one_letter_apart("Ann", "Anne"));
    }

    #[test]
    fn an_office_label_is_the_person_labelled_with_that_office() {
        let text = "Sabine Siebold (Reuters): The numbers?\n\n\
            Jens Stoltenberg (NATO Secretary General): Classified.\n\n\
            Sabine Siebold (Reuters): And the date?\n\n\
            NATO Secretary General: Soon.\n\n\
            Sabine Siebold (Reuters): Which month?\n\n\
            NATO Secretary General: May.\n";
        let t = parse_text(text, "t").transcript;
        let who: Vec<(&str, &str, Option<&str>)> = t
            .turns
            .iter()
            .map(|t| {
                (
                    t.label.as_str(),
                    t.speaker.as_deref().unwrap(),
                    t.title.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            who[3],
            (
                "NATO Secretary General",
                "Jens Stoltenberg",
                Some("NATO Secretary General")
            )
        );
        assert_eq!(who[5].1, "Jens Stoltenberg");
        assert_eq!(t.turns[3].role, Role::Official);
    }
}
