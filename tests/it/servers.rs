//! Several MCP servers in one run (`[[servers]]`) and several environments (`[env.NAME]`,
//! `--env`, `plan --all-envs`), through the built binary against emulated tenants.

use std::path::Path;

use assert_cmd::Command;
use authsetup_sandbox::{OktaSandbox, SandboxConfig};
use serde_json::Value;
use tempfile::TempDir;

use crate::common::{AUD, SERVERS, TwoEnvs, World, output_text, read};

/// The binary against an Okta org, with nothing else from the environment.
fn okta_cmd(org: &OktaSandbox, dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_authsetup"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("AUTHSETUP_HTTP_TIMEOUT", "5")
        .env("OKTA_DOMAIN", org.base_url())
        .env("OKTA_API_TOKEN", org.api_token())
        .current_dir(dir);
    cmd
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    output_text(&out)
}

/// The one JSON document of a successful run, checked against docs/output.schema.json.
fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(&read(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/output.schema.json"
    ))))
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{doc:#}");
    doc
}

/// `authsetup.toml` with the first `n` servers, each but the last with its own `.env`.
fn servers_toml(n: usize) -> String {
    let mut text = String::from("provider = \"okta\"\n");
    for (i, (name, url)) in SERVERS.iter().take(n).enumerate() {
        text.push_str(&format!(
            "[[servers]]\nname = \"{name}\"\nurl = \"{url}\"\n"
        ));
        if i + 1 < n || n == 1 {
            text.push_str(&format!("env_file = \"{name}.env\"\n"));
        }
    }
    text
}

