//! The subcommands, one file each: arguments in, records out through a
//! [`Printer`](crate::render::Printer), an exit status back.
//!
//! Shared here: the loop over inputs (transcripts handed to the command one
//! at a time, in input order, and dropped after; parsed a few ahead on
//! worker threads; unreadable ones reported on stderr and skipped) and the
//! exit status rules. Commands write data only to the `out` writer they
//! are given and messages only to `err`; they never exit the process.
//! The loop also keeps the counts `--stats` prints and drives the progress
//! bar ([`progress`]), both from the main thread.

pub mod chart;
pub mod check;
pub mod cite;
pub mod diff;
pub mod exchanges;
pub mod export;
pub mod figures;
pub mod generate;
pub mod info;
pub mod progress;
pub mod quote;
pub mod search;
pub mod speakers;
pub mod stats;
pub mod timeline;
pub mod turns;

use crate::cli::{Cli, Command, Format};
use crate::config::Env;
use crate::corpus::{self, Found, Input, Loaded, Outcome, Wanted};
use crate::query::Unmatched;
use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Mutex, OnceLock};
use whosaid::Turn;

/// Exit statuses, as grep.
pub const SUCCESS: u8 = 0;
pub const NO_MATCH: u8 = 1;
pub const ERROR: u8 = 2;

/// Run the command; the result is the exit status.
pub fn run(cli: &Cli, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    progress::set_terminal(env.progress, env.stdout_tty);
    stats::set(cli.stats);
    // Output to a terminal clears the progress bar for good first.
    let out = &mut progress::Guard::new(out);
    match &cli.command {
        Command::Info(a) => info::run(a, env, out, err),
        Command::Turns(a) => turns::run(a, env, out, err),
        Command::Export(a) => export::run(a, env, out, err),
        Command::Search(a) => search::run(a, env, out, err),
        Command::Speakers(a) => speakers::run(a, env, out, err),
        Command::Exchanges(a) => exchanges::run(a, env, out, err),
        Command::Figures(a) => figures::run(a, env, out, err),
        Command::Diff(a) => diff::run(a, env, out, err),
        Command::Timeline(a) => timeline::run(a, env, out, err),
        Command::Check(a) => check::run(a, env, out, err),
        Command::Quote(a) => quote::run(a, env, out, err),
        Command::Cite(a) => cite::run(a, env, out, err),
        Command::Generate(a) => generate::run(a, out),
    }
}

/// What the loop over inputs saw.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Inputs that could not be read or parsed (exit status 2).
    pub errors: usize,
    /// Inputs read or tried (the walk's own errors aside).
    pub files: usize,
    /// Inputs read but left unparsed: they cannot match.
    pub skipped: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Speaker turns of the transcripts parsed.
    pub turns: usize,
}

/// How [`for_each_input`] reads for one command.
#[derive(Clone, Copy, Default)]
pub struct Reading<'a> {
    /// Inputs whose bytes fail this test are checked, not parsed, and
    /// not handed to the command (`search`'s prefilter).
    pub wanted: Option<&'a Wanted<'a>>,
    /// The command prints a human format: a progress bar may be drawn.
    pub progress: bool,
}

impl Reading<'_> {
    /// Every input parsed; a progress bar for the human formats.
    pub fn new(format: Format) -> Self {
        Reading {
            wanted: None,
            progress: matches!(format, Format::Table | Format::Text),
        }
    }
}

/// How many inputs the PATH arguments name: decides the `source` column.
pub fn expand(paths: &[PathBuf], env: &Env) -> (Vec<Found>, bool) {
    let mut found = corpus::expand(paths, env.stdin_readable);
    let n = found
        .iter()
        .filter(|f| matches!(f, Found::Input(_)))
        .count();
    let errors = found.iter().any(|f| matches!(f, Found::Error(..)));
    if n == 0 && !errors {
        // Exit status 1, as for nothing matched: there was nothing to read.
        found.push(Found::Note(
            "no transcripts found (files *.txt, *.md, *.html, *.htm, *.vtt, *.srt; \
             hidden and ignored paths are skipped: see --hidden, --no-ignore, -L)"
                .to_string(),
        ));
    }
    (found, n > 1)
}

