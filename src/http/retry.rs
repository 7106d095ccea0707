//! The send loop: what is retried, after how long, and how a 429's wait is read.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use super::{Http, Request, Response};
use crate::error::{AppError, Result};

const MAX_RATE_LIMIT_RETRIES: u32 = 10;
const MAX_TRANSIENT_RETRIES: u32 = 3;
const LONGEST_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);

impl Http {
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
pub(super) fn rate_limit_wait(headers: &HeaderMap, attempt: u32) -> Duration {
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
pub(super) fn quota_header<'h>(headers: &'h HeaderMap, field: &str) -> Option<&'h str> {
    ["x-ratelimit-", "x-rate-limit-"]
        .iter()
        .find_map(|prefix| headers.get(format!("{prefix}{field}")))
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

fn httpdate_wait(v: &str) -> Option<Duration> {
    let when = httpdate::parse_http_date(v).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or_default())
}

pub(super) fn until_epoch(epoch_secs: u64) -> Duration {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Duration::from_secs(epoch_secs).saturating_sub(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

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
}
