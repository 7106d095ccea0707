//! The Okta flavour: one org's Management API for custom authorization servers (scopes,
//! policies, rules), OIDC apps, groups and assignments; the custom servers' metadata documents;
//! and the org authorization server's token endpoint for OAuth service apps (private_key_jwt,
//! optionally DPoP).
//!
//! Written from shared/reference (notes/okta.md, the Okta OpenAPI specs and the recordings; see
//! fixtures/SOURCES.md); nothing here is shared with the client side of the crate.

mod apps;
mod auth;
mod login;
mod servers;

use std::io;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::front::{Dialect, lock};
use super::jwt::{RsaSigner, Signer};
use super::query::Params;
use super::random_string;
use super::resource::{self, ProtectedResource, Resource};
use super::{BACKGROUND, HERE, Run, SandboxConfig, Served};

pub use auth::ServiceApp;

/// One custom authorization server with what hangs off it, as the API returns each document.
#[derive(Clone, Debug)]
pub struct AuthServerRecord {
    pub doc: Value,
    pub scopes: Vec<Value>,
    pub policies: Vec<PolicyRecord>,
}

#[derive(Clone, Debug)]
pub struct PolicyRecord {
    pub doc: Value,
    pub rules: Vec<Value>,
}

/// The org's state.
#[derive(Clone, Debug)]
pub struct OktaOrg {
    /// Custom authorization servers need the API Access Management SKU; without it every
    /// `/api/v1/authorizationServers` call answers 401 E0000015 (TF-VCR
    /// `TestAccResourceOktaAuthServer_crud/classic-00`).
    pub api_access_management: bool,
    pub servers: Vec<AuthServerRecord>,
    pub apps: Vec<Value>,
    pub groups: Vec<Value>,
    /// (app id, group id) pairs.
    pub assignments: Vec<(String, String)>,
    /// The SSWS API token this org accepts.
    pub api_token: String,
    pub service_apps: Vec<ServiceApp>,
}

impl OktaOrg {
    pub fn server_named(&self, name: &str) -> Option<&AuthServerRecord> {
        self.servers.iter().find(|s| s.doc["name"] == name)
    }

    pub fn app_labelled(&self, label: &str) -> Option<&Value> {
        self.apps.iter().find(|a| a["label"] == label)
    }

    pub fn group_named(&self, name: &str) -> Option<&Value> {
        self.groups.iter().find(|g| g["profile"]["name"] == name)
    }
}

pub(crate) struct Okta {
    pub(crate) base_url: String,
    org: Mutex<OktaOrg>,
    signer: Signer,
    /// Signs the access tokens of custom authorization servers; its public half is `/v1/keys`.
    rsa: RsaSigner,
    sessions: login::Sessions,
}

impl Okta {
    fn new(base_url: &str) -> Self {
        Okta {
            base_url: base_url.to_string(),
            org: Mutex::new(seed(base_url)),
            signer: Signer::random(),
            rsa: RsaSigner::throwaway(),
            sessions: login::Sessions::default(),
        }
    }

    pub(crate) fn org(&self) -> MutexGuard<'_, OktaOrg> {
        lock(&self.org)
    }
}

/// An emulated Okta org. Dropping it stops the server.
pub struct OktaSandbox {
    served: Served,
    okta: Arc<Okta>,
    resource: Arc<Resource>,
}

impl std::ops::Deref for OktaSandbox {
    type Target = Served;

    fn deref(&self) -> &Served {
        &self.served
    }
}

impl OktaSandbox {
    /// Serves on the current tokio runtime.
    pub async fn start(config: SandboxConfig) -> io::Result<OktaSandbox> {
        Self::launch(config, HERE)
    }

    /// Serves on its own thread and runtime, for synchronous tests.
    pub fn start_background(config: SandboxConfig) -> io::Result<OktaSandbox> {
        Self::launch(config, BACKGROUND)
    }

    fn launch(config: SandboxConfig, run: Run) -> io::Result<OktaSandbox> {
        let mut apps = None;
        let served = Served::launch(
            &config,
            Box::new(OktaDialect),
            |base_url| {
                let app = Arc::new(Okta::new(base_url));
                // no authorization server exists yet: the metadata names the one whose audience
                // is this server once authsetup created it (newuser review item 1)
                let org = app.clone();
                let me = format!("{base_url}{}", resource::PATH);
                let resource = Arc::new(Resource::found_later(
                    base_url,
                    app.rsa.public().clone(),
                    Box::new(move || {
                        org.org().servers.iter().find_map(|s| {
                            let serves_me = s.doc["audiences"]
                                .as_array()
                                .is_some_and(|a| a.iter().any(|x| x == me.as_str()));
                            serves_me.then(|| s.doc["issuer"].as_str().map(String::from))?
                        })
                    }),
                ));
                apps = Some((app.clone(), resource.clone()));
                router(app).merge(resource::router(resource))
            },
            run,
        )?;
        let (okta, resource) = apps.expect("the router was built");
        Ok(OktaSandbox {
            served,
            okta,
            resource,
        })
    }

