//! `authsetup sandbox` as a product: what an MCP server's CI reads from it (README "Offline: the
//! sandbox"): the exports on stdout, the issuer, JWKS and test user on stderr, all live.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

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

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let jwks: Value = rt.block_on(async {
        let resp = reqwest::get(field("JWKS")).await.unwrap();
        resp.json().await.unwrap()
    });
    drop(child);
    assert_eq!(jwks["keys"][0]["kty"], "RSA", "{jwks}");
    assert_eq!(jwks["keys"][0]["alg"], "RS256", "{jwks}");
}
