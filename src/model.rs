//! The parsed transcript: plain data types that the parser fills and every
//! command reads.
//!
//! The JSON form of these types is a public interface (documented in
//! `docs/json.md`, versioned by [`SCHEMA_VERSION`]). This module holds data
//! and small accessors only: no parsing, no I/O, no printing.

use serde::{Deserialize, Serialize};

/// An enum of kinds, each variant written as one fixed string: in JSON
/// (serde renames), by [`Display`](std::fmt::Display) and `as_str`, and
/// read back by [`FromStr`](std::str::FromStr). One table per enum, so the
/// names cannot drift apart.
macro_rules! kind_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = concat!("`", $text, "` in JSON.")] #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name written in JSON and printed by the commands.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!("unknown {} '{s}'", stringify!($name))),
                }
            }
        }
    };
}
pub(crate) use kind_enum;

/// Version of the JSON schema written by `whosaid export` and friends.
/// Bump the minor part for added fields, the major part for changed ones.
pub const SCHEMA_VERSION: &str = "1.1";

/// Who a speaker is at a press conference.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The moderator: opens, gives the floor, closes.
    Chair,
    /// Someone on the podium who answers: a minister, a spokesperson.
    Official,
    /// A questioner; `outlet` names the news organisation when known.
    Journalist,
    /// An interpreter, an operator, a group, someone unknown.
    Other,
}

impl Role {
    /// The lower-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Official => "official",
            Role::Journalist => "journalist",
            Role::Other => "other",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "chair" | "moderator" => Ok(Role::Chair),
            "official" => Ok(Role::Official),
            "journalist" | "reporter" => Ok(Role::Journalist),
            "other" => Ok(Role::Other),
            _ => Err(format!(
                "unknown role '{s}' (expected chair, official, journalist or other)"
            )),
        }
    }
}

/// A whole transcript as parsed from one input.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Transcript {
    /// Version of this JSON schema ([`SCHEMA_VERSION`]).
    pub schema: String,
    /// Where the text came from: a path, `<stdin>` or `<bundled>`.
    pub source: String,
    /// The label style that introduced most turns (see `docs/formats.md`).
    pub style: String,
    /// The language the transcript is written in (BCP 47: `en`, `fr`,
    /// `zh`), from its text or `--lang`; `null` when the text says too
    /// little.
    #[serde(default)]
    pub language: Option<String>,
    /// Every language the text is written in, the main one first (two for
    /// a bilingual briefing).
    #[serde(default)]
    pub languages: Vec<String>,
    /// The event's title, from the header.
    pub title: Option<String>,
    /// Where the event took place.
    pub place: Option<String>,
    /// ISO 8601 date (`2021-03-01`) when the header gives one.
    pub date: Option<String>,
    /// Clock time as printed (`10 a.m.`, `12:07 P.M. EST`).
    pub time: Option<String>,
    /// A standfirst or summary paragraph from the header.
    pub summary: Option<String>,
    /// The web address the transcript was taken from, when given.
    pub source_url: Option<String>,
    /// The people the header lists.
    pub participants: Vec<Participant>,
    /// The speaker turns, in order; in JSON each with its stable `id`
    /// ([`crate::turn_id`]).
    #[serde(serialize_with = "crate::turn_id::serialize_turns")]
    pub turns: Vec<Turn>,
    /// Questions and the turns that answer them.
    pub exchanges: Vec<Exchange>,
    /// Translators' credits, photo captions and other trailing lines.
    pub credits: Vec<SourceLine>,
    /// Anything that is neither header, turn nor credit, so nothing is lost.
    pub notes: Vec<Note>,
    /// Source lines the header fields above were read from.
    pub header: Vec<HeaderLine>,
}

impl Transcript {
    /// The stable id of every turn, in order ([`crate::turn_id::ids`]).
    pub fn turn_ids(&self) -> Vec<String> {
        crate::turn_id::ids(&self.turns)
    }

    /// Words spoken in all turns.
    pub fn total_words(&self) -> usize {
        self.turns.iter().map(Turn::words).sum()
    }

    /// The turn with this 1-based index.
    pub fn turn(&self, index: usize) -> Option<&Turn> {
        index.checked_sub(1).and_then(|i| self.turns.get(i))
    }

    /// Rewrite every line number the transcript carries (turns, their
    /// events, header lines, credits, notes): `first` for a line where
    /// something starts, `last` for one where it ends. The one place that
    /// knows which fields are line numbers; used to point lines read from
    /// a stripped HTML page back at the page.
    pub fn map_lines(&mut self, first: impl Fn(usize) -> usize, last: impl Fn(usize) -> usize) {
        for t in &mut self.turns {
            t.line = first(t.line);
            t.end_line = last(t.end_line);
            for e in &mut t.events {
                e.line = first(e.line);
            }
        }
        for h in &mut self.header {
            h.line = first(h.line);
            h.end_line = last(h.end_line);
        }
        for c in &mut self.credits {
            c.line = first(c.line);
        }
        for n in &mut self.notes {
            n.line = first(n.line);
            n.end_line = last(n.end_line);
        }
    }
}

