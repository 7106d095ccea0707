//! The one error type commands return: what went wrong, how to fix it, and the exit code.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad input, detected before any request: exit 2.
    Usage,
    /// The operation failed (API error, refused change, failed check): exit 1.
    Failed,
    /// The user interrupted: exit 130.
    Interrupted,
}

#[derive(Debug)]
pub struct AppError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
    /// The command already told the user (doctor's report says what failed), so only the exit
    /// code is left to give; printing it again would add a second JSON document.
    pub reported: bool,
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Usage,
            message: message.into(),
            hint: Some(hint.into()),
            reported: false,
        }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Failed,
            message: message.into(),
            hint: None,
            reported: false,
        }
    }

    /// A failure the command's own output already shows: exit 1, nothing more printed.
    pub fn reported(message: impl Into<String>) -> Self {
        Self {
            reported: true,
            ..Self::failed(message)
        }
    }

    pub fn interrupted(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Interrupted,
            message: message.into(),
            hint: None,
            reported: false,
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
            ErrorKind::Interrupted => 130,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::failed(e.to_string())
    }
}
