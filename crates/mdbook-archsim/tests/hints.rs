//! The preprocessor's hints are written for any book: an example in a hint
//! names a placeholder (`HOST`, `SCENARIO`) or something of the book's own
//! model, never a host, component, provider or scenario of the Tomoda model
//! the crate happens to be tested on.

use std::collections::BTreeSet;
use std::path::Path;

use archsim_core::Engine;
use mdbook_archsim::{PageOptions, process_page};

/// A model that shares no names with the Tomoda one but the words below.
fn mini() -> Engine {
    let text = include_str!("models/mini.toml").replace(
        "EDGE_SOURCE",
        "assumption = \"The site reads the database.\"\nsettle = \"app/db.yml\"",
    );
    Engine::from_str("mini.toml", &text).unwrap_or_else(|d| panic!("{d:#?}"))
}

/// Words a hint may use although the Tomoda model has them as names too:
/// they are the directive language's own (`dns=`, the `records` table) or
/// the mini model's.
const ALSO_WORDS: &[&str] = &["dns", "user", "providers", "records", "scenarios"];

/// Every name the Tomoda model gives: its zone, record hosts, components,
/// providers, regions and scenarios.
fn tomoda_names() -> BTreeSet<String> {
    let engine = Engine::tomoda().expect("the Tomoda model loads");
    let model = engine.model();
    let mut names = BTreeSet::from([model.zone.name.clone()]);
    names.extend(model.records.iter().map(|r| r.host.clone()));
    names.extend(model.components.iter().map(|c| c.id.clone()));
    names.extend(model.providers.iter().map(|p| p.id.clone()));
    names.extend(model.regions.iter().map(|r| r.id.clone()));
    names.extend(model.scenarios.iter().map(|s| s.id.clone()));
    let mini = mini();
    let mini = mini.model();
    for own in mini.components.iter().map(|c| &c.id) {
        names.remove(own);
    }
    for word in ALSO_WORDS {
        names.remove(*word);
    }
    names
}

#[test]
fn hints_name_no_tomoda_host_component_or_scenario() {
    let engine = mini();
    let names = tomoda_names();
    assert!(
        names.contains("tomoda.life") && names.contains("cloudfront-outage"),
        "the list of Tomoda names must hold its zone and scenarios: {names:?}"
    );
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut hints = 0;
    let mut leaks = Vec::new();
    for entry in std::fs::read_dir(&cases).expect("tests/cases exists") {
        let path = entry.expect("a folder entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("bad-") || name.starts_with("false-")) {
            continue;
        }
        let page = std::fs::read_to_string(&path).expect("a readable case");
        let Err(errors) = process_page(&engine, &PageOptions::default(), &name, &page) else {
            panic!("{name} fails on any model");
        };
        for error in errors {
            let Some(hint) = &error.hint else { continue };
            hints += 1;
            // The hint may repeat what the page itself wrote.
            let line = page.lines().nth(error.line - 1).unwrap_or_default();
            let words = hint
                .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':')))
                .map(|w| w.trim_matches(|c| c == '.' || c == ':'))
                .flat_map(|w| [w, w.rsplit(':').next().unwrap_or(w)]);
            for word in words {
                if names.contains(word) && !line.contains(word) {
                    leaks.push(format!("{name}:{}: `{word}` in {hint:?}", error.line));
                }
            }
        }
    }
    assert!(
        hints >= 20,
        "only {hints} hints seen: the cases no longer reach them"
    );
    assert!(
        leaks.is_empty(),
        "hints name the Tomoda model:\n{}",
        leaks.join("\n")
    );
}
