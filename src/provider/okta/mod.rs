//! Okta: a custom authorization server for the MCP server, a pre-registered public client for
//! Codex in place of open DCR (which Okta does not offer), an access policy that lets users and
//! not machines get tokens, and the client's assignment to a group (notes/okta.md §0, §A.11).
//!
//! Observe reads in dependency rounds (server, app and group at once; then what hangs off them),
//! the planner is pure, and apply sends each write as soon as what it needs exists.

mod api;
mod doctor;
mod keys;
mod planner;
mod state;

use std::collections::{BTreeMap, HashSet};

use async_trait::async_trait;
use reqwest::Method;
use serde_json::{Value, json};
use url::Url;

use crate::doctor::{Check, Expectations};
use crate::error::{AppError, Result};
use crate::files::state::Record;
use crate::http::Http;
use crate::plan::{Outputs, Plan};
use crate::provider::{LoginConnection, Progress, Provider, Step, write_round};
use crate::settings::{DEFAULT_CONNECTION, Settings};

use api::OktaApi;
pub use planner::MCP_SCOPE;
use planner::{Desired, Object, Op};
use state::{App, AuthServer, Group, OrgState, Policy, Rule, checked_id};

const DEFAULT_GROUP: &str = "Everyone";

pub struct Okta {
    api: OktaApi,
    desired: Desired,
    /// Where the credentials came from, to name it (never the value).
    credentials_source: Option<&'static str>,
}

/// Ids known so far in a run: observed, or returned by the creates of this apply.
#[derive(Debug, Clone, Default)]
struct Ids {
    server: Option<String>,
    issuer: Option<String>,
    app: Option<String>,
    policy: Option<String>,
}

impl Okta {
    pub fn new(settings: &Settings, http: Http) -> Result<Self> {
        let domain = settings.require_domain()?.clone();
        let audience = settings.require_audience()?.to_string();
        // The redirect URI hangs off the MCP URL; without one the audience is that URL (the
        // setup's recommendation, and what `codex config` checks). Okta does not advertise
        // issuer-bound answers, so Codex keeps the callback id.
        let mut redirect_uris = vec![crate::provider::codex_redirect_uri(settings, &audience)?];
        redirect_uris.extend(crate::provider::other_clients_redirect_uris(
            settings, &audience,
        )?);
        let server_name = settings
            .api_name
            .clone()
            .unwrap_or_else(|| format!("MCP {audience}"));
        Ok(Self {
            api: OktaApi::new(http, domain, &settings.credentials)?,
            credentials_source: settings.credentials_source,
            desired: Desired {
                app_label: format!("Codex CLI ({server_name})"),
                server_name,
                audience,
                redirect_uris,
                // `connection promote NAME` names the group on Okta, whose equivalent of a
                // usable connection is the assignment (CLI.md); --group says it explicitly.
                group: settings
                    .group
                    .clone()
                    .or_else(|| {
                        (settings.connection != DEFAULT_CONNECTION)
                            .then(|| settings.connection.clone())
                    })
                    .unwrap_or_else(|| DEFAULT_GROUP.to_string()),
                scopes: settings.mcp_scopes(),
            },
        })
    }

    fn outputs(&self, ids: &Ids) -> Outputs {
        Outputs {
            env: vec![
                (
                    "OKTA_DOMAIN".into(),
                    Some(self.api.domain().display.clone()),
                ),
                ("OKTA_ISSUER".into(), ids.issuer.clone()),
                ("OKTA_AUDIENCE".into(), Some(self.desired.audience.clone())),
                ("OKTA_CLIENT_ID".into(), ids.app.clone()),
            ],
            client_id: ids.app.clone(),
        }
    }

    /// The ids observed, each checked before it goes into a request path or the `.env`.
    fn ids(&self, state: &OrgState) -> Result<Ids> {
        Ok(Ids {
            server: state
                .server
                .as_ref()
                .map(|s| checked_id("the authorization server", &s.id))
                .transpose()?,
            issuer: state
                .server
                .as_ref()
                .map(|s| s.checked_issuer(&self.api.domain().base))
                .transpose()?,
            app: state
                .app
                .as_ref()
                .map(|a| checked_id("the app", &a.id))
                .transpose()?,
            policy: state
                .policy
                .as_ref()
                .map(|p| checked_id("the policy", &p.id))
                .transpose()?,
        })
    }

