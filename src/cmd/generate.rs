//! `whosaid generate`: the man page and shell completions, from the same
//! clap definition as `--help`, so they cannot disagree with it.
//!
//! The man page is one page: the main command (from clap_mangen), then a
//! section per subcommand with its synopsis, description and every option
//! with its example, then the examples and exit status. No separate
//! `whosaid-turns(1)` pages are needed or named.

use super::SUCCESS;
use crate::cli::{Cli, Generate, GenerateArgs};
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

pub fn run(args: &GenerateArgs, out: &mut dyn Write) -> io::Result<u8> {
    let mut cmd = Cli::command();
    let shell = match args.what {
        Generate::Man => {
            man(cmd, out)?;
            out.flush()?;
            return Ok(SUCCESS);
        }
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "whosaid", out);
    out.flush()?;
    Ok(SUCCESS)
}

/// The whole man page.
fn man(mut cmd: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    cmd.build();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        subcommand(sub, out)?;
    }
    page.render_extra_section(out)?;
    writeln!(out, ".SH ENVIRONMENT")?;
    for (var, what) in [
        ("WHOSAID_PAGER", "the pager for --paging (before PAGER)"),
        (
            "PAGER",
            "the pager when WHOSAID_PAGER is unset; default less -FRX",
        ),
        (
            "NO_COLOR",
            "when set and not empty, --color auto does not colour",
        ),
    ] {
        writeln!(out, ".TP\n\\fB{var}\\fR\n{}", roff(what))?;
    }
    writeln!(out, ".SH \"SEE ALSO\"")?;
    writeln!(
        out,
        "The README and docs/GUIDE.md (worked examples), docs/json.md (the JSON, CSV and TSV \
         records) and docs/formats.md (the transcript layouts read)."
    )?;
    page.render_version_section(out)?;
    Ok(())
}

/// One subcommand: its synopsis, its long description and each option.
fn subcommand(sub: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let name = sub.get_name();
    writeln!(out, ".SS \"whosaid {name}\"")?;
    let mut synopsis = format!("\\fBwhosaid {name}\\fR");
    for arg in sub.get_arguments().filter(|a| a.is_positional()) {
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| arg.get_id().to_string(), |v| v.to_string());
        let many = matches!(arg.get_num_args(), Some(r) if r.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if arg.is_required_set() {
            synopsis.push_str(&format!(" \\fI{value}\\fR{dots}"));
        } else {
            synopsis.push_str(&format!(" [\\fI{value}\\fR]{dots}"));
        }
    }
    synopsis.push_str(" [\\fIOPTIONS\\fR]");
    writeln!(out, ".PP\n{synopsis}")?;
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        for para in about.to_string().split("\n\n") {
            writeln!(out, ".PP\n{}", roff(para))?;
        }
    }
    for arg in sub.get_arguments() {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version") || arg.is_global_set() {
            continue;
        }
        let mut head = Vec::new();
        if let Some(s) = arg.get_short() {
            head.push(format!("\\fB\\-{s}\\fR"));
        }
        if let Some(l) = arg.get_long() {
            head.push(format!("\\fB\\-\\-{}\\fR", l.replace('-', "\\-")));
        }
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| format!(" \\fI{v}\\fR"));
        let takes_value = arg.get_action().takes_values();
        let mut head = if head.is_empty() {
            value.clone().unwrap_or_else(|| id.to_string())
        } else {
            head.join(", ")
        };
        if takes_value && !arg.is_positional() {
            head.push_str(&value.unwrap_or_default());
        }
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        writeln!(out, ".TP\n{head}")?;
        for (i, para) in help.split("\n\n").enumerate() {
            if i > 0 {
                writeln!(out, ".IP")?;
            }
            writeln!(out, "{}", roff(para))?;
        }
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            writeln!(out, ".IP\n[possible values: {}]", roff(&values.join(", ")))?;
        }
    }
    Ok(())
}

/// Text for roff: backslashes escaped, a leading dot or quote made
/// literal, each line joined into one paragraph.
fn roff(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let escaped = joined.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_escapes() {
        assert_eq!(roff(".start"), "\\&.start");
        assert_eq!(roff("a\\b --x"), "a\\eb \\-\\-x");
        assert_eq!(roff("two\nlines"), "two lines");
    }
}
