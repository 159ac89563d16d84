//! Environments are apart: a failure of one environment's own components
//! never changes a host flow of the other, alone or during a reschedule of
//! the whole cluster, unless its cause chain goes through a component both
//! environments share (listed below, with the reason).

mod common;

use archsim_core::*;
use common::*;

/// Shared components a cross-environment cause chain may go through, with
/// why. None today: every environment-only component reaches the other
/// environment's hosts through nothing.
const SHARED_THROUGH: &[(&str, &str)] = &[];

/// Components of one environment, picked by property (so the table follows
/// the model), and the host flows of the other.
fn sides(e: &Engine, failing: &str, watched: &str) -> (Vec<CompId>, Vec<FlowId>) {
    let m = e.model();
    let components: Vec<CompId> = (0..m.components.len())
        .map(CompId::from_index)
        .filter(|&c| m.component(c).env == failing)
        .collect();
    let flows: Vec<FlowId> = m
        .records
        .iter()
        .filter(|r| r.env == watched && r.purpose == Purpose::Serve)
        .map(|r| m.flow_by_id(&r.host).expect("a served host has a flow"))
        .collect();
    (components, flows)
}

/// Every change of a `watched` host flow when one `failing`-only component
/// fails, with and without the cluster rescheduled: (component, reschedule,
/// flow, state, cause chain) for each change not allowed by
/// [`SHARED_THROUGH`].
fn crossings(e: &Engine, failing: &str, watched: &str) -> Vec<String> {
    let m = e.model();
    let (components, flows) = sides(e, failing, watched);
    let mut out = Vec::new();
    for reschedule in [&[][..], &["gke"][..]] {
        let base = e.simulate(&select::select(m, &[], reschedule).unwrap());
        for &c in &components {
            let id = m.component(c).id.as_str();
            let outcome = e.simulate(&select::select(m, &[id], reschedule).unwrap());
            for &flow in &flows {
                let (before, after) = (&base.flows[flow.index()], &outcome.flows[flow.index()]);
                assert_eq!(before.state, State::Ok, "nothing failed: {flow:?} is ok");
                if after.state == before.state {
                    continue;
                }
                let chain = ids(e, &after.because);
                let allowed = chain
                    .iter()
                    .any(|step| SHARED_THROUGH.iter().any(|(shared, _)| shared == step));
                if !allowed {
                    out.push(format!(
                        "{id} (reschedule {reschedule:?}) → {}: {} via {}",
                        m.flows[flow.index()].id,
                        after.state.as_str(),
                        chain.join(" → ")
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn a_dev_failure_never_touches_a_prod_host() {
    let e = engine();
    let (dev, prod_hosts) = sides(&e, "dev", "prod");
    // The table is the model's, and not empty: the workloads, the
    // repository, the trigger, the bucket, the distribution, the certificate.
    for id in [
        "tomoda-api-dev",
        "tomoda-app-dev",
        "tomoda-www-dev",
        "registry-dev",
        "build-trigger-dev",
        "s3-assets-dev",
        "cloudfront-dev",
        "acm-certificate-dev",
    ] {
        assert!(dev.contains(&comp(&e, id)), "{id} is dev-only");
    }
    assert_eq!(prod_hosts.len(), 4, "assets, api, app, www");
    let crossings = crossings(&e, "dev", "prod");
    assert!(crossings.is_empty(), "{crossings:#?}");
}

#[test]
fn a_prod_failure_never_touches_a_dev_host() {
    let e = engine();
    let (prod, dev_hosts) = sides(&e, "prod", "dev");
    assert!(prod.len() >= 8, "{prod:?}");
    assert_eq!(dev_hosts.len(), 4, "assets-dev, api-dev, app-dev, www-dev");
    let crossings = crossings(&e, "prod", "dev");
    assert!(crossings.is_empty(), "{crossings:#?}");
}

#[test]
fn every_dev_component_at_once_leaves_prod_as_it_was() {
    let e = engine();
    let m = e.model();
    for reschedule in [&[][..], &["gke"][..]] {
        let outcome = e.simulate(&select::select(m, &["env:dev"], reschedule).unwrap());
        let prod: Vec<_> = m
            .records
            .iter()
            .filter(|r| r.purpose == Purpose::Serve && r.env == "prod")
            .collect();
        assert!(prod.len() >= 3, "the model serves prod hosts: {prod:?}");
        for r in prod {
            let state = state(&e, &outcome, &r.host);
            assert_eq!(state, State::Ok, "{} with {reschedule:?}", r.host);
        }
        // The dev hosts are down: the failure is real, not a no-op.
        for host in ["api-dev.tomoda.life", "assets-dev.tomoda.life"] {
            assert_eq!(state(&e, &outcome, host), State::Down, "{host}");
        }
    }
}

/// The issue's own case: a dev repository outage during a reschedule of
/// the cluster took api.tomoda.life (prod) down.
#[test]
fn the_dev_repository_during_a_reschedule_leaves_the_prod_api_up() {
    let e = engine();
    let m = e.model();
    let outcome = e.simulate(&select::select(m, &["registry-dev"], &["gke"]).unwrap());
    assert_eq!(state(&e, &outcome, "api.tomoda.life"), State::Ok);
    assert_eq!(state(&e, &outcome, "api-dev.tomoda.life"), State::Down);
    let because = &outcome.flows[m.flow_by_id("api-dev.tomoda.life").unwrap().index()].because;
    assert_eq!(ids(&e, because), ["tomoda-api-dev", "registry-dev"]);
}

/// What both environments share is shared in the model too, and says so:
/// a failure of it reaches both, and the answer names the assumption.
#[test]
fn shared_stores_reach_both_environments_and_say_it_is_assumed() {
    let e = engine();
    let m = e.model();
    for store in ["cnpg", "redis"] {
        let c = m.component(comp(&e, store));
        assert_eq!(c.env, "shared", "{store}");
        let outcome = fail(&e, &[store]);
        for host in ["api.tomoda.life", "api-dev.tomoda.life"] {
            let flow = &outcome.flows[m.flow_by_id(host).unwrap().index()];
            assert_eq!(flow.state, State::Down, "{host} without {store}");
            let assumed: Vec<String> = flow
                .basis
                .assumptions(m)
                .iter()
                .map(|a| basis::label(m, a.premise))
                .collect();
            assert!(
                assumed.contains(&store.to_owned()),
                "{host}: the sharing of {store} is assumed: {assumed:?}"
            );
        }
    }
}
