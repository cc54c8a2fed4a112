//! Q&A exchanges, and the roles the conversation itself reveals.
//!
//! Works on turns whose speakers are already resolved: it groups each
//! journalist's question with the turns that answer it, infers roles that
//! neither the header nor the label decided, and reads a moderator's
//! hand-off ("our next question goes to Andrea Mitchell with NBC"). It never
//! changes a label, a line or a text.

use crate::decision::{Evidence, RoleRule};
use crate::model::{Exchange, Role, Turn};
use regex::Regex;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Key that groups turns by speaker for statistics.
pub(crate) fn who(turn: &Turn) -> String {
    turn.speaker
        .as_deref()
        .or(turn.outlet.as_deref())
        .unwrap_or(&turn.label)
        .to_lowercase()
}

/// Question marks of the scripts transcripts are written in (Latin and
/// Cyrillic, full-width CJK, Arabic).
const QUESTION_MARKS: &[char] = &['?', '？', '؟'];

/// Does the turn ask something: a question mark, or a sentence that opens
/// with a prompt for an answer ("Tell us about...", "Walk me through...")?
pub(crate) fn asks(turn: &Turn) -> bool {
    turn.text.contains(QUESTION_MARKS) || prompts(&turn.text)
}

/// Does a sentence of `text` open with a prompt that asks without a
/// question mark (an interviewer's imperative)?
fn prompts(text: &str) -> bool {
    let mut at_start = true;
    let mut rest = text;
    while !rest.is_empty() {
        if at_start && super::lexicon::opens_with_prompt(rest) {
            return true;
        }
        let Some(end) = rest.find(['.', '!', '\n', ':']) else {
            break;
        };
        rest = rest[end + 1..].trim_start();
        at_start = true;
    }
    false
}

/// Does the turn end by asking (its last sentence is a question)?
fn asks_at_end(turn: &Turn) -> bool {
    let text = turn.text.trim_end();
    let last = text
        .rfind(['.', '!', '?', '？', '。', '؟'])
        .and_then(|end| text[..end].rfind(['.', '!', '?', '？', '。', '؟']))
        .map_or(text, |start| {
            let mark = text[start..].chars().next().map_or(1, char::len_utf8);
            &text[start + mark..]
        });
    last.contains(QUESTION_MARKS)
}

/// Give a role to each turn whose role is still unknown (`None`), from the
/// conversation's structure. `has_roster` says the header listed the
/// people on the podium: then anyone else is a questioner.
pub fn infer_roles(turns: &mut [Turn], unknown: &[Option<Role>], has_roster: bool) {
    if unknown.iter().all(Option::is_none) {
        return;
    }
    // Per speaker: turns, and turns that ask.
    let mut stats: HashMap<String, (usize, usize)> = HashMap::new();
    for (t, _) in turns.iter().zip(unknown).filter(|(_, u)| u.is_some()) {
        let s = stats.entry(who(t)).or_default();
        s.0 += 1;
        s.1 += asks(t) as usize;
    }
    // An interviewer asks less often than a reporter at a press
    // conference, but more often than anyone who answers.
    let ratio = |s: &(usize, usize)| s.1 as f64 / s.0.max(1) as f64;
    let clear_questioner = stats.values().any(|s| ratio(s) >= 0.5 && s.1 > 0);
    // Per speaker: turns that follow another speaker's question.
    let mut replies: HashMap<String, usize> = HashMap::new();
    for w in turns.windows(2) {
        if asks(&w[0]) && who(&w[0]) != who(&w[1]) {
            *replies.entry(who(&w[1])).or_default() += 1;
        }
    }
    for (t, u) in turns.iter_mut().zip(unknown) {
        let Some(fallback) = *u else { continue };
        let s = stats[&who(t)];
        let r = ratio(&s);
        let others_max = stats
            .iter()
            .filter(|(k, v)| **k != who(t) && ratio(v) < 0.5)
            .map(|(_, v)| ratio(v))
            .fold(0.0f64, f64::max);
        let others = stats.len() > 1;
        let questioner = s.1 > 0
            && (r >= 0.5 || (!clear_questioner && others && r >= 0.25 && r >= 2.0 * others_max));
        // A numbered voice (`Speaker 1`) that replies to questions is the
        // podium's, not a bystander.
        let answers_questions = fallback == Role::Other
            && !questioner
            && numbered_voice(&t.label)
            && replies.get(&who(t)).is_some_and(|&n| n > 0);
        t.role = if has_roster || questioner {
            Role::Journalist
        } else if answers_questions {
            Role::Official
        } else {
            fallback
        };
        t.decision.push(if has_roster {
            Evidence::NotListedSoAsks
        } else if questioner {
            Evidence::Asks
        } else {
            Evidence::Answers
        });
    }
}

/// `Speaker 1`, `SPEAKER 2`: a transcription service's numbered voice.
fn numbered_voice(label: &str) -> bool {
    label
        .rsplit_once(' ')
        .is_some_and(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// An official who never answers a question, only gives the floor in short
/// turns (a press secretary running a joint press conference), chairs it.
/// Roles from the header or from a role word (`MODERATOR`) are left alone.
pub fn infer_chairs(turns: &mut [Turn]) {
    // Each turn's speaker as `who` names them, once: the passes below
    // change roles only.
    let keys: Vec<String> = turns.iter().map(who).collect();
    let mut stats: HashMap<&str, Podium> = HashMap::new();
    for i in 0..turns.len() {
        let t = &turns[i];
        if t.role != Role::Official {
            continue;
        }
        let s = stats.entry(&keys[i]).or_default();
        s.turns += 1;
        // An interpreter may relay the question first: the turn after
        // the relay still answers it.
        let asked = turns[..i]
            .iter()
            .rev()
            .find(|p| p.role != Role::Other)
            .is_some_and(|p| p.role == Role::Journalist);
        s.answered += asked as usize;
        s.gave += turns.get(i + 1).is_some_and(|n| n.role == Role::Journalist) as usize;
    }
    let answerers = stats.values().filter(|s| s.answered > 0).count();
    let opener = keys.first().map(String::as_str);
    let closer = keys.last().map(String::as_str);
    let edge = |i: usize| opener == Some(&keys[i]) || closer == Some(&keys[i]);
    // `CHAIR BAUER`, `Chairwoman Brennan`: the label says who chairs;
    // opening or closing the event in short turns confirms it (a `CHAIR
    // ROUSE` of an economic council answers at length, mid-way, and stays
    // an official).
    let chair_titled = |t: &Turn, i: usize| {
        t.title
            .as_deref()
            .is_some_and(|x| super::lexicon::role_of_word(x) == Some(Role::Chair))
            && edge(i)
    };
    // Only who may chair needs a word count (one who answered nothing, or
    // a chair by title at an edge): most words are answers, not counted.
    for (i, t) in turns.iter().enumerate() {
        if t.role == Role::Official && chair_titled(t, i) {
            stats
                .get_mut(keys[i].as_str())
                .expect("an official's stats")
                .counted = true;
        }
    }
    for (i, t) in turns.iter().enumerate() {
        if t.role != Role::Official {
            continue;
        }
        let s = stats
            .get_mut(keys[i].as_str())
            .expect("an official's stats");
        if s.answered == 0 || s.counted {
            s.words += t.words();
        }
    }
    let callers = callers(turns, &keys, &stats);
    for i in 0..turns.len() {
        let t = &turns[i];
        if t.role != Role::Official || t.decision.role_rule() == RoleRule::ListedInHeader {
            continue;
        }
        let Some(s) = stats.get(keys[i].as_str()) else {
            continue;
        };
        let short = || s.words <= 60 * s.turns;
        // `PORTAVOCE: ... Prego, Ansa.`, `Д.Громов: «Россия», пожалуйста.`:
        // whoever calls on reporters and never answers chairs, whatever
        // the label's word.
        if answerers > 0 && s.answered == 0 && short() && callers.contains(keys[i].as_str()) {
            turns[i].role = Role::Chair;
            turns[i].decision.push(Evidence::CallsOnReporters);
            continue;
        }
        if t.decision.role_rule() == RoleRule::RoleWord {
            continue;
        }
        if chair_titled(t, i) && short() {
            turns[i].role = Role::Chair;
            turns[i].decision.push(Evidence::TitledChair);
        } else if answerers > 0
            && s.answered == 0
            && s.gave > 0
            && short()
            && !lone_aside(t, s.turns, edge(i))
        {
            turns[i].role = Role::Chair;
            turns[i].decision.push(Evidence::GivesFloor);
        }
    }
}

/// What [`infer_chairs`] counts of one official's turns.
#[derive(Default)]
struct Podium {
    turns: usize,
    /// Words in them; counted only for who may chair.
    words: usize,
    /// A chair by title at an edge: words counted though they answer.
    counted: bool,
    /// Turns that follow a question.
    answered: usize,
    /// Turns a reporter speaks after.
    gave: usize,
}

/// Speakers (by [`who`]) of official turns that call on a reporter by
/// name or outlet, among those who never answer.
fn callers<'k>(
    turns: &[Turn],
    keys: &'k [String],
    stats: &HashMap<&str, Podium>,
) -> HashSet<&'k str> {
    turns
        .iter()
        .zip(keys)
        .filter(|(t, _)| t.role == Role::Official)
        .filter(|(_, k)| stats.get(k.as_str()).is_some_and(|s| s.answered == 0))
        .filter(|(t, _)| handoff(&t.text).is_some())
        .map(|(_, k)| k.as_str())
        .collect()
}

