//! Codex CLI's `config.toml`: the snippet authsetup prints and the merge behind `codex config --write`.
//!
//! Ground truth is shared/reference/notes/codex-mcp.md (behaviour of the real codex-cli 0.171.0).
//! The file belongs to the user and to Codex itself, so a merge changes only the keys authsetup
//! owns and leaves every other byte where it was: `toml_edit` keeps comments, order and quoting.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Key, Table, Value};
use url::Url;

use super::{Callback, CodexServer, CredentialsStore, check_server_name};
use crate::error::AppError;
use crate::files::atomic::{Replaced, WriteError, create_parent, replace_with_backup};
use crate::files::lock;
use crate::files::toml_edit_ext::{
    Set, ShapeError, Style, TextStyle, describe, ensure_strings_in_array, ensure_table,
    keep_file_header_on_top, max_position, parse_error_position, set_value, style_of,
};

/// Global listener port for MCP OAuth callbacks (notes §A2).
const CALLBACK_PORT_KEY: &str = "mcp_oauth_callback_port";
/// Global base of the redirect URI, for every server without its own (notes §A2, §A7).
const CALLBACK_URL_KEY: &str = "mcp_oauth_callback_url";
/// Where Codex keeps MCP OAuth tokens (notes §A2).
const CREDENTIALS_STORE_KEY: &str = "mcp_oauth_credentials_store";
const SERVERS_KEY: &str = "mcp_servers";

/// Start of the comment placed above a pre-registered `client_id`. Recognising it lets a later run
/// refresh the URI when the MCP URL or port changed, instead of leaving a stale instruction.
const REDIRECT_COMMENT: &str = "# Redirect URI registered for this client: ";

/// Outcome of [`write`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteOutcome {
    Created,
    Updated {
        backup: PathBuf,
        /// The `mcp_oauth_credentials_store` this write replaced.
        replaced_store: Option<String>,
    },
    Unchanged,
}

/// Why the Codex config was not written. Each message is one line naming the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum CodexConfigError {
    #[error("cannot read {}: {source}", file.display())]
    Read {
        file: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{} is not UTF-8 text, so it is not a TOML file Codex can read; fix or move it aside, then run again (authsetup left it unchanged)",
        file.display()
    )]
    NotUtf8 { file: PathBuf },
    #[error(
        "{}:{line}:{column}: invalid TOML: {message}; fix that line or move the file aside, then run again (authsetup left it unchanged)",
        file.display()
    )]
    Parse {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: `{key}` is {found}, not a table; authsetup will not rewrite it. Make it a table (`[{key}]`) or remove it, then run again",
        file.display()
    )]
    NotATable {
        file: PathBuf,
        key: String,
        found: &'static str,
    },
    #[error(
        "{}: `{key}` is {found}; authsetup only replaces a plain value there. Set `{key} = {wanted}` by hand or remove the key, then run again",
        file.display()
    )]
    NotAValue {
        file: PathBuf,
        key: String,
        found: &'static str,
        wanted: String,
    },
    #[error(
        "{}: `{key}` is a stdio server (it has `command`), and Codex rejects `url` next to `command`; choose another --mcp-name or remove that entry, then run again",
        file.display()
    )]
    StdioServer { file: PathBuf, key: String },
    #[error(
        "invalid MCP server name {name:?}: Codex only starts servers whose name uses letters, digits, '-' and '_'; pass another --mcp-name"
    )]
    InvalidName { name: String },
    #[error(
        "invalid MCP server URL {url:?}: {source}; pass an absolute URL such as https://mcp.example.com/mcp with --mcp-url"
    )]
    InvalidUrl {
        url: String,
        #[source]
        source: url::ParseError,
    },
    #[error(
        "invalid callback port 0: Codex needs a fixed port between 1 and 65535; pass --callback-port"
    )]
    InvalidPort,
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(
        "{}: the merged config did not read back as expected ({detail}); this is a bug in authsetup. The file was not changed; add the output of `authsetup codex config` by hand",
        file.display()
    )]
    Internal { file: PathBuf, detail: String },
}

impl CodexConfigError {
    /// `merge` is pure and does not know the path; `write` names the real file.
    fn at(mut self, path: &Path) -> Self {
        match &mut self {
            CodexConfigError::Read { file, .. }
            | CodexConfigError::NotUtf8 { file }
            | CodexConfigError::Parse { file, .. }
            | CodexConfigError::NotATable { file, .. }
            | CodexConfigError::NotAValue { file, .. }
            | CodexConfigError::StdioServer { file, .. }
            | CodexConfigError::Internal { file, .. } => *file = path.to_path_buf(),
            // a write failure already names the real file
            CodexConfigError::Write(_) => {}
            CodexConfigError::InvalidName { .. }
            | CodexConfigError::InvalidUrl { .. }
            | CodexConfigError::InvalidPort => {}
        }
        self
    }
}

