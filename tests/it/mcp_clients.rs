//! The real Claude Code (`@anthropic-ai/claude-code` 2.1.332) and Gemini CLI (`@google/gemini-cli`
//! 0.61.0), installed pinned by `.ci/run` into `.mcp-clients-cache/`, read the files
//! `authsetup client config --write` made and list the server with its URL and OAuth settings.
//! Both read their config without an account (beyond.md §C). Signing in is not tested: Claude
//! Code's `mcp login` needs a terminal and an Anthropic account to start, Gemini CLI signs in only
//! from its interactive `/mcp auth`. VS Code and Cursor are not on npm and have no headless list
//! command; their files are checked against the documented shape by the fixtures.
//!
//! The clients run with HOME and the project in a temporary folder and every proxy variable
//! pointing at a closed loopback port, so nothing but 127.0.0.1 is reachable; every wait is bounded.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{World, output_text};

const CLAUDE_VERSION: &str = "2.1.332 (Claude Code)";
const GEMINI_VERSION: &str = "0.61.0";
/// Long enough for a slow CI machine; the clients answer in seconds.
const STEP: Duration = Duration::from_secs(90);

/// `AUTHSETUP_<NAME>_BIN`, else the copy `.ci/run` installs. Missing or another version fails the
/// test: a test that skips itself would prove nothing.
fn client_bin(name: &str, package: &str, version: &str) -> PathBuf {
    let var = format!("AUTHSETUP_{}_BIN", name.to_uppercase());
    let bin = std::env::var_os(&var)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(".mcp-clients-cache")
                .join(name)
                .join("node_modules/.bin")
                .join(name)
        });
    let install = format!(
        "run ./.ci/run (it installs the pinned clients first), or `npm install --prefix \
         .mcp-clients-cache/{name} {package}`, or set {var}"
    );
    let out = Command::new(&bin)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("{name} not found at {}: {e}; {install}", bin.display()));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        version,
        "{} is not the pinned {name}; {install}",
        bin.display()
    );
    bin
}

/// A loopback port nothing listens on: the server URL and every proxy point there.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A project folder and a home folder apart from it, so that Gemini's project `.gemini/` is not
/// also its user folder.
fn folders(w: &World) -> (PathBuf, PathBuf) {
    let (project, home) = (w.path("project"), w.path("home"));
    std::fs::create_dir_all(&project).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    (project, home)
}

/// Runs a client in `project` with `home`, offline, within [`STEP`].
fn run_client(bin: &Path, project: &Path, home: &Path, args: &[&str]) -> Output {
    run_client_with(Command::new(bin), project, home, args)
}

/// [`run_client`] for a command that carries its own extra variables.
fn run_client_with(mut cmd: Command, project: &Path, home: &Path, args: &[&str]) -> Output {
    let proxy = format!("http://127.0.0.1:{}", closed_port());
    let extra: Vec<_> = cmd
        .get_envs()
        .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned())))
        .collect();
    let bin = PathBuf::from(cmd.get_program());
    let mut child = cmd
        .args(args)
        .env_clear()
        .envs(extra)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("HTTPS_PROXY", &proxy)
        .env("HTTP_PROXY", &proxy)
        .env("https_proxy", &proxy)
        .env("http_proxy", &proxy)
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("DISABLE_AUTOUPDATER", "1")
        .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        .current_dir(project)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    let deadline = Instant::now() + STEP;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{} {args:?} did not finish", bin.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn authsetup_writes(w: &World, client: &str, name: &str, url: &str, extra: &[&str]) {
    let (project, home) = folders(w);
    let out = w
        .bare()
        .env("HOME", home)
        .current_dir(project)
        .args([
            "client",
            "config",
            client,
            "--write",
            "--mcp-name",
            name,
            "--mcp-url",
            url,
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
}

#[test]
fn claude_code_lists_the_servers_authsetup_wrote() {
    let claude = client_bin(
        "claude",
        "@anthropic-ai/claude-code@2.1.332",
        CLAUDE_VERSION,
    );
    let w = World::new();
    let (project, home) = folders(&w);
    let port = closed_port();
    let url = format!("http://127.0.0.1:{port}/mcp");
    let user_url = format!("http://127.0.0.1:{port}/other/mcp");
    // Another server of the user's, which the merge must keep where Claude Code reads it.
    std::fs::write(
        project.join(".mcp.json"),
        format!(
            "{{\n  \"mcpServers\": {{\n    \"wiki\": {{\n      \"type\": \"http\",\n      \"url\": \"http://127.0.0.1:{port}/wiki\"\n    }}\n  }}\n}}\n"
        ),
    )
    .unwrap();
    authsetup_writes(
        &w,
        "claude",
        "docs",
        &url,
        &["--client-id", "abc123", "--callback-port", "33418"],
    );
    authsetup_writes(&w, "claude", "team", &user_url, &["--scope", "user"]);

    let out = run_client(&claude, &project, &home, &["mcp", "get", "docs"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Scope: Project config"), "{text}");
    assert!(text.contains(&format!("URL: {url}\n")), "{text}");
    assert!(
        text.contains("OAuth: client_id configured, callback_port 33418"),
        "{text}"
    );

    let out = run_client(&claude, &project, &home, &["mcp", "get", "team"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Scope: User config"), "{text}");
    assert!(text.contains(&format!("URL: {user_url}\n")), "{text}");

    // With CLAUDE_CONFIG_DIR set, Claude Code keeps its user file there, and so does authsetup.
    let elsewhere = w.path("claude-config");
    let other_url = format!("http://127.0.0.1:{port}/elsewhere/mcp");
    let out = w
        .bare()
        .env("HOME", &home)
        .env("CLAUDE_CONFIG_DIR", &elsewhere)
        .current_dir(&project)
        .args(["client", "config", "claude", "--write", "--scope", "user"])
        .args(["--mcp-name", "moved", "--mcp-url", &other_url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(elsewhere.join(".claude.json").exists());
    let mut get = Command::new(&claude);
    get.env("CLAUDE_CONFIG_DIR", &elsewhere);
    let out = run_client_with(get, &project, &home, &["mcp", "get", "moved"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains(&format!("URL: {other_url}\n")), "{text}");

    let out = run_client(&claude, &project, &home, &["mcp", "list"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    for line in [
        format!("docs: {url} (HTTP)"),
        format!("team: {user_url} (HTTP)"),
        format!("wiki: http://127.0.0.1:{port}/wiki (HTTP)"),
    ] {
        assert!(text.contains(&line), "{line:?} missing:\n{text}");
    }
}

#[test]
fn gemini_cli_lists_the_server_authsetup_wrote() {
    let gemini = client_bin("gemini", "@google/gemini-cli@0.61.0", GEMINI_VERSION);
    let w = World::new();
    let (project, home) = folders(&w);
    let url = format!("http://127.0.0.1:{}/mcp", closed_port());
    authsetup_writes(&w, "gemini", "docs", &url, &["--client-id", "abc123"]);
    // Gemini CLI disables the servers of an untrusted folder (beyond.md §C); trust the project.
    let trusted = serde_json::json!({ project.to_str().unwrap(): "TRUST_FOLDER" });
    std::fs::create_dir_all(home.join(".gemini")).unwrap();
    std::fs::write(
        home.join(".gemini/trustedFolders.json"),
        trusted.to_string(),
    )
    .unwrap();

    let out = run_client(&gemini, &project, &home, &["mcp", "list"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains(&format!("docs: {url} (http)")), "{text}");
    assert!(!text.contains("untrusted"), "{text}");
}
