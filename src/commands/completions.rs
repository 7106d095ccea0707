//! Files generated from the clap definitions, so they never disagree with `--help`: shell
//! completion scripts and manual pages. The copies in completions/ and man/ are checked against
//! these by tests/generated.rs.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::error::{AppError, Result};

pub fn run(shell: clap_complete::Shell) -> Result<()> {
    // clap_complete panics when its writer fails, so the script is made in memory and written
    // here, where a reader that stopped early (`| head`) is a normal end, as for `man | head`.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "authsetup", &mut script);
    match std::io::stdout().lock().write_all(&script) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(AppError::failed(format!(
            "cannot write the completion script: {e}"
        ))),
        _ => Ok(()),
    }
}

pub fn man(args: &ManArgs) -> Result<()> {
    let written = match &args.out_dir {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), dir)),
        // Like the pages written to a folder: `help` is no command of its own there.
        None => clap_mangen::Man::new(Cli::command().disable_help_subcommand(true))
            .render(&mut std::io::stdout()),
    };
    written.map_err(|e| AppError::failed(format!("cannot write the manual pages: {e}")))
}
