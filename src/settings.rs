//! Settings resolved once, before any request: flag > environment > authsetup.toml > default.
//! Every value is validated here so that bad input fails with exit 2 and nothing is sent.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use url::Url;

use clap::ValueEnum;

pub use crate::cli::{AudienceMode, ClientMode};
use crate::cli::{ColorArg, GlobalArgs, OutputArg, ProviderArg};
use crate::clients::McpClient;
use crate::error::{AppError, Result};

pub const DEFAULT_CONNECTION: &str = "Username-Password-Authentication";
pub const DEFAULT_MCP_NAME: &str = "mcp";
pub const DEFAULT_CALLBACK_PORT: u16 = 1455;
const DEFAULT_CONFIG_FILE: &str = "authsetup.toml";
const STATE_FILE: &str = ".authsetup-state.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderKind {
    Auth0,
    Okta,
}

impl ProviderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Auth0 => "auth0",
            ProviderKind::Okta => "okta",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auth0" => Some(ProviderKind::Auth0),
            "okta" => Some(ProviderKind::Okta),
            _ => None,
        }
    }

    /// Okta's own hostnames; anything else (custom domains included) is taken as Auth0.
    fn infer(host: &str) -> Self {
        const OKTA: [&str; 4] = [
            ".okta.com",
            ".oktapreview.com",
            ".okta-emea.com",
            ".okta-gov.com",
        ];
        if OKTA.iter().any(|suffix| host.ends_with(suffix)) {
            ProviderKind::Okta
        } else {
            ProviderKind::Auth0
        }
    }

    fn domain_var(self) -> &'static str {
        match self {
            ProviderKind::Auth0 => "AUTH0_DOMAIN",
            ProviderKind::Okta => "OKTA_DOMAIN",
        }
    }

    fn audience_var(self) -> &'static str {
        match self {
            ProviderKind::Auth0 => "AUTH0_AUDIENCE",
            ProviderKind::Okta => "OKTA_AUDIENCE",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
}

/// A tenant's address. `base` has no path; `display` is what users and the .env see: the bare
/// host for HTTPS, the full URL for a loopback emulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    pub base: Url,
    pub display: String,
}

impl Domain {
    /// `https://host[:port]` or, for loopback only, `http://host:port`; never a trailing slash.
    pub fn origin(&self) -> String {
        self.base.as_str().trim_end_matches('/').to_string()
    }
}

#[derive(Clone)]
pub enum Credentials {
    Auth0Token(SecretString),
    Auth0ClientCredentials {
        client_id: String,
        client_secret: SecretString,
    },
    OktaToken(SecretString),
    /// An Okta OAuth service app: its client id and the private key it signs assertions with
    /// (PEM or JWK text; parsed by the provider), and where that key came from, to name it.
    OktaServiceApp {
        client_id: String,
        private_key: SecretString,
        key_source: String,
    },
    None,
}

impl Credentials {
    /// An API token typed or piped in, as the provider takes it.
    pub fn token(provider: ProviderKind, secret: SecretString) -> Credentials {
        match provider {
            ProviderKind::Auth0 => Credentials::Auth0Token(secret),
            ProviderKind::Okta => Credentials::OktaToken(secret),
        }
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credentials::Auth0Token(_) => "Auth0Token(<redacted>)",
            Credentials::Auth0ClientCredentials { .. } => "Auth0ClientCredentials(<redacted>)",
            Credentials::OktaToken(_) => "OktaToken(<redacted>)",
            Credentials::OktaServiceApp { .. } => "OktaServiceApp(<redacted>)",
            Credentials::None => "None",
        })
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// The environment (`[env.NAME]`) these settings are for, when one was selected.
    pub environment: Option<String>,
    /// The environments the settings file declares, to name them in hints.
    pub environments: Vec<String>,
    /// The MCP servers of `[[servers]]`; empty means the one server of the top-level keys.
    pub servers: Vec<Server>,
    pub provider: ProviderKind,
    pub domain: Option<Domain>,
    pub audience: Option<String>,
    pub api_name: Option<String>,
    pub connection: String,
    /// Okta: the group the Codex client is assigned to (default Everyone).
    pub group: Option<String>,
    pub create_connection: bool,
    pub replace_default_audience: bool,
    /// Auth0 only: how tokens get the API's audience; `None` lets the tenant decide (resource,
    /// unless it already has a default audience).
    pub audience_mode: Option<AudienceMode>,
    /// Auth0: DCR or a client authsetup registers; Okta always registers one.
    pub client_mode: ClientMode,
    /// Auth0: the canonical domain the Management API answers on when `domain` is a custom
    /// domain, which issues user tokens but refuses Management API tokens.
    pub management_domain: Option<Domain>,
    pub mcp_name: String,
    pub mcp_url: Option<String>,
    /// The MCP server's OAuth scopes, validated; `None` keeps the provider's own (see
    /// [`Settings::mcp_scopes`]).
    pub scopes: Option<Vec<String>>,
    pub env_file: PathBuf,
    /// What apply created and the values it replaced, for `destroy`: beside the settings file.
    pub state_file: PathBuf,
    /// Codex's folder: --codex-home, CODEX_HOME, the settings file, else `$HOME/.codex`; `None`
    /// when none of them is set (see [`Settings::codex_home`]).
    pub codex_home: Option<PathBuf>,
    pub callback_port: u16,
    /// The MCP clients `init` configures, from AUTHSETUP_CLIENTS or the file (`init --clients`
    /// comes first); `None` when neither names any.
    pub clients: Option<Vec<McpClient>>,
    pub yes: bool,
    pub output: OutputFormat,
    pub color: bool,
    pub verbose: bool,
    pub credentials: Credentials,
    /// Which variable or source the credentials came from, for messages (never the value).
    pub credentials_source: Option<&'static str>,
    /// What the user should know about where the values came from, one line each.
    pub notes: Vec<String>,
}

/// One MCP server of `[[servers]]`, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub name: String,
    pub url: String,
    pub audience: String,
    pub api_name: Option<String>,
    /// Its own scopes; `None` takes the top-level ones.
    pub scopes: Option<Vec<String>>,
    /// Its own `.env`; a server without one gets none (two servers cannot share a file: the
    /// variable names are the same).
    pub env_file: Option<PathBuf>,
}

/// What one server's run works with: the settings with that server's values in the top-level
/// fields, whether it has a `.env` to write, and its name when the run has several.
#[derive(Debug, Clone)]
pub struct Target {
    pub settings: Settings,
    pub with_env: bool,
    pub label: Option<String>,
}

/// `[[servers]]` in the settings file.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileServer {
    pub name: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env_file: Option<PathBuf>,
}

/// The optional settings file. Unknown keys are an error so a typo does not silently fall back
/// to a default. `init --write-config` writes the same shape, leaving out what it does not know.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcp_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcp_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codex_home: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_port: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", alias = "client")]
    pub registration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management_domain: Option<String>,
    /// The MCP clients `init` writes a config for (`codex`, `claude`, `gemini`, `vscode`, `cursor`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clients: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<FileServer>,
    /// `[env.NAME]`: each environment's own keys, over the top-level ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, FileSettings>,
}

/// MCP client names, as `init --clients` takes them; an unknown one is bad input naming `origin`.
pub fn parse_clients<'a>(
    names: impl Iterator<Item = &'a str>,
    origin: &str,
) -> Result<Vec<McpClient>> {
    let mut clients = Vec::new();
    for name in names.map(str::trim).filter(|n| !n.is_empty()) {
        let client = McpClient::from_id(name).ok_or_else(|| {
            AppError::usage(
                format!("{origin}: {name:?} is not an MCP client authsetup configures"),
                format!(
                    "use a comma-separated list of {}",
                    McpClient::ALL.map(McpClient::id).join(", ")
                ),
            )
        })?;
        if !clients.contains(&client) {
            clients.push(client);
        }
    }
    Ok(clients)
}

