//! Invariants: each one's check parsed; `validate` resolves its selectors and
//! runs it, at the spans noted here.

use super::{Ctx, IdTables, span_of};
use crate::limits::MAX_INVARIANTS;
use crate::load::raw::RawInvariant;
use crate::model::{Check, Invariant, Model};
use crate::suggest::{did_you_mean, nearest};

/// Add the invariants whose check is known, noting where each selector is
/// written.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    invariants: &[RawInvariant],
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    for (n, i) in invariants.iter().enumerate() {
        if n == MAX_INVARIANTS {
            // Each costs a pass over the model: past the limit, none is
            // checked, so a crafted file cannot make the check quadratic.
            ctx.error(
                "too-many-invariants",
                span_of(&i.check),
                format!(
                    "more than {MAX_INVARIANTS} invariants; this one and the {} after it are not checked",
                    invariants.len() - n - 1
                ),
                Some(format!("keep at most {MAX_INVARIANTS}: an invariant states a rule of the whole architecture")),
            );
            break;
        }
        ctx.selector_spans
            .invariants
            .push([i.target.as_ref().map(span_of), i.from.as_ref().map(span_of)]);
        let check = match i.check.get_ref().as_str() {
            "records-not-proxied" => Some(Check::RecordsNotProxied),
            "writers-disjoint" => Some(Check::WritersDisjoint),
            "placement" => Some(Check::Placement),
            "only-reached-from" => match (&i.target, &i.from) {
                (Some(target), Some(from)) => Some(Check::OnlyReachedFrom {
                    target: target.get_ref().clone(),
                    from: from.get_ref().clone(),
                }),
                _ => {
                    ctx.error(
                        "missing-field",
                        span_of(&i.check),
                        "`only-reached-from` needs `target` and `from` selectors".into(),
                        Some("add `target = \"…\"` (what is protected) and `from = \"…\"` (who may depend on it)".into()),
                    );
                    None
                }
            },
            other => {
                let checks = crate::load::format::CHECKS;
                let near = nearest(other, checks, 2);
                ctx.error(
                    "unknown-value",
                    span_of(&i.check),
                    format!("unknown check `{other}`"),
                    Some(if near.is_empty() {
                        format!("use one of: {}", checks.join(", "))
                    } else {
                        did_you_mean(&near)
                    }),
                );
                None
            }
        };
        if let Some(check) = check {
            model.invariants.push(Invariant {
                id: i.id.get_ref().clone(),
                check,
                says: i.says.clone(),
                hint: i.hint.clone(),
                provenance: ids.provenance(
                    ctx,
                    "invariant",
                    i.id.get_ref(),
                    span_of(&i.id),
                    i.provenance(),
                ),
                span: span_of(&i.id),
            });
        }
    }
}
