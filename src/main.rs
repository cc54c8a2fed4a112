//! The `whosaid` binary: the only place that touches the process.
//!
//! Parses the arguments, resolves the environment once (terminal, colour,
//! width, piped input), runs the command against a buffered stdout and
//! turns the outcome into an exit status. A closed pipe (`| head -1`) ends
//! quietly with status 0. No data is printed here, and nothing else in the
//! program may exit the process.

mod cli;
mod cmd;
mod config;
mod corpus;
mod query;
mod render;

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
    if let Some(path) = &cli.roster {
        if let Err(why) = corpus::load_roster(path) {
            cmd::message(&mut io::stderr(), &why);
            return ExitCode::from(cmd::ERROR);
        }
    }
    let env = config::Env::detect(cli.color);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut err = io::stderr();
    let result = cmd::run(&cli, &env, &mut out, &mut err).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            // The reader went away (`| head`): that is success. Drop the
            // buffered bytes instead of failing to flush them again.
            let (_, _) = out.into_parts();
            ExitCode::SUCCESS
        }
        Err(e) => {
            cmd::message(&mut err, &format!("write error: {e}"));
            ExitCode::from(cmd::ERROR)
        }
    }
}
