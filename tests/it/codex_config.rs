//! `authsetup codex config`: the printed snippet and the merge into `$CODEX_HOME/config.toml`,
//! through the built binary. The merge rules themselves are unit-tested in src/clients/codex/config.rs;
//! these tests check what a user sees: stdout, files, modes, exit codes.

use std::path::PathBuf;

use crate::common::{World, output_text, read};
use authsetup::codex::config::snippet;
use authsetup::codex::{CodexServer, CredentialsStore};
use serde_json::Value;

const URL: &str = "https://mcp.example.com/mcp";

fn docs_server(client_id: Option<&str>) -> CodexServer {
    CodexServer {
        name: "docs".into(),
        url: URL.into(),
        client_id: client_id.map(String::from),
        scopes: Vec::new(),
        callback_port: 1455,
        credentials_store: Some(CredentialsStore::File),
    }
}

/// `codex config` for the `docs` server, with CODEX_HOME in the test's folder.
fn codex_config(w: &World, extra: &[&str]) -> std::process::Output {
    w.bare()
        .env("CODEX_HOME", w.path("codex-home"))
        .args(["codex", "config", "--mcp-name", "docs", "--mcp-url", URL])
        .args(extra)
        .output()
        .unwrap()
}

fn config_path(w: &World) -> PathBuf {
    w.path("codex-home").join("config.toml")
}

/// A config.toml the user already has.
fn put_config(w: &World, text: &str) {
    std::fs::create_dir_all(w.path("codex-home")).unwrap();
    std::fs::write(config_path(w), text).unwrap();
}

