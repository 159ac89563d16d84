//! `archsim schema`: the committed schema beside the model is the
//! command's output; the shipped model is valid against it; and the schema
//! and the loader agree, key by key, on which keys exist, which are
//! required, and which values are of the wrong type or outside their words.

use std::sync::OnceLock;

use archsim_core::load::format::{self, Table};
use archsim_core::load_str;
use serde_json::Value;

use crate::common::{run, tomoda};

/// The schema file the shipped model names on its first line.
const COMMITTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../book/model/tomoda.schema.json"
);

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let run = run(&["schema"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()
    })
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| jsonschema::draft7::new(schema()).expect("the schema compiles"))
}

/// A model file's text as the JSON a validator reads.
fn as_json(text: &str) -> Value {
    toml::from_str(text).unwrap_or_else(|e| panic!("not TOML ({e}):\n{text}"))
}

/// What the validator says about a model file's text: its first error.
fn schema_error(text: &str) -> Option<String> {
    let json = as_json(text);
    validator()
        .iter_errors(&json)
        .next()
        .map(|e| format!("{e} at {}", e.instance_path()))
}

/// The loader's first error code for a model file's text.
fn loader_error(text: &str) -> Option<(String, String)> {
    let loaded = load_str("edited.toml", text);
    loaded
        .diagnostics
        .iter()
        .find(|d| d.severity == archsim_core::Severity::Error)
        .map(|d| (d.code.to_string(), d.message.clone()))
}

#[test]
fn the_committed_schema_is_the_commands_output() {
    let printed = run(&["schema"]).stdout;
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(COMMITTED, &printed).expect("write the schema");
        return;
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == printed,
        "book/model/tomoda.schema.json is not what `archsim schema` prints; \
         run `UPDATE_SNAPSHOTS=1 cargo test -p archsim-cli --test cli schema` and review it"
    );
    assert!(
        tomoda().starts_with("#:schema ./tomoda.schema.json\n"),
        "the model names its schema on its first line"
    );
}

#[test]
fn the_schema_is_a_valid_draft_07_schema_also_read_as_draft_04() {
    assert_eq!(
        schema()["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    jsonschema::draft7::meta::validate(schema()).expect("a draft-07 schema");
    // Editors' validators may be older: the schema uses no keyword draft-04 lacks.
    jsonschema::draft4::meta::validate(schema()).expect("a draft-04 schema");
}

#[test]
fn the_shipped_model_is_valid_against_the_schema_in_either_draft() {
    let model = as_json(&tomoda());
    let errors: Vec<String> = validator()
        .iter_errors(&model)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let draft4 = jsonschema::draft4::new(schema()).expect("compiles as draft-04");
    assert!(draft4.is_valid(&model));
}

/// An edit of the shipped model, and what the schema and the loader make
/// of it: `None` when both accept it, else the loader's error code (the
/// schema must reject it too).
struct Edit {
    what: &'static str,
    find: &'static str,
    replace: &'static str,
    loader: Option<&'static str>,
}

#[test]
fn the_schema_rejects_what_the_loader_rejects_for_its_shape() {
    let edits = [
        Edit {
            what: "a bool written as a string",
            find: "\nproxied = false",
            replace: "\nproxied = \"yes\"",
            loader: Some("schema"),
        },
        Edit {
            what: "an unknown key",
            find: "[[component]]\n",
            replace: "[[component]]\ncolour = \"red\"\n",
            loader: Some("schema"),
        },
        Edit {
            what: "an unknown table",
            find: "[zone]\n",
            replace: "[colour]\nname = \"red\"\n\n[zone]\n",
            loader: Some("schema"),
        },
        Edit {
            what: "a missing required key",
            find: "\nwhy = \"GKE is home",
            replace: "\nwhen = \"GKE is home",
            loader: Some("schema"),
        },
        Edit {
            what: "an edge kind that is none",
            find: "kind = \"request\"",
            replace: "kind = \"sometimes\"",
            loader: Some("unknown-value"),
        },
        Edit {
            what: "a `needs` entry with a kind that is none",
            find: "[[component]]\n",
            replace: "[[component]]\nneeds = [\"gke:sometimes\"]\n",
            loader: Some("unknown-value"),
        },
        Edit {
            what: "an environment that is none",
            find: "env = \"shared\"",
            replace: "env = \"staging\"",
            loader: Some("unknown-value"),
        },
        Edit {
            what: "a record type that is none",
            find: "type = \"CNAME\"",
            replace: "type = \"SRV\"",
            loader: Some("unknown-record-type"),
        },
        Edit {
            what: "a record type in lower case",
            find: "type = \"CNAME\"",
            replace: "type = \"cname\"",
            loader: None,
        },
        Edit {
            what: "a check that is none",
            find: "check = \"placement\"",
            replace: "check = \"everything\"",
            loader: Some("unknown-value"),
        },
        Edit {
            what: "a format this archsim does not read",
            find: "format = 1",
            replace: "format = 2",
            loader: Some("unsupported-format"),
        },
    ];
    let shipped = tomoda();
    for edit in edits {
        assert!(shipped.contains(edit.find), "{}: not found", edit.what);
        let text = shipped.replacen(edit.find, edit.replace, 1);
        let loader = loader_error(&text);
        assert_eq!(
            loader.as_ref().map(|(code, _)| code.as_str()),
            edit.loader,
            "{}: the loader said {loader:?}",
            edit.what
        );
        let schema = schema_error(&text);
        assert_eq!(
            schema.is_some(),
            edit.loader.is_some(),
            "{}: the schema said {schema:?}",
            edit.what
        );
    }
}

/// The schema of the table at `path`: an object, an array's items for a
/// table the file lists.
fn table_schema<'a>(schema: &'a Value, tables: &[Table], path: &str) -> &'a Value {
    if path.is_empty() {
        return schema;
    }
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let node = &table_schema(schema, tables, parent)["properties"][key];
    let table = tables.iter().find(|t| t.path == path).expect("a table");
    if table.many { &node["items"] } else { node }
}

