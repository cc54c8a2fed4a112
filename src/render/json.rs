//! JSON output: a streamed array, one compact object a line, so that a
//! whole corpus never has to be held in memory to print valid JSON.
//! No colour and no terminal handling here: serde_json escapes control
//! characters itself.

use serde::Serialize;
use std::io::{self, Write};

/// Write one element of a top-level array (opening it for the first).
pub fn array_item<T: Serialize + ?Sized>(
    w: &mut dyn Write,
    item: &T,
    first: bool,
) -> io::Result<()> {
    w.write_all(if first { b"[\n" } else { b",\n" })?;
    serde_json::to_writer(&mut *w, item)?;
    Ok(())
}

/// Close the array (`[]` when it had no element).
pub fn array_end(w: &mut dyn Write, empty: bool) -> io::Result<()> {
    w.write_all(if empty { b"[]\n" } else { b"\n]\n" })
}
