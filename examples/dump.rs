//! Print how the parser reads a transcript, one turn a line: a debugging
//! aid for parser work (`cargo run --example dump -- FILE`).

fn main() {
    let path = std::env::args().nth(1);
    let bytes = match &path {
        Some(p) => std::fs::read(p).expect("readable file"),
        None => whosaid::BUNDLED_TEXT.as_bytes().to_vec(),
    };
    let parsed = match whosaid::parse_bytes(&bytes, path.as_deref().unwrap_or("<bundled>")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let t = &parsed.transcript;
    println!(
        "title={:?} place={:?} date={:?} time={:?} style={}",
        t.title, t.place, t.date, t.time, t.style
    );
    println!(
        "summary={:?}",
        t.summary.as_deref().map(|s| &s[..s.len().min(60)])
    );
    for p in &t.participants {
        println!("participant {} | {} | {:?}", p.name, p.role, p.title);
    }
    for turn in &t.turns {
        let preview: String = turn.text.chars().take(50).collect();
        println!(
            "{:>3} L{:<4}-{:<4} {:<10} {:<28} {:<20} x{:<3} w{:<5} [{}] {}",
            turn.index,
            turn.line,
            turn.end_line,
            turn.role.as_str(),
            turn.speaker.as_deref().unwrap_or("-"),
            turn.outlet.as_deref().unwrap_or("-"),
            turn.exchange.map(|x| x.to_string()).unwrap_or_default(),
            turn.words(),
            turn.label,
            preview
        );
    }
    for x in &t.exchanges {
        println!(
            "exchange {} {:?} q={} a={:?} by={:?}",
            x.index, x.outlet, x.question, x.answers, x.answered_by
        );
    }
    for c in &t.credits {
        println!("credit L{} {}", c.line, c.text);
    }
    for n in &t.notes {
        println!("note L{}-{} {} {}", n.line, n.end_line, n.kind, n.text);
    }
    for h in &t.header {
        println!("header L{}-{} {}", h.line, h.end_line, h.field);
    }
    for d in &parsed.diagnostics {
        println!("diag L{} {} {} {}", d.line, d.severity, d.kind, d.message);
    }
}
