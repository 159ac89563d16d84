//! `archsim check`: the model's diagnostics, rendered like rustc's.

use super::{Answer, Ctx};
use crate::error::{CliError, EXIT_FINDINGS, EXIT_OK};
use crate::json::{self, CheckJson, DiagnosticJson};
use crate::render::diagnostic::{diagnostic, summary};

/// Every error and warning of the model; exit 1 when there are errors.
///
/// A model that loads with errors is this command's answer, not bad input;
/// a file that cannot be read at all still is.
pub fn run(ctx: &Ctx) -> Result<Answer, CliError> {
    let input = ctx.input.as_ref().map_err(Clone::clone)?;
    let diagnostics = input.diagnostics();
    let ok = !diagnostics.iter().any(|d| d.is_error());
    let text = if ctx.json {
        json::to_text(&CheckJson {
            ok,
            diagnostics: diagnostics.iter().map(DiagnosticJson::new).collect(),
        })?
    } else {
        let source = input.source();
        let mut text: String = diagnostics
            .iter()
            .map(|d| diagnostic(d, &source, ctx.style))
            .collect();
        text.push_str(&summary(&input.file, diagnostics, ctx.style));
        text
    };
    Ok(Answer {
        text,
        code: if ok { EXIT_OK } else { EXIT_FINDINGS },
    })
}
