//! The authorization server as an MCP client meets it: its metadata (RFC 8414 / OIDC discovery),
//! judged by what codex-cli 0.171 and the MCP spec need (notes/codex-mcp.md §A5–A7, §B2 items
//! 7–16), and on request a registration made the way Codex makes it.

use futures::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};
use url::Url;

use super::{Area, Check, Expectations, Fetched, Finding, Outcome, get_json, secure_or_loopback};
use crate::http::{Http, Request, printable};
use crate::provider::Provider;

const AREA: Area = Area::AuthorizationServer;

/// One metadata URL and what it answered.
#[derive(Debug, Clone)]
pub struct Metadata {
    pub url: Url,
    pub document: Fetched,
}

/// Every metadata URL at once: they are independent GETs.
pub async fn fetch(http: &Http, urls: &[Url]) -> Vec<Metadata> {
    join_all(urls.iter().map(|url| async move {
        Metadata {
            url: url.clone(),
            document: get_json(http, url).await,
        }
    }))
    .await
}

/// What the checks look at.
struct Seen<'a> {
    expect: &'a Expectations,
    fetched: &'a [Metadata],
    /// A pre-registered client in Codex's config, which makes registration unnecessary.
    client_id: Option<&'a str>,
}

impl Seen<'_> {
    /// The document Codex uses: the first that loaded, in the order Codex tries them.
    fn doc(&self) -> Result<&Value, Finding> {
        document(self.fetched)
            .ok_or_else(|| Finding::skip("no authorization-server metadata could be read"))
    }
}

pub fn document(fetched: &[Metadata]) -> Option<&Value> {
    fetched.iter().find_map(|m| m.document.as_ref().ok())
}

/// Whether the server binds its answers to its issuer (RFC 9207); Codex then changes its
/// redirect URI (notes/codex-mcp.md §F).
pub fn issuer_bound(doc: &Value) -> bool {
    doc["authorization_response_iss_parameter_supported"] == true
}

pub fn checks(expect: &Expectations, fetched: &[Metadata], client_id: Option<&str>) -> Vec<Check> {
    let seen = Seen {
        expect,
        fetched,
        client_id,
    };
    vec![
        Check::new("oauth.discovery", AREA, discovery(&seen)),
        Check::new("oauth.issuer", AREA, issuer(&seen)),
        Check::new("oauth.endpoints", AREA, endpoints(&seen)),
        Check::new("oauth.registration", AREA, registration(&seen)),
        Check::new("oauth.pkce", AREA, pkce(&seen)),
        Check::new("oauth.response_type", AREA, response_type(&seen)),
        Check::new("oauth.public_clients", AREA, public_clients(&seen)),
        Check::new("oauth.jwks_uri", AREA, jwks_uri(&seen)),
        Check::new("oauth.cimd", AREA, cimd(&seen)),
        Check::new("oauth.iss_parameter", AREA, iss_parameter(&seen)),
    ]
}

fn listed(doc: &Value, key: &str, value: &str) -> bool {
    doc[key]
        .as_array()
        .is_some_and(|items| items.iter().any(|v| v == value))
}

fn discovery(seen: &Seen) -> Outcome {
    let failed: Vec<&str> = seen
        .fetched
        .iter()
        .filter_map(|m| m.document.as_ref().err().map(String::as_str))
        .collect();
    let fix = format!(
        "check --domain: clients read {}",
        seen.expect
            .metadata_urls
            .first()
            .map_or(String::new(), Url::to_string)
    );
    if failed.len() == seen.fetched.len() {
        return Ok(Finding::fail(
            format!("no metadata document loads: {}", failed.join("; ")),
            fix,
        ));
    }
    if !failed.is_empty() {
        return Ok(Finding::warn(
            format!("{}; some MCP clients read only that one", failed.join("; ")),
            fix,
        ));
    }
    Ok(Finding::pass(format!(
        "metadata loads from {}",
        seen.fetched
            .iter()
            .map(|m| m.url.path())
            .collect::<Vec<_>>()
            .join(" and ")
    )))
}

