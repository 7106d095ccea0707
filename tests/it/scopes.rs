//! The MCP server's OAuth scopes (`--scopes`, `AUTHSETUP_SCOPES`, `scopes` in authsetup.toml and
//! per `[[servers]]`): the tenant carries them, a second apply writes nothing, destroy takes back
//! what apply added, Codex's config asks for them, and a login through the emulated tenant
//! mints a token that holds them.

use std::path::Path;

use assert_cmd::Command;
use base64::Engine;
use serde_json::{Value, json};

use crate::common::{
    AUD, CODEX_REDIRECT, Org, World, block_on, jwt_claims, output_text, read, register_like_codex,
};

const VERIFIER: &str = "a-code-verifier-of-at-least-forty-three-characters";

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    output_text(&out)
}

/// What a user's browser and an MCP client do: `/authorize` (the emulator signs the test user
/// in at once) with PKCE, then the code exchanged at the token endpoint. The token response.
fn log_in(
    authorize: &str,
    token: &str,
    client_id: &str,
    redirect: &str,
    extra: &[(&str, &str)],
) -> Value {
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(ring::digest::digest(
        &ring::digest::SHA256,
        VERIFIER.as_bytes(),
    ));
    block_on(async {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let mut query = vec![
            ("response_type", "code"),
            ("client_id", client_id),
            ("redirect_uri", redirect),
            ("state", "st4te"),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
        ];
        query.extend_from_slice(extra);
        let resp = http.get(authorize).query(&query).send().await.unwrap();
        let location = resp.headers()["location"].to_str().unwrap().to_string();
        let code = url::Url::parse(&location)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == "code")
            .map(|(_, v)| v.into_owned())
            .unwrap_or_else(|| panic!("no code: {location}"));
        let form = [
            ("grant_type", "authorization_code"),
            ("client_id", client_id),
            ("code", &code),
            ("code_verifier", VERIFIER),
            ("redirect_uri", redirect),
        ];
        let resp = http.post(token).form(&form).send().await.unwrap();
        assert!(resp.status().is_success(), "{:?}", resp.status());
        resp.json().await.unwrap()
    })
}

/// The access token's claims, read as an MCP server would before checking them.
fn claims(answer: &Value) -> Value {
    jwt_claims(answer["access_token"].as_str().unwrap())
}

