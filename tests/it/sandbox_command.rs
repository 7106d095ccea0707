//! `authsetup sandbox` as a product: what an MCP server's CI reads from it (README "Offline: the
//! sandbox"): the exports on stdout, the issuer, JWKS and test user on stderr, all live.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::common::block_on;

/// The sandbox process, stopped however the test ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_sandbox_prints_an_issuer_a_jwks_and_a_test_user_that_answer() {
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_authsetup"))
            .args(["sandbox", "--port", "0"])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let (tx, lines) = mpsc::channel();
    for pipe in [
        Box::new(child.0.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.0.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    let mut seen = Vec::new();
    // stdout and stderr arrive on two threads in any order: wait for the last line of each
    let has = |seen: &[String], text: &str| seen.iter().any(|l| l.contains(text));
    while !has(&seen, "test user") || !has(&seen, "export AUTH0_CLIENT_SECRET=") {
        let line = lines.recv_timeout(Duration::from_secs(20));
        seen.push(line.unwrap_or_else(|_| panic!("the sandbox stopped short: {seen:#?}")));
    }
    let field = |name: &str| {
        seen.iter()
            .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_string()))
            .unwrap_or_else(|| panic!("no {name}: {seen:#?}"))
    };
    let domain = field("export AUTH0_DOMAIN=");
    assert_eq!(field("issuer"), format!("{domain}/"));
    assert_eq!(field("JWKS"), format!("{domain}/.well-known/jwks.json"));
    assert!(
        field("test user").starts_with("auth0|sandbox-user "),
        "{seen:#?}"
    );
    let client_secret = field("export AUTH0_CLIENT_SECRET=");
    assert!(
        !seen
            .iter()
            .any(|l| !l.starts_with("export") && l.contains(&client_secret)),
        "the secret appears only in its export line"
    );

    let jwks: Value = block_on(async {
        let resp = reqwest::get(field("JWKS")).await.unwrap();
        resp.json().await.unwrap()
    });
    drop(child);
    assert_eq!(jwks["keys"][0]["kty"], "RSA", "{jwks}");
    assert_eq!(jwks["keys"][0]["alg"], "RS256", "{jwks}");
}

/// The sandbox in the background with stdout and stderr captured; returns once stdout has ended,
/// which is how `eval "$(authsetup sandbox &)"` knows the exports are complete.
fn start(args: &[&str], dir: &std::path::Path) -> (Running, String, mpsc::Receiver<String>) {
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_authsetup"))
            .arg("sandbox")
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stdout), &mut text);
        let _ = tx.send(text);
    });
    let exports = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("stdout ends once the exports are written, while the sandbox keeps running");
    let stderr = child.0.stderr.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, exports, lines)
}

fn wait_for(lines: &mpsc::Receiver<String>, text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    while !seen.iter().any(|l: &String| l.contains(text)) {
        match lines.recv_timeout(Duration::from_secs(20)) {
            Ok(line) => seen.push(line),
            Err(_) => panic!("no {text:?} in {seen:#?}"),
        }
    }
    seen
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_sandbox_with_exit_0_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, exports, lines) = start(&["--port", "0"], dir.path());
    assert!(exports.contains("export AUTH0_DOMAIN="), "{exports}");
    wait_for(&lines, "Ctrl-C to stop");
    rustix::process::kill_process(
        rustix::process::Pid::from_child(&child.0),
        rustix::process::Signal::INT,
    )
    .expect("SIGINT sent");
    let status = child.0.wait().unwrap();
    let rest: Vec<String> = lines.iter().collect();
    assert_eq!(status.code(), Some(0), "{rest:#?}");
    assert!(
        rest.iter().any(|l| l.contains("sandbox stopped")),
        "{rest:#?}"
    );
    assert!(!rest.iter().any(|l| l.contains("error")), "{rest:#?}");
}

#[cfg(unix)]
#[test]
fn the_export_file_is_private_complete_and_written_once_the_sandbox_listens() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (_child, exports, _lines) =
        start(&["--port", "0", "--export-file", "sandbox.env"], dir.path());
    let path = dir.path().join("sandbox.env");
    let file = std::fs::read_to_string(&path).expect("written before stdout ends");
    assert_eq!(file, exports);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let domain = file
        .lines()
        .find_map(|l| l.strip_prefix("export AUTH0_DOMAIN="))
        .expect("the domain");
    assert!(file.contains("export AUTH0_CLIENT_SECRET="), "{file}");
    assert!(file.contains("export AUTHSETUP_SANDBOX_PID="), "{file}");
    let status = block_on(async {
        reqwest::get(format!("{domain}/.well-known/openid-configuration"))
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 200);
}

#[test]
fn a_bad_export_file_is_refused_before_the_sandbox_starts() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_authsetup"))
        .args(["sandbox", "--export-file", "missing/sandbox.env"])
        .env_clear()
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("hint:"));
}

/// The README's sandbox block, run as written by bash (only the fixed port made free, so tests
/// can run side by side): the sandbox, apply against it, then a token for the test user through
/// DCR and authorization code + PKCE, and the sandbox stopped by the block's last line.
#[cfg(unix)]
#[test]
fn the_readme_sandbox_block_works_as_a_script() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```sh\neval \"$(authsetup sandbox --port 8787 &)\"")
        .expect("the README's sandbox block");
    let block = &readme[start + "```sh\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // The trap only cleans up after a failing run; a passing one stops the sandbox itself.
    let script = format!(
        "set -euo pipefail\ntrap 'kill \"${{AUTHSETUP_SANDBOX_PID:-}}\" 2>/dev/null || true' EXIT\n{}",
        block.replace("8787", &port.to_string())
    );
    let dir = tempfile::tempdir().unwrap();
    let out = bash(&script, dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{script}\n{stdout}\n{stderr}");
    let token = stdout.lines().last().unwrap_or_default();
    let claims = token.split('.').nth(1).expect("a JWT on the last line");
    use base64::Engine;
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(claims)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["aud"], "http://127.0.0.1:3000/mcp", "{claims}");
    assert!(
        std::fs::read_to_string(dir.path().join(".env"))
            .unwrap()
            .contains("AUTH0_AUDIENCE=http://127.0.0.1:3000/mcp")
    );
    // the block's last line stopped the sandbox (a signal ends a process soon, not at once)
    let stopped = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err()
    });
    assert!(stopped, "the sandbox still answers on {port}");
}

/// The first example of `authsetup sandbox --help`, pasted into bash: it returns, the plan runs
/// against the sandbox, and the sandbox is stopped.
#[cfg(unix)]
#[test]
fn the_sandbox_help_example_works_as_pasted() {
    let dir = tempfile::tempdir().unwrap();
    let help = Command::new(env!("CARGO_BIN_EXE_authsetup"))
        .args(["sandbox", "--help"])
        .env_clear()
        .env("COLUMNS", "100")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let example = help
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("eval "))
        .unwrap_or_else(|| panic!("an eval example in {help}"));
    let out = bash(example, dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{example}\n{stderr}");
    assert!(stderr.contains("to create"), "the plan ran: {stderr}");
}

/// A script as a user pastes it: bash with authsetup on the PATH, in `dir` as home and working
/// folder. `timeout` turns a hang (a command substitution that never ends) into a failure.
#[cfg(unix)]
fn bash(script: &str, dir: &std::path::Path) -> std::process::Output {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_authsetup"))
        .parent()
        .unwrap();
    Command::new("timeout")
        .args(["120", "bash", "-c", script])
        .env_clear()
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("HOME", dir)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}
