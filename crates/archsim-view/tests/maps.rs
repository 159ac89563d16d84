//! Maps other than the one full-map snapshot, checked by what they must
//! show: which nodes are lit, faded, failed and down, which edges are lit,
//! which components and bands are drawn, the title, ids and legend.

mod common;

use archsim_core::select::select;
use archsim_core::{CompId, Engine};
use archsim_view::layout::{LayoutOptions, layout};
use archsim_view::present::route_states;
use archsim_view::svg::{Drafted, MapOptions, map_svg};

/// The `data-id`s of the map's nodes and the classes of each.
fn nodes(svg: &str) -> Vec<(String, String)> {
    svg.split("<g class=\"archsim-node ")
        .skip(1)
        .map(|rest| {
            let class = rest.split('"').next().unwrap_or_default().to_owned();
            let id = rest
                .split_once("data-id=\"")
                .and_then(|(_, after)| after.split('"').next())
                .unwrap_or_default()
                .to_owned();
            (id, class)
        })
        .collect()
}

/// The ids of the nodes whose classes include `class`.
fn with_class(nodes: &[(String, String)], class: &str) -> Vec<String> {
    let mut ids: Vec<String> = nodes
        .iter()
        .filter(|(_, c)| c.split(' ').any(|c| c == class))
        .map(|(id, _)| id.clone())
        .collect();
    ids.sort();
    ids
}

