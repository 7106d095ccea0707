//! Files generated from the clap definitions, so they never disagree with `--help`: shell
//! completion scripts and manual pages. The copies in completions/ and man/ are checked against
//! these by tests/it/generated.rs.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::error::{AppError, Result};

pub fn run(shell: clap_complete::Shell) -> Result<()> {
    // clap_complete panics when its writer fails, so the script is made in memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "authsetup", &mut script);
    to_stdout(&script)
        .map_err(|e| AppError::failed(format!("cannot write the completion script: {e}")))
}

pub fn man(args: &ManArgs) -> Result<()> {
    let written = match &args.out_dir {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), dir)),
        // Like the pages written to a folder: `help` is no command of its own there.
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command().disable_help_subcommand(true))
                .render(&mut page)
                .and_then(|()| to_stdout(&page))
        }
    };
    written.map_err(|e| AppError::failed(format!("cannot write the manual pages: {e}")))
}

/// A reader that stopped early (`| head`) is a normal end for generated text, not a failure.
fn to_stdout(text: &[u8]) -> std::io::Result<()> {
    match std::io::stdout().lock().write_all(text) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
