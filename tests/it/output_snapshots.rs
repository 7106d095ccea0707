//! The human output of `plan`, `apply`, `doctor` and `init`, snapshotted like `--help` so that
//! any change to what users read is reviewed in the diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test it output_snapshots` to accept). What differs between
//! runs is replaced: the sandbox's address by `[TENANT]`, the scratch folder by `[TMP]`. The
//! writes `apply` makes in one round finish in any order, so each run of `✓` lines is sorted.

use crate::common::{World, output_text};

fn normalized(w: &World, text: &str) -> String {
    let text = text
        .replace(&w.sandbox.base_url(), "[TENANT]")
        .replace(&w.dir.path().display().to_string(), "[TMP]");
    let mut lines: Vec<String> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with("✓ ") {
            done.push(line.to_string());
            continue;
        }
        done.sort();
        lines.append(&mut done);
        lines.push(line.to_string());
    }
    done.sort();
    lines.append(&mut done);
    lines.join("\n")
}

/// Runs `args` against the tenant with the MCP server's URL as audience; human output.
fn run(w: &World, args: &[&str], code: i32) -> String {
    let mcp = w.sandbox.mcp_url();
    let out = w
        .cmd()
        .env("AUTH0_AUDIENCE", &mcp)
        .env("MCP_URL", &mcp)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    let text = output_text(&out);
    assert_eq!(out.status.code(), Some(code), "{text}");
    normalized(w, &text)
}

#[test]
fn plan_on_a_fresh_tenant() {
    let w = World::new();
    insta::assert_snapshot!(run(&w, &["plan"], 0));
}

#[test]
fn apply_then_a_second_apply_that_changes_nothing() {
    let w = World::new();
    insta::assert_snapshot!("apply_fresh", run(&w, &["apply"], 0));
    insta::assert_snapshot!("apply_again", run(&w, &["apply"], 0));
}

#[test]
fn doctor_on_a_tenant_set_up_by_apply() {
    let w = World::new();
    run(&w, &["apply"], 0);
    insta::assert_snapshot!(run(&w, &["doctor", "--mcp-name", "docs"], 0));
}

#[test]
fn doctor_when_dcr_was_switched_off_behind_the_tools_back() {
    let w = World::new();
    run(&w, &["apply"], 0);
    w.sandbox.with_tenant(|t| {
        t.settings["flags"]["enable_dynamic_client_registration"] = false.into();
    });
    insta::assert_snapshot!(run(&w, &["doctor", "--mcp-name", "docs"], 1));
}

#[test]
fn init_without_a_terminal() {
    let w = World::new();
    insta::assert_snapshot!(run(
        &w,
        &[
            "init",
            "--yes",
            "--mcp-name",
            "docs",
            "--write-codex-config"
        ],
        0
    ));
}
