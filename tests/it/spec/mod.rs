//! Matches requests the emulator recorded to the operation they call in the official OpenAPI
//! documents (`../shared/reference/specs`) and checks them against it: the operation exists,
//! every query parameter is declared and valid, the body validates against the request schema.
//!
//! The Auth0 Authentication API, the demo MCP server and Okta's RFC 8414 discovery probe have no
//! OpenAPI document here; their requests are checked against the shapes of [`auth0_table`] and
//! [`okta_table`], written from the notes (each row names its section). [`Rules`] holds one
//! provider's documents and table.
// Each test binary that includes this module uses part of it.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::rc::Rc;

use authsetup_sandbox::RecordedRequest;
use jsonschema::{Draft, Validator};
use serde_json::{Map, Value, json};

/// Where the reference specs live: `shared/` beside the repository, in a developer's tree and on
/// a CI checkout alike.
pub fn specs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/specs")
}

/// What a request was found to be.
#[derive(Debug)]
pub struct Verdict {
    /// `METHOD /path/{template}`, as the spec spells the path (base path included).
    pub operation: String,
    /// The document or table the operation comes from.
    pub source: String,
    /// Empty when the request conforms.
    pub problems: Vec<String>,
}

/// One OpenAPI document, reduced to what requests are checked against.
pub struct Spec {
    name: &'static str,
    /// The path prefix of the `servers` URL (`/api/v2` for Auth0), which the spec's paths omit.
    base: String,
    components: Value,
    draft: Draft,
    operations: Vec<Operation>,
    /// Compiled schemas by their text: compiling embeds every component, so each is done once.
    compiled: RefCell<HashMap<String, Rc<Validator>>>,
}

struct Operation {
    method: String,
    template: String,
    segments: Vec<String>,
    /// Path-level and operation-level parameters, `$ref`s resolved.
    parameters: Vec<Value>,
    body: Option<Body>,
    /// Body fields the operation's security schemes add (client authentication in the body).
    credentials: Vec<&'static str>,
    statuses: Vec<String>,
}

/// Okta's `postBody` security schemes name their body fields in prose only
/// (okta-oauth-minimal.yaml `components.securitySchemes.*.description`).
const POST_BODY_CREDENTIALS: [(&str, &[&str]); 3] = [
    (
        "Client_authentication_client_secret_post",
        &["client_id", "client_secret"],
    ),
    (
        "Client_authentication_client_secret_jwt",
        &["client_id", "client_assertion", "client_assertion_type"],
    ),
    (
        "Client_authentication_private_key_jwt",
        &["client_id", "client_assertion", "client_assertion_type"],
    ),
];

struct Body {
    required: bool,
    /// Schema per media type.
    media: BTreeMap<String, Value>,
}

impl Spec {
    /// The Auth0 Management API v2 (OpenAPI 3.1, so JSON Schema 2020-12).
    pub fn auth0_management() -> Spec {
        Spec::load(
            "auth0-management-api-oas.json",
            "Auth0 Management API OAS",
            Draft::Draft202012,
        )
    }

    /// Okta's management API (OpenAPI 3.0.3, whose schema dialect is draft 4 with extensions).
    pub fn okta_management() -> Spec {
        Spec::load(
            "okta-management-minimal.yaml",
            "Okta management OAS",
            Draft::Draft4,
        )
    }

    pub fn okta_oauth() -> Spec {
        Spec::load("okta-oauth-minimal.yaml", "Okta OAuth OAS", Draft::Draft4)
    }

