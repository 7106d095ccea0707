//! authsetup: put an MCP server behind Auth0 or Okta so MCP clients such as Codex CLI can log in.

pub mod cli;
mod commands;
mod doctor;
pub mod error;
pub mod files;
mod http;
mod interrupt;
mod jwt;
mod output;
pub mod plan;
mod provider;
pub mod settings;

use std::io::IsTerminal;

use clap::Parser;

use crate::error::AppError;
use crate::output::Printer;
use crate::settings::{OutputFormat, ProcessEnv, Settings, Terminal};

/// Parses the command line, runs the command and returns the process exit code.
pub fn main() -> i32 {
    // clap prints its own usage errors and exits 2; --help and --version exit 0 before any
    // runtime or TLS set-up.
    let cli = cli::Cli::parse();
    let json_requested = cli.global.output == Some(cli::OutputArg::Json)
        || std::env::var("AUTHSETUP_OUTPUT").is_ok_and(|v| v == "json");
    let fallback = Printer::new(
        if json_requested {
            OutputFormat::Json
        } else {
            OutputFormat::Human
        },
        false,
    );

    let term = Terminal {
        stderr_is_tty: std::io::stderr().is_terminal(),
    };
    let settings = match Settings::resolve(&cli.global, &ProcessEnv, term) {
        Ok(s) => s,
        Err(e) => {
            fallback.error(&e);
            return e.exit_code();
        }
    };
    let printer = Printer::new(settings.output, settings.color);

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            printer.error(&AppError::failed(format!(
                "cannot start the async runtime: {e}"
            )));
            return 1;
        }
    };
    let result = runtime.block_on(async {
        let run = commands::run(cli.command, &cli.global, settings, printer);
        tokio::pin!(run);
        tokio::select! {
            r = &mut run => return r,
            _ = tokio::signal::ctrl_c() => {}
        }
        interrupt::request();
        if !interrupt::applying() {
            return Err(AppError::interrupted("interrupted"));
        }
        printer
            .line("interrupted: finishing the requests in flight (Ctrl-C again to stop at once)");
        tokio::select! {
            r = &mut run => r,
            _ = tokio::signal::ctrl_c() => Err(AppError::interrupted("interrupted")),
        }
    });
    match result {
        Ok(()) => 0,
        Err(e) => {
            printer.error(&e);
            e.exit_code()
        }
    }
}
