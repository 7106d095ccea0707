//! Pacing Management API requests from a model of the tenant's rate limit, and the cache file
//! that carries what was learned about it from one run to the next.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;

use super::bucket::{self, Answer, Fit};
use super::lock;
use super::retry::{LONGEST_RATE_LIMIT_WAIT, quota_header};

/// Paces Management API requests by a token bucket fitted to the `X-RateLimit-*` headers
/// (`bucket.rs`): each request leaves when the bucket, refilled at the fitted rate, holds a
/// token for it, so a free tenant is used at its refill rate instead of in whole-second steps.
///
/// A new process does not know the limit, so the answers each tenant gave (quota headers and
/// when they came) are remembered in the user's cache folder; the next run fits them together
/// with its own, and starts from the budget the last run left. A tenant never seen before gets
/// its first reads at once (full speed on a paid tenant); a free one answers a few of them 429,
/// and those wait for the model instead of for the whole-second reset.
#[derive(Default)]
pub(super) struct Pacer {
    state: Mutex<PacerState>,
    /// The tenant origin, once known, and where its answers are remembered.
    memory: Mutex<Option<(String, PathBuf)>>,
}

/// Answers kept per tenant: enough to know the refill closely, few enough to refit the model
/// at every answer.
const REMEMBERED: usize = 48;

/// How often a request waiting for the answers of those in flight looks again.
const POLL: Duration = Duration::from_millis(20);

#[derive(Default)]
struct PacerState {
    limit: Option<u32>,
    /// The answers the model is fitted to, earlier runs' first.
    answers: Vec<Answer>,
    /// When each request without an answer yet left.
    in_flight: Vec<f64>,
    /// Answers to requests that were in flight together with one still unanswered: their order
    /// on the server is not known yet, so they join the model once that one has answered.
    unsettled: Vec<Answer>,
    fit: Option<Fit>,
    /// The latest 429: when it came and the reset it announced.
    limited: Option<(f64, u64)>,
}

impl Pacer {
    /// Waits until the model allows one more request; `waiting` hears of each wait first.
    /// Returns when the request left, which its answer is filed under.
    pub(super) async fn acquire(&self, waiting: impl Fn(Duration)) -> f64 {
        loop {
            let wait = {
                let mut s = lock(&self.state);
                let now = epoch_now();
                match s.next_send(now).filter(|at| *at > now) {
                    None => {
                        s.in_flight.push(now);
                        return now;
                    }
                    Some(at) => Duration::try_from_secs_f64(at - now)
                        .unwrap_or(LONGEST_RATE_LIMIT_WAIT)
                        .min(LONGEST_RATE_LIMIT_WAIT),
                }
            };
            waiting(wait);
            tokio::time::sleep(wait.max(Duration::from_millis(10))).await;
        }
    }

    /// Whether a 429 may be left to `acquire` to wait out: the limit is known, so the model
    /// (or, until it has answers, the announced reset) decides when the next request goes.
    pub(super) fn knows_limit(&self) -> bool {
        lock(&self.state).limit.is_some()
    }

    /// A paced request that left at `sent` ended without an answer.
    pub(super) fn abandon(&self, sent: f64) {
        let mut s = lock(&self.state);
        s.answered(sent);
        s.settle();
    }

    pub(super) fn observe(&self, sent: f64, headers: &HeaderMap, status: StatusCode) {
        let num = |field: &str| quota_header(headers, field).and_then(|v| v.parse::<u64>().ok());
        let answered = epoch_now();
        let limited = status == StatusCode::TOO_MANY_REQUESTS;
        let mut s = lock(&self.state);
        s.answered(sent);
        if let Some(limit) = num("limit").and_then(known_limit) {
            if s.limit != Some(limit) {
                // Another limit is another bucket: what was learned of the old one misleads.
                *s = PacerState {
                    limit: Some(limit),
                    in_flight: std::mem::take(&mut s.in_flight),
                    ..PacerState::default()
                };
            }
            let answer = Answer {
                sent,
                answered,
                limited,
                remaining: num("remaining")
                    .and_then(|r| u32::try_from(r).ok())
                    .unwrap_or(u32::MAX),
                reset: num("reset").unwrap_or(u64::MAX),
            };
            if believable(&answer, limit) {
                if limited {
                    s.limited = Some((answered, answer.reset));
                }
                s.unsettled.push(answer);
            }
        }
        s.settle();
    }

