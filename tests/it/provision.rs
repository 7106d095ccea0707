//! `apply`, `plan` and the step subcommands against the emulated Auth0 tenant.

use crate::common::{AUD, World, output_text};
use authsetup_sandbox::{Fault, FaultKind, RateLimit, SandboxConfig};
use serde_json::Value;

fn assert_tenant_ready(w: &World) {
    let rs = w.resource_server(AUD).expect("the API exists");
    assert_eq!(rs["signing_alg"], "RS256");
    assert_eq!(rs["allow_offline_access"], true);
    assert_eq!(
        rs["subject_type_authorization"]["user"]["policy"],
        "allow_all"
    );
    assert_eq!(
        rs["subject_type_authorization"]["client"]["policy"],
        "deny_all"
    );
    // The resource mode a new tenant gets: Codex's `resource` picks the API, no default audience.
    let settings = w.settings();
    assert_eq!(settings["resource_parameter_profile"], "compatibility");
    assert_eq!(
        settings["authorization_response_iss_parameter_supported"],
        true
    );
    assert!(
        matches!(settings["default_audience"].as_str(), None | Some("")),
        "{settings:#}"
    );
    assert_eq!(
        settings["flags"]["enable_dynamic_client_registration"],
        true
    );
    assert_ne!(settings["flags"]["enable_client_connections"], false);
    let grants = w.default_grants(AUD);
    assert_eq!(grants.len(), 1, "{grants:?}");
    assert_eq!(grants[0]["subject_type"], "user");
    let conn = w.connection("Username-Password-Authentication").unwrap();
    assert_eq!(conn["is_domain_connection"], true);
}

#[test]
fn fresh_tenant_is_set_up_and_a_second_apply_writes_nothing() {
    // Latency makes concurrency visible in the log: with instant answers, concurrent requests
    // would not overlap and every request would count as its own round.
    let w = World::with_config(SandboxConfig {
        latency: std::time::Duration::from_millis(40),
        ..SandboxConfig::default()
    });
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_tenant_ready(&w);
    let env = w.env_file().expect(".env written");
    assert!(
        env.contains(&format!("AUTH0_DOMAIN={}\n", w.sandbox.base_url())),
        "{env}"
    );
    assert!(env.contains(&format!("AUTH0_AUDIENCE={AUD}\n")), "{env}");

    // The fresh-apply budget of the issue: 1 token + 4 reads + 4 writes in at most 4 rounds.
    let log = w.sandbox.requests();
    let tokens = log.iter().filter(|r| r.path == "/oauth/token").count();
    let reads = log.iter().filter(|r| r.method == "GET").count();
    assert_eq!((tokens, reads, w.writes().len()), (1, 4, 4), "{log:#?}");
    assert!(w.sandbox.rounds() <= 4, "rounds: {}", w.sandbox.rounds());

    w.sandbox.clear_log();
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(w.writes().is_empty(), "{:#?}", w.writes());
    assert!(w.sandbox.rounds() <= 2, "rounds: {}", w.sandbox.rounds());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already matches"));
}

