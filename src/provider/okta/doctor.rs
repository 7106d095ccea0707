//! Okta's own doctor checks. Each step is judged by the planner itself — a step whose plan would
//! change something fails with that step's command as the fix — so doctor and apply never
//! disagree on what "right" is.

use serde_json::Value;

use super::planner::{self, Desired};
use super::state::OrgState;
use crate::doctor::{Area, Check, Finding};
use crate::error::AppError;
use crate::plan::Change;
use crate::provider::Step;

/// (check id, step, what it covers, the command that mends it)
const STEPS: [(&str, Step, &str, &str); 4] = [
    (
        "okta.authorization_server",
        Step::Api,
        "the authorization server and its MCP scope",
        "authsetup api create",
    ),
    (
        "okta.app",
        Step::Dcr,
        "the Codex client (native, PKCE, no secret, Codex's exact redirect URI)",
        "authsetup dcr enable",
    ),
    (
        "okta.access_policy",
        Step::Policy,
        "the access policy and its rule (users by authorization code; no client_credentials)",
        "authsetup policy set",
    ),
    (
        "okta.assignment",
        Step::Connection,
        "the Codex client's group assignment",
        "authsetup connection promote",
    ),
];

pub fn checks(
    desired: &Desired,
    source: Option<&str>,
    observed: &Result<OrgState, AppError>,
) -> Vec<Check> {
    let state = match observed {
        Ok(state) => state,
        Err(e) => {
            let mut checks = vec![Check::new(
                "credentials.okta",
                Area::Credentials,
                Ok(Finding::error(e)),
            )];
            checks.extend(STEPS.iter().map(|(id, ..)| {
                Check::new(
                    id,
                    Area::Tenant,
                    Ok(Finding::skip("not checked: the org could not be read")),
                )
            }));
            return checks;
        }
    };
    let mut checks = vec![Check::new(
        "credentials.okta",
        Area::Credentials,
        Ok(Finding::pass(format!(
            "the org can be read with {}",
            source.unwrap_or("the credentials given")
        ))),
    )];
    for (id, step, what, fix) in STEPS {
        let fix = match (step, desired.group.as_str()) {
            (Step::Connection, "Everyone") => fix.to_string(),
            (Step::Connection, group) => format!("{fix} --group {group:?}"),
            _ => fix.to_string(),
        };
        let finding = match planner::plan(desired, &[step], state) {
            Err(e) => Finding::fail(e.message, e.hint.unwrap_or(fix)),
            Ok(p) => {
                let pending: Vec<String> = p
                    .changes
                    .iter()
                    .filter(|c| !c.is_noop())
                    .map(describe)
                    .collect();
                if pending.is_empty() {
                    Finding::pass(format!("{what} as the setup makes it"))
                } else {
                    Finding::fail(format!("{what}: {}", pending.join("; ")), fix)
                }
            }
        };
        checks.push(Check::new(id, Area::Tenant, Ok(finding)));
    }
    if state.server.is_some() && !state.scopes.contains_key(planner::OFFLINE_ACCESS) {
        checks.push(Check::new(
            "okta.offline_access",
            Area::Tenant,
            Ok(Finding::warn(
                "the authorization server has no offline_access scope: Codex gets no refresh token",
                "add the offline_access scope to the authorization server in the Admin Console (Security → API)",
            )),
        ));
    }
    checks
}

/// `app:X: redirect_uris ["a"] → ["b"]`, or `app:X is missing`.
fn describe(change: &Change) -> String {
    if change.fields.values().all(|f| f["before"].is_null()) {
        return format!("{} is missing", change.resource);
    }
    let fields: Vec<String> = change
        .fields
        .iter()
        .map(|(name, f)| format!("{name} {} → {}", show(&f["before"]), show(&f["after"])))
        .collect();
    format!("{}: {}", change.resource, fields.join(", "))
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Status;

    fn desired() -> Desired {
        Desired {
            audience: "https://mcp.example.com/mcp".into(),
            server_name: "MCP".into(),
            app_label: "Codex CLI (MCP)".into(),
            redirect_uris: vec!["http://127.0.0.1:1455/callback/x".into()],
            group: "Engineering".into(),
            scopes: vec![planner::MCP_SCOPE.into()],
        }
    }

    #[test]
    fn an_empty_org_fails_every_step_with_its_command() {
        let checks = checks(&desired(), None, &Ok(OrgState::default()));
        let failed: Vec<(&str, String)> = checks
            .iter()
            .filter(|c| c.status() == Status::Fail)
            .map(|c| (c.id, c.finding.fix.clone().unwrap()))
            .collect();
        assert_eq!(failed.len(), 4, "{checks:#?}");
        assert_eq!(
            failed[0],
            ("okta.authorization_server", "authsetup api create".into())
        );
        assert!(failed[1].1.contains("dcr enable"));
    }

    #[test]
    fn an_unreadable_org_is_one_failure_and_skips() {
        let checks = checks(&desired(), None, &Err(AppError::failed("E0000011")));
        assert_eq!(checks[0].status(), Status::Fail);
        assert!(checks[1..].iter().all(|c| c.status() == Status::Skip));
    }
}
