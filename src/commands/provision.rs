//! `plan`, `apply` and the step subcommands: one flow, different step sets.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::error::{AppError, ErrorKind, Result};
use crate::files::atomic;
use crate::files::env::{self, EnvDoc, EnvOutcome};
use crate::files::lock::{self, RunLock};
use crate::http::Http;
use crate::interrupt::Applying;
use crate::output::Printer;
use crate::plan::{Action, Change, Plan};
use crate::provider::{self, Provider, Step};
use crate::settings::Settings;

use super::prompt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Plan,
    Apply,
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
    let mut prepared = prepare(settings, printer, steps, with_env, mode).await?;
    // Which tenant and API the document is about, so a CI log of several runs can tell them apart.
    let tenant = prepared.domain.clone();
    let about = |plan: &Plan| {
        let mut doc = plan.to_json();
        doc["provider"] = json!(settings.provider.as_str());
        doc["tenant"] = json!(tenant);
        doc["audience"] = json!(settings.audience);
        doc
    };
    if mode == Mode::Plan {
        if printer.is_json() {
            printer.json(&about(&prepared.plan));
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
    let plan = prepared.apply(settings, printer).await?;
    if printer.is_json() {
        let mut doc = about(&plan);
        doc["applied"] = Value::Bool(true);
        printer.json(&doc);
    }
    Ok(plan)
}

/// One reading of the tenant turned into a plan, to show and then apply: `init` asks for a
/// confirmation in between, and the apply must carry out exactly what was shown. For an apply
/// that writes the `.env` it holds the run lock, so no other authsetup run writes the file
/// meanwhile.
pub struct Prepared {
    provider: Box<dyn Provider>,
    pub plan: Plan,
    with_env: bool,
    has_steps: bool,
    tenant_writes: usize,
    domain: String,
    /// The warnings were part of the plan shown, so the apply need not repeat them.
    warned: bool,
    _lock: Option<RunLock>,
}

pub async fn prepare(
    settings: &Settings,
    printer: &Printer,
    steps: &[Step],
    with_env: bool,
    mode: Mode,
) -> Result<Prepared> {
    // Everything that can be wrong locally is found before the first request, so that a run
    // never stops between the tenant writes and the file.
    let env_target = if with_env {
        Some(check_env_file(&settings.env_file, mode)?)
    } else {
        None
    };
    // A concurrent apply on the same file waits here, before the file is read.
    let lock = match (mode, &env_target) {
        (Mode::Apply, Some(target)) => Some(
            lock::acquire(target, || {
                printer.line("waiting for another authsetup run on the same files to finish…")
            })
            .map_err(|e| {
                AppError::usage(
                    format!("cannot take the run lock beside {}: {e}", target.display()),
                    "check that this user may create files in that folder",
                )
            })?,
        ),
        _ => None,
    };
    let env_doc = if with_env {
        read_env(&settings.env_file)?
    } else {
        None
    };
    let http = Http::new(settings)?;
    let provider = provider::connect(settings, http)?;
    let domain = settings.require_domain()?.display.clone();

    let mut plan = provider.plan(steps).await.map_err(AppError::from_api)?;
    let tenant_writes = plan.writes();
    if with_env {
        plan.changes
            .push(env_change(&settings.env_file, env_doc.as_ref(), &plan));
    }
    Ok(Prepared {
        provider,
        plan,
        with_env,
        has_steps: !steps.is_empty(),
        tenant_writes,
        domain,
        warned: false,
        _lock: lock,
    })
}

impl Prepared {
    /// The plan for people, field by field.
    pub fn show(&mut self, printer: &Printer) {
        printer.heading(format!(
            "Plan for the {} tenant {}:",
            self.provider.display_name(),
            self.domain
        ));
        printer.plan(&self.plan);
        self.warned = true;
    }

    /// Carries out the plan, then writes the `.env`. Reports to people only; JSON is the
    /// caller's, which knows what else belongs in its one document. The returned plan carries
    /// the outputs known after the apply.
    pub async fn apply(self, settings: &Settings, printer: &Printer) -> Result<Plan> {
        let Prepared {
            provider,
            mut plan,
            with_env,
            has_steps,
            tenant_writes,
            domain,
            warned,
            _lock,
        } = self;
        if !warned {
            for w in &plan.warnings {
                printer.warn(w);
            }
        }
        let outputs = if tenant_writes == 0 {
            if has_steps {
                printer.success(format!(
                    "the {} tenant {domain} already matches; no changes made",
                    provider.display_name(),
                ));
            }
            plan.outputs.clone()
        } else {
            // The same count as the plan's summary, which includes the .env file.
            let total = plan.writes();
            let tenant = format!("the {} tenant {domain}", provider.display_name());
            printer.heading(if total > tenant_writes {
                format!(
                    "Applying {total} change(s): {tenant_writes} to {tenant}, then {} to local files:",
                    total - tenant_writes
                )
            } else {
                format!("Applying {total} change(s) to {tenant}:")
            });
            for c in plan
                .changes
                .iter()
                .filter(|c| !c.is_noop() && !c.resource.starts_with("env_file:"))
            {
                printer.line(format!(
                    "  {} {}",
                    if c.action == Action::Create { "+" } else { "~" },
                    c.resource
                ));
            }
            let progress = printer.progress();
            let _applying = Applying::begin();
            provider
                .apply(&plan, progress.as_ref())
                .await
                .map_err(AppError::from_api)?
        };
        if crate::interrupt::requested() {
            return Err(AppError::interrupted(
                "interrupted after the tenant changes were made; the .env file was not written",
            )
            .with_hint("run the command again to write it"));
        }

        if with_env {
            let values: Vec<(String, String)> = outputs
                .env
                .iter()
                .filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v)))
                .collect();
            // Read again under the lock: an edit made since the plan was read (while `init`
            // waited for a yes, or during a long apply) is merged into, not overwritten.
            let current = read_env(&settings.env_file).map_err(|e| AppError {
                kind: ErrorKind::Failed,
                message: format!("the tenant changes were made, but {}", e.message),
                ..e
            })?;
            let outcome = env::write(&settings.env_file, current, &values).map_err(|e| {
                AppError::failed(format!("cannot write {}: {e}", settings.env_file.display()))
            })?;
            match outcome {
                EnvOutcome::Created => {
                    printer.success(format!("wrote {}", settings.env_file.display()))
                }
                EnvOutcome::Updated => {
                    printer.success(format!("updated {}", settings.env_file.display()))
                }
                EnvOutcome::Unchanged => {
                    printer.success(format!("{} is up to date", settings.env_file.display()))
                }
            }
        }
        plan.outputs = outputs;
        Ok(plan)
    }
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
