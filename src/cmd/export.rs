//! `whosaid export`: the whole parsed transcript as JSON, the model as it
//! is (`docs/json.md`), one object for one input and an array for several;
//! or, with `--format sqlite`, a database file (`docs/sqlite.md`, written
//! by [`crate::sqlite`]).
//!
//! Streams: each transcript is written and dropped before the next is read.

use super::{ERROR, NO_MATCH, Reading, SUCCESS, for_each_input, stats};
use crate::cli::{ExportArgs, ExportFormat, Format};
use crate::config::Env;
use std::io::{self, Write};

mod sqlite;

pub fn run(
    args: &ExportArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if args.format == ExportFormat::Sqlite {
        return sqlite::run(args, env, out, err);
    }
    if args.output.is_some() || args.append || args.datasette_metadata.is_some() {
        super::message(
            err,
            "--output, --append and --datasette-metadata are for --format sqlite; \
             JSON goes to standard output",
        );
        return Ok(ERROR);
    }
    let (found, multi) = super::expand(&args.input.paths, env);
    let mut count = 0usize;
    // JSON: no progress bar; `--stats` on stderr, as for `--format json`.
    let inputs = for_each_input(found, Reading::default(), err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        count += 1;
        if multi {
            out.write_all(if count == 1 { b"[\n" } else { b",\n" })?;
        }
        let t = &loaded.parsed.transcript;
        if args.compact {
            serde_json::to_writer(&mut *out, t)?;
        } else {
            serde_json::to_writer_pretty(&mut *out, t)?;
        }
        if !multi {
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    if multi {
        out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    stats::report(&inputs, None, Format::Json, out, err)?;
    Ok(if inputs.errors > 0 {
        ERROR
    } else if count > 0 {
        SUCCESS
    } else {
        NO_MATCH
    })
}
