//! What a change does to the placement audit.

use super::positions;
use crate::model::Model;
use crate::place::{AuditEntry, AuditStatus, audit};

/// A component whose standing against the placement rule differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementChange {
    /// The component's id.
    pub id: String,
    /// Its audit status in OLD (with OLD's reason); `None` when OLD has no
    /// such component or it belongs to no provider (the audit skips it).
    pub before: Option<AuditStatus>,
    /// Its audit status in NEW (with NEW's reason); `None` as for `before`.
    pub after: Option<AuditStatus>,
}

/// Each component whose audit status ([`audit`]) differs between the two
/// models, matched by id: first in NEW's order, then those only OLD
/// audits, in OLD's order. Statuses are compared by kind
/// ([`AuditStatus::rank`]): an exception whose reason is reworded is a
/// change of the component's `placement` field, not of its standing. A
/// component audited on one side only is listed unless it fits the rule
/// there (a new component where the rule puts it changes no standing).
///
/// Complexity: one [`audit`] per side, O(components · rules · answers),
/// plus O(components) to match them.
pub fn placement(old: &Model, new: &Model) -> Vec<PlacementChange> {
    between(old, &audit(old), new)
}

/// [`placement`], OLD's audit given (`was`).
pub(crate) fn between(old: &Model, was: &[AuditEntry], new: &Model) -> Vec<PlacementChange> {
    let is = audit(new);
    let by_id = |model: &Model, e: &crate::place::AuditEntry| -> String {
        model.component(e.component).id.clone()
    };
    let old_ids: Vec<String> = was.iter().map(|e| by_id(old, e)).collect();
    let new_ids: Vec<String> = is.iter().map(|e| by_id(new, e)).collect();
    let old_at = positions(&old_ids, |s| s);
    let new_at = positions(&new_ids, |s| s);
    let mut out = Vec::new();
    for (j, e) in is.iter().enumerate() {
        let before = old_at.get(new_ids[j].as_str()).map(|&i| &was[i].status);
        if differs(before, Some(&e.status)) {
            out.push(PlacementChange {
                id: new_ids[j].clone(),
                before: before.cloned(),
                after: Some(e.status.clone()),
            });
        }
    }
    for (i, e) in was.iter().enumerate() {
        if !new_at.contains_key(old_ids[i].as_str()) && differs(Some(&e.status), None) {
            out.push(PlacementChange {
                id: old_ids[i].clone(),
                before: Some(e.status.clone()),
                after: None,
            });
        }
    }
    out
}

/// Whether two sides' statuses differ in kind; a side without the
/// component differs from any status but fitting.
fn differs(before: Option<&AuditStatus>, after: Option<&AuditStatus>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => a.rank() != b.rank(),
        (Some(s), None) | (None, Some(s)) => *s != AuditStatus::Fits,
        (None, None) => false,
    }
}
