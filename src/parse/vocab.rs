//! Label vocabularies of languages other than English, as data:
//! `data/lexicon/<lang>.toml`, one file per language, compiled into the
//! binary and read once.
//!
//! Each file lists the labels that mark who asks (`pregunta`,
//! `jornalista`), who answers (`respuesta`, `发言人`), who chairs
//! (`moderador`) and anyone else (`intérprete`), and the honorifics that
//! come before a name (`Mme`, `Herr`). All languages are in use at once,
//! beside English (`lexicon`): a label is one language's word or none.
//! This module holds the data and its look-ups; it decides nothing.
//!
//! Adding a language is adding a file and its line in [`FILES`]; the tests
//! check that every file parses (unknown keys are errors), that its
//! `language` is its name, and that every entry is read by the rule of its
//! category. Categories, all optional, in lower case as words are compared
//! (a label is matched whole, without a final `.`): `question` and
//! `answer` (markers that name nobody: `Frage`, `Antwort`; a question
//! marker may carry the asker, `FRAGE SCHMIDT`), `journalist`, `official`,
//! `chair`, `other` (labels of who asks, answers, presides, anyone else;
//! an official's or chair's word before a name is its title, `Ministro
//! Bellini`, `Vors. Dr. Müller`) and `honorifics` (words before a name
//! that say nothing of the role). English stays in `lexicon`, and no file
//! lists English's own words. (No README sits beside the
//! files: `data/` is also a folder of transcripts for the docs' examples.)

use crate::model::{HeaderField, Role};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The files, by language code (BCP 47).
const FILES: &[(&str, &str)] = &[
    ("ar", include_str!("../../data/lexicon/ar.toml")),
    ("de", include_str!("../../data/lexicon/de.toml")),
    ("en", include_str!("../../data/lexicon/en.toml")),
    ("es", include_str!("../../data/lexicon/es.toml")),
    ("fr", include_str!("../../data/lexicon/fr.toml")),
    ("it", include_str!("../../data/lexicon/it.toml")),
    ("ja", include_str!("../../data/lexicon/ja.toml")),
    ("ko", include_str!("../../data/lexicon/ko.toml")),
    ("pt", include_str!("../../data/lexicon/pt.toml")),
    ("ru", include_str!("../../data/lexicon/ru.toml")),
    ("zh", include_str!("../../data/lexicon/zh.toml")),
];

