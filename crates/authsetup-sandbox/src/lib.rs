//! Emulated identity-provider tenants served over real HTTP on 127.0.0.1: an Auth0 tenant
//! ([`Sandbox`]) and an Okta org ([`OktaSandbox`]), each with its Management API, its OAuth
//! sign-in side (discovery, JWKS, `/authorize`, `/oauth/token`, DCR) and a demo MCP server. It is
//! what `authsetup sandbox`, `authsetup demo` and authsetup's tests run against, and it is meant
//! for MCP server authors' own tests too: start a tenant, point the server at its issuer and
//! JWKS, and mint tokens for the test user.
//!
//! ```
//! use authsetup_sandbox::{Sandbox, SandboxConfig};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! let tenant = Sandbox::start(SandboxConfig::default()).await?;
//! // what an MCP server under test is configured with
//! let (issuer, jwks) = (tenant.issuer(), tenant.jwks_url());
//! assert!(jwks.starts_with("http://127.0.0.1:"));
//! // a token as the tenant issues it after the test user signed in for this API
//! let token = tenant.mint_user_token("https://mcp.example.com/mcp", &["mcp:tools"]);
//! assert_eq!(token.split('.').count(), 3);
//! # let _ = issuer;
//! # Ok(())
//! # }
//! ```
//!
//! `examples/mcp_server_test.rs` shows the whole loop against the demo MCP server. Every
//! behaviour is written from recordings and specs of the real services (authsetup's
//! `fixtures/SOURCES.md`) and shares no code with authsetup's client side, so a misreading of an
//! API cannot hide in both at once. The signing key is a committed throw-away: trust these
//! issuers in tests only.
//!
//! Layout: `server` binds and runs a router; `front` is the flavour-neutral front door (request
//! log, latency, faults, rate limit); `auth0` and `okta` are the flavours, each with its own
//! state, router, `front::Dialect` and handle ([`Sandbox`], [`OktaSandbox`]) around a [`Served`];
//! `resource` is a demo MCP server protected by the tenant.

mod auth0;
mod clock;
mod faults;
mod front;
mod grants;
mod jwt;
mod log;
mod okta;
mod query;
mod ratelimit;
mod resource;
mod schema;
mod server;
#[cfg(test)]
mod tests;

use std::io;
use std::sync::Arc;
use std::time::Duration;

pub use auth0::Auth0Tenant;
pub use faults::{Fault, FaultKind};
pub use log::RecordedRequest;
pub use okta::{OktaOrg, OktaSandbox, ServiceApp};
pub use ratelimit::RateLimit;
pub use resource::ProtectedResource;

use front::{Front, lock};
use server::{Bound, Running, Shutdown};

#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// 0 picks a free port. Only 127.0.0.1 is ever bound.
    pub port: u16,
    /// Management API rate limit; None (the default) means unlimited.
    pub rate_limit: Option<RateLimit>,
    /// Added before answering every request, to make round trips visible in benchmarks.
    pub latency: Duration,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            port: 0,
            rate_limit: None,
            latency: Duration::ZERO,
        }
    }
}

/// What every flavour's handle holds: the served router, its front door and its address.
/// `Sandbox` and `OktaSandbox` dereference to it for the log, the rounds and fault injection.
pub struct Served {
    base_url: String,
    front: Arc<Front>,
    _running: Running,
}

/// How a handle starts serving: on the caller's runtime or on a thread of its own.
type Run = fn(Bound, axum::Router, Shutdown) -> io::Result<Running>;

impl Served {
    fn launch(
        config: &SandboxConfig,
        dialect: Box<dyn front::Dialect>,
        router: impl FnOnce(&str) -> axum::Router,
        run: Run,
    ) -> io::Result<Served> {
        let bound = Bound::bind(config.port)?;
        let base_url = bound.base_url();
        let shutdown = Shutdown::new();
        let front = Arc::new(Front::new(
            config.rate_limit,
            config.latency,
            shutdown.clone(),
            dialect,
        ));
        let router = router(&base_url).layer(axum::middleware::from_fn_with_state(
            front.clone(),
            front::front_door,
        ));
        let running = run(bound, router, shutdown)?;
        Ok(Served {
            base_url,
            front,
            _running: running,
        })
    }

    /// `http://127.0.0.1:PORT`, no trailing slash: the value for `AUTH0_DOMAIN` / `OKTA_DOMAIN`.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The request log in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.front.log).snapshot()
    }

    pub fn clear_log(&self) {
        lock(&self.front.log).clear();
    }

    /// Sequential round trips in the log: the longest chain of requests each starting after the
    /// previous one finished (requests that overlap count as one round).
    pub fn rounds(&self) -> usize {
        log::rounds(&self.requests())
    }

    pub fn inject(&self, fault: Fault) {
        lock(&self.front.faults).arm(fault);
    }
}

