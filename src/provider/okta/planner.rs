//! The pure part of the Okta provider: desired state × observed org → changes and writes.
//! Nothing here does I/O; the rules of notes/okta.md §A are unit-tested below.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::error::{AppError, Result};
use crate::files::state::Record;
use crate::plan::{Action, Change};
use crate::provider::{MARK, Step};

use super::state::{App, OrgState, Policy, Rule, marked_description};

/// The scope MCP clients ask for; IMPLICIT consent with a TRUSTED app means no consent screen,
/// ALL_CLIENTS publishes it in the metadata Codex reads (notes/okta.md §A.4).
pub const MCP_SCOPE: &str = "mcp:access";
/// A system scope every custom authorization server has; refresh tokens need it in the request
/// and `refresh_token` in the app's grant types — rules have no refresh grant (§A.5).
pub const OFFLINE_ACCESS: &str = "offline_access";
pub const POLICY_NAME: &str = "Codex CLI";
pub const RULE_NAME: &str = "Users: authorization code";
/// The literal Okta accepts for "every user" in rule conditions (PY-VCR rules cassette).
pub const EVERYONE: &str = "EVERYONE";
const USER_GRANT: &str = "authorization_code";
/// A plan resource naming one of the server's scopes.
const SCOPE_PREFIX: &str = "authorization_server.scope:";

#[derive(Debug, Clone)]
pub struct Desired {
    pub audience: String,
    pub server_name: String,
    pub app_label: String,
    /// Every redirect URI the app allows: Codex's, then those of the other MCP clients
    /// configured with its client id (settings `clients`).
    pub redirect_uris: Vec<String>,
    pub group: String,
    /// The MCP server's scopes the authorization server carries.
    pub scopes: Vec<String>,
}

/// What a write needs to exist before it can be sent, and what a create makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Object {
    Server,
    App,
    Policy,
}

/// One Management API write. Ids of objects made in the same apply are filled in when the
/// write is sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    CreateServer(Value),
    ActivateServer,
    CreateScope(Value),
    CreateApp(Value),
    /// The whole app document (Okta's PUT replaces).
    UpdateApp(Value),
    ActivateApp,
    /// The client list is filled in with the app's id when sent.
    CreatePolicy(Value),
    UpdatePolicy {
        id: String,
        body: Value,
    },
    CreateRule(Value),
    UpdateRule {
        id: String,
        body: Value,
    },
    Assign {
        group_id: String,
        group: String,
    },
    /// The observed server, deactivated first: Okta deletes only inactive objects (E0000056,
    /// notes/okta.md §B.4).
    DeleteServer {
        name: String,
    },
    /// The observed app, deactivated first.
    DeleteApp {
        label: String,
    },
    /// The observed policy; its rules go with it.
    DeletePolicy,
    /// A scope authsetup added to a server it did not create.
    DeleteScope {
        id: String,
        name: String,
    },
    Unassign {
        group_id: String,
        group: String,
    },
}

