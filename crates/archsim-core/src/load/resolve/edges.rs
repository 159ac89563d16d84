//! Edges: the declared ones, each component's `needs`, then one generated
//! per serving record and one per `runs_in`.

use std::collections::HashSet;

use super::{Ctx, IdTables, model_host, span_of};
use crate::load::raw::{RawComponent, RawEdge};
use crate::model::{CompId, Edge, EdgeKind, EdgeOrigin, FlowId, Model, Purpose, RecordId};
use crate::suggest::{did_you_mean, nearest};

/// Add every edge: the declared ones, the `needs`, then the generated ones.
///
/// Arguments: `first_declared` is the index of the first declared flow, as
/// [`super::flows::resolve`] returns it; the flows before it are named after
/// the served hosts.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    edges: &[RawEdge],
    components: &[RawComponent],
    zone_name: &str,
    first_declared: usize,
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    declared(ctx, edges, zone_name, first_declared, ids, model);
    needs(ctx, components, ids, model);
    from_records(model);
    from_runs_in(model);
}

/// The kinds' names, each between `quote`s, joined by `, ` and by `last`
/// before the last: `request, cached, startup or background`.
fn kind_names(kinds: impl IntoIterator<Item = EdgeKind>, quote: &str, last: &str) -> String {
    let names: Vec<String> = kinds
        .into_iter()
        .map(|k| format!("{quote}{}{quote}", k.as_str()))
        .collect();
    match names.split_last() {
        Some((tail, [])) => tail.clone(),
        Some((tail, head)) => format!("{}{last}{tail}", head.join(", ")),
        None => String::new(),
    }
}

