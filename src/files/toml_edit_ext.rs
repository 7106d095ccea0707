//! Editing a TOML document someone else owns, in its own style: a key set in place keeps its
//! comment, a new table follows its parent's form (header, dotted or inline), top-level keys stay
//! above the first header, and the file's line endings and byte-order mark come back as they were.
//! Nothing here knows which file or keys it edits; callers name them in their errors.

use toml_edit::{DocumentMut, InlineTable, Item, Table, Value};

/// A key that holds something other than what the caller wants to put there; `key` is the
/// dotted path the caller passed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeError {
    NotATable {
        key: String,
        found: &'static str,
    },
    NotAValue {
        key: String,
        found: &'static str,
        wanted: String,
    },
}

/// What a text had around its TOML that toml_edit drops: a byte-order mark, `\r\n` line endings.
pub struct TextStyle {
    bom: &'static str,
    crlf: bool,
}

impl TextStyle {
    /// The style of `text`, and the body to parse (without the byte-order mark, which is not TOML).
    pub fn of(text: &str) -> (Self, &str) {
        let (bom, body) = match text.strip_prefix('\u{feff}') {
            Some(rest) => ("\u{feff}", rest),
            None => ("", text),
        };
        let crlf = body.contains("\r\n") && !has_lone_lf(body);
        (Self { bom, crlf }, body)
    }

    /// toml_edit writes `\n`; puts back what the file had, so a Windows-edited file does not end
    /// up with mixed line endings.
    pub fn restore(&self, text: String) -> String {
        let text = if self.crlf {
            lone_lf_to_crlf(&text)
        } else {
            text
        };
        format!("{}{text}", self.bom)
    }
}

/// Line and column (both from 1, the column in characters) of a parse error in `text`, and the
/// first line of its message.
pub fn parse_error_position(text: &str, err: &toml_edit::TomlError) -> (usize, usize, String) {
    let offset = err.span().map_or(0, |s| s.start).min(text.len());
    // A span can point inside a multi-byte character; step back to a boundary.
    let offset = (0..=offset)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    let message = err.message().lines().next().unwrap_or("").trim().to_owned();
    (line, column, message)
}

pub fn has_lone_lf(text: &str) -> bool {
    text.match_indices('\n')
        .any(|(i, _)| !text[..i].ends_with('\r'))
}

/// Only lone `\n`s: toml_edit keeps a multi-line string's own `\r\n` as it was.
fn lone_lf_to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = '\0';
    for c in text.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Top-level keys are printed before the first table header, since a key after a header would
/// belong to that table. A comment block at the very top of a file that had no top-level keys
/// is the file's own header, though, and toml_edit stores it on the first table; leaving it
/// there would slide our keys above it. Only the part separated from the table by a blank line
/// counts as the file's header: a comment right above a header describes that table.
pub fn keep_file_header_on_top(doc: &mut DocumentMut, first_key: &str) {
    let mut header = String::new();
    if let Some(table) = first_header_table(doc.as_table_mut()) {
        let prefix = table
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_owned();
        let (head, tail) = split_after_last_blank_line(&prefix);
        if head.trim().is_empty() {
            if !starts_with_blank_line(&prefix) {
                table.decor_mut().set_prefix(format!("\n{prefix}"));
            }
        } else {
            header = head.to_owned();
            table.decor_mut().set_prefix(format!("\n{tail}"));
        }
    } else {
        // No table at all: comments live in the document's trailing text, which is printed last.
        let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
        if !trailing.trim().is_empty() {
            header = trailing;
            if !header.ends_with('\n') {
                header.push('\n');
            }
            if !header.ends_with("\n\n") {
                header.push('\n');
            }
            doc.set_trailing("");
        }
    }
    if !header.is_empty()
        && let Some(mut key) = doc.as_table_mut().key_mut(first_key)
    {
        key.leaf_decor_mut().set_prefix(header);
    }
}

fn split_after_last_blank_line(prefix: &str) -> (&str, &str) {
    let mut end = 0;
    let mut pos = 0;
    for line in prefix.split_inclusive('\n') {
        pos += line.len();
        if line.ends_with('\n') && line.trim().is_empty() {
            end = pos;
        }
    }
    prefix.split_at(end)
}

