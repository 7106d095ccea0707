//! The bad-input corpus: every case exits 2 with one `error:` line and a `hint:` (clap's own
//! usage errors keep clap's format), and sends no request at all.

use crate::common::{World, output_text};

/// (what, extra arguments, extra environment, a word the message must contain)
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    &'static str,
);

const CASES: &[Case] = &[
    ("empty domain", &["--domain", ""], &[], "domain"),
    (
        "domain with a path",
        &["--domain", "https://t.auth0.com/api/v2"],
        &[],
        "path",
    ),
    (
        "domain with credentials",
        &["--domain", "https://user:pw@t.auth0.com"],
        &[],
        "credentials",
    ),
    (
        "plain http off loopback",
        &["--domain", "http://t.auth0.com"],
        &[],
        "loopback",
    ),
    (
        "unicode domain",
        &["--domain", "tenänt.auth0.com"],
        &[],
        "punycode",
    ),
    ("trailing dot", &["--domain", "t.auth0.com."], &[], "dot"),
    (
        "domain label with hyphens at its ends",
        &["--domain=-bad-.auth0.com"],
        &[],
        "hyphen",
    ),
    (
        "domain label ending with a hyphen",
        &["--domain", "https://bad-.us.auth0.com"],
        &[],
        "hyphen",
    ),
    (
        "domain label with an underscore",
        &["--domain", "my_tenant.auth0.com"],
        &[],
        "'_'",
    ),
    (
        "domain label longer than 63",
        &[
            "--domain",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.auth0.com",
        ],
        &[],
        "63",
    ),
    (
        "domain with a space",
        &["--domain", "t auth0.com"],
        &[],
        "whitespace",
    ),
    (
        "domain from the environment",
        &[],
        &[("AUTH0_DOMAIN", "ftp://t.auth0.com")],
        "AUTH0_DOMAIN",
    ),
    (
        "audience not a URI",
        &["--audience", "not a uri"],
        &[],
        "audience",
    ),
    (
        "relative audience",
        &["--audience", "mcp/api"],
        &[],
        "absolute URI",
    ),
    (
        "path-only audience",
        &["--audience", "/mcp"],
        &[],
        "absolute URI",
    ),
    (
        "audience with a fragment",
        &["--audience", "https://a.example/#x"],
        &[],
        "fragment",
    ),
    (
        "audience with whitespace",
        &["--audience", " https://a.example/"],
        &[],
        "whitespace",
    ),
    (
        "audience from the environment",
        &[],
        &[("AUTH0_AUDIENCE", "mcp")],
        "AUTH0_AUDIENCE",
    ),
    (
        "connection with a space",
        &["--connection", "my conn"],
        &[],
        "connection name",
    ),
    (
        "connection with a leading hyphen",
        &["--connection=-conn"],
        &[],
        "connection name",
    ),
    (
        "connection with a double hyphen",
        &["--connection", "a--b"],
        &[],
        "connection name",
    ),
    (
        "connection from the environment",
        &[],
        &[("CONNECTION_NAME", "a_b")],
        "CONNECTION_NAME",
    ),
    (
        "callback port 0",
        &["--callback-port", "0"],
        &[],
        "callback-port",
    ),
    (
        "callback port too big",
        &["--callback-port", "70000"],
        &[],
        "callback-port",
    ),
    (
        "callback port not a number",
        &["--callback-port", "abc"],
        &[],
        "callback-port",
    ),
    (
        "unknown provider flag",
        &["--provider", "keycloak"],
        &[],
        "provider",
    ),
    (
        "unknown provider variable",
        &[],
        &[("AUTHSETUP_PROVIDER", "keycloak")],
        "AUTHSETUP_PROVIDER",
    ),
    (
        "unknown output variable",
        &[],
        &[("AUTHSETUP_OUTPUT", "yaml")],
        "AUTHSETUP_OUTPUT",
    ),
    (
        "mcp url not a url",
        &["--mcp-url", "mcp.example.com"],
        &[],
        "MCP URL",
    ),
    (
        "mcp url plain http off loopback",
        &["--mcp-url", "http://mcp.example.com/mcp"],
        &[],
        "http",
    ),
    (
        "mcp name with a dot",
        &["--mcp-name", "my.server"],
        &[],
        "MCP server name",
    ),
    ("env file is a folder", &["--env-file", "."], &[], "folder"),
    (
        "env file in a missing folder",
        &["--env-file", "missing/.env"],
        &[],
        "folder",
    ),
    (
        "missing settings file",
        &["--config", "nope.toml"],
        &[],
        "nope.toml",
    ),
    (
        "client id without secret",
        &[],
        &[("AUTH0_CLIENT_SECRET", "")],
        "AUTH0_CLIENT_SECRET",
    ),
    (
        "unknown audience mode",
        &["--audience-mode", "tenant"],
        &[],
        "--audience-mode",
    ),
    (
        "unknown client mode from the environment",
        &[],
        &[("AUTHSETUP_REGISTRATION", "static")],
        "AUTHSETUP_REGISTRATION",
    ),
    (
        "unknown audience mode from the environment",
        &[],
        &[("AUTHSETUP_AUDIENCE_MODE", "both")],
        "AUTHSETUP_AUDIENCE_MODE",
    ),
    (
        "resource mode on Okta",
        &["--provider", "okta", "--audience-mode", "resource"],
        &[],
        "Okta",
    ),
    (
        "open DCR on Okta",
        &["--provider", "okta"],
        &[("AUTHSETUP_REGISTRATION", "dcr")],
        "Okta",
    ),
    (
        "a created connection would be domain-level",
        &["--registration", "preregistered", "--create-connection"],
        &[],
        "--create-connection",
    ),
    (
        "management domain with a path",
        &["--management-domain", "https://t.auth0.com/api/v2"],
        &[],
        "--management-domain",
    ),
];