/// Someone the header lists as taking part.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Participant {
    /// The name as the header writes it.
    pub name: String,
    /// The side the header puts them on.
    pub role: Role,
    /// The office or affiliation the header gives.
    pub title: Option<String>,
}

/// One speaker turn: a label and everything said until the next label.
/// In JSON it is written as its fields in this order, with `words` and
/// `rule` in words (see the `Serialize` impl below).
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Turn {
    /// 1-based position in the transcript.
    pub index: usize,
    /// Canonical speaker name; `null` for an anonymous reporter (`Q`).
    pub speaker: Option<String>,
    /// The label as printed, trimmed.
    pub label: String,
    /// Honorific or office printed in the label (`Ms.`, `Secretary`).
    pub title: Option<String>,
    /// Which side the speaker is on in this turn.
    pub role: Role,
    /// News organisation, for journalists.
    pub outlet: Option<String>,
    /// The Q&A exchange this turn belongs to.
    pub exchange: Option<usize>,
    /// What was said: paragraphs joined by a blank line, stage directions removed.
    pub text: String,
    /// Paragraphs in `text`.
    pub paragraphs: usize,
    /// Unicode words in `text`, counted when first asked for
    /// ([`Turn::words`]): a command that prints no count spends nothing
    /// on it.
    #[serde(skip)]
    pub word_count: WordCount,
    /// 1-based source line of the label.
    pub line: usize,
    /// 1-based source line of the last line that belongs to this turn.
    pub end_line: usize,
    /// Stage directions inside the turn: laughter, applause, cross-talk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// The label rule that started this turn and what decided its speaker
    /// and role, as typed evidence. Machine formats print it in words as
    /// `rule` (see [`Turn::rule`]); it is written out only when printed, so
    /// a run that prints no rule spends nothing on it.
    #[serde(skip)]
    pub decision: crate::decision::Decision,
}

/// A turn's word count, kept once counted. It follows from the turn's
/// text, so it takes no part in comparing turns.
#[derive(Clone, Debug, Default)]
pub struct WordCount(std::sync::OnceLock<usize>);

impl PartialEq for WordCount {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Serialize for Turn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Turn", 15)?;
        st.serialize_field("index", &self.index)?;
        st.serialize_field("speaker", &self.speaker)?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("role", &self.role)?;
        st.serialize_field("outlet", &self.outlet)?;
        st.serialize_field("exchange", &self.exchange)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("paragraphs", &self.paragraphs)?;
        st.serialize_field("words", &self.words())?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("end_line", &self.end_line)?;
        if self.events.is_empty() {
            st.skip_field("events")?;
        } else {
            st.serialize_field("events", &self.events)?;
        }
        st.serialize_field("rule", &self.decision)?;
        st.end()
    }
}

impl Turn {
    /// Unicode words in `text` (UAX #29 words holding a letter or digit).
    pub fn words(&self) -> usize {
        *self
            .word_count
            .0
            .get_or_init(|| crate::parse::count_words(&self.text))
    }

    /// The label rule that started this turn and what decided its speaker
    /// and role, in words (shown by `turns --explain`).
    pub fn rule(&self) -> String {
        self.decision.to_string()
    }
}

/// A stage direction kept as data, out of the word counts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Event {
    /// What kind of direction (see docs/formats.md).
    pub kind: EventKind,
    /// The direction as printed.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
}

/// A question and the turns that answer it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Exchange {
    /// 1-based position among the exchanges.
    pub index: usize,
    /// The questioner's outlet, when known.
    pub outlet: Option<String>,
    /// The questioner's name, when known.
    pub asked_by: Option<String>,
    /// Turn index of the question.
    pub question: usize,
    /// Turn indexes of the answers, in order (a hand-off included).
    pub answers: Vec<usize>,
    /// Distinct names of those who answered, in order of first answer.
    pub answered_by: Vec<String>,
}

/// A source line kept verbatim (credits, captions).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SourceLine {
    /// 1-based source line.
    pub line: usize,
    /// The line as printed.
    pub text: String,
}

/// A line or block that is neither header, turn nor credit.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Note {
    /// Where the line stands and what it is (see docs/json.md).
    pub kind: NoteKind,
    /// The lines as printed.
    pub text: String,
    /// 1-based first source line.
    pub line: usize,
    /// 1-based last source line.
    pub end_line: usize,
}

/// Which header field a source line fed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HeaderLine {
    /// The field, or the keyword line that opened it (`participants_heading`).
    pub field: HeaderField,
    /// 1-based first source line.
    pub line: usize,
    /// 1-based last source line.
    pub end_line: usize,
}

