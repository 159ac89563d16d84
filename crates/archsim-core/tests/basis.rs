//! What answers rest on, by rule: a small model where each premise is either sourced
//! or assumed, and a table of questions with the facts and assumptions
//! each answer must name. The rule under test (`engine/premises.rs`): a
//! down answer rests on the way to the failure and its cause chain; any
//! other state also rests on the completeness of every dependency list it
//! relies on.

use archsim_core::basis::label;
use archsim_core::*;

/// One host `www.example.test`: zone → lb → app (hops); the app needs `db`
/// (sourced) and `cache` (assumed); `db`'s region is assumed on its own.
const MODEL: &str = r#"
[model]
name = "Premises"
format = 1

[zone]
name = "example.test"
component = "zone"
assumption = "The zone's record list is taken to be complete."

[[fact]]
id = "F01"
says = "Requests resolve in the zone."

[[fact]]
id = "F02"
says = "The load balancer sends requests to the app."

[[fact]]
id = "F03"
says = "The app reads the database."

[[provider]]
id = "cloud"
name = "Cloud"
job = "Everything"
why = "Only one"
facts = ["F01"]

[[region]]
id = "r1"
name = "Region one"
provider = "cloud"
facts = ["F01"]

[[component]]
id = "zone"
kind = "dns-zone"
provider = "cloud"
region = "r1"
facts = ["F01"]

[[component]]
id = "lb"
kind = "load-balancer"
provider = "cloud"
region = "r1"
facts = ["F02"]

[[component]]
id = "app"
kind = "workload"
provider = "cloud"
region = "r1"
facts = ["F02"]

[[component]]
id = "db"
kind = "database"
provider = "cloud"
region = "r1"
facts = ["F03"]
assumed = { region = "The database's region is a guess." }
settle = "infra/db.tf"

[[component]]
id = "cache"
kind = "cache"
provider = "cloud"
facts = ["F03"]

[[writer]]
id = "dns"
name = "DNS writer"
source = "dns.tf"
owns = ["www.example.test"]
adds = "Add it to dns.tf."
serves = "Everything"
facts = ["F01"]

[[record]]
host = "www.example.test"
type = "A"
target = "lb"
writer = "dns"
env = "shared"
facts = ["F01"]

[[edge]]
from = "lb"
to = "app"
hop = true
facts = ["F02"]

[[edge]]
from = "app"
to = "db"
facts = ["F03"]

[[edge]]
from = "app"
to = "cache"
assumption = "That the app needs the cache on every request is assumed."
settle = "app/config.yaml"
"#;

fn engine(source: &str) -> Engine {
    Engine::from_str("premises.toml", source).unwrap_or_else(|d| panic!("{d:#?}"))
}

/// (state, facts, assumption labels) of the host's flow under `fail`.
fn answer(engine: &Engine, fail: &[&str]) -> (State, Vec<String>, Vec<String>) {
    let m = engine.model();
    let selection = select::select(m, fail, &[]).unwrap_or_else(|e| panic!("{e}"));
    let outcome = engine.simulate(&selection);
    let flow = &outcome.flows[m.flow_by_id("www.example.test").expect("flow").index()];
    let facts = flow.basis.facts(m).iter().map(|f| f.to_string()).collect();
    let assumed = flow
        .basis
        .assumptions(m)
        .iter()
        .map(|a| label(m, a.premise))
        .collect();
    (flow.state, facts, assumed)
}

/// (failing, state, facts, assumptions)
type Case = (
    &'static [&'static str],
    State,
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn each_answer_rests_on_what_it_read() {
    let e = engine(MODEL);
    let cases: &[Case] = &[
        // Ok says nothing worse happened: every dependency list counts,
        // and the app's includes an assumed edge.
        (&[], State::Ok, &["F01", "F02", "F03"], &["app → cache"]),
        // Down through sourced entries only: checked.
        (&["db"], State::Down, &["F01", "F02", "F03"], &[]),
        // Down through the assumed edge: assumed.
        (
            &["cache"],
            State::Down,
            &["F01", "F02", "F03"],
            &["app → cache"],
        ),
        // Picked by region: the database's assumed region counts.
        (&["region:r1"], State::Down, &["F01"], &[]),
        (&["lb"], State::Down, &["F01", "F02"], &[]),
    ];
    for &(fail, state, facts, assumed) in cases {
        let (s, f, a) = answer(&e, fail);
        assert_eq!(s, state, "{fail:?}");
        assert_eq!(f, facts, "{fail:?}: facts");
        assert_eq!(a, assumed, "{fail:?}: assumptions");
    }
}

