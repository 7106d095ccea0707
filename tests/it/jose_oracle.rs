//! An independent JOSE implementation (jsonwebtoken, on RustCrypto) checks what authsetup signs
//! by hand on ring: the Okta service app's `private_key_jwt` assertion and its DPoP proofs. The
//! emulator verifies them too, but it was written by the same team; if both shared a misreading
//! of RFC 7523 or RFC 9449, every other test would still pass. A wiremock server plays the org
//! so the test sees the raw headers and bodies the emulator's log redacts.

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use jsonwebtoken::jwk::{Jwk, ThumbprintHash};
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use serde_json::{Value, json};
use wiremock::matchers::{header_exists, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::common::{AUD, jwt_claims};

const CLIENT_ID: &str = "0oaoracle";

fn service_key() -> (PathBuf, Value) {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/okta/service-app-rsa.jwk");
    let private: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    (file, private)
}

/// The org's DPoP dance (notes/okta.md §B.3): no proof → invalid_dpop_proof, a proof without the
/// nonce → use_dpop_nonce with `DPoP-Nonce`, then a DPoP-bound token; every read answers `[]`.
async fn org() -> MockServer {
    let org = MockServer::start().await;
    let oauth_error = |error: &str| {
        ResponseTemplate::new(400)
            .set_body_json(json!({"error": error, "error_description": error}))
    };
    Mock::given(method("POST"))
        .and(path("/oauth2/v1/token"))
        .and(header_exists("dpop"))
        .respond_with(move |req: &Request| {
            let proof = req.headers.get("dpop").unwrap().to_str().unwrap();
            let claims = jwt_claims(proof);
            if claims["nonce"] == "nonce-1" {
                ResponseTemplate::new(200).set_body_json(json!({
                    "token_type": "DPoP", "expires_in": 3600, "access_token": "at-oracle",
                    "scope": "okta.authorizationServers.manage okta.apps.manage okta.groups.read",
                }))
            } else {
                oauth_error("use_dpop_nonce").insert_header("DPoP-Nonce", "nonce-1")
            }
        })
        .mount(&org)
        .await;
    Mock::given(method("POST"))
        .and(path("/oauth2/v1/token"))
        .respond_with(oauth_error("invalid_dpop_proof"))
        .mount(&org)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&org)
        .await;
    org
}

/// A DPoP proof (RFC 9449 §4.2) verified with the key in its own header, which must be public;
/// its claims and the key's RFC 7638 thumbprint.
fn verified_proof(proof: &str, htm: &str, htu: &str) -> (Value, String) {
    let header = decode_header(proof).expect("a JOSE header");
    assert_eq!(header.typ.as_deref(), Some("dpop+jwt"));
    let jwk: Jwk = header.jwk.expect("the proof carries its public key");
    let jwk_json = serde_json::to_value(&jwk).unwrap();
    assert!(
        jwk_json.get("d").is_none(),
        "a private key in a proof: {jwk_json}"
    );
    let mut validation = Validation::new(header.alg);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    let claims = decode::<Value>(proof, &DecodingKey::from_jwk(&jwk).unwrap(), &validation)
        .expect("the proof's signature verifies with its own key")
        .claims;
    assert_eq!(claims["htm"], htm);
    assert_eq!(claims["htu"], htu);
    assert!(claims["jti"].as_str().is_some_and(|j| !j.is_empty()));
    assert!(claims["iat"].is_u64());
    (claims, jwk.thumbprint(ThumbprintHash::SHA256).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_app_assertion_and_dpop_proofs_verify_with_an_independent_implementation() {
    let org = org().await;
    let (key_file, private) = service_key();
    let home = tempfile::tempdir().unwrap();
    let uri = org.uri();
    let run = {
        let home = home.path().to_path_buf();
        let uri = uri.clone();
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_authsetup"))
                .env_clear()
                .env("HOME", &home)
                .env("AUTHSETUP_HTTP_TIMEOUT", "5")
                .env("OKTA_DOMAIN", &uri)
                .env("OKTA_CLIENT_ID", CLIENT_ID)
                .env("OKTA_PRIVATE_KEY", &key_file)
                .env("OKTA_AUDIENCE", AUD)
                .current_dir(&home)
                .arg("plan")
                .output()
                .unwrap()
        })
    };
    let out = run.await.unwrap();
    let requests = org.received_requests().await.unwrap();
    let token_url = format!("{uri}/oauth2/v1/token");
    let token_requests: Vec<&Request> = requests
        .iter()
        .filter(|r| r.url.path() == "/oauth2/v1/token")
        .collect();
    assert_eq!(
        token_requests.len(),
        3,
        "no proof, a proof without the nonce, a proof with it; {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // RFC 7523 client assertion, checked with the public half of the service app's key
    let public = json!({"kty": "RSA", "kid": private["kid"], "n": private["n"], "e": private["e"]});
    let public: Jwk = serde_json::from_value(public).unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[&token_url]);
    validation.set_issuer(&[CLIENT_ID]);
    validation.sub = Some(CLIENT_ID.into());
    for req in &token_requests {
        let form: Vec<(String, String)> = url::form_urlencoded::parse(&req.body)
            .into_owned()
            .collect();
        let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        assert_eq!(
            field("client_assertion_type").as_deref(),
            Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        );
        let assertion = field("client_assertion").expect("a client assertion");
        let header = decode_header(&assertion).unwrap();
        assert_eq!(header.kid.as_deref(), private["kid"].as_str());
        decode::<Value>(
            &assertion,
            &DecodingKey::from_jwk(&public).unwrap(),
            &validation,
        )
        .expect("the assertion verifies with the registered public key");
    }
    let (proofs, mut keys): (Vec<Value>, Vec<String>) = token_requests[1..]
        .iter()
        .map(|r| verified_proof(r.headers["dpop"].to_str().unwrap(), "POST", &token_url))
        .unzip();
    assert!(proofs[0].get("nonce").is_none());
    assert_eq!(proofs[1]["nonce"], "nonce-1");
    assert_ne!(
        proofs[0]["jti"], proofs[1]["jti"],
        "a proof is never reused"
    );

    // resource requests: `Authorization: DPoP <token>` and a proof bound to it by `ath`
    let reads: Vec<&Request> = requests
        .iter()
        .filter(|r| r.url.path().starts_with("/api/v1/"))
        .collect();
    assert!(!reads.is_empty(), "the plan reads the org");
    let ath = B64.encode(ring::digest::digest(&ring::digest::SHA256, b"at-oracle"));
    for req in reads {
        assert_eq!(req.headers["authorization"], "DPoP at-oracle");
        let htu = format!("{uri}{}", req.url.path());
        let (claims, key) = verified_proof(req.headers["dpop"].to_str().unwrap(), "GET", &htu);
        assert_eq!(claims["ath"], ath.as_str(), "{}", req.url);
        keys.push(key);
    }
    // the token is bound to one key (cnf.jkt), so every proof of the run must use that key
    keys.dedup();
    assert_eq!(keys.len(), 1, "proofs signed with different keys: {keys:?}");
}
