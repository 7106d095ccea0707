//! `destroy`, `plan --destroy`, the step reverses and `clients list|prune` on the emulated tenant.

use std::os::unix::fs::PermissionsExt;

use authsetup_sandbox::Auth0Tenant;
use serde_json::{Value, json};

use crate::common::{AUD, Org, World, output_text, register_like_codex, unset_defaults};

const STATE: &str = ".authsetup-state.json";

/// What a user's tenant holds besides authsetup's setup: another API with its own grant, an
/// application, a tenant setting and the connection authsetup does not use.
fn seed_unrelated(t: &mut Auth0Tenant) {
    t.resource_servers.push(json!({
        "id": "6894aa5831e56f3d4b1bda79", "name": "Billing", "identifier": "https://billing.example.com/",
        "signing_alg": "RS256", "allow_offline_access": false, "token_lifetime": 86400,
        "subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "require_client_grant"}},
    }));
    t.client_grants.push(json!({
        "id": "cgr_billing", "audience": "https://billing.example.com/",
        "default_for": "third_party_clients", "subject_type": "user", "scope": [],
    }));
    t.clients.push(json!({
        "client_id": "webapp0000000000000000000000000", "name": "Web app",
        "app_type": "regular_web", "is_first_party": true,
    }));
    t.settings["friendly_name"] = json!("Acme");
}

fn run(w: &World, args: &[&str]) -> std::process::Output {
    let out = w.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", output_text(&out));
    out
}

#[test]
fn destroy_after_apply_gives_back_the_tenant_it_found() {
    let w = World::new();
    w.sandbox.with_tenant(seed_unrelated);
    let before = w.snapshot();

    run(&w, &["apply", "--yes"]);
    assert!(w.resource_server(AUD).is_some());
    let mode = std::fs::metadata(w.path(STATE))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "the state file is private");

    w.sandbox.clear_log();
    let out = run(&w, &["plan", "--destroy", "--output", "json"]);
    assert!(w.writes().is_empty(), "plan --destroy writes nothing");
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["summary"]["delete"], 2, "{plan:#}");
    assert_eq!(plan["has_changes"], true);

    run(&w, &["destroy", "--yes"]);
    assert_eq!(unset_defaults(w.snapshot()), before);
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(w.path(STATE)).unwrap()).unwrap();
    assert_eq!(state["tenants"], json!({}), "nothing is left on record");

    // Nothing left to undo: a second destroy reads and writes nothing.
    w.sandbox.clear_log();
    let out = run(&w, &["destroy", "--yes"]);
    assert!(w.writes().is_empty(), "{:#?}", w.writes());
    assert!(
        output_text(&out).contains("nothing"),
        "{}",
        output_text(&out)
    );
}

/// The least-privilege modes: destroy also removes Codex's pre-registered client, its grant and
/// its connection enablement, and puts the resource-parameter settings back.
#[test]
fn destroy_after_a_least_privilege_apply_gives_back_the_tenant_it_found() {
    let w = World::new();
    w.sandbox.with_tenant(seed_unrelated);
    let before = w.snapshot();
    let modes = [
        ("AUTHSETUP_AUDIENCE_MODE", "resource"),
        ("AUTHSETUP_REGISTRATION", "preregistered"),
    ];
    let run_in_modes = |args: &[&str]| {
        let out = w.cmd().envs(modes).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", output_text(&out));
        out
    };
    run_in_modes(&["apply", "--yes"]);
    let codex_client = w.sandbox.with_tenant(|t| {
        t.clients
            .iter()
            .find(|c| {
                c["name"]
                    .as_str()
                    .is_some_and(|n| n.starts_with("Codex CLI"))
            })
            .and_then(|c| c["client_id"].as_str().map(String::from))
    });
    let codex_client = codex_client.expect("apply registered Codex's client");
    assert_eq!(w.settings()["resource_parameter_profile"], "compatibility");

    let out = run_in_modes(&["destroy", "--yes"]);
    let text = output_text(&out);
    assert!(!text.contains("cannot undo"), "{text}");
    assert_eq!(unset_defaults(w.snapshot()), before);
    assert!(
        w.sandbox.with_tenant(|t| !t
            .client_grants
            .iter()
            .any(|g| g["client_id"] == codex_client.as_str())),
        "the client's grant is gone"
    );
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(w.path(STATE)).unwrap()).unwrap();
    assert_eq!(state["tenants"], json!({}), "nothing is left on record");
}

