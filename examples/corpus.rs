//! Parse every transcript under a folder and print totals and the labels
//! that break the corpus rules (`Q` must be a journalist, a titled or
//! upper-case label an official or chair): `cargo run --release --example
//! corpus -- ../shared/data/whitehouse-press-briefings`.

mod common;

use std::path::Path;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/whitehouse-press-briefings".into());
    let files = common::transcripts(Path::new(&root));
    let (mut turns, mut warnings, mut errors, mut bad_q, mut bad_titled, mut bytes) =
        (0, 0, 0, 0, 0, 0);
    for f in &files {
        let data = std::fs::read(f).unwrap();
        bytes += data.len();
        match whosaid::parse_bytes(&data, &f.display().to_string()) {
            Ok(p) => {
                turns += p.transcript.turns.len();
                warnings += p.diagnostics.iter().filter(|d| d.is_warning()).count();
                for t in &p.transcript.turns {
                    if t.label == "Q" && t.role != whosaid::Role::Journalist {
                        bad_q += 1;
                        println!("Q not journalist: {}:{}", f.display(), t.line);
                    }
                    let caps = t.label.chars().any(|c| c.is_alphabetic())
                        && !t.label.chars().any(|c| c.is_lowercase());
                    if caps
                        && whosaid::parse::role_of_word(&t.label) != Some(whosaid::Role::Journalist)
                        && !matches!(
                            t.role,
                            whosaid::Role::Official | whosaid::Role::Chair | whosaid::Role::Other
                        )
                    {
                        bad_titled += 1;
                        println!(
                            "titled label as {}: {}:{} {}",
                            t.role,
                            f.display(),
                            t.line,
                            t.label
                        );
                    }
                }
            }
            Err(e) => {
                errors += 1;
                println!("error: {}: {e}", f.display());
            }
        }
    }
    println!(
        "files {} bytes {} turns {} warnings {} errors {} q-not-journalist {} titled-not-official {}",
        files.len(),
        bytes,
        turns,
        warnings,
        errors,
        bad_q,
        bad_titled
    );
}