/// RFC 8414 §3.3 and Codex ≥0.150: the issuer must be the one the client expects, byte for byte.
fn issuer(seen: &Seen) -> Outcome {
    seen.doc()?;
    let want = &seen.expect.issuer;
    let wrong: Vec<String> = seen
        .fetched
        .iter()
        .filter_map(|m| {
            let doc = m.document.as_ref().ok()?;
            (doc["issuer"] != want.as_str()).then(|| format!("{} says {}", m.url, doc["issuer"]))
        })
        .collect();
    if wrong.is_empty() {
        return Ok(Finding::pass(format!("issuer is {want}")));
    }
    Ok(Finding::fail(
        format!(
            "issuer differs from the expected {want} (clients compare it byte for byte): {}",
            wrong.join("; ")
        ),
        "use the issuer's host as --domain, then `authsetup env write` so the MCP server and its metadata name the same issuer",
    ))
}

/// §B2 item 9: both endpoints present and secure; Codex ≥0.150 refuses an authorization
/// endpoint on another origin unless answers are bound to the issuer.
fn endpoints(seen: &Seen) -> Outcome {
    let doc = seen.doc()?;
    let fix = "the authorization server's own metadata is wrong; no authsetup command changes it: check --domain, or ask its operator";
    let mut problems = Vec::new();
    let mut urls = Vec::new();
    for key in ["authorization_endpoint", "token_endpoint"] {
        match doc[key].as_str().map(Url::parse) {
            Some(Ok(url)) if secure_or_loopback(&url) => urls.push(url),
            Some(Ok(url)) => problems.push(format!("{key} {url} is not https")),
            _ => problems.push(format!("{key} is missing")),
        }
    }
    if let (Some(authorize), Ok(issuer)) = (urls.first(), Url::parse(&seen.expect.issuer))
        && authorize.origin() != issuer.origin()
        && !issuer_bound(doc)
    {
        problems.push(format!(
            "authorization_endpoint {authorize} is on another origin than the issuer, which Codex refuses unless authorization_response_iss_parameter_supported is true"
        ));
    }
    if problems.is_empty() {
        Ok(Finding::pass(
            "authorization and token endpoints are in place",
        ))
    } else {
        Ok(Finding::fail(problems.join("; "), fix))
    }
}

fn registration(seen: &Seen) -> Outcome {
    let doc = seen.doc()?;
    let endpoint = doc["registration_endpoint"].as_str();
    // A configured client id comes first for Codex (notes/codex-mcp.md §A7), so a listed
    // endpoint is never asked; Okta's needs an API token anyway (notes/okta.md).
    if let Some(id) = seen.client_id {
        return Ok(Finding::pass(match endpoint {
            Some(_) => {
                format!("Codex uses the pre-registered client {id} and does not register itself")
            }
            None => format!(
                "no registration_endpoint, and none needed: Codex uses the pre-registered client {id}"
            ),
        }));
    }
    if let Some(endpoint) = endpoint {
        return Ok(Finding::pass(format!(
            "registration_endpoint {endpoint} (Codex registers itself there)"
        )));
    }
    Ok(Finding::fail(
        "no registration_endpoint: Codex stops with \"Dynamic client registration not supported\"",
        "authsetup dcr enable",
    ))
}

/// §B2 items 10 and 11 (Codex 0.171 tolerates a missing S256, but the MCP spec tells clients to
/// refuse).
fn pkce(seen: &Seen) -> Outcome {
    must_list(
        seen,
        "code_challenge_methods_supported",
        "S256",
        "PKCE with S256",
    )
}

fn response_type(seen: &Seen) -> Outcome {
    must_list(
        seen,
        "response_types_supported",
        "code",
        "authorization code flow (response type code)",
    )
}

/// What no client of an MCP server can do without; only the server's operator can change it.
fn must_list(seen: &Seen, key: &str, value: &str, pass: &str) -> Outcome {
    let doc = seen.doc()?;
    if listed(doc, key, value) {
        return Ok(Finding::pass(pass));
    }
    Ok(Finding::fail(
        format!("{key} lacks {value}: MCP clients that follow the spec refuse to log in"),
        format!(
            "the authorization server must list {value} in {key}; no authsetup command changes that"
        ),
    ))
}

