//! Exports: diagrams start the way their tools expect, and the JSON export
//! holds the whole model.

use crate::common::run;

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