    fn load(file: &str, name: &'static str, draft: Draft) -> Spec {
        let path = specs_dir().join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; the specs come from shared/reference beside the checkout (.ci/fetch-reference)",
                path.display()
            )
        });
        let doc: Value = if file.ends_with(".json") {
            serde_json::from_str(&text).expect("the spec is JSON")
        } else {
            serde_saphyr::from_str(&text).expect("the spec is YAML")
        };
        let server = doc["servers"][0]["url"].as_str().unwrap_or("");
        // `https://{tenantDomain}/api/v2` → `/api/v2`
        let base = server
            .split_once("://")
            .map(|(_, rest)| rest)
            .and_then(|rest| rest.find('/').map(|i| rest[i..].trim_end_matches('/')))
            .unwrap_or("")
            .to_string();
        let resolve = |v: &Value| -> Value {
            match v.get("$ref").and_then(Value::as_str) {
                Some(pointer) => doc
                    .pointer(pointer.trim_start_matches('#'))
                    .cloned()
                    .unwrap_or_else(|| panic!("{name}: dangling {pointer}")),
                None => v.clone(),
            }
        };
        let mut operations = Vec::new();
        for (template, item) in doc["paths"].as_object().expect("paths") {
            let shared: Vec<Value> = item["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(&resolve)
                .collect();
            for (method, op) in item.as_object().into_iter().flatten() {
                if !["get", "put", "post", "delete", "patch", "head", "options"]
                    .contains(&method.as_str())
                {
                    continue;
                }
                let mut parameters = shared.clone();
                for p in op["parameters"].as_array().into_iter().flatten() {
                    let p = resolve(p);
                    parameters.retain(|q| !(q["name"] == p["name"] && q["in"] == p["in"]));
                    parameters.push(p);
                }
                let body = op.get("requestBody").map(|b| {
                    let b = resolve(b);
                    Body {
                        required: b["required"] == true,
                        media: b["content"]
                            .as_object()
                            .into_iter()
                            .flatten()
                            .map(|(media, m)| (media.clone(), m["schema"].clone()))
                            .collect(),
                    }
                });
                let credentials = op["security"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_object)
                    .flat_map(|req| req.keys())
                    .flat_map(|scheme| {
                        POST_BODY_CREDENTIALS
                            .iter()
                            .filter(move |(name, _)| name == scheme)
                            .flat_map(|(_, fields)| fields.iter().copied())
                    })
                    .collect();
                operations.push(Operation {
                    method: method.to_uppercase(),
                    template: template.clone(),
                    segments: template.split('/').map(str::to_string).collect(),
                    parameters,
                    body,
                    credentials,
                    statuses: op["responses"]
                        .as_object()
                        .map(|r| r.keys().cloned().collect())
                        .unwrap_or_default(),
                });
            }
        }
        Spec {
            name,
            base,
            components: doc["components"].clone(),
            draft,
            operations,
            compiled: RefCell::default(),
        }
    }

    /// The operation `req` calls, checked; None when the path is outside this spec's base or
    /// no path template matches it.
    pub fn check(&self, req: &RecordedRequest) -> Option<Verdict> {
        let rest = req.path.strip_prefix(&self.base)?;
        // A literal segment beats a parameter (`/clients/credentials` over `/clients/{id}`).
        let literal = |op: &Operation| op.segments.iter().filter(|s| !s.starts_with('{')).count();
        let candidates: Vec<&Operation> = self
            .operations
            .iter()
            .filter(|op| fits(&op.template, rest))
            .collect();
        let best = candidates.iter().map(|op| literal(op)).max()?;
        let same_path: Vec<&Operation> = candidates
            .into_iter()
            .filter(|op| literal(op) == best)
            .collect();
        let template = format!("{}{}", self.base, same_path[0].template);
        let Some(op) = same_path.iter().find(|op| op.method == req.method) else {
            return Some(Verdict {
                operation: format!("{} {template}", req.method),
                source: self.name.to_string(),
                problems: vec![format!("the spec has no {} on {template}", req.method)],
            });
        };
        let mut problems = self.query_problems(op, req.query.as_deref());
        problems.extend(self.body_problems(op, &req.body));
        if req.status != 0 && !status_declared(&op.statuses, req.status) {
            problems.push(format!(
                "answered {} where the spec declares {}",
                req.status,
                op.statuses.join(", ")
            ));
        }
        Some(Verdict {
            operation: format!("{} {template}", op.method),
            source: self.name.to_string(),
            problems,
        })
    }

    fn query_problems(&self, op: &Operation, query: Option<&str>) -> Vec<String> {
        let given = query_values(query);
        let declared = |name: &str| {
            op.parameters
                .iter()
                .find(|p| p["in"] == "query" && p["name"] == name)
        };
        let mut problems = Vec::new();
        for (name, values) in &given {
            let Some(param) = declared(name) else {
                problems.push(format!("query parameter `{name}` is not declared"));
                continue;
            };
            let schema = &param["schema"];
            let value = typed(schema, values);
            problems.extend(
                self.validate(schema, &value)
                    .into_iter()
                    .map(|e| format!("query parameter `{name}`: {e}")),
            );
        }
        for p in &op.parameters {
            let name = p["name"].as_str().unwrap_or_default();
            if p["in"] == "query" && p["required"] == true && !given.contains_key(name) {
                problems.push(format!("required query parameter `{name}` is missing"));
            }
        }
        problems
    }

    fn body_problems(&self, op: &Operation, body: &str) -> Vec<String> {
        let empty = body.trim().is_empty();
        let Some(spec_body) = &op.body else {
            return if empty {
                Vec::new()
            } else {
                vec!["the operation takes no body, one was sent".to_string()]
            };
        };
        if empty {
            return if spec_body.required {
                vec!["the required body is missing".to_string()]
            } else {
                Vec::new()
            };
        }
        let (media, value) = parse_body(body);
        let Some(schema) = spec_body.media.get(media) else {
            return vec![format!(
                "a {media} body, where the spec accepts {}",
                spec_body
                    .media
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )];
        };
        let mut problems = self.validate(schema, &value);
        let mut body = value;
        if let Value::Object(fields) = &mut body {
            fields.retain(|k, _| !op.credentials.contains(&k.as_str()));
        }
        self.undeclared(&[schema], &body, "", &mut problems);
        problems
    }

    /// Properties of `value` that none of `schemas` declares, also where a schema leaves
    /// `additionalProperties` open (Okta's do): a field the spec does not name is one the real
    /// service may ignore or refuse, so every sent field must be named. Follows `$ref`, `allOf`,
    /// `oneOf`, `anyOf` and discriminator mappings.
    fn undeclared(&self, schemas: &[&Value], value: &Value, at: &str, out: &mut Vec<String>) {
        let mut flat = Vec::new();
        for schema in schemas {
            self.flatten(schema, value, &mut flat, 0);
        }
        match value {
            Value::Object(fields) => {
                // a free-form object (no properties anywhere) or an open map declares any key
                let open = flat.iter().any(|s| {
                    s["additionalProperties"].is_object() || s["additionalProperties"] == true
                }) || flat.iter().all(|s| s.get("properties").is_none());
                for (key, field) in fields {
                    let path = format!("{at}/{key}");
                    let declared: Vec<&Value> = flat
                        .iter()
                        .filter_map(|s| s["properties"].get(key))
                        .chain(flat.iter().filter_map(|s| {
                            s.get("additionalProperties").filter(|a| a.is_object())
                        }))
                        .collect();
                    if declared.is_empty() && !open {
                        out.push(format!("property `{path}` is not in the schema"));
                    } else {
                        self.undeclared(&declared, field, &path, out);
                    }
                }
            }
            Value::Array(items) => {
                let item_schemas: Vec<&Value> =
                    flat.iter().filter_map(|s| s.get("items")).collect();
                for (i, item) in items.iter().enumerate() {
                    self.undeclared(&item_schemas, item, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// `schema` and every schema it composes or refers to, for `value` (a discriminator picks
    /// its mapping by the value's own property).
    fn flatten<'a>(
        &'a self,
        schema: &'a Value,
        value: &Value,
        out: &mut Vec<&'a Value>,
        depth: u8,
    ) {
        if depth > 32 {
            return;
        }
        let resolve = |r: &str| {
            r.strip_prefix("#/components/")
                .and_then(|rest| self.components.pointer(&format!("/{rest}")))
        };
        if let Some(target) = schema["$ref"].as_str().and_then(resolve) {
            self.flatten(target, value, out, depth + 1);
        }
        out.push(schema);
        for key in ["allOf", "oneOf", "anyOf"] {
            for sub in schema[key].as_array().into_iter().flatten() {
                self.flatten(sub, value, out, depth + 1);
            }
        }
        let discriminator = &schema["discriminator"];
        if let Some(tag) = discriminator["propertyName"]
            .as_str()
            .and_then(|p| value[p].as_str())
            && let Some(target) = discriminator["mapping"][tag].as_str().and_then(resolve)
        {
            self.flatten(target, value, out, depth + 1);
        }
    }

    /// Validation errors of `value` against `schema`, `#/components/...` refs resolved by
    /// embedding the spec's components in the root schema.
    fn validate(&self, schema: &Value, value: &Value) -> Vec<String> {
        let validator = self.validator(schema);
        validator
            .iter_errors(value)
            .map(|e| {
                let at = e.instance_path().to_string();
                if at.is_empty() {
                    e.to_string()
                } else {
                    format!("{e} (at {at})")
                }
            })
            .collect()
    }

    fn validator(&self, schema: &Value) -> Rc<Validator> {
        let key = schema.to_string();
        if let Some(v) = self.compiled.borrow().get(&key) {
            return v.clone();
        }
        let mut root = Map::new();
        root.insert("components".into(), self.components.clone());
        match schema {
            Value::Object(fields) => root.extend(fields.clone()),
            other => {
                root.insert("allOf".into(), json!([other]));
            }
        }
        let validator = jsonschema::options()
            .with_draft(self.draft)
            .build(&Value::Object(root))
            .unwrap_or_else(|e| panic!("{}: a schema does not compile: {e}", self.name));
        let validator = Rc::new(validator);
        self.compiled.borrow_mut().insert(key, validator.clone());
        validator
    }
}

/// Whether the raw (still percent-encoded) `path` is an instance of the path `template`.
fn fits(template: &str, path: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| (t.starts_with('{') && t.ends_with('}') && !p.is_empty()) || t == p)
}

/// Query parameters by name, repeated ones in order.
fn query_values(query: Option<&str>) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        map.entry(k.into_owned()).or_default().push(v.into_owned());
    }
    map
}