#[test]
fn destroy_keeps_an_api_that_was_there_and_puts_back_its_fields() {
    let w = World::new();
    w.sandbox.with_tenant(|t| {
        t.resource_servers.push(json!({
            "id": "6894aa5831e56f3d4b1bda80", "name": "Docs", "identifier": AUD,
            "signing_alg": "HS256", "allow_offline_access": false, "token_lifetime": 86400,
            "subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "require_client_grant"}},
        }));
        t.settings["default_audience"] = json!("");
    });
    let before = w.snapshot();
    run(&w, &["apply", "--yes"]);
    assert_eq!(w.resource_server(AUD).unwrap()["signing_alg"], "RS256");

    run(&w, &["destroy", "--yes"]);
    assert_eq!(
        w.resource_server(AUD),
        before["resource_servers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["identifier"] == AUD)
            .cloned()
    );
    assert!(
        !w.writes()
            .iter()
            .any(|r| r.method == "DELETE" && r.path.starts_with("/api/v2/resource-servers")),
        "{:#?}",
        w.writes()
    );
    assert_eq!(unset_defaults(w.snapshot()), unset_defaults(before));
}

#[test]
fn a_value_someone_changed_since_is_left_alone() {
    let w = World::new();
    run(&w, &["apply", "--yes", "--audience-mode", "default"]);
    w.sandbox
        .with_tenant(|t| t.settings["default_audience"] = json!("https://other.example.com/"));
    let out = run(&w, &["destroy", "--yes"]);
    assert_eq!(
        w.settings()["default_audience"],
        "https://other.example.com/"
    );
    assert!(
        output_text(&out).contains("left as it is"),
        "{}",
        output_text(&out)
    );
    // The rest is still undone.
    assert!(w.resource_server(AUD).is_none());
    assert_eq!(
        w.connection("Username-Password-Authentication").unwrap()["is_domain_connection"],
        false
    );
    assert!(
        w.settings()["flags"]
            .get("enable_dynamic_client_registration")
            .is_none()
    );
}

#[test]
fn step_reverses_undo_only_their_step() {
    let w = World::new();
    run(&w, &["apply", "--yes"]);
    run(&w, &["dcr", "disable", "--yes"]);
    assert!(
        w.settings()["flags"]
            .get("enable_dynamic_client_registration")
            .is_none()
    );
    assert!(w.resource_server(AUD).is_some());
    run(&w, &["connection", "demote", "--yes"]);
    assert_eq!(
        w.connection("Username-Password-Authentication").unwrap()["is_domain_connection"],
        false
    );
    run(&w, &["api", "delete", "--yes"]);
    assert!(w.resource_server(AUD).is_none());
    assert!(w.default_grants(AUD).is_empty());
    assert_eq!(
        w.settings()["resource_parameter_profile"],
        "compatibility",
        "not this step's"
    );
}

/// Registers a client the way Codex does, then back-dates its registration in the tenant logs.
fn register(w: &World, name: &str, days_ago: Option<u64>) -> String {
    let id = register_like_codex(w, name);
    w.sandbox.with_tenant(|t| {
        let i = t
            .logs
            .iter()
            .position(|l| l["client_id"] == id.as_str())
            .unwrap();
        match days_ago {
            Some(days) => {
                let when =
                    std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400);
                t.logs[i]["date"] = json!(humantime::format_rfc3339_millis(when).to_string());
            }
            // Past the plan's log retention.
            None => {
                t.logs.remove(i);
            }
        }
    });
    id
}

