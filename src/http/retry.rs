//! The send loop: what is retried, after how long, and how a 429's wait is read.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use super::{Failure, Http, Request, Response, host_port, printable};
use crate::error::{AppError, Result};

const MAX_RATE_LIMIT_RETRIES: u32 = 10;
const MAX_TRANSIENT_RETRIES: u32 = 3;
pub(super) const LONGEST_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);

impl Http {
    /// Sends the request, retrying what is safe to retry. Any HTTP status is returned as a
    /// response; an error means no usable response arrived.
    pub async fn send(&self, req: &Request<'_>) -> Result<Response> {
        let mut rate_limited = 0;
        let mut transient = 0;
        let mut locked = 0;
        loop {
            let sent = if req.paced {
                Some(self.pacer.acquire(|wait| self.waiting(wait)).await)
            } else {
                None
            };
            let started = Instant::now();
            self.trace_request(req);
            let outcome = self.send_once(req).await;
            match outcome {
                Ok(resp) => {
                    self.trace_response(&resp, started.elapsed());
                    if let Some(sent) = sent {
                        self.pacer.observe(sent, &resp.headers, resp.status);
                    }
                    if resp.status == StatusCode::TOO_MANY_REQUESTS
                        && rate_limited < MAX_RATE_LIMIT_RETRIES
                    {
                        rate_limited += 1;
                        // Without a Retry-After, the pacer's model knows better than the
                        // whole-second reset when the next token comes; the 429 has narrowed it.
                        if sent.is_some()
                            && retry_after(&resp.headers).is_none()
                            && self.pacer.knows_limit()
                        {
                            self.trace("rate limited; sent again when the bucket has a token");
                            continue;
                        }
                        let wait = rate_limit_wait(&resp.headers, rate_limited);
                        if wait > LONGEST_RATE_LIMIT_WAIT {
                            return Err(too_long_a_wait(req, wait));
                        }
                        self.trace(&format!("rate limited; waiting {} ms", wait.as_millis()));
                        self.waiting(wait);
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
                Err(Failure::Refused(e)) => {
                    if let Some(sent) = sent {
                        self.pacer.abandon(sent);
                    }
                    return Err(e);
                }
                Err(Failure::Network(e)) => {
                    if let Some(sent) = sent {
                        self.pacer.abandon(sent);
                    }
                    self.trace(&format!("{} failed: {e}", req.label()));
                    if req.idempotent() && transient < MAX_TRANSIENT_RETRIES {
                        transient += 1;
                        tokio::time::sleep(backoff(transient)).await;
                        continue;
                    }
                    return Err(network_error(req, &e));
                }
            }
        }
    }
}

/// What went wrong on the way, in words, with the causes underneath: a certificate problem
/// reads as one, not as an unreachable host.
fn network_error(req: &Request<'_>, e: &reqwest::Error) -> AppError {
    let at = host_port(&req.url);
    let causes = causes(e);
    let (what, hint) = if is_tls(e) {
        (
            format!("TLS error with {at}: the secure connection failed ({causes})"),
            "check the certificate the server presents (it must be valid for this name and signed by a public CA) and that the port speaks HTTPS",
        )
    } else if e.is_timeout() {
        (
            format!("no answer from {at} in time"),
            "the request was retried where that is safe; check your network, or raise AUTHSETUP_HTTP_TIMEOUT",
        )
    } else if e.is_connect() {
        (
            format!("cannot connect to {at} ({causes})"),
            "check the domain and your network; the request was retried where that is safe",
        )
    } else {
        (
            format!("the connection to {at} failed ({causes})"),
            "check the domain and your network; the request was retried where that is safe",
        )
    };
    AppError::failed(format!("{}: {what}", req.label())).with_hint(hint)
}

/// The error's causes, outermost first, without reqwest's own line (which repeats the URL).
fn causes(e: &reqwest::Error) -> String {
    let mut seen: Vec<String> = Vec::new();
    for cause in chain(e).skip(1) {
        let text = printable(&cause.to_string());
        if !seen.iter().any(|s| s.contains(&text)) {
            seen.push(text);
        }
    }
    if seen.is_empty() {
        printable(&e.to_string())
    } else {
        seen.join(": ")
    }
}

/// A rustls error anywhere in the chain.
fn is_tls(e: &reqwest::Error) -> bool {
    chain(e).any(|c| c.is::<rustls::Error>())
}

/// The error and its causes. An `io::Error` wrapping another error hides it from `source()`
/// (it goes straight to the inner error's source), so it is unwrapped by hand.
fn chain<'e>(
    e: &'e (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'e (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(e), |c| {
        match c
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => c.source(),
        }
    })
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
/// else exponential backoff. Values that are not a wait (`-1`, `NaN`) are skipped; a huge one
/// stays huge, for the caller to refuse.
pub(super) fn rate_limit_wait(headers: &HeaderMap, attempt: u32) -> Duration {
    let wait = retry_after(headers)
        .or_else(|| {
            quota_header(headers, "reset")
                .and_then(|v| v.parse::<u64>().ok())
                .map(until_epoch)
        })
        .unwrap_or_else(|| backoff(attempt + 2));
    wait.max(Duration::from_millis(50))
}

/// A usable `Retry-After`: seconds or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    seconds(value).or_else(|| httpdate_wait(value))
}

/// A 429 that asks for more patience than a command should have.
fn too_long_a_wait(req: &Request<'_>, wait: Duration) -> AppError {
    let secs = wait.as_secs();
    let when = if secs < 86_400 {
        format!("{secs} s")
    } else {
        "more than a day".to_string()
    };
    AppError::failed(format!(
        "{}: {} answered 429 (rate limited) and asks to wait {when}, longer than authsetup waits ({} s)",
        req.label(),
        host_port(&req.url),
        LONGEST_RATE_LIMIT_WAIT.as_secs()
    ))
    .with_hint("another client may be using up the tenant's rate limit; run the command again later")
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

/// A non-negative number of seconds, as large as it likes: `-1`, `NaN` and `inf` are not waits.
fn seconds(v: &str) -> Option<Duration> {
    let secs = v
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)?;
    Some(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
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
