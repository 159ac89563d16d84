//! The placement questions and the rules that answer them with a provider.

use super::{Ctx, IdTables, span_of};
use crate::load::raw::RawPlacement;
use crate::model::{Model, ProviderId, Question, Rule};

/// Resolve the questions, then the rules: each rule's provider and the
/// questions it asks about.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    placement: &RawPlacement,
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    for q in &placement.questions {
        model.placement.questions.push(Question {
            id: q.id.get_ref().clone(),
            ask: q.ask.clone(),
        });
    }
    for r in &placement.rules {
        let provider = ids
            .providers
            .resolve(ctx, &r.provider)
            .map(ProviderId::from_index)
            .unwrap_or(ProviderId(0));
        for q in &r.if_any {
            ids.questions.resolve(ctx, q);
        }
        model.placement.rules.push(Rule {
            id: r.id.get_ref().clone(),
            provider,
            if_any: r.if_any.iter().map(|q| q.get_ref().clone()).collect(),
            is_final: r.is_final,
            says: r.says.clone(),
            provenance: ids.provenance(
                ctx,
                "placement rule",
                r.id.get_ref(),
                span_of(&r.id),
                r.provenance(),
            ),
        });
    }
}
