//! The Okta provider end to end: the built binary against the emulated Okta org.

use std::path::PathBuf;
use std::time::Duration;

use crate::common::{AUD, Org, output_text, read};
use assert_cmd::Command;
use authsetup_sandbox::{Fault, FaultKind, RateLimit, SandboxConfig, ServiceApp};
use serde_json::{Value, json};

const SERVER: &str = "MCP https://mcp.example.com/mcp";
const APP: &str = "Codex CLI (MCP https://mcp.example.com/mcp)";
/// Codex's redirect for AUD on the default callback port (notes/codex-mcp.md §A7).
const REDIRECT: &str = "http://127.0.0.1:1455/callback/epMNJ6P1xGQ9";

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    output_text(&out)
}

/// Everything issue 5 asks of a set-up org, read from the emulator's state.
fn assert_org_ready(o: &Org) -> (String, String) {
    let org = o.org();
    let server = org.server_named(SERVER).expect("the authorization server");
    assert_eq!(server.doc["audiences"], json!([AUD]));
    assert_eq!(server.doc["status"], "ACTIVE");
    let scope = server
        .scopes
        .iter()
        .find(|s| s["name"] == "mcp:access")
        .expect("the MCP scope");
    assert_eq!(scope["metadataPublish"], "ALL_CLIENTS");
    assert!(server.scopes.iter().any(|s| s["name"] == "offline_access"));
    let app = org.app_labelled(APP).expect("the Codex app");
    let client_id = app["id"].as_str().unwrap().to_string();
    assert_eq!(app["status"], "ACTIVE");
    assert_eq!(
        app["settings"]["oauthClient"]["redirect_uris"],
        json!([REDIRECT])
    );
    assert_eq!(app["settings"]["oauthClient"]["application_type"], "native");
    assert_eq!(
        app["settings"]["oauthClient"]["grant_types"],
        json!(["authorization_code", "refresh_token"])
    );
    assert_eq!(
        app["credentials"]["oauthClient"]["token_endpoint_auth_method"],
        "none"
    );
    assert_eq!(app["credentials"]["oauthClient"]["pkce_required"], true);
    assert_eq!(server.policies.len(), 1);
    let policy = &server.policies[0];
    assert_eq!(
        policy.doc["conditions"]["clients"]["include"],
        json!([client_id])
    );
    assert_eq!(policy.rules.len(), 1);
    let rule = &policy.rules[0];
    assert_eq!(
        rule["conditions"]["grantTypes"]["include"],
        json!(["authorization_code"]),
        "users allowed, client_credentials not"
    );
    assert_eq!(
        rule["conditions"]["people"]["groups"]["include"],
        json!(["EVERYONE"])
    );
    assert_eq!(rule["conditions"]["scopes"]["include"], json!(["*"]));
    let everyone = org.group_named("Everyone").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        org.assignments.contains(&(client_id.clone(), everyone)),
        "{:?}",
        org.assignments
    );
    (
        client_id,
        server.doc["issuer"].as_str().unwrap().to_string(),
    )
}

