//! Custom authorization servers and what hangs off them: scopes, access policies, rules
//! (notes/okta.md §A.2–§A.5), and their public metadata documents (§A.3).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{
    Answer, ApiError, AuthServerRecord, Okta, OktaOrg, PolicyRecord, lifecycle_status, okta_id,
    page, parse_json, wire,
};
use crate::clock::iso8601_now;
use crate::query::Params;

const SERVERS: &str = "/api/v1/authorizationServers";

/// The system scopes every new custom server has (PY-VCR `test_list_oauth2_scopes`).
const SYSTEM_SCOPES: &[&str] = &[
    "openid",
    "profile",
    "email",
    "address",
    "phone",
    "offline_access",
    "device_sso",
];

pub(crate) fn routes() -> Router<Arc<Okta>> {
    Router::new()
        .route(SERVERS, get(list_servers).post(create_server))
        .route(
            "/api/v1/authorizationServers/{id}",
            get(get_server).put(replace_server).delete(delete_server),
        )
        .route(
            "/api/v1/authorizationServers/{id}/lifecycle/{action}",
            post(server_lifecycle),
        )
        .route(
            "/api/v1/authorizationServers/{id}/scopes",
            get(list_scopes).post(create_scope),
        )
        .route(
            "/api/v1/authorizationServers/{id}/scopes/{sid}",
            get(get_scope).put(replace_scope).delete(delete_scope),
        )
        .route(
            "/api/v1/authorizationServers/{id}/policies",
            get(list_policies).post(create_policy),
        )
        .route(
            "/api/v1/authorizationServers/{id}/policies/{pid}",
            get(get_policy).put(replace_policy).delete(delete_policy),
        )
        .route(
            "/api/v1/authorizationServers/{id}/policies/{pid}/rules",
            get(list_rules).post(create_rule),
        )
        .route(
            "/api/v1/authorizationServers/{id}/policies/{pid}/rules/{rid}",
            get(get_rule).put(replace_rule).delete(delete_rule),
        )
        .route(
            "/api/v1/authorizationServers/{id}/policies/{pid}/rules/{rid}/lifecycle/{action}",
            post(rule_lifecycle),
        )
}

/// Both the issuer-relative documents and the RFC 8414 path-inserted form DOCS
/// `concepts/auth-servers` lists (notes/okta.md §A.3).
pub(crate) fn metadata_routes() -> Router<Arc<Okta>> {
    Router::new()
        .route(
            "/.well-known/oauth-authorization-server/oauth2/{id}",
            get(metadata),
        )
        .route(
            "/oauth2/{id}/.well-known/oauth-authorization-server",
            get(metadata),
        )
        .route(
            "/oauth2/{id}/.well-known/openid-configuration",
            get(metadata),
        )
}

fn server_mut<'a>(org: &'a mut OktaOrg, id: &str) -> Result<&'a mut AuthServerRecord, ApiError> {
    org.servers
        .iter_mut()
        .find(|s| s.doc["id"] == id)
        .ok_or_else(|| ApiError::not_found(id, "AuthorizationServer"))
}

fn policy_mut<'a>(
    org: &'a mut OktaOrg,
    id: &str,
    pid: &str,
) -> Result<&'a mut PolicyRecord, ApiError> {
    server_mut(org, id)?
        .policies
        .iter_mut()
        .find(|p| p.doc["id"] == pid)
        .ok_or_else(|| ApiError::not_found(pid, "Policy"))
}

fn ok(doc: &Value) -> Answer {
    Ok(wire(StatusCode::OK, doc))
}

fn created(doc: &Value) -> Answer {
    Ok(wire(StatusCode::CREATED, doc))
}

fn no_content() -> Answer {
    Ok(axum::response::IntoResponse::into_response(
        StatusCode::NO_CONTENT,
    ))
}

fn required_string(body: &Value, field: &str, causes: &mut Vec<String>) {
    if body[field].as_str().is_none_or(|s| s.trim().is_empty()) {
        causes.push(format!("{field}: The field cannot be left blank"));
    }
}

/// A policy's `name` is 1–100 characters, its `description` (where the authsetup mark goes)
/// 1–255 (notes/okta.md §A.5, SPEC-MGMT).
fn policy_lengths(body: &Value, causes: &mut Vec<String>) {
    for (field, max) in [("name", 100), ("description", 255)] {
        if let Some(text) = body[field].as_str()
            && !(1..=max).contains(&text.chars().count())
        {
            causes.push(format!("{field}: must be between 1 and {max} characters"));
        }
    }
}

