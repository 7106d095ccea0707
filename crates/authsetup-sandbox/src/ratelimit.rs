//! A token bucket in front of the management API, reported the way Auth0 reports its limits.

use std::time::{Duration, Instant};

/// Management API rate limit: a token bucket refilled at `per_second`, holding at most `burst`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub per_second: u32,
    pub burst: u32,
    /// Send `Retry-After` (seconds) on 429. Auth0 documents it only for some limits, so clients
    /// must also cope with its absence and fall back to `X-RateLimit-Reset`.
    pub retry_after: bool,
}

impl RateLimit {
    /// Auth0 free tier: Management API burst 2, sustained 2/s (notes/auth0.md §0.7, §A8).
    pub const FREE_TIER: RateLimit = RateLimit {
        per_second: 2,
        burst: 2,
        retry_after: true,
    };
}

/// What the `X-RateLimit-*` headers say after a decision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quota {
    pub limit: u32,
    pub remaining: u32,
    /// Time until the bucket is full again.
    pub reset_in: Duration,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Verdict {
    Allowed(Quota),
    Limited { quota: Quota, retry_in: Duration },
}

pub(crate) struct TokenBucket {
    limit: RateLimit,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub(crate) fn new(limit: RateLimit) -> Self {
        TokenBucket {
            limit,
            tokens: f64::from(limit.burst),
            last: Instant::now(),
        }
    }

    pub(crate) fn limit(&self) -> RateLimit {
        self.limit
    }

    pub(crate) fn take(&mut self, now: Instant) -> Verdict {
        let rate = f64::from(self.limit.per_second);
        let burst = f64::from(self.limit.burst);
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate).min(burst);
        self.last = now;

        let allowed = self.tokens >= 1.0;
        if allowed {
            self.tokens -= 1.0;
        }
        let quota = Quota {
            limit: self.limit.burst,
            remaining: self.tokens.floor() as u32,
            reset_in: seconds_at(rate, burst - self.tokens),
        };
        if allowed {
            Verdict::Allowed(quota)
        } else {
            Verdict::Limited {
                quota,
                retry_in: seconds_at(rate, 1.0 - self.tokens),
            }
        }
    }
}

/// How long refilling `missing` tokens takes; a bucket that never refills reports a day.
fn seconds_at(rate: f64, missing: f64) -> Duration {
    if missing <= 0.0 {
        Duration::ZERO
    } else if rate <= 0.0 {
        Duration::from_secs(86_400)
    } else {
        Duration::from_secs_f64(missing / rate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(v: Verdict) -> bool {
        matches!(v, Verdict::Limited { .. })
    }

    #[test]
    fn burst_then_limited_then_refilled() {
        let mut bucket = TokenBucket::new(RateLimit::FREE_TIER);
        let t0 = bucket.last;
        assert_eq!(
            bucket.take(t0),
            Verdict::Allowed(Quota {
                limit: 2,
                remaining: 1,
                reset_in: Duration::from_millis(500)
            })
        );
        assert!(!limited(bucket.take(t0)));
        match bucket.take(t0) {
            Verdict::Limited { quota, retry_in } => {
                assert_eq!(quota.remaining, 0);
                assert_eq!(retry_in, Duration::from_millis(500));
                assert_eq!(quota.reset_in, Duration::from_secs(1));
            }
            other => panic!("expected a 429, got {other:?}"),
        }
        // half a second at 2/s buys exactly one more request
        let t1 = t0 + Duration::from_millis(500);
        assert!(!limited(bucket.take(t1)));
        assert!(limited(bucket.take(t1)));
        // a long pause refills to the burst, not beyond
        let t2 = t1 + Duration::from_secs(60);
        assert!(!limited(bucket.take(t2)));
        assert!(!limited(bucket.take(t2)));
        assert!(limited(bucket.take(t2)));
    }

    #[test]
    fn sustained_rate_is_respected() {
        let mut bucket = TokenBucket::new(RateLimit {
            per_second: 10,
            burst: 1,
            retry_after: false,
        });
        let t0 = bucket.last;
        let allowed = (0..100)
            .map(|i| bucket.take(t0 + Duration::from_millis(i * 10)))
            .filter(|v| !limited(*v))
            .count();
        // one second of requests every 10 ms at 10/s with burst 1
        assert!((10..=11).contains(&allowed), "allowed {allowed}");
    }

    #[test]
    fn a_zero_rate_bucket_never_refills() {
        let mut bucket = TokenBucket::new(RateLimit {
            per_second: 0,
            burst: 1,
            retry_after: true,
        });
        let t0 = bucket.last;
        assert!(!limited(bucket.take(t0)));
        assert!(limited(bucket.take(t0 + Duration::from_secs(3600))));
    }
}
