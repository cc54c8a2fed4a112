//! Selecting what to show: [`Filter`] keeps turns by speaker, outlet, role
//! and exchange; [`Matcher`] finds a pattern in text (literal, word, regex,
//! smart case); [`Unmatched`] remembers filter values that matched nothing
//! and suggests the nearest names present.
//!
//! [`Prefilter`] says which inputs cannot hold a match before they are
//! parsed.
//!
//! Pure functions over the model: no I/O, no printing, no terminal.

mod prefilter;
pub mod words;

pub use prefilter::Prefilter;
use regex::{Regex, RegexBuilder};
use std::collections::BTreeSet;
use whosaid::{Role, Turn};

/// Which turns to keep. Different kinds of filter must all hold; the values
/// of one kind are alternatives. Names match ignoring case, as whole words
/// (`AP` is not `Yonhap`), or as the whole name with `exact`.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    speakers: Vec<String>,
    outlets: Vec<String>,
    roles: Vec<Role>,
    exchanges: Vec<usize>,
    exact: bool,
}

fn lower(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.trim().to_lowercase()).collect()
}

/// Does the name `haystack` match the lower-case `needle`: as whole words
/// anywhere in it (`new york` in `The New York Times`, not `ap` in
/// `Yonhap`), or with `exact` as the whole name; case is ignored.
pub fn name_matches(haystack: &str, needle: &str, exact: bool) -> bool {
    if needle.is_empty() {
        return false;
    }
    let hay = haystack.trim().to_lowercase();
    if exact {
        return hay == needle;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        let first = needle.chars().next();
        let last = needle.chars().next_back();
        (!word(before) || !word(first)) && (!word(after) || !word(last))
    })
}

impl Filter {
    pub fn new(
        speakers: &[String],
        outlets: &[String],
        roles: &[Role],
        exchanges: &[usize],
    ) -> Self {
        Filter {
            speakers: lower(speakers),
            outlets: lower(outlets),
            roles: roles.to_vec(),
            exchanges: exchanges.to_vec(),
            exact: false,
        }
    }

    /// Names must match whole (`--exact`), not as words within.
    pub fn exact(mut self, exact: bool) -> Self {
        self.exact = exact;
        self
    }

    pub fn from_args(args: &crate::cli::FilterArgs) -> Self {
        let roles: Vec<Role> = args.role.iter().map(|&r| r.into()).collect();
        Filter::new(&args.speaker, &args.outlet, &roles, &args.exchange).exact(args.exact)
    }

    /// All filters hold for this turn.
    pub fn matches(&self, t: &Turn) -> bool {
        self.speaker_ok(t) && self.outlet_ok(t) && self.role_ok(t) && self.exchange_ok(t)
    }

    pub fn speaker_ok(&self, t: &Turn) -> bool {
        self.speakers.is_empty()
            || self
                .speakers
                .iter()
                .any(|s| speaker_matches(t, s, self.exact))
    }

    pub fn outlet_ok(&self, t: &Turn) -> bool {
        self.outlets.is_empty()
            || self
                .outlets
                .iter()
                .any(|o| outlet_matches(t, o, self.exact))
    }

    pub fn role_ok(&self, t: &Turn) -> bool {
        self.roles.is_empty() || self.roles.contains(&t.role)
    }

    pub fn exchange_ok(&self, t: &Turn) -> bool {
        self.exchanges.is_empty() || t.exchange.is_some_and(|e| self.exchanges.contains(&e))
    }
}

/// `--speaker`: the speaker's name, the label as printed, or for a reporter
/// known only by outlet, the outlet.
fn speaker_matches(t: &Turn, needle: &str, exact: bool) -> bool {
    t.speaker
        .as_deref()
        .is_some_and(|s| name_matches(s, needle, exact))
        || name_matches(&t.label, needle, exact)
        || (t.speaker.is_none()
            && t.outlet
                .as_deref()
                .is_some_and(|o| name_matches(o, needle, exact)))
}

fn outlet_matches(t: &Turn, needle: &str, exact: bool) -> bool {
    t.outlet
        .as_deref()
        .is_some_and(|o| name_matches(o, needle, exact))
}

