//! Commands: each resolves what it needs from `Settings`, talks to a `Provider`, and reports
//! through the `Printer`. None of them knows which identity provider it talks to.

mod client;
mod clients;
mod codex;
mod completions;
mod demo;
mod doctor;
mod init;
mod prompt;
mod provision;
mod sandbox;

use crate::cli::{
    ApiCommand, ClientCommand, CodexCommand, Command, ConnectionCommand, DcrCommand, EnvCommand,
    GlobalArgs, PolicyCommand, TenantCommand,
};
use crate::error::{AppError, Result};
use crate::output::Printer;
use crate::provider::Step;
use crate::settings::Settings;

pub use provision::Mode;

/// `destroy` and the step reverses: the recorded changes of those steps, undone.
async fn undo(
    settings: &Settings,
    printer: &Printer,
    steps: &[Step],
    mode: Mode,
) -> Result<crate::plan::Plan> {
    provision::run_in(
        settings,
        printer,
        steps,
        false,
        mode,
        provision::Direction::Undo,
    )
    .await
}

pub async fn run(
    command: Command,
    global: &GlobalArgs,
    settings: Settings,
    printer: Printer,
) -> Result<()> {
    match command {
        Command::Plan(args) if args.destroy => {
            let plan = undo(&settings, &printer, &Step::ALL, Mode::Plan).await?;
            if args.exit_code && plan.writes() > 0 {
                return Err(AppError::changes_pending());
            }
            Ok(())
        }
        Command::Plan(args) if args.all_envs => {
            let term = crate::settings::Terminal {
                stderr_is_tty: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            };
            let all = Settings::resolve_all(global, &crate::settings::ProcessEnv, term)?;
            for settings in &all {
                for note in &settings.notes {
                    printer.note(format!(
                        "{}: {note}",
                        settings.environment.as_deref().unwrap_or_default()
                    ));
                }
            }
            let pending = provision::plan_all(&all, &printer).await?;
            if args.exit_code && pending {
                return Err(AppError::changes_pending());
            }
            Ok(())
        }
        Command::Plan(args) => {
            let plan = provision::run(&settings, &printer, &Step::ALL, true, Mode::Plan).await?;
            if args.exit_code && plan.writes() > 0 {
                return Err(AppError::changes_pending());
            }
            Ok(())
        }
        Command::Apply => provision::run(&settings, &printer, &Step::ALL, true, Mode::Apply)
            .await
            .map(drop),
        Command::Destroy => undo(&settings, &printer, &Step::ALL, Mode::Apply)
            .await
            .map(drop),
        Command::Api(ApiCommand::Delete) => {
            undo(&settings, &printer, &[Step::Api, Step::Policy], Mode::Apply)
                .await
                .map(drop)
        }
        Command::Dcr(DcrCommand::Disable) => undo(&settings, &printer, &[Step::Dcr], Mode::Apply)
            .await
            .map(drop),
        Command::Connection(ConnectionCommand::Demote) => {
            undo(&settings, &printer, &[Step::Connection], Mode::Apply)
                .await
                .map(drop)
        }
        Command::Clients(command) => clients::run(&settings, &printer, command, global.yes).await,
        Command::Api(ApiCommand::Create) => {
            provision::run(&settings, &printer, &[Step::Api], false, Mode::Apply)
                .await
                .map(drop)
        }
        Command::Tenant(TenantCommand::DefaultAudience) => provision::run(
            &settings,
            &printer,
            &[Step::DefaultAudience],
            false,
            Mode::Apply,
        )
        .await
        .map(drop),
        Command::Dcr(DcrCommand::Enable) => {
            provision::run(&settings, &printer, &[Step::Dcr], false, Mode::Apply)
                .await
                .map(drop)
        }
        Command::Policy(PolicyCommand::Set) => {
            provision::run(&settings, &printer, &[Step::Policy], false, Mode::Apply)
                .await
                .map(drop)
        }
        Command::Connection(ConnectionCommand::Promote { name }) => {
            let mut settings = settings;
            if let Some(name) = name {
                if global.connection.as_ref().is_some_and(|flag| *flag != name) {
                    return Err(AppError::usage(
                        format!(
                            "two connection names were given: {name} and --connection {}",
                            global.connection.as_deref().unwrap_or_default()
                        ),
                        "give the name once, either as the argument or with --connection",
                    ));
                }
                settings.connection = crate::settings::validate_connection(&name)?;
            }
            provision::run(&settings, &printer, &[Step::Connection], false, Mode::Apply)
                .await
                .map(drop)
        }
        Command::Env(EnvCommand::Write) => {
            provision::run(&settings, &printer, &[], true, Mode::Apply)
                .await
                .map(drop)
        }
        Command::Completions { shell } => completions::run(shell),
        Command::Man(args) => completions::man(&args),
        Command::Sandbox(args) => sandbox::run(&args, settings.provider, &printer).await,
        Command::Demo => demo::run(global, settings.provider, &printer).await,
        Command::Codex(CodexCommand::Config(args)) => codex::run(&settings, &printer, &args).await,
        Command::Client(ClientCommand::Config(args)) => {
            client::run(&settings, &printer, &args).await
        }
        Command::Init(args) => init::run(global, settings, &printer, &args).await,
        Command::Doctor(args) => doctor::run(&settings, &printer, &args).await.map(drop),
    }
}
