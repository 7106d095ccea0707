//! Command-line definitions only. Help, completions and the man page are all generated from
//! these types, so a flag is described in exactly one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "authsetup",
    version,
    about = "Put an MCP server behind Auth0 or Okta so Codex CLI and other MCP clients can log in with OAuth",
    long_about = "Put an MCP server behind Auth0 or Okta so Codex CLI and other MCP clients can log in \
with OAuth (Dynamic Client Registration + Authorization Code + PKCE).\n\n\
Every command reads the tenant, computes the changes, and applies or prints them. \
Settings come from flags, then environment variables, then authsetup.toml, then defaults.",
    after_help = "Examples:\n  authsetup demo\n  authsetup plan --domain tenant.us.auth0.com --audience https://mcp.example.com/mcp\n  authsetup apply --yes\n  authsetup doctor --mcp-url https://mcp.example.com/mcp",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Guided setup: asks for the values, shows the plan, applies it and writes the files
    #[command(
        long_about = "Guided setup: asks for the values, shows the plan, applies it after a confirmation, \
writes the .env and the Codex config, and prints the next steps.\n\n\
It asks only when standard input and standard error are terminals. With --yes, CI set, --output json \
or no terminal, every value comes from flags, environment or authsetup.toml, and a missing one is an \
error naming its flag and variable.",
        after_help = "Examples:\n  authsetup init\n  authsetup init --write-config authsetup.toml\n  CI=1 authsetup init --domain tenant.us.auth0.com --write-codex-config \\\n      --audience https://mcp.example.com/mcp"
    )]
    Init(InitArgs),
    /// Print every change `apply` would make, field by field; writes nothing
    #[command(
        after_help = "Exit codes: 0 the plan was made (with --exit-code: nothing to change), 1 error, 2 bad input, \
3 with --exit-code: changes are pending.\n\n\
Examples:\n  authsetup plan --audience https://mcp.example.com/mcp\n  authsetup plan --output json\n  authsetup plan --exit-code   # in CI: fails with 3 on drift"
    )]
    Plan(PlanArgs),
    /// Make the tenant match the desired state, then write the .env file
    #[command(
        after_help = "On a terminal it shows the plan and asks before changing anything (the default \
answer is no); not with --yes, CI set, --output json, or standard input not a terminal. The step \
commands ask the same way.\n\n\
Examples:\n  authsetup apply --audience https://mcp.example.com/mcp\n  authsetup apply --yes\n  authsetup apply --output json"
    )]
    Apply,
    /// Undo what apply did: delete what it created, put back the tenant values it replaced
    #[command(
        long_about = "Undo what apply did: delete what it created (the API, its default grant for \
third-party clients) and put back the tenant values it replaced (default audience, DCR flags, the \
connection's domain level) to what they were before authsetup first changed them. What authsetup \
did is recorded in .authsetup-state.json beside authsetup.toml at every apply, and on the objects \
that have a field for it (the Auth0 client it registers for Codex, the Okta app, authorization \
server and policy) as the mark \"managed by authsetup\": without a record of the tenant, destroy \
takes the marked objects of this setup and says what else it cannot undo. Nothing it did not \
create is deleted, and a value someone changed since is left as it is.",
        after_help = "On a terminal it shows the plan and asks first (the default answer is no); not with \
--yes, CI set, --output json, or standard input not a terminal.\n\n\
Examples:\n  authsetup plan --destroy\n  authsetup destroy\n  authsetup destroy --yes --output json"
    )]
    Destroy,
    /// Third-party applications that MCP clients registered through DCR
    #[command(subcommand, after_help = CLIENTS_EXAMPLES)]
    Clients(ClientsCommand),
    /// Step: the API whose identifier is the audience
    #[command(subcommand, after_help = API_EXAMPLES)]
    Api(ApiCommand),
    /// Step: the tenant-wide default audience (Auth0)
    #[command(subcommand, after_help = TENANT_EXAMPLES)]
    Tenant(TenantCommand),
    /// Step: Dynamic Client Registration (Auth0) or the pre-registered client replacing it (Okta)
    #[command(subcommand, after_help = DCR_EXAMPLES)]
    Dcr(DcrCommand),
    /// Step: API access policy (users allowed, machines denied) and the default third-party grant
    #[command(subcommand, after_help = POLICY_EXAMPLES)]
    Policy(PolicyCommand),
    /// Step: the login connection, promoted to domain level (Auth0)
    #[command(subcommand, after_help = CONNECTION_EXAMPLES)]
    Connection(ConnectionCommand),
    /// Step: the MCP server's .env file
    #[command(subcommand, after_help = ENV_EXAMPLES)]
    Env(EnvCommand),
    /// Codex CLI configuration for the MCP server (`client config codex`)
    #[command(subcommand, after_help = CODEX_EXAMPLES)]
    Codex(CodexCommand),
    /// MCP client configuration: Codex CLI, Claude Code, Gemini CLI, VS Code, Cursor
    #[command(subcommand, after_help = CLIENT_EXAMPLES)]
    Client(ClientCommand),
    /// Check the tenant, the OAuth endpoints, the MCP server and the Codex config; changes nothing
    #[command(
        after_help = "Examples:\n  authsetup doctor\n  authsetup doctor --mcp-url https://mcp.example.com/mcp --output json"
    )]
    Doctor(DoctorArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  authsetup completions bash > /etc/bash_completion.d/authsetup\n  authsetup completions zsh > ~/.zfunc/_authsetup"
    )]
    Completions {
        /// The shell to generate for
        shell: clap_complete::Shell,
    },
    /// Serve an emulated tenant on loopback for offline development and tests
    #[command(
        after_help = "The export lines go to standard output, which is closed after them, so \
`eval \"$(authsetup sandbox &)\"` returns once the sandbox accepts connections; the issuer, JWKS \
and test user go to standard error. It runs until Ctrl-C (exit 0) or `kill $AUTHSETUP_SANDBOX_PID`.\n\n\
Examples:\n  eval \"$(authsetup sandbox &)\"; authsetup plan --audience urn:demo; kill \"$AUTHSETUP_SANDBOX_PID\"\n  authsetup sandbox --port 8787 --export-file sandbox.env\n  authsetup sandbox --provider okta"
    )]
    Sandbox(SandboxArgs),
    /// Run the whole setup against a built-in sandbox tenant and show the result
    #[command(after_help = "Examples:\n  authsetup demo")]
    Demo,
    /// Print the manual page (roff), or write one page per command with --out-dir
    #[command(
        after_help = "Examples:\n  authsetup man | man -l -\n  authsetup man --out-dir /usr/local/share/man/man1"
    )]
    Man(ManArgs),
}

