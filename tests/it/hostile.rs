//! A hostile or broken server in front of the emulated tenant: redirects elsewhere, absurd
//! rate-limit headers, huge or endless answers, terminal escapes in error messages, TLS on the
//! wrong port. Every case ends with a clear error or a finished run, never a panic, a hang, a
//! request to another host, or a write reported done that was not made.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use authsetup_sandbox::{OktaSandbox, Sandbox, SandboxConfig};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::common::{AUD, World, output_text};

/// One request as the hostile server saw it.
#[derive(Clone, Debug)]
struct Seen {
    method: Method,
    path: String,
    headers: HeaderMap,
}

enum Reply {
    /// Pass the request to the tenant behind.
    Forward,
    /// Pass it on, then add these headers to the tenant's answer.
    ForwardWith(Vec<(&'static str, String)>),
    /// Answer it here.
    Answer(Response),
}

type Rule = dyn Fn(&Seen, usize) -> Reply + Send + Sync;

/// A server on 127.0.0.1 that logs every request and answers by `rule`, which sees the
/// request and how many came before it on the same path.
struct Hostile {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Hostile {
    fn start(
        upstream: Option<String>,
        rule: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static,
    ) -> Hostile {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let log: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let rule: Arc<Rule> = Arc::new(rule);
        let state = (log.clone(), rule, upstream, reqwest::Client::new());
        std::thread::spawn(move || {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let (log, rule, upstream, client) = state.clone();
                    async move { handle(req, &log, &*rule, upstream, &client).await }
                });
                axum::serve(listener, app).await.unwrap();
            });
        });
        Hostile { addr, log }
    }

    /// A server that only logs: the "other host" a redirect points at.
    fn bystander() -> Hostile {
        Hostile::start(None, |_, _| Reply::Answer(StatusCode::OK.into_response()))
    }

    fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn requests(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }
}

async fn handle(
    req: Request<Body>,
    log: &Mutex<Vec<Seen>>,
    rule: &Rule,
    upstream: Option<String>,
    client: &reqwest::Client,
) -> Response {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    let seen = Seen {
        method: parts.method.clone(),
        path: path_and_query(&parts.uri),
        headers: parts.headers.clone(),
    };
    let before = {
        let mut log = log.lock().unwrap();
        let n = log
            .iter()
            .filter(|s| s.path.split('?').next() == seen.path.split('?').next())
            .count();
        log.push(seen.clone());
        n
    };
    let extra = match rule(&seen, before) {
        Reply::Answer(r) => return r,
        Reply::Forward => Vec::new(),
        Reply::ForwardWith(extra) => extra,
    };
    let upstream = upstream.expect("a forwarding rule needs a tenant behind");
    let mut out = client.request(parts.method, format!("{upstream}{}", seen.path));
    for (name, value) in &parts.headers {
        if name != "host" {
            out = out.header(name, value);
        }
    }
    let answer = out.body(body).send().await.unwrap();
    let mut resp = Response::builder().status(answer.status().as_u16());
    for (name, value) in answer.headers() {
        resp = resp.header(name, value);
    }
    for (name, value) in extra {
        resp = resp.header(name, value);
    }
    resp.body(Body::from(answer.bytes().await.unwrap()))
        .unwrap()
}

fn path_and_query(uri: &Uri) -> String {
    uri.path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_default()
}

fn redirect(to: String) -> Reply {
    Reply::Answer((StatusCode::TEMPORARY_REDIRECT, [("location", to)]).into_response())
}

fn epoch_in(secs: u64) -> String {
    (SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + secs)
        .to_string()
}

/// The binary against `domain` with a Management API token of `sb` (no token request needed)
/// and a HOME of its own in `w`.
fn with_token(w: &World, domain: &str) -> Command {
    let mut cmd = w.bare();
    cmd.env("AUTH0_DOMAIN", domain)
        .env(
            "AUTH0_MGMT_TOKEN",
            w.sandbox.issue_token(Sandbox::all_scopes()),
        )
        .env("AUTH0_AUDIENCE", AUD)
        .timeout(Duration::from_secs(60));
    cmd
}

fn run(w: &World, domain: &str, args: &[&str]) -> Output {
    with_token(w, domain).args(args).output().unwrap()
}

