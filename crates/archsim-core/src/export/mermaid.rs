//! Mermaid flowchart export.

use std::fmt::Write;

use super::{drawn_edges, groups};
use crate::model::Model;

fn node_id(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn label(text: &str) -> String {
    text.replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('|', "#124;")
}

/// The model as a Mermaid `flowchart LR`, grouped by provider and region.
///
/// Complexity: O(V + E).
pub fn mermaid(model: &Model) -> String {
    let mut out = String::from("flowchart LR\n");
    for (provider, regions) in groups(model) {
        let indent = if provider.is_some() { "    " } else { "  " };
        if let Some(p) = provider {
            let p = &model.providers[p.index()];
            let _ = writeln!(
                out,
                "  subgraph {}[\"{}\"]",
                node_id(&format!("provider-{}", p.id)),
                label(&p.name)
            );
        }
        for (region, components) in regions {
            let inner = match (provider, region) {
                (Some(p), Some(r)) => {
                    let r = &model.regions[r.index()];
                    let _ = writeln!(
                        out,
                        "{indent}subgraph {}[\"{}\"]",
                        node_id(&format!("{}-{}", model.providers[p.index()].id, r.id)),
                        label(&r.id)
                    );
                    format!("{indent}  ")
                }
                _ => indent.to_owned(),
            };
            for c in components {
                let c = model.component(c);
                let text = if c.name == c.id {
                    label(&c.name)
                } else {
                    format!("{}<br/><small>{}</small>", label(&c.name), label(&c.kind))
                };
                let _ = writeln!(out, "{inner}{}[\"{text}\"]", node_id(&c.id));
            }
            if inner.len() > indent.len() {
                let _ = writeln!(out, "{indent}end");
            }
        }
        if provider.is_some() {
            out.push_str("  end\n");
        }
    }
    for edge in drawn_edges(model) {
        let from = node_id(&model.component(edge.from).id);
        let to = node_id(&model.component(edge.to).id);
        let arrow = if edge.solid { "-->" } else { "-.->" };
        if edge.label.is_empty() {
            let _ = writeln!(out, "  {from} {arrow} {to}");
        } else {
            let _ = writeln!(out, "  {from} {arrow}|\"{}\"| {to}", label(&edge.label));
        }
    }
    out
}
