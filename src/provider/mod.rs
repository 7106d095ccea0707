//! Identity providers behind one trait. Commands talk only to `Provider`; each provider knows
//! its own API, its own plan and its own way of applying it.

pub mod auth0;
pub mod okta;

use std::fmt;

use async_trait::async_trait;

use crate::clients::McpClient;
use crate::doctor::{Check, Expectations};
use crate::error::{AppError, Result};
use crate::files::state::Record;
use crate::http::Http;
use crate::plan::{Outputs, Plan};
use crate::settings::{ProviderKind, Settings};

/// The note authsetup leaves on every object it creates that has a field for one, so that
/// `destroy` can tell its objects from same-named ones without a local record: the Auth0 client
/// it registers for Codex (`client_metadata`), the Okta app (`settings.notes.admin`), and the Okta
/// authorization server and its policy (`description`). Auth0 APIs, client grants and tenant
/// settings have no such field; what authsetup did to them is known only from the state file.
pub const MARK: &str = "managed by authsetup";

/// The setup steps, each also a subcommand. `plan`/`apply` run all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Api,
    DefaultAudience,
    Dcr,
    Policy,
    Connection,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Api,
        Step::DefaultAudience,
        Step::Dcr,
        Step::Policy,
        Step::Connection,
    ];
}

/// Receives progress while a plan is applied; the command decides how to show it.
pub trait Progress: Send + Sync {
    fn started(&self, id: usize, what: &str);
    fn finished(&self, id: usize, what: &str, ok: bool);
}

/// A login connection as the tenant lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginConnection {
    pub name: String,
    /// How users sign in through it, in the provider's words (Auth0: the strategy).
    pub kind: Option<String>,
}

impl fmt::Display for LoginConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Some(kind) => write!(f, "{} ({kind})", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// An application an MCP client registered for itself through DCR (`codex mcp login` makes one
/// at every login).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredClient {
    pub client_id: String,
    pub name: String,
    /// When it was registered, where the tenant still knows.
    pub registered_at: Option<std::time::SystemTime>,
}

#[async_trait]
pub trait Provider: Send + Sync {
    /// Human name, e.g. "Auth0".
    fn display_name(&self) -> &'static str;

    /// The tenant's login connections, for the user to choose from.
    async fn connections(&self) -> Result<Vec<LoginConnection>>;

    /// Reads what the steps touch and computes the changes. Sends no write request.
    async fn plan(&self, steps: &[Step]) -> Result<Plan>;

    /// The reverse of what `record` says authsetup did, limited to the steps: deletes what it
    /// created, puts back the values it replaced. Sends no write request; `apply` carries it out.
    async fn plan_destroy(&self, steps: &[Step], record: &Record) -> Result<Plan> {
        let _ = (steps, record);
        Err(AppError::refused(format!(
            "authsetup cannot undo its changes on {} yet",
            self.display_name()
        ))
        .with_hint("remove the authorization server, the app and its policy in the Admin Console"))
    }

    /// Carries out a plan made by `plan` or `plan_destroy`, independent writes concurrently.
    async fn apply(&self, plan: &Plan, progress: &dyn Progress) -> Result<Outputs>;

    /// Whether MCP clients log in with a client this provider registers for them (reported in
    /// `Outputs.client_id`) rather than registering themselves through DCR.
    fn registers_client(&self) -> bool {
        false
    }

    /// Bad input (exit 2) when there are no credentials at all, found without a request: doctor
    /// sends its other requests at the same time as the provider's, so it asks first.
    fn require_credentials(&self) -> Result<()>;

    /// What doctor's provider-neutral checks compare the live surface and the local files
    /// against: the issuer clients see, the metadata URLs, the `.env` values. A provider that
    /// knows them without asking its API answers at once, so the live checks start right away.
    async fn expectations(&self) -> Result<Expectations>;

    /// Doctor's checks of the credentials and the tenant. Read-only; a failed request becomes a
    /// failed check, not an error.
    async fn diagnose(&self, probe_dcr: bool) -> Vec<Check>;

    /// Checks, before `delete_client`, that `client_id` is the application `doctor --probe-dcr`
    /// just registered (a third-party "Codex" client with exactly `redirect_uri`): the id came
    /// from the registration endpoint's answer, which is not trusted to name a client to delete.
    async fn verify_probe_client(&self, client_id: &str, _redirect_uri: &str) -> Result<()> {
        Err(AppError::failed(format!(
            "authsetup cannot look up {} applications; delete {client_id} by hand if it is yours",
            self.display_name()
        )))
    }

    /// The applications DCR registered: third-party ones the registration endpoint made, never
    /// a first-party one or one an administrator created. `with_dates` also asks when.
    async fn registered_clients(&self, with_dates: bool) -> Result<Vec<RegisteredClient>> {
        let _ = with_dates;
        Err(AppError::usage(
            format!(
                "{} has no open Dynamic Client Registration, so MCP clients leave no applications to list or prune",
                self.display_name()
            ),
            "MCP clients log in with the one client authsetup registered; see `authsetup codex config`",
        ))
    }

