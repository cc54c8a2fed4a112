//! JSON output: a streamed array, one compact object a line, so that a
//! whole corpus never has to be held in memory to print valid JSON.
//! No colour and no terminal handling here: serde_json escapes control
//! characters itself.

use std::io::{self, Write};

/// Close the array (`[]` when it had no element).
pub fn array_end(w: &mut dyn Write, empty: bool) -> io::Result<()> {
    w.write_all(if empty { b"[]\n" } else { b"\n]\n" })
}
