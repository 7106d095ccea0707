//! `authsetup client config CLIENT`: the snippet and the merge into each MCP client's own file,
//! through the built binary. The merge rules are unit-tested on the in/out fixtures
//! (fixtures/client-merge, src/clients/json_config.rs); these tests check what a user sees:
//! stdout, the files in the project and home folders, modes, backups, exit codes, requests.

use std::path::{Path, PathBuf};

use crate::common::{World, output_text, read};
use authsetup::clients::json_config::snippet;
use authsetup::clients::{McpClient, McpServer};
use serde_json::Value;

const URL: &str = "https://mcp.example.com/mcp";

fn docs(client_id: Option<&str>, scopes: &[&str]) -> McpServer {
    McpServer {
        name: "docs".into(),
        url: URL.into(),
        client_id: client_id.map(String::from),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        callback_port: 1455,
    }
}

/// `client config CLIENT` for the `docs` server, run in the test's folder (the project) with
/// HOME there too.
fn client_config(w: &World, client: &str, extra: &[&str]) -> std::process::Output {
    w.bare()
        .args([
            "client",
            "config",
            client,
            "--mcp-name",
            "docs",
            "--mcp-url",
            URL,
        ])
        .args(extra)
        .output()
        .unwrap()
}

fn put(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn project_file(w: &World, client: McpClient) -> PathBuf {
    match client {
        McpClient::Claude => w.path(".mcp.json"),
        McpClient::Gemini => w.path(".gemini/settings.json"),
        McpClient::VsCode => w.path(".vscode/mcp.json"),
        McpClient::Cursor => w.path(".cursor/mcp.json"),
        McpClient::Codex => unreachable!(),
    }
}

const JSON_CLIENTS: [McpClient; 4] = [
    McpClient::Claude,
    McpClient::Gemini,
    McpClient::VsCode,
    McpClient::Cursor,
];

#[test]
fn print_mode_puts_exactly_the_snippet_on_stdout_and_writes_nothing() {
    let w = World::new();
    for client in JSON_CLIENTS {
        let out = client_config(&w, client.id(), &[]);
        assert!(out.status.success(), "{client}: {}", output_text(&out));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            snippet(client, &docs(None, &[])),
            "{client}"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--write"), "{stderr}");
        assert!(!project_file(&w, client).exists(), "{client}");
    }
    assert!(w.sandbox.requests().is_empty(), "no tenant is needed");
}

#[cfg(unix)]
#[test]
fn write_creates_each_clients_file_privately_and_a_second_run_changes_nothing() {
    let w = World::new();
    for client in JSON_CLIENTS {
        let out = client_config(&w, client.id(), &["--write"]);
        assert!(out.status.success(), "{client}: {}", output_text(&out));
        let path = project_file(&w, client);
        assert_eq!(read(&path), snippet(client, &docs(None, &[])), "{client}");
        assert_eq!(mode(&path), 0o600, "{client}");

        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let out = client_config(&w, client.id(), &["--write"]);
        assert!(out.status.success(), "{client}: {}", output_text(&out));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("nothing changed"),
            "{client}: {}",
            output_text(&out)
        );
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
    }
}

#[test]
fn write_keeps_the_users_servers_and_keys_and_backs_up_the_old_file() {
    let w = World::new();
    let path = w.path(".mcp.json");
    // The layout Claude Code itself writes (JSON.stringify with two spaces).
    let original = "{\n  \"mcpServers\": {\n    \"wiki\": {\n      \"type\": \"http\",\n      \"url\": \"https://wiki.example.com/mcp\",\n      \"headers\": {\n        \"X-Team\": \"docs\"\n      }\n    }\n  },\n  \"note\": \"mine\"\n}\n";
    put(&path, original);

    let out = client_config(&w, "claude", &["--write", "--client-id", "abc123"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let merged = read(&path);
    assert!(
        merged.starts_with(
            "{\n  \"mcpServers\": {\n    \"wiki\": {\n      \"type\": \"http\",\n      \"url\": \"https://wiki.example.com/mcp\",\n      \"headers\": {\n        \"X-Team\": \"docs\"\n      }\n    },\n    \"docs\": {"
        ),
        "the user's server moved or changed:\n{merged}"
    );
    let doc: Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(doc["note"], "mine");
    assert_eq!(
        doc["mcpServers"]["docs"],
        serde_json::json!({"type": "http", "url": URL, "oauth": {"clientId": "abc123", "callbackPort": 1455}})
    );
    assert_eq!(read(&w.path(".mcp.json.bak")), original);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".mcp.json.bak"), "{stderr}");
    assert!(
        stderr.contains("redirect URI http://localhost:1455/callback\n"),
        "{stderr}"
    );
    assert!(w.sandbox.requests().is_empty(), "the client id was given");
}

