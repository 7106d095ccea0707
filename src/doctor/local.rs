//! The files on this machine: the MCP server's `.env` and Codex's config.toml, plus the port
//! Codex will listen on for the login callback (notes/codex-mcp.md §A2, §A7, §B2 item 17).
//! Everything here is read before the first request, so the checks themselves are pure.

use std::io;
use std::net::TcpListener;
use std::path::PathBuf;

use super::mcp::TokenAnswer;
use super::{Area, Check, Expectations, Finding, Outcome};
use crate::codex;
use crate::codex::config::{self, CodexConfigError, ConfigView};
use crate::codex::credentials::{self, StoredLogin};
use crate::error::Result;
use crate::files::env::{self, EnvDoc};
use crate::settings::{ClientMode, DEFAULT_MCP_NAME, ProviderKind, Settings};

const AREA: Area = Area::LocalFiles;

pub struct LocalFacts {
    env: Result<Option<EnvDoc>, String>,
    codex_config: PathBuf,
    codex: Result<Option<ConfigView>, CodexConfigError>,
    /// The fixed callback port and whether 127.0.0.1 would let Codex listen on it now.
    port: Option<(u16, io::Result<()>)>,
    login: Result<Option<StoredLogin>, String>,
}

pub fn inspect(settings: &Settings) -> Result<LocalFacts> {
    let env = env::read(&settings.env_file).map_err(|e| e.to_string());
    let codex_home = settings.codex_home()?;
    let codex_config = codex_home.join("config.toml");
    let codex = config::inspect(&codex_config, &settings.mcp_name);
    let port = match &codex {
        Ok(Some(ConfigView {
            callback_port: Some(Ok(port)),
            ..
        })) => Some((*port, TcpListener::bind(("127.0.0.1", *port)).map(drop))),
        _ => None,
    };
    let login = credentials::stored_login(codex_home, &settings.mcp_name)
        .map_err(|e| format!("Codex's .credentials.json cannot be read: {e}"));
    Ok(LocalFacts {
        env,
        codex_config,
        codex,
        port,
        login,
    })
}

impl LocalFacts {
    /// The access token Codex stored for a login to `mcp_url`: never one meant for another
    /// server, which must not see it.
    pub fn stored_token(&self, mcp_url: &str) -> Option<&secrecy::SecretString> {
        let login = self.login.as_ref().ok()?.as_ref()?;
        (login.server_url.as_deref() == Some(mcp_url)).then_some(&login.access_token)
    }

    fn view(&self) -> Result<&ConfigView, Finding> {
        match &self.codex {
            Ok(Some(view)) => Ok(view),
            _ => Err(Finding::skip("no readable Codex config")),
        }
    }

    /// A pre-registered client Codex will use: from its config, else the provider's own.
    pub fn client_id<'a>(&'a self, expect: &'a Expectations) -> Option<&'a str> {
        self.view()
            .ok()
            .and_then(|v| v.server.as_ref()?.client_id.as_deref())
            .or(expect.client_id.as_deref())
    }

    /// The redirect URI Codex will use for this server (§A7), or why it cannot be known: after
    /// the callback URL the config sets, and for a client Codex registers itself (DCR) or a
    /// pre-registered one, which keeps the callback id even when the server is issuer-bound.
    pub fn redirect_uri(
        &self,
        settings: &Settings,
        expect: &Expectations,
        issuer_bound: bool,
        pre_registered: bool,
    ) -> Result<String, String> {
        let view = self.view().ok();
        let port = match view.and_then(|v| v.callback_port.clone()) {
            Some(Ok(port)) => port,
            Some(Err(_)) => return Err("the callback port in the Codex config is invalid".into()),
            None if view.is_some() => {
                return Err(
                    "the Codex config fixes no callback port, so Codex picks one at each login"
                        .into(),
                );
            }
            None => settings.callback_port,
        };
        let url = view
            .and_then(|v| v.server.as_ref()?.url.clone())
            .or_else(|| settings.mcp_url.clone())
            .unwrap_or_else(|| expect.audience.clone());
        let callback = codex::Callback {
            url: view.and_then(|v| v.callback_url.as_deref()),
            issuer_bound,
            pre_registered,
        };
        callback
            .redirect_uri(&url, port)
            .map_err(|e| format!("the MCP URL {url} or the callback URL cannot be parsed: {e}"))
    }
}

