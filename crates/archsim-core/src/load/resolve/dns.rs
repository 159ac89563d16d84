//! The zone and what is written into it: the zone's name and component, the
//! writers and the records they write.

use super::{Ctx, IdTables, env, excerpt, model_host, span_of};
use crate::host;
use crate::load::format::{PURPOSES, RECORD_TYPES};
use crate::load::raw::{RawRecord, RawWriter, RawZone, S};
use crate::load::{MAX_PATTERN_CHARS, MAX_WILD_PATTERNS};
use crate::model::{CompId, Model, Purpose, Record, Writer, WriterId, Zone};
use crate::suggest::{did_you_mean, nearest};

/// The zone's name, normalised; empty when it is not a host name, so that
/// hosts are not checked against it.
pub(super) fn zone_name(ctx: &mut Ctx<'_>, raw: &S) -> String {
    match host::normalize(raw.get_ref()) {
        Ok(name) => name,
        Err(problem) => {
            ctx.error(
                "invalid-host",
                span_of(raw),
                format!("zone name is not a host name: {problem}"),
                Some("write the zone's domain, such as `example.com`".into()),
            );
            // No zone to check hosts against: one error, not one per host.
            String::new()
        }
    }
}

/// Resolve the zone's component, then the writers, then the records.
pub(super) fn resolve(
    ctx: &mut Ctx<'_>,
    zone: &RawZone,
    zone_name: &str,
    writers: &[RawWriter],
    records: &[RawRecord],
    ids: &IdTables<'_>,
    model: &mut Model,
) {
    model.zone = Zone {
        name: zone_name.to_owned(),
        component: ids
            .components
            .resolve(ctx, &zone.component)
            .map(CompId::from_index)
            .unwrap_or(CompId(0)),
        provenance: ids.provenance(
            ctx,
            "zone",
            zone.name.get_ref(),
            span_of(&zone.name),
            zone.provenance(),
        ),
    };

    // Patterns with a `*` so far; one error at the first past the limit.
    let mut wild = 0;
    for w in writers {
        let runs_on = ids
            .components
            .resolve_optional(ctx, w.runs_on.as_ref())
            .map(CompId::from_index);
        let mut owns = Vec::new();
        for pattern in &w.owns {
            let length = pattern.get_ref().chars().count();
            if length > MAX_PATTERN_CHARS {
                // Matching costs the pattern's length times the host's.
                ctx.error(
                    "pattern-too-long",
                    span_of(pattern),
                    format!(
                        "pattern `{}` is {length} characters long; the limit is {MAX_PATTERN_CHARS}",
                        excerpt(pattern.get_ref())
                    ),
                    Some("a pattern is a host name, with `*` for any run of characters".into()),
                );
                continue;
            }
            if pattern.get_ref().contains('*') {
                wild += 1;
                if wild > MAX_WILD_PATTERNS {
                    if wild == MAX_WILD_PATTERNS + 1 {
                        ctx.error(
                            "too-many-patterns",
                            span_of(pattern),
                            format!(
                                "this is pattern {wild} with a `*`; the limit is {MAX_WILD_PATTERNS} in one model"
                            ),
                            Some("list hosts, or cover them with fewer, wider patterns".into()),
                        );
                    }
                    continue;
                }
            }
            let text = pattern.get_ref().to_ascii_lowercase();
            if !zone_name.is_empty() && !host::in_zone(text.trim_end_matches('.'), zone_name) {
                ctx.error(
                    "outside-zone",
                    span_of(pattern),
                    format!("pattern `{text}` is not in the zone `{zone_name}`"),
                    Some(format!(
                        "write patterns as full hosts, such as `api.{zone_name}`"
                    )),
                );
            }
            owns.push(text);
        }
        model.writers.push(Writer {
            id: w.id.get_ref().clone(),
            name: w.name.clone(),
            source: w.source.clone(),
            owner_id: w.owner_id.clone(),
            registry: w.registry.clone(),
            runs_on,
            owns,
            adds: w.adds.clone(),
            serves: w.serves.clone(),
            provenance: ids.provenance(
                ctx,
                "writer",
                w.id.get_ref(),
                span_of(&w.id),
                w.provenance(),
            ),
            span: span_of(&w.id),
        });
    }

    for r in records {
        let host = model_host(ctx, zone_name, &r.host).unwrap_or_else(|| r.host.get_ref().clone());
        let mut target = ids
            .components
            .resolve(ctx, &r.target)
            .map(CompId::from_index);
        if target.is_some() && target == Some(model.zone.component) {
            ctx.error(
                "self-edge",
                span_of(&r.target),
                format!(
                    "the record for `{}` points at the zone itself",
                    r.host.get_ref()
                ),
                Some(
                    "point it at what serves the host (a load balancer, a CDN distribution)".into(),
                ),
            );
            target = None;
        }
        let writer = ids
            .writers
            .resolve(ctx, &r.writer)
            .map(WriterId::from_index);
        let rtype = r.rtype.get_ref().to_ascii_uppercase();
        if !RECORD_TYPES.contains(&rtype.as_str()) {
            ctx.error(
                "unknown-record-type",
                span_of(&r.rtype),
                format!("unknown record type `{}`", r.rtype.get_ref()),
                Some("use A, AAAA, CNAME, TXT, MX, NS or CAA".into()),
            );
        }
        let purpose = match r.purpose.as_ref().map(|p| p.get_ref().as_str()) {
            None | Some("serve") => Purpose::Serve,
            Some("validation") => Purpose::Validation,
            Some(other) => {
                let near = nearest(other, PURPOSES, 1);
                ctx.error(
                    "unknown-value",
                    span_of(r.purpose.as_ref().expect("matched Some")),
                    format!("unknown record purpose `{other}`"),
                    Some(if near.is_empty() {
                        "use `serve` or `validation`".into()
                    } else {
                        did_you_mean(&near)
                    }),
                );
                Purpose::Serve
            }
        };
        model.records.push(Record {
            host,
            rtype,
            target: target.unwrap_or(CompId(0)),
            writer: writer.unwrap_or(WriterId(0)),
            env: env(ctx, &r.env),
            proxied: r.proxied.as_ref().is_some_and(|p| *p.get_ref()),
            purpose,
            provenance: ids.provenance(
                ctx,
                "record",
                r.host.get_ref(),
                span_of(&r.host),
                r.provenance(),
            ),
            span: span_of(&r.host),
            proxied_span: r.proxied.as_ref().map(span_of),
        });
    }
}
