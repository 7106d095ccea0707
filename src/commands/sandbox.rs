//! `authsetup sandbox`: an emulated tenant on loopback until interrupted.

use crate::cli::SandboxArgs;
use crate::error::{AppError, Result};
use crate::output::Printer;
use crate::sandbox::{RateLimit, Sandbox, SandboxConfig};

pub async fn run(args: &SandboxArgs, printer: &Printer) -> Result<()> {
    let config = SandboxConfig {
        port: args.port,
        rate_limit: args.rate_limit.map(|n| RateLimit {
            per_second: n,
            burst: n,
            retry_after: false,
        }),
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::start(config).await.map_err(|e| {
        AppError::failed(format!(
            "cannot start the sandbox on 127.0.0.1:{}: {e}",
            args.port
        ))
        .with_hint("pick another --port, or 0 for a free one")
    })?;
    // stdout carries only the export lines so `eval "$(authsetup sandbox &)"`-style use works.
    println!("export AUTH0_DOMAIN={}", sandbox.base_url());
    println!("export AUTH0_CLIENT_ID={}", sandbox.client_id());
    println!("export AUTH0_CLIENT_SECRET={}", sandbox.client_secret());
    printer.line(format!(
        "Sandbox Auth0 tenant serving on {} (Ctrl-C to stop)",
        sandbox.base_url()
    ));
    printer.line("Its client id and secret are throw-away values that only this sandbox accepts.");
    let _ = tokio::signal::ctrl_c().await;
    printer.line("sandbox stopped");
    Ok(())
}