/// Remembers which `--speaker` / `--outlet` values matched no turn in any
/// input, and the names that were there, to suggest the nearest ones.
#[derive(Debug, Default)]
pub struct Unmatched {
    speakers: Vec<(String, bool)>,
    outlets: Vec<(String, bool)>,
    speaker_names: BTreeSet<String>,
    outlet_names: BTreeSet<String>,
    exact: bool,
}

impl Unmatched {
    pub fn new(speakers: &[String], outlets: &[String]) -> Self {
        Unmatched {
            speakers: speakers.iter().map(|s| (s.clone(), false)).collect(),
            outlets: outlets.iter().map(|s| (s.clone(), false)).collect(),
            ..Default::default()
        }
    }

    /// Names must match whole (`--exact`).
    pub fn exact(mut self, exact: bool) -> Self {
        self.exact = exact;
        self
    }

    /// Look at one input's turns.
    pub fn observe(&mut self, turns: &[Turn]) {
        if self.speakers.is_empty() && self.outlets.is_empty() {
            return;
        }
        for t in turns {
            for (value, seen) in &mut self.speakers {
                if !*seen && speaker_matches(t, &value.trim().to_lowercase(), self.exact) {
                    *seen = true;
                }
            }
            for (value, seen) in &mut self.outlets {
                if !*seen && outlet_matches(t, &value.trim().to_lowercase(), self.exact) {
                    *seen = true;
                }
            }
            if !self.speakers.is_empty() {
                let name = t
                    .speaker
                    .as_deref()
                    .or(t.outlet.as_deref())
                    .unwrap_or(&t.label);
                if self.speaker_names.len() < 1000 {
                    self.speaker_names.insert(name.to_string());
                }
            }
            if let Some(o) = &t.outlet {
                if self.outlet_names.len() < 1000 {
                    self.outlet_names.insert(o.clone());
                }
            }
        }
    }

    /// One message per value that matched nothing, with suggestions.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (kind, values, names) in [
            ("speaker", &self.speakers, &self.speaker_names),
            ("outlet", &self.outlets, &self.outlet_names),
        ] {
            for (value, seen) in values {
                if *seen {
                    continue;
                }
                let near = nearest(value, names);
                let mut msg = format!("no {kind} matches '{value}'");
                if !near.is_empty() {
                    msg.push_str(&format!("; did you mean {}?", near.join(", ")));
                } else if names.is_empty() {
                    msg.push_str(&format!(" (no {kind} names in the input)"));
                }
                out.push(msg);
            }
        }
        out
    }
}

/// Names close to `query`: those sharing a word prefix or within a small
/// edit distance of the whole name or one of its words; at most five.
pub fn nearest(query: &str, names: &BTreeSet<String>) -> Vec<String> {
    let q = query.to_lowercase();
    let budget = (q.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &String)> = names
        .iter()
        .filter_map(|name| {
            let n = name.to_lowercase();
            let mut best = levenshtein(&q, &n);
            for word in n
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                best = best.min(levenshtein(&q, word));
                if word.starts_with(&q) || (q.len() >= 3 && q.starts_with(word) && word.len() >= 3)
                {
                    best = 0;
                }
            }
            (best <= budget).then_some((best, name))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, n)| n.clone()).collect()
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (optimal string alignment), so that `tain` is close to `tian`.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * w + j] = if i == 0 {
                j
            } else if j == 0 {
                i
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[(i - 1) * w + j - 1] + cost)
                    .min(d[(i - 1) * w + j] + 1)
                    .min(d[i * w + j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[(i - 2) * w + j - 2] + 1);
                }
                v
            };
        }
    }
    d[a.len() * w + b.len()]
}

/// Case handling of a search pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Insensitive when the pattern has no upper-case letter.
    Smart,
    Insensitive,
    Sensitive,
}

/// How to read a search pattern.
#[derive(Clone, Copy, Debug)]
pub struct MatchOptions {
    pub regex: bool,
    pub word: bool,
    pub case: Case,
}

