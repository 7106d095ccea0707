//! Query strings as the management APIs read them: repeatable keys, field selection and
//! offset pagination.

use serde_json::{Map, Value, json};

pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(raw: Option<&str>) -> Self {
        let pairs = url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .into_owned()
            .collect();
        Params(pairs)
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Every value of a repeatable key (`?strategy=auth0&strategy=google-oauth2`).
    pub(crate) fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub(crate) fn bool(&self, key: &str) -> Result<Option<bool>, String> {
        match self.get(key) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(other) => Err(format!(
                "Query validation error: 'Expected type boolean but found type string' on property {key} ({other})"
            )),
        }
    }

    pub(crate) fn int(&self, key: &str, min: u64, max: u64) -> Result<Option<u64>, String> {
        let Some(raw) = self.get(key) else {
            return Ok(None);
        };
        let n: u64 = raw
            .parse()
            .map_err(|_| format!("Query validation error: 'Expected type integer but found type string' on property {key}"))?;
        if n < min {
            return Err(format!(
                "Query validation error: 'Value {n} is less than minimum {min}' on property {key}"
            ));
        }
        if n > max {
            return Err(format!(
                "Query validation error: 'Value {n} is greater than maximum {max}' on property {key}"
            ));
        }
        Ok(Some(n))
    }

    /// `fields` / `include_fields`: which keys of each document to return.
    pub(crate) fn projection(&self) -> Result<Projection, String> {
        let fields = self.get("fields").filter(|f| !f.is_empty()).map(|f| {
            f.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        });
        Ok(Projection {
            fields,
            include: self.bool("include_fields")?.unwrap_or(true),
            always: &[],
        })
    }

    /// `page` / `per_page` / `include_totals`. Auth0's public cloud pages by 50 when `per_page`
    /// is absent (ruby-auth0 `Link` headers show `per_page=50`); the OAS caps it at 100.
    pub(crate) fn page(&self) -> Result<Page, String> {
        Ok(Page {
            page: self.int("page", 0, u64::from(u32::MAX))?.unwrap_or(0) as usize,
            per_page: self.int("per_page", 1, 100)?.unwrap_or(50) as usize,
            include_totals: self.bool("include_totals")?.unwrap_or(false),
        })
    }
}

pub(crate) struct Projection {
    fields: Option<Vec<String>>,
    include: bool,
    /// Keys returned whenever fields are being included, whatever was asked for.
    always: &'static [&'static str],
}

impl Projection {
    pub(crate) fn always(mut self, keys: &'static [&'static str]) -> Self {
        self.always = keys;
        self
    }

    pub(crate) fn apply(&self, doc: &Value) -> Value {
        let (Some(fields), Value::Object(map)) = (&self.fields, doc) else {
            return doc.clone();
        };
        let listed = |k: &str| fields.iter().any(|f| f == k);
        let kept: Map<String, Value> = map
            .iter()
            .filter(|(k, _)| {
                if self.include {
                    listed(k) || self.always.contains(&k.as_str())
                } else {
                    !listed(k)
                }
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Value::Object(kept)
    }
}

pub(crate) struct Page {
    page: usize,
    per_page: usize,
    include_totals: bool,
}

impl Page {
    /// A bare array, or `{"total","start","limit",<key>}` with `include_totals`.
    pub(crate) fn apply(&self, items: Vec<Value>, key: &str) -> Value {
        let total = items.len();
        let start = self.page.saturating_mul(self.per_page);
        let slice: Vec<Value> = items.into_iter().skip(start).take(self.per_page).collect();
        if self.include_totals {
            let mut wrapped = Map::new();
            wrapped.insert("total".into(), json!(total));
            wrapped.insert("start".into(), json!(start));
            wrapped.insert("limit".into(), json!(self.per_page));
            wrapped.insert(key.into(), Value::Array(slice));
            Value::Object(wrapped)
        } else {
            Value::Array(slice)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_percent_decoding() {
        let p = Params::parse(Some(
            "identifiers=https%3A%2F%2Fa%2F&identifiers=b&include_totals=true",
        ));
        assert_eq!(p.all("identifiers"), ["https://a/", "b"]);
        assert_eq!(p.bool("include_totals"), Ok(Some(true)));
        assert!(p.bool("identifiers").is_err());
        assert!(Params::parse(Some("per_page=101")).page().is_err());
    }

    #[test]
    fn projection_includes_or_excludes() {
        let doc =
            json!({"id": "con_1", "name": "n", "strategy": "auth0", "is_domain_connection": false});
        let p = Params::parse(Some("fields=name&include_fields=true"))
            .projection()
            .unwrap();
        assert_eq!(p.apply(&doc), json!({"name": "n"}));
        let p = Params::parse(Some("fields=name&include_fields=true"))
            .projection()
            .unwrap();
        let p = p.always(&["id", "is_domain_connection"]);
        assert_eq!(
            p.apply(&doc),
            json!({"id": "con_1", "name": "n", "is_domain_connection": false})
        );
        let p = Params::parse(Some("fields=name,id&include_fields=false"))
            .projection()
            .unwrap();
        assert_eq!(
            p.apply(&doc),
            json!({"strategy": "auth0", "is_domain_connection": false})
        );
    }

    #[test]
    fn pages_with_and_without_totals() {
        let items: Vec<Value> = (0..5).map(|i| json!(i)).collect();
        let p = Params::parse(Some("page=1&per_page=2&include_totals=true"))
            .page()
            .unwrap();
        assert_eq!(
            p.apply(items.clone(), "xs"),
            json!({"total": 5, "start": 2, "limit": 2, "xs": [2, 3]})
        );
        let p = Params::parse(Some("page=2&per_page=2")).page().unwrap();
        assert_eq!(p.apply(items, "xs"), json!([4]));
    }
}
