//! Roles outside the press room: hearings and courts, where the people who
//! put the questions hold office and the people who answer do not.
//!
//! Asking, answering and chairing are what a speaker does; `journalist`,
//! `official`, `chair` and `other` are who they are. At a press conference
//! the askers are journalists and the answerers officials; at a hearing
//! or in a court the presiding member or judge chairs, the members or
//! justices who question are officials, and witnesses and counsel are
//! `other` (docs/formats.md, "Roles by setting"). This module recognises
//! the hearing setting from the turns themselves and re-reads roles in
//! it. It must not change a speaker, a label, a line or a text.

use super::exchange::who;
use super::lexicon;
use crate::decision::Evidence;
use crate::model::{Participant, Role, Turn};
use std::collections::HashMap;

/// Words of a label or title that say its holder presides.
const PRESIDING: &[&str] = &[
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "presiding",
    "chief justice",
    "the court",
    "judge",
];

/// Words of a label or title that make its holder a member of the body
/// that holds the hearing (a legislature or a bench).
const MEMBER: &[&str] = &[
    "rep.",
    "rep",
    "representative",
    "sen.",
    "sen",
    "senator",
    "congressman",
    "congresswoman",
    "ranking member",
    "justice",
    "judge",
    "chairman",
    "chairwoman",
    "chair",
    "member",
];

fn starts_with_any(text: &str, list: &[&str]) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").map_or(lower.as_str(), |l| l);
    list.iter().any(|w| {
        let w = w.strip_prefix("the ").unwrap_or(w);
        lower == w
            || lower
                .strip_prefix(w)
                .is_some_and(|r| r.starts_with([' ', ',', '(']))
    })
}

