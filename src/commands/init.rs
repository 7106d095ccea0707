//! `authsetup init`: the guided setup. The wizard only fills in `Settings`; the plan, the apply
//! and the files are the same code as `apply` and `codex config`, so the wizard and a CI run given
//! the same answers end in the same tenant and the same files.

use std::path::{Path, PathBuf};

use dialoguer::{Input, MultiSelect, Password, Select};
use secrecy::SecretString;
use serde_json::json;

use crate::cli::{GlobalArgs, InitArgs};
use crate::clients::{McpClient, Scope};
use crate::codex::config::{self as codex_file, snippet};
use crate::error::{AppError, Result};
use crate::files::atomic::{self, write_atomic};
use crate::http::Http;
use crate::output::Printer;
use crate::provider::{self, Step};
use crate::settings::{
    self, ClientMode, Credentials, FileSettings, ProcessEnv, ProviderKind, Settings, parse_domain,
    validate_api_name, validate_audience, validate_env_file, validate_mcp_name, validate_mcp_url,
};

use super::prompt::{self, TerminalGuard, on_prompt_thread};
use super::provision::{self, Mode};
use super::{client, codex};

const PROVIDERS: [ProviderKind; 2] = [ProviderKind::Auth0, ProviderKind::Okta];

pub async fn run(
    global: &GlobalArgs,
    mut settings: Settings,
    printer: &Printer,
    args: &InitArgs,
) -> Result<()> {
    if settings.servers.len() > 1 {
        return Err(AppError::usage(
            format!(
                "init sets up one MCP server, and the settings file declares {}",
                settings.servers.len()
            ),
            "run `authsetup apply` and `authsetup codex config --write` for all of them, or pick one with --mcp-name NAME",
        ));
    }
    // JSON output is for programs, which cannot answer questions.
    let wizard = prompt::can_ask(&settings, printer).then(|| Wizard::new(settings.color));
    let clients = match &wizard {
        Some(w) => w.ask(&mut settings, printer).await?,
        None => {
            complete(&mut settings)?;
            let mut clients: Vec<McpClient> = match &args.clients {
                Some(list) => list.iter().map(|c| McpClient::from(*c)).collect(),
                None => settings.clients.clone().unwrap_or_default(),
            };
            if args.write_codex_config && !clients.contains(&McpClient::Codex) {
                clients.insert(0, McpClient::Codex);
            }
            clients.dedup();
            clients
        }
    };
    if let Some(path) = &args.write_config {
        save_answers(path, &settings, global.codex_home.as_deref(), &clients)?;
        printer.success(format!(
            "saved the answers to {} (credentials are never saved)",
            path.display()
        ));
    }

    check_client_configs(&settings, &clients)?;
    // A client authsetup registers must allow the redirect URIs of every MCP client picked here.
    settings.clients = Some(clients.clone());
    let mut prepared = provision::prepare(
        &settings,
        printer,
        &Step::ALL,
        true,
        Mode::Apply,
        provision::Direction::Forward,
    )
    .await?;
    if let Some(w) = &wizard {
        prepared.show(printer);
        if prepared.plan.writes() > 0 && !w.confirm(provision::CONFIRM_APPLY, false).await? {
            printer.line("Nothing was changed.");
            return Ok(());
        }
    }
    let plan = prepared.apply(printer).await?;

    let write_codex_config = clients.contains(&McpClient::Codex);
    let server = codex::server(&settings, plan.outputs.client_id.clone(), None)?;
    let mut changes = plan.changes;
    let mut warnings = plan.warnings;
    // The wizard warned when the URL was typed; a CI log gets it here.
    if wizard.is_none()
        && let Some(w) = codex::audience_warning(&settings, &server)
    {
        printer.warn(&w);
        warnings.push(w);
    }
    let redirect = codex::redirect_uri(&settings, &server)?;
    // With no client chosen, Codex's entry is printed, as before clients could be chosen.
    let printed = if write_codex_config {
        changes.push(codex::write(&settings, printer, &server)?);
        None
    } else if !clients.is_empty() {
        None
    } else if printer.is_json() {
        Some(snippet(&server))
    } else {
        codex::print_snippet(&settings, printer, &server, "--write-codex-config");
        None
    };
    if let Some(r) = &redirect {
        printer.line(format!("The OAuth client must allow the redirect URI {r}"));
    }
    let mut client_redirects = serde_json::Map::new();
    let json_server = client::server(&settings, plan.outputs.client_id.clone())?;
    for &c in clients.iter().filter(|c| **c != McpClient::Codex) {
        changes.push(client::write(printer, c, Scope::Project, &json_server)?);
        for w in client::warnings(&settings, c, &json_server)
            .into_iter()
            .skip(1)
        {
            printer.warn(&w);
            warnings.push(w);
        }
        let redirects = client::redirect_uris(c, &json_server)?;
        client::explain_redirects(printer, &redirects);
        client_redirects.insert(c.id().to_owned(), json!(redirects));
    }
    let mut next = vec![format!(
        "start the MCP server with the values in {}",
        settings.env_file.display()
    )];
    if clients.is_empty() {
        next.push("add the Codex config above to Codex's config.toml".into());
        next.push(client::next_step(McpClient::Codex, &json_server));
    }
    next.extend(clients.iter().map(|c| client::next_step(*c, &json_server)));
    printer.line("");
    printer.heading("Next steps:");
    for (i, step) in next.iter().enumerate() {
        printer.line(format!("  {}. {step}", i + 1));
    }
    if printer.is_json() {
        printer.json(&json!({
            "changes": changes,
            "warnings": warnings,
            "applied": true,
            "codex_config_snippet": printed,
            "redirect_uri": redirect,
            "clients": clients.iter().map(|c| c.id()).collect::<Vec<_>>(),
            "client_redirect_uris": client_redirects,
            "next_steps": next,
        }));
    }
    Ok(())
}

