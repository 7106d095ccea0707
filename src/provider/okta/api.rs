//! Okta Management API calls (notes/okta.md §A), authentication (§B) and error decoding.

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use reqwest::{Method, StatusCode};
use ring::digest::{SHA256, digest};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value, json};
use tokio::sync::OnceCell;
use url::Url;

use crate::error::{AppError, Result};
use crate::http::{Http, Request, Response, next_link, printable};
use crate::settings::{Credentials, Domain};

use super::keys::SigningKey;

/// The Okta API scopes the setup needs (notes/okta.md §B.2).
pub const SCOPES: &str = "okta.authorizationServers.manage okta.apps.manage okta.groups.read";

/// Okta caps list pages at 200 (SPEC-MGMT `listAuthorizationServers.limit`).
const PAGE: u32 = 200;

/// 10,000 items at the largest page: more than any org authsetup is meant for, and a bound on
/// a server whose `next` link never ends.
const MAX_PAGES: usize = 50;

const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

pub struct OktaApi {
    http: Http,
    domain: Domain,
    access: Access,
    token: OnceCell<Authorization>,
}

enum Access {
    None,
    Ssws(SecretString),
    ServiceApp {
        client_id: String,
        key: Box<SigningKey>,
    },
}

/// How every Management API request is authorised in this run.
enum Authorization {
    Ssws(SecretString),
    Bearer(SecretString),
    /// A DPoP-bound token: each request carries a fresh proof signed with `key`.
    Dpop {
        token: SecretString,
        key: Box<SigningKey>,
    },
}

impl OktaApi {
    /// Parses the private key here, before any request, so a bad key file is bad input.
    pub fn new(http: Http, domain: Domain, credentials: &Credentials) -> Result<Self> {
        let access = match credentials {
            Credentials::OktaToken(t) => {
                http.register_secret(t.expose_secret());
                Access::Ssws(t.clone())
            }
            Credentials::OktaServiceApp {
                client_id,
                private_key,
                key_source,
            } => Access::ServiceApp {
                client_id: client_id.clone(),
                key: Box::new(SigningKey::parse(private_key.expose_secret()).map_err(|e| {
                    AppError {
                        message: format!("{} ({key_source})", e.message),
                        ..e
                    }
                })?),
            },
            _ => Access::None,
        };
        http.pace_for(&domain.origin());
        Ok(Self {
            http,
            domain,
            access,
            token: OnceCell::new(),
        })
    }

    pub fn domain(&self) -> &Domain {
        &self.domain
    }

    pub fn url(&self, path_and_query: &str) -> Url {
        Url::parse(&format!("{}{path_and_query}", self.domain.origin())).expect("valid Okta URL")
    }

    /// Bad input when there are no credentials at all, known without a request.
    pub fn require_credentials(&self) -> Result<()> {
        match self.access {
            Access::None => Err(no_credentials()),
            _ => Ok(()),
        }
    }

    async fn authorization(&self) -> Result<&Authorization> {
        self.token
            .get_or_try_init(|| async {
                match &self.access {
                    Access::None => Err(no_credentials()),
                    Access::Ssws(t) => Ok(Authorization::Ssws(t.clone())),
                    Access::ServiceApp { client_id, key } => {
                        self.service_token(client_id, key).await
                    }
                }
            })
            .await
    }

    /// client_credentials at the org authorization server with a private_key_jwt assertion.
    /// Orgs that demand DPoP say so (`invalid_dpop_proof`), then ask for a nonce
    /// (`use_dpop_nonce`); each answer is followed once (notes/okta.md §B.3).
    async fn service_token(&self, client_id: &str, key: &SigningKey) -> Result<Authorization> {
        let url = self.url("/oauth2/v1/token");
        let mut dpop: Option<Box<SigningKey>> = None;
        let mut nonce: Option<String> = None;
        for _ in 0..3 {
            let assertion = key.sign(
                Map::new(),
                &json!({
                    "iss": client_id, "sub": client_id, "aud": url.as_str(),
                    "iat": now(), "exp": now() + 300, "jti": jti(),
                }),
            )?;
            self.http.register_secret(&assertion);
            let mut req = Request::new(Method::POST, url.clone()).form(vec![
                ("grant_type", "client_credentials".into()),
                ("scope", SCOPES.into()),
                ("client_assertion_type", ASSERTION_TYPE.into()),
                ("client_assertion", assertion),
            ]);
            if let Some(dk) = &dpop {
                req = req.proof(
                    "DPoP",
                    proof(dk, &Method::POST, &url, nonce.as_deref(), None)?,
                );
            }
            let resp = self.http.send(&req).await?;
            let body = resp.json().unwrap_or(Value::Null);
            if resp.status.is_success() {
                let token = body["access_token"].as_str().ok_or_else(|| {
                    AppError::failed("Okta's token response has no access_token")
                        .with_hint("check the domain points at an Okta org")
                })?;
                self.http.register_secret(token);
                let token = SecretString::from(token.to_string());
                return Ok(match (body["token_type"].as_str(), dpop) {
                    (Some("DPoP"), Some(key)) => Authorization::Dpop { token, key },
                    _ => Authorization::Bearer(token),
                });
            }
            match body["error"].as_str() {
                Some("invalid_dpop_proof") if dpop.is_none() => {
                    dpop = Some(Box::new(SigningKey::generate_es256()?));
                }
                Some("use_dpop_nonce") if dpop.is_some() && nonce.is_none() => {
                    nonce = resp
                        .headers
                        .get("dpop-nonce")
                        .and_then(|v| v.to_str().ok())
                        .map(String::from);
                    if nonce.is_none() {
                        return Err(token_refused(&resp, &body));
                    }
                }
                _ => return Err(token_refused(&resp, &body)),
            }
        }
        Err(AppError::failed(
            "Okta kept refusing the DPoP proofs of the service-app token request",
        )
        .with_hint("turn off \"Require DPoP\" for the service app in the Admin Console, or use OKTA_API_TOKEN"))
    }

