//! `-j/--threads`: inputs are parsed on several threads, but what is
//! printed, and in which order (stdout, stderr and the two interleaved),
//! never depends on the number of threads. A closed pipe still ends
//! quietly with several threads at work.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

mod common;
use common::whosaid;

const DATA: &str = "data/scio-2021-03-01-industry-and-information-technology.txt";

/// Exit status, stdout, stderr, and both written to one file (the order in
/// which they reach it).
fn run(
    args: &[&str],
    stdin: Option<&Path>,
    both: &Path,
) -> (Option<i32>, Vec<u8>, Vec<u8>, Vec<u8>) {
    let input = || match stdin {
        Some(p) => Stdio::from(std::fs::File::open(p).unwrap()),
        None => Stdio::null(),
    };
    let out = whosaid().args(args).stdin(input()).output().unwrap();
    let file = std::fs::File::create(both).unwrap();
    let status = whosaid()
        .args(args)
        .stdin(input())
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), out.status.code());
    (
        out.status.code(),
        out.stdout,
        out.stderr,
        std::fs::read(both).unwrap(),
    )
}

/// A folder of good, broken and skipped inputs, in a sorted order that
/// puts failures between good files.
fn corpus(dir: &Path) {
    let styles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
    for e in std::fs::read_dir(styles).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            std::fs::copy(e.path(), dir.join(&name)).unwrap();
        }
    }
    let bundled = whosaid::BUNDLED_TEXT;
    std::fs::write(dir.join("a-bundled.txt"), bundled).unwrap();
    std::fs::create_dir(dir.join("m-sub")).unwrap();
    std::fs::write(dir.join("m-sub/again.md"), bundled).unwrap();
    std::fs::write(dir.join("c-empty.txt"), "").unwrap();
    std::fs::write(dir.join("e-prose.txt"), "No labels here.\nJust prose.\n").unwrap();
    std::fs::write(dir.join("g-binary.txt"), b"\0\x01\x02").unwrap();
    std::fs::write(dir.join("k-latin1.txt"), b"Q: Hello \x81\x8d\x90\n").unwrap();
    std::fs::write(dir.join(".hidden.txt"), bundled).unwrap();
    std::fs::write(dir.join("z-last.txt"), bundled.replace("Reuters", "Reuter")).unwrap();
}

#[test]
fn output_does_not_depend_on_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    corpus(&dir);
    let both = tmp.path().join("both");
    let d = dir.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["turns", "--format", "tsv", d, "/nonexistent/x.txt", DATA],
        &["export", "--compact", d],
        &["search", "-w", "chips", "--format", "text", "--question", d],
        &["check", d],
        &[
            "speakers",
            "--format",
            "tsv",
            "--outlet",
            "nobody-at-all",
            d,
        ],
    ];
    for args in commands {
        let one = run(&[&["-j", "1"], *args].concat(), None, &both);
        assert!(!one.1.is_empty() || !one.2.is_empty(), "{args:?}");
        for j in ["2", "8"] {
            let many = run(&[&["--threads", j], *args].concat(), None, &both);
            assert_eq!(one.0, many.0, "exit status of {args:?} with -j {j}");
            assert!(one.1 == many.1, "stdout of {args:?} differs with -j {j}");
            assert!(one.2 == many.2, "stderr of {args:?} differs with -j {j}");
            assert!(
                one.3 == many.3,
                "stdout+stderr of {args:?} differ with -j {j}"
            );
        }
    }
}

#[test]
fn stdin_is_read_at_its_turn() {
    let tmp = tempfile::tempdir().unwrap();
    let both = tmp.path().join("both");
    let stdin = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    // The first `-` reads everything, the second finds it empty.
    let args = ["turns", "--format", "tsv", "-", DATA, "-", DATA];
    let one = run(&[&["-j", "1"][..], &args].concat(), Some(&stdin), &both);
    let many = run(&[&["-j", "4"][..], &args].concat(), Some(&stdin), &both);
    assert_eq!(one, many);
    assert_eq!(one.0, Some(2));
    assert_eq!(
        String::from_utf8_lossy(&one.2),
        "whosaid: <stdin>: empty input\n"
    );
}

#[test]
fn closed_pipe_stops_the_threads() {
    let mut args = vec!["-j", "4", "turns"];
    args.extend([DATA; 64]);
    let mut child = whosaid()
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // like `| head -c 16`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
