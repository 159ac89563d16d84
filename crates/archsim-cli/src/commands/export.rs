//! `archsim export mermaid|dot|json`

use archsim_core::export;
use clap::ArgMatches;

use super::{Answer, Ctx, value};
use crate::error::CliError;
use crate::json::model::ModelJson;
use crate::json::{self, ExportTextJson};

/// A diagram of the model, or the whole model as JSON.
pub fn run(ctx: &Ctx, m: &ArgMatches) -> Result<Answer, CliError> {
    let engine = ctx.engine()?;
    let model = engine.model();
    let format = value(m, "format");
    let text = match format {
        "mermaid" => export::mermaid(model),
        "dot" => export::dot(model),
        // JSON is already JSON: `--json` changes nothing.
        _ => return Ok(Answer::new(json::to_text(&ModelJson::new(model))?)),
    };
    if ctx.json {
        Ok(Answer::new(json::to_text(&ExportTextJson {
            format,
            text: &text,
        })?))
    } else {
        Ok(Answer::new(text))
    }
}
