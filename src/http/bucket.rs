//! A token-bucket model of a Management API rate limit, fitted to the quota headers of the
//! answers seen: which refill rates they allow, and when the bucket is full again.
//!
//! One answer cannot pin the rate down: `X-RateLimit-Reset` is the second at which the bucket
//! is full again rounded up, and `X-RateLimit-Remaining` the tokens left rounded down, so on
//! the free tier (burst 2, 2/s) a single answer allows anything from about 1 to 4 tokens a
//! second. But each request the bucket lets through moves its full time on by exactly one
//! token's refill time, while the rounding boundaries stay put; a run of answers therefore fits
//! only a narrow range of rates, and every further answer narrows it.

use serde::{Deserialize, Serialize};

/// One answer's quota headers, with when its request left and its answer came (seconds since
/// the Unix epoch, the clock the reset is given in).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct Answer {
    pub sent: f64,
    pub answered: f64,
    /// Turned away (429): the request took no token.
    pub limited: bool,
    pub remaining: u32,
    /// The second by which the bucket is full again.
    pub reset: u64,
}

/// What a sequence of answers says about the bucket: every refill (tokens per second) that
/// fits them, slowest first, each with the span of moments the bucket can be full again after
/// the last answer at that refill.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Fit(Vec<(f64, f64, f64)>);

impl Fit {
    pub(super) fn fastest(&self) -> f64 {
        self.0[self.0.len() - 1].0
    }
}

/// Refills tried, relative to the limit: from refilling the whole burst in two minutes to a
/// hundred bursts a second, in steps of 1 %.
const SLOWEST_REFILL: f64 = 1.0 / 120.0;
const FASTEST_REFILL: f64 = 100.0;
const STEP: f64 = 1.01;

/// The refills consistent with the answers (in the order their requests left; earlier runs'
/// too, as nobody else may have used the bucket in between, which is what a misfit says),
/// and where they leave the bucket; `None` when no refill fits them all.
pub(super) fn fit(limit: u32, answers: &[Answer]) -> Option<Fit> {
    let per_burst = f64::from(limit);
    let fitting: Vec<(f64, f64, f64)> =
        std::iter::successors(Some(per_burst * SLOWEST_REFILL), |r| {
            Some(r * STEP).filter(|r| *r <= per_burst * FASTEST_REFILL)
        })
        .filter_map(|rate| {
            let (lo, hi) = full_after(limit, rate, answers)?;
            Some((rate, lo, hi))
        })
        .collect();
    (!answers.is_empty() && !fitting.is_empty()).then_some(Fit(fitting))
}

/// The chance of a 429 the pacer accepts for a request. Each one narrows the fit from above,
/// while waiting for the last unlikely slow refill would cost most of a token on every request.
const RISK: f64 = 0.2;

/// When the next request may leave: once each request `pending` (sent after the last answer
/// of the fit, in any order) has taken its token, one is left with a chance of `1 − RISK`.
///
/// The chance weighs every fitting refill by how many full times fit it (answers that fit a
/// refill only at the edge of their rounding make it unlikely), with the full time spread
/// evenly over its span. A slower refill is not the cautious guess by itself: with the same
/// reset it leaves more tokens now.
pub(super) fn next_send(limit: u32, fit: &Fit, pending: &[f64]) -> f64 {
    let mut sorted = pending.to_vec();
    sorted.sort_by(f64::total_cmp);
    let spare = f64::from(limit.saturating_sub(1));
    // For each refill, the span of moments its bucket holds a token again.
    let spans: Vec<(f64, f64)> = fit
        .0
        .iter()
        .map(|(rate, lo, hi)| {
            let per_token = 1.0 / rate;
            let after = |full: f64| {
                let full = sorted
                    .iter()
                    .fold(full, |full, sent| full.max(*sent) + per_token);
                full - spare * per_token
            };
            (after(*lo), after(*hi))
        })
        .collect();
    let weight = |(lo, hi): &(f64, f64)| (hi - lo).max(1e-6);
    let total: f64 = spans.iter().map(weight).sum();
    let chance = |t: f64| {
        spans
            .iter()
            .map(|span| (t - span.0).clamp(0.0, weight(span)))
            .sum::<f64>()
            / total
    };
    let (mut early, mut late) = spans.iter().fold(
        (f64::INFINITY, f64::NEG_INFINITY),
        |(early, late), (lo, hi)| (early.min(*lo), late.max(*hi)),
    );
    for _ in 0..50 {
        let mid = (early + late) / 2.0;
        if chance(mid) >= 1.0 - RISK {
            late = mid;
        } else {
            early = mid;
        }
    }
    late
}

