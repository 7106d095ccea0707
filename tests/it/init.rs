//! `authsetup init`: the wizard driven for real in a pseudo-terminal, Ctrl-C at its prompts, and
//! the non-interactive mode that must reach the same tenant and files from flags.

use std::path::Path;
use std::process::Command;

use crate::common::{AUD, World, output_text, read};
use authsetup_sandbox::Sandbox;
use rexpect::process::WaitStatus;
use rexpect::session::PtySession;
use serde_json::{Value, json};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
/// Unticks Codex, the one client preselected, and accepts.
const NO_CLIENT: &str = " \r";

/// The binary in a pseudo-terminal with a clean environment; `stty echo` first because a real
/// terminal echoes, and the wizard must leave it that way.
fn spawn(w: &World, envs: &[(&str, &str)], args: &[&str]) -> PtySession {
    let mut cmd = Command::new("sh");
    w.isolate(&mut cmd);
    cmd.arg("-c")
        .arg("stty echo && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_authsetup"))
        .args(args)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

/// The wizard with the sandbox's tenant, credentials and API identifier in the environment, as
/// a user who exported them would start it.
fn spawn_at_sandbox(w: &World, args: &[&str]) -> PtySession {
    let base = w.sandbox.base_url();
    let (id, secret) = (w.sandbox.client_id(), w.sandbox.client_secret());
    let envs = [
        ("AUTH0_DOMAIN", base.as_str()),
        ("AUTH0_CLIENT_ID", id.as_str()),
        ("AUTH0_CLIENT_SECRET", secret.as_str()),
        ("AUTH0_AUDIENCE", AUD),
    ];
    spawn(w, &envs, args)
}

/// Waits for `prompt`, then types `keys`; returns what the program printed before the prompt.
fn answer(p: &mut PtySession, prompt: &str, keys: &str) -> String {
    let before = p
        .exp_string(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    p.send(keys).unwrap();
    p.flush().unwrap();
    before
}

fn exit_code(p: &mut PtySession) -> i32 {
    match p.process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("not a normal exit: {other:?}"),
    }
}

fn pty_echo_is_on(p: &PtySession) -> bool {
    let f = p.process().get_file_handle().expect("pty handle");
    let t = rustix::termios::tcgetattr(&f).expect("the pty's terminal attributes");
    t.local_modes.contains(rustix::termios::LocalModes::ECHO)
}

/// Answers every question of the wizard: a bad domain first (asked again), the token typed at
/// the hidden prompt, the second connection of the tenant's list, and yes to both confirmations.
fn run_wizard(w: &World) {
    let token = w.sandbox.issue_token(Sandbox::all_scopes());
    let mut p = spawn(w, &[], &["init", "--write-config", "authsetup.toml"]);
    let mut seen = String::new();
    let mut step = |p: &mut PtySession, prompt: &str, keys: &str| {
        seen += &answer(p, prompt, keys);
        seen += prompt;
    };
    step(&mut p, "Identity provider", ENTER);
    step(&mut p, "Tenant domain", "http://tenant.example.com\r");
    step(&mut p, "only allowed for loopback", "");
    step(
        &mut p,
        "Tenant domain",
        &format!("{}\r", w.sandbox.base_url()),
    );
    step(&mut p, "Sign in to the Auth0 Management API with", ENTER);
    step(&mut p, "Management API token (input hidden)", ENTER);
    step(&mut p, "API Explorer", "");
    step(
        &mut p,
        "Management API token (input hidden)",
        &format!("{token}\r"),
    );
    step(&mut p, "API identifier", &format!("{AUD}\r"));
    step(&mut p, "API display name", "Docs API\r");
    step(&mut p, "MCP server name in Codex", "docs\r");
    step(&mut p, "MCP server URL", ENTER);
    step(&mut p, "How MCP clients get an OAuth client", ENTER);
    step(
        &mut p,
        "google-oauth2 (google-oauth2)",
        &format!("{DOWN}{ENTER}"),
    );
    step(&mut p, ".env file", ENTER);
    step(&mut p, "Add the server to these MCP clients' config", ENTER);
    step(
        &mut p,
        "resource_server:https://mcp.example.com/mcp (create)",
        "",
    );
    step(&mut p, "Apply these changes?", "y");
    seen += &p.exp_eof().expect("the wizard ends");
    assert_eq!(exit_code(&mut p), 0, "{seen}");
    assert!(!seen.contains(&token), "the token was shown:\n{seen}");
    assert!(seen.contains("codex mcp login docs"), "{seen}");
}

