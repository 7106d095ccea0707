//! A demo MCP server on the sandbox's own port: the protected resource an MCP client meets first.
//! It answers a request without a valid token with 401 and points at its protected-resource
//! metadata (RFC 9728), which names the sandbox tenant as its authorization server. A bearer
//! token is accepted only when the tenant's key signed it for this server: the check every MCP
//! server must make (`aud`, `iss`, signature, expiry).
//!
//! Shaped after the MCP authorization spec and what codex-cli 0.171 does with it
//! (notes/codex-mcp.md §A5, §B1, §B2, §C); fixtures/SOURCES.md lists each behaviour. An MCP
//! session after the login is not modelled. Tests break it through [`ProtectedResource`] to see
//! that doctor notices.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use super::clock::epoch_seconds;
use super::front::lock;
use super::jwt::RsaPublic;

/// Where the demo MCP endpoint lives on the sandbox.
pub(crate) const PATH: &str = "/mcp";
const METADATA_ROOT: &str = "/.well-known/oauth-protected-resource";

/// How the demo MCP server presents itself; every field can be broken by a test.
#[derive(Clone, Debug)]
pub struct ProtectedResource {
    /// Off: the endpoint and both metadata URLs answer 404, as if no MCP server were there.
    pub enabled: bool,
    /// Whether the 401 names the metadata URL in `WWW-Authenticate: Bearer resource_metadata="…"`.
    /// Without it clients fall back to the well-known URLs (§A5 step 2).
    pub resource_metadata_header: bool,
    /// The protected-resource metadata document; `None` answers 404 at both well-known URLs.
    pub metadata: Option<Value>,
}

impl ProtectedResource {
    fn new(base_url: &str, authorization_servers: Vec<String>) -> Self {
        ProtectedResource {
            enabled: true,
            resource_metadata_header: true,
            metadata: Some(json!({
                "resource": format!("{base_url}{PATH}"),
                "authorization_servers": authorization_servers,
                "scopes_supported": ["mcp:tools"],
                "bearer_methods_supported": ["header"],
                "resource_name": "authsetup sandbox MCP server",
            })),
        }
    }
}

/// Names the authorization server for metadata that names none yet (the Okta org, whose
/// server authsetup creates after the sandbox started).
pub(crate) type FindIssuer = Box<dyn Fn() -> Option<String> + Send + Sync>;

pub(crate) struct Resource {
    base_url: String,
    state: Mutex<ProtectedResource>,
    /// The tenant's signing key, as a real server would take it from the JWKS.
    key: RsaPublic,
    find_issuer: Option<FindIssuer>,
}

impl Resource {
    /// A server that trusts the first of its `authorization_servers`, signing with `key`.
    pub(crate) fn new(base_url: &str, authorization_servers: Vec<String>, key: RsaPublic) -> Self {
        Resource {
            base_url: base_url.to_string(),
            state: Mutex::new(ProtectedResource::new(base_url, authorization_servers)),
            key,
            find_issuer: None,
        }
    }

    /// A server configured once its authorization server exists: while the metadata's
    /// `authorization_servers` is empty, `find` names it, as an operator would fill it in.
    pub(crate) fn found_later(base_url: &str, key: RsaPublic, find: FindIssuer) -> Self {
        Resource {
            find_issuer: Some(find),
            ..Resource::new(base_url, Vec::new(), key)
        }
    }

    /// The metadata as served, `None` when it answers 404.
    fn served(&self) -> Option<Value> {
        let mut doc = self.with(|r| r.enabled.then(|| r.metadata.clone()).flatten())?;
        let unnamed = doc["authorization_servers"]
            .as_array()
            .is_some_and(Vec::is_empty);
        if let (true, Some(find)) = (unnamed, &self.find_issuer)
            && let Some(issuer) = find()
        {
            doc["authorization_servers"] = json!([issuer]);
        }
        Some(doc)
    }

    /// The token's claims when it is the tenant's, for this server and not expired; else what
    /// is wrong with it, for `error_description`.
    fn validate(&self, token: &str) -> Result<Value, &'static str> {
        let claims = self
            .key
            .verify(token)
            .ok_or("not an RS256 JWT signed with a key of the issuer's JWKS")?;
        // the server trusts the issuer its metadata names, as a real one is configured with it
        let issuer = self
            .served()
            .and_then(|m| m["authorization_servers"][0].as_str().map(String::from));
        if issuer.is_none_or(|iss| claims["iss"] != iss.as_str()) {
            return Err("issued by another authorization server");
        }
        let me = format!("{}{PATH}", self.base_url);
        let for_me = match &claims["aud"] {
            Value::String(aud) => *aud == me,
            Value::Array(auds) => auds.iter().any(|a| *a == me.as_str()),
            _ => false,
        };
        if !for_me {
            return Err("the audience is not this server");
        }
        if claims["exp"]
            .as_u64()
            .is_none_or(|exp| exp <= epoch_seconds())
        {
            return Err("expired");
        }
        Ok(claims)
    }

    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut ProtectedResource) -> R) -> R {
        f(&mut lock(&self.state))
    }
}

