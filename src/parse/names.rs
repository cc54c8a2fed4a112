//! Indexes of the names a transcript writes, built once per transcript, so
//! that completing a short name (`Psaki` → `Jen Psaki`, `MR. ZIENTS` →
//! `Jeff Zients`) is a lookup and not a rescan of every turn: the work
//! stays linear in the input however many speakers a file holds.
//!
//! Each index answers exactly what the scan it replaces answered (the
//! tests below hold both to the same cases). This module does not decide
//! which labels are short or which turns to rename; `parse` does.

use super::lexicon;
use super::people::{Declared, name_case, name_word, not_a_given_name};
use super::text::fold_name;
use aho_corasick::AhoCorasick;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// Full names by the whole name and by each of their words, folded as
/// names are compared (`text::fold_name`: case and Latin accents aside).
#[derive(Debug, Default)]
pub struct FullNames {
    /// A full name as printed in any case (`XIAO YAQING`): the first one.
    whole: HashMap<String, String>,
    /// A word of a full name (or the surname of a prose pair): the first
    /// name it completes to, and whether another name shares it.
    by_word: HashMap<String, (String, bool)>,
}

impl FullNames {
    /// Index the declared names: full names by any of their words, prose
    /// pairs by their surname.
    pub fn new(known: &Declared) -> Self {
        let mut index = FullNames::default();
        let mut seen: HashSet<&str> = HashSet::new();
        for name in known.full.iter().filter(|n| seen.insert(n.as_str())) {
            index.whole.entry(key(name)).or_insert_with(|| name.clone());
            if name.split_whitespace().nth(1).is_some() {
                for word in name.split_whitespace() {
                    index.note(word, name);
                }
            }
        }
        for pair in &known.pairs {
            if let Some(surname) = pair.rsplit(' ').next() {
                index.note(surname, pair);
            }
        }
        index
    }

    fn note(&mut self, word: &str, name: &str) {
        match self.by_word.entry(key(word)) {
            Entry::Vacant(e) => {
                e.insert((name.to_string(), false));
            }
            Entry::Occupied(mut e) => {
                if key(&e.get().0) != key(name) {
                    e.get_mut().1 = true;
                }
            }
        }
    }

    /// Complete a short name (`Psaki`, `Smith`, `Xiao`) to the one full
    /// name declared for it; `None` when there is none or several. An
    /// initial and a surname (`В.Соболев`, `J. Smith`) take the one full
    /// name of that surname whose first word has that initial.
    pub fn complete(&self, short: &str) -> Option<String> {
        if let Some((initial, surname)) = initial_and_surname(short) {
            return match self.by_word.get(&key(surname)) {
                Some((name, false)) if has_initial(name, initial) => Some(name.clone()),
                _ => None,
            };
        }
        if short.split_whitespace().count() != 1 {
            // A full name printed in another case (`XIAO YAQING`).
            return self.whole.get(&key(short)).cloned();
        }
        match self.by_word.get(&key(short)) {
            Some((name, false)) => Some(name.clone()),
            Some(_) => None,
            // `WEISS-LÖHRER` for the declared `Weiß-Löhrer`: capitals
            // lose the ß, the declared spelling keeps it.
            None => self.whole.get(&key(short)).cloned(),
        }
    }
}

/// A name as [`FullNames`] compares names: folded (`text::fold_name`),
/// and `ß` as the `ss` that capitals print (`WEISS` is `Weiß`).
fn key(name: &str) -> String {
    fold_name(&name.replace('ß', "ss"))
}

/// `В.Путин`, `Д.Громов`, `J.Smith`, `J. Smith`: one capital, a full
/// stop and a surname, as the Kremlin and many agencies print speakers.
/// Returns the initial and the surname.
pub fn initial_and_surname(label: &str) -> Option<(char, &str)> {
    let label = label.trim();
    let mut chars = label.chars();
    let initial = chars.next().filter(|c| c.is_uppercase())?;
    let rest = chars.as_str().strip_prefix('.')?;
    let surname = rest.strip_prefix(' ').unwrap_or(rest);
    (name_word(surname) && !surname.contains('.')).then_some((initial, surname))
}