// Group and step share their examples: `authsetup api --help` and `authsetup api create --help`
// answer the same question.
const API_EXAMPLES: &str = "Examples:\n  authsetup api create --audience https://mcp.example.com/mcp\n  authsetup api create --audience https://mcp.example.com/mcp --api-name \"Docs MCP\"\n  authsetup api delete --audience https://mcp.example.com/mcp";
const CLIENTS_EXAMPLES: &str = "Examples:\n  authsetup clients list\n  authsetup clients prune --older-than 7d --name 'Codex*'\n  authsetup clients prune --older-than 7d --name 'Codex*' --yes";
const TENANT_EXAMPLES: &str = "Examples:\n  authsetup tenant default-audience --audience https://mcp.example.com/mcp\n  authsetup tenant default-audience --replace-default-audience";
const DCR_EXAMPLES: &str = "Examples:\n  authsetup dcr enable\n  authsetup dcr enable --output json\n  authsetup dcr disable";
const POLICY_EXAMPLES: &str =
    "Examples:\n  authsetup policy set --audience https://mcp.example.com/mcp";
const CONNECTION_EXAMPLES: &str = "Examples:\n  authsetup connection promote\n  authsetup connection promote google-oauth2\n  authsetup connection promote Corp-Users --create-connection\n  authsetup connection demote";
const ENV_EXAMPLES: &str =
    "Examples:\n  authsetup env write\n  authsetup env write --env-file server/.env";
