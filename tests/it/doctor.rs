//! `authsetup doctor` against the emulated tenant and its demo MCP server: a set-up tenant passes
//! everything, and each condition of issue 4 broken on its own fails (or warns) exactly its
//! check, with the command that mends it.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::time::Duration;

use crate::common::{AUD, World, output_text};
use authsetup_sandbox::{Auth0Tenant, Sandbox, SandboxConfig};
use serde_json::{Value, json};

/// A tenant set up by `apply`, the Codex config written, the request log cleared.
struct Setup {
    w: World,
    audience: String,
    mcp_url: String,
    port: u16,
    /// `--audience-mode`, when the test does not take the default (resource on a new tenant).
    audience_mode: Option<&'static str>,
}

impl Setup {
    /// The recommended setup: the audience is the MCP server's URL, the mode left to authsetup.
    fn new() -> Setup {
        Setup::build(SandboxConfig::default(), None)
    }

    /// The seed's recipe: the tenant's default audience is the API.
    fn default_audience() -> Setup {
        Setup::with_mode(SandboxConfig::default(), None, Some("default"))
    }

    /// An audience other than the MCP URL only works with a default audience: in resource mode
    /// Auth0 takes the URL Codex sends as the audience.
    fn build(config: SandboxConfig, audience: Option<&str>) -> Setup {
        let mode = audience.map(|_| "default");
        Setup::with_mode(config, audience, mode)
    }

    fn with_mode(
        config: SandboxConfig,
        audience: Option<&str>,
        audience_mode: Option<&'static str>,
    ) -> Setup {
        let w = World::with_config(config);
        let mcp_url = w.sandbox.mcp_url();
        let audience = audience.unwrap_or(&mcp_url).to_string();
        let port = free_port();
        let s = Setup {
            w,
            audience,
            mcp_url,
            port,
            audience_mode,
        };
        s.ok(&["apply"]);
        s.ok(&[
            "codex",
            "config",
            "--write",
            "--callback-port",
            &port.to_string(),
        ]);
        s.w.sandbox.clear_log();
        s
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.w.cmd();
        cmd.env("AUTH0_AUDIENCE", &self.audience)
            .env("MCP_URL", &self.mcp_url);
        if let Some(mode) = self.audience_mode {
            cmd.env("AUTHSETUP_AUDIENCE_MODE", mode);
        }
        cmd
    }

    fn ok(&self, args: &[&str]) {
        let out = self.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", output_text(&out));
    }

    /// Runs doctor with JSON output: the exit code and the one document on stdout.
    fn doctor(&self, args: &[&str]) -> (i32, Value) {
        self.doctor_env(args, &[])
    }

    /// `doctor` with extra environment variables.
    fn doctor_env(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, Value) {
        let mut cmd = self.cmd();
        cmd.arg("doctor").args(args).args(["--output", "json"]);
        for (key, value) in env {
            cmd.env(key, value);
        }
        let out = cmd.output().unwrap();
        let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON document ({e}): {}",
                output_text(&out)
            )
        });
        (out.status.code().unwrap_or(-1), doc)
    }

    fn codex_config(&self) -> std::path::PathBuf {
        self.w.path(".codex/config.toml")
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The API `apply` made: the tenant's only one besides the Management API.
fn our_api(t: &mut Auth0Tenant) -> &mut Value {
    t.resource_servers
        .iter_mut()
        .find(|rs| !is_management_api(rs))
        .unwrap()
}

fn is_management_api(rs: &Value) -> bool {
    rs["identifier"]
        .as_str()
        .is_some_and(|id| id.ends_with("/api/v2/"))
}

fn dcr_off(t: &mut Auth0Tenant) {
    t.settings["flags"]
        .as_object_mut()
        .unwrap()
        .remove("enable_dynamic_client_registration");
}

fn message<'a>(doc: &'a Value, id: &str) -> &'a str {
    check(doc, id)["message"].as_str().unwrap()
}

