//! The one HTTP client: timeouts, retries, rate-limit pacing and redacted traces.
//!
//! Retrying follows what is safe: a 429 means the request was not processed, so any request is
//! sent again once the limit resets; a 5xx, a dropped connection or a garbled body is retried
//! only for requests that do the same thing twice (reads, PATCH, PUT, DELETE). A POST that may
//! have created something is left to the caller, which can look the object up first.

mod link;
mod pacer;
mod redact;
mod retry;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use url::Url;

use crate::error::{AppError, Result};

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
