//! Replacing a file so that a crash leaves either the old or the new content, never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Mode of a file we create: both files we write can hold secrets (tokens, client ids next to
/// secrets the user adds), so new ones are private. An existing file keeps its own mode.
const NEW_FILE_MODE: u32 = 0o600;

/// Writes `contents` to `path` through a temporary file in the same folder and a rename.
///
/// The temporary file lives beside the target so the rename never crosses a filesystem. When
/// `path` is a symlink, the link's target is replaced only if it stays in the same folder; a link
/// pointing elsewhere is refused rather than followed, so a planted link cannot redirect a write.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = resolve_target(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing_mode = existing_mode(&target)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".authsetup-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    set_mode(tmp.as_file(), existing_mode.unwrap_or(NEW_FILE_MODE))?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // The rename is durable only once the folder entry is on disk.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let link = fs::read_link(path)?;
            let parent = path.parent().unwrap_or(Path::new(""));
            let resolved = if link.is_absolute() {
                link
            } else {
                parent.join(link)
            };
            let same_dir = resolved
                .parent()
                .map(|p| same_folder(p, parent))
                .unwrap_or(false);
            if !same_dir {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "{} is a symlink to {}, outside its folder; refusing to replace it",
                        path.display(),
                        resolved.display()
                    ),
                ));
            }
            Ok(resolved)
        }
        _ => Ok(path.to_path_buf()),
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        fs::canonicalize(p).ok()
    };
    matches!((canon(a), canon(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(unix)]
fn existing_mode(path: &Path) -> io::Result<Option<u32>> {
    use std::os::unix::fs::PermissionsExt;
    match fs::metadata(path) {
        Ok(m) => Ok(Some(m.permissions().mode() & 0o7777)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn existing_mode(_path: &Path) -> io::Result<Option<u32>> {
    Ok(None)
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
}