/// What the setup leaves behind, with the sandbox's address taken out so that two tenants can
/// be compared.
fn outcome(w: &World) -> Value {
    let base = w.sandbox.base_url();
    let rs = w.resource_server(AUD).expect("the API exists");
    let connections: Vec<Value> = w.sandbox.with_tenant(|t| {
        t.connections
            .iter()
            .map(|c| json!([c["name"], c["is_domain_connection"]]))
            .collect()
    });
    let grants: Vec<Value> = w
        .default_grants(AUD)
        .iter()
        .map(|g| json!([g["subject_type"], g["scope"]]))
        .collect();
    let settings = w.settings();
    json!({
        "api": [rs["name"], rs["signing_alg"], rs["allow_offline_access"], rs["subject_type_authorization"]],
        "audience": [settings["default_audience"], settings["resource_parameter_profile"]],
        "flags": [settings["flags"]["enable_dynamic_client_registration"], settings["flags"]["enable_client_connections"]],
        "grants": grants,
        "connections": connections,
        "env": w.env_file().unwrap_or_default().replace(&base, "BASE"),
        "codex": read(&w.path(".codex/config.toml")),
        "answers": read(&w.path("authsetup.toml")).replace(&base, "BASE"),
    })
}

#[test]
fn the_wizard_sets_up_the_tenant_and_the_files_and_ci_mode_does_the_same() {
    let wizard = World::new();
    run_wizard(&wizard);
    let got = outcome(&wizard);
    assert_eq!(got["api"][0], "Docs API");
    // resource mode, what a new tenant gets
    assert_eq!(got["audience"], json!([null, "compatibility"]));
    assert_eq!(got["flags"][0], true);
    assert_eq!(
        got["connections"],
        json!([
            ["Username-Password-Authentication", false],
            ["google-oauth2", true]
        ]),
        "only the picked connection is promoted"
    );
    assert_eq!(got["grants"].as_array().unwrap().len(), 1);
    assert_eq!(
        got["env"],
        format!("AUTH0_DOMAIN=BASE\nAUTH0_AUDIENCE={AUD}\n")
    );
    let codex: toml::Table = got["codex"].as_str().unwrap().parse().unwrap();
    assert_eq!(codex["mcp_servers"]["docs"]["url"].as_str(), Some(AUD));
    let answers: toml::Table = got["answers"].as_str().unwrap().parse().unwrap();
    assert_eq!(answers["connection"].as_str(), Some("google-oauth2"));
    assert_eq!(answers["domain"].as_str(), Some("BASE"));
    assert!(
        !got["answers"].as_str().unwrap().contains("eyJ"),
        "no token"
    );

    // The same answers as flags, on a fresh tenant, without a terminal.
    let ci = World::new();
    let out = ci
        .bare()
        .env("CI", "true")
        .env(
            "AUTH0_MGMT_TOKEN",
            ci.sandbox.issue_token(Sandbox::all_scopes()),
        )
        .args([
            "init",
            "--domain",
            &ci.sandbox.base_url(),
            "--audience",
            AUD,
            "--api-name",
            "Docs API",
            "--mcp-name",
            "docs",
            "--connection",
            "google-oauth2",
            "--write-codex-config",
            "--write-config",
            "authsetup.toml",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(outcome(&ci), got);

    // The saved answers are enough for the next run: it finds nothing left to change, which it
    // would not if any answer (the connection, say) had been lost on the way.
    ci.sandbox.clear_log();
    let out = ci
        .bare()
        .env("CI", "true")
        .env(
            "AUTH0_MGMT_TOKEN",
            ci.sandbox.issue_token(Sandbox::all_scopes()),
        )
        .args(["init", "--write-codex-config"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(ci.writes().is_empty(), "{:#?}", ci.writes());
    assert!(!ci.sandbox.requests().is_empty(), "the tenant was read");
}

#[test]
fn credentials_from_the_environment_are_named_not_shown_and_ctrl_c_at_a_text_prompt_exits_130() {
    let w = World::new();
    let secret = w.sandbox.client_secret();
    let mut p = spawn(
        &w,
        &[
            ("AUTH0_DOMAIN", &w.sandbox.base_url()),
            ("AUTH0_CLIENT_ID", &w.sandbox.client_id()),
            ("AUTH0_CLIENT_SECRET", &secret),
        ],
        &["init"],
    );
    answer(&mut p, "Identity provider", ENTER);
    answer(&mut p, "Tenant domain", ENTER);
    let shown = p.exp_string("API identifier").unwrap();
    assert!(
        shown.contains("using the credentials from AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET"),
        "{shown}"
    );
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130, "{rest}");
    assert!(!format!("{shown}{rest}").contains(&secret));
    assert!(w.sandbox.requests().is_empty());
}

#[test]
fn choosing_okta_goes_on_to_the_okta_questions() {
    let w = World::new();
    let mut p = spawn(&w, &[], &["init"]);
    answer(&mut p, "Identity provider", &format!("{DOWN}{ENTER}"));
    p.exp_string("Tenant domain").unwrap();
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130, "{rest}");
    assert!(w.sandbox.requests().is_empty());
}

#[test]
fn a_saved_answer_file_replays_the_setup_without_questions() {
    let w = World::new();
    std::fs::write(
        w.path("authsetup.toml"),
        format!(
            "domain = \"{}\"\naudience = \"{AUD}\"\nmcp_name = \"docs\"\n",
            w.sandbox.base_url()
        ),
    )
    .unwrap();
    let out = w
        .bare()
        .env("AUTH0_CLIENT_ID", w.sandbox.client_id())
        .env("AUTH0_CLIENT_SECRET", w.sandbox.client_secret())
        .args(["init", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["applied"], true);
    assert_eq!(
        doc["next_steps"].as_array().unwrap().last().unwrap(),
        "codex mcp login docs"
    );
    assert!(
        doc["codex_config_snippet"]
            .as_str()
            .unwrap()
            .contains("[mcp_servers.docs]"),
        "{doc}"
    );
    assert_eq!(w.settings()["resource_parameter_profile"], "compatibility");
    assert!(w.env_file().unwrap().contains(AUD));
    assert!(
        !w.path(".codex").exists(),
        "printed, not written, without --write-codex-config"
    );
}

#[test]
fn ctrl_c_at_a_selection_list_exits_130_shows_the_cursor_and_changes_nothing() {
    let w = World::new();
    let mut p = spawn(
        &w,
        &[("AUTH0_DOMAIN", &w.sandbox.base_url())],
        &["init", "--write-config", "authsetup.toml"],
    );
    p.exp_string("Identity provider").unwrap();
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130, "{rest}");
    // The list hid the cursor; the last cursor command must show it again.
    let shown = rest.rfind("\x1b[?25h");
    assert!(
        shown.is_some() && shown > rest.rfind("\x1b[?25l"),
        "cursor left hidden: {rest:?}"
    );
    assert!(w.sandbox.requests().is_empty());
    assert!(!w.path("authsetup.toml").exists() && w.env_file().is_none());
}

#[test]
fn ctrl_c_at_the_hidden_token_prompt_exits_130_with_echo_back_on() {
    let w = World::new();
    let mut p = spawn(
        &w,
        &[
            ("AUTH0_DOMAIN", &w.sandbox.base_url()),
            ("AUTH0_AUDIENCE", AUD),
        ],
        &["init"],
    );
    answer(&mut p, "Identity provider", ENTER);
    answer(&mut p, "Tenant domain", ENTER);
    answer(&mut p, "Sign in to the Auth0 Management API with", ENTER);
    p.exp_string("Management API token (input hidden)").unwrap();
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130, "{rest}");
    assert!(pty_echo_is_on(&p), "the terminal was left without echo");
    assert!(w.sandbox.requests().is_empty());
    assert!(w.env_file().is_none());
}

#[test]
fn without_a_terminal_a_missing_value_names_its_flag_and_variable() {
    let w = World::new();
    let domain = w.sandbox.base_url();
    let cases = [
        (vec![], ["--domain", "AUTH0_DOMAIN"]),
        (
            vec![("AUTH0_DOMAIN", domain.as_str())],
            ["--audience", "AUTH0_AUDIENCE"],
        ),
        (
            vec![("AUTH0_DOMAIN", &domain), ("AUTH0_AUDIENCE", "urn:docs")],
            ["--mcp-url", "MCP_URL"],
        ),
    ];
    for (envs, names) in cases {
        // No CI and no --yes: standard input is not a terminal here, which is enough.
        let mut cmd = w.bare();
        cmd.env("AUTH0_MGMT_TOKEN", "not-used").arg("init");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{names:?}: {}",
            output_text(&out)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        for name in names {
            assert!(stderr.contains(name), "{name}: {stderr}");
        }
        assert!(stderr.contains("hint:"), "{stderr}");
    }
    assert!(w.sandbox.requests().is_empty());
    assert!(!Path::new(&w.path(".env")).exists());
}

/// Security review finding 6: `--write-codex-config` with a Codex config it cannot merge stops
/// before the first request, not after the tenant changes.
#[test]
fn a_codex_config_that_cannot_be_merged_stops_init_before_any_request() {
    let w = World::new();
    let config = w.path(".codex/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "model = \"o3\nbroken\n").unwrap();
    let out = w
        .cmd()
        .args([
            "init",
            "--yes",
            "--mcp-name",
            "docs",
            "--write-codex-config",
        ])
        .output()
        .unwrap();
    let text = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("invalid TOML") && text.contains("hint:"),
        "{text}"
    );
    assert!(
        w.sandbox.requests().is_empty(),
        "{:#?}",
        w.sandbox.requests()
    );
    assert!(w.env_file().is_none());
    assert_eq!(read(&config), "model = \"o3\nbroken\n");
}