/// The file or the options are what is wrong (exit 2, like any bad input); reading or writing
/// the file failing is an operation that failed (exit 1). Either way the file was not changed.
impl From<CodexConfigError> for AppError {
    fn from(e: CodexConfigError) -> Self {
        let hint = match &e {
            CodexConfigError::NotUtf8 { .. } | CodexConfigError::Parse { .. } => {
                "authsetup merges only into a config.toml that parses as TOML, as Codex does"
            }
            CodexConfigError::NotATable { .. }
            | CodexConfigError::NotAValue { .. }
            | CodexConfigError::StdioServer { .. } => {
                "authsetup replaces only plain values, so nothing you wrote is lost"
            }
            CodexConfigError::InvalidName { .. }
            | CodexConfigError::InvalidUrl { .. }
            | CodexConfigError::InvalidPort => "no file was written",
            CodexConfigError::Read { .. }
            | CodexConfigError::Write(_)
            | CodexConfigError::Internal { .. } => {
                return AppError::failed(e.to_string()).with_source(e);
            }
        };
        AppError::usage(e.to_string(), hint).with_source(e)
    }
}

/// The file name `merge` reports before `write` substitutes the real path.
fn placeholder_file() -> PathBuf {
    PathBuf::from("config.toml")
}

fn check_server(server: &CodexServer) -> Result<(), CodexConfigError> {
    check_server_name(&server.name)?;
    Url::parse(&server.url).map_err(|source| CodexConfigError::InvalidUrl {
        url: server.url.clone(),
        source,
    })?;
    if server.callback_port == 0 {
        return Err(CodexConfigError::InvalidPort);
    }
    Ok(())
}

