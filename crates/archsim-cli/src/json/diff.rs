//! `diff`: what a change to the model changes, and what it does.

use archsim_core::diff::{
    Assumption, BrokenInvariant, Change, Changed, DnsChange, FlowChange, PlacementChange,
    SpofChange,
};
use serde::Serialize;

/// `diff`.
#[derive(Serialize)]
pub struct DiffJson<'a> {
    /// Entries added, removed and changed.
    pub changes: ChangesJson<'a>,
    /// What the change does to the answers.
    pub impact: ImpactJson<'a>,
    /// The `--deny` kinds the change introduces (exit 1 when not empty).
    pub denied: Vec<&'static str>,
}

/// Entries added, removed and changed, matched by id.
#[derive(Serialize)]
pub struct ChangesJson<'a> {
    /// In NEW only.
    pub added: Vec<EntryJson<'a>>,
    /// In OLD only.
    pub removed: Vec<EntryJson<'a>>,
    /// In both, with fields that differ.
    pub changed: Vec<ChangedJson<'a>>,
}

/// An entry of a table.
#[derive(Serialize)]
pub struct EntryJson<'a> {
    /// The table, as the model file names it (`component`, `edge`, …).
    pub table: &'static str,
    /// Its id (an edge: `FROM → TO`; a record: its host).
    pub id: &'a str,
}

impl<'a> EntryJson<'a> {
    /// The JSON form of an added or removed entry.
    pub fn new(c: &'a Change) -> EntryJson<'a> {
        EntryJson {
            table: c.table.as_str(),
            id: &c.id,
        }
    }
}

/// An entry both sides have, changed.
#[derive(Serialize)]
pub struct ChangedJson<'a> {
    /// The table.
    pub table: &'static str,
    /// Its id.
    pub id: &'a str,
    /// The fields that differ, as the file's keys.
    pub fields: &'a [&'static str],
}

impl<'a> ChangedJson<'a> {
    /// The JSON form of a changed entry.
    pub fn new(c: &'a Changed) -> ChangedJson<'a> {
        ChangedJson {
            table: c.table.as_str(),
            id: &c.id,
            fields: &c.fields,
        }
    }
}

/// What the change does.
#[derive(Serialize)]
pub struct ImpactJson<'a> {
    /// Flows whose state differs, under each failure.
    pub flows: Vec<FlowChangeJson<'a>>,
    /// Flows whose single points of failure differ.
    pub spof: Vec<SpofChangeJson<'a>>,
    /// Components whose placement-audit status differs.
    pub placement: Vec<PlacementChangeJson<'a>>,
    /// Hosts whose writer changes, that writers now claim together, or
    /// whose record loses its target.
    pub dns: Vec<DnsChangeJson<'a>>,
    /// Each way NEW breaks one of its invariants.
    pub invariants: Vec<InvariantJson<'a>>,
    /// Assumptions added and removed.
    pub assumptions: AssumptionsJson<'a>,
}

/// A flow whose state differs under one failure.
#[derive(Serialize)]
pub struct FlowChangeJson<'a> {
    /// Flow id.
    pub flow: &'a str,
    /// Its public host, or null.
    pub entry: Option<&'a str>,
    /// The scenario that fails, or null.
    pub scenario: Option<&'a str>,
    /// What fails (nothing: the baseline).
    pub failed: &'a [String],
    /// State in OLD (`fail --json`'s words), or null: no such flow.
    pub before: Option<&'static str>,
    /// State in NEW, or null: no such flow.
    pub after: Option<&'static str>,
    /// NEW's cause chain, the failed component last.
    pub because: &'a [String],
}

impl<'a> FlowChangeJson<'a> {
    /// The JSON form of a flow change.
    pub fn new(f: &'a FlowChange) -> FlowChangeJson<'a> {
        FlowChangeJson {
            flow: &f.flow,
            entry: f.entry.as_deref(),
            scenario: f.scenario.as_deref(),
            failed: &f.failed,
            before: f.before.map(|s| s.as_str()),
            after: f.after.map(|s| s.as_str()),
            because: &f.because,
        }
    }
}

/// A flow whose single points of failure differ.
#[derive(Serialize)]
pub struct SpofChangeJson<'a> {
    /// Flow id.
    pub flow: &'a str,
    /// Its public host, or null.
    pub entry: Option<&'a str>,
    /// Single points of failure NEW adds.
    pub added: &'a [String],
    /// Single points of failure NEW no longer has.
    pub removed: &'a [String],
}

