//! The draft on the map: the model with the draft's additions and its
//! removals both drawn, each marked, by the static map's writer
//! ([`map_svg`]), and the part of it the draft concerns. The propose
//! widget and its fallback both draw it (one drawing, the same words).
//!
//! The propose bundle draws this map, not the widgets' interactive one
//! (`archsim_web::map`): that costs about 28 KB gzip, which the bundle
//! cannot spend and stay within its budget (the performance page has the
//! figures).

use super::{Drafted, MapOptions, map_svg};
use crate::layout::{Layout, LayoutOptions, extent, layout};
use archsim_core::draft::{Draft, Edit};
use archsim_core::{CompId, Engine, Model};

/// Drawing units around the part the draft concerns, so its outlines
/// show whole.
const MARGIN: f64 = 24.0;

/// The map of a draft, laid out: either view is written when asked for,
/// so a page writes only the one it shows.
pub struct Drawing {
    engine: Engine,
    drawn: Layout,
    options: MapOptions,
    /// The page-unique start of the drawing's element ids.
    id_prefix: String,
    /// The part the draft concerns, if it marks anything on the map.
    part: Option<(f64, f64, f64, f64)>,
}

impl Drawing {
    /// The whole model, marked.
    pub fn whole(&self) -> String {
        map_svg(&self.engine, &self.drawn, &self.options)
    }

    /// Whether the draft marks anything on the map, so that it has a part
    /// to show ([`Drawing::fitted`]).
    pub fn has_part(&self) -> bool {
        self.part.is_some()
    }

    /// The part the draft concerns (what it adds and removes, with their
    /// neighbours), marked; `None` when it marks nothing on the map.
    pub fn fitted(&self) -> Option<String> {
        let view = self.part?;
        let id_prefix = [self.id_prefix.as_str(), "-fit"].concat();
        Some(map_svg(
            &self.engine,
            &self.drawn,
            &MapOptions {
                view: Some(view),
                id_prefix,
                ..self.options.clone()
            },
        ))
    }

    /// What a page shows first: the part, or the whole when there is none.
    pub fn first(&self) -> String {
        self.fitted().unwrap_or_else(|| self.whole())
    }
}

/// The map of `draft` over `old`, whose result is `edited`; with
/// `focus` (components of `old`), only those and what the draft adds.
///
/// Draws `old` with the draft's additive edits made (components, edges,
/// records): what the draft adds is marked added, what `edited` lacks
/// marked removed. When the additions alone cannot be made (an edge added
/// where the draft first removes one), draws `edited`, and the removals
/// show in the impact's list only.
/// Complexity: one apply and one layout of the model; each view asked
/// for is one drawing.
pub fn drawing(
    old: &Model,
    draft: &Draft,
    edited: &Model,
    focus: Option<&[CompId]>,
    id_prefix: &str,
) -> Drawing {
    let additive = Draft {
        edits: draft
            .edits
            .iter()
            .filter(|e| !matches!(e, Edit::RemoveComponent(_) | Edit::RemoveEdge { .. }))
            .cloned()
            .collect(),
    };
    let both = if additive.edits.is_empty() {
        old.clone()
    } else {
        additive.apply(old).unwrap_or_else(|_| edited.clone())
    };
    let engine = Engine::new(both, Vec::new());
    let model = engine.model();
    let mark = |id: &str| {
        if old.component_by_id(id).is_none() {
            Some(Drafted::Added)
        } else if edited.component_by_id(id).is_none() {
            Some(Drafted::Removed)
        } else {
            None
        }
    };
    let drafted: Vec<(CompId, Drafted)> = model
        .components
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((CompId::from_index(i), mark(&c.id)?)))
        .collect();
    let id = |c: CompId| model.component(c).id.as_str();
    let (in_old, in_edited) = (pairs(old), pairs(edited));
    let has_edge = |pairs: &[(&str, &str)], pair| pairs.binary_search(&pair).is_ok();
    let drafted_edges: Vec<(CompId, CompId, Drafted)> = model
        .edges
        .iter()
        .filter_map(|e| {
            let (from, to) = (id(e.from), id(e.to));
            let d = if !has_edge(&in_old, (from, to)) {
                Drafted::Added
            } else if !has_edge(&in_edited, (from, to)) {
                Drafted::Removed
            } else {
                return None;
            };
            Some((e.from, e.to, d))
        })
        .collect();
    let only = focus.map(|picked| {
        let ids: Vec<&str> = picked
            .iter()
            .map(|&c| old.component(c).id.as_str())
            .collect();
        model
            .components
            .iter()
            .enumerate()
            .filter(|(_, c)| ids.contains(&c.id.as_str()) || old.component_by_id(&c.id).is_none())
            .map(|(i, _)| CompId::from_index(i))
            .collect()
    });
    let drawn = layout(
        model,
        &LayoutOptions {
            only,
            ..LayoutOptions::default()
        },
    );
    let mut concern: Vec<CompId> = drafted.iter().map(|d| d.0).collect();
    for &(from, to, _) in &drafted_edges {
        concern.extend([from, to]);
    }
    let part = bounds(&drawn, &concern);
    let options = MapOptions {
        drafted,
        drafted_edges,
        id_prefix: [id_prefix, "-map"].concat(),
        ..MapOptions::default()
    };
    Drawing {
        engine,
        drawn,
        options,
        id_prefix: id_prefix.to_owned(),
        part,
    }
}

