//! What is not a turn's words: the header before the first label, the
//! trailer after the last turn, and stage directions inside turns. The
//! fixtures' turns are pinned in `tests/styles.rs`; these tests pin where
//! everything else goes.

use std::fs;
use std::path::Path;
use whosaid::DiagnosticKind;
use whosaid::model::{EventKind, HeaderField, NoteKind, Transcript};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/styles");

fn parse(name: &str) -> Transcript {
    let bytes = fs::read(Path::new(DIR).join(name)).unwrap();
    whosaid::parse_bytes(&bytes, name).unwrap().transcript
}

/// Notes of the trailer (after the last turn) as `(kind, line)`.
fn trailer_notes(t: &Transcript) -> Vec<(NoteKind, usize)> {
    let last = t.turns.last().unwrap().end_line;
    t.notes
        .iter()
        .filter(|n| n.line > last)
        .map(|n| (n.kind, n.line))
        .collect()
}

fn events(t: &Transcript) -> Vec<(EventKind, &str)> {
    t.turns
        .iter()
        .flat_map(|x| x.events.iter())
        .map(|e| (e.kind, e.text.as_str()))
        .collect()
}

#[test]
fn closing_lines_are_the_trailer_and_the_last_words_the_speakers() {
    let t = parse("trailer-closings.txt");
    let last = t.turns.last().unwrap();
    assert_eq!((last.line, last.end_line), (13, 15));
    assert!(last.text.ends_with("Thanks very much, everyone."));
    assert_eq!(last.words(), 14);
    assert_eq!(
        trailer_notes(&t),
        [
            (NoteKind::End, 17),
            (NoteKind::Dateline, 19),
            (NoteKind::Dateline, 20),
            (NoteKind::Dateline, 21),
            (NoteKind::Timestamp, 22),
            (NoteKind::Publication, 24),
            (NoteKind::Disclaimer, 26),
            (NoteKind::End, 31),
        ]
    );
    let disclaimer = t
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::Disclaimer)
        .unwrap();
    assert_eq!(disclaimer.end_line, 27);
    let credits: Vec<(usize, &str)> = t
        .credits
        .iter()
        .map(|c| (c.line, c.text.as_str()))
        .collect();
    assert_eq!(credits, [(29, "Media contact: press@example.gov.ng")]);
    // The dateline in the header gives place and date.
    assert_eq!(t.place.as_deref(), Some("Abuja"));
    assert_eq!(t.date.as_deref(), Some("2024-06-04"));
}

#[test]
fn broadcast_cues_are_events_and_out_of_the_words() {
    let t = parse("broadcast-cues.txt");
    assert_eq!(
        events(&t),
        [
            (EventKind::Video, "(BEGIN VIDEOTAPE)"),
            (EventKind::Video, "(END VIDEOTAPE)"),
            (EventKind::Pause, "[Pause]"),
            (EventKind::Crosstalk, "(Interruption)"),
            (EventKind::Interpretation, "(Speaks in French)"),
            (EventKind::Break, "(COMMERCIAL BREAK)"),
            (EventKind::Other, "(JOINED IN PROGRESS)"),
            (EventKind::Inaudible, "(Off-mike.)"),
        ]
    );
    for turn in &t.turns {
        assert!(!turn.text.contains(['(', '[']), "{}", turn.text);
    }
    let caller = t.turns.iter().find(|x| x.line == 37).unwrap();
    assert_eq!((caller.text.as_str(), caller.words()), ("", 0));
    // After the last words: the closing music, the copyright, and the
    // rush-transcript notice wrapped over two lines.
    assert_eq!(t.turns.last().unwrap().end_line, 41);
    assert_eq!(
        trailer_notes(&t),
        [(NoteKind::Direction, 43), (NoteKind::Disclaimer, 47)]
    );
    assert_eq!(t.credits.len(), 1);
    assert!(t.credits[0].text.starts_with("Copyright ©"));
    // The header: a date and 24-hour time after `Aired`, and a disclaimer
    // that is not the summary.
    assert_eq!(t.date.as_deref(), Some("2024-03-03"));
    assert_eq!(t.time.as_deref(), Some("18:00 ET"));
    assert_eq!(t.summary, None);
    assert_eq!(t.notes[0].kind, NoteKind::Disclaimer);
}

#[test]
fn header_blocks_give_participants_place_date_and_subjects() {
    let t = parse("header-blocks.txt");
    assert_eq!(
        t.title.as_deref(),
        Some("Weekly Press Briefing of the Ministry of Transport")
    );
    assert_eq!(t.place.as_deref(), Some("Vienna"));
    assert_eq!(t.date.as_deref(), Some("2024-04-09"));
    assert_eq!(t.time.as_deref(), Some("11:30"));
    let people: Vec<(&str, Option<&str>)> = t
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.title.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Maria Keller", Some("Ministry Spokesperson")),
            ("Brandt", Some("State Secretary")),
            ("Novak", Some("Federal Rail Authority")),
            ("Ortiz", Some("Highways Agency")),
        ]
    );
    let fields: Vec<(HeaderField, usize)> = t.header.iter().map(|h| (h.field, h.line)).collect();
    assert_eq!(
        fields,
        [
            (HeaderField::Title, 1),
            (HeaderField::Participants, 3),
            (HeaderField::Place, 4),
            (HeaderField::PlaceDateTime, 5),
            (HeaderField::ParticipantsHeading, 7),
            (HeaderField::SubjectsHeading, 9),
        ]
    );
    // The unlabelled opening statement is a preamble note, not the summary.
    assert_eq!(t.summary, None);
    let kinds: Vec<(NoteKind, usize)> = t.notes.iter().map(|n| (n.kind, n.line)).collect();
    assert_eq!(kinds, [(NoteKind::Preamble, 11)]);
    let diags = whosaid::parse_text(
        &fs::read_to_string(Path::new(DIR).join("header-blocks.txt")).unwrap(),
        "x",
    )
    .diagnostics;
    assert!(
        diags
            .iter()
            .any(|d| d.kind == DiagnosticKind::TextBeforeFirstLabel && d.is_warning())
    );
}

