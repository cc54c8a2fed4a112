//! Figures: the quantities a text states (`31.3 trillion yuan`, `nearly
//! 30%`, `4.9 percentage points`, `$2.5bn`, `two million`), each with its
//! value as a number (scale applied), its unit and its qualifier, told
//! apart from the numbers that state no quantity: years, dates, periods,
//! clock times, ordinals, list numbers and numbers that are part of a name
//! (`COVID-19`, `G7`, `5G`, `Boeing 707`, a phone number).
//!
//! Pure functions over one text (a turn's): no I/O, no model, no sentence
//! splitting (the caller places each figure in its sentence by its byte
//! offsets). The rules, in the order they are tried, are listed in
//! docs/GUIDE.md ("Where does a figure come from?"); this module must not
//! grow rules that the GUIDE does not state.
//!
//! The text is read as whitespace-separated chunks, each stripped of
//! surrounding punctuation (brackets, quotes, commas, a final full stop);
//! punctuation after a chunk ends a phrase, so a unit never runs past a
//! comma.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// What kind of quantity a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A count or a measure: `718,000 5G base stations`, `1.1 billion metric tons`.
    Quantity,
    /// A percentage: `30%`, `nearly 30 per cent` (the value is 30).
    Percent,
    /// A difference of percentages: `4.9 percentage points`, `25 basis points`.
    Points,
    /// An amount of money: `$2.5 billion`, `31.3 trillion yuan`.
    Money,
}

impl FigureKind {
    /// The name written in JSON and in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Quantity => "quantity",
            FigureKind::Percent => "percent",
            FigureKind::Points => "points",
            FigureKind::Money => "money",
        }
    }
}

/// A quantity stated in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The value with its scale applied (`31.3 trillion` is 3.13e13; `30%` is 30).
    pub value: f64,
    /// The unit as written (`5G base stations`, `yuan`, `U.S. dollars`), a
    /// currency sign (`$`, `€`), `%`, `percentage points`, `basis points`,
    /// or empty when none is stated.
    pub unit: String,
    /// Words that bound or soften the value (`nearly`, `over`, `more than`,
    /// `up`, `down`, and `plus` for `60-plus`), joined with `, `.
    pub qualifier: Option<String>,
    /// Quantity, percent, points or money.
    pub kind: FigureKind,
    /// Byte offset in the text where the figure starts (its qualifier included).
    pub start: usize,
    /// Byte offset in the text where it ends (its unit included).
    pub end: usize,
}

/// A number in a text that states no quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotFigure {
    /// `in 2035`, `2020 was`, `the 2021 conference`.
    Year,
    /// `1 March`, `March 1`, `2021-03-01`, `01/03/2021`.
    Date,
    /// `2021-2035`, `2021-25`, `the 1990s`.
    Period,
    /// `10 a.m.`, `3:00`, `3pm`.
    Time,
    /// `14th`, `1st`.
    Ordinal,
    /// A list or reference number: `1.` or `(2)` opening a line, `No. 3`, `#4`, `page 12`.
    List,
    /// Part of a name or a code: `5G`, `Boeing 707`, `Five-Year Plan`,
    /// a phone number, `24/7`, a score (`3-1`).
    Name,
}

/// A number found in a text: a figure, or what else it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Mention {
    /// A stated quantity.
    Figure(Figure),
    /// A number that is not a quantity, with its byte span.
    Other {
        /// What the number is.
        kind: NotFigure,
        /// Byte offset where it starts.
        start: usize,
        /// Byte offset where it ends.
        end: usize,
    },
}

/// The figures stated in `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    mentions(text)
        .into_iter()
        .filter_map(|m| match m {
            Mention::Figure(f) => Some(f),
            Mention::Other { .. } => None,
        })
        .collect()
}

/// Every number in `text`, in order: figures and the numbers that are not.
/// Written-out numbers that state no quantity (`one of`, `the two`) are
/// not mentioned at all.
pub fn mentions(text: &str) -> Vec<Mention> {
    let scan = Scan {
        text,
        chunks: chunks(text),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.chunks.len() {
        i = match scan.read(i) {
            Some(Read::Figure(d)) => {
                let next = d.next;
                out.push(Mention::Figure(scan.finish(d)));
                next
            }
            Some(Read::Range(low, high)) => {
                let next = high.next;
                out.push(Mention::Figure(scan.finish(low)));
                out.push(Mention::Figure(scan.finish(high)));
                next
            }
            Some(Read::Other(kind, start, end)) => {
                out.push(Mention::Other { kind, start, end });
                i + 1
            }
            None => i + 1,
        };
    }
    out
}

/// An amount typed by a user (`--min 1e6`, `--max "31.3 trillion"`,
/// `2,500`, `30%`): a plain number, else one figure that is the whole text.
pub fn parse_amount(s: &str) -> Option<f64> {
    let s = s.trim();
    let plain: String = s.chars().filter(|c| !matches!(c, ',' | '_')).collect();
    if let Ok(v) = plain.parse::<f64>() {
        return v.is_finite().then_some(v);
    }
    match &figures(s)[..] {
        [f] if f.start == 0 && f.end == s.len() => Some(f.value),
        _ => None,
    }
}

// ---------------------------------------------------------------- chunks

/// A whitespace-separated piece of the text, stripped of punctuation.
struct Chunk<'a> {
    /// The chunk without leading and trailing punctuation.
    core: &'a str,
    /// Byte offsets of `core` in the text.
    start: usize,
    end: usize,
    lead: &'a str,
    trail: &'a str,
    /// First chunk of its line.
    line_start: bool,
    /// First chunk of a sentence (or line).
    sentence_start: bool,
    /// Part of a phone number written in groups (`+86 10 6521 1234`).
    phone: bool,
}

impl Chunk<'_> {
    fn lower(&self) -> String {
        self.core.to_lowercase()
    }

    fn capitalised(&self) -> bool {
        self.core.chars().next().is_some_and(char::is_uppercase)
    }

    /// Punctuation after it: a phrase ends here.
    fn closed(&self) -> bool {
        !self.trail.is_empty()
    }
}

/// Marks that open a phrase before a number: brackets, quotation marks,
/// Spanish `¿` and `¡`, dashes, emphasis.
const LEAD: &[char] = &[
    '(', '[', '{', '"', '\'', '\u{201c}', '\u{2018}', '\u{ab}', '*', '_', '\u{2014}', '\u{2013}',
    '\u{bf}', '\u{a1}',
];
/// Marks that close a phrase after a number: brackets, quotation marks,
/// punctuation (with the question marks of other scripts), dashes.
const TRAIL: &[char] = &[
    ')', ']', '}', '"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ',', ';', ':', '!', '?',
    '\u{2026}', '*', '_', '\u{2014}', '\u{2013}', '\u{ff1f}', '\u{ff01}', '\u{61f}',
];

/// Abbreviations whose full stop ends no sentence (lower case, no dot).
const NO_SENTENCE_END: &[&str] = &[
    "no", "nos", "mr", "mrs", "ms", "dr", "st", "vs", "approx", "p", "pp", "fig", "para", "art",
    "sec", "vol", "ch", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "rev", "hon", "lt", "col",
    "capt", "sgt", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "ltd", "co", "corp", "dept",
];

