//! The Auth0 flavour: one tenant's Management API v2 (the parts authsetup touches), its
//! client-credentials token endpoint, discovery, open dynamic client registration, and the
//! sign-in side MCP clients use (`/authorize`, code and refresh grants, RS256 tokens, JWKS).
//!
//! Written from the recordings, notes and OAS under shared/reference only (see
//! fixtures/SOURCES.md); nothing here is shared with the client side of the crate.

mod auth;
mod client_grants;
mod clients;
mod connections;
mod login;
mod logs;
mod oauth;
mod resource_servers;
mod rules;
mod tenant_settings;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::clock::epoch_seconds;
use super::front::{Dialect, lock};
use super::jwt::{RsaSigner, Signer};
use super::random_string;
use super::schema::{Schemas, Violation};

/// The tenant's state, as JSON documents in the shape the Management API returns them.
#[derive(Clone, Debug)]
pub struct Auth0Tenant {
    /// The tenant settings document as stored. Like the real service it omits values at their
    /// defaults: no `default_audience` until one is set, no `flags.enable_dynamic_client_registration`
    /// while false, no `flags.enable_client_connections` while true (notes/auth0.md §A5).
    pub settings: Value,
    pub resource_servers: Vec<Value>,
    pub client_grants: Vec<Value>,
    pub connections: Vec<Value>,
    pub clients: Vec<Value>,
    /// Rules as `GET /rules` lists them; a tenant without Rules has none (new tenants cannot
    /// create any since 2023).
    pub rules: Vec<Value>,
    /// The prompt settings document (`GET /prompts`): `universal_login_experience` is `new` or
    /// `classic`.
    pub prompts: Value,
    /// Tenant log events, newest last (`GET /api/v2/logs`); each DCR registration adds one.
    pub logs: Vec<Value>,
    /// Flags this tenant may not set through `PATCH /tenants/settings`, not even to their current
    /// value ("You are not allowed to set flag '…' for this tenant.", notes §A5/§E.1). Which flags a
    /// tenant may set varies; clear this to emulate a tenant that may set them all.
    pub locked_flags: Vec<String>,
    /// Keys laid over the discovery document as served (`null` removes one): lets a test present
    /// a broken authorization server, e.g. another `issuer`. Empty on a real-looking tenant.
    pub discovery_overrides: serde_json::Map<String, Value>,
}

pub(crate) use login::TEST_USER_ID;

/// Every scope a Management API route of the emulator checks (OAS `oAuth2ClientCredentials`).
pub(crate) const SCOPES: &[&str] = &[
    "read:tenant_settings",
    "update:tenant_settings",
    "read:resource_servers",
    "create:resource_servers",
    "update:resource_servers",
    "delete:resource_servers",
    "read:connections",
    "create:connections",
    "update:connections",
    "delete:connections",
    "read:connections_options",
    "update:connections_options",
    "read:client_grants",
    "create:client_grants",
    "update:client_grants",
    "delete:client_grants",
    "read:clients",
    "read:client_keys",
    "read:client_credentials",
    "read:client_summary",
    "create:clients",
    "update:clients",
    "delete:clients",
    "read:rules",
    "read:prompts",
    "read:logs",
];

pub(crate) const TOKEN_LIFETIME: u64 = 86_400;

/// Who a user token is for: the user, the API, the scopes granted and the client that asked.
pub(crate) struct UserGrant<'a> {
    pub(crate) sub: &'a str,
    pub(crate) audience: &'a str,
    pub(crate) scopes: &'a [String],
    pub(crate) client_id: &'a str,
}

pub(crate) struct Auth0 {
    pub(crate) base_url: String,
    tenant: Mutex<Auth0Tenant>,
    pub(crate) client_id: String,
    pub(crate) client_secret: String,
    signer: Signer,
    /// Signs the access tokens for APIs (MCP servers); its public half is the JWKS.
    pub(crate) rsa: RsaSigner,
    sessions: login::Sessions,
    schemas: Schemas,
}