fn check<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id}: {doc:#}"))
}

/// Warnings and failures by id.
fn problems(doc: &Value) -> BTreeMap<String, String> {
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "warn" || c["status"] == "fail")
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Exactly these checks warn or fail, each with a fix containing the given text; the exit code
/// follows (1 when one failed).
fn assert_only(result: (i32, Value), expected: &[(&str, &str, &str)]) -> Value {
    let (code, doc) = result;
    let want: BTreeMap<String, String> = expected
        .iter()
        .map(|(id, status, _)| (id.to_string(), status.to_string()))
        .collect();
    assert_eq!(problems(&doc), want, "{doc:#}");
    for (id, _, fix) in expected {
        let got = check(&doc, id)["fix"].as_str().unwrap_or_default();
        assert!(got.contains(fix), "{id}: fix {got:?} lacks {fix:?}");
    }
    let failed = expected.iter().any(|(_, status, _)| *status == "fail");
    assert_eq!(code, if failed { 1 } else { 0 }, "{doc:#}");
    assert_eq!(
        doc["summary"]["fail"],
        json!(expected.iter().filter(|e| e.1 == "fail").count())
    );
    doc
}

#[test]
fn a_set_up_tenant_passes_everything_with_the_expected_skips() {
    let s = Setup::new();
    let doc = assert_only(s.doctor(&[]), &[]);
    let skipped: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "skip")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    // Auth0 lists no `none` auth method (notes/auth0.md §D1), the probe is opt-in, and DCR needs
    // no pre-registered redirect URI.
    assert_eq!(
        skipped,
        [
            "oauth.public_clients",
            "oauth.dcr_probe",
            "local.redirect_uri",
            "local.stored_token"
        ]
    );
    for c in doc["checks"].as_array().unwrap() {
        for key in ["id", "area", "status", "message", "fix"] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
    }
    assert_eq!(check(&doc, "tenant.api")["area"], "tenant");
    assert_eq!(check(&doc, "mcp.resource")["area"], "mcp_server");
}

#[test]
fn doctor_writes_nothing_and_takes_two_rounds() {
    // Latency makes concurrency visible in the log (see tests/provision.rs).
    let s = Setup::build(
        SandboxConfig {
            latency: Duration::from_millis(40),
            ..SandboxConfig::default()
        },
        None,
    );
    assert_only(s.doctor(&[]), &[]);
    let log = s.w.sandbox.requests();
    let not_reads: Vec<String> = log
        .iter()
        .filter(|r| r.method != "GET")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(not_reads, ["POST /oauth/token"], "{log:#?}");
    // token (with every tokenless GET beside it) → all tenant reads
    assert_eq!(s.w.sandbox.rounds(), 2, "{log:#?}");
    let mcp = log
        .iter()
        .filter(|r| r.path.contains("protected-resource") || r.path == "/mcp");
    assert_eq!(
        mcp.count(),
        3,
        "the challenge and both well-known URLs, once each"
    );

    // The probe adds its registration, a look at the client it got (is it really the one it
    // registered?), then its clean-up.
    s.w.sandbox.clear_log();
    assert_only(s.doctor(&["--probe-dcr"]), &[]);
    assert_eq!(s.w.sandbox.rounds(), 5, "{:#?}", s.w.sandbox.requests());
}

