//! Every answer says what it rests on: checked or assumed, the facts, and
//! each assumption with what it is about and where it would be settled.
//!
//! The shipped model is walked by property (its hosts, scenarios and
//! questions), so the checks hold whatever entries it has; the exact words
//! are checked on a tiny model written here.

use serde_json::Value;

use crate::common::{Run, Scratch, run_in};

/// A tiny model: a zone, a web server and its database. Every entry names
/// a fact but the edge `web → db` (`edge_source` goes there), the scenario
/// `web-restart` and the database's kind, which are assumptions.
fn tiny(edge_source: &str) -> String {
    format!(
        r#"[model]
name = "Tiny"
format = 1

[[fact]]
id = "F01"
says = "The zone answers for tiny.test."

[[fact]]
id = "F02"
says = "The site is served by one web server."

[zone]
facts = ["F01"]
name = "tiny.test"
component = "zone"

[[provider]]
facts = ["F01"]
id = "dns"
name = "DNS"
job = "DNS only"
why = "It holds the zone"

[[provider]]
facts = ["F02"]
id = "host"
name = "Host"
job = "Serves the site"
why = "It runs the web server"

[[placement.question]]
id = "dns"
ask = "Is DNS?"

[[placement.rule]]
facts = ["F01"]
id = "dns"
provider = "dns"
if_any = ["dns"]
says = "DNS is the DNS provider's."

[[writer]]
facts = ["F01"]
id = "hand"
name = "by hand"
source = "zone.txt"
owns = ["*.tiny.test"]
adds = "Add a line."
serves = "Every host"

[[component]]
facts = ["F01"]
id = "zone"
name = "tiny.test zone"
kind = "dns-zone"
provider = "dns"
env = "shared"
traits = ["dns"]

[[component]]
facts = ["F02"]
id = "web"
name = "web server"
kind = "server"
provider = "host"
env = "shared"

[[component]]
facts = ["F02"]
id = "db"
name = "database"
kind = "database"
provider = "host"
env = "shared"
assumed = {{ kind = "A database, not a cache." }}

[[record]]
facts = ["F01", "F02"]
host = "www.tiny.test"
type = "A"
target = "web"
writer = "hand"
env = "shared"

[[edge]]
from = "web"
to = "db"
kind = "request"
{edge_source}

[[scenario]]
facts = ["F02"]
id = "db-down"
name = "Database down"
fail = ["db"]
teaches = "The site needs its database."

[[scenario]]
assumption = "Web servers are restarted by hand."
settle = "ops/runbook.md"
id = "web-restart"
name = "Web restart"
reschedule = ["web"]
teaches = "A restart needs nothing more."
"#
    )
}

/// The edge as the tiny model states it: an assumption, with where it
/// would be settled.
const ASSUMED_EDGE: &str = "assumption = \"The web server reads the database on every request.\"\nsettle = \"web/config.yaml\"";

