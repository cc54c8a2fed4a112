//! Word lists the parser consults: honorifics and offices, role words,
//! news-outlet words, header field names, stage directions.
//!
//! These are general facts about how transcripts are written in English,
//! never names taken from one transcript; other languages' role words and
//! honorifics are data files read by `vocab`, consulted here. All look-ups
//! are case-insensitive. Data only: no parsing decisions here.

use crate::model::{EventKind, HeaderField, Role};
use std::sync::LazyLock;

fn eq_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The value `key` maps to in a table of pairs; the first match wins.
fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, ',' | ':' | '(' | ')'))
}

/// Small words that may sit inside a name or title (`Minister for Foreign
/// Affairs`, `Ludwig van Beethoven`).
pub fn is_connector(word: &str) -> bool {
    const LIST: &[&str] = &[
        "of", "and", "for", "the", "de", "da", "del", "della", "di", "du", "des", "van", "von",
        "der", "den", "la", "le", "al", "el", "bin", "ibn", "y", "e", "on", "at", "to", "in",
        "with", "und", "dos", "das", "af", "zu", "ter",
    ];
    word.chars().next().is_some_and(char::is_lowercase) && eq_any(word, LIST)
}

/// Words that open sentences, lists and headings rather than names:
/// `First:`, `Note:`, `Ladies and gentlemen:`. `Question` alone is a role
/// word; the caller checks that.
const SENTENCE_OPENERS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "firstly",
    "secondly",
    "thirdly",
    "finally",
    "lastly",
    "next",
    "then",
    "also",
    "again",
    "and",
    "but",
    "so",
    "or",
    "yes",
    "no",
    "ok",
    "okay",
    "well",
    "now",
    "here",
    "there",
    "today",
    "yesterday",
    "tomorrow",
    "this",
    "that",
    "these",
    "those",
    "it",
    "we",
    "i",
    "you",
    "he",
    "she",
    "they",
    "our",
    "my",
    "your",
    "his",
    "her",
    "their",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "as",
    "if",
    "when",
    "while",
    "because",
    "however",
    "therefore",
    "meanwhile",
    "moreover",
    "furthermore",
    "example",
    "note",
    "notes",
    "nb",
    "ps",
    "update",
    "updated",
    "correction",
    "clarification",
    "editor's",
    "editors",
    "source",
    "sources",
    "photo",
    "photos",
    "picture",
    "caption",
    "credit",
    "credits",
    "related",
    "read",
    "see",
    "tags",
    "keywords",
    "subject",
    "re",
    "fw",
    "fwd",
    "warning",
    "disclaimer",
    "copyright",
    "ladies",
    "dear",
    "hello",
    "hi",
    "hey",
    "thanks",
    "thank",
    "welcome",
    "please",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "should",
    "let",
    "let's",
    "background",
    "summary",
    "transcript",
    "contents",
    "agenda",
    "answer",
    "result",
    "results",
    "conclusion",
    "step",
    "part",
    "chapter",
    "section",
    "item",
    "point",
    "question",
    "questions",
];

/// Is `word` (trimmed of `,:()`) one of the [`SENTENCE_OPENERS`]?
pub fn is_sentence_opener(word: &str) -> bool {
    let word = clean(word);
    eq_any(word, SENTENCE_OPENERS) || super::vocab::is_opener(&word.to_lowercase())
}

/// Labels that are headings or metadata in body text, never speakers.
pub fn is_heading_word(label: &str) -> bool {
    const LIST: &[&str] = &[
        "date",
        "time",
        "venue",
        "location",
        "place",
        "source",
        "title",
        "topic",
        "topics",
        "event",
        "headline",
        "dateline",
        "url",
        "link",
        "tags",
        "category",
        "categories",
        "language",
        "duration",
        "length",
        "attachments",
        "attachment",
        "summary",
        "subjects",
        "keywords",
        // Court and hearing front pages: who sat and who appeared.
        "before",
        "appearances",
        "present",
        "also present",
        "in attendance",
    ];
    eq_any(label, LIST) || super::vocab::is_heading(&label.trim().to_lowercase())
}

/// Names of header fields that introduce participants or metadata
/// (lower case, without the colon), and the field each opens.
const HEADER_FIELDS: &[(&str, HeaderField)] = &[
    ("speakers", HeaderField::Participants),
    ("speaker", HeaderField::Participants),
    ("participants", HeaderField::Participants),
    ("panelists", HeaderField::Participants),
    ("panellists", HeaderField::Participants),
    ("panel", HeaderField::Participants),
    ("guests", HeaderField::Participants),
    ("attendees", HeaderField::Participants),
    ("officials", HeaderField::Participants),
    ("briefers", HeaderField::Participants),
    ("interviewees", HeaderField::Participants),
    ("guest", HeaderField::Participants),
    ("witness", HeaderField::Participants),
    ("witnesses", HeaderField::Participants),
    ("chairperson", HeaderField::Chair),
    ("chair", HeaderField::Chair),
    ("chairman", HeaderField::Chair),
    ("chairwoman", HeaderField::Chair),
    ("moderator", HeaderField::Chair),
    ("moderators", HeaderField::Chair),
    ("host", HeaderField::Chair),
    ("hosts", HeaderField::Chair),
    ("presenter", HeaderField::Chair),
    ("presided by", HeaderField::Chair),
    ("chaired by", HeaderField::Chair),
    ("moderated by", HeaderField::Chair),
    ("date", HeaderField::Date),
    ("time", HeaderField::Time),
    ("venue", HeaderField::Place),
    ("location", HeaderField::Place),
    ("place", HeaderField::Place),
    ("title", HeaderField::Title),
    ("subject", HeaderField::Title),
    ("topic", HeaderField::Title),
    ("event", HeaderField::Title),
    ("subjects", HeaderField::Subjects),
    ("topics", HeaderField::Subjects),
    ("issues discussed", HeaderField::Subjects),
    ("topics discussed", HeaderField::Subjects),
    // An email's envelope (`Subject:` is the title, `Sent:` the date).
    ("from", HeaderField::Email),
    ("to", HeaderField::Email),
    ("cc", HeaderField::Email),
    ("bcc", HeaderField::Email),
    ("sent", HeaderField::Date),
    ("source", HeaderField::SourceUrl),
    ("url", HeaderField::SourceUrl),
    ("主持人", HeaderField::Chair),
    ("发布人", HeaderField::Participants),
    ("发言人", HeaderField::Participants),
    ("嘉宾", HeaderField::Participants),
    ("日期", HeaderField::Date),
    ("时间", HeaderField::Date),
    ("地点", HeaderField::Place),
];