impl FileSettings {
    /// The file as environment `name` sees it: its table's keys over the top-level ones, its
    /// `[[servers]]` instead of the top-level ones when it has any.
    fn select(mut self, name: &str) -> Result<FileSettings> {
        let names = self.env.keys().cloned().collect::<Vec<_>>();
        let Some(env) = self.env.remove(name) else {
            return Err(AppError::usage(
                format!("the environment {name:?} is not in the settings file"),
                if names.is_empty() {
                    "declare it as [env.NAME] in authsetup.toml, or leave out --env and AUTHSETUP_ENV".to_string()
                } else {
                    format!("the file declares {}", names.join(", "))
                },
            ));
        };
        if !env.env.is_empty() {
            return Err(AppError::usage(
                format!("[env.{name}] declares environments of its own"),
                "environments do not nest: declare each as [env.NAME] at the top of the file",
            ));
        }
        Ok(FileSettings {
            provider: env.provider.or(self.provider),
            domain: env.domain.or(self.domain),
            audience: env.audience.or(self.audience),
            api_name: env.api_name.or(self.api_name),
            connection: env.connection.or(self.connection),
            mcp_name: env.mcp_name.or(self.mcp_name),
            mcp_url: env.mcp_url.or(self.mcp_url),
            scopes: env.scopes.or(self.scopes),
            env_file: env.env_file.or(self.env_file),
            codex_home: env.codex_home.or(self.codex_home),
            callback_port: env.callback_port.or(self.callback_port),
            audience_mode: env.audience_mode.or(self.audience_mode),
            registration: env.registration.or(self.registration),
            management_domain: env.management_domain.or(self.management_domain),
            clients: env.clients.or(self.clients),
            servers: if env.servers.is_empty() {
                self.servers
            } else {
                env.servers
            },
            env: BTreeMap::new(),
        })
    }
}

/// Variables that aim a run at a tenant. With an environment selected they are read with its
/// name as a suffix (`AUTH0_DOMAIN_PROD`), so one shell can hold every environment's values and a
/// leftover `export AUTH0_DOMAIN=…` cannot aim `--env prod` at another tenant.
const TENANT_VARS: [&str; 10] = [
    "AUTHSETUP_PROVIDER",
    "AUTHSETUP_AUDIENCE_MODE",
    "AUTHSETUP_REGISTRATION",
    "AUTH0_MANAGEMENT_DOMAIN",
    "AUTH0_DOMAIN",
    "OKTA_DOMAIN",
    "AUTH0_AUDIENCE",
    "OKTA_AUDIENCE",
    "MCP_URL",
    "CONNECTION_NAME",
];

/// The credentials' variables: suffixed like [`TENANT_VARS`]; the plain names still count when
/// one environment is selected and none of its suffixed ones is set.
const CREDENTIAL_VARS: [&str; 7] = [
    "AUTH0_MGMT_TOKEN",
    "MGMT_TOKEN",
    "AUTH0_CLIENT_ID",
    "AUTH0_CLIENT_SECRET",
    "OKTA_API_TOKEN",
    "OKTA_CLIENT_ID",
    "OKTA_PRIVATE_KEY",
];

/// The process environment as one environment of the settings file sees it.
struct Scoped<'a> {
    inner: &'a dyn Environment,
    suffix: String,
    plain_credentials: bool,
}

impl<'a> Scoped<'a> {
    fn new(inner: &'a dyn Environment, name: &str, only_one: bool) -> Self {
        let suffix = env_suffix(name);
        let plain_credentials = only_one
            && !CREDENTIAL_VARS
                .iter()
                .any(|v| inner.var(&format!("{v}_{suffix}")).is_some());
        Self {
            inner,
            suffix,
            plain_credentials,
        }
    }
}

impl Environment for Scoped<'_> {
    fn var(&self, name: &str) -> Option<String> {
        let scoped = TENANT_VARS.contains(&name) || CREDENTIAL_VARS.contains(&name);
        if !scoped {
            return self.inner.var(name);
        }
        self.inner
            .var(&format!("{name}_{}", self.suffix))
            .or_else(|| {
                (self.plain_credentials && CREDENTIAL_VARS.contains(&name))
                    .then(|| self.inner.var(name))
                    .flatten()
            })
    }
}

/// `staging-eu` → `STAGING_EU`, the suffix of that environment's variables.
fn env_suffix(name: &str) -> String {
    name.to_ascii_uppercase().replace('-', "_")
}

fn validate_env_name(raw: &str, origin: &str) -> Result<String> {
    if is_simple_name(raw) {
        Ok(raw.to_string())
    } else {
        Err(AppError::usage(
            format!("{origin} {raw:?} is not an environment name"),
            "use letters, digits, - and _ (at most 64), e.g. --env prod",
        ))
    }
}

/// Where environment variables come from; tests pass a map instead of the process environment.
pub trait Environment {
    fn var(&self, name: &str) -> Option<String>;

    /// The name of a variable authsetup reads whose value is not UTF-8, if any: such a value
    /// would otherwise look unset, and the run would fall back to another source silently.
    fn non_unicode(&self) -> Option<String> {
        None
    }
}

pub struct ProcessEnv;

impl Environment for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }

    fn non_unicode(&self) -> Option<String> {
        const PREFIXES: [&str; 3] = ["AUTH0_", "OKTA_", "AUTHSETUP_"];
        const NAMES: [&str; 5] = [
            "MCP_URL",
            "CODEX_HOME",
            "CONNECTION_NAME",
            "MGMT_TOKEN",
            "HOME",
        ];
        std::env::vars_os().find_map(|(name, value)| {
            let name = name.into_string().ok()?;
            let ours =
                PREFIXES.iter().any(|p| name.starts_with(p)) || NAMES.contains(&name.as_str());
            (ours && value.into_string().is_err()).then_some(name)
        })
    }
}

impl Environment for HashMap<String, String> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).cloned().filter(|v| !v.is_empty())
    }
}

/// What the terminal looks like; decided by the caller so resolution stays testable.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    pub stderr_is_tty: bool,
}

impl Settings {
    /// The settings of the environment `--env` or `AUTHSETUP_ENV` selects, else of the file's
    /// top level.
    pub fn resolve(args: &GlobalArgs, env: &dyn Environment, term: Terminal) -> Result<Settings> {
        if let Some(name) = env.non_unicode() {
            return Err(AppError::usage(
                format!("{name} is not valid UTF-8"),
                format!("set {name} to a UTF-8 value, or unset it"),
            ));
        }
        let file = load_file(args.config.as_deref())?;
        let selected = match (&args.env, env.var("AUTHSETUP_ENV")) {
            (Some(name), _) => Some(validate_env_name(name, "--env")?),
            (None, Some(name)) => Some(validate_env_name(&name, "AUTHSETUP_ENV")?),
            (None, None) => None,
        };
        let environments = file.env.keys().cloned().collect::<Vec<_>>();
        let mut settings = match &selected {
            Some(name) => Self::resolve_file(
                args,
                &Scoped::new(env, name, true),
                term,
                file.select(name)?,
            )?,
            None => Self::resolve_file(args, env, term, file)?,
        };
        settings.environment = selected;
        settings.environments = environments;
        Ok(settings)
    }

