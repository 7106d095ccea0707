//! Auth0 Management API v2 calls and the shapes authsetup reads from them (notes/auth0.md §A).

use std::collections::BTreeSet;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};
use tokio::sync::OnceCell;
use url::Url;

use crate::error::{AppError, Result};
use crate::http::{Http, Request, Response, printable};
use crate::provider::LoginConnection;
use crate::settings::{Credentials, Domain};

use super::state::{App, ClientGrant, Connection, ResourceServer, TenantSettings};

pub const SCOPES_PAGE: &str = "Auth0 Dashboard → Applications → APIs → Auth0 Management API → Machine To Machine Applications";

/// How to find what a create may have made when its answer was lost.
#[derive(Debug, Clone, Copy)]
enum Lookup {
    ResourceServer,
    DefaultGrant,
    Connection,
    ClientGrant,
    Client,
}

/// Attempts of one create whose answer keeps getting lost before giving up.
const MAX_CREATE_ATTEMPTS: u32 = 3;

/// RFC 3986 unreserved characters stay as they are, like the requests recorded from real clients.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub struct ManagementApi {
    http: Http,
    /// The domain users and tokens see (the issuer), possibly a custom domain.
    domain: Domain,
    /// The canonical domain the Management API and its token audience live on.
    management: Domain,
    credentials: CredentialSource,
    token: OnceCell<Token>,
}

enum CredentialSource {
    None,
    Token(SecretString),
    ClientCredentials {
        client_id: String,
        client_secret: SecretString,
    },
}

struct Token {
    secret: SecretString,
    /// Scopes the token carries when they can be read (JWT `scope` claim or the token response).
    scopes: Option<BTreeSet<String>>,
}

impl ManagementApi {
    pub fn new(
        http: Http,
        domain: Domain,
        management: Option<Domain>,
        credentials: &Credentials,
    ) -> Self {
        let management = management.unwrap_or_else(|| domain.clone());
        let credentials = match credentials {
            Credentials::Auth0Token(t) => CredentialSource::Token(t.clone()),
            Credentials::Auth0ClientCredentials {
                client_id,
                client_secret,
            } => CredentialSource::ClientCredentials {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
            },
            _ => CredentialSource::None,
        };
        http.pace_for(&management.origin());
        match &credentials {
            CredentialSource::None => {}
            CredentialSource::Token(t) => http.register_secret(t.expose_secret()),
            CredentialSource::ClientCredentials { client_secret, .. } => {
                http.register_secret(client_secret.expose_secret())
            }
        }
        Self {
            http,
            domain,
            management,
            credentials,
            token: OnceCell::new(),
        }
    }

    pub fn domain(&self) -> &Domain {
        &self.domain
    }

    fn url(&self, path_and_query: &str) -> Url {
        Url::parse(&format!(
            "{}/api/v2/{path_and_query}",
            self.management.origin()
        ))
        .expect("valid management URL")
    }

    /// The token, fetched once per run with the client-credentials grant when needed.
    async fn token(&self) -> Result<&Token> {
        self.token
            .get_or_try_init(|| async {
                match &self.credentials {
                    CredentialSource::None => Err(no_credentials()),
                    CredentialSource::Token(t) => Ok(Token {
                        secret: t.clone(),
                        scopes: jwt_scopes(t.expose_secret()),
                    }),
                    CredentialSource::ClientCredentials {
                        client_id,
                        client_secret,
                    } => self.client_credentials(client_id, client_secret).await,
                }
            })
            .await
    }

    /// Bad input (exit 2) when there is nothing to get a token with, found before any request.
    pub fn require_credentials(&self) -> Result<()> {
        match self.credentials {
            CredentialSource::None => Err(no_credentials()),
            _ => Ok(()),
        }
    }

    /// Gets the token and tells which scopes it carries; `None` when they cannot be read from it.
    pub async fn token_scopes(&self) -> Result<Option<BTreeSet<String>>> {
        Ok(self.token().await?.scopes.clone())
    }

