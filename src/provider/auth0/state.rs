//! What authsetup reads from an Auth0 tenant, with Auth0's omitted defaults made explicit.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResourceServer {
    pub id: String,
    pub identifier: String,
    pub name: Option<String>,
    pub signing_alg: Option<String>,
    pub allow_offline_access: bool,
    pub user_policy: Option<String>,
    pub client_policy: Option<String>,
    pub scopes: Vec<ApiScope>,
}

/// One of an API's scopes; a PATCH replaces the whole list, so the descriptions go back too.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApiScope {
    pub value: String,
    pub description: Option<String>,
}

impl ApiScope {
    /// A scope authsetup adds; the description is what a consent screen shows.
    pub fn new(value: &str) -> Self {
        Self {
            value: value.to_string(),
            description: Some(format!("{value} on the MCP server")),
        }
    }

    pub fn to_json(&self) -> Value {
        match &self.description {
            Some(d) => serde_json::json!({"value": self.value, "description": d}),
            None => serde_json::json!({"value": self.value}),
        }
    }
}

impl ResourceServer {
    pub fn scope_values(&self) -> Vec<String> {
        self.scopes.iter().map(|s| s.value.clone()).collect()
    }

    pub fn from_json(v: &Value) -> Self {
        let s = |p: &str| v.pointer(p).and_then(Value::as_str).map(String::from);
        Self {
            id: s("/id").unwrap_or_default(),
            identifier: s("/identifier").unwrap_or_default(),
            name: s("/name"),
            signing_alg: s("/signing_alg"),
            allow_offline_access: v["allow_offline_access"].as_bool().unwrap_or(false),
            user_policy: s("/subject_type_authorization/user/policy"),
            client_policy: s("/subject_type_authorization/client/policy"),
            scopes: v["scopes"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| {
                            Some(ApiScope {
                                value: s["value"].as_str()?.to_string(),
                                description: s["description"].as_str().map(String::from),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientGrant {
    pub id: String,
    pub scope: Vec<String>,
    /// `user` or `client`; Auth0 defaults it to `client` when a create leaves it out (§A4).
    pub subject_type: Option<String>,
}

impl ClientGrant {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            subject_type: v["subject_type"].as_str().map(String::from),
            scope: v["scope"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Connection {
    pub id: String,
    pub name: String,
    pub is_domain_connection: bool,
    pub display_name: Option<String>,
    /// The clients it is enabled for; read only for `--registration preregistered`.
    pub enabled_clients: Vec<String>,
}

impl Connection {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            name: v["name"].as_str().unwrap_or_default().to_string(),
            is_domain_connection: v["is_domain_connection"].as_bool().unwrap_or(false),
            display_name: v["display_name"].as_str().map(String::from),
            enabled_clients: Vec::new(),
        }
    }
}

/// Tenant settings as they really are: GET omits `default_audience` when unset,
/// `enable_dynamic_client_registration` when false and `enable_client_connections` when true
/// (notes/auth0.md §A5).
#[derive(Debug, Clone, PartialEq)]
pub struct TenantSettings {
    pub default_audience: String,
    pub dcr: bool,
    pub client_connections: bool,
    pub resource_parameter_profile: Option<String>,
    pub dcr_security_mode: Option<String>,
    /// `authorization_response_iss_parameter_supported`: answers carry `iss` (RFC 9207).
    pub iss_parameter: bool,
}

impl Default for TenantSettings {
    fn default() -> Self {
        Self {
            default_audience: String::new(),
            dcr: false,
            client_connections: true,
            resource_parameter_profile: None,
            dcr_security_mode: None,
            iss_parameter: false,
        }
    }
}

impl TenantSettings {
    pub fn from_json(v: &Value) -> Self {
        let flag = |name: &str, default: bool| v["flags"][name].as_bool().unwrap_or(default);
        Self {
            default_audience: v["default_audience"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            dcr: flag("enable_dynamic_client_registration", false),
            client_connections: flag("enable_client_connections", true),
            resource_parameter_profile: v["resource_parameter_profile"].as_str().map(String::from),
            dcr_security_mode: v["dynamic_client_registration_security_mode"]
                .as_str()
                .map(String::from),
            iss_parameter: v["authorization_response_iss_parameter_supported"] == true,
        }
    }
}

/// An application of the tenant, as far as Codex's pre-registered client matters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct App {
    pub id: String,
    pub name: String,
    pub callbacks: Vec<String>,
    pub first_party: bool,
    /// Carries authsetup's mark in `client_metadata`: authsetup created it.
    pub marked: bool,
}

/// The `client_metadata` key of authsetup's mark (OAS `ClientMetadata`: string values of at most
/// 255 characters, at most 10 keys).
pub const MARK_KEY: &str = "authsetup";

impl App {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: v["client_id"].as_str().unwrap_or_default().to_string(),
            name: v["name"].as_str().unwrap_or_default().to_string(),
            callbacks: strings(&v["callbacks"]),
            first_party: v["is_first_party"].as_bool().unwrap_or(true),
            marked: v["client_metadata"][MARK_KEY] == crate::provider::MARK,
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Everything one run observed. A field the selected steps do not need stays at its default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TenantState {
    pub resource_server: Option<ResourceServer>,
    pub grant: Option<ClientGrant>,
    pub connection: Option<Connection>,
    /// Filled only when the wanted connection is missing, to tell the user what exists.
    pub connection_names: Vec<String>,
    pub settings: Option<TenantSettings>,
    /// `--registration preregistered`: Codex's client and its grant for the API.
    pub codex_client: Option<App>,
    pub client_grant: Option<ClientGrant>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn omitted_tenant_flags_take_auth0_defaults() {
        let s = TenantSettings::from_json(&json!({"flags": {"enable_sso": true}}));
        assert_eq!(s, TenantSettings::default());
        let s = TenantSettings::from_json(&json!({
            "default_audience": "https://a/",
            "flags": {"enable_dynamic_client_registration": true, "enable_client_connections": false},
            "resource_parameter_profile": "compatibility"
        }));
        assert!(s.dcr && !s.client_connections);
        assert_eq!(s.default_audience, "https://a/");
        assert_eq!(
            s.resource_parameter_profile.as_deref(),
            Some("compatibility")
        );
    }
}
