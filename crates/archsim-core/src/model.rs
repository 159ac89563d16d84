//! The model: plain data, resolved and validated.
//!
//! Every cross-reference is an index into the owning [`Model`]'s vectors
//! (a [`CompId`] indexes [`Model::components`], and so on); the loader has
//! checked them all, so indexing never fails on a loaded model.

use crate::diag::Span;
pub use crate::kind::EdgeKind;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the owning vector.
            pub fn index(self) -> usize {
                self.0 as usize
            }
            /// The id of the element at `index`.
            pub fn from_index(index: usize) -> Self {
                $name(u32::try_from(index).expect("fewer than 2^32 elements"))
            }
        }
    };
}

index_type!(
    /// A component: an index into [`Model::components`].
    CompId
);
index_type!(
    /// A provider: an index into [`Model::providers`].
    ProviderId
);
index_type!(
    /// A region: an index into [`Model::regions`].
    RegionId
);
index_type!(
    /// A DNS record: an index into [`Model::records`].
    RecordId
);
index_type!(
    /// A DNS writer: an index into [`Model::writers`].
    WriterId
);
index_type!(
    /// A dependency edge: an index into [`Model::edges`].
    EdgeId
);
index_type!(
    /// A flow: an index into [`Model::flows`].
    FlowId
);
index_type!(
    /// A placement rule: an index into [`Placement::rules`].
    RuleId
);

/// The whole architecture.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    /// What the model describes.
    pub meta: Meta,
    /// The DNS zone every public host lives in.
    pub zone: Zone,
    /// Cloud providers, each with one job.
    pub providers: Vec<Provider>,
    /// Regions, with the provider they belong to.
    pub regions: Vec<Region>,
    /// Everything that can fail.
    pub components: Vec<Component>,
    /// The zone's records.
    pub records: Vec<Record>,
    /// Who writes the zone's records.
    pub writers: Vec<Writer>,
    /// Dependencies, declared and generated (from records and `runs_in`).
    pub edges: Vec<Edge>,
    /// Named paths through the architecture; one per served host first.
    pub flows: Vec<Flow>,
    /// Named sets of failures.
    pub scenarios: Vec<Scenario>,
    /// The placement rule.
    pub placement: Placement,
    /// The model's own invariants, checked on load.
    pub invariants: Vec<Invariant>,
    /// The source document's facts, in the model's own words: what every
    /// `facts = [...]` refers to.
    pub facts: Vec<Fact>,
}

/// One fact of the source document, restated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fact {
    /// Its number (`F05`).
    pub id: String,
    /// The fact, in the model's own words.
    pub says: String,
}

/// Where an entry of the model comes from: the document's facts it
/// carries, and what the model assumes beyond them. An entry is *sourced*
/// when it names a fact or states its assumption; the loader refuses one
/// that does neither.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Facts of the source document the entry carries (`F05`).
    pub facts: Vec<String>,
    /// Something the document does not say, assumed by the model.
    pub assumption: Option<String>,
    /// Where in the described platform's repository a reader would look
    /// to confirm or reject the entry's assumptions (a file or folder).
    pub settle: Option<String>,
}

impl Provenance {
    /// Whether the entry names a fact or states an assumption.
    pub fn is_sourced(&self) -> bool {
        !self.facts.is_empty() || self.assumption.is_some()
    }
}

/// A field of a component that an answer can rest on, and that can be
/// assumed on its own (`assumed = { region = "..." }`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Its provider.
    Provider,
    /// Its region.
    Region,
    /// Its kind.
    Kind,
    /// Its environment.
    Env,
    /// Its product word.
    Product,
    /// Whether Terraform manages it.
    Terraform,
    /// The cluster it runs in.
    RunsIn,
    /// Its answers to the placement questions.
    Traits,
}

impl Field {
    /// Every field, in declaration order.
    pub const ALL: [Field; 8] = [
        Field::Provider,
        Field::Region,
        Field::Kind,
        Field::Env,
        Field::Product,
        Field::Terraform,
        Field::RunsIn,
        Field::Traits,
    ];

    /// The file format's key for the field.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Provider => "provider",
            Field::Region => "region",
            Field::Kind => "kind",
            Field::Env => "env",
            Field::Product => "product",
            Field::Terraform => "terraform",
            Field::RunsIn => "runs_in",
            Field::Traits => "traits",
        }
    }

    /// A bit of its own, for sets of fields.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What the model describes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The platform's name.
    pub name: String,
    /// The document the model encodes.
    pub document: Option<String>,
}

