//! The MCP clients authsetup configures, one module each: what the client reads, where it keeps
//! its config and logins, and the redirect URI it sends. Providers and commands import a client's
//! knowledge from here, never from `files`, which only holds generic file editing.

pub mod codex;