/// Codex registers a public client (`none`) through DCR whatever the metadata lists; the list only
/// decides whether it may use CIMD (§A6). So a missing `none` is no fault of a DCR setup.
fn public_clients(seen: &Seen) -> Outcome {
    let doc = seen.doc()?;
    if listed(doc, "token_endpoint_auth_methods_supported", "none") {
        return Ok(Finding::pass(
            "public clients (token_endpoint_auth_methods_supported has none)",
        ));
    }
    Ok(Finding::skip(
        "token_endpoint_auth_methods_supported does not list none; only CIMD needs it (--probe-dcr tries a public registration)",
    ))
}

fn jwks_uri(seen: &Seen) -> Outcome {
    let doc = seen.doc()?;
    match doc["jwks_uri"].as_str() {
        Some(uri) => Ok(Finding::pass(format!("signing keys at {uri}"))),
        None => Ok(Finding::fail(
            "no jwks_uri: the MCP server has no keys to verify access tokens with",
            "the authorization server must publish jwks_uri; no authsetup command changes that",
        )),
    }
}

/// §B2 item 13: with CIMD on offer Codex picks it before DCR.
fn cimd(seen: &Seen) -> Outcome {
    let doc = seen.doc()?;
    if let Some(id) = seen.client_id {
        return Ok(Finding::pass(format!(
            "Codex uses the pre-registered client {id}, neither CIMD nor DCR"
        )));
    }
    let offered = doc["client_id_metadata_document_supported"] == true;
    if offered && listed(doc, "token_endpoint_auth_methods_supported", "none") {
        return Ok(Finding::warn(
            "client ID metadata documents (CIMD) are offered, so Codex will use CIMD instead of the DCR set up here",
            "codex mcp login NAME --oauth-client-registration dcr",
        ));
    }
    Ok(Finding::pass(if offered {
        "CIMD is advertised but without public clients, so Codex uses DCR"
    } else {
        "no CIMD on offer: Codex uses DCR"
    }))
}

/// §B2 item 14 and §F: issuer-bound answers break Codex 0.142–0.144 and change the redirect URI.
fn iss_parameter(seen: &Seen) -> Outcome {
    let doc = seen.doc()?;
    // RFC 9207 and Auth0's MCP quickstart (the resource mode) turn it on, so it is no problem
    // in itself; only Codex 0.142 to 0.144 fail such logins (notes/codex-mcp.md §F).
    if issuer_bound(doc) {
        return Ok(Finding::pass(
            "authorization responses carry iss (RFC 9207), which needs Codex 0.147 or later",
        ));
    }
    Ok(Finding::pass(
        "authorization responses carry no iss (any Codex version works)",
    ))
}

/// What Codex asks for (§A8): the challenge's or the resource's scopes, else the server's own
/// list, plus `offline_access` when the server offers refresh tokens.
pub fn codex_scope(resource_scopes: Option<Vec<String>>, doc: &Value) -> Option<String> {
    let mut scopes = resource_scopes.unwrap_or_else(|| {
        doc["scopes_supported"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(String::from))
            .collect()
    });
    if listed(doc, "scopes_supported", "offline_access")
        && !scopes.iter().any(|s| s == "offline_access")
    {
        scopes.push("offline_access".into());
    }
    (!scopes.is_empty()).then(|| scopes.join(" "))
}

/// The probe creates an application, so it runs only when asked for, and means nothing when
/// Codex logs in with a pre-registered client.
pub fn probe_not_run(client_id: Option<&str>) -> Check {
    let skipped = match client_id {
        Some(id) => Finding::skip(format!(
            "not needed: Codex uses the pre-registered client {id}"
        )),
        None => Finding::skip("not run: it registers a test application (and deletes it)")
            .with_fix("authsetup doctor --probe-dcr"),
    };
    Check::new("oauth.dcr_probe", AREA, Err(skipped))
}