const CODEX_EXAMPLES: &str = "Examples:\n  authsetup codex config --mcp-name docs --mcp-url https://mcp.example.com/mcp\n  authsetup codex config --write";

const CLIENT_EXAMPLES: &str = "Examples:\n  authsetup client config claude --mcp-name docs --mcp-url https://mcp.example.com/mcp\n  authsetup client config gemini --scope user --write\n  authsetup client config codex --write   # the same as `authsetup codex config --write`";

#[derive(Debug, Subcommand)]
pub enum ApiCommand {
    /// Create or update the API (Auth0 resource server) whose identifier is the audience
    #[command(after_help = API_EXAMPLES)]
    Create,
    /// Delete the API and its default grant, if authsetup created them (else put back what it changed)
    #[command(after_help = API_EXAMPLES)]
    Delete,
}

#[derive(Debug, Subcommand)]
pub enum TenantCommand {
    /// Set the tenant default audience to the API identifier
    #[command(after_help = TENANT_EXAMPLES)]
    DefaultAudience,
}

#[derive(Debug, Subcommand)]
pub enum DcrCommand {
    /// Enable Dynamic Client Registration
    #[command(after_help = DCR_EXAMPLES)]
    Enable,
    /// Put the DCR flags back to what they were before authsetup enabled them
    #[command(after_help = DCR_EXAMPLES)]
    Disable,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Allow user access, deny client access, and add the default grant for third-party clients
    #[command(after_help = POLICY_EXAMPLES)]
    Set,
}

#[derive(Debug, Subcommand)]
pub enum ConnectionCommand {
    /// Make sure the login connection exists and is domain-level
    #[command(after_help = CONNECTION_EXAMPLES)]
    Promote {
        /// Connection name (overrides --connection)
        name: Option<String>,
    },
    /// Demote the connections authsetup promoted back from domain level
    #[command(after_help = CONNECTION_EXAMPLES)]
    Demote,
}

#[derive(Debug, Subcommand)]
pub enum ClientsCommand {
    /// List the applications MCP clients registered through DCR
    #[command(after_help = CLIENTS_EXAMPLES)]
    List(ClientsFilter),
    /// Delete them: lists what it would delete unless --yes is given
    #[command(after_help = CLIENTS_EXAMPLES)]
    Prune(ClientsFilter),
}

#[derive(Debug, Args)]
pub struct ClientsFilter {
    /// Only applications registered longer ago than this, e.g. 7d, 12h (their registration must
    /// still be in the tenant's logs)
    #[arg(long, value_name = "AGE", value_parser = humantime::parse_duration)]
    pub older_than: Option<std::time::Duration>,
    /// Only applications whose name matches this pattern (* matches anything), e.g. 'Codex*'
    #[arg(long, value_name = "PATTERN")]
    pub name: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum EnvCommand {
    /// Write the tenant's values into the MCP server's .env file
    #[command(after_help = ENV_EXAMPLES)]
    Write,
}

#[derive(Debug, Subcommand)]
pub enum CodexCommand {
    /// Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write
    #[command(after_help = CODEX_EXAMPLES)]
    Config(CodexConfigArgs),
}

#[derive(Debug, Args)]
pub struct CodexConfigArgs {
    /// Merge into the client's file ($CODEX_HOME/config.toml for Codex) instead of printing
    /// (comments and other servers kept)
    #[arg(long)]
    pub write: bool,
    /// Codex: where it stores the MCP OAuth tokens of every server [default: the one config.toml
    /// names, else file]; "file" works on headless machines without a keyring
    #[arg(long, value_enum)]
    pub credentials_store: Option<CredentialsStoreArg>,
    /// Pre-registered OAuth client id (skips Dynamic Client Registration)
    #[arg(long)]
    pub client_id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Print the client's config for the MCP server, or merge it into the client's file with --write
    #[command(
        long_about = "Print the client's config for the MCP server, or merge it into the client's file with --write.\n\n\
Files (--scope project, in the current folder / --scope user, in the home folder): codex \
$CODEX_HOME/config.toml; claude .mcp.json / ~/.claude.json; gemini .gemini/settings.json / \
~/.gemini/settings.json; vscode .vscode/mcp.json / the user mcp.json of VS Code; cursor \
.cursor/mcp.json / ~/.cursor/mcp.json. A merge keeps the other servers and keys, writes nothing \
when nothing changes, keeps the previous file as NAME.bak and refuses a file it cannot parse.",
        after_help = CLIENT_EXAMPLES
    )]
    Config(ClientConfigArgs),
}

