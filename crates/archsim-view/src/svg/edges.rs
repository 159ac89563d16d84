//! The map's edges: paths with arrowheads, their classes, labels and
//! titles.

use std::fmt::Write;

use archsim_core::{Engine, Model};

use super::{num, path_data};
use crate::escape::html as esc;
use crate::layout::EdgePath;

/// One edge, into `out`; `p` prefixes the arrowheads' ids.
pub(super) fn edge_svg(
    out: &mut String,
    engine: &Engine,
    edge: &EdgePath,
    (lit, faded, drafted): (bool, bool, Option<super::Drafted>),
    p: &str,
) {
    let model = engine.model();
    let (Some(from), Some(to)) = (
        model.components.get(edge.from.index()),
        model.components.get(edge.to.index()),
    ) else {
        return;
    };
    let mut class = edge_class(model, edge);
    if lit {
        class.push_str(" is-highlighted");
    }
    if faded {
        class.push_str(" is-faded");
    }
    if let Some(d) = drafted {
        class.push_str(d.class());
    }
    let _ = write!(
        out,
        r#"<g class="{class}" data-from="{}" data-to="{}"><title>{}</title><path d="{}" marker-end="url(#{p}-arrow{})"/>"#,
        esc(&from.id),
        esc(&to.id),
        esc(&edge_title(model, edge)),
        path_data(&edge.points),
        if lit { "-lit" } else { "" },
    );
    out.push_str(&edge_label(edge));
    out.push_str("</g>\n");
}

/// The classes an edge always has: its kind, and whether it is a hop, is
/// drawn reversed, or only says where a workload runs.
#[allow(clippy::disallowed_macros)] // The static map's edge classes: the fallback's SVG.
pub fn edge_class(model: &Model, edge: &EdgePath) -> String {
    let mut class = format!("archsim-edge kind-{}", edge.kind.as_str());
    if edge.hop {
        class.push_str(" is-hop");
    }
    if edge.reversed {
        class.push_str(" is-reversed");
    }
    let runs_in = edge.edges.iter().all(|id| {
        model
            .edges
            .get(id.index())
            .is_some_and(|e| e.origin == archsim_core::EdgeOrigin::RunsIn)
    });
    if runs_in {
        class.push_str(" is-runs-in");
    }
    class
}

/// An edge's label as SVG markup, or nothing when it has none.
#[allow(clippy::disallowed_macros)] // The static map's edge labels: the fallback's SVG.
pub fn edge_label(edge: &EdgePath) -> String {
    edge.label
        .as_ref()
        .map(|label| {
            format!(
                r#"<text class="archsim-edge-label" x="{}" y="{}">{}</text>"#,
                num(edge.label_at.0),
                num(edge.label_at.1 - 4.0),
                esc(label)
            )
        })
        .unwrap_or_default()
}

/// An edge's tooltip: who needs whom (hop or dependency, and its kind),
/// then the records behind a hop and the reasons the model gives.
#[allow(clippy::disallowed_macros)] // The static map's edge titles: the fallback's SVG.
pub fn edge_title(model: &Model, edge: &EdgePath) -> String {
    let mut text = format!(
        "{} → {} ({}{})",
        model.component(edge.from).name,
        model.component(edge.to).name,
        if edge.hop { "hop, " } else { "" },
        edge.kind.as_str()
    );
    let mut seen: Vec<&str> = Vec::new();
    for id in &edge.edges {
        let Some(e) = model.edges.get(id.index()) else {
            continue;
        };
        if let archsim_core::EdgeOrigin::Record(r) = e.origin {
            let r = &model.records[r.index()];
            let _ = write!(
                text,
                "\n{} {} → {}",
                r.rtype,
                r.host,
                model.component(e.to).id
            );
        } else if !e.why.is_empty() && !seen.contains(&e.why.as_str()) {
            seen.push(&e.why);
            let _ = write!(text, "\n{}", e.why);
        }
    }
    text
}
