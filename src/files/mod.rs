//! Local files authsetup writes: the MCP server's `.env` and Codex's `config.toml`.

pub mod atomic;
pub mod codex;
pub mod env;
pub mod lock;
