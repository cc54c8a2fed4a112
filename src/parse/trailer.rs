//! The trailer: credits, photo captions, `END` and closing times after the
//! last turn.
//!
//! Only decides whether one line belongs to the trailer and of which kind;
//! the parser walks back from the end of the last turn with it.

use super::header::is_date_or_time_line;

/// Where a trailer line goes in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrailerKind {
    /// Translators' and editors' credits, photo captions: `credits`.
    Credit,
    /// `END`, `###`, `-30-`: a note of kind `end`.
    End,
    /// A closing clock time: a note of kind `timestamp`.
    Timestamp,
}

/// Classify a line that may close a transcript.
pub fn classify(text: &str) -> Option<TrailerKind> {
    let t = text.trim();
    let lower = t.to_lowercase();
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let end_words = [
        "end",
        "###",
        "-30-",
        "# # #",
        "—end—",
        "-end-",
        "(end)",
        "[end]",
        "- end -",
        "— end —",
    ];
    if end_words.contains(&lower.as_str()) {
        return Some(TrailerKind::End);
    }
    // `END    2:07 P.M. EST`
    if first_word == "end" && t.starts_with("END") && is_date_or_time_line(t[3..].trim()) {
        return Some(TrailerKind::End);
    }
    if t.split_whitespace().count() <= 6 && is_date_or_time_line(t) {
        return Some(TrailerKind::Timestamp);
    }
    // `/4 Shou Xiaoli`: a caption from a photo gallery.
    if t.starts_with('/') && t[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Some(TrailerKind::Credit);
    }
    let credit_openers = [
        "translated",
        "edited",
        "transcribed",
        "compiled",
        "proofread",
        "reviewed",
        "produced",
        "photo",
        "photos",
        "photograph",
        "photographs",
        "(photo",
        "[photo",
        "copyright",
        "©",
        "translator",
        "translators",
        "translator:",
        "translators:",
        "editor:",
        "editors:",
        "source:",
        "(source",
        "video:",
        "(video",
        "related:",
        "read in",
        "transcript by",
        "transcription by",
        "reporting by",
    ];
    let opens = credit_openers.iter().any(|o| {
        first_word == *o || lower.starts_with(o) && lower[o.len()..].starts_with([' ', ':'])
    });
    (opens && t.split_whitespace().count() <= 200).then_some(TrailerKind::Credit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailer_lines() {
        assert_eq!(
            classify("Translated and edited by Zhang Jiaqi, Fan Junmei."),
            Some(TrailerKind::Credit)
        );
        assert_eq!(classify("/4    Shou Xiaoli"), Some(TrailerKind::Credit));
        assert_eq!(classify("END"), Some(TrailerKind::End));
        assert_eq!(
            classify("END                2:07 P.M. EST"),
            Some(TrailerKind::End)
        );
        assert_eq!(classify("1:16 P.M. EST"), Some(TrailerKind::Timestamp));
        assert_eq!(classify("Thank you, everyone."), None);
        assert_eq!(classify("Endless questions remain."), None);
    }
}
