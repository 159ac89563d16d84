//! The whole resolved model as JSON (`export json`, `list --json`,
//! `scenarios --json`): every field of the core's structs, with ids instead
//! of indices, so a reader needs nothing but this document.

use archsim_core::{
    Check, CompId, Component, Edge, EdgeOrigin, Flow, FlowStart, Model, Provenance, Provider,
    Purpose, Record, Region, Scenario, Writer,
};
use std::collections::BTreeMap;

use serde::Serialize;

/// The model.
#[derive(Serialize)]
pub struct ModelJson<'a> {
    /// The platform's name.
    pub name: &'a str,
    /// The document the model encodes, or null.
    pub document: Option<&'a str>,
    /// The document's facts the model quotes (`[[fact]]`), in file order.
    pub facts: Vec<FactJson<'a>>,
    /// The DNS zone.
    pub zone: ZoneJson<'a>,
    /// Providers.
    pub providers: Vec<ProviderJson<'a>>,
    /// Regions.
    pub regions: Vec<RegionJson<'a>>,
    /// Components.
    pub components: Vec<ComponentJson<'a>>,
    /// DNS records.
    pub records: Vec<RecordJson<'a>>,
    /// DNS writers.
    pub writers: Vec<WriterJson<'a>>,
    /// Dependency edges, declared and generated.
    pub edges: Vec<EdgeJson<'a>>,
    /// Flows.
    pub flows: Vec<FlowJson<'a>>,
    /// Scenarios.
    pub scenarios: Vec<ScenarioJson<'a>>,
    /// The placement rule.
    pub placement: PlacementJson<'a>,
    /// The model's invariants.
    pub invariants: Vec<InvariantJson<'a>>,
}

impl<'a> ModelJson<'a> {
    /// The JSON form of a model.
    pub fn new(m: &'a Model) -> ModelJson<'a> {
        ModelJson {
            name: &m.meta.name,
            document: m.meta.document.as_deref(),
            facts: m
                .facts
                .iter()
                .map(|f| FactJson {
                    id: &f.id,
                    says: &f.says,
                })
                .collect(),
            zone: ZoneJson {
                name: &m.zone.name,
                component: comp(m, m.zone.component),
                provenance: ProvenanceJson::new(&m.zone.provenance),
            },
            providers: m
                .providers
                .iter()
                .map(|p| ProviderJson::new(m, p))
                .collect(),
            regions: m.regions.iter().map(|r| RegionJson::new(m, r)).collect(),
            components: m
                .components
                .iter()
                .map(|c| ComponentJson::new(m, c))
                .collect(),
            records: m.records.iter().map(|r| RecordJson::new(m, r)).collect(),
            writers: m.writers.iter().map(|w| WriterJson::new(m, w)).collect(),
            edges: m.edges.iter().map(|e| EdgeJson::new(m, e)).collect(),
            flows: m.flows.iter().map(|f| FlowJson::new(m, f)).collect(),
            scenarios: m.scenarios.iter().map(ScenarioJson::new).collect(),
            placement: PlacementJson {
                questions: m
                    .placement
                    .questions
                    .iter()
                    .map(|q| QuestionJson {
                        id: &q.id,
                        ask: &q.ask,
                    })
                    .collect(),
                rules: m
                    .placement
                    .rules
                    .iter()
                    .map(|r| RuleJson {
                        id: &r.id,
                        provider: &m.providers[r.provider.index()].id,
                        if_any: &r.if_any,
                        is_final: r.is_final,
                        says: &r.says,
                        provenance: ProvenanceJson::new(&r.provenance),
                    })
                    .collect(),
            },
            invariants: m
                .invariants
                .iter()
                .map(|i| InvariantJson {
                    id: &i.id,
                    check: CheckJson::new(&i.check),
                    says: &i.says,
                    hint: &i.hint,
                    provenance: ProvenanceJson::new(&i.provenance),
                })
                .collect(),
        }
    }
}

/// A fact of the source document, as the model quotes it.
#[derive(Serialize)]
pub struct FactJson<'a> {
    /// Its number (`F05`).
    pub id: &'a str,
    /// The fact, in the model's words.
    pub says: &'a str,
}