/// The one turn of a speaker (`n` turns) who neither opens nor closes the
/// event (`edge`) and gives no floor by any word (`SOTTOSEGRETARIO
/// FANTONI: Confermo: ...`, adding to an answer): too little to make a
/// chair of them.
fn lone_aside(t: &Turn, n: usize, edge: bool) -> bool {
    n == 1 && !edge && handoff(&t.text).is_none()
}

/// A name: up to three capitalised words.
const NAME: &str = r"(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})";
/// An outlet: capitalised words, with `of`/`the`/`and` inside.
const OUTLET: &str = r"(?P<outlet>[A-Z][\w'.&-]*(?:\s+(?:[A-Z][\w'.&-]*|of|the|and|\d+)){0,5})";

/// "we'll go to Jeff Mason with Reuters", "let's start with Anne Gearan
/// from The Washington Post", "Mr. Ito of NHK, please", "Laura Chen,
/// Bloomberg."
///
/// ASCII patterns (`(?-u)`) compile in a fraction of a millisecond where
/// Unicode classes in bounded repeats took ten; they read the text through
/// [`ascii_shadow`], which gives the same matches at the same offsets.
static HANDOFFS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    handoff_patterns()
        .iter()
        .map(|re| Regex::new(re).expect("hand-off pattern"))
        .collect()
});

fn handoff_patterns() -> [String; 3] {
    let verbs =
        r"(?:go(?:es|ing)?|turn|come|move|start|begin|call\s+on|hear\s+from|recognize|take)";
    let honor = r"(?:(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+)?";
    [
        format!(
            r"(?-u)\b{verbs}\s+(?:back\s+|over\s+|now\s+|first\s+)?(?:to|with)?\s*(?:the\s+line\s+of\s+)?{honor}{NAME}\s*,?\s+(?:with|from|of|at)\s+(?:the\s+)?{OUTLET}"
        ),
        format!(
            r"(?-u)(?:^|[.!?]\s+){honor}{NAME}\s+(?:of|from|with|at)\s+(?:the\s+)?{OUTLET}(?:,\s*please)?[.!]?$"
        ),
        format!(r"(?-u)(?:^|[.!?,]\s+){honor}{NAME},\s+{OUTLET}[.!]?$"),
    ]
}

/// Unicode decimal digits beyond ASCII (`٣`): compiled only when a text
/// holds a non-ASCII numeral.
static UNICODE_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\d\z").expect("digit pattern"));

/// `text` as the ASCII hand-off patterns must see it to match as Unicode
/// `\w`, `\d`, `\s` and `\b` would: every byte of a non-ASCII character
/// becomes an ASCII byte of the same class (`a` a word character, `0` a
/// digit, a space, `'` for `’`, `#` anything else), so offsets and
/// matches are the same. ASCII text is read as it is.
fn ascii_shadow(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Runs of ASCII are copied whole; only the other characters decoded.
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        out.push_str(&rest[..at]);
        let Some(c) = rest[at..].chars().next() else {
            break;
        };
        rest = &rest[at + c.len_utf8()..];
        let class = if c == '’' {
            '\''
        } else if c.is_whitespace() {
            ' '
        } else if regex_syntax::is_word_character(c) {
            let mut buf = [0; 4];
            if c.is_numeric() && UNICODE_DIGIT.is_match(c.encode_utf8(&mut buf)) {
                '0'
            } else {
                'a'
            }
        } else {
            '#'
        };
        out.extend(std::iter::repeat_n(class, c.len_utf8()));
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Read a hand-off in a turn that gives the floor: (name, outlet); the
/// name is empty when only the outlet is called (`First, Reuters.`).
pub fn handoff(text: &str) -> Option<(String, String)> {
    chinese_call(text)
        .or_else(|| word_call(text))
        .or_else(|| pattern_handoff(text))
        .or_else(|| question_call(text))
}

/// The last sentence of a turn, without its closing mark.
fn last_sentence(text: &str) -> &str {
    let marks = ['.', '!', '?', '。', '？', '！', '\n', '؟'];
    let text = text.trim_end().trim_end_matches(marks).trim_end();
    // A full stop inside a word (`Folha de S.Paulo`) ends no sentence.
    let ends_here =
        |end: usize, c: char| c != '.' || text[end + 1..].starts_with(char::is_whitespace);
    text.char_indices()
        .rev()
        .find(|&(end, c)| marks.contains(&c) && ends_here(end, c))
        .map_or(text, |(end, c)| &text[end + c.len_utf8()..])
        .trim()
}

/// Where a call word of any language (`prego`, `bitte`, `пожалуйста`)
/// stands in `sentence`, as a whole word: its byte range.
fn find_call(sentence: &str) -> Option<(usize, usize)> {
    let spaced = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
    // The sentence lower-cased once, character for character where that
    // keeps a character's length (so offsets are the sentence's); the rare
    // others are kept as written, and no call word holds them.
    let lower: String = sentence
        .chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            }
        })
        .collect();
    // Every call word found in one pass; the first in the list's order
    // (longest first), then the leftmost, that stands as a whole word wins.
    // A contiguous NFA: built in a fraction of the time of the DFA the
    // builder would choose, which start-up on one transcript paid for.
    static CALLS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(super::vocab::calls())
            .expect("call words")
    });
    let calls = super::vocab::calls();
    let mut best: Option<(usize, usize)> = None;
    for m in CALLS.find_overlapping_iter(&lower) {
        let (k, at) = (m.pattern().as_usize(), m.start());
        if best.is_some_and(|b| b <= (k, at)) {
            continue;
        }
        let call = calls[k];
        let cased = call.chars().next().is_some_and(|c| c.is_lowercase());
        let before = sentence[..at].chars().next_back();
        let after = sentence[m.end()..].chars().next();
        if !cased || (spaced(before) && spaced(after)) {
            best = Some((k, at));
        }
    }
    best.map(|(k, at)| (at, at + calls[k].len()))
}

