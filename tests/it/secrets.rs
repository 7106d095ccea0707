//! The secret scan: every command, run with `--verbose` and in both output formats, is searched
//! for the client secret, the management token and anything shaped like a JWT. Files other than
//! the ones the user asked for must not hold them either.

use std::path::Path;

use crate::common::{AUD, World, output_text};
use authsetup_sandbox::Sandbox;

const COMMANDS: &[&[&str]] = &[
    &["plan"],
    &["apply"],
    &["api", "create"],
    &["tenant", "default-audience"],
    &["dcr", "enable"],
    &["policy", "set"],
    &["connection", "promote"],
    &["env", "write"],
    &["codex", "config"],
    &["codex", "config", "--write"],
    &["doctor"],
    &["init", "--yes"],
];

fn scan(what: &str, text: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!text.contains(s), "{what}: a secret leaked:\n{text}");
    }
    // Management and access tokens are JWTs: base64url of `{"` starts with `eyJ`.
    assert!(
        !text.contains("eyJ"),
        "{what}: something token-shaped leaked:\n{text}"
    );
}

fn scan_files(dir: &Path, secrets: &[&str]) {
    for entry in walk(dir) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        scan(&entry.display().to_string(), &text, secrets);
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn no_command_prints_or_stores_a_secret_even_when_verbose() {
    let w = World::new();
    let secret = w.sandbox.client_secret();
    let token = w.sandbox.issue_token(Sandbox::all_scopes());
    let codex_home = w.path("codex-home");
    for args in COMMANDS {
        for format in ["human", "json"] {
            // Client credentials (the secret goes out, a token comes back), then a token given
            // directly.
            for direct_token in [false, true] {
                let mut cmd = w.cmd();
                if direct_token {
                    cmd.env_remove("AUTH0_CLIENT_ID")
                        .env_remove("AUTH0_CLIENT_SECRET")
                        .env("AUTH0_MGMT_TOKEN", &token);
                }
                let out = cmd
                    .args(*args)
                    .args(["--verbose", "--output", format, "--mcp-url", AUD])
                    .env("CODEX_HOME", &codex_home)
                    .output()
                    .unwrap();
                let what = format!("{args:?} {format} direct token: {direct_token}");
                scan(&what, &output_text(&out), &[&secret, &token]);
            }
        }
    }
    scan_files(w.dir.path(), &[&secret, &token]);
}

#[test]
fn a_token_read_from_stdin_is_not_echoed() {
    let w = World::new();
    let token = w.sandbox.issue_token(Sandbox::all_scopes());
    let out = w
        .cmd()
        .env_remove("AUTH0_CLIENT_ID")
        .env_remove("AUTH0_CLIENT_SECRET")
        .args(["apply", "--token-stdin", "--verbose"])
        .write_stdin(format!("{token}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    scan("--token-stdin", &output_text(&out), &[&token]);
}
