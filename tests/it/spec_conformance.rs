//! Every request the binary sends, across the main scenarios, matched to its operation in the
//! official OpenAPI documents (shared/reference/specs) and checked against it; requests to the
//! Authentication API, the demo MCP server and Okta's discovery probe, which no document here
//! covers, are checked against the hand-written shapes in `spec` (see `spec::Rules`).

use std::collections::BTreeMap;

use crate::common::{AUD, World, output_text};
use crate::spec::Rules;
use authsetup_sandbox::{OktaSandbox, RecordedRequest, Sandbox, SandboxConfig, Served, ServiceApp};
use serde_json::json;

/// Where real traffic and the spec disagree, with the evidence. A problem is excused only when
/// its operation and text match a row, and every row must still be observed, so the list
/// cannot go stale.
const DEVIATIONS: &[Deviation] = &[Deviation {
    operation: "PATCH /api/v2/resource-servers/{id}",
    problem: "answered 200 where the spec declares 201",
    source: "shared/reference/README.md \"Known deviations\"; rec:go-auth0 TestResourceServer_Update.yaml #1",
}];

struct Deviation {
    operation: &'static str,
    problem: &'static str,
    source: &'static str,
}

/// One run of the binary, named for the report.
struct Scenario {
    name: &'static str,
    okta: bool,
    requests: Vec<RecordedRequest>,
}

/// Runs `cmd` (the binary pointed at `w`'s tenant) and keeps what it sent. Each scenario must
/// succeed: a failing command would check the requests of an error path instead of the one named.
fn run(w: &World, name: &'static str, cmd: &mut assert_cmd::Command) -> Scenario {
    run_on(&w.sandbox, name, cmd)
}

fn run_on(tenant: &Served, name: &'static str, cmd: &mut assert_cmd::Command) -> Scenario {
    tenant.clear_log();
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{name}: {}", output_text(&out));
    Scenario {
        name,
        okta: name.starts_with("okta:"),
        requests: tenant.requests(),
    }
}

