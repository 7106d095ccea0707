//! `GET /api/v2/rules` and `GET /api/v2/prompts`: what doctor reads to tell whether strict
//! third-party (DCR) clients can sign in at all (Rules and Classic Login break them).

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, wire};
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new()
        .route("/api/v2/rules", get(rules))
        .route("/api/v2/prompts", get(prompts))
}

/// OAS `GET /rules` (scope `read:rules`): `enabled` filters, paging as every list.
async fn rules(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:rules"])?;
    let params = Params::parse(q.as_deref());
    let page = params.page().map_err(ApiError::query)?;
    let projection = params.projection().map_err(ApiError::query)?;
    let enabled = params.bool("enabled").map_err(ApiError::query)?;
    let tenant = app.tenant();
    let items = tenant
        .rules
        .iter()
        .filter(|r| enabled.is_none_or(|e| r["enabled"] == e))
        .map(|r| projection.apply(r))
        .collect();
    Ok(wire(StatusCode::OK, &page.apply(items, "rules")))
}

/// OAS `GET /prompts` (scope `read:prompts`).
async fn prompts(State(app): State<Arc<Auth0>>, Extension(granted): Extension<Granted>) -> Answer {
    granted.require(&["read:prompts"])?;
    Ok(wire(StatusCode::OK, &app.tenant().prompts))
}
