//! Replays recorded Auth0 Management API traffic (shared/reference/recordings/auth0) against the
//! emulator: each cassette runs in order against a fresh sandbox, recorded ids are rewritten to
//! the ids the emulator hands out, and every answer must have the recorded status and the
//! recorded shape (same keys with the same JSON types at the top level, and in the first element
//! of a list). Values such as ids, timestamps and names are not compared.
//!
//! Interactions the emulator does not model are skipped and listed; a few are compared by status
//! only, each with the reason next to it.

use std::path::PathBuf;

use authsetup::sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

/// Fewer replayed interactions than this means the recordings were not found or mostly skipped.
const MIN_REPLAYED: usize = 25;

struct Interaction {
    method: String,
    url: String,
    content_type: Option<String>,
    body: String,
    status: u16,
    response: String,
}

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
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/recordings/auth0")
}

/// go-vcr (`interactions[]`) and Ruby VCR (`http_interactions[]`) cassettes alike.
fn load(cassette: &str) -> Vec<Interaction> {
    let path = recordings().join(cassette);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let doc: Value =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()));
    let text_of = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Object(_) => v["string"].as_str().unwrap_or("").to_string(),
        _ => String::new(),
    };
    let header = |headers: &Value, name: &str| {
        headers.as_object().and_then(|h| {
            h.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .and_then(|(_, v)| v[0].as_str().map(String::from))
        })
    };
    let list = doc
        .get("interactions")
        .or_else(|| doc.get("http_interactions"))
        .and_then(Value::as_array);
    list.unwrap_or_else(|| panic!("{cassette} has no interactions"))
        .iter()
        .map(|it| {
            let (req, resp) = (&it["request"], &it["response"]);
            Interaction {
                method: req["method"].as_str().unwrap_or("GET").to_uppercase(),
                url: req
                    .get("url")
                    .or_else(|| req.get("uri"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                content_type: header(&req["headers"], "content-type"),
                body: text_of(&req["body"]),
                status: resp["code"]
                    .as_u64()
                    .or_else(|| resp["status"]["code"].as_u64())
                    .unwrap_or(0) as u16,
                response: text_of(&resp["body"]),
            }
        })
        .collect()
}

/// Splits `https://host/path?query` into (`https://host`, `/path?query`).
fn split_url(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path_at = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    url.split_at(path_at)
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

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Same keys and JSON types at this level; lists are compared by their first elements.
fn same_shape(recorded: &Value, actual: &Value, at: &str, problems: &mut Vec<String>) {
    if kind(recorded) != kind(actual) {
        problems.push(format!(
            "{at}: recorded {} but got {}",
            kind(recorded),
            kind(actual)
        ));
        return;
    }
    match (recorded, actual) {
        (Value::Object(r), Value::Object(a)) => {
            let missing: Vec<&String> = r.keys().filter(|k| !a.contains_key(*k)).collect();
            let extra: Vec<&String> = a.keys().filter(|k| !r.contains_key(*k)).collect();
            if !missing.is_empty() || !extra.is_empty() {
                problems.push(format!(
                    "{at}: missing keys {missing:?}, unexpected keys {extra:?}"
                ));
            }
            for (key, r_value) in r {
                if let Some(a_value) = a.get(key) {
                    if kind(r_value) != kind(a_value) {
                        problems.push(format!(
                            "{at}.{key}: recorded {} but got {}",
                            kind(r_value),
                            kind(a_value)
                        ));
                    } else if let (Value::Array(rs), Value::Array(acts)) = (r_value, a_value)
                        && let (Some(r0), Some(a0)) = (rs.first(), acts.first())
                        && r0.is_object()
                    {
                        same_shape(r0, a0, &format!("{at}.{key}[0]"), problems);
                    }
                }
            }
        }
        (Value::Array(r), Value::Array(a)) => {
            if let (Some(r0), Some(a0)) = (r.first(), a.first()) {
                same_shape(r0, a0, &format!("{at}[0]"), problems);
            }
        }
        _ => {}
    }
}

fn parse(body: &str) -> Option<Value> {
    if body.trim().is_empty() {
        None
    } else {
        serde_json::from_str(body).ok()
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
            let resp = req.send().await.unwrap_or_else(|e| panic!("{label}: {e}"));
            let status = resp.status().as_u16();
            let text = resp.text().await.unwrap_or_default();
            report.replayed += 1;

            if status != rec.status {
                report.failures.push(format!(
                    "{label}: status {status}, recorded {}; body {text}",
                    rec.status
                ));
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
            match (recorded, actual) {
                (None, None) => {}
                (Some(r), Some(a)) => {
                    let mut problems = Vec::new();
                    same_shape(&r, &a, "$", &mut problems);
                    if !problems.is_empty() {
                        report
                            .failures
                            .push(format!("{label}: {}", problems.join("; ")));
                    }
                }
                (r, _) => report.failures.push(format!(
                    "{label}: recorded body {} but got {text:?}",
                    if r.is_some() { "JSON" } else { "empty" }
                )),
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recorded_auth0_traffic_replays_against_the_emulator() {
    assert!(
        recordings().is_dir(),
        "recordings not found at {} (shared/ must sit beside the repository)",
        recordings().display()
    );
    let http = reqwest::Client::new();
    let mut report = Report::default();
    for session in SESSIONS {
        replay(session, &http, &mut report).await;
    }

    println!("replayed {} recorded interactions", report.replayed);
    for line in &report.notes {
        println!("  compared by status only: {line}");
    }
    for line in &report.skipped {
        println!("  skipped: {line}");
    }
    assert!(
        report.failures.is_empty(),
        "{} mismatches:\n{}",
        report.failures.len(),
        report.failures.join("\n")
    );
    assert!(
        report.replayed >= MIN_REPLAYED,
        "only {} interactions replayed, want at least {MIN_REPLAYED}",
        report.replayed
    );
}