fn auth0_scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    let w = World::new();
    all.push(run(&w, "plan (fresh tenant)", w.cmd().arg("plan")));
    all.push(run(&w, "apply (fresh tenant)", w.cmd().arg("apply")));
    all.push(run(&w, "apply (no-op)", w.cmd().arg("apply")));
    all.push(run(&w, "plan (no-op)", w.cmd().arg("plan")));
    all.push(run(
        &w,
        "codex config --write",
        w.cmd()
            .args(["codex", "config", "--write", "--mcp-url", AUD]),
    ));

    // Everything set up, then changed behind authsetup's back: every update path.
    w.sandbox.with_tenant(|t| {
        let rs = t
            .resource_servers
            .iter_mut()
            .find(|rs| rs["identifier"] == AUD)
            .expect("the API exists");
        rs["signing_alg"] = "HS256".into();
        rs["allow_offline_access"] = false.into();
        rs["scopes"] = json!([{"value": "mcp:tools", "description": "Use the tools"}]);
        t.settings["default_audience"] = "https://other.example/".into();
        t.settings["flags"]["enable_dynamic_client_registration"] = false.into();
        for c in &mut t.connections {
            c["is_domain_connection"] = false.into();
        }
    });
    all.push(run(
        &w,
        "apply --replace-default-audience (drifted tenant)",
        w.cmd().args(["apply", "--replace-default-audience"]),
    ));

    for (name, args) in [
        ("api create", &["api", "create"][..]),
        ("tenant default-audience", &["tenant", "default-audience"]),
        ("dcr enable", &["dcr", "enable"]),
        ("connection promote", &["connection", "promote"]),
        ("env write", &["env", "write"]),
    ] {
        let w = World::new();
        all.push(run(&w, name, w.cmd().args(args)));
    }
    let w = World::new();
    w.cmd().args(["api", "create"]).assert().success();
    all.push(run(&w, "policy set", w.cmd().args(["policy", "set"])));
    let w = World::new();
    all.push(run(
        &w,
        "connection promote --create-connection",
        w.cmd()
            .args(["connection", "promote", "Corp-Users", "--create-connection"]),
    ));

    // doctor reads everything, the demo MCP server included: its URL is the audience here
    let w = World::new();
    let mcp = |w: &World| {
        let mut cmd = w.cmd();
        cmd.env("AUTH0_AUDIENCE", w.sandbox.mcp_url())
            .env("MCP_URL", w.sandbox.mcp_url());
        cmd
    };
    mcp(&w).arg("apply").assert().success();
    mcp(&w)
        .args(["codex", "config", "--write"])
        .assert()
        .success();
    all.push(run(&w, "doctor", mcp(&w).arg("doctor")));
    all.push(run(
        &w,
        "doctor --probe-dcr",
        mcp(&w).args(["doctor", "--probe-dcr"]),
    ));
    all.push(run(
        &w,
        "clients prune --older-than --name --yes",
        mcp(&w).args([
            "clients",
            "prune",
            "--older-than",
            "1s",
            "--name",
            "*",
            "--yes",
        ]),
    ));
    all.push(run(
        &w,
        "plan --destroy",
        mcp(&w).args(["plan", "--destroy"]),
    ));
    all.push(run(&w, "destroy", mcp(&w).args(["destroy", "--yes"])));

    // the least-privilege modes: clients, client grants, enabled clients, rules, prompts
    let w = World::new();
    let least = [
        "--audience-mode",
        "resource",
        "--registration",
        "preregistered",
    ];
    all.push(run(
        &w,
        "apply (resource, preregistered)",
        mcp(&w).arg("apply").args(least),
    ));
    all.push(run(
        &w,
        "apply (resource, preregistered; no-op)",
        mcp(&w).arg("apply").args(least),
    ));
    all.push(run(
        &w,
        "doctor (resource, preregistered)",
        mcp(&w).arg("doctor").args(least),
    ));

    let w = World::new();
    let token = w.sandbox.issue_token(Sandbox::all_scopes());
    all.push(run(
        &w,
        "init (non-interactive, Management API token)",
        w.bare()
            .env("CI", "true")
            .env("AUTH0_MGMT_TOKEN", token)
            .args(["init", "--domain", &w.sandbox.base_url(), "--audience", AUD])
            .args(["--mcp-name", "docs", "--write-codex-config"]),
    ));
    all
}

/// The Okta org's scenarios: the provider exists on main (src/provider/okta, src/sandbox/okta),
/// so its requests are held to the Okta specs too.
fn okta_scenarios() -> Vec<Scenario> {
    let dir = tempfile::tempdir().unwrap();
    let org = OktaSandbox::start_background(SandboxConfig::default()).unwrap();
    let bare = || {
        let mut cmd = assert_cmd::Command::cargo_bin("authsetup").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", dir.path())
            .env("AUTHSETUP_HTTP_TIMEOUT", "5")
            .env("OKTA_DOMAIN", org.base_url())
            .env("OKTA_AUDIENCE", AUD)
            .env("MCP_URL", AUD)
            .current_dir(dir.path());
        cmd
    };
    let cmd = || {
        let mut cmd = bare();
        cmd.env("OKTA_API_TOKEN", org.api_token());
        cmd
    };
    let mut all = vec![
        run_on(&org, "okta: plan (fresh org)", cmd().arg("plan")),
        run_on(&org, "okta: apply (fresh org)", cmd().arg("apply")),
        run_on(&org, "okta: apply (no-op)", cmd().arg("apply")),
        run_on(
            &org,
            "okta: codex config --write",
            cmd().args(["codex", "config", "--write"]),
        ),
    ];
    // doctor without an MCP server: the org and the local files only
    all.push(run_on(
        &org,
        "okta: doctor",
        cmd().arg("doctor").env_remove("MCP_URL"),
    ));
    all.push(run_on(
        &org,
        "okta: plan --destroy",
        cmd().args(["plan", "--destroy"]),
    ));
    all.push(run_on(
        &org,
        "okta: destroy",
        cmd().args(["destroy", "--yes"]),
    ));
    all.push(run_on(
        &org,
        "okta: apply (after destroy)",
        cmd().arg("apply"),
    ));
    org.with_org(|o| {
        for app in &mut o.apps {
            app["settings"]["oauthClient"]["redirect_uris"] =
                json!(["http://localhost:1455/auth/callback"]);
        }
        o.assignments.clear();
    });
    all.push(run_on(
        &org,
        "okta: apply (drifted app)",
        cmd().arg("apply"),
    ));

    let (app, pem) = ServiceApp::generate(false);
    let client_id = app.client_id.clone();
    org.with_org(|o| o.service_apps.push(app));
    let key = dir.path().join("service.pem");
    std::fs::write(&key, pem).unwrap();
    all.push(run_on(
        &org,
        "okta: apply (service app, private_key_jwt)",
        bare()
            .arg("apply")
            .env("OKTA_CLIENT_ID", client_id)
            .env("OKTA_PRIVATE_KEY", &key),
    ));
    all
}