#[derive(Debug, Args)]
pub struct ClientConfigArgs {
    /// The MCP client to configure
    #[arg(value_enum, value_name = "CLIENT")]
    pub mcp_client: ClientArg,
    /// The project's file (current folder) or the user's (home folder) [default: project]; not for codex
    #[arg(long, value_enum)]
    pub scope: Option<ScopeArg>,
    #[command(flatten)]
    pub config: CodexConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClientArg {
    Codex,
    Claude,
    Gemini,
    Vscode,
    Cursor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScopeArg {
    Project,
    User,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CredentialsStoreArg {
    File,
    Auto,
    Keyring,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Save the answers (never secrets) to this file for the next run and CI
    #[arg(long, value_name = "FILE")]
    pub write_config: Option<PathBuf>,
    /// Merge the server into $CODEX_HOME/config.toml instead of printing the snippet (the same as
    /// listing codex in --clients)
    #[arg(long)]
    pub write_codex_config: bool,
    /// The MCP clients whose config to write, comma-separated (the wizard asks, Codex preselected)
    /// [env: AUTHSETUP_CLIENTS]; JSON clients get the project's file
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLIENT,...")]
    pub clients: Option<Vec<ClientArg>>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Exit with 3 when there are changes to make, 0 when none (like `git diff --exit-code`)
    #[arg(long)]
    pub exit_code: bool,
    /// Plan every environment of the settings file at once, each with its own tenant and rate limit
    #[arg(long)]
    pub all_envs: bool,
    /// Show what `destroy` would undo instead
    #[arg(long)]
    pub destroy: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write authsetup.1 and one authsetup-COMMAND.1 per command into this folder
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Register a throw-away client through DCR the way Codex does, then delete it
    #[arg(long)]
    pub probe_dcr: bool,
}

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Also write the export lines to this file (mode 0600) once the sandbox accepts connections
    #[arg(long, value_name = "PATH")]
    pub export_file: Option<PathBuf>,
    /// Emulate a Management API rate limit of N requests per second (burst N), like the free tier's 2
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,
}

/// Auth0: how a token finds its API (`--audience-mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AudienceMode {
    /// The tenant's default audience: one MCP server per tenant, every application's tokens
    Default,
    /// The resource parameter (compatibility profile + issuer in responses): no default audience
    Resource,
}

/// Auth0: which client MCP clients log in with (`--registration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClientMode {
    /// Open Dynamic Client Registration: each `codex mcp login` registers a third-party app
    Dcr,
    /// One first-party client per MCP server that authsetup registers; no open DCR
    Preregistered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProviderArg {
    Auth0,
    Okta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputArg {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Help headings of the options every command accepts, so that a command's own options come
/// first in its help (newuser review 15).
const TENANT_OPTIONS: &str = "Tenant options";
const SERVER_OPTIONS: &str = "MCP server options";
const GLOBAL_OPTIONS: &str = "Global options";

/// Options every command accepts. Environment variables are read by `settings`, not by clap,
/// because which variable applies depends on the provider (AUTH0_DOMAIN vs OKTA_DOMAIN).
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]
    #[arg(long, global = true, value_enum, help_heading = TENANT_OPTIONS)]
    pub provider: Option<ProviderArg>,
    /// Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]
    #[arg(long, global = true, value_name = "DOMAIN", help_heading = TENANT_OPTIONS)]
    pub domain: Option<String>,
    /// API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]
    #[arg(long, global = true, value_name = "URI", help_heading = TENANT_OPTIONS)]
    pub audience: Option<String>,
    /// Display name of the API
    #[arg(long, global = true, value_name = "NAME", help_heading = TENANT_OPTIONS)]
    pub api_name: Option<String>,
    /// Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]
    #[arg(long, global = true, value_name = "NAME", help_heading = TENANT_OPTIONS)]
    pub connection: Option<String>,
    /// Okta: the group whose members may use the Codex client [default: Everyone]
    #[arg(long, global = true, value_name = "NAME", help_heading = TENANT_OPTIONS)]
    pub group: Option<String>,
    /// Create the connection when the tenant does not have it
    #[arg(long, global = true, help_heading = TENANT_OPTIONS)]
    pub create_connection: bool,
    /// Replace or clear a different tenant default audience (affects every application of the tenant)
    #[arg(long, global = true, help_heading = TENANT_OPTIONS)]
    pub replace_default_audience: bool,
    /// Auth0: how tokens get the API's audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]
    #[arg(long, global = true, value_enum, value_name = "MODE", help_heading = TENANT_OPTIONS)]
    pub audience_mode: Option<AudienceMode>,
    /// Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]
    // `--client` is the spelling issue #12 and earlier builds used; it sits too close to
    // `client config` and `--clients` (which MCP clients) to be the name shown.
    #[arg(long, global = true, alias = "client", value_enum, value_name = "MODE", help_heading = TENANT_OPTIONS)]
    pub registration: Option<ClientMode>,
    /// Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]
    #[arg(long, global = true, value_name = "DOMAIN", help_heading = TENANT_OPTIONS)]
    pub management_domain: Option<String>,
    /// The MCP server's name in Codex's config [default: mcp]
    #[arg(long, global = true, value_name = "NAME", help_heading = SERVER_OPTIONS)]
    pub mcp_name: Option<String>,
    /// The MCP server's URL [env: MCP_URL]
    #[arg(long, global = true, value_name = "URL", help_heading = SERVER_OPTIONS)]
    pub mcp_url: Option<String>,
    /// OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]
    #[arg(long, global = true, value_name = "LIST", value_delimiter = ',', help_heading = SERVER_OPTIONS)]
    pub scopes: Option<Vec<String>>,
    /// The MCP server's .env file [default: .env]
    #[arg(long, global = true, value_name = "PATH", help_heading = SERVER_OPTIONS)]
    pub env_file: Option<PathBuf>,
    /// Codex's home folder [env: CODEX_HOME] [default: ~/.codex]
    #[arg(long, global = true, value_name = "DIR", help_heading = SERVER_OPTIONS)]
    pub codex_home: Option<PathBuf>,
    /// Port of Codex's OAuth callback listener [default: 1455]
    #[arg(long, global = true, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..), help_heading = SERVER_OPTIONS)]
    pub callback_port: Option<u16>,
    /// The environment of the settings file ([env.NAME]) to use; its variables carry the suffix
    /// _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]
    #[arg(long, global = true, value_name = "NAME", help_heading = GLOBAL_OPTIONS)]
    pub env: Option<String>,
    /// Settings file [default: authsetup.toml when present]
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL_OPTIONS)]
    pub config: Option<PathBuf>,
    /// Read the Management API token from standard input
    #[arg(long, global = true, help_heading = TENANT_OPTIONS)]
    pub token_stdin: bool,
    /// Never prompt; take every value from flags, environment or file [env: CI]
    #[arg(long, short = 'y', global = true, help_heading = GLOBAL_OPTIONS)]
    pub yes: bool,
    /// Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]
    #[arg(long, global = true, value_enum, help_heading = GLOBAL_OPTIONS)]
    pub output: Option<OutputArg>,
    /// When to use colour [env: NO_COLOR disables it]
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, help_heading = GLOBAL_OPTIONS)]
    pub color: ColorArg,
    /// Trace every HTTP request on stderr (secrets redacted)
    #[arg(long, short = 'v', global = true, help_heading = GLOBAL_OPTIONS)]
    pub verbose: bool,
}