/// A chair's call in another language, in the turn's last sentence: a
/// call word beside whom it calls (`Prego, Ansa.`, `Rai, prego.`, `Herr
/// Jessen, bitte.`, `«Россия», пожалуйста.`), or a name after an
/// honorific with an outlet (`Madame Leclerc, pour France 2.`). The call
/// word is never the name; a call to an office (`Presidente, prego.`)
/// names no reporter.
fn word_call(text: &str) -> Option<(String, String)> {
    let sentence = last_sentence(text);
    let rest = match find_call(sentence) {
        Some((a, b)) => format!("{} {}", &sentence[..a], &sentence[b..]),
        None => {
            let first = sentence.split_whitespace().next()?;
            if !super::vocab::is_honorific(first) || !sentence.contains(',') {
                return None;
            }
            sentence.to_string()
        }
    };
    let rest = rest
        .replace(['*', '_'], "")
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '–' | '-' | '、' | '，')
        })
        .to_string();
    call_target(&rest)
}

/// Whom a call names: (name, outlet), either possibly empty.
fn call_target(rest: &str) -> Option<(String, String)> {
    if let Some(outlet) = quoted(rest) {
        return Some((String::new(), outlet.to_string()));
    }
    let (who, outlet) = match rest.split_once([',', '，', '、']) {
        Some((a, b)) => (a.trim(), outlet_after_joiner(b)),
        None => (rest, ""),
    };
    let words: Vec<&str> = who.split_whitespace().collect();
    let honorific = words
        .first()
        .is_some_and(|w| super::lexicon::is_honorific(w) || super::vocab::is_honorific(w));
    let capitalised = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words[0].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || super::lexicon::is_connector(w)
            })
    };
    let office = |p: &str| {
        super::vocab::is_courtesy(&p.to_lowercase())
            || super::lexicon::is_role_word(p)
            || super::lexicon::names_office(p)
            || p.split_whitespace()
                .next()
                .is_some_and(super::people::not_a_given_name)
    };
    if honorific
        && (2..=3).contains(&words.len())
        && words[1..].iter().all(|w| super::people::name_word(w))
    {
        let outlet = if capitalised(outlet) && !office(outlet) {
            outlet
        } else {
            ""
        };
        return Some((words[1..].join(" "), outlet.to_string()));
    }
    if !outlet.is_empty() {
        return (name_words(&words) && capitalised(outlet) && !office(outlet))
            .then(|| (who.to_string(), outlet.to_string()));
    }
    if who.is_empty() || office(who) || !capitalised(who) {
        return cjk_target(who);
    }
    if name_words(&words) && !super::lexicon::is_outlet(who) {
        return Some((who.to_string(), String::new()));
    }
    Some((String::new(), who.to_string()))
}

/// `NHKさん` called in Japanese, `KBS 기자님` in Korean: an outlet in Latin
/// letters before a polite suffix.
fn cjk_target(who: &str) -> Option<(String, String)> {
    let bare = ["さん", "様", "기자님", "님", "씨"]
        .iter()
        .find_map(|s| who.strip_suffix(s))?
        .trim();
    ((2..=12).contains(&bare.chars().count()) && bare.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| (String::new(), bare.to_string()))
}

/// The inside of the quotation marks a name is written in (`«Россия»`).
fn quoted(text: &str) -> Option<&str> {
    for (open, close) in [('«', '»'), ('“', '”'), ('„', '“'), ('"', '"')] {
        if let Some(start) = text.find(open) {
            let inner = &text[start + open.len_utf8()..];
            if let Some(end) = inner.find(close) {
                let inner = inner[..end].trim();
                if !inner.is_empty() && inner.split_whitespace().count() <= 5 {
                    return Some(inner);
                }
            }
        }
    }
    None
}

/// `pour France 2`, `du Figaro`, `de l'AFP`: the outlet after the small
/// lower-case words that join it to a name.
fn outlet_after_joiner(part: &str) -> &str {
    let mut rest = part.trim();
    while let Some((word, after)) = rest.split_once(' ') {
        if !word.chars().all(char::is_lowercase) {
            break;
        }
        rest = after.trim_start();
    }
    for elided in ["l'", "l’", "d'", "d’"] {
        if let Some(r) = rest.strip_prefix(elided) {
            rest = r;
        }
    }
    rest.trim()
}

/// [`handoff`] by the patterns of [`HANDOFFS`].
fn pattern_handoff(text: &str) -> Option<(String, String)> {
    let tail = text.trim_end();
    let shadow = ascii_shadow(tail);
    let mut best: Option<(usize, String, String)> = None;
    for (i, re) in HANDOFFS.iter().enumerate() {
        // Only the last match counts: find it with the fast engines, then
        // take its groups there (captures from a match's start give that
        // same match).
        let Some(last) = re.find_iter(&shadow).last() else {
            continue;
        };
        let Some(caps) = re.captures_at(&shadow, last.start()) else {
            continue;
        };
        // Same offsets in the text (a match never ends inside a character).
        let group = |name: &str| {
            caps.name(name)
                .and_then(|m| tail.get(m.range()))
                .unwrap_or("")
        };
        // A name or an outlet is one clean phrase: it never runs over a
        // sentence end or a line break (`Reuters.\n\nJeff`).
        let name = clean_phrase(group("name")).to_string();
        let outlet = clean_phrase(group("outlet"))
            .trim_end_matches(" and")
            .trim_end_matches(" the")
            .trim_end_matches(" of")
            .trim_end_matches('.')
            .to_string();
        // `Thank you, John.` is no hand-off: the last form needs a real outlet.
        if outlet.is_empty() || (i == 2 && !super::lexicon::is_outlet(&outlet)) {
            continue;
        }
        let (name, outlet) = opener_as_name(name, outlet, group("outlet"));
        let at = caps.get(0).map_or(0, |m| m.start());
        if best.as_ref().is_none_or(|b| at > b.0) {
            best = Some((at, name, outlet));
        }
    }
    best.map(|(_, n, o)| (n, o))
}

/// A teleconference operator's call, in any language whose question
/// marker the lexicon knows: `First question: Catherine Lévesque,
/// Radio-Canada. Line open.`, `Question suivante : Julie Tremblay, La
/// Presse. Allez-y.`: a few words holding `question` (or another
/// language's marker) before a colon, then `Name, Outlet.`. The last call
/// in the turn counts.
fn question_call(text: &str) -> Option<(String, String)> {
    let mut found = None;
    for (at, _) in text.match_indices(':') {
        let head = text[..at].trim_end();
        let head = head
            .rfind(['.', '!', '?', '\n'])
            .map_or(head, |end| head[end + 1..].trim());
        let words: Vec<&str> = head.split_whitespace().collect();
        let marker = |w: &&str| {
            let lower = w.to_lowercase();
            lower == "question" || super::vocab::is_question_marker(&lower)
        };
        if words.is_empty() || words.len() > 3 || !words.iter().any(marker) {
            continue;
        }
        let call = text[at + 1..].trim_start();
        let call = &call[..call.find(['.', '!', '?', '\n']).unwrap_or(call.len())];
        let Some((name, outlet)) = call.split_once(',') else {
            continue;
        };
        let (name, outlet) = (name.trim(), outlet.trim());
        let outlet_words: Vec<&str> = outlet.split_whitespace().collect();
        let outlet_ok = (1..=5).contains(&outlet_words.len())
            && outlet_words.iter().enumerate().all(|(i, w)| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || i > 0 && super::lexicon::is_connector(w)
            });
        if name_words(&name.split_whitespace().collect::<Vec<_>>()) && outlet_ok {
            found = Some((name.to_string(), outlet.to_string()));
        }
    }
    found
}