#[derive(Default)]
struct Tally {
    requests: usize,
    source: String,
    scenarios: Vec<&'static str>,
    problems: Vec<String>,
}

#[test]
fn every_request_matches_its_operation_in_the_specs() {
    let (auth0, okta) = (Rules::auth0(), Rules::okta());
    let mut scenarios = auth0_scenarios();
    scenarios.extend(okta_scenarios());

    let mut operations: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for scenario in &scenarios {
        let rules = if scenario.okta { &okta } else { &auth0 };
        for req in &scenario.requests {
            let Some(verdict) = rules.check(req) else {
                let query = req.query.as_deref().unwrap_or("");
                unmatched.push(format!(
                    "{}: {} {}?{query}",
                    scenario.name, req.method, req.path
                ));
                continue;
            };
            let tally = operations.entry(verdict.operation).or_default();
            tally.requests += 1;
            tally.source = verdict.source;
            if !tally.scenarios.contains(&scenario.name) {
                tally.scenarios.push(scenario.name);
            }
            for p in verdict.problems {
                if !tally.problems.contains(&p) {
                    tally.problems.push(p);
                }
            }
        }
    }

    let mut failures = Vec::new();
    let mut observed = Vec::new();
    let mut counts = BTreeMap::new();
    println!("{:<78} {:>4}  {:<9}  source", "operation", "reqs", "result");
    for (op, tally) in &operations {
        let mut result = "validates";
        for p in &tally.problems {
            match DEVIATIONS
                .iter()
                .find(|d| d.operation == op && p.contains(d.problem))
            {
                Some(d) => {
                    observed.push(d.operation);
                    if result != "FAILS" {
                        result = "deviation";
                    }
                }
                None => {
                    failures.push(format!("{op}: {p} (in: {})", tally.scenarios.join("; ")));
                    result = "FAILS";
                }
            }
        }
        *counts.entry(result).or_insert(0) += 1;
        println!(
            "{op:<78} {:>4}  {result:<9}  {}",
            tally.requests, tally.source
        );
    }
    for d in DEVIATIONS {
        println!(
            "known deviation: {} {} ({})",
            d.operation, d.problem, d.source
        );
    }
    println!(
        "{} distinct operations in {} scenarios: {} validate, {} validate but for a known deviation, {} fail",
        operations.len(),
        scenarios.len(),
        counts.get("validates").unwrap_or(&0),
        counts.get("deviation").unwrap_or(&0),
        counts.get("FAILS").unwrap_or(&0),
    );
    assert!(
        failures.is_empty(),
        "requests that break the spec:\n{}",
        failures.join("\n")
    );
    assert!(
        unmatched.is_empty(),
        "requests matching no operation:\n{}",
        unmatched.join("\n")
    );
    for d in DEVIATIONS {
        assert!(
            observed.contains(&d.operation),
            "the deviation on {} was not observed any more: remove it from DEVIATIONS",
            d.operation
        );
    }
}

