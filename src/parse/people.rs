//! Who is speaking: from a printed label to a canonical speaker, a title,
//! an outlet and a role.
//!
//! Works on labels and on what the document declares (header participants,
//! names in the title and summary); it reads no lines itself. Rules, in the
//! order they win: the header's participant list, the label's own words
//! (`Q`, `MODERATOR`, `Minister`, `(Reuters)`), then the structure of the
//! conversation (who asks, who answers).

use super::lexicon;
use crate::decision::RoleRule;
use crate::model::{Participant, Role};

/// What one label says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    /// Canonical name; `None` for an anonymous reporter or an outlet alone.
    pub speaker: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Role when the label or the header decides it.
    pub role: Option<Role>,
    /// Which rule gave the role (for `--explain` and `check`).
    pub role_rule: RoleRule,
}

/// Split a leading honorific or office from a name:
/// `("Deputy Prime Minister", "Jane Roe")`.
pub fn strip_title(label: &str) -> (Option<&str>, &str) {
    // `NATO Spokesperson Oana Lungescu`: an organisation's initials before
    // an office belong to the title.
    if let Some((org, rest)) = label.trim().split_once(' ') {
        let initials = (2..=6).contains(&org.len()) && org.chars().all(|c| c.is_ascii_uppercase());
        let n = lexicon::title_prefix_len(rest);
        if initials && n > 0 && !lexicon::is_honorific(org) && !rest[n..].trim().is_empty() {
            let (title, name) = strip_title(rest);
            if let Some(title) = title {
                let end = label.find(title).map_or(0, |at| at + title.len());
                return (Some(label[..end].trim()), name);
            }
        }
    }
    let n = lexicon::title_prefix_len(label);
    if n == 0 {
        // `SRS DEMMER`: an abbreviated office (three or more capitals and
        // no vowel, so no name) before a name.
        if let Some((abbr, rest)) = label.trim().split_once(' ') {
            let abbreviation = (3..=5).contains(&abbr.len())
                && abbr.chars().all(|c| c.is_ascii_uppercase())
                && !abbr.contains(['A', 'E', 'I', 'O', 'U', 'Y']);
            let rest_is_name = !rest.trim().is_empty()
                && !lexicon::is_role_word(rest.trim())
                && !lexicon::starts_with_office(&format!("{} ", rest.trim()));
            if abbreviation && rest_is_name {
                return (Some(abbr), rest.trim());
            }
        }
        return (None, label.trim());
    }
    let rest = label[n..].trim();
    // `ACTING ADMINSTRATOR SLAVITT`: a source's typo in the office.
    if let Some((word, name)) = rest.split_once(' ') {
        if lexicon::misspelled_office(word) && !name.trim().is_empty() {
            let end = label.len() - name.trim_start().len();
            return (Some(label[..end].trim()), name.trim());
        }
    }
    // `Senator and Reverend Raphael Warnock`: two titles joined.
    if let Some(more) = rest
        .strip_prefix("and ")
        .or_else(|| rest.strip_prefix("AND "))
        .filter(|m| lexicon::title_prefix_len(m) > 0)
    {
        let (_, name) = strip_title(more);
        let end = label.len() - name.len();
        return (Some(label[..end].trim()), name);
    }
    // `PRIME MINISTER OF NORWAY`: an office with its qualifier, no name.
    let qualifier = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| lexicon::is_connector(&w.to_lowercase()));
    // `THE PRESIDENT`, `Minister` alone: the office is the identity.
    if rest.is_empty()
        || qualifier
        || lexicon::title_prefix_len(&format!("{rest} X")) == rest.len() + 1
    {
        return (None, label.trim());
    }
    (Some(label[..n].trim()), rest)
}