    /// Every environment of the settings file, for `--all-envs`. Each reads only its own
    /// suffixed variables, and the flags that would aim all of them at one tenant are refused.
    pub fn resolve_all(
        args: &GlobalArgs,
        env: &dyn Environment,
        term: Terminal,
    ) -> Result<Vec<Settings>> {
        let aiming = [
            (args.env.is_some(), "--env"),
            (env.var("AUTHSETUP_ENV").is_some(), "AUTHSETUP_ENV"),
            (args.domain.is_some(), "--domain"),
            (args.provider.is_some(), "--provider"),
            (args.audience.is_some(), "--audience"),
            (args.mcp_url.is_some(), "--mcp-url"),
            (args.token_stdin, "--token-stdin"),
        ];
        if let Some((_, what)) = aiming.iter().find(|(given, _)| *given) {
            return Err(AppError::usage(
                format!("{what} cannot be combined with --all-envs"),
                "each environment takes its values from its [env.NAME] table and its own variables (e.g. AUTH0_DOMAIN_PROD); drop --all-envs to run one environment",
            ));
        }
        let file = load_file(args.config.as_deref())?;
        let names = file.env.keys().cloned().collect::<Vec<_>>();
        if names.is_empty() {
            return Err(AppError::usage(
                "--all-envs needs environments, and the settings file declares none",
                "declare them as [env.dev], [env.prod]… in authsetup.toml (or the file given with --config)",
            ));
        }
        names
            .iter()
            .map(|name| {
                let name = validate_env_name(name, "the environment")?;
                let file = load_file(args.config.as_deref())?.select(&name)?;
                let mut settings =
                    Self::resolve_file(args, &Scoped::new(env, &name, false), term, file)
                        .map_err(|e| e.context(format!("environment {name}")))?;
                settings.environment = Some(name);
                settings.environments = names.clone();
                Ok(settings)
            })
            .collect()
    }

    fn resolve_file(
        args: &GlobalArgs,
        env: &dyn Environment,
        term: Terminal,
        mut file: FileSettings,
    ) -> Result<Settings> {
        let mut servers = resolve_servers(std::mem::take(&mut file.servers), args)?;
        // One server is the single-server setup: its values are the top-level keys, under the
        // flags and variables as usual.
        if let [_] = servers.as_slice() {
            let one = servers.remove(0);
            file.mcp_name = Some(one.name);
            file.mcp_url = Some(one.url);
            file.audience = Some(one.audience);
            file.api_name = one.api_name.or(file.api_name);
            file.scopes = one.scopes.or(file.scopes);
            file.env_file = one.env_file.or(file.env_file);
        }

        let explicit_provider = match (args.provider, env.var("AUTHSETUP_PROVIDER"), &file.provider)
        {
            (Some(p), _, _) => Some(match p {
                ProviderArg::Auth0 => ProviderKind::Auth0,
                ProviderArg::Okta => ProviderKind::Okta,
            }),
            (None, Some(v), _) => Some(ProviderKind::parse(&v).ok_or_else(|| {
                AppError::usage(
                    format!("AUTHSETUP_PROVIDER={v:?} is not a provider"),
                    "use auth0 or okta",
                )
            })?),
            (None, None, Some(v)) => Some(ProviderKind::parse(v).ok_or_else(|| {
                AppError::usage(
                    format!("provider = {v:?} in the settings file is not a provider"),
                    "use auth0 or okta",
                )
            })?),
            _ => None,
        };

        let mut notes = Vec::new();
        let (domain_raw, domain_origin) = match (&args.domain, explicit_provider) {
            (Some(d), _) => (Some(d.clone()), "--domain"),
            (None, Some(p)) => match env.var(p.domain_var()) {
                Some(d) => (Some(d), p.domain_var()),
                None => (file.domain.clone(), "domain in the settings file"),
            },
            (None, None) => match (env.var("AUTH0_DOMAIN"), env.var("OKTA_DOMAIN")) {
                (Some(d), okta) => {
                    if okta.is_some() {
                        notes.push(
                            "both AUTH0_DOMAIN and OKTA_DOMAIN are set; using AUTH0_DOMAIN (pass --provider okta for Okta)".to_string(),
                        );
                    }
                    (Some(d), "AUTH0_DOMAIN")
                }
                (None, Some(d)) => (Some(d), "OKTA_DOMAIN"),
                (None, None) => (file.domain.clone(), "domain in the settings file"),
            },
        };
        let domain = domain_raw
            .map(|d| parse_domain(&d).map_err(|e| e.context(domain_origin)))
            .transpose()?;

        let provider = explicit_provider.unwrap_or_else(|| match (&domain, domain_origin) {
            (_, "OKTA_DOMAIN") => ProviderKind::Okta,
            (Some(d), _) => ProviderKind::infer(d.base.host_str().unwrap_or_default()),
            (None, _) => ProviderKind::Auth0,
        });

        // An environment variable beats the file given with --config (the documented order), but
        // one exported for another environment would aim the run elsewhere without a word.
        if let Some(config) = &args.config {
            let shown = |raw: &str| parse_domain(raw).map_or(raw.to_string(), |d| d.display);
            let domain_from_env = domain
                .as_ref()
                .filter(|_| domain_origin.ends_with("_DOMAIN"))
                .map(|d| d.display.clone());
            let audience_var = provider.audience_var();
            let candidates = [
                (
                    "provider",
                    args.provider.is_some(),
                    "AUTHSETUP_PROVIDER",
                    env.var("AUTHSETUP_PROVIDER"),
                    file.provider.clone(),
                ),
                (
                    "domain",
                    args.domain.is_some(),
                    domain_origin,
                    domain_from_env,
                    file.domain.as_deref().map(shown),
                ),
                (
                    "audience",
                    args.audience.is_some(),
                    audience_var,
                    env.var(audience_var),
                    file.audience.clone(),
                ),
                (
                    "connection",
                    args.connection.is_some(),
                    "CONNECTION_NAME",
                    env.var("CONNECTION_NAME"),
                    file.connection.clone(),
                ),
                (
                    "mcp_url",
                    args.mcp_url.is_some(),
                    "MCP_URL",
                    env.var("MCP_URL"),
                    file.mcp_url.clone(),
                ),
                (
                    "codex_home",
                    args.codex_home.is_some(),
                    "CODEX_HOME",
                    env.var("CODEX_HOME"),
                    file.codex_home.as_ref().map(|p| p.display().to_string()),
                ),
            ];
            for (key, flag_given, var, from_env, from_file) in candidates {
                if let (false, Some(from_env), Some(from_file)) = (flag_given, from_env, from_file)
                    && from_env.trim() != from_file.trim()
                {
                    notes.push(format!(
                        "{key} from {var} ({from_env}) overrides {} ({from_file})",
                        config.display()
                    ));
                }
            }
        }

        let audience = first(&[
            (args.audience.clone(), "--audience"),
            (env.var(provider.audience_var()), provider.audience_var()),
            (file.audience.clone(), "audience in the settings file"),
        ])
        .map(|(a, origin)| validate_audience(&a).map_err(|e| e.context(origin)))
        .transpose()?;

        let connection = first(&[
            (args.connection.clone(), "--connection"),
            (env.var("CONNECTION_NAME"), "CONNECTION_NAME"),
            (file.connection.clone(), "connection in the settings file"),
        ])
        .map(|(c, origin)| validate_connection(&c).map_err(|e| e.context(origin)))
        .transpose()?
        .unwrap_or_else(|| DEFAULT_CONNECTION.to_string());

        let group = args.group.as_deref().map(validate_group).transpose()?;

        let api_name = args
            .api_name
            .clone()
            .or(file.api_name.clone())
            .map(|n| validate_api_name(&n))
            .transpose()?;

        let mcp_name = args
            .mcp_name
            .clone()
            .or(file.mcp_name.clone())
            .map(|n| validate_mcp_name(&n))
            .transpose()?
            .unwrap_or_else(|| DEFAULT_MCP_NAME.to_string());

        let mcp_url = first(&[
            (args.mcp_url.clone(), "--mcp-url"),
            (env.var("MCP_URL"), "MCP_URL"),
            (file.mcp_url.clone(), "mcp_url in the settings file"),
        ])
        .map(|(u, origin)| validate_mcp_url(&u).map_err(|e| e.context(origin)))
        .transpose()?;

        let scopes = match (&args.scopes, env.var("AUTHSETUP_SCOPES"), &file.scopes) {
            (Some(list), _, _) => Some(validate_scopes(list, "--scopes")?),
            (None, Some(list), _) => Some(validate_scopes(
                &list.split(',').map(String::from).collect::<Vec<_>>(),
                "AUTHSETUP_SCOPES",
            )?),
            (None, None, Some(list)) => Some(validate_scopes(list, "scopes in the settings file")?),
            (None, None, None) => None,
        };

        let env_file = args
            .env_file
            .clone()
            .or(file.env_file.clone())
            .unwrap_or_else(|| PathBuf::from(".env"));
        validate_env_file(&env_file)?;

        let codex_home = args
            .codex_home
            .clone()
            .or_else(|| env.var("CODEX_HOME").map(PathBuf::from))
            .or(file.codex_home.clone())
            .or_else(|| env.var("HOME").map(|h| Path::new(&h).join(".codex")));

        let callback_port = match (args.callback_port, file.callback_port) {
            (Some(p), _) => p,
            (None, Some(p)) => u16::try_from(p).ok().filter(|p| *p > 0).ok_or_else(|| {
                AppError::usage(
                    format!("callback_port = {p} in the settings file is not a port"),
                    "use a number from 1 to 65535",
                )
            })?,
            (None, None) => DEFAULT_CALLBACK_PORT,
        };

        let audience_mode = mode(
            args.audience_mode,
            (
                "AUTHSETUP_AUDIENCE_MODE",
                env.var("AUTHSETUP_AUDIENCE_MODE"),
            ),
            ("audience_mode", file.audience_mode.as_deref()),
        )?;
        let client_mode = mode(
            args.registration,
            ("AUTHSETUP_REGISTRATION", env.var("AUTHSETUP_REGISTRATION")),
            ("registration", file.registration.as_deref()),
        )?;
        let management_domain = first(&[
            (args.management_domain.clone(), "--management-domain"),
            (
                env.var("AUTH0_MANAGEMENT_DOMAIN"),
                "AUTH0_MANAGEMENT_DOMAIN",
            ),
            (
                file.management_domain.clone(),
                "management_domain in the settings file",
            ),
        ])
        .map(|(d, origin)| parse_domain(&d).map_err(|e| e.context(origin)))
        .transpose()?;
        // Okta has neither switch: a custom authorization server always issues its own
        // audience, and it has no open DCR, so its Codex client is always registered.
        if provider == ProviderKind::Okta {
            let refused = [
                (
                    audience_mode == Some(AudienceMode::Resource),
                    "--audience-mode resource",
                ),
                (client_mode == Some(ClientMode::Dcr), "--registration dcr"),
                (management_domain.is_some(), "--management-domain"),
            ];
            if let Some((_, what)) = refused.iter().find(|(on, _)| *on) {
                return Err(AppError::usage(
                    format!("{what} is for Auth0; this run is for Okta"),
                    "leave it out: on Okta the custom authorization server issues its own audience and authsetup registers Codex's client",
                ));
            }
        }
        let client_mode = match provider {
            ProviderKind::Okta => ClientMode::Preregistered,
            ProviderKind::Auth0 => client_mode.unwrap_or(ClientMode::Dcr),
        };
        if provider == ProviderKind::Auth0
            && client_mode == ClientMode::Preregistered
            && args.create_connection
        {
            return Err(AppError::usage(
                "--create-connection makes a domain-level connection, open to every third-party application, which --registration preregistered avoids",
                "create the connection in the Dashboard (Authentication → Database) and pass its name with --connection",
            ));
        }
        let clients = match (env.var("AUTHSETUP_CLIENTS"), file.clients.clone()) {
            (Some(list), _) => Some(parse_clients(list.split(','), "AUTHSETUP_CLIENTS")?),
            (None, Some(list)) => Some(parse_clients(
                list.iter().map(String::as_str),
                "clients in the settings file",
            )?),
            (None, None) => None,
        };

        let output = match (args.output, env.var("AUTHSETUP_OUTPUT")) {
            (Some(OutputArg::Json), _) => OutputFormat::Json,
            (Some(OutputArg::Human), _) => OutputFormat::Human,
            (None, Some(v)) => match v.as_str() {
                "json" => OutputFormat::Json,
                "human" => OutputFormat::Human,
                _ => {
                    return Err(AppError::usage(
                        format!("AUTHSETUP_OUTPUT={v:?} is not an output format"),
                        "use human or json",
                    ));
                }
            },
            (None, None) => OutputFormat::Human,
        };

        let color = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => term.stderr_is_tty && env.var("NO_COLOR").is_none(),
        };

