//! Exports: diagrams start the way their tools expect, and the JSON export
//! holds the whole model.

use crate::common::{Scratch, run, run_in, tomoda};

#[test]
fn json_export_has_every_component_and_resolves_references_to_ids() {
    let listed = run(&["list", "components", "--json"]).json();
    let ids: Vec<&str> = listed["components"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().expect("an id"))
        .collect();
    assert!(!ids.is_empty());
    let model = run(&["export", "json"]).json();
    let exported: Vec<&str> = model["components"]
        .as_array()
        .expect("components")
        .iter()
        .map(|c| c["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(exported, ids);
    for key in [
        "providers",
        "regions",
        "records",
        "writers",
        "edges",
        "flows",
        "scenarios",
        "invariants",
    ] {
        assert!(
            model[key].as_array().is_some_and(|a| !a.is_empty()),
            "{key} is missing or empty"
        );
    }
    // Every reference is an id of something that exists.
    for edge in model["edges"].as_array().expect("edges") {
        for end in ["from", "to"] {
            let id = edge[end].as_str().expect("an id");
            assert!(ids.contains(&id), "edge {end} {id} is not a component");
        }
    }
    for record in model["records"].as_array().expect("records") {
        let target = record["target"].as_str().expect("a target");
        assert!(ids.contains(&target), "record target {target}");
    }
    assert!(
        model["placement"]["questions"]
            .as_array()
            .is_some_and(|q| !q.is_empty())
    );
}

#[test]
fn diagrams_and_json_start_the_way_their_readers_expect() {
    let cases = [
        (["export", "mermaid"], "flowchart LR\n"),
        (["export", "dot"], "digraph"),
        (["export", "json"], "{"),
    ];
    for (args, start) in cases {
        let out = run(&args);
        assert_eq!(out.code, 0, "{args:?}");
        assert!(out.stdout.starts_with(start), "{args:?}:\n{}", out.stdout);
    }
}

#[test]
fn generation_is_deterministic() {
    let a = run(&["gen", "--components", "40", "--seed", "3"]);
    let b = run(&["gen", "--components", "40", "--seed", "3"]);
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, b.stdout);
}

/// A name that tries to end its label and start a node, an edge, a
/// Markdown string, an entity, a tag and a DOT escape, over two lines.
const BREAKOUT: &str = "A \"q\"] --> X[\"b\"]; y -> z [label=\"w\"] | `md` #quot; &amp; <b>i</b> \\N \\\nnext line\u{1b}[2K";

/// The shipped model with `BREAKOUT` as a component's and a provider's name.
fn breakout_model() -> String {
    let toml: String = BREAKOUT
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            '\n' => "\\n".to_owned(),
            '\u{1b}' => "\\u001b".to_owned(),
            c => c.to_string(),
        })
        .collect();
    let source = tomoda();
    // Both names must be in the model, or the test would check nothing.
    for name in ["name = \"Tomoda API (prod)\"", "name = \"Google Cloud\""] {
        assert!(source.contains(name), "the model has no `{name}`");
    }
    source
        .replacen(
            "name = \"Tomoda API (prod)\"",
            &format!("name = \"{toml}\""),
            1,
        )
        .replacen(
            "name = \"Google Cloud\"",
            &format!("name = \"{toml} GCP\""),
            1,
        )
}

/// Every quoted string of a DOT file, unescaped (`\"`, `\\`; `\n` kept).
fn dot_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next() {
                None => panic!("a string never ends:\n{text}"),
                Some('"') => break,
                Some('\\') => match chars.next() {
                    Some(e @ ('"' | '\\')) => s.push(e),
                    Some(e) => {
                        s.push('\\');
                        s.push(e);
                    }
                    None => panic!("a dangling escape:\n{text}"),
                },
                Some(c) => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

/// Every `ID["label"]` label of a Mermaid file, entity codes decoded.
fn mermaid_labels(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let start = line.find("[\"")?;
            let inner = line[start + 2..].strip_suffix("\"]")?;
            assert!(!inner.contains('"'), "a quote inside a label: {line}");
            Some(
                inner
                    .replace("<br/>", "\n")
                    .replace("#quot;", "\"")
                    .replace("#lt;", "<")
                    .replace("#gt;", ">")
                    .replace("#124;", "|")
                    .replace("#96;", "`")
                    .replace("#amp;", "&")
                    .replace("#35;", "#"),
            )
        })
        .collect()
}

#[test]
fn a_name_never_leaves_its_label() {
    let scratch = Scratch::new("breakout");
    scratch.write("m.toml", breakout_model().as_bytes());
    // What the diagram shows: the name, with the escape written visibly.
    let shown = BREAKOUT.replace('\u{1b}', "\\u{1b}");

    let dot = run_in(
        Some(&scratch.0),
        &["--model", "m.toml", "export", "dot"],
        &[],
    );
    assert_eq!(dot.code, 0, "{}", dot.stderr);
    let strings = dot_strings(&dot.stdout);
    let dot_name = shown.replace('\n', "\\n");
    assert!(
        strings.contains(&format!("{dot_name}\\nworkload")),
        "the component's label is not whole:\n{strings:#?}"
    );
    assert!(
        strings.contains(&format!("{dot_name} GCP")),
        "the provider's label is not whole:\n{strings:#?}"
    );
    // As many strings as the shipped model's diagram: none was cut in two.
    assert_eq!(
        strings.len(),
        dot_strings(&run(&["export", "dot"]).stdout).len()
    );

    let mermaid = run_in(
        Some(&scratch.0),
        &["--model", "m.toml", "export", "mermaid"],
        &[],
    );
    assert_eq!(mermaid.code, 0, "{}", mermaid.stderr);
    let labels = mermaid_labels(&mermaid.stdout);
    assert!(
        labels.contains(&format!("{shown}\n<small>workload</small>")),
        "the component's label is not whole:\n{labels:#?}"
    );
    assert!(
        labels.contains(&format!("{shown} GCP")),
        "the provider's label is not whole:\n{labels:#?}"
    );
    let nodes = mermaid.stdout.lines().filter(|l| l.contains("[\"")).count();
    let declared = mermaid_labels(&run(&["export", "mermaid"]).stdout).len();
    assert_eq!(nodes, declared, "{}", mermaid.stdout);
}