#[test]
fn plan_writes_nothing_anywhere_and_lists_every_change() {
    let w = World::new();
    let out = w.cmd().args(["plan", "--output", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(w.writes().is_empty());
    assert!(w.env_file().is_none(), "plan must not write .env");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    let changes = doc["changes"].as_array().unwrap();
    let action = |prefix: &str| {
        changes
            .iter()
            .find(|c| c["resource"].as_str().unwrap().starts_with(prefix))
            .map(|c| c["action"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no change for {prefix}: {doc}"))
    };
    assert_eq!(action("resource_server:"), "create");
    assert_eq!(action("client_grant."), "create");
    assert_eq!(action("tenant.resource_parameter"), "update");
    assert_eq!(action("tenant.flags"), "update");
    assert_eq!(action("connection:"), "update");
    assert_eq!(action("env_file:"), "create");
    let rp = changes
        .iter()
        .find(|c| c["resource"] == "tenant.resource_parameter")
        .unwrap();
    assert_eq!(
        rp["fields"]["resource_parameter_profile"]["after"],
        "compatibility"
    );
    assert_eq!(
        rp["fields"]["authorization_response_iss_parameter_supported"]["after"],
        true
    );
    assert!(
        !changes
            .iter()
            .any(|c| c["resource"] == "tenant.default_audience"),
        "{doc}"
    );
}

#[test]
fn a_different_default_audience_is_refused_and_left_intact() {
    let w = World::new();
    w.sandbox
        .with_tenant(|t| t.settings["default_audience"] = "https://other.example/".into());
    let out = w.cmd().arg("apply").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(
        text.contains("https://other.example/") && text.contains("--replace-default-audience"),
        "{text}"
    );
    assert!(
        w.writes().is_empty(),
        "nothing is written when the plan is refused"
    );
    assert_eq!(w.settings()["default_audience"], "https://other.example/");
    assert!(w.env_file().is_none());

    let out = w
        .cmd()
        .args(["apply", "--replace-default-audience"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(w.settings()["default_audience"], AUD);
}

#[test]
fn a_missing_connection_is_named_with_the_alternatives_or_created_on_request() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["apply", "--connection", "Corp-Users"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = output_text(&out);
    assert!(
        text.contains("Corp-Users") && text.contains("Username-Password-Authentication"),
        "{text}"
    );
    assert!(w.writes().is_empty());

    let out = w
        .cmd()
        .args(["connection", "promote", "Corp-Users", "--create-connection"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let c = w.connection("Corp-Users").expect("created");
    assert_eq!(c["is_domain_connection"], true);
    assert_eq!(c["strategy"], "auth0");
}

#[test]
fn a_token_without_update_tenant_settings_fails_naming_the_scope_before_any_write() {
    let w = World::new();
    let scopes: Vec<&str> = authsetup_sandbox::Sandbox::all_scopes()
        .iter()
        .copied()
        .filter(|s| *s != "update:tenant_settings")
        .collect();
    let token = w.sandbox.issue_token(&scopes);
    let out = w
        .cmd()
        .env_remove("AUTH0_CLIENT_ID")
        .env_remove("AUTH0_CLIENT_SECRET")
        .env("AUTH0_MGMT_TOKEN", &token)
        .arg("apply")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(text.contains("update:tenant_settings"), "{text}");
    assert!(!text.contains(&token));
    assert!(w.writes().is_empty());
    assert!(w.env_file().is_none(), "no .env after a failure");
}

/// A tenant behind Auth0's free-tier Management API limit: 2 requests/s, burst 2, no
/// `Retry-After`.
fn free_tier() -> World {
    World::with_config(SandboxConfig {
        rate_limit: Some(RateLimit {
            per_second: 2,
            burst: 2,
            retry_after: false,
        }),
        ..SandboxConfig::default()
    })
}

#[test]
fn the_free_tier_rate_limit_still_converges_without_showing_a_429() {
    let w = free_tier();
    let out = w.cmd().arg("apply").output().unwrap();
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        !text.contains("429") && !text.to_lowercase().contains("too many"),
        "{text}"
    );
    assert_tenant_ready(&w);
}

/// The free tier's second run in a row meets an empty bucket; the answers the first run left
/// in the cache let the second pace from its first request instead of finding out by 429s.
#[test]
fn a_second_run_on_the_free_tier_paces_from_the_remembered_answers() {
    let w = free_tier();
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let cache: Value = serde_json::from_slice(
        &std::fs::read(w.path(".cache/authsetup/rate-limits.json")).unwrap(),
    )
    .unwrap();
    let entry = &cache[w.sandbox.base_url()];
    assert_eq!(entry["limit"], 2, "{cache}");
    let remembered = entry["answers"].as_array().map_or(0, Vec::len);
    // The eight Management API answers and the first contact's 429s, every one remembered.
    assert!(remembered >= 8, "{cache}");

    w.sandbox.clear_log();
    let out = w.cmd().args(["apply"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let log = w.sandbox.requests();
    let limited = log.iter().filter(|r| r.status == 429).count();
    assert!(limited <= 1, "{log:#?}");
    assert_eq!(log.len() - limited, 5, "the token and four reads: {log:#?}");
}

#[test]
fn two_503s_then_success() {
    let w = World::new();
    w.sandbox.inject(Fault {
        method: Some("GET".into()),
        path_prefix: "/api/v2/tenants/settings".into(),
        times: 2,
        kind: FaultKind::Status(503),
    });
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_tenant_ready(&w);
    let settings_reads = w
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path == "/api/v2/tenants/settings")
        .map(|r| r.status)
        .collect::<Vec<_>>();
    assert_eq!(settings_reads, vec![503, 503, 200]);
}

#[test]
fn bad_input_exits_2_before_any_request() {
    let w = World::new();
    let cases: [(&[&str], &str); 5] = [
        (&["apply", "--audience", "not a uri"], "audience"),
        (&["apply", "--audience", "mcp-api"], "absolute URI"),
        (
            &["apply", "--domain", "http://tenant.example.com"],
            "loopback",
        ),
        (
            &["apply", "--domain", "https://tenant.example.com/api/v2"],
            "path",
        ),
        (&["apply", "--connection", "bad name!"], "connection name"),
    ];
    for (args, needle) in cases {
        let out = w.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            output_text(&out)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(stderr.contains("hint:"), "{args:?}: {stderr}");
    }
    let out = w
        .bare()
        .arg("apply")
        .env("AUTH0_DOMAIN", w.sandbox.base_url())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "missing audience: {}",
        output_text(&out)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("AUTH0_AUDIENCE"));
    let out = w
        .bare()
        .arg("apply")
        .env("AUTH0_DOMAIN", w.sandbox.base_url())
        .env("AUTH0_AUDIENCE", AUD)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "missing credentials: {}",
        output_text(&out)
    );
    assert!(
        w.sandbox.requests().is_empty(),
        "{:#?}",
        w.sandbox.requests()
    );
}

#[test]
fn env_merge_keeps_comments_and_unrelated_keys() {
    let w = World::new();
    let original = "# my MCP server\nPORT=8080\nAUTH0_DOMAIN=old.eu.auth0.com # set by hand\n\nexport LOG_LEVEL=debug\n";
    std::fs::write(w.path(".env"), original).unwrap();
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let env = w.env_file().unwrap();
    let expected = format!(
        "# my MCP server\nPORT=8080\nAUTH0_DOMAIN={}\n\nexport LOG_LEVEL=debug\nAUTH0_AUDIENCE={AUD}\n",
        w.sandbox.base_url()
    );
    assert_eq!(env, expected);
}

#[test]
fn an_unparseable_env_file_is_refused_untouched_before_any_request() {
    let w = World::new();
    let original = "PORT=8080\nthis line is not an assignment\n";
    std::fs::write(w.path(".env"), original).unwrap();
    let out = w.cmd().arg("apply").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    assert_eq!(w.env_file().unwrap(), original);
    assert!(w.sandbox.requests().is_empty());
}

/// Security review finding 17: a line that does not parse may be a secret pasted without its
/// name; the error names the line number only, in plan's message and in doctor's JSON report.
#[test]
fn an_env_parse_error_names_the_line_without_its_text() {
    let w = World::new();
    let leak = "STRIPE_KEY: sk_live_SECRETVALUE123=abc";
    std::fs::write(w.path(".env"), format!("PORT=8080\n{leak}\n")).unwrap();
    for args in [&["plan"][..], &["doctor", "--output", "json"]] {
        let out = w.cmd().args(args).output().unwrap();
        let text = output_text(&out);
        assert!(text.contains("line 2"), "{args:?}: {text}");
        assert!(!text.contains("SECRETVALUE"), "{args:?}: {text}");
    }
}

#[cfg(unix)]
#[test]
fn a_new_env_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let w = World::new();
    let out = w.cmd().args(["env", "write"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let mode = std::fs::metadata(w.path(".env"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        w.sandbox.requests().is_empty(),
        "env write needs no request on Auth0"
    );
}

#[test]
fn secrets_never_reach_the_output_even_when_verbose() {
    let w = World::new();
    let out = w.cmd().args(["apply", "--verbose"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(text.contains("trace:"), "verbose traces are printed");
    assert!(
        !text.contains(&w.sandbox.client_secret()),
        "client secret leaked"
    );
    assert!(!text.contains("eyJ"), "a token leaked: {text}");

    let token = w
        .sandbox
        .issue_token(authsetup_sandbox::Sandbox::all_scopes());
    let out = w
        .cmd()
        .env_remove("AUTH0_CLIENT_ID")
        .env_remove("AUTH0_CLIENT_SECRET")
        .env("AUTH0_MGMT_TOKEN", &token)
        .args(["plan", "--verbose", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(!output_text(&out).contains(&token));
}

#[test]
fn each_step_touches_only_its_own_resources() {
    let w = World::new();
    let out = w.cmd().args(["dcr", "enable"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let writes = w.writes();
    assert_eq!(writes.len(), 1, "{writes:#?}");
    assert_eq!(
        (writes[0].method.as_str(), writes[0].path.as_str()),
        ("PATCH", "/api/v2/tenants/settings")
    );
    let body: Value = serde_json::from_str(&writes[0].body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"flags": {"enable_dynamic_client_registration": true}})
    );
    assert!(w.resource_server(AUD).is_none());
    assert!(w.env_file().is_none(), "a tenant step does not write .env");

    w.sandbox.clear_log();
    let out = w.cmd().args(["policy", "set"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "policy needs the API: {}",
        output_text(&out)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("api create"));

    for step in [
        &["api", "create"][..],
        &["policy", "set"],
        &["tenant", "default-audience"],
        &["connection", "promote"],
    ] {
        let out = w.cmd().args(step).output().unwrap();
        assert!(out.status.success(), "{step:?}: {}", output_text(&out));
    }
    assert_tenant_ready(&w);
}

/// Security review finding 6 / new-user finding 6: a folder that takes no new file is found
/// before the first request, not after the tenant writes. Even root cannot create a file in
/// /proc, so this holds whoever runs the tests.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_takes_no_new_file_stops_the_apply_before_any_request() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["apply", "--env-file", "/proc/.env"])
        .output()
        .unwrap();
    let text = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("cannot create a file in /proc"), "{text}");
    assert!(text.contains("hint:"), "{text}");
    assert!(
        w.sandbox.requests().is_empty(),
        "{:#?}",
        w.sandbox.requests()
    );
}

/// Security review findings 6 and 14: a link whose chain leaves the folder in its second hop is
/// refused like a one-hop link, and before the first request.
#[cfg(unix)]
#[test]
fn a_symlink_chain_out_of_the_folder_is_refused_before_any_request() {
    let w = World::new();
    let (srv, outside) = (w.path("srv"), w.path("outside"));
    std::fs::create_dir_all(&srv).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("real.env"), "OTHER_PROJECT_SECRET=s3cr3t\n").unwrap();
    std::os::unix::fs::symlink("../outside/real.env", srv.join("link2")).unwrap();
    std::os::unix::fs::symlink("link2", srv.join(".env")).unwrap();
    let out = w
        .cmd()
        .args(["apply", "--env-file", "srv/.env"])
        .output()
        .unwrap();
    let text = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("outside its folder"), "{text}");
    assert!(
        w.sandbox.requests().is_empty(),
        "{:#?}",
        w.sandbox.requests()
    );
    assert!(
        std::fs::symlink_metadata(srv.join("link2"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("real.env")).unwrap(),
        "OTHER_PROJECT_SECRET=s3cr3t\n"
    );
}

/// Security review finding 12: the run lock lives beside the `.env`, not in the temp folder, and
/// is gone after the run.
#[test]
fn an_unusable_temp_folder_does_not_stop_an_apply_and_no_lock_is_left() {
    let w = World::new();
    let out = w
        .cmd()
        .arg("apply")
        .env("TMPDIR", w.path("missing-tmp"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_tenant_ready(&w);
    assert!(w.env_file().is_some());
    assert!(!w.path(".env.authsetup.lock").exists());
}

/// `plan --exit-code` for CI: 3 while changes are pending, 0 once the tenant matches, 1 on an
/// error; plain `plan` exits 0 either way. The JSON plan counts the changes.
#[test]
fn plan_exit_code_tells_drift_from_sync_and_from_failure() {
    let w = World::new();
    let plan = |extra: &[&str]| {
        w.cmd()
            .args(["plan", "--output", "json"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = plan(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let out = plan(&["--exit-code"]);
    assert_eq!(out.status.code(), Some(3), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("the plan is still printed");
    assert_eq!(doc["has_changes"], true, "{doc}");
    assert_eq!(doc["provider"], "auth0", "{doc}");
    assert_eq!(doc["tenant"], w.sandbox.base_url(), "{doc}");
    assert_eq!(doc["audience"], AUD, "{doc}");
    assert_eq!(doc["summary"]["create"], 4, "{doc}");
    assert_eq!(doc["summary"]["update"], 3, "{doc}");
    assert_eq!(doc["summary"]["unchanged"], 0, "{doc}");
    assert!(w.writes().is_empty());

    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let out = plan(&["--exit-code"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["has_changes"], false, "{doc}");
    assert_eq!(doc["summary"]["unchanged"], 7, "{doc}");

    let out = w
        .cmd()
        .env("AUTH0_CLIENT_SECRET", "wrong")
        .args(["plan", "--exit-code", "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["code"], "api_error", "{doc}");
}

/// Every kind of JSON document the binary prints follows docs/output.schema.json.
#[test]
fn json_documents_follow_the_published_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/output.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let w = World::new();
    type Run = (
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
    );
    let runs: [Run; 12] = [
        (&["plan"], &[]),
        (&["plan", "--bogus"], &[]),
        (&["plan", "--domain=-x.auth0.com"], &[]),
        (&["plan"], &[("AUTH0_AUDIENCE", "")]),
        (&["apply", "--connection", "Nope"], &[]),
        (&["apply"], &[]),
        (&["doctor"], &[]),
        (&["codex", "config", "--mcp-url", AUD], &[]),
        (&["plan"], &[("AUTH0_CLIENT_SECRET", "wrong")]),
        (&["plan", "--destroy"], &[]),
        (&["clients", "list"], &[]),
        (&["destroy"], &[]),
    ];
    let mut codes = Vec::new();
    for (args, env) in runs {
        let mut cmd = w.cmd();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd
            .env("AUTHSETUP_OUTPUT", "json")
            .args(args)
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", output_text(&out)));
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}\n{doc:#}");
        assert_eq!(doc["version"], 1);
        codes.push(doc["error"]["code"].as_str().unwrap_or("-").to_string());
    }
    assert_eq!(
        codes,
        [
            "-",
            "usage",
            "invalid_value",
            "missing_value",
            "refused",
            "-",
            "-",
            "-",
            "api_error",
            "-",
            "-",
            "-"
        ],
    );
}

/// An environment variable beats the file named by --config (the documented order), and says
/// so: a forgotten export must not aim the run at another tenant in silence. The implicit
/// authsetup.toml, and a variable equal to the file's value, say nothing.
#[test]
fn an_environment_variable_overriding_the_config_file_is_named() {
    let w = World::new();
    let file = "domain = \"http://127.0.0.1:1\"\naudience = \"https://other.example.com/mcp\"\n";
    std::fs::write(w.path("staging.toml"), file).unwrap();
    let out = w
        .cmd()
        .args(["plan", "--config", "staging.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note:")).collect();
    assert_eq!(
        notes,
        [
            format!(
                "note: domain from AUTH0_DOMAIN ({}) overrides staging.toml (http://127.0.0.1:1)",
                w.sandbox.base_url()
            ),
            format!(
                "note: audience from AUTH0_AUDIENCE ({AUD}) overrides staging.toml (https://other.example.com/mcp)"
            ),
        ],
        "{stderr}"
    );
    // also in JSON mode, where stdout stays one document
    let out = w
        .cmd()
        .args(["plan", "--config", "staging.toml", "--output", "json"])
        .output()
        .unwrap();
    serde_json::from_slice::<Value>(&out.stdout).expect("one JSON document");
    assert!(String::from_utf8_lossy(&out.stderr).contains("note: domain from AUTH0_DOMAIN"));

    std::fs::rename(w.path("staging.toml"), w.path("authsetup.toml")).unwrap();
    let out = w.cmd().arg("plan").output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("note:"),
        "{}",
        output_text(&out)
    );
    let same = format!(
        "domain = \"{}\"\naudience = \"{AUD}\"\n",
        w.sandbox.base_url()
    );
    std::fs::write(w.path("staging.toml"), same).unwrap();
    let out = w
        .cmd()
        .args(["plan", "--config", "staging.toml"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("note:"),
        "{}",
        output_text(&out)
    );
}

/// With both providers' domains exported and no --provider, Auth0 is used, and the run says so.
#[test]
fn both_providers_domains_set_says_which_one_is_used() {
    let w = World::new();
    let out = w
        .cmd()
        .env("OKTA_DOMAIN", "dev-1.okta.com")
        .arg("plan")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("note: both AUTH0_DOMAIN and OKTA_DOMAIN are set; using AUTH0_DOMAIN"),
        "{}",
        output_text(&out)
    );
}

/// The plan's summary and the apply's heading count the same changes (the .env file included).
#[test]
fn plan_and_apply_count_the_same_changes() {
    let w = World::new();
    let out = w.cmd().arg("plan").output().unwrap();
    let plan = String::from_utf8_lossy(&out.stderr);
    assert!(
        plan.contains("4 to create, 3 to update, 0 unchanged"),
        "{plan}"
    );
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let apply = String::from_utf8_lossy(&out.stderr);
    assert!(
        apply.contains("Applying 7 change(s): 6 to the Auth0 tenant"),
        "{apply}"
    );
    assert!(apply.contains("then 1 to local files:"), "{apply}");
}
