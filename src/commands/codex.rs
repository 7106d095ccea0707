//! `authsetup codex config`: the Codex CLI snippet for the MCP server, or a safe merge into
//! `$CODEX_HOME/config.toml`.

use serde_json::json;

use crate::cli::{CodexConfigArgs, CredentialsStoreArg};
use crate::error::{AppError, Result};
use crate::files::codex::{self, CodexServer, CredentialsStore, WriteOutcome};
use crate::output::Printer;
use crate::settings::Settings;

pub fn server_from(settings: &Settings, args: &CodexConfigArgs) -> Result<CodexServer> {
    let url = settings.mcp_url.clone().ok_or_else(|| {
        AppError::usage(
            "the MCP server URL is missing",
            "pass --mcp-url or set MCP_URL, e.g. https://mcp.example.com/mcp",
        )
    })?;
    Ok(CodexServer {
        name: settings.mcp_name.clone(),
        url,
        client_id: args.client_id.clone(),
        callback_port: settings.callback_port,
        credentials_store: match args.credentials_store {
            None | Some(CredentialsStoreArg::File) => CredentialsStore::File,
            Some(CredentialsStoreArg::Auto) => CredentialsStore::Auto,
            Some(CredentialsStoreArg::Keyring) => CredentialsStore::Keyring,
        },
    })
}

pub fn run(settings: &Settings, printer: &Printer, args: &CodexConfigArgs) -> Result<()> {
    let server = server_from(settings, args)?;
    if let Some(w) = settings
        .audience
        .as_deref()
        .and_then(|aud| codex::warn_url_vs_audience(&server.url, aud))
    {
        printer.warn(w);
    }
    let redirect = server
        .client_id
        .as_ref()
        .map(|_| codex::redirect_uri(&server.url, server.callback_port))
        .transpose()
        .map_err(|e| {
            AppError::usage(
                format!("the MCP URL cannot be parsed: {e}"),
                "pass a full URL to --mcp-url",
            )
        })?;

    if !args.write {
        let text = codex::snippet(&server);
        if printer.is_json() {
            printer.json(&json!({"snippet": text, "redirect_uri": redirect}));
        } else {
            print!("{text}");
            printer.line(format!(
                "Add this to {}, or run again with --write to merge it.",
                settings.codex_home.join("config.toml").display()
            ));
        }
        return Ok(());
    }

    std::fs::create_dir_all(&settings.codex_home).map_err(|e| {
        AppError::failed(format!(
            "cannot create {}: {e}",
            settings.codex_home.display()
        ))
    })?;
    let path = settings.codex_home.join("config.toml");
    let outcome = codex::write(&path, &server).map_err(|e| AppError::failed(e.to_string()))?;
    let action = match &outcome {
        WriteOutcome::Created => "create",
        WriteOutcome::Updated { .. } => "update",
        WriteOutcome::Unchanged => "none",
    };
    if printer.is_json() {
        printer.json(&json!({
            "changes": [{"resource": format!("codex_config:{}", path.display()), "action": action, "fields": {}}],
            "warnings": [],
            "redirect_uri": redirect,
        }));
        return Ok(());
    }
    match outcome {
        WriteOutcome::Created => printer.success(format!("wrote {}", path.display())),
        WriteOutcome::Updated { backup } => printer.success(format!(
            "updated {} (previous version in {})",
            path.display(),
            backup.display()
        )),
        WriteOutcome::Unchanged => printer.success(format!(
            "{} already has this server; nothing changed",
            path.display()
        )),
    }
    if let Some(r) = redirect {
        printer.line(format!("The OAuth client must allow the redirect URI {r}"));
    }
    printer.line(format!("Next: codex mcp login {}", server.name));
    Ok(())
}
