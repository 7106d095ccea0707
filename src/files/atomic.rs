//! Replacing a file so that a crash leaves either the old or the new content, never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Mode of a file we create: both files we write can hold secrets (tokens, client ids next to
/// secrets the user adds), so new ones are private. An existing file keeps its own mode.
const NEW_FILE_MODE: u32 = 0o600;

/// Our temporary files are `.authsetup-XXXXXX.tmp` beside the target.
const TEMP_PREFIX: &str = ".authsetup-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file lives for milliseconds; one this old was left by a killed run.
const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// As many hops as Linux follows before ELOOP.
const MAX_SYMLINK_HOPS: usize = 40;

/// Writes `contents` to `path` through a temporary file in the same folder and a rename.
///
/// The temporary file lives beside the target so the rename never crosses a filesystem. When
/// `path` is a symlink, the end of its chain is replaced only if it stays in the same folder; a
/// chain leading elsewhere is refused rather than followed, so a planted link cannot redirect a
/// write. The replacement keeps the original's mode, owner and group.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = resolve_target(path)?;
    let dir = folder(&target);
    remove_stale_temps(&dir);
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let mut tmp = temp_file_in(&dir)?;
    if let Some(original) = &existing {
        keep_owner(tmp.as_file(), original)?;
    }
    set_mode(
        tmp.as_file(),
        existing.as_ref().map_or(NEW_FILE_MODE, mode_of),
    )?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // The rename is durable only once the folder entry is on disk.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What [`replace_with_backup`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replaced {
    Created,
    Updated { backup: PathBuf },
    Unchanged,
}

/// Why a user's config file was left as it was: the words every client's writer reports.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "cannot write the backup {}: {source}; {} was not changed",
        backup.display(),
        file.display()
    )]
    Backup {
        file: PathBuf,
        backup: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}: {source}; the file was not changed", file.display())]
    Write {
        file: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl WriteError {
    /// A failure to write `file` itself (or its folder, or its lock).
    pub fn writing(file: &Path) -> impl Fn(io::Error) -> WriteError + Copy + '_ {
        move |source| WriteError::Write {
            file: file.to_path_buf(),
            source,
        }
    }
}

/// Puts `new` into a user's config file that held `old` (`None`: there was none): nothing when
/// they are equal, else the previous text first goes to `NAME.bak` (same mode as the original,
/// since it holds the same content) and then `new` replaces the file atomically. Only the latest
/// state is kept, so repeated runs do not pile up copies of secrets; one copy lets a user undo
/// authsetup with `mv`, whatever went wrong. A missing folder is created 0700, as the MCP
/// clients create their own.
pub fn replace_with_backup(
    path: &Path,
    old: Option<&[u8]>,
    new: &[u8],
) -> Result<Replaced, WriteError> {
    match old {
        Some(old) if old == new => Ok(Replaced::Unchanged),
        Some(old) => {
            let backup = backup_path(path);
            write_backup(path, &backup, old).map_err(|source| WriteError::Backup {
                file: path.to_path_buf(),
                backup: backup.clone(),
                source,
            })?;
            write_atomic(path, new).map_err(WriteError::writing(path))?;
            Ok(Replaced::Updated { backup })
        }
        None => {
            create_parent(path).map_err(WriteError::writing(path))?;
            write_atomic(path, new).map_err(WriteError::writing(path))?;
            Ok(Replaced::Created)
        }
    }
}

fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "config".into());
    name.push(".bak");
    path.with_file_name(name)
}

fn write_backup(original: &Path, backup: &Path, contents: &[u8]) -> io::Result<()> {
    // An older backup may be more readable than the file now is; start from a fresh (0600) file
    // rather than inherit its mode.
    match fs::remove_file(backup) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write_atomic(backup, contents)?;
    copy_mode(original, backup)
}

#[cfg(unix)]
fn copy_mode(from: &Path, to: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(from)?.permissions().mode() & 0o7777;
    fs::set_permissions(to, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn copy_mode(_from: &Path, _to: &Path) -> io::Result<()> {
    Ok(())
}

/// Creates the folders above `path`, 0700 where authsetup makes them: they hold OAuth settings
/// and, next to them, the clients' own tokens.
pub fn create_parent(path: &Path) -> io::Result<()> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if parent.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(parent)
}

/// Checks, leaving nothing behind, that [`write_atomic`] can create its temporary file beside
/// `target` (the end of a symlink chain, from [`resolve_target`]), or in the nearest existing
/// folder above when the folder is yet to be made.
pub fn check_writable(target: &Path) -> io::Result<()> {
    let dir = folder(target);
    let existing = dir
        .ancestors()
        .find(|d| d.is_dir())
        .unwrap_or(Path::new("."));
    drop(temp_file_in(existing)?);
    Ok(())
}

/// The folder holding `path`, `.` for a bare file name.
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// tempfile's error ends with the random temporary path (`… at path "…"`), which means nothing
/// to the user; the folder is named instead.
fn temp_file_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| {
            let text = e.to_string();
            let cause = text.split(" at path ").next().unwrap_or_default();
            io::Error::new(
                e.kind(),
                format!("cannot create a file in {}: {cause}", dir.display()),
            )
        })
}

