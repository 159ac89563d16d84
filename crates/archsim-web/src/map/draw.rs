//! The live map's drawing for one state: how every node and edge looks
//! ([`looks`]: classes, labels, markers), and the SVG markup that draws
//! the prepared pieces of [`Geometry`] that way ([`map_markup`]).
//!
//! The map is written once; a later state changes only the looks that
//! differ, on the elements (see the map component), so a click on a
//! 1,000-node map touches a few elements instead of parsing the drawing
//! again. Pure, so the native tests read exactly what the browser shows.
//! Hovering is not drawn here: it changes no state, and the map component
//! marks the hovered node's neighbourhood on the elements directly.

use archsim_core::{CompId, State as Health};

use crate::ids;
use crate::map::geometry::Geometry;
use crate::markup::Markup;

/// What a node is marked with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The reader failed it.
    Failed,
    /// A flow through it is in this state (not `ok`).
    WidgetState(Health),
}

/// The state of every node, the lit path and the current hop.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// By node index.
    pub nodes: Vec<Option<Mark>>,
    /// Node indices along the lit route, in order.
    pub path: Vec<usize>,
    /// The hop being explained.
    pub current: Option<usize>,
}

impl Marks {
    /// Marks from the failed components, the states the engine gave, and
    /// a route. A component keeps its worst state; failed beats all.
    pub fn new(
        geometry: &Geometry,
        failed: impl IntoIterator<Item = CompId>,
        states: impl IntoIterator<Item = (CompId, Health)>,
        path: impl IntoIterator<Item = CompId>,
    ) -> Marks {
        let mut nodes = vec![None; geometry.nodes.len()];
        for (c, s) in states {
            if let Some(i) = geometry.index(c) {
                let worse = match nodes[i] {
                    Some(Mark::WidgetState(old)) => s > old,
                    Some(Mark::Failed) => false,
                    None => s != Health::Ok,
                };
                if worse {
                    nodes[i] = Some(Mark::WidgetState(s));
                }
            }
        }
        for c in failed {
            if let Some(i) = geometry.index(c) {
                nodes[i] = Some(Mark::Failed);
            }
        }
        Marks {
            nodes,
            path: path.into_iter().filter_map(|c| geometry.index(c)).collect(),
            current: None,
        }
    }
}

/// Everything besides the marks that changes the drawing.
#[derive(Clone, Copy, Debug)]
pub struct Drawing<'a> {
    /// The widget's id prefix (marker ids, node ids).
    pub uid: &'a str,
    /// The selected node (details shown).
    pub selected: Option<usize>,
    /// Which nodes the search matches, when there is a search.
    pub matches: Option<&'a [bool]>,
    /// The node that takes the Tab stop.
    pub focus: usize,
    /// Whether clicking fails (then `aria-pressed` says failed) or selects.
    pub clicks_fail: bool,
    /// Whether the map is zoomed out so far that each box shows its id in
    /// large type instead of its name and kind (`viewport::Detail::Ids`):
    /// then its name for a screen reader starts with the id.
    pub ids: bool,
}

/// The id of node `index`'s element.
pub fn node_id(uid: &str, index: usize) -> String {
    ids::numbered(uid, "-n", index)
}

/// The id of edge `index`'s element.
pub fn edge_id(uid: &str, index: usize) -> String {
    ids::numbered(uid, "-e", index)
}

/// How one node looks in a state: what changes when the state does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeLook {
    /// Its classes.
    pub class: String,
    /// What a screen reader says (also its tooltip).
    pub label: String,
    /// `aria-pressed`.
    pub pressed: bool,
    /// The state marker's text (icon and words), empty when none.
    pub marker: String,
}

/// How one edge looks in a state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EdgeLook {
    /// Its classes.
    pub class: String,
    /// Whether it is on the lit route (its arrow is lit too).
    pub lit: bool,
}

/// Every node's and edge's look, in [`Geometry`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Looks {
    /// By node index.
    pub nodes: Vec<NodeLook>,
    /// By edge index.
    pub edges: Vec<EdgeLook>,
}

