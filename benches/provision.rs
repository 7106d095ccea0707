//! Provisioning cost against the emulated tenant with injected latency: requests sent,
//! sequential rounds (from the emulator's log), wall time, and the ratio of wall time to the
//! lower bound. Run with `cargo bench --bench provision`; it prints a Markdown table.
//!
//! A run is network bound, so the numbers that matter are counts and rounds; wall time is shown
//! against `rounds × latency` to expose any waiting the client adds on top.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use authsetup::sandbox::{RateLimit, RecordedRequest, Sandbox, SandboxConfig};

const AUD: &str = "https://mcp.example.com/mcp";
const ITERATIONS: usize = 3;

struct Sample {
    requests: usize,
    writes: usize,
    rate_limited: usize,
    rounds: usize,
    wall: Duration,
}

struct Scenario {
    name: &'static str,
    /// The fewest sequential rounds the run can take (issue #8's bounds).
    bound_rounds: usize,
    prepare: fn(&Sandbox, &Path),
    args: &'static [&'static str],
}

fn nothing(_: &Sandbox, _: &Path) {}

fn applied(sb: &Sandbox, home: &Path) {
    run(sb, home, &["apply"]);
}

fn with_api(sb: &Sandbox, home: &Path) {
    run(sb, home, &["api", "create"]);
}

/// Runs the binary with `home` as HOME, so consecutive runs share the rate-limit memory the way
/// one user's runs do.
fn run(sb: &Sandbox, home: &Path, args: &[&str]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_authsetup"))
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("AUTH0_DOMAIN", sb.base_url())
        .env("AUTH0_CLIENT_ID", sb.client_id())
        .env("AUTH0_CLIENT_SECRET", sb.client_secret())
        .env("AUTH0_AUDIENCE", AUD)
        .env("MCP_URL", AUD)
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
            let sb = Sandbox::start_background(config.clone()).unwrap();
            let home = tempfile::tempdir().unwrap();
            (scenario.prepare)(&sb, home.path());
            sb.clear_log();
            let wall = run(&sb, home.path(), scenario.args);
            let log = sb.requests();
            Sample {
                requests: log.len(),
                writes: log.iter().filter(|r| is_write(r)).count(),
                rate_limited: log.iter().filter(|r| r.status == 429).count(),
                rounds: sb.rounds(),
                wall,
            }
        })
        .collect();
    samples.sort_by_key(|s| s.wall);
    samples.swap_remove(ITERATIONS / 2)
}

fn is_write(r: &RecordedRequest) -> bool {
    r.method != "GET" && r.path.starts_with("/api/v2/")
}

/// The manual recipe of the seed document: one curl after another, each waiting for the last.
async fn naive_baseline(sb: &Sandbox) -> Sample {
    let http = reqwest::Client::new();
    let base = sb.base_url();
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
    let api = |method: reqwest::Method, path: &str| {
        http.request(method, format!("{base}/api/v2/{path}"))
            .header("authorization", bearer.clone())
    };
    use reqwest::Method;
    let enc = "https%3A%2F%2Fmcp.example.com%2Fmcp";
    api(Method::GET, &format!("resource-servers/{enc}"))
        .send()
        .await
        .unwrap();
    api(Method::POST, "resource-servers")
        .json(&serde_json::json!({"identifier": AUD, "name": "MCP server", "signing_alg": "RS256", "allow_offline_access": true}))
        .send()
        .await
        .unwrap();
    api(Method::GET, "tenants/settings").send().await.unwrap();
    api(Method::PATCH, "tenants/settings")
        .json(&serde_json::json!({"default_audience": AUD}))
        .send()
        .await
        .unwrap();
    api(Method::PATCH, "tenants/settings")
        .json(&serde_json::json!({"flags": {"enable_dynamic_client_registration": true}}))
        .send()
        .await
        .unwrap();
    api(Method::PATCH, &format!("resource-servers/{enc}"))
        .json(&serde_json::json!({"subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "deny_all"}}}))
        .send()
        .await
        .unwrap();
    api(Method::POST, "client-grants")
        .json(&serde_json::json!({"default_for": "third_party_clients", "audience": AUD, "subject_type": "user", "scope": []}))
        .send()
        .await
        .unwrap();
    let conns: serde_json::Value = api(
        Method::GET,
        "connections?name=Username-Password-Authentication",
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let id = conns[0]["id"].as_str().unwrap().to_string();
    api(Method::PATCH, &format!("connections/{id}"))
        .json(&serde_json::json!({"is_domain_connection": true}))
        .send()
        .await
        .unwrap();
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

fn row(name: &str, latency: Duration, bound_rounds: usize, s: &Sample) -> String {
    let bound = latency * bound_rounds as u32;
    let ratio = s.wall.as_secs_f64() / bound.as_secs_f64();
    format!(
        "| {name} | {} ms | {} | {} | {} | {} | {} ms | {} ms | {ratio:.2} |",
        latency.as_millis(),
        s.requests,
        s.writes,
        s.rounds,
        bound_rounds,
        s.wall.as_millis(),
        bound.as_millis(),
    )
}

fn main() {
    let scenarios = [
        Scenario {
            name: "apply (fresh tenant)",
            bound_rounds: 4,
            prepare: nothing,
            args: &["apply"],
        },
        Scenario {
            name: "apply (no-op re-run)",
            bound_rounds: 2,
            prepare: applied,
            args: &["apply"],
        },
        Scenario {
            name: "plan (fresh tenant)",
            bound_rounds: 2,
            prepare: nothing,
            args: &["plan"],
        },
        Scenario {
            name: "api create",
            bound_rounds: 3,
            prepare: nothing,
            args: &["api", "create"],
        },
        Scenario {
            name: "tenant default-audience",
            bound_rounds: 3,
            prepare: nothing,
            args: &["tenant", "default-audience"],
        },
        Scenario {
            name: "dcr enable",
            bound_rounds: 3,
            prepare: nothing,
            args: &["dcr", "enable"],
        },
        Scenario {
            name: "policy set",
            bound_rounds: 3,
            prepare: with_api,
            args: &["policy", "set"],
        },
        Scenario {
            name: "connection promote",
            bound_rounds: 3,
            prepare: nothing,
            args: &["connection", "promote"],
        },
        Scenario {
            name: "env write",
            bound_rounds: 0,
            prepare: nothing,
            args: &["env", "write"],
        },
    ];
    // `cargo bench --bench provision -- free` runs only the rate-limit part, `-- latency` the rest.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if only.as_deref() != Some("free") {
        latency_table(&scenarios);
    }
    if only.as_deref() != Some("latency") {
        free_tier_table(&scenarios);
    }
}

fn latency_table(scenarios: &[Scenario]) {
    println!(
        "| scenario | latency | requests | writes | rounds | bound | wall | bound × latency | ratio |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for latency in [Duration::from_millis(50), Duration::from_millis(150)] {
        let config = SandboxConfig {
            latency,
            ..SandboxConfig::default()
        };
        for sc in scenarios {
            let s = measure(&config, sc);
            if sc.bound_rounds == 0 {
                println!(
                    "| {} | {} ms | {} | {} | {} | 0 | {} ms | – | – |",
                    sc.name,
                    latency.as_millis(),
                    s.requests,
                    s.writes,
                    s.rounds,
                    s.wall.as_millis()
                );
            } else {
                println!("{}", row(sc.name, latency, sc.bound_rounds, &s));
            }
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
fn free_tier_table(scenarios: &[Scenario]) {
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
    for sc in &scenarios[..3] {
        let s = measure(&free, sc);
        let api_requests = s.requests.saturating_sub(1);
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