/// The header field a keyword line opens (`Speakers:` -> participants),
/// from [`HEADER_FIELDS`].
pub fn header_field(label: &str) -> Option<HeaderField> {
    let l = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_ascii_lowercase();
    lookup(HEADER_FIELDS, &l).or_else(|| super::vocab::header_field(&l.to_lowercase()))
}

/// Labels that name a role, not a person (lower case, without a final
/// dot), and the role each implies.
const ROLE_WORDS: &[(&str, Role)] = &[
    ("q", Role::Journalist),
    ("question", Role::Journalist),
    ("questioner", Role::Journalist),
    ("reporter", Role::Journalist),
    ("journalist", Role::Journalist),
    ("press", Role::Journalist),
    ("audience member", Role::Journalist),
    ("audience question", Role::Journalist),
    ("correspondent", Role::Journalist),
    ("interviewer", Role::Journalist),
    ("media", Role::Journalist),
    ("unidentified reporter", Role::Journalist),
    ("the press", Role::Journalist),
    ("reporters", Role::Journalist),
    ("journalists", Role::Journalist),
    ("member of the press", Role::Journalist),
    ("members of the press", Role::Journalist),
    ("remark", Role::Journalist),
    ("remark from the floor", Role::Journalist),
    ("question from the floor", Role::Journalist),
    ("moderator", Role::Chair),
    ("chair", Role::Chair),
    ("chairperson", Role::Chair),
    ("chairman", Role::Chair),
    ("chairwoman", Role::Chair),
    ("host", Role::Chair),
    ("co-host", Role::Chair),
    ("presenter", Role::Chair),
    ("anchor", Role::Chair),
    ("operator", Role::Chair),
    ("emcee", Role::Chair),
    ("mc", Role::Chair),
    ("master of ceremonies", Role::Chair),
    ("the moderator", Role::Chair),
    ("the operator", Role::Chair),
    ("the host", Role::Chair),
    ("the chair", Role::Chair),
    ("coordinator", Role::Chair),
    ("interpreter", Role::Other),
    ("audience", Role::Other),
    ("translator", Role::Other),
    ("the interpreter", Role::Other),
    ("voice", Role::Other),
    ("voices", Role::Other),
    ("crowd", Role::Other),
    ("group", Role::Other),
    ("all", Role::Other),
    ("unidentified speaker", Role::Other),
    ("unidentified male", Role::Other),
    ("unidentified female", Role::Other),
    ("unidentified man", Role::Other),
    ("unidentified woman", Role::Other),
    ("unidentified participant", Role::Other),
    ("unidentified person", Role::Other),
    ("male speaker", Role::Other),
    ("female speaker", Role::Other),
    ("man", Role::Other),
    ("woman", Role::Other),
    ("panelist", Role::Other),
    ("member", Role::Other),
    ("participant", Role::Other),
    ("unidentified", Role::Other),
    ("unknown", Role::Other),
    ("speaker", Role::Other),
    ("multiple speakers", Role::Other),
    ("several speakers", Role::Other),
    ("narrator", Role::Other),
    ("announcer", Role::Other),
    ("video", Role::Other),
    ("a", Role::Official),
    ("answer", Role::Official),
    ("pm", Role::Official),
    ("the pm", Role::Official),
    ("dpm", Role::Official),
    ("vp", Role::Official),
    ("fm", Role::Official),
    ("spokesperson", Role::Official),
    ("spokesman", Role::Official),
    ("spokeswoman", Role::Official),
    ("the president", Role::Official),
    ("the vice president", Role::Official),
    ("the prime minister", Role::Official),
    ("the first lady", Role::Official),
    ("the secretary", Role::Official),
    ("the minister", Role::Official),
    ("the chancellor", Role::Official),
    ("the king", Role::Official),
    ("the queen", Role::Official),
    ("official", Role::Official),
    ("senior administration official", Role::Official),
    ("senior state department official", Role::Official),
    ("senior official", Role::Official),
    ("administration official", Role::Official),
    ("white house official", Role::Official),
    ("senior defense official", Role::Official),
    ("senior military official", Role::Official),
    ("white house aide", Role::Official),
    ("aide", Role::Official),
    ("staff", Role::Official),
    ("interviewee", Role::Official),
    ("guest", Role::Official),
    ("press secretary", Role::Official),
];

/// Role words that are still that role with one letter wrong (`MOERATOR`).
const MISSPELLABLE_ROLE_WORDS: &[&str] = &[
    "moderator",
    "operator",
    "interpreter",
    "question",
    "reporter",
    "journalist",
    "presenter",
];

