//! What a tenant serves to the applications users sign in to: `/authorize` (authorization code
//! with PKCE; the test user signs in and consents at once, no browser needed) and the
//! `authorization_code` and `refresh_token` grants of `/oauth/token`, which issue RS256 access
//! tokens whose audience follows Auth0's rules.
//!
//! Written from notes/auth0.md §0.1, §0.5, §A1, §D3, §D4 and notes/codex-mcp.md §F;
//! fixtures/SOURCES.md has a row for each behaviour.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde_json::{Value, json};

use super::{Answer, ApiError, Auth0, Auth0Tenant, random_string, wire};
use crate::clock::epoch_seconds;
use crate::grants::{
    OneTime, Refusal, error_page, pkce_matches, redirect, refusal_redirect, refuse, scopes,
};
use crate::query::Params;

/// The test user's id within whichever connection signs them in: the `sub` of their tokens is
/// `<strategy>|sandbox-user` (`auth0|sandbox-user` for a database connection).
pub(crate) const TEST_USER_ID: &str = "sandbox-user";

/// Authorization codes live briefly in real tenants; long enough here for a slow test machine.
const CODE_LIFETIME: u64 = 600;

/// Parameters `/authorize` accepts from strict third-party clients, besides `ext-*` (§D4).
const STRICT_PARAMS: [&str; 20] = [
    "acr_values",
    "audience",
    "authorization_details",
    "client_id",
    "code_challenge",
    "code_challenge_method",
    "connection",
    "correlation_id",
    "display",
    "dpop_jkt",
    "login_hint",
    "max_age",
    "nonce",
    "prompt",
    "redirect_uri",
    "resource",
    "response_type",
    "scope",
    "state",
    "ui_locales",
];

/// What a code or a refresh token stands for.
#[derive(Clone, Debug)]
struct Authorization {
    client_id: String,
    redirect_uri: String,
    code_challenge: String,
    /// The API the tokens are for; None gets an opaque token.
    audience: Option<String>,
    requested_scopes: Vec<String>,
    sub: String,
    expires_at: u64,
}

/// Codes and refresh tokens issued and not yet used.
#[derive(Default)]
pub(crate) struct Sessions {
    codes: OneTime<Authorization>,
    refresh_tokens: OneTime<Authorization>,
}

// A refusal goes to strict third-party clients on the error page while their
// `redirection_policy` is `open_redirect_protection` (their default, §D4), to every other client
// on a redirect carrying the error.

pub(super) async fn authorize(State(app): State<Arc<Auth0>>, RawQuery(q): RawQuery) -> Response {
    let params = Params::parse(q.as_deref());
    let tenant = app.tenant();
    let client_id = params.get("client_id").unwrap_or_default();
    let Some(client) = tenant.clients.iter().find(|c| c["client_id"] == client_id) else {
        return error_page(&refuse(
            "invalid_request",
            format!("Unknown client: {client_id}"),
        ));
    };
    let redirect_uri = params.get("redirect_uri").unwrap_or_default();
    let registered = client["callbacks"]
        .as_array()
        .is_some_and(|c| c.iter().any(|u| u == redirect_uri));
    if !registered {
        // no redirect to an unregistered URI, whatever the client
        return error_page(&refuse(
            "invalid_request",
            format!(
                "Callback URL mismatch. {redirect_uri} is not in the list of allowed callback URLs"
            ),
        ));
    }
    let state = params.get("state");
    let protected = client["third_party_security_mode"] == "strict"
        && client["redirection_policy"] != "allow_always";
    match check(&tenant, client, &params) {
        Ok(authorization) => {
            let code = app.sessions.codes.issue(authorization, 32);
            let mut answer = vec![("code", code.as_str())];
            let issuer = format!("{}/", app.base_url);
            if super::oauth::metadata(&app, &tenant)["authorization_response_iss_parameter_supported"]
                == true
            {
                answer.push(("iss", &issuer));
            }
            redirect(redirect_uri, &answer, state)
        }
        Err(refusal) if protected => error_page(&refusal),
        Err(refusal) => refusal_redirect(redirect_uri, &refusal, state),
    }
}