fn starts_with_blank_line(prefix: &str) -> bool {
    prefix
        .split_inclusive('\n')
        .next()
        .is_some_and(|l| l.ends_with('\n') && l.trim().is_empty())
}

/// The table whose `[header]` is printed first.
fn first_header_table(root: &mut Table) -> Option<&mut Table> {
    let pos = first_header_position(root)?;
    table_at_position(root, pos)
}

fn first_header_position(table: &Table) -> Option<isize> {
    let mut best: Option<isize> = None;
    let mut consider = |t: &Table| {
        if let Some(p) = t.position() {
            best = Some(best.map_or(p, |b| b.min(p)));
        }
    };
    fn walk(table: &Table, consider: &mut dyn FnMut(&Table)) {
        for (_, item) in table.iter() {
            match item {
                Item::Table(t) => {
                    if has_header(t) {
                        consider(t);
                    }
                    walk(t, consider);
                }
                Item::ArrayOfTables(a) => {
                    for t in a.iter() {
                        consider(t);
                        walk(t, consider);
                    }
                }
                _ => {}
            }
        }
    }
    walk(table, &mut consider);
    best
}

fn table_at_position(table: &mut Table, pos: isize) -> Option<&mut Table> {
    for (_, item) in table.iter_mut() {
        let candidates: Vec<&mut Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter_mut().collect(),
            _ => continue,
        };
        for t in candidates {
            if has_header(t) && t.position() == Some(pos) {
                return Some(t);
            }
            if let Some(found) = table_at_position(t, pos) {
                return Some(found);
            }
        }
    }
    None
}

/// Whether toml_edit prints a `[header]` line for this table.
fn has_header(t: &Table) -> bool {
    // Dotted tables are key paths, and an implicit table with no values exists only as part of a
    // child's header.
    let headerless = t.is_dotted() || (t.is_implicit() && t.get_values().is_empty());
    !headerless
}

/// Largest header position in the subtree, so a new table can be placed right after it.
pub fn max_position(item: &Item) -> Option<isize> {
    let mut best = None;
    let mut note = |p: Option<isize>| {
        if let Some(p) = p {
            best = Some(best.map_or(p, |b: isize| b.max(p)));
        }
    };
    match item {
        Item::Table(t) => {
            note(t.position());
            for (_, child) in t.iter() {
                note(max_position(child));
            }
        }
        Item::ArrayOfTables(a) => {
            for t in a.iter() {
                note(t.position());
                for (_, child) in t.iter() {
                    note(max_position(child));
                }
            }
        }
        _ => {}
    }
    best
}

/// How a table is written, so a new child table can follow its parent's style.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `[a.b]` header.
    Header,
    /// `a.b.c = …` dotted keys.
    Dotted,
    /// `a = { … }`.
    Inline,
}

pub fn style_of(item: &Item) -> Option<Style> {
    match item {
        Item::Table(t) if t.is_dotted() => Some(Style::Dotted),
        Item::Table(_) => Some(Style::Header),
        Item::Value(Value::InlineTable(_)) => Some(Style::Inline),
        _ => None,
    }
}

fn new_table(style: Style, position: isize) -> Item {
    match style {
        Style::Header => {
            let mut t = Table::new();
            t.set_position(Some(position));
            Item::Table(t)
        }
        Style::Dotted => {
            let mut t = Table::new();
            t.set_dotted(true);
            Item::Table(t)
        }
        Style::Inline => Item::Value(Value::InlineTable(InlineTable::new())),
    }
}

pub fn describe(item: &Item) -> &'static str {
    match item {
        Item::None => "empty",
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "an array of tables",
        Item::Value(v) => describe_value(v),
    }
}

fn describe_value(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a date-time",
        Value::Array(_) => "an array",
        Value::InlineTable(_) => "an inline table",
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        _ => false,
    }
}

pub enum Set {
    Inserted,
    Replaced,
    Same,
}

impl Set {
    pub fn changed(&self) -> bool {
        !matches!(self, Set::Same)
    }
}

