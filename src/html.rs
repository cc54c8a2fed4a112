//! HTML pages to transcript text, with a map back to the page's lines.
//!
//! A transcript saved from a web page arrives as markup. This module says
//! whether decoded text *is* an HTML page ([`looks_like_html`]) and, if so,
//! strips the markup ([`strip`]) into the plain lines the parser reads:
//! block elements become paragraphs (a blank line between them), `<br>`
//! ends a line, inline tags vanish, entities are decoded, and the contents
//! of `<script>`, `<style>`, comments and the page's chrome are dropped.
//! Beside the text it keeps a [`LineMap`] from each line of the stripped
//! text to the lines of the original file, so that every line number the
//! parser reports can be rewritten to point at the page itself
//! ([`Parsed::map_lines`](crate::Parsed::map_lines), [`LineMap`] lives in
//! [`crate::linemap`] so that the parser needs nothing from here): `sed -n Np page.html`
//! shows turn N's label even when a minified page holds everything on one
//! line.
//!
//! What it must not do: decide anything about speakers, labels or turns
//! (that is the parser's job, on the stripped text, exactly as for a `.txt`
//! file); drop text that a reader of the page sees as the transcript; or
//! treat plain text that merely contains a `<` or a word like `<html>` as a
//! page. It is a small hand-written tokenizer, not a conforming HTML5
//! parser: it needs only text, block boundaries and source offsets, and
//! where the markup is broken (an unclosed tag or comment, a `<` in prose)
//! it keeps the text rather than lose it.
//!
//! What counts as chrome, and why it goes: site menus, banners, "Skip to
//! content" links and footers repeat on every page of a site. Kept, they
//! would become the transcript's title and a long preamble (the first
//! lines of a page are read as its header) or be glued to the last turn (a
//! footer follows the closing remarks). So `<nav>` is always dropped;
//! `<header>`, `<footer>` and `<aside>` are dropped when they belong to the
//! page rather than to an `<article>` or `<main>` (where the HTML standard
//! makes them the content's own heading or note, and they are kept); and
//! when a page marks its content with `<main>`, text outside it is dropped.
//! Never text: `<script>`, `<style>`, `<noscript>`, `<template>`, `<svg>`,
//! `<math>`, `<iframe>`, `<object>`, `<canvas>`, `<audio>`, `<video>`,
//! `<button>`, `<select>` and comments.
//!
//! The `<title>` (with a ` | Site name` suffix cut off) is written as the
//! first line of the text when the content has no `<h1>`, so the parser's
//! header logic reads it as the transcript's title (and its date, if it
//! carries one); a page with an `<h1>` has its own title in the content, and
//! the `<title>` would only repeat it.

pub use crate::linemap::LineMap;

/// Text stripped of its markup, with the map back to the original lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stripped {
    /// One paragraph, heading or list item a line, blank lines between
    /// blocks; no markup, entities decoded. Ends with a line feed.
    pub text: String,
    /// Line `n` of `text` came from original lines `map.first(n)..=map.last(n)`.
    pub map: LineMap,
    /// Whether the `<title>` was written as the first line.
    pub title_line: bool,
}

// ---- Is it HTML? ------------------------------------------------------------

