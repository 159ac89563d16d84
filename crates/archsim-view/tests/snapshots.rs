//! Snapshots of every renderer on the Tomoda model, under
//! `tests/snapshots/`, with one full map (`map.svg`); the other maps are
//! checked by what they must show, in `maps.rs`. After an intended change, regenerate
//! them with `UPDATE_SNAPSHOTS=1 cargo test -p archsim-view --test
//! snapshots` and review the diff (the workspace's one convention,
//! `archsim-snapshots`: a snapshot no case writes fails).

mod common;

use archsim_core::Engine;
use archsim_core::place::place;
use archsim_core::select::select;
use archsim_view::contract::Heading;
use archsim_view::html::*;
use archsim_view::layout::{LayoutOptions, layout};
use archsim_view::present::*;
use archsim_view::svg::{MapOptions, map_svg};

fn route(engine: &Engine, host: &str, failed: &[&str]) -> String {
    let selection = select(engine.model(), failed, &[]).expect("selects");
    let route = engine.route(host, &selection).expect("routes");
    route_html(&route_view(engine, &route))
}

fn outcome(engine: &Engine, selectors: &[&str]) -> String {
    let selection = select(engine.model(), selectors, &[]).expect("selects");
    outcome_html(&outcome_view(engine, &engine.simulate(&selection)))
}

fn placement(engine: &Engine, answers: &[&str]) -> String {
    place_html(
        &place_view(engine, &place(engine.model(), answers).expect("places")),
        Heading::under(3),
    )
}

fn dns(engine: &Engine, host: &str) -> String {
    dns_html(&dns_view(engine, &engine.dns(host).expect("dns")))
}

/// The one full-map snapshot: the whole model, nothing failed. Other maps
/// are checked by what they must show (`maps.rs`; the layout itself in
/// `layout.rs` and `properties.rs`), not by another copy of every path.
fn full_map(engine: &Engine) -> (&'static str, String) {
    let full = layout(engine.model(), &LayoutOptions::default());
    ("map.svg", map_svg(engine, &full, &MapOptions::default()))
}

#[test]
fn every_renderer_matches_its_snapshot() {
    let engine = common::tomoda();
    let mut cases: Vec<(&str, String)> = vec![
        ("route-app.html", route(&engine, "app.tomoda.life", &[])),
        (
            "route-assets-cloudfront-down.html",
            route(&engine, "assets.tomoda.life", &["cloudfront"]),
        ),
        (
            "route-assets-tokyo-down.html",
            route(&engine, "assets.tomoda.life", &["region:ap-northeast-1"]),
        ),
        (
            "route-no-record.html",
            route(&engine, "ap.tomoda.life", &[]),
        ),
        (
            "outcome-cloudfront-outage.html",
            outcome(&engine, &["cloudfront-outage"]),
        ),
        (
            "outcome-registry-during-preemption.html",
            outcome(&engine, &["registry-outage-during-preemption"]),
        ),
        ("outcome-nothing.html", outcome(&engine, &[])),
        (
            "place-assets.html",
            placement(&engine, &["public-cacheable-assets"]),
        ),
        (
            "place-dns-final.html",
            placement(&engine, &["dns", "reaches-out-from-cluster"]),
        ),
        (
            "place-conflict.html",
            placement(
                &engine,
                &["public-cacheable-assets", "reached-from-cluster"],
            ),
        ),
        ("place-nothing.html", placement(&engine, &[])),
        ("audit.html", audit_html(&audit_view(&engine))),
        ("dns-www-dev.html", dns(&engine, "www-dev.tomoda.life")),
        ("dns-new-host.html", dns(&engine, "brand-new.tomoda.life")),
        ("spof.html", spof_html(&engine)),
        ("table-providers.html", providers_table(&engine)),
        ("table-components.html", components_table(&engine, None)),
        (
            "table-components-gcp.html",
            components_table(&engine, common::provider(&engine, "gcp")),
        ),
        ("table-environments.html", environments_table(&engine)),
        ("table-records.html", records_table(&engine)),
        ("table-flows.html", flows_table(&engine)),
        ("table-scenarios.html", scenarios_table(&engine)),
        ("table-rules.html", rules_table(&engine)),
    ];
    cases.push(full_map(&engine));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    archsim_snapshots::check_all(&dir, cases);
}

#[test]
fn html_fragments_never_hold_a_blank_line() {
    // The book embeds them in Markdown, where a blank line ends an HTML block.
    let engine = common::tomoda();
    for (name, html) in [
        full_map(&engine),
        ("route", route(&engine, "app.tomoda.life", &[])),
        ("spof", spof_html(&engine)),
        ("components", components_table(&engine, None)),
    ] {
        assert!(!html.contains("\n\n"), "{name} has a blank line");
    }
}
