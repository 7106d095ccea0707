//! The one HTTP client: timeouts, retries, rate-limit pacing and redacted traces.
//!
//! Retrying follows what is safe: a 429 means the request was not processed, so any request is
//! sent again once the limit resets; a 5xx, a dropped connection or a garbled body is retried
//! only for requests that do the same thing twice (reads, PATCH, PUT, DELETE). A POST that may
//! have created something is left to the caller, which can look the object up first.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use url::Url;

use crate::error::{AppError, Result};

const MAX_RATE_LIMIT_RETRIES: u32 = 10;
const MAX_TRANSIENT_RETRIES: u32 = 3;
const LONGEST_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);

pub enum Body {
    Empty,
    Json(Value),
    /// Form fields; values of secret-looking names are redacted in traces.
    Form(Vec<(&'static str, String)>),
}

pub struct Request<'a> {
    pub method: Method,
    pub url: Url,
    /// `Authorization: <scheme> <token>`; the scheme is Bearer, or SSWS / DPoP on Okta.
    pub authorization: Option<(&'static str, &'a SecretString)>,
    /// A proof-of-possession header (`DPoP`): never traced, bound to this one request.
    pub proof: Option<(&'static str, String)>,
    pub body: Body,
    /// Whether the request goes through the Management API rate-limit pacer.
    pub paced: bool,
    /// A POST that creates nothing (a token request), so sending it twice is harmless.
    pub repeatable: bool,
}

impl<'a> Request<'a> {
    pub fn new(method: Method, url: Url) -> Self {
        Self {
            method,
            url,
            authorization: None,
            proof: None,
            body: Body::Empty,
            paced: false,
            repeatable: false,
        }
    }

    pub fn bearer(self, token: &'a SecretString) -> Self {
        self.authorization("Bearer", token)
    }

    pub fn authorization(mut self, scheme: &'static str, token: &'a SecretString) -> Self {
        self.authorization = Some((scheme, token));
        self
    }

    pub fn proof(mut self, header: &'static str, value: String) -> Self {
        self.proof = Some((header, value));
        self
    }

    pub fn json(mut self, body: Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    pub fn form(mut self, fields: Vec<(&'static str, String)>) -> Self {
        self.body = Body::Form(fields);
        self
    }

    pub fn paced(mut self) -> Self {
        self.paced = true;
        self
    }

    pub fn repeatable(mut self) -> Self {
        self.repeatable = true;
        self
    }

    fn idempotent(&self) -> bool {
        self.method != Method::POST || self.repeatable
    }

    /// `GET /api/v2/...` style label for messages, without the query (which may hold ids).
    pub fn label(&self) -> String {
        format!("{} {}", self.method, self.url.path())
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The JSON document an answer carries (`null` for an empty body), or an error naming the
    /// request and the service when the body is something else, such as a proxy's page.
    pub fn json_document(&self, label: &str, service: &str) -> Result<Value> {
        if self.body.is_empty() {
            return Ok(Value::Null);
        }
        self.json().ok_or_else(|| {
            AppError::failed(format!(
                "{label}: {service} answered {} with a body that is not JSON",
                self.status.as_u16()
            ))
            .with_hint("a proxy or outage may be in the way; run the command again")
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    verbose: bool,
    pacer: Arc<Pacer>,
    secrets: Arc<Mutex<Vec<String>>>,
}

impl Http {
    pub fn new(verbose: bool) -> Result<Self> {
        let timeout = std::env::var("AUTHSETUP_HTTP_TIMEOUT")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| *s > 0.0)
            .map(Duration::from_secs_f64)
            .unwrap_or(Duration::from_secs(30));
        let client = reqwest::Client::builder()
            .user_agent(concat!("authsetup/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .timeout(timeout)
            .https_only(false)
            .build()
            .map_err(|e| AppError::failed(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Self {
            client,
            verbose,
            pacer: Arc::new(Pacer::default()),
            secrets: Arc::new(Mutex::new(Vec::new())),
        })
    }

    /// Paced requests go to this tenant: its remembered rate limit shapes the first requests.
    pub fn pace_for(&self, origin: &str) {
        if let Some(dir) = cache_dir() {
            self.pacer
                .remember_for(origin, dir.join("rate-limits.json"));
        }
    }

    /// Registers a value that must never appear in a trace, even inside a body.
    pub fn register_secret(&self, secret: &str) {
        if secret.len() >= 4 {
            self.secrets.lock().unwrap().push(secret.to_string());
        }
    }

    /// Sends the request, retrying what is safe to retry. Any HTTP status is returned as a
    /// response; an error means no usable response arrived.
    pub async fn send(&self, req: &Request<'_>) -> Result<Response> {
        let mut rate_limited = 0;
        let mut transient = 0;
        let mut locked = 0;
        loop {
            if req.paced {
                self.pacer.acquire().await;
            }
            let started = Instant::now();
            self.trace_request(req);
            let outcome = self.send_once(req).await;
            match outcome {
                Ok(resp) => {
                    self.trace_response(&resp, started.elapsed());
                    if req.paced {
                        self.pacer.observe(&resp.headers, resp.status);
                    }
                    if resp.status == StatusCode::TOO_MANY_REQUESTS
                        && rate_limited < MAX_RATE_LIMIT_RETRIES
                    {
                        rate_limited += 1;
                        let wait = rate_limit_wait(&resp.headers, rate_limited);
                        self.trace(&format!("rate limited; waiting {} ms", wait.as_millis()));
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    // Okta's 423 (E0000239, policy priorities being reconciled) refuses the
                    // request before doing anything, so even a create may be sent again.
                    if resp.status == StatusCode::LOCKED && locked < MAX_TRANSIENT_RETRIES {
                        locked += 1;
                        tokio::time::sleep(backoff(locked + 1)).await;
                        continue;
                    }
                    let garbled =
                        resp.status.is_success() && !resp.body.is_empty() && resp.json().is_none();
                    let retry = req.idempotent()
                        && transient < MAX_TRANSIENT_RETRIES
                        && (is_transient(resp.status) || garbled);
                    if retry {
                        transient += 1;
                        tokio::time::sleep(backoff(transient)).await;
                        continue;
                    }
                    return Ok(resp);
                }
                Err(e) => {
                    if req.paced {
                        self.pacer.abandon();
                    }
                    self.trace(&format!("{} failed: {e}", req.label()));
                    if req.idempotent() && transient < MAX_TRANSIENT_RETRIES {
                        transient += 1;
                        tokio::time::sleep(backoff(transient)).await;
                        continue;
                    }
                    let what = if e.is_timeout() {
                        "no answer in time".to_string()
                    } else if e.is_connect() {
                        "cannot connect".to_string()
                    } else {
                        "the connection failed".to_string()
                    };
                    let host = req.url.host_str().unwrap_or_default();
                    return Err(AppError::failed(format!("{}: {what} ({host})", req.label())).with_hint(
                        "check the domain and your network; the request was retried where that is safe",
                    ));
                }
            }
        }
    }

    async fn send_once(&self, req: &Request<'_>) -> reqwest::Result<Response> {
        let mut builder = self.client.request(req.method.clone(), req.url.clone());
        if let Some((scheme, token)) = req.authorization {
            let mut value = HeaderValue::from_str(&format!("{scheme} {}", token.expose_secret()))
                .unwrap_or_else(|_| HeaderValue::from_static("Bearer invalid"));
            value.set_sensitive(true);
            builder = builder.header(reqwest::header::AUTHORIZATION, value);
        }
        if let Some((name, proof)) = &req.proof
            && let Ok(mut value) = HeaderValue::from_str(proof)
        {
            value.set_sensitive(true);
            builder = builder.header(*name, value);
        }
        builder = match &req.body {
            Body::Empty => builder,
            Body::Json(v) => builder.json(v),
            Body::Form(fields) => builder.form(fields),
        };
        let resp = builder.send().await?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.bytes().await?.to_vec();
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    #[allow(
        clippy::print_stderr,
        reason = "traces interleave with requests; the Printer is not reachable here"
    )]
    fn trace(&self, line: &str) {
        if self.verbose {
            eprintln!("  trace: {}", self.scrub(line));
        }
    }

    fn trace_request(&self, req: &Request<'_>) {
        if !self.verbose {
            return;
        }
        let body = match &req.body {
            Body::Empty => String::new(),
            Body::Json(v) => format!(" {}", redact_json(v)),
            Body::Form(fields) => {
                let shown: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| {
                        if is_secret_name(k) {
                            format!("{k}=[redacted]")
                        } else {
                            format!("{k}={v}")
                        }
                    })
                    .collect();
                format!(" {}", shown.join("&"))
            }
        };
        let auth = match (req.authorization, &req.proof) {
            (Some((scheme, _)), Some((proof, _))) => {
                format!(" (Authorization: {scheme} [redacted], {proof}: [redacted])")
            }
            (Some((scheme, _)), None) => format!(" (Authorization: {scheme} [redacted])"),
            (None, Some((proof, _))) => format!(" ({proof}: [redacted])"),
            (None, None) => String::new(),
        };
        self.trace(&format!("> {} {}{auth}{body}", req.method, req.url));
    }

    fn trace_response(&self, resp: &Response, took: Duration) {
        if !self.verbose {
            return;
        }
        let body = match resp.json() {
            Some(v) => redact_json(&v).to_string(),
            None => resp.text(),
        };
        let body: String = body.chars().take(2000).collect();
        self.trace(&format!(
            "< {} ({} ms) {body}",
            resp.status,
            took.as_millis()
        ));
    }

    fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for s in self.secrets.lock().unwrap().iter() {
            out = out.replace(s.as_str(), "[redacted]");
        }
        out
    }
}

/// Names whose values are credentials. Endpoint URLs and settings that merely mention tokens
/// (`token_endpoint`, `token_lifetime`, `authorization_endpoint`) stay readable in traces.
fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let credential = [
        "secret",
        "assertion",
        "password",
        "code_verifier",
        "private_key",
    ]
    .iter()
    .any(|s| n.contains(s));
    credential || n == "authorization" || n == "token" || n.ends_with("_token") || n == "code"
}

pub fn redact_json(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_name(k) && (v.is_string() || v.is_object()) {
                        Value::String("[redacted]".into())
                    } else {
                        redact_json(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact_json).collect()),
        other => other.clone(),
    }
}

fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

fn backoff(attempt: u32) -> Duration {
    let base = 200u64 * 2u64.pow(attempt.saturating_sub(1));
    let jitter = rand::random::<u64>() % 100;
    Duration::from_millis(base + jitter)
}

/// `Retry-After` (seconds or an HTTP date) first, then the quota's reset (epoch seconds),
/// else exponential backoff.
fn rate_limit_wait(headers: &HeaderMap, attempt: u32) -> Duration {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let wait = header("retry-after")
        .and_then(|v| {
            v.parse::<f64>()
                .ok()
                .map(Duration::from_secs_f64)
                .or_else(|| httpdate_wait(v))
        })
        .or_else(|| {
            quota_header(headers, "reset")
                .and_then(|v| v.parse::<u64>().ok())
                .map(until_epoch)
        })
        .unwrap_or_else(|| backoff(attempt + 2));
    wait.clamp(Duration::from_millis(50), LONGEST_RATE_LIMIT_WAIT)
}

/// A quota header in Auth0's spelling (`X-RateLimit-Reset`) or Okta's (`X-Rate-Limit-Reset`,
/// notes/okta.md §B.5).
fn quota_header<'h>(headers: &'h HeaderMap, field: &str) -> Option<&'h str> {
    ["x-ratelimit-", "x-rate-limit-"]
        .iter()
        .find_map(|prefix| headers.get(format!("{prefix}{field}")))
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// The `rel="next"` target of a `Link` header (RFC 8288), which may come as several header lines
/// or as one comma-separated line. Okta pages lists this way (notes/okta.md §B.6).
pub fn next_link(headers: &HeaderMap) -> Option<Url> {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(','))
        .find_map(|link| {
            let (target, params) = link.trim().split_once(';')?;
            let is_next = params.split(';').any(|p| {
                p.trim()
                    .strip_prefix("rel=")
                    .is_some_and(|rel| rel.trim_matches('"').split(' ').any(|r| r == "next"))
            });
            let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
            is_next.then(|| Url::parse(target).ok()).flatten()
        })
}

fn httpdate_wait(v: &str) -> Option<Duration> {
    let when = httpdate::parse_http_date(v).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or_default())
}

fn until_epoch(epoch_secs: u64) -> Duration {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Duration::from_secs(epoch_secs).saturating_sub(now)
}

/// Paces Management API requests from the `X-RateLimit-*` headers so that, once the limit is
/// known, requests wait for the reset instead of provoking 429s.
///
/// A new process does not know the limit, and firing every read at once on a free tenant (burst
/// 2) provokes a burst of 429s. So the budget each tenant announced last (limit, remaining,
/// reset) is remembered in the user's cache folder; when the limit is small, the next run starts
/// from it. A tenant with a large limit keeps full concurrency from the first request.
#[derive(Default)]
struct Pacer {
    state: Mutex<PacerState>,
    /// The tenant origin, once known, and where its limit is remembered.
    memory: Mutex<Option<(String, PathBuf)>>,
}

/// Below this limit the first request of a run goes alone: its headers tell how much of the
/// budget an earlier run left.
const SMALL_LIMIT: u32 = 10;

#[derive(Default)]
struct PacerState {
    limit: Option<u32>,
    remaining: Option<u32>,
    reset_at: Option<Instant>,
    /// Requests sent whose answer has not arrived: each will still spend one unit of whatever
    /// budget the latest answer reported.
    in_flight: u32,
}

impl Pacer {
    async fn acquire(&self) {
        loop {
            let wait = {
                let mut s = self.state.lock().unwrap();
                let now = Instant::now();
                if s.reset_at.is_some_and(|r| r <= now) {
                    s.remaining = s.limit;
                    s.reset_at = None;
                }
                let wait = match s.remaining {
                    None => None,
                    Some(0) => Some(
                        s.reset_at
                            .map(|r| r - now)
                            .unwrap_or(Duration::from_millis(250)),
                    ),
                    Some(n) => {
                        s.remaining = Some(n - 1);
                        None
                    }
                };
                if wait.is_none() {
                    s.in_flight += 1;
                }
                wait
            };
            match wait {
                None => return,
                Some(d) => tokio::time::sleep(d.max(Duration::from_millis(10))).await,
            }
        }
    }

    /// A paced request ended without an answer.
    fn abandon(&self) {
        let mut s = self.state.lock().unwrap();
        s.in_flight = s.in_flight.saturating_sub(1);
    }

    /// Starts from what the previous run against this tenant left: on a small limit, a budget
    /// it spent is waited for instead of discovered by a 429.
    fn remember_for(&self, origin: &str, cache_file: PathBuf) {
        let remembered = read_limits(&cache_file).get(origin).cloned();
        if let Some(limit) = remembered.as_ref().and_then(|r| r["limit"].as_u64()) {
            let limit = limit as u32;
            let mut s = self.state.lock().unwrap();
            s.limit = Some(limit);
            if limit < SMALL_LIMIT {
                let reset = remembered.as_ref().and_then(|r| r["reset"].as_u64());
                match reset.map(until_epoch).filter(|d| !d.is_zero()) {
                    Some(wait) => {
                        let left = remembered.as_ref().and_then(|r| r["remaining"].as_u64());
                        s.remaining = Some(left.unwrap_or(0) as u32);
                        s.reset_at = Some(Instant::now() + wait);
                    }
                    None => s.remaining = Some(limit),
                }
            }
        }
        *self.memory.lock().unwrap() = Some((origin.to_string(), cache_file));
    }

    /// Leaves the budget as this run saw it last for the next run.
    fn persist(&self) {
        let Some((origin, file)) = self.memory.lock().unwrap().clone() else {
            return;
        };
        let s = self.state.lock().unwrap();
        let Some(limit) = s.limit else { return };
        let reset = s.reset_at.map(|at| {
            let epoch = SystemTime::now() + at.saturating_duration_since(Instant::now());
            epoch
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs()
                + 1
        });
        let entry = serde_json::json!({"limit": limit, "remaining": s.remaining, "reset": reset});
        drop(s);
        let mut limits = read_limits(&file);
        limits.insert(origin, entry);
        // A cache: failing to write it only costs the next run a 429 or two.
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let text = serde_json::to_vec_pretty(&Value::Object(limits)).unwrap_or_default();
        let _ = crate::files::atomic::write_atomic(&file, &text);
    }

    fn observe(&self, headers: &HeaderMap, status: StatusCode) {
        let num = |field: &str| quota_header(headers, field).and_then(|v| v.parse::<u64>().ok());
        let mut s = self.state.lock().unwrap();
        if let Some(limit) = num("limit") {
            s.limit = Some(limit as u32);
        }
        let remaining = num("remaining")
            .map(|r| r as u32)
            .or((status == StatusCode::TOO_MANY_REQUESTS).then_some(0));
        s.in_flight = s.in_flight.saturating_sub(1);
        if let Some(r) = remaining {
            // Answers arrive in any order, so a later one can report an older, larger budget;
            // until the reset, the estimate only goes down.
            let left = r.saturating_sub(s.in_flight);
            s.remaining = Some(s.remaining.map_or(left, |cur| cur.min(left)));
        }
        if let Some(reset) = num("reset") {
            // Answers to concurrent requests arrive in any order; the latest reset any of them
            // announced is the one after which the whole budget is back.
            let at = Instant::now() + until_epoch(reset);
            s.reset_at = Some(s.reset_at.map_or(at, |cur| cur.max(at)));
        }
        if s.remaining == Some(0) && s.reset_at.is_none() {
            s.reset_at = Some(Instant::now() + Duration::from_secs(1));
        }
    }
}

impl Drop for Pacer {
    fn drop(&mut self) {
        self.persist();
    }
}

fn read_limits(file: &Path) -> serde_json::Map<String, Value> {
    std::fs::read(file)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

/// `$XDG_CACHE_HOME/authsetup` or `~/.cache/authsetup`.
fn cache_dir() -> Option<PathBuf> {
    let non_empty = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    non_empty("XDG_CACHE_HOME")
        .or_else(|| non_empty("HOME").map(|h| h.join(".cache")))
        .map(|d| d.join("authsetup"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_secret_fields_but_keeps_shapes() {
        let v = serde_json::json!({"access_token": "abc", "token_type": "Bearer", "nested": [{"client_secret": "s"}], "expires_in": 86400});
        let r = redact_json(&v);
        assert_eq!(r["access_token"], "[redacted]");
        assert_eq!(r["token_type"], "Bearer");
        assert_eq!(r["nested"][0]["client_secret"], "[redacted]");
        assert_eq!(r["expires_in"], 86400);
        let meta = serde_json::json!({"token_endpoint": "https://t/oauth/token", "authorization_endpoint": "https://t/authorize", "refresh_token": "r"});
        let r = redact_json(&meta);
        assert_eq!(r["token_endpoint"], "https://t/oauth/token");
        assert_eq!(r["authorization_endpoint"], "https://t/authorize");
        assert_eq!(r["refresh_token"], "[redacted]");
    }

    #[test]
    fn rate_limit_wait_prefers_retry_after() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("2"));
        h.insert("x-ratelimit-reset", HeaderValue::from_static("1"));
        assert_eq!(rate_limit_wait(&h, 1), Duration::from_secs(2));
        let mut h = HeaderMap::new();
        let soon = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 3;
        h.insert(
            "x-ratelimit-reset",
            HeaderValue::from_str(&soon.to_string()).unwrap(),
        );
        let w = rate_limit_wait(&h, 1);
        assert!(
            w <= Duration::from_secs(3) && w >= Duration::from_secs(1),
            "{w:?}"
        );
    }

    #[test]
    fn okta_quota_headers_are_read_too() {
        let soon = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 3;
        let mut h = HeaderMap::new();
        h.insert(
            "x-rate-limit-reset",
            HeaderValue::from_str(&soon.to_string()).unwrap(),
        );
        h.insert("x-rate-limit-limit", HeaderValue::from_static("10"));
        h.insert("x-rate-limit-remaining", HeaderValue::from_static("0"));
        let w = rate_limit_wait(&h, 1);
        assert!(w >= Duration::from_secs(1), "{w:?}");
        let pacer = Pacer::default();
        pacer.observe(&h, StatusCode::TOO_MANY_REQUESTS);
        let s = pacer.state.lock().unwrap();
        assert_eq!((s.limit, s.remaining), (Some(10), Some(0)));
        assert!(s.reset_at.is_some());
    }

    #[test]
    fn next_link_is_found_among_several() {
        let mut h = HeaderMap::new();
        h.append(
            "link",
            HeaderValue::from_static("<https://o.okta.com/api/v1/apps?limit=2>; rel=\"self\""),
        );
        h.append(
            "link",
            HeaderValue::from_static(
                "<https://o.okta.com/api/v1/apps?after=0oa2&limit=2>; rel=\"next\"",
            ),
        );
        assert_eq!(
            next_link(&h).unwrap().as_str(),
            "https://o.okta.com/api/v1/apps?after=0oa2&limit=2"
        );
        let mut one = HeaderMap::new();
        one.insert(
            "link",
            HeaderValue::from_static(
                "<https://a/x?after=1>; rel=\"next\", <https://a/x>; rel=\"self\"",
            ),
        );
        assert_eq!(next_link(&one).unwrap().as_str(), "https://a/x?after=1");
        assert!(next_link(&HeaderMap::new()).is_none());
    }

    #[test]
    fn a_spent_budget_is_remembered_for_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("authsetup").join("rate-limits.json");
        let first = Pacer::default();
        first.remember_for("https://t.auth0.com", file.clone());
        assert_eq!(
            first.state.lock().unwrap().remaining,
            None,
            "nothing known yet"
        );
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", HeaderValue::from_static("2"));
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        let soon = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 5;
        h.insert(
            "x-ratelimit-reset",
            HeaderValue::from_str(&soon.to_string()).unwrap(),
        );
        first.observe(&h, StatusCode::OK);
        drop(first);

        let next = Pacer::default();
        next.remember_for("https://t.auth0.com", file.clone());
        let s = next.state.lock().unwrap();
        assert_eq!(s.remaining, Some(0), "the spent budget is waited for");
        assert!(
            s.reset_at
                .is_some_and(|r| r > Instant::now() + Duration::from_secs(3))
        );
        drop(s);
        let other = Pacer::default();
        other.remember_for("https://other.auth0.com", file);
        assert_eq!(other.state.lock().unwrap().remaining, None);
    }

    #[tokio::test]
    async fn pacer_waits_for_reset_once_the_budget_is_spent() {
        let pacer = Pacer::default();
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", HeaderValue::from_static("2"));
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("1"));
        pacer.observe(&h, StatusCode::OK);
        pacer.acquire().await; // spends the last one
        let s = pacer.state.lock().unwrap();
        assert_eq!(s.remaining, Some(0));
    }
}
