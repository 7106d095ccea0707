//! The JSON config files of Claude Code, Gemini CLI, VS Code and Cursor: the snippet authsetup
//! prints and the merge behind `client config --write`.
//!
//! Each file belongs to the user and to the client, which rewrites it too (Claude Code keeps its
//! whole state in `~/.claude.json`). A merge therefore sets only the keys of [`McpClient::entry`]
//! in the server's entry, adds scopes to a list rather than replacing it, keeps every other
//! server and key in its order, and prints the file back in its own layout (`files::json_edit`).
//! A file that is not a JSON object, or a key of a shape authsetup would have to overwrite, is
//! refused and left as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{McpClient, McpServer};
use crate::error::AppError;
use crate::files::atomic::{Replaced, WriteError, create_parent, replace_with_backup};
use crate::files::json_edit::{JsonStyle, describe, parse_object};
use crate::files::lock;

/// Why a client's config was not written. Each message is one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum JsonConfigError {
    #[error("cannot read {}: {source}", file.display())]
    Read {
        file: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{}:{line}:{column}: not a JSON object authsetup can merge into: {message}; fix it (comments and trailing commas are not JSON) or move the file aside, then run again (authsetup left it unchanged)",
        file.display()
    )]
    Parse {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: `{key}` is {found}, not an object; authsetup will not rewrite it. Make it an object or remove it, then run again",
        file.display()
    )]
    NotAnObject {
        file: PathBuf,
        key: String,
        found: &'static str,
    },
    #[error(
        "{}: `{key}` is {found}, where authsetup writes {wanted}; set it by hand or remove the key, then run again",
        file.display()
    )]
    WrongShape {
        file: PathBuf,
        key: String,
        found: &'static str,
        wanted: &'static str,
    },
    #[error(
        "{}: `{key}` is a stdio server (it has `command`); choose another --mcp-name or remove that entry, then run again",
        file.display()
    )]
    StdioServer { file: PathBuf, key: String },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The file or the options are what is wrong (exit 2); reading or writing failing is an
/// operation that failed (exit 1). Either way the file was not changed.
impl From<JsonConfigError> for AppError {
    fn from(e: JsonConfigError) -> Self {
        let hint = match &e {
            JsonConfigError::Parse { .. } => {
                "authsetup merges only into a file that parses as a JSON object"
            }
            JsonConfigError::NotAnObject { .. }
            | JsonConfigError::WrongShape { .. }
            | JsonConfigError::StdioServer { .. } => {
                "authsetup replaces only values of the shape it writes, so nothing you wrote is lost"
            }
            JsonConfigError::Read { .. } | JsonConfigError::Write(_) => {
                return AppError::failed(e.to_string());
            }
        };
        AppError::usage(e.to_string(), hint)
    }
}

/// The text to print, and the content of a file authsetup creates.
pub fn snippet(client: McpClient, server: &McpServer) -> String {
    merge(client, None, server, Path::new("")).expect("an empty file takes any entry")
}