        // The default audience is tenant-wide: a second server's tokens would carry the first's
        // audience, so several servers are always in resource mode.
        let audience_mode = match audience_mode {
            Some(AudienceMode::Default) if servers.len() > 1 && provider == ProviderKind::Auth0 => {
                return Err(AppError::usage(
                    format!(
                        "the settings file declares {} MCP servers, but an Auth0 tenant has one default audience",
                        servers.len()
                    ),
                    "leave out --audience-mode default (several servers use the resource mode: each server its own API), or pick one server with --mcp-name NAME",
                ));
            }
            None if servers.len() > 1 => Some(AudienceMode::Resource),
            mode => mode,
        };
        if servers.len() > 1 {
            // A variable cannot say which server it is for; the file's [[servers]] do.
            for (flag, given) in [
                ("--audience", args.audience.is_some()),
                ("--mcp-url", args.mcp_url.is_some()),
                ("--api-name", args.api_name.is_some()),
                ("--env-file", args.env_file.is_some()),
                ("--scopes", args.scopes.is_some()),
                ("AUTHSETUP_SCOPES", env.var("AUTHSETUP_SCOPES").is_some()),
            ] {
                if given {
                    return Err(AppError::usage(
                        format!(
                            "{flag} cannot apply to the {} servers of the settings file",
                            servers.len()
                        ),
                        "set it on the server in [[servers]], or pick one server with --mcp-name NAME",
                    ));
                }
            }
        }

        let (credentials, credentials_source) =
            resolve_credentials(provider, args.token_stdin, env)?;

