//! `archsim fail SELECTOR... [--reschedule S]...`

use archsim_core::select::{scenario_basis, selection_basis};
use archsim_core::{Engine, Outcome, State, select};
use clap::ArgMatches;

use super::{Answer, Ctx, chain, flow_label, id_list, ids, values};
use crate::basis::{self, Notes};
use crate::error::CliError;
use crate::json::{BasisJson, FailJson, FlowJson};
use crate::render::{Table, list, shown};

/// Fail the selected components and report every flow.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let fail = values(m, "selectors");
    let reschedule = values(m, "reschedule");
    if fail.is_empty() && reschedule.is_empty() {
        return Err(CliError::usage(
            "name something to fail (or to --reschedule); `archsim scenarios` lists ready-made sets",
        ));
    }
    let selection = select::select(engine.model(), &fail, &reschedule)?;
    let outcome = engine.simulate(&selection);
    ctx.answer(
        || to_json(engine, &outcome),
        || human(ctx, engine, &outcome),
    )
}

fn to_json<'a>(engine: &'a Engine, outcome: &'a Outcome) -> FailJson<'a> {
    let model = engine.model();
    FailJson {
        failed: ids(model, &outcome.selection.failed),
        restarting: ids(model, &outcome.selection.restarting),
        scenarios: outcome
            .selection
            .scenarios
            .iter()
            .map(|&s| model.scenarios[s].id.as_str())
            .collect(),
        basis: BasisJson::new(model, &selection_basis(model, &outcome.selection)),
        flows: outcome
            .flows
            .iter()
            .map(|f| {
                let flow = &model.flows[f.flow.index()];
                FlowJson {
                    flow: &flow.id,
                    name: &flow.name,
                    entry: flow.entry_host(),
                    state: f.state.as_str(),
                    because: ids(model, &f.because),
                    path: ids(model, &f.path),
                    basis: BasisJson::new(model, &f.basis),
                }
            })
            .collect(),
    }
}

fn human(ctx: &Ctx, engine: &Engine, outcome: &Outcome) -> String {
    let model = engine.model();
    let style = ctx.style;
    let selection = &outcome.selection;
    // Every answer's assumptions, numbered once each, listed below.
    let mut notes = Notes::default();
    let mut head = Table::default().wrap_at(ctx.width);
    for (label, set) in [
        ("failing", &selection.failed),
        ("restarting", &selection.restarting),
    ] {
        if !set.is_empty() {
            head.row(vec![label.into(), id_list(&ids(model, set))]);
        }
    }
    // What picked them: the scenarios named and the fields the selectors
    // read (a region, a Terraform flag), assumed ones included.
    if selection.fields != 0 {
        let picked = selection_basis(model, selection);
        head.note(basis::line(
            notes.mark(style, model, &picked),
            basis::facts(style, model, &picked),
        ));
    }
    for &s in &selection.scenarios {
        let scenario = &model.scenarios[s];
        head.row(vec![
            "scenario".into(),
            format!("{} ({})", style.bold(&scenario.id), shown(&scenario.name)),
        ]);
        head.note(style.dim(&scenario.teaches));
        // The scenario alone: its entry and the fields its selectors read.
        let own = scenario_basis(model, s);
        head.note(basis::line(
            notes.mark(style, model, &own),
            basis::facts(style, model, &own),
        ));
    }
    let mut out = head.render(style, 2);
    out.push('\n');

    let mut table = Table::new(&["FLOW", "STATE", basis::COLUMN, "BECAUSE"]).wrap_at(ctx.width);
    for f in &outcome.flows {
        let flow = &model.flows[f.flow.index()];
        table.row(vec![
            style.id(&flow_label(flow)),
            style.state(f.state),
            notes.mark(style, model, &f.basis),
            chain(&ids(model, &f.because)),
        ]);
        table.note(basis::facts(style, model, &f.basis));
    }
    out.push_str(&table.render(style, 2));

    let mut counts = Vec::new();
    for state in State::ALL.iter().rev() {
        let n = outcome.flows.iter().filter(|f| f.state == *state).count();
        if n > 0 {
            counts.push(format!("{n} {}", state.word()));
        }
    }
    let checked = outcome
        .flows
        .iter()
        .filter(|f| f.basis.is_checked(model))
        .count();
    out.push_str(&format!(
        "\n  {}: {}{}\n",
        style.bold(&format!("{} flows", outcome.flows.len())),
        list(&counts),
        basis::counts(checked, outcome.flows.len())
    ));
    out.push_str(&notes.render(style, ctx.width, model, ctx.verbose));
    out
}