/// Where an entry comes from: the document's facts it carries, what the
/// model assumes beyond them, and where that would be settled.
#[derive(Serialize)]
pub struct ProvenanceJson<'a> {
    /// Fact ids.
    pub facts: &'a [String],
    /// What the model assumes beyond the document, or null.
    pub assumption: Option<&'a str>,
    /// Where in the described platform's repository the assumption would
    /// be settled, or null.
    pub settle: Option<&'a str>,
}

impl<'a> ProvenanceJson<'a> {
    /// The JSON form of an entry's provenance.
    pub fn new(p: &'a Provenance) -> ProvenanceJson<'a> {
        ProvenanceJson {
            facts: &p.facts,
            assumption: p.assumption.as_deref(),
            settle: p.settle.as_deref(),
        }
    }
}

fn comp(m: &Model, c: CompId) -> &str {
    &m.components[c.index()].id
}

/// The DNS zone.
#[derive(Serialize)]
pub struct ZoneJson<'a> {
    /// Apex name.
    pub name: &'a str,
    /// The component that answers for it.
    pub component: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

/// A provider.
#[derive(Serialize)]
pub struct ProviderJson<'a> {
    /// Id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Its one job.
    pub job: &'a str,
    /// Why.
    pub why: &'a str,
    /// Account or project, or null.
    pub account: Option<&'a str>,
    /// Home region id, or null.
    pub home_region: Option<&'a str>,
    /// Terraform folder, or null.
    pub terraform: Option<&'a str>,
    /// Terraform workspaces.
    pub workspaces: &'a [String],
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

impl<'a> ProviderJson<'a> {
    /// The JSON form of a provider.
    pub fn new(m: &'a Model, p: &'a Provider) -> ProviderJson<'a> {
        ProviderJson {
            id: &p.id,
            name: &p.name,
            job: &p.job,
            why: &p.why,
            account: p.account.as_deref(),
            home_region: p.home_region.map(|r| m.regions[r.index()].id.as_str()),
            terraform: p.terraform.as_deref(),
            workspaces: &p.workspaces,
            provenance: ProvenanceJson::new(&p.provenance),
        }
    }
}

/// A region.
#[derive(Serialize)]
pub struct RegionJson<'a> {
    /// Id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Owning provider id, or null for cross-provider regions.
    pub provider: Option<&'a str>,
    /// Free text, or null.
    pub note: Option<&'a str>,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

impl<'a> RegionJson<'a> {
    fn new(m: &'a Model, r: &'a Region) -> RegionJson<'a> {
        RegionJson {
            id: &r.id,
            name: &r.name,
            provider: r.provider.map(|p| m.providers[p.index()].id.as_str()),
            note: r.note.as_deref(),
            provenance: ProvenanceJson::new(&r.provenance),
        }
    }
}

/// A component.
#[derive(Serialize)]
pub struct ComponentJson<'a> {
    /// Id.
    pub id: &'a str,
    /// The real name from the document.
    pub name: &'a str,
    /// Product word, or null.
    pub product: Option<&'a str>,
    /// What it is.
    pub kind: &'a str,
    /// Provider id, or null outside the providers.
    pub provider: Option<&'a str>,
    /// Region id, or null.
    pub region: Option<&'a str>,
    /// `prod`, `dev` or `shared`.
    pub env: &'a str,
    /// Files that manage it.
    pub sources: &'a [String],
    /// Whether Terraform manages it.
    pub terraform: bool,
    /// Component id of the cluster it runs in, or null.
    pub runs_in: Option<&'a str>,
    /// Placement answers (question ids).
    pub traits: &'a [String],
    /// Why it sits where it does, or null.
    pub placement: Option<&'a str>,
    /// Free text, or null.
    pub notes: Option<&'a str>,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
    /// What the model assumes about one field (`region`, `terraform`, …),
    /// by field name: only answers that read that field rest on it.
    pub assumed: BTreeMap<&'static str, &'a str>,
}

