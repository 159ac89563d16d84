//! `archsim list [components|records|flows|providers]`

use archsim_core::{FlowStart, Model};
use clap::ArgMatches;
use serde::Serialize;

use super::{Answer, Ctx, value};
use crate::error::CliError;
use crate::json::model::{ComponentJson, FlowJson, ProviderJson, RecordJson};
use crate::render::{Table, shown};

/// `{"components": […]}` and its siblings: the same shapes as `export json`.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum ListJson<'a> {
    Components(Vec<ComponentJson<'a>>),
    Records(Vec<RecordJson<'a>>),
    Flows(Vec<FlowJson<'a>>),
    Providers(Vec<ProviderJson<'a>>),
}

/// List one kind of thing the model holds.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let model = engine.model();
    let what = value(m, "what");
    ctx.answer(|| to_json(model, what), || human(ctx, model, what))
}

fn to_json<'a>(m: &'a Model, what: &str) -> ListJson<'a> {
    match what {
        "records" => ListJson::Records(m.records.iter().map(|r| RecordJson::new(m, r)).collect()),
        "flows" => ListJson::Flows(m.flows.iter().map(|f| FlowJson::new(m, f)).collect()),
        "providers" => ListJson::Providers(
            m.providers
                .iter()
                .map(|p| ProviderJson::new(m, p))
                .collect(),
        ),
        _ => ListJson::Components(
            m.components
                .iter()
                .map(|c| ComponentJson::new(m, c))
                .collect(),
        ),
    }
}

fn human(ctx: &Ctx, m: &Model, what: &str) -> String {
    let style = ctx.style;
    let table = match what {
        "records" => {
            let mut t = Table::new(&[
                "HOST", "TYPE", "TARGET", "WRITER", "ENV", "PROXIED", "PURPOSE",
            ]);
            for r in &m.records {
                t.row(vec![
                    style.id(&r.host),
                    shown(&r.rtype).into_owned(),
                    shown(&m.component(r.target).id).into_owned(),
                    shown(&m.writers[r.writer.index()].id).into_owned(),
                    shown(&r.env).into_owned(),
                    r.proxied.to_string(),
                    match r.purpose {
                        archsim_core::Purpose::Serve => "serve".into(),
                        archsim_core::Purpose::Validation => "validation".into(),
                    },
                ]);
            }
            t
        }
        "flows" => {
            let mut t = Table::new(&["FLOW", "STARTS AT", "NAME"]).wrap_at(ctx.width);
            for f in &m.flows {
                let start = match &f.start {
                    FlowStart::Host(host) => host.as_str(),
                    FlowStart::Path(steps) => {
                        steps.first().map_or("-", |&c| m.component(c).id.as_str())
                    }
                };
                t.row(vec![
                    style.id(&f.id),
                    shown(start).into_owned(),
                    shown(&f.name).into_owned(),
                ]);
            }
            t
        }
        "providers" => {
            let mut t = Table::new(&["PROVIDER", "NAME", "HOME", "JOB"]).wrap_at(ctx.width);
            for p in &m.providers {
                t.row(vec![
                    style.id(&p.id),
                    shown(&p.name).into_owned(),
                    shown(m.region_name(p.home_region)).into_owned(),
                    shown(&p.job).into_owned(),
                ]);
            }
            t
        }
        _ => {
            let mut t = Table::new(&["COMPONENT", "KIND", "PROVIDER", "REGION", "ENV", "NAME"])
                .wrap_at(ctx.width);
            for c in &m.components {
                t.row(vec![
                    style.id(&c.id),
                    shown(&c.kind).into_owned(),
                    shown(m.provider_name(c.provider)).into_owned(),
                    shown(m.region_name(c.region)).into_owned(),
                    shown(&c.env).into_owned(),
                    shown(&c.name).into_owned(),
                ]);
            }
            t
        }
    };
    table.render(style, 0)
}
