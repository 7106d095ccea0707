//! `authsetup client config CLIENT`: the MCP server's entry for one MCP client, printed or merged
//! into the client's own file. Codex goes through `codex config`; the JSON clients through
//! `clients::json_config`. `init` writes the clients it was given with the same functions.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::cli::{ClientArg, ClientConfigArgs, ScopeArg};
use crate::clients::json_config;
use crate::clients::{McpClient, McpServer, Scope};
use crate::error::{AppError, Result};
use crate::files::atomic::Replaced;
use crate::http::Http;
use crate::output::Printer;
use crate::plan::{Action, Change};
use crate::provider;
use crate::settings::Settings;

use super::codex;

impl From<ClientArg> for McpClient {
    fn from(arg: ClientArg) -> Self {
        match arg {
            ClientArg::Codex => McpClient::Codex,
            ClientArg::Claude => McpClient::Claude,
            ClientArg::Gemini => McpClient::Gemini,
            ClientArg::Vscode => McpClient::VsCode,
            ClientArg::Cursor => McpClient::Cursor,
        }
    }
}

/// The MCP server as every client is told about it (Codex adds its credentials store).
/// `client_id` is a pre-registered client, given or made by the provider; `None` lets the client
/// register itself.
pub fn server(settings: &Settings, client_id: Option<String>) -> Result<McpServer> {
    let url = settings.mcp_url.clone().ok_or_else(|| {
        AppError::usage(
            "the MCP server URL is missing",
            "pass --mcp-url or set MCP_URL, e.g. https://mcp.example.com/mcp",
        )
    })?;
    let scopes = match client_id {
        Some(_) => provider::preregistered_client_scopes(settings),
        None => Vec::new(),
    };
    Ok(McpServer {
        name: settings.mcp_name.clone(),
        url,
        client_id,
        scopes,
        callback_port: settings.callback_port,
    })
}

/// The client's file for `scope`: the project's is in the current folder, the user's in HOME.
pub fn config_path(client: McpClient, scope: Scope) -> Result<PathBuf> {
    let project = std::env::current_dir()
        .map_err(|e| AppError::failed(format!("cannot read the current folder: {e}")))?;
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    let home = match (scope, home) {
        (_, Some(h)) => PathBuf::from(h),
        (Scope::Project, None) => project.clone(),
        (Scope::User, None) => {
            return Err(AppError::usage(
                format!(
                    "HOME is not set, so {}'s user config file is unknown",
                    client.display_name()
                ),
                "set HOME, or use --scope project",
            ));
        }
    };
    Ok(client
        .config_file(scope, &project, &home)
        .expect("a JSON client has a file"))
}

/// Checks, before any request, that [`write`] will take the entry.
pub fn check(
    settings: &Settings,
    client: McpClient,
    scope: Scope,
    client_id: Option<String>,
) -> Result<()> {
    let stand_in = codex::provisional_server(settings, client_id, None)?.client_id;
    json_config::check(
        client,
        &config_path(client, scope)?,
        &server(settings, stand_in)?,
    )?;
    Ok(())
}

/// Merges the entry into the client's file, tells people, and returns the change for JSON output.
pub fn write(
    printer: &Printer,
    client: McpClient,
    scope: Scope,
    server: &McpServer,
) -> Result<Change> {
    let path = config_path(client, scope)?;
    let outcome = json_config::write(client, &path, server, || {
        printer.line("waiting for another authsetup run on the same files to finish…")
    })?;
    let action = report_write(printer, &path, &outcome);
    Ok(Change::new(
        format!("{}_config:{}", client.id(), path.display()),
        action,
    ))
}

/// Tells people what a write did to a client's file; the change it was, for JSON output.
pub fn report_write(printer: &Printer, path: &Path, replaced: &Replaced) -> Action {
    match replaced {
        Replaced::Created => {
            printer.success(format!("wrote {}", path.display()));
            Action::Create
        }
        Replaced::Updated { backup } => {
            printer.success(format!(
                "updated {} (previous version in {})",
                path.display(),
                backup.display()
            ));
            Action::Update
        }
        Replaced::Unchanged => {
            printer.success(format!(
                "{} already has this server; nothing changed",
                path.display()
            ));
            Action::None
        }
    }
}

/// The redirect URIs the tenant's client must allow when `server` names a pre-registered one.
pub fn redirect_uris(client: McpClient, server: &McpServer) -> Result<Vec<String>> {
    if server.client_id.is_none() {
        return Ok(Vec::new());
    }
    client
        .redirect_uris(&server.url, server.callback_port)
        .map_err(|e| {
            AppError::usage(
                format!("the MCP URL cannot be parsed: {e}"),
                "pass a full URL to --mcp-url",
            )
        })
}