/// How everything looks under `marks` and `d`.
///
/// Complexity: O(V + E + P) for a lit path of P hops.
pub fn looks(g: &Geometry, marks: &Marks, d: &Drawing) -> Looks {
    let matched = |i: usize| d.matches.is_none_or(|m| m.get(i).copied().unwrap_or(false));
    // Each node's place on the path (a route visits a node once).
    let mut place = vec![usize::MAX; g.nodes.len()];
    for (k, &i) in marks.path.iter().enumerate() {
        if let Some(p) = place.get_mut(i) {
            *p = k;
        }
    }
    let on_path = |i: usize| place.get(i).is_some_and(|&k| k != usize::MAX);
    let edges = g
        .edges
        .iter()
        .map(|e| {
            let lit = on_path(e.from) && marks.path.get(place[e.from] + 1) == Some(&e.to);
            let faded = match d.matches {
                Some(_) => !(matched(e.from) && matched(e.to)),
                None => !marks.path.is_empty() && !lit,
            };
            let mut class = e.class.clone();
            if lit {
                class.push_str(" is-highlighted");
            }
            if faded {
                class.push_str(" is-faded");
            }
            EdgeLook { class, lit }
        })
        .collect();
    let nodes = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mark = marks.nodes.get(i).copied().flatten();
            let mut class = String::from("archsim-node");
            let (marker, words) = match mark {
                Some(Mark::Failed) => {
                    class.push_str(" is-failed state-down");
                    ([Health::Down.icon(), " failed"].concat(), "failed")
                }
                Some(Mark::WidgetState(s)) => {
                    class.push_str(" state-");
                    class.push_str(s.as_str());
                    let words = s.word();
                    ([s.icon(), " ", words].concat(), words)
                }
                None => (String::new(), ""),
            };
            let lit = on_path(i);
            if lit {
                class.push_str(" is-highlighted");
            }
            if marks.current == Some(i) {
                class.push_str(" is-current");
            }
            if d.selected == Some(i) {
                class.push_str(" is-selected");
            }
            let faded = match d.matches {
                Some(_) => !matched(i),
                None => !marks.path.is_empty() && !lit,
            };
            if faded {
                class.push_str(" is-faded");
            }
            let pressed = if d.clicks_fail {
                mark == Some(Mark::Failed)
            } else {
                d.selected == Some(i)
            };
            // The words the box shows come first, in its order, then the
            // rest (`NodeGeom::label`): name and kind, the state, where;
            // zoomed out to ids, the id and the state, then name, kind and
            // where.
            let label = match (d.ids, words.is_empty()) {
                (false, true) => [&n.label, ", ", &n.place].concat(),
                (false, false) => [&n.label, ", ", words, ", ", &n.place].concat(),
                (true, true) => [&n.id, ", ", &n.label, ", ", &n.place].concat(),
                (true, false) => [&n.id, ", ", words, ", ", &n.label, ", ", &n.place].concat(),
            };
            NodeLook {
                class,
                label,
                pressed,
                marker,
            }
        })
        .collect();
    Looks { nodes, edges }
}

/// The arrow markers' ids: plain and lit.
fn arrows(uid: &str) -> (String, String) {
    (
        ["url(#", uid, "-arrow)"].concat(),
        ["url(#", uid, "-arrow-lit)"].concat(),
    )
}

/// The `marker-end` of an edge.
pub fn arrow_of(uid: &str, lit: bool) -> String {
    let (plain, lit_arrow) = arrows(uid);
    if lit { lit_arrow } else { plain }
}