    /// The org's SSWS token: the value for `OKTA_API_TOKEN`.
    pub fn api_token(&self) -> String {
        self.okta.org().api_token.clone()
    }

    /// The demo MCP server's endpoint on this org's port, as on the Auth0 sandbox.
    pub fn mcp_url(&self) -> String {
        format!("{}{}", self.base_url(), resource::PATH)
    }

    /// Reads or changes how the demo MCP server presents itself; while its metadata names no
    /// authorization server, the one whose audience is the demo server is served.
    pub fn with_resource<R>(&self, f: impl FnOnce(&mut ProtectedResource) -> R) -> R {
        self.resource.with(f)
    }

    /// The test user's login, the `sub` of the tokens custom authorization servers issue.
    pub fn test_user() -> &'static str {
        login::TEST_USER
    }

    /// Reads or seeds the org's state. Do not call it from inside another `with_org`.
    pub fn with_org<R>(&self, f: impl FnOnce(&mut OktaOrg) -> R) -> R {
        f(&mut self.okta.org())
    }
}

fn router(app: Arc<Okta>) -> Router {
    let management = Router::new()
        .merge(servers::routes())
        .merge(apps::routes())
        .route_layer(axum::middleware::from_fn_with_state(
            app.clone(),
            auth::authenticate,
        ));
    Router::new()
        .merge(auth::token_routes())
        .merge(login::routes())
        .merge(servers::metadata_routes())
        .merge(management)
        .fallback(unknown_route)
        .method_not_allowed_fallback(unknown_route)
        .with_state(app)
}

async fn unknown_route() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "E0000022",
        "The endpoint does not support the provided HTTP method",
    )
}

pub(crate) struct OktaDialect;

impl Dialect for OktaDialect {
    fn quota_prefix(&self) -> &'static str {
        "x-rate-limit-"
    }

    fn is_rate_limited(&self, path: &str) -> bool {
        path.starts_with("/api/v1/") || path == "/oauth2/v1/token"
    }

    fn error_body(&self, status: StatusCode, _path: &str) -> Value {
        let (code, summary) = match status.as_u16() {
            // PY-VCR test_agent_pools_it (a real 429)
            429 => (
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
            ),
            // TF-VCR TestAccResourceOktaGroupRule_423ResponseCapture
            423 => (
                "E0000239",
                "Policy priorities are being reconciled. Please try again later.",
            ),
            500..=599 => ("E0000009", "Internal Server Error"),
            _ => ("E0000001", status.canonical_reason().unwrap_or("Error")),
        };
        error_doc(code, summary, &[])
    }
}

/// Okta's error document (notes/okta.md §B.4): `errorCode`, `errorSummary`, `errorLink`,
/// `errorId`, `errorCauses`.
fn error_doc(code: &str, summary: &str, causes: &[String]) -> Value {
    json!({
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": format!("oae{}", random_string(22)),
        "errorCauses": causes.iter().map(|c| json!({"errorSummary": c})).collect::<Vec<_>>(),
    })
}

#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    body: Value,
    www_authenticate: Option<String>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &str, summary: &str) -> Self {
        ApiError {
            status,
            body: error_doc(code, summary, &[]),
            www_authenticate: None,
        }
    }

    /// E0000001 with one cause per invalid field, as recorded for app creation.
    pub(crate) fn validation(what: &str, causes: &[String]) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            body: error_doc(
                "E0000001",
                &format!("Api validation failed: {what}"),
                causes,
            ),
            www_authenticate: None,
        }
    }

    /// `Not found: Resource not found: <id> (<Type>)` (TF-VCR / PY-VCR E0000007 bodies).
    pub(crate) fn not_found(id: &str, kind: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "E0000007",
            &format!("Not found: Resource not found: {id} ({kind})"),
        )
    }

    /// The OAuth shape the token endpoint uses.
    pub(crate) fn oauth(status: StatusCode, error: &str, description: &str) -> Self {
        ApiError {
            status,
            body: json!({"error": error, "error_description": description}),
            www_authenticate: None,
        }
    }

    pub(crate) fn challenge(mut self, value: String) -> Self {
        self.www_authenticate = Some(value);
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = wire(self.status, &self.body);
        if let Some(v) = self
            .www_authenticate
            .and_then(|v| HeaderValue::from_str(&v).ok())
        {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
        response
    }
}