fn api_scopes(w: &World, identifier: &str) -> Vec<String> {
    let rs = w.resource_server(identifier).expect("the API");
    rs["scopes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| s["value"].as_str().unwrap().to_string())
        .collect()
}

/// `codex config --write`, then the `scopes` of `[mcp_servers.NAME]`.
fn codex_scopes(dir: &Path, name: &str) -> Value {
    let text = read(&dir.join(".codex/config.toml"));
    let doc: toml::Table = text.parse().unwrap();
    let scopes = &doc["mcp_servers"][name]["scopes"];
    serde_json::to_value(scopes).unwrap()
}

#[test]
fn auth0_dcr_api_and_default_grant_carry_the_scopes_and_a_token_holds_them() {
    let w = World::new();
    run(w
        .cmd()
        .args(["apply", "--yes", "--scopes", "mcp:read,mcp:write"]));
    assert_eq!(api_scopes(&w, AUD), ["mcp:read", "mcp:write"]);
    let grants = w.default_grants(AUD);
    assert_eq!(grants[0]["scope"], json!(["mcp:read", "mcp:write"]));

    // A second apply changes nothing.
    w.sandbox.clear_log();
    run(w
        .cmd()
        .args(["apply", "--yes", "--scopes", "mcp:read,mcp:write"]));
    assert!(w.writes().is_empty(), "{:?}", w.writes());

    // A DCR client (as Codex registers) asking for one of them gets a token with it.
    let client_id = &register_like_codex(&w, "Codex");
    let base = w.sandbox.base_url();
    let answer = log_in(
        &format!("{base}/authorize"),
        &format!("{base}/oauth/token"),
        client_id,
        CODEX_REDIRECT,
        &[("audience", AUD), ("scope", "mcp:write offline_access")],
    );
    assert_eq!(answer["scope"], "mcp:write offline_access", "{answer}");
    assert_eq!(claims(&answer)["scope"], "mcp:write offline_access");
}

#[test]
fn auth0_preregistered_servers_each_get_their_scopes_in_the_tenant_codex_and_the_token() {
    let w = World::new();
    std::fs::write(
        w.path("authsetup.toml"),
        "registration = \"preregistered\"\nscopes = [\"mcp:use\"]\n\
         [[servers]]\nname = \"docs\"\nurl = \"https://docs.example.com/mcp\"\nscopes = [\"docs:read\"]\n\
         [[servers]]\nname = \"tickets\"\nurl = \"https://tickets.example.com/mcp\"\n",
    )
    .unwrap();
    let cmd = || {
        let mut c = w.cmd();
        c.env_remove("AUTH0_AUDIENCE");
        c
    };
    run(cmd().args(["apply", "--yes"]));
    // A server's own list wins over the top-level one, which the other server takes.
    assert_eq!(
        api_scopes(&w, "https://docs.example.com/mcp"),
        ["docs:read"]
    );
    assert_eq!(
        api_scopes(&w, "https://tickets.example.com/mcp"),
        ["mcp:use"]
    );
    let grant = |name: &str, aud: &str| {
        w.sandbox.with_tenant(|t| {
            let client = t
                .clients
                .iter()
                .find(|c| c["name"] == name)
                .cloned()
                .unwrap();
            let grant = t
                .client_grants
                .iter()
                .find(|g| g["client_id"] == client["client_id"] && g["audience"] == aud)
                .cloned()
                .unwrap();
            (client, grant)
        })
    };
    let (docs_client, docs_grant) = grant("Codex CLI (docs)", "https://docs.example.com/mcp");
    assert_eq!(docs_grant["scope"], json!(["docs:read"]));
    let (_, tickets_grant) = grant("Codex CLI (tickets)", "https://tickets.example.com/mcp");
    assert_eq!(tickets_grant["scope"], json!(["mcp:use"]));

    w.sandbox.clear_log();
    run(cmd().args(["apply", "--yes"]));
    assert!(w.writes().is_empty(), "{:?}", w.writes());

    run(cmd().args(["codex", "config", "--write"]));
    assert_eq!(
        codex_scopes(w.dir.path(), "docs"),
        json!(["docs:read", "offline_access"])
    );
    assert_eq!(
        codex_scopes(w.dir.path(), "tickets"),
        json!(["mcp:use", "offline_access"])
    );

    let base = w.sandbox.base_url();
    let answer = log_in(
        &format!("{base}/authorize"),
        &format!("{base}/oauth/token"),
        docs_client["client_id"].as_str().unwrap(),
        docs_client["callbacks"][0].as_str().unwrap(),
        &[
            ("audience", "https://docs.example.com/mcp"),
            ("scope", "docs:read offline_access"),
        ],
    );
    assert_eq!(
        claims(&answer)["scope"],
        "docs:read offline_access",
        "{answer}"
    );
    assert_eq!(claims(&answer)["aud"], "https://docs.example.com/mcp");
}

#[test]
fn an_existing_api_keeps_its_scopes_gains_ours_and_destroy_gives_back_its_own() {
    let w = World::new();
    w.sandbox.with_tenant(|t| {
        t.resource_servers.push(json!({"id": "rs_theirs", "identifier": AUD, "name": "Theirs",
            "signing_alg": "RS256", "allow_offline_access": true, "token_lifetime": 86400,
            "scopes": [{"value": "admin", "description": "Administer it"}],
            "subject_type_authorization": {"user": {"policy": "allow_all"}, "client": {"policy": "deny_all"}}}));
    });
    let plan = run(w.cmd().env("AUTHSETUP_SCOPES", "mcp:read").args(["plan"]));
    assert!(plan.contains("mcp:read"), "{plan}");
    run(w
        .cmd()
        .env("AUTHSETUP_SCOPES", "mcp:read")
        .args(["apply", "--yes"]));
    let rs = w.resource_server(AUD).unwrap();
    assert_eq!(
        rs["scopes"],
        json!([{"value": "admin", "description": "Administer it"},
               {"value": "mcp:read", "description": "mcp:read on the MCP server"}])
    );

    // The new default grant lists only the configured scope, and doctor agrees that is right.
    assert_eq!(w.default_grants(AUD)[0]["scope"], json!(["mcp:read"]));
    let out = w
        .cmd()
        .env("AUTHSETUP_SCOPES", "mcp:read")
        .args(["doctor", "--output", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let grant = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "tenant.default_grant")
        .unwrap();
    assert_eq!(grant["status"], "pass", "{grant:#}");

    run(w
        .cmd()
        .env("AUTHSETUP_SCOPES", "mcp:read")
        .args(["destroy", "--yes"]));
    let rs = w
        .resource_server(AUD)
        .expect("an API authsetup did not create stays");
    assert_eq!(
        rs["scopes"],
        json!([{"value": "admin", "description": "Administer it"}])
    );
}

#[test]
fn okta_servers_each_get_their_scopes_in_the_org_codex_and_the_token() {
    let org = Org::new();
    let cmd = || {
        let mut c = org.cmd();
        c.env_remove("OKTA_AUDIENCE").env_remove("MCP_URL");
        c
    };
    std::fs::write(
        org.path("authsetup.toml"),
        "provider = \"okta\"\n\
         [[servers]]\nname = \"docs\"\nurl = \"https://docs.example.com/mcp\"\nenv_file = \"docs.env\"\nscopes = [\"docs:read\", \"docs:write\"]\n\
         [[servers]]\nname = \"wiki\"\nurl = \"https://wiki.example.com/mcp\"\n",
    )
    .unwrap();
    run(cmd().args(["apply", "--yes"]));
    let state = org.org();
    // Created concurrently, so in any order.
    let custom = |url: &str| -> Vec<String> {
        let server = state.server_named(&format!("MCP {url}")).unwrap();
        let mut names: Vec<String> = server
            .scopes
            .iter()
            .filter(|s| s["system"] == false)
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        custom("https://docs.example.com/mcp"),
        ["docs:read", "docs:write"]
    );
    // Without a setting, Okta's server keeps the one scope it always had.
    assert_eq!(custom("https://wiki.example.com/mcp"), ["mcp:access"]);

    org.sandbox.clear_log();
    run(cmd().args(["apply", "--yes"]));
    assert!(org.writes().is_empty(), "{:?}", org.writes());

    run(cmd().args(["codex", "config", "--write"]));
    assert_eq!(
        codex_scopes(org.dir.path(), "docs"),
        json!(["docs:read", "docs:write", "offline_access"])
    );
    assert_eq!(
        codex_scopes(org.dir.path(), "wiki"),
        json!(["mcp:access", "offline_access"])
    );

    let env = dotenvy::from_path_iter(org.dir.path().join("docs.env"))
        .unwrap()
        .map(Result::unwrap)
        .collect::<std::collections::BTreeMap<_, _>>();
    let app = state
        .app_labelled("Codex CLI (MCP https://docs.example.com/mcp)")
        .unwrap();
    let issuer = &env["OKTA_ISSUER"];
    let answer = log_in(
        &format!("{issuer}/v1/authorize"),
        &format!("{issuer}/v1/token"),
        &env["OKTA_CLIENT_ID"],
        app["settings"]["oauthClient"]["redirect_uris"][0]
            .as_str()
            .unwrap(),
        &[("scope", "docs:read docs:write offline_access")],
    );
    assert_eq!(
        claims(&answer)["scp"],
        json!(["docs:read", "docs:write", "offline_access"]),
        "{answer}"
    );
}

/// Flags, variables and the settings file of one bad-input run.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], Option<&'a str>);

#[test]
fn bad_scopes_exit_2_with_a_hint_before_any_request() {
    let w = World::new();
    let two = "[[servers]]\nname = \"a\"\nurl = \"https://a.example.com/mcp\"\n\
               [[servers]]\nname = \"b\"\nurl = \"https://b.example.com/mcp\"\n";
    let cases: [Case; 8] = [
        (&["--scopes", "mcp read"], &[], None),
        (&["--scopes", "mcp:read,mcp:read"], &[], None),
        (&[], &[("AUTHSETUP_SCOPES", "openid")], None),
        (&[], &[("AUTHSETUP_SCOPES", ",")], None),
        (&[], &[], Some("scopes = [\"back\\\\slash\"]\n")),
        (
            &[],
            &[],
            Some("[[servers]]\nname = \"a\"\nurl = \"https://a.example.com/mcp\"\nscopes = []\n"),
        ),
        // A flag or a variable cannot say which of several servers it is for.
        (&["--scopes", "mcp:read"], &[], Some(two)),
        (&[], &[("AUTHSETUP_SCOPES", "mcp:read")], Some(two)),
    ];
    for (args, vars, file) in cases {
        let toml = w.path("authsetup.toml");
        match file {
            Some(text) => std::fs::write(&toml, text).unwrap(),
            None => {
                let _ = std::fs::remove_file(&toml);
            }
        }
        let mut cmd = w.cmd();
        cmd.args(["apply", "--yes"]).args(args);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let text = output_text(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} {vars:?} {file:?}: {text}"
        );
        assert!(text.contains("hint:"), "{text}");
        assert!(text.to_lowercase().contains("scope"), "{text}");
    }
    assert!(w.sandbox.requests().is_empty());
}

#[test]
fn json_clients_with_a_scopes_field_ask_for_the_configured_scopes() {
    let w = World::new();
    for client in ["gemini", "cursor"] {
        run(w
            .bare()
            .env("AUTHSETUP_SCOPES", "docs:read")
            .args(["client", "config", client, "--write"])
            .args([
                "--mcp-name",
                "docs",
                "--mcp-url",
                "https://docs.example.com/mcp",
            ])
            .args(["--client-id", "abc"]));
    }
    let gemini: Value = serde_json::from_str(&read(&w.path(".gemini/settings.json"))).unwrap();
    assert_eq!(
        gemini["mcpServers"]["docs"]["oauth"]["scopes"],
        json!(["docs:read", "offline_access"])
    );
    let cursor: Value = serde_json::from_str(&read(&w.path(".cursor/mcp.json"))).unwrap();
    assert_eq!(
        cursor["mcpServers"]["docs"]["auth"]["scopes"],
        json!(["docs:read", "offline_access"])
    );
}

#[test]
fn doctor_names_a_configured_scope_the_api_the_grant_or_codex_lacks() {
    let w = World::new();
    let mcp_url = w.sandbox.mcp_url();
    let cmd = || {
        let mut c = w.cmd();
        c.env("AUTH0_AUDIENCE", &mcp_url)
            .env("MCP_URL", &mcp_url)
            .env("AUTHSETUP_REGISTRATION", "preregistered");
        c
    };
    run(cmd().args(["apply", "--yes"]));
    run(cmd().args(["codex", "config", "--write"]));
    let doctor = |scopes: &str| -> Value {
        let out = cmd()
            .args(["doctor", "--output", "json", "--scopes", scopes])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", output_text(&out)))
    };
    let check = |doc: &Value, id: &str| -> Value {
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no check {id}: {doc:#}"))
    };
    let doc = doctor("mcp:read");
    let mut fixes = Vec::new();
    for (id, message, fix) in [
        (
            "tenant.api",
            "lacks the scopes mcp:read",
            "authsetup api create --scopes mcp:read",
        ),
        (
            "tenant.client_grant",
            "lacks the scopes mcp:read",
            "authsetup policy set --registration preregistered --scopes mcp:read",
        ),
        (
            "local.codex_server",
            "scopes lack mcp:read",
            "authsetup codex config --write --registration preregistered --scopes mcp:read",
        ),
    ] {
        let c = check(&doc, id);
        assert_eq!(c["status"], "fail", "{c:#}");
        assert!(c["message"].as_str().unwrap().contains(message), "{c:#}");
        assert_eq!(c["fix"], fix, "{c:#}");
        fixes.push(fix);
    }

    // Each fix works as printed, in a shell that does not repeat --scopes nor knows the
    // registration mode.
    for fix in fixes {
        let args: Vec<&str> = fix.split(' ').skip(1).collect();
        let mut c = w.cmd();
        c.env("AUTH0_AUDIENCE", &mcp_url).env("MCP_URL", &mcp_url);
        run(c.args(&args).arg("--yes"));
    }
    let doc = doctor("mcp:read");
    for id in ["tenant.api", "tenant.client_grant", "local.codex_server"] {
        assert_eq!(check(&doc, id)["status"], "pass", "{doc:#}");
    }
}

/// Sends what an org admin's own script would: a Management API write with the org's token.
fn okta_post(org: &Org, path: &str, body: Value) -> Value {
    block_on(async {
        reqwest::Client::new()
            .post(format!("{}{path}", org.sandbox.base_url()))
            .header("authorization", format!("SSWS {}", org.sandbox.api_token()))
            .json(&body)
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap()
            .json()
            .await
            .unwrap()
    })
}

/// The admin's own authorization server for the MCP URL: apply adds the configured scope to it,
/// and destroy deletes that scope again, leaving the server as the admin made it.
#[test]
fn okta_destroy_deletes_the_scope_apply_added_to_the_admins_server() {
    let org = Org::new();
    let server = okta_post(
        &org,
        "/api/v1/authorizationServers",
        json!({"name": format!("MCP {AUD}"), "audiences": [AUD], "description": "the platform team's server"}),
    );
    let id = server["id"].as_str().unwrap().to_string();
    okta_post(
        &org,
        &format!("/api/v1/authorizationServers/{id}/scopes"),
        json!({"name": "team:read", "consent": "IMPLICIT"}),
    );
    let view = || {
        org.sandbox.with_org(|o| {
            let s = o
                .servers
                .iter()
                .find(|s| s.doc["id"] == id.as_str())
                .unwrap();
            json!({"doc": s.doc, "scopes": s.scopes})
        })
    };
    let before = view();

    run(org.cmd().args(["apply", "--yes", "--scopes", "docs:read"]));
    let names = |v: &Value| -> Vec<String> {
        v["scopes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["system"] == false)
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&view()), ["team:read", "docs:read"]);

    // The record names the scope, so destroy needs no --scopes to find it.
    let out = run(org.cmd().args(["destroy", "--yes"]));
    assert_eq!(view(), before, "{out}");
    assert!(
        org.sandbox.requests().iter().any(|r| r.method == "DELETE"
            && r.path
                .starts_with(&format!("/api/v1/authorizationServers/{id}/scopes/"))),
        "{out}"
    );
}
