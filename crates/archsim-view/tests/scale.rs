//! The layout of models with tens of thousands of providers or regions:
//! every node gets a box, each provider a band and each region a box, in
//! model order. The layout once built a table of weights between every
//! pair of bands (and of a band's regions): at 30,000 providers, 7 GB and
//! many seconds; it now weighs only the bands whose order it searches.

mod common;

use archsim_core::{Component, Model, Provider, ProviderId, Region, RegionId};
use archsim_view::layout::{LayoutOptions, layout};

/// How many providers, or regions, each case adds.
const MANY: usize = 30_000;

/// The Tomoda model plus `MANY` providers, each with one component (or,
/// with `regions`, one provider with `MANY` regions, a component in each).
fn widened(regions: bool) -> Model {
    let mut model = common::tomoda().model().clone();
    let home = ProviderId::from_index(model.providers.len());
    model.providers.push(Provider {
        id: "home".into(),
        name: "Home".into(),
        ..Provider::default()
    });
    for i in 0..MANY {
        let id = format!("many-{i}");
        let (provider, region) = if regions {
            let r = RegionId::from_index(model.regions.len());
            model.regions.push(Region {
                id: id.clone(),
                name: id.clone(),
                provider: Some(home),
                ..Region::default()
            });
            (home, Some(r))
        } else {
            let p = ProviderId::from_index(model.providers.len());
            model.providers.push(Provider {
                id: id.clone(),
                name: id.clone(),
                ..Provider::default()
            });
            (p, None)
        };
        model.components.push(Component {
            id: id.clone(),
            name: id,
            kind: "service".into(),
            provider: Some(provider),
            region,
            ..Component::default()
        });
    }
    model
}

#[test]
fn thousands_of_providers_get_a_band_each_in_model_order() {
    let model = widened(false);
    let l = layout(&model, &LayoutOptions::default());
    assert_eq!(l.nodes.len(), model.components.len());
    let added: Vec<usize> = l
        .groups
        .iter()
        .filter(|g| g.depth == 0)
        .filter_map(|g| g.provider)
        .map(|p| p.index())
        .filter(|&p| model.providers[p].id.starts_with("many-"))
        .collect();
    let first = model.providers.len() - MANY;
    assert_eq!(added, (first..model.providers.len()).collect::<Vec<_>>());
    assert!(l.width.is_finite() && l.height.is_finite());
}

#[test]
fn thousands_of_regions_get_a_box_each_in_model_order() {
    let model = widened(true);
    let l = layout(&model, &LayoutOptions::default());
    assert_eq!(l.nodes.len(), model.components.len());
    let first = model.regions.len() - MANY;
    let boxes: Vec<usize> = l
        .groups
        .iter()
        .filter_map(|g| g.region)
        .map(|r| r.index())
        .filter(|&r| r >= first)
        .collect();
    assert_eq!(boxes, (first..model.regions.len()).collect::<Vec<_>>());
    // Every added component sits in its own region's box, one below another.
    let mut last_y = f64::NEG_INFINITY;
    for n in &l.nodes[l.nodes.len() - MANY..] {
        let group = &l.groups[n.group];
        let region = group.region.expect("in a region box").index();
        assert_eq!(
            model.components[n.component.index()]
                .region
                .map(|r| r.index()),
            Some(region)
        );
        assert!(n.y > last_y);
        last_y = n.y;
    }
}
