//! `plan`, `apply` and the step subcommands: one flow, different step sets.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::error::{AppError, ErrorKind, Result};
use crate::files::atomic;
use crate::files::env::{self, EnvDoc, EnvOutcome};
use crate::files::lock::{self, RunLock};
use crate::files::state::{self, Record, StateFile};
use crate::http::Http;
use crate::interrupt::Applying;
use crate::output::Printer;
use crate::plan::{Action, Change, Outputs, Plan};
use crate::provider::{self, Progress, Provider, Step};
use crate::settings::{ClientMode, ProviderKind, Settings};

use super::prompt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Plan,
    Apply,
}

/// Setting the tenant up, or undoing what authsetup recorded of it (`destroy`, the step reverses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Undo,
}

/// The question before an apply on a terminal; its default is no.
pub const CONFIRM_APPLY: &str = "Apply these changes?";

/// Observe → plan → print or apply, then the `.env` when `with_env`. Returns the plan so callers
/// such as `demo` can show it.
pub async fn run(
    settings: &Settings,
    printer: &Printer,
    steps: &[Step],
    with_env: bool,
    mode: Mode,
) -> Result<Plan> {
    run_in(settings, printer, steps, with_env, mode, Direction::Forward).await
}

pub async fn run_in(
    settings: &Settings,
    printer: &Printer,
    steps: &[Step],
    with_env: bool,
    mode: Mode,
    direction: Direction,
) -> Result<Plan> {
    let mut prepared = prepare(settings, printer, steps, with_env, mode, direction).await?;
    if mode == Mode::Plan {
        if printer.is_json() {
            printer.json(&prepared.about(settings, &prepared.plan));
        } else {
            prepared.show(printer);
        }
        return Ok(prepared.plan);
    }
    // Like terraform: on a terminal, changes are made only after a "yes" to the plan shown.
    if prepared.plan.writes() > 0 && prompt::can_ask(settings, printer) {
        prepared.show(printer);
        if !prompt::confirm(settings.color, CONFIRM_APPLY, false).await? {
            printer.line("Nothing was changed.");
            return Ok(prepared.plan);
        }
    }
    let about = prepared.about_fn(settings);
    let plan = prepared.apply(printer).await?;
    if printer.is_json() {
        let mut doc = about(&plan);
        doc["applied"] = Value::Bool(true);
        printer.json(&doc);
    }
    Ok(plan)
}

/// `plan --all-envs`: every environment read and planned at once, each through its own client
/// and so within its own tenant's rate limit; then one section (or JSON object) per environment,
/// in the file's order. Returns whether any has changes pending.
pub async fn plan_all(all: &[Settings], printer: &Printer) -> Result<bool> {
    let prepared = futures::future::join_all(all.iter().map(|settings| {
        prepare(
            settings,
            printer,
            &Step::ALL,
            true,
            Mode::Plan,
            Direction::Forward,
        )
    }))
    .await;
    let mut docs = serde_json::Map::new();
    let mut pending = false;
    for (settings, prepared) in all.iter().zip(prepared) {
        let name = settings.environment.clone().unwrap_or_default();
        let mut prepared = prepared.map_err(|e| e.context(format!("environment {name}")))?;
        pending |= prepared.plan.writes() > 0;
        if printer.is_json() {
            docs.insert(name, prepared.about(settings, &prepared.plan));
        } else {
            printer.heading(format!("Environment {name}"));
            prepared.show(printer);
        }
    }
    if printer.is_json() {
        printer.json(&json!({ "environments": docs }));
    }
    Ok(pending)
}

/// One MCP server's share of a run: its provider, its plan and its `.env`.
struct Unit {
    provider: Box<dyn Provider>,
    plan: Plan,
    env_file: Option<PathBuf>,
    tenant_writes: usize,
}

/// One reading of the tenant turned into a plan, to show and then apply: `init` asks for a
/// confirmation in between, and the apply must carry out exactly what was shown. For an apply
/// that writes `.env` files it holds their run locks, so no other authsetup run writes them
/// meanwhile. With several MCP servers, `plan` is all of theirs, each change named after its
/// server.
pub struct Prepared {
    units: Vec<Unit>,
    pub plan: Plan,
    has_steps: bool,
    domain: String,
    provider_name: &'static str,
    /// The warnings were part of the plan shown, so the apply need not repeat them.
    warned: bool,
    direction: Direction,
    /// What authsetup did to this tenant: noted before an apply writes, settled after an undo.
    state: Option<TenantRecord>,
    _locks: Vec<RunLock>,
}

