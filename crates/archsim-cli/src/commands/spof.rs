//! `archsim spof [FLOW]`

use archsim_core::suggest::nearest;
use archsim_core::{Engine, FlowId, FlowSpof};
use clap::ArgMatches;

use super::{Answer, Ctx, flow_label, id_list, ids};
use crate::basis::{self, Notes};
use crate::error::CliError;
use crate::json::{BasisJson, SpofFlowJson, SpofJson};
use crate::render::Table;

/// Single points of failure of every flow, or of one.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let mut spofs = engine.spof();
    if let Some(name) = m.get_one::<String>("flow") {
        let flow = find_flow(engine, name)?;
        spofs.retain(|s| s.flow == flow);
    }
    ctx.answer(|| to_json(engine, &spofs), || human(ctx, engine, &spofs))
}

/// A flow by id, or by the host it serves (any spelling `route` accepts).
fn find_flow(engine: &Engine, name: &str) -> Result<FlowId, CliError> {
    let model = engine.model();
    if let Some(flow) = model.flow_by_id(name.trim()) {
        return Ok(flow);
    }
    if let Ok(host) = engine.zone_host(name) {
        let by_host = model
            .flows
            .iter()
            .position(|f| f.entry_host() == Some(host.as_str()) && f.id == host)
            .or_else(|| {
                model
                    .flows
                    .iter()
                    .position(|f| f.entry_host() == Some(host.as_str()))
            });
        if let Some(i) = by_host {
            return Ok(FlowId::from_index(i));
        }
    }
    Err(CliError::new(
        "unknown-flow",
        format!("`{}` is not a flow of the model", name.trim()),
    )
    .with_suggestions(nearest(
        name.trim(),
        model.flows.iter().map(|f| f.id.as_str()),
        3,
    )))
}

fn to_json<'a>(engine: &'a Engine, spofs: &'a [FlowSpof]) -> SpofJson<'a> {
    let model = engine.model();
    SpofJson {
        flows: spofs
            .iter()
            .map(|s| {
                let flow = &model.flows[s.flow.index()];
                SpofFlowJson {
                    flow: &flow.id,
                    entry: flow.entry_host(),
                    spof: ids(model, &s.components),
                    cut_short: s.cut_short,
                    basis: BasisJson::new(model, &s.basis),
                }
            })
            .collect(),
    }
}

fn human(ctx: &Ctx, engine: &Engine, spofs: &[FlowSpof]) -> String {
    let model = engine.model();
    let style = ctx.style;
    let mut notes = Notes::default();
    let mut table =
        Table::new(&["FLOW", basis::COLUMN, "SINGLE POINTS OF FAILURE"]).wrap_at(ctx.width);
    for s in spofs {
        let list = ids(model, &s.components);
        let mut text = if list.is_empty() && !s.cut_short {
            style.dim("none: every component has a way round it")
        } else {
            id_list(&list)
        };
        if s.cut_short {
            text.push_str(&style.dim(&format!(" ({})", FlowSpof::CUT_SHORT_NOTE)));
        }
        table.row(vec![
            style.id(&flow_label(&model.flows[s.flow.index()])),
            notes.mark(style, model, &s.basis),
            text,
        ]);
        table.note(basis::facts(style, model, &s.basis));
    }
    let mut out = table.render(style, 2);
    out.push_str(&format!(
        "\n  {}\n",
        style.dim(
            "A single point of failure takes the flow down on its own; `archsim fail ID` shows how."
        )
    ));
    out.push_str(&notes.render(style, ctx.width, model, ctx.verbose));
    out
}