    /// Deletes an application: the one `doctor --probe-dcr` registered. Only reached where the
    /// authorization server offers open registration; elsewhere there is nothing to delete.
    async fn delete_client(&self, client_id: &str) -> Result<()> {
        Err(AppError::failed(format!(
            "authsetup cannot delete {} applications; delete {client_id} by hand",
            self.display_name()
        )))
    }
}

pub fn connect(settings: &Settings, http: Http) -> Result<Box<dyn Provider>> {
    match settings.provider {
        ProviderKind::Auth0 => Ok(Box::new(auth0::Auth0::new(settings, http)?)),
        ProviderKind::Okta => Ok(Box::new(okta::Okta::new(settings, http)?)),
    }
}

/// The redirect URI Codex sends with a client the provider registers for it: `/callback/<id>` for
/// the MCP URL (the audience when no URL is given), after any callback URL the user's Codex
/// config already sets. Providers register exactly this URI.
pub fn codex_redirect_uri(settings: &Settings, audience: &str) -> Result<String> {
    let mcp_url = settings.mcp_url.as_deref().unwrap_or(audience);
    let callback_url = crate::codex::config::configured_callback_url(
        settings.codex_home.as_deref(),
        &settings.mcp_name,
    );
    crate::codex::Callback::pre_registered(callback_url.as_deref())
        .redirect_uri(mcp_url, settings.callback_port)
        .map_err(|e| {
            AppError::usage(
                format!("cannot compute Codex's redirect URI from {mcp_url}: {e}"),
                "pass --mcp-url with the MCP server's full URL",
            )
        })
}

/// `have`, then the items of `wanted` it lacks, in their order: how a list on the tenant (an
/// API's or grant's scopes, a client's callbacks) gains what authsetup needs and keeps the rest.
pub fn with_missing(have: &[String], wanted: &[String]) -> Vec<String> {
    let mut all = have.to_vec();
    for w in wanted {
        if !all.contains(w) {
            all.push(w.clone());
        }
    }
    all
}

/// The redirect URIs the pre-registered client must also allow for the other MCP clients the
/// settings name (`clients`): their configs get the same client id, and each client sends its
/// own redirect URI (`McpClient::redirect_uris`). Codex's own comes from `codex_redirect_uri`.
pub fn other_clients_redirect_uris(settings: &Settings, audience: &str) -> Result<Vec<String>> {
    let url = settings.mcp_url.as_deref().unwrap_or(audience);
    let mut uris: Vec<String> = Vec::new();
    for client in settings.clients.iter().flatten() {
        if *client == McpClient::Codex {
            continue;
        }
        let own = client
            .redirect_uris(url, settings.callback_port)
            .map_err(|e| {
                AppError::usage(
                    format!(
                        "cannot compute {}'s redirect URI from {url}: {e}",
                        client.display_name()
                    ),
                    "pass --mcp-url with the MCP server's full URL",
                )
            })?;
        uris = with_missing(&uris, &own);
    }
    Ok(uris)
}

/// The scopes an MCP client with a pre-registered client id must ask for by itself: the MCP
/// server's scopes (configured, else the provider's default) and `offline_access`, without which
/// no refresh token comes back.
pub fn preregistered_client_scopes(settings: &Settings) -> Vec<String> {
    let mut scopes = settings.mcp_scopes();
    scopes.push("offline_access".to_string());
    scopes
}

/// One round of an apply: every write at once, each reported to `progress`. A write that succeeds
/// joins `done`; when any fails, the first failure is returned saying what was already done,
/// because running the command again continues from there. Checks for Ctrl-C before sending.
async fn write_round<'a, O, T, Fut>(
    round: &[(usize, &'a O)],
    done: &mut Vec<String>,
    progress: &dyn Progress,
    label: impl Fn(&O) -> String,
    write: impl Fn(&'a O) -> Fut,
) -> Result<Vec<T>>
where
    Fut: std::future::Future<Output = Result<T>>,
{
    if crate::interrupt::requested() {
        return Err(AppError::interrupted(format!(
            "interrupted before the remaining writes ({}); run the command again to finish",
            so_far(done)
        )));
    }
    let results = futures::future::join_all(round.iter().map(|(i, op)| {
        let label = label(op);
        let sent = write(*op);
        async move {
            progress.started(*i, &label);
            let result = sent.await;
            progress.finished(*i, &label, result.is_ok());
            (label, result)
        }
    }))
    .await;
    let mut made = Vec::new();
    let mut failure = None;
    for (label, result) in results {
        match result {
            Ok(value) => {
                done.push(label);
                made.push(value);
            }
            Err(e) => failure = failure.or(Some(e.context(format!("cannot {label}")))),
        }
    }
    match failure {
        None => Ok(made),
        Some(mut e) => {
            e.message = format!(
                "{} ({}; running the command again continues from here)",
                e.message,
                so_far(done)
            );
            Err(e)
        }
    }
}

fn so_far(done: &[String]) -> String {
    if done.is_empty() {
        "nothing was changed".to_string()
    } else {
        format!("already done: {}", done.join("; "))
    }
}