/// One language's file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Its BCP 47 code, as in the file name (the tests hold them equal).
    pub language: String,
    /// The script it is written in (ISO 15924: `Latn`, `Cyrl`, `Hani`;
    /// `Jpan` for kana), for telling languages apart (`language`).
    #[serde(default)]
    pub script: String,
    /// Its most frequent small words, for telling it from the other
    /// languages of its script (`language`); none of them in two files.
    #[serde(default)]
    pub stopwords: Vec<String>,
    #[serde(default)]
    pub journalist: Vec<String>,
    #[serde(default)]
    pub official: Vec<String>,
    #[serde(default)]
    pub chair: Vec<String>,
    #[serde(default)]
    pub other: Vec<String>,
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Question markers (`Frage`, `Вопрос`, `问`): a journalist's turn
    /// that names nobody, or the asker after the marker (`FRAGE SCHMIDT`,
    /// `Domanda (Ansa)`).
    #[serde(default)]
    pub question: Vec<String>,
    /// Answer markers (`Antwort`, `Ответ`, `答`): an official's turn that
    /// names nobody.
    #[serde(default)]
    pub answer: Vec<String>,
    /// Words that head a paragraph as a heading or a note, never a speaker
    /// (`Hinweis`, `Примечание`, `责任编辑`).
    #[serde(default)]
    pub headings: Vec<String>,
    /// First words that open sentences, not names (`Erstens`, `Primo`).
    #[serde(default)]
    pub openers: Vec<String>,
    /// The twelve months, January first; a month's other forms after `|`
    /// (`марта` beside `март`, `aout` beside `août`).
    #[serde(default)]
    pub months: Vec<String>,
    /// The days of the week, Monday first, other forms after `|`.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// Small words that may stand in a date line (`vom`, `года`, `ore`).
    #[serde(default)]
    pub date_words: Vec<String>,
    /// A chair's words that give the floor (`adelante`, `bitte`, `prego`,
    /// `пожалуйста`, `どうぞ`): beside a name or an outlet they call on a
    /// reporter (`Prego, Ansa.`, `Herr Jessen, bitte.`), and are never
    /// that name.
    #[serde(default)]
    pub calls: Vec<String>,
    /// Words that open a reporter's self-introduction before the name
    /// (`soy`, `je suis`, `ich bin`), as English's `I'm`.
    #[serde(default)]
    pub introductions: Vec<String>,
    /// Small words between a reporter's name and outlet, outside the
    /// outlet's name (`de`, `da`, `del`: `Karla Ibarra, de La Jornada`),
    /// as English's `from`.
    #[serde(default)]
    pub outlet_joiners: Vec<String>,
    /// Thanks, greetings and small assents that stand beside a call
    /// (`Merci, allez-y.`, `Grazie, prego.`) and name nobody.
    #[serde(default)]
    pub courtesies: Vec<String>,
    /// Phrases of notices about the document rather than speech (`Seul le
    /// prononcé fait foi`, `Es gilt das gesprochene Wort`, as English's
    /// `Check against delivery`).
    #[serde(default)]
    pub notices: Vec<String>,
    /// Notes in a label's brackets on how a question came, not who asked,
    /// in scripts without case (`سؤال (متابعة)`, a follow-up); cased
    /// scripts write them in lower case, which says as much.
    #[serde(default)]
    pub label_notes: Vec<String>,
    /// Header keywords by the field they open (`date = ["datum"]`): the
    /// field names are those of `model::HeaderField`.
    #[serde(default)]
    pub header: HashMap<String, Vec<String>>,
}

impl Lexicon {
    /// Every role word with the role it marks.
    pub fn role_words(&self) -> impl Iterator<Item = (&str, Role)> {
        self.journalist
            .iter()
            .map(|w| (w.as_str(), Role::Journalist))
            .chain(self.official.iter().map(|w| (w.as_str(), Role::Official)))
            .chain(self.chair.iter().map(|w| (w.as_str(), Role::Chair)))
            .chain(self.other.iter().map(|w| (w.as_str(), Role::Other)))
            .chain(self.question.iter().map(|w| (w.as_str(), Role::Journalist)))
            .chain(self.answer.iter().map(|w| (w.as_str(), Role::Official)))
    }

    /// Role words that may stand before a name as its title
    /// (`Ministro Bellini`, `Vors. Dr. Müller`, `StS BRANDT`): offices and
    /// chairs. (`Public`, `Voz` before a name would be names' words.)
    fn title_words(&self) -> impl Iterator<Item = (&str, Role)> {
        self.official
            .iter()
            .map(|w| (w.as_str(), Role::Official))
            .chain(self.chair.iter().map(|w| (w.as_str(), Role::Chair)))
    }
}

/// Every language's file, parsed (a file that does not parse is a bug that
/// the tests catch; it is left out rather than stopping the parser).
pub static LEXICONS: LazyLock<Vec<Lexicon>> = LazyLock::new(|| {
    FILES
        .iter()
        .filter_map(|(_, text)| toml::from_str(text).ok())
        .collect()
});

/// Role words of all languages, lower case; the first language listed wins.
static ROLES: LazyLock<HashMap<&'static str, Role>> = LazyLock::new(|| {
    let mut roles = HashMap::new();
    for lexicon in LEXICONS.iter() {
        for (word, role) in lexicon.role_words() {
            roles.entry(word).or_insert(role);
        }
    }
    roles
});

