//! Provisioning cost against the emulated tenant with injected latency: requests sent,
//! sequential rounds (from the emulator's log), wall time, and the ratio of wall time to the
//! lower bound. Run with `cargo bench --bench provision`; it prints Markdown tables (`-- latency`,
//! `-- free` or `-- servers` prints one).
//!
//! A run is network bound, so the numbers that matter are counts and rounds; wall time is shown
//! against `rounds × latency` to expose any waiting the client adds on top.

// The benchmark's output is its Markdown table.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use authsetup_sandbox::{OktaSandbox, RateLimit, RecordedRequest, Sandbox, SandboxConfig, Served};

const ITERATIONS: usize = 3;
/// Okta's apply never contacts the MCP server; the URL only shapes Codex's redirect URI.
const OKTA_MCP_URL: &str = "http://127.0.0.1:9/mcp";

struct Sample {
    requests: usize,
    writes: usize,
    rate_limited: usize,
    rounds: usize,
    wall: Duration,
}

#[derive(Clone, Copy)]
enum Flavour {
    Auth0,
    Okta,
}

enum Tenant {
    Auth0(Sandbox),
    Okta(OktaSandbox),
}

impl Tenant {
    fn start(flavour: Flavour, config: &SandboxConfig) -> Tenant {
        match flavour {
            Flavour::Auth0 => Tenant::Auth0(Sandbox::start_background(config.clone()).unwrap()),
            Flavour::Okta => Tenant::Okta(OktaSandbox::start_background(config.clone()).unwrap()),
        }
    }

    fn served(&self) -> &Served {
        match self {
            Tenant::Auth0(sb) => sb,
            Tenant::Okta(sb) => sb,
        }
    }

    /// What a user of this tenant exports; the audience is the MCP URL, as the README advises.
    fn env(&self) -> Vec<(&'static str, String)> {
        match self {
            Tenant::Auth0(sb) => vec![
                ("AUTH0_DOMAIN", sb.base_url()),
                ("AUTH0_CLIENT_ID", sb.client_id()),
                ("AUTH0_CLIENT_SECRET", sb.client_secret()),
                ("AUTH0_AUDIENCE", sb.mcp_url()),
                ("MCP_URL", sb.mcp_url()),
            ],
            Tenant::Okta(sb) => vec![
                ("OKTA_DOMAIN", sb.base_url()),
                ("OKTA_API_TOKEN", sb.api_token()),
                ("OKTA_AUDIENCE", "https://mcp.example.com/mcp".to_string()),
                ("MCP_URL", OKTA_MCP_URL.to_string()),
            ],
        }
    }
}

struct Scenario {
    name: &'static str,
    flavour: Flavour,
    /// The fewest sequential rounds the run can take (issue #8's bounds).
    bound_rounds: usize,
    /// Commands run first, unmeasured.
    prepare: &'static [&'static [&'static str]],
    args: &'static [&'static str],
}

