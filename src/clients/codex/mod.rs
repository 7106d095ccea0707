//! What authsetup knows about Codex CLI as an MCP client: the keys codex-cli 0.171 reads, the
//! redirect URI it sends, which server names it starts and which protected-resource `resource`
//! it accepts. `config` edits its `config.toml`; `credentials` reads the logins it stored.
//!
//! Ground truth is shared/reference/notes/codex-mcp.md (behaviour of the real codex-cli 0.171.0).

pub mod config;
pub mod credentials;

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::digest::{SHA256, digest};
use url::Url;

pub use config::CodexConfigError;

/// Every key codex-cli 0.171 reads that authsetup could write, `<id>` standing for the server name.
///
/// Taken from shared/reference/notes/codex-mcp.md §A1 (`RawMcpServerConfig` plus the 0.171-only
/// `oauth.*`, `auth` and `http_headers_helper` keys from the binary and the official config
/// reference) and §A2 (top-level OAuth keys). Left out on purpose: `bearer_token` (rejected for
/// streamable HTTP) and `name` (legacy, ignored). The tests check every key a merge adds or
/// changes against this list, so a typo cannot reach a user's config silently.
pub const CODEX_0171_KEYS: &[&str] = &[
    // §A2
    "mcp_oauth_callback_port",
    "mcp_oauth_callback_url",
    "mcp_oauth_credentials_store",
    // §A1, stdio transport
    "mcp_servers.<id>.command",
    "mcp_servers.<id>.args",
    "mcp_servers.<id>.env",
    "mcp_servers.<id>.env_vars",
    "mcp_servers.<id>.cwd",
    // §A1, streamable HTTP transport
    "mcp_servers.<id>.url",
    "mcp_servers.<id>.http_headers",
    "mcp_servers.<id>.env_http_headers",
    "mcp_servers.<id>.http_headers_helper",
    "mcp_servers.<id>.bearer_token_env_var",
    "mcp_servers.<id>.auth",
    "mcp_servers.<id>.scopes",
    "mcp_servers.<id>.oauth_resource",
    "mcp_servers.<id>.oauth",
    "mcp_servers.<id>.oauth.client_id",
    "mcp_servers.<id>.oauth.client_secret",
    "mcp_servers.<id>.oauth.callback_url",
    "mcp_servers.<id>.oauth.callback_port",
    "mcp_servers.<id>.oauth.token_endpoint_auth_method",
    "mcp_servers.<id>.oauth.authorization_server_issuer",
    // §A1, shared
    "mcp_servers.<id>.experimental_environment",
    "mcp_servers.<id>.startup_timeout_sec",
    "mcp_servers.<id>.startup_timeout_ms",
    "mcp_servers.<id>.tool_timeout_sec",
    "mcp_servers.<id>.enabled",
    "mcp_servers.<id>.required",
    "mcp_servers.<id>.supports_parallel_tool_calls",
    "mcp_servers.<id>.default_tools_approval_mode",
    "mcp_servers.<id>.enabled_tools",
    "mcp_servers.<id>.disabled_tools",
    "mcp_servers.<id>.tools",
];

/// Value of `mcp_oauth_credentials_store`.
///
/// `File` is the default because on a machine without a keyring service (CI, containers, SSH
/// boxes) `auto`/`keyring` can lose the sign-in (notes §A3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CredentialsStore {
    #[default]
    File,
    Auto,
    Keyring,
}

impl CredentialsStore {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialsStore::File => "file",
            CredentialsStore::Auto => "auto",
            CredentialsStore::Keyring => "keyring",
        }
    }
}

