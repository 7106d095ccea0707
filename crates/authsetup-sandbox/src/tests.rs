//! End-to-end checks of the emulator over real HTTP, for behaviour the recordings do not cover
//! (authsetup's tests/it/replay_auth0.rs replays those).

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

use super::*;

async fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig::default()).await.unwrap()
}

fn admin(s: &Sandbox) -> String {
    s.issue_token(Sandbox::all_scopes())
}

async fn call(
    s: &Sandbox,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Response {
    let mut req = Client::new().request(method.parse().unwrap(), format!("{}{path}", s.base_url()));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if let Some(body) = body {
        req = req.json(&body);
    }
    req.send().await.unwrap()
}

async fn json_of(resp: Response) -> (StatusCode, Value) {
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn api(s: &Sandbox, method: &str, path: &str, body: Option<Value>) -> (StatusCode, Value) {
    json_of(call(s, method, path, Some(&admin(s)), body).await).await
}

#[tokio::test]
async fn client_credentials_token_opens_the_management_api() {
    let s = sandbox().await;
    let audience = format!("{}/api/v2/", s.base_url());
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", &s.client_id()),
        ("client_secret", &s.client_secret()),
        ("audience", &audience),
    ];
    let resp = Client::new()
        .post(format!("{}/oauth/token", s.base_url()))
        .form(&form)
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(resp).await;
    assert_eq!(status, 200);
    assert_eq!(body["expires_in"], 86400);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], Sandbox::all_scopes().join(" "));
    let token = body["access_token"].as_str().unwrap();
    let (status, _) =
        json_of(call(&s, "GET", "/api/v2/tenants/settings", Some(token), None).await).await;
    assert_eq!(status, 200);

    // JSON works too; a wrong audience or secret does not
    let token_call = |body: Value| {
        Client::new()
            .post(format!("{}/oauth/token", s.base_url()))
            .json(&body)
            .send()
    };
    let good = json!({"grant_type": "client_credentials", "client_id": s.client_id(), "client_secret": s.client_secret(), "audience": audience});
    assert_eq!(token_call(good.clone()).await.unwrap().status(), 200);
    let mut no_slash = good.clone();
    no_slash["audience"] = json!(format!("{}/api/v2", s.base_url()));
    let (status, body) = json_of(token_call(no_slash).await.unwrap()).await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({"error": "access_denied", "error_description": format!("Service not enabled within domain: {}/api/v2", s.base_url())})
    );
    let mut bad_secret = good;
    bad_secret["client_secret"] = json!("nope");
    let (status, body) = json_of(token_call(bad_secret).await.unwrap()).await;
    assert_eq!(
        (status.as_u16(), body),
        (
            401,
            json!({"error": "access_denied", "error_description": "Unauthorized"})
        )
    );
}

