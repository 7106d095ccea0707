//! `/api/v2/tenants/settings` (notes/auth0.md §A5).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Map, Value, json};

use super::auth::Granted;
use super::{Answer, ApiError, Auth0, Auth0Tenant, parse_json, wire};
use crate::query::Params;

pub(super) fn routes() -> Router<Arc<Auth0>> {
    Router::new().route("/api/v2/tenants/settings", get(read).patch(update))
}

/// GET returns these even when `fields` does not ask for them (ruby-auth0
/// `_get_tenant_settings_with_specific_fields`); PATCH answers never carry the list.
const ALWAYS: &[&str] = &["sandbox_version", "sandbox_versions_available"];

/// Two flags every recorded PATCH answer has and no GET shows (go-auth0 TestTenantManager,
/// terraform TestAccTenant_Main, ruby-auth0 `_update_tenant_settings`).
const PATCH_ONLY_FLAGS: [(&str, bool); 2] = [
    (
        "cannot_change_enforce_client_authentication_on_passwordless_start",
        true,
    ),
    ("enforce_client_authentication_on_passwordless_start", true),
];

/// Settings accepted either in hours or, with this suffix, in minutes; stored in hours
/// (TestTenantManager: `idle_ephemeral_session_lifetime_in_minutes: 15` reads back as 0.25).
const IN_MINUTES: &str = "_in_minutes";

async fn read(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    RawQuery(q): RawQuery,
) -> Answer {
    granted.require(&["read:tenant_settings"])?;
    let projection = Params::parse(q.as_deref())
        .projection()
        .map_err(ApiError::query)?
        .always(ALWAYS);
    Ok(wire(
        StatusCode::OK,
        &projection.apply(&app.tenant().settings),
    ))
}

async fn update(
    State(app): State<Arc<Auth0>>,
    Extension(granted): Extension<Granted>,
    body: Bytes,
) -> Answer {
    granted.require(&["update:tenant_settings"])?;
    let body = parse_json(&body)?;
    let mut tenant = app.tenant();
    check_flags_allowed(&tenant, &body)?;
    app.schemas
        .validate("UpdateTenantSettingsRequestContent", &body)
        .map_err(ApiError::payload)?;
    let Some(changes) = body.as_object() else {
        unreachable!("the schema requires an object")
    };
    check_units(changes)?;

    let Value::Object(settings) = &mut tenant.settings else {
        unreachable!("settings are an object")
    };
    for (key, value) in changes {
        if key == "flags" {
            merge_flags(settings, value);
        } else if let Some(hours_key) = key.strip_suffix(IN_MINUTES) {
            settings.insert(hours_key.to_string(), minutes_to_hours(value));
        } else if value.is_null() || (key == "default_redirection_uri" && value == "") {
            // nullable settings are cleared with null (TestAccTenant_DynamicClientRegistrationSecurityMode);
            // an empty default_redirection_uri disappears too, unlike an empty default_audience
            // (TestAccTenant_Main interactions 5 and 11)
            settings.remove(key);
        } else {
            settings.insert(key.clone(), value.clone());
        }
    }
    omit_flag_defaults(settings);

    let mut answer = settings.clone();
    answer.remove("sandbox_versions_available");
    if let Some(Value::Object(flags)) = answer.get_mut("flags") {
        for (flag, value) in PATCH_ONLY_FLAGS {
            flags.entry(flag).or_insert(json!(value));
        }
    }
    Ok(wire(StatusCode::OK, &Value::Object(answer)))
}

/// Flags the tenant is not entitled to are refused even when re-sent unchanged, before the body
/// is otherwise validated (the flags in auth0-deploy-cli #270/#374 are not in the OAS at all).
/// `enable_sso` may only be set where `allow_changing_enable_sso` is on (TestAccTenant_EnableSSO).
fn check_flags_allowed(tenant: &Auth0Tenant, body: &Value) -> Result<(), ApiError> {
    let Some(Value::Object(flags)) = body.get("flags") else {
        return Ok(());
    };
    let sso_changeable =
        tenant.settings.pointer("/flags/allow_changing_enable_sso") == Some(&Value::Bool(true));
    for flag in flags.keys() {
        if tenant.locked_flags.contains(flag) || (flag == "enable_sso" && !sso_changeable) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("You are not allowed to set flag '{flag}' for this tenant."),
            ));
        }
    }
    Ok(())
}

/// The OAS: a `*_in_minutes` setting "cannot be specified together with" its hours twin.
fn check_units(changes: &Map<String, Value>) -> Result<(), ApiError> {
    for key in changes.keys() {
        if let Some(hours_key) = key.strip_suffix(IN_MINUTES)
            && changes.contains_key(hours_key)
        {
            return Err(ApiError::bad_body(format!(
                "Payload validation error: '{key} cannot be specified together with {hours_key}'"
            )));
        }
    }
    Ok(())
}

fn minutes_to_hours(minutes: &Value) -> Value {
    let hours = minutes.as_u64().unwrap_or(0) as f64 / 60.0;
    if hours.fract() == 0.0 {
        json!(hours as u64)
    } else {
        json!(hours)
    }
}

/// `flags` is merged key by key, never replaced (TestAccTenant_Main, notes §A5).
fn merge_flags(settings: &mut Map<String, Value>, changes: &Value) {
    let flags = settings.entry("flags").or_insert_with(|| json!({}));
    if let (Value::Object(stored), Value::Object(changes)) = (flags, changes) {
        for (flag, value) in changes {
            stored.insert(flag.clone(), value.clone());
        }
    }
}

/// The document leaves these flags out while they hold their defaults (notes §A5, §E.2).
fn omit_flag_defaults(settings: &mut Map<String, Value>) {
    if let Some(Value::Object(flags)) = settings.get_mut("flags") {
        if flags.get("enable_dynamic_client_registration") == Some(&Value::Bool(false)) {
            flags.remove("enable_dynamic_client_registration");
        }
        if flags.get("enable_client_connections") == Some(&Value::Bool(true)) {
            flags.remove("enable_client_connections");
        }
    }
}
