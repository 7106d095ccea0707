//! Auth0's modes through plan/apply/doctor: `--audience-mode resource` (no default audience) and
//! `--registration preregistered` (no open DCR, no domain-level connection), and the Management API on
//! a canonical domain beside a custom one.

use crate::common::{AUD, World, output_text};
use serde_json::{Value, json};

const CLIENT_NAME: &str = "Codex CLI (mcp)";
/// Both least-privilege modes.
const LEAST: [&str; 4] = [
    "--registration",
    "preregistered",
    "--audience-mode",
    "resource",
];

fn run(w: &World, args: &[&str]) -> std::process::Output {
    w.cmd().args(args).output().unwrap()
}

fn ok(w: &World, args: &[&str]) -> std::process::Output {
    let out = run(w, args);
    assert!(out.status.success(), "{args:?}: {}", output_text(&out));
    out
}

fn codex_client(w: &World) -> Option<Value> {
    w.sandbox
        .with_tenant(|t| t.clients.iter().find(|c| c["name"] == CLIENT_NAME).cloned())
}

#[test]
fn resource_mode_sets_the_quickstart_settings_and_a_rerun_writes_nothing() {
    let w = World::new();
    ok(&w, &["apply", "--audience-mode", "resource"]);
    let settings = w.settings();
    assert_eq!(settings["resource_parameter_profile"], "compatibility");
    assert_eq!(
        settings["authorization_response_iss_parameter_supported"],
        true
    );
    assert!(settings.get("default_audience").is_none(), "{settings}");
    // still DCR: the default grant and the domain-level connection are what DCR clients need
    assert_eq!(w.default_grants(AUD).len(), 1);
    assert_eq!(
        w.connection("Username-Password-Authentication").unwrap()["is_domain_connection"],
        true
    );

    w.sandbox.clear_log();
    ok(&w, &["apply", "--audience-mode", "resource"]);
    assert!(w.writes().is_empty(), "{:#?}", w.writes());
}

