//! `authsetup sandbox`: an emulated tenant on loopback until interrupted.

use crate::cli::SandboxArgs;
use crate::error::{AppError, Result};
use crate::output::Printer;
use crate::settings::ProviderKind;
use authsetup_sandbox::{OktaSandbox, RateLimit, Sandbox, SandboxConfig};

#[allow(
    clippy::print_stdout,
    reason = "stdout carries only the export lines, for eval or a file"
)]
pub async fn run(args: &SandboxArgs, provider: ProviderKind, printer: &Printer) -> Result<()> {
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
    // stdout carries only the export lines so `eval "$(authsetup sandbox &)"`-style use works.
    // The handle is kept until Ctrl-C: dropping it stops the server.
    let (_auth0, _okta);
    let (name, base_url, details) = match provider {
        ProviderKind::Auth0 => {
            let sandbox = Sandbox::start(config).await.map_err(cannot_start)?;
            println!("export AUTH0_DOMAIN={}", sandbox.base_url());
            println!("export AUTH0_CLIENT_ID={}", sandbox.client_id());
            println!("export AUTH0_CLIENT_SECRET={}", sandbox.client_secret());
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
            ("Auth0 tenant", base_url, details)
        }
        ProviderKind::Okta => {
            let sandbox = OktaSandbox::start(config).await.map_err(cannot_start)?;
            println!("export OKTA_DOMAIN={}", sandbox.base_url());
            println!("export OKTA_API_TOKEN={}", sandbox.api_token());
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
            ("Okta org", base_url, details)
        }
    };
    printer.line(format!(
        "Sandbox {name} serving on {base_url} (Ctrl-C to stop)"
    ));
    for line in details {
        printer.line(line);
    }
    printer.line("Its credentials are throw-away values that only this sandbox accepts.");
    let _ = tokio::signal::ctrl_c().await;
    printer.line("sandbox stopped");
    Ok(())
}
