//! The real Codex CLI (`@openai/codex` 0.171.0, installed by `.ci/run` into `.codex-cache/`) logs
//! in to the sandbox's demo MCP server through a tenant that authsetup set up, and fails the way
//! it fails on real Auth0 when a piece of the setup is missing (notes/codex-mcp.md §0, §F).
//!
//! Codex runs with HOME and CODEX_HOME in a temporary folder and every proxy variable pointing at
//! a closed loopback port, so nothing but 127.0.0.1 is reachable; every wait is bounded.

use crate::spec;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::common::{block_on, get, jwt_claims, output_text};
use authsetup_sandbox::{OktaSandbox, Sandbox, SandboxConfig, Served};
use serde_json::{Value, json};
use tempfile::TempDir;

const CODEX_VERSION: &str = "codex-cli 0.171.0";
const NAME: &str = "demo";
/// Long enough for a slow CI machine, short next to Codex's own 300 s wait for its callback.
const STEP: Duration = Duration::from_secs(30);

/// `AUTHSETUP_CODEX_BIN`, else the copy `.ci/run` installs. Missing or another version fails the
/// test: a login test that skips itself would prove nothing.
fn codex_bin() -> PathBuf {
    let bin = std::env::var_os("AUTHSETUP_CODEX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".codex-cache/node_modules/.bin/codex")
        });
    let install = "run ./.ci/run (it installs the pinned Codex CLI first), or \
         `npm install --prefix .codex-cache @openai/codex@0.171.0`, or set AUTHSETUP_CODEX_BIN";
    let version = Command::new(&bin)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("Codex CLI not found at {}: {e}; {install}", bin.display()));
    let version = String::from_utf8_lossy(&version.stdout);
    assert_eq!(
        version.trim(),
        CODEX_VERSION,
        "{} is not the pinned Codex CLI; {install}",
        bin.display()
    );
    bin
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// An emulated tenant with its demo MCP server.
enum Tenant {
    Auth0(Sandbox),
    Okta(OktaSandbox),
}

impl Tenant {
    fn served(&self) -> &Served {
        match self {
            Tenant::Auth0(s) => s,
            Tenant::Okta(o) => o,
        }
    }

    fn mcp_url(&self) -> String {
        match self {
            Tenant::Auth0(s) => s.mcp_url(),
            Tenant::Okta(o) => o.mcp_url(),
        }
    }

    /// What points authsetup at the tenant, with the MCP server's URL as the audience.
    fn env(&self) -> Vec<(&'static str, String)> {
        match self {
            Tenant::Auth0(s) => vec![
                ("AUTH0_DOMAIN", s.base_url()),
                ("AUTH0_CLIENT_ID", s.client_id()),
                ("AUTH0_CLIENT_SECRET", s.client_secret()),
                ("AUTH0_AUDIENCE", s.mcp_url()),
            ],
            Tenant::Okta(o) => vec![
                ("OKTA_DOMAIN", o.base_url()),
                ("OKTA_API_TOKEN", o.api_token()),
                ("OKTA_AUDIENCE", o.mcp_url()),
            ],
        }
    }
}

/// A tenant after `authsetup apply` for its demo MCP server (audience = the MCP URL) and
/// `authsetup codex config --write` into a CODEX_HOME of its own.
struct Setup {
    tenant: Tenant,
    dir: TempDir,
    codex: PathBuf,
    codex_home: PathBuf,
    callback_port: u16,
    /// Where Codex is sent to sign in: the issuer's authorization endpoint.
    authorize_endpoint: String,
    /// `AUTHSETUP_AUDIENCE_MODE` / `AUTHSETUP_REGISTRATION` for every authsetup command.
    modes: Vec<(&'static str, &'static str)>,
}

impl Setup {
    /// What a new user gets: the modes left to authsetup (resource, DCR).
    fn new() -> Setup {
        Setup::auth0_in(&[])
    }

