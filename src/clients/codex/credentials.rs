//! The logins Codex stored in `$CODEX_HOME/.credentials.json`.

use std::fs;
use std::io;
use std::path::Path;

/// What `codex mcp login NAME` left in `$CODEX_HOME/.credentials.json` (the `file` store, notes
/// §A3). Only the access token's claims are ever looked at; the token itself stays secret.
pub struct StoredLogin {
    pub server_url: Option<String>,
    pub access_token: secrecy::SecretString,
}

/// The stored login for the server `name`, found by the `server_name` Codex records (its key
/// also carries a hash of the URL, which need not be recomputed). `Ok(None)`: no file, or no
/// login for that server (a keyring store keeps nothing here).
pub fn stored_login(codex_home: &Path, name: &str) -> io::Result<Option<StoredLogin>> {
    let bytes = match fs::read(codex_home.join(".credentials.json")) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let doc: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    let entry = doc.as_object().and_then(|logins| {
        logins
            .values()
            .find(|login| login["server_name"].as_str() == Some(name))
    });
    Ok(entry.and_then(|login| {
        Some(StoredLogin {
            server_url: login["server_url"].as_str().map(String::from),
            access_token: login["access_token"].as_str()?.to_string().into(),
        })
    }))
}