        Ok(Settings {
            environment: None,
            environments: Vec::new(),
            servers,
            provider,
            domain,
            audience,
            api_name,
            connection,
            group,
            create_connection: args.create_connection,
            replace_default_audience: args.replace_default_audience,
            audience_mode,
            client_mode,
            management_domain,
            mcp_name,
            mcp_url,
            scopes,
            env_file,
            state_file: state_file_beside(args.config.as_deref()),
            codex_home,
            callback_port,
            clients,
            yes: args.yes || env.var("CI").is_some(),
            output,
            color,
            verbose: args.verbose,
            credentials,
            credentials_source,
            notes,
        })
    }

    /// One run per MCP server: the `[[servers]]`, or the single server of the top-level keys.
    pub fn targets(&self) -> Vec<Target> {
        if self.servers.is_empty() {
            return vec![Target {
                settings: self.clone(),
                with_env: true,
                label: None,
            }];
        }
        self.servers
            .iter()
            .map(|server| {
                let mut settings = self.clone();
                settings.servers = Vec::new();
                settings.mcp_name = server.name.clone();
                settings.mcp_url = Some(server.url.clone());
                settings.audience = Some(server.audience.clone());
                settings.api_name = server.api_name.clone();
                settings.scopes = server.scopes.clone().or_else(|| self.scopes.clone());
                settings.env_file = server.env_file.clone().unwrap_or_default();
                Target {
                    settings,
                    with_env: server.env_file.is_some(),
                    label: Some(server.name.clone()),
                }
            })
            .collect()
    }

    /// Codex's folder. Without HOME a relative `.codex` would be a folder Codex never reads, so
    /// the commands that touch it stop here instead (exit 2, before any request).
    pub fn codex_home(&self) -> Result<&Path> {
        self.codex_home.as_deref().ok_or_else(|| {
            AppError::usage(
                "HOME is not set, so Codex's folder (~/.codex) is unknown",
                "pass --codex-home or set CODEX_HOME",
            )
        })
    }

    pub fn require_domain(&self) -> Result<&Domain> {
        self.domain.as_ref().ok_or_else(|| {
            AppError::missing(
                "the tenant domain is missing",
                if self.environments.is_empty() || self.environment.is_some() {
                    format!(
                        "pass --domain or set {} (e.g. tenant.us.auth0.com), or run `authsetup demo` to try it against a sandbox",
                        self.provider.domain_var()
                    )
                } else {
                    format!(
                        "the settings file declares the environments {}: pick one with --env NAME",
                        self.environments.join(", ")
                    )
                },
            )
        })
    }

    /// The scopes the MCP server's API or authorization server carries: the configured ones,
    /// else what authsetup always set up (Okta's `mcp:access`; no scope on Auth0).
    pub fn mcp_scopes(&self) -> Vec<String> {
        self.scopes.clone().unwrap_or_else(|| match self.provider {
            ProviderKind::Auth0 => Vec::new(),
            ProviderKind::Okta => vec![crate::provider::okta::MCP_SCOPE.to_string()],
        })
    }

    pub fn require_audience(&self) -> Result<&str> {
        self.audience.as_deref().ok_or_else(|| {
            AppError::missing(
                "the audience (API identifier) is missing",
                format!(
                    "pass --audience or set {} to an absolute URI, usually the MCP server URL",
                    self.provider.audience_var()
                ),
            )
        })
    }
}

/// A mode from its flag, then its variable, then the settings file; a value that names no mode
/// is bad input naming where it came from.
fn mode<T: ValueEnum>(
    flag: Option<T>,
    (var, from_env): (&str, Option<String>),
    (key, from_file): (&str, Option<&str>),
) -> Result<Option<T>> {
    let (raw, origin) = match (flag, from_env, from_file) {
        (Some(v), _, _) => return Ok(Some(v)),
        (None, Some(v), _) => (v.clone(), format!("{var}={v:?}")),
        (None, None, Some(v)) => (v.to_string(), format!("{key} = {v:?} in the settings file")),
        (None, None, None) => return Ok(None),
    };
    T::from_str(raw.trim(), true).map(Some).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| Some(v.to_possible_value()?.get_name().to_string()))
            .collect();
        AppError::usage(
            format!("{origin} is not one of the modes"),
            format!("use {}", names.join(" or ")),
        )
    })
}

/// `[[servers]]` validated, or the one `--mcp-name` picks. Two servers sharing a name, an
/// audience or a `.env` would overwrite each other, so that is bad input.
fn resolve_servers(file: Vec<FileServer>, args: &GlobalArgs) -> Result<Vec<Server>> {
    let mut servers = Vec::with_capacity(file.len());
    for s in file {
        let at = |e: AppError| e.context(format!("server {:?} in the settings file", s.name));
        let name = validate_mcp_name(&s.name).map_err(at)?;
        let url = validate_mcp_url(&s.url).map_err(at)?;
        let audience = validate_audience(s.audience.as_deref().unwrap_or(&url)).map_err(at)?;
        let api_name = s
            .api_name
            .as_deref()
            .map(validate_api_name)
            .transpose()
            .map_err(at)?;
        if let Some(path) = &s.env_file {
            validate_env_file(path).map_err(at)?;
        }
        let scopes = s
            .scopes
            .as_deref()
            .map(|list| validate_scopes(list, "scopes"))
            .transpose()
            .map_err(at)?;
        for earlier in &servers {
            let Server {
                name: n,
                audience: a,
                env_file: f,
                ..
            } = earlier;
            let clash = if *n == name {
                Some("name")
            } else if *a == audience {
                Some("audience")
            } else if f.is_some() && *f == s.env_file {
                Some("env_file")
            } else {
                None
            };
            if let Some(what) = clash {
                return Err(AppError::usage(
                    format!(
                        "the servers {n:?} and {name:?} in the settings file have the same {what}"
                    ),
                    "give every server in [[servers]] its own name, URL (or audience) and env_file",
                ));
            }
        }
        servers.push(Server {
            name,
            url,
            audience,
            api_name,
            scopes,
            env_file: s.env_file,
        });
    }
    match &args.mcp_name {
        Some(pick) if !servers.is_empty() => {
            let names = servers.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
            servers.retain(|s| s.name == *pick);
            if servers.is_empty() {
                return Err(AppError::usage(
                    format!("--mcp-name {pick} is not a server of the settings file"),
                    format!("its servers are {}", names.join(", ")),
                ));
            }
            Ok(servers)
        }
        _ => Ok(servers),
    }
}

fn first(candidates: &[(Option<String>, &'static str)]) -> Option<(String, &'static str)> {
    candidates
        .iter()
        .find_map(|(v, origin)| v.clone().map(|v| (v, *origin)))
}

/// `.authsetup-state.json` in the folder of `--config FILE`, else in the current folder where
/// `authsetup.toml` is read from.
fn state_file_beside(config: Option<&Path>) -> PathBuf {
    let dir = config
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dir.join(STATE_FILE)
}

fn load_file(explicit: Option<&Path>) -> Result<FileSettings> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = PathBuf::from(DEFAULT_CONFIG_FILE);
            if !p.exists() {
                return Ok(FileSettings::default());
            }
            p
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        AppError::usage(
            format!("cannot read the settings file {}: {e}", path.display()),
            if explicit.is_some() {
                "check the path given to --config"
            } else {
                "authsetup reads authsetup.toml from the current folder when it exists; fix its permissions or pass --config FILE"
            },
        )
    })?;
    toml::from_str(&text).map_err(|e| {
        let place = e
            .span()
            .map(|span| {
                let (line, col) = line_col(&text, span.start);
                format!(" at line {line}, column {col}")
            })
            .unwrap_or_default();
        AppError::usage(
            format!(
                "{} is not a valid settings file{place}: {}",
                path.display(),
                e.message()
            ),
            "fix the file; keys are provider, domain, audience, api_name, connection, mcp_name, mcp_url, scopes, env_file, codex_home, callback_port, audience_mode, registration, management_domain, clients, [[servers]] (name, url, audience, api_name, scopes, env_file) and [env.NAME] tables of the same keys",
        )
    })
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