/// Everything `/authorize` checks once the client and its redirect URI are known, in Auth0's
/// order: the request, the client's grant types, PKCE, the audience, a connection.
fn check(tenant: &Auth0Tenant, client: &Value, params: &Params) -> Result<Authorization, Refusal> {
    let first_party = client["is_first_party"] != false;
    if client["third_party_security_mode"] == "strict" {
        let foreign: Vec<&str> = params
            .names()
            .filter(|k| !STRICT_PARAMS.contains(k) && !k.starts_with("ext-"))
            .collect();
        if !foreign.is_empty() {
            return Err(refuse(
                "invalid_request",
                format!(
                    "Parameters not allowed for third-party clients: {}",
                    foreign.join(", ")
                ),
            ));
        }
    }
    let response_type = params.get("response_type").unwrap_or_default();
    if response_type != "code" {
        return Err(refuse(
            "unsupported_response_type",
            format!("Unsupported response type: {response_type}"),
        ));
    }
    let allows_code = client["grant_types"]
        .as_array()
        .is_some_and(|g| g.iter().any(|g| g == "authorization_code"));
    if !allows_code {
        return Err(refuse(
            "unauthorized_client",
            "Grant type 'authorization_code' not allowed for the client.",
        ));
    }
    let code_challenge = params.get("code_challenge").unwrap_or_default();
    if code_challenge.is_empty() || params.get("code_challenge_method") != Some("S256") {
        return Err(refuse(
            "invalid_request",
            "PKCE is required: send code_challenge with code_challenge_method=S256",
        ));
    }
    let audience = audience(tenant, params)?;
    if audience.is_none() && !first_party && client["third_party_security_mode"] == "strict" {
        return Err(refuse(
            "access_denied",
            "The userinfo audience is not allowed for third party clients",
        ));
    }
    let client_id = client["client_id"].as_str().unwrap_or_default();
    // third-party clients can only use domain-level connections (§D4, §E.5)
    let connection = tenant.connections.iter().find(|c| {
        c["is_domain_connection"] == true
            || (first_party
                && c["enabled_clients"]
                    .as_array()
                    .is_some_and(|e| e.iter().any(|id| id == client_id)))
    });
    let Some(connection) = connection else {
        return Err(refuse(
            "invalid_request",
            "no connections enabled for the client",
        ));
    };
    Ok(Authorization {
        client_id: client_id.to_string(),
        redirect_uri: params.get("redirect_uri").unwrap_or_default().to_string(),
        code_challenge: code_challenge.to_string(),
        audience,
        requested_scopes: scopes(params.get("scope")),
        sub: format!(
            "{}|{TEST_USER_ID}",
            connection["strategy"].as_str().unwrap_or("auth0")
        ),
        expires_at: epoch_seconds() + CODE_LIFETIME,
    })
}

/// The API the token is for: `audience` if sent; else, under the compatibility profile,
/// `resource` (§0.5, §D3: audience first, then resource, which must be an API identifier); else
/// the tenant's `default_audience`; else none, which means an opaque token.
fn audience(tenant: &Auth0Tenant, params: &Params) -> Result<Option<String>, Refusal> {
    let is_api = |id: &str| {
        tenant
            .resource_servers
            .iter()
            .any(|rs| rs["identifier"] == id)
    };
    let not_found = |id: &str| refuse("access_denied", format!("Service not found: {id}"));
    if let Some(aud) = params.get("audience").filter(|a| !a.is_empty()) {
        return if is_api(aud) {
            Ok(Some(aud.to_string()))
        } else {
            Err(not_found(aud))
        };
    }
    let compatibility = tenant.settings["resource_parameter_profile"] == "compatibility";
    if let Some(resource) = params.get("resource").filter(|_| compatibility) {
        return if is_api(resource) {
            Ok(Some(resource.to_string()))
        } else {
            Err(not_found(resource))
        };
    }
    Ok(tenant.settings["default_audience"]
        .as_str()
        .filter(|a| !a.is_empty())
        .map(String::from))
}

