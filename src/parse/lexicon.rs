//! Word lists the parser consults: honorifics and offices, role words,
//! news-outlet words, header field names, stage directions.
//!
//! These are general facts about how transcripts are written in English
//! (and a few Chinese forms), never names taken from one transcript. All
//! look-ups are case-insensitive. Data only: no parsing decisions here.

use crate::model::Role;
use std::sync::LazyLock;

fn eq_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
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
/// `First:`, `Note:`, `Ladies and gentlemen:`.
pub fn is_sentence_opener(word: &str) -> bool {
    const LIST: &[&str] = &[
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
    // `Question` alone is a role word; checked by the caller.
    eq_any(clean(word), LIST)
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
    eq_any(label, LIST)
}

/// Names of header fields that introduce participants or metadata.
pub fn header_field(label: &str) -> Option<&'static str> {
    let l = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_ascii_lowercase();
    Some(match l.as_str() {
        "speakers" | "speaker" | "participants" | "panelists" | "panellists" | "panel"
        | "guests" | "attendees" | "officials" | "briefers" | "interviewees" | "guest"
        | "witness" | "witnesses" => "participants",
        "chairperson" | "chair" | "chairman" | "chairwoman" | "moderator" | "moderators"
        | "host" | "hosts" | "presenter" | "presided by" | "chaired by" | "moderated by" => "chair",
        "date" => "date",
        "time" => "time",
        "venue" | "location" | "place" => "place",
        "title" | "subject" | "topic" | "event" => "title",
        "subjects" | "topics" | "issues discussed" | "topics discussed" => "subjects",
        // An email's envelope (`Subject:` is the title, `Sent:` the date).
        "from" | "to" | "cc" | "bcc" => "email",
        "sent" => "date",
        "source" | "url" => "source_url",
        "主持人" => "chair",
        "发布人" | "发言人" | "嘉宾" => "participants",
        "日期" | "时间" => "date",
        "地点" => "place",
        _ => return None,
    })
}