#[test]
fn every_key_the_loader_accepts_is_in_the_schema_and_no_other_with_a_description() {
    let tables = format::tables();
    assert!(tables.len() > 10);
    for table in &tables {
        let node = table_schema(schema(), &tables, table.path);
        assert_eq!(node["type"], "object", "{}", table.path);
        assert_eq!(node["additionalProperties"], false, "{}", table.path);
        let keys: Vec<&str> = node["properties"]
            .as_object()
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut expected = table.keys.to_vec();
        expected.sort_unstable();
        assert_eq!(keys, expected, "the keys of `{}`", table.path);
        for &key in table.keys {
            let nested = if table.path.is_empty() {
                key.to_owned()
            } else {
                [table.path, ".", key].concat()
            };
            if tables.iter().any(|t| t.path == nested) {
                continue;
            }
            let property = &node["properties"][key];
            let described = property["description"]
                .as_str()
                .is_some_and(|d| !d.trim().is_empty() && !d.ends_with(": "));
            assert!(
                described,
                "`{}.{key}` has no description: give it a row on the model-file reference page",
                table.path
            );
            assert!(
                property.get("type").is_some() || property.get("anyOf").is_some(),
                "`{}.{key}` has no type: its row's Type cell is not read",
                table.path
            );
        }
    }
}

/// The header of a table's entries in the file, and how a key is written
/// in one: `[[record]]`, `key = VALUE`.
fn entry_form(path: &str) -> (String, &'static str, &'static str) {
    match path {
        "component.assumed" => ("[[component]]".into(), "assumed = { ", " }"),
        "model" | "zone" => (["[", path, "]"].concat(), "", ""),
        _ => (["[[", path, "]]"].concat(), "", ""),
    }
}

/// The shipped model with the first entry of `path` changed: the line of
/// `key` (if any) removed, and `line` (if any) added after the header.
/// `None` when no entry can be edited (the table has no entry).
fn with_key(shipped: &str, path: &str, key: &str, value: Option<&str>) -> Option<String> {
    let (header, open, close) = entry_form(path);
    let start = shipped.find(&[header.as_str(), "\n"].concat())? + header.len() + 1;
    let end = shipped[start..]
        .find("\n[")
        .map_or(shipped.len(), |at| start + at + 1);
    let mut entry: Vec<&str> = shipped[start..end]
        .lines()
        .filter(|line| {
            let written = [key, " = "].concat();
            open.is_empty() && !line.starts_with(&written)
                || !open.is_empty() && !line.starts_with(open)
        })
        .collect();
    let line = value.map(|v| [open, key, " = ", v, close].concat());
    if let Some(line) = &line {
        entry.insert(0, line);
    }
    Some([&shipped[..start], &entry.join("\n"), "\n", &shipped[end..]].concat())
}