/// The text after a BOM, white space, comments and an XML declaration.
fn skip_prolog(text: &str) -> &str {
    let mut s = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r', '\x0c']);
    loop {
        if let Some(rest) = s.strip_prefix("<!--") {
            match rest.find("-->") {
                Some(end) => s = &rest[end + 3..],
                None => return s,
            }
        } else if s.starts_with("<?xml") {
            match s.find("?>") {
                Some(end) => s = &s[end + 2..],
                None => return s,
            }
        } else {
            return s;
        }
        s = s.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r', '\x0c']);
    }
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// `<name` followed by `>`, `/` or white space at the start of `s`.
fn is_tag_at(s: &str, name: &str) -> bool {
    let open = format!("<{name}");
    starts_with_ci(s, &open)
        && s[open.len()..]
            .chars()
            .next()
            .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
}

/// Does `s` start with a tag (`<name` or `</name`, an HTML element)?
fn starts_with_tag(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() != Some(&b'<') {
        return false;
    }
    let from = if b.get(1) == Some(&b'/') { 2 } else { 1 };
    let len = b[from.min(b.len())..]
        .iter()
        .take_while(|&&c| is_name_char(c))
        .count();
    len > 0 && name_ends_at(b, from + len) && is_tag_name(&s[from..from + len].to_ascii_lowercase())
}

/// Is this decoded text an HTML page? Yes when, past a BOM, white space,
/// comments and an XML declaration, it opens with `<!doctype html` or
/// `<html`; or when it is plainly markup: tags open at least half of its
/// non-blank lines and it holds a `<body>` or at least three block tags
/// (`<p>`, `<div>`, `<br>`, `<li>`, ...), as a page's body saved on its own
/// or a minified fragment does. Prose that mentions `<html>` or `a < b`,
/// and Markdown with some inline `<s>`, `<br>` or a `<div>` banner, is not
/// a page.
pub fn looks_like_html(text: &str) -> bool {
    // No tag without a `<`: most transcripts are answered by one memchr.
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return false;
    }
    let head = skip_prolog(text);
    if starts_with_ci(head, "<!doctype html") || is_tag_at(head, "html") {
        return true;
    }
    // Text whose `<` all stand inside lines (`<s>struck</s>` in a
    // transcript) has no line a tag opens: no need to read its lines.
    let opens_a_line = |at: usize| {
        let before = text[..at]
            .trim_end_matches(|c: char| (c.is_whitespace() && c != '\n') || c == '\u{feff}');
        before.is_empty() || before.ends_with('\n')
    };
    if !memchr::memchr_iter(b'<', text.as_bytes()).any(opens_a_line) {
        return false;
    }
    let mut content = 0usize;
    let mut tagged = 0usize;
    let mut body = false;
    for line in text.lines().take(5000) {
        let l = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if l.is_empty() {
            continue;
        }
        content += 1;
        if starts_with_tag(l) {
            tagged += 1;
            body |= is_tag_at(l, "body");
        }
    }
    if content == 0 || tagged * 2 < content {
        return false;
    }
    let sample = text.get(..text.len().min(1 << 16)).unwrap_or(text);
    let sample = sample.to_ascii_lowercase();
    let blocks: usize = [
        "<p>", "<p ", "<div", "<br", "<h1", "<h2", "<h3", "<li", "<tr", "<table",
    ]
    .iter()
    .map(|t| sample.matches(t).count())
    .sum();
    body || blocks >= 3
}

// ---- Tokens -----------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok<'a> {
    /// Character data, entities not yet decoded, at byte offset `at`.
    Text {
        text: &'a str,
        at: usize,
    },
    Open {
        name: String,
        at: usize,
    },
    Close {
        name: String,
        at: usize,
    },
}

/// Elements whose content is not markup: skipped to their end tag. The
/// content of `title` and `textarea` is text (kept as a token); that of
/// the others is dropped.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "noembed", "noframes",
];

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b':' || b == b'_'
}

/// HTML's element names, current and obsolete (lower case, sorted).
#[rustfmt::skip]
const ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio",
    "b", "base", "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body",
    "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
    "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt",
    "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame",
    "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
    "html", "i", "iframe", "image", "img", "input", "ins", "isindex", "kbd", "keygen",
    "label", "legend", "li", "link", "listing", "main", "map", "mark", "marquee", "math",
    "menu", "menuitem", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript",
    "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext",
    "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script",
    "search", "section", "select", "slot", "small", "source", "spacer", "span", "strike",
    "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
    "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul",
    "var", "video", "wbr", "xmp",
];

/// A tag name: an HTML element, or a custom (`my-widget`) or namespaced
/// (`o:p`, from word processors) one. Anything else after a `<` is text.
fn is_tag_name(name: &str) -> bool {
    ELEMENTS.binary_search(&name).is_ok() || name.contains(['-', ':'])
}

/// Does a tag name end at byte `i` of `b` (white space, `/` or `>` next)?
fn name_ends_at(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
}

/// The end of a start tag whose name ends at `i`: the index after its `>`,
/// honouring quoted attribute values; `None` when the tag never closes.
fn start_tag_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut after_eq = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                let close = bytes[i + 1..].iter().position(|&b| b == q)?;
                i += close + 1;
                after_eq = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    None
}

