//! The pure part of the Auth0 provider: desired state × observed tenant → changes and writes.
//! Nothing here does I/O, so every rule of notes/auth0.md §F is unit-tested below.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::error::{AppError, Result};
use crate::files::state::Record;
use crate::plan::{Action, Change, FieldChange};
use crate::provider::{MARK, Step, with_missing};
use crate::settings::AudienceMode;

use super::api::default_grant_body;
use super::state::{ApiScope, ClientGrant, MARK_KEY, TenantState};

/// "User Access = Allow, Client Access = Deny" (notes/auth0.md §0.3). The client policy has no
/// `allow_all`; `deny_all` keeps machine-to-machine tokens out.
const USER_POLICY: &str = "allow_all";
const CLIENT_POLICY: &str = "deny_all";
const SIGNING_ALG: &str = "RS256";
const DEFAULT_API_NAME: &str = "MCP server";

#[derive(Debug, Clone)]
pub struct Desired {
    pub audience: String,
    pub api_name: Option<String>,
    pub connection: String,
    pub create_connection: bool,
    pub replace_default_audience: bool,
    pub mcp_url: Option<String>,
    /// `None`: not chosen, see [`audience_mode`].
    pub audience_mode: Option<AudienceMode>,
    /// `--registration preregistered`: the first-party client authsetup registers for Codex instead
    /// of opening DCR. `None` is DCR.
    pub client: Option<CodexClient>,
    /// The scopes the API must have and its grants list; `None` leaves the API's scopes as they
    /// are and grants whatever it has.
    pub scopes: Option<Vec<String>>,
}

/// The client Codex logs in with when DCR stays closed: found by its name, allowed exactly
/// Codex's redirect URI for the MCP server.
#[derive(Debug, Clone)]
pub struct CodexClient {
    pub name: String,
    /// The redirect URI Codex sends.
    pub redirect_uri: String,
    /// Those of the other MCP clients configured with the same client id (settings `clients`).
    pub other_redirect_uris: Vec<String>,
}

impl CodexClient {
    /// Every redirect URI the client must allow, Codex's first.
    pub fn callbacks(&self) -> Vec<String> {
        std::iter::once(self.redirect_uri.clone())
            .chain(self.other_redirect_uris.iter().cloned())
            .collect()
    }
}

/// Which client a write is about: one the tenant has, or the one this apply creates first.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientRef {
    Existing(String),
    Created,
}

/// Grant types of Codex's own registration request (notes/codex-mcp.md, beyond.md §A3).
const CODEX_GRANTS: [&str; 2] = ["authorization_code", "refresh_token"];
/// The tenant settings Auth0's MCP quickstart turns on instead of a default audience.
const COMPATIBILITY: &str = "compatibility";
const ISS_SETTING: &str = "authorization_response_iss_parameter_supported";

/// One Management API write.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    CreateResourceServer(Value),
    UpdateResourceServer {
        id: String,
        body: Value,
    },
    UpdateTenant(Value),
    PromoteConnection {
        id: String,
        name: String,
        /// Sent back unchanged: a PATCH without it overwrites it with the name (OAS).
        display_name: Option<String>,
    },
    CreateConnection(Value),
    CreateGrant(Value),
    UpdateGrant {
        id: String,
        body: Value,
    },
    /// The configured scopes added to the grant of Codex's client.
    UpdateClientGrant {
        id: String,
        body: Value,
    },
    /// The first-party client for Codex (`--registration preregistered`).
    CreateClient(Value),
    /// Codex's redirect URI added to that client's callbacks (a new port or MCP URL).
    UpdateClient {
        id: String,
        body: Value,
    },
    /// A grant for that client; `client_id` is filled in when the client is known.
    CreateClientGrant {
        client: ClientRef,
        body: Value,
    },
    /// The connection switched on for that client only (`PATCH /connections/{id}/clients`).
    EnableConnection {
        id: String,
        name: String,
        client: ClientRef,
    },
    DeleteResourceServer {
        id: String,
        identifier: String,
    },
    /// The grant of Codex's client that apply created.
    DeleteClientGrant {
        id: String,
    },
    DeleteGrant {
        id: String,
    },
    /// Sends `display_name` back unchanged, like `PromoteConnection`.
    /// Codex's client created by apply, after its grant and connection are gone.
    DeleteClient {
        id: String,
        name: String,
    },
    /// The connection switched off again for Codex's client.
    DisableConnection {
        id: String,
        name: String,
        client_id: String,
    },
    DemoteConnection {
        id: String,
        name: String,
        display_name: Option<String>,
    },
}

/// A Management API scope and what authsetup needs it for, to name missing ones in one go.
pub type Scope = (&'static str, &'static str);

pub const READ_API: Scope = ("read:resource_servers", "read the API");
pub const READ_GRANT: Scope = ("read:client_grants", "read the default client grant");
pub const READ_CONNECTION: Scope = ("read:connections", "read the connection");
pub const READ_SETTINGS: Scope = ("read:tenant_settings", "read the tenant settings");
const CREATE_API: Scope = ("create:resource_servers", "create the API");
const UPDATE_API: Scope = ("update:resource_servers", "update the API");
const UPDATE_TENANT: Scope = ("update:tenant_settings", "update the tenant settings");
const PROMOTE_CONNECTION: Scope = ("update:connections", "promote the connection");
pub const CREATE_CONNECTION: Scope = ("create:connections", "create the connection");
const CREATE_GRANT: Scope = ("create:client_grants", "create the default client grant");
const UPDATE_GRANT: Scope = ("update:client_grants", "update the default client grant");
pub const READ_CLIENT: Scope = ("read:clients", "find Codex's client");
const CREATE_CLIENT: Scope = ("create:clients", "create Codex's client");
const UPDATE_CLIENT: Scope = ("update:clients", "add Codex's redirect URI to its client");
const CREATE_CLIENT_GRANT: Scope = ("create:client_grants", "grant Codex's client the API");
const UPDATE_CLIENT_GRANT: Scope = (
    "update:client_grants",
    "add scopes to the grant of Codex's client",
);
const ENABLE_CONNECTION: Scope = (
    "update:connections",
    "enable the connection for Codex's client",
);
const DELETE_API: Scope = ("delete:resource_servers", "delete the API");
const DELETE_GRANT: Scope = ("delete:client_grants", "delete the default client grant");
const DEMOTE_CONNECTION: Scope = ("update:connections", "demote the connection");
const DELETE_CLIENT: Scope = ("delete:clients", "delete Codex's client");
const DELETE_CLIENT_GRANT: Scope = ("delete:client_grants", "delete Codex's client grant");
const DISABLE_CONNECTION: Scope = (
    "update:connections",
    "switch the connection off for Codex's client",
);

/// Every write `apply` can make short of creating a connection, for doctor to check ahead.
pub const APPLY_SCOPES: [Scope; 6] = [
    CREATE_API,
    UPDATE_API,
    UPDATE_TENANT,
    PROMOTE_CONNECTION,
    CREATE_GRANT,
    UPDATE_GRANT,
];

impl Op {
    /// The scope the write needs and what for, to name missing ones before anything is written.
    pub fn scope(&self) -> Scope {
        match self {
            Op::CreateResourceServer(_) => CREATE_API,
            Op::UpdateResourceServer { .. } => UPDATE_API,
            Op::UpdateTenant(_) => UPDATE_TENANT,
            Op::PromoteConnection { .. } => PROMOTE_CONNECTION,
            Op::CreateConnection(_) => CREATE_CONNECTION,
            Op::CreateGrant(_) => CREATE_GRANT,
            Op::UpdateGrant { .. } => UPDATE_GRANT,
            Op::UpdateClientGrant { .. } => UPDATE_CLIENT_GRANT,
            Op::CreateClient(_) => CREATE_CLIENT,
            Op::UpdateClient { .. } => UPDATE_CLIENT,
            Op::CreateClientGrant { .. } => CREATE_CLIENT_GRANT,
            Op::EnableConnection { .. } => ENABLE_CONNECTION,
            Op::DeleteResourceServer { .. } => DELETE_API,
            Op::DeleteGrant { .. } => DELETE_GRANT,
            Op::DeleteClientGrant { .. } => DELETE_CLIENT_GRANT,
            Op::DeleteClient { .. } => DELETE_CLIENT,
            Op::DisableConnection { .. } => DISABLE_CONNECTION,
            Op::DemoteConnection { .. } => DEMOTE_CONNECTION,
        }
    }

    pub fn label(&self) -> String {
        match self {
            Op::CreateResourceServer(b) => format!(
                "create API {}",
                b["identifier"].as_str().unwrap_or_default()
            ),
            Op::UpdateResourceServer { .. } => "update API".into(),
            Op::UpdateTenant(_) => "update tenant settings".into(),
            Op::PromoteConnection { name, .. } => {
                format!("promote connection {name} to domain level")
            }
            Op::CreateConnection(b) => format!(
                "create connection {}",
                b["name"].as_str().unwrap_or_default()
            ),
            Op::CreateGrant(_) => "create default grant for third-party clients".into(),
            Op::UpdateGrant { .. } => "update default grant for third-party clients".into(),
            Op::CreateClient(b) => {
                format!("create client {}", b["name"].as_str().unwrap_or_default())
            }
            Op::UpdateClient { .. } => "add Codex's redirect URI to its client".into(),
            Op::CreateClientGrant { .. } => "grant Codex's client the API".into(),
            Op::UpdateClientGrant { .. } => "add scopes to the grant of Codex's client".into(),
            Op::EnableConnection { name, .. } => {
                format!("enable connection {name} for Codex's client")
            }
            Op::DeleteResourceServer { identifier, .. } => format!("delete API {identifier}"),
            Op::DeleteGrant { .. } => "delete default grant for third-party clients".into(),
            Op::DeleteClientGrant { .. } => "delete the grant of Codex's client".into(),
            Op::DeleteClient { name, .. } => format!("delete the client {name}"),
            Op::DisableConnection { name, .. } => {
                format!("switch connection {name} off for Codex's client")
            }
            Op::DemoteConnection { name, .. } => {
                format!("demote connection {name} from domain level")
            }
        }
    }

