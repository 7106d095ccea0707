//! Request-body validation against OpenAPI component schemas, the subset of JSON Schema the
//! Auth0 OAS request bodies use: `$ref`, `type` (incl. `["x","null"]`), `enum`, string lengths and
//! `pattern`, numeric bounds, array and object sizes, `required`, `properties`,
//! `additionalProperties` and `oneOf`. `format` is not checked.
//!
//! Messages follow the wording of Auth0's validator as quoted in notes/auth0.md §A7
//! ("Payload validation error: 'Additional properties not allowed: …'").

use serde_json::{Map, Value};

pub(crate) struct Schemas {
    defs: Map<String, Value>,
}

/// The first problem found, with the dotted path of the offending property ("" = the body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Violation {
    pub message: String,
    pub path: String,
}

impl Violation {
    pub(crate) fn payload_message(&self) -> String {
        if self.path.is_empty() {
            format!("Payload validation error: '{}'", self.message)
        } else {
            format!(
                "Payload validation error: '{}' on property {}",
                self.message, self.path
            )
        }
    }
}

type Checked = Result<(), Violation>;

impl Schemas {
    /// `text` is `{"schemas": {name: schema}}`.
    pub(crate) fn from_json(text: &str) -> Self {
        let mut doc: Value = serde_json::from_str(text).expect("embedded schemas are valid JSON");
        let defs = match doc.get_mut("schemas").map(Value::take) {
            Some(Value::Object(defs)) => defs,
            _ => panic!("embedded schemas lack a \"schemas\" object"),
        };
        Schemas { defs }
    }

    /// Adds a property the real service accepts although the spec does not list it.
    pub(crate) fn allow_property(&mut self, schema: &str, property: &str, definition: Value) {
        let props = self
            .defs
            .get_mut(schema)
            .and_then(|s| s.get_mut("properties"))
            .and_then(Value::as_object_mut);
        props
            .unwrap_or_else(|| panic!("schema {schema} has no properties"))
            .insert(property.into(), definition);
    }

    pub(crate) fn validate(&self, schema: &str, value: &Value) -> Checked {
        let root = self
            .defs
            .get(schema)
            .unwrap_or_else(|| panic!("unknown schema {schema}"));
        self.check(root, value, "")
    }

    fn resolve<'a>(&'a self, reference: &str) -> &'a Value {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        self.defs
            .get(name)
            .unwrap_or_else(|| panic!("dangling $ref {reference}"))
    }

    fn check(&self, schema: &Value, value: &Value, path: &str) -> Checked {
        let fail = |message: String| {
            Err(Violation {
                message,
                path: path.to_string(),
            })
        };
        let Some(schema) = schema.as_object() else {
            return Ok(());
        };

        if let Some(Value::String(reference)) = schema.get("$ref") {
            self.check(self.resolve(reference), value, path)?;
        }
        if let Some(types) = schema.get("type") {
            let allowed: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !allowed.is_empty() && !allowed.iter().any(|t| is_type(value, t)) {
                return fail(format!(
                    "Expected type {} but found type {}",
                    allowed.join(","),
                    type_name(value)
                ));
            }
        }
        if let Some(Value::Array(options)) = schema.get("enum")
            && !options.contains(value)
        {
            return fail(format!("No enum match for: {value}"));
        }
        if let Some(Value::Array(options)) = schema.get("oneOf")
            && !options.iter().any(|s| self.check(s, value, path).is_ok())
        {
            return fail("Data does not match any schemas from 'oneOf'".into());
        }
        match value {
            Value::String(s) => check_string(schema, s).map_err(|m| Violation {
                message: m,
                path: path.into(),
            }),
            Value::Number(n) => {
                check_number(schema, n.as_f64().unwrap_or(0.0)).map_err(|m| Violation {
                    message: m,
                    path: path.into(),
                })
            }
            Value::Array(items) => self.check_array(schema, items, path),
            Value::Object(map) => self.check_object(schema, map, path),
            _ => Ok(()),
        }
    }

    fn check_array(&self, schema: &Map<String, Value>, items: &[Value], path: &str) -> Checked {
        let fail = |message: String| {
            Err(Violation {
                message,
                path: path.to_string(),
            })
        };
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            return fail(format!(
                "Array is too short ({}), minimum {min}",
                items.len()
            ));
        }
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64)
            && (items.len() as u64) > max
        {
            return fail(format!(
                "Array is too long ({}), maximum {max}",
                items.len()
            ));
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.check(item_schema, item, &format!("{path}[{i}]"))?;
            }
        }
        Ok(())
    }

    fn check_object(
        &self,
        schema: &Map<String, Value>,
        map: &Map<String, Value>,
        path: &str,
    ) -> Checked {
        let fail = |message: String| {
            Err(Violation {
                message,
                path: path.to_string(),
            })
        };
        let empty = Map::new();
        let props = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);

        if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
            let extra: Vec<&str> = map
                .keys()
                .filter(|k| !props.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !extra.is_empty() {
                return fail(format!(
                    "Additional properties not allowed: {}",
                    extra.join(",")
                ));
            }
        }
        if let Some(Value::Array(required)) = schema.get("required") {
            for key in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(key) {
                    return fail(format!("Missing required property: {key}"));
                }
            }
        }
        if let Some(min) = schema.get("minProperties").and_then(Value::as_u64)
            && (map.len() as u64) < min
        {
            return fail(format!(
                "Too few properties defined ({}), minimum {min}",
                map.len()
            ));
        }
        if let Some(max) = schema.get("maxProperties").and_then(Value::as_u64)
            && (map.len() as u64) > max
        {
            return fail(format!(
                "Too many properties defined ({}), maximum {max}",
                map.len()
            ));
        }
        for (key, value) in map {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            match (props.get(key), schema.get("additionalProperties")) {
                (Some(prop), _) => self.check(prop, value, &child)?,
                (None, Some(extra @ Value::Object(_))) => self.check(extra, value, &child)?,
                _ => {}
            }
        }
        Ok(())
    }
}