/// The `[[edge]]` tables.
fn declared(
    ctx: &mut Ctx<'_>,
    edges: &[RawEdge],
    zone_name: &str,
    first_declared: usize,
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    // Hosts with a record, looked up, not scanned, per hop host.
    let recorded: HashSet<String> = model.records.iter().map(|r| r.host.clone()).collect();
    for e in edges {
        let from = ids.components.resolve(ctx, &e.from).map(CompId::from_index);
        let to = ids.components.resolve(ctx, &e.to).map(CompId::from_index);
        let kind = match &e.kind {
            None => EdgeKind::Request,
            Some(k) => EdgeKind::parse(k.get_ref()).unwrap_or_else(|| {
                let near = nearest(k.get_ref(), EdgeKind::ALL.iter().map(|k| k.as_str()), 2);
                ctx.error(
                    "unknown-value",
                    span_of(k),
                    format!("unknown edge kind `{}`", k.get_ref()),
                    Some(if near.is_empty() {
                        format!("use {}", kind_names(EdgeKind::ALL, "", " or "))
                    } else {
                        did_you_mean(&near)
                    }),
                );
                EdgeKind::Request
            }),
        };
        if e.hop && !kind.may_be_hop() {
            let hops = EdgeKind::ALL.into_iter().filter(|k| k.may_be_hop());
            ctx.error(
                "invalid-hop",
                span_of(&e.from),
                format!(
                    "a hop must be a {} edge, not `{}`",
                    kind_names(hops, "`", " or "),
                    kind.as_str()
                ),
                Some("requests only travel along edges that are needed to answer them".into()),
            );
        }
        if !e.hop && !e.hosts.is_empty() {
            ctx.error(
                "invalid-hop",
                span_of(&e.hosts[0]),
                "`hosts` only applies to hops".into(),
                Some("add `hop = true`, or remove `hosts`".into()),
            );
        }
        let mut hosts = Vec::new();
        for h in &e.hosts {
            let Some(host) = model_host(ctx, zone_name, h) else {
                continue;
            };
            if !recorded.contains(&host) {
                let near = if ctx.full() {
                    Vec::new()
                } else {
                    nearest(&host, model.records.iter().map(|r| r.host.as_str()), 3)
                };
                ctx.error(
                    "unknown-reference",
                    span_of(h),
                    format!("hop host `{host}` has no record"),
                    Some(if near.is_empty() {
                        "add a [[record]] for the host, or remove it from `hosts`".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
            }
            hosts.push(host);
        }
        let mut flows = Vec::new();
        for f in &e.flows {
            let name = f.get_ref();
            if let Some(i) = ids.flows.get(name) {
                flows.push(FlowId::from_index(first_declared + i));
            } else if let Some(i) = model.flows[..first_declared]
                .iter()
                .position(|f| f.id == *name)
            {
                flows.push(FlowId::from_index(i));
            } else {
                ids.flows.resolve(ctx, f);
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if from == to {
                ctx.error(
                    "self-edge",
                    span_of(&e.to),
                    format!("`{}` depends on itself", e.from.get_ref()),
                    Some("an edge joins two different components; fix `from` or `to`".into()),
                );
            }
            model.edges.push(Edge {
                from,
                to,
                kind,
                hop: e.hop,
                hosts,
                flows,
                why: e.why.clone(),
                provenance: ids.provenance(
                    ctx,
                    "edge",
                    &edge_name(e.from.get_ref(), e.to.get_ref()),
                    span_of(&e.from),
                    e.provenance(),
                ),
                origin: EdgeOrigin::Declared,
                span: span_of(&e.from),
            });
        }
    }
}

/// Each component's `needs` entries: `id` or `id:kind`.
fn needs(ctx: &mut Ctx<'_>, components: &[RawComponent], ids: &IdTables<'_>, model: &mut Model) {
    for (index, c) in components.iter().enumerate() {
        for need in &c.needs {
            let (target, kind) = match need.get_ref().split_once(':') {
                Some((target, kind)) => (target, Some(kind)),
                None => (need.get_ref().as_str(), None),
            };
            let kind = match kind.map(|k| (k, EdgeKind::parse(k))) {
                None => EdgeKind::Request,
                Some((_, Some(kind))) => kind,
                Some((k, None)) => {
                    let near = nearest(k, EdgeKind::ALL.iter().map(|k| k.as_str()), 2);
                    ctx.error(
                        "unknown-value",
                        span_of(need),
                        format!("unknown edge kind `{k}` in `{}`", need.get_ref()),
                        Some(if near.is_empty() {
                            format!(
                                "write `id` or `id:KIND` with KIND one of {}",
                                kind_names(EdgeKind::ALL, "", ", ")
                            )
                        } else {
                            did_you_mean(&near)
                        }),
                    );
                    continue;
                }
            };
            let Some(to) = ids.components.get(target) else {
                let near = nearest(target, ids.components.names.iter().copied(), 3);
                ctx.error(
                    "unknown-reference",
                    span_of(need),
                    format!("unknown component `{target}`"),
                    Some(if near.is_empty() {
                        "no component has that id".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
                continue;
            };
            if to == index {
                ctx.error(
                    "self-edge",
                    span_of(need),
                    format!("`{}` depends on itself", c.id.get_ref()),
                    Some("a component cannot need itself; remove this entry".into()),
                );
                continue;
            }
            model.edges.push(Edge {
                from: CompId::from_index(index),
                to: CompId::from_index(to),
                kind,
                hop: false,
                hosts: Vec::new(),
                flows: Vec::new(),
                why: String::new(),
                // A `needs` entry is part of its component's entry.
                provenance: model.components[index].provenance.clone(),
                origin: EdgeOrigin::Declared,
                span: span_of(need),
            });
        }
    }
}

/// One hop per record that serves its host, from the zone to the record's
/// target. A validation record proves control of a name and carries no
/// request, so it adds no hop.
fn from_records(model: &mut Model) {
    for (index, record) in model.records.iter().enumerate() {
        if record.purpose != Purpose::Serve {
            continue;
        }
        let writer = model
            .writers
            .get(record.writer.index())
            .map_or("?", |w| w.name.as_str());
        let target = model
            .components
            .get(record.target.index())
            .map_or("?", |c| c.name.as_str());
        model.edges.push(Edge {
            from: model.zone.component,
            to: record.target,
            kind: EdgeKind::Request,
            hop: true,
            hosts: vec![record.host.clone()],
            flows: Vec::new(),
            why: format!(
                "{} {} record points at {target}; written by {writer}",
                record.host, record.rtype
            ),
            provenance: record.provenance.clone(),
            origin: EdgeOrigin::Record(RecordId::from_index(index)),
            span: record.span,
        });
    }
}

/// One edge per `runs_in`, from the component to its cluster.
fn from_runs_in(model: &mut Model) {
    for (index, component) in model.components.iter().enumerate() {
        if let Some(cluster) = component.runs_in {
            model.edges.push(Edge {
                from: CompId::from_index(index),
                to: cluster,
                kind: EdgeKind::Request,
                hop: false,
                hosts: Vec::new(),
                flows: Vec::new(),
                why: format!("Runs in {}.", model.components[cluster.index()].name),
                // The component's entry, and its `runs_in` if assumed alone.
                provenance: runs_in_provenance(component),
                origin: EdgeOrigin::RunsIn,
                span: component.span,
            });
        }
    }
}

/// `from → to`, naming an edge in a message.
fn edge_name(from: &str, to: &str) -> String {
    format!("{from} → {to}")
}

/// Where a `runs_in` edge comes from: its component's entry, with the
/// assumption about `runs_in` alone when there is one.
fn runs_in_provenance(component: &crate::model::Component) -> crate::model::Provenance {
    let mut provenance = component.provenance.clone();
    if let Some((_, text)) = component
        .assumed
        .iter()
        .find(|(field, _)| *field == crate::model::Field::RunsIn)
    {
        provenance.assumption = Some(text.clone());
    }
    provenance
}

#[cfg(test)]
mod tests {
    use super::kind_names;
    use crate::model::EdgeKind;

    /// The hints say the kinds the loader knows, from `EdgeKind::ALL`.
    #[test]
    fn hints_list_the_kinds() {
        let hops = EdgeKind::ALL.into_iter().filter(|k| k.may_be_hop());
        let cases = [
            (
                kind_names(EdgeKind::ALL, "", " or "),
                "request, cached, startup or background",
            ),
            (
                kind_names(EdgeKind::ALL, "", ", "),
                "request, cached, startup, background",
            ),
            (kind_names(hops, "`", " or "), "`request` or `cached`"),
            (kind_names([EdgeKind::Startup], "`", " or "), "`startup`"),
            (kind_names([], "`", " or "), ""),
        ];
        for (have, want) in cases {
            assert_eq!(have, want);
        }
    }
}