/// A label that names a role, not a person, and the role it implies: one
/// of the `ROLE_WORDS`, perhaps with an ordinal tag (`Speaker 2`) or one
/// letter wrong.
pub fn role_of_word(label: &str) -> Option<Role> {
    // Asked of every turn's label, from several rules: read once per label.
    thread_local!(static ROLES: super::memo::Memo<Option<Role>> = Default::default());
    if label.len() > 200 {
        return read_role_word(label);
    }
    super::memo::cached(&ROLES, label, read_role_word)
}

fn read_role_word(label: &str) -> Option<Role> {
    let l = label.trim().to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    if let Some(role) = lookup(ROLE_WORDS, l) {
        return Some(role);
    }
    // `Speaker 2`, `Senior Administration Official One`, `Reporter 3`.
    let mut words: Vec<&str> = l.split_whitespace().collect();
    if words.len() >= 2 && is_ordinal_tag(words[words.len() - 1]) {
        words.pop();
        return role_of_word(&words.join(" "));
    }
    if l.ends_with("记者") {
        return Some(Role::Journalist);
    }
    // Other languages' labels (`PREGUNTA`, `Jornalista`, `ВОПРОС`).
    if let Some(role) = super::vocab::role_of_word(l.to_lowercase().trim_end_matches('.')) {
        return Some(role);
    }
    // `MOERATOR`: a role word with a letter wrong is still that role.
    MISSPELLABLE_ROLE_WORDS
        .iter()
        .find(|word| one_letter_apart(l, word))
        .and_then(|word| role_of_word(word))
}

/// `2`, `#3`, `One`, `Two`, `A`, `B`: the tag that tells anonymous
/// speakers of the same kind apart.
/// Role labels that name nobody in particular (`Speaker 2`,
/// `UNIDENTIFIED FEMALE`): their turns have no speaker, and what they do in
/// the conversation decides their role.
pub fn is_anonymous(label: &str) -> bool {
    let l = label.trim().to_ascii_lowercase();
    let mut words: Vec<&str> = l.split_whitespace().collect();
    if words.len() >= 2 && is_ordinal_tag(words[words.len() - 1]) {
        words.pop();
    }
    let base = words.join(" ");
    base.starts_with("unidentified")
        || base.starts_with("unknown")
        || matches!(
            base.as_str(),
            "speaker"
                | "male speaker"
                | "female speaker"
                | "man"
                | "woman"
                | "voice"
                | "participant"
                | "panelist"
                | "member"
        )
}

pub fn is_ordinal_tag(word: &str) -> bool {
    let w = word.trim_start_matches('#');
    (!w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
        || eq_any(
            w,
            &[
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a",
                "b", "c", "d",
            ],
        )
}

pub fn is_role_word(label: &str) -> bool {
    role_of_word(label).is_some()
}

/// Honorifics that precede a name and imply nothing about the role.
const HONORIFICS: &[&str] = &[
    "shri",
    "sri",
    "smt",
    "smt.",
    "hon",
    "hon.",
    "rt hon",
    "rt. hon.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "mx",
    "mx.",
    "dr",
    "dr.",
    "doctor",
    "prof",
    "prof.",
    "professor",
    "sir",
    "dame",
    "madam",
    "madame",
    "mme",
    "mme.",
    "m.",
    "herr",
    "frau",
    "hon",
    "hon.",
    "the honourable",
    "rev",
    "rev.",
    "reverend",
    "father",
    "sister",
    "brother",
    "lord",
    "lady",
];

/// Abbreviated offices (`SEN.`, `Gov.`): offices, written short.
#[rustfmt::skip]
const OFFICE_ABBREVIATIONS: &[&str] = &[
    "sen", "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "adm", "adm.", "lt", "lt.",
    "col", "col.", "capt", "capt.", "amb", "amb.", "sec", "sec.", "pres", "pres.", "supt",
    "supt.", "cmdr", "cmdr.", "sgt", "sgt.", "maj", "maj.", "insp", "insp.", "pm", "dpm", "fm", "vp",
    // Under- and assistant secretaries (the Philippines), cabinet
    // secretaries (Kenya), principal secretaries.
    "usec", "usec.", "asec", "asec.", "cs", "ps",
];

/// Offices that precede a name: they mark someone on the podium.
const OFFICES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "minister",
    "deputy minister",
    "vice minister",
    "foreign minister",
    "secretary",
    "deputy secretary",
    "assistant secretary",
    "under secretary",
    "undersecretary",
    "acting secretary",
    "secretary-general",
    "secretary general",
    "press secretary",
    "deputy press secretary",
    "principal deputy press secretary",
    "ambassador",
    "administrator",
    "acting administrator",
    "deputy administrator",
    "director",
    "deputy director",
    "governor",
    "lieutenant governor",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "mayor",
    "commissioner",
    "chancellor",
    "premier",
    "vice premier",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "lieutenant general",
    "major general",
    "brigadier general",
    "admiral",
    "vice admiral",
    "rear admiral",
    "colonel",
    "lieutenant colonel",
    "captain",
    "commander",
    "major",
    "sergeant",
    "chief",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "surgeon general",
    "attorney general",
    "advisor",
    "adviser",
    "counselor",
    "envoy",
    "special envoy",
    "coordinator",
    "chair",
    "chairman",
    "chairwoman",
    "vice chair",
    "leader",
    "speaker",
    "senior advisor",
    "judge",
    "justice",
    "chief justice",
    "sheriff",
    "coach",
    "agent",
    "deputy",
    "acting",
    "the",
];

