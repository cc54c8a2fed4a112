//! The command line as data: clap derive structs whose doc comments are the
//! `--help` text, the man page and the shell completions.
//!
//! This module only declares arguments and their help. It must not read
//! files, look at the terminal or the environment, or print anything: that is
//! resolved once in `config.rs` and done in `cmd/`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  whosaid info                              # the bundled SCIO transcript
  whosaid turns --outlet Reuters            # the turns of one outlet
  whosaid search chips -w --speaker tian    # what Tian Yulong said about chips
  whosaid search 5G --question              # each answer with its question
  whosaid speakers --sort words             # who spoke how much
  whosaid quote 'nearly 30% of global manufacturing output'  # who said it, how faithfully
  whosaid cite rdxg85j0ea --style apa       # cite a turn by its id (turns --ids)
  whosaid turns --format jsonl | jq .speaker
  whosaid export > transcript.json

Exit status: 0 something printed or matched, 1 nothing matched, 2 an error.";

/// Explore press-conference transcripts: who said what.
///
/// whosaid reads transcripts (plain text, Markdown, HTML pages, WebVTT and
/// SRT subtitles; UTF-8, UTF-16 or Windows-1252), finds the speaker turns
/// and the question-and-answer exchanges, and lets you list, filter,
/// search and export them. With no PATH and no piped input it explores the
/// bundled transcript (SCIO press conference, Beijing, 1 March 2021).
#[derive(Parser, Debug)]
#[command(name = "whosaid", version, after_help = EXAMPLES, arg_required_else_help = true)]
pub struct Cli {
    /// When to colour the output: auto (a terminal, NO_COLOR unset, TERM not
    /// dumb), always or never. Machine formats are never coloured.
    /// Example: --color never
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// When to page the output: auto (stdout is a terminal; the pager
    /// quits at once when the output fits the screen), always or never.
    /// The pager is $WHOSAID_PAGER, else $PAGER, else `less -FRX`.
    /// Example: --paging never
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = PagingWhen::Auto, global = true)]
    pub paging: PagingWhen,

    /// A roster (TOML or JSON) declaring speakers, their aliases, roles,
    /// outlets and titles; it wins over what whosaid infers.
    /// Example: --roster briefings.toml (see docs/formats.md)
    #[arg(long, value_name = "FILE", global = true)]
    pub roster: Option<PathBuf>,

    /// The language the transcripts are written in (BCP 47: fr, pt-BR),
    /// recorded as their `language` instead of the one whosaid detects.
    /// Every language's labels are read either way.
    /// Example: --lang fr
    #[arg(long, value_name = "CODE", value_parser = parse_language, global = true)]
    pub lang: Option<String>,

    /// How many inputs to read and parse at a time. 0, the default, means
    /// one per CPU. The output is the same whatever N is: always in input
    /// order.
    /// Example: -j 1
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        global = true
    )]
    pub threads: usize,

    /// Follow symbolic links when walking directories (loops are detected
    /// and skipped with a note). Without it, links inside a directory are
    /// left alone; a PATH that is itself a link is always followed.
    /// Example: whosaid turns -L briefings/
    #[arg(short = 'L', long, global = true)]
    pub follow: bool,

    /// Walk hidden files and directories too (names starting with a dot).
    /// Example: whosaid turns --hidden briefings/
    #[arg(long, global = true)]
    pub hidden: bool,

    /// Do not skip the paths that .gitignore, .ignore and git exclude rules
    /// list (by default they are skipped, as ripgrep does).
    /// Example: whosaid turns --no-ignore briefings/
    #[arg(long, global = true)]
    pub no_ignore: bool,

    /// Do not print messages about inputs that cannot be read or parsed,
    /// or that a walk skipped; the exit status still says so (2).
    /// Example: whosaid search chips briefings/ --no-messages
    #[arg(long, global = true)]
    pub no_messages: bool,

    /// The most bytes one input may have (K, M, G suffixes, powers of 1024);
    /// a larger input is an error. Default: 2G.
    /// Example: --max-size 500M
    #[arg(long, value_name = "SIZE", global = true, value_parser = parse_size)]
    pub max_size: Option<u64>,

    /// At the end, print what the run read and found: inputs, inputs left
    /// unparsed because they cannot match (search), bytes, turns, matches
    /// (search), errors and seconds. On stderr, except with --format jsonl:
    /// a last record of kind "summary" on stdout.
    /// Example: whosaid search chips briefings/ --stats
    #[arg(long, global = true)]
    pub stats: bool,

    #[command(subcommand)]
    pub command: Command,
}

