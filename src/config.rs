//! The process environment, read once: is stdout a terminal, may we colour,
//! how wide is the screen, is there piped input.
//!
//! Everything that depends on the terminal or on environment variables is
//! decided here and nowhere else, so that commands and printers are plain
//! functions of their arguments (and testable). This module must not print.

use crate::cli::{ColorWhen, Format, OutputArgs};
use std::io::IsTerminal;

/// Width used when neither `--width` nor the terminal gives one.
pub const DEFAULT_WIDTH: usize = 100;

/// Facts about the process, resolved once in `main`.
#[derive(Clone, Debug)]
pub struct Env {
    /// Standard output is a terminal.
    pub stdout_tty: bool,
    /// Human formats may carry ANSI colour.
    pub color: bool,
    /// Terminal width in columns, when stdout is a terminal.
    pub term_width: Option<usize>,
    /// Standard input is a pipe or a file (not a terminal, not /dev/null).
    pub stdin_readable: bool,
    /// Standard error is a terminal that can show a progress bar (`TERM`
    /// is not `dumb`).
    pub progress: bool,
    /// Search may skip inputs that cannot match unparsed (unset by
    /// `WHOSAID_NO_PREFILTER=1`, for tests that compare the two).
    pub prefilter: bool,
    /// `TERM` is `dumb`: charts are drawn in ASCII.
    pub dumb_term: bool,
}

impl Env {
    /// Look at the real process.
    pub fn detect(color: ColorWhen) -> Env {
        let stdout_tty = std::io::stdout().is_terminal();
        let color = decide_color(
            color,
            stdout_tty,
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        );
        let term_width = if stdout_tty {
            terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
        } else {
            None
        };
        let term = std::env::var_os("TERM");
        let no_prefilter = std::env::var_os("WHOSAID_NO_PREFILTER");
        Env {
            stdout_tty,
            color,
            term_width,
            stdin_readable: stdin_readable(),
            progress: std::io::stderr().is_terminal() && term.is_none_or(|t| t != "dumb"),
            prefilter: no_prefilter.is_none_or(|v| v.is_empty() || v == "0"),
            dumb_term: std::env::var_os("TERM").is_some_and(|t| t == "dumb"),
        }
    }
}

/// `--color auto`: a terminal, `NO_COLOR` unset or empty, `TERM` not `dumb`.
pub fn decide_color(
    when: ColorWhen,
    tty: bool,
    no_color: Option<&std::ffi::OsStr>,
    term: Option<&std::ffi::OsStr>,
) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            tty && no_color.is_none_or(|v| v.is_empty()) && term.is_none_or(|t| t != "dumb")
        }
    }
}

/// Like ripgrep: read stdin only when it is a file, a pipe or a socket, so
/// that a program started with stdin on a terminal or on /dev/null (cron,
/// CI) explores the bundled transcript instead of waiting or reading nothing.
fn stdin_readable() -> bool {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        let Ok(meta) = std::fs::File::from(fd).metadata() else {
            return false;
        };
        let ft = meta.file_type();
        ft.is_file() || ft.is_fifo() || ft.is_socket()
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// The pager command for `--paging`, or `None` for no pager:
/// `$WHOSAID_PAGER`, else `$PAGER`, else `less -FRX` (quit at once when
/// the output fits the screen, keep colours, leave the screen as it is),
/// as git and bat do. An empty variable, `cat` or `never` turn paging off.
pub fn pager(
    when: crate::cli::PagingWhen,
    tty: bool,
    whosaid_pager: Option<&std::ffi::OsStr>,
    pager: Option<&std::ffi::OsStr>,
) -> Option<Vec<String>> {
    use crate::cli::PagingWhen;
    match when {
        PagingWhen::Never => return None,
        PagingWhen::Auto if !tty => return None,
        _ => {}
    }
    let chosen = whosaid_pager
        .or(pager)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "less -FRX".to_string());
    let words: Vec<String> = chosen.split_whitespace().map(String::from).collect();
    match words.first().map(String::as_str) {
        None | Some("cat") | Some("never") => None,
        Some(_) => Some(words),
    }
}

/// How one command prints, with the defaults resolved.
#[derive(Clone, Debug)]
pub struct Out {
    pub format: Format,
    /// ANSI colour in human formats (never in tsv, csv, json, jsonl).
    pub color: bool,
    /// Table / KWIC width in columns.
    pub width: usize,
    /// Record terminator for text and tsv.
    pub null: bool,
    /// Output goes to a terminal (shorten long questions, etc.).
    pub tty: bool,
    /// `-H` (true) or `--no-filename` (false): the source prefix of text
    /// records; `None`: only with several inputs.
    pub filename: Option<bool>,
    /// `--full`: table cells whole, not cut after a few lines.
    pub full: bool,
}

impl Out {
    pub fn new(args: &OutputArgs, env: &Env) -> Out {
        let format = args.format.unwrap_or(if env.stdout_tty {
            Format::Table
        } else {
            Format::Text
        });
        let human = matches!(format, Format::Table | Format::Text);
        Out {
            format,
            color: env.color && human,
            width: args
                .width
                .map(usize::from)
                .or(env.term_width)
                .unwrap_or(DEFAULT_WIDTH)
                .max(20),
            null: args.null,
            tty: env.stdout_tty,
            filename: args.filename(),
            full: args.full,
        }
    }

    /// The byte that ends a text or tsv record.
    pub fn eol(&self) -> &'static [u8] {
        if self.null { b"\0" } else { b"\n" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn pager_decision() {
        use crate::cli::PagingWhen::*;
        let os = |s: &'static str| Some(OsStr::new(s));
        assert_eq!(pager(Auto, false, None, None), None);
        assert_eq!(pager(Never, true, None, None), None);
        assert_eq!(
            pager(Auto, true, None, None),
            Some(vec!["less".into(), "-FRX".into()])
        );
        assert_eq!(
            pager(Always, false, os("most -s"), os("less")),
            Some(vec!["most".into(), "-s".into()])
        );
        assert_eq!(
            pager(Auto, true, None, os("more")),
            Some(vec!["more".into()])
        );
        assert_eq!(pager(Auto, true, os(""), os("less")), None);
        assert_eq!(pager(Auto, true, os("cat"), None), None);
    }

    #[test]
    fn colour_decision() {
        let auto = |tty, nc: Option<&str>, term: Option<&str>| {
            decide_color(
                ColorWhen::Auto,
                tty,
                nc.map(OsStr::new),
                term.map(OsStr::new),
            )
        };
        assert!(auto(true, None, Some("xterm-256color")));
        assert!(auto(true, Some(""), None));
        assert!(!auto(true, Some("1"), None));
        assert!(!auto(true, None, Some("dumb")));
        assert!(!auto(false, None, None));
        assert!(decide_color(
            ColorWhen::Always,
            false,
            Some(OsStr::new("1")),
            None
        ));
        assert!(!decide_color(ColorWhen::Never, true, None, None));
    }
}
