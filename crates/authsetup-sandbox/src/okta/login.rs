//! What a custom authorization server serves to the apps users sign in to: `/v1/authorize`
//! (authorization code with PKCE; the test user, a member of Everyone only, signs in at once),
//! the `authorization_code` and `refresh_token` grants of `/v1/token`, and `/v1/keys`. Access
//! tokens are RS256 JWTs whose `aud` is the server's audience: Okta documents no `resource`
//! parameter (notes/okta.md §A.3), so the one Codex sends is ignored.
//!
//! Written from notes/okta.md §0.2, §A.3–§A.5, §A.8; fixtures/SOURCES.md has a row for each.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{AuthServerRecord, Okta, OktaOrg, random_string, wire};
use crate::clock::epoch_seconds;
use crate::grants::{
    OneTime, Refusal, error_page, pkce_matches, redirect, refusal_redirect, refuse, scopes,
};
use crate::query::Params;

/// The test user's login, the `sub` of their access tokens.
pub(crate) const TEST_USER: &str = "sandbox.user@example.com";
const TEST_USER_ID: &str = "00usandboxuser0000001";
const CODE_LIFETIME: u64 = 600;

#[derive(Clone, Debug)]
struct Authorization {
    server_id: String,
    client_id: String,
    redirect_uri: String,
    code_challenge: String,
    scopes: Vec<String>,
    /// `accessTokenLifetimeMinutes` of the rule that let the request through.
    lifetime_minutes: u64,
    expires_at: u64,
}

/// Codes and refresh tokens issued and not yet used.
#[derive(Default)]
pub(crate) struct Sessions {
    codes: OneTime<Authorization>,
    refresh_tokens: OneTime<Authorization>,
}

pub(super) fn routes() -> Router<Arc<Okta>> {
    Router::new()
        .route("/oauth2/{id}/v1/authorize", get(authorize))
        .route("/oauth2/{id}/v1/token", post(token))
        .route("/oauth2/{id}/v1/keys", get(keys))
}

async fn keys(State(app): State<Arc<Okta>>) -> Response {
    wire(StatusCode::OK, &json!({"keys": [app.rsa.public().jwk()]}))
}

fn active_server<'a>(org: &'a OktaOrg, id: &str) -> Option<&'a AuthServerRecord> {
    org.servers
        .iter()
        .find(|s| s.doc["id"] == id && s.doc["status"] == "ACTIVE")
}

/// The request is checked up to the redirect URI before anything is sent back to it; after
/// that Okta redirects its errors to the app (notes/okta.md §0.2).
async fn authorize(
    State(app): State<Arc<Okta>>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let params = Params::parse(q.as_deref());
    let org = app.org();
    let Some(server) = active_server(&org, &id) else {
        return error_page(&refuse(
            "invalid_request",
            format!("The authorization server {id} does not exist or is not active."),
        ));
    };
    let client_id = params.get("client_id").unwrap_or_default();
    let client = org
        .apps
        .iter()
        .find(|a| a["id"] == client_id && a["status"] == "ACTIVE");
    let Some(client) = client else {
        return error_page(&refuse(
            "invalid_client",
            "Invalid value for 'client_id' parameter.",
        ));
    };
    let redirect_uri = params.get("redirect_uri").unwrap_or_default();
    let registered = client["settings"]["oauthClient"]["redirect_uris"]
        .as_array()
        .is_some_and(|uris| uris.iter().any(|u| u == redirect_uri));
    if !registered {
        return error_page(&refuse(
            "invalid_request",
            "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.",
        ));
    }
    let state = params.get("state");
    match check(&org, server, client, &params) {
        Ok(authorization) => {
            let code = app.sessions.codes.issue(authorization, 43);
            redirect(redirect_uri, &[("code", &code)], state)
        }
        Err(refusal) => refusal_redirect(redirect_uri, &refusal, state),
    }
}

fn listed(v: &Value, wanted: &str) -> bool {
    v.as_array()
        .is_some_and(|items| items.iter().any(|i| i == wanted))
}

