//! The widgets' scenarios (issue 6 §1), driven as a reader would: clicks
//! and key presses on what is on screen, answers read from the DOM and
//! compared with the engine's (so a route that skips a hop, a wrong state
//! or a wrong verdict fails), plus the explicit facts each scenario is
//! about (CloudFront's outage takes `assets.tomoda.life` down, the conflict
//! names the Photon index bucket...).
//!
//! One file per scenario group; this one runs them in one browser session.
//!
//! Run: `cargo test -p archsim-e2e --test widgets` (after `cargo xtask build`).

#[path = "../support/mod.rs"]
mod support;

mod back_forward;
mod basis;
mod contrast;
mod failures;
mod fitted;
mod keyboard;
mod links;
mod placement;
mod readable;
mod self_check;
mod theme;
mod tour;

use serde_json::Value;

use support::browser::Options;
use support::runner::{self, Outcome, case};

use back_forward::back_restores_the_page_from_the_cache;
use basis::{flow_basis_opens_from_the_keyboard, route_basis_opens_from_the_keyboard};
use contrast::text_contrast_is_aa_in_every_theme;
use failures::{failing_cloudfront_on_the_map, region_preset_fills_the_table};
use fitted::the_map_fits_the_answer;
use keyboard::{claim_notes_open_from_the_keyboard, keyboard_only};
use links::{
    a_link_lands_on_its_widget, a_link_opened_later_lands_on_its_widget, bad_link_shows_a_notice,
    shared_link_restores_the_scenario,
};
use placement::placement_conflict_names_the_precedent;
use readable::{the_overview_map_is_readable, widget_text_is_the_books_size};
use self_check::tour_self_check_reveals_the_engines_answer;
use theme::theme_switch_restyles_the_widgets;
use tour::tour_steps_through_every_hop;

fn main() {
    runner::main("widgets", Options::default(), |_| {
        vec![
            case!(tour_steps_through_every_hop),
            case!(tour_self_check_reveals_the_engines_answer),
            case!(the_overview_map_is_readable),
            case!(the_map_fits_the_answer),
            case!(widget_text_is_the_books_size),
            case!(failing_cloudfront_on_the_map),
            case!(region_preset_fills_the_table),
            case!(placement_conflict_names_the_precedent),
            case!(shared_link_restores_the_scenario),
            case!(a_link_lands_on_its_widget),
            case!(a_link_opened_later_lands_on_its_widget),
            case!(bad_link_shows_a_notice),
            case!(theme_switch_restyles_the_widgets),
            case!(text_contrast_is_aa_in_every_theme),
            case!(keyboard_only),
            case!(claim_notes_open_from_the_keyboard),
            case!(route_basis_opens_from_the_keyboard),
            case!(flow_basis_opens_from_the_keyboard),
            case!(back_restores_the_page_from_the_cache),
        ]
    })
}

/// Fail with `message` unless `ok`.
fn ensure(ok: bool, message: impl FnOnce() -> String) -> Outcome {
    if ok { Ok(()) } else { Err(message()) }
}

/// The flow table a fail widget shows, as (flow, state).
fn flows(view: &Value) -> Vec<(String, String)> {
    view["flows"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// One flow's state in a fail widget's table.
fn flow_state(view: &Value, flow: &str) -> Option<String> {
    view["flows"][flow].as_str().map(str::to_owned)
}