    /// Reads in up to three rounds, each only as deep as the steps need. The server and the app
    /// are always read: their ids are outputs (issuer, client id) even for `env write`.
    async fn observe(&self, steps: &[Step]) -> Result<OrgState> {
        let wants = |s: Step| steps.contains(&s);
        let need_scopes = wants(Step::Api);
        let need_policy = wants(Step::Policy);
        let need_group = wants(Step::Connection);

        let (server, app, group) = tokio::try_join!(self.find_server(), self.find_app(), async {
            match need_group {
                true => self.find_group().await,
                false => Ok(None),
            }
        },)?;
        let server_id = server.as_ref().map(|s| s.id.as_str());
        let (scopes, policy, assigned) = tokio::try_join!(
            async {
                match (need_scopes, server_id) {
                    (true, Some(id)) => self.scopes(id).await,
                    _ => Ok(BTreeMap::new()),
                }
            },
            async {
                match (need_policy, server_id) {
                    (true, Some(id)) => self.find_policy(id).await,
                    _ => Ok(None),
                }
            },
            async {
                match (&app, &group) {
                    (Some(a), Some(g)) => self.is_assigned(&a.id, &g.id).await,
                    _ => Ok(false),
                }
            },
        )?;
        let rule = match (server_id, &policy) {
            (Some(sid), Some(p)) => self.find_rule(sid, &p.id).await?,
            _ => None,
        };
        Ok(OrgState {
            server,
            scopes,
            policy,
            rule,
            app,
            group,
            assigned,
        })
    }

    /// `q` matches names and audiences loosely, so the exact name is picked here (§A.2).
    async fn find_server(&self) -> Result<Option<AuthServer>> {
        let name = &self.desired.server_name;
        let all = self
            .api
            .list("/api/v1/authorizationServers", &[("q", name)])
            .await?;
        Ok(all
            .iter()
            .map(AuthServer::from_json)
            .find(|s| &s.name == name))
    }

    /// `q` is a startsWith match on name or label, so the exact label is picked here (§A.11).
    /// Labels are not unique: of several, the one carrying authsetup's mark, else the first.
    async fn find_app(&self) -> Result<Option<App>> {
        let label = &self.desired.app_label;
        let all = self.api.list("/api/v1/apps", &[("q", label)]).await?;
        let same = || all.iter().map(App::from_json).filter(|a| &a.label == label);
        Ok(same().find(App::marked).or_else(|| same().next()))
    }

    /// `q` is a name-prefix search (§A.8); the exact name is picked here.
    async fn find_group(&self) -> Result<Option<Group>> {
        let name = &self.desired.group;
        let all = self.api.list("/api/v1/groups", &[("q", name)]).await?;
        Ok(all.iter().map(Group::from_json).find(|g| &g.name == name))
    }

    async fn scopes(&self, server: &str) -> Result<BTreeMap<String, String>> {
        let path = format!("/api/v1/authorizationServers/{server}/scopes");
        let all = self.api.list(&path, &[]).await?;
        Ok(all
            .iter()
            .filter_map(|s| Some((s["name"].as_str()?.into(), s["id"].as_str()?.into())))
            .collect())
    }

    async fn find_policy(&self, server: &str) -> Result<Option<Policy>> {
        let path = format!("/api/v1/authorizationServers/{server}/policies");
        let all = self.api.list_unpaged(&path).await?;
        Ok(all
            .iter()
            .map(Policy::from_json)
            .find(|p| p.name == planner::POLICY_NAME))
    }

    async fn find_rule(&self, server: &str, policy: &str) -> Result<Option<Rule>> {
        let path = format!("/api/v1/authorizationServers/{server}/policies/{policy}/rules");
        let all = self.api.list_unpaged(&path).await?;
        Ok(all
            .iter()
            .map(Rule::from_json)
            .find(|r| r.name == planner::RULE_NAME))
    }

    async fn is_assigned(&self, app: &str, group: &str) -> Result<bool> {
        let path = format!("/api/v1/apps/{app}/groups/{group}");
        Ok(self.api.call(Method::GET, &path, None).await?.is_some())
    }

    /// A planned set of writes as the commands see it, with the ids observed for them.
    fn planned(&self, p: planner::OktaPlan, state: &OrgState) -> Result<Plan> {
        let ids = self.ids(state)?;
        Ok(Plan {
            changes: p.changes,
            warnings: p.warnings,
            outputs: self.outputs(&ids),
            ops: std::sync::Arc::new(OktaOps { ops: p.ops, ids }),
        })
    }

    /// Okta deletes only what is inactive; one already gone (404) counts as deleted.
    async fn deactivate_and_delete(&self, path: &str) -> Result<Option<(Object, Value)>> {
        let deactivate = format!("{path}/lifecycle/deactivate");
        if self
            .api
            .call(Method::POST, &deactivate, None)
            .await?
            .is_some()
        {
            self.api.call(Method::DELETE, path, None).await?;
        }
        Ok(None)
    }