/// The DNS zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Zone {
    /// Apex name, lower case, without a trailing dot (`tomoda.life`).
    pub name: String,
    /// The component that answers for the zone.
    pub component: CompId,
    /// Where it comes from; an answer that a host has no record rests on
    /// the zone's record list being complete, so on this.
    pub provenance: Provenance,
}

/// A cloud provider and its one job.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provider {
    /// Short id (`gcp`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its job, in one line.
    pub job: String,
    /// Why it has that job.
    pub why: String,
    /// Account or project, where the document names one.
    pub account: Option<String>,
    /// Where the provider's components should live, unless they say why not.
    pub home_region: Option<RegionId>,
    /// The Terraform folder for this provider.
    pub terraform: Option<String>,
    /// Terraform workspaces.
    pub workspaces: Vec<String>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A region (or `global`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Region {
    /// Id as the provider spells it (`asia-east1`).
    pub id: String,
    /// Display name (`Taiwan`).
    pub name: String,
    /// The provider that owns it; `None` for cross-provider pseudo-regions.
    pub provider: Option<ProviderId>,
    /// Free text.
    pub note: Option<String>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Anything that can fail: a service, a bucket, a cluster, a workload.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Component {
    /// Short, stable id (`cloudfront-prod`).
    pub id: String,
    /// The real name from the document (`tomoda-assets-prod`).
    pub name: String,
    /// Product word shared by its siblings (`cloudfront`), a selector.
    pub product: Option<String>,
    /// What it is (`bucket`, `cluster`, `workload`, …).
    pub kind: String,
    /// Owning provider; `None` outside the providers (users, Git hosting).
    pub provider: Option<ProviderId>,
    /// Region; `None` when it has none.
    pub region: Option<RegionId>,
    /// `prod`, `dev` or `shared`.
    pub env: String,
    /// Files that manage it.
    pub sources: Vec<String>,
    /// Whether Terraform manages it.
    pub terraform: bool,
    /// The cluster it runs in, if any.
    pub runs_in: Option<CompId>,
    /// Answers to the placement questions (question ids).
    pub traits: Vec<String>,
    /// Why it sits where it does when the placement rule alone would not put it there.
    pub placement: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Fields the model assumes on their own: an answer that reads the
    /// field rests on the assumption too.
    pub assumed: Vec<(Field, String)>,
    /// Where the component's id is in the source.
    pub span: Span,
}

/// What a record is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Purpose {
    /// Users reach the host: it gets a flow.
    #[default]
    Serve,
    /// Proves control of a name to a certificate authority.
    Validation,
}

/// A DNS record in the zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// Fully-qualified, lower case, no trailing dot.
    pub host: String,
    /// Record type (`A`, `CNAME`).
    pub rtype: String,
    /// What the record points at.
    pub target: CompId,
    /// Who writes it.
    pub writer: WriterId,
    /// `prod`, `dev` or `shared`.
    pub env: String,
    /// Whether Cloudflare proxies it (the model forbids it).
    pub proxied: bool,
    /// What the record is for.
    pub purpose: Purpose,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Where the host is in the source.
    pub span: Span,
    /// Where `proxied` is in the source, if given.
    pub proxied_span: Option<Span>,
}

/// A writer of zone records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Writer {
    /// Short id (`external-dns`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The file that configures it.
    pub source: String,
    /// TXT-registry owner id, if it uses one.
    pub owner_id: Option<String>,
    /// Registry type (`txt`).
    pub registry: Option<String>,
    /// The component it runs on, if it runs somewhere in the model.
    pub runs_on: Option<CompId>,
    /// Host patterns it owns (`*` matches within the host).
    pub owns: Vec<String>,
    /// How a new host gets a record from this writer.
    pub adds: String,
    /// What kind of hosts it writes.
    pub serves: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Where the writer's id is in the source.
    pub span: Span,
}

/// Where an edge came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeOrigin {
    /// An `[[edge]]` table.
    Declared,
    /// A DNS record: the zone resolves the host to the record's target.
    Record(RecordId),
    /// A component's `runs_in`.
    RunsIn,
}

/// `from` needs `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The dependent.
    pub from: CompId,
    /// The dependency.
    pub to: CompId,
    /// When the dependency matters.
    pub kind: EdgeKind,
    /// Whether requests travel along it (a route hop).
    pub hop: bool,
    /// Hosts the hop is limited to; empty means every host.
    pub hosts: Vec<String>,
    /// Flows the edge is limited to; empty means every flow.
    pub flows: Vec<FlowId>,
    /// Why the dependency is there.
    pub why: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Declared, or generated from what.
    pub origin: EdgeOrigin,
    /// Where the edge is in the source.
    pub span: Span,
}

