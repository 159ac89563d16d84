//! Components: provider, region, traits and the cluster each one runs in.

use super::{Ctx, IdTables, env, span_of};
use crate::load::raw::RawComponent;
use crate::model::{CompId, Component, Field, Model, ProviderId, RegionId};

/// Resolve the components in file order; their `needs` become edges later.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    components: &[RawComponent],
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    for c in components {
        let provider = ids
            .providers
            .resolve_optional(ctx, c.provider.as_ref())
            .map(ProviderId::from_index);
        let region = ids
            .regions
            .resolve_optional(ctx, c.region.as_ref())
            .map(RegionId::from_index);
        if let (Some(region), Some(raw_region)) = (region, &c.region) {
            let owner = model.regions[region.index()].provider;
            if owner.is_some() && owner != provider {
                ctx.error(
                    "region-provider-mismatch",
                    span_of(raw_region),
                    format!(
                        "component `{}` is on `{}` but region `{}` belongs to `{}`",
                        c.id.get_ref(),
                        model.provider_name(provider),
                        raw_region.get_ref(),
                        model.provider_name(owner)
                    ),
                    Some("pick a region of the component's provider".into()),
                );
            }
        }
        for t in &c.traits {
            ids.questions.resolve(ctx, t);
        }
        let mut runs_in = ids
            .components
            .resolve_optional(ctx, c.runs_in.as_ref())
            .map(CompId::from_index);
        if let (Some(cluster), Some(r)) = (runs_in, &c.runs_in)
            && cluster.index() == model.components.len()
        {
            ctx.error(
                "self-edge",
                span_of(r),
                format!("`{}` runs in itself", c.id.get_ref()),
                Some("name the cluster it runs in, or leave `runs_in` out".into()),
            );
            runs_in = None;
        }
        model.components.push(Component {
            id: c.id.get_ref().clone(),
            name: c.name.clone().unwrap_or_else(|| c.id.get_ref().clone()),
            product: c.product.clone(),
            kind: c.kind.clone(),
            provider,
            region,
            env: c
                .env
                .as_ref()
                .map_or_else(|| "shared".to_owned(), |e| env(ctx, e)),
            sources: c.source.to_vec(),
            terraform: c.terraform,
            runs_in,
            traits: c.traits.iter().map(|t| t.get_ref().clone()).collect(),
            placement: c.placement.clone(),
            notes: c.notes.clone(),
            provenance: ids.provenance(
                ctx,
                "component",
                c.id.get_ref(),
                span_of(&c.id),
                c.provenance(),
            ),
            assumed: Field::ALL
                .into_iter()
                .zip(c.assumed.fields())
                .filter_map(|(field, text)| Some((field, text?.clone())))
                .collect(),
            span: span_of(&c.id),
        });
    }
}
