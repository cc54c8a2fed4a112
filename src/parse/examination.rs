//! Court examinations: who stands behind `Q.` and `A.`.
//!
//! A trial or deposition transcript marks the questions of an examination
//! `Q.` and the answers `A.`, and says once who asks and who answers: the
//! witness where they are called and sworn (`ELENA MARCHETTI,` above
//! `called as a witness ..., testified as follows:`), the examining counsel
//! in a heading (`DIRECT EXAMINATION` / `BY MR. PAK:`) that holds until the
//! next one. This module recognises those lines (the body keeps them as
//! events, the label pass refuses `BY MR. PAK:` as a label) and names the
//! speakers of `Q.` and `A.` turns from them. It must not change a role,
//! a label, a line or a text, and outside an examination it does nothing.

use super::lines::Line;
use super::{lexicon, people};
use crate::decision::{Evidence, LabelRule};
use crate::model::Turn;

/// Bytes of the longest heading `is_heading` reads (five words of KINDS).
const MAX_HEADING: usize = 100;

/// Bytes of the longest witness name `witness` reads before its comma.
const MAX_NAME: usize = 80;

/// Words that open an examination heading (`REDIRECT EXAMINATION`).
const KINDS: &[&str] = &[
    "direct",
    "cross",
    "redirect",
    "recross",
    "re-direct",
    "re-cross",
    "further",
    "continued",
    "voir",
    "dire",
    "examination",
    "cross-examination",
    "re-examination",
    "(continued)",
    "(resumed)",
];

/// Phrases that follow a witness's name where they are called and sworn.
const SWORN: &[&str] = &[
    "called as a witness",
    "called by the",
    "a witness called",
    "a witness herein",
    "a witness for the",
    "having been first duly sworn",
    "having been duly sworn",
    "having been sworn",
    "having first been duly sworn",
    "having been first sworn",
    "having been previously sworn",
    "being first duly sworn",
    "being duly sworn",
    "being sworn",
    "previously sworn",
    "after having been",
    "was sworn",
    "was examined",
    "produced as a witness",
];

/// `BY MR. PAK:`, `CROSS-EXAMINATION BY MS. ODUYA`, `By Mr. Pak:`: the
/// counsel who examines, as written (`MR. PAK`).
pub fn examiner(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches([':', '.']).trim_end();
    // Most lines hold no `by`: say so without allocating (body lines come
    // here one by one).
    if t.len() > 80 || !has_ascii_ci(t, b"by", 1) {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    // The last ` by ` (or a line that opens with `by `) splits the kind of
    // examination from the counsel.
    let at = if lower.starts_with("by ") || lower.starts_with("by: ") {
        0
    } else {
        lower.rfind(" by ")? + 1
    };
    let kind = &lower[..at];
    if !kind.split_whitespace().all(|w| KINDS.contains(&w)) {
        return None;
    }
    let who = t[at + 2..].trim_start_matches(':').trim();
    let mut words = who.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let named = lexicon::is_honorific(first)
        && (1..=3).contains(&rest.len())
        && rest
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    named.then_some(who)
}

/// Is this line a heading of an examination (`DIRECT EXAMINATION`,
/// `CROSS-EXAMINATION (Continued)`, `BY MR. PAK:`)? Headings are events
/// of the turn they fall in, not its words.
pub fn is_heading(text: &str) -> bool {
    if examiner(text).is_some() {
        return true;
    }
    let t = text.trim().trim_end_matches([':', '.']);
    // At most five words of KINDS: no heading is longer.
    if t.len() > MAX_HEADING || !has_ascii_ci(t, b"examination", 1) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .rev()
            .find(|w| !w.starts_with('('))
            .is_some_and(|w| w.ends_with("examination"))
        && words.iter().all(|w| KINDS.contains(w))
        && !t.chars().any(char::is_lowercase)
}

/// The witness a line calls: `ELENA MARCHETTI,` when the next line goes on
/// `called as a witness ...` or `having been duly sworn ...`, or both on
/// one line. Returns the name as written.
pub fn witness<'a>(text: &'a str, next: Option<&str>) -> Option<&'a str> {
    let t = text.trim();
    // A name of at most five words comes before the comma.
    let comma = memchr::memchr(b',', &t.as_bytes()[..t.len().min(MAX_NAME + 1)])?;
    let (name, after) = (&t[..comma], &t[comma + 1..]);
    // Word by word, so that prose (`Well, ...`, `As I said, ...`) is
    // turned away at its first lower-case word.
    let mut words = 0;
    for w in name.split_whitespace() {
        words += 1;
        if words > 5
            || !(w.chars().next().is_some_and(char::is_uppercase) || lexicon::is_connector(w))
        {
            return None;
        }
    }
    if words < 2 {
        return None;
    }
    let after = after.trim();
    let goes_on = if after.is_empty() { next? } else { after };
    let goes_on = goes_on.trim_start();
    SWORN
        .iter()
        .any(|p| {
            goes_on
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        })
        .then_some(name.trim())
}

