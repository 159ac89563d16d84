//! The single points of failure a change adds to and removes from each flow.

use super::{id, positions};
use crate::engine::Engine;
use crate::model::{CompId, FlowId, Model};

/// A flow whose single points of failure differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpofChange {
    /// The flow's id.
    pub flow: String,
    /// Its public host, as in [`super::FlowChange::entry`].
    pub entry: Option<String>,
    /// Single points of failure NEW has and OLD has not, in NEW's order.
    pub added: Vec<String>,
    /// Single points of failure OLD has and NEW has not, in OLD's order.
    pub removed: Vec<String>,
}

/// Each flow both models have whose single points of failure differ
/// ([`Engine::spof_of`], matched by component id), in NEW's order.
///
/// A search that stops at [`MAX_SPOF_STEPS`](crate::engine::MAX_SPOF_STEPS)
/// (never on a model of Tomoda's shape) lists only what it found, so on a
/// crafted model a difference may be the limit's, not the change's.
///
/// Complexity: one [`Engine::spof_of`] per shared flow and side, plus
/// O(s²) per flow for its s single points of failure (a handful).
pub fn spof(old: &Engine, new: &Engine) -> Vec<SpofChange> {
    between(old.model(), &|f| old.spof_of(f), new, None)
}

/// [`spof`], OLD's single points of failure of a flow given by `was`,
/// of the flows `only` marks (by NEW's index), or all.
pub(crate) fn between(
    om: &Model,
    was: &dyn Fn(FlowId) -> Vec<CompId>,
    new: &Engine,
    only: Option<&[bool]>,
) -> Vec<SpofChange> {
    let nm = new.model();
    let old_flows = positions(&om.flows, |f| &f.id);
    let mut out = Vec::new();
    for (j, f) in nm.flows.iter().enumerate() {
        let Some(&i) = old_flows.get(f.id.as_str()) else {
            continue;
        };
        if only.is_some_and(|only| !only[j]) {
            continue;
        }
        let was: Vec<String> = was(FlowId::from_index(i))
            .into_iter()
            .map(|c| id(om, c))
            .collect();
        let is: Vec<String> = new
            .spof_of(FlowId::from_index(j))
            .into_iter()
            .map(|c| id(nm, c))
            .collect();
        let added: Vec<String> = is.iter().filter(|c| !was.contains(c)).cloned().collect();
        let removed: Vec<String> = was.iter().filter(|c| !is.contains(c)).cloned().collect();
        if !added.is_empty() || !removed.is_empty() {
            out.push(SpofChange {
                flow: f.id.clone(),
                entry: f.entry_host().map(str::to_string),
                added,
                removed,
            });
        }
    }
    out
}
