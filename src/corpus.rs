//! Inputs: files, directories, standard input and the bundled transcript.
//!
//! Turns the PATH arguments into a list of inputs (directories walked
//! recursively in a stable sorted order) and loads one input at a time, so
//! that memory never grows with the corpus: the caller reads, parses,
//! queries and prints one transcript, then drops it before the next.
//! This module decides what to read; it must not print data or decide exit
//! codes (notes and failures go back to the caller as values).

use std::io::Read;
use std::path::{Path, PathBuf};
use whosaid::{InputError, Parsed};

/// One input to explore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    Bundled,
}

impl Input {
    /// The name used in `source` fields and messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Bundled => whosaid::BUNDLED_SOURCE.to_string(),
        }
    }
}

/// What the walk over the PATH arguments found, in order.
#[derive(Debug)]
pub enum Found {
    Input(Input),
    /// A file or directory that could not be listed or does not exist:
    /// `(path, reason)`; an error (exit 2), the walk goes on.
    Error(String, String),
    /// Something skipped on purpose (hidden, binary): a note on stderr.
    Note(String),
}

/// Expand the PATH arguments. No PATH: stdin when it is piped, else the
/// bundled transcript.
pub fn expand(paths: &[PathBuf], stdin_readable: bool) -> Vec<Found> {
    if paths.is_empty() {
        let input = if stdin_readable {
            Input::Stdin
        } else {
            Input::Bundled
        };
        return vec![Found::Input(input)];
    }
    let mut found = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            found.push(Found::Input(Input::Stdin));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut found),
            Ok(_) => found.push(Found::Input(Input::File(path.clone()))),
            Err(e) => found.push(Found::Error(path.display().to_string(), io_reason(&e))),
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push(Found::Error(dir.display().to_string(), io_reason(&e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            found.push(Found::Note(format!("{}: skipped (hidden)", path.display())));
            continue;
        }
        // Follow symbolic links like an explicit path would.
        let Ok(meta) = std::fs::metadata(&path) else {
            found.push(Found::Error(
                path.display().to_string(),
                "cannot read (broken link?)".to_string(),
            ));
            continue;
        };
        if meta.is_dir() {
            walk(&path, found);
        } else if is_transcript_name(&path) {
            if looks_binary_file(&path) {
                found.push(Found::Note(format!(
                    "{}: skipped (binary file)",
                    path.display()
                )));
            } else {
                found.push(Found::Input(Input::File(path)));
            }
        }
    }
}

/// Extensions read when walking a directory: text, Markdown, HTML pages,
/// subtitles (WebVTT, SRT).
const TRANSCRIPT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "vtt", "srt"];

fn is_transcript_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TRANSCRIPT_EXTENSIONS
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// A NUL byte in the first 8 KiB of a file without a UTF-16 byte-order mark.
fn looks_binary_file(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false; // the read error is reported when the file is loaded
    };
    let mut head = Vec::with_capacity(8192);
    if file.take(8192).read_to_end(&mut head).is_err() {
        return false;
    }
    looks_binary(&head)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && head.contains(&0)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // Drop the " (os error N)" suffix std adds.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// A loaded, parsed input. The text the parser read, for commands that map
/// text back to source lines, is `parsed.text` (the bytes are decoded once).
pub struct Loaded {
    pub source: String,
    pub parsed: Parsed,
}

/// The user's `--roster`, set once by `main` before any input is read.
static ROSTER: std::sync::OnceLock<whosaid::Roster> = std::sync::OnceLock::new();