fn parse_exchange(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("exchanges are numbered from 1 (the first question is --exchange 1)".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{s}' is not an exchange number (1, 2, ...)")),
    }
}

fn parse_size(s: &str) -> Result<u64, String> {
    crate::corpus::parse_size(s)
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Title, date, time, place, participants and counts of each transcript.
    ///
    /// Example: whosaid info data/*.txt
    Info(InfoArgs),
    /// List speaker turns, filtered by speaker, outlet, role or exchange.
    ///
    /// Different filters must all hold; a repeated filter matches any of its
    /// values (--outlet CNBC --outlet Reuters).
    /// Example: whosaid turns --speaker tian --format jsonl
    Turns(TurnsArgs),
    /// Print the whole parsed transcript as JSON (an array for several inputs),
    /// or write a SQLite database with --format sqlite --output FILE.
    ///
    /// Example: whosaid export --compact > transcript.json
    Export(ExportArgs),
    /// Find the sentences that match PATTERN, with who said them and where.
    ///
    /// PATTERN is a literal string unless -e is given. Smart case: an
    /// all-lower-case pattern matches any case (like ripgrep); -s forces case.
    /// Example: whosaid search 5G --question
    Search(SearchArgs),
    /// One row per speaker: role, outlet, turns, words, share of words,
    /// questions asked and answered, first and last line.
    ///
    /// Example: whosaid speakers --sort words --format csv
    Speakers(SpeakersArgs),
    /// One row per question-and-answer exchange: who asked, who answered.
    ///
    /// Example: whosaid exchanges --speaker tian
    Exchanges(ExchangesArgs),
    /// Every quantity stated in the turns, with who said it and where.
    ///
    /// Numbers with their unit and scale (31.3 trillion yuan, 718,000 5G
    /// base stations, nearly 30%, 4.9 percentage points, $2.5bn, two
    /// million), each with its value as a number; years, dates, periods,
    /// times, ordinals, list numbers and names (COVID-19, 5G) are left out.
    /// Example: whosaid figures --speaker xiao --unit yuan
    Figures(FiguresArgs),
    /// Compare two versions of a transcript turn by turn.
    ///
    /// Turns added, removed, re-attributed to another speaker, edited (with
    /// the words changed), split or merged, aligned by their text.
    /// Whitespace and typography (curly quotes, dashes) are not changes.
    /// Exit status: 0 the same in substance, 1 they differ, 2 an error.
    /// Example: whosaid diff briefing-v1.txt briefing-v2.txt
    Diff(DiffArgs),
    /// How often a pattern (or a speaker's turns) came up per week or
    /// month, over dated transcripts, as bars (or rows with --format).
    ///
    /// Example: whosaid timeline tariffs briefings/ --by week
    Timeline(TimelineArgs),
    /// Report the detected label style, counts and the parser's warnings.
    ///
    /// Exit status: 0 clean, 1 warnings, 2 an input could not be read or parsed.
    /// Example: whosaid check transcripts/ --format json
    Check(CheckArgs),
    /// Find where a quotation was said, by whom, and how faithfully.
    ///
    /// Prints the best passage with its speaker, role, outlet, exchange,
    /// turn id and source lines, and a verdict: verbatim, trimmed (words
    /// left out, at an ellipsis or not), paraphrase (the differing words
    /// shown) or not found. Case, quote marks, dashes, spacing, line breaks
    /// and punctuation do not count; `...` or `…` marks words left out and
    /// `[words]` in brackets stand for the speaker's own.
    /// Exit status: 0 verbatim or trimmed, 1 otherwise (or said by someone
    /// else than --speaker), 2 an error.
    /// Example: whosaid quote "China has contributed nearly 30% of global manufacturing output"
    Quote(QuoteArgs),
    /// Print a ready-to-paste citation of one turn, given its id.
    ///
    /// The speaker, their office, role and outlet, the event's title, date
    /// and place, the source file and lines, and the words, in a style:
    /// plain, markdown, apa or chicago. Ids are shown by `turns --ids`,
    /// `quote`, and every machine format; a prefix of 6 characters will do.
    /// Exit status: 0 cited, 1 no turn has this id, 2 an error (an
    /// ambiguous prefix lists the turns it names).
    /// Example: whosaid cite 8x2kq3 --style markdown
    Cite(CiteArgs),
    /// Print a man page or a shell completion script to stdout.
    ///
    /// Example: whosaid generate complete-bash > /etc/bash_completion.d/whosaid
    Generate(GenerateArgs),
}

