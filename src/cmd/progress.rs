//! The progress bar: inputs done of all and bytes read, on stderr, for
//! runs that last more than about a second.
//!
//! Drawn only where it cannot spoil anything: stderr is a terminal (not
//! `TERM=dumb`), the command prints a human format (never json, jsonl,
//! tsv or csv), and no output has gone to a terminal on stdout yet (the
//! first byte of such output clears the bar for good, through [`Guard`]).
//! It is updated from the main thread alone, the one that prints, so it
//! is cleared before each message on stderr and at the end of the loop
//! and never interleaves with output. No colour, so `NO_COLOR` holds.
//! This module decides nothing else and prints no data.

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long a run goes before the bar shows.
const DELAY: Duration = Duration::from_secs(1);

/// stderr can show a bar; set once by `cmd::run`.
static TERMINAL: AtomicBool = AtomicBool::new(false);
/// stdout is a terminal: output there ends the bar.
static STDOUT_TTY: AtomicBool = AtomicBool::new(false);
/// Output reached a terminal on stdout: no bar any more in this run.
static OUTPUT_SEEN: AtomicBool = AtomicBool::new(false);
/// The bar on screen, if any, for [`Guard`] to clear.
static SHOWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// What the terminal allows: `stderr` can show a bar; `stdout_tty`,
/// output also goes to a terminal.
pub fn set_terminal(stderr: bool, stdout_tty: bool) {
    TERMINAL.store(stderr, Ordering::Relaxed);
    STDOUT_TTY.store(stdout_tty, Ordering::Relaxed);
}

fn shown() -> Option<ProgressBar> {
    SHOWN.lock().ok().and_then(|s| s.clone())
}

fn clear() {
    if let Some(bar) = SHOWN.lock().ok().and_then(|mut s| s.take()) {
        bar.finish_and_clear();
    }
}

/// The bar of one loop over inputs.
pub struct Bar {
    allowed: bool,
    total: u64,
    done: u64,
    bytes: u64,
    started: Instant,
}

impl Bar {
    /// A bar for `total` inputs, drawn only if `allowed` (a human format)
    /// and the terminal allows it, once the run has lasted a second.
    pub fn new(allowed: bool, total: usize) -> Bar {
        Bar {
            allowed: allowed && TERMINAL.load(Ordering::Relaxed),
            total: total as u64,
            done: 0,
            bytes: 0,
            started: Instant::now(),
        }
    }

    /// One more input done, of `bytes` bytes.
    pub fn advance(&mut self, bytes: u64) {
        self.done += 1;
        self.bytes += bytes;
        if !self.allowed || OUTPUT_SEEN.load(Ordering::Relaxed) {
            return;
        }
        let bar = match shown() {
            Some(bar) => bar,
            None if self.started.elapsed() < DELAY => return,
            None => {
                let bar =
                    ProgressBar::with_draw_target(Some(self.total), ProgressDrawTarget::stderr())
                        .with_elapsed(self.started.elapsed());
                if let Ok(style) =
                    ProgressStyle::with_template("{pos}/{len} files, {msg} [{wide_bar}] {elapsed}")
                {
                    bar.set_style(style.progress_chars("=> "));
                }
                if let Ok(mut s) = SHOWN.lock() {
                    *s = Some(bar.clone());
                }
                bar
            }
        };
        bar.set_position(self.done);
        bar.set_message(HumanBytes(self.bytes).to_string());
    }

    /// Run `f` (which writes to stderr) with the bar off the screen.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match shown() {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// The loop is over: the bar leaves the screen.
    pub fn finish(&self) {
        clear();
    }
}

/// The command's output writer: before the first byte that goes to a
/// terminal, the bar is cleared and stays off.
pub struct Guard<'w> {
    inner: &'w mut dyn Write,
    seen: bool,
}

impl<'w> Guard<'w> {
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Guard { inner, seen: false }
    }
}

impl Write for Guard<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.seen && !buf.is_empty() {
            self.seen = true;
            if STDOUT_TTY.load(Ordering::Relaxed) {
                OUTPUT_SEEN.store(true, Ordering::Relaxed);
                clear();
            }
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