pub(crate) fn wire(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

pub(crate) type Answer = Result<Response, ApiError>;

pub(crate) fn parse_json(bytes: &Bytes) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(bytes).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "E0000003",
            "The request body was not well-formed.",
        )
    })
}

/// One page of a list with Okta's cursor paging: `limit`, an opaque `after` (here the last id
/// of the previous page), and `Link` headers for `self` and `next`. Like the real service it
/// links to a next page whenever the page is full, even if that page turns out empty
/// (PY-VCR `test_list_auth_servers`).
pub(crate) fn page(base_url: &str, path: &str, params: &Params, items: Vec<Value>) -> Answer {
    let limit = params
        .get("limit")
        .map(|l| l.parse::<usize>())
        .transpose()
        .map_err(|_| ApiError::validation("limit", &["limit: must be a number".into()]))?
        .unwrap_or(200)
        .clamp(1, 200);
    let start = match params.get("after") {
        Some(after) => items
            .iter()
            .position(|i| i["id"] == after)
            .map_or(items.len(), |p| p + 1),
        None => 0,
    };
    let slice: Vec<Value> = items.into_iter().skip(start).take(limit).collect();
    let kept: Vec<(String, String)> = ["q", "filter"]
        .iter()
        .filter_map(|k| params.get(k).map(|v| (k.to_string(), v.to_string())))
        .collect();
    let link = |after: Option<&str>| {
        let mut url = url::Url::parse(&format!("{base_url}{path}")).expect("valid URL");
        {
            let mut q = url.query_pairs_mut();
            if let Some(a) = after {
                q.append_pair("after", a);
            }
            q.append_pair("limit", &limit.to_string());
            q.extend_pairs(&kept);
        }
        url.to_string()
    };
    let mut response = wire(StatusCode::OK, &Value::Array(slice.clone()));
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&format!("<{}>; rel=\"self\"", link(params.get("after"))))
    {
        headers.append(header::LINK, v);
    }
    if slice.len() == limit
        && let Some(last) = slice.last().and_then(|i| i["id"].as_str())
        && let Ok(v) = HeaderValue::from_str(&format!("<{}>; rel=\"next\"", link(Some(last))))
    {
        headers.append(header::LINK, v);
    }
    Ok(response)
}

/// The status a `lifecycle/activate` or `lifecycle/deactivate` call sets.
pub(crate) fn lifecycle_status(action: &str) -> Result<&'static str, ApiError> {
    match action {
        "activate" => Ok("ACTIVE"),
        "deactivate" => Ok("INACTIVE"),
        _ => Err(ApiError::not_found(action, "Lifecycle")),
    }
}

/// Okta ids: a three-character type prefix and 17 more characters (`aussd9r0dpDqjjOMq5d7`).
pub(crate) fn okta_id(prefix: &str) -> String {
    format!("{prefix}{}", random_string(20 - prefix.len()))
}

fn seed(base_url: &str) -> OktaOrg {
    let everyone = okta_id("00g");
    OktaOrg {
        api_access_management: true,
        servers: Vec::new(),
        apps: Vec::new(),
        groups: vec![
            // TF-VCR TestAccDataSourceOktaEveryoneGroup_read
            group(
                base_url,
                &everyone,
                "BUILT_IN",
                "Everyone",
                "All users in your organization",
            ),
            group(
                base_url,
                &okta_id("00g"),
                "OKTA_GROUP",
                "Engineering",
                "Engineers",
            ),
        ],
        assignments: Vec::new(),
        api_token: format!("00{}", random_string(40)),
        service_apps: Vec::new(),
    }
}

fn group(base_url: &str, id: &str, kind: &str, name: &str, description: &str) -> Value {
    let now = super::clock::iso8601_now();
    json!({
        "id": id,
        "created": now,
        "lastUpdated": now,
        "lastMembershipUpdated": now,
        "objectClass": ["okta:user_group"],
        "type": kind,
        "profile": {"name": name, "description": description},
        "_links": {
            "users": {"href": format!("{base_url}/api/v1/groups/{id}/users")},
            "apps": {"href": format!("{base_url}/api/v1/groups/{id}/apps")},
        },
    })
}
