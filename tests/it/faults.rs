//! Network and service faults during `apply`: every scenario either converges to the same tenant
//! as an undisturbed run, without duplicates, or fails with a clear error naming the request.

use crate::common::{AUD, World, output_text};
use authsetup_sandbox::{Fault, FaultKind, SandboxConfig};

/// What an undisturbed apply leaves, in the fields authsetup owns.
fn converged(w: &World) {
    let rs: Vec<_> = w.sandbox.with_tenant(|t| {
        t.resource_servers
            .iter()
            .filter(|r| r["identifier"] == AUD)
            .cloned()
            .collect()
    });
    assert_eq!(rs.len(), 1, "exactly one API: {rs:#?}");
    assert_eq!(rs[0]["signing_alg"], "RS256");
    assert_eq!(
        rs[0]["subject_type_authorization"]["client"]["policy"],
        "deny_all"
    );
    assert_eq!(w.default_grants(AUD).len(), 1, "exactly one default grant");
    let settings = w.settings();
    // Resource mode, what a new setup gets: no default audience.
    assert_eq!(settings["resource_parameter_profile"], "compatibility");
    assert!(
        matches!(settings["default_audience"].as_str(), None | Some("")),
        "{settings:#}"
    );
    assert_eq!(
        settings["flags"]["enable_dynamic_client_registration"],
        true
    );
    assert_eq!(
        w.connection("Username-Password-Authentication").unwrap()["is_domain_connection"],
        true
    );
    let env = w.env_file().expect(".env written");
    assert_eq!(env.matches("AUTH0_AUDIENCE=").count(), 1, "{env}");
}

fn apply_with(fault: Fault) -> (World, std::process::Output) {
    let w = World::new();
    w.sandbox.inject(fault);
    let out = w
        .cmd()
        .env("AUTHSETUP_HTTP_TIMEOUT", "1")
        .arg("apply")
        .output()
        .unwrap();
    (w, out)
}

macro_rules! converges {
    ($($name:ident: $method:literal $path:literal $kind:expr, $times:literal;)*) => {$(
        #[test]
        fn $name() {
            let fault = Fault::new($kind, $path).method($method).times($times);
            let (w, out) = apply_with(fault);
            assert!(out.status.success(), "{}", output_text(&out));
            converged(&w);
            let text = output_text(&out);
            assert!(
                !text.contains("Too Many Requests") && !text.contains("Service Unavailable"),
                "raw failures leak: {text}"
            );
        }
    )*};
}

converges! {
    read_503_twice: "GET" "/api/v2/tenants/settings" FaultKind::Status(503), 2;
    read_500: "GET" "/api/v2/resource-servers/" FaultKind::Status(500), 1;
    read_502_html_proxy_page: "GET" "/api/v2/connections" FaultKind::Html(502), 1;
    read_504: "GET" "/api/v2/client-grants" FaultKind::Status(504), 1;
    read_connection_reset: "GET" "/api/v2/tenants/settings" FaultKind::Reset, 1;
    read_never_answers: "GET" "/api/v2/connections" FaultKind::Hang, 1;
    read_truncated_body: "GET" "/api/v2/tenants/settings" FaultKind::Truncated, 1;
    token_503: "POST" "/oauth/token" FaultKind::Status(503), 1;
    token_reset: "POST" "/oauth/token" FaultKind::Reset, 1;
    patch_503: "PATCH" "/api/v2/tenants/settings" FaultKind::Status(503), 2;
    patch_reset: "PATCH" "/api/v2/connections/" FaultKind::Reset, 1;
    patch_html_proxy_page: "PATCH" "/api/v2/tenants/settings" FaultKind::Html(502), 1;
    patch_never_answers: "PATCH" "/api/v2/tenants/settings" FaultKind::Hang, 1;
    create_503_is_looked_up_then_retried: "POST" "/api/v2/resource-servers" FaultKind::Status(503), 1;
    create_reset_is_looked_up_then_retried: "POST" "/api/v2/client-grants" FaultKind::Reset, 1;
    create_done_but_answer_lost_is_not_repeated: "POST" "/api/v2/resource-servers" FaultKind::LostAnswer, 1;
    grant_done_but_answer_lost_is_not_repeated: "POST" "/api/v2/client-grants" FaultKind::LostAnswer, 1;
    patch_done_but_answer_lost: "PATCH" "/api/v2/tenants/settings" FaultKind::LostAnswer, 1;
}

