//! `archsim schema`: a JSON Schema (draft-07) of the model file, for
//! editors with a TOML language server (Taplo, Even Better TOML), which
//! read it from the file's first line (`#:schema ./tomoda.schema.json`).
//!
//! Each part has one owner, and the schema only gathers them: the tables
//! and their keys are the loader's (`archsim_core::load::format::tables`,
//! read from the types that parse the file, so a key the loader accepts is
//! in the schema and no other is); the words a key is limited to are the
//! loader's lists (`format::words`, edge kinds from `EdgeKind::ALL`); each
//! key's type, whether it is required, its default and its description are
//! the model-file reference page's (`page`). Draft-07, in keywords draft-04
//! also knows, since editors' validators lag behind the newest drafts.

mod page;

use archsim_core::load::format::{self, Table, Words};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::{Answer, Ctx};
use crate::error::CliError;
use crate::json;

/// The draft the schema is written in.
const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// Print the schema (it needs no model; `--json` changes nothing: it is JSON).
pub fn run(_ctx: &Ctx) -> Result<Answer, CliError> {
    json::to_text(&schema()).map(Answer::new)
}

/// The schema of the model file.
pub fn schema() -> Node {
    let page = page::read(page::PAGE);
    let tables = format::tables();
    let mut root = object(&page, &tables, "");
    root.schema = Some(DRAFT);
    root.title = Some("archsim model file");
    root.description = Some(
        "An architecture model for archsim. Every table and key is described in the book's \
         reference, \"The model file\"."
            .to_owned(),
    );
    root
}

/// One schema, with the keywords this schema uses, in the order a reader
/// wants them.
#[derive(Serialize, Default, Debug)]
pub struct Node {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    schema: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(rename = "enum", skip_serializing_if = "Vec::is_empty")]
    one_of: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<String>,
    #[serde(rename = "anyOf", skip_serializing_if = "Vec::is_empty")]
    any_of: Vec<Node>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Box<Node>>,
    #[serde(skip_serializing_if = "Properties::is_empty")]
    properties: Properties,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    required: Vec<&'static str>,
    #[serde(
        rename = "additionalProperties",
        skip_serializing_if = "Option::is_none"
    )]
    additional: Option<bool>,
}