    /// The seed's recipe: the tenant's default audience is the API.
    fn default_audience() -> Setup {
        Setup::auth0_in(&[("AUTHSETUP_AUDIENCE_MODE", "default")])
    }

    /// An Auth0 tenant set up with the modes given as their variables.
    fn auth0_in(modes: &[(&'static str, &'static str)]) -> Setup {
        let sandbox = Sandbox::start_background(SandboxConfig::default()).expect("sandbox starts");
        let authorize_endpoint = format!("{}/authorize", sandbox.base_url());
        Setup::configured(Tenant::Auth0(sandbox), authorize_endpoint, modes)
    }

    /// Okta: Codex's pre-registered client with the redirect URI computed for the callback port
    /// (notes/okta.md §0.5). The demo MCP server's metadata names the new authorization server.
    fn okta() -> Setup {
        let org = OktaSandbox::start_background(SandboxConfig::default()).expect("org starts");
        let mut s = Setup::configured(Tenant::Okta(org), String::new(), &[]);
        let Tenant::Okta(org) = &s.tenant else {
            unreachable!()
        };
        // The demo server names the authorization server apply created by itself, as a user's
        // would be configured (newuser review item 1): nothing is patched in here.
        let issuer = org.with_org(|o| o.servers[0].doc["issuer"].as_str().unwrap().to_string());
        s.authorize_endpoint = format!("{issuer}/v1/authorize");
        s
    }

