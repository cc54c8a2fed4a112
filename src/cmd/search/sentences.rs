//! The sentences of a turn's text, cut as a reader would in every script,
//! for `search`, `figures` and the context lines around a hit.
//!
//! The Unicode sentence boundaries (UAX #29) are the base: they end a
//! sentence at `.`, `?`, `!`, the full-width `。`, `？`, `！` and `．`, the
//! Arabic `؟` and `۔`, the Devanagari `।` and the like, and keep closing
//! quotation marks and brackets right after the mark (`。」`, `?»`, `.”`,
//! `！）`) with the sentence they close. Then, as a person reads:
//!
//! - no end after an abbreviation (`Mr.`, `Sra.`), initials and dotted
//!   acronyms (`H.W.`, `U.S.`, `M. Macron`), `No.` before a number or an
//!   ellipsis (`...`, `…`, `……`: a pause, in transcripts, more often
//!   than an end), nor after a Japanese quotation closed by `」` or `』`
//!   before the quoting `と` or `って` (`「はい。」と述べた。`);
//! - closing marks set off by a space (French `« Merci. »`) belong to the
//!   sentence they close, not to the next; opening brackets and quotation
//!   marks right after a CJK end (`。「`, `！“`), which Unicode counts
//!   with the closing ones, open the next;
//! - Spanish `¿` and `¡` open a question or an exclamation: after a word
//!   and a space, before a capital, they start a sentence (`Gracias
//!   presidente ¿Cuándo…?`); they never end one.
//!
//! It only cuts text: it knows nothing of turns, lines or matches.

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that never end a sentence (lower case, with their dot).
const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "mx.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "st.", "jr.",
    "sr.", "lt.", "col.", "capt.", "cmdr.", "sgt.", "adm.", "maj.", "hon.", "rev.", "fr.",
    "messrs.", "mmes.", "amb.", "pres.", "supt.", "mt.", "ft.", "vs.", "v.", "approx.", "dept.",
    "corp.", "inc.", "ltd.", "co.", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.",
    "oct.", "nov.", "dec.", "e.g.", "i.e.", "cf.", "art.", "sec.", "para.", "fig.", "vol.",
    // Honorifics of other languages written with a dot.
    "sra.", "srta.", "mme.", "mlle.",
];

/// Closing quotation marks and brackets that never open anything: set
/// off by a space after a sentence's end, they still close it.
const CLOSERS: &[char] = &[
    '»', '›', '”', ')', ']', '）', '］', '」', '』', '】', '〉', '》', '〕',
];

/// Opening brackets and quotation marks of CJK text, which Unicode counts
/// with the closing ones: after `。` or `」` they open the next sentence.
const CJK_OPENERS: &[char] = &['「', '『', '（', '［', '【', '〈', '《', '〔', '“', '‘'];

/// Sentence ends of CJK text (full-width).
const CJK_ENDS: &[char] = &['。', '！', '？', '．'];

/// Sentences of `text` with their byte offsets, trimmed, empty ones
/// dropped (see the module's rules).
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut cuts = ends(text);
    cuts.extend(inverted_openings(text));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for to in cuts.into_iter().chain(std::iter::once(text.len())) {
        let whole = &text[from..to];
        let trimmed = whole.trim_start();
        let lead = whole.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            out.push((from + lead, trimmed));
        }
        from = to;
    }
    out
}

/// Where the Unicode sentence boundaries end a sentence, less those a
/// reader goes on across, each moved past the closing marks that follow
/// it after a space.
fn ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut segments = text.split_sentence_bound_indices().peekable();
    while let Some((_, segment)) = segments.next() {
        let Some(&(next_at, next)) = segments.peek() else {
            break;
        };
        if !continues(segment, next) {
            let openers = openers_at_end(segment);
            out.push(if openers > 0 {
                next_at - openers
            } else {
                next_at + closers_set_off(next)
            });
        }
    }
    out
}

/// The length of the opening brackets and quotation marks that end a
/// CJK `segment` (`。「`): Unicode keeps every bracket after an end mark
/// with the sentence, but these open the next one.
fn openers_at_end(segment: &str) -> usize {
    let marks = segment.trim_end_matches(|c| CLOSERS.contains(&c) || CJK_OPENERS.contains(&c));
    if !marks.ends_with(CJK_ENDS) {
        return 0;
    }
    let run = &segment[marks.len()..];
    run.find(CJK_OPENERS).map_or(0, |at| run.len() - at)
}

/// The length of the spaces and closing marks that open `next` when a
/// space or its end follows them (`» Puis`): they close the sentence before.
fn closers_set_off(next: &str) -> usize {
    let body = next.trim_start();
    let marks = body.trim_start_matches(CLOSERS);
    let taken = next.len() - marks.len();
    let spaced = marks.is_empty() || marks.starts_with(char::is_whitespace);
    if marks.len() < body.len() && spaced {
        taken
    } else {
        0
    }
}

/// Does a sentence that ends with `sentence` go on into `next`? After an
/// abbreviation (`Mr.`, `Dr.`), initials and dotted acronyms (`H.W.`,
/// `U.S.`, `a.m.`), `No.` before a number, an ellipsis, and a Japanese
/// quotation before `と`.
fn continues(sentence: &str, next: &str) -> bool {
    let s = sentence.trim_end();
    if s.ends_with("...") || s.ends_with('\u{2026}') {
        return true;
    }
    if quotation_goes_on(s, next) {
        return true;
    }
    if !s.ends_with('.') {
        return false;
    }
    let word = s
        .rsplit(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}' | '\u{2018}' | '\'')
        })
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if lower == "no." {
        return next.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials and dotted acronyms: one letter, a dot, any number of times.
    let mut chars = word.chars();
    let mut letters = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_alphabetic() => letters += 1,
            (None, _) => break letters > 0,
            _ => break false,
        }
    }
}