/// Security review finding 11: a line the user adds to `.env` while the wizard waits for a yes
/// is still there after the apply.
#[test]
fn an_env_edit_made_while_the_plan_is_shown_is_kept() {
    let w = World::new();
    std::fs::write(w.path(".env"), "PORT=8080\n").unwrap();
    let mut p = spawn_at_sandbox(&w, &["init"]);
    for prompt in [
        "Identity provider",
        "Tenant domain",
        "API identifier",
        "API display name",
        "MCP server name in Codex",
        "MCP server URL",
        "How MCP clients get an OAuth client",
        "Username-Password-Authentication",
        ".env file",
    ] {
        answer(&mut p, prompt, ENTER);
    }
    answer(
        &mut p,
        "Add the server to these MCP clients' config",
        NO_CLIENT,
    );
    p.exp_string("Apply these changes?").unwrap();
    std::fs::write(
        w.path(".env"),
        "PORT=8080\nDATABASE_URL=postgres://db/app\n",
    )
    .unwrap();
    p.send("y").unwrap();
    p.flush().unwrap();
    let rest = p.exp_eof().expect("the wizard ends");
    assert_eq!(exit_code(&mut p), 0, "{rest}");
    let base = w.sandbox.base_url();
    assert_eq!(
        w.env_file().unwrap(),
        format!(
            "PORT=8080\nDATABASE_URL=postgres://db/app\nAUTH0_DOMAIN={base}\nAUTH0_AUDIENCE={AUD}\n"
        )
    );
}