/// An object's properties, in the loader's key order.
#[derive(Default, Debug)]
struct Properties(Vec<(&'static str, Node)>);

impl Properties {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Properties {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, node) in &self.0 {
            map.serialize_entry(key, node)?;
        }
        map.end()
    }
}

/// A node of one JSON type.
fn typed(kind: &'static str) -> Node {
    Node {
        kind: Some(kind),
        ..Node::default()
    }
}

/// The schema of the table at `path`: its keys, each a nested table or a
/// value described by its row on the page; no other key.
fn object(page: &page::Page, tables: &[Table], path: &str) -> Node {
    let mut node = typed("object");
    node.description = page.about(path).map(str::to_owned);
    node.additional = Some(false);
    let Some(table) = tables.iter().find(|t| t.path == path) else {
        return node;
    };
    for &key in table.keys {
        let inner = if path.is_empty() {
            key.to_owned()
        } else {
            [path, ".", key].concat()
        };
        let value = match tables.iter().find(|t| t.path == inner) {
            Some(nested) => {
                // Described by the paragraph under its heading, else by its row.
                let mut entry = object(page, tables, &inner);
                let about = entry
                    .description
                    .take()
                    .or_else(|| page.row(path, key).map(|row| row.meaning.clone()));
                if nested.many {
                    let mut list = typed("array");
                    list.description = about;
                    list.items = Some(Box::new(entry));
                    list
                } else {
                    entry.description = about;
                    entry
                }
            }
            None => leaf(page, path, key),
        };
        if page
            .row(path, key)
            .is_some_and(|row| row.required.starts_with("yes"))
        {
            node.required.push(key);
        }
        node.properties.0.push((key, value));
    }
    node
}

/// A key's value: its type from the page's Type cell, the words the loader
/// limits it to, its default and its meaning. A key the page does not list
/// is left unconstrained (a test keeps the page complete).
fn leaf(page: &page::Page, table: &str, key: &str) -> Node {
    let Some(row) = page.row(table, key) else {
        if table == "component.assumed" {
            // Its keys are the component's own fields: the page lists them
            // once, in the `assumed` convention.
            let mut node = typed("string");
            node.description = Some(
                [
                    "what the model assumes about the component's `",
                    key,
                    "` alone",
                ]
                .concat(),
            );
            return node;
        }
        return Node::default();
    };
    let words = format::words(table, key);
    let string = || match &words {
        Some(words) => constrained(words),
        None => typed("string"),
    };
    let mut node = match row.kind.as_str() {
        "bool" => typed("boolean"),
        "integer" if (table, key) == ("model", "format") => Node {
            kind: Some("integer"),
            one_of: vec![Value::from(format::FORMAT)],
            ..Node::default()
        },
        "integer" => typed("integer"),
        "string or list" => Node {
            any_of: vec![string(), list(string())],
            ..Node::default()
        },
        kind if kind.starts_with("list") => list(string()),
        _ => string(),
    };
    node.default = default(&row.required, node.kind);
    node.description = Some(match row.kind.as_str() {
        "string" | "bool" | "integer" | "list" | "string or list" => row.meaning.clone(),
        kind => [kind, ": ", &row.meaning].concat(),
    });
    node
}

/// A list of values of one schema.
fn list(items: Node) -> Node {
    let mut node = typed("array");
    node.items = Some(Box::new(items));
    node
}

/// A string limited to the loader's words.
fn constrained(words: &Words) -> Node {
    let mut node = typed("string");
    match words {
        Words::OneOf(words) => node.one_of = words.iter().map(|&w| Value::from(w)).collect(),
        Words::AnyCase(words) => {
            // Editors complete the words as written; any case is read.
            node.any_of = vec![
                Node {
                    one_of: words.iter().map(|&w| Value::from(w)).collect(),
                    ..Node::default()
                },
                Node {
                    pattern: Some(any_case(words)),
                    ..Node::default()
                },
            ];
        }
        Words::Suffixed(words) => {
            node.pattern = Some(["^[^:]*(:(", &words.join("|"), "))?$"].concat());
        }
    }
    node
}

/// `^(?:[Aa]|[Cc][Nn]…)$`: the words in any case, in the regular
/// expressions every JSON Schema validator reads (no flags).
fn any_case(words: &[&str]) -> String {
    let mut out = String::from("^(");
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in word.chars() {
            if c.is_ascii_alphabetic() {
                out.extend(['[', c.to_ascii_uppercase(), c.to_ascii_lowercase(), ']']);
            } else {
                out.push(c);
            }
        }
    }
    out.push_str(")$");
    out
}

/// The default the Required cell names in backticks (`no (default
/// `false`)`), typed as the key's value.
fn default(required: &str, kind: Option<&str>) -> Option<Value> {
    let (_, rest) = required.split_once("default")?;
    let mut parts = rest.split('`');
    let word = parts.nth(1)?;
    Some(match kind {
        Some("boolean") => Value::from(word.parse::<bool>().ok()?),
        _ => Value::from(word),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_reads_every_spelling_of_each_word() {
        assert_eq!(any_case(&["A", "CNAME"]), "^([Aa]|[Cc][Nn][Aa][Mm][Ee])$");
    }

    #[test]
    fn defaults_come_from_backticks_and_take_the_value_type() {
        let cases: [(&str, Option<&str>, Option<Value>); 4] = [
            (
                "no (default `false`)",
                Some("boolean"),
                Some(Value::from(false)),
            ),
            (
                "no (default `shared`)",
                Some("string"),
                Some(Value::from("shared")),
            ),
            ("no (default: the id)", Some("string"), None),
            ("yes", Some("string"), None),
        ];
        for (required, kind, expected) in cases {
            assert_eq!(default(required, kind), expected, "{required}");
        }
    }
}