impl Edge {
    /// Whether this hop carries requests for `host`.
    pub fn hop_serves(&self, host: &str) -> bool {
        self.hop && (self.hosts.is_empty() || self.hosts.iter().any(|h| h == host))
    }

    /// Whether the edge counts for `flow`.
    pub fn active_for(&self, flow: FlowId) -> bool {
        self.flows.is_empty() || self.flows.contains(&flow)
    }
}

/// Where a flow starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlowStart {
    /// A public host: the flow is the host's route.
    Host(String),
    /// An internal flow: these steps, in order, each needed.
    Path(Vec<CompId>),
}

/// A named path through the architecture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    /// Short id; a served host's flow is named after the host.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where it starts.
    pub start: FlowStart,
    /// What it is, in a sentence.
    pub about: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Whether it was generated from a record.
    pub generated: bool,
}

impl Flow {
    /// The public host the flow starts at, if any.
    pub fn entry_host(&self) -> Option<&str> {
        match &self.start {
            FlowStart::Host(host) => Some(host),
            FlowStart::Path(_) => None,
        }
    }
}

/// A named set of failures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    /// Short id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Selectors of what fails.
    pub fail: Vec<String>,
    /// Selectors of what restarts (its start-up dependencies become hard).
    pub reschedule: Vec<String>,
    /// What the scenario teaches.
    pub teaches: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Where the scenario's id is in the source.
    pub span: Span,
}

/// The placement rule: questions and the rules that answer them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placement {
    /// Properties a piece of infrastructure can have.
    pub questions: Vec<Question>,
    /// Rules, in order.
    pub rules: Vec<Rule>,
}

/// A property of new infrastructure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Question {
    /// Kebab-case id, also the CLI flag (`holds-state`).
    pub id: String,
    /// The question as asked.
    pub ask: String,
}

/// One placement rule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    /// Short id.
    pub id: String,
    /// Where it puts things.
    pub provider: ProviderId,
    /// It fires when any of these question ids is answered yes.
    pub if_any: Vec<String>,
    /// A final rule overrides every non-final one.
    pub is_final: bool,
    /// The rule in words.
    pub says: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// What an invariant checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// No record may be proxied.
    RecordsNotProxied,
    /// Components selected by `target` may only be depended on by those selected by `from`.
    OnlyReachedFrom {
        /// Selector of the protected components.
        target: String,
        /// Selector of the only allowed dependents.
        from: String,
    },
    /// No host is claimed by two writers; every record's writer owns it.
    WritersDisjoint,
    /// Every component is where the placement rule puts it, or says why not.
    Placement,
}

/// One of the model's own invariants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invariant {
    /// Short id.
    pub id: String,
    /// What is checked.
    pub check: Check,
    /// The invariant in words.
    pub says: String,
    /// What to do about a violation.
    pub hint: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Where the invariant is in the source.
    pub span: Span,
}

impl Model {
    /// The component with this id.
    pub fn component(&self, id: CompId) -> &Component {
        &self.components[id.index()]
    }

    /// The component whose id is `id`, if any.
    pub fn component_by_id(&self, id: &str) -> Option<CompId> {
        self.components
            .iter()
            .position(|c| c.id == id)
            .map(CompId::from_index)
    }

    /// The flow whose id is `id`, if any.
    pub fn flow_by_id(&self, id: &str) -> Option<FlowId> {
        self.flows
            .iter()
            .position(|f| f.id == id)
            .map(FlowId::from_index)
    }

    /// The provider's id, or `external` for components outside every provider.
    pub fn provider_name(&self, provider: Option<ProviderId>) -> &str {
        provider.map_or("external", |p| self.providers[p.index()].id.as_str())
    }

    /// The region's id, or `-` for components without a region.
    pub fn region_name(&self, region: Option<RegionId>) -> &str {
        region.map_or("-", |r| self.regions[r.index()].id.as_str())
    }

    /// Records for `host` (already normalised).
    pub fn records_for<'a>(&'a self, host: &'a str) -> impl Iterator<Item = RecordId> + 'a {
        self.records
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.host == host)
            .map(|(i, _)| RecordId::from_index(i))
    }

    /// Every id a component can be named by: ids, names and product words.
    pub fn component_names(&self) -> impl Iterator<Item = &str> {
        self.components.iter().flat_map(|c| {
            [
                Some(c.id.as_str()),
                Some(c.name.as_str()),
                c.product.as_deref(),
            ]
            .into_iter()
            .flatten()
        })
    }
}
