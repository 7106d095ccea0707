//! `clients list|prune`: the applications MCP clients registered through DCR. Every `codex mcp
//! login` registers one and a free Auth0 tenant holds 10, so they need clearing out; prune only
//! lists what it would delete until `--yes` is given.

use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use crate::cli::{ClientsCommand, ClientsFilter};
use crate::error::{AppError, Result};
use crate::http::Http;
use crate::output::Printer;
use crate::provider::{self, RegisteredClient};
use crate::settings::Settings;

/// `--yes` as typed: a `CI` variable alone does not turn a dry run into deletions.
pub async fn run(
    settings: &Settings,
    printer: &Printer,
    command: ClientsCommand,
    yes: bool,
) -> Result<()> {
    let (filter, prune) = match command {
        ClientsCommand::List(f) => (f, false),
        ClientsCommand::Prune(f) => (f, true),
    };
    let delete = prune && yes;
    let http = Http::new(settings)?;
    let provider = provider::connect(settings, http)?;
    provider.require_credentials()?;
    let clients = provider
        .registered_clients(filter.older_than.is_some())
        .await
        .map_err(AppError::from_api)?;
    let now = SystemTime::now();
    let total = clients.len();
    let (selected, undated) = select(clients, &filter, now);

    let mut deleted = Vec::new();
    let mut failure = None;
    if delete {
        for c in &selected {
            match provider.delete_client(&c.client_id).await {
                Ok(()) => deleted.push(c.client_id.clone()),
                Err(e) => {
                    failure = Some(e.context(format!("cannot delete {}", c.client_id)));
                    break;
                }
            }
        }
    }

    if printer.is_json() {
        printer.json(&json!({
            "provider": settings.provider.as_str(),
            "tenant": settings.require_domain()?.display,
            "registered": total,
            "clients": selected.iter().map(|c| describe(c, now)).collect::<Vec<Value>>(),
            "undated": undated,
            "dry_run": prune && !delete,
            "deleted": deleted,
        }));
    } else {
        for c in &selected {
            let when = match c.registered_at.and_then(|t| now.duration_since(t).ok()) {
                Some(age) => format!("registered {} ago", rounded(age)),
                None => "registration date unknown".to_string(),
            };
            let done = if deleted.contains(&c.client_id) {
                " (deleted)"
            } else {
                ""
            };
            printer.line(format!("  {}  {}  {when}{done}", c.client_id, c.name));
        }
        if undated > 0 {
            printer.note(format!(
                "{undated} more left out: the tenant logs no longer say when they were registered"
            ));
        }
        let matched = selected.len();
        printer.line(match (prune, delete) {
            (false, _) => format!("{matched} of {total} application(s) registered through DCR match"),
            (true, false) if matched > 0 => format!(
                "would delete {matched} of {total} application(s) registered through DCR; pass --yes to delete them"
            ),
            (true, false) => format!("nothing to delete among {total} application(s) registered through DCR"),
            (true, true) => format!("deleted {} of {matched} application(s)", deleted.len()),
        });
    }
    failure.map_or(Ok(()), Err)
}

/// The clients the filter keeps, and how many were left out only for want of a date: with
/// `--older-than`, a client whose age is unknown is never taken for an old one.
fn select(
    clients: Vec<RegisteredClient>,
    filter: &ClientsFilter,
    now: SystemTime,
) -> (Vec<RegisteredClient>, usize) {
    let mut undated = 0;
    let selected = clients
        .into_iter()
        .filter(|c| filter.name.as_deref().is_none_or(|p| glob(p, &c.name)))
        .filter(|c| {
            let Some(min) = filter.older_than else {
                return true;
            };
            match c.registered_at.and_then(|t| now.duration_since(t).ok()) {
                Some(age) => age >= min,
                None => {
                    undated += 1;
                    false
                }
            }
        })
        .collect();
    (selected, undated)
}

fn describe(c: &RegisteredClient, now: SystemTime) -> Value {
    json!({
        "client_id": c.client_id,
        "name": c.name,
        "registered_at": c.registered_at.map(|t| humantime::format_rfc3339_seconds(t).to_string()),
        "age_seconds": c.registered_at.and_then(|t| now.duration_since(t).ok()).map(|d| d.as_secs()),
    })
}

/// `3d`, `5h`, `12m`: enough to tell old from new.
fn rounded(age: Duration) -> String {
    let s = age.as_secs();
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m", s / 60),
        3600..86_400 => format!("{}h", s / 3600),
        _ => format!("{}d", s / 86_400),
    }
}

/// A name pattern where `*` matches any run of characters and `?` one; the rest is literal.
fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(&c) if c == '?' || c == n[ni] => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_like_a_shell() {
        assert!(glob("Codex*", "Codex"));
        assert!(glob("Codex*", "Codex CLI"));
        assert!(!glob("Codex*", "My Codex"));
        assert!(glob("*Code*", "Claude Code (docs)"));
        assert!(glob("C?dex", "Codex"));
        assert!(!glob("Codex", "Codex2"));
        assert!(glob("*", ""));
    }

    #[test]
    fn an_unknown_age_is_never_old() {
        let now = SystemTime::now();
        let c = |id: &str, name: &str, days: Option<u64>| RegisteredClient {
            client_id: id.into(),
            name: name.into(),
            registered_at: days.map(|d| now - Duration::from_secs(d * 86_400)),
        };
        let clients = vec![
            c("a", "Codex", Some(9)),
            c("b", "Codex", Some(1)),
            c("c", "Codex", None),
            c("d", "Claude Code", Some(30)),
        ];
        let filter = ClientsFilter {
            older_than: Some(Duration::from_secs(7 * 86_400)),
            name: Some("Codex*".into()),
        };
        let (kept, undated) = select(clients.clone(), &filter, now);
        assert_eq!(
            kept.iter()
                .map(|c| c.client_id.as_str())
                .collect::<Vec<_>>(),
            ["a"]
        );
        assert_eq!(undated, 1);
        let all = ClientsFilter {
            older_than: None,
            name: None,
        };
        assert_eq!(select(clients, &all, now).0.len(), 4);
    }
}