/// The record as read for the plan; the file is read again when it is written (`StateFile::update`).
struct TenantRecord {
    key: String,
    record: Record,
    path: PathBuf,
}

pub async fn prepare(
    settings: &Settings,
    printer: &Printer,
    steps: &[Step],
    with_env: bool,
    mode: Mode,
    direction: Direction,
) -> Result<Prepared> {
    let targets = settings.targets();
    // Everything that can be wrong locally is found before the first request, so that a run
    // never stops between the tenant writes and the files.
    let env_files: Vec<Option<PathBuf>> = targets
        .iter()
        .map(|t| (with_env && t.with_env).then(|| t.settings.env_file.clone()))
        .collect();
    let mut env_targets = Vec::new();
    for path in env_files.iter().flatten() {
        env_targets.push(check_env_file(path, mode)?);
    }
    // A concurrent apply on the same files waits here, before they are read; always in the same
    // order, so two runs sharing some files cannot wait on each other.
    env_targets.sort();
    let mut locks = Vec::new();
    if mode == Mode::Apply {
        for target in &env_targets {
            locks.push(
                lock::acquire(target, || {
                    printer.line("waiting for another authsetup run on the same files to finish…")
                })
                .map_err(|e| {
                    AppError::usage(
                        format!("cannot take the run lock beside {}: {e}", target.display()),
                        "check that this user may create files in that folder",
                    )
                })?,
            );
        }
    }
    let env_docs = env_files
        .iter()
        .map(|path| {
            path.as_deref()
                .map(read_env)
                .transpose()
                .map(Option::flatten)
        })
        .collect::<Result<Vec<_>>>()?;
    // One client for every server: they share the tenant's rate limit, so they share its pacer.
    let http = Http::new(settings)?;
    let providers = targets
        .iter()
        .map(|t| provider::connect(&t.settings, http.clone()))
        .collect::<Result<Vec<_>>>()?;
    let domain = settings.require_domain()?.display.clone();
    let provider_name = providers.first().map_or("", |p| p.display_name());
    let state = if mode == Mode::Apply || direction == Direction::Undo {
        let file = StateFile::load(&settings.state_file)?;
        let key = state::key(settings.provider.as_str(), &domain);
        let record = file.record(&key);
        Some(TenantRecord {
            key,
            record,
            path: settings.state_file.clone(),
        })
    } else {
        None
    };

    // Every server's reads in the same rounds: one server's plan takes as many as all of them.
    // What is tenant-wide is planned with the first server only, so it is written once.
    let shared = shared_steps(settings);
    let later: Vec<Step> = steps
        .iter()
        .copied()
        .filter(|s| !shared.contains(s))
        .collect();
    let plans = futures::future::join_all(providers.iter().enumerate().map(|(i, p)| {
        let steps = if i == 0 { steps } else { &later };
        match (&state, direction) {
            (Some(s), Direction::Undo) => p.plan_destroy(steps, &s.record),
            _ => p.plan(steps),
        }
    }))
    .await;
    let mut units = Vec::with_capacity(targets.len());
    let mut combined = Plan::empty();
    for (((target, provider), plan), (env_file, env_doc)) in targets
        .iter()
        .zip(providers)
        .zip(plans)
        .zip(env_files.into_iter().zip(env_docs))
    {
        let mut plan = plan.map_err(AppError::from_api)?;
        let tenant_writes = plan.writes();
        if let Some(path) = &env_file {
            plan.changes.push(env_change(path, env_doc.as_ref(), &plan));
        }
        combined.absorb(&plan, target.label.as_deref());
        units.push(Unit {
            provider,
            plan,
            env_file,
            tenant_writes,
        });
    }
    if let [one] = units.as_slice() {
        combined.outputs = one.plan.outputs.clone();
    }
    Ok(Prepared {
        units,
        plan: combined,
        has_steps: !steps.is_empty(),
        domain,
        provider_name,
        warned: false,
        direction,
        state,
        _locks: locks,
    })
}

impl Prepared {
    /// The plan for people, field by field.
    pub fn show(&mut self, printer: &Printer) {
        printer.heading(format!(
            "Plan for the {} tenant {}:",
            self.provider_name, self.domain
        ));
        printer.plan(&self.plan);
        self.warned = true;
    }