impl fmt::Display for CredentialsStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The MCP server entry authsetup manages in Codex's config.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodexServer {
    /// Key under `[mcp_servers]`; what `codex mcp login NAME` takes.
    pub name: String,
    /// The MCP endpoint; must equal (or sit under) the protected-resource `resource`.
    pub url: String,
    /// A pre-registered OAuth client (Okta, or Auth0 without DCR); `None` lets Codex register
    /// one dynamically.
    pub client_id: Option<String>,
    /// `scopes` of the entry, added to what is there; empty leaves the key alone. Codex 0.171
    /// sends no scope at all for a pre-registered client unless the MCP server's metadata
    /// lists some, and appends no `offline_access` to configured ones (fidelity review B1), so
    /// such a client needs both written here.
    pub scopes: Vec<String>,
    pub callback_port: u16,
    /// `None` keeps the store the config already names (`file` when it names none).
    pub credentials_store: Option<CredentialsStore>,
}

/// The id Codex appends to its MCP OAuth redirect path (notes §A7, `callback_id_from_server_url`).
///
/// It hashes the `url` crate's serialisation, not the text as typed, so the same normalisation
/// (lower-case host, `/` for an empty path, no default port, no fragment) must happen here or a
/// pre-registered redirect URI would never match.
pub fn callback_id(server_url: &str) -> Result<String, url::ParseError> {
    let mut parsed = Url::parse(server_url)?;
    parsed.set_fragment(None);
    let digest = digest(&SHA256, parsed.as_str().as_bytes());
    Ok(URL_SAFE_NO_PAD.encode(&digest.as_ref()[..9]))
}

/// The redirect URI Codex 0.171 uses for a pre-registered client (notes §A7): the literal
/// `127.0.0.1`, never `localhost`, because an IdP with exact-match redirects treats them as different.
pub fn redirect_uri(server_url: &str, port: u16) -> Result<String, url::ParseError> {
    Ok(format!(
        "http://127.0.0.1:{port}/callback/{}",
        callback_id(server_url)?
    ))
}

/// How Codex picks its redirect URI for one login (notes §A7 table, observed with 0.171).
#[derive(Clone, Copy, Debug, Default)]
pub struct Callback<'a> {
    /// `[mcp_servers.X.oauth] callback_url`, else the top-level `mcp_oauth_callback_url`.
    pub url: Option<&'a str>,
    /// The authorization server advertises `authorization_response_iss_parameter_supported`.
    pub issuer_bound: bool,
    /// The config names a `client_id`, so Codex registers nothing itself.
    pub pre_registered: bool,
}

impl<'a> Callback<'a> {
    /// A pre-registered client, as far as the config tells: whether the server is issuer-bound
    /// needs its metadata, and Okta, whose clients are pre-registered, is not.
    pub fn pre_registered(url: Option<&'a str>) -> Self {
        Callback {
            url,
            issuer_bound: false,
            pre_registered: true,
        }
    }

    /// The redirect URI Codex sends for `server_url` with the listener on `port`. A configured
    /// callback URL is used as written when the server is issuer-bound, else with `/<callback
    /// id>` appended to its path. Without one, only a client Codex registers itself (DCR or
    /// CIMD) drops the id for an issuer-bound server; a pre-registered one always keeps it
    /// (fidelity review A1).
    pub fn redirect_uri(&self, server_url: &str, port: u16) -> Result<String, url::ParseError> {
        match self.url {
            Some(base) if self.issuer_bound => Url::parse(base).map(|_| base.to_owned()),
            Some(base) => {
                let mut url = Url::parse(base)?;
                let id = callback_id(server_url)?;
                let path = url.path();
                let path = match path.ends_with('/') {
                    true => format!("{path}{id}"),
                    false => format!("{path}/{id}"),
                };
                url.set_path(&path);
                Ok(url.into())
            }
            None if self.issuer_bound && !self.pre_registered => {
                Ok(format!("http://127.0.0.1:{port}/callback"))
            }
            None => redirect_uri(server_url, port),
        }
    }
}

/// Refuses names Codex would not start: since openai/codex#1591 the connection manager rejects
/// names outside `^[a-zA-Z0-9_-]+$` (seen by users as "invalid server name", openai/codex#5635),
/// even though TOML could quote them.
pub fn check_server_name(name: &str) -> Result<(), CodexConfigError> {
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(CodexConfigError::InvalidName {
            name: name.to_owned(),
        })
    }
}