/// The shipped model without any section of the file's table `key`
/// (`[zone]`, every `[[component]]`, `[[placement.rule]]` for `placement`).
fn without_table(shipped: &str, key: &str) -> String {
    let mut out = String::new();
    let mut dropping = false;
    for line in shipped.split_inclusive('\n') {
        if line.starts_with('[') {
            let name = line.trim().trim_matches(|c| c == '[' || c == ']');
            dropping = name == key || name.starts_with(&[key, "."].concat());
        }
        if !dropping {
            out.push_str(line);
        }
    }
    out
}

#[test]
fn the_schema_and_the_loader_agree_on_which_tables_are_required() {
    let shipped = tomoda();
    let required = schema()["required"].as_array().expect("required tables");
    for &key in format::tables()[0].keys {
        let dropped = without_table(&shipped, key);
        assert_ne!(dropped, shipped, "the model has no `{key}`");
        let missing =
            loader_error(&dropped).is_some_and(|(_, message)| message.contains("missing field"));
        assert_eq!(
            missing,
            required.iter().any(|r| r == key),
            "`{key}`: the loader {} it",
            if missing {
                "requires"
            } else {
                "does not require"
            },
        );
    }
}

/// A value the schema takes for a key, and one of another type.
fn values(property: &Value) -> (String, &'static str) {
    let kind = property["type"]
        .as_str()
        .or_else(|| property["anyOf"][0]["type"].as_str());
    let good = match kind {
        Some("boolean") => "true".to_owned(),
        Some("integer") => property["enum"][0].to_string(),
        Some("array") => "[]".to_owned(),
        Some("object") => "{}".to_owned(),
        _ => match property["enum"]
            .get(0)
            .or(property["anyOf"][0]["enum"].get(0))
        {
            Some(word) => word.to_string(),
            None => "\"x\"".to_owned(),
        },
    };
    let bad = if kind == Some("integer") {
        "\"x\""
    } else {
        "7"
    };
    (good, bad)
}

#[test]
fn the_schema_and_the_loader_agree_on_each_keys_type_and_whether_it_is_required() {
    let tables = format::tables();
    let shipped = tomoda();
    let mut checked = 0;
    for table in tables.iter().filter(|t| !t.path.is_empty()) {
        let node = table_schema(schema(), &tables, table.path);
        let required: Vec<&str> = node["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for &key in table.keys {
            let nested = [table.path, ".", key].concat();
            if tables.iter().any(|t| t.path == nested && t.many) {
                continue;
            }
            let Some(dropped) = with_key(&shipped, table.path, key, None) else {
                continue;
            };
            checked += 1;
            let at = [table.path, ".", key].concat();
            // Required: the loader misses the key exactly when the schema requires it.
            let missing = loader_error(&dropped)
                .is_some_and(|(_, message)| message.contains("missing field"));
            assert_eq!(
                missing,
                required.contains(&key),
                "`{at}`: the loader {} it, the schema does {}",
                if missing {
                    "requires"
                } else {
                    "does not require"
                },
                if required.contains(&key) { "" } else { "not" },
            );
            // Type: a value the schema takes is no `schema` error for the
            // loader (it may be another error: a value is not a reference);
            // a value of another type is one for both.
            let (good, bad) = values(&node["properties"][key]);
            let text = with_key(&shipped, table.path, key, Some(&good)).expect("an entry");
            assert_eq!(
                schema_error(&text),
                None,
                "`{at} = {good}`: the schema rejects it"
            );
            let loader = loader_error(&text);
            assert!(
                loader.as_ref().is_none_or(|(code, _)| code != "schema"),
                "`{at} = {good}`: the schema takes it, the loader says {loader:?}"
            );
            let text = with_key(&shipped, table.path, key, Some(bad)).expect("an entry");
            assert!(
                schema_error(&text).is_some(),
                "`{at} = {bad}`: the schema takes it"
            );
            let loader = loader_error(&text);
            assert!(
                loader.as_ref().is_some_and(|(code, _)| code == "schema"),
                "`{at} = {bad}`: the schema rejects it, the loader says {loader:?}"
            );
        }
    }
    assert!(checked > 100, "only {checked} keys checked");
}
