//! The layout's invariants, checked on a table of models and selections.

mod common;

use archsim_core::{CompId, Engine, ProviderId};
use archsim_view::layout::{Layout, LayoutOptions, layout};

/// A case: a name, an engine, and what to draw.
struct Case {
    name: &'static str,
    engine: Engine,
    only: Option<Vec<CompId>>,
}

fn provider(engine: &Engine, id: &str) -> Vec<CompId> {
    let model = engine.model();
    let p = model
        .providers
        .iter()
        .position(|p| p.id == id)
        .map(ProviderId::from_index);
    (0..model.components.len())
        .map(CompId::from_index)
        .filter(|&c| model.component(c).provider == p)
        .collect()
}

fn cases() -> Vec<Case> {
    let tomoda = common::tomoda();
    vec![
        Case {
            name: "tomoda",
            engine: tomoda.clone(),
            only: None,
        },
        Case {
            name: "tomoda, GCP only",
            only: Some(provider(&tomoda, "gcp")),
            engine: tomoda.clone(),
        },
        Case {
            name: "tomoda, AWS only",
            only: Some(provider(&tomoda, "aws")),
            engine: tomoda.clone(),
        },
        Case {
            name: "tomoda, AWS and Cloudflare with unknown ids",
            only: Some(
                provider(&tomoda, "aws")
                    .into_iter()
                    .chain(provider(&tomoda, "cloudflare"))
                    .chain([CompId(9999)])
                    .collect(),
            ),
            engine: tomoda.clone(),
        },
        Case {
            name: "hostile",
            engine: common::hostile(),
            only: None,
        },
        Case {
            name: "synthetic 200",
            engine: common::synthetic(200),
            only: None,
        },
        Case {
            name: "synthetic 1000",
            engine: common::synthetic(1000),
            only: None,
        },
    ]
}

fn lay(case: &Case) -> Layout {
    layout(
        case.engine.model(),
        &LayoutOptions {
            only: case.only.clone(),
            ..LayoutOptions::default()
        },
    )
}

/// The components a case draws, in model order.
fn drawn(case: &Case) -> Vec<CompId> {
    let n = case.engine.model().components.len();
    let all = (0..n).map(CompId::from_index);
    match &case.only {
        None => all.collect(),
        Some(only) => all.filter(|c| only.contains(c)).collect(),
    }
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

#[test]
fn every_component_appears_exactly_once() {
    for case in cases() {
        let l = lay(&case);
        let ids: Vec<CompId> = l.nodes.iter().map(|n| n.component).collect();
        assert_eq!(ids, drawn(&case), "{}", case.name);
    }
}

#[test]
fn no_two_boxes_overlap() {
    for case in cases() {
        let l = lay(&case);
        // Sort by x so only boxes that share columns are compared.
        let mut boxes: Vec<(f64, f64, f64, f64, CompId)> = l
            .nodes
            .iter()
            .map(|n| (n.x, n.y, n.width, n.height, n.component))
            .collect();
        boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                if b.0 >= a.0 + a.2 {
                    break;
                }
                assert!(
                    !overlaps((a.0, a.1, a.2, a.3), (b.0, b.1, b.2, b.3)),
                    "{}: {:?} and {:?} overlap",
                    case.name,
                    a.4,
                    b.4
                );
            }
        }
    }
}

#[test]
fn every_node_lies_inside_its_groups() {
    for case in cases() {
        let l = lay(&case);
        let model = case.engine.model();
        for n in &l.nodes {
            let c = model.component(n.component);
            let g = &l.groups[n.group];
            assert!(
                n.x >= g.x
                    && n.y >= g.y
                    && n.x + n.width <= g.x + g.width
                    && n.y + n.height <= g.y + g.height,
                "{}: {} is outside its group {:?}",
                case.name,
                c.id,
                g.label
            );
            assert_eq!(g.provider, c.provider, "{}: {}", case.name, c.id);
            if g.depth == 1 {
                assert_eq!(g.region, c.region, "{}: {}", case.name, c.id);
            }
            let band = l
                .groups
                .iter()
                .find(|b| b.depth == 0 && b.provider == c.provider)
                .expect("a band per provider");
            assert!(
                n.y >= band.y && n.y + n.height <= band.y + band.height,
                "{}: {} is outside its provider's band",
                case.name,
                c.id
            );
        }
    }
}

#[test]
fn provider_bands_do_not_overlap_and_hold_their_regions() {
    for case in cases() {
        let l = lay(&case);
        let bands: Vec<_> = l.groups.iter().filter(|g| g.depth == 0).collect();
        for (i, a) in bands.iter().enumerate() {
            for b in &bands[i + 1..] {
                assert!(
                    !overlaps((a.x, a.y, a.width, a.height), (b.x, b.y, b.width, b.height)),
                    "{}: bands {:?} and {:?} overlap",
                    case.name,
                    a.label,
                    b.label
                );
            }
        }
        for r in l.groups.iter().filter(|g| g.depth == 1) {
            let band = bands
                .iter()
                .find(|b| b.provider == r.provider)
                .expect("a region's provider has a band");
            assert!(
                r.x >= band.x
                    && r.y >= band.y
                    && r.x + r.width <= band.x + band.width
                    && r.y + r.height <= band.y + band.height,
                "{}: region {:?} sticks out of {:?}",
                case.name,
                r.label,
                band.label
            );
        }
        for g in &l.groups {
            assert!(
                g.x >= 0.0 && g.y >= 0.0 && g.x + g.width <= l.width && g.y + g.height <= l.height,
                "{}: {:?} is outside the drawing",
                case.name,
                g.label
            );
        }
    }
}

