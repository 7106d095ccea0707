//! `.ci/fetch-reference` and `.ci/reference.lock`, which give a CI checkout the
//! `../shared/reference` files the spec and replay tests read. The lock must match the shared
//! folder file for file, so it cannot go stale silently; the script is run through the shell
//! against a loopback server laid out like raw.githubusercontent.com.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use tempfile::TempDir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    root().join("../shared/reference")
}

/// The folders of `shared/reference` that tests read; the lock must cover each entirely.
const READ_BY_TESTS: [&str; 2] = ["specs", "recordings"];

struct Entry {
    path: String,
    repo: String,
    commit: String,
    upstream: String,
    sha256: String,
}

impl Entry {
    /// Where raw.githubusercontent.com serves the upstream file.
    fn url_path(&self) -> String {
        format!("/{}/{}/{}", self.repo, self.commit, self.upstream)
    }
}

fn lock() -> Vec<Entry> {
    let text = std::fs::read_to_string(root().join(".ci/reference.lock")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let [path, repo, commit, upstream, sha256] = fields[..] else {
                panic!("reference.lock: want 5 fields separated by one space: {line}");
            };
            let hex = |s: &str, len| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
            assert!(hex(commit, 40), "reference.lock: not a full commit: {line}");
            assert!(hex(sha256, 64), "reference.lock: not a sha256: {line}");
            assert_eq!(repo.matches('/').count(), 1, "reference.lock: {line}");
            Entry {
                path: path.into(),
                repo: repo.into(),
                commit: commit.into(),
                upstream: upstream.into(),
                sha256: sha256.into(),
            }
        })
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every file under `dir`, by its path relative to `base` with `/` separators.
fn files(base: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run .ci/fetch-reference to fetch it)",
            dir.display()
        )
    });
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(base, &path, out);
        } else {
            let rel = path.strip_prefix(base).unwrap().to_string_lossy();
            out.insert(rel.replace('\\', "/"), path.clone());
        }
    }
}

#[test]
fn the_lock_lists_every_reference_file_the_tests_read_with_its_sha256() {
    let mut on_disk = BTreeMap::new();
    for folder in READ_BY_TESTS {
        files(&shared(), &shared().join(folder), &mut on_disk);
    }
    let locked: BTreeMap<String, String> = lock().into_iter().map(|e| (e.path, e.sha256)).collect();
    let mut problems = Vec::new();
    for (path, file) in &on_disk {
        let actual = sha256(&std::fs::read(file).unwrap());
        match locked.get(path) {
            None => problems.push(format!("{path}: not in the lock (sha256 {actual})")),
            Some(want) if *want != actual => {
                problems.push(format!("{path}: sha256 {actual}, the lock says {want}"));
            }
            Some(_) => {}
        }
    }
    for path in locked.keys().filter(|p| !on_disk.contains_key(*p)) {
        problems.push(format!("{path}: in the lock but not in shared/reference"));
    }
    assert!(
        problems.is_empty(),
        ".ci/reference.lock is stale:\n{}",
        problems.join("\n")
    );
    assert!(on_disk.len() > 100, "only {} files found", on_disk.len());
}

/// A loopback HTTP server for the files under `dir`; it records every path asked for.
fn serve(dir: PathBuf) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&asked);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(&stream);
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            let mut header = String::new();
            while reader.read_line(&mut header).unwrap_or(0) > 2 {
                header.clear();
            }
            let path = request_line.split(' ').nth(1).unwrap_or("/").to_string();
            log.lock().unwrap().push(path.clone());
            let file = dir.join(path.trim_start_matches('/'));
            let (status, body) = match std::fs::read(&file) {
                Ok(body) if !path.contains("..") => ("200 OK", body),
                _ => ("404 Not Found", b"404: Not Found".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    (url, asked)
}

/// A folder laid out like raw.githubusercontent.com with every locked file, taken from the
/// shared folder; `corrupt` names one whose upstream copy gets a byte changed.
fn upstream(corrupt: Option<&str>) -> TempDir {
    let dir = TempDir::new().unwrap();
    for entry in lock() {
        let served = dir.path().join(entry.url_path().trim_start_matches('/'));
        std::fs::create_dir_all(served.parent().unwrap()).unwrap();
        let mut bytes = std::fs::read(shared().join(&entry.path)).unwrap();
        if corrupt == Some(entry.path.as_str()) {
            bytes[0] ^= 1;
        }
        std::fs::write(served, bytes).unwrap();
    }
    dir
}

fn fetch(url: &str, dest: &Path) -> Output {
    let mut cmd = Command::new(root().join(".ci/fetch-reference"));
    cmd.env("AUTHSETUP_REFERENCE_URL", url)
        .env("AUTHSETUP_REFERENCE_DIR", dest);
    // A proxy from the environment would take the loopback requests elsewhere.
    for proxy in ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"] {
        cmd.env_remove(proxy);
    }
    cmd.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn fetch_reference_downloads_every_locked_file_from_its_commit() {
    let served = upstream(None);
    let (url, asked) = serve(served.path().to_path_buf());
    let dest = TempDir::new().unwrap();
    let out = fetch(&url, dest.path());
    assert!(out.status.success(), "{}", stderr(&out));

    let entries = lock();
    let mut landed = BTreeMap::new();
    files(dest.path(), dest.path(), &mut landed);
    assert_eq!(
        landed.keys().collect::<Vec<_>>(),
        entries.iter().map(|e| &e.path).collect::<Vec<_>>(),
        "exactly the locked files, and no temporary file left"
    );
    for entry in &entries {
        assert!(
            std::fs::read(dest.path().join(&entry.path)).unwrap()
                == std::fs::read(shared().join(&entry.path)).unwrap(),
            "{} differs from shared/reference",
            entry.path
        );
    }
    let mut want: Vec<String> = entries.iter().map(Entry::url_path).collect();
    let mut got = asked.lock().unwrap().clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "one request per file, at its pinned commit");

    // Files already in place are checked, not downloaded again.
    asked.lock().unwrap().clear();
    let again = fetch(&url, dest.path());
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(asked.lock().unwrap().len(), 0);
}

#[test]
fn fetch_reference_refuses_a_file_whose_sha256_differs() {
    let entries = lock();
    let bad = &entries[entries.len() / 2];
    let served = upstream(Some(&bad.path));
    let (url, _) = serve(served.path().to_path_buf());
    let dest = TempDir::new().unwrap();

    let out = fetch(&url, dest.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(&bad.path) && err.contains("refused"), "{err}");
    let mut landed = BTreeMap::new();
    files(dest.path(), dest.path(), &mut landed);
    assert!(
        !dest.path().join(&bad.path).exists(),
        "refused file written"
    );
    assert!(
        landed.keys().all(|p| entries.iter().any(|e| &e.path == p)),
        "a temporary file was left: {:?}",
        landed.keys().collect::<Vec<_>>()
    );

    // A file already in place that differs from the lock is not overwritten either.
    let served = upstream(None);
    let (url, _) = serve(served.path().to_path_buf());
    let first = dest.path().join(&entries[0].path);
    std::fs::write(&first, "edited by hand").unwrap();
    let out = fetch(&url, dest.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("not overwriting"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "edited by hand");
}