#[test]
fn probe_dcr_registers_like_codex_and_deletes_the_client() {
    let s = Setup::new();
    let doc = assert_only(s.doctor(&["--probe-dcr"]), &[]);
    let probe = check(&doc, "oauth.dcr_probe");
    assert_eq!(probe["status"], "pass");
    let log = s.w.sandbox.requests();
    let register = log
        .iter()
        .find(|r| r.path == "/oidc/register")
        .expect("registered");
    assert_eq!(register.status, 201);
    let body: Value = serde_json::from_str(&register.body).unwrap();
    // The resource mode's issuer-bound answers: Codex registers /callback without its id
    // (notes/codex-mcp.md §A7).
    assert_eq!(
        body,
        json!({
            "client_name": "Codex",
            "redirect_uris": [format!("http://127.0.0.1:{}/callback", s.port)],
            "grant_types": ["authorization_code", "refresh_token"],
            "token_endpoint_auth_method": "none",
            "response_types": ["code"],
            "scope": "mcp:tools offline_access",
            "application_type": "native",
        })
    );
    let delete = log.iter().find(|r| r.method == "DELETE").expect("deleted");
    let id = delete.path.strip_prefix("/api/v2/clients/").unwrap();
    assert!(id.starts_with("tpc_"), "{id}");
    assert_eq!(delete.status, 204);
    assert!(probe["message"].as_str().unwrap().contains(id));
    let left = s.w.sandbox.with_tenant(|t| {
        t.clients
            .iter()
            .filter(|c| c["is_first_party"] == false)
            .count()
    });
    assert_eq!(left, 0, "the test client is gone");
    let writes: Vec<String> = log
        .iter()
        .filter(|r| r.method != "GET")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        writes,
        [
            "POST /oauth/token".to_string(),
            "POST /oidc/register".into(),
            format!("DELETE /api/v2/clients/{id}")
        ]
    );
}

#[test]
fn probe_dcr_against_a_tenant_without_dcr_fails_with_the_step() {
    let s = Setup::new();
    s.w.sandbox.with_tenant(dcr_off);
    let doc = assert_only(
        s.doctor(&["--probe-dcr"]),
        &[
            ("tenant.dcr", "fail", "authsetup dcr enable"),
            ("oauth.dcr_probe", "fail", "authsetup dcr enable"),
        ],
    );
    assert!(message(&doc, "oauth.dcr_probe").contains("dynamic client registration is disabled"));
}

#[test]
fn the_tenant_conditions_each_fail_their_own_check() {
    type Break = fn(&mut Auth0Tenant);
    let cases: Vec<(&str, Break, (&str, &str, &str))> = vec![
        (
            "no API",
            |t| t.resource_servers.retain(is_management_api),
            ("tenant.api", "fail", "authsetup api create"),
        ),
        (
            "HS256",
            |t| our_api(t)["signing_alg"] = json!("HS256"),
            ("tenant.signing_alg", "fail", "authsetup api create"),
        ),
        (
            "no refresh tokens",
            |t| our_api(t)["allow_offline_access"] = json!(false),
            ("tenant.offline_access", "warn", "authsetup api create"),
        ),
        (
            "machine-to-machine access per grant",
            |t| {
                our_api(t)["subject_type_authorization"]["client"]["policy"] =
                    json!("require_client_grant")
            },
            ("tenant.access_policy", "fail", "authsetup policy set"),
        ),
        (
            "DCR off",
            dcr_off,
            ("tenant.dcr", "fail", "authsetup dcr enable"),
        ),
        (
            "no default grant",
            |t| {
                t.client_grants
                    .retain(|g| g["default_for"] != "third_party_clients")
            },
            ("tenant.default_grant", "fail", "authsetup policy set"),
        ),
        (
            "default grant with subject_type client",
            |t| {
                for g in t
                    .client_grants
                    .iter_mut()
                    .filter(|g| g["default_for"] == "third_party_clients")
                {
                    g["subject_type"] = json!("client");
                }
            },
            ("tenant.default_grant", "fail", "authsetup policy set"),
        ),
        (
            "connection not domain-level",
            |t| {
                let c = t
                    .connections
                    .iter_mut()
                    .find(|c| c["name"] == "Username-Password-Authentication")
                    .unwrap();
                c["is_domain_connection"] = json!(false);
            },
            (
                "tenant.connection",
                "fail",
                "authsetup connection promote Username-Password-Authentication",
            ),
        ),
        (
            "connection gone",
            |t| {
                t.connections
                    .retain(|c| c["name"] != "Username-Password-Authentication")
            },
            ("tenant.connection", "fail", "--create-connection"),
        ),
        (
            "piled-up DCR applications",
            |t| {
                for i in 0..30 {
                    t.clients.push(json!({"client_id": format!("tpc_{i}"), "name": "Codex", "is_first_party": false}));
                }
            },
            ("tenant.third_party_apps", "warn", "authsetup clients prune"),
        ),
        (
            "resource parameter ignored",
            |t| t.settings["resource_parameter_profile"] = json!("audience"),
            (
                "tenant.resource_parameter_profile",
                "fail",
                "authsetup tenant default-audience --audience-mode resource",
            ),
        ),
        (
            "a default audience ahead of the resource parameter",
            |t| t.settings["default_audience"] = json!("https://other.example/"),
            (
                "tenant.default_audience",
                "fail",
                "--audience-mode resource --replace-default-audience",
            ),
        ),
        (
            "no issuer in authorization responses",
            |t| t.settings["authorization_response_iss_parameter_supported"] = json!(false),
            (
                "tenant.iss_parameter",
                "warn",
                "authsetup tenant default-audience --audience-mode resource",
            ),
        ),
        (
            "discovery names another issuer",
            |t| {
                t.discovery_overrides
                    .insert("issuer".into(), json!("https://elsewhere.example/"));
            },
            ("oauth.issuer", "fail", "authsetup env write"),
        ),
        (
            "no PKCE advertised",
            |t| {
                t.discovery_overrides
                    .insert("code_challenge_methods_supported".into(), json!(null));
            },
            ("oauth.pkce", "fail", "S256"),
        ),
    ];
    for (what, break_it, expected) in cases {
        let s = Setup::new();
        s.w.sandbox.with_tenant(break_it);
        let result = s.doctor(&[]);
        println!("{what}");
        assert_only(result, &[expected]);
    }
}