/// Read the roster file once for the whole run; the error is one line.
pub fn load_roster(path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
    let roster =
        whosaid::Roster::from_text(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let _ = ROSTER.set(roster);
    Ok(())
}

/// Read and parse one input; the error is the one-line reason.
pub fn load(input: &Input) -> Result<Loaded, String> {
    let source = input.name();
    let bytes = match input {
        Input::Bundled => whosaid::BUNDLED_TEXT.as_bytes().to_vec(),
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| io_reason(&e))?;
            buf
        }
        Input::File(path) => std::fs::read(path).map_err(|e| match e.raw_os_error() {
            Some(21) => "is a directory".to_string(), // EISDIR
            _ => io_reason(&e),
        })?,
    };
    if looks_binary(&bytes) {
        return Err(InputError::Binary.to_string());
    }
    let parsed = whosaid::parse_bytes_with(&bytes, &source, ROSTER.get()).map_err(|e| {
        if e == InputError::NoTurns {
            if let Some(hint) = no_turns_hint(&bytes, &source) {
                return format!("{e}; {hint}");
            }
        }
        e.to_string()
    })?;
    Ok(Loaded { source, parsed })
}

/// For a text with no speaker turns: the line that came closest to a
/// label, and why it was not one (`check` shows it with the error).
fn no_turns_hint(bytes: &[u8], source: &str) -> Option<String> {
    let decoded = whosaid::decode(bytes).ok()?;
    let parsed = if whosaid::html::looks_like_html(&decoded.text) {
        let stripped = whosaid::html::strip(&decoded.text);
        let mut parsed = whosaid::parse_text(&stripped.text, source);
        parsed.map_lines(stripped.map);
        parsed
    } else {
        whosaid::parse_text(&decoded.text, source)
    };
    let d = parsed
        .diagnostics
        .into_iter()
        .find(|d| d.kind == whosaid::DiagnosticKind::NoLabels)?;
    let why = d
        .message
        .split_once(": ")
        .map_or(d.message.as_str(), |(_, why)| why)
        .to_string();
    Some(format!("line {} comes closest: {why}", d.line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_path_means_stdin_or_bundled() {
        assert!(matches!(
            expand(&[], true)[..],
            [Found::Input(Input::Stdin)]
        ));
        assert!(matches!(
            expand(&[], false)[..],
            [Found::Input(Input::Bundled)]
        ));
        let dash = expand(&[PathBuf::from("-")], false);
        assert!(matches!(dash[..], [Found::Input(Input::Stdin)]));
    }

    #[test]
    fn missing_path_is_an_error_entry() {
        let found = expand(&[PathBuf::from("/nonexistent/whosaid")], false);
        assert!(matches!(&found[..], [Found::Error(_, why)] if why == "no such file or directory"));
    }

    #[test]
    fn binary_sniffing() {
        assert!(looks_binary(b"abc\0def"));
        assert!(!looks_binary(b"plain text"));
        assert!(!looks_binary(&[0xFF, 0xFE, b'a', 0]));
    }

    #[test]
    fn directory_walk_is_sorted_and_skips_hidden_and_binary() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        std::fs::write(dir.path().join("c.pdf"), "x").unwrap();
        std::fs::write(dir.path().join("d.html"), "x").unwrap();
        std::fs::write(dir.path().join("e.HTM"), "x").unwrap();
        std::fs::write(dir.path().join("f.vtt"), "x").unwrap();
        std::fs::write(dir.path().join("g.SRT"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        std::fs::write(dir.path().join("bin.txt"), b"\0\x01").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/z.txt"), "x").unwrap();
        let found = expand(&[dir.path().to_path_buf()], false);
        let names: Vec<String> = found
            .iter()
            .map(|f| match f {
                Found::Input(i) => i.name().rsplit('/').next().unwrap().to_string(),
                Found::Note(n) => format!("note {}", n.rsplit('/').next().unwrap()),
                Found::Error(p, _) => format!("error {p}"),
            })
            .collect();
        assert_eq!(
            names,
            [
                "note .hidden.txt: skipped (hidden)",
                "a.md",
                "b.txt",
                "note bin.txt: skipped (binary file)",
                "d.html",
                "e.HTM",
                "f.vtt",
                "g.SRT",
                "z.txt"
            ]
        );
    }
}