/// A hand-off's name that opens with a word no name opens with: `Is
/// Sheryl Stolberg, New York Times` (the name is the rest), `First, Josh
/// Wingrove of Bloomberg` (the name is in the outlet's phrase), `First,
/// Reuters. Jeff Lindqvist.` (the name follows), or `First, Reuters.`
/// (no name: empty). `raw` is the outlet's phrase as matched.
fn opener_as_name(name: String, outlet: String, raw: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !words
        .first()
        .is_some_and(|w| super::people::not_a_given_name(w))
    {
        return (name, outlet);
    }
    if name_words(&words[1..]) {
        return (words[1..].join(" "), outlet);
    }
    for joiner in [" of ", " from ", " with ", " at "] {
        if let Some((n, o)) = outlet.split_once(joiner) {
            if name_words(&n.split_whitespace().collect::<Vec<_>>()) {
                let o = o.strip_prefix("the ").unwrap_or(o);
                return (n.to_string(), o.to_string());
            }
        }
    }
    (name_after(raw).unwrap_or_default().to_string(), outlet)
}

/// `Reuters. Jeff Lindqvist.`: a name alone in the sentence after the
/// outlet's.
fn name_after(outlet: &str) -> Option<&str> {
    let first = clean_phrase(outlet);
    let start = outlet.find(first)? + first.len();
    let rest = outlet[start..]
        .trim_start_matches(['.', '!'])
        .trim()
        .trim_end_matches(['.', '!']);
    name_words(&rest.split_whitespace().collect::<Vec<_>>()).then_some(rest)
}

/// Two or three words written as a person's name (`Jeff Lindqvist`).
fn name_words(words: &[&str]) -> bool {
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| super::people::name_word(w) && !super::people::not_a_given_name(w))
}

/// The words of `s` up to the first sentence end or line break.
fn clean_phrase(s: &str) -> &str {
    let s = s.trim();
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        if c == '\n' {
            end = i;
            break;
        }
        if matches!(c, '.' | '?' | '!')
            && s[i + 1..].starts_with(char::is_whitespace)
            // Not after an initial (`H.`), an abbreviation with inner
            // stops (`U.S.`) or an honorific (`Mr.`).
            && !s[..i].rsplit(' ').next().is_some_and(|w| {
                w.chars().count() == 1
                    || w.contains('.')
                    || super::lexicon::is_honorific(&format!("{w}."))
            })
        {
            end = i;
            break;
        }
    }
    s[..end].trim()
}

/// A reporter's self-introduction near the start of a question: `Humeyra
/// Pamuk, Reuters.`, `Mr President, Alexander Yunashev, Life.`, `Sir, Huma
/// Siddiqui from Financial Express.`, `I'm Jane Doe with NBC.`: (name,
/// outlet). The name must be two or three name words that are not an
/// office or a greeting, so `Thank you, Mr. President.` is none. `named`
/// holds the words (lower case) of the speakers' names: a word of them
/// after a comma is someone addressed (`Build Back Better, Jen.`), not
/// an outlet.
pub fn self_introduction(text: &str, named: &HashSet<String>) -> Option<(String, String)> {
    let mut start = 0;
    for _ in 0..3 {
        let rest = &text[start..];
        // The marks are ASCII: their bytes are where the characters are.
        let end = memchr::memchr3_iter(b'.', b'?', b'!', rest.as_bytes())
            .find(|&i| {
                rest[i + 1..].starts_with(char::is_whitespace)
                    && !rest[..i].rsplit(' ').next().is_some_and(|w| {
                        // An initial (`H.`), not a number (`France 2.`).
                        w.chars().count() <= 2 && !w.chars().all(|c| c.is_ascii_digit())
                            || super::lexicon::is_honorific(w)
                    })
            })
            .unwrap_or(rest.len());
        let asks = rest[end..].starts_with('?');
        let sentence = super::text::single_spaced(&rest[..end]);
        if let Some(found) = introduction_in(&sentence, named).filter(|_| !asks) {
            return Some(found);
        }
        if end >= rest.len() {
            return None;
        }
        start += end + 1;
    }
    None
}

/// A reporter's self-introduction in Korean, Japanese or Chinese, the
/// first sentence of the turn: (name, outlet), at least one of them.
/// - `연합뉴스 김민지 기자입니다.`, `KBS 박성훈입니다.`: outlet, then a name
///   of two to four syllables (with `기자`, reporter, or without);
///   `매일경제입니다.`: the outlet alone;
/// - `NHKの佐藤です。`: outlet の name; `幹事社の毎日新聞です。`: the outlet
///   of the press club's organising company; `フリーランスの田中です。`: a
///   freelance's name, no outlet;
/// - `我是浙江电视台记者。`, `新华社记者。`: an outlet's reporter.
fn cjk_introduction(text: &str) -> Option<(Option<String>, Option<String>)> {
    let text = text.trim_start();
    let end = text.find(['.', '。', '?', '？', '!', '\n'])?;
    let sentence = text[..end].trim();
    if let Some(rest) = sentence.strip_suffix("입니다") {
        let rest = rest.trim_end();
        let rest = rest.strip_suffix("기자").unwrap_or(rest).trim_end();
        let words: Vec<&str> = rest.split_whitespace().collect();
        let hangul_name = |w: &str| {
            (2..=4).contains(&w.chars().count())
                && w.chars().all(|c| ('\u{ac00}'..='\u{d7af}').contains(&c))
        };
        let word_ok = |w: &&str| w.chars().all(char::is_alphanumeric);
        return match words.as_slice() {
            [outlet] if word_ok(outlet) && outlet.chars().count() >= 2 => {
                Some((None, Some(outlet.to_string())))
            }
            [outlet, name] if word_ok(outlet) && hangul_name(name) => {
                Some((Some(name.to_string()), Some(outlet.to_string())))
            }
            _ => None,
        };
    }
    if let Some(outlet) = chinese_outlet(sentence.strip_prefix("我是").unwrap_or(sentence)) {
        return Some((None, Some(outlet.to_string())));
    }
    let rest = sentence.strip_suffix("です")?;
    let (before, who) = rest.rsplit_once('の')?;
    // Names and outlets are written in kanji, katakana or Latin letters;
    // hiragana is the grammar of a sentence (`これは私の考えです`).
    let short = |w: &str| {
        (1..=10).contains(&w.chars().count())
            && w.chars().all(char::is_alphanumeric)
            && !w.chars().any(|c| ('\u{3040}'..='\u{309f}').contains(&c))
    };
    if !short(before) || !short(who) {
        return None;
    }
    if super::people::FREELANCE.contains(&before) {
        return Some((Some(who.to_string()), None));
    }
    if before == "幹事社" {
        return Some((None, Some(who.to_string())));
    }
    Some((Some(who.to_string()), Some(before.to_string())))
}

/// `新华社记者`, `杭州日报记者`: the outlet of an outlet's reporter,
/// written without spaces or grammar words (`请问`, `我`, `的`).
fn chinese_outlet(phrase: &str) -> Option<&str> {
    let outlet = phrase
        .strip_suffix("记者")
        .or_else(|| phrase.strip_suffix("記者"))?;
    let n = outlet.chars().count();
    ((2..=12).contains(&n)
        && outlet.chars().all(char::is_alphanumeric)
        && !outlet.contains(['我', '的', '请', '問', '问']))
    .then_some(outlet)
}

