//! The front door every request passes before it reaches a flavour's handlers: it is logged,
//! delayed, possibly faulted, and rate limited, in that order (a fault stands for a proxy in
//! front of the API, so it answers before the API's own limiter counts the request).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::faults::{FaultKind, FaultQueue, html_page};
use super::log::{RequestLog, redact_secrets};
use super::ratelimit::{Quota, RateLimit, TokenBucket, Verdict};
use super::server::{Conn, Shutdown};

/// Auth0 rejects bodies over 1 MB (notes/auth0.md §A7).
pub(crate) const MAX_BODY: usize = 1024 * 1024;

/// What differs between providers at the front door.
pub(crate) trait Dialect: Send + Sync + 'static {
    fn is_rate_limited(&self, path: &str) -> bool;
    /// The provider's error body for `status` on `path`.
    fn error_body(&self, status: StatusCode, path: &str) -> Value;
    /// How the quota headers are spelled: Auth0 `X-RateLimit-*`, Okta `X-Rate-Limit-*`.
    fn quota_prefix(&self) -> &'static str;
}

pub(crate) struct Front {
    pub(crate) log: Mutex<RequestLog>,
    pub(crate) faults: Mutex<FaultQueue>,
    bucket: Option<Mutex<TokenBucket>>,
    latency: Duration,
    shutdown: Shutdown,
    dialect: Box<dyn Dialect>,
}

impl Front {
    pub(crate) fn new(
        rate_limit: Option<RateLimit>,
        latency: Duration,
        shutdown: Shutdown,
        dialect: Box<dyn Dialect>,
    ) -> Self {
        Front {
            log: Mutex::default(),
            faults: Mutex::default(),
            bucket: rate_limit.map(|l| Mutex::new(TokenBucket::new(l))),
            latency,
            shutdown,
            dialect,
        }
    }
}

/// A handler that panicked while holding a lock must not take the whole sandbox down with it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Marks the log entry finished even when the response future is dropped half-way
/// (client gone, server stopping), so the log never keeps a phantom in-flight request.
struct Pending<'a> {
    front: &'a Front,
    id: u64,
    status: u16,
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        lock(&self.front.log).finish(self.id, self.status);
    }
}

pub(crate) async fn front_door(
    State(front): State<Arc<Front>>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_string();
    let method = parts.method.as_str().to_string();
    let conn = parts
        .extensions
        .get::<ConnectInfo<Conn>>()
        .map(|c| c.0.clone());

    let body = axum::body::to_bytes(body, MAX_BODY).await;
    let logged = match &body {
        Ok(bytes) => redact_secrets(&String::from_utf8_lossy(bytes)),
        Err(_) => String::from("[body over 1 MB or unreadable]"),
    };
    let id = lock(&front.log).begin(&method, &path, parts.uri.query(), logged);
    let mut pending = Pending {
        front: &front,
        id,
        status: 0,
    };

    if !front.latency.is_zero() && !front.shutdown.sleep(front.latency).await {
        return kill(conn);
    }

    let fault = lock(&front.faults).take(&method, &path);
    let response = match fault {
        Some(FaultKind::Hang) => {
            front.shutdown.wait().await;
            return kill(conn);
        }
        Some(FaultKind::Reset) => return kill(conn),
        Some(FaultKind::LostAnswer) => {
            if let Ok(bytes) = body {
                let _ = admit(
                    &front,
                    &path,
                    Request::from_parts(parts, Body::from(bytes)),
                    next,
                )
                .await;
            }
            return kill(conn);
        }
        Some(kind) => fault_response(&front, kind, &path),
        None => match body {
            Err(_) => json_error(&front, StatusCode::PAYLOAD_TOO_LARGE, &path),
            Ok(bytes) => {
                admit(
                    &front,
                    &path,
                    Request::from_parts(parts, Body::from(bytes)),
                    next,
                )
                .await
            }
        },
    };
    pending.status = response.status().as_u16();
    response
}

/// The rate limiter's decision, then the handler, with the quota headers on whatever comes back.
async fn admit(front: &Front, path: &str, req: Request, next: Next) -> Response {
    let verdict = match &front.bucket {
        Some(bucket) if front.dialect.is_rate_limited(path) => Some({
            let mut bucket = lock(bucket);
            (bucket.take(Instant::now()), bucket.limit())
        }),
        _ => None,
    };
    let Some((verdict, limit)) = verdict else {
        return next.run(req).await;
    };
    let (mut response, quota) = match verdict {
        Verdict::Allowed(quota) => (next.run(req).await, quota),
        Verdict::Limited { quota, retry_in } => {
            let mut response = json_error(front, StatusCode::TOO_MANY_REQUESTS, path);
            if limit.retry_after {
                let secs = retry_in.as_secs_f64().ceil().max(1.0) as u64;
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            (response, quota)
        }
    };
    quota_headers(response.headers_mut(), front.dialect.quota_prefix(), quota);
    response
}

/// The reset is a UTC epoch second, as both providers send it (notes/auth0.md §A8, ruby-auth0
/// recordings; notes/okta.md §B.5, okta-sdk-python recordings).
fn quota_headers(headers: &mut HeaderMap, prefix: &str, quota: Quota) {
    let reset = (SystemTime::now() + quota.reset_in)
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let reset = reset.as_secs() + u64::from(reset.subsec_nanos() > 0);
    let mut put = |field: &str, value: HeaderValue| {
        if let Ok(name) = header::HeaderName::from_bytes(format!("{prefix}{field}").as_bytes()) {
            headers.insert(name, value);
        }
    };
    put("limit", HeaderValue::from(quota.limit));
    put("remaining", HeaderValue::from(quota.remaining));
    put("reset", HeaderValue::from(reset));
}

fn kill(conn: Option<Conn>) -> Response {
    if let Some(conn) = conn {
        conn.kill();
    }
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

fn json_error(front: &Front, status: StatusCode, path: &str) -> Response {
    (status, axum::Json(front.dialect.error_body(status, path))).into_response()
}

fn fault_response(front: &Front, kind: FaultKind, path: &str) -> Response {
    let status_of = |code: u16| StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_GATEWAY);
    match kind {
        FaultKind::Status(code) => json_error(front, status_of(code), path),
        FaultKind::Html(code) => {
            let status = status_of(code);
            let page = html_page(
                status.as_u16(),
                status.canonical_reason().unwrap_or("Error"),
            );
            (status, [(header::CONTENT_TYPE, "text/html")], page).into_response()
        }
        FaultKind::Truncated => {
            let whole = serde_json::json!({
                "statusCode": 200,
                "message": "this document was cut short by the sandbox's Truncated fault",
                "items": [{"id": "truncated-1"}, {"id": "truncated-2"}],
            })
            .to_string();
            let half = Bytes::from(whole[..whole.len() / 2].to_string());
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
                half,
            )
                .into_response()
        }
        FaultKind::Hang | FaultKind::Reset | FaultKind::LostAnswer => {
            unreachable!("handled before a response is built")
        }
    }
}
