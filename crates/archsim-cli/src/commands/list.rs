//! `archsim list [components|records|flows|providers]`

use archsim_core::{FlowStart, Model};
use clap::ArgMatches;
use serde::Serialize;

use super::{Answer, Ctx, value};
use crate::error::CliError;
use crate::json::model::{ComponentJson, FlowJson, ProviderJson, RecordJson};
use crate::render::Table;

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
                    r.rtype.clone(),
                    m.component(r.target).id.clone(),
                    m.writers[r.writer.index()].id.clone(),
                    r.env.clone(),
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
                    FlowStart::Host(host) => host.clone(),
                    FlowStart::Path(steps) => steps
                        .first()
                        .map_or_else(|| "-".to_owned(), |&c| m.component(c).id.clone()),
                };
                t.row(vec![style.id(&f.id), start, f.name.clone()]);
            }
            t
        }
        "providers" => {
            let mut t = Table::new(&["PROVIDER", "NAME", "HOME", "JOB"]).wrap_at(ctx.width);
            for p in &m.providers {
                t.row(vec![
                    style.id(&p.id),
                    p.name.clone(),
                    m.region_name(p.home_region).to_owned(),
                    p.job.clone(),
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
                    c.kind.clone(),
                    m.provider_name(c.provider).to_owned(),
                    m.region_name(c.region).to_owned(),
                    c.env.clone(),
                    c.name.clone(),
                ]);
            }
            t
        }
    };
    table.render(style, 0)
}
