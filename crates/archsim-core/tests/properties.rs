//! Properties of the engine on random models (the Tomoda model and
//! generated ones) under random failures.

mod common;

use archsim_core::synth::{SynthOptions, generate};
use archsim_core::*;
use proptest::prelude::*;

/// The Tomoda model for `components == 0`, else a generated model.
fn model(components: usize, seed: u64) -> Engine {
    if components == 0 {
        return common::engine();
    }
    let source = generate(&SynthOptions { components, seed });
    Engine::from_str("synth.toml", &source).unwrap_or_else(|d| panic!("{d:#?}"))
}

/// Components by index modulo the model's size.
fn failing(engine: &Engine, picks: &[usize]) -> Selection {
    let n = engine.model().components.len();
    Selection {
        failed: picks.iter().map(|&i| CompId::from_index(i % n)).collect(),
        ..Selection::default()
    }
}

/// Tomoda (0) or a generated model of 40 to 100 components.
fn sizes() -> impl Strategy<Value = usize> {
    prop_oneof![Just(0usize), 40usize..=100]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Failing more components never makes any flow's state better.
    #[test]
    fn failing_more_never_makes_a_flow_better(
        components in sizes(),
        seed: u64,
        some in proptest::collection::vec(any::<usize>(), 0..4),
        more in proptest::collection::vec(any::<usize>(), 1..4),
    ) {
        let engine = model(components, seed);
        let fewer = failing(&engine, &some);
        let all: Vec<usize> = some.iter().chain(&more).copied().collect();
        let before = engine.simulate(&fewer);
        let after = engine.simulate(&failing(&engine, &all));
        for (a, b) in before.flows.iter().zip(&after.flows) {
            prop_assert!(
                b.state >= a.state,
                "flow {}: {:?} with {:?}, {:?} with more failed",
                engine.model().flows[a.flow.index()].id, a.state, fewer.failed, b.state
            );
        }
    }

    /// A host's route verdict is its own flow's state in the failure simulation.
    #[test]
    fn a_route_verdict_is_its_flows_state(
        components in sizes(),
        seed: u64,
        picks in proptest::collection::vec(any::<usize>(), 0..4),
    ) {
        let engine = model(components, seed);
        let selection = failing(&engine, &picks);
        let outcome = engine.simulate(&selection);
        let mut hosts = 0;
        for flow in &outcome.flows {
            let f = &engine.model().flows[flow.flow.index()];
            // A host's own flow is named after it; other flows may start at
            // the same host and add needs of their own (a login, say).
            let Some(host) = f.entry_host().filter(|&h| h == f.id) else {
                continue;
            };
            hosts += 1;
            let route = engine.route(host, &selection).expect("a flow's host routes");
            prop_assert_eq!(
                route.verdict,
                RouteVerdict::Resolves(flow.state),
                "host {} with {:?} failed", host, selection.failed
            );
        }
        prop_assert!(hosts > 0, "the model has no host flow: nothing was compared");
    }
}
