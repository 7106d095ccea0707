//! The request log: what reached the emulator, in arrival order, with timing.

use std::time::Instant;

/// One request as the emulator saw it.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// The raw, still percent-encoded path.
    pub path: String,
    pub query: Option<String>,
    /// The request body; `client_secret` and `client_assertion` values are replaced by
    /// `[REDACTED]` so a printed log never leaks credentials. Headers are not logged at all.
    pub body: String,
    /// 0 while no response was sent (hanging or reset connections).
    pub status: u16,
    pub started: Instant,
    /// For a request still in flight this is the moment the log was read.
    pub finished: Instant,
}

struct Entry {
    id: u64,
    request: RecordedRequest,
    done: bool,
}

#[derive(Default)]
pub(crate) struct RequestLog {
    entries: Vec<Entry>,
    next_id: u64,
}

impl RequestLog {
    pub(crate) fn begin(
        &mut self,
        method: &str,
        path: &str,
        query: Option<&str>,
        body: String,
    ) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let now = Instant::now();
        self.entries.push(Entry {
            id,
            request: RecordedRequest {
                method: method.to_string(),
                path: path.to_string(),
                query: query.map(str::to_string),
                body,
                status: 0,
                started: now,
                finished: now,
            },
            done: false,
        });
        id
    }

    /// A request cleared from the log while in flight is silently forgotten.
    pub(crate) fn finish(&mut self, id: u64, status: u16) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.request.status = status;
            entry.request.finished = Instant::now();
            entry.done = true;
        }
    }

    pub(crate) fn snapshot(&self) -> Vec<RecordedRequest> {
        let now = Instant::now();
        self.entries
            .iter()
            .map(|e| {
                let mut r = e.request.clone();
                if !e.done {
                    r.finished = now;
                }
                r
            })
            .collect()
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

/// Length of the longest chain of requests in which each one started after the previous one
/// finished. Requests that overlap in time cannot both be in a chain, so they count as one round.
pub(crate) fn rounds(requests: &[RecordedRequest]) -> usize {
    let mut order: Vec<&RecordedRequest> = requests.iter().collect();
    order.sort_by_key(|r| r.started);
    // chain[i]: longest chain ending with order[i]; quadratic is fine for test-sized logs.
    let mut chain = vec![0usize; order.len()];
    for i in 0..order.len() {
        let before = (0..i)
            .filter(|&j| order[j].finished <= order[i].started)
            .map(|j| chain[j])
            .max()
            .unwrap_or(0);
        chain[i] = before + 1;
    }
    chain.into_iter().max().unwrap_or(0)
}

/// Hides credentials a client sends in a token request body, form-encoded or JSON.
pub(crate) fn redact_secrets(body: &str) -> String {
    const SECRET_KEYS: [&str; 2] = ["client_secret", "client_assertion"];
    if !SECRET_KEYS.iter().any(|k| body.contains(k)) {
        return body.to_string();
    }
    if let Ok(serde_json::Value::Object(mut map)) = serde_json::from_str::<serde_json::Value>(body)
    {
        for key in SECRET_KEYS {
            if let Some(v) = map.get_mut(key) {
                *v = serde_json::Value::String("[REDACTED]".into());
            }
        }
        return serde_json::Value::Object(map).to_string();
    }
    body.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if SECRET_KEYS.contains(&k) => format!("{k}=[REDACTED]"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn req(start_ms: u64, end_ms: u64, base: Instant) -> RecordedRequest {
        RecordedRequest {
            method: "GET".into(),
            path: "/".into(),
            query: None,
            body: String::new(),
            status: 200,
            started: base + Duration::from_millis(start_ms),
            finished: base + Duration::from_millis(end_ms),
        }
    }

    #[test]
    fn sequential_requests_are_separate_rounds() {
        let t = Instant::now();
        let log = [req(0, 10, t), req(11, 20, t), req(21, 30, t)];
        assert_eq!(rounds(&log), 3);
    }

    #[test]
    fn overlapping_requests_share_a_round() {
        let t = Instant::now();
        // three in parallel, then two in parallel
        let log = [
            req(0, 10, t),
            req(1, 12, t),
            req(2, 11, t),
            req(13, 20, t),
            req(14, 22, t),
        ];
        assert_eq!(rounds(&log), 2);
    }

    #[test]
    fn a_long_request_spanning_a_sequence_does_not_lengthen_it() {
        let t = Instant::now();
        let log = [
            req(0, 100, t),
            req(1, 10, t),
            req(11, 20, t),
            req(21, 30, t),
        ];
        assert_eq!(rounds(&log), 3);
        assert_eq!(rounds(&[]), 0);
    }

    #[test]
    fn secrets_are_redacted_in_forms_and_json() {
        assert_eq!(
            redact_secrets("grant_type=client_credentials&client_id=a&client_secret=s3cr3t"),
            "grant_type=client_credentials&client_id=a&client_secret=[REDACTED]"
        );
        assert_eq!(
            redact_secrets(r#"{"client_id":"a","client_secret":"s3cr3t"}"#),
            r#"{"client_id":"a","client_secret":"[REDACTED]"}"#
        );
        assert_eq!(redact_secrets(r#"{"name":"x"}"#), r#"{"name":"x"}"#);
    }
}