#[test]
fn default_audience_missing_or_different() {
    let s = Setup::default_audience();
    s.w.sandbox.with_tenant(|t| {
        t.settings
            .as_object_mut()
            .unwrap()
            .remove("default_audience");
    });
    assert_only(
        s.doctor(&[]),
        &[(
            "tenant.default_audience",
            "fail",
            "authsetup tenant default-audience",
        )],
    );
    s.w.sandbox
        .with_tenant(|t| t.settings["default_audience"] = json!("https://other.example/"));
    assert_only(
        s.doctor(&[]),
        &[(
            "tenant.default_audience",
            "fail",
            "authsetup tenant default-audience --replace-default-audience",
        )],
    );
}

#[test]
fn compatibility_profile_with_an_audience_that_is_not_the_mcp_url() {
    let s = Setup::build(SandboxConfig::default(), Some(AUD));
    s.w.sandbox
        .with_tenant(|t| t.settings["resource_parameter_profile"] = json!("compatibility"));
    let doc = assert_only(
        s.doctor(&[]),
        &[
            (
                "tenant.resource_parameter_profile",
                "fail",
                "Resource Parameter Compatibility Profile",
            ),
            ("mcp.audience", "fail", &format!("--audience {}", s.mcp_url)),
        ],
    );
    let fix = check(&doc, "tenant.resource_parameter_profile")["fix"]
        .as_str()
        .unwrap();
    assert!(fix.contains(&format!("--audience {}", s.mcp_url)), "{fix}");
}

