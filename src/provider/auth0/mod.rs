//! Auth0: observe the tenant with concurrent reads, plan with a pure function, apply the writes
//! in two rounds (everything independent, then the grant that needs the API).

mod api;
mod doctor;
mod planner;
mod state;

use std::collections::BTreeSet;
use std::sync::Arc;

use async_trait::async_trait;
use url::Url;

use crate::doctor::{Check, Expectations};
use crate::error::{AppError, Result};
use crate::files::state::Record;
use crate::http::Http;
use crate::plan::{Outputs, Plan};
use crate::provider::{LoginConnection, Progress, Provider, RegisteredClient, Step, write_round};
use crate::settings::{ClientMode, Settings};

use api::ManagementApi;
use doctor::{Observed, Read};
use planner::{ClientRef, CodexClient, Desired, Op, Scope};
use state::TenantState;

pub struct Auth0 {
    api: ManagementApi,
    desired: Desired,
    /// Where the credentials came from, to name it (never the value).
    credentials_source: Option<&'static str>,
}

impl Auth0 {
    pub fn new(settings: &Settings, http: Http) -> Result<Self> {
        let domain = settings.require_domain()?.clone();
        let audience = settings.require_audience()?.to_string();
        let client = match settings.client_mode {
            ClientMode::Dcr => None,
            ClientMode::Preregistered => Some(codex_client(settings, &audience)?),
        };
        Ok(Self {
            api: ManagementApi::new(
                http,
                domain,
                settings.management_domain.clone(),
                &settings.credentials,
            ),
            desired: Desired {
                audience_mode: settings.audience_mode,
                client,
                audience,
                api_name: settings.api_name.clone(),
                connection: settings.connection.clone(),
                create_connection: settings.create_connection,
                replace_default_audience: settings.replace_default_audience,
                mcp_url: settings.mcp_url.clone(),
                scopes: settings.scopes.clone(),
            },
            credentials_source: settings.credentials_source,
        })
    }

    /// `client_id` is Codex's pre-registered client, when there is one; its `.env` name is not
    /// `AUTH0_CLIENT_ID`, which names the Management API credentials.
    fn outputs(&self, client_id: Option<String>) -> Outputs {
        let mut env = vec![
            (
                "AUTH0_DOMAIN".into(),
                Some(self.api.domain().display.clone()),
            ),
            ("AUTH0_AUDIENCE".into(), Some(self.desired.audience.clone())),
        ];
        if self.desired.client.is_some() {
            env.push(("AUTH0_CODEX_CLIENT_ID".into(), client_id.clone()));
        }
        Outputs { env, client_id }
    }