/// The map's contents (markers, groups, edges, nodes) as SVG markup,
/// looking as `looks` says. Every node has a state marker element (empty
/// when it has no state), so a later state only changes attributes and
/// text: see [`Looks`].
///
/// Complexity: O(V + E); the text is written once, from pieces prepared
/// by [`Geometry::new`].
pub fn map_markup(g: &Geometry, looks: &Looks, d: &Drawing) -> String {
    let mut m = Markup::new();
    m.raw("<defs>");
    for (suffix, class) in [
        ("-arrow", "archsim-arrow"),
        ("-arrow-lit", "archsim-arrow is-highlighted"),
    ] {
        m.open(
            "marker",
            &[
                ("id", &ids::id(d.uid, suffix)),
                ("class", class),
                ("viewBox", "0 0 10 10"),
                ("refX", "9"),
                ("refY", "5"),
                ("markerWidth", "7"),
                ("markerHeight", "7"),
                ("orient", "auto-start-reverse"),
            ],
        )
        .raw("<path d=\"M0,0L10,5L0,10z\"/></marker>");
    }
    m.raw("</defs><g class=\"archsim-groups\">")
        .raw(&g.groups)
        .raw("</g><g class=\"archsim-edges\">");
    let none = EdgeLook::default();
    for (k, e) in g.edges.iter().enumerate() {
        let look = looks.edges.get(k).unwrap_or(&none);
        m.open(
            "g",
            &[
                ("class", &look.class),
                ("id", &edge_id(d.uid, k)),
                ("data-from", &e.from.to_string()),
                ("data-to", &e.to.to_string()),
            ],
        )
        .raw(&e.title)
        .open(
            "path",
            &[("d", &e.d), ("marker-end", &arrow_of(d.uid, look.lit))],
        )
        .close("path")
        .raw(&e.label)
        .close("g");
    }
    m.raw("</g><g class=\"archsim-nodes\">");
    let blank = NodeLook::default();
    for (i, n) in g.nodes.iter().enumerate() {
        let look = looks.nodes.get(i).unwrap_or(&blank);
        m.open(
            "g",
            &[
                ("class", &look.class),
                ("id", &node_id(d.uid, i)),
                ("data-index", &i.to_string()),
                ("data-id", &n.id),
                ("data-provider", &n.provider),
                ("role", "button"),
                ("tabindex", if d.focus == i { "0" } else { "-1" }),
                ("aria-label", &look.label),
                ("aria-pressed", if look.pressed { "true" } else { "false" }),
            ],
        )
        .leaf("title", &[], &look.label)
        .raw(&n.body)
        // A space, as between the body's texts (`svg::node_body`).
        .raw(" ")
        .leaf(
            "text",
            &[
                ("class", "archsim-node-state"),
                ("x", &n.mark_at.0),
                ("y", &n.mark_at.1),
                ("text-anchor", "end"),
            ],
            &look.marker,
        )
        .close("g");
    }
    m.raw("</g>");
    m.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared::Shared;

    fn node<'a>(svg: &'a str, id: &str) -> &'a str {
        let at = svg
            .find(&format!("data-id=\"{id}\""))
            .unwrap_or_else(|| panic!("{id} is drawn"));
        let start = svg[..at].rfind("<g ").unwrap();
        let end = at + svg[at..].find("</g>").unwrap();
        &svg[start..end]
    }

    #[test]
    fn draws_failures_paths_selection_and_search() {
        let shared = Shared::new(archsim_core::Engine::tomoda().unwrap());
        let model = shared.model();
        let g = Geometry::new(model, &shared.layout());
        let id =
            |s: &str| CompId::from_index(model.components.iter().position(|c| c.id == s).unwrap());
        let (cf, s3, gke) = (id("cloudfront-prod"), id("s3-assets-prod"), id("gke"));
        let mut marks = Marks::new(&g, [cf], [(gke, Health::Degraded)], [cf, s3]);
        marks.current = g.index(s3);
        let draw = |marks: &Marks, d: Drawing| map_markup(&g, &looks(&g, marks, &d), &d);
        let plain = Drawing {
            uid: "w1",
            selected: g.index(gke),
            matches: None,
            focus: g.index(gke).unwrap(),
            clicks_fail: true,
            ids: false,
        };
        let svg = draw(&marks, plain);
        let cases: [(&str, &[&str], &[&str]); 3] = [
            (
                "cloudfront-prod",
                &[
                    "is-failed",
                    "is-highlighted",
                    "aria-pressed=\"true\"",
                    "✖ failed",
                    "tabindex=\"-1\"",
                ],
                &["is-faded", "is-current"],
            ),
            (
                "s3-assets-prod",
                &["is-highlighted", "is-current", "aria-pressed=\"false\""],
                &["is-failed", "is-faded"],
            ),
            (
                "gke",
                &[
                    "state-degraded",
                    "is-selected",
                    "is-faded",
                    "tabindex=\"0\"",
                    // What the box shows first (name, kind, state), then
                    // where it is.
                    "aria-label=\"gke-tomoda, cluster, degraded, gcp asia-east1\"",
                ],
                &["is-highlighted"],
            ),
        ];
        for (id, has, lacks) in cases {
            let n = node(&svg, id);
            for h in has {
                assert!(n.contains(h), "{id} should have {h}: {n}");
            }
            for l in lacks {
                assert!(!n.contains(l), "{id} should not have {l}: {n}");
            }
        }
        assert_eq!(
            svg.matches("is-highlighted\" id=\"w1-e").count(),
            1,
            "one lit edge"
        );
        assert_eq!(svg.matches("url(#w1-arrow-lit)").count(), 1);

        // A search fades what it does not match, and nothing else.
        let matches = g.matches("cloudfront").unwrap();
        let searched = draw(
            &Marks::new(&g, [], [], []),
            Drawing {
                matches: Some(&matches),
                ..plain
            },
        );
        assert!(!node(&searched, "cloudfront-prod").contains("is-faded"));
        assert!(node(&searched, "gke").contains("is-faded"));
        // Zoomed out to ids, a node's name starts with the id it shows.
        let far = draw(&marks, Drawing { ids: true, ..plain });
        assert!(
            node(&far, "gke")
                .contains("aria-label=\"gke, degraded, gke-tomoda, cluster, gcp asia-east1\""),
            "{}",
            node(&far, "gke")
        );
        // A new state changes the looks of what it touches, nothing else:
        // the map component patches exactly these.
        let before = looks(&g, &Marks::new(&g, [], [], []), &plain);
        let after = looks(&g, &Marks::new(&g, [cf], [], []), &plain);
        let changed: Vec<usize> = (0..g.nodes.len())
            .filter(|&i| before.nodes[i] != after.nodes[i])
            .collect();
        assert_eq!(changed, [g.index(cf).unwrap()]);
        assert_eq!(before.edges, after.edges);
        // Deterministic, and model text is escaped.
        assert_eq!(svg, draw(&marks, plain));
        assert!(!svg.contains("<script"));
    }
}