/// Least privilege from the wizard: picking the pre-registered client registers Codex's client
/// and opens nothing tenant-wide, writes its id into Codex's config, and the saved answers
/// replay it.
#[test]
fn the_wizard_offers_the_pre_registered_client_and_saves_the_choice() {
    let w = World::new();
    let mut p = spawn_at_sandbox(
        &w,
        &[
            "init",
            "--mcp-name",
            "docs",
            "--write-config",
            "authsetup.toml",
        ],
    );
    for (prompt, keys) in [
        ("Identity provider", ENTER),
        ("Tenant domain", ENTER),
        ("API identifier", ENTER),
        ("API display name", ENTER),
        ("MCP server name in Codex", ENTER),
        ("MCP server URL", ENTER),
        (
            "How MCP clients get an OAuth client",
            &format!("{DOWN}{ENTER}"),
        ),
        ("Username-Password-Authentication", ENTER),
        (".env file", ENTER),
        ("Add the server to these MCP clients' config", ENTER),
        ("Apply these changes?", "y"),
    ] {
        answer(&mut p, prompt, keys);
    }
    let rest = p.exp_eof().expect("the wizard ends");
    assert_eq!(exit_code(&mut p), 0, "{rest}");

    let client = w
        .sandbox
        .with_tenant(|t| {
            t.clients
                .iter()
                .find(|c| c["name"] == "Codex CLI (docs)")
                .cloned()
        })
        .expect("Codex's client is registered");
    assert_eq!(client["is_first_party"], true);
    let settings = w.settings();
    assert!(
        settings["flags"]
            .get("enable_dynamic_client_registration")
            .is_none(),
        "{settings}"
    );
    assert_eq!(
        w.connection("Username-Password-Authentication").unwrap()["is_domain_connection"],
        false
    );
    assert!(
        !w.sandbox
            .requests()
            .iter()
            .any(|r| r.path == "/oidc/register")
    );
    let codex: toml::Table = read(&w.path(".codex/config.toml")).parse().unwrap();
    assert_eq!(
        codex["mcp_servers"]["docs"]["oauth"]["client_id"].as_str(),
        client["client_id"].as_str()
    );
    let answers: toml::Table = read(&w.path("authsetup.toml")).parse().unwrap();
    assert_eq!(
        answers["registration"].as_str(),
        Some("preregistered"),
        "{answers}"
    );
}