const HERE: Run = |bound, router, shutdown| bound.serve_here(router, shutdown);
const BACKGROUND: Run = |bound, router, shutdown| bound.serve_background(router, shutdown);

/// An emulated Auth0 tenant. Dropping it stops the server.
pub struct Sandbox {
    served: Served,
    auth0: Arc<auth0::Auth0>,
    resource: Arc<resource::Resource>,
}

impl std::ops::Deref for Sandbox {
    type Target = Served;

    fn deref(&self) -> &Served {
        &self.served
    }
}

impl Sandbox {
    /// Serves on the current tokio runtime.
    pub async fn start(config: SandboxConfig) -> io::Result<Sandbox> {
        Self::launch(config, HERE)
    }

    /// Serves on its own thread and runtime, for synchronous tests.
    pub fn start_background(config: SandboxConfig) -> io::Result<Sandbox> {
        Self::launch(config, BACKGROUND)
    }

    fn launch(config: SandboxConfig, run: Run) -> io::Result<Sandbox> {
        let mut apps = None;
        let served = Served::launch(
            &config,
            Box::new(auth0::Auth0Dialect),
            |base_url| {
                let app = Arc::new(auth0::Auth0::new(base_url));
                let resource = Arc::new(resource::Resource::new(
                    base_url,
                    vec![format!("{base_url}/")],
                    app.rsa.public().clone(),
                ));
                apps = Some((app.clone(), resource.clone()));
                auth0::router(app).merge(resource::router(resource))
            },
            run,
        )?;
        let (auth0, resource) = apps.expect("the router was built");
        Ok(Sandbox {
            served,
            auth0,
            resource,
        })
    }

    /// The demo MCP server's endpoint, `<base_url>/mcp`: what Codex's `url` and the API identifier
    /// would be for it.
    pub fn mcp_url(&self) -> String {
        format!("{}{}", self.base_url(), resource::PATH)
    }

    /// The tenant's issuer identifier, `<base_url>/`: the `iss` of its tokens.
    pub fn issuer(&self) -> String {
        format!("{}/", self.base_url())
    }

    /// The `sub` of the test user whom `/authorize` signs in (and who consents) at once, when
    /// they sign in with a database connection such as `Username-Password-Authentication`.
    pub fn test_user() -> String {
        format!("auth0|{}", auth0::TEST_USER_ID)
    }

    /// Reads or changes how the demo MCP server presents itself.
    pub fn with_resource<R>(&self, f: impl FnOnce(&mut ProtectedResource) -> R) -> R {
        self.resource.with(f)
    }

    /// Where the tenant publishes its signing keys (`<base_url>/.well-known/jwks.json`): what an
    /// MCP server under test fetches to verify the tokens below.
    pub fn jwks_url(&self) -> String {
        format!("{}/.well-known/jwks.json", self.base_url())
    }

    /// An access token for the test user and the API `audience`, as the tenant issues it after a
    /// sign-in: RS256 with the tenant's key, `iss` = [`issuer`](Self::issuer), `sub` =
    /// [`test_user`](Self::test_user), `scope` = `scopes`, valid for a day. For an MCP server's
    /// own tests, without driving `/authorize`.
    pub fn mint_user_token(&self, audience: &str, scopes: &[&str]) -> String {
        let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
        self.auth0.user_token(
            &auth0::UserGrant {
                sub: &Self::test_user(),
                audience,
                scopes: &scopes,
                client_id: &self.auth0.client_id,
            },
            auth0::TOKEN_LIFETIME,
        )
    }

    /// A machine-to-machine application granted every scope the emulator checks on the
    /// Management API (`<base_url>/api/v2/`).
    pub fn client_id(&self) -> String {
        self.auth0.client_id.clone()
    }

    pub fn client_secret(&self) -> String {
        self.auth0.client_secret.clone()
    }

    /// A Management API access token carrying exactly `scopes`.
    pub fn issue_token(&self, scopes: &[&str]) -> String {
        self.auth0.issue_token(&self.auth0.client_id, scopes)
    }

    /// Every scope some Management API route of the emulator checks.
    pub fn all_scopes() -> &'static [&'static str] {
        auth0::SCOPES
    }

    /// Reads or seeds the tenant's state. Do not call it from inside another `with_tenant`.
    pub fn with_tenant<R>(&self, f: impl FnOnce(&mut Auth0Tenant) -> R) -> R {
        f(&mut self.auth0.tenant())
    }
}

/// Random ids, secrets and one-time codes in the alphabet real tenants use for them.
pub(crate) fn random_string(len: usize) -> String {
    use rand::RngExt;
    rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}