/// What Okta checks once the app and its redirect URI are known: the request, PKCE, the scopes
/// the server has, the user's assignment to the app, and a policy rule that lets it through.
fn check(
    org: &OktaOrg,
    server: &AuthServerRecord,
    client: &Value,
    params: &Params,
) -> Result<Authorization, Refusal> {
    if params.get("response_type") != Some("code") {
        return Err(refuse(
            "unsupported_response_type",
            "The response type is not supported by the authorization server.",
        ));
    }
    let client_id = client["id"].as_str().unwrap_or_default();
    if !listed(
        &client["settings"]["oauthClient"]["grant_types"],
        "authorization_code",
    ) {
        return Err(refuse(
            "unauthorized_client",
            "The client is not authorized to use the provided grant type.",
        ));
    }
    let code_challenge = params.get("code_challenge").unwrap_or_default();
    let pkce = client["credentials"]["oauthClient"]["pkce_required"] == true;
    if pkce && (code_challenge.is_empty() || params.get("code_challenge_method") != Some("S256")) {
        return Err(refuse(
            "invalid_request",
            "PKCE code challenge is required (code_challenge_method S256).",
        ));
    }
    let requested = scopes(params.get("scope"));
    let known = |s: &String| server.scopes.iter().any(|k| k["name"] == s.as_str());
    if !requested.iter().all(known) {
        return Err(refuse(
            "invalid_scope",
            "One or more scopes are not configured for the authorization server resource.",
        ));
    }
    let everyone = org
        .group_named("Everyone")
        .and_then(|g| g["id"].as_str())
        .unwrap_or_default();
    let assigned = org
        .assignments
        .iter()
        .any(|(app, group)| app == client_id && group == everyone);
    if !assigned {
        return Err(refuse(
            "access_denied",
            "User is not assigned to the client application.",
        ));
    }
    let applies = |policy: &Value| {
        let clients = &policy["conditions"]["clients"]["include"];
        policy["status"] == "ACTIVE"
            && (listed(clients, client_id) || listed(clients, "ALL_CLIENTS"))
    };
    let lets_through = |rule: &Value| {
        let c = &rule["conditions"];
        let groups = &c["people"]["groups"]["include"];
        rule["status"] == "ACTIVE"
            && listed(&c["grantTypes"]["include"], "authorization_code")
            && (listed(groups, "EVERYONE") || listed(groups, everyone))
            && (listed(&c["scopes"]["include"], "*")
                || requested.iter().all(|s| listed(&c["scopes"]["include"], s)))
    };
    let rule = server
        .policies
        .iter()
        .filter(|p| applies(&p.doc))
        .flat_map(|p| &p.rules)
        .find(|r| lets_through(r));
    let Some(rule) = rule else {
        return Err(refuse(
            "access_denied",
            "Policy evaluation failed for this request, please check the policy configurations.",
        ));
    };
    Ok(Authorization {
        server_id: server.doc["id"].as_str().unwrap_or_default().to_string(),
        client_id: client_id.to_string(),
        redirect_uri: params.get("redirect_uri").unwrap_or_default().to_string(),
        code_challenge: code_challenge.to_string(),
        scopes: requested,
        lifetime_minutes: rule["actions"]["token"]["accessTokenLifetimeMinutes"]
            .as_u64()
            .unwrap_or(60),
        expires_at: epoch_seconds() + CODE_LIFETIME,
    })
}

fn oauth_error(error: &str, description: &str) -> Response {
    wire(
        StatusCode::BAD_REQUEST,
        &json!({"error": error, "error_description": description}),
    )
}

async fn token(State(app): State<Arc<Okta>>, Path(id): Path<String>, body: Bytes) -> Response {
    let form = Params::parse(Some(&String::from_utf8_lossy(&body)));
    let param = |k: &str| form.get(k).unwrap_or_default();
    let invalid_grant = || {
        oauth_error(
            "invalid_grant",
            "The authorization code is invalid or has expired.",
        )
    };
    let authorization = match param("grant_type") {
        "authorization_code" => {
            let code = app
                .sessions
                .codes
                .take(param("code"))
                .filter(|c| c.expires_at > epoch_seconds());
            match code {
                Some(c)
                    if c.server_id == id
                        && c.client_id == param("client_id")
                        && c.redirect_uri == param("redirect_uri") =>
                {
                    if !pkce_matches(param("code_verifier"), &c.code_challenge) {
                        return oauth_error("invalid_grant", "PKCE verification failed.");
                    }
                    c
                }
                _ => return invalid_grant(),
            }
        }
        "refresh_token" => match app.sessions.refresh_tokens.take(param("refresh_token")) {
            Some(r) if r.server_id == id && r.client_id == param("client_id") => r,
            _ => {
                return oauth_error("invalid_grant", "The refresh token is invalid or expired.");
            }
        },
        other => {
            return oauth_error(
                "unsupported_grant_type",
                &format!("The authorization grant type is not supported: {other}"),
            );
        }
    };
    issue(&app, authorization).into_response()
}

