//! Shared set-up for end-to-end tests: an emulated tenant on 127.0.0.1 and the built binary
//! pointed at it with a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use authsetup_sandbox::{OktaOrg, OktaSandbox, RecordedRequest, Sandbox, SandboxConfig};
use serde_json::{Value, json};
use tempfile::TempDir;

pub const AUD: &str = "https://mcp.example.com/mcp";

/// Three MCP servers for `[[servers]]`: name and URL.
pub const SERVERS: [(&str, &str); 3] = [
    ("docs", "https://docs.example.com/mcp"),
    ("tickets", "https://tickets.example.com/mcp"),
    ("wiki", "https://wiki.example.com/mcp"),
];

pub struct World {
    pub sandbox: Sandbox,
    pub dir: TempDir,
}

impl World {
    pub fn new() -> World {
        World::with_config(SandboxConfig::default())
    }

    pub fn with_config(config: SandboxConfig) -> World {
        World {
            sandbox: Sandbox::start_background(config).expect("sandbox starts"),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with nothing from the developer's environment, working in the temp folder.
    pub fn bare(&self) -> Command {
        Command::from_std(self.bare_std())
    }

    fn bare_std(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_authsetup"));
        self.isolate(&mut cmd);
        cmd
    }

    /// What `bare` does, for a command that is not an assert_cmd one (a pseudo-terminal's).
    pub fn isolate(&self, cmd: &mut std::process::Command) {
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("AUTHSETUP_HTTP_TIMEOUT", "5")
            .current_dir(self.dir.path());
    }

    /// The binary pointed at the sandbox with client credentials and the test audience.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// `cmd()` as a plain process, for tests that spawn it and signal or kill it.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = self.bare_std();
        cmd.env("AUTH0_DOMAIN", self.sandbox.base_url())
            .env("AUTH0_CLIENT_ID", self.sandbox.client_id())
            .env("AUTH0_CLIENT_SECRET", self.sandbox.client_secret())
            .env("AUTH0_AUDIENCE", AUD);
        cmd
    }

    /// Management API requests that change something (the token request excluded).
    pub fn writes(&self) -> Vec<RecordedRequest> {
        self.sandbox
            .requests()
            .into_iter()
            .filter(|r| r.method != "GET" && r.path.starts_with("/api/v2/"))
            .collect()
    }

    /// `authsetup.toml` with the first `n` of `SERVERS` in resource mode (what several servers on
    /// Auth0 take), each with its own `.env`; run with `AUTH0_AUDIENCE` removed.
    pub fn write_auth0_servers(&self, n: usize) {
        let mut file = String::from("audience_mode = \"resource\"\n");
        for (name, url) in SERVERS.iter().take(n) {
            file.push_str(&format!(
                "[[servers]]\nname = \"{name}\"\nurl = \"{url}\"\nenv_file = \"{name}.env\"\n"
            ));
        }
        std::fs::write(self.path("authsetup.toml"), file).unwrap();
    }

    pub fn env_file(&self) -> Option<String> {
        std::fs::read_to_string(self.path(".env")).ok()
    }

    pub fn resource_server(&self, identifier: &str) -> Option<Value> {
        self.sandbox.with_tenant(|t| {
            t.resource_servers
                .iter()
                .find(|rs| rs["identifier"] == identifier)
                .cloned()
        })
    }

    pub fn settings(&self) -> Value {
        self.sandbox.with_tenant(|t| t.settings.clone())
    }

    pub fn connection(&self, name: &str) -> Option<Value> {
        self.sandbox
            .with_tenant(|t| t.connections.iter().find(|c| c["name"] == name).cloned())
    }

    /// Everything the tenant holds, to compare before and after.
    pub fn snapshot(&self) -> Value {
        self.sandbox.with_tenant(|t| {
            json!({
                "settings": t.settings,
                "resource_servers": t.resource_servers,
                "client_grants": t.client_grants,
                "connections": t.connections,
                "clients": t.clients,
            })
        })
    }

    pub fn default_grants(&self, audience: &str) -> Vec<Value> {
        self.sandbox.with_tenant(|t| {
            t.client_grants
                .iter()
                .filter(|g| g["audience"] == audience && g["default_for"] == "third_party_clients")
                .cloned()
                .collect()
        })
    }
}

pub fn output_text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Settings put back to their defaults, which the tenant did not spell out before, read as
/// unset: Auth0 keeps an emptied default audience as "" (TestAccTenant_Main), and the issuer
/// flag goes back to off.
pub fn unset_defaults(mut snap: Value) -> Value {
    let settings = snap["settings"].as_object_mut().unwrap();
    for (key, default) in [
        ("default_audience", json!("")),
        (
            "authorization_response_iss_parameter_supported",
            json!(false),
        ),
    ] {
        if settings.get(key) == Some(&default) {
            settings.remove(key);
        }
    }
    snap
}

/// Two Auth0 tenants as `[env.dev]` and `[env.prod]`, each with its own MCP URL, and the
/// credentials of each in its suffixed variables.
pub struct TwoEnvs {
    pub dev: World,
    pub prod: World,
}

impl TwoEnvs {
    pub fn new() -> TwoEnvs {
        let envs = TwoEnvs {
            dev: World::new(),
            prod: World::new(),
        };
        std::fs::write(
            envs.dev.path("authsetup.toml"),
            format!(
                "mcp_name = \"docs\"\n\
                 [env.dev]\ndomain = \"{}\"\nmcp_url = \"https://dev.example.com/mcp\"\n\
                 audience = \"https://dev.example.com/mcp\"\nenv_file = \"dev.env\"\n\
                 [env.prod]\ndomain = \"{}\"\nmcp_url = \"https://prod.example.com/mcp\"\n\
                 audience = \"https://prod.example.com/mcp\"\nenv_file = \"prod.env\"\n",
                envs.dev.sandbox.base_url(),
                envs.prod.sandbox.base_url()
            ),
        )
        .unwrap();
        envs
    }

    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// `cmd()` as a plain process, for tests that run two at once.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = self.dev.bare_std();
        for (suffix, world) in [("DEV", &self.dev), ("PROD", &self.prod)] {
            cmd.env(
                format!("AUTH0_CLIENT_ID_{suffix}"),
                world.sandbox.client_id(),
            )
            .env(
                format!("AUTH0_CLIENT_SECRET_{suffix}"),
                world.sandbox.client_secret(),
            );
        }
        cmd
    }

