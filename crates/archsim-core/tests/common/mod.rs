//! Helpers shared by the core's integration tests.
#![allow(dead_code)]

use archsim_core::*;

/// The shipped Tomoda model, loaded; a load error fails the test with the diagnostics.
pub fn engine() -> Engine {
    Engine::tomoda().unwrap_or_else(|d| panic!("the shipped model must load: {d:#?}"))
}

/// A component id by name, failing loudly when the model lacks it.
pub fn comp(engine: &Engine, id: &str) -> CompId {
    engine
        .model()
        .component_by_id(id)
        .unwrap_or_else(|| panic!("no component `{id}`"))
}

/// Ids of a list of components.
pub fn ids(engine: &Engine, list: &[CompId]) -> Vec<String> {
    list.iter()
        .map(|&c| engine.model().component(c).id.clone())
        .collect()
}

/// Simulate the failures picked by `selectors`.
pub fn fail(engine: &Engine, selectors: &[&str]) -> Outcome {
    let selection =
        select::select(engine.model(), selectors, &[]).unwrap_or_else(|e| panic!("{e}"));
    engine.simulate(&selection)
}

/// A flow's state in an outcome, by flow id (a host for host flows).
pub fn state(engine: &Engine, outcome: &Outcome, flow: &str) -> State {
    let id = engine
        .model()
        .flow_by_id(flow)
        .unwrap_or_else(|| panic!("no flow `{flow}`"));
    outcome
        .flows
        .iter()
        .find(|f| f.flow == id)
        .expect("every flow has an outcome")
        .state
}

/// Route a host with nothing failed.
pub fn route(engine: &Engine, host: &str) -> Route {
    engine
        .route(host, &Selection::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Hop ids of a route.
pub fn hop_ids(engine: &Engine, route: &Route) -> Vec<String> {
    route
        .hops
        .iter()
        .map(|h| engine.model().component(h.component).id.clone())
        .collect()
}

/// The Tomoda model's source with `from` replaced by `to` (which must occur).
pub fn tomoda_with(from: &str, to: &str) -> String {
    assert!(
        TOMODA_MODEL.contains(from),
        "the model text must contain {from:?}"
    );
    TOMODA_MODEL.replacen(from, to, 1)
}