    async fn client_credentials(
        &self,
        client_id: &str,
        client_secret: &SecretString,
    ) -> Result<Token> {
        // A custom domain issues user tokens but not Management API tokens: the audience is
        // always the canonical domain's (fidelity A2).
        let url = Url::parse(&format!("{}/oauth/token", self.management.origin()))
            .expect("valid token URL");
        let audience = format!("{}/api/v2/", self.management.origin());
        let req = Request::new(Method::POST, url).repeatable().form(vec![
            ("grant_type", "client_credentials".into()),
            ("client_id", client_id.into()),
            ("client_secret", client_secret.expose_secret().to_string()),
            ("audience", audience),
        ]);
        let resp = self.http.send(&req).await?;
        let body = resp.json().unwrap_or(Value::Null);
        if resp.status.is_server_error() {
            return Err(AppError::failed(format!(
                "POST /oauth/token: Auth0 answered {} (after retries)",
                resp.status
            ))
            .with_hint("the tenant's authentication service is unavailable; check https://status.auth0.com and run the command again"));
        }
        if !resp.status.is_success() {
            let code = body["error"].as_str().unwrap_or_default();
            let desc = body["error_description"].as_str().unwrap_or_default();
            let message = printable(if desc.is_empty() { code } else { desc });
            let hint = if message.contains("Service not enabled within domain") {
                "the domain looks like a custom domain, which has no Management API: pass the tenant's canonical domain (e.g. tenant.us.auth0.com) with --management-domain or AUTH0_MANAGEMENT_DOMAIN"
            } else {
                "check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, and that the application is a Machine to Machine app authorized for the Auth0 Management API"
            };
            return Err(AppError::failed(format!(
                "Auth0 refused the client-credentials grant ({}): {message}",
                resp.status.as_u16()
            ))
            .with_hint(hint));
        }
        let token = body["access_token"].as_str().ok_or_else(|| {
            AppError::failed("Auth0's token response has no access_token")
                .with_hint("check the domain points at an Auth0 tenant")
        })?;
        self.http.register_secret(token);
        let scopes = body["scope"]
            .as_str()
            .map(|s| s.split_whitespace().map(String::from).collect())
            .or_else(|| jwt_scopes(token));
        Ok(Token {
            secret: SecretString::from(token.to_string()),
            scopes,
        })
    }

    /// Fails before any write when the token is known to lack scopes the run needs, naming all
    /// of them at once.
    pub async fn require_scopes(&self, needed: &[(&'static str, &'static str)]) -> Result<()> {
        if needed.is_empty() {
            return Ok(());
        }
        let token = self.token().await?;
        let Some(have) = &token.scopes else {
            return Ok(());
        };
        let missing: Vec<String> = needed
            .iter()
            .filter(|(scope, _)| !have.contains(*scope))
            .map(|(scope, why)| format!("{scope} (to {why})"))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(AppError::failed(format!(
            "the Management API token lacks {}: {}",
            if missing.len() == 1 {
                "a scope"
            } else {
                "scopes"
            },
            missing.join(", ")
        ))
        .with_hint(format!(
            "grant them to the application in the {SCOPES_PAGE}, then get a new token"
        )))
    }

