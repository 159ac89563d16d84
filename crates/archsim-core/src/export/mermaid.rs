//! Mermaid flowchart export.

use std::fmt::Write;

use super::{drawn_edges, groups};
use crate::model::Model;
use crate::text::push_visible;

/// A Mermaid id for a node or subgraph: a kind letter and an index, which
/// no two things share and no Mermaid keyword (`end`, `graph`) equals, then
/// the model's id with its other characters as `_`, for a reader.
fn node_id(kind: char, index: usize, id: &str) -> String {
    let mut out = format!("{kind}{index}_");
    out.extend(
        id.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
    );
    out
}

/// Text inside a quoted Mermaid label (`["…"]`, `|"…"|`): what could end
/// the label or read as markup is an entity code (`#quot;`; `#` itself, so
/// a name that spells an entity shows as written; a backtick, which would
/// start a Markdown string), a line break is `<br/>`, and what acts on a
/// terminal is written visibly (`\u{1b}`).
fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br/>"),
            c => push_visible(&mut out, c),
        }
    }
    out
}

/// The model as a Mermaid `flowchart LR`, grouped by provider and region.
///
/// Complexity: O(V + E).
pub fn mermaid(model: &Model) -> String {
    let mut out = String::from("flowchart LR\n");
    for (provider, regions) in groups(model) {
        let indent = if provider.is_some() { "    " } else { "  " };
        if let Some(id) = provider {
            let p = &model.providers[id.index()];
            let _ = writeln!(
                out,
                "  subgraph {}[\"{}\"]",
                node_id('p', id.index(), &p.id),
                label(&p.name)
            );
        }
        for (region, components) in regions {
            let inner = match (provider, region) {
                (Some(p), Some(region_id)) => {
                    let r = &model.regions[region_id.index()];
                    let _ = writeln!(
                        out,
                        "{indent}subgraph {}[\"{}\"]",
                        node_id(
                            'r',
                            region_id.index(),
                            &format!("{}-{}", model.providers[p.index()].id, r.id)
                        ),
                        label(&r.id)
                    );
                    format!("{indent}  ")
                }
                _ => indent.to_owned(),
            };
            for id in components {
                let c = model.component(id);
                let text = if c.name == c.id {
                    label(&c.name)
                } else {
                    format!("{}<br/><small>{}</small>", label(&c.name), label(&c.kind))
                };
                let _ = writeln!(
                    out,
                    "{inner}{}[\"{text}\"]",
                    node_id('c', id.index(), &c.id)
                );
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
        let from = node_id('c', edge.from.index(), &model.component(edge.from).id);
        let to = node_id('c', edge.to.index(), &model.component(edge.to).id);
        let arrow = if edge.solid { "-->" } else { "-.->" };
        if edge.label.is_empty() {
            let _ = writeln!(out, "  {from} {arrow} {to}");
        } else {
            let _ = writeln!(out, "  {from} {arrow}|\"{}\"| {to}", label(&edge.label));
        }
    }
    out
}
