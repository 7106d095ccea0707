//! One apply at a time per target file. Two runs on the same `.env` would each merge into the
//! version they read and the last rename would drop the other's keys, so an apply holds an
//! advisory lock for its whole read-modify-write.
//!
//! The lock lives in the temp folder, named after the target's canonical path: the target itself
//! is replaced by rename, so a lock on it would guard a file nobody opens any more.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use ring::digest::{SHA256, digest};

/// Held until dropped; the OS releases it if the process dies.
pub struct RunLock {
    _file: File,
}

pub fn lock_path(target: &Path) -> PathBuf {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let canonical = std::fs::canonicalize(dir)
        .unwrap_or_else(|_| dir.to_path_buf())
        .join(target.file_name().unwrap_or_default());
    let digest = digest(&SHA256, canonical.to_string_lossy().as_bytes());
    let id: String = digest.as_ref()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::env::temp_dir().join(format!("authsetup-{id}.lock"))
}

/// Takes the lock for `target`, calling `on_wait` once if another run holds it.
pub fn acquire(target: &Path, on_wait: impl FnOnce()) -> io::Result<RunLock> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(target))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            on_wait();
            file.lock()?;
        }
        Err(TryLockError::Error(e)) => return Err(e),
    }
    Ok(RunLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_until_the_first_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(".env");
        let first = acquire(&target, || panic!("nobody holds it yet")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let t = target.clone();
        let waiter = std::thread::spawn(move || {
            let _second = acquire(&t, || tx.send("waiting").unwrap()).unwrap();
        });
        assert_eq!(rx.recv().unwrap(), "waiting");
        drop(first);
        waiter.join().unwrap();
        assert_eq!(lock_path(&target), lock_path(&dir.path().join("./.env")));
    }
}