    /// Sends one write; a create returns the id (and for a server the issuer) it made.
    async fn execute(&self, op: &Op, ids: &Ids) -> Result<Option<(Object, Value)>> {
        let id = |v: &Option<String>| v.clone().unwrap_or_default();
        let server = format!("/api/v1/authorizationServers/{}", id(&ids.server));
        let app = format!("/api/v1/apps/{}", id(&ids.app));
        let with_client = |body: &Value| {
            let mut body = body.clone();
            let clients = &mut body["conditions"]["clients"]["include"];
            let mut list: Vec<Value> = clients.as_array().cloned().unwrap_or_default();
            if !list.iter().any(|c| c.as_str() == ids.app.as_deref()) {
                list.push(json!(id(&ids.app)));
            }
            *clients = Value::Array(list);
            body
        };
        let made = |object, v: Value| Ok(Some((object, v)));
        match op {
            Op::CreateServer(body) => {
                let v = self
                    .api
                    .write(Method::POST, "/api/v1/authorizationServers", Some(body))
                    .await?;
                made(Object::Server, v)
            }
            Op::ActivateServer => {
                let path = format!("{server}/lifecycle/activate");
                self.api.write(Method::POST, &path, None).await?;
                Ok(None)
            }
            Op::CreateScope(body) => {
                let path = format!("{server}/scopes");
                self.api.write(Method::POST, &path, Some(body)).await?;
                Ok(None)
            }
            Op::CreateApp(body) => {
                let v = self
                    .api
                    .write(Method::POST, "/api/v1/apps?activate=true", Some(body))
                    .await?;
                made(Object::App, v)
            }
            Op::UpdateApp(body) => {
                self.api.write(Method::PUT, &app, Some(body)).await?;
                Ok(None)
            }
            Op::ActivateApp => {
                let path = format!("{app}/lifecycle/activate");
                self.api.write(Method::POST, &path, None).await?;
                Ok(None)
            }
            Op::CreatePolicy(body) => {
                let path = format!("{server}/policies");
                let v = self
                    .api
                    .write(Method::POST, &path, Some(&with_client(body)))
                    .await?;
                made(Object::Policy, v)
            }
            Op::UpdatePolicy { id, body } => {
                let path = format!("{server}/policies/{id}");
                self.api
                    .write(Method::PUT, &path, Some(&with_client(body)))
                    .await?;
                Ok(None)
            }
            Op::CreateRule(body) => {
                let path = format!("{server}/policies/{}/rules", id(&ids.policy));
                self.api.write(Method::POST, &path, Some(body)).await?;
                Ok(None)
            }
            Op::UpdateRule { id: rule, body } => {
                let path = format!("{server}/policies/{}/rules/{rule}", id(&ids.policy));
                self.api.write(Method::PUT, &path, Some(body)).await?;
                Ok(None)
            }
            Op::Assign { group_id, .. } => {
                let path = format!("{app}/groups/{group_id}");
                self.api.write(Method::PUT, &path, Some(&json!({}))).await?;
                Ok(None)
            }
            Op::DeleteServer { .. } => self.deactivate_and_delete(&server).await,
            Op::DeleteApp { .. } => self.deactivate_and_delete(&app).await,
            Op::DeletePolicy => {
                let path = format!("{server}/policies/{}", id(&ids.policy));
                self.api.call(Method::DELETE, &path, None).await?;
                Ok(None)
            }
            Op::DeleteScope { id: scope, .. } => {
                let path = format!("{server}/scopes/{scope}");
                self.api.call(Method::DELETE, &path, None).await?;
                Ok(None)
            }
            Op::Unassign { group_id, .. } => {
                let path = format!("{app}/groups/{group_id}");
                self.api.call(Method::DELETE, &path, None).await?;
                Ok(None)
            }
        }
    }
}

/// The parts of an apply the scheduler needs: the ops, and the ids observed before it.
struct OktaOps {
    ops: Vec<Op>,
    ids: Ids,
}

