//! Golden tests on the reference transcript (SCIO, 1 March 2021): every
//! turn's speaker, role, outlet and source lines, the 12 exchanges, the
//! header and the trailer, pinned exactly as a person reads the text.

use whosaid::model::{NoteKind, Role, Transcript};

fn reference() -> Transcript {
    whosaid::parse_bytes(whosaid::BUNDLED_TEXT.as_bytes(), whosaid::BUNDLED_SOURCE)
        .expect("the bundled transcript parses")
        .transcript
}

/// An exchange as (outlet, question turn, answer turns, answered by).
type ExchangeRow<'a> = (Option<&'a str>, usize, Vec<usize>, Vec<&'a str>);

const CHAIR: &str = "Shou Xiaoli";
const XIAO: &str = "Xiao Yaqing";
const TIAN: &str = "Tian Yulong";

/// (line, end_line, speaker or outlet, role, exchange)
const TURNS: &[(usize, usize, &str, Role, Option<usize>)] = &[
    (33, 35, CHAIR, Role::Chair, None),
    (37, 61, XIAO, Role::Official, None),
    (63, 65, CHAIR, Role::Chair, None),
    (69, 71, "CCTV", Role::Journalist, Some(1)),
    (73, 83, XIAO, Role::Official, Some(1)),
    (87, 89, "Thecover.cn", Role::Journalist, Some(2)),
    (91, 103, XIAO, Role::Official, Some(2)),
    (107, 109, "CNBC", Role::Journalist, Some(3)),
    (111, 113, XIAO, Role::Official, Some(3)),
    (115, 123, TIAN, Role::Official, Some(3)),
    (127, 129, "CNR", Role::Journalist, Some(4)),
    (131, 139, XIAO, Role::Official, Some(4)),
    (143, 145, "Reuters", Role::Journalist, Some(5)),
    (147, 153, XIAO, Role::Official, Some(5)),
    (157, 159, "Asahi Shimbun", Role::Journalist, Some(6)),
    (161, 165, XIAO, Role::Official, Some(6)),
    (169, 171, "Ta Kung Pao", Role::Journalist, Some(7)),
    (173, 175, XIAO, Role::Official, Some(7)),
    (177, 197, TIAN, Role::Official, Some(7)),
    (201, 203, "New York Times", Role::Journalist, Some(8)),
    (205, 215, XIAO, Role::Official, Some(8)),
    (219, 221, "CRNTT", Role::Journalist, Some(9)),
    (223, 229, XIAO, Role::Official, Some(9)),
    (233, 235, "Red Star News", Role::Journalist, Some(10)),
    (237, 249, TIAN, Role::Official, Some(10)),
    (253, 255, "Economic Daily", Role::Journalist, Some(11)),
    (257, 269, XIAO, Role::Official, Some(11)),
    (273, 276, "Yicai", Role::Journalist, Some(12)),
    (278, 290, XIAO, Role::Official, Some(12)),
    (292, 294, CHAIR, Role::Chair, None),
];

#[test]
fn thirty_turns_with_speakers_roles_outlets_and_lines() {
    let t = reference();
    assert_eq!(t.turns.len(), 30);
    for (turn, &(line, end_line, who, role, exchange)) in t.turns.iter().zip(TURNS) {
        let at = format!("turn {} at line {}", turn.index, turn.line);
        assert_eq!((turn.line, turn.end_line), (line, end_line), "{at}");
        assert_eq!(turn.role, role, "{at}");
        assert_eq!(turn.exchange, exchange, "{at}");
        if role == Role::Journalist {
            // A reporter known only by outlet: no invented person.
            assert_eq!(turn.speaker, None, "{at}");
            assert_eq!(turn.outlet.as_deref(), Some(who), "{at}");
            assert_eq!(turn.label, who, "{at}");
        } else {
            assert_eq!(turn.speaker.as_deref(), Some(who), "{at}");
            assert_eq!(
                turn.label, who,
                "{at}: labels keep no trailing no-break space"
            );
            assert_eq!(turn.outlet, None, "{at}");
        }
    }
    let indexes: Vec<usize> = t.turns.iter().map(|x| x.index).collect();
    assert_eq!(indexes, (1..=30).collect::<Vec<_>>());
}

