//! Inputs: files, directories, standard input and the bundled transcript.
//!
//! Turns the PATH arguments into a list of inputs (directories walked
//! recursively in a stable sorted order) and loads one input at a time, so
//! that memory never grows with the corpus: the caller reads, parses,
//! queries and prints one transcript, then drops it before the next.
//! A caller may pass a test on an input's raw bytes ([`Wanted`]): an input
//! that fails it is only checked ([`whosaid::check_bytes`]), not parsed,
//! and fails with the same reason it would fail with if parsed.
//! This module decides what to read; it must not print data or decide exit
//! codes (notes and failures go back to the caller as values).
//!
//! Walks are safe on real file systems, as ripgrep's are (the `ignore`
//! crate): symbolic links are not followed unless asked (`-L`, with loop
//! detection), only regular files are read from a walk (FIFOs, devices and
//! sockets are skipped with a note), `.gitignore`/`.ignore` rules and
//! hidden files follow ripgrep's defaults, and every read is capped
//! (`--max-size`), so that `/dev/zero`, `/proc` or a FIFO never hang.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use whosaid::{InputError, Parsed};

/// How directories are walked and how much of an input may be read; set
/// once by `main` before any input is read.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// Follow symbolic links (`-L/--follow`), with loop detection.
    pub follow: bool,
    /// Walk hidden files and directories too (`--hidden`).
    pub hidden: bool,
    /// Do not apply `.gitignore`, `.ignore` and git exclude rules (`--no-ignore`).
    pub no_ignore: bool,
    /// The most bytes one input may have (`--max-size`).
    pub max_size: u64,
}

/// The default `--max-size`: 2 GiB.
pub const DEFAULT_MAX_SIZE: u64 = 2 << 30;

/// The most bytes a `--roster` file may have.
const MAX_ROSTER: u64 = 16 << 20;

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            follow: false,
            hidden: false,
            no_ignore: false,
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

static WALK: OnceLock<WalkOptions> = OnceLock::new();

/// Set the walk options for the whole run.
pub fn set_walk_options(opts: WalkOptions) {
    let _ = WALK.set(opts);
}

fn walk_options() -> WalkOptions {
    WALK.get().cloned().unwrap_or_default()
}

/// A size as people write it: `2G`, `500M`, `64K` (powers of 1024) or bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size (examples: 2G, 500M, 64K, 1000)"))?;
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("'{s}': unknown unit (use K, M, G or T)")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("'{s}' is too large"))
}

/// A size for messages: `2 GiB`, `512 MiB`, `100 bytes`.
pub fn show_size(n: u64) -> String {
    for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if n >= 1 << shift && n % (1 << shift) == 0 {
            return format!("{} {unit}", n >> shift);
        }
    }
    format!("{n} bytes")
}

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
    let opts = walk_options();
    let mut found = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            found.push(Found::Input(Input::Stdin));
            continue;
        }
        // A path named on the command line is followed if it is a link.
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &opts, &mut found),
            Ok(meta) => match special_kind(&meta.file_type()) {
                Some(kind) if kind != "a FIFO" => found.push(Found::Error(
                    path.display().to_string(),
                    format!("not a regular file ({kind}); whosaid reads files, directories and -"),
                )),
                // A named FIFO is read, as ripgrep and cat do (`<(cmd)`).
                _ => found.push(Found::Input(Input::File(path.clone()))),
            },
            Err(e) => found.push(Found::Error(path.display().to_string(), io_reason(&e))),
        }
    }
    found
}

/// What a file that is neither a regular file nor a directory is.
fn special_kind(ft: &std::fs::FileType) -> Option<&'static str> {
    if ft.is_file() || ft.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("a FIFO");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
        if ft.is_char_device() {
            return Some("a character device");
        }
        if ft.is_block_device() {
            return Some("a block device");
        }
    }
    if ft.is_symlink() {
        return Some("a symbolic link");
    }
    Some("a special file")
}