/// Without a wizard every value comes from flags, environment or file. The MCP URL may be left
/// out when the audience is the server's URL, which is the recommended setup and the wizard's
/// default.
fn complete(settings: &mut Settings) -> Result<()> {
    settings.require_domain()?;
    let audience = settings.require_audience()?.to_string();
    if settings.mcp_url.is_none() {
        let url = validate_mcp_url(&audience).map_err(|_| {
            AppError::usage(
                "the MCP server URL is missing",
                "pass --mcp-url or set MCP_URL (it defaults to the audience only when that is an http(s) URL)",
            )
        })?;
        settings.mcp_url = Some(url);
    }
    Ok(())
}

/// The clients' configs are written after the tenant changes, so whatever would stop those
/// writes is found before the first request: each file parses and takes the merge, its symlink
/// stays in its folder, and the folder takes new files.
fn check_client_configs(settings: &Settings, clients: &[McpClient]) -> Result<()> {
    let refused = |message: String| {
        AppError::usage(
            message,
            "nothing has been changed yet; fix that, or leave that client out of --clients (and --write-codex-config) to print the Codex entry instead",
        )
    };
    for &c in clients {
        let path = match c {
            McpClient::Codex => {
                let server = codex::provisional_server(settings, None, None)?;
                let path = settings.codex_home()?.join("config.toml");
                codex_file::check(&path, &server).map_err(|e| refused(e.to_string()))?;
                path
            }
            _ => {
                client::check(settings, c, Scope::Project, None).map_err(|e| refused(e.message))?;
                client::config_path(c, Scope::Project)?
            }
        };
        let target = atomic::resolve_target(&path).map_err(|e| refused(e.to_string()))?;
        atomic::check_writable(&target)
            .map_err(|e| refused(format!("{e}, so {} cannot be written", path.display())))?;
    }
    Ok(())
}