async fn list_servers(State(app): State<Arc<Okta>>, RawQuery(q): RawQuery) -> Answer {
    let params = Params::parse(q.as_deref());
    // `q` searches names and audiences (SPEC-MGMT), so it matches more than the exact name.
    let needle = params.get("q").map(str::to_lowercase);
    let items: Vec<Value> = app
        .org()
        .servers
        .iter()
        .map(|s| s.doc.clone())
        .filter(|d| {
            needle.as_ref().is_none_or(|n| {
                d["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_lowercase()
                    .contains(n)
                    || d["audiences"].as_array().is_some_and(|a| {
                        a.iter()
                            .any(|x| x.as_str().unwrap_or_default().to_lowercase().contains(n))
                    })
            })
        })
        .collect();
    page(&app.base_url, SERVERS, &params, items)
}

async fn create_server(State(app): State<Arc<Okta>>, body: Bytes) -> Answer {
    let body = parse_json(&body)?;
    let mut causes = Vec::new();
    required_string(&body, "name", &mut causes);
    match body["audiences"].as_array() {
        Some(a) if a.len() == 1 && a[0].is_string() => {}
        // "Okta currently supports only one audience" (SPEC-MGMT AuthorizationServer.audiences)
        _ => causes.push("audiences: Exactly one audience is supported".into()),
    }
    if !causes.is_empty() {
        return Err(ApiError::validation("authorizationServer", &causes));
    }
    let id = okta_id("aus");
    let base = &app.base_url;
    let now = iso8601_now();
    // PY-VCR test_policy_rules_lifecycle, 201 body
    let doc = json!({
        "id": id,
        "name": body["name"],
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "audiences": body["audiences"],
        "issuer": format!("{base}/oauth2/{id}"),
        "issuerMode": body.get("issuerMode").cloned().unwrap_or(json!("DYNAMIC")),
        "status": "ACTIVE",
        "created": now,
        "lastUpdated": now,
        "credentials": {"signing": {"kid": okta_id("sig"), "rotationMode": "AUTO", "lastRotated": now, "nextRotation": now}},
        "default": false,
        "_links": {
            "self": {"href": format!("{base}{SERVERS}/{id}")},
            "metadata": [
                {"name": "oauth-authorization-server", "href": format!("{base}/oauth2/{id}/.well-known/oauth-authorization-server"), "hints": {"allow": ["GET"]}},
                {"name": "openid-configuration", "href": format!("{base}/oauth2/{id}/.well-known/openid-configuration"), "hints": {"allow": ["GET"]}},
            ],
            "scopes": {"href": format!("{base}{SERVERS}/{id}/scopes")},
            "policies": {"href": format!("{base}{SERVERS}/{id}/policies")},
        },
    });
    let scopes = SYSTEM_SCOPES
        .iter()
        .map(|name| {
            scope_doc(
                &format!("{base}{SERVERS}/{id}/scopes"),
                &json!({"name": name, "metadataPublish": "ALL_CLIENTS"}),
                true,
            )
        })
        .collect();
    app.org().servers.push(AuthServerRecord {
        doc: doc.clone(),
        scopes,
        policies: Vec::new(),
    });
    created(&doc)
}

async fn get_server(State(app): State<Arc<Okta>>, Path(id): Path<String>) -> Answer {
    ok(&server_mut(&mut app.org(), &id)?.doc)
}

/// A replace: the fields authsetup and Terraform send; read-only ones are kept (§A.2).
async fn replace_server(
    State(app): State<Arc<Okta>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let body = parse_json(&body)?;
    let mut org = app.org();
    let server = server_mut(&mut org, &id)?;
    for key in ["name", "description", "audiences", "issuerMode"] {
        if let Some(v) = body.get(key) {
            server.doc[key] = v.clone();
        }
    }
    server.doc["lastUpdated"] = json!(iso8601_now());
    ok(&server.doc)
}

async fn delete_server(State(app): State<Arc<Okta>>, Path(id): Path<String>) -> Answer {
    let mut org = app.org();
    server_mut(&mut org, &id)?;
    org.servers.retain(|s| s.doc["id"] != id.as_str());
    no_content()
}

async fn server_lifecycle(
    State(app): State<Arc<Okta>>,
    Path((id, action)): Path<(String, String)>,
) -> Answer {
    let status = lifecycle_status(&action)?;
    server_mut(&mut app.org(), &id)?.doc["status"] = json!(status);
    no_content()
}

/// TF-VCR TestAccResourceOktaAuthServerScope_crud, 201 body.
/// `scopes` is the collection's URL, for `_links.self`.
fn scope_doc(scopes: &str, body: &Value, system: bool) -> Value {
    let text = |k: &str, d: &str| body.get(k).cloned().unwrap_or(json!(d));
    let id = okta_id("scp");
    json!({
        "id": id,
        "name": body["name"],
        "displayName": text("displayName", ""),
        "description": text("description", ""),
        "system": system,
        "metadataPublish": text("metadataPublish", "NO_CLIENTS"),
        "consent": text("consent", "IMPLICIT"),
        "optional": body.get("optional").cloned().unwrap_or(json!(false)),
        "apiResourceId": null,
        "default": body.get("default").cloned().unwrap_or(json!(false)),
        "_links": {"self": {"href": format!("{scopes}/{id}"), "hints": {"allow": ["GET", "PUT", "DELETE"]}}},
    })
}

async fn list_scopes(
    State(app): State<Arc<Okta>>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Answer {
    let params = Params::parse(q.as_deref());
    let items = server_mut(&mut app.org(), &id)?.scopes.clone();
    page(
        &app.base_url,
        &format!("{SERVERS}/{id}/scopes"),
        &params,
        items,
    )
}

async fn create_scope(State(app): State<Arc<Okta>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let body = parse_json(&body)?;
    let mut causes = Vec::new();
    required_string(&body, "name", &mut causes);
    let mut org = app.org();
    let server = server_mut(&mut org, &id)?;
    if server.scopes.iter().any(|s| s["name"] == body["name"]) {
        causes.push("name: A scope with this name already exists".into());
    }
    if !causes.is_empty() {
        return Err(ApiError::validation("name", &causes));
    }
    let doc = scope_doc(
        &format!("{}{SERVERS}/{id}/scopes", app.base_url),
        &body,
        false,
    );
    server.scopes.push(doc.clone());
    created(&doc)
}

fn scope_mut<'a>(org: &'a mut OktaOrg, id: &str, sid: &str) -> Result<&'a mut Value, ApiError> {
    server_mut(org, id)?
        .scopes
        .iter_mut()
        .find(|s| s["id"] == sid)
        .ok_or_else(|| ApiError::not_found(sid, "OAuth2Scope"))
}