fn request(method: &str, path: &str, query: Option<&str>, body: &str) -> RecordedRequest {
    let now = std::time::Instant::now();
    RecordedRequest {
        method: method.into(),
        path: path.into(),
        query: query.map(str::to_string),
        body: body.into(),
        status: 0,
        started: now,
        finished: now,
    }
}

#[test]
fn the_checker_catches_what_the_specs_forbid() {
    let auth0 = Rules::auth0();
    let problems = |method: &str, path: &str, query: Option<&str>, body: &str| {
        let verdict = auth0
            .check(&request(method, path, query, body))
            .unwrap_or_else(|| panic!("{method} {path} matches an operation"));
        verdict.problems.join("\n")
    };
    let cases = [
        (
            problems(
                "POST",
                "/api/v2/resource-servers",
                None,
                r#"{"identifier":"https://a/","bogus":1}"#,
            ),
            "bogus",
        ),
        (
            problems(
                "PATCH",
                "/api/v2/tenants/settings",
                None,
                r#"{"resource_parameter_profile":"nope"}"#,
            ),
            "nope",
        ),
        (
            problems("POST", "/api/v2/client-grants", None, "{}"),
            "required",
        ),
        (
            problems("GET", "/api/v2/connections", Some("nme=x"), ""),
            "`nme` is not declared",
        ),
        (
            problems("GET", "/api/v2/client-grants", Some("per_page=500"), ""),
            "500",
        ),
        (
            problems("DELETE", "/api/v2/tenants/settings", None, ""),
            "no DELETE",
        ),
        (
            problems("GET", "/api/v2/tenants/settings", None, r#"{"a":1}"#),
            "takes no body",
        ),
        (
            problems(
                "GET",
                "/authorize",
                Some(
                    "response_type=code&client_id=a&redirect_uri=http://127.0.0.1/cb&code_challenge=x&code_challenge_method=plain",
                ),
                "",
            ),
            "S256",
        ),
        (
            problems(
                "POST",
                "/oauth/token",
                None,
                "grant_type=password&username=a",
            ),
            "oneOf",
        ),
        (
            problems("GET", "/.well-known/jwks.json", Some("x=1"), ""),
            "unexpected query",
        ),
    ];
    for (found, expected) in &cases {
        assert!(
            found.contains(expected),
            "expected `{expected}` in:\n{found}"
        );
    }
    assert!(
        auth0
            .check(&request("GET", "/api/v2/nothing-here", None, ""))
            .is_none()
    );
    let fine = problems(
        "POST",
        "/api/v2/resource-servers",
        None,
        r#"{"identifier":"https://a/","signing_alg":"RS256"}"#,
    );
    assert!(fine.is_empty(), "{fine}");

    // Okta's schemas leave additionalProperties open: unnamed fields are caught all the same,
    // through allOf and discriminator mappings.
    let okta = Rules::okta();
    let problems = |method: &str, path: &str, query: Option<&str>, body: &str| {
        okta.check(&request(method, path, query, body))
            .unwrap_or_else(|| panic!("{method} {path} matches an operation"))
            .problems
            .join("\n")
    };
    let server = problems(
        "POST",
        "/api/v1/authorizationServers",
        None,
        r#"{"name":"a","audiences":["https://a/"],"bogus":1}"#,
    );
    assert!(server.contains("`/bogus` is not in the schema"), "{server}");
    let app = problems(
        "POST",
        "/api/v1/apps",
        None,
        r#"{"name":"oidc_client","label":"a","signOnMode":"OPENID_CONNECT",
            "settings":{"oauthClient":{"redirect_uris":["http://127.0.0.1/cb"],"bogus":1}}}"#,
    );
    assert!(app.contains("`/settings/oauthClient/bogus`"), "{app}");
    let policies = problems(
        "GET",
        "/api/v1/authorizationServers/aus1/policies",
        Some("limit=200"),
        "",
    );
    assert!(policies.contains("`limit` is not declared"), "{policies}");
}
