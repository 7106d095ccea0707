//! The conventions users expect from a CLI: `--help` for every command (snapshotted, so any change
//! to the text is reviewed; `cargo insta review` or INSTA_UPDATE=always to accept one), examples in
//! every help, `--version`, and colour only where it belongs.

use std::process::Command;

use crate::common::{World, output_text};
use clap::CommandFactory;
use rexpect::session::spawn_command;

/// Every command path, `[]` for the top level; clap's own `help` subcommands are left out.
fn command_paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut path = prefix.clone();
        path.push(sub.get_name().to_string());
        command_paths(sub, path, out);
    }
}

#[test]
fn every_command_has_help_with_examples_and_a_reviewed_snapshot() {
    let w = World::new();
    let mut paths = Vec::new();
    command_paths(&authsetup::cli::Cli::command(), Vec::new(), &mut paths);
    assert!(paths.len() > 20, "{paths:?}");
    for path in paths {
        let out = w
            .bare()
            .env("COLUMNS", "100")
            .args(&path)
            .arg("--help")
            .output()
            .unwrap();
        assert!(out.status.success(), "{path:?}: {}", output_text(&out));
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(
            help.contains("\nExamples:\n  ") && help.contains("  authsetup "),
            "{path:?} has no examples:\n{help}"
        );
        let name = if path.is_empty() {
            "authsetup".to_string()
        } else {
            path.join("_")
        };
        insta::assert_snapshot!(name, help);
    }
}

#[test]
fn version_is_printed_by_the_top_level_and_every_command() {
    let w = World::new();
    let version = env!("CARGO_PKG_VERSION");
    for (args, expected) in [
        (&["--version"][..], format!("authsetup {version}\n")),
        (&["-V"], format!("authsetup {version}\n")),
        (
            &["init", "--version"],
            format!("authsetup-init {version}\n"),
        ),
    ] {
        let out = w.bare().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    }
}

/// A command whose human output has a coloured part: the URL-vs-audience warning.
const WARNS: [&str; 6] = [
    "codex",
    "config",
    "--mcp-url",
    "https://mcp.example.com/mcp",
    "--audience",
    "https://api.example.com/mcp",
];
const YELLOW_WARNING: &str = "\x1b[33mwarning:";

/// The warning's text as a terminal receives it.
fn on_a_terminal(w: &World, envs: &[(&str, &str)], extra: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_authsetup"));
    w.isolate(&mut cmd);
    cmd.args(WARNS).args(extra).env("TERM", "xterm");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut p = spawn_command(cmd, Some(10_000)).unwrap();
    p.exp_eof().unwrap()
}

#[test]
fn colour_follows_the_terminal_no_color_and_the_color_flag() {
    let w = World::new();
    let text = on_a_terminal(&w, &[], &[]);
    assert!(
        text.contains(YELLOW_WARNING),
        "auto on a terminal: {text:?}"
    );
    let text = on_a_terminal(&w, &[("NO_COLOR", "1")], &[]);
    assert!(
        text.contains("warning:") && !text.contains('\x1b'),
        "NO_COLOR: {text:?}"
    );
    let text = on_a_terminal(&w, &[], &["--color", "never"]);
    assert!(
        text.contains("warning:") && !text.contains('\x1b'),
        "--color never: {text:?}"
    );

    let piped = |extra: &[&str]| {
        let out = w.bare().args(WARNS).args(extra).output().unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
        String::from_utf8(out.stderr).unwrap()
    };
    let text = piped(&[]);
    assert!(
        text.contains("warning:") && !text.contains('\x1b'),
        "auto into a pipe: {text:?}"
    );
    assert!(
        piped(&["--color", "always"]).contains(YELLOW_WARNING),
        "--color always into a pipe"
    );
}