/// Is `word` (lower case) one of English's own role words, offices or
/// honorifics? Other languages' files leave these to English (tested).
#[cfg(test)]
pub fn is_english_word(word: &str) -> bool {
    lookup(ROLE_WORDS, word).is_some()
        || OFFICES.contains(&word)
        || OFFICE_ABBREVIATIONS.contains(&word)
        || HONORIFICS.contains(&word)
}

/// Honorifics, offices and their abbreviations by their first byte, lower
/// case (other languages' under the first byte of their capitals too:
/// `М` and `м` share it, `Р` and `р` do not): `title_prefix_len` runs for
/// every line that may be a label, and compares only the phrases that can
/// match.
static PREFIXES_BY_FIRST_BYTE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    let phrases = HONORIFICS.iter().chain(OFFICES).chain(OFFICE_ABBREVIATIONS);
    for phrase in phrases.copied() {
        if let Some(b) = phrase.as_bytes().first() {
            by_first[usize::from(b.to_ascii_lowercase())].push(phrase);
        }
    }
    let mut other: Vec<&'static str> = super::vocab::honorifics()
        .chain(super::vocab::titles())
        .collect();
    // One order on every run (the titles come from a hash map).
    other.sort_unstable();
    other.dedup();
    for phrase in other {
        let upper = phrase.to_uppercase();
        for b in [phrase.as_bytes().first(), upper.as_bytes().first()]
            .into_iter()
            .flatten()
        {
            let list = &mut by_first[usize::from(b.to_ascii_lowercase())];
            if !list.contains(&phrase) {
                list.push(phrase);
            }
        }
    }
    by_first
});

/// Does `text` start with `phrase` (lower case), case aside? Other
/// scripts' capitals are compared lower-cased.
pub fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    let n = phrase.len();
    if phrase.is_ascii() {
        return text.len() >= n && text.as_bytes()[..n].eq_ignore_ascii_case(phrase.as_bytes());
    }
    // The first character decides most comparisons without a lower-cased
    // copy (its lower case is the one `to_lowercase` gives below: a
    // final sigma needs a letter before it).
    let mut wanted = phrase.chars();
    let Some(first) = text.chars().next() else {
        return phrase.is_empty();
    };
    if first.to_lowercase().any(|l| wanted.next() != Some(l)) {
        return false;
    }
    // Capitals may differ in length from their lower case: compare as many
    // characters as the phrase has.
    let chars = phrase.chars().count();
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_lowercase() == phrase
}

/// Where `phrase` (as [`starts_with_phrase`] matched it) ends in `text`.
pub fn phrase_end(text: &str, phrase: &str) -> usize {
    if phrase.is_ascii() {
        return phrase.len().min(text.len());
    }
    let chars = phrase.chars().count();
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// Length in bytes of a leading run of honorifics and offices in `label`
/// (`Deputy Prime Minister ` in `Deputy Prime Minister Jane Roe`), or 0.
/// The whole label is never a prefix: `THE PRESIDENT` keeps its words.
pub fn title_prefix_len(label: &str) -> usize {
    let mut consumed = 0;
    let mut rest = label;
    // `The` alone is no title (`The Last Ferry to Inishcarra`): only with
    // an office after it (`The President`, `The Hon.`).
    let mut office_seen = false;
    loop {
        let trimmed = rest.trim_start();
        consumed += rest.len() - trimmed.len();
        rest = trimmed;
        let mut best = 0;
        let first = rest.as_bytes().first().copied().unwrap_or(0);
        for phrase in &PREFIXES_BY_FIRST_BYTE[usize::from(first.to_ascii_lowercase())] {
            if !starts_with_phrase(rest, phrase) {
                continue;
            }
            // Where the phrase ends in `rest` (capitals of other scripts
            // may be longer or shorter).
            let n = phrase_end(rest, phrase);
            if rest.len() > n && rest[n..].starts_with(' ') && n > best {
                best = n;
            }
        }
        if best == 0 {
            // `THE PRESIDENT`, `The PRESIDING OFFICER`: an office after `The`.
            let office_follows = || {
                let head = rest
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(['.', ',', ':']);
                OFFICES
                    .iter()
                    .chain(OFFICE_ABBREVIATIONS)
                    .any(|o| *o != "the" && o.split(' ').next() == Some(&head.to_lowercase()))
                    || head.eq_ignore_ascii_case("presiding")
            };
            return if consumed == 0 || rest.is_empty() || !(office_seen || office_follows()) {
                0
            } else {
                consumed
            };
        }
        office_seen |= !rest[..best].eq_ignore_ascii_case("the");
        consumed += best;
        rest = &rest[best..];
    }
}

/// Is `label` an honorific alone (`Mr.`)?
pub fn is_honorific(word: &str) -> bool {
    eq_any(word, HONORIFICS) || super::vocab::is_honorific(word)
}

/// Whether an honorific names a man (`Mr.`, `Sir`) or a woman (`Ms.`,
/// `Mrs.`, `Madam`): two labels with the same surname and honorifics of
/// different kinds are two people.
pub fn honorific_kind(word: &str) -> Option<char> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    match w.as_str() {
        "mr" | "sir" | "monsieur" | "herr" | "señor" | "senor" => Some('m'),
        "ms" | "mrs" | "miss" | "madam" | "madame" | "mme" | "dame" | "frau" | "señora" => {
            Some('f')
        }
        _ => None,
    }
}

