//! Local files authsetup writes: atomic replacement, run locks, the MCP server's `.env`, and a
//! style-keeping TOML editor (Codex's `config.toml` merge lives with the rest of Codex, in `codex`).

pub mod atomic;
pub mod env;
pub mod lock;
pub mod toml_edit_ext;
