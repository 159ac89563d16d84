//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use archsim_core::{CompId, Engine};

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

/// Compare `actual` with the snapshot file `tests/snapshots/NAME`; with
/// `UPDATE_SNAPSHOTS=1`, write it instead.
pub fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "snapshot {} is missing ({e}); run with UPDATE_SNAPSHOTS=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || expected.lines().count().min(actual.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "snapshot {} differs from line {line}; if the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff",
            path.display()
        );
    }
}