impl Auth0 {
    pub(crate) fn new(base_url: &str) -> Self {
        let client_id = random_string(32);
        let client_secret = random_string(64);
        let tenant = seed::tenant(base_url, &client_id, &client_secret);
        Auth0 {
            base_url: base_url.to_string(),
            tenant: Mutex::new(tenant),
            client_id,
            client_secret,
            signer: Signer::random(),
            rsa: RsaSigner::throwaway(),
            sessions: login::Sessions::default(),
            schemas: request_schemas(),
        }
    }

    pub(crate) fn tenant(&self) -> MutexGuard<'_, Auth0Tenant> {
        lock(&self.tenant)
    }

    /// A request body as the Management API accepts it: JSON that validates against its OAS
    /// request schema, which makes it an object.
    pub(crate) fn body(&self, schema: &str, bytes: &Bytes) -> Result<Map<String, Value>, ApiError> {
        let body = parse_json(bytes)?;
        self.schemas
            .validate(schema, &body)
            .map_err(ApiError::payload)?;
        match body {
            Value::Object(fields) => Ok(fields),
            _ => unreachable!("every request schema is an object"),
        }
    }

    /// The audience of Management API tokens: the canonical domain with a trailing slash (§A1).
    pub(crate) fn management_audience(&self) -> String {
        format!("{}/api/v2/", self.base_url)
    }

    /// An RS256 access token for a signed-in user and one API, shaped like the ones a real tenant
    /// issues from `/oauth/token` (RFC 9068 profile claims, `azp` = the client that logged in).
    pub(crate) fn user_token(&self, grant: &UserGrant<'_>, lifetime: u64) -> String {
        let now = epoch_seconds();
        self.rsa.sign(&json!({
            "iss": format!("{}/", self.base_url),
            "sub": grant.sub,
            "aud": grant.audience,
            "iat": now,
            "exp": now + lifetime,
            "scope": grant.scopes.join(" "),
            "azp": grant.client_id,
        }))
    }

    pub(crate) fn issue_token(&self, client_id: &str, scopes: &[&str]) -> String {
        let now = epoch_seconds();
        self.signer.sign(&json!({
            "iss": format!("{}/", self.base_url),
            "sub": format!("{client_id}@clients"),
            "aud": self.management_audience(),
            "iat": now,
            "exp": now + TOKEN_LIFETIME,
            "scope": scopes.join(" "),
            "gty": "client-credentials",
            "azp": client_id,
        }))
    }
}

/// The OAS request schemas plus what the real service accepts beyond them.
fn request_schemas() -> Schemas {
    let mut schemas = Schemas::from_json(include_str!("schemas.json"));
    // go-auth0 TestResourceServer_* and terraform TestAccResourceServer send it and get 201/200.
    for schema in [
        "CreateResourceServerRequestContent",
        "UpdateResourceServerRequestContent",
    ] {
        schemas.allow_property(
            schema,
            "token_lifetime_for_web",
            json!({"type": "integer", "minimum": 0}),
        );
    }
    // terraform TestAccTenant_Main PATCHes it and gets 200.
    schemas.allow_property(
        "TenantSettingsFlags",
        "use_scope_descriptions_for_consent",
        json!({"type": "boolean"}),
    );
    schemas
}

pub(crate) fn router(app: Arc<Auth0>) -> Router {
    let management = Router::new()
        .merge(resource_servers::routes())
        .merge(tenant_settings::routes())
        .merge(connections::routes())
        .merge(client_grants::routes())
        .merge(clients::routes())
        .merge(rules::routes())
        .merge(logs::routes())
        .route_layer(axum::middleware::from_fn_with_state(
            app.clone(),
            auth::authenticate,
        ));
    Router::new()
        .merge(oauth::routes())
        .merge(management)
        .fallback(unknown_route)
        .method_not_allowed_fallback(unknown_route)
        .with_state(app)
}

async fn unknown_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "Not Found")
}

pub(crate) struct Auth0Dialect;

