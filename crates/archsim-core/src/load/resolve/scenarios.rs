//! Scenarios, kept as written: `validate` resolves their selectors once the
//! whole model is known, at the spans noted here.

use super::{Ctx, IdTables, span_of};
use crate::load::raw::RawScenario;
use crate::model::{Model, Scenario};

/// Add the scenarios, noting where each selector is written.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    scenarios: &[RawScenario],
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    for s in scenarios {
        ctx.selector_spans
            .scenarios
            .push(s.fail.iter().chain(&s.reschedule).map(span_of).collect());
        model.scenarios.push(Scenario {
            id: s.id.get_ref().clone(),
            name: s.name.clone(),
            fail: s.fail.iter().map(|x| x.get_ref().clone()).collect(),
            reschedule: s.reschedule.iter().map(|x| x.get_ref().clone()).collect(),
            teaches: s.teaches.clone(),
            provenance: ids.provenance(
                ctx,
                "scenario",
                s.id.get_ref(),
                span_of(&s.id),
                s.provenance(),
            ),
            span: span_of(&s.id),
        });
    }
}