#[test]
fn every_bad_input_exits_2_with_a_hint_and_no_request() {
    let w = World::new();
    for (what, args, env, needle) in CASES {
        let mut cmd = w.cmd();
        cmd.arg("apply").args(*args);
        for (k, v) in *env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", output_text(&out));
        assert!(
            stderr.contains(needle),
            "{what}: expected {needle:?} in {stderr}"
        );
        let errors = stderr.lines().filter(|l| l.starts_with("error:")).count();
        assert_eq!(errors, 1, "{what}: one error line: {stderr}");
        let clap_usage = stderr.contains("For more information, try '--help'");
        assert!(
            clap_usage || stderr.contains("hint:"),
            "{what}: a hint: {stderr}"
        );
    }
    assert!(
        w.sandbox.requests().is_empty(),
        "{:#?}",
        w.sandbox.requests()
    );
}

#[test]
fn conflicting_connection_names_are_refused() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["connection", "promote", "Corp", "--connection", "Other"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--connection"));
    assert!(w.sandbox.requests().is_empty());
}

#[test]
fn settings_file_errors_point_at_line_and_column() {
    let w = World::new();
    let cases = [
        ("audience = \"https://a.example/\"\ndomain = \n", "line 2"),
        ("audiance = \"https://a.example/\"\n", "audiance"),
        ("callback_port = \"x\"\n", "line 1"),
        ("callback_port = 0\n", "port"),
    ];
    for (text, needle) in cases {
        std::fs::write(w.path("authsetup.toml"), text).unwrap();
        let out = w.bare().arg("plan").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}: {}", output_text(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(needle) && stderr.contains("hint:"),
            "{text}: {stderr}"
        );
    }
    assert!(w.sandbox.requests().is_empty());
}

#[test]
fn json_errors_are_one_document_on_stdout() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["apply", "--output", "json", "--audience", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("audience")
    );
    assert!(doc["error"]["hint"].as_str().is_some());
    assert_eq!(doc["error"]["code"], "invalid_value", "{doc}");
    assert_eq!(doc["version"], 1, "{doc}");
}