/// Checks the exit code (showing everything the run said when it is wrong); gives stderr.
fn exited(out: &Output, code: i32, context: &str) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{context} {}",
        output_text(out)
    );
    stderr(out)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_token_request_redirected_to_another_host_sends_nothing_there() {
    let w = World::new();
    let elsewhere = Hostile::bystander();
    let target = format!("{}/stolen/token", elsewhere.base_url());
    let front = Hostile::start(None, move |_, _| redirect(target.clone()));
    let out = w
        .bare()
        .env("AUTH0_DOMAIN", front.base_url())
        .env("AUTH0_CLIENT_ID", "cid")
        .env("AUTH0_CLIENT_SECRET", "TOPSECRET-CLIENT-SECRET-123")
        .env("AUTH0_AUDIENCE", AUD)
        .arg("plan")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
    let text = stderr(&out);
    assert!(
        text.contains("POST /oauth/token") && text.contains("redirect"),
        "{text}"
    );
    assert!(!text.contains("TOPSECRET"), "{text}");
}

#[test]
fn writes_answered_by_a_redirect_are_not_reported_done() {
    let w = World::new();
    let elsewhere = Hostile::bystander();
    let target = elsewhere.base_url();
    let front = Hostile::start(Some(w.sandbox.base_url()), move |seen, _| {
        if seen.method == Method::GET {
            Reply::Forward
        } else {
            redirect(format!("{target}{}", seen.path))
        }
    });
    let text = exited(&run(&w, &front.base_url(), &["apply"]), 1, "");
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
    assert!(w.writes().is_empty(), "the tenant got no write");
    assert!(
        w.env_file().is_none(),
        "no .env after writes that did not happen"
    );
    assert!(!text.contains('✓'), "nothing is reported done: {text}");
    assert!(text.contains("redirect"), "{text}");
}

#[test]
fn absurd_retry_after_values_neither_crash_nor_stall() {
    // Not a wait at all: skipped, and the request is sent again after a short backoff.
    for value in ["-1", "NaN", "inf"] {
        let w = World::new();
        let front = Hostile::start(Some(w.sandbox.base_url()), move |_, before| {
            if before == 0 {
                Reply::Answer(
                    (StatusCode::TOO_MANY_REQUESTS, [("retry-after", value)]).into_response(),
                )
            } else {
                Reply::Forward
            }
        });
        exited(&run(&w, &front.base_url(), &["plan"]), 0, value);
    }
    // A wait longer than any run should take: refused at once, with what to do.
    for (name, value) in [
        ("retry-after", "1e300".to_string()),
        ("retry-after", "18446744073709551616".to_string()),
        ("x-ratelimit-reset", "18446744073709551615".to_string()),
        ("x-ratelimit-reset", epoch_in(365 * 86_400)),
    ] {
        let w = World::new();
        let front = Hostile::start(Some(w.sandbox.base_url()), move |_, _| {
            Reply::Answer((StatusCode::TOO_MANY_REQUESTS, [(name, value.clone())]).into_response())
        });
        let text = exited(&run(&w, &front.base_url(), &["plan"]), 1, name);
        assert!(
            text.contains("rate limited") && text.contains("hint:"),
            "{text}"
        );
        assert!(front.requests().len() <= 5, "one attempt per read");
    }
}

#[test]
fn absurd_quota_headers_on_answers_do_not_stall_the_run_or_the_next() {
    let w = World::new();
    let front = Hostile::start(Some(w.sandbox.base_url()), |_, before| {
        // Limit 0, then a limit that does not fit 32 bits, both with a spent budget and a
        // reset that is years away.
        let limit = if before % 2 == 0 { "0" } else { "4294967296" };
        Reply::ForwardWith(vec![
            ("x-ratelimit-limit", limit.to_string()),
            ("x-ratelimit-remaining", "0".to_string()),
            ("x-ratelimit-reset", "18446744073709551615".to_string()),
        ])
    });
    for _ in 0..2 {
        exited(&run(&w, &front.base_url(), &["plan"]), 0, "");
    }
}