kind_enum! {
    /// The kind of a stage direction or other event inside a turn.
    pub enum EventKind {
        /// `(Laughter.)`, `(Chuckles)`.
        Laughter = "laughter",
        /// `(Applause.)`, cheering.
        Applause = "applause",
        /// `(Crosstalk)`, overlapping or interrupted speech.
        Crosstalk = "crosstalk",
        /// `(Inaudible)`, off-mic, audio gaps.
        Inaudible = "inaudible",
        /// `(As interpreted)`, speech through an interpreter.
        Interpretation = "interpretation",
        /// `(BEGIN VIDEO CLIP)`, `(END VIDEOTAPE)`.
        Video = "video",
        /// `(COMMERCIAL BREAK)`.
        Break = "break",
        /// `(SOUNDBITE OF MUSIC)`.
        Sound = "sound",
        /// `(Pause)`.
        Pause = "pause",
        /// An ellipsis alone: `[…]`, `<...>`.
        Omission = "omission",
        /// An editor's bracketed note.
        EditorNote = "editor-note",
        /// A clock time or date, or a subtitle cue's timing.
        Timestamp = "timestamp",
        /// A subtitle cue number between a turn's lines.
        Cue = "cue",
        /// How the words were delivered, from the label (`TAPPER (voice-over)`).
        Delivery = "delivery",
        /// Any other direction (`(JOINED IN PROGRESS)`).
        Other = "other",
    }
}

kind_enum! {
    /// The kind of a [`Note`]: where a line that is neither header, turn
    /// nor credit stands, and what it is.
    pub enum NoteKind {
        /// Text before the first turn that no header field took.
        Preamble = "preamble",
        /// Boilerplate about the document (a rush-transcript warning).
        Disclaimer = "disclaimer",
        /// An end mark: `END`, `###`, `(Concluded)`.
        End = "end",
        /// A closing clock time or date.
        Timestamp = "timestamp",
        /// Where and when the text was published, its address.
        Publication = "publication",
        /// The place or issuer above a closing date.
        Dateline = "dateline",
        /// A broadcast cue after the last words (`(END VIDEOTAPE)`).
        Direction = "direction",
        /// Any other paragraph after an end mark.
        Trailer = "trailer",
        /// A topic heading between exchanges.
        Heading = "heading",
        /// Subtitle cue numbers and timings between turns.
        Cue = "cue",
        /// Page-break markup and rules.
        Markup = "markup",
        /// A line no other rule placed.
        Stray = "stray",
    }
}

kind_enum! {
    /// Which header field a source line fed; a `_heading` field is the
    /// keyword line (`Speakers:`) that opened the field below it.
    pub enum HeaderField {
        Title = "title",
        Place = "place",
        Date = "date",
        Time = "time",
        Summary = "summary",
        Participants = "participants",
        Chair = "chair",
        /// `Subjects:`, `Topics:`.
        Subjects = "subjects",
        /// An email envelope (`From:`, `To:`, `Cc:`).
        Email = "email",
        SourceUrl = "source_url",
        /// YAML front matter.
        FrontMatter = "front_matter",
        /// A line giving a place, a date and/or a time.
        PlaceDateTime = "place_date_time",
        TitleHeading = "title_heading",
        PlaceHeading = "place_heading",
        DateHeading = "date_heading",
        TimeHeading = "time_heading",
        SummaryHeading = "summary_heading",
        ParticipantsHeading = "participants_heading",
        ChairHeading = "chair_heading",
        SubjectsHeading = "subjects_heading",
        EmailHeading = "email_heading",
        SourceUrlHeading = "source_url_heading",
        FrontMatterHeading = "front_matter_heading",
        PlaceDateTimeHeading = "place_date_time_heading",
    }
}

impl HeaderField {
    /// The keyword line that opens this field (`participants` ->
    /// `participants_heading`); a heading stays itself.
    pub fn heading(self) -> HeaderField {
        use HeaderField::*;
        match self {
            Title => TitleHeading,
            Place => PlaceHeading,
            Date => DateHeading,
            Time => TimeHeading,
            Summary => SummaryHeading,
            Participants => ParticipantsHeading,
            Chair => ChairHeading,
            Subjects => SubjectsHeading,
            Email => EmailHeading,
            SourceUrl => SourceUrlHeading,
            FrontMatter => FrontMatterHeading,
            PlaceDateTime => PlaceDateTimeHeading,
            h => h,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON, `Display` and `FromStr` agree on every name.
    fn same_names<T>(all: &[T])
    where
        T: Copy + Serialize + std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for &v in all {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{v}\""));
            assert_eq!(v.to_string().parse::<T>().unwrap(), v);
        }
    }

    #[test]
    fn kinds_are_written_as_their_names() {
        same_names(EventKind::ALL);
        same_names(NoteKind::ALL);
        same_names(HeaderField::ALL);
        assert_eq!(EventKind::EditorNote.as_str(), "editor-note");
        assert_eq!(
            HeaderField::SourceUrl.heading().as_str(),
            "source_url_heading"
        );
        assert_eq!(
            serde_json::from_str::<NoteKind>("\"preamble\"").unwrap(),
            NoteKind::Preamble
        );
    }
}
