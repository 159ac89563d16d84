//! The provider and region boxes behind the map's nodes.

use std::fmt::Write;

use archsim_core::{Engine, Model};

use super::num;
use crate::escape::html as esc;
use crate::layout::Layout;

/// The group boxes, into `out`.
pub(super) fn groups(out: &mut String, engine: &Engine, layout: &Layout) {
    out.push_str("<g class=\"archsim-groups\">\n");
    out.push_str(&groups_svg(engine.model(), layout));
    out.push_str("</g>\n");
}

/// The provider and region boxes with their labels, as SVG markup (one
/// `<g class="archsim-group …">` each): the static map's and the live map's.
pub fn groups_svg(model: &Model, layout: &Layout) -> String {
    let mut out = String::new();
    for g in &layout.groups {
        let class = match (g.depth, g.provider) {
            (0, None) => "archsim-group archsim-group-external",
            (0, Some(_)) => "archsim-group archsim-group-provider",
            _ => "archsim-group archsim-group-region",
        };
        let provider = model.provider_name(g.provider);
        let _ = write!(
            out,
            r#"<g class="{class}" data-provider="{}""#,
            esc(provider)
        );
        let region = g.region.and_then(|r| model.regions.get(r.index()));
        if let Some(r) = region {
            let _ = write!(out, r#" data-region="{}""#, esc(&r.id));
        }
        let _ = write!(
            out,
            r#"><rect x="{}" y="{}" width="{}" height="{}" rx="8"/><text class="archsim-group-label" x="{}" y="{}">{}</text>"#,
            num(g.x),
            num(g.y),
            num(g.width),
            num(g.height),
            num(g.x + 10.0),
            num(g.y + 15.0),
            esc(&g.label)
        );
        // A region's id, in large type: what the live map shows in place
        // of the region's name when it is zoomed out (its boxes show ids
        // too); hidden otherwise (archsim.css). It fills the box's label
        // line, above the first component.
        if let Some(r) = region {
            let _ = write!(
                out,
                r#"<text class="archsim-group-id" x="{}" y="{}">{}</text>"#,
                num(g.x + 10.0),
                num(g.y + 17.0),
                esc(&r.id)
            );
        }
        out.push_str("</g>\n");
    }
    out
}