/// Errors clap finds in the command line itself are JSON too when JSON was asked for, by flag or
/// by AUTHSETUP_OUTPUT, each with a code a script can match; in human mode clap's text stays.
#[test]
fn command_line_errors_are_json_when_json_is_asked_for() {
    let w = World::new();
    type Run = (
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
        &'static str,
    );
    let cases: [Run; 5] = [
        (&["plan", "--output", "json", "--bogus"], &[], "usage"),
        (&["plan", "--output=json", "--bogus"], &[], "usage"),
        (
            &["plan", "--callback-port", "99999"],
            &[("AUTHSETUP_OUTPUT", "json")],
            "invalid_value",
        ),
        (&["--output", "json"], &[], "missing_value"),
        (
            &["plan", "--output", "json"],
            &[("AUTH0_DOMAIN", "")],
            "missing_value",
        ),
    ];
    for (args, env, code) in cases {
        let mut cmd = w.cmd();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            output_text(&out)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: no JSON on stdout ({e}): {}", output_text(&out)));
        assert_eq!(doc["error"]["code"], code, "{args:?}: {doc}");
        assert!(
            doc["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{doc}"
        );
        assert!(
            doc["error"]["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "{doc}"
        );
        assert!(out.stderr.is_empty(), "{args:?}: {}", output_text(&out));
    }
    let human = w.cmd().args(["plan", "--bogus"]).output().unwrap();
    assert_eq!(human.status.code(), Some(2));
    assert!(human.stdout.is_empty());
    assert!(String::from_utf8_lossy(&human.stderr).starts_with("error: unexpected argument"));
    assert!(w.sandbox.requests().is_empty());
}

/// The demo emulates Auth0 only: asked for Okta, by flag or environment, it refuses instead of
/// showing Auth0 under Okta's name.
#[test]
fn the_demo_refuses_okta_instead_of_running_auth0() {
    let w = World::new();
    for (args, env) in [
        (&["demo", "--provider", "okta"][..], None),
        (&["demo"][..], Some(("AUTHSETUP_PROVIDER", "okta"))),
    ] {
        let mut cmd = w.bare();
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("Okta") && stderr.contains("hint:"),
            "{stderr}"
        );
        assert!(!stderr.contains("Auth0 tenant and MCP server"), "{stderr}");
    }
}

/// An unreadable authsetup.toml that nobody named: the hint does not send the user to a
/// --config they never gave.
#[test]
fn an_unreadable_implicit_settings_file_gets_a_hint_about_that_file() {
    let w = World::new();
    // a folder cannot be read as a file, even by root (mode 000 would not stop root)
    std::fs::create_dir(w.path("authsetup.toml")).unwrap();
    let out = w.cmd().arg("plan").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("authsetup.toml"), "{stderr}");
    assert!(!stderr.contains("given to --config"), "{stderr}");
    assert!(w.sandbox.requests().is_empty());
}

/// A value that is not UTF-8 (a secret pasted from a file in another encoding) must not look
/// unset, which would quietly fall back to another credential source or tenant.
#[cfg(unix)]
#[test]
fn a_variable_that_is_not_utf8_is_bad_input_named_without_its_value() {
    use std::os::unix::ffi::OsStrExt;
    let w = World::new();
    let bad = std::ffi::OsStr::from_bytes(b"tok\xffen-SECRET");
    for name in ["AUTH0_MGMT_TOKEN", "AUTH0_DOMAIN", "OKTA_PRIVATE_KEY"] {
        let out = w.cmd().arg("plan").env(name, bad).output().unwrap();
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {text}");
        assert!(
            text.contains(&format!("{name} is not valid UTF-8")),
            "{text}"
        );
        assert!(!text.contains("SECRET"), "{text}");
    }
    assert!(
        w.sandbox.requests().is_empty(),
        "{:#?}",
        w.sandbox.requests()
    );
}
