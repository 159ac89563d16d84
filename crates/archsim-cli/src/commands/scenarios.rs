//! `archsim scenarios`

use archsim_core::select::scenario_basis;
use archsim_core::{Model, Scenario};
use serde::Serialize;

use super::{Answer, Ctx};
use crate::basis::{self, Notes};
use crate::error::CliError;
use crate::json::BasisJson;
use crate::json::model::ScenarioJson;
use crate::render::{shown, wrap};

#[derive(Serialize)]
struct ScenariosJson<'a> {
    scenarios: Vec<ScenarioBasisJson<'a>>,
}

/// A scenario as `export json` writes it, with what it rests on.
#[derive(Serialize)]
struct ScenarioBasisJson<'a> {
    #[serde(flatten)]
    scenario: ScenarioJson<'a>,
    basis: BasisJson<'a>,
}

fn to_json(model: &Model) -> ScenariosJson<'_> {
    ScenariosJson {
        scenarios: model
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s): (usize, &Scenario)| ScenarioBasisJson {
                scenario: ScenarioJson::new(s),
                basis: BasisJson::new(model, &scenario_basis(model, i)),
            })
            .collect(),
    }
}

/// The model's named failure sets, with what each teaches.
pub fn run(ctx: &Ctx) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let model = engine.model();
    ctx.answer(
        || to_json(model),
        || {
            let style = ctx.style;
            let mut notes = Notes::default();
            let mut out = String::new();
            for (i, s) in model.scenarios.iter().enumerate() {
                out.push_str(&format!("{}  {}\n", style.id(&s.id), style.bold(&s.name)));
                let mut what = Vec::new();
                if !s.fail.is_empty() {
                    what.push(format!("fails {}", s.fail.join(", ")));
                }
                if !s.reschedule.is_empty() {
                    what.push(format!("restarts {}", s.reschedule.join(", ")));
                }
                out.push_str(&format!(
                    "    {}\n",
                    style.dim_lines(&wrap(&shown(&what.join("; ")), ctx.width, 4))
                ));
                out.push_str(&format!("    {}\n", wrap(&shown(&s.teaches), ctx.width, 4)));
                let own = scenario_basis(model, i);
                let line = basis::line(
                    notes.mark(style, model, &own),
                    basis::facts(style, model, &own),
                );
                out.push_str(&format!("    {}\n\n", wrap(&line, ctx.width, 4)));
            }
            out.push_str(&format!(
                "{}\n",
                style.dim("Run one with `archsim fail SCENARIO`; combine it with other selectors.")
            ));
            out.push_str(&notes.render(style, ctx.width, model, ctx.verbose));
            out
        },
    )
}