/// What the rest of the run saw that the local checks judge against.
pub struct Seen<'a> {
    /// The authorization server advertises issuer-bound answers (RFC 9207).
    pub issuer_bound: bool,
    /// The MCP server's protected-resource `resource`, when its metadata was read.
    pub resource: Option<&'a str>,
    /// How the MCP server answered the stored token, when it was sent.
    pub token_answer: Option<&'a Result<TokenAnswer, String>>,
}

pub fn checks(
    facts: &LocalFacts,
    settings: &Settings,
    expect: &Expectations,
    seen: &Seen,
) -> Vec<Check> {
    vec![
        Check::new("local.env", AREA, env_check(facts, settings, expect)),
        Check::new("local.codex_config", AREA, config_check(facts, settings)),
        Check::new(
            "local.codex_server",
            AREA,
            server_check(facts, settings, expect),
        ),
        Check::new("local.callback_port", AREA, port_check(facts, expect)),
        Check::new(
            "local.redirect_uri",
            AREA,
            redirect_check(facts, settings, expect, seen.issuer_bound),
        ),
        Check::new(
            "local.stored_token",
            AREA,
            token_check(facts, settings, expect, seen),
        ),
    ]
}

/// Codex reports a server as logged in whatever token it got (notes/codex-mcp.md §F): the
/// token's claims (decoded, never verified or printed) show whether it was issued for this API
/// and this server (§B2 item 18), and the server's answer to it settles the rest.
fn token_check(
    facts: &LocalFacts,
    settings: &Settings,
    expect: &Expectations,
    seen: &Seen,
) -> Outcome {
    let name = &settings.mcp_name;
    let relogin = format!("codex mcp logout {name} && codex mcp login {name}");
    let login = match &facts.login {
        Ok(Some(login)) => login,
        Ok(None) => {
            return Ok(Finding::skip(format!(
                "no stored login for {name} in Codex's file store (checked after `codex mcp login {name}`)"
            )));
        }
        Err(why) => return Ok(Finding::warn(why.clone(), relogin)),
    };
    if let (Some(stored), Some(want)) = (&login.server_url, &settings.mcp_url)
        && stored != want
    {
        return Ok(Finding::warn(
            format!("the stored login is for {stored}, not {want}"),
            relogin,
        ));
    }
    let token = secrecy::ExposeSecret::expose_secret(&login.access_token);
    let claims = match token.split('.').count() {
        3 => crate::jwt::claims(token).ok_or_else(|| {
            Finding::fail(
                "the stored access token is not a readable JWT",
                relogin.clone(),
            )
        })?,
        5 => {
            return Ok(Finding::fail(
                "the stored access token is encrypted (JWE): the MCP server cannot read it; the tenant issued it for no API",
                format!("authsetup apply, then {relogin}"),
            ));
        }
        _ => {
            return Ok(Finding::fail(
                "the stored access token is opaque, not a JWT: the tenant issued it without the API audience",
                format!("authsetup apply, then {relogin}"),
            ));
        }
    };
    let audiences: Vec<&str> = match &claims["aud"] {
        serde_json::Value::String(a) => vec![a.as_str()],
        serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
        _ => vec![],
    };
    if !audiences.contains(&expect.audience.as_str()) {
        return Ok(Finding::fail(
            format!(
                "the stored token is for {}, not {}",
                audiences.join(", "),
                expect.audience
            ),
            format!("authsetup apply, then {relogin}"),
        ));
    }
    if let Some(resource) = seen.resource
        && !audiences.contains(&resource)
    {
        return Ok(Finding::fail(
            format!(
                "the stored token is for {}, but the MCP server is {resource} (its protected-resource metadata) and must refuse it",
                audiences.join(", ")
            ),
            format!("authsetup apply --audience {resource}, then {relogin}"),
        ));
    }
    let iss = claims["iss"].as_str().unwrap_or_default();
    if iss != expect.issuer {
        return Ok(Finding::fail(
            format!("the stored token comes from {iss}, not {}", expect.issuer),
            relogin,
        ));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    if claims["exp"].as_u64().is_some_and(|exp| exp <= now) {
        // The server refusing an expired token says nothing: Codex refreshes it first.
        return Ok(Finding::warn(
            "the stored token has expired; Codex refreshes it at next use when it holds a refresh token",
            format!("codex mcp login {name}"),
        ));
    }
    let claimed = format!(
        "the stored token is a JWT for {} from {iss}",
        expect.audience
    );
    match seen.token_answer {
        None => Ok(Finding::pass(claimed)),
        Some(Err(why)) => Ok(Finding::warn(
            format!("{claimed}, but the MCP server could not be asked about it: {why}"),
            "start the MCP server, then run doctor again",
        )),
        Some(Ok(answer)) if matches!(answer.status, 401 | 403) => Ok(Finding::fail(
            format!(
                "the MCP server refuses the stored token ({}{})",
                answer.status,
                answer
                    .why
                    .as_deref()
                    .map(|w| format!(": {w}"))
                    .unwrap_or_default()
            ),
            format!(
                "check the server's issuer and audience settings against the tenant's, then {relogin}"
            ),
        )),
        Some(Ok(answer)) => Ok(Finding::pass(format!(
            "{claimed}, and the MCP server takes it (answered {})",
            answer.status
        ))),
    }
}

fn env_check(facts: &LocalFacts, settings: &Settings, expect: &Expectations) -> Outcome {
    let path = settings.env_file.display();
    let doc = match &facts.env {
        Ok(Some(doc)) => doc,
        Ok(None) => {
            return Ok(Finding::warn(
                format!(
                    "no {path}: the MCP server has no settings here (pass --env-file for the server's)"
                ),
                "authsetup env write",
            ));
        }
        Err(why) => {
            return Ok(Finding::fail(
                format!("{path} {why}"),
                format!("fix {path} (KEY=VALUE lines), then `authsetup env write`"),
            ));
        }
    };
    let stale: Vec<String> = expect
        .env
        .iter()
        .filter(|(key, want)| doc.get(key) != Some(want.as_str()))
        .map(|(key, want)| match doc.get(key) {
            Some(have) => format!("{key} is {have}, the tenant's is {want}"),
            None => format!("{key} is missing"),
        })
        .collect();
    if stale.is_empty() {
        let keys: Vec<&str> = expect.env.iter().map(|(k, _)| k.as_str()).collect();
        return Ok(Finding::pass(format!(
            "{path} has this tenant's {}",
            keys.join(" and ")
        )));
    }
    Ok(Finding::fail(
        format!("{path} is stale: {}", stale.join("; ")),
        "authsetup env write",
    ))
}

/// `authsetup codex config --write` with the options that name this server.
fn codex_fix(settings: &Settings) -> String {
    let mut fix = "authsetup codex config --write".to_string();
    if settings.mcp_name != DEFAULT_MCP_NAME {
        fix.push_str(&format!(" --mcp-name {}", settings.mcp_name));
    }
    if settings.mcp_url.is_none() {
        fix.push_str(" --mcp-url URL");
    }
    // Both may have come from a flag or variable the user will not repeat; without them the
    // entry would lose its client id (Auth0 reads it from the tenant only when asked) or scopes.
    if settings.provider == ProviderKind::Auth0 && settings.client_mode == ClientMode::Preregistered
    {
        fix.push_str(" --registration preregistered");
    }
    if let Some(scopes) = &settings.scopes {
        fix.push_str(&format!(" --scopes {}", scopes.join(",")));
    }
    fix
}

fn config_check(facts: &LocalFacts, settings: &Settings) -> Outcome {
    let path = &facts.codex_config;
    match &facts.codex {
        Ok(Some(_)) => Ok(Finding::pass(format!("{} parses", path.display()))),
        Ok(None) => Ok(Finding::warn(
            format!(
                "no {}: Codex does not know the server on this machine",
                path.display()
            ),
            codex_fix(settings),
        )),
        Err(e) => Ok(Finding::fail(
            format!("Codex cannot read its config: {e}"),
            format!(
                "fix {} by hand (authsetup does not rewrite a file it cannot parse)",
                path.display()
            ),
        )),
    }
}

fn server_check(facts: &LocalFacts, settings: &Settings, expect: &Expectations) -> Outcome {
    let view = facts.view()?;
    let name = &settings.mcp_name;
    let Some(server) = &view.server else {
        return Ok(Finding::fail(
            format!(
                "the Codex config has no [mcp_servers.{name}], so `codex mcp login {name}` fails"
            ),
            codex_fix(settings),
        ));
    };
    if server.stdio {
        return Ok(Finding::fail(
            format!("[mcp_servers.{name}] is a stdio server (it has command), not this MCP URL"),
            "pick another --mcp-name for this server, or remove that entry",
        ));
    }
    let Some(url) = &server.url else {
        return Ok(Finding::fail(
            format!("[mcp_servers.{name}] has no url"),
            codex_fix(settings),
        ));
    };
    // A pre-registered client gets only the scopes Codex asks for (notes/codex-mcp.md §A8).
    let missing: Vec<&str> = match (&settings.scopes, &server.client_id) {
        (Some(wanted), Some(_)) => wanted
            .iter()
            .filter(|s| !server.scopes.contains(s))
            .map(String::as_str)
            .collect(),
        _ => Vec::new(),
    };
    if !missing.is_empty() {
        return Ok(Finding::fail(
            format!(
                "[mcp_servers.{name}] scopes lack {}, so Codex's tokens will not carry them",
                missing.join(", ")
            ),
            codex_fix(settings),
        ));
    }
    match &settings.mcp_url {
        Some(want) if url == want => {
            Ok(Finding::pass(format!("[mcp_servers.{name}] url is {url}")))
        }
        Some(want) => Ok(Finding::fail(
            format!("[mcp_servers.{name}] url is {url}, not {want}"),
            codex_fix(settings),
        )),
        None => match codex::warn_url_vs_audience(url, &expect.audience) {
            Some(why) => Ok(Finding::warn(why, codex_fix(settings))),
            None => Ok(Finding::pass(format!(
                "[mcp_servers.{name}] url is {url} (pass --mcp-url to compare)"
            ))),
        },
    }
}

fn port_check(facts: &LocalFacts, expect: &Expectations) -> Outcome {
    let view = facts.view()?;
    let fix = "authsetup codex config --write --callback-port PORT";
    match (&view.callback_port, &facts.port) {
        (Some(Err(raw)), _) => Ok(Finding::fail(
            format!("the callback port {raw} is not a port from 1 to 65535; Codex refuses it"),
            fix,
        )),
        (Some(Ok(_)), Some((port, Ok(())))) => Ok(Finding::pass(format!(
            "callback port {port} is free on 127.0.0.1"
        ))),
        (Some(Ok(_)), Some((port, Err(e)))) => Ok(Finding::warn(
            format!(
                "callback port {port} cannot be opened on 127.0.0.1 ({e}); `codex mcp login` fails while it is taken (`codex login` uses 1455 too)"
            ),
            format!("stop what listens on 127.0.0.1:{port}, or choose another: {fix}"),
        )),
        (None, _) if facts.client_id(expect).is_some() => Ok(Finding::fail(
            "no fixed callback port: the redirect URI of the pre-registered client would change at every login",
            fix,
        )),
        _ => Ok(Finding::pass(
            "no fixed callback port: Codex picks a free one at each login",
        )),
    }
}

fn redirect_check(
    facts: &LocalFacts,
    settings: &Settings,
    expect: &Expectations,
    issuer_bound: bool,
) -> Outcome {
    let Some(client) = facts.client_id(expect) else {
        return Ok(Finding::skip(
            "no pre-registered client: Codex registers its redirect URI itself (DCR)",
        ));
    };
    let uri = facts
        .redirect_uri(settings, expect, issuer_bound, true)
        .map_err(|why| Finding::skip(format!("the redirect URI is unknown: {why}")))?;
    Ok(Finding::pass(format!(
        "the client {client} must allow the redirect URI {uri}"
    )))
}
