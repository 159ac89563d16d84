//! Providers and their regions: each one's home region or provider looked up.

use super::{Ctx, IdTables, span_of};
use crate::load::raw::{RawProvider, RawRegion};
use crate::model::{Model, Provider, ProviderId, Region, RegionId};

/// Resolve the providers, then the regions, in file order.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    providers: &[RawProvider],
    regions: &[RawRegion],
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    for p in providers {
        let home_region = ids
            .regions
            .resolve_optional(ctx, p.home_region.as_ref())
            .map(RegionId::from_index);
        model.providers.push(Provider {
            id: p.id.get_ref().clone(),
            name: p.name.clone(),
            job: p.job.clone(),
            why: p.why.clone(),
            account: p.account.clone(),
            home_region,
            terraform: p.terraform.clone(),
            workspaces: p.workspaces.clone(),
            provenance: ids.provenance(
                ctx,
                "provider",
                p.id.get_ref(),
                span_of(&p.id),
                p.provenance(),
            ),
        });
    }

    for r in regions {
        let provider = ids
            .providers
            .resolve_optional(ctx, r.provider.as_ref())
            .map(ProviderId::from_index);
        model.regions.push(Region {
            id: r.id.get_ref().clone(),
            name: r.name.clone(),
            provider,
            note: r.note.clone(),
            provenance: ids.provenance(
                ctx,
                "region",
                r.id.get_ref(),
                span_of(&r.id),
                r.provenance(),
            ),
        });
    }
}