#[test]
fn a_token_missing_scopes_names_them() {
    let s = Setup::new();
    let without = |missing: &[&str]| {
        let scopes: Vec<&str> = Sandbox::all_scopes()
            .iter()
            .copied()
            .filter(|sc| !missing.contains(sc))
            .collect();
        s.w.sandbox.issue_token(&scopes)
    };
    let token = without(&["read:client_grants"]);
    let doc = assert_only(
        s.doctor_env(&[], &[("AUTH0_MGMT_TOKEN", &token)]),
        &[(
            "credentials.scopes",
            "fail",
            "Machine To Machine Applications",
        )],
    );
    assert!(message(&doc, "credentials.scopes").contains("read:client_grants"));
    assert_eq!(check(&doc, "tenant.default_grant")["status"], "skip");
    assert!(
        !s.w.sandbox
            .requests()
            .iter()
            .any(|r| r.path == "/api/v2/client-grants"),
        "a read the token cannot make is not sent"
    );

    let token = without(&["update:tenant_settings"]);
    let doc = assert_only(
        s.doctor_env(&[], &[("AUTH0_MGMT_TOKEN", &token)]),
        &[(
            "credentials.scopes",
            "warn",
            "Machine To Machine Applications",
        )],
    );
    assert!(
        !doc.to_string().contains(&token),
        "the token is never printed"
    );
    assert!(message(&doc, "credentials.scopes").contains("update:tenant_settings"));
}

#[test]
fn bad_credentials_fail_the_token_check_and_skip_the_tenant() {
    let s = Setup::new();
    let doc = assert_only(
        s.doctor_env(&[], &[("AUTH0_CLIENT_SECRET", "wrong-secret")]),
        &[("credentials.token", "fail", "AUTH0_CLIENT_SECRET")],
    );
    assert_eq!(check(&doc, "tenant.api")["status"], "skip");
    assert_eq!(
        check(&doc, "oauth.issuer")["status"],
        "pass",
        "the live checks need no token"
    );
    assert!(!doc.to_string().contains("wrong-secret"));
}

#[test]
fn the_protected_resource_conditions_each_fail_or_warn_their_own_check() {
    let s = Setup::new();
    let mcp = s.mcp_url.clone();
    s.w.sandbox
        .with_resource(|r| r.metadata.as_mut().unwrap()["resource"] = json!(format!("{mcp}/")));
    let doc = assert_only(
        s.doctor(&[]),
        &[("mcp.resource", "fail", &format!("exactly {mcp}"))],
    );
    assert!(message(&doc, "mcp.resource").contains("trailing slash"));

    let s = Setup::new();
    s.w.sandbox.with_resource(|r| r.metadata = None);
    let doc = assert_only(
        s.doctor(&[]),
        &[(
            "mcp.metadata",
            "fail",
            "/.well-known/oauth-protected-resource/mcp",
        )],
    );
    assert_eq!(check(&doc, "mcp.resource")["status"], "skip");

    let s = Setup::new();
    s.w.sandbox
        .with_resource(|r| r.resource_metadata_header = false);
    let doc = assert_only(
        s.doctor(&[]),
        &[("mcp.challenge", "warn", "resource_metadata=")],
    );
    assert!(message(&doc, "mcp.metadata").contains("path-specific well-known"));

    let s = Setup::new();
    s.w.sandbox.with_resource(|r| {
        r.metadata
            .as_mut()
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("scopes_supported");
    });
    assert_only(s.doctor(&[]), &[("mcp.scopes", "warn", "scopes_supported")]);

    let s = Setup::new();
    s.w.sandbox.with_resource(|r| {
        r.metadata.as_mut().unwrap()["authorization_servers"] = json!(["https://other.example/"])
    });
    assert_only(
        s.doctor(&[]),
        &[("mcp.authorization_servers", "fail", "authorization_servers")],
    );

    let s = Setup::new();
    s.w.sandbox.with_resource(|r| r.enabled = false);
    let doc = assert_only(
        s.doctor(&[]),
        &[
            ("mcp.challenge", "fail", "WWW-Authenticate"),
            ("mcp.metadata", "fail", "serve"),
        ],
    );
    assert!(message(&doc, "mcp.challenge").contains("404"));
}