    fn configured(
        tenant: Tenant,
        authorize_endpoint: String,
        modes: &[(&'static str, &'static str)],
    ) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let codex_home = dir.path().join("codex-home");
        std::fs::create_dir_all(&codex_home).unwrap();
        let s = Setup {
            tenant,
            dir,
            codex: codex_bin(),
            codex_home,
            callback_port: free_port(),
            authorize_endpoint,
            modes: modes.to_vec(),
        };
        let port = s.callback_port.to_string();
        s.authsetup(&["apply", "--mcp-name", NAME, "--callback-port", &port]);
        s.authsetup(&[
            "codex",
            "config",
            "--write",
            "--mcp-name",
            NAME,
            "--callback-port",
            &port,
        ]);
        let config = std::fs::read_to_string(s.codex_home.join("config.toml")).unwrap();
        assert!(
            config.contains("mcp_oauth_credentials_store = \"file\""),
            "{config}"
        );
        s
    }

    /// The Auth0 sandbox, for the tests that take its tenant apart.
    fn auth0(&self) -> &Sandbox {
        match &self.tenant {
            Tenant::Auth0(s) => s,
            Tenant::Okta(_) => panic!("an Auth0 test on an Okta org"),
        }
    }

    fn mcp_url(&self) -> String {
        self.tenant.mcp_url()
    }

    /// The binary with nothing from the developer's environment, pointed at the tenant.
    fn authsetup_cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("authsetup").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("AUTHSETUP_HTTP_TIMEOUT", "5")
            .envs(self.tenant.env())
            .env("MCP_URL", self.mcp_url())
            .env("CODEX_HOME", &self.codex_home)
            .envs(self.modes.iter().copied())
            .current_dir(self.dir.path());
        cmd
    }

    fn authsetup(&self, args: &[&str]) {
        let out = self.authsetup_cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", output_text(&out));
    }

    /// Codex with nothing from the developer's environment and no way off the machine.
    fn codex(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.codex);
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("CODEX_HOME", &self.codex_home)
            .env("NO_PROXY", "127.0.0.1,localhost")
            .current_dir(self.dir.path())
            .args(args);
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
            cmd.env(proxy, "http://127.0.0.1:9");
        }
        cmd
    }

    /// `codex mcp login NAME`, running, once it has printed the authorization URL.
    fn start_login(&self) -> Login {
        self.start_login_to(NAME)
    }

    /// `codex mcp login <server>`, running, once it has printed the authorization URL.
    fn start_login_to(&self, server: &str) -> Login {
        let mut child = self
            .codex(&["mcp", "login", server])
            // the npm launcher is a node script that runs the native binary as its child: a group
            // of their own lets both be stopped together
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("codex starts");
        let (tx, lines) = mpsc::channel();
        for pipe in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let mut login = Login {
            child,
            lines,
            seen: Vec::new(),
            url: String::new(),
        };
        let authorize = format!("{}?", self.authorize_endpoint);
        login.url = login.wait_for(|l| l.starts_with(&authorize));
        login
    }

    /// A whole `codex mcp login`: the sandbox approves at once and redirects to Codex's callback,
    /// which this follows. Codex's exit status and output.
    fn log_in(&self) -> (bool, String) {
        self.log_in_to(NAME)
    }

    /// [`log_in`](Self::log_in) to the server Codex knows as `server`.
    fn log_in_to(&self, server: &str) -> (bool, String) {
        let mut login = self.start_login_to(server);
        let (status, location, body) = login.authorize();
        assert_eq!(status, 302, "{body}");
        let location = location.unwrap();
        // a DCR client on an issuer that sends `iss` gets plain `/callback` (notes/codex-mcp.md)
        let callback = format!("http://127.0.0.1:{}/callback", self.callback_port);
        assert!(location.starts_with(&callback), "{location}");
        // Codex's own page says how it went; its exit status and output are what count
        get(&location, None);
        login.finish()
    }

    /// `codex mcp list --json`: the server's `auth_status`.
    fn auth_status(&self) -> String {
        let out = self.codex(&["mcp", "list", "--json"]).output().unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
        let list: Value = serde_json::from_slice(&out.stdout).unwrap();
        let server = list
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == NAME)
            .unwrap_or_else(|| panic!("{NAME} listed: {list}"));
        assert_eq!(server["transport"]["url"], self.mcp_url().as_str());
        server["auth_status"].as_str().unwrap().to_string()
    }

    /// The access token Codex stored for the server (`mcp_oauth_credentials_store = "file"`).
    fn stored_token(&self) -> String {
        self.stored_login()["access_token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The login Codex stored for the server.
    fn stored_login(&self) -> Value {
        let entry = self.stored_login_of(NAME);
        assert_eq!(entry["server_url"], self.mcp_url().as_str());
        entry
    }

    /// The login Codex stored for the server it knows as `server`.
    fn stored_login_of(&self, server: &str) -> Value {
        let path = self.codex_home.join(".credentials.json");
        let creds: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        creds
            .as_object()
            .unwrap()
            .iter()
            .find(|(key, _)| key.starts_with(&format!("{server}|")))
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no entry for {server}: {creds}"))
    }

    /// `authsetup doctor` fails the check `id`, with a fix that names `fix`.
    fn assert_doctor_names(&self, id: &str, fix: &str) {
        let out = self
            .authsetup_cmd()
            .args(["doctor", "--output", "json"])
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
        let check = doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no check {id}: {doc}"));
        assert_eq!(check["status"], "fail", "{check}");
        assert!(
            check["fix"].as_str().is_some_and(|f| f.contains(fix)),
            "{check}"
        );
    }
}

/// A running `codex mcp login`; dropping it kills Codex.
struct Login {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
    url: String,
}

impl Login {
    /// The first line (stdout or stderr) matching `wanted`, within [`STEP`].
    fn wait_for(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + STEP;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => panic!("Codex did not print it in time:\n{}", self.seen.join("\n")),
            }
        }
    }

    /// Requests the authorization URL as the browser would: the sandbox answers with a redirect
    /// to Codex's loopback callback, or with its error page.
    fn authorize(&self) -> (u16, Option<String>, String) {
        get(&self.url, None)
    }

    /// Codex's exit status and everything it printed, within [`STEP`].
    fn finish(&mut self) -> (bool, String) {
        let deadline = Instant::now() + STEP;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // the reader threads drain what is left once the pipes close
                while let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) {
                    self.seen.push(line);
                }
                return (status.success(), self.seen.join("\n"));
            }
            assert!(
                Instant::now() < deadline,
                "Codex did not exit in time:\n{}",
                self.seen.join("\n")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Codex is still waiting for a callback two seconds on, as it does when the sign-in ends
    /// on an error page (its own limit is 300 s); then it is stopped, having stored nothing.
    fn assert_left_waiting(mut self, s: &Setup) {
        std::thread::sleep(Duration::from_secs(2));
        while let Ok(line) = self.lines.try_recv() {
            self.seen.push(line);
        }
        let running = self.child.try_wait().unwrap().is_none();
        assert!(running, "Codex gave up: {}", self.seen.join("\n"));
        drop(self);
        assert!(!s.codex_home.join(".credentials.json").exists());
    }
}

