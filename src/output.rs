//! The printer: human output on stderr (colour and progress only on a terminal), machine output
//! as one JSON document on stdout.

// The one place allowed to print: everything else goes through the Printer.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use serde_json::{Value, json};

use crate::doctor::{Area, Check, Report, Status};
use crate::error::{AppError, ErrorCode};
use crate::http::printable;
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
        self.line(format!(
            "{} {}",
            self.paint(Tone::Good, "✓"),
            printable(text.as_ref())
        ));
    }

    pub fn warn(&self, text: impl AsRef<str>) {
        self.line(format!(
            "{} {}",
            self.paint(Tone::Warn, "warning:"),
            printable(text.as_ref())
        ));
    }

    pub fn heading(&self, text: impl AsRef<str>) {
        self.line(self.paint(Tone::Bold, text.as_ref()));
    }

    /// The one JSON document of a run, stamped with the schema version it follows.
    pub fn json(&self, value: &Value) {
        if self.silent {
            return;
        }
        let mut out = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut out, &versioned(value));
        let _ = writeln!(out);
    }

    /// A notice about how the settings were read, on stderr even in JSON mode: it is about the
    /// run itself (which tenant it talks to), and stdout stays one document.
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.silent {
            eprintln!(
                "{} {}",
                self.paint(Tone::Warn, "note:"),
                printable(text.as_ref())
            );
        }
    }

    pub fn error(&self, err: &AppError) {
        if err.reported {
            return;
        }
        if self.is_json() {
            self.json(&error_json(err.code, &err.message, err.hint.as_deref()));
        } else {
            eprintln!(
                "{} {}",
                self.paint(Tone::Bad, "error:"),
                printable(&err.message)
            );
            if let Some(h) = &err.hint {
                eprintln!("  {} {}", self.paint(Tone::Dim, "hint:"), printable(h));
            }
        }
    }

    /// What lies under an error (`--verbose`): each cause its message does not already quote.
    pub fn causes(&self, err: &AppError) {
        if self.is_json() || err.reported {
            return;
        }
        for cause in err.causes() {
            eprintln!(
                "  {} {}",
                self.paint(Tone::Dim, "caused by:"),
                printable(&cause)
            );
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
        let deletes = plan.count(Action::Delete);
        self.line(format!(
            "{} to create, {} to update, {}{} unchanged",
            plan.count(Action::Create),
            plan.count(Action::Update),
            if deletes > 0 {
                format!("{deletes} to delete, ")
            } else {
                String::new()
            },
            plan.count(Action::None)
        ));
    }

    fn change(&self, c: &Change) {
        let (sign, word, tone) = match c.action {
            Action::Create => ("+", "create", Tone::Good),
            Action::Update => ("~", "update", Tone::Warn),
            Action::Delete => ("-", "delete", Tone::Bad),
            Action::None => ("=", "unchanged", Tone::Dim),
        };
        self.line(format!(
            "  {} {} {}",
            self.paint(tone, sign),
            printable(&c.resource),
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

    /// Doctor's report for people: the checks grouped by area, one line each with the fix
    /// below every warning and failure, then the counts. Checks skipped one after another for the
    /// same reason get that reason once. Wrapped for 80 columns.
    pub fn report(&self, report: &Report) {
        for area in Area::ALL {
            let mut checks = report.checks.iter().filter(|c| c.area == area).peekable();
            if checks.peek().is_none() {
                continue;
            }
            self.heading(area.title());
            let mut previous: Option<&Check> = None;
            for check in checks {
                let repeated = previous
                    .is_some_and(|p| p.status() == Status::Skip && p.finding == check.finding);
                if !repeated {
                    self.check(check);
                }
                previous = Some(check);
            }
        }
        let s = report.summary();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut counts = vec![
            self.paint(Tone::Good, &format!("{} passed", s.pass)),
            self.paint(Tone::Warn, &plural(s.warn, "warning", "warnings")),
            self.paint(Tone::Bad, &format!("{} failed", s.fail)),
        ];
        if s.skip > 0 {
            counts.push(self.paint(Tone::Dim, &format!("{} skipped", s.skip)));
        }
        self.line("");
        self.line(counts.join(", "));
    }

    fn check(&self, check: &Check) {
        let (mark, tone) = match check.status() {
            Status::Pass => ("✓", Tone::Good),
            Status::Warn => ("!", Tone::Warn),
            Status::Fail => ("✗", Tone::Bad),
            Status::Skip => ("-", Tone::Dim),
        };
        // Findings quote what servers said (issuers, URLs, error text): nothing in them may
        // rewrite the terminal.
        let mut lines = wrap("  ? ", "    ", &printable(&check.finding.message));
        lines[0] = format!("  {} {}", self.paint(tone, mark), &lines[0][4..]);
        if let Some(fix) = &check.finding.fix {
            let mut fix_lines = wrap("    fix: ", "         ", &printable(fix));
            fix_lines[0] = format!(
                "    {} {}",
                self.paint(Tone::Dim, "fix:"),
                &fix_lines[0][9..]
            );
            lines.extend(fix_lines);
        }
        for line in lines {
            self.line(line);
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

/// The version of the JSON documents' shape (docs/output.schema.json). It goes up only when a
/// key is removed or changes meaning; new keys may appear within a version.
pub const JSON_VERSION: u64 = 1;

fn versioned(value: &Value) -> Value {
    match value {
        Value::Object(fields) => {
            let mut doc = serde_json::Map::with_capacity(fields.len() + 1);
            doc.insert("version".into(), json!(JSON_VERSION));
            doc.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
            Value::Object(doc)
        }
        other => other.clone(),
    }
}

/// `{"error": {"message", "hint", "code"}}`, the shape of every failure in JSON mode.
pub fn error_json(code: ErrorCode, message: &str, hint: Option<&str>) -> Value {
    json!({"error": {"message": message, "hint": hint, "code": code.as_str()}})
}

/// Word-wraps `text` to 80 columns after `first` on the first line and `rest` on the others; a
/// word longer than a line (a URL) gets a line of its own.
fn wrap(first: &str, rest: &str, text: &str) -> Vec<String> {
    const WIDTH: usize = 80;
    let mut lines = vec![first.to_string()];
    let mut bare = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let line = lines.last_mut().expect("starts with one line");
        let width = line.chars().count() + usize::from(!bare) + word.chars().count();
        if !bare && width > WIDTH {
            lines.push(format!("{rest}{word}"));
        } else {
            if !bare {
                line.push(' ');
            }
            line.push_str(word);
        }
        bare = false;
    }
    lines
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

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_80_columns_and_keeps_long_words_whole() {
        let text = "the default grant for third-party clients has subject_type client, not user: DCR clients get no user tokens";
        let lines = wrap("  ? ", "    ", text);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:#?}");
        assert!(lines[1].starts_with("    ") && !lines[1].starts_with("     "));
        assert_eq!(
            lines.join(" ").split_whitespace().count(),
            text.split(' ').count() + 1
        );
        let url = format!("https://{}/", "x".repeat(90));
        let lines = wrap("  ? ", "    ", &format!("see {url} now"));
        assert_eq!(lines, ["  ? see", &format!("    {url}"), "    now"]);
    }
}