#[test]
fn without_an_mcp_url_the_server_is_skipped_with_the_flag_to_pass() {
    let s = Setup::new();
    let out = s
        .cmd()
        .env_remove("MCP_URL")
        .args(["doctor", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    for id in ["mcp.challenge", "mcp.metadata", "mcp.resource"] {
        assert_eq!(check(&doc, id)["status"], "skip");
        assert_eq!(check(&doc, id)["fix"], "authsetup doctor --mcp-url URL");
    }
    assert!(
        !s.w.sandbox
            .requests()
            .iter()
            .any(|r| r.path.contains("protected-resource")),
        "no MCP server was asked"
    );
}

#[test]
fn the_local_files_each_fail_their_own_check() {
    let s = Setup::new();
    std::fs::write(
        s.w.path(".env"),
        format!(
            "AUTH0_DOMAIN={}\nAUTH0_AUDIENCE=https://old.example/mcp\n",
            s.w.sandbox.base_url()
        ),
    )
    .unwrap();
    let doc = assert_only(
        s.doctor(&[]),
        &[("local.env", "fail", "authsetup env write")],
    );
    assert!(message(&doc, "local.env").contains("https://old.example/mcp"));

    let s = Setup::new();
    std::fs::write(
        s.codex_config(),
        "mcp_oauth_callback_port = 1455\n[mcp_servers.other]\nurl = \"https://x.example/mcp\"\n",
    )
    .unwrap();
    assert_only(
        s.doctor(&[]),
        &[(
            "local.codex_server",
            "fail",
            "authsetup codex config --write",
        )],
    );

    let s = Setup::new();
    let text = std::fs::read_to_string(s.codex_config()).unwrap();
    std::fs::write(
        s.codex_config(),
        text.replace(&s.mcp_url, "https://moved.example/mcp"),
    )
    .unwrap();
    let doc = assert_only(
        s.doctor(&[]),
        &[(
            "local.codex_server",
            "fail",
            "authsetup codex config --write",
        )],
    );
    assert!(message(&doc, "local.codex_server").contains("https://moved.example/mcp"));

    let s = Setup::new();
    std::fs::write(s.codex_config(), "[mcp_servers.mcp\nurl = 1\n").unwrap();
    let doc = assert_only(
        s.doctor(&[]),
        &[("local.codex_config", "fail", "config.toml")],
    );
    assert!(message(&doc, "local.codex_config").contains("config.toml:1:"));
    assert_eq!(check(&doc, "local.codex_server")["status"], "skip");

    let s = Setup::new();
    let _taken = TcpListener::bind(("127.0.0.1", s.port)).unwrap();
    assert_only(
        s.doctor(&[]),
        &[("local.callback_port", "warn", "--callback-port")],
    );
}

#[test]
fn a_pre_registered_client_gets_its_redirect_uri() {
    let s = Setup::default_audience();
    s.ok(&[
        "codex",
        "config",
        "--write",
        "--callback-port",
        &s.port.to_string(),
        "--client-id",
        "abc123",
    ]);
    let doc = assert_only(s.doctor(&[]), &[]);
    let redirect = check(&doc, "local.redirect_uri");
    assert_eq!(redirect["status"], "pass");
    let id = authsetup::codex::callback_id(&s.mcp_url).unwrap();
    assert!(
        redirect["message"].as_str().unwrap().contains(&format!(
            "abc123 must allow the redirect URI http://127.0.0.1:{}/callback/{id}",
            s.port
        )),
        "{redirect}"
    );
    assert!(check(&doc, "oauth.registration")["status"] == "pass");

    // An issuer-bound server changes only the redirect of clients Codex registers itself.
    s.w.sandbox.with_tenant(|t| {
        t.settings["authorization_response_iss_parameter_supported"] = json!(true)
    });
    let doc = assert_only(s.doctor(&[]), &[]);
    let want = format!("http://127.0.0.1:{}/callback/{id}", s.port);
    assert!(
        message(&doc, "local.redirect_uri").ends_with(&want),
        "{doc}"
    );

    // A callback URL in the config is the base Codex uses: verbatim when issuer-bound, else
    // with the callback id appended (notes §A7).
    let config = std::fs::read_to_string(s.codex_config()).unwrap();
    let base = "http://localhost:1455/oauth/callback";
    std::fs::write(
        s.codex_config(),
        format!("mcp_oauth_callback_url = \"{base}\"\n{config}"),
    )
    .unwrap();
    let doc = s.doctor(&[]).1;
    assert!(
        message(&doc, "local.redirect_uri").ends_with(&format!("redirect URI {base}")),
        "{doc}"
    );
    s.w.sandbox.with_tenant(|t| {
        t.settings["authorization_response_iss_parameter_supported"] = json!(false)
    });
    let doc = s.doctor(&[]).1;
    assert!(
        message(&doc, "local.redirect_uri").ends_with(&format!("redirect URI {base}/{id}")),
        "{doc}"
    );
    // and `codex config` names the same URI for the client to allow
    let out = s
        .cmd()
        .args([
            "codex",
            "config",
            "--client-id",
            "abc123",
            "--output",
            "json",
        ])
        .output()
        .unwrap();
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["redirect_uri"], format!("{base}/{id}"));
}

/// A login Codex stored for another server is never sent to this one.
#[test]
fn a_token_stored_for_another_server_is_not_sent() {
    let s = Setup::new();
    let token = s.w.sandbox.mint_user_token(&s.audience, &[]);
    let login = json!({
        "mcp|0123456789abcdef": {
            "server_name": "mcp", "server_url": "https://elsewhere.example/mcp",
            "access_token": token, "expires_at": 4102444800000u64
        }
    });
    std::fs::write(s.w.path(".codex/.credentials.json"), login.to_string()).unwrap();
    let doc = assert_only(
        s.doctor(&[]),
        &[("local.stored_token", "warn", "codex mcp login mcp")],
    );
    assert!(message(&doc, "local.stored_token").contains("elsewhere.example"));
    assert!(
        !s.w.sandbox
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.path == "/mcp"),
        "{:#?}",
        s.w.sandbox.requests()
    );
}