/// `JEAN-PIERRE` -> `Jean-Pierre`, `MCDONOUGH` -> `McDonough`, `O'BRIEN` ->
/// `O'Brien`; mixed-case words are left as printed.
pub fn name_case(name: &str) -> String {
    // `McALLISTER` shouts too: the small `c` of a `Mc` prefix is its own.
    let letters: Vec<char> = name
        .split(|c: char| !c.is_alphabetic())
        .flat_map(|w| w.strip_prefix("Mc").unwrap_or(w).chars())
        .collect();
    let shouting = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if !shouting {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start_of_word = true;
    let mut prev_two = (' ', ' ');
    for c in name.chars() {
        if c.is_alphabetic() {
            let mc = prev_two == ('M', 'c');
            if start_of_word || mc {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start_of_word = false;
        } else {
            out.push(c);
            start_of_word = matches!(c, ' ' | '-' | '\'' | '’' | '.');
        }
        let last = out.chars().last().unwrap_or(' ');
        prev_two = (prev_two.1, last);
        if out.ends_with("Mc") && out.len() >= 2 {
            let before = out[..out.len() - 2].chars().last();
            prev_two = if before.is_none_or(|b| !b.is_alphabetic()) {
                ('M', 'c')
            } else {
                (' ', 'c')
            };
        }
    }
    // Keep short words of a title lower case, as in `Minister for Foreign
    // Affairs`, and initials in capitals (`PM`, `NATO` has vowels and is
    // cased as a word only when the whole label shouts it).
    let printed: Vec<&str> = name.split(' ').collect();
    out.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lw = w.to_lowercase();
            let original = printed.get(i).copied().unwrap_or("");
            // Initials open a label (`NSC SPOKESPERSON`, `PM`) or follow a
            // connector (`MEMBERS OF BTS`); after a given name a short word
            // is a surname (`JOY NG`).
            let after_connector = i > 0
                && printed
                    .get(i - 1)
                    .is_some_and(|p| lexicon::is_connector(&p.to_lowercase()));
            let initials = (i == 0 || printed.len() <= 1 || after_connector)
                && (2..=4).contains(&original.len())
                && original.chars().all(|c| c.is_ascii_uppercase())
                && !original.contains(['A', 'E', 'I', 'O', 'U', 'Y'])
                && !lexicon::is_honorific(original)
                && !["JR", "SR", "ST"].contains(&original);
            if initials {
                original.to_string()
            } else if i > 0 && lexicon::is_connector(&lw) {
                lw
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `CNN HOST` -> (`CNN`, `HOST`), `ABC News Chief White House
/// Correspondent` -> (`ABC News`, `Chief White House Correspondent`): a
/// journalist's job printed after the outlet's name. The outlet is the
/// longest run of leading words that ends on an outlet's own word.
fn split_job_word(outlet: &str) -> (&str, Option<&str>) {
    let outlet = outlet.trim();
    let Some((_, job)) = outlet.rsplit_once(' ') else {
        return (outlet, None);
    };
    if !journalistic_title(job) {
        return (outlet, None);
    }
    let ends: Vec<usize> = outlet.match_indices(' ').map(|(i, _)| i).collect();
    for &end in ends.iter().rev() {
        let name = &outlet[..end];
        let last = name.rsplit(' ').next().unwrap_or(name);
        if lexicon::is_outlet(name)
            && (lexicon::is_news_outlet(last)
                || lexicon::is_outlet(last)
                || lexicon::is_outlet_word(last))
        {
            return (name, Some(outlet[end..].trim()));
        }
    }
    (outlet, None)
}

/// Words of a title that make its holder a journalist (`EDITORIAL PAGE EDITOR`).
fn journalistic_title(title: &str) -> bool {
    let l = title.to_ascii_lowercase();
    [
        "byline",
        "editor",
        "reporter",
        "correspondent",
        "columnist",
        "journalist",
        "anchor",
        "writer",
        "producer",
        "host",
        "interviewer",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Read a label into an identity, before names are completed.
pub fn identify(label: &str) -> Identity {
    let label = super::label::slash_as_comma(label);
    let label = question_number(label.as_ref());
    if lexicon::is_anonymous(label) {
        // `Speaker 2`, `UNIDENTIFIED FEMALE`: nobody in particular; what
        // they do decides the role.
        return Identity::default();
    }
    if let Some(id) = cjk_identity(label) {
        return id;
    }
    // `新华社记者`: an outlet's reporter.
    if let Some(outlet) = label.strip_suffix("记者").filter(|o| !o.is_empty()) {
        return Identity {
            outlet: Some(outlet.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::OutletLabel,
            ..Identity::default()
        };
    }
    // `QUESTION JUNG`, `Question (Alexander Gamov, Komsomolskaya Pravda)`,
    // `Question from Laura Kuenssberg, BBC`, `Q (Yonhap)`: a reporter
    // marker with the asker attached (the shape is read in `label`).
    if let Some(m) = super::label::reporter_marker(label) {
        return marker_identity(label, m);
    }
    if let Some(role) = lexicon::role_of_word(label) {
        let speaker = match role {
            Role::Journalist => None,
            _ if label.eq_ignore_ascii_case("a")
                || label.eq_ignore_ascii_case("answer")
                || super::vocab::is_answer_marker(&label.to_lowercase()) =>
            {
                None
            }
            _ => Some(name_case(label)),
        };
        return Identity {
            speaker,
            role: Some(role),
            role_rule: RoleRule::RoleWord,
            ..Identity::default()
        };
    }
    let (main, paren) = super::label::split_paren(label);
    if let Some(paren) = paren.filter(|p| !lexicon::is_stage_direction_words(p)) {
        return bracket_identity(main, paren);
    }
    if let Some(id) = from_identity(main) {
        return id;
    }
    if let Some((a, b)) = main.split_once(',').or_else(|| caseless_dash(main)) {
        return comma_identity(a.trim(), b.trim());
    }
    plain_identity(label, main)
}

/// Words for a reporter who works for nobody in particular: not an outlet.
pub(crate) const FREELANCE: &[&str] = &[
    "フリーランス",
    "フリー",
    "프리랜서",
    "freelance",
    "freelancer",
];

/// Characters that end the name of an organisation in Chinese and
/// Japanese (`外交部`, `市交通运输局`, `外務省`): what stands before an
/// office is then its organisation, not its holder's name.
const ORGANISATION_ENDS: &[char] = &[
    '部', '局', '院', '省', '庁', '厅', '署', '会', '所', '委', '府', '市', '県', '区', '国', '党',
    '社', '台',
];

/// Labels written in Chinese or Japanese that join a name to an office
/// or an outlet without a comma or brackets:
/// - `NHK　佐藤記者`, `共同通信 高橋記者`: an outlet, a space, a surname and
///   `記者` (reporter): the reporter's name and outlet (`フリーランス`,
///   freelance, is no outlet);
/// - `上田外務大臣`: a surname and an office of the lexicon, no space;
/// - `市交通运输局局长 陈志强`: an office, a space, a name.
fn cjk_identity(label: &str) -> Option<Identity> {
    let label = label.trim();
    if !label.chars().any(super::label::is_cjk) {
        return None;
    }
    let short_name = |s: &str| {
        let n = s.chars().count();
        (1..=4).contains(&n) && s.chars().all(super::label::is_cjk)
    };
    let office_end = |s: &str| -> Option<(usize, Role)> {
        super::vocab::titles()
            .filter(|t| t.chars().count() >= 2 && s.ends_with(t) && s.len() > t.len())
            .max_by_key(|t| t.len())
            .and_then(|t| Some((s.len() - t.len(), super::vocab::title_role(t)?)))
    };
    if let Some((before, last)) = label.rsplit_once(char::is_whitespace) {
        let before = before.trim();
        if let Some(name) = last
            .strip_suffix("記者")
            .or_else(|| last.strip_suffix("记者"))
            .filter(|n| short_name(n))
        {
            let freelance = FREELANCE.iter().any(|f| before.eq_ignore_ascii_case(f));
            return Some(Identity {
                speaker: Some(name.to_string()),
                outlet: (!freelance && !before.is_empty()).then(|| before.to_string()),
                role: Some(Role::Journalist),
                role_rule: RoleRule::NameWithOutlet,
                ..Identity::default()
            });
        }
        // `박정훈 제2차관`, `한지원 대변인`: Korean writes the office after
        // the name.
        if short_name(before) && !before.chars().any(|c| !is_hangul(c)) {
            let role = super::vocab::title_role(last).or_else(|| office_end(last).map(|(_, r)| r));
            if let Some(role) = role {
                return Some(Identity {
                    speaker: Some(before.to_string()),
                    title: Some(last.to_string()),
                    role: Some(role),
                    role_rule: RoleRule::OfficeTitle,
                    ..Identity::default()
                });
            }
        }
        if short_name(last) {
            if let Some((_, role)) = office_end(before) {
                return Some(Identity {
                    speaker: Some(last.to_string()),
                    title: Some(before.to_string()),
                    role: Some(role),
                    role_rule: RoleRule::OfficeTitle,
                    ..Identity::default()
                });
            }
        }
        return None;
    }
    if lexicon::is_role_word(label) {
        return None;
    }
    let (at, role) = office_end(label)?;
    let name = &label[..at];
    // Surnames run to three characters (`上田`, `長谷川`); four before an
    // office are a place or a department (`都市交通部長`).
    if !short_name(name) || name.chars().count() > 3 || name.ends_with(ORGANISATION_ENDS) {
        return None;
    }
    Some(Identity {
        speaker: Some(name.to_string()),
        title: Some(label[at..].to_string()),
        role: Some(role),
        role_rule: RoleRule::OfficeTitle,
        ..Identity::default()
    })
}

/// `<답변> (박정훈 제2차관) 내년 1월…`, `Ａ　（市長）南部は…`: an answer
/// marker followed by the answerer in brackets names the turn's speaker
/// (a name without its office; a role word as printed). The text keeps
/// the bracket.
pub fn answerer_in_brackets(turns: &mut [crate::model::Turn]) {
    for t in turns.iter_mut() {
        let lower = t.label.to_lowercase();
        if t.speaker.is_some() || !super::vocab::is_answer_marker(lower.trim_end_matches('.')) {
            continue;
        }
        let Some(inner) = leading_bracket(&t.text) else {
            continue;
        };
        // A CJK bracket names someone only by an office (`（市長）`,
        // `（都市交通部長）`); `答：（笑）…` is a stage direction.
        let office =
            || super::vocab::titles().any(|w| w.chars().count() >= 2 && inner.ends_with(w));
        let speaker = match cjk_identity(inner) {
            Some(id) => id.speaker,
            None if lexicon::is_role_word(inner) => Some(inner.to_string()),
            None if inner.chars().any(super::label::is_cjk) => office().then(|| inner.to_string()),
            None => super::label::name_shape(inner)
                .ok()
                .filter(|s| s.words >= 2 && !super::label::is_delivery_note(inner))
                .map(|_| strip_title(inner).1.to_string()),
        };
        if let Some(speaker) = speaker {
            t.speaker = Some(speaker);
            t.decision
                .push(crate::decision::Evidence::AnswererInBrackets);
        }
    }
}

/// The words of a short bracket that opens `text` (`(박정훈 제2차관)`,
/// `（市長）`).
fn leading_bracket(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let (open, close) = match text.chars().next()? {
        '(' => ('(', ')'),
        '（' => ('（', '）'),
        _ => return None,
    };
    let inner = text[open.len_utf8()..].split(close).next()?.trim();
    (!inner.is_empty() && inner.chars().count() <= 30 && text.contains(close)).then_some(inner)
}

/// A Hangul syllable.
fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7af}').contains(&c)
}

/// Is the first letter of `s` of a script without case (Arabic, Hebrew)?
fn starts_caseless(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(super::label::is_caseless)
}

/// `نادر الخطيب - الشرق الأوسط`: in a script without case a dash joins a
/// name and an outlet as a comma does (the label pass reads it so too).
fn caseless_dash(main: &str) -> Option<(&str, &str)> {
    if !starts_caseless(main) {
        return None;
    }
    [" - ", " – ", " — "]
        .iter()
        .find_map(|d| main.split_once(d))
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
}

/// `Q12 Mr Adeyemi`: a select committee's transcript numbers the
/// questions before the label; the speaker is the rest.
fn question_number(label: &str) -> &str {
    match label.split_once(' ') {
        Some((q, rest))
            if q.len() >= 2
                && q.len() <= 5
                && q.starts_with('Q')
                && q[1..].bytes().all(|b| b.is_ascii_digit())
                && !rest.trim().is_empty() =>
        {
            rest.trim()
        }
        _ => label,
    }
}

/// `QUESTION JUNG`, `Question (Alexander Gamov, Komsomolskaya Pravda)`,
/// `Question from Laura Kuenssberg, BBC`, `Q (Yonhap)`: a reporter marker
/// with the asker attached (the shape is read in `label`).
fn marker_identity(label: &str, m: super::label::Marker<'_>) -> Identity {
    let (title, name) = m.name.map_or((None, None), |n| {
        let (t, n) = strip_title(n);
        (t, person(n))
    });
    let shouting = !label.chars().any(char::is_lowercase);
    let public = m
        .description
        .is_some_and(|d| d.to_ascii_lowercase().contains("member of the public"));
    Identity {
        speaker: name,
        title: title.map(str::to_string),
        // `REUTERS` in a label in capitals is Reuters; `BBC` stays.
        outlet: m.outlet.map(|o| {
            if shouting && o.chars().count() > 4 {
                name_case(o)
            } else {
                o.to_string()
            }
        }),
        role: Some(if public {
            Role::Other
        } else {
            Role::Journalist
        }),
        role_rule: RoleRule::ReporterMarker,
    }
}

/// `Name (Bracket)`: a reporter and outlet, a role, an office, or an
/// affiliation that the conversation decides.
fn bracket_identity(main: &str, paren: &str) -> Identity {
    if lexicon::role_of_word(main) == Some(Role::Journalist) {
        // `Reporter (NHK)`: an outlet's unnamed reporter.
        return Identity {
            outlet: Some(paren.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::NameWithOutlet,
            ..Identity::default()
        };
    }
    if let Some(role) = lexicon::role_of_word(paren) {
        let (title, name) = strip_title(main);
        return Identity {
            speaker: Some(name_case(name)),
            title: title.map(str::to_string),
            role: Some(role),
            role_rule: RoleRule::RoleWord,
            ..Identity::default()
        };
    }
    // `أحمد سالم (العربية)`: in a script without case no capitals tell a
    // party or a ministry's initials from an outlet; a bracket after a
    // name that names no office is where such transcripts print the
    // reporter's outlet.
    let office = lexicon::names_office(paren)
        || lexicon::is_role_word(paren)
        || paren
            .split_whitespace()
            .next()
            .is_some_and(|w| super::vocab::title_role(&w.to_lowercase()).is_some());
    if starts_caseless(main) && !office && !lexicon::is_role_word(main) {
        return Identity {
            speaker: person(main),
            outlet: Some(paren.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::NameWithOutlet,
            ..Identity::default()
        };
    }
    // The bracket is an outlet only if it reads as a news organisation
    // (`Jane Doe (Reuters)`, or `Reuters (Jane Doe)` the other way
    // round); an office makes an official (`Jens Stoltenberg (NATO
    // Secretary General)`); anything else (`(R-SC)`, `(BMI)`) is an
    // affiliation that the conversation decides.
    let (name, affiliation) = if lexicon::is_news_outlet(main)
        && !lexicon::is_news_outlet(paren)
        && !lexicon::names_office(paren)
    {
        (paren, main)
    } else {
        (main, paren)
    };
    let (title, name) = strip_title(name);
    if lexicon::is_news_outlet(affiliation) {
        return Identity {
            speaker: person(name),
            title: title.map(str::to_string),
            outlet: Some(affiliation.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::NameWithOutlet,
        };
    }
    let joined = |t: Option<&str>| match t {
        Some(t) => format!("{t} {affiliation}"),
        None => affiliation.to_string(),
    };
    if lexicon::names_office(affiliation) {
        return Identity {
            speaker: person(name),
            title: Some(joined(title)),
            role: Some(Role::Official),
            role_rule: RoleRule::NameWithOffice,
            ..Identity::default()
        };
    }
    // `M. Dupont (Le Figaro)`: a courtesy title says nothing of the role;
    // the affiliation decides by what the speaker does, as without it.
    // (`Dr.`, `Prof.` are degrees that officials print too: `DR. KALL (BMG)`.)
    let academic = |t: &str| {
        let t = t.trim_end_matches('.').to_lowercase();
        t.starts_with("dr") || t.starts_with("prof")
    };
    let courtesy_only = title.is_some_and(|t| lexicon::is_honorific(t) && !academic(t))
        && affiliation.starts_with(|c: char| c.is_uppercase())
        && !lexicon::is_role_word(affiliation);
    if courtesy_only {
        return Identity {
            speaker: person(name),
            title: Some(affiliation.to_string()),
            role_rule: RoleRule::Affiliation,
            ..Identity::default()
        };
    }
    Identity {
        speaker: person(name),
        title: Some(joined(title)),
        role: title.map(|_| Role::Official),
        role_rule: if title.is_some() {
            RoleRule::Honorific
        } else {
            RoleRule::Affiliation
        },
        ..Identity::default()
    }
}

/// `Kallol Bhattacherjee from The Hindu`: a reporter and their outlet.
fn from_identity(main: &str) -> Option<Identity> {
    if let Some((a, b)) = main.split_once(" from ") {
        let (a, b) = (a.trim(), b.trim());
        let capitalised = |t: &str| {
            t.split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        if !a.contains(',')
            && capitalised(a)
            && capitalised(b)
            && !lexicon::names_office(a)
            && super::label::name_shape(a).is_ok()
        {
            let (title, name) = strip_title(a);
            return Some(Identity {
                speaker: person(name),
                title: title.map(str::to_string),
                outlet: Some(b.to_string()),
                role: Some(Role::Journalist),
                role_rule: RoleRule::NameWithOutlet,
            });
        }
    }
    None
}

/// `Name, Part` or `Part, Name`: an office, an outlet, a job or an
/// affiliation after or before a comma.
fn comma_identity(a: &str, b: &str) -> Identity {
    // `Official Spokesperson, Shri Arindam Bagchi`: the office first.
    if lexicon::names_office(a) && !lexicon::names_office(b) && !lexicon::is_outlet(b) {
        let (honorific, name) = strip_title(b);
        return Identity {
            speaker: Some(name_case(name)),
            title: Some(match honorific {
                Some(h) => format!("{h} {a}"),
                None => a.to_string(),
            }),
            role: Some(Role::Official),
            role_rule: RoleRule::NameWithOffice,
            ..Identity::default()
        };
    }
    if lexicon::is_outlet(b) && !lexicon::starts_with_office(b) {
        let (title, name) = strip_title(a);
        // `JAKE TAPPER, CNN HOST`: the job word is a title, not part
        // of the outlet.
        let (outlet, job) = split_job_word(b);
        return Identity {
            speaker: person(name),
            title: job.map(name_case).or(title.map(str::to_string)),
            outlet: Some(outlet.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::NameWithOutlet,
        };
    }
    if lexicon::is_outlet(a) && !lexicon::starts_with_office(a) {
        return Identity {
            speaker: person(b),
            outlet: Some(a.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::NameWithOutlet,
            ..Identity::default()
        };
    }
    // `Mr. Taro Yamada, Minister for Foreign Affairs`: a name and an office.
    let (honorific, name) = strip_title(a);
    // Initials stay as printed (`PTI`); words in capitals are cased.
    let cased = if b.chars().count() <= 4 && !b.contains(' ') {
        b.to_string()
    } else {
        name_case(b)
    };
    let title = match honorific {
        Some(h) => format!("{h} {cased}"),
        None => cased,
    };
    let journalist = journalistic_title(b);
    // `Anna Petrova, Kommersant`: a word that is neither an office nor
    // a known outlet is an affiliation, an outlet if she asks.
    let (role, role_rule) = if journalist {
        (Some(Role::Journalist), RoleRule::JournalistTitle)
    } else if honorific.is_some() || lexicon::names_office(b) || office_words(b) {
        (Some(Role::Official), RoleRule::NameWithOffice)
    } else {
        (None, RoleRule::Affiliation)
    };
    Identity {
        speaker: Some(name_case(name)),
        title: Some(title),
        role,
        role_rule,
        ..Identity::default()
    }
}

/// A label with no bracket, comma or `from`: a name, perhaps after a
/// title, an office alone, or an outlet.
fn plain_identity(label: &str, main: &str) -> Identity {
    let (title, name) = strip_title(main);
    // `LIAM FOX`, `MARK POST`, `Sky News`: name words that hold an
    // outlet's word may be a person or an outlet; what the speaker does
    // decides (an outlet asks).
    if title.is_none() && lexicon::is_outlet(main) && reads_as_person_or_outlet(main) {
        return Identity {
            speaker: Some(name_case(main)),
            role_rule: RoleRule::NameOrOutlet,
            ..Identity::default()
        };
    }
    if title.is_none() && lexicon::is_outlet(main) {
        return Identity {
            outlet: Some(main.to_string()),
            role: Some(Role::Journalist),
            role_rule: RoleRule::OutletLabel,
            ..Identity::default()
        };
    }
    let (role, rule) = match title {
        Some(t)
            if lexicon::starts_with_office(t) || lexicon::starts_with_office(&format!("{t} ")) =>
        {
            (Some(Role::Official), RoleRule::OfficeTitle)
        }
        Some(t) if t.eq_ignore_ascii_case("the") => (Some(Role::Official), RoleRule::OfficeTitle),
        // `Vors. Dr. Müller`, `Ministro Bellini`: another language's role
        // word as the title says the role.
        Some(t) if title_role(t).is_some() => (title_role(t), RoleRule::OfficeTitle),
        Some(_) => (Some(Role::Official), RoleRule::Honorific),
        None if name != label && lexicon::starts_with_office(label) => {
            (Some(Role::Official), RoleRule::OfficeTitle)
        }
        None if lexicon::starts_with_office(&format!("{label} "))
            || lexicon::starts_with_office(label) =>
        {
            (Some(Role::Official), RoleRule::OfficeTitle)
        }
        None => (None, RoleRule::None),
    };
    Identity {
        speaker: Some(name_case(name)),
        title: title.map(str::to_string),
        role,
        role_rule: rule,
        ..Identity::default()
    }
}

/// The role the first word of a title names in another language
/// (`Vors.` in `Vors. Dr.`: chair).
fn title_role(title: &str) -> Option<Role> {
    let first = title.split_whitespace().next()?.to_lowercase();
    super::vocab::title_role(&first)
        .or_else(|| super::vocab::title_role(first.trim_end_matches('.')))
}

/// Does a part after a comma read as a job (`Chief Spokesperson`,
/// `Director of Communications`): an office word or a lower-case word
/// inside (`for`, `of`)?
fn office_words(part: &str) -> bool {
    lexicon::starts_with_office(part)
        || lexicon::starts_with_office(&format!("{part} "))
        || part
            .split_whitespace()
            .any(|w| lexicon::is_connector(w) || lexicon::title_prefix_len(&format!("{w} X")) > 0)
}

/// Two or three capitalised name words that are not a well-known outlet's
/// full name nor a web domain: `Liam Fox` may be a person or an outlet.
fn reads_as_person_or_outlet(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| name_word(w))
        && !lexicon::is_known_outlet(label)
}

/// The person a header entry names, without office or brackets:
/// `REP. LORRAINE TAN (R-OH)` -> `Lorraine Tan`.
pub fn person_name(entry: &str) -> String {
    let (main, _) = super::label::split_paren(entry);
    name_case(strip_title(main).1)
}

/// Does the prose say someone spoke to `label` as to a publication
/// (`spoke to *Nation Africa*` in italics, `told the Daily Nation`)? Then
/// it is who interviewed them: an outlet, not a person. A person spoken
/// to (`told Jake Tapper`) is neither italicised nor `the`.
pub fn spoken_to(label: &str, prose: &[&str]) -> bool {
    const VERBS: &[&str] = &[
        "spoke to ",
        "spoke with ",
        "speaking to ",
        "speaking with ",
        "talked to ",
        "talked with ",
        "told ",
        "sat down with ",
    ];
    let label = label.to_lowercase();
    if label.split_whitespace().count() < 2 {
        return false;
    }
    prose.iter().any(|text| {
        let lower = text.to_lowercase();
        lower.match_indices(label.as_str()).any(|(at, _)| {
            let (before, after) = (&lower[..at], &lower[at + label.len()..]);
            let italic = ["*", "_"]
                .iter()
                .find(|m| before.ends_with(*m) && after.starts_with(*m));
            let before = match italic {
                Some(m) => before.strip_suffix(m).unwrap_or(before),
                None => match before.strip_suffix("the ") {
                    Some(b) => b,
                    None => return false,
                },
            };
            let ends = after
                .trim_start_matches(['*', '_'])
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            ends && VERBS.iter().any(|v| before.ends_with(v))
        })
    })
}

/// The person the prose names as holder of `office`, a label that is an
/// office or a role alone (`Master of Ceremonies`, `Deputy Spokesperson`,
/// `Moderator`, `The Court`): `Master of Ceremonies Luana Ferraz`, `Ana
/// Luísa Ferreira, Deputy Spokesperson`, `Moderated by PMO Press
/// Secretary Nadia Boucher-Kamara`, `BEFORE THE HONORABLE TERESA
/// VILLANUEVA-RUIZ`. `None` unless exactly one person is so named.
pub fn office_holder_in_prose(office: &str, prose: &[&str]) -> Option<String> {
    let office = office.trim().to_lowercase();
    let office = office.strip_prefix("the ").unwrap_or(&office);
    let mut phrases: Vec<Vec<&str>> = vec![office.split_whitespace().collect()];
    // Who chairs is named by what they do.
    match office {
        "moderator" => phrases.push(vec!["moderated", "by"]),
        "chair" | "chairman" | "chairwoman" | "chairperson" => phrases.push(vec!["chaired", "by"]),
        "host" => phrases.push(vec!["hosted", "by"]),
        "court" | "judge" => {
            phrases.push(vec!["before", "the", "honorable"]);
            phrases.push(vec!["before", "the", "hon."]);
            phrases.push(vec!["presiding", "judge"]);
        }
        _ => {}
    }
    let mut found: Option<String> = None;
    for text in prose {
        let words: Vec<&str> = text.split_whitespace().collect();
        // A title in Title Case (`Press Call by a Senior Official After
        // G7 Plenary Session Two`) capitalises words that are no name.
        let lower_words = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .filter(|w| !lexicon::is_connector(w) && !matches!(**w, "a" | "an" | "by"))
            .count();
        let mixed = text.chars().any(char::is_lowercase);
        let sentence = text.contains([':', ';', ',']) || text.trim_end().ends_with('.');
        if mixed && lower_words == 0 && words.len() >= 5 && !sentence {
            continue;
        }
        let bare: Vec<String> = words
            .iter()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                    .to_lowercase()
            })
            .collect();
        for phrase in &phrases {
            let n = phrase.len();
            for at in 0..words.len().saturating_sub(n - 1) {
                if (0..n)
                    .any(|k| bare[at + k].trim_end_matches('.') != phrase[k].trim_end_matches('.'))
                {
                    continue;
                }
                // Its last word must not close a sentence or clause before
                // the name (`Moderator. Next`), except `Name, Office`.
                let after = holder_after(&words[at + n..]);
                let before = if at > 0 && words[at - 1].ends_with(',') {
                    holder_before(&words[..at])
                } else {
                    None
                };
                let closed = words[at + n - 1].ends_with([',', '.', ';', ':']);
                for name in [(!closed).then_some(after).flatten(), before]
                    .into_iter()
                    .flatten()
                {
                    match &found {
                        None => found = Some(name),
                        Some(f) if *f == name => {}
                        Some(_) => return None,
                    }
                }
            }
        }
    }
    found
}

/// `I am Adaobi Nwankwo, Director of Press.` at the start of a turn: the
/// name a speaker gives themselves.
pub fn names_self(text: &str) -> Option<String> {
    let head = text
        .char_indices()
        .nth(240)
        .map_or(text, |(i, _)| &text[..i]);
    ["I am ", "I'm ", "I’m ", "My name is ", "my name is "]
        .iter()
        .find_map(|p| {
            let at = head.find(p)?;
            let before = head[..at].trim_end();
            // Only as a sentence of its own: `I am` after a sentence end.
            let starts = before.is_empty() || before.ends_with(['.', '!', ',', ':']);
            starts.then(|| {
                holder_after(&head[at + p.len()..].split_whitespace().collect::<Vec<_>>())
            })?
        })
}

/// A word of a person's name in prose (not an office, honorific or
/// opener), without the punctuation around it.
fn holder_word(word: &str) -> Option<&str> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
    (name_word(w) && !not_a_given_name(w) && !lexicon::names_office(w)).then_some(w)
}

/// The name that follows an office (`Luana Ferraz.` after `Master of
/// Ceremonies`): the name words that end the capitalised run after it
/// (`PMO Press Secretary Nadia Boucher-Kamara`: the last two).
fn holder_after(words: &[&str]) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for w in words.iter().take(8) {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        run.push(w);
        if w.ends_with([',', '.', ';', ':', ')']) {
            break;
        }
    }
    let mut name: Vec<&str> = Vec::new();
    for w in run.iter().rev() {
        match holder_word(w) {
            Some(bare) => name.push(bare),
            None => break,
        }
    }
    name.reverse();
    (2..=4)
        .contains(&name.len())
        .then(|| name_case(&name.join(" ")))
}

/// The name that comes before `, Office` (`Ana Luísa Ferreira,`).
fn holder_before(words: &[&str]) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for (k, w) in words.iter().rev().take(4).enumerate() {
        if k > 0 && w.ends_with([',', '.', ';', ':']) {
            break;
        }
        match holder_word(w) {
            Some(bare) => run.push(bare),
            None => break,
        }
    }
    run.reverse();
    (2..=4)
        .contains(&run.len())
        .then(|| name_case(&run.join(" ")))
}

/// A person's name, or `None` when the words are empty.
fn person(name: &str) -> Option<String> {
    let n = name.trim();
    (!n.is_empty()).then(|| name_case(n))
}

/// Words that start a capitalised run in prose but are not given names.
pub fn not_a_given_name(word: &str) -> bool {
    // `Doctors Fauci and Walensky`, `Senators Kim and Ruiz`: an office or
    // honorific in the plural addresses several people.
    let singular = word
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| word.strip_suffix('s').map(str::to_string));
    if singular.is_some_and(|s| {
        s.len() >= 3
            && (lexicon::is_honorific(&s) || lexicon::title_prefix_len(&format!("{s} X")) > 0)
    }) {
        return true;
    }
    lexicon::is_honorific(word)
        || lexicon::is_role_word(word)
        || lexicon::title_prefix_len(&format!("{word} X")) > 0
        || lexicon::is_sentence_opener(word)
        || lexicon::is_connector(&word.to_lowercase())
}

/// Is `word` written like a name in prose (`Psaki`, `Nunez-Smith`, or
/// `DANIEL` in an all-capitals title)?
pub fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && word.chars().count() >= 2
}

/// Names the document declares: participants in full, and from prose
/// (title, summary) each pair of adjacent name words (`Jen Psaki`).
#[derive(Debug, Default, Clone)]
pub struct Declared {
    /// Full names; a short form may be any of their words (`Xiao`).
    pub full: Vec<String>,
    /// `Given Surname` pairs from prose; a short form must be the surname.
    pub pairs: Vec<String>,
}

pub fn declared_names(participants: &[Participant], prose: &[&str]) -> Declared {
    let mut names = Declared {
        full: participants.iter().map(|p| person_name(&p.name)).collect(),
        pairs: Vec::new(),
    };
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let joined = |w: &str| !w.ends_with([',', '.', ';', ':', ')']);
    let given_name = |w: &str| name_word(w) && !not_a_given_name(w);
    for text in prose {
        let words: Vec<&str> = text.split_whitespace().collect();
        for (j, w) in words.windows(2).enumerate() {
            let given = bare(w[0]);
            let surname = w[1].trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            // `TAN'S`, `Psaki’s`: the possessive is not part of the name.
            let surname = ["'s", "’s", "'S", "’S"]
                .iter()
                .find_map(|p| surname.strip_suffix(p))
                .unwrap_or(surname);
            if !(joined(w[0]) && name_word(&given) && name_word(surname) && given_name(&given)) {
                continue;
            }
            // A middle name between an honorific or office and the
            // surname (`Dr Samuel Kiprop Rotich`) belongs to the name.
            let mut first = j;
            while first > 0
                && j - first < 2
                && joined(words[first - 1])
                && given_name(&bare(words[first - 1]))
            {
                first -= 1;
            }
            let titled = first > 0 && joined(words[first - 1]) && {
                let w = bare(words[first - 1]);
                lexicon::is_honorific(&w) || lexicon::title_prefix_len(&format!("{w} X")) > 0
            };
            let start = if first < j && titled { first } else { j };
            let given: Vec<String> = words[start..=j]
                .iter()
                .map(|w| name_case(&bare(w)))
                .collect();
            names
                .pairs
                .push(format!("{} {}", given.join(" "), name_case(surname)));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answerer_named_in_brackets_after_an_answer_marker() {
        let who = |text: &str| -> Vec<Option<String>> {
            let parsed = crate::parse::parse_text(text, "t");
            parsed
                .transcript
                .turns
                .into_iter()
                .map(|t| t.speaker)
                .collect()
        };
        assert_eq!(
            who(
                "<질문> 연합뉴스 김지훈 기자입니다. 언제까지입니까?\n\n<답변> (박정훈 제2차관) 내년 1월 말까지입니다.\n\n<질문> 한시적입니까?\n\n<답변> 네.\n"
            ),
            [
                Some("김지훈".to_string()),
                Some("박정훈".to_string()),
                None,
                None
            ]
        );
        assert_eq!(
            who(
                "Ｑ　南部は？\n\nＡ　（都市交通部長）実証期間です。\n\nＱ　運賃は？\n\nＡ　（笑）未定です。\n"
            ),
            [None, Some("都市交通部長".to_string()), None, None]
        );
    }

    #[test]
    fn offices_beside_names_in_cjk_labels() {
        let who = |l: &str| cjk_identity(l).and_then(|id| id.speaker);
        // Korean writes the office after the name.
        assert_eq!(who("박정훈 제2차관").as_deref(), Some("박정훈"));
        assert_eq!(who("김태석 도시계획국장").as_deref(), Some("김태석"));
        assert_eq!(who("交通部長 林志遠").as_deref(), Some("林志遠"));
        assert_eq!(who("林部長").as_deref(), Some("林"));
        // Four characters before an office are a department, not a surname.
        assert_eq!(who("都市交通部長"), None);
    }

    #[test]
    fn office_holders_named_in_prose() {
        let holder = |o: &str, p: &str| office_holder_in_prose(o, &[p]);
        assert_eq!(
            holder(
                "Master of Ceremonies",
                "Participants: Minister Rita Couto; Master of Ceremonies Luana Ferraz."
            )
            .as_deref(),
            Some("Luana Ferraz")
        );
        assert_eq!(
            holder("Deputy Spokesperson", "the noon briefing by Ana Luísa Ferreira, Deputy Spokesperson for the Secretary-General.").as_deref(),
            Some("Ana Luísa Ferreira")
        );
        assert_eq!(
            holder(
                "Moderator",
                "Moderated by PMO Press Secretary Nadia Boucher-Kamara. Passages in French are marked."
            )
            .as_deref(),
            Some("Nadia Boucher-Kamara")
        );
        assert_eq!(
            holder(
                "The Court",
                "BEFORE THE HONORABLE TERESA VILLANUEVA-RUIZ, COMMISSIONER"
            )
            .as_deref(),
            Some("Teresa Villanueva-Ruiz")
        );
        assert_eq!(
            holder("Moderator", "The moderator will take questions."),
            None
        );
        // Two people named for one office: none.
        assert_eq!(
            holder(
                "Moderator",
                "Moderated by Ann Lee and later moderated by Bo Kim."
            ),
            None
        );
    }

    #[test]
    fn question_numbers_are_not_names() {
        assert_eq!(
            identify("Q3 Mr Adeyemi").speaker.as_deref(),
            Some("Adeyemi")
        );
        assert_eq!(identify("Q12 Chair").role, Some(Role::Chair));
        assert_eq!(identify("Q7").speaker.as_deref(), Some("Q7"));
    }

    #[test]
    fn outlets_spoken_to() {
        let prose = ["Governor **Dr Ann Roe** spoke to *Nation Africa* on Monday."];
        assert!(spoken_to("Nation Africa", &prose));
        assert!(spoken_to("Daily Nation", &["She told the Daily Nation."]));
        // A person spoken to is not an outlet.
        assert!(!spoken_to(
            "Jake Tapper",
            &["Roe told Jake Tapper on Sunday."]
        ));
        assert!(!spoken_to(
            "Nation Africa",
            &["He read *Nation Africa* daily."]
        ));
    }

    #[test]
    fn names_are_cased_like_names() {
        assert_eq!(name_case("JEAN-PIERRE"), "Jean-Pierre");
        assert_eq!(name_case("MCDONOUGH"), "McDonough");
        assert_eq!(name_case("O'BRIEN"), "O'Brien");
        assert_eq!(
            name_case("SENIOR ADMINISTRATION OFFICIAL"),
            "Senior Administration Official"
        );
        assert_eq!(
            name_case("MINISTER FOR FOREIGN AFFAIRS"),
            "Minister for Foreign Affairs"
        );
        assert_eq!(name_case("Xiao Yaqing"), "Xiao Yaqing");
    }

    #[test]
    fn chinese_and_japanese_names_with_offices_and_outlets() {
        let who = |label: &str| {
            let id = identify(label);
            (id.speaker, id.title, id.outlet, id.role)
        };
        let s = |x: &str| Some(x.to_string());
        // Labels of ja-gaimu-kaiken.txt and zh-shizhengfu-fabuhui.txt.
        assert_eq!(
            who("NHK\u{3000}佐藤記者"),
            (s("佐藤"), None, s("NHK"), Some(Role::Journalist))
        );
        assert_eq!(
            who("共同通信 高橋記者"),
            (s("高橋"), None, s("共同通信"), Some(Role::Journalist))
        );
        assert_eq!(
            who("フリーランス\u{3000}山本記者"),
            (s("山本"), None, None, Some(Role::Journalist))
        );
        assert_eq!(
            who("上田外務大臣"),
            (s("上田"), s("外務大臣"), None, Some(Role::Official))
        );
        assert_eq!(
            who("市交通运输局局长 陈志强"),
            (
                s("陈志强"),
                s("市交通运输局局长"),
                None,
                Some(Role::Official)
            )
        );
        // Role words and an outlet's reporter stay as they were.
        assert_eq!(who("新闻发言人").0, s("新闻发言人"));
        assert_eq!(who("新华社记者").2, s("新华社"));
        // An organisation before an office is not a name.
        assert_eq!(who("外交部发言人").0, s("外交部发言人"));
    }

    #[test]
    fn a_dash_joins_name_and_outlet_without_case() {
        let id = identify("نادر الخطيب - الشرق الأوسط");
        assert_eq!(
            (id.speaker.as_deref(), id.title.as_deref()),
            (Some("نادر الخطيب"), Some("الشرق الأوسط"))
        );
        // In English a dash stays part of the label.
        assert_eq!(identify("Jean-Pierre - Reuters").title, None);
        // A bracket after a name that names no office is the outlet
        // (ar-mofa-briefing.txt); an office in brackets is not.
        let id = identify("ليلى حداد (وكالة الأنباء الفرنسية)");
        assert_eq!(
            (id.speaker.as_deref(), id.outlet.as_deref(), id.role),
            (
                Some("ليلى حداد"),
                Some("وكالة الأنباء الفرنسية"),
                Some(Role::Journalist)
            )
        );
        let id = identify("عبدالله الراشد (وزير الخارجية)");
        assert_eq!(
            (id.outlet, id.role == Some(Role::Journalist)),
            (None, false)
        );
    }

    #[test]
    fn labels_to_identities() {
        let id = identify("MS. PSAKI");
        assert_eq!(
            (id.speaker.as_deref(), id.title.as_deref(), id.role),
            (Some("Psaki"), Some("MS."), Some(Role::Official))
        );
        let id = identify("THE PRESIDENT");
        assert_eq!(
            (id.speaker.as_deref(), id.role),
            (Some("The President"), Some(Role::Official))
        );
        let id = identify("Jane Doe (Reuters)");
        assert_eq!(
            (id.speaker.as_deref(), id.outlet.as_deref(), id.role),
            (Some("Jane Doe"), Some("Reuters"), Some(Role::Journalist))
        );
        let id = identify("Reuters (Jane Doe)");
        assert_eq!(
            (id.speaker.as_deref(), id.outlet.as_deref()),
            (Some("Jane Doe"), Some("Reuters"))
        );
        let id = identify("Reuters, Doe");
        assert_eq!(
            (id.speaker.as_deref(), id.outlet.as_deref()),
            (Some("Doe"), Some("Reuters"))
        );
        let id = identify("CCTV");
        assert_eq!(
            (id.speaker, id.outlet.as_deref(), id.role),
            (None, Some("CCTV"), Some(Role::Journalist))
        );
        let id = identify("Q");
        assert_eq!((id.speaker, id.role), (None, Some(Role::Journalist)));
        let id = identify("Mr. Taro Yamada, Minister for Foreign Affairs");
        assert_eq!(
            (id.speaker.as_deref(), id.title.as_deref(), id.role),
            (
                Some("Taro Yamada"),
                Some("Mr. Minister for Foreign Affairs"),
                Some(Role::Official)
            )
        );
        let id = identify("JOHN DOE, EDITORIAL PAGE EDITOR");
        assert_eq!(
            (id.speaker.as_deref(), id.role),
            (Some("John Doe"), Some(Role::Journalist))
        );
        let id = identify("Deputy Prime Minister Jane Roe");
        assert_eq!(
            (id.speaker.as_deref(), id.title.as_deref(), id.role),
            (
                Some("Jane Roe"),
                Some("Deputy Prime Minister"),
                Some(Role::Official)
            )
        );
        let id = identify("Xiao Yaqing");
        assert_eq!(
            (id.speaker.as_deref(), id.role),
            (Some("Xiao Yaqing"), None)
        );
    }

    #[test]
    fn brackets_and_commas_give_outlets_only_when_they_read_as_news() {
        let id = |l: &str| {
            let i = identify(l);
            (i.speaker, i.title, i.outlet, i.role)
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            id("Jens Stoltenberg (NATO Secretary General)"),
            (
                some("Jens Stoltenberg"),
                some("NATO Secretary General"),
                None,
                Some(Role::Official)
            )
        );
        // Initials that may be a ministry or an outlet: the conversation decides.
        assert_eq!(id("ALTER (BMI)"), (some("Alter"), some("BMI"), None, None));
        assert_eq!(
            id("SEN. LINDSEY GRAHAM (R-SC)").3,
            Some(Role::Official),
            "an office title decides"
        );
        assert_eq!(
            id("Official Spokesperson, Shri Arindam Bagchi"),
            (
                some("Arindam Bagchi"),
                some("Shri Official Spokesperson"),
                None,
                Some(Role::Official)
            )
        );
        assert_eq!(
            id("Kallol Bhattacherjee from The Hindu"),
            (
                some("Kallol Bhattacherjee"),
                None,
                some("The Hindu"),
                Some(Role::Journalist)
            )
        );
        assert_eq!(
            id("JAKE TAPPER, CNN HOST"),
            (
                some("Jake Tapper"),
                some("Host"),
                some("CNN"),
                Some(Role::Journalist)
            )
        );
        assert_eq!(
            id("SANJAY GUPTA, CNN CHIEF MEDICAL CORRESPONDENT").2,
            some("CNN")
        );
        assert_eq!(
            id("NATO Spokesperson Oana Lungescu"),
            (
                some("Oana Lungescu"),
                some("NATO Spokesperson"),
                None,
                Some(Role::Official)
            )
        );
        assert_eq!(id("PM"), (some("PM"), None, None, Some(Role::Official)));
        assert_eq!(id("NSC SPOKESPERSON").0, some("NSC Spokesperson"));
    }

    #[test]
    fn names_declared_in_prose() {
        let names = declared_names(
            &[],
            &[
                "Press Briefing by Press Secretary Jen Psaki and Secretary of Homeland Security Alejandro Mayorkas",
            ],
        );
        assert!(names.pairs.contains(&"Jen Psaki".to_string()), "{names:?}");
        let index = super::super::names::FullNames::new(&names);
        assert_eq!(
            index.complete("Mayorkas").as_deref(),
            Some("Alejandro Mayorkas")
        );
        assert_eq!(index.complete("PSAKI").as_deref(), Some("Jen Psaki"));
        assert_eq!(strip_title("THE PRESIDENT"), (None, "THE PRESIDENT"));
    }
}
