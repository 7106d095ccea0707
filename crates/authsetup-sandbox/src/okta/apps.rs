//! OIDC apps, groups, and app-to-group assignments (notes/okta.md §A.8).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Answer, ApiError, Okta, lifecycle_status, page, parse_json, wire};
use crate::clock::iso8601_now;
use crate::query::Params;

pub(crate) fn routes() -> Router<Arc<Okta>> {
    Router::new()
        .route("/api/v1/apps", get(list_apps).post(create_app))
        .route(
            "/api/v1/apps/{id}",
            get(get_app).put(replace_app).delete(delete_app),
        )
        .route("/api/v1/apps/{id}/lifecycle/{action}", post(app_lifecycle))
        .route("/api/v1/apps/{id}/groups", get(list_assignments))
        .route(
            "/api/v1/apps/{id}/groups/{gid}",
            get(get_assignment).put(assign).delete(unassign),
        )
        .route("/api/v1/groups", get(list_groups))
}

fn find_app(app: &Okta, id: &str) -> Result<Value, ApiError> {
    app.org()
        .apps
        .iter()
        .find(|a| a["id"] == id)
        .cloned()
        .ok_or_else(|| ApiError::not_found(id, "AppInstance"))
}

async fn list_apps(State(app): State<Arc<Okta>>, RawQuery(q): RawQuery) -> Answer {
    let params = Params::parse(q.as_deref());
    // `q`: name or label starts with it (SPEC-MGMT listApplications).
    let prefix = params.get("q").map(str::to_lowercase);
    let starts = |v: &Value, n: &str| v.as_str().unwrap_or_default().to_lowercase().starts_with(n);
    let items: Vec<Value> = app
        .org()
        .apps
        .iter()
        .filter(|a| {
            prefix
                .as_deref()
                .is_none_or(|p| starts(&a["name"], p) || starts(&a["label"], p))
        })
        .cloned()
        .collect();
    page(&app.base_url, "/api/v1/apps", &params, items)
}

/// What Okta refuses in an OIDC app (SPEC-MGMT `OpenIdConnectApplicationSettingsClient`,
/// okta/okta-sdk-python#299, terraform-provider-okta#580/#685).
fn validate_oidc(body: &Value) -> Result<(), ApiError> {
    let mut causes = Vec::new();
    if body["label"].as_str().is_none_or(|l| l.trim().is_empty()) {
        causes.push("label: The field cannot be left blank".to_string());
    }
    if body["signOnMode"] != "OPENID_CONNECT" {
        return if causes.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation("label", &causes))
        };
    }
    let client = &body["settings"]["oauthClient"];
    let kind = client["application_type"].as_str().unwrap_or("web");
    let method = body
        .pointer("/credentials/oauthClient/token_endpoint_auth_method")
        .and_then(Value::as_str)
        .unwrap_or("client_secret_basic");
    if method == "none" && !matches!(kind, "native" | "browser") {
        causes.push("token_endpoint_auth_method: 'token_endpoint_auth_method' is invalid. Valid values: [client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt].".into());
    }
    let pkce = body.pointer("/credentials/oauthClient/pkce_required");
    if method == "none" && pkce == Some(&json!(false)) {
        causes.push("pkce_required: PKCE is required for public clients".into());
    }
    let grants = client["grant_types"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let redirects = client["redirect_uris"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if grants.iter().any(|g| g == "authorization_code") && redirects.is_empty() {
        causes.push(
            "redirect_uris: A redirect URI is required for the authorization code flow".into(),
        );
    }
    for r in &redirects {
        if r.as_str().and_then(|r| url::Url::parse(r).ok()).is_none() {
            causes.push(format!("redirect_uris: {r} is not a valid URI"));
        }
    }
    if causes.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation("settings", &causes))
    }
}

/// TF-VCR TestAccResourceOktaAppOauth_pkce_required: `POST /api/v1/apps?activate=true` → 200
/// with `id` == `credentials.oauthClient.client_id`.
async fn create_app(State(app): State<Arc<Okta>>, RawQuery(q): RawQuery, body: Bytes) -> Answer {
    let params = Params::parse(q.as_deref());
    let body = parse_json(&body)?;
    validate_oidc(&body)?;
    let id = super::okta_id("0oa");
    let now = iso8601_now();
    let mut doc = body.clone();
    let active = params.get("activate") != Some("false");
    doc["id"] = json!(id);
    doc["status"] = json!(if active { "ACTIVE" } else { "INACTIVE" });
    doc["created"] = json!(now);
    doc["lastUpdated"] = json!(now);
    doc["credentials"]["oauthClient"]["client_id"] = json!(id);
    doc["settings"]["implicitAssignment"] = json!(false);
    doc["_links"] = links(&app.base_url, &id);
    app.org().apps.push(doc.clone());
    Ok(wire(StatusCode::OK, &doc))
}

fn links(base: &str, id: &str) -> Value {
    json!({
        "groups": {"href": format!("{base}/api/v1/apps/{id}/groups")},
        "self": {"href": format!("{base}/api/v1/apps/{id}")},
        "deactivate": {"href": format!("{base}/api/v1/apps/{id}/lifecycle/deactivate")},
    })
}

async fn get_app(State(app): State<Arc<Okta>>, Path(id): Path<String>) -> Answer {
    Ok(wire(StatusCode::OK, &find_app(&app, &id)?))
}