impl Drop for Login {
    fn drop(&mut self) {
        // the group this test started: npm's launcher and the native Codex binary under it
        if let Some(group) = i32::try_from(self.child.id())
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        {
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
        }
        let _ = self.child.wait();
    }
}

/// Codex's requests during a login, checked like authsetup's own (tests/spec): the problems
/// found, by operation.
fn login_traffic_problems(s: &Setup, rules: &spec::Rules) -> Vec<String> {
    let mut problems = Vec::new();
    for req in s.tenant.served().requests() {
        let verdict = rules
            .check(&req)
            .unwrap_or_else(|| panic!("no shape for {} {}", req.method, req.path));
        problems.extend(
            verdict
                .problems
                .iter()
                .map(|p| format!("{}: {p}", verdict.operation)),
        );
    }
    problems
}

/// The whole login on a set-up tenant: Codex reports success and `o_auth`, and the token it
/// stored is a JWT for the MCP server from `issuer` about `user`, which the MCP server accepts.
fn assert_codex_logs_in(s: &Setup, issuer: &str, user: &str) {
    assert_eq!(s.auth_status(), "not_logged_in");
    s.tenant.served().clear_log();
    let (ok, printed) = s.log_in();
    assert!(ok, "{printed}");
    assert!(
        printed.contains(&format!("Successfully logged in to MCP server '{NAME}'")),
        "{printed}"
    );
    assert_eq!(s.auth_status(), "o_auth");
    let token = s.stored_token();
    let claims = jwt_claims(&token);
    assert_eq!(claims["aud"], s.mcp_url().as_str());
    assert_eq!(claims["iss"], issuer);
    assert_eq!(claims["sub"], user, "the sandbox's test user signed in");
    let (status, _, body) = get(&s.mcp_url(), Some(&token));
    assert_eq!(status, 200, "the MCP server refused the token: {body}");
    let (status, _, _) = get(&s.mcp_url(), None);
    assert_eq!(status, 401);
}

#[test]
fn codex_logs_in_through_a_tenant_authsetup_set_up_and_the_mcp_server_takes_its_token() {
    let s = Setup::new();
    assert_codex_logs_in(&s, &s.auth0().issuer(), &Sandbox::test_user());
    // the real client keeps to what Auth0 documents, so the emulator's rules are the ones it meets
    let problems = login_traffic_problems(&s, &spec::Rules::auth0());
    assert!(problems.is_empty(), "{problems:#?}");
    let order: Vec<String> = s
        .auth0()
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    for step in [
        "GET /mcp",
        "POST /oidc/register",
        "GET /authorize",
        "POST /oauth/token",
    ] {
        assert!(order.contains(&step.to_string()), "{step} in {order:#?}");
    }
}

