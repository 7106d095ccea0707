//! `authsetup doctor`: read-only checks of the tenant, the live OAuth surface, the MCP server and
//! the local files. Two rounds: the token goes out together with every tokenless GET (metadata,
//! the MCP server's challenge and protected-resource metadata), then all tenant reads at once.
//! Only `--probe-dcr` writes, and only what it cleans up again.

use url::Url;

use crate::cli::DoctorArgs;
use crate::doctor::{Report, local, mcp, oauth};
use crate::error::{AppError, Result};
use crate::http::Http;
use crate::output::Printer;
use crate::provider::{self, Provider};
use crate::settings::Settings;

pub async fn run(settings: &Settings, printer: &Printer, args: &DoctorArgs) -> Result<Report> {
    if settings.servers.is_empty() {
        return run_one(settings, printer, args).await;
    }
    // Every server checked at once, in the rounds of one, through one client paced for the
    // tenant; then one section per server.
    let http = Http::new(settings)?;
    let targets = settings.targets();
    let mut prepared = Vec::with_capacity(targets.len());
    for t in &targets {
        prepared.push(check_input(&t.settings, &http)?);
    }
    if let Some((provider, _)) = prepared.first() {
        printer.heading(format!(
            "Checking the {} tenant {} for {} MCP servers",
            provider.display_name(),
            settings.require_domain()?.display,
            targets.len()
        ));
    }
    let reports = futures::future::join_all(targets.iter().zip(&prepared).map(
        |(t, (provider, mcp_url))| {
            diagnose(
                &t.settings,
                &http,
                provider.as_ref(),
                mcp_url.as_ref(),
                args.probe_dcr,
            )
        },
    ))
    .await;
    let mut all = Report { checks: Vec::new() };
    let mut docs = serde_json::Map::new();
    for (t, report) in targets.iter().zip(reports) {
        let report = report?;
        let name = t.label.clone().unwrap_or_default();
        if printer.is_json() {
            docs.insert(name, report.to_json());
        } else {
            printer.heading(format!(
                "Server {name}: the audience {}",
                t.settings.require_audience()?
            ));
            printer.report(&report);
        }
        all.checks.extend(report.checks);
    }
    if printer.is_json() {
        let mut doc = all.to_json();
        doc["servers"] = serde_json::Value::Object(docs);
        printer.json(&doc);
    }
    verdict(all)
}

/// The provider and the parsed MCP URL: everything that can be wrong with the input is found
/// before the first request.
fn check_input(settings: &Settings, http: &Http) -> Result<(Box<dyn Provider>, Option<Url>)> {
    let provider = provider::connect(settings, http.clone())?;
    provider.require_credentials()?;
    settings.codex_home()?;
    let mcp_url = settings
        .mcp_url
        .as_deref()
        .map(Url::parse)
        .transpose()
        .map_err(|e| {
            AppError::usage(
                format!("the MCP URL cannot be parsed: {e}"),
                "pass the MCP server's full URL to --mcp-url",
            )
        })?;
    Ok((provider, mcp_url))
}

fn verdict(report: Report) -> Result<Report> {
    match report.summary().fail {
        0 => Ok(report),
        n => Err(AppError::reported(format!(
            "{n} doctor check{} failed",
            if n == 1 { "" } else { "s" }
        ))),
    }
}

async fn run_one(settings: &Settings, printer: &Printer, args: &DoctorArgs) -> Result<Report> {
    let http = Http::new(settings)?;
    let (provider, mcp_url) = check_input(settings, &http)?;
    printer.heading(format!(
        "Checking the {} tenant {}",
        provider.display_name(),
        settings.require_domain()?.display,
    ));
    printer.line(format!(
        "  for the audience {}",
        settings.require_audience()?
    ));
    printer.line("");
    let report = diagnose(
        settings,
        &http,
        provider.as_ref(),
        mcp_url.as_ref(),
        args.probe_dcr,
    )
    .await?;
    if printer.is_json() {
        printer.json(&report.to_json());
    } else {
        printer.report(&report);
    }
    verdict(report)
}

async fn diagnose(
    settings: &Settings,
    http: &Http,
    provider: &dyn Provider,
    mcp_url: Option<&Url>,
    probe_dcr: bool,
) -> Result<Report> {
    let local = local::inspect(settings)?;
    // The stored token goes to the MCP server in the first round too: whether the server takes
    // it is the one answer that settles a login Codex reports as successful.
    let (tenant, server, resource, token_answer) = tokio::join!(
        provider.diagnose(probe_dcr),
        async {
            let expect = provider.expectations().await?;
            let fetched = oauth::fetch(http, &expect.metadata_urls).await;
            Ok::<_, AppError>((expect, fetched))
        },
        async {
            match mcp_url {
                Some(url) => Some(mcp::discover(http, url).await),
                None => None,
            }
        },
        async {
            let token = settings
                .mcp_url
                .as_deref()
                .and_then(|u| local.stored_token(u));
            match (mcp_url, token) {
                (Some(url), Some(token)) => Some(mcp::try_token(http, url, token).await),
                _ => None,
            }
        },
    );
    let (expect, fetched) = server?;
    let doc = oauth::document(&fetched);
    let issuer_bound = doc.is_some_and(oauth::issuer_bound);

    let mut checks = tenant;
    let client_id = local.client_id(&expect);
    checks.extend(oauth::checks(&expect, &fetched, client_id));
    checks.push(if probe_dcr {
        // Any loopback redirect will do for a client deleted at once; the one Codex would use
        // makes the probe exactly Codex's registration.
        let redirect = local
            .redirect_uri(settings, &expect, issuer_bound, false)
            .unwrap_or_else(|_| format!("http://127.0.0.1:{}/callback", settings.callback_port));
        let scope = doc.and_then(|d| {
            oauth::codex_scope(resource.as_ref().and_then(mcp::Observation::scopes), d)
        });
        oauth::probe_dcr(http, provider, doc, &redirect, scope).await
    } else {
        oauth::probe_not_run(client_id)
    });
    checks.extend(mcp::checks(resource.as_ref(), &expect));
    let seen = local::Seen {
        issuer_bound,
        resource: resource.as_ref().and_then(mcp::Observation::resource),
        token_answer: token_answer.as_ref(),
    };
    checks.extend(local::checks(&local, settings, &expect, &seen));
    Ok(Report { checks })
}