/// A label that names a role, not a person, and the role it implies.
pub fn role_of_word(label: &str) -> Option<Role> {
    let l = label.trim().to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    Some(match l {
        "q"
        | "question"
        | "questioner"
        | "reporter"
        | "journalist"
        | "press"
        | "audience member"
        | "audience question"
        | "correspondent"
        | "interviewer"
        | "media"
        | "unidentified reporter"
        | "the press"
        | "reporters"
        | "journalists"
        | "member of the press"
        | "members of the press"
        | "remark"
        | "remark from the floor"
        | "question from the floor" => Role::Journalist,
        "moderator"
        | "chair"
        | "chairperson"
        | "chairman"
        | "chairwoman"
        | "host"
        | "co-host"
        | "presenter"
        | "anchor"
        | "operator"
        | "emcee"
        | "mc"
        | "master of ceremonies"
        | "the moderator"
        | "the operator"
        | "the host"
        | "the chair"
        | "coordinator" => Role::Chair,
        "interpreter"
        | "audience"
        | "translator"
        | "the interpreter"
        | "voice"
        | "voices"
        | "crowd"
        | "group"
        | "all"
        | "unidentified speaker"
        | "unidentified male"
        | "unidentified female"
        | "unidentified man"
        | "unidentified woman"
        | "unidentified participant"
        | "unidentified person"
        | "male speaker"
        | "female speaker"
        | "man"
        | "woman"
        | "panelist"
        | "member"
        | "participant"
        | "unidentified"
        | "unknown"
        | "speaker"
        | "multiple speakers"
        | "several speakers"
        | "narrator"
        | "announcer"
        | "video" => Role::Other,
        "a"
        | "answer"
        | "pm"
        | "the pm"
        | "dpm"
        | "vp"
        | "fm"
        | "spokesperson"
        | "spokesman"
        | "spokeswoman"
        | "the president"
        | "the vice president"
        | "the prime minister"
        | "the first lady"
        | "the secretary"
        | "the minister"
        | "the chancellor"
        | "the king"
        | "the queen"
        | "official"
        | "senior administration official"
        | "senior state department official"
        | "senior official"
        | "administration official"
        | "white house official"
        | "senior defense official"
        | "senior military official"
        | "white house aide"
        | "aide"
        | "staff"
        | "interviewee"
        | "guest"
        | "press secretary" => Role::Official,
        "发言人" | "新闻发言人" => Role::Official,
        "记者" | "提问" | "问" => Role::Journalist,
        "主持人" => Role::Chair,
        "答" => Role::Official,
        "翻译" => Role::Other,
        _ => {
            // `Speaker 2`, `Senior Administration Official One`, `Reporter 3`.
            let mut words: Vec<&str> = l.split_whitespace().collect();
            if words.len() >= 2 && is_ordinal_tag(words[words.len() - 1]) {
                words.pop();
                return role_of_word(&words.join(" "));
            }
            if l.ends_with("记者") {
                return Some(Role::Journalist);
            }
            // `MOERATOR`: a role word with a letter wrong is still that role.
            for word in [
                "moderator",
                "operator",
                "interpreter",
                "question",
                "reporter",
                "journalist",
                "presenter",
            ] {
                if one_letter_apart(l, word) {
                    return role_of_word(word);
                }
            }
            return None;
        }
    })
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

/// Honorifics, offices and their abbreviations by their first byte, lower
/// case: `title_prefix_len` runs for every line that may be a label, and
/// compares only the phrases that can match.
static PREFIXES_BY_FIRST_BYTE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for phrase in HONORIFICS.iter().chain(OFFICES).chain(OFFICE_ABBREVIATIONS) {
        if let Some(b) = phrase.as_bytes().first() {
            by_first[usize::from(b.to_ascii_lowercase())].push(*phrase);
        }
    }
    by_first
});

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
            let n = phrase.len();
            if rest.len() > n
                && rest.is_char_boundary(n)
                && rest[..n].eq_ignore_ascii_case(phrase)
                && rest[n..].starts_with(' ')
                && n > best
            {
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
    eq_any(word, HONORIFICS)
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

/// Classify a stage direction's words (`Laughter`, `crosstalk 00:17:55`,
/// `END VIDEO CLIP`, `SOUNDBITE OF MUSIC`). The kinds: `laughter`,
/// `applause`, `crosstalk` (including interruptions), `inaudible`
/// (including off-mike), `interpretation` (`As interpreted`, `Speaks in
/// French`), `video` (clips and tapes rolled in a broadcast), `break`
/// (commercial breaks, recesses), `sound` (soundbites, music, phones,
/// bells), `pause` (pauses, silence, no response), and `other` for the
/// rest that is still plainly a direction (`[sic]`, `coughs`, `booing`).
pub fn stage_direction_kind(inner: &str) -> Option<&'static str> {
    let l = inner
        .trim()
        .trim_end_matches(['.', ':'])
        .trim()
        .to_lowercase();
    // Stems (`laugh` for laughs, laughter) match a word's start; other
    // cues must be whole words, so `(Sicily)` is not `sic`.
    let starts = |p: &str| l.starts_with(p);
    let whole = |s: &str, p: &str| {
        s.strip_prefix(p)
            .is_some_and(|r| !r.starts_with(char::is_alphabetic))
    };
    let word = |p: &str| whole(&l, p);
    // `BEGIN VIDEO CLIP`, `END VIDEOTAPE`, `END OF SOUNDBITE`: the cue
    // after its opening or closing word.
    let cue = ["begin ", "beginning of ", "end of ", "end ", "start of "]
        .iter()
        .find_map(|p| l.strip_prefix(p))
        .unwrap_or(&l);
    let cue_word = |p: &str| whole(cue, p);
    Some(if starts("laugh") || starts("chuckl") || starts("giggl") {
        "laughter"
    } else if starts("applause") || starts("applau") || starts("cheer") || starts("clapping") {
        "applause"
    } else if starts("crosstalk")
        || starts("cross-talk")
        || starts("cross talk")
        || starts("overlapping")
        || starts("simultaneous")
        || starts("interruption")
        || starts("interrupted")
        || starts("interrupting")
    {
        "crosstalk"
    } else if starts("inaudible")
        || starts("unintelligible")
        || starts("indiscernible")
        || starts("unclear")
        || starts("off-mic")
        || starts("off mic")
        || starts("off-mike")
        || starts("off mike")
        || starts("audio gap")
        || starts("audio cut")
        || starts("no audio")
        || starts("technical difficult")
    {
        "inaudible"
    } else if starts("as interpreted")
        || starts("interpreted")
        || starts("through an interpreter")
        || starts("through interpreter")
        || starts("through a translator")
        || starts("through translator")
        || starts("via interpreter")
        || starts("via translator")
        || starts("in translation")
        || starts("as translated")
        || starts("speaks in")
        || starts("speaking in")
        || starts("translated")
        || starts("interpretation")
        || speaks_a_language(inner)
    {
        "interpretation"
    } else if cue_word("video")
        || cue_word("videotape")
        || cue_word("videoclip")
        || cue_word("clip")
        || cue_word("tape")
        || cue_word("film")
        || word("video plays")
    {
        "video"
    } else if cue_word("commercial break")
        || cue_word("commercial")
        || cue_word("station break")
        || cue_word("break")
        || cue_word("recess")
        || cue_word("intermission")
    {
        "break"
    } else if cue_word("soundbite")
        || cue_word("sound bite")
        || cue_word("sound of")
        || cue_word("audio clip")
        || cue_word("audio playback")
        || cue_word("music")
        || word("phone rings")
        || word("cellphone")
        || word("cell phone")
        || word("a cellphone")
        || word("a cell phone")
        || word("bell")
        || word("gavel")
        || word("noise")
        || word("siren")
    {
        "sound"
    } else if starts("paus") || word("long pause") || word("silence") || word("no response") {
        "pause"
    } else if word("booing")
        || word("boos")
        || word("sighs")
        || word("coughs")
        || word("end of")
        || word("beginning of")
        || word("begin")
        || word("sic")
    {
        "other"
    } else {
        return None;
    })
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
    let head: String = text.chars().take(60).collect::<String>().to_lowercase();
    let starts = |s: &str| {
        PROMPTS
            .iter()
            .any(|p| s.starts_with(p) && s[p.len()..].starts_with([' ', ',', '.']))
    };
    if starts(&head) {
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
        assert_eq!(stage_direction_kind("Laughter."), Some("laughter"));
        assert_eq!(
            stage_direction_kind("crosstalk 00:17:55"),
            Some("crosstalk")
        );
        assert_eq!(
            stage_direction_kind("As interpreted."),
            Some("interpretation")
        );
        assert_eq!(stage_direction_kind("the Minister"), None);
        for (cue, kind) in [
            ("BEGIN VIDEO CLIP", "video"),
            ("END VIDEOCLIP", "video"),
            ("END VIDEOTAPE", "video"),
            ("COMMERCIAL BREAK", "break"),
            ("BREAK", "break"),
            ("SOUNDBITE OF ARCHIVED RECORDING", "sound"),
            ("SOUNDBITE OF MUSIC", "sound"),
            ("MUSIC", "sound"),
            ("Off-mike.", "inaudible"),
            ("Pause", "pause"),
            ("Interruption", "crosstalk"),
            ("Speaks in French", "interpretation"),
            ("Speaks Korean.", "interpretation"),
            ("sic", "other"),
        ] {
            assert_eq!(stage_direction_kind(cue), Some(kind), "{cue}");
        }
        for text in [
            "Speaks to the press about the budget",
            "Tapes were found",
            "Musicians",
        ] {
            assert_ne!(stage_direction_kind(text), Some("interpretation"), "{text}");
        }
    }
}