/// A query string value as the JSON value its schema describes (`"true"` → `true` for a
/// boolean, `a&a` → an array for an array).
fn typed(schema: &Value, values: &[String]) -> Value {
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let scalar = |s: &str| -> Value {
        let parsed = serde_json::from_str::<Value>(s).ok();
        match parsed {
            Some(v @ (Value::Bool(_) | Value::Number(_)))
                if types
                    .iter()
                    .any(|t| ["boolean", "integer", "number"].contains(t)) =>
            {
                v
            }
            _ => Value::String(s.to_string()),
        }
    };
    if types.contains(&"array") {
        let item_schema = &schema["items"];
        return Value::Array(
            values
                .iter()
                .flat_map(|v| v.split(','))
                .map(|v| typed(item_schema, &[v.to_string()]))
                .collect(),
        );
    }
    match values {
        [one] => scalar(one),
        many => Value::Array(many.iter().map(|v| scalar(v)).collect()),
    }
}

/// The recorded body as the media type it was sent in: JSON if it parses as JSON, else a form.
/// (The log keeps bodies, not headers.)
fn parse_body(body: &str) -> (&'static str, Value) {
    if let Ok(v) = serde_json::from_str::<Value>(body) {
        return ("application/json", v);
    }
    let form: Map<String, Value> = url::form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
        .collect();
    ("application/x-www-form-urlencoded", Value::Object(form))
}

