//! Bearer tokens on the Management API: who may call, and with which scopes.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{ApiError, Auth0};
use crate::clock::epoch_seconds;

/// The scopes of the token that authorised this request.
#[derive(Clone, Debug)]
pub(crate) struct Granted {
    scopes: Vec<String>,
}

impl Granted {
    pub(crate) fn has(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }

    /// 403 unless the token holds at least one of `any_of` (the OAS lists alternatives for some
    /// operations, e.g. `GET /clients`).
    pub(crate) fn require(&self, any_of: &[&str]) -> Result<(), ApiError> {
        if any_of.iter().any(|s| self.has(s)) {
            return Ok(());
        }
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!("Insufficient scope, expected any of: {}", any_of.join(", ")),
        )
        .code("insufficient_scope"))
    }
}

pub(crate) async fn authenticate(
    State(app): State<Arc<Auth0>>,
    mut req: Request,
    next: Next,
) -> Response {
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_string());
    let Some(token) = bearer else {
        // go-auth0 v1 recordings via notes §A7
        return ApiError::new(StatusCode::UNAUTHORIZED, "Missing authentication").into_response();
    };
    match scopes_of(&app, &token) {
        Some(scopes) => {
            req.extensions_mut().insert(Granted { scopes });
            next.run(req).await
        }
        None => ApiError::new(StatusCode::UNAUTHORIZED, "Invalid token").into_response(),
    }
}

/// Scopes of a token this tenant issued for its Management API and that has not expired.
fn scopes_of(app: &Auth0, token: &str) -> Option<Vec<String>> {
    let claims = app.signer.verify(token)?;
    let audience_ok = match &claims["aud"] {
        serde_json::Value::String(aud) => *aud == app.management_audience(),
        serde_json::Value::Array(auds) => auds
            .iter()
            .any(|a| a.as_str() == Some(&app.management_audience())),
        _ => false,
    };
    let fresh = claims["exp"]
        .as_u64()
        .is_some_and(|exp| exp > epoch_seconds());
    if !audience_ok || !fresh {
        return None;
    }
    Some(
        claims["scope"]
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .map(String::from)
            .collect(),
    )
}