/// Warns when an API audience cannot be the `resource` Codex will ask tokens for.
///
/// Codex does not use the configured URL as the token's resource: it sends the MCP server's
/// protected-resource metadata `resource` as the RFC 8707 `resource` parameter on `/authorize`
/// and `/token` (notes TL;DR 3), and it only accepts a `resource` that equals the MCP URL or is a
/// same-origin path prefix of it, a trailing-slash difference being a mismatch (TL;DR 4). On Auth0
/// the API identifier (= audience) must equal that value, or the token comes back without the
/// API audience and the MCP server answers 401 (TL;DR 7). So an audience on another origin, or
/// not equal to / a path prefix of the MCP URL, can never line up.
pub fn warn_url_vs_audience(mcp_url: &str, audience: &str) -> Option<String> {
    let Ok(mut url) = Url::parse(mcp_url) else {
        return Some(format!(
            "MCP URL {mcp_url:?} is not an absolute URL, so it cannot be checked against the audience {audience:?}"
        ));
    };
    url.set_fragment(None);
    let fix = format!("use the MCP URL {url} as the audience");
    match resource_fit(&url, audience) {
        ResourceFit::Same | ResourceFit::PathPrefix => None,
        ResourceFit::NotAUrl => Some(format!(
            "audience {audience:?} is not a URL, but Codex asks for a token for the MCP server's protected-resource `resource`, which must be the MCP URL or a path prefix of it; {fix}"
        )),
        ResourceFit::OtherOrigin => Some(format!(
            "audience {audience:?} is not on the MCP URL's origin ({}); Codex only accepts a protected-resource `resource` on that origin and sends it as the token `resource`, so tokens would not be issued for this audience; {fix}",
            url.origin().ascii_serialization()
        )),
        ResourceFit::QueryOrFragment => Some(format!(
            "audience {audience:?} has a query or fragment, so it is neither the MCP URL nor a path prefix of it and Codex would reject it as the protected-resource `resource`; {fix}"
        )),
        ResourceFit::TrailingSlash => Some(format!(
            "audience {audience:?} and the MCP URL {mcp_url:?} differ only by a trailing slash; Codex treats that as a resource mismatch and Auth0 compares the audience byte for byte; {fix}"
        )),
        ResourceFit::Elsewhere => Some(format!(
            "audience {audience:?} is not the MCP URL {mcp_url:?} nor a path prefix of it; Codex would reject it as the protected-resource `resource` (\"resource mismatch\"); {fix}"
        )),
    }
}

/// How a protected-resource `resource` relates to the MCP URL Codex was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceFit {
    Same,
    /// A same-origin path prefix of the URL: Codex accepts it (notes §A5 step 3).
    PathPrefix,
    TrailingSlash,
    OtherOrigin,
    QueryOrFragment,
    Elsewhere,
    NotAUrl,
}