impl Dialect for Auth0Dialect {
    fn quota_prefix(&self) -> &'static str {
        "x-ratelimit-"
    }

    fn is_rate_limited(&self, path: &str) -> bool {
        path == "/api/v2" || path.starts_with("/api/v2/")
    }

    fn error_body(&self, status: StatusCode, path: &str) -> Value {
        let reason = status.canonical_reason().unwrap_or("Error");
        if status == StatusCode::TOO_MANY_REQUESTS && self.is_rate_limited(path) {
            // auth0-extensions/auth0-reset-tenant#31 via notes §A7
            return json!({"statusCode": 429, "error": reason, "message": "Global limit has been reached", "errorCode": "too_many_requests"});
        }
        if self.is_rate_limited(path) {
            return json!({"statusCode": status.as_u16(), "error": reason, "message": reason});
        }
        let error = match status.as_u16() {
            429 => "too_many_requests",
            500..=599 => "server_error",
            _ => "invalid_request",
        };
        json!({"error": error, "error_description": reason})
    }
}

/// An error answer in either of Auth0's two shapes: Management API
/// `{"statusCode","error","message","errorCode"?}` or Authentication API `{"error","error_description"}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        let body = json!({
            "statusCode": status.as_u16(),
            "error": status.canonical_reason().unwrap_or("Error"),
            "message": message.into(),
        });
        ApiError { status, body }
    }

    /// `errorCode` is optional in real bodies (notes §A7); add it where Auth0 is known to send one.
    pub(crate) fn code(mut self, error_code: &str) -> Self {
        self.body["errorCode"] = json!(error_code);
        self
    }

    pub(crate) fn oauth(status: StatusCode, error: &str, description: impl Into<String>) -> Self {
        ApiError {
            status,
            body: json!({"error": error, "error_description": description.into()}),
        }
    }

    pub(crate) fn payload(violation: Violation) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, violation.payload_message()).code("invalid_body")
    }

    pub(crate) fn query(message: String) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message).code("invalid_query_string")
    }

    pub(crate) fn bad_body(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message).code("invalid_body")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        wire(self.status, &self.body)
    }
}

/// JSON with the content type Auth0 sends (every recording: `application/json; charset=utf-8`).
pub(crate) fn wire(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}

/// The document of a collection whose `key` field is `id`; `missing` is that collection's 404.
pub(crate) fn by_key<'a>(
    docs: &'a [Value],
    key: &str,
    id: &str,
    missing: fn() -> ApiError,
) -> Result<&'a Value, ApiError> {
    docs.iter().find(|d| d[key] == id).ok_or_else(missing)
}

pub(crate) fn by_key_mut<'a>(
    docs: &'a mut [Value],
    key: &str,
    id: &str,
    missing: fn() -> ApiError,
) -> Result<&'a mut Value, ApiError> {
    docs.iter_mut().find(|d| d[key] == id).ok_or_else(missing)
}

/// Auth0's 204s still carry the JSON content type (every recording), with an empty body.
pub(crate) fn no_content() -> Response {
    (
        StatusCode::NO_CONTENT,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
    )
        .into_response()
}

pub(crate) type Answer = Result<Response, ApiError>;

/// A request body as JSON; an empty body reads as `null`, which no request schema accepts.
pub(crate) fn parse_json(bytes: &Bytes) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    serde_json::from_slice(bytes)
        .map_err(|_| ApiError::bad_body("Invalid request payload JSON format"))
}

