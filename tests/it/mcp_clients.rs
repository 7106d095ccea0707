//! The real Claude Code (`@anthropic-ai/claude-code` 2.1.332) and Gemini CLI (`@google/gemini-cli`
//! 0.61.0), installed pinned by `.ci/run` into `.mcp-clients-cache/`, read the files
//! `authsetup client config --write` made and list the server with its URL and OAuth settings.
//! Both read their config without an account (beyond.md §C). Gemini CLI also signs in through a
//! tenant authsetup set up, with no terminal: its `oauth.enabled` entry makes it sign in as it
//! starts. Claude Code's sign-in is not tested: its `/mcp` needs a terminal and an Anthropic
//! account. VS Code and Cursor are not on npm and have no headless list command; their files are
//! checked against the documented shape by the fixtures.
//!
//! The clients run with HOME and the project in a temporary folder and every proxy variable
//! pointing at a closed loopback port, so nothing but 127.0.0.1 is reachable; every wait is bounded.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{World, get, jwt_claims, output_text};

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

/// Runs `cmd` in `project` with `home`, offline: only the variables it already carries (which
/// may replace PATH) and PATH survive, and every proxy points at a closed loopback port.
fn isolate<'a>(cmd: &'a mut Command, project: &Path, home: &Path) -> &'a mut Command {
    let proxy = format!("http://127.0.0.1:{}", closed_port());
    let extra: Vec<_> = cmd
        .get_envs()
        .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned())))
        .collect();
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(extra)
        .env("HOME", home)
        .env("HTTPS_PROXY", &proxy)
        .env("HTTP_PROXY", &proxy)
        .env("https_proxy", &proxy)
        .env("http_proxy", &proxy)
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("DISABLE_AUTOUPDATER", "1")
        .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        .current_dir(project)
}

