//! `/api/v2/client-grants`, including default grants for third-party clients (notes/auth0.md §A4).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Map, Value, json};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, by_key, by_key_mut, no_content, random_string, wire};
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/api/v2/client-grants", get(list).post(create))
        .route(
            "/api/v2/client-grants/{id}",
            get(read).patch(update).delete(remove),
        )
}

fn not_found() -> ApiError {
    // OAS 404 description of PATCH; errorCode by analogy with the recorded inexistent_* codes
    ApiError::new(StatusCode::NOT_FOUND, "The client grant does not exist")
        .code("inexistent_client_grant")
}

/// Grants filtered by the query keys the OAS lists; values compare as strings so that
/// `allow_any_organization=true` matches the boolean.
const FILTERS: [&str; 5] = [
    "audience",
    "client_id",
    "default_for",
    "subject_type",
    "allow_any_organization",
];

async fn list(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:client_grants"])?;
    let params = Params::parse(q.as_deref());
    let page = params.page().map_err(ApiError::query)?;
    let wanted: Vec<(&str, &str)> = FILTERS
        .iter()
        .filter_map(|&k| params.get(k).map(|v| (k, v)))
        .collect();
    let tenant = app.tenant();
    let items = tenant
        .client_grants
        .iter()
        .filter(|g| {
            wanted
                .iter()
                .all(|(k, v)| as_text(&g[*k]).as_deref() == Some(*v))
        })
        .cloned()
        .collect();
    Ok(wire(StatusCode::OK, &page.apply(items, "client_grants")))
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

async fn read(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["read:client_grants"])?;
    let tenant = app.tenant();
    let grant = by_key(&tenant.client_grants, "id", &id, not_found)?;
    Ok(wire(StatusCode::OK, grant))
}

async fn create(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    body: Bytes,
) -> Answer {
    granted.require(&["create:client_grants"])?;
    let given = app.body("CreateClientGrantRequestContent", &body)?;
    // OAS: default_for is "mutually exclusive with client_id"; a grant needs one of them
    match (given.get("client_id"), given.get("default_for")) {
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_body(
                "Payload validation error: 'client_id and default_for are mutually exclusive'",
            ));
        }
        (None, None) => {
            return Err(ApiError::bad_body(
                "Payload validation error: 'Missing required property: client_id'",
            ));
        }
        _ => {}
    }

    let mut tenant = app.tenant();
    let audience = &given["audience"];
    let server = tenant
        .resource_servers
        .iter()
        .find(|rs| rs["identifier"] == *audience)
        .ok_or_else(|| {
            // OAS 404 "Resource server not found"
            ApiError::new(
                StatusCode::NOT_FOUND,
                "No resource server found by specified audience",
            )
            .code("inexistent_resource_server")
        })?;
    if given.contains_key("default_for") && server["is_system"] == true {
        // notes §A4: system APIs can't have default third-party grants
        return Err(ApiError::bad_body(
            "Default grants are not allowed for system resource servers",
        ));
    }
    if let Some(client_id) = given.get("client_id")
        && !tenant.clients.iter().any(|c| c["client_id"] == *client_id)
    {
        return Err(
            ApiError::new(StatusCode::NOT_FOUND, "Client not found").code("inexistent_client")
        );
    }

    let mut doc = Map::new();
    doc.insert("id".into(), json!(format!("cgr_{}", random_string(16))));
    for (key, value) in &given {
        doc.insert(key.clone(), value.clone());
    }
    // "client" even for default_for grants (terraform TestAccClientGrant_DefaultFor, notes §0.1)
    doc.entry("subject_type").or_insert(json!("client"));

    let same_grantee = |g: &Value| {
        g["audience"] == *audience
            && g["subject_type"] == doc["subject_type"]
            && g.get("client_id") == doc.get("client_id")
            && g.get("default_for") == doc.get("default_for")
    };
    if tenant.client_grants.iter().any(same_grantee) {
        // OAS lists 409 for conflicting grants; the wording is the emulator's
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "A client grant for this client and audience already exists",
        )
        .code("conflict"));
    }
    let doc = Value::Object(doc);
    tenant.client_grants.push(doc.clone());
    Ok(wire(StatusCode::CREATED, &doc))
}

async fn update(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    granted.require(&["update:client_grants"])?;
    let body = app.body("UpdateClientGrantRequestContent", &body)?;
    let mut tenant = app.tenant();
    let grant = by_key_mut(&mut tenant.client_grants, "id", &id, not_found)?;
    let Value::Object(grant) = grant else {
        unreachable!("grants are objects")
    };
    for (key, value) in &body {
        match (key.as_str(), value) {
            ("scope", Value::Null) => {
                grant.insert(key.clone(), json!([]));
            }
            (_, Value::Null) => {
                grant.remove(key);
            }
            _ => {
                grant.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(wire(StatusCode::OK, &Value::Object(grant.clone())))
}

/// 204 whether or not it existed: the OAS lists no 404 for this operation.
async fn remove(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["delete:client_grants"])?;
    app.tenant()
        .client_grants
        .retain(|g| g["id"] != id.as_str());
    Ok(no_content())
}