/// A compiled search pattern.
#[derive(Clone, Debug)]
pub struct Matcher {
    /// The pattern; with `-w`, between `\b`s.
    re: Regex,
    /// With `-w`, the bare pattern: its matches count where both ends are
    /// word boundaries in the sense of [`words`] (every Han character a
    /// word, ...), which `\b` alone cannot say.
    whole_words: Option<Regex>,
    /// A literal or whole-word pattern: a match in a sentence is a match
    /// in the turn that holds it (not so for a user regex with anchors).
    literal: bool,
    /// Case is folded (`-i`, or smart case with no upper-case letter).
    insensitive: bool,
}

impl Matcher {
    /// Compile; the error is the regex crate's message.
    pub fn new(pattern: &str, opts: MatchOptions) -> Result<Matcher, String> {
        if pattern.is_empty() {
            return Err("the pattern is empty: it would match every sentence \
                        (to list every turn, use `whosaid turns`)"
                .to_string());
        }
        let body = if opts.regex {
            pattern.to_string()
        } else {
            regex::escape(pattern)
        };
        let insensitive = match opts.case {
            Case::Insensitive => true,
            Case::Sensitive => false,
            Case::Smart => !pattern.chars().any(char::is_uppercase),
        };
        let build = |body: &str| {
            RegexBuilder::new(body)
                .case_insensitive(insensitive)
                .size_limit(50 << 20)
                .build()
                .map_err(|e| e.to_string())
        };
        let (re, whole_words) = if opts.word {
            let strict = build(&format!(r"\b(?:{body})\b"))?;
            (strict, Some(build(&format!("(?:{body})"))?))
        } else {
            (build(&body)?, None)
        };
        Ok(Matcher {
            re,
            whole_words,
            literal: !opts.regex,
            insensitive,
        })
    }

    /// The literals every match holds, to rule out inputs unparsed;
    /// `None` when the pattern has none that can be trusted. With `-w`,
    /// those of the bare pattern: every whole-word match is one of its.
    pub fn prefilter(&self) -> Option<Prefilter> {
        let pattern = self.whole_words.as_ref().unwrap_or(&self.re).as_str();
        Prefilter::new(pattern, self.insensitive)
    }

    /// The pattern can match empty text (`^`, `$`, `x*`): such matches
    /// are never shown, only non-empty ones.
    pub fn matches_empty(&self) -> bool {
        self.re.is_match("")
    }

    /// A literal or whole-word pattern (not a user regex).
    pub fn is_literal(&self) -> bool {
        self.literal
    }

    /// False only when no part of `text` can match: lets a search skip a
    /// turn before splitting it into sentences.
    pub fn may_match_within(&self, text: &str) -> bool {
        !self.literal || self.has_match(text)
    }

    /// `text` holds a (non-empty) match.
    pub fn has_match(&self, text: &str) -> bool {
        match &self.whole_words {
            Some(loose) if words::may_part_within_letters(text) => {
                !words::find(&self.re, loose, text).is_empty()
            }
            _ => self.re.find_iter(text).any(|m| !m.is_empty()),
        }
    }