    /// A grant can only be created for an API that exists, so it waits for the API's creation.
    pub fn needs_api(&self) -> bool {
        matches!(self, Op::CreateGrant(_) | Op::CreateClientGrant { .. })
    }

    /// Writes about Codex's client wait for its creation when this apply creates it.
    pub fn needs_client(&self) -> bool {
        matches!(
            self,
            Op::CreateClientGrant {
                client: ClientRef::Created,
                ..
            } | Op::EnableConnection {
                client: ClientRef::Created,
                ..
            }
        )
    }

    /// An API or a client goes only after its grants (and a client after its connection), so
    /// nothing is left pointing at nothing.
    pub fn removes_api(&self) -> bool {
        matches!(
            self,
            Op::DeleteResourceServer { .. } | Op::DeleteClient { .. }
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct Auth0Plan {
    pub changes: Vec<Change>,
    pub warnings: Vec<String>,
    pub ops: Vec<Op>,
}

pub fn plan(desired: &Desired, steps: &[Step], state: &TenantState) -> Result<Auth0Plan> {
    let mut out = Auth0Plan::default();
    let wants = |s: Step| steps.contains(&s);
    let aud = desired.audience.as_str();

    // The API and its access policy share one write: a create carries the policy, an update
    // carries only the fields that differ.
    let mut rs_body = Map::new();
    let rs_exists = state.resource_server.is_some();
    if (wants(Step::Policy) && !wants(Step::Api)) && !rs_exists {
        return Err(AppError::refused(format!(
            "the API {aud} does not exist yet, so its access policy cannot be set"
        ))
        .with_hint("run `authsetup api create` first, or `authsetup apply` for every step"));
    }
    if wants(Step::Api) {
        let mut change;
        match &state.resource_server {
            None => {
                let name = desired
                    .api_name
                    .clone()
                    .unwrap_or_else(|| DEFAULT_API_NAME.to_string());
                change = Change::new(format!("resource_server:{aud}"), Action::Create)
                    .field("identifier", Value::Null, json!(aud))
                    .field("name", Value::Null, json!(name))
                    .field("signing_alg", Value::Null, json!(SIGNING_ALG))
                    .field("allow_offline_access", Value::Null, json!(true));
                rs_body.insert("identifier".into(), json!(aud));
                rs_body.insert("name".into(), json!(name));
                rs_body.insert("signing_alg".into(), json!(SIGNING_ALG));
                rs_body.insert("allow_offline_access".into(), json!(true));
                if let Some(scopes) = &desired.scopes {
                    change = change.field("scopes", Value::Null, json!(scopes));
                    let docs: Vec<Value> =
                        scopes.iter().map(|s| ApiScope::new(s).to_json()).collect();
                    rs_body.insert("scopes".into(), json!(docs));
                }
            }
            Some(rs) => {
                change = Change::new(format!("resource_server:{aud}"), Action::None);
                if let Some(name) = desired
                    .api_name
                    .as_ref()
                    .filter(|n| rs.name.as_ref() != Some(*n))
                {
                    change = change.field("name", json!(rs.name), json!(name));
                    rs_body.insert("name".into(), json!(name));
                }
                if rs.signing_alg.as_deref() != Some(SIGNING_ALG) {
                    change = change.field("signing_alg", json!(rs.signing_alg), json!(SIGNING_ALG));
                    rs_body.insert("signing_alg".into(), json!(SIGNING_ALG));
                }
                if !rs.allow_offline_access {
                    change = change.field("allow_offline_access", json!(false), json!(true));
                    rs_body.insert("allow_offline_access".into(), json!(true));
                }
                // A PATCH replaces the whole list: the API's own scopes stay, the missing follow.
                let have = rs.scope_values();
                let missing = desired
                    .scopes
                    .iter()
                    .flatten()
                    .filter(|s| !have.contains(s));
                let mut scopes = rs.scopes.clone();
                scopes.extend(missing.map(|s| ApiScope::new(s)));
                if scopes.len() > rs.scopes.len() {
                    let after: Vec<&String> = scopes.iter().map(|s| &s.value).collect();
                    change = change.field("scopes", json!(have), json!(after));
                    let docs: Vec<Value> = scopes.iter().map(ApiScope::to_json).collect();
                    rs_body.insert("scopes".into(), json!(docs));
                }
                if !change.fields.is_empty() {
                    change.action = Action::Update;
                }
            }
        }
        out.changes.push(change);
    }

    if wants(Step::Policy) {
        let (user, client) = match &state.resource_server {
            Some(rs) => (rs.user_policy.clone(), rs.client_policy.clone()),
            None => (None, None),
        };
        let mut change = Change::new(format!("resource_server.access_policy:{aud}"), Action::None);
        if user.as_deref() != Some(USER_POLICY) || client.as_deref() != Some(CLIENT_POLICY) {
            change.action = if rs_exists {
                Action::Update
            } else {
                Action::Create
            };
            change = change
                .field(
                    "subject_type_authorization.user.policy",
                    json!(user),
                    json!(USER_POLICY),
                )
                .field(
                    "subject_type_authorization.client.policy",
                    json!(client),
                    json!(CLIENT_POLICY),
                );
            rs_body.insert(
                "subject_type_authorization".into(),
                json!({"user": {"policy": USER_POLICY}, "client": {"policy": CLIENT_POLICY}}),
            );
        }
        out.changes.push(change);
    }

    if !rs_body.is_empty() {
        out.ops.push(match &state.resource_server {
            None => Op::CreateResourceServer(Value::Object(rs_body)),
            Some(rs) => Op::UpdateResourceServer {
                id: rs.id.clone(),
                body: Value::Object(rs_body),
            },
        });
    }

    let codex_client = match (&desired.client, &state.codex_client) {
        (None, _) => None,
        (Some(_), Some(c)) => Some(ClientRef::Existing(c.id.clone())),
        (Some(_), None) => Some(ClientRef::Created),
    };
    if let (true, Some(client)) = (wants(Step::Policy), &desired.client) {
        client_grant(desired, client, state, codex_client.clone(), &mut out);
    }
    if wants(Step::Policy) && desired.client.is_none() {
        // Third-party clients need a grant even when the user policy allows all (§0.1); the
        // grant lists the API's scopes so DCR clients may request them.
        let api_scopes = granted_scopes(desired, state);
        let resource = format!("client_grant.third_party_default:{aud}");
        match &state.grant {
            None => {
                out.changes.push(
                    Change::new(resource, Action::Create)
                        .field("default_for", Value::Null, json!("third_party_clients"))
                        .field("subject_type", Value::Null, json!("user"))
                        .field("scope", Value::Null, json!(api_scopes)),
                );
                out.ops
                    .push(Op::CreateGrant(default_grant_body(aud, &api_scopes)));
            }
            Some(grant) => {
                let (change, body) = grant_scope_change(resource, grant, &api_scopes);
                out.changes.push(change);
                out.ops.extend(body.map(|body| Op::UpdateGrant {
                    id: grant.id.clone(),
                    body,
                }));
            }
        }
    }

    // Both tenant steps share one minimal PATCH: only the keys that change, never the GET
    // document, because Auth0 rejects flags a tenant may not set (§A5, §E.1).
    let mut tenant_body = Map::new();
    let settings = state.settings.clone().unwrap_or_default();
    let mode = audience_mode(desired, state.settings.as_ref());
    if wants(Step::DefaultAudience) {
        out.changes.push(match mode {
            AudienceMode::Default => default_audience(desired, &settings, &mut tenant_body)?,
            AudienceMode::Resource => resource_parameter(desired, &settings, &mut tenant_body)?,
        });
        if desired.audience_mode.is_none() && mode == AudienceMode::Default {
            out.warnings.push(format!(
                "this tenant already has a default audience ({}), so authsetup keeps using it; Auth0's MCP quickstart uses the resource parameter instead: `--audience-mode resource --replace-default-audience` sets the compatibility profile and the `iss` parameter and clears the default audience, which changes the tokens of every application that relies on it",
                settings.default_audience
            ));
        }
    }
    if let (true, Some(client)) = (wants(Step::Dcr), &desired.client) {
        let (change, op) = codex_client_change(client, state);
        out.changes.push(change);
        out.ops.extend(op);
        out.warnings.extend(client_warnings(client, state));
        if state.codex_client.is_none() && settings.client_connections {
            out.warnings.push(format!("the tenant enables every connection for a new application (`enable_client_connections`), so {} will also be offered the tenant's other connections; switch them off for it in the Dashboard (Applications → {} → Connections) if only {} should sign in", client.name, client.name, desired.connection));
        }
        if settings.dcr {
            out.warnings.push("open Dynamic Client Registration is still enabled on this tenant (authsetup leaves it as it is; Codex no longer needs it): `Dashboard → Settings → Advanced → Dynamic Client Registration`".to_string());
        }
    }
    if wants(Step::Dcr) && desired.client.is_none() {
        // Only the DCR flag: `enable_client_connections` does not help DCR clients, which use
        // domain-level connections only, and changes what every new app gets (fidelity B2).
        let mut change = Change::new("tenant.flags", Action::None);
        if !settings.dcr {
            change = change.field(
                "flags.enable_dynamic_client_registration",
                json!(false),
                json!(true),
            );
            change.action = Action::Update;
            tenant_body.insert(
                "flags".into(),
                json!({"enable_dynamic_client_registration": true}),
            );
        }
        out.changes.push(change);
    }
    if !tenant_body.is_empty() {
        out.ops.push(Op::UpdateTenant(Value::Object(tenant_body)));
    }

    if wants(Step::Connection) {
        let name = desired.connection.as_str();
        let resource = format!("connection:{name}");
        match &state.connection {
            Some(c) if codex_client.is_some() => {
                let client = codex_client.clone().expect("checked");
                let enabled =
                    matches!(&client, ClientRef::Existing(id) if c.enabled_clients.contains(id));
                if enabled {
                    out.changes.push(Change::new(
                        format!("connection.enabled_clients:{name}"),
                        Action::None,
                    ));
                } else {
                    out.changes.push(
                        Change::new(format!("connection.enabled_clients:{name}"), Action::Update)
                            .field("enabled_clients", Value::Null, json!(["<Codex's client>"])),
                    );
                    out.ops.push(Op::EnableConnection {
                        id: c.id.clone(),
                        name: name.to_string(),
                        client,
                    });
                }
            }
            Some(c) if c.is_domain_connection => {
                out.changes.push(Change::new(resource, Action::None))
            }
            Some(c) => {
                out.changes
                    .push(Change::new(resource, Action::Update).field(
                        "is_domain_connection",
                        json!(false),
                        json!(true),
                    ));
                out.ops.push(Op::PromoteConnection {
                    id: c.id.clone(),
                    name: name.to_string(),
                    display_name: c.display_name.clone(),
                });
            }
            None if desired.create_connection && desired.client.is_some() => {
                return Err(AppError::usage(
                    format!(
                        "the connection {name} does not exist, and --create-connection makes a domain-level one, which --registration preregistered avoids"
                    ),
                    "create the connection in the Dashboard (Authentication → Database), or pass --connection with an existing one",
                ));
            }
            None if desired.create_connection => {
                out.changes.push(
                    Change::new(resource, Action::Create)
                        .field("strategy", Value::Null, json!("auth0"))
                        .field("is_domain_connection", Value::Null, json!(true)),
                );
                out.ops.push(Op::CreateConnection(
                    json!({"name": name, "strategy": "auth0", "is_domain_connection": true}),
                ));
            }
            None => {
                let existing = if state.connection_names.is_empty() {
                    "the tenant has no connections".to_string()
                } else {
                    format!("the tenant has: {}", state.connection_names.join(", "))
                };
                return Err(AppError::refused(format!("the connection {name} does not exist; {existing}"))
                    .with_hint("pass --connection NAME with one of those, or --create-connection to create a database connection with that name"));
            }
        }
    }

    if let Some(w) = resource_profile_warning(desired, mode, &settings, state.settings.is_some()) {
        out.warnings.push(w);
    }
    out.warnings.extend(exposure_warnings(&out.ops));
    if desired.client.is_some() && mode == AudienceMode::Resource {
        out.warnings.push("nothing is opened tenant-wide: no open Dynamic Client Registration, no default audience, no domain-level connection (resource mode with a pre-registered client)".to_string());
    }
    Ok(out)
}

/// The mode asked for; otherwise the resource parameter, as Auth0's MCP quickstart sets it up,
/// except on a tenant that already has a default audience and no compatibility profile: leaving
/// it changes the tokens of every application that relies on it, so that stays the user's call
/// (issue #12). A tenant with the profile was set up in resource mode, and a default audience
/// there is a leftover that breaks it.
pub fn audience_mode(
    desired: &Desired,
    settings: Option<&super::state::TenantSettings>,
) -> AudienceMode {
    match (desired.audience_mode, settings) {
        (Some(mode), _) => mode,
        (None, Some(s))
            if s.default_audience == desired.audience
                || (!s.default_audience.is_empty()
                    && s.resource_parameter_profile.as_deref() != Some(COMPATIBILITY)) =>
        {
            AudienceMode::Default
        }
        (None, _) => AudienceMode::Resource,
    }
}

/// `--audience-mode default`: the tenant's default audience is the API, so clients that send no
/// `audience` (DCR clients) get tokens for it. Another one is replaced only when asked.
fn default_audience(
    desired: &Desired,
    settings: &super::state::TenantSettings,
    body: &mut Map<String, Value>,
) -> Result<Change> {
    let aud = desired.audience.as_str();
    let current = settings.default_audience.as_str();
    let mut change = Change::new("tenant.default_audience", Action::None);
    if current != aud {
        if !current.is_empty() && !desired.replace_default_audience {
            return Err(AppError::refused(format!(
                "the tenant's default audience is already {current}; changing it to {aud} would change the tokens of every application in the tenant"
            ))
            .with_hint("rerun with --replace-default-audience if that is intended, or use the existing API as the audience; --audience-mode resource needs the default audience cleared, which changes those tokens too"));
        }
        change.action = Action::Update;
        change = change.field("default_audience", json!(current), json!(aud));
        body.insert("default_audience".into(), json!(aud));
    }
    Ok(change)
}

/// `--audience-mode resource`, Auth0's MCP quickstart: the `resource` clients send picks the
/// API (compatibility profile), answers carry `iss`, and no default audience is set, since it
/// is appended to every request that names no audience and would beat `resource` (beyond.md §A1).
fn resource_parameter(
    desired: &Desired,
    settings: &super::state::TenantSettings,
    body: &mut Map<String, Value>,
) -> Result<Change> {
    let mut change = Change::new("tenant.resource_parameter", Action::None);
    let profile = settings.resource_parameter_profile.as_deref();
    if profile != Some(COMPATIBILITY) {
        change = change.field(
            "resource_parameter_profile",
            json!(profile),
            json!(COMPATIBILITY),
        );
        body.insert("resource_parameter_profile".into(), json!(COMPATIBILITY));
    }
    if !settings.iss_parameter {
        change = change.field(ISS_SETTING, json!(false), json!(true));
        body.insert(ISS_SETTING.into(), json!(true));
    }
    let current = settings.default_audience.as_str();
    if !current.is_empty() {
        if !desired.replace_default_audience {
            return Err(AppError::refused(format!(
                "the tenant's default audience is {current}: in resource mode it must be cleared, because Auth0 adds it to every request that names no audience, before the `resource` MCP clients send; clearing it changes the tokens of every application that relies on it"
            ))
            .with_hint("rerun with --replace-default-audience to clear it, or keep --audience-mode default"));
        }
        change = change.field("default_audience", json!(current), json!(""));
        // An empty string is how a default audience is cleared (terraform TestAccTenant_Main #11).
        body.insert("default_audience".into(), json!(""));
    }
    if !change.fields.is_empty() {
        change.action = Action::Update;
    }
    Ok(change)
}

/// Codex's client: created when missing; one that exists gains the redirect URIs it lacks (a
/// new callback port, MCP URL or MCP client) and keeps every other callback and setting.
fn codex_client_change(client: &CodexClient, state: &TenantState) -> (Change, Option<Op>) {
    let resource = format!("client:{}", client.name);
    let wanted = client.callbacks();
    match &state.codex_client {
        None => (
            Change::new(resource, Action::Create)
                .field("app_type", Value::Null, json!("native"))
                .field("is_first_party", Value::Null, json!(true))
                .field("callbacks", Value::Null, json!(wanted))
                .field("grant_types", Value::Null, json!(CODEX_GRANTS))
                .field("token_endpoint_auth_method", Value::Null, json!("none"))
                .field(
                    &format!("client_metadata.{MARK_KEY}"),
                    Value::Null,
                    json!(MARK),
                ),
            Some(Op::CreateClient(json!({
                "name": client.name,
                "description": "Codex CLI's login to the MCP server (created by authsetup)",
                "app_type": "native",
                "is_first_party": true,
                "oidc_conformant": true,
                "callbacks": wanted,
                "grant_types": CODEX_GRANTS,
                "token_endpoint_auth_method": "none",
                "client_metadata": { MARK_KEY: MARK },
            }))),
        ),
        Some(app) => {
            let callbacks = with_missing(&app.callbacks, &wanted);
            if callbacks.len() == app.callbacks.len() {
                return (Change::new(resource, Action::None), None);
            }
            (
                Change::new(resource, Action::Update).field(
                    "callbacks",
                    json!(app.callbacks),
                    json!(callbacks),
                ),
                Some(Op::UpdateClient {
                    id: app.id.clone(),
                    body: json!({ "callbacks": callbacks }),
                }),
            )
        }
    }
}

/// The grant that lets Codex's client get user tokens for the API.
fn client_grant(
    desired: &Desired,
    client: &CodexClient,
    state: &TenantState,
    codex_client: Option<ClientRef>,
    out: &mut Auth0Plan,
) {
    let aud = desired.audience.as_str();
    let resource = format!("client_grant:{}:{aud}", client.name);
    let scopes = granted_scopes(desired, state);
    if let Some(grant) = &state.client_grant {
        let (change, body) = grant_scope_change(resource, grant, &scopes);
        out.changes.push(change);
        out.ops.extend(body.map(|body| Op::UpdateClientGrant {
            id: grant.id.clone(),
            body,
        }));
        return;
    }
    out.changes.push(
        Change::new(resource, Action::Create)
            .field("subject_type", Value::Null, json!("user"))
            .field("scope", Value::Null, json!(scopes)),
    );
    out.ops.push(Op::CreateClientGrant {
        client: codex_client.unwrap_or(ClientRef::Created),
        body: json!({"audience": aud, "subject_type": "user", "scope": scopes}),
    });
}

/// The scopes a grant for the API lists: the configured ones, else every scope the API has so
/// clients may request them.
fn granted_scopes(desired: &Desired, state: &TenantState) -> Vec<String> {
    desired.scopes.clone().unwrap_or_else(|| {
        state
            .resource_server
            .as_ref()
            .map(|r| r.scope_values())
            .unwrap_or_default()
    })
}

/// An existing grant keeps its scopes and gains the wanted ones it lacks; the body is the PATCH,
/// when one is needed.
fn grant_scope_change(
    resource: String,
    grant: &ClientGrant,
    wanted: &[String],
) -> (Change, Option<Value>) {
    let scope = with_missing(&grant.scope, wanted);
    if scope.len() == grant.scope.len() {
        return (Change::new(resource, Action::None), None);
    }
    (
        Change::new(resource, Action::Update).field("scope", json!(grant.scope), json!(scope)),
        Some(json!({ "scope": scope })),
    )
}

/// What is wrong with an existing Codex client and cannot be changed: Auth0 never turns a
/// third-party application into a first-party one.
pub fn client_warnings(client: &CodexClient, state: &TenantState) -> Vec<String> {
    let Some(found) = &state.codex_client else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !found.first_party {
        out.push(format!(
            "the client {} is a third-party application, which can only use domain-level connections; delete it and run apply again",
            client.name
        ));
    }
    out
}

/// What the changes open up, said once when they are made (issue: users run this against
/// production tenants and should know the trade-offs they accept).
fn exposure_warnings(ops: &[Op]) -> Vec<String> {
    let mut out = Vec::new();
    for op in ops {
        match op {
            Op::UpdateTenant(body) if body["flags"]["enable_dynamic_client_registration"] == true => out.push(
                "open Dynamic Client Registration lets anyone create applications in this tenant (each `codex mcp login` adds one); where you can, prefer a pre-registered client: `authsetup apply --registration preregistered`".to_string(),
            ),
            Op::PromoteConnection { name, .. } => out.push(format!(
                "a domain-level connection is open to every third-party application of the tenant: {name} will accept sign-ins from any registered client"
            )),
            _ => {}
        }
        if let Op::UpdateTenant(body) = op
            && body.get("default_audience").is_some()
        {
            out.push("the default audience applies to every application of the tenant that does not ask for an audience".to_string());
        }
    }
    out
}

/// Codex sends `resource=<protected-resource resource>` (the MCP URL). Under the compatibility
/// profile Auth0 may take that as the audience, so it must be the API identifier (§0.5).
fn resource_profile_warning(
    desired: &Desired,
    mode: AudienceMode,
    settings: &super::state::TenantSettings,
    observed: bool,
) -> Option<String> {
    let compatibility = settings.resource_parameter_profile.as_deref() == Some(COMPATIBILITY);
    if !observed || !(compatibility || mode == AudienceMode::Resource) {
        return None;
    }
    let aud = &desired.audience;
    match &desired.mcp_url {
        Some(url) if url != aud => Some(format!(
            "under the resource parameter's compatibility profile Auth0 takes the `resource` Codex sends ({url}) as the audience, but the API identifier is {aud}; use the MCP URL as the audience, or set the profile to \"audience\" (Dashboard → Settings → Advanced)"
        )),
        Some(_) => None,
        None => Some(format!(
            "under the resource parameter's compatibility profile Auth0 takes the `resource` Codex sends as the audience, so the MCP server's protected-resource `resource` must be exactly {aud} (pass --mcp-url to check)"
        )),
    }
}

/// The resources each step's reverse covers, by the plan's resource names. An API goes with its
/// access policy and default grant: a grant for a missing API means nothing.
pub fn destroy_covers(resource: &str, aud: &str, steps: &[Step]) -> bool {
    let wants = |s: Step| steps.contains(&s);
    let api = resource == format!("resource_server:{aud}");
    let policy = resource == format!("resource_server.access_policy:{aud}")
        || resource == format!("client_grant.third_party_default:{aud}");
    (api && wants(Step::Api))
        || (policy && (wants(Step::Policy) || wants(Step::Api)))
        || (resource == "tenant.default_audience" && wants(Step::DefaultAudience))
        || (resource == "tenant.resource_parameter" && wants(Step::DefaultAudience))
        || (resource == "tenant.flags" && wants(Step::Dcr))
        || (resource.starts_with("client:") && wants(Step::Dcr))
        || (resource.starts_with("client_grant:") && wants(Step::Policy))
        || (resource.starts_with("connection:") && wants(Step::Connection))
        || (resource.starts_with("connection.enabled_clients:") && wants(Step::Connection))
}

/// The record with what the tenant itself says authsetup created: Codex's client when it carries
/// the mark, and so its grant for this API, which only a client of authsetup's could have been
/// given by it. An unmarked client of the same name is someone else's and stays out.
pub fn with_marks(record: &Record, aud: &str, client: Option<&super::state::App>) -> Record {
    let mut record = record.clone();
    if let Some(app) = client.filter(|a| a.marked) {
        record.created.insert(format!("client:{}", app.name));
        record
            .created
            .insert(format!("client_grant:{}:{aud}", app.name));
    }
    record
}

/// Without a record of this tenant, what authsetup may have set but cannot undo: Auth0 keeps no
/// earlier value of a tenant setting and no mark on an API, so each is said, with how to put it
/// back by hand, instead of guessed.
pub fn unrecorded(aud: &str, steps: &[Step], state: &TenantState) -> Vec<String> {
    let wants = |s: Step| steps.contains(&s);
    let settings = state.settings.clone().unwrap_or_default();
    let unknown = "authsetup has no record of its earlier value (no .authsetup-state.json entry for this tenant), so it stays";
    let mut out = Vec::new();
    if wants(Step::Api) && state.resource_server.is_some() {
        out.push(format!(
            "the API {aud} may be authsetup's, but Auth0 APIs carry no mark and no record names it, so it stays; hint: if authsetup created it, delete it in the Dashboard, Applications > APIs"
        ));
    }
    if wants(Step::DefaultAudience) {
        if settings.default_audience == aud {
            out.push(format!(
                "the tenant's default audience is {aud}; {unknown}; hint: set it back in the Dashboard, Settings > General > API Authorization Settings > Default Audience"
            ));
        }
        if settings.resource_parameter_profile.as_deref() == Some("compatibility") {
            out.push(format!(
                "the tenant's resource parameter profile is compatibility; {unknown}; hint: set \"Resource Parameter Compatibility Profile\" back in the Dashboard's tenant settings (Auth0's documented default is audience)"
            ));
        }
        if settings.iss_parameter {
            out.push(format!(
                "the tenant adds iss to authorization responses; {unknown}; hint: turn off \"Include Issuer in Authorization Responses\" in the Dashboard's tenant settings if it was off"
            ));
        }
    }
    if wants(Step::Dcr) && settings.dcr {
        out.push(format!(
            "Dynamic Client Registration is on; {unknown}; hint: turn it off in the Dashboard, Settings > Advanced > Dynamic Client Registration (DCR), if it was off"
        ));
    }
    out
}

/// The value to put back when the field still holds what authsetup set; otherwise someone changed
/// it since, which is said, and it stays.
fn still_set(
    warnings: &mut Vec<String>,
    resource: &str,
    field: &str,
    f: &FieldChange,
    now: Value,
) -> Option<Value> {
    if now == f.after {
        return Some(f.before.clone());
    }
    warnings.push(format!(
        "{resource} {field} is {now} now, not the {} authsetup set; left as it is",
        f.after
    ));
    None
}

/// A grant's scopes as they were before apply added to them, while it still lists what apply
/// set; the body is the PATCH, when one is needed.
fn restore_grant_scope(
    w: &mut Vec<String>,
    resource: &str,
    fields: &BTreeMap<String, FieldChange>,
    grant: &ClientGrant,
) -> (Change, Option<Value>) {
    let now = json!(grant.scope);
    match fields
        .get("scope")
        .and_then(|f| still_set(w, resource, "scope", f, now.clone()))
    {
        Some(before) => (
            Change::new(resource, Action::Update).field("scope", now, before.clone()),
            Some(json!({ "scope": before })),
        ),
        None => (Change::new(resource, Action::None), None),
    }
}

/// The reverse of what `record` says authsetup did, against the tenant as it is now: delete what
/// it created and still exists, put back what it changed where the tenant still holds the value
/// authsetup set. A value someone changed since is theirs and stays. Every resource the plan
/// names is settled afterwards, so the caller drops it from the record.
pub fn destroy(
    aud: &str,
    steps: &[Step],
    state: &TenantState,
    connections: &[super::state::Connection],
    record: &Record,
) -> Auth0Plan {
    let mut out = Auth0Plan::default();
    let covered = |r: &String| destroy_covers(r, aud, steps);
    let created = |r: &str| record.created.contains(r);
    let changed = |r: &str| record.changed.get(r);
    let w = &mut out.warnings;
    let api = format!("resource_server:{aud}");
    let policy = format!("resource_server.access_policy:{aud}");
    let grant = format!("client_grant.third_party_default:{aud}");
    let mut changes = Vec::new();
    let mut ops = Vec::new();

    if covered(&grant) {
        if created(&grant) {
            let mut change = Change::new(&grant, Action::None);
            if let Some(g) = &state.grant {
                change = Change::new(&grant, Action::Delete);
                ops.push(Op::DeleteGrant { id: g.id.clone() });
            }
            changes.push(change);
        } else if let (Some(fields), Some(g)) = (changed(&grant), &state.grant) {
            let (change, body) = restore_grant_scope(w, &grant, fields, g);
            changes.push(change);
            ops.extend(body.map(|body| Op::UpdateGrant {
                id: g.id.clone(),
                body,
            }));
        } else if changed(&grant).is_some() {
            changes.push(Change::new(&grant, Action::None));
        }
    }

    let rs = state.resource_server.as_ref();
    if covered(&api) && created(&api) {
        let mut change = Change::new(&api, Action::None);
        if let Some(rs) = rs {
            change = Change::new(&api, Action::Delete).field("identifier", json!(aud), Value::Null);
            ops.push(Op::DeleteResourceServer {
                id: rs.id.clone(),
                identifier: aud.to_string(),
            });
        }
        changes.push(change);
        // The policy of an API authsetup created goes with it.
        if record.created.contains(&policy) || record.changed.contains_key(&policy) {
            changes.push(Change::new(&policy, Action::None));
        }
    } else {
        let mut body = Map::new();
        for resource in [&api, &policy] {
            let Some(fields) = changed(resource).filter(|_| covered(resource)) else {
                continue;
            };
            let mut change = Change::new(resource, Action::None);
            if let Some(rs) = rs {
                for (field, f) in fields {
                    let now = match field.as_str() {
                        "name" => json!(rs.name),
                        "signing_alg" => json!(rs.signing_alg),
                        "allow_offline_access" => json!(rs.allow_offline_access),
                        "subject_type_authorization.user.policy" => json!(rs.user_policy),
                        "subject_type_authorization.client.policy" => json!(rs.client_policy),
                        "scopes" => json!(rs.scope_values()),
                        _ => continue,
                    };
                    // A policy the API never had cannot be sent back as null.
                    let Some(before) =
                        still_set(w, resource, field, f, now.clone()).filter(|b| !b.is_null())
                    else {
                        continue;
                    };
                    change = change.field(field, now, before.clone());
                    match field.strip_prefix("subject_type_authorization.") {
                        Some(path) => {
                            let side = path.trim_end_matches(".policy");
                            let sta = body
                                .entry("subject_type_authorization")
                                .or_insert_with(|| json!({}));
                            sta[side] = json!({ "policy": before });
                        }
                        // The scopes kept keep their descriptions as the API has them now.
                        None if field == "scopes" => {
                            let docs: Vec<Value> = rs
                                .scopes
                                .iter()
                                .filter(|s| {
                                    before
                                        .as_array()
                                        .is_some_and(|b| b.contains(&json!(s.value)))
                                })
                                .map(ApiScope::to_json)
                                .collect();
                            body.insert(field.clone(), json!(docs));
                        }
                        None => {
                            body.insert(field.clone(), before);
                        }
                    }
                }
            }
            if !change.fields.is_empty() {
                change.action = Action::Update;
            }
            changes.push(change);
        }
        if let (false, Some(rs)) = (body.is_empty(), rs) {
            ops.push(Op::UpdateResourceServer {
                id: rs.id.clone(),
                body: Value::Object(body),
            });
        }
    }

    // Both tenant settings go back in one minimal PATCH, like apply sends them.
    let settings = state.settings.clone().unwrap_or_default();
    let mut tenant_body = Map::new();
    for resource in [
        "tenant.default_audience",
        "tenant.flags",
        "tenant.resource_parameter",
    ] {
        let Some(fields) = changed(resource).filter(|_| covered(&resource.to_string())) else {
            continue;
        };
        let mut change = Change::new(resource, Action::None);
        for (field, f) in fields {
            let now = match field.as_str() {
                "default_audience" => json!(settings.default_audience),
                "flags.enable_dynamic_client_registration" => json!(settings.dcr),
                "flags.enable_client_connections" => json!(settings.client_connections),
                "resource_parameter_profile" => json!(settings.resource_parameter_profile),
                ISS_SETTING => json!(settings.iss_parameter),
                _ => continue,
            };
            let Some(before) = still_set(w, resource, field, f, now.clone()) else {
                continue;
            };
            // A tenant that never had a profile reads as the documented default, "audience"
            // (OAS TenantSettingsResourceParameterProfile), which is what goes back.
            let before = if field == "resource_parameter_profile" && before.is_null() {
                json!("audience")
            } else {
                before
            };
            change = change.field(field, now, before.clone());
            match field.strip_prefix("flags.") {
                Some(flag) => {
                    let flags = tenant_body.entry("flags").or_insert_with(|| json!({}));
                    flags[flag] = before;
                }
                // Auth0 keeps an empty default audience as "", which reads as unset (§A5).
                None => {
                    tenant_body.insert(
                        field.clone(),
                        if before.is_null() { json!("") } else { before },
                    );
                }
            }
        }
        if !change.fields.is_empty() {
            change.action = Action::Update;
        }
        changes.push(change);
    }
    if !tenant_body.is_empty() {
        ops.push(Op::UpdateTenant(Value::Object(tenant_body)));
    }

    let recorded_connections = record
        .created
        .iter()
        .chain(record.changed.keys())
        .filter(|r| r.starts_with("connection:") && covered(r))
        .collect::<BTreeSet<_>>();
    for resource in recorded_connections {
        let name = resource.trim_start_matches("connection:");
        let current = connections.iter().find(|c| c.name == name);
        let mut change = Change::new(resource, Action::None);
        if created(resource) {
            w.push(format!(
                "the connection {name} was created by authsetup and is kept, since it may hold users; delete it in the Dashboard if nobody signs in with it"
            ));
        } else if let Some(f) = changed(resource).and_then(|f| f.get("is_domain_connection"))
            && let Some(c) = current
            && still_set(
                w,
                resource,
                "is_domain_connection",
                f,
                json!(c.is_domain_connection),
            ) == Some(json!(false))
        {
            change = Change::new(resource, Action::Update).field(
                "is_domain_connection",
                json!(true),
                json!(false),
            );
            ops.push(Op::DemoteConnection {
                id: c.id.clone(),
                name: name.to_string(),
                display_name: c.display_name.clone(),
            });
        }
        changes.push(change);
    }

    // Codex's pre-registered client (`--registration preregistered`): its grant and its connection
    // go first, the client itself in the second round (Op::removes_api).
    let recorded = |prefix: &str| {
        record
            .created
            .iter()
            .chain(record.changed.keys())
            .filter(|r| r.starts_with(prefix) && covered(r))
            .cloned()
            .collect::<BTreeSet<String>>()
    };
    let app = state.codex_client.as_ref();
    for resource in recorded("client_grant:") {
        if resource.starts_with("client_grant.") {
            continue;
        }
        let mut change = Change::new(&resource, Action::None);
        if let (true, Some(g)) = (created(&resource), &state.client_grant) {
            change = Change::new(&resource, Action::Delete);
            ops.push(Op::DeleteClientGrant { id: g.id.clone() });
        } else if let (Some(fields), Some(g)) = (changed(&resource), &state.client_grant) {
            let body;
            (change, body) = restore_grant_scope(w, &resource, fields, g);
            ops.extend(body.map(|body| Op::UpdateClientGrant {
                id: g.id.clone(),
                body,
            }));
        }
        changes.push(change);
    }
    for resource in recorded("connection.enabled_clients:") {
        let name = resource.trim_start_matches("connection.enabled_clients:");
        let mut change = Change::new(&resource, Action::None);
        if let (Some(app), Some(c), true) = (
            app,
            connections.iter().find(|c| c.name == name),
            recorded("client:").iter().any(|r| created(r)),
        ) {
            change = change.field("enabled_clients", json!([app.id]), json!([]));
            change.action = Action::Update;
            ops.push(Op::DisableConnection {
                id: c.id.clone(),
                name: name.to_string(),
                client_id: app.id.clone(),
            });
        }
        changes.push(change);
    }
    for resource in recorded("client:") {
        let mut change = Change::new(&resource, Action::None);
        if let (true, Some(app)) = (created(&resource), app) {
            change = Change::new(&resource, Action::Delete).field(
                "client_id",
                json!(app.id),
                Value::Null,
            );
            ops.push(Op::DeleteClient {
                id: app.id.clone(),
                name: app.name.clone(),
            });
        } else if !created(&resource) {
            w.push(format!(
                "{resource} existed before authsetup; its added redirect URI stays"
            ));
        }
        changes.push(change);
    }

    let known = [
        "resource_server:",
        "resource_server.access_policy:",
        "client_grant.third_party_default:",
        "client_grant:",
        "client:",
        "tenant.default_audience",
        "tenant.flags",
        "tenant.resource_parameter",
        "connection:",
        "connection.enabled_clients:",
    ];
    for other in record.created.iter().chain(record.changed.keys()) {
        if !known.iter().any(|k| other.starts_with(k)) {
            w.push(format!(
                "{other} is recorded, but destroy cannot undo it yet; it stays, and stays on record"
            ));
            continue;
        }
        let about_api = other.starts_with("resource_server") || other.starts_with("client_grant");
        if about_api && !other.ends_with(&format!(":{aud}")) {
            w.push(format!(
                "{other} is recorded for another audience; run destroy with that --audience to undo it"
            ));
        }
    }
    out.changes = changes;
    out.ops = ops;
    out
}

#[cfg(test)]
impl Desired {
    /// What the unit tests start from: the audience is the MCP URL, the default connection.
    pub fn example() -> Desired {
        Desired {
            audience: "https://mcp.example.com/mcp".into(),
            api_name: None,
            connection: "Username-Password-Authentication".into(),
            create_connection: false,
            replace_default_audience: false,
            mcp_url: None,
            audience_mode: Some(AudienceMode::Default),
            client: None,
            scopes: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::state::{ClientGrant, Connection, ResourceServer, TenantSettings};
    use super::*;
    use crate::files::state::Record;

    const AUD: &str = "https://mcp.example.com/mcp";

    fn fresh() -> TenantState {
        TenantState {
            connection: Some(Connection {
                id: "con_1".into(),
                name: "Username-Password-Authentication".into(),
                is_domain_connection: false,
                ..Default::default()
            }),
            settings: Some(TenantSettings::default()),
            ..Default::default()
        }
    }

    fn converged() -> TenantState {
        TenantState {
            resource_server: Some(ResourceServer {
                id: "rs_1".into(),
                identifier: AUD.into(),
                name: Some("MCP server".into()),
                signing_alg: Some("RS256".into()),
                allow_offline_access: true,
                user_policy: Some("allow_all".into()),
                client_policy: Some("deny_all".into()),
                scopes: vec![],
            }),
            grant: Some(ClientGrant {
                id: "cgr_1".into(),
                scope: vec![],
                subject_type: Some("user".into()),
            }),
            connection: Some(Connection {
                id: "con_1".into(),
                name: "Username-Password-Authentication".into(),
                is_domain_connection: true,
                ..Default::default()
            }),
            connection_names: vec![],
            settings: Some(TenantSettings {
                default_audience: AUD.into(),
                dcr: true,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn fresh_tenant_needs_four_writes() {
        let p = plan(&Desired::example(), &Step::ALL, &fresh()).unwrap();
        assert_eq!(p.ops.len(), 4, "{:?}", p.ops);
        let Op::CreateResourceServer(body) = &p.ops[0] else {
            panic!("{:?}", p.ops[0])
        };
        assert_eq!(body["identifier"], AUD);
        assert_eq!(body["signing_alg"], "RS256");
        assert_eq!(body["allow_offline_access"], true);
        assert_eq!(
            body["subject_type_authorization"]["user"]["policy"],
            "allow_all"
        );
        assert_eq!(
            body["subject_type_authorization"]["client"]["policy"],
            "deny_all"
        );
        assert!(p.ops.contains(&Op::CreateGrant(json!({
            "default_for": "third_party_clients", "audience": AUD, "subject_type": "user", "scope": []
        }))));
        assert!(p.ops.contains(&Op::UpdateTenant(json!({
            "default_audience": AUD,
            "flags": {"enable_dynamic_client_registration": true}
        }))));
        assert!(p.ops.contains(&Op::PromoteConnection {
            id: "con_1".into(),
            name: "Username-Password-Authentication".into(),
            display_name: None,
        }));
    }

    #[test]
    fn what_a_fresh_setup_opens_up_is_said() {
        let w = plan(&Desired::example(), &Step::ALL, &fresh())
            .unwrap()
            .warnings;
        assert!(
            w.iter().any(|w| w.contains("Dynamic Client Registration")),
            "{w:?}"
        );
        assert!(w.iter().any(|w| w.contains("domain-level")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("default audience")), "{w:?}");
    }

    #[test]
    fn converged_tenant_needs_nothing() {
        let p = plan(&Desired::example(), &Step::ALL, &converged()).unwrap();
        assert!(p.ops.is_empty(), "{:?}", p.ops);
        assert!(p.changes.iter().all(|c| c.action == Action::None));
    }

    #[test]
    fn never_sends_identifier_in_an_update() {
        let mut s = converged();
        let rs = s.resource_server.as_mut().unwrap();
        rs.signing_alg = Some("HS256".into());
        rs.client_policy = Some("require_client_grant".into());
        let p = plan(&Desired::example(), &Step::ALL, &s).unwrap();
        let Op::UpdateResourceServer { id, body } = &p.ops[0] else {
            panic!()
        };
        assert_eq!(id, "rs_1");
        assert!(body.get("identifier").is_none());
        assert_eq!(body["signing_alg"], "RS256");
        assert_eq!(
            body["subject_type_authorization"]["client"]["policy"],
            "deny_all"
        );
        assert_eq!(p.ops.len(), 1);
    }

    #[test]
    fn a_different_default_audience_is_refused_unless_replaced() {
        let mut s = converged();
        s.settings.as_mut().unwrap().default_audience = "https://other/".into();
        let err = plan(&Desired::example(), &Step::ALL, &s).unwrap_err();
        assert!(err.message.contains("https://other/"), "{}", err.message);
        assert!(err.hint.unwrap().contains("--replace-default-audience"));
        let d = Desired {
            replace_default_audience: true,
            ..Desired::example()
        };
        let p = plan(&d, &Step::ALL, &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::UpdateTenant(json!({"default_audience": AUD}))]
        );
    }

    /// fidelity B2: the flag changes what every new application gets and does not help DCR.
    #[test]
    fn dcr_enable_leaves_the_client_connections_flag_alone() {
        let mut s = converged();
        s.settings.as_mut().unwrap().client_connections = false;
        let p = plan(&Desired::example(), &[Step::Dcr], &s).unwrap();
        assert!(p.ops.is_empty(), "{:?}", p.ops);
        let mut s = fresh();
        s.settings.as_mut().unwrap().client_connections = false;
        let p = plan(&Desired::example(), &Step::ALL, &s).unwrap();
        assert!(p.ops.iter().all(|o| !matches!(o, Op::UpdateTenant(b) if b["flags"].get("enable_client_connections").is_some())), "{:?}", p.ops);
    }

    /// fidelity B3: the OAS overwrites a `display_name` left out of a connection PATCH.
    #[test]
    fn promoting_a_connection_keeps_its_display_name() {
        let mut s = fresh();
        s.connection.as_mut().unwrap().display_name = Some("Acme SSO".into());
        let p = plan(&Desired::example(), &[Step::Connection], &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::PromoteConnection {
                id: "con_1".into(),
                name: "Username-Password-Authentication".into(),
                display_name: Some("Acme SSO".into()),
            }]
        );
    }

    fn resource_mode() -> Desired {
        Desired {
            audience_mode: Some(AudienceMode::Resource),
            ..Desired::example()
        }
    }

    fn preregistered(mode: AudienceMode) -> Desired {
        Desired {
            audience_mode: Some(mode),
            client: Some(CodexClient {
                name: "Codex CLI (docs)".into(),
                redirect_uri: "http://127.0.0.1:1455/callback/epMNJ6P1xGQ9".into(),
                other_redirect_uris: Vec::new(),
            }),
            ..Desired::example()
        }
    }

    #[test]
    fn resource_mode_sets_the_profile_and_iss_and_no_default_audience() {
        let p = plan(&resource_mode(), &Step::ALL, &fresh()).unwrap();
        assert!(
            p.ops.contains(&Op::UpdateTenant(json!({
                "resource_parameter_profile": "compatibility",
                "authorization_response_iss_parameter_supported": true,
                "flags": {"enable_dynamic_client_registration": true}
            }))),
            "{:?}",
            p.ops
        );
        assert!(
            !p.warnings.iter().any(|w| w.contains("default audience")),
            "{:?}",
            p.warnings
        );
    }

    fn mode_left_to_the_tenant() -> Desired {
        Desired {
            audience_mode: None,
            ..Desired::example()
        }
    }

    #[test]
    fn a_new_setup_gets_the_resource_mode_when_no_mode_is_asked_for() {
        let auto = plan(&mode_left_to_the_tenant(), &Step::ALL, &fresh()).unwrap();
        let resource = plan(&resource_mode(), &Step::ALL, &fresh()).unwrap();
        assert_eq!(auto.ops, resource.ops);
        assert_eq!(auto.warnings, resource.warnings);
    }

    #[test]
    fn a_tenant_with_a_default_audience_keeps_it_and_is_told_what_switching_means() {
        let s = converged();
        let p = plan(&mode_left_to_the_tenant(), &Step::ALL, &s).unwrap();
        assert!(p.ops.is_empty(), "{:?}", p.ops);
        assert!(
            p.warnings
                .iter()
                .any(|w| w.contains("already has a default audience")
                    && w.contains("--audience-mode resource --replace-default-audience")),
            "{:?}",
            p.warnings
        );
        // Another API's default audience is not replaced either: default mode refuses it.
        let mut other = converged();
        other.settings.as_mut().unwrap().default_audience = "https://other.example.com".into();
        let e = plan(&mode_left_to_the_tenant(), &Step::ALL, &other).unwrap_err();
        assert!(
            e.message.contains("already https://other.example.com"),
            "{}",
            e.message
        );
        // Asked for explicitly, default mode says nothing about switching.
        let p = plan(&Desired::example(), &Step::ALL, &s).unwrap();
        assert!(
            !p.warnings
                .iter()
                .any(|w| w.contains("already has a default audience"))
        );
    }

    #[test]
    fn resource_mode_clears_a_default_audience_only_when_asked() {
        let s = converged();
        let e = plan(&resource_mode(), &Step::ALL, &s).unwrap_err();
        assert!(e.message.contains("must be cleared"), "{}", e.message);
        assert!(
            e.hint
                .as_deref()
                .unwrap_or_default()
                .contains("--replace-default-audience")
        );
        let d = Desired {
            replace_default_audience: true,
            ..resource_mode()
        };
        let p = plan(&d, &[Step::DefaultAudience], &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::UpdateTenant(json!({
                "resource_parameter_profile": "compatibility",
                "authorization_response_iss_parameter_supported": true,
                "default_audience": ""
            }))]
        );
        assert_eq!(p.changes[0].fields["default_audience"]["after"], "");
    }

    #[test]
    fn preregistered_creates_a_first_party_client_its_grant_and_enables_the_connection_for_it() {
        let p = plan(&preregistered(AudienceMode::Resource), &Step::ALL, &fresh()).unwrap();
        let Some(Op::CreateClient(body)) = p.ops.iter().find(|o| matches!(o, Op::CreateClient(_)))
        else {
            panic!("{:?}", p.ops)
        };
        assert_eq!(body["app_type"], "native");
        assert_eq!(body["is_first_party"], true);
        assert_eq!(body["token_endpoint_auth_method"], "none");
        assert_eq!(
            body["callbacks"],
            json!(["http://127.0.0.1:1455/callback/epMNJ6P1xGQ9"])
        );
        assert_eq!(
            body["grant_types"],
            json!(["authorization_code", "refresh_token"])
        );
        assert!(p.ops.contains(&Op::CreateClientGrant {
            client: ClientRef::Created,
            body: json!({"audience": AUD, "subject_type": "user", "scope": []}),
        }));
        assert!(p.ops.contains(&Op::EnableConnection {
            id: "con_1".into(),
            name: "Username-Password-Authentication".into(),
            client: ClientRef::Created,
        }));
        // no DCR, no default grant, no promotion, no default audience
        for op in &p.ops {
            assert!(
                !matches!(op, Op::CreateGrant(_) | Op::PromoteConnection { .. }),
                "{op:?}"
            );
            if let Op::UpdateTenant(b) = op {
                assert!(
                    b.get("flags").is_none() && b.get("default_audience").is_none(),
                    "{b}"
                );
            }
        }
        let w = p.warnings.join("\n");
        assert!(
            !w.contains("Dynamic Client Registration lets anyone"),
            "{w}"
        );
        assert!(!w.contains("domain-level connection is open"), "{w}");
        assert!(w.contains("nothing is opened tenant-wide"), "{w}");
    }

    #[test]
    fn preregistered_on_a_converged_tenant_needs_nothing() {
        let mut s = converged();
        s.settings = Some(TenantSettings {
            resource_parameter_profile: Some("compatibility".into()),
            iss_parameter: true,
            ..Default::default()
        });
        s.codex_client = Some(super::super::state::App {
            id: "cli_1".into(),
            name: "Codex CLI (docs)".into(),
            callbacks: vec!["http://127.0.0.1:1455/callback/epMNJ6P1xGQ9".into()],
            first_party: true,
            marked: true,
        });
        s.client_grant = Some(ClientGrant::default());
        s.connection.as_mut().unwrap().is_domain_connection = false;
        s.connection.as_mut().unwrap().enabled_clients = vec!["cli_1".into()];
        let p = plan(&preregistered(AudienceMode::Resource), &Step::ALL, &s).unwrap();
        assert!(p.ops.is_empty(), "{:?}", p.ops);
        // a client without this redirect URI (another callback port) gains it, keeping the rest
        s.codex_client.as_mut().unwrap().callbacks =
            vec!["http://127.0.0.1:9999/callback/x".into()];
        let p = plan(&preregistered(AudienceMode::Resource), &Step::ALL, &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::UpdateClient {
                id: "cli_1".into(),
                body: json!({"callbacks": [
                    "http://127.0.0.1:9999/callback/x",
                    "http://127.0.0.1:1455/callback/epMNJ6P1xGQ9"
                ]}),
            }]
        );
        // the other MCP clients configured with it add theirs, once
        let gemini = "http://localhost:1455/oauth/callback";
        let mut d = preregistered(AudienceMode::Resource);
        d.client.as_mut().unwrap().other_redirect_uris = vec![gemini.into()];
        s.codex_client.as_mut().unwrap().callbacks =
            vec!["http://127.0.0.1:1455/callback/epMNJ6P1xGQ9".into()];
        let p = plan(&d, &Step::ALL, &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::UpdateClient {
                id: "cli_1".into(),
                body: json!({"callbacks": [
                    "http://127.0.0.1:1455/callback/epMNJ6P1xGQ9",
                    gemini
                ]}),
            }]
        );
        s.codex_client
            .as_mut()
            .unwrap()
            .callbacks
            .push(gemini.into());
        assert!(plan(&d, &Step::ALL, &s).unwrap().ops.is_empty());
    }

    #[test]
    fn missing_connection_lists_what_exists_or_is_created_on_request() {
        let mut s = converged();
        s.connection = None;
        s.connection_names = vec!["google-oauth2 (google-oauth2)".into()];
        let err = plan(&Desired::example(), &[Step::Connection], &s).unwrap_err();
        assert!(err.message.contains("google-oauth2"));
        let d = Desired {
            create_connection: true,
            ..Desired::example()
        };
        let p = plan(&d, &[Step::Connection], &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::CreateConnection(
                json!({"name": "Username-Password-Authentication", "strategy": "auth0", "is_domain_connection": true})
            )]
        );
    }

    #[test]
    fn grant_gains_the_api_scopes_it_lacks() {
        let mut s = converged();
        s.resource_server.as_mut().unwrap().scopes = vec![ApiScope::new("mcp:use")];
        let p = plan(&Desired::example(), &[Step::Policy], &s).unwrap();
        assert_eq!(
            p.ops,
            vec![Op::UpdateGrant {
                id: "cgr_1".into(),
                body: json!({"scope": ["mcp:use"]})
            }]
        );
    }

    #[test]
    fn policy_alone_on_a_missing_api_is_an_error() {
        let err = plan(&Desired::example(), &[Step::Policy], &fresh()).unwrap_err();
        assert!(err.hint.unwrap().contains("api create"));
    }

    #[test]
    fn compatibility_profile_warns_when_mcp_url_and_audience_differ() {
        let mut s = converged();
        s.settings.as_mut().unwrap().resource_parameter_profile = Some("compatibility".into());
        let d = Desired {
            mcp_url: Some("https://mcp.example.com/other".into()),
            ..Desired::example()
        };
        assert_eq!(plan(&d, &Step::ALL, &s).unwrap().warnings.len(), 1);
        let d = Desired {
            mcp_url: Some(AUD.into()),
            ..Desired::example()
        };
        assert!(plan(&d, &Step::ALL, &s).unwrap().warnings.is_empty());
    }

    /// What an apply on a fresh tenant records.
    fn fresh_apply_record() -> Record {
        let mut r = Record::default();
        r.note(
            &plan(&Desired::example(), &Step::ALL, &fresh())
                .unwrap()
                .changes,
        );
        r
    }

    #[test]
    fn destroy_after_a_fresh_apply_reverses_every_write() {
        let record = fresh_apply_record();
        let s = converged();
        let conns = [s.connection.clone().unwrap()];
        let p = destroy(AUD, &Step::ALL, &s, &conns, &record);
        assert_eq!(
            p.ops,
            vec![
                Op::DeleteGrant { id: "cgr_1".into() },
                Op::DeleteResourceServer {
                    id: "rs_1".into(),
                    identifier: AUD.into()
                },
                Op::UpdateTenant(json!({
                    "default_audience": "",
                    "flags": {"enable_dynamic_client_registration": false}
                })),
                Op::DemoteConnection {
                    id: "con_1".into(),
                    name: "Username-Password-Authentication".into(),
                    display_name: None,
                },
            ]
        );
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        // Every recorded resource is settled by the plan, so none stays on record.
        let mut left = record.clone();
        left.forget(
            &p.changes
                .iter()
                .map(|c| c.resource.clone())
                .collect::<Vec<_>>(),
        );
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn destroy_never_deletes_what_it_did_not_create() {
        // The API existed with another algorithm and no offline access; apply changed both.
        let mut before = converged();
        let rs = before.resource_server.as_mut().unwrap();
        rs.signing_alg = Some("HS256".into());
        rs.allow_offline_access = false;
        before.grant = None;
        let mut record = Record::default();
        record.note(
            &plan(&Desired::example(), &[Step::Api, Step::Policy], &before)
                .unwrap()
                .changes,
        );
        let p = destroy(AUD, &Step::ALL, &converged(), &[], &record);
        assert!(
            !p.ops
                .iter()
                .any(|o| matches!(o, Op::DeleteResourceServer { .. })),
            "{:?}",
            p.ops
        );
        assert!(
            p.ops.contains(&Op::UpdateResourceServer {
                id: "rs_1".into(),
                body: json!({"signing_alg": "HS256", "allow_offline_access": false}),
            }),
            "{:?}",
            p.ops
        );
        assert!(
            p.ops.contains(&Op::DeleteGrant { id: "cgr_1".into() }),
            "the grant it created goes"
        );
    }

    #[test]
    fn destroy_leaves_what_changed_since_and_what_is_gone() {
        let record = fresh_apply_record();
        let mut s = converged();
        s.resource_server = None;
        s.grant = None;
        s.settings.as_mut().unwrap().default_audience = "https://other/".into();
        let p = destroy(AUD, &Step::ALL, &s, &[], &record);
        assert_eq!(
            p.ops,
            vec![Op::UpdateTenant(
                json!({"flags": {"enable_dynamic_client_registration": false}})
            )]
        );
        assert!(
            p.warnings.iter().any(|w| w.contains("https://other/")),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn a_step_reverse_touches_only_its_step_and_nothing_recorded_means_nothing_to_do() {
        let record = fresh_apply_record();
        let s = converged();
        let p = destroy(AUD, &[Step::Dcr], &s, &[], &record);
        assert_eq!(
            p.ops,
            vec![Op::UpdateTenant(
                json!({"flags": {"enable_dynamic_client_registration": false}})
            )]
        );
        assert_eq!(p.changes.len(), 1);
        let p = destroy(AUD, &Step::ALL, &s, &[], &Record::default());
        assert!(p.ops.is_empty() && p.changes.is_empty());
    }

    fn codex_app(marked: bool) -> super::super::state::App {
        super::super::state::App {
            id: "cli_1".into(),
            name: "Codex CLI (docs)".into(),
            marked,
            ..Default::default()
        }
    }

    #[test]
    fn without_a_record_only_a_marked_client_and_its_grant_are_taken() {
        let mut s = converged();
        s.client_grant = Some(ClientGrant {
            id: "cgr_codex".into(),
            ..Default::default()
        });
        s.codex_client = Some(codex_app(false));
        let unmarked = with_marks(&Record::default(), AUD, s.codex_client.as_ref());
        assert!(unmarked.is_empty(), "{unmarked:?}");
        let p = destroy(AUD, &Step::ALL, &s, &[], &unmarked);
        assert!(p.ops.is_empty(), "{:?}", p.ops);

        s.codex_client = Some(codex_app(true));
        let marked = with_marks(&Record::default(), AUD, s.codex_client.as_ref());
        let p = destroy(AUD, &Step::ALL, &s, &[], &marked);
        assert_eq!(
            p.ops,
            vec![
                Op::DeleteClientGrant {
                    id: "cgr_codex".into()
                },
                Op::DeleteClient {
                    id: "cli_1".into(),
                    name: "Codex CLI (docs)".into()
                },
            ]
        );
        // Nothing unmarked goes: not the API, whose creator the tenant does not tell.
        assert!(
            !p.ops
                .iter()
                .any(|o| matches!(o, Op::DeleteResourceServer { .. } | Op::DeleteGrant { .. }))
        );
    }

    #[test]
    fn a_marked_client_the_record_lacks_joins_what_it_holds() {
        let record = fresh_apply_record();
        let joined = with_marks(&record, AUD, Some(&codex_app(true)));
        assert!(joined.created.is_superset(&record.created));
        assert_eq!(joined.changed, record.changed);
        assert!(joined.created.contains("client:Codex CLI (docs)"));
        assert!(
            joined
                .created
                .contains(&format!("client_grant:Codex CLI (docs):{AUD}"))
        );
    }

    #[test]
    fn settings_without_a_record_are_said_with_a_hint_not_guessed() {
        let mut s = converged();
        let settings = s.settings.as_mut().unwrap();
        settings.resource_parameter_profile = Some("compatibility".into());
        settings.iss_parameter = true;
        let warnings = unrecorded(AUD, &Step::ALL, &s);
        for what in [
            "the API",
            "default audience",
            "resource parameter profile",
            "iss",
            "Dynamic Client Registration",
        ] {
            assert!(
                warnings
                    .iter()
                    .any(|w| w.contains(what) && w.contains("hint:")),
                "{what}: {warnings:#?}"
            );
        }
        assert!(unrecorded(AUD, &Step::ALL, &fresh()).is_empty());
        assert_eq!(unrecorded(AUD, &[Step::Api], &s).len(), 1);
    }

    fn scoped(d: Desired) -> Desired {
        Desired {
            scopes: Some(vec!["mcp:read".into(), "mcp:write".into()]),
            ..d
        }
    }

    #[test]
    fn a_new_api_carries_the_configured_scopes_and_so_does_its_grant() {
        let p = plan(&scoped(Desired::example()), &Step::ALL, &fresh()).unwrap();
        let Some(Op::CreateResourceServer(body)) = p.ops.first() else {
            panic!("{:?}", p.ops)
        };
        assert_eq!(
            body["scopes"],
            json!([
                {"value": "mcp:read", "description": "mcp:read on the MCP server"},
                {"value": "mcp:write", "description": "mcp:write on the MCP server"}
            ])
        );
        assert!(p.ops.contains(&Op::CreateGrant(default_grant_body(
            AUD,
            &["mcp:read".into(), "mcp:write".into()]
        ))));
    }

    #[test]
    fn an_existing_api_keeps_its_scopes_and_gains_the_missing_ones_once() {
        let mut s = converged();
        s.resource_server.as_mut().unwrap().scopes = vec![
            ApiScope {
                value: "admin".into(),
                description: Some("Theirs".into()),
            },
            ApiScope::new("mcp:read"),
        ];
        s.grant.as_mut().unwrap().scope = vec!["admin".into()];
        let p = plan(&scoped(Desired::example()), &Step::ALL, &s).unwrap();
        assert!(p.ops.contains(&Op::UpdateResourceServer {
            id: "rs_1".into(),
            body: json!({"scopes": [
                {"value": "admin", "description": "Theirs"},
                {"value": "mcp:read", "description": "mcp:read on the MCP server"},
                {"value": "mcp:write", "description": "mcp:write on the MCP server"}
            ]})
        }));
        assert!(p.ops.contains(&Op::UpdateGrant {
            id: "cgr_1".into(),
            body: json!({"scope": ["admin", "mcp:read", "mcp:write"]})
        }));
        let api = &p.changes[0];
        assert_eq!(
            api.fields["scopes"],
            json!({"before": ["admin", "mcp:read"], "after": ["admin", "mcp:read", "mcp:write"]})
        );

        s.resource_server
            .as_mut()
            .unwrap()
            .scopes
            .push(ApiScope::new("mcp:write"));
        s.grant.as_mut().unwrap().scope =
            vec!["admin".into(), "mcp:read".into(), "mcp:write".into()];
        let again = plan(&scoped(Desired::example()), &Step::ALL, &s).unwrap();
        assert!(again.ops.is_empty(), "{:?}", again.ops);
    }

    #[test]
    fn the_grant_of_codex_client_gains_the_configured_scopes() {
        let mut s = converged();
        s.codex_client = Some(codex_app(true));
        s.client_grant = Some(ClientGrant {
            id: "cgr_2".into(),
            scope: vec!["mcp:read".into()],
            subject_type: Some("user".into()),
        });
        let p = plan(
            &scoped(preregistered(AudienceMode::Resource)),
            &[Step::Policy],
            &s,
        )
        .unwrap();
        assert!(p.ops.contains(&Op::UpdateClientGrant {
            id: "cgr_2".into(),
            body: json!({"scope": ["mcp:read", "mcp:write"]})
        }));
    }

    #[test]
    fn destroy_takes_back_the_scopes_apply_added_to_an_existing_api_and_grants() {
        let mut before = converged();
        before.resource_server.as_mut().unwrap().scopes = vec![ApiScope {
            value: "admin".into(),
            description: Some("Theirs".into()),
        }];
        before.client_grant = Some(ClientGrant {
            id: "cgr_2".into(),
            scope: vec!["admin".into()],
            subject_type: Some("user".into()),
        });
        before.codex_client = Some(codex_app(true));
        let d = scoped(preregistered(AudienceMode::Default));
        let mut record = Record::default();
        record.note(
            &plan(&d, &[Step::Api, Step::Policy], &before)
                .unwrap()
                .changes,
        );

        let mut after = before.clone();
        after
            .resource_server
            .as_mut()
            .unwrap()
            .scopes
            .extend([ApiScope::new("mcp:read"), ApiScope::new("mcp:write")]);
        after.client_grant.as_mut().unwrap().scope =
            vec!["admin".into(), "mcp:read".into(), "mcp:write".into()];
        let p = destroy(AUD, &Step::ALL, &after, &[], &record);
        assert!(
            p.ops.contains(&Op::UpdateResourceServer {
                id: "rs_1".into(),
                body: json!({"scopes": [{"value": "admin", "description": "Theirs"}]})
            }),
            "{:?}",
            p.ops
        );
        assert!(
            p.ops.contains(&Op::UpdateClientGrant {
                id: "cgr_2".into(),
                body: json!({"scope": ["admin"]})
            }),
            "{:?}",
            p.ops
        );
    }
}