#[test]
fn a_lost_create_answer_is_checked_before_sending_again() {
    let (w, out) =
        apply_with(Fault::new(FaultKind::LostAnswer, "/api/v2/resource-servers").method("POST"));
    assert!(out.status.success(), "{}", output_text(&out));
    let posts = w
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/api/v2/resource-servers")
        .count();
    assert_eq!(posts, 1, "the create happened; it must not be sent twice");
}

#[test]
fn a_persistent_outage_fails_naming_the_request_and_what_was_done() {
    let (w, out) = apply_with(
        // As many failures as authsetup makes attempts; the fault is spent for the rerun.
        Fault::new(FaultKind::Status(503), "/api/v2/client-grants")
            .method("POST")
            .times(3),
    );
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("POST /api/v2/client-grants"), "{stderr}");
    assert!(stderr.contains("already done"), "{stderr}");
    assert!(w.env_file().is_none(), "no .env after a failed apply");
    // The rest converges on the next run.
    let out = w.cmd().arg("apply").output().unwrap();
    assert!(out.status.success(), "{}", output_text(&out));
    converged(&w);
}

#[test]
fn a_read_that_never_succeeds_fails_before_any_write() {
    let (w, out) =
        apply_with(Fault::new(FaultKind::Html(502), "/api/v2/tenants/settings").times(50));
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("GET /api/v2/tenants/settings") && stderr.contains("not JSON"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("<html"),
        "the proxy page itself is not dumped: {stderr}"
    );
    assert!(w.writes().is_empty());
}

#[cfg(unix)]
mod process {
    use super::*;
    use std::process::{Child, Stdio};
    use std::time::{Duration, Instant};

    fn spawn_apply(w: &World) -> Child {
        w.std_cmd()
            .arg("apply")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !ok() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn slow_world() -> World {
        World::with_config(SandboxConfig {
            latency: Duration::from_millis(150),
            ..SandboxConfig::default()
        })
    }

    /// SIGKILL right after the k-th write is answered, for every k; a second apply converges.
    #[test]
    fn killed_after_each_write_a_second_apply_converges() {
        for k in 1..=4 {
            let w = slow_world();
            let mut child = spawn_apply(&w);
            wait_until(&format!("write {k}"), || {
                w.writes().iter().filter(|r| r.status != 0).count() >= k
            });
            child.kill().unwrap();
            child.wait().unwrap();
            let partial = w.env_file();
            if let Some(env) = &partial {
                assert!(env.ends_with('\n'), "never half-written: {env:?}");
            }
            let out = w.cmd().arg("apply").output().unwrap();
            assert!(out.status.success(), "k={k}: {}", output_text(&out));
            converged(&w);
        }
    }

    #[test]
    fn ctrl_c_stops_after_the_requests_in_flight() {
        let w = slow_world();
        let child = spawn_apply(&w);
        // The first round of writes is on the wire (the grant waits for the API in round two).
        wait_until("the first writes", || !w.writes().is_empty());
        let pid = rustix::process::Pid::from_child(&child);
        rustix::process::kill_process(pid, rustix::process::Signal::INT).expect("SIGINT sent");
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(130), "{}", output_text(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("interrupted"), "{stderr}");
        let writes = w.writes();
        assert!(
            writes.iter().all(|r| r.status != 0 && r.status < 300),
            "in-flight writes finished: {writes:#?}"
        );
        assert!(
            !writes.iter().any(|r| r.path == "/api/v2/client-grants"),
            "no write started after Ctrl-C: {writes:#?}"
        );
        assert!(
            w.env_file().is_none(),
            ".env is not written after an interrupt"
        );
        let out = w.cmd().arg("apply").output().unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
        converged(&w);
    }

    #[test]
    fn two_applies_at_once_leave_one_consistent_result() {
        let w = slow_world();
        std::fs::write(w.path(".env"), "# mine\nPORT=1\n").unwrap();
        let a = spawn_apply(&w);
        let b = spawn_apply(&w);
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success(), "{}", output_text(&a));
        assert!(b.status.success(), "{}", output_text(&b));
        converged(&w);
        let env = w.env_file().unwrap();
        assert!(env.starts_with("# mine\nPORT=1\n"), "{env}");
        assert_eq!(env.matches("AUTH0_DOMAIN=").count(), 1, "{env}");
    }
}