/// Okta: no DCR, the pre-registered client from `codex config` with the redirect URI authsetup
/// computed; the token's audience is the authorization server's.
#[test]
fn codex_logs_in_through_an_okta_org_authsetup_set_up_with_its_pre_registered_client() {
    let s = Setup::okta();
    let config = std::fs::read_to_string(s.codex_home.join("config.toml")).unwrap();
    let Tenant::Okta(org) = &s.tenant else {
        unreachable!()
    };
    let (client_id, issuer) = org.with_org(|o| {
        (
            o.apps[0]["id"].as_str().unwrap().to_string(),
            o.servers[0].doc["issuer"].as_str().unwrap().to_string(),
        )
    });
    assert!(
        config.contains(&format!("client_id = \"{client_id}\"")),
        "{config}"
    );
    assert_codex_logs_in(&s, &issuer, OktaSandbox::test_user());
    let login = s.stored_login();
    assert!(
        login["refresh_token"]
            .as_str()
            .is_some_and(|t| !t.is_empty()),
        "Codex asked for offline_access, so it holds a refresh token: {}",
        login["scopes"]
    );
    assert!(
        !org.requests()
            .iter()
            .any(|r| r.path == "/oauth2/v1/clients"),
        "no DCR against Okta"
    );
    // Codex sends RFC 8707 `resource`, which Okta's spec does not list (notes/okta.md §A.3);
    // nothing else it sends is outside the spec
    let problems = login_traffic_problems(&s, &spec::Rules::okta());
    assert!(!problems.is_empty());
    // and its spec lists no redirect among /v1/authorize's answers, though a redirect is the
    // authorization code flow itself (RFC 6749 §4.1.2)
    assert!(
        problems
            .iter()
            .all(|p| p.contains("`resource` is not declared")
                || p.contains("`/resource` is not in the schema")
                || p.contains("answered 302 where the spec declares")),
        "{problems:#?}"
    );
}

/// Okta redirects its refusals to the app (notes/okta.md §0.2).
#[test]
fn an_okta_app_not_assigned_to_the_user_is_refused_and_doctor_names_it() {
    let s = Setup::okta();
    let Tenant::Okta(org) = &s.tenant else {
        unreachable!()
    };
    org.with_org(|o| o.assignments.clear());
    let login = s.start_login();
    let (status, location, body) = login.authorize();
    assert_eq!(status, 302, "{body}");
    let location = location.unwrap();
    assert!(location.contains("error=access_denied"), "{location}");
    // Codex 0.171 shows the error in the browser and, asking for the scopes of its config (as
    // `codex config` writes them for a pre-registered client), ends the login with it too
    // (observed; without configured scopes it kept waiting for another callback)
    let (status, _, page) = get(&location, None);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("access_denied"), "{page}");
    let mut login = login;
    let (ok, printed) = login.finish();
    assert!(!ok && printed.contains("access_denied"), "{printed}");
    assert!(!s.codex_home.join(".credentials.json").exists());
    s.assert_doctor_names("okta.assignment", "authsetup connection promote");
}

/// Breaks one piece of the set-up tenant, then runs the login: on real Auth0 a strict
/// third-party client sees the error on Auth0's page and Codex waits for a callback that never
/// comes (notes/codex-mcp.md §F). Returns the page.
fn refused_on_the_error_page(
    s: Setup,
    break_it: impl FnOnce(&mut authsetup_sandbox::Auth0Tenant),
) -> (Setup, String) {
    s.auth0().with_tenant(break_it);
    let login = s.start_login();
    let (status, location, page) = login.authorize();
    assert_eq!((status, location), (400, None), "{page}");
    login.assert_left_waiting(&s);
    assert_eq!(s.auth_status(), "not_logged_in");
    (s, page)
}

#[test]
fn without_a_default_audience_auth0_refuses_codex_on_its_error_page_and_doctor_names_it() {
    let (s, page) = refused_on_the_error_page(Setup::default_audience(), |t| {
        t.settings["default_audience"] = json!("");
    });
    assert!(
        page.contains("The userinfo audience is not allowed for third party clients"),
        "{page}"
    );
    s.assert_doctor_names(
        "tenant.default_audience",
        "authsetup tenant default-audience",
    );
}

#[test]
fn without_a_domain_level_connection_auth0_refuses_codex_and_doctor_names_it() {
    let (s, page) = refused_on_the_error_page(Setup::new(), |t| {
        for c in &mut t.connections {
            c["is_domain_connection"] = json!(false);
        }
    });
    assert!(
        page.contains("invalid_request") && page.contains("no connections enabled for the client"),
        "{page}"
    );
    s.assert_doctor_names("tenant.connection", "authsetup connection promote");
}

