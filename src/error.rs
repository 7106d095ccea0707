//! The one error type commands return: what went wrong, how to fix it, and the exit code.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad input, detected before any request: exit 2.
    Usage,
    /// The operation failed (API error, refused change, failed check): exit 1.
    Failed,
    /// `plan --exit-code` found changes to make: exit 3, like `terraform plan -detailed-exitcode`
    /// uses a code of its own so that CI can tell drift from a failure (1) and bad input (2).
    ChangesPending,
    /// The user interrupted: exit 130.
    Interrupted,
}

/// A stable, machine-readable name for what went wrong, given as `code` in JSON errors so that
/// scripts need not match English text. Names are never changed once released; new ones may be
/// added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The command line itself is wrong: an unknown flag or subcommand (clap's errors).
    Usage,
    /// A value was given but is not acceptable.
    InvalidValue,
    /// A required value was given nowhere (flag, environment, settings file).
    MissingValue,
    /// The provider's API answered with an error, or could not be reached.
    ApiError,
    /// The change is not made because it would need a decision the user has not given.
    Refused,
    /// `plan --exit-code` found changes to make; never printed, the plan says it.
    ChangesPending,
    /// Ctrl-C.
    Interrupted,
    /// Any other failure: a local file that cannot be written, an internal error.
    Failed,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Usage => "usage",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::MissingValue => "missing_value",
            ErrorCode::ApiError => "api_error",
            ErrorCode::Refused => "refused",
            ErrorCode::ChangesPending => "changes_pending",
            ErrorCode::Interrupted => "interrupted",
            ErrorCode::Failed => "failed",
        }
    }
}

#[derive(Debug)]
pub struct AppError {
    pub kind: ErrorKind,
    pub code: ErrorCode,
    pub message: String,
    pub hint: Option<String>,
    /// The command already told the user (doctor's report says what failed), so only the exit
    /// code is left to give; printing it again would add a second JSON document.
    pub reported: bool,
    /// The lower-level error this one was made from, for `--verbose` and for callers that look
    /// at causes; the message already says what matters to the user.
    pub source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Usage,
            code: ErrorCode::InvalidValue,
            message: message.into(),
            hint: Some(hint.into()),
            reported: false,
            source: None,
        }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Failed,
            code: ErrorCode::Failed,
            message: message.into(),
            hint: None,
            reported: false,
            source: None,
        }
    }

    /// A change not made because it needs a decision the user has not given: exit 1.
    pub fn refused(message: impl Into<String>) -> Self {
        Self::failed(message).with_code(ErrorCode::Refused)
    }

    /// A failure the command's own output already shows: exit 1, nothing more printed.
    pub fn reported(message: impl Into<String>) -> Self {
        Self {
            reported: true,
            ..Self::failed(message)
        }
    }

    /// Bad input of the kind "nothing was given": exit 2, code `missing_value`.
    pub fn missing(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::usage(message, hint).with_code(ErrorCode::MissingValue)
    }

    /// `plan --exit-code` with changes to make: exit 3, and nothing printed beyond the plan.
    pub fn changes_pending() -> Self {
        Self {
            kind: ErrorKind::ChangesPending,
            code: ErrorCode::ChangesPending,
            message: "the tenant differs from the desired state".into(),
            hint: None,
            reported: true,
            source: None,
        }
    }

    pub fn interrupted(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Interrupted,
            code: ErrorCode::Interrupted,
            message: message.into(),
            hint: None,
            reported: false,
            source: None,
        }
    }

    /// Keeps `cause` as this error's source.
    pub fn with_source(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(cause));
        self
    }

    /// The causes below this error, outermost first, leaving out any whose text the message
    /// already contains (most messages quote their cause).
    pub fn causes(&self) -> Vec<String> {
        let mut causes = Vec::new();
        let mut next = std::error::Error::source(self);
        while let Some(cause) = next {
            let text = cause.to_string();
            if !self.message.contains(&text) && !causes.contains(&text) {
                causes.push(text);
            }
            next = cause.source();
        }
        causes
    }

    pub fn with_code(mut self, code: ErrorCode) -> Self {
        self.code = code;
        self
    }

    /// A failure while talking to the provider is an API error, unless it already says more
    /// precisely what it is (a refusal, an interruption, bad input).
    pub fn from_api(self) -> Self {
        if self.code == ErrorCode::Failed {
            self.with_code(ErrorCode::ApiError)
        } else {
            self
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Prefixes the message with what was being done, keeping the hint.
    pub fn context(mut self, doing: impl fmt::Display) -> Self {
        self.message = format!("{doing}: {}", self.message);
        self
    }

    pub fn exit_code(&self) -> i32 {
        match self.kind {
            ErrorKind::Usage => 2,
            ErrorKind::Failed => 1,
            ErrorKind::ChangesPending => 3,
            ErrorKind::Interrupted => 130,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::failed(e.to_string()).with_source(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot merge {what}")]
    struct Outer {
        what: &'static str,
        #[source]
        inner: std::io::Error,
    }

    #[test]
    fn the_source_chain_is_kept_and_causes_the_message_quotes_are_left_out() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied by policy");
        let err = AppError::failed("cannot write .env").with_source(Outer {
            what: "the file",
            inner: io,
        });
        let source = std::error::Error::source(&err).expect("a source");
        assert_eq!(source.to_string(), "cannot merge the file");
        assert_eq!(err.causes(), ["cannot merge the file", "denied by policy"]);

        let quoted =
            AppError::failed("cannot merge the file: denied by policy").with_source(Outer {
                what: "the file",
                inner: std::io::Error::other("denied by policy"),
            });
        assert!(quoted.causes().is_empty(), "{:?}", quoted.causes());
        assert!(AppError::failed("no cause").causes().is_empty());
    }

    #[test]
    fn io_errors_keep_their_kind_below_the_app_error() {
        let err: AppError = std::io::Error::from(std::io::ErrorKind::NotFound).into();
        let io = std::error::Error::source(&err)
            .and_then(|s| s.downcast_ref::<std::io::Error>())
            .expect("the io::Error is the source");
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    }
}
