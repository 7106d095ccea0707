use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Result;

pub fn run(shell: clap_complete::Shell) -> Result<()> {
    clap_complete::generate(
        shell,
        &mut Cli::command(),
        "authsetup",
        &mut std::io::stdout(),
    );
    Ok(())
}
