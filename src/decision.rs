//! Why the parser read a turn as it did: typed evidence, rendered to words
//! only at the edge.
//!
//! Every stage of the parser that decides something about a turn (that a
//! line is a label, who speaks, which side they are on) records it here as
//! an enum. Later stages branch on these values, never on the wording of a
//! message; `turns --explain`, `check` and the `rule` field of the JSON are
//! the only places where they become text. This module holds data and its
//! wording only: it must not decide anything itself.

use std::fmt;

/// Why a line was taken as a speaker label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum LabelRule {
    /// No decision recorded (a turn built outside the parser).
    #[default]
    Unknown,
    /// WebVTT voice tag.
    VoiceTag,
    /// Answer marker A. at the start of a paragraph, where Q markers ask.
    AnswerMarker,
    /// Title and surname closed by a full stop at a paragraph start, in a document of such labels.
    PeriodLabel,
    /// Name and clock time alone on its line, text below.
    NameAndClock,
    /// Label alone on its line with a timestamp, text below.
    AloneWithTimestamp,
    /// Label alone on its line, text below.
    Alone,
    /// Reporter marker Q at the start of a paragraph.
    QMarker,
    /// Inline label with a title, role, outlet or capitals.
    InlineStrong,
    /// Inline label seen more than once.
    InlineRepeated,
    /// Inline label seen once, in a document of inline labels.
    InlineOnceInInlineDocument,
    /// Label seen once, confirmed by a question and its reply.
    ConfirmedByReply,
    /// A label whose first word usually opens sentences (`WILL HURD:`),
    /// taken because it recurs at paragraph starts in the document's style.
    RecursDespiteOpener,
    /// A full label whose first word usually opens sentences (`WILL
    /// HARROW:`), taken because its surname recurs as a label.
    SurnameRecursDespiteOpener,
    /// `PM.`, `Q.`: a short label closed by a full stop, in a document
    /// that writes its labels that way throughout.
    FullStopStyle,
    /// A code declared in the document's speaker key (`HN` for Hana Novak).
    SpeakerKey,
    /// A line in capitals alone, the words directly below, in a document
    /// that writes its labels so.
    BareCapitals,
}

impl LabelRule {
    fn as_str(self) -> &'static str {
        match self {
            LabelRule::Unknown => "label",
            LabelRule::VoiceTag => "WebVTT voice tag",
            LabelRule::AnswerMarker => {
                "answer marker A. at the start of a paragraph, where Q markers ask"
            }
            LabelRule::PeriodLabel => {
                "title and surname closed by a full stop at a paragraph start, in a document of such labels"
            }
            LabelRule::NameAndClock => "name and clock time alone on its line, text below",
            LabelRule::AloneWithTimestamp => "label alone on its line with a timestamp, text below",
            LabelRule::Alone => "label alone on its line, text below",
            LabelRule::QMarker => "reporter marker Q at the start of a paragraph",
            LabelRule::InlineStrong => "inline label with a title, role, outlet or capitals",
            LabelRule::InlineRepeated => "inline label seen more than once",
            LabelRule::InlineOnceInInlineDocument => {
                "inline label seen once, in a document of inline labels"
            }
            LabelRule::ConfirmedByReply => "label seen once, confirmed by a question and its reply",
            LabelRule::RecursDespiteOpener => {
                "label that recurs at paragraph starts in the document's style, although its first word often opens sentences"
            }
            LabelRule::SurnameRecursDespiteOpener => {
                "full label whose surname recurs as a label, although its first word often opens sentences"
            }
            LabelRule::BareCapitals => {
                "line in capitals alone with the words below, in a document that writes its labels so"
            }
            LabelRule::SpeakerKey => "code declared in the document's speaker key",
            LabelRule::FullStopStyle => {
                "short label closed by a full stop, in a document that writes its labels so"
            }
        }
    }
}