#[test]
fn fresh_org_is_set_up_codex_is_configured_and_a_second_apply_writes_nothing() {
    // Latency makes concurrency visible: concurrent requests overlap in the log.
    let o = Org::with_config(SandboxConfig {
        latency: Duration::from_millis(40),
        ..SandboxConfig::default()
    });
    run_ok(o.cmd().arg("apply"));
    let (client_id, issuer) = assert_org_ready(&o);
    assert_eq!(
        issuer,
        format!("{}/oauth2/{}", o.sandbox.base_url(), {
            o.org().server_named(SERVER).unwrap().doc["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
    );
    let env = o.env_file().expect(".env written");
    for line in [
        format!("OKTA_DOMAIN={}\n", o.sandbox.base_url()),
        format!("OKTA_ISSUER={issuer}\n"),
        format!("OKTA_AUDIENCE={AUD}\n"),
        format!("OKTA_CLIENT_ID={client_id}\n"),
    ] {
        assert!(env.contains(&line), "{line} missing from {env}");
    }

    // The dependency chain server → policy → rule makes three write rounds after one read
    // round: 3 reads + 6 writes in 4 rounds.
    let log = o.sandbox.requests();
    let reads = log.iter().filter(|r| r.method == "GET").count();
    assert_eq!((reads, o.writes().len()), (3, 6), "{log:#?}");
    assert_eq!(o.sandbox.rounds(), 4, "{log:#?}");

    // `codex config` finds the client by reading the org.
    o.sandbox.clear_log();
    run_ok(
        o.cmd()
            .args(["codex", "config", "--write", "--codex-home", "codex"]),
    );
    let config = read(&o.path("codex/config.toml"));
    assert!(
        config.contains("[mcp_servers.mcp.oauth]\n")
            && config.contains(&format!("client_id = \"{client_id}\"")),
        "{config}"
    );
    assert!(o.writes().is_empty(), "codex config only reads the org");

    o.sandbox.clear_log();
    let text = run_ok(o.cmd().arg("apply"));
    assert!(o.writes().is_empty(), "{:#?}", o.writes());
    assert!(text.contains("already matches"), "{text}");
    println!("second apply: {} rounds", o.sandbox.rounds());
}

#[test]
fn plan_shows_default_audience_as_not_applicable_and_the_step_says_so() {
    let o = Org::new();
    let out = o.cmd().args(["plan", "--output", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let da = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["resource"] == "tenant.default_audience")
        .expect("the step is listed");
    assert_eq!(da["action"], "none");
    assert_eq!(
        da["fields"]["default_audience"]["after"],
        "not applicable on Okta"
    );
    let text = run_ok(o.cmd().args(["tenant", "default-audience"]));
    assert!(text.contains("no tenant default audience"), "{text}");
    assert!(o.writes().is_empty());
}

#[test]
fn an_org_without_api_access_management_fails_with_the_explanation() {
    let o = Org::new();
    o.sandbox.with_org(|org| org.api_access_management = false);
    let out = o.cmd().arg("apply").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(text.contains("API Access Management"), "{text}");
    assert!(text.contains("E0000015"), "{text}");
    assert!(text.contains("hint:"), "{text}");
    assert!(
        o.writes().is_empty(),
        "nothing is written: {:#?}",
        o.writes()
    );
    assert!(o.env_file().is_none());
}

/// `apply --verbose` with the service app's credentials; the org must end up set up.
fn apply_as_service_app(o: &Org, client_id: &str, key: impl AsRef<std::ffi::OsStr>) -> String {
    let text = run_ok(
        o.bare()
            .args(["apply", "--verbose"])
            .env("OKTA_CLIENT_ID", client_id)
            .env("OKTA_PRIVATE_KEY", key),
    );
    assert_org_ready(o);
    text
}

#[test]
fn a_service_app_with_a_pem_key_signs_its_way_in_and_no_secret_is_printed() {
    let o = Org::new();
    let (app, pem) = ServiceApp::generate(false);
    let client_id = app.client_id.clone();
    o.sandbox.with_org(|org| org.service_apps.push(app));
    std::fs::write(o.path("service.pem"), &pem).unwrap();
    let text = apply_as_service_app(&o, &client_id, o.path("service.pem"));
    let log = o.sandbox.requests();
    let token = log
        .iter()
        .filter(|r| r.path == "/oauth2/v1/token")
        .collect::<Vec<_>>();
    assert_eq!(token.len(), 1, "{log:#?}");
    assert!(
        token[0].body.contains("client_assertion=[REDACTED]"),
        "{}",
        token[0].body
    );
    let key_body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    assert!(!text.contains(&key_body[..40]), "the key leaked");
    assert!(text.contains("client_assertion=[redacted]"), "{text}");
    assert!(
        !text.contains("eyJ"),
        "a JWT (assertion or token) leaked: {text}"
    );
}

/// CI secret stores hand the key over as text: `OKTA_PRIVATE_KEY` may hold it instead of a path.
/// A value that is neither a key nor a file is refused without being shown (security review
/// finding 5), in human and JSON output.
#[test]
fn okta_private_key_may_hold_the_key_itself_and_a_broken_one_is_never_shown() {
    let o = Org::new();
    let (app, pem) = ServiceApp::generate(false);
    let client_id = app.client_id.clone();
    o.sandbox.with_org(|org| org.service_apps.push(app));
    apply_as_service_app(&o, &client_id, &pem);

    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let secret = &body[40..80];
    let broken = [
        body.clone(),
        pem[..pem.len() / 2].to_string(),
        format!("{{\"kty\":\"RSA\",\"d\":\"{secret}\"}}"),
    ];
    for key in &broken {
        for format in ["human", "json"] {
            let out = o
                .bare()
                .args(["plan", "--output", format])
                .env("OKTA_CLIENT_ID", &client_id)
                .env("OKTA_PRIVATE_KEY", key)
                .output()
                .unwrap();
            let text = output_text(&out);
            assert_eq!(out.status.code(), Some(2), "{text}");
            assert!(text.contains("OKTA_PRIVATE_KEY"), "{text}");
            assert!(!text.contains(secret), "the key was shown: {text}");
        }
    }
}

#[test]
fn a_service_app_with_an_rsa_jwk_follows_the_dpop_nonce_dance() {
    let o = Org::new();
    let jwk_file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/okta/service-app-rsa.jwk");
    let private: Value = serde_json::from_str(&read(&jwk_file)).unwrap();
    let public = json!({
        "kty": "RSA", "kid": private["kid"], "n": private["n"], "e": private["e"],
    });
    let (mut app, _) = ServiceApp::generate(true);
    app.keys = vec![public];
    let client_id = app.client_id.clone();
    o.sandbox.with_org(|org| org.service_apps.push(app));
    let text = apply_as_service_app(&o, &client_id, &jwk_file);
    let log = o.sandbox.requests();
    let statuses: Vec<u16> = log
        .iter()
        .filter(|r| r.path == "/oauth2/v1/token")
        .map(|r| r.status)
        .collect();
    // no proof → invalid_dpop_proof; proof without nonce → use_dpop_nonce; then the token
    assert_eq!(statuses, [400, 400, 200], "{log:#?}");
    assert!(
        log.iter()
            .all(|r| r.status < 300 || r.path == "/oauth2/v1/token"),
        "{log:#?}"
    );
    assert!(text.contains("DPoP: [redacted]"), "{text}");
    assert!(!text.contains(private["d"].as_str().unwrap()));
}

#[test]
fn unusable_credentials_are_bad_input_before_any_request() {
    let o = Org::new();
    std::fs::write(o.path("garbage.pem"), "not a key").unwrap();
    for (key, id) in [
        (o.path("garbage.pem"), Some("0oa1")),
        (o.path("missing.pem"), Some("0oa1")),
        (o.path("garbage.pem"), None),
    ] {
        let mut cmd = o.bare();
        cmd.arg("apply").env("OKTA_PRIVATE_KEY", &key);
        if let Some(id) = id {
            cmd.env("OKTA_CLIENT_ID", id);
        }
        let out = cmd.output().unwrap();
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("hint:") && text.contains("OKTA_"), "{text}");
        assert_eq!(
            text.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{text}"
        );
    }
    let out = o.bare().arg("plan").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(output_text(&out).contains("OKTA_API_TOKEN"));
    assert!(
        o.sandbox.requests().is_empty(),
        "{:#?}",
        o.sandbox.requests()
    );
}

#[test]
fn rate_limits_are_waited_out_and_423_is_retried() {
    let o = Org::with_config(SandboxConfig {
        rate_limit: Some(RateLimit {
            per_second: 4,
            burst: 2,
            retry_after: false,
        }),
        ..SandboxConfig::default()
    });
    o.sandbox.inject(
        Fault::new(FaultKind::Status(423), "/api/v1/authorizationServers")
            .method("POST")
            .times(1),
    );
    let started = std::time::Instant::now();
    run_ok(o.cmd().arg("apply"));
    assert_org_ready(&o);
    let log = o.sandbox.requests();
    assert!(log.iter().any(|r| r.status == 423), "{log:#?}");
    let limited = log.iter().filter(|r| r.status == 429).count();
    println!("{limited} answers were 429 in {:?}", started.elapsed());
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn lists_are_followed_across_pages() {
    let o = Org::new();
    run_ok(o.cmd().arg("apply"));
    // 205 look-alikes ahead of the real app push it onto the second page (limit 200).
    o.sandbox.with_org(|org| {
        let real = org.apps.pop().unwrap();
        for i in 0..205 {
            let mut decoy = real.clone();
            decoy["id"] = json!(format!("0oaDecoy{i:012}"));
            decoy["label"] = json!(format!("{APP} old {i}"));
            org.apps.push(decoy);
        }
        org.apps.push(real);
    });
    o.sandbox.clear_log();
    run_ok(o.cmd().arg("apply"));
    assert!(o.writes().is_empty(), "{:#?}", o.writes());
    let pages = o
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v1/apps")
        .count();
    assert_eq!(pages, 2);
}

#[test]
fn a_drifted_app_and_a_missing_assignment_are_repaired() {
    let o = Org::new();
    run_ok(o.cmd().arg("apply"));
    o.sandbox.with_org(|org| {
        let app = org.apps.iter_mut().find(|a| a["label"] == APP).unwrap();
        app["settings"]["oauthClient"]["redirect_uris"] =
            json!(["http://localhost:1455/auth/callback"]);
        org.assignments.clear();
    });
    o.sandbox.clear_log();
    let out = o.cmd().args(["plan", "--output", "json"]).output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let updates: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["action"] != "none")
        .map(|c| c["resource"].as_str().unwrap())
        .collect();
    assert_eq!(updates.len(), 2, "{updates:?}");
    run_ok(o.cmd().arg("apply"));
    assert_org_ready(&o);
}

/// `doctor --output json` without an MCP server to reach: (exit code, checks by id).
fn doctor(o: &Org) -> (Option<i32>, Vec<Value>) {
    let out = o
        .cmd()
        .args(["doctor", "--output", "json", "--codex-home", "codex"])
        .env_remove("MCP_URL")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
    (out.status.code(), doc["checks"].as_array().unwrap().clone())
}

fn check<'a>(checks: &'a [Value], id: &str) -> &'a Value {
    checks
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id}: {checks:#?}"))
}

#[test]
fn doctor_passes_after_apply_and_names_the_fix_for_a_wrong_redirect_or_assignment() {
    let o = Org::new();
    run_ok(o.cmd().arg("apply"));
    run_ok(
        o.cmd()
            .args(["codex", "config", "--write", "--codex-home", "codex"]),
    );
    let (code, checks) = doctor(&o);
    let failed: Vec<&Value> = checks.iter().filter(|c| c["status"] == "fail").collect();
    assert_eq!(code, Some(0), "{failed:#?}");
    assert_eq!(check(&checks, "okta.app")["status"], "pass");
    assert_eq!(check(&checks, "oauth.issuer")["status"], "pass");
    // Okta's registration endpoint needs an API token: Codex logs in with the client authsetup
    // registered, and doctor says so instead of "Codex registers itself there".
    for id in ["oauth.registration", "oauth.cimd"] {
        let c = check(&checks, id);
        assert_eq!(c["status"], "pass", "{c}");
        assert!(
            c["message"]
                .as_str()
                .unwrap()
                .contains("pre-registered client"),
            "{c}"
        );
    }
    let probe = check(&checks, "oauth.dcr_probe");
    assert_eq!(probe["status"], "skip", "{probe}");
    assert_eq!(probe["fix"], Value::Null, "no probe to suggest: {probe}");

    o.sandbox.with_org(|org| {
        let app = org.apps.iter_mut().find(|a| a["label"] == APP).unwrap();
        app["settings"]["oauthClient"]["redirect_uris"] =
            json!(["http://localhost:1455/auth/callback"]);
    });
    let (code, checks) = doctor(&o);
    assert_eq!(code, Some(1));
    let app = check(&checks, "okta.app");
    assert_eq!(app["status"], "fail", "{app}");
    assert!(app["message"].as_str().unwrap().contains(REDIRECT), "{app}");
    assert_eq!(app["fix"], "authsetup dcr enable");

    run_ok(o.cmd().args(["dcr", "enable"]));
    o.sandbox.with_org(|org| org.assignments.clear());
    o.sandbox.clear_log();
    let (code, checks) = doctor(&o);
    assert_eq!(code, Some(1));
    let assignment = check(&checks, "okta.assignment");
    assert_eq!(assignment["status"], "fail", "{assignment}");
    assert_eq!(assignment["fix"], "authsetup connection promote");
    assert_eq!(check(&checks, "okta.app")["status"], "pass");
    assert!(
        o.writes().is_empty(),
        "doctor writes nothing: {:#?}",
        o.writes()
    );
}

/// Security review finding 4: an issuer that is not one Okta gives (here a shell command inside
/// a foreign plain-HTTP URL) is refused before any tenant write and never reaches the `.env`.
#[test]
fn an_issuer_okta_would_not_give_stops_the_run_before_any_write() {
    let o = Org::new();
    run_ok(o.cmd().arg("apply"));
    std::fs::remove_file(o.path(".env")).unwrap();
    let hostile = "http://192.0.2.2:18001/x\"$(touch pwned)`touch pwned`";
    o.sandbox.with_org(|org| {
        let server = org.servers.iter_mut().find(|s| s.doc["name"] == SERVER);
        server.unwrap().doc["issuer"] = json!(hostile);
        // Drift, so that the apply has a write to make.
        org.assignments.clear();
    });
    o.sandbox.clear_log();
    for args in [&["apply"][..], &["env", "write"]] {
        let out = o.cmd().args(args).output().unwrap();
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains("issuer"), "{text}");
        assert!(o.env_file().is_none(), "{args:?} wrote .env");
    }
    assert!(o.writes().is_empty(), "{:#?}", o.writes());
    assert!(!o.path("pwned").exists());
}