#[test]
fn a_corrupt_or_absurd_rate_limit_cache_is_not_trusted() {
    let w = World::new();
    let cache = w.path(".cache/authsetup/rate-limits.json");
    let origin = w.sandbox.base_url();
    let file = |entry: serde_json::Value| serde_json::json!({ origin.clone(): entry }).to_string();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    let far: u64 = epoch_in(365 * 86_400).parse().unwrap();
    let answers = |sent: f64, answered: f64, remaining: u32, reset: u64| {
        let answer = serde_json::json!({"sent": sent, "answered": answered, "limited": false,
            "remaining": remaining, "reset": reset});
        file(serde_json::json!({"limit": 2, "answers": [answer, answer]}))
    };
    for text in [
        file(
            serde_json::json!({"limit": 2, "remaining": 0, "reset": epoch_in(365 * 86_400).parse::<u64>().unwrap()}),
        ),
        file(serde_json::json!({"limit": u64::MAX, "remaining": u64::MAX, "reset": u64::MAX})),
        file(serde_json::json!({"limit": 0, "remaining": 0, "reset": u64::MAX})),
        file(serde_json::json!("not an entry")),
        "{not json".to_string(),
        // Remembered answers: a reset a year ahead, times in the future or out of order, more
        // left than the limit, and a list that is not one.
        answers(now, now, 0, far),
        answers(1e300, 1e300, 0, u64::MAX),
        answers(now, now - 10.0, 0, now as u64 + 1),
        answers(now, now, 7, now as u64 + 1),
        file(serde_json::json!({"limit": 2, "answers": "not a list"})),
    ] {
        std::fs::create_dir_all(cache.parent().unwrap()).unwrap();
        std::fs::write(&cache, &text).unwrap();
        let out = w
            .cmd()
            .timeout(Duration::from_secs(30))
            .arg("plan")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{text}: {}", output_text(&out));
        assert_no_far_reset(&cache);
    }
}

/// The cache never tells the next run to wait more than a minute or two.
fn assert_no_far_reset(cache: &Path) {
    let limits: serde_json::Value =
        serde_json::from_slice(&std::fs::read(cache).unwrap_or_default()).unwrap_or_default();
    let horizon: u64 = epoch_in(120).parse().unwrap();
    for (_, entry) in limits.as_object().into_iter().flatten() {
        for answer in entry["answers"].as_array().into_iter().flatten() {
            let reset = answer["reset"].as_u64().unwrap();
            assert!(reset <= horizon, "{entry}");
        }
    }
}

#[test]
fn a_long_wait_for_the_rate_limit_is_said() {
    let w = World::new();
    // One reset for the whole run, 5 s after the start: every answer says the budget is spent
    // until then, so the writes wait for it (seconds, even on a busy machine), the concurrent
    // ones together, and once it has passed nothing waits again.
    let reset = epoch_in(5);
    let front = Hostile::start(Some(w.sandbox.base_url()), move |_, _| {
        Reply::ForwardWith(vec![
            ("x-ratelimit-limit", "2".to_string()),
            ("x-ratelimit-remaining", "0".to_string()),
            ("x-ratelimit-reset", reset.clone()),
        ])
    });
    let text = exited(&run(&w, &front.base_url(), &["apply"]), 0, "");
    // Said, but not by every request waiting for the same reset: at most once per write.
    let said = text.matches("for the tenant's rate limit").count();
    assert!((1..=4).contains(&said), "{text}");
    // The next run starts from the spent budget it remembers, and says nothing in JSON mode.
    let text = exited(
        &run(&w, &front.base_url(), &["plan", "--output", "json"]),
        0,
        "",
    );
    assert!(!text.contains("rate limit"), "{text}");
}

#[test]
fn a_huge_answer_is_not_read_to_the_end() {
    let w = World::new();
    let front = Hostile::start(Some(w.sandbox.base_url()), |seen, _| {
        if seen.path.starts_with("/api/v2/connections") {
            // Streamed without a length, so only counting what arrives can stop it.
            let chunks = (0..64).map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![b' '; 1 << 20])));
            let body = Body::from_stream(futures::stream::iter(chunks));
            Reply::Answer((StatusCode::OK, body).into_response())
        } else {
            Reply::Forward
        }
    });
    let text = exited(&run(&w, &front.base_url(), &["plan"]), 1, "");
    assert!(
        text.contains("GET /api/v2/connections") && text.contains("MiB"),
        "{text}"
    );
}

