//! Local files authsetup writes: atomic replacement, run locks, the MCP server's `.env`, and a
//! style-keeping TOML editor and a layout-keeping JSON editor (the MCP clients' own config merges live
//! with the clients, in `clients`).

pub mod atomic;
pub mod env;
#[cfg(test)]
pub mod fixture_cases;
pub mod json_edit;
pub mod lock;
pub mod state;
pub mod toml_edit_ext;