fn client_ids(w: &World) -> Vec<String> {
    w.sandbox.with_tenant(|t| {
        t.clients
            .iter()
            .map(|c| c["client_id"].as_str().unwrap().to_string())
            .collect()
    })
}

#[test]
fn prune_deletes_exactly_the_old_dcr_leftovers_and_only_with_yes() {
    let w = World::new();
    run(&w, &["dcr", "enable", "--yes"]);
    let old = register(&w, "Codex", Some(10));
    let _new = register(&w, "Codex", Some(1));
    let _undated = register(&w, "Codex", None);
    let _claude = register(&w, "Claude Code (docs)", Some(30));
    w.sandbox.with_tenant(|t| {
        // A first-party app and an administrator's third-party app with the same name and age.
        t.clients.push(json!({"client_id": "tpc_firstparty000000000000000000", "name": "Codex", "is_first_party": true, "external_metadata_type": "dcr", "external_metadata_created_by": "client"}));
        t.clients.push(json!({"client_id": "adminmade0000000000000000000000", "name": "Codex", "is_first_party": false}));
        for id in ["tpc_firstparty000000000000000000", "adminmade0000000000000000000000"] {
            t.logs.push(json!({"date": "2020-01-01T00:00:00.000Z", "type": "sapi", "description": "Dynamic client registration", "client_id": id}));
        }
    });
    let all = client_ids(&w);
    let filter = ["--older-than", "7d", "--name", "Codex*"];

    w.sandbox.clear_log();
    let out = w
        .cmd()
        .args(["clients", "prune", "--output", "json"])
        .args(filter)
        .env("CI", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["clients"].as_array().unwrap().len(), 1, "{doc:#}");
    assert_eq!(doc["clients"][0]["client_id"], old.as_str());
    assert_eq!(
        (doc["dry_run"].clone(), doc["undated"].clone()),
        (json!(true), json!(1))
    );
    assert_eq!(
        doc["registered"], 4,
        "the first-party and admin-made apps are not DCR leftovers"
    );
    assert!(w.writes().is_empty(), "a dry run (CI alone is not --yes)");
    assert_eq!(client_ids(&w), all);

    run(
        &w,
        &["clients", "prune", "--yes"]
            .iter()
            .chain(&filter)
            .copied()
            .collect::<Vec<_>>(),
    );
    let left = client_ids(&w);
    assert_eq!(left.len(), all.len() - 1);
    assert!(!left.contains(&old));

    let out = run(&w, &["clients", "list", "--output", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["clients"].as_array().unwrap().len(), 3, "{doc:#}");
}

#[test]
fn okta_destroy_deletes_the_server_and_app_it_created_and_nothing_else() {
    let o = Org::new();
    let sandbox = &o.sandbox;
    let org = |f: fn(&authsetup_sandbox::OktaOrg) -> Value| sandbox.with_org(|o| f(o));
    let view = |o: &authsetup_sandbox::OktaOrg| {
        json!({
            "servers": o.servers.iter().map(|s| s.doc.clone()).collect::<Vec<_>>(),
            "apps": o.apps,
            "groups": o.groups,
            "assignments": o.assignments,
        })
    };
    let before = org(view);
    let out = o.cmd().args(["apply", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_ne!(org(view), before);
    let out = o.cmd().args(["destroy", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(org(view), before);
    sandbox.clear_log();
    let out = o.cmd().args(["destroy", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        sandbox.requests().iter().all(|r| r.method == "GET"),
        "{:#?}",
        sandbox.requests()
    );
}

#[test]
fn okta_has_no_dcr_leftovers_to_prune() {
    let o = Org::new();
    let sandbox = &o.sandbox;
    let out = o
        .cmd()
        .args(["clients", "prune", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(output_text(&out).contains("hint:"), "{}", output_text(&out));
    assert!(sandbox.requests().is_empty(), "{:#?}", sandbox.requests());
}
