//! Rosters: who speaks at an event, declared by the user.
//!
//! A roster (TOML or JSON) names speakers with their aliases, roles,
//! outlets and titles, for one event or a whole series of briefings. It
//! wins over everything the parser infers. This module reads rosters and
//! applies one to a parsed transcript; it does no I/O of its own.

use crate::model::{Role, Transcript};
use serde::Deserialize;

/// A list of declared speakers.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    #[serde(default)]
    /// The declared speakers.
    pub speakers: Vec<RosterEntry>,
}

/// One declared speaker.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RosterEntry {
    /// The canonical name turns will carry as `speaker`.
    pub name: String,
    /// Labels or names that mean this speaker (`MS. PSAKI`, `Psaki`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Their side, when the roster says.
    pub role: Option<Role>,
    /// Their news organisation, for a journalist.
    pub outlet: Option<String>,
    /// Their office or affiliation.
    pub title: Option<String>,
}

/// Why a roster cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RosterError {
    /// Not valid JSON (the parser's message).
    Json(String),
    /// Not valid TOML: where (` at line L, column C`, when known) and why.
    Toml {
        /// Where the error is, as words, or empty.
        place: String,
        /// The TOML parser's message.
        message: String,
    },
    /// An entry without a name; its aliases.
    EmptyName(Vec<String>),
    /// A name or alias that stands for two speakers: (name, first, second).
    TwoSpeakers(String, String, String),
}

impl std::fmt::Display for RosterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RosterError::Json(e) => write!(f, "not a valid JSON roster: {e}"),
            RosterError::Toml { place, message } => {
                write!(f, "not a valid TOML roster{place}: {message}")
            }
            RosterError::EmptyName(aliases) => {
                write!(f, "a roster entry has an empty name (aliases {aliases:?})")
            }
            RosterError::TwoSpeakers(n, a, b) => {
                write!(f, "'{n}' names two speakers in the roster: {a} and {b}")
            }
        }
    }
}

impl std::error::Error for RosterError {}

impl Roster {
    /// Read a roster from text: JSON when it starts with `{`, TOML otherwise.
    pub fn from_text(text: &str) -> Result<Roster, RosterError> {
        let trimmed = text.trim_start_matches('\u{feff}').trim_start();
        let skipped = text.len() - trimmed.len();
        let roster: Roster = if trimmed.starts_with('{') {
            serde_json::from_str(trimmed).map_err(|e| RosterError::Json(e.to_string()))?
        } else {
            toml::from_str(trimmed).map_err(|e| {
                let at = e.span().map(|s| skipped + s.start);
                let place = at.map(|at| {
                    let before = &text[..at.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!(" at line {line}, column {column}")
                });
                RosterError::Toml {
                    place: place.unwrap_or_default(),
                    message: e.message().to_string(),
                }
            })?
        };
        if let Some(bad) = roster.speakers.iter().find(|s| s.name.trim().is_empty()) {
            return Err(RosterError::EmptyName(bad.aliases.clone()));
        }
        // A name or alias may stand for one speaker only.
        let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
        for entry in &roster.speakers {
            let mut own = std::collections::HashSet::new();
            for n in std::iter::once(&entry.name).chain(&entry.aliases) {
                let key = n.trim().to_lowercase();
                if !own.insert(key.clone()) {
                    continue; // the same speaker twice is harmless
                }
                if let Some(first) = seen.insert(key, &entry.name) {
                    return Err(RosterError::TwoSpeakers(
                        n.trim().to_string(),
                        first.to_string(),
                        entry.name.clone(),
                    ));
                }
            }
        }
        Ok(roster)
    }

    /// The entry a turn's label or speaker names, ignoring case.
    fn find(&self, label: &str, speaker: Option<&str>) -> Option<&RosterEntry> {
        let is = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        self.speakers.iter().find(|e| {
            let names = std::iter::once(&e.name).chain(&e.aliases);
            names.clone().any(|n| is(n, label))
                || speaker.is_some_and(|s| names.clone().any(|n| is(n, s)))
        })
    }

    /// Apply the roster to every turn it names, then regroup exchanges.
    pub fn apply(&self, t: &mut Transcript) {
        let mut changed = false;
        for turn in &mut t.turns {
            let Some(entry) = self.find(&turn.label, turn.speaker.as_deref()) else {
                continue;
            };
            turn.speaker = Some(entry.name.clone());
            if let Some(role) = entry.role {
                turn.role = role;
            }
            if entry.outlet.is_some() {
                turn.outlet.clone_from(&entry.outlet);
            }
            if entry.title.is_some() {
                turn.title.clone_from(&entry.title);
            }
            turn.decision.push(crate::decision::Evidence::Roster);
            changed = true;
        }
        if changed {
            t.exchanges = crate::parse::exchange::build(&mut t.turns);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_json_rosters_read_alike() {
        let toml = r#"
            [[speakers]]
            name = "Jen Psaki"
            aliases = ["MS. PSAKI"]
            role = "official"
            title = "Press Secretary"
        "#;
        let json = r#"{"speakers": [{"name": "Jen Psaki", "aliases": ["MS. PSAKI"], "role": "official", "title": "Press Secretary"}]}"#;
        assert_eq!(
            Roster::from_text(toml).unwrap(),
            Roster::from_text(json).unwrap()
        );
    }

    #[test]
    fn bad_rosters_say_why() {
        assert!(
            Roster::from_text("[[speakers]]\nnom = 1")
                .unwrap_err()
                .to_string()
                .contains("TOML")
        );
        assert!(
            Roster::from_text("{\"speakers\": 3}")
                .unwrap_err()
                .to_string()
                .contains("JSON")
        );
        assert!(
            Roster::from_text("[[speakers]]\nname = \" \"")
                .unwrap_err()
                .to_string()
                .contains("empty name")
        );
    }

    #[test]
    fn roster_wins_over_inference() {
        let mut t = crate::parse_text(crate::BUNDLED_TEXT, "x").transcript;
        let roster = Roster::from_text(
            "[[speakers]]\nname = \"CCTV reporter\"\naliases = [\"CCTV\"]\nrole = \"journalist\"\noutlet = \"China Central Television\"\n\n[[speakers]]\nname = \"Minister Xiao\"\naliases = [\"Xiao Yaqing\"]",
        )
        .unwrap();
        roster.apply(&mut t);
        assert_eq!(t.turns[3].speaker.as_deref(), Some("CCTV reporter"));
        assert_eq!(
            t.turns[3].outlet.as_deref(),
            Some("China Central Television")
        );
        assert_eq!(
            t.exchanges[0].outlet.as_deref(),
            Some("China Central Television")
        );
        assert_eq!(t.exchanges[0].answered_by, ["Minister Xiao"]);
        assert_eq!(t.turns[1].role, Role::Official);
    }
}
