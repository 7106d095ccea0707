//! `authsetup codex config`: the Codex CLI snippet for the MCP server, or a safe merge into
//! `$CODEX_HOME/config.toml`. `init` ends with the same two pieces.

use serde_json::json;

use crate::cli::{CodexConfigArgs, CredentialsStoreArg};
use crate::codex::config::{self, WriteOutcome};
use crate::codex::{self, CodexServer, CredentialsStore};
use crate::error::{AppError, Result};
use crate::files::atomic::Replaced;
use crate::http::Http;
use crate::output::Printer;
use crate::plan::Change;
use crate::provider;
use crate::settings::{ClientMode, Settings};

/// The Codex entry for the MCP server. `client_id` is a pre-registered client (given by the user
/// or made by the provider); `None` lets Codex register itself through DCR.
pub fn server(
    settings: &Settings,
    client_id: Option<String>,
    credentials_store: Option<CredentialsStore>,
) -> Result<CodexServer> {
    let entry = super::client::server(settings, client_id)?;
    Ok(CodexServer {
        name: entry.name,
        url: entry.url,
        scopes: entry.scopes,
        client_id: entry.client_id,
        callback_port: entry.callback_port,
        credentials_store,
    })
}

/// Why this Codex entry cannot work with the tenant's audience, when that is the case.
pub fn audience_warning(settings: &Settings, server: &CodexServer) -> Option<String> {
    settings
        .audience
        .as_deref()
        .and_then(|aud| codex::warn_url_vs_audience(&server.url, aud))
}

/// The redirect URI a pre-registered client must allow, after any callback URL the user's
/// config already sets; DCR clients register their own.
pub fn redirect_uri(settings: &Settings, server: &CodexServer) -> Result<Option<String>> {
    let callback_url =
        config::configured_callback_url(settings.codex_home.as_deref(), &server.name);
    let callback = codex::Callback::pre_registered(callback_url.as_deref());
    server
        .client_id
        .as_ref()
        .map(|_| callback.redirect_uri(&server.url, server.callback_port))
        .transpose()
        .map_err(|e| {
            AppError::usage(
                format!("the MCP URL cannot be parsed: {e}"),
                "pass a full URL to --mcp-url",
            )
        })
}

/// Prints the snippet on stdout, where it can be redirected into a file; the advice goes to stderr
/// and names the calling command's own flag for merging it.
#[allow(
    clippy::print_stdout,
    reason = "the snippet is raw TOML, the one document on stdout"
)]
pub fn print_snippet(
    settings: &Settings,
    printer: &Printer,
    server: &CodexServer,
    write_flag: &str,
) {
    print!("{}", config::snippet(server));
    let path = settings.codex_home().map_or_else(
        |_| "$CODEX_HOME/config.toml".to_owned(),
        |home| home.join("config.toml").display().to_string(),
    );
    printer.line(format!(
        "Add this to {path}, or run again with {write_flag} to merge it."
    ));
}

/// The entry as it will be once the tenant has named its client, for checks made before any
/// request: where the provider registers the client, a stand-in id checks that the entry can
/// hold one.
pub fn provisional_server(
    settings: &Settings,
    client_id: Option<String>,
    credentials_store: Option<CredentialsStore>,
) -> Result<CodexServer> {
    let stand_in = (settings.client_mode == ClientMode::Preregistered).then(|| "0oa0".to_string());
    server(settings, client_id.or(stand_in), credentials_store)
}