/// A callback URL the user's Codex config already sets is the base of the redirect URI Codex
/// sends (notes/codex-mcp.md §A7; Okta is not issuer-bound, so the callback id is appended):
/// the app must allow that one, not the default.
#[test]
fn the_app_allows_the_redirect_of_a_callback_url_in_the_codex_config() {
    let o = Org::new();
    std::fs::create_dir_all(o.path(".codex")).unwrap();
    std::fs::write(
        o.path(".codex/config.toml"),
        "[mcp_servers.mcp.oauth]\ncallback_url = \"http://localhost:1455/oauth/callback/\"\n",
    )
    .unwrap();
    run_ok(o.cmd().arg("apply"));
    let app = o.org().app_labelled(APP).cloned().expect("the Codex app");
    let id = REDIRECT.rsplit('/').next().unwrap();
    assert_eq!(
        app["settings"]["oauthClient"]["redirect_uris"],
        json!([format!("http://localhost:1455/oauth/callback/{id}")])
    );
}

/// A Codex config that `codex config --write` would refuse stops it before it asks the org for
/// the client id (exit 2, no request).
#[test]
fn a_codex_config_it_cannot_merge_is_refused_before_any_request() {
    let o = Org::new();
    std::fs::create_dir_all(o.path(".codex")).unwrap();
    let stdio = "[mcp_servers.mcp]\ncommand = \"mcp-server\"\n";
    std::fs::write(o.path(".codex/config.toml"), stdio).unwrap();
    let out = o
        .cmd()
        .args(["codex", "config", "--write"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(output_text(&out).contains("is a stdio server"));
    assert!(
        o.sandbox.requests().is_empty(),
        "{:?}",
        o.sandbox.requests()
    );
    assert_eq!(read(&o.path(".codex/config.toml")), stdio);
}