/// The role a label (lower case, without a final `.`) names in another
/// language, if any.
pub fn role_of_word(lower: &str) -> Option<Role> {
    ROLES.get(lower).copied()
}

/// Role words of other languages that may be a name's title, with their
/// role, lower case.
static TITLES: LazyLock<HashMap<&'static str, Role>> = LazyLock::new(|| {
    let mut titles = HashMap::new();
    for lexicon in LEXICONS.iter() {
        for (word, role) in lexicon.title_words() {
            titles.entry(word).or_insert(role);
        }
    }
    titles
});

/// Other languages' role words that may stand before a name.
pub fn titles() -> impl Iterator<Item = &'static str> {
    TITLES.keys().copied()
}

/// The role a title of another language (lower case, as in the file) names.
pub fn title_role(lower: &str) -> Option<Role> {
    TITLES.get(lower).copied()
}

/// Is `word` (any case, without a final `.`) a question marker of another
/// language?
pub fn is_question_marker(lower: &str) -> bool {
    MARKERS.0.contains(lower)
}

/// Is `word` (lower case, without a final `.`) an answer marker of
/// another language?
pub fn is_answer_marker(lower: &str) -> bool {
    MARKERS.1.contains(lower)
}

/// Question markers, then answer markers, of all languages.
static MARKERS: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> =
    LazyLock::new(|| (word_set(|l| &l.question), word_set(|l| &l.answer)));

/// Question markers of all languages, longest first, for labels that go
/// on after the marker (`FRAGE SCHMIDT`).
pub fn question_markers() -> &'static [&'static str] {
    static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v: Vec<&'static str> = MARKERS.0.iter().copied().collect();
        v.sort_by_key(|m| (std::cmp::Reverse(m.chars().count()), *m));
        v
    });
    &SORTED
}

/// A word list of all languages, for look-up.
fn word_set(pick: fn(&'static Lexicon) -> &'static Vec<String>) -> HashSet<&'static str> {
    LEXICONS
        .iter()
        .flat_map(move |l| pick(l).iter().map(String::as_str))
        .collect()
}

/// Is `lower` (lower case, without its colon) a heading or note word of
/// another language?
pub fn is_heading(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(|l| &l.headings));
    SET.contains(lower)
}

/// Is `lower` (lower case, without `,:`) a word that opens sentences in
/// another language?
pub fn is_opener(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(|l| &l.openers));
    SET.contains(lower)
}

/// Every language's calls, longest first (`sie haben das wort` before
/// `bitte`... and `请提问` before `请`).
pub fn calls() -> &'static [&'static str] {
    static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v: Vec<&'static str> = word_set(|l| &l.calls).into_iter().collect();
        v.sort_by_key(|c| (std::cmp::Reverse(c.len()), *c));
        v
    });
    &SORTED
}

/// Every language's introductions and outlet joiners, longest first, each
/// with a space after it (`je suis `, `de la `), for stripping a prefix.
fn prefixes(category: fn(&Lexicon) -> &Vec<String>) -> Vec<String> {
    let mut v: Vec<String> = word_set(category)
        .into_iter()
        .map(|w| format!("{w} "))
        .collect();
    v.sort_by_key(|w| (std::cmp::Reverse(w.len()), w.clone()));
    v
}

/// `Soy Daniela Ochoa` -> `Daniela Ochoa`: the words after a
/// self-introduction's opening of another language, if it has one.
pub fn after_introduction(text: &str) -> Option<&str> {
    static SORTED: LazyLock<Vec<String>> = LazyLock::new(|| prefixes(|l| &l.introductions));
    strip_prefix_ci(text, &SORTED)
}

/// `de La Jornada` -> `La Jornada`: an outlet without the small word of
/// another language that joins it to a name, if one opens it.
pub fn after_outlet_joiner(text: &str) -> Option<&str> {
    static SORTED: LazyLock<Vec<String>> = LazyLock::new(|| prefixes(|l| &l.outlet_joiners));
    // In lower case as written: `de la Cadena SER`, but `de La Jornada`.
    SORTED
        .iter()
        .find_map(|p| text.strip_prefix(p.as_str()).map(str::trim_start))
}