/// The span of moments the bucket can be full again after `answers`, at refill `rate`; `None`
/// when they do not fit that refill.
///
/// The full time F is what the model tracks: a request let through at time s moves it to
/// `max(F, s) + 1/rate`, a 429 leaves it, and each answer bounds it twice: the reset is F
/// rounded up to a second, and the tokens left, `limit − rate·(F − s)`, round down to the
/// remaining count. Requests in flight together may have been decided in any order, so such a
/// group is bounded as a whole.
fn full_after(limit: u32, rate: f64, answers: &[Answer]) -> Option<(f64, f64)> {
    let per_token = 1.0 / rate;
    let burst = f64::from(limit);
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for group in overlapping(answers) {
        let start = group.iter().map(|a| a.sent).fold(f64::INFINITY, f64::min);
        let end = group
            .iter()
            .map(|a| a.answered)
            .fold(f64::NEG_INFINITY, f64::max);
        let taken = group.iter().filter(|a| !a.limited).count() as f64;
        let (mut end_lo, mut end_hi) = if taken == 0.0 {
            (lo, hi)
        } else {
            (
                lo.max(start) + taken * per_token,
                hi.max(end) + taken * per_token,
            )
        };
        // F after the group is F just after whichever answer was decided last.
        let mut last_lo = f64::INFINITY;
        let mut last_hi = f64::NEG_INFINITY;
        for a in group {
            // F just after this answer's decision: after one to all of the group's takes.
            let (after_lo, after_hi, later) = if a.limited {
                (lo, hi.max(end) + taken * per_token, taken)
            } else {
                (
                    lo.max(a.sent) + per_token,
                    hi.max(a.answered) + taken * per_token,
                    taken - 1.0,
                )
            };
            let missing = burst - f64::from(a.remaining);
            // The reset may be stamped as late as the answer leaves, so its lower edge is
            // widened by the time the request took.
            let reset = a.reset as f64;
            let x = after_lo
                .max(reset - 1.0 - (a.answered - a.sent))
                .max(a.sent + (missing - 1.0) * per_token);
            let y = after_hi.min(reset).min(a.answered + missing * per_token);
            if x > y {
                return None;
            }
            end_lo = end_lo.max(x);
            end_hi = end_hi.min(y.max(end) + later * per_token);
            (last_lo, last_hi) = (last_lo.min(x), last_hi.max(y));
        }
        (end_lo, end_hi) = (end_lo.max(last_lo), end_hi.min(last_hi));
        if end_lo > end_hi {
            return None;
        }
        (lo, hi) = (end_lo, end_hi);
    }
    Some((lo, hi))
}

