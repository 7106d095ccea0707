//! Editing a JSON file a person or another program formats: parse it in key order
//! (`serde_json` with `preserve_order`) and print it back in the file's own indentation, line
//! endings, byte-order mark and final newline. A file in the layout `JSON.stringify(v, null, N)`
//! writes (what the MCP clients write) therefore keeps every byte authsetup did not change.
//! Comments (JSONC) are not JSON: such a file is refused rather than stripped of them.

use serde::Serialize;
use serde_json::ser::PrettyFormatter;
use serde_json::{Map, Value};

/// How a JSON file is laid out, so that a rewrite looks like the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonStyle {
    indent: String,
    crlf: bool,
    bom: bool,
    final_newline: bool,
}

impl Default for JsonStyle {
    /// What the MCP clients write themselves: two spaces, LF, a final newline.
    fn default() -> Self {
        JsonStyle {
            indent: "  ".into(),
            crlf: false,
            bom: false,
            final_newline: true,
        }
    }
}

impl JsonStyle {
    /// The style of `text` and its JSON without the byte-order mark.
    pub fn of(text: &str) -> (JsonStyle, &str) {
        let (bom, body) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let indent = body
            .lines()
            .skip(1)
            .map(|l| {
                let width = l.len() - l.trim_start_matches([' ', '\t']).len();
                &l[..width]
            })
            .find(|w| !w.is_empty())
            .unwrap_or("  ")
            .to_owned();
        let style = JsonStyle {
            indent,
            crlf: body.contains("\r\n"),
            bom,
            final_newline: body.ends_with('\n') || body.trim().is_empty(),
        };
        (style, body)
    }

    /// `value` printed in this style.
    pub fn render(&self, value: &Value) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut out,
            PrettyFormatter::with_indent(self.indent.as_bytes()),
        );
        value
            .serialize(&mut ser)
            .expect("a serde_json::Value always serialises");
        let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
        if self.final_newline {
            text.push('\n');
        }
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        if self.bom {
            text.insert(0, '\u{feff}');
        }
        text
    }
}

/// Why a text is not a JSON object: where, and what serde_json says (without its position,
/// which the caller prints in `file:line:column` form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSyntax {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a JSON text whose top level must be an object; an empty (or blank) text is an empty
/// object, as every MCP client treats a file it just created.
pub fn parse_object(body: &str) -> Result<Map<String, Value>, JsonSyntax> {
    if body.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(JsonSyntax {
            line: 1,
            column: 1,
            message: format!("the file is {}, not a JSON object", describe(&other)),
        }),
        Err(e) => {
            let text = e.to_string();
            let message = text.split(" at line ").next().unwrap_or(&text).to_owned();
            Err(JsonSyntax {
                line: e.line(),
                column: e.column(),
                message,
            })
        }
    }
}

/// What a value is, for messages.
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_its_own_style_prints_back_byte_for_byte() {
        for text in [
            "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [\n      \"x\"\n    ]\n  }\n}\n",
            "{\n\t\"z\": true,\n\t\"a\": {}\n}",
            "\u{feff}{\r\n    \"k\": \"v\"\r\n}\r\n",
        ] {
            let (style, body) = JsonStyle::of(text);
            let value = Value::Object(parse_object(body).unwrap());
            assert_eq!(style.render(&value), text);
        }
    }

    #[test]
    fn not_an_object_or_not_json_is_located() {
        assert_eq!(parse_object(" \n").unwrap(), Map::new());
        let e = parse_object("[1]").unwrap_err();
        assert!(e.message.contains("an array"), "{e:?}");
        let e = parse_object("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
        assert!(!e.message.contains("line"), "{e:?}");
        let e = parse_object("{\n  // note\n  \"a\": 1\n}").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