fn status_declared(statuses: &[String], status: u16) -> bool {
    let code = status.to_string();
    let class = format!("{}XX", status / 100);
    statuses
        .iter()
        .any(|s| *s == code || s.eq_ignore_ascii_case(&class) || s == "default")
}

/// A request shape no OpenAPI document here describes, written from the notes.
pub struct Shape {
    pub method: &'static str,
    pub path: &'static str,
    /// Where the shape comes from (a section of shared/reference/notes).
    pub source: &'static str,
    /// JSON Schema for the query parameters as an object of strings; None: no query allowed.
    pub query: Option<Value>,
    /// JSON Schema for the body (a form as an object of strings); None: no body allowed.
    pub body: Option<Value>,
}

/// Parameters `/authorize` accepts from strict third-party clients, as notes/auth0.md §D4 lists
/// them; anything else is `invalid_request`.
const AUTHORIZE_PARAMS: &str = "acr_values audience authorization_details client_id code_challenge \
    code_challenge_method connection correlation_id display dpop_jkt ext-* login_hint max_age nonce \
    prompt redirect_uri resource response_type scope state ui_locales";

/// What one provider's traffic is held to: its OpenAPI documents first, then the hand-written
/// shapes for the endpoints they do not cover.
pub struct Rules {
    specs: Vec<Spec>,
    table: Vec<Shape>,
}