pub fn resolve_credentials(
    provider: ProviderKind,
    token_stdin: bool,
    env: &dyn Environment,
) -> Result<(Credentials, Option<&'static str>)> {
    if token_stdin {
        let mut token = String::new();
        std::io::stdin().read_to_string(&mut token).map_err(|e| {
            AppError::usage(
                format!("cannot read the token from stdin: {e}"),
                "pipe the token into authsetup",
            )
        })?;
        let token = token.trim().to_string();
        if token.is_empty() {
            return Err(AppError::usage(
                "--token-stdin was given but standard input was empty",
                "pipe the token, e.g. `printenv MGMT_TOKEN | authsetup apply --token-stdin`",
            ));
        }
        return Ok((
            Credentials::token(
                provider,
                sendable("the token on standard input", token)?.into(),
            ),
            Some("standard input"),
        ));
    }
    match provider {
        ProviderKind::Auth0 => {
            for name in ["AUTH0_MGMT_TOKEN", "MGMT_TOKEN"] {
                if let Some(t) = env.var(name) {
                    return Ok((
                        Credentials::Auth0Token(sendable(name, t)?.into()),
                        Some(name),
                    ));
                }
            }
            match (env.var("AUTH0_CLIENT_ID"), env.var("AUTH0_CLIENT_SECRET")) {
                (Some(client_id), Some(secret)) => Ok((
                    Credentials::Auth0ClientCredentials {
                        client_id: sendable("AUTH0_CLIENT_ID", client_id)?,
                        client_secret: sendable("AUTH0_CLIENT_SECRET", secret)?.into(),
                    },
                    Some("AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET"),
                )),
                (Some(_), None) => Err(AppError::usage(
                    "AUTH0_CLIENT_ID is set but AUTH0_CLIENT_SECRET is not",
                    "set both for the client-credentials grant, or set AUTH0_MGMT_TOKEN instead",
                )),
                (None, Some(_)) => Err(AppError::usage(
                    "AUTH0_CLIENT_SECRET is set but AUTH0_CLIENT_ID is not",
                    "set both for the client-credentials grant, or set AUTH0_MGMT_TOKEN instead",
                )),
                (None, None) => Ok((Credentials::None, None)),
            }
        }
        ProviderKind::Okta => {
            if let Some(t) = env.var("OKTA_API_TOKEN") {
                return Ok((
                    Credentials::OktaToken(sendable("OKTA_API_TOKEN", t)?.into()),
                    Some("OKTA_API_TOKEN"),
                ));
            }
            // OKTA_CLIENT_ID alone is not an error: it is also the name the MCP server's .env
            // gives the Codex client, so a shell that sourced that file has it set.
            match (env.var("OKTA_CLIENT_ID"), env.var("OKTA_PRIVATE_KEY")) {
                (Some(client_id), Some(key)) => {
                    let (private_key, key_source) = okta_private_key(key)?;
                    Ok((
                        Credentials::OktaServiceApp {
                            client_id,
                            private_key,
                            key_source,
                        },
                        Some("OKTA_CLIENT_ID and OKTA_PRIVATE_KEY"),
                    ))
                }
                (None, Some(_)) => Err(AppError::usage(
                    "OKTA_PRIVATE_KEY is set but OKTA_CLIENT_ID is not",
                    "set OKTA_CLIENT_ID to the service app's client id, or set OKTA_API_TOKEN instead",
                )),
                _ => Ok((Credentials::None, None)),
            }
        }
    }
}

/// A credential as it will travel in a header or form: a control character (the `\r` a file with
/// Windows line endings leaves) would be refused by the server or by the HTTP client, so it is
/// bad input. The message names the source, never the value.
fn sendable(source: &str, value: String) -> Result<String> {
    if value.chars().any(char::is_control) {
        return Err(AppError::usage(
            format!(
                "{source} contains a control character (such as a carriage return or a line break)"
            ),
            format!(
                "remove it, e.g. when reading from a file: tr -d '\\r\\n' < FILE; {source} is sent as it is"
            ),
        ));
    }
    Ok(value)
}

/// `OKTA_PRIVATE_KEY` holds the key itself, as CI secret stores hand it over (PEM or JWK text),
/// or names the file holding it. The value is never put into a message: a key pasted where a path
/// was expected must not end up in a CI log.
fn okta_private_key(value: String) -> Result<(SecretString, String)> {
    let text = value.trim_start();
    if text.starts_with("-----BEGIN") || text.starts_with('{') {
        return Ok((value.into(), "the key in OKTA_PRIVATE_KEY".into()));
    }
    let path = PathBuf::from(value);
    match std::fs::read_to_string(&path) {
        Ok(key) => Ok((key.into(), path.display().to_string())),
        Err(e) => Err(AppError::usage(
            format!("OKTA_PRIVATE_KEY is neither a key (PEM or JWK) nor a readable file: {e}"),
            "set OKTA_PRIVATE_KEY to the service app's private key, or to the path of the PEM or JWK file holding it",
        )),
    }
}

/// Okta group names: 1–255 characters (SPEC-MGMT `GroupProfile.name`).
pub fn validate_group(raw: &str) -> Result<String> {
    if raw.trim().is_empty() || raw.chars().count() > 255 || raw.chars().any(char::is_control) {
        return Err(AppError::usage(
            format!("{raw:?} is not a valid group name"),
            "give the Okta group's name as the Admin Console shows it, e.g. --group Everyone",
        ));
    }
    Ok(raw.to_string())
}

pub fn is_loopback_host(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    bare.parse::<IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

/// Accepts `tenant.us.auth0.com`, `https://tenant.us.auth0.com[/]`, and `http://127.0.0.1:PORT`
/// for emulators. Rejects anything that would make the request go somewhere unexpected: paths,
/// credentials, queries, non-ASCII hosts, plain HTTP off loopback.
pub fn parse_domain(raw: &str) -> Result<Domain> {
    let input = raw.trim();
    let bad = |what: String, hint: &str| Err(AppError::usage(what, hint));
    if input.is_empty() {
        return bad(
            "the domain is empty".into(),
            "give the tenant host, e.g. tenant.us.auth0.com",
        );
    }
    if input.chars().any(char::is_whitespace) {
        return bad(
            format!("the domain {input:?} contains whitespace"),
            "give the tenant host, e.g. tenant.us.auth0.com",
        );
    }
    if !input.is_ascii() {
        return bad(
            format!("the domain {input:?} contains non-ASCII characters"),
            "write an internationalised domain in its xn-- (punycode) form",
        );
    }
    let has_scheme = input.contains("://");
    let url = Url::parse(&if has_scheme {
        input.to_string()
    } else {
        format!("https://{input}")
    })
    .map_err(|e| {
        AppError::usage(
            format!("the domain {input:?} is not a host name: {e}"),
            "give the tenant host, e.g. tenant.us.auth0.com",
        )
    })?;
    let host = url.host_str().unwrap_or_default().to_string();
    if host.is_empty() {
        return bad(
            format!("the domain {input:?} has no host"),
            "give the tenant host, e.g. tenant.us.auth0.com",
        );
    }
    if !url.username().is_empty() || url.password().is_some() {
        return bad(
            "the domain must not contain credentials".into(),
            "remove the user:password@ part; credentials go in environment variables",
        );
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return bad(
            format!("the domain {input:?} has a path, query or fragment"),
            "give only the host, e.g. tenant.us.auth0.com (no /api/v2 or other path)",
        );
    }
    if host.ends_with('.') {
        return bad(
            format!("the domain {input:?} ends with a dot"),
            "remove the trailing dot",
        );
    }
    if let Some(problem) = bad_host_label(&url) {
        return bad(
            format!("the domain {input:?} is not a valid host name: {problem}"),
            "a host name is labels of letters, digits and inner hyphens (1 to 63 each) joined by dots, e.g. tenant.us.auth0.com",
        );
    }
    let loopback = is_loopback_host(&host);
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return bad(
                format!("plain http:// is only allowed for loopback emulators, not {host}"),
                "use https:// or just the host name",
            );
        }
        other => {
            return bad(
                format!("the domain scheme {other}:// is not supported"),
                "use https:// or just the host name",
            );
        }
    }
    let mut base = url.clone();
    base.set_path("/");
    let display = if url.scheme() == "https" && url.port().is_none() {
        host
    } else {
        base.as_str().trim_end_matches('/').to_string()
    };
    Ok(Domain { base, display })
}