fn chunks(text: &str) -> Vec<Chunk<'_>> {
    let mut out: Vec<Chunk<'_>> = Vec::new();
    let mut prev_end = 0;
    let mut start = None;
    let bounds = text
        .char_indices()
        .map(|(i, c)| (i, c.is_whitespace()))
        .chain(std::iter::once((text.len(), true)));
    for (i, space) in bounds {
        match (space, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let line_start = out.is_empty() || text[prev_end..s].contains('\n');
                out.push(chunk(text, s, i, line_start, out.last()));
                prev_end = i;
                start = None;
            }
            _ => {}
        }
    }
    mark_phones(&mut out);
    out
}

fn chunk<'a>(
    text: &'a str,
    s: usize,
    e: usize,
    line_start: bool,
    prev: Option<&Chunk<'_>>,
) -> Chunk<'a> {
    let raw = &text[s..e];
    let lead_len = raw.len() - raw.trim_start_matches(LEAD).len();
    let mut end = raw.len();
    while let Some(c) = raw[lead_len..end].chars().next_back() {
        let body = &raw[lead_len..end];
        if TRAIL.contains(&c) {
            end -= c.len_utf8();
            continue;
        }
        let inner = &body[..body.len() - c.len_utf8()];
        // `U.S.` and `a.m.` keep their last dot; `1.5.` and `No.` do not.
        let dotted_word = inner.starts_with(char::is_alphabetic) && inner.contains('.');
        if c == '.' && !inner.is_empty() && !dotted_word {
            end -= 1;
            continue;
        }
        break;
    }
    let sentence_start = line_start
        || prev.is_none_or(|p| {
            p.trail.contains([
                '.', '!', '?', ':', '\u{2026}', '\u{ff1f}', '\u{ff01}', '\u{61f}',
            ]) && !NO_SENTENCE_END.contains(&p.lower().as_str())
        });
    Chunk {
        core: &raw[lead_len..end],
        start: s + lead_len,
        end: s + end,
        lead: &raw[..lead_len],
        trail: &raw[end..],
        line_start,
        sentence_start,
        phone: false,
    }
}

/// Could this chunk be a group of a phone number: digits, dots and dashes,
/// a leading `+`, in brackets or not.
fn phone_group(c: &Chunk<'_>) -> bool {
    let body = c.core.strip_prefix('+').unwrap_or(c.core);
    matches!(c.lead, "" | "(")
        && body.ends_with(|ch: char| ch.is_ascii_digit())
        && body
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '-'))
}

/// Mark the runs of digit groups that spell a phone number: two groups or
/// more on one line, seven digits or more, and a sign of a phone number
/// (a `+`, brackets, a dash, or three groups).
fn mark_phones(chunks: &mut [Chunk<'_>]) {
    let mut i = 0;
    while i < chunks.len() {
        let mut j = i;
        while j + 1 < chunks.len()
            && phone_group(&chunks[j])
            && phone_group(&chunks[j + 1])
            && matches!(chunks[j].trail, "" | ")")
            && !chunks[j + 1].line_start
        {
            j += 1;
        }
        let run = &chunks[i..=j];
        let digits: usize = run
            .iter()
            .map(|c| c.core.chars().filter(char::is_ascii_digit).count())
            .sum();
        let sign = run.len() >= 3
            || run
                .iter()
                .any(|c| c.core.starts_with('+') || c.lead == "(" || c.core.contains('-'));
        if run.len() >= 2 && digits >= 7 && sign {
            for c in &mut chunks[i..=j] {
                c.phone = true;
            }
        }
        i = j + 1;
    }
}

// ----------------------------------------------------------------- words

const SMALL: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a written number word below a hundred (`seven`,
/// `forty`, `twenty-five`).
fn small_number(word: &str) -> Option<f64> {
    if let Some(i) = SMALL.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|w| *w == word) {
        return Some(20.0 + 10.0 * i as f64);
    }
    let (tens, units) = word.split_once('-')?;
    let t = TENS.iter().position(|w| *w == tens)?;
    let u = SMALL[1..10].iter().position(|w| *w == units)?;
    Some(20.0 + 10.0 * t as f64 + 1.0 + u as f64)
}

/// A scale word (`million`, `bn`, `dozen`, `million-plus`): its power of
/// ten, a multiplier (12 for a dozen) and whether `-plus` follows it.
fn scale_word(core: &str) -> Option<(i32, f64, bool)> {
    let lower = core.to_lowercase();
    let (word, plus) = match lower
        .strip_suffix("-plus")
        .or_else(|| lower.strip_suffix('+'))
    {
        Some(w) => (w, true),
        None => (lower.as_str(), false),
    };
    let (exp, mult) = match word {
        "hundred" => (2, 1.0),
        "thousand" => (3, 1.0),
        "lakh" | "lakhs" => (5, 1.0),
        "million" | "mn" | "mln" => (6, 1.0),
        "crore" | "crores" => (7, 1.0),
        "billion" | "bn" | "bln" => (9, 1.0),
        "trillion" | "tn" | "trn" => (12, 1.0),
        "quadrillion" => (15, 1.0),
        "dozen" => (0, 12.0),
        _ => return None,
    };
    Some((exp, mult, plus))
}

/// A month name, capitalised as months are (`May`, not `may`).
fn is_month(c: &Chunk<'_>) -> bool {
    c.capitalised() && crate::parse::dates::is_month_word(&c.lower())
}

/// Words after a number that make it a clock time.
const TIME_WORDS: &[&str] = &[
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "o\u{2019}clock",
    "gmt",
    "utc",
    "bst",
    "edt",
    "est",
    "cet",
    "hrs",
];

/// Words before a number that make it a list or reference number (lower
/// case; those marked with a dot may be written with one).
const LIST_WORDS: &[&str] = &[
    "no",
    "nos",
    "number",
    "item",
    "step",
    "page",
    "pages",
    "p",
    "pp",
    "line",
    "lines",
    "article",
    "section",
    "chapter",
    "clause",
    "paragraph",
    "para",
    "question",
    "version",
    "phase",
    "round",
    "room",
    "gate",
    "route",
    "table",
    "figure",
    "fig",
    "annex",
    "exhibit",
    "slide",
    "rule",
    "flight",
    "platform",
    "channel",
    "tel",
    "fax",
    "ext",
    "calling",
    "call",
    "dial",
    "hotline",
];

/// Currency codes written before an amount (`RMB 5 billion`).
const CURRENCY_CODES: &[&str] = &[
    "RMB", "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "INR", "CHF", "AUD", "CAD", "KRW", "RUB",
];

/// Words of a unit that names money (its last word).
const MONEY_WORDS: &[&str] = &[
    "yuan", "renminbi", "rmb", "cny", "dollars", "dollar", "usd", "euros", "euro", "eur",
    "sterling", "gbp", "yen", "jpy", "won", "rupees", "rupee", "inr", "rubles", "roubles",
    "francs", "chf", "pesos", "reais", "rand", "lira", "dirhams", "riyals", "ringgit", "baht",
    "rupiah", "naira", "shekels", "hkd", "aud", "cad",
];

/// Units that end the unit phrase at once (lower case, word by word).
const KNOWN_UNITS: &[&[&str]] = &[
    &["hong", "kong", "dollars"],
    &["u.s.", "dollars"],
    &["us", "dollars"],
    &["australian", "dollars"],
    &["canadian", "dollars"],
    &["pounds", "sterling"],
    &["swiss", "francs"],
    &["metric", "tons"],
    &["metric", "tonnes"],
    &["metric", "ton"],
    &["square", "kilometers"],
    &["square", "kilometres"],
    &["square", "meters"],
    &["square", "metres"],
    &["square", "miles"],
    &["cubic", "meters"],
    &["cubic", "metres"],
    &["kilowatt", "hours"],
    &["light", "years"],
    &["tons"],
    &["tonnes"],
    &["kg"],
    &["kilograms"],
    &["grams"],
    &["km"],
    &["kilometers"],
    &["kilometres"],
    &["miles"],
    &["meters"],
    &["metres"],
    &["hectares"],
    &["acres"],
    &["liters"],
    &["litres"],
    &["barrels"],
    &["gigawatts"],
    &["megawatts"],
    &["kilowatts"],
    &["kwh"],
    &["gw"],
    &["mw"],
];

/// Words that end a unit phrase: function words, auxiliaries, adverbs and
/// a few verbs that follow numbers.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "it's",
    "their",
    "our",
    "his",
    "her",
    "my",
    "your",
    "we",
    "they",
    "i",
    "you",
    "he",
    "she",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "without",
    "than",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "as",
    "per",
    "since",
    "during",
    "over",
    "under",
    "above",
    "below",
    "across",
    "into",
    "onto",
    "through",
    "about",
    "between",
    "among",
    "within",
    "after",
    "before",
    "until",
    "till",
    "upon",
    "via",
    "vs",
    "versus",
    "against",
    "toward",
    "towards",
    "like",
    "including",
    "according",
    "compared",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "no",
    "also",
    "already",
    "now",
    "then",
    "still",
    "just",
    "only",
    "even",
    "ever",
    "again",
    "more",
    "most",
    "less",
    "least",
    "much",
    "many",
    "very",
    "too",
    "each",
    "every",
    "all",
    "both",
    "either",
    "neither",
    "some",
    "any",
    "other",
    "another",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "why",
    "how",
    "if",
    "because",
    "while",
    "although",
    "though",
    "whether",
    "there",
    "here",
    "up",
    "down",
    "out",
    "off",
    "ago",
    "later",
    "earlier",
    "annually",
    "respectively",
    "apiece",
    "altogether",
    "approximately",
    "around",
    "nearly",
    "almost",
    "roughly",
    "plus",
    "minus",
    "available",
    "held",
    "made",
    "built",
    "sold",
    "grew",
    "rose",
    "fell",
    "went",
    "came",
    "took",
    "gave",
    "saw",
    "met",
    "paid",
    "spent",
    "got",
    "left",
    "kept",
    "exceed",
    "exceeds",
    "reach",
    "reaches",
    "say",
    "says",
    "said",
    "show",
    "shows",
    "need",
    "needs",
    "year-on-year",
];

