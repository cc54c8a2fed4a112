//! Check `parse::body::count_words` against `unicode_words().count()` on
//! every turn, every line and every whole file of a corpus, and time both:
//! `cargo run --release --example word_count -- ../shared/data/whitehouse-press-briefings`.
//! Exits with status 1 at the first difference.

mod common;

use std::path::Path;
use std::time::Instant;
use unicode_segmentation::UnicodeSegmentation;
use whosaid::parse::count_words;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/whitehouse-press-briefings".into());
    let files = common::transcripts(Path::new(&root));
    // Three sets: turn texts (what the parser counts), lines, whole files.
    let mut sets: [(&str, Vec<String>); 3] = [
        ("turns", Vec::new()),
        ("lines", Vec::new()),
        ("files", Vec::new()),
    ];
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let Ok(decoded) = whosaid::decode(&data) else {
            continue;
        };
        sets[1].1.extend(decoded.text.lines().map(str::to_string));
        sets[2].1.push(decoded.text.to_string());
        if let Ok(p) = whosaid::parse_bytes(&data, "x") {
            sets[0]
                .1
                .extend(p.transcript.turns.into_iter().map(|t| t.text));
        }
    }
    println!("{} files", files.len());
    for (name, texts) in &sets {
        let t0 = Instant::now();
        let fast: Vec<usize> = texts.iter().map(|t| count_words(t)).collect();
        let t1 = Instant::now();
        let slow: Vec<usize> = texts.iter().map(|t| t.unicode_words().count()).collect();
        let t2 = Instant::now();
        for ((text, f), s) in texts.iter().zip(&fast).zip(&slow) {
            if f != s {
                eprintln!("count_words {f} != unicode_words {s} for {text:?}");
                std::process::exit(1);
            }
        }
        let (fast_s, slow_s) = ((t1 - t0).as_secs_f64(), (t2 - t1).as_secs_f64());
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        println!(
            "{name}: {} texts, {bytes} bytes, {} words counted alike; unicode_words().count() {slow_s:.3} s, count_words {fast_s:.3} s ({:.1}x)",
            texts.len(),
            fast.iter().sum::<usize>(),
            slow_s / fast_s
        );
    }
}
