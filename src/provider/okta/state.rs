//! What authsetup reads from an Okta org. Each object keeps the document it came from, because
//! Okta's PUTs replace the whole object (notes/okta.md §A.2) and an update must send back every
//! field authsetup does not manage.

use serde_json::Value;

fn text(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn texts(v: &Value, pointer: &str) -> Vec<String> {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// A document as it can be sent back in a PUT: without the read-only `_links`/`_embedded`.
pub fn writable(doc: &Value) -> Value {
    let mut doc = doc.clone();
    if let Some(map) = doc.as_object_mut() {
        map.remove("_links");
        map.remove("_embedded");
    }
    doc
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthServer {
    pub id: String,
    pub name: String,
    pub audiences: Vec<String>,
    pub issuer: String,
    pub status: String,
}

impl AuthServer {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: text(v, "/id"),
            name: text(v, "/name"),
            audiences: texts(v, "/audiences"),
            issuer: text(v, "/issuer"),
            status: text(v, "/status"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Policy {
    pub id: String,
    pub name: String,
    pub status: String,
    pub clients: Vec<String>,
    pub doc: Value,
}

impl Policy {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: text(v, "/id"),
            name: text(v, "/name"),
            status: text(v, "/status"),
            clients: texts(v, "/conditions/clients/include"),
            doc: writable(v),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub status: String,
    pub grant_types: Vec<String>,
    pub groups: Vec<String>,
    pub scopes: Vec<String>,
    pub doc: Value,
}

impl Rule {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: text(v, "/id"),
            name: text(v, "/name"),
            status: text(v, "/status"),
            grant_types: texts(v, "/conditions/grantTypes/include"),
            groups: texts(v, "/conditions/people/groups/include"),
            scopes: texts(v, "/conditions/scopes/include"),
            doc: writable(v),
        }
    }
}

/// An OIDC app; its `id` is also its OAuth `client_id` (notes/okta.md §A.8).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct App {
    pub id: String,
    pub label: String,
    pub status: String,
    pub application_type: String,
    pub grant_types: Vec<String>,
    pub response_types: Vec<String>,
    pub redirect_uris: Vec<String>,
    pub auth_method: String,
    pub pkce_required: bool,
    pub doc: Value,
}

impl App {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: text(v, "/id"),
            label: text(v, "/label"),
            status: text(v, "/status"),
            application_type: text(v, "/settings/oauthClient/application_type"),
            grant_types: texts(v, "/settings/oauthClient/grant_types"),
            response_types: texts(v, "/settings/oauthClient/response_types"),
            redirect_uris: texts(v, "/settings/oauthClient/redirect_uris"),
            auth_method: text(v, "/credentials/oauthClient/token_endpoint_auth_method"),
            pkce_required: v
                .pointer("/credentials/oauthClient/pkce_required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            doc: writable(v),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub id: String,
    pub name: String,
}

impl Group {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: text(v, "/id"),
            name: text(v, "/profile/name"),
        }
    }
}

/// Everything one run observed. What the selected steps do not need stays at its default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgState {
    pub server: Option<AuthServer>,
    /// Scope names of the server (system scopes such as `offline_access` included).
    pub scopes: Vec<String>,
    pub policy: Option<Policy>,
    pub rule: Option<Rule>,
    pub app: Option<App>,
    pub group: Option<Group>,
    pub assigned: bool,
}
