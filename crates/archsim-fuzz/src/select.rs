//! `select`: failure selectors against the Tomoda model.

use std::sync::OnceLock;

use archsim_core::select::{components, select};
use archsim_core::{Engine, Model};

fn tomoda() -> &'static Model {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE
        .get_or_init(|| Engine::tomoda().expect("the shipped model loads"))
        .model()
}

/// Resolve `data` as a selector (and, split at newlines, as a list of
/// selectors). What it picks exists and is not empty; a component's id
/// picks that component alone; a refusal's suggestions resolve themselves.
pub fn check_select(data: &[u8]) {
    let model = tomoda();
    let text = String::from_utf8_lossy(data);
    match components(model, &text) {
        Ok(picked) => {
            // A scenario may only restart (spot preemption): what it picks
            // is then its restarts, not its failures.
            let restarts = select(model, &[&*text], &[]).map_or(0, |s| s.restarting.len());
            assert!(
                !picked.is_empty() || restarts > 0,
                "{text:?} picked nothing but no error"
            );
            for c in &picked {
                assert!(c.index() < model.components.len(), "{text:?} picked {c:?}");
            }
            let trimmed = text.trim();
            let is_scenario = model
                .scenarios
                .iter()
                .any(|s| s.id == trimmed.strip_prefix("scenario:").unwrap_or(trimmed));
            if let (false, Some(id)) = (is_scenario, model.component_by_id(trimmed)) {
                assert_eq!(picked, [id].into(), "the id {trimmed:?} picks itself");
            }
        }
        Err(error) => {
            for suggestion in &error.suggestions {
                assert!(
                    components(model, suggestion).is_ok(),
                    "{text:?}: suggestion {suggestion:?} does not resolve ({error})"
                );
            }
        }
    }
    let list: Vec<&str> = text.split('\n').collect();
    if let Ok(selection) = select(model, &list, &list) {
        for c in selection.failed.iter().chain(&selection.restarting) {
            assert!(c.index() < model.components.len(), "{text:?} picked {c:?}");
        }
        for &s in &selection.scenarios {
            assert!(s < model.scenarios.len(), "{text:?} named scenario {s}");
        }
    }
}