    /// One Management API request with the run's token, through the pacer.
    async fn send(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<Response> {
        let token = self.token().await?;
        let mut req = Request::new(method, self.url(path_and_query))
            .bearer(&token.secret)
            .paced();
        if let Some(b) = body {
            req = req.json(b.clone());
        }
        self.http.send(&req).await
    }

    async fn call(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<Value>,
    ) -> Result<Response> {
        let label = label(&method, path_and_query);
        let resp = self.send(method, path_and_query, body.as_ref()).await?;
        // 404 is an answer for lookups and 409 for creates of what already exists; the callers
        // decide what they mean.
        if resp.status.is_success() || matches!(resp.status.as_u16(), 404 | 409) {
            return Ok(resp);
        }
        Err(decode_error(&label, &resp))
    }

    /// Like `call`, but a 2xx must carry JSON; a 404 is returned as `None`.
    async fn call_json(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<Value>,
    ) -> Result<Option<Value>> {
        let label = label(&method, path_and_query);
        let resp = self.call(method, path_and_query, body).await?;
        if resp.status == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if resp.status == reqwest::StatusCode::CONFLICT {
            return Err(decode_error(&label, &resp));
        }
        resp.json_document(&label, "Auth0").map(Some)
    }

    fn not_found(label: &str) -> AppError {
        AppError::failed(format!("{label}: Auth0 answered 404 Not Found"))
    }

    pub async fn get_resource_server(&self, identifier: &str) -> Result<Option<ResourceServer>> {
        let path = format!("resource-servers/{}", encode(identifier));
        Ok(self
            .call_json(Method::GET, &path, None)
            .await?
            .map(|v| ResourceServer::from_json(&v)))
    }

    pub async fn create_resource_server(&self, body: Value) -> Result<()> {
        self.create("resource-servers", body, Lookup::ResourceServer)
            .await
            .map(drop)
    }

    /// POSTs a new object. A create is not safe to repeat blindly: when the answer is lost (a
    /// 5xx, a dropped connection) the object may exist anyway, so it is looked up before the
    /// next attempt. A 409 means an earlier, interrupted run already created it, which is
    /// the state we want. The answer's document comes back when there was one.
    async fn create(&self, collection: &str, body: Value, lookup: Lookup) -> Result<Option<Value>> {
        let label = label(&Method::POST, collection);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let lost = match self.send(Method::POST, collection, Some(&body)).await {
                Ok(resp) if resp.status.is_success() => return Ok(resp.json()),
                Ok(resp) if resp.status.as_u16() == 409 => return Ok(None),
                Ok(resp) if resp.status.is_server_error() => decode_error(&label, &resp),
                Ok(resp) => return Err(decode_error(&label, &resp)),
                Err(e) => e,
            };
            if self.exists(lookup, &body).await? {
                return Ok(None);
            }
            if attempt >= MAX_CREATE_ATTEMPTS {
                return Err(lost);
            }
        }
    }

    async fn exists(&self, lookup: Lookup, body: &Value) -> Result<bool> {
        let key = |k: &str| body[k].as_str().unwrap_or_default().to_string();
        Ok(match lookup {
            Lookup::ResourceServer => self
                .get_resource_server(&key("identifier"))
                .await?
                .is_some(),
            Lookup::DefaultGrant => self.get_default_grant(&key("audience")).await?.is_some(),
            Lookup::Connection => self.get_connection(&key("name")).await?.is_some(),
            Lookup::Client => self.find_client(&key("name")).await?.is_some(),
            Lookup::ClientGrant => self
                .get_client_grant(&key("client_id"), &key("audience"))
                .await?
                .is_some(),
        })
    }

    pub async fn update_resource_server(&self, id: &str, body: Value) -> Result<()> {
        let path = format!("resource-servers/{}", encode(id));
        self.call_json(Method::PATCH, &path, Some(body))
            .await?
            .ok_or_else(|| Self::not_found("PATCH /api/v2/resource-servers/{id}"))?;
        Ok(())
    }

    pub async fn get_default_grant(&self, audience: &str) -> Result<Option<ClientGrant>> {
        let grants = self.default_grants(audience, "&subject_type=user").await?;
        Ok(grants.into_iter().next())
    }

    /// Every default grant for third-party clients on the API, whatever its `subject_type`:
    /// doctor tells a grant Auth0 defaulted to `client` from a missing one.
    pub async fn all_default_grants(&self, audience: &str) -> Result<Vec<ClientGrant>> {
        self.default_grants(audience, "").await
    }

    async fn default_grants(&self, audience: &str, filter: &str) -> Result<Vec<ClientGrant>> {
        self.grants(format!(
            "audience={}&default_for=third_party_clients{filter}",
            encode(audience)
        ))
        .await
    }

    /// `GET /client-grants?<query>`.
    async fn grants(&self, query: String) -> Result<Vec<ClientGrant>> {
        let v = self
            .call_json(Method::GET, &format!("client-grants?{query}"), None)
            .await?
            .unwrap_or(Value::Null);
        Ok(list_items(&v, "client_grants")
            .iter()
            .map(ClientGrant::from_json)
            .collect())
    }

    pub async fn create_grant(&self, body: Value) -> Result<()> {
        self.create("client-grants", body, Lookup::DefaultGrant)
            .await
            .map(drop)
    }

    /// The grant of one client for the API.
    pub async fn get_client_grant(
        &self,
        client_id: &str,
        audience: &str,
    ) -> Result<Option<ClientGrant>> {
        let query = format!(
            "audience={}&client_id={}",
            encode(audience),
            encode(client_id)
        );
        Ok(self.grants(query).await?.into_iter().next())
    }

