//! Files generated from the clap definitions and committed for packagers: completion scripts in
//! completions/ and manual pages in man/. A change to a command or a flag must come with the
//! regenerated files; `UPDATE_COMPLETIONS=1 cargo test --test it generated` rewrites them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "authsetup.bash"),
    ("zsh", "_authsetup"),
    ("fish", "authsetup.fish"),
    ("powershell", "_authsetup.ps1"),
    ("elvish", "authsetup.elv"),
];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_COMPLETIONS").is_some_and(|v| v == "1")
}

/// The binary, away from any authsetup.toml and with nothing from the developer's environment.
fn authsetup(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("authsetup").unwrap();
    cmd.env_clear().current_dir(cwd);
    cmd
}

/// Compares (or, when updating, rewrites) one committed file; returns a complaint when stale.
fn check(committed: &Path, generated: &[u8]) -> Option<String> {
    if updating() {
        std::fs::create_dir_all(committed.parent().unwrap()).unwrap();
        std::fs::write(committed, generated).unwrap();
        return None;
    }
    match std::fs::read(committed) {
        Ok(bytes) if bytes == generated => None,
        Ok(_) => Some(format!("{} is stale", committed.display())),
        Err(_) => Some(format!("{} is missing", committed.display())),
    }
}

fn assert_fresh(complaints: Vec<String>) {
    assert!(
        complaints.is_empty(),
        "{}\nregenerate with: UPDATE_COMPLETIONS=1 cargo test --test it generated",
        complaints.join("\n")
    );
}

#[test]
fn completion_scripts_match_the_command_definitions() {
    let cwd = tempfile::tempdir().unwrap();
    let complaints = SHELLS
        .iter()
        .filter_map(|(shell, file)| {
            let out = authsetup(cwd.path())
                .args(["completions", shell])
                .output()
                .unwrap();
            assert!(out.status.success(), "{shell}");
            assert!(
                String::from_utf8_lossy(&out.stdout).contains("connection"),
                "{shell}: the script knows the subcommands"
            );
            check(&repo("completions").join(file), &out.stdout)
        })
        .collect();
    assert_fresh(complaints);
}

#[test]
fn manual_pages_match_the_command_definitions() {
    let cwd = tempfile::tempdir().unwrap();
    let out_dir = cwd.path().join("man");
    let out = authsetup(cwd.path())
        .args(["man", "--out-dir"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");

    let names = |dir: &Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let generated = names(&out_dir);
    for page in ["authsetup.1", "authsetup-init.1", "authsetup-api-create.1"] {
        assert!(generated.contains(page), "{page} in {generated:?}");
    }

    let mut complaints: Vec<String> = generated
        .iter()
        .filter_map(|name| {
            check(
                &repo("man").join(name),
                &std::fs::read(out_dir.join(name)).unwrap(),
            )
        })
        .collect();
    for extra in names(&repo("man")).difference(&generated) {
        if updating() {
            std::fs::remove_file(repo("man").join(extra)).unwrap();
        } else {
            complaints.push(format!("man/{extra} is no longer generated"));
        }
    }
    assert_fresh(complaints);

    let page = authsetup(cwd.path()).arg("man").output().unwrap();
    assert!(page.status.success());
    assert_eq!(
        String::from_utf8_lossy(&page.stdout),
        std::fs::read_to_string(out_dir.join("authsetup.1")).unwrap(),
        "`authsetup man` prints the main page"
    );
}

/// `authsetup completions bash | head -1`: a reader that stops early ends the run normally, as
/// it does for `man | head`, instead of a panic (exit 101).
#[cfg(unix)]
#[test]
fn completions_into_a_closed_pipe_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["completions", "bash"][..], &["man"][..]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_authsetup"))
            .args(args)
            .env_clear()
            .current_dir(dir.path())
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
