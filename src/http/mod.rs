//! The one HTTP client: timeouts, retries, rate-limit pacing and redacted traces.
//!
//! Retrying follows what is safe: a 429 means the request was not processed, so any request is
//! sent again once the limit resets; a 5xx, a dropped connection or a garbled body is retried
//! only for requests that do the same thing twice (reads, PATCH, PUT, DELETE). A POST that may
//! have created something is left to the caller, which can look the object up first.

mod bucket;
mod link;
mod pacer;
mod redact;
mod retry;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use url::Url;

use crate::error::{AppError, Result};
use crate::settings::{OutputFormat, Settings};

pub use link::next_link;
use pacer::{Pacer, cache_dir};
use redact::is_secret_name;
pub use redact::redact_json;

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

/// The most of an answer authsetup reads: every document it needs is a few KiB, so a larger one
/// is not the tenant's and is not held in memory.
const MAX_BODY: usize = 4 << 20;

/// How long a request may take at most; longer is a typo (or `inf`), not a wish.
const LONGEST_TIMEOUT: Duration = Duration::from_secs(3600);

#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    verbose: bool,
    /// Long waits are said on stderr (human output only).
    notices: bool,
    /// When the last wait said on stderr ends, so concurrent requests say it once.
    announced: Arc<Mutex<Option<Instant>>>,
    pacer: Arc<Pacer>,
    secrets: Arc<Mutex<Vec<String>>>,
}