#[test]
fn server_text_cannot_rewrite_the_terminal() {
    let w = World::new();
    let evil = "\u{1b}]0;PWNED\u{7}\u{1b}[2K\r\u{1b}[32m✓ tenant already matches\u{1b}[0m\u{9b}8m";
    let front = Hostile::start(Some(w.sandbox.base_url()), move |seen, _| {
        if seen.path.starts_with("/api/v2/client-grants") {
            let body =
                serde_json::json!({"statusCode": 403, "error": "Forbidden", "message": evil});
            Reply::Answer((StatusCode::FORBIDDEN, axum::Json(body)).into_response())
        } else {
            Reply::Forward
        }
    });
    let text = exited(&run(&w, &front.base_url(), &["plan"]), 1, "");
    assert!(
        text.contains("tenant already matches"),
        "the words stay: {text}"
    );
    assert!(
        !text.contains(|c: char| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let out = with_token(&w, &front.base_url())
        .args(["plan", "--output", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(!message.contains(|c: char| c.is_control()), "{message:?}");
}

#[test]
fn okta_pages_stop_on_an_empty_page_and_after_a_bound() {
    let sb = OktaSandbox::start_background(SandboxConfig::default()).unwrap();
    let upstream = sb.base_url();
    let run = |empty: bool| {
        let upstream = upstream.clone();
        let front = Hostile::start(Some(upstream), move |seen, before| {
            let (path, _) = seen.path.split_once('?').unwrap_or((&seen.path, ""));
            if path != "/api/v1/authorizationServers" {
                return Reply::Forward;
            }
            let host = seen.headers["host"].to_str().unwrap();
            let link = format!(
                "<http://{host}{path}?after={}&limit=200>; rel=\"next\"",
                before + 1
            );
            let page = if empty {
                serde_json::json!([])
            } else {
                serde_json::json!([{"id": format!("aus{before}"), "name": "Someone else's", "audiences": ["x"]}])
            };
            Reply::Answer(([("link", link)], axum::Json(page)).into_response())
        });
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_authsetup"))
            .env_clear()
            .env("HOME", dir.path())
            .env("OKTA_DOMAIN", front.base_url())
            .env("OKTA_API_TOKEN", sb.api_token())
            .env("OKTA_AUDIENCE", AUD)
            .env("MCP_URL", "http://127.0.0.1:9/mcp")
            .current_dir(dir.path())
            .timeout(Duration::from_secs(120))
            .arg("plan")
            .output()
            .unwrap();
        let pages = front
            .requests()
            .iter()
            .filter(|s| s.path.starts_with("/api/v1/authorizationServers"))
            .count();
        (out, pages)
    };
    let (out, pages) = run(true);
    assert_eq!(pages, 1, "{}", output_text(&out));
    let (out, pages) = run(false);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert_eq!(pages, 50);
    assert!(stderr(&out).contains("50 pages"), "{}", stderr(&out));
}

#[test]
fn a_token_with_a_control_character_is_bad_input() {
    let w = World::new();
    for name in ["AUTH0_MGMT_TOKEN", "AUTH0_CLIENT_SECRET"] {
        let out = w
            .cmd()
            .env(name, "tok-SECRETVALUE\r")
            .arg("plan")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: {}", output_text(&out));
        let text = stderr(&out);
        assert!(text.contains(name) && text.contains("hint:"), "{text}");
        assert!(!text.contains("SECRETVALUE"), "{text}");
    }
    assert!(w.sandbox.requests().is_empty(), "no request was sent");
}

#[test]
fn a_bad_timeout_setting_is_bad_input() {
    let w = World::new();
    for value in ["inf", "1e30", "18446744073709551616", "-3", "soon"] {
        let out = w
            .cmd()
            .env("AUTHSETUP_HTTP_TIMEOUT", value)
            .arg("plan")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{value}: {}", output_text(&out));
        let text = stderr(&out);
        assert!(
            text.contains("AUTHSETUP_HTTP_TIMEOUT") && text.contains("hint:"),
            "{text}"
        );
    }
    assert!(w.sandbox.requests().is_empty(), "no request was sent");
}

#[test]
fn network_failures_name_host_port_and_tls() {
    let w = World::new();
    // A port that speaks plain HTTP, reached with https: the handshake fails.
    let plain = Hostile::bystander();
    let text = exited(
        &run(&w, &format!("https://{}", plain.addr), &["plan"]),
        1,
        "",
    );
    assert!(
        text.contains("TLS") && text.contains(&plain.addr.to_string()),
        "{text}"
    );
    assert!(!text.contains("cannot connect"), "{text}");
    // Nothing listens: the address is named in full.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = closed.local_addr().unwrap();
    drop(closed);
    let text = exited(&run(&w, &format!("http://{addr}"), &["plan"]), 1, "");
    assert!(
        text.contains(&format!("cannot connect to {addr}")),
        "{text}"
    );
}

/// doctor's `oauth.dcr_probe` check, from `doctor --probe-dcr --output json` against `domain`.
fn probe_check(w: &World, domain: &str) -> serde_json::Value {
    let out = run(w, domain, &["doctor", "--probe-dcr", "--output", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "oauth.dcr_probe")
        .expect("the probe ran")
        .clone()
}

/// `doctor --probe-dcr` deletes the client it registered. A registration endpoint that answers
/// with the id of another application (here a first-party one of the tenant's) must not make it
/// delete that one: the id is checked through the Management API first.
#[test]
fn the_dcr_probe_never_deletes_a_client_it_did_not_register() {
    let w = World::new();
    let victim = "victimFirstPartyApp0000000000001";
    w.sandbox.with_tenant(|t| {
        t.clients.push(serde_json::json!({
            "client_id": victim, "name": "Payroll", "is_first_party": true,
            "app_type": "regular_web", "callbacks": ["https://payroll.example/cb"],
        }))
    });
    let front = Hostile::start(Some(w.sandbox.base_url()), move |seen, _| {
        if seen.method == Method::POST && seen.path == "/oidc/register" {
            let answer = serde_json::json!({
                "client_id": victim, "client_name": "Codex", "token_endpoint_auth_method": "none",
            });
            Reply::Answer((StatusCode::CREATED, axum::Json(answer)).into_response())
        } else {
            Reply::Forward
        }
    });
    // The metadata served through the front names the front as issuer and registrar.
    let base = front.base_url();
    w.sandbox.with_tenant(|t| {
        t.discovery_overrides
            .insert("issuer".into(), format!("{base}/").into());
        t.discovery_overrides.insert(
            "registration_endpoint".into(),
            format!("{base}/oidc/register").into(),
        );
    });
    let probe = probe_check(&w, &base);
    assert_eq!(probe["status"], "fail", "{probe}");
    assert!(
        probe["message"].as_str().unwrap().contains("left alone"),
        "{probe}"
    );
    assert!(
        front.requests().iter().all(|r| r.method != Method::DELETE),
        "{:#?}",
        front.requests()
    );
    assert!(
        w.sandbox
            .with_tenant(|t| t.clients.iter().any(|c| c["client_id"] == victim))
    );
}

/// The probe registers only at the issuer's own origin: a metadata document naming another
/// host's registration endpoint gets nothing sent there.
#[test]
fn the_dcr_probe_registers_nowhere_but_at_the_issuer() {
    let w = World::new();
    let elsewhere = Hostile::bystander();
    let target = format!("{}/oidc/register", elsewhere.base_url());
    w.sandbox.with_tenant(|t| {
        t.discovery_overrides
            .insert("registration_endpoint".into(), target.into());
    });
    let probe = probe_check(&w, &w.sandbox.base_url());
    assert_eq!(probe["status"], "fail", "{probe}");
    assert!(
        probe["message"]
            .as_str()
            .unwrap()
            .contains("not on the issuer's own"),
        "{probe}"
    );
    assert!(
        elsewhere.requests().is_empty(),
        "{:#?}",
        elsewhere.requests()
    );
}

/// A URL a server names (here the MCP server's `resource_metadata`) is fetched only over https
/// or on loopback, like the URLs the user gives. `.invalid` never resolves, so even a
/// regression would send nothing off this machine; it would fail on the lookup instead.
#[test]
fn a_discovered_plain_http_url_off_loopback_is_not_fetched() {
    let w = World::new();
    let mcp = Hostile::start(None, |_, _| {
        let challenge = r#"Bearer resource_metadata="http://mcp.example.invalid/prm""#;
        Reply::Answer((StatusCode::UNAUTHORIZED, [("www-authenticate", challenge)]).into_response())
    });
    let out = with_token(&w, &w.sandbox.base_url())
        .args(["doctor", "--output", "json", "--mcp-url"])
        .arg(format!("{}/mcp", mcp.base_url()))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("http://mcp.example.invalid/prm is plain HTTP off loopback"),
        "{text}"
    );
}

/// Whatever a server puts in the text doctor quotes (here its metadata's registration endpoint)
/// reaches the terminal without control characters.
#[test]
fn doctor_quotes_server_text_without_control_characters() {
    let w = World::new();
    w.sandbox.with_tenant(|t| {
        t.discovery_overrides.insert(
            "registration_endpoint".into(),
            "http://127.0.0.1:1/\u{1b}]0;PWNED\u{7}\u{1b}[2K\r\u{1b}[32m✓ all good".into(),
        );
    });
    let out = run(&w, &w.sandbox.base_url(), &["doctor"]);
    let text = stderr(&out);
    assert!(text.contains("PWNED"), "the endpoint is quoted: {text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}
