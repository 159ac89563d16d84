//! Every question the engine answers and every view drawn from the answers,
//! on one engine: what a hostile model must survive.

use archsim_core::place::{audit, place};
use archsim_core::select::Selection;
use archsim_core::{CompId, Engine, FlowId, ProviderId};
use archsim_view::contract::Heading;
use archsim_view::html::{
    audit_html, components_table, dns_html, environments_table, flows_table, outcome_html,
    place_html, providers_table, records_table, route_html, rules_table, scenarios_table,
    spof_html,
};
use archsim_view::layout::{Layout, LayoutOptions, layout};
use archsim_view::present::{
    audit_view, component_details, dns_view, outcome_view, place_view, route_view,
};
use archsim_view::svg::{MapOptions, groups_svg, map_svg};

/// Every query and view, with the outputs for whoever wants to look at them.
///
/// Routes and DNS answers for every record's host, a failure of each
/// component and of each scenario, single points of failure, placement
/// (no answer, then each question alone), the audit, every table, the
/// component details, the layout and the map. Panics when an answer breaks
/// an invariant that holds on any model: a layout box for every component,
/// finite coordinates, a route for every record's host, a flow outcome for
/// every flow.
///
/// Returns every HTML or SVG text written, in a fixed order.
pub fn ask_everything(engine: &Engine) -> Vec<String> {
    let scenarios: Vec<Selection> = engine
        .model()
        .scenarios
        .iter()
        .filter_map(|s| archsim_core::select::select(engine.model(), &[&s.id], &[]).ok())
        .collect();
    views(
        engine,
        &Ask {
            scenarios: &scenarios,
            failures: usize::MAX,
        },
    )
}

/// What [`views`] asks beyond the fixed questions.
pub(crate) struct Ask<'a> {
    /// Failure sets to simulate and draw (the model's scenarios, resolved).
    pub scenarios: &'a [Selection],
    /// How many components to fail one at a time (from the first).
    pub failures: usize,
}

/// [`ask_everything`] with the scenarios given (resolved once, elsewhere).
pub(crate) fn views(engine: &Engine, ask: &Ask<'_>) -> Vec<String> {
    let model = engine.model();
    let mut out = Vec::new();
    let none = Selection::default();
    for record in &model.records {
        if let Ok(route) = engine.route(&record.host, &none) {
            out.push(route_html(&route_view(engine, &route)));
        }
        if let Ok(answer) = engine.dns(&record.host) {
            out.push(dns_html(&dns_view(engine, &answer)));
        }
    }
    let base = engine.simulate(&none);
    assert_eq!(base.flows.len(), model.flows.len(), "one outcome per flow");
    out.push(outcome_html(&outcome_view(engine, &base)));
    for i in 0..model.components.len().min(ask.failures) {
        let failed = Selection {
            failed: [CompId::from_index(i)].into(),
            ..Selection::default()
        };
        let outcome = engine.simulate(&failed);
        assert_eq!(
            outcome.flows.len(),
            model.flows.len(),
            "one outcome per flow"
        );
        if i < 8 {
            out.push(outcome_html(&outcome_view(engine, &outcome)));
        }
        let _ = component_details(engine, CompId::from_index(i));
    }
    for selection in ask.scenarios {
        out.push(outcome_html(&outcome_view(
            engine,
            &engine.simulate(selection),
        )));
    }
    for i in 0..model.flows.len() {
        let _ = engine.flow_spof(FlowId::from_index(i));
    }
    out.push(spof_html(engine));
    if let Ok(answer) = place(model, &[]) {
        out.push(place_html(&place_view(engine, &answer), Heading::under(3)));
    }
    for question in &model.placement.questions {
        if let Ok(answer) = place(model, &[&question.id]) {
            out.push(place_html(&place_view(engine, &answer), Heading::under(3)));
        }
    }
    let _ = audit(model);
    out.push(audit_html(&audit_view(engine)));
    out.push(providers_table(engine));
    out.push(components_table(engine, None));
    for i in 0..model.providers.len() {
        out.push(components_table(engine, Some(ProviderId::from_index(i))));
    }
    out.push(environments_table(engine));
    out.push(records_table(engine));
    out.push(flows_table(engine));
    out.push(scenarios_table(engine));
    out.push(rules_table(engine));
    let drawing = layout(model, &LayoutOptions::default());
    check_layout(engine, &drawing);
    out.push(map_svg(engine, &drawing, &MapOptions::default()));
    out.push(groups_svg(model, &drawing));
    out
}

/// A box for every component, every number finite.
pub(crate) fn check_layout(engine: &Engine, drawing: &Layout) {
    let n = engine.model().components.len();
    assert_eq!(drawing.nodes.len(), n, "a box for every component");
    for (i, node) in drawing.nodes.iter().enumerate() {
        assert_eq!(
            node.component,
            CompId::from_index(i),
            "boxes in model order"
        );
        for v in [node.x, node.y, node.width, node.height] {
            assert!(v.is_finite(), "box of component {i}: {node:?}");
        }
    }
    for group in &drawing.groups {
        for v in [group.x, group.y, group.width, group.height] {
            assert!(v.is_finite(), "group {group:?}");
        }
    }
    for edge in &drawing.edges {
        let (lx, ly) = edge.label_at;
        assert!(lx.is_finite() && ly.is_finite(), "edge label {edge:?}");
        for &(x, y) in &edge.points {
            assert!(x.is_finite() && y.is_finite(), "edge {edge:?}");
        }
    }
    assert!(drawing.width.is_finite() && drawing.height.is_finite());
}