/// Walk one directory as ripgrep does: sorted by name, links not followed
/// unless `-L` (then loops are detected and skipped with a note), hidden
/// files and ignored paths left out unless `--hidden`/`--no-ignore`, and
/// only regular files with a transcript extension read.
fn walk(dir: &Path, opts: &WalkOptions, found: &mut Vec<Found>) {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .follow_links(opts.follow)
        .hidden(!opts.hidden)
        .ignore(!opts.no_ignore)
        .git_ignore(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .parents(!opts.no_ignore)
        .sort_by_file_name(|a, b| a.cmp(b));
    for result in builder.build() {
        let entry = match result {
            Ok(entry) => entry,
            Err(e) => {
                found.push(walk_error(dir, &e));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let Some(ft) = entry.file_type() else {
            continue;
        };
        if ft.is_dir() || ft.is_symlink() || !is_transcript_name(path) {
            // Directories are walked; links not followed are left alone.
            continue;
        }
        if let Some(kind) = special_kind(&ft) {
            found.push(Found::Note(format!(
                "{}: skipped ({kind}, not a regular file)",
                path.display()
            )));
        } else if looks_binary_file(path) {
            found.push(Found::Note(format!(
                "{}: skipped (binary file)",
                path.display()
            )));
        } else {
            found.push(Found::Input(Input::File(path.to_path_buf())));
        }
    }
}

/// An error of the walk: a link loop is a note (the loop is skipped, the
/// rest is read); anything else an error naming its path.
fn walk_error(dir: &Path, e: &ignore::Error) -> Found {
    fn parts(e: &ignore::Error, path: Option<&Path>) -> (Option<PathBuf>, Result<String, String>) {
        match e {
            ignore::Error::WithPath { path, err } => parts(err, Some(path)),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                parts(err, path)
            }
            ignore::Error::Loop { ancestor, child } => (
                Some(child.clone()),
                Ok(format!(
                    "skipped (symbolic link loop back to {})",
                    ancestor.display()
                )),
            ),
            ignore::Error::Io(io) => (path.map(Path::to_path_buf), Err(io_reason(io))),
            other => (path.map(Path::to_path_buf), Err(other.to_string())),
        }
    }
    let (path, what) = parts(e, None);
    let path = path
        .unwrap_or_else(|| dir.to_path_buf())
        .display()
        .to_string();
    match what {
        Ok(note) => Found::Note(format!("{path}: {note}")),
        Err(why) => Found::Error(path, why),
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

/// The errno of a symbolic link loop and of a name too long, by platform.
#[cfg(any(target_os = "linux", target_os = "android"))]
const ELOOP_ENAMETOOLONG: (i32, i32) = (40, 36);
#[cfg(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
))]
const ELOOP_ENAMETOOLONG: (i32, i32) = (62, 63);
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
)))]
const ELOOP_ENAMETOOLONG: (i32, i32) = (-1, -1);

pub fn io_reason(e: &std::io::Error) -> String {
    let (eloop, enametoolong) = ELOOP_ENAMETOOLONG;
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ if e.raw_os_error() == Some(eloop) => {
            "too many levels of symbolic links (a link loop?)".to_string()
        }
        _ if e.raw_os_error() == Some(enametoolong) => "file name too long".to_string(),
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

/// Read at most `max` bytes from `r`; more is an error that names the
/// limit. The first 8 KiB are sniffed before the rest is read, so that a
/// binary stream (`/dev/zero` on standard input) ends at once. `size` is
/// the length the file system reports (0 when unknown): reserving it up
/// front keeps a large file from doubling the buffer past its size.
fn read_capped(mut r: impl Read, size: u64, max: u64, what: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::with_capacity(usize::try_from(size.min(max)).unwrap_or(0));
    (&mut r)
        .take(8192)
        .read_to_end(&mut buf)
        .map_err(|e| io_reason(&e))?;
    if looks_binary(&buf) {
        return Err(InputError::Binary.to_string());
    }
    r.take(max.saturating_add(1).saturating_sub(buf.len() as u64))
        .read_to_end(&mut buf)
        .map_err(|e| io_reason(&e))?;
    if buf.len() as u64 > max {
        return Err(too_large(max, what));
    }
    Ok(buf)
}

fn too_large(max: u64, what: &str) -> String {
    format!("larger than {} ({what})", show_size(max))
}

/// Open a named file for reading: a regular file or a FIFO (read as it
/// comes), never a device or a socket, and not larger than `max`; with
/// the size the file system reports for it (0 for a FIFO).
fn open_file(path: &Path, max: u64, what: &str) -> Result<(std::fs::File, u64), String> {
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".to_string());
    }
    if let Some(kind) = special_kind(&meta.file_type()) {
        if kind != "a FIFO" {
            return Err(format!("not a regular file ({kind})"));
        }
    }
    if meta.is_file() && meta.len() > max {
        return Err(too_large(max, what));
    }
    let size = if meta.is_file() { meta.len() } else { 0 };
    Ok((file, size))
}

/// A loaded, parsed input. The text the parser read, for commands that map
/// text back to source lines, is `parsed.text` (the bytes are decoded once).
pub struct Loaded {
    pub source: String,
    pub parsed: Parsed,
    /// SHA-256 of the input's bytes as read, in lower-case hex, when a
    /// command asked for it ([`set_hash_inputs`]); `None` otherwise.
    pub sha256: Option<String>,
}

/// Hash every input's bytes as it is read (`export --format sqlite`
/// recognises a transcript already in a database by it); off by default,
/// since no other command needs it.
static HASH_INPUTS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Ask for [`Loaded::sha256`] for the rest of the run.
pub fn set_hash_inputs(yes: bool) {
    HASH_INPUTS.store(yes, std::sync::atomic::Ordering::Relaxed);
}

