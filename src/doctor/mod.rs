//! `doctor`'s vocabulary and its provider-neutral checks. A provider checks its own tenant
//! (`Provider::diagnose`); everything a client sees from outside — the authorization server's
//! metadata, the MCP server's protected-resource metadata, the local `.env` and Codex config — is
//! checked here against the provider's [`Expectations`], so every provider gets those for free.

pub mod local;
pub mod mcp;
pub mod oauth;

use serde::Serialize;

use reqwest::Method;

use crate::error::AppError;
use crate::http::{Http, Request};
use serde_json::{Value, json};
use url::Url;

/// Where a check looks; the human report groups by it, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Credentials,
    Tenant,
    AuthorizationServer,
    McpServer,
    LocalFiles,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Credentials,
        Area::Tenant,
        Area::AuthorizationServer,
        Area::McpServer,
        Area::LocalFiles,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Area::Credentials => "Credentials",
            Area::Tenant => "Tenant",
            Area::AuthorizationServer => "Authorization server",
            Area::McpServer => "MCP server",
            Area::LocalFiles => "Local files",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    /// Not checked: it does not apply, or what it needs could not be read.
    Skip,
}

/// What a check found. Every warning and failure carries a fix: the exact command that mends it,
/// or where to change it when no command can.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub status: Status,
    pub message: String,
    pub fix: Option<String>,
}

impl Finding {
    pub fn pass(message: impl Into<String>) -> Finding {
        Finding::new(Status::Pass, message, None)
    }

    pub fn skip(message: impl Into<String>) -> Finding {
        Finding::new(Status::Skip, message, None)
    }

    pub fn warn(message: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding::new(Status::Warn, message, Some(fix.into()))
    }

    pub fn fail(message: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding::new(Status::Fail, message, Some(fix.into()))
    }

    /// A request that went wrong, told with its own hint.
    pub fn error(e: &AppError) -> Finding {
        Finding::fail(
            e.message.clone(),
            e.hint
                .clone()
                .unwrap_or_else(|| "run `authsetup doctor` again".into()),
        )
    }

    /// A skip that still says how to get the check to run.
    pub fn with_fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = Some(fix.into());
        self
    }

    fn new(status: Status, message: impl Into<String>, fix: Option<String>) -> Finding {
        Finding {
            status,
            message: message.into(),
            fix,
        }
    }
}

/// A check's result. `Err` is for what a check needs but could not get (a document that did not
/// load, a read that failed): `?` ends the check there with that finding.
pub type Outcome = Result<Finding, Finding>;

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub area: Area,
    #[serde(flatten)]
    pub finding: Finding,
}

impl Check {
    pub fn new(id: &'static str, area: Area, outcome: Outcome) -> Check {
        Check {
            id,
            area,
            finding: outcome.unwrap_or_else(|prerequisite| prerequisite),
        }
    }

    pub fn status(&self) -> Status {
        self.finding.status
    }
}

/// What the generic checks compare the live surface and the local files against; the provider
/// knows these without asking its API.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectations {
    /// The issuer string clients compare byte for byte (Auth0: `https://TENANT/`, slash included).
    pub issuer: String,
    /// Authorization-server metadata URLs in the order Codex tries them (notes/codex-mcp.md §A5).
    pub metadata_urls: Vec<Url>,
    /// What the MCP server's `.env` must hold.
    pub env: Vec<(String, String)>,
    /// The API identifier tokens are issued for.
    pub audience: String,
    /// A client the provider pre-registered for Codex, when it uses one instead of DCR.
    pub client_id: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
    pub skip: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.checks {
            *match c.status() {
                Status::Pass => &mut s.pass,
                Status::Warn => &mut s.warn,
                Status::Fail => &mut s.fail,
                Status::Skip => &mut s.skip,
            } += 1;
        }
        s
    }

    /// CLI.md: `{"checks": [{"id", "status", "message", "fix"}]}`, plus each check's area and the
    /// counts.
    pub fn to_json(&self) -> Value {
        json!({"checks": self.checks, "summary": self.summary()})
    }
}

/// A JSON object fetched without credentials, or why there is none, in words for the report.
pub type Fetched = Result<Value, String>;

/// The plain GET every client makes: no token, through the one HTTP client.
pub async fn get_json(http: &Http, url: &Url) -> Fetched {
    // Discovered URLs (a resource_metadata named by a server, an issuer's metadata) obey the
    // rule the user's own URLs do: https, or plain HTTP only on loopback.
    if !secure_or_loopback(url) {
        return Err(format!(
            "{url} is plain HTTP off loopback; authsetup fetches only https (or loopback) URLs"
        ));
    }
    let resp = http
        .send(&Request::new(Method::GET, url.clone()))
        .await
        .map_err(|e| e.message)?;
    if !resp.status.is_success() {
        return Err(format!("{url} answered {}", resp.status));
    }
    match resp.json() {
        Some(doc @ Value::Object(_)) => Ok(doc),
        _ => Err(format!(
            "{url} answered {} with a body that is not a JSON object",
            resp.status
        )),
    }
}

/// Whether a URL may be plain HTTP: only on loopback, where emulators and local servers live.
fn secure_or_loopback(url: &Url) -> bool {
    url.scheme() == "https"
        || (url.scheme() == "http"
            && crate::settings::is_loopback_host(url.host_str().unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_the_contract_fields_and_counts() {
        let report = Report {
            checks: vec![
                Check::new("a", Area::Tenant, Ok(Finding::pass("ok"))),
                Check::new(
                    "b",
                    Area::Tenant,
                    Ok(Finding::fail("broken", "authsetup dcr enable")),
                ),
                Check::new("c", Area::McpServer, Err(Finding::skip("no URL"))),
            ],
        };
        let doc = report.to_json();
        assert_eq!(doc["checks"][1]["id"], "b");
        assert_eq!(doc["checks"][1]["status"], "fail");
        assert_eq!(doc["checks"][1]["fix"], "authsetup dcr enable");
        assert_eq!(doc["checks"][1]["area"], "tenant");
        assert_eq!(doc["checks"][0]["fix"], Value::Null);
        assert_eq!(
            doc["summary"],
            json!({"pass": 1, "warn": 0, "fail": 1, "skip": 1})
        );
    }
}
