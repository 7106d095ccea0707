//! Recorded API traffic (shared/reference/recordings) replayed against the emulators: the
//! cassette formats and the shape comparison both replay tests use.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `shared/reference/recordings/<provider>` beside the repository.
pub fn recordings(provider: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference/recordings")
        .join(provider)
}

pub struct Interaction {
    pub method: String,
    pub url: String,
    pub content_type: Option<String>,
    pub body: String,
    pub status: u16,
    pub response: String,
}

/// go-vcr (`interactions[]`) and Ruby VCR (`http_interactions[]`) cassettes alike.
pub fn load(path: &Path) -> Vec<Interaction> {
    let cassette = path.display();
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let doc: Value =
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()));
    let text_of = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Object(_) => v["string"].as_str().unwrap_or("").to_string(),
        _ => String::new(),
    };
    let header = |headers: &Value, name: &str| {
        headers.as_object().and_then(|h| {
            h.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .and_then(|(_, v)| v[0].as_str().map(String::from))
        })
    };
    let list = doc
        .get("interactions")
        .or_else(|| doc.get("http_interactions"))
        .and_then(Value::as_array);
    list.unwrap_or_else(|| panic!("{cassette} has no interactions"))
        .iter()
        .map(|it| {
            let (req, resp) = (&it["request"], &it["response"]);
            Interaction {
                method: req["method"].as_str().unwrap_or("GET").to_uppercase(),
                url: req
                    .get("url")
                    .or_else(|| req.get("uri"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                content_type: header(&req["headers"], "content-type"),
                body: text_of(&req["body"]),
                status: resp["code"]
                    .as_u64()
                    .or_else(|| resp["status"]["code"].as_u64())
                    .unwrap_or(0) as u16,
                response: text_of(&resp["body"]),
            }
        })
        .collect()
}

/// Splits `https://host/path?query` into (`https://host`, `/path?query`).
pub fn split_url(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path_at = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    url.split_at(path_at)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Same keys and JSON types at this level; lists are compared by their first elements.
pub fn same_shape(recorded: &Value, actual: &Value, at: &str, problems: &mut Vec<String>) {
    if kind(recorded) != kind(actual) {
        problems.push(format!(
            "{at}: recorded {} but got {}",
            kind(recorded),
            kind(actual)
        ));
        return;
    }
    match (recorded, actual) {
        (Value::Object(r), Value::Object(a)) => {
            let missing: Vec<&String> = r.keys().filter(|k| !a.contains_key(*k)).collect();
            let extra: Vec<&String> = a.keys().filter(|k| !r.contains_key(*k)).collect();
            if !missing.is_empty() || !extra.is_empty() {
                problems.push(format!(
                    "{at}: missing keys {missing:?}, unexpected keys {extra:?}"
                ));
            }
            for (key, r_value) in r {
                if let Some(a_value) = a.get(key) {
                    if kind(r_value) != kind(a_value) {
                        problems.push(format!(
                            "{at}.{key}: recorded {} but got {}",
                            kind(r_value),
                            kind(a_value)
                        ));
                    } else if let (Value::Array(rs), Value::Array(acts)) = (r_value, a_value)
                        && let (Some(r0), Some(a0)) = (rs.first(), acts.first())
                        && r0.is_object()
                    {
                        same_shape(r0, a0, &format!("{at}.{key}[0]"), problems);
                    }
                }
            }
        }
        (Value::Array(r), Value::Array(a)) => {
            if let (Some(r0), Some(a0)) = (r.first(), a.first()) {
                same_shape(r0, a0, &format!("{at}[0]"), problems);
            }
        }
        _ => {}
    }
}

pub fn parse(body: &str) -> Option<Value> {
    if body.trim().is_empty() {
        None
    } else {
        serde_json::from_str(body).ok()
    }
}

/// Why a replayed answer's status differs from the recording's, if it does.
pub fn status_mismatch(label: &str, rec: &Interaction, status: u16, text: &str) -> Option<String> {
    (status != rec.status).then(|| {
        format!(
            "{label}: status {status}, recorded {}; body {text}",
            rec.status
        )
    })
}

/// Why a replayed answer's body differs in shape from the recording's, if it does.
pub fn shape_mismatch(label: &str, rec: &Interaction, text: &str) -> Option<String> {
    match (parse(&rec.response), parse(text)) {
        (None, None) => None,
        (Some(r), Some(a)) => {
            let mut problems = Vec::new();
            same_shape(&r, &a, "$", &mut problems);
            (!problems.is_empty()).then(|| format!("{label}: {}", problems.join("; ")))
        }
        (r, _) => Some(format!(
            "{label}: recorded body {} but got {text:?}",
            if r.is_some() { "JSON" } else { "empty" }
        )),
    }
}

/// Prints what was replayed and skipped, then fails on any mismatch or too little replayed.
pub fn conclude(replayed: usize, min: usize, notes: &[String], failures: &[String]) {
    println!("replayed {replayed} recorded interactions");
    for line in notes {
        println!("  {line}");
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        replayed >= min,
        "only {replayed} interactions replayed, want at least {min}"
    );
}

/// Sends a replayed request: its status and body.
pub async fn answer(req: reqwest::RequestBuilder, label: &str) -> (u16, String) {
    let resp = req.send().await.unwrap_or_else(|e| panic!("{label}: {e}"));
    let status = resp.status().as_u16();
    (status, resp.text().await.unwrap_or_default())
}