/// What the user does next in the client to sign in.
pub fn next_step(client: McpClient, server: &McpServer) -> String {
    let name = &server.name;
    match client {
        McpClient::Codex => format!("codex mcp login {name}"),
        McpClient::Claude => format!("claude mcp get {name}, then sign in with /mcp inside claude"),
        // Gemini 0.61.0's sign-in at start-up ignores a configured client id and tries DCR;
        // `/mcp auth` uses it.
        McpClient::Gemini if server.client_id.is_some() => {
            format!("gemini -p '/mcp auth {name}' (or /mcp auth {name} inside gemini)")
        }
        McpClient::Gemini => {
            format!("gemini, which offers to sign in to {name} as it starts (or /mcp auth {name})")
        }
        McpClient::VsCode => {
            format!("start {name} from mcp.json in VS Code; it signs in on first use")
        }
        McpClient::Cursor => {
            format!("enable {name} under Cursor Settings → MCP; it signs in on first use")
        }
    }
}

/// What the user must know about this entry: an audience the client cannot use, a client id
/// the client cannot be told.
pub fn warnings(settings: &Settings, client: McpClient, server: &McpServer) -> Vec<String> {
    let audience = settings
        .audience
        .as_deref()
        .and_then(|aud| crate::codex::warn_url_vs_audience(&server.url, aud));
    audience
        .into_iter()
        .chain(client_id_warning(client, server))
        .collect()
}

/// The client authsetup registers allows the redirect URIs of Codex and of the MCP clients the
/// settings name (`clients`), and no others: another client given its id would be refused.
fn unallowed_redirect_warning(
    settings: &Settings,
    client: McpClient,
    server: &McpServer,
) -> Option<String> {
    let named = settings.clients.iter().flatten().any(|c| *c == client);
    (server.client_id.is_some() && client != McpClient::Codex && !named).then(|| {
        format!(
            "the client authsetup registered allows {}'s redirect URI only once {} is among the settings' clients: add it to clients in authsetup.toml (or AUTHSETUP_CLIENTS) and run `authsetup apply`",
            client.display_name(),
            client.id()
        )
    })
}

/// VS Code has no key for a client id: the user types it at the first sign-in.
pub fn client_id_warning(client: McpClient, server: &McpServer) -> Option<String> {
    (server.client_id.is_some() && !client.takes_client_id()).then(|| {
        format!(
            "{} has no config key for a client id; it asks for it at the first sign-in",
            client.display_name()
        )
    })
}

/// Tells people what the tenant's client must allow.
pub fn explain_redirects(printer: &Printer, redirects: &[String]) {
    match redirects {
        [] => {}
        [one] => printer.line(format!(
            "The OAuth client must allow the redirect URI {one}"
        )),
        many => printer.line(format!(
            "The OAuth client must allow the redirect URIs {}",
            many.join(", ")
        )),
    }
}

#[allow(
    clippy::print_stdout,
    reason = "the snippet is raw JSON, the one document on stdout"
)]
pub async fn run(settings: &Settings, printer: &Printer, args: &ClientConfigArgs) -> Result<()> {
    let client = McpClient::from(args.mcp_client);
    if client == McpClient::Codex {
        if args.scope.is_some() {
            return Err(AppError::usage(
                "--scope is not for codex: Codex reads $CODEX_HOME/config.toml",
                "leave out --scope, or pass --codex-home to pick Codex's folder",
            ));
        }
        return codex::run(settings, printer, &args.config).await;
    }
    if settings.servers.len() > 1 {
        return Err(AppError::usage(
            format!(
                "{} is configured one MCP server at a time, and the settings file declares {}",
                client.display_name(),
                settings.servers.len()
            ),
            "pick one with --mcp-name NAME (codex config takes them all at once)",
        ));
    }
    if args.config.credentials_store.is_some() {
        return Err(AppError::usage(
            format!(
                "--credentials-store is a Codex setting, not one of {}",
                client.display_name()
            ),
            "leave out --credentials-store",
        ));
    }
    let scope = match args.scope {
        Some(ScopeArg::User) => Scope::User,
        Some(ScopeArg::Project) | None => Scope::Project,
    };
    if args.config.write {
        // Bad input in the file stops the run before the tenant is asked for the client id.
        check(settings, client, scope, args.config.client_id.clone())?;
    }
    let client_id = match &args.config.client_id {
        Some(id) => Some(id.clone()),
        None => codex::registered_client(settings, Http::new(settings)?).await?,
    };
    let server = server(settings, client_id)?;
    let mut warnings = warnings(settings, client, &server);
    if args.config.client_id.is_none() {
        warnings.extend(unallowed_redirect_warning(settings, client, &server));
    }
    for w in &warnings {
        printer.warn(w);
    }
    let redirects = redirect_uris(client, &server)?;
    let path = config_path(client, scope)?;
    if args.config.write {
        let change = write(printer, client, scope, &server)?;
        if printer.is_json() {
            printer.json(&json!({
                "client": client.id(),
                "file": path,
                "changes": [change],
                "redirect_uris": redirects,
                "warnings": warnings,
            }));
        }
    } else if printer.is_json() {
        printer.json(&json!({
            "client": client.id(),
            "file": path,
            "snippet": json_config::snippet(client, &server),
            "redirect_uris": redirects,
            "warnings": warnings,
        }));
    } else {
        print!("{}", json_config::snippet(client, &server));
        printer.line(format!(
            "Add this to {}, or run again with --write to merge it.",
            path.display()
        ));
    }
    explain_redirects(printer, &redirects);
    if args.config.write {
        printer.line(format!("Next: {}", next_step(client, &server)));
    }
    Ok(())
}
