//! `/api/v2/logs`, the tenant log search: enough to find when DCR registered a client (notes
//! §D2's Dashboard query `type:sapi AND description:"Dynamic client registration"`).

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Value, json};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, object_id, wire};
use crate::clock::iso8601_now;
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new().route("/api/v2/logs", get(list))
}

/// The event a registration leaves: OAS `Log` fields, the type and description of notes §D2,
/// and the new client as `client_id`/`client_name`.
pub(super) fn registration(client_id: &str, name: &str) -> Value {
    json!({
        "log_id": object_id(),
        "date": iso8601_now(),
        "type": "sapi",
        "description": "Dynamic client registration",
        "client_id": client_id,
        "client_name": name,
    })
}

/// `search` (or `q`) in the Lucene subset the search above uses: `field:value` or `field:"a phrase"` terms
/// joined by ` AND `, each an exact match.
fn terms(q: &str) -> Result<Vec<(&str, &str)>, ApiError> {
    q.split(" AND ")
        .map(|term| {
            let (field, value) = term.trim().split_once(':').ok_or_else(|| {
                ApiError::query(format!("Query validation error: invalid q term {term:?}"))
            })?;
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            Ok((field, value))
        })
        .collect()
}

async fn list(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:logs"])?;
    let params = Params::parse(q.as_deref());
    let page = params.page().map_err(ApiError::query)?;
    let projection = params.projection().map_err(ApiError::query)?;
    // OAS: declared as `search`; the operation's description calls it `q`
    let wanted = match params.get("search").or(params.get("q")) {
        Some(q) => terms(q)?,
        None => Vec::new(),
    };
    let tenant = app.tenant();
    let mut items: Vec<Value> = tenant
        .logs
        .iter()
        .filter(|l| wanted.iter().all(|(k, v)| l[*k] == *v))
        .map(|l| projection.apply(l))
        .collect();
    // ISO 8601 dates sort as text; the OAS example sort is `date:-1`
    match params.get("sort") {
        Some("date:1") => items.sort_by(|a, b| a["date"].as_str().cmp(&b["date"].as_str())),
        _ => items.sort_by(|a, b| b["date"].as_str().cmp(&a["date"].as_str())),
    }
    Ok(wire(StatusCode::OK, &page.apply(items, "logs")))
}