/// What makes a host name one DNS cannot resolve (RFC 1123 labels), so the run stops with exit 2
/// instead of failing later as "cannot connect". IP addresses are left to the URL parser.
fn bad_host_label(url: &Url) -> Option<String> {
    let Some(url::Host::Domain(host)) = url.host() else {
        return None;
    };
    if host.len() > 253 {
        return Some("longer than 253 characters".into());
    }
    host.split('.').find_map(|label| {
        if label.is_empty() {
            Some("an empty label (two dots in a row)".into())
        } else if label.len() > 63 {
            Some(format!("the label {label:?} is longer than 63 characters"))
        } else if label.starts_with('-') || label.ends_with('-') {
            Some(format!("the label {label:?} starts or ends with a hyphen"))
        } else {
            label
                .chars()
                .find(|c| !c.is_ascii_alphanumeric() && *c != '-')
                .map(|c| format!("the label {label:?} contains {c:?}"))
        }
    })
}

/// The OIDC scopes every Okta custom authorization server already has as system scopes (a
/// create with the name is refused) and Auth0 answers from the user profile, never from an API;
/// `offline_access` is asked for by the client on its own (notes/okta.md §A.4, notes/auth0.md
/// §A3).
const RESERVED_SCOPES: [&str; 7] = [
    "openid",
    "profile",
    "email",
    "address",
    "phone",
    "offline_access",
    "device_sso",
];
/// Auth0's `ResourceServerScope.value` limit (OAS).
const MAX_SCOPE_LEN: usize = 280;

/// The MCP server's scopes: each an RFC 6749 §3.3 scope-token (printable ASCII without space,
/// `"` or `\`), none reserved by OIDC, none twice, at least one. `origin` says where they came
/// from.
pub fn validate_scopes(raw: &[String], origin: &str) -> Result<Vec<String>> {
    let hint = "list scopes such as mcp:read,mcp:write: printable ASCII without spaces, quotes or backslashes";
    let mut scopes: Vec<String> = Vec::with_capacity(raw.len());
    for scope in raw.iter().map(|s| s.trim()) {
        let token = |c: char| c.is_ascii_graphic() && c != '"' && c != '\\';
        if scope.is_empty() || !scope.chars().all(token) {
            return Err(AppError::usage(
                format!("{origin}: {scope:?} is not an OAuth scope"),
                hint,
            ));
        }
        if scope.len() > MAX_SCOPE_LEN {
            return Err(AppError::usage(
                format!("{origin}: a scope is longer than {MAX_SCOPE_LEN} characters"),
                hint,
            ));
        }
        if RESERVED_SCOPES.contains(&scope) {
            return Err(AppError::usage(
                format!(
                    "{origin}: {scope} is an OpenID Connect scope, not one of the MCP server's"
                ),
                "leave it out: authsetup asks for offline_access itself, and the provider keeps the OpenID Connect scopes",
            ));
        }
        if scopes.iter().any(|s| s == scope) {
            return Err(AppError::usage(
                format!("{origin}: the scope {scope} is listed twice"),
                "list each scope once",
            ));
        }
        scopes.push(scope.to_string());
    }
    if scopes.is_empty() {
        return Err(AppError::usage(
            format!("{origin}: the list of scopes is empty"),
            "name at least one scope, or leave the setting out for the provider's default",
        ));
    }
    Ok(scopes)
}

/// The API identifier must be an absolute URI (the MCP spec and Auth0's compatibility profile
/// both expect one), without a fragment, and within Auth0's 600-character limit.
pub fn validate_audience(raw: &str) -> Result<String> {
    let hint =
        "use an absolute URI such as https://mcp.example.com/mcp (usually the MCP server URL)";
    if raw.is_empty() {
        return Err(AppError::usage("the audience is empty", hint));
    }
    if raw.trim() != raw || raw.chars().any(char::is_whitespace) {
        return Err(AppError::usage(
            format!("the audience {raw:?} contains whitespace"),
            hint,
        ));
    }
    if raw.len() > 600 {
        return Err(AppError::usage(
            "the audience is longer than 600 characters",
            hint,
        ));
    }
    let url = Url::parse(raw).map_err(|_| {
        AppError::usage(format!("the audience {raw:?} is not an absolute URI"), hint)
    })?;
    if url.fragment().is_some() {
        return Err(AppError::usage(
            format!("the audience {raw:?} has a #fragment"),
            hint,
        ));
    }
    if url.cannot_be_a_base() && !raw.contains(':') {
        return Err(AppError::usage(
            format!("the audience {raw:?} is not an absolute URI"),
            hint,
        ));
    }
    Ok(raw.to_string())
}

/// Auth0's connection-name pattern (OAS CreateConnectionRequestContent).
pub fn validate_connection(raw: &str) -> Result<String> {
    let ok = !raw.is_empty()
        && raw.len() <= 128
        && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !raw.starts_with('-')
        && !raw.ends_with('-')
        && !raw.contains("--");
    if ok {
        Ok(raw.to_string())
    } else {
        Err(AppError::usage(
            format!("{raw:?} is not a valid connection name"),
            "names use letters, digits and single hyphens, start and end with a letter or digit, at most 128 characters (e.g. Username-Password-Authentication)",
        ))
    }
}

pub fn validate_api_name(raw: &str) -> Result<String> {
    if raw.trim().is_empty() || raw.len() > 200 || raw.contains(['<', '>']) {
        return Err(AppError::usage(
            format!("{raw:?} is not a valid API name"),
            "use 1 to 200 characters without < or >",
        ));
    }
    Ok(raw.to_string())
}

/// Letters, digits, `-` and `_`, at most 64: safe as a TOML key, a shell word and (upper-cased)
/// part of a variable name.
fn is_simple_name(raw: &str) -> bool {
    !raw.is_empty()
        && raw.len() <= 64
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Codex uses the name as a TOML table key and in `codex mcp login NAME`; keep it shell- and
/// key-friendly.
pub fn validate_mcp_name(raw: &str) -> Result<String> {
    if is_simple_name(raw) {
        Ok(raw.to_string())
    } else {
        Err(AppError::usage(
            format!("{raw:?} is not a valid MCP server name"),
            "use letters, digits, - and _ (at most 64), e.g. docs-server",
        ))
    }
}

pub fn validate_mcp_url(raw: &str) -> Result<String> {
    let hint = "give the MCP server's full URL, e.g. https://mcp.example.com/mcp";
    let url = Url::parse(raw.trim())
        .map_err(|_| AppError::usage(format!("the MCP URL {raw:?} is not a URL"), hint))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_host(url.host_str().unwrap_or_default()) => {}
        "http" => {
            return Err(AppError::usage(
                format!("the MCP URL {raw:?} uses plain http:// off loopback"),
                "MCP authorization requires https:// except for loopback servers",
            ));
        }
        _ => {
            return Err(AppError::usage(
                format!("the MCP URL {raw:?} is not an http(s) URL"),
                hint,
            ));
        }
    }
    if url.fragment().is_some() {
        return Err(AppError::usage(
            format!("the MCP URL {raw:?} has a #fragment"),
            hint,
        ));
    }
    Ok(raw.trim().to_string())
}