/// A replace: the whole document, keeping what the server owns (id, status, dates, client id).
async fn replace_app(State(app): State<Arc<Okta>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let body = parse_json(&body)?;
    validate_oidc(&body)?;
    let before = find_app(&app, &id)?;
    let mut doc = body;
    for key in ["id", "status", "created"] {
        doc[key] = before[key].clone();
    }
    doc["credentials"]["oauthClient"]["client_id"] = json!(id);
    doc["lastUpdated"] = json!(iso8601_now());
    doc["_links"] = links(&app.base_url, &id);
    let mut org = app.org();
    if let Some(slot) = org.apps.iter_mut().find(|a| a["id"] == id.as_str()) {
        *slot = doc.clone();
    }
    Ok(wire(StatusCode::OK, &doc))
}

/// An active app cannot be deleted (E0000056, notes/okta.md §B.4).
async fn delete_app(State(app): State<Arc<Okta>>, Path(id): Path<String>) -> Answer {
    if find_app(&app, &id)?["status"] == "ACTIVE" {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "E0000056",
            "Delete application forbidden.",
        ));
    }
    let mut org = app.org();
    org.apps.retain(|a| a["id"] != id.as_str());
    org.assignments.retain(|(a, _)| *a != id);
    Ok(axum::response::IntoResponse::into_response(
        StatusCode::NO_CONTENT,
    ))
}

/// Apps answer 200 `{}` to lifecycle calls (TF-VCR deactivate), unlike servers' 204.
async fn app_lifecycle(
    State(app): State<Arc<Okta>>,
    Path((id, action)): Path<(String, String)>,
) -> Answer {
    let status = lifecycle_status(&action)?;
    find_app(&app, &id)?;
    let mut org = app.org();
    if let Some(a) = org.apps.iter_mut().find(|a| a["id"] == id.as_str()) {
        a["status"] = json!(status);
    }
    Ok(wire(StatusCode::OK, &json!({})))
}

/// TF-VCR TestAccResourceOktaAppGroupAssignment_crud #16.
fn assignment_doc(base: &str, app_id: &str, group_id: &str, priority: usize) -> Value {
    json!({
        "id": group_id,
        "lastUpdated": iso8601_now(),
        "priority": priority,
        "profile": {},
        "_links": {
            "app": {"href": format!("{base}/api/v1/apps/{app_id}")},
            "self": {"href": format!("{base}/api/v1/apps/{app_id}/groups/{group_id}")},
            "group": {"href": format!("{base}/api/v1/groups/{group_id}")},
        },
    })
}

fn assignments_of(app: &Okta, app_id: &str) -> Vec<String> {
    app.org()
        .assignments
        .iter()
        .filter(|(a, _)| a == app_id)
        .map(|(_, g)| g.clone())
        .collect()
}

async fn list_assignments(
    State(app): State<Arc<Okta>>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Answer {
    find_app(&app, &id)?;
    let params = Params::parse(q.as_deref());
    let items = assignments_of(&app, &id)
        .iter()
        .enumerate()
        .map(|(i, g)| assignment_doc(&app.base_url, &id, g, i + 1))
        .collect();
    page(
        &app.base_url,
        &format!("/api/v1/apps/{id}/groups"),
        &params,
        items,
    )
}

async fn get_assignment(
    State(app): State<Arc<Okta>>,
    Path((id, gid)): Path<(String, String)>,
) -> Answer {
    find_app(&app, &id)?;
    let groups = assignments_of(&app, &id);
    match groups.iter().position(|g| *g == gid) {
        Some(i) => Ok(wire(
            StatusCode::OK,
            &assignment_doc(&app.base_url, &id, &gid, i + 1),
        )),
        None => Err(ApiError::not_found(&gid, "ApplicationGroupAssignment")),
    }
}

async fn assign(State(app): State<Arc<Okta>>, Path((id, gid)): Path<(String, String)>) -> Answer {
    find_app(&app, &id)?;
    let mut org = app.org();
    if !org.groups.iter().any(|g| g["id"] == gid.as_str()) {
        return Err(ApiError::not_found(&gid, "UserGroup"));
    }
    if !org.assignments.iter().any(|(a, g)| *a == id && *g == gid) {
        org.assignments.push((id.clone(), gid.clone()));
    }
    let priority = org
        .assignments
        .iter()
        .filter(|(a, _)| *a == id)
        .position(|(_, g)| *g == gid)
        .unwrap_or(0)
        + 1;
    Ok(wire(
        StatusCode::OK,
        &assignment_doc(&app.base_url, &id, &gid, priority),
    ))
}

async fn unassign(State(app): State<Arc<Okta>>, Path((id, gid)): Path<(String, String)>) -> Answer {
    app.org()
        .assignments
        .retain(|(a, g)| !(*a == id && *g == gid));
    Ok(axum::response::IntoResponse::into_response(
        StatusCode::NO_CONTENT,
    ))
}

/// `q` is a name-prefix search (SPEC-MGMT listGroups).
async fn list_groups(State(app): State<Arc<Okta>>, RawQuery(q): RawQuery) -> Answer {
    let params = Params::parse(q.as_deref());
    let prefix = params.get("q").map(str::to_lowercase);
    let items: Vec<Value> = app
        .org()
        .groups
        .iter()
        .filter(|g| {
            prefix.as_deref().is_none_or(|p| {
                g["profile"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_lowercase()
                    .starts_with(p)
            })
        })
        .cloned()
        .collect();
    page(&app.base_url, "/api/v1/groups", &params, items)
}
