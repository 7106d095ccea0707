//! JWT-shaped access tokens. Management API tokens are signed with HMAC-SHA256, so the emulator
//! can recognise the tokens it issued without remembering them and clients can still decode the
//! claims. Tokens for MCP servers are RS256 like a real tenant's, verifiable with the JWKS.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD as B64};
use ring::digest::{SHA256, digest};
use ring::hmac;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};
use serde_json::{Value, json};

pub(crate) struct Signer {
    key: hmac::Key,
}

impl Signer {
    pub(crate) fn random() -> Self {
        Signer::from_secret(&rand::random::<[u8; 32]>())
    }

    fn from_secret(secret: &[u8]) -> Self {
        Signer {
            key: hmac::Key::new(hmac::HMAC_SHA256, secret),
        }
    }

    pub(crate) fn sign(&self, claims: &Value) -> String {
        let header = json!({"alg": "HS256", "typ": "JWT", "kid": "authsetup-sandbox"});
        let signing_input = format!(
            "{}.{}",
            B64.encode(header.to_string()),
            B64.encode(claims.to_string())
        );
        let signature = B64.encode(hmac::sign(&self.key, signing_input.as_bytes()));
        format!("{signing_input}.{signature}")
    }

    /// The claims of a token this signer produced; None for anything else.
    pub(crate) fn verify(&self, token: &str) -> Option<Value> {
        let (signing_input, signature) = token.rsplit_once('.')?;
        let (_, payload) = signing_input.split_once('.')?;
        let given = B64.decode(signature).ok()?;
        // ring compares in constant time, so timing does not reveal how much of a forgery was right
        hmac::verify(&self.key, signing_input.as_bytes(), &given).ok()?;
        serde_json::from_slice(&B64.decode(payload).ok()?).ok()
    }
}

/// The sandbox's RS256 key: a fixed throw-away key committed in the repository (anyone can
/// forge tokens with it, which is the point of a test issuer), so it costs nothing at start-up
/// and an MCP server's CI may even pin its JWKS.
const THROWAWAY_KEY: &str = include_str!("../keys/rs256-throwaway.pem");

pub(crate) struct RsaSigner {
    pair: RsaKeyPair,
    public: RsaPublic,
}

/// What a resource server holds: the public half, from the JWKS.
#[derive(Clone)]
pub(crate) struct RsaPublic {
    kid: String,
    n: Vec<u8>,
    e: Vec<u8>,
}

impl RsaSigner {
    pub(crate) fn throwaway() -> Self {
        let body: String = THROWAWAY_KEY
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let der = STANDARD.decode(body).expect("the committed key is base64");
        let pair = RsaKeyPair::from_pkcs8(&der).expect("the committed key is an RSA PKCS#8 key");
        let components = RsaPublicKeyComponents::<Vec<u8>>::from(pair.public());
        // the key's own digest, so a different key can never be published under the same kid
        let kid = B64.encode(&digest(&SHA256, &components.n).as_ref()[..12]);
        let public = RsaPublic {
            kid,
            n: components.n,
            e: components.e,
        };
        RsaSigner { pair, public }
    }

    pub(crate) fn sign(&self, claims: &Value) -> String {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": self.public.kid});
        let signing_input = format!(
            "{}.{}",
            B64.encode(header.to_string()),
            B64.encode(claims.to_string())
        );
        let mut sig = vec![0u8; self.pair.public().modulus_len()];
        self.pair
            .sign(
                &signature::RSA_PKCS1_SHA256,
                &ring::rand::SystemRandom::new(),
                signing_input.as_bytes(),
                &mut sig,
            )
            .expect("RS256 signing with a valid key");
        format!("{signing_input}.{}", B64.encode(sig))
    }

    pub(crate) fn public(&self) -> &RsaPublic {
        &self.public
    }
}

impl RsaPublic {
    /// The key as a JWKS entry (RFC 7517), the way Auth0 publishes its signing keys.
    pub(crate) fn jwk(&self) -> Value {
        json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": self.kid,
            "n": B64.encode(&self.n),
            "e": B64.encode(&self.e),
        })
    }

    /// The claims of an RS256 token signed with this key; None for anything else, including a
    /// token whose header names another key or algorithm.
    pub(crate) fn verify(&self, token: &str) -> Option<Value> {
        let mut parts = token.split('.');
        let (Some(header), Some(payload), Some(sig), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let header: Value = serde_json::from_slice(&B64.decode(header).ok()?).ok()?;
        if header["alg"] != "RS256" || header["kid"] != self.kid.as_str() {
            return None;
        }
        let signing_input = &token[..token.rfind('.')?];
        RsaPublicKeyComponents {
            n: &self.n,
            e: &self.e,
        }
        .verify(
            &signature::RSA_PKCS1_2048_8192_SHA256,
            signing_input.as_bytes(),
            &B64.decode(sig).ok()?,
        )
        .ok()?;
        serde_json::from_slice(&B64.decode(payload).ok()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_case_2_shape() {
        let signer = Signer::from_secret(b"Jefe");
        let mac = hmac::sign(&signer.key, b"what do ya want for nothing?");
        let hex: String = mac.as_ref().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn tokens_round_trip_and_forgeries_fail() {
        let signer = Signer::random();
        let token = signer.sign(&json!({"scope": "read:clients"}));
        assert_eq!(token.split('.').count(), 3);
        assert_eq!(signer.verify(&token).unwrap()["scope"], "read:clients");
        assert!(Signer::random().verify(&token).is_none());
        let forged = token.replacen(
            token.split('.').nth(1).unwrap(),
            &B64.encode(r#"{"scope":"x"}"#),
            1,
        );
        assert!(signer.verify(&forged).is_none());
        assert!(signer.verify("not-a-token").is_none());
    }

    #[test]
    fn rs256_tokens_verify_with_the_published_key_only() {
        let signer = RsaSigner::throwaway();
        let token = signer.sign(&json!({"aud": "https://mcp.example.com/mcp"}));
        let public = signer.public();
        assert_eq!(
            public.verify(&token).unwrap()["aud"],
            "https://mcp.example.com/mcp"
        );
        let jwk = public.jwk();
        assert_eq!(
            (jwk["kty"].as_str(), jwk["e"].as_str()),
            (Some("RSA"), Some("AQAB"))
        );
        assert_eq!(B64.decode(jwk["n"].as_str().unwrap()).unwrap().len(), 256);
        let (input, _) = token.rsplit_once('.').unwrap();
        let forged = format!("{input}.{}", B64.encode([0u8; 256]));
        assert!(public.verify(&forged).is_none());
        let hs256 = Signer::random().sign(&json!({"aud": "x"}));
        assert!(public.verify(&hs256).is_none());
    }
}