/// `authorization_code` and `refresh_token` at `/oauth/token`.
pub(super) fn token(app: &Auth0, grant_type: &str, params: &HashMap<String, String>) -> Answer {
    let param = |k: &str| params.get(k).map(String::as_str).unwrap_or_default();
    let invalid_grant =
        |description: &str| ApiError::oauth(StatusCode::FORBIDDEN, "invalid_grant", description);
    let authorization = if grant_type == "authorization_code" {
        let found = app.sessions.codes.take(param("code"));
        let Some(code) = found.filter(|c| c.expires_at > epoch_seconds()) else {
            return Err(invalid_grant("Invalid authorization code"));
        };
        if code.client_id != param("client_id") {
            return Err(invalid_grant("Invalid authorization code"));
        }
        if code.redirect_uri != param("redirect_uri") {
            return Err(invalid_grant(
                "The redirect_uri does not match the one of the authorization request",
            ));
        }
        if !pkce_matches(param("code_verifier"), &code.code_challenge) {
            return Err(invalid_grant("Failed to verify code verifier"));
        }
        code
    } else {
        let found = app.sessions.refresh_tokens.take(param("refresh_token"));
        match found {
            Some(grant) if grant.client_id == param("client_id") => grant,
            _ => return Err(invalid_grant("Unknown or invalid refresh token.")),
        }
    };
    issue(app, authorization)
}

/// The token answer, after the last check Auth0 makes at this point: a third-party client needs
/// a client grant for the API even when the API allows all users (§0.1).
fn issue(app: &Auth0, authorization: Authorization) -> Answer {
    let tenant = app.tenant();
    let client = tenant
        .clients
        .iter()
        .find(|c| c["client_id"] == authorization.client_id.as_str())
        .ok_or_else(|| {
            ApiError::oauth(StatusCode::UNAUTHORIZED, "access_denied", "Unauthorized")
        })?;
    let Some(audience) = authorization.audience.clone() else {
        return Ok(wire(
            StatusCode::OK,
            &json!({"access_token": opaque_token(&app.base_url), "expires_in": super::TOKEN_LIFETIME,
                    "token_type": "Bearer"}),
        ));
    };
    let api = tenant
        .resource_servers
        .iter()
        .find(|rs| rs["identifier"] == audience.as_str())
        .ok_or_else(|| {
            ApiError::oauth(
                StatusCode::FORBIDDEN,
                "access_denied",
                format!("Service not found: {audience}"),
            )
        })?;
    let unauthorized = || {
        ApiError::oauth(
            StatusCode::FORBIDDEN,
            "unauthorized_client",
            format!(
                "Client \"{}\" is not authorized to access resource server \"{audience}\".",
                authorization.client_id
            ),
        )
    };
    let first_party = client["is_first_party"] != false;
    let policy = api["subject_type_authorization"]["user"]["policy"]
        .as_str()
        .unwrap_or("allow_all");
    if policy == "deny_all" {
        return Err(unauthorized());
    }
    let grant = tenant.client_grants.iter().find(|g| {
        g["audience"] == audience.as_str()
            && g["subject_type"] == "user"
            && (g["client_id"] == authorization.client_id.as_str()
                || (!first_party && g["default_for"] == "third_party_clients"))
    });
    let allowed: Vec<String> = match grant {
        Some(grant) => strings(&grant["scope"]),
        None if first_party && policy == "allow_all" => api["scopes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["value"].as_str().map(String::from))
            .collect(),
        None => return Err(unauthorized()),
    };
    let mut scopes: Vec<String> = authorization
        .requested_scopes
        .iter()
        .filter(|s| allowed.contains(s))
        .cloned()
        .collect();
    let offline = authorization
        .requested_scopes
        .iter()
        .any(|s| s == "offline_access")
        && api["allow_offline_access"] == true;
    if offline {
        scopes.push("offline_access".into());
    }
    let lifetime = api["token_lifetime"]
        .as_u64()
        .unwrap_or(super::TOKEN_LIFETIME);
    let access_token = app.user_token(
        &super::UserGrant {
            sub: &authorization.sub,
            audience: &audience,
            scopes: &scopes,
            client_id: &authorization.client_id,
        },
        lifetime,
    );
    let mut answer = json!({"access_token": access_token, "expires_in": lifetime,
                            "scope": scopes.join(" "), "token_type": "Bearer"});
    if offline {
        answer["refresh_token"] = json!(app.sessions.refresh_tokens.issue(authorization, 48));
    }
    Ok(wire(StatusCode::OK, &answer))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(String::from))
        .collect()
}