/// Resource server ids look like MongoDB ObjectIds (`6894aa5831e56f3d4b1bda79`).
pub(crate) fn object_id() -> String {
    let bytes: [u8; 12] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

mod seed {
    //! A fresh tenant. Values come from recorded GET bodies (terraform TestAccTenant_Main,
    //! go-auth0 TestTenantManager_CIMDAndResourceParameterProfile, ruby-auth0 Connections and
    //! ResourceServers); choices are listed in fixtures/SOURCES.md.

    use serde_json::{Value, json};

    use super::{Auth0Tenant, SCOPES, object_id, random_string};

    pub(super) fn tenant(base_url: &str, client_id: &str, client_secret: &str) -> Auth0Tenant {
        let management_api = format!("{base_url}/api/v2/");
        Auth0Tenant {
            settings: settings(),
            resource_servers: vec![management_resource_server(&management_api)],
            client_grants: vec![json!({
                "id": format!("cgr_{}", random_string(16)),
                "client_id": client_id,
                "audience": management_api,
                "scope": SCOPES,
                "subject_type": "client",
            })],
            connections: vec![
                json!({
                    "id": format!("con_{}", random_string(16)),
                    "options": super::connections::default_options("auth0"),
                    "strategy": "auth0",
                    "name": "Username-Password-Authentication",
                    "is_domain_connection": false,
                    "enabled_clients": [client_id],
                    "realms": ["Username-Password-Authentication"],
                }),
                json!({
                    "id": format!("con_{}", random_string(16)),
                    "options": {"email": true, "scope": ["email", "profile"], "profile": true},
                    "strategy": "google-oauth2",
                    "name": "google-oauth2",
                    "is_domain_connection": false,
                    "enabled_clients": [client_id],
                    "realms": ["google-oauth2"],
                }),
            ],
            clients: vec![json!({
                "name": "authsetup sandbox (Management API)",
                "client_id": client_id,
                "client_secret": client_secret,
                "app_type": "non_interactive",
                "is_first_party": true,
                "is_token_endpoint_ip_header_trusted": false,
                "oidc_conformant": true,
                "jwt_configuration": {"secret_encoded": false, "alg": "RS256"},
                "sso_disabled": false,
                "cross_origin_authentication": false,
                "grant_types": ["client_credentials"],
                "custom_login_page_on": true,
                "token_endpoint_auth_method": "client_secret_post",
            })],
            rules: Vec::new(),
            // OAS `GetSettingsResponseContent`; a new tenant uses Universal Login
            prompts: json!({"universal_login_experience": "new", "identifier_first": false,
                "webauthn_platform_first_factor": false}),
            logs: Vec::new(),
            locked_flags: [
                "disable_clickjack_protection_headers",
                "trust_azure_adfs_email_verified_connection_property",
                "include_email_in_reset_pwd_redirect",
                "require_signed_request_object",
            ]
            .map(String::from)
            .to_vec(),
            discovery_overrides: serde_json::Map::new(),
        }
    }

    fn settings() -> Value {
        json!({
            "change_password": {"enabled": false},
            "default_directory": "Username-Password-Authentication",
            "enabled_locales": ["en"],
            "flags": {
                "allow_changing_enable_sso": false,
                "allow_legacy_delegation_grant_types": true,
                "allow_legacy_ro_grant_types": true,
                "allow_other_legacy_grant_types": true,
                "disable_impersonation": true,
                "enable_sso": true,
                "universal_login": true,
                "revoke_refresh_token_grant": false,
                "disable_clickjack_protection_headers": false
            },
            "friendly_name": "authsetup sandbox",
            "guardian_mfa_page": {"enabled": false},
            "idle_session_lifetime": 72,
            "sandbox_version": "22",
            "session_lifetime": 168,
            "oidc_logout": {"rp_logout_end_session_endpoint_discovery": true},
            "resource_parameter_profile": "audience",
            "phone_consolidated_experience": true,
            "client_id_metadata_document_supported": false,
            "sandbox_versions_available": ["22", "18"]
        })
    }

    /// The system API as ruby-auth0 `_resource_servers` lists it, with the scopes this emulator
    /// knows instead of the 130 real ones.
    fn management_resource_server(identifier: &str) -> Value {
        let scopes: Vec<Value> = SCOPES
            .iter()
            .map(|s| json!({"value": s, "description": describe(s)}))
            .collect();
        json!({
            "id": object_id(),
            "name": "Auth0 Management API",
            "identifier": identifier,
            "allow_offline_access": false,
            "skip_consent_for_verifiable_first_party_clients": false,
            "token_lifetime": 86400,
            "token_lifetime_for_web": 7200,
            "signing_alg": "RS256",
            "scopes": scopes,
            "is_system": true,
        })
    }

    /// `read:client_grants` → `Read Client Grants`, the style of the real descriptions.
    fn describe(scope: &str) -> String {
        scope
            .split([':', '_'])
            .map(|w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}
