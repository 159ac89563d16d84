//! What answers about the shipped model rest on: an answer that something
//! stays ok rests on the dependency lists it relies on being complete, so
//! an assumed list makes it assumed; a down answer rests only on the way
//! to the failure, so one through sourced entries is checked.

mod common;

use archsim_core::*;
use common::*;

fn flow_outcome(e: &Engine, fail: &[&str], flow: &str) -> FlowOutcome {
    let m = e.model();
    let outcome = e.simulate(&select::select(m, fail, &[]).unwrap());
    outcome.flows[m.flow_by_id(flow).unwrap().index()].clone()
}

fn labels(m: &Model, basis: &Basis) -> Vec<String> {
    basis
        .assumptions(m)
        .iter()
        .map(|a| basis::label(m, a.premise))
        .collect()
}

/// (failures, flow, state, checked, assumptions it must name)
type Case = (
    &'static [&'static str],
    &'static str,
    State,
    bool,
    &'static [&'static str],
);

#[test]
fn answers_are_checked_only_when_everything_they_rest_on_is_sourced() {
    let e = engine();
    let m = e.model();
    let cases: &[Case] = &[
        // Down through sourced entries: the zone, the record, the
        // distribution picked by its id.
        (
            &["cloudfront-prod"],
            "assets.tomoda.life",
            State::Down,
            true,
            &[],
        ),
        (
            &["cloudflare-zone"],
            "api.tomoda.life",
            State::Down,
            true,
            &[],
        ),
        // Down through an assumed edge and an assumed shared store.
        (
            &["redis"],
            "api.tomoda.life",
            State::Down,
            false,
            &["tomoda-api-prod → redis", "redis"],
        ),
        // Ok with nothing failed: the app's dependency list is assumed
        // complete, so "it is ok" is assumed.
        (
            &[],
            "app.tomoda.life",
            State::Ok,
            false,
            &["tomoda-app-prod"],
        ),
        // The website has no data store: that Redis failing leaves it up
        // rests on its assumed-complete list.
        (
            &["redis"],
            "www.tomoda.life",
            State::Ok,
            false,
            &["tomoda-www-prod"],
        ),
        // Degraded behind the cache: the cache is the assumption.
        (
            &["s3-assets-dev"],
            "assets-dev.tomoda.life",
            State::Degraded,
            false,
            &["cloudfront-dev → s3-assets-dev"],
        ),
    ];
    for &(fail, flow, state, checked, names) in cases {
        let f = flow_outcome(&e, fail, flow);
        assert_eq!(f.state, state, "{flow} with {fail:?}");
        let assumed = labels(m, &f.basis);
        assert_eq!(
            f.basis.is_checked(m),
            checked,
            "{flow} with {fail:?}: {assumed:?}"
        );
        for name in names {
            assert!(
                assumed.contains(&(*name).to_owned()),
                "{flow} with {fail:?} names {name}: {assumed:?}"
            );
        }
        // Every answer lists the facts it rests on, checked or not.
        assert!(!f.basis.facts(m).is_empty(), "{flow}");
    }
}

/// A complete list (single points of failure) rests on everything the
/// flow relies on: for the prod API, on the assumed sharing of the stores.
#[test]
fn a_complete_list_rests_on_every_dependency_list() {
    let e = engine();
    let m = e.model();
    let api = m.flow_by_id("api.tomoda.life").unwrap();
    let basis = e.flow_closure_basis(api);
    let assumed = labels(m, &basis);
    for name in ["tomoda-api-prod", "cnpg", "redis", "photon"] {
        assert!(assumed.contains(&name.to_owned()), "{name}: {assumed:?}");
    }
    // And not on dev: the prod API relies on nothing of dev.
    assert!(!assumed.iter().any(|a| a.contains("-dev")), "{assumed:?}");
}

/// Every assumption in the shipped model says where it would be settled.
#[test]
fn every_assumption_names_what_would_settle_it() {
    let m = engine();
    let m = m.model();
    let mut provenances: Vec<(String, &Provenance)> = Vec::new();
    provenances.push(("zone".into(), &m.zone.provenance));
    for r in &m.regions {
        provenances.push((r.id.clone(), &r.provenance));
    }
    for c in &m.components {
        provenances.push((c.id.clone(), &c.provenance));
        if !c.assumed.is_empty() {
            assert!(c.provenance.settle.is_some(), "{}: assumed fields", c.id);
        }
    }
    for r in &m.records {
        provenances.push((r.host.clone(), &r.provenance));
    }
    for x in &m.edges {
        let name = format!("{} → {}", m.component(x.from).id, m.component(x.to).id);
        provenances.push((name, &x.provenance));
    }
    for f in &m.flows {
        provenances.push((f.id.clone(), &f.provenance));
    }
    for s in &m.scenarios {
        provenances.push((s.id.clone(), &s.provenance));
    }
    for r in &m.placement.rules {
        provenances.push((r.id.clone(), &r.provenance));
    }
    for i in &m.invariants {
        provenances.push((i.id.clone(), &i.provenance));
    }
    let mut assumptions = 0;
    for (name, p) in provenances {
        if p.assumption.is_some() {
            assumptions += 1;
            assert!(
                p.settle.as_deref().is_some_and(|s| !s.trim().is_empty()),
                "{name}: an assumption without `settle`"
            );
        }
    }
    assert!(assumptions > 20, "{assumptions}");
}

/// What picked a failing set rests on the fields its selectors read: a
/// region outage that spares Google sign-in spares it because of an
/// assumed region, and says so; a failure named by id reads no field.
#[test]
fn a_selection_rests_on_the_fields_it_read_picked_or_spared() {
    let e = engine();
    let m = e.model();
    let labels = |selectors: &[&str]| -> (bool, Vec<String>) {
        let selection = select::select(m, selectors, &[]).expect("selects");
        let basis = select::selection_basis(m, &selection);
        let labels = basis
            .assumptions(m)
            .iter()
            .map(|a| basis::label(m, a.premise))
            .collect();
        (basis.is_checked(m), labels)
    };
    let (checked, spared) = labels(&["region:asia-east1"]);
    assert!(!checked);
    for field in ["google-oauth (region)", "workload-identity (region)"] {
        assert!(spared.iter().any(|l| l == field), "{field}: {spared:?}");
    }
    let (checked, by_id) = labels(&["cloudfront-prod"]);
    assert!(checked, "{by_id:?}");
}