    /// One round of concurrent reads; only what the steps need.
    async fn observe(&self, steps: &[Step]) -> Result<TenantState> {
        let wants = |s: Step| steps.contains(&s);
        let need_rs = wants(Step::Api) || wants(Step::Policy);
        let need_grant = wants(Step::Policy);
        let need_connection = wants(Step::Connection);
        let need_settings = wants(Step::Api) || wants(Step::DefaultAudience) || wants(Step::Dcr);

        let mut read_scopes = Vec::new();
        if need_rs {
            read_scopes.push(planner::READ_API);
        }
        if need_grant {
            read_scopes.push(planner::READ_GRANT);
        }
        if need_connection {
            read_scopes.push(planner::READ_CONNECTION);
        }
        if need_settings {
            read_scopes.push(planner::READ_SETTINGS);
        }
        // Codex's client is read on every run that has one, `codex config` included.
        let client_name = self.desired.client.as_ref().map(|c| c.name.as_str());
        if client_name.is_some() {
            read_scopes.push(planner::READ_CLIENT);
        }
        self.api.require_scopes(&read_scopes).await?;

        let aud = self.desired.audience.as_str();
        let need_default_grant = need_grant && client_name.is_none();
        let (resource_server, grant, connection, settings, codex_client) = tokio::try_join!(
            async {
                match need_rs {
                    true => self.api.get_resource_server(aud).await,
                    false => Ok(None),
                }
            },
            async {
                match need_default_grant {
                    true => self.api.get_default_grant(aud).await,
                    false => Ok(None),
                }
            },
            async {
                match need_connection {
                    true => self.api.get_connection(&self.desired.connection).await,
                    false => Ok(None),
                }
            },
            async {
                match need_settings {
                    true => self.api.get_tenant_settings().await.map(Some),
                    false => Ok(None),
                }
            },
            async {
                match client_name {
                    Some(name) => self.api.find_client(name).await,
                    None => Ok(None),
                }
            },
        )?;
        // What hangs off Codex's client id needs a second round, once it is known.
        let (client_grant, connection_clients) = match (&codex_client, &connection) {
            (Some(app), connection) => tokio::try_join!(
                async {
                    match need_grant {
                        true => self.api.get_client_grant(&app.id, aud).await,
                        false => Ok(None),
                    }
                },
                async {
                    match connection {
                        Some(c) => self.api.connection_clients(&c.id).await,
                        None => Ok(Vec::new()),
                    }
                },
            )?,
            (None, _) => (None, Vec::new()),
        };
        let connection = connection.map(|mut c| {
            c.enabled_clients = connection_clients;
            c
        });
        let connection_names =
            if need_connection && connection.is_none() && !self.desired.create_connection {
                let all = self.api.connections().await?;
                all.iter().map(ToString::to_string).collect()
            } else {
                Vec::new()
            };
        Ok(TenantState {
            resource_server,
            grant,
            connection,
            connection_names,
            settings,
            codex_client,
            client_grant,
        })
    }

    /// Doctor's one round of reads, all at once; a read whose scope the token is known to lack
    /// is not sent.
    async fn observe_all(&self, scopes: Option<&BTreeSet<String>>) -> Observed {
        let lacking = |wanted: &[&str]| -> Option<String> {
            let have = scopes?;
            (!wanted.iter().any(|s| have.contains(*s)))
                .then(|| format!("not checked: the token lacks {}", wanted[0]))
        };
        let read = |scope: Scope| lacking(&[scope.0]);
        let aud = self.desired.audience.as_str();
        let client_name = self.desired.client.as_ref().map(|c| c.name.as_str());
        let (
            resource_server,
            grants,
            connection,
            settings,
            third_party_apps,
            active_rules,
            login_experience,
            codex_client,
        ) = tokio::join!(
            attempt(read(planner::READ_API), self.api.get_resource_server(aud)),
            attempt(read(planner::READ_GRANT), self.api.all_default_grants(aud)),
            attempt(
                read(planner::READ_CONNECTION),
                self.api.get_connection(&self.desired.connection)
            ),
            attempt(read(planner::READ_SETTINGS), self.api.get_tenant_settings()),
            attempt(
                lacking(&doctor::READ_CLIENTS),
                self.api.count_third_party_clients()
            ),
            attempt(read(doctor::READ_RULES), self.api.count_active_rules()),
            attempt(
                read(doctor::READ_PROMPTS),
                self.api.universal_login_experience()
            ),
            async {
                match client_name {
                    Some(name) => {
                        attempt(lacking(&doctor::READ_CLIENTS), self.api.find_client(name)).await
                    }
                    None => Read::Got(None),
                }
            },
        );
        // What hangs off Codex's client id is read once it is known.
        let (client_grant, connection) = match (&codex_client, connection) {
            (Read::Got(Some(app)), connection) => {
                let (grant, enabled) = tokio::join!(
                    attempt(
                        read(planner::READ_GRANT),
                        self.api.get_client_grant(&app.id, aud)
                    ),
                    async {
                        match &connection {
                            Read::Got(Some(c)) => Some(self.api.connection_clients(&c.id).await),
                            _ => None,
                        }
                    },
                );
                let connection = match (connection, enabled) {
                    (Read::Got(Some(mut c)), Some(Ok(ids))) => {
                        c.enabled_clients = ids;
                        Read::Got(Some(c))
                    }
                    (_, Some(Err(e))) => Read::Failed(e),
                    (connection, _) => connection,
                };
                (grant, connection)
            }
            (_, connection) => (
                Read::Skipped("there is no client to look at".into()),
                connection,
            ),
        };
        Observed {
            resource_server,
            grants,
            connection,
            settings,
            third_party_apps,
            active_rules,
            login_experience,
            codex_client,
            client_grant,
        }
    }

