//! One module per command. Each takes the parsed arguments, asks the core,
//! and turns the answer into text or JSON; none of them computes anything
//! about the architecture itself.

pub mod check;
pub mod diff;
pub mod dns;
pub mod export;
pub mod fail;
pub mod generate;
pub mod list;
pub mod place;
pub mod route;
pub mod scenarios;
pub mod schema;
pub mod spof;

use archsim_core::{CompId, Engine, Flow, Model};
use clap::ArgMatches;
use serde::Serialize;

use crate::error::{CliError, EXIT_OK};
use crate::input::ModelInput;
use crate::json;
use crate::render::{Style, shown};

/// What every command needs: the model and how to print.
pub struct Ctx {
    /// Answer in JSON.
    pub json: bool,
    /// Colour for stdout.
    pub style: Style,
    /// Columns to wrap explanations at.
    pub width: usize,
    /// Say more: the words of the facts an answer rests on.
    pub verbose: bool,
    /// The model, or why it could not be read.
    pub input: Result<ModelInput, CliError>,
}

impl Ctx {
    /// The loaded engine, or the error that stops every command but `check`.
    pub fn engine(&self) -> Result<&Engine, CliError> {
        let input = self.input.as_ref().map_err(Clone::clone)?;
        input
            .engine
            .as_ref()
            .map_err(|diagnostics| CliError::invalid_model(&input.file, diagnostics.clone()))
    }

    /// What one answer rests on, as the text that ends it.
    pub fn basis(&self, model: &Model, basis: &archsim_core::Basis) -> String {
        crate::basis::section(self.style, self.width, model, basis, self.verbose)
    }

    /// The answer as JSON, or the human text from `human`.
    pub fn answer<T: Serialize>(
        &self,
        value: impl FnOnce() -> T,
        human: impl FnOnce() -> String,
    ) -> Result<Answer, CliError> {
        let text = if self.json {
            json::to_text(&value())?
        } else {
            human()
        };
        Ok(Answer::new(text))
    }
}

/// A command's output and exit code.
#[derive(Debug)]
pub struct Answer {
    /// Printed on stdout.
    pub text: String,
    /// 0, or 1 for `check` with errors.
    pub code: u8,
}

impl Answer {
    /// Text with exit code 0.
    pub fn new(text: String) -> Answer {
        Answer {
            text,
            code: EXIT_OK,
        }
    }
}

/// Run the subcommand the user chose.
pub fn dispatch(ctx: &Ctx, matches: &ArgMatches) -> Result<Answer, CliError> {
    match matches.subcommand() {
        Some(("route", m)) => route::run(ctx, m),
        Some(("fail", m)) => fail::run(ctx, m),
        Some(("spof", m)) => spof::run(ctx, m),
        Some(("place", m)) => place::run(ctx, m),
        Some(("dns", m)) => dns::run(ctx, m),
        Some(("diff", m)) => diff::run(ctx, m),
        Some(("check", _)) => check::run(ctx),
        Some(("list", m)) => list::run(ctx, m),
        Some(("scenarios", _)) => scenarios::run(ctx),
        Some(("schema", _)) => schema::run(ctx),
        Some(("export", m)) => export::run(ctx, m),
        Some(("gen", m)) => generate::run(ctx, m),
        _ => Err(CliError::usage("no command given; try `archsim --help`")),
    }
}

/// The string values of a repeatable argument.
pub fn values<'a>(m: &'a ArgMatches, id: &str) -> Vec<&'a str> {
    m.get_many::<String>(id)
        .map(|v| v.map(String::as_str).collect())
        .unwrap_or_default()
}

/// The value of a single string argument ("" when absent).
pub fn value<'a>(m: &'a ArgMatches, id: &str) -> &'a str {
    m.get_one::<String>(id).map_or("", String::as_str)
}

/// Component ids, in the given order.
pub fn ids<'a>(model: &'a Model, components: impl IntoIterator<Item = &'a CompId>) -> Vec<&'a str> {
    components
        .into_iter()
        .map(|&c| model.component(c).id.as_str())
        .collect()
}

/// A flow as people read it: its id, and its host when the id is not the host.
pub fn flow_label(flow: &Flow) -> String {
    match flow.entry_host() {
        Some(host) if host != flow.id => format!("{} ({})", shown(&flow.id), shown(host)),
        _ => shown(&flow.id).into_owned(),
    }
}

/// `a → b → c`, or `-` for nothing.
pub fn chain(ids: &[&str]) -> String {
    if ids.is_empty() {
        "-".to_owned()
    } else {
        shown(&ids.join(" → ")).into_owned()
    }
}

/// Ids as a sentence lists them: `a, b, c`.
pub fn id_list(ids: &[&str]) -> String {
    shown(&ids.join(", ")).into_owned()
}