/// `(D-NJ)`, `(R-OH)`: a US legislator's party and state.
fn party_bracket(label: &str) -> bool {
    label.split('(').skip(1).any(|b| {
        let inner = b.split(')').next().unwrap_or("");
        let mut parts = inner.splitn(2, ['-', '–']);
        let party = parts.next().unwrap_or("");
        let state = parts.next().unwrap_or("");
        (1..=3).contains(&party.len())
            && party.chars().all(|c| c.is_ascii_uppercase())
            && (2..=4).contains(&state.len())
            && state.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// What the label, its title or the header's entry says of one turn.
fn presides(t: &Turn, listed: &HashMap<String, String>) -> bool {
    let header_title = t
        .speaker
        .as_ref()
        .and_then(|s| listed.get(&s.to_lowercase()));
    starts_with_any(&t.label, PRESIDING)
        || t.title
            .as_deref()
            .is_some_and(|x| starts_with_any(x, PRESIDING))
        || header_title.is_some_and(|x| {
            x.split([',', ';'])
                .any(|part| starts_with_any(part, PRESIDING))
        })
}

fn member(t: &Turn) -> bool {
    starts_with_any(&t.label, MEMBER)
        || t.title
            .as_deref()
            .is_some_and(|x| starts_with_any(x, MEMBER))
        || party_bracket(&t.label)
}

/// A presiding label that belongs to a bench, not a committee.
fn judicial(t: &Turn) -> bool {
    let l = t.label.to_lowercase();
    l.contains("court") || l.contains("justice") || l.contains("judge")
}

/// Share of a speaker's turns that ask.
fn asking_share(turns: &[Turn]) -> HashMap<String, (usize, usize)> {
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    for t in turns {
        let e = out.entry(who(t)).or_default();
        e.0 += 1;
        e.1 += super::exchange::asks(t) as usize;
    }
    out
}

/// Re-read roles where the turns are a hearing or a court; returns whether
/// they were. It is one when someone presides, nobody speaks for an
/// outlet, and reporters are not marked (`Q` markers count only before a
/// bench, where they mark counsel's questions to a witness). The header's
/// participants (name and title) help find who presides.
pub fn hearing_roles(turns: &mut [Turn], participants: &[Participant]) -> bool {
    if turns.iter().any(|t| t.outlet.is_some()) {
        return false;
    }
    let listed: HashMap<String, String> = participants
        .iter()
        .filter_map(|p| {
            Some((
                super::people::person_name(&p.name).to_lowercase(),
                p.title.clone()?,
            ))
        })
        .collect();
    let is_member: Vec<bool> = turns.iter().map(member).collect();
    let mut chairs: Vec<bool> = turns.iter().map(|t| presides(t, &listed)).collect();
    // Where no word says who presides, the member who opens a meeting of
    // members (two or more, labelled `Sen.`, `Rep.`, ...) presides.
    if !chairs.contains(&true) && is_member.first() == Some(&true) {
        let members: std::collections::HashSet<String> = turns
            .iter()
            .zip(&is_member)
            .filter(|(_, m)| **m)
            .map(|(t, _)| who(t))
            .collect();
        if members.len() >= 2 {
            let opener = who(&turns[0]);
            for (c, t) in chairs.iter_mut().zip(turns.iter()) {
                *c = who(t) == opener;
            }
        }
    }
    // Before a bench, counsel put the questions to witnesses: only those
    // who sit on it are officials. Before a committee, whoever questions
    // is a member.
    let judicial = turns.iter().zip(&chairs).any(|(t, c)| *c && judicial(t));
    let marked = turns
        .iter()
        .any(|t| t.speaker.is_none() && lexicon::role_of_word(&t.label) == Some(Role::Journalist));
    let hearing = chairs.contains(&true) && (judicial || (!marked && is_member.contains(&true)));
    if !hearing {
        return false;
    }
    let shares = asking_share(turns);
    for ((t, chairs), is_member) in turns.iter_mut().zip(chairs).zip(is_member) {
        let (n, asked) = shares[&who(t)];
        let asks = asked * 2 >= n && asked > 0;
        let (role, why) = if chairs {
            (Role::Chair, Evidence::Presides)
        } else if is_member || (!judicial && asks) {
            (Role::Official, Evidence::Asks)
        } else {
            (Role::Other, Evidence::Guest)
        };
        if t.role != role {
            t.role = role;
            t.decision.push(why);
        }
    }
    true
}

/// Does `prose` (a title, a summary) name an office just before the
/// speaker's surname: `Interview With New Hampshire Governor Will Harrow`?
fn office_before(prose: &[&str], speaker: &str) -> bool {
    let Some(surname) = speaker.split_whitespace().last() else {
        return false;
    };
    prose.iter().any(|text| {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.iter().enumerate().any(|(i, w)| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case(surname)
                && words[i.saturating_sub(5)..i].iter().any(|b| {
                    let b = b.trim_matches(|c: char| !c.is_alphanumeric());
                    !lexicon::is_honorific(b) && lexicon::title_prefix_len(&format!("{b} X")) > 0
                })
        })
    })
}

/// Interviews and podcasts: one voice (the host) speaks between everyone
/// else's turns and asks; the others answer it. The host is a journalist;
/// a guest is an official when a label or the title gives them an office,
/// otherwise `other` (an author, a scientist). Applies only where no role
/// is settled as a reporter's (no outlets, no `Q` markers) and returns
/// whether it decided; decided turns leave `unknown`.
pub fn interview_roles(
    turns: &mut [Turn],
    unknown: &mut [Option<Role>],
    prose: &[&str],
    podium: &[String],
) -> bool {
    // Reporters marked as such (`Q`, `QUESTION`, an outlet) make it a
    // press conference.
    let reporters = turns
        .iter()
        .any(|t| t.outlet.is_some() || (t.speaker.is_none() && t.role == Role::Journalist));
    if reporters || turns.len() < 4 {
        return false;
    }
    let shares = asking_share(turns);
    // The host asks most often; the guests ask far less.
    let Some((host, &(host_turns, host_asks))) = shares.iter().max_by_key(|(k, v)| (v.1, v.0, *k))
    else {
        return false;
    };
    let host = host.clone();
    let host_share = host_asks as f64 / host_turns as f64;
    // Guests may ask back now and then; a second voice that asks in half
    // its turns or more is another reporter.
    let guests_ask = shares
        .iter()
        .any(|(k, v)| *k != host && v.0 >= 3 && v.1 * 2 >= v.0);
    let others: Vec<usize> = (0..turns.len())
        .filter(|&i| who(&turns[i]) != host)
        .collect();
    let after_host = others
        .iter()
        .filter(|&&i| i > 0 && who(&turns[i - 1]) == host)
        .count();
    // A host whose label or header entry makes them an official is not
    // interviewing (a spokesperson giving the floor).
    let host_official = turns
        .iter()
        .zip(unknown.iter())
        .any(|(t, u)| who(t) == host && u.is_none() && t.role != Role::Journalist)
        || podium.iter().any(|p| p.eq_ignore_ascii_case(&host));
    if host_official
        || host_share < 0.4
        || guests_ask
        || host_turns * 100 < turns.len() * 30
        || others.len() < 2
        || after_host * 2 < others.len()
    {
        return false;
    }
    // Offices the host names: `Treasury Secretary Janet Yellen, who joined
    // us`, and a guest introduced by office alone right before their first
    // words (`Let's hear from the House speaker.`).
    let mut prose: Vec<&str> = prose.to_vec();
    let mut introduced: Vec<String> = Vec::new();
    for (i, t) in turns.iter().enumerate() {
        if who(t) != host {
            continue;
        }
        prose.push(&t.text);
        let last = t
            .text
            .rsplit(['.', '?', '!'])
            .find(|s| !s.trim().is_empty())
            .unwrap_or("");
        let names_office = last.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !lexicon::is_honorific(w)
                && w.chars().count() > 3
                && lexicon::title_prefix_len(&format!("{w} X")) > 0
        });
        if let Some(next) = turns.get(i + 1).filter(|n| names_office && who(n) != host) {
            introduced.push(who(next));
        }
    }
    let holds_office: Vec<bool> = turns
        .iter()
        .map(|t| {
            t.speaker
                .as_deref()
                .is_some_and(|s| office_before(&prose, s))
                || introduced.contains(&who(t))
        })
        .collect();
    for ((t, u), office) in turns.iter_mut().zip(unknown.iter_mut()).zip(holds_office) {
        if u.is_none() {
            continue;
        }
        let (role, why) = if who(t) == host {
            (Role::Journalist, Evidence::Hosts)
        } else if office {
            (Role::Official, Evidence::Guest)
        } else {
            (Role::Other, Evidence::Guest)
        };
        t.role = role;
        t.decision.push(why);
        *u = None;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_brackets_mark_legislators() {
        assert!(party_bracket("REP. ANDY KIM (D-NJ)"));
        assert!(party_bracket("SEN. LINDSEY GRAHAM (R-SC)"));
        assert!(!party_bracket("Jane Doe (Reuters)"));
        assert!(!party_bracket("ALTER (BMI)"));
    }

    #[test]
    fn presiding_words_start_a_label() {
        assert!(starts_with_any("CHIEF JUSTICE HALVORSEN", PRESIDING));
        assert!(starts_with_any("THE COURT", PRESIDING));
        assert!(starts_with_any("Chair", PRESIDING));
        assert!(!starts_with_any("Chairs of the panel", PRESIDING));
        assert!(!starts_with_any("Judgement", PRESIDING));
    }
}