#[cfg(unix)]
fn mode(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn print_mode_puts_exactly_the_snippet_on_stdout_and_writes_nothing() {
    let w = World::new();
    let out = codex_config(&w, &[]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        snippet(&docs_server(None))
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--write"));
    assert!(!w.path("codex-home").exists());
    assert!(w.sandbox.requests().is_empty(), "no tenant is needed");
}

#[cfg(unix)]
#[test]
fn write_creates_a_private_file_and_a_second_run_changes_nothing() {
    let w = World::new();
    let out = codex_config(&w, &["--write"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let path = config_path(&w);
    assert_eq!(read(&path), snippet(&docs_server(None)));
    assert_eq!(mode(&path), 0o600);
    assert!(String::from_utf8_lossy(&out.stderr).contains("codex mcp login docs"));

    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let out = codex_config(&w, &["--write"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nothing changed"),
        "{}",
        output_text(&out)
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    assert!(!path.with_extension("toml.bak").exists());
}

#[test]
fn write_keeps_comments_and_other_servers_and_backs_up_the_old_file() {
    let w = World::new();
    let original = "# my Codex settings\nmodel = \"gpt-5\"\n\n# the wiki\n[mcp_servers.wiki]\nurl = \"https://wiki.example.com/mcp\" # keep me\n";
    put_config(&w, original);

    let out = codex_config(&w, &["--write"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let merged = read(&config_path(&w));
    for kept in [
        "# my Codex settings\n",
        "model = \"gpt-5\"\n",
        "# the wiki\n[mcp_servers.wiki]\nurl = \"https://wiki.example.com/mcp\" # keep me\n",
    ] {
        assert!(merged.contains(kept), "{kept:?} lost:\n{merged}");
    }
    let doc: toml::Table = merged.parse().expect("still valid TOML");
    assert_eq!(doc["mcp_oauth_callback_port"].as_integer(), Some(1455));
    assert_eq!(doc["mcp_servers"]["docs"]["url"].as_str(), Some(URL));
    assert_eq!(
        doc["mcp_servers"]["wiki"]["url"].as_str(),
        Some("https://wiki.example.com/mcp")
    );
    let backup = w.path("codex-home").join("config.toml.bak");
    assert_eq!(read(&backup), original);
    assert!(String::from_utf8_lossy(&out.stderr).contains("config.toml.bak"));
}

#[test]
fn an_invalid_config_is_refused_and_left_untouched() {
    let w = World::new();
    let broken = "model = \"gpt-5\"\n[mcp_servers.wiki\nurl = \"x\"\n";
    put_config(&w, broken);

    let out = codex_config(&w, &["--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("config.toml:2:") && stderr.contains("invalid TOML"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: "), "{stderr}");
    assert_eq!(read(&config_path(&w)), broken);
    assert!(!w.path("codex-home").join("config.toml.bak").exists());

    // A stdio server under the same name is bad input too: another --mcp-name is the fix.
    let stdio = "[mcp_servers.docs]\ncommand = \"docs-server\"\n";
    put_config(&w, stdio);
    let out = codex_config(&w, &["--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a stdio server"),
        "{}",
        output_text(&out)
    );
    assert_eq!(read(&config_path(&w)), stdio);
    assert!(w.sandbox.requests().is_empty(), "no request was sent");
}

#[test]
fn a_pre_registered_client_gets_the_exact_redirect_uri() {
    // The worked example of the Codex notes (§A7): this server URL hashes to jo3oVAWQjNhp.
    let w = World::new();
    let out = w
        .bare()
        .args([
            "codex",
            "config",
            "--mcp-name",
            "docs",
            "--mcp-url",
            "http://127.0.0.1:8787/mcp",
            "--client-id",
            "0oa-test-client",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("client_id = \"0oa-test-client\""),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("redirect URI http://127.0.0.1:1455/callback/jo3oVAWQjNhp\n"),
        "{stderr}"
    );

    let out = w
        .bare()
        .args([
            "codex",
            "config",
            "--mcp-url",
            "http://127.0.0.1:8787/mcp",
            "--client-id",
            "0oa-test-client",
            "--callback-port",
            "5555",
            "--output",
            "json",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(
        doc["redirect_uri"],
        "http://127.0.0.1:5555/callback/jo3oVAWQjNhp"
    );
}

#[test]
fn an_audience_codex_cannot_use_is_warned_about() {
    let w = World::new();
    let out = codex_config(&w, &["--audience", "https://api.example.com/mcp"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("not on the MCP URL's origin"),
        "{stderr}"
    );

    let out = codex_config(&w, &["--audience", URL]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("warning:"),
        "{}",
        output_text(&out)
    );
}

#[test]
fn json_output_is_one_document_on_stdout() {
    let w = World::new();
    let out = codex_config(
        &w,
        &[
            "--output",
            "json",
            "--audience",
            "https://api.example.com/mcp",
        ],
    );
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(out.stderr.is_empty(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["snippet"], snippet(&docs_server(None)));
    assert_eq!(doc["redirect_uri"], Value::Null);
    assert_eq!(doc["warnings"].as_array().unwrap().len(), 1, "{doc}");

    let action = |out: &std::process::Output| {
        let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert_eq!(
            doc["changes"][0]["resource"],
            format!("codex_config:{}", config_path(&w).display())
        );
        doc["changes"][0]["action"].as_str().unwrap().to_string()
    };
    let first = codex_config(&w, &["--write", "--output", "json"]);
    assert_eq!(action(&first), "create", "{}", output_text(&first));
    let second = codex_config(&w, &["--write", "--output", "json"]);
    assert_eq!(action(&second), "none", "{}", output_text(&second));
}

#[test]
fn concurrent_writers_keep_every_server() {
    let w = World::new();
    // A few rounds: one round of six unlocked writers can be lucky, three in a row are not.
    for round in 0..3 {
        let names: Vec<String> = (0..6).map(|i| format!("srv{round}{i}")).collect();
        let children: Vec<_> = names
            .iter()
            .map(|name| {
                let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_authsetup"));
                w.isolate(&mut cmd);
                cmd.env("CODEX_HOME", w.path("codex-home"))
                    .args(["codex", "config", "--write", "--mcp-name", name])
                    .args(["--mcp-url", &format!("https://{name}.example.com/mcp")])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let doc: toml::Table = read(&config_path(&w)).parse().unwrap();
        for r in 0..=round {
            for i in 0..6 {
                let name = format!("srv{r}{i}");
                assert_eq!(
                    doc["mcp_servers"]
                        .get(&name)
                        .and_then(|s| s["url"].as_str()),
                    Some(format!("https://{name}.example.com/mcp").as_str()),
                    "round {round}: {name} lost"
                );
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn a_codex_home_authsetup_creates_is_private() {
    let w = World::new();
    let home = w.path("fresh/codex-home");
    let out = w
        .bare()
        .env("CODEX_HOME", &home)
        .args(["codex", "config", "--write", "--mcp-url", URL])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(mode(&home), 0o700);
    assert_eq!(mode(&home.join("config.toml")), 0o600);
}

#[test]
fn the_users_credentials_store_is_kept_unless_another_is_asked_for() {
    let w = World::new();
    put_config(&w, "mcp_oauth_credentials_store = \"keyring\"\n");
    let out = codex_config(&w, &["--write"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: toml::Table = read(&config_path(&w)).parse().unwrap();
    assert_eq!(doc["mcp_oauth_credentials_store"].as_str(), Some("keyring"));
    assert_eq!(doc["mcp_servers"]["docs"]["url"].as_str(), Some(URL));
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("credentials_store"),
        "{}",
        output_text(&out)
    );

    let out = codex_config(&w, &["--write", "--credentials-store", "file"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: toml::Table = read(&config_path(&w)).parse().unwrap();
    assert_eq!(doc["mcp_oauth_credentials_store"].as_str(), Some("file"));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("mcp_oauth_credentials_store changed from \"keyring\" to \"file\""),
        "{}",
        output_text(&out)
    );
}

#[test]
fn without_home_the_codex_folder_must_be_named() {
    let w = World::new();
    let out = w
        .bare()
        .env_remove("HOME")
        .args(["codex", "config", "--write", "--mcp-url", URL])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("HOME is not set")
            && stderr.contains("hint: pass --codex-home or set CODEX_HOME"),
        "{stderr}"
    );
    assert!(
        !w.path(".codex").exists(),
        "nothing written relative to the working folder"
    );

    let out = w
        .bare()
        .env_remove("HOME")
        .args([
            "codex",
            "config",
            "--write",
            "--mcp-url",
            URL,
            "--codex-home",
        ])
        .arg(w.path("named"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(w.path("named/config.toml").exists());
}

/// Codex 0.171 sends no `scope` for a pre-registered client when the MCP server's metadata lists
/// none, and appends no `offline_access` to configured scopes: both must be in the config.
#[test]
fn a_pre_registered_client_asks_for_its_scopes_and_a_refresh_token() {
    let w = World::new();
    let out = codex_config(
        &w,
        &[
            "--write",
            "--client-id",
            "0oa-test-client",
            "--provider",
            "okta",
        ],
    );
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: toml::Table = read(&config_path(&w)).parse().unwrap();
    assert_eq!(
        doc["mcp_servers"]["docs"]["scopes"],
        toml::Value::from(vec!["mcp:access", "offline_access"])
    );

    // Auth0 (authsetup's API has no scopes): a refresh token still needs offline_access.
    let out = codex_config(&w, &["--client-id", "client-1"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let printed: toml::Table = String::from_utf8(out.stdout).unwrap().parse().unwrap();
    assert_eq!(
        printed["mcp_servers"]["docs"]["scopes"],
        toml::Value::from(vec!["offline_access"])
    );

    // DCR: Codex picks the scopes itself and appends offline_access, so none are written.
    let out = codex_config(&w, &[]);
    let printed: toml::Table = String::from_utf8(out.stdout).unwrap().parse().unwrap();
    assert!(printed["mcp_servers"]["docs"].get("scopes").is_none());
}
