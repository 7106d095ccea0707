//! Reading a JWT's claims without verifying it. Used only to explain (which scopes a token
//! carries, which audience a stored token names), never to trust anything.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

/// The payload of a three-part token, or `None` for anything else (opaque, JWE, garbled).
pub fn claims(token: &str) -> Option<Value> {
    let mut parts = token.split('.');
    let (_, payload, _, None) = (parts.next()?, parts.next()?, parts.next()?, parts.next()) else {
        return None;
    };
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_parts_only() {
        let payload = URL_SAFE_NO_PAD.encode(r#"{"aud":"a"}"#);
        assert_eq!(claims(&format!("e30.{payload}.sig")).unwrap()["aud"], "a");
        assert!(claims("opaque").is_none());
        assert!(claims(&format!("a.{payload}.c.d.e")).is_none());
    }
}
