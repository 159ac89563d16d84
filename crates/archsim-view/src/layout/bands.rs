//! Swimlanes: which band and sub-band every node lives in, and their order.

use archsim_core::{Model, ProviderId, RegionId};

use super::graph::Graph;

/// Up to this many providers, every order of the bands is tried.
const EXHAUSTIVE: usize = 6;

/// A region's sub-band inside a provider's band (region `None` for
/// components without one, and for the band outside every provider).
pub(super) struct SubBand {
    pub region: Option<RegionId>,
    /// Index of its band in [`Bands::bands`].
    pub band: usize,
}

/// The bands, top to bottom, and where every node is.
pub(super) struct Bands {
    /// Providers (`None`: outside every provider), top to bottom.
    pub bands: Vec<Option<ProviderId>>,
    /// Sub-bands, top to bottom, grouped by band.
    pub subs: Vec<SubBand>,
    /// The sub-band of every node.
    pub of_node: Vec<usize>,
}

impl Bands {
    /// Group the drawn nodes into bands and order them.
    ///
    /// The band outside every provider comes first, like the user at the top
    /// left of the document's diagram, then the band of the DNS zone, where
    /// every request enters; the other providers follow in the order that
    /// keeps connected bands closest (fewest band boundaries crossed,
    /// request hops counting triple), ties broken by model order. Regions
    /// inside a band keep the order in which the model first uses them.
    /// The weights between bands (or sub-bands) are only counted when their
    /// order is searched, so no k×k table is built for a model with
    /// thousands of providers or regions.
    /// Complexity: O(V + E + k! · k²) for k ≤ 6 providers (or regions of a
    /// provider), else O(V + E).
    pub fn build(model: &Model, graph: &Graph) -> Bands {
        let n = graph.nodes.len();
        // Bands in provider order, the one outside every provider first: a
        // provider's slot is its index plus one, slot 0 is outside.
        let slot = |p: Option<ProviderId>| p.map_or(0, |p| p.index() + 1);
        let provider_slot: Vec<usize> = graph
            .nodes
            .iter()
            .map(|&c| slot(model.component(c).provider))
            .collect();
        let slots = provider_slot.iter().max().map_or(0, |&s| s + 1);
        let mut band_at = vec![usize::MAX; slots];
        for &s in &provider_slot {
            band_at[s] = 0;
        }
        let mut providers: Vec<Option<ProviderId>> = Vec::new();
        for (s, at) in band_at.iter_mut().enumerate() {
            if *at == 0 {
                *at = providers.len();
                providers.push(s.checked_sub(1).map(ProviderId::from_index));
            }
        }
        let node_band: Vec<usize> = provider_slot.iter().map(|&s| band_at[s]).collect();
        let k = providers.len();
        // Fixed on top: the band outside every provider, then the zone's band,
        // where every request enters.
        let mut top: Vec<usize> = Vec::new();
        if providers.first() == Some(&None) {
            top.push(0);
        }
        if let Some(v) = graph.nodes.iter().position(|&c| c == model.zone.component)
            && !top.contains(&node_band[v])
        {
            top.push(node_band[v]);
        }
        let movable: Vec<usize> = (0..k).filter(|b| !top.contains(b)).collect();
        let best = if movable.len() <= EXHAUSTIVE {
            let mut weight = vec![vec![0u64; k]; k];
            for m in &graph.edges {
                let (a, b) = (node_band[m.from], node_band[m.to]);
                if a != b {
                    let w = if m.hop { 3 } else { 1 };
                    weight[a][b] += w;
                    weight[b][a] += w;
                }
            }
            best_order(&weight, &top, &movable, &[0; 0], &[0; 0])
        } else {
            movable
        };
        let order: Vec<usize> = top.iter().copied().chain(best).collect();
        let bands: Vec<Option<ProviderId>> = order.iter().map(|&b| providers[b]).collect();

        let mut band_rank = vec![0; k];
        for (i, &b) in order.iter().enumerate() {
            band_rank[b] = i;
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
        for (v, &b) in node_band.iter().enumerate() {
            members[b].push(v);
        }
        // Sub-bands of each band, first in the order the model uses their
        // regions, then reordered like the bands: pulled towards the bands
        // above or below that they connect to, and towards each other.
        // A region's slot is its index plus one, slot 0 is none.
        let region_slot = |v: usize| {
            let c = model.component(graph.nodes[v]);
            match (c.provider, c.region) {
                (Some(_), Some(r)) => r.index() + 1,
                _ => 0,
            }
        };
        let region_slots: Vec<usize> = (0..n).map(region_slot).collect();
        let mut local_at = vec![usize::MAX; region_slots.iter().max().map_or(0, |&s| s + 1)];
        let mut local = vec![usize::MAX; n];
        let mut subs: Vec<SubBand> = Vec::new();
        let mut of_node = vec![0usize; n];
        for (band, &b) in order.iter().enumerate() {
            let mut regions: Vec<usize> = Vec::new();
            for &v in &members[b] {
                let r = region_slots[v];
                if local_at[r] == usize::MAX {
                    local_at[r] = regions.len();
                    regions.push(r);
                }
                local[v] = local_at[r];
            }
            for &r in &regions {
                local_at[r] = usize::MAX;
            }
            let m = regions.len();
            let all: Vec<usize> = (0..m).collect();
            let sequence = if m <= EXHAUSTIVE {
                let mut weight = vec![vec![0u64; m]; m];
                let mut up = vec![0u64; m];
                let mut down = vec![0u64; m];
                for &here in &members[b] {
                    for &e in graph.out[here].iter().chain(&graph.inc[here]) {
                        let edge = &graph.edges[e];
                        let there = if edge.from == here {
                            edge.to
                        } else {
                            edge.from
                        };
                        let w = if edge.hop { 3 } else { 1 };
                        if node_band[there] == b {
                            weight[local[here]][local[there]] += w;
                        } else if band_rank[node_band[there]] < band {
                            up[local[here]] += w;
                        } else {
                            down[local[here]] += w;
                        }
                    }
                }
                best_order(&weight, &[], &all, &up, &down)
            } else {
                all
            };
            let first = subs.len();
            let mut position = vec![0; m];
            for (i, &r) in sequence.iter().enumerate() {
                position[r] = first + i;
                subs.push(SubBand {
                    region: regions[r].checked_sub(1).map(RegionId::from_index),
                    band,
                });
            }
            for &v in &members[b] {
                of_node[v] = position[local[v]];
            }
        }
        Bands {
            bands,
            subs,
            of_node,
        }
    }
}

/// The permutation of `movable` bands (placed after the `top` ones) with
/// the least weighted distance between connected bands; the first found
/// wins ties, and permutations are generated in lexicographic order.
///
/// `up[b]` and `down[b]` weigh b's ties to what lies above or below all of
/// them (empty when there is none).
fn best_order(
    weight: &[Vec<u64>],
    top: &[usize],
    movable: &[usize],
    up: &[u64],
    down: &[u64],
) -> Vec<usize> {
    let last = weight.len().saturating_sub(1);
    let cost = |order: &[usize]| -> u64 {
        let mut position = vec![0usize; weight.len()];
        for (i, &b) in top.iter().chain(order).enumerate() {
            position[b] = i;
        }
        let mut total = 0;
        for (b, &p) in position.iter().enumerate() {
            total += up.get(b).copied().unwrap_or(0) * p as u64;
            total += down.get(b).copied().unwrap_or(0) * (last - p) as u64;
        }
        for (a, row) in weight.iter().enumerate() {
            for (b, &w) in row.iter().enumerate().skip(a + 1) {
                total += w * position[a].abs_diff(position[b]) as u64;
            }
        }
        total
    };
    let mut current = movable.to_vec();
    let mut best = current.clone();
    let mut best_cost = cost(&current);
    while next_permutation(&mut current) {
        let c = cost(&current);
        if c < best_cost {
            best_cost = c;
            best = current.clone();
        }
    }
    best
}

/// Rearrange into the next lexicographic permutation; false after the last.
fn next_permutation(items: &mut [usize]) -> bool {
    let Some(i) = items.windows(2).rposition(|w| w[0] < w[1]) else {
        return false;
    };
    let j = items
        .iter()
        .rposition(|&x| x > items[i])
        .expect("a larger element exists after i");
    items.swap(i, j);
    items[i + 1..].reverse();
    true
}
