//! The entries two models add, remove and change, matched by id.

use std::collections::HashMap;

use crate::model::{Check, CompId, Model, Provenance};

/// A table of the model file: what a change is a change of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// `[zone]`, matched by its name.
    Zone,
    /// `[[provider]]`, matched by id.
    Provider,
    /// `[[region]]`, matched by id.
    Region,
    /// `[[component]]`, matched by id.
    Component,
    /// `[[writer]]`, matched by id.
    Writer,
    /// `[[record]]`, matched by host.
    Record,
    /// `[[edge]]` and each component's `needs`, matched by `FROM → TO`.
    Edge,
    /// `[[flow]]`, matched by id (a served host's own flow is its record's).
    Flow,
    /// `[[scenario]]`, matched by id.
    Scenario,
    /// `[[placement.question]]`, matched by id.
    Question,
    /// `[[placement.rule]]`, matched by id.
    Rule,
    /// `[[invariant]]`, matched by id.
    Invariant,
    /// `[[fact]]`, matched by id.
    Fact,
}

impl Table {
    /// Every table, in the order changes list them.
    pub const ALL: [Table; 13] = [
        Table::Zone,
        Table::Provider,
        Table::Region,
        Table::Component,
        Table::Writer,
        Table::Record,
        Table::Edge,
        Table::Flow,
        Table::Scenario,
        Table::Question,
        Table::Rule,
        Table::Invariant,
        Table::Fact,
    ];

    /// The model file's name for the table.
    pub fn as_str(self) -> &'static str {
        match self {
            Table::Zone => "zone",
            Table::Provider => "provider",
            Table::Region => "region",
            Table::Component => "component",
            Table::Writer => "writer",
            Table::Record => "record",
            Table::Edge => "edge",
            Table::Flow => "flow",
            Table::Scenario => "scenario",
            Table::Question => "placement.question",
            Table::Rule => "placement.rule",
            Table::Invariant => "invariant",
            Table::Fact => "fact",
        }
    }
}

/// An entry one model has and the other lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its table.
    pub table: Table,
    /// Its id: the id, a record's host, an edge's `FROM → TO`.
    pub id: String,
}

/// An entry both models have, with different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// Its table.
    pub table: Table,
    /// Its id, as in [`Change::id`].
    pub id: String,
    /// The model file's keys whose values differ (`region`, `kind`,
    /// `facts`, `assumption`, …), in the order the entry declares them.
    pub fields: Vec<&'static str>,
}

/// What NEW adds to, removes from and changes in OLD.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// In NEW only, in NEW's order, table by table.
    pub added: Vec<Change>,
    /// In OLD only, in OLD's order, table by table.
    pub removed: Vec<Change>,
    /// In both, with the fields that differ, in OLD's order.
    pub changed: Vec<Changed>,
}

impl Changes {
    /// Whether the two models have the same entries with the same values.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// How many entries are added, removed or changed.
    pub fn len(&self) -> usize {
        self.added.len() + self.removed.len() + self.changed.len()
    }
}

/// The differing fields of two entries: `differ(key, a != b)` for each key.
struct Fields(Vec<&'static str>);

impl Fields {
    fn differ(&mut self, key: &'static str, differs: bool) {
        if differs {
            self.0.push(key);
        }
    }

    fn provenance(&mut self, a: &Provenance, b: &Provenance) {
        self.differ("facts", a.facts != b.facts);
        self.differ("assumption", a.assumption != b.assumption);
        self.differ("settle", a.settle != b.settle);
    }
}

/// A component reference, by id (`None` stays `None`).
fn comp(model: &Model, c: Option<CompId>) -> Option<&str> {
    c.map(|c| model.component(c).id.as_str())
}

/// An invariant's `target` and `from` selectors, where its check has them.
fn selectors(check: &Check) -> (Option<&str>, Option<&str>) {
    match check {
        Check::OnlyReachedFrom { target, from } => (Some(target), Some(from)),
        Check::RecordsNotProxied | Check::WritersDisjoint | Check::Placement => (None, None),
    }
}

/// The name every shell gives an edge: `FROM → TO`.
pub fn edge_name(model: &Model, from: CompId, to: CompId) -> String {
    [
        model.component(from).id.as_str(),
        " → ",
        model.component(to).id.as_str(),
    ]
    .concat()
}

/// Compare one table. `old` and `new` are the entries' ids, `None` for an
/// entry the table leaves out (a generated edge or flow); `fields` lists
/// the keys that differ between OLD's entry `i` and NEW's entry `j`.
///
/// Entries with the same id are matched in order: the first with the
/// first, and so on (a host may have several records, two components
/// several edges).
///
/// Complexity: O(old + new) lookups, plus the field comparisons.
fn table(
    out: &mut Changes,
    table: Table,
    old: &[Option<String>],
    new: &[Option<String>],
    fields: &mut dyn FnMut(usize, usize, &mut Fields),
) {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, id) in new.iter().enumerate().rev() {
        if let Some(id) = id {
            by_id.entry(id).or_default().push(j);
        }
    }
    let mut matched = vec![false; new.len()];
    for (i, id) in old.iter().enumerate() {
        let Some(id) = id else { continue };
        match by_id.get_mut(id.as_str()).and_then(Vec::pop) {
            Some(j) => {
                matched[j] = true;
                let mut differ = Fields(Vec::new());
                fields(i, j, &mut differ);
                if !differ.0.is_empty() {
                    out.changed.push(Changed {
                        table,
                        id: id.clone(),
                        fields: differ.0,
                    });
                }
            }
            None => out.removed.push(Change {
                table,
                id: id.clone(),
            }),
        }
    }
    for (j, id) in new.iter().enumerate() {
        if let (Some(id), false) = (id, matched[j]) {
            out.added.push(Change {
                table,
                id: id.clone(),
            });
        }
    }
}