/// Every `basis` object in a JSON document, with where it is.
fn bases<'a>(value: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                if k == "basis" {
                    out.push((at.clone(), v));
                }
                bases(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                bases(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Check one basis's shape and its one rule: checked exactly when it
/// assumes nothing. Returns whether it is checked.
fn check_basis(what: &str, basis: &Value) -> bool {
    let keys: Vec<&str> = basis
        .as_object()
        .unwrap_or_else(|| panic!("{what}: basis is not an object: {basis}"))
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 3, "{what}: {basis}");
    let checked = basis["checked"]
        .as_bool()
        .unwrap_or_else(|| panic!("{what}: checked is not a bool: {basis}"));
    let assumptions = basis["assumptions"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: assumptions is not a list: {basis}"));
    assert_eq!(
        checked,
        assumptions.is_empty(),
        "{what}: checked must be false exactly when something is assumed: {basis}"
    );
    let facts: Vec<&str> = basis["facts"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: facts is not a list: {basis}"))
        .iter()
        .map(|f| f.as_str().unwrap_or_else(|| panic!("{what}: fact {f}")))
        .collect();
    let mut sorted = facts.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(facts, sorted, "{what}: facts sorted, each once");
    for a in assumptions {
        let object = a.as_object().unwrap_or_else(|| panic!("{what}: {a}"));
        assert_eq!(object.len(), 3, "{what}: about, text, settle: {a}");
        for key in ["about", "text"] {
            assert!(
                a[key].as_str().is_some_and(|s| !s.trim().is_empty()),
                "{what}: {key} must say something: {a}"
            );
        }
        assert!(
            a["settle"].is_null() || a["settle"].is_string(),
            "{what}: settle is a string or null: {a}"
        );
    }
    checked
}

/// The commands that answer something, for the model `export json` printed.
fn answering_commands(model: &Value) -> Vec<Vec<String>> {
    let strings = |list: &Value, key: &str| -> Vec<String> {
        list.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v[key].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    let word = |w: &str| w.to_owned();
    for host in strings(&model["records"], "host") {
        out.push(vec![word("route"), host.clone()]);
        out.push(vec![word("dns"), host]);
    }
    for scenario in strings(&model["scenarios"], "id") {
        out.push(vec![word("fail"), scenario]);
    }
    for question in strings(&model["placement"]["questions"], "id") {
        out.push(vec![word("place"), word("--answer"), question]);
    }
    let zone = model["zone"]["name"].as_str().unwrap_or("");
    out.push(vec![word("route"), format!("no-such-host.{zone}")]);
    out.push(vec![word("spof")]);
    out.push(vec![word("place"), word("--audit")]);
    out.push(vec![word("place")]);
    out.push(vec![word("scenarios")]);
    out
}

fn run_model(scratch: &Scratch, file: &str, args: &[&str]) -> Run {
    let mut full = vec!["--model", file];
    full.extend(args);
    run_in(Some(&scratch.0), &full, &[])
}

#[test]
fn every_answer_is_checked_exactly_when_it_assumes_nothing() {
    let scratch = Scratch::new("basis-json");
    let shipped = crate::common::tomoda();
    scratch.write("tomoda.toml", shipped.as_bytes());
    scratch.write("tiny.toml", tiny(ASSUMED_EDGE).as_bytes());
    for file in ["tomoda.toml", "tiny.toml"] {
        let model = run_model(&scratch, file, &["export", "json"]).json();
        let (mut checked, mut assumed) = (0, 0);
        for args in answering_commands(&model) {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.push("--json");
            let out = run_model(&scratch, file, &args);
            assert_eq!(out.code, 0, "{file} {args:?}: {}", out.stdout);
            let json = out.json();
            let mut found = Vec::new();
            bases(&json, String::new(), &mut found);
            assert!(!found.is_empty(), "{file} {args:?} says no basis");
            for (at, basis) in found {
                if check_basis(&format!("{file} {args:?} {at}"), basis) {
                    checked += 1;
                } else {
                    assumed += 1;
                }
            }
        }
        // Both kinds occur, so the rule above was tried both ways.
        assert!(
            checked > 0 && assumed > 0,
            "{file}: {checked} checked, {assumed} assumed"
        );
    }
}

#[test]
fn an_answer_names_its_facts_and_its_assumptions_with_where_to_settle_them() {
    let scratch = Scratch::new("basis-tiny");
    scratch.write("tiny.toml", tiny(ASSUMED_EDGE).as_bytes());
    let json = run_model(&scratch, "tiny.toml", &["route", "www.tiny.test", "--json"]).json();
    let expected: Value = serde_json::from_str(
        r#"{
            "checked": false,
            "facts": ["F01", "F02"],
            "assumptions": [{
                "about": "web → db",
                "text": "The web server reads the database on every request.",
                "settle": "web/config.yaml"
            }]
        }"#,
    )
    .unwrap();
    assert_eq!(json["basis"], expected, "ok rests on web's list of needs");
    // Who writes the record reads no edge: checked.
    let json = run_model(&scratch, "tiny.toml", &["dns", "www.tiny.test", "--json"]).json();
    assert_eq!(json["basis"]["checked"], Value::Bool(true), "{json}");
    assert_eq!(json["basis"]["facts"], serde_json::json!(["F01", "F02"]));
    // A fail answer: the scenario itself, and each flow.
    let json = run_model(&scratch, "tiny.toml", &["fail", "web-restart", "--json"]).json();
    assert_eq!(
        json["basis"]["assumptions"][0]["about"],
        Value::from("scenario web-restart")
    );
    assert_eq!(
        json["basis"]["assumptions"][0]["settle"],
        Value::from("ops/runbook.md")
    );
    let json = run_model(&scratch, "tiny.toml", &["fail", "db-down", "--json"]).json();
    assert_eq!(json["basis"]["checked"], Value::Bool(true));
    assert_eq!(json["basis"]["facts"], serde_json::json!(["F02"]));
}

#[test]
fn the_text_says_the_same_the_same_way_in_every_command() {
    let scratch = Scratch::new("basis-text");
    scratch.write("tiny.toml", tiny(ASSUMED_EDGE).as_bytes());
    let assumption = "[1] web → db: The web server reads the database on every request.";
    let settle = "      settle: web/config.yaml\n";
    // (arguments, what stdout says, what it does not)
    let cases: &[(&[&str], &[&str], &[&str])] = &[
        (
            &["route", "www.tiny.test"],
            &["\nBasis  ? assumed · facts F01, F02\n", assumption, settle],
            &["Facts", "✓ checked"],
        ),
        (
            &["route", "www.tiny.test", "--verbose"],
            &[
                assumption,
                "\nFacts\n  F01  The zone answers for tiny.test.\n  F02  The site is served by one web server.\n",
            ],
            &[],
        ),
        (
            &["route", "new.tiny.test"],
            &["∅ no record", "\nBasis  ✓ checked · facts F01\n"],
            &["Assumptions"],
        ),
        (
            &["dns", "www.tiny.test"],
            &["\nBasis  ✓ checked · facts F01, F02\n"],
            &["Assumptions", "? assumed"],
        ),
        (
            &["fail", "db-down", "web-restart"],
            &[
                "scenario    db-down (Database down)",
                "✓ checked · facts F02",
                "? assumed [1] · facts F02",
                "✖ down  ? assumed [1,2]  web → db",
                "facts F01, F02",
                "1 down; 1 assumed",
                "[1] scenario web-restart: Web servers are restarted by hand.",
                "      settle: ops/runbook.md\n",
                "[2] web → db: The web server reads",
            ],
            &[],
        ),
        (
            &["spof"],
            &["BASIS", "? assumed [1]  zone, web, db", assumption, settle],
            &[],
        ),
        (
            &["place", "--dns"],
            &["\nBasis  ✓ checked · facts F01\n"],
            &["Assumptions"],
        ),
        (
            &["place", "--audit"],
            &["BASIS", "✓ checked", "3 checked"],
            &["? assumed"],
        ),
        (
            &["scenarios"],
            &[
                "✓ checked · facts F02",
                "? assumed [1] · facts F02",
                "[1] scenario web-restart: Web servers are restarted by hand.",
            ],
            &[],
        ),
    ];
    for (args, says, not) in cases {
        let out = run_model(&scratch, "tiny.toml", args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        for text in *says {
            assert!(
                out.stdout.contains(text),
                "{args:?} does not say {text:?}:\n{}",
                out.stdout
            );
        }
        for text in *not {
            assert!(
                !out.stdout.contains(text),
                "{args:?} says {text:?}:\n{}",
                out.stdout
            );
        }
    }
}

#[test]
fn facts_and_settle_from_the_model_are_shown_never_obeyed() {
    let scratch = Scratch::new("basis-escapes");
    let model = tiny(&ASSUMED_EDGE.replace("web/config.yaml", "web/\\u001b[2Jx.yaml")).replace(
        "The zone answers for tiny.test.",
        "The zone \\u001b]8;;http://x\\u0007answers.",
    );
    scratch.write("tiny.toml", model.as_bytes());
    let out = run_model(
        &scratch,
        "tiny.toml",
        &["route", "www.tiny.test", "--verbose"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains('\u{1b}'), "{:?}", out.stdout);
    assert!(
        out.stdout.contains(r"settle: web/\u{1b}[2Jx.yaml"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains(r"F01  The zone \u{1b}]8;;http://x\u{7}answers."),
        "{}",
        out.stdout
    );
}

/// Where the model's text has `needle`: its 1-based line.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l == needle)
        .map(|i| i + 1)
        .expect("the needle is in the model")
}

#[test]
fn an_unsourced_edge_fails_check_at_its_line() {
    let scratch = Scratch::new("basis-unsourced");
    let unsourced = tiny("");
    let line = line_of(&unsourced, "from = \"web\"");
    scratch.write("unsourced.toml", unsourced.as_bytes());
    scratch.write("sourced.toml", tiny(ASSUMED_EDGE).as_bytes());
    let at = format!("--> unsourced.toml:{line}:8");

    let out = run_model(&scratch, "unsourced.toml", &["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    for text in [
        "error[unsourced]: edge `web → db` is unsourced",
        at.as_str(),
        "hint: add `facts",
    ] {
        assert!(
            out.stdout.contains(text),
            "check lacks {text:?}:\n{}",
            out.stdout
        );
    }

    let json = run_model(&scratch, "unsourced.toml", &["check", "--json"]);
    assert_eq!(json.code, 1);
    let json = json.json();
    assert_eq!(json["ok"], Value::Bool(false));
    let unsourced: Vec<&Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "unsourced")
        .collect();
    assert_eq!(unsourced.len(), 1, "{json}");
    assert_eq!(unsourced[0]["severity"], "error");
    assert_eq!(unsourced[0]["line"], line);
    assert_eq!(unsourced[0]["file"], "unsourced.toml");

    // No answer comes from such a model.
    let route = run_model(
        &scratch,
        "unsourced.toml",
        &["route", "www.tiny.test", "--json"],
    );
    assert_eq!(route.code, 2);
    assert_eq!(route.json()["error"]["kind"], "invalid-model");

    // The same edge with its assumption stated checks clean.
    let out = run_model(&scratch, "sourced.toml", &["check"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn the_export_says_where_every_entry_comes_from() {
    let scratch = Scratch::new("basis-export");
    scratch.write("tiny.toml", tiny(ASSUMED_EDGE).as_bytes());
    let json = run_model(&scratch, "tiny.toml", &["export", "json"]).json();
    assert_eq!(
        json["facts"],
        serde_json::json!([
            {"id": "F01", "says": "The zone answers for tiny.test."},
            {"id": "F02", "says": "The site is served by one web server."}
        ])
    );
    let edge = json["edges"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["from"] == "web" && e["to"] == "db"))
        .expect("the edge web → db");
    assert_eq!(edge["facts"], serde_json::json!([]));
    assert_eq!(edge["settle"], "web/config.yaml");
    let db = &json["components"][2];
    assert_eq!(db["id"], "db");
    assert_eq!(
        db["assumed"],
        serde_json::json!({"kind": "A database, not a cache."})
    );
    assert_eq!(db["assumption"], Value::Null);
    let restart = &json["scenarios"][1];
    assert_eq!(restart["assumption"], "Web servers are restarted by hand.");
    assert_eq!(restart["settle"], "ops/runbook.md");
    assert_eq!(json["zone"]["facts"], serde_json::json!(["F01"]));
    assert_eq!(json["zone"]["settle"], Value::Null);
    // Selecting by kind reads the assumed field: the answer says so.
    let json = run_model(&scratch, "tiny.toml", &["fail", "kind:database", "--json"]).json();
    let flow = &json["flows"][0]["basis"];
    assert!(
        flow["assumptions"]
            .as_array()
            .is_some_and(|a| a.iter().any(|a| a["about"] == "db (kind)")),
        "{flow}"
    );
}