/// Merges the server into the file's text (`None`: no file yet) for `file` (named in errors).
/// Returns the input itself when it already says everything.
pub fn merge(
    client: McpClient,
    existing: Option<&str>,
    server: &McpServer,
    file: &Path,
) -> Result<String, JsonConfigError> {
    let (Some(servers_key), Some(entry)) = (client.servers_key(), client.entry(server)) else {
        unreachable!("Codex's config is TOML, merged by codex::config");
    };
    let (style, body) = existing.map_or((JsonStyle::default(), ""), JsonStyle::of);
    let mut root = parse_object(body).map_err(|e| JsonConfigError::Parse {
        file: file.to_path_buf(),
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    let before = root.clone();
    let shape = |key: &str, found: &Value| JsonConfigError::NotAnObject {
        file: file.to_path_buf(),
        key: key.to_owned(),
        found: describe(found),
    };
    let servers = root
        .entry(servers_key)
        .or_insert_with(|| Value::Object(Map::new()));
    let servers = match servers {
        Value::Object(m) => m,
        other => return Err(shape(servers_key, other)),
    };
    let key = format!("{servers_key}.{}", server.name);
    let target = servers
        .entry(server.name.clone())
        .or_insert_with(|| Value::Object(Map::new()));
    let target = match target {
        Value::Object(m) => m,
        other => return Err(shape(&key, other)),
    };
    if target.contains_key("command") {
        return Err(JsonConfigError::StdioServer {
            file: file.to_path_buf(),
            key,
        });
    }
    set_owned(target, entry, &key, file)?;
    match existing {
        Some(text) if root == before => Ok(text.to_owned()),
        _ => Ok(style.render(&Value::Object(root))),
    }
}

/// Sets `owned` into `target`: objects key by key, lists of strings by adding what is missing,
/// anything else by replacing a value of the same kind (or none).
fn set_owned(
    target: &mut Map<String, Value>,
    owned: Map<String, Value>,
    path: &str,
    file: &Path,
) -> Result<(), JsonConfigError> {
    for (k, wanted) in owned {
        let key = format!("{path}.{k}");
        let wrong = |found: &Value, wanted: &'static str| JsonConfigError::WrongShape {
            file: file.to_path_buf(),
            key: key.clone(),
            found: describe(found),
            wanted,
        };
        match (target.get_mut(&k), wanted) {
            (None, wanted) => {
                target.insert(k, wanted);
            }
            (Some(Value::Object(have)), Value::Object(wanted)) => {
                set_owned(have, wanted, &key, file)?;
            }
            (Some(found), Value::Object(_)) => {
                return Err(JsonConfigError::NotAnObject {
                    file: file.to_path_buf(),
                    key,
                    found: describe(found),
                });
            }
            (Some(Value::Array(have)), Value::Array(wanted)) => {
                for item in wanted {
                    if !have.contains(&item) {
                        have.push(item);
                    }
                }
            }
            (Some(found), Value::Array(_)) => return Err(wrong(found, "a list")),
            (Some(found @ (Value::Object(_) | Value::Array(_))), _) => {
                return Err(wrong(found, "a plain value"));
            }
            (Some(found), wanted) => *found = wanted,
        }
    }
    Ok(())
}

/// The file's text, `None` when there is none.
fn read_text(path: &Path) -> Result<Option<String>, JsonConfigError> {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|e| JsonConfigError::Parse {
                file: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("not UTF-8 text ({e})"),
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(JsonConfigError::Read {
            file: path.to_path_buf(),
            source,
        }),
    }
}

/// What [`write`] would refuse, found without writing.
pub fn check(client: McpClient, path: &Path, server: &McpServer) -> Result<(), JsonConfigError> {
    let existing = read_text(path)?;
    merge(client, existing.as_deref(), server, path).map(drop)
}

/// Merges the server into the client's file at `path`: created 0600 (its folder 0700) when
/// missing, not written when unchanged, else the previous text kept as `NAME.bak` and the file
/// replaced atomically, one authsetup run at a time.
pub fn write(
    client: McpClient,
    path: &Path,
    server: &McpServer,
    on_wait: impl FnOnce(),
) -> Result<Replaced, JsonConfigError> {
    let write_err = WriteError::writing(path);
    create_parent(path).map_err(write_err)?;
    let _lock = lock::acquire(path, on_wait).map_err(write_err)?;
    let existing = read_text(path)?;
    let merged = merge(client, existing.as_deref(), server, path)?;
    replace_with_backup(
        path,
        existing.as_deref().map(str::as_bytes),
        merged.as_bytes(),
    )
    .map_err(JsonConfigError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::fixture_cases;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct FixtureServer {
        client: String,
        name: String,
        url: String,
        client_id: Option<String>,
        #[serde(default)]
        scopes: Vec<String>,
        callback_port: u16,
    }

    /// The file name each client's fixture keeps in `in/` and `out/`.
    fn file_name(client: McpClient) -> &'static str {
        match client {
            McpClient::Gemini => "settings.json",
            McpClient::Claude => ".mcp.json",
            _ => "mcp.json",
        }
    }

    /// Every server of `input` other than ours, and every top-level key, unchanged as values.
    fn check_semantics(
        case: &str,
        client: McpClient,
        input: Option<&str>,
        out: &str,
        s: &McpServer,
    ) {
        let parsed = |t: &str| parse_object(JsonStyle::of(t).1).unwrap();
        let got = parsed(out);
        let key = client.servers_key().unwrap();
        let entry = &got[key][&s.name];
        let url_key = if client == McpClient::Gemini {
            "httpUrl"
        } else {
            "url"
        };
        assert_eq!(entry[url_key], s.url.as_str(), "{case}");
        let Some(input) = input.filter(|t| !t.trim().is_empty()) else {
            return;
        };
        let before = parsed(input);
        for (k, v) in &before {
            if k != key {
                assert_eq!(got.get(k), Some(v), "{case}: top-level `{k}` changed");
            }
        }
        if let Some(Value::Object(servers)) = before.get(key) {
            for (name, v) in servers {
                if name != &s.name {
                    assert_eq!(
                        got[key].get(name),
                        Some(v),
                        "{case}: server `{name}` changed"
                    );
                }
            }
        }
    }

    /// Walks fixtures/client-merge (see `files::fixture_cases`), FILE named by the client.
    #[test]
    fn merge_fixtures() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/client-merge");
        let mut seen = std::collections::HashSet::new();
        for case in fixture_cases::cases(&root) {
            let f: FixtureServer = case.server();
            let client = McpClient::from_id(&f.client).expect("a known client");
            seen.insert(client);
            let server = McpServer {
                name: f.name,
                url: f.url,
                client_id: f.client_id,
                scopes: f.scopes,
                callback_port: f.callback_port,
            };
            let name = file_name(client);
            let input = case.input(name);
            let result = merge(client, input.as_deref(), &server, Path::new(name));
            let Some(got) = case.expect(name, result) else {
                continue;
            };
            let case = case.name;
            check_semantics(&case, client, input.as_deref(), &got, &server);
            let again = merge(client, Some(&got), &server, Path::new(name)).unwrap();
            assert_eq!(again, got, "{case}: a second merge must change nothing");
            if input.is_none() {
                assert_eq!(
                    got,
                    snippet(client, &server),
                    "{case}: a new file is the snippet"
                );
            }
        }
        for client in McpClient::ALL
            .into_iter()
            .filter(|c| *c != McpClient::Codex)
        {
            assert!(seen.contains(&client), "no fixture for {client}");
        }
    }

    #[test]
    fn unchanged_input_is_returned_verbatim_even_in_another_layout() {
        let server = McpServer {
            name: "docs".into(),
            url: "https://mcp.example.com/mcp".into(),
            client_id: None,
            scopes: vec![],
            callback_port: 1455,
        };
        let text = "{\"mcpServers\":{\"docs\":{\"url\":\"https://mcp.example.com/mcp\",\"type\":\"http\"}}}";
        let got = merge(McpClient::Claude, Some(text), &server, Path::new("x")).unwrap();
        assert_eq!(got, text);
    }
}