/// `请杭州日报记者提问。`: a Chinese host calls an outlet's reporter to ask.
fn chinese_call(text: &str) -> Option<(String, String)> {
    // The phrase cannot overlap itself: its last occurrence is the last match.
    let at = memchr::memmem::rfind(text.as_bytes(), "记者提问".as_bytes())?;
    let before = &text[..at];
    let start = before.rfind('请')? + '请'.len_utf8();
    let outlet = chinese_outlet(&text[start..at + "记者".len()])?;
    Some((String::new(), outlet.to_string()))
}

/// A reporter who gives only their outlet in the first sentence:
/// `Treasurer, Sky News.`, `Hi, Bloomberg News.` The outlet must read as
/// news by its words (a known outlet or `News`, `Times`, ...).
fn outlet_introduction(text: &str) -> Option<String> {
    let end = text.find(['.', '?', '!'])?;
    if !text[end..].starts_with('.') {
        return None;
    }
    let parts: Vec<&str> = text[..end].split(',').map(str::trim).collect();
    let (outlet, before) = parts.split_last()?;
    // `from Reuters`, `Ina with Axios`: the outlet follows the joiner.
    let outlet = ["from ", "with "]
        .iter()
        .find_map(|p| outlet.strip_prefix(p))
        .or_else(|| {
            [" from ", " with "]
                .iter()
                .find_map(|j| outlet.split_once(j).map(|(_, o)| o))
        })
        .unwrap_or(outlet);
    let capitalised = outlet.split_whitespace().enumerate().all(|(i, w)| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || (i > 0 && super::lexicon::is_connector(w))
    });
    (parts.len() <= 3
        && capitalised
        && !before.is_empty()
        && before.iter().all(|p| p.split_whitespace().count() <= 3)
        && super::lexicon::is_news_outlet(outlet)
        && outlet.split_whitespace().count() <= 5)
        .then(|| outlet.to_string())
}

/// `Kommersant newspaper` -> `Kommersant`: lower-case words after an
/// outlet's name describe it.
fn outlet_name(outlet: &str) -> String {
    let words: Vec<&str> = outlet.split_whitespace().collect();
    let keep = words
        .iter()
        .rposition(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .map_or(words.len(), |i| i + 1);
    words[..keep].join(" ")
}

/// `agence Lusa` -> `Lusa`: lower-case words (not small connectors such
/// as `the`) before an outlet's capitalised name describe it.
fn without_descriptor(outlet: &str) -> &str {
    let mut rest = outlet.trim();
    while let Some((word, after)) = rest.split_once(' ') {
        let described = word.chars().all(char::is_lowercase)
            && !super::lexicon::is_connector(word)
            && after.starts_with(char::is_uppercase);
        if !described {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// A sentence's comma-separated parts, each without quotation marks
/// around an outlet (`Павел Зимин, «Россия»`) or the words that open an
/// introduction (`I'm `, `Soy `), and without a last part saying where
/// the reporter is (`from Manila`) after a name and an outlet.
fn introduction_parts(sentence: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = sentence
        .split(',')
        .map(|p| {
            let p = p.trim().trim_matches(['«', '»', '“', '”', '„', '"']).trim();
            [
                "I'm ",
                "I’m ",
                "I am ",
                "It's ",
                "It’s ",
                "it's ",
                "it’s ",
                "This is ",
                "My name is ",
            ]
            .iter()
            .find_map(|intro| p.strip_prefix(intro))
            .or_else(|| super::vocab::after_introduction(p))
            .unwrap_or(p)
        })
        .collect();
    // `Gemma Castillo, Rappler, from Manila`: where the reporter is.
    if parts.len() >= 3
        && ["from ", "in ", "based in "]
            .iter()
            .any(|p| parts[parts.len() - 1].starts_with(p))
    {
        parts.pop();
    }
    parts
}

/// A reporter's name in an introduction: two or three name words, no
/// office.
fn introduced_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| super::people::name_word(w) && !super::people::not_a_given_name(w))
        && !super::lexicon::names_office(n)
}

/// An outlet in an introduction: one word must be a known outlet or
/// initials (`Reuters`, `AFP`), not a name (`Thanks, Jen`) or a country.
fn introduced_outlet(o: &str) -> bool {
    let words: Vec<&str> = o.split_whitespace().collect();
    ((2..=5).contains(&words.len()) || super::lexicon::is_outlet(o))
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || super::lexicon::is_connector(w)
                || super::lexicon::is_outlet_word(w)
        })
        && !super::lexicon::names_office(o)
}

/// `Name, Kompas`: after a name and a comma, one capitalised word that is
/// no office, role, month, sentence opener or name already `named` is the
/// outlet, listed or not (after `from`, it may be a town: `Dan Meyer from
/// Flagstaff`).
fn one_word_outlet(o: &str, named: &HashSet<String>) -> bool {
    o.chars().count() >= 3
        && o.chars().next().is_some_and(char::is_uppercase)
        && o.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !super::people::not_a_given_name(o)
        && !super::lexicon::is_role_word(o)
        && !super::dates::is_calendar_word(o)
        && !named.contains(&o.to_lowercase())
}

/// Words before an introduction that only address someone (`Mr President`).
fn address_only(before: &[&str]) -> bool {
    before.iter().all(|p| p.split_whitespace().count() <= 3)
}

/// One sentence read as `[address,] Name, Outlet` or `[I'm] Name from Outlet`.
fn introduction_in(sentence: &str, named: &HashSet<String>) -> Option<(String, String)> {
    let sentence = sentence.trim().trim_end_matches(['.', '!']);
    if sentence.ends_with('?') {
        return None;
    }
    let parts = introduction_parts(sentence);
    // `de La Jornada`, `da Folha de S.Paulo`: the joiner is no part of
    // the outlet (or of the place after it).
    fn unjoined(p: &str) -> &str {
        super::vocab::after_outlet_joiner(p).unwrap_or(p)
    }
    // `Juan Merlano, Caracol TV, Colombia`: name, outlet, then where.
    if parts.len() >= 3 {
        let n = parts.len();
        let (name, outlet, place) = (
            parts[n - 3],
            without_descriptor(unjoined(parts[n - 2])),
            unjoined(parts[n - 1]),
        );
        let place_like = place.split_whitespace().count() <= 2
            && place.chars().next().is_some_and(char::is_uppercase);
        if place_like
            && introduced_name(name)
            && introduced_outlet(outlet)
            && address_only(&parts[..n - 3])
        {
            return Some((name.to_string(), outlet_name(outlet)));
        }
    }
    if parts.len() >= 2 {
        let (name, outlet) = (
            parts[parts.len() - 2],
            without_descriptor(unjoined(parts[parts.len() - 1])),
        );
        let before = &parts[..parts.len() - 2];
        // An outlet in no list is taken only after a plain address
        // (`Hi, Pak,`), not after running words (`And lastly, East
        // Palestine, Ohio`).
        let addressed = || {
            before.iter().all(|p| {
                p.split_whitespace()
                    .all(|w| w == "you" || w.chars().next().is_some_and(char::is_uppercase))
            })
        };
        if introduced_name(name)
            && (introduced_outlet(outlet) || one_word_outlet(outlet, named) && addressed())
            && address_only(before)
        {
            return Some((name.to_string(), outlet_name(outlet)));
        }
    }
    let last = *parts.last()?;
    for joiner in [" from ", " with ", " of "] {
        if let Some((name, outlet)) = last.split_once(joiner) {
            let outlet = outlet.strip_prefix("the ").unwrap_or(outlet);
            if introduced_name(name)
                && introduced_outlet(outlet)
                && address_only(&parts[..parts.len() - 1])
            {
                return Some((name.to_string(), outlet_name(outlet)));
            }
        }
    }
    None
}

