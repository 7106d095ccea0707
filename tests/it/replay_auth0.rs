//! Replays recorded Auth0 Management API traffic (shared/reference/recordings/auth0) against the
//! emulator: each cassette runs in order against a fresh sandbox, recorded ids are rewritten to
//! the ids the emulator hands out, and every answer must have the recorded status and the
//! recorded shape (same keys with the same JSON types at the top level, and in the first element
//! of a list). Values such as ids, timestamps and names are not compared.
//!
//! Interactions the emulator does not model are skipped and listed; a few are compared by status
//! only, each with the reason next to it.

use crate::replay;
use std::path::PathBuf;

use crate::replay::{Interaction, parse, shape_mismatch, split_url, status_mismatch};
use authsetup_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

/// Fewer replayed interactions than this means the recordings were not found or mostly skipped.
const MIN_REPLAYED: usize = 25;

/// How to run one session: cassettes replayed in order against one sandbox.
struct Session {
    name: &'static str,
    cassettes: &'static [&'static str],
    /// Start from the tenant settings the recording first shows, rather than the emulator's seed.
    seed_settings: bool,
    /// The recorded tenant was entitled to flags the emulator's default tenant is not.
    unlock_flags: bool,
    /// (cassette index, interaction index, reason): compare the status code only.
    status_only: &'static [(usize, usize, &'static str)],
    /// (cassette index, interaction index, reason): do not send at all.
    skip: &'static [(usize, usize, &'static str)],
}

const SESSIONS: &[Session] = &[
    Session::plain(
        "TestResourceServer_Create",
        &["go-auth0/TestResourceServer_Create.yaml"],
    ),
    Session::plain(
        "TestResourceServer_Update",
        &["go-auth0/TestResourceServer_Update.yaml"],
    ),
    Session::plain(
        "TestResourceServer_Read",
        &["go-auth0/TestResourceServer_Read.yaml"],
    ),
    Session::plain(
        "TestResourceServer_List",
        &["go-auth0/TestResourceServer_List.yaml"],
    ),
    Session::plain(
        "TestAccResourceServer",
        &["terraform-provider-auth0/TestAccResourceServer.yaml"],
    ),
    Session::plain(
        "TestAccClientGrant_DefaultFor",
        &["terraform-provider-auth0/TestAccClientGrant_DefaultFor.yaml"],
    ),
    Session::plain(
        "TestClientGrantManager_Create",
        &["go-auth0/TestClientGrantManager_Create.yaml"],
    ),
    Session::plain(
        "TestClientGrantManager_List",
        &["go-auth0/TestClientGrantManager_List.yaml"],
    ),
    Session::plain(
        "TestConnectionManager_Create",
        &[
            "go-auth0/TestConnectionManager_Create/It_can_successfully_create_a_Auth0_Connection.yaml",
        ],
    ),
    Session {
        skip: &[(
            0,
            3,
            "second DELETE while the deletion is still in progress answers 202 again; timing-dependent",
        )],
        ..Session::plain(
            "TestConnectionManager_Read",
            &[
                "go-auth0/TestConnectionManager_Read/It_can_successfully_read_a_Auth0_Connection.yaml",
            ],
        )
    },
    Session::plain(
        "TestConnectionManager_ReadByName",
        &[
            "go-auth0/TestConnectionManager_ReadByName/It_can_successfully_find_a_Auth0_Connection_by_its_name.yaml",
        ],
    ),
    Session::plain(
        "TestConnectionManager_Update",
        &[
            "go-auth0/TestConnectionManager_Update/It_can_successfully_update_a_Auth0_Connection.yaml",
        ],
    ),
    Session {
        status_only: &[(
            0,
            0,
            "recorded 2024, before connections came back with connected_accounts (TestAccConnection, 2026)",
        )],
        ..Session::plain(
            "TestConnectionManager_Delete",
            &["go-auth0/TestConnectionManager_Delete.yaml"],
        )
    },
    Session {
        status_only: &[(
            0,
            0,
            "recorded 2024, before connections came back with connected_accounts (TestAccConnection, 2026)",
        )],
        ..Session::plain(
            "TestConnectionManager_List",
            &["go-auth0/TestConnectionManager_List.yaml"],
        )
    },
    Session::plain(
        "TestAccConnection",
        &["terraform-provider-auth0/TestAccConnection.yaml"],
    ),
    Session::tenant("TestTenantManager", &["go-auth0/TestTenantManager.yaml"]),
    Session::tenant(
        "TestTenantManager_CIMDAndResourceParameterProfile",
        &["go-auth0/TestTenantManager_CIMDAndResourceParameterProfile.yaml"],
    ),
    Session {
        unlock_flags: true,
        ..Session::tenant(
            "TestAccTenant_Main",
            &["terraform-provider-auth0/TestAccTenant_Main.yaml"],
        )
    },
    Session::tenant(
        "TestAccTenant_EnableSSO",
        &["terraform-provider-auth0/TestAccTenant_EnableSSO.yaml"],
    ),
    Session::tenant(
        "TestAccTenantDefaults",
        &["terraform-provider-auth0/TestAccTenantDefaults.yaml"],
    ),
    Session::tenant(
        "TestAccTenant_DynamicClientRegistrationSecurityMode",
        &["terraform-provider-auth0/TestAccTenant_DynamicClientRegistrationSecurityMode.yaml"],
    ),
    Session::tenant(
        "ruby-auth0 Tenants",
        &[
            "ruby-auth0/Auth0_Api_V2_Tenants/_get_tenant_settings/should_get_the_tenant_settings.yml",
            "ruby-auth0/Auth0_Api_V2_Tenants/_get_tenant_settings_with_specific_fields/should_include_the_field_requested.yml",
            "ruby-auth0/Auth0_Api_V2_Tenants/_get_tenant_settings_with_specific_fields/should_exclude_a_field_not_requested.yml",
            "ruby-auth0/Auth0_Api_V2_Tenants/_update_tenant_settings/should_update_the_tenant_settings_with_a_new_tenant_name.yml",
            "ruby-auth0/Auth0_Api_V2_Tenants/_update_tenant_settings/should_revert_the_tenant_name.yml",
        ],
    ),
];

