//! `authsetup demo`: the whole setup against an in-process sandbox, in a temporary folder, then
//! doctor against the sandbox's tenant and its demo MCP server.

use std::collections::HashMap;

use crate::cli::{DoctorArgs, GlobalArgs};
use crate::error::{AppError, Result};
use crate::output::Printer;
use crate::provider::Step;
use crate::settings::{ProviderKind, Settings, Terminal};
use authsetup_sandbox::{Sandbox, SandboxConfig};

use super::provision::{self, Mode};
use super::{codex, doctor};

pub async fn run(global: &GlobalArgs, provider: ProviderKind, printer: &Printer) -> Result<()> {
    // The demo's tenant is an emulated Auth0 one; running it for Okta would show the wrong
    // product under the name the user asked for.
    if provider == ProviderKind::Okta {
        return Err(AppError::usage(
            "the demo runs against an emulated Auth0 tenant only, not Okta",
            "try Okta offline with `authsetup sandbox --provider okta` (see the README), or run the demo with --provider auth0",
        ));
    }
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .map_err(|e| AppError::failed(format!("cannot start the sandbox: {e}")))?;
    let dir = tempfile::Builder::new()
        .prefix("authsetup-demo-")
        .tempdir()
        .map_err(|e| AppError::failed(format!("cannot create a temporary folder: {e}")))?;

    // The demo goes through the same settings resolution as a real run, with the sandbox's
    // values in place of the user's environment. The audience is the sandbox's MCP server URL,
    // as recommended, so doctor can follow it from the server to the tenant.
    let env: HashMap<String, String> = [
        ("AUTH0_DOMAIN", sandbox.base_url()),
        ("AUTH0_CLIENT_ID", sandbox.client_id()),
        ("AUTH0_CLIENT_SECRET", sandbox.client_secret()),
        ("AUTH0_AUDIENCE", sandbox.mcp_url()),
        ("MCP_URL", sandbox.mcp_url()),
        ("HOME", dir.path().display().to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let args = GlobalArgs {
        env_file: Some(dir.path().join(".env")),
        codex_home: Some(dir.path().join(".codex")),
        yes: true,
        provider: None,
        domain: None,
        audience: None,
        connection: None,
        mcp_url: None,
        env: None,
        config: Some(dir.path().join("authsetup.toml")),
        token_stdin: false,
        ..global.clone()
    };
    std::fs::write(
        dir.path().join("authsetup.toml"),
        "# demo settings come from the sandbox\n",
    )?;
    let settings = Settings::resolve(
        &args,
        &env,
        Terminal {
            stderr_is_tty: printer.interactive,
        },
    )?;

    printer.heading(format!(
        "authsetup demo: a sandbox Auth0 tenant and MCP server at {}, files in {}",
        sandbox.base_url(),
        dir.path().display()
    ));
    printer.line("");
    let inner = quiet_json(printer);
    let step = |mode| provision::run(&settings, &inner, &Step::ALL, true, mode);
    printer.heading("1. plan: what the setup would change");
    step(Mode::Plan).await?;
    printer.line("");
    printer.heading("2. apply");
    step(Mode::Apply).await?;
    printer.line("");
    printer.heading("3. apply again: nothing left to change");
    let before = sandbox.requests().len();
    let replay = step(Mode::Apply).await?;
    let writes = sandbox.requests()[before..]
        .iter()
        .filter(|r| r.method != "GET" && !r.path.starts_with("/oauth/"))
        .count();
    printer.line(format!(
        "  {} change(s) planned, {writes} write request(s) sent",
        replay.writes()
    ));
    printer.line("");
    printer.heading(format!("4. {}", settings.env_file.display()));
    let env_text = std::fs::read_to_string(&settings.env_file)?;
    for line in env_text.lines() {
        printer.line(format!("  {line}"));
    }
    printer.line("");
    printer.heading("5. Codex config");
    let server = codex::server(&settings, None, None)?;
    codex::write(&settings, &inner, &server)?;
    printer.line("");
    printer.heading("6. doctor, with a test registration the way Codex makes one");
    let report = doctor::run(&settings, &inner, &DoctorArgs { probe_dcr: true }).await?;
    printer.line("");
    printer.line(format!(
        "The sandbox answered {} request(s). Try it on your tenant:",
        sandbox.requests().len()
    ));
    printer.line("  authsetup plan --domain YOUR_TENANT.auth0.com --audience YOUR_MCP_URL");
    printer.line("  authsetup doctor --mcp-url YOUR_MCP_URL");
    if printer.is_json() {
        printer.json(&serde_json::json!({
            "changes": replay.changes,
            "warnings": replay.warnings,
            "env_file": env_text,
            "doctor": report.to_json(),
        }));
    }
    Ok(())
}

/// In JSON mode the demo prints one document at the end, so the inner steps stay silent.
fn quiet_json(printer: &Printer) -> Printer {
    if printer.is_json() {
        printer.silenced()
    } else {
        *printer
    }
}
