//! What a `--verbose` trace must not show.

use serde_json::Value;

/// Names whose values are credentials. Endpoint URLs and settings that merely mention tokens
/// (`token_endpoint`, `token_lifetime`, `authorization_endpoint`) stay readable in traces.
pub(super) fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let credential = [
        "secret",
        "assertion",
        "password",
        "code_verifier",
        "private_key",
    ]
    .iter()
    .any(|s| n.contains(s));
    credential || n == "authorization" || n == "token" || n.ends_with("_token") || n == "code"
}

pub fn redact_json(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_name(k) && (v.is_string() || v.is_object()) {
                        Value::String("[redacted]".into())
                    } else {
                        redact_json(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact_json).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_secret_fields_but_keeps_shapes() {
        let v = serde_json::json!({"access_token": "abc", "token_type": "Bearer", "nested": [{"client_secret": "s"}], "expires_in": 86400});
        let r = redact_json(&v);
        assert_eq!(r["access_token"], "[redacted]");
        assert_eq!(r["token_type"], "Bearer");
        assert_eq!(r["nested"][0]["client_secret"], "[redacted]");
        assert_eq!(r["expires_in"], 86400);
        let meta = serde_json::json!({"token_endpoint": "https://t/oauth/token", "authorization_endpoint": "https://t/authorize", "refresh_token": "r"});
        let r = redact_json(&meta);
        assert_eq!(r["token_endpoint"], "https://t/oauth/token");
        assert_eq!(r["authorization_endpoint"], "https://t/authorize");
        assert_eq!(r["refresh_token"], "[redacted]");
    }
}