#[test]
fn a_file_that_cannot_be_parsed_is_refused_before_any_request_and_left_untouched() {
    let w = World::new();
    // VS Code reads comments in mcp.json; authsetup cannot keep them, so it does not write.
    let path = w.path(".vscode/mcp.json");
    let jsonc = "{\n  // mine\n  \"servers\": {}\n}\n";
    put(&path, jsonc);
    // The tenant is named, so a request would go out if the file were checked too late.
    let out = w
        .cmd()
        .args([
            "client",
            "config",
            "vscode",
            "--mcp-name",
            "docs",
            "--mcp-url",
            URL,
            "--write",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mcp.json:2:3: "), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    assert_eq!(read(&path), jsonc);
    assert!(!w.path(".vscode/mcp.json.bak").exists());
    assert!(w.sandbox.requests().is_empty(), "no request was sent");

    let path = w.path(".mcp.json");
    let stdio = "{\"mcpServers\": {\"docs\": {\"command\": \"node\"}}}";
    put(&path, stdio);
    let out = client_config(&w, "claude", &["--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a stdio server"),
        "{}",
        output_text(&out)
    );
    assert_eq!(read(&path), stdio);
}

#[test]
fn user_scope_writes_into_the_home_folder() {
    let w = World::new();
    let home = w.path("home");
    std::fs::create_dir_all(&home).unwrap();
    let out = w
        .bare()
        .env("HOME", &home)
        .args(["client", "config", "gemini", "--scope", "user", "--write"])
        .args(["--mcp-name", "docs", "--mcp-url", URL, "--client-id", "abc"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_str(&read(&home.join(".gemini/settings.json"))).unwrap();
    let entry = &doc["mcpServers"]["docs"];
    assert_eq!(entry["httpUrl"], URL);
    assert_eq!(entry["oauth"]["clientId"], "abc");
    assert_eq!(
        entry["oauth"]["redirectUri"],
        "http://localhost:1455/oauth/callback"
    );
    assert_eq!(
        entry["oauth"]["scopes"],
        serde_json::json!(["offline_access"])
    );
    assert!(
        !w.path(".gemini").exists(),
        "the project's file is untouched"
    );
}

#[test]
fn client_config_codex_is_codex_config() {
    let w = World::new();
    let run = |args: &[&str]| {
        w.bare()
            .env("CODEX_HOME", w.path("codex-home"))
            .args(args)
            .args(["--mcp-name", "docs", "--mcp-url", URL, "--client-id", "c1"])
            .output()
            .unwrap()
    };
    let alias = run(&["codex", "config"]);
    let client = run(&["client", "config", "codex"]);
    assert!(client.status.success(), "{}", output_text(&client));
    assert_eq!(client.stdout, alias.stdout);
    assert_eq!(client.stderr, alias.stderr);
}

#[test]
fn options_of_another_client_are_bad_input() {
    let w = World::new();
    for (client, flag) in [
        ("claude", &["--credentials-store", "file"][..]),
        ("codex", &["--scope", "user"][..]),
    ] {
        let out = client_config(&w, client, flag);
        assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("hint: "), "{stderr}");
    }
    assert!(!w.path(".mcp.json").exists());
    assert!(!w.path("codex-home").exists());
}

#[test]
fn json_output_names_the_file_and_every_redirect_uri() {
    let w = World::new();
    let out = client_config(&w, "vscode", &["--client-id", "abc", "--output", "json"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["client"], "vscode");
    assert!(doc["file"].as_str().unwrap().ends_with(".vscode/mcp.json"));
    assert_eq!(
        doc["redirect_uris"],
        serde_json::json!(["http://127.0.0.1:33418", "https://vscode.dev/redirect"])
    );
    assert_eq!(doc["snippet"], snippet(McpClient::VsCode, &docs(None, &[])));
    assert!(
        doc["warnings"][0]
            .as_str()
            .unwrap()
            .contains("asks for it at the first sign-in"),
        "{doc}"
    );
}

/// A client authsetup registered is given to Gemini only with a warning until Gemini is among the
/// settings' clients; once it is, apply adds Gemini's redirect URI and the warning goes.
#[test]
fn a_client_not_in_the_settings_clients_is_warned_that_the_registered_client_refuses_it() {
    let w = World::new();
    let gemini_redirect = "http://localhost:1455/oauth/callback";
    let run = |clients: &str, args: &[&str]| {
        let out = w
            .cmd()
            .env("AUTH0_AUDIENCE", URL)
            .env("MCP_URL", URL)
            .env("AUTHSETUP_REGISTRATION", "preregistered")
            .env("AUTHSETUP_CLIENTS", clients)
            .args(args)
            .args(["--mcp-name", "docs"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
        output_text(&out)
    };
    let callbacks = || {
        w.sandbox.with_tenant(|t| {
            t.clients
                .iter()
                .find(|c| c["name"] == "Codex CLI (docs)")
                .map(|c| c["callbacks"].clone())
                .unwrap()
        })
    };
    let warning =
        "allows Gemini CLI's redirect URI only once gemini is among the settings' clients";

    run("codex", &["apply", "--yes"]);
    assert!(!callbacks().to_string().contains(gemini_redirect));
    let text = run("codex", &["client", "config", "gemini", "--write"]);
    assert!(text.contains(warning), "{text}");

    run("codex,gemini", &["apply", "--yes"]);
    assert!(callbacks().to_string().contains(gemini_redirect));
    let text = run("codex,gemini", &["client", "config", "gemini", "--write"]);
    assert!(!text.contains(warning), "{text}");
    // An id the user gives is their own client: authsetup cannot know what it allows.
    let text = run(
        "codex",
        &["client", "config", "gemini", "--client-id", "theirs"],
    );
    assert!(!text.contains(warning), "{text}");
}