impl Http {
    /// The client for one command: traces with `--verbose`, long waits said in human output.
    pub fn new(settings: &Settings) -> Result<Self> {
        let timeout = timeout_from_env(std::env::var("AUTHSETUP_HTTP_TIMEOUT").ok().as_deref())?;
        let client = reqwest::Client::builder()
            .user_agent(concat!("authsetup/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .timeout(timeout)
            .https_only(false)
            // A redirect would carry the body (a client secret, a write) and a DPoP proof to
            // wherever the server points; only a hop within the same https origin is followed.
            .redirect(reqwest::redirect::Policy::custom(same_origin_https))
            .referer(false)
            .build()
            .map_err(|e| AppError::failed(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Self {
            client,
            verbose: settings.verbose,
            notices: settings.output == OutputFormat::Human,
            announced: Arc::new(Mutex::new(None)),
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

    /// A wait for the rate limit: said once when it is long enough to look like a hang.
    #[allow(
        clippy::print_stderr,
        reason = "waits happen inside requests, where the Printer is not reachable; human output only"
    )]
    fn waiting(&self, wait: Duration) {
        if !self.notices || wait < Duration::from_secs(1) {
            return;
        }
        let until = Instant::now() + wait;
        let mut announced = lock(&self.announced);
        if announced.is_some_and(|a| until <= a + Duration::from_secs(1)) {
            return;
        }
        *announced = Some(until);
        eprintln!(
            "waiting {}s for the tenant's rate limit…",
            wait.as_secs_f64().ceil()
        );
    }

    /// Registers a value that must never appear in a trace, even inside a body.
    pub fn register_secret(&self, secret: &str) {
        if secret.len() >= 4 {
            lock(&self.secrets).push(secret.to_string());
        }
    }

    /// One attempt. A network failure may be retried; a `Refused` one never is: sending the
    /// same request again would meet the same refusal.
    async fn send_once(&self, req: &Request<'_>) -> Result<Response, Failure> {
        let mut builder = self.client.request(req.method.clone(), req.url.clone());
        if let Some((scheme, token)) = req.authorization {
            let mut value = HeaderValue::from_str(&format!("{scheme} {}", token.expose_secret()))
                .map_err(|_| Failure::Refused(unsendable(req, "token")))?;
            value.set_sensitive(true);
            builder = builder.header(reqwest::header::AUTHORIZATION, value);
        }
        if let Some((name, proof)) = &req.proof {
            let mut value = HeaderValue::from_str(proof)
                .map_err(|_| Failure::Refused(unsendable(req, name)))?;
            value.set_sensitive(true);
            builder = builder.header(*name, value);
        }
        builder = match &req.body {
            // Said even without a body: Okta answers 411 to a POST or PUT that does not say its
            // length (notes/okta.md §A), and its lifecycle operations take no body at all.
            Body::Empty if matches!(req.method, Method::POST | Method::PUT) => {
                builder.header(reqwest::header::CONTENT_LENGTH, 0)
            }
            Body::Empty => builder,
            Body::Json(v) => builder.json(v),
            Body::Form(fields) => builder.form(fields),
        };
        let mut resp = builder.send().await.map_err(Failure::Network)?;
        let status = resp.status();
        if status.is_redirection() {
            return Err(Failure::Refused(redirected(req, &resp)));
        }
        let headers = resp.headers().clone();
        if resp.content_length().is_some_and(|n| n > MAX_BODY as u64) {
            return Err(Failure::Refused(too_large(req)));
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(Failure::Network)? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(Failure::Refused(too_large(req)));
            }
            body.extend_from_slice(&chunk);
        }
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
        for s in lock(&self.secrets).iter() {
            out = out.replace(s.as_str(), "[redacted]");
        }
        out
    }
}

enum Failure {
    /// No usable answer arrived.
    Network(reqwest::Error),
    /// An answer authsetup will not use, or a request it cannot send.
    Refused(AppError),
}

/// `AUTHSETUP_HTTP_TIMEOUT`: seconds per request (default 30). Read before any request, so a
/// bad value is bad input.
fn timeout_from_env(value: Option<&str>) -> Result<Duration> {
    let Some(raw) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(Duration::from_secs(30));
    };
    raw.parse::<f64>()
        .ok()
        .filter(|secs| *secs > 0.0)
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .filter(|t| *t <= LONGEST_TIMEOUT)
        .ok_or_else(|| {
            AppError::usage(
                format!("AUTHSETUP_HTTP_TIMEOUT={raw:?} is not a number of seconds between 0 and 3600"),
                "set it to the seconds one request may take, e.g. AUTHSETUP_HTTP_TIMEOUT=30, or unset it",
            )
        })
}

/// Follows a redirect only to the same https origin: the Management APIs and the token
/// endpoints never redirect, and a hop elsewhere would take the request's body along.
fn same_origin_https(attempt: reqwest::redirect::Attempt<'_>) -> reqwest::redirect::Action {
    let from = attempt.previous().last().map(Url::origin);
    let to = attempt.url();
    if to.scheme() == "https" && from == Some(to.origin()) && attempt.previous().len() < 5 {
        attempt.follow()
    } else {
        attempt.stop()
    }
}

fn redirected(req: &Request<'_>, resp: &reqwest::Response) -> AppError {
    let target = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| resp.url().join(v).ok())
        .map_or_else(
            || "elsewhere".to_string(),
            |to| format!("to {}", to.origin().ascii_serialization()),
        );
    AppError::failed(format!(
        "{}: {} answered {} with a redirect {target}; authsetup follows redirects only within the same https origin, so the request was not completed",
        req.label(),
        host_port(&req.url),
        resp.status().as_u16()
    ))
    .with_hint("use the tenant's own domain (the one its Management API answers on), not an address that forwards to it")
}

fn too_large(req: &Request<'_>) -> AppError {
    AppError::failed(format!(
        "{}: {} sent an answer larger than {} MiB, far more than any answer authsetup reads; it stopped reading",
        req.label(),
        host_port(&req.url),
        MAX_BODY >> 20
    ))
    .with_hint("check that the domain points at the tenant itself")
}

/// A credential with characters no HTTP header may carry, such as a carriage return.
fn unsendable(req: &Request<'_>, what: &str) -> AppError {
    AppError::failed(format!(
        "{}: the {what} holds characters that cannot be sent in an HTTP header",
        req.label()
    ))
    .with_hint("the tenant issued a malformed credential; run the command again")
}

/// `host:port`, the port spelled out even when it is the scheme's default.
fn host_port(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default()
    )
}

/// A mutex that a panicking thread left behind still holds usable data (a budget estimate, a
/// list of secrets); aborting over it would lose the run's report.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Text a server chose (an error message, a summary) as it may be shown: control characters,
/// which could rewrite the terminal, become spaces; line breaks stay.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}
