//! The printer: human output on stderr (colour and progress only on a terminal), machine output
//! as one JSON document on stdout.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use serde_json::{Value, json};

use crate::error::AppError;
use crate::plan::{Action, Change, Plan};
use crate::provider::Progress;
use crate::settings::OutputFormat;

#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub format: OutputFormat,
    pub color: bool,
    pub interactive: bool,
    /// Prints nothing at all: for steps whose result a caller reports itself.
    pub silent: bool,
}

#[derive(Clone, Copy)]
enum Tone {
    Good,
    Warn,
    Bad,
    Dim,
    Bold,
}

impl Printer {
    pub fn new(format: OutputFormat, color: bool) -> Self {
        Self {
            format,
            color,
            interactive: std::io::stderr().is_terminal(),
            silent: false,
        }
    }

    pub fn silenced(&self) -> Printer {
        Printer {
            silent: true,
            ..*self
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    fn paint(&self, tone: Tone, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match tone {
            Tone::Good => "32",
            Tone::Warn => "33",
            Tone::Bad => "31",
            Tone::Dim => "2",
            Tone::Bold => "1",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A line for people; silent in JSON mode so stdout stays one document and stderr quiet.
    pub fn line(&self, text: impl AsRef<str>) {
        if !self.is_json() && !self.silent {
            eprintln!("{}", text.as_ref());
        }
    }

    pub fn success(&self, text: impl AsRef<str>) {
        self.line(format!("{} {}", self.paint(Tone::Good, "✓"), text.as_ref()));
    }

    pub fn warn(&self, text: impl AsRef<str>) {
        self.line(format!(
            "{} {}",
            self.paint(Tone::Warn, "warning:"),
            text.as_ref()
        ));
    }

    pub fn heading(&self, text: impl AsRef<str>) {
        self.line(self.paint(Tone::Bold, text.as_ref()));
    }

    pub fn json(&self, value: &Value) {
        if self.silent {
            return;
        }
        let mut out = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut out, value);
        let _ = writeln!(out);
    }

    pub fn error(&self, err: &AppError) {
        if self.is_json() {
            self.json(&json!({"error": {"message": err.message, "hint": err.hint}}));
        } else {
            eprintln!("{} {}", self.paint(Tone::Bad, "error:"), err.message);
            if let Some(h) = &err.hint {
                eprintln!("  {} {h}", self.paint(Tone::Dim, "hint:"));
            }
        }
    }

    /// Every change, field by field, then a one-line summary.
    pub fn plan(&self, plan: &Plan) {
        for c in &plan.changes {
            self.change(c);
        }
        for w in &plan.warnings {
            self.warn(w);
        }
        let count = |a: Action| plan.changes.iter().filter(|c| c.action == a).count();
        self.line(format!(
            "{} to create, {} to update, {} unchanged",
            count(Action::Create),
            count(Action::Update),
            count(Action::None)
        ));
    }

    fn change(&self, c: &Change) {
        let (sign, word, tone) = match c.action {
            Action::Create => ("+", "create", Tone::Good),
            Action::Update => ("~", "update", Tone::Warn),
            Action::None => ("=", "unchanged", Tone::Dim),
        };
        self.line(format!(
            "  {} {} {}",
            self.paint(tone, sign),
            c.resource,
            self.paint(Tone::Dim, &format!("({word})"))
        ));
        for (name, fc) in &c.fields {
            self.line(format!(
                "      {name}: {} → {}",
                show(&fc["before"]),
                self.paint(tone, &show(&fc["after"]))
            ));
        }
    }

    /// Spinners on a terminal; plain result lines otherwise; nothing in JSON mode.
    pub fn progress(&self) -> Box<dyn Progress> {
        if self.is_json() || self.silent {
            Box::new(Quiet)
        } else if self.interactive {
            Box::new(Spinners {
                multi: MultiProgress::new(),
                bars: Mutex::new(Vec::new()),
                printer: *self,
            })
        } else {
            Box::new(Lines { printer: *self })
        }
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        other => other.to_string(),
    }
}

struct Quiet;

impl Progress for Quiet {
    fn started(&self, _: usize, _: &str) {}
    fn finished(&self, _: usize, _: &str, _: bool) {}
}

struct Lines {
    printer: Printer,
}

impl Progress for Lines {
    fn started(&self, _: usize, _: &str) {}
    fn finished(&self, _: usize, what: &str, ok: bool) {
        if ok {
            self.printer.success(what);
        } else {
            self.printer
                .line(format!("{} {what}", self.printer.paint(Tone::Bad, "✗")));
        }
    }
}

struct Spinners {
    multi: MultiProgress,
    bars: Mutex<Vec<(usize, ProgressBar)>>,
    printer: Printer,
}

impl Progress for Spinners {
    fn started(&self, id: usize, what: &str) {
        let bar = self.multi.add(ProgressBar::new_spinner());
        bar.set_style(
            ProgressStyle::with_template("  {spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(80));
        self.bars.lock().unwrap().push((id, bar));
    }

    fn finished(&self, id: usize, what: &str, ok: bool) {
        let mark = if ok {
            self.printer.paint(Tone::Good, "✓")
        } else {
            self.printer.paint(Tone::Bad, "✗")
        };
        if let Some((_, bar)) = self.bars.lock().unwrap().iter().find(|(i, _)| *i == id) {
            bar.set_style(
                ProgressStyle::with_template("  {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.finish_with_message(format!("{mark} {what}"));
        }
    }
}
