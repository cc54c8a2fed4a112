//! The documentation's examples run as tests, so they cannot go stale.
//!
//! In README.md and docs/GUIDE.md every ```console block is a session:
//! `$ whosaid ...` lines are commands, the lines after one (up to the next
//! `$` line or the end of the block) are its expected standard output.
//! A line `...` stands for any number of lines; a line ending in `...`
//! matches any line that starts with the text before it. A command ending
//! in `# exit N` must exit with N (else 0). Pipelines run with `sh -c`
//! when every tool in them is installed; otherwise only the whosaid part
//! runs (its exit status is checked) and a note is printed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Example {
    file: String,
    line: usize,
    command: String,
    expected: Vec<String>,
    exit: i32,
}

fn examples(path: &str) -> Vec<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let mut out: Vec<Example> = Vec::new();
    let mut in_block = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block && line.trim() == "```console";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            let (command, exit) = match cmd.rsplit_once("# exit ") {
                Some((c, n)) => (c.trim().to_string(), n.trim().parse().unwrap()),
                None => (cmd.trim().to_string(), 0),
            };
            out.push(Example {
                file: path.to_string(),
                line: i + 1,
                command,
                expected: Vec::new(),
                exit,
            });
        } else if let Some(ex) = out.last_mut() {
            ex.expected.push(line.to_string());
        }
    }
    out
}

fn bin_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("whosaid")
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The commands of a pipeline: split on ` | ` outside quotes (a jq
/// filter's own `|` stays in its command).
fn pipeline(command: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let (mut start, mut quote) = (0, None);
    for (i, c) in command.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '|') if command[..i].ends_with(' ') && command[i + 1..].starts_with(' ') => {
                segments.push(command[start..i - 1].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    segments.push(command[start..].trim());
    segments
}

fn has_tool(tool: &str) -> bool {
    // The name is an argument, never shell text.
    Command::new("sh")
        .args(["-c", "command -v \"$1\"", "sh", tool])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e == "..." => (0..=actual.len()).any(|k| matches(rest, &actual[k..])),
        Some((e, rest)) => match actual.split_first() {
            None => false,
            Some((a, arest)) => {
                let ok = match e.strip_suffix("...") {
                    Some(prefix) => a.starts_with(prefix),
                    None => a == e,
                };
                ok && matches(rest, arest)
            }
        },
    }
}

fn run_example(ex: &Example) -> Result<(), String> {
    let segments = pipeline(&ex.command);
    let tools: Vec<&str> = segments
        .iter()
        .filter_map(|s| s.split_whitespace().next())
        .filter(|t| *t != "whosaid")
        .collect();
    let missing: Vec<&&str> = tools.iter().filter(|t| !has_tool(t)).collect();
    let command = if missing.is_empty() {
        ex.command.clone()
    } else {
        println!(
            "note: {}:{}: {:?} not installed; checking only `{}`",
            ex.file, ex.line, missing, segments[0]
        );
        format!("{} > /dev/null", segments[0])
    };
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(["-c", &command])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let code = out.status.code().unwrap_or(-1);
    let expect_code = if segments.len() > 1 { 0 } else { ex.exit };
    if code != expect_code {
        return Err(format!(
            "exit {code}, expected {expect_code}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    if !missing.is_empty() {
        return Ok(());
    }
    let actual: Vec<&str> = stdout.lines().collect();
    if !matches(&ex.expected, &actual) {
        return Err(format!(
            "output differs\n--- expected\n{}\n--- actual\n{}",
            ex.expected.join("\n"),
            stdout
        ));
    }
    Ok(())
}

fn check(path: &str, at_least: usize) {
    let examples = examples(path);
    assert!(
        examples.len() >= at_least,
        "{path}: only {} examples",
        examples.len()
    );
    let mut failures = Vec::new();
    for ex in &examples {
        assert!(
            ex.command.starts_with("whosaid "),
            "{}:{}: examples start with whosaid",
            ex.file,
            ex.line
        );
        if let Err(e) = run_example(ex) {
            failures.push(format!("{}:{}: $ {}\n{e}", ex.file, ex.line, ex.command));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn readme_examples() {
    check("README.md", 5);
}

#[test]
fn guide_examples() {
    check("docs/GUIDE.md", 10);
}

#[test]
fn json_doc_examples() {
    check("docs/json.md", 6);
}

#[test]
fn readme_keeps_the_two_commands_at_the_top() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let top: String = readme.lines().take(20).collect::<Vec<_>>().join("\n");
    assert!(top.contains("cargo run --release -- turns --outlet Reuters"));
    assert!(top.contains("cargo test --locked"));
}

#[test]
fn wildcards() {
    let e = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(matches(&e(&["a", "...", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&e(&["ab..."]), &["abc"]));
    assert!(!matches(&e(&["a"]), &["a", "b"]));
}
