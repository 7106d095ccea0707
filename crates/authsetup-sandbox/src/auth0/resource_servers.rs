//! `/api/v2/resource-servers`: the APIs of the tenant (notes/auth0.md §A3).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ring::digest::{SHA256, digest};
use serde_json::{Map, Value, json};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, no_content, object_id, wire};
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/api/v2/resource-servers", get(list).post(create))
        .route(
            "/api/v2/resource-servers/{id}",
            get(read).patch(update).delete(remove),
        )
}

fn not_found() -> ApiError {
    // terraform TestAccDataSourceResourceServer via notes §A3
    ApiError::new(StatusCode::NOT_FOUND, "The resource server does not exist")
        .code("inexistent_resource_server")
}

/// `{id}` is the id or the (URL-decoded) identifier (OAS "ID or audience"; terraform
/// TestAccClientGrant_DefaultFor reads by `https:%2F%2F…`).
fn position(servers: &[Value], key: &str) -> Option<usize> {
    servers
        .iter()
        .position(|rs| rs["id"] == key || rs["identifier"] == key)
}

async fn list(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:resource_servers"])?;
    let params = Params::parse(q.as_deref());
    let page = params.page().map_err(ApiError::query)?;
    let projection = params.projection().map_err(ApiError::query)?;
    let identifiers = params.all("identifiers");
    let tenant = app.tenant();
    let items = tenant
        .resource_servers
        .iter()
        .filter(|rs| identifiers.is_empty() || identifiers.iter().any(|i| rs["identifier"] == *i))
        .map(|rs| projection.apply(rs))
        .collect();
    Ok(wire(StatusCode::OK, &page.apply(items, "resource_servers")))
}

async fn read(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:resource_servers"])?;
    let projection = Params::parse(q.as_deref())
        .projection()
        .map_err(ApiError::query)?;
    let tenant = app.tenant();
    let i = position(&tenant.resource_servers, &id).ok_or_else(not_found)?;
    Ok(wire(
        StatusCode::OK,
        &projection.apply(&tenant.resource_servers[i]),
    ))
}

async fn create(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    body: Bytes,
) -> Answer {
    granted.require(&["create:resource_servers"])?;
    let body = app.body("CreateResourceServerRequestContent", &body)?;
    let mut tenant = app.tenant();
    if tenant
        .resource_servers
        .iter()
        .any(|rs| rs["identifier"] == body["identifier"])
    {
        // OAS 409 description; the real body is unrecorded (notes §A3)
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "A resource server with the same identifier already exists",
        )
        .code("conflict"));
    }
    let mut doc = Map::new();
    doc.insert("id".into(), json!(object_id()));
    for (key, value) in &body {
        doc.insert(key.clone(), value.clone());
    }
    apply_defaults(&mut doc);
    hide_key_material(&mut doc);
    let doc = Value::Object(doc);
    tenant.resource_servers.push(doc.clone());
    Ok(wire(StatusCode::CREATED, &doc))
}

/// What `POST` fills in when the body leaves it out: the minimal create in terraform
/// TestAccClientGrant_DefaultFor answers exactly these (the OAS says HS256, the service RS256).
fn apply_defaults(doc: &mut Map<String, Value>) {
    let defaults = [
        ("allow_offline_access", json!(false)),
        (
            "skip_consent_for_verifiable_first_party_clients",
            json!(false),
        ),
        (
            "subject_type_authorization",
            json!({"client": {"policy": "require_client_grant"}, "user": {"policy": "allow_all"}}),
        ),
        ("token_lifetime", json!(86400)),
        ("token_lifetime_for_web", json!(7200)),
        ("signing_alg", json!("RS256")),
    ];
    for (key, value) in defaults {
        match doc.get_mut(key) {
            None => {
                doc.insert(key.into(), value);
            }
            // a body naming only one subject type keeps the default for the other
            Some(Value::Object(given)) => {
                for (side, policy) in value.as_object().into_iter().flatten() {
                    given.entry(side.clone()).or_insert_with(|| policy.clone());
                }
            }
            Some(_) => {}
        }
    }
}

/// Responses never echo the JWE public key: go-auth0 TestResourceServer_Create drops `pem`,
/// terraform TestAccResourceServer (2026) returns `thumbprint_sha256` in its place.
fn hide_key_material(doc: &mut Map<String, Value>) {
    let key = doc
        .get_mut("token_encryption")
        .and_then(|t| t.get_mut("encryption_key"))
        .and_then(Value::as_object_mut);
    if let Some(key) = key
        && let Some(Value::String(pem)) = key.remove("pem")
    {
        key.insert(
            "thumbprint_sha256".into(),
            json!(B64.encode(digest(&SHA256, pem.as_bytes()))),
        );
    }
}

async fn update(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    granted.require(&["update:resource_servers"])?;
    let body = app.body("UpdateResourceServerRequestContent", &body)?;
    let mut tenant = app.tenant();
    let i = position(&tenant.resource_servers, &id).ok_or_else(not_found)?;
    let Value::Object(doc) = &mut tenant.resource_servers[i] else {
        unreachable!("resource servers are objects")
    };
    if doc.get("is_system") == Some(&Value::Bool(true)) {
        check_system_update(&body)?;
    }
    for (key, value) in &body {
        match (key.as_str(), value, doc.get_mut(key)) {
            (_, Value::Null, _) => {
                doc.remove(key);
            }
            // sides are updated independently; terraform PR #1404 sends only `user` (notes §E.3)
            ("subject_type_authorization", Value::Object(sides), Some(Value::Object(stored))) => {
                for (side, policy) in sides {
                    stored.insert(side.clone(), policy.clone());
                }
            }
            _ => {
                doc.insert(key.clone(), value.clone());
            }
        }
    }
    hide_key_material(doc);
    // real PATCH answers 200 although the OAS says 201 (TestResourceServer_Update)
    Ok(wire(StatusCode::OK, &Value::Object(doc.clone())))
}

/// The Management API itself may not be renamed (auth0-deploy-cli #1484) and rejects a
/// `client` policy (terraform-provider-auth0 #1367), both per notes §A3/§E.3.
fn check_system_update(body: &Map<String, Value>) -> Result<(), ApiError> {
    if body.get("name").is_some() {
        return Err(ApiError::bad_body(
            "Payload validation error: 'Additional properties not allowed: name'",
        ));
    }
    if body
        .get("subject_type_authorization")
        .and_then(|s| s.get("client"))
        .is_some()
    {
        return Err(ApiError::bad_body(
            "Payload validation error: 'Additional properties not allowed: client' on property subject_type_authorization",
        ));
    }
    Ok(())
}

/// 204 whether or not it existed: the OAS lists no 404 for this operation, and ruby-auth0 deletes
/// the same server twice (`_delete_resource_server`, then `delete_test_server`), both 204.
async fn remove(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["delete:resource_servers"])?;
    let mut tenant = app.tenant();
    if let Some(i) = position(&tenant.resource_servers, &id) {
        tenant.resource_servers.remove(i);
    }
    Ok(no_content())
}