impl Command {
    /// Whether the command's output goes to standard output (and may be
    /// paged): not a database (`export --format sqlite`) nor an SVG
    /// written to a file.
    pub fn writes_to_stdout(&self) -> bool {
        let to_file = |svg: &Option<PathBuf>| svg.as_ref().is_some_and(|p| p.as_os_str() != "-");
        match self {
            Command::Export(a) => a.format != ExportFormat::Sqlite,
            Command::Speakers(a) => !to_file(&a.charts.svg),
            Command::Search(a) => !to_file(&a.charts.svg),
            Command::Timeline(a) => !to_file(&a.charts.svg),
            _ => true,
        }
    }
}

/// Where the transcripts come from.
#[derive(Args, Debug, Clone, Default)]
pub struct InputArgs {
    /// Transcript files or directories (searched recursively for *.txt,
    /// *.md, *.html, *.htm, and *.vtt and *.srt subtitles; hidden, ignored
    /// and binary files and links skipped, see --hidden, --no-ignore, -L),
    /// or `-` for standard input. HTML pages are read without their markup.
    /// Without PATH: piped standard input, else the bundled transcript.
    /// Example: whosaid turns briefings/ -
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Which turns to keep.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Keep turns whose speaker, label or (for a reporter named only by
    /// outlet) outlet contains NAME as whole words, ignoring case (tian
    /// matches Tian Yulong; xiao does not match Xiaoli). Repeat for any of
    /// several.
    /// Example: --speaker tian
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,

    /// Keep turns whose outlet contains NAME as whole words, ignoring case
    /// (AP matches AP, not Yonhap News). Repeatable.
    /// Example: --outlet reuters
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,

    /// --speaker and --outlet match the whole name (ignoring case), not
    /// words within it.
    /// Example: --outlet "New York Times" --exact
    #[arg(long)]
    pub exact: bool,

    /// Keep turns spoken in this role (any case). Repeatable.
    /// Example: --role official
    #[arg(long, value_name = "ROLE", value_enum, ignore_case = true)]
    pub role: Vec<RoleArg>,

    /// Keep turns of question-and-answer exchange N (1-based). Repeatable.
    /// Example: --exchange 9
    #[arg(long, value_name = "N", value_parser = parse_exchange)]
    pub exchange: Vec<usize>,
}

/// How to print records.
#[derive(Args, Debug, Clone, Default)]
pub struct OutputArgs {
    /// Output format. Default: table on a terminal, text when piped.
    /// Example: --format csv
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub format: Option<Format>,

    /// Width of tables and KWIC lines in columns. Default: the terminal's
    /// width, or 100 when it is unknown.
    /// Example: --width 120
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    /// End text and tsv records with a NUL byte instead of a newline (for
    /// `xargs -0`).
    /// Example: -0
    #[arg(short = '0', long = "null")]
    pub null: bool,

    /// Show long text whole in tables (by default a table cuts it after a
    /// few lines with …).
    /// Example: whosaid turns --exchange 3 --full
    #[arg(long)]
    pub full: bool,

    /// Prefix text records (and -c, -l lines) with the source, even for
    /// one input. By default the source is shown when there are several.
    /// Example: whosaid search chips -H
    #[arg(short = 'H', long, overrides_with = "no_filename")]
    pub with_filename: bool,

    /// Never prefix text records with the source.
    /// Example: whosaid search chips briefings/ --no-filename
    #[arg(long, overrides_with = "with_filename")]
    pub no_filename: bool,
}

impl OutputArgs {
    /// `-H` / `--no-filename`, if given.
    pub fn filename(&self) -> Option<bool> {
        if self.with_filename {
            Some(true)
        } else if self.no_filename {
            Some(false)
        } else {
            None
        }
    }
}

#[derive(Args, Debug)]
pub struct InfoArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct TurnsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show the label rule that started each turn (`rule` column).
    /// Example: whosaid turns --explain --format tsv
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub ids: IdArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Stable turn ids: show them, pick turns by them.
#[derive(Args, Debug, Clone, Default)]
pub struct IdArgs {
    /// Keep the turn with this id, or the turns whose id starts with it
    /// (at least 6 characters). Repeatable; other filters must hold too.
    /// Ids are shown by --ids and in every machine format.
    /// Example: --id 8x2kq3
    #[arg(long = "id", value_name = "ID", value_parser = parse_id)]
    pub id: Vec<whosaid::turn_id::IdQuery>,