/// An access token for the server's audience with the scopes asked for, and a refresh token when
/// `offline_access` was asked for and the app may refresh (notes/okta.md §A.5).
fn issue(app: &Okta, authorization: Authorization) -> Response {
    let org = app.org();
    let Some(server) = active_server(&org, &authorization.server_id) else {
        return oauth_error("invalid_grant", "The authorization server is not active.");
    };
    let refreshable = org
        .apps
        .iter()
        .find(|a| a["id"] == authorization.client_id.as_str())
        .is_some_and(|a| {
            listed(
                &a["settings"]["oauthClient"]["grant_types"],
                "refresh_token",
            )
        });
    let now = epoch_seconds();
    let lifetime = authorization.lifetime_minutes * 60;
    let access_token = app.rsa.sign(&json!({
        "ver": 1,
        "jti": format!("AT.{}", random_string(32)),
        "iss": server.doc["issuer"],
        "aud": server.doc["audiences"][0],
        "iat": now,
        "exp": now + lifetime,
        "cid": authorization.client_id,
        "uid": TEST_USER_ID,
        "scp": authorization.scopes,
        "sub": TEST_USER,
    }));
    let mut answer = json!({"token_type": "Bearer", "expires_in": lifetime,
                            "access_token": access_token, "scope": authorization.scopes.join(" ")});
    drop(org);
    if refreshable && authorization.scopes.iter().any(|s| s == "offline_access") {
        answer["refresh_token"] = json!(app.sessions.refresh_tokens.issue(authorization, 43));
    }
    wire(StatusCode::OK, &answer)
}

#[cfg(test)]
mod tests {
    use reqwest::{Client, redirect};
    use serde_json::{Value, json};

    use crate::SandboxConfig;
    use crate::grants::tests::challenge_for;
    use crate::jwt::RsaSigner;
    use crate::okta::{AuthServerRecord, OktaSandbox, PolicyRecord};

    const REDIRECT: &str = "http://127.0.0.1:1455/callback/abc";
    const VERIFIER: &str = "a-code-verifier-of-at-least-forty-three-characters";

    /// An org as `authsetup apply` leaves it: server `aus1` for the MCP URL, the Codex app
    /// `0oa1` assigned to Everyone, a policy rule for authorization code.
    async fn ready() -> OktaSandbox {
        let o = OktaSandbox::start(SandboxConfig::default()).await.unwrap();
        let (issuer, aud) = (format!("{}/oauth2/aus1", o.base_url()), o.mcp_url());
        o.with_org(|org| {
            let rule = json!({"status": "ACTIVE", "actions": {"token": {"accessTokenLifetimeMinutes": 60}},
                "conditions": {"grantTypes": {"include": ["authorization_code"]},
                    "people": {"groups": {"include": ["EVERYONE"]}}, "scopes": {"include": ["*"]}}});
            org.servers.push(AuthServerRecord {
                doc: json!({"id": "aus1", "status": "ACTIVE", "issuer": issuer, "audiences": [aud]}),
                scopes: ["mcp:access", "offline_access"].map(|n| json!({"name": n})).to_vec(),
                policies: vec![PolicyRecord {
                    doc: json!({"status": "ACTIVE", "conditions": {"clients": {"include": ["0oa1"]}}}),
                    rules: vec![rule],
                }],
            });
            org.apps.push(json!({"id": "0oa1", "status": "ACTIVE",
                "credentials": {"oauthClient": {"pkce_required": true}},
                "settings": {"oauthClient": {"redirect_uris": [REDIRECT],
                    "grant_types": ["authorization_code", "refresh_token"]}}}));
            let everyone = org.group_named("Everyone").unwrap()["id"].as_str().unwrap().to_string();
            org.assignments.push(("0oa1".into(), everyone));
        });
        o
    }

