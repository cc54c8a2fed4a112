//! What the integration tests share: the binary, run in the project's
//! root with none of the user's settings that change its output.

use std::process::Command;

/// `whosaid` with colour, width, terminal and prefilter settings removed.
#[allow(dead_code)] // Not every test binary runs the binary.
pub fn whosaid() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("whosaid"));
    for var in [
        "NO_COLOR",
        "TERM",
        "COLUMNS",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "WHOSAID_NO_PREFILTER",
    ] {
        cmd.env_remove(var);
    }
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The lines of a transcript that no header field, turn, credit or note
/// of a known kind claimed (`stray` notes), as `line: text`; `None` for a
/// transcript in which no turn was found (nothing to place lines around:
/// the scores count its missed turns).
#[allow(dead_code)] // Not every test binary asks.
pub fn stray_lines(path: &std::path::Path) -> Option<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let parsed = match whosaid::parse_bytes(&bytes, &path.display().to_string()) {
        Err(whosaid::InputError::NoTurns) => return None,
        other => other.unwrap(),
    };
    let stray = parsed
        .transcript
        .notes
        .iter()
        .filter(|n| n.kind == whosaid::model::NoteKind::Stray)
        .map(|n| format!("{}: {}", n.line, n.text))
        .collect();
    Some(stray)
}

/// A transcript's turns as `line\tlabel\tspeaker\trole\toutlet` rows,
/// the columns of the fixtures' `.expected.tsv` files.
#[allow(dead_code)] // Not every test binary compares rows.
pub fn turn_rows(parsed: &whosaid::Parsed) -> Vec<String> {
    parsed
        .transcript
        .turns
        .iter()
        .map(|t| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                t.line,
                t.label,
                t.speaker.as_deref().unwrap_or(""),
                t.role,
                t.outlet.as_deref().unwrap_or("")
            )
        })
        .collect()
}

/// The rows of an `.expected.tsv` file (its header checked), each padded
/// to five columns.
#[allow(dead_code)] // Not every test binary compares rows.
pub fn expected_rows(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("line\tlabel\tspeaker\trole\toutlet"));
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut cols: Vec<&str> = l.split('\t').collect();
            cols.resize(5, "");
            cols.join("\t")
        })
        .collect()
}

/// Each transcript in `dir` with its `.expected.tsv` (every expectation
/// must have one, as `.txt`, `.md`, `.html`, `.vtt` or `.srt`), sorted.
#[allow(dead_code)] // Not every test binary compares rows.
pub fn expected_pairs(dir: &str) -> Vec<(std::path::PathBuf, std::path::PathBuf)> {
    let dir = std::path::Path::new(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if let Some(stem) = name.strip_suffix(".expected.tsv") {
            let text = ["txt", "md", "html", "vtt", "srt"]
                .iter()
                .map(|ext| dir.join(format!("{stem}.{ext}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no transcript for {name}"));
            out.push((text, path));
        }
    }
    out.sort();
    out
}
