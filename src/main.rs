//! The `whosaid` binary: the only place that touches the process.
//!
//! Parses the arguments, resolves the environment once (terminal, colour,
//! width, piped input), runs the command against a buffered stdout and
//! turns the outcome into an exit status. A closed pipe (`| head -1`) ends
//! quietly with status 0. No data is printed here, and nothing else in the
//! program may exit the process, but for one handler: on Ctrl-C while
//! `export --format sqlite` stages a database, `sqlite::file` removes the
//! temporary file and exits with 130 (the main thread may be blocked on a
//! read and could not be told).

mod chart;
mod cli;
mod cmd;
mod config;
mod corpus;
mod query;
mod quote;
mod render;
mod sqlite;

use clap::Parser;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    cmd::set_threads(cli.threads);
    cmd::set_no_messages(cli.no_messages);
    corpus::set_walk_options(corpus::WalkOptions {
        follow: cli.follow,
        hidden: cli.hidden,
        no_ignore: cli.no_ignore,
        max_size: cli.max_size.unwrap_or(corpus::DEFAULT_MAX_SIZE),
    });
    corpus::set_language(cli.lang.clone());
    if let Some(path) = &cli.roster {
        if let Err(why) = corpus::load_roster(path) {
            // `path: cause`, on one line, as every other error.
            cmd::message(&mut io::stderr(), &format!("{why:#}"));
            return ExitCode::from(cmd::ERROR);
        }
    }
    let env = config::Env::detect(cli.color);
    let mut err = io::stderr();
    // A pager for long output on a terminal, as git and bat.
    // A command that writes a file (a database, an SVG) prints nothing to page.
    let paging = if cli.command.writes_to_stdout() {
        cli.paging
    } else {
        cli::PagingWhen::Never
    };
    let pager = config::pager(
        paging,
        env.stdout_tty,
        std::env::var_os("WHOSAID_PAGER").as_deref(),
        std::env::var_os("PAGER").as_deref(),
    )
    .and_then(|words| spawn_pager(&words));
    let sink: Box<dyn Write> = match &pager {
        Some(child) => Box::new(child.stdin.as_ref().map(PagerIn).expect("piped stdin")),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(64 * 1024, sink);
    let result = cmd::run(&cli, &env, &mut out, &mut err).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    drop(out);
    if let Some(mut child) = pager {
        drop(child.stdin.take()); // end of input: the pager shows the rest
        let _ = child.wait();
    }
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            // The reader went away (`| head`, or the pager quit): that is
            // success.
            ExitCode::SUCCESS
        }
        Err(e) => {
            cmd::message(&mut err, &format!("write error: {e}"));
            ExitCode::from(cmd::ERROR)
        }
    }
}

/// Start the pager with its standard input piped; `None` (no pager) when
/// it cannot be started. `LESS` is left as the user set it.
fn spawn_pager(words: &[String]) -> Option<std::process::Child> {
    let (program, args) = words.split_first()?;
    std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .ok()
}

/// The pager's standard input as a writer borrowed from the child.
struct PagerIn<'a>(&'a std::process::ChildStdin);

impl Write for PagerIn<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        (&mut &*self.0).write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        (&mut &*self.0).flush()
    }
}