    pub async fn create_client_grant(&self, body: Value) -> Result<()> {
        self.create("client-grants", body, Lookup::ClientGrant)
            .await
            .map(drop)
    }

    /// The native application named `name`, the client authsetup registers for Codex. Names are
    /// not unique in Auth0: of several, the one carrying authsetup's mark, else the first.
    pub async fn find_client(&self, name: &str) -> Result<Option<App>> {
        const PER_PAGE: usize = 100;
        const MAX_PAGES: usize = 10;
        let mut first = None;
        for page in 0..MAX_PAGES {
            let path = format!(
                "clients?app_type=native&fields=client_id,name,callbacks,is_first_party,client_metadata&include_fields=true&per_page={PER_PAGE}&page={page}"
            );
            let v = self
                .call_json(Method::GET, &path, None)
                .await?
                .unwrap_or(Value::Null);
            let items = list_items(&v, "clients");
            for app in items.iter().map(App::from_json).filter(|a| a.name == name) {
                if app.marked {
                    return Ok(Some(app));
                }
                first.get_or_insert(app);
            }
            if items.len() < PER_PAGE {
                break;
            }
        }
        Ok(first)
    }

    /// Creates an application and returns its client id; a create whose answer was lost is
    /// found again by its name.
    pub async fn create_client(&self, body: Value) -> Result<String> {
        let name = body["name"].as_str().unwrap_or_default().to_string();
        let answer = self.create("clients", body, Lookup::Client).await?;
        let id = match answer.as_ref().and_then(|a| a["client_id"].as_str()) {
            Some(id) => Some(id.to_string()),
            None => self.find_client(&name).await?.map(|a| a.id),
        };
        id.ok_or_else(|| {
            AppError::failed(format!(
                "POST /api/v2/clients: Auth0 answered without the client id of {name}"
            ))
        })
    }

    pub async fn update_client(&self, id: &str, body: Value) -> Result<()> {
        let path = format!("clients/{}", encode(id));
        self.call_json(Method::PATCH, &path, Some(body))
            .await?
            .ok_or_else(|| Self::not_found("PATCH /api/v2/clients/{id}"))?;
        Ok(())
    }

    /// The clients a connection is enabled for (`GET /connections/{id}/clients`).
    pub async fn connection_clients(&self, id: &str) -> Result<Vec<String>> {
        let path = format!("connections/{}/clients", encode(id));
        let v = self
            .call_json(Method::GET, &path, None)
            .await?
            .unwrap_or(Value::Null);
        Ok(list_items(&v, "clients")
            .iter()
            .filter_map(|c| c["client_id"].as_str().map(String::from))
            .collect())
    }

    /// Switches the connection on (or off) for one client, leaving every other client as it is.
    pub async fn set_connection_client(&self, id: &str, client_id: &str, on: bool) -> Result<()> {
        let path = format!("connections/{}/clients", encode(id));
        let body = json!([{"client_id": client_id, "status": on}]);
        let resp = self.call(Method::PATCH, &path, Some(body)).await?;
        if resp.status == reqwest::StatusCode::NOT_FOUND {
            return Err(AppError::failed(
                "PATCH /api/v2/connections/{id}/clients: the connection no longer exists",
            ));
        }
        Ok(())
    }

    pub async fn update_grant(&self, id: &str, body: Value) -> Result<()> {
        let path = format!("client-grants/{}", encode(id));
        self.call_json(Method::PATCH, &path, Some(body))
            .await?
            .ok_or_else(|| Self::not_found("PATCH /api/v2/client-grants/{id}"))?;
        Ok(())
    }

    pub async fn get_connection(&self, name: &str) -> Result<Option<Connection>> {
        let path = format!(
            "connections?name={}&fields=id,name,strategy,is_domain_connection,display_name&include_fields=true",
            encode(name)
        );
        let v = self
            .call_json(Method::GET, &path, None)
            .await?
            .unwrap_or(Value::Null);
        Ok(list_items(&v, "connections")
            .iter()
            .map(Connection::from_json)
            .find(|c| c.name == name))
    }

