//! Hostile models stay cheap: every cost the loader and the engine pay is
//! bounded by the size of the input, not by what the input multiplies.
//! No test here measures time; each uses an input on which the old code
//! ran for minutes (or aborted) and asserts the answer.

mod common;

use archsim_core::*;

/// `levels` scenarios, each naming the next `fan` times; the last fails `gke`.
fn fan_out(levels: usize, fan: usize) -> String {
    let mut text = String::from(TOMODA_MODEL);
    for level in 0..levels {
        let next = if level + 1 == levels {
            "\"gke\"".to_owned()
        } else {
            vec![format!("\"fan-{}\"", level + 1); fan].join(", ")
        };
        text.push_str(&format!(
            "\n[[scenario]]\nid = \"fan-{level}\"\nname = \"Fan {level}\"\nfail = [{next}]\n"
        ));
    }
    text
}

#[test]
fn scenario_expansion_is_linear_in_the_scenario_graph() {
    // (levels, times each names the next): 100^7 expansions for the old
    // loader, which also took a chain of more than five scenarios for a
    // loop; a chain far longer than a thread's stack allows recursing into.
    for (levels, fan) in [(8, 100), (20_000, 1)] {
        let source = fan_out(levels, fan);
        let loaded = load_str("fan.toml", &source);
        let model = loaded
            .model
            .unwrap_or_else(|| panic!("{levels}×{fan}: {:#?}", loaded.diagnostics));
        let selection = select::select(&model, &["fan-0"], &[]).expect("selects");
        let gke = model.component_by_id("gke").expect("gke");
        assert_eq!(selection.failed.iter().copied().collect::<Vec<_>>(), [gke]);
        // Each scenario once, however often it is named.
        assert_eq!(selection.scenarios.len(), levels);
        let again =
            select::select(&model, &["fan-0", "scenario:fan-3"], &["fan-5"]).expect("selects");
        assert_eq!(again.scenarios.len(), levels);
        assert!(again.restarting.contains(&gke));
    }
}

#[test]
fn a_scenario_loop_behind_a_fan_out_is_one_cycle_diagnostic() {
    // The last scenario names the first: a loop, found once, at the selector
    // that closes it.
    let source = fan_out(8, 100).replace("fail = [\"gke\"]", "fail = [\"fan-0\"]");
    let loaded = load_str("fan.toml", &source);
    assert!(loaded.model.is_none());
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["cycle"], "{:#?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    let line = source.lines().nth(d.line - 1).unwrap_or_default();
    assert_eq!(line, "fail = [\"fan-0\"]", "{d}");
}