/// Judges `resource` as codex-cli 0.171 does (notes §A5 step 3, after
/// draft-mcguinness-oauth-rfc9728bis): the URL itself or a same-origin path prefix of it passes;
/// `…/mcp/` for `…/mcp` and another origin do not. `url` must have no fragment.
pub fn resource_fit(url: &Url, resource: &str) -> ResourceFit {
    let Ok(res) = Url::parse(resource) else {
        return ResourceFit::NotAUrl;
    };
    if &res == url {
        return ResourceFit::Same;
    }
    if res.origin() != url.origin() || !res.origin().is_tuple() {
        return ResourceFit::OtherOrigin;
    }
    if res.fragment().is_some() || res.query().is_some() {
        return ResourceFit::QueryOrFragment;
    }
    let (rp, up) = (res.path(), url.path());
    if rp.trim_end_matches('/') == up.trim_end_matches('/') && rp != up {
        return ResourceFit::TrailingSlash;
    }
    let is_prefix = rp == up
        || rp == "/"
        || (up.starts_with(rp) && (rp.ends_with('/') || up[rp.len()..].starts_with('/')));
    if is_prefix {
        ResourceFit::PathPrefix
    } else {
        ResourceFit::Elsewhere
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callback_id_matches_codex_0171() {
        // Worked examples observed with codex-cli 0.171.0 (notes §A7).
        assert_eq!(
            callback_id("http://127.0.0.1:8787/mcp").unwrap(),
            "jo3oVAWQjNhp"
        );
        assert_eq!(
            callback_id("http://127.0.0.1:8787/mcp?x=1").unwrap(),
            "vz1-RHOMqqLV"
        );
        // Same `url` crate normalisation as Codex: case, default port, fragment.
        assert_eq!(
            callback_id("HTTP://127.0.0.1:8787/mcp#part").unwrap(),
            "jo3oVAWQjNhp"
        );
        assert_eq!(
            callback_id("https://MCP.example.com:443").unwrap(),
            callback_id("https://mcp.example.com/").unwrap()
        );
        assert_eq!(
            redirect_uri("http://127.0.0.1:8787/mcp", 1455).unwrap(),
            "http://127.0.0.1:1455/callback/jo3oVAWQjNhp"
        );
        assert!(callback_id("not a url").is_err());
    }

    #[test]
    fn the_redirect_uri_follows_codex_0171s_callback_rules() {
        // notes §A7's table and fidelity review A1, for http://127.0.0.1:8787/mcp on port 1455.
        let url = "http://127.0.0.1:8787/mcp";
        let with_id = "http://127.0.0.1:1455/callback/jo3oVAWQjNhp";
        let cases = [
            (None, false, false, with_id),
            (None, false, true, with_id),
            (None, true, true, with_id),
            (None, true, false, "http://127.0.0.1:1455/callback"),
            (Some("http://127.0.0.1:1455/callback"), false, true, with_id),
            (
                Some("http://127.0.0.1:1455/callback"),
                true,
                true,
                "http://127.0.0.1:1455/callback",
            ),
            (
                Some("http://localhost:1455/oauth/callback/"),
                false,
                false,
                "http://localhost:1455/oauth/callback/jo3oVAWQjNhp",
            ),
        ];
        for (callback_url, issuer_bound, pre_registered, want) in cases {
            let callback = Callback {
                url: callback_url,
                issuer_bound,
                pre_registered,
            };
            assert_eq!(
                callback.redirect_uri(url, 1455).unwrap(),
                want,
                "{callback:?}"
            );
        }
    }

    #[test]
    fn audience_checks() {
        let url = "https://mcp.example.com/mcp";
        for ok in [
            "https://mcp.example.com/mcp",
            "https://MCP.example.com:443/mcp",
            "https://mcp.example.com",
            "https://mcp.example.com/",
        ] {
            assert_eq!(warn_url_vs_audience(url, ok), None, "{ok}");
        }
        assert_eq!(
            warn_url_vs_audience("https://h.example/api/v1/mcp", "https://h.example/api"),
            None
        );
        for (bad, needle) in [
            ("https://mcp.example.com/mcp/", "trailing slash"),
            ("https://api.example.com/mcp", "origin"),
            ("http://mcp.example.com/mcp", "origin"),
            ("https://mcp.example.com/m", "path prefix"),
            ("https://mcp.example.com/other", "path prefix"),
            ("urn:docs-api", "origin"),
            ("docs-api", "not a URL"),
            ("https://mcp.example.com/mcp?aud=1", "query"),
        ] {
            let w = warn_url_vs_audience(url, bad).unwrap_or_else(|| panic!("{bad}"));
            assert!(w.contains(needle), "{bad}: {w}");
            assert!(!w.contains('\n'));
        }
        let w = warn_url_vs_audience("https://mcp.example.com/mcp/", url).unwrap();
        assert!(w.contains("trailing slash"), "{w}");
    }
}
