//! Byte identity: what `export --compact` prints (stdout, stderr and the
//! exit status) for every fixture set, the bundled transcript and, when
//! it is beside the project, the White House corpus of `../shared`, is
//! pinned by its SHA-256 in `tests/identity.sha256`.
//!
//! Speed work must not change an answer: a faster path that reads one
//! line differently fails here, on some file of some set. A change of
//! results made on purpose regenerates the digests with
//! `WHOSAID_UPDATE_IDENTITY=1 cargo test --test identity`; the commit then
//! says what changed and why.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

mod common;
use common::whosaid;

const DIGESTS: &str = "tests/identity.sha256";

/// Inputs, as given on the command line from the project's root (their
/// paths are part of the output).
const SETS: &[&str] = &[
    "data/scio-2021-03-01-industry-and-information-technology.txt",
    "tests/fixtures/styles",
    "tests/fixtures/blind",
    "tests/fixtures/blind2",
    "tests/fixtures/langs",
    "tests/fixtures/langs2",
    "tests/fixtures/langs3",
];

/// Checked only where it exists (a clone of the project alone lacks it).
const OPTIONAL: &str = "../shared/data/whitehouse-press-briefings";

fn digest(input: &str) -> String {
    let out = whosaid()
        .args(["--no-ignore", "-j2", "export", input, "--compact"])
        .output()
        .unwrap();
    let mut hash = Sha256::new();
    hash.update(&out.stdout);
    hash.update(b"\0stderr\0");
    hash.update(&out.stderr);
    hash.update(format!("\0status {:?}", out.status.code()).as_bytes());
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn pinned() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIGESTS);
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once(' '))
        .map(|(d, input)| (input.trim().to_string(), d.to_string()))
        .collect()
}

#[test]
fn every_export_is_byte_identical_to_the_pinned_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<&str> = SETS.to_vec();
    if root.join(OPTIONAL).is_dir() {
        inputs.push(OPTIONAL);
    } else {
        eprintln!("{OPTIONAL} is not here: its digest is not checked");
    }
    let now: BTreeMap<String, String> = inputs
        .iter()
        .map(|input| (input.to_string(), digest(input)))
        .collect();
    let mut pinned = pinned();
    if std::env::var_os("WHOSAID_UPDATE_IDENTITY").is_some() {
        pinned.extend(now.clone());
        let mut text = String::from(
            "# SHA-256 of `whosaid --no-ignore -j2 export INPUT --compact` (stdout, stderr, status);\n\
             # regenerate with WHOSAID_UPDATE_IDENTITY=1 cargo test --test identity\n",
        );
        for (input, d) in &pinned {
            text.push_str(&format!("{d} {input}\n"));
        }
        std::fs::write(root.join(DIGESTS), text).unwrap();
        return;
    }
    let changed: Vec<&str> = now
        .iter()
        .filter(|(input, d)| pinned.get(*input) != Some(d))
        .map(|(input, _)| input.as_str())
        .collect();
    assert!(
        changed.is_empty(),
        "the export of {changed:?} is not the pinned one; if the change is meant, \
         regenerate {DIGESTS} with WHOSAID_UPDATE_IDENTITY=1"
    );
}