    pub fn silent(&self) -> bool {
        self.dev.sandbox.requests().is_empty() && self.prod.sandbox.requests().is_empty()
    }
}

/// An emulated Okta org and the built binary pointed at it.
pub struct Org {
    pub sandbox: OktaSandbox,
    pub dir: TempDir,
}

impl Org {
    pub fn new() -> Org {
        Org::with_config(SandboxConfig::default())
    }

    pub fn with_config(config: SandboxConfig) -> Org {
        Org {
            sandbox: OktaSandbox::start_background(config).expect("sandbox starts"),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with no credentials, pointed at the org, working in the temp folder.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("authsetup").expect("binary built");
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("AUTHSETUP_HTTP_TIMEOUT", "5")
            .env("OKTA_DOMAIN", self.sandbox.base_url())
            .env("OKTA_AUDIENCE", AUD)
            .env("MCP_URL", AUD)
            .current_dir(self.dir.path());
        cmd
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.env("OKTA_API_TOKEN", self.sandbox.api_token());
        cmd
    }

    pub fn org(&self) -> OktaOrg {
        self.sandbox.with_org(|o| o.clone())
    }

    pub fn writes(&self) -> Vec<authsetup_sandbox::RecordedRequest> {
        self.sandbox
            .requests()
            .into_iter()
            .filter(|r| r.method != "GET" && r.path.starts_with("/api/v1/"))
            .collect()
    }

    pub fn env_file(&self) -> Option<String> {
        std::fs::read_to_string(self.path(".env")).ok()
    }
}

/// Runs a future to its end on a runtime of its own: the tests are synchronous, the HTTP
/// client is not.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(future)
}

/// The redirect URI of the DCR clients tests register as Codex would.
pub const CODEX_REDIRECT: &str = "http://127.0.0.1:1455/callback/abc";

/// Registers a client through the tenant's open DCR endpoint with Codex's request; its id.
pub fn register_like_codex(w: &World, name: &str) -> String {
    let url = format!("{}/oidc/register", w.sandbox.base_url());
    let body = json!({
        "client_name": name, "redirect_uris": [CODEX_REDIRECT],
        "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "none",
        "response_types": ["code"],
    });
    let answer: Value = block_on(async {
        let resp = reqwest::Client::new()
            .post(url)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_success(), "{}", resp.status());
        resp.json().await.unwrap()
    });
    answer["client_id"].as_str().unwrap().to_string()
}

/// The claims of a JWT, unverified: what a test reads off a token a client got or stored.
pub fn jwt_claims(token: &str) -> Value {
    use base64::Engine;
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "a JWT, not an opaque token: {token}");
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(parts[1])
        .unwrap();
    serde_json::from_slice(&payload).unwrap()
}

/// A GET without following redirects, one step of a browser: status, `Location`, body.
pub fn get(url: &str, bearer: Option<&str>) -> (u16, Option<String>, String) {
    block_on(async {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap();
        let mut req = client.get(url);
        if let Some(token) = bearer {
            req = req.bearer_auth(token);
        }
        let resp = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let location = resp
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_string());
        (resp.status().as_u16(), location, resp.text().await.unwrap())
    })
}
