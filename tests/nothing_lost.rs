//! Nothing lost, nothing duplicated: every non-blank line of an input lands
//! in exactly one place of the model (a header line, a turn's
//! `line..=end_line`, a credit, a note), on the reference transcript, on
//! every fixture, after input hygiene, and on arbitrary generated input.

use proptest::prelude::*;
use std::fs;
use whosaid::model::Transcript;

/// How many places claim each 1-based line.
fn claims(t: &Transcript, lines: usize) -> Vec<usize> {
    let mut count = vec![0usize; lines + 2];
    let mut claim = |from: usize, to: usize| {
        for n in from..=to {
            if n < count.len() {
                count[n] += 1;
            }
        }
    };
    for h in &t.header {
        claim(h.line, h.end_line);
    }
    for turn in &t.turns {
        claim(turn.line, turn.end_line);
    }
    for c in &t.credits {
        claim(c.line, c.line);
    }
    for n in &t.notes {
        claim(n.line, n.end_line);
    }
    count
}

/// Lines as the parser numbers them: LF, CRLF and lone CR all end a line.
fn source_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        if rest.starts_with("\r\n") {
            rest = &rest[2..];
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
    }
    out
}

fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c.is_control())
}

/// Every non-blank line claimed exactly once; blank lines at most once.
fn check_accounting(text: &str, source: &str) -> Result<(), String> {
    let parsed = whosaid::parse_text(text, source);
    let lines = source_lines(text);
    let count = claims(&parsed.transcript, lines.len());
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        let c = count[n];
        if !is_blank(line) && c != 1 {
            return Err(format!("{source}: line {n} {line:?} is claimed {c} times"));
        }
        if c > 1 {
            return Err(format!("{source}: blank line {n} is claimed {c} times"));
        }
    }
    Ok(())
}

#[test]
fn reference_transcript_loses_no_line() {
    check_accounting(whosaid::BUNDLED_TEXT, "<bundled>").unwrap();
}

#[test]
fn every_fixture_loses_no_line() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/styles");
    let mut n = 0;
    let mut pages = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ["txt", "md", "vtt", "srt"].contains(&ext) {
            let text = fs::read_to_string(&path).unwrap();
            check_accounting(&text, &path.display().to_string()).unwrap();
            n += 1;
        } else if ext == "html" {
            let text = fs::read_to_string(&path).unwrap();
            check_page(&text, &path.display().to_string(), true).unwrap();
            pages += 1;
        }
    }
    assert!(n >= 15);
    assert!(pages >= 2);
}

/// An HTML page: every non-blank line of the stripped text lands in
/// exactly one place (the parser numbers the stripped lines); the map sends
/// each one back to page lines that hold its text, and the transcript read
/// from the page is the stripped one with its lines mapped. `words` checks
/// that each stripped line's first word is on the page lines it maps to
/// (true of real pages, not of generated ones that cut words with tags).
fn check_page(html: &str, source: &str, words: bool) -> Result<(), String> {
    use whosaid::html;
    if !html::looks_like_html(html) {
        return Err(format!("{source}: not taken for HTML"));
    }
    let stripped = html::strip(html);
    check_accounting(&stripped.text, source)?;
    let page = source_lines(html);
    let mut previous = 1;
    for (i, line) in source_lines(&stripped.text).iter().enumerate() {
        let n = i + 1;
        let (first, last) = (stripped.map.first(n), stripped.map.last(n));
        if first < previous || first > last || last > page.len().max(1) {
            return Err(format!(
                "{source}: stripped line {n} maps to {first}..={last}"
            ));
        }
        previous = first;
        if !words {
            continue;
        }
        // The line's first word of plain letters is on the page lines it
        // maps to (entities and tags aside).
        let word: String = line
            .chars()
            .skip_while(|c| !c.is_ascii_alphanumeric())
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let span = page[first - 1..last].join("\n");
        if !word.is_empty() && !span.contains(&word) {
            return Err(format!(
                "{source}: stripped line {n} ({line:?}) maps to lines {first}..={last}, which lack {word:?}"
            ));
        }
    }
    let mut expected = whosaid::parse_text(&stripped.text, source);
    expected.map_lines(stripped.map);
    match whosaid::parse_bytes(html.as_bytes(), source) {
        Ok(read) if read.transcript != expected.transcript => Err(format!(
            "{source}: parse_bytes differs from the mapped stripped text"
        )),
        Err(e) if !expected.transcript.turns.is_empty() => {
            Err(format!("{source}: parse_bytes failed: {e}"))
        }
        _ => Ok(()),
    }
}