    /// Starts from what earlier runs against this tenant saw. The file is only a hint: answers
    /// out of range are dropped, never trusted into a long wait.
    pub(super) fn remember_for(&self, origin: &str, cache_file: PathBuf) {
        let remembered = read_limits(&cache_file).get(origin).cloned();
        let limit = remembered
            .as_ref()
            .and_then(|r| r["limit"].as_u64())
            .and_then(known_limit);
        if let (Some(limit), Some(entry)) = (limit, remembered) {
            let answers: Vec<Answer> =
                serde_json::from_value(entry["answers"].clone()).unwrap_or_default();
            let mut s = lock(&self.state);
            s.limit = Some(limit);
            s.answers = answers
                .into_iter()
                .filter(|a| believable(a, limit))
                .collect();
            s.trim();
            s.refit();
        }
        *lock(&self.memory) = Some((origin.to_string(), cache_file));
    }

    /// Leaves the newest answers for the next run.
    fn persist(&self) {
        let Some((origin, file)) = lock(&self.memory).clone() else {
            return;
        };
        let mut s = lock(&self.state);
        let mut limits = read_limits(&file);
        let Some(limit) = s.limit else {
            // Nothing usable was learned: an entry the run could not use goes.
            if limits.remove(&origin).is_some() {
                write_limits(&file, limits);
            }
            return;
        };
        s.in_flight.clear();
        s.settle();
        let entry = serde_json::json!({"limit": limit, "answers": s.answers});
        drop(s);
        limits.insert(origin, entry);
        write_limits(&file, limits);
    }
}

impl PacerState {
    /// When the next request may leave, if it has to wait at all.
    fn next_send(&self, now: f64) -> Option<f64> {
        let limit = self.limit?;
        let Some(fit) = &self.fit else {
            if !self.in_flight.is_empty() && !self.unsettled.is_empty() {
                // Answers still coming will fit the model; wait for them rather than guess.
                return Some(now + POLL.as_secs_f64());
            }
            // No model (yet): a 429 is waited out to the reset it announced.
            return self.limited.map(|(_, reset)| reset as f64);
        };
        let pending: Vec<f64> = self
            .in_flight
            .iter()
            .copied()
            .chain(self.unsettled.iter().filter(|a| !a.limited).map(|a| a.sent))
            .collect();
        let after_429 = self
            .limited
            .map_or(f64::NEG_INFINITY, |(at, _)| at + 1.0 / fit.fastest());
        Some(bucket::next_send(limit, fit, &pending).max(after_429))
    }

    fn answered(&mut self, sent: f64) {
        if let Some(i) = self.in_flight.iter().position(|s| *s == sent) {
            self.in_flight.swap_remove(i);
        }
    }

    /// Moves the answers whose order is now known into the model.
    fn settle(&mut self) {
        let first_pending = self.in_flight.iter().copied().fold(f64::INFINITY, f64::min);
        let (ready, still): (Vec<Answer>, Vec<Answer>) = self
            .unsettled
            .iter()
            .partition(|a| a.answered < first_pending);
        if ready.is_empty() {
            return;
        }
        self.unsettled = still;
        self.answers.extend(ready);
        self.trim();
        self.refit();
    }

    /// Keeps the newest answers only, so refitting stays cheap on a long run.
    fn trim(&mut self) {
        let excess = self.answers.len().saturating_sub(REMEMBERED);
        self.answers.drain(..excess);
    }

    /// Fits the model again; while no refill explains the answers, the oldest goes (another
    /// client may have used the bucket, or the tenant's plan changed).
    fn refit(&mut self) {
        let Some(limit) = self.limit else {
            return;
        };
        self.fit = None;
        while self.fit.is_none() && !self.answers.is_empty() {
            self.fit = bucket::fit(limit, &self.answers);
            if self.fit.is_none() {
                self.answers.remove(0);
            }
        }
    }
}