fn check_string(schema: &Map<String, Value>, s: &str) -> Result<(), String> {
    let len = s.chars().count() as u64;
    if let Some(min) = schema.get("minLength").and_then(Value::as_u64)
        && len < min
    {
        return Err(format!("String is too short ({len} chars), minimum {min}"));
    }
    if let Some(max) = schema.get("maxLength").and_then(Value::as_u64)
        && len > max
    {
        return Err(format!("String is too long ({len} chars), maximum {max}"));
    }
    if let Some(Value::String(pattern)) = schema.get("pattern")
        && !matches_pattern(pattern, s)
    {
        return Err(format!("String does not match pattern {pattern}: {s}"));
    }
    Ok(())
}

fn check_number(schema: &Map<String, Value>, n: f64) -> Result<(), String> {
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
        && n < min
    {
        return Err(format!("Value {n} is less than minimum {min}"));
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
        && n > max
    {
        return Err(format!("Value {n} is greater than maximum {max}"));
    }
    Ok(())
}

/// The request schemas use only these three patterns, so they are matched by hand rather than
/// with a regex engine; any other pattern is accepted.
fn matches_pattern(pattern: &str, s: &str) -> bool {
    let alnum = |c: char| c.is_ascii_alphanumeric();
    match pattern {
        // resource server names: no angle brackets
        "^[^<>]+$" => !s.is_empty() && !s.contains(['<', '>']),
        // connection names: alphanumerics separated by single hyphens
        "^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$" => {
            s.starts_with(alnum)
                && s.ends_with(alnum)
                && s.chars().all(|c| alnum(c) || c == '-')
                && !s.contains("--")
        }
        "^[A-Z]{2}$" => s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()),
        _ => true,
    }
}

fn is_type(value: &Value, ty: &str) -> bool {
    match ty {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => {
            value.as_i64().is_some()
                || value.as_u64().is_some()
                || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => true,
    }
}

pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schemas() -> Schemas {
        Schemas::from_json(
            &json!({"schemas": {
                "Thing": {
                    "type": "object", "additionalProperties": false, "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 5, "pattern": "^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$"},
                        "size": {"type": "integer", "minimum": 0},
                        "mode": {"$ref": "#/components/schemas/Mode"},
                        "tags": {"type": ["array", "null"], "items": {"type": "string", "minLength": 1}},
                        "meta": {"type": "object", "additionalProperties": {"type": "string"}}
                    }
                },
                "Mode": {"type": "string", "enum": ["a", "b"]}
            }})
            .to_string(),
        )
    }

    fn err(body: Value) -> String {
        schemas()
            .validate("Thing", &body)
            .unwrap_err()
            .payload_message()
    }

    #[test]
    fn accepts_valid_bodies() {
        let s = schemas();
        assert!(
            s.validate(
                "Thing",
                &json!({"name": "a-b1", "size": 3, "mode": "b", "tags": null})
            )
            .is_ok()
        );
        assert!(
            s.validate(
                "Thing",
                &json!({"name": "x", "tags": ["t"], "meta": {"k": "v"}})
            )
            .is_ok()
        );
    }

    #[test]
    fn reports_like_auth0() {
        assert_eq!(
            err(json!({"name": "a", "foo": 1})),
            "Payload validation error: 'Additional properties not allowed: foo'"
        );
        assert_eq!(
            err(json!({"size": 1})),
            "Payload validation error: 'Missing required property: name'"
        );
        assert_eq!(
            err(json!({"name": "abcdef"})),
            "Payload validation error: 'String is too long (6 chars), maximum 5' on property name"
        );
        assert_eq!(
            err(json!({"name": 7})),
            "Payload validation error: 'Expected type string but found type integer' on property name"
        );
        assert!(err(json!({"name": "a--b"})).contains("does not match pattern"));
        assert!(err(json!({"name": "a-"})).contains("does not match pattern"));
        assert!(err(json!({"name": "a", "mode": "c"})).contains("No enum match for: \"c\""));
        assert!(err(json!({"name": "a", "size": -1})).contains("less than minimum"));
        assert!(err(json!({"name": "a", "tags": [""]})).ends_with("on property tags[0]"));
        assert!(err(json!({"name": "a", "meta": {"k": 1}})).ends_with("on property meta.k"));
        assert!(err(json!(null)).contains("Expected type object but found type null"));
    }

    #[test]
    fn real_service_exceptions_can_be_added() {
        let mut s = schemas();
        assert!(
            s.validate("Thing", &json!({"name": "a", "extra": 1}))
                .is_err()
        );
        s.allow_property("Thing", "extra", json!({"type": "integer"}));
        assert!(
            s.validate("Thing", &json!({"name": "a", "extra": 1}))
                .is_ok()
        );
    }
}
