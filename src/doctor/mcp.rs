//! The MCP server as Codex discovers it (notes/codex-mcp.md §A5, §B2 items 1–6): an
//! unauthenticated request, the `WWW-Authenticate` challenge, the protected-resource metadata
//! (RFC 9728) and what it says about the resource and its authorization server.
//!
//! Codex walks header → path-specific well-known URL → root well-known URL one after another; the
//! three first requests are fetched together here, so the walk costs one round trip unless the
//! header names some other URL.

use reqwest::Method;
use secrecy::SecretString;
use serde_json::{Value, json};
use url::Url;

use super::{Area, Check, Expectations, Fetched, Finding, Outcome, get_json};
use crate::codex::{ResourceFit, resource_fit};
use crate::http::{Http, Request};

const AREA: Area = Area::McpServer;
const WELL_KNOWN: &str = "/.well-known/oauth-protected-resource";

/// The answer to a request without a token.
#[derive(Debug, Clone)]
pub struct Challenge {
    pub status: u16,
    /// `WWW-Authenticate` uses the Bearer scheme.
    pub bearer: bool,
    pub resource_metadata: Option<String>,
    /// Scopes the challenge asks for; Codex prefers them to the metadata's (§A8).
    pub scope: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Observation {
    pub url: Url,
    pub challenge: Result<Challenge, String>,
    /// The metadata URLs tried, in the order Codex tries them, with their answers.
    pub metadata: Vec<(Source, String, Fetched)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Header,
    PathWellKnown,
    RootWellKnown,
}

impl Source {
    fn describe(self) -> &'static str {
        match self {
            Source::Header => "named by WWW-Authenticate",
            Source::PathWellKnown => "at the path-specific well-known URL",
            Source::RootWellKnown => "at the root well-known URL",
        }
    }
}

/// RFC 9728 §3.1: the well-known segment goes between the host and the resource's path.
fn well_known_urls(url: &Url) -> (Url, Url) {
    let mut root = url.clone();
    root.set_query(None);
    root.set_fragment(None);
    root.set_path(WELL_KNOWN);
    let mut with_path = root.clone();
    let path = url.path().trim_end_matches('/');
    with_path.set_path(&format!("{WELL_KNOWN}{path}"));
    (with_path, root)
}

pub async fn discover(http: &Http, url: &Url) -> Observation {
    let (with_path, root) = well_known_urls(url);
    let distinct_root = root != with_path;
    let (challenge, path_doc, root_doc) =
        tokio::join!(challenge(http, url), get_json(http, &with_path), async {
            match distinct_root {
                true => Some(get_json(http, &root).await),
                false => None,
            }
        },);
    let mut metadata = Vec::new();
    let named = challenge
        .as_ref()
        .ok()
        .and_then(|c| c.resource_metadata.clone());
    if let Some(named) = named {
        let fetched = match Url::parse(&named) {
            Ok(u) if u == with_path => path_doc.clone(),
            Ok(u) => match &root_doc {
                Some(doc) if u == root => doc.clone(),
                _ => get_json(http, &u).await,
            },
            Err(e) => Err(format!(
                "the resource_metadata URL {named} cannot be parsed: {e}"
            )),
        };
        metadata.push((Source::Header, named, fetched));
    }
    metadata.push((Source::PathWellKnown, with_path.to_string(), path_doc));
    if let Some(root_doc) = root_doc {
        metadata.push((Source::RootWellKnown, root.to_string(), root_doc));
    }
    Observation {
        url: url.clone(),
        challenge,
        metadata,
    }
}

/// How the MCP server answered the token Codex stored.
#[derive(Debug, Clone)]
pub struct TokenAnswer {
    pub status: u16,
    /// The challenge's `error_description` (or `error`) when it refused the token.
    pub why: Option<String>,
}

/// Sends the token Codex stored to the MCP server once, as Codex would: a JSON-RPC `ping` POSTed
/// with it. Only the status and the challenge are kept; the token goes no further than the
/// `Authorization` header, which traces redact.
pub async fn try_token(
    http: &Http,
    url: &Url,
    token: &SecretString,
) -> Result<TokenAnswer, String> {
    let ping = json!({"jsonrpc": "2.0", "id": "authsetup-doctor", "method": "ping"});
    let request = Request::new(Method::POST, url.clone())
        .bearer(token)
        .json(ping);
    let resp = http.send(&request).await.map_err(|e| e.message)?;
    let why = resp
        .headers
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(bearer_params)
        .and_then(|p| param(&p, "error_description").or_else(|| param(&p, "error")));
    Ok(TokenAnswer {
        status: resp.status.as_u16(),
        why,
    })
}

