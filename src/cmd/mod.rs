//! The subcommands, one file each: arguments in, records out through a
//! [`Printer`](crate::render::Printer), an exit status back.
//!
//! Shared here: the loop over inputs (one transcript loaded, used and
//! dropped at a time; unreadable ones reported on stderr and skipped) and
//! the exit status rules. Commands write data only to the `out` writer they
//! are given and messages only to `err`; they never exit the process.

pub mod check;
pub mod exchanges;
pub mod export;
pub mod generate;
pub mod info;
pub mod search;
pub mod speakers;
pub mod turns;

use crate::cli::{Cli, Command};
use crate::config::Env;
use crate::corpus::{self, Found, Loaded};
use crate::query::Unmatched;
use std::io::{self, Write};
use std::path::PathBuf;
use whosaid::Turn;

/// Exit statuses, as grep.
pub const SUCCESS: u8 = 0;
pub const NO_MATCH: u8 = 1;
pub const ERROR: u8 = 2;

/// Run the command; the result is the exit status.
pub fn run(cli: &Cli, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match &cli.command {
        Command::Info(a) => info::run(a, env, out, err),
        Command::Turns(a) => turns::run(a, env, out, err),
        Command::Export(a) => export::run(a, env, out, err),
        Command::Search(a) => search::run(a, env, out, err),
        Command::Speakers(a) => speakers::run(a, env, out, err),
        Command::Exchanges(a) => exchanges::run(a, env, out, err),
        Command::Check(a) => check::run(a, env, out, err),
        Command::Generate(a) => generate::run(a, out),
    }
}

/// What the loop over inputs saw.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Inputs that could not be read or parsed (exit status 2).
    pub errors: usize,
}

/// How many inputs the PATH arguments name: decides the `source` column.
pub fn expand(paths: &[PathBuf], env: &Env) -> (Vec<Found>, bool) {
    let found = corpus::expand(paths, env.stdin_readable);
    let n = found
        .iter()
        .filter(|f| matches!(f, Found::Input(_)))
        .count();
    (found, n > 1)
}

/// An input that could not be read or parsed: its name and the reason.
pub struct Failed {
    pub source: String,
    pub reason: String,
}

/// Load each input in turn and hand it to `f`; report the ones that fail
/// on `err` as `whosaid: <path>: <reason>` and go on. `f` is told about
/// failures too (`check` lists them); most commands ignore them.
pub fn for_each_input(
    found: Vec<Found>,
    err: &mut dyn Write,
    mut f: impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
) -> io::Result<Inputs> {
    let mut inputs = Inputs::default();
    for item in found {
        match item {
            Found::Note(note) => message(err, &format!("note: {note}")),
            Found::Error(path, why) => {
                inputs.errors += 1;
                message(err, &format!("{path}: {why}"));
                f(Err(Failed {
                    source: path,
                    reason: why,
                }))?;
            }
            Found::Input(input) => match corpus::load(&input) {
                Ok(loaded) => f(Ok(loaded))?,
                Err(why) => {
                    inputs.errors += 1;
                    let name = input.name();
                    message(err, &format!("{name}: {why}"));
                    f(Err(Failed {
                        source: name,
                        reason: why,
                    }))?;
                }
            },
        }
    }
    Ok(inputs)
}

/// A one-line message on stderr: `whosaid: <text>`. Failing to write to
/// stderr is ignored (there is nowhere left to say so).
pub fn message(err: &mut dyn Write, text: &str) {
    let text = crate::render::text::clean(text, true);
    let _ = writeln!(err, "whosaid: {text}");
}

/// End a listing: say which `--speaker`/`--outlet` values matched nothing
/// (with the nearest names), then give the exit status.
pub fn close_listing(
    printed: usize,
    inputs: &Inputs,
    unmatched: &Unmatched,
    err: &mut dyn Write,
) -> u8 {
    for m in unmatched.messages() {
        message(err, &m);
    }
    status(printed, inputs)
}

/// The exit status for a listing command.
pub fn status(printed: usize, inputs: &Inputs) -> u8 {
    if inputs.errors > 0 {
        ERROR
    } else if printed > 0 {
        SUCCESS
    } else {
        NO_MATCH
    }
}

/// The name a turn is listed under: the speaker, else the outlet (a
/// reporter named only by outlet), else the label as printed.
pub fn who(t: &Turn) -> &str {
    t.speaker
        .as_deref()
        .or(t.outlet.as_deref())
        .unwrap_or(&t.label)
}
