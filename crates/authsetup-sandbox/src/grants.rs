//! The parts of an authorization server's sign-in side that do not depend on the provider:
//! one-time codes and refresh tokens, PKCE, the redirect back to the client and the hosted error
//! page. Each flavour's `login` module decides what to check and what to issue.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ring::digest::{SHA256, digest};

use super::front::lock;

/// Values handed out under random keys, each redeemable once.
pub(crate) struct OneTime<T>(Mutex<HashMap<String, T>>);

impl<T> Default for OneTime<T> {
    fn default() -> Self {
        OneTime(Mutex::default())
    }
}

impl<T> OneTime<T> {
    pub(crate) fn issue(&self, value: T, key_len: usize) -> String {
        let key = crate::random_string(key_len);
        lock(&self.0).insert(key.clone(), value);
        key
    }

    pub(crate) fn take(&self, key: &str) -> Option<T> {
        lock(&self.0).remove(key)
    }
}

/// RFC 7636 §4.6: whether `verifier` is the one `challenge` was made from with S256.
pub(crate) fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    B64.encode(digest(&SHA256, verifier.as_bytes())) == challenge
}

pub(crate) fn scopes(requested: Option<&str>) -> Vec<String> {
    requested
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// Why an authorization request is refused, in RFC 6749 §4.1.2.1 terms.
pub(crate) struct Refusal {
    pub(crate) error: &'static str,
    pub(crate) description: String,
}

pub(crate) fn refuse(error: &'static str, description: impl Into<String>) -> Refusal {
    Refusal {
        error,
        description: description.into(),
    }
}

/// 302 to the client's registered `to` with `params` and the request's `state` (RFC 6749 §4.1.2).
pub(crate) fn redirect(to: &str, params: &[(&str, &str)], state: Option<&str>) -> Response {
    let Ok(mut url) = url::Url::parse(to) else {
        return error_page(&refuse("invalid_request", "invalid redirect_uri"));
    };
    {
        let mut query = url.query_pairs_mut();
        query.extend_pairs(params);
        if let Some(state) = state {
            query.append_pair("state", state);
        }
    }
    (StatusCode::FOUND, [(header::LOCATION, url.to_string())]).into_response()
}

/// The refusal sent back to the client on its redirect URI.
pub(crate) fn refusal_redirect(to: &str, refusal: &Refusal, state: Option<&str>) -> Response {
    let params = [
        ("error", refusal.error),
        ("error_description", refusal.description.as_str()),
    ];
    redirect(to, &params, state)
}

/// The provider's hosted error page: the error and its description for a person, no redirect
/// (for requests whose redirect URI cannot be trusted, or clients that must not be redirected).
pub(crate) fn error_page(refusal: &Refusal) -> Response {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let page = format!(
        "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong</h1>\
         <p class=\"error\">{}</p><p class=\"error-description\">{}</p></body></html>",
        escape(refusal.error),
        escape(&refusal.description)
    );
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The S256 challenge a client sends for `verifier`.
    pub(crate) fn challenge_for(verifier: &str) -> String {
        B64.encode(digest(&SHA256, verifier.as_bytes()))
    }

    #[test]
    fn only_the_verifier_the_challenge_was_made_from_matches() {
        let challenge = challenge_for("the-verifier");
        // 32 bytes of SHA-256, base64url without padding
        assert_eq!(challenge.len(), 43);
        assert!(pkce_matches("the-verifier", &challenge));
        assert!(!pkce_matches("another-verifier", &challenge));
    }
}
