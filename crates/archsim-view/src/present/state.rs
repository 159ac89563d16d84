//! How a state is shown: an icon and words, never colour alone.

/// Every state word the views use, best first, with `no-record` last.
pub const STATES: [&str; 5] = ["ok", "at-risk", "degraded", "down", "no-record"];

/// The icon and the words for a state name (`ok`, `at-risk`, `degraded`,
/// `down`, `no-record`, as the engine spells them).
///
/// Returns: `(icon, words)`, e.g. `("◐", "degraded")`; an unknown name
/// gives `("?", "unknown")` rather than a panic.
pub fn state_label(state: &str) -> (&'static str, &'static str) {
    match state {
        "ok" => ("✔", "ok"),
        "at-risk" => ("▲", "at risk"),
        "degraded" => ("◐", "degraded"),
        "down" => ("✖", "down"),
        "no-record" => ("?", "no record"),
        _ => ("?", "unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::{RouteVerdict, State};

    #[test]
    fn every_engine_state_has_an_icon_and_words() {
        for state in State::ALL {
            let (icon, words) = state_label(state.as_str());
            assert_ne!(icon, "?", "{state:?}");
            assert_ne!(words, "unknown", "{state:?}");
            assert!(STATES.contains(&state.as_str()));
        }
        assert_eq!(
            state_label(RouteVerdict::NoRecord.as_str()),
            ("?", "no record")
        );
        assert_eq!(state_label("bogus"), ("?", "unknown"));
    }
}