/// Does `text` hold `needle` (ASCII lower case, case aside)? The search
/// looks for `needle[anchor]`, the needle's rarest letter in English text
/// (`x` of `examination`, not its `e`), then compares around it.
fn has_ascii_ci(text: &str, needle: &[u8], anchor: usize) -> bool {
    let (bytes, rare) = (text.as_bytes(), needle[anchor]);
    memchr::memchr2_iter(rare, rare.to_ascii_uppercase(), bytes).any(|at| {
        at.checked_sub(anchor)
            .and_then(|start| bytes.get(start..start + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Does an examination heading or a witness's call end on this line? The
/// call runs to `... testified as follows:`.
pub fn ends_call(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches([':', '.'])
        .to_ascii_lowercase();
    t.ends_with("as follows") || t.ends_with("testified") || t.ends_with("sworn")
}

/// One thing an examination line says, at its line number.
pub enum Mark {
    Examiner(String),
    Witness(String),
}

/// Counsel as a label names them: `MR. PAK` is who `MR. PAK:` turns name
/// (Jonathan Pak, from his appearance), or the label read alone.
fn counsel(turns: &[Turn], label: &str) -> (Option<String>, Option<String>) {
    turns
        .iter()
        .find(|t| t.label.eq_ignore_ascii_case(label) && t.speaker.is_some())
        .map_or_else(
            || {
                let id = people::identify(label);
                (id.speaker, id.title)
            },
            |t| (t.speaker.clone(), t.title.clone()),
        )
}

/// The examination headings and witness calls of `lines` that
/// [`name_speakers`] reads, with their line numbers; none where no turn is
/// a `Q.` or `A.` turn. Owned, so the lines can be dropped before the
/// passes that read them.
pub fn marks(lines: &[Line<'_>], turns: &[Turn]) -> Vec<(usize, Mark)> {
    let marked = |t: &Turn| {
        matches!(
            t.decision.label,
            LabelRule::QMarker | LabelRule::AnswerMarker
        )
    };
    if !turns.iter().any(marked) {
        return Vec::new();
    }
    let mut marks: Vec<(usize, Mark)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.markup {
            continue;
        }
        if let Some(who) = examiner(line.text) {
            marks.push((line.no, Mark::Examiner(who.to_string())));
            continue;
        }
        let next = lines[i + 1..]
            .iter()
            .find(|l| !l.is_blank() && !l.markup)
            .map(|l| l.text);
        if let Some(who) = witness(line.text, next) {
            marks.push((line.no, Mark::Witness(who.to_string())));
        }
    }
    marks
}

/// Name the speakers of `Q.` and `A.` turns from the examination headings
/// and witness calls above them ([`marks`]): `Q.` is the counsel of the
/// last `BY` line, `A.` the witness last called. A turn elsewhere is left
/// alone.
pub fn name_speakers(marks: &[(usize, Mark)], turns: &mut [Turn]) {
    if marks.is_empty() {
        return;
    }
    let mut examiner: Option<(Option<String>, Option<String>)> = None;
    let mut witness: Option<String> = None;
    let mut next_mark = marks.iter().peekable();
    for i in 0..turns.len() {
        while let Some((_, mark)) = next_mark.next_if(|(no, _)| *no < turns[i].line) {
            match mark {
                Mark::Examiner(who) => examiner = Some(counsel(turns, who)),
                Mark::Witness(who) => witness = people::identify(who).speaker,
            }
        }
        let t = &mut turns[i];
        if t.speaker.is_some() {
            continue;
        }
        match t.decision.label {
            LabelRule::QMarker => {
                if let Some((Some(name), title)) = &examiner {
                    t.speaker = Some(name.clone());
                    t.title.clone_from(title);
                    t.decision.push(Evidence::Examines);
                }
            }
            LabelRule::AnswerMarker => {
                if let Some(name) = &witness {
                    t.speaker = Some(name.clone());
                    t.decision.push(Evidence::Witness);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_found_in_any_case_wherever_they_stand() {
        for text in [
            "",
            "x",
            "EXAMINATION",
            "Cross-Examination (Continued)",
            "exam",
            "examinatio",
            "xamination",
            "an examinationx",
            "BY MR. PAK:",
            "by",
            "b y",
            "Goodbye",
            "ab",
            "Exxamination, examinAtion",
            "ÉXAMINATION examination",
        ] {
            for needle in [&b"examination"[..], b"by"] {
                let expected = text
                    .to_ascii_lowercase()
                    .contains(std::str::from_utf8(needle).unwrap());
                for anchor in 0..needle.len() {
                    let found = has_ascii_ci(text, needle, anchor);
                    assert_eq!(found, expected, "{text:?} {needle:?} {anchor}");
                }
            }
        }
    }

    #[test]
    fn examining_counsel_from_headings() {
        assert_eq!(examiner("BY MR. PAK:"), Some("MR. PAK"));
        assert_eq!(examiner("By Ms. Oduya:"), Some("Ms. Oduya"));
        assert_eq!(
            examiner("CROSS-EXAMINATION BY MS. ODUYA"),
            Some("MS. ODUYA")
        );
        assert_eq!(
            examiner("REDIRECT EXAMINATION BY MR. J. PAK:"),
            Some("MR. J. PAK")
        );
        // Running text with `by` is not a heading.
        assert_eq!(examiner("It was signed by Mr. Pak."), None);
        assert_eq!(examiner("BY THE COURT:"), None);
        assert_eq!(examiner("BY MR."), None);
    }

    #[test]
    fn examination_headings() {
        assert!(is_heading("DIRECT EXAMINATION"));
        assert!(is_heading("CROSS-EXAMINATION (CONTINUED)"));
        assert!(is_heading("BY MR. PAK:"));
        assert!(!is_heading("Direct examination is over."));
        assert!(!is_heading("THE EXAMINATION"));
    }

    #[test]
    fn witnesses_where_they_are_called() {
        let next = Some("called as a witness by the Plaintiff, having been sworn,");
        assert_eq!(witness("ELENA MARCHETTI,", next), Some("ELENA MARCHETTI"));
        assert_eq!(
            witness(
                "JOHN Q. DOE, having been first duly sworn, was examined",
                None
            ),
            Some("JOHN Q. DOE")
        );
        assert_eq!(witness("Thank you, Your Honor.", next), None);
        assert_eq!(witness("ELENA MARCHETTI,", Some("and then she left")), None);
        assert_eq!(witness("In truth, having been sworn", None), None);
    }
}
