//! What an answer rests on: the entries of the model it read, and through
//! them the document's facts and the model's assumptions behind it.
//!
//! An answer is *checked* when every premise is sourced by facts alone,
//! and *assumed* otherwise; then it names the assumptions. The engine
//! decides which premises an answer has (see `Engine::flow_basis`); this
//! module only collects them and reads them out.

use crate::model::{
    CompId, EdgeId, EdgeOrigin, Field, FlowId, Model, Provenance, ProviderId, RecordId, RegionId,
    RuleId, WriterId,
};

/// The word for an answer every premise of which is a fact of the
/// document: the CLI, the widgets and the book's claim marks all say it.
pub const CHECKED: &str = "checked";
/// The word for an answer that rests on at least one assumption of the
/// model.
pub const ASSUMED: &str = "assumed";

/// One entry of the model an answer read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Premise {
    /// The zone: its list of records is complete (a host has no record).
    Zone,
    /// A provider.
    Provider(ProviderId),
    /// A region.
    Region(RegionId),
    /// A component: that it exists and does what the model says.
    Component(CompId),
    /// One field of a component (and the component itself).
    Field(CompId, Field),
    /// A DNS record.
    Record(RecordId),
    /// A writer of the zone.
    Writer(WriterId),
    /// A dependency or hop.
    Edge(EdgeId),
    /// A flow: where it starts, its steps.
    Flow(FlowId),
    /// A scenario, by index into `Model::scenarios`.
    Scenario(u32),
    /// A placement rule.
    Rule(RuleId),
    /// An invariant, by index into `Model::invariants`.
    Invariant(u32),
}

/// Something an answer rests on that the document does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assumed<'m> {
    /// The entry that assumes it.
    pub premise: Premise,
    /// The assumption, as the model states it.
    pub says: &'m str,
    /// Where in the described platform's repository it would be settled.
    pub settle: Option<&'m str>,
}

/// The premises of one answer, each once, in a fixed order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Basis {
    premises: Vec<Premise>,
}

impl Basis {
    /// No premise yet.
    pub fn new() -> Basis {
        Basis::default()
    }

    /// Add a premise. An edge generated from a record or from `runs_in`
    /// is that record, or that component's `runs_in`.
    pub fn add(&mut self, premise: Premise) {
        self.premises.push(premise);
    }

    /// Add a component and the fields in `fields` (a set of [`Field::bit`]s).
    pub fn add_component(&mut self, c: CompId, fields: u8) {
        self.add(Premise::Component(c));
        for field in Field::ALL {
            if fields & field.bit() != 0 {
                self.add(Premise::Field(c, field));
            }
        }
    }

    /// Add every premise of `other`.
    pub fn extend(&mut self, other: &Basis) {
        self.premises.extend_from_slice(&other.premises);
    }

    /// Sort and drop repeats; answers call this once they are complete.
    pub fn finish(&mut self, model: &Model) {
        let mut more = Vec::new();
        for p in &mut self.premises {
            match *p {
                Premise::Edge(e) => {
                    let edge = &model.edges[e.index()];
                    match edge.origin {
                        EdgeOrigin::Record(r) => *p = Premise::Record(r),
                        EdgeOrigin::RunsIn => *p = Premise::Field(edge.from, Field::RunsIn),
                        EdgeOrigin::Declared => {}
                    }
                }
                // A component's region or provider is read with the
                // region's or provider's own entry (`global` is one).
                Premise::Field(c, Field::Region) => {
                    more.extend(model.component(c).region.map(Premise::Region));
                }
                Premise::Field(c, Field::Provider) => {
                    more.extend(model.component(c).provider.map(Premise::Provider));
                }
                _ => {}
            }
        }
        self.premises.append(&mut more);
        crate::order::sort(&mut self.premises);
        self.premises.dedup();
    }

    /// The premises, in a fixed order once [`Basis::finish`]ed.
    pub fn premises(&self) -> &[Premise] {
        &self.premises
    }