    /// Show each turn's stable id in the table and text formats (the
    /// machine formats always carry it), to cite it or pick it with --id.
    /// Example: whosaid turns --ids --outlet reuters
    #[arg(long)]
    pub ids: bool,
}

impl IdArgs {
    /// Does a turn with this id pass `--id` (always, without `--id`)?
    pub fn keeps(&self, id: &str) -> bool {
        self.id.is_empty() || self.id.iter().any(|q| q.matches(id))
    }
}

fn parse_id(s: &str) -> Result<whosaid::turn_id::IdQuery, String> {
    whosaid::turn_id::IdQuery::parse(s).map_err(|e| e.to_string())
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// One line of JSON instead of indented JSON.
    /// Example: whosaid export --compact
    #[arg(long)]
    pub compact: bool,

    /// json (the model, on standard output) or sqlite (a database file,
    /// written to --output; see docs/sqlite.md).
    /// Example: whosaid export --format sqlite --output briefings.db briefings/
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,

    /// The database file to write (required by --format sqlite). It is
    /// built beside FILE under a temporary name and renamed at the end, so
    /// a failure or Ctrl-C leaves no half-written database.
    /// Example: --output briefings.db
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace an existing --output file; with --append, replace the
    /// transcripts already in it instead of skipping them.
    /// Example: whosaid export --format sqlite --output briefings.db --force
    #[arg(long)]
    pub force: bool,

    /// Add the transcripts to an existing database of the same schema
    /// version, skipping those already in it (same SHA-256 of their bytes).
    /// Example: whosaid export --format sqlite --output briefings.db --append new/
    #[arg(long)]
    pub append: bool,

    /// With --format sqlite: also write a Datasette metadata file (titles,
    /// descriptions, facets, the full-text index) for `datasette FILE.db -m
    /// FILE.json`.
    /// Example: --datasette-metadata briefings.json
    #[arg(long, value_name = "FILE")]
    pub datasette_metadata: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The whole parsed transcript as JSON (an array for several inputs).
    Json,
    /// A SQLite database with full-text search (docs/sqlite.md).
    Sqlite,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// What to look for: a literal string, or a regular expression with -e.
    /// Example: whosaid search "supply chain"
    #[arg(value_name = "PATTERN")]
    pub pattern: String,
    #[command(flatten)]
    pub input: InputArgs,

    /// Read PATTERN as a regular expression (Rust regex syntax).
    /// Example: whosaid search -e '5G|chips?'
    #[arg(short = 'e', long)]
    pub regex: bool,

    /// Match whole words only, in any script (in Chinese and Japanese
    /// text every Han character is a word: -w 记者 matches in 各位记者朋友).
    /// Example: whosaid search -w chip
    #[arg(short = 'w', long)]
    pub word: bool,

    /// Ignore case (the default when PATTERN has no upper-case letter).
    /// Example: whosaid search -i COVID
    #[arg(short = 'i', long, overrides_with = "case_sensitive")]
    pub ignore_case: bool,

    /// Respect case even for an all-lower-case PATTERN.
    /// Example: whosaid search -s china
    #[arg(short = 's', long, overrides_with = "ignore_case")]
    pub case_sensitive: bool,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub ids: IdArgs,

    /// Show N sentences of the same turn before and after each match.
    /// Example: whosaid search 5G --context 1
    #[arg(short = 'C', long, value_name = "N", default_value_t = 0)]
    pub context: usize,

    /// Print whole matching turns instead of sentences.
    /// Example: whosaid search Reuters --turn
    #[arg(long, conflicts_with_all = ["kwic", "context"])]
    pub turn: bool,

    /// Keyword in context: one aligned line per match (left context, match,
    /// right context) with the speaker.
    /// Example: whosaid search chip --kwic
    #[arg(long, conflicts_with = "context")]
    pub kwic: bool,

    /// With --kwic: at most N characters of context on each side of a
    /// match, in every format. Default: what fits the width (--width, the
    /// terminal, else 100 columns).
    /// Example: whosaid search chip --kwic --context-chars 30
    #[arg(long, value_name = "N", requires = "kwic")]
    pub context_chars: Option<usize>,

    /// Before a matching answer, show the question it answers (journalist,
    /// outlet, question text).
    /// Example: whosaid search 5G --question
    #[arg(long)]
    pub question: bool,

    /// Print only the number of matching sentences (turns with --turn) of
    /// each input that has any, as `source:count` (the count alone for one
    /// input unless -H), like grep -c.
    /// Example: whosaid search chips -c briefings/
    #[arg(short = 'c', long, conflicts_with_all = ["files_with_matches", "quiet"])]
    pub count: bool,

    /// Print only the sources that have a match, one a line.
    /// Example: whosaid search "Dr. Fauci" -l briefings/
    #[arg(short = 'l', long, conflicts_with = "quiet")]
    pub files_with_matches: bool,

    /// Stop each input after NUM matching sentences (turns with --turn).
    /// Example: whosaid search chips -m 1 briefings/
    #[arg(short = 'm', long, value_name = "NUM")]
    pub max_count: Option<usize>,

    /// Print nothing; exit 0 on the first match (even if some input
    /// failed, as ripgrep does), 1 when nothing matched.
    /// Example: whosaid search chips -q && echo found
    #[arg(short = 'q', long)]
    pub quiet: bool,

    /// Draw, per transcript, where in the event PATTERN came up: a strip
    /// from the first word to the last, each match marked with the letter
    /// (and colour) of the speaker's role. With --format tsv, csv, json or
    /// jsonl the matches are printed as rows instead.
    /// Example: whosaid search chips --plot
    #[arg(long, conflicts_with_all = ["kwic", "turn", "count", "files_with_matches", "quiet", "question"])]
    pub plot: bool,

    #[command(flatten)]
    pub charts: ChartArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// How charts are drawn (`speakers --chart`, `search --plot`, `timeline`).
#[derive(Args, Debug, Clone, Default)]
pub struct ChartArgs {
    /// Draw charts with ASCII characters (#, -, |) instead of Unicode
    /// blocks; also when TERM is dumb.
    /// Example: whosaid speakers --chart --ascii
    #[arg(long)]
    pub ascii: bool,

    /// Write the chart as a standalone SVG image to FILE (`-`: standard
    /// output) instead of drawing it: a title, a description and text
    /// labels for screen readers, no scripts.
    /// Example: whosaid speakers --svg speakers.svg
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// PATTERN, then PATH... Every argument is a PATH (transcript files
    /// or directories, `-` for standard input; without PATH: piped input,
    /// else the bundled transcript) when --pattern, --speaker, --outlet or
    /// --role is given, or when the first names an existing file or
    /// directory (then turns are counted; --pattern for a pattern that is
    /// also a file name).
    /// Example: whosaid timeline tariffs briefings/
    #[arg(value_name = "PATTERN|PATH")]
    pub args: Vec<String>,

    /// What to count: every match of this text (a regular expression
    /// with -e) in the turns that pass the filters. Without a pattern the
    /// turns that pass the filters are counted.
    /// Example: whosaid timeline --pattern tariffs --role journalist briefings/
    #[arg(short = 'p', long, value_name = "PATTERN")]
    pub pattern: Option<String>,

    /// Read PATTERN as a regular expression (Rust regex syntax).
    /// Example: whosaid timeline -e 'tariffs?' briefings/
    #[arg(short = 'e', long)]
    pub regex: bool,

    /// Match whole words only, in any script (as search -w).
    /// Example: whosaid timeline -w chip briefings/
    #[arg(short = 'w', long)]
    pub word: bool,

    /// Ignore case (the default when PATTERN has no upper-case letter).
    /// Example: whosaid timeline -i COVID briefings/
    #[arg(short = 'i', long, overrides_with = "case_sensitive")]
    pub ignore_case: bool,

    /// Respect case even for an all-lower-case PATTERN.
    /// Example: whosaid timeline -s china briefings/
    #[arg(short = 's', long, overrides_with = "ignore_case")]
    pub case_sensitive: bool,

    /// The period of a bar: week (ISO weeks, Monday to Sunday) or month.
    /// Example: --by week
    #[arg(long, value_name = "PERIOD", value_enum, default_value_t = Period::Month)]
    pub by: Period,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub charts: ChartArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks (2021-W09), Monday to Sunday.
    Week,
    /// Calendar months (2021-03).
    Month,
}

#[derive(Args, Debug)]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Order of the rows: line (first appearance, the default), turns or
    /// words (most first), or name.
    /// Example: --sort words
    #[arg(long, value_name = "KEY", value_enum, default_value_t = SpeakerSort::Line)]
    pub sort: SpeakerSort,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Draw each speaker's share of words as horizontal bars, coloured by
    /// role on a terminal (with --svg FILE: as an SVG image). With
    /// --format tsv, csv, json or jsonl the rows are printed instead.
    /// Example: whosaid speakers --chart --sort words
    #[arg(long)]
    pub chart: bool,
    #[command(flatten)]
    pub charts: ChartArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct ExchangesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Keep exchanges whose questioner or an answerer matches NAME (whole
    /// words, ignoring case). Repeatable.
    /// Example: --speaker tian
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Keep exchanges asked by an outlet containing NAME as whole words.
    /// Repeatable.
    /// Example: --outlet "new york"
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// --speaker and --outlet match the whole name (ignoring case).
    /// Example: --outlet CNBC --exact
    #[arg(long)]
    pub exact: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct FiguresArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Keep figures whose value is at least VALUE (scale applied; a plain
    /// number, 2,500, 1e6 or words: "2.5 billion").
    /// Example: --min 1e9
    #[arg(long, value_name = "VALUE", value_parser = parse_amount)]
    pub min: Option<f64>,
    /// Keep figures whose value is at most VALUE (as --min).
    /// Example: --max 100
    #[arg(long, value_name = "VALUE", value_parser = parse_amount)]
    pub max: Option<f64>,
    /// Keep figures whose unit contains TEXT as whole words, ignoring case
    /// (`percent` finds `%`). Repeat for any of several.
    /// Example: --unit yuan --unit "base stations"
    #[arg(long, value_name = "TEXT")]
    pub unit: Vec<String>,
    #[command(flatten)]
    pub ids: IdArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn parse_amount(s: &str) -> Result<f64, String> {
    whosaid::figures::parse_amount(s)
        .ok_or_else(|| format!("'{s}' is not an amount (try 1000, 2,500, 1e6 or \"2.5 billion\")"))
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The earlier version: a transcript file, or `-` for standard input.
    /// Example: whosaid diff old.txt new.txt
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later version: a transcript file, or `-` for standard input.
    /// Example: whosaid diff old.txt new.txt
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Words of unchanged text shown around each edit in the text and
    /// table formats (JSON always has every word).
    /// Example: --context 3
    #[arg(short = 'C', long, value_name = "N", default_value_t = 6)]
    pub context: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct QuoteArgs {
    /// The quotation, in quotes for the shell. `...` or `…` marks words
    /// left out, `[words]` stand for the speaker's words.
    /// Example: whosaid quote "China has contributed ... global manufacturing output"
    #[arg(value_name = "TEXT")]
    pub quotation: String,
    #[command(flatten)]
    pub input: InputArgs,

    /// The speaker the quotation is attributed to: the best passage is
    /// flagged as misattributed when someone else said it (whole words of
    /// the name, any case, as --speaker of turns), and the exit status is 1.
    /// Example: whosaid quote "nearly 30%" --speaker "Tian Yulong"
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// List every passage found, best first, not only the best.
    /// Example: whosaid quote "Thank you" --all
    #[arg(long, conflicts_with = "max")]
    pub all: bool,

    /// List at most N passages, best first (default 1).
    /// Example: whosaid quote "the chip industry" --max 3
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max: Option<u64>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct CiteArgs {
    /// The turn's id (from `turns --ids`, `quote` or a machine format), or
    /// its first 6 characters or more.
    /// Example: whosaid cite 8x2kq3m0pa
    #[arg(value_name = "ID", value_parser = parse_id)]
    pub id: whosaid::turn_id::IdQuery,
    #[command(flatten)]
    pub input: InputArgs,

    /// How to write the citation: plain (a sentence), markdown (a block
    /// quote), apa or chicago (the words, then a reference in that style).
    /// Example: --style apa
    #[arg(long, value_name = "STYLE", value_enum, default_value_t = CiteStyle::Plain)]
    pub style: CiteStyle,

    /// Output format: text (the citation) or json (one object with every
    /// field and the citation).
    /// Example: --format json
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = CiteFormat::Text)]
    pub format: CiteFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiteStyle {
    /// The words in quotation marks, then who said them, where and when.
    Plain,
    /// A Markdown block quote with an attribution line.
    Markdown,
    /// The words, then an APA (7th edition) reference.
    Apa,
    /// The words, then a Chicago (17th edition) note.
    Chicago,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiteFormat {
    /// The citation as text, ready to paste.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// What to generate.
    /// Example: whosaid generate man > whosaid.1
    #[arg(value_name = "WHAT", value_enum)]
    pub what: Generate,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generate {
    /// A roff man page.
    Man,
    /// A bash completion script.
    CompleteBash,
    /// A zsh completion script.
    CompleteZsh,
    /// A fish completion script.
    CompleteFish,
    /// A PowerShell completion script.
    CompletePowershell,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal, NO_COLOR is unset and TERM is not dumb.
    #[default]
    Auto,
    /// Always colour human formats (table, text).
    Always,
    /// Never colour.
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PagingWhen {
    /// Page when stdout is a terminal.
    #[default]
    Auto,
    /// Always page (even when piped).
    Always,
    /// Never page.
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An aligned table that fits the terminal.
    Table,
    /// One line a record, grep-like: `source:line: speaker: text`.
    Text,
    /// Tab-separated values with a header row.
    Tsv,
    /// Comma-separated values (RFC 4180) with a header row.
    Csv,
    /// One JSON array of objects.
    Json,
    /// JSON Lines: one object a line.
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleArg {
    /// The moderator.
    Chair,
    /// Someone on the podium who answers.
    Official,
    /// A questioner.
    Journalist,
    /// Anyone else (interpreter, group, unknown).
    Other,
}

impl From<RoleArg> for whosaid::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Chair => whosaid::Role::Chair,
            RoleArg::Official => whosaid::Role::Official,
            RoleArg::Journalist => whosaid::Role::Journalist,
            RoleArg::Other => whosaid::Role::Other,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerSort {
    /// Order of first appearance.
    Line,
    /// Most turns first.
    Turns,
    /// Most words first.
    Words,
    /// Alphabetical.
    Name,
}

/// A BCP 47 language tag as people write them: a 2- or 3-letter language,
/// then subtags of 1 to 8 letters or digits (`fr`, `pt-BR`, `zh-Hant`).
fn parse_language(tag: &str) -> Result<String, String> {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    let ok = (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(tag.to_string())
    } else {
        Err("not a language tag (BCP 47: en, fr, pt-BR, zh-Hant)".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_argument_has_help_with_an_example() {
        fn walk(cmd: &clap::Command) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                let help = arg
                    .get_long_help()
                    .or(arg.get_help())
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                assert!(
                    help.contains("Example"),
                    "{} --{id} has no example in its help",
                    cmd.get_name()
                );
            }
            for sub in cmd.get_subcommands() {
                walk(sub);
            }
        }
        walk(&Cli::command());
    }

    #[test]
    fn files_written_are_not_paged() {
        let to_stdout = |args: &[&str]| {
            Cli::try_parse_from(args)
                .unwrap()
                .command
                .writes_to_stdout()
        };
        assert!(to_stdout(&["whosaid", "export"]));
        assert!(!to_stdout(&[
            "whosaid", "export", "--format", "sqlite", "-o", "x.db"
        ]));
        assert!(!to_stdout(&["whosaid", "speakers", "--svg", "x.svg"]));
        assert!(to_stdout(&["whosaid", "speakers", "--svg", "-"]));
        assert!(!to_stdout(&["whosaid", "timeline", "x", "--svg", "x.svg"]));
        assert!(to_stdout(&["whosaid", "search", "x", "--plot"]));
    }

    #[test]
    fn smart_case_flags_override_each_other() {
        let cli = Cli::try_parse_from(["whosaid", "search", "x", "-i", "-s"]).unwrap();
        let Command::Search(s) = cli.command else {
            panic!()
        };
        assert!(s.case_sensitive && !s.ignore_case);
    }
}