    fn http() -> Client {
        Client::builder()
            .redirect(redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// `/v1/authorize` for scope `scope`: the `Location` it redirects to.
    async fn authorize(o: &OktaSandbox, scope: &str) -> String {
        let url = format!("{}/oauth2/aus1/v1/authorize", o.base_url());
        let challenge = challenge_for(VERIFIER);
        let query = [
            ("response_type", "code"),
            ("client_id", "0oa1"),
            ("redirect_uri", REDIRECT),
            ("scope", scope),
            ("state", "s"),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ];
        let resp = http().get(url).query(&query).send().await.unwrap();
        assert_eq!(resp.status(), 302);
        resp.headers()["location"].to_str().unwrap().to_string()
    }

    async fn token(o: &OktaSandbox, form: &[(&str, &str)]) -> (u16, Value) {
        let url = format!("{}/oauth2/aus1/v1/token", o.base_url());
        let resp = http().post(url).form(form).send().await.unwrap();
        (resp.status().as_u16(), resp.json().await.unwrap())
    }

    fn code_in(location: &str) -> String {
        let url = url::Url::parse(location).unwrap();
        let code = url.query_pairs().find(|(k, _)| k == "code");
        code.map(|(_, v)| v.into_owned())
            .unwrap_or_else(|| panic!("{location}"))
    }

    #[tokio::test]
    async fn a_code_becomes_tokens_for_the_servers_audience_and_the_refresh_token_rotates() {
        let o = ready().await;
        let code = code_in(&authorize(&o, "mcp:access offline_access").await);
        let exchange = |verifier: &'static str, code: String| {
            let o = &o;
            async move {
                let form = [
                    ("grant_type", "authorization_code"),
                    ("client_id", "0oa1"),
                    ("code", code.as_str()),
                    ("code_verifier", verifier),
                    ("redirect_uri", REDIRECT),
                ];
                token(o, &form).await
            }
        };
        let (status, wrong) = exchange("another-verifier", code.clone()).await;
        assert_eq!(
            (status, wrong["error"].as_str()),
            (400, Some("invalid_grant"))
        );
        let code = code_in(&authorize(&o, "mcp:access offline_access").await);
        let (status, answer) = exchange(VERIFIER, code).await;
        assert_eq!(status, 200, "{answer}");
        let resp = http()
            .get(format!("{}/oauth2/aus1/v1/keys", o.base_url()))
            .send()
            .await
            .unwrap();
        let keys: Value = resp.json().await.unwrap();
        let signer = RsaSigner::throwaway();
        assert_eq!(keys["keys"][0], signer.public().jwk(), "the signing key");
        let claims = signer
            .public()
            .verify(answer["access_token"].as_str().unwrap())
            .unwrap();
        assert_eq!(claims["aud"], o.mcp_url().as_str());
        assert_eq!(claims["sub"], OktaSandbox::test_user());
        assert_eq!(claims["scp"], json!(["mcp:access", "offline_access"]));
        let refresh = answer["refresh_token"].as_str().unwrap().to_string();
        let form = [
            ("grant_type", "refresh_token"),
            ("client_id", "0oa1"),
            ("refresh_token", refresh.as_str()),
        ];
        assert_eq!(token(&o, &form).await.0, 200);
        assert_eq!(token(&o, &form).await.0, 400, "spent");
    }

    #[tokio::test]
    async fn unknown_scopes_and_requests_no_rule_lets_through_are_redirected_refusals() {
        let o = ready().await;
        let location = authorize(&o, "mcp:access nope").await;
        assert!(location.contains("error=invalid_scope"), "{location}");
        o.with_org(|org| {
            org.servers[0].policies[0].rules[0]["conditions"]["grantTypes"]["include"] =
                json!(["client_credentials"])
        });
        let location = authorize(&o, "mcp:access").await;
        assert!(
            location.contains("error=access_denied") && location.contains("state=s"),
            "{location}"
        );
    }
}