#[tokio::test]
async fn bearer_tokens_and_scopes_are_enforced() {
    let s = sandbox().await;
    let (status, body) =
        json_of(call(&s, "GET", "/api/v2/resource-servers", None, None).await).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"statusCode": 401, "error": "Unauthorized", "message": "Missing authentication"})
    );

    let other = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let foreign = other.issue_token(Sandbox::all_scopes());
    let (status, body) =
        json_of(call(&s, "GET", "/api/v2/resource-servers", Some(&foreign), None).await).await;
    assert_eq!(
        (status.as_u16(), body["message"].clone()),
        (401, json!("Invalid token"))
    );

    let reader = s.issue_token(&["read:resource_servers"]);
    let (status, body) = json_of(
        call(
            &s,
            "POST",
            "/api/v2/resource-servers",
            Some(&reader),
            Some(json!({"identifier": "x"})),
        )
        .await,
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({"statusCode": 403, "error": "Forbidden", "message": "Insufficient scope, expected any of: create:resource_servers", "errorCode": "insufficient_scope"})
    );

    // the token's claims are readable by clients
    use base64::Engine;
    let payload = reader.split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["scope"], "read:resource_servers");
    assert_eq!(claims["iss"], format!("{}/", s.base_url()));
    assert_eq!(claims["aud"], format!("{}/api/v2/", s.base_url()));
    assert_eq!(claims["gty"], "client-credentials");
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_auth0_headers() {
    let s = Sandbox::start(SandboxConfig {
        rate_limit: Some(RateLimit::FREE_TIER),
        ..Default::default()
    })
    .await
    .unwrap();
    let token = admin(&s);
    let first = call(&s, "GET", "/api/v2/clients", Some(&token), None).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["x-ratelimit-limit"], "2");
    assert_eq!(first.headers()["x-ratelimit-remaining"], "1");
    let reset: u64 = first.headers()["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(reset >= clock::epoch_seconds() && reset <= clock::epoch_seconds() + 2);

    assert_eq!(
        call(&s, "GET", "/api/v2/nope", Some(&token), None)
            .await
            .status(),
        404
    );
    let limited = call(&s, "GET", "/api/v2/clients", Some(&token), None).await;
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.headers()["retry-after"], "1");
    assert_eq!(limited.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(
        limited.json::<Value>().await.unwrap(),
        json!({"statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached", "errorCode": "too_many_requests"})
    );
    // the token endpoint and discovery are not behind the Management API limiter
    let discovery = call(&s, "GET", "/.well-known/openid-configuration", None, None).await;
    assert_eq!(discovery.status(), 200);
    assert!(discovery.headers().get("x-ratelimit-limit").is_none());

    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        call(&s, "GET", "/api/v2/clients", Some(&token), None)
            .await
            .status(),
        200
    );

    let quiet = Sandbox::start(SandboxConfig {
        rate_limit: Some(RateLimit {
            per_second: 1,
            burst: 1,
            retry_after: false,
        }),
        ..Default::default()
    })
    .await
    .unwrap();
    let token = admin(&quiet);
    call(&quiet, "GET", "/api/v2/clients", Some(&token), None).await;
    let limited = call(&quiet, "GET", "/api/v2/clients", Some(&token), None).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().get("retry-after").is_none());
    assert!(limited.headers().get("x-ratelimit-reset").is_some());
    // no limiter, no headers
    let unlimited = sandbox().await;
    assert!(
        call(&unlimited, "GET", "/api/v2/clients", None, None)
            .await
            .headers()
            .get("x-ratelimit-limit")
            .is_none()
    );
}

#[tokio::test]
async fn faults_fail_the_next_matching_requests_only() {
    let s = sandbox().await;
    let token = admin(&s);
    s.inject(Fault::new(FaultKind::Status(503), "/api/v2/resource-servers").times(2));
    for _ in 0..2 {
        let (status, body) =
            json_of(call(&s, "GET", "/api/v2/resource-servers", Some(&token), None).await).await;
        assert_eq!(status, 503);
        assert_eq!(
            body,
            json!({"statusCode": 503, "error": "Service Unavailable", "message": "Service Unavailable"})
        );
    }
    assert_eq!(
        call(&s, "GET", "/api/v2/resource-servers", Some(&token), None)
            .await
            .status(),
        200
    );

    s.inject(Fault::new(FaultKind::Html(502), "/api/v2/").method("PATCH"));
    assert_eq!(
        call(&s, "GET", "/api/v2/tenants/settings", Some(&token), None)
            .await
            .status(),
        200
    );
    let html = call(
        &s,
        "PATCH",
        "/api/v2/tenants/settings",
        Some(&token),
        Some(json!({"friendly_name": "x"})),
    )
    .await;
    assert_eq!(html.status(), 502);
    assert!(
        html.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.text().await.unwrap().contains("502 Bad Gateway"));
    let (_, settings) = api(&s, "GET", "/api/v2/tenants/settings", None).await;
    assert_eq!(
        settings["friendly_name"], "authsetup sandbox",
        "a faulted request changes nothing"
    );

    s.inject(Fault::new(FaultKind::Truncated, "/api/v2/clients"));
    let truncated = call(&s, "GET", "/api/v2/clients", Some(&token), None).await;
    assert_eq!(truncated.status(), 200);
    let text = truncated.text().await.unwrap();
    assert!(text.starts_with('{') && serde_json::from_str::<Value>(&text).is_err());

    s.inject(Fault::new(FaultKind::Reset, "/oauth/token"));
    let reset = Client::new()
        .post(format!("{}/oauth/token", s.base_url()))
        .body("x")
        .send()
        .await;
    assert!(
        reset.is_err(),
        "expected a dropped connection, got {reset:?}"
    );

    s.inject(Fault::new(FaultKind::Hang, "/api/v2/connections"));
    let hung = Client::new()
        .get(format!("{}/api/v2/connections", s.base_url()))
        .bearer_auth(&token)
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(hung.unwrap_err().is_timeout());

    let statuses: Vec<(String, u16)> = s
        .requests()
        .iter()
        .map(|r| (r.path.clone(), r.status))
        .collect();
    assert!(statuses.contains(&("/oauth/token".into(), 0)));
    assert!(statuses.contains(&("/api/v2/connections".into(), 0)));
    assert!(statuses.contains(&("/api/v2/tenants/settings".into(), 502)));
}