/// Does the first word of `name` start with `initial` (case aside)?
fn has_initial(name: &str, initial: char) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.to_lowercase().eq(initial.to_lowercase()))
        && name.split_whitespace().nth(1).is_some()
}

/// The given names the text writes between an honorific and a surname
/// (`Ms. Karen Smith`), for the surnames asked about.
#[derive(Debug, Default)]
pub struct AfterHonorific {
    /// (surname folded, honorific kind) → the one given name (cased), or
    /// `None` when the text writes two.
    given: HashMap<(String, char), Option<String>>,
}

impl AfterHonorific {
    /// Read `texts` once for `Honorific Given Surname` where the surname
    /// is one of `surnames`.
    pub fn new<'a>(surnames: impl IntoIterator<Item = &'a str>, texts: &[&str]) -> Self {
        let wanted: HashSet<String> = surnames.into_iter().map(str::to_ascii_lowercase).collect();
        let mut index = AfterHonorific::default();
        let Some(finder) = finder(wanted.iter().map(String::as_str), true) else {
            return index;
        };
        for text in texts {
            note_read(text);
            let mut last_start = usize::MAX;
            for m in finder.find_iter(text) {
                // Only where a word starts, and once per word.
                let start = m.start();
                if start == last_start || !starts_word(text, start) {
                    continue;
                }
                last_start = start;
                let word = text[start..]
                    .split(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                let mut before = text[..start].split_whitespace().rev();
                if let (Some(given), Some(honorific)) = (before.next(), before.next()) {
                    index.read(honorific, given, word, &wanted);
                }
            }
        }
        index
    }

    fn read(&mut self, honorific: &str, given: &str, last: &str, wanted: &HashSet<String>) {
        let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
        let last = ["'s", "’s"]
            .iter()
            .find_map(|p| last.strip_suffix(p))
            .unwrap_or(last);
        if last.is_empty() || !wanted.contains(&last.to_ascii_lowercase()) {
            return;
        }
        let Some(kind) = lexicon::honorific_kind(honorific.trim_start_matches(['(', '"', '“']))
        else {
            return;
        };
        if !name_word(given) || not_a_given_name(given) {
            return;
        }
        let cased = name_case(given);
        match self.given.entry((last.to_ascii_lowercase(), kind)) {
            Entry::Vacant(e) => {
                e.insert(Some(cased));
            }
            Entry::Occupied(mut e) => {
                if e.get().as_deref().is_some_and(|g| g != cased) {
                    e.insert(None);
                }
            }
        }
    }

    /// The full name written after an honorific of `kind` for `surname`
    /// (`Karen Smith` for `MS. SMITH`), when exactly one is.
    pub fn full_name(&self, surname: &str, kind: char) -> Option<String> {
        let given = self
            .given
            .get(&(surname.to_ascii_lowercase(), kind))?
            .as_deref()?;
        Some(format!("{given} {}", name_case(surname)))
    }
}

/// How often each word is written just before each surname asked about
/// (`I'm Jeff Zients`).
#[derive(Debug, Default)]
pub struct GivenBefore {
    counts: HashMap<String, Vec<(String, usize)>>,
}