#[test]
fn edges_run_left_to_right_unless_reversed() {
    for case in cases() {
        let l = lay(&case);
        let drawn = drawn(&case);
        let model = case.engine.model();
        for e in &l.edges {
            let (from, to) = (l.node(e.from).expect("drawn"), l.node(e.to).expect("drawn"));
            if e.reversed {
                assert!(
                    from.layer > to.layer,
                    "{}: a reversed edge runs left to right",
                    case.name
                );
            } else {
                assert!(
                    from.layer < to.layer,
                    "{}: {:?} → {:?}",
                    case.name,
                    e.from,
                    e.to
                );
            }
            assert!(e.points.len() >= 4 && (e.points.len() - 1) % 3 == 0);
            assert!(e.points.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        }
        // Every model edge between drawn components is drawn exactly once.
        let mut drawn_edges: Vec<usize> = l
            .edges
            .iter()
            .flat_map(|e| e.edges.iter().map(|id| id.index()))
            .collect();
        drawn_edges.sort_unstable();
        let expected: Vec<usize> = model
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| drawn.contains(&e.from) && drawn.contains(&e.to) && e.from != e.to)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(drawn_edges, expected, "{}", case.name);
        // Reversed edges are the few that close cycles: each one's head
        // reaches its tail along drawn edges.
        let reversed = l.edges.iter().filter(|e| e.reversed).count();
        assert!(
            reversed * 5 <= l.edges.len().max(10),
            "{}: {reversed} reversed",
            case.name
        );
        for e in l.edges.iter().filter(|e| e.reversed) {
            let mut seen = vec![e.to];
            let mut next = 0;
            while next < seen.len() && !seen.contains(&e.from) {
                let at = seen[next];
                next += 1;
                for d in l.edges.iter().filter(|d| d.from == at) {
                    if !seen.contains(&d.to) {
                        seen.push(d.to);
                    }
                }
            }
            assert!(
                seen.contains(&e.from),
                "{}: {:?} → {:?} is reversed but closes no cycle",
                case.name,
                e.from,
                e.to
            );
        }
    }
}

#[test]
fn the_same_model_gives_the_same_layout() {
    for case in cases() {
        assert_eq!(lay(&case), lay(&case), "{}", case.name);
    }
}

#[test]
fn tomoda_reads_like_the_document() {
    let engine = common::tomoda();
    let l = layout(engine.model(), &LayoutOptions::default());
    let node = |id: &str| l.node(common::comp(&engine, id)).expect("drawn");
    // A request's hops run left to right.
    let path = [
        "user",
        "cloudflare-zone",
        "gcp-lb",
        "traefik",
        "tomoda-app-prod",
    ];
    for pair in path.windows(2) {
        assert!(node(pair[0]).layer < node(pair[1]).layer, "{pair:?}");
    }
    // Bands: outside the providers first, then the zone's provider.
    let bands: Vec<Option<&str>> = l
        .groups
        .iter()
        .filter(|g| g.depth == 0)
        .map(|g| {
            g.provider
                .map(|p| engine.model().providers[p.index()].id.as_str())
        })
        .collect();
    assert_eq!(bands[..2], [None, Some("cloudflare")]);
    // The zone's record edges merge: one path from the zone to the load balancer.
    let zone = common::comp(&engine, "cloudflare-zone");
    let lb = common::comp(&engine, "gcp-lb");
    let merged: Vec<_> = l
        .edges
        .iter()
        .filter(|e| e.from == zone && e.to == lb)
        .collect();
    assert_eq!(merged.len(), 1);
    assert_eq!(
        merged[0].edges.len(),
        7,
        "seven records point at the load balancer"
    );
    assert!(merged[0].hop);
    // Each cycle (zone → distribution → its certificate → zone) is broken
    // at the certificate's background edge to the zone.
    let reversed: Vec<(&str, &str)> = l
        .edges
        .iter()
        .filter(|e| e.reversed)
        .map(|e| {
            (
                engine.model().component(e.from).id.as_str(),
                engine.model().component(e.to).id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        reversed,
        [
            ("acm-certificate-prod", "cloudflare-zone"),
            ("acm-certificate-dev", "cloudflare-zone")
        ]
    );
}

#[test]
fn an_empty_selection_gives_an_empty_drawing() {
    let engine = common::tomoda();
    let l = layout(
        engine.model(),
        &LayoutOptions {
            only: Some(Vec::new()),
            ..LayoutOptions::default()
        },
    );
    assert!(l.nodes.is_empty() && l.edges.is_empty() && l.groups.is_empty());
    assert!(l.width > 0.0 && l.height > 0.0);
}
