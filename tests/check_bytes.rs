//! `check_bytes` (the cheap pass a search runs on a file it skips) fails
//! exactly where `parse_bytes` fails, with the same error: on every
//! fixture, the bundled transcript, and inputs that are not transcripts.

use std::path::{Path, PathBuf};
use whosaid::{check_bytes, parse_bytes};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| ["txt", "md", "html", "vtt", "srt"].contains(&e.to_str().unwrap()))
        {
            out.push(path);
        }
    }
}

fn same_verdict(bytes: &[u8], name: &str) {
    let full = parse_bytes(bytes, name).map(|_| ());
    assert_eq!(check_bytes(bytes, name), full, "{name}");
}

#[test]
fn agrees_with_the_full_parse_on_every_fixture() {
    let mut paths = Vec::new();
    files(Path::new("tests/fixtures"), &mut paths);
    files(Path::new("data"), &mut paths);
    assert!(paths.len() > 80, "fixtures found: {}", paths.len());
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        same_verdict(&bytes, &path.display().to_string());
        // Each fixture's first lines alone: often a header without turns.
        let head: Vec<u8> = bytes
            .split(|&b| b == b'\n')
            .take(6)
            .collect::<Vec<_>>()
            .join(&b'\n');
        same_verdict(&head, &format!("{} (first lines)", path.display()));
    }
}

#[test]
fn agrees_on_inputs_that_are_not_transcripts() {
    let inputs: [&[u8]; 7] = [
        b"",
        b"\n\n   \n",
        b"Just a paragraph of prose, with no speaker at all.\n",
        b"Date: 1 March 2021\nPlace: Beijing\n",
        b"\x00\x01\x02binary\x00",
        b"<html><body><p>No dialogue here.</p></body></html>",
        b"\xff\xfeh\x00i\x00",
    ];
    for (i, bytes) in inputs.iter().enumerate() {
        same_verdict(bytes, &format!("input {i}"));
    }
    assert!(check_bytes(b"", "empty").is_err());
    assert!(check_bytes(whosaid::BUNDLED_TEXT.as_bytes(), "<bundled>").is_ok());
}