impl<'a> ComponentJson<'a> {
    /// The JSON form of a component.
    pub fn new(m: &'a Model, c: &'a Component) -> ComponentJson<'a> {
        ComponentJson {
            id: &c.id,
            name: &c.name,
            product: c.product.as_deref(),
            kind: &c.kind,
            provider: c.provider.map(|p| m.providers[p.index()].id.as_str()),
            region: c.region.map(|r| m.regions[r.index()].id.as_str()),
            env: &c.env,
            sources: &c.sources,
            terraform: c.terraform,
            runs_in: c.runs_in.map(|r| comp(m, r)),
            traits: &c.traits,
            placement: c.placement.as_deref(),
            notes: c.notes.as_deref(),
            provenance: ProvenanceJson::new(&c.provenance),
            assumed: c
                .assumed
                .iter()
                .map(|(field, says)| (field.as_str(), says.as_str()))
                .collect(),
        }
    }
}

/// A DNS record.
#[derive(Serialize)]
pub struct RecordJson<'a> {
    /// Host.
    pub host: &'a str,
    /// Record type.
    #[serde(rename = "type")]
    pub rtype: &'a str,
    /// Target component id.
    pub target: &'a str,
    /// Writer id.
    pub writer: &'a str,
    /// `prod`, `dev` or `shared`.
    pub env: &'a str,
    /// Whether it is proxied.
    pub proxied: bool,
    /// `serve` or `validation`.
    pub purpose: &'static str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

impl<'a> RecordJson<'a> {
    /// The JSON form of a record.
    pub fn new(m: &'a Model, r: &'a Record) -> RecordJson<'a> {
        RecordJson {
            host: &r.host,
            rtype: &r.rtype,
            target: comp(m, r.target),
            writer: &m.writers[r.writer.index()].id,
            env: &r.env,
            proxied: r.proxied,
            purpose: match r.purpose {
                Purpose::Serve => "serve",
                Purpose::Validation => "validation",
            },
            provenance: ProvenanceJson::new(&r.provenance),
        }
    }
}

/// A DNS writer.
#[derive(Serialize)]
pub struct WriterJson<'a> {
    /// Id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Configuration file.
    pub source: &'a str,
    /// TXT-registry owner id, or null.
    pub owner_id: Option<&'a str>,
    /// Registry type, or null.
    pub registry: Option<&'a str>,
    /// Component id it runs on, or null.
    pub runs_on: Option<&'a str>,
    /// Host patterns it owns.
    pub owns: &'a [String],
    /// How a new host gets a record from it.
    pub adds: &'a str,
    /// What kind of hosts it writes.
    pub serves: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

impl<'a> WriterJson<'a> {
    fn new(m: &'a Model, w: &'a Writer) -> WriterJson<'a> {
        WriterJson {
            id: &w.id,
            name: &w.name,
            source: &w.source,
            owner_id: w.owner_id.as_deref(),
            registry: w.registry.as_deref(),
            runs_on: w.runs_on.map(|c| comp(m, c)),
            owns: &w.owns,
            adds: &w.adds,
            serves: &w.serves,
            provenance: ProvenanceJson::new(&w.provenance),
        }
    }
}

/// A dependency edge.
#[derive(Serialize)]
pub struct EdgeJson<'a> {
    /// Dependent component id.
    pub from: &'a str,
    /// Dependency component id.
    pub to: &'a str,
    /// `request`, `cached`, `startup` or `background`.
    pub kind: &'static str,
    /// Whether requests travel along it.
    pub hop: bool,
    /// Hosts the hop is limited to (empty: all).
    pub hosts: &'a [String],
    /// Flow ids the edge is limited to (empty: all).
    pub flows: Vec<&'a str>,
    /// Why it is there.
    pub why: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
    /// `declared`, `record` or `runs-in`.
    pub origin: &'static str,
    /// For `origin = record`: the record's host; otherwise null.
    pub record: Option<&'a str>,
}

impl<'a> EdgeJson<'a> {
    fn new(m: &'a Model, e: &'a Edge) -> EdgeJson<'a> {
        let (origin, record) = match e.origin {
            EdgeOrigin::Declared => ("declared", None),
            EdgeOrigin::Record(r) => ("record", Some(m.records[r.index()].host.as_str())),
            EdgeOrigin::RunsIn => ("runs-in", None),
        };
        EdgeJson {
            from: comp(m, e.from),
            to: comp(m, e.to),
            kind: e.kind.as_str(),
            hop: e.hop,
            hosts: &e.hosts,
            flows: e
                .flows
                .iter()
                .map(|f| m.flows[f.index()].id.as_str())
                .collect(),
            why: &e.why,
            provenance: ProvenanceJson::new(&e.provenance),
            origin,
            record,
        }
    }
}

