//! `--stats`: what a run read and found, printed when it ends: inputs
//! read, inputs left unparsed by `search`'s prefilter, bytes, turns,
//! matches, errors and the time taken.
//!
//! On stdout as a last `{"kind":"summary",...}` record with `--format
//! jsonl`; in every other format on stderr, as one line, so that the
//! output itself stays what its format promises (a JSON array of records,
//! a tsv or csv table, lines for a pipe). It does not count anything
//! itself: the loop over inputs does (`cmd::Inputs`).

use super::Inputs;
use crate::cli::Format;
use serde::Serialize;
use std::io::{self, Write};
use std::sync::OnceLock;
use std::time::Instant;

/// When the run started, if `--stats` was given; set once by `cmd::run`.
static STARTED: OnceLock<Option<Instant>> = OnceLock::new();

/// Turn `--stats` on (the clock starts now) or off.
pub fn set(on: bool) {
    let _ = STARTED.set(on.then(Instant::now));
}

/// The summary record (docs/json.md).
#[derive(Serialize)]
struct Summary {
    kind: &'static str,
    files: usize,
    skipped: usize,
    bytes: u64,
    turns: usize,
    matches: Option<usize>,
    errors: usize,
    seconds: f64,
}

/// Print the summary if `--stats` was given: `matches` for `search`,
/// `None` for the other commands; `format` the command's output format.
pub fn report(
    inputs: &Inputs,
    matches: Option<usize>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    let Some(Some(started)) = STARTED.get() else {
        return Ok(());
    };
    let s = Summary {
        kind: "summary",
        files: inputs.files,
        skipped: inputs.skipped,
        bytes: inputs.bytes,
        turns: inputs.turns,
        matches,
        errors: inputs.errors,
        seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
    };
    if format == Format::Jsonl {
        serde_json::to_writer(&mut *out, &s)?;
        out.write_all(b"\n")?;
        return out.flush();
    }
    let mut line = format!(
        "stats: {} {} read ({} skipped unparsed), {} bytes, {} turns",
        s.files,
        if s.files == 1 { "input" } else { "inputs" },
        s.skipped,
        s.bytes,
        s.turns
    );
    if let Some(m) = s.matches {
        line.push_str(&format!(
            ", {m} {}",
            if m == 1 { "match" } else { "matches" }
        ));
    }
    line.push_str(&format!(
        ", {} {}, {:.3} s",
        s.errors,
        if s.errors == 1 { "error" } else { "errors" },
        s.seconds
    ));
    super::message(err, &line);
    Ok(())
}