/// The wizard's other way in: a machine-to-machine application's id and secret (hidden), as the
/// sandbox and the README's set-up give them. An empty secret says where to find one.
#[test]
fn the_wizard_takes_a_client_id_and_secret_instead_of_a_token() {
    let w = World::new();
    let secret = w.sandbox.client_secret();
    let mut p = spawn(
        &w,
        &[
            ("AUTH0_DOMAIN", &w.sandbox.base_url()),
            ("AUTH0_AUDIENCE", AUD),
        ],
        &["init"],
    );
    let mut seen = String::new();
    let mut step = |p: &mut PtySession, prompt: &str, keys: &str| {
        seen += &answer(p, prompt, keys);
        seen += prompt;
    };
    step(&mut p, "Identity provider", ENTER);
    step(&mut p, "Tenant domain", ENTER);
    step(
        &mut p,
        "Sign in to the Auth0 Management API with",
        &format!("{DOWN}{ENTER}"),
    );
    step(
        &mut p,
        "Client ID of the machine-to-machine application",
        &format!("{}\r", w.sandbox.client_id()),
    );
    step(&mut p, "Client secret", ENTER);
    step(&mut p, "Settings tab", "");
    step(&mut p, "Client secret", &format!("{secret}\r"));
    step(&mut p, "API identifier", ENTER);
    step(&mut p, "API display name", ENTER);
    step(&mut p, "MCP server name in Codex", ENTER);
    step(&mut p, "MCP server URL", ENTER);
    step(&mut p, "How MCP clients get an OAuth client", ENTER);
    step(&mut p, "Login connection", ENTER);
    step(&mut p, ".env file", ENTER);
    step(
        &mut p,
        "Add the server to these MCP clients' config",
        NO_CLIENT,
    );
    step(&mut p, "Apply these changes?", "y");
    seen += &p.exp_eof().expect("the wizard ends");
    assert_eq!(exit_code(&mut p), 0, "{seen}");
    assert!(!seen.contains(&secret), "the secret was shown:\n{seen}");
    assert_eq!(w.settings()["resource_parameter_profile"], "compatibility");
    assert!(
        w.sandbox
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.path == "/oauth/token"),
        "the token came from the client-credentials grant"
    );
}

/// On a terminal, `apply` and the step commands show the plan and change nothing without a
/// "yes"; Enter alone is no. `--yes` does not ask.
#[test]
fn apply_on_a_terminal_asks_before_writing_and_no_writes_nothing() {
    let w = World::new();
    let env = [
        ("AUTH0_DOMAIN", w.sandbox.base_url()),
        ("AUTH0_CLIENT_ID", w.sandbox.client_id()),
        ("AUTH0_CLIENT_SECRET", w.sandbox.client_secret()),
        ("AUTH0_AUDIENCE", AUD.to_string()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for (args, keys) in [(&["apply"][..], "n"), (&["dcr", "enable"][..], ENTER)] {
        let mut p = spawn(&w, &env, args);
        let shown = answer(&mut p, "Apply these changes?", keys);
        let rest = p.exp_eof().unwrap();
        assert_eq!(exit_code(&mut p), 0, "{args:?}: {shown}{rest}");
        assert!(
            shown.contains("(update)"),
            "the plan is shown first: {shown}"
        );
        assert!(rest.contains("Nothing was changed"), "{rest}");
        assert!(w.writes().is_empty(), "{args:?}: {:#?}", w.writes());
        assert!(w.env_file().is_none());
    }
    let mut p = spawn(&w, &env, &["apply"]);
    answer(&mut p, "Apply these changes?", "y");
    let rest = p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0, "{rest}");
    assert_eq!(w.settings()["resource_parameter_profile"], "compatibility");
    assert!(w.env_file().is_some());

    // Nothing left to change: nothing to ask. With --yes there is no question either.
    let mut p = spawn(
        &w,
        &env,
        &["apply", "--yes", "--domain", &w.sandbox.base_url()],
    );
    let rest = p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0, "{rest}");
    assert!(!rest.contains("Apply these changes?"), "{rest}");
}

