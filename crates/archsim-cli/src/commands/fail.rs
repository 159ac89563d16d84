//! `archsim fail SELECTOR... [--reschedule S]...`

use archsim_core::{Engine, Outcome, State, select};
use clap::ArgMatches;

use super::{Answer, Ctx, chain, flow_label, id_list, ids, values};
use crate::error::CliError;
use crate::json::{AssumptionJson, FailJson, FlowJson};
use crate::render::{Table, list, shown, wrap};

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
                    assumptions: AssumptionJson::list(model, &f.basis),
                }
            })
            .collect(),
    }
}

fn human(ctx: &Ctx, engine: &Engine, outcome: &Outcome) -> String {
    let model = engine.model();
    let style = ctx.style;
    let selection = &outcome.selection;
    let mut head = Table::default().wrap_at(ctx.width);
    for (label, set) in [
        ("failing", &selection.failed),
        ("restarting", &selection.restarting),
    ] {
        if !set.is_empty() {
            head.row(vec![label.into(), id_list(&ids(model, set))]);
        }
    }
    for &s in &selection.scenarios {
        let s = &model.scenarios[s];
        head.row(vec![
            "scenario".into(),
            format!("{} ({})", style.bold(&s.id), shown(&s.name)),
        ]);
        head.note(style.dim(&s.teaches));
    }
    let mut out = head.render(style, 2);
    out.push('\n');

    // Assumptions of the flows that are not ok, numbered once each.
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut table = Table::new(&["FLOW", "STATE", "BECAUSE", "ASSUMES"]);
    for f in &outcome.flows {
        let flow = &model.flows[f.flow.index()];
        let mut refs = Vec::new();
        if f.state != State::Ok {
            for a in f.basis.assumptions(model) {
                let a = (
                    archsim_core::basis::label(model, a.premise),
                    a.says.to_owned(),
                );
                let n = match notes.iter().position(|x| *x == a) {
                    Some(n) => n,
                    None => {
                        notes.push(a);
                        notes.len() - 1
                    }
                };
                refs.push(n + 1);
            }
        }
        refs.sort_unstable();
        let refs: Vec<String> = refs.iter().map(|n| format!("[{n}]")).collect();
        table.row(vec![
            style.id(&flow_label(flow)),
            style.state(f.state),
            chain(&ids(model, &f.because)),
            style.dim(&refs.join("")),
        ]);
    }
    out.push_str(&table.render(style, 2));

    let mut counts = Vec::new();
    for state in State::ALL.iter().rev() {
        let n = outcome.flows.iter().filter(|f| f.state == *state).count();
        if n > 0 {
            counts.push(format!("{n} {}", state.as_str()));
        }
    }
    out.push_str(&format!(
        "\n  {}: {}\n",
        style.bold(&format!("{} flows", outcome.flows.len())),
        list(&counts)
    ));
    if !notes.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold("Assumes (what the answers for the affected flows lean on)")
        ));
        for (i, (about, text)) in notes.iter().enumerate() {
            let label = format!("[{}]", i + 1);
            let indent = 3 + label.len();
            out.push_str(&format!(
                "  {} {}\n",
                style.dim(&label),
                wrap(
                    &format!("{}: {}", shown(about), shown(text)),
                    ctx.width,
                    indent
                )
            ));
        }
    }
    out
}