async fn challenge(http: &Http, url: &Url) -> Result<Challenge, String> {
    let resp = http
        .send(&Request::new(Method::GET, url.clone()))
        .await
        .map_err(|e| e.message)?;
    let header = resp
        .headers
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(bearer_params);
    Ok(Challenge {
        status: resp.status.as_u16(),
        bearer: header.is_some(),
        resource_metadata: header.as_ref().and_then(|p| param(p, "resource_metadata")),
        scope: header.as_ref().and_then(|p| param(p, "scope")),
    })
}

/// The auth-params of a `Bearer` challenge (RFC 9110 §11.6.1), or `None` for another scheme.
fn bearer_params(value: &str) -> Option<Vec<(String, String)>> {
    let value = value.trim();
    let (scheme, rest) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = rest.trim_start();
    while let Some((name, after)) = rest.split_once('=') {
        let name = name
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        let after = after.trim_start();
        let (val, tail) = match after.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"').unwrap_or(quoted.len());
                (
                    quoted[..end].to_string(),
                    quoted.get(end + 1..).unwrap_or(""),
                )
            }
            None => {
                let end = after.find(',').unwrap_or(after.len());
                (after[..end].trim().to_string(), &after[end..])
            }
        };
        params.push((name, val));
        rest = tail.trim_start().trim_start_matches(',').trim_start();
    }
    Some(params)
}

