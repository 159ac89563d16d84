//! Flows: one generated per served host, then the declared ones.

use std::collections::HashSet;

use super::{Ctx, IdTables, model_host, span_of};
use crate::load::raw::RawFlow;
use crate::model::{CompId, Flow, FlowStart, Model, Purpose};
use crate::suggest::{did_you_mean, nearest};

/// Add a flow per served host, then resolve the declared flows.
///
/// Returns: the index of the first declared flow; the flows before it are
/// the served hosts' own, in record order.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    flows: &[RawFlow],
    zone_name: &str,
    ids: &IdTables<'_>,
    model: &mut Model,
) -> usize {
    // Flows: one per served host, then the declared ones.
    let served: Vec<String> = {
        let mut seen: HashSet<&str> = HashSet::new();
        model
            .records
            .iter()
            .filter(|r| r.purpose == Purpose::Serve && seen.insert(r.host.as_str()))
            .map(|r| r.host.clone())
            .collect()
    };
    for host in &served {
        model.flows.push(Flow {
            id: host.clone(),
            name: host.clone(),
            start: FlowStart::Host(host.clone()),
            about: format!("A request to {host}."),
            // A served host's flow is its records' (the first one's).
            provenance: model
                .records
                .iter()
                .find(|r| r.host == *host)
                .map(|r| r.provenance.clone())
                .unwrap_or_default(),
            generated: true,
        });
    }
    let first_declared = model.flows.len();
    // Looked up, not scanned, per flow.
    let served: HashSet<&str> = served.iter().map(String::as_str).collect();
    let recorded: HashSet<String> = model.records.iter().map(|r| r.host.clone()).collect();
    for f in flows {
        if served.contains(f.id.get_ref().as_str()) {
            ctx.error(
                "duplicate-id",
                span_of(&f.id),
                format!(
                    "flow `{}` has the name of a served host's own flow",
                    f.id.get_ref()
                ),
                Some("every served host already has a flow named after it; pick another id".into()),
            );
        }
        let start = match (&f.host, &f.path) {
            (Some(h), None) => {
                let host = model_host(ctx, zone_name, h).unwrap_or_else(|| h.get_ref().clone());
                if !recorded.contains(&host) {
                    let near = if ctx.full() {
                        Vec::new()
                    } else {
                        nearest(&host, model.records.iter().map(|r| r.host.as_str()), 3)
                    };
                    ctx.error(
                        "unknown-reference",
                        span_of(h),
                        format!(
                            "flow `{}` starts at `{host}`, which has no record",
                            f.id.get_ref()
                        ),
                        Some(if near.is_empty() {
                            "add a [[record]] for the host".into()
                        } else {
                            did_you_mean(&near)
                        }),
                    );
                }
                FlowStart::Host(host)
            }
            (None, Some(path)) => {
                if path.get_ref().is_empty() {
                    ctx.error(
                        "empty-path",
                        span_of(path),
                        format!("flow `{}` has an empty path", f.id.get_ref()),
                        Some("list the components the flow passes, in order".into()),
                    );
                }
                let steps = path
                    .get_ref()
                    .iter()
                    .filter_map(|step| ids.components.resolve(ctx, step))
                    .map(CompId::from_index)
                    .collect();
                FlowStart::Path(steps)
            }
            _ => {
                ctx.error(
                    "flow-start",
                    span_of(&f.id),
                    format!("flow `{}` needs exactly one of `host` and `path`", f.id.get_ref()),
                    Some("`host` starts the flow at a host's route; `path` lists the steps of an internal flow".into()),
                );
                FlowStart::Path(Vec::new())
            }
        };
        model.flows.push(Flow {
            id: f.id.get_ref().clone(),
            name: f.name.clone(),
            start,
            about: f.about.clone(),
            provenance: ids.provenance(ctx, "flow", f.id.get_ref(), span_of(&f.id), f.provenance()),
            generated: false,
        });
    }
    first_declared
}