/// The config text to print, and the content of a config.toml authsetup creates from nothing.
pub fn snippet(server: &CodexServer) -> String {
    let mut doc = DocumentMut::new();
    // An empty document holds no key that could clash, so nothing here can fail.
    let _ = apply(&mut doc, server);
    if let Some(mut key) = doc.as_table_mut().key_mut(CALLBACK_PORT_KEY) {
        key.leaf_decor_mut().set_prefix(format!(
            "# Codex CLI config ($CODEX_HOME/config.toml, default ~/.codex/config.toml).\n\
             # MCP OAuth settings written by authsetup; sign in with `codex mcp login {}`.\n",
            server.name
        ));
    }
    let mut out = doc.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Merges authsetup's settings into an existing config.toml text (`None`: no file yet).
///
/// Sets `mcp_oauth_callback_port` and `mcp_oauth_credentials_store` (unless the file names one
/// and the server does not ask for another) at the top level, `[mcp_servers.NAME] url`, adds the
/// server's `scopes` to that entry's, and sets `[mcp_servers.NAME.oauth] client_id` when the server
/// has a pre-registered client. Everything else, including a `client_id` the user put there while we
/// have none, stays as it was: removing it could break a sign-in authsetup knows nothing about.
/// Returns the input unchanged, byte for byte, when it already says all that.
pub fn merge(existing: Option<&str>, server: &CodexServer) -> Result<String, CodexConfigError> {
    check_server(server)?;
    let Some(text) = existing else {
        return Ok(snippet(server));
    };
    let (style, body) = TextStyle::of(text);
    let mut doc: DocumentMut = body.parse().map_err(|e| parse_error(body, &e))?;
    let blank =
        doc.as_table().is_empty() && doc.trailing().as_str().is_none_or(|t| t.trim().is_empty());
    if blank {
        return Ok(style.restore(snippet(server)));
    }
    if !apply(&mut doc, server)? {
        return Ok(text.to_owned());
    }
    let mut out = doc.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    verify(&out, server)?;
    Ok(style.restore(out))
}

fn parse_error(text: &str, err: &toml_edit::TomlError) -> CodexConfigError {
    let (line, column, message) = parse_error_position(text, err);
    CodexConfigError::Parse {
        file: placeholder_file(),
        line,
        column,
        message,
    }
}

impl From<ShapeError> for CodexConfigError {
    fn from(e: ShapeError) -> Self {
        let file = placeholder_file();
        match e {
            ShapeError::NotATable { key, found } => {
                CodexConfigError::NotATable { file, key, found }
            }
            ShapeError::NotAValue { key, found, wanted } => CodexConfigError::NotAValue {
                file,
                key,
                found,
                wanted,
            },
        }
    }
}

/// Applies authsetup's keys to `doc`; `Ok(true)` when anything changed.
fn apply(doc: &mut DocumentMut, server: &CodexServer) -> Result<bool, CodexConfigError> {
    let mut changed = false;
    let root_had_values = !doc.as_table().get_values().is_empty();

    // The store applies to every MCP server of the user, so one the user chose stays unless
    // another was asked for; a file without one gets the default.
    let store = match server.credentials_store {
        None if doc.contains_key(CREDENTIALS_STORE_KEY) => None,
        wanted => Some(wanted.unwrap_or_default()),
    };
    let mut inserted = Vec::new();
    let port = Value::from(i64::from(server.callback_port));
    let store = store.map(|s| (CREDENTIALS_STORE_KEY, Value::from(s.as_str())));
    for (key, value) in std::iter::once((CALLBACK_PORT_KEY, port)).chain(store) {
        match set_value(doc.as_item_mut(), key, key, value)? {
            Set::Inserted => {
                inserted.push(key);
                changed = true;
            }
            Set::Replaced => changed = true,
            Set::Same => {}
        }
    }
    if !root_had_values && let Some(first) = inserted.first() {
        keep_file_header_on_top(doc, first);
    }

    changed |= upsert_server(doc, server)?;
    Ok(changed)
}

fn upsert_server(doc: &mut DocumentMut, server: &CodexServer) -> Result<bool, CodexConfigError> {
    let mut changed = false;
    let callback = callback_url(doc, &server.name);
    let callback = Callback::pre_registered(callback.as_deref());
    // New header tables go after every existing one unless they belong to a group.
    let end_position = max_position(doc.as_item()).unwrap_or(0) + 1;
    let root = doc.as_table_mut();
    if !root.contains_key(SERVERS_KEY) {
        let mut t = Table::new();
        t.set_implicit(true);
        t.set_position(Some(end_position));
        root.insert(SERVERS_KEY, Item::Table(t));
        changed = true;
    }
    let servers = root.get_mut(SERVERS_KEY).expect("just ensured");
    if style_of(servers).is_none() {
        return Err(CodexConfigError::NotATable {
            file: placeholder_file(),
            key: SERVERS_KEY.to_owned(),
            found: describe(servers),
        });
    }

    let server_path = format!(
        "{SERVERS_KEY}.{}",
        Key::new(server.name.as_str()).display_repr()
    );
    let (entry, created) = ensure_table(servers, &server.name, &server_path, end_position)?;
    changed |= created;
    if entry
        .as_table_like()
        .is_some_and(|t| t.contains_key("command"))
    {
        return Err(CodexConfigError::StdioServer {
            file: placeholder_file(),
            key: server_path,
        });
    }
    let url = Value::from(server.url.as_str());
    changed |= set_value(entry, "url", &format!("{server_path}.url"), url)?.changed();
    if !server.scopes.is_empty() {
        let path = format!("{server_path}.scopes");
        changed |= ensure_strings_in_array(entry, "scopes", &path, &server.scopes)?.changed();
    }

    let oauth_path = format!("{server_path}.oauth");
    if let Some(client_id) = &server.client_id {
        let (oauth, created) = ensure_table(entry, "oauth", &oauth_path, end_position)?;
        changed |= created;
        let set = set_value(
            oauth,
            "client_id",
            &format!("{oauth_path}.client_id"),
            Value::from(client_id.as_str()),
        )?;
        changed |= set.changed();
        // A comment needs a line of its own, which only a header table gives it.
        if style_of(oauth) == Some(Style::Header)
            && let Ok(uri) = callback.redirect_uri(&server.url, server.callback_port)
            && let Some(mut key) = oauth
                .as_table_like_mut()
                .and_then(|t| t.key_mut("client_id"))
        {
            let wanted = format!("{REDIRECT_COMMENT}{uri}\n");
            let decor = key.leaf_decor_mut();
            let prefix = decor
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_owned();
            let updated = if matches!(set, Set::Inserted) {
                Some(wanted)
            } else {
                refresh_redirect_comment(&prefix, &wanted)
            };
            if let Some(updated) = updated
                && updated != prefix
            {
                decor.set_prefix(updated);
                changed = true;
            }
        }
    }

    // A per-server port beats the global one (notes §A1, §A7); left alone it would make Codex
    // listen on, and send, a redirect URI other than the one the user asked for.
    if let Some(oauth) = entry.as_table_like_mut().and_then(|t| t.get_mut("oauth"))
        && oauth
            .as_table_like()
            .is_some_and(|t| t.contains_key("callback_port"))
    {
        let port = Value::from(i64::from(server.callback_port));
        let path = format!("{oauth_path}.callback_port");
        changed |= set_value(oauth, "callback_port", &path, port)?.changed();
    }
    Ok(changed)
}

/// Replaces our redirect-URI comment line in a key's prefix; `None` when there is none.
fn refresh_redirect_comment(prefix: &str, wanted: &str) -> Option<String> {
    let mut found = false;
    let out: String = prefix
        .split_inclusive('\n')
        .map(|line| {
            if line.trim_start().starts_with(REDIRECT_COMMENT.trim_end()) {
                found = true;
                wanted
            } else {
                line
            }
        })
        .collect();
    found.then_some(out)
}

/// Reads the merged text back with the `toml` crate (the parser family Codex uses) and checks that
/// authsetup's values landed where Codex looks for them, so a toml_edit quirk such as a key
/// printed after a table header can never be written to disk.
fn verify(out: &str, server: &CodexServer) -> Result<(), CodexConfigError> {
    let internal = |detail: String| CodexConfigError::Internal {
        file: placeholder_file(),
        detail,
    };
    let parsed: toml::Table = out
        .parse()
        .map_err(|e: toml::de::Error| internal(e.message().to_owned()))?;
    let port = parsed.get(CALLBACK_PORT_KEY).and_then(|v| v.as_integer());
    if port != Some(i64::from(server.callback_port)) {
        return Err(internal(format!(
            "top-level {CALLBACK_PORT_KEY} is {port:?}"
        )));
    }
    let store = parsed.get(CREDENTIALS_STORE_KEY).and_then(|v| v.as_str());
    let wanted = server.credentials_store.map(CredentialsStore::as_str);
    if store.is_none() || wanted.is_some_and(|w| store != Some(w)) {
        return Err(internal(format!(
            "top-level {CREDENTIALS_STORE_KEY} is {store:?}"
        )));
    }
    let entry = parsed
        .get(SERVERS_KEY)
        .and_then(|s| s.get(&server.name))
        .and_then(|e| e.as_table())
        .ok_or_else(|| internal(format!("{SERVERS_KEY}.{} is missing", server.name)))?;
    if entry.get("url").and_then(|v| v.as_str()) != Some(server.url.as_str()) {
        return Err(internal("url differs".to_owned()));
    }
    let scopes = entry.get("scopes").and_then(|v| v.as_array());
    let has_scope = |s: &String| scopes.is_some_and(|a| a.iter().any(|v| v.as_str() == Some(s)));
    if !server.scopes.iter().all(has_scope) {
        return Err(internal("scopes lack ours".to_owned()));
    }
    if let Some(id) = &server.client_id {
        let got = entry
            .get("oauth")
            .and_then(|o| o.get("client_id"))
            .and_then(|v| v.as_str());
        if got != Some(id.as_str()) {
            return Err(internal("oauth.client_id differs".to_owned()));
        }
    }
    Ok(())
}

/// Merges authsetup's settings into the config file at `config_path`.
///
/// A missing file (and a missing `$CODEX_HOME` folder, mode 0700) is created; an unchanged
/// result is not written at all, so the file's timestamp and any editor buffer stay valid.
///
/// Mode 0600 for a new file: config.toml may hold secrets — `codex mcp add --oauth-client-secret`
/// writes a client secret into it in plain text, and Codex chmods the file 0600 itself when it
/// writes it (notes §A1, §A11) — so it must not start out world-readable. An existing file keeps
/// its mode: the user chose it.
///
/// The backup (`config.toml.bak`, same mode as the original since it holds the same content):
/// the merge keeps every byte it does not own, but this is the user's hand-edited file and Codex
/// itself rewrites it; one copy of the previous state lets a user undo us with `mv` whatever went
/// wrong. Only the latest state is kept, so repeated runs do not pile up copies of secrets.
///
/// The file is left untouched when it is not valid TOML or a key we would set has a shape we
/// cannot safely replace (see [`CodexConfigError`]).
pub fn write(
    config_path: &Path,
    server: &CodexServer,
    on_wait: impl FnOnce(),
) -> Result<WriteOutcome, CodexConfigError> {
    check_server(server)?;
    let write_err = WriteError::writing(config_path);
    // The folder first (0700 when we create it, like Codex's own), so the lock is keyed by the
    // path it will keep; then one writer at a time, or concurrent runs each merge into the text
    // they read and the last rename drops the others' servers.
    create_parent(config_path).map_err(write_err)?;
    let _lock = lock::acquire(config_path, on_wait).map_err(write_err)?;
    let existing = read_text(config_path)?;
    let merged = merge(existing.as_deref(), server).map_err(|e| e.at(config_path))?;
    let replaced = replace_with_backup(
        config_path,
        existing.as_deref().map(str::as_bytes),
        merged.as_bytes(),
    )?;
    Ok(match replaced {
        Replaced::Created => WriteOutcome::Created,
        Replaced::Unchanged => WriteOutcome::Unchanged,
        Replaced::Updated { backup } => WriteOutcome::Updated {
            backup,
            replaced_store: existing
                .as_deref()
                .and_then(|old| replaced_store(old, server)),
        },
    })
}

/// What [`write`] would refuse, found without writing: the file reads, parses and takes the
/// merge.
pub fn check(config_path: &Path, server: &CodexServer) -> Result<(), CodexConfigError> {
    let existing = read_text(config_path)?;
    merge(existing.as_deref(), server).map_err(|e| e.at(config_path))?;
    Ok(())
}

/// The store the file named before, when `server` asks for another one: it changes where Codex
/// keeps every MCP login, so the user hears of it.
fn replaced_store(old: &str, server: &CodexServer) -> Option<String> {
    let wanted = server.credentials_store?;
    let body = old.strip_prefix('\u{feff}').unwrap_or(old);
    let doc: toml::Table = body.parse().ok()?;
    let before = doc.get(CREDENTIALS_STORE_KEY)?.as_str()?;
    (before != wanted.as_str()).then(|| before.to_owned())
}

/// The file's text, `None` when there is no file.
fn read_text(config_path: &Path) -> Result<Option<String>, CodexConfigError> {
    match fs::read(config_path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| CodexConfigError::NotUtf8 {
                file: config_path.to_path_buf(),
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(CodexConfigError::Read {
            file: config_path.to_path_buf(),
            source,
        }),
    }
}

/// A `[mcp_servers.NAME]` entry as Codex will read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfiguredServer {
    pub url: Option<String>,
    /// It has `command`: a stdio server, never reached over HTTP.
    pub stdio: bool,
    pub client_id: Option<String>,
    /// Its `scopes`, the ones Codex asks for (strings only).
    pub scopes: Vec<String>,
}

/// What `doctor` reads from config.toml for one server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigView {
    pub server: Option<ConfiguredServer>,
    /// The port Codex listens on for this server's callback: its `oauth.callback_port`, else
    /// `mcp_oauth_callback_port` (notes §A2); `None` when neither is set and Codex picks a free
    /// one. `Err` holds a value Codex rejects, as written.
    pub callback_port: Option<Result<u16, String>>,
    /// The callback URL the user set for this server, or for every server (notes §A2).
    pub callback_url: Option<String>,
}