#[tokio::test]
async fn the_log_records_requests_and_counts_rounds() {
    let s = Sandbox::start(SandboxConfig {
        latency: Duration::from_millis(40),
        ..Default::default()
    })
    .await
    .unwrap();
    let token = admin(&s);
    let path = "/api/v2/resource-servers/https:%2F%2Fapi.example.com%2F";
    call(&s, "GET", path, Some(&token), None).await;
    call(
        &s,
        "PATCH",
        "/api/v2/tenants/settings?x=1",
        Some(&token),
        Some(json!({"friendly_name": "y"})),
    )
    .await;
    let log = s.requests();
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].method.as_str(), log[0].path.as_str(), log[0].status),
        ("GET", path, 404)
    );
    assert_eq!(log[1].query.as_deref(), Some("x=1"));
    assert_eq!(log[1].body, r#"{"friendly_name":"y"}"#);
    assert!(
        log.iter()
            .all(|r| r.finished >= r.started + Duration::from_millis(40))
    );
    assert!(!format!("{log:?}").contains(&token));
    assert_eq!(s.rounds(), 2);

    s.clear_log();
    let parallel = (0..4).map(|_| call(&s, "GET", "/api/v2/clients", Some(&token), None));
    futures::future::join_all(parallel).await;
    assert_eq!(s.requests().len(), 4);
    assert_eq!(s.rounds(), 1);
    call(&s, "GET", "/api/v2/clients", Some(&token), None).await;
    assert_eq!(s.rounds(), 2);
}

#[tokio::test]
async fn tenant_settings_merge_flags_and_hide_defaults() {
    let s = sandbox().await;
    let (_, settings) = api(&s, "GET", "/api/v2/tenants/settings", None).await;
    assert!(settings.get("default_audience").is_none());
    assert!(
        settings["flags"]
            .get("enable_dynamic_client_registration")
            .is_none()
    );
    assert!(settings["flags"].get("enable_client_connections").is_none());

    let patch = json!({"default_audience": "https://mcp.example/", "flags": {"enable_dynamic_client_registration": true, "enable_client_connections": false}});
    let (status, answer) = api(&s, "PATCH", "/api/v2/tenants/settings", Some(patch)).await;
    assert_eq!(status, 200);
    assert_eq!(answer["default_audience"], "https://mcp.example/");
    assert_eq!(answer["flags"]["enable_dynamic_client_registration"], true);
    assert_eq!(answer["flags"]["enable_client_connections"], false);
    assert_eq!(
        answer["flags"]["enable_sso"], true,
        "flags are merged, not replaced"
    );
    assert!(answer.get("sandbox_versions_available").is_none());

    let (_, fields) = api(
        &s,
        "GET",
        "/api/v2/tenants/settings?fields=default_audience,flags&include_fields=true",
        None,
    )
    .await;
    let mut keys: Vec<&String> = fields.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "default_audience",
            "flags",
            "sandbox_version",
            "sandbox_versions_available"
        ]
    );

    let back = json!({"flags": {"enable_dynamic_client_registration": false, "enable_client_connections": true}});
    let (_, answer) = api(&s, "PATCH", "/api/v2/tenants/settings", Some(back)).await;
    assert!(
        answer["flags"]
            .get("enable_dynamic_client_registration")
            .is_none()
    );
    assert!(answer["flags"].get("enable_client_connections").is_none());

    // round-tripping the GET document fails like it does on real tenants
    let (_, full) = api(&s, "GET", "/api/v2/tenants/settings", None).await;
    let (status, body) = api(
        &s,
        "PATCH",
        "/api/v2/tenants/settings",
        Some(json!({"flags": full["flags"]})),
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("You are not allowed to set flag '"),
        "{body}"
    );
    let clickjack = json!({"flags": {"disable_clickjack_protection_headers": false}});
    let (_, body) = api(&s, "PATCH", "/api/v2/tenants/settings", Some(clickjack)).await;
    assert_eq!(
        body["message"],
        "You are not allowed to set flag 'disable_clickjack_protection_headers' for this tenant."
    );
    let (status, body) = api(
        &s,
        "PATCH",
        "/api/v2/tenants/settings",
        Some(json!({"flags": {"enable_sso": false}})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), body["message"].clone()),
        (
            400,
            json!("You are not allowed to set flag 'enable_sso' for this tenant.")
        )
    );
    let (status, body) = api(
        &s,
        "PATCH",
        "/api/v2/tenants/settings",
        Some(json!({"sandbox_versions_available": ["22"]})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"statusCode": 400, "error": "Bad Request", "message": "Payload validation error: 'Additional properties not allowed: sandbox_versions_available'", "errorCode": "invalid_body"})
    );
    let (status, body) = api(
        &s,
        "PATCH",
        "/api/v2/tenants/settings",
        Some(json!({"resource_parameter_profile": "resource"})),
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .ends_with("on property resource_parameter_profile"),
        "{body}"
    );

    let (_, answer) = api(&s, "PATCH", "/api/v2/tenants/settings", Some(json!({"resource_parameter_profile": "compatibility", "session_lifetime_in_minutes": 90}))).await;
    assert_eq!(answer["resource_parameter_profile"], "compatibility");
    assert_eq!(answer["session_lifetime"], 1.5);
}