async fn get_scope(
    State(app): State<Arc<Okta>>,
    Path((id, sid)): Path<(String, String)>,
) -> Answer {
    ok(scope_mut(&mut app.org(), &id, &sid)?)
}

async fn replace_scope(
    State(app): State<Arc<Okta>>,
    Path((id, sid)): Path<(String, String)>,
    body: Bytes,
) -> Answer {
    let body = parse_json(&body)?;
    let mut org = app.org();
    let scope = scope_mut(&mut org, &id, &sid)?;
    for key in [
        "name",
        "displayName",
        "description",
        "consent",
        "metadataPublish",
        "default",
        "optional",
    ] {
        if let Some(v) = body.get(key) {
            scope[key] = v.clone();
        }
    }
    ok(scope)
}

async fn delete_scope(
    State(app): State<Arc<Okta>>,
    Path((id, sid)): Path<(String, String)>,
) -> Answer {
    let mut org = app.org();
    scope_mut(&mut org, &id, &sid)?;
    server_mut(&mut org, &id)?
        .scopes
        .retain(|s| s["id"] != sid.as_str());
    no_content()
}

async fn list_policies(
    State(app): State<Arc<Okta>>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Answer {
    let params = Params::parse(q.as_deref());
    let items: Vec<Value> = server_mut(&mut app.org(), &id)?
        .policies
        .iter()
        .map(|p| p.doc.clone())
        .collect();
    page(
        &app.base_url,
        &format!("{SERVERS}/{id}/policies"),
        &params,
        items,
    )
}

/// Checks and normalises a policy: a missing `conditions` becomes `include: []`, a policy that
/// applies to no client (PY-VCR rules cassette); unknown client ids are refused
/// (articulate/terraform-provider-okta#360).
fn policy_conditions(org: &OktaOrg, body: &Value) -> Result<Value, ApiError> {
    let include = body
        .pointer("/conditions/clients/include")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for client in &include {
        let known = client == "ALL_CLIENTS" || org.apps.iter().any(|a| a["id"] == *client);
        if !known {
            return Err(ApiError::validation(
                "conditions.clients.include",
                &[format!(
                    "conditions.clients.include: Resource not found: {}",
                    client.as_str().unwrap_or_default()
                )],
            ));
        }
    }
    Ok(json!({"clients": {"include": include}}))
}

async fn create_policy(
    State(app): State<Arc<Okta>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let body = parse_json(&body)?;
    let mut causes = Vec::new();
    required_string(&body, "name", &mut causes);
    if body["type"] != "OAUTH_AUTHORIZATION_POLICY" {
        causes.push("type: must be OAUTH_AUTHORIZATION_POLICY".into());
    }
    policy_lengths(&body, &mut causes);
    if !causes.is_empty() {
        return Err(ApiError::validation("policy", &causes));
    }
    let mut org = app.org();
    let conditions = policy_conditions(&org, &body)?;
    let base = app.base_url.clone();
    let server = server_mut(&mut org, &id)?;
    let pid = okta_id("00p");
    let now = iso8601_now();
    // TF-VCR TestAccResourceOktaAuthServerPolicyRule_create #6, 201 body
    let doc = json!({
        "id": pid,
        "status": body.get("status").cloned().unwrap_or(json!("ACTIVE")),
        "name": body["name"],
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "priority": server.policies.len() + 1,
        "system": false,
        "conditions": conditions,
        "created": now,
        "lastUpdated": now,
        "_links": {
            "self": {"href": format!("{base}{SERVERS}/{id}/policies/{pid}")},
            "rules": {"href": format!("{base}{SERVERS}/{id}/policies/{pid}/rules")},
        },
        "type": "OAUTH_AUTHORIZATION_POLICY",
    });
    server.policies.push(PolicyRecord {
        doc: doc.clone(),
        rules: Vec::new(),
    });
    created(&doc)
}

async fn get_policy(
    State(app): State<Arc<Okta>>,
    Path((id, pid)): Path<(String, String)>,
) -> Answer {
    ok(&policy_mut(&mut app.org(), &id, &pid)?.doc)
}

async fn replace_policy(
    State(app): State<Arc<Okta>>,
    Path((id, pid)): Path<(String, String)>,
    body: Bytes,
) -> Answer {
    let body = parse_json(&body)?;
    let mut causes = Vec::new();
    policy_lengths(&body, &mut causes);
    if !causes.is_empty() {
        return Err(ApiError::validation("policy", &causes));
    }
    let mut org = app.org();
    let conditions = policy_conditions(&org, &body)?;
    let policy = policy_mut(&mut org, &id, &pid)?;
    for key in ["name", "description", "status", "priority"] {
        if let Some(v) = body.get(key) {
            policy.doc[key] = v.clone();
        }
    }
    policy.doc["conditions"] = conditions;
    policy.doc["lastUpdated"] = json!(iso8601_now());
    ok(&policy.doc)
}

async fn delete_policy(
    State(app): State<Arc<Okta>>,
    Path((id, pid)): Path<(String, String)>,
) -> Answer {
    let mut org = app.org();
    policy_mut(&mut org, &id, &pid)?;
    server_mut(&mut org, &id)?
        .policies
        .retain(|p| p.doc["id"] != pid.as_str());
    no_content()
}

async fn list_rules(
    State(app): State<Arc<Okta>>,
    Path((id, pid)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> Answer {
    let params = Params::parse(q.as_deref());
    let items = policy_mut(&mut app.org(), &id, &pid)?.rules.clone();
    page(
        &app.base_url,
        &format!("{SERVERS}/{id}/policies/{pid}/rules"),
        &params,
        items,
    )
}

/// The conditions as Okta returns them: `people.users.exclude` added (PY-VCR rules cassette).
fn rule_conditions(body: &Value) -> Result<Value, ApiError> {
    let c = &body["conditions"];
    let grants = c.pointer("/grantTypes/include").and_then(Value::as_array);
    if grants.is_none_or(Vec::is_empty) {
        return Err(ApiError::validation(
            "conditions.grantTypes",
            &["conditions.grantTypes.include: The field cannot be left blank".into()],
        ));
    }
    let groups = c
        .pointer("/people/groups/include")
        .cloned()
        .unwrap_or(json!([]));
    let users = c.pointer("/people/users/include").cloned();
    let mut people = json!({"users": {"exclude": []}, "groups": {"include": groups}});
    if let Some(u) = users {
        people["users"]["include"] = u;
    }
    Ok(json!({
        "people": people,
        "grantTypes": {"include": grants},
        "scopes": {"include": c.pointer("/scopes/include").cloned().unwrap_or(json!([]))},
    }))
}

async fn create_rule(
    State(app): State<Arc<Okta>>,
    Path((id, pid)): Path<(String, String)>,
    body: Bytes,
) -> Answer {
    let body = parse_json(&body)?;
    let mut causes = Vec::new();
    required_string(&body, "name", &mut causes);
    if body["type"] != "RESOURCE_ACCESS" {
        causes.push("type: must be RESOURCE_ACCESS".into());
    }
    if !causes.is_empty() {
        return Err(ApiError::validation("rule", &causes));
    }
    let conditions = rule_conditions(&body)?;
    let base = app.base_url.clone();
    let mut org = app.org();
    let policy = policy_mut(&mut org, &id, &pid)?;
    let rid = okta_id("0pr");
    let now = iso8601_now();
    // Okta keeps priorities 1..n without gaps (terraform-provider-okta#1198).
    let last = policy.rules.len() as u64 + 1;
    let priority = body["priority"].as_u64().unwrap_or(last).clamp(1, last);
    for r in policy.rules.iter_mut() {
        if r["priority"].as_u64().unwrap_or(0) >= priority {
            r["priority"] = json!(r["priority"].as_u64().unwrap_or(0) + 1);
        }
    }
    // PY-VCR test_policy_rules_lifecycle, 201 body
    let doc = json!({
        "id": rid,
        "status": body.get("status").cloned().unwrap_or(json!("ACTIVE")),
        "name": body["name"],
        "priority": priority,
        "created": now,
        "lastUpdated": now,
        "system": false,
        "conditions": conditions,
        "actions": body.get("actions").cloned().unwrap_or(json!({"token": {
            "accessTokenLifetimeMinutes": 60,
            "refreshTokenLifetimeMinutes": 0,
            "refreshTokenWindowMinutes": 10080,
        }})),
        "_links": {"self": {"href": format!("{base}{SERVERS}/{id}/policies/{pid}/rules/{rid}")}},
        "type": "RESOURCE_ACCESS",
    });
    policy.rules.push(doc.clone());
    created(&doc)
}

fn rule_mut<'a>(policy: &'a mut PolicyRecord, rid: &str) -> Result<&'a mut Value, ApiError> {
    policy
        .rules
        .iter_mut()
        .find(|r| r["id"] == rid)
        .ok_or_else(|| ApiError::not_found(rid, "PolicyRule"))
}

async fn get_rule(
    State(app): State<Arc<Okta>>,
    Path((id, pid, rid)): Path<(String, String, String)>,
) -> Answer {
    let mut org = app.org();
    ok(rule_mut(policy_mut(&mut org, &id, &pid)?, &rid)?)
}

async fn replace_rule(
    State(app): State<Arc<Okta>>,
    Path((id, pid, rid)): Path<(String, String, String)>,
    body: Bytes,
) -> Answer {
    let body = parse_json(&body)?;
    let conditions = rule_conditions(&body)?;
    let mut org = app.org();
    let rule = rule_mut(policy_mut(&mut org, &id, &pid)?, &rid)?;
    for key in ["name", "status", "actions"] {
        if let Some(v) = body.get(key) {
            rule[key] = v.clone();
        }
    }
    rule["conditions"] = conditions;
    rule["lastUpdated"] = json!(iso8601_now());
    ok(rule)
}

async fn delete_rule(
    State(app): State<Arc<Okta>>,
    Path((id, pid, rid)): Path<(String, String, String)>,
) -> Answer {
    let mut org = app.org();
    let policy = policy_mut(&mut org, &id, &pid)?;
    rule_mut(policy, &rid)?;
    policy.rules.retain(|r| r["id"] != rid.as_str());
    no_content()
}

async fn rule_lifecycle(
    State(app): State<Arc<Okta>>,
    Path((id, pid, rid, action)): Path<(String, String, String, String)>,
) -> Answer {
    let status = lifecycle_status(&action)?;
    let mut org = app.org();
    rule_mut(policy_mut(&mut org, &id, &pid)?, &rid)?["status"] = json!(status);
    no_content()
}

/// SPEC-OAUTH `CustomASOAuthMetadata` and the real org metadata in TF-VCR: custom scopes appear
/// only with `metadataPublish: ALL_CLIENTS`; no `authorization_response_iss_parameter_supported`.
async fn metadata(State(app): State<Arc<Okta>>, Path(id): Path<String>) -> Answer {
    let mut org = app.org();
    let server = server_mut(&mut org, &id)?;
    if server.doc["status"] != "ACTIVE" {
        return Err(ApiError::not_found(&id, "AuthorizationServer"));
    }
    let issuer = server.doc["issuer"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let base = &app.base_url;
    let scopes: Vec<Value> = server
        .scopes
        .iter()
        .filter(|s| s["metadataPublish"] == "ALL_CLIENTS")
        .map(|s| s["name"].clone())
        .collect();
    ok(&json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/v1/authorize"),
        "token_endpoint": format!("{issuer}/v1/token"),
        "registration_endpoint": format!("{base}/oauth2/v1/clients"),
        "jwks_uri": format!("{issuer}/v1/keys"),
        "response_types_supported": ["code", "token", "id_token", "code id_token", "code token", "id_token token", "code id_token token"],
        "response_modes_supported": ["query", "fragment", "form_post", "okta_post_message"],
        "grant_types_supported": ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"],
        "subject_types_supported": ["public"],
        "scopes_supported": scopes,
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"],
        "claims_supported": ["ver", "jti", "iss", "aud", "iat", "exp", "cid", "uid", "scp", "sub"],
        "code_challenge_methods_supported": ["S256"],
        "introspection_endpoint": format!("{issuer}/v1/introspect"),
        "revocation_endpoint": format!("{issuer}/v1/revoke"),
        "end_session_endpoint": format!("{issuer}/v1/logout"),
        "request_parameter_supported": true,
        "dpop_signing_alg_values_supported": ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"],
    }))
}