/// `[mcp_servers.NAME.oauth] callback_url`, else the top-level `mcp_oauth_callback_url`.
fn callback_url(doc: &DocumentMut, name: &str) -> Option<String> {
    let own = doc
        .get(SERVERS_KEY)
        .and_then(|s| s.get(name))
        .and_then(|e| e.get("oauth"))
        .and_then(|o| o.get("callback_url"));
    own.or_else(|| doc.get(CALLBACK_URL_KEY))
        .and_then(Item::as_str)
        .map(String::from)
}

/// The callback URL the config in `codex_home` sets for `name`; `None` when it sets none or
/// cannot be read (then `codex config --write` says why).
pub fn configured_callback_url(codex_home: Option<&Path>, name: &str) -> Option<String> {
    let config = codex_home?.join("config.toml");
    inspect(&config, name).ok().flatten()?.callback_url
}

/// Reads config.toml the way Codex will for the server `name`; `Ok(None)` when there is no file.
pub fn inspect(config_path: &Path, name: &str) -> Result<Option<ConfigView>, CodexConfigError> {
    let Some(text) = read_text(config_path)? else {
        return Ok(None);
    };
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let doc: DocumentMut = body
        .parse()
        .map_err(|e| parse_error(body, &e).at(config_path))?;
    let entry = doc.get(SERVERS_KEY).and_then(|s| s.get(name));
    let text_of = |item: Option<&Item>| item.and_then(Item::as_str).map(String::from);
    let port = |item: Option<&Item>| {
        item.map(|v| {
            v.as_integer()
                .and_then(|p| u16::try_from(p).ok())
                .filter(|p| *p > 0)
                .ok_or_else(|| v.to_string().trim().to_string())
        })
    };
    let oauth = entry.and_then(|e| e.get("oauth"));
    Ok(Some(ConfigView {
        server: entry.map(|e| ConfiguredServer {
            url: text_of(e.get("url")),
            stdio: e.get("command").is_some(),
            client_id: text_of(oauth.and_then(|o| o.get("client_id"))),
            scopes: e
                .get("scopes")
                .and_then(Item::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
        }),
        callback_port: port(oauth.and_then(|o| o.get("callback_port")))
            .or_else(|| port(doc.get(CALLBACK_PORT_KEY))),
        callback_url: callback_url(&doc, name),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codex::{CODEX_0171_KEYS, CredentialsStore};
    use crate::files::fixture_cases;
    use crate::files::toml_edit_ext::has_lone_lf;
    use std::collections::BTreeMap;

    fn server(client_id: Option<&str>) -> CodexServer {
        CodexServer {
            name: "docs".into(),
            url: "https://mcp.example.com/mcp".into(),
            client_id: client_id.map(str::to_owned),
            scopes: Vec::new(),
            callback_port: 1455,
            credentials_store: Some(CredentialsStore::File),
        }
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct FixtureServer {
        name: String,
        url: String,
        client_id: Option<String>,
        #[serde(default)]
        scopes: Vec<String>,
        callback_port: u16,
        credentials_store: Option<String>,
    }

    impl From<FixtureServer> for CodexServer {
        fn from(f: FixtureServer) -> Self {
            let credentials_store = f.credentials_store.map(|s| match s.as_str() {
                "file" => CredentialsStore::File,
                "auto" => CredentialsStore::Auto,
                "keyring" => CredentialsStore::Keyring,
                other => panic!("unknown credentials_store {other:?} in a fixture"),
            });
            CodexServer {
                name: f.name,
                url: f.url,
                client_id: f.client_id,
                scopes: f.scopes,
                callback_port: f.callback_port,
                credentials_store,
            }
        }
    }

    /// Every value in a TOML tree by dotted path, tables (inline or not) flattened.
    fn leaves(table: &toml::Table) -> BTreeMap<String, toml::Value> {
        fn walk(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, toml::Value>) {
            for (k, v) in table {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                match v {
                    toml::Value::Table(t) => walk(&path, t, out),
                    other => {
                        out.insert(path, other.clone());
                    }
                }
            }
        }
        let mut out = BTreeMap::new();
        walk("", table, &mut out);
        out
    }

    fn generic(path: &str, name: &str) -> String {
        let ours = format!("{SERVERS_KEY}.{name}.");
        match path.strip_prefix(&ours) {
            Some(rest) => format!("{SERVERS_KEY}.<id>.{rest}"),
            None => path.to_owned(),
        }
    }

    fn codex_accepts(path: &str) -> bool {
        CODEX_0171_KEYS.contains(&path)
    }

    /// The semantic side of a merge: nothing the user had is lost, and every key we add or
    /// change is one Codex 0.171 reads.
    fn check_semantics(case: &str, input: Option<&str>, output: &str, server: &CodexServer) {
        let before = leaves(&input.unwrap_or("").parse::<toml::Table>().unwrap());
        let after = leaves(
            &output
                .parse::<toml::Table>()
                .unwrap_or_else(|e| panic!("{case}: output is not TOML: {e}")),
        );
        for (path, old) in &before {
            let new = after
                .get(path)
                .unwrap_or_else(|| panic!("{case}: `{path}` was removed"));
            if new != old {
                assert!(
                    codex_accepts(&generic(path, &server.name)),
                    "{case}: `{path}` changed but is not a key we own"
                );
            }
        }
        for path in after.keys().filter(|p| !before.contains_key(*p)) {
            let g = generic(path, &server.name);
            assert!(
                codex_accepts(&g),
                "{case}: added `{path}` ({g}), which Codex 0.171 does not read"
            );
        }
        let port = after.get(CALLBACK_PORT_KEY).and_then(|v| v.as_integer());
        assert_eq!(port, Some(i64::from(server.callback_port)), "{case}");
        let url = after.get(&format!("{SERVERS_KEY}.{}.url", server.name));
        assert_eq!(
            url.and_then(|v| v.as_str()),
            Some(server.url.as_str()),
            "{case}"
        );
    }

    /// Walks fixtures/codex-merge (see `files::fixture_cases`), FILE = config.toml.
    #[test]
    fn merge_fixtures() {
        let cases = fixture_cases::cases(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/codex-merge"),
        );
        assert!(cases.len() >= 9, "expected the fixture cases");
        for case in cases {
            let server: CodexServer = case.server::<FixtureServer>().into();
            let input = case.input("config.toml");
            let Some(got) = case.expect("config.toml", merge(input.as_deref(), &server)) else {
                continue;
            };
            let case = case.name;
            assert!(got.ends_with('\n'), "{case}: no final newline");
            check_semantics(&case, input.as_deref(), &got, &server);
            let again = merge(Some(&got), &server).unwrap();
            assert_eq!(again, got, "{case}: a second merge must change nothing");
            if case == "unchanged" {
                assert_eq!(Some(got.as_str()), input.as_deref(), "{case}: rewritten");
            }
            if input.is_none() || input.as_deref() == Some("") {
                assert_eq!(got, snippet(&server), "{case}: a new file is the snippet");
            }
        }
    }

    #[test]
    fn generated_keys_are_ones_codex_0171_accepts() {
        for s in [server(None), server(Some("0oa1"))] {
            let parsed: toml::Table = snippet(&s).parse().unwrap();
            let paths = leaves(&parsed);
            assert!(!paths.is_empty());
            for path in paths.keys() {
                let g = generic(path, &s.name);
                assert!(codex_accepts(&g), "snippet writes `{path}` ({g})");
            }
        }
        // And the values have the types Codex deserialises (§A2: u16 port, enum store).
        let parsed: toml::Table = snippet(&server(Some("0oa1"))).parse().unwrap();
        assert_eq!(parsed[CALLBACK_PORT_KEY].as_integer(), Some(1455));
        for store in [
            CredentialsStore::File,
            CredentialsStore::Auto,
            CredentialsStore::Keyring,
        ] {
            assert!(["auto", "file", "keyring"].contains(&store.as_str()));
        }
    }

    #[test]
    fn snippet_text() {
        assert_eq!(
            snippet(&server(None)),
            "# Codex CLI config ($CODEX_HOME/config.toml, default ~/.codex/config.toml).\n\
             # MCP OAuth settings written by authsetup; sign in with `codex mcp login docs`.\n\
             mcp_oauth_callback_port = 1455\n\
             mcp_oauth_credentials_store = \"file\"\n\
             \n\
             [mcp_servers.docs]\n\
             url = \"https://mcp.example.com/mcp\"\n"
        );
        let mut okta = server(Some("0oa1b2c3"));
        okta.url = "http://127.0.0.1:8787/mcp".into();
        okta.credentials_store = Some(CredentialsStore::Keyring);
        let text = snippet(&okta);
        assert!(
            text.ends_with(
                "mcp_oauth_credentials_store = \"keyring\"\n\
                 \n\
                 [mcp_servers.docs]\n\
                 url = \"http://127.0.0.1:8787/mcp\"\n\
                 \n\
                 [mcp_servers.docs.oauth]\n\
                 # Redirect URI registered for this client: http://127.0.0.1:1455/callback/jo3oVAWQjNhp\n\
                 client_id = \"0oa1b2c3\"\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn top_level_keys_stay_at_the_root() {
        let inputs = [
            "[a]\nx = 1\n",
            "[a]\nx = 1\n[a.b]\ny = 2\n",
            "[[arr]]\nx = 1\n",
            "# c\n[a]\nx = 1\n",
            "k = 1\n[a]\nx = 1\n",
            "a.b = 1\n[c]\n",
            "[mcp_servers.other]\nurl = \"https://o\"\n",
        ];
        for input in inputs {
            let out = merge(Some(input), &server(Some("c"))).unwrap();
            let parsed: toml::Table = out.parse().unwrap();
            assert_eq!(parsed[CALLBACK_PORT_KEY].as_integer(), Some(1455), "{out}");
            assert_eq!(
                parsed[CREDENTIALS_STORE_KEY].as_str(),
                Some("file"),
                "{out}"
            );
            let first_header = out.find("\n[").unwrap_or(out.len());
            assert!(out.find(CALLBACK_PORT_KEY).unwrap() < first_header, "{out}");
            let tables = leaves(&parsed);
            assert!(
                tables
                    .keys()
                    .all(|k| !k.ends_with(".mcp_oauth_callback_port")),
                "{out}"
            );
        }
    }

    #[test]
    fn header_is_written_as_a_header_and_odd_names_are_refused() {
        let out = merge(Some("model = \"x\"\n"), &server(None)).unwrap();
        assert!(out.contains("\n[mcp_servers.docs]\n"), "{out}");
        assert!(!out.contains("[mcp_servers]\n"), "{out}");
        for bad in ["", "my.server", "Salesforce DX", "a/b"] {
            let mut s = server(None);
            s.name = bad.into();
            assert!(matches!(
                merge(None, &s),
                Err(CodexConfigError::InvalidName { .. })
            ));
        }
        check_server_name("docs-2_prod").unwrap();
        let mut s = server(None);
        s.callback_port = 0;
        assert!(matches!(
            merge(None, &s),
            Err(CodexConfigError::InvalidPort)
        ));
        s.callback_port = 1455;
        s.url = "mcp.example.com/mcp".into();
        assert!(matches!(
            merge(None, &s),
            Err(CodexConfigError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn scopes_are_added_once_and_never_overwrite_a_non_array() {
        let mut s = server(Some("0oa1"));
        s.scopes = vec!["mcp:access".into(), "offline_access".into()];
        let out = merge(None, &s).unwrap();
        assert!(
            out.contains("scopes = [\"mcp:access\", \"offline_access\"]\n"),
            "{out}"
        );
        assert_eq!(merge(Some(&out), &s).unwrap(), out);
        let text =
            "[mcp_servers.docs]\nurl = \"https://mcp.example.com/mcp\"\nscopes = \"mcp:access\"\n";
        let err = merge(Some(text), &s).unwrap_err().to_string();
        assert!(
            err.contains("`mcp_servers.docs.scopes` is a string")
                && err.contains("[\"mcp:access\", \"offline_access\"]"),
            "{err}"
        );
    }

    #[test]
    fn line_endings_and_bom_are_kept() {
        let input = "\u{feff}model = \"x\"\r\nnote = \"\"\"a\r\nb\"\"\"\r\n\r\n[tui]\r\nnotifications = true\r\n";
        let out = merge(Some(input), &server(None)).unwrap();
        assert!(out.starts_with('\u{feff}'));
        assert!(!has_lone_lf(&out) && !out.contains("\r\r"), "{out:?}");
        assert!(out.contains("note = \"\"\"a\r\nb\"\"\"\r\n"), "{out:?}");
        assert!(
            out.contains("mcp_oauth_callback_port = 1455\r\n"),
            "{out:?}"
        );
        assert_eq!(merge(Some(&out), &server(None)).unwrap(), out);
    }

    #[test]
    fn unchanged_input_is_returned_verbatim() {
        // No final newline and odd spacing: still nothing to do, so nothing is rewritten.
        let input = "mcp_oauth_callback_port=1455\nmcp_oauth_credentials_store =   \"file\"\n[mcp_servers.docs]\nurl='https://mcp.example.com/mcp'";
        assert_eq!(merge(Some(input), &server(None)).unwrap(), input);
    }

    #[test]
    fn parse_errors_point_at_line_and_column() {
        let err = merge(Some("a = 1\n\n[t]\nb = = 2\n"), &server(None)).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("config.toml:4:5: invalid TOML: "), "{msg}");
        let err = merge(Some("a = 1\na = 2\n"), &server(None)).unwrap_err();
        assert!(err.to_string().starts_with("config.toml:2:"), "{err}");
    }

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    fn set_mode(p: &Path, m: u32) {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn write_creates_a_private_file_and_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("codex-home");
        let path = home.join("config.toml");
        assert_eq!(
            write(&path, &server(None), || {}).unwrap(),
            WriteOutcome::Created
        );
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&home), 0o700);
        assert_eq!(fs::read_to_string(&path).unwrap(), snippet(&server(None)));
        assert_eq!(
            write(&path, &server(None), || {}).unwrap(),
            WriteOutcome::Unchanged
        );
        assert!(!home.join("config.toml.bak").exists());
    }

    #[cfg(unix)]
    #[test]
    fn write_updates_with_a_backup_that_keeps_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# mine\nmodel = \"x\"\n";
        fs::write(&path, original).unwrap();
        set_mode(&path, 0o640);
        // A stale, wider backup must not lend its mode to the new one.
        let stale = dir.path().join("config.toml.bak");
        fs::write(&stale, "old").unwrap();
        set_mode(&stale, 0o644);

        let outcome = write(&path, &server(None), || {}).unwrap();
        assert_eq!(
            outcome,
            WriteOutcome::Updated {
                backup: stale.clone(),
                replaced_store: None,
            }
        );
        assert_eq!(fs::read_to_string(&stale).unwrap(), original);
        assert_eq!(mode(&stale), 0o640);
        assert_eq!(mode(&path), 0o640);
        let merged = fs::read_to_string(&path).unwrap();
        assert!(merged.starts_with(original), "{merged}");

        set_mode(&path, 0o600);
        let mut moved = server(None);
        moved.url = "https://mcp.example.com/v2/mcp".into();
        write(&path, &moved, || {}).unwrap();
        assert_eq!(fs::read_to_string(&stale).unwrap(), merged);
        assert_eq!(mode(&stale), 0o600);
    }

    #[test]
    fn write_refuses_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let bad = "model = \"x\"\n[mcp_servers.docs\nurl = \"u\"\n";
        fs::write(&path, bad).unwrap();
        let err = write(&path, &server(None), || {}).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{}:2:", path.display())),
            "the message names the file and line: {msg}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), bad);
        assert!(!dir.path().join("config.toml.bak").exists());

        fs::write(&path, "[mcp_servers]\ndocs = \"https://x\"\n").unwrap();
        let err = write(&path, &server(None), || {}).unwrap_err();
        assert!(
            err.to_string().starts_with(&format!(
                "{}: `mcp_servers.docs` is a string",
                path.display()
            )),
            "{err}"
        );

        fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(
            write(&path, &server(None), || {}),
            Err(CodexConfigError::NotUtf8 { .. })
        ));
    }
}

/// Fuzzing the merge: any text, TOML or not, gives a merged document or a refusal, never a panic;
/// and a merged document always reads back with our server and keeps the other servers.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::codex::CredentialsStore;
    use proptest::prelude::*;

    fn server() -> CodexServer {
        CodexServer {
            name: "docs".into(),
            url: "https://mcp.example.com/mcp".into(),
            client_id: None,
            scopes: Vec::new(),
            callback_port: 1455,
            credentials_store: Some(CredentialsStore::File),
        }
    }

    proptest! {
        #[test]
        fn any_text_is_merged_or_refused(text in "\\PC{0,300}") {
            let _ = merge(Some(&text), &server());
        }

        #[test]
        fn other_servers_survive(names in prop::collection::btree_set("[a-z]{1,8}", 0..5), comment in "[ -~]{0,30}") {
            let mut text = format!("# {comment}\nmodel = \"o3\"\n");
            for n in names.iter().filter(|n| n.as_str() != "docs") {
                text.push_str(&format!("\n[mcp_servers.{n}]\nurl = \"https://{n}.example/mcp\"\n"));
            }
            let merged = merge(Some(&text), &server()).expect("valid input merges");
            let doc: toml::Table = toml::from_str(&merged).expect("output is TOML");
            prop_assert_eq!(doc["mcp_servers"]["docs"]["url"].as_str(), Some("https://mcp.example.com/mcp"));
            let header = format!("# {comment}");
            prop_assert!(merged.contains(&header));
            for n in names.iter().filter(|n| n.as_str() != "docs") {
                let url = format!("https://{n}.example/mcp");
                prop_assert_eq!(doc["mcp_servers"][n.as_str()]["url"].as_str(), Some(url.as_str()));
            }
        }
    }
}