#[test]
fn without_the_default_client_grant_the_token_request_fails_and_doctor_names_it() {
    let s = Setup::new();
    s.auth0().with_tenant(|t| {
        t.client_grants
            .retain(|g| g["default_for"] != "third_party_clients")
    });
    let (ok, printed) = s.log_in();
    assert!(!ok, "{printed}");
    assert!(printed.contains("unauthorized_client"), "{printed}");
    let token = s
        .auth0()
        .requests()
        .into_iter()
        .find(|r| r.path == "/oauth/token" && r.body.contains("grant_type=authorization_code"))
        .expect("Codex asked for its token");
    assert_eq!(token.status, 403);
    assert!(!s.codex_home.join(".credentials.json").exists());
    s.assert_doctor_names("tenant.default_grant", "authsetup policy set");
}

/// A set-up tenant without its default audience but with the tenant setting `key` = `value`,
/// after a `codex mcp login` that succeeded.
fn logged_in_without_default_audience(key: &str, value: &str) -> Setup {
    let s = Setup::default_audience();
    s.auth0().with_tenant(|t| {
        t.settings["default_audience"] = json!("");
        t.settings[key] = json!(value);
    });
    let (ok, printed) = s.log_in();
    assert!(ok, "{printed}");
    s
}

/// Tenants with third-party apps from before April 2026 may keep DCR clients permissive: then a
/// missing default audience does not stop the login but yields an opaque token, which Codex
/// stores and reports as logged in, and which the MCP server rejects (notes/codex-mcp.md §F).
#[test]
fn a_permissive_tenant_without_default_audience_hands_codex_an_opaque_token_the_server_rejects() {
    let s = logged_in_without_default_audience(
        "dynamic_client_registration_security_mode",
        "permissive",
    );
    assert_eq!(s.auth_status(), "o_auth", "Codex cannot tell");
    let token = s.stored_token();
    assert_eq!(token.split('.').count(), 5, "opaque (JWE-shaped): {token}");
    let (status, _, _) = get(&s.mcp_url(), Some(&token));
    assert_eq!(status, 401);
    s.assert_doctor_names(
        "tenant.default_audience",
        "authsetup tenant default-audience",
    );
}

/// Codex sends `resource` = the protected-resource metadata's `resource` (notes/codex-mcp.md
/// §A9): with the compatibility profile that alone selects the API, default audience or not.
#[test]
fn under_the_compatibility_profile_codexs_resource_parameter_selects_the_api() {
    let s = logged_in_without_default_audience("resource_parameter_profile", "compatibility");
    let token = s.stored_token();
    assert_eq!(jwt_claims(&token)["aud"], s.mcp_url().as_str());
    assert_eq!(get(&s.mcp_url(), Some(&token)).0, 200);
}

/// The resource mode, what a new tenant gets with no mode asked for (Auth0's MCP quickstart):
/// no default audience, the compatibility profile and `iss` in the answers; Codex's `resource`
/// alone gets it a token for the server.
#[test]
fn a_new_tenant_gets_the_resource_mode_and_codex_logs_in_without_a_default_audience() {
    let s = Setup::new();
    let settings = s.auth0().with_tenant(|t| t.settings.clone());
    assert!(
        settings["default_audience"]
            .as_str()
            .unwrap_or_default()
            .is_empty(),
        "{settings}"
    );
    assert_eq!(settings["resource_parameter_profile"], "compatibility");
    assert_eq!(
        settings["authorization_response_iss_parameter_supported"],
        true
    );
    assert_codex_logs_in(&s, &s.auth0().issuer(), &Sandbox::test_user());
    let authorize = s
        .auth0()
        .requests()
        .into_iter()
        .find(|r| r.path == "/authorize")
        .expect("Codex went to /authorize");
    let query = authorize.query.clone().unwrap_or_default();
    assert!(!query.contains("audience="), "{query}");
    assert!(query.contains("resource="), "{query}");
}