#[test]
fn a_selector_by_region_rests_on_each_assumed_region_it_read() {
    let e = engine(MODEL);
    let m = e.model();
    // The cache has no region: region r1 leaves it alone, the app is down
    // because the zone (in r1) is; the database's region is read too, but
    // only an answer that reaches the database rests on it.
    let selection = select::select(m, &["region:r1"], &[]).unwrap();
    assert!(selection.fields & Field::Region.bit() != 0);
    let route = e.route("www.example.test", &selection).unwrap();
    assert_eq!(route.verdict, RouteVerdict::Resolves(State::Down));
    let db = m.component_by_id("db").unwrap();
    let mut premises = Basis::new();
    premises.add_component(db, selection.fields);
    premises.finish(m);
    let assumed: Vec<(String, Option<&str>)> = premises
        .assumptions(m)
        .iter()
        .map(|a| (label(m, a.premise), a.settle))
        .collect();
    assert_eq!(assumed, [("db (region)".to_owned(), Some("infra/db.tf"))]);
    // The region's own entry is read with it: an assumed region counts.
    let guessed = MODEL.replace(
        "name = \"Region one\"\nprovider = \"cloud\"\nfacts = [\"F01\"]",
        "name = \"Region one\"\nprovider = \"cloud\"\nassumption = \"A guessed region.\"",
    );
    assert_ne!(guessed, MODEL);
    let e = engine(&guessed);
    let (_, _, assumed) = answer(&e, &["region:r1"]);
    assert_eq!(assumed, ["region r1"]);
    let (_, _, assumed) = answer(&e, &["lb"]);
    assert!(
        assumed.is_empty(),
        "a failure by id reads no region: {assumed:?}"
    );
}

#[test]
fn an_ok_answer_is_checked_when_every_list_it_relies_on_is_sourced() {
    let sourced = MODEL.replace(
        "assumption = \"That the app needs the cache on every request is assumed.\"",
        "facts = [\"F03\"]",
    );
    let e = engine(&sourced);
    let (state, _, assumed) = answer(&e, &[]);
    assert_eq!(state, State::Ok);
    assert!(assumed.is_empty(), "{assumed:?}");
}

#[test]
fn single_points_of_failure_rest_on_less_than_their_complete_list() {
    let e = engine(MODEL);
    let m = e.model();
    let flow = m.flow_by_id("www.example.test").unwrap();
    let spof = e.flow_spof(flow);
    // The list claims completeness: it rests on the assumed edge.
    assert!(!spof.basis.is_checked(m));
    // That the database is one rests on the chain to it alone.
    let db = m.component_by_id("db").unwrap();
    assert!(spof.components.contains(&db));
    assert!(e.spof_basis(flow, db).is_checked(m));
    let cache = m.component_by_id("cache").unwrap();
    assert!(!e.spof_basis(flow, cache).is_checked(m));
}

#[test]
fn a_host_without_a_record_rests_on_the_zone_being_complete() {
    let e = engine(MODEL);
    let m = e.model();
    let route = e.route("nope.example.test", &Selection::default()).unwrap();
    assert_eq!(route.verdict, RouteVerdict::NoRecord);
    let about: Vec<String> = route
        .basis
        .assumptions(m)
        .iter()
        .map(|a| label(m, a.premise))
        .collect();
    assert_eq!(about, ["zone example.test"]);
    let dns = e.dns("nope.example.test").unwrap();
    assert!(!dns.basis.is_checked(m));
    let known = e.dns("www.example.test").unwrap();
    assert!(known.basis.is_checked(m));
    assert_eq!(known.basis.facts(m), ["F01"]);
}

#[test]
fn an_entry_without_facts_or_assumption_is_refused_and_facts_must_be_declared() {
    let cases = [
        (
            MODEL.replace("facts = [\"F02\"]\n\n[[component]]\nid = \"app\"", "\n[[component]]\nid = \"app\""),
            "unsourced",
            "component `lb` is unsourced",
        ),
        (
            MODEL.replace("id = \"db\"\nkind = \"database\"\nprovider = \"cloud\"\nregion = \"r1\"\nfacts = [\"F03\"]", "id = \"db\"\nkind = \"database\"\nprovider = \"cloud\"\nregion = \"r1\"\nfacts = [\"F33\"]"),
            "unknown-reference",
            "unknown fact `F33`",
        ),
    ];
    for (source, code, message) in cases {
        assert_ne!(source, MODEL, "{code}: the case must change the model");
        let loaded = load_str("premises.toml", &source);
        assert!(loaded.model.is_none(), "{code}");
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.code == code && d.message.contains(message)),
            "{code}: {:#?}",
            loaded.diagnostics
        );
    }
}
