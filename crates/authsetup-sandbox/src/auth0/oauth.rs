//! The tokenless surface: client-credentials tokens (notes/auth0.md §A1), discovery and JWKS
//! (§D1) and open dynamic client registration (§D2). The user-facing grants are in `login`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use super::{Answer, ApiError, Auth0, Auth0Tenant, login, random_string, wire};

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/oauth/token", post(token))
        .route("/authorize", get(login::authorize))
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/.well-known/oauth-authorization-server", get(discovery))
        .route("/.well-known/jwks.json", get(jwks))
        .route("/oidc/register", post(register))
}

/// Form-encoded or JSON parameters, whichever the content type says (§A1: both are accepted).
fn parameters(headers: &HeaderMap, body: &Bytes) -> HashMap<String, String> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
            return HashMap::new();
        };
        return map
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
            .collect();
    }
    url::form_urlencoded::parse(body).into_owned().collect()
}

/// `client_secret_basic` credentials, the alternative to sending them in the body.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

async fn token(State(app): State<Arc<Auth0>>, headers: HeaderMap, body: Bytes) -> Answer {
    let params = parameters(&headers, &body);
    let grant_type = params.get("grant_type").map(String::as_str).unwrap_or("");
    if ["authorization_code", "refresh_token"].contains(&grant_type) {
        return login::token(&app, grant_type, &params);
    }
    if grant_type != "client_credentials" {
        return Err(ApiError::oauth(
            StatusCode::FORBIDDEN,
            "unsupported_grant_type",
            format!("Unsupported grant type: {grant_type}"),
        ));
    }
    let (client_id, secret) = match (params.get("client_id"), params.get("client_secret")) {
        (Some(id), Some(secret)) => (id.clone(), secret.clone()),
        _ => basic_credentials(&headers).unwrap_or_default(),
    };
    let unauthorized =
        || ApiError::oauth(StatusCode::UNAUTHORIZED, "access_denied", "Unauthorized");

    let tenant = app.tenant();
    let client = tenant
        .clients
        .iter()
        .find(|c| c["client_id"] == client_id.as_str())
        .ok_or_else(unauthorized)?;
    if client_id.is_empty() || client["client_secret"] != secret.as_str() {
        return Err(unauthorized());
    }
    let audience = match params.get("audience") {
        Some(audience) => audience.clone(),
        None => tenant.settings["default_audience"]
            .as_str()
            .unwrap_or("")
            .to_string(),
    };
    if audience.is_empty() {
        return Err(ApiError::oauth(
            StatusCode::FORBIDDEN,
            "access_denied",
            "No audience parameter was provided, and no default audience has been configured",
        ));
    }
    if audience != app.management_audience() {
        // the title of terraform-provider-auth0 #951, notes §A1
        return Err(ApiError::oauth(
            StatusCode::FORBIDDEN,
            "access_denied",
            format!("Service not enabled within domain: {audience}"),
        ));
    }
    let grant = tenant
        .client_grants
        .iter()
        .find(|g| g["client_id"] == client_id.as_str() && g["audience"] == audience.as_str());
    let Some(grant) = grant else {
        return Err(ApiError::oauth(
            StatusCode::FORBIDDEN,
            "access_denied",
            format!(
                "Client is not authorized to access \"{audience}\". You need to create a \"client-grant\" associated to this API."
            ),
        ));
    };
    let scopes: Vec<&str> = grant["scope"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let access_token = app.issue_token(&client_id, &scopes);
    Ok(wire(
        StatusCode::OK,
        &json!({"access_token": access_token, "expires_in": super::TOKEN_LIFETIME, "scope": scopes.join(" "), "token_type": "Bearer"}),
    ))
}

/// The document of the Auth0 docs sample (§D1) rooted at this tenant. `registration_endpoint` is
/// advertised whether or not DCR is enabled, as on real tenants.
async fn discovery(State(app): State<Arc<Auth0>>) -> Answer {
    Ok(wire(StatusCode::OK, &metadata(&app, &app.tenant())))
}

/// The discovery document as served, `discovery_overrides` included.
pub(super) fn metadata(app: &Auth0, tenant: &Auth0Tenant) -> Value {
    let base = &app.base_url;
    let mut doc = json!({
        "issuer": format!("{base}/"),
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/oauth/token"),
        "device_authorization_endpoint": format!("{base}/oauth/device/code"),
        "userinfo_endpoint": format!("{base}/userinfo"),
        "mfa_challenge_endpoint": format!("{base}/mfa/challenge"),
        "jwks_uri": format!("{base}/.well-known/jwks.json"),
        "registration_endpoint": format!("{base}/oidc/register"),
        "revocation_endpoint": format!("{base}/oauth/revoke"),
        "scopes_supported": ["openid", "profile", "offline_access", "name", "given_name", "family_name", "nickname",
            "email", "email_verified", "picture", "created_at", "identities", "phone", "address"],
        "response_types_supported": ["code", "token", "id_token", "code token", "code id_token", "token id_token",
            "code token id_token"],
        "code_challenge_methods_supported": ["S256", "plain"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["HS256", "RS256", "PS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
        "claims_supported": ["aud", "auth_time", "created_at", "email", "email_verified", "exp", "family_name",
            "given_name", "iat", "identities", "iss", "name", "nickname", "phone_number", "picture", "sub"],
        "request_uri_parameter_supported": false,
        "request_parameter_supported": false,
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "RS384", "PS256", "PS384", "ES256", "ES384"],
    });
    // The tenant settings named like RFC 8414 / RFC 9207 metadata show up in it (notes §D1,
    // manual-cimd-registration; §A5 "Include Issuer in Authorization Responses").
    for setting in [
        "client_id_metadata_document_supported",
        "authorization_response_iss_parameter_supported",
    ] {
        if tenant.settings[setting] == true {
            doc[setting] = json!(true);
        }
    }
    if let Value::Object(fields) = &mut doc {
        for (key, value) in &tenant.discovery_overrides {
            if value.is_null() {
                fields.remove(key);
            } else {
                fields.insert(key.clone(), value.clone());
            }
        }
    }
    doc
}

/// The public half of the key that signs access tokens for APIs (`login`).
async fn jwks(State(app): State<Arc<Auth0>>) -> Answer {
    Ok(wire(
        StatusCode::OK,
        &json!({"keys": [app.rsa.public().jwk()]}),
    ))
}

/// Grants a strict third-party (DCR) client may hold (notes §D4: client_credentials is not for DCR).
const DCR_GRANTS: [&str; 2] = ["authorization_code", "refresh_token"];

async fn register(State(app): State<Arc<Auth0>>, body: Bytes) -> Answer {
    let invalid = |error: &str, description: &str| {
        Err(ApiError::oauth(StatusCode::BAD_REQUEST, error, description))
    };
    let mut tenant = app.tenant();
    if tenant
        .settings
        .pointer("/flags/enable_dynamic_client_registration")
        != Some(&Value::Bool(true))
    {
        // notes §D1: "400 ... dynamic client registration is disabled"
        return invalid("invalid_request", "dynamic client registration is disabled");
    }
    let Ok(Value::Object(request)) = serde_json::from_slice::<Value>(&body) else {
        return invalid(
            "invalid_client_metadata",
            "the registration request must be a JSON object",
        );
    };
    let redirect_uris: Vec<&str> = match request.get("redirect_uris") {
        Some(Value::Array(uris)) if !uris.is_empty() && uris.iter().all(Value::is_string) => {
            uris.iter().filter_map(Value::as_str).collect()
        }
        _ => {
            return invalid(
                "invalid_redirect_uri",
                "redirect_uris is required and must be a non-empty array of URLs",
            );
        }
    };
    let auth_method = request
        .get("token_endpoint_auth_method")
        .and_then(Value::as_str)
        .unwrap_or("client_secret_post");
    if !["none", "client_secret_post"].contains(&auth_method) {
        return invalid(
            "invalid_client_metadata",
            "token_endpoint_auth_method must be none or client_secret_post",
        );
    }
    let grant_types = request
        .get("grant_types")
        .cloned()
        .unwrap_or_else(|| json!(DCR_GRANTS));
    let grants_ok = grant_types.as_array().is_some_and(|gs| {
        gs.iter()
            .all(|g| g.as_str().is_some_and(|g| DCR_GRANTS.contains(&g)))
    });
    if !grants_ok {
        return invalid(
            "invalid_client_metadata",
            "third-party clients may only use authorization_code and refresh_token",
        );
    }
    let name = request
        .get("client_name")
        .and_then(Value::as_str)
        .unwrap_or("My App");
    let client_id = format!("tpc_{}", random_string(32));
    let secret = (auth_method != "none").then(|| random_string(64));
    // app_type is not documented for DCR; loopback-native and public clients are told apart the
    // way the Dashboard's types describe them (native, spa, regular_web)
    let app_type = match (
        request.get("application_type").and_then(Value::as_str),
        auth_method,
    ) {
        (Some("native"), _) => "native",
        (_, "none") => "spa",
        _ => "regular_web",
    };

    // Tenants that had third-party apps before April 2026 may keep DCR clients permissive (§0.1,
    // OAS `TenantSettingsDynamicClientRegistrationSecurityMode`).
    let mode = match tenant.settings["dynamic_client_registration_security_mode"].as_str() {
        Some("permissive") => "permissive",
        _ => "strict",
    };
    let mut client = json!({
        "name": name,
        "client_id": client_id,
        "app_type": app_type,
        "is_first_party": false,
        // OAS `ClientExternalMetadataTypeEnum` / `…CreatedByEnum`: how a DCR client is told apart
        "external_metadata_type": "dcr",
        "external_metadata_created_by": "client",
        "third_party_security_mode": mode,
        "callbacks": redirect_uris,
        "grant_types": grant_types,
        "token_endpoint_auth_method": auth_method,
        "oidc_conformant": true,
        "jwt_configuration": {"alg": "RS256"},
    });
    let mut answer = json!({
        "client_name": name,
        "client_id": client_id,
        "redirect_uris": redirect_uris,
        "client_secret_expires_at": 0,
        "grant_types": grant_types,
        "token_endpoint_auth_method": auth_method,
    });
    if let Some(secret) = secret {
        client["client_secret"] = json!(secret);
        answer["client_secret"] = json!(secret);
    }
    // OAS `ClientRedirectionPolicyEnum`: the default for strict third-party clients only
    if mode == "strict" {
        client["redirection_policy"] = json!("open_redirect_protection");
    }
    tenant.clients.push(client);
    tenant
        .logs
        .push(super::logs::registration(&client_id, name));
    Ok(wire(StatusCode::CREATED, &answer))
}
