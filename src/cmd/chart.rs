//! What the chart-drawing commands share (`speakers --chart`, `search
//! --plot`, `timeline`): how a chart looks in this run, and where an SVG
//! goes. The drawing itself is [`crate::chart`]'s.
//!
//! It must not lay out or draw a chart, nor count what a chart shows:
//! the commands count, `crate::chart` draws.

use crate::chart::Look;
use crate::cli::{ChartArgs, Format, OutputArgs};
use crate::config::{Env, Out};
use crate::query::{Case, MatchOptions};
use std::io::{self, Write};
use std::path::Path;

/// The look of text charts: the output's width (`--width`, else the
/// terminal's, else 100), Unicode unless `--ascii` or `TERM=dumb`, colour
/// as the human formats have it (a terminal, not `NO_COLOR`).
pub fn look(o: &Out, args: &ChartArgs, env: &Env) -> Look {
    Look {
        width: o.width,
        unicode: !args.ascii && !env.dumb_term,
        color: o.color,
    }
}

/// Is `--chart` or `--plot` drawn? Not when a machine format is asked
/// for: then the command prints its rows, as `timeline` does (an SVG is
/// written whatever the format).
pub fn drawn(args: &ChartArgs, output: &OutputArgs) -> bool {
    args.svg.is_some()
        || output
            .format
            .is_none_or(|f| matches!(f, Format::Table | Format::Text))
}

/// Write a file people asked for (an SVG, a metadata file) to `path`, or
/// to `out` for `-`. A file is written whole or not at all: beside it
/// under a temporary name, then renamed.
pub fn write_whole(path: &Path, text: &str, out: &mut dyn Write) -> io::Result<()> {
    if path == Path::new("-") {
        return out.write_all(text.as_bytes());
    }
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".whosaid-{}.tmp", std::process::id()));
    let temp = std::path::PathBuf::from(name);
    let written = std::fs::write(&temp, text).and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// `whosaid: FILE: reason` for a file that could not be written; the exit
/// status to return.
pub fn write_failed(path: &Path, e: &io::Error, err: &mut dyn Write) -> u8 {
    super::message(
        err,
        &format!("{}: {}", path.display(), crate::corpus::io_reason(e)),
    );
    super::ERROR
}

/// Matching as `search` does it: `-e`, `-w`, and smart case unless `-i`
/// or `-s`.
pub fn match_options(regex: bool, word: bool, ignore_case: bool, sensitive: bool) -> MatchOptions {
    let case = if sensitive {
        Case::Sensitive
    } else if ignore_case {
        Case::Insensitive
    } else {
        Case::Smart
    };
    MatchOptions { regex, word, case }
}