    /// One Management API request with the run's credentials, through the pacer.
    pub async fn send(&self, method: Method, url: Url, body: Option<&Value>) -> Result<Response> {
        let auth = self.authorization().await?;
        let mut req = Request::new(method.clone(), url.clone()).paced();
        req = match auth {
            Authorization::Ssws(t) => req.authorization("SSWS", t),
            Authorization::Bearer(t) => req.authorization("Bearer", t),
            Authorization::Dpop { token, key } => req
                .authorization("DPoP", token)
                .proof("DPoP", proof(key, &method, &url, None, Some(token))?),
        };
        if let Some(b) = body {
            req = req.json(b.clone());
        }
        self.http.send(&req).await
    }

    /// A request whose 2xx answer is JSON (or empty); 404 is `None`; anything else an error.
    pub async fn call(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<Option<Value>> {
        let label = label(&method, path_and_query);
        let resp = self.send(method, self.url(path_and_query), body).await?;
        if resp.status == StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !resp.status.is_success() {
            return Err(decode_error(&label, &resp));
        }
        resp.json_document(&label, "Okta").map(Some)
    }

    /// Like `call`, for writes whose target must exist.
    pub async fn write(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<Value> {
        let label = label(&method, path_and_query);
        self.call(method, path_and_query, body)
            .await?
            .ok_or_else(|| AppError::failed(format!("{label}: Okta answered 404 Not Found")))
    }

    /// Every item of a list whose operation takes a page size (`limit`), following
    /// `Link: rel="next"` and never building page URLs. A last page may still link to an empty
    /// next one (notes/okta.md §B.6).
    pub async fn list(&self, path: &str, query: &[(&str, &str)]) -> Result<Vec<Value>> {
        let mut url = self.url(path);
        url.query_pairs_mut()
            .extend_pairs(query)
            .append_pair("limit", &PAGE.to_string());
        self.pages(path, url).await
    }

    /// Every item of a list whose operation declares no query parameter (an authorization
    /// server's policies and their rules in SPEC-MGMT): sending `limit` there would be outside
    /// the spec (tests/it/spec_conformance.rs).
    pub async fn list_unpaged(&self, path: &str) -> Result<Vec<Value>> {
        self.pages(path, self.url(path)).await
    }

    async fn pages(&self, path: &str, mut url: Url) -> Result<Vec<Value>> {
        let label = label(&Method::GET, path);
        let mut items = Vec::new();
        for _ in 0..MAX_PAGES {
            let resp = self.send(Method::GET, url.clone(), None).await?;
            if !resp.status.is_success() {
                return Err(decode_error(&label, &resp));
            }
            match resp.json() {
                // An empty page ends the list whatever its links say.
                Some(Value::Array(page)) if page.is_empty() => return Ok(items),
                Some(Value::Array(page)) => items.extend(page),
                _ => {
                    return Err(AppError::failed(format!(
                        "{label}: Okta answered with something other than a list"
                    ))
                    .with_hint("check the domain points at an Okta org"));
                }
            }
            // Only follow links that stay on the org, so a rewritten header cannot send the
            // credentials elsewhere.
            match next_link(&resp.headers).filter(|n| n.origin() == url.origin()) {
                Some(next) if next != url => url = next,
                _ => return Ok(items),
            }
        }
        Err(AppError::failed(format!(
            "{label}: Okta still had more after {MAX_PAGES} pages; authsetup stopped following the list"
        ))
        .with_hint("an org this large is not what authsetup expects; check the domain points at the right Okta org"))
    }
}

/// Reached before any request is sent, so this is bad input (exit 2).
fn no_credentials() -> AppError {
    AppError::usage(
        "no Okta API credentials were given",
        "set OKTA_API_TOKEN, or OKTA_CLIENT_ID and OKTA_PRIVATE_KEY for an OAuth service app, or pass --token-stdin",
    )
}

/// A DPoP proof for one request (RFC 9449): `htu` without query or fragment, `ath` binding the
/// access token when there is one.
fn proof(
    key: &SigningKey,
    method: &Method,
    url: &Url,
    nonce: Option<&str>,
    token: Option<&SecretString>,
) -> Result<String> {
    let mut htu = url.clone();
    htu.set_query(None);
    htu.set_fragment(None);
    let mut claims =
        json!({"htm": method.as_str(), "htu": htu.as_str(), "iat": now(), "jti": jti()});
    if let Some(n) = nonce {
        claims["nonce"] = json!(n);
    }
    if let Some(t) = token {
        claims["ath"] = json!(B64.encode(digest(&SHA256, t.expose_secret().as_bytes())));
    }
    let mut header = Map::new();
    header.insert("typ".into(), json!("dpop+jwt"));
    header.insert("jwk".into(), key.public_jwk());
    key.sign(header, &claims)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn jti() -> String {
    B64.encode(rand::random::<[u8; 18]>())
}

fn token_refused(resp: &Response, body: &Value) -> AppError {
    let code = body["error"].as_str().unwrap_or_default();
    let desc = body["error_description"]
        .as_str()
        .or(body["errorSummary"].as_str())
        .unwrap_or(code);
    AppError::failed(format!(
        "Okta refused the service-app token request ({}): {}",
        resp.status.as_u16(),
        printable(desc)
    ))
    .with_hint(
        "check OKTA_CLIENT_ID and that OKTA_PRIVATE_KEY is the key registered on that API Services app, which must be granted okta.authorizationServers.manage, okta.apps.manage and okta.groups.read",
    )
}

/// `GET /api/v1/apps`: the request without its query, for messages.
fn label(method: &Method, path_and_query: &str) -> String {
    format!(
        "{method} {}",
        path_and_query.split('?').next().unwrap_or_default()
    )
}

/// Turns an Okta error answer (`errorCode`, `errorSummary`, `errorCauses`; notes/okta.md §B.4)
/// into one readable line and a hint. Only `errorCode` is meant for flow control.
pub fn decode_error(label: &str, resp: &Response) -> AppError {
    let status = resp.status.as_u16();
    let Some(body) = resp.json() else {
        return AppError::failed(format!(
            "{label}: Okta answered {} with a body that is not JSON",
            resp.status
        ))
        .with_hint("a proxy or an Okta outage may be in the way; check https://status.okta.com and run the command again");
    };
    let code = body["errorCode"].as_str().unwrap_or_default();
    let summary = printable(
        body["errorSummary"]
            .as_str()
            .or(body["error_description"].as_str())
            .unwrap_or_else(|| resp.status.canonical_reason().unwrap_or("error")),
    );
    let causes: Vec<String> = body["errorCauses"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["errorSummary"].as_str())
                .map(printable)
                .collect()
        })
        .unwrap_or_default();
    let detail = if causes.is_empty() {
        summary.to_string()
    } else {
        format!("{summary} ({})", causes.join("; "))
    };
    match code {
        "E0000015" => AppError::failed(format!(
            "{label}: this Okta org does not have API Access Management, which custom authorization servers need (E0000015: {summary})"
        ))
        .with_hint("API Access Management is a paid Okta feature (Integrator Free Plan orgs include it); ask your Okta admin or account team to enable it — the org authorization server cannot carry the MCP server's audience, scopes or policies"),
        "E0000011" | "E0000004" => AppError::failed(format!(
            "{label}: Okta rejected the credentials ({code}: {summary})"
        ))
        .with_hint("create a new API token (Admin Console → Security → API → Tokens) and set OKTA_API_TOKEN, or check the service app's client id and key"),
        "E0000006" => AppError::failed(format!(
            "{label}: the credentials lack permission ({code}: {summary})"
        ))
        .with_hint("use a token of a Super Admin, or grant the service app okta.authorizationServers.manage, okta.apps.manage and okta.groups.read plus an admin role"),
        "E0000047" => AppError::failed(format!(
            "{label}: Okta kept answering 429 Too Many Requests ({code})"
        ))
        .with_hint("the org's rate limit for this endpoint is exhausted; wait a minute and run the command again"),
        "" => AppError::failed(format!("{label}: Okta answered {status}: {detail}")),
        _ => AppError::failed(format!("{label}: Okta answered {status} {code}: {detail}")),
    }
}