/// Qualifiers before a number, longest first (lower case, word by word).
const QUALIFIERS: &[&[&str]] = &[
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["as", "high", "as"],
    &["as", "low", "as"],
    &["in", "excess", "of"],
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
    &["not", "more", "than"],
    &["a", "little", "over"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["at", "least"],
    &["at", "most"],
    &["close", "to"],
    &["upwards", "of"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["well", "under"],
    &["an", "estimated"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["approximately"],
    &["approx."],
    &["approx"],
    &["roughly"],
    &["some"],
    &["over"],
    &["under"],
    &["above"],
    &["below"],
    &["exceeding"],
    &["circa"],
    &["only"],
    &["just"],
    &["estimated"],
    &["barely"],
    &["up"],
    &["down"],
];

/// Words after a number that qualify it (`five or more years`).
const AFTER_QUALIFIERS: &[&[&str]] = &[
    &["or", "more"],
    &["or", "so"],
    &["or", "above"],
    &["and", "above"],
    &["and", "over"],
    &["and", "more"],
    &["or", "less"],
    &["or", "fewer"],
];

/// Words before a written-out number that make it refer to things
/// already named (`the two sides`), not state a quantity.
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "our", "his", "her", "my", "your",
];

/// Words before a year that keep a following noun from making it a count
/// (`in 2020 people`, `the 2020 elections`).
const YEAR_INTRO: &[&str] = &[
    "in", "since", "by", "before", "after", "until", "till", "from", "to", "through", "of", "the",
    "this", "that", "early", "late", "mid", "during", "between", "and", "or", "for", "year",
    "fiscal", "fy", "its", "their", "our", "his", "her", "a", "an",
];

/// Units written straight after the digits (`575kg`, `3GW`), case as written.
const ATTACHED_UNITS: &[&str] = &[
    "kg", "km", "cm", "mm", "mg", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "GB", "MB", "TB",
    "kB", "Gbps", "Mbps", "mph", "kph", "km/h", "ha", "sqm", "x", "ft", "lb", "lbs", "oz", "mi",
    "ml", "°C", "°F", "€", "m",
];

// ------------------------------------------------------------ the reader

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<sign>[-\x{2212}+])?(?P<cur>US\$|HK\$|NZ\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₩|₽|₺|₦|₱|₫)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<rest>.*)$",
    )
    .expect("a valid regex")
});

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<cur>US\$|\$|€|£|¥)?(?P<a>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[-\x{2013}\x{2014}](?P<b>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<rest>\D.*)?$",
    )
    .expect("a valid regex")
});

/// Whole chunks that are dates, times, phone numbers or fractions.
static SHAPES: LazyLock<[(Regex, NotFigure); 5]> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).expect("a valid regex");
    [
        (
            re(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})$"),
            NotFigure::Date,
        ),
        (
            re(r"(?i)^\d{1,2}(:\d{2}(:\d{2})?(am|pm|a\.m\.|p\.m\.|h)?|am|pm|a\.m\.|p\.m\.)$"),
            NotFigure::Time,
        ),
        (
            re(r"^(\+\d[\d\s().-]*|\(?\d{2,4}\)?[-.]?\d{3,4}[-.]\d{3,4}|\d{3}-\d{4})$"),
            NotFigure::Name,
        ),
        (re(r"^\d{4}/\d{2}$"), NotFigure::Period),
        (re(r"^\d+/\d+(/\d+)*$"), NotFigure::Name),
    ]
});

/// A figure being read.
#[derive(Clone, Debug)]
struct Draft {
    /// Where the number (its currency sign included) starts.
    start: usize,
    end: usize,
    /// The digits as written, separators removed; empty for written numbers.
    digits: String,
    /// The value of a written-out number.
    written: Option<f64>,
    exp: i32,
    mult: f64,
    negative: bool,
    scaled: bool,
    currency: Option<String>,
    /// `%`, `percentage points` or `basis points`.
    percent: Option<&'static str>,
    unit: String,
    qualifiers: Vec<String>,
    /// Where the qualifier before it starts.
    qual_start: Option<usize>,
    /// The index of its first chunk (its qualifier's, its currency code's).
    first: usize,
    /// The next chunk to read.
    next: usize,
    /// The last chunk read has punctuation after it.
    closed: bool,
}

impl Draft {
    fn new(start: usize, end: usize, first: usize, closed: bool) -> Draft {
        Draft {
            start,
            end,
            digits: String::new(),
            written: None,
            exp: 0,
            mult: 1.0,
            negative: false,
            scaled: false,
            currency: None,
            percent: None,
            unit: String::new(),
            qualifiers: Vec::new(),
            qual_start: None,
            first,
            next: first + 1,
            closed,
        }
    }

