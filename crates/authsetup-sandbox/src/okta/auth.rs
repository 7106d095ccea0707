//! Who may call the Management API: the org's SSWS token, or an access token the org
//! authorization server issued to a service app with Okta scopes (Bearer, or DPoP-bound with a
//! proof on every request). The token endpoint checks private_key_jwt assertions against the
//! app's registered keys (notes/okta.md §B).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ring::digest::{SHA256, digest};
use ring::signature;
use serde_json::{Value, json};

use super::{Answer, ApiError, Okta, random_string, wire};
use crate::clock::epoch_seconds;
use crate::query::Params;

/// An OAuth service app that may call the Management API with Okta scopes.
#[derive(Clone, Debug)]
pub struct ServiceApp {
    pub client_id: String,
    /// Public JWKs (RSA or EC P-256) its assertions may be signed with.
    pub keys: Vec<Value>,
    /// Okta scopes granted to the app.
    pub scopes: Vec<String>,
    /// "Require DPoP" — on by default for API Services apps since 2024 (notes/okta.md §B.3).
    pub require_dpop: bool,
}

const TOKEN_LIFETIME: u64 = 3600;
const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// The scope a route needs: `.read` for GETs, `.manage` otherwise (SPEC-MGMT security).
fn required_scope(method: &Method, path: &str) -> &'static str {
    let read = method == Method::GET;
    if path.starts_with("/api/v1/authorizationServers") {
        if read {
            "okta.authorizationServers.read"
        } else {
            "okta.authorizationServers.manage"
        }
    } else if path.starts_with("/api/v1/groups") {
        "okta.groups.read"
    } else if read {
        "okta.apps.read"
    } else {
        "okta.apps.manage"
    }
}

/// `.manage` implies `.read` for the same resource.
fn covers(granted: &[String], needed: &str) -> bool {
    granted.iter().any(|g| {
        g == needed || (needed.ends_with(".read") && *g == needed.replace(".read", ".manage"))
    })
}

pub(crate) async fn authenticate(
    State(app): State<Arc<Okta>>,
    req: Request,
    next: Next,
) -> Response {
    match check(&app, &req) {
        Ok(()) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

fn check(app: &Okta, req: &Request) -> Result<(), ApiError> {
    let invalid = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "E0000011",
            "Invalid token provided",
        )
    };
    let Some((scheme, credential)) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
    else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "E0000005",
            "Invalid session",
        ));
    };
    let credential = credential.trim();
    let path = req.uri().path();
    if !path.starts_with("/api/v1/authorizationServers") || app.org().api_access_management {
        // fall through
    } else {
        // TF-VCR TestAccResourceOktaAuthServer_crud/classic-00
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "E0000015",
            "You do not have permission to access the feature you are requesting",
        ));
    }
    let claims = match scheme.to_ascii_lowercase().as_str() {
        "ssws" => {
            return if credential == app.org().api_token {
                Ok(())
            } else {
                Err(invalid())
            };
        }
        "bearer" | "dpop" => app.signer.verify(credential).ok_or_else(invalid)?,
        _ => return Err(invalid()),
    };
    if claims["exp"]
        .as_u64()
        .is_none_or(|exp| exp <= epoch_seconds())
        || claims["aud"] != app.base_url
    {
        return Err(invalid());
    }
    if let Some(jkt) = claims["cnf"]["jkt"].as_str() {
        let url = format!("{}{path}", app.base_url);
        let proof = verify_proof(req.headers(), req.method().as_str(), &url)
            .map_err(|why| dpop_error(&why))?;
        if !scheme.eq_ignore_ascii_case("dpop") || proof.thumbprint != jkt {
            return Err(dpop_error(
                "The DPoP proof is not bound to the access token.",
            ));
        }
        if proof.claims["ath"] != B64.encode(digest(&SHA256, credential.as_bytes())) {
            return Err(dpop_error("'ath' claim in the DPoP proof JWT is invalid."));
        }
    }
    let granted: Vec<String> = claims["scp"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let needed = required_scope(req.method(), path);
    if covers(&granted, needed) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "E0000006",
            "You do not have permission to perform the requested action",
        )
        .challenge(format!(
            "Bearer authorization_uri=\"{}/oauth2/v1/authorize\", realm=\"{}\", scope=\"{needed}\", error=\"insufficient_scope\", error_description=\"The access token provided does not contain the required scopes.\", resource=\"{path}\"",
            app.base_url, app.base_url
        )))
    }
}