/// A killed run leaves its temporary file (holding the new contents) beside the target; nothing
/// else would ever remove it.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX));
        // `DirEntry::metadata` does not follow symlinks: only our own plain files go.
        let stale = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| now.duration_since(t).ok())
                    .is_some_and(|age| age > STALE_TEMP_AGE)
        });
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The file a write to `path` replaces: the end of `path`'s symlink chain. Refused when that end
/// is not in `path`'s own folder, however many hops it takes to leave it.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                // An absolute link replaces the folder in `join`.
                current = folder(&current).join(fs::read_link(&current)?);
            }
            _ if current == path => return Ok(current),
            _ if same_folder(&folder(&current), &folder(path)) => return Ok(current),
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "{} is a symlink to {}, outside its folder; refusing to replace it",
                        path.display(),
                        current.display()
                    ),
                ));
            }
        }
    }
    Err(io::Error::other(format!(
        "{} is a chain of more than {MAX_SYMLINK_HOPS} symlinks; refusing to replace it",
        path.display()
    )))
}

fn same_folder(a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

#[cfg(unix)]
fn mode_of(meta: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_meta: &fs::Metadata) -> u32 {
    NEW_FILE_MODE
}

/// The temporary file belongs to whoever runs authsetup; after `sudo authsetup …` a server running
/// as the file's owner could no longer read its own `.env`.
#[cfg(unix)]
fn keep_owner(tmp: &fs::File, original: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, fchown};
    let mine = tmp.metadata()?;
    if (mine.uid(), mine.gid()) == (original.uid(), original.gid()) {
        return Ok(());
    }
    match fchown(tmp, Some(original.uid()), Some(original.gid())) {
        Ok(()) => Ok(()),
        Err(e) if mine.uid() == 0 => Err(e),
        // Only root may give a file away. Anyone else ends up owning it, as with any editor's
        // save, but keeps its group when they belong to it; when they do not, the group becomes
        // theirs too, which is all they can do.
        Err(_) => {
            let _ = fchown(tmp, None, Some(original.gid()));
            Ok(())
        }
    }
}

#[cfg(not(unix))]
fn keep_owner(_tmp: &fs::File, _original: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn set_mode(file: &fs::File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_file: &fs::File, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_file_is_private_and_existing_mode_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        write_atomic(&p, b"A=1\n").unwrap();
        assert_eq!(mode(&p), 0o600);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"A=2\n").unwrap();
        assert_eq!(mode(&p), 0o640);
        assert_eq!(fs::read_to_string(&p).unwrap(), "A=2\n");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn symlink_out_of_folder_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        let link = dir.path().join(".env");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(write_atomic(&link, b"X=1\n").is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
    }

    #[test]
    fn symlink_within_folder_replaces_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.env");
        fs::write(&real, "A=1\n").unwrap();
        let link = dir.path().join(".env");
        std::os::unix::fs::symlink("real.env", &link).unwrap();
        write_atomic(&link, b"A=2\n").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "A=2\n");
    }

    #[test]
    fn a_chain_leaving_the_folder_is_refused_however_many_hops() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.env");
        fs::write(&secret, "OTHER_PROJECT_SECRET=s3cr3t\n").unwrap();
        std::os::unix::fs::symlink(&secret, dir.path().join("link2")).unwrap();
        let link = dir.path().join(".env");
        std::os::unix::fs::symlink("link2", &link).unwrap();
        let err = write_atomic(&link, b"X=1\n").unwrap_err();
        assert!(err.to_string().contains("outside its folder"), "{err}");
        assert!(resolve_target(&link).is_err());
        assert!(
            fs::symlink_metadata(dir.path().join("link2"))
                .unwrap()
                .file_type()
                .is_symlink(),
            "the inner link is not replaced by a copy of the outside file"
        );
        assert_eq!(
            fs::read_to_string(&secret).unwrap(),
            "OTHER_PROJECT_SECRET=s3cr3t\n"
        );
    }

    #[test]
    fn a_chain_ending_in_the_folder_replaces_its_end() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("real.env"), "A=1\n").unwrap();
        std::os::unix::fs::symlink("real.env", dir.path().join("link2")).unwrap();
        let link = dir.path().join(".env");
        std::os::unix::fs::symlink("link2", &link).unwrap();
        assert_eq!(resolve_target(&link).unwrap(), dir.path().join("real.env"));
        write_atomic(&link, b"A=2\n").unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("real.env")).unwrap(),
            "A=2\n"
        );
    }

    #[test]
    fn a_symlink_loop_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", &b).unwrap();
        assert!(write_atomic(&a, b"X=1\n").is_err());
    }

    #[test]
    fn stale_temporary_files_go_and_fresh_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".authsetup-Stale1.tmp");
        let fresh = dir.path().join(".authsetup-Fresh1.tmp");
        let other = dir.path().join(".other-Stale1.tmp");
        for p in [&stale, &fresh, &other] {
            fs::write(p, "NEW=1\n").unwrap();
        }
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        write_atomic(&dir.path().join(".env"), b"A=1\n").unwrap();
        assert!(!stale.exists(), "a killed run's temporary file is removed");
        assert!(fresh.exists(), "a running write's temporary file is kept");
        assert!(other.exists(), "only our own files are touched");
    }

    #[test]
    fn the_writability_probe_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/deeper/config.toml");
        check_writable(&target).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_where_no_file_can_be_created_fails_the_probe_naming_it() {
        // Even root cannot create a file in /proc.
        let err = check_writable(Path::new("/proc/.env")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot create a file in /proc:"),
            "{err}"
        );
    }

    /// Only root can give a file to another user, so only a root run can check this.
    #[test]
    fn owner_and_group_are_kept_when_root_replaces_a_file() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        fs::write(&p, "A=1\n").unwrap();
        if fs::metadata(&p).unwrap().uid() != 0 {
            return;
        }
        std::os::unix::fs::chown(&p, Some(65534), Some(65534)).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"A=2\n").unwrap();
        let meta = fs::metadata(&p).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        assert_eq!(mode(&p), 0o640);
    }
}
