//! Questions on the terminal: when a command may ask, and the prompt machinery `init`'s wizard
//! and `apply`'s confirmation share.

use std::io::IsTerminal;

use dialoguer::Confirm;
use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use tokio::sync::oneshot;

use crate::error::{AppError, Result};
use crate::output::Printer;
use crate::settings::Settings;

/// A person is there to answer: not with --yes or CI, not for JSON output (programs cannot
/// answer), and only when standard input and standard error are terminals.
pub fn can_ask(settings: &Settings, printer: &Printer) -> bool {
    !settings.yes
        && !printer.is_json()
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
}

/// A yes/no question; the terminal is put back as it was however the run ends.
pub async fn confirm(color: bool, prompt: &str, default: bool) -> Result<bool> {
    let _terminal = TerminalGuard::save();
    let prompt = prompt.to_string();
    on_prompt_thread(color, move |theme| {
        Confirm::with_theme(theme)
            .with_prompt(prompt)
            .default(default)
            .interact()
    })
    .await
}

/// Runs one prompt on a plain thread, not the runtime's: a blocked prompt would otherwise keep
/// the runtime from shutting down after Ctrl-C.
pub async fn on_prompt_thread<T: Send + 'static>(
    color: bool,
    ask: impl FnOnce(&dyn Theme) -> dialoguer::Result<T> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = oneshot::channel();
    std::thread::spawn(move || {
        let colorful = ColorfulTheme::default();
        let theme: &dyn Theme = if color { &colorful } else { &SimpleTheme };
        let _ = tx.send(ask(theme));
    });
    match rx.await {
        Ok(Ok(answer)) => Ok(answer),
        Ok(Err(dialoguer::Error::IO(e))) if e.kind() == std::io::ErrorKind::Interrupted => {
            Err(AppError::interrupted("interrupted"))
        }
        Ok(Err(e)) => Err(AppError::failed(format!("cannot read the answer: {e}"))),
        Err(_) => Err(AppError::failed("the prompt ended without an answer")),
    }
}

/// Puts the terminal back as the wizard found it, however the run ends. Ctrl-C can stop a
/// selection list with the cursor hidden, or the hidden input with echo off: that prompt turns
/// echo back on only once its line is read, which never happens when the run ends first.
pub struct TerminalGuard {
    #[cfg(unix)]
    saved: Option<rustix::termios::Termios>,
}

impl TerminalGuard {
    pub fn save() -> Self {
        TerminalGuard {
            #[cfg(unix)]
            saved: rustix::termios::tcgetattr(std::io::stdin()).ok(),
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(t) = &self.saved {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                t,
            );
        }
        let _ = Term::stderr().show_cursor();
    }
}
