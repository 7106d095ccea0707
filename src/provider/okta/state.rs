//! What authsetup reads from an Okta org. Each object keeps the document it came from, because
//! Okta's PUTs replace the whole object (notes/okta.md §A.2) and an update must send back every
//! field authsetup does not manage.

use std::collections::BTreeMap;

use serde_json::Value;
use url::Url;

use crate::error::{AppError, Result};
use crate::provider::MARK;
use crate::settings::is_loopback_host;

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
    /// `ORG_URL`, `CUSTOM_URL` (the org's custom domain) or `DYNAMIC` (notes/okta.md §A.2).
    pub issuer_mode: String,
    pub status: String,
    /// Its description carries authsetup's mark: authsetup created it.
    pub marked: bool,
}

/// A description ends with `(managed by authsetup)` on what authsetup creates.
pub fn marked_description(doc: &Value) -> bool {
    doc["description"]
        .as_str()
        .is_some_and(|d| d.ends_with(&format!("({MARK})")))
}

/// Nothing the org answers reaches the MCP server's `.env` (or a request path) unless it has the
/// shape Okta gives it: a broken or hostile org must not get `$(…)` into a file a shell sources.
fn refused(what: String) -> AppError {
    AppError::failed(what).with_hint(
        "nothing was written to the .env file; check that OKTA_DOMAIN is your Okta org (Admin Console → Settings → Account)",
    )
}

/// Okta ids (`aus…` servers, `0oa…` apps, `00p…` policies) are letters and digits (notes/okta.md
/// §A.2, §A.8); `-` and `_` are let through as well.
pub fn checked_id(what: &str, id: &str) -> Result<String> {
    let shaped = !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    match shaped {
        true => Ok(id.to_string()),
        false => Err(refused(format!(
            "the Okta org reported {what} id {id:?}, which is not an Okta id"
        ))),
    }
}

impl AuthServer {
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: text(v, "/id"),
            name: text(v, "/name"),
            audiences: texts(v, "/audiences"),
            issuer: text(v, "/issuer"),
            issuer_mode: text(v, "/issuerMode"),
            status: text(v, "/status"),
            marked: marked_description(v),
        }
    }

    /// The issuer Okta gives a custom authorization server is `https://{org}/oauth2/{id}`, on the
    /// org's custom domain for `issuerMode: CUSTOM_URL` (notes/okta.md §A.2); plain HTTP only
    /// from a loopback emulator. The text must be exactly the URL it parses to, so that what is
    /// checked is what is written.
    pub fn checked_issuer(&self, org: &Url) -> Result<String> {
        let issuer = &self.issuer;
        let bad = |why: &str| {
            refused(format!(
                "the Okta org reported the issuer {issuer:?} for the authorization server {}, {why}",
                self.id
            ))
        };
        let url = Url::parse(issuer).map_err(|_| bad("which is not a URL"))?;
        if url.as_str() != issuer {
            return Err(bad("which is not a plain URL"));
        }
        let loopback = url.host_str().is_some_and(is_loopback_host);
        if !(url.scheme() == "https" || url.scheme() == "http" && loopback) {
            return Err(bad("which is neither https nor a loopback address"));
        }
        if !url.username().is_empty()
            || url.password().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
        {
            return Err(bad("with parts an issuer does not have"));
        }
        if url.path() != format!("/oauth2/{}", self.id) && url.path() != "/oauth2/default" {
            return Err(bad("whose path is not /oauth2/<server id>"));
        }
        let org_host =
            url.host() == org.host() && url.port_or_known_default() == org.port_or_known_default();
        let custom_domain = self.issuer_mode == "CUSTOM_URL" && url.scheme() == "https";
        if !(org_host || custom_domain) {
            return Err(bad("on another host than the org"));
        }
        Ok(issuer.clone())
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
    /// Its admin note (`settings.notes.admin`) is authsetup's mark: authsetup created it.
    pub fn marked(&self) -> bool {
        self.doc.pointer("/settings/notes/admin") == Some(&Value::from(MARK))
    }

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
    /// The server's scopes, name → id (system scopes such as `offline_access` included).
    pub scopes: BTreeMap<String, String>,
    pub policy: Option<Policy>,
    pub rule: Option<Rule>,
    pub app: Option<App>,
    pub group: Option<Group>,
    pub assigned: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(issuer: &str, mode: &str) -> AuthServer {
        AuthServer {
            id: "aus1".into(),
            issuer: issuer.into(),
            issuer_mode: mode.into(),
            ..AuthServer::default()
        }
    }

    #[test]
    fn only_issuers_okta_gives_this_server_are_taken() {
        let org = Url::parse("https://dev-1.okta.com").unwrap();
        let ok = |issuer: &str, mode: &str| server(issuer, mode).checked_issuer(&org).is_ok();
        assert!(ok("https://dev-1.okta.com/oauth2/aus1", "ORG_URL"));
        assert!(ok("https://dev-1.okta.com/oauth2/default", "DYNAMIC"));
        assert!(ok("https://login.example.com/oauth2/aus1", "CUSTOM_URL"));
        for (issuer, mode) in [
            ("https://dev-1.okta.com/x\"$(touch pwned)`id`", "ORG_URL"),
            ("https://dev-1.okta.com/oauth2/aus1$(id)", "ORG_URL"),
            ("https://dev-1.okta.com/oauth2/aus1'", "ORG_URL"),
            ("https://dev-1.okta.com/oauth2/aus2", "ORG_URL"),
            ("https://dev-1.okta.com/oauth2/aus1?x=1", "ORG_URL"),
            ("https://u:p@dev-1.okta.com/oauth2/aus1", "ORG_URL"),
            ("https://dev-1.okta.com:8443/oauth2/aus1", "ORG_URL"),
            ("https://evil.example/oauth2/aus1", "DYNAMIC"),
            ("http://dev-1.okta.com/oauth2/aus1", "ORG_URL"),
            ("http://192.0.2.2:18001/oauth2/aus1", "CUSTOM_URL"),
            ("https://DEV-1.okta.com/oauth2/aus1", "ORG_URL"),
            ("", "ORG_URL"),
        ] {
            assert!(!ok(issuer, mode), "{issuer} ({mode}) was taken");
        }
        let local = Url::parse("http://127.0.0.1:8787").unwrap();
        assert!(
            server("http://127.0.0.1:8787/oauth2/aus1", "DYNAMIC")
                .checked_issuer(&local)
                .is_ok()
        );
    }

    #[test]
    fn ids_are_letters_and_digits() {
        assert!(checked_id("the app", "0oa1b2C3d4E5").is_ok());
        for id in [
            "",
            "0oa1\"$(id)",
            "../x",
            "0oa 1",
            "0oa1\n",
            &"a".repeat(101),
        ] {
            assert!(checked_id("the app", id).is_err(), "{id:?} was taken");
        }
    }
}
