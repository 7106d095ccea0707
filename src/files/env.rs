//! The MCP server's `.env`: our keys are updated in place, everything else (comments, order,
//! other keys, blank lines) is kept byte for byte. A file we cannot parse is refused rather than
//! rewritten, because rewriting it could lose lines.

use std::fmt;
use std::path::Path;

use super::atomic::write_atomic;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for EnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One logical entry of the file: a `KEY=VALUE` (possibly spanning lines when quoted) or any
/// other line (blank, comment), kept as written.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Entry {
        key: String,
        value: String,
        raw: String,
        export: bool,
    },
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnvDoc {
    items: Vec<Item>,
    newline: &'static str,
    trailing_newline: bool,
}

impl EnvDoc {
    pub fn parse(text: &str) -> Result<EnvDoc, EnvError> {
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let trailing_newline = text.is_empty() || text.ends_with('\n');
        let lines: Vec<&str> = text.split(newline).collect();
        // split leaves one empty piece after a final newline.
        let count = if text.is_empty() {
            0
        } else if text.ends_with(newline) {
            lines.len() - 1
        } else {
            lines.len()
        };
        let mut items = Vec::new();
        let mut i = 0;
        while i < count {
            let line = lines[i];
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                items.push(Item::Other(line.to_string()));
                i += 1;
                continue;
            }
            let (export, rest) = match trimmed.strip_prefix("export ") {
                Some(r) => (true, r.trim_start()),
                None => (false, trimmed),
            };
            let Some(eq) = rest.find('=') else {
                return Err(EnvError {
                    line: i + 1,
                    message: "expected KEY=VALUE or a # comment".into(),
                });
            };
            let key = rest[..eq].trim_end();
            if !is_key(key) {
                // The line is not shown: it may be a secret pasted without its name.
                return Err(EnvError {
                    line: i + 1,
                    message: "the text before = is not a variable name (letters, digits, _)".into(),
                });
            }
            let value_part = rest[eq + 1..].trim_start();
            let start = i;
            let value = if value_part.starts_with(['"', '\'']) {
                // Quoted parts follow each other as in a shell (`'it'\''s'`), and each may
                // continue on the following lines until its closing quote.
                let mut value = String::new();
                let mut rest = value_part.to_string();
                loop {
                    match rest.chars().next() {
                        Some(q @ ('"' | '\'')) => {
                            let mut joined = rest[1..].to_string();
                            let end = loop {
                                if let Some(end) = closing_quote(&joined, q) {
                                    break end;
                                }
                                i += 1;
                                if i >= count {
                                    return Err(EnvError {
                                        line: start + 1,
                                        message: format!(
                                            "the value opened with {q} is never closed"
                                        ),
                                    });
                                }
                                joined.push('\n');
                                joined.push_str(lines[i]);
                            };
                            value.push_str(&unescape(&joined[..end], q));
                            rest = joined[end + 1..].to_string();
                        }
                        Some('\\') if rest.len() > 1 => {
                            let mut chars = rest[1..].chars();
                            value.extend(chars.next());
                            rest = chars.as_str().to_string();
                        }
                        _ => {
                            let after = rest.trim();
                            if !(after.is_empty() || after.starts_with('#')) {
                                return Err(EnvError {
                                    line: i + 1,
                                    message: "unexpected text after the closing quote".into(),
                                });
                            }
                            break value;
                        }
                    }
                }
            } else {
                strip_inline_comment(value_part).trim_end().to_string()
            };
            items.push(Item::Entry {
                key: key.to_string(),
                value,
                raw: lines[start..=i].join(newline),
                export,
            });
            i += 1;
        }
        Ok(EnvDoc {
            items,
            newline,
            trailing_newline,
        })
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.items.iter().rev().find_map(|it| match it {
            Item::Entry { key: k, value, .. } if k == key => Some(value.as_str()),
            _ => None,
        })
    }

    /// Sets our keys: every existing occurrence is updated in place (so no reader sees a stale
    /// duplicate); missing keys are appended at the end.
    pub fn set(&mut self, key: &str, value: &str) {
        let mut found = false;
        for it in &mut self.items {
            if let Item::Entry {
                key: k,
                value: v,
                raw,
                export,
            } = it
                && k == key
            {
                found = true;
                if v != value {
                    *raw = format!(
                        "{}{key}={}",
                        if *export { "export " } else { "" },
                        quote(value)
                    );
                    *v = value.to_string();
                }
            }
        }
        if !found {
            self.items.push(Item::Entry {
                key: key.to_string(),
                value: value.to_string(),
                raw: format!("{key}={}", quote(value)),
                export: false,
            });
            self.trailing_newline = true;
        }
    }

    pub fn render(&self) -> String {
        let mut out = self
            .items
            .iter()
            .map(|it| match it {
                Item::Entry { raw, .. } => raw.as_str(),
                Item::Other(line) => line.as_str(),
            })
            .collect::<Vec<_>>()
            .join(self.newline);
        if self.trailing_newline && !out.is_empty() {
            out.push_str(self.newline);
        }
        out
    }
}

