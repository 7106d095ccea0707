//! Where `apply` records what it did and how `destroy` undoes it from there: the mark it leaves
//! on the objects it creates, and the shared `.authsetup-state.json` of several tenants, servers
//! and environments.

use serde_json::{Value, json};

use crate::common::{Org, SERVERS, TwoEnvs, World, output_text, read, unset_defaults};

const STATE: &str = ".authsetup-state.json";

fn state(w: &World) -> Value {
    serde_json::from_str(&read(&w.path(STATE))).unwrap()
}

/// The state-file key of a world's tenant.
fn key(w: &World) -> String {
    format!("auth0:{}", w.sandbox.base_url())
}

fn succeeds(out: std::process::Output) -> String {
    assert!(out.status.success(), "{}", output_text(&out));
    output_text(&out)
}

/// Two environments of one `authsetup.toml` applied at the same time write the one state file
/// beside it; each run merges its record into the file as it is then, so neither is lost.
#[test]
fn two_applies_at_once_on_two_environments_keep_both_records() {
    let envs = TwoEnvs::new();
    let runs: Vec<_> = ["dev", "prod"]
        .iter()
        .map(|env| {
            envs.std_cmd()
                .args(["apply", "--yes", "--env", env])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        succeeds(run.wait_with_output().unwrap());
    }
    let tenants = &state(&envs.dev)["tenants"];
    for (world, url) in [
        (&envs.dev, "https://dev.example.com/mcp"),
        (&envs.prod, "https://prod.example.com/mcp"),
    ] {
        let created = &tenants[key(world)]["created"];
        assert!(
            created
                .as_array()
                .is_some_and(|c| c.iter().any(|r| r == &format!("resource_server:{url}"))),
            "{tenants:#}"
        );
    }
    assert!(
        !envs.dev.path(&format!("{STATE}.authsetup.lock")).exists(),
        "the state file's lock is let go"
    );
}

#[test]
fn destroy_with_env_dev_touches_only_the_dev_tenant() {
    let envs = TwoEnvs::new();
    let dev_before = envs.dev.snapshot();
    for env in ["dev", "prod"] {
        succeeds(
            envs.cmd()
                .args(["apply", "--yes", "--env", env])
                .output()
                .unwrap(),
        );
    }
    let prod_applied = envs.prod.snapshot();
    envs.prod.sandbox.clear_log();

    succeeds(
        envs.cmd()
            .args(["destroy", "--yes", "--env", "dev"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        unset_defaults(envs.dev.snapshot()),
        unset_defaults(dev_before)
    );
    assert!(
        envs.prod.sandbox.requests().is_empty(),
        "{:#?}",
        envs.prod.sandbox.requests()
    );
    assert_eq!(envs.prod.snapshot(), prod_applied);
    let tenants = state(&envs.dev)["tenants"].clone();
    assert!(tenants.get(key(&envs.dev)).is_none(), "{tenants:#}");
    assert!(tenants.get(key(&envs.prod)).is_some(), "{tenants:#}");
}

#[test]
fn destroy_with_three_servers_gives_back_the_tenant_it_found() {
    let w = World::new();
    w.write_auth0_servers(3);
    let before = w.snapshot();
    let run = |args: &[&str]| {
        succeeds(
            w.cmd()
                .env_remove("AUTH0_AUDIENCE")
                .args(args)
                .output()
                .unwrap(),
        )
    };
    run(&["apply", "--yes"]);
    for (_, url) in SERVERS {
        assert!(w.resource_server(url).is_some());
    }
    let plan = run(&["plan", "--destroy"]);
    for (_, url) in SERVERS {
        assert!(plan.contains(&format!("resource_server:{url}")), "{plan}");
    }

    run(&["destroy", "--yes"]);
    assert_eq!(unset_defaults(w.snapshot()), unset_defaults(before));
    assert_eq!(state(&w)["tenants"], serde_json::json!({}));
}

const LEAST_PRIVILEGE: [(&str, &str); 2] = [
    ("AUTHSETUP_AUDIENCE_MODE", "resource"),
    ("AUTHSETUP_REGISTRATION", "preregistered"),
];

/// The client authsetup registered for Codex carries its mark; with no state file, destroy takes
/// that client and its grant, and nothing unmarked: not a same-named client listed before it, not
/// the API (Auth0 APIs carry no mark). The settings it cannot know the earlier values of are said.
#[test]
fn without_a_state_file_auth0_destroy_takes_the_marked_client_and_nothing_else() {
    let w = World::new();
    let run = |args: &[&str]| succeeds(w.cmd().envs(LEAST_PRIVILEGE).args(args).output().unwrap());
    run(&["apply", "--yes"]);
    let marked = w
        .sandbox
        .with_tenant(|t| {
            t.clients
                .iter()
                .find(|c| c["client_metadata"] == json!({"authsetup": "managed by authsetup"}))
                .cloned()
        })
        .expect("apply marks the client it creates");
    let id = marked["client_id"].clone();
    w.sandbox.with_tenant(|t| {
        t.clients.insert(
            0,
            json!({
                "client_id": "someoneelse00000000000000000000", "name": marked["name"],
                "app_type": "native", "is_first_party": true, "callbacks": marked["callbacks"],
            }),
        );
    });
    std::fs::remove_file(w.path(STATE)).unwrap();
    let before = w.snapshot();
    w.sandbox.clear_log();

    let plan = run(&["plan", "--destroy"]);
    assert!(w.writes().is_empty(), "{:#?}", w.writes());
    assert!(
        plan.contains(&format!("client:{}", marked["name"].as_str().unwrap())),
        "{plan}"
    );

    let out = run(&["destroy", "--yes"]);
    let mut expected = before;
    expected["clients"]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["client_id"] != id);
    expected["client_grants"]
        .as_array_mut()
        .unwrap()
        .retain(|g| g["client_id"] != id);
    for c in expected["connections"].as_array_mut().unwrap() {
        if let Some(enabled) = c["enabled_clients"].as_array_mut() {
            enabled.retain(|e| *e != id);
        }
    }
    assert_eq!(w.snapshot(), expected);
    for unknown in ["the API", "resource parameter profile", "iss"] {
        assert!(
            out.lines()
                .any(|l| l.contains("warning:") && l.contains(unknown) && l.contains("hint:")),
            "{unknown}: {out}"
        );
    }
}

/// What an Okta org holds, to compare before and after.
fn org_view(org: &Org) -> Value {
    org.sandbox.with_org(|o| {
        json!({
            "servers": o.servers.iter().map(|s| json!({
                "doc": s.doc,
                "policies": s.policies.iter().map(|p| p.doc.clone()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "apps": o.apps,
            "assignments": o.assignments,
        })
    })
}

/// Okta marks the app (its admin note), the authorization server and the access policy (their
/// descriptions). With no state file, destroy takes the marked ones of this setup: the server
/// with all it holds, or only the policy when the server is not marked, and the app; never the
/// unmarked app of the same label listed before it.
#[test]
fn without_a_state_file_okta_destroy_takes_the_marked_app_server_and_policy_and_nothing_else() {
    for server_marked in [true, false] {
        let org = Org::new();
        let fresh = org_view(&org);
        succeeds(org.cmd().args(["apply", "--yes"]).output().unwrap());
        let app = org.sandbox.with_org(|o| o.apps[0].clone());
        assert_eq!(app["settings"]["notes"]["admin"], "managed by authsetup");
        let someone_elses = {
            let mut a = app.clone();
            a["id"] = json!("0oaSomeoneElse00001");
            a["credentials"]["oauthClient"]["client_id"] = a["id"].clone();
            a["settings"]["notes"]["admin"] = json!("the platform team's");
            a
        };
        org.sandbox.with_org(|o| {
            o.apps.insert(0, someone_elses.clone());
            if !server_marked {
                o.servers[0].doc["description"] = json!("the platform team's server");
            }
        });
        std::fs::remove_file(org.path(STATE)).unwrap();
        let before = org_view(&org);

        let out = succeeds(org.cmd().args(["destroy", "--yes"]).output().unwrap());
        let after = org_view(&org);
        assert_eq!(after["apps"], json!([someone_elses]), "{out}");
        if server_marked {
            assert_eq!(after["servers"], fresh["servers"], "{out}");
        } else {
            let mut kept = before["servers"][0].clone();
            kept["policies"] = json!([]);
            assert_eq!(after["servers"], json!([kept]), "{out}");
            assert!(
                out.lines().any(|l| l.contains("warning:")
                    && l.contains("authorization server")
                    && l.contains("hint:")),
                "{out}"
            );
        }
    }
}

/// A state file that lacks the client (written by a build that did not record it, or edited by
/// hand) still gives the whole tenant back: the marked client joins what the file holds.
#[test]
fn a_marked_client_the_state_file_lacks_is_destroyed_with_what_it_holds() {
    let w = World::new();
    let run = |args: &[&str]| succeeds(w.cmd().envs(LEAST_PRIVILEGE).args(args).output().unwrap());
    let before = w.snapshot();
    run(&["apply", "--yes"]);
    let mut file = state(&w);
    let record = &mut file["tenants"][key(&w)];
    let created = record["created"].as_array_mut().unwrap();
    let len = created.len();
    created.retain(|r| !r.as_str().unwrap().starts_with("client"));
    assert!(created.len() < len, "the record names the client: {file:#}");
    std::fs::write(w.path(STATE), serde_json::to_vec(&file).unwrap()).unwrap();

    run(&["destroy", "--yes"]);
    assert_eq!(unset_defaults(w.snapshot()), before);
}