#[test]
fn switching_to_resource_mode_clears_a_default_audience_only_when_asked() {
    let w = World::new();
    ok(&w, &["apply", "--audience-mode", "default"]);
    assert_eq!(w.settings()["default_audience"], AUD);
    w.sandbox.clear_log();

    // With no mode asked for, a tenant that has a default audience keeps it, and the plan says
    // what switching would mean.
    let out = ok(&w, &["plan", "--exit-code"]);
    let text = output_text(&out);
    assert!(
        text.contains("already has a default audience")
            && text.contains("--audience-mode resource --replace-default-audience"),
        "{text}"
    );
    ok(&w, &["apply"]);
    assert_eq!(w.settings()["default_audience"], AUD);
    assert!(w.writes().is_empty(), "{:#?}", w.writes());

    let out = run(
        &w,
        &["plan", "--audience-mode", "resource", "--output", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["code"], "refused", "{doc}");
    assert!(
        doc["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("--replace-default-audience"),
        "{doc}"
    );
    assert!(w.writes().is_empty());

    let out = ok(
        &w,
        &[
            "plan",
            "--audience-mode",
            "resource",
            "--replace-default-audience",
            "--output",
            "json",
        ],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let change = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["resource"] == "tenant.resource_parameter")
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(
        change["fields"]["default_audience"],
        json!({"before": AUD, "after": ""})
    );
    ok(
        &w,
        &[
            "apply",
            "--audience-mode",
            "resource",
            "--replace-default-audience",
        ],
    );
    assert_eq!(w.settings()["default_audience"], "");
    assert_eq!(w.settings()["resource_parameter_profile"], "compatibility");
}

#[test]
fn preregistered_registers_a_first_party_client_and_opens_nothing_tenant_wide() {
    // latency lets concurrent requests overlap in the log, so rounds can be counted
    let w = World::with_config(authsetup_sandbox::SandboxConfig {
        latency: std::time::Duration::from_millis(40),
        ..authsetup_sandbox::SandboxConfig::default()
    });
    let out = ok(
        &w,
        &[&["apply"][..], &LEAST, &["--output", "json"]].concat(),
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = doc["warnings"].to_string();
    assert!(
        warnings.contains("nothing is opened tenant-wide"),
        "{warnings}"
    );
    for exposure in [
        "Dynamic Client Registration lets anyone",
        "domain-level connection is open",
        "default audience applies to every application",
    ] {
        assert!(!warnings.contains(exposure), "{exposure}: {warnings}");
    }

    let client = codex_client(&w).expect("Codex's client exists");
    let id = client["client_id"].as_str().unwrap().to_string();
    assert_eq!(client["is_first_party"], true);
    assert_eq!(client["app_type"], "native");
    assert_eq!(client["token_endpoint_auth_method"], "none");
    assert_eq!(
        client["grant_types"],
        json!(["authorization_code", "refresh_token"])
    );
    assert_eq!(
        client["callbacks"],
        json!(["http://127.0.0.1:1455/callback/epMNJ6P1xGQ9"]),
        "Codex's redirect URI for {AUD}, callback id from beyond.md §A3"
    );
    let grant = w.sandbox.with_tenant(|t| {
        t.client_grants
            .iter()
            .find(|g| g["client_id"] == id.as_str() && g["audience"] == AUD)
            .cloned()
    });
    assert_eq!(grant.expect("a grant for the API")["subject_type"], "user");
    let settings = w.settings();
    assert_ne!(
        settings["flags"]["enable_dynamic_client_registration"],
        true
    );
    assert!(settings.get("default_audience").is_none(), "{settings}");
    assert!(w.default_grants(AUD).is_empty());
    let connection = w.connection("Username-Password-Authentication").unwrap();
    assert_eq!(connection["is_domain_connection"], false);
    assert!(
        connection["enabled_clients"]
            .as_array()
            .unwrap()
            .contains(&json!(id))
    );
    let patched = w
        .writes()
        .into_iter()
        .any(|r| r.method == "PATCH" && r.path.ends_with("/clients"));
    assert!(patched, "the connection is enabled per client");
    // token → reads (no client yet, so nothing hangs off its id) → API, tenant, client → grant
    // and connection, which need the new client: 1 + 4 reads + 5 writes in 4 rounds
    let log = w.sandbox.requests();
    let reads = log.iter().filter(|r| r.method == "GET").count();
    assert_eq!((reads, w.writes().len()), (4, 5), "{log:#?}");
    assert!(w.sandbox.rounds() <= 4, "rounds: {}", w.sandbox.rounds());
    let env = w.env_file().unwrap();
    assert!(
        env.contains(&format!("AUTH0_CODEX_CLIENT_ID={id}\n")),
        "{env}"
    );

    w.sandbox.clear_log();
    ok(&w, &[&["apply"][..], &LEAST].concat());
    assert!(w.writes().is_empty(), "{:#?}", w.writes());
    // the re-run reads in two rounds: the client's grant and the connection's clients need its id
    let reads = w
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "GET")
        .count();
    assert_eq!(reads, 6);
    assert!(w.sandbox.rounds() <= 3, "rounds: {}", w.sandbox.rounds());
}

#[test]
fn codex_config_takes_the_preregistered_client_id_from_the_tenant() {
    let w = World::new();
    ok(&w, &["apply", "--registration", "preregistered"]);
    let id = codex_client(&w).unwrap()["client_id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = ok(
        &w,
        &[
            "codex",
            "config",
            // the spelling, kept as an alias of --registration
            "--client",
            "preregistered",
            "--mcp-url",
            AUD,
            "--output",
            "json",
        ],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let snippet = doc["snippet"].as_str().unwrap();
    assert!(
        snippet.contains(&format!("client_id = \"{id}\"")),
        "{snippet}"
    );
    assert!(snippet.contains("offline_access"), "{snippet}");
    assert_eq!(
        doc["redirect_uri"],
        "http://127.0.0.1:1455/callback/epMNJ6P1xGQ9"
    );
}

/// fidelity A2: a custom domain refuses Management API tokens; with the canonical domain beside
/// it the run works and the custom domain stays the issuer in `.env`.
#[test]
fn a_custom_domain_uses_the_management_domain_for_the_management_api() {
    let w = World::new();
    let custom = w.sandbox.base_url().replace("127.0.0.1", "localhost");
    let out = w
        .cmd()
        .env("AUTH0_DOMAIN", &custom)
        .args(["plan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(text.contains("--management-domain"), "{text}");
    assert!(!text.contains("check AUTH0_CLIENT_ID"), "{text}");

    let out = w
        .cmd()
        .env("AUTH0_DOMAIN", &custom)
        .env("AUTH0_MANAGEMENT_DOMAIN", w.sandbox.base_url())
        .args(["apply"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let env = w.env_file().unwrap();
    assert!(env.contains(&format!("AUTH0_DOMAIN={custom}\n")), "{env}");
}

/// The binary aimed at the sandbox's own demo MCP server (audience = its URL), so doctor can
/// read its protected-resource metadata on 127.0.0.1.
fn at_demo_server(w: &World) -> assert_cmd::Command {
    let mut cmd = w.cmd();
    cmd.env("AUTH0_AUDIENCE", w.sandbox.mcp_url())
        .env("MCP_URL", w.sandbox.mcp_url());
    cmd
}

/// `doctor --output json`'s tenant checks, by id: (status, fix).
fn tenant_checks(
    w: &World,
    modes: &[&str],
) -> std::collections::BTreeMap<String, (String, String)> {
    let out = at_demo_server(w)
        .args(["doctor", "--output", "json"])
        .args(modes)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["area"] == "tenant")
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                (
                    c["status"].as_str().unwrap().to_string(),
                    c["fix"].as_str().unwrap_or_default().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn doctor_expects_what_each_mode_sets_up() {
    for modes in [
        &[][..],
        &["--audience-mode", "resource"],
        &[
            "--audience-mode",
            "default",
            "--registration",
            "preregistered",
        ],
        &LEAST,
    ] {
        let w = World::new();
        let out = at_demo_server(&w)
            .arg("apply")
            .args(modes)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
        let checks = tenant_checks(&w, modes);
        let bad: Vec<_> = checks.iter().filter(|(_, (s, _))| s != "pass").collect();
        assert!(bad.is_empty(), "{modes:?}: {bad:#?}");
        // No mode asked for is the resource mode on a new tenant.
        let resource = !modes.contains(&"default");
        let preregistered = modes.contains(&"preregistered");
        assert_eq!(checks.contains_key("tenant.iss_parameter"), resource);
        assert_eq!(checks.contains_key("tenant.codex_client"), preregistered);
        assert_eq!(checks.contains_key("tenant.default_grant"), !preregistered);
        assert_eq!(checks.contains_key("tenant.rules"), !preregistered);

        // the same tenant judged in the other modes fails what those need
        let default_checks = tenant_checks(&w, &["--audience-mode", "default"]);
        let failed: Vec<&String> = default_checks
            .iter()
            .filter(|(_, (s, _))| s != "pass")
            .map(|(id, _)| id)
            .collect();
        if resource {
            assert!(
                failed.contains(&&"tenant.default_audience".to_string()),
                "{failed:?}"
            );
        }
        if preregistered {
            assert!(failed.contains(&&"tenant.dcr".to_string()), "{failed:?}");
        }
    }
}

#[test]
fn doctor_fails_a_leftover_default_audience_in_resource_mode() {
    let w = World::new();
    let out = at_demo_server(&w)
        .args(["apply", "--audience-mode", "resource"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let aud = w.sandbox.mcp_url();
    w.sandbox
        .with_tenant(|t| t.settings["default_audience"] = json!(aud));
    let checks = tenant_checks(&w, &["--audience-mode", "resource"]);
    let (status, fix) = &checks["tenant.default_audience"];
    assert_eq!(status, "fail");
    assert!(fix.contains("--replace-default-audience"), "{fix}");
}

/// fidelity A3: strict third-party (DCR) clients cannot sign in beside active Rules or with
/// Classic Login; a pre-registered first-party client is not affected.
#[test]
fn doctor_fails_rules_and_classic_login_for_dcr_and_warns_at_the_free_plan_quota() {
    let w = World::new();
    let out = at_demo_server(&w).arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    w.sandbox.with_tenant(|t| {
        t.rules.push(json!({"id": "rul_1", "name": "legacy", "enabled": true, "order": 1, "stage": "login_success"}));
        t.rules.push(json!({"id": "rul_2", "name": "off", "enabled": false, "order": 2, "stage": "login_success"}));
        t.prompts["universal_login_experience"] = json!("classic");
        for i in 0..10 {
            t.clients.push(json!({"client_id": format!("tpc_{i}"), "name": "Codex", "is_first_party": false, "app_type": "native"}));
        }
    });
    let checks = tenant_checks(&w, &[]);
    let (status, fix) = &checks["tenant.rules"];
    assert_eq!(status, "fail");
    assert!(fix.contains("--registration preregistered"), "{fix}");
    assert_eq!(checks["tenant.classic_login"].0, "fail");
    let (status, _) = &checks["tenant.third_party_apps"];
    assert_eq!(status, "warn");
    let rules_read = w
        .sandbox
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v2/rules")
        .expect("doctor read the rules");
    assert!(
        rules_read
            .query
            .unwrap_or_default()
            .contains("enabled=true")
    );
}

/// fidelity B3: a connection PATCH without `display_name` overwrites it with the name (OAS), so
/// promotion sends the one it read back.
#[test]
fn promoting_a_connection_keeps_its_display_name() {
    let w = World::new();
    w.sandbox
        .with_tenant(|t| t.connections[0]["display_name"] = json!("Acme SSO"));
    ok(&w, &["apply"]);
    let connection = w.connection("Username-Password-Authentication").unwrap();
    assert_eq!(connection["is_domain_connection"], true);
    assert_eq!(connection["display_name"], "Acme SSO");
}

/// fidelity B2: `dcr enable` turns on DCR alone; a tenant that switched
/// `enable_client_connections` off keeps it off.
#[test]
fn dcr_enable_leaves_enable_client_connections_off() {
    let w = World::new();
    w.sandbox.with_tenant(|t| {
        t.settings["flags"]["enable_client_connections"] = json!(false);
    });
    ok(&w, &["dcr", "enable"]);
    let flags = &w.settings()["flags"];
    assert_eq!(flags["enable_dynamic_client_registration"], true);
    assert_eq!(flags["enable_client_connections"], false);
}

/// A new callback port changes Codex's redirect URI: apply adds it to the client, keeping the
/// old one, and converges.
#[test]
fn a_new_callback_port_is_added_to_the_preregistered_client() {
    let w = World::new();
    let apply = |port: &str| {
        let out = at_demo_server(&w)
            .args([
                "apply",
                "--registration",
                "preregistered",
                "--callback-port",
                port,
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
    };
    apply("1455");
    apply("2000");
    let callbacks: Vec<String> = codex_client(&w).unwrap()["callbacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(callbacks.len(), 2, "{callbacks:?}");
    assert!(callbacks[0].starts_with("http://127.0.0.1:1455/callback/"));
    assert!(callbacks[1].starts_with("http://127.0.0.1:2000/callback/"));
    // doctor names what a port apply has not seen yet needs, and that apply mends it
    let checks = tenant_checks(
        &w,
        &["--registration", "preregistered", "--callback-port", "1999"],
    );
    let (status, fix) = &checks["tenant.codex_client"];
    assert_eq!(status, "fail");
    assert!(fix.contains("--registration preregistered"), "{fix}");
    w.sandbox.clear_log();
    apply("2000");
    assert!(w.writes().is_empty(), "{:#?}", w.writes());
}