    /// The JSON document of a plan, naming the environment, provider, tenant and audience (or
    /// servers) it is about, so a CI log of several runs can tell them apart.
    fn about(&self, settings: &Settings, plan: &Plan) -> Value {
        self.about_fn(settings)(plan)
    }

    fn about_fn(&self, settings: &Settings) -> impl Fn(&Plan) -> Value + use<> {
        let tenant = self.domain.clone();
        let provider = settings.provider.as_str();
        let environment = settings.environment.clone();
        let audience = settings.audience.clone();
        let servers: Vec<Value> = settings
            .servers
            .iter()
            .map(|s| json!({"name": s.name, "url": s.url, "audience": s.audience}))
            .collect();
        move |plan: &Plan| {
            let mut doc = plan.to_json();
            doc["provider"] = json!(provider);
            doc["tenant"] = json!(tenant);
            if servers.is_empty() {
                doc["audience"] = json!(audience);
            } else {
                doc["audience"] = Value::Null;
                doc["servers"] = json!(servers);
            }
            if let Some(env) = &environment {
                doc["environment"] = json!(env);
            }
            doc
        }
    }

    /// Carries out the plan, then writes the `.env` files. Reports to people only; JSON is the
    /// caller's, which knows what else belongs in its one document. The returned plan carries
    /// the outputs known after the apply.
    pub async fn apply(self, printer: &Printer) -> Result<Plan> {
        let Prepared {
            units,
            mut plan,
            has_steps,
            domain,
            provider_name,
            warned,
            direction,
            state,
            _locks,
        } = self;
        if !warned {
            for w in &plan.warnings {
                printer.warn(w);
            }
        }
        let tenant_writes: usize = units.iter().map(|u| u.tenant_writes).sum();
        let tenant = format!("the {provider_name} tenant {domain}");
        // Written ahead of the writes: an apply cut short still leaves what it may have done
        // on record, and destroy finds out from the tenant what really exists. Each server's
        // own plan, whose resource names carry its audience.
        if let (Some(s), Direction::Forward, true) = (&state, direction, tenant_writes > 0) {
            StateFile::update(&s.path, &s.key, |record| {
                for u in &units {
                    let tenant: Vec<Change> = u
                        .plan
                        .changes
                        .iter()
                        .filter(|c| !is_local(c))
                        .cloned()
                        .collect();
                    record.note(&tenant);
                }
            })?;
        }
        let outputs = if tenant_writes == 0 {
            if has_steps {
                printer.success(match direction {
                    Direction::Forward => format!("{tenant} already matches; no changes made"),
                    Direction::Undo => {
                        format!("nothing of what authsetup recorded is left to undo in {tenant}")
                    }
                });
            }
            units.iter().map(|u| u.plan.outputs.clone()).collect()
        } else {
            // The same count as the plan's summary, which includes the .env files.
            let total = plan.writes();
            printer.heading(if total > tenant_writes {
                format!(
                    "Applying {total} change(s): {tenant_writes} to {tenant}, then {} to local files:",
                    total - tenant_writes
                )
            } else {
                format!("Applying {total} change(s) to {tenant}:")
            });
            for c in plan.changes.iter().filter(|c| !c.is_noop() && !is_local(c)) {
                printer.line(format!(
                    "  {} {}",
                    match c.action {
                        Action::Create => "+",
                        Action::Delete => "-",
                        _ => "~",
                    },
                    c.resource
                ));
            }
            let progress = printer.progress();
            let _applying = Applying::begin();
            // Every server's writes at once: their rounds overlap instead of adding up.
            let applied = futures::future::join_all(units.iter().enumerate().map(|(i, u)| {
                let progress = Offset {
                    inner: progress.as_ref(),
                    base: i * OFFSET,
                };
                async move {
                    if u.tenant_writes == 0 {
                        return Ok(u.plan.outputs.clone());
                    }
                    u.provider.apply(&u.plan, &progress).await
                }
            }))
            .await;
            applied
                .into_iter()
                .collect::<Result<Vec<_>>>()
                .map_err(AppError::from_api)?
        };
        if let (Some(s), Direction::Undo) = (&state, direction) {
            let settled: Vec<String> = units
                .iter()
                .flat_map(|u| u.plan.changes.iter().map(|c| c.resource.clone()))
                .collect();
            StateFile::update(&s.path, &s.key, |record| record.forget(&settled))?;
        }
        if crate::interrupt::requested() {
            return Err(AppError::interrupted(
                "interrupted after the tenant changes were made; the .env file was not written",
            )
            .with_hint("run the command again to write it"));
        }

        for (unit, outputs) in units.iter().zip(&outputs) {
            if let Some(path) = &unit.env_file {
                write_env(path, outputs, printer)?;
            }
        }
        if let [one] = outputs.as_slice() {
            plan.outputs = one.clone();
        }
        Ok(plan)
    }
}