/// The first PATH given twice (the same file by any name, or `-` twice),
/// as typed: commands that report one answer for all their inputs refuse
/// it rather than count a transcript twice.
pub fn given_twice(paths: &[PathBuf]) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    paths
        .iter()
        .find(|p| !seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())))
        .map(|p| p.display().to_string())
}

/// An input that could not be read or parsed: its name and the reason.
pub struct Failed {
    pub source: String,
    pub reason: String,
}

/// `--no-messages`: per-input errors and walk notes are not printed.
static NO_MESSAGES: AtomicBool = AtomicBool::new(false);

pub fn set_no_messages(yes: bool) {
    NO_MESSAGES.store(yes, Ordering::Relaxed);
}

fn input_message(err: &mut dyn Write, text: &str) {
    if !NO_MESSAGES.load(Ordering::Relaxed) {
        message(err, text);
    }
}

/// How many inputs are read and parsed at a time (`-j/--threads`); set once
/// by `main` before any input is read. Unset (unit tests): one.
static THREADS: OnceLock<usize> = OnceLock::new();

/// Set the number of parsing threads; 0 means one per available CPU.
pub fn set_threads(n: usize) {
    let n = if n == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        n
    };
    let _ = THREADS.set(n);
}

/// Load each input in turn and hand it to `f`; report the ones that fail
/// on `err` as `whosaid: <path>: <reason>` and go on. `f` is told about
/// failures too (`check` lists them); most commands ignore them. Inputs
/// that `reading.wanted` rules out are not handed to `f`.
///
/// With several inputs and more than one thread, inputs are read and
/// parsed on worker threads, a few ahead of the one being printed, while
/// `f` and the messages still run here, in input order, exactly as in the
/// sequential loop: the output does not depend on the number of threads.
/// At most `WINDOW_PER_THREAD` loaded inputs per thread wait in memory, so
/// memory does not grow with the corpus. When `f` fails (a closed pipe),
/// the workers stop after the file they are on.
pub fn for_each_input(
    found: Vec<Found>,
    reading: Reading<'_>,
    err: &mut dyn Write,
    f: impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
) -> io::Result<Inputs> {
    let files = found
        .iter()
        .filter(|x| matches!(x, Found::Input(i) if *i != Input::Stdin))
        .count();
    let inputs = found
        .iter()
        .filter(|x| matches!(x, Found::Input(_)))
        .count();
    let mut the_loop = Loop {
        inputs: Inputs::default(),
        bar: progress::Bar::new(reading.progress, inputs),
        wanted: reading.wanted,
    };
    let threads = THREADS.get().copied().unwrap_or(1).min(files);
    let outcome = if threads <= 1 {
        sequential(found, &mut the_loop, err, f)
    } else {
        parallel(found, threads, &mut the_loop, err, f)
    };
    the_loop.bar.finish();
    outcome.map(|()| the_loop.inputs)
}

/// The main thread's state while it hands inputs to the command.
struct Loop<'a> {
    inputs: Inputs,
    bar: progress::Bar,
    wanted: Option<&'a Wanted<'a>>,
}

/// Loaded inputs that may wait, per worker thread, for their turn to print.
const WINDOW_PER_THREAD: usize = 4;

fn sequential(
    found: Vec<Found>,
    lp: &mut Loop<'_>,
    err: &mut dyn Write,
    mut f: impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
) -> io::Result<()> {
    for item in found {
        match item {
            Found::Input(input) => {
                let read = corpus::read(&input, lp.wanted);
                deliver(lp, err, &mut f, input.name(), read)?;
            }
            other => walk_entry(lp, err, &mut f, other)?,
        }
    }
    Ok(())
}

/// A note or an error of the walk, reported where it stands in the order.
fn walk_entry(
    lp: &mut Loop<'_>,
    err: &mut dyn Write,
    f: &mut impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
    item: Found,
) -> io::Result<()> {
    match item {
        Found::Note(note) => lp
            .bar
            .suspend(|| input_message(err, &format!("note: {note}"))),
        Found::Error(path, why) => fail(lp, err, f, path, why)?,
        Found::Input(_) => unreachable!("inputs are loaded, not walk entries"),
    }
    Ok(())
}