    /// The tenant's connections (the first 50): for the wizard's choice, and for the message
    /// when the requested one is missing.
    pub async fn connections(&self) -> Result<Vec<LoginConnection>> {
        let v = self
            .call_json(
                Method::GET,
                "connections?fields=name,strategy&include_fields=true&per_page=50",
                None,
            )
            .await?
            .unwrap_or(Value::Null);
        Ok(list_items(&v, "connections")
            .iter()
            .filter_map(|c| {
                Some(LoginConnection {
                    name: c["name"].as_str()?.to_string(),
                    kind: c["strategy"].as_str().map(String::from),
                })
            })
            .collect())
    }

    /// How many third-party applications the tenant holds; every DCR registration adds one
    /// (notes/auth0.md §F). The total comes with the first page when the tenant sends totals.
    pub async fn count_third_party_clients(&self) -> Result<usize> {
        const PER_PAGE: usize = 50;
        // Offset pagination stops near 1000 items (§A9); past that the count is a lower bound.
        const MAX_PAGES: usize = 20;
        let mut counted = 0;
        for page in 0..MAX_PAGES {
            let path = format!(
                "clients?is_first_party=false&fields=client_id,name&include_fields=true&include_totals=true&per_page={PER_PAGE}&page={page}"
            );
            let v = self
                .call_json(Method::GET, &path, None)
                .await?
                .unwrap_or(Value::Null);
            if let Some(total) = v["total"].as_u64() {
                return Ok(total as usize);
            }
            let items = list_items(&v, "clients").len();
            counted += items;
            if items < PER_PAGE {
                break;
            }
        }
        Ok(counted)
    }

    /// One application's identity: enough to tell a client the doctor probe registered from any
    /// other. `None` when the tenant has no such application.
    pub async fn client(&self, client_id: &str) -> Result<Option<Value>> {
        let path = format!(
            "clients/{}?fields=client_id,name,is_first_party,callbacks&include_fields=true",
            encode(client_id)
        );
        self.call_json(Method::GET, &path, None).await
    }

    /// How many Rules are enabled (the total, or the first page's count when totals are absent).
    pub async fn count_active_rules(&self) -> Result<usize> {
        let v = self
            .call_json(
                Method::GET,
                "rules?enabled=true&fields=id&include_fields=true&include_totals=true&per_page=50",
                None,
            )
            .await?
            .unwrap_or(Value::Null);
        Ok(v["total"]
            .as_u64()
            .map_or_else(|| list_items(&v, "rules").len(), |t| t as usize))
    }

    /// `universal_login_experience` of the prompt settings: `new` or `classic`.
    pub async fn universal_login_experience(&self) -> Result<Option<String>> {
        let v = self
            .call_json(Method::GET, "prompts", None)
            .await?
            .unwrap_or(Value::Null);
        Ok(v["universal_login_experience"].as_str().map(String::from))
    }

