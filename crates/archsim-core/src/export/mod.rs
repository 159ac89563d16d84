//! Text exports of the model's graph: Mermaid and Graphviz DOT.
//!
//! Both group components by provider and region, like the source document's
//! diagram, and draw hops as solid arrows and other dependencies dashed,
//! labelled with their kind.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // Mermaid and DOT are for the CLI and the book: no widget exports.

mod dot;
mod mermaid;

pub use dot::dot;
pub use mermaid::mermaid;

use crate::model::{CompId, EdgeOrigin, Model, ProviderId, RegionId};

/// One provider's components, by region.
pub(crate) type ProviderGroup = (Option<ProviderId>, Vec<(Option<RegionId>, Vec<CompId>)>);

/// Components grouped by provider, then region, in model order.
pub(crate) fn groups(model: &Model) -> Vec<ProviderGroup> {
    let mut out: Vec<ProviderGroup> = Vec::new();
    for (i, c) in model.components.iter().enumerate() {
        let id = CompId::from_index(i);
        let provider = match out.iter_mut().find(|(p, _)| *p == c.provider) {
            Some(p) => p,
            None => {
                out.push((c.provider, Vec::new()));
                out.last_mut().expect("just pushed")
            }
        };
        match provider.1.iter_mut().find(|(r, _)| *r == c.region) {
            Some(region) => region.1.push(id),
            None => provider.1.push((c.region, vec![id])),
        }
    }
    // Components outside every provider first, like the diagram's User.
    out.sort_by_key(|(p, _)| p.map_or(-1, |p| p.index() as i64));
    out
}

/// One line per drawn edge: records to the same target are merged into one
/// edge labelled with their hosts.
pub(crate) struct DrawnEdge {
    pub from: CompId,
    pub to: CompId,
    pub label: String,
    pub solid: bool,
}

pub(crate) fn drawn_edges(model: &Model) -> Vec<DrawnEdge> {
    let mut out: Vec<DrawnEdge> = Vec::new();
    for edge in &model.edges {
        let label = match edge.origin {
            EdgeOrigin::Record(r) => model.records[r.index()].host.clone(),
            EdgeOrigin::RunsIn => "runs in".to_owned(),
            EdgeOrigin::Declared => edge.kind.tag().unwrap_or_default().to_owned(),
        };
        let record = matches!(edge.origin, EdgeOrigin::Record(_));
        if record
            && let Some(existing) = out
                .iter_mut()
                .find(|d| d.from == edge.from && d.to == edge.to && !d.solid)
        {
            existing.label.push_str(", ");
            existing.label.push_str(&label);
            continue;
        }
        out.push(DrawnEdge {
            from: edge.from,
            to: edge.to,
            label,
            solid: edge.hop && !record,
        });
    }
    out
}