/// Does the label start with an office (not just an honorific)?
pub fn starts_with_office(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    OFFICES
        .iter()
        .chain(OFFICE_ABBREVIATIONS)
        .any(|o| *o != "the" && lower.starts_with(o) && lower[o.len()..].starts_with(' '))
}

/// Words that mark the name of a news organisation.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "daily",
    "tv",
    "television",
    "radio",
    "press",
    "agency",
    "network",
    "broadcasting",
    "broadcast",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "gazette",
    "shimbun",
    "bao",
    "pao",
    "channel",
    "media",
    "magazine",
    "review",
    "wire",
    "weekly",
    "monitor",
    "observer",
    "express",
    "mail",
    "chronicle",
    "courier",
    "inquirer",
    "dispatch",
    "bulletin",
    "sentinel",
    "examiner",
    "zeitung",
    "insider",
    "today",
    "globe",
    "guardian",
    "economist",
    "correspondent",
    "newspaper",
    "online",
    "net",
    "xinwen",
    "ribao",
    "politico",
    "podcast",
    "cable",
];

/// Well-known news organisations whose names carry no outlet word.
const KNOWN_OUTLETS: &[&str] = &[
    "reuters",
    "bloomberg",
    "xinhua",
    "afp",
    "ap",
    "associated press",
    "kyodo",
    "nhk",
    "bbc",
    "cnn",
    "cnbc",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "pbs",
    "npr",
    "cctv",
    "cgtn",
    "cnr",
    "cri",
    "crntt",
    "yicai",
    "caixin",
    "phoenix",
    "efe",
    "ansa",
    "dpa",
    "tass",
    "ria novosti",
    "sputnik",
    "al jazeera",
    "yonhap",
    "rtl",
    "zdf",
    "ard",
    "nikkei",
    "asahi",
    "yomiuri",
    "mainichi",
    "sankei",
    "jiji",
    "sky",
    "itv",
    "france 24",
    "rfi",
    "dw",
    "voa",
    "rfa",
    "axios",
    "politico",
    "semafor",
    "newsmax",
    "oan",
    "c-span",
    "euronews",
    "reuters tv",
    "thepaper.cn",
    "sina",
    "sohu",
    "tencent",
    "netease",
    "ifeng",
    "bernama",
    "antara",
    "straits times",
    "channel newsasia",
    "cna",
    "kbs",
    "mbc",
    "sbs",
    "tvb",
    "rthk",
    "now tv",
    "cable tv",
    "i24",
    "ynet",
    "haaretz",
    "tolo",
    "ptv",
    "dawn",
    "the hindu",
    "ndtv",
    "wion",
    "prensa latina",
    "telesur",
    "rt",
    "nyt",
    "wsj",
    "ft",
    "usa today",
    "the hill",
    "ewtn",
    "cbn",
    "univision",
    "telemundo",
    "bnn",
    "ctv",
    "cbc",
    "abc news",
    "global times",
];

/// Words that name a post in government or an organisation: in a label's
/// brackets or after its comma they give the speaker's office, not an
/// outlet (`Jens Stoltenberg (NATO Secretary General)`).
const OFFICE_WORDS: &[&str] = &[
    "minister",
    "ministry",
    "secretary",
    "secretary-general",
    "undersecretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director",
    "director-general",
    "president",
    "vice-president",
    "ambassador",
    "commissioner",
    "governor",
    "mayor",
    "senator",
    "chancellor",
    "premier",
    "administrator",
    "adviser",
    "advisor",
    "counselor",
    "counsellor",
    "envoy",
    "coordinator",
    "chairman",
    "chairwoman",
    "chairperson",
    "official",
    "officer",
    "department",
    "office",
    "agency",
    "cabinet",
    "government",
    "embassy",
    "mission",
];

/// Does `text` name an office (`NATO Spokesperson`, `Transit Director`,
/// `Joint Secretary (Gulf)`)? A news organisation's name never does.
pub fn names_office(text: &str) -> bool {
    !is_news_outlet(text)
        && (starts_with_office(&format!("{} ", text.trim()))
            || text
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| eq_any(w, OFFICE_WORDS)))
}

/// Is `word` one that names a kind of news outlet (`Times`, `News`)?
pub fn is_outlet_word(word: &str) -> bool {
    eq_any(word, OUTLET_WORDS)
}

/// Is `name` a well-known outlet's full name (`Associated Press`)?
pub fn is_known_outlet(name: &str) -> bool {
    eq_any(name.trim(), KNOWN_OUTLETS)
}

/// Does `name` read as a news organisation by its words (a known outlet,
/// an outlet word such as `Times`, a web domain), not by shape alone?
pub fn is_news_outlet(name: &str) -> bool {
    let n = name.trim();
    if n.is_empty() {
        return false;
    }
    if eq_any(n, KNOWN_OUTLETS) {
        return true;
    }
    let lower = n.to_ascii_lowercase();
    if [".com", ".cn", ".net", ".org"]
        .iter()
        .any(|d| lower.ends_with(d))
    {
        return true;
    }
    let words: Vec<&str> = n.split_whitespace().collect();
    (words.len() > 1 && words.iter().any(|w| eq_any(w, OUTLET_WORDS)))
        || (words.len() <= 4
            && words
                .iter()
                .any(|w| eq_any(w, KNOWN_OUTLETS) && w.len() > 2))
}

