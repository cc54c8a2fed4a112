//! `whosaid generate`: the man page and shell completions, from the same
//! clap definition as `--help`, so they cannot disagree with it.

use super::SUCCESS;
use crate::cli::{Cli, Generate, GenerateArgs};
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

pub fn run(args: &GenerateArgs, out: &mut dyn Write) -> io::Result<u8> {
    let mut cmd = Cli::command();
    let shell = match args.what {
        Generate::Man => {
            clap_mangen::Man::new(cmd).render(out)?;
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