/// A flow.
#[derive(Serialize)]
pub struct FlowJson<'a> {
    /// Id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The public host it starts at, or null for an internal flow.
    pub entry: Option<&'a str>,
    /// An internal flow's steps (component ids); empty for a host's flow.
    pub path: Vec<&'a str>,
    /// What it is.
    pub about: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
    /// Whether it was generated from a record.
    pub generated: bool,
}

impl<'a> FlowJson<'a> {
    /// The JSON form of a flow.
    pub fn new(m: &'a Model, f: &'a Flow) -> FlowJson<'a> {
        let path = match &f.start {
            FlowStart::Host(_) => Vec::new(),
            FlowStart::Path(steps) => steps.iter().map(|&c| comp(m, c)).collect(),
        };
        FlowJson {
            id: &f.id,
            name: &f.name,
            entry: f.entry_host(),
            path,
            about: &f.about,
            provenance: ProvenanceJson::new(&f.provenance),
            generated: f.generated,
        }
    }
}

/// A scenario.
#[derive(Serialize)]
pub struct ScenarioJson<'a> {
    /// Id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Selectors of what fails.
    pub fail: &'a [String],
    /// Selectors of what restarts.
    pub reschedule: &'a [String],
    /// What it teaches.
    pub teaches: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

impl<'a> ScenarioJson<'a> {
    /// The JSON form of a scenario.
    pub fn new(s: &'a Scenario) -> ScenarioJson<'a> {
        ScenarioJson {
            id: &s.id,
            name: &s.name,
            fail: &s.fail,
            reschedule: &s.reschedule,
            teaches: &s.teaches,
            provenance: ProvenanceJson::new(&s.provenance),
        }
    }
}

/// The placement rule.
#[derive(Serialize)]
pub struct PlacementJson<'a> {
    /// Questions.
    pub questions: Vec<QuestionJson<'a>>,
    /// Rules, in order.
    pub rules: Vec<RuleJson<'a>>,
}

/// A placement question.
#[derive(Serialize)]
pub struct QuestionJson<'a> {
    /// Id (also the `place` flag).
    pub id: &'a str,
    /// The question.
    pub ask: &'a str,
}

/// A placement rule.
#[derive(Serialize)]
pub struct RuleJson<'a> {
    /// Id.
    pub id: &'a str,
    /// Provider id it puts things on.
    pub provider: &'a str,
    /// Question ids that fire it.
    pub if_any: &'a [String],
    /// Whether it overrides every non-final rule.
    #[serde(rename = "final")]
    pub is_final: bool,
    /// The rule in words.
    pub says: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

/// An invariant.
#[derive(Serialize)]
pub struct InvariantJson<'a> {
    /// Id.
    pub id: &'a str,
    /// What is checked.
    pub check: CheckJson<'a>,
    /// The invariant in words.
    pub says: &'a str,
    /// What to do about a violation.
    pub hint: &'a str,
    /// Where it comes from: `facts`, `assumption` and `settle`.
    #[serde(flatten)]
    pub provenance: ProvenanceJson<'a>,
}

/// What an invariant checks: `{"type": …}` plus the check's own fields.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum CheckJson<'a> {
    /// No record may be proxied.
    RecordsNotProxied,
    /// Components selected by `target` may only be depended on by those
    /// selected by `from`.
    OnlyReachedFrom {
        /// Selector of the protected components.
        target: &'a str,
        /// Selector of the allowed dependents.
        from: &'a str,
    },
    /// No host claimed by two writers.
    WritersDisjoint,
    /// Every component is where the placement rule puts it, or says why not.
    Placement,
}

impl<'a> CheckJson<'a> {
    fn new(check: &'a Check) -> CheckJson<'a> {
        match check {
            Check::RecordsNotProxied => CheckJson::RecordsNotProxied,
            Check::OnlyReachedFrom { target, from } => CheckJson::OnlyReachedFrom { target, from },
            Check::WritersDisjoint => CheckJson::WritersDisjoint,
            Check::Placement => CheckJson::Placement,
        }
    }
}