/// [`run_client`] for a command that carries its own extra variables.
fn run_client_with(mut cmd: Command, project: &Path, home: &Path, args: &[&str]) -> Output {
    let bin = PathBuf::from(cmd.get_program());
    let mut child = isolate(cmd.args(args), project, home)
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
    trust(&project, &home);

    let out = run_client(&gemini, &project, &home, &["mcp", "list"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains(&format!("docs: {url} (http)")), "{text}");
    assert!(!text.contains("untrusted"), "{text}");
}

/// Makes `home` trust `project`: Gemini CLI disables the servers of an untrusted folder
/// (beyond.md §C).
fn trust(project: &Path, home: &Path) {
    let trusted = serde_json::json!({ project.to_str().unwrap(): "TRUST_FOLDER" });
    std::fs::create_dir_all(home.join(".gemini")).unwrap();
    std::fs::write(
        home.join(".gemini/trustedFolders.json"),
        trusted.to_string(),
    )
    .unwrap();
}

/// Runs `gemini -p PROMPT` in `project` until it has signed in to the server of its config,
/// playing the user: it answers Gemini's "open the browser?" question, and follows the authorize URL that
/// Gemini hands to its browser (a script named xdg-open first on PATH, since Node's `open` runs
/// xdg-open on Linux) to the loopback callback; the emulated tenant signs its test user in at
/// once. The model call that follows fails offline. Returns Gemini's stored entry for the server.
fn gemini_signs_in(
    gemini: &Path,
    prompt: &str,
    project: &Path,
    home: &Path,
    scratch: &Path,
) -> serde_json::Value {
    let bin = scratch.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let browser = bin.join("xdg-open");
    let opened = scratch.join("opened");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            opened.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut gemini = Command::new(gemini);
    gemini
        .args(["-p", prompt])
        .env("PATH", path)
        .env("BROWSER", &browser)
        .env("GEMINI_API_KEY", "offline");
    let mut child = isolate(&mut gemini, project, home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let printed = Arc::new(Mutex::new(String::new()));
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let printed = Arc::clone(&printed);
        std::thread::spawn(move || {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buf) {
                if n == 0 {
                    break;
                }
                printed
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
    }

    let tokens = home.join(".gemini/mcp-oauth-tokens.json");
    let deadline = Instant::now() + STEP;
    // Kept open: Gemini CLI reads its answer from it, and a closed stdin ends its prompt.
    let mut stdin = child.stdin.take().unwrap();
    let (mut answered, mut visited) = (false, false);
    let stored: serde_json::Value = loop {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("Gemini CLI did not sign in:\n{}", printed.lock().unwrap());
        }
        if !answered
            && printed
                .lock()
                .unwrap()
                .contains("Do you want to continue? [Y/n]")
        {
            stdin.write_all(b"y\n").unwrap();
            answered = true;
        }
        if let (false, Ok(text)) = (visited, std::fs::read_to_string(&opened)) {
            let authorize = text.lines().next().unwrap().to_string();
            let (status, location, page) = get(&authorize, None);
            assert_eq!(status, 302, "{authorize}: {page}");
            let callback = location.unwrap();
            assert!(
                callback.starts_with("http://localhost:"),
                "the tenant sends the code to Gemini's loopback callback: {callback}"
            );
            assert_eq!(get(&callback, None).0, 200, "{callback}");
            visited = true;
        }
        if let Some(doc) = std::fs::read_to_string(&tokens)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
        {
            break doc;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = child.kill();
    let _ = child.wait();
    stored[0].clone()
}

/// Gemini CLI signs in through a tenant authsetup set up for DCR: on the MCP server's 401 it
/// registers itself, asks before opening the browser, and takes the code at its loopback
/// callback; the MCP server takes the token it stored.
#[test]
fn gemini_cli_signs_in_through_a_tenant_authsetup_set_up() {
    let gemini = client_bin("gemini", "@google/gemini-cli@0.61.0", GEMINI_VERSION);
    let w = World::new();
    let (project, home) = folders(&w);
    let url = w.sandbox.mcp_url();
    let out = w
        .cmd()
        .env("AUTH0_AUDIENCE", &url)
        .env("MCP_URL", &url)
        .args(["apply", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    authsetup_writes(&w, "gemini", "docs", &url, &[]);
    trust(&project, &home);

    let entry = gemini_signs_in(&gemini, "hello", &project, &home, w.dir.path());
    assert_eq!(entry["serverName"], "docs", "{entry:#}");
    assert_eq!(entry["mcpServerUrl"], url.as_str());
    let token = entry["token"]["accessToken"].as_str().unwrap();
    assert_eq!(
        jwt_claims(token)["aud"],
        url.as_str(),
        "the token is for the MCP server"
    );
    // Gemini registered itself (DCR), and the server takes the token.
    let client_id = entry["clientId"].as_str().unwrap().to_string();
    let registered = w.sandbox.with_tenant(|t| {
        t.clients
            .iter()
            .find(|c| c["client_id"] == client_id.as_str())
            .cloned()
    });
    let registered = registered.expect("Gemini's client is in the tenant");
    assert_eq!(registered["is_first_party"], false, "{registered:#}");
    assert_eq!(get(&url, Some(token)).0, 200);
    assert_eq!(get(&url, None).0, 401);
}

/// With `--registration preregistered` and Gemini among the settings' `clients`, the client
/// authsetup registers also allows Gemini's redirect URI, `client config gemini` names it, and
/// `/mcp auth` signs in with it. (Gemini's own sign-in at start-up ignores `clientId` and tries
/// DCR, which this tenant refuses: nothing is registered.)
#[test]
fn gemini_cli_signs_in_with_the_client_authsetup_registered() {
    let gemini = client_bin("gemini", "@google/gemini-cli@0.61.0", GEMINI_VERSION);
    let w = World::new();
    let (project, home) = folders(&w);
    let url = w.sandbox.mcp_url();
    let port = closed_port().to_string();
    // One user's shell: the project, the tenant, and the settings every command shares.
    let run = |args: &[&str]| {
        w.cmd()
            .env("HOME", &home)
            .current_dir(&project)
            .env("AUTH0_AUDIENCE", &url)
            .env("MCP_URL", &url)
            .env("AUTHSETUP_REGISTRATION", "preregistered")
            .env("AUTHSETUP_CLIENTS", "codex,gemini")
            .args(args)
            .args(["--mcp-name", "docs", "--callback-port", &port])
            .output()
            .unwrap()
    };
    let authsetup = |args: &[&str]| {
        let out = run(args);
        assert!(out.status.success(), "{}", output_text(&out));
    };
    authsetup(&["apply", "--yes"]);
    authsetup(&["client", "config", "gemini", "--write"]);
    trust(&project, &home);
    let client = w.sandbox.with_tenant(|t| {
        t.clients
            .iter()
            .find(|c| c["name"] == "Codex CLI (docs)")
            .cloned()
    });
    let client = client.expect("apply registered the client");
    let gemini_redirect = format!("http://localhost:{port}/oauth/callback");
    assert!(
        client["callbacks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| *c == gemini_redirect.as_str()),
        "{client:#}"
    );

    let clients = || w.sandbox.with_tenant(|t| t.clients.len());
    let before = clients();
    let entry = gemini_signs_in(&gemini, "/mcp auth docs", &project, &home, w.dir.path());
    assert_eq!(entry["clientId"], client["client_id"], "{entry:#}");
    assert_eq!(clients(), before, "nothing registered itself");
    let token = entry["token"]["accessToken"].as_str().unwrap();
    assert_eq!(jwt_claims(token)["aud"], url.as_str());
    assert_eq!(get(&url, Some(token)).0, 200);

    // doctor names a client that lost Gemini's redirect URI, and its fix gives it back.
    w.sandbox.with_tenant(|t| {
        let c = t
            .clients
            .iter_mut()
            .find(|c| c["name"] == "Codex CLI (docs)")
            .unwrap();
        c["callbacks"]
            .as_array_mut()
            .unwrap()
            .retain(|u| *u != gemini_redirect.as_str());
    });
    let doctor = || -> serde_json::Value {
        let out = run(&["doctor", "--output", "json"]);
        let doc: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", output_text(&out)));
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "tenant.codex_client")
            .cloned()
            .unwrap()
    };
    let check = doctor();
    assert_eq!(check["status"], "fail", "{check:#}");
    assert!(
        check["message"]
            .as_str()
            .unwrap()
            .contains(&gemini_redirect),
        "{check:#}"
    );
    authsetup(&["apply", "--yes"]);
    assert_eq!(doctor()["status"], "pass");
}