    /// The document's facts the answer rests on, in order, each once.
    pub fn facts<'m>(&self, model: &'m Model) -> Vec<&'m str> {
        let mut facts: Vec<&str> = Vec::new();
        for &p in &self.premises {
            for fact in &provenance(model, p).facts {
                facts.push(fact);
            }
        }
        crate::order::sort(&mut facts);
        facts.dedup();
        facts
    }

    /// What the answer assumes beyond the document, each once, in the
    /// premises' order.
    pub fn assumptions<'m>(&self, model: &'m Model) -> Vec<Assumed<'m>> {
        let mut out: Vec<Assumed<'m>> = Vec::new();
        let mut push = |premise: Premise, says: &'m str, settle: Option<&'m str>| {
            if !out.iter().any(|a| a.premise == premise && a.says == says) {
                out.push(Assumed {
                    premise,
                    says,
                    settle,
                });
            }
        };
        for &p in &self.premises {
            let source = provenance(model, p);
            let settle = source.settle.as_deref();
            if let Premise::Field(c, field) = p {
                let component = model.component(c);
                if let Some(says) = &component.provenance.assumption {
                    push(Premise::Component(c), says, settle);
                }
                if let Some((_, says)) = component.assumed.iter().find(|(f, _)| *f == field) {
                    push(p, says, settle);
                }
            } else if let Some(says) = &source.assumption {
                push(p, says, settle);
            }
        }
        out
    }

    /// Whether every premise is sourced by facts alone.
    pub fn is_checked(&self, model: &Model) -> bool {
        self.assumptions(model).is_empty()
    }
}

/// The provenance of the entry a premise names.
pub fn provenance(model: &Model, premise: Premise) -> &Provenance {
    match premise {
        Premise::Zone => &model.zone.provenance,
        Premise::Provider(p) => &model.providers[p.index()].provenance,
        Premise::Region(r) => &model.regions[r.index()].provenance,
        Premise::Component(c) | Premise::Field(c, _) => &model.component(c).provenance,
        Premise::Record(r) => &model.records[r.index()].provenance,
        Premise::Writer(w) => &model.writers[w.index()].provenance,
        Premise::Edge(e) => &model.edges[e.index()].provenance,
        Premise::Flow(f) => &model.flows[f.index()].provenance,
        Premise::Scenario(s) => &model.scenarios[s as usize].provenance,
        Premise::Rule(r) => &model.placement.rules[r.index()].provenance,
        Premise::Invariant(i) => &model.invariants[i as usize].provenance,
    }
}

/// The words that name a premise's entry to a reader: `tomoda-api-prod`,
/// `cloudfront-prod (region)`, `record api.tomoda.life`,
/// `tomoda-api-prod → cnpg`, `scenario gcp-down`. Written once, here, for
/// every shell.
pub fn label(model: &Model, premise: Premise) -> String {
    write_label(model, premise, |c| &model.component(c).id, false)
}

/// The same entry named for a reader who has not learned the model's ids:
/// each component, provider, region, writer and scenario by its display
/// name (`Tomoda API (prod) → CloudNativePG`, `Tomoda API (prod) (region)`,
/// `the scenario “AWS is down”`); the claim marks' notes in the book speak so.
pub fn named(model: &Model, premise: Premise) -> String {
    write_label(model, premise, |c| &model.component(c).name, true)
}

fn write_label<'m>(
    model: &'m Model,
    premise: Premise,
    component: impl Fn(CompId) -> &'m str,
    by_name: bool,
) -> String {
    let pick = |id: &'m str, name: &'m str| if by_name { name } else { id };
    let mut out = String::new();
    let (word, name): (&str, &str) = match premise {
        Premise::Zone => ("zone ", &model.zone.name),
        Premise::Provider(p) => {
            let p = &model.providers[p.index()];
            ("provider ", pick(&p.id, &p.name))
        }
        Premise::Region(r) => {
            let r = &model.regions[r.index()];
            ("region ", pick(&r.id, &r.name))
        }
        Premise::Component(c) => ("", component(c)),
        Premise::Field(c, field) => {
            out.push_str(component(c));
            out.push_str(" (");
            out.push_str(field.as_str());
            out.push(')');
            return out;
        }
        Premise::Record(r) => ("record ", &model.records[r.index()].host),
        Premise::Writer(w) => {
            let w = &model.writers[w.index()];
            ("writer ", pick(&w.id, &w.name))
        }
        Premise::Edge(e) => {
            let edge = &model.edges[e.index()];
            out.push_str(component(edge.from));
            out.push_str(" → ");
            out.push_str(component(edge.to));
            return out;
        }
        Premise::Flow(f) => ("flow ", &model.flows[f.index()].id),
        Premise::Scenario(s) if by_name => {
            out.push_str("the scenario “");
            out.push_str(&model.scenarios[s as usize].name);
            out.push('”');
            return out;
        }
        Premise::Scenario(s) => ("scenario ", &model.scenarios[s as usize].id),
        Premise::Rule(r) => ("rule ", &model.placement.rules[r.index()].id),
        Premise::Invariant(i) => ("invariant ", &model.invariants[i as usize].id),
    };
    out.push_str(word);
    out.push_str(name);
    out
}
