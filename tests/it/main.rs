//! The integration tests: one binary (one link instead of fifteen), each module a part of the
//! product driven through the built `authsetup` binary against emulated tenants on 127.0.0.1.

// Tests print their measurement tables (replay, spec conformance) for `--nocapture` readers.
#![allow(clippy::print_stdout, clippy::print_stderr)]

/// Shared by every module: a sandbox tenant, a scratch folder and the command to run.
mod common;
/// Replaying recorded Auth0/Okta traffic (shared/reference/recordings) against the emulator.
mod replay;
/// The OpenAPI documents every request is checked against.
mod spec;

/// The bad-input corpus: exit 2, one error line and a hint, no request.
mod bad_input;
/// `.ci/fetch-reference` and `.ci/reference.lock`: the shared reference files on a CI checkout.
#[cfg(unix)]
mod ci_reference;
/// `client config`: each MCP client's snippet and the merge into its own file.
mod client_config;
/// `codex config`: the snippet and the merge into Codex's config.toml.
mod codex_config;
/// The real Codex CLI logs in through tenants authsetup set up.
mod codex_login;
/// `doctor`: every condition broken alone fails its own check, with its fix.
mod doctor;
/// Network and service faults during `apply`; every scenario converges.
mod faults;
/// Completions and man pages are current.
mod generated;
/// `--help` snapshots, examples, `--version`, colour.
#[cfg(unix)]
mod help;
/// A hostile server in front of the tenant: redirects, absurd headers, huge or endless answers.
mod hostile;
/// The `init` wizard in a pseudo-terminal.
#[cfg(unix)]
mod init;
/// The Okta client's JWS and DPoP proofs checked by an independent JOSE implementation.
mod jose_oracle;
/// `destroy`, the step reverses, `clients list|prune`.
#[cfg(unix)]
mod lifecycle;
/// The real Claude Code and Gemini CLI read the files `client config` wrote.
#[cfg(unix)]
mod mcp_clients;
/// Auth0's audience and client modes, and the management domain.
mod modes;
/// The Okta provider end to end.
mod okta;
/// The human output of plan, apply, doctor and init, snapshotted.
mod output_snapshots;
/// `plan`, `apply` and the step commands on Auth0.
mod provision;
/// Where apply's records live (tenant marks, the shared state file) and destroy from them.
mod records;
/// Recorded Auth0 Management API traffic replayed against the emulator.
mod replay_auth0;
/// Recorded Okta Management API traffic replayed against the emulator.
mod replay_okta;
/// `authsetup sandbox` as a product.
mod sandbox_command;
/// The MCP server's OAuth scopes on the tenant, in Codex's config and in the tokens.
mod scopes;
/// The secret scan over every command's output and files.
mod secrets;
/// Several MCP servers per run and several environments per settings file.
mod servers;
/// Every request matched to its operation in the official OpenAPI documents.
mod spec_conformance;