/// Ids of a vector of entries.
fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<Option<String>> {
    list.iter().map(|e| Some(id(e).to_string())).collect()
}

/// Declared edges (`[[edge]]` and `needs`) by `FROM → TO`; the edges a
/// record or a `runs_in` generates are that record's or that component's.
fn edge_ids(model: &Model) -> Vec<Option<String>> {
    model
        .edges
        .iter()
        .map(|e| {
            (e.origin == crate::model::EdgeOrigin::Declared).then(|| edge_name(model, e.from, e.to))
        })
        .collect()
}

/// Declared flows by id; a served host's own flow is its record's.
fn flow_ids(model: &Model) -> Vec<Option<String>> {
    model
        .flows
        .iter()
        .map(|f| (!f.generated).then(|| f.id.clone()))
        .collect()
}

/// What NEW adds to, removes from and changes in OLD, table by table
/// ([`Table::ALL`]'s order), each entry matched by id, each field compared
/// by value (references by the id they name).
///
/// Complexity: O(entries) hash lookups plus the size of the fields compared.
pub fn changes(old: &Model, new: &Model) -> Changes {
    let mut out = Changes::default();
    let (o, n) = (old, new);
    table(
        &mut out,
        Table::Zone,
        &[Some(o.zone.name.clone())],
        &[Some(n.zone.name.clone())],
        &mut |_, _, f| {
            f.differ(
                "component",
                comp(o, Some(o.zone.component)) != comp(n, Some(n.zone.component)),
            );
            f.provenance(&o.zone.provenance, &n.zone.provenance);
        },
    );
    table(
        &mut out,
        Table::Provider,
        &ids(&o.providers, |p| &p.id),
        &ids(&n.providers, |p| &p.id),
        &mut |i, j, f| {
            let (a, b) = (&o.providers[i], &n.providers[j]);
            f.differ("name", a.name != b.name);
            f.differ("job", a.job != b.job);
            f.differ("why", a.why != b.why);
            f.differ("account", a.account != b.account);
            f.differ(
                "home_region",
                a.home_region.map(|r| &o.regions[r.index()].id)
                    != b.home_region.map(|r| &n.regions[r.index()].id),
            );
            f.differ("terraform", a.terraform != b.terraform);
            f.differ("workspaces", a.workspaces != b.workspaces);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Region,
        &ids(&o.regions, |r| &r.id),
        &ids(&n.regions, |r| &r.id),
        &mut |i, j, f| {
            let (a, b) = (&o.regions[i], &n.regions[j]);
            f.differ("name", a.name != b.name);
            f.differ(
                "provider",
                a.provider.map(|p| &o.providers[p.index()].id)
                    != b.provider.map(|p| &n.providers[p.index()].id),
            );
            f.differ("note", a.note != b.note);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Component,
        &ids(&o.components, |c| &c.id),
        &ids(&n.components, |c| &c.id),
        &mut |i, j, f| {
            let (a, b) = (&o.components[i], &n.components[j]);
            f.differ("name", a.name != b.name);
            f.differ("product", a.product != b.product);
            f.differ("kind", a.kind != b.kind);
            f.differ(
                "provider",
                o.provider_name(a.provider) != n.provider_name(b.provider),
            );
            f.differ("region", o.region_name(a.region) != n.region_name(b.region));
            f.differ("env", a.env != b.env);
            f.differ("source", a.sources != b.sources);
            f.differ("terraform", a.terraform != b.terraform);
            f.differ("runs_in", comp(o, a.runs_in) != comp(n, b.runs_in));
            f.differ("traits", a.traits != b.traits);
            f.differ("placement", a.placement != b.placement);
            f.differ("notes", a.notes != b.notes);
            f.provenance(&a.provenance, &b.provenance);
            f.differ("assumed", a.assumed != b.assumed);
        },
    );
    table(
        &mut out,
        Table::Writer,
        &ids(&o.writers, |w| &w.id),
        &ids(&n.writers, |w| &w.id),
        &mut |i, j, f| {
            let (a, b) = (&o.writers[i], &n.writers[j]);
            f.differ("name", a.name != b.name);
            f.differ("source", a.source != b.source);
            f.differ("owner_id", a.owner_id != b.owner_id);
            f.differ("registry", a.registry != b.registry);
            f.differ("runs_on", comp(o, a.runs_on) != comp(n, b.runs_on));
            f.differ("owns", a.owns != b.owns);
            f.differ("adds", a.adds != b.adds);
            f.differ("serves", a.serves != b.serves);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Record,
        &ids(&o.records, |r| &r.host),
        &ids(&n.records, |r| &r.host),
        &mut |i, j, f| {
            let (a, b) = (&o.records[i], &n.records[j]);
            f.differ("type", a.rtype != b.rtype);
            f.differ("target", comp(o, Some(a.target)) != comp(n, Some(b.target)));
            f.differ(
                "writer",
                o.writers[a.writer.index()].id != n.writers[b.writer.index()].id,
            );
            f.differ("env", a.env != b.env);
            f.differ("proxied", a.proxied != b.proxied);
            f.differ("purpose", a.purpose != b.purpose);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Edge,
        &edge_ids(o),
        &edge_ids(n),
        &mut |i, j, f| {
            let (a, b) = (&o.edges[i], &n.edges[j]);
            f.differ("kind", a.kind != b.kind);
            f.differ("hop", a.hop != b.hop);
            f.differ("hosts", a.hosts != b.hosts);
            f.differ(
                "flows",
                !a.flows
                    .iter()
                    .map(|x| &o.flows[x.index()].id)
                    .eq(b.flows.iter().map(|x| &n.flows[x.index()].id)),
            );
            f.differ("why", a.why != b.why);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Flow,
        &flow_ids(o),
        &flow_ids(n),
        &mut |i, j, f| {
            use crate::model::FlowStart::{Host, Path};
            let (a, b) = (&o.flows[i], &n.flows[j]);
            f.differ("name", a.name != b.name);
            f.differ("host", a.entry_host() != b.entry_host());
            f.differ(
                "path",
                match (&a.start, &b.start) {
                    (Path(x), Path(y)) => !x
                        .iter()
                        .map(|&c| comp(o, Some(c)))
                        .eq(y.iter().map(|&c| comp(n, Some(c)))),
                    (Host(_), Host(_)) => false,
                    _ => true,
                },
            );
            f.differ("about", a.about != b.about);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Scenario,
        &ids(&o.scenarios, |s| &s.id),
        &ids(&n.scenarios, |s| &s.id),
        &mut |i, j, f| {
            let (a, b) = (&o.scenarios[i], &n.scenarios[j]);
            f.differ("name", a.name != b.name);
            f.differ("fail", a.fail != b.fail);
            f.differ("reschedule", a.reschedule != b.reschedule);
            f.differ("teaches", a.teaches != b.teaches);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Question,
        &ids(&o.placement.questions, |q| &q.id),
        &ids(&n.placement.questions, |q| &q.id),
        &mut |i, j, f| {
            let (a, b) = (&o.placement.questions[i], &n.placement.questions[j]);
            f.differ("ask", a.ask != b.ask);
        },
    );
    table(
        &mut out,
        Table::Rule,
        &ids(&o.placement.rules, |r| &r.id),
        &ids(&n.placement.rules, |r| &r.id),
        &mut |i, j, f| {
            let (a, b) = (&o.placement.rules[i], &n.placement.rules[j]);
            f.differ(
                "provider",
                o.providers[a.provider.index()].id != n.providers[b.provider.index()].id,
            );
            f.differ("if_any", a.if_any != b.if_any);
            f.differ("final", a.is_final != b.is_final);
            f.differ("says", a.says != b.says);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Invariant,
        &ids(&o.invariants, |v| &v.id),
        &ids(&n.invariants, |v| &v.id),
        &mut |i, j, f| {
            let (a, b) = (&o.invariants[i], &n.invariants[j]);
            let (x, y) = (selectors(&a.check), selectors(&b.check));
            f.differ(
                "check",
                std::mem::discriminant(&a.check) != std::mem::discriminant(&b.check),
            );
            f.differ("target", x.0 != y.0);
            f.differ("from", x.1 != y.1);
            f.differ("says", a.says != b.says);
            f.differ("hint", a.hint != b.hint);
            f.provenance(&a.provenance, &b.provenance);
        },
    );
    table(
        &mut out,
        Table::Fact,
        &ids(&o.facts, |x| &x.id),
        &ids(&n.facts, |x| &x.id),
        &mut |i, j, f| f.differ("says", o.facts[i].says != n.facts[j].says),
    );
    out
}