impl GivenBefore {
    /// Read `texts` once for the words written before any of `surnames`
    /// (each a single word, matched with its case, starting after a
    /// space and ending before a character that is not a letter or digit).
    pub fn new<'a>(surnames: impl IntoIterator<Item = &'a str>, texts: &[&str]) -> Self {
        // `Д.Громов` is looked for as `Громов` (`Вот Дмитрий Громов ...`).
        let wanted: HashSet<&str> = surnames
            .into_iter()
            .map(|s| initial_and_surname(s).map_or(s, |(_, surname)| surname))
            .collect();
        let mut index = GivenBefore::default();
        let Some(finder) = finder(wanted.iter().copied(), false) else {
            return index;
        };
        let longest = wanted.iter().map(|s| s.len()).max().unwrap_or(0);
        for text in texts {
            note_read(text);
            let mut last_start = usize::MAX;
            for m in finder.find_iter(text) {
                let start = m.start();
                if start == last_start || start == 0 || text.as_bytes()[start - 1] != b' ' {
                    continue;
                }
                last_start = start;
                // Every surname asked about that ends here before a
                // character that is not a letter or digit.
                let rest = &text[start..];
                let mut cut = |end: usize| {
                    if let Some(&s) = wanted.get(&rest[..end]) {
                        index.count(s, &text[..start]);
                    }
                };
                let mut ended = false;
                for (j, c) in rest.char_indices() {
                    if j > longest {
                        ended = true;
                        break;
                    }
                    if j > 0 && !c.is_alphanumeric() {
                        cut(j);
                    }
                    if c.is_whitespace() {
                        ended = true;
                        break;
                    }
                }
                if !ended && rest.len() <= longest {
                    cut(rest.len());
                }
            }
        }
        index
    }

    fn count(&mut self, surname: &str, before: &str) {
        let given = before.trim_end().rsplit(' ').next().unwrap_or("");
        if !name_word(given) || not_a_given_name(given) || given == surname {
            return;
        }
        let counts = self.counts.entry(surname.to_string()).or_default();
        match counts.iter_mut().find(|(g, _)| g == given) {
            Some(c) => c.1 += 1,
            None => counts.push((given.to_string(), 1)),
        }
    }

    /// The given name most often written before `surname`, when one
    /// stands out, joined to it and cased (`Jeff Zients`). For an initial
    /// and a surname (`Д.Громов`) only given names with that initial count
    /// (`Дмитрий Громов`).
    pub fn full_name(&self, surname: &str) -> Option<String> {
        let (initial, surname) = match initial_and_surname(surname) {
            Some((initial, bare)) => (Some(initial), bare),
            None => (None, surname),
        };
        let counts: Vec<&(String, usize)> = self
            .counts
            .get(surname)?
            .iter()
            .filter(|(given, _)| initial.is_none_or(|i| has_initial(&format!("{given} x"), i)))
            .collect();
        let best = counts.iter().map(|c| c.1).max()?;
        let mut at_best = counts.iter().filter(|c| c.1 == best);
        let (given, _) = at_best.next()?;
        if at_best.next().is_some() {
            return None;
        }
        Some(name_case(&format!("{given} {surname}")))
    }
}

/// The one name word written right after each two-word name asked about,
/// where it closes the phrase (`the Foreign Secretary, Rodrigo Salcedo
/// Íñiguez.`): a second surname that the label leaves out.
#[derive(Debug, Default)]
pub struct WrittenInFull {
    /// Name → the longer name (`None` when the text writes two).
    longer: HashMap<String, Option<String>>,
}

impl WrittenInFull {
    /// Read `texts` once for any of `names` (each of two words, matched
    /// with its case where a word starts).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, texts: &[&str]) -> Self {
        let names: Vec<&str> = names
            .into_iter()
            .filter(|n| n.split_whitespace().count() == 2)
            .collect();
        let mut index = WrittenInFull::default();
        if names.is_empty() {
            return index;
        }
        let Ok(finder) = AhoCorasick::new(&names) else {
            return index;
        };
        for text in texts {
            note_read(text);
            for m in finder.find_iter(text) {
                if !starts_word(text, m.start()) {
                    continue;
                }
                let Some(after) = text[m.end()..].strip_prefix(' ') else {
                    continue;
                };
                let end = after
                    .find(|c: char| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
                    .unwrap_or(after.len());
                let (word, next) = after.split_at(end);
                let closes = next.is_empty() || next.starts_with(['.', ',', ';', ')', '\n']);
                if !closes
                    || !name_word(word)
                    || not_a_given_name(word)
                    || lexicon::is_outlet_word(word)
                    || super::dates::is_calendar_word(word)
                {
                    continue;
                }
                let name = &text[m.start()..m.end()];
                let longer = format!("{name} {word}");
                match index.longer.entry(name.to_string()) {
                    Entry::Vacant(e) => {
                        e.insert(Some(longer));
                    }
                    Entry::Occupied(mut e) => {
                        if e.get().as_deref().is_some_and(|l| l != longer) {
                            e.insert(None);
                        }
                    }
                }
            }
        }
        index
    }