#[async_trait]
impl Provider for Okta {
    fn display_name(&self) -> &'static str {
        "Okta"
    }

    /// Okta has no login connections: who may sign in is decided by the group the Codex client
    /// is assigned to, so the groups are what there is to choose from.
    async fn connections(&self) -> Result<Vec<LoginConnection>> {
        let groups = self.api.list("/api/v1/groups", &[]).await?;
        Ok(groups
            .iter()
            .map(Group::from_json)
            .map(|g| LoginConnection {
                name: g.name,
                kind: Some("Okta group".into()),
            })
            .collect())
    }

    fn registers_client(&self) -> bool {
        true
    }

    fn require_credentials(&self) -> Result<()> {
        self.api.require_credentials()
    }

    /// The issuer carries the server's id, so this reads the org: the server and the app.
    async fn expectations(&self) -> Result<Expectations> {
        let (server, app) = tokio::try_join!(self.find_server(), self.find_app())?;
        let server = server.ok_or_else(|| {
            AppError::failed(format!(
                "the authorization server {} does not exist",
                self.desired.server_name
            ))
            .with_hint("run `authsetup apply` (or `authsetup api create`) first")
        })?;
        let ids = self.ids(&OrgState {
            server: Some(server),
            app,
            ..OrgState::default()
        })?;
        let (server_id, issuer) = (
            ids.server.clone().unwrap_or_default(),
            ids.issuer.clone().unwrap_or_default(),
        );
        let origin = self.api.domain().origin();
        // Codex tries RFC 8414's path-inserted URL first, and Okta serves OIDC discovery under
        // the issuer (notes/codex-mcp.md §A5, notes/okta.md §A.3).
        let metadata_urls = [
            format!("{origin}/.well-known/oauth-authorization-server/oauth2/{server_id}"),
            format!("{issuer}/.well-known/openid-configuration"),
        ]
        .iter()
        .filter_map(|u| Url::parse(u).ok())
        .collect();
        let outputs = self.outputs(&ids);
        Ok(Expectations {
            issuer,
            metadata_urls,
            env: outputs
                .env
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect(),
            audience: self.desired.audience.clone(),
            client_id: outputs.client_id,
        })
    }

    async fn diagnose(&self, _probe_dcr: bool) -> Vec<Check> {
        let observed = self.observe(&Step::ALL).await;
        doctor::checks(&self.desired, self.credentials_source, &observed)
    }

    async fn plan(&self, steps: &[Step]) -> Result<Plan> {
        let state = self.observe(steps).await?;
        self.planned(planner::plan(&self.desired, steps, &state)?, &state)
    }

    async fn plan_destroy(&self, steps: &[Step], record: &Record) -> Result<Plan> {
        let state = self.observe(&Step::ALL).await?;
        let marked = planner::with_marks(&self.desired, &state, record);
        let mut plan = planner::destroy(&self.desired, steps, &state, &marked);
        if record.is_empty() {
            plan.warnings.extend(planner::unrecorded(steps, &state));
        }
        self.planned(plan, &state)
    }

    /// Each round sends every write whose prerequisites exist, so the rounds follow the
    /// dependency chain server → policy → rule; the single rule is created on its own, as Okta
    /// reorders priorities under parallel creates (notes/okta.md §A.5).
    async fn apply(&self, plan: &Plan, progress: &dyn Progress) -> Result<Outputs> {
        let planned = plan.ops.downcast_ref::<OktaOps>().ok_or_else(|| {
            AppError::failed("internal error: the plan was not made by the Okta provider")
        })?;
        let mut ids = planned.ids.clone();
        let mut exists: HashSet<Object> = HashSet::new();
        for (object, id) in [
            (Object::Server, &ids.server),
            (Object::App, &ids.app),
            (Object::Policy, &ids.policy),
        ] {
            if id.is_some() {
                exists.insert(object);
            }
        }
        let mut pending: Vec<(usize, &Op)> = planned.ops.iter().enumerate().collect();
        let mut done: Vec<String> = Vec::new();
        while !pending.is_empty() {
            let (round, later): (Vec<_>, Vec<_>) = pending
                .into_iter()
                .partition(|(_, op)| op.needs().iter().all(|n| exists.contains(n)));
            if round.is_empty() {
                return Err(AppError::failed(
                    "internal error: the remaining Okta writes wait for objects nothing creates",
                ));
            }
            pending = later;
            let snapshot = ids.clone();
            let made = write_round(&round, &mut done, progress, Op::label, |op| {
                self.execute(op, &snapshot)
            })
            .await?;
            for (object, doc) in made.into_iter().flatten() {
                let id = |what| {
                    doc["id"]
                        .as_str()
                        .map(|id| checked_id(what, id))
                        .transpose()
                };
                match object {
                    Object::Server => {
                        ids.server = id("the new authorization server")?;
                        ids.issuer = doc["issuer"]
                            .as_str()
                            .map(|_| {
                                AuthServer::from_json(&doc).checked_issuer(&self.api.domain().base)
                            })
                            .transpose()?;
                    }
                    Object::App => ids.app = id("the new app")?,
                    Object::Policy => ids.policy = id("the new policy")?,
                }
                exists.insert(object);
            }
        }
        Ok(self.outputs(&ids))
    }
}
