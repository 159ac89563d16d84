//! The map's nodes: a rounded box per component with its name and kind,
//! its id in large type for the zoomed-out map, and its state mark.

use std::fmt::Write;

use archsim_core::{CompId, Engine, Model, State};

use super::{num, wrap};
use crate::escape::html as esc;
use crate::layout::NodeBox;

/// Width of a character of a node's name (12 px sans-serif, generous so
/// names stay inside their box).
const NAME_CHAR: f64 = 7.0;

/// What a node is marked with.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    Failed,
    State(State),
    Drafted(super::Drafted),
}

/// One node, into `out`.
pub(super) fn node_svg(
    out: &mut String,
    engine: &Engine,
    node: &NodeBox,
    mark: Option<Mark>,
    lit: bool,
    faded: bool,
) {
    let model = engine.model();
    let c = model.component(node.component);
    let mut class = String::from("archsim-node");
    match mark {
        Some(Mark::Failed) => class.push_str(" is-failed state-down"),
        Some(Mark::State(s)) => {
            let _ = write!(class, " state-{}", s.as_str());
        }
        Some(Mark::Drafted(d)) => class.push_str(d.class()),
        None => {}
    }
    if lit {
        class.push_str(" is-highlighted");
    }
    if faded {
        class.push_str(" is-faded");
    }
    let provider = model.provider_name(c.provider);
    let _ = write!(
        out,
        r#"<g class="{class}" data-id="{}" data-provider="{}"><title>{}</title>{}"#,
        esc(&c.id),
        esc(provider),
        esc(&node_title(engine, node.component, mark)),
        node_body(model, node),
    );
    if let Some(mark) = mark {
        let (icon, word) = match mark {
            Mark::Failed => (State::Down.icon(), "failed"),
            Mark::State(s) => (s.icon(), s.word()),
            Mark::Drafted(d) => (d.icon(), d.word()),
        };
        let (x, y) = marker_at(node);
        let _ = write!(
            out,
            r#" <text class="archsim-node-state" x="{}" y="{}" text-anchor="end">{icon} {word}</text>"#,
            num(x),
            num(y),
        );
    }
    out.push_str("</g>\n");
}

/// A node's box, its name (at most two lines) and its kind line, as SVG
/// markup: the part of a node that no state changes. A space parts each
/// text from the one before (SVG draws none): what is read as the node's
/// text is then its words, not a line's last glued to the next's first.
#[allow(clippy::disallowed_macros)] // The static map's node bodies: the fallback's SVG.
pub fn node_body(model: &Model, node: &NodeBox) -> String {
    let c = model.component(node.component);
    let mut out = format!(
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="6"/>"#,
        num(node.x),
        num(node.y),
        num(node.width),
        num(node.height),
    );
    let chars = ((node.width - 16.0) / NAME_CHAR).floor().max(4.0) as usize;
    let lines = wrap(&c.name, chars, 2);
    let tx = node.x + 8.0;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#" <text class="archsim-node-name" x="{}" y="{}">{}</text>"#,
            num(tx),
            num(node.y + 17.0 + 14.0 * i as f64),
            esc(line)
        );
    }
    let _ = write!(
        out,
        r#" <text class="archsim-node-kind" x="{}" y="{}">{}</text>"#,
        num(tx),
        num(node.y + node.height - 8.0),
        esc(&c.kind)
    );
    out
}

/// Width of a character of a node's id in large type (20 px, as
/// generous as [`NAME_CHAR`]).
const ID_CHAR: f64 = 11.7;

/// A node's id in large type, at most two lines, for a map drawn so small
/// that its names cannot be read. Only the widgets' map draws it, and
/// shows it only then (`.is-mid`, widgets.css): ids are short and unique,
/// where two names may begin alike ("CloudFront distribution (…)").
///
/// An id is never cut short: at this zoom it is what a reader sees of a
/// node and names it by (its accessible name starts with the id, and a
/// cut id followed by the state mark would not be in it). Lines wider
/// than the box are drawn condensed to its width (`textLength`).
pub fn node_id_label(model: &Model, node: &NodeBox) -> String {
    let c = model.component(node.component);
    let chars = ((node.width - 16.0) / ID_CHAR).floor().max(4.0) as usize;
    let mut width = chars;
    let mut lines = wrap(&c.id, width, 2);
    while lines.last().is_some_and(|l| l.ends_with('…')) && width < c.id.chars().count() {
        width += 1;
        lines = wrap(&c.id, width, 2);
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#" <text class="archsim-node-id" x="{}" y="{}""#,
            num(node.x + 8.0),
            num(node.y + 22.0 + 21.0 * i as f64),
        );
        if line.chars().count() > chars {
            let _ = write!(
                out,
                r#" textLength="{}" lengthAdjust="spacingAndGlyphs""#,
                num(node.width - 16.0)
            );
        }
        let _ = write!(out, ">{}</text>", esc(line));
    }
    out
}

/// Where a node's state marker ends (it is drawn `text-anchor="end"`).
pub fn marker_at(node: &NodeBox) -> (f64, f64) {
    (node.x + node.width - 8.0, node.y + node.height - 8.0)
}

/// A node's tooltip: name, id, kind, where, and its mark.
#[allow(clippy::disallowed_macros)] // The static map's node titles: the fallback's SVG.
fn node_title(engine: &Engine, c: CompId, mark: Option<Mark>) -> String {
    let model = engine.model();
    let comp = model.component(c);
    let mut text = format!(
        "{} ({}) — {}, {}",
        comp.name,
        comp.id,
        comp.kind,
        crate::present::whereabouts(model, c)
    );
    match mark {
        Some(Mark::Failed) => text.push_str(" — failed"),
        Some(Mark::State(s)) => {
            text.push_str(" — ");
            text.push_str(s.word());
        }
        Some(Mark::Drafted(d)) => {
            text.push_str(" — ");
            text.push_str(d.word());
            text.push_str(" by the draft");
        }
        None => {}
    }
    text
}

#[cfg(test)]
mod tests {
    use super::node_id_label;
    use archsim_core::Engine;

    #[test]
    fn writes_ids_in_large_type_on_at_most_two_lines() {
        let engine = Engine::tomoda().unwrap();
        let model = engine.model();
        let layout = crate::layout::layout(model, &crate::layout::LayoutOptions::default());
        let lines = |id: &str| -> Vec<String> {
            let node = layout
                .nodes
                .iter()
                .find(|n| model.component(n.component).id == id)
                .unwrap();
            let svg = node_id_label(model, node);
            svg.split("</text>")
                .filter_map(|t| t.split_once('>').map(|(_, text)| text.to_owned()))
                .collect()
        };
        // (id, lines): broken after a hyphen, within the box; never cut
        // (a line wider than the box is condensed to it).
        let cases: [(&str, &[&str]); 5] = [
            ("gke", &["gke"]),
            ("s3-assets-prod", &["s3-assets-prod"]),
            ("cloudflare-zone", &["cloudflare-", "zone"]),
            ("photon-index-bucket", &["photon-index-", "bucket"]),
            ("acm-certificate-dev", &["acm-", "certificate-dev"]),
        ];
        for (id, expected) in cases {
            assert_eq!(lines(id), expected, "{id}");
        }
    }
}
