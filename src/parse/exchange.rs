//! Q&A exchanges, and the roles the conversation itself reveals.
//!
//! Works on turns whose speakers are already resolved: it groups each
//! journalist's question with the turns that answer it, infers roles that
//! neither the header nor the label decided, and reads a moderator's
//! hand-off ("our next question goes to Andrea Mitchell with NBC"). It never
//! changes a label, a line or a text.

use crate::model::{Exchange, Role, Turn};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Key that groups turns by speaker for statistics.
fn who(turn: &Turn) -> String {
    turn.speaker
        .clone()
        .or_else(|| turn.outlet.clone())
        .unwrap_or_else(|| turn.label.clone())
        .to_lowercase()
}

/// Does the turn ask something?
fn asks(turn: &Turn) -> bool {
    turn.text.contains('?') || turn.text.contains('？')
}

/// Give a role to each turn whose role is still unknown (`None`), from the
/// conversation's structure. `has_roster` says the header listed the
/// people on the podium: then anyone else is a questioner.
pub fn infer_roles(turns: &mut [Turn], unknown: &[bool], has_roster: bool) {
    if !unknown.iter().any(|u| *u) {
        return;
    }
    // Per speaker: turns, turns that ask, words.
    let mut stats: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for (t, _) in turns.iter().zip(unknown).filter(|(_, u)| **u) {
        let s = stats.entry(who(t)).or_default();
        s.0 += 1;
        s.1 += asks(t) as usize;
        s.2 += t.words;
    }
    for (t, u) in turns.iter_mut().zip(unknown) {
        if !*u {
            continue;
        }
        let s = stats[&who(t)];
        let questioner = s.1 * 2 >= s.0 && s.1 > 0;
        t.role = if has_roster || questioner {
            Role::Journalist
        } else {
            Role::Official
        };
        t.rule.push_str(if has_roster {
            "; role: not in the header's list of officials, so a questioner"
        } else if questioner {
            "; role: asks questions"
        } else {
            "; role: answers"
        });
    }
}

static HANDOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:go(?:es|ing)?|turn|come|move)\s+(?:back\s+|over\s+|now\s+)?to\s+(?:the\s+line\s+of\s+)?
        (?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})
        \s*,?\s+(?:with|from|of|at)\s+(?:the\s+)?
        (?P<outlet>(?:[A-Z][\w’'.&-]*|of|the|and)(?:\s+(?:[A-Z][\w’'.&-]*|of|the|and)){0,5})",
    )
    .unwrap()
});

/// Read a hand-off at the end of a chair's turn: (name, outlet).
pub fn handoff(text: &str) -> Option<(String, String)> {
    let last = text.rsplit("\n\n").next().unwrap_or(text);
    let caps = HANDOFF.captures_iter(last).last()?;
    let name = caps["name"].trim().to_string();
    let outlet = caps["outlet"]
        .trim()
        .trim_end_matches(" and")
        .trim_end_matches(" the")
        .trim_end_matches(" of")
        .trim_end_matches('.')
        .to_string();
    (!outlet.is_empty()).then_some((name, outlet))
}

/// Apply hand-offs: a chair (or an official giving the floor) names the
/// next questioner and outlet; an anonymous question that follows takes them.
pub fn apply_handoffs(turns: &mut [Turn]) {
    for i in 1..turns.len() {
        let (before, after) = turns.split_at_mut(i);
        let prev = &before[i - 1];
        let next = &mut after[0];
        if next.role != Role::Journalist || prev.role == Role::Journalist {
            continue;
        }
        if let Some((name, outlet)) = handoff(&prev.text) {
            if next.outlet.is_none() {
                next.outlet = Some(outlet);
            }
            if next.speaker.is_none() {
                next.speaker = Some(name);
            }
            next.rule
                .push_str("; speaker and outlet from the hand-off in the turn before");
        }
    }
}

/// Group turns into exchanges and set each turn's `exchange`.
pub fn build(turns: &mut [Turn]) -> Vec<Exchange> {
    let mut exchanges: Vec<Exchange> = Vec::new();
    let mut open = false;
    for t in turns.iter_mut() {
        t.exchange = None;
        match t.role {
            Role::Journalist => {
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
    }
}