#[cfg(test)]
mod tests {
    use reqwest::Method;
    use serde_json::{Value, json};

    use super::SERVERS;
    use crate::SandboxConfig;
    use crate::okta::OktaSandbox;

    #[tokio::test]
    async fn a_policy_description_is_kept_within_its_documented_length() {
        let o = OktaSandbox::start(SandboxConfig::default()).await.unwrap();
        let http = reqwest::Client::new();
        let call = |method: Method, path: String, body: Value| {
            http.request(method, format!("{}{path}", o.base_url()))
                .header("Authorization", format!("SSWS {}", o.api_token()))
                .json(&body)
                .send()
        };
        let server: Value = call(
            Method::POST,
            SERVERS.into(),
            json!({"name": "s", "description": "d", "audiences": ["https://a.example.com/"]}),
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        let policies = format!("{SERVERS}/{}/policies", server["id"].as_str().unwrap());
        let policy = |description: String| {
            json!({"type": "OAUTH_AUTHORIZATION_POLICY", "name": "p", "description": description,
                "conditions": {"clients": {"include": ["ALL_CLIENTS"]}}})
        };
        let created = call(Method::POST, policies.clone(), policy("x".repeat(255)))
            .await
            .unwrap();
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        assert_eq!(created["description"], "x".repeat(255));
        let one = format!("{policies}/{}", created["id"].as_str().unwrap());
        for (method, path) in [(Method::POST, policies), (Method::PUT, one)] {
            let refused = call(method, path, policy("x".repeat(256))).await.unwrap();
            assert_eq!(refused.status(), 400);
            let body: Value = refused.json().await.unwrap();
            assert_eq!(body["errorCode"], "E0000001");
            assert_eq!(
                body["errorCauses"][0]["errorSummary"],
                "description: must be between 1 and 255 characters"
            );
        }
    }
}