/// What a label's own words say about the speaker's side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RoleRule {
    /// The label says nothing about the role.
    #[default]
    None,
    /// Listed in the header.
    ListedInHeader,
    /// Outlet-label.
    OutletLabel,
    /// Reporter-marker.
    ReporterMarker,
    /// Role-word.
    RoleWord,
    /// Name-with-outlet.
    NameWithOutlet,
    /// Name-with-office.
    NameWithOffice,
    /// An honorific alone (`Mr. Hale`): formal address, no side.
    Honorific,
    /// A bracket or comma part that is neither a known outlet nor an
    /// office (`DOE (XYZ)`, `Anna Petrova, Kommersant`): an outlet if the
    /// speaker asks, an office if they answer.
    Affiliation,
    /// Journalist-title.
    JournalistTitle,
    /// Office-title.
    OfficeTitle,
    /// Name words that hold an outlet's word (`LIAM FOX`): a person who
    /// answers, an outlet that asks.
    NameOrOutlet,
}

impl RoleRule {
    fn as_str(self) -> &'static str {
        match self {
            RoleRule::None => "",
            RoleRule::ListedInHeader => "listed in the header",
            RoleRule::OutletLabel => "outlet-label",
            RoleRule::ReporterMarker => "reporter-marker",
            RoleRule::RoleWord => "role-word",
            RoleRule::NameWithOutlet => "name-with-outlet",
            RoleRule::NameWithOffice => "name-with-office",
            RoleRule::Honorific => "honorific",
            RoleRule::Affiliation => {
                "affiliation in brackets, outlet or office by what the speaker does"
            }
            RoleRule::JournalistTitle => "journalist-title",
            RoleRule::OfficeTitle => "office-title",
            RoleRule::NameOrOutlet => "a name or an outlet, by what the speaker does",
        }
    }
}

/// One finding that changed a turn after its label was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Evidence {
    /// The role the label's words (or the header) gave.
    Role(RoleRule),
    /// Speaker: short form of a fuller label.
    ShortFormOfFullerLabel,
    /// Speaker: given name found in the transcript.
    GivenNameInTranscript,
    /// Speaker: the person another label gives this office.
    OfficeHolder,
    /// Outlet: from another label of the same speaker.
    OutletFromOtherLabel,
    /// Role: a voice in played footage.
    VoiceInFootage,
    /// Role: reporters here are marked Q or QUESTION, so a named speaker answers.
    ReportersMarkedSoAnswers,
    /// Role: not in the header's list of officials, so a questioner.
    NotListedSoAsks,
    /// Role: asks questions.
    Asks,
    /// Role: answers.
    Answers,
    /// Asks without question marks: prompts such as "tell us about".
    PromptsAnswers,
    /// Role: titled chair who opens or closes in short turns, so chairs.
    TitledChair,
    /// Role: gives the floor and never answers, so chairs.
    GivesFloor,
    /// Calls on reporters by name or outlet and never answers: chairs.
    CallsOnReporters,
    /// Speaker and outlet from the reporter's own introduction.
    SelfIntroduction,
    /// Speaker named in brackets after an answer marker (`<답변> (박정훈
    /// 제2차관)`, `Ａ　（市長）`).
    AnswererInBrackets,
    /// Outlet from the reporter's own introduction.
    OutletFromIntroduction,
    /// Speaker and outlet from the hand-off that gave the floor.
    Handoff,
    /// Speaker and outlet from this voice's own introduction.
    VoiceIntroduction,
    /// An unknown word after a comma or in brackets, of a speaker who
    /// asks: their outlet.
    AffiliationIsOutlet,
    /// Presides over a hearing, a court or a debate.
    Presides,
    /// A host of an interview or a podcast.
    Hosts,
    /// A guest of an interview, a hearing or a town hall.
    Guest,
    /// Speaker, role and outlet from the roster.
    Roster,
    /// Speaker: the counsel who examines (`BY MR. PAK:` above).
    Examines,
    /// Speaker: the witness called and sworn above.
    Witness,
    /// Speaker: the name as the transcript writes it in full (a second
    /// surname the label leaves out).
    WrittenInFull,
    /// Outlet: the header says the guest spoke to it (`spoke to *Nation
    /// Africa*`), and it asks.
    OutletSpokenTo,
    /// Speaker: the person the header names in this office, or who names
    /// themselves in their first words.
    OfficeNamed,
}

