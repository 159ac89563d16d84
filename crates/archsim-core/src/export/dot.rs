//! Graphviz DOT export.

use std::fmt::Write;

use super::{drawn_edges, groups};
use crate::model::Model;
use crate::text::is_hidden;

/// A DOT string: `"` and `\` escaped, so nothing ends it early or reads as
/// a label escape (`\N`, `\G`); a line break is DOT's `\n`; what acts on a
/// terminal is written visibly (`\u{1b}`, its backslash escaped too), since
/// the file is printed as often as it is drawn.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if is_hidden(c) => {
                for e in c.escape_unicode() {
                    if e == '\\' {
                        out.push('\\');
                    }
                    out.push(e);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The model as a Graphviz digraph, with a cluster per provider and region.
///
/// Complexity: O(V + E).
pub fn dot(model: &Model) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&model.meta.name));
    out.push_str("  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    for (provider, regions) in groups(model) {
        if let Some(p) = provider {
            let p = &model.providers[p.index()];
            let _ = writeln!(
                out,
                "  subgraph {} {{\n    label={};",
                quote(&format!("cluster_{}", p.id)),
                quote(&p.name)
            );
        }
        for (region, components) in regions {
            let clustered = provider.is_some() && region.is_some();
            if let (Some(p), Some(r)) = (provider, region) {
                let r = &model.regions[r.index()];
                let _ = writeln!(
                    out,
                    "    subgraph {} {{\n      label={};",
                    quote(&format!(
                        "cluster_{}_{}",
                        model.providers[p.index()].id,
                        r.id
                    )),
                    quote(&r.id)
                );
            }
            for c in components {
                let c = model.component(c);
                let _ = writeln!(
                    out,
                    "      {} [label={}];",
                    quote(&c.id),
                    quote(&format!("{}\n{}", c.name, c.kind))
                );
            }
            if clustered {
                out.push_str("    }\n");
            }
        }
        if provider.is_some() {
            out.push_str("  }\n");
        }
    }
    for edge in drawn_edges(model) {
        let style = if edge.solid { "solid" } else { "dashed" };
        let _ = writeln!(
            out,
            "  {} -> {} [style={style}, label={}];",
            quote(&model.component(edge.from).id),
            quote(&model.component(edge.to).id),
            quote(&edge.label)
        );
    }
    out.push_str("}\n");
    out
}