    /// `display_name` goes back unchanged: a PATCH without it overwrites it with the name (OAS).
    async fn set_domain_level(
        &self,
        id: &str,
        domain: bool,
        display_name: &Option<String>,
    ) -> Result<()> {
        let mut body = serde_json::json!({ "is_domain_connection": domain });
        if let Some(shown) = display_name {
            body["display_name"] = shown.as_str().into();
        }
        self.api.update_connection(id, body).await
    }

    /// A planned set of writes as the commands see it, once the token is known to allow them.
    async fn finish(&self, p: planner::Auth0Plan, client_id: Option<String>) -> Result<Plan> {
        let needed: Vec<_> = p.ops.iter().map(Op::scope).collect();
        self.api.require_scopes(&needed).await?;
        Ok(Plan {
            changes: p.changes,
            warnings: p.warnings,
            outputs: self.outputs(client_id),
            ops: Arc::new(p.ops),
        })
    }

    /// One write; answers the client id when it creates Codex's client. `created` is that id
    /// once an earlier round made it.
    async fn execute(&self, op: &Op, created: Option<&str>) -> Result<Option<String>> {
        let client_id = |client: &ClientRef| match client {
            ClientRef::Existing(id) => Ok(id.clone()),
            ClientRef::Created => created.map(String::from).ok_or_else(|| {
                AppError::failed("internal error: Codex's client was not created first")
            }),
        };
        match op {
            Op::CreateResourceServer(body) => self.api.create_resource_server(body.clone()).await,
            Op::UpdateResourceServer { id, body } => {
                self.api.update_resource_server(id, body.clone()).await
            }
            Op::UpdateTenant(body) => self.api.update_tenant_settings(body.clone()).await,
            Op::PromoteConnection {
                id, display_name, ..
            } => self.set_domain_level(id, true, display_name).await,
            Op::CreateConnection(body) => self.api.create_connection(body.clone()).await,
            Op::CreateGrant(body) => self.api.create_grant(body.clone()).await,
            Op::UpdateGrant { id, body } | Op::UpdateClientGrant { id, body } => {
                self.api.update_grant(id, body.clone()).await
            }
            Op::CreateClient(body) => return self.api.create_client(body.clone()).await.map(Some),
            Op::UpdateClient { id, body } => self.api.update_client(id, body.clone()).await,
            Op::CreateClientGrant { client, body } => {
                let mut body = body.clone();
                body["client_id"] = client_id(client)?.into();
                self.api.create_client_grant(body).await
            }
            Op::EnableConnection { id, client, .. } => {
                self.api
                    .set_connection_client(id, &client_id(client)?, true)
                    .await
            }
            Op::DeleteResourceServer { id, .. } => self.api.delete_resource_server(id).await,
            Op::DeleteGrant { id } | Op::DeleteClientGrant { id } => {
                self.api.delete_grant(id).await
            }
            Op::DeleteClient { id, .. } => self.api.delete_client(id).await,
            Op::DisableConnection { id, client_id, .. } => {
                self.api.set_connection_client(id, client_id, false).await
            }
            Op::DemoteConnection {
                id, display_name, ..
            } => self.set_domain_level(id, false, display_name).await,
        }
        .map(|()| None)
    }
}