/// The (from, to) ids of `m`'s edges, sorted.
///
/// Complexity: O(E · log E).
fn pairs(m: &Model) -> Vec<(&str, &str)> {
    let id = |c: CompId| m.component(c).id.as_str();
    let mut pairs: Vec<(&str, &str)> = m.edges.iter().map(|e| (id(e.from), id(e.to))).collect();
    archsim_core::order::sort(&mut pairs);
    pairs
}

/// The part of the drawing that shows the boxes of `concern` and of their
/// neighbours (the components they share a drawn edge with), with a
/// margin, within the drawing; `None` for an empty concern.
pub fn bounds(drawn: &Layout, concern: &[CompId]) -> Option<(f64, f64, f64, f64)> {
    let mut near = concern.to_vec();
    for e in &drawn.edges {
        if concern.contains(&e.from) {
            near.push(e.to);
        }
        if concern.contains(&e.to) {
            near.push(e.from);
        }
    }
    let (x0, y0, x1, y1) = extent(drawn.nodes.iter().filter(|b| near.contains(&b.component)))?;
    let (x0, y0) = ((x0 - MARGIN).max(0.0), (y0 - MARGIN).max(0.0));
    let (x1, y1) = (
        (x1 + MARGIN).min(drawn.width),
        (y1 + MARGIN).min(drawn.height),
    );
    Some((x0, y0, x1 - x0, y1 - y0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use archsim_core::EdgeKind;
    use archsim_core::draft::{NewComponent, NewEdge};

    /// "Let the API read the backup bucket", at request time.
    fn api_reads_backup() -> Edit {
        Edit::Connect(NewEdge {
            from: "tomoda-api-prod".into(),
            to: "backup-bucket".into(),
            kind: EdgeKind::Request,
            note: String::new(),
        })
    }

    /// The ids of the nodes whose classes end with `class` (every node
    /// for an empty one).
    fn marked<'a>(svg: &'a str, class: &str) -> Vec<&'a str> {
        svg.match_indices(&[class, "\" data-id=\""].concat())
            .map(|(i, m)| {
                let rest = &svg[i + m.len()..];
                &rest[..rest.find('"').unwrap_or(0)]
            })
            .collect()
    }

    #[test]
    fn additions_and_removals_are_both_drawn_and_marked() {
        let engine = Engine::tomoda().unwrap();
        let old = engine.model();
        let draft = Draft {
            edits: vec![api_reads_backup(), Edit::RemoveComponent("redis".into())],
        };
        let edited = draft.apply(old).unwrap();
        let d = drawing(old, &draft, &edited, None, "w1");
        assert_eq!(
            marked(&d.whole(), " is-removed"),
            ["redis"],
            "the removed box stays, marked"
        );
        assert!(
            marked(&d.whole(), " is-added").is_empty(),
            "no component added"
        );
        assert!(
            d.whole()
                .contains("is-added\" data-from=\"tomoda-api-prod\" data-to=\"backup-bucket\""),
            "the added edge is marked"
        );
        assert!(
            d.whole().contains("is-removed\" data-from="),
            "redis's edges go with it"
        );
        let fitted = d.fitted().expect("a part to fit");
        let view = |svg: &str| {
            svg[svg.find("viewBox=\"").unwrap()..]
                .split('"')
                .nth(1)
                .unwrap()
                .to_owned()
        };
        assert_ne!(view(&fitted), view(&d.whole()), "the fitted map is a part");
        assert!(fitted.contains("data-id=\"redis\""));
    }

    #[test]
    fn a_focus_draws_its_components_and_the_drafts_additions() {
        let engine = Engine::tomoda().unwrap();
        let old = engine.model();
        let draft = Draft {
            edits: vec![
                api_reads_backup(),
                Edit::AddComponent(NewComponent {
                    id: "status-bucket".into(),
                    kind: "bucket".into(),
                    env: "prod".into(),
                    answers: vec!["public-cacheable-assets".into()],
                    ..NewComponent::default()
                }),
            ],
        };
        let edited = draft.apply(old).unwrap();
        let focus: Vec<CompId> = ["tomoda-api-prod", "backup-bucket"]
            .iter()
            .map(|id| old.component_by_id(id).unwrap())
            .collect();
        let whole = drawing(old, &draft, &edited, Some(&focus), "w1").whole();
        let mut drawn = marked(&whole, "");
        drawn.sort();
        assert_eq!(drawn, ["backup-bucket", "status-bucket", "tomoda-api-prod"]);
        assert!(
            whole.contains("is-added\" data-from=\"tomoda-api-prod\" data-to=\"backup-bucket\"")
        );
        assert_eq!(marked(&whole, " is-added"), ["status-bucket"]);
    }

    #[test]
    fn the_concern_and_its_neighbours_bound_the_part() {
        let engine = Engine::tomoda().unwrap();
        let drawn = layout(engine.model(), &LayoutOptions::default());
        assert_eq!(bounds(&drawn, &[]), None);
        let one = drawn.nodes[0].component;
        let (x, y, w, h) = bounds(&drawn, &[one]).unwrap();
        assert!(x >= 0.0 && y >= 0.0 && x + w <= drawn.width && y + h <= drawn.height);
        for b in &drawn.nodes {
            let near = b.component == one
                || drawn.edges.iter().any(|e| {
                    (e.from, e.to) == (one, b.component) || (e.to, e.from) == (one, b.component)
                });
            if near {
                assert!(
                    b.x >= x && b.x + b.width <= x + w,
                    "{:?} inside",
                    b.component
                );
                assert!(
                    b.y >= y && b.y + b.height <= y + h,
                    "{:?} inside",
                    b.component
                );
            }
        }
        assert!(w < drawn.width || h < drawn.height, "a part, not the whole");
    }
}
