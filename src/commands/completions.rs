//! Files generated from the clap definitions, so they never disagree with `--help`: shell
//! completion scripts and manual pages. The copies in completions/ and man/ are checked against
//! these by tests/generated.rs.

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::error::{AppError, Result};

pub fn run(shell: clap_complete::Shell) -> Result<()> {
    clap_complete::generate(
        shell,
        &mut Cli::command(),
        "authsetup",
        &mut std::io::stdout(),
    );
    Ok(())
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