/// Whether an answer can be a real bucket's: a reset further ahead than the longest wait
/// authsetup accepts (a bad header, a corrupt cache) or times out of order are not paced by,
/// so they cannot stall this run or, remembered, the next.
fn believable(a: &Answer, limit: u32) -> bool {
    let longest = LONGEST_RATE_LIMIT_WAIT.as_secs_f64();
    a.sent.is_finite()
        && a.answered.is_finite()
        && a.sent <= a.answered
        && a.answered - a.sent <= longest
        && a.answered <= epoch_now() + 1.0
        && a.remaining <= limit
        && (a.reset as f64) <= a.answered + longest + 1.0
}

fn epoch_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
}

/// A limit of 0 (or one that does not fit) says nothing usable: pacing by it would never send.
fn known_limit(limit: u64) -> Option<u32> {
    u32::try_from(limit).ok().filter(|l| *l > 0)
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

/// A cache: failing to write it only costs the next run a 429 or two.
fn write_limits(file: &Path, limits: serde_json::Map<String, Value>) {
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let text = serde_json::to_vec_pretty(&Value::Object(limits)).unwrap_or_default();
    let _ = crate::files::atomic::write_atomic(file, &text);
}

/// `$XDG_CACHE_HOME/authsetup` or `~/.cache/authsetup`.
pub(super) fn cache_dir() -> Option<PathBuf> {
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
    use crate::http::retry::rate_limit_wait;
    use reqwest::header::HeaderValue;

    fn quota(prefix: &str, limit: u64, remaining: u64, reset_in: f64) -> HeaderMap {
        let reset = (epoch_now() + reset_in).ceil() as u64;
        let mut h = HeaderMap::new();
        for (field, value) in [("limit", limit), ("remaining", remaining), ("reset", reset)] {
            h.insert(
                reqwest::header::HeaderName::from_bytes(format!("{prefix}{field}").as_bytes())
                    .unwrap(),
                HeaderValue::from(value),
            );
        }
        h
    }

    #[test]
    fn okta_quota_headers_are_read_too() {
        let h = quota("x-rate-limit-", 10, 0, 3.0);
        let w = rate_limit_wait(&h, 1);
        assert!(w >= Duration::from_secs(1), "{w:?}");
        let pacer = Pacer::default();
        let sent = epoch_now();
        pacer.observe(sent, &h, StatusCode::TOO_MANY_REQUESTS);
        let s = lock(&pacer.state);
        assert_eq!(s.limit, Some(10));
        assert!(s.limited.is_some());
        assert_eq!(s.answers.len(), 1);
    }

    /// A free tenant's burst, spent by two requests answered with the remaining count and the
    /// reset the emulator and Auth0 send.
    async fn spend_the_burst(pacer: &Pacer) {
        for remaining in [1u32, 0] {
            let sent = pacer.acquire(|_| {}).await;
            let missing = 2.0 - f64::from(remaining);
            pacer.observe(
                sent,
                &quota("x-ratelimit-", 2, remaining.into(), missing / 2.0),
                StatusCode::OK,
            );
        }
    }

    #[tokio::test]
    async fn a_spent_budget_is_remembered_for_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("authsetup").join("rate-limits.json");
        let first = Pacer::default();
        first.remember_for("https://t.auth0.com", file.clone());
        assert_eq!(
            lock(&first.state).next_send(epoch_now()),
            None,
            "nothing known yet"
        );
        spend_the_burst(&first).await;
        drop(first);

        let next = Pacer::default();
        next.remember_for("https://t.auth0.com", file.clone());
        let now = epoch_now();
        let s = lock(&next.state);
        assert_eq!(s.answers.len(), 2, "{:?}", s.answers);
        assert!(s.fit.is_some());
        assert!(
            s.next_send(now).is_some_and(|at| at > now),
            "the spent budget is waited for"
        );
        drop(s);
        let other = Pacer::default();
        other.remember_for("https://other.auth0.com", file);
        assert_eq!(lock(&other.state).next_send(epoch_now()), None);
    }

    #[tokio::test]
    async fn pacer_waits_for_a_token_once_the_budget_is_spent() {
        let pacer = Pacer::default();
        spend_the_burst(&pacer).await;
        let now = epoch_now();
        let s = lock(&pacer.state);
        let at = s.next_send(now).expect("a model");
        // Not before the first token is back, not after the whole burst is.
        assert!(at > now && at <= now + 1.1, "{:?} {at} {now}", s.fit);
    }
}
