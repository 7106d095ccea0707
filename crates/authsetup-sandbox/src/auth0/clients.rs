//! `/api/v2/clients`: list, read and delete for doctor (the third-party applications DCR leaves
//! behind, notes/auth0.md §D4, §F), and create for the first-party client `--registration
//! preregistered` registers for Codex.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Value, json};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, by_key, by_key_mut, no_content, random_string, wire};
use crate::query::Params;
use crate::schema::{Violation, type_name};

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/api/v2/clients", get(list).post(create))
        .route(
            "/api/v2/clients/{id}",
            get(read).patch(update).delete(remove),
        )
}

/// OAS `GET /clients`: any one of these scopes will do.
const READ_SCOPES: &[&str] = &[
    "read:clients",
    "read:client_keys",
    "read:client_credentials",
    "read:client_summary",
];

async fn list(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(READ_SCOPES)?;
    let params = Params::parse(q.as_deref());
    let page = params.page().map_err(ApiError::query)?;
    let projection = params.projection().map_err(ApiError::query)?;
    let first_party = params.bool("is_first_party").map_err(ApiError::query)?;
    let app_type = params.get("app_type");
    let tenant = app.tenant();
    let items = tenant
        .clients
        .iter()
        .filter(|c| first_party.is_none_or(|fp| c["is_first_party"] == fp))
        .filter(|c| app_type.is_none_or(|t| t.split(',').any(|t| c["app_type"] == t)))
        .map(|c| projection.apply(c))
        .collect();
    Ok(wire(StatusCode::OK, &page.apply(items, "clients")))
}

async fn read(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(READ_SCOPES)?;
    let projection = Params::parse(q.as_deref())
        .projection()
        .map_err(ApiError::query)?;
    let tenant = app.tenant();
    let client = by_key(&tenant.clients, "client_id", &id, not_found)?;
    Ok(wire(StatusCode::OK, &projection.apply(client)))
}

/// OAS 404 "Client not found."
fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "Client not found").code("inexistent_client")
}

/// OAS `PATCH /clients/{id}` (`update:clients`): validated against `UpdateClientRequestContent`;
/// the keys sent replace the stored ones (arrays such as `callbacks` wholesale); 200 with the client.
async fn update(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    granted.require(&["update:clients"])?;
    let given = app.body("UpdateClientRequestContent", &body)?;
    check_metadata(&given)?;
    let mut tenant = app.tenant();
    let client = by_key_mut(&mut tenant.clients, "client_id", &id, not_found)?;
    for (key, value) in given {
        client[key] = value;
    }
    Ok(wire(StatusCode::OK, client))
}

/// OAS `ClientMetadata` puts in prose what its schema leaves out (the schema holds only
/// `maxProperties: 10`): string values of at most 255 characters, names of at most 255 from
/// letters, digits and `:,-+=_*?"/\()<>@`, tab and space. Reported like the schema's own
/// violations.
fn check_metadata(given: &serde_json::Map<String, Value>) -> Result<(), ApiError> {
    const MAX: usize = 255;
    let Some(Value::Object(metadata)) = given.get("client_metadata") else {
        return Ok(());
    };
    let allowed = |c: char| c.is_ascii_alphanumeric() || ":,-+=_*?\"/\\()<>@\t ".contains(c);
    for (key, value) in metadata {
        let path = format!("client_metadata.{key}");
        let message = if key.chars().count() > MAX || !key.chars().all(allowed) {
            format!("Invalid property name: {key}")
        } else {
            match value {
                Value::String(v) if v.chars().count() > MAX => format!(
                    "String is too long ({} chars), maximum {MAX}",
                    v.chars().count()
                ),
                Value::String(_) => continue,
                other => format!("Expected type string but found type {}", type_name(other)),
            }
        };
        return Err(ApiError::payload(Violation { message, path }));
    }
    Ok(())
}

/// 204 whether or not it existed (OAS lists no 404; go-auth0 TestClientGrantManager_* delete 204).
async fn remove(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["delete:clients"])?;
    let mut tenant = app.tenant();
    tenant.clients.retain(|c| c["client_id"] != id.as_str());
    // A connection is enabled for clients of the tenant; one deleted is enabled nowhere.
    for connection in &mut tenant.connections {
        if let Some(enabled) = connection["enabled_clients"].as_array_mut() {
            enabled.retain(|c| *c != id.as_str());
        }
    }
    Ok(no_content())
}

/// OAS `POST /clients`: the body validated against `CreateClientRequestContent`, the answer the
/// stored client (201). First party unless `is_first_party: false`; a `native` app without an
/// auth method is public (`none`), as the Dashboard creates one. While the tenant's
/// `enable_client_connections` flag is on (its default) the new client is enabled on every
/// connection (OAS `TenantSettingsFlags.enable_client_connections`).
async fn create(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    body: Bytes,
) -> Answer {
    granted.require(&["create:clients"])?;
    let given = app.body("CreateClientRequestContent", &body)?;
    check_metadata(&given)?;
    let client_id = random_string(32);
    let app_type = given.get("app_type").and_then(Value::as_str);
    let public = app_type.is_some_and(|t| matches!(t, "native" | "spa"));
    let mut client = json!({
        "client_id": client_id,
        "is_first_party": true,
        "oidc_conformant": true,
        "callbacks": [],
        "grant_types": ["authorization_code", "implicit", "refresh_token", "client_credentials"],
        "token_endpoint_auth_method": if public { "none" } else { "client_secret_post" },
        "jwt_configuration": {"alg": "RS256", "secret_encoded": false},
    });
    for (key, value) in given {
        client[key] = value;
    }
    if client["token_endpoint_auth_method"] != "none" {
        client["client_secret"] = json!(random_string(64));
    }
    let mut tenant = app.tenant();
    if tenant.settings["flags"]["enable_client_connections"] != false {
        for connection in &mut tenant.connections {
            if let Some(enabled) = connection["enabled_clients"].as_array_mut() {
                enabled.push(json!(client_id));
            }
        }
    }
    tenant.clients.push(client.clone());
    Ok(wire(StatusCode::CREATED, &client))
}