/// Registers a client exactly as codex-cli 0.171 does (§A6), checks the answer, and has the
/// provider delete it again.
pub async fn probe_dcr(
    http: &Http,
    provider: &dyn Provider,
    doc: Option<&Value>,
    redirect_uri: &str,
    scope: Option<String>,
) -> Check {
    Check::new(
        "oauth.dcr_probe",
        AREA,
        probe(http, provider, doc, redirect_uri, scope).await,
    )
}

async fn probe(
    http: &Http,
    provider: &dyn Provider,
    doc: Option<&Value>,
    redirect_uri: &str,
    scope: Option<String>,
) -> Outcome {
    let doc =
        doc.ok_or_else(|| Finding::skip("no authorization-server metadata to register with"))?;
    let endpoint = doc["registration_endpoint"]
        .as_str()
        .and_then(|e| Url::parse(e).ok())
        .ok_or_else(|| Finding::skip("no registration_endpoint to register with"))?;
    // Only the authorization server itself is asked to register a client: a metadata document
    // naming another host, or plain HTTP off loopback, is not followed.
    let issuer_origin = doc["issuer"]
        .as_str()
        .and_then(|i| Url::parse(i).ok())
        .map(|i| i.origin());
    if !secure_or_loopback(&endpoint) || issuer_origin != Some(endpoint.origin()) {
        return Ok(Finding::fail(
            format!(
                "registration_endpoint {endpoint} is not on the issuer's own https (or loopback) origin; the probe does not register there"
            ),
            "check the authorization-server metadata: its registration_endpoint must be on the issuer's host",
        ));
    }
    let mut body = json!({
        "client_name": "Codex",
        "redirect_uris": [redirect_uri],
        "grant_types": ["authorization_code", "refresh_token"],
        "token_endpoint_auth_method": "none",
        "response_types": ["code"],
    });
    if let Some(scope) = scope {
        body["scope"] = json!(scope);
    }
    body["application_type"] = json!("native");
    let resp = http
        .send(&Request::new(Method::POST, endpoint.clone()).json(body))
        .await
        .map_err(|e| Finding::error(&e))?;
    let answer = resp.json().unwrap_or(Value::Null);
    // RFC 7591 says 201, Auth0's OAS 200 (notes/auth0.md §D2).
    if !resp.status.is_success() {
        let reason = answer["error_description"]
            .as_str()
            .or(answer["error"].as_str())
            .map_or_else(|| printable(&resp.text()), printable);
        return Ok(Finding::fail(
            format!(
                "{endpoint} refused the registration ({}): {reason}",
                resp.status
            ),
            "authsetup dcr enable",
        ));
    }
    let Some(client_id) = answer["client_id"].as_str() else {
        return Ok(Finding::fail(
            format!("{endpoint} answered {} without a client_id", resp.status),
            "the registration endpoint does not follow RFC 7591; no authsetup command changes that",
        ));
    };
    let mut defects = Vec::new();
    if answer["token_endpoint_auth_method"]
        .as_str()
        .is_some_and(|m| m != "none")
    {
        defects.push(format!(
            "it made a {} client instead of a public one",
            answer["token_endpoint_auth_method"]
        ));
    }
    if answer["redirect_uris"]
        .as_array()
        .is_some_and(|uris| !uris.iter().any(|u| u == redirect_uri))
    {
        defects.push(format!("it dropped the redirect URI {redirect_uri}"));
    }
    let deleted = match provider.verify_probe_client(client_id, redirect_uri).await {
        Ok(()) => provider.delete_client(client_id).await,
        Err(e) => Err(e),
    };
    if let Err(e) = deleted {
        return Ok(Finding::fail(
            format!(
                "registered {client_id} but could not delete it: {}",
                e.message
            ),
            e.hint.unwrap_or_else(|| {
                format!(
                    "delete the application {client_id} in the {} dashboard",
                    provider.display_name()
                )
            }),
        ));
    }
    if defects.is_empty() {
        Ok(Finding::pass(format!(
            "registered a public client as Codex does and deleted it again ({client_id})"
        )))
    } else {
        Ok(Finding::fail(
            format!(
                "registered and deleted {client_id}, but {}",
                defects.join(" and ")
            ),
            "the registration endpoint must accept public clients (token_endpoint_auth_method none); no authsetup command changes that",
        ))
    }
}