    fn value(&self) -> f64 {
        let base = match self.written {
            Some(v) => v * 10f64.powi(self.exp),
            None => format!("{}e{}", self.digits, self.exp)
                .parse::<f64>()
                .unwrap_or(0.0),
        };
        let v = base * self.mult;
        if self.negative { -v } else { v }
    }

    /// Something says what the number counts.
    fn has_unit(&self) -> bool {
        !self.unit.is_empty() || self.percent.is_some() || self.currency.is_some()
    }

    /// Take the scale, unit and currency of the second number of a range
    /// (`three to five years`, `2-3 million`).
    fn inherit(&mut self, high: &Draft) {
        if !self.scaled {
            self.exp += high.exp;
            self.mult *= high.mult;
            self.scaled = high.scaled;
        }
        self.percent = high.percent;
        self.unit.clone_from(&high.unit);
        if self.currency.is_none() {
            self.currency.clone_from(&high.currency);
        }
    }
}

enum Read {
    Figure(Draft),
    Range(Draft, Draft),
    Other(NotFigure, usize, usize),
}

struct Scan<'a> {
    text: &'a str,
    chunks: Vec<Chunk<'a>>,
}

impl Scan<'_> {
    /// What starts at chunk `i`, if a number does.
    fn read(&self, i: usize) -> Option<Read> {
        let c = &self.chunks[i];
        let first = c.core.chars().next()?;
        let digit_at = c.core.find(|ch: char| ch.is_ascii_digit());
        let lower = c.lower();
        let prefix_ok = |d: usize| {
            let prefix = &c.core[..d];
            d <= 3 && (!prefix.contains(char::is_alphabetic) || prefix.ends_with('$'))
        };
        if first.is_ascii_digit() || digit_at.is_some_and(prefix_ok) {
            return self.digits(i);
        }
        let a_scale = matches!(lower.as_str(), "a" | "an")
            && !c.closed()
            && self
                .chunks
                .get(i + 1)
                .is_some_and(|n| n.lead.is_empty() && scale_word(n.core).is_some());
        if a_scale || small_number(lower.split('-').next().unwrap_or("")).is_some() {
            return self.words(i);
        }
        None
    }

    fn other(&self, kind: NotFigure, i: usize) -> Option<Read> {
        let c = &self.chunks[i];
        Some(Read::Other(kind, c.start, c.end))
    }

    /// A number written in digits at chunk `i`.
    fn digits(&self, i: usize) -> Option<Read> {
        let c = &self.chunks[i];
        let core = c.core;
        if c.phone {
            return self.other(NotFigure::Name, i);
        }
        if core
            .strip_prefix('#')
            .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()))
        {
            return self.other(NotFigure::List, i);
        }
        for (shape, kind) in SHAPES.iter() {
            if shape.is_match(core) {
                return self.other(*kind, i);
            }
        }
        let (sym_qual, skip) = match core.chars().next() {
            Some('~' | '\u{2248}') => (Some("about"), 1),
            Some('>') => (Some("more than"), 1),
            Some('<') => (Some("less than"), 1),
            _ => (None, 0),
        };
        let skip = core.chars().next().map_or(0, |ch| skip * ch.len_utf8());
        if let Some(r) = RANGE.captures(&core[skip..]) {
            return self.range(i, skip, &r);
        }
        let Some(m) = NUMBER.captures(&core[skip..]) else {
            return self.other(NotFigure::Name, i);
        };
        let num = m.name("num").map_or("", |x| x.as_str());
        let rest = m.name("rest").map_or("", |x| x.as_str());
        let currency = m.name("cur").map(|x| x.as_str().to_string());
        let sign = m.name("sign").map(|x| x.as_str());
        let mut d = Draft::new(c.start, c.end, i, c.closed());
        d.digits = num.replace(',', "");
        d.negative = matches!(sign, Some("-" | "\u{2212}"));
        d.currency = currency;
        if let Some(q) = sym_qual {
            d.qualifiers.push(q.to_string());
        }
        match suffix(rest, d.currency.is_some()) {
            Suffix::Other(kind) => return self.other(kind, i),
            Suffix::Plain => {}
            Suffix::Percent => d.percent = Some("%"),
            Suffix::Scale(exp, plus) => {
                d.exp = exp;
                d.scaled = true;
                if plus {
                    d.qualifiers.push("plus".into());
                }
            }
            Suffix::Unit(u) => d.unit = u.to_string(),
            Suffix::Plus(q) => d.qualifiers.push(q.into()),
        }
        if sign == Some("+") && !d.has_unit() {
            return self.other(NotFigure::Name, i); // +86: a dialling code
        }
        let plain = rest.is_empty() && d.currency.is_none() && sign.is_none();
        if plain {
            if let Some(kind) = self.plain_number_kind(i, &d.digits) {
                return self.other(kind, i);
            }
        }
        if d.currency.is_none() && plain {
            self.currency_before(i, &mut d);
        }
        self.extend(&mut d);
        if plain && d.currency.is_none() && !d.scaled && d.percent.is_none() {
            if let Some(kind) = self.bare_integer_kind(i, &d) {
                return self.other(kind, i);
            }
        }
        self.finish_draft(d)
    }

    /// Qualifier, range inheritance: the last steps of every figure.
    fn finish_draft(&self, mut d: Draft) -> Option<Read> {
        self.qualifier_before(&mut d);
        self.range_tail(&mut d);
        if d.written.is_some() && !d.scaled {
            let referring = d
                .first
                .checked_sub(1)
                .is_some_and(|p| DETERMINERS.contains(&self.chunks[p].lower().as_str()));
            if referring || !(d.has_unit() && d.written >= Some(2.0)) {
                return None; // `the two sides`, `one of`: no quantity stated
            }
        }
        Some(Read::Figure(d))
    }

    /// A plain integer that its neighbours make a list number, a date, a
    /// time or part of a name.
    fn plain_number_kind(&self, i: usize, digits: &str) -> Option<NotFigure> {
        let c = &self.chunks[i];
        let int: Option<u64> = digits.parse().ok();
        let small = int.is_some_and(|n| n <= 999) && !digits.contains('.');
        if small && c.line_start && matches!(c.trail, "." | ")") && i + 1 < self.chunks.len() {
            return Some(NotFigure::List);
        }
        if small && c.lead == "(" && c.trail.starts_with(')') && int <= Some(99) {
            return Some(NotFigure::List);
        }
        let day = int.is_some_and(|n| (1..=31).contains(&n));
        if let Some(p) = i.checked_sub(1).map(|p| &self.chunks[p]) {
            let dot_ok = p.trail.is_empty() || (p.trail == "." && p.core.len() <= 4);
            if dot_ok && c.lead.is_empty() && LIST_WORDS.contains(&p.lower().as_str()) {
                return Some(NotFigure::List);
            }
            if !p.closed() && c.lead.is_empty() {
                if day && is_month(p) {
                    return Some(NotFigure::Date);
                }
                if p.capitalised()
                    && !p.sentence_start
                    && !CURRENCY_CODES.contains(&p.core)
                    && !is_month(p)
                {
                    return Some(NotFigure::Name); // Boeing 707, Article 5
                }
            }
        }
        if let Some(n) = self.chunks.get(i + 1).filter(|_| !c.closed()) {
            let lower = n.lower();
            if day && is_month(n) {
                return Some(NotFigure::Date);
            }
            if int.is_some_and(|h| h <= 24) && TIME_WORDS.contains(&lower.as_str()) {
                return Some(NotFigure::Time);
            }
        }
        None
    }

    /// A bare integer with nothing after it that reads as a year, or a long
    /// one that reads as a code or phone number.
    fn bare_integer_kind(&self, i: usize, d: &Draft) -> Option<NotFigure> {
        let n: u64 = d.digits.parse().ok()?;
        let separators = self.chunks[i].core.contains(',');
        if d.digits.len() == 4 && !separators && (1000..=2100).contains(&n) {
            let counted = d.unit.starts_with(char::is_lowercase)
                && i.checked_sub(1)
                    .is_none_or(|p| !YEAR_INTRO.contains(&self.chunks[p].lower().as_str()));
            return (!counted).then_some(NotFigure::Year);
        }
        (d.digits.len() >= 5 && !separators && d.unit.is_empty()).then_some(NotFigure::Name)
    }

    /// `RMB 5 billion`: a currency code just before the number.
    fn currency_before(&self, i: usize, d: &mut Draft) {
        let Some(p) = i.checked_sub(1).map(|p| &self.chunks[p]) else {
            return;
        };
        if !p.closed() && CURRENCY_CODES.contains(&p.core) {
            d.currency = Some(p.core.to_string());
            d.start = p.start;
            d.first = i - 1;
        }
    }

    /// `3-5 years`, `10–15%`, `2021-2035`: two numbers in one chunk.
    fn range(&self, i: usize, skip: usize, r: &regex::Captures<'_>) -> Option<Read> {
        let c = &self.chunks[i];
        let get = |n: &str| r.name(n).map(|x| (x.start() + skip, x.as_str()));
        let ((a_at, a), (b_at, b)) = (get("a")?, get("b")?);
        let rest = get("rest").map_or("", |x| x.1);
        let (av, bv) = (
            a.replace(',', "").parse::<f64>().ok()?,
            b.replace(',', "").parse::<f64>().ok()?,
        );
        let year = |s: &str, v: f64| s.len() == 4 && (1000.0..=2100.0).contains(&v);
        let two_digit_after = b.len() == 2 && bv > av % 100.0;
        if rest.is_empty() && year(a, av) && ((year(b, bv) && bv >= av) || two_digit_after) {
            return self.other(NotFigure::Period, i);
        }
        if bv <= av {
            return self.other(NotFigure::Name, i); // a score, a code
        }
        let mut high = Draft::new(c.start + b_at, c.end, i, c.closed());
        high.digits = b.replace(',', "");
        let currency = get("cur").map(|x| x.1.to_string());
        high.currency.clone_from(&currency);
        match suffix(rest, currency.is_some()) {
            Suffix::Plain => {}
            Suffix::Percent => high.percent = Some("%"),
            Suffix::Scale(exp, _) => {
                high.exp = exp;
                high.scaled = true;
            }
            Suffix::Unit(u) => high.unit = u.to_string(),
            Suffix::Plus(_) | Suffix::Other(_) => return self.other(NotFigure::Name, i),
        }
        self.extend(&mut high);
        let mut low = Draft::new(c.start, c.start + a_at + a.len(), i, false);
        low.digits = a.replace(',', "");
        low.inherit(&high);
        self.qualifier_before(&mut low);
        Some(Read::Range(low, high))
    }

    /// A number written in words at chunk `i` (`two million`, `a dozen`,
    /// `twenty-five`).
    fn words(&self, i: usize) -> Option<Read> {
        let c = &self.chunks[i];
        let lower = c.lower();
        if lower.contains('-') && small_number(&lower).is_none() {
            return self.other(NotFigure::Name, i); // five-year, one-stop
        }
        if c.capitalised() && !c.sentence_start {
            return self.other(NotFigure::Name, i); // Five-Year Plan, Two Sessions
        }
        let (mut total, mut current) = (0.0f64, 0.0f64);
        let mut scaled = false;
        let mut plus = false;
        let mut j = i;
        let mut last = i;
        while let Some(ch) = self.chunks.get(j) {
            if j > i && (self.chunks[j - 1].closed() || !ch.lead.is_empty()) {
                break;
            }
            let w = ch.lower();
            if j == i && matches!(w.as_str(), "a" | "an") {
                current = 1.0;
            } else if let Some(v) = small_number(&w) {
                current += v;
            } else if let Some((exp, mult, p)) = scale_word(ch.core) {
                plus |= p;
                scaled = true;
                if exp >= 3 {
                    total += current.max(1.0) * 10f64.powi(exp) * mult;
                    current = 0.0;
                } else {
                    current = current.max(1.0) * 10f64.powi(exp) * mult;
                }
            } else if w == "and"
                && scale_word(self.chunks[j - 1].core).is_some()
                && self
                    .chunks
                    .get(j + 1)
                    .is_some_and(|n| small_number(&n.lower()).is_some())
            {
                j += 1;
                continue;
            } else {
                break;
            }
            last = j;
            j += 1;
        }
        let end = &self.chunks[last];
        let mut d = Draft::new(c.start, end.end, i, end.closed());
        d.next = last + 1;
        d.written = Some(total + current);
        d.scaled = scaled;
        if plus {
            d.qualifiers.push("plus".into());
        }
        self.extend(&mut d);
        self.finish_draft(d)
    }

    /// Read what follows the number: scale words, `or more`, a percent
    /// sign or word, the unit.
    fn extend(&self, d: &mut Draft) {
        if d.digits.is_empty() && d.written.is_none() {
            return;
        }
        if !d.digits.is_empty() && !d.scaled && d.percent.is_none() && d.unit.is_empty() {
            while let Some((exp, mult, plus)) = self.open(d).and_then(|n| scale_word(n.core)) {
                d.exp += exp;
                d.mult *= mult;
                d.scaled = true;
                if plus {
                    d.qualifiers.push("plus".into());
                }
                self.take(d, d.next);
            }
        }
        if let Some(k) = self.phrase_at(d, AFTER_QUALIFIERS) {
            let words: Vec<String> = (d.next..d.next + k)
                .map(|j| self.chunks[j].lower())
                .collect();
            d.qualifiers.push(words.join(" "));
            self.take(d, d.next + k - 1);
        }
        if d.percent.is_some() || !d.unit.is_empty() || d.currency.is_some() {
            return;
        }
        if let Some((unit, k)) = self.percent_at(d) {
            d.percent = Some(unit);
            self.take(d, d.next + k - 1);
            return;
        }
        if let Some((unit, last)) = self.unit_at(d) {
            let opened = self.chunks[d.next].lead.chars().next_back();
            d.unit = unit;
            self.take(d, last);
            // A quoted unit ends with its closing quote.
            let closing = self.chunks[last].trail.chars().next();
            if let (Some(o), Some(c)) = (opened, closing) {
                if matches!(
                    (o, c),
                    ('"', '"') | ('\u{201c}', '\u{201d}') | ('\'', '\'') | ('\u{2018}', '\u{2019}')
                ) {
                    d.end += c.len_utf8();
                }
            }
        }
    }

    /// The next chunk, if the phrase goes on to it.
    fn open(&self, d: &Draft) -> Option<&Chunk<'_>> {
        let n = self.chunks.get(d.next)?;
        (!d.closed && n.lead.is_empty()).then_some(n)
    }

    /// Read chunks up to `last` into the figure.
    fn take(&self, d: &mut Draft, last: usize) {
        let c = &self.chunks[last];
        d.end = c.end;
        d.next = last + 1;
        d.closed = c.closed();
    }

    /// How many chunks from `d.next` spell one of `phrases` (adjacent, no
    /// punctuation inside), if any.
    fn phrase_at(&self, d: &Draft, phrases: &[&[&str]]) -> Option<usize> {
        self.open(d)?;
        self.phrase_from(d.next, phrases)
    }

    fn phrase_from(&self, at: usize, phrases: &[&[&str]]) -> Option<usize> {
        phrases.iter().find_map(|p| {
            let fits = p.iter().enumerate().all(|(k, w)| {
                self.chunks.get(at + k).is_some_and(|c| {
                    c.lower() == *w
                        && (k + 1 == p.len() || !c.closed())
                        && (k == 0 || c.lead.is_empty())
                })
            });
            fits.then_some(p.len())
        })
    }

    /// `%`, `percent`, `per cent`, `percentage points`, `basis points`.
    fn percent_at(&self, d: &Draft) -> Option<(&'static str, usize)> {
        const PERCENT: &[(&[&str], &str)] = &[
            (&["per", "cent"], "%"),
            (&["percentage", "points"], "percentage points"),
            (&["percentage", "point"], "percentage points"),
            (&["basis", "points"], "basis points"),
            (&["basis", "point"], "basis points"),
            (&["%"], "%"),
            (&["percent"], "%"),
            (&["per-cent"], "%"),
            (&["pct"], "%"),
            (&["bps"], "basis points"),
        ];
        self.open(d)?;
        PERCENT.iter().find_map(|(words, unit)| {
            let k = self.phrase_from(d.next, &[words])?;
            Some((*unit, k))
        })
    }

    /// The unit after the number: a known unit, else the noun phrase of up
    /// to four words (see the GUIDE for where it stops). The unit as
    /// written and the index of its last chunk.
    fn unit_at(&self, d: &Draft) -> Option<(String, usize)> {
        const MOST_WORDS: usize = 4;
        let first = self.chunks.get(d.next)?;
        let quoted = first.lead.contains(['"', '\u{201c}', '\'', '\u{2018}']);
        if d.closed || (!first.lead.is_empty() && !quoted) {
            return None;
        }
        if let Some(k) = self.phrase_from(d.next, KNOWN_UNITS) {
            return Some((self.span_text(d.next, d.next + k - 1), d.next + k - 1));
        }
        if MONEY_WORDS.contains(&first.lower().as_str()) {
            return Some((first.core.to_string(), d.next));
        }
        let mut last = None;
        let mut words = 0;
        let mut j = d.next;
        while let Some(c) = self.chunks.get(j) {
            if words == MOST_WORDS || (j > d.next && !c.lead.is_empty()) {
                break;
            }
            let prev_capital = j > d.next && self.chunks[j - 1].capitalised();
            if !unit_word(c, prev_capital) {
                break;
            }
            let lower = c.lower();
            if matches!(lower.as_str(), "and" | "or") && words > 0 && !c.closed() {
                let joins = self.chunks.get(j + 1).is_some_and(|n| {
                    let next = n.lower();
                    let verb_form =
                        !next.contains('-') && (next.ends_with("ing") || next.ends_with("ed"));
                    n.lead.is_empty()
                        && n.core.starts_with(char::is_lowercase)
                        && unit_word(n, false)
                        && !verb_form
                        && !STOP_WORDS.contains(&next.as_str())
                });
                if joins {
                    j += 1;
                    continue;
                }
                break;
            }
            let participle =
                j > d.next && !lower.contains('-') && lower.len() >= 5 && lower.ends_with("ed");
            if STOP_WORDS.contains(&lower.as_str()) || participle {
                break;
            }
            words += 1;
            last = Some(j);
            j += 1;
            if c.closed() {
                break;
            }
        }
        last.map(|l| (self.span_text(d.next, l), l))
    }

    /// The text of chunks `from..=to`, white space made single spaces.
    fn span_text(&self, from: usize, to: usize) -> String {
        let s = &self.text[self.chunks[from].start..self.chunks[to].end];
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// `nearly`, `more than`, `up to` just before the figure.
    fn qualifier_before(&self, d: &mut Draft) {
        let first = d.first;
        if !self.chunks[first].lead.is_empty() {
            return;
        }
        for p in QUALIFIERS {
            let Some(at) = first.checked_sub(p.len()) else {
                continue;
            };
            // `up` and `down` tell a change of a percentage (`down 46%`),
            // not `set up 17`.
            let change_word = matches!(p, [w] if *w == "up" || *w == "down");
            if change_word && d.percent.is_none() {
                continue;
            }
            if self.phrase_from(at, &[p]).is_some() && !self.chunks[first - 1].closed() {
                let words: Vec<String> = (at..first).map(|j| self.chunks[j].lower()).collect();
                d.qualifiers.insert(0, words.join(" "));
                d.qual_start = Some(self.chunks[at].start);
                d.first = at;
                return;
            }
        }
    }

    /// `three to five years`: a number with no unit before `to`, `or`, a
    /// dash or (after `between`) `and` and a number with one takes its
    /// scale and unit.
    fn range_tail(&self, d: &mut Draft) {
        if d.has_unit() {
            return;
        }
        let Some(link) = self.open(d) else { return };
        let between = d
            .first
            .checked_sub(1)
            .is_some_and(|p| self.chunks[p].lower() == "between");
        let linked = match link.lower().as_str() {
            "to" | "or" | "-" => true,
            "and" => between,
            _ => false,
        };
        if !linked || link.closed() {
            return;
        }
        if let Some(Read::Figure(high)) = self.read(d.next + 1) {
            if high.has_unit() || high.scaled {
                d.inherit(&high);
            }
        }
    }

    /// The finished figure.
    fn finish(&self, d: Draft) -> Figure {
        let value = d.value();
        let unit = match (&d.percent, &d.currency) {
            (Some(p), _) => p.to_string(),
            (None, Some(c)) if d.unit.is_empty() => c.clone(),
            _ => d.unit.clone(),
        };
        let kind = if d.percent == Some("%") {
            FigureKind::Percent
        } else if d.percent.is_some() {
            FigureKind::Points
        } else if d.currency.is_some() || is_money(&unit) {
            FigureKind::Money
        } else {
            FigureKind::Quantity
        };
        Figure {
            value,
            unit,
            qualifier: (!d.qualifiers.is_empty()).then(|| d.qualifiers.join(", ")),
            kind,
            start: d.qual_start.unwrap_or(d.start).min(d.start),
            end: d.end,
        }
    }
}

