//! The in/out fixture folders of the config merges (fixtures/codex-merge, fixtures/client-merge),
//! cargo-style snapshots: `<case>/server.toml` the entry, `in/FILE` the file before (absent: no
//! file), `out/FILE` the file after, or, without `out`, a refusal whose message `error.txt` holds
//! when present. `SNAPSHOTS=overwrite cargo test --lib` rewrites the expectations; review the diff.

use std::fmt::Display;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub struct Case {
    pub name: String,
    dir: PathBuf,
}

/// The cases below `root`, in name order.
pub fn cases(root: &Path) -> Vec<Case> {
    let mut dirs: Vec<_> = fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| Case {
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            dir,
        })
        .collect()
}

impl Case {
    pub fn server<T: DeserializeOwned>(&self) -> T {
        let text = fs::read_to_string(self.dir.join("server.toml")).unwrap();
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: server.toml: {e}", self.name))
    }

    pub fn input(&self, file: &str) -> Option<String> {
        fs::read_to_string(self.dir.join("in").join(file)).ok()
    }

    /// Checks the merge's `result` against `out/FILE` or the refusal; the merged text when the
    /// case expects one.
    pub fn expect<E: Display>(&self, file: &str, result: Result<String, E>) -> Option<String> {
        let case = &self.name;
        let out_path = self.dir.join("out").join(file);
        let err_path = self.dir.join("error.txt");
        if std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite") {
            match &result {
                Ok(text) => {
                    fs::create_dir_all(out_path.parent().unwrap()).unwrap();
                    fs::write(&out_path, text).unwrap();
                }
                Err(e) => fs::write(&err_path, format!("{e}\n")).unwrap(),
            }
        }
        match fs::read_to_string(&out_path) {
            Ok(expected) => {
                let got = result.unwrap_or_else(|e| panic!("{case}: merge failed: {e}"));
                assert!(
                    got == expected,
                    "{case}: merged file differs\n--- expected\n{expected}\n--- got\n{got}"
                );
                Some(got)
            }
            Err(_) => {
                let err = match result {
                    Ok(text) => panic!("{case}: expected a refusal, got\n{text}"),
                    Err(e) => e.to_string(),
                };
                if let Ok(expected) = fs::read_to_string(&err_path) {
                    assert_eq!(format!("{err}\n"), expected, "{case}: error message");
                }
                assert!(!err.contains('\n'), "{case}: one-line message");
                None
            }
        }
    }
}
