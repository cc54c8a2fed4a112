//! `whosaid export --format sqlite --output FILE`: the transcripts into a
//! SQLite database (docs/sqlite.md).
//!
//! The file is staged beside FILE and put in place at the end
//! ([`crate::sqlite::file`]); `--append` stages a copy of FILE. Inputs
//! stream through [`for_each_input`] and are written in transactions of a
//! batch of transcripts, so memory does not grow with the corpus. An input
//! that cannot be read is reported and skipped, as by every command (exit
//! status 2, the database still written); a failure of the database itself
//! ends the run and leaves FILE as it was.

use super::super::{ERROR, NO_MATCH, Reading, SUCCESS, for_each_input, message, stats};
use crate::cli::{ExportArgs, Format};
use crate::config::Env;
use crate::corpus::Loaded;
use crate::sqlite::{self, file::Staged};
use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};
use std::io::{self, Write};
use std::path::Path;

/// Transcripts written per transaction.
const BATCH_TRANSCRIPTS: usize = 64;

pub fn run(
    args: &ExportArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(target) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        message(
            err,
            "--format sqlite needs --output FILE: a database cannot be written to standard output",
        );
        return Ok(ERROR);
    };
    match export(args, target, env, out, err) {
        Ok(code) => Ok(code),
        Err(e) => {
            message(err, &format!("{}: {e:#}", target.display()));
            Ok(ERROR)
        }
    }
}

/// What the run did with the transcripts it read.
#[derive(Default)]
struct Tally {
    added: usize,
    replaced: usize,
    /// Already in the database (same SHA-256): the first one's source.
    skipped: usize,
    first_skipped: Option<String>,
    /// Transcripts in the open transaction.
    pending: usize,
}

fn export(
    args: &ExportArgs,
    target: &Path,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let exists = std::fs::symlink_metadata(target).is_ok();
    if exists && !args.force && !args.append {
        bail!("already exists (--force replaces it, --append adds to it)");
    }
    let appending = args.append && exists;
    if appending {
        check_appendable(target)?;
    }
    let staged = Staged::new(target).context("cannot create a temporary file beside it")?;
    let conn = open_staged(&staged, appending.then_some(target))?;
    crate::corpus::set_hash_inputs(true);
    let (found, _) = super::super::expand(&args.input.paths, env);
    let mut tally = Tally::default();
    conn.execute_batch("BEGIN")?;
    let reading = Reading {
        wanted: None,
        progress: true,
    };
    let inputs = for_each_input(found, reading, err, |item| {
        let Ok(loaded) = item else { return Ok(()) };
        write(&conn, &loaded, args.force, &mut tally).map_err(io::Error::other)
    })?;
    conn.execute_batch("COMMIT")?;
    finish(conn, staged, &tally, appending || args.force, err)?;
    if tally.added + tally.replaced == 0 && !appending && inputs.errors == 0 {
        message(err, "no transcripts to write: the database was not created");
    }
    if let Some(path) = args
        .datasette_metadata
        .as_deref()
        .filter(|_| target.exists())
    {
        write_metadata(path, target, out)?;
    }
    stats::report(&inputs, None, Format::Json, out, err)?;
    let read = tally.added + tally.replaced + tally.skipped;
    Ok(if inputs.errors > 0 {
        ERROR
    } else if read > 0 {
        SUCCESS
    } else {
        NO_MATCH
    })
}

/// Close the database and put it in place if anything was written
/// (`replace`: over an existing file); say what was skipped.
fn finish(
    conn: Connection,
    staged: Staged,
    tally: &Tally,
    replace: bool,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    if tally.skipped > 0 {
        message(err, &skipped_note(tally));
    }
    let changed = tally.added + tally.replaced > 0;
    if changed {
        // Merge the index's segments once, now that nothing more comes.
        conn.execute_batch("INSERT INTO turns_fts(turns_fts) VALUES ('optimize')")?;
    }
    conn.close().map_err(|(_, e)| e)?;
    if changed {
        staged.commit(replace)?;
    }
    Ok(())
}

/// `--append` writes only into a whosaid database of this schema version.
fn check_appendable(target: &Path) -> anyhow::Result<()> {
    let conn = Connection::open_with_flags(target, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    match sqlite::check_version(&conn) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(why)) => bail!("{why}"),
        Err(e) => bail!("cannot read it as a SQLite database ({e})"),
    }
}

/// The staged database, ready to take rows: a new one with the schema, or
/// a copy of the file to append to (`VACUUM INTO` copies a consistent
/// state even while another program has it open).
fn open_staged(staged: &Staged, append_to: Option<&Path>) -> anyhow::Result<Connection> {
    if let Some(original) = append_to {
        let from = Connection::open_with_flags(original, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let into = staged
            .path()
            .to_str()
            .context("the temporary file's name is not UTF-8")?;
        from.execute("VACUUM INTO ?1", [into])
            .context("cannot copy it to append to")?;
    }
    let conn = Connection::open(staged.path())?;
    sqlite::configure_for_writing(&conn)?;
    if append_to.is_none() {
        sqlite::create(&conn)?;
    }
    Ok(conn)
}

/// Write one transcript, skipping or replacing one of the same bytes, and
/// end the transaction after a batch.
fn write(
    conn: &Connection,
    loaded: &Loaded,
    force: bool,
    tally: &mut Tally,
) -> rusqlite::Result<()> {
    // Hashing was asked for before the loop; the text stands in otherwise.
    let sha256 = match &loaded.sha256 {
        Some(h) => h.clone(),
        None => crate::corpus::sha256_hex(loaded.parsed.text.as_bytes()),
    };
    if let Some((id, source)) = sqlite::find_by_hash(conn, &sha256)? {
        if !force {
            tally.skipped += 1;
            tally.first_skipped.get_or_insert(source);
            return Ok(());
        }
        sqlite::delete_transcript(conn, id)?;
        tally.replaced += 1;
    } else {
        tally.added += 1;
    }
    sqlite::insert(conn, &loaded.source, &sha256, &loaded.parsed.transcript)?;
    tally.pending += 1;
    if tally.pending >= BATCH_TRANSCRIPTS {
        conn.execute_batch("COMMIT; BEGIN")?;
        tally.pending = 0;
    }
    Ok(())
}

fn skipped_note(tally: &Tally) -> String {
    let first = tally.first_skipped.as_deref().unwrap_or("?");
    if tally.skipped == 1 {
        format!(
            "note: skipped 1 transcript already in the database (same bytes as {first}; \
             --force replaces it)"
        )
    } else {
        format!(
            "note: skipped {} transcripts already in the database (the first: same bytes \
             as {first}; --force replaces them)",
            tally.skipped
        )
    }
}

/// The Datasette metadata of the database at `target` (Datasette names a
/// database by its file stem).
fn write_metadata(path: &Path, target: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let name = target
        .file_stem()
        .map_or_else(|| "whosaid".into(), |s| s.to_string_lossy());
    let mut text = serde_json::to_string_pretty(&sqlite::datasette::metadata(&name))?;
    text.push('\n');
    super::super::chart::write_whole(path, &text, out)
        .with_context(|| format!("{}: cannot write the metadata", path.display()))
}