pub fn validate_env_file(path: &Path) -> Result<()> {
    if path.as_os_str().is_empty() {
        return Err(AppError::usage(
            "the env file path is empty",
            "pass --env-file PATH",
        ));
    }
    if path.is_dir() {
        return Err(AppError::usage(
            format!("the env file {} is a folder", path.display()),
            "pass the path of a file, e.g. --env-file server/.env",
        ));
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(AppError::usage(
            format!(
                "the folder of the env file {} does not exist",
                path.display()
            ),
            "create the folder first or pass another --env-file",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        let d = parse_domain("tenant.us.auth0.com").unwrap();
        assert_eq!(d.origin(), "https://tenant.us.auth0.com");
        assert_eq!(d.display, "tenant.us.auth0.com");
        assert_eq!(
            parse_domain("https://Tenant.us.auth0.com/")
                .unwrap()
                .display,
            "tenant.us.auth0.com"
        );
        let l = parse_domain("http://127.0.0.1:8080").unwrap();
        assert_eq!(l.origin(), "http://127.0.0.1:8080");
        assert_eq!(l.display, "http://127.0.0.1:8080");
        for bad in [
            "",
            "http://tenant.auth0.com",
            "https://tenant.auth0.com/api/v2",
            "https://user:pw@tenant.auth0.com",
            "tenänt.auth0.com",
            "tenant.auth0.com.",
            "ftp://tenant.auth0.com",
            "tenant auth0.com",
            "https://tenant.auth0.com?x=1",
            "-bad-.auth0.com",
            "bad-.auth0.com",
            "a..auth0.com",
            "ten_ant.auth0.com",
            &format!("{}.auth0.com", "a".repeat(64)),
        ] {
            let e = parse_domain(bad).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn audiences() {
        assert!(validate_audience("https://penroselamarck/").is_ok());
        assert!(validate_audience("urn:example:mcp").is_ok());
        for bad in [
            "",
            "mcp-api",
            "/relative",
            "https://x/#frag",
            " https://x/",
            "https://x/ y",
        ] {
            assert!(validate_audience(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn connection_names() {
        assert!(validate_connection("Username-Password-Authentication").is_ok());
        assert!(validate_connection("google-oauth2").is_ok());
        for bad in ["", "-a", "a-", "a--b", "a b", "a_b", &"a".repeat(129)] {
            assert!(validate_connection(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn provider_inference() {
        assert_eq!(ProviderKind::infer("dev-1.okta.com"), ProviderKind::Okta);
        assert_eq!(ProviderKind::infer("x.oktapreview.com"), ProviderKind::Okta);
        assert_eq!(ProviderKind::infer("t.us.auth0.com"), ProviderKind::Auth0);
        assert_eq!(
            ProviderKind::infer("login.example.com"),
            ProviderKind::Auth0
        );
    }

    /// What `--env prod` reads: its suffixed variables over its table, its table over the top
    /// level; the plain tenant variables never, the plain credentials only when it has none.
    #[test]
    fn an_environment_reads_its_own_variables() {
        use clap::Parser;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(
            &file,
            "mcp_name = \"docs\"\nmcp_url = \"https://top.example.com/mcp\"\n\
             [env.prod]\ndomain = \"prod.us.auth0.com\"\naudience = \"https://prod.example.com/mcp\"\n",
        )
        .unwrap();
        let config = file.display().to_string();
        let resolve = |vars: &[(&str, &str)], extra: &[&str]| {
            let mut argv = vec!["authsetup", "plan", "--config", &config];
            argv.extend(extra);
            let cli = crate::cli::Cli::try_parse_from(argv).unwrap();
            let env: HashMap<String, String> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Settings::resolve(
                &cli.global,
                &env,
                Terminal {
                    stderr_is_tty: false,
                },
            )
        };
        let s = resolve(
            &[
                ("AUTH0_DOMAIN", "elsewhere.us.auth0.com"),
                ("AUTH0_MGMT_TOKEN", "plain"),
                ("AUTHSETUP_ENV", "prod"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(s.environment.as_deref(), Some("prod"));
        assert_eq!(s.domain.unwrap().display, "prod.us.auth0.com");
        assert_eq!(s.mcp_url.as_deref(), Some("https://top.example.com/mcp"));
        assert_eq!(s.mcp_name, "docs");
        assert!(matches!(s.credentials, Credentials::Auth0Token(_)));

        let s = resolve(
            &[
                ("AUTH0_DOMAIN_PROD", "other.us.auth0.com"),
                ("AUTH0_MGMT_TOKEN", "plain"),
                ("AUTH0_CLIENT_ID_PROD", "id"),
                ("AUTH0_CLIENT_SECRET_PROD", "secret"),
            ],
            &["--env", "prod"],
        )
        .unwrap();
        assert_eq!(s.domain.unwrap().display, "other.us.auth0.com");
        assert!(matches!(
            s.credentials,
            Credentials::Auth0ClientCredentials { .. }
        ));

        // --all-envs never falls back to the plain credentials.
        let cli = crate::cli::Cli::try_parse_from([
            "authsetup",
            "plan",
            "--all-envs",
            "--config",
            &config,
        ])
        .unwrap();
        let env: HashMap<String, String> =
            [("AUTH0_MGMT_TOKEN".to_string(), "plain".to_string())].into();
        let all = Settings::resolve_all(
            &cli.global,
            &env,
            Terminal {
                stderr_is_tty: false,
            },
        )
        .unwrap();
        assert!(matches!(all[0].credentials, Credentials::None));
    }

    /// `registration` was `client` in earlier builds (and in issue #12's wording); files and
    /// command lines that still say so keep working, and the new name wins over neither.
    #[test]
    fn the_earlier_client_spelling_still_selects_the_registration() {
        use clap::Parser;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(
            &file,
            "domain = \"t.us.auth0.com\"\naudience = \"https://mcp.example.com/mcp\"\nclient = \"preregistered\"\n",
        )
        .unwrap();
        let config = file.display().to_string();
        let resolve = |extra: &[&str]| {
            let mut argv = vec!["authsetup", "plan", "--config", &config];
            argv.extend(extra);
            let cli = crate::cli::Cli::try_parse_from(argv).unwrap();
            let env: HashMap<String, String> =
                [("AUTH0_MGMT_TOKEN".to_string(), "t".to_string())].into();
            let terminal = Terminal {
                stderr_is_tty: false,
            };
            Settings::resolve(&cli.global, &env, terminal).unwrap()
        };
        assert_eq!(resolve(&[]).client_mode, ClientMode::Preregistered);
        assert_eq!(resolve(&["--client", "dcr"]).client_mode, ClientMode::Dcr);
        assert_eq!(
            resolve(&["--registration", "dcr"]).client_mode,
            ClientMode::Dcr
        );
    }

    #[test]
    fn line_and_column() {
        assert_eq!(line_col("a\nbc\n", 3), (2, 2));
        assert_eq!(line_col("abc", 0), (1, 1));
    }

    #[test]
    fn scopes_are_rfc_6749_tokens_listed_once_and_none_reserved() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            validate_scopes(&list(&[" mcp:read", "tools/write!"]), "--scopes").unwrap(),
            list(&["mcp:read", "tools/write!"])
        );
        for bad in [
            &["a b"][..],
            &["say\"hi\""],
            &["back\\slash"],
            &["caf\u{e9}"],
            &[""],
            &[],
            &["mcp", "mcp"],
            &["openid"],
            &["offline_access"],
        ] {
            let err = validate_scopes(&list(bad), "--scopes").unwrap_err();
            assert!(
                err.message.starts_with("--scopes"),
                "{bad:?}: {}",
                err.message
            );
            assert!(err.hint.is_some());
        }
        assert!(validate_scopes(&list(&[&"x".repeat(281)]), "--scopes").is_err());
    }
}
