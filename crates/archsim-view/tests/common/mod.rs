//! Helpers shared by the integration tests.
#![allow(dead_code)]

use archsim_core::{CompId, Engine, ProviderId};

/// The shipped Tomoda model.
pub fn tomoda() -> Engine {
    Engine::tomoda().unwrap_or_else(|d| panic!("the Tomoda model loads: {d:?}"))
}

/// A model with markup in every free-text field.
pub fn hostile() -> Engine {
    let source = include_str!("../models/hostile.toml");
    Engine::from_str("tests/models/hostile.toml", source)
        .unwrap_or_else(|d| panic!("the hostile model loads: {d:#?}"))
}

/// A generated model of about `components` components.
pub fn synthetic(components: usize) -> Engine {
    let source = archsim_core::synth::generate(&archsim_core::synth::SynthOptions {
        components,
        seed: 1,
    });
    Engine::from_str("synthetic.toml", &source)
        .unwrap_or_else(|d| panic!("the synthetic model loads: {d:#?}"))
}

/// The component with this id.
pub fn comp(engine: &Engine, id: &str) -> CompId {
    engine
        .model()
        .component_by_id(id)
        .unwrap_or_else(|| panic!("component `{id}` is in the model"))
}

/// The provider with this id, if the model has one.
pub fn provider(engine: &Engine, id: &str) -> Option<ProviderId> {
    engine
        .model()
        .providers
        .iter()
        .position(|p| p.id == id)
        .map(ProviderId::from_index)
}