fn mode_name(mode: impl clap::ValueEnum) -> String {
    mode.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// Saves what `Settings` reads back from a file: the answers, never the credentials.
fn save_answers(
    path: &Path,
    settings: &Settings,
    codex_home: Option<&Path>,
    clients: &[McpClient],
) -> Result<()> {
    let auth0 = settings.provider == ProviderKind::Auth0;
    let answers = FileSettings {
        provider: Some(settings.provider.as_str().to_string()),
        domain: settings.domain.as_ref().map(|d| d.display.clone()),
        audience: settings.audience.clone(),
        api_name: settings.api_name.clone(),
        connection: Some(settings.connection.clone()),
        mcp_name: Some(settings.mcp_name.clone()),
        mcp_url: settings.mcp_url.clone(),
        env_file: Some(settings.env_file.clone()),
        // Only when chosen: the default follows $HOME, which differs between machines.
        codex_home: codex_home.map(Path::to_path_buf),
        callback_port: Some(i64::from(settings.callback_port)),
        // Okta has no modes; an Auth0 tenant is replayed in the modes it was set up with. An
        // audience mode left to the tenant stays so: the tenant that apply set up decides it the
        // same way again.
        audience_mode: settings.audience_mode.filter(|_| auth0).map(mode_name),
        registration: auth0.then(|| mode_name(settings.client_mode)),
        management_domain: settings
            .management_domain
            .as_ref()
            .map(|d| d.display.clone()),
        clients: (!clients.is_empty()).then(|| clients.iter().map(|c| c.id().to_owned()).collect()),
        ..FileSettings::default()
    };
    let body = toml::to_string(&answers)
        .map_err(|e| AppError::failed(format!("cannot encode the answers: {e}")))?;
    let text = format!(
        "# authsetup settings, written by `authsetup init`. Credentials are not stored here;\n\
         # give them through the environment (see `authsetup --help`).\n\n{body}"
    );
    write_atomic(path, text.as_bytes())
        .map_err(|e| AppError::failed(format!("cannot write {}: {e}", path.display())))
}

/// The questions, asked on stderr. Each prompt runs on its own thread so that Ctrl-C, which
/// `main` waits for, can end the run while a prompt still blocks on the terminal.
struct Wizard {
    color: bool,
    _terminal: TerminalGuard,
}

impl Wizard {
    fn new(color: bool) -> Self {
        Wizard {
            color,
            _terminal: TerminalGuard::save(),
        }
    }

    /// Fills `settings` with the answers; returns the clients whose config to write.
    async fn ask(&self, settings: &mut Settings, printer: &Printer) -> Result<Vec<McpClient>> {
        printer.heading("authsetup init: put an MCP server behind your tenant for Codex");
        printer.line("Nothing is changed before you confirm the plan; Ctrl-C quits at any time.\n");

        let names: Vec<String> = PROVIDERS.iter().map(|p| p.as_str().to_string()).collect();
        let current = PROVIDERS
            .iter()
            .position(|p| *p == settings.provider)
            .unwrap_or(0);
        let provider = PROVIDERS[self.select("Identity provider", names, current).await?];
        if provider != settings.provider {
            // The environment was read for the other provider's variables.
            settings.provider = provider;
            (settings.credentials, settings.credentials_source) =
                settings::resolve_credentials(provider, false, &ProcessEnv)?;
        }

        let domain_default = settings.domain.as_ref().map(|d| d.display.clone());
        settings.domain = Some(
            self.text("Tenant domain", domain_default, parse_domain)
                .await?,
        );

        match settings.credentials_source {
            Some(source) => printer.success(format!("using the credentials from {source}")),
            None => {
                settings.credentials = self.credentials(provider).await?;
                settings.credentials_source = Some("the prompt");
            }
        }

        let audience_default = settings.audience.clone().or(settings.mcp_url.clone());
        let audience = self
            .text(
                "API identifier (audience; usually the MCP server URL)",
                audience_default,
                validate_audience,
            )
            .await?;
        settings.api_name = self.api_name(settings.api_name.clone()).await?;
        settings.mcp_name = self
            .text(
                "MCP server name in Codex",
                Some(settings.mcp_name.clone()),
                validate_mcp_name,
            )
            .await?;
        let url_default = settings
            .mcp_url
            .clone()
            .or_else(|| validate_mcp_url(&audience).ok());
        let url = self
            .text("MCP server URL", url_default, validate_mcp_url)
            .await?;
        if let Some(w) = crate::codex::warn_url_vs_audience(&url, &audience) {
            printer.warn(w);
        }
        settings.audience = Some(audience);
        settings.mcp_url = Some(url);

        if provider == ProviderKind::Auth0 {
            settings.client_mode = self.registration(settings.client_mode).await?;
        }
        settings.connection = self.connection(settings, printer).await?;

        let env_default = settings.env_file.display().to_string();
        settings.env_file = self
            .text(
                "The MCP server's .env file",
                Some(env_default),
                |raw: &str| {
                    let path = PathBuf::from(raw);
                    validate_env_file(&path).map(|()| path)
                },
            )
            .await?;

        self.clients(settings).await
    }

    /// The MCP clients to write the server into, each with its file; Codex preselected, or what
    /// AUTHSETUP_CLIENTS or the settings file chose.
    async fn clients(&self, settings: &Settings) -> Result<Vec<McpClient>> {
        let chosen = settings
            .clients
            .clone()
            .unwrap_or_else(|| vec![McpClient::Codex]);
        let mut items = Vec::new();
        for c in McpClient::ALL {
            let file = match c {
                McpClient::Codex => settings.codex_home()?.join("config.toml"),
                _ => client::config_path(c, Scope::Project)?,
            };
            items.push((
                format!("{} ({})", c.display_name(), file.display()),
                chosen.contains(&c),
            ));
        }
        let picked = on_prompt_thread(self.color, move |theme| {
            MultiSelect::with_theme(theme)
                .with_prompt(
                    "Add the server to these MCP clients' config (space toggles, enter accepts)",
                )
                .items_checked(items)
                .interact()
        })
        .await?;
        Ok(picked.into_iter().map(|i| McpClient::ALL[i]).collect())
    }

    /// How authsetup signs in to the provider's management API. Auth0 offers a token or a
    /// machine-to-machine application's id and secret (the sandbox and the README's set-up give
    /// the latter); an empty answer says where to find the value instead of asking again in
    /// silence.
    async fn credentials(&self, provider: ProviderKind) -> Result<Credentials> {
        if provider == ProviderKind::Okta {
            let token = self
                .secret(
                    "Okta API token (input hidden)",
                    "paste an API token: Okta Admin Console → Security → API → Tokens → Create token \
                     (or set OKTA_CLIENT_ID and OKTA_PRIVATE_KEY for a service app and run again)",
                )
                .await?;
            return Ok(Credentials::OktaToken(token));
        }
        let ways = vec![
            "a Management API token".to_string(),
            "a machine-to-machine application's client id and secret".to_string(),
        ];
        if self
            .select("Sign in to the Auth0 Management API with", ways, 0)
            .await?
            == 0
        {
            let token = self
                .secret(
                    "Management API token (input hidden)",
                    "paste a token: Auth0 Dashboard → Applications → APIs → Auth0 Management API → \
                     API Explorer → Copy Token (it expires; a machine-to-machine application does not)",
                )
                .await?;
            return Ok(Credentials::Auth0Token(token));
        }
        let client_id = self
            .text(
                "Client ID of the machine-to-machine application",
                None,
                validate_client_id,
            )
            .await?;
        let client_secret = self
            .secret(
                "Client secret (input hidden)",
                "paste the secret from the application's Settings tab in the Auth0 Dashboard \
                 (Applications → Applications → your machine-to-machine app)",
            )
            .await?;
        Ok(Credentials::Auth0ClientCredentials {
            client_id,
            client_secret,
        })
    }

    /// The login connection, picked from the tenant's own list.
    async fn connection(&self, settings: &Settings, printer: &Printer) -> Result<String> {
        printer.line("Reading the tenant's connections…");
        let tenant = provider::connect(settings, Http::new(settings)?)?;
        let connections = tenant.connections().await.map_err(AppError::from_api)?;
        if connections.is_empty() {
            return Err(
                AppError::failed("the tenant has no connection to sign in with").with_hint(
                    "create one in the dashboard, or pass --connection NAME --create-connection",
                ),
            );
        }
        let current = connections
            .iter()
            .position(|c| c.name == settings.connection)
            .unwrap_or(0);
        let items = connections.iter().map(ToString::to_string).collect();
        let picked = self
            .select("Login connection for Codex users", items, current)
            .await?;
        Ok(connections[picked].name.clone())
    }

    /// Auth0 only: Okta has no open DCR, so there Codex's client is always registered.
    async fn registration(&self, current: ClientMode) -> Result<ClientMode> {
        const MODES: [ClientMode; 2] = [ClientMode::Dcr, ClientMode::Preregistered];
        let items = vec![
            "each MCP client registers itself (open Dynamic Client Registration)".to_string(),
            "authsetup registers Codex's client (least privilege: no open DCR, the connection is not opened to every application)".to_string(),
        ];
        let current = MODES.iter().position(|m| *m == current).unwrap_or(0);
        let picked = self
            .select("How MCP clients get an OAuth client", items, current)
            .await?;
        Ok(MODES[picked])
    }

    /// The API's display name; empty leaves an existing API's name alone and names a new one
    /// with the provider's default.
    async fn api_name(&self, current: Option<String>) -> Result<Option<String>> {
        let color = self.color;
        let answer = on_prompt_thread(color, move |theme| {
            let mut input = Input::<String>::with_theme(theme)
                .with_prompt("API display name (empty: keep it or use the default)")
                .allow_empty(true)
                .validate_with(|v: &String| {
                    if v.is_empty() {
                        Ok(())
                    } else {
                        validate_api_name(v).map(drop).map_err(reason)
                    }
                });
            if let Some(c) = current {
                input = input.default(c);
            }
            input.interact_text()
        })
        .await?;
        Ok(Some(answer).filter(|a| !a.is_empty()))
    }

    /// A line of text, asked again with the reason until `check` accepts it.
    async fn text<T: 'static>(
        &self,
        prompt: &str,
        default: Option<String>,
        check: fn(&str) -> Result<T>,
    ) -> Result<T> {
        let prompt = prompt.to_string();
        let answer = on_prompt_thread(self.color, move |theme| {
            let mut input = Input::<String>::with_theme(theme)
                .with_prompt(prompt)
                .validate_with(move |v: &String| check(v).map(drop).map_err(reason));
            if let Some(d) = default {
                input = input.default(d);
            }
            input.interact_text()
        })
        .await?;
        check(&answer)
    }

    /// Hidden input; an empty answer shows `when_empty` and asks again.
    async fn secret(&self, prompt: &str, when_empty: &'static str) -> Result<SecretString> {
        let prompt = prompt.to_string();
        let answer = on_prompt_thread(self.color, move |theme| {
            Password::with_theme(theme)
                .with_prompt(prompt)
                .allow_empty_password(true)
                .validate_with(move |v: &String| {
                    if v.trim().is_empty() {
                        Err(when_empty)
                    } else {
                        Ok(())
                    }
                })
                .interact()
        })
        .await?;
        Ok(SecretString::from(answer.trim().to_string()))
    }

    async fn select(&self, prompt: &str, items: Vec<String>, default: usize) -> Result<usize> {
        let prompt = prompt.to_string();
        on_prompt_thread(self.color, move |theme| {
            Select::with_theme(theme)
                .with_prompt(prompt)
                .items(&items)
                .default(default)
                .interact()
        })
        .await
    }

    async fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        prompt::confirm(self.color, prompt, default).await
    }
}

/// An OAuth client id as Auth0 shows it: one word, nothing to trim.
fn validate_client_id(raw: &str) -> Result<String> {
    if raw.is_empty() || raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::usage(
            "a client id is one word without spaces",
            "copy it from the application's Settings tab in the Auth0 Dashboard",
        ));
    }
    Ok(raw.to_string())
}

/// What dialoguer shows under a rejected answer: the validator's message and how to fix it.
fn reason(e: AppError) -> String {
    match e.hint {
        Some(hint) => format!("{}; {hint}", e.message),
        None => e.message,
    }
}