pub(crate) fn router(resource: Arc<Resource>) -> Router {
    Router::new()
        .route(PATH, get(endpoint).post(endpoint))
        // RFC 9728 §3.1 inserts the well-known segment before the resource's path; MCP clients
        // also try the root (§A5 step 2), so both answer.
        .route(&format!("{METADATA_ROOT}{PATH}"), get(metadata))
        .route(METADATA_ROOT, get(metadata))
        .with_state(resource)
}

/// §B1: a request without a token gets 401 and `WWW-Authenticate` naming the metadata (RFC 9728
/// §5.1), without an error code, as RFC 6750 §3.1 asks for a request that carried no token; a
/// bad token gets `error="invalid_token"` as well. A good one gets who it was issued to.
async fn endpoint(State(resource): State<Arc<Resource>>, headers: HeaderMap) -> Response {
    let (enabled, header_on) = resource.with(|r| (r.enabled, r.resource_metadata_header));
    if !enabled {
        return StatusCode::NOT_FOUND.into_response();
    }
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    let mut params = Vec::new();
    if let Some(token) = bearer {
        match resource.validate(token) {
            Ok(claims) => {
                let whoami =
                    json!({"sub": claims["sub"], "scope": claims["scope"], "aud": claims["aud"]});
                return (StatusCode::OK, axum::Json(whoami)).into_response();
            }
            Err(why) => {
                params.push("error=\"invalid_token\"".to_string());
                params.push(format!("error_description=\"{why}\""));
            }
        }
    }
    if header_on {
        params.push(format!(
            "resource_metadata=\"{}{METADATA_ROOT}{PATH}\"",
            resource.base_url
        ));
    }
    let challenge = match params.is_empty() {
        true => "Bearer".to_string(),
        false => format!("Bearer {}", params.join(", ")),
    };
    let mut response = StatusCode::UNAUTHORIZED.into_response();
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

async fn metadata(State(resource): State<Arc<Resource>>) -> Response {
    match resource.served() {
        Some(doc) => (StatusCode::OK, axum::Json(doc)).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Sandbox, SandboxConfig};
    use reqwest::Client;
    use serde_json::Value;

    #[tokio::test]
    async fn the_endpoint_points_at_metadata_naming_the_tenant() {
        let s = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let resp = Client::new().get(s.mcp_url()).send().await.unwrap();
        assert_eq!(resp.status(), 401);
        let challenge = resp.headers()["www-authenticate"].to_str().unwrap();
        let metadata_url = format!("{}/.well-known/oauth-protected-resource/mcp", s.base_url());
        assert_eq!(
            challenge,
            format!("Bearer resource_metadata=\"{metadata_url}\"")
        );
        for url in [
            metadata_url,
            format!("{}/.well-known/oauth-protected-resource", s.base_url()),
        ] {
            let doc: Value = Client::new()
                .get(url)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(doc["resource"], s.mcp_url());
            assert_eq!(
                doc["authorization_servers"][0],
                format!("{}/", s.base_url())
            );
        }
        let post = Client::new().post(s.mcp_url()).send().await.unwrap();
        assert_eq!(post.status(), 401);
    }

    #[tokio::test]
    async fn tests_can_take_it_apart() {
        let s = Sandbox::start(SandboxConfig::default()).await.unwrap();
        s.with_resource(|r| {
            r.resource_metadata_header = false;
            r.metadata = None;
        });
        let resp = Client::new().get(s.mcp_url()).send().await.unwrap();
        assert_eq!(resp.headers()["www-authenticate"], "Bearer");
        let wk = format!("{}/.well-known/oauth-protected-resource", s.base_url());
        assert_eq!(Client::new().get(&wk).send().await.unwrap().status(), 404);
        s.with_resource(|r| r.enabled = false);
        let resp = Client::new().get(s.mcp_url()).send().await.unwrap();
        assert_eq!(resp.status(), 404);
    }
}