/// newuser review 2: the API's audience is not the MCP server, Codex still logs in, and the
/// server refuses the token; doctor must not be green.
#[test]
fn a_token_for_another_audience_than_the_mcp_server_fails() {
    let s = Setup::build(SandboxConfig::default(), Some(AUD));
    store_login(&s, &s.w.sandbox.mint_user_token(AUD, &[]));
    let fix = format!("authsetup apply --audience {}", s.mcp_url);
    let doc = assert_only(
        s.doctor(&[]),
        &[
            ("mcp.audience", "fail", &fix),
            ("local.stored_token", "fail", &fix),
        ],
    );
    assert!(message(&doc, "mcp.audience").contains(AUD), "{doc}");
}

#[test]
fn the_human_report_is_grouped_fixed_and_fits_80_columns() {
    let s = Setup::new();
    s.w.sandbox.with_tenant(dcr_off);
    let out = s.cmd().arg("doctor").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "people's output goes to stderr");
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(!text.contains('\x1b'), "no colour off a terminal: {text}");
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        &headings[1..6],
        [
            "Credentials",
            "Tenant",
            "Authorization server",
            "MCP server",
            "Local files"
        ],
        "{text}"
    );
    assert!(
        text.contains("  ✗ Dynamic Client Registration is off")
            && text.contains("    fix: authsetup dcr enable"),
        "{text}"
    );
    assert!(text.contains("  ✓ "), "{text}");
    assert!(text.contains("  - "), "{text}");
    assert!(
        text.lines()
            .last()
            .unwrap()
            .ends_with("1 failed, 4 skipped"),
        "{text}"
    );
    assert!(!text.contains("error:"), "the report says it once: {text}");
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "{line:?} is wider than 80 columns"
        );
    }
}