/// `「はい。」と述べた`: a quotation closed by `」` or `』` is part of the
/// sentence that quotes it when `と` or `って` follows at once.
fn quotation_goes_on(sentence: &str, next: &str) -> bool {
    sentence.ends_with(['」', '』']) && (next.starts_with('と') || next.starts_with("って"))
}

/// Where `¿` or `¡` opens a sentence: after a letter or digit and white
/// space, before a capital (`presidente ¿Cuándo`); not after a comma
/// (`Si no llega, ¿qué hará?` is one sentence).
fn inverted_openings(text: &str) -> Vec<usize> {
    text.match_indices(['¿', '¡'])
        .filter(|&(at, mark)| {
            let before = text[..at].trim_end();
            let spaced = before.len() < at;
            let after_word = before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let capital = text[at + mark.len()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            spaced && after_word && capital
        })
        .map(|(at, _)| at)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        let s = sentences(t);
        for &(i, x) in &s {
            assert_eq!(&t[i..i + x.len()], x, "offsets of {t:?}");
        }
        s.into_iter().map(|x| x.1).collect()
    }

    #[test]
    fn sentences_are_trimmed_with_offsets() {
        let text = "One two. Three?\n\nFour five.";
        let s = sentences(text);
        assert_eq!(s, [(0, "One two."), (9, "Three?"), (17, "Four five.")]);
    }

    #[test]
    fn abbreviations_never_end_a_sentence() {
        assert_eq!(
            texts("Thank you, Mr. Xiao. Now Dr. Fauci and Mrs. Biden spoke."),
            [
                "Thank you, Mr. Xiao.",
                "Now Dr. Fauci and Mrs. Biden spoke."
            ]
        );
        assert_eq!(
            texts(
                "Ask Sen. Warren, Rep. Ocasio-Cortez, Gov. Newsom and Gen. Milley. Then St. Louis."
            ),
            [
                "Ask Sen. Warren, Rep. Ocasio-Cortez, Gov. Newsom and Gen. Milley.",
                "Then St. Louis."
            ]
        );
        assert_eq!(
            texts(
                "The U.S. Government and the U.N. Council met George H.W. Bush at 10 a.m. Tuesday."
            ),
            ["The U.S. Government and the U.N. Council met George H.W. Bush at 10 a.m. Tuesday."]
        );
        assert_eq!(
            texts(
                "Resolution No. 5 passed. No. We did not. It grew 2.5 percent... We think. Wait\u{2026} Then."
            ),
            [
                "Resolution No. 5 passed.",
                "No.",
                "We did not.",
                "It grew 2.5 percent... We think.",
                "Wait\u{2026} Then."
            ]
        );
        assert_eq!(texts("One. Ms. Psaki: yes."), ["One.", "Ms. Psaki: yes."]);
    }

    #[test]
    fn every_script_ends_its_sentences() {
        assert_eq!(
            texts("各位记者朋友，下午好。首先发布一条消息！你能否介绍？好的．谢谢"),
            [
                "各位记者朋友，下午好。",
                "首先发布一条消息！",
                "你能否介绍？",
                "好的．",
                "谢谢"
            ]
        );
        assert_eq!(
            texts("هل هناك أرقام محددة؟ نعم، هذا الملف. शुक्रिया। अगला प्रश्न?"),
            [
                "هل هناك أرقام محددة؟",
                "نعم، هذا الملف.",
                "शुक्रिया।",
                "अगला प्रश्न?"
            ]
        );
        // A hesitation is no end, in Chinese as in English.
        assert_eq!(
            texts("这个问题……我们还在研究。"),
            ["这个问题……我们还在研究。"]
        );
    }

    #[test]
    fn closing_marks_stay_with_their_sentence() {
        assert_eq!(
            texts("大臣は「問題ない。」と述べた。「ありがとう。」次に移ります。"),
            [
                "大臣は「問題ない。」と述べた。",
                "「ありがとう。」",
                "次に移ります。"
            ]
        );
        assert_eq!(
            texts("Il a dit : « Merci. » Ensuite, il est parti. «Non!» Puis (rien.) Fin."),
            [
                "Il a dit : « Merci. »",
                "Ensuite, il est parti.",
                "«Non!»",
                "Puis (rien.)",
                "Fin."
            ]
        );
        assert_eq!(
            texts("Er sagte: „Ja.“ Dann ging er. Mme. Roux et Sra. Gómez."),
            [
                "Er sagte: „Ja.“",
                "Dann ging er.",
                "Mme. Roux et Sra. Gómez."
            ]
        );
    }

    #[test]
    fn inverted_marks_open_sentences() {
        assert_eq!(
            texts("Gracias presidente ¿Cuándo llega? Si no llega, ¿qué hará? ¡Bien! Sí.¿Y usted?"),
            [
                "Gracias presidente",
                "¿Cuándo llega?",
                "Si no llega, ¿qué hará?",
                "¡Bien!",
                "Sí.",
                "¿Y usted?"
            ]
        );
    }
}
