//! Who is speaking: from a printed label to a canonical speaker, a title,
//! an outlet and a role.
//!
//! Works on labels and on what the document declares (header participants,
//! names in the title and summary); it reads no lines itself. Rules, in the
//! order they win: the header's participant list, the label's own words
//! (`Q`, `MODERATOR`, `Minister`, `(Reuters)`), then the structure of the
//! conversation (who asks, who answers).

use super::lexicon;
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
    pub role_rule: &'static str,
}

/// Split a leading honorific or office from a name:
/// `("Deputy Prime Minister", "Jane Roe")`.
pub fn strip_title(label: &str) -> (Option<&str>, &str) {
    let n = lexicon::title_prefix_len(label);
    if n == 0 {
        return (None, label.trim());
    }
    let rest = label[n..].trim();
    // `THE PRESIDENT`, `Minister` alone: the office is the identity.
    if rest.is_empty() || lexicon::title_prefix_len(&format!("{rest} X")) == rest.len() + 1 {
        return (None, label.trim());
    }
    (Some(label[..n].trim()), rest)
}

/// `JEAN-PIERRE` -> `Jean-Pierre`, `MCDONOUGH` -> `McDonough`, `O'BRIEN` ->
/// `O'Brien`; mixed-case words are left as printed.
pub fn name_case(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
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
    // Keep short words of a title lower case, as in `Minister for Foreign Affairs`.
    out.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lw = w.to_lowercase();
            if i > 0 && lexicon::is_connector(&lw) {
                lw
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of a title that make its holder a journalist (`EDITORIAL PAGE EDITOR`).
fn journalistic_title(title: &str) -> bool {
    let l = title.to_ascii_lowercase();
    [
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
    if let Some(role) = lexicon::role_of_word(label) {
        let speaker = match role {
            Role::Journalist => None,
            _ if label.eq_ignore_ascii_case("a") || label.eq_ignore_ascii_case("answer") => None,
            _ => Some(name_case(label)),
        };
        return Identity {
            speaker,
            role: Some(role),
            role_rule: "role-word",
            ..Identity::default()
        };
    }
    let (main, paren) = super::label::split_paren(label);
    if let Some(paren) = paren.filter(|p| !lexicon::is_stage_direction_words(p)) {
        if let Some(role) = lexicon::role_of_word(paren) {
            let (title, name) = strip_title(main);
            return Identity {
                speaker: Some(name_case(name)),
                title: title.map(str::to_string),
                role: Some(role),
                role_rule: "role-word",
                ..Identity::default()
            };
        }
        let (name, outlet) = if lexicon::is_outlet(paren) || !lexicon::is_outlet(main) {
            (main, paren)
        } else {
            (paren, main)
        };
        let (title, name) = strip_title(name);
        return Identity {
            speaker: person(name),
            title: title.map(str::to_string),
            outlet: Some(outlet.to_string()),
            role: Some(Role::Journalist),
            role_rule: "name-with-outlet",
        };
    }
    if let Some((a, b)) = main.split_once(',') {
        let (a, b) = (a.trim(), b.trim());
        if lexicon::is_outlet(b) && !lexicon::starts_with_office(b) {
            let (title, name) = strip_title(a);
            return Identity {
                speaker: person(name),
                title: title.map(str::to_string),
                outlet: Some(b.to_string()),
                role: Some(Role::Journalist),
                role_rule: "name-with-outlet",
            };
        }
        if lexicon::is_outlet(a) && !lexicon::starts_with_office(a) {
            return Identity {
                speaker: person(b),
                outlet: Some(a.to_string()),
                role: Some(Role::Journalist),
                role_rule: "name-with-outlet",
                ..Identity::default()
            };
        }
        // `Mr. Taro Yamada, Minister for Foreign Affairs`: a name and an office.
        let (honorific, name) = strip_title(a);
        let title = match honorific {
            Some(h) => format!("{h} {}", name_case(b)),
            None => name_case(b),
        };
        let journalist = journalistic_title(b);
        return Identity {
            speaker: Some(name_case(name)),
            title: Some(title),
            role: Some(if journalist {
                Role::Journalist
            } else {
                Role::Official
            }),
            role_rule: if journalist {
                "journalist-title"
            } else {
                "name-with-office"
            },
            ..Identity::default()
        };
    }
    let (title, name) = strip_title(main);
    if title.is_none() && lexicon::is_outlet(main) {
        return Identity {
            outlet: Some(main.to_string()),
            role: Some(Role::Journalist),
            role_rule: "outlet-label",
            ..Identity::default()
        };
    }
    let (role, rule) = match title {
        Some(t)
            if lexicon::starts_with_office(t) || lexicon::starts_with_office(&format!("{t} ")) =>
        {
            (Some(Role::Official), "office-title")
        }
        Some(t) if t.eq_ignore_ascii_case("the") => (Some(Role::Official), "office-title"),
        Some(_) => (Some(Role::Official), "honorific"),
        None if name != label && lexicon::starts_with_office(label) => {
            (Some(Role::Official), "office-title")
        }
        None if lexicon::starts_with_office(&format!("{label} "))
            || lexicon::starts_with_office(label) =>
        {
            (Some(Role::Official), "office-title")
        }
        None => (None, ""),
    };
    Identity {
        speaker: Some(name_case(name)),
        title: title.map(str::to_string),
        role,
        role_rule: rule,
        ..Identity::default()
    }
}

/// A person's name, or `None` when the words are empty.
fn person(name: &str) -> Option<String> {
    let n = name.trim();
    (!n.is_empty()).then(|| name_case(n))
}

/// Names the document declares in full: participants, and capitalised
/// runs of words in the title and summary (`Jen Psaki`).
pub fn declared_names(participants: &[Participant], prose: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = participants.iter().map(|p| p.name.clone()).collect();
    for text in prose {
        let mut run: Vec<&str> = Vec::new();
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let clean = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
            let capital = clean.chars().next().is_some_and(char::is_uppercase)
                && clean.chars().skip(1).any(char::is_lowercase);
            let ends = w.ends_with([',', '.', ';', ':', ')']);
            if capital
                && !lexicon::is_honorific(clean)
                && lexicon::title_prefix_len(&format!("{clean} X")) == 0
            {
                run.push(clean);
            } else if !run.is_empty() {
                if run.len() >= 2 {
                    names.push(run.join(" "));
                }
                run.clear();
            }
            if ends || i + 1 == words.len() {
                if run.len() >= 2 {
                    names.push(run.join(" "));
                }
                run.clear();
            }
        }
    }
    names
}

/// Complete a short name (`Psaki`, `Smith`, `Xiao`) to the one full name
/// among `known` that contains it as a whole word; `None` when there is no
/// such name or more than one.
pub fn complete_name(short: &str, known: &[String]) -> Option<String> {
    if short.split_whitespace().count() != 1 {
        // A full name printed in another case (`XIAO YAQING`).
        return known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(short))
            .cloned();
    }
    let mut found: Option<String> = None;
    for k in known {
        let words: Vec<&str> = k.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case(short)) else {
            continue;
        };
        // A long capitalised run from prose (`Homeland Security Alejandro
        // Mayorkas`): only the word before the surname is the given name.
        let full = if words.len() > 3 {
            if at == 0 {
                continue;
            }
            format!("{} {}", words[at - 1], words[at])
        } else {
            k.clone()
        };
        match &found {
            Some(f) if !f.eq_ignore_ascii_case(&full) => return None,
            _ => found = Some(full),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn short_names_complete_when_unambiguous() {
        let known = vec![
            "Jen Psaki".to_string(),
            "Jane Smith".to_string(),
            "John Smith".to_string(),
        ];
        assert_eq!(complete_name("Psaki", &known).as_deref(), Some("Jen Psaki"));
        assert_eq!(complete_name("Smith", &known), None);
        assert_eq!(complete_name("Doe", &known), None);
    }

    #[test]
    fn names_declared_in_prose() {
        let names = declared_names(
            &[],
            &[
                "Press Briefing by Press Secretary Jen Psaki and Secretary of Homeland Security Alejandro Mayorkas",
            ],
        );
        assert!(names.contains(&"Jen Psaki".to_string()), "{names:?}");
        assert_eq!(
            complete_name("Mayorkas", &names).as_deref(),
            Some("Alejandro Mayorkas")
        );
        assert_eq!(complete_name("PSAKI", &names).as_deref(), Some("Jen Psaki"));
        assert_eq!(strip_title("THE PRESIDENT"), (None, "THE PRESIDENT"));
    }
}