fn param(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

impl Observation {
    /// The metadata Codex goes by: the header's URL when there is one, else the first
    /// well-known URL that loads.
    fn chosen(&self) -> Result<(Source, &str, &Value), String> {
        if let Some((source, url, fetched)) =
            self.metadata.iter().find(|(s, ..)| *s == Source::Header)
        {
            return fetched
                .as_ref()
                .map(|doc| (*source, url.as_str(), doc))
                .map_err(Clone::clone);
        }
        self.metadata
            .iter()
            .find_map(|(source, url, fetched)| {
                fetched
                    .as_ref()
                    .ok()
                    .map(|doc| (*source, url.as_str(), doc))
            })
            .ok_or_else(|| {
                self.metadata
                    .iter()
                    .filter_map(|(_, _, f)| f.as_ref().err().cloned())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
    }

    fn doc(&self) -> Result<&Value, Finding> {
        self.chosen()
            .map(|(_, _, doc)| doc)
            .map_err(|_| Finding::skip("no protected-resource metadata to check"))
    }

    /// The metadata's `resource`: what Codex sends as the RFC 8707 `resource` parameter and the
    /// audience a token must carry for this server (notes §A9).
    pub fn resource(&self) -> Option<&str> {
        self.chosen().ok()?.2["resource"].as_str()
    }

    /// The scopes Codex will ask for on the resource's behalf, if it names any (§A8).
    pub fn scopes(&self) -> Option<Vec<String>> {
        let from_challenge = self.challenge.as_ref().ok().and_then(|c| c.scope.clone());
        from_challenge
            .map(|s| s.split_whitespace().map(String::from).collect())
            .or_else(|| {
                let doc = self.chosen().ok()?.2;
                let scopes: Vec<String> = doc["scopes_supported"]
                    .as_array()?
                    .iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect();
                (!scopes.is_empty()).then_some(scopes)
            })
    }
}

/// The checks of an MCP URL, or skips saying how to get them when none was given.
pub fn checks(observation: Option<&Observation>, expect: &Expectations) -> Vec<Check> {
    let ids = [
        "mcp.challenge",
        "mcp.metadata",
        "mcp.resource",
        "mcp.audience",
        "mcp.authorization_servers",
        "mcp.scopes",
    ];
    let Some(obs) = observation else {
        return ids
            .into_iter()
            .map(|id| {
                Check::new(
                    id,
                    AREA,
                    Err(
                        Finding::skip("no MCP server URL given, so it was not checked")
                            .with_fix("authsetup doctor --mcp-url URL"),
                    ),
                )
            })
            .collect();
    };
    let outcomes = [
        challenge_check(obs),
        metadata_check(obs, expect),
        resource_check(obs),
        audience_check(obs, expect),
        servers_check(obs, expect),
        scopes_check(obs, expect),
    ];
    ids.into_iter()
        .zip(outcomes)
        .map(|(id, outcome)| Check::new(id, AREA, outcome))
        .collect()
}

/// The document to serve, for fixes.
fn example_metadata(obs: &Observation, expect: &Expectations) -> String {
    format!(
        "{{\"resource\": \"{}\", \"authorization_servers\": [\"{}\"], \"scopes_supported\": [...]}}",
        obs.url, expect.issuer
    )
}

fn header_fix(obs: &Observation) -> String {
    format!(
        "make the MCP server answer requests without a token with 401 and WWW-Authenticate: Bearer resource_metadata=\"{}\"",
        well_known_urls(&obs.url).0
    )
}

/// §B2 item 1.
fn challenge_check(obs: &Observation) -> Outcome {
    let c = obs.challenge.as_ref().map_err(|e| {
        Finding::fail(
            format!("{} cannot be reached: {e}", obs.url),
            "start the MCP server, or pass the URL Codex uses as --mcp-url",
        )
    })?;
    match (c.status, &c.resource_metadata) {
        (401, Some(url)) => Ok(Finding::pass(format!(
            "401 without a token, pointing at {url}"
        ))),
        (401, None) => Ok(Finding::warn(
            format!(
                "401 without a token, but {}; Codex falls back to the well-known URLs",
                if c.bearer {
                    "the Bearer challenge names no resource_metadata"
                } else {
                    "with no Bearer challenge in WWW-Authenticate"
                }
            ),
            header_fix(obs),
        )),
        (400 | 405, _) => Ok(Finding::warn(
            format!(
                "a GET without a token answered {}; Codex falls back to the well-known URLs",
                c.status
            ),
            header_fix(obs),
        )),
        (200..=299, _) => Ok(Finding::fail(
            format!(
                "a GET without a token answered {}: the server does not ask for OAuth, so Codex never logs in",
                c.status
            ),
            header_fix(obs),
        )),
        (status, _) => Ok(Finding::fail(
            format!("a GET without a token answered {status}, not 401"),
            header_fix(obs),
        )),
    }
}

/// §B2 item 2.
fn metadata_check(obs: &Observation, expect: &Expectations) -> Outcome {
    match obs.chosen() {
        Ok((source, url, _)) => Ok(Finding::pass(format!(
            "protected-resource metadata {} ({url})",
            source.describe()
        ))),
        Err(why) => Ok(Finding::fail(
            format!("no protected-resource metadata: {why}"),
            format!(
                "serve {} at {}",
                example_metadata(obs, expect),
                well_known_urls(&obs.url).0
            ),
        )),
    }
}

/// §A5 step 3 and §B2 item 3: Codex aborts with "resource mismatch" unless `resource` is the
/// URL or a same-origin path prefix of it; RFC 9728 §3.3 wants it identical.
fn resource_check(obs: &Observation) -> Outcome {
    let doc = obs.doc()?;
    let url = &obs.url;
    let fix = format!("set the metadata's resource to exactly {url}");
    let Some(resource) = doc["resource"].as_str() else {
        return Ok(Finding::fail("the metadata has no resource", fix));
    };
    let mismatch = |why: &str| {
        Ok(Finding::fail(
            format!(
                "resource {resource} {why}; Codex aborts with \"Protected resource metadata resource mismatch\""
            ),
            fix.clone(),
        ))
    };
    match resource_fit(url, resource) {
        ResourceFit::Same => Ok(Finding::pass(format!("resource is {resource}"))),
        ResourceFit::PathPrefix => Ok(Finding::warn(
            format!(
                "resource {resource} is a prefix of {url}: Codex accepts it, clients that follow RFC 9728 strictly do not"
            ),
            fix.clone(),
        )),
        ResourceFit::TrailingSlash => mismatch(&format!("differs from {url} by a trailing slash")),
        ResourceFit::OtherOrigin => mismatch(&format!("is not on the origin of {url}")),
        ResourceFit::QueryOrFragment | ResourceFit::Elsewhere => {
            mismatch(&format!("is neither {url} nor a path prefix of it"))
        }
        ResourceFit::NotAUrl => mismatch("is not a URL"),
    }
}

/// Codex asks for a token for the metadata's `resource`, not for the URL it was given (notes
/// §A9), and an MCP server must refuse a token issued for another resource. So the API's
/// audience has to be that `resource` itself: with another one, Auth0 issues the API's audience
/// (or refuses, under the compatibility profile) and Okta its server's, and the server answers
/// 401 although Codex reports a successful login (newuser review 2, fidelity review B4).
fn audience_check(obs: &Observation, expect: &Expectations) -> Outcome {
    obs.doc()?;
    let Some(resource) = obs.resource() else {
        return Err(Finding::skip("the metadata has no resource"));
    };
    if !matches!(
        resource_fit(&obs.url, resource),
        ResourceFit::Same | ResourceFit::PathPrefix
    ) {
        return Err(Finding::skip(
            "Codex rejects the metadata's resource itself (see the resource check)",
        ));
    }
    let audience = expect.audience.as_str();
    if resource == audience {
        return Ok(Finding::pass(format!(
            "Codex asks for tokens for {resource}, the API's audience"
        )));
    }
    Ok(Finding::fail(
        format!(
            "Codex asks for tokens for {resource} (the metadata's resource), but the API's audience is {audience}: tokens carry {audience}, which this server must refuse"
        ),
        format!(
            "use the resource as the audience: authsetup apply --audience {resource}, then codex mcp login again (or serve resource {audience} if that is this server)"
        ),
    ))
}

/// §B2 item 4 and codex#37373: Codex asks `authorization_servers[0]` and compares issuers as
/// strings, trailing slash included.
fn servers_check(obs: &Observation, expect: &Expectations) -> Outcome {
    let doc = obs.doc()?;
    let issuer = expect.issuer.as_str();
    let fix = format!("list \"{issuer}\" first in the metadata's authorization_servers");
    let servers: Vec<&str> = doc["authorization_servers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    match servers.iter().position(|s| *s == issuer) {
        Some(0) => Ok(Finding::pass(format!("authorization server {issuer}"))),
        Some(_) => Ok(Finding::warn(
            format!(
                "{issuer} is listed, but Codex asks the first authorization server, {}",
                servers[0]
            ),
            fix,
        )),
        None if servers
            .iter()
            .any(|s| s.trim_end_matches('/') == issuer.trim_end_matches('/')) =>
        {
            Ok(Finding::warn(
                format!(
                    "authorization_servers has {} but the issuer is {issuer}; some clients compare them byte for byte",
                    servers.join(", ")
                ),
                fix,
            ))
        }
        None if servers.is_empty() => Ok(Finding::fail(
            "the metadata names no authorization_servers, so clients cannot find where to log in",
            fix,
        )),
        None => Ok(Finding::fail(
            format!(
                "authorization_servers ({}) does not name this tenant's issuer {issuer}",
                servers.join(", ")
            ),
            fix,
        )),
    }
}

/// §B2 item 5 and §A8: without scopes Codex asks for every scope the authorization server lists.
fn scopes_check(obs: &Observation, expect: &Expectations) -> Outcome {
    let doc = obs.doc()?;
    match doc["scopes_supported"].as_array().filter(|s| !s.is_empty()) {
        Some(scopes) => Ok(Finding::pass(format!(
            "scopes_supported: {}",
            scopes
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" ")
        ))),
        // Fidelity review B1: a pre-registered client gets no scope from the server's list.
        None if expect.client_id.is_some() => Ok(Finding::warn(
            "no scopes_supported: Codex sends a pre-registered client no scope at all (so no offline_access and no refresh token) unless its config lists scopes",
            "publish the API's scopes in the metadata's scopes_supported, or write them into Codex's config: authsetup codex config --write",
        )),
        None => Ok(Finding::warn(
            "no scopes_supported: Codex will ask for every scope the authorization server lists, and the consent screen shows them all",
            "publish the API's scopes in the metadata's scopes_supported",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_challenges_are_parsed() {
        let p = bearer_params(r#"Bearer resource_metadata="https://h/.well-known/oauth-protected-resource/mcp", scope="a b""#).unwrap();
        assert_eq!(
            param(&p, "resource_metadata").as_deref(),
            Some("https://h/.well-known/oauth-protected-resource/mcp")
        );
        assert_eq!(param(&p, "scope").as_deref(), Some("a b"));
        let p = bearer_params("bearer error=invalid_token, Scope=\"x\"").unwrap();
        assert_eq!(param(&p, "error").as_deref(), Some("invalid_token"));
        assert_eq!(param(&p, "scope").as_deref(), Some("x"));
        assert!(bearer_params("Basic realm=\"x\"").is_none());
        assert_eq!(bearer_params("Bearer"), Some(vec![]));
    }

    #[test]
    fn without_scopes_supported_a_pre_registered_client_is_pointed_at_its_config() {
        let obs = Observation {
            url: Url::parse("https://h/mcp").unwrap(),
            challenge: Err("not asked".into()),
            metadata: vec![(
                Source::PathWellKnown,
                "https://h/.well-known/oauth-protected-resource/mcp".into(),
                Ok(json!({"resource": "https://h/mcp"})),
            )],
        };
        let mut expect = Expectations {
            issuer: "https://h/".into(),
            metadata_urls: vec![],
            env: vec![],
            audience: "https://h/mcp".into(),
            client_id: None,
        };
        let dcr = scopes_check(&obs, &expect).unwrap();
        assert!(dcr.message.contains("every scope"), "{dcr:?}");
        expect.client_id = Some("0oa1".into());
        let pre = scopes_check(&obs, &expect).unwrap();
        assert!(pre.message.contains("no scope at all"), "{pre:?}");
        assert!(pre.fix.unwrap().contains("authsetup codex config --write"));
    }

    #[test]
    fn well_known_urls_insert_the_segment_before_the_path() {
        let (p, r) = well_known_urls(&Url::parse("https://h/mcp/?x=1").unwrap());
        assert_eq!(
            p.as_str(),
            "https://h/.well-known/oauth-protected-resource/mcp"
        );
        assert_eq!(r.as_str(), "https://h/.well-known/oauth-protected-resource");
        let (p, r) = well_known_urls(&Url::parse("https://h").unwrap());
        assert_eq!(p, r);
    }
}