/// What a `<` opens, and where that markup ends (the index after it).
enum Markup {
    /// A comment, doctype, CDATA section or processing instruction.
    Ignored(usize),
    Open(usize, usize),
    Close(usize, usize),
}

/// The markup that starts at `at` (a `<` in `lower`), or `None` when this
/// `<` is text: not followed by a letter, `/`, `!` or `?`, or never closed.
fn markup_at(lower: &str, at: usize) -> Option<Markup> {
    let rest = &lower[at..];
    let b = rest.as_bytes();
    let name_len = |from: usize| b[from..].iter().take_while(|&&c| is_name_char(c)).count();
    if rest.starts_with("<!--") {
        // `<!-->` and `<!--->` are (empty) comments too.
        let end = lower[at + 2..].find("-->")?;
        Some(Markup::Ignored(at + 2 + end + 3))
    } else if matches!(b.get(1), Some(b'!' | b'?')) {
        rest.find('>').map(|e| Markup::Ignored(at + e + 1))
    } else if b.get(1) == Some(&b'/') && b.get(2).is_some_and(u8::is_ascii_alphabetic) {
        let len = name_len(2);
        if !name_ends_at(b, 2 + len) || !is_tag_name(&rest[2..2 + len]) {
            return None;
        }
        let name_end = at + 2 + len;
        let end = lower[name_end..].find('>')?;
        Some(Markup::Close(name_end, name_end + end + 1))
    } else if b.get(1).is_some_and(u8::is_ascii_alphabetic) {
        let len = name_len(1);
        if !name_ends_at(b, 1 + len) || !is_tag_name(&rest[1..1 + len]) {
            return None;
        }
        let name_end = at + 1 + len;
        start_tag_end(lower.as_bytes(), name_end).map(|end| Markup::Open(name_end, end))
    } else {
        None
    }
}

/// Split `s` into text and tags. Comments, doctypes and processing
/// instructions vanish; so does the content of `<script>` and `<style>`,
/// while that of `<title>` and `<textarea>` is one text token. A `<` that
/// does not open well-formed markup is text.
fn tokenize<'a>(s: &'a str) -> Vec<Tok<'a>> {
    let lower = s.to_ascii_lowercase();
    let mut toks = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    let text = |toks: &mut Vec<Tok<'a>>, from: usize, to: usize| {
        if from < to {
            toks.push(Tok::Text {
                text: &s[from..to],
                at: from,
            });
        }
    };
    while let Some(rel) = lower[i..].find('<') {
        let at = i + rel;
        let Some(markup) = markup_at(&lower, at) else {
            i = at + 1;
            continue;
        };
        text(&mut toks, text_from, at);
        let end = match markup {
            Markup::Ignored(end) => end,
            Markup::Close(name_end, end) => {
                let name = lower[at + 2..name_end].to_string();
                toks.push(Tok::Close { name, at });
                end
            }
            Markup::Open(name_end, end) => {
                let name = &lower[at + 1..name_end];
                toks.push(Tok::Open {
                    name: name.to_string(),
                    at,
                });
                // Raw text runs to `</name`; without one, the tag is an
                // ordinary tag and what follows is read as usual.
                let close = format!("</{name}");
                let raw_end = if RAW_TEXT.contains(&name) {
                    lower[end..].find(&close)
                } else {
                    None
                };
                match raw_end {
                    None => end,
                    Some(c) => {
                        let c = end + c;
                        if name == "title" || name == "textarea" {
                            text(&mut toks, end, c);
                        }
                        toks.push(Tok::Close {
                            name: name.to_string(),
                            at: c,
                        });
                        lower[c..].find('>').map_or(lower.len(), |e| c + e + 1)
                    }
                }
            }
        };
        i = end;
        text_from = end;
    }
    text(&mut toks, text_from, s.len());
    toks
}

/// For each token: the index of the end tag that closes it (start tags of
/// non-void elements that are closed).
fn match_closes(toks: &[Tok<'_>]) -> Vec<Option<usize>> {
    let mut closes = vec![None; toks.len()];
    let mut open: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Open { name, .. } if !VOID.contains(&name.as_str()) => {
                open.entry(name).or_default().push(i);
            }
            Tok::Close { name, .. } => {
                if let Some(o) = open.get_mut(name.as_str()).and_then(Vec::pop) {
                    closes[o] = Some(i);
                }
            }
            _ => {}
        }
    }
    closes
}