impl Session {
    const fn plain(name: &'static str, cassettes: &'static [&'static str]) -> Self {
        Session {
            name,
            cassettes,
            seed_settings: false,
            unlock_flags: false,
            status_only: &[],
            skip: &[],
        }
    }

    const fn tenant(name: &'static str, cassettes: &'static [&'static str]) -> Self {
        Session {
            seed_settings: true,
            ..Session::plain(name, cassettes)
        }
    }
}

fn recordings() -> PathBuf {
    replay::recordings("auth0")
}

fn load(cassette: &str) -> Vec<Interaction> {
    replay::load(&recordings().join(cassette))
}

/// What the emulator answers; anything else is skipped.
fn modelled(method: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.trim_start_matches("/api/v2/").split('/').collect();
    match segments.as_slice() {
        ["resource-servers"] | ["resource-servers", _] => true,
        ["tenants", "settings"] => true,
        ["connections"] | ["connections", _] => true,
        ["client-grants"] | ["client-grants", _] => true,
        ["clients"] => method == "GET",
        ["clients", _] => method == "GET" || method == "DELETE",
        _ => false,
    }
}

#[derive(Default)]
struct Report {
    replayed: usize,
    skipped: Vec<String>,
    notes: Vec<String>,
    failures: Vec<String>,
}

async fn replay(session: &Session, http: &reqwest::Client, report: &mut Report) {
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("sandbox starts");
    let base = sandbox.base_url();
    let token = sandbox.issue_token(Sandbox::all_scopes());
    let cassettes: Vec<Vec<Interaction>> = session.cassettes.iter().map(|c| load(c)).collect();

    if session.seed_settings {
        // a full GET: PATCH answers lack `sandbox_versions_available`, `fields=` GETs most keys
        let first = cassettes.iter().flatten().find(|i| {
            i.method == "GET"
                && i.status == 200
                && i.url.contains("/api/v2/tenants/settings")
                && !i.url.contains("?fields=")
                && !i.url.contains("&fields=")
        });
        let seeded = first
            .and_then(|i| parse(&i.response))
            .expect("a recorded settings document to start from");
        sandbox.with_tenant(|t| t.settings = seeded);
    }
    if session.unlock_flags {
        sandbox.with_tenant(|t| t.locked_flags.clear());
    }

    // recorded value -> emulator value, applied to later URLs and bodies
    let mut rewrites: Vec<(String, String)> = Vec::new();
    for (c, interactions) in cassettes.iter().enumerate() {
        for (n, rec) in interactions.iter().enumerate() {
            let label = format!(
                "{} [{}#{n}] {} {}",
                session.name,
                c,
                rec.method,
                split_url(&rec.url).1
            );
            let (recorded_origin, path) = split_url(&rec.url);
            if let Some((_, _, why)) = session.skip.iter().find(|(sc, sn, _)| (*sc, *sn) == (c, n))
            {
                report.skipped.push(format!("{label}: {why}"));
                continue;
            }
            if !path.starts_with("/api/v2/") || !modelled(&rec.method, path) {
                // applications are created outside the emulator's API: seed what the recording returned
                if rec.method == "POST"
                    && path == "/api/v2/clients"
                    && let Some(client) = parse(&rec.response)
                {
                    sandbox.with_tenant(|t| t.clients.push(client));
                    report.skipped.push(format!(
                        "{label}: not modelled, seeded the recorded client instead"
                    ));
                    continue;
                }
                report.skipped.push(format!("{label}: not modelled"));
                continue;
            }

            let rewrite = |s: &str| {
                let mut s = s.replace(recorded_origin, &base);
                for (from, to) in &rewrites {
                    s = s.replace(from.as_str(), to);
                }
                s
            };
            let url = format!("{base}{}", rewrite(path));
            let mut req = http
                .request(rec.method.parse().expect("a valid method"), &url)
                .header("authorization", format!("Bearer {token}"));
            if !rec.body.is_empty() {
                let content_type = rec
                    .content_type
                    .clone()
                    .unwrap_or_else(|| "application/json".into());
                req = req
                    .header("content-type", content_type)
                    .body(rewrite(&rec.body));
            }
            let (status, text) = replay::answer(req, &label).await;
            report.replayed += 1;

            if let Some(problem) = status_mismatch(&label, rec, status, &text) {
                report.failures.push(problem);
                continue;
            }
            let (recorded, actual) = (parse(&rec.response), parse(&text));
            if let (Some(Value::Object(r)), Some(Value::Object(a))) = (&recorded, &actual)
                && let (Some(Value::String(from)), Some(Value::String(to))) =
                    (r.get("id"), a.get("id"))
                && from != to
                && !rewrites.iter().any(|(f, _)| f == from)
            {
                rewrites.push((from.clone(), to.clone()));
            }
            if let Some((_, _, why)) = session
                .status_only
                .iter()
                .find(|(sc, sn, _)| (*sc, *sn) == (c, n))
            {
                report.notes.push(format!("{label}: status only ({why})"));
                continue;
            }
            report.failures.extend(shape_mismatch(&label, rec, &text));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recorded_auth0_traffic_replays_against_the_emulator() {
    assert!(
        recordings().is_dir(),
        "recordings not found at {} (shared/ must sit beside the repository: .ci/fetch-reference)",
        recordings().display()
    );
    let http = reqwest::Client::new();
    let mut report = Report::default();
    for session in SESSIONS {
        replay(session, &http, &mut report).await;
    }

    let notes: Vec<String> = (report.notes.iter())
        .map(|l| format!("compared by status only: {l}"))
        .chain(report.skipped.iter().map(|l| format!("skipped: {l}")))
        .collect();
    replay::conclude(report.replayed, MIN_REPLAYED, &notes, &report.failures);
}