impl Rules {
    pub fn auth0() -> Rules {
        Rules {
            specs: vec![Spec::auth0_management()],
            table: auth0_table(),
        }
    }

    pub fn okta() -> Rules {
        Rules {
            specs: vec![Spec::okta_management(), Spec::okta_oauth()],
            table: okta_table(),
        }
    }

    /// The operation `req` calls, checked; None when nothing here describes it.
    pub fn check(&self, req: &RecordedRequest) -> Option<Verdict> {
        self.specs
            .iter()
            .find_map(|spec| spec.check(req))
            .or_else(|| check_shape(&self.table, req))
    }
}

/// The Authentication API endpoints and the demo MCP server (RFC 9728), which no spec here covers.
fn auth0_table() -> Vec<Shape> {
    let string = json!({"type": "string", "minLength": 1});
    let form = |grant: &str, required: &[&str], optional: &[&str]| {
        let mut properties = Map::new();
        properties.insert("grant_type".into(), json!({"const": grant}));
        for p in required.iter().chain(optional) {
            properties.insert((*p).into(), string.clone());
        }
        let mut all_required = vec!["grant_type"];
        all_required.extend(required);
        json!({"type": "object", "properties": properties, "required": all_required,
               "additionalProperties": false})
    };
    let no_query = None;
    let well_known = |path: &'static str, source: &'static str| Shape {
        method: "GET",
        path,
        source,
        query: no_query.clone(),
        body: None,
    };
    let mut authorize_props = Map::new();
    for p in AUTHORIZE_PARAMS
        .split_whitespace()
        .filter(|p| *p != "ext-*")
    {
        authorize_props.insert(p.into(), string.clone());
    }
    authorize_props.insert("response_type".into(), json!({"const": "code"}));
    authorize_props.insert("code_challenge_method".into(), json!({"const": "S256"}));
    vec![
        Shape {
            method: "POST",
            path: "/oauth/token",
            source: "notes/auth0.md §A1 (client_credentials), §D2 + codex-mcp §A9 (authorization_code, refresh_token with resource)",
            query: no_query.clone(),
            body: Some(json!({"oneOf": [
                form("client_credentials", &["client_id", "client_secret", "audience"], &["scope", "organization"]),
                form("authorization_code", &["client_id", "code", "code_verifier", "redirect_uri"], &["resource", "audience"]),
                form("refresh_token", &["client_id", "refresh_token"], &["resource", "audience", "scope"]),
            ]})),
        },
        Shape {
            method: "POST",
            path: "/oidc/register",
            source: "notes/auth0.md §D2 (documented request and what rmcp sends)",
            query: no_query.clone(),
            body: Some(json!({
                "type": "object",
                "required": ["redirect_uris"],
                "additionalProperties": false,
                "properties": {
                    "client_name": string,
                    "redirect_uris": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}},
                    "token_endpoint_auth_method": {"enum": ["none", "client_secret_post"]},
                    "grant_types": {"type": "array", "items": {"enum": ["authorization_code", "refresh_token"]}},
                    "response_types": {"type": "array", "items": {"const": "code"}},
                    "scope": {"type": "string"},
                    "application_type": {"enum": ["native", "web"]},
                },
            })),
        },
        Shape {
            method: "GET",
            path: "/authorize",
            source: "notes/auth0.md §D4 (parameters strict third-party clients may send; PKCE mandatory)",
            query: Some(json!({
                "type": "object",
                "properties": authorize_props,
                "patternProperties": {"^ext-": string.clone()},
                "required": ["response_type", "client_id", "redirect_uri", "code_challenge", "code_challenge_method"],
                "additionalProperties": false,
            })),
            body: None,
        },
        well_known("/.well-known/openid-configuration", "notes/auth0.md §D1"),
        well_known(
            "/.well-known/oauth-authorization-server",
            "notes/auth0.md §D1 (RFC 8414 alias)",
        ),
        well_known("/.well-known/jwks.json", "notes/auth0.md §D1 (jwks_uri)"),
    ]
    .into_iter()
    .chain(demo_mcp_server())
    .collect()
}