/// The SHA-256 of `bytes` in lower-case hex, as `sha256sum` prints it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The user's `--lang`, set once by `main` before any input is read.
static LANGUAGE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Record every input's language as `lang` (`--lang`) rather than the one
/// detected; `None` keeps the detected one.
pub fn set_language(lang: Option<String>) {
    let _ = LANGUAGE.set(lang);
}

/// `--lang` over the detected language: first in `languages` too.
fn declare_language(t: &mut whosaid::model::Transcript) {
    if let Some(Some(lang)) = LANGUAGE.get() {
        t.languages.retain(|l| l != lang);
        t.languages.insert(0, lang.clone());
        t.language = Some(lang.clone());
    }
}

/// The user's `--roster`, set once by `main` before any input is read.
static ROSTER: std::sync::OnceLock<whosaid::Roster> = std::sync::OnceLock::new();

/// Read the roster file once for the whole run; the error is one line.
pub fn load_roster(path: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context;
    let what = "the most a roster may have";
    let text = open_file(path, MAX_ROSTER, what)
        .and_then(|(f, size)| read_capped(f, size, MAX_ROSTER, what))
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| {
                format!(
                    "not valid UTF-8 (bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                )
            })
        })
        .map_err(anyhow::Error::msg)
        .with_context(|| path.display().to_string())?;
    let roster = whosaid::Roster::from_text(&text).with_context(|| path.display().to_string())?;
    let _ = ROSTER.set(roster);
    Ok(())
}

/// A test on an input's raw bytes: false when its transcript is not
/// needed (a search that cannot match it), so it need not be parsed.
pub type Wanted<'a> = dyn Fn(&[u8]) -> bool + Sync + 'a;

/// What reading one input gave.
pub struct Outcome {
    /// The parsed input; `Ok(None)` when `wanted` ruled it out and it
    /// would parse (an input that would not fails as it would if parsed).
    pub result: Result<Option<Loaded>, String>,
    /// How many bytes were read (0 when the input could not be read).
    pub bytes: u64,
}

/// Read one input and parse it unless `wanted` rules it out. An input
/// left unparsed is still checked, so that it fails with the same
/// reason as when parsed.
pub fn read(input: &Input, wanted: Option<&Wanted<'_>>) -> Outcome {
    let source = input.name();
    let max = walk_options().max_size;
    let what = "the maximum input size; see --max-size";
    let bytes = match input {
        Input::Bundled => Ok(whosaid::BUNDLED_TEXT.as_bytes().to_vec()),
        Input::Stdin => read_capped(std::io::stdin().lock(), 0, max, what),
        Input::File(path) => {
            open_file(path, max, what).and_then(|(f, size)| read_capped(f, size, max, what))
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(why) => {
            return Outcome {
                result: Err(why),
                bytes: 0,
            };
        }
    };
    let size = bytes.len() as u64;
    let sha256 = HASH_INPUTS
        .load(std::sync::atomic::Ordering::Relaxed)
        .then(|| sha256_hex(&bytes));
    let result = if looks_binary(&bytes) {
        Err(InputError::Binary.to_string())
    } else if wanted.is_some_and(|wanted| !wanted(&bytes)) {
        whosaid::check_bytes(&bytes, &source)
            .map(|()| None)
            .map_err(|e| reason(e, &bytes, &source))
    } else {
        // The bytes are given away: a UTF-8 file is then held once.
        match whosaid::read_owned(bytes, &source, ROSTER.get()) {
            Ok(parsed) if parsed.transcript.turns.is_empty() => {
                let e = InputError::NoTurns;
                Err(match no_turns_hint(&parsed) {
                    Some(hint) => format!("{e}; {hint}"),
                    None => e.to_string(),
                })
            }
            Ok(mut parsed) => {
                declare_language(&mut parsed.transcript);
                Ok(Some(Loaded {
                    source,
                    parsed,
                    sha256,
                }))
            }
            Err(e) => Err(e.to_string()),
        }
    };
    Outcome {
        result,
        bytes: size,
    }
}

/// The one-line reason an input failed, with a hint when it has no turns.
fn reason(e: InputError, bytes: &[u8], source: &str) -> String {
    if e == InputError::NoTurns {
        // Rare: a file the prefilter skipped has no turns. Parse it to
        // say which line came closest.
        let parsed = whosaid::read_owned(bytes.to_vec(), source, ROSTER.get());
        if let Some(hint) = parsed.ok().as_ref().and_then(no_turns_hint) {
            return format!("{e}; {hint}");
        }
    }
    e.to_string()
}

/// For a text with no speaker turns: the line that came closest to a
/// label, and why it was not one (`check` shows it with the error).
fn no_turns_hint(parsed: &Parsed) -> Option<String> {
    let d = parsed
        .diagnostics
        .iter()
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
    fn sizes() {
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("500m"), Ok(500 << 20));
        assert_eq!(parse_size("64KiB"), Ok(64 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("2X").is_err() && parse_size("G").is_err());
        assert_eq!(show_size(2 << 30), "2 GiB");
        assert_eq!(show_size(1000), "1000 bytes");
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
