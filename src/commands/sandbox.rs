//! `authsetup sandbox`: an emulated tenant on loopback until interrupted.

use std::io::Write;

use crate::cli::SandboxArgs;
use crate::error::{AppError, Result};
use crate::files::atomic::write_atomic;
use crate::output::Printer;
use crate::settings::{ProviderKind, validate_env_file};
use authsetup_sandbox::{OktaSandbox, RateLimit, Sandbox, SandboxConfig};

pub async fn run(args: &SandboxArgs, provider: ProviderKind, printer: &Printer) -> Result<()> {
    if let Some(path) = &args.export_file {
        validate_env_file(path)?;
    }
    // Ctrl-C is how the sandbox stops, so its handler is in place before anyone is told so (the
    // listener is registered on the first poll); until then SIGINT would end the process by force.
    let mut stop = Box::pin(tokio::signal::ctrl_c());
    let _ = futures::FutureExt::now_or_never(stop.as_mut());
    let config = SandboxConfig {
        port: args.port,
        rate_limit: args.rate_limit.map(|n| RateLimit {
            per_second: n,
            burst: n,
            retry_after: false,
        }),
        ..SandboxConfig::default()
    };
    let cannot_start = |e: std::io::Error| {
        AppError::failed(format!(
            "cannot start the sandbox on 127.0.0.1:{}: {e}",
            args.port
        ))
        .with_hint("pick another --port, or 0 for a free one")
    };
    // The handle is kept until Ctrl-C: dropping it stops the server.
    let (_auth0, _okta);
    let (name, base_url, mut exports, details) = match provider {
        ProviderKind::Auth0 => {
            let sandbox = Sandbox::start(config).await.map_err(cannot_start)?;
            let exports = vec![
                ("AUTH0_DOMAIN", sandbox.base_url()),
                ("AUTH0_CLIENT_ID", sandbox.client_id()),
                ("AUTH0_CLIENT_SECRET", sandbox.client_secret()),
            ];
            let base_url = sandbox.base_url();
            // what an MCP server under test needs to validate the tenant's tokens
            let details = vec![
                format!("  issuer     {}", sandbox.issuer()),
                format!("  JWKS       {base_url}/.well-known/jwks.json"),
                format!(
                    "  test user  {} (/authorize signs them in and consents at once)",
                    Sandbox::test_user()
                ),
                format!(
                    "  demo MCP server {} (accepts the tenant's tokens for it)",
                    sandbox.mcp_url()
                ),
            ];
            _auth0 = sandbox;
            ("Auth0 tenant", base_url, exports, details)
        }
        ProviderKind::Okta => {
            let sandbox = OktaSandbox::start(config).await.map_err(cannot_start)?;
            let exports = vec![
                ("OKTA_DOMAIN", sandbox.base_url()),
                ("OKTA_API_TOKEN", sandbox.api_token()),
            ];
            let base_url = sandbox.base_url();
            // the issuer and its keys exist once `authsetup apply` has created the server
            let details = vec![
                format!(
                    "  test user  {} (a custom server's /v1/authorize signs them in at once)",
                    OktaSandbox::test_user()
                ),
                format!("  demo MCP server {}", sandbox.mcp_url()),
            ];
            _okta = sandbox;
            ("Okta org", base_url, exports, details)
        }
    };
    exports.push(("AUTHSETUP_SANDBOX_PID", std::process::id().to_string()));
    let exports: String = exports
        .iter()
        .map(|(name, value)| format!("export {name}={value}\n"))
        .collect();
    // The server is listening by now, so whoever sees the file or the lines can use them.
    if let Some(path) = &args.export_file {
        write_atomic(path, exports.as_bytes()).map_err(|e| {
            AppError::failed(format!("cannot write {}: {e}", path.display()))
                .with_hint("pass another --export-file")
        })?;
    }
    print_exports_and_close_stdout(&exports);
    printer.line(format!(
        "Sandbox {name} serving on {base_url} (Ctrl-C to stop)"
    ));
    for line in details {
        printer.line(line);
    }
    printer.line("Its credentials are throw-away values that only this sandbox accepts.");
    if let Some(path) = &args.export_file {
        printer.line(format!("The export lines are in {}.", path.display()));
    }
    let _ = stop.await;
    printer.line("sandbox stopped");
    Ok(())
}

/// stdout carries only the export lines, and is closed after them: `eval "$(authsetup sandbox &)"`
/// reads until the end of the output, which would otherwise never come while the sandbox runs.
fn print_exports_and_close_stdout(exports: &str) {
    let mut out = std::io::stdout().lock();
    // A reader that went away (`| head`) is no reason to stop serving.
    let _ = out.write_all(exports.as_bytes()).and_then(|()| out.flush());
    // /dev/null takes the place of the pipe, so a later write cannot fail or block.
    #[cfg(unix)]
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = rustix::stdio::dup2_stdout(&null);
    }
}