/// Merges the entry into `$CODEX_HOME/config.toml`, reports the outcome to people, and returns
/// it as a change for JSON output.
pub fn write(settings: &Settings, printer: &Printer, server: &CodexServer) -> Result<Change> {
    let path = settings.codex_home()?.join("config.toml");
    let outcome = config::write(&path, server, || {
        printer.line("waiting for another authsetup run on the same files to finish…")
    })?;
    let replaced = match &outcome {
        WriteOutcome::Created => Replaced::Created,
        WriteOutcome::Unchanged => Replaced::Unchanged,
        WriteOutcome::Updated { backup, .. } => Replaced::Updated {
            backup: backup.clone(),
        },
    };
    let action = super::client::report_write(printer, &path, &replaced);
    if let WriteOutcome::Updated {
        replaced_store: Some(before),
        ..
    } = &outcome
        && let Some(now) = server.credentials_store
    {
        printer.warn(format!(
            "mcp_oauth_credentials_store changed from \"{before}\" to \"{now}\": Codex keeps every MCP server's login there, so logins kept in the old store are not read any more"
        ));
    }
    Ok(Change::new(
        format!("codex_config:{}", path.display()),
        action,
    ))
}

/// The client id of the provider's pre-registered client, read from the tenant, when the
/// provider registers one for MCP clients and the tenant is known. Reads only.
pub(super) async fn registered_client(settings: &Settings, http: Http) -> Result<Option<String>> {
    if settings.domain.is_none() || settings.audience.is_none() {
        return Ok(None);
    }
    let provider = provider::connect(settings, http)?;
    if !provider.registers_client() {
        return Ok(None);
    }
    let plan = provider.plan(&[]).await?;
    match plan.outputs.client_id {
        Some(id) => Ok(Some(id)),
        None => Err(AppError::failed(format!(
            "the {} tenant has no client for Codex yet",
            provider.display_name()
        ))
        .with_hint("run `authsetup dcr enable` (or `authsetup apply`) first, or pass --client-id")),
    }
}

pub async fn run(settings: &Settings, printer: &Printer, args: &CodexConfigArgs) -> Result<()> {
    let store = args.credentials_store.map(|s| match s {
        CredentialsStoreArg::File => CredentialsStore::File,
        CredentialsStoreArg::Auto => CredentialsStore::Auto,
        CredentialsStoreArg::Keyring => CredentialsStore::Keyring,
    });
    let targets = settings.targets();
    let several = targets.len() > 1;
    if several && args.client_id.is_some() {
        return Err(AppError::usage(
            format!(
                "--client-id cannot be the client of all {} servers of the settings file",
                targets.len()
            ),
            "pick the server it belongs to with --mcp-name NAME",
        ));
    }
    if args.write {
        // Bad input in the file stops the run before the tenant is asked for a client id.
        for t in &targets {
            let provisional = provisional_server(&t.settings, args.client_id.clone(), store)?;
            config::check(&t.settings.codex_home()?.join("config.toml"), &provisional)?;
        }
    }
    // Every server's client id read at once, through one client paced for the tenant.
    let http = Http::new(settings)?;
    let client_ids = futures::future::join_all(targets.iter().map(|t| async {
        match &args.client_id {
            Some(id) => Ok(Some(id.clone())),
            None => registered_client(&t.settings, http.clone()).await,
        }
    }))
    .await;
    let mut docs = Vec::new();
    for (t, client_id) in targets.iter().zip(client_ids) {
        let settings = &t.settings;
        let server = server(settings, client_id?, store)?;
        let warnings: Vec<String> = audience_warning(settings, &server).into_iter().collect();
        for w in &warnings {
            printer.warn(w);
        }
        let redirect = redirect_uri(settings, &server)?;
        let mut doc = json!({ "warnings": warnings, "redirect_uri": redirect });
        if args.write {
            doc["changes"] = json!([write(settings, printer, &server)?]);
        } else if printer.is_json() {
            doc["snippet"] = json!(config::snippet(&server));
        } else {
            print_snippet(settings, printer, &server, "--write");
        }
        if let Some(r) = redirect {
            printer.line(format!(
                "The OAuth client of {} must allow the redirect URI {r}",
                server.name
            ));
        }
        if args.write {
            printer.line(format!("Next: codex mcp login {}", server.name));
        }
        if several {
            doc["name"] = json!(server.name);
        }
        docs.push(doc);
    }
    if printer.is_json() {
        printer.json(&match docs.as_slice() {
            [one] => one.clone(),
            _ => json!({ "servers": docs }),
        });
    }
    Ok(())
}