/// okta/okta-sdk-nodejs#453: `WWW-Authenticate: DPoP ... error="invalid_dpop_proof"`.
fn dpop_error(why: &str) -> ApiError {
    ApiError::oauth(StatusCode::UNAUTHORIZED, "invalid_dpop_proof", why).challenge(format!(
        "DPoP algs=\"RS256 ES256\", error=\"invalid_dpop_proof\", error_description=\"{why}\""
    ))
}

pub(crate) fn token_routes() -> Router<Arc<Okta>> {
    Router::new().route("/oauth2/v1/token", post(token))
}

/// `POST /oauth2/v1/token` with `client_credentials` and a private_key_jwt assertion.
async fn token(State(app): State<Arc<Okta>>, headers: HeaderMap, body: Bytes) -> Answer {
    let form = Params::parse(Some(&String::from_utf8_lossy(&body)));
    let bad = |error: &str, why: &str| ApiError::oauth(StatusCode::BAD_REQUEST, error, why);
    let invalid_client =
        |why: &str| ApiError::oauth(StatusCode::UNAUTHORIZED, "invalid_client", why);
    if form.get("grant_type") != Some("client_credentials") {
        return Err(bad(
            "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server.",
        ));
    }
    if form.get("client_assertion_type") != Some(ASSERTION_TYPE) {
        return Err(invalid_client(
            "Client authentication failed: only private_key_jwt is accepted for Okta scopes.",
        ));
    }
    let assertion = form
        .get("client_assertion")
        .ok_or_else(|| invalid_client("The client_assertion is missing."))?;
    let endpoint = format!("{}/oauth2/v1/token", app.base_url);
    let (header, claims) =
        split_jws(assertion).ok_or_else(|| invalid_client("The client_assertion is not a JWT."))?;
    let client_id = claims["iss"].as_str().unwrap_or_default().to_string();
    let service = app
        .org()
        .service_apps
        .iter()
        .find(|s| s.client_id == client_id)
        .cloned()
        .ok_or_else(|| invalid_client("The client_assertion token has an invalid issuer."))?;
    let verified = service.keys.iter().any(|k| {
        (header["kid"].is_null() || header["kid"] == k["kid"] || k["kid"].is_null())
            && verify_jws(assertion, k)
    });
    if !verified {
        return Err(invalid_client("The client_assertion signature is invalid."));
    }
    let now = epoch_seconds();
    let exp = claims["exp"].as_u64().unwrap_or(0);
    if claims["sub"] != client_id.as_str() || claims["aud"] != endpoint.as_str() {
        return Err(invalid_client(
            "The client_assertion token has an invalid audience or subject.",
        ));
    }
    if exp <= now || exp > now + TOKEN_LIFETIME {
        return Err(invalid_client(
            "The client_assertion token is expired or lives longer than an hour.",
        ));
    }
    let requested: Vec<String> = form
        .get("scope")
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect();
    if let Some(s) = requested.iter().find(|s| !service.scopes.contains(s)) {
        return Err(bad(
            "invalid_scope",
            &format!("The following scopes are not allowed: {s}"),
        ));
    }

    let mut token_claims = json!({
        "ver": 1, "jti": format!("AT.{}", random_string(24)),
        "iss": app.base_url, "aud": app.base_url, "iat": now, "exp": now + TOKEN_LIFETIME,
        "cid": client_id, "scp": requested, "sub": client_id,
    });
    let mut token_type = "Bearer";
    if service.require_dpop {
        let Some(_) = headers.get("dpop") else {
            return Err(bad(
                "invalid_dpop_proof",
                "The DPoP proof JWT header is missing.",
            ));
        };
        let proof = verify_proof(&headers, "POST", &endpoint)
            .map_err(|why| bad("invalid_dpop_proof", &why))?;
        let nonce = dpop_nonce(&app);
        if proof.claims["nonce"] != nonce.as_str() {
            let mut resp = bad(
                "use_dpop_nonce",
                "Authorization server requires nonce in DPoP proof.",
            )
            .into_response();
            if let Ok(v) = HeaderValue::from_str(&nonce) {
                resp.headers_mut().insert("dpop-nonce", v);
            }
            return Ok(resp);
        }
        token_claims["cnf"] = json!({"jkt": proof.thumbprint});
        token_type = "DPoP";
    }
    Ok(wire(
        StatusCode::OK,
        &json!({
            "token_type": token_type,
            "expires_in": TOKEN_LIFETIME,
            "access_token": app.signer.sign(&token_claims),
            "scope": requested.join(" "),
        }),
    ))
}

/// One nonce per org for the emulator's life; the real one rotates daily (notes/okta.md §B.3).
fn dpop_nonce(app: &Okta) -> String {
    B64.encode(&digest(&SHA256, format!("nonce:{}", app.base_url).as_bytes()).as_ref()[..16])
}