impl Evidence {
    fn as_str(self) -> &'static str {
        match self {
            Evidence::Role(r) => r.as_str(),
            Evidence::ShortFormOfFullerLabel => "speaker: short form of a fuller label",
            Evidence::GivenNameInTranscript => "speaker: given name found in the transcript",
            Evidence::OfficeHolder => "speaker: the person another label gives this office",
            Evidence::OutletFromOtherLabel => "outlet: from another label of the same speaker",
            Evidence::VoiceInFootage => "role: a voice in played footage",
            Evidence::ReportersMarkedSoAnswers => {
                "role: reporters here are marked Q or QUESTION, so a named speaker answers"
            }
            Evidence::NotListedSoAsks => {
                "role: not in the header's list of officials, so a questioner"
            }
            Evidence::Asks => "role: asks questions",
            Evidence::Answers => "role: answers",
            Evidence::PromptsAnswers => "role: asks, with prompts rather than question marks",
            Evidence::TitledChair => {
                "role: titled chair who opens or closes in short turns, so chairs"
            }
            Evidence::GivesFloor => "role: gives the floor and never answers, so chairs",
            Evidence::CallsOnReporters => "role: calls on reporters and never answers, so chairs",
            Evidence::SelfIntroduction => "speaker and outlet from the reporter's own introduction",
            Evidence::AnswererInBrackets => "speaker named in brackets after the answer marker",
            Evidence::OutletFromIntroduction => "outlet from the reporter's own introduction",
            Evidence::Handoff => "speaker and outlet from the hand-off that gave the floor",
            Evidence::VoiceIntroduction => "speaker and outlet from this voice's own introduction",
            Evidence::AffiliationIsOutlet => "outlet: the affiliation of a speaker who asks",
            Evidence::Presides => "role: presides over the hearing",
            Evidence::Hosts => "role: hosts the conversation",
            Evidence::Guest => "role: a guest who answers",
            Evidence::Roster => "speaker, role and outlet from the roster",
            Evidence::Examines => "speaker: the counsel named in the examination heading above",
            Evidence::Witness => "speaker: the witness called and sworn above",
            Evidence::WrittenInFull => "speaker: the name as the transcript writes it in full",
            Evidence::OutletSpokenTo => "outlet: the header says the guest spoke to it",
            Evidence::OfficeNamed => {
                "speaker: the person the header names in this office, or who names themselves"
            }
        }
    }
}

/// Everything that decided one turn, in the order it was found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decision {
    /// Why the line was taken as a label.
    pub label: LabelRule,
    /// What was found after that, in order.
    pub evidence: Vec<Evidence>,
}

impl Decision {
    /// A decision that so far holds only its label rule.
    pub fn new(label: LabelRule) -> Self {
        Decision {
            label,
            evidence: Vec::new(),
        }
    }

    /// Record one more finding.
    pub fn push(&mut self, e: Evidence) {
        self.evidence.push(e);
    }

    /// Did any finding of this kind decide the turn?
    pub fn has(&self, e: Evidence) -> bool {
        self.evidence.contains(&e)
    }

    /// The role rule the label (or the header) gave, if any.
    pub fn role_rule(&self) -> RoleRule {
        self.evidence
            .iter()
            .find_map(|e| match e {
                Evidence::Role(r) => Some(*r),
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// A decision is written out in words, as `turns --explain` shows it.
impl serde::Serialize for Decision {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label.as_str())?;
        for e in &self.evidence {
            match e {
                Evidence::Role(RoleRule::None) => continue,
                // Read "role-word" as it stands (`...; role-word`).
                Evidence::Role(RoleRule::RoleWord) => f.write_str("; ")?,
                Evidence::Role(_) => f.write_str("; role: ")?,
                _ => f.write_str("; ")?,
            }
            f.write_str(e.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_reads_as_before() {
        let mut d = Decision::new(LabelRule::Alone);
        d.push(Evidence::Role(RoleRule::OutletLabel));
        d.push(Evidence::Handoff);
        assert_eq!(
            d.to_string(),
            "label alone on its line, text below; role: outlet-label; speaker and outlet from the hand-off that gave the floor"
        );
        assert_eq!(d.role_rule(), RoleRule::OutletLabel);
        assert!(d.has(Evidence::Handoff));
    }
}
