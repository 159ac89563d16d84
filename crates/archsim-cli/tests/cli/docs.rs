//! `JSON.md` is a contract: every example in it is checked against what the
//! command it shows really prints.
//!
//! An example is a ```sh block holding one `archsim …` line, followed by a
//! ```json block. The example matches the output when its objects have
//! exactly the output's keys, its lists are in-order selections of the
//! output's lists, and its strings are equal (or, ending in `…`, a prefix).

use std::path::Path;

use serde_json::Value;

use crate::common::{Scratch, run_in};

/// The examples: (command line, example JSON text).
fn examples(markdown: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = markdown.lines();
    let mut pending: Option<String> = None;
    while let Some(line) = lines.next() {
        match line.trim() {
            "```sh" => {
                let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
                pending = match block.as_slice() {
                    [one] if one.starts_with("archsim ") => Some(one.to_string()),
                    _ => None,
                };
            }
            "```json" => {
                let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
                if let Some(command) = pending.take() {
                    out.push((command, block.join("\n")));
                }
            }
            "" => {}
            _ => pending = None,
        }
    }
    out
}

fn matches(example: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (example, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let mut ek: Vec<&String> = e.keys().collect();
            let mut ak: Vec<&String> = a.keys().collect();
            ek.sort();
            ak.sort();
            if ek != ak {
                return Err(format!("{at}: keys {ek:?}, but the output has {ak:?}"));
            }
            for (k, v) in e {
                matches(v, &a[k], &format!("{at}/{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            let mut rest = a.iter().enumerate();
            for (i, item) in e.iter().enumerate() {
                let found = rest
                    .by_ref()
                    .any(|(j, candidate)| matches(item, candidate, &format!("{at}/{j}")).is_ok());
                if !found {
                    return Err(format!("{at}/{i}: {item} is not in the output (in order)"));
                }
            }
            Ok(())
        }
        (Value::String(e), Value::String(a)) => match e.strip_suffix('…') {
            Some(prefix) if a.starts_with(prefix) => Ok(()),
            _ if e == a => Ok(()),
            _ => Err(format!("{at}: {e:?}, but the output says {a:?}")),
        },
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{at}: {e}, but the output says {a}")),
    }
}

#[test]
fn json_md_examples_are_what_the_commands_print() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("JSON.md");
    let markdown = std::fs::read_to_string(path).expect("JSON.md exists");
    let examples = examples(&markdown);
    assert!(
        examples.len() >= 12,
        "only {} examples found",
        examples.len()
    );
    // Examples run beside `proxied.toml`: the shipped model with one
    // record proxied, the example of a model that breaks an invariant;
    // and the pairs `diff` compares (`tomoda.toml`, `search.toml`,
    // `cached-origin.toml`, `backup-aws.toml`, `www-terraform.toml`:
    // `diff::write_pairs`).
    let scratch = Scratch::new("json-md");
    crate::diff::write_pairs(&scratch);
    let mut wrong = Vec::new();
    for (command, text) in &examples {
        let example: Value = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("JSON.md: the example of `{command}` is not JSON: {e}"));
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let out = run_in(Some(&scratch.0), &args, &[]);
        if let Err(problem) = matches(&example, &out.json(), "") {
            wrong.push(format!("`{command}`: {problem}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "JSON.md is out of date:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_matcher_accepts_selections_and_rejects_differences() {
    let actual: Value = serde_json::from_str(r#"{"a": [1, 2, 3], "s": "hello world"}"#).unwrap();
    let cases = [
        (r#"{"a": [1, 3], "s": "hello…"}"#, true),
        (r#"{"a": [], "s": "hello world"}"#, true),
        (r#"{"a": [3, 1], "s": "hello world"}"#, false),
        (r#"{"a": [1], "s": "hello"}"#, false),
        (r#"{"a": [1]}"#, false),
        (r#"{"a": [1], "s": "hello world", "b": 1}"#, false),
    ];
    for (example, ok) in cases {
        let example: Value = serde_json::from_str(example).unwrap();
        assert_eq!(matches(&example, &actual, "").is_ok(), ok, "{example}");
    }
}

/// JSON.md names every edge kind the model format has, in the row that
/// says what `kind` may be: a new kind cannot slip past the contract.
#[test]
fn json_md_names_every_edge_kind() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("JSON.md");
    let markdown = std::fs::read_to_string(path).expect("JSON.md exists");
    let row = markdown
        .lines()
        .find(|l| l.starts_with("| `edges[]`"))
        .expect("JSON.md has a row for edges[]");
    let missing: Vec<&str> = archsim_core::EdgeKind::ALL
        .iter()
        .map(|k| k.as_str())
        .filter(|k| !row.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "JSON.md's edges[] row does not name {missing:?}"
    );
}

#[test]
fn help_names_the_json_reference_as_the_book_titles_it() {
    // Issue 20: `--help` said "see JSON.md", a file a reader of the book
    // never meets; the book includes it under its own title.
    let summary = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src/SUMMARY.md"),
    )
    .expect("the book's SUMMARY.md");
    let title = summary
        .lines()
        .find_map(|l| {
            let (title, rest) = l.trim().strip_prefix("- [")?.split_once("](")?;
            (rest.trim_end_matches(')') == "reference/json.md").then_some(title)
        })
        .expect("the book lists reference/json.md");
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src/reference/json.md"),
    )
    .expect("the book's JSON page");
    assert!(
        page.contains("crates/archsim-cli/JSON.md"),
        "the premise: the book's page is JSON.md"
    );
    let help = crate::common::run(&["--help"]);
    let text = &help.stdout;
    assert!(
        text.contains(&format!("\"{title}\"")),
        "--help does not name the book's page \"{title}\":\n{text}"
    );
}