// ---- Entities ---------------------------------------------------------------

/// HTML's names for U+00A0..=U+00FF, in order.
#[rustfmt::skip]
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
    "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
    "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
    "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Other named entities met in transcripts: punctuation, quotes, spaces.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("rsquo", '\u{2019}'),
    ("lsquo", '\u{2018}'),
    ("sbquo", '\u{201a}'),
    ("rdquo", '\u{201d}'),
    ("ldquo", '\u{201c}'),
    ("bdquo", '\u{201e}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("mdash", '\u{2014}'),
    ("ndash", '\u{2013}'),
    ("minus", '\u{2212}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("permil", '\u{2030}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("euro", '\u{20ac}'),
    ("trade", '\u{2122}'),
    ("larr", '\u{2190}'),
    ("rarr", '\u{2192}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
    ("fnof", '\u{192}'),
    ("circ", '\u{2c6}'),
    ("tilde", '\u{2dc}'),
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xa0 + i as u32);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// A numeric reference's character, as browsers read it: 0x80..=0x9F as
/// Windows-1252, nothing valid as U+FFFD.
fn numeric_char(n: u32) -> char {
    match n {
        0x80..=0x9f => crate::cp1252::HIGH[(n - 0x80) as usize].unwrap_or('\u{fffd}'),
        0 => '\u{fffd}',
        _ => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// The entity at the start of `s` (which starts with `&`): its character
/// and length in bytes. Named ones need their `;`; numeric ones do not.
fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, from) = match b.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        let digits = b[from..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let n = u32::from_str_radix(&s[from..from + digits], if hex { 16 } else { 10 })
            .unwrap_or(u32::MAX);
        let mut len = from + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((numeric_char(n), len));
    }
    let name_len = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || b.get(1 + name_len) != Some(&b';') {
        return None;
    }
    named_entity(&s[1..1 + name_len]).map(|c| (c, name_len + 2))
}

/// `s` with its entities decoded (for the title and for tests).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// ---- Stripping --------------------------------------------------------------

/// Elements that end a paragraph where they open or close.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never transcript text.
const NOT_TEXT: &[&str] = &[
    "nav", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "audio", "video",
    "button", "select", "script", "style", "head",
];

/// Elements that are the page's chrome unless inside `<article>`/`<main>`.
const PAGE_CHROME: &[&str] = &["header", "footer", "aside"];

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Byte offsets where each line starts, with the parser's line ends (LF,
/// CRLF, lone CR).
fn line_starts(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// Builds the stripped lines and their map.
struct Writer {
    starts: Vec<usize>,
    /// Index into `starts` of the line at the last offset asked for.
    cursor: usize,
    lines: Vec<String>,
    map: LineMap,
    cur: String,
    cur_chars: usize,
    /// Original line of the last character of `cur`.
    cur_line: usize,
    space: bool,
}

impl Writer {
    /// The 1-based original line of byte `off`; offsets only grow.
    fn line_of(&mut self, off: usize) -> usize {
        while self.cursor + 1 < self.starts.len() && self.starts[self.cursor + 1] <= off {
            self.cursor += 1;
        }
        self.cursor + 1
    }

    fn push_char(&mut self, c: char, off: usize, pre: bool) {
        if pre && matches!(c, '\n' | '\r') {
            // Inside <pre> a line end ends the line.
            self.line_break(off, true);
            return;
        }
        if !pre && is_html_space(c) {
            self.space = true;
            return;
        }
        if c == '\u{ad}' {
            return; // a soft hyphen is not printed
        }
        let line = self.line_of(off);
        if self.cur.is_empty() {
            self.map.spans.push((line, line));
            self.cur_line = line;
        } else {
            if self.space {
                self.cur.push(' ');
                self.cur_chars += 1;
            }
            if line != self.cur_line {
                self.map
                    .breaks
                    .push((self.lines.len() + 1, self.cur_chars, line));
                self.cur_line = line;
            }
        }
        self.space = false;
        self.cur.push(c);
        self.cur_chars += 1;
        if let Some(span) = self.map.spans.last_mut() {
            span.1 = line;
        }
    }

    /// End the current line; with `blank_if_empty`, an empty current line
    /// is written as a blank line (a second `<br>`, an empty line in `<pre>`).
    fn line_break(&mut self, off: usize, blank_if_empty: bool) {
        self.space = false;
        if !self.cur.is_empty() && self.cur.chars().all(char::is_whitespace) {
            // Only no-break spaces (`<p>&nbsp;</p>`): an empty line.
            let n = self.lines.len() + 1;
            while self.map.breaks.last().is_some_and(|b| b.0 == n) {
                self.map.breaks.pop();
            }
            self.map.spans.pop();
            self.cur.clear();
            self.cur_chars = 0;
        }
        if self.cur.is_empty() {
            if blank_if_empty {
                self.blank(off);
            }
            return;
        }
        self.lines.push(std::mem::take(&mut self.cur));
        self.cur_chars = 0;
    }

    /// A blank line, unless the text is empty or already ends with one.
    fn blank(&mut self, off: usize) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            let line = self
                .line_of(off)
                .max(self.map.spans.last().map_or(0, |s| s.1));
            self.lines.push(String::new());
            self.map.spans.push((line, line));
        }
    }

    fn paragraph_break(&mut self, off: usize) {
        self.line_break(off, false);
        self.blank(off);
    }

    /// Where an element opens or closes: `<br>` ends a line, a block
    /// element a paragraph, a table cell leaves a space.
    fn element_edge(&mut self, name: &str, at: usize) {
        if name == "br" {
            self.line_break(at, true);
        } else if BLOCK.contains(&name) {
            self.paragraph_break(at);
        } else if name == "td" || name == "th" {
            self.space = true;
        }
    }

    fn text(&mut self, raw: &str, at: usize, pre: bool) {
        let mut i = 0;
        while i < raw.len() {
            let c = raw[i..].chars().next().unwrap_or('\u{fffd}');
            if pre && c == '\r' && raw[i + 1..].starts_with('\n') {
                i += 1; // CRLF is one line end
                continue;
            }
            if c == '&' {
                if let Some((d, len)) = entity(&raw[i..]) {
                    self.push_char(d, at + i, pre);
                    i += len;
                    continue;
                }
            }
            self.push_char(c, at + i, pre);
            i += c.len_utf8();
        }
    }
}

/// Decoded, space-collapsed text of a `<title>`, without a ` | Site` suffix.
fn title_text(raw: &str) -> String {
    let t = decode_entities(raw);
    let t: String = t
        .split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match t.split_once(" | ") {
        Some((head, _)) if !head.trim().is_empty() => head.trim().to_string(),
        _ => t,
    }
}

/// Strip an HTML page to transcript text (see the module documentation for
/// what is kept and dropped). Never fails: broken markup is read as well as
/// it can be, and text is kept rather than lost.
pub fn strip(html: &str) -> Stripped {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let toks = tokenize(html);
    let closes = match_closes(&toks);
    let mut w = Writer {
        starts: line_starts(html),
        cursor: 0,
        lines: Vec::new(),
        map: LineMap::default(),
        cur: String::new(),
        cur_chars: 0,
        cur_line: 0,
        space: false,
    };
    // Text outside <main> is chrome when the page has a (closed) <main>.
    // A <main> with no text is a landmark only, not the content.
    let mains: Vec<(usize, usize)> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Tok::Open { name, .. } if name == "main"))
        .filter_map(|(i, _)| closes[i].map(|c| (i, c)))
        .filter(|&(o, c)| {
            toks[o..c].iter().any(|t| {
                matches!(t, Tok::Text { text, .. } if !text.trim_matches(is_html_space).is_empty())
            })
        })
        .collect();
    let in_main = |i: usize| mains.is_empty() || mains.iter().any(|&(o, c)| o <= i && i <= c);
    // The first <title> with text (a page's <head> is dropped below).
    let title: Option<(String, usize)> = toks.windows(2).find_map(|w| match w {
        [Tok::Open { name, .. }, Tok::Text { text, at }] if name == "title" => {
            Some((title_text(text), *at))
        }
        _ => None,
    });
    let mut content_depth = 0usize;
    let mut pre = 0usize;
    let mut h1 = 0usize;
    let mut h1_text = false;
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Open { name, at } => {
                let n = name.as_str();
                let dropped = NOT_TEXT.contains(&n)
                    || n == "title"
                    || (PAGE_CHROME.contains(&n) && content_depth == 0);
                if dropped {
                    if let Some(c) = closes[i] {
                        i = c + 1;
                        continue;
                    }
                }
                if !in_main(i) {
                    i += 1;
                    continue;
                }
                match n {
                    "article" | "main" => content_depth += 1,
                    "pre" => pre += 1,
                    "h1" => h1 += 1,
                    _ => {}
                }
                w.element_edge(n, *at);
            }
            Tok::Close { name, at } => {
                let n = name.as_str();
                if in_main(i) {
                    match n {
                        "article" | "main" => content_depth = content_depth.saturating_sub(1),
                        "pre" => pre = pre.saturating_sub(1),
                        "h1" => h1 = h1.saturating_sub(1),
                        _ => {}
                    }
                    w.element_edge(n, *at);
                }
            }
            Tok::Text { text, at } => {
                if in_main(i) {
                    w.text(text, *at, pre > 0);
                    h1_text |= h1 > 0 && !text.trim_matches(is_html_space).is_empty();
                }
            }
        }
        i += 1;
    }
    w.line_break(html.len(), false);
    while w.lines.last().is_some_and(|l| l.is_empty()) {
        w.lines.pop();
        w.map.spans.pop();
    }
    let mut lines = w.lines;
    let mut map = w.map;
    // The <title> as the first line when the content has no <h1>, and it
    // comes before the content in the file (the map stays in order).
    let same = |a: &str, b: &str| {
        let words = |s: &str| {
            s.split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        words(a) == words(b)
    };
    let repeated = |t: &str| {
        lines
            .iter()
            .filter(|l| !l.is_empty())
            .take(5)
            .any(|l| same(l, t))
    };
    let mut title_line = false;
    if let Some((t, at)) = title.filter(|(t, _)| !t.is_empty() && !h1_text && !repeated(t)) {
        let starts = line_starts(html);
        let line = starts.partition_point(|&s| s <= at);
        if map.spans.first().is_none_or(|s| s.0 >= line) {
            lines.splice(0..0, [t, String::new()]);
            map.spans.splice(0..0, [(line, line), (line, line)]);
            for b in &mut map.breaks {
                b.0 += 2;
            }
            title_line = true;
        }
    }
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    Stripped {
        text,
        map,
        title_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        strip(html).text.lines().map(str::to_string).collect()
    }

    #[test]
    fn entities_named_numeric_and_unknown() {
        assert_eq!(
            decode_entities("It&rsquo;s &ldquo;fine&rdquo; &mdash; &amp; &lt;3 &hellip;"),
            "It\u{2019}s \u{201c}fine\u{201d} \u{2014} & <3 \u{2026}"
        );
        assert_eq!(
            decode_entities("&#8217;&#x2019;&#X2019;&#39;"),
            "\u{2019}\u{2019}\u{2019}'"
        );
        assert_eq!(
            decode_entities("caf&eacute; &Eacute;&nbsp;&copy;"),
            "café É\u{a0}©"
        );
        assert_eq!(
            decode_entities("&#150; &#0; &#x110000;"),
            "\u{2013} \u{fffd} \u{fffd}"
        );
        // Unknown names, a missing `;` on a name, a bare `&` stay as printed.
        assert_eq!(
            decode_entities("AT&T &bogus; &amp &"),
            "AT&T &bogus; &amp &"
        );
        assert_eq!(decode_entities("&#8217s"), "\u{2019}s");
    }

    #[test]
    fn script_style_and_comments_are_dropped() {
        let html = "<html><head><title>T</title>\n<style>p { color: red }</style>\n\
                    <script>if (a < b) { document.write('<p>MS. X: hi</p>'); }</script>\n\
                    </head><body><h1>Title</h1><!-- <p>Q  hidden</p> -->\n<p>Kept.</p></body></html>";
        assert_eq!(lines(html), ["Title", "", "Kept."]);
    }

    #[test]
    fn blocks_split_lines_and_inline_tags_vanish() {
        let html = "<!doctype html><body><p><strong>MS. PSAKI:</strong>&nbsp; Good <em>morning</em>.</p>\
                    <p>Q&nbsp;&nbsp;&nbsp; Thank you.<br>Second line.</p><div>A<span>B</span></div>\
                    <ul><li>one</li><li>two</li></ul><table><tr><td>MR. X:</td><td>Yes.</td></tr></table>";
        assert_eq!(
            lines(html),
            [
                "MS. PSAKI:\u{a0} Good morning.",
                "",
                "Q\u{a0}\u{a0}\u{a0} Thank you.",
                "Second line.",
                "",
                "AB",
                "",
                "one",
                "",
                "two",
                "",
                "MR. X: Yes."
            ]
        );
    }

    #[test]
    fn a_less_than_sign_in_text_is_not_a_tag() {
        let html = "<!doctype html><p>If a < b and c<d, then 3 <4; x <= y.</p><p>a<b</p>";
        assert_eq!(
            lines(html),
            ["If a < b and c<d, then 3 <4; x <= y.", "", "a<b"]
        );
    }

    #[test]
    fn element_names_are_sorted_and_unknown_names_are_text() {
        assert!(ELEMENTS.windows(2).all(|w| w[0] < w[1]));
        let html = "<!doctype html><p>x <y then z> w, <o:p></o:p><my-tag>ok</my-tag></p>";
        assert_eq!(lines(html), ["x <y then z> w, ok"]);
    }

    #[test]
    fn unclosed_tags_and_comments_keep_their_text() {
        // `<p>` without `</p>`, a `<b>` never closed, an unclosed comment and a
        // tag cut off by the end of the file.
        let html =
            "<html><body><p>One<p>Two <b>bold\n<p>Three <!-- not closed <p>Four <div class=\"x";
        let got = lines(html);
        assert_eq!(
            got[..5],
            ["One", "", "Two bold", "", "Three <!-- not closed"]
        );
        assert_eq!(got[6], "Four <div class=\"x");
        // An unclosed <script> does not swallow the page.
        assert_eq!(
            lines("<html><script>var x;<p>Text</p>"),
            ["var x;", "", "Text"]
        );
        // An unclosed <nav> is not dropped either.
        assert_eq!(
            lines("<html><nav><p>Menu</p><p>Text</p>"),
            ["Menu", "", "Text"]
        );
    }

    #[test]
    fn chrome_is_dropped_but_article_headers_are_kept() {
        let html = "<!DOCTYPE html>\n<html><head><title>Briefing | Site</title></head><body>\n\
                    <a href=\"#c\">Skip to content</a>\n<header><nav><a>Home</a></nav><p>Banner</p></header>\n\
                    <main><article><header><h1>Press Briefing</h1></header>\n<p>MS. X: Hello.</p>\n\
                    <aside>Pull quote</aside><footer>Posted in Briefings</footer></article></main>\n\
                    <aside>Related</aside><footer><p>Footer</p></footer></body></html>";
        assert_eq!(
            lines(html),
            [
                "Press Briefing",
                "",
                "MS. X: Hello.",
                "",
                "Pull quote",
                "",
                "Posted in Briefings"
            ]
        );
        // Without <main>, page header and footer still go; other text stays.
        let html =
            "<html><body><header>Site</header><p>Skip</p><p>MS. X: Hi.</p><footer>F</footer>";
        assert_eq!(lines(html), ["Skip", "", "MS. X: Hi."]);
    }

    #[test]
    fn title_is_the_first_line_without_an_h1() {
        let html = "<html>\n<head>\n<title>Press Briefing, May 1, 2024 | The White House</title>\n</head>\n<body>\n<p>MS. X: Hi.</p>\n</body></html>";
        let s = strip(html);
        assert!(s.title_line);
        assert_eq!(s.text, "Press Briefing, May 1, 2024\n\nMS. X: Hi.\n");
        assert_eq!((s.map.first(1), s.map.first(3)), (3, 6));
        let with_h1 = strip("<html><title>T | S</title><body><h1>Own title</h1><p>x</p>");
        assert!(!with_h1.title_line);
        assert!(!with_h1.text.contains('T'));
        // A page that repeats its title in a paragraph has it once.
        let repeated = strip("<html><title>My&nbsp;Title | S</title><body><p>My title</p><p>x</p>");
        assert!(!repeated.title_line);
        assert_eq!(repeated.text, "My title\n\nx\n");
    }

    #[test]
    fn minified_page_splits_into_lines_that_all_map_to_line_one() {
        let html = "<!doctype html><html><body><p>MS. X:&nbsp; Hi.</p><p>Q&nbsp;&nbsp; Why?</p><p>MS. X:&nbsp; Because.</p></body></html>\n";
        let s = strip(html);
        assert_eq!(s.text.lines().count(), 5);
        for n in 1..=5 {
            assert_eq!((s.map.first(n), s.map.last(n)), (1, 1));
        }
        assert_eq!(s.map.stripped_lines(1, 1), 1..=5);
    }

    #[test]
    fn map_points_at_the_original_lines() {
        let html = "<!doctype html>\n<body>\n<p>MS. X: One\ntwo\r\nthree.</p>\n\n<p>Q  Four?</p>\r<p>Five</p></body>";
        let s = strip(html);
        assert_eq!(s.text, "MS. X: One two three.\n\nQ Four?\n\nFive\n");
        assert_eq!((s.map.first(1), s.map.last(1)), (3, 5));
        assert_eq!((s.map.first(3), s.map.last(3)), (7, 7));
        assert_eq!(s.map.first(5), 8);
        // Character columns within a paragraph written over three lines.
        assert_eq!(s.map.at(1, 0), 3);
        assert_eq!(s.map.at(1, "MS. X: One t".len()), 4);
        assert_eq!(s.map.at(1, "MS. X: One two th".len()), 5);
        assert_eq!(s.map.first(0), 0);
        assert_eq!(s.map.stripped_lines(4, 7), 1..=4);
    }

    #[test]
    fn empty_paragraphs_and_empty_main_are_nothing() {
        let html = "<html><body><p>A</p><p>&nbsp;</p><p> &#160; </p><p>B</p>\
                    <main></main><p>C</p>";
        assert_eq!(lines(html), ["A", "", "B", "", "C"]);
    }

    #[test]
    fn pre_keeps_its_lines() {
        let html = "<html><body><pre>MS. X:  One.\n\nQ    Two?</pre><p>After</p>";
        assert_eq!(lines(html), ["MS. X:  One.", "", "Q    Two?", "", "After"]);
    }

    #[test]
    fn what_is_and_is_not_a_page() {
        assert!(looks_like_html("<!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("\u{feff}  <!-- saved -->\n<HTML lang=en>"));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(looks_like_html(
            "<head><title>x</title></head>\n<body>\n<p>MS. X: hi</p>"
        ));
        assert!(looks_like_html(
            "<div class=\"entry\"><p>A</p><p>B</p><p>C</p></div>"
        ));
        assert!(looks_like_html(
            "Transcript\n<p>MS. X: a</p>\n<p>Q  b</p>\n<p>MS. X: c</p>"
        ));
        // Prose that talks about markup, or uses a `<`.
        assert!(!looks_like_html(
            "MS. X: The page starts with <html> and <body>.\nQ  Why?"
        ));
        assert!(!looks_like_html(
            "Q: Is a < b?\nMS. X: <html> is a tag, 3 <4."
        ));
        assert!(!looks_like_html(
            "MS. X: <p> tags, <p> tags, <p> tags everywhere.\nQ  Hm."
        ));
        // Markdown with a little inline HTML.
        assert!(!looks_like_html(
            "---\ntitle: x\n---\nMS. X: twenty <s>employers</s> [employees].<br>\nQ    Yes."
        ));
        assert!(!looks_like_html("<3 from the briefing room\nMS. X: Hi."));
        assert!(!looks_like_html("<b>MS. X:</b> Hi.\nQ  Yes."));
        assert!(looks_like_html("<DIV><P>MS. X: a<BR>b</P></DIV>"));
        assert!(!looks_like_html(
            "<div align=\"center\"><h1>Briefing</h1></div>\n\nMS. X: Hi.<br>\nQ  Yes.<br>\nMS. X: No."
        ));
    }
}