    /// The third-party applications Dynamic Client Registration made. Auth0 marks them with
    /// `external_metadata_type: "dcr"` (OAS `ClientExternalMetadataTypeEnum`); a tenant that does
    /// not send the field yet is read by the `tpc_` id every DCR client gets (notes §0). A
    /// first-party or CIMD client, or one an administrator created, never qualifies.
    pub async fn dcr_clients(&self) -> Result<Vec<(String, String)>> {
        let items = self
            .pages(
                "clients?is_first_party=false&fields=client_id,name,is_first_party,external_metadata_type,external_metadata_created_by&include_fields=true",
                "clients",
            )
            .await?;
        Ok(items
            .iter()
            .filter(|c| is_dcr_client(c))
            .map(|c| {
                (
                    c["client_id"].as_str().unwrap_or_default().to_string(),
                    c["name"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect())
    }

    /// When each client DCR registered was registered, from the tenant logs (notes §D2's query);
    /// the logs keep a few days to a month depending on the plan, so an older one is absent.
    pub async fn registration_dates(&self) -> Result<Vec<(String, String)>> {
        let q = encode(r#"type:sapi AND description:"Dynamic client registration""#);
        // The OAS declares the Lucene query as `search` (its prose still says `q`).
        let path =
            format!("logs?search={q}&fields=date,client_id&include_fields=true&sort=date%3A-1");
        let items = self.pages(&path, "logs").await?;
        Ok(items
            .iter()
            .filter_map(|l| {
                Some((
                    l["client_id"].as_str()?.to_string(),
                    l["date"].as_str()?.to_string(),
                ))
            })
            .collect())
    }

    /// Every item of a list, page by page; offset pagination stops near 1000 items (§A9).
    async fn pages(&self, path_and_query: &str, key: &str) -> Result<Vec<Value>> {
        const PER_PAGE: usize = 100;
        const MAX_PAGES: usize = 10;
        let mut out = Vec::new();
        for page in 0..MAX_PAGES {
            let path = format!("{path_and_query}&per_page={PER_PAGE}&page={page}");
            let v = self
                .call_json(Method::GET, &path, None)
                .await?
                .unwrap_or(Value::Null);
            let items = list_items(&v, key);
            out.extend_from_slice(items);
            if items.len() < PER_PAGE {
                break;
            }
        }
        Ok(out)
    }

    /// Deletes an API; one already gone counts as deleted (the OAS lists no 404).
    pub async fn delete_resource_server(&self, id: &str) -> Result<()> {
        let path = format!("resource-servers/{}", encode(id));
        self.call(Method::DELETE, &path, None).await.map(drop)
    }

    /// Deletes a client grant; one already gone counts as deleted.
    pub async fn delete_grant(&self, id: &str) -> Result<()> {
        let path = format!("client-grants/{}", encode(id));
        self.call(Method::DELETE, &path, None).await.map(drop)
    }

    /// Deletes an application; one already gone counts as deleted.
    pub async fn delete_client(&self, client_id: &str) -> Result<()> {
        let path = format!("clients/{}", encode(client_id));
        self.call(Method::DELETE, &path, None).await.map(drop)
    }

    pub async fn create_connection(&self, body: Value) -> Result<()> {
        self.create("connections", body, Lookup::Connection)
            .await
            .map(drop)
    }

    pub async fn update_connection(&self, id: &str, body: Value) -> Result<()> {
        let path = format!("connections/{}", encode(id));
        self.call_json(Method::PATCH, &path, Some(body))
            .await?
            .ok_or_else(|| {
                AppError::failed("PATCH /api/v2/connections/{id}: the connection no longer exists")
            })?;
        Ok(())
    }

    pub async fn get_tenant_settings(&self) -> Result<TenantSettings> {
        let path = "tenants/settings?fields=default_audience,flags,resource_parameter_profile,dynamic_client_registration_security_mode,authorization_response_iss_parameter_supported&include_fields=true";
        let v = self
            .call_json(Method::GET, path, None)
            .await?
            .ok_or_else(|| Self::not_found("GET /api/v2/tenants/settings"))?;
        Ok(TenantSettings::from_json(&v))
    }

    pub async fn update_tenant_settings(&self, body: Value) -> Result<()> {
        self.call_json(Method::PATCH, "tenants/settings", Some(body))
            .await?
            .ok_or_else(|| Self::not_found("PATCH /api/v2/tenants/settings"))?;
        Ok(())
    }
}

fn is_dcr_client(c: &Value) -> bool {
    let third_party = c["is_first_party"] == false;
    let made_by_dcr = match c.get("external_metadata_type") {
        Some(kind) => kind == "dcr" && c["external_metadata_created_by"] == "client",
        None => c["client_id"]
            .as_str()
            .is_some_and(|id| id.starts_with("tpc_")),
    };
    third_party && made_by_dcr
}

/// Reached before any request is sent, so this is bad input (exit 2).
fn no_credentials() -> AppError {
    AppError::usage(
        "no Auth0 Management API credentials were given",
        "set AUTH0_MGMT_TOKEN, or AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or pass --token-stdin",
    )
}

/// `GET /api/v2/tenants/settings`: the request without its query, for messages.
fn label(method: &Method, path_and_query: &str) -> String {
    format!(
        "{method} /api/v2/{}",
        path_and_query.split('?').next().unwrap_or_default()
    )
}

/// Path segments and query values: the identifier is a URL, so `/` and `:` must be encoded.
fn encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// List endpoints answer a bare array, or an object with the items under `key` when totals or
/// checkpoints are requested (OAS oneOf).
fn list_items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match v {
        Value::Array(items) => items,
        Value::Object(map) => map
            .get(key)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]),
        _ => &[],
    }
}

/// The `scope` claim of a JWT, to name missing scopes before anything is written.
fn jwt_scopes(token: &str) -> Option<BTreeSet<String>> {
    let claims = crate::jwt::claims(token)?;
    let scope = claims.get("scope")?.as_str()?;
    Some(scope.split_whitespace().map(String::from).collect())
}

/// Turns an Auth0 error answer into one readable line and a hint (notes/auth0.md §A7).
fn decode_error(label: &str, resp: &Response) -> AppError {
    let status = resp.status.as_u16();
    let body = resp.json();
    let message = body
        .as_ref()
        .and_then(|b| b["message"].as_str().map(printable))
        .unwrap_or_default();
    match status {
        401 => AppError::failed(format!("{label}: the Management API token is invalid or expired ({})", if message.is_empty() { "401 Unauthorized" } else { &message }))
            .with_hint("get a new token, or set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET so authsetup fetches one itself"),
        403 => {
            if let Some(scopes) = message.split("expected any of:").nth(1) {
                let scopes = scopes.trim().trim_end_matches('.');
                AppError::failed(format!("{label}: the Management API token lacks the scope {scopes}"))
                    .with_hint(format!("grant {scopes} to the application in the {SCOPES_PAGE}, then get a new token"))
            } else {
                AppError::failed(format!("{label}: Auth0 refused the request (403 Forbidden): {message}"))
            }
        }
        429 => AppError::failed(format!("{label}: Auth0 kept answering 429 Too Many Requests"))
            .with_hint("the tenant's Management API rate limit is exhausted; wait a minute and run the command again"),
        _ if body.is_none() => AppError::failed(format!(
            "{label}: Auth0 answered {} with a body that is not JSON",
            resp.status
        ))
        .with_hint("a proxy or an Auth0 outage may be in the way; check https://status.auth0.com and run the command again"),
        _ => {
            let reason = if message.is_empty() { resp.status.to_string() } else { message };
            AppError::failed(format!("{label}: Auth0 answered {status}: {reason}"))
        }
    }
}

/// The body of the default grant that lets every third-party (DCR) client get user tokens for
/// the API. `subject_type` must be explicit: Auth0 defaults it to `client`.
pub fn default_grant_body(audience: &str, scopes: &[String]) -> Value {
    json!({
        "default_for": "third_party_clients",
        "audience": audience,
        "subject_type": "user",
        "scope": scopes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_encoded_as_one_segment() {
        assert_eq!(
            encode("https://api.example.com/"),
            "https%3A%2F%2Fapi.example.com%2F"
        );
    }

    #[test]
    fn only_third_party_clients_dcr_made_qualify() {
        let dcr = json!({"client_id": "tpc_1", "is_first_party": false, "external_metadata_type": "dcr", "external_metadata_created_by": "client"});
        assert!(is_dcr_client(&dcr));
        assert!(is_dcr_client(
            &json!({"client_id": "tpc_1", "is_first_party": false})
        ));
        for not in [
            json!({"client_id": "tpc_1", "is_first_party": true, "external_metadata_type": "dcr", "external_metadata_created_by": "client"}),
            json!({"client_id": "tpc_1", "external_metadata_type": "dcr", "external_metadata_created_by": "client"}),
            json!({"client_id": "tpc_1", "is_first_party": false, "external_metadata_type": "cimd", "external_metadata_created_by": "client"}),
            json!({"client_id": "tpc_1", "is_first_party": false, "external_metadata_type": "dcr", "external_metadata_created_by": "admin"}),
            json!({"client_id": "abc", "is_first_party": false}),
        ] {
            assert!(!is_dcr_client(&not), "{not}");
        }
    }

    #[test]
    fn list_items_accepts_both_shapes() {
        let bare = json!([{"id": 1}]);
        let wrapped = json!({"total": 1, "connections": [{"id": 1}]});
        assert_eq!(list_items(&bare, "connections").len(), 1);
        assert_eq!(list_items(&wrapped, "connections").len(), 1);
        assert!(list_items(&json!(null), "connections").is_empty());
    }

    #[test]
    fn scopes_from_a_jwt() {
        use base64::Engine;
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(r#"{"scope":"read:a update:b"}"#);
        let token = format!("e30.{payload}.sig");
        let scopes = jwt_scopes(&token).unwrap();
        assert!(scopes.contains("read:a") && scopes.contains("update:b"));
        assert!(jwt_scopes("opaque").is_none());
    }
}
