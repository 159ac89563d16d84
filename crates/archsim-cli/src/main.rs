//! `archsim`: ask an architecture model questions from the command line.
//!
//! A thin shell over `archsim-core`: parse the arguments, load the model,
//! run one command, map the outcome to an exit code (0 answered, 1 `check`
//! found errors or `diff --deny` a forbidden change, 2 bad input). Every
//! answer is computed by the core; this crate only translates it into text
//! or JSON.
#![deny(missing_docs)]

mod basis;
mod cli;
mod commands;
mod error;
mod input;
mod json;
mod output;
mod render;
mod side;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

use clap::error::ErrorKind;
use commands::Ctx;
use error::{CliError, EXIT_BAD_INPUT};
use input::ModelInput;
use render::shown::shown;
use render::{ColorChoice, Style};

/// Columns for wrapping when stdout is not a terminal (or says nothing).
const DEFAULT_WIDTH: usize = 100;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    ExitCode::from(run(&args))
}

fn run(args: &[OsString]) -> u8 {
    let pre = cli::prescan(args);
    let input = match &pre.model {
        Some(path) => ModelInput::read(path),
        None => Ok(ModelInput::embedded()),
    };
    let model = match &input {
        Ok(ModelInput {
            engine: Ok(engine), ..
        }) => Some(engine.model()),
        _ => None,
    };
    let mut command = cli::command(model);
    let matches = match command.try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        Err(error) => {
            // `place` takes its flags from the model: without a model every
            // question flag is unknown, and the model is what is wrong.
            if error.kind() == ErrorKind::UnknownArgument
                && pre.subcommand.as_deref() == Some("place")
                && let Some(model_error) = model_error(&input)
            {
                let choice = ColorChoice::parse(pre.color.as_deref().unwrap_or("auto"));
                let err_style = Style::new(choice, std::io::stderr().is_terminal());
                return output::error(&model_error, input.as_ref().ok(), pre.json, err_style);
            }
            return output::clap_error(error, &command, args, pre.json);
        }
    };
    let json = matches.get_flag("json");
    let choice = ColorChoice::parse(matches.get_one::<String>("color").map_or("auto", |s| s));
    let stdout_terminal = std::io::stdout().is_terminal();
    let err_style = Style::new(choice, std::io::stderr().is_terminal());
    if let Some(("help", m)) = matches.subcommand() {
        return help(&command, m, json, err_style);
    }
    let ctx = Ctx {
        json,
        style: Style::new(choice, stdout_terminal),
        width: width(stdout_terminal),
        verbose: matches.get_flag("verbose"),
        input,
    };
    let is_check = matches!(matches.subcommand_name(), Some("check"));
    if !is_check && !json {
        warn_about_warnings(&ctx, err_style);
    }
    match commands::dispatch(&ctx, &matches) {
        Ok(answer) => match output::stdout(&answer.text, ctx.style) {
            Ok(()) => answer.code,
            Err(e) => {
                output::stderr(&format!("error: cannot write the answer: {e}\n"), err_style);
                EXIT_BAD_INPUT
            }
        },
        Err(error) => output::error(&error, ctx.input.as_ref().ok(), json, err_style),
    }
}

/// Why no command can answer from the model, if it did not load.
fn model_error(input: &Result<ModelInput, CliError>) -> Option<CliError> {
    match input {
        Err(error) => Some(error.clone()),
        Ok(ModelInput {
            engine: Err(diagnostics),
            file,
            ..
        }) => Some(CliError::invalid_model(file, diagnostics.clone())),
        Ok(_) => None,
    }
}

/// `archsim help [COMMAND]...`: the same text as `archsim [COMMAND]... --help`,
/// with or without `--json` (help has no JSON form).
fn help(command: &clap::Command, m: &clap::ArgMatches, json: bool, style: Style) -> u8 {
    let names: Vec<&str> = m
        .get_many::<String>("command")
        .map(|v| v.map(String::as_str).collect())
        .unwrap_or_default();
    match cli::help_args(command, &names) {
        Ok(help_args) => {
            let mut command = command.clone();
            match command.try_get_matches_from_mut(&help_args) {
                Err(error) => output::clap_error(error, &command, &help_args, json),
                Ok(_) => {
                    let e = CliError::new("internal", "`--help` printed no help");
                    output::error(&e, None, json, style)
                }
            }
        }
        Err(error) => output::error(&error, None, json, style),
    }
}

/// Columns to wrap at: `COLUMNS` on a terminal, else a fixed width so piped
/// output is the same everywhere.
fn width(terminal: bool) -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    match columns {
        Some(c) if terminal && (40..=500).contains(&c) => c,
        _ => DEFAULT_WIDTH,
    }
}

/// One line on stderr when a model that loaded has warnings.
fn warn_about_warnings(ctx: &Ctx, style: Style) {
    let Ok(input) = &ctx.input else { return };
    let Ok(engine) = &input.engine else { return };
    let n = engine.warnings().len();
    if n > 0 {
        let s = if n == 1 { "" } else { "s" };
        output::stderr(
            &format!(
                "{}{} the model `{}` has {n} warning{s}; `archsim check` shows them\n",
                style.warning("warning"),
                style.bold(":"),
                shown(&input.file)
            ),
            style,
        );
    }
}