pub(crate) struct Proof {
    claims: Value,
    /// RFC 7638 thumbprint of the proof's key.
    thumbprint: String,
}

/// Checks a `DPoP` header: typ, embedded key, signature, method and URL (RFC 9449 §4.3).
fn verify_proof(headers: &HeaderMap, method: &str, url: &str) -> Result<Proof, String> {
    let jws = headers
        .get("dpop")
        .and_then(|v| v.to_str().ok())
        .ok_or("The DPoP proof JWT header is missing.")?;
    let (header, claims) = split_jws(jws).ok_or("The DPoP proof is not a JWT.")?;
    if header["typ"] != "dpop+jwt" {
        return Err("The DPoP proof 'typ' must be dpop+jwt.".into());
    }
    let jwk = &header["jwk"];
    if !verify_jws(jws, jwk) {
        return Err("The DPoP proof signature is invalid.".into());
    }
    if claims["htm"] != method {
        return Err("'htm' claim in the DPoP proof JWT is invalid.".into());
    }
    if claims["htu"] != url {
        return Err("'htu' claim in the DPoP proof JWT is invalid.".into());
    }
    let canonical = match jwk["kty"].as_str() {
        Some("EC") => json!({"crv": jwk["crv"], "kty": "EC", "x": jwk["x"], "y": jwk["y"]}),
        _ => json!({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}),
    };
    Ok(Proof {
        claims,
        thumbprint: B64.encode(digest(&SHA256, canonical.to_string().as_bytes())),
    })
}

fn split_jws(jws: &str) -> Option<(Value, Value)> {
    let mut parts = jws.split('.');
    let decode =
        |p: Option<&str>| -> Option<Value> { serde_json::from_slice(&B64.decode(p?).ok()?).ok() };
    Some((decode(parts.next())?, decode(parts.next())?))
}

/// RS256 or ES256 signature of a compact JWS against a public JWK.
fn verify_jws(jws: &str, jwk: &Value) -> bool {
    let Some((input, sig)) = jws.rsplit_once('.') else {
        return false;
    };
    let Some((header, _)) = split_jws(jws) else {
        return false;
    };
    let (Ok(sig), part) = (B64.decode(sig), |k: &str| {
        jwk[k].as_str().and_then(|v| B64.decode(v).ok())
    }) else {
        return false;
    };
    match (header["alg"].as_str(), jwk["kty"].as_str()) {
        (Some("RS256"), Some("RSA")) => {
            let (Some(n), Some(e)) = (part("n"), part("e")) else {
                return false;
            };
            signature::RsaPublicKeyComponents { n, e }
                .verify(
                    &signature::RSA_PKCS1_2048_8192_SHA256,
                    input.as_bytes(),
                    &sig,
                )
                .is_ok()
        }
        (Some("ES256"), Some("EC")) => {
            let (Some(x), Some(y)) = (part("x"), part("y")) else {
                return false;
            };
            let mut point = vec![4u8];
            point.extend(x);
            point.extend(y);
            signature::UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, point)
                .verify(input.as_bytes(), &sig)
                .is_ok()
        }
        _ => false,
    }
}

impl ServiceApp {
    /// A service app with a fresh P-256 key, granted the scopes authsetup asks for. Returns the
    /// app and its private key as a PKCS#8 PEM, the way a user would save it for
    /// `OKTA_PRIVATE_KEY`.
    pub fn generate(require_dpop: bool) -> (ServiceApp, String) {
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = signature::EcdsaKeyPair::generate_pkcs8(
            &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
            &rng,
        )
        .expect("P-256 key generation");
        let pair = signature::EcdsaKeyPair::from_pkcs8(
            &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
            pkcs8.as_ref(),
            &rng,
        )
        .expect("a generated key loads");
        use signature::KeyPair;
        let point = pair.public_key().as_ref();
        let jwk = json!({
            "kty": "EC", "crv": "P-256", "use": "sig",
            "kid": random_string(12),
            "x": B64.encode(&point[1..33]), "y": B64.encode(&point[33..65]),
        });
        let body = base64::engine::general_purpose::STANDARD.encode(pkcs8.as_ref());
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
            .collect();
        let pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            lines.join("\n")
        );
        let app = ServiceApp {
            client_id: super::okta_id("0oa"),
            keys: vec![jwk],
            scopes: [
                "okta.authorizationServers.manage",
                "okta.apps.manage",
                "okta.groups.read",
            ]
            .map(String::from)
            .to_vec(),
            require_dpop,
        };
        (app, pem)
    }
}