/// Input hygiene: BOM, CRLF or CR line ends, no-break and other Unicode
/// spaces, trailing spaces, extra blank lines and page-break markup leave
/// the turns (speakers, roles, outlets, text) unchanged.
#[test]
fn input_hygiene_does_not_change_the_turns() {
    let plain = whosaid::parse_text(whosaid::BUNDLED_TEXT, "x").transcript;
    let summary = |t: &Transcript| -> Vec<String> {
        t.turns
            .iter()
            .map(|x| {
                format!(
                    "{:?}|{}|{:?}|{}|{}",
                    x.speaker,
                    x.role,
                    x.outlet,
                    x.text,
                    x.words()
                )
            })
            .collect()
    };
    let variants: Vec<(&str, String)> = vec![
        ("bom", format!("\u{feff}{}", whosaid::BUNDLED_TEXT)),
        ("crlf", whosaid::BUNDLED_TEXT.replace('\n', "\r\n")),
        ("cr", whosaid::BUNDLED_TEXT.replace('\n', "\r")),
        (
            "trailing spaces",
            whosaid::BUNDLED_TEXT.replace('\n', "  \t\n"),
        ),
        (
            "no-break spaces",
            whosaid::BUNDLED_TEXT.replace(":\n", ":\u{a0}\u{a0}\n"),
        ),
        (
            "ideographic and thin spaces",
            whosaid::BUNDLED_TEXT.replace("\n\n", "\n\u{3000}\u{2009}\n"),
        ),
        (
            "blank lines doubled",
            whosaid::BUNDLED_TEXT.replace("\n\n", "\n\n\n\n"),
        ),
        (
            "more page breaks",
            whosaid::BUNDLED_TEXT.replace(
                "\n\nXiao Yaqing:",
                "\n\n_ueditor_page_break_tag_\n\nXiao Yaqing:",
            ),
        ),
    ];
    for (name, text) in variants {
        let t = whosaid::parse_text(&text, "x").transcript;
        assert_eq!(summary(&t), summary(&plain), "{name} changed the turns");
        assert_eq!(t.exchanges.len(), 12, "{name}");
        check_accounting(&text, name).unwrap();
    }
}

#[test]
fn line_numbers_follow_the_original_line_ends() {
    let crlf = whosaid::BUNDLED_TEXT.replace('\n', "\r\n");
    let t = whosaid::parse_text(&crlf, "x").transcript;
    let tian: Vec<usize> = t
        .turns
        .iter()
        .filter(|x| x.speaker.as_deref() == Some("Tian Yulong"))
        .map(|x| x.line)
        .collect();
    assert_eq!(tian, [115, 177, 237]);
    let doubled = whosaid::BUNDLED_TEXT.replace("\n\n", "\n\n\n");
    let t = whosaid::parse_text(&doubled, "x").transcript;
    let first = &t.turns[0];
    assert_eq!(doubled.lines().nth(first.line - 1).unwrap(), "Shou Xiaoli:");
}

fn transcript_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just(String::new()),
        Just("Q    What about it?".to_string()),
        Just("MS. PSAKI:  Well, thank you.".to_string()),
        Just("Xiao Yaqing:\u{a0}".to_string()),
        Just("CCTV:".to_string()),
        Just("(Laughter.)".to_string()),
        Just("END".to_string()),
        Just("1:16 P.M. EST".to_string()),
        Just("Speakers:".to_string()),
        Just("---".to_string()),
        Just("title: x".to_string()),
        Just("_ueditor_page_break_tag_".to_string()),
        Just("/4    Caption".to_string()),
        Just("Translated and edited by A.".to_string()),
        Just("发言人：好。".to_string()),
        "[A-Za-z :().?\u{a0}]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
}

fn page_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<br>".to_string()),
        Just("<br/><br />".to_string()),
        Just("<div class=\"a>b\">".to_string()),
        Just("</div>".to_string()),
        Just("<strong>MS. PSAKI:</strong>".to_string()),
        Just("MS. PSAKI:&nbsp; Well.".to_string()),
        Just("Q&nbsp;&nbsp;&nbsp; Why?".to_string()),
        Just("(Laughter.)".to_string()),
        Just("&rsquo;&#8217;&#x2019;&#150;&bogus;&amp".to_string()),
        Just("<script>if (a < b) {}</script>".to_string()),
        Just("<script>".to_string()),
        Just("<style>p{}</style>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<!--".to_string()),
        Just("<nav><a>Home</a></nav>".to_string()),
        Just("<header>".to_string()),
        Just("</footer>".to_string()),
        Just("<main>".to_string()),
        Just("</main>".to_string()),
        Just("<title>T | S</title>".to_string()),
        Just("<pre>a\r\n\nb</pre>".to_string()),
        Just("<h1>Title</h1>".to_string()),
        Just("a < b <c".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        "[A-Za-z :().?<>&;\u{a0}]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any text parses without panicking and loses no line.
    #[test]
    fn arbitrary_text_never_panics_and_loses_nothing(text in transcript_like()) {
        check_accounting(&text, "prop").map_err(TestCaseError::fail)?;
    }

    /// Any page strips and parses without panicking, loses no stripped
    /// line, and maps its lines in order onto the page.
    #[test]
    fn arbitrary_pages_never_panic_and_lose_nothing(body in page_like()) {
        let html = format!("<!doctype html>\n{body}");
        check_page(&html, "prop", false).map_err(TestCaseError::fail)?;
    }

    /// Any bytes decode to a clear result, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = whosaid::parse_bytes(&bytes, "prop");
    }
}
