//! Everything the details panel says about one component.

use archsim_core::{CompId, Engine, Model, ProviderId};

/// A named thing to link to: a flow, or a component with how it is used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// Its id (a flow id or a component id).
    pub id: String,
    /// Its display name.
    pub name: String,
    /// How it relates (an edge kind, `hop`), or empty.
    pub detail: String,
}

/// One component, for the details panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComponentDetails {
    /// The component.
    pub component: CompId,
    /// Its id.
    pub id: String,
    /// Its real name.
    pub name: String,
    /// Its product word, if any.
    pub product: Option<String>,
    /// Its provider's display name, or `external`.
    pub provider: String,
    /// Its provider's id, if it has one.
    pub provider_id: Option<String>,
    /// Its region's id, or `-`.
    pub region: String,
    /// Its region's display name, if it has one.
    pub region_name: Option<String>,
    /// What it is.
    pub kind: String,
    /// `prod`, `dev` or `shared`.
    pub env: String,
    /// The files that manage it.
    pub sources: Vec<String>,
    /// Whether Terraform manages it.
    pub terraform: bool,
    /// `Terraform` or `outside Terraform`.
    pub managed: String,
    /// The name of the cluster it runs in, if any.
    pub runs_in: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// Why it sits where it does, when the rule alone would not put it there.
    pub placement: Option<String>,
    /// What the model assumes about it.
    pub assumption: Option<String>,
    /// Flows that use it (fail when it fails).
    pub flows: Vec<Link>,
    /// Flows it is a single point of failure for.
    pub spof_for: Vec<Link>,
    /// What it needs, with the edge kind.
    pub needs: Vec<Link>,
    /// What needs it, with the edge kind.
    pub needed_by: Vec<Link>,
}

/// A provider's display name, or `external` outside every provider.
pub(crate) fn provider_display(engine: &Engine, provider: Option<ProviderId>) -> String {
    let model = engine.model();
    match provider.and_then(|p| model.providers.get(p.index())) {
        Some(p) => p.name.clone(),
        None => model.provider_name(None).to_owned(),
    }
}

/// Everything the details panel shows about `component`.
///
/// An id that is not in the model gives an empty panel named after it
/// rather than a panic.
/// Complexity: one simulation (for the flows that use it) and the single
/// points of failure of every flow.
#[allow(clippy::disallowed_macros)] // Predates the rule: one component's details, on demand.
pub fn component_details(engine: &Engine, component: CompId) -> ComponentDetails {
    let model = engine.model();
    let Some(c) = model.components.get(component.index()) else {
        return ComponentDetails {
            component,
            id: format!("#{}", component.index()),
            name: format!("unknown component #{}", component.index()),
            ..ComponentDetails::default()
        };
    };
    let flow_link = |f: archsim_core::FlowId| {
        let flow = &model.flows[f.index()];
        Link {
            id: flow.id.clone(),
            name: flow.name.clone(),
            detail: String::new(),
        }
    };
    let edge_link = |e: archsim_core::EdgeId, other: CompId| {
        let edge = &model.edges[e.index()];
        let other = model.component(other);
        Link {
            id: other.id.clone(),
            name: other.name.clone(),
            detail: if edge.hop {
                format!("hop, {}", edge.kind.as_str())
            } else {
                edge.kind.as_str().to_owned()
            },
        }
    };
    let mut needs: Vec<Link> = Vec::new();
    let mut needed_by: Vec<Link> = Vec::new();
    for (i, edge) in model.edges.iter().enumerate() {
        let id = archsim_core::EdgeId::from_index(i);
        if edge.from == component {
            let link = edge_link(id, edge.to);
            if !needs.contains(&link) {
                needs.push(link);
            }
        } else if edge.to == component {
            let link = edge_link(id, edge.from);
            if !needed_by.contains(&link) {
                needed_by.push(link);
            }
        }
    }
    let spof_for = engine
        .spof()
        .into_iter()
        .filter(|s| s.components.contains(&component))
        .map(|s| flow_link(s.flow))
        .collect();
    ComponentDetails {
        component,
        id: c.id.clone(),
        name: c.name.clone(),
        product: c.product.clone(),
        provider: provider_display(engine, c.provider),
        provider_id: c
            .provider
            .and_then(|p| model.providers.get(p.index()))
            .map(|p| p.id.clone()),
        region: model.region_name(c.region).to_owned(),
        region_name: c
            .region
            .and_then(|r| model.regions.get(r.index()))
            .map(|r| r.name.clone()),
        kind: c.kind.clone(),
        env: c.env.clone(),
        sources: c.sources.clone(),
        terraform: c.terraform,
        managed: managed_label(c.terraform).to_owned(),
        runs_in: c.runs_in.map(|r| model.component(r).name.clone()),
        notes: c.notes.clone(),
        placement: c.placement.clone(),
        assumption: c.provenance.assumption.clone(),
        flows: engine
            .flows_using(component)
            .into_iter()
            .map(flow_link)
            .collect(),
        spof_for,
        needs,
        needed_by,
    }
}

/// How a component is managed, in words: `Terraform` or `outside
/// Terraform`. The model says only whether Terraform manages it; what is
/// outside may be a Kubernetes manifest, a cloud's own doing or a hand.
fn managed_label(terraform: bool) -> &'static str {
    if terraform {
        "Terraform"
    } else {
        "outside Terraform"
    }
}

/// Yes or no, for a table's cell.
pub fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Where a component is, in words: its provider and region
/// (`gcp asia-east1`, `aws global`), or its provider alone when it has no
/// region (`external`): the map's labels and tooltips say it so.
#[allow(clippy::disallowed_macros)] // Predates the rule: one line per component shown.
pub fn whereabouts(model: &Model, component: CompId) -> String {
    let c = model.component(component);
    let provider = model.provider_name(c.provider);
    match c.region {
        Some(_) => format!("{provider} {}", model.region_name(c.region)),
        None => provider.to_owned(),
    }
}