impl<'a> SpofChangeJson<'a> {
    /// The JSON form of a single-point-of-failure change.
    pub fn new(s: &'a SpofChange) -> SpofChangeJson<'a> {
        SpofChangeJson {
            flow: &s.flow,
            entry: s.entry.as_deref(),
            added: &s.added,
            removed: &s.removed,
        }
    }
}

/// A component whose placement-audit status differs.
#[derive(Serialize)]
pub struct PlacementChangeJson<'a> {
    /// Component id.
    pub id: &'a str,
    /// Status in OLD (`place --audit --json`'s words), or null: OLD has no
    /// such component, or it belongs to no provider.
    pub before: Option<&'static str>,
    /// Status in NEW, or null as for `before`.
    pub after: Option<&'static str>,
    /// The reason NEW's status gives, or null.
    pub reason: Option<&'a str>,
}

impl<'a> PlacementChangeJson<'a> {
    /// The JSON form of a placement-audit change.
    pub fn new(p: &'a PlacementChange) -> PlacementChangeJson<'a> {
        PlacementChangeJson {
            id: &p.id,
            before: p.before.as_ref().map(|s| s.as_str()),
            after: p.after.as_ref().map(|s| s.as_str()),
            reason: p.after.as_ref().and_then(|s| s.reason()),
        }
    }
}

/// A change to a host of the zone.
#[derive(Serialize)]
pub struct DnsChangeJson<'a> {
    /// The host.
    pub host: &'a str,
    /// `writer`, `both-claim` or `lost-target`.
    pub change: &'static str,
    /// The host's writer in OLD (`lost-target`: its record's target), or
    /// null.
    pub before: Option<&'a str>,
    /// The same in NEW, or null.
    pub after: Option<&'a str>,
    /// `both-claim`: the writers whose patterns claim the host in NEW.
    pub writers: &'a [String],
}

impl<'a> DnsChangeJson<'a> {
    /// The JSON form of a DNS change.
    pub fn new(d: &'a DnsChange) -> DnsChangeJson<'a> {
        DnsChangeJson {
            host: &d.host,
            change: d.change.as_str(),
            before: d.before.as_deref(),
            after: d.after.as_deref(),
            writers: &d.writers,
        }
    }
}

/// One way NEW breaks one of its invariants.
#[derive(Serialize)]
pub struct InvariantJson<'a> {
    /// The invariant's id.
    pub id: &'a str,
    /// The facts it rests on.
    pub facts: &'a [String],
    /// What breaks it.
    pub message: &'a str,
    /// The line of NEW's file where it breaks.
    pub line: usize,
}

impl<'a> InvariantJson<'a> {
    /// The JSON form of a broken invariant.
    pub fn new(b: &'a BrokenInvariant) -> InvariantJson<'a> {
        InvariantJson {
            id: &b.invariant,
            facts: &b.facts,
            message: &b.message,
            line: b.line,
        }
    }
}

/// Assumptions added and removed.
#[derive(Serialize)]
pub struct AssumptionsJson<'a> {
    /// NEW assumes them, OLD did not.
    pub added: Vec<AssumptionChangeJson<'a>>,
    /// OLD assumed them, NEW does not.
    pub removed: Vec<AssumptionChangeJson<'a>>,
}

/// One assumption.
#[derive(Serialize)]
pub struct AssumptionChangeJson<'a> {
    /// What assumes it, as every answer's basis names it.
    pub about: &'a str,
    /// What it says.
    pub says: &'a str,
}

impl<'a> AssumptionChangeJson<'a> {
    /// The JSON form of an assumption.
    pub fn new(a: &'a Assumption) -> AssumptionChangeJson<'a> {
        AssumptionChangeJson {
            about: &a.about,
            says: &a.says,
        }
    }
}