/// `text` after the first of `prefixes` (lower case) it opens with, in any case.
fn strip_prefix_ci<'t>(text: &'t str, prefixes: &[String]) -> Option<&'t str> {
    prefixes.iter().find_map(|p| {
        let head = text.get(..p.len())?;
        // ASCII is compared byte by byte, without a lower-cased copy.
        let same = if head.is_ascii() {
            head.bytes()
                .zip(p.bytes())
                .all(|(h, c)| h.to_ascii_lowercase() == c)
        } else {
            head.to_lowercase() == *p
        };
        same.then(|| text[p.len()..].trim_start())
    })
}

/// Is `lower` (lower case) a courtesy of another language (`merci`)?
pub fn is_courtesy(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(|l| &l.courtesies));
    SET.contains(lower)
}

/// Does `lower` (lower case) hold a notice phrase of another language?
pub fn holds_notice(lower: &str) -> bool {
    static NOTICES: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| word_set(|l| &l.notices).into_iter().collect());
    NOTICES.iter().any(|n| lower.contains(n))
}

/// Is `lower` (lower case, without brackets) a note of another language
/// on how a question came (`متابعة`)?
pub fn is_label_note(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(|l| &l.label_notes));
    SET.contains(lower)
}

/// The header field another language's keyword (lower case, without its
/// colon) opens.
pub fn header_field(lower: &str) -> Option<HeaderField> {
    static FIELDS: LazyLock<HashMap<&'static str, HeaderField>> = LazyLock::new(|| {
        let mut fields = HashMap::new();
        for lexicon in LEXICONS.iter() {
            for (field, words) in &lexicon.header {
                // A field name that is none is a bug the tests catch.
                if let Ok(field) = field.parse::<HeaderField>() {
                    for w in words {
                        fields.entry(w.as_str()).or_insert(field);
                    }
                }
            }
        }
        fields
    });
    FIELDS.get(lower).copied()
}

/// The month (1 to 12) a word of another language names (`mars`,
/// `марта`, `März`), any case.
pub fn month_number(word: &str) -> Option<u32> {
    static MONTHS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
        let mut months = HashMap::new();
        for lexicon in LEXICONS.iter() {
            for (m, forms) in (1..).zip(&lexicon.months) {
                for form in forms.split('|') {
                    months.entry(form).or_insert(m);
                }
            }
        }
        months
    });
    MONTHS.get(word.to_lowercase().as_str()).copied()
}

/// Is `lower` (lower case) a weekday or a small word of a date line in
/// another language (`mardi`, `года`, `木`)?
pub fn is_date_word(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        LEXICONS
            .iter()
            .flat_map(|l| l.weekdays.iter().chain(&l.date_words))
            .flat_map(|forms| forms.split('|'))
            .collect()
    });
    SET.contains(lower)
}

/// Honorifics of all languages, lower case.
pub fn honorifics() -> impl Iterator<Item = &'static str> {
    LEXICONS
        .iter()
        .flat_map(|l| l.honorifics.iter().map(String::as_str))
}

/// Honorifics of all languages, for look-up, and the longest in bytes.
static HONORIFICS: LazyLock<(HashSet<&'static str>, usize)> = LazyLock::new(|| {
    let set: HashSet<&'static str> = honorifics().collect();
    let longest = set.iter().map(|h| h.len()).max().unwrap_or(0);
    (set, longest)
});

