//! authsetup: put an MCP server behind Auth0 or Okta so MCP clients such as Codex CLI can log in.

pub mod cli;
pub mod clients;
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

pub use clients::codex;

use std::io::IsTerminal;

use clap::Parser;

use crate::error::{AppError, ErrorCode};
use crate::output::Printer;
use crate::settings::{OutputFormat, ProcessEnv, Settings, Terminal};

/// Parses the command line, runs the command and returns the process exit code.
pub fn main() -> i32 {
    // --help and --version exit 0 before any runtime or TLS set-up.
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let json_requested = cli.global.output == Some(cli::OutputArg::Json)
        || (cli.global.output.is_none()
            && std::env::var("AUTHSETUP_OUTPUT").is_ok_and(|v| v == "json"));
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
    let verbose = settings.verbose;
    for note in &settings.notes {
        printer.note(note);
    }
    // The sandbox runs until Ctrl-C, which is how it is stopped, not an interruption.
    let stops_on_ctrl_c = matches!(cli.command, cli::Command::Sandbox(_));

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
        if stops_on_ctrl_c {
            return run.await;
        }
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
            if verbose {
                printer.causes(&e);
            }
            e.exit_code()
        }
    }
}

/// clap's verdict on the command line: help and version as clap prints them, and a usage error
/// as clap prints it, or in JSON mode as the same `{"error": …}` document every other error
/// gives, so a program reading stdout never sees an empty answer. Exit 2 for errors.
fn usage_error(e: &clap::Error) -> i32 {
    use clap::error::ErrorKind as Kind;
    let is_error = !matches!(e.kind(), Kind::DisplayHelp | Kind::DisplayVersion);
    if !is_error || !json_in_args() {
        let _ = e.print();
        return e.exit_code();
    }
    let text = e.render().to_string();
    let message = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    let hint = text
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("tip: "))
        .or_else(|| {
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with("For more information"))
        });
    let code = match e.kind() {
        Kind::InvalidValue | Kind::ValueValidation | Kind::InvalidUtf8 | Kind::NoEquals => {
            ErrorCode::InvalidValue
        }
        Kind::MissingRequiredArgument
        | Kind::MissingSubcommand
        | Kind::DisplayHelpOnMissingArgumentOrSubcommand => ErrorCode::MissingValue,
        _ => ErrorCode::Usage,
    };
    Printer::new(OutputFormat::Json, false).json(&output::error_json(code, &message, hint));
    2
}

/// Whether JSON output was asked for, read from the raw arguments because clap could not parse
/// them: `--output json`, `--output=json`, or AUTHSETUP_OUTPUT=json without an `--output`.
fn json_in_args() -> bool {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .take_while(|a| a != "--")
        .collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--output=")
            .or_else(|| (a == "--output").then(|| args.get(i + 1).map_or("", String::as_str)))
    });
    match flag {
        Some(value) => value == "json",
        None => std::env::var("AUTHSETUP_OUTPUT").is_ok_and(|v| v == "json"),
    }
}