fn sorted_ids(engine: &Engine, list: impl IntoIterator<Item = CompId>) -> Vec<String> {
    let mut ids: Vec<String> = list
        .into_iter()
        .map(|c| engine.model().component(c).id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_route_lights_its_hops_and_fades_the_rest() {
    let engine = common::tomoda();
    let model = engine.model();
    let app = engine
        .route("app.tomoda.life", &Default::default())
        .expect("routes");
    let svg = map_svg(
        &engine,
        &layout(model, &LayoutOptions::default()),
        &MapOptions {
            highlight: app.hops.iter().map(|h| h.component).collect(),
            states: route_states(&app),
            ..MapOptions::default()
        },
    );
    let nodes = nodes(&svg);
    assert_eq!(
        nodes.len(),
        model.components.len(),
        "every component is drawn"
    );
    let hops = sorted_ids(&engine, app.hops.iter().map(|h| h.component));
    assert!(hops.len() >= 3, "the app route has hops: {hops:?}");
    assert_eq!(with_class(&nodes, "is-highlighted"), hops);
    assert_eq!(
        with_class(&nodes, "state-ok"),
        hops,
        "nothing failed: every hop is ok"
    );
    assert_eq!(
        with_class(&nodes, "is-faded").len(),
        nodes.len() - hops.len(),
        "every other node is faded"
    );
    // Each step of the route is a lit edge.
    for pair in app.hops.windows(2) {
        let (from, to) = (
            &model.component(pair[0].component).id,
            &model.component(pair[1].component).id,
        );
        let edge = svg
            .split("<g class=\"archsim-edge ")
            .skip(1)
            .find(|e| e.contains(&format!("data-from=\"{from}\" data-to=\"{to}\"")))
            .unwrap_or_else(|| panic!("no edge {from} → {to}"));
        assert!(
            edge.split('"')
                .next()
                .unwrap_or_default()
                .contains("is-highlighted"),
            "{from} → {to} is not lit"
        );
    }
    assert!(
        svg.contains("class=\"archsim-legend"),
        "the full map keeps its legend"
    );
}

#[test]
fn a_provider_map_shows_its_components_and_their_failures() {
    let engine = common::tomoda();
    let model = engine.model();
    let region = select(model, &["region-ap-northeast-1"], &[]).expect("selects");
    let assets = engine.route("assets.tomoda.life", &region).expect("routes");
    let aws = common::provider(&engine, "aws");
    let only: Vec<CompId> = (0..model.components.len())
        .map(CompId::from_index)
        .filter(|&c| model.component(c).provider == aws)
        .collect();
    let svg = map_svg(
        &engine,
        &layout(
            model,
            &LayoutOptions {
                only: Some(only.clone()),
                ..LayoutOptions::default()
            },
        ),
        &MapOptions {
            highlight: assets.hops.iter().map(|h| h.component).collect(),
            states: route_states(&assets),
            failed: region.failed.iter().copied().collect(),
            id_prefix: "aws-map".to_owned(),
            title: Some("AWS while ap-northeast-1 is down".to_owned()),
            legend: false,
            ..MapOptions::default()
        },
    );
    let nodes = nodes(&svg);
    let mut drawn: Vec<String> = nodes.iter().map(|(id, _)| id.clone()).collect();
    drawn.sort();
    assert!(only.len() >= 2, "AWS has components: {drawn:?}");
    assert_eq!(
        drawn,
        sorted_ids(&engine, only.iter().copied()),
        "AWS's components, no other"
    );
    let failed = sorted_ids(&engine, region.failed.iter().copied());
    assert!(!failed.is_empty(), "the region's failure fails components");
    assert_eq!(with_class(&nodes, "is-failed"), failed);
    assert_eq!(
        with_class(&nodes, "state-down"),
        failed,
        "a failed node is down"
    );
    let lit = sorted_ids(
        &engine,
        assets
            .hops
            .iter()
            .map(|h| h.component)
            .filter(|c| only.contains(c)),
    );
    assert!(!lit.is_empty(), "the assets route crosses AWS");
    assert_eq!(with_class(&nodes, "is-highlighted"), lit);
    assert!(
        svg.contains("<title id=\"aws-map-title\">AWS while ap-northeast-1 is down</title>"),
        "the title, under the map's id prefix"
    );
    assert!(!svg.contains("id=\"archsim-"), "every id takes the prefix");
    assert!(
        !svg.contains("archsim-legend"),
        "no legend when asked for none"
    );
    assert!(svg.contains("class=\"archsim-group archsim-group-provider\" data-provider=\"aws\""));
    assert!(
        !svg.contains("data-provider=\"gcp\""),
        "no other provider's band"
    );
}

#[test]
fn a_drafts_marks_and_a_part_of_the_drawing() {
    let engine = Engine::tomoda().unwrap();
    let model = engine.model();
    let drawn = layout(model, &LayoutOptions::default());
    let (added, removed) = (drawn.nodes[0].component, drawn.nodes[1].component);
    let edge = &drawn.edges[0];
    // A removal wins over a failure: the draft's mark is the one shown.
    let svg = map_svg(
        &engine,
        &drawn,
        &MapOptions {
            failed: vec![removed],
            drafted: vec![(added, Drafted::Added), (removed, Drafted::Removed)],
            drafted_edges: vec![(edge.from, edge.to, Drafted::Added)],
            view: Some((10.0, 20.0, 300.0, 200.0)),
            ..MapOptions::default()
        },
    );
    let nodes = nodes(&svg);
    assert_eq!(with_class(&nodes, "is-added"), sorted_ids(&engine, [added]));
    assert_eq!(
        with_class(&nodes, "is-removed"),
        sorted_ids(&engine, [removed])
    );
    assert!(with_class(&nodes, "is-failed").is_empty(), "{svg}");
    assert!(svg.contains(">+ added</text>"), "the mark in words");
    assert!(
        svg.contains(">\u{2212} removed</text>"),
        "the mark in words"
    );
    let name = &model.component(added).name;
    assert!(
        svg.contains(&format!("added by the draft: {name}.")),
        "the description says it"
    );
    assert_eq!(
        svg.matches("is-added\" data-from").count(),
        1,
        "one edge marked"
    );
    assert!(svg.contains("viewBox=\"10 20 300 200\" width=\"300\" height=\"200\""));
    assert!(!svg.contains("archsim-legend"), "no legend on a part");
}
