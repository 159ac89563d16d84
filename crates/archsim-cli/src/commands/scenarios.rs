//! `archsim scenarios`

use serde::Serialize;

use super::{Answer, Ctx};
use crate::error::CliError;
use crate::json::model::ScenarioJson;
use crate::render::{shown, wrap};

#[derive(Serialize)]
struct ScenariosJson<'a> {
    scenarios: Vec<ScenarioJson<'a>>,
}

/// The model's named failure sets, with what each teaches.
pub fn run(ctx: &Ctx) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let model = engine.model();
    ctx.answer(
        || ScenariosJson {
            scenarios: model.scenarios.iter().map(ScenarioJson::new).collect(),
        },
        || {
            let style = ctx.style;
            let mut out = String::new();
            for s in &model.scenarios {
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
                    style.dim(&wrap(&shown(&what.join("; ")), ctx.width, 4))
                ));
                out.push_str(&format!(
                    "    {}\n\n",
                    wrap(&shown(&s.teaches), ctx.width, 4)
                ));
            }
            out.push_str(&format!(
                "{}\n",
                style.dim("Run one with `archsim fail SCENARIO`; combine it with other selectors.")
            ));
            out
        },
    )
}
