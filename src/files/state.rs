//! What `apply` created in a tenant and the values it replaced there, so that `destroy` undoes
//! exactly that and nothing else. Auth0's APIs, grants and tenant settings have no field to carry
//! such a note, so it lives beside `authsetup.toml` in `.authsetup-state.json` (0600, replaced
//! atomically), one record per tenant. Runs on other tenants or environments share the file, so
//! each changes only its own record, read again under the file's run lock (`update`).

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{AppError, Result};
use crate::files::{atomic, lock};
use crate::plan::{Action, Change, FieldChange};

const VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StateFile {
    version: u32,
    #[serde(default)]
    tenants: BTreeMap<String, Record>,
}

/// One tenant's record, in the plan's resource names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Resources an apply created.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub created: BTreeSet<String>,
    /// Resource → field → the value it had before authsetup first changed it, and the value
    /// authsetup last set: a field that no longer holds that value was changed by someone else
    /// since, and is left alone.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub changed: BTreeMap<String, BTreeMap<String, FieldChange>>,
}

impl Record {
    /// Notes what a plan is about to change. The first value replaced is kept across applies:
    /// that is the one to go back to.
    pub fn note(&mut self, changes: &[Change]) {
        for change in changes {
            match change.action {
                Action::Create => {
                    self.created.insert(change.resource.clone());
                }
                Action::Update if !self.created.contains(&change.resource) => {
                    let fields = self.changed.entry(change.resource.clone()).or_default();
                    for (name, value) in &change.fields {
                        let Ok(new) = serde_json::from_value::<FieldChange>(value.clone()) else {
                            continue;
                        };
                        fields
                            .entry(name.clone())
                            .and_modify(|f| f.after = new.after.clone())
                            .or_insert(new);
                    }
                }
                _ => {}
            }
        }
    }

    /// Drops what a destroy has dealt with.
    pub fn forget(&mut self, resources: &[String]) {
        for r in resources {
            self.created.remove(r);
            self.changed.remove(r);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.created.is_empty() && self.changed.is_empty()
    }
}

pub fn key(provider: &str, tenant: &str) -> String {
    format!("{provider}:{tenant}")
}

impl StateFile {
    /// A missing file is an empty record; one that is not ours is bad input (exit 2), found
    /// before any request.
    pub fn load(path: &Path) -> Result<StateFile> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(StateFile {
                    version: VERSION,
                    tenants: BTreeMap::new(),
                });
            }
            Err(e) => {
                return Err(AppError::usage(
                    format!("cannot read {}: {e}", path.display()),
                    "check the file's permissions",
                ));
            }
        };
        let file: StateFile = serde_json::from_str(&text).map_err(|e| {
            AppError::usage(
                format!("{} is not an authsetup state file: {e}", path.display()),
                "restore it from a backup; authsetup will not overwrite it",
            )
        })?;
        if file.version != VERSION {
            return Err(AppError::usage(
                format!(
                    "{} has version {}, this authsetup reads {VERSION}",
                    path.display(),
                    file.version
                ),
                "use the authsetup version that wrote it",
            ));
        }
        Ok(file)
    }

    pub fn record(&self, key: &str) -> Record {
        self.tenants.get(key).cloned().unwrap_or_default()
    }

    fn set(&mut self, key: &str, record: Record) {
        if record.is_empty() {
            self.tenants.remove(key);
        } else {
            self.tenants.insert(key.to_string(), record);
        }
    }

    /// Changes one tenant's record in the file as it is now: under the run lock, the file is read
    /// again, `change` applied to that record and the file replaced, so an apply on another
    /// tenant that wrote it meanwhile keeps its record. Returns the record as saved; writes
    /// nothing when `change` leaves it as it was.
    pub fn update(path: &Path, key: &str, change: impl FnOnce(&mut Record)) -> Result<Record> {
        let _lock = lock::acquire(path, || {}).map_err(|e| {
            AppError::failed(format!(
                "cannot take the run lock beside {}: {e}",
                path.display()
            ))
        })?;
        let mut file = StateFile::load(path)?;
        let before = file.record(key);
        let mut record = before.clone();
        change(&mut record);
        if record != before {
            file.set(key, record.clone());
            file.save(path)?;
        }
        Ok(record)
    }

    fn save(&self, path: &Path) -> Result<()> {
        let mut text = serde_json::to_string_pretty(self).expect("the state serialises");
        text.push('\n');
        atomic::write_atomic(path, text.as_bytes())
            .map_err(|e| AppError::failed(format!("cannot write {}: {e}", path.display())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_first_value_replaced_is_kept_and_the_last_one_set() {
        let mut r = Record::default();
        r.note(&[
            Change::new("tenant.default_audience", Action::Update).field(
                "default_audience",
                json!(""),
                json!("https://a/"),
            ),
        ]);
        r.note(&[
            Change::new("tenant.default_audience", Action::Update).field(
                "default_audience",
                json!("https://a/"),
                json!("https://b/"),
            ),
        ]);
        let f = &r.changed["tenant.default_audience"]["default_audience"];
        assert_eq!((&f.before, &f.after), (&json!(""), &json!("https://b/")));
    }

    #[test]
    fn a_created_resource_records_no_before_values() {
        let mut r = Record::default();
        r.note(&[
            Change::new("resource_server:x", Action::Create),
            Change::new("resource_server:x", Action::Update).field("name", json!(null), json!("n")),
            Change::new("connection:c", Action::None),
        ]);
        assert!(r.created.contains("resource_server:x"));
        assert!(r.changed.is_empty());
        r.forget(&["resource_server:x".into()]);
        assert!(r.is_empty());
    }

    #[test]
    fn an_update_keeps_the_other_tenants_records_written_since_the_file_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".authsetup-state.json");
        let created = |r: &str| Change::new(r, Action::Create);
        let read_before = StateFile::load(&path).unwrap();
        StateFile::update(&path, "auth0:a", |r| {
            r.note(&[created("resource_server:a")])
        })
        .unwrap();
        StateFile::update(&path, "auth0:b", |r| {
            r.note(&[created("resource_server:b")])
        })
        .unwrap();
        assert!(read_before.record("auth0:a").is_empty());
        let file = StateFile::load(&path).unwrap();
        assert!(file.record("auth0:a").created.contains("resource_server:a"));
        assert!(file.record("auth0:b").created.contains("resource_server:b"));
        assert!(!lock::lock_path(&path).exists(), "the lock is let go");
    }
}
