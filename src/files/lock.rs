//! One run at a time per target file. Two runs on the same `.env` would each merge into the
//! version they read and the last rename would drop the other's keys, so a run holds an advisory
//! lock for its whole read-modify-write.
//!
//! The lock is a file beside the target (`.env` → `.env.authsetup.lock`), not the target itself:
//! the target is replaced by rename, so a lock on it would guard a file nobody opens any more.
//! Beside the target, only those who may write the target can touch its lock, unlike a name in
//! the shared temp folder that any local user can take first. The holder removes the file when it
//! is done.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Held until dropped, which removes the file; the OS releases the lock if the process dies,
/// and the next run takes over the file left behind.
pub struct RunLock {
    _file: File,
    path: PathBuf,
}

impl Drop for RunLock {
    fn drop(&mut self) {
        // Removed while still held, so no run can lock this file after us and believe it holds
        // the lock: a waiter finds its file gone and starts over (see `acquire`).
        let _ = std::fs::remove_file(&self.path);
    }
}

pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = OsString::from(target.file_name().unwrap_or_default());
    name.push(".authsetup.lock");
    target.with_file_name(name)
}

/// Takes the lock for `target` (any file written by read-modify-write: `.env`, Codex's
/// `config.toml`), calling `on_wait` once if another run holds it.
pub fn acquire(target: &Path, on_wait: impl FnOnce()) -> io::Result<RunLock> {
    let path = lock_path(target);
    let mut on_wait = Some(on_wait);
    loop {
        let file = open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                if let Some(f) = on_wait.take() {
                    f();
                }
                file.lock()?;
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        // The run we waited for removed the file before letting go: a lock on that unlinked
        // file guards nothing, so take the one now at the path.
        if is_at(&file, &path)? {
            return Ok(RunLock { _file: file, path });
        }
    }
}

#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        // A link planted under the lock's name is not followed to create or open another file.
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits().cast_signed())
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file.metadata()?;
    match std::fs::symlink_metadata(path) {
        Ok(now) => Ok((now.dev(), now.ino()) == (held.dev(), held.ino())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Windows does not remove a file that is open, so the file we hold is the one at the path.
#[cfg(not(unix))]
fn is_at(_file: &File, _path: &Path) -> io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_second_holder_waits_until_the_first_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(".env");
        let first = acquire(&target, || panic!("nobody holds it yet")).unwrap();
        let (tx, rx) = mpsc::channel();
        let t = target.clone();
        let waiter = std::thread::spawn(move || {
            let _second = acquire(&t, || tx.send("waiting").unwrap()).unwrap();
        });
        assert_eq!(rx.recv().unwrap(), "waiting");
        drop(first);
        waiter.join().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_is_a_private_file_beside_the_target_removed_when_released() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(".env");
        let lock = acquire(&target, || {}).unwrap();
        let path = dir.path().join(".env.authsetup.lock");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        drop(lock);
        assert!(!path.exists(), "the lock file is removed on release");
    }

    /// The waiter wakes up holding the file the first holder removed; a third run that creates
    /// a new file then must still wait for the second.
    #[test]
    fn the_run_that_waited_holds_the_lock_against_later_runs() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(".env");
        let first = acquire(&target, || {}).unwrap();
        let (waiting_tx, waiting_rx) = mpsc::channel();
        let (holding_tx, holding_rx) = mpsc::channel();
        let (release_tx, release_rx) = mpsc::channel::<()>();
        let t = target.clone();
        let second = std::thread::spawn(move || {
            let _lock = acquire(&t, || waiting_tx.send(()).unwrap()).unwrap();
            holding_tx.send(()).unwrap();
            release_rx.recv().unwrap();
        });
        waiting_rx.recv().unwrap();
        drop(first);
        holding_rx.recv().unwrap();
        let (third_tx, third_rx) = mpsc::channel();
        let t = target.clone();
        let third = std::thread::spawn(move || {
            let _lock = acquire(&t, || third_tx.send("waited").unwrap()).unwrap();
        });
        assert_eq!(third_rx.recv().unwrap(), "waited");
        release_tx.send(()).unwrap();
        second.join().unwrap();
        third.join().unwrap();
    }

    #[test]
    fn the_lock_is_named_after_the_target_in_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            lock_path(&dir.path().join("config.toml")),
            dir.path().join("config.toml.authsetup.lock")
        );
    }
}