/// The answers in groups whose requests were in flight together (sorted by when they left).
fn overlapping(answers: &[Answer]) -> Vec<Vec<Answer>> {
    let mut sorted = answers.to_vec();
    sorted.sort_by(|a, b| a.sent.total_cmp(&b.sent));
    let mut groups: Vec<Vec<Answer>> = Vec::new();
    let mut until = f64::NEG_INFINITY;
    for a in sorted {
        match groups.last_mut() {
            Some(group) if a.sent < until => group.push(a),
            _ => groups.push(vec![a]),
        }
        until = until.max(a.answered);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The emulator's bucket (crates/authsetup-sandbox/src/ratelimit.rs), on a simulated clock:
    /// it answers as Auth0 does, with the remaining count rounded down and the reset second
    /// rounded up.
    struct Tenant {
        rate: f64,
        burst: f64,
        tokens: f64,
        last: f64,
    }

    impl Tenant {
        fn new(rate: f64, burst: u32, now: f64) -> Self {
            Tenant {
                rate,
                burst: f64::from(burst),
                tokens: f64::from(burst),
                last: now,
            }
        }

        fn answer(&mut self, sent: f64, latency: f64) -> Answer {
            self.tokens = (self.tokens + (sent - self.last) * self.rate).min(self.burst);
            self.last = sent;
            let limited = self.tokens < 1.0;
            if !limited {
                self.tokens -= 1.0;
            }
            let answered = sent + latency;
            Answer {
                sent,
                answered,
                limited,
                remaining: self.tokens.floor() as u32,
                reset: (answered + (self.burst - self.tokens) / self.rate).ceil() as u64,
            }
        }
    }

    /// What the pacer does with the model, for `requests` wanted at once by a run that starts
    /// at `start` and knows nothing yet: the first four go together, as a first contact's reads
    /// do; the rest (and any 429) each wait for the model. Returns (answers, 429s, when the
    /// last answer came).
    fn paced_run(
        tenant: &mut Tenant,
        limit: u32,
        remembered: &[Answer],
        start: f64,
        requests: usize,
    ) -> (Vec<Answer>, usize, f64) {
        let latency = 0.003;
        let mut this_run: Vec<Answer> = remembered.to_vec();
        let before = this_run.len();
        let mut to_send = requests;
        let mut now = start;
        let mut last_429 = f64::NEG_INFINITY;
        if remembered.is_empty() {
            for i in 0..4.min(requests) {
                this_run.push(tenant.answer(start + i as f64 * 0.0001, latency));
            }
            to_send -= this_run[before..].iter().filter(|a| !a.limited).count();
            now = start + latency;
        }
        while to_send > 0 {
            let fit = fit(limit, &this_run).expect("the tenant's own answers fit");
            if let Some(a) = this_run.last().filter(|a| a.limited) {
                last_429 = a.answered + 1.0 / fit.fastest();
            }
            now = now.max(next_send(limit, &fit, &[])).max(last_429);
            let a = tenant.answer(now, latency);
            now = a.answered;
            to_send -= usize::from(!a.limited);
            this_run.push(a);
        }
        let this_run = this_run.split_off(before);
        let limited = this_run.iter().filter(|a| a.limited).count();
        (this_run, limited, now)
    }

    /// The free tier (2/s, burst 2): (requests − burst) ÷ rate is the least any client takes.
    fn bound(requests: usize) -> f64 {
        (requests as f64 - 2.0) / 2.0
    }

    /// Starts spread over a second: where in its second a run starts decides how the resets
    /// round.
    fn starts() -> impl Iterator<Item = f64> {
        (0..20).map(|i| 1_800_000_000.013 + f64::from(i) / 20.0)
    }

    #[test]
    fn the_free_tier_is_paced_at_its_refill_from_the_first_contact() {
        for start in starts() {
            let mut tenant = Tenant::new(2.0, 2, start - 5.0);
            let (answers, limited, done) = paced_run(&mut tenant, 2, &[], start, 8);
            assert!(done - start <= 1.15 * bound(8), "{answers:#?}");
            // The first contact's two reads beyond the burst, and a few found out by the fit.
            assert!(limited <= 2 + 3, "{answers:#?}");
        }
    }

    #[test]
    fn a_run_after_a_run_starts_from_the_remembered_answers() {
        for start in starts() {
            let mut tenant = Tenant::new(2.0, 2, start - 5.0);
            let (first, _, done) = paced_run(&mut tenant, 2, &[], start, 8);
            let (answers, limited, again) = paced_run(&mut tenant, 2, &first, done + 0.05, 4);
            // The bucket was empty when the first run ended: all four wait for a refill.
            assert!(again - done <= 1.15 * bound(6), "{answers:#?}");
            assert!(limited <= 1, "{answers:#?}");
        }
    }

    #[test]
    fn each_answer_narrows_the_fit_around_the_true_refill() {
        let start = 1_800_000_000.3;
        let mut tenant = Tenant::new(2.0, 2, start - 5.0);
        let (answers, _, _) = paced_run(&mut tenant, 2, &[], start, 12);
        let widths: Vec<f64> = (1..=answers.len())
            .map(|n| {
                let f = fit(2, &answers[..n]).unwrap();
                let slowest = f.0[0].0;
                assert!(slowest <= 2.0 && 2.0 <= f.fastest() * STEP, "{n}: {f:?}");
                f.fastest() / slowest
            })
            .collect();
        assert!(widths.windows(2).all(|w| w[1] <= w[0]), "{widths:?}");
        assert!(widths[widths.len() - 1] < 1.1, "{widths:?}");
    }

    #[test]
    fn answers_no_bucket_gives_fit_nothing() {
        // Two requests let through a millisecond apart, yet the second says more is left than
        // the first: no refill up to a hundred bursts a second explains it.
        let a = |sent: f64, remaining| Answer {
            sent,
            answered: sent + 0.0005,
            limited: false,
            remaining,
            reset: 1_800_000_002,
        };
        let start = 1_800_000_001.2;
        assert_eq!(fit(2, &[a(start, 0), a(start + 0.001, 1)]), None);
        assert!(fit(2, &[a(start, 1), a(start + 0.001, 0)]).is_some());
        assert_eq!(fit(2, &[]), None);
    }

    #[test]
    fn a_request_waits_for_those_still_in_flight() {
        let start = 1_800_000_000.3;
        let mut tenant = Tenant::new(2.0, 2, start - 5.0);
        let (answers, _, done) = paced_run(&mut tenant, 2, &[], start, 8);
        let f = fit(2, &answers).unwrap();
        let alone = next_send(2, &f, &[]);
        let behind_one = next_send(2, &f, &[done]);
        let behind_two = next_send(2, &f, &[done, done]);
        assert!(alone > done - 1.0 && alone < done + 1.0, "{alone} {done}");
        assert!(
            (behind_one - alone - 0.5).abs() < 0.1,
            "{alone} {behind_one}"
        );
        assert!(
            (behind_two - behind_one - 0.5).abs() < 0.1,
            "{behind_one} {behind_two}"
        );
    }
}