fn is_key(k: &str) -> bool {
    let mut chars = k.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn closing_quote(s: &str, q: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if q == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == q && !escaped {
            return Some(i);
        }
        escaped = false;
    }
    None
}

fn unescape(s: &str, q: char) -> String {
    if q == '\'' {
        return s.to_string();
    }
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn strip_inline_comment(v: &str) -> &str {
    match v.find(" #") {
        Some(i) => &v[..i],
        None => v,
    }
}

/// How a value is written so that a POSIX shell sourcing the file and dotenv loaders all read it
/// back unchanged, and no shell runs or expands any of it (`$(…)`, backticks, `$VAR`, `~`): bare
/// when every character is inert everywhere, otherwise in single quotes, inside which nothing is
/// special. A `'` cannot appear inside them and a `\` right before the closing quote confuses
/// some dotenv loaders, so both are written between quoted parts as `\'` and `\\`, which shells
/// and dotenv loaders read as the character itself.
fn quote(value: &str) -> String {
    // A leading `=` is zsh's command-path expansion (`=ls`).
    let bare = !value.is_empty()
        && !value.starts_with('=')
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:@%+,=-".contains(c));
    if bare {
        return value.to_string();
    }
    // The value starts with a quote even when its first character is escaped, which is how the
    // parser above (and a reader) tells a quoted value from a bare one.
    let mut out = String::from("'");
    let mut open = true;
    for c in value.chars() {
        match (c, open) {
            ('\'' | '\\', true) => {
                out.push_str("'\\");
                open = false;
            }
            ('\'' | '\\', false) => out.push('\\'),
            (_, false) => {
                out.push('\'');
                open = true;
            }
            (_, true) => {}
        }
        out.push(c);
    }
    if open {
        out.push('\'');
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvOutcome {
    Created,
    Updated,
    Unchanged,
}

/// Why an existing `.env` cannot be merged into.
#[derive(Debug)]
pub enum ReadError {
    Unreadable(std::io::Error),
    Unparseable(EnvError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Unreadable(e) => write!(f, "cannot be read: {e}"),
            ReadError::Unparseable(e) => write!(f, "cannot be parsed ({e})"),
        }
    }
}

/// Reads and parses the file; `Ok(None)` when it does not exist yet.
pub fn read(path: &Path) -> Result<Option<EnvDoc>, ReadError> {
    match std::fs::read_to_string(path) {
        Ok(text) => EnvDoc::parse(&text)
            .map(Some)
            .map_err(ReadError::Unparseable),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ReadError::Unreadable(e)),
    }
}

/// Merges `values` into the file at `path`; writes only when something changes.
pub fn write(
    path: &Path,
    doc: Option<EnvDoc>,
    values: &[(String, String)],
) -> std::io::Result<EnvOutcome> {
    let created = doc.is_none();
    let mut doc = doc.unwrap_or(EnvDoc {
        items: Vec::new(),
        newline: "\n",
        trailing_newline: true,
    });
    let before = doc.render();
    for (k, v) in values {
        doc.set(k, v);
    }
    let after = doc.render();
    if !created && after == before {
        return Ok(EnvOutcome::Unchanged);
    }
    write_atomic(path, after.as_bytes())?;
    Ok(if created {
        EnvOutcome::Created
    } else {
        EnvOutcome::Updated
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(text: &str, values: &[(&str, &str)]) -> String {
        let mut doc = EnvDoc::parse(text).unwrap();
        for (k, v) in values {
            doc.set(k, v);
        }
        doc.render()
    }

    #[test]
    fn keeps_comments_order_and_other_keys() {
        let text =
            "# server\nPORT=8080\nAUTH0_DOMAIN=old.auth0.com # set by hand\n\nexport OTHER='x y'\n";
        let out = merge(
            text,
            &[
                ("AUTH0_DOMAIN", "new.auth0.com"),
                ("AUTH0_AUDIENCE", "https://a/"),
            ],
        );
        assert_eq!(
            out,
            "# server\nPORT=8080\nAUTH0_DOMAIN=new.auth0.com\n\nexport OTHER='x y'\nAUTH0_AUDIENCE=https://a/\n"
        );
    }

    #[test]
    fn unchanged_values_leave_the_text_identical() {
        let text = "AUTH0_DOMAIN=t.auth0.com   # keep me\r\nX=1";
        assert_eq!(merge(text, &[("AUTH0_DOMAIN", "t.auth0.com")]), text);
    }

    #[test]
    fn multiline_quoted_values_survive() {
        let text = "KEY=\"-----BEGIN\nabc\n-----END\"\nA=1\n";
        let doc = EnvDoc::parse(text).unwrap();
        assert_eq!(doc.get("KEY"), Some("-----BEGIN\nabc\n-----END"));
        assert_eq!(
            merge(text, &[("A", "2")]),
            "KEY=\"-----BEGIN\nabc\n-----END\"\nA=2\n"
        );
    }

    #[test]
    fn every_duplicate_of_our_key_is_updated_and_none_added() {
        let out = merge("A=1\nB=2\nA=3\n", &[("A", "9")]);
        assert_eq!(out, "A=9\nB=2\nA=9\n");
    }

    #[test]
    fn values_needing_quotes_are_single_quoted() {
        assert_eq!(merge("", &[("A", "x y\"z")]), "A='x y\"z'\n");
        assert_eq!(merge("", &[("A", "it's")]), "A='it'\\''s'\n");
        assert_eq!(merge("", &[("A", "'")]), "A=''\\'\n");
        assert_eq!(merge("", &[("A", "")]), "A=''\n");
        assert_eq!(merge("", &[("A", "~/x")]), "A='~/x'\n");
        assert_eq!(merge("", &[("A", "=ls")]), "A='=ls'\n");
        assert_eq!(merge("", &[("A", "https://a/b=c")]), "A=https://a/b=c\n");
        assert_eq!(
            EnvDoc::parse("A=\"x y\\\"z\"\n").unwrap().get("A"),
            Some("x y\"z")
        );
    }

    #[test]
    fn a_parse_error_names_the_line_not_its_text() {
        let err = EnvDoc::parse("PORT=8080\nSTRIPE_KEY: sk_live_SECRETVALUE123=abc\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(!err.to_string().contains("sk_live"), "{err}");
    }

    /// What a shell that sources the file (`set -a; . ./.env`) gets for `A`.
    #[cfg(unix)]
    pub(super) fn sourced(dir: &Path, text: &str) -> Vec<u8> {
        std::fs::write(dir.join(".env"), text).unwrap();
        let out = std::process::Command::new("sh")
            .args(["-c", "set -a; . ./.env; printf %s \"$A\""])
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    #[cfg(unix)]
    #[test]
    fn a_shell_sourcing_the_file_runs_and_expands_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let hostile = [
            "http://192.0.2.2:18001/x\"$(touch pwned)`touch pwned`",
            "$(touch pwned)",
            "`touch pwned`",
            "${HOME}$HOME~",
            "~/x",
            "it's",
            "a\\",
            "\\'",
            "'",
            "a b\tc",
            "line1\nline2",
            "*?[!]|&;<>(){}#",
        ];
        for value in hostile {
            let text = merge("", &[("A", value)]);
            assert_eq!(sourced(dir.path(), &text), value.as_bytes(), "{text}");
            assert!(!dir.path().join("pwned").exists(), "{text} ran a command");
            assert_eq!(EnvDoc::parse(&text).unwrap().get("A"), Some(value));
        }
    }

    #[test]
    fn unparseable_files_are_refused_with_the_line() {
        assert_eq!(EnvDoc::parse("A=1\nthis is not env\n").unwrap_err().line, 2);
        assert_eq!(EnvDoc::parse("A=\"open\nB=2\n").unwrap_err().line, 1);
        assert_eq!(EnvDoc::parse("1A=2\n").unwrap_err().line, 1);
    }

    #[test]
    fn missing_trailing_newline_is_added_only_when_appending() {
        assert_eq!(merge("A=1", &[("B", "2")]), "A=1\nB=2\n");
    }
}

/// Fuzzing the merger: whatever the file holds, merging never panics, never loses or reorders a
/// line it does not own, and leaves each of our keys with exactly the value we set.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const OURS: [&str; 2] = ["AUTH0_DOMAIN", "AUTH0_AUDIENCE"];

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "# [ -~]{0,20}",
            (
                "(AUTH0_DOMAIN|AUTH0_AUDIENCE|PORT|[A-Z_]{1,8})",
                "[a-zA-Z0-9:/._-]{0,12}"
            )
                .prop_map(|(k, v)| format!("{k}={v}")),
            ("[A-Z]{1,5}", "[a-zA-Z0-9 #=:/._-]{0,10}")
                .prop_map(|(k, v)| format!("export {k}=\"{v}\"")),
            ("[A-Z]{1,5}", "[a-zA-Z0-9 #=:/._-]{0,10}").prop_map(|(k, v)| format!("{k}='{v}'")),
        ]
    }

    fn owned(line: &str) -> bool {
        let key = line
            .trim_start_matches("export ")
            .split('=')
            .next()
            .unwrap_or_default();
        OURS.contains(&key)
    }

    /// What dotenvy, the Rust dotenv loader, reads for `key`.
    fn dotenv(text: &str, key: &str) -> Option<String> {
        dotenvy::from_read_iter(text.as_bytes())
            .map(|entry| entry.expect("dotenvy reads our file"))
            .filter(|(k, _)| k == key)
            .last()
            .map(|(_, v)| v)
    }

    proptest! {
        #[test]
        fn any_value_reads_back_the_same_here_and_in_dotenv(
            value in "[\\PC\t\n]{0,40}",
            before in prop::collection::vec(line(), 0..4),
        ) {
            let text: String = before.iter().map(|l| format!("{l}\n")).collect();
            let mut doc = EnvDoc::parse(&text).expect("generated lines parse");
            doc.set("AUTH0_AUDIENCE", &value);
            let out = doc.render();
            let again = EnvDoc::parse(&out).expect("our output parses");
            prop_assert_eq!(again.get("AUTH0_AUDIENCE"), Some(value.as_str()));
            prop_assert_eq!(dotenv(&out, "AUTH0_AUDIENCE"), Some(value));
        }

        #[cfg(unix)]
        #[test]
        fn a_shell_reads_any_value_back_unchanged(value in "[\\PC\t\n]{0,24}") {
            let dir = tempfile::tempdir().unwrap();
            let mut doc = EnvDoc::parse("").unwrap();
            doc.set("A", &value);
            prop_assert_eq!(super::tests::sourced(dir.path(), &doc.render()), value.as_bytes());
        }

        #[test]
        fn parsing_anything_never_panics(text in "\\PC{0,200}") {
            let _ = EnvDoc::parse(&text);
        }

        #[test]
        fn merge_keeps_every_line_it_does_not_own(lines in prop::collection::vec(line(), 0..12), crlf in any::<bool>()) {
            let nl = if crlf { "\r\n" } else { "\n" };
            let text: String = lines.iter().map(|l| format!("{l}{nl}")).collect();
            let mut doc = EnvDoc::parse(&text).expect("generated lines parse");
            doc.set("AUTH0_DOMAIN", "t.eu.auth0.com");
            doc.set("AUTH0_AUDIENCE", "https://mcp.example/a b");
            let out = doc.render();

            let kept: Vec<&str> = out.lines().filter(|l| !owned(l)).collect();
            let before: Vec<&str> = text.lines().filter(|l| !owned(l)).collect();
            prop_assert_eq!(kept, before);
            if !lines.is_empty() {
                prop_assert_eq!(out.matches('\n').count(), out.matches(nl).count(), "line endings kept");
            }

            let again = EnvDoc::parse(&out).expect("our output parses");
            prop_assert_eq!(again.get("AUTH0_DOMAIN"), Some("t.eu.auth0.com"));
            prop_assert_eq!(again.get("AUTH0_AUDIENCE"), Some("https://mcp.example/a b"));
            for key in OURS {
                let had = lines.iter().filter(|l| l.split('=').next() == Some(key)).count();
                let has = out.lines().filter(|l| l.split('=').next() == Some(key)).count();
                prop_assert_eq!(has, had.max(1), "{} is never duplicated", key);
            }
        }
    }
}
