//! `/api/v2/connections` (notes/auth0.md §A6).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Map, Value, json};

use super::auth::Granted;
use super::{
    Answer, ApiError, Auth0, Auth0Tenant, by_key, by_key_mut, no_content, parse_json,
    random_string, wire,
};
use crate::clock::iso8601_now;
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/api/v2/connections", get(list).post(create))
        .route(
            "/api/v2/connections/{id}",
            get(read).patch(update).delete(remove),
        )
        .route(
            "/api/v2/connections/{id}/clients",
            get(enabled_clients).patch(enable_clients),
        )
}

/// Included whenever fields are selected with `include_fields=true`, asked for or not
/// (ruby-auth0 `_connection/_filters`, go-auth0 TestConnectionManager_List `fields=id`).
const ALWAYS: &[&str] = &["id", "is_domain_connection"];

/// Server-managed options that survive a PATCH replacing `options` when the body leaves them out
/// (go-auth0 TestConnectionManager_Update, terraform TestAccConnection interaction 5).
const KEPT_OPTIONS: [&str; 3] = [
    "authentication_methods",
    "passkey_options",
    "brute_force_protection",
];

fn connection_mut<'a>(tenant: &'a mut Auth0Tenant, id: &str) -> Result<&'a mut Value, ApiError> {
    by_key_mut(&mut tenant.connections, "id", id, not_found)
}

fn not_found() -> ApiError {
    // go-auth0 TestConnectionManager_Delete interaction 2
    ApiError::new(StatusCode::NOT_FOUND, "The connection does not exist")
        .code("inexistent_connection")
}

/// What a database connection gets when created without options (go-auth0
/// TestConnectionManager_Update interaction 0, 2025).
pub(super) fn default_options(strategy: &str) -> Value {
    if strategy != "auth0" {
        return json!({});
    }
    json!({
        "mfa": {"active": true, "return_enroll_settings": true},
        "passwordPolicy": "good",
        "strategy_version": 2,
        "authentication_methods": {"password": {"enabled": true}, "passkey": {"enabled": false}},
        "passkey_options": {"challenge_ui": "both", "progressive_enrollment_enabled": true, "local_enrollment_enabled": true},
        "brute_force_protection": true
    })
}

/// Without `read:connections_options` the document comes back without `options` (Auth0's
/// connection-options scope migration, notes §A2/§A6).
fn visible(granted: &Granted, doc: &Value) -> Value {
    let mut doc = doc.clone();
    if !granted.has("read:connections_options")
        && let Value::Object(map) = &mut doc
    {
        map.remove("options");
    }
    doc
}

async fn list(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:connections"])?;
    let params = Params::parse(q.as_deref());
    let page = params.page().map_err(ApiError::query)?;
    let projection = params.projection().map_err(ApiError::query)?.always(ALWAYS);
    let name = params.get("name");
    let strategies = params.all("strategy");
    let tenant = app.tenant();
    let items = tenant
        .connections
        .iter()
        .filter(|c| name.is_none_or(|n| c["name"] == n))
        .filter(|c| strategies.is_empty() || strategies.iter().any(|s| c["strategy"] == *s))
        .map(|c| projection.apply(&visible(&granted, c)))
        .collect();
    Ok(wire(StatusCode::OK, &page.apply(items, "connections")))
}

async fn read(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:connections"])?;
    let projection = Params::parse(q.as_deref())
        .projection()
        .map_err(ApiError::query)?
        .always(ALWAYS);
    let tenant = app.tenant();
    let doc = by_key(&tenant.connections, "id", &id, not_found)?;
    Ok(wire(
        StatusCode::OK,
        &projection.apply(&visible(&granted, doc)),
    ))
}

async fn create(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    body: Bytes,
) -> Answer {
    granted.require(&["create:connections"])?;
    let given = app.body("CreateConnectionRequestContent", &body)?;
    let name = given["name"].as_str().unwrap_or_default().to_string();
    let strategy = given["strategy"].as_str().unwrap_or_default().to_string();

    let mut tenant = app.tenant();
    if tenant
        .connections
        .iter()
        .any(|c| c["name"] == name.as_str())
    {
        // OAS 409 description
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "A connection with the same name already exists",
        )
        .code("conflict"));
    }
    let mut options = default_options(&strategy);
    if let (Value::Object(options), Some(Value::Object(requested))) =
        (&mut options, given.get("options"))
    {
        for (key, value) in requested {
            options.insert(key.clone(), value.clone());
        }
    }
    // key order of the go-auth0 / terraform create answers
    let mut doc = Map::new();
    doc.insert("id".into(), json!(format!("con_{}", random_string(16))));
    doc.insert("options".into(), options);
    doc.insert("strategy".into(), json!(strategy));
    doc.insert("name".into(), json!(name));
    doc.insert(
        "is_domain_connection".into(),
        given
            .get("is_domain_connection")
            .cloned()
            .unwrap_or(json!(false)),
    );
    for (key, value) in &given {
        if !doc.contains_key(key) && !matches!(key.as_str(), "enabled_clients" | "realms") {
            doc.insert(key.clone(), value.clone());
        }
    }
    // terraform TestAccConnection (2026) gets this back without sending it
    doc.entry("connected_accounts")
        .or_insert_with(|| json!({"active": false}));
    doc.insert(
        "enabled_clients".into(),
        given.get("enabled_clients").cloned().unwrap_or(json!([])),
    );
    doc.insert("realms".into(), realms(given.get("realms"), &name));

    let doc = Value::Object(doc);
    tenant.connections.push(doc.clone());
    Ok(wire(StatusCode::CREATED, &visible(&granted, &doc)))
}

