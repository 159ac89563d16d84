//! Everything user-facing is escaped: a model whose free-text fields are
//! markup shows them as text in every renderer.

mod common;

use archsim_core::place::place;
use archsim_core::select::select;
use archsim_view::contract::Heading;
use archsim_view::html::*;
use archsim_view::layout::{LayoutOptions, layout};
use archsim_view::present::*;
use archsim_view::svg::{MapOptions, map_svg};

/// Every renderer's output on the hostile model, by name.
fn renderings() -> Vec<(&'static str, String)> {
    renderings_of(&common::hostile())
}

/// Every renderer's output on `engine`, a model shaped like the hostile
/// one (its ids and hosts), by name.
fn renderings_of(engine: &archsim_core::Engine) -> Vec<(&'static str, String)> {
    let model = engine.model();
    let script = common::comp(engine, "script");
    let route = engine
        .route("www.evil.test", &Default::default())
        .expect("routes");
    let failed = select(model, &["boom"], &[]).expect("selects");
    let outcome = engine.simulate(&failed);
    let answer = place(model, &["dns", "runs-workload"]).expect("places");
    let conflict = place(model, &["runs-workload"]).expect("places");
    let dns = engine.dns("www.evil.test").expect("dns");
    let new_host = engine.dns("new.evil.test").expect("dns");
    let layout = layout(model, &LayoutOptions::default());
    let map = map_svg(
        engine,
        &layout,
        &MapOptions {
            highlight: route.hops.iter().map(|h| h.component).collect(),
            states: route_states(&route),
            failed: vec![script],
            id_prefix: "<id>\"".to_owned(),
            title: Some("<ttl>".to_owned()),
            legend: true,
            // The draft's marks and the view carry no text.
            ..MapOptions::default()
        },
    );
    vec![
        ("map", map),
        ("route", route_html(&route_view(engine, &route))),
        ("outcome", outcome_html(&outcome_view(engine, &outcome))),
        (
            "place",
            place_html(&place_view(engine, &answer), Heading::under(3)),
        ),
        (
            "place-other",
            place_html(&place_view(engine, &conflict), Heading::under(3)),
        ),
        ("audit", audit_html(&audit_view(engine))),
        ("dns", dns_html(&dns_view(engine, &dns))),
        ("dns-new", dns_html(&dns_view(engine, &new_host))),
        ("spof", spof_html(engine)),
        ("providers", providers_table(engine)),
        ("components", components_table(engine, None)),
        ("environments", environments_table(engine)),
        ("records", records_table(engine)),
        ("flows", flows_table(engine)),
        ("scenarios", scenarios_table(engine)),
        ("rules", rules_table(engine)),
    ]
}

#[test]
fn markup_in_the_model_shows_as_text_everywhere() {
    // Tags the hostile model writes; none may appear unescaped.
    let raw = [
        "<script",
        "<b ",
        "<img",
        "<svg onload",
        "<u>",
        "<z>",
        "<kind>",
        "<db>",
        "<writer>",
        "<source>",
        "<owner>",
        "<adds>",
        "<serves>",
        "<says>",
        "<ask>",
        "<notes>",
        "<why",
        "<flow",
        "<about>",
        "<scenario>",
        "<teaches>",
        "<ttl>",
        "<id>",
        "<edge",
        "<record",
        "<F1>",
        "<fact>",
        "<settle>",
        "<provider assumption>",
        "<rule assumption>",
        "<region assumption>",
        "<scenario assumption>",
    ];
    for (name, html) in renderings() {
        assert!(
            html.contains("&lt;"),
            "{name} shows some of the model's markup"
        );
        for tag in raw {
            assert!(
                !html.contains(tag),
                "{name}: `{tag}` is not escaped in\n{html}"
            );
        }
        assert!(
            !html.contains("id=\"<") && !html.contains("\"<id>"),
            "{name}: the id prefix reaches an attribute unsanitised"
        );
    }
}

#[test]
fn the_script_component_is_shown_as_text() {
    let shown = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for (name, html) in renderings() {
        let mentions = matches!(
            name,
            "map"
                | "route"
                | "outcome"
                | "audit"
                | "components"
                | "environments"
                | "records"
                | "flows"
                | "spof"
        );
        if mentions {
            assert!(
                html.contains(shown) || html.contains("&lt;script&gt;alert(1)&lt;/scri"),
                "{name} shows the component's name as text:\n{html}"
            );
        }
    }
}

#[test]
fn no_brace_from_the_model_reaches_markup() {
    // Every markup string of the hostile model (every free-text field)
    // also asks mdBook to include a file: the book's later `links` stage
    // would expand `{{#include …}}` (or `{{ #include`) in what archsim
    // wrote. Written as `&#123;`, a brace is only text.
    let source = include_str!("models/hostile.toml");
    let braced = source.replace('<', "{{#include /etc/hostname}}{{ #include x}}<");
    assert!(braced.matches("{{#include").count() >= 30);
    let engine = archsim_core::Engine::from_str("braced.toml", &braced)
        .unwrap_or_else(|d| panic!("the braced model loads: {d:#?}"));
    for (name, html) in renderings_of(&engine) {
        assert!(
            html.contains("&#123;&#123;#include /etc/hostname}}"),
            "{name} shows some of the model's text"
        );
        assert!(!html.contains('{'), "{name}: a raw `{{` in\n{html}");
    }
}
