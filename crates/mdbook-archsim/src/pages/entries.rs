//! The model's entries, each once, with where it comes from: what the
//! Sources page lists as a fact's carriers and the Assumptions page as
//! what an assumption is about.

use archsim_core::model::{EdgeOrigin, Field, Provenance};
use archsim_core::{CompId, EdgeId, FlowId, Model, Premise, ProviderId, RecordId, RegionId};
use archsim_core::{RuleId, WriterId};

/// Every entry of the model that states its own provenance, in the
/// model's order: the zone, providers, regions, components, records,
/// writers, edges, flows, scenarios, placement rules, invariants.
///
/// What the loader generates from another entry is that entry, and left
/// out: a record's hop and a served host's flow are the record, a
/// `runs_in` edge is its component. So is a `needs` entry: the loader
/// gives it its component's provenance, and an edge whose provenance is
/// exactly its dependent's is shown as the dependent, which carries the
/// same facts and states the same assumption.
pub fn entries(model: &Model) -> Vec<(Premise, &Provenance)> {
    let mut out: Vec<(Premise, &Provenance)> = vec![(Premise::Zone, &model.zone.provenance)];
    for (i, p) in model.providers.iter().enumerate() {
        out.push((Premise::Provider(ProviderId::from_index(i)), &p.provenance));
    }
    for (i, r) in model.regions.iter().enumerate() {
        out.push((Premise::Region(RegionId::from_index(i)), &r.provenance));
    }
    for (i, c) in model.components.iter().enumerate() {
        out.push((Premise::Component(CompId::from_index(i)), &c.provenance));
    }
    for (i, r) in model.records.iter().enumerate() {
        out.push((Premise::Record(RecordId::from_index(i)), &r.provenance));
    }
    for (i, w) in model.writers.iter().enumerate() {
        out.push((Premise::Writer(WriterId::from_index(i)), &w.provenance));
    }
    for (i, e) in model.edges.iter().enumerate() {
        let part_of_dependent = match e.origin {
            EdgeOrigin::Declared => e.provenance == model.component(e.from).provenance,
            EdgeOrigin::Record(_) | EdgeOrigin::RunsIn => true,
        };
        if !part_of_dependent {
            out.push((Premise::Edge(EdgeId::from_index(i)), &e.provenance));
        }
    }
    for (i, f) in model.flows.iter().enumerate() {
        if !f.generated {
            out.push((Premise::Flow(FlowId::from_index(i)), &f.provenance));
        }
    }
    for (i, s) in model.scenarios.iter().enumerate() {
        out.push((Premise::Scenario(index(i)), &s.provenance));
    }
    for (i, r) in model.placement.rules.iter().enumerate() {
        out.push((Premise::Rule(RuleId::from_index(i)), &r.provenance));
    }
    for (i, inv) in model.invariants.iter().enumerate() {
        out.push((Premise::Invariant(index(i)), &inv.provenance));
    }
    out
}

/// Every assumption of the model, in the model's order: each entry's
/// (see [`entries`]), and after a component's own, those on one of its
/// fields (`assumed = { region = "..." }`). Each comes with where it would
/// be settled: the entry's `settle`, which a component's field
/// assumptions share.
pub fn assumptions(model: &Model) -> Vec<(Premise, &str, Option<&str>)> {
    let mut out = Vec::new();
    for (premise, provenance) in entries(model) {
        let settle = provenance.settle.as_deref();
        if let Some(says) = &provenance.assumption {
            out.push((premise, says.as_str(), settle));
        }
        if let Premise::Component(c) = premise {
            for (field, says) in &model.component(c).assumed {
                out.push((field_premise(c, *field), says.as_str(), settle));
            }
        }
    }
    out
}

fn field_premise(c: CompId, field: Field) -> Premise {
    Premise::Field(c, field)
}

/// A scenario's or an invariant's index, as [`Premise`] holds it.
fn index(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 entries")
}
