//! The MCP clients authsetup configures: what each reads, where it keeps its config and which
//! redirect URI it sends. Codex (TOML, its own module) is the reference client; Claude Code,
//! Gemini CLI, VS Code and Cursor keep a JSON map of servers, merged by `json_config`. Providers
//! and commands import a client's knowledge from here, never from `files`, which only holds
//! generic file editing.
//!
//! Ground truth: shared/reference/notes/codex-mcp.md for Codex, shared/reviews/beyond.md §C for
//! the others (Claude Code 2.1.332 and Gemini CLI 0.61.0 observed; VS Code and Cursor from their
//! documentation).

pub mod codex;
pub mod json_config;

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

/// An MCP client authsetup writes a config for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum McpClient {
    Codex,
    Claude,
    Gemini,
    VsCode,
    Cursor,
}

/// Which of a client's two config files: the project's (in the current folder, shareable) or
/// the user's (in the home folder, every project).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Project,
    User,
}

/// The MCP server as a JSON client is told about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McpServer {
    /// The key in the client's map of servers.
    pub name: String,
    /// The MCP endpoint; must equal the protected-resource `resource` byte for byte (beyond.md
    /// A1: Claude Code refuses a trailing-slash difference).
    pub url: String,
    /// A pre-registered OAuth client; `None` lets the client register itself (DCR or CIMD).
    pub client_id: Option<String>,
    /// Scopes to request with a pre-registered client, added to the ones listed.
    pub scopes: Vec<String>,
    /// The fixed port of the client's loopback callback listener, where the client has one.
    pub callback_port: u16,
}

impl McpClient {
    pub const ALL: [McpClient; 5] = [
        McpClient::Codex,
        McpClient::Claude,
        McpClient::Gemini,
        McpClient::VsCode,
        McpClient::Cursor,
    ];