/// The sandbox's demo MCP server, beside either provider's tenant.
fn demo_mcp_server() -> Vec<Shape> {
    let well_known = |path: &'static str, source: &'static str| Shape {
        method: "GET",
        path,
        source,
        query: None,
        body: None,
    };
    vec![
        well_known(
            "/.well-known/oauth-protected-resource",
            "notes/codex-mcp.md §C (RFC 9728 §3.1), demo MCP server",
        ),
        well_known(
            "/.well-known/oauth-protected-resource/mcp",
            "notes/codex-mcp.md §C (RFC 9728 §3.1 path insertion), demo MCP server",
        ),
        well_known(
            "/mcp",
            "notes/codex-mcp.md §B2 item 1 (unauthenticated GET → 401), demo MCP server",
        ),
    ]
}

/// Discovery as doctor (and Codex) tries it before the OIDC path: the RFC 8414 path insertion,
/// which the Okta spec does not list though Okta's docs do.
fn okta_table() -> Vec<Shape> {
    let mut table = vec![Shape {
        method: "GET",
        path: "/.well-known/oauth-authorization-server/oauth2/{authorizationServerId}",
        source: "notes/codex-mcp.md §A5 item 4, §B2 item 7, notes/okta.md §A.3 (RFC 8414 §3.1 path insertion, tried first)",
        query: None,
        body: None,
    }];
    table.extend(demo_mcp_server());
    table
}

/// `req` checked against the row of `table` with its method and path.
fn check_shape(table: &[Shape], req: &RecordedRequest) -> Option<Verdict> {
    let shape = table
        .iter()
        .find(|s| s.method == req.method && fits(s.path, &req.path))?;
    let validate = |schema: &Value, value: &Value| -> Vec<String> {
        jsonschema::validator_for(schema)
            .expect("hand-written schemas compile")
            .iter_errors(value)
            .map(|e| e.to_string())
            .collect()
    };
    let mut problems = Vec::new();
    match (&shape.query, req.query.as_deref()) {
        (None, Some(q)) if !q.is_empty() => problems.push(format!("unexpected query `{q}`")),
        (Some(schema), q) => {
            let form: Map<String, Value> = query_values(q)
                .into_iter()
                .map(|(k, mut v)| (k, Value::String(v.remove(0))))
                .collect();
            problems.extend(validate(schema, &Value::Object(form)));
        }
        _ => {}
    }
    match (&shape.body, req.body.trim().is_empty()) {
        (None, false) => problems.push("unexpected body".to_string()),
        (Some(_), true) => problems.push("the body is missing".to_string()),
        (Some(schema), false) => problems.extend(validate(schema, &parse_body(&req.body).1)),
        (None, true) => {}
    }
    Some(Verdict {
        operation: format!("{} {}", shape.method, shape.path),
        source: shape.source.to_string(),
        problems,
    })
}