/// Hand one input read, or its failure, to `f`; count it.
fn deliver(
    lp: &mut Loop<'_>,
    err: &mut dyn Write,
    f: &mut impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
    name: String,
    read: Outcome,
) -> io::Result<()> {
    lp.inputs.files += 1;
    lp.inputs.bytes += read.bytes;
    lp.bar.advance(read.bytes);
    match read.result {
        Ok(Some(loaded)) => {
            lp.inputs.turns += loaded.parsed.transcript.turns.len();
            f(Ok(loaded))
        }
        Ok(None) => {
            lp.inputs.skipped += 1;
            Ok(())
        }
        Err(why) => fail(lp, err, f, name, why),
    }
}

/// Report an input that failed, and tell `f`.
fn fail(
    lp: &mut Loop<'_>,
    err: &mut dyn Write,
    f: &mut impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
    name: String,
    why: String,
) -> io::Result<()> {
    lp.inputs.errors += 1;
    lp.bar
        .suspend(|| input_message(err, &format!("{name}: {why}")));
    f(Err(Failed {
        source: name,
        reason: why,
    }))
}

/// An entry of the walk, in order, while its input may still be parsing.
enum Pending {
    /// Loading on a worker; the result comes on the receiver.
    Loading(String, Receiver<Outcome>),
    /// Standard input: read here, at its turn, as the sequential loop does.
    Here(Input),
    /// A note or an error of the walk.
    Walk(Found),
}

type Job = (Input, SyncSender<Outcome>);

fn parallel(
    found: Vec<Found>,
    threads: usize,
    lp: &mut Loop<'_>,
    err: &mut dyn Write,
    mut f: impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
) -> io::Result<()> {
    let wanted = lp.wanted;
    let window = threads * WINDOW_PER_THREAD;
    let stop = AtomicBool::new(false);
    let (jobs, queue) = mpsc::sync_channel::<Job>(window);
    let queue = Mutex::new(queue);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    // The lock is held only while waiting for the next job.
                    let job = queue
                        .lock()
                        .map_err(drop)
                        .and_then(|q| q.recv().map_err(drop));
                    let Ok((input, result)) = job else { break };
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    // The receiver is gone when printing stopped early.
                    let _ = result.send(corpus::read(&input, wanted));
                }
            });
        }
        let outcome = print_in_order(found, window, jobs, lp, err, &mut f);
        // Tell the workers to skip what is still queued (a closed pipe).
        stop.store(true, Ordering::Relaxed);
        outcome
    })
}

/// The main thread's side of [`parallel`]: queue inputs for the workers,
/// no more than `window` ahead, and deliver results in input order.
/// Dropping `jobs` on return lets the workers finish.
fn print_in_order(
    found: Vec<Found>,
    window: usize,
    jobs: SyncSender<Job>,
    lp: &mut Loop<'_>,
    err: &mut dyn Write,
    f: &mut impl FnMut(Result<Loaded, Failed>) -> io::Result<()>,
) -> io::Result<()> {
    let mut walk = found.into_iter();
    let mut pending: VecDeque<Pending> = VecDeque::with_capacity(window);
    loop {
        while pending.len() < window {
            let Some(item) = walk.next() else { break };
            pending.push_back(match item {
                Found::Input(Input::Stdin) => Pending::Here(Input::Stdin),
                Found::Input(input) => {
                    let (tx, rx) = mpsc::sync_channel(1);
                    let name = input.name();
                    if jobs.send((input, tx)).is_err() {
                        return Err(io::Error::other("the parsing threads stopped"));
                    }
                    Pending::Loading(name, rx)
                }
                other => Pending::Walk(other),
            });
        }
        let Some(next) = pending.pop_front() else {
            return Ok(());
        };
        match next {
            Pending::Loading(name, rx) => {
                // No result means the worker panicked; the scope re-raises it.
                let read = rx
                    .recv()
                    .map_err(|_| io::Error::other("a parsing thread failed"))?;
                deliver(lp, err, f, name, read)?;
            }
            Pending::Here(input) => {
                let read = corpus::read(&input, lp.wanted);
                deliver(lp, err, f, input.name(), read)?;
            }
            Pending::Walk(item) => walk_entry(lp, err, f, item)?,
        }
    }
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
