//! Replays recorded Okta Management API traffic (shared/reference/recordings/okta) against the
//! emulated org, as tests/replay_auth0.rs does for Auth0: each cassette in order against a fresh
//! org, recorded ids rewritten to the emulator's, every answer with the recorded status and, for
//! the authorization-server family, the recorded shape.

use crate::replay;
use crate::replay::{Interaction, parse, shape_mismatch, split_url, status_mismatch};
use authsetup_sandbox::{OktaSandbox, SandboxConfig};
use serde_json::Value;

/// Fewer replayed interactions than this means the recordings were not found or mostly skipped.
const MIN_REPLAYED: usize = 80;

struct Session {
    cassette: &'static str,
    /// The recording was made on an org without API Access Management (TF "classic").
    without_api_am: bool,
}

const fn session(cassette: &'static str) -> Session {
    Session {
        cassette,
        without_api_am: false,
    }
}

const SESSIONS: &[Session] = &[
    session("terraform-provider-okta/TestAccResourceOktaAuthServer_crud/oie-00.yaml"),
    Session {
        without_api_am: true,
        ..session("terraform-provider-okta/TestAccResourceOktaAuthServer_crud/classic-00.yaml")
    },
    session("terraform-provider-okta/TestAccDataSourceOktaAuthServer_read/oie-00.yaml"),
    session("terraform-provider-okta/TestAccResourceOktaAuthServerScope_crud/oie-00.yaml"),
    session("terraform-provider-okta/TestAccResourceOktaAuthServerPolicy_crud/oie-00.yaml"),
    session("terraform-provider-okta/TestAccResourceOktaAuthServerPolicyRule_create/oie-00.yaml"),
    session("terraform-provider-okta/TestAccDataSourceOktaEveryoneGroup_read/oie-00.yaml"),
    session("terraform-provider-okta/TestAccResourceOktaAppOauth_pkce_required/oie-00.yaml"),
    session(
        "okta-sdk-python/test_authorization_server_rules_it/TestAuthorizationServerRulesResource.test_policy_rules_lifecycle.yaml",
    ),
];

/// What the emulator answers; anything else is skipped.
fn modelled(path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
    matches!(
        segments.as_slice(),
        ["authorizationServers", ..]
            | ["apps"]
            | ["apps", _]
            | ["apps", _, "lifecycle", _]
            | ["groups"]
    )
}

/// App documents carry some twenty presentation and provisioning fields (accessibility,
/// visibility, features, orn, universalLogout, …) the emulator does not model; their answers are
/// compared by status only.
fn shape_compared(path: &str) -> bool {
    path.starts_with("/api/v1/authorizationServers")
}

#[derive(Default)]
struct Report {
    replayed: usize,
    skipped: Vec<String>,
    failures: Vec<String>,
}

/// The id of a created or listed object, to map the recorded one onto the emulator's.
fn first_id(v: &Value) -> Option<&str> {
    match v {
        Value::Array(items) => items.first()?["id"].as_str(),
        other => other["id"].as_str(),
    }
}

async fn replay(session: &Session, http: &reqwest::Client, report: &mut Report) {
    let sandbox = OktaSandbox::start(SandboxConfig::default())
        .await
        .expect("sandbox starts");
    if session.without_api_am {
        sandbox.with_org(|o| o.api_access_management = false);
    }
    let base = sandbox.base_url();
    let token = sandbox.api_token();
    let interactions: Vec<Interaction> =
        replay::load(&replay::recordings("okta").join(session.cassette));
    let mut rewrites: Vec<(String, String)> = Vec::new();
    for (n, rec) in interactions.iter().enumerate() {
        let (recorded_origin, path) = split_url(&rec.url);
        let label = format!("{} #{n} {} {path}", session.cassette, rec.method);
        if !path.starts_with("/api/v1/") || !modelled(path) {
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
        let mut req = http
            .request(
                rec.method.parse().expect("a valid method"),
                format!("{base}{}", rewrite(path)),
            )
            .header("authorization", format!("SSWS {token}"));
        if !rec.body.trim().is_empty() {
            req = req
                .header("content-type", "application/json")
                .body(rewrite(&rec.body));
        }
        let (status, text) = replay::answer(req, &label).await;
        report.replayed += 1;
        if let Some(problem) = status_mismatch(&label, rec, status, &text) {
            report.failures.push(problem);
            continue;
        }
        let (recorded, actual) = (parse(&rec.response), parse(&text));
        if let (Some(r), Some(a)) = (&recorded, &actual)
            && let (Some(from), Some(to)) = (first_id(r), first_id(a))
            && from != to
            && !rewrites.iter().any(|(f, _)| f == from)
        {
            rewrites.push((from.to_string(), to.to_string()));
        }
        if shape_compared(path) {
            report.failures.extend(shape_mismatch(&label, rec, &text));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recorded_okta_traffic_replays_against_the_emulator() {
    assert!(
        replay::recordings("okta").is_dir(),
        "recordings not found at {} (shared/ must sit beside the repository: .ci/fetch-reference)",
        replay::recordings("okta").display()
    );
    let http = reqwest::Client::new();
    let mut report = Report::default();
    for session in SESSIONS {
        replay(session, &http, &mut report).await;
    }
    let notes: Vec<String> = report
        .skipped
        .iter()
        .map(|l| format!("skipped: {l}"))
        .collect();
    replay::conclude(report.replayed, MIN_REPLAYED, &notes, &report.failures);
}