#[tokio::test]
async fn dynamic_client_registration_follows_the_tenant_flag() {
    let s = sandbox().await;
    let register = |body: Value| {
        Client::new()
            .post(format!("{}/oidc/register", s.base_url()))
            .json(&body)
            .send()
    };
    let codex = json!({"client_name": "Codex", "redirect_uris": ["http://127.0.0.1:5555/callback/abc"],
        "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "none", "response_types": ["code"]});

    let (status, body) = json_of(register(codex.clone()).await.unwrap()).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["error_description"],
        "dynamic client registration is disabled"
    );

    let (_, discovery) = json_of(
        call(
            &s,
            "GET",
            "/.well-known/oauth-authorization-server",
            None,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(discovery["issuer"], format!("{}/", s.base_url()));
    assert_eq!(
        discovery["registration_endpoint"],
        format!("{}/oidc/register", s.base_url())
    );

    api(
        &s,
        "PATCH",
        "/api/v2/tenants/settings",
        Some(json!({"flags": {"enable_dynamic_client_registration": true}})),
    )
    .await;
    let (status, body) = json_of(register(codex).await.unwrap()).await;
    assert_eq!(status, 201);
    assert!(body["client_id"].as_str().unwrap().starts_with("tpc_"));
    assert!(body.get("client_secret").is_none());
    assert_eq!(body["client_secret_expires_at"], 0);

    let (status, _) = json_of(register(json!({"client_name": "x"})).await.unwrap()).await;
    assert_eq!(status, 400, "redirect_uris is required");
    let (status, confidential) = json_of(
        register(json!({"redirect_uris": ["https://a.example/cb"]}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(confidential["client_name"], "My App");
    assert!(confidential["client_secret"].is_string());

    let (_, third_party) = api(
        &s,
        "GET",
        "/api/v2/clients?is_first_party=false&fields=client_id,name&include_fields=true",
        None,
    )
    .await;
    assert_eq!(third_party.as_array().unwrap().len(), 2);
    assert_eq!(
        third_party[0],
        json!({"name": "Codex", "client_id": body["client_id"]})
    );
    let (_, client) = api(
        &s,
        "GET",
        &format!("/api/v2/clients/{}", body["client_id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(client["third_party_security_mode"], "strict");
    assert_eq!(client["app_type"], "spa");
}

#[tokio::test]
async fn resource_servers_grants_and_connections_validate_like_auth0() {
    let s = sandbox().await;
    let api_body = json!({"name": "MCP", "identifier": "https://mcp.example/", "signing_alg": "RS256",
        "scopes": [{"value": "mcp:use", "description": "Use"}],
        "subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "deny_all"}}});
    let (status, created) = api(
        &s,
        "POST",
        "/api/v2/resource-servers",
        Some(api_body.clone()),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(created["token_lifetime"], 86400);
    assert_eq!(
        api(&s, "POST", "/api/v2/resource-servers", Some(api_body))
            .await
            .0,
        409
    );
    let encoded = "/api/v2/resource-servers/https:%2F%2Fmcp.example%2F";
    assert_eq!(api(&s, "GET", encoded, None).await.1["id"], created["id"]);
    let (status, body) = api(&s, "PATCH", encoded, Some(json!({"identifier": "x"}))).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "Payload validation error: 'Additional properties not allowed: identifier'"
    );
    let (status, patched) = api(
        &s,
        "PATCH",
        encoded,
        Some(json!({"subject_type_authorization": {"user": {"policy": "deny_all"}}})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        patched["subject_type_authorization"],
        json!({"user": {"policy": "deny_all"}, "client": {"policy": "deny_all"}})
    );
    let (status, body) = api(&s, "GET", "/api/v2/resource-servers/nope", None).await;
    assert_eq!(
        (status.as_u16(), body["errorCode"].clone()),
        (404, json!("inexistent_resource_server"))
    );
    let (_, listed) = api(
        &s,
        "GET",
        "/api/v2/resource-servers?identifiers=https%3A%2F%2Fmcp.example%2F&include_totals=true",
        None,
    )
    .await;
    assert_eq!(
        (listed["total"].clone(), listed["limit"].clone()),
        (json!(1), json!(50))
    );
    let (_, all) = api(&s, "GET", "/api/v2/resource-servers", None).await;
    assert_eq!(all[0]["is_system"], true);

    let grant = json!({"default_for": "third_party_clients", "audience": "https://mcp.example/", "scope": ["mcp:use"]});
    let (status, created) = api(&s, "POST", "/api/v2/client-grants", Some(grant.clone())).await;
    assert_eq!(status, 201);
    assert_eq!(created["subject_type"], "client");
    assert!(created["id"].as_str().unwrap().starts_with("cgr_"));
    assert_eq!(
        api(&s, "POST", "/api/v2/client-grants", Some(grant.clone()))
            .await
            .0,
        409
    );
    let mut user_grant = grant.clone();
    user_grant["subject_type"] = json!("user");
    assert_eq!(
        api(&s, "POST", "/api/v2/client-grants", Some(user_grant))
            .await
            .0,
        201
    );
    let mut unknown = grant;
    unknown["audience"] = json!("https://nowhere/");
    assert_eq!(
        api(&s, "POST", "/api/v2/client-grants", Some(unknown))
            .await
            .0,
        404
    );
    let (_, found) = api(&s, "GET", "/api/v2/client-grants?audience=https%3A%2F%2Fmcp.example%2F&default_for=third_party_clients&subject_type=user", None).await;
    assert_eq!(found.as_array().unwrap().len(), 1);

    let (status, body) = api(
        &s,
        "POST",
        "/api/v2/connections",
        Some(json!({"name": "bad--name", "strategy": "auth0"})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), body["errorCode"].clone()),
        (400, json!("invalid_body"))
    );
    let (status, _) = api(
        &s,
        "POST",
        "/api/v2/connections",
        Some(json!({"name": "Username-Password-Authentication", "strategy": "auth0"})),
    )
    .await;
    assert_eq!(status, 409);
    let (_, found) = api(
        &s,
        "GET",
        "/api/v2/connections?name=Username-Password-Authentication&include_totals=true",
        None,
    )
    .await;
    assert_eq!(found["total"], 1);
    let id = found["connections"][0]["id"].as_str().unwrap().to_string();
    let (status, promoted) = api(
        &s,
        "PATCH",
        &format!("/api/v2/connections/{id}"),
        Some(json!({"is_domain_connection": true})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), promoted["is_domain_connection"].clone()),
        (200, json!(true))
    );
    assert_eq!(
        promoted["options"]["passwordPolicy"], "good",
        "options untouched without an options body"
    );

    let plain = s.issue_token(&["read:connections", "update:connections"]);
    let (_, hidden) = json_of(
        call(
            &s,
            "GET",
            &format!("/api/v2/connections/{id}"),
            Some(&plain),
            None,
        )
        .await,
    )
    .await;
    assert!(hidden.get("options").is_none());
    let (status, _) = json_of(
        call(
            &s,
            "PATCH",
            &format!("/api/v2/connections/{id}"),
            Some(&plain),
            Some(json!({"options": {}})),
        )
        .await,
    )
    .await;
    assert_eq!(status, 403);
    let (status, deleted) = api(&s, "DELETE", &format!("/api/v2/connections/{id}"), None).await;
    assert_eq!(status, 202);
    assert!(deleted["deleted_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        call(
            &s,
            "DELETE",
            &format!("/api/v2/connections/{id}"),
            Some(&admin(&s)),
            None
        )
        .await
        .status(),
        204
    );
    let (status, body) = api(&s, "GET", "/api/v2/no-such-thing", None).await;
    assert_eq!(
        (status.as_u16(), body["statusCode"].clone()),
        (404, json!(404))
    );
}

#[test]
fn a_background_sandbox_serves_until_dropped() {
    let s = Sandbox::start_background(SandboxConfig::default()).unwrap();
    let addr = s.base_url().trim_start_matches("http://").to_string();
    s.inject(Fault::new(FaultKind::Hang, "/"));
    let hanging = std::net::TcpStream::connect(&addr).unwrap();
    use std::io::Write;
    (&hanging)
        .write_all(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(50));
    let t = std::time::Instant::now();
    drop(s);
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "drop took {:?}",
        t.elapsed()
    );
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "still accepting after drop"
    );
}

/// The library API an MCP server's tests use: a minted token verifies against the published JWKS
/// and opens the demo MCP server, and only for the API it names.
#[tokio::test]
async fn minted_user_tokens_carry_the_test_user_and_open_only_their_own_server() {
    let s = sandbox().await;
    let jwks: Value = Client::new()
        .get(s.jwks_url())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(jwks["keys"][0]["kty"], "RSA");

    let token = s.mint_user_token(&s.mcp_url(), &["mcp:tools"]);
    let claims: Value = serde_json::from_slice(
        &base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            token.split('.').nth(1).unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["sub"], Sandbox::test_user());
    assert_eq!(claims["iss"], s.issuer());
    assert_eq!(claims["aud"], s.mcp_url());
    assert_eq!(claims["scope"], "mcp:tools");

    let mcp = |token: String| Client::new().post(s.mcp_url()).bearer_auth(token).send();
    assert_eq!(mcp(token).await.unwrap().status(), StatusCode::OK);
    let elsewhere = s.mint_user_token("https://other.example/mcp", &[]);
    assert_eq!(
        mcp(elsewhere).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn client_metadata_is_kept_within_the_documented_limits() {
    let s = sandbox().await;
    let (status, created) = api(
        &s,
        "POST",
        "/api/v2/clients",
        Some(json!({"name": "A", "app_type": "native", "client_metadata": {"owner": "x"}})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["client_id"].as_str().unwrap().to_string();
    let path = format!("/api/v2/clients/{id}");
    let (status, _) = api(
        &s,
        "PATCH",
        &path,
        Some(json!({"client_metadata": {"owner": "y", "team": "z"}})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, read) = api(&s, "GET", &path, None).await;
    assert_eq!(read["client_metadata"], json!({"owner": "y", "team": "z"}));

    let eleven: serde_json::Map<String, Value> =
        (0..11).map(|i| (format!("k{i}"), json!("v"))).collect();
    for (metadata, message) in [
        (
            json!({"k": "v".repeat(256)}),
            "String is too long (256 chars), maximum 255' on property client_metadata.k",
        ),
        (
            json!({"k": 1}),
            "Expected type string but found type integer' on property client_metadata.k",
        ),
        (
            json!({"k!": "v"}),
            "Invalid property name: k!' on property client_metadata.k!",
        ),
        (
            Value::Object(eleven),
            "Too many properties defined (11), maximum 10' on property client_metadata",
        ),
    ] {
        let (status, body) = api(
            &s,
            "PATCH",
            &path,
            Some(json!({"client_metadata": metadata})),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["errorCode"], "invalid_body");
        assert!(
            body["message"].as_str().unwrap().ends_with(message),
            "{body}"
        );
    }
}