/// What Auth0 issues without an API audience: an encrypted token (JWE compact form, five parts)
/// that only Auth0's `/userinfo` can read, so an MCP server can never validate it.
fn opaque_token(base_url: &str) -> String {
    let header = json!({"alg": "dir", "enc": "A256GCM", "iss": format!("{base_url}/")});
    [
        B64.encode(header.to_string()),
        String::new(),
        random_string(16),
        random_string(96),
        random_string(22),
    ]
    .join(".")
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    use reqwest::{Client, Method, RequestBuilder, Response, StatusCode, redirect};
    use ring::signature::{RSA_PKCS1_2048_8192_SHA256, RsaPublicKeyComponents};
    use serde_json::{Value, json};

    use crate::grants::tests::challenge_for;
    use crate::{Sandbox, SandboxConfig};

    const VERIFIER: &str = "a-code-verifier-of-at-least-forty-three-characters";
    const REDIRECT: &str = "http://127.0.0.1:1455/callback/abc";

    /// A tenant as `authsetup apply` leaves it, for the demo MCP server's URL.
    async fn ready() -> (Sandbox, String) {
        let s = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let aud = s.mcp_url();
        s.with_tenant(|t| {
            t.resource_servers.push(json!({"id": "rs1", "identifier": aud, "signing_alg": "RS256",
                "allow_offline_access": true, "token_lifetime": 86400,
                "scopes": [{"value": "mcp:tools"}],
                "subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "deny_all"}}}));
            t.settings["default_audience"] = json!(aud);
            t.settings["flags"]["enable_dynamic_client_registration"] = json!(true);
            t.connections[0]["is_domain_connection"] = json!(true);
            t.client_grants.push(json!({"id": "cgr_1", "default_for": "third_party_clients",
                "audience": aud, "scope": ["mcp:tools"], "subject_type": "user"}));
        });
        (s, aud)
    }

    fn http() -> Client {
        Client::builder()
            .redirect(redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// `method` on the tenant's `path`, the request finished by `build`.
    async fn send(
        s: &Sandbox,
        method: Method,
        path: &str,
        build: impl FnOnce(RequestBuilder) -> RequestBuilder,
    ) -> Response {
        let req = http().request(method, format!("{}{path}", s.base_url()));
        build(req).send().await.unwrap()
    }

    /// A client registered through DCR the way Codex does (notes/codex-mcp.md §A6).
    async fn register(s: &Sandbox) -> String {
        let body = json!({"client_name": "Codex", "redirect_uris": [REDIRECT],
            "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "none",
            "response_types": ["code"], "application_type": "native"});
        let resp = send(s, Method::POST, "/oidc/register", |r| r.json(&body)).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let v: Value = resp.json().await.unwrap();
        v["client_id"].as_str().unwrap().to_string()
    }

    /// `/authorize` with PKCE, `extra` adding or replacing parameters; the answer's status and
    /// `Location` or body.
    async fn authorize(s: &Sandbox, client_id: &str, extra: &[(&str, &str)]) -> (u16, String) {
        let challenge = challenge_for(VERIFIER);
        let mut query = vec![
            ("response_type", "code"),
            ("client_id", client_id),
            ("redirect_uri", REDIRECT),
            ("scope", "mcp:tools offline_access"),
            ("state", "st4te"),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ];
        query.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
        query.extend_from_slice(extra);
        let resp = send(s, Method::GET, "/authorize", |r| r.query(&query)).await;
        let status = resp.status().as_u16();
        match resp.headers().get("location") {
            Some(l) => (status, l.to_str().unwrap().to_string()),
            None => (status, resp.text().await.unwrap()),
        }
    }

    fn query_of(location: &str, key: &str) -> Option<String> {
        url::Url::parse(location)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    }

    async fn token(s: &Sandbox, form: &[(&str, &str)]) -> (StatusCode, Value) {
        let resp = send(s, Method::POST, "/oauth/token", |r| r.form(form)).await;
        (resp.status(), resp.json().await.unwrap())
    }

    async fn exchange(s: &Sandbox, client_id: &str, code: &str) -> (StatusCode, Value) {
        token(
            s,
            &[
                ("grant_type", "authorization_code"),
                ("client_id", client_id),
                ("code", code),
                ("code_verifier", VERIFIER),
                ("redirect_uri", REDIRECT),
            ],
        )
        .await
    }

    /// The claims of `token` after checking its signature with the key the tenant publishes at
    /// its JWKS URL, as an MCP server would.
    async fn verified_claims(s: &Sandbox, token: &str) -> Value {
        let url = format!("{}/.well-known/jwks.json", s.base_url());
        let resp = http().get(url).send().await.unwrap();
        let jwks: Value = resp.json().await.unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3, "{token}");
        let header: Value = serde_json::from_slice(&B64.decode(parts[0]).unwrap()).unwrap();
        let key = jwks["keys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kid"] == header["kid"])
            .expect("the token's kid is in the JWKS");
        let n = B64.decode(key["n"].as_str().unwrap()).unwrap();
        let e = B64.decode(key["e"].as_str().unwrap()).unwrap();
        RsaPublicKeyComponents { n, e }
            .verify(
                &RSA_PKCS1_2048_8192_SHA256,
                format!("{}.{}", parts[0], parts[1]).as_bytes(),
                &B64.decode(parts[2]).unwrap(),
            )
            .expect("the signature verifies with the JWKS key");
        serde_json::from_slice(&B64.decode(parts[1]).unwrap()).unwrap()
    }

    async fn mcp_status(s: &Sandbox, token: &str) -> u16 {
        http()
            .post(s.mcp_url())
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    #[tokio::test]
    async fn a_dcr_client_signs_in_and_gets_a_jwt_for_the_mcp_server_then_refreshes_it() {
        let (s, aud) = ready().await;
        let client_id = register(&s).await;
        let (status, location) = authorize(&s, &client_id, &[("resource", &aud)]).await;
        assert_eq!(status, 302, "{location}");
        assert!(location.starts_with(REDIRECT), "{location}");
        assert_eq!(query_of(&location, "state").as_deref(), Some("st4te"));
        assert_eq!(query_of(&location, "iss"), None, "not advertised");
        let code = query_of(&location, "code").unwrap();

        let (status, wrong) = token(
            &s,
            &[
                ("grant_type", "authorization_code"),
                ("client_id", &client_id),
                ("code", &code),
                ("code_verifier", "another-verifier"),
                ("redirect_uri", REDIRECT),
            ],
        )
        .await;
        assert_eq!(
            (status.as_u16(), wrong["error"].as_str()),
            (403, Some("invalid_grant"))
        );
        // a failed exchange used the code up, as a real one-time code
        let (status, _) = exchange(&s, &client_id, &code).await;
        assert_eq!(status.as_u16(), 403);

        let (_, location) = authorize(&s, &client_id, &[]).await;
        let code = query_of(&location, "code").unwrap();
        let (status, answer) = exchange(&s, &client_id, &code).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let access = answer["access_token"].as_str().unwrap();
        let claims = verified_claims(&s, access).await;
        assert_eq!(claims["aud"], aud.as_str());
        assert_eq!(claims["iss"], s.issuer());
        assert_eq!(claims["sub"], Sandbox::test_user());
        assert_eq!(claims["azp"], client_id.as_str());
        assert_eq!(answer["scope"], "mcp:tools offline_access");
        assert_eq!(mcp_status(&s, access).await, 200);
        let (status, again) = exchange(&s, &client_id, &code).await;
        assert_eq!(
            (status.as_u16(), again["error"].as_str()),
            (403, Some("invalid_grant"))
        );

        let refresh = answer["refresh_token"].as_str().unwrap();
        let form = [
            ("grant_type", "refresh_token"),
            ("client_id", client_id.as_str()),
            ("refresh_token", refresh),
        ];
        let (status, renewed) = token(&s, &form).await;
        assert_eq!(status, StatusCode::OK, "{renewed}");
        let claims = verified_claims(&s, renewed["access_token"].as_str().unwrap()).await;
        assert_eq!(claims["aud"], aud.as_str());
        assert_ne!(renewed["refresh_token"], answer["refresh_token"], "rotated");
        let (status, _) = token(&s, &form).await;
        assert_eq!(status.as_u16(), 403, "the old refresh token is spent");
    }

    #[tokio::test]
    async fn the_audience_is_the_parameter_then_resource_under_compatibility_then_the_default() {
        let (s, aud) = ready().await;
        let other = "https://other.example/api";
        s.with_tenant(|t| {
            let mut rs = t.resource_servers.last().unwrap().clone();
            rs["identifier"] = json!(other);
            t.resource_servers.push(rs);
            let mut grant = t.client_grants.last().unwrap().clone();
            grant["audience"] = json!(other);
            t.client_grants.push(grant);
        });
        let client_id = register(&s).await;
        let aud_of = |extra: Vec<(&'static str, String)>| {
            let s = &s;
            let client_id = client_id.clone();
            async move {
                let extra: Vec<(&str, &str)> =
                    extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let (status, location) = authorize(s, &client_id, &extra).await;
                assert_eq!(status, 302, "{location}");
                let code = query_of(&location, "code").unwrap();
                let (_, answer) = exchange(s, &client_id, &code).await;
                verified_claims(s, answer["access_token"].as_str().unwrap()).await["aud"].clone()
            }
        };
        assert_eq!(aud_of(vec![("audience", other.into())]).await, other);
        // the default profile ignores `resource`
        assert_eq!(aud_of(vec![("resource", other.into())]).await, aud.as_str());
        s.with_tenant(|t| t.settings["resource_parameter_profile"] = json!("compatibility"));
        assert_eq!(aud_of(vec![("resource", other.into())]).await, other);
        assert_eq!(
            aud_of(vec![("resource", other.into()), ("audience", aud.clone())]).await,
            aud.as_str()
        );
        let (status, page) =
            authorize(&s, &client_id, &[("resource", "https://nope.example/")]).await;
        assert_eq!(status, 400);
        assert!(
            page.contains("Service not found: https://nope.example/"),
            "{page}"
        );
    }

    #[tokio::test]
    async fn strict_clients_see_auth0s_error_page_for_each_missing_piece_of_the_setup() {
        let (s, _) = ready().await;
        let client_id = register(&s).await;
        s.with_tenant(|t| t.settings["default_audience"] = json!(""));
        let (status, page) = authorize(&s, &client_id, &[]).await;
        assert_eq!(status, 400);
        assert!(
            page.contains("The userinfo audience is not allowed for third party clients"),
            "{page}"
        );

        let (s, _) = ready().await;
        let client_id = register(&s).await;
        s.with_tenant(|t| t.connections[0]["is_domain_connection"] = json!(false));
        let (status, page) = authorize(&s, &client_id, &[]).await;
        assert_eq!(status, 400);
        assert!(
            page.contains("invalid_request")
                && page.contains("no connections enabled for the client"),
            "{page}"
        );

        let (s, aud) = ready().await;
        let client_id = register(&s).await;
        s.with_tenant(|t| {
            t.client_grants
                .retain(|g| g["default_for"] != "third_party_clients")
        });
        let (status, location) = authorize(&s, &client_id, &[]).await;
        assert_eq!(status, 302);
        let (status, answer) =
            exchange(&s, &client_id, &query_of(&location, "code").unwrap()).await;
        assert_eq!(
            (status.as_u16(), answer["error"].as_str()),
            (403, Some("unauthorized_client"))
        );
        assert!(
            answer["error_description"].as_str().unwrap().contains(&aud),
            "{answer}"
        );

        for (extra, expected) in [
            (&[("code_challenge_method", "plain")][..], "PKCE"),
            (
                &[("redirect_uri", "http://127.0.0.1:9/elsewhere")],
                "Callback URL mismatch",
            ),
            (&[("client_id", "tpc_unknown")], "Unknown client"),
            (
                &[("response_mode", "form_post")],
                "not allowed for third-party clients: response_mode",
            ),
        ] {
            let (status, page) = authorize(&s, &client_id, extra).await;
            assert_eq!(status, 400, "{extra:?}");
            assert!(page.contains(expected), "{extra:?}: {page}");
        }
        let (status, page) = authorize(&s, &s.client_id(), &[]).await;
        assert_eq!(status, 400, "the M2M app has no callback: {page}");
    }

    #[tokio::test]
    async fn permissive_clients_get_redirected_errors_and_an_opaque_token_without_an_audience() {
        let (s, _) = ready().await;
        s.with_tenant(|t| {
            t.settings["dynamic_client_registration_security_mode"] = json!("permissive");
            t.settings["default_audience"] = json!("");
        });
        let client_id = register(&s).await;
        let (status, location) = authorize(&s, &client_id, &[]).await;
        assert_eq!(status, 302, "{location}");
        let (status, answer) =
            exchange(&s, &client_id, &query_of(&location, "code").unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        let access = answer["access_token"].as_str().unwrap();
        assert_eq!(access.split('.').count(), 5, "JWE-shaped: {access}");
        assert!(answer.get("refresh_token").is_none());
        assert_eq!(mcp_status(&s, access).await, 401);

        s.with_tenant(|t| {
            for c in &mut t.connections {
                c["is_domain_connection"] = json!(false);
            }
        });
        let (status, location) = authorize(&s, &client_id, &[]).await;
        assert_eq!(status, 302);
        assert_eq!(
            query_of(&location, "error").as_deref(),
            Some("invalid_request")
        );
        assert_eq!(query_of(&location, "state").as_deref(), Some("st4te"));
    }

    #[tokio::test]
    async fn the_callback_carries_iss_when_the_metadata_advertises_it() {
        let (s, _) = ready().await;
        s.with_tenant(|t| {
            t.settings["authorization_response_iss_parameter_supported"] = json!(true)
        });
        let client_id = register(&s).await;
        let (_, location) = authorize(&s, &client_id, &[]).await;
        assert_eq!(query_of(&location, "iss"), Some(s.issuer()));
    }

    #[tokio::test]
    async fn the_mcp_server_takes_only_tokens_of_its_tenant_for_itself() {
        let (s, aud) = ready().await;
        let client_id = register(&s).await;
        s.with_tenant(|t| {
            let mut rs = t.resource_servers.last().unwrap().clone();
            rs["identifier"] = json!("https://other.example/api");
            t.resource_servers.push(rs);
            let mut grant = t.client_grants.last().unwrap().clone();
            grant["audience"] = json!("https://other.example/api");
            t.client_grants.push(grant);
        });
        let (_, location) =
            authorize(&s, &client_id, &[("audience", "https://other.example/api")]).await;
        let (_, answer) = exchange(&s, &client_id, &query_of(&location, "code").unwrap()).await;
        let resp = http()
            .get(&aud)
            .bearer_auth(answer["access_token"].as_str().unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 401);
        let challenge = resp.headers()["www-authenticate"].to_str().unwrap();
        assert!(
            challenge.contains("error=\"invalid_token\"") && challenge.contains("audience"),
            "{challenge}"
        );
        assert!(challenge.contains("resource_metadata="), "{challenge}");
        // a management token is HS256: not signed with a JWKS key
        assert_eq!(mcp_status(&s, &s.issue_token(&[])).await, 401);
    }
}