#[async_trait]
impl Provider for Auth0 {
    fn display_name(&self) -> &'static str {
        "Auth0"
    }

    async fn connections(&self) -> Result<Vec<LoginConnection>> {
        self.api
            .require_scopes(&[("read:connections", "list the connections")])
            .await?;
        self.api.connections().await
    }

    fn require_credentials(&self) -> Result<()> {
        self.api.require_credentials()
    }

    async fn expectations(&self) -> Result<Expectations> {
        let origin = self.api.domain().origin();
        // Codex asks RFC 8414's URL first for an issuer without a path (notes/codex-mcp.md §A5).
        let metadata_urls = [
            "/.well-known/oauth-authorization-server",
            "/.well-known/openid-configuration",
        ]
        .iter()
        .map(|path| Url::parse(&format!("{origin}{path}")).expect("the domain is a valid origin"))
        .collect();
        Ok(Expectations {
            issuer: format!("{origin}/"),
            metadata_urls,
            env: self
                .outputs(None)
                .env
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect(),
            audience: self.desired.audience.clone(),
            client_id: None,
        })
    }

    async fn diagnose(&self, probe_dcr: bool) -> Vec<Check> {
        let token = self.api.token_scopes().await;
        let mut checks =
            doctor::credential_checks(&token, self.credentials_source, &self.desired, probe_dcr);
        let observed = match &token {
            Ok(scopes) => self.observe_all(scopes.as_ref()).await,
            Err(_) => Observed::skipped("not checked: no Management API token"),
        };
        checks.extend(doctor::tenant_checks(&self.desired, &observed));
        checks
    }

    async fn registered_clients(&self, with_dates: bool) -> Result<Vec<RegisteredClient>> {
        let mut scopes = vec![("read:clients", "list the applications")];
        if with_dates {
            scopes.push(("read:logs", "read when DCR registered them"));
        }
        self.api.require_scopes(&scopes).await?;
        let (clients, dates) = tokio::try_join!(self.api.dcr_clients(), async {
            match with_dates {
                true => self.api.registration_dates().await,
                false => Ok(Vec::new()),
            }
        })?;
        Ok(clients
            .into_iter()
            .map(|(client_id, name)| RegisteredClient {
                registered_at: dates
                    .iter()
                    .find(|(id, _)| *id == client_id)
                    .and_then(|(_, date)| humantime::parse_rfc3339_weak(date).ok()),
                client_id,
                name,
            })
            .collect())
    }

    async fn delete_client(&self, client_id: &str) -> Result<()> {
        self.api.delete_client(client_id).await
    }

    async fn verify_probe_client(&self, client_id: &str, redirect_uri: &str) -> Result<()> {
        let client = self.api.client(client_id).await?.ok_or_else(|| {
            AppError::failed(format!("the tenant has no application {client_id}"))
        })?;
        let ours = client["is_first_party"] == false
            && client["name"] == "Codex"
            && client["callbacks"]
                .as_array()
                .is_some_and(|c| c.len() == 1 && c[0] == redirect_uri);
        if ours {
            Ok(())
        } else {
            Err(AppError::refused(format!(
                "{client_id} is not the third-party \"Codex\" application with only the redirect URI {redirect_uri} that the probe registered; it is left alone"
            )))
        }
    }

    fn registers_client(&self) -> bool {
        self.desired.client.is_some()
    }

    async fn plan(&self, steps: &[Step]) -> Result<Plan> {
        let state = self.observe(steps).await?;
        let client_id = state.codex_client.as_ref().map(|c| c.id.clone());
        self.finish(planner::plan(&self.desired, steps, &state)?, client_id)
            .await
    }

    async fn plan_destroy(&self, steps: &[Step], record: &Record) -> Result<Plan> {
        let aud = self.desired.audience.as_str();
        let covered = || {
            record
                .created
                .iter()
                .chain(record.changed.keys())
                .filter(|r| planner::destroy_covers(r, aud, steps))
        };
        let names: BTreeSet<&str> = covered()
            .filter_map(|r| {
                r.strip_prefix("connection:")
                    .or_else(|| r.strip_prefix("connection.enabled_clients:"))
            })
            .collect();
        // Codex's pre-registered client, when this tool created one (`--registration preregistered`):
        // the one on record, else the one of this setup, which counts only if it carries the mark.
        let client_name = covered()
            .find_map(|r| r.strip_prefix("client:"))
            .or_else(|| {
                self.desired
                    .client
                    .as_ref()
                    .filter(|_| steps.contains(&Step::Dcr))
                    .map(|c| c.name.as_str())
            });
        let mut reads = vec![
            planner::READ_API,
            planner::READ_GRANT,
            planner::READ_SETTINGS,
        ];
        if !names.is_empty() {
            reads.push(planner::READ_CONNECTION);
        }
        if client_name.is_some() {
            reads.push(planner::READ_CLIENT);
        }
        self.api.require_scopes(&reads).await?;
        let (resource_server, grant, settings, connections, codex_client) = tokio::try_join!(
            self.api.get_resource_server(aud),
            self.api.get_default_grant(aud),
            self.api.get_tenant_settings(),
            futures::future::try_join_all(names.iter().map(|n| self.api.get_connection(n))),
            async {
                match client_name {
                    Some(name) => self.api.find_client(name).await,
                    None => Ok(None),
                }
            },
        )?;
        // Its grant is found by its id, so it waits for the client.
        let client_grant = match &codex_client {
            Some(app) => self.api.get_client_grant(&app.id, aud).await?,
            None => None,
        };
        let state = TenantState {
            resource_server,
            grant,
            settings: Some(settings),
            codex_client,
            client_grant,
            ..TenantState::default()
        };
        let connections: Vec<_> = connections.into_iter().flatten().collect();
        let marked = planner::with_marks(record, aud, state.codex_client.as_ref());
        let mut plan = planner::destroy(aud, steps, &state, &connections, &marked);
        if record.is_empty() {
            plan.warnings
                .extend(planner::unrecorded(aud, steps, &state));
        }
        self.finish(plan, None).await
    }

    async fn apply(&self, plan: &Plan, progress: &dyn Progress) -> Result<Outputs> {
        let ops = plan.ops.downcast_ref::<Vec<Op>>().ok_or_else(|| {
            AppError::failed("internal error: the plan was not made by the Auth0 provider")
        })?;
        let api_created_now = ops.iter().any(|o| matches!(o, Op::CreateResourceServer(_)));
        let (later, first): (Vec<(usize, &Op)>, Vec<(usize, &Op)>) =
            ops.iter().enumerate().partition(|(_, o)| {
                (api_created_now && o.needs_api()) || o.needs_client() || o.removes_api()
            });
        let mut done: Vec<String> = Vec::new();
        let mut client_id = plan.outputs.client_id.clone();
        for round in [first, later] {
            if round.is_empty() {
                continue;
            }
            let known = client_id.clone();
            let made = write_round(&round, &mut done, progress, Op::label, |op| {
                self.execute(op, known.as_deref())
            })
            .await?;
            client_id = made.into_iter().flatten().next().or(client_id);
        }
        Ok(self.outputs(client_id))
    }
}

/// Codex's client for this MCP server: its name, and the redirect URI Codex sends for it.
fn codex_client(settings: &Settings, audience: &str) -> Result<CodexClient> {
    Ok(CodexClient {
        name: format!("Codex CLI ({})", settings.mcp_name),
        redirect_uri: crate::provider::codex_redirect_uri(settings, audience)?,
        other_redirect_uris: crate::provider::other_clients_redirect_uris(settings, audience)?,
    })
}

/// Runs a read unless the token is known to lack its scope.
async fn attempt<T>(
    lacking: Option<String>,
    read: impl std::future::Future<Output = Result<T>>,
) -> Read<T> {
    match lacking {
        Some(why) => Read::Skipped(why),
        None => Read::from_result(read.await),
    }
}