/// Apply hand-offs: a chair (or an official giving the floor) names the
/// next questioner and outlet; the anonymous questions that follow take
/// them until a chair speaks, whoever gave the floor speaks other than to
/// answer once, or another reporter is named.
pub fn apply_handoffs(turns: &mut [Turn]) {
    let named: HashSet<String> = turns
        .iter()
        .filter_map(|t| t.speaker.as_deref())
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect();
    let mut current: Option<Call> = None;
    // Numbered voices (`Speaker 3`) that introduced themselves.
    let mut introduced: Vec<(String, Option<String>, Option<String>)> = Vec::new();
    for i in 0..turns.len() {
        let after_question = i > 0 && turns[i - 1].role == Role::Journalist;
        let t = &mut turns[i];
        introduces_self(t, &named);
        if t.role != Role::Journalist {
            let giver = who(t);
            // Whoever gave the floor answering the question called for
            // keeps it open for one follow-up (`Madame Leclerc, pour
            // France 2.`, her question, the answer, `QUESTION : Mais ...`);
            // a second answer, any other turn of theirs, or a chair's,
            // closes it.
            let ends = t.role == Role::Chair
                || current.as_ref().is_some_and(|c| {
                    c.giver == giver && (!after_question || c.answered || c.in_answer)
                });
            if ends {
                current = None;
            } else if let Some(c) = current.as_mut().filter(|c| c.giver == giver) {
                c.answered = true;
            }
            if let Some((name, outlet)) = handoff(&t.text) {
                current = Some(Call {
                    name,
                    outlet,
                    giver,
                    answered: false,
                    in_answer: after_question,
                });
            }
            continue;
        }
        let labelled = t.speaker.is_some() || t.outlet.is_some();
        identify_asker(t, &named, &mut introduced);
        if t.speaker.is_some() || t.outlet.is_some() {
            // A reporter other than the one called has the floor now; the
            // one called may give a fuller name (`Anne Leclerc, France 2.`).
            // One whose label names them (`M. Dupont (Le Figaro)`) would
            // be labelled so again: an anonymous question later is not
            // theirs.
            if let Some(c) = current.as_mut() {
                if labelled || !c.same_reporter(t) {
                    current = None;
                } else if let Some(full) = t.speaker.as_deref() {
                    if full.len() > c.name.len() {
                        c.name = full.to_string();
                    }
                }
            }
            continue;
        }
        let Some(c) = &current else {
            if let Some(outlet) = outlet_introduction(&t.text) {
                t.outlet = Some(outlet);
                t.decision.push(Evidence::OutletFromIntroduction);
            }
            continue;
        };
        t.outlet = (!c.outlet.is_empty()).then(|| c.outlet.clone());
        t.speaker = (!c.name.is_empty()).then(|| c.name.clone());
        t.decision.push(Evidence::Handoff);
    }
    // A numbered voice is one person throughout: the name it gave holds
    // for its other turns.
    for t in turns.iter_mut() {
        if t.speaker.is_some() || t.outlet.is_some() {
            continue;
        }
        let mut named = introduced.iter().filter(|i| i.0 == t.label);
        if let (Some((_, speaker, outlet)), None) = (named.next(), named.next()) {
            t.speaker.clone_from(speaker);
            t.outlet.clone_from(outlet);
            t.decision.push(Evidence::VoiceIntroduction);
        }
    }
}

/// A reporter called on: name and outlet (either may be empty), who
/// called, and whether the caller has answered the question yet.
struct Call {
    name: String,
    outlet: String,
    giver: String,
    answered: bool,
    /// The call closes an answer (`... the Department of Justice.` may be
    /// no call at all): it holds only until its giver speaks again.
    in_answer: bool,
}

impl Call {
    /// Is the asker of `t`, as named by label or introduction, the one
    /// called: the same outlet, or the same surname?
    fn same_reporter(&self, t: &Turn) -> bool {
        let fold = super::text::fold_name;
        let surname = |n: &str| n.split_whitespace().last().map(fold);
        let same_outlet = t
            .outlet
            .as_deref()
            .is_some_and(|o| !self.outlet.is_empty() && fold(o) == fold(&self.outlet));
        let same_name = t
            .speaker
            .as_deref()
            .is_some_and(|s| !self.name.is_empty() && surname(s) == surname(&self.name));
        same_outlet || same_name
    }
}

/// The asker of a journalist's turn from the turn itself, where the label
/// did not name them: a self-introduction (in any language), or, where
/// the label names only the outlet, the reporter of that outlet who
/// introduces themselves.
fn identify_asker(
    t: &mut Turn,
    named: &HashSet<String>,
    introduced: &mut Vec<(String, Option<String>, Option<String>)>,
) {
    if t.speaker.is_some() {
        return;
    }
    if let Some(known) = t.outlet.as_deref() {
        // `QUESTION (Gazeta Wyborcza): Bartłomiej Zawada, Gazeta
        // Wyborcza.`: the reporter of the outlet the label names.
        let same = |o: &str| super::text::fold_name(o) == super::text::fold_name(known);
        if let Some((name, _)) = self_introduction(&t.text, named).filter(|(_, o)| same(o)) {
            t.speaker = Some(name);
            t.decision.push(Evidence::SelfIntroduction);
        }
        return;
    }
    if let Some((name, outlet)) = self_introduction(&t.text, named) {
        t.speaker = Some(name);
        t.outlet = Some(outlet);
        t.decision.push(Evidence::SelfIntroduction);
        if numbered_voice(&t.label) {
            introduced.push((t.label.clone(), t.speaker.clone(), t.outlet.clone()));
        }
        return;
    }
    if let Some((name, outlet)) = cjk_introduction(&t.text) {
        t.decision.push(if name.is_some() {
            Evidence::SelfIntroduction
        } else {
            Evidence::OutletFromIntroduction
        });
        t.speaker = name;
        t.outlet = outlet;
    }
}

/// `П.Зимин: Владимир Александрович, добрый вечер! Павел Зимин,
/// «Россия».`: a named speaker whose label says nothing of the role and
/// who gives their own name and an outlet is that outlet's reporter.
fn introduces_self(t: &mut Turn, named: &HashSet<String>) {
    let Some(speaker) = t.speaker.as_deref() else {
        return;
    };
    if t.outlet.is_some() || t.decision.role_rule() != RoleRule::None {
        return;
    }
    let Some((name, outlet)) = self_introduction(&t.text, named) else {
        return;
    };
    if super::text::fold_name(&name) == super::text::fold_name(speaker) {
        t.outlet = Some(outlet);
        t.role = Role::Journalist;
        t.decision.push(Evidence::OutletFromIntroduction);
    }
}