#[test]
fn twelve_exchanges_with_hand_offs_inside() {
    let t = reference();
    let got: Vec<ExchangeRow<'_>> = t
        .exchanges
        .iter()
        .map(|x| {
            (
                x.outlet.as_deref(),
                x.question,
                x.answers.clone(),
                x.answered_by.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let want: Vec<ExchangeRow<'_>> = vec![
        (Some("CCTV"), 4, vec![5], vec![XIAO]),
        (Some("Thecover.cn"), 6, vec![7], vec![XIAO]),
        (Some("CNBC"), 8, vec![9, 10], vec![XIAO, TIAN]),
        (Some("CNR"), 11, vec![12], vec![XIAO]),
        (Some("Reuters"), 13, vec![14], vec![XIAO]),
        (Some("Asahi Shimbun"), 15, vec![16], vec![XIAO]),
        (Some("Ta Kung Pao"), 17, vec![18, 19], vec![XIAO, TIAN]),
        (Some("New York Times"), 20, vec![21], vec![XIAO]),
        (Some("CRNTT"), 22, vec![23], vec![XIAO]),
        (Some("Red Star News"), 24, vec![25], vec![TIAN]),
        (Some("Economic Daily"), 26, vec![27], vec![XIAO]),
        (Some("Yicai"), 28, vec![29], vec![XIAO]),
    ];
    assert_eq!(got, want);
    let numbers: Vec<usize> = t.exchanges.iter().map(|x| x.index).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
}

#[test]
fn header_fields_and_participants() {
    let t = reference();
    assert_eq!(
        t.title.as_deref(),
        Some("SCIO briefing on development of industry and information technology")
    );
    assert_eq!(t.place.as_deref(), Some("Beijing"));
    assert_eq!(t.date.as_deref(), Some("2021-03-01"));
    assert_eq!(t.time.as_deref(), Some("10 a.m."));
    assert!(
        t.summary
            .as_deref()
            .unwrap()
            .starts_with("The State Council Information Office (SCIO) held a press conference")
    );
    let people: Vec<(&str, Role)> = t
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role))
        .collect();
    assert_eq!(
        people,
        [
            (XIAO, Role::Official),
            (TIAN, Role::Official),
            (CHAIR, Role::Chair)
        ]
    );
    assert_eq!(
        t.participants[0].title.as_deref(),
        Some("minister of industry and information technology")
    );
    // `Speakers:`, `Chairperson:` and `Date:` are header fields, not speakers.
    assert!(
        t.turns
            .iter()
            .all(|x| !["Speakers", "Chairperson", "Date"].contains(&x.label.as_str()))
    );
}

#[test]
fn credits_and_captions_are_the_trailer_not_the_last_turn() {
    let t = reference();
    let lines: Vec<usize> = t.credits.iter().map(|c| c.line).collect();
    assert_eq!(lines, [296, 298, 300, 302, 304]);
    assert!(t.credits[0].text.starts_with("Translated and edited by"));
    let last = t.turns.last().unwrap();
    assert!(last.text.ends_with("Goodbye, everyone."), "{}", last.text);
    assert!(!last.text.contains("Translated"));
}

#[test]
fn sentences_ending_in_a_colon_stay_inside_the_minister_statement() {
    let t = reference();
    let statement = &t.turns[1];
    assert!(statement.text.contains("three groups of figures:"));
    assert_eq!(statement.paragraphs, 12);
    let line_181 = whosaid::BUNDLED_TEXT.lines().nth(180).unwrap().trim();
    assert!(line_181.ends_with(':'));
    let tian = &t.turns[18];
    assert!((tian.line..=tian.end_line).contains(&181));
    assert!(tian.text.contains(line_181));
}

#[test]
fn page_break_markup_is_neither_text_nor_lost() {
    let t = reference();
    assert!(
        t.turns
            .iter()
            .all(|x| !x.text.contains("_ueditor_page_break_tag_"))
    );
    let marks: Vec<usize> = t
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Markup)
        .map(|n| n.line)
        .collect();
    assert_eq!(
        marks,
        [67, 85, 105, 125, 141, 155, 167, 199, 217, 231, 251, 271]
    );
    let words: usize = t.turns.iter().map(|x| x.words()).sum();
    assert_eq!(words, t.total_words());
    assert!(words > 9000, "{words}");
}