/// "If the array is empty or the property is not specified, the connection name will be added
/// as realm" (OAS `realms`).
fn realms(given: Option<&Value>, name: &str) -> Value {
    match given {
        Some(Value::Array(realms)) if !realms.is_empty() => Value::Array(realms.clone()),
        _ => json!([name]),
    }
}

async fn update(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    granted.require(&["update:connections"])?;
    let body = parse_json(&body)?;
    if body.get("options").is_some() {
        granted.require(&["update:connections_options"])?;
    }
    app.schemas
        .validate("UpdateConnectionRequestContent", &body)
        .map_err(ApiError::payload)?;
    let mut tenant = app.tenant();
    let doc = connection_mut(&mut tenant, &id)?;
    let Value::Object(doc) = doc else {
        unreachable!("connections are objects")
    };
    let name = doc["name"].clone();

    for (key, value) in body.as_object().into_iter().flatten() {
        match (key.as_str(), value) {
            ("options", Value::Object(new)) => {
                // "the entire options object is overridden" (OAS), minus server-managed keys
                let mut replaced = new.clone();
                if let Some(Value::Object(old)) = doc.get("options") {
                    for kept in KEPT_OPTIONS {
                        if let (false, Some(v)) = (replaced.contains_key(kept), old.get(kept)) {
                            replaced.insert(kept.into(), v.clone());
                        }
                    }
                }
                doc.insert(key.clone(), Value::Object(replaced));
            }
            ("realms", realm_list) => {
                doc.insert(
                    key.clone(),
                    realms(Some(realm_list), name.as_str().unwrap_or_default()),
                );
            }
            (_, Value::Null) => {
                doc.remove(key);
            }
            _ => {
                doc.insert(key.clone(), value.clone());
            }
        }
    }
    // OAS: "If display_name is not included in the request, the field will be overwritten with
    // the name value"; recordings of connections that never had one show none appearing.
    if doc.contains_key("display_name") && body.get("display_name").is_none() {
        doc.insert("display_name".into(), name);
    }
    Ok(wire(
        StatusCode::OK,
        &visible(&granted, &Value::Object(doc.clone())),
    ))
}

/// 202 with `deleted_at` while it exists, 204 once it is gone (go-auth0 TestConnectionManager_Delete
/// and _ReadByName; OAS "The connection no longer exists").
async fn remove(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["delete:connections"])?;
    let mut tenant = app.tenant();
    let Some(i) = tenant
        .connections
        .iter()
        .position(|c| c["id"] == id.as_str())
    else {
        return Ok(no_content());
    };
    tenant.connections.remove(i);
    Ok(wire(
        StatusCode::ACCEPTED,
        &json!({"deleted_at": iso8601_now()}),
    ))
}

/// OAS `GET /connections/{id}/clients`: `{"clients": [{"client_id"}]}`, one page (the tenant's
/// list is short; `next` is left out as on the last page).
async fn enabled_clients(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["read:connections"])?;
    let tenant = app.tenant();
    let doc = by_key(&tenant.connections, "id", &id, not_found)?;
    let clients: Vec<Value> = doc["enabled_clients"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|id| json!({"client_id": id}))
        .collect();
    Ok(wire(StatusCode::OK, &json!({"clients": clients})))
}

/// OAS `PATCH /connections/{id}/clients`: `[{"client_id", "status"}]` (1..50 items) switches the
/// connection on or off for each client named and leaves the others; 204.
async fn enable_clients(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    granted.require(&["update:connections"])?;
    let body = parse_json(&body)?;
    app.schemas
        .validate("UpdateEnabledClientConnectionsRequestContent", &body)
        .map_err(ApiError::payload)?;
    let mut tenant = app.tenant();
    let doc = connection_mut(&mut tenant, &id)?;
    let mut enabled: Vec<Value> = doc["enabled_clients"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for item in body.as_array().into_iter().flatten() {
        let client = &item["client_id"];
        enabled.retain(|c| c != client);
        if item["status"] == true {
            enabled.push(client.clone());
        }
    }
    doc["enabled_clients"] = Value::Array(enabled);
    Ok(no_content())
}