/// Runs the binary with `home` as HOME, so consecutive runs share the rate-limit memory the way
/// one user's runs do.
fn run(tenant: &Tenant, home: &Path, args: &[&str]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_authsetup"))
        .args(args)
        .env_clear()
        .env("HOME", home)
        .envs(tenant.env())
        .current_dir(dir.path())
        .output()
        .expect("binary runs");
    let wall = started.elapsed();
    assert!(
        status.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    wall
}

fn measure(config: &SandboxConfig, scenario: &Scenario) -> Sample {
    let mut samples: Vec<Sample> = (0..ITERATIONS)
        .map(|_| {
            let tenant = Tenant::start(scenario.flavour, config);
            let home = tempfile::tempdir().unwrap();
            for args in scenario.prepare {
                run(&tenant, home.path(), args);
            }
            let served = tenant.served();
            served.clear_log();
            let wall = run(&tenant, home.path(), scenario.args);
            let log = served.requests();
            Sample {
                requests: log.len(),
                writes: log.iter().filter(|r| is_write(r)).count(),
                rate_limited: log.iter().filter(|r| r.status == 429).count(),
                rounds: served.rounds(),
                wall,
            }
        })
        .collect();
    samples.sort_by_key(|s| s.wall);
    samples.swap_remove(ITERATIONS / 2)
}

/// A Management API change (the token request and DCR probes excluded).
fn is_write(r: &RecordedRequest) -> bool {
    r.method != "GET" && r.path.starts_with("/api/")
}

/// The manual recipe of the seed document: one curl after another, each waiting for the last.
async fn naive_baseline(sb: &Sandbox) -> Sample {
    use reqwest::Method;
    use serde_json::json;
    let http = reqwest::Client::new();
    let base = sb.base_url();
    let aud = sb.mcp_url();
    let started = Instant::now();
    let token: serde_json::Value = http
        .post(format!("{base}/oauth/token"))
        .form(&[
            ("grant_type", "client_credentials".to_string()),
            ("client_id", sb.client_id()),
            ("client_secret", sb.client_secret()),
            ("audience", format!("{base}/api/v2/")),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bearer = format!("Bearer {}", token["access_token"].as_str().unwrap());
    let call = async |method: Method, path: &str, body: Option<serde_json::Value>| {
        let mut req = http
            .request(method, format!("{base}/api/v2/{path}"))
            .header("authorization", bearer.clone());
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap_or_default()
    };
    let rs = format!("resource-servers/{}", urlencode(&aud));
    call(Method::GET, &rs, None).await;
    let api = json!({"identifier": aud, "name": "MCP server", "signing_alg": "RS256", "allow_offline_access": true});
    call(Method::POST, "resource-servers", Some(api)).await;
    call(Method::GET, "tenants/settings", None).await;
    call(
        Method::PATCH,
        "tenants/settings",
        Some(json!({"default_audience": aud})),
    )
    .await;
    let dcr = json!({"flags": {"enable_dynamic_client_registration": true}});
    call(Method::PATCH, "tenants/settings", Some(dcr)).await;
    let policy = json!({"subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "deny_all"}}});
    call(Method::PATCH, &rs, Some(policy)).await;
    let grant = json!({"default_for": "third_party_clients", "audience": aud, "subject_type": "user", "scope": []});
    call(Method::POST, "client-grants", Some(grant)).await;
    let conns = call(
        Method::GET,
        "connections?name=Username-Password-Authentication",
        None,
    )
    .await;
    let id = conns[0]["id"].as_str().unwrap().to_string();
    let promote = json!({"is_domain_connection": true});
    call(Method::PATCH, &format!("connections/{id}"), Some(promote)).await;
    let wall = started.elapsed();
    let log = sb.requests();
    Sample {
        requests: log.len(),
        writes: log.iter().filter(|r| is_write(r)).count(),
        rate_limited: 0,
        rounds: sb.rounds(),
        wall,
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn row(name: &str, latency: Duration, bound_rounds: usize, s: &Sample) -> String {
    let (bound, ratio) = match bound_rounds {
        0 => ("–".to_string(), "–".to_string()),
        n => {
            let bound = latency * n as u32;
            let ratio = s.wall.as_secs_f64() / bound.as_secs_f64();
            (format!("{} ms", bound.as_millis()), format!("{ratio:.2}"))
        }
    };
    format!(
        "| {name} | {} ms | {} | {} | {} | {bound_rounds} | {} ms | {bound} | {ratio} |",
        latency.as_millis(),
        s.requests,
        s.writes,
        s.rounds,
        s.wall.as_millis(),
    )
}

const APPLY: &[&str] = &["apply"];

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "apply (fresh tenant)",
        flavour: Flavour::Auth0,
        bound_rounds: 4,
        prepare: &[],
        args: APPLY,
    },
    Scenario {
        name: "apply (no-op re-run)",
        flavour: Flavour::Auth0,
        bound_rounds: 2,
        prepare: &[APPLY],
        args: APPLY,
    },
    Scenario {
        name: "plan (fresh tenant)",
        flavour: Flavour::Auth0,
        bound_rounds: 2,
        prepare: &[],
        args: &["plan"],
    },
    Scenario {
        name: "doctor (applied tenant)",
        flavour: Flavour::Auth0,
        bound_rounds: 2,
        prepare: &[APPLY, &["codex", "config", "--write"]],
        args: &["doctor"],
    },
    Scenario {
        name: "api create",
        flavour: Flavour::Auth0,
        bound_rounds: 3,
        prepare: &[],
        args: &["api", "create"],
    },
    Scenario {
        name: "tenant default-audience",
        flavour: Flavour::Auth0,
        bound_rounds: 3,
        prepare: &[],
        args: &["tenant", "default-audience"],
    },
    Scenario {
        name: "dcr enable",
        flavour: Flavour::Auth0,
        bound_rounds: 3,
        prepare: &[],
        args: &["dcr", "enable"],
    },
    Scenario {
        name: "policy set",
        flavour: Flavour::Auth0,
        bound_rounds: 3,
        prepare: &[&["api", "create"]],
        args: &["policy", "set"],
    },
    Scenario {
        name: "connection promote",
        flavour: Flavour::Auth0,
        bound_rounds: 3,
        prepare: &[],
        args: &["connection", "promote"],
    },
    Scenario {
        name: "env write",
        flavour: Flavour::Auth0,
        bound_rounds: 0,
        prepare: &[],
        args: &["env", "write"],
    },
    Scenario {
        name: "Okta apply (fresh org)",
        flavour: Flavour::Okta,
        bound_rounds: 4,
        prepare: &[],
        args: APPLY,
    },
    Scenario {
        name: "Okta apply (no-op re-run)",
        flavour: Flavour::Okta,
        // Reads follow ids: the server, then its policies, then their rules.
        bound_rounds: 3,
        prepare: &[APPLY],
        args: APPLY,
    },
];

fn main() {
    // `cargo bench --bench provision -- free` runs only the rate-limit part, `-- latency` the rest.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if only.is_none() || only.as_deref() == Some("latency") {
        latency_table();
    }
    if only.is_none() || only.as_deref() == Some("free") {
        free_tier_table();
    }
    if only.is_none() || only.as_deref() == Some("servers") {
        servers_table();
    }
}

/// N MCP servers of `[[servers]]` on one tenant without a rate limit: requests grow with N,
/// rounds must not (every server's reads and writes share the rounds of one).
fn servers_table() {
    let latency = Duration::from_millis(50);
    println!();
    println!(
        "Several MCP servers per run (`[[servers]]`), {} ms latency, no rate limit",
        latency.as_millis()
    );
    println!();
    println!(
        "| tenant | servers | apply: requests | apply: rounds | re-run: requests | re-run: rounds |"
    );
    println!("|---|---|---|---|---|---|");
    let setups: [(&str, Flavour, &str); 3] = [
        ("Okta", Flavour::Okta, "provider = \"okta\"\n"),
        (
            "Auth0, resource + DCR",
            Flavour::Auth0,
            "audience_mode = \"resource\"\n",
        ),
        (
            "Auth0, resource + pre-registered",
            Flavour::Auth0,
            "audience_mode = \"resource\"\nregistration = \"preregistered\"\n",
        ),
    ];
    for (name, flavour, top) in setups {
        for n in [1, 3, 10] {
            let config = SandboxConfig {
                latency,
                ..SandboxConfig::default()
            };
            let tenant = Tenant::start(flavour, &config);
            let dir = tempfile::tempdir().unwrap();
            let mut file = top.to_string();
            for i in 0..n {
                file.push_str(&format!(
                    "[[servers]]\nname = \"s{i}\"\nurl = \"https://s{i}.example.com/mcp\"\nenv_file = \"s{i}.env\"\n"
                ));
            }
            std::fs::write(dir.path().join("authsetup.toml"), file).unwrap();
            // Only the tenant and its credentials: the servers come from the file.
            let credentials: Vec<_> = tenant
                .env()
                .into_iter()
                .filter(|(k, _)| !k.ends_with("_AUDIENCE") && *k != "MCP_URL")
                .collect();
            let mut counts = Vec::new();
            for _ in 0..2 {
                let served = tenant.served();
                served.clear_log();
                let out = Command::new(env!("CARGO_BIN_EXE_authsetup"))
                    .args(APPLY)
                    .env_clear()
                    .env("HOME", dir.path())
                    .envs(credentials.iter().cloned())
                    .current_dir(dir.path())
                    .output()
                    .expect("binary runs");
                assert!(
                    out.status.success(),
                    "{name}, {n} servers: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                counts.push((served.requests().len(), served.rounds()));
            }
            println!(
                "| {name} | {n} | {} | {} | {} | {} |",
                counts[0].0, counts[0].1, counts[1].0, counts[1].1
            );
        }
    }
}

fn latency_table() {
    println!(
        "| scenario | latency | requests | writes | rounds | bound | wall | bound × latency | ratio |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for latency in [Duration::from_millis(50), Duration::from_millis(150)] {
        let config = SandboxConfig {
            latency,
            ..SandboxConfig::default()
        };
        for sc in SCENARIOS {
            println!(
                "{}",
                row(sc.name, latency, sc.bound_rounds, &measure(&config, sc))
            );
        }
        let rt = tokio::runtime::Runtime::new().unwrap();
        let sb = Sandbox::start_background(config.clone()).unwrap();
        let s = rt.block_on(naive_baseline(&sb));
        println!(
            "{}",
            row(
                "naive baseline: the manual recipe, one request at a time",
                latency,
                4,
                &s
            )
        );
    }
}

/// The free tier's 2 requests/s with burst 2: the second run in a row is the hard case, as the
/// first one drained the bucket.
fn free_tier_table() {
    println!();
    println!("Free tier: 2 requests/s, burst 2, no Retry-After (pacing from X-RateLimit-* only)");
    println!();
    println!("| scenario | requests | 429s | wall | requests ÷ rate |");
    println!("|---|---|---|---|---|");
    let free = SandboxConfig {
        rate_limit: Some(RateLimit {
            per_second: 2,
            burst: 2,
            retry_after: false,
        }),
        ..SandboxConfig::default()
    };
    for sc in SCENARIOS
        .iter()
        .filter(|s| matches!(s.flavour, Flavour::Auth0))
        .take(4)
    {
        let s = measure(&free, sc);
        // The token endpoint is not under the Management API limit.
        let api_requests = s.requests.saturating_sub(1) as u64;
        println!(
            "| {} | {} | {} | {} ms | {} ms |",
            sc.name,
            s.requests,
            s.rate_limited,
            s.wall.as_millis(),
            api_requests * 500
        );
    }
}