    /// Byte ranges of the (non-empty) matches in `text`.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        match &self.whole_words {
            Some(loose) if words::may_part_within_letters(text) => {
                words::find(&self.re, loose, text)
            }
            _ => self
                .re
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| (m.start(), m.end()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(speaker: Option<&str>, label: &str, outlet: Option<&str>, role: Role) -> Turn {
        Turn {
            index: 1,
            speaker: speaker.map(String::from),
            label: label.into(),
            title: None,
            role,
            outlet: outlet.map(String::from),
            exchange: Some(3),
            text: "Hello.".into(),
            paragraphs: 1,
            word_count: Default::default(),
            line: 1,
            end_line: 1,
            events: vec![],
            decision: Default::default(),
        }
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn speaker_filter_matches_name_label_and_outlet_only_reporter() {
        let tian = turn(Some("Tian Yulong"), "Tian Yulong", None, Role::Official);
        let cctv = turn(None, "CCTV", Some("CCTV"), Role::Journalist);
        let f = Filter::new(&s(&["tian"]), &[], &[], &[]);
        assert!(f.matches(&tian) && !f.matches(&cctv));
        let f = Filter::new(&s(&["cctv"]), &[], &[], &[]);
        assert!(f.matches(&cctv));
    }

    #[test]
    fn names_match_as_whole_words_or_exactly() {
        assert!(name_matches("Associated Press (AP)", "ap", false));
        assert!(name_matches("AP", "ap", false));
        assert!(!name_matches("Yonhap News", "ap", false));
        assert!(!name_matches("The Daily Telegraph", "ap", false));
        assert!(name_matches("The New York Times", "new york", false));
        assert!(name_matches("Tian Yulong", "tian", false));
        assert!(!name_matches("Shou Xiaoli", "xiao", false));
        assert!(name_matches("Thecover.cn", "thecover.cn", false));
        assert!(name_matches("CNBC", "cnbc", true));
        assert!(!name_matches("CNBC Asia", "cnbc", true));
        let reuters = turn(None, "Reuters", Some("Reuters"), Role::Journalist);
        assert!(Filter::new(&[], &s(&["REUTERS"]), &[], &[]).matches(&reuters));
        assert!(!Filter::new(&[], &s(&["reuter"]), &[], &[]).matches(&reuters));
    }

    #[test]
    fn filters_and_across_kinds_or_within() {
        let tian = turn(Some("Tian Yulong"), "Tian Yulong", None, Role::Official);
        let f = Filter::new(&s(&["xiao", "tian"]), &[], &[Role::Official], &[]);
        assert!(f.matches(&tian));
        let f = Filter::new(&s(&["tian"]), &[], &[Role::Chair], &[]);
        assert!(!f.matches(&tian));
        assert!(Filter::new(&[], &[], &[], &[3]).matches(&tian));
        assert!(!Filter::new(&[], &[], &[], &[4]).matches(&tian));
    }

    #[test]
    fn suggestions() {
        let names: BTreeSet<String> = ["Tian Yulong", "Xiao Yaqing", "Shou Xiaoli"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(nearest("tain", &names), ["Tian Yulong"]);
        assert_eq!(nearest("Xiao Yaqng", &names), ["Xiao Yaqing"]);
        assert!(nearest("zzzzzz", &names).is_empty());
        let mut u = Unmatched::new(&s(&["tain"]), &[]);
        u.observe(&[turn(
            Some("Tian Yulong"),
            "Tian Yulong",
            None,
            Role::Official,
        )]);
        assert_eq!(
            u.messages(),
            ["no speaker matches 'tain'; did you mean Tian Yulong?"]
        );
    }

    #[test]
    fn matcher_literal_word_regex_and_case() {
        let lit = |p: &str, word, case| {
            Matcher::new(
                p,
                MatchOptions {
                    regex: false,
                    word,
                    case,
                },
            )
            .unwrap()
        };
        assert_eq!(
            lit("5G", false, Case::Smart).find_all("5G and 5g"),
            [(0, 2)]
        );
        assert_eq!(
            lit("chip", false, Case::Smart).find_all("Chips, chip"),
            [(0, 4), (7, 11)]
        );
        assert_eq!(
            lit("chip", true, Case::Smart).find_all("Chips, chip"),
            [(7, 11)]
        );
        assert!(lit("a.b", false, Case::Smart).find_all("axb").is_empty());
        assert!(
            lit("chip", false, Case::Sensitive)
                .find_all("CHIP")
                .is_empty()
        );
        assert_eq!(
            lit("CHIP", false, Case::Insensitive).find_all("chip"),
            [(0, 4)]
        );
        let re = Matcher::new(
            "5G|chips?",
            MatchOptions {
                regex: true,
                word: true,
                case: Case::Smart,
            },
        );
        assert_eq!(re.unwrap().find_all("5G chips"), [(0, 2), (3, 8)]);
        assert!(
            Matcher::new(
                "(",
                MatchOptions {
                    regex: true,
                    word: false,
                    case: Case::Smart
                }
            )
            .is_err()
        );
    }
}