fn is_money(unit: &str) -> bool {
    unit.rsplit(' ')
        .next()
        .is_some_and(|w| MONEY_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Can this chunk be a word of a unit: letters (digits too, as in `5G`),
/// hyphens, apostrophes, `&`, `/`, `+`, dots; a bare number only after a
/// capitalised word (a model: `Boeing 707 aircraft`).
fn unit_word(c: &Chunk<'_>, prev_capital: bool) -> bool {
    let word_chars = c
        .core
        .chars()
        .all(|ch| ch.is_alphanumeric() || "-'\u{2019}&/+.".contains(ch));
    let letters = c.core.chars().any(char::is_alphabetic);
    let model = prev_capital && c.core.chars().all(|ch| ch.is_ascii_digit());
    let lower = c.lower();
    let number_word = small_number(&lower).is_some() || scale_word(c.core).is_some();
    word_chars && (letters || model) && !number_word && !is_month(c)
}

/// What the characters straight after the digits say.
enum Suffix {
    Plain,
    Percent,
    Scale(i32, bool),
    Unit(&'static str),
    Plus(&'static str),
    Other(NotFigure),
}

fn suffix(rest: &str, currency: bool) -> Suffix {
    let lower = rest.to_lowercase();
    match lower.as_str() {
        "" => return Suffix::Plain,
        "%" => return Suffix::Percent,
        "st" | "nd" | "rd" | "th" => return Suffix::Other(NotFigure::Ordinal),
        "s" | "'s" | "\u{2019}s" => return Suffix::Other(NotFigure::Period),
        "-odd" => return Suffix::Plus("odd"),
        "-fold" => return Suffix::Unit("fold"),
        _ => {}
    }
    let (body, plus) = match rest
        .strip_suffix("-plus")
        .or_else(|| rest.strip_suffix('+'))
    {
        Some(b) => (b, true),
        None => (rest, false),
    };
    if body.is_empty() {
        return Suffix::Plus("plus");
    }
    let scale = match body {
        "k" => Some(3),
        "K" if currency => Some(3),
        "m" | "M" if currency => Some(6),
        "b" | "B" if currency => Some(9),
        "bn" | "mn" | "mln" | "tn" | "trn" => scale_word(body).map(|s| s.0),
        _ => body
            .strip_prefix('-')
            .and_then(scale_word)
            .map(|(exp, _, _)| exp),
    };
    if let Some(exp) = scale {
        return Suffix::Scale(exp, plus);
    }
    match ATTACHED_UNITS.iter().find(|u| **u == body) {
        Some(u) if !plus => Suffix::Unit(u),
        _ => Suffix::Other(NotFigure::Name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, unit, qualifier, figure as written) of each figure.
    fn read(text: &str) -> Vec<(f64, String, Option<String>, String)> {
        figures(text)
            .into_iter()
            .map(|f| {
                (
                    f.value,
                    f.unit,
                    f.qualifier,
                    text[f.start..f.end].to_string(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (f64, String, Option<String>, String) {
        let all = read(text);
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn q(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    /// The kinds of the numbers that are not figures, with their text.
    fn others(text: &str) -> Vec<(NotFigure, &str)> {
        mentions(text)
            .into_iter()
            .filter_map(|m| match m {
                Mention::Other { kind, start, end } => Some((kind, &text[start..end])),
                Mention::Figure(_) => None,
            })
            .collect()
    }

    #[test]
    fn scale_is_applied_and_the_text_kept() {
        assert_eq!(
            one("the value grew to 31.3 trillion yuan, making China"),
            (3.13e13, "yuan".into(), None, "31.3 trillion yuan".into())
        );
        assert_eq!(
            one("a country of over 1.4 billion people, it is"),
            (
                1.4e9,
                "people".into(),
                q("over"),
                "over 1.4 billion people".into()
            )
        );
        assert_eq!(one("reached 884.8 billion yuan in 2020").0, 884.8e9);
        assert_eq!(
            one("exceed 1.1 billion metric tons this year").1,
            "metric tons"
        );
    }

    #[test]
    fn the_unit_is_the_noun_phrase_after_the_number() {
        let f = one("we have built over 718,000 5G base stations and invested");
        assert_eq!(
            f,
            (
                718000.0,
                "5G base stations".into(),
                q("over"),
                "over 718,000 5G base stations".into()
            )
        );
        assert_eq!(
            one("we have built over 718,000 base stations by the end").1,
            "base stations"
        );
        assert_eq!(
            one("analyzing our 41 major industries and their segments").1,
            "major industries"
        );
        assert_eq!(
            one("with 218 new models launched in the market").1,
            "new models"
        );
        assert_eq!(one("more than 30,000 SMEs characterized by").1, "SMEs");
        assert_eq!(
            one("a total of 1,832 \"little giant enterprises\" (outstanding examples)").1,
            "little giant enterprises"
        );
        assert_eq!(
            one("a total of 1,832 \"little giant enterprises\" (outstanding)").3,
            "1,832 \"little giant enterprises\""
        );
        assert_eq!(
            one("as well as 100,000 provincial-level small and medium-sized enterprises of this kind").1,
            "provincial-level small and medium-sized enterprises"
        );
        assert_eq!(
            one("more than 80 million self-employed individuals and over").1,
            "self-employed individuals"
        );
        assert_eq!(
            one("over 6.7 million applicants and reaching enterprises").1,
            "applicants"
        );
        assert_eq!(
            one("exceeded 10,000 U.S. dollars benchmark").1,
            "U.S. dollars"
        );
        assert_eq!(
            one("the first ten Boeing 707 aircraft after").1,
            "Boeing 707 aircraft"
        );
        assert_eq!(one("We have set up 17 during the period.").1, "");
        assert_eq!(one("the number exceeds 3.5 million, and even").1, "");
    }

    #[test]
    fn percentages_and_points() {
        assert_eq!(
            one("China has contributed nearly 30% of global output"),
            (30.0, "%".into(), q("nearly"), "nearly 30%".into())
        );
        assert_eq!(one("up 30 percent on last year").1, "%");
        assert_eq!(
            one("nearly 30 per cent of it"),
            (30.0, "%".into(), q("nearly"), "nearly 30 per cent".into())
        );
        let f = &figures("reached 10.4%, 4.9 percentage points higher than that")[1];
        assert_eq!(
            (f.value, f.unit.as_str(), f.kind),
            (4.9, "percentage points", FigureKind::Points)
        );
        assert_eq!(one("cut rates by 25 basis points").1, "basis points");
        assert_eq!(
            read("stood at 5.08%, down 0.8 percentage points from"),
            vec![
                (5.08, "%".into(), None, "5.08%".into()),
                (
                    0.8,
                    "percentage points".into(),
                    q("down"),
                    "down 0.8 percentage points".into()
                )
            ]
        );
        assert_eq!(one("more than 95% are SMEs").2, q("more than"));
    }

    #[test]
    fn questions_of_other_scripts_open_and_close_phrases() {
        // Spanish `¿` opens the phrase; `？` and `؟` close it.
        let f = one("¿Son 20 estaciones? No.");
        assert_eq!(
            (f.0, f.1.as_str(), f.3.as_str()),
            (20.0, "estaciones", "20 estaciones")
        );
        assert_eq!(one("Are there 12 stations？ Yes.").1, "stations");
        assert_eq!(one("Are there 12 stations؟ Yes.").1, "stations");
    }

    #[test]
    fn money() {
        let f = &figures("an aid package of $2.5 billion for")[0];
        assert_eq!(
            (f.value, f.unit.as_str(), f.kind),
            (2.5e9, "$", FigureKind::Money)
        );
        assert_eq!(one("a fine of €3m was").0, 3e6);
        assert_eq!(one("a fine of €3m was").1, "€");
        assert_eq!(one("raised US$2.5bn in").0, 2.5e9);
        assert_eq!(one("costs ¥500 each").1, "¥");
        assert_eq!(one("spent RMB 5 billion on").3, "RMB 5 billion");
        let f = &figures("invested 2.5 billion yuan in")[0];
        assert_eq!((f.value, f.kind), (2.5e9, FigureKind::Money));
        assert_eq!(figures("4.4 yuan, down 46%")[0].kind, FigureKind::Money);
        assert_eq!(figures("575kg of coal")[0].kind, FigureKind::Quantity);
    }

    #[test]
    fn written_out_numbers() {
        assert_eq!(one("two million people in the city").0, 2e6);
        assert_eq!(one("two million people in the city").1, "people");
        // A verb straight after the noun is read into the unit: a limit.
        assert_eq!(one("two million people live there").1, "people live");
        assert_eq!(one("and one million innovative enterprises.").0, 1e6);
        assert_eq!(one("a dozen countries signed").0, 12.0);
        assert_eq!(one("a million jobs").0, 1e6);
        assert_eq!(one("one hundred and twenty-five delegates came").0, 125.0);
        assert_eq!(one("for six consecutive years, and").1, "consecutive years");
        assert_eq!(one("The next five or more years").2, q("or more"));
        // A written number that counts nothing is no figure.
        assert!(figures("one of the best, and the two sides agreed").is_empty());
        assert!(figures("No one came.").is_empty());
    }

    #[test]
    fn ranges_share_their_unit() {
        let all = read("within three to five years, adding");
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].0, all[0].1.as_str()), (3.0, "years"));
        assert_eq!((all[1].0, all[1].1.as_str()), (5.0, "years"));
        let all = read("between 2 and 3 million people");
        assert_eq!((all[0].0, all[0].1.as_str()), (2e6, "people"));
        let all = read("a rise of 10-15% this year");
        assert_eq!((all[0].0, all[0].1.as_str(), all[1].0), (10.0, "%", 15.0));
        let all = read("from 23.5 trillion yuan to 31.3 trillion yuan");
        assert_eq!((all[0].0, all[1].0), (2.35e13, 3.13e13));
    }

    #[test]
    fn qualifiers_and_plus() {
        assert_eq!(
            one("approximately 60-plus supportive policies and measures").2,
            q("approximately, plus")
        );
        assert_eq!(
            one("approximately 60-plus supportive policies and measures").1,
            "supportive policies and measures"
        );
        let f = one("reaching enterprises 50 million-plus times.");
        assert_eq!(
            (f.0, f.1.as_str(), f.2.as_deref()),
            (5e7, "times", Some("plus"))
        );
        assert_eq!(
            one("the existing 1,800-plus already in operation").0,
            1800.0
        );
        assert_eq!(one("at least 40 people").2, q("at least"));
        // `up` and `down` qualify changes of percentages only.
        assert_eq!(one("We have set up 17 during the period.").2, None);
        assert_eq!(one("up 30.3% year on year").2, q("up"));
        assert_eq!(one("up to 40 people").2, q("up to"));
        assert_eq!(one("it is ~40 km").2, q("about"));
    }

    #[test]
    fn years_dates_periods_and_times_are_not_figures() {
        for text in [
            "in 2035",
            "2020 was an extraordinary year.",
            "the 2021 National Conference on Industry",
            "before 2030 and carbon neutrality before 2060.",
            "in about 1986; and the one thousandth airplane in 2013.",
            "the 2020 elections",
            "on 1 March 2021",
            "on March 1, 2021 in Beijing",
            "dated 2021-03-01 and 01/03/2021",
            "the 14th Five-Year Plan (2021-2035)",
            "for the 2021-2035 period, and 2021–25",
            "back in the 1990s",
            "at 10 a.m. and at 3:00 and at 3pm",
        ] {
            assert!(figures(text).is_empty(), "{text:?}: {:?}", read(text));
        }
        assert_eq!(others("in 2035"), vec![(NotFigure::Year, "2035")]);
        assert_eq!(others("on 1 March"), vec![(NotFigure::Date, "1")]);
        assert_eq!(
            others("(2021-2025)"),
            vec![(NotFigure::Period, "2021-2025")]
        );
        assert_eq!(others("at 10 a.m."), vec![(NotFigure::Time, "10")]);
        assert_eq!(others("at 3:00 sharp"), vec![(NotFigure::Time, "3:00")]);
    }

    #[test]
    fn a_year_with_a_count_after_it_is_a_count() {
        assert_eq!(
            one("there are now over 1100 projects under construction").0,
            1100.0
        );
        assert_eq!(one("There were 1500 people").0, 1500.0);
    }

    #[test]
    fn ordinals_list_numbers_names_and_codes_are_not_figures() {
        for text in [
            "the 13th Five-Year Plan period and the 19th CPC Central Committee",
            "the 75th UN General Assembly",
            "1. We will cut costs.\n2. We will grow.",
            "(1) cut costs, (2) grow",
            "see No. 3 and #4 on page 12",
            "the once-in-a-century COVID-19 pandemic",
            "the G7 and the G20",
            "5G, 4G and 6G networks",
            "5G+Ultra HD and 5G+AR/VR technologies",
            "CO2 emissions",
            "the Boeing 707 was retired",
            "a phone number that deals with complaints - 12321.",
            "report it by calling 12321.",
            "call +86 10 6521 1234 or (202) 456-1111 or 555-1234",
            "open 24/7 since 9/11",
            "they won 3-1",
            "the approaching \"Two Sessions\" meetings",
            "a five-year plan and a one-stop shop",
            "First, we did it. Second, we did.",
        ] {
            assert!(figures(text).is_empty(), "{text:?}: {:?}", read(text));
        }
        assert_eq!(others("5G alone"), vec![(NotFigure::Name, "5G")]);
        assert_eq!(others("the 14th plan"), vec![(NotFigure::Ordinal, "14th")]);
        assert_eq!(others("1. First point"), vec![(NotFigure::List, "1")]);
        assert_eq!(
            others("the Boeing 707 jets"),
            vec![(NotFigure::Name, "707")]
        );
    }

    #[test]
    fn units_attached_and_multipliers() {
        assert_eq!(
            one("China's figure is 545kg."),
            (545.0, "kg".into(), None, "545kg".into())
        );
        assert_eq!(one("three times the growth rate").1, "times");
        assert_eq!(one("a 30k crowd").0, 30000.0);
    }

    #[test]
    fn values_are_exact_decimals() {
        assert_eq!(one("31.3 trillion yuan").0.to_string(), "31300000000000");
        assert_eq!(one("0.8 percentage points").0.to_string(), "0.8");
        assert_eq!(one("-0.5% growth").0, -0.5);
    }

    #[test]
    fn amounts_typed_by_users() {
        assert_eq!(parse_amount("1e6"), Some(1e6));
        assert_eq!(parse_amount("2,500"), Some(2500.0));
        assert_eq!(parse_amount("31.3 trillion"), Some(3.13e13));
        assert_eq!(parse_amount("two million"), Some(2e6));
        assert_eq!(parse_amount("lots"), None);
        assert_eq!(parse_amount("5 and 6"), None);
    }
}
