//! What the parser noticed about an input: a finding with a line, a
//! severity and a kind, for `check` and for callers of the library.
//!
//! Kinds and severities are enums; their words (`label-refused`,
//! `warning`) are written only at the edge (JSON, `check`'s text).

use crate::model::kind_enum;

kind_enum! {
    /// How much a finding matters.
    pub enum Severity {
        /// Worth a look; sets `check`'s exit status to 1.
        Warning = "warning",
        /// How a doubtful line was read; never fails a check.
        Info = "info",
    }
}

kind_enum! {
    /// What a finding is about.
    pub enum DiagnosticKind {
        /// A line shaped like a label was read as text.
        LabelRefused = "label-refused",
        /// A person's label appears once only.
        LabelOnce = "label-once",
        /// No speaker label at all: the lines that came closest.
        NoLabels = "no-labels",
        /// Text before the first label kept as a preamble note.
        TextBeforeFirstLabel = "text-before-first-label",
        /// A turn with no text and no events.
        EmptyTurn = "empty-turn",
        /// Two speaker names one letter apart.
        NameTypo = "name-typo",
        /// A question with no answer before the next question.
        Unanswered = "unanswered",
        /// The input was not UTF-8 and was read as Windows-1252.
        Encoding = "encoding",
        /// The input was read as an HTML page.
        Html = "html",
        /// An all-numeric header date (`3/4/2024`) whose day and month
        /// order nothing decides: left out.
        AmbiguousDate = "ambiguous-date",
        /// Evidence pointed both ways and the conversation decided: a
        /// label holding an outlet's word read as a person, an unknown
        /// affiliation read as an outlet, a recurring label despite a
        /// sentence-opening word.
        EvidenceConflict = "evidence-conflict",
    }
}

/// A finding about the input that a careful reader should know about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// 1-based source line, 0 when the finding is about the whole input.
    pub line: usize,
    /// `warning` (worth a look) or `info` (how a doubtful line was read).
    pub severity: Severity,
    /// Short machine-readable kind, e.g. `label-refused`, `label-once`.
    pub kind: DiagnosticKind,
    /// What was found, in words.
    pub message: String,
}

impl Diagnostic {
    /// A finding worth a look (`check` exits 1).
    pub fn warning(line: usize, kind: DiagnosticKind, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            severity: Severity::Warning,
            kind,
            message: message.into(),
        }
    }
    /// How a doubtful line was read.
    pub fn info(line: usize, kind: DiagnosticKind, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            severity: Severity::Info,
            kind,
            message: message.into(),
        }
    }
    /// Is this a warning rather than an informational note?
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_written_as_before() {
        let d = Diagnostic::warning(3, DiagnosticKind::TextBeforeFirstLabel, "m");
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"line":3,"severity":"warning","kind":"text-before-first-label","message":"m"}"#
        );
        for k in DiagnosticKind::ALL {
            assert_eq!(k.to_string().parse::<DiagnosticKind>(), Ok(*k));
            assert_eq!(serde_json::to_string(k).unwrap(), format!("\"{k}\""));
        }
        assert_eq!(Severity::Info.to_string(), "info");
    }
}