/// The steps whose changes are the tenant's, not one server's: the tenant settings, and with
/// DCR clients the registration flags and the domain-level connection. (A pre-registered client
/// is one server's, and so is enabling the connection for it.)
fn shared_steps(settings: &Settings) -> Vec<Step> {
    match (settings.provider, settings.client_mode) {
        (ProviderKind::Auth0, ClientMode::Dcr) => {
            vec![Step::DefaultAudience, Step::Dcr, Step::Connection]
        }
        (ProviderKind::Auth0, ClientMode::Preregistered) => vec![Step::DefaultAudience],
        // Okta's steps all act on the server's own authorization server and client.
        (ProviderKind::Okta, _) => Vec::new(),
    }
}

/// Progress ids of one server's writes, apart from the other servers'.
const OFFSET: usize = 1 << 16;

struct Offset<'a> {
    inner: &'a dyn Progress,
    base: usize,
}

impl Progress for Offset<'_> {
    fn started(&self, id: usize, what: &str) {
        self.inner.started(self.base + id, what);
    }
    fn finished(&self, id: usize, what: &str, ok: bool) {
        self.inner.finished(self.base + id, what, ok);
    }
}

fn write_env(path: &Path, outputs: &Outputs, printer: &Printer) -> Result<()> {
    let values: Vec<(String, String)> = outputs
        .env
        .iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v)))
        .collect();
    // Read again under the lock: an edit made since the plan was read (while `init` waited for
    // a yes, or during a long apply) is merged into, not overwritten.
    let current = read_env(path).map_err(|e| AppError {
        kind: ErrorKind::Failed,
        message: format!("the tenant changes were made, but {}", e.message),
        ..e
    })?;
    let outcome = env::write(path, current, &values)
        .map_err(|e| AppError::failed(format!("cannot write {}: {e}", path.display())))?;
    printer.success(match outcome {
        EnvOutcome::Created => format!("wrote {}", path.display()),
        EnvOutcome::Updated => format!("updated {}", path.display()),
        EnvOutcome::Unchanged => format!("{} is up to date", path.display()),
    });
    Ok(())
}

/// The symlink policy, and for an apply that the folder takes new files (create-and-delete
/// probe); returns the file the write will replace.
fn check_env_file(path: &Path, mode: Mode) -> Result<PathBuf> {
    let target = atomic::resolve_target(path).map_err(|e| {
        AppError::usage(
            e.to_string(),
            "point the link at a file in the same folder, or pass the real file with --env-file",
        )
    })?;
    if mode == Mode::Apply {
        atomic::check_writable(&target).map_err(|e| {
            AppError::usage(
                format!("{e}, so {} cannot be written", path.display()),
                "make the folder writable for this user, or pass another --env-file",
            )
        })?;
    }
    Ok(target)
}

fn read_env(path: &Path) -> Result<Option<EnvDoc>> {
    env::read(path).map_err(|e| {
        let hint = match e {
            env::ReadError::Unparseable(_) => {
                "fix that line (KEY=VALUE, # comments, quoted values closed) or pass another --env-file"
            }
            env::ReadError::Unreadable(_) => {
                "check the file's permissions or pass another --env-file"
            }
        };
        AppError::usage(format!("{} {e}; refusing to rewrite it", path.display()), hint)
    })
}

/// A `.env` file's change, which is not the tenant's.
fn is_local(c: &Change) -> bool {
    c.resource.contains("env_file:")
}

fn env_change(path: &Path, doc: Option<&EnvDoc>, plan: &Plan) -> Change {
    let resource = format!("env_file:{}", path.display());
    let mut change = Change::new(
        resource,
        if doc.is_none() {
            Action::Create
        } else {
            Action::None
        },
    );
    for (key, value) in &plan.outputs.env {
        let before = doc.and_then(|d| d.get(key)).map(String::from);
        let after = value.clone();
        if before != after || doc.is_none() {
            let after = after
                .map(Value::String)
                .unwrap_or(json!("(known after apply)"));
            change = change.field(key, json!(before), after);
            if change.action == Action::None {
                change.action = Action::Update;
            }
        }
    }
    change
}