#[test]
fn bad_input_is_refused_before_any_request() {
    let s = Setup::new();
    let out = s
        .cmd()
        .env_remove("AUTH0_CLIENT_ID")
        .env_remove("AUTH0_CLIENT_SECRET")
        .arg("doctor")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(text.contains("error:") && text.contains("hint:"), "{text}");
    let out = s
        .cmd()
        .args(["doctor", "--mcp-url", "ftp://mcp.example/mcp"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    // newuser review 8: no HOME is no Codex folder, not a relative ./.codex that looks fine
    let out = s.cmd().env_remove("HOME").arg("doctor").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(output_text(&out).contains("--codex-home"));
    assert!(
        s.w.sandbox.requests().is_empty(),
        "{:#?}",
        s.w.sandbox.requests()
    );
}

/// What `codex mcp login` stores with the `file` store (notes/codex-mcp.md §A3), holding
/// `token` as the access token.
fn store_login(s: &Setup, token: &str) {
    let login = json!({
        "mcp|0123456789abcdef": {
            "server_name": "mcp", "server_url": s.mcp_url, "client_id": "tpc_x",
            "access_token": token, "expires_at": 4102444800000u64, "scopes": ["mcp:tools"]
        }
    });
    std::fs::write(s.w.path(".codex/.credentials.json"), login.to_string()).unwrap();
}

fn unsigned_jwt(claims: Value) -> String {
    use base64::Engine;
    let b64 = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.c2ln", b64(&json!({"alg": "RS256"})), b64(&claims))
}

#[test]
fn the_token_codex_stored_is_checked_for_audience_and_issuer() {
    let s = Setup::new();
    let issuer = format!("{}/", s.w.sandbox.base_url());
    let good = s.w.sandbox.mint_user_token(&s.audience, &[]);
    store_login(&s, &good);
    let doc = assert_only(s.doctor(&[]), &[]);
    assert_eq!(check(&doc, "local.stored_token")["status"], "pass");
    assert!(
        message(&doc, "local.stored_token").contains("the MCP server takes it (answered 200)"),
        "{doc}"
    );
    assert!(!doc.to_string().contains(&good), "the token is never shown");
    let posts = |s: &Setup| {
        s.w.sandbox
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/mcp")
            .count()
    };
    assert_eq!(posts(&s), 1, "one question to the MCP server per run");
    let out = s.cmd().args(["doctor", "--verbose"]).output().unwrap();
    assert!(!output_text(&out).contains(&good), "not in traces either");

    // Claims that look right are not enough: the server checks the signature too.
    let forged = json!({"aud": [s.audience, format!("{issuer}userinfo")], "iss": issuer, "exp": 4102444800u64});
    store_login(&s, &unsigned_jwt(forged));
    let doc = assert_only(
        s.doctor(&[]),
        &[("local.stored_token", "fail", "codex mcp login mcp")],
    );
    assert!(
        message(&doc, "local.stored_token")
            .contains("refuses the stored token (401: not an RS256 JWT"),
        "{doc}"
    );

    store_login(&s, "opaque-token-value");
    let doc = assert_only(
        s.doctor(&[]),
        &[("local.stored_token", "fail", "codex mcp login mcp")],
    );
    assert!(message(&doc, "local.stored_token").contains("opaque"));
    assert!(
        !doc.to_string().contains("opaque-token-value"),
        "the token is never shown"
    );

    let other = json!({"aud": "https://other.example/", "iss": issuer, "exp": 4102444800u64});
    store_login(&s, &unsigned_jwt(other));
    let doc = assert_only(
        s.doctor(&[]),
        &[("local.stored_token", "fail", "authsetup apply")],
    );
    assert!(message(&doc, "local.stored_token").contains("https://other.example/"));

    let expired = json!({"aud": s.audience, "iss": issuer, "exp": 1u64});
    store_login(&s, &unsigned_jwt(expired));
    assert_only(
        s.doctor(&[]),
        &[("local.stored_token", "warn", "codex mcp login mcp")],
    );
}