/// Is `word` an honorific of another language (`Mme`, `Herr`, `Sra.`)?
pub fn is_honorific(word: &str) -> bool {
    let (set, longest) = &*HONORIFICS;
    // A word longer than every honorific needs no lower-casing (lower
    // case may change the length, so leave room).
    word.len() <= 2 * longest && set.contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_names_its_language() {
        for (code, text) in FILES {
            let lexicon: Lexicon =
                toml::from_str(text).unwrap_or_else(|e| panic!("data/lexicon/{code}.toml: {e}"));
            assert_eq!(&lexicon.language, code);
        }
        assert_eq!(LEXICONS.len(), FILES.len());
    }

    #[test]
    fn every_entry_is_read_by_the_rule_of_its_category() {
        for lexicon in LEXICONS.iter() {
            for (word, role) in lexicon.role_words() {
                assert_eq!(word, word.to_lowercase(), "{}: {word}", lexicon.language);
                // English reads its own words (`Minister`, `Moderator`):
                // listed here too, a German `Minister:` would be read
                // otherwise than the English one.
                assert!(
                    !super::super::lexicon::is_english_word(word),
                    "{}: {word} is English's",
                    lexicon.language
                );
                assert_eq!(
                    super::super::lexicon::role_of_word(word),
                    Some(role),
                    "{}: {word}",
                    lexicon.language
                );
                // Labels are printed in capitals too.
                assert_eq!(
                    super::super::lexicon::role_of_word(&word.to_uppercase()),
                    Some(role),
                    "{}: {word} in capitals",
                    lexicon.language
                );
            }
            // Capitals as printed, where lower case reads them back (`ß`
            // has no capital of its own).
            let capitals = |w: &str| {
                let upper = w.to_uppercase();
                if upper.to_lowercase() == w {
                    upper
                } else {
                    w.to_string()
                }
            };
            for (field, words) in &lexicon.header {
                let field: HeaderField = field
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: no header field {field}", lexicon.language));
                for w in words {
                    assert_eq!(
                        super::super::lexicon::header_field(&format!("{}:", capitals(w))),
                        Some(field),
                        "{}: {w}",
                        lexicon.language
                    );
                }
            }
            for w in &lexicon.headings {
                assert!(
                    super::super::lexicon::is_heading_word(&capitals(w)),
                    "{}: {w}",
                    lexicon.language
                );
            }
            assert!(
                lexicon.months.is_empty() || lexicon.months.len() == 12,
                "{}: twelve months",
                lexicon.language
            );
            for (m, forms) in (1..).zip(&lexicon.months) {
                for form in forms.split('|') {
                    assert_eq!(month_number(&capitals(form)), Some(m), "{form}");
                }
            }
            assert!(
                lexicon.weekdays.is_empty() || lexicon.weekdays.len() == 7,
                "{}: seven weekdays",
                lexicon.language
            );
            for forms in lexicon.weekdays.iter().chain(&lexicon.date_words) {
                for form in forms.split('|') {
                    assert!(is_date_word(form), "{form}");
                }
            }
            for w in &lexicon.openers {
                assert!(
                    super::super::lexicon::is_sentence_opener(&format!("{}:", capitals(w))),
                    "{}: {w}",
                    lexicon.language
                );
            }
            for n in &lexicon.notices {
                assert!(holds_notice(&format!("« {n}. »")), "{n}");
            }
            for n in &lexicon.label_notes {
                assert!(
                    super::super::label::is_delivery_note(n),
                    "{}: {n}",
                    lexicon.language
                );
            }
            for w in &lexicon.introductions {
                let line = format!("{} Ana Ruiz", capitals(w));
                assert_eq!(after_introduction(&line), Some("Ana Ruiz"), "{w}");
            }
            for w in &lexicon.outlet_joiners {
                assert_eq!(
                    after_outlet_joiner(&format!("{w} Reuters")),
                    Some("Reuters"),
                    "{w}"
                );
            }
            for h in &lexicon.honorifics {
                assert!(
                    super::super::lexicon::is_honorific(&h.to_uppercase()),
                    "{h} in capitals"
                );
                assert!(super::super::lexicon::is_honorific(h), "{h}");
            }
        }
    }
}