/// Sets a scalar key in the table `table`. A scalar of another value or type is replaced (the
/// user asked for this value), keeping its decor so a trailing comment survives; an array or table
/// is refused because replacing structure could discard data we do not understand.
pub fn set_value(table: &mut Item, key: &str, path: &str, value: Value) -> Result<Set, ShapeError> {
    upsert(table, key, path, value, |current, value| {
        if matches!(current, Value::Array(_) | Value::InlineTable(_)) {
            return None;
        }
        if same_value(current, &value) {
            return Some(false);
        }
        let decor = current.decor().clone();
        *current = value;
        *current.decor_mut() = decor;
        Some(true)
    })
}

/// Makes the array `key` hold every string of `values`: a new array when the key is missing,
/// else the missing ones appended after what is there (the user's entries and their order stay).
/// Anything but an array is refused, as in [`set_value`].
pub fn ensure_strings_in_array(
    table: &mut Item,
    key: &str,
    path: &str,
    values: &[String],
) -> Result<Set, ShapeError> {
    upsert(table, key, path, Value::from_iter(values), |current, _| {
        let Value::Array(array) = current else {
            return None;
        };
        let missing: Vec<&String> = values
            .iter()
            .filter(|v| !array.iter().any(|have| have.as_str() == Some(v.as_str())))
            .collect();
        for value in &missing {
            array.push(value.as_str());
        }
        Some(!missing.is_empty())
    })
}

/// Inserts `value` at `key` when nothing is there; else `edit` updates the value in place and
/// says whether it changed it, or `None` for a shape it will not touch (refused, naming `path`).
fn upsert(
    table: &mut Item,
    key: &str,
    path: &str,
    value: Value,
    edit: impl FnOnce(&mut Value, Value) -> Option<bool>,
) -> Result<Set, ShapeError> {
    let existing = table
        .as_table_like_mut()
        .expect("caller checked for a table")
        .get_mut(key);
    let refused = |found: &'static str, value: &Value| ShapeError::NotAValue {
        key: path.to_owned(),
        found,
        wanted: value.to_string().trim().to_owned(),
    };
    match existing {
        None | Some(Item::None) => {
            insert_item(table, key, Item::Value(value));
            Ok(Set::Inserted)
        }
        Some(Item::Value(current)) => {
            let found = describe_value(current);
            match edit(current, value.clone()) {
                Some(true) => Ok(Set::Replaced),
                Some(false) => Ok(Set::Same),
                None => Err(refused(found, &value)),
            }
        }
        Some(other) => Err(refused(describe(other), &value)),
    }
}

/// Appends `key`. In `{ a = 1 }` the space before `}` belongs to the last value, so it moves to
/// the new last value; otherwise the result reads `{ a = 1 , b = 2 }`.
pub fn insert_item(table: &mut Item, key: &str, item: Item) {
    if let Item::Value(Value::InlineTable(inline)) = table {
        let mut closing = None;
        if let Some((_, last)) = inline.iter_mut().last()
            && let Some(suffix) = last.decor().suffix().and_then(|s| s.as_str())
            && !suffix.is_empty()
            && suffix.trim().is_empty()
        {
            closing = Some(suffix.to_owned());
            last.decor_mut().set_suffix("");
        }
        let value = item
            .into_value()
            .expect("only values and tables are inserted");
        inline.insert(key, value);
        if let (Some(suffix), Some(new)) = (closing, inline.get_mut(key)) {
            new.decor_mut().set_suffix(suffix);
        }
    } else if let Some(t) = table.as_table_like_mut() {
        t.insert(key, item);
    }
}

/// Ensures `key` holds a table in `parent`, creating one in the parent's style.
pub fn ensure_table<'a>(
    parent: &'a mut Item,
    key: &str,
    path: &str,
    end_position: isize,
) -> Result<(&'a mut Item, bool), ShapeError> {
    let style = style_of(parent).expect("caller checked for a table");
    let position = max_position(parent).unwrap_or(end_position);
    let created = !parent
        .as_table_like()
        .expect("caller checked for a table")
        .contains_key(key);
    if created {
        insert_item(parent, key, new_table(style, position));
    }
    let item = parent
        .as_table_like_mut()
        .and_then(|t| t.get_mut(key))
        .expect("just ensured");
    if style_of(item).is_none() {
        return Err(ShapeError::NotATable {
            key: path.to_owned(),
            found: describe(item),
        });
    }
    Ok((item, created))
}