/// Does `name` read as a news organisation?
pub fn is_outlet(name: &str) -> bool {
    let n = name.trim();
    if is_news_outlet(n) {
        return true;
    }
    // Upper-case initialisms (CCTV, NHK) that are neither offices nor role
    // words. A surname in capitals (PRICE, HILL, and the short KIM, LI,
    // WU, LIM, TAN) has the vowels of a word and two letters (NG) may be
    // a name; an initialism has three letters or more and no vowel.
    // Known outlets with vowels or two letters (AFP, ABC, AP) are listed.
    let vowels = n.chars().filter(|c| "AEIOUY".contains(*c)).count();
    !n.contains(char::is_whitespace)
        && (3..=6).contains(&n.len())
        && n.chars().all(|c| c.is_ascii_uppercase())
        && vowels == 0
        && !is_role_word(n)
        && !eq_any(n, HONORIFICS)
        && title_prefix_len(&format!("{n} X")) == 0
}

/// How a cue in [`DIRECTIONS`] matches a stage direction's words (lower
/// case, without a final `.` or `:`).
#[derive(Clone, Copy)]
enum Cue {
    /// A stem at the start: `laugh` for laughs and laughter.
    Stem(&'static str),
    /// Whole words at the start, so `(Sicily)` is not `sic`.
    Words(&'static str),
    /// Whole words after an opening or closing word, if any (`BEGIN VIDEO
    /// CLIP`, `END VIDEOTAPE`, `END OF SOUNDBITE`).
    After(&'static str),
    /// One capitalised language word after `speaks` or `speaking`.
    SpeaksALanguage,
}

use Cue::{After, SpeaksALanguage, Stem, Words};

/// The words that open or close a cue ([`Cue::After`]).
const CUE_OPENERS: &[&str] = &["begin ", "beginning of ", "end of ", "end ", "start of "];

/// Stage-direction cues and their kinds; the first cue that matches
/// decides.
const DIRECTIONS: &[(Cue, EventKind)] = &[
    (Stem("laugh"), EventKind::Laughter),
    (Stem("chuckl"), EventKind::Laughter),
    (Stem("giggl"), EventKind::Laughter),
    (Stem("applause"), EventKind::Applause),
    (Stem("applau"), EventKind::Applause),
    (Stem("cheer"), EventKind::Applause),
    (Stem("clapping"), EventKind::Applause),
    (Stem("crosstalk"), EventKind::Crosstalk),
    (Stem("cross-talk"), EventKind::Crosstalk),
    (Stem("cross talk"), EventKind::Crosstalk),
    (Stem("overlapping"), EventKind::Crosstalk),
    (Stem("simultaneous"), EventKind::Crosstalk),
    (Stem("interruption"), EventKind::Crosstalk),
    (Stem("interrupted"), EventKind::Crosstalk),
    (Stem("interrupting"), EventKind::Crosstalk),
    (Stem("inaudible"), EventKind::Inaudible),
    (Stem("unintelligible"), EventKind::Inaudible),
    (Stem("indiscernible"), EventKind::Inaudible),
    (Stem("unclear"), EventKind::Inaudible),
    (Stem("off-mic"), EventKind::Inaudible),
    (Stem("off mic"), EventKind::Inaudible),
    (Stem("off-mike"), EventKind::Inaudible),
    (Stem("off mike"), EventKind::Inaudible),
    (Stem("audio gap"), EventKind::Inaudible),
    (Stem("audio cut"), EventKind::Inaudible),
    (Stem("no audio"), EventKind::Inaudible),
    (Stem("technical difficult"), EventKind::Inaudible),
    (Stem("as interpreted"), EventKind::Interpretation),
    (Stem("interpreted"), EventKind::Interpretation),
    (Stem("through an interpreter"), EventKind::Interpretation),
    (Stem("through interpreter"), EventKind::Interpretation),
    (Stem("through a translator"), EventKind::Interpretation),
    (Stem("through translator"), EventKind::Interpretation),
    (Stem("via interpreter"), EventKind::Interpretation),
    (Stem("via translator"), EventKind::Interpretation),
    (Stem("in translation"), EventKind::Interpretation),
    (Stem("as translated"), EventKind::Interpretation),
    (Stem("speaks in"), EventKind::Interpretation),
    (Stem("speaking in"), EventKind::Interpretation),
    (Stem("translated"), EventKind::Interpretation),
    (Stem("interpretation"), EventKind::Interpretation),
    (SpeaksALanguage, EventKind::Interpretation),
    (After("video"), EventKind::Video),
    (After("videotape"), EventKind::Video),
    (After("videoclip"), EventKind::Video),
    (After("clip"), EventKind::Video),
    (After("tape"), EventKind::Video),
    (After("film"), EventKind::Video),
    (Words("video plays"), EventKind::Video),
    (After("commercial break"), EventKind::Break),
    (After("commercial"), EventKind::Break),
    (After("station break"), EventKind::Break),
    (After("break"), EventKind::Break),
    (After("recess"), EventKind::Break),
    (After("intermission"), EventKind::Break),
    (After("soundbite"), EventKind::Sound),
    (After("sound bite"), EventKind::Sound),
    (After("sound of"), EventKind::Sound),
    (After("audio clip"), EventKind::Sound),
    (After("audio playback"), EventKind::Sound),
    (After("music"), EventKind::Sound),
    (Words("phone rings"), EventKind::Sound),
    (Words("cellphone"), EventKind::Sound),
    (Words("cell phone"), EventKind::Sound),
    (Words("a cellphone"), EventKind::Sound),
    (Words("a cell phone"), EventKind::Sound),
    (Words("bell"), EventKind::Sound),
    (Words("gavel"), EventKind::Sound),
    (Words("noise"), EventKind::Sound),
    (Words("siren"), EventKind::Sound),
    (Stem("paus"), EventKind::Pause),
    (Words("long pause"), EventKind::Pause),
    (Words("silence"), EventKind::Pause),
    (Words("no response"), EventKind::Pause),
    (Words("booing"), EventKind::Other),
    (Words("boos"), EventKind::Other),
    (Words("sighs"), EventKind::Other),
    (Words("coughs"), EventKind::Other),
    (Words("end of"), EventKind::Other),
    (Words("beginning of"), EventKind::Other),
    (Words("begin"), EventKind::Other),
    (Words("sic"), EventKind::Other),
];

/// Classify a stage direction's words (`Laughter`, `crosstalk 00:17:55`,
/// `END VIDEO CLIP`, `SOUNDBITE OF MUSIC`) by the first of the
/// [`DIRECTIONS`] that matches. The kinds: laughter, applause, crosstalk
/// (including interruptions), inaudible (including off-mike),
/// interpretation (`As interpreted`, `Speaks in French`), video (clips and
/// tapes rolled in a broadcast), break (commercial breaks, recesses), sound
/// (soundbites, music, phones, bells), pause (pauses, silence, no
/// response), and other for the rest that is still plainly a direction
/// (`[sic]`, `coughs`, `booing`).
pub fn stage_direction_kind(inner: &str) -> Option<EventKind> {
    let l = inner
        .trim()
        .trim_end_matches(['.', ':'])
        .trim()
        .to_lowercase();
    let whole = |s: &str, p: &str| {
        s.strip_prefix(p)
            .is_some_and(|r| !r.starts_with(char::is_alphabetic))
    };
    let cue = CUE_OPENERS
        .iter()
        .find_map(|p| l.strip_prefix(p))
        .unwrap_or(&l);
    let matches = |c: Cue| match c {
        Stem(p) => l.starts_with(p),
        Words(p) => whole(&l, p),
        After(p) => whole(cue, p),
        SpeaksALanguage => speaks_a_language(inner),
    };
    DIRECTIONS
        .iter()
        .find(|&&(c, _)| matches(c))
        .map(|&(_, kind)| kind)
}

/// `Speaks Korean`, `speaking French`: one capitalised language word
/// after the verb (the `speaks in` form is matched by its words).
fn speaks_a_language(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .trim()
        .trim_end_matches('.')
        .split_whitespace()
        .collect();
    words.len() == 2
        && ["speaks", "speaking"].contains(&words[0].to_lowercase().as_str())
        && words[1].chars().next().is_some_and(char::is_uppercase)
}

pub fn is_stage_direction_words(inner: &str) -> bool {
    stage_direction_kind(inner).is_some()
}

/// Two names that differ by one substituted, inserted, deleted or swapped letter.
pub fn one_letter_apart(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_letter_apart_ascii(a.as_bytes(), b.as_bytes());
    }
    one_letter_apart_chars(a, b)
}

fn one_letter_apart_chars(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 || a.len() < 4 {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 1
            || (diff.len() == 2
                && diff[1] == diff[0] + 1
                && a[diff[0]] == b[diff[1]]
                && a[diff[1]] == b[diff[0]]);
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    short[i..] == long[i + 1..]
}

/// [`one_letter_apart`] for ASCII, where lower-casing keeps every length:
/// the same test on bytes, ignoring case, without allocating (it runs for
/// every pair of speakers and every unknown label).
fn one_letter_apart_ascii(a: &[u8], b: &[u8]) -> bool {
    let eq = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    if a.len().abs_diff(b.len()) > 1 || a.len() < 4 || a.eq_ignore_ascii_case(b) {
        return false;
    }
    if a.len() == b.len() {
        let mut diff = (0..a.len()).filter(|&i| !eq(a[i], b[i]));
        return match (diff.next(), diff.next(), diff.next()) {
            (Some(_), None, _) => true,
            (Some(i), Some(j), None) => j == i + 1 && eq(a[i], b[j]) && eq(a[j], b[i]),
            _ => false,
        };
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let mut i = 0;
    while i < short.len() && eq(short[i], long[i]) {
        i += 1;
    }
    short[i..].eq_ignore_ascii_case(&long[i + 1..])
}

/// Prompts that ask for an answer without a question mark, as
/// interviewers and moderators put them: "Tell us about the plan.",
/// "Walk me through the numbers."
const PROMPTS: &[&str] = &[
    "tell us",
    "tell me",
    "walk us through",
    "walk me through",
    "take us through",
    "take me through",
    "talk about",
    "talk us through",
    "talk to us about",
    "talk me through",
    "explain",
    "describe",
    "help us understand",
    "help me understand",
    "give us a sense",
    "give me a sense",
    "paint a picture",
    "expand on",
    "elaborate on",
    "say more about",
    "what about",
    "how about",
];

/// Does `text` open with a prompt for an answer ([`PROMPTS`]), perhaps
/// after a name or a courtesy (`So, tell us...`, `Minister, walk us...`)?
pub fn opens_with_prompt(text: &str) -> bool {
    // The first 60 characters, compared without case and without a copy:
    // the prompts are ASCII. This runs for every sentence of every turn
    // that holds no question mark.
    let end = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let starts = |s: &str| {
        PROMPTS.iter().any(|p| {
            s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                && s[p.len()..].starts_with([' ', ',', '.'])
        })
    };
    if starts(head) {
        return true;
    }
    // One short address or courtesy before the prompt: `Now, tell us`.
    head.split_once(", ")
        .is_some_and(|(before, after)| before.split_whitespace().count() <= 3 && starts(after))
}

/// Is `word` an office word misspelled by one letter (`ADMINSTRATOR`),
/// as sources often print it? Only words of seven letters or more.
pub fn misspelled_office(word: &str) -> bool {
    let w = word.to_lowercase();
    w.chars().count() >= 7
        && OFFICES
            .iter()
            .any(|o| !o.contains(' ') && o.len() >= 7 && *o != w && one_letter_apart(o, &w))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII shortcut answers as the general test does.
        #[test]
        fn one_letter_apart_ascii_is_the_general_test(
            a in "[abAB ]{0,7}",
            b in "[abAB ]{0,7}",
            base in "[a-zA-Z .'-]{3,12}",
            edit in 0usize..40,
        ) {
            proptest::prop_assert_eq!(
                one_letter_apart_ascii(a.as_bytes(), b.as_bytes()),
                one_letter_apart_chars(&a, &b)
            );
            // Near misses of a real name: one byte changed, dropped or swapped.
            let mut near = base.clone().into_bytes();
            let i = edit % near.len();
            match edit % 4 {
                0 => near[i] = b'x',
                1 => { near.remove(i); }
                2 if i + 1 < near.len() => near.swap(i, i + 1),
                _ => near[i] = near[i].to_ascii_uppercase(),
            }
            let near = String::from_utf8(near).unwrap();
            proptest::prop_assert_eq!(
                one_letter_apart_ascii(base.as_bytes(), near.as_bytes()),
                one_letter_apart_chars(&base, &near)
            );
            proptest::prop_assert_eq!(
                one_letter_apart_ascii(near.as_bytes(), base.as_bytes()),
                one_letter_apart_chars(&near, &base)
            );
        }
    }

    #[test]
    fn title_prefixes() {
        assert_eq!(title_prefix_len("MS. PSAKI"), 4);
        assert_eq!(
            title_prefix_len("Deputy Prime Minister Jane Roe"),
            "Deputy Prime Minister ".len()
        );
        assert_eq!(title_prefix_len("THE PRESIDENT"), 4);
        assert_eq!(title_prefix_len("SECRETARY MAYORKAS"), "SECRETARY ".len());
        assert_eq!(title_prefix_len("Xiao Yaqing"), 0);
    }

    #[test]
    fn outlets() {
        for o in [
            "CCTV",
            "Reuters",
            "New York Times",
            "Thecover.cn",
            "Red Star News",
            "Economic Daily",
            "Asahi Shimbun",
            "Ta Kung Pao",
            "Phoenix TV",
        ] {
            assert!(is_outlet(o), "{o}");
        }
        for o in ["Xiao Yaqing", "Tian Yulong", "MR", "DR", "Q"] {
            assert!(!is_outlet(o), "{o}");
        }
    }

    #[test]
    fn roles_of_words() {
        assert_eq!(role_of_word("MODERATOR"), Some(Role::Chair));
        assert_eq!(role_of_word("Speaker 2"), Some(Role::Other));
        assert_eq!(
            role_of_word("SENIOR ADMINISTRATION OFFICIAL ONE"),
            Some(Role::Official)
        );
        assert_eq!(role_of_word("新华社记者"), Some(Role::Journalist));
        assert_eq!(role_of_word("Jane"), None);
    }

    #[test]
    fn stage_directions() {
        use EventKind::*;
        assert_eq!(stage_direction_kind("Laughter."), Some(Laughter));
        assert_eq!(stage_direction_kind("crosstalk 00:17:55"), Some(Crosstalk));
        assert_eq!(
            stage_direction_kind("As interpreted."),
            Some(Interpretation)
        );
        assert_eq!(stage_direction_kind("the Minister"), None);
        for (cue, kind) in [
            ("Applause", Applause),
            ("Inaudible", Inaudible),
            ("BEGIN VIDEO CLIP", Video),
            ("END VIDEOCLIP", Video),
            ("END VIDEOTAPE", Video),
            ("COMMERCIAL BREAK", Break),
            ("BREAK", Break),
            ("SOUNDBITE OF ARCHIVED RECORDING", Sound),
            ("SOUNDBITE OF MUSIC", Sound),
            ("MUSIC", Sound),
            ("Off-mike.", Inaudible),
            ("Pause", Pause),
            ("Interruption", Crosstalk),
            ("Speaks in French", Interpretation),
            ("Speaks Korean.", Interpretation),
            ("sic", Other),
            ("END OF", Other),
        ] {
            assert_eq!(stage_direction_kind(cue), Some(kind), "{cue}");
        }
        for text in [
            "Speaks to the press about the budget",
            "Tapes were found",
            "Musicians",
        ] {
            assert_ne!(stage_direction_kind(text), Some(Interpretation), "{text}");
        }
        assert_eq!(stage_direction_kind("Sicily"), None);
    }

    #[test]
    fn header_fields() {
        use HeaderField::*;
        for (kw, field) in [
            ("Speakers:", Participants),
            ("CHAIR", Chair),
            ("Date", Date),
            ("Time", Time),
            ("Venue", Place),
            ("Subject", Title),
            ("Topics", Subjects),
            ("From", Email),
            ("Sent", Date),
            ("Source", SourceUrl),
            ("主持人：", Chair),
            ("发言人", Participants),
            ("日期", Date),
            ("地点", Place),
        ] {
            assert_eq!(header_field(kw), Some(field), "{kw}");
        }
        assert_eq!(header_field("Jane"), None);
    }
}