/// `--audience-mode default`, the seed's recipe, still works: the default audience is the API.
#[test]
fn codex_logs_in_to_a_tenant_set_up_with_a_default_audience() {
    let s = Setup::default_audience();
    let settings = s.auth0().with_tenant(|t| t.settings.clone());
    assert_eq!(settings["default_audience"], s.mcp_url().as_str());
    assert_codex_logs_in(&s, &s.auth0().issuer(), &Sandbox::test_user());
    let token = s.stored_token();
    assert_eq!(jwt_claims(&token)["aud"], s.mcp_url().as_str());
}

/// `--registration preregistered` with resource mode: Codex logs in with the first-party client
/// authsetup registered, with no DCR, no default audience and no domain-level connection.
#[test]
fn codex_logs_in_with_the_preregistered_client_and_nothing_is_opened_tenant_wide() {
    let s = Setup::auth0_in(&[
        ("AUTHSETUP_AUDIENCE_MODE", "resource"),
        ("AUTHSETUP_REGISTRATION", "preregistered"),
    ]);
    let (client, connection, settings) = s.auth0().with_tenant(|t| {
        let client = t
            .clients
            .iter()
            .find(|c| c["name"] == format!("Codex CLI ({NAME})"))
            .cloned()
            .expect("authsetup registered Codex's client");
        let connection = t.connections[0].clone();
        (client, connection, t.settings.clone())
    });
    let id = client["client_id"].as_str().unwrap();
    assert_eq!(client["is_first_party"], true);
    assert_eq!(client["token_endpoint_auth_method"], "none");
    assert_eq!(connection["is_domain_connection"], false);
    assert!(
        connection["enabled_clients"]
            .as_array()
            .unwrap()
            .contains(&json!(id))
    );
    assert_ne!(
        settings["flags"]["enable_dynamic_client_registration"],
        true
    );
    let config = std::fs::read_to_string(s.codex_home.join("config.toml")).unwrap();
    assert!(
        config.contains(&format!("client_id = \"{id}\"")),
        "{config}"
    );

    assert_codex_logs_in(&s, &s.auth0().issuer(), &Sandbox::test_user());
    let log = s.auth0().requests();
    assert!(!log.iter().any(|r| r.path == "/oidc/register"), "{log:#?}");
    let problems = login_traffic_problems(&s, &spec::Rules::auth0());
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Configured scopes reach the real Codex: its config asks for them (a pre-registered client
/// gets no scope otherwise), and the token it stores carries them.
#[test]
fn codex_logs_in_with_the_preregistered_client_and_the_configured_scopes() {
    let s = Setup::auth0_in(&[
        ("AUTHSETUP_REGISTRATION", "preregistered"),
        ("AUTHSETUP_SCOPES", "mcp:read,mcp:write"),
    ]);
    assert_codex_logs_in(&s, &s.auth0().issuer(), &Sandbox::test_user());
    let scope = jwt_claims(&s.stored_token())["scope"].clone();
    assert_eq!(scope, "mcp:read mcp:write offline_access");
}

/// An MCP server of the test's own on 127.0.0.1, written as an MCP server author would with the
/// sandbox: protected-resource metadata naming the tenant, a 401 challenge pointing at it, and
/// tokens checked against the tenant's JWKS by an independent JOSE library (jsonwebtoken): RS256
/// signature, `iss` = the tenant, `aud` = this server's own URL.
struct McpServer {
    url: String,
}

impl McpServer {
    fn start(tenant: &Sandbox) -> McpServer {
        let (_, _, jwks) = get(&tenant.jwks_url(), None);
        let jwks: jsonwebtoken::jwk::JwkSet = serde_json::from_str(&jwks).unwrap();
        let key = jsonwebtoken::DecodingKey::from_jwk(&jwks.keys[0]).unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let url = format!("{base}/mcp");
        let metadata_url = format!("{base}/.well-known/oauth-protected-resource/mcp");
        let metadata = json!({
            "resource": url, "authorization_servers": [tenant.issuer()],
            "bearer_methods_supported": ["header"],
        });
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        validation.set_audience(&[&url]);
        validation.set_issuer(&[tenant.issuer()]);
        let challenge = format!("Bearer resource_metadata=\"{metadata_url}\"");
        let endpoint = move |headers: axum::http::HeaderMap| {
            let token = headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::to_string);
            let ok =
                token.is_some_and(|t| jsonwebtoken::decode::<Value>(&t, &key, &validation).is_ok());
            let challenge = challenge.clone();
            async move {
                use axum::response::IntoResponse;
                if ok {
                    axum::http::StatusCode::OK.into_response()
                } else {
                    (
                        axum::http::StatusCode::UNAUTHORIZED,
                        [("www-authenticate", challenge)],
                    )
                        .into_response()
                }
            }
        };
        let metadata = move || {
            let metadata = metadata.clone();
            async move { axum::Json(metadata) }
        };
        let app = axum::Router::new()
            .route("/mcp", axum::routing::get(endpoint.clone()).post(endpoint))
            .route(
                "/.well-known/oauth-protected-resource/mcp",
                axum::routing::get(metadata.clone()),
            )
            .route(
                "/.well-known/oauth-protected-resource",
                axum::routing::get(metadata),
            );
        std::thread::spawn(move || {
            block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        McpServer { url }
    }
}

/// Issue 12's proof: two MCP servers on one tenant set up in resource mode in one run
/// (`[[servers]]`), the real Codex logs in to each, each stored token is for its own server
/// only, and each server takes its own token and refuses the other's.
#[test]
fn codex_logs_in_to_two_mcp_servers_on_one_tenant_in_resource_mode() {
    let sandbox = Sandbox::start_background(SandboxConfig::default()).expect("sandbox starts");
    let servers = [
        ("alpha", McpServer::start(&sandbox)),
        ("beta", McpServer::start(&sandbox)),
    ];
    let authorize_endpoint = format!("{}/authorize", sandbox.base_url());
    let dir = tempfile::tempdir().unwrap();
    let codex_home = dir.path().join("codex-home");
    std::fs::create_dir_all(&codex_home).unwrap();
    let s = Setup {
        tenant: Tenant::Auth0(sandbox),
        dir,
        codex: codex_bin(),
        codex_home,
        callback_port: free_port(),
        authorize_endpoint,
        modes: vec![("AUTHSETUP_AUDIENCE_MODE", "resource")],
    };
    let mut config = String::new();
    for (name, server) in &servers {
        config.push_str(&format!(
            "[[servers]]\nname = \"{name}\"\nurl = \"{}\"\n",
            server.url
        ));
    }
    std::fs::write(s.dir.path().join("authsetup.toml"), config).unwrap();
    let port = s.callback_port.to_string();
    s.authsetup(&["apply", "--callback-port", &port]);
    s.authsetup(&["codex", "config", "--write", "--callback-port", &port]);

    let mut tokens = Vec::new();
    for (name, server) in &servers {
        let (ok, printed) = s.log_in_to(name);
        assert!(ok, "{name}: {printed}");
        let login = s.stored_login_of(name);
        assert_eq!(login["server_url"], server.url.as_str());
        let token = login["access_token"].as_str().unwrap().to_string();
        assert_eq!(jwt_claims(&token)["aud"], server.url.as_str(), "{name}");
        tokens.push(token);
    }
    for (i, (name, server)) in servers.iter().enumerate() {
        let (own, _, _) = get(&server.url, Some(&tokens[i]));
        assert_eq!(own, 200, "{name} refused its own token");
        let (other, _, _) = get(&server.url, Some(&tokens[1 - i]));
        assert_eq!(other, 401, "{name} took the other server's token");
    }
}
