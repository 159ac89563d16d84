//! The assumptions a change adds and removes.

use std::collections::HashMap;

use crate::basis::{Premise, label, provenance};
use crate::model::{
    CompId, EdgeId, EdgeOrigin, FlowId, Model, ProviderId, RecordId, RegionId, RuleId, WriterId,
};

/// One assumption of a model: what assumes it and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Assumption {
    /// The entry that assumes it, named as every shell names a premise
    /// (`basis::label`): `cloudfront-prod`, `cloudfront-prod (region)`,
    /// `cloudfront-prod → s3-assets-prod`, `record HOST`, `scenario ID`, …
    pub about: String,
    /// The assumption, as the model states it.
    pub says: String,
}

/// The assumptions NEW makes that OLD does not, and the other way round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assumptions {
    /// In NEW only, in NEW's order.
    pub added: Vec<Assumption>,
    /// In OLD only, in OLD's order.
    pub removed: Vec<Assumption>,
}

/// Every assumption of a model, in a fixed order: the zone, providers,
/// regions, components (each whole, then each assumed field), records,
/// writers, declared edges, declared flows, scenarios, rules, invariants.
/// A generated edge or flow is its record's (or component's), so it is
/// not listed again.
///
/// Complexity: O(entries).
pub fn of(model: &Model) -> Vec<Assumption> {
    let mut premises = vec![Premise::Zone];
    premises
        .extend((0..model.providers.len()).map(|i| Premise::Provider(ProviderId::from_index(i))));
    premises.extend((0..model.regions.len()).map(|i| Premise::Region(RegionId::from_index(i))));
    premises.extend((0..model.components.len()).map(|i| Premise::Component(CompId::from_index(i))));
    premises.extend((0..model.records.len()).map(|i| Premise::Record(RecordId::from_index(i))));
    premises.extend((0..model.writers.len()).map(|i| Premise::Writer(WriterId::from_index(i))));
    premises.extend(
        (0..model.edges.len())
            .filter(|&i| model.edges[i].origin == EdgeOrigin::Declared)
            .map(|i| Premise::Edge(EdgeId::from_index(i))),
    );
    premises.extend(
        (0..model.flows.len())
            .filter(|&i| !model.flows[i].generated)
            .map(|i| Premise::Flow(FlowId::from_index(i))),
    );
    premises.extend((0..model.scenarios.len() as u32).map(Premise::Scenario));
    premises.extend((0..model.placement.rules.len()).map(|i| Premise::Rule(RuleId::from_index(i))));
    premises.extend((0..model.invariants.len() as u32).map(Premise::Invariant));
    let mut out = Vec::new();
    for premise in premises {
        if let Some(says) = &provenance(model, premise).assumption {
            out.push(Assumption {
                about: label(model, premise),
                says: says.clone(),
            });
        }
        if let Premise::Component(c) = premise {
            for &(field, ref says) in &model.component(c).assumed {
                out.push(Assumption {
                    about: label(model, Premise::Field(c, field)),
                    says: says.clone(),
                });
            }
        }
    }
    out
}

/// The assumptions NEW adds and removes: each matched by what it is about
/// and what it says, so an assumption reworded is one removed and one
/// added, and one that moves with its entry in the file is neither.
///
/// Complexity: O(entries) hash lookups.
pub fn assumptions(old: &Model, new: &Model) -> Assumptions {
    between(&of(old), new)
}

/// [`assumptions`], OLD's given (`old`, what [`of`] lists).
pub(crate) fn between(old: &[Assumption], new: &Model) -> Assumptions {
    let new = of(new);
    Assumptions {
        added: only_in(&new, old),
        removed: only_in(old, &new),
    }
}

/// The assumptions of `a` that `b` lacks, counting repeats.
fn only_in(a: &[Assumption], b: &[Assumption]) -> Vec<Assumption> {
    let mut left: HashMap<&Assumption, usize> = HashMap::new();
    for x in b {
        *left.entry(x).or_default() += 1;
    }
    a.iter()
        .filter(|x| match left.get_mut(x) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}
