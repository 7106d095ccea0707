//! Pacing Management API requests from the quota headers, and the cache file that carries a
//! tenant's budget from one run to the next.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;

use super::lock;
use super::retry::{LONGEST_RATE_LIMIT_WAIT, quota_header, until_epoch};

/// Paces Management API requests from the `X-RateLimit-*` headers so that, once the limit is
/// known, requests wait for the reset instead of provoking 429s.
///
/// A new process does not know the limit, and firing every read at once on a free tenant (burst
/// 2) provokes a burst of 429s. So the budget each tenant announced last (limit, remaining,
/// reset) is remembered in the user's cache folder; when the limit is small, the next run starts
/// from it. A tenant with a large limit keeps full concurrency from the first request.
#[derive(Default)]
pub(super) struct Pacer {
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
    /// Waits until the budget allows one more request; `waiting` hears of each wait first.
    pub(super) async fn acquire(&self, waiting: impl Fn(Duration)) {
        loop {
            let wait = {
                let mut s = lock(&self.state);
                let now = Instant::now();
                if s.reset_at.is_some_and(|r| r <= now) {
                    s.remaining = s.limit;
                    s.reset_at = None;
                }
                let wait = match s.remaining {
                    None => None,
                    Some(0) => Some(
                        s.reset_at
                            .map_or(Duration::from_millis(250), |r| r - now)
                            .min(LONGEST_RATE_LIMIT_WAIT),
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
                Some(d) => {
                    waiting(d);
                    tokio::time::sleep(d.max(Duration::from_millis(10))).await;
                }
            }
        }
    }

    /// A paced request ended without an answer.
    pub(super) fn abandon(&self) {
        let mut s = lock(&self.state);
        s.in_flight = s.in_flight.saturating_sub(1);
    }

    /// Starts from what the previous run against this tenant left: on a small limit, a budget
    /// it spent is waited for instead of discovered by a 429. The file is only a hint: values
    /// out of range are ignored or clamped, never trusted into a long wait.
    pub(super) fn remember_for(&self, origin: &str, cache_file: PathBuf) {
        let remembered = read_limits(&cache_file).get(origin).cloned();
        let field = |name: &str| remembered.as_ref().and_then(|r| r[name].as_u64());
        if let Some(limit) = field("limit").and_then(known_limit) {
            let mut s = lock(&self.state);
            s.limit = Some(limit);
            if limit < SMALL_LIMIT {
                let reset = field("reset").map(until_epoch).filter(|d| !d.is_zero());
                match reset.and_then(within_reach) {
                    Some(at) => {
                        let left = field("remaining").unwrap_or(0).min(u64::from(limit));
                        s.remaining = Some(left as u32);
                        s.reset_at = Some(at);
                    }
                    None => s.remaining = Some(limit),
                }
            }
        }
        *lock(&self.memory) = Some((origin.to_string(), cache_file));
    }

    /// Leaves the budget as this run saw it last for the next run.
    fn persist(&self) {
        let Some((origin, file)) = lock(&self.memory).clone() else {
            return;
        };
        let s = lock(&self.state);
        let mut limits = read_limits(&file);
        let Some(limit) = s.limit else {
            // Nothing usable was learned: an entry the run could not use goes.
            if limits.remove(&origin).is_some() {
                write_limits(&file, limits);
            }
            return;
        };
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
        limits.insert(origin, entry);
        write_limits(&file, limits);
    }

    pub(super) fn observe(&self, headers: &HeaderMap, status: StatusCode) {
        let num = |field: &str| quota_header(headers, field).and_then(|v| v.parse::<u64>().ok());
        let mut s = lock(&self.state);
        if let Some(limit) = num("limit").and_then(known_limit) {
            s.limit = Some(limit);
        }
        let remaining = num("remaining")
            .map(|r| u32::try_from(r).unwrap_or(u32::MAX))
            .or((status == StatusCode::TOO_MANY_REQUESTS).then_some(0));
        s.in_flight = s.in_flight.saturating_sub(1);
        if let Some(r) = remaining {
            // Answers arrive in any order, so a later one can report an older, larger budget;
            // until the reset, the estimate only goes down.
            let left = r.saturating_sub(s.in_flight);
            s.remaining = Some(s.remaining.map_or(left, |cur| cur.min(left)));
        }
        if let Some(at) = num("reset").map(until_epoch).and_then(within_reach) {
            // Answers to concurrent requests arrive in any order; the latest reset any of them
            // announced is the one after which the whole budget is back.
            s.reset_at = Some(s.reset_at.map_or(at, |cur| cur.max(at)));
        }
        if s.remaining == Some(0) && s.reset_at.is_none() {
            s.reset_at = Some(Instant::now() + Duration::from_secs(1));
        }
    }
}

/// A limit of 0 (or one that does not fit) says nothing usable: pacing by it would never send.
fn known_limit(limit: u64) -> Option<u32> {
    u32::try_from(limit).ok().filter(|l| *l > 0)
}

/// When a reset `wait` away comes, if it is believable: a reset further ahead than the longest
/// wait authsetup accepts (a bad header, a corrupt cache) is not paced by, so it cannot stall
/// this run or, remembered, the next. A request it really blocks gets a 429, which says so.
fn within_reach(wait: Duration) -> Option<Instant> {
    (wait <= LONGEST_RATE_LIMIT_WAIT).then(|| Instant::now() + wait)
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
        let s = lock(&pacer.state);
        assert_eq!((s.limit, s.remaining), (Some(10), Some(0)));
        assert!(s.reset_at.is_some());
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
        pacer.acquire(|_| {}).await; // spends the last one
        let s = lock(&pacer.state);
        assert_eq!(s.remaining, Some(0));
    }
}