/// Without the wizard, init prints the Codex snippet and names its own flag for merging it.
#[test]
fn init_names_its_own_flag_for_writing_the_codex_config() {
    let w = World::new();
    let out = w
        .cmd()
        .env("CI", "1")
        .args(["init", "--mcp-name", "docs"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("or run again with --write-codex-config to merge it"),
        "{stderr}"
    );
}

/// The wizard's client list: Codex preselected, Claude Code ticked too; both files are written
/// and the next steps name each client.
#[test]
fn the_wizard_writes_every_client_picked_from_the_list() {
    let w = World::new();
    let mut p = spawn_at_sandbox(&w, &["init", "--mcp-name", "docs"]);
    for prompt in [
        "Identity provider",
        "Tenant domain",
        "API identifier",
        "API display name",
        "MCP server name in Codex",
        "MCP server URL",
        "How MCP clients get an OAuth client",
        "Username-Password-Authentication",
        ".env file",
    ] {
        answer(&mut p, prompt, ENTER);
    }
    // Down to Claude Code, tick it, accept (Codex stays ticked).
    let list = answer(
        &mut p,
        "Add the server to these MCP clients' config",
        &format!("{DOWN} {ENTER}"),
    );
    answer(&mut p, "Apply these changes?", "y");
    let rest = p.exp_eof().expect("the wizard ends");
    assert_eq!(exit_code(&mut p), 0, "{list}{rest}");
    let codex: toml::Table = read(&w.path(".codex/config.toml")).parse().unwrap();
    assert_eq!(codex["mcp_servers"]["docs"]["url"].as_str(), Some(AUD));
    let claude: Value = serde_json::from_str(&read(&w.path(".mcp.json"))).unwrap();
    assert_eq!(
        claude["mcpServers"]["docs"],
        json!({"type": "http", "url": AUD})
    );
    assert!(!w.path(".gemini").exists(), "Gemini was not picked");
    assert!(rest.contains("codex mcp login docs"), "{rest}");
    assert!(rest.contains("claude mcp get docs"), "{rest}");
}

/// `--clients` (or AUTHSETUP_CLIENTS) picks the clients without a terminal; a client file that
/// cannot be merged stops init before the first request, like Codex's.
#[test]
fn init_clients_writes_each_clients_file_and_checks_them_all_first() {
    let w = World::new();
    let token = w.sandbox.issue_token(Sandbox::all_scopes());
    let init = |extra: &[&str], env: Option<&str>| {
        let mut cmd = w.bare();
        cmd.env("CI", "true")
            .env("AUTH0_MGMT_TOKEN", &token)
            .args(["init", "--domain", &w.sandbox.base_url(), "--audience", AUD])
            .args(["--mcp-name", "docs", "--output", "json"])
            .args(extra);
        if let Some(list) = env {
            cmd.env("AUTHSETUP_CLIENTS", list);
        }
        cmd.output().unwrap()
    };

    std::fs::create_dir_all(w.path(".cursor")).unwrap();
    std::fs::write(w.path(".cursor/mcp.json"), "{\"mcpServers\": [] }").unwrap();
    let out = init(&["--clients", "gemini,cursor"], None);
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("mcpServers"),
        "{}",
        output_text(&out)
    );
    assert!(w.sandbox.requests().is_empty(), "no request was sent");
    assert!(!w.path(".gemini").exists(), "nothing was written");
    std::fs::remove_file(w.path(".cursor/mcp.json")).unwrap();

    let out = init(&["--clients", "claude,gemini"], Some("vscode"));
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["clients"], json!(["claude", "gemini"]), "the flag wins");
    assert_eq!(doc["codex_config_snippet"], Value::Null);
    let gemini: Value = serde_json::from_str(&read(&w.path(".gemini/settings.json"))).unwrap();
    assert_eq!(gemini["mcpServers"]["docs"]["httpUrl"], AUD);
    assert!(w.path(".mcp.json").exists());
    assert!(!w.path(".codex").exists(), "Codex was not chosen");
    assert!(!w.path(".vscode").exists(), "the variable lost to the flag");

    let out = init(&[], Some("vscode"));
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(w.path(".vscode/mcp.json").exists());

    let out = init(&["--clients", "codex,emacs"], None);
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
}