/// Rounds and requests of an apply of `n` servers on a fresh org.
fn apply_servers(n: usize) -> (OktaSandbox, TempDir, usize, usize) {
    // A latency makes each round trip visible in the log, as in the other round counts.
    let org = OktaSandbox::start_background(SandboxConfig {
        latency: std::time::Duration::from_millis(40),
        ..SandboxConfig::default()
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("authsetup.toml"), servers_toml(n)).unwrap();
    run(okta_cmd(&org, dir.path()).args(["apply", "--yes"]));
    let rounds = org.rounds();
    let requests = org.requests().len();
    (org, dir, rounds, requests)
}

#[test]
fn three_okta_servers_apply_in_the_rounds_of_one() {
    let (_one, _d, one_rounds, one_requests) = apply_servers(1);
    let (org, dir, rounds, requests) = apply_servers(3);
    assert_eq!(rounds, one_rounds, "three servers take the rounds of one");
    assert!(requests > one_requests, "{requests} vs {one_requests}");

    // Each server its own authorization server and Codex client.
    let state = org.with_org(|o| o.clone());
    let mut client_ids = Vec::new();
    for (name, url) in SERVERS {
        let server = state
            .server_named(&format!("MCP {url}"))
            .unwrap_or_else(|| panic!("server for {name}"));
        assert_eq!(server.doc["audiences"], serde_json::json!([url]), "{name}");
        let app = state
            .app_labelled(&format!("Codex CLI (MCP {url})"))
            .unwrap_or_else(|| panic!("app for {name}"));
        client_ids.push(app["id"].as_str().unwrap().to_string());
    }

    // Each server's .env names its own audience and client; the server without one gets none.
    for (i, (name, url)) in SERVERS.iter().take(2).enumerate() {
        let env = read(&dir.path().join(format!("{name}.env")));
        assert!(env.contains(&format!("OKTA_AUDIENCE={url}\n")), "{env}");
        assert!(
            env.contains(&format!("OKTA_CLIENT_ID={}\n", client_ids[i])),
            "{env}"
        );
    }
    assert!(!dir.path().join(".env").exists());
    assert!(!dir.path().join("wiki.env").exists());

    // Again: nothing to change, nothing written.
    org.clear_log();
    let plan = okta_cmd(&org, dir.path())
        .args(["plan", "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(plan.status.code(), Some(0), "{}", output_text(&plan));
    run(okta_cmd(&org, dir.path()).args(["apply", "--yes"]));
    let writes = org
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET" && r.path.starts_with("/api/v1/"))
        .count();
    assert_eq!(writes, 0);

    let doc = json(okta_cmd(&org, dir.path()).args(["plan", "--output", "json"]));
    assert_eq!(doc["servers"].as_array().map(Vec::len), Some(3));
    let doc = json(okta_cmd(&org, dir.path()).args(["codex", "config", "--output", "json"]));
    assert_eq!(doc["servers"][2]["name"], "wiki");

    // codex config --write puts every server into Codex's config, each with its own client.
    run(okta_cmd(&org, dir.path()).args(["codex", "config", "--write"]));
    let config: toml::Table = read(&dir.path().join(".codex/config.toml"))
        .parse()
        .unwrap();
    for (i, (name, url)) in SERVERS.iter().enumerate() {
        let entry = &config["mcp_servers"][*name];
        assert_eq!(entry["url"].as_str(), Some(*url), "{name}");
        assert_eq!(
            entry["oauth"]["client_id"].as_str(),
            Some(client_ids[i].as_str()),
            "{name}"
        );
    }
}

#[test]
fn one_server_of_several_is_picked_with_mcp_name() {
    let org = OktaSandbox::start_background(SandboxConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("authsetup.toml"), servers_toml(3)).unwrap();
    let doc = json(okta_cmd(&org, dir.path()).args([
        "plan",
        "--mcp-name",
        "tickets",
        "--output",
        "json",
    ]));
    assert_eq!(doc["audience"], SERVERS[1].1);
    let resources: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["resource"].as_str().unwrap())
        .collect();
    assert!(resources.contains(&"env_file:tickets.env"), "{resources:?}");
    assert!(
        !resources.iter().any(|r| r.contains("docs")),
        "{resources:?}"
    );
}

#[test]
fn several_servers_on_auth0_take_the_resource_mode_and_refuse_the_default_audience_mode() {
    let world = World::new();
    std::fs::write(
        world.path("authsetup.toml"),
        "[[servers]]\nname = \"a\"\nurl = \"https://a.example.com/mcp\"\n\
         [[servers]]\nname = \"b\"\nurl = \"https://b.example.com/mcp\"\n",
    )
    .unwrap();
    let out = world
        .cmd()
        .env_remove("AUTH0_AUDIENCE")
        .args(["plan", "--audience-mode", "default"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(
        text.contains("hint:") && text.contains("resource mode"),
        "{text}"
    );
    assert!(world.sandbox.requests().is_empty());

    // Left to authsetup, several servers are planned in resource mode.
    let out = world
        .cmd()
        .env_remove("AUTH0_AUDIENCE")
        .args(["plan", "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let resources: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["resource"].as_str())
        .collect();
    assert!(resources.contains(&"a/tenant.resource_parameter"), "{doc}");
    assert!(
        !resources
            .iter()
            .any(|r| r.ends_with("tenant.default_audience")),
        "{doc}"
    );
}

#[test]
fn all_envs_plans_both_tenants_at_once() {
    let envs = TwoEnvs::new();
    let doc = json(envs.cmd().args(["plan", "--all-envs", "--output", "json"]));
    for (name, world, url) in [
        ("dev", &envs.dev, "https://dev.example.com/mcp"),
        ("prod", &envs.prod, "https://prod.example.com/mcp"),
    ] {
        let env = &doc["environments"][name];
        assert_eq!(env["environment"], name);
        assert_eq!(env["tenant"], world.sandbox.base_url());
        assert_eq!(env["audience"], url);
        assert_eq!(env["has_changes"], true);
        let reads = world.sandbox.requests();
        assert!(
            reads.iter().any(|r| r.path == "/api/v2/tenants/settings"),
            "{name} was read"
        );
        assert!(world.writes().is_empty(), "a plan writes nothing");
    }
    let text = run(envs.cmd().args(["plan", "--all-envs"]));
    let dev_at = text.find("Environment dev").expect(&text);
    let prod_at = text.find("Environment prod").expect(&text);
    assert!(dev_at < prod_at);
    assert!(
        text[dev_at..prod_at].contains("https://dev.example.com/mcp"),
        "{text}"
    );
    assert!(
        text[prod_at..].contains("https://prod.example.com/mcp"),
        "{text}"
    );

    let pending = envs
        .cmd()
        .args(["plan", "--all-envs", "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(pending.status.code(), Some(3));
}

#[test]
fn env_selects_one_tenant_and_its_mcp_url() {
    let envs = TwoEnvs::new();
    run(envs.cmd().args(["apply", "--yes", "--env", "prod"]));
    assert!(
        envs.dev.sandbox.requests().is_empty(),
        "dev was not touched"
    );
    let url = "https://prod.example.com/mcp";
    assert!(envs.prod.resource_server(url).is_some());
    let env = read(&envs.dev.path("prod.env"));
    assert!(env.contains(&format!("AUTH0_AUDIENCE={url}")), "{env}");
    assert!(!envs.dev.path("dev.env").exists());

    // AUTHSETUP_ENV does the same, and the MCP URL of the environment drives Codex's entry.
    let out = run(envs
        .cmd()
        .env("AUTHSETUP_ENV", "dev")
        .args(["codex", "config"]));
    assert!(
        out.contains("url = \"https://dev.example.com/mcp\""),
        "{out}"
    );
    // A flag still beats the environment's table.
    let doc = json(envs.cmd().args([
        "plan",
        "--env",
        "dev",
        "--audience",
        AUD,
        "--output",
        "json",
    ]));
    assert_eq!(doc["audience"], AUD);
    assert_eq!(doc["environment"], "dev");
}

#[test]
fn bad_environment_combinations_exit_2_before_any_request() {
    let envs = TwoEnvs::new();
    let cases: [&[&str]; 5] = [
        &["plan", "--env", "staging"],
        &["plan", "--env", "no way"],
        &["plan", "--all-envs", "--env", "dev"],
        &["plan", "--all-envs", "--domain", "tenant.us.auth0.com"],
        &["plan", "--all-envs", "--token-stdin"],
    ];
    for args in cases {
        let out = envs.cmd().args(args).output().unwrap();
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains("hint:"), "{args:?}: {text}");
    }
    // Without --env, a file of environments names them instead of asking for a domain.
    let out = envs.cmd().arg("plan").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        output_text(&out).contains("dev, prod"),
        "{}",
        output_text(&out)
    );
    assert!(envs.silent(), "no request was sent");
}

#[test]
fn bad_server_lists_exit_2_before_any_request() {
    let org = OktaSandbox::start_background(SandboxConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let two = |extra: &str| {
        format!(
            "provider = \"okta\"\n[[servers]]\nname = \"a\"\nurl = \"https://a.example.com/mcp\"\nenv_file = \"x.env\"\n\
             [[servers]]\nname = \"b\"\nurl = \"https://b.example.com/mcp\"\n{extra}"
        )
    };
    let cases: [(String, &[&str]); 6] = [
        (
            two("name = \"a\"\n").replace("name = \"b\"\n", ""),
            &["plan"],
        ),
        (two("env_file = \"x.env\"\n"), &["plan"]),
        (two("audience = \"https://a.example.com/mcp\"\n"), &["plan"]),
        (two(""), &["plan", "--mcp-url", "https://c.example.com/mcp"]),
        (two(""), &["plan", "--mcp-name", "c"]),
        (two(""), &["client", "config", "claude"]),
    ];
    for (file, args) in cases {
        std::fs::write(dir.path().join("authsetup.toml"), &file).unwrap();
        let out = okta_cmd(&org, dir.path()).args(args).output().unwrap();
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{file}{args:?}: {text}");
        assert!(text.contains("hint:"), "{text}");
    }
    assert!(org.requests().is_empty());
}

/// Rounds of a resource-mode apply of `n` servers on a fresh Auth0 tenant, and the tenant.
fn apply_auth0_servers(n: usize) -> (World, usize) {
    let world = World::with_config(SandboxConfig {
        latency: std::time::Duration::from_millis(40),
        ..SandboxConfig::default()
    });
    world.write_auth0_servers(n);
    run(world
        .cmd()
        .env_remove("AUTH0_AUDIENCE")
        .args(["apply", "--yes"]));
    let rounds = world.sandbox.rounds();
    (world, rounds)
}

#[test]
fn three_auth0_servers_in_resource_mode_apply_in_the_rounds_of_one() {
    let (_one, one_rounds) = apply_auth0_servers(1);
    let (world, rounds) = apply_auth0_servers(3);
    assert_eq!(rounds, one_rounds, "three servers take the rounds of one");
    for (name, url) in SERVERS {
        assert!(world.resource_server(url).is_some(), "{name}'s API");
        assert_eq!(world.default_grants(url).len(), 1, "{name}'s grant");
        let env = read(&world.path(&format!("{name}.env")));
        assert!(env.contains(&format!("AUTH0_AUDIENCE={url}\n")), "{env}");
    }
    // What is the tenant's is written once, not once per server.
    let tenant_writes = |w: &World| {
        w.writes()
            .iter()
            .filter(|r| {
                r.path == "/api/v2/tenants/settings" || r.path.starts_with("/api/v2/connections")
            })
            .count()
    };
    let (one, _) = apply_auth0_servers(1);
    assert_eq!(tenant_writes(&world), tenant_writes(&one));

    world.sandbox.clear_log();
    let plan = world
        .cmd()
        .env_remove("AUTH0_AUDIENCE")
        .args(["plan", "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(plan.status.code(), Some(0), "{}", output_text(&plan));
    assert!(world.writes().is_empty());
}