    /// The name on the command line and in `--clients`.
    pub fn id(self) -> &'static str {
        match self {
            McpClient::Codex => "codex",
            McpClient::Claude => "claude",
            McpClient::Gemini => "gemini",
            McpClient::VsCode => "vscode",
            McpClient::Cursor => "cursor",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            McpClient::Codex => "Codex CLI",
            McpClient::Claude => "Claude Code",
            McpClient::Gemini => "Gemini CLI",
            McpClient::VsCode => "VS Code",
            McpClient::Cursor => "Cursor",
        }
    }

    pub fn from_id(id: &str) -> Option<McpClient> {
        McpClient::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The key of the map of servers in the client's JSON file; `None` for Codex's TOML.
    pub fn servers_key(self) -> Option<&'static str> {
        match self {
            McpClient::Codex => None,
            McpClient::VsCode => Some("servers"),
            McpClient::Claude | McpClient::Gemini | McpClient::Cursor => Some("mcpServers"),
        }
    }

    /// The JSON file the client reads servers from (beyond.md §C), under `project` (the current
    /// folder) or `home`; `None` for Codex, whose file is `$CODEX_HOME/config.toml`.
    pub fn config_file(self, scope: Scope, project: &Path, home: &Path) -> Option<PathBuf> {
        let path = match (self, scope) {
            (McpClient::Codex, _) => return None,
            // `claude mcp add --scope project|user`.
            (McpClient::Claude, Scope::Project) => project.join(".mcp.json"),
            // Claude Code keeps its user file in CLAUDE_CONFIG_DIR when that is set (observed
            // with 2.1.332: `claude mcp add --scope user` writes $CLAUDE_CONFIG_DIR/.claude.json).
            (McpClient::Claude, Scope::User) => std::env::var_os("CLAUDE_CONFIG_DIR")
                .filter(|d| !d.is_empty())
                .map_or_else(|| home.to_path_buf(), PathBuf::from)
                .join(".claude.json"),
            // `gemini mcp add --scope project|user`.
            (McpClient::Gemini, Scope::Project) => project.join(".gemini/settings.json"),
            (McpClient::Gemini, Scope::User) => home.join(".gemini/settings.json"),
            (McpClient::VsCode, Scope::Project) => project.join(".vscode/mcp.json"),
            (McpClient::VsCode, Scope::User) => vscode_user_folder(home).join("mcp.json"),
            (McpClient::Cursor, Scope::Project) => project.join(".cursor/mcp.json"),
            (McpClient::Cursor, Scope::User) => home.join(".cursor/mcp.json"),
        };
        Some(path)
    }

    /// Whether the client's config can name a pre-registered client id. VS Code has no such
    /// key: it asks for the id in a prompt at the first sign-in (microsoft/vscode#255633).
    pub fn takes_client_id(self) -> bool {
        self != McpClient::VsCode
    }

    /// The redirect URIs the OAuth client must allow for this client to sign in with a
    /// pre-registered client id, the callback listening on `port` where the client lets it be
    /// fixed. What plan and doctor compare with the tenant's client.
    pub fn redirect_uris(
        self,
        server_url: &str,
        port: u16,
    ) -> Result<Vec<String>, url::ParseError> {
        Ok(match self {
            McpClient::Codex => vec![codex::redirect_uri(server_url, port)?],
            // `localhost`, not 127.0.0.1, and no per-server suffix; the port from
            // `oauth.callbackPort` (beyond.md §C, observed with 2.1.332).
            McpClient::Claude => vec![format!("http://localhost:{port}/callback")],
            // The default is a random port; `oauth.redirectUri` fixes it (bundled
            // docs/tools/mcp-server.md of 0.61.0).
            McpClient::Gemini => vec![gemini_redirect_uri(port)],
            // Fixed by VS Code: its loopback port and its web redirect (microsoft/vscode#282472).
            McpClient::VsCode => vec![
                "http://127.0.0.1:33418".to_owned(),
                "https://vscode.dev/redirect".to_owned(),
            ],
            // Fixed by Cursor: its own URL scheme (erp-mafia/accounted#2225 lists what its DCR sends).
            McpClient::Cursor => vec!["cursor://anysphere.cursor-mcp/oauth/callback".to_owned()],
        })
    }

    /// The keys authsetup owns in the client's entry for `server`; a merge sets these and keeps
    /// every other key of the entry. `None` for Codex.
    pub fn entry(self, server: &McpServer) -> Option<Map<String, Value>> {
        let id = server
            .client_id
            .as_deref()
            .filter(|_| self.takes_client_id());
        let entry = match self {
            McpClient::Codex => return None,
            McpClient::Claude => {
                let mut e = json!({"type": "http", "url": server.url});
                if let Some(id) = id {
                    e["oauth"] = json!({"clientId": id, "callbackPort": server.callback_port});
                }
                e
            }
            McpClient::Gemini => {
                // `httpUrl` is streamable HTTP in every Gemini CLI release; `url` alone means SSE.
                // `oauth.enabled` makes Gemini CLI sign in by itself when the server answers 401,
                // registering through DCR when no client id is given; without it, it only says
                // to run `/mcp auth` (its connectToMcpServer, 0.61.0).
                let oauth = match id {
                    Some(id) => json!({
                        "enabled": true,
                        "clientId": id,
                        "redirectUri": gemini_redirect_uri(server.callback_port),
                        "scopes": server.scopes,
                    }),
                    None => json!({"enabled": true}),
                };
                json!({"httpUrl": server.url, "oauth": oauth})
            }
            McpClient::VsCode => json!({"type": "http", "url": server.url}),
            McpClient::Cursor => {
                let mut e = json!({"url": server.url});
                if let Some(id) = id {
                    e["auth"] = json!({"CLIENT_ID": id, "scopes": server.scopes});
                }
                e
            }
        };
        match entry {
            Value::Object(map) => Some(map),
            _ => unreachable!("every entry above is an object"),
        }
    }
}

impl fmt::Display for McpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

fn gemini_redirect_uri(port: u16) -> String {
    format!("http://localhost:{port}/oauth/callback")
}

/// VS Code's user settings folder on each platform (its `mcp.json` sits beside `settings.json`).
fn vscode_user_folder(home: &Path) -> PathBuf {
    if cfg!(target_os = "macos") {
        home.join("Library/Application Support/Code/User")
    } else if cfg!(windows) {
        std::env::var_os("APPDATA")
            .map_or_else(|| home.join("AppData/Roaming"), PathBuf::from)
            .join("Code/User")
    } else {
        std::env::var_os("XDG_CONFIG_HOME")
            .map_or_else(|| home.join(".config"), PathBuf::from)
            .join("Code/User")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_has_its_redirect_uri_rule() {
        let url = "http://127.0.0.1:8787/mcp";
        let got = |c: McpClient| c.redirect_uris(url, 1455).unwrap();
        assert_eq!(
            got(McpClient::Codex),
            ["http://127.0.0.1:1455/callback/jo3oVAWQjNhp"]
        );
        assert_eq!(got(McpClient::Claude), ["http://localhost:1455/callback"]);
        assert_eq!(
            got(McpClient::Gemini),
            ["http://localhost:1455/oauth/callback"]
        );
        assert_eq!(got(McpClient::VsCode).len(), 2);
        assert!(got(McpClient::Cursor)[0].starts_with("cursor://"));
        for c in McpClient::ALL {
            assert_eq!(McpClient::from_id(c.id()), Some(c));
        }
    }
}