#[test]
fn an_email_envelope_is_header_and_its_footer_trailer() {
    let t = parse("header-email.txt");
    assert_eq!(
        t.title.as_deref(),
        Some("TRANSCRIPT - Doorstop, Town Hall, Riverton")
    );
    assert_eq!(t.date.as_deref(), Some("2024-05-15"));
    let fields: Vec<HeaderField> = t.header.iter().map(|h| h.field).collect();
    assert_eq!(
        fields,
        [
            HeaderField::EmailHeading,
            HeaderField::EmailHeading,
            HeaderField::TitleHeading,
            HeaderField::DateHeading,
            HeaderField::SubjectsHeading
        ]
    );
    // The editor's note is an event of the Minister's turn, not words.
    let price = t.turns.iter().find(|x| x.line == 14).unwrap();
    assert_eq!(price.events.len(), 1);
    assert_eq!(price.events[0].kind, EventKind::EditorNote);
    assert!(!price.text.contains("Editor"));
    assert_eq!(
        trailer_notes(&t),
        [(NoteKind::End, 21), (NoteKind::Disclaimer, 24)]
    );
    assert_eq!(t.credits.len(), 1);
    assert_eq!(t.credits[0].line, 23);
}

/// Topic headings between exchanges are `heading` notes, out of the turn
/// before them; a one-line answer that looks like one stays speech.
#[test]
fn topic_headings_between_exchanges_are_notes() {
    let headings = |name: &str| -> Vec<(usize, String)> {
        parse(name)
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Heading)
            .map(|n| (n.line, n.text.clone()))
            .collect()
    };
    assert_eq!(headings("false-labels.txt"), [(10, "Economy:".to_string())]);
    assert_eq!(
        headings("uppercase-titles.txt"),
        [(28, "QUESTIONS AND ANSWERS".to_string())]
    );
    assert_eq!(
        headings("japan-mofa.txt"),
        [
            (6, "Opening Remarks".to_string()),
            (11, "Questions and Answers".to_string())
        ]
    );
    let t = parse("uppercase-titles.txt");
    let president = t.turns.iter().find(|x| x.line == 17).unwrap();
    assert_eq!(president.end_line, 26);
    assert!(!president.text.contains("QUESTIONS"));
    let text = "Q: Will you go?\n\nA: Yes.\n\nQ: And the date?\n\nA: Tomorrow.\n\nQ: Who goes?\n\nA:\n\nThe Minister\n";
    let t = whosaid::parse_bytes(text.as_bytes(), "t")
        .unwrap()
        .transcript;
    assert_eq!(t.turns.last().unwrap().text, "The Minister");
}

/// The trailer takes a line by what it says, never by its first word:
/// `Copyright reform comes after ...`, `Photographs of the signing ...`
/// and `Reviewed by our lawyers, ...` are the minister's last paragraphs;
/// `Copyright 2024 Reuters. All rights reserved.` below them is a credit.
#[test]
fn a_first_word_alone_does_not_make_a_trailer_line() {
    let t = parse("trailer-first-word.txt");
    let last = t.turns.last().unwrap();
    assert_eq!(last.label, "MINISTER HALE");
    assert_eq!((last.line, last.end_line), (13, 19));
    assert_eq!(last.paragraphs, 4);
    let paragraphs: Vec<&str> = last.text.split("\n\n").collect();
    assert!(
        paragraphs[3].starts_with("Copyright reform comes after years of lobbying by authors"),
        "{paragraphs:?}"
    );
    assert!(paragraphs[1].starts_with("Photographs of the signing"));
    assert!(paragraphs[2].starts_with("Reviewed by our lawyers"));
    let credits: Vec<(usize, &str)> = t
        .credits
        .iter()
        .map(|c| (c.line, c.text.as_str()))
        .collect();
    assert_eq!(
        credits,
        [(21, "Copyright 2024 Reuters. All rights reserved.")]
    );
    assert_eq!(trailer_notes(&t), []);
}

/// An all-numeric date follows the convention of the header's place
/// (`Canberra, 3/4/2024` is 3 April); without a place nothing decides, and
/// the date is left empty with an `info` saying why.
#[test]
fn a_numeric_header_date_is_read_in_the_order_of_its_place() {
    let t = parse("header-numeric-date.txt");
    assert_eq!(t.place.as_deref(), Some("Canberra"));
    assert_eq!(t.date.as_deref(), Some("2024-04-03"));
    let text = fs::read_to_string(Path::new(DIR).join("header-numeric-date.txt")).unwrap();
    let parsed = whosaid::parse_text(&text.replace("Canberra, 3/4/2024", "3/4/2024"), "x");
    assert_eq!(parsed.transcript.date, None);
    let d = parsed
        .diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::AmbiguousDate)
        .expect("a diagnostic for the undecided date");
    assert_eq!((d.line, d.severity), (3, whosaid::Severity::Info));
    // Where the date is unambiguous, the place does not matter.
    for (line, date) in [
        ("Washington, 13/4/2024", "2024-04-13"),
        ("Washington, 2024-04-03", "2024-04-03"),
        ("Washington, 3 April 2024", "2024-04-03"),
        ("Washington, 3/4/2024", "2024-03-04"),
    ] {
        let t = whosaid::parse_text(&text.replace("Canberra, 3/4/2024", line), "x").transcript;
        assert_eq!(t.date.as_deref(), Some(date), "{line}");
    }
}
