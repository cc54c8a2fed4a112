//! The language(s) a transcript is written in, from its own text: the
//! script of its letters, then, among the languages written in that
//! script, the one whose most frequent small words (`stopwords` in
//! `data/lexicon/<lang>.toml`) occur most.
//!
//! It reads at most the first [`SAMPLE_BYTES`] of the text, so that a
//! large file costs what a small one does. It decides nothing else: the
//! vocabularies of every language stay in use whatever it finds.

use super::vocab::LEXICONS;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Bytes of the text read to decide (a briefing's first pages).
const SAMPLE_BYTES: usize = 16 * 1024;

/// A second language is named when it has at least this share of the
/// first one's evidence (a bilingual briefing alternates two languages).
const SECOND_LANGUAGE_SHARE: f64 = 0.35;

/// Letters needed before anything is said.
const MIN_LETTERS: usize = 20;

/// Small words needed to tell languages of one script apart (a short
/// exchange of a dozen lines has a few dozen).
const MIN_WORDS: usize = 6;

/// Every language's small words, to the language (no word is in two
/// languages of one script: tested), FNV-hashed: thousands of short words are looked up per transcript.
static STOPWORDS: LazyLock<HashMap<&'static str, &'static str, crate::fnv::BuildFnv>> =
    LazyLock::new(|| {
        let mut words = HashMap::default();
        for l in LEXICONS.iter() {
            for w in &l.stopwords {
                words.insert(w.as_str(), l.language.as_str());
            }
        }
        words
    });

/// The script of a letter, as ISO 15924 codes name them; `Jpan` is kana
/// (Japanese writes Han with kana, Chinese Han alone).
fn script(c: char) -> Option<&'static str> {
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => "Latn",
        '\u{400}'..='\u{4ff}' => "Cyrl",
        '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' => "Arab",
        '\u{3040}'..='\u{30ff}' => "Jpan",
        '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' => "Hang",
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => "Hani",
        _ => return None,
    })
}

/// The languages of `text`, the main one first (BCP 47 codes: `en`,
/// `fr`); empty when the text says too little.
pub fn detect(text: &str) -> Vec<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut letters: Vec<(&'static str, usize)> = Vec::new();
    let mut count_letter =
        |s: &'static str, by: usize| match letters.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += by,
            None => letters.push((s, by)),
        };
    // ASCII letters are Latin: counted by byte, other characters decoded.
    let (bytes, mut ascii_letters, mut i) = (sample.as_bytes(), 0, 0);
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            ascii_letters += usize::from(bytes[i].is_ascii_alphabetic());
            i += 1;
            continue;
        }
        let Some(c) = sample[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if let Some(s) = script(c) {
            count_letter(s, 1);
        }
    }
    if ascii_letters > 0 {
        count_letter("Latn", ascii_letters);
    }
    let count = |s: &str| letters.iter().find(|(k, _)| *k == s).map_or(0, |p| p.1);
    // Kana among Han make Han Japanese.
    let (kana, han) = (count("Jpan"), count("Hani"));
    if kana * 10 >= han && kana > 0 {
        letters.retain(|(k, _)| *k != "Hani");
        if let Some(p) = letters.iter_mut().find(|(k, _)| *k == "Jpan") {
            p.1 += han;
        }
    }
    letters.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let Some(&(_, most)) = letters.first() else {
        return Vec::new();
    };
    if most < MIN_LETTERS {
        return Vec::new();
    }
    let mut out: Vec<(String, f64)> = Vec::new();
    for &(s, n) in &letters {
        if (n as f64) < SECOND_LANGUAGE_SHARE * most as f64 {
            break;
        }
        let share = n as f64 / most as f64;
        for (lang, weight) in in_script(sample, s) {
            out.push((lang, share * weight));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    let best = out.first().map_or(0.0, |p| p.1);
    out.into_iter()
        .filter(|(_, w)| *w >= SECOND_LANGUAGE_SHARE * best)
        .map(|(lang, _)| lang)
        .collect()
}

/// The languages written in `script` that `sample` reads as, each with its
/// weight against the best (1.0): one language alone in its script needs
/// no words; several are told apart by their small words.
fn in_script(sample: &str, script: &str) -> Vec<(String, f64)> {
    let langs: Vec<_> = LEXICONS.iter().filter(|l| l.script == script).collect();
    if langs.len() == 1 {
        return vec![(langs[0].language.clone(), 1.0)];
    }
    let mut hits = vec![0usize; langs.len()];
    let of = |word: &str| STOPWORDS.get(word).copied();
    for word in sample.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        // Most words are lower case already: no allocation for them, nor
        // for an ASCII word in capitals (lower-cased on the stack).
        let found = if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            of(word)
        } else if word.is_ascii() {
            let mut buf = [0u8; 12];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).ok().and_then(of)
        } else if word.chars().any(char::is_uppercase) {
            of(&word.to_lowercase())
        } else {
            of(word)
        };
        if let Some(lang) = found {
            if let Some(i) = langs.iter().position(|l| l.language == lang) {
                hits[i] += 1;
            }
        }
    }
    let best = hits.iter().copied().max().unwrap_or(0);
    if best < MIN_WORDS {
        return Vec::new();
    }
    langs
        .iter()
        .zip(hits)
        .map(|(l, h)| (l.language.clone(), h as f64 / best as f64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(text: &str) -> Vec<String> {
        detect(text)
    }

    #[test]
    fn the_bundled_transcript_is_english() {
        let text =
            include_str!("../../data/scio-2021-03-01-industry-and-information-technology.txt");
        assert_eq!(langs(text), ["en"]);
    }

    #[test]
    fn each_language_fixture_is_read_as_its_meta_file_says() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/langs");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "meta") {
                continue;
            }
            let meta = std::fs::read_to_string(&path).unwrap();
            let want: Vec<String> = meta
                .lines()
                .find_map(|l| l.strip_prefix("language:"))
                .unwrap()
                .split(',')
                .map(|s| s.trim().to_string())
                .collect();
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let text = ["txt", "md"]
                .iter()
                .find_map(|ext| std::fs::read_to_string(format!("{dir}/{stem}.{ext}")).ok())
                .unwrap();
            let mut got = langs(&text);
            got.sort();
            let mut want = want;
            want.sort();
            assert_eq!(got, want, "{stem}");
            seen += 1;
        }
        assert!(seen >= 18, "{seen} fixtures");
    }

    #[test]
    fn too_little_text_says_nothing() {
        assert!(langs("OK.").is_empty());
        assert!(langs("").is_empty());
    }

    #[test]
    fn stopwords_tell_languages_of_one_script_apart() {
        // A word listed by two languages of one script tells neither.
        for a in LEXICONS.iter() {
            for b in LEXICONS
                .iter()
                .filter(|b| b.script == a.script && b.language > a.language)
            {
                for w in &a.stopwords {
                    assert!(
                        !b.stopwords.contains(w),
                        "{w}: {} and {}",
                        a.language,
                        b.language
                    );
                }
            }
        }
    }
}