/// Group turns into exchanges and set each turn's `exchange`.
///
/// A question comes from a journalist. Where no journalist speaks (a
/// debate), the chair's questions are the questions: a chair's turn that
/// ends by asking and is answered straight away by an official. Where
/// reporters ask, a chair's question is floor business (`Do you want to
/// take that one?`).
pub fn build(turns: &mut [Turn]) -> Vec<Exchange> {
    let mut exchanges: Vec<Exchange> = Vec::new();
    let mut open = false;
    let chair_questions = !turns.iter().any(|t| t.role == Role::Journalist);
    for i in 0..turns.len() {
        let chair_asks = chair_questions
            && turns[i].role == Role::Chair
            && asks_at_end(&turns[i])
            && turns.get(i + 1).is_some_and(|n| n.role == Role::Official);
        let t = &mut turns[i];
        t.exchange = None;
        match t.role {
            Role::Journalist | Role::Chair if t.role == Role::Journalist || chair_asks => {
                exchanges.push(Exchange {
                    index: exchanges.len() + 1,
                    outlet: t.outlet.clone(),
                    asked_by: t.speaker.clone(),
                    question: t.index,
                    answers: Vec::new(),
                    answered_by: Vec::new(),
                });
                t.exchange = Some(exchanges.len());
                open = true;
            }
            Role::Official | Role::Other if open => {
                let x = exchanges.last_mut().expect("open exchange");
                x.answers.push(t.index);
                let name = t.speaker.clone().unwrap_or_else(|| t.label.clone());
                if t.role == Role::Official && !x.answered_by.contains(&name) {
                    x.answered_by.push(name);
                }
                t.exchange = Some(x.index);
            }
            Role::Chair => open = false,
            _ => {}
        }
    }
    exchanges
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII patterns over the shadow find what the same patterns
    /// with Unicode classes find over the text, at the same offsets.
    #[test]
    fn ascii_handoffs_match_as_unicode_ones_would() {
        let unicode: Vec<Regex> = handoff_patterns()
            .iter()
            .map(|p| Regex::new(&p.replace("(?-u)", "").replace(r"[\w'", r"[\w’'")).unwrap())
            .collect();
        let texts = [
            "Next we’ll go to José Díaz with Agence France-Presse.",
            "We’ll go to Zoë O’Neill from the Irish Times.",
            "Thank you. Ms.\u{a0}Émilie Dubois, Le Monde.",
            "Let’s go to Ahmed Ali with Channel ٣.",
            "Now we go to 李 with Xinhua — please.",
            "Thank you. María José López of El País, please.",
            "Thank you all. Mr. Ito of NHK.",
            "Okay, we go to Nguyễn Văn An with VnExpress…",
        ];
        for text in texts {
            let shadow = ascii_shadow(text);
            assert_eq!(shadow.len(), text.len());
            for (ascii, uni) in HANDOFFS.iter().zip(&unicode) {
                let a: Vec<_> = ascii.find_iter(&shadow).map(|m| m.range()).collect();
                let u: Vec<_> = uni.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(a, u, "{text:?} with {uni}");
            }
        }
        assert_eq!(
            handoff("Next we’ll go to José Díaz with Agence France-Presse."),
            Some(("José Díaz".into(), "Agence France-Presse".into()))
        );
    }

    #[test]
    fn handoffs_name_reporter_and_outlet() {
        assert_eq!(
            handoff("Thank you. Our next question goes to Andrea Mitchell with NBC."),
            Some(("Andrea Mitchell".into(), "NBC".into()))
        );
        assert_eq!(
            handoff("All right, next up we'll go to Jeff Mason with Reuters."),
            Some(("Jeff Mason".into(), "Reuters".into()))
        );
        assert_eq!(
            handoff("Next, we'll go to Jim Smith from the Associated Press."),
            Some(("Jim Smith".into(), "Associated Press".into()))
        );
        assert_eq!(handoff("Thank you all for joining us."), None);
        assert_eq!(
            handoff("Let's start with Anne Gearan from The Washington Post."),
            Some(("Anne Gearan".into(), "The Washington Post".into()))
        );
        assert_eq!(
            handoff("Thank you.  Laura Chen, Bloomberg."),
            Some(("Laura Chen".into(), "Bloomberg".into()))
        );
        assert_eq!(
            handoff("Next, Mr. Ito of NHK, please."),
            Some(("Ito".into(), "NHK".into()))
        );
        assert_eq!(handoff("Thank you, John."), None);
        assert_eq!(
            handoff("Next question, Jorge Valero, Bloomberg."),
            Some(("Jorge Valero".into(), "Bloomberg".into()))
        );
        // An opener where the name stands: the name follows the outlet.
        assert_eq!(
            handoff("One question each. First, Reuters. Jeff Lindqvist."),
            Some(("Jeff Lindqvist".into(), "Reuters".into()))
        );
        assert_eq!(
            handoff("Thank you. First, Josh Wingrove of Bloomberg."),
            Some(("Josh Wingrove".into(), "Bloomberg".into()))
        );
        assert_eq!(
            handoff("Is Sheryl Stolberg, New York Times."),
            Some(("Sheryl Stolberg".into(), "New York Times".into()))
        );
        assert_eq!(
            handoff("One question each. First, Reuters."),
            Some((String::new(), "Reuters".into()))
        );
    }

    #[test]
    fn chairs_call_in_other_languages() {
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        // it-palazzo-chigi.txt, ru-kremlin.txt, de-regpk.txt, fr-elysee.
        assert_eq!(
            handoff("Passiamo alle domande. Prego, Ansa."),
            pair("", "Ansa")
        );
        assert_eq!(handoff("Un'ultima domanda. Rai, prego."), pair("", "Rai"));
        assert_eq!(
            handoff("Ещё «Коммерсантъ», пожалуйста."),
            pair("", "Коммерсантъ")
        );
        assert_eq!(
            handoff("Dann zu den Cyberangriffen. Herr Jessen, bitte."),
            pair("Jessen", "")
        );
        assert_eq!(
            handoff("Merci, Rui. Madame Leclerc, pour France 2."),
            pair("Leclerc", "France 2")
        );
        // A call to an office, a courtesy: no reporter named.
        assert_eq!(
            handoff("Il Presidente illustrerà. Presidente, prego."),
            None
        );
        assert_eq!(handoff("Merci, allez-y."), None);
        assert_eq!(handoff("Grazie, prego."), None);
    }

    #[test]
    fn every_call_word_is_found_as_a_call() {
        for lexicon in super::super::vocab::LEXICONS.iter() {
            for call in &lexicon.calls {
                let sentence = format!("X {call} Y");
                assert!(
                    find_call(&sentence).is_some(),
                    "{}: {call}",
                    lexicon.language
                );
                assert!(
                    super::super::vocab::calls().contains(&call.as_str()),
                    "{call}"
                );
            }
            for c in &lexicon.courtesies {
                assert!(super::super::vocab::is_courtesy(c), "{c}");
            }
        }
    }

    #[test]
    fn reporters_who_give_only_an_outlet() {
        assert_eq!(
            outlet_introduction("Treasurer, Sky News. Have you spoken to him?").as_deref(),
            Some("Sky News")
        );
        assert_eq!(outlet_introduction("Thank you, Jen. On Ukraine."), None);
        assert_eq!(
            outlet_introduction("Hi, Ina with Axios. Two questions.").as_deref(),
            Some("Axios")
        );
        assert_eq!(
            outlet_introduction("Thanks, the news just broke. Is it?"),
            None
        );
        assert_eq!(
            outlet_introduction("Sky News reported it. Is it true?"),
            None
        );
    }

    #[test]
    fn reporters_introduce_themselves_in_other_languages() {
        let named = HashSet::new();
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        // fr-elysee-conference.txt: a number ends the sentence
        // (`France 2.`); a lower-case word before the outlet describes it.
        assert_eq!(
            self_introduction(
                "Merci, Monsieur le Président. Anne Leclerc, France 2. Une question de politique intérieure, si vous le permettez : allez-vous recourir au 49.3 ?",
                &named
            ),
            pair("Anne Leclerc", "France 2")
        );
        assert_eq!(
            self_introduction(
                "Paula Vieira, agence Lusa. Monsieur le Président, serez-vous à Lisbonne pour le sommet de juin ?",
                &named
            ),
            pair("Paula Vieira", "Lusa")
        );
        // ru-kremlin.txt: the outlet in quotation marks.
        assert_eq!(
            self_introduction(
                "Владимир Александрович, добрый вечер! Павел Зимин, «Россия».",
                &named
            ),
            pair("Павел Зимин", "Россия")
        );
        // ko-daetongnyeongsil-briefing.txt and ja-daijin-kaiken.txt.
        let polite = |t: &str| cjk_introduction(t);
        let some =
            |n: Option<&str>, o: Option<&str>| Some((n.map(str::to_string), o.map(str::to_string)));
        assert_eq!(
            polite("연합뉴스 김민지 기자입니다. 전세사기 특별법과 관련해서"),
            some(Some("김민지"), Some("연합뉴스"))
        );
        assert_eq!(
            polite("KBS 박성훈입니다. 다음 주 한일 정상회담 의제에"),
            some(Some("박성훈"), Some("KBS"))
        );
        assert_eq!(
            polite("매일경제입니다. 반도체 인력 양성과 관련해"),
            some(None, Some("매일경제"))
        );
        assert_eq!(
            polite("幹事社の毎日新聞です。2点目の深夜割引の見直しについて伺います。"),
            some(None, Some("毎日新聞"))
        );
        assert_eq!(
            polite("フリーランスの田中です。リニア中央新幹線の静岡工区について"),
            some(Some("田中"), None)
        );
        // zh-shizhengfu-fabuhui.txt.
        assert_eq!(
            polite("我是浙江电视台记者。请问临时交通管制期间，市民的日常出行会受到多大影响？"),
            some(None, Some("浙江电视台"))
        );
        assert_eq!(
            polite("新华社记者。地铁延长运营时间是临时措施还是会长期保留？"),
            some(None, Some("新华社"))
        );
        assert_eq!(
            handoff("请杭州日报记者提问。"),
            Some((String::new(), "杭州日报".to_string()))
        );
        assert_eq!(handoff("下面进入提问环节，请记者朋友提问。"), None);
        for text in [
            "请问刘局长，重点企业限产会不会影响企业正常经营？",
            "(마이크 없이) 시찰단 파견은요?",
            "정부와 여당은 국민의 세금으로 개인 간 거래의 손실을 직접 보전하는 것에는 신중해야 한다는 입장입니다.",
            "被災地訪問についてです。どちらを訪問される予定でしょうか。",
            "これは私の考えです。",
        ] {
            assert_eq!(polite(text), None, "{text}");
        }
    }

    #[test]
    fn a_named_speaker_who_introduces_themselves_asks_for_their_outlet() {
        let parsed = crate::parse::parse_text(
            include_str!("../../tests/fixtures/langs/ru-kremlin.txt"),
            "ru-kremlin.txt",
        );
        let at = |line: usize| {
            let t = parsed
                .transcript
                .turns
                .iter()
                .find(|t| t.line == line)
                .expect("a turn");
            (t.speaker.as_deref(), t.role, t.outlet.as_deref())
        };
        // `П.Зимин: ... Павел Зимин, «Россия».`
        assert_eq!(
            at(10),
            (Some("Павел Зимин"), Role::Journalist, Some("Россия"))
        );
        // The President answers under his own name, and stays an official.
        assert_eq!(at(14), (Some("Владимир Соболев"), Role::Official, None));
    }

    #[test]
    fn an_answer_after_the_interpreters_relay_still_answers() {
        // ar-mutamar-mushtarak.txt: the interpreter relays the Italian
        // question (line 24), the Italian minister answers (line 26).
        let parsed = crate::parse::parse_text(
            include_str!("../../tests/fixtures/langs/ar-mutamar-mushtarak.txt"),
            "ar-mutamar-mushtarak.txt",
        );
        let roles: Vec<(usize, Role)> = parsed
            .transcript
            .turns
            .iter()
            .filter(|t| t.label == "ماركو فيراري")
            .map(|t| (t.line, t.role))
            .collect();
        assert_eq!(
            roles,
            vec![
                (12, Role::Official),
                (26, Role::Official),
                (32, Role::Official)
            ]
        );
    }

    #[test]
    fn operators_call_the_next_question_in_either_language() {
        // bi-en-fr-ottawa.txt.
        let call = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            handoff(
                "Thank you. Merci. First question: Catherine Lévesque, Radio-Canada. Line open."
            ),
            call("Catherine Lévesque", "Radio-Canada")
        );
        assert_eq!(
            handoff("Question suivante : Julie Tremblay, La Presse. Allez-y."),
            call("Julie Tremblay", "La Presse")
        );
        assert_eq!(
            handoff("Final question: Amrit Dhillon, Global News."),
            call("Amrit Dhillon", "Global News")
        );
        assert_eq!(
            handoff(
                "The evidence supports an interval of up to four months. Bottom line: get the first dose when it's offered."
            ),
            None
        );
        assert_eq!(
            handoff("Moderator: Thank you. We will now take questions. Operator?"),
            None
        );
    }

    #[test]
    fn reporters_introduce_themselves() {
        let named: HashSet<String> = ["jen".to_string(), "psaki".to_string()].into();
        let intro = |t: &str| self_introduction(t, &named);
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            intro("Ned, thank you. Humeyra Pamuk, Reuters. Is the sale linked?"),
            pair("Humeyra Pamuk", "Reuters")
        );
        assert_eq!(
            intro("Mr President, Alexander Yunashev, Life News. Any new agreements?"),
            pair("Alexander Yunashev", "Life News")
        );
        assert_eq!(
            intro("Sir, Huma Siddiqui from Financial Express. Is there a date?"),
            pair("Huma Siddiqui", "Financial Express")
        );
        assert_eq!(
            intro("Good afternoon. Pavel Zarubin, Rossiya TV channel. Is it?"),
            pair("Pavel Zarubin", "Rossiya TV")
        );
        assert_eq!(intro("Thank you, Mr. President. Will you go?"), None);
        assert_eq!(
            intro("Good morning, Secretary Blinken. Two questions."),
            None
        );
        assert_eq!(
            intro("President Biden, Vice President Harris. Who leads?"),
            None
        );
        assert_eq!(intro("On Ukraine, Jen, what is the plan?"), None);
        assert_eq!(intro("Build Back Better, Jen.  Catholic bishops"), None);
        assert_eq!(intro("Supreme Court, Jen?  Real fast?"), None);
        assert_eq!(
            intro("Hi, guys.  It’s Asma Khalid from NPR.  Thank you."),
            pair("Asma Khalid", "NPR")
        );
        // Outlets in no list, one word after a name, and where the
        // reporter is from after them.
        assert_eq!(
            intro("Terima kasih, Pak. Dimas Prasetyo, Kompas. On the crew?"),
            pair("Dimas Prasetyo", "Kompas")
        );
        assert_eq!(
            intro("Hi, Pak, Gemma Castillo, Rappler, from Manila. Does it?"),
            pair("Gemma Castillo", "Rappler")
        );
        assert_eq!(intro("Thanks, Dan Meyer, Tuesday. Is it?"), None);
        assert_eq!(intro("And lastly, East Palestine, Ohio. Is it?"), None);
        assert_eq!(
            intro("This is Juan Merlano, Caracol TV, Colombia. And thanks."),
            pair("Juan Merlano", "Caracol TV")
        );
        assert_eq!(intro("Hello, Dan Meyer from Flagstaff. Is it?"), None);
    }
}
