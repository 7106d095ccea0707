//! `/api/v2/clients`, read and delete only: enough for doctor to list (and clean up) the
//! third-party applications DCR leaves behind (notes/auth0.md §D4, §F).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, no_content, wire};
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/api/v2/clients", get(list))
        .route("/api/v2/clients/{id}", get(read).delete(remove))
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
    let client = tenant
        .clients
        .iter()
        .find(|c| c["client_id"] == id.as_str())
        .ok_or_else(|| {
            // OAS 404 "Client not found."
            ApiError::new(StatusCode::NOT_FOUND, "Client not found").code("inexistent_client")
        })?;
    Ok(wire(StatusCode::OK, &projection.apply(client)))
}

/// 204 whether or not it existed (OAS lists no 404; go-auth0 TestClientGrantManager_* delete 204).
async fn remove(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    Path(id): Path<String>,
) -> Answer {
    granted.require(&["delete:clients"])?;
    app.tenant()
        .clients
        .retain(|c| c["client_id"] != id.as_str());
    Ok(no_content())
}