    /// The longer name the text writes for `name`, when exactly one.
    pub fn longer(&self, name: &str) -> Option<&str> {
        self.longer.get(name)?.as_deref()
    }
}

#[cfg(test)]
thread_local! {
    /// Bytes of turn text the indexes read (tests show it grows linearly).
    pub static READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Count `text` as read (tests only).
fn note_read(text: &str) {
    #[cfg(test)]
    READ.with(|r| r.set(r.get() + text.len()));
    let _ = text;
}

/// A searcher for any of `words` (ASCII case folded if asked); `None`
/// when there is nothing to look for.
fn finder<'a>(words: impl Iterator<Item = &'a str>, fold: bool) -> Option<AhoCorasick> {
    // A name is one word: nothing with a space in it can be found where
    // the indexes look (a word's start), so it is not looked for.
    let words: Vec<&str> = words
        .filter(|w| !w.is_empty() && !w.contains(char::is_whitespace))
        .collect();
    if words.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(fold)
        .build(words)
        .ok()
}

/// Does a whitespace-separated word start at byte `at`?
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_complete_when_unambiguous() {
        let known = Declared {
            full: vec![
                "Jen Psaki".to_string(),
                "Jane Smith".to_string(),
                "John Smith".to_string(),
                "Jane Smith".to_string(),
            ],
            pairs: Vec::new(),
        };
        let index = FullNames::new(&known);
        assert_eq!(index.complete("Psaki").as_deref(), Some("Jen Psaki"));
        assert_eq!(index.complete("PSAKI").as_deref(), Some("Jen Psaki"));
        assert_eq!(index.complete("Smith"), None);
        assert_eq!(index.complete("Doe"), None);
        assert_eq!(index.complete("JANE SMITH").as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_name_in_two_cases_is_one_name() {
        let known = Declared {
            full: vec!["Xiao Yaqing".to_string(), "XIAO YAQING".to_string()],
            pairs: vec!["Jen Psaki".to_string()],
        };
        let index = FullNames::new(&known);
        assert_eq!(index.complete("Xiao").as_deref(), Some("Xiao Yaqing"));
        assert_eq!(index.complete("psaki").as_deref(), Some("Jen Psaki"));
        // A pair completes by its surname only.
        assert_eq!(index.complete("Jen"), None);
    }

    #[test]
    fn given_names_from_the_body() {
        let texts = [
            "Good morning. I'm Jeff Zients. Thank you, Dr. Zients.",
            "Thanks, Jeff Zients.",
        ];
        let full =
            |surname: &str, texts: &[&str]| GivenBefore::new([surname], texts).full_name(surname);
        assert_eq!(full("Zients", &texts).as_deref(), Some("Jeff Zients"));
        assert_eq!(full("Smith", &["Karen Smith and David Smith"]), None);
        assert_eq!(full("Psaki", &["Secretary Psaki said"]), None);
        // Ends before punctuation, not inside a longer word.
        assert_eq!(
            full("O'Brien", &["asked Kate O'Brien, then Kate O'Briens"]).as_deref(),
            Some("Kate O'Brien")
        );
        assert_eq!(full("Brien", &["asked Kate O'Brien"]), None);
        // Two counts, one stands out.
        assert_eq!(
            full("Lee", &["Ann Lee, Ann Lee and Bo Lee"]).as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn initial_and_surname_labels() {
        assert_eq!(initial_and_surname("В.Соболев"), Some(('В', "Соболев")));
        assert_eq!(initial_and_surname("J. Smith"), Some(('J', "Smith")));
        assert_eq!(initial_and_surname("U.S."), None);
        assert_eq!(initial_and_surname("Mr. Smith"), None);
        assert_eq!(initial_and_surname("Д.Громов: Коллеги"), None);
        // Declared in the lead sentence of ru-kremlin.txt.
        let known = Declared {
            full: Vec::new(),
            pairs: vec!["Владимир Соболев".to_string(), "Jane Smith".to_string()],
        };
        let index = FullNames::new(&known);
        assert_eq!(
            index.complete("В.Соболев").as_deref(),
            Some("Владимир Соболев")
        );
        assert_eq!(index.complete("J. Smith").as_deref(), Some("Jane Smith"));
        // Another initial is another person.
        assert_eq!(index.complete("А.Соболев"), None);
        assert_eq!(index.complete("K.Smith"), None);
        // From the body: the given name written before the surname, with
        // the initial of the label (ru-kremlin.txt, lines 10 and 46).
        let texts = [
            "Владимир Александрович, добрый вечер! Павел Зимин, «Россия».",
            "Как исключительно успешный. Вот Дмитрий Громов мне показывает, что время заканчивается.",
        ];
        let index = GivenBefore::new(["Д.Громов", "П.Зимин", "А.Зимин"], &texts);
        assert_eq!(
            index.full_name("Д.Громов").as_deref(),
            Some("Дмитрий Громов")
        );
        assert_eq!(index.full_name("П.Зимин").as_deref(), Some("Павел Зимин"));
        assert_eq!(index.full_name("А.Зимин"), None);
    }

    #[test]
    fn given_names_after_an_honorific_of_the_same_kind() {
        let texts = [
            "The floor goes to Ms. Karen Smith.",
            "I asked Mr. David Smith to speak.",
        ];
        let index = AfterHonorific::new(["Smith", "SMITH"], &texts);
        assert_eq!(
            index.full_name("Smith", 'f').as_deref(),
            Some("Karen Smith")
        );
        assert_eq!(
            index.full_name("SMITH", 'm').as_deref(),
            Some("David Smith")
        );
        let two = AfterHonorific::new(["Smith"], &["Mr. Alan Smith and Mr. Bob Smith's"]);
        assert_eq!(two.full_name("Smith", 'm'), None);
    }

    /// Doubling a transcript's distinct speakers doubles the entries the
    /// indexes read, not their square: each text is read once.
    #[test]
    fn indexes_grow_with_the_text_not_its_square() {
        // Names made of letters only: `Gab Sab`, `Gac Sac`, …
        let word = |head: &str, i: usize| {
            let letters: String = [i / 26 % 26, i % 26]
                .iter()
                .map(|&d| char::from(b'a' + d as u8))
                .collect();
            format!("{head}{letters}")
        };
        let texts = |n: usize| -> Vec<String> {
            (0..n)
                .map(|i| {
                    let (g, s) = (word("G", i), word("S", i));
                    format!("Thank you, Mr. {g} {s}. I'm {g} {s}.")
                })
                .collect()
        };
        for n in [10, 20, 40] {
            let owned = texts(n);
            let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
            let surnames: Vec<String> = (0..n).map(|i| word("S", i)).collect();
            let before = GivenBefore::new(surnames.iter().map(String::as_str), &texts);
            let after = AfterHonorific::new(surnames.iter().map(String::as_str), &texts);
            // One entry per surname, each counted from its own text only.
            assert_eq!(before.counts.len(), n);
            assert!(before.counts.values().all(|c| c == &[(c[0].0.clone(), 2)]));
            assert_eq!(after.given.len(), n);
            assert_eq!(
                before.full_name(&surnames[n - 1]),
                Some(format!("{} {}", word("G", n - 1), word("S", n - 1)))
            );
        }
    }
}