impl Op {
    pub fn needs(&self) -> &'static [Object] {
        match self {
            Op::CreateServer(_) | Op::CreateApp(_) => &[],
            Op::ActivateServer | Op::CreateScope(_) => &[Object::Server],
            Op::UpdateApp(_) | Op::ActivateApp | Op::Assign { .. } => &[Object::App],
            Op::CreatePolicy(_) | Op::UpdatePolicy { .. } => &[Object::Server, Object::App],
            Op::CreateRule(_) | Op::UpdateRule { .. } => &[Object::Server, Object::Policy],
            // Deletes name their objects by id, which exist already.
            Op::DeleteServer { .. }
            | Op::DeleteApp { .. }
            | Op::DeletePolicy
            | Op::DeleteScope { .. }
            | Op::Unassign { .. } => &[],
        }
    }

    pub fn label(&self) -> String {
        let name = |b: &Value, k: &str| b[k].as_str().unwrap_or_default().to_string();
        match self {
            Op::CreateServer(b) => format!("create authorization server {}", name(b, "name")),
            Op::ActivateServer => "activate the authorization server".into(),
            Op::CreateScope(b) => format!("create scope {}", name(b, "name")),
            Op::CreateApp(b) => format!("create app {}", name(b, "label")),
            Op::UpdateApp(b) => format!("update app {}", name(b, "label")),
            Op::ActivateApp => "activate the app".into(),
            Op::CreatePolicy(b) => format!("create access policy {}", name(b, "name")),
            Op::UpdatePolicy { body, .. } => format!("update access policy {}", name(body, "name")),
            Op::CreateRule(b) => format!("create rule {}", name(b, "name")),
            Op::UpdateRule { body, .. } => format!("update rule {}", name(body, "name")),
            Op::Assign { group, .. } => format!("assign the app to the group {group}"),
            Op::DeleteServer { name, .. } => format!("delete authorization server {name}"),
            Op::DeleteApp { label, .. } => format!("delete app {label}"),
            Op::DeletePolicy => format!("delete access policy {POLICY_NAME}"),
            Op::DeleteScope { name, .. } => format!("delete scope {name}"),
            Op::Unassign { group, .. } => format!("unassign the app from the group {group}"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct OktaPlan {
    pub changes: Vec<Change>,
    pub warnings: Vec<String>,
    pub ops: Vec<Op>,
}

pub fn plan(desired: &Desired, steps: &[Step], state: &OrgState) -> Result<OktaPlan> {
    let mut out = OktaPlan::default();
    let wants = |s: Step| steps.contains(&s);
    let server_made = wants(Step::Api) || state.server.is_some();
    let app_made = wants(Step::Dcr) || state.app.is_some();

    if wants(Step::Api) {
        plan_server(desired, state, &mut out)?;
    }
    if wants(Step::DefaultAudience) {
        // Nothing to set: a custom authorization server always mints its own audience.
        out.changes
            .push(Change::new("tenant.default_audience", Action::None).field(
                "default_audience",
                json!("not applicable on Okta"),
                json!("not applicable on Okta"),
            ));
        if steps == [Step::DefaultAudience] {
            out.warnings.push(format!(
                "Okta has no tenant default audience: the authorization server {} always issues tokens for {}; nothing to do",
                desired.server_name, desired.audience
            ));
        }
    }
    if wants(Step::Dcr) {
        plan_app(desired, state.app.as_ref(), &mut out);
    }
    if wants(Step::Policy) {
        if !server_made {
            return Err(missing(
                "authorization server",
                &desired.server_name,
                "api create",
            ));
        }
        if !app_made {
            return Err(missing("app", &desired.app_label, "dcr enable"));
        }
        plan_policy(state, &mut out);
    }
    if wants(Step::Connection) {
        if !app_made {
            return Err(missing("app", &desired.app_label, "dcr enable"));
        }
        plan_assignment(desired, state, &mut out)?;
    }
    if out
        .ops
        .iter()
        .any(|o| matches!(o, Op::CreateApp(_) | Op::Assign { .. }))
        && desired.group == "Everyone"
    {
        out.warnings.push(format!(
            "every user of the org will be able to sign in to the Codex client {} (pass --group NAME to limit it to one group)",
            desired.app_label
        ));
    }
    Ok(out)
}

fn missing(what: &str, name: &str, step: &str) -> AppError {
    AppError::refused(format!("the {what} {name} does not exist yet")).with_hint(format!(
        "run `authsetup {step}` first, or `authsetup apply` for every step"
    ))
}

fn plan_server(desired: &Desired, state: &OrgState, out: &mut OktaPlan) -> Result<()> {
    let aud = desired.audience.as_str();
    let resource = format!("authorization_server:{}", desired.server_name);
    match &state.server {
        None => {
            out.changes.push(
                Change::new(resource, Action::Create)
                    .field("name", Value::Null, json!(desired.server_name))
                    .field("audiences", Value::Null, json!([aud])),
            );
            out.ops.push(Op::CreateServer(json!({
                "name": desired.server_name,
                "description": format!("MCP server {aud} ({MARK})"),
                "audiences": [aud],
            })));
        }
        Some(server) => {
            // One audience per server; repointing one would break the tokens of whatever
            // MCP server it protects today.
            if server.audiences != [aud] {
                return Err(AppError::refused(format!(
                    "the authorization server {} already exists with the audience {}, not {aud}",
                    server.name,
                    server.audiences.join(", ")
                ))
                .with_hint("pass --api-name NAME to create a separate authorization server for this audience"));
            }
            let mut change = Change::new(resource, Action::None);
            if server.status != "ACTIVE" {
                change = change.field("status", json!(server.status), json!("ACTIVE"));
                change.action = Action::Update;
                out.ops.push(Op::ActivateServer);
            }
            out.changes.push(change);
        }
    }
    let has = |s: &str| state.server.is_some() && state.scopes.contains_key(s);
    for scope in &desired.scopes {
        let resource = format!("{SCOPE_PREFIX}{scope}");
        if has(scope) {
            out.changes.push(Change::new(resource, Action::None));
            continue;
        }
        out.changes.push(
            Change::new(resource, Action::Create)
                .field("consent", Value::Null, json!("IMPLICIT"))
                .field("metadataPublish", Value::Null, json!("ALL_CLIENTS")),
        );
        out.ops.push(Op::CreateScope(scope_body(scope)));
    }
    if state.server.is_some() && !has(OFFLINE_ACCESS) {
        out.warnings.push(format!(
            "the authorization server has no {OFFLINE_ACCESS} scope, so Codex gets no refresh token and must log in again when the access token expires"
        ));
    }
    Ok(())
}

/// A scope of the MCP server. Every one is a default scope, as `mcp:access` always was, so a
/// request without `scope` still gets them.
fn scope_body(scope: &str) -> Value {
    let (display, description) = if scope == MCP_SCOPE {
        (
            "Use the MCP server".to_string(),
            "Lets the client call the MCP server on the user's behalf".to_string(),
        )
    } else {
        (
            scope.to_string(),
            format!("{scope} on the MCP server, on the user's behalf"),
        )
    };
    json!({
        "name": scope,
        "displayName": display,
        "description": description,
        "consent": "IMPLICIT",
        "metadataPublish": "ALL_CLIENTS",
        "default": true,
    })
}

/// The public native client Codex uses instead of registering itself (Okta has no open DCR,
/// notes/okta.md §0.1): PKCE, no secret, exactly Codex's loopback redirect URI.
pub fn app_body(desired: &Desired) -> Value {
    json!({
        "name": "oidc_client",
        "label": desired.app_label,
        "signOnMode": "OPENID_CONNECT",
        "credentials": {"oauthClient": {
            "autoKeyRotation": true,
            "token_endpoint_auth_method": "none",
            "pkce_required": true,
        }},
        "settings": {
            "notes": {"admin": MARK},
            "oauthClient": {
                "application_type": "native",
                "consent_method": "TRUSTED",
                "grant_types": [USER_GRANT, "refresh_token"],
                "response_types": ["code"],
                "redirect_uris": desired.redirect_uris,
                "wildcard_redirect": "DISABLED",
                "dpop_bound_access_tokens": false,
            },
        },
        "visibility": {"hide": {"iOS": true, "web": true}},
    })
}

fn plan_app(desired: &Desired, app: Option<&App>, out: &mut OktaPlan) {
    let resource = format!("app:{}", desired.app_label);
    let Some(app) = app else {
        out.changes.push(
            Change::new(resource, Action::Create)
                .field("application_type", Value::Null, json!("native"))
                .field(
                    "grant_types",
                    Value::Null,
                    json!([USER_GRANT, "refresh_token"]),
                )
                .field("token_endpoint_auth_method", Value::Null, json!("none"))
                .field("pkce_required", Value::Null, json!(true))
                .field("redirect_uris", Value::Null, json!(desired.redirect_uris)),
        );
        out.ops.push(Op::CreateApp(app_body(desired)));
        return;
    };
    let mut change = Change::new(resource, Action::None);
    let mut doc = app.doc.clone();
    let mut set = |change: Change, name: &str, pointer: &str, before: Value, after: Value| {
        if before == after {
            return change;
        }
        if let Some(slot) = doc.pointer_mut(pointer) {
            *slot = after.clone();
        } else {
            set_path(&mut doc, pointer, after.clone());
        }
        change.field(name, before, after)
    };
    let same_set = |have: &[String], want: &[&str]| {
        have.len() == want.len() && want.iter().all(|w| have.iter().any(|h| h == w))
    };
    let grants = [USER_GRANT, "refresh_token"];
    let redirect_uris: Vec<&str> = desired.redirect_uris.iter().map(String::as_str).collect();
    // Sets compare without order: Okta may list grant and response types in any order.
    let wanted_set = |have: &[String], want: &[&str]| {
        if same_set(have, want) {
            json!(have)
        } else {
            json!(want)
        }
    };
    let fields = [
        (
            "application_type",
            "/settings/oauthClient/application_type",
            json!(app.application_type),
            json!("native"),
        ),
        (
            "grant_types",
            "/settings/oauthClient/grant_types",
            json!(app.grant_types),
            wanted_set(&app.grant_types, &grants),
        ),
        (
            "response_types",
            "/settings/oauthClient/response_types",
            json!(app.response_types),
            wanted_set(&app.response_types, &["code"]),
        ),
        (
            "redirect_uris",
            "/settings/oauthClient/redirect_uris",
            json!(app.redirect_uris),
            wanted_set(&app.redirect_uris, &redirect_uris),
        ),
        (
            "token_endpoint_auth_method",
            "/credentials/oauthClient/token_endpoint_auth_method",
            json!(app.auth_method),
            json!("none"),
        ),
        (
            "pkce_required",
            "/credentials/oauthClient/pkce_required",
            json!(app.pkce_required),
            json!(true),
        ),
    ];
    for (name, pointer, before, after) in fields {
        change = set(change, name, pointer, before, after);
    }
    if !change.fields.is_empty() {
        change.action = Action::Update;
        out.ops.push(Op::UpdateApp(doc));
    }
    if app.status != "ACTIVE" {
        change = change.field("status", json!(app.status), json!("ACTIVE"));
        change.action = Action::Update;
        out.ops.push(Op::ActivateApp);
    }
    out.changes.push(change);
}

/// Sets `pointer` in `doc`, creating the objects on the way.
fn set_path(doc: &mut Value, pointer: &str, value: Value) {
    let mut at = doc;
    let keys: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for key in &keys[..keys.len() - 1] {
        if !at[*key].is_object() {
            at[*key] = json!({});
        }
        at = &mut at[*key];
    }
    at[keys[keys.len() - 1]] = value;
}

pub fn policy_body() -> Value {
    json!({
        "type": "OAUTH_AUTHORIZATION_POLICY",
        "name": POLICY_NAME,
        "description": format!("Lets the Codex CLI client get tokens for signed-in users ({MARK})"),
        "priority": 1,
        "status": "ACTIVE",
        // A policy without conditions silently applies to no client (PY-VCR rules cassette);
        // the app's id is filled in when the write is sent.
        "conditions": {"clients": {"include": []}},
    })
}

/// Users get tokens through the authorization code flow; no rule allows client_credentials, so
/// machine-to-machine requests match nothing and are denied (notes/okta.md §A.11).
pub fn rule_body() -> Value {
    json!({
        "type": "RESOURCE_ACCESS",
        "name": RULE_NAME,
        "priority": 1,
        "status": "ACTIVE",
        "conditions": {
            "grantTypes": {"include": [USER_GRANT]},
            "people": {"groups": {"include": [EVERYONE]}},
            "scopes": {"include": ["*"]},
        },
        "actions": {"token": {
            "accessTokenLifetimeMinutes": 60,
            "refreshTokenLifetimeMinutes": 0,
            "refreshTokenWindowMinutes": 10080,
        }},
    })
}

fn plan_policy(state: &OrgState, out: &mut OktaPlan) {
    let app_id = state.app.as_ref().map(|a| a.id.clone());
    let client = app_id
        .clone()
        .map(Value::String)
        .unwrap_or(json!("(the app's client id, known after apply)"));
    let resource = format!("access_policy:{POLICY_NAME}");
    match &state.policy {
        None => {
            out.changes
                .push(Change::new(resource, Action::Create).field(
                    "conditions.clients.include",
                    Value::Null,
                    json!([client]),
                ));
            out.ops.push(Op::CreatePolicy(policy_body()));
        }
        Some(p) => plan_policy_update(p, app_id.as_deref(), client, resource, out),
    }
    let resource = format!("access_policy.rule:{RULE_NAME}");
    let want = rule_body();
    match (&state.policy, &state.rule) {
        (Some(_), Some(rule)) => plan_rule_update(rule, &want, resource, out),
        _ => {
            out.changes.push(
                Change::new(resource, Action::Create)
                    .field("grantTypes", Value::Null, json!([USER_GRANT]))
                    .field("people.groups", Value::Null, json!([EVERYONE]))
                    .field("scopes", Value::Null, json!(["*"])),
            );
            out.ops.push(Op::CreateRule(want));
        }
    }
}

fn plan_policy_update(
    p: &Policy,
    app_id: Option<&str>,
    client: Value,
    resource: String,
    out: &mut OktaPlan,
) {
    let mut change = Change::new(resource, Action::None);
    let listed = app_id.is_some_and(|id| p.clients.iter().any(|c| c == id));
    let mut body = p.doc.clone();
    if !listed {
        let mut after: Vec<Value> = p.clients.iter().map(|c| json!(c)).collect();
        after.push(client);
        change = change.field("conditions.clients.include", json!(p.clients), json!(after));
        body["conditions"]["clients"]["include"] = json!(p.clients);
    }
    if p.status != "ACTIVE" {
        change = change.field("status", json!(p.status), json!("ACTIVE"));
        body["status"] = json!("ACTIVE");
    }
    if !change.fields.is_empty() {
        change.action = Action::Update;
        out.ops.push(Op::UpdatePolicy {
            id: p.id.clone(),
            body,
        });
    }
    out.changes.push(change);
}

fn plan_rule_update(rule: &Rule, want: &Value, resource: String, out: &mut OktaPlan) {
    let mut change = Change::new(resource, Action::None);
    if rule.grant_types != [USER_GRANT] {
        change = change.field("grantTypes", json!(rule.grant_types), json!([USER_GRANT]));
    }
    if !rule.groups.iter().any(|g| g == EVERYONE) {
        change = change.field("people.groups", json!(rule.groups), json!([EVERYONE]));
    }
    if rule.scopes != ["*"] {
        change = change.field("scopes", json!(rule.scopes), json!(["*"]));
    }
    if rule.status != "ACTIVE" {
        change = change.field("status", json!(rule.status), json!("ACTIVE"));
    }
    if !change.fields.is_empty() {
        change.action = Action::Update;
        let mut body = rule.doc.clone();
        body["conditions"]["grantTypes"] = want["conditions"]["grantTypes"].clone();
        body["conditions"]["people"]["groups"] = want["conditions"]["people"]["groups"].clone();
        body["conditions"]["scopes"] = want["conditions"]["scopes"].clone();
        body["status"] = json!("ACTIVE");
        out.ops.push(Op::UpdateRule {
            id: rule.id.clone(),
            body,
        });
    }
    out.changes.push(change);
}

fn plan_assignment(desired: &Desired, state: &OrgState, out: &mut OktaPlan) -> Result<()> {
    let group = state.group.as_ref().ok_or_else(|| {
        AppError::refused(format!("the Okta group {} does not exist", desired.group))
            .with_hint("pass --group with the name of an existing group (as the Admin Console shows it), or leave it out for Everyone")
    })?;
    let resource = format!("app_assignment:{}→{}", desired.app_label, group.name);
    if state.assigned {
        out.changes.push(Change::new(resource, Action::None));
    } else {
        out.changes
            .push(Change::new(resource, Action::Create).field(
                "group",
                Value::Null,
                json!(group.name),
            ));
        out.ops.push(Op::Assign {
            group_id: group.id.clone(),
            group: group.name.clone(),
        });
    }
    Ok(())
}

/// The record with what the org itself says authsetup created: this setup's authorization server
/// (its name and only audience) when its description carries the mark, the access policy when
/// its description does, and the app when its admin note does. What goes inside a deleted object
/// goes with it, so nothing more is needed; the group assignment has no field for a mark and
/// goes only with the app.
pub fn with_marks(desired: &Desired, state: &OrgState, record: &Record) -> Record {
    let mut record = record.clone();
    let ours =
        |s: &&super::state::AuthServer| s.marked && s.audiences == [desired.audience.as_str()];
    if state.server.as_ref().filter(ours).is_some() {
        record
            .created
            .insert(format!("authorization_server:{}", desired.server_name));
    }
    if state.server.is_some()
        && state
            .policy
            .as_ref()
            .is_some_and(|p| marked_description(&p.doc))
    {
        record
            .created
            .insert(format!("access_policy:{POLICY_NAME}"));
    }
    if state.app.as_ref().is_some_and(App::marked) {
        record.created.insert(format!("app:{}", desired.app_label));
    }
    record
}

/// Without a record of this org, what exists of this setup but carries no mark: it may be
/// authsetup's from before objects were marked, or someone else's; it stays, and is said.
pub fn unrecorded(steps: &[Step], state: &OrgState) -> Vec<String> {
    let wants = |s: Step| steps.contains(&s);
    let mut out = Vec::new();
    let unmarked = "carries no authsetup mark and no record names it, so it stays";
    if let Some(s) = state
        .server
        .as_ref()
        .filter(|s| wants(Step::Api) && !s.marked)
    {
        out.push(format!(
            "the authorization server {} {unmarked}; hint: if authsetup created it, deactivate and delete it in the Admin Console (Security > API)",
            s.name
        ));
    }
    if let Some(a) = state
        .app
        .as_ref()
        .filter(|a| wants(Step::Dcr) && !a.marked())
    {
        out.push(format!(
            "the app {} {unmarked}; hint: if authsetup created it, deactivate and delete it in the Admin Console (Applications)",
            a.label
        ));
    }
    out
}

/// The reverse of what `record` says authsetup did in the org: it deletes the server, the app,
/// the policy and the assignment it created and that still exist; what goes inside a deleted
/// object (scope, policy, rule, assignment) goes with it. Okta keeps no earlier value of an
/// object authsetup only updated, so such an update stays and is said.
pub fn destroy(desired: &Desired, steps: &[Step], state: &OrgState, record: &Record) -> OktaPlan {
    let mut out = OktaPlan::default();
    let wants = |s: Step| steps.contains(&s);
    let recorded = |r: &str| record.created.contains(r) || record.changed.contains_key(r);
    let server = format!("authorization_server:{}", desired.server_name);
    let policy = format!("access_policy:{POLICY_NAME}");
    let rule = format!("access_policy.rule:{RULE_NAME}");
    let app = format!("app:{}", desired.app_label);
    let assignment_prefix = format!("app_assignment:{}→", desired.app_label);
    let settle = |out: &mut OktaPlan, resource: &str, action: Action, op: Option<Op>| {
        if record.changed.contains_key(resource) && !record.created.contains(resource) {
            out.warnings.push(format!(
                "{resource} was updated by authsetup and Okta keeps no earlier version; left as it is"
            ));
        }
        out.changes.push(Change::new(resource, action));
        out.ops.extend(op);
    };

    let server_goes = wants(Step::Api) && record.created.contains(&server);
    if wants(Step::Api) && recorded(&server) {
        let op = state
            .server
            .as_ref()
            .filter(|_| server_goes)
            .map(|s| Op::DeleteServer {
                name: s.name.clone(),
            });
        let action = if op.is_some() {
            Action::Delete
        } else {
            Action::None
        };
        settle(&mut out, &server, action, op);
    }
    // Every scope on record, including one since dropped from the settings; inside a server
    // that goes they go with it.
    let scopes: BTreeSet<&String> = record
        .created
        .iter()
        .chain(record.changed.keys())
        .filter(|r| r.starts_with(SCOPE_PREFIX))
        .collect();
    for resource in scopes.into_iter().filter(|_| wants(Step::Api)) {
        let name = &resource[SCOPE_PREFIX.len()..];
        let op = state
            .scopes
            .get(name)
            .filter(|_| !server_goes && record.created.contains(resource))
            .map(|id| Op::DeleteScope {
                id: id.clone(),
                name: name.to_string(),
            });
        let action = if op.is_some() {
            Action::Delete
        } else {
            Action::None
        };
        settle(&mut out, resource, action, op);
    }
    if wants(Step::Policy) || server_goes {
        if recorded(&policy) {
            let exists = state.server.is_some() && state.policy.is_some();
            let op = (exists && !server_goes && record.created.contains(&policy))
                .then_some(Op::DeletePolicy);
            let action = if op.is_some() {
                Action::Delete
            } else {
                Action::None
            };
            settle(&mut out, &policy, action, op);
        }
        if recorded(&rule) {
            settle(&mut out, &rule, Action::None, None);
        }
    }

    let app_goes = wants(Step::Dcr) && record.created.contains(&app);
    if wants(Step::Dcr) && recorded(&app) {
        let op = state
            .app
            .as_ref()
            .filter(|_| app_goes)
            .map(|a| Op::DeleteApp {
                label: a.label.clone(),
            });
        let action = if op.is_some() {
            Action::Delete
        } else {
            Action::None
        };
        settle(&mut out, &app, action, op);
    }
    let assignments: Vec<&String> = record
        .created
        .iter()
        .filter(|r| r.starts_with(&assignment_prefix))
        .collect();
    if wants(Step::Connection) || app_goes {
        for resource in assignments {
            let op = match (&state.app, &state.group) {
                (Some(_), Some(g)) if !app_goes && state.assigned => Some(Op::Unassign {
                    group_id: g.id.clone(),
                    group: g.name.clone(),
                }),
                _ => None,
            };
            let action = if op.is_some() {
                Action::Delete
            } else {
                Action::None
            };
            settle(&mut out, resource, action, op);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::state::{AuthServer, Group};
    use super::*;

    const AUD: &str = "https://mcp.example.com/mcp";
    const REDIRECT: &str = "http://127.0.0.1:1455/callback/AbCdEfGhIjKl";

    fn desired() -> Desired {
        Desired {
            audience: AUD.into(),
            server_name: format!("MCP {AUD}"),
            app_label: "Codex CLI".into(),
            redirect_uris: vec![REDIRECT.into()],
            group: "Everyone".into(),
            scopes: vec![MCP_SCOPE.into()],
        }
    }

    fn fresh() -> OrgState {
        OrgState {
            group: Some(Group {
                id: "00g1".into(),
                name: "Everyone".into(),
            }),
            ..Default::default()
        }
    }

    fn app_json(redirect: &str) -> Value {
        let mut v = app_body(&desired());
        v["id"] = json!("0oa1");
        v["status"] = json!("ACTIVE");
        v["settings"]["oauthClient"]["redirect_uris"] = json!([redirect]);
        v["_links"] = json!({"self": {}});
        v
    }

    fn converged() -> OrgState {
        let mut policy = policy_body();
        policy["id"] = json!("00p1");
        policy["conditions"]["clients"]["include"] = json!(["0oa1"]);
        let mut rule = rule_body();
        rule["id"] = json!("0pr1");
        OrgState {
            server: Some(AuthServer {
                id: "aus1".into(),
                name: format!("MCP {AUD}"),
                audiences: vec![AUD.into()],
                issuer: "https://o.okta.com/oauth2/aus1".into(),
                issuer_mode: "ORG_URL".into(),
                status: "ACTIVE".into(),
                marked: true,
            }),
            scopes: [MCP_SCOPE, OFFLINE_ACCESS, "openid"]
                .map(|n| (n.to_string(), format!("scp_{n}")))
                .into(),
            policy: Some(Policy::from_json(&policy)),
            rule: Some(Rule::from_json(&rule)),
            app: Some(App::from_json(&app_json(REDIRECT))),
            assigned: true,
            ..fresh()
        }
    }

    #[test]
    fn fresh_org_needs_six_writes_in_dependency_order() {
        let p = plan(&desired(), &Step::ALL, &fresh()).unwrap();
        let kinds: Vec<String> = p.ops.iter().map(Op::label).collect();
        assert_eq!(p.ops.len(), 6, "{kinds:?}");
        let Op::CreateApp(app) = &p.ops[2] else {
            panic!("{kinds:?}")
        };
        assert_eq!(
            app["settings"]["oauthClient"]["redirect_uris"],
            json!([REDIRECT])
        );
        assert_eq!(
            app["credentials"]["oauthClient"]["token_endpoint_auth_method"],
            "none"
        );
        assert_eq!(app["credentials"]["oauthClient"]["pkce_required"], true);
        let rule = p.ops.iter().find_map(|o| match o {
            Op::CreateRule(r) => Some(r),
            _ => None,
        });
        let grants = &rule.unwrap()["conditions"]["grantTypes"]["include"];
        assert_eq!(grants, &json!(["authorization_code"]));
        assert!(p.ops.contains(&Op::Assign {
            group_id: "00g1".into(),
            group: "Everyone".into()
        }));
        let na = p
            .changes
            .iter()
            .find(|c| c.resource == "tenant.default_audience")
            .unwrap();
        assert_eq!(na.action, Action::None);
        assert!(
            p.warnings.iter().any(|w| w.contains("every user")),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn converged_org_needs_nothing() {
        let p = plan(&desired(), &Step::ALL, &converged()).unwrap();
        assert!(p.ops.is_empty(), "{:?}", p.ops);
        assert!(p.changes.iter().all(|c| c.action == Action::None));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    }

    #[test]
    fn a_wrong_redirect_uri_is_replaced_in_a_whole_document_put() {
        let mut s = converged();
        s.app = Some(App::from_json(&app_json(
            "http://localhost:1455/auth/callback",
        )));
        let p = plan(&desired(), &[Step::Dcr], &s).unwrap();
        let [Op::UpdateApp(doc)] = p.ops.as_slice() else {
            panic!("{:?}", p.ops)
        };
        assert_eq!(
            doc["settings"]["oauthClient"]["redirect_uris"],
            json!([REDIRECT])
        );
        assert_eq!(doc["label"], "Codex CLI", "other fields are sent back");
        assert!(doc.get("_links").is_none());

        // Another MCP client configured with the app adds its redirect URI; the order of the
        // app's list does not matter.
        let gemini = "http://localhost:1455/oauth/callback";
        let d = Desired {
            redirect_uris: vec![REDIRECT.into(), gemini.into()],
            ..desired()
        };
        let p = plan(&d, &[Step::Dcr], &converged()).unwrap();
        let [Op::UpdateApp(doc)] = p.ops.as_slice() else {
            panic!("{:?}", p.ops)
        };
        assert_eq!(
            doc["settings"]["oauthClient"]["redirect_uris"],
            json!([REDIRECT, gemini])
        );
        let mut s = converged();
        s.app.as_mut().unwrap().redirect_uris = vec![gemini.into(), REDIRECT.into()];
        assert!(plan(&d, &[Step::Dcr], &s).unwrap().ops.is_empty());
    }

    #[test]
    fn a_server_with_another_audience_is_refused() {
        let mut s = converged();
        s.server.as_mut().unwrap().audiences = vec!["api://default".into()];
        let e = plan(&desired(), &Step::ALL, &s).unwrap_err();
        assert!(e.message.contains("api://default"), "{}", e.message);
        assert!(e.hint.unwrap().contains("--api-name"));
    }

    #[test]
    fn an_inactive_server_is_activated() {
        let mut s = converged();
        s.server.as_mut().unwrap().status = "INACTIVE".into();
        let p = plan(&desired(), &[Step::Api], &s).unwrap();
        assert_eq!(p.ops, vec![Op::ActivateServer]);
    }

    #[test]
    fn a_rule_allowing_machines_is_narrowed() {
        let mut s = converged();
        let mut rule = rule_body();
        rule["id"] = json!("0pr1");
        rule["conditions"]["grantTypes"]["include"] =
            json!(["authorization_code", "client_credentials"]);
        s.rule = Some(Rule::from_json(&rule));
        let p = plan(&desired(), &[Step::Policy], &s).unwrap();
        let [Op::UpdateRule { id, body }] = p.ops.as_slice() else {
            panic!("{:?}", p.ops)
        };
        assert_eq!(id, "0pr1");
        assert_eq!(
            body["conditions"]["grantTypes"]["include"],
            json!(["authorization_code"])
        );
    }

    #[test]
    fn a_policy_for_other_clients_gains_this_one() {
        let mut s = converged();
        let mut policy = policy_body();
        policy["id"] = json!("00p1");
        policy["conditions"]["clients"]["include"] = json!(["0oaOther"]);
        s.policy = Some(Policy::from_json(&policy));
        let p = plan(&desired(), &[Step::Policy], &s).unwrap();
        let [Op::UpdatePolicy { body, .. }] = p.ops.as_slice() else {
            panic!("{:?}", p.ops)
        };
        // the app's id is added when the write is sent
        assert_eq!(
            body["conditions"]["clients"]["include"],
            json!(["0oaOther"])
        );
    }

    #[test]
    fn steps_on_missing_prerequisites_say_what_to_run() {
        let e = plan(&desired(), &[Step::Policy], &fresh()).unwrap_err();
        assert!(e.hint.unwrap().contains("api create"));
        let e = plan(&desired(), &[Step::Connection], &fresh()).unwrap_err();
        assert!(e.hint.unwrap().contains("dcr enable"));
        let mut s = converged();
        s.group = None;
        let e = plan(&desired(), &[Step::Connection], &s).unwrap_err();
        assert!(e.message.contains("Everyone"));
    }

    #[test]
    fn default_audience_alone_says_it_does_not_apply() {
        let p = plan(&desired(), &[Step::DefaultAudience], &fresh()).unwrap();
        assert!(p.ops.is_empty());
        assert!(p.warnings[0].contains("no tenant default audience"));
    }

    #[test]
    fn destroy_deletes_only_what_was_created() {
        let created = |r: &[&str]| Record {
            created: r.iter().map(|s| s.to_string()).collect(),
            ..Record::default()
        };
        let desired = desired();
        let state = converged();
        let server = format!("authorization_server:{}", desired.server_name);
        let app = format!("app:{}", desired.app_label);
        let all = destroy(&desired, &Step::ALL, &state, &created(&[&server, &app]));
        assert_eq!(
            all.ops,
            vec![
                Op::DeleteServer {
                    name: desired.server_name.clone()
                },
                Op::DeleteApp {
                    label: desired.app_label.clone()
                },
            ]
        );
        // Only the policy was created (the server was there): the policy goes, the server stays.
        let policy = format!("access_policy:{POLICY_NAME}");
        let p = destroy(&desired, &Step::ALL, &state, &created(&[&policy]));
        assert_eq!(p.ops, vec![Op::DeletePolicy]);
        assert!(
            destroy(&desired, &Step::ALL, &state, &Record::default())
                .ops
                .is_empty()
        );
        // A scope added to a server that stays is deleted by itself, even one the settings no
        // longer name; inside a server that goes it goes along.
        let scope = format!("{SCOPE_PREFIX}{MCP_SCOPE}");
        let p = destroy(&desired, &Step::ALL, &state, &created(&[&scope]));
        assert_eq!(
            p.ops,
            vec![Op::DeleteScope {
                id: format!("scp_{MCP_SCOPE}"),
                name: MCP_SCOPE.into()
            }]
        );
        let other = Desired {
            scopes: vec!["mcp:read".into()],
            ..desired.clone()
        };
        assert_eq!(
            destroy(&other, &Step::ALL, &state, &created(&[&scope])).ops,
            p.ops
        );
        let p = destroy(&desired, &Step::ALL, &state, &created(&[&server, &scope]));
        assert_eq!(
            p.ops,
            vec![Op::DeleteServer {
                name: desired.server_name.clone()
            }]
        );
    }

    #[test]
    fn without_a_record_the_marked_objects_of_this_setup_are_taken_and_no_others() {
        let desired = desired();
        let none = Record::default();
        let marked = converged();
        // The marks say what a record of a fresh apply would: the server (its policy goes with
        // it) and the app go.
        let mut record = Record::default();
        record.created.extend([
            format!("authorization_server:{}", desired.server_name),
            format!("access_policy:{POLICY_NAME}"),
            format!("app:{}", desired.app_label),
        ]);
        assert_eq!(with_marks(&desired, &marked, &none), record);
        let ops = destroy(&desired, &Step::ALL, &marked, &record).ops;
        assert_eq!(ops.len(), 2, "{ops:?}");
        assert!(ops.iter().any(|o| matches!(o, Op::DeleteServer { .. })));
        assert!(ops.iter().any(|o| matches!(o, Op::DeleteApp { .. })));
        assert!(unrecorded(&Step::ALL, &marked).is_empty());

        // A marked policy on a server that is not marked goes alone.
        let mut s = converged();
        s.server.as_mut().unwrap().marked = false;
        let p = destroy(&desired, &Step::ALL, &s, &with_marks(&desired, &s, &none));
        assert!(p.ops.contains(&Op::DeletePolicy), "{:?}", p.ops);
        assert!(!p.ops.iter().any(|o| matches!(o, Op::DeleteServer { .. })));

        // Nothing unmarked goes, and a marked server for another audience is not this setup's.
        let mut s = converged();
        s.server.as_mut().unwrap().audiences = vec!["https://other.example.com/mcp".into()];
        s.policy.as_mut().unwrap().doc["description"] = json!("someone's");
        let mut app = app_json(REDIRECT);
        app["settings"]["notes"]["admin"] = json!("the team's app");
        s.app = Some(App::from_json(&app));
        assert!(with_marks(&desired, &s, &none).is_empty());
        s.server.as_mut().unwrap().marked = false;
        let warnings = unrecorded(&Step::ALL, &s);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings.iter().all(|w| w.contains("hint:")));
    }

    #[test]
    fn every_configured_scope_is_created_once() {
        let d = Desired {
            scopes: vec!["mcp:read".into(), MCP_SCOPE.into()],
            ..desired()
        };
        let p = plan(&d, &[Step::Api], &converged()).unwrap();
        assert_eq!(p.ops, vec![Op::CreateScope(scope_body("mcp:read"))]);
        assert_eq!(scope_body("mcp:read")["default"], true);
        let mut s = converged();
        s.scopes.insert("mcp:read".into(), "scp2".into());
        assert!(plan(&d, &[Step::Api], &s).unwrap().ops.is_empty());
    }
}
