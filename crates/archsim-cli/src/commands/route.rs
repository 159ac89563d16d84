//! `archsim route HOST|URL [--fail S]... [--reschedule S]...`

use archsim_core::{Engine, Route, RouteVerdict, Selection, select};
use clap::ArgMatches;

use super::{Answer, Ctx, chain, id_list, ids, value, values};
use crate::error::CliError;
use crate::json::{BasisJson, HopJson, RecordRefJson, RouteJson};
use crate::render::{Table, shown, wrap};

/// Route a host under the selected failures.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let selection = select::select(engine.model(), &values(m, "fail"), &values(m, "reschedule"))?;
    let route = engine.route(value(m, "host"), &selection)?;
    ctx.answer(
        || to_json(engine, &route, &selection),
        || human(ctx, engine, &route, &selection),
    )
}

fn to_json<'a>(engine: &'a Engine, route: &'a Route, selection: &'a Selection) -> RouteJson<'a> {
    let model = engine.model();
    RouteJson {
        input: &route.input,
        host: &route.host,
        verdict: route.verdict.as_str(),
        record: route.records.first().map(|&r| RecordRefJson::new(model, r)),
        hops: route
            .hops
            .iter()
            .map(|hop| {
                let c = model.component(hop.component);
                HopJson {
                    id: &c.id,
                    name: &c.name,
                    provider: model.provider_name(c.provider),
                    region: c.region.map(|r| model.regions[r.index()].id.as_str()),
                    why: &hop.why,
                    state: hop.state.as_str(),
                }
            })
            .collect(),
        because: ids(model, &route.because),
        nearby: &route.nearby,
        basis: BasisJson::new(model, &route.basis),
        failed: ids(model, &selection.failed),
        restarting: ids(model, &selection.restarting),
    }
}

fn human(ctx: &Ctx, engine: &Engine, route: &Route, selection: &Selection) -> String {
    let model = engine.model();
    let style = ctx.style;
    let mut out = format!(
        "{}  {}\n",
        style.bold(&route.host),
        style.verdict(route.verdict)
    );
    let mut facts = Table::default().wrap_at(ctx.width);
    if route.input.trim() != route.host {
        facts.row(vec!["asked".into(), shown(route.input.trim()).into_owned()]);
    }
    for (label, set) in [
        ("failing", &selection.failed),
        ("restarting", &selection.restarting),
    ] {
        if !set.is_empty() {
            facts.row(vec![label.into(), id_list(&ids(model, set))]);
        }
    }
    if let RouteVerdict::NoRecord = route.verdict {
        out.push_str(&facts.render(style, 2));
        out.push_str(&format!(
            "\n  The {} zone has no record for {}.\n",
            shown(&model.zone.name),
            shown(&route.host)
        ));
        if !route.nearby.is_empty() {
            let text = format!(
                "Hosts that do exist nearby: {}",
                shown(&route.nearby.join(", "))
            );
            out.push_str(&format!("  {}\n", wrap(&text, ctx.width, 2)));
        }
        out.push_str(&format!(
            "  How a host gets a record: {}\n",
            style.bold(&format!("archsim dns {}", route.host))
        ));
        out.push_str(&ctx.basis(model, &route.basis));
        return out;
    }
    if let Some(&record) = route.records.first() {
        let r = &model.records[record.index()];
        let w = &model.writers[r.writer.index()];
        let owner = w
            .owner_id
            .as_ref()
            .map(|o| format!(", owner ID {}", shown(o)))
            .unwrap_or_default();
        facts.row(vec![
            "record".into(),
            format!(
                "{} → {}, proxied = {}",
                shown(&r.rtype),
                shown(&model.component(r.target).id),
                r.proxied
            ),
        ]);
        facts.row(vec![
            "writer".into(),
            format!("{} ({}{owner})", shown(&w.name), shown(&w.source)),
        ]);
    }
    if !route.because.is_empty() {
        facts.row(vec!["because".into(), chain(&ids(model, &route.because))]);
    }
    out.push_str(&facts.render(style, 2));
    out.push('\n');
    out.push_str(&hops(ctx, engine, route));
    out.push_str(&ctx.basis(model, &route.basis));
    out
}

fn hops(ctx: &Ctx, engine: &Engine, route: &Route) -> String {
    let model = engine.model();
    let style = ctx.style;
    let mut table = Table::new(&["#", "HOP", "PROVIDER", "REGION", "STATE"]).wrap_at(ctx.width);
    for (i, hop) in route.hops.iter().enumerate() {
        let c = model.component(hop.component);
        table.row(vec![
            (i + 1).to_string(),
            style.id(&c.id),
            shown(model.provider_name(c.provider)).into_owned(),
            shown(model.region_name(c.region)).into_owned(),
            style.state(hop.state),
        ]);
        table.note(shown(&c.name).into_owned());
        table.note(style.dim(&hop.why));
    }
    table.render(style, 2)
}
