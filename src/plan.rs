//! The plan: plain data describing every change, shared by human output, JSON output and tests.

use std::any::Any;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    Delete,
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub before: Value,
    pub after: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub resource: String,
    pub action: Action,
    /// Field name → before/after, in display order.
    pub fields: serde_json::Map<String, Value>,
}

impl Change {
    pub fn new(resource: impl Into<String>, action: Action) -> Self {
        Self {
            resource: resource.into(),
            action,
            fields: serde_json::Map::new(),
        }
    }

    pub fn field(mut self, name: &str, before: Value, after: Value) -> Self {
        let change = FieldChange { before, after };
        self.fields.insert(
            name.to_string(),
            serde_json::to_value(change).expect("field change serialises"),
        );
        self
    }

    pub fn is_noop(&self) -> bool {
        self.action == Action::None
    }
}

/// Values the MCP server and Codex need once the tenant is set up. `None` means "known only after
/// apply" (for example the id of an object still to be created).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outputs {
    pub env: Vec<(String, Option<String>)>,
    /// A pre-registered OAuth client for Codex, when the provider uses one instead of DCR.
    pub client_id: Option<String>,
}

/// What a provider computed: the changes to show, warnings, the outputs, and the provider's own
/// instructions for carrying the changes out (opaque to commands).
#[derive(Clone)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub warnings: Vec<String>,
    pub outputs: Outputs,
    pub(crate) ops: Arc<dyn Any + Send + Sync>,
}

impl Plan {
    /// A plan of nothing, to gather several servers' plans into.
    pub(crate) fn empty() -> Plan {
        Plan {
            changes: Vec::new(),
            warnings: Vec::new(),
            outputs: Outputs::default(),
            ops: Arc::new(()),
        }
    }

    /// Adds another server's changes and warnings, named after it when `label` is given; a
    /// warning several servers share is said once.
    pub(crate) fn absorb(&mut self, other: &Plan, label: Option<&str>) {
        let named = |text: &str| label.map_or(text.to_string(), |l| format!("{l}/{text}"));
        self.changes.extend(other.changes.iter().map(|c| Change {
            resource: named(&c.resource),
            ..c.clone()
        }));
        for w in &other.warnings {
            if !self.warnings.contains(w) {
                self.warnings.push(w.clone());
            }
        }
    }

    pub fn writes(&self) -> usize {
        self.changes.iter().filter(|c| !c.is_noop()).count()
    }

    /// How many changes create, update or leave alone a resource.
    pub fn count(&self, action: Action) -> usize {
        self.changes.iter().filter(|c| c.action == action).count()
    }

    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "changes": self.changes,
            "warnings": self.warnings,
            "summary": {
                "create": self.count(Action::Create),
                "update": self.count(Action::Update),
                "delete": self.count(Action::Delete),
                "unchanged": self.count(Action::None),
            },
            "has_changes": self.writes() > 0,
        })
    }
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("changes", &self.changes)
            .field("warnings", &self.warnings)
            .field("outputs", &self.outputs)
            .finish_non_exhaustive()
    }
}
